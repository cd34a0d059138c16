/* dtype.c — dtypes as values: the native kind dtype_type (one immortal
 * object per NdType, made on first use), the root names that stand for
 * them (float32, int64, ... and NumPy's aliases double, single, intc, ...)
 * and dtype(x).  A dtype object prints as NumPy's dtype does (repr
 * dtype('float32'), str float32), compares equal to itself, to its name
 * ("float32", "f4") and to the builtins int/float/complex/bool that stand
 * for int64/float64/complex128/bool, and calling it makes a strong scalar
 * (float32(3) * 2 stays float32) or, given a sequence, an array. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

typedef struct DtypeObj {
    NativeObj h;
    NdType t;
} DtypeObj;

static Value dtype_values[ND_NTYPES];

Value dtype_value(NdType t)
{
    if ((unsigned)t >= ND_NTYPES)
        return rt_raise(ERR_TYPE, "invalid dtype");
    if (dtype_values[t].kind != VK_OBJECT) {
        Value v = native_new(&dtype_type);
        if (v_is_err(v))
            return v;
        ((DtypeObj *)v.as.obj)->t = t;
        dtype_values[t] = v;
    }
    return dtype_values[t];
}

int dtype_of_value(Value v)
{
    if (v.kind != VK_OBJECT || native_type(v) != &dtype_type)
        return -1;
    return (int)((DtypeObj *)v.as.obj)->t;
}

static NdType dtype_t(Value self)
{
    return ((DtypeObj *)self.as.obj)->t;
}

/* ------------------------------------------------------------- str/repr */

static Value dtype_str(Value self)
{
    return v_str(nd_dtype_name(dtype_t(self)));
}

static Value dtype_repr(Value self)
{
    char buf[64];
    snprintf(buf, sizeof buf, "dtype('%s')", nd_dtype_name(dtype_t(self)));
    return v_str(buf);
}

/* ------------------------------------------------------------ attributes */

static const char dtype_chars[ND_NTYPES] = {'?', 'b', 'h', 'i', 'l', 'B', 'H',
                                            'I', 'L', 'f', 'd', 'F', 'D'};

static Value dtype_getattr(Value self, const char *name)
{
    NdType t = dtype_t(self);
    char buf[16];
    if (!strcmp(name, "name"))
        return v_str(nd_dtype_name(t));
    if (!strcmp(name, "itemsize") || !strcmp(name, "alignment"))
        return v_int((int64_t)nd_dtype_size(t));
    if (!strcmp(name, "kind")) {
        buf[0] = (char)nd_dtype_kind(t);
        buf[1] = '\0';
        return v_str(buf);
    }
    if (!strcmp(name, "char")) {
        buf[0] = dtype_chars[t];
        buf[1] = '\0';
        return v_str(buf);
    }
    if (!strcmp(name, "byteorder"))
        return v_str(nd_dtype_size(t) == 1 ? "|" : "=");
    if (!strcmp(name, "str")) {
        size_t sz = nd_dtype_size(t);
        snprintf(buf, sizeof buf, "%c%c%zu", sz == 1 ? '|' : '<',
                 (char)nd_dtype_kind(t), sz);
        return v_str(buf);
    }
    if (!strcmp(name, "ndim"))
        return v_int(0);
    if (!strcmp(name, "shape"))
        return v_tuple_new(0);
    return v_unset();
}

/* ------------------------------------------------------------ equality */

/* The dtype another value names, or -1 (no error) when it names none. */
static int named_dtype(Value v)
{
    int t = dtype_of_value(v);
    if (t >= 0)
        return t;
    if (v.kind == VK_STR) {
        NdType o;
        if (nd_dtype_from_name(as_str(v)->data, &o) < 0) {
            nd_error_clear();
            return -1;
        }
        return (int)o;
    }
    if (v.kind == VK_BUILTIN) {
        const char *n = ((Builtin *)v.as.obj)->def->name;
        if (!strcmp(n, "int"))
            return ND_INT64;
        if (!strcmp(n, "float"))
            return ND_FLOAT64;
        if (!strcmp(n, "complex"))
            return ND_COMPLEX128;
        if (!strcmp(n, "bool"))
            return ND_BOOL;
    }
    return -1;
}

