/* nd_index.h — the public libnd API of lib/index.c: NumPy's indexing
 * (basic indexing gives views, advanced indexing gives copies, assignment
 * through any index) and the helpers built on it (take, put, nonzero,
 * where, compress, place, putmask, diagonal, tril/triu).  Included by nd.h.
 * Same ownership rule as nd.h: arrays in NdIndex items are borrowed. */
#ifndef ND_INDEX_H
#define ND_INDEX_H

/* One item of an index; a multi-index is an array of them. */
typedef enum NdIndexKind {
    ND_INDEX_INT,      /* an integer: negative counts from the end */
    ND_INDEX_SLICE,    /* start:stop:step (Python's slice) */
    ND_INDEX_NEWAXIS,  /* None / newaxis: a new axis of length 1 */
    ND_INDEX_ELLIPSIS, /* ...: as many full slices as needed */
    ND_INDEX_ARRAY,    /* an integer or boolean index array */
} NdIndexKind;

typedef struct NdIndex {
    NdIndexKind kind;
    int64_t i;                 /* ND_INDEX_INT */
    int64_t start, stop, step; /* ND_INDEX_SLICE; step 1 when omitted */
    bool has_start, has_stop;  /* false: omitted (Python's None) */
    NdArray *array;            /* ND_INDEX_ARRAY (borrowed) */
} NdIndex;

/* Items of an index beyond which nothing can be valid (each non-array item
 * but `None` consumes an axis). */
#define ND_INDEX_MAX (2 * ND_MAXDIMS + 2)

/* Python's slice.indices(len): the first index, the step and the number of
 * elements a slice selects along an axis of length len.  ValueError
 * "slice step cannot be zero". */
int nd_slice_indices(const NdIndex *s, int64_t len, int64_t *start,
                     int64_t *step, int64_t *count);

/* True when no item is an index array: a[idx] is then a view. */
bool nd_index_is_basic(const NdIndex *idx, int n);

/* The element a[i, j, ...] selects when the index is one integer per axis
 * (NumPy returns a scalar then): 1 with *ptr set, 0 when the index is of
 * another form, -1 on error (IndexError "index 5 is out of bounds for
 * axis 0 with size 3").  Allocates nothing. */
int nd_index_element(const NdArray *a, const NdIndex *idx, int n, char **ptr);

/* a[idx] with NumPy's rules: a view for a basic index (read-only when a
 * is), a new C-order array for an advanced one, with the advanced
 * dimensions placed as NumPy places them (together in place of adjacent
 * index arrays, first when they are separated).  An index of one integer
 * per axis gives a 0-d view.  IndexErrors with NumPy's texts. */
NdArray *nd_index_get(NdArray *a, const NdIndex *idx, int n);

/* a[idx] = v: v is cast to a's dtype (unsafe, as NumPy's setitem) and
 * broadcast to the indexed shape; with repeated indices the last write
 * wins.  ValueError "assignment destination is read-only", "could not
 * broadcast input array from shape (2,) into shape (3,)", "shape mismatch:
 * value array of shape (2,) could not be broadcast to indexing result of
 * shape (3,)". */
int nd_index_set(NdArray *a, const NdIndex *idx, int n, NdArray *v);

/* ------------------------------------------------------------ helpers */

typedef enum NdClipMode {
    ND_CLIP_RAISE,
    ND_CLIP_WRAP,
    ND_CLIP_CLIP
} NdClipMode;

/* take(a, indices, axis): axis < 0 after normalisation is not allowed;
 * pass flatten=true for axis=None (a is raveled first). */
NdArray *nd_take(NdArray *a, NdArray *indices, int axis, bool flatten,
                 NdClipMode mode);
/* put(a, ind, v, mode): a.flat[ind] = v, v repeated as needed. */
int nd_put(NdArray *a, NdArray *ind, NdArray *v, NdClipMode mode);
/* take_along_axis(arr, indices, axis) as NumPy 2: arr[fancy] where the
 * fancy index holds `indices` at `axis` and arange(n) shaped to broadcast
 * along every other axis, so indices broadcast against arr there.
 * flatten=true for axis=None (arr raveled; indices must be 1-d).
 * IndexError "`indices` must be an integer array", ValueError "`indices`
 * and `arr` must have the same number of dimensions", "when axis=None,
 * `indices` must have a single dimension.", AxisError, and the IndexErrors
 * of advanced indexing (out of bounds, shape mismatch). */
NdArray *nd_take_along_axis(NdArray *arr, NdArray *indices, int axis,
                            bool flatten);
/* put_along_axis(arr, indices, values, axis): the same fancy index,
 * assigned to in place (values cast unsafely and broadcast to the indexed
 * shape); flatten=true for axis=None writes through arr's flat order. */
int nd_put_along_axis(NdArray *arr, NdArray *indices, NdArray *values, int axis,
                      bool flatten);
/* nonzero(a): writes a.ndim new int64 arrays to out (room for
 * ND_MAXDIMS) and returns their count.  ValueError for a 0-d array, as
 * NumPy 2 ("Calling nonzero on 0d arrays is not allowed. ..."). */
int nd_nonzero(NdArray *a, NdArray **out);
/* The number of nonzero elements (count_nonzero without axis). */
int64_t nd_index_count_true(NdArray *a);
/* argwhere(a): an (N, a.ndim) int64 array. */
NdArray *nd_argwhere(NdArray *a);
/* flatnonzero(a): the flat indices of the nonzero elements. */
NdArray *nd_flatnonzero(NdArray *a);
/* where(cond, x, y): x where cond else y, broadcast together; the result
 * dtype is the NEP 50 result type of x and y (ND_WEAK 0-d arrays are
 * Python scalars). */
NdArray *nd_where(NdArray *cond, NdArray *x, NdArray *y);
/* compress(condition, a, axis): flatten=true for axis=None. */
NdArray *nd_compress(NdArray *cond, NdArray *a, int axis, bool flatten);
/* place(arr, mask, vals): the true positions of mask take vals in turn
 * (cycled).  putmask(a, mask, values): a.flat[i] = values[i % n] where
 * mask.flat[i]. */
int nd_place(NdArray *a, NdArray *mask, NdArray *vals);
int nd_putmask(NdArray *a, NdArray *mask, NdArray *values);
/* diagonal(a, offset, axis1, axis2): a read-only view, the diagonal as
 * the last axis.  ValueError "diag requires an array of at least two
 * dimensions", "axis1 and axis2 cannot be the same". */
NdArray *nd_diagonal(NdArray *a, int64_t offset, int64_t axis1, int64_t axis2);
/* diag(v, k): a 2-d array with v on diagonal k for a 1-d v; the k-th
 * diagonal (a read-only view) for a 2-d v.  ValueError "Input must be 1-
 * or 2-d." */
NdArray *nd_diag(NdArray *v, int64_t k);
/* tril/triu(m, k): zero above (tril) / below (triu) diagonal k of the
 * last two axes; a 1-d m is treated as NumPy does (a square result). */
NdArray *nd_tri_mask(NdArray *m, int64_t k, bool upper);

#endif
