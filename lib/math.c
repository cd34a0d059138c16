/* math.c — the loops of NumPy's math ufuncs (sqrt, exp, log, the
 * trigonometric and hyperbolic families, rounding, sign and classification,
 * maximum/minimum and fmax/fmin, gcd/lcm, the two-output modf, frexp and
 * divmod, the three-input clip) and NumPy's functions built on them
 * (around, clip, nan_to_num, real/imag/angle, isposinf/isneginf, fix, sinc,
 * i0).  The loops use kernels.c's dtype lists and loop templates (loops.h)
 * and are listed, as there, in NumPy's `ufunc.types` order less the dtypes
 * nd does not have; type resolution (ufunc.c) then picks the first loop the
 * inputs reach by a safe cast, exactly as NumPy's linear search does.
 * Where NumPy would pick float16 (int8, uint8 and bool inputs of sqrt,
 * sin, arctan2, ...), that search lands on float32, nd having no float16.
 *
 * Special values follow C99 Annex F, which NumPy's loops also rely on (log
 * of 0 is -inf, sqrt of -1 is nan, ...); their floating-point events are
 * the hardware flags, which the ufunc driver collects around each call.
 * The few functions NumPy writes itself (logaddexp, spacing, heaviside,
 * complex sign, log1p, expm1, exp2, log2 and log10 of complex numbers) are
 * written here after NumPy's definitions. */
#include <complex.h>
#include <fenv.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define ND_LOOP_TEMPLATES
#include "loops.h"

#define PI_D 3.141592653589793238462643383279502884
#define LN2_D 0.693147180559945309417232121458176568
#define LOG2E_D 1.442695040888963407359924681001892137
#define LOG10E_D 0.434294481903251827651128918916605082

/* ------------------------------------------------- more loop templates */

/* One input, two outputs (modf, frexp). */
#define DEF_UNARY2(op, sfx, TI, TO1, TO2)                                      \
    static void loop_##op##_##sfx(char **args, int64_t n,                      \
                                  const int64_t *steps)                        \
    {                                                                          \
        unsigned st = 0;                                                       \
        for (int64_t i = 0; i < n; i++) {                                      \
            TI a;                                                              \
            TO1 r1;                                                            \
            TO2 r2;                                                            \
            memcpy(&a, args[0] + i * steps[0], sizeof a);                      \
            r1 = el_##op##_##sfx(a, &r2, &st);                                 \
            memcpy(args[1] + i * steps[1], &r1, sizeof r1);                    \
            memcpy(args[2] + i * steps[2], &r2, sizeof r2);                    \
        }                                                                      \
        if (st)                                                                \
            report_status(st, #op);                                            \
    }

/* Two inputs of different types (ldexp's float, int). */
#define DEF_BINARY_MIXED(op, sfx, TA, TB, TO)                                  \
    static void loop_##op##_##sfx(char **args, int64_t n,                      \
                                  const int64_t *steps)                        \
    {                                                                          \
        unsigned st = 0;                                                       \
        for (int64_t i = 0; i < n; i++) {                                      \
            TA a;                                                              \
            TB b;                                                              \
            memcpy(&a, args[0] + i * steps[0], sizeof a);                      \
            memcpy(&b, args[1] + i * steps[1], sizeof b);                      \
            TO r = el_##op##_##sfx(a, b, &st);                                 \
            memcpy(args[2] + i * steps[2], &r, sizeof r);                      \
        }                                                                      \
        if (st)                                                                \
            report_status(st, #op);                                            \
    }

/* Two inputs, two outputs of one type (divmod). */
#define DEF_BINARY2(op, sfx, T)                                                \
    static void loop_##op##_##sfx(char **args, int64_t n,                      \
                                  const int64_t *steps)                        \
    {                                                                          \
        unsigned st = 0;                                                       \
        for (int64_t i = 0; i < n; i++) {                                      \
            T a, b, r2;                                                        \
            memcpy(&a, args[0] + i * steps[0], sizeof a);                      \
            memcpy(&b, args[1] + i * steps[1], sizeof b);                      \
            T r1 = el_##op##_##sfx(a, b, &r2, &st);                            \
            memcpy(args[2] + i * steps[2], &r1, sizeof r1);                    \
            memcpy(args[3] + i * steps[3], &r2, sizeof r2);                    \
        }                                                                      \
        if (st)                                                                \
            report_status(st, #op);                                            \
    }

/* Three inputs of one type (clip). */
#define DEF_TERNARY(op, sfx, T)                                                \
    static void loop_##op##_##sfx(char **args, int64_t n,                      \
                                  const int64_t *steps)                        \
    {                                                                          \
        for (int64_t i = 0; i < n; i++) {                                      \
            T a, b, c;                                                         \
            memcpy(&a, args[0] + i * steps[0], sizeof a);                      \
            memcpy(&b, args[1] + i * steps[1], sizeof b);                      \
            memcpy(&c, args[2] + i * steps[2], sizeof c);                      \
            T r = el_##op##_##sfx(a, b, c);                                    \
            memcpy(args[3] + i * steps[3], &r, sizeof r);                      \
        }                                                                      \
    }

/* Loops whose vectorised compares (maxps, cmpltps) would signal "invalid"
 * on a quiet NaN where NumPy's loops stay silent: drop the flag the loop
 * raised, keeping one that was already pending (as kernels.c's compares). */
#define DEF_QUIET_BINARY(op, sfx, T)                                           \
    DEF_BINARY_NAMED(signalling_##op##_##sfx, op, sfx, T, T)                   \
    static void loop_##op##_##sfx(char **args, int64_t n,                      \
                                  const int64_t *steps)                        \
    {                                                                          \
        int pending = fetestexcept(FE_INVALID);                                \
        signalling_##op##_##sfx(args, n, steps);                               \
        if (!pending)                                                          \
            feclearexcept(FE_INVALID);                                         \
    }
#define DEF_QUIET_UNARY(op, sfx, T)                                            \
    DEF_UNARY_NAMED(signalling_##op##_##sfx, op, sfx, T, T)                    \
    static void loop_##op##_##sfx(char **args, int64_t n,                      \
                                  const int64_t *steps)                        \
    {                                                                          \
        int pending = fetestexcept(FE_INVALID);                                \
        signalling_##op##_##sfx(args, n, steps);                               \
        if (!pending)                                                          \
            feclearexcept(FE_INVALID);                                         \
    }
#define X_QUIET_BIN(op, sfx, T, NDT, W, M) DEF_QUIET_BINARY(op, sfx, T)
#define X_QUIET_UN(op, sfx, T, NDT, W, M) DEF_QUIET_UNARY(op, sfx, T)

#define X_BIN2(op, sfx, T, NDT, W, M) DEF_BINARY2(op, sfx, T)
#define X_TERN(op, sfx, T, NDT, W, M) DEF_TERNARY(op, sfx, T)

/* ------------------------------------------------------ complex helpers */

static inline float complex to_c64(nd_complex64 a)
{
    return CMPLXF(a.re, a.im);
}
static inline double complex to_c128(nd_complex128 a)
{
    return CMPLX(a.re, a.im);
}
static inline nd_complex64 from_c64(float complex z)
{
    return (nd_complex64){crealf(z), cimagf(z)};
}
static inline nd_complex128 from_c128(double complex z)
{
    return (nd_complex128){creal(z), cimag(z)};
}

/* ----------------------------------------------- libm wrappers (floats) */

