/* cast.c — the 169 cast loops between our dtypes, all stamped from one
 * template, with NumPy's unsafe-cast results as NumPy produces them on
 * x86-64.  Where C leaves a conversion undefined (a float out of an
 * integer's range, NaN to an integer), we do not convert: we compute what
 * the x86-64 truncating instructions NumPy's compiled loops use would give
 * (cvttsd2si returns the "integer indefinite" 0x80...0 and sets the invalid
 * flag), and report the event as ND_FPE_INVALID "cast" as NumPy does with
 * its "invalid value encountered in cast" warning.  NumPy's SIMD loops give
 * different garbage than its scalar loops for a few uint32 cases; we follow
 * the scalar loops, so a result never depends on an element's position. */
#include <math.h>
#include <string.h>

#include "loops.h"

/* Storage types.  Booleans are read as bytes: an array viewed from foreign
 * memory may hold bytes other than 0 and 1, and loading those as _Bool is
 * undefined. */
typedef uint8_t c_BOOL;
typedef int8_t c_INT8;
typedef int16_t c_INT16;
typedef int32_t c_INT32;
typedef int64_t c_INT64;
typedef uint8_t c_UINT8;
typedef uint16_t c_UINT16;
typedef uint32_t c_UINT32;
typedef uint64_t c_UINT64;
typedef float c_FLOAT32;
typedef double c_FLOAT64;
typedef nd_complex64 c_COMPLEX64;
typedef nd_complex128 c_COMPLEX128;
/* The component type of the complex types. */
typedef float r_COMPLEX64;
typedef double r_COMPLEX128;

#define TWO31 2147483648.0
#define TWO63 9223372036854775808.0

/* cvttsd2si with a 32-bit destination.  -2147483648.5 truncates to a
 * representable value, hence the open lower bound one below the minimum. */
static inline int32_t cvtt32(double x, unsigned *fl)
{
    if (x > -TWO31 - 1.0 && x < TWO31)
        return (int32_t)x;
    *fl |= ND_FPE_INVALID;
    return INT32_MIN;
}

/* cvttsd2si with a 64-bit destination; no double lies strictly between
 * -2^63 - 1 and -2^63, so the lower bound is closed. */
static inline int64_t cvtt64(double x, unsigned *fl)
{
    if (x >= -TWO63 && x < TWO63)
        return (int64_t)x;
    *fl |= ND_FPE_INVALID;
    return INT64_MIN;
}

/* Narrow types go through the 32-bit conversion and keep the low bits, as
 * the compiler's (npy_byte)double does; the narrowing itself is the
 * modular conversion gcc documents for out-of-range integers. */
static inline int8_t float_to_INT8(double x, unsigned *fl)
{
    return (int8_t)cvtt32(x, fl);
}
static inline int16_t float_to_INT16(double x, unsigned *fl)
{
    return (int16_t)cvtt32(x, fl);
}
static inline int32_t float_to_INT32(double x, unsigned *fl)
{
    return cvtt32(x, fl);
}
static inline int64_t float_to_INT64(double x, unsigned *fl)
{
    return cvtt64(x, fl);
}
static inline uint8_t float_to_UINT8(double x, unsigned *fl)
{
    return (uint8_t)cvtt32(x, fl);
}
static inline uint16_t float_to_UINT16(double x, unsigned *fl)
{
    return (uint16_t)cvtt32(x, fl);
}
/* uint32 has no instruction of its own: the 64-bit conversion's low half. */
static inline uint32_t float_to_UINT32(double x, unsigned *fl)
{
    return (uint32_t)(uint64_t)cvtt64(x, fl);
}
/* The compiler's unsigned 64-bit conversion: values from 2^63 up are
 * shifted down by 2^63 and the top bit put back.  NaN fails the
 * comparison and takes the signed path. */
static inline uint64_t float_to_UINT64(double x, unsigned *fl)
{
    if (!(x >= TWO63))
        return (uint64_t)cvtt64(x, fl);
    return (uint64_t)cvtt64(x - TWO63, fl) ^ ((uint64_t)1 << 63);
}

