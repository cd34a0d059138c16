/* ufunc.c — NumPy's universal functions: names, type resolution and the
 * call.  Resolution is a separate step from execution: from the inputs'
 * dtypes and weak (Python scalar) flags it works out, as NumPy 2 does, which
 * typed loop of kernels.c runs, what the inputs are cast to and what the
 * result dtype is, raising NumPy's TypeErrors and OverflowErrors on the way.
 * Execution is then one call of the block iterator (iter.c) with the
 * hardware floating-point flags collected around it. */
#include <string.h>

#include "iter.h"

/* ------------------------------------------------------------------ names */

static const char *const names[ND_UF_COUNT] = {
    [ND_UF_ADD] = "add",
    [ND_UF_SUBTRACT] = "subtract",
    [ND_UF_MULTIPLY] = "multiply",
    /* NumPy 2's true_divide is an alias of divide. */
    [ND_UF_TRUE_DIVIDE] = "divide",
    [ND_UF_FLOOR_DIVIDE] = "floor_divide",
    [ND_UF_REMAINDER] = "remainder",
    [ND_UF_POWER] = "power",
    [ND_UF_EQUAL] = "equal",
    [ND_UF_NOT_EQUAL] = "not_equal",
    [ND_UF_LESS] = "less",
    [ND_UF_LESS_EQUAL] = "less_equal",
    [ND_UF_GREATER] = "greater",
    [ND_UF_GREATER_EQUAL] = "greater_equal",
    [ND_UF_LOGICAL_AND] = "logical_and",
    [ND_UF_LOGICAL_OR] = "logical_or",
    [ND_UF_LOGICAL_XOR] = "logical_xor",
    [ND_UF_BITWISE_AND] = "bitwise_and",
    [ND_UF_BITWISE_OR] = "bitwise_or",
    [ND_UF_BITWISE_XOR] = "bitwise_xor",
    [ND_UF_LEFT_SHIFT] = "left_shift",
    [ND_UF_RIGHT_SHIFT] = "right_shift",
    [ND_UF_NEGATIVE] = "negative",
    [ND_UF_POSITIVE] = "positive",
    [ND_UF_ABSOLUTE] = "absolute",
    [ND_UF_LOGICAL_NOT] = "logical_not",
    [ND_UF_INVERT] = "invert",
    [ND_UF_SQRT] = "sqrt",
    [ND_UF_CBRT] = "cbrt",
    [ND_UF_SQUARE] = "square",
    [ND_UF_EXP] = "exp",
    [ND_UF_EXP2] = "exp2",
    [ND_UF_EXPM1] = "expm1",
    [ND_UF_LOG] = "log",
    [ND_UF_LOG2] = "log2",
    [ND_UF_LOG10] = "log10",
    [ND_UF_LOG1P] = "log1p",
    [ND_UF_SIN] = "sin",
    [ND_UF_COS] = "cos",
    [ND_UF_TAN] = "tan",
    [ND_UF_ARCSIN] = "arcsin",
    [ND_UF_ARCCOS] = "arccos",
    [ND_UF_ARCTAN] = "arctan",
    [ND_UF_SINH] = "sinh",
    [ND_UF_COSH] = "cosh",
    [ND_UF_TANH] = "tanh",
    [ND_UF_ARCSINH] = "arcsinh",
    [ND_UF_ARCCOSH] = "arccosh",
    [ND_UF_ARCTANH] = "arctanh",
    [ND_UF_DEG2RAD] = "deg2rad",
    [ND_UF_RAD2DEG] = "rad2deg",
    [ND_UF_DEGREES] = "degrees",
    [ND_UF_RADIANS] = "radians",
    [ND_UF_FLOOR] = "floor",
    [ND_UF_CEIL] = "ceil",
    [ND_UF_TRUNC] = "trunc",
    [ND_UF_RINT] = "rint",
    [ND_UF_SIGN] = "sign",
    [ND_UF_SIGNBIT] = "signbit",
    [ND_UF_SPACING] = "spacing",
    [ND_UF_FABS] = "fabs",
    [ND_UF_ISNAN] = "isnan",
    [ND_UF_ISINF] = "isinf",
    [ND_UF_ISFINITE] = "isfinite",
    [ND_UF_CONJUGATE] = "conjugate",
    [ND_UF_RECIPROCAL] = "reciprocal",
    [ND_UF_MODF] = "modf",
    [ND_UF_FREXP] = "frexp",
    [ND_UF_LOGADDEXP] = "logaddexp",
    [ND_UF_LOGADDEXP2] = "logaddexp2",
    [ND_UF_ARCTAN2] = "arctan2",
    [ND_UF_HYPOT] = "hypot",
    [ND_UF_COPYSIGN] = "copysign",
    [ND_UF_NEXTAFTER] = "nextafter",
    [ND_UF_MAXIMUM] = "maximum",
    [ND_UF_MINIMUM] = "minimum",
    [ND_UF_FMAX] = "fmax",
    [ND_UF_FMIN] = "fmin",
    [ND_UF_GCD] = "gcd",
    [ND_UF_LCM] = "lcm",
    [ND_UF_HEAVISIDE] = "heaviside",
    [ND_UF_LDEXP] = "ldexp",
    [ND_UF_FLOAT_POWER] = "float_power",
    [ND_UF_FMOD] = "fmod",
    [ND_UF_DIVMOD] = "divmod",
    [ND_UF_CLIP] = "clip",
};

