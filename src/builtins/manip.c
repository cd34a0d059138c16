/* manip.c — the builtins of array manipulation: reshape, ravel, transpose,
 * moveaxis, concatenate, stack and its relatives, block, the splits, tile,
 * repeat, flip, roll, rot90, resize, append, insert, delete, pad and
 * trim_zeros as root functions (NumPy's names, parameters and errors), and
 * the ndarray method a.repeat.  Arguments are read here (sequences of
 * arrays, axes, pad widths in every NumPy form); the work is libnd's
 * (lib/manip.c, lib/shape.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

/* A strong array for any value (NumPy's asarray: a Python scalar becomes
 * a 0-d int64/float64 array, not a weak one).  NULL: error pending. */
static NdArray *to_array(Value v)
{
    NdArray *a = value_to_array(v, ND_NTYPES);
    if (a && (a->flags & ND_WEAK)) {
        if (a->refcount == 1) {
            a->flags &= ~(unsigned)ND_WEAK;
        } else {
            NdArray *c = nd_copy(a, 'K');
            nd_decref(a);
            if (!c) {
                rt_fail_from_lib();
                return NULL;
            }
            c->flags &= ~(unsigned)ND_WEAK;
            a = c;
        }
    }
    return a;
}

/* A list of arrays read from a sequence argument. */
typedef struct ArrList {
    NdArray **a;
    int64_t n;
} ArrList;

static void arrlist_free(ArrList *l)
{
    for (int64_t i = 0; i < l->n; i++)
        nd_decref(l->a[i]);
    free(l->a);
    l->a = NULL;
    l->n = 0;
}

/* The items of a list or tuple (each converted as asarray), or the
 * sub-arrays along the first axis of anything else array-like. */
static int seq_arrays(Value seq, const char *func, ArrList *out)
{
    out->a = NULL;
    out->n = 0;
    if (seq.kind == VK_LIST || seq.kind == VK_TUPLE) {
        int64_t n = seq.kind == VK_LIST ? as_list(seq)->n : as_tuple(seq)->n;
        const Value *items =
            seq.kind == VK_LIST ? as_list(seq)->items : as_tuple(seq)->items;
        out->a = calloc((size_t)(n ? n : 1), sizeof *out->a);
        if (!out->a)
            return rt_fail(ERR_MEMORY, "out of memory");
        for (int64_t i = 0; i < n; i++) {
            out->a[i] = to_array(items[i]);
            if (!out->a[i]) {
                out->n = i;
                arrlist_free(out);
                return -1;
            }
        }
        out->n = n;
        return 0;
    }
    NdArray *a = to_array(seq);
    if (!a)
        return -1;
    if (a->ndim == 0) {
        nd_decref(a);
        return rt_fail(ERR_TYPE,
                       "%s() argument must be a sequence of arrays, not %s",
                       func, bi_type_name(seq));
    }
    int64_t n = a->shape[0];
    out->a = calloc((size_t)(n ? n : 1), sizeof *out->a);
    if (!out->a) {
        nd_decref(a);
        return rt_fail(ERR_MEMORY, "out of memory");
    }
    for (int64_t i = 0; i < n; i++) {
        out->a[i] = nd_view_new(a->buffer, a->dtype, a->ndim - 1, a->shape + 1,
                                a->strides + 1, a->data + i * a->strides[0],
                                (a->flags & ND_WRITEABLE) != 0);
        if (!out->a[i]) {
            out->n = i;
            arrlist_free(out);
            nd_decref(a);
            return rt_fail_from_lib();
        }
    }
    out->n = n;
    nd_decref(a);
    return 0;
}

/* Ints from an int or a sequence of ints (at most max of them). */
static int get_ints(Value v, int64_t *out, int max, int *n)
{
    if (v.kind == VK_LIST || v.kind == VK_TUPLE) {
        int64_t cnt = v.kind == VK_LIST ? as_list(v)->n : as_tuple(v)->n;
        const Value *items =
            v.kind == VK_LIST ? as_list(v)->items : as_tuple(v)->items;
        if (cnt > max)
            return rt_fail(ERR_VALUE, "too many axes");
        for (int64_t i = 0; i < cnt; i++)
            if (bi_get_int(items[i], &out[i]) < 0)
                return -1;
        *n = (int)cnt;
        return 0;
    }
    if (v.kind == VK_ARRAY && v.as.array->ndim == 1) {
        NdArray *a = v.as.array;
        if (a->size > max)
            return rt_fail(ERR_VALUE, "too many axes");
        for (int64_t i = 0; i < a->size; i++) {
            NdScalar s;
            if (nd_get_item(a, &i, &s) < 0)
                return rt_fail_from_lib();
            if (bi_get_int(v_from_ndscalar(&s), &out[i]) < 0)
                return -1;
        }
        *n = (int)a->size;
        return 0;
    }
    *n = 1;
    return bi_get_int(v, &out[0]);
}

/* An axis argument: None -> ND_AXIS_NONE, unset -> dflt. */
static int get_axis(Value v, int64_t dflt, int64_t *out)
{
    if (v.kind == VK_UNSET) {
        *out = dflt;
        return 0;
    }
    if (v.kind == VK_NONE) {
        *out = ND_AXIS_NONE;
        return 0;
    }
    return bi_get_int(v, out);
}

static int get_dtype_opt(Value v, NdType *out)
{
    *out = ND_NTYPES;
    return given(v) ? value_to_dtype(v, out) : 0;
}

static int get_casting(Value v, NdCasting *out)
{
    static const char *names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    *out = ND_CAST_SAME_KIND;
    if (v.kind == VK_UNSET)
        return 0;
    const char *s = v.kind == VK_STR ? as_str(v)->data : "";
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, names[i])) {
            *out = (NdCasting)i;
            return 0;
        }
    if (v.kind != VK_STR)
        return rt_fail(ERR_TYPE, "casting must be str, not %s",
                       bi_type_name(v));
    return rt_fail(ERR_VALUE,
                   "casting must be one of 'no', 'equiv', 'safe', "
                   "'same_kind', or 'unsafe' (got '%s')",
                   s);
}

/* A tuple (or list) of arrays, taking the references. */
static Value arrays_value(NdArray **arr, int64_t n, bool list)
{
    Value r = list ? v_list_new(n) : v_tuple_new(n);
    if (v_is_err(r)) {
        for (int64_t i = 0; i < n; i++)
            nd_decref(arr[i]);
        return r;
    }
    for (int64_t i = 0; i < n; i++) {
        Value item = v_array_take(arr[i]);
        if (list) {
            int rc = list_append(r, item);
            v_decref(item);
            if (rc < 0) {
                for (int64_t j = i + 1; j < n; j++)
                    nd_decref(arr[j]);
                v_decref(r);
                return v_error();
            }
        } else {
            tuple_set_take(r, i, item);
        }
    }
    return r;
}

static Value arg_error(void)
{
    return v_error();
}

/* --------------------------------------------------------- reshaping */

