/* assign.c — moving values between arrays of possibly different dtypes:
 * astype, copyto and fill.  This room owns the checks NumPy makes before
 * any data moves (the casting rule, a read-only destination, a source that
 * must broadcast to the destination without changing it) and their
 * messages; the moving itself is one nd_elementwise() call running a cast
 * loop, so strides, broadcasting and overlap are the iterator's concern. */
#include <stdio.h>
#include <string.h>

#include "iter.h"

static int cast_error(const char *what, NdType from, NdType to,
                      NdCasting casting)
{
    return nd_error(ND_ERR_TYPE,
                    "Cannot cast %s from dtype('%s') to dtype('%s') according "
                    "to the rule '%s'",
                    what, nd_dtype_name(from), nd_dtype_name(to),
                    nd_casting_name(casting));
}

static bool valid_type(NdType t)
{
    return (unsigned)t < (unsigned)ND_NTYPES;
}

/* Run the cast loop from src's dtype to dst's over two arrays of the same
 * shape (dst may be NULL: the iterator then allocates it as `to`). */
static int run_cast(NdArray *src, NdArray **dst, NdType to)
{
    NdArray *ops[2] = {src, *dst};
    const NdType types[2] = {src->dtype, to};
    /* The cast loop reads the source's own dtype and writes the target's,
     * so the iterator needs no buffer: one pass over the data. */
    if (nd_elementwise(1, 1, ops, types, nd_cast_loop(src->dtype, to)) < 0)
        return -1;
    *dst = ops[1];
    return 0;
}

NdArray *nd_astype(NdArray *a, NdType dtype, NdCasting casting, bool copy)
{
    if (!valid_type(dtype)) {
        nd_error(ND_ERR_TYPE, "data type not understood");
        return NULL;
    }
    if (!nd_can_cast(a->dtype, dtype, casting)) {
        cast_error("array data", a->dtype, dtype, casting);
        return NULL;
    }
    if (!copy && a->dtype == dtype)
        return nd_incref(a);
    NdArray *out = NULL;
    if (run_cast(a, &out, dtype) < 0)
        return NULL;
    return out;
}

static int read_only_error(void)
{
    return nd_error(ND_ERR_VALUE, "assignment destination is read-only");
}

/* A read-only view of src with dst's shape, or NULL with NumPy's error.
 * Leading length-1 axes of src beyond dst's rank may be dropped, as NumPy
 * allows copyto(zeros(3), ones((1, 3))); dst's shape itself never grows. */
static NdArray *broadcast_source(NdArray *src, const NdArray *dst)
{
    int64_t strides[ND_MAXDIMS];
    int extra = src->ndim - dst->ndim;
    bool ok = true;
    for (int i = 0; i < extra && ok; i++)
        ok = src->shape[i] == 1;
    for (int i = 0; i < dst->ndim && ok; i++) {
        int s = i + extra; /* src's axis under dst's axis i; < 0: none */
        if (s < 0 || src->shape[s] == 1)
            strides[i] = 0;
        else if (src->shape[s] == dst->shape[i])
            strides[i] = src->strides[s];
        else
            ok = false;
    }
    if (!ok) {
        char from[ND_MAXDIMS * 22 + 4], into[ND_MAXDIMS * 22 + 4];
        nd_shape_str_compact(from, sizeof from, src->ndim, src->shape);
        nd_shape_str_compact(into, sizeof into, dst->ndim, dst->shape);
        nd_error(ND_ERR_VALUE,
                 "could not broadcast input array from shape %s into "
                 "shape %s",
                 from, into);
        return NULL;
    }
    return nd_view_new(src->buffer, src->dtype, dst->ndim, dst->shape, strides,
                       src->data, false);
}

/* Fill dst with a scalar that already has dst's dtype. */
static int fill_same_type(NdArray *dst, const NdScalar *v)
{
    NdArray *src = nd_from_scalar(v);
    if (src == NULL)
        return -1;
    NdArray *view = broadcast_source(src, dst);
    int rc = view == NULL ? -1 : run_cast(view, &dst, dst->dtype);
    nd_decref(view);
    nd_decref(src);
    return rc;
}

/* The kinds a Python scalar may be assigned to without an unsafe cast
 * (NEP 50): an int to any number, a float to floats and complexes, a
 * complex to complexes.  Its value is checked when it is converted. */
static bool weak_can_cast(NdType from, NdType to, NdCasting casting)
{
    if (casting == ND_CAST_UNSAFE || from == to)
        return true;
    if (casting == ND_CAST_NO || casting == ND_CAST_EQUIV)
        return false;
    NdKind kf = nd_dtype_kind(from), kt = nd_dtype_kind(to);
    switch (kf) {
    case ND_KIND_INT:
    case ND_KIND_UINT:
        return kt != ND_KIND_BOOL;
    case ND_KIND_FLOAT:
        return kt == ND_KIND_FLOAT || kt == ND_KIND_COMPLEX;
    case ND_KIND_COMPLEX:
        return kt == ND_KIND_COMPLEX;
    default:
        return nd_can_cast(from, to, casting);
    }
}

int nd_copyto(NdArray *dst, NdArray *src, NdCasting casting)
{
    if (!(dst->flags & ND_WRITEABLE))
        return read_only_error();
    if ((src->flags & ND_WEAK) && src->ndim == 0) {
        if (!weak_can_cast(src->dtype, dst->dtype, casting))
            return cast_error("scalar", src->dtype, dst->dtype, casting);
        NdScalar s, c;
        if (nd_item(src, &s) < 0)
            return -1;
        s.weak = true;
        if (nd_scalar_cast_weak(&s, dst->dtype, &c) < 0)
            return -1;
        return fill_same_type(dst, &c);
    }
    if (!nd_can_cast(src->dtype, dst->dtype, casting))
        return cast_error("array data", src->dtype, dst->dtype, casting);
    NdArray *view = broadcast_source(src, dst);
    if (view == NULL)
        return -1;
    int rc = run_cast(view, &dst, dst->dtype);
    nd_decref(view);
    return rc;
}

int nd_fill(NdArray *dst, const NdScalar *v)
{
    if (!(dst->flags & ND_WRITEABLE))
        return read_only_error();
    /* A Python int must fit (NumPy 2: a.fill(1000) on int8 is an
     * OverflowError); anything else converts unsafely. */
    NdScalar c;
    if (nd_scalar_cast_weak(v, dst->dtype, &c) < 0)
        return -1;
    return fill_same_type(dst, &c);
}
