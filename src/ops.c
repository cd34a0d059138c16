/* ops.c — the operators of the nd language on values (ops.h): arithmetic,
 * bitwise, comparison, membership, identity and truth; in-place updates;
 * indexing of arrays, lists, tuples, strings, ranges and dicts; attribute
 * dispatch; iteration and len().  Two weak (Python) scalars follow
 * Python's rules exactly (64-bit ints that raise OverflowError, true
 * division, floor division and modulo with Python's signs,
 * ZeroDivisionError); as soon as an array or a strong scalar takes part,
 * NumPy's rules apply through libnd (NEP 50 promotion, wrapping ints,
 * RuntimeWarnings from the fpe status word; between scalars NumPy's scalar
 * math, which also warns when an int wraps and says "scalar add").  The common
 * scalar cases run inline without allocating, bit-identical to the ufunc they
 * stand for. */
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "interp.h"
#include "ops.h"

__extension__ typedef __int128 i128;

/* ------------------------------------------------------------ helpers */

static NdScalar to_nds(Value v)
{
    NdScalar s;
    memset(&s, 0, sizeof s);
    s.dtype = (NdType)v.dtype;
    s.weak = v.weak;
    memcpy(s.v.bytes, v.as.bytes, sizeof s.v.bytes);
    return s;
}

static Value from_nds(const NdScalar *s, bool weak)
{
    Value v = {.kind = VK_SCALAR, .dtype = (uint8_t)s->dtype, .weak = weak};
    memcpy(v.as.bytes, s->v.bytes, sizeof v.as.bytes);
    return v;
}

static Value strong_int64(int64_t i)
{
    Value v = {.kind = VK_SCALAR, .dtype = ND_INT64, .weak = 0};
    v.as.i = i;
    return v;
}

static Value strong_float64(double f)
{
    Value v = {.kind = VK_SCALAR, .dtype = ND_FLOAT64, .weak = 0};
    v.as.f = f;
    return v;
}

static Value weak_uint64(uint64_t u)
{
    Value v = {.kind = VK_SCALAR, .dtype = ND_UINT64, .weak = 1};
    v.as.u = u;
    return v;
}

/* Wrap a ufunc result: NULL is libnd's error; a 0-d result is a strong
 * scalar, as NumPy's operators return scalars. */
static Value wrap_result(NdArray *r)
{
    if (!r)
        return rt_from_lib();
    if (r->ndim == 0) {
        NdScalar s;
        int rc = nd_item(r, &s);
        nd_decref(r);
        if (rc < 0)
            return rt_from_lib();
        return from_nds(&s, false);
    }
    Value v = {.kind = VK_ARRAY};
    v.as.array = r;
    return v;
}

static Value wrap_array(NdArray *a)
{
    if (!a)
        return rt_pending() ? v_error() : rt_from_lib();
    Value v = {.kind = VK_ARRAY};
    v.as.array = a;
    return v;
}

static int64_t range_len(const Range *r)
{
    i128 span;
    if (r->step > 0) {
        if (r->start >= r->stop)
            return 0;
        span = (i128)r->stop - r->start;
        return (int64_t)((span - 1) / r->step + 1);
    }
    if (r->start <= r->stop)
        return 0;
    span = (i128)r->start - r->stop;
    return (int64_t)((span - 1) / -(i128)r->step + 1);
}

static const char *op_symbol(OpKind op)
{
    switch (op) {
    case OP_ADD:
        return "+";
    case OP_SUB:
        return "-";
    case OP_MUL:
        return "*";
    case OP_DIV:
        return "/";
    case OP_FLOORDIV:
        return "//";
    case OP_MOD:
        return "%";
    case OP_POW:
        return "**";
    case OP_MATMUL:
        return "@";
    case OP_AND:
        return "&";
    case OP_OR:
        return "|";
    case OP_XOR:
        return "^";
    case OP_LSHIFT:
        return "<<";
    case OP_RSHIFT:
        return ">>";
    case OP_NEG:
        return "-";
    case OP_POS:
        return "+";
    case OP_INVERT:
        return "~";
    case OP_NOT:
        return "not";
    case OP_EQ:
        return "==";
    case OP_NE:
        return "!=";
    case OP_LT:
        return "<";
    case OP_LE:
        return "<=";
    case OP_GT:
        return ">";
    case OP_GE:
        return ">=";
    case OP_IN:
        return "in";
    case OP_NOT_IN:
        return "not in";
    case OP_IS:
        return "is";
    case OP_IS_NOT:
        return "is not";
    default:
        return "?";
    }
}

/* The ufunc an operator stands for; -1 for @ (nd_matmul) and non-ufuncs.
 * (Exported for ma.c's operator hook: ops.h.) */
int op_ufunc(OpKind op)
{
    switch (op) {
    case OP_ADD:
        return ND_UF_ADD;
    case OP_SUB:
        return ND_UF_SUBTRACT;
    case OP_MUL:
        return ND_UF_MULTIPLY;
    case OP_DIV:
        return ND_UF_TRUE_DIVIDE;
    case OP_FLOORDIV:
        return ND_UF_FLOOR_DIVIDE;
    case OP_MOD:
        return ND_UF_REMAINDER;
    case OP_POW:
        return ND_UF_POWER;
    case OP_AND:
        return ND_UF_BITWISE_AND;
    case OP_OR:
        return ND_UF_BITWISE_OR;
    case OP_XOR:
        return ND_UF_BITWISE_XOR;
    case OP_LSHIFT:
        return ND_UF_LEFT_SHIFT;
    case OP_RSHIFT:
        return ND_UF_RIGHT_SHIFT;
    case OP_NEG:
        return ND_UF_NEGATIVE;
    case OP_POS:
        return ND_UF_POSITIVE;
    case OP_INVERT:
        return ND_UF_INVERT;
    case OP_EQ:
        return ND_UF_EQUAL;
    case OP_NE:
        return ND_UF_NOT_EQUAL;
    case OP_LT:
        return ND_UF_LESS;
    case OP_LE:
        return ND_UF_LESS_EQUAL;
    case OP_GT:
        return ND_UF_GREATER;
    case OP_GE:
        return ND_UF_GREATER_EQUAL;
    default:
        return -1;
    }
}

static Value unsupported(OpKind op, Value a, Value b)
{
    return rt_raise(ERR_TYPE,
                    "unsupported operand type(s) for %s: '%s' and "
                    "'%s'",
                    op_symbol(op), v_type_name(a), v_type_name(b));
}

/* ------------------------------------------- Python scalar arithmetic */

/* A weak scalar as Python sees it: bool < int < float < complex. */
typedef enum PyKind { PK_BOOL, PK_INT, PK_FLOAT, PK_COMPLEX, PK_NONE } PyKind;

static PyKind py_kind(Value v)
{
    if (v.kind != VK_SCALAR || !v.weak)
        return PK_NONE;
    switch (v.dtype) {
    case ND_BOOL:
        return PK_BOOL;
    case ND_INT64:
    case ND_UINT64:
        return PK_INT;
    case ND_FLOAT64:
        return PK_FLOAT;
    case ND_COMPLEX128:
        return PK_COMPLEX;
    default:
        return PK_NONE;
    }
}

static i128 py_int(Value v)
{
    if (v.dtype == ND_BOOL)
        return v.as.b ? 1 : 0;
    if (v.dtype == ND_UINT64)
        return (i128)v.as.u;
    return (i128)v.as.i;
}

static double py_float(Value v)
{
    switch (v.dtype) {
    case ND_BOOL:
        return v.as.b ? 1.0 : 0.0;
    case ND_UINT64:
        return (double)v.as.u;
    case ND_INT64:
        return (double)v.as.i;
    default:
        return v.as.f;
    }
}

static nd_complex128 py_complex(Value v)
{
    nd_complex128 c = {0.0, 0.0};
    if (v.dtype == ND_COMPLEX128)
        return v.as.c128;
    c.re = py_float(v);
    return c;
}

static Value int_overflow(void)
{
    return rt_raise(ERR_OVERFLOW,
                    "integer overflow: nd's Python-like integers are 64-bit");
}

/* An exact integer result: int64, or uint64 when an operand was one (a
 * literal above int64's range), else OverflowError. */
static Value py_int_result(i128 r, bool allow_u64)
{
    if (r >= INT64_MIN && r <= INT64_MAX)
        return v_int((int64_t)r);
    if (allow_u64 && r >= 0 && r <= (i128)UINT64_MAX)
        return weak_uint64((uint64_t)r);
    return int_overflow();
}

static bool fits_u64(i128 r)
{
    return r >= -(i128)UINT64_MAX && r <= (i128)UINT64_MAX;
}

/* Python's int / int: correctly rounded when both fit a double exactly;
 * beyond 2**53 long double keeps the error to a rare double rounding. */
static double int_true_div(i128 a, i128 b)
{
    const i128 lim = (i128)1 << 53;
    if (a >= -lim && a <= lim && b >= -lim && b <= lim)
        return (double)a / (double)b;
    return (double)((long double)a / (long double)b);
}

static Value float_overflow(void)
{
    return rt_raise(ERR_OVERFLOW, "(34, 'Numerical result out of range')");
}

/* Python's float ** float, except that a negative base with a fractional
 * exponent gives nan with an "invalid" RuntimeWarning (LANGUAGE.md §2)
 * where Python would return a complex number. */
static Value py_float_pow(double x, double y)
{
    if (y == 0.0)
        return v_float(1.0);
    if (isnan(x))
        return v_float(x);
    if (isnan(y))
        return v_float(x == 1.0 ? 1.0 : y);
    if (x == 0.0 && y < 0.0 && !isinf(y))
        return rt_raise(ERR_ZERO_DIVISION,
                        "0.0 cannot be raised to a negative power");
    if (x < 0.0 && isfinite(x) && isfinite(y) && y != floor(y)) {
        nd_fpe_raise(ND_FPE_INVALID, "power");
        return v_float(NAN);
    }
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return float_overflow();
    return v_float(r);
}

/* Python's float floor division and modulo (divmod of floatobject.c). */
static void py_float_divmod(double vx, double wx, double *div_out,
                            double *mod_out)
{
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    *div_out = floordiv;
    *mod_out = mod;
}

