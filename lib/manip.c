/* manip.c — array manipulation: the routines that rearrange elements
 * without computing new ones.  Views where NumPy gives views (moveaxis,
 * rollaxis, atleast_*d, flip, rot90, broadcast_arrays, split, trim_zeros:
 * only the geometry changes), copies for the rest (concatenate, stack,
 * tile, repeat, roll, resize, insert, delete, pad).  Copies go through
 * nd_copyto on views (so any layout and dtype works) or, where whole slabs
 * move, through one memcpy per slab of a C-contiguous source.  Errors are
 * NumPy's texts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

/* ------------------------------------------------------------ helpers */

static NdArray *view_of(NdArray *a, int ndim, const int64_t *shape,
                        const int64_t *strides, char *data)
{
    return nd_view_new(a->buffer, a->dtype, ndim, shape, strides, data,
                       (a->flags & ND_WRITEABLE) != 0);
}

/* a[..., start:stop, ...] along one axis (0 <= start <= stop <= len). */
static NdArray *slice_axis(NdArray *a, int axis, int64_t start, int64_t stop)
{
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    shape[axis] = stop - start;
    return view_of(a, a->ndim, shape, a->strides,
                   a->data + (stop > start ? start * a->strides[axis] : 0));
}

int nd_normalize_axes(const int64_t *axes, int n, int ndim, const char *argname,
                      bool allow_duplicate, int *out)
{
    bool seen[ND_MAXDIMS] = {false};
    for (int i = 0; i < n; i++) {
        int64_t ax = axes[i];
        if (ax < -(int64_t)ndim || ax >= ndim) {
            if (argname)
                return nd_error(ND_ERR_AXIS,
                                "%s: axis %lld is out of bounds for array of "
                                "dimension %d",
                                argname, (long long)ax, ndim);
            return nd_error(ND_ERR_AXIS,
                            "axis %lld is out of bounds for array of "
                            "dimension %d",
                            (long long)ax, ndim);
        }
        out[i] = (int)(ax < 0 ? ax + ndim : ax);
        if (!allow_duplicate) {
            if (seen[out[i]]) {
                if (argname)
                    return nd_error(ND_ERR_VALUE,
                                    "repeated axis in `%s` argument", argname);
                return nd_error(ND_ERR_VALUE, "repeated axis");
            }
            seen[out[i]] = true;
        }
    }
    return 0;
}

static int cast_error(NdType from, NdType to, NdCasting casting)
{
    return nd_error(ND_ERR_TYPE,
                    "Cannot cast array data from dtype('%s') to dtype('%s') "
                    "according to the rule '%s'",
                    nd_dtype_name(from), nd_dtype_name(to),
                    nd_casting_name(casting));
}

/* Every array F-ordered (and not also C-ordered): NumPy then lays the
 * result out in F order too. */
static char layout_of(NdArray *const *arrays, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        if (!(arrays[i]->flags & ND_F_CONTIGUOUS) ||
            (arrays[i]->flags & ND_C_CONTIGUOUS))
            return 'C';
    return 'F';
}

/* NumPy's `arr.flags.fnc`: the order new copies of `a` take. */
static char order_of(const NdArray *a)
{
    return (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS) ? 'F'
                                                                         : 'C';
}

static int64_t prod(const int64_t *xs, int from, int to)
{
    int64_t p = 1;
    for (int i = from; i < to; i++)
        p *= xs[i];
    return p;
}

/* out[o, p, :] = src[which[p]][o, idx[p], :] for every outer index o: the
 * sources are C-contiguous, of out's dtype, and agree with out's shape
 * except along axis.  One memcpy per slab. */
static void gather_slabs(NdArray *out, NdArray *const *srcs, int axis,
                         const int *which, const int64_t *idx)
{
    size_t item = nd_dtype_size(out->dtype);
    int64_t outer = prod(out->shape, 0, axis);
    int64_t inner = prod(out->shape, axis + 1, out->ndim);
    int64_t nout = out->shape[axis];
    size_t slab = (size_t)inner * item;
    char *dst = out->data;
    if (slab == 0)
        return;
    for (int64_t o = 0; o < outer; o++)
        for (int64_t p = 0; p < nout; p++) {
            const NdArray *s = srcs[which ? which[p] : 0];
            const char *from =
                s->data + ((size_t)(o * s->shape[axis] + idx[p])) * slab;
            memcpy(dst, from, slab);
            dst += slab;
        }
}

/* A C-contiguous array of `dtype` holding a's values (a itself when it
 * already is one). */
static NdArray *c_contig(NdArray *a, NdType dtype)
{
    if (a->dtype == dtype && (a->flags & ND_C_CONTIGUOUS))
        return nd_incref(a);
    NdArray *r = nd_empty(dtype, a->ndim, a->shape, 'C');
    if (r && nd_copyto(r, a, ND_CAST_UNSAFE) < 0) {
        nd_decref(r);
        return NULL;
    }
    return r;
}

/* Convert `r` (a new C-ordered result) to F order when asked. */
static NdArray *in_order(NdArray *r, char order)
{
    if (!r || order != 'F' || (r->flags & ND_F_CONTIGUOUS))
        return r;
    NdArray *c = nd_copy(r, 'F');
    nd_decref(r);
    return c;
}

static int too_big(void)
{
    return nd_error(ND_ERR_VALUE, "array is too big; `arr.size * "
                                  "arr.dtype.itemsize` is larger than the "
                                  "maximum possible size.");
}

/* -------------------------------------------------------------- views */

NdArray *nd_moveaxis(NdArray *a, const int64_t *source, int nsource,
                     const int64_t *destination, int ndestination)
{
    int src[ND_MAXDIMS], dst[ND_MAXDIMS];
    int64_t order[ND_MAXDIMS];
    bool taken[ND_MAXDIMS] = {false}, placed[ND_MAXDIMS] = {false};
    if (nd_normalize_axes(source, nsource, a->ndim, "source", false, src) < 0 ||
        nd_normalize_axes(destination, ndestination, a->ndim, "destination",
                          false, dst) < 0)
        return NULL;
    if (nsource != ndestination) {
        nd_error(ND_ERR_VALUE, "`source` and `destination` arguments must "
                               "have the same number of elements");
        return NULL;
    }
    for (int i = 0; i < nsource; i++) {
        order[dst[i]] = src[i];
        taken[src[i]] = true;
        placed[dst[i]] = true;
    }
    /* The remaining axes keep their relative order in the free places. */
    for (int i = 0, k = 0; i < a->ndim; i++) {
        if (placed[i])
            continue;
        while (taken[k])
            k++;
        order[i] = k++;
    }
    return nd_transpose(a, order, a->ndim);
}

