/* array.c — what `a.name` means on an array: NumPy's ndarray attributes
 * (shape, ndim, size, itemsize, nbytes, dtype, T, real, imag, strides,
 * flags), the assignable ones (a.shape = ..., a.real = ..., a.flags
 * .writeable = ...), the native kind of a.flags, and the method table
 * ns_array_methods (reshape, astype, copy, transpose, ...) with NumPy's
 * signatures.  Sizes and shape entries are Python (weak) ints, as §2 says;
 * item() and tolist() give Python scalars. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

static NdArray *arr(Value v)
{
    return v.as.array;
}

static Value int_tuple(int n, const int64_t *xs)
{
    Value t = v_tuple_new(n);
    if (v_is_err(t))
        return t;
    for (int i = 0; i < n; i++)
        tuple_set_take(t, i, v_int(xs[i]));
    return t;
}

/* The real or imaginary part of a complex array as a float view. */
static NdArray *part_view(NdArray *a, bool imag)
{
    NdType ft = a->dtype == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
    return nd_view_new(a->buffer, ft, a->ndim, a->shape, a->strides,
                       a->data + (imag ? nd_dtype_size(ft) : 0),
                       (a->flags & ND_WRITEABLE) != 0);
}

static bool is_complex(NdArray *a)
{
    return nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX;
}

/* ----------------------------------------------------------- a.flags */

typedef struct FlagsObj {
    NativeObj h;
    NdArray *a;
} FlagsObj;

static void flags_finalize(Obj *o)
{
    nd_decref(((FlagsObj *)o)->a);
}

static int flag_of(const char *name)
{
    static const struct {
        const char *name;
        int flag;
    } names[] = {
        {"c_contiguous", ND_C_CONTIGUOUS},
        {"C_CONTIGUOUS", ND_C_CONTIGUOUS},
        {"C", ND_C_CONTIGUOUS},
        {"contiguous", ND_C_CONTIGUOUS},
        {"f_contiguous", ND_F_CONTIGUOUS},
        {"F_CONTIGUOUS", ND_F_CONTIGUOUS},
        {"F", ND_F_CONTIGUOUS},
        {"writeable", ND_WRITEABLE},
        {"WRITEABLE", ND_WRITEABLE},
        {"W", ND_WRITEABLE},
        {"owndata", ND_OWNDATA},
        {"OWNDATA", ND_OWNDATA},
        {"O", ND_OWNDATA},
        {"aligned", -1},
        {"ALIGNED", -1},
        {"A", -1},
        {"writebackifcopy", -2},
        {"WRITEBACKIFCOPY", -2},
        {"X", -2},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(names[i].name, name))
            return names[i].flag;
    return 0;
}

static Value flags_read(NdArray *a, int flag)
{
    if (flag == -1)
        return v_bool(true);
    if (flag == -2)
        return v_bool(false);
    return v_bool((a->flags & (unsigned)flag) != 0);
}

static Value flags_getattr(Value self, const char *name)
{
    int f = flag_of(name);
    if (!f || strlen(name) == 1 || (name[0] >= 'A' && name[0] <= 'Z'))
        return v_unset();
    return flags_read(((FlagsObj *)self.as.obj)->a, f);
}

static Value flags_getitem(Value self, Value key)
{
    int f = key.kind == VK_STR ? flag_of(as_str(key)->data) : 0;
    if (!f || (key.kind == VK_STR && as_str(key)->data[0] >= 'a'))
        return rt_raise(ERR_KEY, "'Unknown flag'");
    return flags_read(((FlagsObj *)self.as.obj)->a, f);
}

static int flags_set(NdArray *a, int flag, Value v)
{
    if (flag != ND_WRITEABLE)
        return rt_fail(ERR_ATTRIBUTE, "attribute is not writable");
    int t = op_truth(v);
    if (t < 0)
        return -1;
    if (t && !a->buffer->writeable)
        return rt_fail(ERR_VALUE,
                       "cannot set WRITEABLE flag to True of this array");
    if (t)
        a->flags |= ND_WRITEABLE;
    else
        a->flags &= ~(unsigned)ND_WRITEABLE;
    return 0;
}