static nd_complex128 c_mul(nd_complex128 a, nd_complex128 b)
{
    nd_complex128 r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

/* Python's complex division (Smith's method); *zero when b == 0. */
static nd_complex128 c_quot(nd_complex128 a, nd_complex128 b, bool *zero)
{
    nd_complex128 r = {0.0, 0.0};
    double abr = fabs(b.re), abi = fabs(b.im);
    *zero = false;
    if (abr >= abi) {
        if (abr == 0.0) {
            *zero = true;
            return r;
        }
        double ratio = b.im / b.re;
        double denom = b.re + b.im * ratio;
        r.re = (a.re + a.im * ratio) / denom;
        r.im = (a.im - a.re * ratio) / denom;
    } else if (abi >= abr) {
        double ratio = b.re / b.im;
        double denom = b.re * ratio + b.im;
        r.re = (a.re * ratio + a.im) / denom;
        r.im = (a.im * ratio - a.re) / denom;
    } else {
        r.re = r.im = NAN;
    }
    return r;
}

static Value py_complex_pow(nd_complex128 a, nd_complex128 b)
{
    nd_complex128 r = {1.0, 0.0};
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) {
        /* Python: small integral exponents by repeated multiplication. */
        long n = (long)b.re;
        long m = n < 0 ? -n : n;
        nd_complex128 p = a;
        for (long mask = 1; mask > 0 && m >= mask; mask <<= 1) {
            if (m & mask)
                r = c_mul(r, p);
            p = c_mul(p, p);
        }
        if (n < 0) {
            bool zero;
            nd_complex128 one = {1.0, 0.0};
            r = c_quot(one, r, &zero);
            if (zero)
                return rt_raise(ERR_ZERO_DIVISION,
                                "0.0 to a negative or complex power");
        }
    } else if (b.re == 0.0 && b.im == 0.0) {
        /* r = 1 */
    } else if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0)
            return rt_raise(ERR_ZERO_DIVISION,
                            "0.0 to a negative or complex power");
        r.re = 0.0;
    } else {
        double vabs = hypot(a.re, a.im);
        double len = pow(vabs, b.re);
        double at = atan2(a.im, a.re);
        double phase = at * b.re;
        if (b.im != 0.0) {
            len /= exp(at * b.im);
            phase += b.im * log(vabs);
        }
        r.re = len * cos(phase);
        r.im = len * sin(phase);
    }
    if ((isinf(r.re) || isinf(r.im)) && isfinite(a.re) && isfinite(a.im) &&
        isfinite(b.re) && isfinite(b.im))
        return rt_raise(ERR_OVERFLOW, "complex exponentiation");
    return v_complex(r.re, r.im);
}

static Value py_int_pow(i128 a, i128 b, bool allow_u64)
{
    if (b < 0) {
        if (a == 0)
            return rt_raise(ERR_ZERO_DIVISION,
                            "0.0 cannot be raised to a negative power");
        return py_float_pow((double)a, (double)b);
    }
    i128 result = 1, base = a;
    while (b) {
        if (b & 1) {
            if (__builtin_mul_overflow(result, base, &result) ||
                !fits_u64(result))
                return int_overflow();
        }
        b >>= 1;
        if (b) {
            if (__builtin_mul_overflow(base, base, &base) || !fits_u64(base))
                return int_overflow();
        }
    }
    return py_int_result(result, allow_u64);
}

static Value py_int_binary(OpKind op, Value a, Value b)
{
    i128 x = py_int(a), y = py_int(b), r;
    bool u64 = a.dtype == ND_UINT64 || b.dtype == ND_UINT64;
    switch (op) {
    case OP_ADD:
        return py_int_result(x + y, u64);
    case OP_SUB:
        return py_int_result(x - y, u64);
    case OP_MUL:
        if (__builtin_mul_overflow(x, y, &r))
            return int_overflow();
        return py_int_result(r, u64);
    case OP_DIV:
        if (y == 0)
            return rt_raise(ERR_ZERO_DIVISION, "division by zero");
        return v_float(int_true_div(x, y));
    case OP_FLOORDIV:
        if (y == 0)
            return rt_raise(ERR_ZERO_DIVISION,
                            "integer division or modulo by zero");
        r = x / y;
        if (x % y != 0 && ((x < 0) != (y < 0)))
            r -= 1;
        return py_int_result(r, u64);
    case OP_MOD:
        if (y == 0)
            return rt_raise(ERR_ZERO_DIVISION, "integer modulo by zero");
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0)))
            r += y;
        return py_int_result(r, u64);
    case OP_POW:
        return py_int_pow(x, y, u64);
    case OP_AND:
    case OP_OR:
    case OP_XOR:
        r = op == OP_AND ? (x & y) : op == OP_OR ? (x | y) : (x ^ y);
        if (a.dtype == ND_BOOL && b.dtype == ND_BOOL)
            return v_bool(r != 0);
        return py_int_result(r, u64);
    case OP_LSHIFT:
    case OP_RSHIFT:
        if (y < 0)
            return rt_raise(ERR_VALUE, "negative shift count");
        if (op == OP_LSHIFT) {
            if (x == 0)
                return v_int(0);
            if (y > 63)
                return int_overflow();
            return py_int_result(x * ((i128)1 << (int)y), u64);
        }
        if (y > 64)
            return v_int(x < 0 ? -1 : 0);
        {
            i128 d = (i128)1 << (int)y;
            r = x / d;
            if (x % d != 0 && x < 0)
                r -= 1;
            return py_int_result(r, u64);
        }
    default:
        return unsupported(op, a, b);
    }
}

static Value py_float_binary(OpKind op, Value a, Value b)
{
    double x = py_float(a), y = py_float(b), d, m;
    switch (op) {
    case OP_ADD:
        return v_float(x + y);
    case OP_SUB:
        return v_float(x - y);
    case OP_MUL:
        return v_float(x * y);
    case OP_DIV:
        if (y == 0.0)
            return rt_raise(ERR_ZERO_DIVISION, "float division by zero");
        return v_float(x / y);
    case OP_FLOORDIV:
        if (y == 0.0)
            return rt_raise(ERR_ZERO_DIVISION, "float floor division by zero");
        py_float_divmod(x, y, &d, &m);
        return v_float(d);
    case OP_MOD:
        if (y == 0.0)
            return rt_raise(ERR_ZERO_DIVISION, "float modulo");
        py_float_divmod(x, y, &d, &m);
        return v_float(m);
    case OP_POW:
        return py_float_pow(x, y);
    default:
        return unsupported(op, a, b);
    }
}

static Value py_complex_binary(OpKind op, Value a, Value b)
{
    nd_complex128 x = py_complex(a), y = py_complex(b), r;
    bool zero;
    switch (op) {
    case OP_ADD:
        return v_complex(x.re + y.re, x.im + y.im);
    case OP_SUB:
        return v_complex(x.re - y.re, x.im - y.im);
    case OP_MUL:
        r = c_mul(x, y);
        return v_complex(r.re, r.im);
    case OP_DIV:
        r = c_quot(x, y, &zero);
        if (zero)
            return rt_raise(ERR_ZERO_DIVISION, "complex division by zero");
        return v_complex(r.re, r.im);
    case OP_POW:
        return py_complex_pow(x, y);
    default:
        return unsupported(op, a, b);
    }
}

static Value py_binary(OpKind op, Value a, Value b)
{
    PyKind ka = py_kind(a), kb = py_kind(b);
    PyKind k = ka > kb ? ka : kb;
    if (op == OP_MATMUL)
        return unsupported(op, a, b);
    if (k <= PK_INT)
        return py_int_binary(op, a, b);
    switch (op) {
    case OP_AND:
    case OP_OR:
    case OP_XOR:
    case OP_LSHIFT:
    case OP_RSHIFT:
        return unsupported(op, a, b);
    default:
        break;
    }
    if (k == PK_FLOAT) {
        /* int ** negative int is handled as floats too. */
        return py_float_binary(op, a, b);
    }
    return py_complex_binary(op, a, b);
}

static Value py_unary(OpKind op, Value a)
{
    PyKind k = py_kind(a);
    switch (op) {
    case OP_NEG:
        if (k <= PK_INT)
            return py_int_result(-py_int(a), false);
        if (k == PK_FLOAT)
            return v_float(-a.as.f);
        return v_complex(-a.as.c128.re, -a.as.c128.im);
    case OP_POS:
        if (k <= PK_INT)
            return py_int_result(py_int(a), a.dtype == ND_UINT64);
        return a;
    case OP_INVERT:
        if (k <= PK_INT)
            return py_int_result(-py_int(a) - 1, false);
        break;
    default:
        break;
    }
    return rt_raise(ERR_TYPE, "bad operand type for unary %s: '%s'",
                    op_symbol(op), v_type_name(a));
}

/* ------------------------------------------ NumPy scalar fast paths */

/* (R1) The name NumPy's scalar math (scalarmath.c) gives a floating-point
 * event of an operator on numpy scalars: "scalar add" where the ufunc
 * loop would say "add".  Static strings: the fpe word keeps the pointer. */
static const char *scalar_op_name(int uf, bool scalar_math)
{
    if (!scalar_math)
        return nd_ufunc_name((NdUfuncId)uf);
    switch (uf) {
    case ND_UF_ADD:
        return "scalar add";
    case ND_UF_SUBTRACT:
        return "scalar subtract";
    case ND_UF_MULTIPLY:
        return "scalar multiply";
    case ND_UF_TRUE_DIVIDE:
        return "scalar divide";
    case ND_UF_FLOOR_DIVIDE:
        return "scalar floor_divide";
    case ND_UF_REMAINDER:
        return "scalar remainder";
    case ND_UF_POWER:
        return "scalar power";
    case ND_UF_NEGATIVE:
        return "scalar negative";
    case ND_UF_POSITIVE:
        return "scalar positive";
    case ND_UF_ABSOLUTE:
        return "scalar absolute";
    default:
        return nd_ufunc_name((NdUfuncId)uf);
    }
}

/* Strong int64/float64 scalars (with each other or with a weak int or
 * float) computed inline, exactly as the ufunc loop would: ints wrap,
 * float events reach the fpe status word under the ufunc's name.
 * Returns false when the pair is not one of these. */
