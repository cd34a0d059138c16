/* loops.h — the one inner-loop signature every kernel and cast shares, and
 * the tables that hold them.  Private to lib/.
 *
 * A loop processes n elements; ptrs[k] points at the first element of operand
 * k (inputs first, then outputs) and steps[k] is its stride in bytes (0 for a
 * broadcast scalar).  Loops never allocate.  Floating-point events that
 * depend on values (integer division by zero, overflow) go to the fpe status
 * word with nd_fpe_raise().  The rare value errors NumPy raises from inside a
 * loop (an integer to a negative integer power is a ValueError) are set with
 * nd_error(); the driver clears the error record before it starts and checks
 * nd_error_kind() after each loop call. */
#ifndef ND_LOOPS_H
#define ND_LOOPS_H

#include "nd.h"

typedef void (*NdLoop)(char **ptrs, int64_t n, const int64_t *steps);

/* One typed loop of a ufunc: in[0], in[1], in[2] -> out, out2.  Entries
 * past the ufunc's nin are ND_NTYPES (in[1] of a unary loop) or unused
 * (in[2] is read only for the three-input clip); out2 is read only for the
 * ufuncs with two outputs (modf, frexp, divmod). */
typedef struct NdKernel {
    NdType in[3];
    NdType out;
    NdLoop fn;
    NdType out2;
} NdKernel;

/* The loops of a ufunc, in NumPy's `ufunc.types` order (bool, then the
 * integers from the smallest, signed before unsigned, then float32, float64,
 * complex64, complex128), terminated by an entry with fn == NULL.
 * (kernels.c) */
const NdKernel *nd_kernels(NdUfuncId op);
/* The tables of the math ufuncs (ids from ND_UF_SQRT on), the same shape
 * as nd_kernels' (math.c; nd_kernels forwards to it). */
const NdKernel *nd_math_kernels(NdUfuncId op);

/* The outcome of type resolution (ufunc.c): the loop to run and the dtype
 * of every operand as the loop sees it. */
typedef struct NdResolved {
    NdLoop fn;
    NdType in[3];
    NdType out[2];
    bool fallback; /* inputs cast to bool unsafely (logical ops) */
} NdResolved;
/* Resolve op's loop for inputs of these dtypes (weak[i]: a Python scalar),
 * as NumPy 2 does; `dtype` other than ND_NTYPES forces the loop whose
 * output (and, where one exists, inputs) have that dtype (NumPy's dtype=).
 * TypeError as NumPy's when no loop fits. */
int nd_ufunc_resolve(NdUfuncId op, const NdType *types, const bool *weak,
                     NdType dtype, NdResolved *r);

/* Helpers kernels.c shares with math.c: CPython's float divmod (quotient
 * returned, remainder in *mod) and NumPy's complex power (status bits
 * into *st as an element function's). */
float nd_divmod_f32(float a, float b, float *mod);
double nd_divmod_f64(double a, double b, double *mod);
nd_complex64 nd_cpow_c64(nd_complex64 a, nd_complex64 b, unsigned *st);
nd_complex128 nd_cpow_c128(nd_complex128 a, nd_complex128 b, unsigned *st);

/* The cast loop from one dtype to another, with NumPy's unsafe-cast results
 * (float -> int truncates; NaN and out-of-range values give what NumPy gives
 * on x86-64 and raise ND_FPE_INVALID with origin "cast"; complex -> real
 * drops the imaginary part).  Never NULL for valid dtypes.  (cast.c) */
NdLoop nd_cast_loop(NdType from, NdType to);

/* ------------------------------------------------------ loop templates
 *
 * The element types, dtype lists and loop templates shared by the files
 * that define kernels (kernels.c, math.c).  They expand into static
 * functions, so only those files ask for them. */
#ifdef ND_LOOP_TEMPLATES
#include <string.h>

/* Booleans are read as bytes, not _Bool, so a stray byte value can never be
 * a trap representation; every loop writes 0 or 1. */
