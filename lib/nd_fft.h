/* nd_fft.h — NumPy's numpy.fft on FFTW3 (lib/fft.c). */
#ifndef ND_ND_FFT_H
#define ND_ND_FFT_H

#endif