#define F_LIBM_(op, cfn, sfx, T, M)                                            \
    static inline T el_##op##_##sfx(T a, unsigned *st)                         \
    {                                                                          \
        (void)st;                                                              \
        return cfn##M(a);                                                      \
    }
#define F_LIBM(op, cfn)                                                        \
    F_LIBM_(op, cfn, f32, float, f) F_LIBM_(op, cfn, f64, double, )

F_LIBM(sqrt, sqrt)
F_LIBM(cbrt, cbrt)
F_LIBM(exp, exp)
F_LIBM(exp2, exp2)
F_LIBM(expm1, expm1)
F_LIBM(log, log)
F_LIBM(log2, log2)
F_LIBM(log10, log10)
F_LIBM(log1p, log1p)
F_LIBM(sin, sin)
F_LIBM(cos, cos)
F_LIBM(tan, tan)
F_LIBM(arcsin, asin)
F_LIBM(arccos, acos)
F_LIBM(arctan, atan)
F_LIBM(sinh, sinh)
F_LIBM(cosh, cosh)
F_LIBM(tanh, tanh)
F_LIBM(arcsinh, asinh)
F_LIBM(arccosh, acosh)
F_LIBM(arctanh, atanh)
F_LIBM(floor, floor)
F_LIBM(ceil, ceil)
F_LIBM(trunc, trunc)
F_LIBM(rint, rint)
F_LIBM(fabs, fabs)

#define F_LIBM2_(op, cfn, sfx, T, M)                                           \
    static inline T el_##op##_##sfx(T a, T b, unsigned *st)                    \
    {                                                                          \
        (void)st;                                                              \
        return cfn##M(a, b);                                                   \
    }
#define F_LIBM2(op, cfn)                                                       \
    F_LIBM2_(op, cfn, f32, float, f) F_LIBM2_(op, cfn, f64, double, )

F_LIBM2(arctan2, atan2)
F_LIBM2(hypot, hypot)
F_LIBM2(copysign, copysign)
F_LIBM2(nextafter, nextafter)
F_LIBM2(fmod, fmod)
F_LIBM2(float_power, pow)

/* --------------------------------------------- libm wrappers (complex) */

#define C_LIBM_(op, cfn, sfx, T, M)                                            \
    static inline T el_##op##_##sfx(T a, unsigned *st)                         \
    {                                                                          \
        (void)st;                                                              \
        return from_##sfx(c##cfn##M(to_##sfx(a)));                             \
    }
#define C_LIBM(op, cfn)                                                        \
    C_LIBM_(op, cfn, c64, nd_complex64, f)                                     \
    C_LIBM_(op, cfn, c128, nd_complex128, )

C_LIBM(sqrt, sqrt)
C_LIBM(exp, exp)
C_LIBM(log, log)
C_LIBM(sin, sin)
C_LIBM(cos, cos)
C_LIBM(tan, tan)
C_LIBM(arcsin, asin)
C_LIBM(arccos, acos)
C_LIBM(arctan, atan)
C_LIBM(sinh, sinh)
C_LIBM(cosh, cosh)
C_LIBM(tanh, tanh)
C_LIBM(arcsinh, asinh)
C_LIBM(arccosh, acosh)
C_LIBM(arctanh, atanh)

/* The complex functions NumPy defines itself (its nc_* helpers). */
#define EL_CPX_MISC(op, sfx, T, NDT, R, M)                                     \
    static inline T el_exp2_##sfx(T a, unsigned *st)                           \
    {                                                                          \
        T b = {a.re * (R)LN2_D, a.im * (R)LN2_D};                              \
        return el_exp_##sfx(b, st);                                            \
    }                                                                          \
    static inline T el_expm1_##sfx(T a, unsigned *st)                          \
    {                                                                          \
        (void)st;                                                              \
        R h = sin##M(a.im / 2);                                                \
        return (T){expm1##M(a.re) * cos##M(a.im) - 2 * h * h,                  \
                   exp##M(a.re) * sin##M(a.im)};                               \
    }                                                                          \
    static inline T el_log2_##sfx(T a, unsigned *st)                           \
    {                                                                          \
        T r = el_log_##sfx(a, st);                                             \
        return (T){r.re * (R)LOG2E_D, r.im * (R)LOG2E_D};                      \
    }                                                                          \
    static inline T el_log10_##sfx(T a, unsigned *st)                          \
    {                                                                          \
        T r = el_log_##sfx(a, st);                                             \
        return (T){r.re * (R)LOG10E_D, r.im * (R)LOG10E_D};                    \
    }                                                                          \
    static inline T el_log1p_##sfx(T a, unsigned *st)                          \
    {                                                                          \
        (void)st;                                                              \
        R l = hypot##M(a.re + 1, a.im);                                        \
        return (T){log##M(l), atan2##M(a.im, a.re + 1)};                       \
    }                                                                          \
    static inline T el_rint_##sfx(T a, unsigned *st)                           \
    {                                                                          \
        (void)st;                                                              \
        return (T){rint##M(a.re), rint##M(a.im)};                              \
    }                                                                          \
    static inline T el_square_##sfx(T a, unsigned *st)                         \
    {                                                                          \
        (void)st;                                                              \
        return (T){a.re * a.re - a.im * a.im, a.re * a.im + a.im * a.re};      \
    }                                                                          \
    /* Smith's division of 1 by a. */                                          \
    static inline T el_reciprocal_##sfx(T a, unsigned *st)                     \
    {                                                                          \
        (void)st;                                                              \
        if (fabs##M(a.im) <= fabs##M(a.re)) {                                  \
            R r = a.im / a.re, d = a.re + a.im * r;                            \
            return (T){1 / d, -r / d};                                         \
        }                                                                      \
        R r = a.re / a.im, d = a.re * r + a.im;                                \
        return (T){r / d, -1 / d};                                             \
    }                                                                          \
    /* NumPy 2: z / |z| (0 for 0, nan when undefined). */                      \
    static inline T el_sign_##sfx(T a, unsigned *st)                           \
    {                                                                          \
        (void)st;                                                              \
        R m = hypot##M(a.re, a.im);                                            \
        if (isnan(m))                                                          \
            return (T){(R)NAN, (R)NAN};                                        \
        if (isinf(m)) {                                                        \
            if (isinf(a.re) && isinf(a.im))                                    \
                return (T){(R)NAN, (R)NAN};                                    \
            if (isinf(a.re))                                                   \
                return (T){a.re > 0 ? 1 : -1, 0};                              \
            return (T){0, a.im > 0 ? 1 : -1};                                  \
        }                                                                      \
        if (m == 0)                                                            \
            return (T){0, 0};                                                  \
        return (T){a.re / m, a.im / m};                                        \
    }                                                                          \
    static inline T el_conjugate_##sfx(T a, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return (T){a.re, -a.im};                                               \
    }                                                                          \
    static inline ubool el_isnan_##sfx(T a, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return isnan(a.re) || isnan(a.im);                                     \
    }                                                                          \
    static inline ubool el_isinf_##sfx(T a, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return isinf(a.re) || isinf(a.im);                                     \
    }                                                                          \
    static inline ubool el_isfinite_##sfx(T a, unsigned *st)                   \
    {                                                                          \
        (void)st;                                                              \
        return isfinite(a.re) && isfinite(a.im);                               \
    }                                                                          \
    /* Lexicographic order; NaN anywhere in a propagates (maximum), or         \
     * loses to a number (fmax). */                                            \
    static inline int cge_##sfx(T a, T b)                                      \
    {                                                                          \
        return (isgreater(a.re, b.re) && !isnan(a.im) && !isnan(b.im)) ||      \
               (a.re == b.re && isgreaterequal(a.im, b.im));                   \
    }                                                                          \
    static inline int cle_##sfx(T a, T b)                                      \
    {                                                                          \
        return (isless(a.re, b.re) && !isnan(a.im) && !isnan(b.im)) ||         \
               (a.re == b.re && islessequal(a.im, b.im));                      \
    }                                                                          \
    static inline int cnan_##sfx(T a)                                          \
    {                                                                          \
        return isnan(a.re) || isnan(a.im);                                     \
    }                                                                          \
    static inline T el_maximum_##sfx(T a, T b, unsigned *st)                   \
    {                                                                          \
        (void)st;                                                              \
        return (cge_##sfx(a, b) || cnan_##sfx(a)) ? a : b;                     \
    }                                                                          \
    static inline T el_minimum_##sfx(T a, T b, unsigned *st)                   \
    {                                                                          \
        (void)st;                                                              \
        return (cle_##sfx(a, b) || cnan_##sfx(a)) ? a : b;                     \
    }                                                                          \
    static inline T el_fmax_##sfx(T a, T b, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return (cge_##sfx(a, b) || cnan_##sfx(b)) ? a : b;                     \
    }                                                                          \
    static inline T el_fmin_##sfx(T a, T b, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return (cle_##sfx(a, b) || cnan_##sfx(b)) ? a : b;                     \
    }                                                                          \
    static inline T el_clip_##sfx(T x, T lo, T hi)                             \
    {                                                                          \
        unsigned st = 0;                                                       \
        return el_minimum_##sfx(el_maximum_##sfx(x, lo, &st), hi, &st);        \
    }                                                                          \
    static inline T el_float_power_##sfx(T a, T b, unsigned *st)               \
    {                                                                          \
        return nd_cpow_##sfx(a, b, st);                                        \
    }