static Value dtype_binary(OpKind op, Value a, Value b)
{
    if (op != OP_EQ && op != OP_NE)
        return v_unset();
    int ta = named_dtype(a), tb = named_dtype(b);
    bool eq = ta >= 0 && ta == tb;
    return v_bool(op == OP_EQ ? eq : !eq);
}

/* ------------------------------------------------------------- calling */

static Value scalar_of_type(NdType t, Value v)
{
    NdScalar in, out;
    if (v.kind == VK_UNSET) {
        memset(&out, 0, sizeof out);
        out.dtype = t;
        return v_from_ndscalar(&out);
    }
    if (v.kind == VK_SCALAR) {
        in = v_to_ndscalar(v);
        NdKind tk = nd_dtype_kind(t), vk = nd_dtype_kind(in.dtype);
        bool weak_int = in.weak && (vk == ND_KIND_INT || vk == ND_KIND_UINT);
        int rc = weak_int && (tk == ND_KIND_INT || tk == ND_KIND_UINT)
                     ? nd_scalar_cast_weak(&in, t, &out)
                     : nd_scalar_cast(&in, t, &out);
        if (rc < 0)
            return rt_from_lib();
        out.weak = false;
        return v_from_ndscalar(&out);
    }
    if (v.kind == VK_STR) {
        const char *s = as_str(v)->data;
        NdKind tk = nd_dtype_kind(t);
        if (tk == ND_KIND_INT || tk == ND_KIND_UINT) {
            int64_t i;
            bool ovf = false;
            if (bi_parse_int(s, 10, &i, &ovf) < 0) {
                if (ovf)
                    return rt_raise(ERR_OVERFLOW,
                                    "Python integer %s out of bounds for %s", s,
                                    nd_dtype_name(t));
                return rt_raise(ERR_VALUE,
                                "invalid literal for int() with base 10: "
                                "'%s'",
                                s);
            }
            return scalar_of_type(t, v_int(i));
        }
        if (tk == ND_KIND_BOOL)
            return scalar_of_type(t, v_bool(as_str(v)->nbytes > 0));
        double d;
        if (bi_parse_double(s, &d) < 0)
            return rt_raise(ERR_VALUE,
                            "could not convert string to float: '%s'", s);
        return scalar_of_type(t, v_float(d));
    }
    if (v.kind == VK_ARRAY || v.kind == VK_LIST || v.kind == VK_TUPLE ||
        v.kind == VK_RANGE) {
        NdArray *a = value_to_array(v, ND_NTYPES);
        if (!a)
            return v_error();
        NdArray *r = nd_astype(a, t, ND_CAST_UNSAFE, true);
        nd_decref(a);
        if (!r)
            return rt_from_lib();
        if (r->ndim == 0)
            return bi_result(r);
        r->flags &= ~(unsigned)ND_WEAK;
        return v_array_take(r);
    }
    if (v.kind == VK_NONE && nd_dtype_kind(t) == ND_KIND_FLOAT)
        return scalar_of_type(t, v_float(NAN));
    return rt_raise(ERR_TYPE,
                    "%s() argument must be a string or a number, not '%s'",
                    nd_dtype_name(t), bi_type_name(v));
}

static Value dtype_call(Value self, const Value *pos, int npos, const KwArg *kw,
                        int nkw)
{
    NdType t = dtype_t(self);
    (void)kw;
    if (nkw > 0)
        return rt_raise(ERR_TYPE, "%s() takes no keyword arguments",
                        nd_dtype_name(t));
    if (npos > 1)
        return rt_raise(ERR_TYPE, "%s() takes at most 1 argument (%d given)",
                        nd_dtype_name(t), npos);
    return scalar_of_type(t, npos ? pos[0] : v_unset());
}

