/* dtype.c — the thirteen dtypes: their names, sizes and kinds, parsing a
 * dtype name, and the type algebra the rest of libnd builds on: NumPy's
 * promote_types and can_cast, and NumPy 2's result_type with weak Python
 * scalars (NEP 50).  Everything here is a pure function of dtype numbers;
 * the rules are written as the handful of principles NumPy's tables follow
 * rather than as 169-entry tables, so a reader can see why int64 + uint64
 * is float64. */
#include <string.h>

#include "nd.h"

static const struct {
    const char *name;
    size_t size;
    NdKind kind;
} dtype_info[ND_NTYPES] = {
    [ND_BOOL] = {"bool", 1, ND_KIND_BOOL},
    [ND_INT8] = {"int8", 1, ND_KIND_INT},
    [ND_INT16] = {"int16", 2, ND_KIND_INT},
    [ND_INT32] = {"int32", 4, ND_KIND_INT},
    [ND_INT64] = {"int64", 8, ND_KIND_INT},
    [ND_UINT8] = {"uint8", 1, ND_KIND_UINT},
    [ND_UINT16] = {"uint16", 2, ND_KIND_UINT},
    [ND_UINT32] = {"uint32", 4, ND_KIND_UINT},
    [ND_UINT64] = {"uint64", 8, ND_KIND_UINT},
    [ND_FLOAT32] = {"float32", 4, ND_KIND_FLOAT},
    [ND_FLOAT64] = {"float64", 8, ND_KIND_FLOAT},
    [ND_COMPLEX64] = {"complex64", 8, ND_KIND_COMPLEX},
    [ND_COMPLEX128] = {"complex128", 16, ND_KIND_COMPLEX},
};

static bool valid_type(NdType t)
{
    return (unsigned)t < (unsigned)ND_NTYPES;
}

const char *nd_dtype_name(NdType t)
{
    return valid_type(t) ? dtype_info[t].name : "?";
}

size_t nd_dtype_size(NdType t)
{
    return valid_type(t) ? dtype_info[t].size : 0;
}

NdKind nd_dtype_kind(NdType t)
{
    return valid_type(t) ? dtype_info[t].kind : ND_KIND_BOOL;
}

/* Every spelling NumPy's np.dtype() accepts for our dtypes that a user is
 * likely to write: canonical names, the Python builtin names, the C names
 * and the array-protocol codes (with an optional '=' or '<', the native
 * byte order on x86-64, as in "<f8"). */
static const struct {
    const char *name;
    NdType type;
} dtype_aliases[] = {
    {"bool", ND_BOOL},
    {"bool_", ND_BOOL},
    {"b1", ND_BOOL},
    {"?", ND_BOOL},
    {"int8", ND_INT8},
    {"i1", ND_INT8},
    {"byte", ND_INT8},
    {"b", ND_INT8},
    {"int16", ND_INT16},
    {"i2", ND_INT16},
    {"short", ND_INT16},
    {"h", ND_INT16},
    {"int32", ND_INT32},
    {"i4", ND_INT32},
    {"intc", ND_INT32},
    {"i", ND_INT32},
    {"int64", ND_INT64},
    {"i8", ND_INT64},
    {"int", ND_INT64},
    {"int_", ND_INT64},
    {"intp", ND_INT64},
    {"long", ND_INT64},
    {"longlong", ND_INT64},
    {"l", ND_INT64},
    {"q", ND_INT64},
    {"p", ND_INT64},
    {"uint8", ND_UINT8},
    {"u1", ND_UINT8},
    {"ubyte", ND_UINT8},
    {"B", ND_UINT8},
    {"uint16", ND_UINT16},
    {"u2", ND_UINT16},
    {"ushort", ND_UINT16},
    {"H", ND_UINT16},
    {"uint32", ND_UINT32},
    {"u4", ND_UINT32},
    {"uintc", ND_UINT32},
    {"I", ND_UINT32},
    {"uint64", ND_UINT64},
    {"u8", ND_UINT64},
    {"uint", ND_UINT64},
    {"uintp", ND_UINT64},
    {"ulong", ND_UINT64},
    {"ulonglong", ND_UINT64},
    {"L", ND_UINT64},
    {"Q", ND_UINT64},
    {"P", ND_UINT64},
    {"float32", ND_FLOAT32},
    {"f4", ND_FLOAT32},
    {"single", ND_FLOAT32},
    {"f", ND_FLOAT32},
    {"float64", ND_FLOAT64},
    {"f8", ND_FLOAT64},
    {"float", ND_FLOAT64},
    {"double", ND_FLOAT64},
    {"float_", ND_FLOAT64},
    {"d", ND_FLOAT64},
    {"complex64", ND_COMPLEX64},
    {"c8", ND_COMPLEX64},
    {"csingle", ND_COMPLEX64},
    {"F", ND_COMPLEX64},
    {"complex128", ND_COMPLEX128},
    {"c16", ND_COMPLEX128},
    {"complex", ND_COMPLEX128},
    {"cdouble", ND_COMPLEX128},
    {"complex_", ND_COMPLEX128},
    {"D", ND_COMPLEX128},
};

