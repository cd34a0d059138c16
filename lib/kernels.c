/* kernels.c — the typed inner loops of every elementwise ufunc and the
 * tables that list them in NumPy's `ufunc.types` order.  Each operation
 * family is written once as an element function template, expanded over the
 * dtype lists with X-macros; one loop template then turns every element
 * function into an NdLoop with fast paths for all-contiguous operands and
 * for one scalar (stride 0) operand, which gcc vectorises, plus the generic
 * strided path.  Results follow NumPy bit for bit: integers wrap, integer
 * division by zero gives 0 and raises the divide flag, floor division and
 * remainder use Python's sign conventions, complex division is Smith's
 * algorithm.  Float events come from the hardware flags (the driver collects
 * them); integer events, and the few float ones the hardware does not
 * signal, are raised here once per loop call. */
#include <complex.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define ND_LOOP_TEMPLATES
#include "loops.h"

/* ------------------------------------------------------ truth (all types) */

#define EL_TRUTH_REAL(op, sfx, T, NDT, W, M)                                   \
    static inline int truth_##sfx(T a)                                         \
    {                                                                          \
        return a != 0;                                                         \
    }
#define EL_TRUTH_CPX(op, sfx, T, NDT, W, M)                                    \
    static inline int truth_##sfx(T a)                                         \
    {                                                                          \
        return a.re != 0 || a.im != 0;                                         \
    }
BOOL_TYPE(EL_TRUTH_REAL, _)
INT_TYPES(EL_TRUTH_REAL, _)
FLOAT_TYPES(EL_TRUTH_REAL, _)
COMPLEX_TYPES(EL_TRUTH_CPX, _)

/* logical_and/or/xor/not accept every dtype and give bool. */
#define EL_LOGICAL(op, sfx, T, NDT, W, M)                                      \
    static inline ubool el_logical_and_##sfx(T a, T b, unsigned *st)           \
    {                                                                          \
        (void)st;                                                              \
        return truth_##sfx(a) && truth_##sfx(b);                               \
    }                                                                          \
    static inline ubool el_logical_or_##sfx(T a, T b, unsigned *st)            \
    {                                                                          \
        (void)st;                                                              \
        return truth_##sfx(a) || truth_##sfx(b);                               \
    }                                                                          \
    static inline ubool el_logical_xor_##sfx(T a, T b, unsigned *st)           \
    {                                                                          \
        (void)st;                                                              \
        return truth_##sfx(a) != truth_##sfx(b);                               \
    }                                                                          \
    static inline ubool el_logical_not_##sfx(T a, unsigned *st)                \
    {                                                                          \
        (void)st;                                                              \
        return !truth_##sfx(a);                                                \
    }
ALL_TYPES(EL_LOGICAL, _)

/* ------------------------------------------------------------------ bool */

/* NumPy's '??->?' add and multiply are logical or and and. */
static inline ubool el_add_b1(ubool a, ubool b, unsigned *st)
{
    (void)st;
    return a || b;
}
static inline ubool el_multiply_b1(ubool a, ubool b, unsigned *st)
{
    (void)st;
    return a && b;
}

/* Comparisons and bitwise operations see each byte as 0 or 1. */
#define EL_BOOL_BIN(name, expr)                                                \
    static inline ubool el_##name##_b1(ubool a0, ubool b0, unsigned *st)       \
    {                                                                          \
        int a = a0 != 0, b = b0 != 0;                                          \
        (void)st;                                                              \
        return (ubool)(expr);                                                  \
    }
EL_BOOL_BIN(equal, a == b)
EL_BOOL_BIN(not_equal, a != b)
EL_BOOL_BIN(less, a < b)
EL_BOOL_BIN(less_equal, a <= b)
EL_BOOL_BIN(greater, a > b)
EL_BOOL_BIN(greater_equal, a >= b)
EL_BOOL_BIN(bitwise_and, a &b)
EL_BOOL_BIN(bitwise_or, a | b)
EL_BOOL_BIN(bitwise_xor, a ^ b)

static inline ubool el_absolute_b1(ubool a, unsigned *st)
{
    (void)st;
    return a != 0;
}
static inline ubool el_invert_b1(ubool a, unsigned *st)
{
    (void)st;
    return a == 0;
}