NdArray *nd_rollaxis(NdArray *a, int64_t axis, int64_t start)
{
    int n = a->ndim, ax;
    int64_t axes[ND_MAXDIMS];
    if (nd_normalize_axis(axis, n, &ax) < 0)
        return NULL;
    if (start < 0)
        start += n;
    if (start < 0 || start >= n + 1) {
        nd_error(ND_ERR_AXIS,
                 "'start' arg requires %d <= start < %d, but %lld was passed "
                 "in",
                 -n, n + 1, (long long)start);
        return NULL;
    }
    if (ax < start)
        start--;
    for (int i = 0, k = 0; i < n; i++) {
        if (i == ax)
            continue;
        axes[k++] = i;
    }
    memmove(axes + start + 1, axes + start,
            (size_t)(n - 1 - start) * sizeof(int64_t));
    axes[start] = ax;
    return nd_transpose(a, axes, n);
}

NdArray *nd_atleast(NdArray *a, int n)
{
    int64_t axes[3];
    int k = 0;
    if (a->ndim >= n)
        return nd_view(a);
    switch (n) {
    case 1:
        axes[k++] = 0;
        break;
    case 2: /* 0-d -> (1, 1); 1-d -> (1, N) */
        if (a->ndim == 0)
            axes[k++] = 1;
        axes[k++] = 0;
        break;
    default: /* 0-d -> (1,1,1); 1-d -> (1,N,1); 2-d -> (M,N,1) */
        if (a->ndim == 0) {
            axes[k++] = 0;
            axes[k++] = 1;
            axes[k++] = 2;
        } else if (a->ndim == 1) {
            axes[k++] = 0;
            axes[k++] = 2;
        } else {
            axes[k++] = 2;
        }
        break;
    }
    return nd_expand_dims(a, axes, k);
}

