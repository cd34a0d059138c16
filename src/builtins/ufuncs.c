/* ufuncs.c — libnd's elementwise operations as ufunc objects (the native
 * kind ufunc_type): add, multiply, ..., with NumPy 2's aliases (true_divide,
 * mod, pow, bitwise_not, bitwise_invert, bitwise_left_shift,
 * bitwise_right_shift).  One object per operation, made on first use, so an
 * alias is the very same object (repr <ufunc 'divide'> for true_divide, as
 * NumPy).  Calling one converts its inputs as asarray would (Python scalars
 * stay weak, NEP 50), applies the libnd ufunc and returns a strong scalar
 * when the result is 0-d, or the `out=` array when one was given. */
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

static Value ufunc_repr(Value self)
{
    char buf[64];
    snprintf(buf, sizeof buf, "<ufunc '%s'>", nd_ufunc_name(ufunc_id(self)));
    return v_str(buf);
}

static Value ufunc_getattr(Value self, const char *name)
{
    NdUfuncId id = ufunc_id(self);
    if (!strcmp(name, "nin"))
        return v_int(nd_ufunc_nin(id));
    if (!strcmp(name, "nout"))
        return v_int(1);
    if (!strcmp(name, "nargs"))
        return v_int(nd_ufunc_nin(id) + 1);
    if (!strcmp(name, "__name__"))
        return v_str(nd_ufunc_name(id));
    if (!strcmp(name, "signature"))
        return v_none();
    return v_unset();
}

static Value ufunc_call(Value self, const Value *pos, int npos, const KwArg *kw,
                        int nkw)
{
    NdUfuncId id = ufunc_id(self);
    const char *name = nd_ufunc_name(id);
    int nin = nd_ufunc_nin(id);
    Value out = v_unset(), casting = v_unset();
    if (npos < nin || npos > nin + 1)
        return rt_raise(ERR_TYPE,
                        "%s() takes from %d to %d positional arguments but %d "
                        "were given",
                        name, nin, nin + 1, npos);
    if (npos == nin + 1)
        out = pos[nin];
    for (int k = 0; k < nkw; k++) {
        if (!strcmp(kw[k].name, "out")) {
            if (out.kind != VK_UNSET)
                return rt_raise(ERR_TYPE,
                                "cannot specify 'out' as both a positional "
                                "and keyword argument");
            out = kw[k].value;
        } else if (!strcmp(kw[k].name, "casting")) {
            casting = kw[k].value;
        } else {
            return rt_raise(ERR_TYPE,
                            "%s() got an unexpected keyword argument '%s'",
                            name, kw[k].name);
        }
    }
    NdCasting cast = ND_CAST_SAME_KIND;
    if (casting.kind != VK_UNSET) {
        static const char *names[] = {"no", "equiv", "safe", "same_kind",
                                      "unsafe"};
        const char *s = casting.kind == VK_STR ? as_str(casting)->data : "";
        int i;
        for (i = 0; i < 5; i++)
            if (!strcmp(s, names[i]))
                break;
        if (i == 5)
            return rt_raise(ERR_VALUE,
                            "casting must be one of 'no', 'equiv', 'safe', "
                            "'same_kind', or 'unsafe'");
        cast = (NdCasting)i;
    }
    if (out.kind == VK_TUPLE && as_tuple(out)->n == 1)
        out = as_tuple(out)->items[0];
    if (out.kind == VK_NONE)
        out = v_unset();
    if (out.kind != VK_UNSET && out.kind != VK_ARRAY)
        return rt_raise(ERR_TYPE, "return arrays must be of ArrayType");
    NdArray *in[2] = {NULL, NULL};
    for (int i = 0; i < nin; i++) {
        in[i] = value_to_array(pos[i], ND_NTYPES);
        if (!in[i]) {
            nd_decref(in[0]);
            return v_error();
        }
    }
    NdArray *r =
        nd_ufunc(id, in, out.kind == VK_ARRAY ? out.as.array : NULL, cast);
    nd_decref(in[0]);
    nd_decref(in[1]);
    if (out.kind == VK_ARRAY) {
        if (!r)
            return rt_from_lib();
        return v_array_take(r);
    }
    return bi_result(r);
}

