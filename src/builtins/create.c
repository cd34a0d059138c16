/* create.c — the array-creation builtins of the root namespace: array,
 * asarray, zeros, ones, empty, full and their *_like, arange, linspace,
 * logspace, geomspace, eye, identity, tri, diagflat, vander, meshgrid,
 * indices, fromfunction, copy, ascontiguousarray, asfortranarray, and the
 * mgrid/ogrid indexing objects, with NumPy 2's signatures and defaults.  They
 * read their arguments with ops.h's converters (value_to_array, value_to_shape,
 * value_to_dtype) and build the arrays with libnd. */
#include <math.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

static int get_dtype(Value v, NdType dflt, NdType *out)
{
    if (!given(v)) {
        *out = dflt;
        return 0;
    }
    return value_to_dtype(v, out);
}

/* A fresh array built from a non-array value must not stay flagged as a
 * Python scalar: array(5) is a strong 0-d array. */
static Value array_value(NdArray *a)
{
    if (!a)
        return v_error();
    if (a->flags & ND_WEAK) {
        if (a->refcount == 1) {
            a->flags &= ~(unsigned)ND_WEAK;
        } else {
            NdArray *c = nd_copy(a, 'K');
            nd_decref(a);
            if (!c)
                return rt_from_lib();
            c->flags &= ~(unsigned)ND_WEAK;
            a = c;
        }
    }
    return v_array_take(a);
}

/* array() and asarray(): copy is 1 (always), 0 (never: ValueError when a
 * copy is needed) or -1 (only when needed). */
static Value make_array(Value obj, Value dtype, int copy, Value order_v,
                        int64_t ndmin)
{
    NdType dt = ND_NTYPES;
    char order;
    if (given(dtype) && value_to_dtype(dtype, &dt) < 0)
        return v_error();
    if (bi_get_order(order_v, "KACF", 'K', &order) < 0)
        return v_error();
    if (ndmin < 0 || ndmin > ND_MAXDIMS)
        return rt_raise(ERR_VALUE, "ndmin bigger than allowable number of "
                                   "dimensions NPY_MAXDIMS (=32)");
    bool is_array = obj.kind == VK_ARRAY;
    NdArray *a = value_to_array(obj, is_array ? ND_NTYPES : dt);
    if (!a)
        return v_error();
    bool fresh = !is_array;
    if (dt != ND_NTYPES && a->dtype != dt) {
        if (copy == 0 && is_array) {
            nd_decref(a);
            return rt_raise(ERR_VALUE, "Unable to avoid copy while creating "
                                       "an array as requested.");
        }
        NdArray *c = nd_astype(a, dt, ND_CAST_UNSAFE, true);
        nd_decref(a);
        if (!c)
            return rt_from_lib();
        a = c;
        fresh = true;
    }
    if (copy == 0 && !is_array) {
        nd_decref(a);
        return rt_raise(ERR_VALUE, "Unable to avoid copy while creating an "
                                   "array as requested.");
    }
    bool layout_ok = order == 'K' || order == 'A' ||
                     (order == 'C' && (a->flags & ND_C_CONTIGUOUS)) ||
                     (order == 'F' && (a->flags & ND_F_CONTIGUOUS));
    if ((copy == 1 && !fresh) || !layout_ok) {
        if (copy == 0) {
            nd_decref(a);
            return rt_raise(ERR_VALUE, "Unable to avoid copy while creating "
                                       "an array as requested.");
        }
        NdArray *c = nd_copy(a, order);
        nd_decref(a);
        if (!c)
            return rt_from_lib();
        a = c;
    }
    if (a->ndim < ndmin) {
        int64_t shape[ND_MAXDIMS];
        int add = (int)ndmin - a->ndim;
        for (int i = 0; i < add; i++)
            shape[i] = 1;
        for (int i = 0; i < a->ndim; i++)
            shape[add + i] = a->shape[i];
        NdArray *r = nd_reshape(a, (int)ndmin, shape, 'C');
        nd_decref(a);
        if (!r)
            return rt_from_lib();
        a = r;
    }
    return array_value(a);
}

static Value bi_array(Value *args)
{
    /* object, dtype, *, copy, order, subok, ndmin, like */
    int copy = 1;
    if (args[2].kind == VK_NONE) {
        copy = -1;
    } else if (args[2].kind != VK_UNSET) {
        int t = op_truth(args[2]);
        if (t < 0)
            return v_error();
        copy = t;
    }
    int64_t ndmin = 0;
    if (args[5].kind != VK_UNSET && bi_get_int(args[5], &ndmin) < 0)
        return v_error();
    return make_array(args[0], args[1], copy, args[3], ndmin);
}

static Value bi_asarray(Value *args)
{
    /* a, dtype, order, *, device, copy, like */
    int copy = -1;
    if (given(args[4])) {
        int t = op_truth(args[4]);
        if (t < 0)
            return v_error();
        copy = t;
    }
    return make_array(args[0], args[1], copy, args[2], 0);
}

typedef NdArray *(*FillFn)(NdType, int, const int64_t *, char);

static Value filled(Value *args, FillFn fn)
{
    int ndim;
    int64_t shape[ND_MAXDIMS];
    NdType dt;
    char order;
    if (value_to_shape(args[0], &ndim, shape) < 0 ||
        get_dtype(args[1], ND_FLOAT64, &dt) < 0 ||
        bi_get_order(args[2], "CF", 'C', &order) < 0)
        return v_error();
    NdArray *a = fn(dt, ndim, shape, order);
    if (!a)
        return rt_from_lib();
    return v_array_take(a);
}

static Value bi_zeros(Value *args)
{
    return filled(args, nd_zeros);
}
static Value bi_ones(Value *args)
{
    return filled(args, nd_ones);
}
static Value bi_empty(Value *args)
{
    return filled(args, nd_empty);
}