NdArray *nd_flip(NdArray *a, const int64_t *axes, int naxes)
{
    int ax[ND_MAXDIMS];
    int64_t strides[ND_MAXDIMS];
    char *data = a->data;
    if (!axes) {
        naxes = a->ndim;
        for (int i = 0; i < naxes; i++)
            ax[i] = i;
    } else if (nd_normalize_axes(axes, naxes, a->ndim, NULL, false, ax) < 0) {
        return NULL;
    }
    memcpy(strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
    for (int i = 0; i < naxes; i++) {
        int k = ax[i];
        if (a->shape[k] > 0)
            data += (a->shape[k] - 1) * strides[k];
        strides[k] = -strides[k];
    }
    return view_of(a, a->ndim, a->shape, strides, data);
}

NdArray *nd_rot90(NdArray *a, int64_t k, int64_t axis0, int64_t axis1)
{
    int n = a->ndim;
    int64_t perm[ND_MAXDIMS];
    if (axis0 == axis1 || llabs(axis0 - axis1) == n) {
        nd_error(ND_ERR_VALUE, "Axes must be different.");
        return NULL;
    }
    if (axis0 >= n || axis0 < -n || axis1 >= n || axis1 < -n) {
        nd_error(ND_ERR_VALUE,
                 "Axes=(%lld, %lld) out of range for array of "
                 "ndim=%d.",
                 (long long)axis0, (long long)axis1, n);
        return NULL;
    }
    k = ((k % 4) + 4) % 4;
    if (k == 0)
        return nd_view(a);
    if (k == 2) {
        int64_t both[2] = {axis0, axis1};
        return nd_flip(a, both, 2);
    }
    int i0 = (int)(axis0 < 0 ? axis0 + n : axis0);
    int i1 = (int)(axis1 < 0 ? axis1 + n : axis1);
    for (int i = 0; i < n; i++)
        perm[i] = i;
    perm[i0] = i1;
    perm[i1] = i0;
    NdArray *t, *r;
    if (k == 1) {
        t = nd_flip(a, &axis1, 1);
        r = t ? nd_transpose(t, perm, n) : NULL;
    } else {
        t = nd_transpose(a, perm, n);
        r = t ? nd_flip(t, &axis1, 1) : NULL;
    }
    nd_decref(t);
    return r;
}

NdArray *nd_ravel_order(NdArray *a, char order)
{
    int64_t perm[ND_MAXDIMS];
    if (order == 'A')
        order = order_of(a);
    if (order != 'K')
        return nd_ravel(a, order);
    if (a->flags & ND_C_CONTIGUOUS)
        return nd_ravel(a, 'C');
    if (a->flags & ND_F_CONTIGUOUS)
        return nd_ravel(a, 'F');
    /* Memory order: axes by decreasing |stride| (ties keep C order); the
     * direction of each axis is kept, as NumPy's ravel('K') does. */
    for (int i = 0; i < a->ndim; i++)
        perm[i] = i;
    for (int i = 1; i < a->ndim; i++) {
        int64_t p = perm[i];
        int j = i;
        while (j > 0 && llabs(a->strides[perm[j - 1]]) < llabs(a->strides[p])) {
            perm[j] = perm[j - 1];
            j--;
        }
        perm[j] = p;
    }
    NdArray *t = nd_transpose(a, perm, a->ndim);
    if (!t)
        return NULL;
    NdArray *r = nd_ravel(t, 'C');
    nd_decref(t);
    return r;
}

int nd_broadcast_arrays(NdArray *const *arrays, int n, NdArray **out)
{
    int ndim = 0;
    int64_t shape[ND_MAXDIMS];
    bool same = true;
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    if (n == 0)
        return 0;
    for (int i = 1; i < n; i++)
        if (arrays[i]->ndim != arrays[0]->ndim ||
            memcmp(arrays[i]->shape, arrays[0]->shape,
                   (size_t)arrays[0]->ndim * sizeof(int64_t)))
            same = false;
    if (same) {
        for (int i = 0; i < n; i++)
            out[i] = nd_incref(arrays[i]);
        return 0;
    }
    /* NumPy's text for this function names the first pair that clashes. */
    for (int i = 0; i < n; i++) {
        int64_t trial[ND_MAXDIMS];
        int tnd = 0;
        NdArray *pair[2] = {arrays[0], arrays[i]};
        if (i == 0)
            continue;
        if (nd_broadcast_shapes(i + 1, arrays, &tnd, trial) < 0) {
            char s0[ND_MAXDIMS * 22 + 8], s1[ND_MAXDIMS * 22 + 8];
            int bad = 0;
            nd_error_clear();
            /* find the earlier array it clashes with */
            for (int j = 0; j < i; j++) {
                pair[0] = arrays[j];
                if (nd_broadcast_shapes(2, pair, &tnd, trial) < 0) {
                    nd_error_clear();
                    bad = j;
                    break;
                }
            }
            nd_shape_str(s0, sizeof s0, arrays[bad]->ndim, arrays[bad]->shape);
            nd_shape_str(s1, sizeof s1, arrays[i]->ndim, arrays[i]->shape);
            return nd_error(ND_ERR_VALUE,
                            "shape mismatch: objects cannot be broadcast to a "
                            "single shape.  Mismatch is between arg %d with "
                            "shape %s and arg %d with shape %s.",
                            bad, s0, i, s1);
        }
    }
    if (nd_broadcast_shapes(n, arrays, &ndim, shape) < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        NdArray *v = nd_broadcast_to(arrays[i], ndim, shape);
        if (!v)
            goto fail;
        /* NumPy's broadcast_arrays results are writeable when the input
         * is (writing through a 0 stride touches shared elements). */
        if (arrays[i]->flags & ND_WRITEABLE)
            v->flags |= ND_WRITEABLE;
        out[i] = v;
    }
    return 0;
fail:
    for (int i = 0; i < n; i++) {
        nd_decref(out[i]);
        out[i] = NULL;
    }
    return -1;
}

static int axis_len_error(void)
{
    return nd_error(ND_ERR_INDEX, "tuple index out of range");
}

int nd_split_points(int64_t len, int64_t sections, int64_t *points)
{
    if (sections <= 0)
        return nd_error(ND_ERR_VALUE, "number sections must be larger than "
                                      "0.");
    int64_t each = len / sections, extras = len % sections, at = 0;
    for (int64_t i = 0; i < sections - 1; i++) {
        at += each + (i < extras);
        points[i] = at;
    }
    return 0;
}

/* Python's clipping of a slice bound into [0, len]. */
static int64_t clip_index(int64_t i, int64_t len)
{
    if (i < 0)
        i += len;
    return i < 0 ? 0 : i > len ? len : i;
}

int nd_split_at(NdArray *a, const int64_t *points, int64_t npoints,
                int64_t axis, NdArray **out)
{
    int ax;
    if (axis >= a->ndim || axis < -(int64_t)a->ndim)
        return axis_len_error();
    ax = (int)(axis < 0 ? axis + a->ndim : axis);
    int64_t len = a->shape[ax];
    for (int64_t i = 0; i <= npoints; i++) {
        int64_t st = i == 0 ? 0 : clip_index(points[i - 1], len);
        int64_t en = i == npoints ? len : clip_index(points[i], len);
        if (en < st)
            en = st;
        out[i] = slice_axis(a, ax, st, en);
        if (!out[i]) {
            for (int64_t j = 0; j < i; j++)
                nd_decref(out[j]);
            return -1;
        }
    }
    return 0;
}

/* Whether one element is non-zero (any dtype). */
static bool elem_nonzero(const NdArray *a, const char *p)
{
    switch (a->dtype) {
    case ND_BOOL:
        return *(const bool *)p;
#define NZ(T, ctype)                                                           \
    case T: {                                                                  \
        ctype v;                                                               \
        memcpy(&v, p, sizeof v);                                               \
        return v != 0;                                                         \
    }
        NZ(ND_INT8, int8_t)
        NZ(ND_INT16, int16_t)
        NZ(ND_INT32, int32_t)
        NZ(ND_INT64, int64_t)
        NZ(ND_UINT8, uint8_t)
        NZ(ND_UINT16, uint16_t)
        NZ(ND_UINT32, uint32_t)
        NZ(ND_UINT64, uint64_t)
        NZ(ND_FLOAT32, float)
        NZ(ND_FLOAT64, double)
#undef NZ
    case ND_COMPLEX64: {
        nd_complex64 v;
        memcpy(&v, p, sizeof v);
        return v.re != 0 || v.im != 0;
    }
    case ND_COMPLEX128: {
        nd_complex128 v;
        memcpy(&v, p, sizeof v);
        return v.re != 0 || v.im != 0;
    }
    default:
        return false;
    }
}

NdArray *nd_trim_zeros(NdArray *a, bool front, bool back, const bool *on_axis)
{
    int64_t lo[ND_MAXDIMS], hi[ND_MAXDIMS], idx[ND_MAXDIMS] = {0};
    int64_t shape[ND_MAXDIMS];
    bool any = false;
    char *data = a->data;
    for (int i = 0; i < a->ndim; i++) {
        lo[i] = INT64_MAX;
        hi[i] = -1;
    }
    for (int64_t n = 0; n < a->size; n++) {
        if (elem_nonzero(a, nd_element_ptr(a, idx))) {
            any = true;
            for (int i = 0; i < a->ndim; i++) {
                if (idx[i] < lo[i])
                    lo[i] = idx[i];
                if (idx[i] > hi[i])
                    hi[i] = idx[i];
            }
        }
        for (int i = a->ndim - 1; i >= 0; i--) {
            if (++idx[i] < a->shape[i])
                break;
            idx[i] = 0;
        }
    }
    for (int i = 0; i < a->ndim; i++) {
        int64_t st = 0, en = a->shape[i];
        if (on_axis && !on_axis[i]) {
            /* this axis is kept whole */
        } else if (!any) {
            /* all zeros: NumPy's slices start:stop meet at 0 */
            st = en = 0;
        } else {
            if (front)
                st = lo[i];
            if (back)
                en = hi[i] + 1;
        }
        shape[i] = en - st;
        if (shape[i] > 0)
            data += st * a->strides[i];
    }
    return view_of(a, a->ndim, shape, a->strides, data);
}

/* ------------------------------------------------------------ copies */

static NdArray *concat_impl(NdArray *const *arrays, int64_t n, int64_t axis,
                            NdType dtype, NdCasting casting)
{
    int ndim = arrays[0]->ndim, ax;
    int64_t shape[ND_MAXDIMS], total = 0, off = 0;
    if (ndim == 0) {
        nd_error(ND_ERR_VALUE, "zero-dimensional arrays cannot be "
                               "concatenated");
        return NULL;
    }
    if (nd_normalize_axis(axis, ndim, &ax) < 0)
        return NULL;
    for (int64_t i = 0; i < n; i++) {
        const NdArray *x = arrays[i];
        if (x->ndim != ndim) {
            nd_error(ND_ERR_VALUE,
                     "all the input arrays must have same number of "
                     "dimensions, but the array at index 0 has %d "
                     "dimension(s) and the array at index %lld has %d "
                     "dimension(s)",
                     ndim, (long long)i, x->ndim);
            return NULL;
        }
        for (int d = 0; d < ndim; d++)
            if (d != ax && x->shape[d] != arrays[0]->shape[d]) {
                nd_error(ND_ERR_VALUE,
                         "all the input array dimensions except for the "
                         "concatenation axis must match exactly, but along "
                         "dimension %d, the array at index 0 has size %lld "
                         "and the array at index %lld has size %lld",
                         d, (long long)arrays[0]->shape[d], (long long)i,
                         (long long)x->shape[d]);
                return NULL;
            }
        if (__builtin_add_overflow(total, x->shape[ax], &total)) {
            too_big();
            return NULL;
        }
    }
    if (dtype == ND_NTYPES) {
        NdType types[64];
        bool weak[64] = {false};
        dtype = arrays[0]->dtype;
        /* fold in groups (the result type is associative for strong
         * operands) */
        for (int64_t i = 0; i < n; i += 63) {
            int k = 1;
            types[0] = dtype;
            for (int64_t j = i; j < n && k < 64; j++)
                types[k++] = arrays[j]->dtype;
            dtype = nd_result_type(k, types, weak);
        }
    }
    for (int64_t i = 0; i < n; i++)
        if (!nd_can_cast(arrays[i]->dtype, dtype, casting)) {
            cast_error(arrays[i]->dtype, dtype, casting);
            return NULL;
        }
    memcpy(shape, arrays[0]->shape, (size_t)ndim * sizeof(int64_t));
    shape[ax] = total;
    NdArray *r = nd_empty(dtype, ndim, shape, layout_of(arrays, n));
    if (!r)
        return NULL;
    for (int64_t i = 0; i < n; i++) {
        int64_t len = arrays[i]->shape[ax];
        NdArray *part = slice_axis(r, ax, off, off + len);
        if (!part || nd_copyto(part, arrays[i], ND_CAST_UNSAFE) < 0) {
            nd_decref(part);
            nd_decref(r);
            return NULL;
        }
        nd_decref(part);
        off += len;
    }
    return r;
}

NdArray *nd_concatenate(NdArray *const *arrays, int64_t n, int64_t axis,
                        NdType dtype, NdCasting casting)
{
    if (n <= 0) {
        nd_error(ND_ERR_VALUE, "need at least one array to concatenate");
        return NULL;
    }
    if (axis != ND_AXIS_NONE)
        return concat_impl(arrays, n, axis, dtype, casting);
    NdArray **flat = nd_calloc((size_t)n, sizeof *flat);
    NdArray *r = NULL;
    if (!flat)
        return NULL;
    for (int64_t i = 0; i < n; i++)
        if (!(flat[i] = nd_ravel(arrays[i], 'C')))
            goto done;
    r = concat_impl(flat, n, 0, dtype, casting);
done:
    for (int64_t i = 0; i < n; i++)
        nd_decref(flat[i]);
    free(flat);
    return r;
}

NdArray *nd_stack(NdArray *const *arrays, int64_t n, int64_t axis, NdType dtype,
                  NdCasting casting)
{
    int ax;
    if (n <= 0) {
        nd_error(ND_ERR_VALUE, "need at least one array to stack");
        return NULL;
    }
    for (int64_t i = 1; i < n; i++)
        if (arrays[i]->ndim != arrays[0]->ndim ||
            memcmp(arrays[i]->shape, arrays[0]->shape,
                   (size_t)arrays[0]->ndim * sizeof(int64_t))) {
            nd_error(ND_ERR_VALUE, "all input arrays must have the same "
                                   "shape");
            return NULL;
        }
    if (nd_normalize_axis(axis, arrays[0]->ndim + 1, &ax) < 0)
        return NULL;
    NdArray **ex = nd_calloc((size_t)n, sizeof *ex);
    NdArray *r = NULL;
    int64_t where = ax;
    if (!ex)
        return NULL;
    for (int64_t i = 0; i < n; i++)
        if (!(ex[i] = nd_expand_dims(arrays[i], &where, 1)))
            goto done;
    r = concat_impl(ex, n, ax, dtype, casting);
done:
    for (int64_t i = 0; i < n; i++)
        nd_decref(ex[i]);
    free(ex);
    return r;
}

NdArray *nd_tile(NdArray *a, const int64_t *reps, int nreps)
{
    int d = nreps > a->ndim ? nreps : a->ndim, lead = d - a->ndim;
    int64_t tup[ND_MAXDIMS], cshape[ND_MAXDIMS], cstrides[ND_MAXDIMS];
    int64_t oshape[ND_MAXDIMS], ishape[2 * ND_MAXDIMS],
        istrides[2 * ND_MAXDIMS];
    if (d > ND_MAXDIMS) {
        nd_check_shape(d, NULL);
        return NULL;
    }
    for (int i = 0; i < d; i++) {
        tup[i] = i < d - nreps ? 1 : reps[i - (d - nreps)];
        if (tup[i] < 0) {
            nd_error(ND_ERR_VALUE, "negative dimensions are not allowed");
            return NULL;
        }
        cshape[i] = i < lead ? 1 : a->shape[i - lead];
        cstrides[i] = i < lead ? 0 : a->strides[i - lead];
        if (nd_mul_overflow(cshape[i], tup[i], &oshape[i]) < 0) {
            too_big();
            return NULL;
        }
    }
    NdArray *r = nd_empty(a->dtype, d, oshape, 'C');
    if (!r || r->size == 0)
        return r;
    /* The result read as (t0, s0, t1, s1, ...) is the source broadcast
     * along the t axes: one copy does every repetition. */
    int64_t item = (int64_t)nd_dtype_size(a->dtype), s = item;
    for (int i = d - 1; i >= 0; i--) {
        ishape[2 * i] = tup[i];
        ishape[2 * i + 1] = cshape[i];
        istrides[2 * i + 1] = s;
        s *= cshape[i];
        istrides[2 * i] = s;
        s *= tup[i];
    }
    NdArray *dst = nd_view_new(r->buffer, r->dtype, 2 * d, ishape, istrides,
                               r->data, true);
    for (int i = 0; i < d; i++) {
        istrides[2 * i] = 0;
        istrides[2 * i + 1] = cstrides[i];
    }
    NdArray *src = dst ? nd_view_new(a->buffer, a->dtype, 2 * d, ishape,
                                     istrides, a->data, false)
                       : NULL;
    if (!src || nd_copyto(dst, src, ND_CAST_NO) < 0) {
        nd_decref(r);
        r = NULL;
    }
    nd_decref(dst);
    nd_decref(src);
    return r;
}

NdArray *nd_repeat(NdArray *a, const int64_t *repeats, int64_t nrep,
                   int64_t axis)
{
    int ax;
    NdArray *src, *r;
    int64_t shape[ND_MAXDIMS], total = 0, *idx;
    if (axis == ND_AXIS_NONE) {
        NdArray *flat = nd_ravel(a, 'C');
        if (!flat)
            return NULL;
        r = nd_repeat(flat, repeats, nrep, 0);
        nd_decref(flat);
        return r;
    }
    if (nd_normalize_axis(axis, a->ndim, &ax) < 0)
        return NULL;
    int64_t len = a->shape[ax];
    if (nrep != 1 && nrep != len) {
        nd_error(ND_ERR_VALUE,
                 "operands could not be broadcast together with shape "
                 "(%lld,) (%lld,)",
                 (long long)len, (long long)nrep);
        return NULL;
    }
    for (int64_t i = 0; i < len; i++) {
        int64_t k = repeats[nrep == 1 ? 0 : i];
        if (k < 0) {
            nd_error(ND_ERR_VALUE, "negative dimensions are not allowed");
            return NULL;
        }
        if (__builtin_add_overflow(total, k, &total)) {
            too_big();
            return NULL;
        }
    }
    if (len == 0 && nrep == 1 && repeats[0] < 0) {
        nd_error(ND_ERR_VALUE, "negative dimensions are not allowed");
        return NULL;
    }
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    shape[ax] = total;
    r = nd_empty(a->dtype, a->ndim, shape, 'C');
    if (!r)
        return NULL;
    if (r->size == 0)
        return r;
    src = c_contig(a, a->dtype);
    idx = src ? nd_malloc((size_t)total * sizeof *idx) : NULL;
    if (!idx) {
        nd_decref(src);
        nd_decref(r);
        return NULL;
    }
    for (int64_t i = 0, p = 0; i < len; i++)
        for (int64_t k = repeats[nrep == 1 ? 0 : i]; k > 0; k--)
            idx[p++] = i;
    gather_slabs(r, &src, ax, NULL, idx);
    free(idx);
    nd_decref(src);
    return r;
}

NdArray *nd_roll(NdArray *a, const int64_t *shifts, int nshifts,
                 const int64_t *axes, int naxes)
{
    int64_t total[ND_MAXDIMS] = {0};
    NdArray *cur, *r;
    if (!axes) {
        NdArray *flat = nd_ravel(a, 'C'), *rolled;
        int64_t zero = 0, sum = 0;
        if (!flat)
            return NULL;
        for (int i = 0; i < nshifts; i++)
            sum += shifts[i] % (flat->size ? flat->size : 1);
        rolled = nd_roll(flat, &sum, 1, &zero, 1);
        nd_decref(flat);
        if (!rolled)
            return NULL;
        r = nd_reshape(rolled, a->ndim, a->shape, 'C');
        nd_decref(rolled);
        return r;
    }
    if (nshifts != naxes && nshifts != 1 && naxes != 1) {
        nd_error(ND_ERR_VALUE,
                 "shape mismatch: objects cannot be broadcast to a single "
                 "shape.  Mismatch is between arg 0 with shape (%d,) and arg "
                 "1 with shape (%d,).",
                 nshifts, naxes);
        return NULL;
    }
    int n = nshifts > naxes ? nshifts : naxes;
    int64_t axv[ND_MAXDIMS * 2];
    if (n > 2 * ND_MAXDIMS) {
        nd_error(ND_ERR_VALUE, "too many axes");
        return NULL;
    }
    for (int i = 0; i < n; i++)
        axv[i] = axes[naxes == 1 ? 0 : i];
    for (int i = 0; i < n; i++) {
        int k = 0;
        if (nd_normalize_axes(&axv[i], 1, a->ndim, NULL, true, &k) < 0)
            return NULL;
        int64_t len = a->shape[k];
        if (len)
            total[k] = (total[k] + shifts[nshifts == 1 ? 0 : i] % len) % len;
    }
    cur = nd_copy(a, 'C');
    if (!cur)
        return NULL;
    /* one axis at a time: two block copies each */
    for (int k = 0; k < a->ndim; k++) {
        int64_t len = a->shape[k], s = (total[k] + len) % (len ? len : 1);
        if (!s)
            continue;
        NdArray *next = nd_empty(a->dtype, a->ndim, a->shape, 'C');
        NdArray *d1 = next ? slice_axis(next, k, s, len) : NULL;
        NdArray *s1 = slice_axis(cur, k, 0, len - s);
        NdArray *d2 = next ? slice_axis(next, k, 0, s) : NULL;
        NdArray *s2 = slice_axis(cur, k, len - s, len);
        int rc =
            (!d1 || !s1 || !d2 || !s2 || nd_copyto(d1, s1, ND_CAST_NO) < 0 ||
             nd_copyto(d2, s2, ND_CAST_NO) < 0)
                ? -1
                : 0;
        nd_decref(d1);
        nd_decref(s1);
        nd_decref(d2);
        nd_decref(s2);
        nd_decref(cur);
        if (rc < 0) {
            nd_decref(next);
            return NULL;
        }
        cur = next;
    }
    return in_order(cur, order_of(a));
}

NdArray *nd_resize(NdArray *a, int ndim, const int64_t *shape)
{
    int64_t size = 1;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0) {
            nd_error(ND_ERR_VALUE, "all elements of `new_shape` must be "
                                   "non-negative");
            return NULL;
        }
    }
    size = nd_shape_size(ndim, shape, a->dtype);
    if (size < 0)
        return NULL;
    NdArray *r = nd_zeros(a->dtype, ndim, shape, 'C');
    if (!r || a->size == 0 || size == 0)
        return r;
    NdArray *flat = nd_ravel(a, 'C');
    NdArray *src = flat ? c_contig(flat, a->dtype) : NULL;
    nd_decref(flat);
    if (!src) {
        nd_decref(r);
        return NULL;
    }
    size_t item = nd_dtype_size(a->dtype);
    for (int64_t off = 0; off < size; off += a->size) {
        int64_t n = size - off < a->size ? size - off : a->size;
        memcpy(r->data + (size_t)off * item, src->data, (size_t)n * item);
    }
    nd_decref(src);
    return r;
}