/* --------------------------------------------------------------- integers */

/* Shared by signed and unsigned: arithmetic goes through W so it wraps
 * without UB; converting back to a narrower signed type is modular in gcc
 * (implementation-defined, not undefined). */
#define EL_INT_COMMON(op, sfx, T, NDT, W, M)                                   \
    static inline T el_add_##sfx(T a, T b, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return (T)((W)a + (W)b);                                               \
    }                                                                          \
    static inline T el_subtract_##sfx(T a, T b, unsigned *st)                  \
    {                                                                          \
        (void)st;                                                              \
        return (T)((W)a - (W)b);                                               \
    }                                                                          \
    static inline T el_multiply_##sfx(T a, T b, unsigned *st)                  \
    {                                                                          \
        (void)st;                                                              \
        return (T)((W)a * (W)b);                                               \
    }                                                                          \
    static inline ubool el_equal_##sfx(T a, T b, unsigned *st)                 \
    {                                                                          \
        (void)st;                                                              \
        return a == b;                                                         \
    }                                                                          \
    static inline ubool el_not_equal_##sfx(T a, T b, unsigned *st)             \
    {                                                                          \
        (void)st;                                                              \
        return a != b;                                                         \
    }                                                                          \
    static inline ubool el_less_##sfx(T a, T b, unsigned *st)                  \
    {                                                                          \
        (void)st;                                                              \
        return a < b;                                                          \
    }                                                                          \
    static inline ubool el_less_equal_##sfx(T a, T b, unsigned *st)            \
    {                                                                          \
        (void)st;                                                              \
        return a <= b;                                                         \
    }                                                                          \
    static inline ubool el_greater_##sfx(T a, T b, unsigned *st)               \
    {                                                                          \
        (void)st;                                                              \
        return a > b;                                                          \
    }                                                                          \
    static inline ubool el_greater_equal_##sfx(T a, T b, unsigned *st)         \
    {                                                                          \
        (void)st;                                                              \
        return a >= b;                                                         \
    }                                                                          \
    static inline T el_bitwise_and_##sfx(T a, T b, unsigned *st)               \
    {                                                                          \
        (void)st;                                                              \
        return (T)(a & b);                                                     \
    }                                                                          \
    static inline T el_bitwise_or_##sfx(T a, T b, unsigned *st)                \
    {                                                                          \
        (void)st;                                                              \
        return (T)(a | b);                                                     \
    }                                                                          \
    static inline T el_bitwise_xor_##sfx(T a, T b, unsigned *st)               \
    {                                                                          \
        (void)st;                                                              \
        return (T)(a ^ b);                                                     \
    }                                                                          \
    /* A count outside [0, width) — negative ones wrap to huge through W — \
     * shifts every bit out, as NumPy defines it. */                           \
    static inline T el_left_shift_##sfx(T a, T b, unsigned *st)                \
    {                                                                          \
        (void)st;                                                              \
        if ((W)b >= sizeof(T) * 8)                                             \
            return 0;                                                          \
        return (T)((W)a << (W)b);                                              \
    }                                                                          \
    static inline T el_negative_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return (T)(0u - (W)a);                                                 \
    }                                                                          \
    static inline T el_positive_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return a;                                                              \
    }                                                                          \
    static inline T el_invert_##sfx(T a, unsigned *st)                         \
    {                                                                          \
        (void)st;                                                              \
        return (T) ~(W)a;                                                      \
    }                                                                          \
    /* Repeated squaring in W: the wrapped result NumPy gives. */              \
    static inline T ipow_##sfx(T base, T exp)                                  \
    {                                                                          \
        W r = 1, p = (W)base, e = (W)exp;                                      \
        while (e) {                                                            \
            if (e & 1u)                                                        \
                r *= p;                                                        \
            p *= p;                                                            \
            e >>= 1;                                                           \
        }                                                                      \
        return (T)r;                                                           \
    }
INT_TYPES(EL_INT_COMMON, _)

