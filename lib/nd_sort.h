/* nd_sort.h — the public libnd API of lib/sort.c: sorting, selection,
 * binary search, unique and the set operations of NumPy's arraysetops.
 * Included by nd.h; same ownership rule as nd.h.
 *
 * Axes: an `axis` passed as `const int64_t *` may be NULL, which means
 * NumPy's axis=None (work on the flattened array, C order); otherwise it
 * may be negative and is checked with NumPy's AxisError text.
 *
 * Order: every sort puts NaN last (NumPy's order), compares complex numbers
 * lexicographically (real part, then imaginary part) with the NaN classes
 * [R + Rj, R + nanj, nan + Rj, nan + nanj] in that order, and treats -0.0
 * and 0.0 as equal (a stable sort keeps their input order). */
#ifndef ND_SORT_H
#define ND_SORT_H

typedef enum NdSortKind {
    ND_SORT_QUICKSORT, /* introsort (or a radix sort for big numeric arrays) */
    ND_SORT_MERGESORT, /* stable */
    ND_SORT_HEAPSORT,  /* in place, O(1) extra memory */
    ND_SORT_STABLE,    /* stable (same as mergesort) */
} NdSortKind;

/* NumPy's kind text, read by its first letter as NumPy does ('q', 'm', 'h',
 * 's', any case): ValueError "sort kind must be one of 'quick', 'heap', or
 * 'stable' (got 'xyz')". */
int nd_sort_kind_from_name(const char *name, NdSortKind *out);

/* a.sort(axis, kind): sort `a` itself along axis (not None).  ValueError
 * "sort array is read-only"; AxisError. */
int nd_sort_inplace(NdArray *a, int64_t axis, NdSortKind kind);
/* np.sort: a sorted copy (axis NULL: flattened, 1-d). */
NdArray *nd_sort(NdArray *a, const int64_t *axis, NdSortKind kind);
/* np.argsort: int64 indices that sort `a` along axis (NULL: flattened).
 * Stable for ND_SORT_STABLE/ND_SORT_MERGESORT; the quicksort kind is stable
 * too for lanes of 16 elements or fewer (as NumPy's insertion sort is). */
NdArray *nd_argsort(NdArray *a, const int64_t *axis, NdSortKind kind);
/* np.lexsort: indices sorting by keys[nkeys-1] first, ties broken by
 * keys[nkeys-2], ...  All keys must have the same shape (ValueError "all
 * keys need to be the same shape"); nkeys 0 is TypeError "need sequence of
 * keys with len > 0 in lexsort".  0-d keys give a 0-d 0. */
NdArray *nd_lexsort(int nkeys, NdArray *const *keys, int64_t axis);

/* np.partition: kth holds nkth positions (negative count from the end);
 * ValueError "kth(=5) out of bounds (3)".  Introselect: O(n) per lane even
 * in the worst case (median of medians after too many bad pivots). */
int nd_partition_inplace(NdArray *a, const int64_t *kth, int nkth,
                         int64_t axis);
NdArray *nd_partition(NdArray *a, const int64_t *kth, int nkth,
                      const int64_t *axis);
NdArray *nd_argpartition(NdArray *a, const int64_t *kth, int nkth,
                         const int64_t *axis);

/* np.searchsorted(a, v, side, sorter): int64 positions with v's shape.
 * `a` must be 1-d (ValueError "object too deep for desired array" /
 * "object of too small depth for desired array"); a and v are compared in
 * their promoted dtype.  sorter (may be NULL): integer indices of a's
 * length (ValueError "sorter.size must equal a.size", TypeError "sorter
 * must only contain integers", ValueError "Sorter index out of range."). */
NdArray *nd_searchsorted(NdArray *a, NdArray *v, bool right, NdArray *sorter);

/* np.unique.  out->values always; out->index/inverse/counts only when
 * asked (else NULL).  axis NULL: the flattened array, inverse shaped as
 * `a` (NumPy 2); equal_nan folds every NaN into one.  axis given: unique
 * slices along that axis (rows compared elementwise), inverse 1-d.  Every
 * index array is int64.  On failure returns -1 and sets nothing in out. */
typedef struct NdUnique {
    NdArray *values, *index, *inverse, *counts;
} NdUnique;
int nd_unique(NdArray *a, const int64_t *axis, bool want_index,
              bool want_inverse, bool want_counts, bool equal_nan,
              NdUnique *out);

/* np.count_nonzero: axes NULL counts everything (a 0-d int64 array);
 * otherwise an int64 array over the remaining axes (ValueError "duplicate
 * value in 'axis'"; AxisError). */
NdArray *nd_count_nonzero(NdArray *a, const int64_t *axes, int naxes,
                          bool keepdims);

/* np.isin's kind: 0 none, 1 'sort', 2 'table' ('table' needs bool or integer
 * arrays: ValueError "The 'table' method is only supported for boolean or
 * integer arrays. Please select 'sort' or None for kind."). */
enum { ND_ISIN_DEFAULT, ND_ISIN_SORT, ND_ISIN_TABLE };
/* np.isin: a bool array of element's shape (NaN is never found). */
NdArray *nd_isin(NdArray *element, NdArray *test, bool assume_unique,
                 bool invert, int kind);
/* np.intersect1d: the sorted unique values in both; with ind1/ind2 non-NULL
 * also the indices of their first occurrences in the flattened inputs. */
NdArray *nd_intersect1d(NdArray *a, NdArray *b, bool assume_unique,
                        NdArray **ind1, NdArray **ind2);
NdArray *nd_union1d(NdArray *a, NdArray *b);
NdArray *nd_setdiff1d(NdArray *a, NdArray *b, bool assume_unique);
NdArray *nd_setxor1d(NdArray *a, NdArray *b, bool assume_unique);

#endif