const NativeType dtype_type = {
    .name = "dtype",
    .size = sizeof(DtypeObj),
    .str = dtype_str,
    .repr = dtype_repr,
    .getattr = dtype_getattr,
    .binary = dtype_binary,
    .call = dtype_call,
    .help = "dtype: the type of an array's elements.\n\n"
            "The dtypes are bool, int8, int16, int32, int64, uint8, uint16, "
            "uint32,\nuint64, float32, float64, complex64 and complex128.  "
            "A dtype compares\nequal to its name; calling it makes a scalar "
            "of that type.\nAttributes: name, itemsize, kind, char, str.\n\n"
            ">>> float32(3) * 2\n6.0\n"
            ">>> zeros(2, dtype=int8).dtype == \"int8\"\nTrue\n"
            ">>> int16.itemsize\n2\n",
};

/* ------------------------------------------------------ the root names */

#define DTYPE_MAKER(T, NAME)                                                   \
    static Value make_##NAME(void)                                             \
    {                                                                          \
        Value v = dtype_value(T);                                              \
        if (!v_is_err(v))                                                      \
            v_incref(v);                                                       \
        return v;                                                              \
    }
DTYPE_MAKER(ND_BOOL, bool_)
DTYPE_MAKER(ND_INT8, int8)
DTYPE_MAKER(ND_INT16, int16)
DTYPE_MAKER(ND_INT32, int32)
DTYPE_MAKER(ND_INT64, int64)
DTYPE_MAKER(ND_UINT8, uint8)
DTYPE_MAKER(ND_UINT16, uint16)
DTYPE_MAKER(ND_UINT32, uint32)
DTYPE_MAKER(ND_UINT64, uint64)
DTYPE_MAKER(ND_FLOAT32, float32)
DTYPE_MAKER(ND_FLOAT64, float64)
DTYPE_MAKER(ND_COMPLEX64, complex64)
DTYPE_MAKER(ND_COMPLEX128, complex128)

#define DT_HELP(NAME, WHAT, EX)                                                \
    NAME ": " WHAT "\n\nCalling it converts a number, a string or a "          \
         "sequence.\n\n" EX