static Value bi_full(Value *args)
{
    int ndim;
    int64_t shape[ND_MAXDIMS];
    char order;
    if (value_to_shape(args[0], &ndim, shape) < 0 ||
        bi_get_order(args[3], "CF", 'C', &order) < 0)
        return v_error();
    NdArray *fill = value_to_array(args[1], ND_NTYPES);
    if (!fill)
        return v_error();
    NdType dt = fill->dtype;
    if (given(args[2]) && value_to_dtype(args[2], &dt) < 0) {
        nd_decref(fill);
        return v_error();
    }
    NdArray *a = nd_empty(dt, ndim, shape, order);
    if (!a || nd_copyto(a, fill, ND_CAST_UNSAFE) < 0) {
        nd_decref(fill);
        nd_decref(a);
        return rt_from_lib();
    }
    nd_decref(fill);
    return v_array_take(a);
}

static int get_number(Value v, const char *what, NdScalar *out)
{
    if (v.kind == VK_SCALAR) {
        *out = v_to_ndscalar(v);
        return 0;
    }
    if (v.kind == VK_ARRAY && v.as.array->ndim == 0) {
        if (nd_item(v.as.array, out) < 0)
            return rt_fail_from_lib();
        out->weak = false;
        return 0;
    }
    return rt_fail(ERR_TYPE, "arange() argument '%s' must be a number, not %s",
                   what, bi_type_name(v));
}

static Value bi_arange(Value *args)
{
    Value start = args[0], stop = args[1], step = args[2];
    NdScalar s0, s1, s2;
    NdType dt;
    if (!given(stop)) {
        if (!given(start))
            return rt_raise(ERR_TYPE, "arange() requires stop to be "
                                      "specified.");
        stop = start;
        start = v_int(0);
    } else if (!given(start)) {
        start = v_int(0);
    }
    if (!given(step))
        step = v_int(1);
    if (get_number(start, "start", &s0) < 0 ||
        get_number(stop, "stop", &s1) < 0 ||
        get_number(step, "step", &s2) < 0 ||
        get_dtype(args[3], ND_NTYPES, &dt) < 0)
        return v_error();
    NdArray *a = nd_arange(&s0, &s1, &s2, dt);
    if (!a)
        return rt_from_lib();
    return v_array_take(a);
}

/* A start/stop/base argument of linspace & co: an array keeping the weak
 * flag of a Python scalar (NEP 50 decides the result dtype). */
static NdArray *range_arg(Value v)
{
    return value_to_array(v, ND_NTYPES);
}

static int get_num(Value v, int64_t *num)
{
    if (v.kind != VK_UNSET && bi_get_int(v, num) < 0)
        return -1;
    if (*num < 0)
        return rt_fail(ERR_VALUE,
                       "Number of samples, %lld, must be non-negative.",
                       (long long)*num);
    return 0;
}

static Value bi_linspace(Value *args)
{
    int64_t num = 50, axis = 0;
    bool endpoint, retstep;
    NdType dt;
    if (get_num(args[2], &num) < 0 ||
        bi_get_bool(args[3], true, &endpoint) < 0 ||
        bi_get_bool(args[4], false, &retstep) < 0 ||
        get_dtype(args[5], ND_NTYPES, &dt) < 0 ||
        (args[6].kind != VK_UNSET && bi_get_int(args[6], &axis) < 0))
        return v_error();
    NdArray *s = range_arg(args[0]);
    NdArray *e = s ? range_arg(args[1]) : NULL;
    if (!e) {
        nd_decref(s);
        return v_error();
    }
    NdArray *step = NULL;
    NdArray *a = nd_linspace_array(s, e, num, endpoint, dt, axis,
                                   retstep ? &step : NULL);
    nd_decref(s);
    nd_decref(e);
    if (!a)
        return rt_from_lib();
    Value arr = v_array_take(a);
    if (!retstep || v_is_err(arr))
        return arr;
    Value sv = bi_result(step);
    if (v_is_err(sv)) {
        v_decref(arr);
        return sv;
    }
    Value t = v_tuple_new(2);
    if (v_is_err(t)) {
        v_decref(arr);
        v_decref(sv);
        return t;
    }
    tuple_set_take(t, 0, arr);
    tuple_set_take(t, 1, sv);
    return t;
}

static Value bi_logspace(Value *args)
{
    int64_t num = 50, axis = 0;
    bool endpoint;
    NdType dt;
    if (get_num(args[2], &num) < 0 ||
        bi_get_bool(args[3], true, &endpoint) < 0 ||
        get_dtype(args[5], ND_NTYPES, &dt) < 0 ||
        (args[6].kind != VK_UNSET && bi_get_int(args[6], &axis) < 0))
        return v_error();
    Value bv = args[4].kind == VK_UNSET ? v_float(10.0) : args[4];
    NdArray *s = range_arg(args[0]);
    NdArray *e = s ? range_arg(args[1]) : NULL;
    NdArray *b = e ? range_arg(bv) : NULL;
    NdArray *r = b ? nd_logspace(s, e, num, endpoint, b, dt, axis) : NULL;
    bool lib_failed = b && !r;
    nd_decref(s);
    nd_decref(e);
    nd_decref(b);
    if (lib_failed)
        return rt_from_lib();
    return r ? v_array_take(r) : v_error();
}

static Value bi_geomspace(Value *args)
{
    int64_t num = 50, axis = 0;
    bool endpoint;
    NdType dt;
    if (get_num(args[2], &num) < 0 ||
        bi_get_bool(args[3], true, &endpoint) < 0 ||
        get_dtype(args[4], ND_NTYPES, &dt) < 0 ||
        (args[5].kind != VK_UNSET && bi_get_int(args[5], &axis) < 0))
        return v_error();
    NdArray *s = range_arg(args[0]);
    NdArray *e = s ? range_arg(args[1]) : NULL;
    NdArray *r = e ? nd_geomspace(s, e, num, endpoint, dt, axis) : NULL;
    bool lib_failed = e && !r;
    nd_decref(s);
    nd_decref(e);
    if (lib_failed)
        return rt_from_lib();
    return r ? v_array_take(r) : v_error();
}

/* A strong array for any value (a Python scalar becomes int64/float64). */
static NdArray *strong_array(Value v, NdType dtype)
{
    NdArray *a = value_to_array(v, dtype);
    if (a && (a->flags & ND_WEAK)) {
        NdArray *c = nd_copy(a, 'K');
        nd_decref(a);
        if (!c) {
            rt_fail_from_lib();
            return NULL;
        }
        c->flags &= ~(unsigned)ND_WEAK;
        a = c;
    }
    return a;
}