static bool fast_strong(OpKind op, Value a, Value b, Value *out)
{
    if (a.kind != VK_SCALAR || b.kind != VK_SCALAR)
        return false;
    int ca, cb; /* 0 int64, 1 float64 */
    if (a.dtype == ND_INT64)
        ca = 0;
    else if (a.dtype == ND_FLOAT64)
        ca = 1;
    else
        return false;
    if (b.dtype == ND_INT64)
        cb = 0;
    else if (b.dtype == ND_FLOAT64)
        cb = 1;
    else
        return false;
    /* A strong int64 with a weak float is float64 (NEP 50); two strong
     * scalars of different dtypes go the general way. */
    if (!a.weak && !b.weak && ca != cb)
        return false;
    if (ca == 0 && cb == 0) {
        uint64_t x = (uint64_t)a.as.i, y = (uint64_t)b.as.i;
        int64_t z; /* (R1) NumPy's scalar math warns when these wrap */
        switch (op) {
        case OP_ADD:
            if (__builtin_add_overflow(a.as.i, b.as.i, &z))
                nd_fpe_raise(ND_FPE_OVERFLOW, "scalar add");
            *out = strong_int64((int64_t)(x + y));
            return true;
        case OP_SUB:
            if (__builtin_sub_overflow(a.as.i, b.as.i, &z))
                nd_fpe_raise(ND_FPE_OVERFLOW, "scalar subtract");
            *out = strong_int64((int64_t)(x - y));
            return true;
        case OP_MUL:
            if (__builtin_mul_overflow(a.as.i, b.as.i, &z))
                nd_fpe_raise(ND_FPE_OVERFLOW, "scalar multiply");
            *out = strong_int64((int64_t)(x * y));
            return true;
        case OP_AND:
            *out = strong_int64((int64_t)(x & y));
            return true;
        case OP_OR:
            *out = strong_int64((int64_t)(x | y));
            return true;
        case OP_XOR:
            *out = strong_int64((int64_t)(x ^ y));
            return true;
        default:
            return false;
        }
    }
    double x = ca ? a.as.f : (double)a.as.i;
    double y = cb ? b.as.f : (double)b.as.i;
    double r;
    /* (R1) NumPy's scalar math names its events "scalar add" when a
     * float64 operand is a strong scalar; an int64 with a Python float
     * needs promotion and goes through the ufunc ("add"). */
    bool sm = (!a.weak && ca) || (!b.weak && cb);
    switch (op) {
    case OP_ADD:
    case OP_SUB:
        r = op == OP_ADD ? x + y : x - y;
        /* Sums and differences raise only these two (a subnormal sum is
         * exact, so never "underflow"). */
        if (isinf(r) && isfinite(x) && isfinite(y))
            nd_fpe_raise(ND_FPE_OVERFLOW, scalar_op_name(op_ufunc(op), sm));
        else if (isnan(r) && !isnan(x) && !isnan(y))
            nd_fpe_raise(ND_FPE_INVALID, scalar_op_name(op_ufunc(op), sm));
        break;
    case OP_MUL:
        nd_fpe_hw_clear();
        r = x * y;
        nd_fpe_hw_collect(sm ? "scalar multiply" : "multiply");
        break;
    case OP_DIV:
        nd_fpe_hw_clear();
        r = x / y;
        nd_fpe_hw_collect(sm ? "scalar divide" : "divide");
        break;
    default:
        return false;
    }
    *out = strong_float64(r);
    return true;
}

/* -------------------------------------------------------- op_binary */

static bool is_int_scalar(Value v)
{
    if (v.kind != VK_SCALAR)
        return false;
    NdKind k = nd_dtype_kind((NdType)v.dtype);
    return k == ND_KIND_INT || k == ND_KIND_UINT || k == ND_KIND_BOOL;
}

static bool is_numeric(Value v)
{
    return v.kind == VK_SCALAR || v.kind == VK_ARRAY;
}

static bool is_seq(Value v)
{
    return v.kind == VK_LIST || v.kind == VK_TUPLE;
}

static bool is_convertible(Value v)
{
    return is_numeric(v) || is_seq(v) || v.kind == VK_RANGE;
}

static Value numpy_binary(OpKind op, Value a, Value b)
{
    NdArray *x = value_to_array(a, ND_NTYPES);
    if (!x)
        return v_error();
    NdArray *y = value_to_array(b, ND_NTYPES);
    if (!y) {
        nd_decref(x);
        return v_error();
    }
    NdArray *r = op == OP_MATMUL ? nd_matmul(x, y)
                                 : nd_binary((NdUfuncId)op_ufunc(op), x, y);
    nd_decref(x);
    nd_decref(y);
    return wrap_result(r);
}

/* (R1) NumPy's scalar math: an operator on two scalars, one of them
 * strong, computes in a strong operand's own dtype when the other converts
 * to it (else NumPy promotes and calls the ufunc).  Then events are named
 * "scalar add", and + - * that wrap an integer warn "overflow", which the
 * ufunc loops never do.  The fpe word is set aside around the operation so
 * only its own events are renamed. */
static bool scalar_math(Value a, Value b, NdType *t)
{
    NdType types[2] = {(NdType)a.dtype, (NdType)b.dtype};
    bool weak[2] = {a.weak, b.weak};
    *t = nd_result_type(2, types, weak);
    /* NumPy's bool scalar has no scalar math: on the left it always
     * takes the ufunc (np.True_ + np.int8(127) wraps silently). */
    if (!a.weak && a.dtype == ND_BOOL)
        return false;
    return (!a.weak && *t == types[0]) || (!b.weak && *t == types[1]);
}

/* The exact integer value of an integer or bool scalar. */
static i128 int_value(Value v)
{
    NdScalar s = to_nds(v);
    switch ((NdType)v.dtype) {
    case ND_BOOL:
        return v.as.b;
    case ND_INT8:
        return s.v.i8;
    case ND_INT16:
        return s.v.i16;
    case ND_INT32:
        return s.v.i32;
    case ND_INT64:
        return s.v.i64;
    case ND_UINT8:
        return s.v.u8;
    case ND_UINT16:
        return s.v.u16;
    case ND_UINT32:
        return s.v.u32;
    default:
        return s.v.u64;
    }
}

static bool is_int_dtype(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_INT || k == ND_KIND_UINT;
}

typedef struct FpeSaved {
    unsigned status;
    const char *origin[4];
} FpeSaved;

static void fpe_set_aside(FpeSaved *s)
{
    s->status = nd_fpe_status();
    for (int i = 0; i < 4; i++)
        s->origin[i] = nd_fpe_origin(1u << i);
    nd_fpe_clear();
}

/* Put back what was set aside, then this operation's events: those of the
 * loop itself (named by the ufunc, or unnamed) under the scalar name
 * `name`, others (a "cast" of a weak operand) as they were. */
static void fpe_restore(const FpeSaved *s, int uf, const char *name)
{
    unsigned now = nd_fpe_status();
    const char *got[4];
    for (int i = 0; i < 4; i++)
        got[i] = nd_fpe_origin(1u << i);
    nd_fpe_clear();
    for (int i = 0; i < 4; i++)
        if (s->status & (1u << i))
            nd_fpe_raise(1u << i, s->origin[i]);
    for (int i = 0; i < 4; i++) {
        if (!(now & (1u << i)))
            continue;
        bool own = !got[i] || !*got[i] ||
                   !strcmp(got[i], nd_ufunc_name((NdUfuncId)uf));
        nd_fpe_raise(1u << i, own ? name : got[i]);
    }
}

static Value scalar_binary(OpKind op, Value a, Value b)
{
    NdType t;
    int uf = op_ufunc(op);
    if (uf < 0 || !scalar_math(a, b, &t))
        return numpy_binary(op, a, b);
    /* Complex scalars have no // or % (Python's TypeError, not the
     * ufunc's), unless a bool scalar hands the operation to the ufunc. */
    if ((op == OP_FLOORDIV || op == OP_MOD) &&
        nd_dtype_kind(t) == ND_KIND_COMPLEX && !(!b.weak && b.dtype == ND_BOOL))
        return rt_raise(ERR_TYPE,
                        "unsupported operand type(s) for %s: '%s%s' and "
                        "'%s%s'",
                        op_symbol(op), a.weak ? "" : "numpy.", v_type_name(a),
                        b.weak ? "" : "numpy.", v_type_name(b));
    /* Scalar math converts a Python int to the integer dtype first, even
     * for / (whose loop is float64): uint8(3) / 300 is an OverflowError. */
    Value w = a.weak ? a : b;
    if (op == OP_DIV && w.weak && is_int_dtype(t) &&
        is_int_dtype((NdType)w.dtype)) {
        NdScalar in = to_nds(w), c;
        if (nd_scalar_cast_weak(&in, t, &c) < 0)
            return rt_from_lib();
    }
    FpeSaved saved;
    fpe_set_aside(&saved);
    Value r = numpy_binary(op, a, b);
    if (r.kind == VK_SCALAR && is_int_dtype(t) && r.dtype == t &&
        (op == OP_ADD || op == OP_SUB || op == OP_MUL)) {
        i128 x = int_value(a), y = int_value(b), z;
        bool over = op == OP_ADD   ? __builtin_add_overflow(x, y, &z)
                    : op == OP_SUB ? __builtin_sub_overflow(x, y, &z)
                                   : __builtin_mul_overflow(x, y, &z);
        if (over || z != int_value(r))
            nd_fpe_raise(ND_FPE_OVERFLOW, "");
    }
    fpe_restore(&saved, uf, scalar_op_name(uf, true));
    return r;
}

/* -x of a strong integer scalar wraps with a warning: the most negative
 * value of a signed dtype, anything but 0 of an unsigned one. */
static bool negative_wraps(Value a)
{
    NdKind k = nd_dtype_kind((NdType)a.dtype);
    if (k == ND_KIND_UINT)
        return int_value(a) != 0;
    if (k != ND_KIND_INT)
        return false;
    int bits = 8 * (int)nd_dtype_size((NdType)a.dtype);
    return int_value(a) == -((i128)1 << (bits - 1));
}

/* seq * count for a str, list or tuple and an integer scalar. */
static Value repeat(Value seq, Value count)
{
    int64_t k;
    if (value_to_int64(count, &k) < 0)
        return v_error();
    return seq_repeat(seq, k);
}

/* A native kind's operator hook, tried for either operand. */
static bool native_binary(OpKind op, Value a, Value b, Value *out)
{
    if (a.kind == VK_OBJECT && native_type(a)->binary) {
        Value r = native_type(a)->binary(op, a, b);
        if (r.kind != VK_UNSET) {
            *out = r;
            return true;
        }
    }
    if (b.kind == VK_OBJECT && native_type(b)->binary) {
        Value r = native_type(b)->binary(op, a, b);
        if (r.kind != VK_UNSET) {
            *out = r;
            return true;
        }
    }
    return false;
}