/* The 1-d view (flattened copy when needed) and axis for delete/insert. */
static NdArray *axis_target(NdArray *a, int64_t axis, int *ax)
{
    if (axis == ND_AXIS_NONE) {
        *ax = 0;
        return a->ndim == 1 ? nd_incref(a) : nd_ravel(a, 'C');
    }
    if (nd_normalize_axis(axis, a->ndim, ax) < 0)
        return NULL;
    return nd_incref(a);
}

static NdArray *keep_only(NdArray *a, int ax, const bool *drop, char order)
{
    int64_t len = a->shape[ax], nkeep = 0, shape[ND_MAXDIMS];
    for (int64_t i = 0; i < len; i++)
        nkeep += !drop[i];
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    shape[ax] = nkeep;
    NdArray *r = nd_empty(a->dtype, a->ndim, shape, 'C');
    if (!r || r->size == 0)
        return in_order(r, order);
    NdArray *src = c_contig(a, a->dtype);
    int64_t *idx = src ? nd_malloc((size_t)nkeep * sizeof *idx) : NULL;
    if (!idx) {
        nd_decref(src);
        nd_decref(r);
        return NULL;
    }
    for (int64_t i = 0, p = 0; i < len; i++)
        if (!drop[i])
            idx[p++] = i;
    gather_slabs(r, &src, ax, NULL, idx);
    free(idx);
    nd_decref(src);
    return in_order(r, order);
}

