/* reduce.c — the builtins of reductions and statistics: sum, prod, amax,
 * amin, argmax, argmin, ptp, any, all, mean, std, var, cumsum, cumprod and
 * their nan- versions, median, percentile, quantile, average, cov,
 * corrcoef, as root functions with NumPy 2's signatures, and the ndarray
 * methods a.sum(), a.max(), a.mean(), ...  (max/min of the root are
 * core.c's: Python's builtins extended to arrays.)  Each builtin reads its
 * arguments (axis as None, an int or a tuple of ints) and calls the one
 * function of lib/reduce.c that does the work. */
#include <math.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

/* One axis number.  An ndarray is an axis only when it is 0-d of an
 * integer dtype (NumPy's operator.index), otherwise NumPy's text. */
static int axis_int(Value v, int *axis)
{
    if (v.kind == VK_ARRAY) {
        NdKind k = nd_dtype_kind(v.as.array->dtype);
        if (v.as.array->ndim != 0 || (k != ND_KIND_INT && k != ND_KIND_UINT))
            return rt_fail(ERR_TYPE, "only integer scalar arrays can be "
                                     "converted to a scalar index");
    }
    int64_t ax;
    if (bi_get_int(v, &ax) < 0)
        return -1;
    *axis = (int)(ax < -1000 ? -1000 : ax > 1000 ? 1000 : ax);
    return 0;
}

/* axis: None/unset -> *naxes = -1; an int -> 1; a tuple of ints.  The
 * ufunc-style reductions (sum, mean, ...) take only a tuple as several
 * axes, as NumPy's: a list is "'list' object cannot be interpreted as an
 * integer" and an ndarray (nd's [0, 1]) "only integer scalar arrays ...".
 * With any_seq (median, quantile: NumPy's normalize_axis_tuple) a list
 * or a 1-d array of axes is taken too. */
static int get_axes(Value v, int *axes, int *naxes, bool any_seq)
{
    if (!given(v)) {
        *naxes = -1;
        return 0;
    }
    bool seq = v.kind == VK_TUPLE ||
               (any_seq && (v.kind == VK_LIST ||
                            (v.kind == VK_ARRAY && v.as.array->ndim == 1)));
    if (any_seq && v.kind == VK_ARRAY && v.as.array->ndim == 0) {
        NdKind k = nd_dtype_kind(v.as.array->dtype);
        if (k != ND_KIND_INT && k != ND_KIND_UINT)
            return rt_fail(ERR_TYPE, "iteration over a 0-d array");
    }
    if (seq) {
        int64_t n;
        if (value_len(v, &n) < 0)
            return -1;
        if (n > ND_MAXDIMS)
            return rt_fail(ERR_VALUE, "too many axes");
        ValueIter it;
        if (iter_start(&it, v) < 0)
            return -1;
        int k = 0;
        Value item;
        int rc;
        while ((rc = iter_next(&it, &item)) > 0) {
            int r = axis_int(item, &axes[k++]);
            v_decref(item);
            if (r < 0) {
                iter_end(&it);
                return -1;
            }
        }
        iter_end(&it);
        if (rc < 0)
            return -1;
        *naxes = k;
        return 0;
    }
    if (axis_int(v, &axes[0]) < 0)
        return -1;
    *naxes = 1;
    return 0;
}

/* A single axis (argmax, cumsum): unset/None -> *has = false. */
static int get_axis1(Value v, bool *has, int *axis)
{
    *has = given(v);
    if (!*has)
        return 0;
    return axis_int(v, axis);
}

/* bi_get_dtype: exported (builtins.h); ma.c reads its reductions'
 * arguments with it too. */
int bi_get_dtype(Value v, NdType *out)
{
    *out = ND_NTYPES;
    return given(v) ? value_to_dtype(v, out) : 0;
}

static int get_ddof(Value v, double *out)
{
    *out = 0;
    if (!given(v))
        return 0;
    return value_to_double(v, out);
}

/* initial=: a number or unset/None. */
static int get_initial(Value v, NdScalar *s, const NdScalar **out)
{
    *out = NULL;
    if (!given(v))
        return 0;
    NdArray *a = value_to_array(v, ND_NTYPES);
    if (!a)
        return -1;
    if (a->ndim != 0) {
        nd_decref(a);
        return rt_fail(ERR_VALUE, "Input object to FillWithScalar is not a "
                                  "scalar");
    }
    int rc = nd_item(a, s);
    nd_decref(a);
    if (rc < 0)
        return rt_fail_from_lib();
    *out = s;
    return 0;
}

/* where=: unset/True -> NULL; else a bool array. */
static int get_where(Value v, NdArray **out)
{
    *out = NULL;
    if (v.kind == VK_UNSET)
        return 0;
    if (v.kind == VK_SCALAR && v.dtype == ND_BOOL && v.as.b)
        return 0;
    NdArray *a = value_to_array(v, ND_NTYPES);
    if (!a)
        return -1;
    if (a->dtype != ND_BOOL) {
        NdArray *b = nd_astype(a, ND_BOOL, ND_CAST_SAFE, true);
        nd_decref(a);
        if (!b)
            return rt_fail_from_lib();
        a = b;
    }
    *out = a;
    return 0;
}

static NdArray *get_array(Value v)
{
    return value_to_array(v, ND_NTYPES);
}

/* The result, written into out= when given. */
static Value finish(NdArray *r, Value out)
{
    if (!r)
        return rt_from_lib();
    if (!given(out))
        return bi_result(r);
    if (out.kind != VK_ARRAY) {
        nd_decref(r);
        return rt_raise(ERR_TYPE, "output must be an array");
    }
    NdArray *o = out.as.array;
    bool same = o->ndim == r->ndim;
    for (int d = 0; same && d < r->ndim; d++)
        same = o->shape[d] == r->shape[d];
    if (!same) {
        char a[256], b[256];
        nd_shape_str(a, sizeof a, o->ndim, o->shape);
        nd_shape_str(b, sizeof b, r->ndim, r->shape);
        nd_decref(r);
        return rt_raise(ERR_VALUE,
                        "output parameter has the wrong shape: %s, expected %s",
                        a, b);
    }
    int rc = nd_copyto(o, r, ND_CAST_UNSAFE);
    nd_decref(r);
    if (rc < 0)
        return rt_from_lib();
    v_incref(out);
    return out;
}

