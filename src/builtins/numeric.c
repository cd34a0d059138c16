/* numeric.c — the builtins of the numeric helpers (lib/numeric.c): diff,
 * ediff1d, gradient, cross, trapezoid/trapz, convolve, correlate, interp,
 * digitize, bincount, the histograms, isclose/allclose, array_equal,
 * array_equiv, the dtype queries (iinfo and finfo objects, can_cast,
 * result_type, promote_types), shape/ndim/size, sliding_window_view and
 * vectorize (a native callable kind wrapping an nd function, applied
 * elementwise with broadcasting).  Arguments are read with ops.h's
 * converters; the work is libnd's, except vectorize, which calls back into
 * the evaluator (call_value) and so lives here. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

static NdArray *arr(Value v)
{
    return value_to_array(v, ND_NTYPES);
}

static int get_i64(Value v, int64_t dflt, int64_t *out)
{
    if (!given(v)) {
        *out = dflt;
        return 0;
    }
    return bi_get_int(v, out);
}

static int get_bool(Value v, bool dflt, bool *out)
{
    if (!given(v)) {
        *out = dflt;
        return 0;
    }
    int t = op_truth(v);
    if (t < 0)
        return -1;
    *out = t;
    return 0;
}

/* A Python bool result. */
static Value py_bool(int r)
{
    if (r < 0)
        return rt_from_lib();
    return v_bool(r != 0);
}

/* A tuple of arrays, taking the references. */
static Value tuple_of(NdArray *const *a, int n)
{
    Value t = v_tuple_new(n);
    if (v_is_err(t)) {
        for (int i = 0; i < n; i++)
            nd_decref(a[i]);
        return t;
    }
    for (int i = 0; i < n; i++)
        tuple_set_take(t, i, v_array_take(a[i]));
    return t;
}

/* ------------------------------------------------------------ diff */

static Value bi_diff(Value *args)
{
    int64_t n, axis;
    if (get_i64(args[1], 1, &n) < 0 || get_i64(args[2], -1, &axis) < 0)
        return v_error();
    NdArray *a = arr(args[0]), *pre = NULL, *app = NULL;
    if (!a)
        return v_error();
    if ((given(args[3]) && !(pre = arr(args[3]))) ||
        (given(args[4]) && !(app = arr(args[4])))) {
        nd_decref(a);
        nd_decref(pre);
        return v_error();
    }
    NdArray *r = nd_diff(a, n, axis, pre, app);
    nd_decref(a);
    nd_decref(pre);
    nd_decref(app);
    return bi_result_array(r);
}

static Value bi_ediff1d(Value *args)
{
    NdArray *a = arr(args[0]), *e = NULL, *b = NULL;
    if (!a)
        return v_error();
    if ((given(args[1]) && !(e = arr(args[1]))) ||
        (given(args[2]) && !(b = arr(args[2])))) {
        nd_decref(a);
        nd_decref(e);
        return v_error();
    }
    NdArray *r = nd_ediff1d(a, e, b);
    nd_decref(a);
    nd_decref(e);
    nd_decref(b);
    return bi_result_array(r);
}

/* An axis argument that may be an int or a tuple/list of ints. */
static int get_axes(Value v, int64_t *axes, int *n)
{
    if (v.kind == VK_TUPLE || v.kind == VK_LIST) {
        int64_t cnt = v.kind == VK_TUPLE ? as_tuple(v)->n : as_list(v)->n;
        Value *items =
            v.kind == VK_TUPLE ? as_tuple(v)->items : as_list(v)->items;
        if (cnt > ND_MAXDIMS)
            return rt_fail(ERR_VALUE, "too many axes");
        for (int64_t i = 0; i < cnt; i++)
            if (bi_get_int(items[i], &axes[i]) < 0)
                return -1;
        *n = (int)cnt;
        return 0;
    }
    *n = 1;
    return bi_get_int(v, &axes[0]);
}

static Value bi_gradient(Value *args)
{
    Tuple *va = as_tuple(args[1]);
    int64_t axes[ND_MAXDIMS], edge;
    int naxes = 0;
    if ((given(args[2]) && get_axes(args[2], axes, &naxes) < 0) ||
        get_i64(args[3], 1, &edge) < 0)
        return v_error();
    if (va->n > ND_MAXDIMS)
        return rt_raise(ERR_TYPE, "invalid number of arguments");
    NdArray *f = arr(args[0]);
    if (!f)
        return v_error();
    NdArray *sp[ND_MAXDIMS];
    int ns = 0;
    for (; ns < va->n; ns++)
        if (!(sp[ns] = arr(va->items[ns])))
            break;
    Value res = v_error();
    if (ns == va->n) {
        NdArray *out[ND_MAXDIMS];
        int k = nd_gradient(f, sp, ns, given(args[2]) ? axes : NULL, naxes,
                            (int)edge, out);
        if (k < 0)
            res = rt_from_lib();
        else if (k == 1)
            res = v_array_take(out[0]);
        else
            res = tuple_of(out, k);
    }
    for (int i = 0; i < ns; i++)
        nd_decref(sp[i]);
    nd_decref(f);
    return res;
}

static Value bi_cross(Value *args)
{
    int64_t axa, axb, axc;
    if (get_i64(args[2], -1, &axa) < 0 || get_i64(args[3], -1, &axb) < 0 ||
        get_i64(args[4], -1, &axc) < 0)
        return v_error();
    if (given(args[5])) {
        if (bi_get_int(args[5], &axa) < 0)
            return v_error();
        axb = axc = axa;
    }
    NdArray *a = arr(args[0]), *b = a ? arr(args[1]) : NULL;
    if (!b) {
        nd_decref(a);
        return v_error();
    }
    NdArray *r = nd_cross(a, b, axa, axb, axc);
    nd_decref(a);
    nd_decref(b);
    return bi_result_array(r);
}

static Value bi_trapezoid(Value *args)
{
    int64_t axis;
    if (get_i64(args[3], -1, &axis) < 0)
        return v_error();
    NdArray *y = arr(args[0]), *x = NULL, *dx = NULL;
    if (!y)
        return v_error();
    if (given(args[1]))
        x = arr(args[1]);
    else
        dx = given(args[2]) ? arr(args[2]) : arr(v_float(1.0));
    if (!x && !dx) {
        nd_decref(y);
        return v_error();
    }
    NdArray *r = nd_trapezoid(y, x, dx, axis);
    nd_decref(y);
    nd_decref(x);
    nd_decref(dx);
    return bi_result(r);
}

/* ------------------------------------------------------------ convolve */

static int get_mode(Value v, NdConvMode dflt, NdConvMode *out)
{
    if (!given(v)) {
        *out = dflt;
        return 0;
    }
    if (v.kind == VK_STR)
        return nd_conv_mode(as_str(v)->data, out) < 0 ? rt_fail_from_lib() : 0;
    int64_t m;
    if (bi_get_int(v, &m) < 0)
        return -1;
    if (m < 0 || m > 2)
        return rt_fail(ERR_VALUE,
                       "integer convolve/correlate mode must be 0, 1, or 2");
    *out = (NdConvMode)m;
    return 0;
}

typedef NdArray *(*ConvFn)(NdArray *, NdArray *, NdConvMode);

static Value conv(Value *args, ConvFn fn, NdConvMode dflt)
{
    NdConvMode mode;
    if (get_mode(args[2], dflt, &mode) < 0)
        return v_error();
    NdArray *a = arr(args[0]), *v = a ? arr(args[1]) : NULL;
    if (!v) {
        nd_decref(a);
        return v_error();
    }
    NdArray *r = fn(a, v, mode);
    nd_decref(a);
    nd_decref(v);
    return bi_result_array(r);
}

static Value bi_convolve(Value *args)
{
    return conv(args, nd_convolve, ND_CONV_FULL);
}
static Value bi_correlate(Value *args)
{
    return conv(args, nd_correlate, ND_CONV_VALID);
}

/* ------------------------------------------------------------ interp */

static int get_scalar(Value v, NdScalar *out)
{
    if (v.kind == VK_SCALAR) {
        *out = v_to_ndscalar(v);
        return 0;
    }
    NdArray *a = arr(v);
    if (!a)
        return -1;
    if (a->size != 1) {
        nd_decref(a);
        return rt_fail(ERR_TYPE, "only length-1 arrays can be converted to "
                                 "Python scalars");
    }
    int rc = nd_item(a, out);
    nd_decref(a);
    return rc < 0 ? rt_fail_from_lib() : 0;
}