COMPLEX_TYPES(EL_CPX_MISC, _)

/* ----------------------------------------------------------------- floats */

#define EL_FLOAT_MISC(op, sfx, T, NDT, W, M)                                   \
    static inline T el_square_##sfx(T a, unsigned *st)                         \
    {                                                                          \
        (void)st;                                                              \
        return a * a;                                                          \
    }                                                                          \
    static inline T el_reciprocal_##sfx(T a, unsigned *st)                     \
    {                                                                          \
        (void)st;                                                              \
        return 1 / a;                                                          \
    }                                                                          \
    static inline T el_conjugate_##sfx(T a, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return a;                                                              \
    }                                                                          \
    /* sign(-0.0) is 0.0 and sign(nan) nan, as NumPy's. */                     \
    static inline T el_sign_##sfx(T a, unsigned *st)                           \
    {                                                                          \
        (void)st;                                                              \
        return isgreater(a, 0) ? 1 : isless(a, 0) ? -1 : a == 0 ? 0 : a;       \
    }                                                                          \
    static inline ubool el_signbit_##sfx(T a, unsigned *st)                    \
    {                                                                          \
        (void)st;                                                              \
        return signbit(a) != 0;                                                \
    }                                                                          \
    /* The gap to the next number away from zero (-0.0 counts as positive,     \
     * as NumPy's); nan for infinities. */                                     \
    static inline T el_spacing_##sfx(T a, unsigned *st)                        \
    {                                                                          \
        (void)st;                                                              \
        if (isinf(a))                                                          \
            return (T)NAN;                                                     \
        return nextafter##M(a, isless(a, 0) ? -(T)INFINITY : (T)INFINITY) - a; \
    }                                                                          \
    static inline T el_deg2rad_##sfx(T a, unsigned *st)                        \
    {                                                                          \
        (void)st;                                                              \
        return a * (T)(PI_D / 180.0);                                          \
    }                                                                          \
    static inline T el_rad2deg_##sfx(T a, unsigned *st)                        \
    {                                                                          \
        (void)st;                                                              \
        return a * (T)(180.0 / PI_D);                                          \
    }                                                                          \
    static inline T el_degrees_##sfx(T a, unsigned *st)                        \
    {                                                                          \
        return el_rad2deg_##sfx(a, st);                                        \
    }                                                                          \
    static inline T el_radians_##sfx(T a, unsigned *st)                        \
    {                                                                          \
        return el_deg2rad_##sfx(a, st);                                        \
    }                                                                          \
    static inline ubool el_isnan_##sfx(T a, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return isnan(a) != 0;                                                  \
    }                                                                          \
    static inline ubool el_isinf_##sfx(T a, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return isinf(a) != 0;                                                  \
    }                                                                          \
    static inline ubool el_isfinite_##sfx(T a, unsigned *st)                   \
    {                                                                          \
        (void)st;                                                              \
        return isfinite(a) != 0;                                               \
    }                                                                          \
    static inline T el_modf_##sfx(T a, T *ip, unsigned *st)                    \
    {                                                                          \
        (void)st;                                                              \
        return modf##M(a, ip);                                                 \
    }                                                                          \
    /* The exponent of inf and nan is 0 (glibc leaves it unspecified). */      \
    static inline T el_frexp_##sfx(T a, int32_t *e, unsigned *st)              \
    {                                                                          \
        (void)st;                                                              \
        int ex = 0;                                                            \
        if (!isfinite(a)) {                                                    \
            *e = 0;                                                            \
            return a;                                                          \
        }                                                                      \
        T m = frexp##M(a, &ex);                                                \
        *e = ex;                                                               \
        return m;                                                              \
    }                                                                          \
    /* The exponent clamped to int's range, as NumPy's 'dl' loop. */           \
    static inline T el_ldexp_##sfx##i32(T a, int32_t e, unsigned *st)          \
    {                                                                          \
        (void)st;                                                              \
        return ldexp##M(a, e);                                                 \
    }                                                                          \
    static inline T el_ldexp_##sfx##i64(T a, int64_t e, unsigned *st)          \
    {                                                                          \
        (void)st;                                                              \
        int ie = e > INT_MAX ? INT_MAX : e < INT_MIN ? INT_MIN : (int)e;       \
        return ldexp##M(a, ie);                                                \
    }                                                                          \
    /* NumPy's: equal arguments (infinities of one sign included) give         \
     * x + log(2) without a spurious invalid from inf - inf. */                \
    static inline T el_logaddexp_##sfx(T a, T b, unsigned *st)                 \
    {                                                                          \
        (void)st;                                                              \
        if (a == b)                                                            \
            return a + (T)LN2_D;                                               \
        T d = a - b;                                                           \
        if (d > 0)                                                             \
            return a + log1p##M(exp##M(-d));                                   \
        if (d <= 0)                                                            \
            return b + log1p##M(exp##M(d));                                    \
        return d;                                                              \
    }                                                                          \
    static inline T el_logaddexp2_##sfx(T a, T b, unsigned *st)                \
    {                                                                          \
        (void)st;                                                              \
        if (a == b)                                                            \
            return a + 1;                                                      \
        T d = a - b;                                                           \
        if (d > 0)                                                             \
            return a + (T)LOG2E_D * log1p##M(exp2##M(-d));                     \
        if (d <= 0)                                                            \
            return b + (T)LOG2E_D * log1p##M(exp2##M(d));                      \
        return d;                                                              \
    }                                                                          \
    static inline T el_heaviside_##sfx(T x, T h0, unsigned *st)                \
    {                                                                          \
        (void)st;                                                              \
        if (isless(x, 0))                                                      \
            return 0;                                                          \
        if (x == 0)                                                            \
            return h0;                                                         \
        if (isgreater(x, 0))                                                   \
            return 1;                                                          \
        return x;                                                              \
    }                                                                          \
    /* A NaN argument propagates (maximum) or loses to a number (fmax); of     \
     * two equal arguments (0.0 and -0.0) the second is taken, as NumPy's      \
     * vector loops do. */                                                     \
    static inline T el_maximum_##sfx(T a, T b, unsigned *st)                   \
    {                                                                          \
        (void)st;                                                              \
        return (isnan(a) || isgreater(a, b)) ? a : b;                          \
    }                                                                          \
    static inline T el_minimum_##sfx(T a, T b, unsigned *st)                   \
    {                                                                          \
        (void)st;                                                              \
        return (isnan(a) || isless(a, b)) ? a : b;                             \
    }                                                                          \
    static inline T el_fmax_##sfx(T a, T b, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return (isnan(b) || isgreater(a, b)) ? a : b;                          \
    }                                                                          \
    static inline T el_fmin_##sfx(T a, T b, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return (isnan(b) || isless(a, b)) ? a : b;                             \
    }                                                                          \
    /* NumPy's divmod: (a / b, fmod) when b is 0, else Python's rules. */      \
    static inline T el_divmod_##sfx(T a, T b, T *mod, unsigned *st)            \
    {                                                                          \
        (void)st;                                                              \
        if (b == 0) {                                                          \
            *mod = fmod##M(a, b);                                              \
            return a / b;                                                      \
        }                                                                      \
        return nd_divmod_##sfx(a, b, mod);                                     \
    }                                                                          \
    static inline T el_clip_##sfx(T x, T lo, T hi)                             \
    {                                                                          \
        unsigned st = 0;                                                       \
        return el_minimum_##sfx(el_maximum_##sfx(x, lo, &st), hi, &st);        \
    }