NdArray *nd_delete(NdArray *a, const int64_t *idx, int64_t n, int64_t axis)
{
    int ax;
    char order = order_of(a);
    NdArray *t = axis_target(a, axis, &ax), *r = NULL;
    if (!t)
        return NULL;
    int64_t len = t->shape[ax];
    bool *drop = nd_calloc((size_t)(len ? len : 1), sizeof *drop);
    if (!drop)
        goto done;
    for (int64_t i = 0; i < n; i++) {
        int64_t k = idx[i];
        if (k < -len || k >= len) {
            nd_error(ND_ERR_INDEX,
                     "index %lld is out of bounds for axis %d with size %lld",
                     (long long)k, ax, (long long)len);
            goto done;
        }
        drop[k < 0 ? k + len : k] = true;
    }
    r = keep_only(t, ax, drop, order);
done:
    free(drop);
    nd_decref(t);
    return r;
}

NdArray *nd_delete_mask(NdArray *a, const bool *mask, int64_t n, int64_t axis)
{
    int ax;
    char order = order_of(a);
    NdArray *t = axis_target(a, axis, &ax), *r;
    if (!t)
        return NULL;
    if (n != t->shape[ax]) {
        nd_error(ND_ERR_VALUE,
                 "boolean array argument obj to delete must be one "
                 "dimensional and match the axis length of %lld",
                 (long long)t->shape[ax]);
        nd_decref(t);
        return NULL;
    }
    r = keep_only(t, ax, mask, order);
    nd_decref(t);
    return r;
}