/* "i4", "f8", "c16", "b1": a kind letter and a byte count. */
static bool is_sized_code(const char *s)
{
    return s[0] != '\0' && strchr("biufc", s[0]) != NULL && s[1] >= '1' &&
           s[1] <= '9';
}

int nd_dtype_from_name(const char *name, NdType *out)
{
    if (name == NULL)
        return nd_error(ND_ERR_TYPE, "data type not understood");
    const char *key = name;
    /* The native (little-endian) or not-applicable byte-order mark NumPy
     * writes in array-protocol strings ("<f8", "|b1"); '>' would ask for
     * byte-swapped data, which libnd does not have. */
    if ((key[0] == '<' || key[0] == '=' || key[0] == '|') &&
        is_sized_code(key + 1))
        key++;
    for (size_t i = 0; i < sizeof dtype_aliases / sizeof dtype_aliases[0];
         i++) {
        if (strcmp(dtype_aliases[i].name, key) == 0) {
            *out = dtype_aliases[i].type;
            return 0;
        }
    }
    return nd_error(ND_ERR_TYPE, "data type '%s' not understood", name);
}

const char *nd_casting_name(NdCasting c)
{
    switch (c) {
    case ND_CAST_NO:
        return "no";
    case ND_CAST_EQUIV:
        return "equiv";
    case ND_CAST_SAFE:
        return "safe";
    case ND_CAST_SAME_KIND:
        return "same_kind";
    case ND_CAST_UNSAFE:
        return "unsafe";
    }
    return "?";
}

/* The smallest signed integer type of at least `size` bytes, or float64
 * when even int64 is too small (what NumPy does for int64 + uint64). */
static NdType signed_of_size(size_t size)
{
    switch (size) {
    case 1:
        return ND_INT8;
    case 2:
        return ND_INT16;
    case 4:
        return ND_INT32;
    case 8:
        return ND_INT64;
    default:
        return ND_FLOAT64;
    }
}

/* promote_types for two integer types of different signedness: the signed
 * type must hold every unsigned value, so it needs twice the unsigned
 * size unless the signed one is already bigger. */
static NdType promote_mixed_int(NdType s, NdType u)
{
    size_t ss = dtype_info[s].size, us = dtype_info[u].size;
    if (ss > us)
        return s;
    return signed_of_size(2 * us);
}

/* The float that holds every value of an integer type exactly: float16
 * would do for 8-bit integers but we have none, so float32 for the 8- and
 * 16-bit integers and float64 for the rest (int64 values do not fit in
 * float64 either; NumPy accepts that loss). */
static NdType float_for_int(NdType t)
{
    return dtype_info[t].size <= 2 ? ND_FLOAT32 : ND_FLOAT64;
}

/* The complex type whose parts have float type f, and back. */
static NdType complex_of_float(NdType f)
{
    return f == ND_FLOAT32 ? ND_COMPLEX64 : ND_COMPLEX128;
}

static NdType float_of_complex(NdType c)
{
    return c == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
}

static NdType wider(NdType a, NdType b)
{
    return dtype_info[a].size >= dtype_info[b].size ? a : b;
}

/* The float type of a non-complex type's values: itself when a float. */
static NdType as_float(NdType t)
{
    switch (dtype_info[t].kind) {
    case ND_KIND_FLOAT:
        return t;
    case ND_KIND_BOOL:
        return ND_FLOAT32; /* float16 in NumPy; the smallest we have */
    default:
        return float_for_int(t);
    }
}