/* NumPy 2's other spellings of the same ufuncs (the array-API names
 * included). */
static const struct {
    const char *name;
    NdUfuncId op;
} aliases[] = {
    {"abs", ND_UF_ABSOLUTE},
    {"bitwise_invert", ND_UF_INVERT},
    {"bitwise_left_shift", ND_UF_LEFT_SHIFT},
    {"bitwise_not", ND_UF_INVERT},
    {"bitwise_right_shift", ND_UF_RIGHT_SHIFT},
    {"conj", ND_UF_CONJUGATE},
    {"mod", ND_UF_REMAINDER},
    {"pow", ND_UF_POWER},
    {"true_divide", ND_UF_TRUE_DIVIDE},
};

const char *nd_ufunc_name(NdUfuncId op)
{
    if ((unsigned)op >= ND_UF_COUNT)
        return "?";
    return names[op];
}

int nd_ufunc_nin(NdUfuncId op)
{
    if (op == ND_UF_CLIP)
        return 3;
    if ((op >= ND_UF_NEGATIVE && op <= ND_UF_INVERT) ||
        (op >= ND_UF_SQRT && op <= ND_UF_FREXP))
        return 1;
    return 2;
}

int nd_ufunc_nout(NdUfuncId op)
{
    return op == ND_UF_MODF || op == ND_UF_FREXP || op == ND_UF_DIVMOD ? 2 : 1;
}

int nd_ufunc_ntypes(NdUfuncId op)
{
    int n = 0;
    for (const NdKernel *k = nd_kernels(op); k->fn; k++)
        n++;
    return n;
}

int nd_ufunc_loop_types(NdUfuncId op, int i, NdType *types)
{
    if (i < 0 || i >= nd_ufunc_ntypes(op))
        return -1;
    const NdKernel *k = nd_kernels(op) + i;
    int nin = nd_ufunc_nin(op);
    for (int j = 0; j < nin; j++)
        types[j] = k->in[j];
    types[nin] = k->out;
    if (nd_ufunc_nout(op) == 2)
        types[nin + 1] = k->out2;
    return 0;
}

int nd_ufunc_lookup(const char *name, NdUfuncId *out)
{
    for (int i = 0; i < ND_UF_COUNT; i++) {
        if (strcmp(names[i], name) == 0) {
            *out = (NdUfuncId)i;
            return 0;
        }
    }
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(aliases[i].name, name) == 0) {
            *out = aliases[i].op;
            return 0;
        }
    }
    return -1;
}