/* ------------------------------------------------------ the reductions */

/* args: a, axis, dtype, out, keepdims, initial, where */
typedef NdArray *(*SumFn)(NdArray *, const int *, int, bool, NdType,
                          const NdScalar *, NdArray *);

static Value sum_like(Value *args, SumFn fn)
{
    int axes[ND_MAXDIMS], naxes;
    NdType dt;
    bool keep;
    NdScalar init;
    const NdScalar *ip;
    NdArray *where;
    if (get_axes(args[1], axes, &naxes, false) < 0 ||
        bi_get_dtype(args[2], &dt) < 0 ||
        bi_get_bool(args[4], false, &keep) < 0 ||
        get_initial(args[5], &init, &ip) < 0 || get_where(args[6], &where) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a) {
        nd_decref(where);
        return v_error();
    }
    NdArray *r = fn(a, axes, naxes, keep, dt, ip, where);
    nd_decref(a);
    nd_decref(where);
    return finish(r, args[3]);
}

/* (P12B) A native kind with a method of the same name takes the root
 * call: sum(m) of a masked array is m.sum(). */
#define NATIVE_DISPATCH(METHOD, ROOT)                                          \
    do {                                                                       \
        Value r_;                                                              \
        if (args[0].kind == VK_OBJECT &&                                       \
            native_method_dispatch(METHOD, ns_lookup(&ns_reduce, ROOT), args,  \
                                   &r_))                                       \
            return r_;                                                         \
    } while (0)

static Value bi_sum(Value *args)
{
    NATIVE_DISPATCH("sum", "sum");
    return sum_like(args, nd_sum);
}
static Value bi_prod(Value *args)
{
    NATIVE_DISPATCH("prod", "prod");
    return sum_like(args, nd_prod);
}
static Value bi_nansum(Value *args)
{
    return sum_like(args, nd_nansum);
}
static Value bi_nanprod(Value *args)
{
    return sum_like(args, nd_nanprod);
}

/* args: a, axis, out, keepdims, initial, where */
typedef NdArray *(*MaxFn)(NdArray *, const int *, int, bool, const NdScalar *,
                          NdArray *);

static Value max_like(Value *args, MaxFn fn)
{
    int axes[ND_MAXDIMS], naxes;
    bool keep;
    NdScalar init;
    const NdScalar *ip;
    NdArray *where;
    if (get_axes(args[1], axes, &naxes, false) < 0 ||
        bi_get_bool(args[3], false, &keep) < 0 ||
        get_initial(args[4], &init, &ip) < 0 || get_where(args[5], &where) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a) {
        nd_decref(where);
        return v_error();
    }
    NdArray *r = fn(a, axes, naxes, keep, ip, where);
    nd_decref(a);
    nd_decref(where);
    return finish(r, args[2]);
}

static Value bi_amax(Value *args)
{
    NATIVE_DISPATCH("max", "amax");
    return max_like(args, nd_max);
}
static Value bi_amin(Value *args)
{
    NATIVE_DISPATCH("min", "amin");
    return max_like(args, nd_min);
}
static Value bi_nanmax(Value *args)
{
    return max_like(args, nd_nanmax);
}
static Value bi_nanmin(Value *args)
{
    return max_like(args, nd_nanmin);
}

/* args: a, axis, out, keepdims, where */
static Value anyall(Value *args, bool any)
{
    int axes[ND_MAXDIMS], naxes;
    bool keep;
    NdArray *where;
    if (get_axes(args[1], axes, &naxes, false) < 0 ||
        bi_get_bool(args[3], false, &keep) < 0 ||
        get_where(args[4], &where) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a) {
        nd_decref(where);
        return v_error();
    }
    NdArray *r = any ? nd_any(a, axes, naxes, keep, where)
                     : nd_all(a, axes, naxes, keep, where);
    nd_decref(a);
    nd_decref(where);
    return finish(r, args[2]);
}

static Value bi_any(Value *args)
{
    return anyall(args, true);
}
static Value bi_all(Value *args)
{
    return anyall(args, false);
}