NdArray *nd_insert(NdArray *a, const int64_t *idx, int64_t n, bool scalar_index,
                   NdArray *values, int64_t axis)
{
    int ax, *which = NULL;
    char order = order_of(a);
    int64_t *pos = NULL, *src_idx = NULL, shape[ND_MAXDIMS], vshape[ND_MAXDIMS];
    NdArray *t = axis_target(a, axis, &ax), *v = NULL, *vb = NULL, *r = NULL;
    NdArray *srcs[2] = {NULL, NULL};
    if (!t)
        return NULL;
    int ndim = t->ndim;
    int64_t len = t->shape[ax], numnew;
    /* values as array(values, ndmin=arr.ndim, dtype=arr.dtype) */
    if (values->ndim < ndim) {
        int64_t add[ND_MAXDIMS];
        for (int i = 0; i < ndim - values->ndim; i++)
            add[i] = i;
        v = nd_expand_dims(values, add, ndim - values->ndim);
    } else {
        v = nd_incref(values);
    }
    if (!v)
        goto done;
    if (v->dtype != t->dtype) {
        NdArray *c = nd_astype(v, t->dtype, ND_CAST_UNSAFE, true);
        nd_decref(v);
        if (!(v = c))
            goto done;
    }
    if (n == 1) {
        int64_t k = idx[0];
        if (k < -len || k > len) {
            if (scalar_index)
                nd_error(ND_ERR_INDEX,
                         "index %lld is out of bounds for axis %d with size "
                         "%lld",
                         (long long)k, ax, (long long)len);
            else
                nd_error(ND_ERR_INDEX,
                         "index [%lld] is out of bounds for axis %d with size "
                         "%lld",
                         (long long)k, ax, (long long)len);
            goto done;
        }
        if (k < 0)
            k += len;
        if (scalar_index) {
            /* a[:, i] = values: the values' first axis runs along `axis` */
            int64_t zero = 0, dest = ax;
            NdArray *m = nd_moveaxis(v, &zero, 1, &dest, 1);
            nd_decref(v);
            if (!(v = m))
                goto done;
        }
        numnew = v->ndim > ax ? v->shape[ax] : 1;
        memcpy(shape, t->shape, (size_t)ndim * sizeof(int64_t));
        shape[ax] = numnew;
        /* values broadcast into the inserted block */
        vb = nd_empty(t->dtype, ndim, shape, 'C');
        if (!vb || nd_copyto(vb, v, ND_CAST_UNSAFE) < 0)
            goto done;
        pos = nd_malloc(sizeof *pos);
        if (!pos)
            goto done;
        pos[0] = k;
        n = 1;
        which = nd_malloc((size_t)(len + numnew + 1) * sizeof *which);
        src_idx = nd_malloc((size_t)(len + numnew + 1) * sizeof *src_idx);
        if (!which || !src_idx)
            goto done;
        for (int64_t p = 0, old = 0, j = 0; p < len + numnew; p++) {
            if (p >= k && j < numnew) {
                which[p] = 1;
                src_idx[p] = j++;
            } else {
                which[p] = 0;
                src_idx[p] = old++;
            }
        }
    } else {
        numnew = n;
        int64_t newlen = len + numnew;
        pos = nd_malloc((size_t)(n ? n : 1) * sizeof *pos);
        int64_t *order_ix = nd_malloc((size_t)(n ? n : 1) * sizeof *order_ix);
        if (!pos || !order_ix) {
            free(order_ix);
            goto done;
        }
        for (int64_t i = 0; i < n; i++) {
            pos[i] = idx[i] < 0 ? idx[i] + len : idx[i];
            order_ix[i] = i;
        }
        /* stable sort of the positions (insertion sort on order_ix is
         * quadratic; use a merge sort for big n) */
        {
            int64_t *tmp = nd_malloc((size_t)(n ? n : 1) * sizeof *tmp);
            if (!tmp) {
                free(order_ix);
                goto done;
            }
            for (int64_t w = 1; w < n; w *= 2) {
                for (int64_t lo = 0; lo < n; lo += 2 * w) {
                    int64_t mid = lo + w < n ? lo + w : n;
                    int64_t hi = lo + 2 * w < n ? lo + 2 * w : n;
                    int64_t i = lo, j = mid, o = lo;
                    while (i < mid && j < hi)
                        tmp[o++] = pos[order_ix[j]] < pos[order_ix[i]]
                                       ? order_ix[j++]
                                       : order_ix[i++];
                    while (i < mid)
                        tmp[o++] = order_ix[i++];
                    while (j < hi)
                        tmp[o++] = order_ix[j++];
                }
                memcpy(order_ix, tmp, (size_t)n * sizeof *tmp);
            }
            free(tmp);
        }
        for (int64_t r2 = 0; r2 < n; r2++)
            pos[order_ix[r2]] += r2;
        free(order_ix);
        which = nd_malloc((size_t)(newlen + 1) * sizeof *which);
        src_idx = nd_malloc((size_t)(newlen + 1) * sizeof *src_idx);
        if (!which || !src_idx)
            goto done;
        for (int64_t p = 0; p < newlen; p++)
            which[p] = -1;
        for (int64_t i = 0; i < n; i++) {
            if (pos[i] < 0 || pos[i] >= newlen) {
                nd_error(ND_ERR_INDEX,
                         "index %lld is out of bounds for axis 0 with size "
                         "%lld",
                         (long long)pos[i], (long long)newlen);
                goto done;
            }
            which[pos[i]] = 1;
            src_idx[pos[i]] = i;
        }
        for (int64_t p = 0, old = 0; p < newlen; p++)
            if (which[p] < 0) {
                which[p] = 0;
                src_idx[p] = old++;
            }
        memcpy(vshape, t->shape, (size_t)ndim * sizeof(int64_t));
        vshape[ax] = numnew;
        vb = nd_empty(t->dtype, ndim, vshape, 'C');
        if (!vb)
            goto done;
        if (nd_copyto(vb, v, ND_CAST_UNSAFE) < 0) {
            char vs[ND_MAXDIMS * 22 + 8], ts[ND_MAXDIMS * 22 + 8];
            nd_shape_str_compact(vs, sizeof vs, v->ndim, v->shape);
            nd_shape_str_compact(ts, sizeof ts, ndim, vshape);
            nd_error(ND_ERR_VALUE,
                     "shape mismatch: value array of shape %s could not be "
                     "broadcast to indexing result of shape %s",
                     vs, ts);
            goto done;
        }
    }
    memcpy(shape, t->shape, (size_t)ndim * sizeof(int64_t));
    shape[ax] = len + numnew;
    r = nd_empty(t->dtype, ndim, shape, 'C');
    srcs[0] = r ? c_contig(t, t->dtype) : NULL;
    srcs[1] = vb;
    if (!srcs[0]) {
        nd_decref(r);
        r = NULL;
        goto done;
    }
    if (r->size)
        gather_slabs(r, srcs, ax, which, src_idx);
    r = in_order(r, order);
done:
    nd_decref(srcs[0]);
    nd_decref(vb);
    nd_decref(v);
    nd_decref(t);
    free(pos);
    free(which);
    free(src_idx);
    return r;
}