FLOAT_TYPES(EL_FLOAT_MISC, _)

/* ------------------------------------------------------- bool, integers */

static inline ubool el_maximum_b1(ubool a, ubool b, unsigned *st)
{
    (void)st;
    return a || b;
}
static inline ubool el_minimum_b1(ubool a, ubool b, unsigned *st)
{
    (void)st;
    return a && b;
}
static inline ubool el_clip_b1(ubool x, ubool lo, ubool hi)
{
    return (x || lo) && hi;
}

#define EL_INT_MISC(op, sfx, T, NDT, W, M)                                     \
    static inline T el_square_##sfx(T a, unsigned *st)                         \
    {                                                                          \
        (void)st;                                                              \
        return (T)((W)a * (W)a);                                               \
    }                                                                          \
    static inline T el_conjugate_##sfx(T a, unsigned *st)                      \
    {                                                                          \
        (void)st;                                                              \
        return a;                                                              \
    }                                                                          \
    static inline T el_maximum_##sfx(T a, T b, unsigned *st)                   \
    {                                                                          \
        (void)st;                                                              \
        return a > b ? a : b;                                                  \
    }                                                                          \
    static inline T el_minimum_##sfx(T a, T b, unsigned *st)                   \
    {                                                                          \
        (void)st;                                                              \
        return a < b ? a : b;                                                  \
    }                                                                          \
    static inline T el_clip_##sfx(T x, T lo, T hi)                             \
    {                                                                          \
        T m = x > lo ? x : lo;                                                 \
        return m < hi ? m : hi;                                                \
    }
INT_TYPES(EL_INT_MISC, _)

/* Booleans and integers hold no NaN or infinity. */
#define EL_CLASSIFY_EXACT(op, sfx, T, NDT, W, M)                               \
    static inline ubool el_isnan_##sfx(T a, unsigned *st)                      \
    {                                                                          \
        (void)a, (void)st;                                                     \
        return 0;                                                              \
    }                                                                          \
    static inline ubool el_isinf_##sfx(T a, unsigned *st)                      \
    {                                                                          \
        (void)a, (void)st;                                                     \
        return 0;                                                              \
    }                                                                          \
    static inline ubool el_isfinite_##sfx(T a, unsigned *st)                   \
    {                                                                          \
        (void)a, (void)st;                                                     \
        return 1;                                                              \
    }                                                                          \
    static inline T el_fmax_##sfx(T a, T b, unsigned *st)                      \
    {                                                                          \
        return el_maximum_##sfx(a, b, st);                                     \
    }                                                                          \
    static inline T el_fmin_##sfx(T a, T b, unsigned *st)                      \
    {                                                                          \
        return el_minimum_##sfx(a, b, st);                                     \
    }
BOOL_TYPE(EL_CLASSIFY_EXACT, _)
INT_TYPES(EL_CLASSIFY_EXACT, _)

/* gcd by Euclid on magnitudes taken in W (|MIN| wraps back to MIN, as in
 * NumPy); lcm = |a / gcd * b|. */
#define EL_SINT_MISC(op, sfx, T, NDT, W, M)                                    \
    static inline T el_sign_##sfx(T a, unsigned *st)                           \
    {                                                                          \
        (void)st;                                                              \
        return (T)((a > 0) - (a < 0));                                         \
    }                                                                          \
    static inline T iabs_##sfx(T a)                                            \
    {                                                                          \
        return a < 0 ? (T)(0u - (W)a) : a;                                     \
    }                                                                          \
    static inline T el_gcd_##sfx(T a, T b, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        W x = a < 0 ? (W)0 - (W)a : (W)a, y = b < 0 ? (W)0 - (W)b : (W)b;      \
        while (y) {                                                            \
            W t = x % y;                                                       \
            x = y;                                                             \
            y = t;                                                             \
        }                                                                      \
        return (T)x;                                                           \
    }                                                                          \
    static inline T el_lcm_##sfx(T a, T b, unsigned *st)                       \
    {                                                                          \
        T g = el_gcd_##sfx(a, b, st);                                          \
        if (g == 0)                                                            \
            return 0;                                                          \
        return iabs_##sfx((T)((W)(T)(a / g) * (W)b));                          \
    }                                                                          \
    /* C's remainder (the dividend's sign); x % 0 is 0 with the divide flag.   \
     */                                                                        \
    static inline T el_fmod_##sfx(T a, T b, unsigned *st)                      \
    {                                                                          \
        if (b == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            return 0;                                                          \
        }                                                                      \
        if (b == -1)                                                           \
            return 0;                                                          \
        return (T)(a % b);                                                     \
    }                                                                          \
    /* Python's floor division and remainder together; MIN // -1 wraps with    \
     * the overflow flag, x // 0 is 0 with the divide flag. */                 \
    static inline T el_divmod_##sfx(T a, T b, T *mod, unsigned *st)            \
    {                                                                          \
        if (b == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            *mod = 0;                                                          \
            return 0;                                                          \
        }                                                                      \
        if (b == -1) {                                                         \
            *mod = 0;                                                          \
            if (a == M) {                                                      \
                *st |= ND_FPE_OVERFLOW;                                        \
                return a;                                                      \
            }                                                                  \
            return (T)-a;                                                      \
        }                                                                      \
        T q = (T)(a / b), r = (T)(a % b);                                      \
        if (r != 0 && ((r < 0) != (b < 0))) {                                  \
            q--;                                                               \
            r = (T)(r + b);                                                    \
        }                                                                      \
        *mod = r;                                                              \
        return q;                                                              \
    }                                                                          \
    /* 1.0 / x converted back as x86-64 does (1 / 0 is inf, which becomes      \
     * 0 in types narrower than int and MIN in int32 and int64). */            \
    static inline T el_reciprocal_##sfx(T a, unsigned *st)                     \
    {                                                                          \
        if (a == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            return sizeof(T) >= 4 ? (T)M : 0;                                  \
        }                                                                      \
        return (T)(a == 1 ? 1 : a == -1 ? -1 : 0);                             \
    }