Value op_binary(OpKind op, Value a, Value b)
{
    Value r;
    if (a.kind == VK_SCALAR && b.kind == VK_SCALAR) {
        if (a.weak && b.weak && py_kind(a) != PK_NONE &&
            py_kind(b) != PK_NONE) {
            /* The hot path: Python int64/float64 arithmetic. */
            if (a.dtype == ND_INT64 && b.dtype == ND_INT64) {
                int64_t x = a.as.i, y = b.as.i, z;
                switch (op) {
                case OP_ADD:
                    if (!__builtin_add_overflow(x, y, &z))
                        return v_int(z);
                    break;
                case OP_SUB:
                    if (!__builtin_sub_overflow(x, y, &z))
                        return v_int(z);
                    break;
                case OP_MUL:
                    if (!__builtin_mul_overflow(x, y, &z))
                        return v_int(z);
                    break;
                default:
                    break;
                }
            } else if (a.dtype == ND_FLOAT64 && b.dtype == ND_FLOAT64) {
                switch (op) {
                case OP_ADD:
                    return v_float(a.as.f + b.as.f);
                case OP_SUB:
                    return v_float(a.as.f - b.as.f);
                case OP_MUL:
                    return v_float(a.as.f * b.as.f);
                default:
                    break;
                }
            }
            return py_binary(op, a, b);
        }
        if (fast_strong(op, a, b, &r))
            return r;
        return scalar_binary(op, a, b); /* (R1) */
    }
    if (native_binary(op, a, b, &r))
        return r;
    if (a.kind == VK_STR || b.kind == VK_STR) {
        if (op == OP_ADD && a.kind == VK_STR && b.kind == VK_STR)
            return seq_concat(a, b);
        if (op == OP_MUL && a.kind == VK_STR && is_int_scalar(b))
            return repeat(a, b);
        if (op == OP_MUL && b.kind == VK_STR && is_int_scalar(a))
            return repeat(b, a);
        /* Python's own texts for these two. */
        if (op == OP_MUL)
            return rt_raise(ERR_TYPE,
                            "can't multiply sequence by non-int of type '%s'",
                            v_type_name(a.kind == VK_STR ? b : a));
        if (op == OP_ADD && a.kind == VK_STR)
            return rt_raise(ERR_TYPE,
                            "can only concatenate str (not \"%s\") to str",
                            v_type_name(b));
        return unsupported(op, a, b);
    }
    if (is_seq(a) || is_seq(b)) {
        if (op == OP_ADD && a.kind == b.kind)
            return seq_concat(a, b);
        if (op == OP_MUL && is_seq(a) && is_int_scalar(b))
            return repeat(a, b);
        if (op == OP_MUL && is_seq(b) && is_int_scalar(a))
            return repeat(b, a);
    }
    if (is_convertible(a) && is_convertible(b))
        return numpy_binary(op, a, b);
    return unsupported(op, a, b);
}

Value op_unary(OpKind op, Value a)
{
    if (a.kind == VK_SCALAR) {
        if (a.weak && py_kind(a) != PK_NONE)
            return py_unary(op, a);
        if (op == OP_NEG && a.dtype == ND_FLOAT64)
            return strong_float64(-a.as.f);
        if (op == OP_NEG && a.dtype == ND_INT64) {
            if (a.as.i == INT64_MIN) /* (R1) scalar math warns */
                nd_fpe_raise(ND_FPE_OVERFLOW, "scalar negative");
            return strong_int64((int64_t)(0 - (uint64_t)a.as.i));
        }
        /* (R1) Other strong scalars: NumPy's scalar math names events
         * "scalar negative" and warns when -x wraps. */
        int uf = op_ufunc(op);
        if (uf >= 0) {
            FpeSaved saved;
            fpe_set_aside(&saved);
            NdArray *x = value_to_array(a, ND_NTYPES);
            NdArray *r = x ? nd_unary((NdUfuncId)uf, x) : NULL;
            nd_decref(x);
            if (r && op == OP_NEG && negative_wraps(a))
                nd_fpe_raise(ND_FPE_OVERFLOW, "");
            fpe_restore(&saved, uf, scalar_op_name(uf, true));
            return x ? wrap_result(r) : v_error();
        }
    }
    if (op == OP_NOT) {
        int t = op_truth(a);
        return t < 0 ? v_error() : v_bool(!t);
    }
    /* (V12) A native kind's own unary operators (-p of a poly1d). */
    if (a.kind == VK_OBJECT && native_type(a)->unary) {
        Value r = native_type(a)->unary(op, a);
        if (r.kind != VK_UNSET)
            return r;
    }
    /* (P12B) A native kind's ufunc hook takes -x, +x, ~x. */
    if (a.kind == VK_OBJECT && native_type(a)->ufunc && op_ufunc(op) >= 0) {
        Value r =
            native_type(a)->ufunc((NdUfuncId)op_ufunc(op), &a, 1, NULL, 0);
        if (r.kind != VK_UNSET)
            return r;
    }
    if (a.kind == VK_SCALAR || a.kind == VK_ARRAY || is_seq(a) ||
        a.kind == VK_RANGE) {
        int uf = op_ufunc(op);
        if (uf < 0)
            return rt_raise(ERR_TYPE, "bad operand type for unary %s: '%s'",
                            op_symbol(op), v_type_name(a));
        NdArray *x = value_to_array(a, ND_NTYPES);
        if (!x)
            return v_error();
        NdArray *r = nd_unary((NdUfuncId)uf, x);
        nd_decref(x);
        return wrap_result(r);
    }
    return rt_raise(ERR_TYPE, "bad operand type for unary %s: '%s'",
                    op_symbol(op), v_type_name(a));
}

/* ------------------------------------------------------- comparisons */

static int cmp_result(OpKind op, int c)
{
    switch (op) {
    case OP_EQ:
        return c == 0;
    case OP_NE:
        return c != 0;
    case OP_LT:
        return c < 0;
    case OP_LE:
        return c <= 0;
    case OP_GT:
        return c > 0;
    default:
        return c >= 0;
    }
}

/* Exact comparison of an integer with a double (Python's rule: 2**53 + 1
 * != 2.0**53); nan never compares. */
static int cmp_int_float(i128 i, double f, bool *unordered)
{
    *unordered = isnan(f);
    if (*unordered)
        return 0;
    if (f >= 18446744073709551616.0)
        return -1;
    if (f <= -18446744073709551616.0)
        return 1;
    double t = trunc(f);
    i128 ti = (i128)t;
    if (i != ti)
        return i < ti ? -1 : 1;
    double frac = f - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

static const char *cmp_type_name(Value v)
{
    return v_type_name(v);
}

static Value not_supported_between(OpKind op, Value a, Value b)
{
    return rt_raise(ERR_TYPE,
                    "'%s' not supported between instances of '%s' and '%s'",
                    op_symbol(op), cmp_type_name(a), cmp_type_name(b));
}

static Value py_compare(OpKind op, Value a, Value b)
{
    PyKind ka = py_kind(a), kb = py_kind(b);
    if (ka == PK_COMPLEX || kb == PK_COMPLEX) {
        if (op != OP_EQ && op != OP_NE)
            return not_supported_between(op, a, b);
        nd_complex128 x = py_complex(a), y = py_complex(b);
        bool eq = x.re == y.re && x.im == y.im;
        return v_bool(op == OP_EQ ? eq : !eq);
    }
    if (ka <= PK_INT && kb <= PK_INT) {
        i128 x = py_int(a), y = py_int(b);
        return v_bool(cmp_result(op, x < y ? -1 : x > y ? 1 : 0));
    }
    if (ka == PK_FLOAT && kb == PK_FLOAT) {
        double x = a.as.f, y = b.as.f;
        switch (op) {
        case OP_EQ:
            return v_bool(x == y);
        case OP_NE:
            return v_bool(x != y);
        case OP_LT:
            return v_bool(x < y);
        case OP_LE:
            return v_bool(x <= y);
        case OP_GT:
            return v_bool(x > y);
        default:
            return v_bool(x >= y);
        }
    }
    bool unordered;
    int c;
    if (ka <= PK_INT)
        c = cmp_int_float(py_int(a), b.as.f, &unordered);
    else
        c = -cmp_int_float(py_int(b), a.as.f, &unordered);
    if (unordered)
        return v_bool(op == OP_NE);
    return v_bool(cmp_result(op, c));
}

/* Python truth of a == b for membership and sequence comparison. */
static int eq_truth(Value a, Value b)
{
    if (a.kind == VK_ARRAY || b.kind == VK_ARRAY ||
        (a.kind == VK_SCALAR && b.kind == VK_SCALAR)) {
        Value r = op_compare(OP_EQ, a, b);
        if (v_is_err(r))
            return -1;
        int t = op_truth(r);
        v_decref(r);
        return t;
    }
    return v_equal(a, b) ? 1 : 0;
}

static Value seq_compare(OpKind op, Value a, Value b)
{
    int64_t na = a.kind == VK_LIST ? as_list(a)->n : as_tuple(a)->n;
    int64_t nb = b.kind == VK_LIST ? as_list(b)->n : as_tuple(b)->n;
    const Value *ia =
        a.kind == VK_LIST ? as_list(a)->items : as_tuple(a)->items;
    const Value *ib =
        b.kind == VK_LIST ? as_list(b)->items : as_tuple(b)->items;
    for (int64_t i = 0; i < na && i < nb; i++) {
        Value x = ia[i], y = ib[i];
        /* Identity implies equality, as Python's sequences assume. */
        if (x.kind == y.kind && x.kind >= VK_STR && x.as.obj == y.as.obj)
            continue;
        int e = eq_truth(x, y);
        if (e < 0)
            return v_error();
        if (!e)
            return op_compare(op, x, y);
    }
    return v_bool(cmp_result(op, na < nb ? -1 : na > nb ? 1 : 0));
}

/* The elementwise comparison of an array with something no array can
 * hold (None, a str, a dict): NumPy answers False (True for !=)
 * everywhere. */
static Value all_same(NdArray *shape_of, bool value)
{
    NdScalar fill = nd_scalar_bool(value);
    NdArray *r = nd_full(ND_BOOL, shape_of->ndim, shape_of->shape, &fill, 'C');
    return wrap_result(r);
}

static Value numpy_compare(OpKind op, Value a, Value b)
{
    if (!is_convertible(a) || !is_convertible(b)) {
        if (op != OP_EQ && op != OP_NE)
            return not_supported_between(op, a, b);
        Value arr = is_numeric(a) ? a : b;
        if (arr.kind == VK_SCALAR)
            return v_bool(op == OP_NE);
        return all_same(arr.as.array, op == OP_NE);
    }
    return numpy_binary(op, a, b);
}

static Value strong_bool(bool b)
{
    Value v = {.kind = VK_SCALAR, .dtype = ND_BOOL, .weak = 0};
    v.as.b = b;
    return v;
}

/* Scalars `x is y`: the same kind, dtype, weakness and bits. */
static bool identical(Value a, Value b)
{
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case VK_NONE:
    case VK_UNSET:
    case VK_ELLIPSIS:
        return true;
    case VK_SCALAR:
        return a.dtype == b.dtype && a.weak == b.weak &&
               memcmp(a.as.bytes, b.as.bytes, nd_dtype_size((NdType)a.dtype)) ==
                   0;
    case VK_ARRAY:
        return a.as.array == b.as.array;
    default:
        return a.as.obj == b.as.obj;
    }
}