static int flags_setattr(Value self, const char *name, Value v)
{
    int f = flag_of(name);
    if (!f || (name[0] >= 'A' && name[0] <= 'Z'))
        return rt_fail(ERR_ATTRIBUTE, "'flagsobj' object has no attribute '%s'",
                       name);
    return flags_set(((FlagsObj *)self.as.obj)->a, f, v);
}

static int flags_setitem(Value self, Value key, Value v)
{
    int f = key.kind == VK_STR ? flag_of(as_str(key)->data) : 0;
    if (!f || (key.kind == VK_STR && as_str(key)->data[0] >= 'a'))
        return rt_fail(ERR_KEY, "'Unknown flag'");
    return flags_set(((FlagsObj *)self.as.obj)->a, f, v);
}

static Value flags_repr(Value self)
{
    NdArray *a = ((FlagsObj *)self.as.obj)->a;
    char buf[256];
    snprintf(buf, sizeof buf,
             "  C_CONTIGUOUS : %s\n  F_CONTIGUOUS : %s\n  OWNDATA : %s\n"
             "  WRITEABLE : %s\n  ALIGNED : True\n  WRITEBACKIFCOPY : False\n",
             a->flags & ND_C_CONTIGUOUS ? "True" : "False",
             a->flags & ND_F_CONTIGUOUS ? "True" : "False",
             a->flags & ND_OWNDATA ? "True" : "False",
             a->flags & ND_WRITEABLE ? "True" : "False");
    return v_str(buf);
}

const NativeType flags_type = {
    .name = "flagsobj",
    .size = sizeof(FlagsObj),
    .finalize = flags_finalize,
    .repr = flags_repr,
    .getattr = flags_getattr,
    .setattr = flags_setattr,
    .getitem = flags_getitem,
    .setitem = flags_setitem,
    .help = "flagsobj: the memory layout flags of an array (a.flags).\n\n"
            "Attributes c_contiguous, f_contiguous, owndata, writeable, "
            "aligned;\nalso a.flags['WRITEABLE'].  Setting writeable = False "
            "makes the array\nread-only.\n\n"
            ">>> a = zeros(3)\n>>> a.flags.writeable = False\n"
            ">>> a.flags.writeable\nFalse\n",
};

/* -------------------------------------------------------- attributes */

/* Every name array_getattr answers, for tab completion and help; keep in
 * step with the switch below. */
const char *const array_attribute_names[] = {
    "T",      "base", "dtype", "flags", "flat", "imag",    "itemsize",
    "nbytes", "ndim", "real",  "shape", "size", "strides", NULL,
};

