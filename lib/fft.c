/* fft.c — the FFT room of libnd: NumPy's numpy.fft on FFTW3 (nd_fft.h). */
#include "nd.h"