static Value bi_interp(Value *args)
{
    NdScalar l, r;
    double period;
    if ((given(args[3]) && get_scalar(args[3], &l) < 0) ||
        (given(args[4]) && get_scalar(args[4], &r) < 0) ||
        (given(args[5]) && value_to_double(args[5], &period) < 0))
        return v_error();
    NdArray *x = arr(args[0]), *xp = x ? arr(args[1]) : NULL,
            *fp = xp ? arr(args[2]) : NULL;
    if (!fp) {
        nd_decref(x);
        nd_decref(xp);
        return v_error();
    }
    NdArray *res =
        nd_interp(x, xp, fp, given(args[3]) ? &l : NULL,
                  given(args[4]) ? &r : NULL, given(args[5]) ? &period : NULL);
    nd_decref(x);
    nd_decref(xp);
    nd_decref(fp);
    return bi_result(res);
}

static Value bi_digitize(Value *args)
{
    bool right;
    if (get_bool(args[2], false, &right) < 0)
        return v_error();
    NdArray *x = arr(args[0]), *b = x ? arr(args[1]) : NULL;
    if (!b) {
        nd_decref(x);
        return v_error();
    }
    NdArray *r = nd_digitize(x, b, right);
    nd_decref(x);
    nd_decref(b);
    return bi_result(r);
}

static Value bi_bincount(Value *args)
{
    int64_t minlength;
    if (get_i64(args[2], 0, &minlength) < 0)
        return v_error();
    NdArray *x = arr(args[0]), *w = NULL;
    if (!x)
        return v_error();
    if (given(args[1]) && !(w = arr(args[1]))) {
        nd_decref(x);
        return v_error();
    }
    NdArray *r = nd_bincount(x, w, minlength);
    nd_decref(x);
    nd_decref(w);
    return bi_result_array(r);
}

/* ------------------------------------------------------------ histograms */

/* The bins argument: an int, an estimator name or a sequence of edges
 * (*hold receives the edges array, to release). */
static int get_bins(Value v, NdHistBins *b, NdArray **hold)
{
    memset(b, 0, sizeof *b);
    *hold = NULL;
    if (!given(v)) {
        b->count = 10;
        return 0;
    }
    if (v.kind == VK_STR) {
        b->estimator = as_str(v)->data;
        return 0;
    }
    if (v.kind == VK_SCALAR || (v.kind == VK_ARRAY && v.as.array->ndim == 0)) {
        int64_t n;
        if (bi_get_int(v, &n) < 0) {
            rt_clear();
            return rt_fail(ERR_TYPE, "`bins` must be an integer, a string, "
                                     "or an array");
        }
        b->count = n;
        return 0;
    }
    if (!(*hold = arr(v)))
        return -1;
    b->edges = *hold;
    return 0;
}

/* A (first, last) pair; None gives *has = false. */
static int get_range(Value v, double *r, bool *has)
{
    *has = false;
    if (!given(v))
        return 0;
    NdArray *a = value_to_array(v, ND_FLOAT64);
    if (!a)
        return -1;
    if (a->size != 2) {
        int64_t n = a->size;
        nd_decref(a);
        return rt_fail(ERR_VALUE,
                       n < 2 ? "not enough values to unpack (expected 2, got "
                               "%lld)"
                             : "too many values to unpack (expected 2)",
                       (long long)n);
    }
    int64_t i0 = 0, i1 = 1;
    NdScalar s0, s1;
    NdArray *f = nd_ravel(a, 'C');
    nd_decref(a);
    if (!f)
        return rt_fail_from_lib();
    nd_get_item(f, &i0, &s0);
    nd_get_item(f, &i1, &s1);
    nd_decref(f);
    r[0] = s0.v.f64;
    r[1] = s1.v.f64;
    *has = true;
    return 0;
}

static Value bi_histogram(Value *args)
{
    NdHistBins bins;
    NdArray *hold, *a = NULL, *w = NULL, *h, *e;
    double range[2];
    bool has_range, density;
    if (get_bins(args[1], &bins, &hold) < 0)
        return v_error();
    Value res = v_error();
    if (get_range(args[2], range, &has_range) < 0 ||
        get_bool(args[3], false, &density) < 0 || !(a = arr(args[0])) ||
        (given(args[4]) && !(w = arr(args[4]))))
        goto done;
    if (nd_histogram(a, &bins, has_range ? range : NULL, density, w, &h, &e) <
        0) {
        res = rt_from_lib();
        goto done;
    }
    NdArray *pair[2] = {h, e};
    res = tuple_of(pair, 2);
done:
    nd_decref(hold);
    nd_decref(a);
    nd_decref(w);
    return res;
}

static Value bi_histogram_bin_edges(Value *args)
{
    NdHistBins bins;
    NdArray *hold, *a = NULL, *w = NULL;
    double range[2];
    bool has_range;
    if (get_bins(args[1], &bins, &hold) < 0)
        return v_error();
    Value res = v_error();
    if (get_range(args[2], range, &has_range) < 0 || !(a = arr(args[0])) ||
        (given(args[3]) && !(w = arr(args[3]))))
        goto done;
    res = bi_result_array(
        nd_histogram_bin_edges(a, &bins, has_range ? range : NULL, w));
done:
    nd_decref(hold);
    nd_decref(a);
    nd_decref(w);
    return res;
}

static int64_t seq_len(Value v)
{
    int64_t n;
    if (v.kind == VK_LIST || v.kind == VK_TUPLE ||
        (v.kind == VK_ARRAY && v.as.array->ndim > 0)) {
        if (value_len(v, &n) == 0)
            return n;
    }
    return -1;
}

static Value seq_item(Value v, int64_t i)
{
    if (v.kind == VK_LIST) {
        v_incref(as_list(v)->items[i]);
        return as_list(v)->items[i];
    }
    if (v.kind == VK_TUPLE) {
        v_incref(as_tuple(v)->items[i]);
        return as_tuple(v)->items[i];
    }
    return op_getitem(v, v_int(i));
}

/* One axis' bins of histogram2d: a scalar int or a 1-d array. */
static int get_bins_dd(Value v, NdHistBins *b, NdArray **hold)
{
    memset(b, 0, sizeof *b);
    *hold = NULL;
    if (v.kind == VK_SCALAR || (v.kind == VK_ARRAY && v.as.array->ndim == 0)) {
        if (bi_get_int(v, &b->count) < 0)
            return -1;
        return 0;
    }
    if (v.kind == VK_STR) {
        b->estimator = as_str(v)->data;
        return 0;
    }
    if (!(*hold = arr(v)))
        return -1;
    b->edges = *hold;
    return 0;
}

static Value bi_histogram2d(Value *args)
{
    NdHistBins bx, by;
    NdArray *hx = NULL, *hy = NULL, *x = NULL, *y = NULL, *w = NULL;
    Value res = v_error(), bins = given(args[2]) ? args[2] : v_int(10);
    double rx[2], ry[2];
    bool has_x = false, has_y = false, density;
    int64_t nb = seq_len(bins);
    if (nb < 0) {
        if (get_bins_dd(bins, &bx, &hx) < 0)
            goto done;
        by = bx;
    } else if (nb == 2) {
        Value b0 = seq_item(bins, 0),
              b1 = v_is_err(b0) ? b0 : seq_item(bins, 1);
        int rc = v_is_err(b1) ? -1 : get_bins_dd(b0, &bx, &hx);
        if (rc == 0)
            rc = get_bins_dd(b1, &by, &hy);
        v_decref(b0);
        v_decref(b1);
        if (rc < 0)
            goto done;
    } else if (nb == 1) {
        rt_raise(ERR_VALUE, "The dimension of bins must be equal to the "
                            "dimension of the  sample x.");
        goto done;
    } else {
        if (get_bins_dd(bins, &bx, &hx) < 0)
            goto done;
        by = bx;
    }
    if (given(args[3])) {
        if (seq_len(args[3]) != 2) {
            rt_raise(ERR_VALUE, "range argument must have one entry per "
                                "dimension");
            goto done;
        }
        Value r0 = seq_item(args[3], 0);
        Value r1 = v_is_err(r0) ? r0 : seq_item(args[3], 1);
        int rc = v_is_err(r1) ? -1 : get_range(r0, rx, &has_x);
        if (rc == 0)
            rc = get_range(r1, ry, &has_y);
        v_decref(r0);
        v_decref(r1);
        if (rc < 0)
            goto done;
    }
    if (get_bool(args[4], false, &density) < 0 || !(x = arr(args[0])) ||
        !(y = arr(args[1])) || (given(args[5]) && !(w = arr(args[5]))))
        goto done;
    const double *ranges[2] = {has_x ? rx : NULL, has_y ? ry : NULL};
    NdArray *out[3];
    if (nd_histogram2d(x, y, &bx, &by, ranges, density, w, &out[0], &out[1],
                       &out[2]) < 0) {
        res = rt_from_lib();
        goto done;
    }
    res = tuple_of(out, 3);
done:
    nd_decref(hx);
    nd_decref(hy);
    nd_decref(x);
    nd_decref(y);
    nd_decref(w);
    return res;
}

