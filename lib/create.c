/* create.c — making new arrays: filled ones, copies of values or of another
 * array in a chosen memory order, and the ranges (arange, linspace, eye)
 * with NumPy's length and rounding rules. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

/* Exact integer arithmetic for arange bounds that may exceed int64. */
__extension__ typedef __int128 nd_i128;

NdArray *nd_full(NdType dtype, int ndim, const int64_t *shape,
                 const NdScalar *fill, char order)
{
    NdArray *a = nd_empty(dtype, ndim, shape, order);
    if (a && nd_fill(a, fill) < 0) {
        nd_decref(a);
        return NULL;
    }
    return a;
}

NdArray *nd_ones(NdType dtype, int ndim, const int64_t *shape, char order)
{
    NdScalar one = nd_scalar_int64(1);
    return nd_full(dtype, ndim, shape, &one, order);
}

/* Order 'K': lay the new array out in the order of `a`'s strides (largest
 * first), so a copy of a transposed or F-ordered array keeps its layout. */
static NdArray *empty_keep_layout(const NdArray *a, NdType dtype)
{
    int perm[ND_MAXDIMS];
    int64_t strides[ND_MAXDIMS], stride = (int64_t)nd_dtype_size(dtype);
    NdArray *r;
    for (int i = 0; i < a->ndim; i++)
        perm[i] = i;
    /* Insertion sort keeps ties (length-1 axes, equal strides) in C order. */
    for (int i = 1; i < a->ndim; i++) {
        int p = perm[i], j = i;
        int64_t sp = llabs(a->strides[p]);
        while (j > 0 && llabs(a->strides[perm[j - 1]]) < sp) {
            perm[j] = perm[j - 1];
            j--;
        }
        perm[j] = p;
    }
    r = nd_empty(dtype, a->ndim, a->shape, 'C');
    if (!r || a->ndim == 0)
        return r;
    for (int i = a->ndim - 1; i >= 0; i--) {
        strides[perm[i]] = stride;
        stride *= a->shape[perm[i]] ? a->shape[perm[i]] : 1;
    }
    memcpy(r->strides, strides, (size_t)a->ndim * sizeof(int64_t));
    nd_update_flags(r);
    return r;
}

NdArray *nd_empty_like(const NdArray *a, NdType dtype, char order)
{
    bool c = (a->flags & ND_C_CONTIGUOUS) != 0;
    bool f = (a->flags & ND_F_CONTIGUOUS) != 0;
    switch (order) {
    case 'C':
        return nd_empty(dtype, a->ndim, a->shape, 'C');
    case 'F':
        return nd_empty(dtype, a->ndim, a->shape, 'F');
    case 'A':
        return nd_empty(dtype, a->ndim, a->shape, f && !c ? 'F' : 'C');
    case 'K':
        if (c)
            return nd_empty(dtype, a->ndim, a->shape, 'C');
        if (f)
            return nd_empty(dtype, a->ndim, a->shape, 'F');
        return empty_keep_layout(a, dtype);
    default:
        nd_error(ND_ERR_VALUE, "order must be one of 'C', 'F', 'A', or 'K' "
                               "(got '%c')", order);
        return NULL;
    }
}

NdArray *nd_copy(const NdArray *a, char order)
{
    NdArray *r = nd_empty_like(a, a->dtype, order);
    /* nd_copyto borrows a non-const source; it only reads it. */
    if (r && nd_copyto(r, (NdArray *)a, ND_CAST_NO) < 0) {
        nd_decref(r);
        return NULL;
    }
    return r;
}

NdArray *nd_from_data(NdType dtype, int ndim, const int64_t *shape,
                      const void *values, int64_t count)
{
    NdArray *a = nd_empty(dtype, ndim, shape, 'C');
    if (!a)
        return NULL;
    if (count != a->size) {
        nd_error(ND_ERR_VALUE, "cannot reshape array of size %lld into the "
                               "requested shape", (long long)count);
        nd_decref(a);
        return NULL;
    }
    if (count)
        memcpy(a->data, values, (size_t)count * nd_dtype_size(dtype));
    return a;
}

static bool is_integer_scalar(const NdScalar *s)
{
    NdKind k = nd_dtype_kind(s->dtype);
    return k == ND_KIND_INT || k == ND_KIND_UINT || k == ND_KIND_BOOL;
}