#define EL_SINT(op, sfx, T, NDT, W, M)                                         \
    /* MIN // -1 overflows: NumPy gives MIN and the overflow flag. */          \
    static inline T el_floor_divide_##sfx(T a, T b, unsigned *st)              \
    {                                                                          \
        if (b == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            return 0;                                                          \
        }                                                                      \
        if (b == -1) {                                                         \
            if (a == M) {                                                      \
                *st |= ND_FPE_OVERFLOW;                                        \
                return a;                                                      \
            }                                                                  \
            return (T)-a;                                                      \
        }                                                                      \
        T q = (T)(a / b);                                                      \
        if ((a % b != 0) && ((a < 0) != (b < 0)))                              \
            q--;                                                               \
        return q;                                                              \
    }                                                                          \
    /* Python's remainder takes the divisor's sign. */                         \
    static inline T el_remainder_##sfx(T a, T b, unsigned *st)                 \
    {                                                                          \
        if (b == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            return 0;                                                          \
        }                                                                      \
        if (b == -1)                                                           \
            return 0;                                                          \
        T r = (T)(a % b);                                                      \
        if (r != 0 && ((r < 0) != (b < 0)))                                    \
            r = (T)(r + b);                                                    \
        return r;                                                              \
    }                                                                          \
    static inline T el_power_##sfx(T a, T b, unsigned *st)                     \
    {                                                                          \
        if (b < 0) {                                                           \
            *st |= ST_NEGPOW;                                                  \
            return 0;                                                          \
        }                                                                      \
        return ipow_##sfx(a, b);                                               \
    }                                                                          \
    /* Right shifts of negative values are arithmetic in gcc                   \
     * (implementation-defined, not UB); past the width only the sign is       \
     * left. */                                                                \
    static inline T el_right_shift_##sfx(T a, T b, unsigned *st)               \
    {                                                                          \
        (void)st;                                                              \
        if ((W)b >= sizeof(T) * 8)                                             \
            return a < 0 ? (T)-1 : 0;                                          \
        return (T)(a >> b);                                                    \
    }                                                                          \
    /* |MIN| wraps back to MIN, as in NumPy. */                                \
    static inline T el_absolute_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return a < 0 ? (T)(0u - (W)a) : a;                                     \
    }
SINT_TYPES(EL_SINT, _)

#define EL_UINT(op, sfx, T, NDT, W, M)                                         \
    static inline T el_floor_divide_##sfx(T a, T b, unsigned *st)              \
    {                                                                          \
        if (b == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            return 0;                                                          \
        }                                                                      \
        return (T)(a / b);                                                     \
    }                                                                          \
    static inline T el_remainder_##sfx(T a, T b, unsigned *st)                 \
    {                                                                          \
        if (b == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            return 0;                                                          \
        }                                                                      \
        return (T)(a % b);                                                     \
    }                                                                          \
    static inline T el_power_##sfx(T a, T b, unsigned *st)                     \
    {                                                                          \
        (void)st;                                                              \
        return ipow_##sfx(a, b);                                               \
    }                                                                          \
    static inline T el_right_shift_##sfx(T a, T b, unsigned *st)               \
    {                                                                          \
        (void)st;                                                              \
        if ((W)b >= sizeof(T) * 8)                                             \
            return 0;                                                          \
        return (T)(a >> b);                                                    \
    }                                                                          \
    static inline T el_absolute_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return a;                                                              \
    }
UINT_TYPES(EL_UINT, _)

/* ----------------------------------------------------------------- floats */

/* Comparisons use the quiet <math.h> macros: NumPy's float comparisons do
 * not raise "invalid" for NaN, while a plain `<` compiles to a signalling
 * compare. */