/* `x in c`: never elementwise. */
static int contains(Value c, Value x)
{
    switch (c.kind) {
    case VK_LIST:
    case VK_TUPLE: {
        /* Items are re-read each time: an == may run user code. */
        for (int64_t i = 0;; i++) {
            int64_t n = c.kind == VK_LIST ? as_list(c)->n : as_tuple(c)->n;
            if (i >= n)
                return 0;
            Value e = c.kind == VK_LIST ? as_list(c)->items[i]
                                        : as_tuple(c)->items[i];
            if (identical(e, x))
                return 1;
            int t = eq_truth(e, x);
            if (t)
                return t;
        }
    }
    case VK_DICT: {
        Value r = dict_get(c, x);
        if (v_is_err(r))
            return -1;
        return r.kind != VK_UNSET;
    }
    case VK_STR:
        return str_contains(c, x);
    case VK_RANGE: {
        Range *r = (Range *)c.as.obj;
        int64_t i;
        if (x.kind != VK_SCALAR ||
            nd_dtype_kind((NdType)x.dtype) == ND_KIND_COMPLEX)
            return 0;
        if (!is_int_scalar(x)) {
            double d;
            if (value_to_double(x, &d) < 0)
                return -1;
            if (d != floor(d) || fabs(d) >= 9.2e18)
                return 0;
            i = (int64_t)d;
        } else if (x.dtype == ND_UINT64 && x.as.u > (uint64_t)INT64_MAX) {
            return 0;
        } else if (value_to_int64(x, &i) < 0) {
            return -1;
        }
        int64_t n = range_len(r);
        if (n == 0)
            return 0;
        i128 off = (i128)i - r->start;
        if (off % r->step != 0)
            return 0;
        i128 k = off / r->step;
        return k >= 0 && k < n;
    }
    case VK_ARRAY: {
        Value e = op_compare(OP_EQ, c, x);
        if (v_is_err(e))
            return -1;
        int any = 0;
        if (e.kind == VK_SCALAR) {
            any = e.as.b;
        } else if (e.kind == VK_ARRAY) {
            NdArray *m = e.as.array;
            NdArray *cm = nd_ascontiguousarray(m);
            if (!cm) {
                v_decref(e);
                return rt_fail_from_lib();
            }
            for (int64_t i = 0; i < cm->size && !any; i++)
                any = ((const bool *)cm->data)[i];
            nd_decref(cm);
        }
        v_decref(e);
        return any;
    }
    case VK_OBJECT: /* (I11A) `"x" in d` for a .npz archive: its names */
        if (native_type(c) == &npzfile_type)
            return npzfile_contains(c, x);
        /* fall through */
    default:
        return rt_fail(ERR_TYPE, "argument of type '%s' is not iterable",
                       v_type_name(c));
    }
}

/* Strong int64/float64 comparisons inline (as the ufunc: int64 with a
 * float compares as float64). */
static bool fast_compare(OpKind op, Value a, Value b, Value *out)
{
    bool ia = a.dtype == ND_INT64, ib = b.dtype == ND_INT64;
    if (!(ia || a.dtype == ND_FLOAT64) || !(ib || b.dtype == ND_FLOAT64))
        return false;
    if (!a.weak && !b.weak && ia != ib)
        return false;
    if (ia && ib) {
        int64_t x = a.as.i, y = b.as.i;
        *out = strong_bool(cmp_result(op, x < y ? -1 : x > y ? 1 : 0));
        return true;
    }
    double x = ia ? (double)a.as.i : a.as.f, y = ib ? (double)b.as.i : b.as.f;
    bool r;
    switch (op) {
    case OP_EQ:
        r = x == y;
        break;
    case OP_NE:
        r = x != y;
        break;
    case OP_LT:
        r = x < y;
        break;
    case OP_LE:
        r = x <= y;
        break;
    case OP_GT:
        r = x > y;
        break;
    default:
        r = x >= y;
        break;
    }
    *out = strong_bool(r);
    return true;
}

Value op_compare(OpKind op, Value a, Value b)
{
    switch (op) {
    case OP_IS:
    case OP_IS_NOT: {
        bool same = identical(a, b);
        return v_bool(op == OP_IS ? same : !same);
    }
    case OP_IN:
    case OP_NOT_IN: {
        int t = contains(b, a);
        if (t < 0)
            return v_error();
        return v_bool(op == OP_IN ? t != 0 : t == 0);
    }
    default:
        break;
    }
    if (a.kind == VK_SCALAR && b.kind == VK_SCALAR) {
        if (a.weak && b.weak && py_kind(a) != PK_NONE && py_kind(b) != PK_NONE)
            return py_compare(op, a, b);
        Value r;
        if (fast_compare(op, a, b, &r))
            return r;
        return numpy_binary(op, a, b);
    }
    Value r;
    if (native_binary(op, a, b, &r))
        return r;
    bool strong_a = a.kind == VK_SCALAR && !a.weak;
    bool strong_b = b.kind == VK_SCALAR && !b.weak;
    if (a.kind == VK_ARRAY || b.kind == VK_ARRAY || strong_a || strong_b)
        return numpy_compare(op, a, b);
    if (op == OP_EQ || op == OP_NE) {
        bool eq = v_equal(a, b);
        return v_bool(op == OP_EQ ? eq : !eq);
    }
    if (a.kind == VK_STR && b.kind == VK_STR)
        return v_bool(cmp_result(op, str_compare(a, b)));
    if (is_seq(a) && a.kind == b.kind)
        return seq_compare(op, a, b);
    return not_supported_between(op, a, b);
}

/* ------------------------------------------------------------- truth */

static int scalar_truth(Value v)
{
    switch (v.dtype) {
    case ND_BOOL:
        return v.as.b;
    case ND_INT64:
    case ND_UINT64:
        return v.as.i != 0;
    case ND_FLOAT64:
        return v.as.f != 0.0;
    case ND_COMPLEX128:
        return v.as.c128.re != 0.0 || v.as.c128.im != 0.0;
    case ND_COMPLEX64:
        return v.as.c64.re != 0.0f || v.as.c64.im != 0.0f;
    default: {
        NdScalar s = to_nds(v), c;
        nd_scalar_cast(&s, ND_FLOAT64, &c);
        return c.v.f64 != 0.0;
    }
    }
}

int op_truth(Value v)
{
    switch (v.kind) {
    case VK_NONE:
        return 0;
    case VK_SCALAR:
        return scalar_truth(v);
    case VK_STR:
        return as_str(v)->nbytes > 0;
    case VK_LIST:
        return as_list(v)->n > 0;
    case VK_TUPLE:
        return as_tuple(v)->n > 0;
    case VK_DICT:
        return as_dict(v)->n > 0;
    case VK_RANGE:
        return range_len((Range *)v.as.obj) > 0;
    case VK_ARRAY: {
        NdArray *a = v.as.array;
        if (a->size == 1) {
            NdScalar s;
            if (nd_item(a, &s) < 0)
                return rt_fail_from_lib();
            return scalar_truth(from_nds(&s, false));
        }
        if (a->size == 0)
            return rt_fail(ERR_VALUE,
                           "The truth value of an empty array is ambiguous. "
                           "Use `array.size > 0` to check that an array is "
                           "not empty.");
        return rt_fail(ERR_VALUE,
                       "the truth value of an array with more than one "
                       "element is ambiguous; use any() or all()");
    }
    case VK_ERROR:
        return -1;
    default:
        return 1;
    }
}

/* -------------------------------------------------------- op_inplace */

Value op_inplace(OpKind op, Value target, Value v)
{
    if (target.kind == VK_ARRAY) {
        NdArray *t = target.as.array;
        NdArray *x = value_to_array(v, ND_NTYPES);
        if (!x)
            return v_error();
        NdArray *r;
        if (op == OP_MATMUL) {
            NdArray *m = nd_matmul(t, x);
            r = NULL;
            if (m) {
                if (m->ndim != t->ndim ||
                    memcmp(m->shape, t->shape,
                           sizeof(int64_t) * (size_t)t->ndim) != 0) {
                    char s1[200], s2[200];
                    nd_shape_str(s1, sizeof s1, m->ndim, m->shape);
                    nd_shape_str(s2, sizeof s2, t->ndim, t->shape);
                    nd_error(ND_ERR_VALUE,
                             "non-broadcastable output operand with shape %s "
                             "doesn't match the broadcast shape %s",
                             s2, s1);
                } else if (nd_copyto(t, m, ND_CAST_SAME_KIND) == 0) {
                    r = nd_incref(t);
                }
                nd_decref(m);
            }
        } else {
            int uf = op_ufunc(op);
            if (uf < 0) {
                nd_decref(x);
                return unsupported(op, target, v);
            }
            if (!(t->flags & ND_WRITEABLE)) {
                nd_decref(x);
                return rt_raise(ERR_VALUE, "output array is read-only");
            }
            NdArray *in[2] = {t, x};
            r = nd_ufunc((NdUfuncId)uf, in, t, ND_CAST_SAME_KIND);
        }
        nd_decref(x);
        if (!r)
            return rt_from_lib();
        Value out = {.kind = VK_ARRAY};
        out.as.array = r;
        return out;
    }
    if (target.kind == VK_LIST && op == OP_ADD) {
        if (list_extend(target, v) < 0)
            return v_error();
        v_incref(target);
        return target;
    }
    if (target.kind == VK_LIST && op == OP_MUL && is_int_scalar(v)) {
        Value r = repeat(target, v);
        if (v_is_err(r))
            return r;
        /* Python's list *= k keeps the list's identity. */
        List *l = as_list(target), *n = as_list(r);
        Value *tmp = l->items;
        int64_t tn = l->n, tc = l->cap;
        l->items = n->items;
        l->n = n->n;
        l->cap = n->cap;
        n->items = tmp;
        n->n = tn;
        n->cap = tc;
        v_decref(r);
        v_incref(target);
        return target;
    }
    return op_binary(op, target, v);
}