/* args: a, axis, out, keepdims */
static Value bi_ptp(Value *args)
{
    int axes[ND_MAXDIMS], naxes;
    bool keep;
    if (get_axes(args[1], axes, &naxes, false) < 0 ||
        bi_get_bool(args[3], false, &keep) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_ptp(a, axes, naxes, keep);
    nd_decref(a);
    return finish(r, args[2]);
}

/* args: a, axis, out, keepdims (keyword-only) */
typedef NdArray *(*ArgFn)(NdArray *, bool, int, bool);

static Value arg_like(Value *args, ArgFn fn)
{
    bool has, keep;
    int axis = 0;
    if (get_axis1(args[1], &has, &axis) < 0 ||
        bi_get_bool(args[3], false, &keep) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = fn(a, has, axis, keep);
    nd_decref(a);
    return finish(r, args[2]);
}

static Value bi_argmax(Value *args)
{
    NATIVE_DISPATCH("argmax", "argmax");
    return arg_like(args, nd_argmax);
}
static Value bi_argmin(Value *args)
{
    NATIVE_DISPATCH("argmin", "argmin");
    return arg_like(args, nd_argmin);
}
static Value bi_nanargmax(Value *args)
{
    return arg_like(args, nd_nanargmax);
}
static Value bi_nanargmin(Value *args)
{
    return arg_like(args, nd_nanargmin);
}

/* args: a, axis, dtype, out, keepdims, where */
typedef NdArray *(*MeanFn)(NdArray *, const int *, int, bool, NdType,
                           NdArray *);

static Value mean_like(Value *args, MeanFn fn)
{
    int axes[ND_MAXDIMS], naxes;
    NdType dt;
    bool keep;
    NdArray *where;
    if (get_axes(args[1], axes, &naxes, false) < 0 ||
        bi_get_dtype(args[2], &dt) < 0 ||
        bi_get_bool(args[4], false, &keep) < 0 ||
        get_where(args[5], &where) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a) {
        nd_decref(where);
        return v_error();
    }
    NdArray *r = fn(a, axes, naxes, keep, dt, where);
    nd_decref(a);
    nd_decref(where);
    return finish(r, args[3]);
}

static Value bi_mean(Value *args)
{
    NATIVE_DISPATCH("mean", "mean");
    return mean_like(args, nd_mean);
}
static Value bi_nanmean(Value *args)
{
    return mean_like(args, nd_nanmean);
}

/* args: a, axis, dtype, out, ddof, keepdims, where, mean, correction */
typedef NdArray *(*VarFn)(NdArray *, const int *, int, bool, NdType, double,
                          NdArray *);

static Value var_like(Value *args, VarFn fn)
{
    int axes[ND_MAXDIMS], naxes;
    NdType dt;
    bool keep;
    double ddof;
    NdArray *where;
    if (given(args[7]))
        return rt_raise(ERR_TYPE, "mean= is not supported yet");
    if (given(args[8])) {
        if (given(args[4]))
            return rt_raise(ERR_VALUE, "ddof and correction can't be provided "
                                       "simultaneously.");
        args[4] = args[8];
    }
    if (get_axes(args[1], axes, &naxes, false) < 0 ||
        bi_get_dtype(args[2], &dt) < 0 || get_ddof(args[4], &ddof) < 0 ||
        bi_get_bool(args[5], false, &keep) < 0 ||
        get_where(args[6], &where) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a) {
        nd_decref(where);
        return v_error();
    }
    NdArray *r = fn(a, axes, naxes, keep, dt, ddof, where);
    nd_decref(a);
    nd_decref(where);
    return finish(r, args[3]);
}

static Value bi_var(Value *args)
{
    NATIVE_DISPATCH("var", "var");
    return var_like(args, nd_var);
}
static Value bi_std(Value *args)
{
    NATIVE_DISPATCH("std", "std");
    return var_like(args, nd_std);
}
static Value bi_nanvar(Value *args)
{
    return var_like(args, nd_nanvar);
}
static Value bi_nanstd(Value *args)
{
    return var_like(args, nd_nanstd);
}

/* args: a, axis, dtype, out */
typedef NdArray *(*CumFn)(NdArray *, bool, int, NdType);

static Value cum_like(Value *args, CumFn fn)
{
    bool has;
    int axis = 0;
    NdType dt;
    if (get_axis1(args[1], &has, &axis) < 0 || bi_get_dtype(args[2], &dt) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = fn(a, has, axis, dt);
    nd_decref(a);
    if (r && !given(args[3]))
        return bi_result_array(r);
    return finish(r, args[3]);
}

static Value bi_cumsum(Value *args)
{
    return cum_like(args, nd_cumsum);
}
static Value bi_cumprod(Value *args)
{
    return cum_like(args, nd_cumprod);
}
static Value bi_nancumsum(Value *args)
{
    return cum_like(args, nd_nancumsum);
}
static Value bi_nancumprod(Value *args)
{
    return cum_like(args, nd_nancumprod);
}

/* ------------------------------------------------------------ statistics */

/* args: a, axis, out, overwrite_input, keepdims */
static Value median_like(Value *args, bool nan_skip)
{
    int axes[ND_MAXDIMS], naxes;
    bool keep;
    if (get_axes(args[1], axes, &naxes, true) < 0 ||
        bi_get_bool(args[4], false, &keep) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_median(a, axes, naxes, keep, nan_skip);
    nd_decref(a);
    return finish(r, args[2]);
}

static Value bi_median(Value *args)
{
    NATIVE_DISPATCH("median", "median");
    return median_like(args, false);
}
static Value bi_nanmedian(Value *args)
{
    return median_like(args, true);
}

/* args: a, q, axis, out, overwrite_input, method, keepdims, weights,
 * interpolation */
static Value quantile_like(Value *args, bool percent, bool nan_skip)
{
    int axes[ND_MAXDIMS], naxes;
    bool keep;
    NdQuantileMethod m = ND_Q_LINEAR;
    if (given(args[7]))
        return rt_raise(ERR_TYPE, "weights= is not supported yet");
    Value mv = given(args[5]) ? args[5] : args[8];
    if (given(mv)) {
        const char *name;
        if (bi_get_str(mv, percent ? "percentile" : "quantile", "method",
                       &name) < 0)
            return v_error();
        if (nd_quantile_method(name, &m) < 0)
            return rt_from_lib();
    }
    if (get_axes(args[2], axes, &naxes, true) < 0 ||
        bi_get_bool(args[6], false, &keep) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a)
        return v_error();
    NdArray *q = get_array(args[1]);
    if (!q) {
        nd_decref(a);
        return v_error();
    }
    NdArray *qd = nd_astype(q, ND_FLOAT64, ND_CAST_UNSAFE, true);
    nd_decref(q);
    if (!qd) {
        nd_decref(a);
        return rt_from_lib();
    }
    bool f32 = a->dtype == ND_FLOAT32 && qd->ndim == 0;
    double *qv = (double *)(void *)qd->data;
    for (int64_t i = 0; i < qd->size; i++) {
        if (percent) {
            if (!(qv[i] >= 0 && qv[i] <= 100)) {
                nd_decref(a);
                nd_decref(qd);
                return rt_raise(ERR_VALUE,
                                "Percentiles must be in the range [0, 100]");
            }
            qv[i] = f32 ? (double)((float)qv[i] / 100.0f) : qv[i] / 100;
        }
    }
    NdArray *r = nd_quantile(a, qd, axes, naxes, keep, m, nan_skip);
    nd_decref(a);
    nd_decref(qd);
    return finish(r, args[3]);
}

static Value bi_quantile(Value *args)
{
    return quantile_like(args, false, false);
}
static Value bi_percentile(Value *args)
{
    return quantile_like(args, true, false);
}
static Value bi_nanquantile(Value *args)
{
    return quantile_like(args, false, true);
}
static Value bi_nanpercentile(Value *args)
{
    return quantile_like(args, true, true);
}

/* args: a, axis, weights, returned, keepdims */
static Value bi_average(Value *args)
{
    int axes[ND_MAXDIMS], naxes;
    bool returned, keep;
    if (get_axes(args[1], axes, &naxes, false) < 0 ||
        bi_get_bool(args[3], false, &returned) < 0 ||
        bi_get_bool(args[4], false, &keep) < 0)
        return v_error();
    NdArray *a = get_array(args[0]);
    if (!a)
        return v_error();
    NdArray *w = NULL;
    if (given(args[2])) {
        w = get_array(args[2]);
        if (!w) {
            nd_decref(a);
            return v_error();
        }
    }
    NdArray *sum = NULL;
    NdArray *r = nd_average(a, axes, naxes, w, keep, returned ? &sum : NULL);
    nd_decref(a);
    nd_decref(w);
    if (!returned)
        return bi_result(r);
    if (!r)
        return rt_from_lib();
    Value t = v_tuple_new(2);
    if (v_is_err(t)) {
        nd_decref(r);
        nd_decref(sum);
        return t;
    }
    tuple_set_take(t, 0, bi_result(r));
    tuple_set_take(t, 1, bi_result(sum));
    return t;
}

/* args: m, y, rowvar, bias, ddof, fweights, aweights, dtype */
static Value bi_cov(Value *args)
{
    bool rowvar = true, bias;
    if (args[2].kind != VK_UNSET && bi_get_bool(args[2], false, &rowvar) < 0)
        return v_error();
    if (bi_get_bool(args[3], false, &bias) < 0)
        return v_error();
    int64_t ddof = -1;
    if (given(args[4])) {
        if (bi_get_int(args[4], &ddof) < 0)
            return v_error();
        if (ddof < 0)
            ddof = ddof; /* NumPy allows it; the factor then grows */
    }
    NdType dt;
    if (bi_get_dtype(args[7], &dt) < 0)
        return v_error();
    NdArray *arr[4] = {NULL, NULL, NULL, NULL};
    Value src[4] = {args[0], args[1], args[5], args[6]};
    for (int i = 0; i < 4; i++) {
        if (i > 0 && !given(src[i]))
            continue;
        arr[i] = get_array(src[i]);
        if (!arr[i]) {
            for (int j = 0; j < i; j++)
                nd_decref(arr[j]);
            return v_error();
        }
    }
    NdArray *r = nd_cov(arr[0], arr[1], rowvar, bias, ddof, arr[2], arr[3], dt);
    for (int i = 0; i < 4; i++)
        nd_decref(arr[i]);
    return bi_result(r);
}

/* args: x, y, rowvar, bias, ddof, dtype */
static Value bi_corrcoef(Value *args)
{
    bool rowvar = true;
    if (args[2].kind != VK_UNSET && bi_get_bool(args[2], false, &rowvar) < 0)
        return v_error();
    NdType dt;
    if (bi_get_dtype(args[5], &dt) < 0)
        return v_error();
    NdArray *x = get_array(args[0]);
    if (!x)
        return v_error();
    NdArray *y = NULL;
    if (given(args[1])) {
        y = get_array(args[1]);
        if (!y) {
            nd_decref(x);
            return v_error();
        }
    }
    NdArray *r = nd_corrcoef(x, y, rowvar, dt);
    nd_decref(x);
    nd_decref(y);
    return bi_result(r);
}

/* ---------------------------------------------------------------- tables */

#define SUM_PARAMS                                                             \
    "a, axis=None, dtype=None, out=None, keepdims=False, initial=None, "       \
    "where=True"
#define MAX_PARAMS                                                             \
    "a, axis=None, out=None, keepdims=False, initial=None, where=True"
#define MEAN_PARAMS                                                            \
    "a, axis=None, dtype=None, out=None, keepdims=False, *, where=True"
#define VAR_PARAMS                                                             \
    "a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, "          \
    "where=True, mean=None, correction=None"
#define ARG_PARAMS "a, axis=None, out=None, *, keepdims=False"
#define ANY_PARAMS "a, axis=None, out=None, keepdims=False, *, where=True"
#define CUM_PARAMS "a, axis=None, dtype=None, out=None"
#define Q_PARAMS                                                               \
    "a, q, axis=None, out=None, overwrite_input=False, method='linear', "      \
    "keepdims=False, *, weights=None, interpolation=None"
#define MED_PARAMS                                                             \
    "a, axis=None, out=None, overwrite_input=False, keepdims=False"

/* Help texts: a summary, the details, then examples with nd's exact
 * output (tests/unit/test_docs runs them). */
#define HELP_SUM                                                               \
    "Sum of array elements over the given axes.\n\n"                           \
    "Integers add in int64 (uint64 for unsigned), bools count; floats use\n"   \
    "pairwise summation in one fixed order, whatever the layout.  initial\n"   \
    "is added to the sum; where= masks elements out.\n\n"                      \
    ">>> sum([[0, 1], [0, 5]])\n6\n"                                           \
    ">>> sum([[0, 1], [0, 5]], axis=0)\narray([0, 6])\n"                       \
    ">>> sum([0.5, 1.5], dtype=int32)\n1\n"                                    \
    ">>> sum([10], initial=5)\n15\n"                                           \
    ">>> sum([True, True, False])\n2\n"
#define HELP_PROD                                                              \
    "Product of array elements over the given axes.\n\n"                       \
    "The empty product is 1.  Integers multiply in int64 (uint64 for\n"        \
    "unsigned) and wrap on overflow.\n\n"                                      \
    ">>> prod([1., 2.])\n2.0\n"                                                \
    ">>> prod([[1., 2.], [3., 4.]], axis=1)\narray([ 2., 12.])\n"              \
    ">>> prod([])\n1.0\n"
#define HELP_AMAX                                                              \
    "The maximum of an array or the maxima along the given axes.\n\n"          \
    "NaN propagates.  An empty reduction without initial= is a "               \
    "ValueError.\n\n"                                                          \
    ">>> a = arange(4).reshape((2, 2))\n>>> amax(a)\n3\n"                      \
    ">>> amax(a, axis=0)\narray([2, 3])\n"                                     \
    ">>> amax([5.0, nan])\nnan\n"                                              \
    ">>> amax([], initial=-1)\n-1.0\n"
#define HELP_AMIN                                                              \
    "The minimum of an array or the minima along the given axes.\n\n"          \
    "NaN propagates.  An empty reduction without initial= is a "               \
    "ValueError.\n\n"                                                          \
    ">>> a = arange(4).reshape((2, 2))\n>>> amin(a)\n0\n"                      \
    ">>> amin(a, axis=1)\narray([0, 2])\n"                                     \
    ">>> amin([[1, 5], [3, 2]], axis=0, keepdims=True)\narray([[1, 2]])\n"
#define HELP_ANY                                                               \
    "Whether any element (along the given axes) is true.\n\n"                  \
    "NaN counts as true; the empty reduction is False.\n\n"                    \
    ">>> any([[True, False], [False, False]])\nTrue\n"                         \
    ">>> any([[True, False], [False, False]], axis=0)\narray([ True, "         \
    "False])\n"                                                                \
    ">>> any([])\nFalse\n"
#define HELP_ALL                                                               \
    "Whether every element (along the given axes) is true.\n\n"                \
    "NaN counts as true; the empty reduction is True.\n\n"                     \
    ">>> all([[True, False], [True, True]])\nFalse\n"                          \
    ">>> all([[True, False], [True, True]], axis=0)\narray([ True, False])\n"  \
    ">>> all([nan, -inf])\nTrue\n"
#define HELP_ARGMAX                                                            \
    "The index of the maximum (of the flattened array, or along an axis).\n\n" \
    "The first occurrence wins; a NaN counts as the maximum.\n\n"              \
    ">>> a = array([[10, 11, 12], [13, 14, 15]])\n>>> argmax(a)\n5\n"          \
    ">>> argmax(a, axis=0)\narray([1, 1, 1])\n"                                \
    ">>> argmax([0, 5, 5])\n1\n"                                               \
    ">>> argmax([1.0, nan, 3.0])\n1\n"
#define HELP_ARGMIN                                                            \
    "The index of the minimum (of the flattened array, or along an axis).\n\n" \
    "The first occurrence wins; a NaN counts as the minimum.\n\n"              \
    ">>> a = array([[10, 11, 12], [13, 14, 15]])\n>>> argmin(a)\n0\n"          \
    ">>> argmin(a, axis=1)\narray([0, 0])\n"                                   \
    ">>> argmin([4, 0, 0])\n1\n"
#define HELP_PTP                                                               \
    "Range of values (maximum - minimum) along the given axes.\n\n"            \
    "The name is 'peak to peak'.\n\n"                                          \
    ">>> x = array([[4, 9, 2, 10], [6, 9, 7, 12]])\n"                          \
    ">>> ptp(x, axis=1)\narray([8, 6])\n>>> ptp(x)\n10\n"
#define HELP_MEAN                                                              \
    "The arithmetic mean along the given axes.\n\n"                            \
    "float64 for integer input; float32 input accumulates in float32.  An\n"   \
    "empty slice gives nan with the warning \"Mean of empty slice.\".\n\n"     \
    ">>> a = array([[1, 2], [3, 4]])\n>>> mean(a)\n2.5\n"                      \
    ">>> mean(a, axis=0)\narray([2., 3.])\n"                                   \
    ">>> mean(a, axis=1)\narray([1.5, 3.5])\n"
#define HELP_VAR                                                               \
    "The variance along the given axes: mean(abs(a - a.mean())**2).\n\n"       \
    "Divides by N - ddof.  Complex input gives a real variance.\n\n"           \
    ">>> a = array([[1, 2], [3, 4]])\n>>> var(a)\n1.25\n"                      \
    ">>> var(a, axis=0)\narray([1., 1.])\n"                                    \
    ">>> var([1, 2, 3, 4], ddof=1)\n1.6666666666666667\n"
#define HELP_STD                                                               \
    "The standard deviation along the given axes: sqrt(var(a)).\n\n"           \
    "Divides by N - ddof.  Complex input gives a real result.\n\n"             \
    ">>> a = array([[1, 2], [3, 4]])\n>>> std(a)\n1.118033988749895\n"         \
    ">>> std(a, axis=0)\narray([1., 1.])\n"                                    \
    ">>> std([1, 2, 3, 4], ddof=1)\n1.2909944487358056\n"
#define HELP_CUMSUM                                                            \
    "The cumulative sum along an axis (of the flattened array by "             \
    "default).\n\n"                                                            \
    "Integers add in int64 (uint64 for unsigned) unless dtype is given.\n\n"   \
    ">>> a = array([[1, 2, 3], [4, 5, 6]])\n>>> cumsum(a)\n"                   \
    "array([ 1,  3,  6, 10, 15, 21])\n"                                        \
    ">>> cumsum(a, axis=0)\narray([[1, 2, 3],\n       [5, 7, 9]])\n"           \
    ">>> cumsum(a, dtype=float)\narray([ 1.,  3.,  6., 10., 15., 21.])\n"
#define HELP_CUMPROD                                                           \
    "The cumulative product along an axis (of the flattened array by "         \
    "default).\n\n"                                                            \
    ">>> cumprod([1, 2, 3])\narray([1, 2, 6])\n"                               \
    ">>> cumprod([[1, 2, 3], [4, 5, 6]], axis=1)\narray([[  1,   2,   6],\n"   \
    "       [  4,  20, 120]])\n"
#define HELP_NANCUMSUM                                                         \
    "The cumulative sum, NaN counted as zero.\n\n"                             \
    ">>> nancumsum([[1, 2], [3, nan]])\narray([1., 3., 6., 6.])\n"             \
    ">>> nancumsum([[1, 2], [3, nan]], axis=0)\narray([[1., 2.],\n"            \
    "       [4., 2.]])\n"
#define HELP_NANCUMPROD                                                        \
    "The cumulative product, NaN counted as one.\n\n"                          \
    ">>> nancumprod([[1, 2], [3, nan]])\narray([1., 2., 6., 6.])\n"            \
    ">>> nancumprod([[1, 2], [3, nan]], axis=1)\narray([[1., 2.],\n"           \
    "       [3., 3.]])\n"
#define HELP_MEDIAN                                                            \
    "The median along the given axes.\n\n"                                     \
    "Found by selection (no full sort); a slice holding NaN gives nan.\n\n"    \
    ">>> a = array([[10, 7, 4], [3, 2, 1]])\n>>> median(a)\n3.5\n"             \
    ">>> median(a, axis=0)\narray([6.5, 4.5, 2.5])\n"                          \
    ">>> median(a, axis=1)\narray([7., 2.])\n"
#define HELP_QUANTILE                                                          \
    "The q-th quantiles (q in [0, 1]) along the given axes.\n\n"               \
    "method is one of NumPy's 13: 'inverted_cdf', 'averaged_inverted_cdf',\n"  \
    "'closest_observation', 'interpolated_inverted_cdf', 'hazen',\n"           \
    "'weibull', 'linear' (default), 'median_unbiased', 'normal_unbiased',\n"   \
    "'lower', 'higher', 'midpoint', 'nearest'.  The axes of q come first.\n\n" \
    ">>> a = array([[10, 7, 4], [3, 2, 1]])\n>>> quantile(a, 0.5)\n3.5\n"      \
    ">>> quantile(a, 0.5, axis=0)\narray([6.5, 4.5, 2.5])\n"                   \
    ">>> quantile(arange(4), [0.25, 0.5], method='lower')\narray([0, 1])\n"
#define HELP_PERCENTILE                                                        \
    "The q-th percentiles (q in [0, 100]) along the given axes.\n\n"           \
    "percentile(a, q) is quantile(a, q / 100), with the same methods.\n\n"     \
    ">>> a = array([[10, 7, 4], [3, 2, 1]])\n>>> percentile(a, 50)\n3.5\n"     \
    ">>> percentile(a, 50, axis=1, keepdims=True)\narray([[7.],\n"             \
    "       [2.]])\n"                                                          \
    ">>> percentile([1, 2, 3, 4], 40, method='nearest')\n2\n"
#define HELP_AVERAGE                                                           \
    "The weighted average along the given axes.\n\n"                           \
    "Without weights it is mean(a).  returned=True also returns the sum of\n"  \
    "the weights.\n\n"                                                         \
    ">>> average([1, 2, 3, 4])\n2.5\n"                                         \
    ">>> average(arange(1, 11), weights=arange(10, 0, -1))\n4.0\n"             \
    ">>> average([[0, 1], [2, 3]], axis=1, weights=[1./4, 3./4])\n"            \
    "array([0.75, 2.75])\n"                                                    \
    ">>> average([1, 2], weights=[3, 1], returned=True)\n(1.25, 4.0)\n"
#define HELP_COV                                                               \
    "The covariance matrix of the variables (rows, or columns when\n"          \
    "rowvar=False).\n\n"                                                       \
    "Normalised by N - 1 (N with bias=True, or N - ddof); fweights and\n"      \
    "aweights weight the observations.\n\n"                                    \
    ">>> x = array([[0, 2], [1, 1], [2, 0]]).T\n>>> cov(x)\n"                  \
    "array([[ 1., -1.],\n       [-1.,  1.]])\n"                                \
    ">>> cov([[1, 2, 3], [3, 1, 2]])\narray([[ 1. , -0.5],\n"                  \
    "       [-0.5,  1. ]])\n"                                                  \
    ">>> cov([1, 2, 3, 4], bias=True)\n1.25\n"
#define HELP_CORRCOEF                                                          \
    "The Pearson correlation coefficients of the variables.\n\n"               \
    "cov(x, y) normalised by the standard deviations and clipped to\n"         \
    "[-1, 1].\n\n"                                                             \
    ">>> corrcoef([1, 2, 3], [1, 5, 7])\narray([[1.        , 0.98198051],\n"   \
    "       [0.98198051, 1.        ]])\n"
#define HELP_NANSUM                                                            \
    "The sum, NaN counted as zero.\n\n"                                        \
    ">>> nansum([1, nan])\n1.0\n"                                              \
    ">>> nansum([[1, 1], [1, nan]], axis=0)\narray([2., 1.])\n"
#define HELP_NANPROD                                                           \
    "The product, NaN counted as one.\n\n"                                     \
    ">>> nanprod([1, nan])\n1.0\n"                                             \
    ">>> nanprod([[1, 2], [3, nan]], axis=0)\narray([3., 2.])\n"
#define HELP_NANMAX                                                            \
    "The maximum, ignoring NaN.\n\n"                                           \
    "An all-NaN slice gives nan and the warning \"All-NaN slice "              \
    "encountered\".\n\n"                                                       \
    ">>> a = array([[1, 2], [3, nan]])\n>>> nanmax(a)\n3.0\n"                  \
    ">>> nanmax(a, axis=0)\narray([3., 2.])\n"
#define HELP_NANMIN                                                            \
    "The minimum, ignoring NaN.\n\n"                                           \
    "An all-NaN slice gives nan and the warning \"All-NaN slice "              \
    "encountered\".\n\n"                                                       \
    ">>> a = array([[1, 2], [3, nan]])\n>>> nanmin(a)\n1.0\n"                  \
    ">>> nanmin(a, axis=1)\narray([1., 3.])\n"
#define HELP_NANARGMAX                                                         \
    "The index of the maximum, ignoring NaN.\n\n"                              \
    "An all-NaN slice is a ValueError.\n\n"                                    \
    ">>> a = array([[nan, 4], [2, 3]])\n>>> argmax(a)\n0\n"                    \
    ">>> nanargmax(a)\n1\n>>> nanargmax(a, axis=0)\narray([1, 0])\n"
#define HELP_NANARGMIN                                                         \
    "The index of the minimum, ignoring NaN.\n\n"                              \
    "An all-NaN slice is a ValueError.\n\n"                                    \
    ">>> a = array([[nan, 4], [2, 3]])\n>>> nanargmin(a)\n2\n"                 \
    ">>> nanargmin(a, axis=1)\narray([1, 0])\n"
#define HELP_NANMEAN                                                           \
    "The mean, ignoring NaN.\n\n"                                              \
    "An all-NaN slice gives nan and the warning \"Mean of empty slice\".\n\n"  \
    ">>> a = array([[1, nan], [3, 4]])\n>>> nanmean(a)\n"                      \
    "2.6666666666666665\n"                                                     \
    ">>> nanmean(a, axis=0)\narray([2., 4.])\n"
#define HELP_NANVAR                                                            \
    "The variance, ignoring NaN.\n\n"                                          \
    ">>> a = array([[1, nan], [3, 4]])\n>>> nanvar(a)\n1.5555555555555554\n"   \
    ">>> nanvar(a, axis=0)\narray([1., 0.])\n"
#define HELP_NANSTD                                                            \
    "The standard deviation, ignoring NaN.\n\n"                                \
    ">>> a = array([[1, nan], [3, 4]])\n>>> nanstd(a)\n1.247219128924647\n"    \
    ">>> nanstd(a, axis=0)\narray([1., 0.])\n"
#define HELP_NANMEDIAN                                                         \
    "The median, ignoring NaN.\n\n"                                            \
    ">>> a = array([[10.0, 7, 4], [3, 2, 1]])\n>>> a[0, 1] = nan\n"            \
    ">>> median(a)\nnan\n>>> nanmedian(a)\n3.0\n"                              \
    ">>> nanmedian(a, axis=0)\narray([6.5, 2. , 2.5])\n"
#define HELP_NANQUANTILE                                                       \
    "The q-th quantiles, ignoring NaN.\n\n"                                    \
    ">>> a = array([[10.0, 7, 4], [3, 2, 1]])\n>>> a[0, 1] = nan\n"            \
    ">>> nanquantile(a, 0.5)\n3.0\n"                                           \
    ">>> nanquantile(a, 0.5, axis=1)\narray([7., 2.])\n"
#define HELP_NANPERCENTILE                                                     \
    "The q-th percentiles, ignoring NaN.\n\n"                                  \
    ">>> a = array([[10.0, 7, 4], [3, 2, 1]])\n>>> a[0, 1] = nan\n"            \
    ">>> nanpercentile(a, 50)\n3.0\n"                                          \
    ">>> nanpercentile(a, 50, axis=0)\narray([6.5, 2. , 2.5])\n"
#define HELP_M_SUM                                                             \
    "a.sum(axis=None, ...): sum(a, ...) as a method.\n\n"                      \
    ">>> array([[1, 2], [3, 4]]).sum(axis=0)\narray([4, 6])\n"                 \
    ">>> array([0.5, 0.25]).sum()\n0.75\n"
#define HELP_M_PROD                                                            \
    "a.prod(axis=None, ...): prod(a, ...) as a method.\n\n"                    \
    ">>> array([[1, 2], [3, 4]]).prod(1)\narray([ 2, 12])\n"
#define HELP_M_MAX                                                             \
    "a.max(axis=None, ...): the maximum, as amax(a, ...).\n\n"                 \
    ">>> array([[1, 5], [3, 2]]).max(0)\narray([3, 5])\n"                      \
    ">>> array([[1, 5], [3, 2]]).max()\n5\n"
#define HELP_M_MIN                                                             \
    "a.min(axis=None, ...): the minimum, as amin(a, ...).\n\n"                 \
    ">>> array([[1, 5], [3, 2]]).min(axis=1)\narray([1, 2])\n"
#define HELP_M_ARGMAX                                                          \
    "a.argmax(axis=None): argmax(a, ...) as a method.\n\n"                     \
    ">>> array([[1, 5], [3, 2]]).argmax()\n1\n"
#define HELP_M_ARGMIN                                                          \
    "a.argmin(axis=None): argmin(a, ...) as a method.\n\n"                     \
    ">>> array([[1, 5], [3, 2]]).argmin(axis=0)\narray([0, 1])\n"
#define HELP_M_ANY                                                             \
    "a.any(axis=None, ...): any(a, ...) as a method.\n\n"                      \
    ">>> array([0, 0, 1]).any()\nTrue\n"
#define HELP_M_ALL                                                             \
    "a.all(axis=None, ...): all(a, ...) as a method.\n\n"                      \
    ">>> array([[1, 0], [1, 1]]).all(axis=1)\narray([False,  True])\n"
#define HELP_M_MEAN                                                            \
    "a.mean(axis=None, ...): mean(a, ...) as a method.\n\n"                    \
    ">>> array([[1, 2], [3, 4]]).mean(axis=1)\narray([1.5, 3.5])\n"
#define HELP_M_STD                                                             \
    "a.std(axis=None, ..., ddof=0): std(a, ...) as a method.\n\n"              \
    ">>> array([1, 2, 3, 4]).std(ddof=1)\n1.2909944487358056\n"
#define HELP_M_VAR                                                             \
    "a.var(axis=None, ..., ddof=0): var(a, ...) as a method.\n\n"              \
    ">>> array([1, 2, 3, 4]).var()\n1.25\n"
#define HELP_M_CUMSUM                                                          \
    "a.cumsum(axis=None, dtype=None): cumsum(a, ...) as a method.\n\n"         \
    ">>> array([1, 2, 3]).cumsum()\narray([1, 3, 6])\n"
#define HELP_M_CUMPROD                                                         \
    "a.cumprod(axis=None, dtype=None): cumprod(a, ...) as a method.\n\n"       \
    ">>> array([1, 2, 3]).cumprod()\narray([1, 2, 6])\n"

static const BuiltinDef reduce_defs[] = {
    {"all", bi_all, ANY_PARAMS, HELP_ALL},
    {"amax", bi_amax, MAX_PARAMS, HELP_AMAX},
    {"amin", bi_amin, MAX_PARAMS, HELP_AMIN},
    {"any", bi_any, ANY_PARAMS, HELP_ANY},
    {"argmax", bi_argmax, ARG_PARAMS, HELP_ARGMAX},
    {"argmin", bi_argmin, ARG_PARAMS, HELP_ARGMIN},
    {"average", bi_average,
     "a, axis=None, weights=None, returned=False, *, keepdims=False",
     HELP_AVERAGE},
    {"corrcoef", bi_corrcoef,
     "x, y=None, rowvar=True, bias=None, ddof=None, *, dtype=None",
     HELP_CORRCOEF},
    {"cov", bi_cov,
     "m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, "
     "aweights=None, *, dtype=None",
     HELP_COV},
    {"cumprod", bi_cumprod, CUM_PARAMS, HELP_CUMPROD},
    {"cumsum", bi_cumsum, CUM_PARAMS, HELP_CUMSUM},
    {"mean", bi_mean, MEAN_PARAMS, HELP_MEAN},
    {"median", bi_median, MED_PARAMS, HELP_MEDIAN},
    {"nanargmax", bi_nanargmax, ARG_PARAMS, HELP_NANARGMAX},
    {"nanargmin", bi_nanargmin, ARG_PARAMS, HELP_NANARGMIN},
    {"nancumprod", bi_nancumprod, CUM_PARAMS, HELP_NANCUMPROD},
    {"nancumsum", bi_nancumsum, CUM_PARAMS, HELP_NANCUMSUM},
    {"nanmax", bi_nanmax, MAX_PARAMS, HELP_NANMAX},
    {"nanmean", bi_nanmean, MEAN_PARAMS, HELP_NANMEAN},
    {"nanmedian", bi_nanmedian, MED_PARAMS, HELP_NANMEDIAN},
    {"nanmin", bi_nanmin, MAX_PARAMS, HELP_NANMIN},
    {"nanpercentile", bi_nanpercentile, Q_PARAMS, HELP_NANPERCENTILE},
    {"nanprod", bi_nanprod, SUM_PARAMS, HELP_NANPROD},
    {"nanquantile", bi_nanquantile, Q_PARAMS, HELP_NANQUANTILE},
    {"nanstd", bi_nanstd, VAR_PARAMS, HELP_NANSTD},
    {"nansum", bi_nansum, SUM_PARAMS, HELP_NANSUM},
    {"nanvar", bi_nanvar, VAR_PARAMS, HELP_NANVAR},
    {"percentile", bi_percentile, Q_PARAMS, HELP_PERCENTILE},
    {"prod", bi_prod, SUM_PARAMS, HELP_PROD},
    {"ptp", bi_ptp, "a, axis=None, out=None, keepdims=False", HELP_PTP},
    {"quantile", bi_quantile, Q_PARAMS, HELP_QUANTILE},
    {"std", bi_std, VAR_PARAMS, HELP_STD},
    {"sum", bi_sum, SUM_PARAMS, HELP_SUM},
    {"var", bi_var, VAR_PARAMS, HELP_VAR},
};

const Namespace ns_reduce = {
    .name = "reductions",
    .defs = reduce_defs,
    .ndefs = sizeof reduce_defs / sizeof reduce_defs[0],
    .help = "Reductions and statistics: sum, prod, amax, amin, argmax, "
            "argmin, ptp, any, all, mean, std, var, cumsum, cumprod, median, "
            "percentile, quantile, average, cov, corrcoef and the nan- "
            "versions.",
};

/* ---------------------------------------------------------------- methods
 * A method receives self as args[0]; the same functions serve, with the
 * parameter lists of ndarray's methods (the same names and order). */

#define M_SUM_PARAMS                                                           \
    "self, axis=None, dtype=None, out=None, keepdims=False, initial=None, "    \
    "where=True"
#define M_MAX_PARAMS                                                           \
    "self, axis=None, out=None, keepdims=False, initial=None, where=True"

static const BuiltinDef reduce_method_defs[] = {
    {"all", bi_all, "self, axis=None, out=None, keepdims=False, *, where=True",
     HELP_M_ALL},
    {"any", bi_any, "self, axis=None, out=None, keepdims=False, *, where=True",
     HELP_M_ANY},
    {"argmax", bi_argmax, "self, axis=None, out=None, *, keepdims=False",
     HELP_M_ARGMAX},
    {"argmin", bi_argmin, "self, axis=None, out=None, *, keepdims=False",
     HELP_M_ARGMIN},
    {"cumprod", bi_cumprod, "self, axis=None, dtype=None, out=None",
     HELP_M_CUMPROD},
    {"cumsum", bi_cumsum, "self, axis=None, dtype=None, out=None",
     HELP_M_CUMSUM},
    {"max", bi_amax, M_MAX_PARAMS, HELP_M_MAX},
    {"mean", bi_mean,
     "self, axis=None, dtype=None, out=None, keepdims=False, *, where=True",
     HELP_M_MEAN},
    {"min", bi_amin, M_MAX_PARAMS, HELP_M_MIN},
    {"prod", bi_prod, M_SUM_PARAMS, HELP_M_PROD},
    {"std", bi_std,
     "self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, "
     "where=True, mean=None, correction=None",
     HELP_M_STD},
    {"sum", bi_sum, M_SUM_PARAMS, HELP_M_SUM},
    {"var", bi_var,
     "self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, "
     "where=True, mean=None, correction=None",
     HELP_M_VAR},
};

const Namespace ns_reduce_methods = {
    .name = "ndarray",
    .defs = reduce_method_defs,
    .ndefs = sizeof reduce_method_defs / sizeof reduce_method_defs[0],
    .help = "ndarray reductions: a.sum(), a.max(), a.mean(), a.std(), ...",
};