#define EL_FLOAT(op, sfx, T, NDT, W, M)                                        \
    static inline T el_add_##sfx(T a, T b, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return a + b;                                                          \
    }                                                                          \
    static inline T el_subtract_##sfx(T a, T b, unsigned *st)                  \
    {                                                                          \
        (void)st;                                                              \
        return a - b;                                                          \
    }                                                                          \
    static inline T el_multiply_##sfx(T a, T b, unsigned *st)                  \
    {                                                                          \
        (void)st;                                                              \
        return a * b;                                                          \
    }                                                                          \
    static inline T el_true_divide_##sfx(T a, T b, unsigned *st)               \
    {                                                                          \
        (void)st;                                                              \
        return a / b;                                                          \
    }                                                                          \
    /* CPython's float_divmod: fmod, then move the remainder to the            \
     * divisor's sign and snap the quotient to the nearest integer. */         \
    static inline T divmod_##sfx(T a, T b, T *modulus)                         \
    {                                                                          \
        T mod = fmod##M(a, b);                                                 \
        T div = (a - mod) / b;                                                 \
        if (mod != 0) {                                                        \
            if (isless(b, 0) != isless(mod, 0)) {                              \
                mod += b;                                                      \
                div -= 1;                                                      \
            }                                                                  \
        } else {                                                               \
            mod = copysign##M(0, b);                                           \
        }                                                                      \
        T floordiv;                                                            \
        if (div != 0) {                                                        \
            floordiv = floor##M(div);                                          \
            if (isgreater(div - floordiv, (T)0.5))                             \
                floordiv += 1;                                                 \
        } else {                                                               \
            floordiv = copysign##M(0, a / b);                                  \
        }                                                                      \
        *modulus = mod;                                                        \
        return floordiv;                                                       \
    }                                                                          \
    /* x // 0 is x / 0 with IEEE's flags, as NumPy: 0 / 0 is invalid, a        \
     * finite x / 0 divides by zero, and inf / 0 and NaN / 0 are quiet. */     \
    static inline T el_floor_divide_##sfx(T a, T b, unsigned *st)              \
    {                                                                          \
        T mod;                                                                 \
        if (b == 0) {                                                          \
            if (a == 0)                                                        \
                *st |= ND_FPE_INVALID;                                         \
            else if (isfinite(a))                                              \
                *st |= ND_FPE_DIVIDEBYZERO;                                    \
            return a / b;                                                      \
        }                                                                      \
        return divmod_##sfx(a, b, &mod);                                       \
    }                                                                          \
    static inline T el_remainder_##sfx(T a, T b, unsigned *st)                 \
    {                                                                          \
        T mod;                                                                 \
        (void)st;                                                              \
        if (b == 0)                                                            \
            return fmod##M(a, b);                                              \
        divmod_##sfx(a, b, &mod);                                              \
        return mod;                                                            \
    }                                                                          \
    static inline T el_power_##sfx(T a, T b, unsigned *st)                     \
    {                                                                          \
        (void)st;                                                              \
        return pow##M(a, b);                                                   \
    }                                                                          \
    static inline ubool el_equal_##sfx(T a, T b, unsigned *st)                 \
    {                                                                          \
        (void)st;                                                              \
        return a == b;                                                         \
    }                                                                          \
    static inline ubool el_not_equal_##sfx(T a, T b, unsigned *st)             \
    {                                                                          \
        (void)st;                                                              \
        return a != b;                                                         \
    }                                                                          \
    static inline ubool el_less_##sfx(T a, T b, unsigned *st)                  \
    {                                                                          \
        (void)st;                                                              \
        return isless(a, b);                                                   \
    }                                                                          \
    static inline ubool el_less_equal_##sfx(T a, T b, unsigned *st)            \
    {                                                                          \
        (void)st;                                                              \
        return islessequal(a, b);                                              \
    }                                                                          \
    static inline ubool el_greater_##sfx(T a, T b, unsigned *st)               \
    {                                                                          \
        (void)st;                                                              \
        return isgreater(a, b);                                                \
    }                                                                          \
    static inline ubool el_greater_equal_##sfx(T a, T b, unsigned *st)         \
    {                                                                          \
        (void)st;                                                              \
        return isgreaterequal(a, b);                                           \
    }                                                                          \
    static inline T el_negative_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return -a;                                                             \
    }                                                                          \
    static inline T el_positive_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return a;                                                              \
    }                                                                          \
    static inline T el_absolute_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return fabs##M(a);                                                     \
    }
FLOAT_TYPES(EL_FLOAT, _)

float nd_divmod_f32(float a, float b, float *mod)
{
    return divmod_f32(a, b, mod);
}

double nd_divmod_f64(double a, double b, double *mod)
{
    return divmod_f64(a, b, mod);
}

/* ---------------------------------------------------------------- complex */

