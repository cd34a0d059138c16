/* ufuncs.c — libnd's elementwise operations as ufunc objects (the native
 * kind ufunc_type): add, multiply, sqrt, maximum, ..., with NumPy 2's
 * aliases (true_divide, mod, pow, conj, bitwise_not, bitwise_invert,
 * bitwise_left_shift, bitwise_right_shift), their methods (reduce,
 * accumulate, outer, at, reduceat), NumPy's functions built on the math
 * ufuncs (around, clip, nan_to_num, real, imag, angle, isposinf, isneginf,
 * fix, sinc, i0) and the ndarray methods a.clip, a.round, a.conj,
 * a.conjugate.  One object per operation, made on first use, so an alias is
 * the very same object (repr <ufunc 'divide'> for true_divide, as NumPy).
 * Calling one converts its inputs as asarray would (Python scalars stay
 * weak, NEP 50), applies the libnd ufunc and returns a strong scalar when
 * the result is 0-d, or the `out=` array when one was given; a ufunc with
 * two outputs (modf, frexp, divmod) returns a tuple.
 *
 * Where NumPy would give float16 (sqrt, sin, ... of int8, uint8 or bool;
 * the binary float ufuncs of two such inputs) nd, which has no float16,
 * gives float32: the same loop search over nd's dtypes. */
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

typedef struct UfuncObj {
    NativeObj h;
    NdUfuncId id;
} UfuncObj;

static Value ufunc_values[ND_UF_COUNT];

static Value ufunc_value(NdUfuncId id)
{
    if (ufunc_values[id].kind != VK_OBJECT) {
        Value v = native_new(&ufunc_type);
        if (v_is_err(v))
            return v;
        ((UfuncObj *)v.as.obj)->id = id;
        ufunc_values[id] = v;
    }
    v_incref(ufunc_values[id]);
    return ufunc_values[id];
}

const char *ufunc_name(Value v)
{
    if (v.kind != VK_OBJECT || native_type(v) != &ufunc_type)
        return NULL;
    return nd_ufunc_name(((UfuncObj *)v.as.obj)->id);
}

static NdUfuncId ufunc_id(Value self)
{
    return ((UfuncObj *)self.as.obj)->id;
}

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

static Value ufunc_repr(Value self)
{
    char buf[64];
    snprintf(buf, sizeof buf, "<ufunc '%s'>", nd_ufunc_name(ufunc_id(self)));
    return v_str(buf);
}

/* NumPy's one-letter type codes (ufunc.types). */
static char type_char(NdType t)
{
    static const char codes[ND_NTYPES] = {
        [ND_BOOL] = '?',      [ND_INT8] = 'b',    [ND_INT16] = 'h',
        [ND_INT32] = 'i',     [ND_INT64] = 'l',   [ND_UINT8] = 'B',
        [ND_UINT16] = 'H',    [ND_UINT32] = 'I',  [ND_UINT64] = 'L',
        [ND_FLOAT32] = 'f',   [ND_FLOAT64] = 'd', [ND_COMPLEX64] = 'F',
        [ND_COMPLEX128] = 'D'};
    return (unsigned)t < ND_NTYPES ? codes[t] : '?';
}

static Value ufunc_types(NdUfuncId id)
{
    int nin = nd_ufunc_nin(id), nout = nd_ufunc_nout(id);
    int n = nd_ufunc_ntypes(id);
    Value list = v_list_new(n);
    if (v_is_err(list))
        return list;
    for (int i = 0; i < n; i++) {
        NdType t[5];
        char buf[16];
        int p = 0;
        nd_ufunc_loop_types(id, i, t);
        for (int j = 0; j < nin; j++)
            buf[p++] = type_char(t[j]);
        buf[p++] = '-';
        buf[p++] = '>';
        for (int j = 0; j < nout; j++)
            buf[p++] = type_char(t[nin + j]);
        buf[p] = '\0';
        Value s = v_str(buf);
        if (v_is_err(s) || list_append(list, s) < 0) {
            v_decref(s);
            v_decref(list);
            return v_error();
        }
        v_decref(s);
    }
    return list;
}

static Value ufunc_getattr(Value self, const char *name)
{
    NdUfuncId id = ufunc_id(self);
    if (!strcmp(name, "nin"))
        return v_int(nd_ufunc_nin(id));
    if (!strcmp(name, "nout"))
        return v_int(nd_ufunc_nout(id));
    if (!strcmp(name, "nargs"))
        return v_int(nd_ufunc_nin(id) + nd_ufunc_nout(id));
    if (!strcmp(name, "__name__"))
        return v_str(nd_ufunc_name(id));
    if (!strcmp(name, "signature"))
        return v_none();
    if (!strcmp(name, "identity")) {
        NdScalar s;
        if (!nd_ufunc_identity(id, &s))
            return v_none();
        return bi_weak_scalar(&s);
    }
    if (!strcmp(name, "ntypes"))
        return v_int(nd_ufunc_ntypes(id));
    if (!strcmp(name, "types"))
        return ufunc_types(id);
    return v_unset();
}

/* ---------------------------------------------------------- calling */

static int parse_casting(Value v, NdCasting *out)
{
    static const char *names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    const char *s = v.kind == VK_STR ? as_str(v)->data : "";
    for (int i = 0; i < 5; i++) {
        if (!strcmp(s, names[i])) {
            *out = (NdCasting)i;
            return 0;
        }
    }
    return rt_fail(ERR_VALUE, "casting must be one of 'no', 'equiv', 'safe', "
                              "'same_kind', or 'unsafe'");
}

/* An optional dtype argument (None/unset: ND_NTYPES). */
static int opt_dtype(Value v, NdType *out)
{
    *out = ND_NTYPES;
    if (!given(v))
        return 0;
    return value_to_dtype(v, out);
}

/* An out= array (None/unset: NULL, borrowed). */
static int opt_out(Value v, NdArray **out)
{
    *out = NULL;
    if (v.kind == VK_TUPLE && as_tuple(v)->n == 1)
        v = as_tuple(v)->items[0];
    if (!given(v))
        return 0;
    if (v.kind != VK_ARRAY)
        return rt_fail(ERR_TYPE, "return arrays must be of ArrayType");
    *out = v.as.array;
    return 0;
}

/* The results of a call as a value: one (a scalar when 0-d, the out array
 * itself when given) or a tuple of two. */
static Value results_value(int nout, NdArray **res, NdArray *const *outs)
{
    if (nout == 1)
        return outs[0] ? v_array_take(res[0]) : bi_result(res[0]);
    Value t = v_tuple_new(nout);
    if (v_is_err(t)) {
        for (int k = 0; k < nout; k++)
            nd_decref(res[k]);
        return t;
    }
    for (int k = 0; k < nout; k++) {
        Value v = outs[k] ? v_array_take(res[k]) : bi_result(res[k]);
        if (v_is_err(v)) {
            for (int j = k + 1; j < nout; j++)
                nd_decref(res[j]);
            v_decref(t);
            return v;
        }
        tuple_set_take(t, k, v);
    }
    return t;
}