static const NsConst dtype_consts[] = {
    {"bool_", make_bool_,
     DT_HELP("bool_", "the boolean dtype (NumPy's numpy.bool_).",
             ">>> bool_(2)\nTrue\n")},
    {"byte", make_int8,
     DT_HELP("byte", "NumPy's name for int8.", ">>> byte\ndtype('int8')\n")},
    {"cdouble", make_complex128,
     DT_HELP("cdouble", "NumPy's name for complex128.",
             ">>> cdouble\ndtype('complex128')\n")},
    {"complex128", make_complex128,
     DT_HELP("complex128", "complex numbers of two float64.",
             ">>> complex128(2)\n(2+0j)\n")},
    {"complex64", make_complex64,
     DT_HELP("complex64", "complex numbers of two float32.",
             ">>> complex64(1.5)\n(1.5+0j)\n")},
    {"csingle", make_complex64,
     DT_HELP("csingle", "NumPy's name for complex64.",
             ">>> csingle\ndtype('complex64')\n")},
    {"double", make_float64,
     DT_HELP("double", "NumPy's name for float64.",
             ">>> double\ndtype('float64')\n")},
    {"float32", make_float32,
     DT_HELP("float32", "single-precision floats.",
             ">>> float32(0.1)\n0.1\n>>> float32(1) / 3\n0.33333334\n")},
    {"float64", make_float64,
     DT_HELP("float64", "double-precision floats (the default float dtype).",
             ">>> float64(1) / 3\n0.3333333333333333\n")},
    {"int16", make_int16,
     DT_HELP("int16", "16-bit signed integers.", ">>> int16(-7)\n-7\n")},
    {"int32", make_int32,
     DT_HELP("int32", "32-bit signed integers.", ">>> int32(2.9)\n2\n")},
    {"int64", make_int64,
     DT_HELP("int64", "64-bit signed integers (the default integer dtype).",
             ">>> int64(\"12\")\n12\n")},
    {"int8", make_int8,
     DT_HELP("int8", "8-bit signed integers.", ">>> int8(-100)\n-100\n")},
    {"int_", make_int64,
     DT_HELP("int_", "NumPy's name for int64.", ">>> int_\ndtype('int64')\n")},
    {"intc", make_int32,
     DT_HELP("intc", "NumPy's name for int32 (C int).",
             ">>> intc\ndtype('int32')\n")},
    {"intp", make_int64,
     DT_HELP("intp", "NumPy's name for int64 (an index).",
             ">>> intp\ndtype('int64')\n")},
    {"longlong", make_int64,
     DT_HELP("longlong", "NumPy's name for int64.",
             ">>> longlong\ndtype('int64')\n")},
    {"short", make_int16,
     DT_HELP("short", "NumPy's name for int16.",
             ">>> short\ndtype('int16')\n")},
    {"single", make_float32,
     DT_HELP("single", "NumPy's name for float32.",
             ">>> single\ndtype('float32')\n")},
    {"ubyte", make_uint8,
     DT_HELP("ubyte", "NumPy's name for uint8.",
             ">>> ubyte\ndtype('uint8')\n")},
    {"uint", make_uint64,
     DT_HELP("uint", "NumPy's name for uint64.",
             ">>> uint\ndtype('uint64')\n")},
    {"uint16", make_uint16,
     DT_HELP("uint16", "16-bit unsigned integers.", ">>> uint16(7)\n7\n")},
    {"uint32", make_uint32,
     DT_HELP("uint32", "32-bit unsigned integers.", ">>> uint32(7)\n7\n")},
    {"uint64", make_uint64,
     DT_HELP("uint64", "64-bit unsigned integers.",
             ">>> uint64(18446744073709551615)\n18446744073709551615\n")},
    {"uint8", make_uint8,
     DT_HELP("uint8", "8-bit unsigned integers.", ">>> uint8(255)\n255\n")},
    {"uintc", make_uint32,
     DT_HELP("uintc", "NumPy's name for uint32.",
             ">>> uintc\ndtype('uint32')\n")},
    {"uintp", make_uint64,
     DT_HELP("uintp", "NumPy's name for uint64.",
             ">>> uintp\ndtype('uint64')\n")},
    {"ulonglong", make_uint64,
     DT_HELP("ulonglong", "NumPy's name for uint64.",
             ">>> ulonglong\ndtype('uint64')\n")},
    {"ushort", make_uint16,
     DT_HELP("ushort", "NumPy's name for uint16.",
             ">>> ushort\ndtype('uint16')\n")},
};

static Value bi_dtype(Value *args)
{
    NdType t;
    if (value_to_dtype(args[0], &t) < 0)
        return v_error();
    Value v = dtype_value(t);
    if (!v_is_err(v))
        v_incref(v);
    return v;
}

static const BuiltinDef dtype_defs[] = {
    {"dtype", bi_dtype, "dtype",
     "Make a dtype object from a name, a dtype or int/float/complex/bool.\n\n"
     "dtype(\"f4\") is float32; dtype(float) is float64.\n\n"
     ">>> dtype(\"float32\")\ndtype('float32')\n"
     ">>> dtype(int)\ndtype('int64')\n"
     ">>> dtype(\"i2\").itemsize\n2\n"},
};

const Namespace ns_dtype = {
    .name = "dtypes",
    .defs = dtype_defs,
    .ndefs = sizeof dtype_defs / sizeof dtype_defs[0],
    .consts = dtype_consts,
    .nconsts = sizeof dtype_consts / sizeof dtype_consts[0],
    .help = "The dtypes: bool_, int8 ... uint64, float32, float64, "
            "complex64, complex128.",
};