/* libm's cpow for the general case of complex power (NumPy's fallback). */
static inline nd_complex64 sys_cpow_c64(nd_complex64 a, nd_complex64 b)
{
    float complex r = cpowf(CMPLXF(a.re, a.im), CMPLXF(b.re, b.im));
    return (nd_complex64){crealf(r), cimagf(r)};
}
static inline nd_complex128 sys_cpow_c128(nd_complex128 a, nd_complex128 b)
{
    double complex r = cpow(CMPLX(a.re, a.im), CMPLX(b.re, b.im));
    return (nd_complex128){creal(r), cimag(r)};
}

/* The ordered complex comparisons are lexicographic, the real parts
 * compared strictly first.  NumPy evaluates them with signalling compares,
 * so a NaN that takes part raises "invalid"; the quiet macros plus an
 * explicit check give the same result and flag. */
#define CPX_ORDER(name, STRICT, REL, sfx, T)                                   \
    static inline ubool el_##name##_##sfx(T a, T b, unsigned *st)              \
    {                                                                          \
        if (isnan(a.re) || isnan(b.re) ||                                      \
            (a.re == b.re && (isnan(a.im) || isnan(b.im))))                    \
            *st |= ND_FPE_INVALID;                                             \
        return (STRICT(a.re, b.re) && !isnan(a.im) && !isnan(b.im)) ||         \
               (a.re == b.re && REL(a.im, b.im));                              \
    }

#define EL_COMPLEX(op, sfx, T, NDT, R, M)                                      \
    static inline T cmul_##sfx(T a, T b)                                       \
    {                                                                          \
        return (T){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};      \
    }                                                                          \
    /* Smith's algorithm: divide through by the larger component of b so       \
     * the intermediate products cannot overflow needlessly. */                \
    static inline T cdiv_##sfx(T a, T b)                                       \
    {                                                                          \
        R abs_br = fabs##M(b.re), abs_bi = fabs##M(b.im);                      \
        if (abs_br >= abs_bi) {                                                \
            if (abs_br == 0 && abs_bi == 0)                                    \
                return (T){a.re / abs_br, a.im / abs_br};                      \
            R rat = b.im / b.re;                                               \
            R scl = (R)1 / (b.re + b.im * rat);                                \
            return (T){(a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl};  \
        }                                                                      \
        R rat = b.re / b.im;                                                   \
        R scl = (R)1 / (b.im + b.re * rat);                                    \
        return (T){(a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl};      \
    }                                                                          \
    static inline T el_add_##sfx(T a, T b, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return (T){a.re + b.re, a.im + b.im};                                  \
    }                                                                          \
    static inline T el_subtract_##sfx(T a, T b, unsigned *st)                  \
    {                                                                          \
        (void)st;                                                              \
        return (T){a.re - b.re, a.im - b.im};                                  \
    }                                                                          \
    static inline T el_multiply_##sfx(T a, T b, unsigned *st)                  \
    {                                                                          \
        (void)st;                                                              \
        return cmul_##sfx(a, b);                                               \
    }                                                                          \
    static inline T el_true_divide_##sfx(T a, T b, unsigned *st)               \
    {                                                                          \
        (void)st;                                                              \
        return cdiv_##sfx(a, b);                                               \
    }                                                                          \
    /* NumPy's cpow: x**0 is 1, 0**b is 0 only for a positive real b (else     \
     * nan with "invalid"), integer exponents below 100 in magnitude by        \
     * repeated multiplication (exact for small Gaussian integers), the rest   \
     * through libm's cpow. */                                                 \
    static inline T el_power_##sfx(T a, T b, unsigned *st)                     \
    {                                                                          \
        if (b.re == 0 && b.im == 0)                                            \
            return (T){1, 0};                                                  \
        if (a.re == 0 && a.im == 0) {                                          \
            if (isgreater(b.re, 0) && b.im == 0)                               \
                return (T){0, 0};                                              \
            *st |= ND_FPE_INVALID;                                             \
            return (T){(R)NAN, (R)NAN};                                        \
        }                                                                      \
        if (b.im == 0 && isgreater(b.re, -100) && isless(b.re, 100) &&         \
            b.re == (R)(int)b.re) {                                            \
            int n = (int)b.re;                                                 \
            if (n == 1)                                                        \
                return a;                                                      \
            if (n == 2)                                                        \
                return cmul_##sfx(a, a);                                       \
            if (n == 3)                                                        \
                return cmul_##sfx(a, cmul_##sfx(a, a));                        \
            unsigned e = (unsigned)(n < 0 ? -n : n), mask = 1;                 \
            T acc = {1, 0}, p = a;                                             \
            for (;;) {                                                         \
                if (e & mask)                                                  \
                    acc = cmul_##sfx(acc, p);                                  \
                mask <<= 1;                                                    \
                if (e < mask)                                                  \
                    break;                                                     \
                p = cmul_##sfx(p, p);                                          \
            }                                                                  \
            if (n < 0)                                                         \
                acc = cdiv_##sfx((T){1, 0}, acc);                              \
            return acc;                                                        \
        }                                                                      \
        return sys_cpow_##sfx(a, b);                                           \
    }                                                                          \
    static inline ubool el_equal_##sfx(T a, T b, unsigned *st)                 \
    {                                                                          \
        (void)st;                                                              \
        return a.re == b.re && a.im == b.im;                                   \
    }                                                                          \
    static inline ubool el_not_equal_##sfx(T a, T b, unsigned *st)             \
    {                                                                          \
        (void)st;                                                              \
        return a.re != b.re || a.im != b.im;                                   \
    }                                                                          \
    CPX_ORDER(less, isless, isless, sfx, T)                                    \
    CPX_ORDER(less_equal, isless, islessequal, sfx, T)                         \
    CPX_ORDER(greater, isgreater, isgreater, sfx, T)                           \
    CPX_ORDER(greater_equal, isgreater, isgreaterequal, sfx, T)                \
    static inline T el_negative_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return (T){-a.re, -a.im};                                              \
    }                                                                          \
    static inline T el_positive_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return a;                                                              \
    }                                                                          \
    static inline R el_absolute_##sfx(T a, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        return hypot##M(a.re, a.im);                                           \
    }