/* ---------------------------------------------------------------- pad */

/* Call fn on every 1-d line of `a` along axis. */
typedef void (*LineFn)(char *base, int64_t stride, int64_t len, void *ctx);
static void each_line(NdArray *a, int axis, LineFn fn, void *ctx)
{
    int64_t idx[ND_MAXDIMS] = {0};
    if (a->size == 0 && a->shape[axis] != 0)
        return;
    for (int i = 0; i < a->ndim; i++)
        if (i != axis && a->shape[i] == 0)
            return;
    for (;;) {
        char *p = a->data;
        for (int i = 0; i < a->ndim; i++)
            if (i != axis)
                p += idx[i] * a->strides[i];
        fn(p, a->strides[axis], a->shape[axis], ctx);
        int i = a->ndim - 1;
        for (; i >= 0; i--) {
            if (i == axis)
                continue;
            if (++idx[i] < a->shape[i])
                break;
            idx[i] = 0;
        }
        if (i < 0)
            return;
    }
}

typedef struct PadLine {
    NdType dtype;
    size_t item;
    int64_t before, after, n; /* the original area is [before, before+n) */
    NdPadMode mode;
    bool odd;
    NdScalar v0, v1; /* end values (linear_ramp) */
} PadLine;

#define AT(i) (base + (i)*stride)

/* dst = 2 * edge - x in the dtype's own arithmetic (ints wrap). */
static void odd_value(NdType t, char *dst, const char *edge, const char *x)
{
    switch (t) {
    case ND_BOOL: {
        int v = 2 * *(const bool *)edge - *(const bool *)x;
        *(bool *)dst = v != 0;
        break;
    }
#define ODD_INT(T, ctype, utype)                                               \
    case T: {                                                                  \
        ctype e, v;                                                            \
        memcpy(&e, edge, sizeof e);                                            \
        memcpy(&v, x, sizeof v);                                               \
        v = (ctype)((utype)2 * (utype)e - (utype)v);                           \
        memcpy(dst, &v, sizeof v);                                             \
        break;                                                                 \
    }
        ODD_INT(ND_INT8, int8_t, uint8_t)
        ODD_INT(ND_INT16, int16_t, uint16_t)
        ODD_INT(ND_INT32, int32_t, uint32_t)
        ODD_INT(ND_INT64, int64_t, uint64_t)
        ODD_INT(ND_UINT8, uint8_t, uint8_t)
        ODD_INT(ND_UINT16, uint16_t, uint16_t)
        ODD_INT(ND_UINT32, uint32_t, uint32_t)
        ODD_INT(ND_UINT64, uint64_t, uint64_t)
        ODD_INT(ND_FLOAT32, float, float)
        ODD_INT(ND_FLOAT64, double, double)
#undef ODD_INT
    case ND_COMPLEX64: {
        nd_complex64 e, v;
        memcpy(&e, edge, sizeof e);
        memcpy(&v, x, sizeof v);
        v.re = 2 * e.re - v.re;
        v.im = 2 * e.im - v.im;
        memcpy(dst, &v, sizeof v);
        break;
    }
    case ND_COMPLEX128: {
        nd_complex128 e, v;
        memcpy(&e, edge, sizeof e);
        memcpy(&v, x, sizeof v);
        v.re = 2 * e.re - v.re;
        v.im = 2 * e.im - v.im;
        memcpy(dst, &v, sizeof v);
        break;
    }
    default:
        break;
    }
}

/* One step of NumPy 2's _set_reflect_both on a line of length L. */
static void reflect_step(const PadLine *pl, char *base, int64_t stride,
                         int64_t L, int64_t *left, int64_t *right)
{
    bool include_edge = pl->mode == ND_PAD_SYMMETRIC;
    int64_t period = pl->n;
    int64_t old_length = L - *right - *left, edge_offset;
    if (include_edge) {
        old_length = old_length / period * period;
        edge_offset = 1;
    } else {
        old_length = (old_length - 1) / (period - 1) * (period - 1) + 1;
        edge_offset = 0;
        old_length -= 1;
    }
    if (*left > 0) {
        int64_t chunk = old_length < *left ? old_length : *left;
        int64_t stop = *left - edge_offset, start = stop + chunk;
        int64_t dst0 = *left - chunk;
        const char *edge = AT(*left);
        for (int64_t j = 0; j < chunk; j++) {
            const char *from = AT(start - j);
            char *to = AT(dst0 + j);
            if (pl->odd)
                odd_value(pl->dtype, to, edge, from);
            else
                memcpy(to, from, pl->item);
        }
        *left -= chunk;
    }
    if (*right > 0) {
        int64_t chunk = old_length < *right ? old_length : *right;
        int64_t start = L - *right + edge_offset - 2;
        int64_t dst0 = L - *right;
        const char *edge = AT(L - *right - 1);
        for (int64_t j = 0; j < chunk; j++) {
            const char *from = AT(start - j);
            char *to = AT(dst0 + j);
            if (pl->odd)
                odd_value(pl->dtype, to, edge, from);
            else
                memcpy(to, from, pl->item);
        }
        *right -= chunk;
    }
}

/* NumPy's linspace(end, edge, width, endpoint=False) for one ramp, in
 * float64 (complex: per part), floored for integer dtypes. */