/* ------------------------------------------------------------ closeness */

typedef struct CloseArgs {
    NdArray *a, *b, *rtol, *atol;
    bool equal_nan;
} CloseArgs;

static void close_release(CloseArgs *c)
{
    nd_decref(c->a);
    nd_decref(c->b);
    nd_decref(c->rtol);
    nd_decref(c->atol);
}

static int close_args(Value *args, CloseArgs *c)
{
    memset(c, 0, sizeof *c);
    if (get_bool(args[4], false, &c->equal_nan) < 0 || !(c->a = arr(args[0])) ||
        !(c->b = arr(args[1])) ||
        !(c->rtol = arr(given(args[2]) ? args[2] : v_float(1e-05))) ||
        !(c->atol = arr(given(args[3]) ? args[3] : v_float(1e-08)))) {
        close_release(c);
        return -1;
    }
    return 0;
}

static Value bi_isclose(Value *args)
{
    CloseArgs c;
    if (close_args(args, &c) < 0)
        return v_error();
    NdArray *r = nd_isclose(c.a, c.b, c.rtol, c.atol, c.equal_nan);
    close_release(&c);
    return bi_result(r);
}

static Value bi_allclose(Value *args)
{
    CloseArgs c;
    if (close_args(args, &c) < 0)
        return v_error();
    int r = nd_allclose(c.a, c.b, c.rtol, c.atol, c.equal_nan);
    close_release(&c);
    return py_bool(r);
}

static Value bi_array_equal(Value *args)
{
    bool en;
    if (get_bool(args[2], false, &en) < 0)
        return v_error();
    NdArray *a = arr(args[0]), *b = a ? arr(args[1]) : NULL;
    if (!b) {
        /* NumPy: inputs that do not make arrays are simply unequal */
        nd_decref(a);
        rt_clear();
        return v_bool(false);
    }
    int r = nd_array_equal(a, b, en);
    nd_decref(a);
    nd_decref(b);
    return py_bool(r);
}

static Value bi_array_equiv(Value *args)
{
    NdArray *a = arr(args[0]), *b = a ? arr(args[1]) : NULL;
    if (!b) {
        nd_decref(a);
        rt_clear();
        return v_bool(false);
    }
    int r = nd_array_equiv(a, b);
    nd_decref(a);
    nd_decref(b);
    return py_bool(r);
}

/* ------------------------------------------------------------ dtypes */

/* The dtype a value names or has: dtype objects, names, int/float/...,
 * arrays and scalars (weak ones: their default dtype). */
static int dtype_of_any(Value v, NdType *out)
{
    if (v.kind == VK_ARRAY) {
        *out = v.as.array->dtype;
        return 0;
    }
    if (v.kind == VK_SCALAR) {
        *out = (NdType)v.dtype;
        return 0;
    }
    return value_to_dtype(v, out);
}

static const char *const weak_scalar_msg =
    "can_cast() does not support Python ints, floats, and complex because "
    "the result used to depend on the value.\nThis change was part of "
    "adopting NEP 50, we may explicitly allow them again in the future.";

static Value bi_can_cast(Value *args)
{
    NdType from, to;
    if (args[0].kind == VK_SCALAR && args[0].weak && args[0].dtype != ND_BOOL)
        return rt_raise(ERR_TYPE, "%s", weak_scalar_msg);
    if (args[0].kind == VK_LIST || args[0].kind == VK_TUPLE)
        return rt_raise(ERR_TYPE, "did not understand one of the input "
                                  "arguments");
    if (dtype_of_any(args[0], &from) < 0 || value_to_dtype(args[1], &to) < 0)
        return v_error();
    NdCasting c = ND_CAST_SAFE;
    if (given(args[2])) {
        static const char *names[] = {"no", "equiv", "safe", "same_kind",
                                      "unsafe"};
        const char *s = args[2].kind == VK_STR ? as_str(args[2])->data : "";
        int i;
        for (i = 0; i < 5; i++)
            if (!strcmp(s, names[i]))
                break;
        if (i == 5)
            return rt_raise(ERR_VALUE,
                            "casting must be one of 'no', 'equiv', 'safe', "
                            "'same_kind', or 'unsafe' (got '%s')",
                            s);
        c = (NdCasting)i;
    }
    return v_bool(nd_can_cast(from, to, c));
}

static Value dtype_result(NdType t)
{
    Value v = dtype_value(t);
    if (!v_is_err(v))
        v_incref(v);
    return v;
}

static Value bi_result_type(Value *args)
{
    Tuple *t = as_tuple(args[0]);
    if (t->n == 0)
        return rt_raise(ERR_VALUE, "at least one array or dtype is required");
    if (t->n > 64)
        return rt_raise(ERR_VALUE, "too many arguments");
    NdType types[64];
    bool weak[64];
    for (int64_t i = 0; i < t->n; i++) {
        Value v = t->items[i];
        weak[i] = v.kind == VK_SCALAR && v.weak && v.dtype != ND_BOOL;
        if (v.kind == VK_LIST || v.kind == VK_TUPLE || v.kind == VK_RANGE) {
            NdArray *a = arr(v);
            if (!a)
                return v_error();
            types[i] = a->dtype;
            nd_decref(a);
        } else if (dtype_of_any(v, &types[i]) < 0) {
            return v_error();
        }
    }
    return dtype_result(nd_result_type((int)t->n, types, weak));
}

static Value bi_promote_types(Value *args)
{
    NdType a, b;
    if (value_to_dtype(args[0], &a) < 0 || value_to_dtype(args[1], &b) < 0)
        return v_error();
    return dtype_result(nd_promote_types(a, b));
}

static Value bi_shape(Value *args)
{
    NdArray *a = arr(args[0]);
    if (!a)
        return v_error();
    Value t = v_tuple_new(a->ndim);
    if (!v_is_err(t))
        for (int i = 0; i < a->ndim; i++)
            tuple_set_take(t, i, v_int(a->shape[i]));
    nd_decref(a);
    return t;
}

static Value bi_ndim(Value *args)
{
    NdArray *a = arr(args[0]);
    if (!a)
        return v_error();
    int n = a->ndim;
    nd_decref(a);
    return v_int(n);
}

static Value bi_size(Value *args)
{
    NdArray *a = arr(args[0]);
    if (!a)
        return v_error();
    int64_t n = a->size;
    if (given(args[1])) {
        int64_t axes[ND_MAXDIMS];
        int naxes;
        if (get_axes(args[1], axes, &naxes) < 0) {
            nd_decref(a);
            return v_error();
        }
        n = 1;
        for (int i = 0; i < naxes; i++) {
            int ax;
            if (nd_normalize_axis(axes[i], a->ndim, &ax) < 0) {
                nd_decref(a);
                rt_from_lib();
                if (args[1].kind == VK_TUPLE || args[1].kind == VK_LIST)
                    return v_error(); /* NumPy's AxisError for a tuple */
                rt_clear();
                /* a.shape[axis] in NumPy: a tuple index */
                return rt_raise(ERR_INDEX, "tuple index out of range");
            }
            n *= a->shape[ax];
        }
    }
    nd_decref(a);
    return v_int(n);
}

/* ------------------------------------------------------- iinfo / finfo */

typedef struct InfoObj {
    NativeObj h;
    NdType dtype; /* the integer or float dtype described */
} InfoObj;

static NdType info_dtype(Value self)
{
    return ((InfoObj *)self.as.obj)->dtype;
}

static Value info_new(const NativeType *type, NdType t)
{
    Value v = native_new(type);
    if (!v_is_err(v))
        ((InfoObj *)v.as.obj)->dtype = t;
    return v;
}

/* A Python int for an iinfo limit (uint64 max stays exact). */
static Value limit_int(uint64_t u, bool neg)
{
    if (neg)
        return v_int((int64_t)u);
    if (u > (uint64_t)INT64_MAX) {
        Value v = {.kind = VK_SCALAR, .dtype = ND_UINT64, .weak = 1};
        v.as.u = u;
        return v;
    }
    return v_int((int64_t)u);
}

static Value iinfo_getattr(Value self, const char *name)
{
    NdIinfo ii;
    nd_iinfo(info_dtype(self), &ii);
    if (!strcmp(name, "bits"))
        return v_int(ii.bits);
    if (!strcmp(name, "min"))
        return limit_int((uint64_t)ii.min, true);
    if (!strcmp(name, "max"))
        return limit_int(ii.max, false);
    if (!strcmp(name, "dtype"))
        return dtype_result(info_dtype(self));
    if (!strcmp(name, "kind")) {
        char k[2] = {ii.kind, 0};
        return v_str(k);
    }
    return v_unset();
}

