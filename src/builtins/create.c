/* create.c — the array-creation builtins of the root namespace: array,
 * asarray, zeros, ones, empty, full, arange, linspace, eye, with NumPy 2's
 * signatures and defaults.  They read their arguments with ops.h's
 * converters (value_to_array, value_to_shape, value_to_dtype) and build
 * the arrays with libnd. */
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

static int get_bool(Value v, bool dflt, bool *out)
{
    if (v.kind == VK_UNSET) {
        *out = dflt;
        return 0;
    }
    int t = op_truth(v);
    if (t < 0)
        return -1;
    *out = t;
    return 0;
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
    if (args[4].kind != VK_UNSET && bi_get_int(args[4], &ndmin) < 0)
        return v_error();
    return make_array(args[0], args[1], copy, args[3], ndmin);
}

static Value bi_asarray(Value *args)
{
    int copy = -1;
    if (given(args[3])) {
        int t = op_truth(args[3]);
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

static Value bi_linspace(Value *args)
{
    double start, stop;
    int64_t num = 50;
    bool endpoint, retstep;
    NdType dt;
    if (args[0].kind == VK_ARRAY || args[1].kind == VK_ARRAY ||
        args[0].kind == VK_LIST || args[1].kind == VK_LIST ||
        args[0].kind == VK_TUPLE || args[1].kind == VK_TUPLE)
        return rt_raise(ERR_TYPE, "linspace() takes scalar start and stop "
                                  "(array endpoints are not supported yet)");
    if (value_to_double(args[0], &start) < 0 ||
        value_to_double(args[1], &stop) < 0)
        return v_error();
    if (args[2].kind != VK_UNSET && bi_get_int(args[2], &num) < 0)
        return v_error();
    if (num < 0)
        return rt_raise(ERR_VALUE,
                        "Number of samples, %lld, must be non-negative.",
                        (long long)num);
    if (get_bool(args[3], true, &endpoint) < 0 ||
        get_bool(args[4], false, &retstep) < 0 ||
        get_dtype(args[5], ND_FLOAT64, &dt) < 0)
        return v_error();
    double step;
    NdArray *a = nd_linspace(start, stop, num, endpoint, dt, &step);
    if (!a)
        return rt_from_lib();
    Value arr = v_array_take(a);
    if (!retstep || v_is_err(arr))
        return arr;
    Value t = v_tuple_new(2);
    if (v_is_err(t)) {
        v_decref(arr);
        return t;
    }
    tuple_set_take(t, 0, arr);
    tuple_set_take(t, 1, v_float(step));
    return t;
}

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
    {"array", bi_array, "object, dtype=None, copy=True, order='K', ndmin=0",
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
    {"asarray", bi_asarray, "a, dtype=None, order=None, copy=None",
     "Convert the input to an array, without copying when it already is "
     "one.\n\n"
     "Like array(a, copy=None): an array of the right dtype comes back "
     "itself.\n\n"
     ">>> a = array([1, 2])\n>>> asarray(a) is a\nTrue\n"
     ">>> asarray((1, 2.5))\narray([1. , 2.5])\n"},
    {"empty", bi_empty, "shape, dtype=float, order='C'",
     "A new array of the given shape whose contents are not initialised.\n\n"
     "Faster than zeros when every element will be written anyway.\n\n"
     ">>> empty((2, 3)).shape\n(2, 3)\n"
     ">>> empty(2, dtype=int8).dtype\ndtype('int8')\n"},
    {"eye", bi_eye, "N, M=None, k=0, dtype=float, order='C'",
     "A 2-d array with ones on the k-th diagonal and zeros elsewhere.\n\n"
     "N rows, M columns (default N); k > 0 is above the main diagonal.\n\n"
     ">>> eye(2)\narray([[1., 0.],\n       [0., 1.]])\n"
     ">>> eye(2, 3, k=1, dtype=int)\narray([[0, 1, 0],\n       [0, 0, 1]])\n"},
    {"full", bi_full, "shape, fill_value, dtype=None, order='C'",
     "A new array of the given shape filled with fill_value.\n\n"
     "Without dtype it is fill_value's (int64 for a Python int, float64 "
     "for a\nfloat, the dtype of a NumPy scalar or array).\n\n"
     ">>> full(3, 7)\narray([7, 7, 7])\n"
     ">>> full((2, 2), 0.5)\narray([[0.5, 0.5],\n       [0.5, 0.5]])\n"
     ">>> full(2, 1, dtype=float32)\narray([1., 1.], dtype=float32)\n"},
    {"linspace", bi_linspace,
     "start, stop, num=50, endpoint=True, retstep=False, dtype=None",
     "num evenly spaced numbers from start to stop.\n\n"
     "stop is included unless endpoint=False; retstep=True also returns "
     "the\nspacing.\n\n"
     ">>> linspace(0, 1, 5)\narray([0.  , 0.25, 0.5 , 0.75, 1.  ])\n"
     ">>> linspace(0, 1, 4, endpoint=False)\narray([0.  , 0.25, 0.5 , "
     "0.75])\n"
     ">>> linspace(0, 1, 3, retstep=True)\n(array([0. , 0.5, 1. ]), 0.5)\n"},
    {"ones", bi_ones, "shape, dtype=float, order='C'",
     "A new array of the given shape filled with ones.\n\n"
     "shape is an int or a tuple of ints; dtype defaults to float64.\n\n"
     ">>> ones(3)\narray([1., 1., 1.])\n"
     ">>> ones((2, 2), dtype=int8)\narray([[1, 1],\n       [1, 1]], "
     "dtype=int8)\n"},
    {"zeros", bi_zeros, "shape, dtype=float, order='C'",
     "A new array of the given shape filled with zeros.\n\n"
     "shape is an int or a tuple of ints; dtype defaults to float64.\n\n"
     ">>> zeros((2, 3))\narray([[0., 0., 0.],\n       [0., 0., 0.]])\n"
     ">>> zeros(3, dtype=int)\narray([0, 0, 0])\n"},
};

const Namespace ns_create = {
    .name = "creation",
    .defs = create_defs,
    .ndefs = sizeof create_defs / sizeof create_defs[0],
    .help = "Array creation: array, asarray, zeros, ones, empty, full, "
            "arange, linspace, eye.",
};
