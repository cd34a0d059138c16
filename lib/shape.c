/* shape.c — views that change only the geometry of an array: reshape (a view
 * when the strides allow it), transpose, swapaxes, expand_dims, squeeze,
 * broadcast_to and ravel, plus the contiguous-copy helpers.  None of these
 * touch element data except when a reshape or ravel has to copy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

int nd_normalize_axis(int64_t axis, int ndim, int *out)
{
    if (axis < -(int64_t)ndim || axis >= ndim)
        return nd_error(ND_ERR_AXIS,
                        "axis %lld is out of bounds for array of dimension %d",
                        (long long)axis, ndim);
    *out = (int)(axis < 0 ? axis + ndim : axis);
    return 0;
}

static NdArray *view_with(NdArray *a, int ndim, const int64_t *shape,
                          const int64_t *strides)
{
    return nd_view_new(a->buffer, a->dtype, ndim, shape, strides, a->data,
                       (a->flags & ND_WRITEABLE) != 0);
}

static int reshape_size_error(int64_t size, int ndim, const int64_t *shape)
{
    char text[ND_MAXDIMS * 22 + 8];
    nd_shape_str_compact(text, sizeof text, ndim, shape);
    return nd_error(ND_ERR_VALUE,
                    "cannot reshape array of size %lld into "
                    "shape %s",
                    (long long)size, text);
}

/* Resolve a -1 entry and check the element count; `out` gets the shape. */
static int resolve_shape(const NdArray *a, int ndim, const int64_t *shape,
                         int64_t *out)
{
    int unknown = -1;
    int64_t known = 1;
    if (ndim < 0 || ndim > ND_MAXDIMS)
        return nd_check_shape(ndim, shape);
    for (int i = 0; i < ndim; i++) {
        out[i] = shape[i];
        if (shape[i] < 0) {
            if (unknown >= 0)
                return nd_error(ND_ERR_VALUE,
                                "can only specify one unknown dimension");
            unknown = i;
        } else if (nd_mul_overflow(known, shape[i], &known) < 0) {
            return nd_error(ND_ERR_VALUE,
                            "array is too big; `arr.size * "
                            "arr.dtype.itemsize` is larger than the maximum "
                            "possible size.");
        }
    }
    if (unknown >= 0) {
        if (known == 0 || a->size % known != 0)
            return reshape_size_error(a->size, ndim, shape);
        out[unknown] = a->size / known;
    } else if (known != a->size) {
        return reshape_size_error(a->size, ndim, shape);
    }
    return 0;
}

/* Strides for viewing `a` with `shape` in C order without copying, or false
 * when the memory layout does not allow it.  The old axes are grouped with
 * new axes of equal product; each old group must be contiguous within
 * itself (any stride between groups is fine). */
static bool nocopy_strides_c(const NdArray *a, int ndim, const int64_t *shape,
                             int64_t *strides)
{
    int64_t oshape[ND_MAXDIMS], ostrides[ND_MAXDIMS];
    int ond = 0, oi = 0, ni = 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] != 1) {
            oshape[ond] = a->shape[i];
            ostrides[ond++] = a->strides[i];
        }
    while (oi < ond && ni < ndim) {
        int oj = oi + 1, nj = ni + 1;
        int64_t op = oshape[oi], np_ = shape[ni];
        while (op != np_) {
            if (np_ < op)
                np_ *= shape[nj++];
            else
                op *= oshape[oj++];
        }
        for (int k = oi; k < oj - 1; k++)
            if (ostrides[k] != oshape[k + 1] * ostrides[k + 1])
                return false;
        strides[nj - 1] = ostrides[oj - 1];
        for (int k = nj - 1; k > ni; k--)
            strides[k - 1] = strides[k] * shape[k];
        oi = oj;
        ni = nj;
    }
    /* Trailing new axes are of length 1; any stride serves. */
    for (int k = ni; k < ndim; k++)
        strides[k] = (int64_t)nd_dtype_size(a->dtype);
    return true;
}

/* The F-order variant: reverse both geometries, solve in C order. */
static bool nocopy_strides(const NdArray *a, int ndim, const int64_t *shape,
                           int64_t *strides, char order)
{
    NdArray rev;
    int64_t rshape[ND_MAXDIMS], rstrides[ND_MAXDIMS], nshape[ND_MAXDIMS] = {0},
                                                      nstrides[ND_MAXDIMS];
    if (a->size == 0) {
        /* Nothing to address: contiguous strides for the new shape. */
        int64_t s = (int64_t)nd_dtype_size(a->dtype);
        for (int k = 0; k < ndim; k++) {
            int i = order == 'F' ? k : ndim - 1 - k;
            strides[i] = s;
            s *= shape[i] ? shape[i] : 1;
        }
        return true;
    }
    if (order != 'F')
        return nocopy_strides_c(a, ndim, shape, strides);
    rev = *a;
    for (int i = 0; i < a->ndim; i++) {
        rshape[i] = a->shape[a->ndim - 1 - i];
        rstrides[i] = a->strides[a->ndim - 1 - i];
    }
    for (int i = 0; i < ndim; i++)
        nshape[i] = shape[ndim - 1 - i];
    rev.shape = rshape;
    rev.strides = rstrides;
    if (!nocopy_strides_c(&rev, ndim, nshape, nstrides))
        return false;
    for (int i = 0; i < ndim; i++)
        strides[i] = nstrides[ndim - 1 - i];
    return true;
}