static Value iinfo_repr(Value self)
{
    NdIinfo ii;
    nd_iinfo(info_dtype(self), &ii);
    char buf[128];
    snprintf(buf, sizeof buf, "iinfo(min=%lld, max=%llu, dtype=%s)",
             (long long)ii.min, (unsigned long long)ii.max,
             nd_dtype_name(info_dtype(self)));
    return v_str(buf);
}

static Value iinfo_str(Value self)
{
    NdIinfo ii;
    nd_iinfo(info_dtype(self), &ii);
    char buf[512];
    snprintf(buf, sizeof buf,
             "Machine parameters for %s\n"
             "-------------------------------------------------------------"
             "--\nmin = %lld\nmax = %llu\n"
             "-------------------------------------------------------------"
             "--\n",
             nd_dtype_name(info_dtype(self)), (long long)ii.min,
             (unsigned long long)ii.max);
    return v_str(buf);
}

static const NativeType iinfo_type = {
    .name = "iinfo",
    .size = sizeof(InfoObj),
    .str = iinfo_str,
    .repr = iinfo_repr,
    .getattr = iinfo_getattr,
    .help = "iinfo(int_type): machine limits of an integer dtype (bits, "
            "min, max, dtype, kind).",
};

/* A float limit as a NumPy scalar of the finfo's dtype. */
static Value finfo_float(NdType t, double x)
{
    NdScalar s = nd_scalar_float64(x), o;
    nd_scalar_cast(&s, t, &o);
    o.weak = false;
    return v_from_ndscalar(&o);
}

static Value finfo_getattr(Value self, const char *name)
{
    NdFinfo fi;
    nd_finfo(info_dtype(self), &fi);
    static const struct {
        const char *name;
        size_t off;
    } ints[] =
        {
            {"bits", offsetof(NdFinfo, bits)},
            {"iexp", offsetof(NdFinfo, iexp)},
            {"machep", offsetof(NdFinfo, machep)},
            {"maxexp", offsetof(NdFinfo, maxexp)},
            {"minexp", offsetof(NdFinfo, minexp)},
            {"negep", offsetof(NdFinfo, negep)},
            {"nexp", offsetof(NdFinfo, nexp)},
            {"nmant", offsetof(NdFinfo, nmant)},
            {"precision", offsetof(NdFinfo, precision)},
        },
      floats[] = {
          {"eps", offsetof(NdFinfo, eps)},
          {"epsneg", offsetof(NdFinfo, epsneg)},
          {"max", offsetof(NdFinfo, max)},
          {"min", offsetof(NdFinfo, min)},
          {"resolution", offsetof(NdFinfo, resolution)},
          {"smallest_normal", offsetof(NdFinfo, smallest_normal)},
          {"smallest_subnormal", offsetof(NdFinfo, smallest_subnormal)},
          {"tiny", offsetof(NdFinfo, tiny)},
      };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (!strcmp(name, ints[i].name))
            return v_int(*(const int *)((const char *)&fi + ints[i].off));
    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++)
        if (!strcmp(name, floats[i].name))
            return finfo_float(
                fi.dtype, *(const double *)((const char *)&fi + floats[i].off));
    if (!strcmp(name, "dtype"))
        return dtype_result(fi.dtype);
    return v_unset();
}

/* str() of a float limit as NumPy's scalar str. */
static void limit_text(char *buf, size_t n, NdType t, double x)
{
    NdScalar s = nd_scalar_float64(x), o;
    nd_scalar_cast(&s, t, &o);
    char *txt = nd_scalar_str(&o);
    snprintf(buf, n, "%s", txt ? txt : "?");
    free(txt);
}

static Value finfo_repr(Value self)
{
    NdFinfo fi;
    nd_finfo(info_dtype(self), &fi);
    char r[64], lo[64], hi[64], buf[256];
    limit_text(r, sizeof r, fi.dtype, fi.resolution);
    limit_text(lo, sizeof lo, fi.dtype, fi.min);
    limit_text(hi, sizeof hi, fi.dtype, fi.max);
    snprintf(buf, sizeof buf, "finfo(resolution=%s, min=%s, max=%s, dtype=%s)",
             r, lo, hi, nd_dtype_name(fi.dtype));
    return v_str(buf);
}

static Value finfo_str(Value self)
{
    NdFinfo fi;
    nd_finfo(info_dtype(self), &fi);
    /* NumPy prints the limits with 17 (float64) or 8 (float32)
     * significant digits, e-notation. */
    bool f32 = fi.dtype == ND_FLOAT32;
    const char *fmt = f32 ? "%.7e" : "%.16e";
    char res[40], eps[40], epsneg[40], tiny[40], mx[40], sn[40], ss[40];
    double sub = fi.smallest_subnormal;
    snprintf(res, sizeof res, fmt,
             f32 ? (double)(float)fi.resolution : fi.resolution);
    snprintf(eps, sizeof eps, fmt, fi.eps);
    snprintf(epsneg, sizeof epsneg, fmt, fi.epsneg);
    snprintf(tiny, sizeof tiny, fmt, fi.tiny);
    snprintf(mx, sizeof mx, fmt, fi.max);
    snprintf(sn, sizeof sn, fmt, fi.smallest_normal);
    snprintf(ss, sizeof ss, fmt, sub);
    char buf[1024];
    const char *line =
        "---------------------------------------------------------------";
    snprintf(buf, sizeof buf,
             "Machine parameters for %s\n%s\n"
             "precision = %3d   resolution = %s\n"
             "machep = %6d   eps =        %s\n"
             "negep =  %6d   epsneg =     %s\n"
             "minexp = %6d   tiny =       %s\n"
             "maxexp = %6d   max =        %s\n"
             "nexp =   %6d   min =        -max\n"
             "smallest_normal = %s   smallest_subnormal = %s\n%s\n",
             nd_dtype_name(fi.dtype), line, fi.precision, res, fi.machep, eps,
             fi.negep, epsneg, fi.minexp, tiny, fi.maxexp, mx, fi.nexp, sn, ss,
             line);
    return v_str(buf);
}

static const NativeType finfo_type = {
    .name = "finfo",
    .size = sizeof(InfoObj),
    .str = finfo_str,
    .repr = finfo_repr,
    .getattr = finfo_getattr,
    .help = "finfo(dtype): machine limits of a float dtype (eps, tiny, max, "
            "min, resolution, precision, bits, ...).",
};

/* iinfo/finfo accept a dtype-like, or any array or number (its dtype). */
static int info_arg(Value v, NdType *t)
{
    if (v.kind == VK_ARRAY || v.kind == VK_SCALAR)
        return dtype_of_any(v, t);
    return value_to_dtype(v, t);
}

static Value bi_iinfo(Value *args)
{
    NdType t;
    NdIinfo ii;
    if (info_arg(args[0], &t) < 0)
        return v_error();
    if (nd_iinfo(t, &ii) < 0)
        return rt_from_lib();
    return info_new(&iinfo_type, t);
}

static Value bi_finfo(Value *args)
{
    NdType t;
    NdFinfo fi;
    if (info_arg(args[0], &t) < 0)
        return v_error();
    if (nd_finfo(t, &fi) < 0)
        return rt_from_lib();
    return info_new(&finfo_type, fi.dtype);
}

/* ------------------------------------------------------- sliding window */

static Value bi_sliding_window_view(Value *args)
{
    int64_t win[ND_MAXDIMS], axes[ND_MAXDIMS];
    int nwin, naxes = 0;
    bool writeable;
    if (get_axes(args[1], win, &nwin) < 0 ||
        (given(args[2]) && get_axes(args[2], axes, &naxes) < 0) ||
        get_bool(args[4], false, &writeable) < 0)
        return v_error();
    NdArray *x = arr(args[0]);
    if (!x)
        return v_error();
    NdArray *r = nd_sliding_window_view(
        x, win, nwin, given(args[2]) ? axes : NULL, naxes, writeable);
    nd_decref(x);
    return bi_result_array(r);
}

/* ------------------------------------------------------------ vectorize */

typedef struct VectorizeObj {
    NativeObj h;
    Value pyfunc;
    int notypes; /* 0: from the first call's results */
    NdType otypes[ND_MAXDIMS];
} VectorizeObj;

static void vectorize_finalize(Obj *self)
{
    v_decref(((VectorizeObj *)self)->pyfunc);
}

static Value vectorize_repr(Value self)
{
    (void)self;
    return v_str("<numpy.vectorize object>");
}

static Value vectorize_getattr(Value self, const char *name)
{
    VectorizeObj *o = (VectorizeObj *)self.as.obj;
    if (!strcmp(name, "pyfunc")) {
        v_incref(o->pyfunc);
        return o->pyfunc;
    }
    if (!strcmp(name, "otypes")) {
        if (!o->notypes)
            return v_none();
        char buf[ND_MAXDIMS + 1];
        static const char codes[ND_NTYPES] = {'?', 'b', 'h', 'i', 'l', 'B', 'H',
                                              'I', 'L', 'f', 'd', 'F', 'D'};
        for (int i = 0; i < o->notypes; i++)
            buf[i] = codes[o->otypes[i]];
        buf[o->notypes] = 0;
        return v_str(buf);
    }
    return v_unset();
}