typedef unsigned char ubool;

/* A private status bit next to the ND_FPE_* flags: an integer raised to a
 * negative power.  The element functions only accumulate bits; the loop
 * reports them once, after its last element. */
#define ST_NEGPOW 0x100u
#define ST_FPE_MASK                                                            \
    (ND_FPE_DIVIDEBYZERO | ND_FPE_OVERFLOW | ND_FPE_UNDERFLOW | ND_FPE_INVALID)

static inline void report_status(unsigned st, const char *name)
{
    if (st & ST_NEGPOW)
        nd_error(ND_ERR_VALUE,
                 "Integers to negative integer powers are not allowed.");
    if (st & ST_FPE_MASK)
        nd_fpe_raise(st & ST_FPE_MASK, name);
}

/* ------------------------------------------------------------ dtype lists
 *
 * Every list calls X(op, sfx, T, NDT, W, M):
 *   sfx  the name suffix of the generated functions
 *   T    the C element type, NDT its NdType
 *   W    integers: an unsigned type at least as wide as int, so wrapping
 *        arithmetic never overflows a signed type (C UB) and small types
 *        are not promoted to signed int first;
 *        floats: T itself; complex: the real component type
 *   M    signed integers: the minimum value; floats and complex: the libm
 *        suffix (f or empty)
 * INT_TYPES interleaves signed and unsigned by size, as NumPy orders its
 * loops. */
#define BOOL_TYPE(X, op) X(op, b1, ubool, ND_BOOL, unsigned, 0)
#define SINT_TYPES(X, op)                                                      \
    X(op, i8, int8_t, ND_INT8, unsigned, INT8_MIN)                             \
    X(op, i16, int16_t, ND_INT16, unsigned, INT16_MIN)                         \
    X(op, i32, int32_t, ND_INT32, uint32_t, INT32_MIN)                         \
    X(op, i64, int64_t, ND_INT64, uint64_t, INT64_MIN)
#define UINT_TYPES(X, op)                                                      \
    X(op, u8, uint8_t, ND_UINT8, unsigned, 0)                                  \
    X(op, u16, uint16_t, ND_UINT16, unsigned, 0)                               \
    X(op, u32, uint32_t, ND_UINT32, uint32_t, 0)                               \
    X(op, u64, uint64_t, ND_UINT64, uint64_t, 0)
#define INT_TYPES(X, op)                                                       \
    X(op, i8, int8_t, ND_INT8, unsigned, INT8_MIN)                             \
    X(op, u8, uint8_t, ND_UINT8, unsigned, 0)                                  \
    X(op, i16, int16_t, ND_INT16, unsigned, INT16_MIN)                         \
    X(op, u16, uint16_t, ND_UINT16, unsigned, 0)                               \
    X(op, i32, int32_t, ND_INT32, uint32_t, INT32_MIN)                         \
    X(op, u32, uint32_t, ND_UINT32, uint32_t, 0)                               \
    X(op, i64, int64_t, ND_INT64, uint64_t, INT64_MIN)                         \
    X(op, u64, uint64_t, ND_UINT64, uint64_t, 0)
#define FLOAT_TYPES(X, op)                                                     \
    X(op, f32, float, ND_FLOAT32, float, f)                                    \
    X(op, f64, double, ND_FLOAT64, double, )
#define COMPLEX_TYPES(X, op)                                                   \
    X(op, c64, nd_complex64, ND_COMPLEX64, float, f)                           \
    X(op, c128, nd_complex128, ND_COMPLEX128, double, )

#define NUM_TYPES(X, op)                                                       \
    INT_TYPES(X, op) FLOAT_TYPES(X, op) COMPLEX_TYPES(X, op)
#define ALL_TYPES(X, op) BOOL_TYPE(X, op) NUM_TYPES(X, op)

/* ------------------------------------------------------- loop templates */