static Value bi_copy(Value *args)
{
    char order;
    if (bi_get_order(args[1], "CFAK", 'K', &order) < 0)
        return v_error();
    NdArray *a = strong_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *c = nd_copy(a, order);
    nd_decref(a);
    return bi_result_array(c);
}

/* zeros_like & co: prototype, dtype, order, subok, shape (fill: the
 * fill value or NULL for empty). */
static Value like(Value proto, Value dtype_v, Value order_v, Value shape_v,
                  Value fill, int what)
{
    char order;
    NdType dt;
    NdArray *a = strong_array(proto, ND_NTYPES);
    if (!a)
        return v_error();
    if (get_dtype(dtype_v, a->dtype, &dt) < 0 ||
        bi_get_order(order_v, "CFAK", 'K', &order) < 0) {
        nd_decref(a);
        if (rt_pending_errkind() == ERR_VALUE && order_v.kind == VK_STR) {
            rt_clear();
            return rt_raise(ERR_VALUE,
                            "order must be one of 'C', 'F', 'A', or 'K' (got "
                            "'%s')",
                            as_str(order_v)->data);
        }
        return v_error();
    }
    NdArray *r;
    if (given(shape_v)) {
        int ndim;
        int64_t shape[ND_MAXDIMS];
        if (value_to_shape(shape_v, &ndim, shape) < 0) {
            nd_decref(a);
            return v_error();
        }
        char o =
            order == 'F' || ((order == 'A' || order == 'K') &&
                             (a->flags & ND_F_CONTIGUOUS) &&
                             !(a->flags & ND_C_CONTIGUOUS) && ndim == a->ndim)
                ? 'F'
                : 'C';
        r = nd_empty(dt, ndim, shape, o);
    } else {
        r = nd_empty_like(a, dt, order);
    }
    nd_decref(a);
    if (!r)
        return rt_from_lib();
    int rc = 0;
    if (what == 0 || what == 1) {
        NdScalar v = nd_scalar_int64(what);
        rc = nd_fill(r, &v);
    } else if (what == 3) {
        NdArray *f = value_to_array(fill, ND_NTYPES);
        if (!f) {
            nd_decref(r);
            return v_error();
        }
        rc = nd_copyto(r, f, ND_CAST_UNSAFE);
        nd_decref(f);
    }
    if (rc < 0) {
        nd_decref(r);
        return rt_from_lib();
    }
    return v_array_take(r);
}

static Value bi_zeros_like(Value *args)
{
    return like(args[0], args[1], args[2], args[4], v_unset(), 0);
}
static Value bi_ones_like(Value *args)
{
    return like(args[0], args[1], args[2], args[4], v_unset(), 1);
}
static Value bi_empty_like(Value *args)
{
    return like(args[0], args[1], args[2], args[4], v_unset(), 2);
}
static Value bi_full_like(Value *args)
{
    return like(args[0], args[2], args[3], args[5], args[1], 3);
}

static Value bi_identity(Value *args)
{
    int64_t n;
    NdType dt;
    if (bi_get_int(args[0], &n) < 0 || get_dtype(args[1], ND_FLOAT64, &dt) < 0)
        return v_error();
    if (n < 0)
        return rt_raise(ERR_VALUE, "negative dimensions are not allowed");
    return bi_result_array(nd_eye(n, -1, 0, dt));
}

static Value bi_tri(Value *args)
{
    int64_t n, m = -1, k = 0;
    NdType dt;
    if (bi_get_int(args[0], &n) < 0 ||
        (given(args[1]) && bi_get_int(args[1], &m) < 0) ||
        (args[2].kind != VK_UNSET && bi_get_int(args[2], &k) < 0) ||
        get_dtype(args[3], ND_FLOAT64, &dt) < 0)
        return v_error();
    /* NumPy builds tri from aranges: a negative size is an empty axis */
    if (n < 0)
        n = 0;
    if (given(args[1]) && m < 0)
        m = 0;
    return bi_result_array(nd_tri(n, m, k, dt));
}

static Value bi_diagflat(Value *args)
{
    int64_t k = 0;
    if (args[1].kind != VK_UNSET && bi_get_int(args[1], &k) < 0)
        return v_error();
    NdArray *v = strong_array(args[0], ND_NTYPES);
    if (!v)
        return v_error();
    NdArray *r = nd_diagflat(v, k);
    nd_decref(v);
    return bi_result_array(r);
}

static Value bi_vander(Value *args)
{
    int64_t n = -1;
    bool inc;
    if ((given(args[1]) && bi_get_int(args[1], &n) < 0) ||
        bi_get_bool(args[2], false, &inc) < 0)
        return v_error();
    if (given(args[1]) && n < 0)
        return rt_raise(ERR_VALUE, "negative dimensions are not allowed");
    NdArray *x = strong_array(args[0], ND_NTYPES);
    if (!x)
        return v_error();
    NdArray *r = nd_vander(x, n, inc);
    nd_decref(x);
    return bi_result_array(r);
}

static Value arrays_tuple(NdArray **arr, int n)
{
    Value t = v_tuple_new(n);
    if (v_is_err(t)) {
        for (int i = 0; i < n; i++)
            nd_decref(arr[i]);
        return t;
    }
    for (int i = 0; i < n; i++)
        tuple_set_take(t, i, v_array_take(arr[i]));
    return t;
}