static nd_i128 scalar_to_i128(const NdScalar *s)
{
    NdScalar v;
    if (nd_dtype_kind(s->dtype) == ND_KIND_UINT) {
        nd_scalar_cast(s, ND_UINT64, &v);
        return (nd_i128)v.v.u64;
    }
    nd_scalar_cast(s, ND_INT64, &v);
    return (nd_i128)v.v.i64;
}

static double scalar_to_double(const NdScalar *s)
{
    NdScalar v;
    nd_scalar_cast(s, ND_FLOAT64, &v);
    return v.v.f64;
}

/* Store the first two values of an arange in the result's dtype: NumPy
 * converts them, then derives every later element from their difference. */
static int store_value(NdArray *a, int64_t i, const NdScalar *v, bool weak)
{
    NdScalar c;
    int64_t index[1] = {i};
    if (weak ? nd_scalar_cast_weak(v, a->dtype, &c) < 0
             : nd_scalar_cast(v, a->dtype, &c) < 0)
        return -1;
    memcpy(nd_element_ptr(a, index), c.v.bytes, nd_dtype_size(a->dtype));
    return 0;
}

/* Fill a[2:] from a[0] and a[1] as start + i*delta, in the array's own
 * arithmetic (float32 stays float32, ints wrap), as NumPy's fill does. */
static void fill_from_first_two(NdArray *a)
{
    int64_t n = a->size;
    if (n < 3)
        return;
    switch (a->dtype) {
#define ND_FILL_CASE(T, ctype, utype)                                          \
    case T: {                                                                  \
        ctype *p = (ctype *)a->data;                                           \
        utype start = (utype)p[0], delta = (utype)p[1] - (utype)p[0];          \
        for (int64_t i = 2; i < n; i++)                                        \
            p[i] = (ctype)(start + (utype)i * delta);                          \
        break;                                                                 \
    }
        ND_FILL_CASE(ND_INT8, int8_t, uint8_t)
        ND_FILL_CASE(ND_INT16, int16_t, uint16_t)
        ND_FILL_CASE(ND_INT32, int32_t, uint32_t)
        ND_FILL_CASE(ND_INT64, int64_t, uint64_t)
        ND_FILL_CASE(ND_UINT8, uint8_t, uint8_t)
        ND_FILL_CASE(ND_UINT16, uint16_t, uint16_t)
        ND_FILL_CASE(ND_UINT32, uint32_t, uint32_t)
        ND_FILL_CASE(ND_UINT64, uint64_t, uint64_t)
        ND_FILL_CASE(ND_FLOAT32, float, float)
        ND_FILL_CASE(ND_FLOAT64, double, double)
#undef ND_FILL_CASE
    case ND_COMPLEX64: {
        nd_complex64 *p = (nd_complex64 *)a->data;
        float dr = p[1].re - p[0].re, di = p[1].im - p[0].im;
        for (int64_t i = 2; i < n; i++) {
            p[i].re = p[0].re + (float)i * dr;
            p[i].im = p[0].im + (float)i * di;
        }
        break;
    }
    case ND_COMPLEX128: {
        nd_complex128 *p = (nd_complex128 *)a->data;
        double dr = p[1].re - p[0].re, di = p[1].im - p[0].im;
        for (int64_t i = 2; i < n; i++) {
            p[i].re = p[0].re + (double)i * dr;
            p[i].im = p[0].im + (double)i * di;
        }
        break;
    }
    default: /* bool: at most two elements are possible */
        break;
    }
}