#define ALIGNED(p, T) ((uintptr_t)(p) % _Alignof(T) == 0)
#define CONTIG(p, s, T) ((s) == (int64_t)sizeof(T) && ALIGNED(p, T))

/* gcc's -O2 cost model vectorises no loop that needs an epilogue or a
 * runtime alias check; `omp simd` lifts both (the driver guarantees that an
 * output either is an input or does not overlap it, and the fast paths
 * check it again).  The reduction clause lets element functions record
 * status bits. */
#ifdef _OPENMP
#define SIMD _Pragma("omp simd reduction(| : st)")
#else
#define SIMD
#endif

/* Whether n contiguous elements read at `in` and written at `out` can be
 * processed in vector chunks: disjoint blocks, or the very same elements. */
static inline int simd_safe(const char *in, size_t in_size, const char *out,
                            size_t out_size, int64_t n)
{
    uintptr_t a = (uintptr_t)in, b = (uintptr_t)out;
    if (a == b)
        return in_size == out_size;
    return a + (size_t)n * in_size <= b || b + (size_t)n * out_size <= a;
}

/* loop_<op>_<sfx>: out = el_<op>_<sfx>(in0, in1).  The fast paths use typed
 * pointers only when the data is aligned; everything else goes through
 * memcpy, which is never UB and compiles to plain moves. */