static bool is_comparison(NdUfuncId op)
{
    return op >= ND_UF_EQUAL && op <= ND_UF_GREATER_EQUAL;
}

static bool is_logical(NdUfuncId op)
{
    return (op >= ND_UF_LOGICAL_AND && op <= ND_UF_LOGICAL_XOR) ||
           op == ND_UF_LOGICAL_NOT;
}

static bool is_inexact(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_FLOAT || k == ND_KIND_COMPLEX;
}

/* ---------------------------------------------- int64 against uint64 */

/* NumPy 2 compares int64 with uint64 exactly (its 'qQ->?' and 'Qq->?'
 * loops) instead of through float64, which would call 2**63 equal to
 * 2**63 - 1.  kernels.c lists only same-type loops, so these live here. */
static int cmp_iu(int64_t a, uint64_t b)
{
    if (a < 0)
        return -1;
    return (uint64_t)a < b ? -1 : (uint64_t)a > b;
}

#define MIXED_CMP(name, test)                                                  \
    static void name##_qQ(char **ptrs, int64_t n, const int64_t *steps)        \
    {                                                                          \
        for (int64_t i = 0; i < n; i++) {                                      \
            int64_t x;                                                         \
            uint64_t y;                                                        \
            memcpy(&x, ptrs[0] + i * steps[0], sizeof x);                      \
            memcpy(&y, ptrs[1] + i * steps[1], sizeof y);                      \
            int c = cmp_iu(x, y);                                              \
            *(bool *)(ptrs[2] + i * steps[2]) = (test);                        \
        }                                                                      \
    }                                                                          \
    static void name##_Qq(char **ptrs, int64_t n, const int64_t *steps)        \
    {                                                                          \
        for (int64_t i = 0; i < n; i++) {                                      \
            uint64_t x;                                                        \
            int64_t y;                                                         \
            memcpy(&x, ptrs[0] + i * steps[0], sizeof x);                      \
            memcpy(&y, ptrs[1] + i * steps[1], sizeof y);                      \
            int c = -cmp_iu(y, x);                                             \
            *(bool *)(ptrs[2] + i * steps[2]) = (test);                        \
        }                                                                      \
    }
MIXED_CMP(equal, c == 0)
MIXED_CMP(not_equal, c != 0)
MIXED_CMP(less, c < 0)
MIXED_CMP(less_equal, c <= 0)
MIXED_CMP(greater, c > 0)
MIXED_CMP(greater_equal, c >= 0)

static const NdLoop mixed_qQ[6] = {equal_qQ,   not_equal_qQ,
                                   less_qQ,    less_equal_qQ,
                                   greater_qQ, greater_equal_qQ};
static const NdLoop mixed_Qq[6] = {equal_Qq,   not_equal_Qq,
                                   less_Qq,    less_equal_Qq,
                                   greater_Qq, greater_equal_Qq};

/* ------------------------------------------------------- type resolution */

/* Whether a Python scalar of the (default) dtype `w` may stand for loop
 * type `t`: any type of its kind or a higher one (a weak int fits int8
 * loops; its value is checked when it is converted). */
static bool weak_fits(NdType w, NdType t)
{
    static const int rank[] = {[ND_KIND_BOOL] = 0,
                               [ND_KIND_INT] = 1,
                               [ND_KIND_UINT] = 1,
                               [ND_KIND_FLOAT] = 2,
                               [ND_KIND_COMPLEX] = 3};
    return rank[nd_dtype_kind(w)] <= rank[nd_dtype_kind(t)];
}

/* NumPy's linear search: the first loop (in ufunc.types order) every input
 * reaches by a safe cast.  `unsafe` admits any cast (logical fallback);
 * `weak_kind` lets the weak inputs match any loop type of their kind. */