/* ---------------------------------------------------------- iteration */

static Value array_index0(NdArray *a, int64_t i);

int iter_start(ValueIter *it, Value seq)
{
    it->pos = 0;
    it->n = 0;
    it->seq = v_unset();
    switch (seq.kind) {
    case VK_LIST:
        it->n = as_list(seq)->n;
        break;
    case VK_TUPLE:
        it->n = as_tuple(seq)->n;
        break;
    case VK_DICT:
        it->n = as_dict(seq)->n;
        break;
    case VK_STR:
        it->n = as_str(seq)->nbytes;
        break;
    case VK_RANGE:
        it->n = range_len((Range *)seq.as.obj);
        break;
    case VK_ARRAY:
        if (seq.as.array->ndim == 0)
            return rt_fail(ERR_TYPE, "iteration over a 0-d array");
        it->n = seq.as.array->shape[0];
        break;
    case VK_OBJECT: {
        /* a.flat iterates over the elements in C order. */
        NdArray *flat;
        int f = flatiter_array(seq, &flat);
        if (f < 0)
            return -1;
        if (f > 0) {
            it->n = flat->shape[0];
            it->seq.kind = VK_ARRAY;
            it->seq.as.array = flat;
            return 0;
        }
        /* (I11A) A .npz archive iterates over its names, as a mapping. */
        if (native_type(seq) == &npzfile_type) {
            Value names = npzfile_names(seq);
            if (v_is_err(names))
                return -1;
            it->n = as_list(names)->n;
            it->seq = names;
            return 0;
        }
        /* (V12) A native kind that iterates another value (a poly1d
         * walks its coeffs). */
        if (native_type(seq)->iter) {
            Value w = native_type(seq)->iter(seq);
            if (v_is_err(w))
                return -1;
            int rc = iter_start(it, w);
            v_decref(w);
            return rc;
        }
        /* (P12B) A native kind with len and getitem hooks iterates
         * x[0] .. x[len-1]. */
        if (native_type(seq)->len && native_type(seq)->getitem) {
            if (native_type(seq)->len(seq, &it->n) < 0)
                return -1;
            break;
        }
    }
        /* fall through */
    default:
        return rt_fail(ERR_TYPE, "'%s' object is not iterable",
                       v_type_name(seq));
    }
    v_incref(seq);
    it->seq = seq;
    return 0;
}

int iter_next(ValueIter *it, Value *out)
{
    Value s = it->seq;
    switch (s.kind) {
    case VK_LIST: {
        /* Python's list iterator sees items appended while it runs. */
        List *l = as_list(s);
        if (it->pos >= l->n)
            return 0;
        *out = l->items[it->pos++];
        v_incref(*out);
        return 1;
    }
    case VK_TUPLE:
        if (it->pos >= it->n)
            return 0;
        *out = as_tuple(s)->items[it->pos++];
        v_incref(*out);
        return 1;
    case VK_DICT: {
        Dict *d = as_dict(s);
        if (d->n != it->n)
            return rt_fail(ERR_RUNTIME,
                           "dictionary changed size during iteration");
        while (it->pos < d->used && d->entries[it->pos].key.kind == VK_UNSET)
            it->pos++;
        if (it->pos >= d->used)
            return 0;
        *out = d->entries[it->pos++].key;
        v_incref(*out);
        return 1;
    }
    case VK_STR:
        if (it->pos >= it->n)
            return 0;
        *out = str_next_char(s, &it->pos);
        return v_is_err(*out) ? -1 : 1;
    case VK_RANGE: {
        if (it->pos >= it->n)
            return 0;
        Range *r = (Range *)s.as.obj;
        *out = v_int(r->start + it->pos++ * r->step);
        return 1;
    }
    case VK_ARRAY:
        if (it->pos >= it->n || it->pos >= s.as.array->shape[0])
            return 0;
        *out = array_index0(s.as.array, it->pos++);
        return v_is_err(*out) ? -1 : 1;
    case VK_OBJECT: /* (P12B) native kinds with len + getitem */
        if (it->pos >= it->n)
            return 0;
        *out = native_type(s)->getitem(s, v_int(it->pos++));
        return v_is_err(*out) ? -1 : 1;
    default:
        return 0;
    }
}

void iter_end(ValueIter *it)
{
    v_decref(it->seq);
    it->seq = v_unset();
}

int value_len(Value v, int64_t *out)
{
    switch (v.kind) {
    case VK_LIST:
        *out = as_list(v)->n;
        return 0;
    case VK_TUPLE:
        *out = as_tuple(v)->n;
        return 0;
    case VK_DICT:
        *out = as_dict(v)->n;
        return 0;
    case VK_STR:
        *out = as_str(v)->ncodes;
        return 0;
    case VK_RANGE:
        *out = range_len((Range *)v.as.obj);
        return 0;
    case VK_ARRAY:
        if (v.as.array->ndim == 0)
            return rt_fail(ERR_TYPE, "len() of unsized object");
        *out = v.as.array->shape[0];
        return 0;
    case VK_OBJECT:
        if (v.kind == VK_OBJECT && native_type(v) == &flatiter_type) {
            NdArray *flat;
            if (flatiter_array(v, &flat) < 0)
                return -1;
            *out = flat->size;
            nd_decref(flat);
            return 0;
        }
        if (native_type(v)->len) /* (P12B) */
            return native_type(v)->len(v, out);
        /* fall through */
    default:
        return rt_fail(ERR_TYPE, "object of type '%s' has no len()",
                       v_type_name(v));
    }
}

/* ------------------------------------------------------ array indexing */

/* The language's side of indexing: index values (ints, slices, None, ...,
 * arrays, lists and tuples inside an index) become libnd's NdIndex items;
 * lib/index.c applies NumPy's rules.  A full integer index reads one
 * element without allocating anything. */

static int bad_index(void)
{
    return rt_fail(ERR_INDEX,
                   "only integers, slices (`:`), ellipsis (`...`), "
                   "numpy.newaxis (`None`) and integer or boolean arrays "
                   "are valid indices");
}

static bool int_kind(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_INT || k == ND_KIND_UINT;
}

/* An index converted for libnd; the arrays made on the way are owned. */
typedef struct KeyIndex {
    NdIndex items[ND_INDEX_MAX];
    int n;
    int nowned;
    NdArray *owned[ND_INDEX_MAX];
} KeyIndex;

static void key_release(KeyIndex *k)
{
    for (int i = 0; i < k->nowned; i++)
        nd_decref(k->owned[i]);
    k->nowned = 0;
}

/* An int as an index: a huge uint64 is out of bounds for any axis. */
static int64_t scalar_index(Value v)
{
    switch (v.dtype) {
    case ND_INT64:
        return v.as.i;
    case ND_INT8:
        return (int8_t)v.as.bytes[0];
    case ND_UINT8:
        return v.as.bytes[0];
    case ND_UINT64:
        return v.as.u > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)v.as.u;
    default: {
        int64_t i = 0;
        value_to_int64(v, &i);
        return i;
    }
    }
}

static int slice_part(Value v, bool *has, int64_t *out)
{
    *has = v.kind != VK_NONE;
    if (!*has)
        return 0;
    if (v.kind == VK_SCALAR &&
        (int_kind((NdType)v.dtype) || v.dtype == ND_BOOL)) {
        *out = v.dtype == ND_BOOL ? v.as.b : scalar_index(v);
        return 0;
    }
    if (v.kind == VK_ARRAY && v.as.array->ndim == 0 &&
        int_kind(v.as.array->dtype))
        return value_to_int64(v, out);
    return rt_fail(ERR_TYPE, "slice indices must be integers or None or "
                             "have an __index__ method");
}

static int own(KeyIndex *k, NdArray *a)
{
    k->owned[k->nowned++] = a;
    return 0;
}

/* One item of an index (not a top-level tuple). */
static int key_item(Value v, KeyIndex *k, NdIndex *it)
{
    memset(it, 0, sizeof *it);
    switch (v.kind) {
    case VK_SCALAR:
        if (int_kind((NdType)v.dtype)) {
            it->kind = ND_INDEX_INT;
            it->i = scalar_index(v);
            return 0;
        }
        if (v.dtype == ND_BOOL) {
            NdScalar s = nd_scalar_bool(v.as.b);
            NdArray *b = nd_from_scalar(&s);
            if (!b)
                return rt_fail_from_lib();
            it->kind = ND_INDEX_ARRAY;
            it->array = b;
            return own(k, b);
        }
        return bad_index();
    case VK_SLICE: {
        Slice *s = (Slice *)v.as.obj;
        bool has_step;
        it->kind = ND_INDEX_SLICE;
        it->step = 1;
        if (slice_part(s->start, &it->has_start, &it->start) < 0 ||
            slice_part(s->stop, &it->has_stop, &it->stop) < 0 ||
            slice_part(s->step, &has_step, &it->step) < 0)
            return -1;
        if (!has_step)
            it->step = 1;
        return 0;
    }
    case VK_NONE:
        it->kind = ND_INDEX_NEWAXIS;
        return 0;
    case VK_ELLIPSIS:
        it->kind = ND_INDEX_ELLIPSIS;
        return 0;
    case VK_ARRAY: {
        NdArray *a = v.as.array;
        if (a->ndim == 0 && int_kind(a->dtype)) {
            it->kind = ND_INDEX_INT;
            return value_to_int64(v, &it->i);
        }
        if (!int_kind(a->dtype) && a->dtype != ND_BOOL) {
            if (a->ndim == 0)
                return bad_index();
            return rt_fail(ERR_INDEX, "arrays used as indices must be of "
                                      "integer (or boolean) type");
        }
        it->kind = ND_INDEX_ARRAY;
        it->array = a;
        return 0;
    }
    case VK_LIST:
    case VK_TUPLE:
    case VK_RANGE: {
        NdArray *a = value_to_array(v, ND_NTYPES);
        if (!a)
            return -1;
        if (a->size == 0 && !int_kind(a->dtype) && a->dtype != ND_BOOL) {
            /* [] in an index is an empty int64 index (§2). */
            NdArray *b = nd_astype(a, ND_INT64, ND_CAST_UNSAFE, true);
            nd_decref(a);
            if (!b)
                return rt_fail_from_lib();
            a = b;
        }
        own(k, a);
        if (!int_kind(a->dtype) && a->dtype != ND_BOOL)
            return bad_index();
        it->kind = ND_INDEX_ARRAY;
        it->array = a;
        return 0;
    }
    default:
        return bad_index();
    }
}