static Value ufunc_call(Value self, const Value *pos, int npos, const KwArg *kw,
                        int nkw)
{
    NdUfuncId id = ufunc_id(self);
    const char *name = nd_ufunc_name(id);
    int nin = nd_ufunc_nin(id), nout = nd_ufunc_nout(id);
    Value outv[2] = {v_unset(), v_unset()};
    Value casting = v_unset(), dtype = v_unset();
    if (npos < nin || npos > nin + nout)
        return rt_raise(ERR_TYPE,
                        "%s() takes from %d to %d positional arguments but %d "
                        "were given",
                        name, nin, nin + nout, npos);
    for (int k = nin; k < npos; k++)
        outv[k - nin] = pos[k];
    for (int k = 0; k < nkw; k++) {
        if (!strcmp(kw[k].name, "out")) {
            if (npos > nin)
                return rt_raise(ERR_TYPE,
                                "cannot specify 'out' as both a positional "
                                "and keyword argument");
            Value o = kw[k].value;
            if (o.kind == VK_TUPLE) {
                if (as_tuple(o)->n != nout)
                    return rt_raise(ERR_VALUE,
                                    "The 'out' tuple must have exactly one "
                                    "entry per ufunc output");
                for (int j = 0; j < nout; j++)
                    outv[j] = as_tuple(o)->items[j];
            } else if (nout == 1) {
                outv[0] = o;
            } else {
                return rt_raise(ERR_TYPE, "'out' must be a tuple of arrays");
            }
        } else if (!strcmp(kw[k].name, "casting")) {
            casting = kw[k].value;
        } else if (!strcmp(kw[k].name, "dtype")) {
            dtype = kw[k].value;
        } else {
            return rt_raise(ERR_TYPE,
                            "%s() got an unexpected keyword argument '%s'",
                            name, kw[k].name);
        }
    }
    NdCasting cast = ND_CAST_SAME_KIND;
    NdType dt;
    NdArray *outs[2] = {NULL, NULL};
    if ((casting.kind != VK_UNSET && parse_casting(casting, &cast) < 0) ||
        opt_dtype(dtype, &dt) < 0)
        return v_error();
    for (int k = 0; k < nout; k++)
        if (opt_out(outv[k], &outs[k]) < 0)
            return v_error();
    /* (P12B) An input of a native kind with a ufunc hook (a masked
     * array) takes the call. */
    for (int i = 0; i < nin; i++) {
        if (pos[i].kind == VK_OBJECT && native_type(pos[i])->ufunc) {
            Value r = native_type(pos[i])->ufunc(id, pos, nin, kw, nkw);
            if (r.kind != VK_UNSET)
                return r;
        }
    }
    NdArray *in[3] = {NULL, NULL, NULL};
    for (int i = 0; i < nin; i++) {
        in[i] = value_to_array(pos[i], ND_NTYPES);
        if (!in[i]) {
            for (int j = 0; j < i; j++)
                nd_decref(in[j]);
            return v_error();
        }
    }
    NdArray *res[2] = {NULL, NULL};
    int rc = nd_ufunc_call(id, in, outs, dt, cast, res);
    for (int i = 0; i < nin; i++)
        nd_decref(in[i]);
    if (rc < 0)
        return rt_from_lib();
    return results_value(nout, res, outs);
}

/* ---------------------------------------------------- ufunc methods */

/* axis=: None (every axis: naxes -1), an int or a tuple of ints. */
static int parse_axes(Value v, bool none_is_all, int64_t *axes, int *naxes)
{
    if (v.kind == VK_NONE) {
        *naxes = none_is_all ? -1 : 0;
        return 0;
    }
    if (v.kind == VK_TUPLE) {
        Tuple *t = as_tuple(v);
        if (t->n > ND_MAXDIMS)
            return rt_fail(ERR_VALUE, "too many axes");
        for (int64_t i = 0; i < t->n; i++)
            if (bi_get_int(t->items[i], &axes[i]) < 0)
                return -1;
        *naxes = (int)t->n;
        return 0;
    }
    if (bi_get_int(v, &axes[0]) < 0)
        return -1;
    *naxes = 1;
    return 0;
}

static Value method_self_check(Value self)
{
    if (self.kind != VK_OBJECT || native_type(self) != &ufunc_type)
        return rt_raise(ERR_TYPE, "descriptor requires a 'ufunc' object");
    return v_unset();
}

/* self, array, axis=0, dtype=None, out=None, keepdims=False, initial=None */
static Value m_reduce(Value *args)
{
    Value chk = method_self_check(args[0]);
    if (v_is_err(chk))
        return chk;
    NdUfuncId id = ufunc_id(args[0]);
    int64_t axes[ND_MAXDIMS] = {0};
    int naxes = 1;
    NdType dt;
    NdArray *out;
    if ((args[2].kind != VK_UNSET &&
         parse_axes(args[2], true, axes, &naxes) < 0) ||
        opt_dtype(args[3], &dt) < 0 || opt_out(args[4], &out) < 0)
        return v_error();
    bool keepdims = args[5].kind != VK_UNSET && op_truth(args[5]) == 1;
    NdScalar init, *initp = NULL;
    if (given(args[6])) {
        NdArray *ia = value_to_array(args[6], ND_NTYPES);
        if (!ia)
            return v_error();
        int rc = nd_item(ia, &init);
        nd_decref(ia);
        if (rc < 0)
            return rt_from_lib();
        initp = &init;
    }
    NdArray *a = value_to_array(args[1], ND_NTYPES);
    if (!a)
        return v_error();
    /* a 0-d input has no axis 0: NumPy reduces it over no axes */
    if (a->ndim == 0 && args[2].kind == VK_UNSET)
        naxes = -1;
    NdArray *r = nd_ufunc_reduce(id, a, axes, naxes, dt, out, keepdims, initp);
    nd_decref(a);
    if (out)
        return r ? v_array_take(r) : rt_from_lib();
    return bi_result(r);
}