/* One element of an operand as the NumPy scalar vectorize passes. */
static Value element_at(NdArray *a, int nd, const int64_t *shape,
                        const int64_t *idx)
{
    int64_t sub[ND_MAXDIMS];
    int off = nd - a->ndim;
    for (int d = 0; d < a->ndim; d++)
        sub[d] = a->shape[d] == 1 ? 0 : idx[off + d];
    (void)shape;
    NdScalar s;
    if (nd_get_item(a, sub, &s) < 0)
        return rt_from_lib();
    if (a->flags & ND_WEAK)
        return bi_weak_scalar(&s);
    s.weak = false;
    return v_from_ndscalar(&s);
}

/* Store one result of the function into out at flat position i. */
static int store_result(NdArray *out, int64_t i, Value r)
{
    NdArray *a = value_to_array(r, ND_NTYPES);
    if (!a)
        return -1;
    if (a->ndim != 0) {
        nd_decref(a);
        return rt_fail(ERR_VALUE, "setting an array element with a "
                                  "sequence.");
    }
    NdScalar s;
    int rc = nd_item(a, &s);
    nd_decref(a);
    int64_t idx[ND_MAXDIMS];
    for (int d = out->ndim - 1; d >= 0; d--) {
        idx[d] = out->shape[d] ? i % out->shape[d] : 0;
        i = out->shape[d] ? i / out->shape[d] : 0;
    }
    if (rc < 0 || nd_set_item(out, idx, &s) < 0)
        return rt_fail_from_lib();
    return 0;
}

/* The dtype NumPy's vectorize picks from a first result. */
static int result_dtype(Value r, NdType *t)
{
    NdArray *a = value_to_array(r, ND_NTYPES);
    if (!a)
        return -1;
    *t = a->dtype;
    nd_decref(a);
    return 0;
}

static Value vectorize_call(Value self, const Value *pos, int npos,
                            const KwArg *kw, int nkw)
{
    VectorizeObj *o = (VectorizeObj *)self.as.obj;
    int nin = npos + nkw;
    if (nin > 64)
        return rt_raise(ERR_VALUE, "too many arguments");
    NdArray *in[64] = {NULL};
    Value res = v_error();
    int k;
    for (k = 0; k < nin; k++)
        if (!(in[k] = arr(k < npos ? pos[k] : kw[k - npos].value)))
            break;
    NdArray **outs = NULL;
    Value *cargs = NULL;
    KwArg *ckw = NULL;
    int nout = 0;
    int nd = 0;
    int64_t shape[ND_MAXDIMS], size = 1;
    if (k < nin)
        goto done;
    if (nin && nd_broadcast_shapes(nin, in, &nd, shape) < 0) {
        rt_from_lib();
        goto done;
    }
    for (int d = 0; d < nd; d++)
        size *= shape[d];
    if (size == 0 && !o->notypes) {
        rt_raise(ERR_VALUE, "cannot call `vectorize` on size 0 inputs unless "
                            "`otypes` is set");
        goto done;
    }
    cargs = calloc((size_t)(npos ? npos : 1), sizeof *cargs);
    ckw = calloc((size_t)(nkw ? nkw : 1), sizeof *ckw);
    if (!cargs || !ckw) {
        rt_raise(ERR_MEMORY, "out of memory");
        goto done;
    }
    if (o->notypes) {
        nout = o->notypes;
        outs = calloc((size_t)nout, sizeof *outs);
        if (!outs) {
            rt_raise(ERR_MEMORY, "out of memory");
            goto done;
        }
        for (int j = 0; j < nout; j++)
            if (!(outs[j] = nd_empty(o->otypes[j], nd, shape, 'C'))) {
                rt_from_lib();
                goto done;
            }
    }
    int64_t idx[ND_MAXDIMS] = {0};
    for (int64_t i = 0; i < size; i++) {
        if (interp_interrupted) {
            interp_interrupted = 0;
            rt_raise(ERR_INTERRUPT, "%s", "");
            goto done;
        }
        int made = 0;
        bool bad = false;
        for (int j = 0; j < nin; j++) {
            Value e = element_at(in[j], nd, shape, idx);
            if (v_is_err(e)) {
                bad = true;
                break;
            }
            if (j < npos)
                cargs[j] = e;
            else
                ckw[j - npos] = (KwArg){kw[j - npos].name, e};
            made++;
        }
        Value r =
            bad ? v_error() : call_value(o->pyfunc, cargs, npos, ckw, nkw);
        for (int j = 0; j < made; j++)
            v_decref(j < npos ? cargs[j] : ckw[j - npos].value);
        if (v_is_err(r))
            goto done;
        bool multi = r.kind == VK_TUPLE;
        int rn = multi ? (int)as_tuple(r)->n : 1;
        if (!outs) {
            /* NumPy's otypes come from the first result */
            nout = rn;
            outs = calloc((size_t)nout, sizeof *outs);
            if (!outs) {
                v_decref(r);
                rt_raise(ERR_MEMORY, "out of memory");
                goto done;
            }
            for (int j = 0; j < nout; j++) {
                NdType t;
                if (result_dtype(multi ? as_tuple(r)->items[j] : r, &t) < 0 ||
                    !(outs[j] = nd_empty(t, nd, shape, 'C'))) {
                    if (!rt_pending())
                        rt_from_lib();
                    v_decref(r);
                    goto done;
                }
            }
        }
        if ((nout > 1 && (!multi || rn != nout)) || (nout == 1 && multi)) {
            v_decref(r);
            rt_raise(ERR_VALUE,
                     "vectorize: the function returned %d values, "
                     "expected %d",
                     rn, nout);
            goto done;
        }
        for (int j = 0; j < nout; j++) {
            if (store_result(outs[j], i, nout > 1 ? as_tuple(r)->items[j] : r) <
                0) {
                v_decref(r);
                goto done;
            }
        }
        v_decref(r);
        for (int d = nd - 1; d >= 0; d--) {
            if (++idx[d] < shape[d])
                break;
            idx[d] = 0;
        }
    }
    if (nout == 1) {
        res = v_array_take(outs[0]);
        outs[0] = NULL;
    } else {
        res = tuple_of(outs, nout);
        for (int j = 0; j < nout; j++)
            outs[j] = NULL;
    }
done:
    for (int j = 0; j < k; j++)
        nd_decref(in[j]);
    if (outs)
        for (int j = 0; j < nout; j++)
            nd_decref(outs[j]);
    free(outs);
    free(cargs);
    free(ckw);
    return res;
}

static const NativeType vectorize_type = {
    .name = "vectorize",
    .size = sizeof(VectorizeObj),
    .finalize = vectorize_finalize,
    .repr = vectorize_repr,
    .getattr = vectorize_getattr,
    .call = vectorize_call,
    .help = "vectorize(pyfunc, otypes=None): a callable applying pyfunc to "
            "each element of its broadcast arguments.",
};

/* An otypes argument: a str of type codes or a list of dtypes. */
static int get_otypes(Value v, NdType *out, int *n)
{
    *n = 0;
    if (!given(v))
        return 0;
    if (v.kind == VK_STR) {
        const char *s = as_str(v)->data;
        for (; *s; s++) {
            static const char *codes = "?bhilBHILfdFDqQgG";
            static const NdType types[] = {
                ND_BOOL,    ND_INT8,      ND_INT16,      ND_INT32,  ND_INT64,
                ND_UINT8,   ND_UINT16,    ND_UINT32,     ND_UINT64, ND_FLOAT32,
                ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128, ND_INT64,  ND_UINT64};
            const char *p = strchr(codes, *s);
            if (!p || p - codes >= 15)
                return rt_fail(ERR_VALUE, "Invalid otype specified: %c", *s);
            if (*n == ND_MAXDIMS)
                return rt_fail(ERR_VALUE, "too many otypes");
            out[(*n)++] = types[p - codes];
        }
        return 0;
    }
    ValueIter it;
    if (iter_start(&it, v) < 0) {
        rt_clear();
        return rt_fail(ERR_VALUE, "Invalid otype specification");
    }
    Value item;
    int r;
    while ((r = iter_next(&it, &item)) > 0) {
        int rc = *n == ND_MAXDIMS ? rt_fail(ERR_VALUE, "too many otypes")
                                  : value_to_dtype(item, &out[*n]);
        v_decref(item);
        if (rc < 0) {
            iter_end(&it);
            return -1;
        }
        (*n)++;
    }
    iter_end(&it);
    return r;
}