/* Convert the n items of a multi-index (keys) for array a. */
static int key_items(const NdArray *a, const Value *keys, int64_t n,
                     KeyIndex *k)
{
    k->n = 0;
    k->nowned = 0;
    if (n > ND_INDEX_MAX)
        return rt_fail(ERR_INDEX,
                       "too many indices for array: array is %d-dimensional, "
                       "but %" PRId64 " were indexed",
                       a->ndim, n);
    for (int64_t i = 0; i < n; i++) {
        if (key_item(keys[i], k, &k->items[i]) < 0) {
            key_release(k);
            return -1;
        }
    }
    k->n = (int)n;
    return 0;
}

static Value read_element(NdType dtype, const char *p)
{
    Value v = {.kind = VK_SCALAR, .dtype = (uint8_t)dtype, .weak = 0};
    memset(v.as.bytes, 0, sizeof v.as.bytes);
    memcpy(v.as.bytes, p, nd_dtype_size(dtype));
    return v;
}

/* The element a[k0, k1, ...] when every key is a plain int and there is
 * one per axis: 1 and *ptr set, 0 otherwise, -1 on IndexError.  The hot
 * path of scalar loops: no conversion, no allocation. */
static int int_element(const NdArray *a, const Value *keys, int64_t n,
                       char **ptr)
{
    if (n != a->ndim)
        return 0;
    for (int64_t i = 0; i < n; i++)
        if (keys[i].kind != VK_SCALAR || !int_kind((NdType)keys[i].dtype))
            return 0;
    char *p = a->data;
    for (int i = 0; i < (int)n; i++) {
        int64_t k = scalar_index(keys[i]), size = a->shape[i];
        if (k < -size || k >= size)
            return rt_fail(ERR_INDEX,
                           "index %" PRId64
                           " is out of bounds for axis %d with size %" PRId64,
                           k, i, size);
        p += (k < 0 ? k + size : k) * a->strides[i];
    }
    *ptr = p;
    return 1;
}

static Value array_getitem_n(NdArray *a, const Value *keys, int64_t n)
{
    char *p;
    int e = int_element(a, keys, n, &p);
    if (e < 0)
        return v_error();
    if (e > 0)
        return read_element(a->dtype, p);
    KeyIndex k;
    if (key_items(a, keys, n, &k) < 0)
        return v_error();
    Value r;
    e = nd_index_element(a, k.items, k.n, &p);
    if (e < 0)
        r = rt_from_lib();
    else if (e > 0)
        r = read_element(a->dtype, p);
    else
        r = wrap_array(nd_index_get(a, k.items, k.n));
    key_release(&k);
    return r;
}

static Value array_getitem(NdArray *a, Value key)
{
    if (key.kind == VK_TUPLE)
        return array_getitem_n(a, as_tuple(key)->items, as_tuple(key)->n);
    return array_getitem_n(a, &key, 1);
}

static Value array_index0(NdArray *a, int64_t i)
{
    char *p = a->data + i * a->strides[0];
    if (a->ndim == 1)
        return read_element(a->dtype, p);
    return wrap_array(nd_view_new(a->buffer, a->dtype, a->ndim - 1,
                                  a->shape + 1, a->strides + 1, p,
                                  (a->flags & ND_WRITEABLE) != 0));
}

/* A scalar to store in an array of `dtype`: NumPy's setitem casts
 * unsafely, but a Python int still has to fit (NEP 50) and a Python float
 * NaN or inf cannot become an integer. */
static int assign_scalar(Value v, NdType dtype, NdScalar *out)
{
    NdScalar s = to_nds(v);
    NdKind tk = nd_dtype_kind(dtype);
    if ((tk == ND_KIND_INT || tk == ND_KIND_UINT) && v.weak &&
        s.dtype == ND_FLOAT64) {
        if (isnan(s.v.f64))
            return rt_fail(ERR_VALUE, "cannot convert float NaN to integer");
        if (isinf(s.v.f64))
            return rt_fail(ERR_OVERFLOW,
                           "cannot convert float infinity to integer");
    }
    if (nd_scalar_cast_weak(&s, dtype, out) < 0)
        return rt_fail_from_lib();
    out->weak = false;
    return 0;
}

/* The value to store, as an array of the target's dtype. */
static NdArray *assign_source(Value v, NdType dtype)
{
    if (v.kind == VK_SCALAR) {
        NdScalar c;
        if (assign_scalar(v, dtype, &c) < 0)
            return NULL;
        NdArray *r = nd_from_scalar(&c);
        if (!r)
            rt_fail_from_lib();
        return r;
    }
    NdArray *x = value_to_array(v, ND_NTYPES);
    if (!x)
        return NULL;
    NdArray *y = nd_astype(x, dtype, ND_CAST_UNSAFE, false);
    nd_decref(x);
    if (!y)
        rt_fail_from_lib();
    return y;
}

static int array_setitem_n(NdArray *a, const Value *keys, int64_t n, Value v)
{
    if (!(a->flags & ND_WRITEABLE))
        return rt_fail(ERR_VALUE, "assignment destination is read-only");
    char *p;
    int e = int_element(a, keys, n, &p);
    if (e < 0)
        return -1;
    if (e > 0 && v.kind == VK_SCALAR) {
        NdScalar c;
        if (assign_scalar(v, a->dtype, &c) < 0)
            return -1;
        memcpy(p, c.v.bytes, nd_dtype_size(a->dtype));
        return 0;
    }
    KeyIndex k;
    if (key_items(a, keys, n, &k) < 0)
        return -1;
    int rc = -1;
    NdArray *src = assign_source(v, a->dtype);
    if (src) {
        e = nd_index_element(a, k.items, k.n, &p);
        if (e > 0 && src->size != 1) {
            rc =
                rt_fail(ERR_VALUE, "setting an array element with a sequence.");
        } else if (e > 0) {
            memcpy(p, src->data, nd_dtype_size(a->dtype));
            rc = 0;
        } else if (e == 0) {
            rc =
                nd_index_set(a, k.items, k.n, src) < 0 ? rt_fail_from_lib() : 0;
        } else {
            rt_fail_from_lib();
        }
        nd_decref(src);
    }
    key_release(&k);
    return rc;
}

static int array_setitem(NdArray *a, Value key, Value v)
{
    if (key.kind == VK_TUPLE)
        return array_setitem_n(a, as_tuple(key)->items, as_tuple(key)->n, v);
    return array_setitem_n(a, &key, 1, v);
}

Value op_getitem_items(Value obj, const Value *keys, int n)
{
    if (obj.kind == VK_ARRAY)
        return array_getitem_n(obj.as.array, keys, n);
    Value t = v_tuple_new(n);
    if (v_is_err(t))
        return t;
    for (int i = 0; i < n; i++) {
        v_incref(keys[i]);
        tuple_set_take(t, i, keys[i]);
    }
    Value r = op_getitem(obj, t);
    v_decref(t);
    return r;
}

/* Python's slice.indices(len) over a sequence (lists, tuples, ranges). */
static int slice_resolve(const Slice *s, int64_t len, int64_t *start,
                         int64_t *step, int64_t *n)
{
    NdIndex it = {.kind = ND_INDEX_SLICE};
    bool has_step;
    if (slice_part(s->start, &it.has_start, &it.start) < 0 ||
        slice_part(s->stop, &it.has_stop, &it.stop) < 0 ||
        slice_part(s->step, &has_step, &it.step) < 0)
        return -1;
    if (!has_step)
        it.step = 1;
    if (nd_slice_indices(&it, len, start, step, n) < 0)
        return rt_fail_from_lib();
    return 0;
}

/* ------------------------------------------- sequences, dicts, natives */

static bool index_like(Value v)
{
    return (v.kind == VK_SCALAR &&
            (int_kind((NdType)v.dtype) || v.dtype == ND_BOOL)) ||
           (v.kind == VK_ARRAY && v.as.array->ndim == 0 &&
            int_kind(v.as.array->dtype));
}

/* A Python sequence index: negative from the end, IndexError
 * "list index out of range". */
static int seq_index(Value key, int64_t n, const char *what, int64_t *out)
{
    int64_t i;
    if (key.kind == VK_SCALAR && key.dtype == ND_UINT64 &&
        key.as.u > (uint64_t)INT64_MAX)
        return rt_fail(ERR_INDEX, "%s index out of range", what);
    if (value_to_int64(key, &i) < 0)
        return -1;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return rt_fail(ERR_INDEX, "%s index out of range", what);
    *out = i;
    return 0;
}

static Value seq_getitem(Value seq, Value key)
{
    bool is_list = seq.kind == VK_LIST;
    const char *what = is_list ? "list" : "tuple";
    int64_t n = is_list ? as_list(seq)->n : as_tuple(seq)->n;
    const Value *items = is_list ? as_list(seq)->items : as_tuple(seq)->items;
    if (index_like(key)) {
        int64_t i;
        if (seq_index(key, n, what, &i) < 0)
            return v_error();
        v_incref(items[i]);
        return items[i];
    }
    if (key.kind != VK_SLICE)
        return rt_raise(ERR_TYPE,
                        "%s indices must be integers or slices, not %s", what,
                        v_type_name(key));
    int64_t start, step, len;
    if (slice_resolve((Slice *)key.as.obj, n, &start, &step, &len) < 0)
        return v_error();
    if (is_list) {
        Value l = v_list_new(len);
        if (v_is_err(l))
            return l;
        for (int64_t k = 0; k < len; k++)
            if (list_append(l, items[start + k * step]) < 0) {
                v_decref(l);
                return v_error();
            }
        return l;
    }
    Value t = v_tuple_new(len);
    if (v_is_err(t))
        return t;
    for (int64_t k = 0; k < len; k++) {
        Value e = items[start + k * step];
        v_incref(e);
        tuple_set_take(t, k, e);
    }
    return t;
}

