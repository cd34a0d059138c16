/* numeric.c — NumPy's numeric helpers for libnd: finite differences (diff,
 * ediff1d, gradient), cross products, trapezoidal integration, 1-d
 * convolution and correlation, linear interpolation, binning (digitize,
 * bincount) and histograms with NumPy's bin estimators, the closeness and
 * equality tests (isclose, allclose, array_equal, array_equiv), the
 * machine limits of the dtypes (iinfo, finfo) and sliding-window views.
 *
 * Where NumPy builds a routine from ufuncs on slices (diff, gradient,
 * cross, trapezoid) this file does the same with nd_binary on views, so
 * the result dtypes follow NEP 50 exactly as NumPy's do.  Routines NumPy
 * writes as C loops over doubles (interp, bincount, histogram counting,
 * convolution) read their operands into contiguous float64 / complex128
 * (or long double where exact integer comparisons matter) and loop. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

/* ------------------------------------------------------------ helpers */

/* Temporaries of one computation, released together: every nd_* result
 * goes through keep(), so an error anywhere needs one cleanup. */
#define TMP_SLOTS 96
typedef struct Tmp {
    NdArray *a[TMP_SLOTS];
    int n;
} Tmp;

static NdArray *keep(Tmp *t, NdArray *a)
{
    if (!a)
        return NULL;
    if (t->n == TMP_SLOTS) {
        nd_decref(a);
        nd_error(ND_ERR_RUNTIME, "too many temporaries");
        return NULL;
    }
    t->a[t->n++] = a;
    return a;
}

static void tmp_free(Tmp *t)
{
    for (int i = 0; i < t->n; i++)
        nd_decref(t->a[i]);
    t->n = 0;
}

/* The result of a computation: a new reference to r (if any), then the
 * temporaries are dropped. */
static NdArray *tmp_done(Tmp *t, NdArray *r)
{
    if (r)
        nd_incref(r);
    tmp_free(t);
    return r;
}

static NdArray *op2(Tmp *t, NdUfuncId op, NdArray *x, NdArray *y)
{
    if (!x || !y)
        return NULL;
    return keep(t, nd_binary(op, x, y));
}

static NdArray *op1(Tmp *t, NdUfuncId op, NdArray *x)
{
    if (!x)
        return NULL;
    return keep(t, nd_unary(op, x));
}

/* A Python float (weak, NEP 50) as a 0-d array. */
static NdArray *weak_float(Tmp *t, double v)
{
    NdScalar s = nd_scalar_float64(v);
    s.weak = true;
    return keep(t, nd_from_scalar(&s));
}

/* a[start:stop] along axis (0 <= start <= stop <= len): a view. */
static NdArray *slice_axis(Tmp *t, NdArray *a, int axis, int64_t start,
                           int64_t stop)
{
    if (!a)
        return NULL;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
    if (stop < start)
        stop = start;
    shape[axis] = stop - start;
    char *data = a->data + (shape[axis] ? start * a->strides[axis] : 0);
    return keep(t, nd_view_new(a->buffer, a->dtype, a->ndim, shape, a->strides,
                               data, (a->flags & ND_WRITEABLE) != 0));
}

/* a[..., i, ...] (index i along axis, which disappears): a view. */
static NdArray *index_axis(Tmp *t, NdArray *a, int axis, int64_t i)
{
    if (!a)
        return NULL;
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int k = 0;
    for (int d = 0; d < a->ndim; d++) {
        if (d == axis)
            continue;
        shape[k] = a->shape[d];
        strides[k++] = a->strides[d];
    }
    return keep(t, nd_view_new(a->buffer, a->dtype, a->ndim - 1, shape, strides,
                               a->data + i * a->strides[axis],
                               (a->flags & ND_WRITEABLE) != 0));
}

/* A C-contiguous copy (or a itself) of a converted to dtype t. */
static NdArray *contig_as(Tmp *tmp, NdArray *a, NdType t)
{
    if (!a)
        return NULL;
    NdArray *c = nd_astype(a, t, ND_CAST_UNSAFE, false);
    if (!c)
        return NULL;
    NdArray *r = nd_ascontiguousarray(c);
    nd_decref(c);
    return keep(tmp, r);
}

static const double *f64_data(Tmp *t, NdArray *a)
{
    NdArray *c = contig_as(t, a, ND_FLOAT64);
    return c ? (const double *)c->data : NULL;
}

static bool is_complex(NdType t)
{
    return nd_dtype_kind(t) == ND_KIND_COMPLEX;
}
static bool is_inexact(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_FLOAT || k == ND_KIND_COMPLEX;
}
static bool is_integer(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_INT || k == ND_KIND_UINT;
}

/* Every element of a contiguous-or-not array as long double (exact for
 * every int64, uint64 and double), in C order. */
static long double *load_ld(NdArray *a)
{
    int64_t n = a->size;
    long double *out = nd_malloc(sizeof(long double) * (size_t)(n ? n : 1));
    if (!out)
        return NULL;
    NdArray *c = nd_ascontiguousarray(a);
    if (!c) {
        free(out);
        return NULL;
    }
    for (int64_t i = 0; i < n; i++) {
        const char *p = c->data + i * (int64_t)nd_dtype_size(c->dtype);
        switch (c->dtype) {
        case ND_BOOL:
            out[i] = *(const bool *)p;
            break;
        case ND_INT8:
            out[i] = *(const int8_t *)p;
            break;
        case ND_INT16:
            out[i] = *(const int16_t *)p;
            break;
        case ND_INT32:
            out[i] = *(const int32_t *)p;
            break;
        case ND_INT64:
            out[i] = (long double)*(const int64_t *)p;
            break;
        case ND_UINT8:
            out[i] = *(const uint8_t *)p;
            break;
        case ND_UINT16:
            out[i] = *(const uint16_t *)p;
            break;
        case ND_UINT32:
            out[i] = *(const uint32_t *)p;
            break;
        case ND_UINT64:
            out[i] = (long double)*(const uint64_t *)p;
            break;
        case ND_FLOAT32:
            out[i] = *(const float *)p;
            break;
        case ND_FLOAT64:
            out[i] = *(const double *)p;
            break;
        case ND_COMPLEX64:
            out[i] = ((const nd_complex64 *)p)->re;
            break;
        default:
            out[i] = ((const nd_complex128 *)p)->re;
            break;
        }
    }
    nd_decref(c);
    return out;
}

/* Concatenate along axis (NumPy's checks and texts; result dtype is the
 * promotion of the parts). */
static NdArray *concat_axis(NdArray *const *p, int n, int axis)
{
    int nd = p[0]->ndim;
    int64_t shape[ND_MAXDIMS];
    NdType dt = p[0]->dtype;
    memcpy(shape, p[0]->shape, sizeof(int64_t) * (size_t)nd);
    shape[axis] = 0;
    for (int i = 0; i < n; i++) {
        if (p[i]->ndim != nd) {
            nd_error(ND_ERR_VALUE,
                     "all the input arrays must have same number of "
                     "dimensions, but the array at index 0 has %d "
                     "dimension(s) and the array at index %d has %d "
                     "dimension(s)",
                     nd, i, p[i]->ndim);
            return NULL;
        }
        for (int d = 0; d < nd; d++) {
            if (d != axis && p[i]->shape[d] != p[0]->shape[d]) {
                nd_error(ND_ERR_VALUE,
                         "all the input array dimensions except for the "
                         "concatenation axis must match exactly, but along "
                         "dimension %d, the array at index 0 has size %lld "
                         "and the array at index %d has size %lld",
                         d, (long long)p[0]->shape[d], i,
                         (long long)p[i]->shape[d]);
                return NULL;
            }
        }
        shape[axis] += p[i]->shape[axis];
        dt = nd_promote_types(dt, p[i]->dtype);
    }
    NdArray *out = nd_empty(dt, nd, shape, 'C');
    if (!out)
        return NULL;
    int64_t off = 0;
    for (int i = 0; i < n; i++) {
        Tmp t = {.n = 0};
        NdArray *v = slice_axis(&t, out, axis, off, off + p[i]->shape[axis]);
        int rc = v ? nd_copyto(v, p[i], ND_CAST_UNSAFE) : -1;
        tmp_free(&t);
        if (rc < 0) {
            nd_decref(out);
            return NULL;
        }
        off += p[i]->shape[axis];
    }
    return out;
}

/* Copy src into dst (unsafe cast, broadcasting): NumPy's `out[...] = x`. */
static int put(NdArray *dst, NdArray *src)
{
    if (!dst || !src)
        return -1;
    return nd_copyto(dst, src, ND_CAST_UNSAFE);
}

/* ------------------------------------------------------------ diff */

/* prepend/append of diff: a 0-d value is broadcast to a's shape with
 * length 1 along axis. */
static NdArray *diff_part(Tmp *t, NdArray *p, NdArray *a, int axis)
{
    if (p->ndim != 0)
        return p;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
    shape[axis] = 1;
    return keep(t, nd_broadcast_to(p, a->ndim, shape));
}

NdArray *nd_diff(NdArray *a, int64_t n, int64_t axis, NdArray *prepend,
                 NdArray *append)
{
    if (n == 0)
        return nd_incref(a);
    if (n < 0) {
        nd_error(ND_ERR_VALUE, "order must be non-negative but got %lld",
                 (long long)n);
        return NULL;
    }
    if (a->ndim == 0) {
        nd_error(ND_ERR_VALUE,
                 "diff requires input that is at least one dimensional");
        return NULL;
    }
    int ax;
    if (nd_normalize_axis(axis, a->ndim, &ax) < 0)
        return NULL;
    Tmp t = {.n = 0};
    NdArray *cur = a;
    if (prepend || append) {
        NdArray *parts[3];
        int np = 0;
        if (prepend && !(parts[np++] = diff_part(&t, prepend, a, ax)))
            return tmp_done(&t, NULL);
        parts[np++] = a;
        if (append && !(parts[np++] = diff_part(&t, append, a, ax)))
            return tmp_done(&t, NULL);
        if (!(cur = keep(&t, concat_axis(parts, np, ax))))
            return tmp_done(&t, NULL);
    }
    NdUfuncId op = cur->dtype == ND_BOOL ? ND_UF_NOT_EQUAL : ND_UF_SUBTRACT;
    for (int64_t k = 0; k < n && cur; k++) {
        int64_t len = cur->shape[ax];
        int64_t m = len > 0 ? len - 1 : 0;
        cur = op2(&t, op, slice_axis(&t, cur, ax, len - m, len),
                  slice_axis(&t, cur, ax, 0, m));
        if (cur && m == 0)
            k = n; /* further differences of an empty axis stay empty */
    }
    return tmp_done(&t, cur);
}