Value array_getattr(Value v, const char *name)
{
    NdArray *a = arr(v);
    switch (name[0]) {
    case 'T':
        if (!strcmp(name, "T"))
            return bi_result_array(nd_transpose(a, NULL, 0));
        break;
    case 'b':
        if (!strcmp(name, "base")) {
            /* None for an array that owns its memory; a view's base is the
             * array owning the memory, as in NumPy (b = a[1:]; b.base is
             * a).  Views of foreign memory (a memmap) have no owner array:
             * their base is that whole buffer seen as a 1-d array. */
            if (a->flags & ND_OWNDATA)
                return v_none();
            if (a->base) {
                Value b = {.kind = VK_ARRAY};
                b.as.array = nd_incref(a->base);
                return b;
            }
            size_t isz = nd_dtype_size(a->dtype);
            int64_t n = (int64_t)(a->buffer->nbytes / isz), st = (int64_t)isz;
            return bi_result_array(nd_view_new(a->buffer, a->dtype, 1, &n, &st,
                                               a->buffer->data,
                                               (a->flags & ND_WRITEABLE) != 0));
        }
        break;
    case 'd':
        if (!strcmp(name, "dtype")) {
            Value d = dtype_value(a->dtype);
            if (!v_is_err(d))
                v_incref(d);
            return d;
        }
        break;
    case 'f':
        if (!strcmp(name, "flat"))
            return flatiter_new(a);
        if (!strcmp(name, "flags")) {
            Value f = native_new(&flags_type);
            if (v_is_err(f))
                return f;
            ((FlagsObj *)f.as.obj)->a = nd_incref(a);
            return f;
        }
        break;
    case 'i':
        if (!strcmp(name, "itemsize"))
            return v_int((int64_t)nd_dtype_size(a->dtype));
        if (!strcmp(name, "imag")) {
            if (is_complex(a))
                return bi_result_array(part_view(a, true));
            NdArray *z = nd_zeros(a->dtype, a->ndim, a->shape, 'C');
            if (z)
                z->flags &= ~(unsigned)ND_WRITEABLE;
            return bi_result_array(z);
        }
        break;
    case 'n':
        if (!strcmp(name, "ndim"))
            return v_int(a->ndim);
        if (!strcmp(name, "nbytes"))
            return v_int(a->size * (int64_t)nd_dtype_size(a->dtype));
        break;
    case 'r':
        if (!strcmp(name, "real"))
            return bi_result_array(is_complex(a) ? part_view(a, false)
                                                 : nd_view(a));
        break;
    case 's':
        if (!strcmp(name, "shape"))
            return int_tuple(a->ndim, a->shape);
        if (!strcmp(name, "size"))
            return v_int(a->size);
        if (!strcmp(name, "strides"))
            return int_tuple(a->ndim, a->strides);
        break;
    }
    return v_unset();
}

static int set_shape(NdArray *a, Value v)
{
    int ndim;
    int64_t shape[ND_MAXDIMS];
    if (value_to_shape(v, &ndim, shape) < 0)
        return -1;
    return nd_set_shape(a, ndim, shape) < 0 ? rt_fail_from_lib() : 0;
}

static int set_part(NdArray *a, bool imag, Value v)
{
    if (imag && !is_complex(a))
        return rt_fail(ERR_TYPE, "array does not have imaginary part to set");
    NdArray *dst = is_complex(a) ? part_view(a, imag) : nd_view(a);
    NdArray *src = dst ? value_to_array(v, ND_NTYPES) : NULL;
    if (!dst)
        return rt_fail_from_lib();
    if (!src) {
        nd_decref(dst);
        return -1;
    }
    int rc = nd_copyto(dst, src, ND_CAST_UNSAFE);
    nd_decref(dst);
    nd_decref(src);
    return rc < 0 ? rt_fail_from_lib() : 0;
}

int array_setattr(Value v, const char *name, Value x)
{
    NdArray *a = arr(v);
    if (!strcmp(name, "shape"))
        return set_shape(a, x);
    if (!strcmp(name, "real") || !strcmp(name, "imag"))
        return set_part(a, name[0] == 'i', x);
    static const char *readonly[] = {"T",      "dtype", "flags", "itemsize",
                                     "nbytes", "ndim",  "size",  "strides",
                                     "base",   "data",  "ctypes"};
    for (size_t i = 0; i < sizeof readonly / sizeof readonly[0]; i++)
        if (!strcmp(name, readonly[i]))
            return rt_fail(ERR_ATTRIBUTE,
                           "attribute '%s' of 'numpy.ndarray' objects is not "
                           "writable",
                           name);
    return rt_fail(ERR_ATTRIBUTE,
                   "'numpy.ndarray' object has no attribute '%s'", name);
}

/* ------------------------------------------------------------ methods */

/* Integers from a "*name" tuple: either the ints themselves or one
 * tuple/list of them; *n = -1 when the tuple is empty or holds None. */