static NdArray *reshape_impl(NdArray *a, int ndim, const int64_t *shape,
                             char order, bool allow_copy)
{
    int64_t nshape[ND_MAXDIMS], strides[ND_MAXDIMS];
    NdArray *flat, *r;
    if (order != 'C' && order != 'F') {
        nd_error(ND_ERR_VALUE, "order must be 'C' or 'F'");
        return NULL;
    }
    if (resolve_shape(a, ndim, shape, nshape) < 0)
        return NULL;
    if (nocopy_strides(a, ndim, nshape, strides, order))
        return view_with(a, ndim, nshape, strides);
    if (!allow_copy) {
        nd_error(ND_ERR_VALUE, "cannot reshape array without copying");
        return NULL;
    }
    /* Copy in the requested order, then the view always exists. */
    flat = nd_copy(a, order);
    if (!flat)
        return NULL;
    r = reshape_impl(flat, ndim, nshape, order, false);
    nd_decref(flat);
    return r;
}

NdArray *nd_reshape(NdArray *a, int ndim, const int64_t *shape, char order)
{
    return reshape_impl(a, ndim, shape, order, true);
}

int nd_set_shape(NdArray *a, int ndim, const int64_t *shape)
{
    int64_t nshape[ND_MAXDIMS], strides[ND_MAXDIMS];
    if (resolve_shape(a, ndim, shape, nshape) < 0)
        return -1;
    if (!nocopy_strides(a, ndim, nshape, strides, 'C'))
        return nd_error(ND_ERR_ATTRIBUTE,
                        "Incompatible shape for in-place modification. Use "
                        "`.reshape()` to make a copy with the desired "
                        "shape.");
    /* The header's own room holds as many axes as the array was made with;
     * more need storage of their own, freed with the array. */
    if (ndim > a->geometry_room) {
        int64_t *geometry = nd_malloc(2 * (size_t)ndim * sizeof(int64_t));
        if (!geometry)
            return -1;
        free(a->geometry_heap);
        a->geometry_heap = geometry;
        a->geometry_room = ndim;
        a->shape = geometry;
    }
    a->ndim = ndim;
    a->strides = a->shape + ndim;
    if (ndim) {
        memcpy(a->shape, nshape, (size_t)ndim * sizeof(int64_t));
        memcpy(a->strides, strides, (size_t)ndim * sizeof(int64_t));
    }
    nd_update_flags(a);
    return 0;
}

NdArray *nd_reshape_view(NdArray *a, int ndim, const int64_t *shape, char order)
{
    return reshape_impl(a, ndim, shape, order, false);
}

NdArray *nd_ravel(NdArray *a, char order)
{
    int64_t n = a->size;
    if (order == 'A')
        order = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS)
                    ? 'F'
                    : 'C';
    else if (order == 'K')
        order = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS)
                    ? 'F'
                    : 'C';
    return nd_reshape(a, 1, &n, order);
}

NdArray *nd_transpose(NdArray *a, const int64_t *axes, int naxes)
{
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    bool seen[ND_MAXDIMS] = {false};
    for (int i = 0; i < a->ndim; i++) {
        int ax = a->ndim - 1 - i;
        if (axes) {
            if (naxes != a->ndim) {
                nd_error(ND_ERR_VALUE, "axes don't match array");
                return NULL;
            }
            if (nd_normalize_axis(axes[i], a->ndim, &ax) < 0)
                return NULL;
            if (seen[ax]) {
                nd_error(ND_ERR_VALUE, "repeated axis in transpose");
                return NULL;
            }
            seen[ax] = true;
        }
        shape[i] = a->shape[ax];
        strides[i] = a->strides[ax];
    }
    if (axes && naxes != a->ndim) {
        nd_error(ND_ERR_VALUE, "axes don't match array");
        return NULL;
    }
    return view_with(a, a->ndim, shape, strides);
}