COMPLEX_TYPES(EL_COMPLEX, _)

/* float_power's complex loops (math.c) share power's algorithm. */
nd_complex64 nd_cpow_c64(nd_complex64 a, nd_complex64 b, unsigned *st)
{
    return el_power_c64(a, b, st);
}

nd_complex128 nd_cpow_c128(nd_complex128 a, nd_complex128 b, unsigned *st)
{
    return el_power_c128(a, b, st);
}

/* ------------------------------------------------------------------ loops */

/* Arithmetic. */
BOOL_TYPE(X_BIN_SAME, add)
NUM_TYPES(X_BIN_SAME, add)
NUM_TYPES(X_BIN_SAME, subtract)
BOOL_TYPE(X_BIN_SAME, multiply)
NUM_TYPES(X_BIN_SAME, multiply)
FLOAT_TYPES(X_BIN_SAME, true_divide)
COMPLEX_TYPES(X_BIN_SAME, true_divide)
INT_TYPES(X_BIN_SAME, floor_divide)
FLOAT_TYPES(X_BIN_SAME, floor_divide)
INT_TYPES(X_BIN_SAME, remainder)
FLOAT_TYPES(X_BIN_SAME, remainder)
NUM_TYPES(X_BIN_SAME, power)

/* Comparisons and logical operations: every dtype in, bool out. */
ALL_TYPES(X_BIN_BOOL, equal)
ALL_TYPES(X_BIN_BOOL, not_equal)
BOOL_TYPE(X_BIN_BOOL, less)
INT_TYPES(X_BIN_BOOL, less)
FLOAT_TYPES(X_BIN_QUIET, less)
COMPLEX_TYPES(X_BIN_QUIET, less)
BOOL_TYPE(X_BIN_BOOL, less_equal)
INT_TYPES(X_BIN_BOOL, less_equal)
FLOAT_TYPES(X_BIN_QUIET, less_equal)
COMPLEX_TYPES(X_BIN_QUIET, less_equal)
BOOL_TYPE(X_BIN_BOOL, greater)
INT_TYPES(X_BIN_BOOL, greater)
FLOAT_TYPES(X_BIN_QUIET, greater)
COMPLEX_TYPES(X_BIN_QUIET, greater)
BOOL_TYPE(X_BIN_BOOL, greater_equal)
INT_TYPES(X_BIN_BOOL, greater_equal)
FLOAT_TYPES(X_BIN_QUIET, greater_equal)
COMPLEX_TYPES(X_BIN_QUIET, greater_equal)
ALL_TYPES(X_BIN_BOOL, logical_and)
ALL_TYPES(X_BIN_BOOL, logical_or)
ALL_TYPES(X_BIN_BOOL, logical_xor)
ALL_TYPES(X_UN_BOOL, logical_not)