static int int_args(Value t, int64_t *out, int *n)
{
    Tuple *tp = as_tuple(t);
    const Value *items = tp->items;
    int64_t cnt = tp->n;
    if (cnt == 1 && (items[0].kind == VK_TUPLE || items[0].kind == VK_LIST)) {
        Value inner = items[0];
        if (inner.kind == VK_TUPLE) {
            items = as_tuple(inner)->items;
            cnt = as_tuple(inner)->n;
        } else {
            items = as_list(inner)->items;
            cnt = as_list(inner)->n;
        }
    } else if (cnt == 1 && items[0].kind == VK_NONE) {
        *n = -1;
        return 0;
    }
    if (cnt > ND_MAXDIMS)
        return rt_fail(ERR_VALUE,
                       "maximum supported dimension for an ndarray "
                       "is 32, found %lld",
                       (long long)cnt);
    for (int64_t i = 0; i < cnt; i++)
        if (bi_get_int(items[i], &out[i]) < 0)
            return -1;
    *n = (int)cnt;
    return 0;
}

static Value m_reshape(Value *args)
{
    int64_t shape[ND_MAXDIMS];
    int n;
    char order;
    if (as_tuple(args[1])->n == 0)
        return rt_raise(ERR_TYPE, "reshape() takes exactly 1 argument (0 "
                                  "given)");
    if (int_args(args[1], shape, &n) < 0 ||
        bi_get_order(args[2], "CFA", 'C', &order) < 0)
        return v_error();
    if (n < 0)
        return rt_raise(ERR_TYPE, "'NoneType' object cannot be interpreted as "
                                  "an integer");
    if (order == 'A')
        order = (arr(args[0])->flags & ND_F_CONTIGUOUS) &&
                        !(arr(args[0])->flags & ND_C_CONTIGUOUS)
                    ? 'F'
                    : 'C';
    return bi_result_array(nd_reshape(arr(args[0]), n, shape, order));
}

static Value m_astype(Value *args)
{
    NdType dt;
    char order;
    NdCasting casting = ND_CAST_UNSAFE;
    bool copy = true;
    if (value_to_dtype(args[1], &dt) < 0 ||
        bi_get_order(args[2], "KACF", 'K', &order) < 0)
        return v_error();
    if (args[3].kind != VK_UNSET) {
        static const char *names[] = {"no", "equiv", "safe", "same_kind",
                                      "unsafe"};
        const char *s = args[3].kind == VK_STR ? as_str(args[3])->data : "";
        int i;
        for (i = 0; i < 5; i++)
            if (!strcmp(s, names[i]))
                break;
        if (i == 5)
            return rt_raise(ERR_VALUE,
                            "casting must be one of 'no', 'equiv', 'safe', "
                            "'same_kind', or 'unsafe'");
        casting = (NdCasting)i;
    }
    if (args[5].kind != VK_UNSET) {
        int t = op_truth(args[5]);
        if (t < 0)
            return v_error();
        copy = t;
    }
    NdArray *a = arr(args[0]);
    NdArray *r = nd_astype(a, dt, casting, copy);
    if (r && ((order == 'C' && !(r->flags & ND_C_CONTIGUOUS)) ||
              (order == 'F' && !(r->flags & ND_F_CONTIGUOUS)))) {
        NdArray *c = nd_copy(r, order);
        nd_decref(r);
        r = c;
    }
    return bi_result_array(r);
}

static Value m_copy(Value *args)
{
    char order;
    if (bi_get_order(args[1], "CFAK", 'C', &order) < 0)
        return v_error();
    return bi_result_array(nd_copy(arr(args[0]), order));
}

static Value m_transpose(Value *args)
{
    int64_t axes[ND_MAXDIMS];
    int n;
    if (int_args(args[1], axes, &n) < 0)
        return v_error();
    if (n <= 0)
        return bi_result_array(nd_transpose(arr(args[0]), NULL, 0));
    return bi_result_array(nd_transpose(arr(args[0]), axes, n));
}

static Value m_swapaxes(Value *args)
{
    int64_t a1, a2;
    if (bi_get_int(args[1], &a1) < 0 || bi_get_int(args[2], &a2) < 0)
        return v_error();
    return bi_result_array(nd_swapaxes(arr(args[0]), a1, a2));
}