NdArray *nd_swapaxes(NdArray *a, int64_t axis1, int64_t axis2)
{
    int64_t axes[ND_MAXDIMS];
    int i1 = 0, i2 = 0;
    if (nd_normalize_axis(axis1, a->ndim, &i1) < 0 ||
        nd_normalize_axis(axis2, a->ndim, &i2) < 0)
        return NULL;
    for (int i = 0; i < a->ndim; i++)
        axes[i] = i;
    axes[i1] = i2;
    axes[i2] = i1;
    return nd_transpose(a, axes, a->ndim);
}

NdArray *nd_expand_dims(NdArray *a, const int64_t *axes, int naxes)
{
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    bool added[ND_MAXDIMS] = {false};
    int ndim = a->ndim + naxes, src = 0;
    if (ndim > ND_MAXDIMS) {
        nd_check_shape(ndim, NULL);
        return NULL;
    }
    for (int i = 0; i < naxes; i++) {
        int ax = 0;
        if (nd_normalize_axis(axes[i], ndim, &ax) < 0)
            return NULL;
        if (added[ax]) {
            nd_error(ND_ERR_VALUE, "repeated axis");
            return NULL;
        }
        added[ax] = true;
    }
    for (int i = 0; i < ndim; i++) {
        if (added[i]) {
            shape[i] = 1;
            /* Any stride addresses a length-1 axis; NumPy's choice keeps
             * the contiguity flags of the source. */
            strides[i] = src < a->ndim ? a->strides[src] * a->shape[src]
                                       : (int64_t)nd_dtype_size(a->dtype);
        } else {
            shape[i] = a->shape[src];
            strides[i] = a->strides[src++];
        }
    }
    return view_with(a, ndim, shape, strides);
}

NdArray *nd_squeeze(NdArray *a, const int64_t *axes, int naxes)
{
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    bool drop[ND_MAXDIMS] = {false};
    int ndim = 0;
    if (axes) {
        for (int i = 0; i < naxes; i++) {
            int ax = 0;
            if (nd_normalize_axis(axes[i], a->ndim, &ax) < 0)
                return NULL;
            if (a->shape[ax] != 1) {
                nd_error(ND_ERR_VALUE, "cannot select an axis to squeeze out "
                                       "which has size not equal to one");
                return NULL;
            }
            drop[ax] = true;
        }
    } else {
        for (int i = 0; i < a->ndim; i++)
            drop[i] = a->shape[i] == 1;
    }
    for (int i = 0; i < a->ndim; i++)
        if (!drop[i]) {
            shape[ndim] = a->shape[i];
            strides[ndim++] = a->strides[i];
        }
    return view_with(a, ndim, shape, strides);
}

NdArray *nd_broadcast_to(NdArray *a, int ndim, const int64_t *shape)
{
    int64_t strides[ND_MAXDIMS];
    int shift = ndim - a->ndim;
    NdArray *r;
    if (ndim < 0 || ndim > ND_MAXDIMS) {
        nd_check_shape(ndim, shape);
        return NULL;
    }
    for (int i = 0; i < ndim; i++)
        if (shape[i] < 0) {
            nd_error(ND_ERR_VALUE,
                     "all elements of broadcast shape must be non-negative");
            return NULL;
        }
    if (ndim == 0 && a->ndim > 0) {
        nd_error(ND_ERR_VALUE, "cannot broadcast a non-scalar to a scalar "
                               "array");
        return NULL;
    }
    for (int i = 0; i < ndim; i++) {
        int j = i - shift;
        if (j < 0) {
            strides[i] = 0;
        } else if (a->shape[j] == shape[i]) {
            strides[i] = a->strides[j];
        } else if (a->shape[j] == 1) {
            strides[i] = 0;
        } else {
            shift = -1;
            break;
        }
    }
    if (shift < 0) {
        char from[ND_MAXDIMS * 22 + 8], to[ND_MAXDIMS * 22 + 8];
        nd_shape_str_compact(from, sizeof from, a->ndim, a->shape);
        nd_shape_str_compact(to, sizeof to, ndim, shape);
        nd_error(ND_ERR_VALUE,
                 "operands could not be broadcast together with remapped "
                 "shapes [original->remapped]: %s  and requested shape %s",
                 from, to);
        return NULL;
    }
    if (nd_shape_size(ndim, shape, a->dtype) < 0)
        return NULL;
    r = nd_view_new(a->buffer, a->dtype, ndim, shape, strides, a->data, false);
    return r;
}

NdArray *nd_ascontiguousarray(NdArray *a)
{
    if (a->flags & ND_C_CONTIGUOUS)
        return nd_incref(a);
    return nd_copy(a, 'C');
}

NdArray *nd_asfortranarray(NdArray *a)
{
    if (a->flags & ND_F_CONTIGUOUS)
        return nd_incref(a);
    return nd_copy(a, 'F');
}