static const NdKernel *search(NdUfuncId op, int nin, const NdType *st,
                              const bool *weak, bool unsafe, bool weak_kind)
{
    const NdKernel *k = nd_kernels(op);
    for (; k && k->fn; k++) {
        bool ok = true;
        for (int i = 0; i < nin && ok; i++) {
            if (unsafe)
                ok = k->in[i] == st[i];
            else if (weak_kind && weak[i])
                ok = weak_fits(st[i], k->in[i]);
            else
                ok = nd_can_cast(st[i], k->in[i], ND_CAST_SAFE);
        }
        if (ok)
            return k;
    }
    return NULL;
}

/* dtype=: the homogeneous loop of that dtype, else the first loop whose
 * output has it. */
static const NdKernel *search_dtype(NdUfuncId op, int nin, NdType dtype)
{
    const NdKernel *k = nd_kernels(op), *first = NULL;
    for (; k && k->fn; k++) {
        if (k->out != dtype)
            continue;
        bool same = true;
        for (int i = 0; i < nin; i++)
            same = same && k->in[i] == dtype;
        if (same)
            return k;
        if (!first)
            first = k;
    }
    return first;
}

int nd_ufunc_resolve(NdUfuncId op, const NdType *types, const bool *weak,
                     NdType dtype, NdResolved *r)
{
    const char *name = nd_ufunc_name(op);
    int nin = nd_ufunc_nin(op);
    /* (R1) Python scalars are weak only beside something strong: when
     * every input is one, NumPy 2 takes their default dtypes (bool, int64,
     * float64, complex128), so ldexp(2.5, 1) is float64 and ldexp(True, 1)
     * uses the bool input's first safe loop. */
    bool all_weak = nin > 0, strong[3] = {false, false, false};
    for (int i = 0; i < nin; i++)
        all_weak = all_weak && weak[i];
    if (all_weak)
        weak = strong;
    NdType common = nd_result_type(nin, types, weak);
    NdKind ck = nd_dtype_kind(common);
    memset(r, 0, sizeof *r);
    r->in[1] = r->in[2] = r->out[1] = ND_NTYPES;

    if (dtype != ND_NTYPES) {
        const NdKernel *k = search_dtype(op, nin, dtype);
        if (!k)
            return nd_error(ND_ERR_TYPE,
                            "No loop matching the specified signature and "
                            "casting was found for ufunc %s",
                            name);
        r->fn = k->fn;
        for (int i = 0; i < nin; i++)
            r->in[i] = k->in[i];
        r->out[0] = k->out;
        if (nd_ufunc_nout(op) == 2)
            r->out[1] = k->out2;
        return 0;
    }

    if (common == ND_BOOL && op == ND_UF_SUBTRACT)
        return nd_error(ND_ERR_TYPE,
                        "numpy boolean subtract, the `-` operator, is not "
                        "supported, use the bitwise_xor, the `^` operator, "
                        "or the logical_xor function instead.");
    if (common == ND_BOOL && op == ND_UF_NEGATIVE)
        return nd_error(ND_ERR_TYPE,
                        "The numpy boolean negative, the `-` operator, is not "
                        "supported, use the `~` operator or the logical_not "
                        "function instead.");
    /* positive has no bool loop and its resolver wants an exact match. */
    if (common == ND_BOOL && op == ND_UF_POSITIVE)
        return nd_error(ND_ERR_TYPE,
                        "ufunc 'positive' did not contain a loop with "
                        "signature matching types <class "
                        "'numpy.dtypes.BoolDType'> -> None");

    if (common == ND_BOOL && op == ND_UF_SIGN)
        return nd_error(ND_ERR_TYPE,
                        "ufunc 'sign' did not contain a loop with signature "
                        "matching types <class 'numpy.dtypes.BoolDType'> -> "
                        "None");

    /* (R1) gcd and lcm resolve to the common dtype and need a loop of
     * exactly it (NumPy's uniform-operation resolver): bools have none. */
    if (common == ND_BOOL && (op == ND_UF_GCD || op == ND_UF_LCM))
        return nd_error(ND_ERR_TYPE,
                        "ufunc '%s' did not contain a loop with signature "
                        "matching types (<class 'numpy.dtypes.BoolDType'>, "
                        "<class 'numpy.dtypes.BoolDType'>) -> None",
                        name);

    /* A weak operand stands for the common type (NEP 50); strong operands
     * keep their own dtype so mixed loops (int64 < uint64) can match. */
    NdType st[3];
    for (int i = 0; i < nin; i++)
        st[i] = weak[i] ? common : types[i];
    /* Division of integers is always float64 (NumPy's true-division
     * resolver), not the first float loop the integers fit. */
    if (op == ND_UF_TRUE_DIVIDE &&
        (ck == ND_KIND_BOOL || ck == ND_KIND_INT || ck == ND_KIND_UINT))
        for (int i = 0; i < nin; i++)
            st[i] = ND_FLOAT64;

    const NdKernel *k = search(op, nin, st, weak, false, false);
    /* Loops with inputs of different kinds (ldexp's float, int): a Python
     * int beside a float32 array is not float32 there, but any int loop
     * input of its kind takes it. */
    if (!k) {
        for (int i = 0; i < nin; i++)
            if (weak[i])
                st[i] = types[i];
        k = search(op, nin, st, weak, false, true);
        for (int i = 0; i < nin; i++)
            if (weak[i])
                st[i] = common;
    }
    r->fallback = false;
    /* The mixed loops sit after the integer loops in NumPy's list: they
     * win only when no integer type holds both inputs. */
    if (is_comparison(op) && (!k || is_inexact(k->in[0]))) {
        int c = (int)op - (int)ND_UF_EQUAL;
        bool qQ = nd_can_cast(st[0], ND_INT64, ND_CAST_SAFE) &&
                  nd_can_cast(st[1], ND_UINT64, ND_CAST_SAFE);
        bool Qq = nd_can_cast(st[0], ND_UINT64, ND_CAST_SAFE) &&
                  nd_can_cast(st[1], ND_INT64, ND_CAST_SAFE);
        if (qQ || Qq) {
            r->fn = qQ ? mixed_qQ[c] : mixed_Qq[c];
            r->in[0] = qQ ? ND_INT64 : ND_UINT64;
            r->in[1] = qQ ? ND_UINT64 : ND_INT64;
            r->out[0] = ND_BOOL;
            return 0;
        }
    }
    if (!k && is_logical(op)) {
        /* Truth values are exact under any cast to bool. */
        NdType bt[2] = {ND_BOOL, ND_BOOL};
        k = search(op, nin, bt, weak, true, false);
        r->fallback = true;
    }
    if (!k)
        return nd_error(ND_ERR_TYPE,
                        "ufunc '%s' not supported for the input types, and "
                        "the inputs could not be safely coerced to any "
                        "supported types according to the casting rule "
                        "''safe''",
                        name);
    r->fn = k->fn;
    for (int i = 0; i < nin; i++)
        r->in[i] = k->in[i];
    r->out[0] = k->out;
    if (nd_ufunc_nout(op) == 2)
        r->out[1] = k->out2;
    return 0;
}

