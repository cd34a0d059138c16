/* nd_numeric.h — the public libnd API of lib/numeric.c (NumPy's numeric
 * helpers: differences, gradients, cross products, integration,
 * convolution, interpolation, binning and histograms, closeness tests,
 * machine limits of the dtypes, sliding windows); included by nd.h.
 * Same ownership rule as nd.h: results are new references, arguments are
 * borrowed; NULL/-1 with the error record set on failure.  Messages are
 * NumPy's. */
#ifndef ND_NUMERIC_H
#define ND_NUMERIC_H

/* diff(a, n, axis, prepend, append): prepend/append may be NULL; a 0-d
 * one is broadcast to a's shape with length 1 along axis.  n == 0 returns
 * a itself; bool arrays use not_equal as NumPy does. */
NdArray *nd_diff(NdArray *a, int64_t n, int64_t axis, NdArray *prepend,
                 NdArray *append);
/* ediff1d(ary, to_end, to_begin): either may be NULL. */
NdArray *nd_ediff1d(NdArray *ary, NdArray *to_end, NdArray *to_begin);
/* gradient of f along naxes axes (axes NULL: every axis, naxes ignored).
 * spacing: nspacing arrays, 0 (unit spacing), 1 (a 0-d spacing used for
 * every axis) or one per axis (0-d: uniform; 1-d: coordinates).
 * edge_order 1 or 2.  Writes one new array per axis to out (room for
 * ND_MAXDIMS) and returns how many, or -1. */
int nd_gradient(NdArray *f, NdArray *const *spacing, int nspacing,
                const int64_t *axes, int naxes, int edge_order, NdArray **out);
/* cross(a, b, axisa, axisb, axisc) of 2- and 3-vectors. */
NdArray *nd_cross(NdArray *a, NdArray *b, int64_t axisa, int64_t axisb,
                  int64_t axisc);
/* trapezoid(y, x, dx, axis): x NULL uses dx (a 0-d array, weak for a
 * Python number). */
NdArray *nd_trapezoid(NdArray *y, NdArray *x, NdArray *dx, int64_t axis);

typedef enum NdConvMode {
    ND_CONV_VALID = 0,
    ND_CONV_SAME = 1,
    ND_CONV_FULL = 2
} NdConvMode;
/* The mode by NumPy's name ("valid", "same", "full"; also "v"/"s"/"f");
 * ValueError "mode must be one of 'valid', 'same', or 'full' (got 'x')". */
int nd_conv_mode(const char *name, NdConvMode *out);
NdArray *nd_convolve(NdArray *a, NdArray *v, NdConvMode mode);
/* correlate conjugates v, as NumPy's does. */
NdArray *nd_correlate(NdArray *a, NdArray *v, NdConvMode mode);

/* interp(x, xp, fp, left, right, period): left/right/period NULL when
 * not given (left/right are ignored with a period, as NumPy). */
NdArray *nd_interp(NdArray *x, NdArray *xp, NdArray *fp, const NdScalar *left,
                   const NdScalar *right, const double *period);
NdArray *nd_digitize(NdArray *x, NdArray *bins, bool right);
/* bincount(x, weights (NULL), minlength). */
NdArray *nd_bincount(NdArray *x, NdArray *weights, int64_t minlength);

/* The bins argument of the histograms: exactly one member is used —
 * edges when non-NULL, else estimator when non-NULL, else count. */
typedef struct NdHistBins {
    int64_t count;         /* equal-width bins */
    NdArray *edges;        /* explicit monotonically increasing edges */
    const char *estimator; /* "auto", "fd", "doane", "scott", "stone",
                              "rice", "sturges", "sqrt" */
} NdHistBins;
/* range: NULL or {first, last}. */
NdArray *nd_histogram_bin_edges(NdArray *a, const NdHistBins *bins,
                                const double *range, NdArray *weights);
int nd_histogram(NdArray *a, const NdHistBins *bins, const double *range,
                 bool density, NdArray *weights, NdArray **hist,
                 NdArray **edges);
/* histogram2d: range[i] NULL or {first, last} for axis i. */
int nd_histogram2d(NdArray *x, NdArray *y, const NdHistBins *bx,
                   const NdHistBins *by, const double *const range[2],
                   bool density, NdArray *weights, NdArray **hist,
                   NdArray **xedges, NdArray **yedges);

/* isclose with NumPy 2's rule |a - b| <= atol + rtol*|b| (b finite) or
 * a == b; rtol/atol broadcast like a and b. */
NdArray *nd_isclose(NdArray *a, NdArray *b, NdArray *rtol, NdArray *atol,
                    bool equal_nan);
/* 1 / 0, or -1 on error. */
int nd_allclose(NdArray *a, NdArray *b, NdArray *rtol, NdArray *atol,
                bool equal_nan);
int nd_array_equal(NdArray *a, NdArray *b, bool equal_nan);
int nd_array_equiv(NdArray *a, NdArray *b);

/* Machine limits.  iinfo: ValueError "Invalid integer data type 'f'."
 * for a non-integer dtype. */
typedef struct NdIinfo {
    int bits;
    int64_t min;
    uint64_t max;
    char kind; /* 'i' or 'u' */
} NdIinfo;
int nd_iinfo(NdType t, NdIinfo *out);
/* finfo of a float or complex dtype (complex: its component type,
 * reported in out->dtype); ValueError "data type <class 'numpy.int64'>
 * not inexact" otherwise. */
typedef struct NdFinfo {
    NdType dtype; /* float32 or float64 */
    int bits, iexp, machep, maxexp, minexp, negep, nexp, nmant, precision;
    double eps, epsneg, max, min, resolution, smallest_normal,
        smallest_subnormal, tiny;
} NdFinfo;
int nd_finfo(NdType t, NdFinfo *out);

/* sliding_window_view(x, window_shape, axis): a view (writeable only when
 * asked and x is).  axes NULL means every axis in order. */
NdArray *nd_sliding_window_view(NdArray *x, const int64_t *window, int nwin,
                                const int64_t *axes, int naxes, bool writeable);

#endif