static Value bi_meshgrid(Value *args)
{
    Tuple *xs = as_tuple(args[0]);
    bool copy, sparse;
    const char *ix = "xy";
    NdArray *in[ND_MAXDIMS], *out[ND_MAXDIMS];
    if (bi_get_bool(args[1], true, &copy) < 0 ||
        bi_get_bool(args[2], false, &sparse) < 0 ||
        (args[3].kind != VK_UNSET &&
         bi_get_str(args[3], "meshgrid", "indexing", &ix) < 0))
        return v_error();
    if (strcmp(ix, "xy") && strcmp(ix, "ij"))
        return rt_raise(ERR_VALUE,
                        "Valid values for `indexing` are 'xy' and 'ij'.");
    if (xs->n > ND_MAXDIMS)
        return rt_raise(ERR_VALUE,
                        "maximum supported dimension for an ndarray is 32, "
                        "found %lld",
                        (long long)xs->n);
    int n = (int)xs->n;
    for (int i = 0; i < n; i++) {
        in[i] = strong_array(xs->items[i], ND_NTYPES);
        if (!in[i]) {
            for (int j = 0; j < i; j++)
                nd_decref(in[j]);
            return v_error();
        }
    }
    int rc = nd_meshgrid(in, n, ix[0] == 'i', sparse, copy, out);
    for (int i = 0; i < n; i++)
        nd_decref(in[i]);
    if (rc < 0)
        return rt_from_lib();
    return arrays_tuple(out, n);
}

static Value bi_indices(Value *args)
{
    int ndim;
    int64_t dims[ND_MAXDIMS];
    NdType dt;
    bool sparse;
    if (value_to_shape(args[0], &ndim, dims) < 0 ||
        get_dtype(args[1], ND_INT64, &dt) < 0 ||
        bi_get_bool(args[2], false, &sparse) < 0)
        return v_error();
    if (nd_check_shape(ndim, dims) < 0)
        return rt_from_lib();
    if (!sparse)
        return bi_result_array(nd_indices(ndim, dims, dt));
    NdArray *out[ND_MAXDIMS];
    for (int i = 0; i < ndim; i++) {
        NdScalar s0 = nd_scalar_int64(0), s1 = nd_scalar_int64(dims[i]);
        int64_t shape[ND_MAXDIMS];
        for (int k = 0; k < ndim; k++)
            shape[k] = k == i ? dims[i] : 1;
        NdArray *ar = nd_arange(&s0, &s1, NULL, dt);
        out[i] = ar ? nd_reshape(ar, ndim, shape, 'C') : NULL;
        nd_decref(ar);
        if (!out[i]) {
            for (int j = 0; j < i; j++)
                nd_decref(out[j]);
            return rt_from_lib();
        }
    }
    return arrays_tuple(out, ndim);
}

static Value bi_fromfunction(Value *args)
{
    int ndim;
    int64_t dims[ND_MAXDIMS];
    NdType dt;
    if (value_to_shape(args[1], &ndim, dims) < 0 ||
        get_dtype(args[2], ND_FLOAT64, &dt) < 0)
        return v_error();
    if (nd_check_shape(ndim, dims) < 0)
        return rt_from_lib();
    NdArray *grid = nd_indices(ndim, dims, dt);
    if (!grid)
        return rt_from_lib();
    Value pos[ND_MAXDIMS];
    for (int i = 0; i < ndim; i++) {
        NdArray *row = nd_view_new(grid->buffer, dt, ndim, grid->shape + 1,
                                   grid->strides + 1,
                                   grid->data + i * grid->strides[0], true);
        if (!row) {
            for (int j = 0; j < i; j++)
                v_decref(pos[j]);
            nd_decref(grid);
            return rt_from_lib();
        }
        pos[i] = v_array_take(row);
    }
    nd_decref(grid);
    /* **kwargs go to the function */
    Dict *d = as_dict(args[4]);
    KwArg kw[64];
    int nkw = 0;
    for (int64_t i = 0; i < d->used && nkw < 64; i++) {
        if (d->entries[i].key.kind == VK_UNSET)
            continue;
        kw[nkw].name = as_str(d->entries[i].key)->data;
        kw[nkw++].value = d->entries[i].value;
    }
    Value r = call_value(args[0], pos, ndim, kw, nkw);
    for (int i = 0; i < ndim; i++)
        v_decref(pos[i]);
    return r;
}