const NativeType ufunc_type = {
    .name = "ufunc",
    .size = sizeof(UfuncObj),
    .repr = ufunc_repr,
    .getattr = ufunc_getattr,
    .call = ufunc_call,
    .help = "ufunc: an elementwise function (add, multiply, ...).\n\n"
            "f(x1, x2, out=None, casting='same_kind') or f(x, out=None): "
            "inputs\nbroadcast together and promote as NumPy's; a 0-d result "
            "is a scalar.\nAttributes: nin, nout, nargs, __name__.\n\n"
            ">>> add.nin\n2\n>>> add\n<ufunc 'add'>\n",
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

#define UF2(SUMMARY)                                                           \
    SUMMARY "\n\nufunc f(x1, x2, out=None): elementwise, with "                \
            "broadcasting.\n\n"
#define UF1(SUMMARY) SUMMARY "\n\nufunc f(x, out=None): elementwise.\n\n"
#define ALIAS(OF) "An alias of " OF " (the same ufunc object).\n\n"

static const NsConst ufunc_consts[] = {
    {"absolute", make_absolute,
     UF1("absolute(x): the absolute value, elementwise (abs on arrays).") ">>> "
                                                                          "abso"
                                                                          "lute"
                                                                          "([-"
                                                                          "1.5,"
                                                                          " 2])"
                                                                          "\nar"
                                                                          "ray("
                                                                          "[1."
                                                                          "5, "
                                                                          "2. "
                                                                          "])"
                                                                          "\n"},
    {"add", make_add,
     UF2("add(x1, x2): the sum x1 + x2, elementwise.") ">>> add([1, 2], "
                                                       "3)\narray([4, 5])\n>>> "
                                                       "add(1, 2)\n3\n"},
    {"bitwise_and", make_bitwise_and,
     UF2("bitwise_and(x1, x2): x1 & x2, elementwise (logical on bool).") ">>> "
                                                                         "bitwi"
                                                                         "se_"
                                                                         "and("
                                                                         "12, "
                                                                         "10)"
                                                                         "\n8"
                                                                         "\n"},
    {"bitwise_invert", make_invert,
     UF1("bitwise_invert(x): ~x, elementwise.")
         ALIAS("invert") ">>> bitwise_invert(0)\n-1\n"},
    {"bitwise_left_shift", make_left_shift,
     UF2("bitwise_left_shift(x1, x2): x1 << x2, elementwise.")
         ALIAS("left_shift") ">>> bitwise_left_shift(1, 4)\n16\n"},
    {"bitwise_not", make_invert,
     UF1("bitwise_not(x): ~x, elementwise.")
         ALIAS("invert") ">>> bitwise_not(0)\n-1\n"},
    {"bitwise_or", make_bitwise_or,
     UF2("bitwise_or(x1, x2): x1 | x2, elementwise (logical on bool).") ">>> "
                                                                        "bitwis"
                                                                        "e_or("
                                                                        "12, "
                                                                        "10)"
                                                                        "\n14"
                                                                        "\n"},
    {"bitwise_right_shift", make_right_shift,
     UF2("bitwise_right_shift(x1, x2): x1 >> x2, elementwise.")
         ALIAS("right_shift") ">>> bitwise_right_shift(16, 4)\n1\n"},
    {"bitwise_xor", make_bitwise_xor,
     UF2("bitwise_xor(x1, x2): x1 ^ x2, elementwise (logical on bool).") ">>> "
                                                                         "bitwi"
                                                                         "se_"
                                                                         "xor("
                                                                         "12, "
                                                                         "10)"
                                                                         "\n6"
                                                                         "\n"},
    {"divide", make_divide,
     UF2("divide(x1, x2): true division x1 / x2, elementwise.") ">>> "
                                                                "divide([1, "
                                                                "2], "
                                                                "4)\narray([0."
                                                                "25, 0.5 ])\n"},
    {"equal", make_equal,
     UF2("equal(x1, x2): x1 == x2, elementwise.") ">>> equal([1, 2], "
                                                  "2)\narray([False,  "
                                                  "True])\n"},
    {"floor_divide", make_floor_divide,
     UF2("floor_divide(x1, x2): x1 // x2, elementwise (rounds toward -inf).") ">>> floor_divide([7, -7], 2)\narray([ 3, -4])\n"},
    {"greater", make_greater,
     UF2("greater(x1, x2): x1 > x2, elementwise.") ">>> greater([1, 2, 3], "
                                                   "2)\narray([False, False,  "
                                                   "True])\n"},
    {"greater_equal", make_greater_equal,
     UF2("greater_equal(x1, x2): x1 >= x2, elementwise.") ">>> "
                                                          "greater_equal([1, "
                                                          "2, 3], "
                                                          "2)\narray([False,  "
                                                          "True,  True])\n"},
    {"invert", make_invert,
     UF1("invert(x): ~x, bitwise NOT elementwise (logical NOT on bool).") ">>> "
                                                                          "inve"
                                                                          "rt(["
                                                                          "0, "
                                                                          "1])"
                                                                          "\nar"
                                                                          "ray("
                                                                          "[-1,"
                                                                          " -2]"
                                                                          ")\n"
                                                                          ">>> "
                                                                          "inve"
                                                                          "rt(["
                                                                          "True"
                                                                          ", "
                                                                          "Fals"
                                                                          "e])"
                                                                          "\nar"
                                                                          "ray("
                                                                          "[Fal"
                                                                          "se, "
                                                                          " Tru"
                                                                          "e])"
                                                                          "\n"},
    {"left_shift", make_left_shift,
     UF2("left_shift(x1, x2): x1 << x2, elementwise.") ">>> left_shift(1, [1, "
                                                       "2, 3])\narray([2, 4, "
                                                       "8])\n"},
    {"less", make_less,
     UF2("less(x1, x2): x1 < x2, elementwise.") ">>> less([1, 2, 3], "
                                                "2)\narray([ True, False, "
                                                "False])\n"},
    {"less_equal", make_less_equal,
     UF2("less_equal(x1, x2): x1 <= x2, elementwise.") ">>> less_equal([1, 2, "
                                                       "3], 2)\narray([ True,  "
                                                       "True, False])\n"},
    {"logical_and", make_logical_and,
     UF2("logical_and(x1, x2): the truth of x1 and x2, elementwise.") ">>> "
                                                                      "logical_"
                                                                      "and(["
                                                                      "True, "
                                                                      "False], "
                                                                      "True)"
                                                                      "\narray("
                                                                      "[ True, "
                                                                      "False])"
                                                                      "\n"},
    {"logical_not", make_logical_not,
     UF1("logical_not(x): the truth of not x, elementwise.") ">>> "
                                                             "logical_not(["
                                                             "True, "
                                                             "False])\narray(["
                                                             "False,  "
                                                             "True])\n"},
    {"logical_or", make_logical_or,
     UF2("logical_or(x1, x2): the truth of x1 or x2, elementwise.") ">>> "
                                                                    "logical_"
                                                                    "or([True, "
                                                                    "False], "
                                                                    "False)"
                                                                    "\narray([ "
                                                                    "True, "
                                                                    "False])"
                                                                    "\n"},
    {"logical_xor", make_logical_xor,
     UF2("logical_xor(x1, x2): the truth of x1 xor x2, elementwise.") ">>> "
                                                                      "logical_"
                                                                      "xor(["
                                                                      "True, "
                                                                      "False], "
                                                                      "True)"
                                                                      "\narray("
                                                                      "[False, "
                                                                      " True])"
                                                                      "\n"},
    {"mod", make_remainder,
     UF2("mod(x1, x2): x1 % x2 with the sign of x2, elementwise.")
         ALIAS("remainder") ">>> mod(-7, 3)\n2\n"},
    {"multiply", make_multiply,
     UF2("multiply(x1, x2): the product x1 * x2, elementwise.") ">>> "
                                                                "multiply([1, "
                                                                "2], [3, "
                                                                "4])\narray([3,"
                                                                " 8])\n"},
    {"negative", make_negative,
     UF1("negative(x): -x, elementwise.") ">>> negative([1, -2])\narray([-1,  "
                                          "2])\n"},
    {"not_equal", make_not_equal,
     UF2("not_equal(x1, x2): x1 != x2, elementwise.") ">>> not_equal([1, 2], "
                                                      "2)\narray([ True, "
                                                      "False])\n"},
    {"positive", make_positive,
     UF1("positive(x): +x (a copy), elementwise.") ">>> positive([1, "
                                                   "-2])\narray([ 1, -2])\n"},
    {"pow", make_power,
     UF2("pow(x1, x2): x1 ** x2, elementwise.")
         ALIAS("power") ">>> pow(2, 10)\n1024\n"},
    {"power", make_power,
     UF2("power(x1, x2): x1 ** x2, elementwise.") ">>> power(2, [1, 2, "
                                                  "3])\narray([2, 4, 8])\n"},
    {"remainder", make_remainder,
     UF2("remainder(x1, x2): x1 % x2 with the sign of x2, elementwise.") ">>> "
                                                                         "remai"
                                                                         "nder("
                                                                         "[7, "
                                                                         "-7], "
                                                                         "3)"
                                                                         "\narr"
                                                                         "ay(["
                                                                         "1, "
                                                                         "2])"
                                                                         "\n"},
    {"right_shift", make_right_shift,
     UF2("right_shift(x1, x2): x1 >> x2, elementwise.") ">>> right_shift(16, "
                                                        "[1, 2])\narray([8, "
                                                        "4])\n"},
    {"subtract", make_subtract,
     UF2("subtract(x1, x2): the difference x1 - x2, elementwise.") ">>> "
                                                                   "subtract(5,"
                                                                   " [1, "
                                                                   "2])\narray("
                                                                   "[4, 3])\n"},
    {"true_divide", make_divide,
     UF2("true_divide(x1, x2): x1 / x2, elementwise.")
         ALIAS("divide") ">>> true_divide(1, 4)\n0.25\n"},
};

/* ndarray methods that are ufuncs in disguise (a.clip, a.round, a.conj):
 * filled in by the math-ufunc issue. */
const Namespace ns_ufuncs_methods = {"ndarray", NULL, 0, NULL, 0, NULL};

const Namespace ns_ufuncs = {
    .name = "ufuncs",
    .consts = ufunc_consts,
    .nconsts = sizeof ufunc_consts / sizeof ufunc_consts[0],
    .help = "Elementwise functions (ufuncs).",
};
