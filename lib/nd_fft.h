/* nd_fft.h — NumPy's numpy.fft on FFTW3 (lib/fft.c).
 *
 * The transforms follow NumPy 2: float32/complex64 input is computed in
 * single precision (fftwf) and gives complex64 (float32 for the inverse
 * real transforms); every other dtype is computed in double precision.
 * Lengths `n` / shapes `s` crop or zero-pad the input; `norm` is NULL
 * (NumPy's None, "backward"), "backward", "ortho" or "forward"; the errors
 * are NumPy's, raised in NumPy's order (ValueError "Invalid number of FFT
 * data points (0) specified.", the norm ValueError, AxisError, IndexError
 * for an axis NumPy reads with a plain index).
 *
 * FFTW plans are cached by geometry, dtype, alignment and kind, so a
 * repeated transform of one shape only executes its plan. */
#ifndef ND_ND_FFT_H
#define ND_ND_FFT_H

/* The functions of numpy.fft that transform. */
typedef enum NdFftFunc {
    ND_FFT_FFT,
    ND_FFT_IFFT,
    ND_FFT_RFFT,
    ND_FFT_IRFFT,
    ND_FFT_HFFT,  /* 1-d only */
    ND_FFT_IHFFT, /* 1-d only */
} NdFftFunc;

/* An entry of n / s meaning None (the function's default length). */
#define ND_FFT_DEFAULT INT64_MIN

/* One-dimensional transform along `axis`: fft, ifft, rfft, irfft, hfft,
 * ihfft with NumPy's n (ND_FFT_DEFAULT: a.shape[axis], or 2*(m-1) for
 * irfft and hfft). */
NdArray *nd_fft1(NdFftFunc f, NdArray *a, int64_t n, int64_t axis,
                 const char *norm);

/* N-dimensional transform: fftn, ifftn, rfftn, irfftn (f is ND_FFT_FFT,
 * _IFFT, _RFFT or _IRFFT) with NumPy 2's s/axes rules.  s: ns lengths
 * (entries -1: the input's length; ND_FFT_DEFAULT: None) or NULL (None);
 * axes: naxes axes or NULL (None: the last len(s) axes, or all).  fft2
 * and friends are these with axes (-2, -1).  Transforms over distinct
 * axes run as one multi-dimensional FFTW plan; repeated axes as NumPy's
 * sequence of 1-d passes.  fftn/ifftn over no axes return `a` itself (a
 * new reference), as NumPy does. */
NdArray *nd_fftn(NdFftFunc f, NdArray *a, const int64_t *s, int ns,
                 const int64_t *axes, int naxes, const char *norm);

/* fftfreq(n, d): the sample frequencies [0, 1, ..., -(n//2), ..., -1] /
 * (n*d) (float64); rfftfreq(n, d): [0, 1, ..., n//2] / (n*d).
 * ZeroDivisionError "float division by zero" when n*d == 0, ValueError
 * "negative dimensions are not allowed" for n < 0. */
NdArray *nd_fftfreq(int64_t n, double d);
NdArray *nd_rfftfreq(int64_t n, double d);

/* fftshift / ifftshift (inverse): roll each of the axes (NULL: all) by
 * half its length, so the zero frequency moves to the centre (and back). */
NdArray *nd_fftshift(NdArray *a, const int64_t *axes, int naxes, bool inverse);

/* The planner used for new plans: "estimate" (FFTW_ESTIMATE, the default:
 * no planning time) or "measure" (FFTW_MEASURE: slower planning, often
 * faster plans).  ValueError for any other name. */
int nd_fft_set_planner(const char *name);
const char *nd_fft_planner(void);
/* The number of threads FFTW uses for large transforms (ND_NUM_THREADS,
 * else OMP_NUM_THREADS, else the number of cores). */
int nd_fft_threads(void);
/* Forget every cached plan (tests; the plans are otherwise kept for the
 * life of the process). */
void nd_fft_cache_clear(void);
/* How many plans are cached, and how many were created so far. */
int nd_fft_cache_size(void);
int64_t nd_fft_plans_created(void);

#endif