SINT_TYPES(EL_SINT_MISC, _)

#define EL_UINT_MISC(op, sfx, T, NDT, W, M)                                    \
    static inline T el_sign_##sfx(T a, unsigned *st)                           \
    {                                                                          \
        (void)st;                                                              \
        return (T)(a > 0);                                                     \
    }                                                                          \
    static inline T el_gcd_##sfx(T a, T b, unsigned *st)                       \
    {                                                                          \
        (void)st;                                                              \
        while (b) {                                                            \
            T t = (T)(a % b);                                                  \
            a = b;                                                             \
            b = t;                                                             \
        }                                                                      \
        return a;                                                              \
    }                                                                          \
    static inline T el_lcm_##sfx(T a, T b, unsigned *st)                       \
    {                                                                          \
        T g = el_gcd_##sfx(a, b, st);                                          \
        return g == 0 ? 0 : (T)((W)(T)(a / g) * (W)b);                         \
    }                                                                          \
    static inline T el_fmod_##sfx(T a, T b, unsigned *st)                      \
    {                                                                          \
        if (b == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            return 0;                                                          \
        }                                                                      \
        return (T)(a % b);                                                     \
    }                                                                          \
    static inline T el_divmod_##sfx(T a, T b, T *mod, unsigned *st)            \
    {                                                                          \
        if (b == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            *mod = 0;                                                          \
            return 0;                                                          \
        }                                                                      \
        *mod = (T)(a % b);                                                     \
        return (T)(a / b);                                                     \
    }                                                                          \
    static inline T el_reciprocal_##sfx(T a, unsigned *st)                     \
    {                                                                          \
        if (a == 0) {                                                          \
            *st |= ND_FPE_DIVIDEBYZERO;                                        \
            return 0;                                                          \
        }                                                                      \
        return (T)(a == 1);                                                    \
    }
UINT_TYPES(EL_UINT_MISC, _)

/* ------------------------------------------------------------------ loops */

#define FC_TYPES(X, op) FLOAT_TYPES(X, op) COMPLEX_TYPES(X, op)

/* float and complex -> same */
#define FC_UNARY(op) FC_TYPES(X_UN_SAME, op)
FC_UNARY(sqrt)
FC_UNARY(exp)
FC_UNARY(exp2)
FC_UNARY(expm1)
FC_UNARY(log)
FC_UNARY(log2)
FC_UNARY(log10)
FC_UNARY(log1p)
FC_UNARY(sin)
FC_UNARY(cos)
FC_UNARY(tan)
FC_UNARY(arcsin)
FC_UNARY(arccos)
FC_UNARY(arctan)
FC_UNARY(sinh)
FC_UNARY(cosh)
FC_UNARY(tanh)
FC_UNARY(arcsinh)
FC_UNARY(arccosh)
FC_UNARY(arctanh)
FC_UNARY(rint)
/* float -> same */
FLOAT_TYPES(X_UN_SAME, cbrt)
FLOAT_TYPES(X_UN_SAME, deg2rad)
FLOAT_TYPES(X_UN_SAME, rad2deg)
FLOAT_TYPES(X_UN_SAME, degrees)
FLOAT_TYPES(X_UN_SAME, radians)
FLOAT_TYPES(X_UN_SAME, floor)
FLOAT_TYPES(X_UN_SAME, ceil)
FLOAT_TYPES(X_UN_SAME, trunc)
FLOAT_TYPES(X_UN_SAME, spacing)
FLOAT_TYPES(X_UN_SAME, fabs)
FLOAT_TYPES(X_UN_BOOL, signbit)
/* integers, float, complex -> same */
NUM_TYPES(X_UN_SAME, square)
INT_TYPES(X_UN_SAME, sign)
FC_TYPES(X_QUIET_UN, sign)
NUM_TYPES(X_UN_SAME, conjugate)
NUM_TYPES(X_UN_SAME, reciprocal)
/* every dtype -> bool */
ALL_TYPES(X_UN_BOOL, isnan)
ALL_TYPES(X_UN_BOOL, isinf)
ALL_TYPES(X_UN_BOOL, isfinite)
/* two outputs */
DEF_UNARY2(modf, f32, float, float, float)
DEF_UNARY2(modf, f64, double, double, double)
DEF_UNARY2(frexp, f32, float, float, int32_t)
DEF_UNARY2(frexp, f64, double, double, int32_t)
INT_TYPES(X_BIN2, divmod)
FLOAT_TYPES(X_BIN2, divmod)
/* binary, float only */
FLOAT_TYPES(X_BIN_SAME, logaddexp)
FLOAT_TYPES(X_BIN_SAME, logaddexp2)
FLOAT_TYPES(X_BIN_SAME, arctan2)
FLOAT_TYPES(X_BIN_SAME, hypot)
FLOAT_TYPES(X_BIN_SAME, copysign)
FLOAT_TYPES(X_BIN_SAME, nextafter)
FLOAT_TYPES(X_QUIET_BIN, heaviside)
/* binary, every dtype */
BOOL_TYPE(X_BIN_SAME, maximum)
INT_TYPES(X_BIN_SAME, maximum)
FC_TYPES(X_QUIET_BIN, maximum)
BOOL_TYPE(X_BIN_SAME, minimum)
INT_TYPES(X_BIN_SAME, minimum)
FC_TYPES(X_QUIET_BIN, minimum)
BOOL_TYPE(X_BIN_SAME, fmax)
INT_TYPES(X_BIN_SAME, fmax)
FC_TYPES(X_QUIET_BIN, fmax)
BOOL_TYPE(X_BIN_SAME, fmin)
INT_TYPES(X_BIN_SAME, fmin)
FC_TYPES(X_QUIET_BIN, fmin)
/* binary, integers (and floats) */
INT_TYPES(X_BIN_SAME, gcd)
INT_TYPES(X_BIN_SAME, lcm)
INT_TYPES(X_BIN_SAME, fmod)
FLOAT_TYPES(X_BIN_SAME, fmod)
DEF_BINARY_MIXED(ldexp, f32i32, float, int32_t, float)
DEF_BINARY_MIXED(ldexp, f32i64, float, int64_t, float)
DEF_BINARY_MIXED(ldexp, f64i32, double, int32_t, double)
DEF_BINARY_MIXED(ldexp, f64i64, double, int64_t, double)
DEF_BINARY(float_power, f64, double, double)
DEF_BINARY(float_power, c128, nd_complex128, nd_complex128)
/* three inputs */
ALL_TYPES(X_TERN, clip)

/* ----------------------------------------------------------------- tables */