/* ------------------------------------------- out-of-range weak compares */

/* NumPy 2 compares a Python int with an integer array exactly even when the
 * int does not fit the array's dtype: the answer is then the same for every
 * element, so these loops write it without reading the inputs. */
static void write_false(char **ptrs, int64_t n, const int64_t *steps)
{
    for (int64_t i = 0; i < n; i++)
        *(bool *)(ptrs[2] + i * steps[2]) = false;
}

static void write_true(char **ptrs, int64_t n, const int64_t *steps)
{
    for (int64_t i = 0; i < n; i++)
        *(bool *)(ptrs[2] + i * steps[2]) = true;
}

/* The constant result of `x op v` for every x of the array's dtype when the
 * weak int v lies above (or below) that dtype's range; weak_left when the
 * expression is `v op x`. */
static bool out_of_range_result(NdUfuncId op, bool above, bool weak_left)
{
    if (weak_left) {
        if (op == ND_UF_LESS)
            op = ND_UF_GREATER;
        else if (op == ND_UF_GREATER)
            op = ND_UF_LESS;
        else if (op == ND_UF_LESS_EQUAL)
            op = ND_UF_GREATER_EQUAL;
        else if (op == ND_UF_GREATER_EQUAL)
            op = ND_UF_LESS_EQUAL;
    }
    switch (op) {
    case ND_UF_NOT_EQUAL:
        return true;
    case ND_UF_LESS:
    case ND_UF_LESS_EQUAL:
        return above;
    case ND_UF_GREATER:
    case ND_UF_GREATER_EQUAL:
        return !above;
    default:
        return false;
    }
}

