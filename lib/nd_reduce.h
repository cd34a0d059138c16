/* nd_reduce.h — the public libnd API of lib/reduce.c (reductions and
 * statistics); included by nd.h.  Same ownership rule as nd.h: results are
 * new references, arguments borrowed, NULL + error record on failure.
 *
 * AXES: every function taking (axes, naxes) reads naxes < 0 as axis=None
 * (every axis), naxes == 0 as the empty tuple (no axis: an elementwise
 * pass), otherwise the listed axes (negative ones count from the end).
 * Errors: AxisError "axis 3 is out of bounds for array of dimension 2",
 * ValueError "duplicate value in 'axis'".
 *
 * DTYPE: ND_NTYPES means "not given" (NumPy's dtype=None).
 *
 * ORDER: float sums (sum, mean, var, std, the add reduction) use NumPy's
 * pairwise summation over the reduced elements taken in C order — blocks of
 * at most 128 elements summed with 8 accumulators, combined by a halving
 * tree fixed by the count alone — whatever the memory layout, so every
 * layout and every (future) thread split gives bit-identical results.
 * Reductions over non-last axes stream whole rows into the output instead
 * of walking memory with a stride per output element. */
#ifndef ND_REDUCE_H
#define ND_REDUCE_H

/* NumPy's ufunc.reduce for a binary ufunc with its own loops: identities
 * (add 0, multiply 1, logical_and True, bitwise_and -1, ...), initial=
 * (NULL: none), where= (NULL: everywhere; a bool mask broadcast to a).
 * add/multiply upcast bool and small integers to int64 (uint64) unless
 * dtype is given.  Errors as NumPy: ValueError "zero-size array to
 * reduction operation maximum which has no identity", "reduction operation
 * 'maximum' does not have an identity, so to use a where mask one has to
 * specify 'initial'", "reduction operation 'subtract' is not reorderable,
 * so at most one axis may be specified". */
NdArray *nd_reduce(NdUfuncId op, NdArray *a, const int *axes, int naxes,
                   bool keepdims, NdType dtype, const NdScalar *initial,
                   NdArray *where);

/* sum / prod: NumPy's np.sum, np.prod. */
NdArray *nd_sum(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdType dtype, const NdScalar *initial, NdArray *where);
NdArray *nd_prod(NdArray *a, const int *axes, int naxes, bool keepdims,
                 NdType dtype, const NdScalar *initial, NdArray *where);
/* max / min (NaN propagates: the first NaN wins). */
NdArray *nd_max(NdArray *a, const int *axes, int naxes, bool keepdims,
                const NdScalar *initial, NdArray *where);
NdArray *nd_min(NdArray *a, const int *axes, int naxes, bool keepdims,
                const NdScalar *initial, NdArray *where);
/* any / all: bool results. */
NdArray *nd_any(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdArray *where);
NdArray *nd_all(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdArray *where);
/* ptp = max - min (same dtype, integers wrap as NumPy's). */
NdArray *nd_ptp(NdArray *a, const int *axes, int naxes, bool keepdims);
/* mean: float64 for bool/integer input, else the input's dtype (float32
 * accumulates pairwise in float32 as NumPy).  An empty slice gives nan and
 * records the RuntimeWarning "Mean of empty slice." (nd_warn) plus the
 * invalid-value event of the division. */
NdArray *nd_mean(NdArray *a, const int *axes, int naxes, bool keepdims,
                 NdType dtype, NdArray *where);
/* var / std with ddof; complex input gives real results.  ddof >= count
 * records "Degrees of freedom <= 0 for slice" and gives nan/inf. */
NdArray *nd_var(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdType dtype, double ddof, NdArray *where);
NdArray *nd_std(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdType dtype, double ddof, NdArray *where);

/* argmax / argmin over one axis (has_axis false: the flattened array),
 * int64 results; the first occurrence wins, a NaN counts as the extreme.
 * ValueError "attempt to get argmax of an empty sequence". */
NdArray *nd_argmax(NdArray *a, bool has_axis, int axis, bool keepdims);
NdArray *nd_argmin(NdArray *a, bool has_axis, int axis, bool keepdims);

/* cumsum / cumprod (and the nan- versions, NaN counted as 0 / 1) along one
 * axis (has_axis false: the flattened array); dtype as sum's. */