static Value bi_vectorize(Value *args)
{
    NdType ot[ND_MAXDIMS];
    int n;
    if (get_otypes(args[1], ot, &n) < 0)
        return v_error();
    if (given(args[5]))
        return rt_raise(ERR_VALUE, "vectorize: signature= is not supported");
    if (given(args[3]))
        return rt_raise(ERR_VALUE, "vectorize: excluded= is not supported");
    Value v = native_new(&vectorize_type);
    if (v_is_err(v))
        return v;
    VectorizeObj *o = (VectorizeObj *)v.as.obj;
    v_incref(args[0]);
    o->pyfunc = args[0];
    o->notypes = n;
    memcpy(o->otypes, ot, sizeof(NdType) * (size_t)n);
    return v;
}

/* ------------------------------------------------------------ the table */

#define TRAPEZOID_HELP(name)                                                   \
    "Integrate along an axis with the composite trapezoidal rule.\n\n"         \
    "y holds the samples; x their coordinates (default: spacing dx).  "        \
    "The\nresult is sum(d * (y[1:] + y[:-1]) / 2) along axis.\n\n"             \
    ">>> " #name "([1, 2, 3])\n4.0\n"                                          \
    ">>> " #name "([1, 2, 3], x=[4, 6, 8])\n8.0\n"                             \
    ">>> " #name "([1, 2, 3], dx=2)\n8.0\n"                                    \
    ">>> a = arange(6).reshape(2, 3)\n"                                        \
    ">>> " #name "(a, axis=0)\narray([1.5, 2.5, 3.5])\n"                       \
    ">>> " #name "(a, axis=1)\narray([2., 8.])\n"