#define M_SAME(op, sfx, T, NDT, W, M)                                          \
    {{NDT, NDT, NDT}, NDT, loop_##op##_##sfx, ND_NTYPES},
#define M_UN_SAME(op, sfx, T, NDT, W, M)                                       \
    {{NDT, ND_NTYPES, ND_NTYPES}, NDT, loop_##op##_##sfx, ND_NTYPES},
#define M_UN_BOOL(op, sfx, T, NDT, W, M)                                       \
    {{NDT, ND_NTYPES, ND_NTYPES}, ND_BOOL, loop_##op##_##sfx, ND_NTYPES},
#define M_BIN2(op, sfx, T, NDT, W, M)                                          \
    {{NDT, NDT, ND_NTYPES}, NDT, loop_##op##_##sfx, NDT},
#define M_END                                                                  \
    {                                                                          \
        {ND_NTYPES, ND_NTYPES, ND_NTYPES}, ND_NTYPES, NULL, ND_NTYPES          \
    }

#define FC_TABLE(op)                                                           \
    static const NdKernel m_##op[] = {FC_TYPES(M_UN_SAME, op) M_END};
#define F_TABLE(op)                                                            \
    static const NdKernel m_##op[] = {FLOAT_TYPES(M_UN_SAME, op) M_END};
#define F2_TABLE(op)                                                           \
    static const NdKernel m_##op[] = {FLOAT_TYPES(M_SAME, op) M_END};

FC_TABLE(sqrt)
FC_TABLE(exp)
FC_TABLE(exp2)
FC_TABLE(expm1)
FC_TABLE(log)
FC_TABLE(log2)
FC_TABLE(log10)
FC_TABLE(log1p)
FC_TABLE(sin)
FC_TABLE(cos)
FC_TABLE(tan)
FC_TABLE(arcsin)
FC_TABLE(arccos)
FC_TABLE(arctan)
FC_TABLE(sinh)
FC_TABLE(cosh)
FC_TABLE(tanh)
FC_TABLE(arcsinh)
FC_TABLE(arccosh)
FC_TABLE(arctanh)
FC_TABLE(rint)
F_TABLE(cbrt)
F_TABLE(deg2rad)
F_TABLE(rad2deg)
F_TABLE(degrees)
F_TABLE(radians)
F_TABLE(floor)
F_TABLE(ceil)
F_TABLE(trunc)
F_TABLE(spacing)
F_TABLE(fabs)
static const NdKernel m_signbit[] = {FLOAT_TYPES(M_UN_BOOL, signbit) M_END};
static const NdKernel m_square[] = {NUM_TYPES(M_UN_SAME, square) M_END};
static const NdKernel m_sign[] = {NUM_TYPES(M_UN_SAME, sign) M_END};
static const NdKernel m_conjugate[] = {NUM_TYPES(M_UN_SAME, conjugate) M_END};
static const NdKernel m_reciprocal[] = {NUM_TYPES(M_UN_SAME, reciprocal) M_END};
static const NdKernel m_isnan[] = {ALL_TYPES(M_UN_BOOL, isnan) M_END};
static const NdKernel m_isinf[] = {ALL_TYPES(M_UN_BOOL, isinf) M_END};
static const NdKernel m_isfinite[] = {ALL_TYPES(M_UN_BOOL, isfinite) M_END};
static const NdKernel m_modf[] = {
    {{ND_FLOAT32, ND_NTYPES, ND_NTYPES}, ND_FLOAT32, loop_modf_f32, ND_FLOAT32},
    {{ND_FLOAT64, ND_NTYPES, ND_NTYPES}, ND_FLOAT64, loop_modf_f64, ND_FLOAT64},
    M_END};
static const NdKernel m_frexp[] = {
    {{ND_FLOAT32, ND_NTYPES, ND_NTYPES}, ND_FLOAT32, loop_frexp_f32, ND_INT32},
    {{ND_FLOAT64, ND_NTYPES, ND_NTYPES}, ND_FLOAT64, loop_frexp_f64, ND_INT32},
    M_END};
F2_TABLE(logaddexp)
F2_TABLE(logaddexp2)
F2_TABLE(arctan2)
F2_TABLE(hypot)
F2_TABLE(copysign)
F2_TABLE(nextafter)
F2_TABLE(heaviside)
static const NdKernel m_maximum[] = {ALL_TYPES(M_SAME, maximum) M_END};
static const NdKernel m_minimum[] = {ALL_TYPES(M_SAME, minimum) M_END};
static const NdKernel m_fmax[] = {ALL_TYPES(M_SAME, fmax) M_END};
static const NdKernel m_fmin[] = {ALL_TYPES(M_SAME, fmin) M_END};
static const NdKernel m_gcd[] = {INT_TYPES(M_SAME, gcd) M_END};
static const NdKernel m_lcm[] = {INT_TYPES(M_SAME, lcm) M_END};
static const NdKernel m_fmod[] = {INT_TYPES(M_SAME, fmod)
                                      FLOAT_TYPES(M_SAME, fmod) M_END};
static const NdKernel m_ldexp[] = {{{ND_FLOAT32, ND_INT32, ND_NTYPES},
                                    ND_FLOAT32,
                                    loop_ldexp_f32i32,
                                    ND_NTYPES},
                                   {{ND_FLOAT32, ND_INT64, ND_NTYPES},
                                    ND_FLOAT32,
                                    loop_ldexp_f32i64,
                                    ND_NTYPES},
                                   {{ND_FLOAT64, ND_INT32, ND_NTYPES},
                                    ND_FLOAT64,
                                    loop_ldexp_f64i32,
                                    ND_NTYPES},
                                   {{ND_FLOAT64, ND_INT64, ND_NTYPES},
                                    ND_FLOAT64,
                                    loop_ldexp_f64i64,
                                    ND_NTYPES},
                                   M_END};
static const NdKernel m_float_power[] = {
    {{ND_FLOAT64, ND_FLOAT64, ND_NTYPES},
     ND_FLOAT64,
     loop_float_power_f64,
     ND_NTYPES},
    {{ND_COMPLEX128, ND_COMPLEX128, ND_NTYPES},
     ND_COMPLEX128,
     loop_float_power_c128,
     ND_NTYPES},
    M_END};
static const NdKernel m_divmod[] = {INT_TYPES(M_BIN2, divmod)
                                        FLOAT_TYPES(M_BIN2, divmod) M_END};
static const NdKernel m_clip[] = {ALL_TYPES(M_SAME, clip) M_END};

static const NdKernel *const math_tables[ND_UF_COUNT - ND_UF_SQRT] = {
#define T(ID, tab) [ND_UF_##ID - ND_UF_SQRT] = m_##tab
    T(SQRT, sqrt),
    T(CBRT, cbrt),
    T(SQUARE, square),
    T(EXP, exp),
    T(EXP2, exp2),
    T(EXPM1, expm1),
    T(LOG, log),
    T(LOG2, log2),
    T(LOG10, log10),
    T(LOG1P, log1p),
    T(SIN, sin),
    T(COS, cos),
    T(TAN, tan),
    T(ARCSIN, arcsin),
    T(ARCCOS, arccos),
    T(ARCTAN, arctan),
    T(SINH, sinh),
    T(COSH, cosh),
    T(TANH, tanh),
    T(ARCSINH, arcsinh),
    T(ARCCOSH, arccosh),
    T(ARCTANH, arctanh),
    T(DEG2RAD, deg2rad),
    T(RAD2DEG, rad2deg),
    T(DEGREES, degrees),
    T(RADIANS, radians),
    T(FLOOR, floor),
    T(CEIL, ceil),
    T(TRUNC, trunc),
    T(RINT, rint),
    T(SIGN, sign),
    T(SIGNBIT, signbit),
    T(SPACING, spacing),
    T(FABS, fabs),
    T(ISNAN, isnan),
    T(ISINF, isinf),
    T(ISFINITE, isfinite),
    T(CONJUGATE, conjugate),
    T(RECIPROCAL, reciprocal),
    T(MODF, modf),
    T(FREXP, frexp),
    T(LOGADDEXP, logaddexp),
    T(LOGADDEXP2, logaddexp2),
    T(ARCTAN2, arctan2),
    T(HYPOT, hypot),
    T(COPYSIGN, copysign),
    T(NEXTAFTER, nextafter),
    T(MAXIMUM, maximum),
    T(MINIMUM, minimum),
    T(FMAX, fmax),
    T(FMIN, fmin),
    T(GCD, gcd),
    T(LCM, lcm),
    T(HEAVISIDE, heaviside),
    T(LDEXP, ldexp),
    T(FLOAT_POWER, float_power),
    T(FMOD, fmod),
    T(DIVMOD, divmod),
    T(CLIP, clip),
#undef T
};

const NdKernel *nd_math_kernels(NdUfuncId op)
{
    static const NdKernel none[] = {M_END};
    if (op < ND_UF_SQRT || op >= ND_UF_COUNT || !math_tables[op - ND_UF_SQRT])
        return none;
    return math_tables[op - ND_UF_SQRT];
}

/* ============================================ NumPy's functions on top */

static NdArray *weak_float(double v)
{
    NdScalar s = nd_scalar_float64(v);
    s.weak = true;
    return nd_from_scalar(&s);
}

/* a op (weak float v), or v op a when `left`. */
static NdArray *with_float(NdUfuncId op, NdArray *a, double v, bool left)
{
    NdArray *w = weak_float(v);
    if (!w)
        return NULL;
    NdArray *r = left ? nd_binary(op, w, a) : nd_binary(op, a, w);
    nd_decref(w);
    return r;
}

/* In place: a = op(a, weak v). */
static int inplace_float(NdUfuncId op, NdArray *a, double v)
{
    NdArray *w = weak_float(v);
    if (!w)
        return -1;
    NdArray *in[2] = {a, w};
    NdArray *r = nd_ufunc(op, in, a, ND_CAST_SAME_KIND);
    nd_decref(w);
    if (!r)
        return -1;
    nd_decref(r);
    return 0;
}

static bool kind_is_inexact(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_FLOAT || k == ND_KIND_COMPLEX;
}

/* NumPy's power_of_ten: exact products of ten. */
static double power_of_ten(int64_t n)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    if (n < 9)
        return p10[n];
    double r = 1e9;
    while (n-- > 9 && r < INFINITY)
        r *= 10.;
    return r;
}

NdArray *nd_around(NdArray *a, int64_t decimals)
{
    NdKind k = nd_dtype_kind(a->dtype);
    bool inexact = k == ND_KIND_FLOAT || k == ND_KIND_COMPLEX;
    if (!inexact && decimals >= 0)
        return nd_copy(a, 'K');
    if (inexact && decimals == 0)
        return nd_unary(ND_UF_RINT, a);
    double f = power_of_ten(decimals < 0 ? -decimals : decimals);
    NdUfuncId first = decimals >= 0 ? ND_UF_MULTIPLY : ND_UF_TRUE_DIVIDE;
    NdUfuncId last = decimals >= 0 ? ND_UF_TRUE_DIVIDE : ND_UF_MULTIPLY;
    /* Integers round through float64 and come back to their own dtype
     * (half to even: round([15, 25], -1) is [20, 20]). */
    NdArray *y = with_float(first, a, f, false);
    if (!y)
        return NULL;
    NdArray *in[1] = {y};
    NdArray *t = nd_ufunc(ND_UF_RINT, in, y, ND_CAST_SAME_KIND);
    nd_decref(t);
    if (!t || inplace_float(last, y, f) < 0) {
        nd_decref(y);
        return NULL;
    }
    if (inexact)
        return y;
    NdArray *r = nd_astype(y, a->dtype, ND_CAST_UNSAFE, true);
    nd_decref(y);
    return r;
}

NdArray *nd_clip(NdArray *a, NdArray *lo, NdArray *hi)
{
    if (!lo && !hi) {
        nd_error(ND_ERR_VALUE, "One of max or min must be given");
        return NULL;
    }
    if (!hi)
        return nd_binary(ND_UF_MAXIMUM, a, lo);
    if (!lo)
        return nd_binary(ND_UF_MINIMUM, a, hi);
    NdArray *in[3] = {a, lo, hi};
    return nd_ufunc(ND_UF_CLIP, in, NULL, ND_CAST_SAME_KIND);
}

NdArray *nd_nan_to_num(NdArray *a, const double *nan, const double *posinf,
                       const double *neginf)
{
    NdArray *r = nd_copy(a, 'C');
    if (!r || !kind_is_inexact(a->dtype))
        return r;
    bool f32 = a->dtype == ND_FLOAT32 || a->dtype == ND_COMPLEX64;
    int64_t n = r->size * (nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX ? 2 : 1);
    double vn = nan ? *nan : 0.0;
    double vp = posinf ? *posinf : f32 ? FLT_MAX : DBL_MAX;
    double vm = neginf ? *neginf : f32 ? -FLT_MAX : -DBL_MAX;
    /* The replacements are cast into the dtype as NumPy's copyto does
     * (1e300 becomes inf in float32, with the overflow event). */
    nd_fpe_hw_clear();
    if (f32) {
        float *x = (float *)(void *)r->data;
        float fn = (float)vn, fp = (float)vp, fm = (float)vm;
        for (int64_t i = 0; i < n; i++)
            x[i] = isnan(x[i]) ? fn : isinf(x[i]) ? (x[i] > 0 ? fp : fm) : x[i];
    } else {
        double *x = (double *)(void *)r->data;
        for (int64_t i = 0; i < n; i++)
            x[i] = isnan(x[i]) ? vn : isinf(x[i]) ? (x[i] > 0 ? vp : vm) : x[i];
    }
    nd_fpe_hw_collect("nan_to_num");
    return r;
}

/* The real or imaginary part of a complex array as a float view. */
static NdArray *part_view(NdArray *a, bool imag)
{
    NdType ft = a->dtype == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
    return nd_view_new(a->buffer, ft, a->ndim, a->shape, a->strides,
                       a->data + (imag ? nd_dtype_size(ft) : 0),
                       (a->flags & ND_WRITEABLE) != 0);
}

NdArray *nd_real(NdArray *a)
{
    if (nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX)
        return part_view(a, false);
    return nd_view(a);
}

NdArray *nd_imag(NdArray *a)
{
    if (nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX)
        return part_view(a, true);
    NdArray *z = nd_zeros(a->dtype, a->ndim, a->shape, 'C');
    if (z)
        z->flags &= ~(unsigned)ND_WRITEABLE;
    return z;
}

NdArray *nd_angle(NdArray *a, bool deg)
{
    NdArray *r;
    if (nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX) {
        NdArray *re = part_view(a, false), *im = part_view(a, true);
        r = re && im ? nd_binary(ND_UF_ARCTAN2, im, re) : NULL;
        nd_decref(re);
        nd_decref(im);
    } else {
        NdScalar z = nd_scalar_int64(0);
        z.weak = true;
        NdArray *w = nd_from_scalar(&z);
        r = w ? nd_binary(ND_UF_ARCTAN2, w, a) : NULL;
        nd_decref(w);
    }
    if (r && deg && inplace_float(ND_UF_MULTIPLY, r, 180.0 / PI_D) < 0) {
        nd_decref(r);
        return NULL;
    }
    return r;
}

static NdArray *inf_side(NdArray *a, bool negative)
{
    if (nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX) {
        nd_error(ND_ERR_TYPE,
                 "This operation is not supported for %s values because it "
                 "would be ambiguous.",
                 nd_dtype_name(a->dtype));
        return NULL;
    }
    NdArray *inf = nd_unary(ND_UF_ISINF, a);
    NdArray *sb = inf ? nd_unary(ND_UF_SIGNBIT, a) : NULL;
    NdArray *side = sb && !negative ? nd_unary(ND_UF_LOGICAL_NOT, sb) : NULL;
    NdArray *r = NULL;
    if (sb && (negative || side))
        r = nd_binary(ND_UF_LOGICAL_AND, inf, negative ? sb : side);
    nd_decref(inf);
    nd_decref(sb);
    nd_decref(side);
    return r;
}

NdArray *nd_isposinf(NdArray *a)
{
    return inf_side(a, false);
}

NdArray *nd_isneginf(NdArray *a)
{
    return inf_side(a, true);
}

NdArray *nd_fix(NdArray *a)
{
    /* NumPy's ceil-then-floor-where-positive is trunc for every value,
     * signed zeros included. */
    return nd_unary(ND_UF_TRUNC, a);
}

NdArray *nd_sinc(NdArray *a)
{
    /* NumPy: y = pi * where(x == 0, 1e-20, x); sin(y) / y, in the dtype
     * a Python float gives beside x (float64 for integers). */
    NdType types[2] = {a->dtype, ND_FLOAT64};
    bool weak[2] = {false, true};
    NdType t = nd_result_type(2, types, weak);
    NdArray *y = nd_astype(a, t, ND_CAST_UNSAFE, true);
    if (!y)
        return NULL;
    NdArray *c = nd_ascontiguousarray(y);
    nd_decref(y);
    if (!c)
        return NULL;
    bool cpx = nd_dtype_kind(t) == ND_KIND_COMPLEX;
    bool f32 = t == ND_FLOAT32 || t == ND_COMPLEX64;
    for (int64_t i = 0; i < c->size; i++) {
        int64_t w = cpx ? 2 : 1;
        if (f32) {
            float *x = (float *)(void *)c->data + i * w;
            if (x[0] == 0 && (!cpx || x[1] == 0))
                x[0] = 1.0e-20f;
        } else {
            double *x = (double *)(void *)c->data + i * w;
            if (x[0] == 0 && (!cpx || x[1] == 0))
                x[0] = 1.0e-20;
        }
    }
    NdArray *r = NULL;
    if (inplace_float(ND_UF_MULTIPLY, c, PI_D) == 0) {
        NdArray *s = nd_unary(ND_UF_SIN, c);
        if (s)
            r = nd_binary(ND_UF_TRUE_DIVIDE, s, c);
        nd_decref(s);
    }
    nd_decref(c);
    return r;
}

/* i0 by Clenshaw's recurrence over the Chebyshev coefficients of the
 * Cephes library (Moshier), on |x| <= 8 and above, as NumPy computes it. */
static const double i0_a[] = {
    -4.41534164647933937950E-18, 3.33079451882223809783E-17,
    -2.43127984654795469359E-16, 1.71539128555513303061E-15,
    -1.16853328779934516808E-14, 7.67618549860493561688E-14,
    -4.85644678311192946090E-13, 2.95505266312963983461E-12,
    -1.72682629144155570723E-11, 9.67580903537323691224E-11,
    -5.18979560163526290666E-10, 2.65982372468238665035E-9,
    -1.30002500998624804212E-8,  6.04699502254191894932E-8,
    -2.67079385394061173391E-7,  1.11738753912010371815E-6,
    -4.41673835845875056359E-6,  1.64484480707288970893E-5,
    -5.75419501008210370398E-5,  1.88502885095841655729E-4,
    -5.76375574538582365885E-4,  1.63947561694133579842E-3,
    -4.32430999505057594430E-3,  1.05464603945949983183E-2,
    -2.37374148058994688156E-2,  4.93052842396707084878E-2,
    -9.49010970480476444210E-2,  1.71620901522208775349E-1,
    -3.04682672343198398683E-1,  6.76795274409476084995E-1};
static const double i0_b[] = {
    -7.23318048787475395456E-18, -4.83050448594418207126E-18,
    4.46562142029675999901E-17,  3.46122286769746109310E-17,
    -2.82762398051658348494E-16, -3.42548561967721913462E-16,
    1.77256013305652638360E-15,  3.81168066935262242075E-15,
    -9.55484669882830764870E-15, -4.15056934728722208663E-14,
    1.54008621752140982691E-14,  3.85277838274214270114E-13,
    7.18012445138366623367E-13,  -1.79417853150680611778E-12,
    -1.32158118404477131188E-11, -3.14991652796324136454E-11,
    1.18891471078464383424E-11,  4.94060238822496958910E-10,
    3.39623202570838634515E-9,   2.26666899049817806459E-8,
    2.04891858946906374183E-7,   2.89137052083475648297E-6,
    6.88975834691682398426E-5,   3.36911647825569408990E-3,
    8.04490411014108831608E-1};

static double chbevl(double x, const double *c, int n)
{
    double b0 = c[0], b1 = 0.0, b2 = 0.0;
    for (int i = 1; i < n; i++) {
        b2 = b1;
        b1 = b0;
        b0 = x * b1 - b2 + c[i];
    }
    return 0.5 * (b0 - b2);
}

static double i0_one(double x)
{
    x = fabs(x);
    if (x <= 8.0)
        return exp(x) * chbevl(x / 2.0 - 2, i0_a, 30);
    return exp(x) * chbevl(32.0 / x - 2.0, i0_b, 25) / sqrt(x);
}

NdArray *nd_i0(NdArray *a)
{
    if (nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX) {
        nd_error(ND_ERR_TYPE, "i0 not supported for complex values");
        return NULL;
    }
    /* float32 stays float32 (NumPy evaluates it in float32; we evaluate in
     * float64 and round once); everything else is float64. */
    NdType t = a->dtype == ND_FLOAT32 ? ND_FLOAT32 : ND_FLOAT64;
    NdArray *x = nd_astype(a, ND_FLOAT64, ND_CAST_UNSAFE, true);
    if (!x)
        return NULL;
    NdArray *c = nd_ascontiguousarray(x);
    nd_decref(x);
    if (!c)
        return NULL;
    double *v = (double *)(void *)c->data;
    nd_fpe_hw_clear();
    for (int64_t i = 0; i < c->size; i++)
        v[i] = i0_one(v[i]);
    nd_fpe_hw_collect("i0");
    if (t == ND_FLOAT64)
        return c;
    NdArray *r = nd_astype(c, t, ND_CAST_UNSAFE, true);
    nd_decref(c);
    return r;
}