NdArray *nd_arange(const NdScalar *start, const NdScalar *stop,
                   const NdScalar *step, NdType dtype)
{
    NdScalar one = nd_scalar_int64(1), first, second;
    bool ints, weak;
    int64_t len;
    NdArray *a;
    if (!step)
        step = &one;
    if (nd_dtype_kind(start->dtype) == ND_KIND_COMPLEX ||
        nd_dtype_kind(stop->dtype) == ND_KIND_COMPLEX ||
        nd_dtype_kind(step->dtype) == ND_KIND_COMPLEX) {
        nd_error(ND_ERR_TYPE, "arange() does not support complex arguments");
        return NULL;
    }
    ints = is_integer_scalar(start) && is_integer_scalar(stop) &&
           is_integer_scalar(step);
    if (dtype == ND_NTYPES)
        dtype = ints ? ND_INT64 : ND_FLOAT64;
    if (ints) {
        nd_i128 a0 = scalar_to_i128(start), a1 = scalar_to_i128(stop),
                 d = scalar_to_i128(step), span, n;
        if (d == 0) {
            nd_error(ND_ERR_ZERO_DIVISION, "division by zero");
            return NULL;
        }
        span = a1 - a0;
        /* ceil(span / d) with truncating division */
        n = span / d + ((span % d != 0) && ((span > 0) == (d > 0)));
        if (n > INT64_MAX) {
            nd_error(ND_ERR_VALUE, "Maximum allowed size exceeded");
            return NULL;
        }
        len = n > 0 ? (int64_t)n : 0;
        first = *start;
        if (a0 + d > INT64_MAX) {
            second.dtype = ND_UINT64;
            second.v.u64 = (uint64_t)(a0 + d);
        } else {
            second.dtype = ND_INT64;
            second.v.i64 = (int64_t)(a0 + d);
        }
        second.weak = start->weak;
    } else {
        double s = scalar_to_double(start), e = scalar_to_double(stop),
               d = scalar_to_double(step), n;
        if (d == 0) {
            nd_error(ND_ERR_ZERO_DIVISION, "division by zero");
            return NULL;
        }
        n = ceil((e - s) / d);
        if (isnan(n)) {
            nd_error(ND_ERR_VALUE, "arange: cannot compute length");
            return NULL;
        }
        if (n >= 9.2e18) {
            nd_error(ND_ERR_VALUE, "Maximum allowed size exceeded");
            return NULL;
        }
        len = n > 0 ? (int64_t)n : 0;
        first = nd_scalar_float64(s);
        second = nd_scalar_float64(s + d);
    }
    a = nd_empty(dtype, 1, &len, 'C');
    if (!a)
        return NULL;
    /* Python ints given for an integer dtype must fit it (NEP 50). */
    weak = ints && start->weak && nd_dtype_kind(dtype) != ND_KIND_BOOL;
    if ((len > 0 && store_value(a, 0, &first, weak) < 0) ||
        (len > 1 && store_value(a, 1, &second, weak) < 0)) {
        nd_decref(a);
        return NULL;
    }
    if (len > 2 && dtype == ND_BOOL) {
        nd_error(ND_ERR_TYPE, "arange() is only supported for booleans when "
                              "the result has at most length 2.");
        nd_decref(a);
        return NULL;
    }
    fill_from_first_two(a);
    return a;
}

NdArray *nd_linspace(double start, double stop, int64_t num, bool endpoint,
                     NdType dtype, double *step_out)
{
    int64_t div = endpoint ? num - 1 : num;
    double delta = stop - start, step;
    NdArray *y, *r;
    double *p;
    if (num < 0) {
        nd_error(ND_ERR_VALUE,
                 "Number of samples, %lld, must be non-negative.",
                 (long long)num);
        return NULL;
    }
    y = nd_empty(ND_FLOAT64, 1, &num, 'C');
    if (!y)
        return NULL;
    p = (double *)y->data;
    /* NumPy's order of operations, so the values agree to the last bit:
     * i*step + start, falling back to i/div*delta when step underflows. */
    if (div > 0) {
        step = delta / (double)div;
        for (int64_t i = 0; i < num; i++)
            p[i] = step == 0 ? (double)i / (double)div * delta + start
                             : (double)i * step + start;
    } else {
        step = NAN;
        for (int64_t i = 0; i < num; i++)
            p[i] = (double)i * delta + start;
    }
    if (endpoint && num > 1)
        p[num - 1] = stop;
    if (step_out)
        *step_out = step;
    if (dtype == ND_FLOAT64)
        return y;
    /* NumPy 2 rounds towards -inf before converting to an integer dtype. */
    if (nd_dtype_kind(dtype) == ND_KIND_INT ||
        nd_dtype_kind(dtype) == ND_KIND_UINT)
        for (int64_t i = 0; i < num; i++)
            p[i] = floor(p[i]);
    r = nd_astype(y, dtype, ND_CAST_UNSAFE, true);
    nd_decref(y);
    return r;
}

NdArray *nd_eye(int64_t n, int64_t m, int64_t k, NdType dtype)
{
    int64_t shape[2] = {n, m < 0 ? n : m};
    NdScalar one = nd_scalar_int64(1), v;
    NdArray *a = nd_zeros(dtype, 2, shape, 'C');
    size_t itemsize = nd_dtype_size(dtype);
    if (!a)
        return NULL;
    nd_scalar_cast(&one, dtype, &v);
    for (int64_t i = 0; i < shape[0]; i++) {
        int64_t j = i + k;
        if (j >= 0 && j < shape[1])
            memcpy(a->data + i * a->strides[0] + j * a->strides[1], v.v.bytes,
                   itemsize);
    }
    return a;
}