static Value m_squeeze(Value *args)
{
    Value ax = args[1];
    if (ax.kind == VK_UNSET || ax.kind == VK_NONE)
        return bi_result_array(nd_squeeze(arr(args[0]), NULL, 0));
    int64_t axes[ND_MAXDIMS];
    int n = 0;
    if (ax.kind == VK_TUPLE || ax.kind == VK_LIST) {
        Tuple *t = ax.kind == VK_TUPLE ? as_tuple(ax) : NULL;
        int64_t cnt = t ? t->n : as_list(ax)->n;
        const Value *items = t ? t->items : as_list(ax)->items;
        if (cnt > ND_MAXDIMS)
            return rt_raise(ERR_VALUE, "too many axes");
        for (int64_t i = 0; i < cnt; i++)
            if (bi_get_int(items[i], &axes[n++]) < 0)
                return v_error();
    } else if (bi_get_int(ax, &axes[n++]) < 0) {
        return v_error();
    }
    return bi_result_array(nd_squeeze(arr(args[0]), axes, n));
}

static Value m_ravel(Value *args)
{
    char order;
    if (bi_get_order(args[1], "CFAK", 'C', &order) < 0)
        return v_error();
    NdArray *a = arr(args[0]);
    if (order == 'A' || order == 'K')
        order = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS)
                    ? 'F'
                    : 'C';
    return bi_result_array(nd_ravel(a, order));
}

static Value m_flatten(Value *args)
{
    char order;
    if (bi_get_order(args[1], "CFAK", 'C', &order) < 0)
        return v_error();
    NdArray *a = arr(args[0]);
    if (order == 'A' || order == 'K')
        order = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS)
                    ? 'F'
                    : 'C';
    NdArray *c = nd_copy(a, order);
    if (!c)
        return rt_from_lib();
    int64_t n = a->size;
    NdArray *r = nd_reshape(c, 1, &n, order);
    nd_decref(c);
    return bi_result_array(r);
}

/* Nested lists of Python scalars, axis by axis. */
static Value tolist_rec(NdArray *a, int axis, int64_t *index)
{
    if (axis == a->ndim) {
        NdScalar s;
        if (nd_get_item(a, index, &s) < 0)
            return rt_from_lib();
        return bi_weak_scalar(&s);
    }
    Value l = v_list_new(a->shape[axis]);
    if (v_is_err(l))
        return l;
    for (int64_t i = 0; i < a->shape[axis]; i++) {
        index[axis] = i;
        Value item = tolist_rec(a, axis + 1, index);
        if (v_is_err(item) || list_append(l, item) < 0) {
            v_decref(item);
            v_decref(l);
            return v_error();
        }
        v_decref(item);
    }
    return l;
}

static Value m_tolist(Value *args)
{
    int64_t index[ND_MAXDIMS] = {0};
    return tolist_rec(arr(args[0]), 0, index);
}

static Value m_item(Value *args)
{
    NdArray *a = arr(args[0]);
    Tuple *t = as_tuple(args[1]);
    int64_t index[ND_MAXDIMS] = {0};
    NdScalar s;
    const Value *items = t->items;
    int64_t n = t->n;
    if (n == 1 && items[0].kind == VK_TUPLE) {
        n = as_tuple(items[0])->n;
        items = as_tuple(items[0])->items;
    }
    if (n == 0) {
        if (a->size != 1)
            return rt_raise(ERR_VALUE, "can only convert an array of size 1 "
                                       "to a Python scalar");
    } else if (n == 1) {
        int64_t flat;
        if (bi_get_int(items[0], &flat) < 0)
            return v_error();
        if (flat < 0)
            flat += a->size;
        if (flat < 0 || flat >= a->size) {
            int64_t shown = flat < 0 ? flat - a->size : flat;
            if (a->ndim == 1)
                return rt_raise(ERR_INDEX,
                                "index %lld is out of bounds for axis 0 with "
                                "size %lld",
                                (long long)shown, (long long)a->size);
            return rt_raise(ERR_INDEX,
                            "index %lld is out of bounds for size %lld",
                            (long long)shown, (long long)a->size);
        }
        for (int i = a->ndim - 1; i >= 0; i--) {
            index[i] = flat % a->shape[i];
            flat /= a->shape[i];
        }
    } else {
        if (n != a->ndim)
            return rt_raise(ERR_VALUE, "incorrect number of indices for array");
        for (int i = 0; i < a->ndim; i++) {
            int64_t k;
            if (bi_get_int(items[i], &k) < 0)
                return v_error();
            if (k < -a->shape[i] || k >= a->shape[i])
                return rt_raise(ERR_INDEX,
                                "index %lld is out of bounds for axis %d with "
                                "size %lld",
                                (long long)k, i, (long long)a->shape[i]);
            index[i] = k < 0 ? k + a->shape[i] : k;
        }
    }
    if (nd_get_item(a, index, &s) < 0)
        return rt_from_lib();
    return bi_weak_scalar(&s);
}

