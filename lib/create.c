/* create.c — making new arrays: filled ones, copies of values or of another
 * array in a chosen memory order, and the ranges (arange, linspace, eye)
 * with NumPy's length and rounding rules. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

/* ln(10), for complex log10 (M_LN10 is not C11). */
#define ND_LN10 2.302585092994045684017991454684364208

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
        nd_error(ND_ERR_VALUE,
                 "order must be one of 'C', 'F', 'A', or 'K' "
                 "(got '%c')",
                 order);
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
        nd_error(ND_ERR_VALUE,
                 "cannot reshape array of size %lld into the "
                 "requested shape",
                 (long long)count);
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
        nd_error(ND_ERR_VALUE, "Number of samples, %lld, must be non-negative.",
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

/* ------------------------------------------- ranges over arrays, grids */

/* A copy of `a` broadcast to (ndim, shape) in `dtype`, C-contiguous. */
static NdArray *broadcast_copy(NdArray *a, NdType dtype, int ndim,
                               const int64_t *shape)
{
    NdArray *r = nd_empty(dtype, ndim, shape, 'C');
    if (r && nd_copyto(r, a, ND_CAST_UNSAFE) < 0) {
        nd_decref(r);
        return NULL;
    }
    return r;
}

static bool integer_kind(NdType t)
{
    return nd_dtype_kind(t) == ND_KIND_INT || nd_dtype_kind(t) == ND_KIND_UINT;
}

/* Round to float32 after each operation when NumPy computes in float32
 * (one double operation rounded once equals the float32 operation). */
static double round_to(double x, bool single)
{
    return single ? (double)(float)x : x;
}

NdArray *nd_linspace_array(NdArray *start, NdArray *stop, int64_t num,
                           bool endpoint, NdType dtype, int64_t axis,
                           NdArray **step_out)
{
    /* stop - start: NumPy's broadcast error names stop's shape first */
    NdArray *pair[2] = {stop, start};
    NdType types[2] = {start->dtype, stop->dtype}, dt, work;
    bool weak[2] = {(start->flags & ND_WEAK) != 0,
                    (stop->flags & ND_WEAK) != 0};
    int bnd, ax;
    int64_t bshape[ND_MAXDIMS], yshape[ND_MAXDIMS + 1];
    NdArray *s = NULL, *e = NULL, *y = NULL, *st = NULL, *moved = NULL,
            *r = NULL;
    if (step_out)
        *step_out = NULL;
    if (num < 0) {
        nd_error(ND_ERR_VALUE,
                 "Number of samples, %lld, must be "
                 "non-negative.",
                 (long long)num);
        return NULL;
    }
    dt = nd_result_type(2, types, weak);
    if (nd_dtype_kind(dt) != ND_KIND_FLOAT &&
        nd_dtype_kind(dt) != ND_KIND_COMPLEX)
        dt = ND_FLOAT64;
    bool cplx = nd_dtype_kind(dt) == ND_KIND_COMPLEX;
    bool single = dt == ND_FLOAT32 || dt == ND_COMPLEX64;
    work = cplx ? ND_COMPLEX128 : ND_FLOAT64;
    if (nd_broadcast_shapes(2, pair, &bnd, bshape) < 0)
        return NULL;
    if (bnd + 1 > ND_MAXDIMS) {
        nd_check_shape(bnd + 1, NULL);
        return NULL;
    }
    if (nd_normalize_axes(&axis, 1, bnd + 1, "destination", true, &ax) < 0)
        return NULL;
    s = broadcast_copy(start, work, bnd, bshape);
    e = s ? broadcast_copy(stop, work, bnd, bshape) : NULL;
    yshape[0] = num;
    memcpy(yshape + 1, bshape, (size_t)bnd * sizeof(int64_t));
    y = e ? nd_empty(work, bnd + 1, yshape, 'C') : NULL;
    st = y ? nd_empty(work, bnd, bshape, 'C') : NULL;
    if (!st)
        goto done;
    int64_t m = s->size, div = endpoint ? num - 1 : num;
    int parts = cplx ? 2 : 1;
    double *S = (double *)(void *)s->data, *E = (double *)(void *)e->data;
    double *Y = (double *)(void *)y->data, *STEP = (double *)(void *)st->data;
    bool any_zero = false;
    /* delta and step per element (each part of a complex number) */
    for (int64_t j = 0; j < m * parts; j++) {
        double delta = round_to(E[j] - S[j], single);
        STEP[j] = div > 0 ? round_to(delta / (double)div, single) : NAN;
    }
    if (div > 0)
        for (int64_t j = 0; j < m; j++)
            if (STEP[j * parts] == 0 &&
                (parts == 1 || STEP[j * parts + 1] == 0))
                any_zero = true;
    for (int64_t i = 0; i < num; i++)
        for (int64_t j = 0; j < m * parts; j++) {
            double delta = round_to(E[j] - S[j], single), v;
            if (div > 0 && any_zero)
                v = round_to(round_to((double)i / (double)div, single) * delta,
                             single);
            else if (div > 0)
                v = round_to((double)i * STEP[j], single);
            else
                v = round_to((double)i * delta, single);
            Y[i * m * parts + j] = round_to(v + S[j], single);
        }
    if (endpoint && num > 1)
        memcpy(Y + (num - 1) * m * parts, E,
               (size_t)(m * parts) * sizeof(double));
    if (integer_kind(dtype))
        for (int64_t i = 0; i < y->size * parts; i++)
            Y[i] = floor(Y[i]);
    {
        int64_t zero = 0, dest = ax;
        moved = nd_moveaxis(y, &zero, 1, &dest, 1);
    }
    if (!moved)
        goto done;
    r = nd_astype(moved, dtype == ND_NTYPES ? dt : dtype, ND_CAST_UNSAFE,
                  false);
    if (r && r == moved && r->refcount > 1) {
        /* keep the result independent of the work array's header */
        NdArray *v = nd_view(r);
        nd_decref(r);
        r = v;
    }
    if (r && step_out) {
        *step_out = nd_astype(st, dt, ND_CAST_UNSAFE, false);
        if (!*step_out) {
            nd_decref(r);
            r = NULL;
        }
    }
done:
    nd_decref(s);
    nd_decref(e);
    nd_decref(y);
    nd_decref(st);
    nd_decref(moved);
    return r;
}

/* A strong copy of the geometry of a (NumPy's np.array(x, ndmin=n)). */
static NdArray *strong_ndmin(NdArray *a, int ndmin)
{
    NdArray *r;
    if (a->ndim < ndmin) {
        int64_t add[ND_MAXDIMS];
        for (int i = 0; i < ndmin - a->ndim; i++)
            add[i] = i;
        r = nd_expand_dims(a, add, ndmin - a->ndim);
    } else {
        r = nd_view(a);
    }
    if (r)
        r->flags &= ~(unsigned)ND_WEAK;
    return r;
}

NdArray *nd_logspace(NdArray *start, NdArray *stop, int64_t num, bool endpoint,
                     NdArray *base, NdType dtype, int64_t axis)
{
    NdArray *three[3] = {start, stop, base};
    int ndmax;
    int64_t shape[ND_MAXDIMS];
    NdArray *s = NULL, *e = NULL, *b = NULL, *y = NULL, *bx = NULL, *p = NULL,
            *r = NULL;
    if (nd_broadcast_shapes(3, three, &ndmax, shape) < 0)
        return NULL;
    s = strong_ndmin(start, ndmax);
    e = strong_ndmin(stop, ndmax);
    b = strong_ndmin(base, ndmax);
    if (!s || !e || !b)
        goto done;
    y = nd_linspace_array(s, e, num, endpoint, ND_NTYPES, axis, NULL);
    if (!y)
        goto done;
    {
        int ax;
        if (nd_normalize_axis(axis, ndmax + 1, &ax) < 0)
            goto done;
        int64_t where = ax;
        bx = nd_expand_dims(b, &where, 1);
    }
    if (!bx)
        goto done;
    p = nd_binary(ND_UF_POWER, bx, y);
    if (!p)
        goto done;
    r = dtype == ND_NTYPES ? nd_incref(p)
                           : nd_astype(p, dtype, ND_CAST_UNSAFE, false);
done:
    nd_decref(s);
    nd_decref(e);
    nd_decref(b);
    nd_decref(y);
    nd_decref(bx);
    nd_decref(p);
    return r;
}

NdArray *nd_geomspace(NdArray *start, NdArray *stop, int64_t num, bool endpoint,
                      NdType dtype, int64_t axis)
{
    NdArray *pair[2] = {start, stop};
    int bnd;
    int64_t bshape[ND_MAXDIMS];
    bool cplx = nd_dtype_kind(start->dtype) == ND_KIND_COMPLEX ||
                nd_dtype_kind(stop->dtype) == ND_KIND_COMPLEX ||
                (dtype != ND_NTYPES && nd_dtype_kind(dtype) == ND_KIND_COMPLEX);
    NdType dt = cplx ? ND_COMPLEX128 : ND_FLOAT64;
    NdArray *s = NULL, *e = NULL, *sign = NULL, *ls = NULL, *le = NULL,
            *ten = NULL, *res = NULL, *moved = NULL, *r = NULL;
    if (nd_broadcast_shapes(2, pair, &bnd, bshape) < 0)
        return NULL;
    s = nd_astype(start, dt, ND_CAST_UNSAFE, true);
    e = s ? nd_astype(stop, dt, ND_CAST_UNSAFE, true) : NULL;
    if (!e)
        goto done;
    {
        NdArray *zs = broadcast_copy(s, dt, s->ndim, s->shape);
        nd_decref(s);
        s = zs;
        NdArray *ze = s ? broadcast_copy(e, dt, e->ndim, e->shape) : NULL;
        nd_decref(e);
        e = ze;
        if (!s || !e)
            goto done;
    }
    int parts = cplx ? 2 : 1;
    double *S = (double *)(void *)s->data, *E = (double *)(void *)e->data;
    for (int64_t i = 0; i < s->size; i++)
        if (S[i * parts] == 0 && (parts == 1 || S[i * parts + 1] == 0))
            goto zero;
    for (int64_t i = 0; i < e->size; i++)
        if (E[i * parts] == 0 && (parts == 1 || E[i * parts + 1] == 0))
            goto zero;
    /* out_sign = sign(start) (z/|z| for complex); start /= out_sign;
     * stop = stop / out_sign; logs base 10. */
    sign = nd_empty(dt, s->ndim, s->shape, 'C');
    ls = sign ? nd_empty(dt, s->ndim, s->shape, 'C') : NULL;
    if (!ls)
        goto done;
    {
        double *G = (double *)(void *)sign->data;
        double *L = (double *)(void *)ls->data;
        for (int64_t i = 0; i < s->size; i++) {
            if (!cplx) {
                G[i] = S[i] > 0 ? 1.0 : S[i] < 0 ? -1.0 : S[i];
                S[i] /= G[i];
                L[i] = log10(S[i]);
            } else {
                double re = S[2 * i], im = S[2 * i + 1];
                double m = hypot(re, im);
                G[2 * i] = re / m;
                G[2 * i + 1] = im / m;
                /* (re + i im) / (g) with |g| = 1: multiply by conj(g) */
                double nr = re * G[2 * i] + im * G[2 * i + 1];
                double ni = im * G[2 * i] - re * G[2 * i + 1];
                S[2 * i] = nr;
                S[2 * i + 1] = ni;
                L[2 * i] = log(hypot(nr, ni)) / ND_LN10;
                L[2 * i + 1] = atan2(ni, nr) / ND_LN10;
            }
        }
    }
    /* stop / out_sign, broadcast against each other */
    {
        NdArray *q = nd_binary(ND_UF_TRUE_DIVIDE, e, sign);
        nd_decref(e);
        e = q;
        if (!e)
            goto done;
        nd_fpe_hw_clear();
        le = nd_empty(dt, e->ndim, e->shape, 'C');
        if (!le)
            goto done;
        double *Q = (double *)(void *)e->data, *L = (double *)(void *)le->data;
        for (int64_t i = 0; i < e->size; i++) {
            if (!cplx) {
                L[i] = log10(Q[i]);
            } else {
                L[2 * i] = log(hypot(Q[2 * i], Q[2 * i + 1])) / ND_LN10;
                L[2 * i + 1] = atan2(Q[2 * i + 1], Q[2 * i]) / ND_LN10;
            }
        }
        nd_fpe_hw_collect("log10");
    }
    {
        NdScalar t = nd_scalar_float64(10.0);
        ten = nd_from_scalar(&t);
        if (!ten)
            goto done;
        res = nd_logspace(ls, le, num, endpoint, ten, dt, 0);
        if (!res)
            goto done;
    }
    if (num > 0) {
        /* the endpoints exactly, as NumPy sets them */
        NdArray *first =
            nd_view_new(res->buffer, res->dtype, res->ndim - 1, res->shape + 1,
                        res->strides + 1, res->data, true);
        int rc = first ? nd_copyto(first, s, ND_CAST_UNSAFE) : -1;
        nd_decref(first);
        if (rc == 0 && num > 1 && endpoint) {
            NdArray *last =
                nd_view_new(res->buffer, res->dtype, res->ndim - 1,
                            res->shape + 1, res->strides + 1,
                            res->data + (num - 1) * res->strides[0], true);
            rc = last ? nd_copyto(last, e, ND_CAST_UNSAFE) : -1;
            nd_decref(last);
        }
        if (rc < 0)
            goto done;
    }
    {
        NdArray *signed_ = nd_binary(ND_UF_MULTIPLY, sign, res);
        if (!signed_)
            goto done;
        int64_t zero = 0;
        moved = nd_moveaxis(signed_, &zero, 1, &axis, 1);
        nd_decref(signed_);
        if (!moved)
            goto done;
    }
    r = nd_astype(moved, dtype == ND_NTYPES ? dt : dtype, ND_CAST_UNSAFE,
                  false);
    goto done;
zero:
    nd_error(ND_ERR_VALUE, "Geometric sequence cannot include zero");
done:
    nd_decref(s);
    nd_decref(e);
    nd_decref(sign);
    nd_decref(ls);
    nd_decref(le);
    nd_decref(ten);
    nd_decref(res);
    nd_decref(moved);
    return r;
}

NdArray *nd_tri(int64_t n, int64_t m, int64_t k, NdType dtype)
{
    int64_t shape[2] = {n, m < 0 ? n : m};
    NdScalar one = nd_scalar_int64(1), v;
    NdArray *a = nd_zeros(dtype, 2, shape, 'C');
    size_t item = nd_dtype_size(dtype);
    if (!a)
        return NULL;
    nd_scalar_cast(&one, dtype, &v);
    for (int64_t i = 0; i < shape[0]; i++)
        for (int64_t j = 0; j < shape[1] && j <= i + k; j++)
            memcpy(a->data + (i * shape[1] + j) * (int64_t)item, v.v.bytes,
                   item);
    return a;
}

NdArray *nd_diagflat(NdArray *v, int64_t k)
{
    NdArray *flat = nd_ravel(v, 'C'), *src, *r;
    if (!flat)
        return NULL;
    src = nd_ascontiguousarray(flat);
    nd_decref(flat);
    if (!src)
        return NULL;
    int64_t s = src->size, ak = k < 0 ? -k : k, n;
    if (__builtin_add_overflow(s, ak, &n)) {
        nd_decref(src);
        nd_error(ND_ERR_VALUE, "Maximum allowed size exceeded");
        return NULL;
    }
    int64_t shape[2] = {n, n};
    r = nd_zeros(v->dtype, 2, shape, 'C');
    if (r) {
        size_t item = nd_dtype_size(v->dtype);
        for (int64_t i = 0; i < s; i++) {
            int64_t row = k >= 0 ? i : i - k, col = k >= 0 ? i + k : i;
            memcpy(r->data + (row * n + col) * (int64_t)item,
                   src->data + i * (int64_t)item, item);
        }
    }
    nd_decref(src);
    return r;
}

NdArray *nd_vander(NdArray *x, int64_t n, bool increasing)
{
    NdType dt;
    if (x->ndim != 1) {
        nd_error(ND_ERR_VALUE, "x must be a one-dimensional array or "
                               "sequence.");
        return NULL;
    }
    if (n < 0)
        n = x->shape[0];
    dt = nd_promote_types(x->dtype, ND_INT64);
    int64_t shape[2] = {x->shape[0], n};
    NdArray *r = nd_empty(dt, 2, shape, 'C');
    NdArray *xd = r ? nd_astype(x, dt, ND_CAST_UNSAFE, false) : NULL;
    NdArray *prev = NULL;
    if (!xd) {
        nd_decref(r);
        return NULL;
    }
    for (int64_t p = 0; p < n; p++) {
        int64_t col = increasing ? p : n - 1 - p;
        NdArray *c = nd_view_new(r->buffer, dt, 1, shape, r->strides,
                                 r->data + col * r->strides[1], true);
        int rc = 0;
        if (!c) {
            rc = -1;
        } else if (p == 0) {
            NdScalar one = nd_scalar_int64(1);
            rc = nd_fill(c, &one);
        } else if (p == 1) {
            rc = nd_copyto(c, xd, ND_CAST_UNSAFE);
        } else {
            NdArray *ins[2] = {prev, xd};
            NdArray *o = nd_ufunc(ND_UF_MULTIPLY, ins, c, ND_CAST_SAME_KIND);
            rc = o ? 0 : -1;
            nd_decref(o);
        }
        nd_decref(prev);
        prev = c;
        if (rc < 0) {
            nd_decref(prev);
            nd_decref(xd);
            nd_decref(r);
            return NULL;
        }
    }
    nd_decref(prev);
    nd_decref(xd);
    return r;
}

NdArray *nd_indices(int ndim, const int64_t *dims, NdType dtype)
{
    int64_t shape[ND_MAXDIMS];
    if (ndim + 1 > ND_MAXDIMS) {
        nd_check_shape(ndim + 1, NULL);
        return NULL;
    }
    shape[0] = ndim;
    memcpy(shape + 1, dims, (size_t)ndim * sizeof(int64_t));
    NdArray *r = nd_empty(dtype, ndim + 1, shape, 'C');
    if (!r)
        return NULL;
    for (int i = 0; i < ndim; i++) {
        NdScalar s0 = nd_scalar_int64(0), s1 = nd_scalar_int64(dims[i]);
        NdArray *ar = nd_arange(&s0, &s1, NULL, dtype);
        int64_t one[ND_MAXDIMS];
        for (int k = 0; k < ndim; k++)
            one[k] = k == i ? dims[i] : 1;
        NdArray *col = ar ? nd_reshape(ar, ndim, one, 'C') : NULL;
        NdArray *dst =
            col ? nd_view_new(r->buffer, dtype, ndim, r->shape + 1,
                              r->strides + 1, r->data + i * r->strides[0], true)
                : NULL;
        int rc = dst ? nd_copyto(dst, col, ND_CAST_UNSAFE) : -1;
        nd_decref(ar);
        nd_decref(col);
        nd_decref(dst);
        if (rc < 0) {
            nd_decref(r);
            return NULL;
        }
    }
    return r;
}

int nd_meshgrid(NdArray *const *xi, int n, bool ij, bool sparse, bool copy,
                NdArray **out)
{
    int64_t shape[ND_MAXDIMS];
    if (n > ND_MAXDIMS)
        return nd_check_shape(n, NULL);
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++)
            shape[k] = 1;
        int pos = i;
        if (!ij && n > 1 && i < 2)
            pos = 1 - i; /* 'xy': the first two axes trade places */
        shape[pos] = -1;
        out[i] = nd_reshape(xi[i], n, shape, 'C');
        if (!out[i])
            goto fail;
    }
    if (!sparse && n > 0) {
        NdArray *b[ND_MAXDIMS];
        if (nd_broadcast_arrays(out, n, b) < 0)
            goto fail;
        for (int i = 0; i < n; i++) {
            nd_decref(out[i]);
            out[i] = b[i];
        }
    }
    if (copy)
        for (int i = 0; i < n; i++) {
            NdArray *c = nd_copy(out[i], 'C');
            nd_decref(out[i]);
            out[i] = c;
            if (!c)
                goto fail;
        }
    return 0;
fail:
    for (int i = 0; i < n; i++) {
        nd_decref(out[i]);
        out[i] = NULL;
    }
    return -1;
}