NdArray *nd_ediff1d(NdArray *ary, NdArray *to_end, NdArray *to_begin)
{
    Tmp t = {.n = 0};
    NdArray *a = keep(&t, nd_ravel(ary, 'C'));
    if (!a)
        return NULL;
    int64_t n = a->size, ld = n > 0 ? n - 1 : 0;
    if (!to_begin && !to_end)
        return tmp_done(&t,
                        op2(&t, ND_UF_SUBTRACT, slice_axis(&t, a, 0, n - ld, n),
                            slice_axis(&t, a, 0, 0, ld)));
    NdArray *b = NULL, *e = NULL;
    if (to_begin) {
        if (!nd_can_cast(to_begin->dtype, a->dtype, ND_CAST_SAME_KIND)) {
            nd_error(ND_ERR_TYPE, "dtype of `to_begin` must be compatible "
                                  "with input `ary` under the `same_kind` "
                                  "rule.");
            return tmp_done(&t, NULL);
        }
        if (!(b = keep(&t, nd_ravel(to_begin, 'C'))))
            return tmp_done(&t, NULL);
    }
    if (to_end) {
        if (!nd_can_cast(to_end->dtype, a->dtype, ND_CAST_SAME_KIND)) {
            nd_error(ND_ERR_TYPE, "dtype of `to_end` must be compatible "
                                  "with input `ary` under the `same_kind` "
                                  "rule.");
            return tmp_done(&t, NULL);
        }
        if (!(e = keep(&t, nd_ravel(to_end, 'C'))))
            return tmp_done(&t, NULL);
    }
    int64_t lb = b ? b->size : 0, le = e ? e->size : 0;
    int64_t total = lb + ld + le;
    NdArray *r = keep(&t, nd_empty(a->dtype, 1, &total, 'C'));
    if (!r)
        return tmp_done(&t, NULL);
    if (lb && put(slice_axis(&t, r, 0, 0, lb), b) < 0)
        return tmp_done(&t, NULL);
    if (le && put(slice_axis(&t, r, 0, lb + ld, total), e) < 0)
        return tmp_done(&t, NULL);
    NdArray *in[2] = {slice_axis(&t, a, 0, n - ld, n),
                      slice_axis(&t, a, 0, 0, ld)};
    NdArray *mid = slice_axis(&t, r, 0, lb, lb + ld);
    if (!in[0] || !in[1] || !mid)
        return tmp_done(&t, NULL);
    NdArray *o = nd_ufunc(ND_UF_SUBTRACT, in, mid, ND_CAST_SAME_KIND);
    if (!o)
        return tmp_done(&t, NULL);
    nd_decref(o);
    return tmp_done(&t, r);
}

/* ------------------------------------------------------------ gradient */

/* Reshape a 1-d coefficient array to broadcast along `axis` of an
 * ndim-dimensional array. */
static NdArray *along(Tmp *t, NdArray *c, int ndim, int axis)
{
    if (!c)
        return NULL;
    int64_t shape[ND_MAXDIMS];
    for (int d = 0; d < ndim; d++)
        shape[d] = 1;
    shape[axis] = c->size;
    return keep(t, nd_reshape(c, ndim, shape, 'C'));
}

/* a*x + b*y + c*z */
static NdArray *lin3(Tmp *t, NdArray *a, NdArray *x, NdArray *b, NdArray *y,
                     NdArray *c, NdArray *z)
{
    NdArray *s = op2(t, ND_UF_ADD, op2(t, ND_UF_MULTIPLY, a, x),
                     op2(t, ND_UF_MULTIPLY, b, y));
    return op2(t, ND_UF_ADD, s, op2(t, ND_UF_MULTIPLY, c, z));
}

/* The gradient along one axis; dx is 0-d (uniform) or the 1-d
 * differences of the coordinates. */
static NdArray *gradient_axis(NdArray *f, NdType otype, int axis, NdArray *dx,
                              int edge_order)
{
    Tmp t = {.n = 0};
    int N = f->ndim;
    int64_t len = f->shape[axis];
    bool uniform = dx->ndim == 0;
    NdArray *out = keep(&t, nd_empty_like(f, otype, 'K'));
    if (!out)
        return NULL;
    NdArray *v;
    /* interior */
    if (uniform) {
        v = op2(&t, ND_UF_TRUE_DIVIDE,
                op2(&t, ND_UF_SUBTRACT, slice_axis(&t, f, axis, 2, len),
                    slice_axis(&t, f, axis, 0, len - 2)),
                op2(&t, ND_UF_MULTIPLY, weak_float(&t, 2.0), dx));
    } else {
        int64_t m = dx->shape[0];
        NdArray *dx1 = slice_axis(&t, dx, 0, 0, m - 1);
        NdArray *dx2 = slice_axis(&t, dx, 0, 1, m);
        NdArray *s12 = op2(&t, ND_UF_ADD, dx1, dx2);
        NdArray *a = op2(&t, ND_UF_TRUE_DIVIDE, op1(&t, ND_UF_NEGATIVE, dx2),
                         op2(&t, ND_UF_MULTIPLY, dx1, s12));
        NdArray *b =
            op2(&t, ND_UF_TRUE_DIVIDE, op2(&t, ND_UF_SUBTRACT, dx2, dx1),
                op2(&t, ND_UF_MULTIPLY, dx1, dx2));
        NdArray *c =
            op2(&t, ND_UF_TRUE_DIVIDE, dx1, op2(&t, ND_UF_MULTIPLY, dx2, s12));
        v = lin3(&t, along(&t, a, N, axis), slice_axis(&t, f, axis, 0, len - 2),
                 along(&t, b, N, axis), slice_axis(&t, f, axis, 1, len - 1),
                 along(&t, c, N, axis), slice_axis(&t, f, axis, 2, len));
    }
    if (put(slice_axis(&t, out, axis, 1, len - 1), v) < 0)
        return tmp_done(&t, NULL);
    if (edge_order == 1) {
        NdArray *d0 = uniform ? dx : index_axis(&t, dx, 0, 0);
        NdArray *dn = uniform ? dx : index_axis(&t, dx, 0, dx->shape[0] - 1);
        v = op2(&t, ND_UF_TRUE_DIVIDE,
                op2(&t, ND_UF_SUBTRACT, index_axis(&t, f, axis, 1),
                    index_axis(&t, f, axis, 0)),
                d0);
        if (put(index_axis(&t, out, axis, 0), v) < 0)
            return tmp_done(&t, NULL);
        v = op2(&t, ND_UF_TRUE_DIVIDE,
                op2(&t, ND_UF_SUBTRACT, index_axis(&t, f, axis, len - 1),
                    index_axis(&t, f, axis, len - 2)),
                dn);
        if (put(index_axis(&t, out, axis, len - 1), v) < 0)
            return tmp_done(&t, NULL);
        return tmp_done(&t, out);
    }
    NdArray *a, *b, *c;
    if (uniform) {
        a = op2(&t, ND_UF_TRUE_DIVIDE, weak_float(&t, -1.5), dx);
        b = op2(&t, ND_UF_TRUE_DIVIDE, weak_float(&t, 2.0), dx);
        c = op2(&t, ND_UF_TRUE_DIVIDE, weak_float(&t, -0.5), dx);
    } else {
        NdArray *dx1 = index_axis(&t, dx, 0, 0),
                *dx2 = index_axis(&t, dx, 0, 1);
        NdArray *s12 = op2(&t, ND_UF_ADD, dx1, dx2);
        a = op2(
            &t, ND_UF_TRUE_DIVIDE,
            op1(&t, ND_UF_NEGATIVE,
                op2(&t, ND_UF_ADD,
                    op2(&t, ND_UF_MULTIPLY, weak_float(&t, 2.0), dx1), dx2)),
            op2(&t, ND_UF_MULTIPLY, dx1, s12));
        b = op2(&t, ND_UF_TRUE_DIVIDE, s12, op2(&t, ND_UF_MULTIPLY, dx1, dx2));
        c = op2(&t, ND_UF_TRUE_DIVIDE, op1(&t, ND_UF_NEGATIVE, dx1),
                op2(&t, ND_UF_MULTIPLY, dx2, s12));
    }
    v = lin3(&t, a, index_axis(&t, f, axis, 0), b, index_axis(&t, f, axis, 1),
             c, index_axis(&t, f, axis, 2));
    if (put(index_axis(&t, out, axis, 0), v) < 0)
        return tmp_done(&t, NULL);
    if (uniform) {
        a = op2(&t, ND_UF_TRUE_DIVIDE, weak_float(&t, 0.5), dx);
        b = op2(&t, ND_UF_TRUE_DIVIDE, weak_float(&t, -2.0), dx);
        c = op2(&t, ND_UF_TRUE_DIVIDE, weak_float(&t, 1.5), dx);
    } else {
        int64_t m = dx->shape[0];
        NdArray *dx1 = index_axis(&t, dx, 0, m - 2);
        NdArray *dx2 = index_axis(&t, dx, 0, m - 1);
        NdArray *s12 = op2(&t, ND_UF_ADD, dx1, dx2);
        a = op2(&t, ND_UF_TRUE_DIVIDE, dx2, op2(&t, ND_UF_MULTIPLY, dx1, s12));
        b = op2(&t, ND_UF_TRUE_DIVIDE, op1(&t, ND_UF_NEGATIVE, s12),
                op2(&t, ND_UF_MULTIPLY, dx1, dx2));
        c = op2(&t, ND_UF_TRUE_DIVIDE,
                op2(&t, ND_UF_ADD,
                    op2(&t, ND_UF_MULTIPLY, weak_float(&t, 2.0), dx2), dx1),
                op2(&t, ND_UF_MULTIPLY, dx2, s12));
    }
    v = lin3(&t, a, index_axis(&t, f, axis, len - 3), b,
             index_axis(&t, f, axis, len - 2), c,
             index_axis(&t, f, axis, len - 1));
    if (put(index_axis(&t, out, axis, len - 1), v) < 0)
        return tmp_done(&t, NULL);
    return tmp_done(&t, out);
}