/* Bitwise operations and shifts. */
BOOL_TYPE(X_BIN_SAME, bitwise_and)
INT_TYPES(X_BIN_SAME, bitwise_and)
BOOL_TYPE(X_BIN_SAME, bitwise_or)
INT_TYPES(X_BIN_SAME, bitwise_or)
BOOL_TYPE(X_BIN_SAME, bitwise_xor)
INT_TYPES(X_BIN_SAME, bitwise_xor)
INT_TYPES(X_BIN_SAME, left_shift)
INT_TYPES(X_BIN_SAME, right_shift)
BOOL_TYPE(X_UN_SAME, invert)
INT_TYPES(X_UN_SAME, invert)

/* Unary arithmetic. */
NUM_TYPES(X_UN_SAME, negative)
NUM_TYPES(X_UN_SAME, positive)
BOOL_TYPE(X_UN_SAME, absolute)
INT_TYPES(X_UN_SAME, absolute)
FLOAT_TYPES(X_UN_SAME, absolute)
COMPLEX_TYPES(X_UN_REAL, absolute)

/* ----------------------------------------------------------------- tables */

#define E_SAME(op, sfx, T, NDT, W, M)                                          \
    {{NDT, NDT, ND_NTYPES}, NDT, loop_##op##_##sfx, ND_NTYPES},
#define E_BOOL(op, sfx, T, NDT, W, M)                                          \
    {{NDT, NDT, ND_NTYPES}, ND_BOOL, loop_##op##_##sfx, ND_NTYPES},
#define E_UN_SAME(op, sfx, T, NDT, W, M)                                       \
    {{NDT, ND_NTYPES, ND_NTYPES}, NDT, loop_##op##_##sfx, ND_NTYPES},
#define E_UN_BOOL(op, sfx, T, NDT, W, M)                                       \
    {{NDT, ND_NTYPES, ND_NTYPES}, ND_BOOL, loop_##op##_##sfx, ND_NTYPES},
/* complex -> its component type (absolute) */
#define REAL_NDT_c64 ND_FLOAT32
#define REAL_NDT_c128 ND_FLOAT64
#define E_UN_REAL(op, sfx, T, NDT, R, M)                                       \
    {{NDT, ND_NTYPES, ND_NTYPES}, REAL_NDT_##sfx, loop_##op##_##sfx, ND_NTYPES},
#define E_END                                                                  \
    {                                                                          \
        {ND_NTYPES, ND_NTYPES, ND_NTYPES}, ND_NTYPES, NULL, ND_NTYPES          \
    }

static const NdKernel k_add[] = {ALL_TYPES(E_SAME, add) E_END};
static const NdKernel k_subtract[] = {NUM_TYPES(E_SAME, subtract) E_END};
static const NdKernel k_multiply[] = {ALL_TYPES(E_SAME, multiply) E_END};
static const NdKernel k_true_divide[] = {
    FLOAT_TYPES(E_SAME, true_divide) COMPLEX_TYPES(E_SAME, true_divide) E_END};
static const NdKernel k_floor_divide[] = {
    INT_TYPES(E_SAME, floor_divide) FLOAT_TYPES(E_SAME, floor_divide) E_END};
static const NdKernel k_remainder[] = {
    INT_TYPES(E_SAME, remainder) FLOAT_TYPES(E_SAME, remainder) E_END};
static const NdKernel k_power[] = {NUM_TYPES(E_SAME, power) E_END};
static const NdKernel k_equal[] = {ALL_TYPES(E_BOOL, equal) E_END};
static const NdKernel k_not_equal[] = {ALL_TYPES(E_BOOL, not_equal) E_END};
static const NdKernel k_less[] = {ALL_TYPES(E_BOOL, less) E_END};
static const NdKernel k_less_equal[] = {ALL_TYPES(E_BOOL, less_equal) E_END};
static const NdKernel k_greater[] = {ALL_TYPES(E_BOOL, greater) E_END};
static const NdKernel k_greater_equal[] = {ALL_TYPES(E_BOOL, greater_equal)
                                               E_END};
static const NdKernel k_logical_and[] = {ALL_TYPES(E_BOOL, logical_and) E_END};
static const NdKernel k_logical_or[] = {ALL_TYPES(E_BOOL, logical_or) E_END};
static const NdKernel k_logical_xor[] = {ALL_TYPES(E_BOOL, logical_xor) E_END};
static const NdKernel k_bitwise_and[] = {
    BOOL_TYPE(E_SAME, bitwise_and) INT_TYPES(E_SAME, bitwise_and) E_END};
static const NdKernel k_bitwise_or[] = {
    BOOL_TYPE(E_SAME, bitwise_or) INT_TYPES(E_SAME, bitwise_or) E_END};
static const NdKernel k_bitwise_xor[] = {
    BOOL_TYPE(E_SAME, bitwise_xor) INT_TYPES(E_SAME, bitwise_xor) E_END};
static const NdKernel k_left_shift[] = {INT_TYPES(E_SAME, left_shift) E_END};
static const NdKernel k_right_shift[] = {INT_TYPES(E_SAME, right_shift) E_END};
static const NdKernel k_negative[] = {NUM_TYPES(E_UN_SAME, negative) E_END};
static const NdKernel k_positive[] = {NUM_TYPES(E_UN_SAME, positive) E_END};
static const NdKernel k_absolute[] = {
    BOOL_TYPE(E_UN_SAME, absolute) INT_TYPES(E_UN_SAME, absolute)
        FLOAT_TYPES(E_UN_SAME, absolute) COMPLEX_TYPES(E_UN_REAL, absolute)
            E_END};
static const NdKernel k_logical_not[] = {ALL_TYPES(E_UN_BOOL, logical_not)
                                             E_END};
static const NdKernel k_invert[] = {BOOL_TYPE(E_UN_SAME, invert)
                                        INT_TYPES(E_UN_SAME, invert) E_END};

static const NdKernel *const kernel_tables[ND_UF_SQRT] = {
    [ND_UF_ADD] = k_add,
    [ND_UF_SUBTRACT] = k_subtract,
    [ND_UF_MULTIPLY] = k_multiply,
    [ND_UF_TRUE_DIVIDE] = k_true_divide,
    [ND_UF_FLOOR_DIVIDE] = k_floor_divide,
    [ND_UF_REMAINDER] = k_remainder,
    [ND_UF_POWER] = k_power,
    [ND_UF_EQUAL] = k_equal,
    [ND_UF_NOT_EQUAL] = k_not_equal,
    [ND_UF_LESS] = k_less,
    [ND_UF_LESS_EQUAL] = k_less_equal,
    [ND_UF_GREATER] = k_greater,
    [ND_UF_GREATER_EQUAL] = k_greater_equal,
    [ND_UF_LOGICAL_AND] = k_logical_and,
    [ND_UF_LOGICAL_OR] = k_logical_or,
    [ND_UF_LOGICAL_XOR] = k_logical_xor,
    [ND_UF_BITWISE_AND] = k_bitwise_and,
    [ND_UF_BITWISE_OR] = k_bitwise_or,
    [ND_UF_BITWISE_XOR] = k_bitwise_xor,
    [ND_UF_LEFT_SHIFT] = k_left_shift,
    [ND_UF_RIGHT_SHIFT] = k_right_shift,
    [ND_UF_NEGATIVE] = k_negative,
    [ND_UF_POSITIVE] = k_positive,
    [ND_UF_ABSOLUTE] = k_absolute,
    [ND_UF_LOGICAL_NOT] = k_logical_not,
    [ND_UF_INVERT] = k_invert,
};

const NdKernel *nd_kernels(NdUfuncId op)
{
    static const NdKernel none[] = {E_END};
    if ((unsigned)op >= ND_UF_COUNT)
        return none;
    if (op >= ND_UF_SQRT)
        return nd_math_kernels(op);
    return kernel_tables[op];
}