NdType nd_promote_types(NdType a, NdType b)
{
    if (!valid_type(a) || !valid_type(b))
        return ND_NTYPES;
    if (a == b)
        return a;
    NdKind ka = dtype_info[a].kind, kb = dtype_info[b].kind;
    if (ka == ND_KIND_BOOL)
        return b;
    if (kb == ND_KIND_BOOL)
        return a;
    if (ka == kb)
        return wider(a, b);
    if (ka == ND_KIND_INT && kb == ND_KIND_UINT)
        return promote_mixed_int(a, b);
    if (ka == ND_KIND_UINT && kb == ND_KIND_INT)
        return promote_mixed_int(b, a);
    /* From here on at least one side is inexact. */
    if (ka == ND_KIND_COMPLEX || kb == ND_KIND_COMPLEX) {
        NdType c = ka == ND_KIND_COMPLEX ? a : b;
        NdType o = ka == ND_KIND_COMPLEX ? b : a;
        NdType f = wider(float_of_complex(c), as_float(o));
        return complex_of_float(f);
    }
    return wider(as_float(a), as_float(b));
}

/* NumPy's kind order for same_kind casting: b < u < i < f < c, so an
 * unsigned integer may go to a signed one but not back. */
static int kind_rank(NdType t)
{
    switch (dtype_info[t].kind) {
    case ND_KIND_BOOL:
        return 0;
    case ND_KIND_UINT:
        return 1;
    case ND_KIND_INT:
        return 2;
    case ND_KIND_FLOAT:
        return 3;
    case ND_KIND_COMPLEX:
        return 4;
    }
    return 5;
}

bool nd_can_cast(NdType from, NdType to, NdCasting casting)
{
    if (!valid_type(from) || !valid_type(to))
        return false;
    if (from == to)
        return true;
    switch (casting) {
    case ND_CAST_NO:
    case ND_CAST_EQUIV:
        return false; /* no byte orders, so equiv is no */
    case ND_CAST_SAFE:
        return nd_promote_types(from, to) == to;
    case ND_CAST_SAME_KIND:
        return nd_promote_types(from, to) == to ||
               kind_rank(from) <= kind_rank(to);
    case ND_CAST_UNSAFE:
        return true;
    }
    return false;
}

/* The category a weak scalar stands for: 0 integer, 1 float, 2 complex. */
static int weak_category(NdType t)
{
    switch (dtype_info[t].kind) {
    case ND_KIND_FLOAT:
        return 1;
    case ND_KIND_COMPLEX:
        return 2;
    default:
        return 0;
    }
}

NdType nd_result_type(int n, const NdType *types, const bool *weak)
{
    NdType strong = ND_NTYPES;
    int weak_cat = -1;
    bool weak_unsigned = false;
    int nweak = 0;
    NdType only_weak = ND_NTYPES;
    for (int i = 0; i < n; i++) {
        if (!valid_type(types[i]))
            continue;
        /* A Python bool is weak only in name: bool is the lowest type, so
         * it promotes as a strong bool does (add(True, False) is bool). */
        if (weak != NULL && weak[i] && types[i] != ND_BOOL) {
            int c = weak_category(types[i]);
            if (c > weak_cat)
                weak_cat = c;
            if (types[i] == ND_UINT64)
                weak_unsigned = true;
            nweak++;
            only_weak = types[i];
            continue;
        }
        strong =
            strong == ND_NTYPES ? types[i] : nd_promote_types(strong, types[i]);
    }
    if (weak_cat < 0)
        return strong == ND_NTYPES ? ND_FLOAT64 : strong;

    if (strong == ND_NTYPES) {
        if (nweak == 1)
            return only_weak;
        /* Python ints alone give the default integer; one literal above
         * INT64_MAX is only representable as uint64, so keep that. */
        if (weak_cat == 0)
            return weak_unsigned ? ND_UINT64 : ND_INT64;
        return weak_cat == 1 ? ND_FLOAT64 : ND_COMPLEX128;
    }

    /* NEP 50: a weak scalar never widens a dtype within a kind it can
     * adapt to; it only lifts the result to its own kind, at the default
     * precision unless the strong float gives one. */
    NdKind k = dtype_info[strong].kind;
    switch (weak_cat) {
    case 0:
        return k == ND_KIND_BOOL ? ND_INT64 : strong;
    case 1:
        if (k == ND_KIND_FLOAT || k == ND_KIND_COMPLEX)
            return strong;
        return ND_FLOAT64;
    default:
        if (k == ND_KIND_COMPLEX)
            return strong;
        if (k == ND_KIND_FLOAT)
            return complex_of_float(strong);
        return ND_COMPLEX128;
    }
}