/* All elements of a bool array true? */
static bool all_true(NdArray *b)
{
    NdArray *c = nd_ascontiguousarray(b);
    if (!c)
        return false;
    bool r = true;
    for (int64_t i = 0; i < c->size && r; i++)
        r = ((const bool *)c->data)[i];
    nd_decref(c);
    return r;
}

int nd_gradient(NdArray *f, NdArray *const *spacing, int nspacing,
                const int64_t *axes, int naxes, int edge_order, NdArray **out)
{
    int N = f->ndim, ax[ND_MAXDIMS];
    if (!axes) {
        naxes = N;
        for (int i = 0; i < N; i++)
            ax[i] = i;
    } else {
        bool seen[ND_MAXDIMS] = {false};
        for (int i = 0; i < naxes; i++) {
            if (nd_normalize_axis(axes[i], N, &ax[i]) < 0)
                return -1;
            if (seen[ax[i]])
                return nd_error(ND_ERR_VALUE, "repeated axis");
            seen[ax[i]] = true;
        }
    }
    Tmp t = {.n = 0};
    NdArray *dx[ND_MAXDIMS];
    if (nspacing == 0) {
        for (int i = 0; i < naxes; i++)
            if (!(dx[i] = weak_float(&t, 1.0)))
                return tmp_free(&t), -1;
    } else if (nspacing == 1 && spacing[0]->ndim == 0) {
        for (int i = 0; i < naxes; i++)
            dx[i] = spacing[0];
    } else if (nspacing == naxes) {
        for (int i = 0; i < naxes; i++) {
            NdArray *d = spacing[i];
            if (d->ndim == 0) {
                dx[i] = d;
                continue;
            }
            if (d->ndim != 1) {
                tmp_free(&t);
                return nd_error(ND_ERR_VALUE,
                                "distances must be either scalars or 1d");
            }
            if (d->shape[0] != f->shape[ax[i]]) {
                tmp_free(&t);
                return nd_error(ND_ERR_VALUE,
                                "when 1d, distances must match the length "
                                "of the corresponding dimension");
            }
            if (is_integer(d->dtype) &&
                !(d = keep(&t, nd_astype(d, ND_FLOAT64, ND_CAST_UNSAFE, true))))
                return tmp_free(&t), -1;
            NdArray *dd = keep(&t, nd_diff(d, 1, 0, NULL, NULL));
            if (!dd)
                return tmp_free(&t), -1;
            dx[i] = dd;
            if (dd->size > 0) {
                NdArray *first = index_axis(&t, dd, 0, 0);
                NdArray *eq = op2(&t, ND_UF_EQUAL, dd, first);
                if (!eq)
                    return tmp_free(&t), -1;
                if (all_true(eq))
                    dx[i] = first;
            }
        }
    } else {
        tmp_free(&t);
        return nd_error(ND_ERR_TYPE, "invalid number of arguments");
    }
    if (edge_order > 2) {
        tmp_free(&t);
        return nd_error(ND_ERR_VALUE,
                        "'edge_order' greater than 2 not supported");
    }
    if (edge_order < 1) {
        tmp_free(&t);
        return nd_error(ND_ERR_VALUE, "'edge_order' must be 1 or 2");
    }
    NdType otype = f->dtype;
    if (!is_inexact(otype)) {
        if (is_integer(otype) &&
            !(f = keep(&t, nd_astype(f, ND_FLOAT64, ND_CAST_UNSAFE, true))))
            return tmp_free(&t), -1;
        otype = ND_FLOAT64;
    }
    int k;
    for (k = 0; k < naxes; k++) {
        if (f->shape[ax[k]] < edge_order + 1) {
            nd_error(ND_ERR_VALUE,
                     "Shape of array too small to calculate a numerical "
                     "gradient, at least (edge_order + 1) elements are "
                     "required.");
            break;
        }
        if (!(out[k] = gradient_axis(f, otype, ax[k], dx[k], edge_order)))
            break;
    }
    tmp_free(&t);
    if (k < naxes) {
        for (int i = 0; i < k; i++)
            nd_decref(out[i]);
        return -1;
    }
    return naxes;
}

/* ------------------------------------------------------------ cross */

/* np.moveaxis(a, src, -1), the axis checked as cross does (its name as
 * the message prefix: "axisa: axis 3 is out of bounds ..."). */
static NdArray *axis_to_end(NdArray *a, int64_t src, const char *what)
{
    int s;
    if (nd_normalize_axis(src, a->ndim, &s) < 0) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s: %s", what, nd_error_message());
        nd_error(ND_ERR_AXIS, "%s", msg);
        return NULL;
    }
    int64_t perm[ND_MAXDIMS];
    int k = 0;
    for (int d = 0; d < a->ndim; d++)
        if (d != s)
            perm[k++] = d;
    perm[k] = s;
    return nd_transpose(a, perm, a->ndim);
}

NdArray *nd_cross(NdArray *a0, NdArray *b0, int64_t axisa, int64_t axisb,
                  int64_t axisc)
{
    if (a0->ndim < 1 || b0->ndim < 1) {
        nd_error(ND_ERR_VALUE, "At least one array has zero dimension");
        return NULL;
    }
    Tmp t = {.n = 0};
    NdArray *a = keep(&t, axis_to_end(a0, axisa, "axisa"));
    NdArray *b = a ? keep(&t, axis_to_end(b0, axisb, "axisb")) : NULL;
    if (!b)
        return tmp_done(&t, NULL);
    int64_t na = a->shape[a->ndim - 1], nb = b->shape[b->ndim - 1];
    if ((na != 2 && na != 3) || (nb != 2 && nb != 3)) {
        nd_error(ND_ERR_VALUE, "incompatible dimensions for cross product\n"
                               "(dimension must be 2 or 3)");
        return tmp_done(&t, NULL);
    }
    NdArray *ac[3] = {NULL, NULL, NULL}, *bc[3] = {NULL, NULL, NULL};
    for (int i = 0; i < na; i++)
        if (!(ac[i] = index_axis(&t, a, a->ndim - 1, i)))
            return tmp_done(&t, NULL);
    for (int i = 0; i < nb; i++)
        if (!(bc[i] = index_axis(&t, b, b->ndim - 1, i)))
            return tmp_done(&t, NULL);
    NdArray *pair[2] = {ac[0], bc[0]};
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (nd_broadcast_shapes(2, pair, &nd, shape) < 0)
        return tmp_done(&t, NULL);
    NdType dt = nd_promote_types(a->dtype, b->dtype);
    NdArray *cp2 =
        op2(&t, ND_UF_SUBTRACT, op2(&t, ND_UF_MULTIPLY, ac[0], bc[1]),
            op2(&t, ND_UF_MULTIPLY, ac[1], bc[0]));
    if (!cp2)
        return tmp_done(&t, NULL);
    if (na == 2 && nb == 2) {
        NdArray *r = keep(&t, nd_empty(dt, nd, shape, 'C'));
        if (put(r, cp2) < 0)
            return tmp_done(&t, NULL);
        return tmp_done(&t, r);
    }
    int c;
    if (nd_normalize_axis(axisc, nd + 1, &c) < 0) {
        char msg[256];
        snprintf(msg, sizeof msg, "axisc: %s", nd_error_message());
        nd_error(ND_ERR_AXIS, "%s", msg);
        return tmp_done(&t, NULL);
    }
    shape[nd] = 3;
    NdArray *cp = keep(&t, nd_empty(dt, nd + 1, shape, 'C'));
    if (!cp)
        return tmp_done(&t, NULL);
    NdArray *cp0, *cp1;
    if (na == 3 && nb == 3) {
        cp0 = op2(&t, ND_UF_SUBTRACT, op2(&t, ND_UF_MULTIPLY, ac[1], bc[2]),
                  op2(&t, ND_UF_MULTIPLY, ac[2], bc[1]));
        cp1 = op2(&t, ND_UF_SUBTRACT, op2(&t, ND_UF_MULTIPLY, ac[2], bc[0]),
                  op2(&t, ND_UF_MULTIPLY, ac[0], bc[2]));
    } else if (na == 2) { /* b has 3 components: a2 = 0 */
        cp0 = op2(&t, ND_UF_MULTIPLY, ac[1], bc[2]);
        cp1 = op1(&t, ND_UF_NEGATIVE, op2(&t, ND_UF_MULTIPLY, ac[0], bc[2]));
    } else { /* b has 2 components: b2 = 0 */
        cp0 = op1(&t, ND_UF_NEGATIVE, op2(&t, ND_UF_MULTIPLY, ac[2], bc[1]));
        cp1 = op2(&t, ND_UF_MULTIPLY, ac[2], bc[0]);
    }
    if (put(index_axis(&t, cp, nd, 0), cp0) < 0 ||
        put(index_axis(&t, cp, nd, 1), cp1) < 0 ||
        put(index_axis(&t, cp, nd, 2), cp2) < 0)
        return tmp_done(&t, NULL);
    /* moveaxis(cp, -1, axisc) */
    int64_t perm[ND_MAXDIMS];
    int k = 0;
    for (int d = 0; d <= nd; d++)
        perm[d] = d == c ? nd : k++;
    return tmp_done(&t, keep(&t, nd_transpose(cp, perm, nd + 1)));
}

/* ------------------------------------------------------------ trapezoid */

/* add.reduce(a, axis) in a's own dtype: the library's one summation
 * order (lib/reduce.c), so trapezoid's sums agree with sum()'s. */
static NdArray *sum_axis(NdArray *a, int axis)
{
    return nd_reduce(ND_UF_ADD, a, &axis, 1, false, a->dtype, NULL, NULL);
}

NdArray *nd_trapezoid(NdArray *y, NdArray *x, NdArray *dx, int64_t axis)
{
    int ax;
    if (nd_normalize_axis(axis, y->ndim, &ax) < 0)
        return NULL;
    Tmp t = {.n = 0};
    NdArray *d = dx;
    if (x) {
        if (x->ndim == 1) {
            d = along(&t, keep(&t, nd_diff(x, 1, 0, NULL, NULL)), y->ndim, ax);
        } else {
            d = keep(&t, nd_diff(x, 1, axis, NULL, NULL));
        }
        if (!d)
            return tmp_done(&t, NULL);
    }
    int64_t len = y->shape[ax];
    int64_t m = len > 0 ? len - 1 : 0;
    NdArray *s = op2(&t, ND_UF_ADD, slice_axis(&t, y, ax, len - m, len),
                     slice_axis(&t, y, ax, 0, m));
    NdArray *v = op2(&t, ND_UF_TRUE_DIVIDE, op2(&t, ND_UF_MULTIPLY, d, s),
                     weak_float(&t, 2.0));
    if (!v)
        return tmp_done(&t, NULL);
    if (v->ndim != y->ndim) {
        /* d broadcast v to more axes than y has: sum along y's axis as
         * NumPy (add.reduce(..., axis) with the negative axis). */
        if (nd_normalize_axis(axis, v->ndim, &ax) < 0)
            return tmp_done(&t, NULL);
    }
    return tmp_done(&t, keep(&t, sum_axis(v, ax)));
}