/* self, array, axis=0, dtype=None, out=None */
static Value m_accumulate(Value *args)
{
    Value chk = method_self_check(args[0]);
    if (v_is_err(chk))
        return chk;
    int64_t axis = 0;
    NdType dt;
    NdArray *out;
    if ((given(args[2]) && bi_get_int(args[2], &axis) < 0) ||
        opt_dtype(args[3], &dt) < 0 || opt_out(args[4], &out) < 0)
        return v_error();
    NdArray *a = value_to_array(args[1], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_ufunc_accumulate(ufunc_id(args[0]), a, axis, dt, out);
    nd_decref(a);
    return bi_result_array(r);
}

/* self, array, indices, axis=0, dtype=None, out=None */
static Value m_reduceat(Value *args)
{
    Value chk = method_self_check(args[0]);
    if (v_is_err(chk))
        return chk;
    int64_t axis = 0;
    NdType dt;
    NdArray *out;
    if ((given(args[3]) && bi_get_int(args[3], &axis) < 0) ||
        opt_dtype(args[4], &dt) < 0 || opt_out(args[5], &out) < 0)
        return v_error();
    NdArray *a = value_to_array(args[1], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *ind = value_to_array(args[2], ND_NTYPES);
    if (!ind) {
        nd_decref(a);
        return v_error();
    }
    NdArray *r = nd_ufunc_reduceat(ufunc_id(args[0]), a, ind, axis, dt, out);
    nd_decref(a);
    nd_decref(ind);
    return bi_result_array(r);
}

/* self, A, B */
static Value m_outer(Value *args)
{
    Value chk = method_self_check(args[0]);
    if (v_is_err(chk))
        return chk;
    NdUfuncId id = ufunc_id(args[0]);
    NdArray *a = value_to_array(args[1], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *b = value_to_array(args[2], ND_NTYPES);
    if (!b) {
        nd_decref(a);
        return v_error();
    }
    NdArray *res[2] = {NULL, NULL};
    int rc = nd_ufunc_outer(id, a, b, res);
    nd_decref(a);
    nd_decref(b);
    if (rc < 0)
        return rt_from_lib();
    NdArray *none[2] = {NULL, NULL};
    return results_value(nd_ufunc_nout(id), res, none);
}

/* self, a, indices, b=None: in place, returns None. */
static Value m_at(Value *args)
{
    Value chk = method_self_check(args[0]);
    if (v_is_err(chk))
        return chk;
    if (args[1].kind != VK_ARRAY)
        return rt_raise(ERR_TYPE,
                        "first operand to ufunc.at must be an array, not %s",
                        bi_type_name(args[1]));
    NdArray *a = args[1].as.array;
    NdArray *ind[ND_MAXDIMS] = {NULL};
    int nidx = 0;
    Value key = args[2];
    Value rv = v_error();
    NdArray *b = NULL;
    if (key.kind == VK_TUPLE) {
        Tuple *t = as_tuple(key);
        if (t->n > ND_MAXDIMS)
            return rt_raise(ERR_INDEX, "too many indices for array");
        for (int64_t i = 0; i < t->n; i++) {
            if (t->items[i].kind == VK_OBJECT || t->items[i].kind == VK_NONE) {
                rt_raise(ERR_TYPE, "ufunc.at indices must be integers or "
                                   "integer arrays in nd");
                goto done;
            }
            if (!(ind[nidx] = value_to_array(t->items[i], ND_NTYPES)))
                goto done;
            nidx++;
        }
    } else {
        if (key.kind == VK_OBJECT || key.kind == VK_NONE)
            return rt_raise(ERR_TYPE, "ufunc.at indices must be integers or "
                                      "integer arrays in nd");
        if (!(ind[0] = value_to_array(key, ND_NTYPES)))
            return v_error();
        nidx = 1;
    }
    if (given(args[3]) && !(b = value_to_array(args[3], ND_NTYPES)))
        goto done;
    if (nd_ufunc_at(ufunc_id(args[0]), a, nidx, ind, b) < 0)
        rv = rt_from_lib();
    else
        rv = v_none();
done:
    for (int i = 0; i < nidx; i++)
        nd_decref(ind[i]);
    nd_decref(b);
    return rv;
}

static const BuiltinDef ufunc_method_defs[] = {
    {"accumulate", m_accumulate, "self, array, axis=0, dtype=None, out=None",
     "ufunc.accumulate(array, axis=0, dtype=None, out=None): the running "
     "results of a binary ufunc along an axis.\n\n"
     "r[0] = array[0], r[i] = f(r[i-1], array[i]).  add and multiply take "
     "bool and\nnarrow integers to int64 (uint64) unless dtype is given; "
     "the input is cast\nunsafely to dtype.\n\n"
     ">>> add.accumulate([2, 3, 5])\narray([ 2,  5, 10])\n"
     ">>> multiply.accumulate([2, 3, 5])\narray([ 2,  6, 30])\n"
     ">>> add.accumulate([[1, 2], [3, 4]], axis=1)\n"
     "array([[1, 3],\n       [3, 7]])\n"
     ">>> maximum.accumulate([1, 3, 2, 5, 4])\narray([1, 3, 3, 5, 5])\n"},
    {"at", m_at, "self, a, indices, b=None",
     "ufunc.at(a, indices, b=None): f applied in place at the indexed "
     "elements, unbuffered.\n\n"
     "Each index is applied in turn, so a repeated index accumulates "
     "(a[[0, 0]] += 1\nadds once, add.at twice).  indices is an integer "
     "array (first axis) or a\ntuple of them (one per leading axis); b "
     "broadcasts to the indexed shape.\nReturns None.\n\n"
     ">>> a = array([1, 2, 3, 4])\n>>> add.at(a, [0, 1, 2, 2], 1)\n"
     ">>> a\narray([2, 3, 5, 4])\n"
     ">>> b = array([1., 2., 3., 4.])\n>>> negative.at(b, [0, 1])\n"
     ">>> b\narray([-1., -2.,  3.,  4.])\n"},
    {"outer", m_outer, "self, A, B",
     "ufunc.outer(A, B): f(a, b) for every pair: r[i..., j...] = f(A[i...], "
     "B[j...]).\n\n"
     "The result's shape is A.shape + B.shape.\n\n"
     ">>> multiply.outer([1, 2, 3], [4, 5, 6])\n"
     "array([[ 4,  5,  6],\n       [ 8, 10, 12],\n       [12, 15, 18]])\n"
     ">>> add.outer([1, 2], [10, 20, 30]).shape\n(2, 3)\n"},
    {"reduce", m_reduce,
     "self, array, axis=0, dtype=None, out=None, keepdims=False, "
     "initial=None",
     "ufunc.reduce(array, axis=0, dtype=None, out=None, keepdims=False, "
     "initial=None): f folded over axes.\n\n"
     "axis: an int, a tuple (reorderable ufuncs only) or None (every "
     "axis).  An\nempty reduction gives initial or the ufunc's identity "
     "(ValueError without).\nadd and multiply take bool and narrow integers "
     "to int64 (uint64).\n\n"
     ">>> add.reduce([1, 2, 3])\n6\n"
     ">>> add.reduce([[1, 2], [3, 4]], axis=1)\narray([3, 7])\n"
     ">>> maximum.reduce([[1, 5], [4, 2]], axis=None)\n5\n"
     ">>> logical_and.reduce([True, True, False])\nFalse\n"
     ">>> multiply.reduce([], initial=3)\n3.0\n"},
    {"reduceat", m_reduceat,
     "self, array, indices, axis=0, dtype=None, "
     "out=None",
     "ufunc.reduceat(array, indices, axis=0, dtype=None, out=None): "
     "reductions over slices.\n\n"
     "r[i] = f.reduce(array[indices[i]:indices[i+1]]), or array[indices[i]] "
     "when\nindices[i] >= indices[i+1]; the last slice runs to the end.\n\n"
     ">>> add.reduceat(arange(8), [0, 4, 1, 5])\narray([ 6,  4, 10, 18])\n"},
};

static const Namespace ufunc_methods = {
    .name = "ufunc",
    .defs = ufunc_method_defs,
    .ndefs = sizeof ufunc_method_defs / sizeof ufunc_method_defs[0],
};

const NativeType ufunc_type = {
    .name = "ufunc",
    .size = sizeof(UfuncObj),
    .repr = ufunc_repr,
    .getattr = ufunc_getattr,
    .call = ufunc_call,
    .methods = &ufunc_methods,
    .help = "ufunc: an elementwise function (add, multiply, sqrt, ...).\n\n"
            "f(x1, x2, out=None, casting='same_kind', dtype=None) or f(x, "
            "out=None, ...):\ninputs broadcast together and promote as "
            "NumPy's; a 0-d result is a scalar;\nufuncs with two outputs "
            "return a tuple.  Attributes: nin, nout, nargs,\n__name__, "
            "identity, ntypes, types.  Methods of binary ufuncs: reduce,\n"
            "accumulate, outer, at, reduceat.\n\n"
            ">>> add.nin\n2\n>>> add\n<ufunc 'add'>\n>>> add.identity\n0\n"
            ">>> modf.nout\n2\n",
};

/* ---------------------------------------------------------- the names */

#define UF_MAKER(ID, NAME)                                                     \
    static Value make_##NAME(void)                                             \
    {                                                                          \
        return ufunc_value(ID);                                                \
    }
UF_MAKER(ND_UF_ADD, add)
UF_MAKER(ND_UF_SUBTRACT, subtract)
UF_MAKER(ND_UF_MULTIPLY, multiply)
UF_MAKER(ND_UF_TRUE_DIVIDE, divide)
UF_MAKER(ND_UF_FLOOR_DIVIDE, floor_divide)
UF_MAKER(ND_UF_REMAINDER, remainder)
UF_MAKER(ND_UF_POWER, power)
UF_MAKER(ND_UF_EQUAL, equal)
UF_MAKER(ND_UF_NOT_EQUAL, not_equal)
UF_MAKER(ND_UF_LESS, less)
UF_MAKER(ND_UF_LESS_EQUAL, less_equal)
UF_MAKER(ND_UF_GREATER, greater)
UF_MAKER(ND_UF_GREATER_EQUAL, greater_equal)
UF_MAKER(ND_UF_LOGICAL_AND, logical_and)
UF_MAKER(ND_UF_LOGICAL_OR, logical_or)
UF_MAKER(ND_UF_LOGICAL_XOR, logical_xor)
UF_MAKER(ND_UF_BITWISE_AND, bitwise_and)
UF_MAKER(ND_UF_BITWISE_OR, bitwise_or)
UF_MAKER(ND_UF_BITWISE_XOR, bitwise_xor)
UF_MAKER(ND_UF_LEFT_SHIFT, left_shift)
UF_MAKER(ND_UF_RIGHT_SHIFT, right_shift)
UF_MAKER(ND_UF_NEGATIVE, negative)
UF_MAKER(ND_UF_POSITIVE, positive)
UF_MAKER(ND_UF_ABSOLUTE, absolute)
UF_MAKER(ND_UF_LOGICAL_NOT, logical_not)
UF_MAKER(ND_UF_INVERT, invert)
UF_MAKER(ND_UF_SQRT, sqrt)
UF_MAKER(ND_UF_CBRT, cbrt)
UF_MAKER(ND_UF_SQUARE, square)
UF_MAKER(ND_UF_EXP, exp)
UF_MAKER(ND_UF_EXP2, exp2)
UF_MAKER(ND_UF_EXPM1, expm1)
UF_MAKER(ND_UF_LOG, log)
UF_MAKER(ND_UF_LOG2, log2)
UF_MAKER(ND_UF_LOG10, log10)
UF_MAKER(ND_UF_LOG1P, log1p)
UF_MAKER(ND_UF_SIN, sin)
UF_MAKER(ND_UF_COS, cos)
UF_MAKER(ND_UF_TAN, tan)
UF_MAKER(ND_UF_ARCSIN, arcsin)
UF_MAKER(ND_UF_ARCCOS, arccos)
UF_MAKER(ND_UF_ARCTAN, arctan)
UF_MAKER(ND_UF_SINH, sinh)
UF_MAKER(ND_UF_COSH, cosh)
UF_MAKER(ND_UF_TANH, tanh)
UF_MAKER(ND_UF_ARCSINH, arcsinh)
UF_MAKER(ND_UF_ARCCOSH, arccosh)
UF_MAKER(ND_UF_ARCTANH, arctanh)
UF_MAKER(ND_UF_DEG2RAD, deg2rad)
UF_MAKER(ND_UF_RAD2DEG, rad2deg)
UF_MAKER(ND_UF_DEGREES, degrees)
UF_MAKER(ND_UF_RADIANS, radians)
UF_MAKER(ND_UF_FLOOR, floor)
UF_MAKER(ND_UF_CEIL, ceil)
UF_MAKER(ND_UF_TRUNC, trunc)
UF_MAKER(ND_UF_RINT, rint)
UF_MAKER(ND_UF_SIGN, sign)
UF_MAKER(ND_UF_SIGNBIT, signbit)
UF_MAKER(ND_UF_SPACING, spacing)
UF_MAKER(ND_UF_FABS, fabs)
UF_MAKER(ND_UF_ISNAN, isnan)
UF_MAKER(ND_UF_ISINF, isinf)
UF_MAKER(ND_UF_ISFINITE, isfinite)
UF_MAKER(ND_UF_CONJUGATE, conjugate)
UF_MAKER(ND_UF_RECIPROCAL, reciprocal)
UF_MAKER(ND_UF_MODF, modf)
UF_MAKER(ND_UF_FREXP, frexp)
UF_MAKER(ND_UF_LOGADDEXP, logaddexp)
UF_MAKER(ND_UF_LOGADDEXP2, logaddexp2)
UF_MAKER(ND_UF_ARCTAN2, arctan2)
UF_MAKER(ND_UF_HYPOT, hypot)
UF_MAKER(ND_UF_COPYSIGN, copysign)
UF_MAKER(ND_UF_NEXTAFTER, nextafter)
UF_MAKER(ND_UF_MAXIMUM, maximum)
UF_MAKER(ND_UF_MINIMUM, minimum)
UF_MAKER(ND_UF_FMAX, fmax)
UF_MAKER(ND_UF_FMIN, fmin)
UF_MAKER(ND_UF_GCD, gcd)
UF_MAKER(ND_UF_LCM, lcm)
UF_MAKER(ND_UF_HEAVISIDE, heaviside)
UF_MAKER(ND_UF_LDEXP, ldexp)
UF_MAKER(ND_UF_FLOAT_POWER, float_power)
UF_MAKER(ND_UF_FMOD, fmod)
UF_MAKER(ND_UF_DIVMOD, divmod)
/* Each help text: SUMMARY, the ufunc's call line, then the rest (the
 * description and examples) as the macro's last argument. */
#define UF2(SUMMARY, ...)                                                      \
    SUMMARY "\n\nufunc f(x1, x2, out=None): elementwise, with "                \
            "broadcasting.\n\n" __VA_ARGS__
#define UF1(SUMMARY, ...)                                                      \
    SUMMARY "\n\nufunc f(x, out=None): elementwise.\n\n" __VA_ARGS__
#define UF1_2(SUMMARY, ...)                                                    \
    SUMMARY "\n\nufunc f(x, out=None): elementwise, two outputs (a "           \
            "tuple).\n\n" __VA_ARGS__
#define UF2_2(SUMMARY, ...)                                                    \
    SUMMARY "\n\nufunc f(x1, x2, out=None): elementwise, with "                \
            "broadcasting, two outputs (a tuple).\n\n" __VA_ARGS__
#define F16                                                                    \
    "int8, uint8 and bool inputs give float32 (NumPy: float16, which nd "      \
    "lacks).\n\n"
/* The float ufuncs where NumPy would pick float16 say what nd does. */
#define UF1F(S, ...) UF1(S, F16 __VA_ARGS__)
#define UF2F(S, ...) UF2(S, F16 __VA_ARGS__)
#define UF1_2F(S, ...) UF1_2(S, F16 __VA_ARGS__)
#define ALIAS(OF, ...)                                                         \
    "An alias of " OF " (the same ufunc object).\n\n" __VA_ARGS__
/* The help of the float ufuncs notes the one place nd differs. */

/* ------------------------------------------- functions on the ufuncs */

/* A libnd result for an argument value: arrays stay arrays (0-d too),
 * anything else gives a scalar for a 0-d result, as NumPy's functions. */
static Value result_for(Value arg, NdArray *r)
{
    return arg.kind == VK_ARRAY ? bi_result_array(r) : bi_result(r);
}

/* Write r into out= when given (same-kind cast) and return out. */
static Value into_out(Value arg, NdArray *r, Value outv)
{
    NdArray *out;
    if (!r)
        return rt_from_lib();
    if (opt_out(outv, &out) < 0) {
        nd_decref(r);
        return v_error();
    }
    if (!out)
        return result_for(arg, r);
    int rc = nd_copyto(out, r, ND_CAST_SAME_KIND);
    nd_decref(r);
    if (rc < 0)
        return rt_from_lib();
    return v_array_take(nd_incref(out));
}

typedef NdArray *(*ArrFn)(NdArray *);

static Value apply1(Value x, ArrFn fn, Value outv)
{
    NdArray *a = value_to_array(x, ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = fn(a);
    nd_decref(a);
    return into_out(x, r, outv);
}

/* a, decimals=0, out=None */
static Value bi_around(Value *args)
{
    int64_t dec = 0;
    if (given(args[1]) && bi_get_int(args[1], &dec) < 0)
        return v_error();
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_around(a, dec);
    nd_decref(a);
    return into_out(args[0], r, args[2]);
}

static Value clip_common(Value x, Value lo, Value hi, Value outv)
{
    NdArray *a = value_to_array(x, ND_NTYPES), *l = NULL, *h = NULL;
    Value rv = v_error();
    if (!a)
        return rv;
    if (given(lo) && !(l = value_to_array(lo, ND_NTYPES)))
        goto done;
    if (given(hi) && !(h = value_to_array(hi, ND_NTYPES)))
        goto done;
    rv = into_out(x, nd_clip(a, l, h), outv);
done:
    nd_decref(a);
    nd_decref(l);
    nd_decref(h);
    return rv;
}

/* a, a_min=None, a_max=None, out=None */
static Value bi_clip(Value *args)
{
    return clip_common(args[0], args[1], args[2], args[3]);
}

/* x, copy=True, nan=0.0, posinf=None, neginf=None */
static Value bi_nan_to_num(Value *args)
{
    double v[3];
    const double *p[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++) {
        if (!given(args[2 + i]))
            continue;
        if (value_to_double(args[2 + i], &v[i]) < 0)
            return v_error();
        p[i] = &v[i];
    }
    bool copy = args[1].kind == VK_UNSET || op_truth(args[1]) == 1;
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_nan_to_num(a, p[0], p[1], p[2]);
    if (r && !copy && args[0].kind == VK_ARRAY) {
        /* copy=False: x itself is changed and returned */
        int rc = nd_copyto(a, r, ND_CAST_UNSAFE);
        nd_decref(r);
        r = rc < 0 ? NULL : nd_incref(a);
    }
    nd_decref(a);
    return result_for(args[0], r);
}

static Value bi_real(Value *args)
{
    return apply1(args[0], nd_real, v_unset());
}

static Value bi_imag(Value *args)
{
    return apply1(args[0], nd_imag, v_unset());
}

/* z, deg=False */
static Value bi_angle(Value *args)
{
    bool deg = args[1].kind != VK_UNSET && op_truth(args[1]) == 1;
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_angle(a, deg);
    nd_decref(a);
    return result_for(args[0], r);
}

static Value bi_isposinf(Value *args)
{
    return apply1(args[0], nd_isposinf, args[1]);
}

static Value bi_isneginf(Value *args)
{
    return apply1(args[0], nd_isneginf, args[1]);
}

static Value bi_fix(Value *args)
{
    return apply1(args[0], nd_fix, args[1]);
}

static Value bi_sinc(Value *args)
{
    return apply1(args[0], nd_sinc, v_unset());
}

static Value bi_i0(Value *args)
{
    return apply1(args[0], nd_i0, v_unset());
}

static const BuiltinDef ufunc_defs[] = {
    {"angle", bi_angle, "z, deg=False",
     "angle(z, deg=False): the counterclockwise angle of complex z from the "
     "positive real axis.\n\n"
     "arctan2(z.imag, z.real), in radians (degrees when deg).  Real inputs "
     "give 0\nor pi.\n\n"
     ">>> angle([1.0, 1.0j, 1+1j])\n"
     "array([0.        , 1.57079633, 0.78539816])\n"
     ">>> angle(1+1j, deg=True)\n45.0\n"},
    {"around", bi_around, "a, decimals=0, out=None",
     "around(a, decimals=0, out=None): round to the given number of "
     "decimals, halves to even.\n\n"
     "Computed as NumPy does: rint(a * 10**decimals) / 10**decimals in a's "
     "own\nprecision (so results are as exact as that arithmetic); integers "
     "are\nunchanged unless decimals < 0; complex parts are rounded "
     "apart.\n\n"
     ">>> around([0.37, 1.64])\narray([0., 2.])\n"
     ">>> around([0.37, 1.64], decimals=1)\narray([0.4, 1.6])\n"
     ">>> around([.5, 1.5, 2.5, 3.5, 4.5])\narray([0., 2., 2., 4., 4.])\n"
     ">>> around([1, 2, 3, 11], decimals=1)\narray([ 1,  2,  3, 11])\n"
     ">>> around([1, 5, 15, 25], decimals=-1)\narray([ 0,  0, 20, 20])\n"},
    {"clip", bi_clip, "a, a_min=None, a_max=None, out=None",
     "clip(a, a_min=None, a_max=None, out=None): limit the values of a to "
     "[a_min, a_max].\n\n"
     "Either bound may be None (not both) or an array broadcasting with a; "
     "a NaN\nin a or a bound gives NaN.  The result dtype is the ufunc's "
     "(NEP 50).\n\n"
     ">>> a = arange(10)\n>>> clip(a, 1, 8)\n"
     "array([1, 1, 2, 3, 4, 5, 6, 7, 8, 8])\n"
     ">>> clip(a, 8, 1)\narray([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])\n"
     ">>> clip(a, [3, 4, 1, 1, 1, 4, 4, 4, 4, 4], 8)\n"
     "array([3, 4, 2, 3, 4, 5, 6, 7, 8, 8])\n"},
    {"fix", bi_fix, "x, out=None",
     "fix(x, out=None): round toward zero, elementwise (float results).\n\n" F16
     ">>> fix(3.14)\n3.0\n>>> fix(3)\n3.0\n"
     ">>> fix([2.1, 2.9, -2.1, -2.9])\narray([ 2.,  2., -2., -2.])\n"},
    {"i0", bi_i0, "x",
     "i0(x): the modified Bessel function of the first kind, order 0.\n\n"
     "Chebyshev expansions of the Cephes library, as NumPy.  float32 stays "
     "float32\n(evaluated in float64, rounded once); other real inputs give "
     "float64;\ncomplex is a TypeError.\n\n"
     ">>> i0(0.)\n1.0\n>>> i0([0, 1, 2, 3])\n"
     "array([1.        , 1.26606588, 2.2795853 , 4.88079259])\n"},
    {"imag", bi_imag, "val",
     "imag(val): the imaginary part (a view for complex arrays).\n\n"
     "Real inputs give zeros (read-only).\n\n"
     ">>> a = array([1+2j, 3+4j, 5+6j])\n>>> imag(a)\narray([2., 4., 6.])\n"
     ">>> imag(1 + 1j)\n1.0\n"},
    {"isneginf", bi_isneginf, "x, out=None",
     "isneginf(x, out=None): True where x is negative infinity.\n\n"
     "Complex input is a TypeError (ambiguous).\n\n"
     ">>> isneginf(-inf)\nTrue\n>>> isneginf([-inf, 0., inf])\n"
     "array([ True, False, False])\n"},
    {"isposinf", bi_isposinf, "x, out=None",
     "isposinf(x, out=None): True where x is positive infinity.\n\n"
     "Complex input is a TypeError (ambiguous).\n\n"
     ">>> isposinf(inf)\nTrue\n>>> isposinf([-inf, 0., inf])\n"
     "array([False, False,  True])\n"},
    {"nan_to_num", bi_nan_to_num,
     "x, copy=True, nan=0.0, posinf=None, neginf=None",
     "nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None): NaN and "
     "infinities replaced by numbers.\n\n"
     "posinf/neginf default to the dtype's largest and most negative finite "
     "values;\ncomplex parts are treated apart; integers are returned "
     "unchanged.  copy=False\nchanges an array x in place.\n\n"
     ">>> nan_to_num(inf)\n1.7976931348623157e+308\n"
     ">>> nan_to_num(-inf)\n-1.7976931348623157e+308\n"
     ">>> nan_to_num(nan)\n0.0\n"
     ">>> nan_to_num([inf, -inf, nan, -128, 128], nan=-9999, posinf=33333333, "
     "neginf=33333333)\n"
     "array([ 3.3333333e+07,  3.3333333e+07, -9.9990000e+03, -1.2800000e+02,\n"
     "        1.2800000e+02])\n"},
    {"real", bi_real, "val",
     "real(val): the real part (a view for complex arrays; real arrays as "
     "they are).\n\n"
     ">>> a = array([1+2j, 3+4j, 5+6j])\n>>> real(a)\narray([1., 3., 5.])\n"
     ">>> real(1 + 1j)\n1.0\n"},
    {"sinc", bi_sinc, "x",
     "sinc(x): the normalized sinc function sin(pi x) / (pi x), 1 at 0.\n\n"
     "The dtype is the one a Python float gives beside x (float64 for "
     "integers).\n\n"
     ">>> sinc(0)\n1.0\n>>> sinc([0.5, 1.0, -0.5])\n"
     "array([6.36619772e-01, 3.89817183e-17, 6.36619772e-01])\n"},
};

static const NsConst ufunc_consts[] = {
    {"absolute", make_absolute,
     UF1("absolute(x): the absolute value, elementwise (abs on arrays).",
         ">>> absolute([-1.5, 2])\n"
         "array([1.5, 2. ])\n")},
    {"add", make_add,
     UF2("add(x1, x2): the sum x1 + x2, elementwise.", ">>> add([1, 2], 3)\n"
                                                       "array([4, 5])\n"
                                                       ">>> add(1, 2)\n"
                                                       "3\n")},
    {"arccos", make_arccos,
     UF1F("arccos(x): the inverse cosine, in [0, pi].",
          ">>> arccos([1, -1])\n"
          "array([0.        , 3.14159265])\n")},
    {"arccosh", make_arccosh,
     UF1F("arccosh(x): the inverse hyperbolic cosine, elementwise.",
          ">>> arccosh([1, e, 10])\n"
          "array([0.        , 1.65745445, 2.99322285])\n")},
    {"arcsin", make_arcsin,
     UF1F("arcsin(x): the inverse sine, in [-pi/2, pi/2].",
          "nan (invalid) outside [-1, 1] for reals.\n"
          "\n"
          ">>> arcsin([1, -1, 0])\n"
          "array([ 1.57079633, -1.57079633,  0.        ])\n")},
    {"arcsinh", make_arcsinh,
     UF1F("arcsinh(x): the inverse hyperbolic sine, elementwise.",
          ">>> arcsinh([0, 1])\n"
          "array([0.        , 0.88137359])\n")},
    {"arctan", make_arctan,
     UF1F("arctan(x): the inverse tangent, in [-pi/2, pi/2].",
          ">>> arctan([0, 1])\n"
          "array([0.        , 0.78539816])\n")},
    {"arctan2", make_arctan2,
     UF2F("arctan2(x1, x2): the angle of the point (x2, x1), in [-pi, pi].",
          "Signed zeros and infinities follow C99.\n"
          "\n"
          ">>> arctan2([1., -1.], [0., 0.])\n"
          "array([ 1.57079633, -1.57079633])\n"
          ">>> arctan2([0., 0., inf], [+0., -0., inf])\n"
          "array([0.        , 3.14159265, 0.78539816])\n")},
    {"arctanh", make_arctanh,
     UF1F("arctanh(x): the inverse hyperbolic tangent, elementwise.",
          "arctanh(1) is inf (divide event).\n"
          "\n"
          ">>> arctanh([0, -0.5])\n"
          "array([ 0.        , -0.54930614])\n")},
    {"bitwise_and", make_bitwise_and,
     UF2("bitwise_and(x1, x2): x1 & x2, elementwise (logical on bool).",
         ">>> bitwise_and(12, 10)\n"
         "8\n")},
    {"bitwise_invert", make_invert,
     UF1("bitwise_invert(x): ~x, elementwise.",
         ALIAS("invert", ">>> bitwise_invert(0)\n"
                         "-1\n"))},
    {"bitwise_left_shift", make_left_shift,
     UF2("bitwise_left_shift(x1, x2): x1 << x2, elementwise.",
         ALIAS("left_shift", ">>> bitwise_left_shift(1, 4)\n"
                             "16\n"))},
    {"bitwise_not", make_invert,
     UF1("bitwise_not(x): ~x, elementwise.",
         ALIAS("invert", ">>> bitwise_not(0)\n"
                         "-1\n"))},
    {"bitwise_or", make_bitwise_or,
     UF2("bitwise_or(x1, x2): x1 | x2, elementwise (logical on bool).",
         ">>> bitwise_or(12, 10)\n"
         "14\n")},
    {"bitwise_right_shift", make_right_shift,
     UF2("bitwise_right_shift(x1, x2): x1 >> x2, elementwise.",
         ALIAS("right_shift", ">>> bitwise_right_shift(16, 4)\n"
                              "1\n"))},
    {"bitwise_xor", make_bitwise_xor,
     UF2("bitwise_xor(x1, x2): x1 ^ x2, elementwise (logical on bool).",
         ">>> bitwise_xor(12, 10)\n"
         "6\n")},
    {"cbrt", make_cbrt,
     UF1F("cbrt(x): the cube root, elementwise.", "Real only; cbrt(-8) is -2.\n"
                                                  "\n"
                                                  ">>> cbrt([1, 8, -27])\n"
                                                  "array([ 1.,  2., -3.])\n")},
    {"ceil", make_ceil,
     UF1F("ceil(x): the smallest integer >= x, elementwise (a float).",
          ">>> ceil([-1.7, -1.5, -0.2, 0.2, 1.5, 1.7, 2.0])\n"
          "array([-1., -1., -0.,  1.,  2.,  2.,  2.])\n")},
    {"conj", make_conjugate,
     UF1("conj(x): the complex conjugate, elementwise.",
         "An alias of conjugate (the same ufunc object).\n"
         "\n"
         ">>> conj([1+2j, 3])\n"
         "array([1.-2.j, 3.-0.j])\n")},
    {"conjugate", make_conjugate,
     UF1("conjugate(x): the complex conjugate, elementwise.",
         "Real inputs are returned unchanged (a copy).\n"
         "\n"
         ">>> conjugate(1+2j)\n"
         "(1-2j)\n"
         ">>> conjugate([[1+1j, 0], [0, 1+1j]])\n"
         "array([[1.-1.j, 0.-0.j],\n"
         "       [0.-0.j, 1.-1.j]])\n")},
    {"copysign", make_copysign,
     UF2F("copysign(x1, x2): |x1| with the sign of x2, elementwise.",
          ">>> copysign(1.3, -1)\n"
          "-1.3\n"
          ">>> copysign([-1, 0, 1], -1.1)\n"
          "array([-1., -0., -1.])\n")},
    {"cos", make_cos,
     UF1F("cos(x): the cosine (x in radians), elementwise.",
          ">>> cos([0, pi])\n"
          "array([ 1., -1.])\n")},
    {"cosh", make_cosh,
     UF1F("cosh(x): the hyperbolic cosine, elementwise.", ">>> cosh(0)\n"
                                                          "1.0\n")},
    {"deg2rad", make_deg2rad,
     UF1F("deg2rad(x): degrees to radians, elementwise.",
          ">>> deg2rad(180)\n"
          "3.141592653589793\n")},
    {"degrees", make_degrees,
     UF1F("degrees(x): radians to degrees (as rad2deg), elementwise.",
          "NumPy keeps it a ufunc of its own name.\n"
          "\n"
          ">>> degrees([0, pi])\n"
          "array([  0., 180.])\n")},
    {"divide", make_divide,
     UF2("divide(x1, x2): true division x1 / x2, elementwise.",
         ">>> divide([1, 2], 4)\n"
         "array([0.25, 0.5 ])\n")},
    {"divmod", make_divmod,
     UF2_2("divmod(x1, x2): (x1 // x2, x1 % x2) in one pass.",
           "Two outputs, as Python's divmod on numbers.\n"
           "\n"
           ">>> divmod([0, 1, 2, 3, 4], 3)\n"
           "(array([0, 0, 0, 1, 1]), array([0, 1, 2, 0, 1]))\n"
           ">>> divmod(-7., 2)\n"
           "(-4.0, 1.0)\n")},
    {"equal", make_equal,
     UF2("equal(x1, x2): x1 == x2, elementwise.", ">>> equal([1, 2], 2)\n"
                                                  "array([False,  True])\n")},
    {"exp", make_exp,
     UF1F("exp(x): e ** x, elementwise.", ">>> exp([0, 1])\n"
                                          "array([1.        , 2.71828183])\n")},
    {"exp2", make_exp2,
     UF1F("exp2(x): 2 ** x, elementwise.", ">>> exp2([2, 3])\n"
                                           "array([4., 8.])\n")},
    {"expm1", make_expm1,
     UF1F("expm1(x): exp(x) - 1, accurate for small x.",
          ">>> expm1(1e-10)\n"
          "1.00000000005e-10\n"
          ">>> exp(1e-10) - 1\n"
          "1.000000082740371e-10\n")},
    {"fabs", make_fabs,
     UF1F("fabs(x): the absolute value of a real, as a float.",
          "Complex inputs are a TypeError (use absolute).\n"
          "\n"
          ">>> fabs([-1.2, 1.2])\n"
          "array([1.2, 1.2])\n"
          ">>> fabs(-1)\n"
          "1.0\n")},
    {"float_power", make_float_power,
     UF2("float_power(x1, x2): x1 ** x2 computed in float64 (or complex128).",
         "Integers and float32 are promoted, so negative powers of ints work.\n"
         "\n"
         ">>> float_power([0, 1, 2, 3], 3)\n"
         "array([ 0.,  1.,  8., 27.])\n"
         ">>> float_power(2, -1)\n"
         "0.5\n")},
    {"floor", make_floor,
     UF1F("floor(x): the largest integer <= x, elementwise (a float).",
          ">>> floor([-1.7, -1.5, -0.2, 0.2, 1.5, 1.7, 2.0])\n"
          "array([-2., -2., -1.,  0.,  1.,  1.,  2.])\n")},
    {"floor_divide", make_floor_divide,
     UF2("floor_divide(x1, x2): x1 // x2, elementwise (rounds toward -inf).",
         ">>> floor_divide([7, -7], 2)\n"
         "array([ 3, -4])\n")},
    {"fmax", make_fmax,
     UF2("fmax(x1, x2): the larger of x1 and x2; a NaN loses to a number.",
         ">>> fmax([nan, 0, nan], [0, nan, nan])\n"
         "array([ 0.,  0., nan])\n")},
    {"fmin", make_fmin,
     UF2("fmin(x1, x2): the smaller of x1 and x2; a NaN loses to a number.",
         ">>> fmin([2, 3, 4], [1, 5, 2])\n"
         "array([1, 3, 2])\n"
         ">>> fmin([nan, 0, nan], [0, nan, nan])\n"
         "array([ 0.,  0., nan])\n")},
    {"fmod", make_fmod,
     UF2("fmod(x1, x2): the remainder of division with the sign of x1 (C's "
         "fmod).",
         "Compare remainder, which takes the sign of x2.\n"
         "\n"
         ">>> fmod([-3, -2, -1, 1, 2, 3], 2)\n"
         "array([-1,  0, -1,  1,  0,  1])\n"
         ">>> remainder([-3, -2, -1, 1, 2, 3], 2)\n"
         "array([1, 0, 1, 1, 0, 1])\n")},
    {"frexp", make_frexp,
     UF1_2F("frexp(x): mantissa and exponent: x == m * 2**e, 0.5 <= |m| < 1.",
            "The exponents are int32.\n"
            "\n"
            ">>> frexp([1., 8., -3.])\n"
            "(array([ 0.5 ,  0.5 , -0.75]), array([1, 4, 2], dtype=int32))\n")},
    {"gcd", make_gcd,
     UF2("gcd(x1, x2): the greatest common divisor of |x1| and |x2|.",
         "Integers only.\n"
         "\n"
         ">>> gcd(12, 20)\n"
         "4\n"
         ">>> gcd([0, 5, 10, 15, 20], 20)\n"
         "array([20,  5, 10,  5, 20])\n")},
    {"greater", make_greater,
     UF2("greater(x1, x2): x1 > x2, elementwise.",
         ">>> greater([1, 2, 3], 2)\n"
         "array([False, False,  True])\n")},
    {"greater_equal", make_greater_equal,
     UF2("greater_equal(x1, x2): x1 >= x2, elementwise.",
         ">>> greater_equal([1, 2, 3], 2)\n"
         "array([False,  True,  True])\n")},
    {"heaviside", make_heaviside,
     UF2F(
         "heaviside(x1, x2): 0 where x1 < 0, x2 where x1 == 0, 1 where x1 > 0.",
         ">>> heaviside([-1.5, 0, 2.0], 0.5)\n"
         "array([0. , 0.5, 1. ])\n"
         ">>> heaviside([-1.5, 0, 2.0], 1)\n"
         "array([0., 1., 1.])\n")},
    {"hypot", make_hypot,
     UF2F("hypot(x1, x2): sqrt(x1**2 + x2**2) without overflow.",
          ">>> hypot(3, [4, 4])\n"
          "array([5., 5.])\n")},
    {"invert", make_invert,
     UF1("invert(x): ~x, bitwise NOT elementwise (logical NOT on bool).",
         ">>> invert([0, 1])\n"
         "array([-1, -2])\n"
         ">>> invert([True, False])\n"
         "array([False,  True])\n")},
    {"isfinite", make_isfinite,
     UF1("isfinite(x): True where x is neither inf nor NaN.",
         ">>> isfinite([nan, 1., -inf])\n"
         "array([False,  True, False])\n")},
    {"isinf", make_isinf,
     UF1("isinf(x): True where x is +inf or -inf, elementwise.",
         ">>> isinf([-inf, 0., inf, nan])\n"
         "array([ True, False,  True, False])\n")},
    {"isnan", make_isnan,
     UF1("isnan(x): True where x is NaN, elementwise.",
         ">>> isnan([nan, 1., inf])\n"
         "array([ True, False, False])\n")},
    {"lcm", make_lcm,
     UF2("lcm(x1, x2): the lowest common multiple of |x1| and |x2|.",
         "Integers only.\n"
         "\n"
         ">>> lcm(12, 20)\n"
         "60\n"
         ">>> lcm([0, 3, 6], 20)\n"
         "array([ 0, 60, 60])\n")},
    {"ldexp", make_ldexp,
     UF2F("ldexp(x1, x2): x1 * 2**x2, elementwise (x2 integers).",
          ">>> ldexp(5, [0, 1, 2])\n"
          "array([ 5., 10., 20.])\n"
          ">>> ldexp(0.5, 3)\n"
          "4.0\n")},
    {"left_shift", make_left_shift,
     UF2("left_shift(x1, x2): x1 << x2, elementwise.",
         ">>> left_shift(1, [1, 2, 3])\n"
         "array([2, 4, 8])\n")},
    {"less", make_less,
     UF2("less(x1, x2): x1 < x2, elementwise.",
         ">>> less([1, 2, 3], 2)\n"
         "array([ True, False, False])\n")},
    {"less_equal", make_less_equal,
     UF2("less_equal(x1, x2): x1 <= x2, elementwise.",
         ">>> less_equal([1, 2, 3], 2)\n"
         "array([ True,  True, False])\n")},
    {"log", make_log,
     UF1F("log(x): the natural logarithm, elementwise.",
          "log(0) is -inf (divide-by-zero event); negative reals give nan "
          "(invalid).\n"
          "\n"
          ">>> log([1, e, e**2])\n"
          "array([0., 1., 2.])\n")},
    {"log10", make_log10,
     UF1F("log10(x): the base-10 logarithm, elementwise.",
          ">>> log10([1e-15, 100.])\n"
          "array([-15.,   2.])\n")},
    {"log1p", make_log1p,
     UF1F("log1p(x): log(1 + x), accurate for small x.", ">>> log1p(1e-99)\n"
                                                         "1e-99\n"
                                                         ">>> log(1 + 1e-99)\n"
                                                         "0.0\n")},
    {"log2", make_log2,
     UF1F("log2(x): the base-2 logarithm, elementwise.",
          ">>> log2([1, 2, 2**4])\n"
          "array([0., 1., 4.])\n")},
    {"logaddexp", make_logaddexp,
     UF2F("logaddexp(x1, x2): log(exp(x1) + exp(x2)) without overflow.",
          ">>> logaddexp(0, 0)\n"
          "0.6931471805599453\n"
          ">>> logaddexp([-inf, 1000], [-inf, 1000])\n"
          "array([         -inf, 1000.69314718])\n")},
    {"logaddexp2", make_logaddexp2,
     UF2F("logaddexp2(x1, x2): log2(2**x1 + 2**x2) without overflow.",
          ">>> logaddexp2(3, 3)\n"
          "4.0\n")},
    {"logical_and", make_logical_and,
     UF2("logical_and(x1, x2): the truth of x1 and x2, elementwise.",
         ">>> logical_and([True, False], True)\n"
         "array([ True, False])\n")},
    {"logical_not", make_logical_not,
     UF1("logical_not(x): the truth of not x, elementwise.",
         ">>> logical_not([True, False])\n"
         "array([False,  True])\n")},
    {"logical_or", make_logical_or,
     UF2("logical_or(x1, x2): the truth of x1 or x2, elementwise.",
         ">>> logical_or([True, False], False)\n"
         "array([ True, False])\n")},
    {"logical_xor", make_logical_xor,
     UF2("logical_xor(x1, x2): the truth of x1 xor x2, elementwise.",
         ">>> logical_xor([True, False], True)\n"
         "array([False,  True])\n")},
    {"maximum", make_maximum,
     UF2("maximum(x1, x2): the larger of x1 and x2, elementwise; NaN "
         "propagates.",
         ">>> maximum([2, 3, 4], [1, 5, 2])\n"
         "array([2, 5, 4])\n"
         ">>> maximum([nan, 0, nan], [0, nan, nan])\n"
         "array([nan, nan, nan])\n")},
    {"minimum", make_minimum,
     UF2("minimum(x1, x2): the smaller of x1 and x2, elementwise; NaN "
         "propagates.",
         ">>> minimum([2, 3, 4], [1, 5, 2])\n"
         "array([1, 3, 2])\n"
         ">>> minimum(-inf, 1)\n"
         "-inf\n")},
    {"mod", make_remainder,
     UF2("mod(x1, x2): x1 % x2 with the sign of x2, elementwise.",
         ALIAS("remainder", ">>> mod(-7, 3)\n"
                            "2\n"))},
    {"modf", make_modf,
     UF1_2F("modf(x): the fractional and integral parts, as two arrays.",
            "Both carry x's sign.\n"
            "\n"
            ">>> modf([0, 3.5])\n"
            "(array([0. , 0.5]), array([0., 3.]))\n"
            ">>> modf(-0.5)\n"
            "(-0.5, -0.0)\n")},
    {"multiply", make_multiply,
     UF2("multiply(x1, x2): the product x1 * x2, elementwise.",
         ">>> multiply([1, 2], [3, 4])\n"
         "array([3, 8])\n")},
    {"negative", make_negative,
     UF1("negative(x): -x, elementwise.", ">>> negative([1, -2])\n"
                                          "array([-1,  2])\n")},
    {"nextafter", make_nextafter,
     UF2F("nextafter(x1, x2): the next float after x1 toward x2.",
          ">>> nextafter(1, 2) - 1\n"
          "2.220446049250313e-16\n"
          ">>> nextafter(0., -1.)\n"
          "-5e-324\n")},
    {"not_equal", make_not_equal,
     UF2("not_equal(x1, x2): x1 != x2, elementwise.",
         ">>> not_equal([1, 2], 2)\n"
         "array([ True, False])\n")},
    {"positive", make_positive,
     UF1("positive(x): +x (a copy), elementwise.", ">>> positive([1, -2])\n"
                                                   "array([ 1, -2])\n")},
    {"pow", make_power,
     UF2("pow(x1, x2): x1 ** x2, elementwise.",
         ALIAS("power", ">>> pow(2, 10)\n"
                        "1024\n"))},
    {"power", make_power,
     UF2("power(x1, x2): x1 ** x2, elementwise.", ">>> power(2, [1, 2, 3])\n"
                                                  "array([2, 4, 8])\n")},
    {"rad2deg", make_rad2deg,
     UF1F("rad2deg(x): radians to degrees, elementwise.", ">>> rad2deg(pi/2)\n"
                                                          "90.0\n")},
    {"radians", make_radians,
     UF1F("radians(x): degrees to radians (as deg2rad), elementwise.",
          ">>> radians([0, 90])\n"
          "array([0.        , 1.57079633])\n")},
    {"reciprocal", make_reciprocal,
     UF1("reciprocal(x): 1 / x, elementwise.",
         "Integers use integer division: 1 / 2 is 0.\n"
         "\n"
         ">>> reciprocal(2.)\n"
         "0.5\n"
         ">>> reciprocal([1, 2., 3.33])\n"
         "array([1.       , 0.5      , 0.3003003])\n"
         ">>> reciprocal([1, 2])\n"
         "array([1, 0])\n")},
    {"remainder", make_remainder,
     UF2("remainder(x1, x2): x1 % x2 with the sign of x2, elementwise.",
         ">>> remainder([7, -7], 3)\n"
         "array([1, 2])\n")},
    {"right_shift", make_right_shift,
     UF2("right_shift(x1, x2): x1 >> x2, elementwise.",
         ">>> right_shift(16, [1, 2])\n"
         "array([8, 4])\n")},
    {"rint", make_rint,
     UF1F("rint(x): the nearest integer, halves to even, elementwise.",
          ">>> rint([-1.7, -1.5, -0.2, 0.2, 1.5, 1.7, 2.0])\n"
          "array([-2., -2., -0.,  0.,  2.,  2.,  2.])\n")},
    {"sign", make_sign,
     UF1("sign(x): -1, 0 or 1 by the sign of x (nan for nan).",
         "For complex x it is x / abs(x) (NumPy 2), 0 for 0.  No bool loop.\n"
         "\n"
         ">>> sign([-5., 4.5])\n"
         "array([-1.,  1.])\n"
         ">>> sign(0)\n"
         "0\n"
         ">>> sign([3-4j, 8j])\n"
         "array([0.6-0.8j, 0. +1.j ])\n")},
    {"signbit", make_signbit,
     UF1("signbit(x): True where the sign bit is set (-0.0 too).",
         ">>> signbit([-1.2, -0.0, 0.0, 1])\n"
         "array([ True,  True, False, False])\n")},
    {"sin", make_sin,
     UF1F("sin(x): the sine (x in radians), elementwise.",
          ">>> sin(pi/2.)\n"
          "1.0\n"
          ">>> sin([0, pi/6])\n"
          "array([0. , 0.5])\n")},
    {"sinh", make_sinh,
     UF1F("sinh(x): the hyperbolic sine, elementwise.", ">>> sinh(0)\n"
                                                        "0.0\n"
                                                        ">>> sinh(pi*1j/2)\n"
                                                        "1j\n")},
    {"spacing", make_spacing,
     UF1F("spacing(x): the distance to the next float away from zero.",
          ">>> spacing(1.0)\n"
          "2.220446049250313e-16\n"
          ">>> spacing([-1.0, 0.0])\n"
          "array([-2.22044605e-016,  4.94065646e-324])\n")},
    {"sqrt", make_sqrt,
     UF1F("sqrt(x): the non-negative square root, elementwise.",
          "nan (and the invalid event) for negative reals; complex inputs give "
          "the principal root.\n"
          "\n"
          ">>> sqrt([1, 4, 9])\n"
          "array([1., 2., 3.])\n"
          ">>> sqrt([4, -1, -3+4j])\n"
          "array([2.+0.j, 0.+1.j, 1.+2.j])\n")},
    {"square", make_square,
     UF1("square(x): x * x, elementwise.",
         "Integers stay integers (and wrap).\n"
         "\n"
         ">>> square([-1j, 1])\n"
         "array([-1.+0.j,  1.+0.j])\n"
         ">>> square([2, 3])\n"
         "array([4, 9])\n")},
    {"subtract", make_subtract,
     UF2("subtract(x1, x2): the difference x1 - x2, elementwise.",
         ">>> subtract(5, [1, 2])\n"
         "array([4, 3])\n")},
    {"tan", make_tan,
     UF1F("tan(x): the tangent (x in radians), elementwise.",
          ">>> tan([-pi, pi/4])\n"
          "array([1.2246468e-16, 1.0000000e+00])\n")},
    {"tanh", make_tanh,
     UF1F("tanh(x): the hyperbolic tangent, elementwise.",
          ">>> tanh([0, inf, -inf])\n"
          "array([ 0.,  1., -1.])\n")},
    {"true_divide", make_divide,
     UF2("true_divide(x1, x2): x1 / x2, elementwise.",
         ALIAS("divide", ">>> true_divide(1, 4)\n"
                         "0.25\n"))},
    {"trunc", make_trunc,
     UF1F("trunc(x): x rounded toward zero, elementwise (a float).",
          ">>> trunc([-1.7, -1.5, -0.2, 0.2, 1.5, 1.7, 2.0])\n"
          "array([-1., -1., -0.,  0.,  1.,  1.,  2.])\n")},
};

/* --------------------------------- ndarray methods (a.clip, a.round) */

/* self, min=None, max=None, out=None */
static Value am_clip(Value *args)
{
    return clip_common(args[0], args[1], args[2], args[3]);
}

/* self */
static Value am_conj(Value *args)
{
    NdArray *r = nd_unary(ND_UF_CONJUGATE, args[0].as.array);
    return bi_result_array(r);
}

/* self, decimals=0, out=None */
static Value am_round(Value *args)
{
    return bi_around(args);
}

const Namespace ns_ufuncs_methods = {
    .name = "ndarray",
    .defs =
        (const BuiltinDef[]){
            {"clip", am_clip, "self, min=None, max=None, out=None",
             "a.clip(min=None, max=None, out=None): a limited to [min, max] "
             "(see clip).\n\n"
             ">>> arange(5).clip(1, 3)\narray([1, 1, 2, 3, 3])\n"
             ">>> array([-1.5, 2.5]).clip(min=0)\narray([0. , 2.5])\n"},
            {"conj", am_conj, "self",
             "a.conj(): the complex conjugate, elementwise (see "
             "conjugate).\n\n"
             ">>> array([1+2j, 3-1j]).conj()\narray([1.-2.j, 3.+1.j])\n"},
            {"conjugate", am_conj, "self",
             "a.conjugate(): the complex conjugate, elementwise.\n\n"
             ">>> array([1+2j]).conjugate()\narray([1.-2.j])\n"},
            {"round", am_round, "self, decimals=0, out=None",
             "a.round(decimals=0, out=None): rounded to decimals, halves "
             "to even (see around).\n\n"
             ">>> array([1.25, 2.5, -0.5]).round(1)\n"
             "array([ 1.2,  2.5, -0.5])\n"
             ">>> array([1.5, 2.5]).round()\narray([2., 2.])\n"},
        },
    .ndefs = 4,
};

const Namespace ns_ufuncs = {
    .name = "ufuncs",
    .defs = ufunc_defs,
    .ndefs = sizeof ufunc_defs / sizeof ufunc_defs[0],
    .consts = ufunc_consts,
    .nconsts = sizeof ufunc_consts / sizeof ufunc_consts[0],
    .help = "Elementwise functions (ufuncs) and NumPy's functions on them.",
};