NdArray *nd_cumsum(NdArray *a, bool has_axis, int axis, NdType dtype);
NdArray *nd_cumprod(NdArray *a, bool has_axis, int axis, NdType dtype);
NdArray *nd_nancumsum(NdArray *a, bool has_axis, int axis, NdType dtype);
NdArray *nd_nancumprod(NdArray *a, bool has_axis, int axis, NdType dtype);

/* The nan- reductions: NaN is skipped (nansum/nanprod treat it as 0 / 1;
 * nanmin/nanmax of an all-NaN slice give nan with the warning "All-NaN
 * slice encountered"; nanargmin/nanargmax raise ValueError "All-NaN slice
 * encountered"; nanmean "Mean of empty slice"; nanvar/nanstd "Degrees of
 * freedom <= 0 for slice."). */
NdArray *nd_nansum(NdArray *a, const int *axes, int naxes, bool keepdims,
                   NdType dtype, const NdScalar *initial, NdArray *where);
NdArray *nd_nanprod(NdArray *a, const int *axes, int naxes, bool keepdims,
                    NdType dtype, const NdScalar *initial, NdArray *where);
NdArray *nd_nanmax(NdArray *a, const int *axes, int naxes, bool keepdims,
                   const NdScalar *initial, NdArray *where);
NdArray *nd_nanmin(NdArray *a, const int *axes, int naxes, bool keepdims,
                   const NdScalar *initial, NdArray *where);
NdArray *nd_nanargmax(NdArray *a, bool has_axis, int axis, bool keepdims);
NdArray *nd_nanargmin(NdArray *a, bool has_axis, int axis, bool keepdims);
NdArray *nd_nanmean(NdArray *a, const int *axes, int naxes, bool keepdims,
                    NdType dtype, NdArray *where);
NdArray *nd_nanvar(NdArray *a, const int *axes, int naxes, bool keepdims,
                   NdType dtype, double ddof, NdArray *where);
NdArray *nd_nanstd(NdArray *a, const int *axes, int naxes, bool keepdims,
                   NdType dtype, double ddof, NdArray *where);

/* NumPy's quantile methods (method=). */
typedef enum NdQuantileMethod {
    ND_Q_INVERTED_CDF,
    ND_Q_AVERAGED_INVERTED_CDF,
    ND_Q_CLOSEST_OBSERVATION,
    ND_Q_INTERPOLATED_INVERTED_CDF,
    ND_Q_HAZEN,
    ND_Q_WEIBULL,
    ND_Q_LINEAR,
    ND_Q_MEDIAN_UNBIASED,
    ND_Q_NORMAL_UNBIASED,
    ND_Q_LOWER,
    ND_Q_HIGHER,
    ND_Q_MIDPOINT,
    ND_Q_NEAREST,
} NdQuantileMethod;
/* Parse a method name; ValueError "'xyz' is not a valid method. Use one of:
 * ..." on failure. */
int nd_quantile_method(const char *name, NdQuantileMethod *out);

/* quantile(a, q, axis) with q in [0, 1] (q an array of any shape: its axes
 * come first in the result, as NumPy's).  Selection, not sorting (O(n) per
 * slice on average).  A slice holding NaN gives nan.  ValueError
 * "Quantiles must be in the range [0, 1]".  nan_skip: nanquantile. */
NdArray *nd_quantile(NdArray *a, NdArray *q, const int *axes, int naxes,
                     bool keepdims, NdQuantileMethod method, bool nan_skip);
/* median = quantile 0.5 by NumPy's own rule (mean of the two middle
 * values); nan_skip: nanmedian. */
NdArray *nd_median(NdArray *a, const int *axes, int naxes, bool keepdims,
                   bool nan_skip);

/* average(a, axis, weights) (weights NULL: mean); *sum_out (may be NULL)
 * receives the sum of weights broadcast to the result (returned=True).
 * Errors: TypeError "Axis must be specified when shapes of a and weights
 * differ.", ZeroDivisionError "Weights sum to zero, can't be normalized",
 * ValueError "Length of weights not compatible with specified axis.". */
NdArray *nd_average(NdArray *a, const int *axes, int naxes, NdArray *weights,
                    bool keepdims, NdArray **sum_out);
/* cov(m, y) as NumPy: y, fweights, aweights may be NULL; ddof < 0 means
 * not given (bias decides). */
NdArray *nd_cov(NdArray *m, NdArray *y, bool rowvar, bool bias, int64_t ddof,
                NdArray *fweights, NdArray *aweights, NdType dtype);
NdArray *nd_corrcoef(NdArray *x, NdArray *y, bool rowvar, NdType dtype);

#endif