/* ------------------------------------------------------------ convolve */

int nd_conv_mode(const char *name, NdConvMode *out)
{
    if (!strcmp(name, "valid") || !strcmp(name, "v"))
        *out = ND_CONV_VALID;
    else if (!strcmp(name, "same") || !strcmp(name, "s"))
        *out = ND_CONV_SAME;
    else if (!strcmp(name, "full") || !strcmp(name, "f"))
        *out = ND_CONV_FULL;
    else
        return nd_error(ND_ERR_VALUE,
                        "mode must be one of 'valid', 'same', or 'full' "
                        "(got '%s')",
                        name);
    return 0;
}

/* NumPy's padding of the shorter operand (len m) for each mode. */
static void conv_pads(NdConvMode mode, int64_t m, int64_t *left, int64_t *right)
{
    if (mode == ND_CONV_FULL) {
        *left = *right = m - 1;
    } else if (mode == ND_CONV_SAME) {
        *left = m / 2;
        *right = m - *left - 1;
    } else {
        *left = *right = 0;
    }
}

/* c_k = sum_j a[j + k] * w[j] for k = klo .. klo + L - 1, where w is v
 * (conjugated when conj) and the operands are 1-d of the promoted type. */
static NdArray *correlate_core(NdArray *a0, NdArray *v0, NdConvMode mode,
                               bool conj, bool reverse_v)
{
    if (a0->ndim > 1 || v0->ndim > 1) {
        nd_error(ND_ERR_VALUE, "object too deep for desired array");
        return NULL;
    }
    int64_t n = a0->size, m = v0->size;
    if (n == 0) {
        nd_error(ND_ERR_VALUE, reverse_v ? "a cannot be empty"
                                         : "first array argument cannot be "
                                           "empty");
        return NULL;
    }
    if (m == 0) {
        nd_error(ND_ERR_VALUE, reverse_v ? "v cannot be empty"
                                         : "second array argument cannot be "
                                           "empty");
        return NULL;
    }
    NdType rt = nd_promote_types(a0->dtype, v0->dtype);
    NdKind kind = nd_dtype_kind(rt);
    NdType work = kind == ND_KIND_COMPLEX ? ND_COMPLEX128
                  : kind == ND_KIND_FLOAT ? ND_FLOAT64
                                          : ND_INT64;
    int64_t klo, L;
    if (n >= m) {
        int64_t l, r;
        conv_pads(mode, m, &l, &r);
        klo = -l;
        L = n - m + 1 + l + r;
    } else {
        int64_t l, r;
        conv_pads(mode, n, &l, &r);
        klo = -(m - n + r);
        L = m - n + 1 + l + r;
    }
    Tmp t = {.n = 0};
    NdArray *a = contig_as(&t, a0, work), *v = contig_as(&t, v0, work);
    NdArray *out = v ? keep(&t, nd_empty(work, 1, &L, 'C')) : NULL;
    if (!out)
        return tmp_done(&t, NULL);
    for (int64_t i = 0; i < L; i++) {
        int64_t k = klo + i;
        int64_t jlo = k < 0 ? -k : 0, jhi = n - k < m ? n - k : m;
        if (work == ND_COMPLEX128) {
            const nd_complex128 *pa = (const nd_complex128 *)a->data;
            const nd_complex128 *pv = (const nd_complex128 *)v->data;
            double re = 0, im = 0;
            for (int64_t j = jlo; j < jhi; j++) {
                nd_complex128 x = pa[j + k];
                nd_complex128 w = pv[reverse_v ? m - 1 - j : j];
                if (conj)
                    w.im = -w.im;
                re += x.re * w.re - x.im * w.im;
                im += x.re * w.im + x.im * w.re;
            }
            ((nd_complex128 *)out->data)[i].re = re;
            ((nd_complex128 *)out->data)[i].im = im;
        } else if (work == ND_FLOAT64) {
            const double *pa = (const double *)a->data;
            const double *pv = (const double *)v->data;
            double s = 0;
            for (int64_t j = jlo; j < jhi; j++)
                s += pa[j + k] * pv[reverse_v ? m - 1 - j : j];
            ((double *)out->data)[i] = s;
        } else {
            const int64_t *pa = (const int64_t *)a->data;
            const int64_t *pv = (const int64_t *)v->data;
            uint64_t s = 0; /* integer loops wrap */
            for (int64_t j = jlo; j < jhi; j++)
                s += (uint64_t)pa[j + k] *
                     (uint64_t)pv[reverse_v ? m - 1 - j : j];
            ((int64_t *)out->data)[i] = (int64_t)s;
        }
    }
    if (rt == ND_BOOL) {
        /* bool correlation is or-of-ands: any nonzero product */
        NdArray *r = keep(&t, nd_empty(ND_BOOL, 1, &L, 'C'));
        if (!r)
            return tmp_done(&t, NULL);
        for (int64_t i = 0; i < L; i++)
            ((bool *)r->data)[i] = ((const int64_t *)out->data)[i] != 0;
        return tmp_done(&t, r);
    }
    if (rt != work)
        out = keep(&t, nd_astype(out, rt, ND_CAST_UNSAFE, true));
    return tmp_done(&t, out);
}

NdArray *nd_correlate(NdArray *a, NdArray *v, NdConvMode mode)
{
    return correlate_core(a, v, mode, true, false);
}

NdArray *nd_convolve(NdArray *a, NdArray *v, NdConvMode mode)
{
    /* NumPy swaps so the first operand is the longer one, then
     * correlates with the reversed second (no conjugation). */
    if (v->size > a->size) {
        NdArray *s = a;
        a = v;
        v = s;
    }
    return correlate_core(a, v, mode, false, true);
}

/* ------------------------------------------------------------ interp */

/* j with xp[j] <= x < xp[j+1]; -1 below xp[0]; n above xp[n-1]; n-1 at
 * xp[n-1]. */