/* float64 -> float32 rounds; a finite value beyond FLT_MAX's rounding range
 * becomes inf (IEEE 754, C's Annex F), which NumPy 2 reports as overflow. */
static inline float narrow_FLOAT32(double x, unsigned *fl)
{
    float y = (float)x;
    if (isinf(y) && !isinf(x))
        *fl |= ND_FPE_OVERFLOW;
    return y;
}
static inline double narrow_FLOAT64(double x, unsigned *fl)
{
    (void)fl;
    return x;
}
static inline float narrow_COMPLEX64(double x, unsigned *fl)
{
    return narrow_FLOAT32(x, fl);
}
static inline double narrow_COMPLEX128(double x, unsigned *fl)
{
    (void)fl;
    return x;
}

/* One conversion per (source kind, target kind): B bool, I signed, U
 * unsigned, F float, C complex.  Integers convert to floats directly, never
 * through double, so int64 -> float32 rounds once; between integers the
 * conversion wraps modulo 2^N (C leaves narrowing to a signed type to the
 * implementation, and gcc defines it so). */
#define CONV_B_B(x, T, fl) ((c_BOOL)((x) != 0))
#define CONV_B_I(x, T, fl) ((c_##T)((x) != 0))
#define CONV_B_U CONV_B_I
#define CONV_B_F CONV_B_I
#define CONV_B_C(x, T, fl) ((c_##T){(r_##T)((x) != 0), 0})
#define CONV_I_B(x, T, fl) ((c_BOOL)((x) != 0))
#define CONV_I_I(x, T, fl) ((c_##T)(x))
#define CONV_I_U CONV_I_I
#define CONV_I_F CONV_I_I
#define CONV_I_C(x, T, fl) ((c_##T){(r_##T)(x), 0})
#define CONV_U_B CONV_I_B
#define CONV_U_I CONV_I_I
#define CONV_U_U CONV_I_I
#define CONV_U_F CONV_I_I
#define CONV_U_C CONV_I_C
#define CONV_F_B CONV_I_B
#define CONV_F_I(x, T, fl) (float_to_##T((double)(x), &(fl)))
#define CONV_F_U CONV_F_I
#define CONV_F_F(x, T, fl) (narrow_##T((double)(x), &(fl)))
#define CONV_F_C(x, T, fl) ((c_##T){narrow_##T((double)(x), &(fl)), 0})
#define CONV_C_B(x, T, fl) ((c_BOOL)((x).re != 0 || (x).im != 0))
#define CONV_C_I(x, T, fl) CONV_F_I((x).re, T, fl)
#define CONV_C_U CONV_C_I
#define CONV_C_F(x, T, fl) CONV_F_F((x).re, T, fl)
#define CONV_C_C(x, T, fl)                                                     \
    ((c_##T){narrow_##T((double)(x).re, &(fl)),                                \
             narrow_##T((double)(x).im, &(fl))})

/* The dtypes with their kind letters.  The preprocessor cannot expand a
 * list inside its own expansion, so the pairs need the list twice: once
 * for the source, once (with the source carried along) for the target. */
#define CAST_TYPES(X)                                                          \
    X(BOOL, B)                                                                 \
    X(INT8, I)                                                                 \
    X(INT16, I)                                                                \
    X(INT32, I)                                                                \
    X(INT64, I)                                                                \
    X(UINT8, U)                                                                \
    X(UINT16, U)                                                               \
    X(UINT32, U)                                                               \
    X(UINT64, U)                                                               \
    X(FLOAT32, F)                                                              \
    X(FLOAT64, F)                                                              \
    X(COMPLEX64, C)                                                            \
    X(COMPLEX128, C)
#define CAST_TARGETS(X, SRC, SRCK)                                             \
    X(SRC, SRCK, BOOL, B)                                                      \
    X(SRC, SRCK, INT8, I)                                                      \
    X(SRC, SRCK, INT16, I)                                                     \
    X(SRC, SRCK, INT32, I)                                                     \
    X(SRC, SRCK, INT64, I)                                                     \
    X(SRC, SRCK, UINT8, U)                                                     \
    X(SRC, SRCK, UINT16, U)                                                    \
    X(SRC, SRCK, UINT32, U)                                                    \
    X(SRC, SRCK, UINT64, U)                                                    \
    X(SRC, SRCK, FLOAT32, F)                                                   \
    X(SRC, SRCK, FLOAT64, F)                                                   \
    X(SRC, SRCK, COMPLEX64, C)                                                 \
    X(SRC, SRCK, COMPLEX128, C)

/* Elements go through memcpy: arrays may be unaligned (views at odd byte
 * offsets, file mappings), and a fixed-size memcpy compiles to one move. */
#define CAST_ELEMENT(F, FK, T, TK, ip, op)                                     \
    do {                                                                       \
        c_##F x_;                                                              \
        memcpy(&x_, (ip), sizeof x_);                                          \
        c_##T y_ = CONV_##FK##_##TK(x_, T, fl);                                \
        memcpy((op), &y_, sizeof y_);                                          \
    } while (0)

#define DEFINE_CAST(F, FK, T, TK)                                              \
    static void cast_##F##_to_##T(char **ptrs, int64_t n,                      \
                                  const int64_t *steps)                        \
    {                                                                          \
        const char *ip = ptrs[0];                                              \
        char *op = ptrs[1];                                                    \
        unsigned fl = 0;                                                       \
        if (steps[0] == (int64_t)sizeof(c_##F) &&                              \
            steps[1] == (int64_t)sizeof(c_##T)) {                              \
            for (int64_t i = 0; i < n; i++)                                    \
                CAST_ELEMENT(F, FK, T, TK, ip + i * sizeof(c_##F),             \
                             op + i * sizeof(c_##T));                          \
        } else {                                                               \
            for (int64_t i = 0; i < n; i++, ip += steps[0], op += steps[1])    \
                CAST_ELEMENT(F, FK, T, TK, ip, op);                            \
        }                                                                      \
        if (fl != 0)                                                           \
            nd_fpe_raise(fl, "cast");                                          \
    }
#define DEFINE_CASTS_FROM(F, FK) CAST_TARGETS(DEFINE_CAST, F, FK)
CAST_TYPES(DEFINE_CASTS_FROM)

#define CAST_ENTRY(F, FK, T, TK) [ND_##T] = cast_##F##_to_##T,
#define CAST_ROW(F, FK) [ND_##F] = {CAST_TARGETS(CAST_ENTRY, F, FK)},
static const NdLoop cast_table[ND_NTYPES][ND_NTYPES] = {CAST_TYPES(CAST_ROW)};

/* Same-type "casts" are plain copies; the iterator uses them to move data
 * that needs no conversion, so they are a memmove when both sides are
 * contiguous (memmove: an in-place copy passes the same pointer twice). */
#define DEFINE_COPY(N)                                                         \
    static void copy_##N(char **ptrs, int64_t n, const int64_t *steps)         \
    {                                                                          \
        const char *ip = ptrs[0];                                              \
        char *op = ptrs[1];                                                    \
        if (steps[0] == N && steps[1] == N) {                                  \
            if (n > 0 && ip != op)                                             \
                memmove(op, ip, (size_t)(n * N));                              \
            return;                                                            \
        }                                                                      \
        for (int64_t i = 0; i < n; i++, ip += steps[0], op += steps[1])        \
            memmove(op, ip, N);                                                \
    }
DEFINE_COPY(1)
DEFINE_COPY(2)
DEFINE_COPY(4)
DEFINE_COPY(8)
DEFINE_COPY(16)

NdLoop nd_cast_loop(NdType from, NdType to)
{
    if ((unsigned)from >= ND_NTYPES || (unsigned)to >= ND_NTYPES)
        return NULL;
    if (from == to) {
        switch (nd_dtype_size(from)) {
        case 1:
            return copy_1;
        case 2:
            return copy_2;
        case 4:
            return copy_4;
        case 8:
            return copy_8;
        default:
            return copy_16;
        }
    }
    return cast_table[from][to];
}