static const BuiltinDef numeric_defs[] = {
    {"allclose", bi_allclose, "a, b, rtol=1e-05, atol=1e-08, equal_nan=False",
     "True when every pair of elements is close (see isclose).\n\n"
     "A Python bool: all(isclose(a, b, rtol, atol, equal_nan)).\n\n"
     ">>> allclose([1e10, 1e-7], [1.00001e10, 1e-8])\nFalse\n"
     ">>> allclose([1e10, 1e-8], [1.00001e10, 1e-9])\nTrue\n"
     ">>> allclose([1.0, nan], [1.0, nan])\nFalse\n"
     ">>> allclose([1.0, nan], [1.0, nan], equal_nan=True)\nTrue\n"},
    {"array_equal", bi_array_equal, "a1, a2, equal_nan=False",
     "True when two arrays have the same shape and elements.\n\n"
     "With equal_nan=True NaNs in the same places compare equal.\n\n"
     ">>> array_equal([1, 2], [1, 2])\nTrue\n"
     ">>> array_equal([1, 2], [1, 2, 3])\nFalse\n"
     ">>> array_equal([1, 2], [1, 4])\nFalse\n"
     ">>> a = array([1, nan])\n"
     ">>> array_equal(a, a)\nFalse\n"
     ">>> array_equal(a, a, equal_nan=True)\nTrue\n"},
    {"array_equiv", bi_array_equiv, "a1, a2",
     "True when two arrays broadcast to a common shape and are equal.\n\n"
     ">>> array_equiv([1, 2], [1, 2])\nTrue\n"
     ">>> array_equiv([1, 2], [1, 3])\nFalse\n"
     ">>> array_equiv([1, 2], [[1, 2], [1, 2]])\nTrue\n"
     ">>> array_equiv([1, 2], [[1, 2, 1, 2], [1, 2, 1, 2]])\nFalse\n"
     ">>> array_equiv([1, 2], [[1, 2], [1, 3]])\nFalse\n"},
    {"bincount", bi_bincount, "x, /, weights=None, minlength=0",
     "Count occurrences of each non-negative int in a 1-d array.\n\n"
     "The result has max(x) + 1 bins (at least minlength): int64 counts, "
     "or\nfloat64 sums of weights.\n\n"
     ">>> bincount(arange(5))\narray([1, 1, 1, 1, 1])\n"
     ">>> bincount([0, 1, 1, 3, 2, 1, 7])\narray([1, 3, 1, 1, 0, 0, 0, 1])\n"
     ">>> bincount([0, 1, 1, 2, 2, 2], weights=[0.3, 0.5, 0.2, 0.7, 1., "
     "-0.6])\narray([0.3, 0.7, 1.1])\n"
     ">>> bincount([1], minlength=3)\narray([0, 1, 0])\n"},
    {"can_cast", bi_can_cast, "from_, to, casting='safe'",
     "True when a cast from one dtype to another is allowed by the rule.\n\n"
     "casting is 'no', 'equiv', 'safe', 'same_kind' or 'unsafe'.  from_ "
     "may be\na dtype or an array; Python numbers are a TypeError (NEP "
     "50).\n\n"
     ">>> can_cast(int32, int64)\nTrue\n"
     ">>> can_cast(float64, complex128)\nTrue\n"
     ">>> can_cast(complex128, float64)\nFalse\n"
     ">>> can_cast(\"i8\", \"f8\")\nTrue\n"
     ">>> can_cast(\"i8\", \"f4\")\nFalse\n"
     ">>> can_cast(float64, int8, \"same_kind\")\nFalse\n"},
    {"convolve", bi_convolve, "a, v, mode='full'",
     "Discrete linear convolution of two 1-d sequences.\n\n"
     "mode 'full' (length n+m-1), 'same' (max(n, m)) or 'valid' (only "
     "full\noverlap).  The dtype is the promotion of the inputs'.\n\n"
     ">>> convolve([1, 2, 3], [0, 1, 0.5])\narray([0. , 1. , 2.5, 4. , "
     "1.5])\n"
     ">>> convolve([1, 2, 3], [0, 1, 0.5], 'same')\narray([1. , 2.5, "
     "4. ])\n"
     ">>> convolve([1, 2, 3], [0, 1, 0.5], 'valid')\narray([2.5])\n"},
    {"correlate", bi_correlate, "a, v, mode='valid'",
     "Cross-correlation of two 1-d sequences: c[k] = sum(a[n+k] * "
     "conj(v[n])).\n\n"
     "mode 'valid' (default), 'same' or 'full' as for convolve.\n\n"
     ">>> correlate([1, 2, 3], [0, 1, 0.5])\narray([3.5])\n"
     ">>> correlate([1, 2, 3], [0, 1, 0.5], \"same\")\narray([2. , 3.5, "
     "3. ])\n"
     ">>> correlate([1, 2, 3], [0, 1, 0.5], \"full\")\narray([0.5, 2. , "
     "3.5, 3. , 0. ])\n"
     ">>> correlate([1+1j, 2, 3-1j], [0, 1, 0.5j], 'full')\n"
     "array([0.5-0.5j, 1. +0.j , 1.5-1.5j, 3. -1.j , 0. +0.j ])\n"},
    {"cross", bi_cross, "a, b, axisa=-1, axisb=-1, axisc=-1, axis=None",
     "Cross product of (arrays of) 2- or 3-element vectors.\n\n"
     "The vectors lie along axisa/axisb (axis sets all three); the "
     "result's\nvectors along axisc.  Two 2-vectors give the z "
     "component only.\n\n"
     ">>> cross([1, 2, 3], [4, 5, 6])\narray([-3,  6, -3])\n"
     ">>> cross([1, 2], [4, 5, 6])\narray([12, -6, -3])\n"
     ">>> cross([1, 2], [4, 5])\narray(-3)\n"
     ">>> x = array([[1, 2, 3], [4, 5, 6]])\n"
     ">>> y = array([[4, 5, 6], [1, 2, 3]])\n"
     ">>> cross(x, y)\narray([[-3,  6, -3],\n       [ 3, -6,  3]])\n"
     ">>> cross(x, y, axisc=0)\narray([[-3,  3],\n       [ 6, -6],\n     "
     "  [-3,  3]])\n"},
    {"diff", bi_diff, "a, n=1, axis=-1, prepend=None, append=None",
     "The n-th discrete difference along an axis: a[1:] - a[:-1], n "
     "times.\n\n"
     "prepend/append are joined to a along axis first.  Bool arrays use "
     "!=.\n\n"
     ">>> x = array([1, 2, 4, 7, 0])\n"
     ">>> diff(x)\narray([ 1,  2,  3, -7])\n"
     ">>> diff(x, n=2)\narray([  1,   1, -10])\n"
     ">>> x = array([[1, 3, 6, 10], [0, 5, 6, 8]])\n"
     ">>> diff(x)\narray([[2, 3, 4],\n       [5, 1, 2]])\n"
     ">>> diff(x, axis=0)\narray([[-1,  2,  0, -2]])\n"
     ">>> diff(array([1, 0], dtype=uint8))\narray([255], dtype=uint8)\n"
     ">>> diff([1, 3], prepend=0)\narray([1, 2])\n"},
    {"digitize", bi_digitize, "x, bins, right=False",
     "The index of the bin each value of x falls in.\n\n"
     "bins is 1-d and monotonic; for increasing bins i satisfies\n"
     "bins[i-1] <= x < bins[i] (right=True: bins[i-1] < x <= bins[i]).\n\n"
     ">>> x = array([0.2, 6.4, 3.0, 1.6])\n"
     ">>> bins = array([0.0, 1.0, 2.5, 4.0, 10.0])\n"
     ">>> digitize(x, bins)\narray([1, 4, 3, 2])\n"
     ">>> x = array([1.2, 10.0, 12.4, 15.5, 20.])\n"
     ">>> bins = array([0, 5, 10, 15, 20])\n"
     ">>> digitize(x, bins, right=True)\narray([1, 2, 3, 4, 4])\n"
     ">>> digitize(x, bins, right=False)\narray([1, 3, 3, 4, 5])\n"},
    {"ediff1d", bi_ediff1d, "ary, to_end=None, to_begin=None",
     "Differences between consecutive elements of the flattened array.\n\n"
     "to_begin / to_end are put before / after them.\n\n"
     ">>> x = array([1, 2, 4, 7, 0])\n"
     ">>> ediff1d(x)\narray([ 1,  2,  3, -7])\n"
     ">>> ediff1d(x, to_begin=-99, to_end=array([88, 99]))\n"
     "array([-99,   1,   2,   3,  -7,  88,  99])\n"
     ">>> ediff1d([[1, 2, 4], [1, 6, 24]])\narray([ 1,  2, -3,  5, 18])\n"},
    {"finfo", bi_finfo, "dtype",
     "Machine limits of a floating-point dtype.\n\n"
     "Attributes bits, eps, epsneg, iexp, machep, max, maxexp, min, "
     "minexp,\nnegep, nexp, nmant, precision, resolution, "
     "smallest_normal,\nsmallest_subnormal, tiny and dtype.  A complex "
     "dtype gives its parts' type.\n\n"
     ">>> finfo(float64).eps\n2.220446049250313e-16\n"
     ">>> finfo(float32)\nfinfo(resolution=1e-06, min=-3.4028235e+38, "
     "max=3.4028235e+38, dtype=float32)\n"
     ">>> finfo(complex128).dtype\ndtype('float64')\n"
     ">>> finfo(float32).tiny\n1.1754944e-38\n"},
    {"gradient", bi_gradient, "f, *varargs, axis=None, edge_order=1",
     "The gradient of an N-d array by central differences.\n\n"
     "varargs: one spacing for every axis, or one per axis (a scalar or "
     "the\ncoordinates).  Edges use one-sided differences of order "
     "edge_order (1 or\n2).  One array per axis (a tuple when more than "
     "one).\n\n"
     ">>> f = array([1, 2, 4, 7, 11, 16])\n"
     ">>> gradient(f)\narray([1. , 1.5, 2.5, 3.5, 4.5, 5. ])\n"
     ">>> gradient(f, 2)\narray([0.5 , 0.75, 1.25, 1.75, 2.25, 2.5 ])\n"
     ">>> x = arange(f.size)\n"
     ">>> gradient(f, x)\narray([1. , 1.5, 2.5, 3.5, 4.5, 5. ])\n"
     ">>> x = array([0., 1., 1.5, 3.5, 4., 6.])\n"
     ">>> gradient(f, x)\narray([1. , 3. , 3.5, 6.7, 6.9, 2.5])\n"
     ">>> gradient(array([[1, 2, 6], [3, 4, 5]]))\n"
     "(array([[ 2.,  2., -1.],\n       [ 2.,  2., -1.]]), array([[1. , 2.5, "
     "4. ],\n       [1. , 1. , 1. ]]))\n"
     ">>> gradient(array([[1, 2, 6], [3, 4, 5]]), axis=0)\n"
     "array([[ 2.,  2., -1.],\n       [ 2.,  2., -1.]])\n"
     ">>> x = array([0, 1, 2, 3, 4])\n"
     ">>> gradient(x ** 2, edge_order=2)\narray([0., 2., 4., 6., 8.])\n"},
    {"histogram", bi_histogram,
     "a, bins=10, range=None, density=None, weights=None",
     "Histogram of the (flattened) data: (counts, bin_edges).\n\n"
     "bins: a count of equal-width bins over range (default the data's "
     "min and\nmax), increasing edges, or an estimator name ('auto', "
     "'fd', 'doane',\n'scott', 'stone', 'rice', 'sturges', 'sqrt').  "
     "Every bin is half-open\n[a, b) except the last, [a, b].  "
     "density=True gives a probability\ndensity; weights sum weights "
     "instead of counting.  An estimator never\nmakes bins narrower "
     "than 1 for integer data (NumPy 2).\n\n"
     ">>> histogram([1, 2, 1], bins=[0, 1, 2, 3])\n(array([0, 2, 1]), "
     "array([0, 1, 2, 3]))\n"
     ">>> histogram(arange(4), bins=arange(5), density=True)\n"
     "(array([0.25, 0.25, 0.25, 0.25]), array([0, 1, 2, 3, 4]))\n"
     ">>> histogram([[1, 2, 1], [1, 0, 1]], bins=[0, 1, 2, 3])\n"
     "(array([1, 4, 1]), array([0, 1, 2, 3]))\n"
     ">>> histogram([1, 2, 3, 4], bins=2)\n(array([2, 2]), array([1. , "
     "2.5, 4. ]))\n"
     ">>> histogram(arange(10), bins='auto')[0]\n"
     "array([2, 2, 2, 2, 2])\n"},
    {"histogram2d", bi_histogram2d,
     "x, y, bins=10, range=None, density=None, weights=None",
     "2-d histogram of points (x[i], y[i]): (H, xedges, yedges).\n\n"
     "bins: an int or edges for both axes, or [bx, by] (each an int or "
     "edges);\nrange [[xmin, xmax], [ymin, ymax]].  H is float64 with x "
     "along the\nfirst axis.\n\n"
     ">>> H, xe, ye = histogram2d([0, 1, 1, 3], [0, 0, 2, 3], bins=2)\n"
     ">>> H\narray([[2., 1.],\n       [0., 1.]])\n"
     ">>> xe\narray([0. , 1.5, 3. ])\n"
     ">>> histogram2d([1, 2], [1, 2], bins=[[0, 1.5, 3], [0, 3]])[0]\n"
     "array([[1.],\n       [1.]])\n"},
    {"histogram_bin_edges", bi_histogram_bin_edges,
     "a, bins=10, range=None, weights=None",
     "The bin edges histogram would use for the same arguments.\n\n"
     ">>> arr = array([0., 0, 0, 1, 2, 3, 3, 4, 5])\n"
     ">>> histogram_bin_edges(arr, bins='auto', range=(0, 1))\n"
     "array([0.  , 0.25, 0.5 , 0.75, 1.  ])\n"
     ">>> histogram_bin_edges(arr, bins=2)\narray([0. , 2.5, 5. ])\n"
     ">>> histogram_bin_edges(arr, [1, 2])\narray([1, 2])\n"
     ">>> histogram_bin_edges(arr, bins='fd', range=(0, 5))\n"
     "array([0. , 2.5, 5. ])\n"},
    {"iinfo", bi_iinfo, "int_type",
     "Machine limits of an integer dtype: bits, min, max, dtype, kind.\n\n"
     ">>> iinfo(int8)\niinfo(min=-128, max=127, dtype=int8)\n"
     ">>> iinfo(int32).max\n2147483647\n"
     ">>> iinfo(uint64).max\n18446744073709551615\n"
     ">>> iinfo(int).min\n-9223372036854775808\n"
     ">>> iinfo(uint8).bits\n8\n"},
    {"interp", bi_interp, "x, xp, fp, left=None, right=None, period=None",
     "One-dimensional piecewise-linear interpolation of (xp, fp) at x.\n\n"
     "xp must increase (or give a period, then it need not be sorted).  "
     "Below\nxp[0] gives left (default fp[0]), above xp[-1] right "
     "(default fp[-1]).\nComplex fp gives complex results.\n\n"
     ">>> xp = [1, 2, 3]\n>>> fp = [3, 2, 0]\n"
     ">>> interp(2.5, xp, fp)\n1.0\n"
     ">>> interp([0, 1, 1.5, 2.72, 3.14], xp, fp)\n"
     "array([3.  , 3.  , 2.5 , 0.56, 0.  ])\n"
     ">>> interp(3.14, xp, fp, right=-99.0)\n-99.0\n"
     ">>> x = [-180, -170, -185, 185, -10, -5, 0, 365]\n"
     ">>> xp = [190, -190, 350, -350]\n>>> fp = [5, 10, 3, 4]\n"
     ">>> interp(x, xp, fp, period=360)\n"
     "array([7.5 , 5.  , 8.75, 6.25, 3.  , 3.25, 3.5 , 3.75])\n"
     ">>> interp(1.5, [1, 2, 3], [1.0j, 0, 2+3j])\n0.5j\n"},
    {"isclose", bi_isclose, "a, b, rtol=1e-05, atol=1e-08, equal_nan=False",
     "Elementwise: are a and b equal within a tolerance?\n\n"
     "NumPy 2's test: abs(a - b) <= atol + rtol * abs(b) with b finite, "
     "or\na == b (so inf equals inf).  NaN equals NaN only with "
     "equal_nan.\nNot symmetric in a and b.\n\n"
     ">>> isclose([1e10, 1e-7], [1.00001e10, 1e-8])\narray([ True, "
     "False])\n"
     ">>> isclose([1e10, 1e-8], [1.00001e10, 1e-9])\narray([ True,  "
     "True])\n"
     ">>> isclose([1.0, nan], [1.0, nan], equal_nan=True)\narray([ True,  "
     "True])\n"
     ">>> isclose([1e-100, 1e-7], [0.0, 0.0], atol=0.0)\narray([False, "
     "False])\n"
     ">>> isclose(1.0, 1.0 + 1e-9)\nTrue\n"},
    {"ndim", bi_ndim, "a",
     "The number of dimensions of an array (or of what array(a) would "
     "be).\n\n"
     ">>> ndim([[1, 2, 3], [4, 5, 6]])\n2\n"
     ">>> ndim(array([[1, 2, 3], [4, 5, 6]]))\n2\n"
     ">>> ndim(1)\n0\n"},
    {"promote_types", bi_promote_types, "type1, type2",
     "The smallest dtype both given dtypes cast to safely.\n\n"
     ">>> promote_types(\"f4\", \"f8\")\ndtype('float64')\n"
     ">>> promote_types(\"i8\", \"f4\")\ndtype('float64')\n"
     ">>> promote_types(int8, uint8)\ndtype('int16')\n"
     ">>> promote_types(uint64, int64)\ndtype('float64')\n"},
    {"result_type", bi_result_type, "*arrays_and_dtypes",
     "The dtype NumPy's rules give for an operation on the arguments.\n\n"
     "NEP 50: Python numbers are weak (they take the other operand's "
     "dtype\nwhen of the same or lower kind).\n\n"
     ">>> result_type(3, arange(7, dtype=\"i1\"))\ndtype('int8')\n"
     ">>> result_type(\"i4\", \"c8\")\ndtype('complex128')\n"
     ">>> result_type(3.0, -2)\ndtype('float64')\n"
     ">>> result_type(float32, 1.5)\ndtype('float32')\n"},
    {"shape", bi_shape, "a",
     "The shape of an array (or of what array(a) would be), a tuple.\n\n"
     ">>> shape(eye(3))\n(3, 3)\n"
     ">>> shape([[1, 3]])\n(1, 2)\n"
     ">>> shape([0])\n(1,)\n"
     ">>> shape(0)\n()\n"},
    {"size", bi_size, "a, axis=None",
     "The number of elements, or the length along axis.\n\n"
     ">>> a = array([[1, 2, 3], [4, 5, 6]])\n"
     ">>> size(a)\n6\n>>> size(a, 1)\n3\n>>> size(a, 0)\n2\n"},
    {"sliding_window_view", bi_sliding_window_view,
     "x, window_shape, axis=None, *, subok=False, writeable=False",
     "A read-only view of every window of window_shape (NumPy's\n"
     "lib.stride_tricks.sliding_window_view).\n\n"
     "The windows' axes are appended to x's (shortened) axes; axis "
     "picks\nwhich axes the window slides along (default all, in "
     "order).  No copy.\n\n"
     ">>> x = arange(6)\n"
     ">>> sliding_window_view(x, 3)\narray([[0, 1, 2],\n       [1, 2, 3],\n "
     "      [2, 3, 4],\n       [3, 4, 5]])\n"
     ">>> x = arange(6).reshape(2, 3)\n"
     ">>> v = sliding_window_view(x, 2, axis=1)\n"
     ">>> v.shape\n(2, 2, 2)\n"
     ">>> v[1]\narray([[3, 4],\n       [4, 5]])\n"
     ">>> v.flags.writeable\nFalse\n"},
    {"trapezoid", bi_trapezoid, "y, x=None, dx=1.0, axis=-1",
     TRAPEZOID_HELP(trapezoid)},
    {"trapz", bi_trapezoid, "y, x=None, dx=1.0, axis=-1",
     TRAPEZOID_HELP(trapz)},
    {"vectorize", bi_vectorize,
     "pyfunc, otypes=None, doc=None, excluded=None, cache=False, "
     "signature=None",
     "Make a function apply elementwise over broadcast arrays.\n\n"
     "Calling the result calls pyfunc once per element (no speed-up: a "
     "loop).\nThe output dtype is otypes (type codes such as \"d\" or a "
     "list of\ndtypes), else that of the first result; a function "
     "returning a tuple\ngives a tuple of arrays.  excluded= and "
     "signature= are not supported.\n\n"
     ">>> def myfunc(a, b)\n...     return a - b if a > b else a + b\n"
     "... end\n"
     ">>> vfunc = vectorize(myfunc)\n"
     ">>> vfunc([1, 2, 3, 4], 2)\narray([3, 4, 1, 2])\n"
     ">>> vfunc = vectorize(myfunc, otypes=[float])\n"
     ">>> vfunc([1, 2, 3, 4], 2)\narray([3., 4., 1., 2.])\n"
     ">>> vectorize(x -> (x, x * 2))([1, 2])\n(array([1, 2]), "
     "array([2, 4]))\n"},
};