#define DEF_BINARY(op, sfx, TI, TO)                                            \
    DEF_BINARY_NAMED(loop_##op##_##sfx, op, sfx, TI, TO)
#define DEF_BINARY_NAMED(fname, op, sfx, TI, TO)                               \
    static void fname(char **args, int64_t n, const int64_t *steps)            \
    {                                                                          \
        char *p0 = args[0], *p1 = args[1], *p2 = args[2];                      \
        const int64_t s0 = steps[0], s1 = steps[1], s2 = steps[2];             \
        const size_t zi = sizeof(TI), zo = sizeof(TO);                         \
        unsigned st = 0;                                                       \
        if (CONTIG(p0, s0, TI) && CONTIG(p1, s1, TI) && CONTIG(p2, s2, TO) &&  \
            simd_safe(p0, zi, p2, zo, n) && simd_safe(p1, zi, p2, zo, n)) {    \
            const TI *a = (const TI *)(const void *)p0;                        \
            const TI *b = (const TI *)(const void *)p1;                        \
            TO *o = (TO *)(void *)p2;                                          \
            SIMD for (int64_t i = 0; i < n; i++)                               \
            {                                                                  \
                o[i] = el_##op##_##sfx(a[i], b[i], &st);                       \
            }                                                                  \
        } else if (CONTIG(p0, s0, TI) && s1 == 0 && CONTIG(p2, s2, TO) &&      \
                   simd_safe(p0, zi, p2, zo, n)) {                             \
            const TI *a = (const TI *)(const void *)p0;                        \
            TI b;                                                              \
            memcpy(&b, p1, sizeof b);                                          \
            TO *o = (TO *)(void *)p2;                                          \
            SIMD for (int64_t i = 0; i < n; i++)                               \
            {                                                                  \
                o[i] = el_##op##_##sfx(a[i], b, &st);                          \
            }                                                                  \
        } else if (s0 == 0 && CONTIG(p1, s1, TI) && CONTIG(p2, s2, TO) &&      \
                   simd_safe(p1, zi, p2, zo, n)) {                             \
            TI a;                                                              \
            memcpy(&a, p0, sizeof a);                                          \
            const TI *b = (const TI *)(const void *)p1;                        \
            TO *o = (TO *)(void *)p2;                                          \
            SIMD for (int64_t i = 0; i < n; i++)                               \
            {                                                                  \
                o[i] = el_##op##_##sfx(a, b[i], &st);                          \
            }                                                                  \
        } else {                                                               \
            for (int64_t i = 0; i < n; i++) {                                  \
                TI a, b;                                                       \
                memcpy(&a, p0 + i * s0, sizeof a);                             \
                memcpy(&b, p1 + i * s1, sizeof b);                             \
                TO r = el_##op##_##sfx(a, b, &st);                             \
                memcpy(p2 + i * s2, &r, sizeof r);                             \
            }                                                                  \
        }                                                                      \
        if (st)                                                                \
            report_status(st, #op);                                            \
    }

#define DEF_UNARY(op, sfx, TI, TO)                                             \
    DEF_UNARY_NAMED(loop_##op##_##sfx, op, sfx, TI, TO)
#define DEF_UNARY_NAMED(fname, op, sfx, TI, TO)                                \
    static void fname(char **args, int64_t n, const int64_t *steps)            \
    {                                                                          \
        char *p0 = args[0], *p1 = args[1];                                     \
        const int64_t s0 = steps[0], s1 = steps[1];                            \
        unsigned st = 0;                                                       \
        if (CONTIG(p0, s0, TI) && CONTIG(p1, s1, TO) &&                        \
            simd_safe(p0, sizeof(TI), p1, sizeof(TO), n)) {                    \
            const TI *a = (const TI *)(const void *)p0;                        \
            TO *o = (TO *)(void *)p1;                                          \
            SIMD for (int64_t i = 0; i < n; i++)                               \
            {                                                                  \
                o[i] = el_##op##_##sfx(a[i], &st);                             \
            }                                                                  \
        } else if (s0 == 0 && n > 0 && CONTIG(p1, s1, TO)) {                   \
            TI a;                                                              \
            memcpy(&a, p0, sizeof a);                                          \
            TO *o = (TO *)(void *)p1;                                          \
            TO r = el_##op##_##sfx(a, &st);                                    \
            for (int64_t i = 0; i < n; i++)                                    \
                o[i] = r;                                                      \
        } else {                                                               \
            for (int64_t i = 0; i < n; i++) {                                  \
                TI a;                                                          \
                memcpy(&a, p0 + i * s0, sizeof a);                             \
                TO r = el_##op##_##sfx(a, &st);                                \
                memcpy(p1 + i * s1, &r, sizeof r);                             \
            }                                                                  \
        }                                                                      \
        if (st)                                                                \
            report_status(st, #op);                                            \
    }

/* Vectorised ordered compares (cmpltps, ...) signal "invalid" on NaN, but
 * NumPy's float comparisons are quiet: as NumPy does, drop the hardware
 * flag the loop raised (keeping one that was already pending).  The
 * complex loops report their own "invalid" through the status word. */
#define DEF_QUIET_COMPARE(op, sfx, T)                                          \
    DEF_BINARY_NAMED(signalling_##op##_##sfx, op, sfx, T, ubool)               \
    static void loop_##op##_##sfx(char **args, int64_t n,                      \
                                  const int64_t *steps)                        \
    {                                                                          \
        int pending = fetestexcept(FE_INVALID);                                \
        signalling_##op##_##sfx(args, n, steps);                               \
        if (!pending)                                                          \
            feclearexcept(FE_INVALID);                                         \
    }

/* Adapters with the uniform X signature. */
#define X_BIN_SAME(op, sfx, T, NDT, W, M) DEF_BINARY(op, sfx, T, T)
#define X_BIN_BOOL(op, sfx, T, NDT, W, M) DEF_BINARY(op, sfx, T, ubool)
#define X_BIN_QUIET(op, sfx, T, NDT, W, M) DEF_QUIET_COMPARE(op, sfx, T)
#define X_UN_SAME(op, sfx, T, NDT, W, M) DEF_UNARY(op, sfx, T, T)
#define X_UN_BOOL(op, sfx, T, NDT, W, M) DEF_UNARY(op, sfx, T, ubool)
#define X_UN_REAL(op, sfx, T, NDT, R, M) DEF_UNARY(op, sfx, T, R)

#endif /* ND_LOOP_TEMPLATES */

#endif