static bool weak_is_negative(const NdScalar *s)
{
    return s->dtype == ND_INT64 && s->v.i64 < 0;
}

/* ------------------------------------------------------------- execution */

static void release_all(NdArray **a, int n)
{
    for (int i = 0; i < n; i++)
        nd_decref(a[i]);
}

int nd_ufunc_call(NdUfuncId op, NdArray *const *inputs, NdArray *const *outs,
                  NdType dtype, NdCasting casting, NdArray **results)
{
    if ((unsigned)op >= ND_UF_COUNT)
        return nd_error(ND_ERR_VALUE, "invalid ufunc");
    const char *name = nd_ufunc_name(op);
    int nin = nd_ufunc_nin(op), nout = nd_ufunc_nout(op);
    NdType types[3];
    bool weak[3];
    for (int i = 0; i < nin; i++) {
        if (!inputs[i])
            return nd_error(ND_ERR_TYPE, "ufunc '%s' got a missing operand",
                            name);
        types[i] = inputs[i]->dtype;
        weak[i] = (inputs[i]->flags & ND_WEAK) && inputs[i]->ndim == 0;
    }

    NdResolved r;
    if (nd_ufunc_resolve(op, types, weak, dtype, &r) < 0)
        return -1;

    for (int i = 0; i < nin; i++) {
        if (weak[i] || r.fallback || types[i] == r.in[i] ||
            nd_can_cast(types[i], r.in[i], casting))
            continue;
        return nd_error(ND_ERR_TYPE,
                        "Cannot cast ufunc '%s' input %d from dtype('%s') to "
                        "dtype('%s') with casting rule '%s'",
                        name, i, nd_dtype_name(types[i]),
                        nd_dtype_name(r.in[i]), nd_casting_name(casting));
    }

    /* Float flags are collected around everything that may raise them,
     * the scalar conversions below included (1e300 into float32). */
    bool fp = false;
    for (int k = 0; k < nout; k++)
        fp = fp || is_inexact(r.out[k]) ||
             (outs && outs[k] && is_inexact(outs[k]->dtype));
    for (int i = 0; i < nin; i++)
        fp = fp || is_inexact(r.in[i]) || is_inexact(types[i]);
    if (fp)
        nd_fpe_hw_clear();

    /* Convert scalars up front: weak ones by NEP 50's rules, strong 0-d
     * ones so the loop sees a stride-0 operand of its own dtype instead of
     * recasting the same value in every buffer. */
    NdArray *ops[5] = {NULL, NULL, NULL, NULL, NULL};
    NdArray *owned[3] = {NULL, NULL, NULL};
    NdType loop_types[5] = {r.in[0], r.in[1], r.in[2], ND_NTYPES, ND_NTYPES};
    for (int k = 0; k < nout; k++)
        loop_types[nin + k] = r.out[k];
    NdLoop fn = r.fn;
    for (int i = 0; i < nin; i++) {
        NdArray *a = inputs[i];
        ops[i] = a;
        if (a->ndim != 0 || a->dtype == r.in[i])
            continue;
        if (!weak[i] && !nd_can_cast(a->dtype, r.in[i], ND_CAST_SAFE))
            continue; /* logical fallback: let the cast loop do it */
        NdScalar s, c;
        if (nd_item(a, &s) < 0)
            goto fail;
        int rc;
        if (weak[i]) {
            s.weak = true;
            rc = nd_scalar_cast_weak(&s, r.in[i], &c);
        } else {
            rc = nd_scalar_cast(&s, r.in[i], &c);
        }
        if (rc < 0) {
            if (!(weak[i] && is_comparison(op) &&
                  nd_error_kind() == ND_ERR_OVERFLOW))
                goto fail;
            /* Out of the loop's range: every element compares the same. */
            nd_error_clear();
            bool res = out_of_range_result(op, !weak_is_negative(&s), i == 0);
            fn = res ? write_true : write_false;
            loop_types[0] = inputs[0]->dtype;
            loop_types[1] = inputs[1]->dtype;
            for (int j = 0; j < 2; j++) {
                nd_decref(owned[j]);
                owned[j] = NULL;
                ops[j] = inputs[j];
            }
            break;
        }
        c.weak = false;
        owned[i] = nd_from_scalar(&c);
        if (!owned[i])
            goto fail;
        ops[i] = owned[i];
    }

    for (int k = 0; k < nout; k++) {
        NdArray *o = outs ? outs[k] : NULL;
        ops[nin + k] = o;
        if (!o || o->dtype == loop_types[nin + k] ||
            nd_can_cast(loop_types[nin + k], o->dtype, casting))
            continue;
        if (nout == 1)
            nd_error(ND_ERR_TYPE,
                     "Cannot cast ufunc '%s' output from dtype('%s') to "
                     "dtype('%s') with casting rule '%s'",
                     name, nd_dtype_name(loop_types[nin + k]),
                     nd_dtype_name(o->dtype), nd_casting_name(casting));
        else
            nd_error(ND_ERR_TYPE,
                     "Cannot cast ufunc '%s' output %d from dtype('%s') to "
                     "dtype('%s') with casting rule '%s'",
                     name, k, nd_dtype_name(loop_types[nin + k]),
                     nd_dtype_name(o->dtype), nd_casting_name(casting));
        goto fail;
    }

    int rc = nd_elementwise(nin, nout, ops, loop_types, fn);
    if (fp)
        nd_fpe_hw_collect(name);
    if (rc < 0)
        goto fail;
    release_all(owned, nin);
    for (int k = 0; k < nout; k++)
        results[k] = (outs && outs[k]) ? nd_incref(outs[k]) : ops[nin + k];
    return 0;

fail:
    release_all(owned, nin);
    return -1;
}