/* ------------------------------------------------- lib.stride_tricks */

/* `lib.stride_tricks.sliding_window_view`, so NumPy code spelled that way
 * runs: two small builtin modules, made on first use and kept for the
 * process (like the np module). */
static const BuiltinDef stride_tricks_defs[] = {
    {"sliding_window_view", bi_sliding_window_view,
     "x, window_shape, axis=None, *, subok=False, writeable=False",
     "A read-only view of every window of window_shape; the same as the "
     "root\nsliding_window_view.\n\n"
     ">>> lib.stride_tricks.sliding_window_view(arange(4), 2)\n"
     "array([[0, 1],\n       [1, 2],\n       [2, 3]])\n"},
};
static const Namespace ns_stride_tricks = {
    .name = "stride_tricks",
    .defs = stride_tricks_defs,
    .ndefs = 1,
    .help = "numpy.lib.stride_tricks: sliding_window_view.",
};
static const Namespace *const stride_tricks_list[] = {&ns_stride_tricks, NULL};

static Value builtin_submodule(Module **slot, const char *name,
                               const Namespace *const *ns)
{
    if (!*slot) {
        Module *m = calloc(1, sizeof *m);
        if (!m)
            return rt_raise(ERR_MEMORY, "out of memory");
        m->h.refcount = 1; /* the slot's reference, never dropped */
        m->h.kind = VK_MODULE;
        m->name = name;
        m->ns = ns;
        m->globals = v_none();
        m->cache = v_none();
        *slot = m;
    }
    Value v = v_obj(&(*slot)->h);
    v_incref(v);
    return v;
}

static Value make_stride_tricks(void)
{
    static Module *m;
    return builtin_submodule(&m, "numpy.lib.stride_tricks", stride_tricks_list);
}

static const NsConst lib_consts[] = {
    {"stride_tricks", make_stride_tricks,
     "stride_tricks: numpy.lib.stride_tricks (sliding_window_view).\n\n"
     ">>> lib.stride_tricks\n<module 'numpy.lib.stride_tricks'>\n"},
};
static const Namespace ns_lib = {
    .name = "lib",
    .consts = lib_consts,
    .nconsts = 1,
    .help = "numpy.lib: stride_tricks.",
};
static const Namespace *const lib_list[] = {&ns_lib, NULL};

static Value make_lib(void)
{
    static Module *m;
    return builtin_submodule(&m, "numpy.lib", lib_list);
}

static const NsConst numeric_consts[] = {
    {"lib", make_lib,
     "lib: NumPy's numpy.lib namespace; here only "
     "lib.stride_tricks.sliding_window_view.\n\n"
     ">>> lib.stride_tricks.sliding_window_view([1, 2, 3], 2)\n"
     "array([[1, 2],\n       [2, 3]])\n"},
};

const Namespace ns_numeric = {
    .name = "numeric",
    .defs = numeric_defs,
    .ndefs = sizeof numeric_defs / sizeof numeric_defs[0],
    .consts = numeric_consts,
    .nconsts = 1,
    .help = "Numeric helpers: diff, gradient, cross, trapezoid, convolve, "
            "interp, histogram, isclose, finfo, vectorize, ...",
};
const Namespace ns_numeric_methods = {"ndarray", NULL, 0, NULL, 0, NULL};