static Value as_layout(Value *args, bool fortran)
{
    NdType dt = ND_NTYPES;
    if (given(args[1]) && value_to_dtype(args[1], &dt) < 0)
        return v_error();
    NdArray *a = strong_array(args[0], dt);
    if (!a)
        return v_error();
    if (a->ndim == 0) {
        int64_t one = 1;
        NdArray *r = nd_reshape(a, 1, &one, 'C');
        nd_decref(a);
        if (!r)
            return rt_from_lib();
        a = r;
    }
    NdArray *r = fortran ? nd_asfortranarray(a) : nd_ascontiguousarray(a);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_ascontiguousarray(Value *args)
{
    return as_layout(args, false);
}
static Value bi_asfortranarray(Value *args)
{
    return as_layout(args, true);
}

/* ------------------------------------------------- mgrid and ogrid */

/* The objects behind mgrid[...] and ogrid[...]: indexing with slices makes
 * the grid (NumPy's nd_grid). */
typedef struct GridObj {
    NativeObj h;
    bool sparse;
} GridObj;

/* One slice's numbers as NdScalars: start (default 0), stop, step
 * (default 1); *is_complex when the step is imaginary (a count). */
typedef struct GridDim {
    NdScalar start, stop, step;
    bool has_stop, is_complex;
    int64_t size;
    double fstep; /* the spacing for a complex step */
} GridDim;

static int grid_number(Value v, NdScalar *out)
{
    if (v.kind == VK_SCALAR) {
        *out = v_to_ndscalar(v);
        return 0;
    }
    if (v.kind == VK_ARRAY && v.as.array->ndim == 0) {
        if (nd_item(v.as.array, out) < 0)
            return rt_fail_from_lib();
        out->weak = false;
        return 0;
    }
    return rt_fail(ERR_TYPE,
                   "unsupported operand type(s) for -: '%s' and "
                   "'int'",
                   bi_type_name(v));
}

static double sc_double(const NdScalar *s)
{
    NdScalar c;
    nd_scalar_cast(s, ND_FLOAT64, &c);
    return c.v.f64;
}

static bool sc_integral(const NdScalar *s)
{
    NdKind k = nd_dtype_kind(s->dtype);
    return k == ND_KIND_INT || k == ND_KIND_UINT || k == ND_KIND_BOOL;
}

static int64_t sc_int(const NdScalar *s)
{
    NdScalar c;
    nd_scalar_cast(s, ND_INT64, &c);
    return c.v.i64;
}

static int grid_dim(Value key, GridDim *d)
{
    if (key.kind != VK_SLICE)
        return rt_fail(ERR_TYPE, "mgrid/ogrid indices must be slices, not %s",
                       bi_type_name(key));
    Slice *sl = (Slice *)key.as.obj;
    d->start = nd_scalar_int64(0);
    d->start.weak = true;
    d->step = d->start;
    d->step.v.i64 = 1;
    d->has_stop = sl->stop.kind != VK_NONE;
    if ((sl->start.kind != VK_NONE && grid_number(sl->start, &d->start) < 0) ||
        (d->has_stop && grid_number(sl->stop, &d->stop) < 0) ||
        (sl->step.kind != VK_NONE && grid_number(sl->step, &d->step) < 0))
        return -1;
    if (!d->has_stop)
        return rt_fail(ERR_TYPE, "unsupported operand type(s) for -: "
                                 "'NoneType' and 'int'");
    d->is_complex = nd_dtype_kind(d->step.dtype) == ND_KIND_COMPLEX;
    if (d->is_complex) {
        NdScalar c;
        nd_scalar_cast(&d->step, ND_COMPLEX128, &c);
        double mag = hypot(c.v.c128.re, c.v.c128.im);
        d->size = (int64_t)mag;
        /* the spacing of `size` points from start to stop inclusive */
        d->step = nd_scalar_float64(mag);
        d->step.weak = true;
        d->fstep = d->size != 1 ? (sc_double(&d->stop) - sc_double(&d->start)) /
                                      (double)(d->size - 1)
                                : 1.0;
    } else if (sc_integral(&d->start) && sc_integral(&d->stop) &&
               sc_integral(&d->step)) {
        int64_t a = sc_int(&d->start), b = sc_int(&d->stop),
                s = sc_int(&d->step);
        if (s == 0)
            return rt_fail(ERR_ZERO_DIVISION, "division by zero");
        d->size = (int64_t)ceil((double)(b - a) / (double)s);
    } else {
        double s = sc_double(&d->step);
        if (s == 0)
            return rt_fail(ERR_ZERO_DIVISION, "float division by zero");
        d->size =
            (int64_t)ceil((sc_double(&d->stop) - sc_double(&d->start)) / s);
    }
    return 0;
}

/* value number i of dimension d in dtype typ (int: exact; else float). */
static NdScalar grid_value(const GridDim *d, int64_t i, NdType typ)
{
    NdScalar v;
    if (nd_dtype_kind(typ) == ND_KIND_INT && !d->is_complex) {
        v = nd_scalar_int64(i * sc_int(&d->step) + sc_int(&d->start));
    } else {
        double step = d->is_complex ? (d->size != 1 ? d->fstep : 1.0)
                                    : sc_double(&d->step);
        v = nd_scalar_float64((double)i * step + sc_double(&d->start));
    }
    return v;
}

static Value grid_getitem(Value self, Value key)
{
    bool sparse = ((GridObj *)self.as.obj)->sparse;
    if (key.kind != VK_TUPLE) {
        GridDim d;
        if (grid_dim(key, &d) < 0)
            return v_error();
        if (!d.is_complex) {
            NdArray *r = nd_arange(&d.start, &d.stop, &d.step, ND_NTYPES);
            return bi_result_array(r);
        }
        NdScalar zero = nd_scalar_float64(0);
        NdType types[3] = {d.start.dtype, d.stop.dtype, ND_FLOAT64};
        bool weak[3] = {d.start.weak, d.stop.weak, true};
        NdType typ = nd_result_type(3, types, weak);
        (void)zero;
        int64_t n = d.size;
        NdArray *r = nd_empty(typ, 1, &n, 'C');
        if (!r)
            return rt_from_lib();
        for (int64_t i = 0; i < n; i++) {
            NdScalar v = grid_value(&d, i, ND_FLOAT64);
            nd_set_item(r, &i, &v);
        }
        return v_array_take(r);
    }
    Tuple *t = as_tuple(key);
    if (t->n > ND_MAXDIMS - 1)
        return rt_raise(ERR_VALUE, "too many dimensions");
    int n = (int)t->n;
    GridDim dims[ND_MAXDIMS];
    NdType types[3 * ND_MAXDIMS + 1];
    bool weak[3 * ND_MAXDIMS + 1];
    int nt = 0;
    types[nt] = ND_INT64;
    weak[nt++] = true;
    int64_t size[ND_MAXDIMS];
    for (int k = 0; k < n; k++) {
        if (grid_dim(t->items[k], &dims[k]) < 0)
            return v_error();
        size[k] = dims[k].size;
        const NdScalar *three[3] = {&dims[k].start, &dims[k].stop,
                                    &dims[k].step};
        for (int j = 0; j < 3; j++) {
            types[nt] = three[j]->dtype;
            weak[nt++] = three[j]->weak;
        }
    }
    NdType typ = nd_result_type(nt, types, weak);
    if (!sparse) {
        if (nd_check_shape(n, size) < 0)
            return rt_from_lib();
        NdArray *r = nd_indices(n, size, typ);
        if (!r)
            return rt_from_lib();
        int64_t idx[ND_MAXDIMS + 1] = {0};
        int64_t per = r->size / (n ? n : 1);
        for (int k = 0; k < n; k++) {
            idx[0] = k;
            for (int64_t e = 0; e < per; e++) {
                int64_t rem = e;
                for (int j = n - 1; j >= 0; j--) {
                    idx[j + 1] = rem % size[j];
                    rem /= size[j];
                }
                NdScalar v = grid_value(&dims[k], idx[k + 1], typ);
                nd_set_item(r, idx, &v);
            }
        }
        return v_array_take(r);
    }
    NdArray *out[ND_MAXDIMS];
    for (int k = 0; k < n; k++) {
        int64_t shape[ND_MAXDIMS];
        for (int j = 0; j < n; j++)
            shape[j] = j == k ? size[k] : 1;
        NdType tk = typ;
        if (dims[k].is_complex && size[k] != 1)
            tk = nd_promote_types(typ, ND_FLOAT64);
        out[k] =
            nd_check_shape(n, shape) < 0 ? NULL : nd_empty(tk, n, shape, 'C');
        if (!out[k]) {
            for (int j = 0; j < k; j++)
                nd_decref(out[j]);
            return rt_from_lib();
        }
        for (int64_t i = 0; i < size[k]; i++) {
            int64_t ix[ND_MAXDIMS] = {0};
            ix[k] = i;
            NdScalar v = grid_value(&dims[k], i, tk);
            nd_set_item(out[k], ix, &v);
        }
    }
    return arrays_tuple(out, n);
}

static const NativeType mgrid_type = {
    .name = "MGridClass",
    .size = sizeof(GridObj),
    .getitem = grid_getitem,
    .help = "MGridClass: the kind of mgrid.\n\n"
            ">>> mgrid[0:3]\narray([0, 1, 2])\n",
};
static const NativeType ogrid_type = {
    .name = "OGridClass",
    .size = sizeof(GridObj),
    .getitem = grid_getitem,
    .help = "OGridClass: the kind of ogrid.\n\n"
            ">>> ogrid[0:3]\narray([0, 1, 2])\n",
};

static Value make_mgrid(void)
{
    return native_new(&mgrid_type);
}

static Value make_ogrid(void)
{
    Value v = native_new(&ogrid_type);
    if (!v_is_err(v))
        ((GridObj *)v.as.obj)->sparse = true;
    return v;
}

static const NsConst create_consts[] = {
    {"mgrid", make_mgrid,
     "mgrid: dense multi-dimensional grids by indexing, mgrid[start:stop:step, "
     "...].\n\n"
     "Each slice gives one axis of values, as arange does; a complex step "
     "such\nas 5j means that many points from start to stop inclusive (as "
     "linspace).\nSeveral slices give an array of shape (n, ...) holding "
     "the grids.\n\n"
     ">>> mgrid[0:5, 0:3].shape\n(2, 5, 3)\n"
     ">>> mgrid[0:3, 0:2][0]\narray([[0, 0],\n       [1, 1],\n       [2, "
     "2]])\n"
     ">>> mgrid[-1:1:5j]\narray([-1. , -0.5,  0. ,  0.5,  1. ])\n"},
    {"ogrid", make_ogrid,
     "ogrid: open (sparse) grids by indexing, ogrid[start:stop:step, "
     "...].\n\n"
     "Like mgrid but each axis comes back as its own array with length-1 "
     "axes\nelsewhere (a tuple), ready to broadcast.\n\n"
     ">>> ogrid[-1:1:5j]\narray([-1. , -0.5,  0. ,  0.5,  1. ])\n"
     ">>> x, y = ogrid[0:3, 0:2]\n>>> x\narray([[0],\n       [1],\n       "
     "[2]])\n>>> y\narray([[0, 1]])\n"},
};

static Value bi_eye(Value *args)
{
    int64_t n, m = -1, k = 0;
    NdType dt;
    char order;
    if (bi_get_int(args[0], &n) < 0 ||
        (given(args[1]) && bi_get_int(args[1], &m) < 0) ||
        (args[2].kind != VK_UNSET && bi_get_int(args[2], &k) < 0) ||
        get_dtype(args[3], ND_FLOAT64, &dt) < 0 ||
        bi_get_order(args[4], "CF", 'C', &order) < 0)
        return v_error();
    if (n < 0 || (given(args[1]) && m < 0))
        return rt_raise(ERR_VALUE, "negative dimensions are not allowed");
    NdArray *a = nd_eye(n, m, k, dt);
    if (a && order == 'F') {
        NdArray *c = nd_copy(a, 'F');
        nd_decref(a);
        a = c;
    }
    if (!a)
        return rt_from_lib();
    return v_array_take(a);
}

static const BuiltinDef create_defs[] = {
    {"arange", bi_arange, "start=None, stop=None, step=None, dtype=None",
     "arange([start,] stop[, step]): evenly spaced values in [start, stop).\n"
     "\n"
     "Like range() but makes an array: int64 when every argument is an "
     "integer,\nelse float64 (or dtype).  The length is ceil((stop - start) "
     "/ step).\n\n"
     ">>> arange(5)\narray([0, 1, 2, 3, 4])\n"
     ">>> arange(1, 2, 0.25)\narray([1.  , 1.25, 1.5 , 1.75])\n"
     ">>> arange(3, dtype=float32)\narray([0., 1., 2.], dtype=float32)\n"},
    {"array", bi_array,
     "object, dtype=None, *, copy=True, order='K', subok=False, ndmin=0, "
     "like=None",
     "Make an array from a scalar, a nested list/tuple or another array.\n\n"
     "The dtype is inferred as NumPy's (Python ints -> int64, floats -> "
     "float64)\nunless given.  copy=False raises ValueError when a copy is "
     "needed;\ncopy=None copies only when needed.  ndmin prepends axes of "
     "length 1.\n\n"
     ">>> array([1, 2, 3], dtype=float32)\narray([1., 2., 3.], "
     "dtype=float32)\n"
     ">>> array([[1, 2], [3, 4]])\narray([[1, 2],\n       [3, 4]])\n"
     ">>> array(5).ndim\n0\n"
     ">>> array([1, 2], ndmin=2)\narray([[1, 2]])\n"},
    {"asarray", bi_asarray,
     "a, dtype=None, order=None, *, device=None, copy=None, like=None",
     "Convert the input to an array, without copying when it already is "
     "one.\n\n"
     "Like array(a, copy=None): an array of the right dtype comes back "
     "itself.\n\n"
     ">>> a = array([1, 2])\n>>> asarray(a) is a\nTrue\n"
     ">>> asarray((1, 2.5))\narray([1. , 2.5])\n"},
    {"ascontiguousarray", bi_ascontiguousarray, "a, dtype=None, *, like=None",
     "The array itself when C-contiguous (of that dtype), else a C-ordered "
     "copy.\n\n"
     "The result has at least one dimension.\n\n"
     ">>> x = ones((2, 3), order='F')\n"
     ">>> ascontiguousarray(x).flags.c_contiguous\nTrue\n"
     ">>> ascontiguousarray(5)\narray([5])\n"},
    {"asfortranarray", bi_asfortranarray, "a, dtype=None, *, like=None",
     "The array itself when F-contiguous (of that dtype), else an F-ordered "
     "copy.\n\n"
     "The result has at least one dimension.\n\n"
     ">>> asfortranarray(ones((2, 3))).flags.f_contiguous\nTrue\n"},
    {"copy", bi_copy, "a, order='K', subok=False",
     "A copy of an array (or of anything array-like) with its own memory.\n\n"
     "order 'K' keeps the layout of a as far as possible.\n\n"
     ">>> x = array([1, 2, 3])\n>>> z = copy(x)\n>>> x[0] = 10\n>>> z\n"
     "array([1, 2, 3])\n"},
    {"diagflat", bi_diagflat, "v, k=0",
     "A 2-d array with the flattened input on the k-th diagonal.\n\n"
     "k > 0 is above the main diagonal.\n\n"
     ">>> diagflat([[1, 2], [3, 4]])\n"
     "array([[1, 0, 0, 0],\n       [0, 2, 0, 0],\n       [0, 0, 3, 0],\n"
     "       [0, 0, 0, 4]])\n"
     ">>> diagflat([1, 2], 1)\n"
     "array([[0, 1, 0],\n       [0, 0, 2],\n       [0, 0, 0]])\n"},
    {"empty", bi_empty, "shape, dtype=float, order='C'",
     "A new array of the given shape whose contents are not initialised.\n\n"
     "Faster than zeros when every element will be written anyway.\n\n"
     ">>> empty((2, 3)).shape\n(2, 3)\n"
     ">>> empty(2, dtype=int8).dtype\ndtype('int8')\n"},
    {"empty_like", bi_empty_like,
     "prototype, dtype=None, order='K', subok=True, shape=None",
     "A new uninitialised array with the shape and dtype of prototype.\n\n"
     "dtype and shape override the prototype's.\n\n"
     ">>> empty_like([[1, 2, 3], [4, 5, 6]]).shape\n(2, 3)\n"
     ">>> empty_like(ones(2), dtype=int8).dtype\ndtype('int8')\n"},
    {"eye", bi_eye, "N, M=None, k=0, dtype=float, order='C'",
     "A 2-d array with ones on the k-th diagonal and zeros elsewhere.\n\n"
     "N rows, M columns (default N); k > 0 is above the main diagonal.\n\n"
     ">>> eye(2)\narray([[1., 0.],\n       [0., 1.]])\n"
     ">>> eye(2, 3, k=1, dtype=int)\narray([[0, 1, 0],\n       [0, 0, 1]])\n"},
    {"fromfunction", bi_fromfunction,
     "function, shape, *, dtype=float, like=None, **kwargs",
     "Call function once with the index grids of shape (one array per "
     "axis).\n\n"
     "The function receives indices(shape, dtype) unpacked and its result "
     "is\nreturned; kwargs are passed on to it.\n\n"
     ">>> fromfunction((i, j) -> i, (2, 2), dtype=float)\n"
     "array([[0., 0.],\n       [1., 1.]])\n"
     ">>> fromfunction((i, j) -> i == j, (3, 3), dtype=int)\n"
     "array([[ True, False, False],\n       [False,  True, False],\n"
     "       [False, False,  True]])\n"
     ">>> fromfunction((i, j) -> i + j, (3, 3), dtype=int)\n"
     "array([[0, 1, 2],\n       [1, 2, 3],\n       [2, 3, 4]])\n"},
    {"full", bi_full, "shape, fill_value, dtype=None, order='C'",
     "A new array of the given shape filled with fill_value.\n\n"
     "Without dtype it is fill_value's (int64 for a Python int, float64 "
     "for a\nfloat, the dtype of a NumPy scalar or array).\n\n"
     ">>> full(3, 7)\narray([7, 7, 7])\n"
     ">>> full((2, 2), 0.5)\narray([[0.5, 0.5],\n       [0.5, 0.5]])\n"
     ">>> full(2, 1, dtype=float32)\narray([1., 1.], dtype=float32)\n"},
    {"full_like", bi_full_like,
     "a, fill_value, dtype=None, order='K', subok=True, shape=None",
     "A new array with the shape and dtype of a, filled with fill_value.\n\n"
     "The fill value is cast to the dtype (1.5 in an int array is 1).\n\n"
     ">>> x = arange(6, dtype=int)\n>>> full_like(x, 1)\n"
     "array([1, 1, 1, 1, 1, 1])\n"
     ">>> full_like(x, 0.1)\narray([0, 0, 0, 0, 0, 0])\n"
     ">>> full_like(x, 0.1, dtype=double)\n"
     "array([0.1, 0.1, 0.1, 0.1, 0.1, 0.1])\n"},
    {"geomspace", bi_geomspace,
     "start, stop, num=50, endpoint=True, dtype=None, axis=0",
     "num numbers spaced evenly on a log scale (a geometric progression).\n\n"
     "The endpoints are start and stop exactly; negative and complex "
     "values\nwork, zero is a ValueError.\n\n"
     ">>> geomspace(1, 1000, num=4)\narray([   1.,   10.,  100., 1000.])\n"
     ">>> geomspace(1, 1000, num=3, endpoint=False)\n"
     "array([  1.,  10., 100.])\n"
     ">>> geomspace(-1000, -1, num=4)\n"
     "array([-1000.,  -100.,   -10.,    -1.])\n"},
    {"identity", bi_identity, "n, dtype=None, *, like=None",
     "The n x n identity array (float64 unless dtype is given).\n\n"
     "The same as eye(n).\n\n"
     ">>> identity(3)\narray([[1., 0., 0.],\n       [0., 1., 0.],\n"
     "       [0., 0., 1.]])\n"},
    {"indices", bi_indices, "dimensions, dtype=int, sparse=False",
     "An array of the index grids of a shape: shape (len(dims), *dims).\n\n"
     "sparse=True gives a tuple of broadcastable arrays instead.\n\n"
     ">>> grid = indices((2, 3))\n>>> grid.shape\n(2, 2, 3)\n"
     ">>> grid[0]\narray([[0, 0, 0],\n       [1, 1, 1]])\n"
     ">>> grid[1]\narray([[0, 1, 2],\n       [0, 1, 2]])\n"},
    {"linspace", bi_linspace,
     "start, stop, num=50, endpoint=True, retstep=False, dtype=None, "
     "axis=0",
     "num evenly spaced numbers from start to stop.\n\n"
     "stop is included unless endpoint=False; retstep=True also returns "
     "the\nspacing.  start and stop may be arrays: the samples then run "
     "along axis.\n\n"
     ">>> linspace(0, 1, 5)\narray([0.  , 0.25, 0.5 , 0.75, 1.  ])\n"
     ">>> linspace(0, 1, 4, endpoint=False)\narray([0.  , 0.25, 0.5 , "
     "0.75])\n"
     ">>> linspace(0, 1, 3, retstep=True)\n(array([0. , 0.5, 1. ]), 0.5)\n"},
    {"logspace", bi_logspace,
     "start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0",
     "num numbers spaced evenly on a log scale: base ** linspace(start, "
     "stop).\n\n"
     "start and stop are exponents; they may be arrays (the samples run "
     "along\naxis).\n\n"
     ">>> logspace(2.0, 3.0, num=4)\n"
     "array([ 100.        ,  215.443469  ,  464.15888336, 1000.        ])\n"
     ">>> logspace(2.0, 3.0, num=4, endpoint=False)\n"
     "array([100.        , 177.827941  , 316.22776602, 562.34132519])\n"
     ">>> logspace(2.0, 3.0, num=4, base=2.0)\n"
     "array([4.        , 5.0396842 , 6.34960421, 8.        ])\n"},
    {"meshgrid", bi_meshgrid, "*xi, copy=True, sparse=False, indexing='xy'",
     "Coordinate matrices from coordinate vectors (a tuple).\n\n"
     "indexing='xy' (Cartesian) gives shape (len(y), len(x)) for two "
     "inputs,\n'ij' (matrix) gives (len(x), len(y)); sparse=True keeps "
     "length-1 axes.\n\n"
     ">>> xv, yv = meshgrid(linspace(0, 1, 3), linspace(0, 1, 2))\n"
     ">>> xv\narray([[0. , 0.5, 1. ],\n       [0. , 0.5, 1. ]])\n"
     ">>> yv\narray([[0., 0., 0.],\n       [1., 1., 1.]])\n"
     ">>> xv, yv = meshgrid([1, 2, 3], [4, 5], sparse=True)\n"
     ">>> xv\narray([[1, 2, 3]])\n"
     ">>> yv\narray([[4],\n       [5]])\n"},
    {"ones", bi_ones, "shape, dtype=float, order='C'",
     "A new array of the given shape filled with ones.\n\n"
     "shape is an int or a tuple of ints; dtype defaults to float64.\n\n"
     ">>> ones(3)\narray([1., 1., 1.])\n"
     ">>> ones((2, 2), dtype=int8)\narray([[1, 1],\n       [1, 1]], "
     "dtype=int8)\n"},
    {"ones_like", bi_ones_like,
     "a, dtype=None, order='K', subok=True, shape=None",
     "An array of ones with the shape and dtype of a.\n\n"
     "dtype and shape override a's.\n\n"
     ">>> ones_like(arange(6).reshape((2, 3)))\n"
     "array([[1, 1, 1],\n       [1, 1, 1]])\n"
     ">>> ones_like([1.5, 2.5])\narray([1., 1.])\n"},
    {"tri", bi_tri, "N, M=None, k=0, dtype=float, *, like=None",
     "An array with ones at and below the k-th diagonal, zeros "
     "elsewhere.\n\n"
     "N rows, M columns (default N).\n\n"
     ">>> tri(3, 5, 2, dtype=int)\n"
     "array([[1, 1, 1, 0, 0],\n       [1, 1, 1, 1, 0],\n"
     "       [1, 1, 1, 1, 1]])\n"
     ">>> tri(3, 5, -1)\n"
     "array([[0., 0., 0., 0., 0.],\n       [1., 0., 0., 0., 0.],\n"
     "       [1., 1., 0., 0., 0.]])\n"},
    {"vander", bi_vander, "x, N=None, increasing=False",
     "The Vandermonde matrix of a 1-d x: columns are powers of x.\n\n"
     "Decreasing powers x**(N-1) .. x**0 unless increasing=True; N "
     "defaults to\nlen(x).\n\n"
     ">>> x = array([1, 2, 3, 5])\n>>> vander(x, 3)\n"
     "array([[ 1,  1,  1],\n       [ 4,  2,  1],\n       [ 9,  3,  1],\n"
     "       [25,  5,  1]])\n"
     ">>> vander(x, increasing=True)\n"
     "array([[  1,   1,   1,   1],\n       [  1,   2,   4,   8],\n"
     "       [  1,   3,   9,  27],\n       [  1,   5,  25, 125]])\n"},
    {"zeros", bi_zeros, "shape, dtype=float, order='C'",
     "A new array of the given shape filled with zeros.\n\n"
     "shape is an int or a tuple of ints; dtype defaults to float64.\n\n"
     ">>> zeros((2, 3))\narray([[0., 0., 0.],\n       [0., 0., 0.]])\n"
     ">>> zeros(3, dtype=int)\narray([0, 0, 0])\n"},
    {"zeros_like", bi_zeros_like,
     "a, dtype=None, order='K', subok=True, shape=None",
     "An array of zeros with the shape and dtype of a.\n\n"
     "dtype and shape override a's.\n\n"
     ">>> zeros_like(arange(6).reshape((2, 3)))\n"
     "array([[0, 0, 0],\n       [0, 0, 0]])\n"
     ">>> zeros_like([1.5, 2.5], dtype=int)\narray([0, 0])\n"},
};

const Namespace ns_create = {
    .name = "creation",
    .defs = create_defs,
    .ndefs = sizeof create_defs / sizeof create_defs[0],
    .consts = create_consts,
    .nconsts = sizeof create_consts / sizeof create_consts[0],
    .help = "Array creation: array, asarray, zeros, ones, empty, full and "
            "their *_like,\narange, linspace, logspace, geomspace, eye, "
            "identity, tri, diagflat, vander,\nmeshgrid, indices, "
            "fromfunction, copy, mgrid, ogrid.",
};