static void ramp(const PadLine *pl, char *base, int64_t stride, int64_t first,
                 int64_t width, bool reversed, const NdScalar *end,
                 const char *edge_ptr)
{
    NdScalar edge_s, endc, edgec, out;
    bool cplx = nd_dtype_kind(pl->dtype) == ND_KIND_COMPLEX;
    bool integer = nd_dtype_kind(pl->dtype) == ND_KIND_INT ||
                   nd_dtype_kind(pl->dtype) == ND_KIND_UINT;
    NdType work = cplx ? ND_COMPLEX128 : ND_FLOAT64;
    edge_s.dtype = pl->dtype;
    edge_s.weak = false;
    memcpy(edge_s.v.bytes, edge_ptr, pl->item);
    nd_scalar_cast(end, work, &endc);
    nd_scalar_cast(&edge_s, work, &edgec);
    for (int part = 0; part < (cplx ? 2 : 1); part++) {
        double s = cplx ? (part ? endc.v.c128.im : endc.v.c128.re) : endc.v.f64;
        double e =
            cplx ? (part ? edgec.v.c128.im : edgec.v.c128.re) : edgec.v.f64;
        double delta = e - s, step = delta / (double)width;
        for (int64_t i = 0; i < width; i++) {
            double y = step == 0 ? (double)i / (double)width * delta + s
                                 : (double)i * step + s;
            if (integer)
                y = floor(y);
            int64_t at = reversed ? first + width - 1 - i : first + i;
            if (!cplx) {
                NdScalar f = nd_scalar_float64(y);
                nd_scalar_cast(&f, pl->dtype, &out);
                memcpy(AT(at), out.v.bytes, pl->item);
            } else if (pl->dtype == ND_COMPLEX64) {
                float *c = (float *)(void *)AT(at);
                float fv = (float)y;
                memcpy((char *)c + part * sizeof(float), &fv, sizeof fv);
            } else {
                memcpy(AT(at) + part * sizeof(double), &y, sizeof y);
            }
        }
    }
}

static void pad_line(char *base, int64_t stride, int64_t L, void *ctx)
{
    const PadLine *pl = ctx;
    int64_t before = pl->before, after = pl->after, n = pl->n;
    switch (pl->mode) {
    case ND_PAD_EDGE:
        for (int64_t i = 0; i < before; i++)
            memcpy(AT(i), AT(before), pl->item);
        for (int64_t i = L - after; i < L; i++)
            memcpy(AT(i), AT(L - after - 1), pl->item);
        break;
    case ND_PAD_WRAP:
        for (int64_t i = 0; i < before; i++) {
            int64_t k = ((i - before) % n + n) % n;
            memcpy(AT(i), AT(before + k), pl->item);
        }
        for (int64_t i = L - after; i < L; i++)
            memcpy(AT(i), AT(before + (i - before) % n), pl->item);
        break;
    case ND_PAD_REFLECT:
    case ND_PAD_SYMMETRIC: {
        int64_t left = before, right = after;
        while (left > 0 || right > 0)
            reflect_step(pl, base, stride, L, &left, &right);
        break;
    }
    case ND_PAD_LINEAR_RAMP:
        if (before)
            ramp(pl, base, stride, 0, before, false, &pl->v0, AT(before));
        if (after)
            ramp(pl, base, stride, L - after, after, true, &pl->v1,
                 AT(L - after - 1));
        break;
    default:
        break;
    }
}
#undef AT

static int fill_scalar(NdArray *dst, const NdScalar *v)
{
    NdScalar c;
    /* Python ints must fit the dtype (NEP 50), as a[...] = v checks. */
    if (v->weak) {
        if (nd_scalar_cast_weak(v, dst->dtype, &c) < 0)
            return -1;
    } else if (nd_scalar_cast(v, dst->dtype, &c) < 0) {
        return -1;
    }
    return nd_fill(dst, &c);
}

NdArray *nd_pad(NdArray *a, const int64_t *widths, NdPadMode mode,
                const NdScalar *values, bool odd)
{
    int ndim = a->ndim;
    int64_t shape[ND_MAXDIMS];
    NdScalar zero = nd_scalar_int64(0);
    for (int i = 0; i < ndim; i++) {
        if (widths[2 * i] < 0 || widths[2 * i + 1] < 0) {
            nd_error(ND_ERR_VALUE, "index can't contain negative values");
            return NULL;
        }
        if (__builtin_add_overflow(a->shape[i], widths[2 * i], &shape[i]) ||
            __builtin_add_overflow(shape[i], widths[2 * i + 1], &shape[i])) {
            too_big();
            return NULL;
        }
    }
    if (mode != ND_PAD_CONSTANT && mode != ND_PAD_EMPTY && a->size == 0)
        for (int i = 0; i < ndim; i++)
            if (a->shape[i] == 0 && (widths[2 * i] || widths[2 * i + 1])) {
                nd_error(ND_ERR_VALUE,
                         "can't extend empty axis %d using modes other than "
                         "'constant' or 'empty'",
                         i);
                return NULL;
            }
    NdArray *r = nd_empty(a->dtype, ndim, shape, order_of(a));
    if (!r)
        return NULL;
    /* the original in the middle */
    char *center = r->data;
    for (int i = 0; i < ndim; i++)
        if (a->shape[i] > 0)
            center += widths[2 * i] * r->strides[i];
    NdArray *mid = view_of(r, ndim, a->shape, r->strides, center);
    if (!mid || nd_copyto(mid, a, ND_CAST_NO) < 0) {
        nd_decref(mid);
        nd_decref(r);
        return NULL;
    }
    nd_decref(mid);
    if (r->size == 0 || mode == ND_PAD_EMPTY)
        return r;
    for (int ax = 0; ax < ndim; ax++) {
        int64_t before = widths[2 * ax], after = widths[2 * ax + 1];
        int64_t rshape[ND_MAXDIMS];
        char *rdata = r->data;
        if (!before && !after)
            continue;
        /* NumPy's _view_roi: axes up to this one span the padded array,
         * later ones only the original area (corners are written once, by
         * the later axis). */
        for (int i = 0; i < ndim; i++) {
            if (i <= ax) {
                rshape[i] = shape[i];
            } else {
                rshape[i] = a->shape[i];
                if (a->shape[i] > 0)
                    rdata += widths[2 * i] * r->strides[i];
            }
        }
        NdArray *roi = view_of(r, ndim, rshape, r->strides, rdata);
        if (!roi) {
            nd_decref(r);
            return NULL;
        }
        int rc = 0;
        if (mode == ND_PAD_CONSTANT) {
            NdArray *lo = slice_axis(roi, ax, 0, before);
            NdArray *hi = slice_axis(roi, ax, shape[ax] - after, shape[ax]);
            const NdScalar *v0 = values ? &values[2 * ax] : &zero;
            const NdScalar *v1 = values ? &values[2 * ax + 1] : &zero;
            if (!lo || !hi || (before && fill_scalar(lo, v0) < 0) ||
                (after && fill_scalar(hi, v1) < 0))
                rc = -1;
            nd_decref(lo);
            nd_decref(hi);
        } else {
            PadLine pl = {.dtype = a->dtype,
                          .item = nd_dtype_size(a->dtype),
                          .before = before,
                          .after = after,
                          .n = a->shape[ax],
                          .mode = mode,
                          .odd = odd,
                          .v0 = values ? values[2 * ax] : zero,
                          .v1 = values ? values[2 * ax + 1] : zero};
            /* Extending a length-1 axis by reflection repeats the edge
             * (NumPy's legacy rule). */
            if ((mode == ND_PAD_REFLECT || mode == ND_PAD_SYMMETRIC) &&
                pl.n == 1)
                pl.mode = ND_PAD_EDGE;
            each_line(roi, ax, pad_line, &pl);
        }
        nd_decref(roi);
        if (rc < 0) {
            nd_decref(r);
            return NULL;
        }
    }
    return r;
}