static Value m_fill(Value *args)
{
    NdArray *a = arr(args[0]);
    Value v = args[1];
    NdScalar s;
    if (v.kind == VK_SCALAR) {
        s = v_to_ndscalar(v);
    } else if (v.kind == VK_ARRAY && v.as.array->size == 1) {
        if (nd_item(v.as.array, &s) < 0)
            return rt_from_lib();
    } else if (v.kind == VK_LIST || v.kind == VK_TUPLE || v.kind == VK_ARRAY) {
        return rt_raise(ERR_VALUE, "setting an array element with a "
                                   "sequence.");
    } else {
        return rt_raise(ERR_TYPE, "fill() needs a number, not %s",
                        bi_type_name(v));
    }
    if (!(a->flags & ND_WRITEABLE))
        return rt_raise(ERR_VALUE, "assignment destination is read-only");
    if (nd_fill(a, &s) < 0)
        return rt_from_lib();
    return v_none();
}

static Value m_view(Value *args)
{
    NdArray *a = arr(args[0]);
    NdType dt = a->dtype;
    if (args[1].kind != VK_UNSET && args[1].kind != VK_NONE &&
        value_to_dtype(args[1], &dt) < 0)
        return v_error();
    if (dt == a->dtype)
        return bi_result_array(nd_view(a));
    if (nd_dtype_size(dt) != nd_dtype_size(a->dtype))
        return rt_raise(ERR_VALUE,
                        "view() to a dtype of another itemsize is not "
                        "supported");
    return bi_result_array(nd_view_new(a->buffer, dt, a->ndim, a->shape,
                                       a->strides, a->data,
                                       (a->flags & ND_WRITEABLE) != 0));
}