static int64_t interp_search(double x, const double *xp, int64_t n)
{
    if (x > xp[n - 1])
        return n;
    if (x < xp[0])
        return -1;
    int64_t lo = 0, hi = n; /* first index with xp[i] > x */
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (xp[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

typedef struct SortPair {
    double key;
    int64_t i;
} SortPair;

static int pair_cmp(const void *pa, const void *pb)
{
    const SortPair *a = pa, *b = pb;
    if (a->key < b->key || (isnan(b->key) && !isnan(a->key)))
        return -1;
    if (b->key < a->key || (isnan(a->key) && !isnan(b->key)))
        return 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

NdArray *nd_interp(NdArray *x0, NdArray *xp0, NdArray *fp0,
                   const NdScalar *left, const NdScalar *right,
                   const double *period)
{
    bool cplx = is_complex(fp0->dtype);
    if (period) {
        if (*period == 0) {
            nd_error(ND_ERR_VALUE, "period must be a non-zero value");
            return NULL;
        }
        if (xp0->ndim != 1 || fp0->ndim != 1) {
            nd_error(ND_ERR_VALUE, "Data points must be 1-D sequences");
            return NULL;
        }
        if (xp0->shape[0] != fp0->shape[0]) {
            nd_error(ND_ERR_VALUE, "fp and xp are not of the same length");
            return NULL;
        }
        left = right = NULL;
    } else {
        if (xp0->ndim != 1 || fp0->ndim != 1) {
            nd_error(ND_ERR_VALUE, xp0->ndim > 1 || fp0->ndim > 1
                                       ? "object too deep for desired array"
                                       : "object of too small depth for "
                                         "desired array");
            return NULL;
        }
    }
    int64_t n = xp0->shape[0];
    if (fp0->shape[0] != n) {
        nd_error(ND_ERR_VALUE, "fp and xp are not of the same length.");
        return NULL;
    }
    if (n == 0) {
        nd_error(ND_ERR_VALUE, "array of sample points is empty");
        return NULL;
    }
    Tmp t = {.n = 0};
    NdArray *xa = contig_as(&t, x0, ND_FLOAT64);
    NdArray *xpa = contig_as(&t, xp0, ND_FLOAT64);
    NdArray *fpa = contig_as(&t, fp0, cplx ? ND_COMPLEX128 : ND_FLOAT64);
    NdArray *res = xa ? keep(&t, nd_empty(cplx ? ND_COMPLEX128 : ND_FLOAT64,
                                          x0->ndim, x0->shape, 'C'))
                      : NULL;
    if (!fpa || !res)
        return tmp_done(&t, NULL);
    int64_t nx = xa->size;
    /* Values as (re, im) pairs; real data uses im = 0. */
    double *xp = NULL, *fr = NULL, *fi = NULL, *xs = NULL;
    int64_t np_ = period ? n + 2 : n;
    xp = nd_malloc(sizeof(double) * (size_t)np_);
    fr = nd_malloc(sizeof(double) * (size_t)np_);
    fi = nd_calloc((size_t)np_, sizeof(double));
    xs = nd_malloc(sizeof(double) * (size_t)(nx ? nx : 1));
    SortPair *sp = period ? nd_malloc(sizeof(SortPair) * (size_t)n) : NULL;
    if (!xp || !fr || !fi || !xs || (period && !sp))
        goto fail;
    const double *xpd = (const double *)xpa->data;
    for (int64_t i = 0; i < nx; i++)
        xs[i] = ((const double *)xa->data)[i];
    if (period) {
        double p = fabs(*period);
        for (int64_t i = 0; i < nx; i++) {
            double r = fmod(xs[i], p);
            if (r != 0 && (r < 0) != (p < 0))
                r += p; /* Python's % sign convention */
            xs[i] = r;
        }
        for (int64_t i = 0; i < n; i++) {
            double r = fmod(xpd[i], p);
            if (r != 0 && r < 0)
                r += p;
            sp[i].key = r;
            sp[i].i = i;
        }
        qsort(sp, (size_t)n, sizeof *sp, pair_cmp);
        for (int64_t i = 0; i < n; i++) {
            int64_t s = sp[i].i;
            xp[i + 1] = sp[i].key;
            if (cplx) {
                fr[i + 1] = ((const nd_complex128 *)fpa->data)[s].re;
                fi[i + 1] = ((const nd_complex128 *)fpa->data)[s].im;
            } else {
                fr[i + 1] = ((const double *)fpa->data)[s];
            }
        }
        xp[0] = xp[n] - p;
        fr[0] = fr[n];
        fi[0] = fi[n];
        xp[n + 1] = xp[1] + p;
        fr[n + 1] = fr[1];
        fi[n + 1] = fi[1];
        n += 2;
    } else {
        for (int64_t i = 0; i < n; i++) {
            xp[i] = xpd[i];
            if (cplx) {
                fr[i] = ((const nd_complex128 *)fpa->data)[i].re;
                fi[i] = ((const nd_complex128 *)fpa->data)[i].im;
            } else {
                fr[i] = ((const double *)fpa->data)[i];
            }
        }
    }
    double lr = fr[0], li = fi[0], rr = fr[n - 1], ri = fi[n - 1];
    NdScalar s;
    if (left) {
        nd_scalar_cast(left, ND_COMPLEX128, &s);
        lr = s.v.c128.re;
        li = s.v.c128.im;
    }
    if (right) {
        nd_scalar_cast(right, ND_COMPLEX128, &s);
        rr = s.v.c128.re;
        ri = s.v.c128.im;
    }
    for (int64_t i = 0; i < nx; i++) {
        double xv = xs[i], vr, vi;
        if (isnan(xv)) {
            vr = xv;
            vi = cplx ? 0.0 : 0.0;
        } else if (n == 1) {
            if (xv < xp[0]) {
                vr = lr;
                vi = li;
            } else if (xv > xp[0]) {
                vr = rr;
                vi = ri;
            } else {
                vr = fr[0];
                vi = fi[0];
            }
        } else {
            int64_t j = interp_search(xv, xp, n);
            if (j == -1) {
                vr = lr;
                vi = li;
            } else if (j == n) {
                vr = rr;
                vi = ri;
            } else if (j == n - 1 || xp[j] == xv) {
                vr = fr[j];
                vi = fi[j];
            } else {
                double dxp = xp[j + 1] - xp[j];
                double sr = (fr[j + 1] - fr[j]) / dxp;
                double si = (fi[j + 1] - fi[j]) / dxp;
                vr = sr * (xv - xp[j]) + fr[j];
                vi = si * (xv - xp[j]) + fi[j];
                /* NumPy's fallbacks for infinite slopes */
                if (isnan(vr)) {
                    vr = sr * (xv - xp[j + 1]) + fr[j + 1];
                    if (isnan(vr) && fr[j] == fr[j + 1])
                        vr = fr[j];
                }
                if (isnan(vi)) {
                    vi = si * (xv - xp[j + 1]) + fi[j + 1];
                    if (isnan(vi) && fi[j] == fi[j + 1])
                        vi = fi[j];
                }
            }
        }
        if (cplx) {
            ((nd_complex128 *)res->data)[i].re = vr;
            ((nd_complex128 *)res->data)[i].im = vi;
        } else {
            ((double *)res->data)[i] = vr;
        }
    }
    free(xp);
    free(fr);
    free(fi);
    free(xs);
    free(sp);
    return tmp_done(&t, res);
fail:
    free(xp);
    free(fr);
    free(fi);
    free(xs);
    free(sp);
    return tmp_done(&t, NULL);
}

/* ------------------------------------------------------------ digitize */

/* NumPy's sort order: NaN after everything. */
static bool lt_ld(long double a, long double b)
{
    return a < b || (isnan(b) && !isnan(a));
}

NdArray *nd_digitize(NdArray *x, NdArray *bins, bool right)
{
    if (is_complex(x->dtype)) {
        nd_error(ND_ERR_TYPE, "x may not be complex");
        return NULL;
    }
    if (bins->ndim != 1) {
        nd_error(ND_ERR_VALUE, bins->ndim == 0
                                   ? "object of too small depth for desired "
                                     "array"
                                   : "object too deep for desired array");
        return NULL;
    }
    long double *b = load_ld(bins), *xv = b ? load_ld(x) : NULL;
    if (!xv) {
        free(b);
        return NULL;
    }
    int64_t nb = bins->size;
    /* monotonicity: the first unequal pair decides the direction */
    int mono = 1;
    int64_t i = 1;
    while (i < nb && b[i] == b[i - 1])
        i++;
    if (i < nb) {
        mono = b[i] < b[i - 1] ? -1 : 1;
        for (; i < nb; i++) {
            if ((mono == 1 && b[i] < b[i - 1]) ||
                (mono == -1 && b[i] > b[i - 1]) || isnan(b[i]) ||
                isnan(b[i - 1])) {
                mono = 0;
                break;
            }
        }
    }
    NdArray *out = NULL;
    if (mono == 0) {
        nd_error(ND_ERR_VALUE,
                 "bins must be monotonically increasing or decreasing");
        goto done;
    }
    out = nd_empty(ND_INT64, x->ndim, x->shape, 'C');
    if (!out)
        goto done;
    for (int64_t k = 0; k < x->size; k++) {
        long double v = xv[k];
        /* increasing: right=False counts bins <= v (searchsorted side
         * 'right'), right=True counts bins < v.  Decreasing bins are
         * searched reversed and the count taken from the end. */
        int64_t lo = 0, hi = nb;
        while (lo < hi) {
            int64_t mid = lo + (hi - lo) / 2;
            long double e = mono == 1 ? b[mid] : b[nb - 1 - mid];
            bool before = right ? lt_ld(e, v) : !lt_ld(v, e);
            if (before)
                lo = mid + 1;
            else
                hi = mid;
        }
        ((int64_t *)out->data)[k] = mono == 1 ? lo : nb - lo;
    }
done:
    free(b);
    free(xv);
    return out;
}

/* ------------------------------------------------------------ bincount */

NdArray *nd_bincount(NdArray *x, NdArray *weights, int64_t minlength)
{
    if (minlength < 0) {
        nd_error(ND_ERR_VALUE, "'minlength' must not be negative");
        return NULL;
    }
    if (x->ndim != 1) {
        nd_error(ND_ERR_VALUE, x->ndim == 0
                                   ? "object of too small depth for desired "
                                     "array"
                                   : "object too deep for desired array");
        return NULL;
    }
    Tmp t = {.n = 0};
    NdArray *xi;
    if (x->size == 0)
        xi = keep(&t, nd_zeros(ND_INT64, 1, x->shape, 'C'));
    else
        xi = keep(&t, nd_astype(x, ND_INT64, ND_CAST_SAFE, false));
    xi = xi ? contig_as(&t, xi, ND_INT64) : NULL;
    if (!xi)
        return tmp_done(&t, NULL);
    const int64_t *p = (const int64_t *)xi->data;
    int64_t n = xi->size, mx = -1;
    for (int64_t i = 0; i < n; i++) {
        if (p[i] < 0) {
            nd_error(ND_ERR_VALUE,
                     "'list' argument must have no negative elements");
            return tmp_done(&t, NULL);
        }
        if (p[i] > mx)
            mx = p[i];
    }
    int64_t len = mx + 1 > minlength ? mx + 1 : minlength;
    const double *w = NULL;
    if (weights) {
        NdArray *wd =
            keep(&t, nd_astype(weights, ND_FLOAT64, ND_CAST_SAFE, false));
        if (!wd || !(w = f64_data(&t, wd)))
            return tmp_done(&t, NULL);
        if (wd->ndim != 1 || wd->size != n) {
            nd_error(ND_ERR_VALUE,
                     "The weights and list don't have the same length.");
            return tmp_done(&t, NULL);
        }
    }
    NdArray *r = keep(&t, nd_zeros(w ? ND_FLOAT64 : ND_INT64, 1, &len, 'C'));
    if (!r)
        return tmp_done(&t, NULL);
    for (int64_t i = 0; i < n; i++) {
        if (w)
            ((double *)r->data)[p[i]] += w[i];
        else
            ((int64_t *)r->data)[p[i]]++;
    }
    return tmp_done(&t, r);
}

/* ------------------------------------------------------------ histograms */

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

/* NumPy's percentile (method 'linear') of sorted values. */
static double percentile_sorted(const double *s, int64_t n, double q)
{
    double idx = q / 100.0 * (double)(n - 1);
    int64_t lo = (int64_t)floor(idx);
    if (lo >= n - 1)
        return s[n - 1];
    double g = idx - (double)lo, a = s[lo], b = s[lo + 1];
    double d = b - a;
    return g >= 0.5 ? b - d * (1 - g) : a + d * g;
}

/* NumPy's pairwise summation of a contiguous run (blocks of 8 partial sums
 * up to 128 elements, halves above), as np.mean computes the estimators'
 * statistics. */
static double pairwise_d(const double *x, int64_t n)
{
    if (n < 8) {
        double r = 0.;
        for (int64_t i = 0; i < n; i++)
            r += x[i];
        return r;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; j++)
            r[j] = x[j];
        int64_t i;
        for (i = 8; i < n - n % 8; i += 8)
            for (int j = 0; j < 8; j++)
                r[j] += x[i + j];
        double res =
            ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            res += x[i];
        return res;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_d(x, n2) + pairwise_d(x + n2, n - n2);
}

static double mean_of(const double *x, int64_t n)
{
    return pairwise_d(x, n) / (double)n;
}

static double std_of(const double *x, int64_t n)
{
    double m = mean_of(x, n), s = 0;
    for (int64_t i = 0; i < n; i++)
        s += (x[i] - m) * (x[i] - m);
    return sqrt(s / (double)n);
}

static double ptp_of(const double *x, int64_t n)
{
    double lo = x[0], hi = x[0];
    for (int64_t i = 1; i < n; i++) {
        if (x[i] < lo)
            lo = x[i];
        if (x[i] > hi)
            hi = x[i];
    }
    return hi - lo;
}

/* Counts of x in nbins equal bins over [first, last] (last bin closed),
 * NumPy's index computation with its one-ulp corrections against the
 * edges. */
static void count_equal(const double *x, const double *w, const double *wi,
                        int64_t n, double first, double last, int64_t nbins,
                        const double *edges, double *cnt, double *cnti)
{
    double denom = last - first;
    for (int64_t i = 0; i < n; i++) {
        double v = x[i];
        if (!(v >= first && v <= last))
            continue;
        int64_t k = (int64_t)((v - first) / denom * (double)nbins);
        if (k == nbins)
            k--;
        if (v < edges[k])
            k--;
        else if (k != nbins - 1 && v >= edges[k + 1])
            k++;
        cnt[k] += w ? w[i] : 1.0;
        if (cnti && wi)
            cnti[k] += wi[i];
    }
}

/* Counts against explicit increasing edges: [e_i, e_i+1), last closed. */
static void count_edges(const double *x, const double *w, const double *wi,
                        int64_t n, const double *edges, int64_t ne, double *cnt,
                        double *cnti)
{
    int64_t nbins = ne - 1;
    for (int64_t i = 0; i < n; i++) {
        double v = x[i];
        if (!(v >= edges[0] && v <= edges[nbins]))
            continue;
        int64_t lo = 0, hi = ne; /* first edge > v */
        while (lo < hi) {
            int64_t mid = lo + (hi - lo) / 2;
            if (edges[mid] <= v)
                lo = mid + 1;
            else
                hi = mid;
        }
        int64_t k = lo - 1;
        if (k >= nbins)
            k = nbins - 1;
        cnt[k] += w ? w[i] : 1.0;
        if (cnti && wi)
            cnti[k] += wi[i];
    }
}

static int outer_edges(const double *x, int64_t n, const double *range,
                       double *first, double *last)
{
    if (range) {
        *first = range[0];
        *last = range[1];
        if (*first > *last)
            return nd_error(ND_ERR_VALUE, "max must be larger than min in "
                                          "range parameter.");
        if (!isfinite(*first) || !isfinite(*last)) {
            NdScalar a = nd_scalar_float64(*first),
                     b = nd_scalar_float64(*last);
            char *sa = nd_scalar_str(&a), *sb = nd_scalar_str(&b);
            nd_error(ND_ERR_VALUE, "supplied range of [%s, %s] is not finite",
                     sa ? sa : "?", sb ? sb : "?");
            free(sa);
            free(sb);
            return -1;
        }
    } else if (n == 0) {
        *first = 0;
        *last = 1;
    } else {
        double lo = x[0], hi = x[0];
        bool nan = false;
        for (int64_t i = 0; i < n; i++) {
            if (isnan(x[i]))
                nan = true;
            if (x[i] < lo)
                lo = x[i];
            if (x[i] > hi)
                hi = x[i];
        }
        if (nan)
            lo = hi = NAN;
        if (!isfinite(lo) || !isfinite(hi)) {
            NdScalar a = nd_scalar_float64(lo), b = nd_scalar_float64(hi);
            char *sa = nd_scalar_str(&a), *sb = nd_scalar_str(&b);
            nd_error(ND_ERR_VALUE,
                     "autodetected range of [%s, %s] is not finite",
                     sa ? sa : "?", sb ? sb : "?");
            free(sa);
            free(sb);
            return -1;
        }
        *first = lo;
        *last = hi;
    }
    if (*first == *last) {
        *first -= 0.5;
        *last += 0.5;
    }
    return 0;
}

static double width_sturges(const double *x, int64_t n)
{
    return ptp_of(x, n) / (log2((double)n) + 1.0);
}

static double width_fd(const double *x, int64_t n)
{
    double *s = nd_malloc(sizeof(double) * (size_t)n);
    if (!s)
        return NAN;
    memcpy(s, x, sizeof(double) * (size_t)n);
    qsort(s, (size_t)n, sizeof(double), cmp_double);
    double iqr = percentile_sorted(s, n, 75) - percentile_sorted(s, n, 25);
    free(s);
    return 2.0 * iqr * pow((double)n, -1.0 / 3.0);
}

/* The bin width NumPy's estimator gives for the (range-filtered) data;
 * 0 means "one bin". */
static int estimate_width(const char *name, const double *x, int64_t n,
                          double first, double last, double *width)
{
    if (!strcmp(name, "sqrt")) {
        *width = ptp_of(x, n) / sqrt((double)n);
    } else if (!strcmp(name, "sturges")) {
        *width = width_sturges(x, n);
    } else if (!strcmp(name, "rice")) {
        *width = ptp_of(x, n) / (2.0 * pow((double)n, 1.0 / 3.0));
    } else if (!strcmp(name, "scott")) {
        *width =
            pow(24.0 * sqrt(3.14159265358979323846) / (double)n, 1.0 / 3.0) *
            std_of(x, n);
    } else if (!strcmp(name, "fd")) {
        *width = width_fd(x, n);
    } else if (!strcmp(name, "auto")) {
        double fd = width_fd(x, n), st = width_sturges(x, n);
        *width = fd != 0 ? (fd < st ? fd : st) : st;
    } else if (!strcmp(name, "doane")) {
        *width = 0;
        if (n > 2) {
            double sg1 = sqrt(6.0 * (double)(n - 2) /
                              (((double)n + 1.0) * ((double)n + 3)));
            double sigma = std_of(x, n);
            if (sigma > 0) {
                double m = mean_of(x, n), g = 0;
                for (int64_t i = 0; i < n; i++) {
                    double z = (x[i] - m) / sigma;
                    g += z * z * z;
                }
                g /= (double)n;
                *width = ptp_of(x, n) /
                         (1.0 + log2((double)n) + log2(1.0 + fabs(g) / sg1));
            }
        }
    } else if (!strcmp(name, "stone")) {
        /* minimise the estimated L2 risk over 1 .. max(100, sqrt n) bins */
        double ptp = ptp_of(x, n);
        *width = 0;
        if (n <= 1 || ptp == 0)
            return 0;
        int64_t upper = (int64_t)sqrt((double)n);
        if (upper < 100)
            upper = 100;
        double *cnt = nd_malloc(sizeof(double) * (size_t)upper);
        double *edges = nd_malloc(sizeof(double) * (size_t)(upper + 1));
        if (!cnt || !edges) {
            free(cnt);
            free(edges);
            return -1;
        }
        double best = INFINITY;
        int64_t best_k = 1;
        for (int64_t k = 1; k <= upper; k++) {
            for (int64_t e = 0; e <= k; e++)
                edges[e] = first + (last - first) * (double)e / (double)k;
            edges[k] = last;
            memset(cnt, 0, sizeof(double) * (size_t)k);
            count_equal(x, NULL, NULL, n, first, last, k, edges, cnt, NULL);
            double pp = 0;
            for (int64_t e = 0; e < k; e++)
                pp += (cnt[e] / (double)n) * (cnt[e] / (double)n);
            double j = (2.0 - ((double)n + 1.0) * pp) / (ptp / (double)k);
            if (j < best) {
                best = j;
                best_k = k;
            }
        }
        free(cnt);
        free(edges);
        if (best_k == upper)
            nd_warn("The number of bins estimated may be suboptimal.");
        *width = ptp / (double)best_k;
    } else {
        return nd_error(ND_ERR_VALUE,
                        "'%s' is not a valid estimator for `bins`", name);
    }
    return 0;
}

/* The edges of a 1-d histogram: *edges (a new array), plus, for equal
 * bins, *nequal > 0 and the outer edges (the fast counting path). */
static int hist_edges(NdArray *a, const double *x, int64_t n,
                      const NdHistBins *bins, const double *range,
                      bool weighted, NdArray **edges, int64_t *nequal,
                      double *first, double *last)
{
    *nequal = 0;
    if (bins->edges) {
        NdArray *e = bins->edges;
        if (e->ndim != 1)
            return nd_error(ND_ERR_VALUE, "`bins` must be 1d, when an array");
        Tmp t = {.n = 0};
        const double *ed = f64_data(&t, e);
        if (!ed)
            return tmp_free(&t), -1;
        for (int64_t i = 1; i < e->size; i++)
            if (ed[i - 1] > ed[i]) {
                tmp_free(&t);
                return nd_error(ND_ERR_VALUE, "`bins` must increase "
                                              "monotonically, when an array");
            }
        tmp_free(&t);
        *edges = nd_incref(e);
        return 0;
    }
    if (outer_edges(x, n, range, first, last) < 0)
        return -1;
    int64_t nb;
    if (bins->estimator) {
        if (weighted)
            return nd_error(ND_ERR_TYPE, "Automated estimation of the "
                                         "number of bins is not supported "
                                         "for weighted data");
        const double *xs = x;
        double *kept = NULL;
        int64_t nk = n;
        if (range) {
            kept = nd_malloc(sizeof(double) * (size_t)(n ? n : 1));
            if (!kept)
                return -1;
            nk = 0;
            for (int64_t i = 0; i < n; i++)
                if (x[i] >= *first && x[i] <= *last)
                    kept[nk++] = x[i];
            xs = kept;
        }
        double width = 0;
        if (nk == 0) {
            nb = 1;
            /* the name is still checked */
            double dummy = 0;
            if (estimate_width(bins->estimator, &dummy, 1, 0, 1, &width) < 0) {
                free(kept);
                return -1;
            }
        } else {
            if (estimate_width(bins->estimator, xs, nk, *first, *last, &width) <
                0) {
                free(kept);
                return -1;
            }
            if (width != 0 && !isnan(width)) {
                if (is_integer(a->dtype) && width < 1)
                    width = 1;
                nb = (int64_t)ceil((*last - *first) / width);
            } else {
                nb = 1;
            }
        }
        free(kept);
    } else {
        nb = bins->count;
        if (nb < 1)
            return nd_error(ND_ERR_VALUE,
                            "`bins` must be positive, when an integer");
    }
    NdType bt = a->dtype == ND_FLOAT32 ? ND_FLOAT32 : ND_FLOAT64;
    *edges = nd_linspace(*first, *last, nb + 1, true, bt, NULL);
    if (!*edges)
        return -1;
    *nequal = nb;
    return 0;
}

static int hist_input(Tmp *t, NdArray *a, NdArray *weights, const double **x,
                      const double **w, const double **wi)
{
    if (is_complex(a->dtype))
        return nd_error(ND_ERR_TYPE, "histogram of complex data is not "
                                     "supported");
    if (!(*x = f64_data(t, a)))
        return -1;
    *w = *wi = NULL;
    if (weights) {
        if (weights->ndim != a->ndim ||
            memcmp(weights->shape, a->shape, sizeof(int64_t) * (size_t)a->ndim))
            return nd_error(ND_ERR_VALUE,
                            "weights should have the same shape as a.");
        if (is_complex(weights->dtype)) {
            NdArray *c = contig_as(t, weights, ND_COMPLEX128);
            double *re =
                c ? (double *)keep(t, nd_empty(ND_FLOAT64, 1, &a->size, 'C'))
                        ->data
                  : NULL;
            NdArray *ima =
                c ? keep(t, nd_empty(ND_FLOAT64, 1, &a->size, 'C')) : NULL;
            if (!re || !ima)
                return -1;
            for (int64_t i = 0; i < a->size; i++) {
                re[i] = ((const nd_complex128 *)c->data)[i].re;
                ((double *)ima->data)[i] =
                    ((const nd_complex128 *)c->data)[i].im;
            }
            *w = re;
            *wi = (const double *)ima->data;
        } else if (!(*w = f64_data(t, weights))) {
            return -1;
        }
    }
    return 0;
}

NdArray *nd_histogram_bin_edges(NdArray *a, const NdHistBins *bins,
                                const double *range, NdArray *weights)
{
    Tmp t = {.n = 0};
    const double *x, *w, *wi;
    if (hist_input(&t, a, weights, &x, &w, &wi) < 0)
        return tmp_done(&t, NULL);
    NdArray *edges;
    int64_t neq;
    double first, last;
    if (hist_edges(a, x, a->size, bins, range, weights != NULL, &edges, &neq,
                   &first, &last) < 0)
        return tmp_done(&t, NULL);
    tmp_free(&t);
    return edges;
}

int nd_histogram(NdArray *a, const NdHistBins *bins, const double *range,
                 bool density, NdArray *weights, NdArray **hist,
                 NdArray **edges_out)
{
    Tmp t = {.n = 0};
    const double *x, *w, *wi;
    if (hist_input(&t, a, weights, &x, &w, &wi) < 0)
        return tmp_free(&t), -1;
    NdArray *edges;
    int64_t neq, n = a->size;
    double first, last;
    if (hist_edges(a, x, n, bins, range, weights != NULL, &edges, &neq, &first,
                   &last) < 0)
        return tmp_free(&t), -1;
    keep(&t, edges);
    const double *ed = f64_data(&t, edges);
    if (!ed)
        return tmp_free(&t), -1;
    int64_t nb = edges->size - 1;
    if (nb < 0)
        nb = 0;
    NdArray *cnt = keep(&t, nd_zeros(ND_FLOAT64, 1, &nb, 'C'));
    NdArray *cnti = keep(&t, nd_zeros(ND_FLOAT64, 1, &nb, 'C'));
    if (!cnt || !cnti)
        return tmp_free(&t), -1;
    double *c = (double *)cnt->data, *ci = (double *)cnti->data;
    if (nb > 0) {
        if (neq)
            count_equal(x, w, wi, n, first, last, neq, ed, c, ci);
        else
            count_edges(x, w, wi, n, ed, edges->size, c, ci);
    }
    NdArray *h;
    if (density) {
        double total = 0, totali = 0;
        for (int64_t i = 0; i < nb; i++) {
            total += c[i];
            totali += ci[i];
        }
        bool cplx = wi != NULL;
        h = keep(&t, nd_empty(cplx ? ND_COMPLEX128 : ND_FLOAT64, 1, &nb, 'C'));
        if (!h)
            return tmp_free(&t), -1;
        for (int64_t i = 0; i < nb; i++) {
            double db = ed[i + 1] - ed[i];
            if (cplx) {
                /* (c/db) / total in complex arithmetic */
                double re = c[i] / db, im = ci[i] / db;
                double den = total * total + totali * totali;
                ((nd_complex128 *)h->data)[i].re =
                    (re * total + im * totali) / den;
                ((nd_complex128 *)h->data)[i].im =
                    (im * total - re * totali) / den;
            } else {
                ((double *)h->data)[i] = c[i] / db / total;
            }
        }
    } else if (wi) {
        h = keep(&t, nd_empty(ND_COMPLEX128, 1, &nb, 'C'));
        if (!h)
            return tmp_free(&t), -1;
        for (int64_t i = 0; i < nb; i++) {
            ((nd_complex128 *)h->data)[i].re = c[i];
            ((nd_complex128 *)h->data)[i].im = ci[i];
        }
        if (weights->dtype != ND_COMPLEX128)
            h = keep(&t, nd_astype(h, weights->dtype, ND_CAST_UNSAFE, true));
    } else {
        NdType ht = weights ? weights->dtype : ND_INT64;
        if (weights && !neq && is_integer(ht))
            ht = ND_INT64; /* NumPy's cumsum path widens */
        h = keep(&t, nd_astype(cnt, ht, ND_CAST_UNSAFE, true));
    }
    if (!h)
        return tmp_free(&t), -1;
    *hist = nd_incref(h);
    *edges_out = nd_incref(edges);
    tmp_free(&t);
    return 0;
}

/* The edges of one axis of histogram2d (histogramdd's rules). */
static NdArray *dd_edges(const double *x, int64_t n, NdType st,
                         const NdHistBins *b, const double *range, int i)
{
    if (b->edges) {
        NdArray *e = b->edges;
        if (e->ndim != 1) {
            nd_error(ND_ERR_VALUE, "`bins[%d]` must be a scalar or 1d array",
                     i);
            return NULL;
        }
        Tmp t = {.n = 0};
        const double *ed = f64_data(&t, e);
        if (!ed)
            return tmp_done(&t, NULL);
        for (int64_t k = 1; k < e->size; k++)
            if (ed[k - 1] > ed[k]) {
                nd_error(ND_ERR_VALUE,
                         "`bins[%d]` must be monotonically increasing, when "
                         "an array",
                         i);
                return tmp_done(&t, NULL);
            }
        tmp_free(&t);
        return nd_incref(e);
    }
    if (b->estimator) {
        nd_error(ND_ERR_TYPE, "`bins[%d]` must be an integer, when a scalar",
                 i);
        return NULL;
    }
    if (b->count < 1) {
        nd_error(ND_ERR_VALUE, "`bins[%d]` must be positive, when an integer",
                 i);
        return NULL;
    }
    double first, last;
    if (outer_edges(x, n, range, &first, &last) < 0)
        return NULL;
    return nd_linspace(first, last, b->count + 1, true,
                       st == ND_FLOAT32 && !range ? ND_FLOAT32 : ND_FLOAT64,
                       NULL);
}

/* histogramdd's bin of v: searchsorted(edges, v, 'right'), minus one on
 * the last edge; 0 and ne are the outlier bins. */
static int64_t dd_bin(double v, const double *e, int64_t ne)
{
    int64_t lo = 0, hi = ne;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (!(v < e[mid])) /* e[mid] <= v, NaN sorts last */
            lo = mid + 1;
        else
            hi = mid;
    }
    if (v == e[ne - 1])
        lo--;
    return lo;
}

int nd_histogram2d(NdArray *x, NdArray *y, const NdHistBins *bx,
                   const NdHistBins *by, const double *const range[2],
                   bool density, NdArray *weights, NdArray **hist,
                   NdArray **xedges, NdArray **yedges)
{
    if (x->ndim != 1 || y->ndim != 1 || x->size != y->size)
        return nd_error(ND_ERR_VALUE,
                        "x and y must be 1-d sequences of the same length");
    if (is_complex(x->dtype) || is_complex(y->dtype))
        return nd_error(ND_ERR_TYPE, "histogram of complex data is not "
                                     "supported");
    Tmp t = {.n = 0};
    int64_t n = x->size;
    NdType st = nd_promote_types(x->dtype, y->dtype);
    const double *xd = f64_data(&t, x), *yd = xd ? f64_data(&t, y) : NULL;
    const double *w = NULL;
    if (!yd)
        return tmp_free(&t), -1;
    if (weights) {
        NdArray *wd =
            keep(&t, nd_astype(weights, ND_FLOAT64, ND_CAST_SAFE, false));
        if (!wd || !(w = f64_data(&t, wd)))
            return tmp_free(&t), -1;
        if (wd->ndim != 1 || wd->size != n) {
            tmp_free(&t);
            return nd_error(ND_ERR_VALUE,
                            "The weights and list don't have the same "
                            "length.");
        }
    }
    NdArray *ex = keep(&t, dd_edges(xd, n, st, bx, range[0], 0));
    NdArray *ey = ex ? keep(&t, dd_edges(yd, n, st, by, range[1], 1)) : NULL;
    const double *exd = ey ? f64_data(&t, ex) : NULL;
    const double *eyd = exd ? f64_data(&t, ey) : NULL;
    if (!eyd)
        return tmp_free(&t), -1;
    int64_t nx = ex->size - 1, ny = ey->size - 1;
    if (nx < 0 || ny < 0) {
        tmp_free(&t);
        return nd_error(ND_ERR_VALUE, "`bins` must have at least one edge");
    }
    int64_t shape[2] = {nx, ny};
    NdArray *h = keep(&t, nd_zeros(ND_FLOAT64, 2, shape, 'C'));
    if (!h)
        return tmp_free(&t), -1;
    double *hd = (double *)h->data;
    for (int64_t i = 0; i < n; i++) {
        int64_t bi = dd_bin(xd[i], exd, ex->size);
        int64_t bj = dd_bin(yd[i], eyd, ey->size);
        if (bi < 1 || bi > nx || bj < 1 || bj > ny)
            continue;
        hd[(bi - 1) * ny + (bj - 1)] += w ? w[i] : 1.0;
    }
    if (density) {
        double s = 0;
        for (int64_t i = 0; i < nx * ny; i++)
            s += hd[i];
        for (int64_t i = 0; i < nx; i++)
            for (int64_t j = 0; j < ny; j++) {
                double *p = &hd[i * ny + j];
                *p = *p / (exd[i + 1] - exd[i]) / (eyd[j + 1] - eyd[j]);
            }
        for (int64_t i = 0; i < nx * ny; i++)
            hd[i] /= s;
    }
    *hist = nd_incref(h);
    *xedges = nd_incref(ex);
    *yedges = nd_incref(ey);
    tmp_free(&t);
    return 0;
}

/* ------------------------------------------------------------ closeness */

NdArray *nd_isclose(NdArray *a, NdArray *b, NdArray *rtol, NdArray *atol,
                    bool equal_nan)
{
    NdArray *ops[4] = {a, b, rtol, atol};
    int nd;
    int64_t shape[ND_MAXDIMS];
    /* a - b fails first in NumPy, naming only their shapes */
    if (nd_broadcast_shapes(2, ops, &nd, shape) < 0 ||
        nd_broadcast_shapes(4, ops, &nd, shape) < 0)
        return NULL;
    Tmp t = {.n = 0};
    bool cplx = is_complex(a->dtype) || is_complex(b->dtype);
    NdType work = cplx ? ND_COMPLEX128 : ND_FLOAT64;
    NdArray *c[4];
    for (int i = 0; i < 4; i++) {
        NdType wt = i < 2 ? work : ND_FLOAT64;
        NdArray *bc = keep(&t, nd_broadcast_to(ops[i], nd, shape));
        if (!(c[i] = contig_as(&t, bc, wt)))
            return tmp_done(&t, NULL);
    }
    NdArray *r = keep(&t, nd_empty(ND_BOOL, nd, shape, 'C'));
    if (!r)
        return tmp_done(&t, NULL);
    const double *rt = (const double *)c[2]->data,
                 *at = (const double *)c[3]->data;
    for (int64_t i = 0; i < r->size; i++) {
        double xr, xi = 0, yr, yi = 0;
        if (cplx) {
            xr = ((const nd_complex128 *)c[0]->data)[i].re;
            xi = ((const nd_complex128 *)c[0]->data)[i].im;
            yr = ((const nd_complex128 *)c[1]->data)[i].re;
            yi = ((const nd_complex128 *)c[1]->data)[i].im;
        } else {
            xr = ((const double *)c[0]->data)[i];
            yr = ((const double *)c[1]->data)[i];
        }
        double diff = cplx ? hypot(xr - yr, xi - yi) : fabs(xr - yr);
        double ay = cplx ? hypot(yr, yi) : fabs(yr);
        bool yfinite = isfinite(yr) && isfinite(yi);
        bool ok =
            (diff <= at[i] + rt[i] * ay && yfinite) || (xr == yr && xi == yi);
        if (equal_nan && !ok) {
            bool xn = isnan(xr) || isnan(xi), yn = isnan(yr) || isnan(yi);
            ok = xn && yn;
        }
        ((bool *)r->data)[i] = ok;
    }
    return tmp_done(&t, r);
}

int nd_allclose(NdArray *a, NdArray *b, NdArray *rtol, NdArray *atol,
                bool equal_nan)
{
    NdArray *r = nd_isclose(a, b, rtol, atol, equal_nan);
    if (!r)
        return -1;
    bool all = all_true(r);
    nd_decref(r);
    return all;
}

/* Every pair equal (with NaN == NaN when equal_nan); a and b broadcast. */
static int all_equal(NdArray *a, NdArray *b, bool equal_nan)
{
    NdArray *eq = nd_binary(ND_UF_EQUAL, a, b);
    if (!eq) {
        /* types with no == loop compare unequal, as NumPy's False */
        nd_error_clear();
        return 0;
    }
    bool all = all_true(eq);
    if (!all && equal_nan && is_inexact(a->dtype) && is_inexact(b->dtype)) {
        NdArray *ops[2] = {a, b};
        int nd;
        int64_t shape[ND_MAXDIMS];
        Tmp t = {.n = 0};
        NdArray *ca = NULL, *cb = NULL, *ce = NULL;
        if (nd_broadcast_shapes(2, ops, &nd, shape) == 0) {
            ca = contig_as(&t, keep(&t, nd_broadcast_to(a, nd, shape)),
                           ND_COMPLEX128);
            cb = contig_as(&t, keep(&t, nd_broadcast_to(b, nd, shape)),
                           ND_COMPLEX128);
            ce = contig_as(&t, eq, ND_BOOL);
        }
        if (!ce) {
            tmp_free(&t);
            nd_decref(eq);
            return -1;
        }
        all = true;
        for (int64_t i = 0; i < ce->size && all; i++) {
            nd_complex128 x = ((const nd_complex128 *)ca->data)[i];
            nd_complex128 y = ((const nd_complex128 *)cb->data)[i];
            bool xn = isnan(x.re) || isnan(x.im),
                 yn = isnan(y.re) || isnan(y.im);
            if (xn != yn)
                all = false;
            else if (!xn && !((const bool *)ce->data)[i])
                all = false;
        }
        tmp_free(&t);
    }
    nd_decref(eq);
    return all;
}

int nd_array_equal(NdArray *a, NdArray *b, bool equal_nan)
{
    if (a->ndim != b->ndim ||
        memcmp(a->shape, b->shape, sizeof(int64_t) * (size_t)a->ndim))
        return 0;
    return all_equal(a, b, equal_nan);
}

int nd_array_equiv(NdArray *a, NdArray *b)
{
    NdArray *ops[2] = {a, b};
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (nd_broadcast_shapes(2, ops, &nd, shape) < 0) {
        nd_error_clear();
        return 0;
    }
    return all_equal(a, b, false);
}

/* ------------------------------------------------------------ limits */

int nd_iinfo(NdType t, NdIinfo *out)
{
    static const char codes[ND_NTYPES] = {'b', 'b', 'h', 'i', 'l', 'B', 'H',
                                          'I', 'L', 'f', 'd', 'F', 'D'};
    if (!is_integer(t))
        return nd_error(
            ND_ERR_VALUE, "Invalid integer data type '%c'.",
            nd_dtype_kind(t) == ND_KIND_BOOL ? 'b' : (char)nd_dtype_kind(t));
    (void)codes;
    int bits = (int)nd_dtype_size(t) * 8;
    out->bits = bits;
    if (nd_dtype_kind(t) == ND_KIND_INT) {
        out->kind = 'i';
        out->max =
            bits == 64 ? (uint64_t)INT64_MAX : ((uint64_t)1 << (bits - 1)) - 1;
        out->min = -(int64_t)out->max - 1;
    } else {
        out->kind = 'u';
        out->min = 0;
        out->max = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
    }
    return 0;
}

int nd_finfo(NdType t, NdFinfo *out)
{
    static const char *names[ND_NTYPES] = {
        "bool",    "int8",      "int16",     "int32",  "int64",
        "uint8",   "uint16",    "uint32",    "uint64", "float32",
        "float64", "complex64", "complex128"};
    if (!is_inexact(t))
        return nd_error(ND_ERR_VALUE,
                        "data type <class 'numpy.%s'> not "
                        "inexact",
                        names[t]);
    memset(out, 0, sizeof *out);
    if (t == ND_FLOAT32 || t == ND_COMPLEX64) {
        out->dtype = ND_FLOAT32;
        out->bits = 32;
        out->eps = FLT_EPSILON;
        out->epsneg = FLT_EPSILON / 2;
        out->iexp = 8;
        out->machep = -23;
        out->max = FLT_MAX;
        out->maxexp = 128;
        out->minexp = -126;
        out->negep = -24;
        out->nexp = 8;
        out->nmant = 23;
        out->precision = 6;
        out->resolution = (double)1e-6f;
        out->smallest_normal = FLT_MIN;
        out->smallest_subnormal = ldexp(1.0, -149);
    } else {
        out->dtype = ND_FLOAT64;
        out->bits = 64;
        out->eps = DBL_EPSILON;
        out->epsneg = DBL_EPSILON / 2;
        out->iexp = 11;
        out->machep = -52;
        out->max = DBL_MAX;
        out->maxexp = 1024;
        out->minexp = -1022;
        out->negep = -53;
        out->nexp = 11;
        out->nmant = 52;
        out->precision = 15;
        out->resolution = 1e-15;
        out->smallest_normal = DBL_MIN;
        out->smallest_subnormal = ldexp(1.0, -1074);
    }
    out->min = -out->max;
    out->tiny = out->smallest_normal;
    return 0;
}

/* ------------------------------------------------------------ windows */

NdArray *nd_sliding_window_view(NdArray *x, const int64_t *window, int nwin,
                                const int64_t *axes, int naxes, bool writeable)
{
    for (int i = 0; i < nwin; i++)
        if (window[i] < 0) {
            nd_error(ND_ERR_VALUE, "`window_shape` cannot contain negative "
                                   "values");
            return NULL;
        }
    int ax[ND_MAXDIMS];
    if (!axes) {
        if (nwin != x->ndim) {
            nd_error(ND_ERR_VALUE,
                     "Since axis is `None`, must provide window_shape for "
                     "all dimensions of `x`; got %d window_shape elements "
                     "and `x.ndim` is %d.",
                     nwin, x->ndim);
            return NULL;
        }
        for (int i = 0; i < nwin; i++)
            ax[i] = i;
    } else {
        if (naxes > ND_MAXDIMS) {
            nd_error(ND_ERR_VALUE, "too many axes");
            return NULL;
        }
        for (int i = 0; i < naxes; i++)
            if (nd_normalize_axis(axes[i], x->ndim, &ax[i]) < 0)
                return NULL;
        if (nwin != naxes) {
            nd_error(ND_ERR_VALUE,
                     "Must provide matching length window_shape and axis; "
                     "got %d window_shape elements and %d axes elements.",
                     nwin, naxes);
            return NULL;
        }
    }
    if (x->ndim + nwin > ND_MAXDIMS) {
        nd_error(ND_ERR_VALUE,
                 "maximum supported dimension for an ndarray is currently "
                 "%d, found %d",
                 ND_MAXDIMS, x->ndim + nwin);
        return NULL;
    }
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    memcpy(shape, x->shape, sizeof(int64_t) * (size_t)x->ndim);
    memcpy(strides, x->strides, sizeof(int64_t) * (size_t)x->ndim);
    for (int i = 0; i < nwin; i++) {
        if (shape[ax[i]] < window[i]) {
            nd_error(ND_ERR_VALUE, "window shape cannot be larger than input "
                                   "array shape");
            return NULL;
        }
        shape[ax[i]] -= window[i] - 1;
        shape[x->ndim + i] = window[i];
        strides[x->ndim + i] = x->strides[ax[i]];
    }
    return nd_view_new(x->buffer, x->dtype, x->ndim + nwin, shape, strides,
                       x->data, writeable && (x->flags & ND_WRITEABLE));
}