static Value range_getitem(Value rv, Value key)
{
    Range *r = (Range *)rv.as.obj;
    int64_t n = range_len(r);
    if (index_like(key)) {
        int64_t i;
        if (seq_index(key, n, "range object", &i) < 0)
            return v_error();
        return v_int(r->start + i * r->step);
    }
    if (key.kind != VK_SLICE)
        return rt_raise(ERR_TYPE,
                        "range indices must be integers or slices, not %s",
                        v_type_name(key));
    int64_t start, step, len;
    if (slice_resolve((Slice *)key.as.obj, n, &start, &step, &len) < 0)
        return v_error();
    i128 b = (i128)r->start + (i128)start * r->step;
    i128 st = (i128)r->step * step;
    i128 e = b + (i128)len * st;
    if (st > INT64_MAX || st < -INT64_MAX || e > INT64_MAX || e < INT64_MIN)
        return rt_raise(ERR_OVERFLOW, "range slice out of int64 range");
    return v_range((int64_t)b, (int64_t)e, (int64_t)st);
}

static Value key_error(Value key)
{
    Value r = v_to_repr(key);
    if (v_is_err(r))
        return r;
    rt_raise(ERR_KEY, "%s", as_str(r)->data);
    v_decref(r);
    return v_error();
}

Value op_getitem(Value obj, Value key)
{
    switch (obj.kind) {
    case VK_ARRAY: {
        NdArray *a = obj.as.array;
        /* The common a[i] on the first axis, without parsing. */
        if (key.kind == VK_SCALAR && key.dtype == ND_INT64 && a->ndim >= 1) {
            int64_t i = key.as.i, size = a->shape[0];
            if (i < -size || i >= size)
                return rt_raise(ERR_INDEX,
                                "index %" PRId64
                                " is out of bounds for axis 0 with size "
                                "%" PRId64,
                                i, size);
            return array_index0(a, i < 0 ? i + size : i);
        }
        return array_getitem(a, key);
    }
    case VK_LIST:
    case VK_TUPLE:
        return seq_getitem(obj, key);
    case VK_STR:
        return str_getitem(obj, key);
    case VK_RANGE:
        return range_getitem(obj, key);
    case VK_DICT: {
        Value r = dict_get(obj, key);
        if (v_is_err(r))
            return r;
        if (r.kind == VK_UNSET)
            return key_error(key);
        v_incref(r);
        return r;
    }
    case VK_OBJECT:
        if (native_type(obj)->getitem) {
            Value r = native_type(obj)->getitem(obj, key);
            if (r.kind != VK_UNSET)
                return r;
        }
        break;
    default:
        break;
    }
    return rt_raise(ERR_TYPE, "'%s' object is not subscriptable",
                    v_type_name(obj));
}

int op_setitem(Value obj, Value key, Value v)
{
    switch (obj.kind) {
    case VK_ARRAY:
        return array_setitem(obj.as.array, key, v);
    case VK_LIST: {
        List *l = as_list(obj);
        if (index_like(key)) {
            int64_t i;
            if (seq_index(key, l->n, "list assignment", &i) < 0)
                return -1;
            Value old = l->items[i];
            v_incref(v);
            l->items[i] = v;
            v_decref(old);
            return 0;
        }
        if (key.kind == VK_SLICE)
            return list_set_slice(obj, key, v);
        return rt_fail(ERR_TYPE,
                       "list indices must be integers or slices, not %s",
                       v_type_name(key));
    }
    case VK_DICT:
        return dict_set(obj, key, v);
    case VK_OBJECT:
        if (native_type(obj)->setitem)
            return native_type(obj)->setitem(obj, key, v);
        break;
    default:
        break;
    }
    return rt_fail(ERR_TYPE, "'%s' object does not support item assignment",
                   v_type_name(obj));
}

int op_delitem(Value obj, Value key)
{
    switch (obj.kind) {
    case VK_LIST: {
        List *l = as_list(obj);
        if (index_like(key)) {
            int64_t i;
            if (seq_index(key, l->n, "list assignment", &i) < 0)
                return -1;
            Value old = l->items[i];
            memmove(l->items + i, l->items + i + 1,
                    sizeof(Value) * (size_t)(l->n - i - 1));
            l->n--;
            v_decref(old);
            return 0;
        }
        if (key.kind == VK_SLICE)
            return list_del_slice(obj, key);
        return rt_fail(ERR_TYPE,
                       "list indices must be integers or slices, not %s",
                       v_type_name(key));
    }
    case VK_DICT: {
        Value r = dict_get(obj, key);
        if (v_is_err(r))
            return -1;
        if (r.kind == VK_UNSET) {
            key_error(key);
            return -1;
        }
        return dict_del(obj, key);
    }
    case VK_ARRAY:
        return rt_fail(ERR_VALUE, "cannot delete array elements");
    default:
        break;
    }
    return rt_fail(ERR_TYPE, "'%s' object doesn't support item deletion",
                   v_type_name(obj));
}

/* ---------------------------------------------------------- attributes */

static Value bound_method(const Namespace *ns, Value self, const char *name)
{
    const BuiltinDef *d = ns ? ns_lookup(ns, name) : NULL;
    if (!d)
        return v_unset();
    return v_builtin(d, self);
}

static Value bound_array_method(Value self, const char *name)
{
    const BuiltinDef *d = array_method_lookup(name);
    return d ? v_builtin(d, self) : v_unset();
}

static Value no_attribute(Value obj, const char *name)
{
    return rt_raise(ERR_ATTRIBUTE, "'%s' object has no attribute '%s'",
                    v_type_name(obj), name);
}

static Value array_attr(Value arr, const char *name)
{
    Value r = array_getattr(arr, name);
    if (r.kind != VK_UNSET)
        return r;
    r = bound_array_method(arr, name);
    if (r.kind != VK_UNSET)
        return r;
    static const char *const list_methods[] = {"append", "extend", "insert",
                                               "pop", "remove"};
    for (size_t i = 0; i < sizeof list_methods / sizeof list_methods[0]; i++)
        if (strcmp(name, list_methods[i]) == 0)
            return rt_raise(
                ERR_ATTRIBUTE,
                "'ndarray' object has no attribute '%s'; arrays have a fixed "
                "size: use list(a) for a growable list, or %s(a, ...) for a "
                "new array (e.g. append(a, 3))",
                name, strcmp(name, "insert") == 0 ? "insert" : "append");
    return no_attribute(arr, name);
}

Value op_getattr(Value obj, const char *name)
{
    Value r;
    switch (obj.kind) {
    case VK_ARRAY:
        return array_attr(obj, name);
    case VK_SCALAR:
        if (obj.weak) {
            /* Python numbers: real and imag. */
            bool cplx = obj.dtype == ND_COMPLEX128;
            if (strcmp(name, "real") == 0) {
                if (cplx)
                    return v_float(obj.as.c128.re);
                return obj.dtype == ND_BOOL ? v_int(obj.as.b) : obj;
            }
            if (strcmp(name, "imag") == 0) {
                if (cplx)
                    return v_float(obj.as.c128.im);
                return obj.dtype == ND_FLOAT64 ? v_float(0.0) : v_int(0);
            }
            return no_attribute(obj, name);
        }
        /* NumPy scalars have the attributes and methods of 0-d arrays. */
        {
            NdArray *a = value_to_array(obj, ND_NTYPES);
            if (!a)
                return v_error();
            Value av = {.kind = VK_ARRAY};
            av.as.array = a;
            r = array_getattr(av, name);
            if (r.kind == VK_UNSET)
                r = bound_array_method(av, name);
            nd_decref(a);
            if (r.kind == VK_UNSET)
                return no_attribute(obj, name);
            if (r.kind == VK_ARRAY && r.as.array->ndim == 0)
                return wrap_result(r.as.array);
            return r;
        }
    case VK_STR:
        r = bound_method(&ns_str_methods, obj, name);
        break;
    case VK_LIST:
        r = bound_method(&ns_list_methods, obj, name);
        break;
    case VK_DICT:
        r = bound_method(&ns_dict_methods, obj, name);
        break;
    case VK_MODULE:
        return module_getattr((Module *)obj.as.obj, name);
    case VK_TUPLE: {
        /* A named tuple's fields (linalg's EigResult, ...). */
        const Tuple *t = as_tuple(obj);
        r = v_unset();
        for (int i = 0; t->fields && i < t->fields->n; i++)
            if (strcmp(name, t->fields->names[i]) == 0) {
                r = t->items[i];
                v_incref(r);
            }
        break;
    }
    case VK_RANGE:
    case VK_SLICE:
        if (strcmp(name, "start") == 0 || strcmp(name, "stop") == 0 ||
            strcmp(name, "step") == 0) {
            if (obj.kind == VK_RANGE) {
                Range *rg = (Range *)obj.as.obj;
                return v_int(name[2] == 'a'   ? rg->start
                             : name[2] == 'o' ? rg->stop
                                              : rg->step);
            }
            Slice *s = (Slice *)obj.as.obj;
            r = name[2] == 'a' ? s->start : name[2] == 'o' ? s->stop : s->step;
            v_incref(r);
            return r;
        }
        r = v_unset();
        break;
    case VK_OBJECT: {
        const NativeType *t = native_type(obj);
        r = t->getattr ? t->getattr(obj, name) : v_unset();
        if (r.kind == VK_UNSET)
            r = bound_method(t->methods, obj, name);
        break;
    }
    default:
        r = v_unset();
        break;
    }
    if (r.kind != VK_UNSET)
        return r;
    return no_attribute(obj, name);
}

int op_setattr(Value obj, const char *name, Value v)
{
    if (obj.kind == VK_ARRAY)
        return array_setattr(obj, name, v);
    if (obj.kind == VK_OBJECT && native_type(obj)->setattr)
        return native_type(obj)->setattr(obj, name, v);
    Value r = op_getattr(obj, name);
    if (v_is_err(r)) {
        /* "'str' object has no attribute 'x'" says it all. */
        return -1;
    }
    v_decref(r);
    return rt_fail(ERR_ATTRIBUTE,
                   "attribute '%s' of '%s' objects is not "
                   "writable",
                   name, v_type_name(obj));
}