static const BuiltinDef array_method_defs[] = {
    {"astype", m_astype,
     "self, dtype, order='K', casting='unsafe', subok=True, copy=True",
     "A copy of the array converted to dtype.\n\n"
     "casting limits the conversion ('no', 'equiv', 'safe', 'same_kind', "
     "'unsafe');\ncopy=False returns the array itself when no conversion is "
     "needed.\n\n"
     ">>> array([1.7, -1.2]).astype(int)\narray([ 1, -1])\n"
     ">>> arange(3).astype(float32)\narray([0., 1., 2.], dtype=float32)\n"},
    {"copy", m_copy, "self, order='C'",
     "A copy of the array (its own memory).\n\n"
     "order is 'C', 'F', 'A' or 'K' (the layout of the copy).\n\n"
     ">>> a = array([1, 2])\n>>> b = a.copy()\n>>> b[0] = 9\n>>> a\n"
     "array([1, 2])\n"},
    {"fill", m_fill, "self, value",
     "Set every element to value (cast to the array's dtype).\n\n"
     "Works in place and returns None.\n\n"
     ">>> a = zeros(3)\n>>> a.fill(7)\n>>> a\narray([7., 7., 7.])\n"},
    {"flatten", m_flatten, "self, order='C'",
     "A 1-d copy of the array.\n\n"
     "Unlike ravel() it always copies.\n\n"
     ">>> array([[1, 2], [3, 4]]).flatten()\narray([1, 2, 3, 4])\n"
     ">>> array([[1, 2], [3, 4]]).flatten('F')\narray([1, 3, 2, 4])\n"},
    {"item", m_item, "self, *args",
     "One element as a Python scalar.\n\n"
     "No argument: the array must have size 1; one int: a flat (C-order) "
     "index;\none int per axis: that element.\n\n"
     ">>> array([[1, 2], [3, 4]]).item(3)\n4\n"
     ">>> array([[1, 2], [3, 4]]).item(0, 1)\n2\n"
     ">>> array([2.5]).item()\n2.5\n"},
    {"ravel", m_ravel, "self, order='C'",
     "The elements as a 1-d array, a view when possible.\n\n"
     "order 'C' reads rows first, 'F' columns first.\n\n"
     ">>> array([[1, 2], [3, 4]]).ravel()\narray([1, 2, 3, 4])\n"
     ">>> array([[1, 2], [3, 4]]).ravel('F')\narray([1, 3, 2, 4])\n"},
    {"reshape", m_reshape, "self, *shape, order='C'",
     "The same elements with a new shape (a view when possible).\n\n"
     "The shape is given as ints or one tuple; one entry may be -1 "
     "(inferred).\n\n"
     ">>> arange(6).reshape(2, 3)\narray([[0, 1, 2],\n       [3, 4, 5]])\n"
     ">>> arange(6).reshape((3, -1)).shape\n(3, 2)\n"},
    {"squeeze", m_squeeze, "self, axis=None",
     "Remove axes of length 1 (all of them, or those given by axis).\n\n"
     "Returns a view.\n\n"
     ">>> ones((1, 3, 1)).squeeze().shape\n(3,)\n"
     ">>> ones((1, 3, 1)).squeeze(axis=0).shape\n(3, 1)\n"},
    {"swapaxes", m_swapaxes, "self, axis1, axis2",
     "A view with two axes interchanged.\n\n"
     "Negative axes count from the end.\n\n"
     ">>> ones((2, 3, 4)).swapaxes(0, 2).shape\n(4, 3, 2)\n"},
    {"tolist", m_tolist, "self",
     "The array as nested lists of Python scalars.\n\n"
     "A 0-d array gives a scalar.\n\n"
     ">>> array([[1, 2], [3, 4]]).tolist()\n[[1, 2], [3, 4]]\n"
     ">>> array([0.5, 1.0]).tolist()\n[0.5, 1.0]\n"},
    {"transpose", m_transpose, "self, *axes",
     "A view with the axes reversed, or permuted as given.\n\n"
     "a.transpose() is a.T; the axes may be ints or one tuple.\n\n"
     ">>> arange(6).reshape(2, 3).transpose()\narray([[0, 3],\n       [1, 4],\n"
     "       [2, 5]])\n"
     ">>> ones((2, 3, 4)).transpose(2, 0, 1).shape\n(4, 2, 3)\n"},
    {"view", m_view, "self, dtype=None",
     "A new array object looking at the same memory.\n\n"
     "With a dtype of the same itemsize the bytes are reinterpreted.\n\n"
     ">>> a = array([1, 2])\n>>> v = a.view()\n>>> v[0] = 5\n>>> a\n"
     "array([5, 2])\n"},
};

const Namespace ns_array_methods = {
    .name = "ndarray",
    .defs = array_method_defs,
    .ndefs = sizeof array_method_defs / sizeof array_method_defs[0],
    .help = "ndarray: an N-dimensional array of one dtype.\n\n"
            "Attributes: shape, ndim, size, dtype, itemsize, nbytes, "
            "strides, T, real,\nimag, flags.  Arithmetic, comparison and "
            "bitwise operators work elementwise\nwith broadcasting; "
            "indexing with integers and slices gives views.\n\n"
            ">>> a = array([[1, 2, 3], [4, 5, 6]])\n>>> a.shape\n(2, 3)\n"
            ">>> a.T.shape\n(3, 2)\n>>> a.dtype\ndtype('int64')\n",
};