static Value bi_reshape(Value *args)
{
    int64_t shape[ND_MAXDIMS];
    int n;
    char order;
    Value sv = args[1];
    if (given(args[3])) {
        if (given(sv))
            return rt_raise(ERR_TYPE, "You cannot specify 'newshape' and "
                                      "'shape' arguments at the same time.");
        sv = args[3];
    }
    if (!given(sv))
        return rt_raise(ERR_TYPE, "reshape() missing 1 required positional "
                                  "argument: 'shape'");
    if (value_to_shape(sv, &n, shape) < 0 ||
        bi_get_order(args[2], "CFA", 'C', &order) < 0)
        return arg_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    if (order == 'A')
        order = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS)
                    ? 'F'
                    : 'C';
    int copy = -1;
    if (args[4].kind != VK_UNSET && args[4].kind != VK_NONE) {
        copy = op_truth(args[4]);
        if (copy < 0) {
            nd_decref(a);
            return v_error();
        }
    }
    NdArray *r;
    if (copy == 0) {
        r = nd_reshape_view(a, n, shape, order);
        if (!r && nd_error_kind() == ND_ERR_VALUE &&
            !strcmp(nd_error_message(), "cannot reshape array without "
                                        "copying")) {
            nd_error_clear();
            nd_decref(a);
            return rt_raise(ERR_VALUE, "Unable to avoid creating a copy while "
                                       "reshaping.");
        }
    } else if (copy == 1) {
        NdArray *c = nd_copy(a, order);
        r = c ? nd_reshape(c, n, shape, order) : NULL;
        nd_decref(c);
    } else {
        r = nd_reshape(a, n, shape, order);
    }
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_ravel(Value *args)
{
    char order;
    if (bi_get_order(args[1], "CFAK", 'C', &order) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_ravel_order(a, order);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_transpose(Value *args)
{
    int64_t axes[ND_MAXDIMS];
    int n = 0;
    if (given(args[1]) && get_ints(args[1], axes, ND_MAXDIMS, &n) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r =
        given(args[1]) ? nd_transpose(a, axes, n) : nd_transpose(a, NULL, 0);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_swapaxes(Value *args)
{
    int64_t a1, a2;
    int i1, i2;
    if (bi_get_int(args[1], &a1) < 0 || bi_get_int(args[2], &a2) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = NULL;
    if (nd_normalize_axes(&a1, 1, a->ndim, "axis1", true, &i1) == 0 &&
        nd_normalize_axes(&a2, 1, a->ndim, "axis2", true, &i2) == 0)
        r = nd_swapaxes(a, a1, a2);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_moveaxis(Value *args)
{
    int64_t src[ND_MAXDIMS], dst[ND_MAXDIMS];
    int ns, nd;
    if (get_ints(args[1], src, ND_MAXDIMS, &ns) < 0 ||
        get_ints(args[2], dst, ND_MAXDIMS, &nd) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_moveaxis(a, src, ns, dst, nd);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_rollaxis(Value *args)
{
    int64_t axis, start = 0;
    if (bi_get_int(args[1], &axis) < 0 ||
        (args[2].kind != VK_UNSET && bi_get_int(args[2], &start) < 0))
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_rollaxis(a, axis, start);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_expand_dims(Value *args)
{
    int64_t axes[ND_MAXDIMS];
    int n;
    if (get_ints(args[1], axes, ND_MAXDIMS, &n) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_expand_dims(a, axes, n);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_squeeze(Value *args)
{
    int64_t axes[ND_MAXDIMS];
    int n = 0;
    if (given(args[1]) && get_ints(args[1], axes, ND_MAXDIMS, &n) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_squeeze(a, given(args[1]) ? axes : NULL, n);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_broadcast_to(Value *args)
{
    int64_t shape[ND_MAXDIMS];
    int n;
    if (value_to_shape(args[1], &n, shape) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_broadcast_to(a, n, shape);
    nd_decref(a);
    return bi_result_array(r);
}

/* Each argument through fn, one result or a tuple of them. */
static Value each_arg(Value tuple, NdArray *(*fn)(NdArray *, int), int n)
{
    Tuple *t = as_tuple(tuple);
    NdArray *res[ND_MAXDIMS * 8];
    if (t->n > (int64_t)(sizeof res / sizeof res[0]))
        return rt_raise(ERR_VALUE, "too many arguments");
    for (int64_t i = 0; i < t->n; i++) {
        NdArray *a = to_array(t->items[i]);
        res[i] = a ? fn(a, n) : NULL;
        if (a && !res[i])
            rt_fail_from_lib();
        nd_decref(a);
        if (!res[i]) {
            for (int64_t j = 0; j < i; j++)
                nd_decref(res[j]);
            return v_error();
        }
    }
    if (t->n == 1)
        return v_array_take(res[0]);
    return arrays_value(res, t->n, false);
}

static Value bi_atleast_1d(Value *args)
{
    return each_arg(args[0], nd_atleast, 1);
}
static Value bi_atleast_2d(Value *args)
{
    return each_arg(args[0], nd_atleast, 2);
}
static Value bi_atleast_3d(Value *args)
{
    return each_arg(args[0], nd_atleast, 3);
}

static Value bi_broadcast_arrays(Value *args)
{
    ArrList l;
    if (seq_arrays(args[0], "broadcast_arrays", &l) < 0)
        return v_error();
    if (l.n > ND_MAXDIMS * 2) {
        arrlist_free(&l);
        return rt_raise(ERR_VALUE, "too many arrays");
    }
    NdArray *out[ND_MAXDIMS * 2];
    int rc = nd_broadcast_arrays(l.a, (int)l.n, out);
    int64_t n = l.n;
    arrlist_free(&l);
    if (rc < 0)
        return rt_from_lib();
    return arrays_value(out, n, false);
}

/* ----------------------------------------------------------- joining */

/* Write r into out= (NumPy's out argument), returning out. */
static Value to_out(NdArray *r, Value out, NdCasting casting)
{
    if (!r)
        return rt_from_lib();
    if (!given(out))
        return v_array_take(r);
    if (out.kind != VK_ARRAY) {
        nd_decref(r);
        return rt_raise(ERR_TYPE, "return arrays must be of ArrayType");
    }
    NdArray *o = out.as.array;
    if (o->ndim != r->ndim ||
        memcmp(o->shape, r->shape, (size_t)r->ndim * sizeof(int64_t))) {
        nd_decref(r);
        return rt_raise(ERR_VALUE, "Output array is the wrong shape");
    }
    if (!nd_can_cast(r->dtype, o->dtype, casting)) {
        NdType from = r->dtype;
        nd_decref(r);
        return rt_raise(ERR_TYPE,
                        "Cannot cast array data from dtype('%s') to "
                        "dtype('%s') according to the rule '%s'",
                        nd_dtype_name(from), nd_dtype_name(o->dtype),
                        nd_casting_name(casting));
    }
    int rc = nd_copyto(o, r, ND_CAST_UNSAFE);
    nd_decref(r);
    if (rc < 0)
        return rt_from_lib();
    v_incref(out);
    return out;
}

static Value bi_concatenate(Value *args)
{
    int64_t axis;
    NdType dt;
    NdCasting casting;
    ArrList l;
    if (get_axis(args[1], 0, &axis) < 0 || get_dtype_opt(args[3], &dt) < 0 ||
        get_casting(args[4], &casting) < 0)
        return v_error();
    if (given(args[2]) && given(args[3]))
        return rt_raise(ERR_TYPE, "concatenate() only takes `out` or `dtype` "
                                  "as an argument, but both were provided.");
    if (seq_arrays(args[0], "concatenate", &l) < 0)
        return v_error();
    NdArray *r = nd_concatenate(l.a, l.n, axis, dt, casting);
    arrlist_free(&l);
    return to_out(r, args[2], casting);
}

static Value bi_stack(Value *args)
{
    int64_t axis;
    NdType dt;
    NdCasting casting;
    ArrList l;
    if (get_axis(args[1], 0, &axis) < 0 || get_dtype_opt(args[3], &dt) < 0 ||
        get_casting(args[4], &casting) < 0)
        return v_error();
    if (axis == ND_AXIS_NONE)
        return rt_raise(ERR_TYPE, "'NoneType' object cannot be interpreted "
                                  "as an integer");
    if (seq_arrays(args[0], "stack", &l) < 0)
        return v_error();
    NdArray *r = nd_stack(l.a, l.n, axis, dt, casting);
    arrlist_free(&l);
    return to_out(r, args[2], casting);
}

/* vstack/hstack/dstack: atleast_Nd of each, then concatenate. */
static Value stack_like(Value *args, int nd, const char *func)
{
    NdType dt = ND_NTYPES;
    NdCasting casting = ND_CAST_SAME_KIND;
    ArrList l;
    /* dstack(tup) has no dtype/casting parameters (args has one slot) */
    if (nd != 3 &&
        (get_dtype_opt(args[1], &dt) < 0 || get_casting(args[2], &casting) < 0))
        return v_error();
    if (seq_arrays(args[0], func, &l) < 0)
        return v_error();
    for (int64_t i = 0; i < l.n; i++) {
        NdArray *x = nd_atleast(l.a[i], nd);
        if (!x) {
            arrlist_free(&l);
            return rt_from_lib();
        }
        nd_decref(l.a[i]);
        l.a[i] = x;
    }
    int64_t axis = nd == 1   ? (l.n && l.a[0]->ndim == 1 ? 0 : 1)
                   : nd == 2 ? 0
                             : 2;
    NdArray *r = nd_concatenate(l.a, l.n, axis, dt, casting);
    arrlist_free(&l);
    return bi_result_array(r);
}

static Value bi_vstack(Value *args)
{
    return stack_like(args, 2, "vstack");
}
static Value bi_hstack(Value *args)
{
    return stack_like(args, 1, "hstack");
}
static Value bi_dstack(Value *args)
{
    return stack_like(args, 3, "dstack");
}

static Value bi_column_stack(Value *args)
{
    ArrList l;
    if (seq_arrays(args[0], "column_stack", &l) < 0)
        return v_error();
    for (int64_t i = 0; i < l.n; i++) {
        if (l.a[i]->ndim >= 2)
            continue;
        NdArray *x = nd_atleast(l.a[i], 2);
        NdArray *t = x ? nd_transpose(x, NULL, 0) : NULL;
        nd_decref(x);
        if (!t) {
            arrlist_free(&l);
            return rt_from_lib();
        }
        nd_decref(l.a[i]);
        l.a[i] = t;
    }
    NdArray *r = nd_concatenate(l.a, l.n, 1, ND_NTYPES, ND_CAST_SAME_KIND);
    arrlist_free(&l);
    return bi_result_array(r);
}

/* block: the depth of nested lists and the maximum array ndim. */
static int block_depth(Value v, int depth, const char *path, int *list_ndim,
                       int *max_ndim, char *first_path)
{
    if (v.kind == VK_TUPLE)
        return rt_fail(ERR_TYPE,
                       "%s is a tuple. Only lists can be used to arrange "
                       "blocks, and np.block does not allow implicit "
                       "conversion from tuple to ndarray.",
                       path);
    if (v.kind == VK_LIST) {
        List *l = as_list(v);
        if (l->n == 0)
            return rt_fail(ERR_VALUE, "List at %s cannot be empty", path);
        for (int64_t i = 0; i < l->n; i++) {
            char sub[512];
            snprintf(sub, sizeof sub, "%s[%lld]", path, (long long)i);
            if (block_depth(l->items[i], depth + 1, sub, list_ndim, max_ndim,
                            first_path) < 0)
                return -1;
        }
        return 0;
    }
    if (*list_ndim < 0) {
        *list_ndim = depth;
        snprintf(first_path, 512, "%s", path);
    } else if (*list_ndim != depth) {
        return rt_fail(ERR_VALUE,
                       "List depths are mismatched. First element was at "
                       "depth %d, but there is an element at depth %d (%s)",
                       *list_ndim, depth, path);
    }
    NdArray *a = to_array(v);
    if (!a)
        return -1;
    if (a->ndim > *max_ndim)
        *max_ndim = a->ndim;
    nd_decref(a);
    return 0;
}

/* The block of one nested level, concatenated along axis -(list_ndim -
 * depth). */
static NdArray *block_rec(Value v, int depth, int list_ndim, int ndim)
{
    if (v.kind != VK_LIST) {
        NdArray *a = to_array(v);
        if (!a)
            return NULL;
        NdArray *r = a;
        if (a->ndim < ndim) {
            int64_t add[ND_MAXDIMS];
            for (int i = 0; i < ndim - a->ndim; i++)
                add[i] = i;
            r = nd_expand_dims(a, add, ndim - a->ndim);
            nd_decref(a);
            if (!r)
                rt_fail_from_lib();
        }
        return r;
    }
    List *l = as_list(v);
    NdArray **parts = calloc((size_t)l->n, sizeof *parts);
    NdArray *r = NULL;
    if (!parts) {
        rt_fail(ERR_MEMORY, "out of memory");
        return NULL;
    }
    for (int64_t i = 0; i < l->n; i++)
        if (!(parts[i] = block_rec(l->items[i], depth + 1, list_ndim, ndim)))
            goto done;
    r = nd_concatenate(parts, l->n, -(list_ndim - depth), ND_NTYPES,
                       ND_CAST_SAME_KIND);
    if (!r)
        rt_fail_from_lib();
done:
    for (int64_t i = 0; i < l->n; i++)
        nd_decref(parts[i]);
    free(parts);
    return r;
}

static Value bi_block(Value *args)
{
    int list_ndim = -1, max_ndim = 0;
    char first[512];
    if (block_depth(args[0], 0, "arrays", &list_ndim, &max_ndim, first) < 0)
        return v_error();
    int ndim = list_ndim > max_ndim ? list_ndim : max_ndim;
    if (list_ndim == 0) {
        NdArray *a = to_array(args[0]);
        if (!a)
            return v_error();
        NdArray *c = nd_copy(a, 'C');
        nd_decref(a);
        return bi_result_array(c);
    }
    NdArray *r = block_rec(args[0], 0, list_ndim, ndim);
    return r ? v_array_take(r) : v_error();
}

/* --------------------------------------------------------- splitting */

/* array_split / split: equal says split's "equal division" rule. */
static Value split_impl(NdArray *a, Value ios, int64_t axis, bool equal)
{
    int64_t *points = NULL, npoints;
    if (axis >= a->ndim || axis < -(int64_t)a->ndim)
        return rt_raise(ERR_INDEX, "tuple index out of range");
    int64_t len = a->shape[axis < 0 ? axis + a->ndim : axis];
    if (ios.kind == VK_SCALAR ||
        (ios.kind == VK_ARRAY && ios.as.array->ndim == 0)) {
        int64_t sections;
        if (bi_get_int(ios, &sections) < 0)
            return v_error();
        if (equal) {
            if (sections == 0)
                return rt_raise(ERR_ZERO_DIVISION, "integer modulo by zero");
            int64_t m = len % sections;
            if (m != 0)
                return rt_raise(ERR_VALUE, "array split does not result in "
                                           "an equal division");
        }
        if (sections <= 0)
            return rt_raise(ERR_VALUE, "number sections must be larger than "
                                       "0.");
        npoints = sections - 1;
        points = malloc((size_t)(npoints ? npoints : 1) * sizeof *points);
        if (!points)
            return rt_raise(ERR_MEMORY, "out of memory");
        if (nd_split_points(len, sections, points) < 0) {
            free(points);
            return rt_from_lib();
        }
    } else {
        NdArray *ix = to_array(ios);
        if (!ix)
            return v_error();
        if (ix->ndim != 1) {
            nd_decref(ix);
            return rt_raise(ERR_TYPE, "indices_or_sections must be an int or "
                                      "a 1-d sequence of ints");
        }
        npoints = ix->size;
        points = malloc((size_t)(npoints ? npoints : 1) * sizeof *points);
        if (!points) {
            nd_decref(ix);
            return rt_raise(ERR_MEMORY, "out of memory");
        }
        for (int64_t i = 0; i < npoints; i++) {
            NdScalar s;
            nd_get_item(ix, &i, &s);
            if (bi_get_int(v_from_ndscalar(&s), &points[i]) < 0) {
                nd_decref(ix);
                free(points);
                return v_error();
            }
        }
        nd_decref(ix);
    }
    NdArray **parts = calloc((size_t)(npoints + 1), sizeof *parts);
    if (!parts) {
        free(points);
        return rt_raise(ERR_MEMORY, "out of memory");
    }
    int rc = nd_split_at(a, points, npoints, axis, parts);
    free(points);
    if (rc < 0) {
        free(parts);
        return rt_from_lib();
    }
    Value r = arrays_value(parts, npoints + 1, true);
    free(parts);
    return r;
}

static Value split_common(Value *args, bool equal, int fixed_axis,
                          const char *func)
{
    int64_t axis = 0;
    if (fixed_axis == -1 && args[2].kind != VK_UNSET &&
        bi_get_int(args[2], &axis) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    if (fixed_axis >= 0) {
        int need = fixed_axis == 1 ? 1 : fixed_axis == 0 ? 2 : 3;
        if (a->ndim < need) {
            nd_decref(a);
            return rt_raise(ERR_VALUE,
                            "%s only works on arrays of %d or more "
                            "dimensions",
                            func, need);
        }
        axis = fixed_axis == 1 ? (a->ndim > 1 ? 1 : 0) : fixed_axis;
    }
    Value r = split_impl(a, args[1], axis, equal);
    nd_decref(a);
    return r;
}

static Value bi_split(Value *args)
{
    return split_common(args, true, -1, "split");
}
static Value bi_array_split(Value *args)
{
    return split_common(args, false, -1, "array_split");
}
static Value bi_hsplit(Value *args)
{
    return split_common(args, true, 1, "hsplit");
}
static Value bi_vsplit(Value *args)
{
    return split_common(args, true, 0, "vsplit");
}
static Value bi_dsplit(Value *args)
{
    return split_common(args, true, 2, "dsplit");
}

/* ---------------------------------------------------------- copying */

static Value bi_tile(Value *args)
{
    int64_t reps[ND_MAXDIMS];
    int n;
    if (get_ints(args[1], reps, ND_MAXDIMS, &n) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_tile(a, reps, n);
    nd_decref(a);
    return bi_result_array(r);
}

/* repeats: an int or a 1-d sequence of ints (safe cast to int64). */
static Value repeat_impl(NdArray *a, Value rep, Value axis_v)
{
    int64_t axis;
    if (get_axis(axis_v, ND_AXIS_NONE, &axis) < 0)
        return v_error();
    NdArray *r0 = to_array(rep);
    if (!r0)
        return v_error();
    /* NumPy converts a list of counts directly (1.5 -> 1) but casts an
     * array of them safely */
    if (rep.kind == VK_ARRAY &&
        !nd_can_cast(r0->dtype, ND_INT64, ND_CAST_SAFE)) {
        NdType t = r0->dtype;
        nd_decref(r0);
        return rt_raise(ERR_TYPE,
                        "Cannot cast array data from dtype('%s') to "
                        "dtype('int64') according to the rule 'safe'",
                        nd_dtype_name(t));
    }
    if (r0->ndim > 1) {
        nd_decref(r0);
        return rt_raise(ERR_VALUE, "object too deep for desired array");
    }
    NdArray *ri = nd_astype(r0, ND_INT64, ND_CAST_UNSAFE, true);
    nd_decref(r0);
    if (!ri)
        return rt_from_lib();
    NdArray *c = nd_ascontiguousarray(ri);
    nd_decref(ri);
    if (!c)
        return rt_from_lib();
    NdArray *r = nd_repeat(a, (const int64_t *)(void *)c->data,
                           c->ndim == 0 ? 1 : c->size, axis);
    nd_decref(c);
    return bi_result_array(r);
}

static Value bi_repeat(Value *args)
{
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    Value r = repeat_impl(a, args[1], args[2]);
    nd_decref(a);
    return r;
}

static Value m_repeat(Value *args)
{
    return repeat_impl(args[0].as.array, args[1], args[2]);
}

static Value bi_flip(Value *args)
{
    int64_t axes[ND_MAXDIMS];
    int n = 0;
    if (given(args[1]) && get_ints(args[1], axes, ND_MAXDIMS, &n) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_flip(a, given(args[1]) ? axes : NULL, n);
    nd_decref(a);
    return bi_result_array(r);
}

static Value flip_one(Value m, int64_t axis, int need)
{
    NdArray *a = to_array(m);
    if (!a)
        return v_error();
    if (a->ndim < need) {
        nd_decref(a);
        return rt_raise(ERR_VALUE, "Input must be >= %d-d.", need);
    }
    NdArray *r = nd_flip(a, &axis, 1);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_fliplr(Value *args)
{
    return flip_one(args[0], 1, 2);
}
static Value bi_flipud(Value *args)
{
    return flip_one(args[0], 0, 1);
}

static Value bi_roll(Value *args)
{
    int64_t shifts[ND_MAXDIMS * 2], axes[ND_MAXDIMS * 2];
    int ns, na = 0;
    if (get_ints(args[1], shifts, ND_MAXDIMS * 2, &ns) < 0 ||
        (given(args[2]) && get_ints(args[2], axes, ND_MAXDIMS * 2, &na) < 0))
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_roll(a, shifts, ns, given(args[2]) ? axes : NULL, na);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_rot90(Value *args)
{
    int64_t k = 1, axes[2] = {0, 1};
    int n = 2;
    if (args[1].kind != VK_UNSET && bi_get_int(args[1], &k) < 0)
        return v_error();
    if (args[2].kind != VK_UNSET) {
        int64_t tmp[ND_MAXDIMS];
        if (get_ints(args[2], tmp, ND_MAXDIMS, &n) < 0)
            return v_error();
        if (n != 2)
            return rt_raise(ERR_VALUE, "len(axes) must be 2.");
        axes[0] = tmp[0];
        axes[1] = tmp[1];
    }
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_rot90(a, k, axes[0], axes[1]);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_resize(Value *args)
{
    int64_t shape[ND_MAXDIMS];
    int n;
    if (value_to_shape(args[1], &n, shape) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_resize(a, n, shape);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_append(Value *args)
{
    int64_t axis;
    if (get_axis(args[2], ND_AXIS_NONE, &axis) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    NdArray *v = a ? to_array(args[1]) : NULL;
    if (!v) {
        nd_decref(a);
        return v_error();
    }
    NdArray *pair[2] = {a, v};
    NdArray *r = nd_concatenate(pair, 2, axis, ND_NTYPES, ND_CAST_SAME_KIND);
    nd_decref(a);
    nd_decref(v);
    return bi_result_array(r);
}

/* Length of the axis delete/insert work on (the flattened size for
 * axis=None); -1 with the error pending. */
static int64_t target_len(NdArray *a, int64_t axis)
{
    int ax;
    if (axis == ND_AXIS_NONE)
        return a->size;
    if (nd_normalize_axis(axis, a->ndim, &ax) < 0) {
        rt_fail_from_lib();
        return -1;
    }
    return a->shape[ax];
}

/* An index object of delete/insert: slice -> its range of len, int ->
 * one index (*scalar), bool array -> mask (*mask, when mask_ok), other
 * sequences -> ints.  *idx is malloc'd. */
static int index_obj(Value obj, int64_t len, bool mask_ok, int64_t **idx,
                     int64_t *n, bool *scalar, bool **mask)
{
    *idx = NULL;
    *mask = NULL;
    *scalar = false;
    *n = 0;
    if (obj.kind == VK_SLICE) {
        int64_t start, step, count;
        if (slice_indices(obj, len, &start, &step, &count) < 0)
            return -1;
        *idx = malloc((size_t)(count ? count : 1) * sizeof **idx);
        if (!*idx)
            return rt_fail(ERR_MEMORY, "out of memory");
        for (int64_t i = 0; i < count; i++)
            (*idx)[i] = start + i * step;
        *n = count;
        return 0;
    }
    if (obj.kind == VK_SCALAR && obj.dtype != ND_BOOL) {
        *idx = malloc(sizeof **idx);
        if (!*idx)
            return rt_fail(ERR_MEMORY, "out of memory");
        if (bi_get_int(obj, &(*idx)[0]) < 0) {
            free(*idx);
            *idx = NULL;
            return -1;
        }
        *n = 1;
        *scalar = true;
        return 0;
    }
    NdArray *a = to_array(obj);
    if (!a)
        return -1;
    bool was_array = obj.kind == VK_ARRAY;
    if (a->size == 0 && !was_array) {
        nd_decref(a);
        *idx = malloc(sizeof **idx);
        return *idx ? 0 : rt_fail(ERR_MEMORY, "out of memory");
    }
    if (a->dtype == ND_BOOL && mask_ok) {
        if (a->ndim != 1 || a->shape[0] != len) {
            nd_decref(a);
            return rt_fail(ERR_VALUE,
                           "boolean array argument obj to delete must be one "
                           "dimensional and match the axis length of %lld",
                           (long long)len);
        }
        *mask = malloc((size_t)(len ? len : 1) * sizeof **mask);
        if (!*mask) {
            nd_decref(a);
            return rt_fail(ERR_MEMORY, "out of memory");
        }
        for (int64_t i = 0; i < len; i++) {
            NdScalar s;
            nd_get_item(a, &i, &s);
            (*mask)[i] = s.v.b;
        }
        *n = len;
        nd_decref(a);
        return 0;
    }
    NdKind k = nd_dtype_kind(a->dtype);
    if (k != ND_KIND_INT && k != ND_KIND_UINT && k != ND_KIND_BOOL &&
        a->size > 0) {
        nd_decref(a);
        return rt_fail(ERR_INDEX, "arrays used as indices must be of integer "
                                  "(or boolean) type");
    }
    if (!mask_ok && a->ndim > 1) {
        nd_decref(a);
        return rt_fail(ERR_VALUE, "index array argument obj to insert must be "
                                  "one dimensional or scalar");
    }
    NdArray *f = nd_ravel(a, 'C');
    nd_decref(a);
    if (!f)
        return rt_fail_from_lib();
    *idx = malloc((size_t)(f->size ? f->size : 1) * sizeof **idx);
    if (!*idx) {
        nd_decref(f);
        return rt_fail(ERR_MEMORY, "out of memory");
    }
    for (int64_t i = 0; i < f->size; i++) {
        NdScalar s, c;
        nd_get_item(f, &i, &s);
        nd_scalar_cast(&s, ND_INT64, &c);
        (*idx)[i] = c.v.i64;
    }
    *n = f->size;
    /* a size-1 integer array takes the single-index path (NumPy) */
    *scalar = mask_ok && f->size == 1;
    nd_decref(f);
    return 0;
}

static Value bi_delete(Value *args)
{
    int64_t axis, *idx, n;
    bool scalar, *mask;
    if (get_axis(args[2], ND_AXIS_NONE, &axis) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    int64_t len = target_len(a, axis);
    if (len < 0 ||
        index_obj(args[1], len, true, &idx, &n, &scalar, &mask) < 0) {
        nd_decref(a);
        return v_error();
    }
    NdArray *r =
        mask ? nd_delete_mask(a, mask, n, axis) : nd_delete(a, idx, n, axis);
    free(idx);
    free(mask);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_insert(Value *args)
{
    int64_t axis, *idx, n;
    bool scalar, *mask;
    if (get_axis(args[3], ND_AXIS_NONE, &axis) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    int64_t len = target_len(a, axis);
    if (len < 0 ||
        index_obj(args[1], len, false, &idx, &n, &scalar, &mask) < 0) {
        nd_decref(a);
        return v_error();
    }
    NdArray *v = value_to_array(args[2], a->dtype);
    NdArray *r = NULL;
    if (v) {
        r = nd_insert(a, idx, n, scalar, v, axis);
        if (!r)
            rt_fail_from_lib();
    }
    free(idx);
    nd_decref(v);
    nd_decref(a);
    return r ? v_array_take(r) : v_error();
}

/* NumPy's _as_pairs: a value broadcast to (ndim, 2).  as_index: integral
 * and non-negative widths.  Scalars read from the size-1 and size-2 forms
 * stay NumPy scalars (strong); the general form goes through tolist()
 * (Python scalars, weak). */
static int as_pairs(Value x, int ndim, bool as_index, NdScalar *out)
{
    NdArray *a = to_array(x);
    if (!a)
        return -1;
    if (as_index) {
        NdKind k = nd_dtype_kind(a->dtype);
        if (k != ND_KIND_INT) {
            nd_decref(a);
            return rt_fail(ERR_TYPE, "`pad_width` must be of integral type.");
        }
    }
    bool weak = false;
    NdArray *flat = nd_ravel(a, 'C');
    int rc = -1;
    if (!flat)
        goto fail_lib;
    if (a->ndim < 3 && flat->size == 1) {
        NdScalar s;
        int64_t zero = 0;
        nd_get_item(flat, &zero, &s);
        for (int i = 0; i < 2 * ndim; i++)
            out[i] = s;
    } else if (a->ndim < 3 && flat->size == 2 &&
               !(a->ndim == 2 && a->shape[0] == 2 && a->shape[1] == 1)) {
        NdScalar s0, s1;
        int64_t i0 = 0, i1 = 1;
        nd_get_item(flat, &i0, &s0);
        nd_get_item(flat, &i1, &s1);
        for (int i = 0; i < ndim; i++) {
            out[2 * i] = s0;
            out[2 * i + 1] = s1;
        }
    } else {
        int64_t shape[2] = {ndim, 2};
        NdArray *b = nd_broadcast_to(a, 2, shape);
        if (!b)
            goto fail_lib;
        for (int i = 0; i < ndim; i++)
            for (int j = 0; j < 2; j++) {
                int64_t ix[2] = {i, j};
                nd_get_item(b, ix, &out[2 * i + j]);
            }
        nd_decref(b);
        weak = true;
    }
    for (int i = 0; i < 2 * ndim; i++) {
        if (as_index && out[i].v.i64 < 0 &&
            nd_dtype_kind(out[i].dtype) == ND_KIND_INT) {
            NdScalar c;
            nd_scalar_cast(&out[i], ND_INT64, &c);
            if (c.v.i64 < 0) {
                rt_fail(ERR_VALUE, "index can't contain negative values");
                goto done;
            }
        }
        if (weak && out[i].dtype != ND_BOOL) {
            /* tolist(): Python int/float/complex */
            NdKind k = nd_dtype_kind(out[i].dtype);
            NdType t = k == ND_KIND_COMPLEX ? ND_COMPLEX128
                       : k == ND_KIND_FLOAT ? ND_FLOAT64
                       : k == ND_KIND_UINT && out[i].dtype == ND_UINT64
                           ? ND_UINT64
                           : ND_INT64;
            NdScalar c;
            nd_scalar_cast(&out[i], t, &c);
            out[i] = c;
            out[i].weak = true;
        } else {
            out[i].weak = false;
        }
    }
    rc = 0;
    goto done;
fail_lib:
    rt_fail_from_lib();
done:
    nd_decref(flat);
    nd_decref(a);
    return rc;
}

static Value bi_pad(Value *args)
{
    static const struct {
        const char *name;
        NdPadMode mode;
        const char *kw;
    } modes[] = {
        {"constant", ND_PAD_CONSTANT, "constant_values"},
        {"edge", ND_PAD_EDGE, NULL},
        {"empty", ND_PAD_EMPTY, NULL},
        {"linear_ramp", ND_PAD_LINEAR_RAMP, "end_values"},
        {"reflect", ND_PAD_REFLECT, "reflect_type"},
        {"symmetric", ND_PAD_SYMMETRIC, "reflect_type"},
        {"wrap", ND_PAD_WRAP, NULL},
    };
    const char *mode_name = "constant";
    int m = 0;
    if (args[2].kind != VK_UNSET &&
        bi_get_str(args[2], "pad", "mode", &mode_name) < 0)
        return v_error();
    int nm = (int)(sizeof modes / sizeof modes[0]);
    for (m = 0; m < nm; m++)
        if (!strcmp(modes[m].name, mode_name))
            break;
    if (m == nm) {
        /* NumPy's statistic modes are not implemented yet: say so rather
         * than claim NumPy lacks them. */
        static const char *stat[] = {"maximum", "mean", "median", "minimum"};
        for (int i = 0; i < 4; i++)
            if (!strcmp(mode_name, stat[i]))
                return rt_raise(ERR_VALUE,
                                "pad mode '%s' is not implemented in nd yet",
                                mode_name);
        return rt_raise(ERR_VALUE, "mode '%s' is not supported", mode_name);
    }
    Dict *kw = as_dict(args[3]);
    TextBuf bad = {0};
    int nbad = 0;
    Value kwval = v_unset();
    for (int64_t i = 0; i < kw->used; i++) {
        DictEntry *e = &kw->entries[i];
        if (e->key.kind == VK_UNSET)
            continue;
        const char *k = as_str(e->key)->data;
        if (modes[m].kw && !strcmp(k, modes[m].kw)) {
            kwval = e->value;
            continue;
        }
        textbuf_printf(&bad, "%s'%s'", nbad++ ? ", " : "", k);
    }
    if (nbad) {
        Value msg = textbuf_finish(&bad);
        if (v_is_err(msg))
            return msg;
        Value r = rt_raise(ERR_VALUE,
                           "unsupported keyword arguments for mode '%s': {%s}",
                           mode_name, as_str(msg)->data);
        v_decref(msg);
        return r;
    }
    textbuf_release(&bad);
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    int nd = a->ndim;
    int64_t widths[2 * ND_MAXDIMS];
    NdScalar ws[2 * ND_MAXDIMS], vals[2 * ND_MAXDIMS];
    bool have_vals = false, odd = false;
    if (as_pairs(args[1], nd, true, ws) < 0) {
        nd_decref(a);
        return v_error();
    }
    for (int i = 0; i < 2 * nd; i++) {
        NdScalar c;
        nd_scalar_cast(&ws[i], ND_INT64, &c);
        widths[i] = c.v.i64;
    }
    if (kwval.kind != VK_UNSET) {
        if (modes[m].mode == ND_PAD_REFLECT ||
            modes[m].mode == ND_PAD_SYMMETRIC) {
            const char *rt;
            if (bi_get_str(kwval, "pad", "reflect_type", &rt) < 0) {
                nd_decref(a);
                return v_error();
            }
            odd = !strcmp(rt, "odd");
        } else {
            if (as_pairs(kwval, nd, false, vals) < 0) {
                nd_decref(a);
                return v_error();
            }
            have_vals = true;
        }
    }
    NdArray *r = nd_pad(a, widths, modes[m].mode, have_vals ? vals : NULL, odd);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_trim_zeros(Value *args)
{
    const char *trim = "fb";
    char low[8];
    if (args[1].kind != VK_UNSET &&
        bi_get_str(args[1], "trim_zeros", "trim", &trim) < 0)
        return v_error();
    size_t tl = strlen(trim);
    for (size_t i = 0; i < tl && i < sizeof low - 1; i++)
        low[i] =
            (char)(trim[i] >= 'A' && trim[i] <= 'Z' ? trim[i] + 32 : trim[i]);
    low[tl < sizeof low - 1 ? tl : sizeof low - 1] = '\0';
    if (tl > 2 || (strcmp(low, "fb") && strcmp(low, "bf") && strcmp(low, "f") &&
                   strcmp(low, "b")))
        return rt_raise(ERR_VALUE, "unexpected character(s) in `trim`: '%s'",
                        trim);
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    bool on[ND_MAXDIMS] = {false};
    const bool *mask = NULL;
    if (given(args[2])) {
        int64_t axes[ND_MAXDIMS];
        int n, ax[ND_MAXDIMS];
        if (get_ints(args[2], axes, ND_MAXDIMS, &n) < 0) {
            nd_decref(a);
            return v_error();
        }
        if (nd_normalize_axes(axes, n, a->ndim, NULL, false, ax) < 0) {
            nd_decref(a);
            return rt_from_lib();
        }
        for (int i = 0; i < n; i++)
            on[ax[i]] = true;
        mask = on;
    }
    NdArray *r = nd_trim_zeros(a, strchr(low, 'f') != NULL,
                               strchr(low, 'b') != NULL, mask);
    nd_decref(a);
    return bi_result_array(r);
}

/* ------------------------------------------------------------ tables */

static const BuiltinDef manip_defs[] = {
    {"append", bi_append, "arr, values, axis=None",
     "Values appended to the end of an array (a new array).\n\n"
     "Without axis both are flattened first; with axis the shapes must "
     "match\nexcept along it.\n\n"
     ">>> append([1, 2, 3], [[4, 5, 6], [7, 8, 9]])\n"
     "array([1, 2, 3, 4, 5, 6, 7, 8, 9])\n"
     ">>> append([[1, 2, 3], [4, 5, 6]], [[7, 8, 9]], axis=0)\n"
     "array([[1, 2, 3],\n       [4, 5, 6],\n       [7, 8, 9]])\n"},
    {"array_split", bi_array_split, "ary, indices_or_sections, axis=0",
     "Split an array into sub-arrays (views), sizes allowed to differ.\n\n"
     "An int N gives N parts, the first len % N of them one longer; a list "
     "of\nindices gives the parts between them.\n\n"
     ">>> array_split(arange(8.0), 3)\n"
     "[array([0., 1., 2.]), array([3., 4., 5.]), array([6., 7.])]\n"
     ">>> array_split(arange(9), 4)\n"
     "[array([0, 1, 2]), array([3, 4]), array([5, 6]), array([7, 8])]\n"},
    {"atleast_1d", bi_atleast_1d, "*arys",
     "Views with at least one dimension (a 0-d array becomes shape (1,)).\n\n"
     "Several arguments give a tuple.\n\n"
     ">>> atleast_1d(1.0)\narray([1.])\n"
     ">>> atleast_1d(1, [3, 4])\n(array([1]), array([3, 4]))\n"},
    {"atleast_2d", bi_atleast_2d, "*arys",
     "Views with at least two dimensions.\n\n"
     "A 1-d array of length N becomes shape (1, N); 0-d becomes (1, 1).\n\n"
     ">>> atleast_2d(3.0)\narray([[3.]])\n"
     ">>> atleast_2d(arange(3.0))\narray([[0., 1., 2.]])\n"},
    {"atleast_3d", bi_atleast_3d, "*arys",
     "Views with at least three dimensions.\n\n"
     "1-d (N,) becomes (1, N, 1); 2-d (M, N) becomes (M, N, 1).\n\n"
     ">>> atleast_3d(3.0)\narray([[[3.]]])\n"
     ">>> atleast_3d(arange(3.0)).shape\n(1, 3, 1)\n"
     ">>> atleast_3d(arange(12.0).reshape(4, 3)).shape\n(4, 3, 1)\n"},
    {"block", bi_block, "arrays",
     "Assemble an array from nested lists of blocks.\n\n"
     "The innermost lists are joined along the last axis, the next level "
     "along\nthe one before, and so on (blocks gain leading axes as "
     "needed).\n\n"
     ">>> A = eye(2) * 2\n>>> B = eye(3) * 3\n"
     ">>> block([[A, zeros((2, 3))], [ones((3, 2)), B]])\n"
     "array([[2., 0., 0., 0., 0.],\n       [0., 2., 0., 0., 0.],\n"
     "       [1., 1., 3., 0., 0.],\n       [1., 1., 0., 3., 0.],\n"
     "       [1., 1., 0., 0., 3.]])\n"
     ">>> block([array([1, 2, 3]), 4, array([5, 6])])\n"
     "array([1, 2, 3, 4, 5, 6])\n"},
    {"broadcast_arrays", bi_broadcast_arrays, "*args",
     "Broadcast arrays against each other: a tuple of views.\n\n"
     "The views share memory with the inputs (several elements may share "
     "one\nlocation, so write to them with care).\n\n"
     ">>> x = array([[1, 2, 3]])\n>>> y = array([[4], [5]])\n"
     ">>> broadcast_arrays(x, y)[0]\narray([[1, 2, 3],\n       [1, 2, 3]])\n"
     ">>> broadcast_arrays(x, y)[1]\narray([[4, 4, 4],\n       [5, 5, 5]])\n"},
    {"broadcast_to", bi_broadcast_to, "array, shape, subok=False",
     "A read-only view of an array broadcast to a new shape.\n\n"
     "ValueError when the shapes are incompatible.\n\n"
     ">>> broadcast_to(array([1, 2, 3]), (3, 3))\n"
     "array([[1, 2, 3],\n       [1, 2, 3],\n       [1, 2, 3]])\n"},
    {"column_stack", bi_column_stack, "tup",
     "Stack 1-d arrays as the columns of a 2-d array.\n\n"
     "2-d arrays are joined as they are (along axis 1).\n\n"
     ">>> column_stack(([1, 2, 3], [2, 3, 4]))\n"
     "array([[1, 2],\n       [2, 3],\n       [3, 4]])\n"},
    {"concatenate", bi_concatenate,
     "arrays, axis=0, out=None, *, dtype=None, casting='same_kind'",
     "Join a sequence of arrays along an existing axis.\n\n"
     "axis=None flattens them first.  The result type is their common "
     "dtype\nunless dtype is given (casting limits the conversion).\n\n"
     ">>> a = array([[1, 2], [3, 4]])\n>>> b = array([[5, 6]])\n"
     ">>> concatenate((a, b), axis=0)\n"
     "array([[1, 2],\n       [3, 4],\n       [5, 6]])\n"
     ">>> concatenate((a, b.T), axis=1)\n"
     "array([[1, 2, 5],\n       [3, 4, 6]])\n"
     ">>> concatenate((a, b), axis=None)\narray([1, 2, 3, 4, 5, 6])\n"},
    {"delete", bi_delete, "arr, obj, axis=None",
     "A new array with the entries obj removed along axis.\n\n"
     "obj is an int, a slice, a list of ints or a boolean mask; without "
     "axis\nthe array is flattened first.\n\n"
     ">>> arr = array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])\n"
     ">>> delete(arr, 1, 0)\n"
     "array([[ 1,  2,  3,  4],\n       [ 9, 10, 11, 12]])\n"
     ">>> delete(arr, slice(None, None, 2), 1)\n"
     "array([[ 2,  4],\n       [ 6,  8],\n       [10, 12]])\n"
     ">>> delete(arr, [1, 3, 5], None)\n"
     "array([ 1,  3,  5,  7,  8,  9, 10, 11, 12])\n"},
    {"dsplit", bi_dsplit, "ary, indices_or_sections",
     "Split along the third axis (depth); the array needs 3 or more "
     "dimensions.\n\n"
     "Like split(ary, indices_or_sections, axis=2).\n\n"
     ">>> [x.shape for x in dsplit(arange(16.0).reshape(2, 2, 4), 2)]\n"
     "[(2, 2, 2), (2, 2, 2)]\n"},
    {"dstack", bi_dstack, "tup",
     "Stack arrays along the third axis (depth).\n\n"
     "1-d and 2-d arrays first gain axes as atleast_3d gives them.\n\n"
     ">>> dstack(([1, 2, 3], [2, 3, 4]))\n"
     "array([[[1, 2],\n        [2, 3],\n        [3, 4]]])\n"},
    {"expand_dims", bi_expand_dims, "a, axis",
     "A view with a new axis of length 1 at each position in axis.\n\n"
     "The positions are in the result (negative counts from its end).\n\n"
     ">>> expand_dims(array([1, 2]), 0).shape\n(1, 2)\n"
     ">>> expand_dims(array([1, 2]), (0, 1)).shape\n(1, 1, 2)\n"
     ">>> expand_dims(array([1, 2]), -1)\narray([[1],\n       [2]])\n"},
    {"flip", bi_flip, "m, axis=None",
     "A view with the order of elements reversed along the given axes.\n\n"
     "Without axis every axis is reversed.\n\n"
     ">>> A = arange(8).reshape((2, 2, 2))\n"
     ">>> flip(A, 0).tolist()\n[[[4, 5], [6, 7]], [[0, 1], [2, 3]]]\n"
     ">>> flip(A).tolist()\n[[[7, 6], [5, 4]], [[3, 2], [1, 0]]]\n"
     ">>> flip(A, (0, 2)).tolist()\n[[[5, 4], [7, 6]], [[1, 0], [3, 2]]]\n"},
    {"fliplr", bi_fliplr, "m",
     "A view with the columns (axis 1) in reverse order.\n\n"
     "The array needs at least 2 dimensions.\n\n"
     ">>> fliplr(diagflat([1.0, 2.0, 3.0]))\n"
     "array([[0., 0., 1.],\n       [0., 2., 0.],\n       [3., 0., 0.]])\n"},
    {"flipud", bi_flipud, "m",
     "A view with the rows (axis 0) in reverse order.\n\n"
     "The array needs at least 1 dimension.\n\n"
     ">>> flipud(array([1, 2, 3]))\narray([3, 2, 1])\n"},
    {"hsplit", bi_hsplit, "ary, indices_or_sections",
     "Split horizontally (by columns: axis 1, or axis 0 for 1-d "
     "arrays).\n\n"
     "The parts must be equal unless indices are given.\n\n"
     ">>> hsplit(arange(16.0).reshape(4, 4), 2)[0]\n"
     "array([[ 0.,  1.],\n       [ 4.,  5.],\n       [ 8.,  9.],\n"
     "       [12., 13.]])\n"},
    {"hstack", bi_hstack, "tup, *, dtype=None, casting='same_kind'",
     "Stack arrays horizontally (column-wise).\n\n"
     "1-d arrays join along axis 0, others along axis 1.\n\n"
     ">>> hstack(([1, 2, 3], [4, 5, 6]))\narray([1, 2, 3, 4, 5, 6])\n"
     ">>> hstack(([[1], [2], [3]], [[4], [5], [6]]))\n"
     "array([[1, 4],\n       [2, 5],\n       [3, 6]])\n"},
    {"insert", bi_insert, "arr, obj, values, axis=None",
     "A new array with values inserted before the given indices.\n\n"
     "obj is an int, a slice or a sequence of ints; without axis the array "
     "is\nflattened first.  values are cast to the array's dtype.\n\n"
     ">>> a = arange(6).reshape(3, 2)\n"
     ">>> insert(a, 1, 6)\narray([0, 6, 1, 2, 3, 4, 5])\n"
     ">>> insert(a, 1, [1, 2, 3], axis=1)\n"
     "array([[0, 1, 1],\n       [2, 2, 3],\n       [4, 3, 5]])\n"
     ">>> insert(array([0, 1, 2, 3, 4, 5]), [2, 2], [6, 7])\n"
     "array([0, 1, 6, 7, 2, 3, 4, 5])\n"},
    {"moveaxis", bi_moveaxis, "a, source, destination",
     "A view with axes moved to new positions; the others keep their "
     "order.\n\n"
     "source and destination are ints or sequences of the same length.\n\n"
     ">>> x = zeros((3, 4, 5))\n>>> moveaxis(x, 0, -1).shape\n(4, 5, 3)\n"
     ">>> moveaxis(x, -1, 0).shape\n(5, 3, 4)\n"
     ">>> moveaxis(x, [0, 1], [-1, -2]).shape\n(5, 4, 3)\n"},
    {"pad", bi_pad, "array, pad_width, mode='constant', **kwargs",
     "Pad an array.\n\n"
     "pad_width is ((before, after), ...) per axis, or one pair or one int "
     "for\nall; modes 'constant' (constant_values), 'edge', 'reflect' and\n"
     "'symmetric' (reflect_type 'even'/'odd'), 'wrap', 'linear_ramp'\n"
     "(end_values) and 'empty'.\n\n"
     ">>> a = [1, 2, 3, 4, 5]\n"
     ">>> pad(a, (2, 3), 'constant', constant_values=(4, 6))\n"
     "array([4, 4, 1, 2, 3, 4, 5, 6, 6, 6])\n"
     ">>> pad(a, (2, 3), 'edge')\narray([1, 1, 1, 2, 3, 4, 5, 5, 5, 5])\n"
     ">>> pad(a, (2, 3), 'linear_ramp', end_values=(5, -4))\n"
     "array([ 5,  3,  1,  2,  3,  4,  5,  2, -1, -4])\n"
     ">>> pad(a, (2, 3), 'reflect')\narray([3, 2, 1, 2, 3, 4, 5, 4, 3, 2])\n"
     ">>> pad(a, (2, 3), 'reflect', reflect_type='odd')\n"
     "array([-1,  0,  1,  2,  3,  4,  5,  6,  7,  8])\n"
     ">>> pad(a, (2, 3), 'symmetric')\narray([2, 1, 1, 2, 3, 4, 5, 5, 4, 3])\n"
     ">>> pad(a, (2, 3), 'wrap')\narray([4, 5, 1, 2, 3, 4, 5, 1, 2, 3])\n"
     ">>> pad([[1, 2], [3, 4]], ((1, 0), (0, 1)))\n"
     "array([[0, 0, 0],\n       [1, 2, 0],\n       [3, 4, 0]])\n"},
    {"ravel", bi_ravel, "a, order='C'",
     "The elements as a 1-d array, a view when possible.\n\n"
     "order 'C' reads by rows, 'F' by columns, 'A' as the array is laid "
     "out,\n'K' in memory order.\n\n"
     ">>> x = array([[1, 2, 3], [4, 5, 6]])\n>>> ravel(x)\n"
     "array([1, 2, 3, 4, 5, 6])\n"
     ">>> ravel(x, order='F')\narray([1, 4, 2, 5, 3, 6])\n"
     ">>> ravel(x.T, order='K')\narray([1, 2, 3, 4, 5, 6])\n"},
    {"repeat", bi_repeat, "a, repeats, axis=None",
     "Repeat each element (or each slice along axis) of an array.\n\n"
     "repeats is an int or one count per element along axis; without axis "
     "the\narray is flattened first.\n\n"
     ">>> repeat(3, 4)\narray([3, 3, 3, 3])\n"
     ">>> x = array([[1, 2], [3, 4]])\n>>> repeat(x, 2)\n"
     "array([1, 1, 2, 2, 3, 3, 4, 4])\n"
     ">>> repeat(x, [1, 2], axis=0)\n"
     "array([[1, 2],\n       [3, 4],\n       [3, 4]])\n"},
    {"reshape", bi_reshape,
     "a, shape=None, order='C', *, newshape=None, copy=None",
     "The same elements with a new shape (a view when the layout "
     "allows).\n\n"
     "One entry of shape may be -1 (inferred).  copy=True always copies; "
     "copy=False\nnever does (ValueError when a view is impossible).\n\n"
     ">>> a = array([[1, 2, 3], [4, 5, 6]])\n>>> reshape(a, 6)\n"
     "array([1, 2, 3, 4, 5, 6])\n"
     ">>> reshape(a, 6, order='F')\narray([1, 4, 2, 5, 3, 6])\n"
     ">>> reshape(a, (3, -1))\narray([[1, 2],\n       [3, 4],\n"
     "       [5, 6]])\n"},
    {"resize", bi_resize, "a, new_shape",
     "A new array of the given shape filled with repeated copies of a.\n\n"
     "The elements are taken in C order and repeated as often as needed.\n\n"
     ">>> a = array([[0, 1], [2, 3]])\n>>> resize(a, (2, 3))\n"
     "array([[0, 1, 2],\n       [3, 0, 1]])\n"
     ">>> resize(a, (1, 4))\narray([[0, 1, 2, 3]])\n"},
    {"roll", bi_roll, "a, shift, axis=None",
     "Roll elements along an axis: those shifted past the end come back "
     "at\nthe start.\n\n"
     "Without axis the flattened array is rolled and the shape restored; "
     "shift\nand axis may be tuples.\n\n"
     ">>> x = arange(10)\n>>> roll(x, 2)\n"
     "array([8, 9, 0, 1, 2, 3, 4, 5, 6, 7])\n"
     ">>> roll(x, -2)\narray([2, 3, 4, 5, 6, 7, 8, 9, 0, 1])\n"
     ">>> x2 = reshape(x, (2, 5))\n>>> roll(x2, 1, axis=1)\n"
     "array([[4, 0, 1, 2, 3],\n       [9, 5, 6, 7, 8]])\n"
     ">>> roll(x2, (1, 1), axis=(1, 0))\n"
     "array([[9, 5, 6, 7, 8],\n       [4, 0, 1, 2, 3]])\n"},
    {"rollaxis", bi_rollaxis, "a, axis, start=0",
     "A view with axis rolled back until it lies before position start.\n\n"
     "moveaxis is the clearer spelling.\n\n"
     ">>> a = ones((3, 4, 5, 6))\n>>> rollaxis(a, 3, 1).shape\n(3, 6, 4, 5)\n"
     ">>> rollaxis(a, 2).shape\n(5, 3, 4, 6)\n"
     ">>> rollaxis(a, 1, 4).shape\n(3, 5, 6, 4)\n"},
    {"rot90", bi_rot90, "m, k=1, axes=(0, 1)",
     "A view rotated by 90 degrees k times, from the first axis towards "
     "the\nsecond.\n\n"
     "k may be negative (clockwise).\n\n"
     ">>> m = array([[1, 2], [3, 4]])\n>>> rot90(m)\n"
     "array([[2, 4],\n       [1, 3]])\n"
     ">>> rot90(m, 2)\narray([[4, 3],\n       [2, 1]])\n"
     ">>> rot90(arange(8).reshape((2, 2, 2)), 1, (1, 2)).tolist()\n"
     "[[[1, 3], [0, 2]], [[5, 7], [4, 6]]]\n"},
    {"split", bi_split, "ary, indices_or_sections, axis=0",
     "Split an array into equal sub-arrays (views), or at the given "
     "indices.\n\n"
     "An int N must divide the axis length (else ValueError); see "
     "array_split.\n\n"
     ">>> split(arange(9.0), 3)\n"
     "[array([0., 1., 2.]), array([3., 4., 5.]), array([6., 7., 8.])]\n"
     ">>> split(arange(8.0), [3, 5, 6, 10])\n"
     "[array([0., 1., 2.]), array([3., 4.]), array([5.]), array([6., 7.]), "
     "array([], dtype=float64)]\n"},
    {"squeeze", bi_squeeze, "a, axis=None",
     "A view with axes of length 1 removed (all of them, or those given).\n\n"
     "ValueError when a selected axis is longer than 1.\n\n"
     ">>> x = array([[[0], [1], [2]]])\n>>> squeeze(x).shape\n(3,)\n"
     ">>> squeeze(x, axis=0).shape\n(3, 1)\n"
     ">>> squeeze(x, axis=(2,)).shape\n(1, 3)\n"},
    {"stack", bi_stack,
     "arrays, axis=0, out=None, *, dtype=None, casting='same_kind'",
     "Join arrays of one shape along a new axis.\n\n"
     "The new axis has the position axis in the result.\n\n"
     ">>> a = array([1, 2, 3])\n>>> b = array([4, 5, 6])\n"
     ">>> stack((a, b))\narray([[1, 2, 3],\n       [4, 5, 6]])\n"
     ">>> stack((a, b), axis=-1)\n"
     "array([[1, 4],\n       [2, 5],\n       [3, 6]])\n"},
    {"swapaxes", bi_swapaxes, "a, axis1, axis2",
     "A view with two axes interchanged.\n\n"
     "Negative axes count from the end.\n\n"
     ">>> swapaxes(array([[1, 2, 3]]), 0, 1)\n"
     "array([[1],\n       [2],\n       [3]])\n"},
    {"tile", bi_tile, "A, reps",
     "Repeat a whole array reps times (per axis).\n\n"
     "With more reps than axes the array gains leading axes; with fewer "
     "the\nreps apply to the last axes.\n\n"
     ">>> a = array([0, 1, 2])\n>>> tile(a, 2)\narray([0, 1, 2, 0, 1, 2])\n"
     ">>> tile(a, (2, 2))\n"
     "array([[0, 1, 2, 0, 1, 2],\n       [0, 1, 2, 0, 1, 2]])\n"
     ">>> tile(array([[1, 2], [3, 4]]), 2)\n"
     "array([[1, 2, 1, 2],\n       [3, 4, 3, 4]])\n"},
    {"transpose", bi_transpose, "a, axes=None",
     "A view with the axes reversed, or permuted as axes says.\n\n"
     "axes is a permutation of range(a.ndim).\n\n"
     ">>> transpose(array([[1, 2], [3, 4]]))\n"
     "array([[1, 3],\n       [2, 4]])\n"
     ">>> transpose(ones((1, 2, 3)), (1, 0, 2)).shape\n(2, 1, 3)\n"},
    {"trim_zeros", bi_trim_zeros, "filt, trim='fb', axis=None",
     "A view without the leading ('f') and/or trailing ('b') zeros.\n\n"
     "For N-d arrays the bounding box of the non-zero elements is kept "
     "(along\nthe given axes, or all).\n\n"
     ">>> a = array((0, 0, 0, 1, 2, 3, 0, 2, 1, 0))\n>>> trim_zeros(a)\n"
     "array([1, 2, 3, 0, 2, 1])\n"
     ">>> trim_zeros(a, trim='b')\narray([0, 0, 0, 1, 2, 3, 0, 2, 1])\n"},
    {"vsplit", bi_vsplit, "ary, indices_or_sections",
     "Split vertically (by rows, axis 0); the array needs 2 or more "
     "dimensions.\n\n"
     "The parts must be equal unless indices are given.\n\n"
     ">>> vsplit(arange(16.0).reshape(4, 4), 2)[1]\n"
     "array([[ 8.,  9., 10., 11.],\n       [12., 13., 14., 15.]])\n"},
    {"vstack", bi_vstack, "tup, *, dtype=None, casting='same_kind'",
     "Stack arrays vertically (row-wise).\n\n"
     "1-d arrays of length N become rows (1, N) first.\n\n"
     ">>> vstack(([1, 2, 3], [4, 5, 6]))\n"
     "array([[1, 2, 3],\n       [4, 5, 6]])\n"
     ">>> vstack(([[1], [2], [3]], [[4], [5], [6]])).shape\n(6, 1)\n"},
};

const Namespace ns_manip = {
    .name = "manipulation",
    .defs = manip_defs,
    .ndefs = sizeof manip_defs / sizeof manip_defs[0],
    .help = "Array manipulation: reshape, ravel, transpose, moveaxis, "
            "concatenate, stack,\nsplit, tile, repeat, flip, roll, pad, ...",
};

static const BuiltinDef manip_method_defs[] = {
    {"repeat", m_repeat, "self, repeats, axis=None",
     "Repeat each element (or each slice along axis) of the array.\n\n"
     "The same as repeat(a, repeats, axis).\n\n"
     ">>> array([[1, 2], [3, 4]]).repeat(2, axis=1)\n"
     "array([[1, 1, 2, 2],\n       [3, 3, 4, 4]])\n"},
};

const Namespace ns_manip_methods = {
    .name = "ndarray",
    .defs = manip_method_defs,
    .ndefs = sizeof manip_method_defs / sizeof manip_method_defs[0],
};