NdArray *nd_ufunc(NdUfuncId op, NdArray *const *inputs, NdArray *out,
                  NdCasting casting)
{
    if ((unsigned)op < ND_UF_COUNT && nd_ufunc_nout(op) != 1) {
        nd_error(ND_ERR_TYPE, "ufunc '%s' has 2 outputs", nd_ufunc_name(op));
        return NULL;
    }
    NdArray *res = NULL;
    NdArray *outs[1] = {out};
    if (nd_ufunc_call(op, inputs, outs, ND_NTYPES, casting, &res) < 0)
        return NULL;
    return res;
}

NdArray *nd_binary(NdUfuncId op, NdArray *a, NdArray *b)
{
    if (nd_ufunc_nin(op) != 2) {
        nd_error(ND_ERR_TYPE, "ufunc '%s' takes 1 input, not 2",
                 nd_ufunc_name(op));
        return NULL;
    }
    NdArray *in[2] = {a, b};
    return nd_ufunc(op, in, NULL, ND_CAST_SAME_KIND);
}

NdArray *nd_unary(NdUfuncId op, NdArray *a)
{
    if (nd_ufunc_nin(op) != 1) {
        nd_error(ND_ERR_TYPE, "ufunc '%s' takes 2 inputs, not 1",
                 nd_ufunc_name(op));
        return NULL;
    }
    NdArray *in[1] = {a};
    return nd_ufunc(op, in, NULL, ND_CAST_SAME_KIND);
}
