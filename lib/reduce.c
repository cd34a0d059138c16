/* reduce.c — reductions and statistics: the generic ufunc reduction (any
 * binary ufunc over any axes, with identities, initial= and where=), the
 * named reductions of NumPy (sum, prod, max, min, any, all, ptp, mean, var,
 * std, argmax/argmin, cumsum/cumprod and their nan- versions) and the
 * statistics built on them (quantile/percentile/median by selection,
 * average, cov, corrcoef).
 *
 * One engine drives every reduction.  The reduced axes form a sequence of n
 * elements in C order for each output element; it is walked in one of two
 * ways, both visiting that same sequence in the same order:
 *   - "inner": when the memory-innermost axis is reduced, each output
 *     element reads its own sequence (straight from memory when it is one
 *     contiguous run of the loop's dtype, else gathered and cast a block at
 *     a time);
 *   - "rows": when the memory-innermost axis is kept (a reduction over a
 *     non-last axis of a C array), a tile of output elements along that
 *     axis is reduced at once: every step of the sequence adds one row of
 *     input to one row of accumulators, so memory streams in order.
 * Float sums are NumPy's pairwise summation with the tree fixed by n alone,
 * so both walks (and any future split across threads) give identical bits;
 * every other reduction is an in-order fold, identical by construction. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "iter.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef unsigned char ubool;

/* ================================================================ axes */

static int parse_axes(const NdArray *a, const int *axes, int naxes,
                      bool red[ND_MAXDIMS])
{
    for (int d = 0; d < ND_MAXDIMS; d++)
        red[d] = naxes < 0 && d < a->ndim;
    if (naxes < 0)
        return a->ndim;
    for (int i = 0; i < naxes; i++) {
        int ax;
        if (nd_normalize_axis(axes[i], a->ndim, &ax) < 0)
            return -1;
        if (red[ax])
            return nd_error(ND_ERR_VALUE, "duplicate value in 'axis'");
        red[ax] = true;
    }
    return naxes;
}

/* The shape of the result: kept axes, with 1s for reduced ones when
 * keepdims. */
static int out_shape(const NdArray *a, const bool *red, bool keepdims,
                     int64_t *shape)
{
    int nd = 0;
    for (int d = 0; d < a->ndim; d++) {
        if (!red[d])
            shape[nd++] = a->shape[d];
        else if (keepdims)
            shape[nd++] = 1;
    }
    return nd;
}

static bool is_float(NdType t)
{
    return t == ND_FLOAT32 || t == ND_FLOAT64;
}
static bool is_complex(NdType t)
{
    return t == ND_COMPLEX64 || t == ND_COMPLEX128;
}
static bool is_inexact(NdType t)
{
    return is_float(t) || is_complex(t);
}
static NdType real_of(NdType t)
{
    return t == ND_COMPLEX64 ? ND_FLOAT32 : t == ND_COMPLEX128 ? ND_FLOAT64 : t;
}

/* ===================================================== sequential kernels
 *
 * A fold kernel: acc[i*as] = op(acc[i*as], x[i*xs]) for i < n.  as == 0
 * folds n elements into one accumulator (the inner walk); as != 0 adds a
 * row into a row (the rows walk). */
typedef void (*FoldFn)(char *acc, const char *x, int64_t n, int64_t xs,
                       int64_t as);

#define ALIGNED(p, T) ((uintptr_t)(p) % _Alignof(T) == 0)

#define DEF_FOLD(name, T, EXPR)                                                \
    static void name(char *acc, const char *x, int64_t n, int64_t xs,          \
                     int64_t as)                                               \
    {                                                                          \
        const int64_t z = (int64_t)sizeof(T);                                  \
        if (as == 0) {                                                         \
            T a;                                                               \
            memcpy(&a, acc, sizeof a);                                         \
            if (xs == z && ALIGNED(x, T)) {                                    \
                const T *p = (const T *)(const void *)x;                       \
                for (int64_t i = 0; i < n; i++) {                              \
                    T b = p[i];                                                \
                    a = (EXPR);                                                \
                }                                                              \
            } else {                                                           \
                for (int64_t i = 0; i < n; i++) {                              \
                    T b;                                                       \
                    memcpy(&b, x + i * xs, sizeof b);                          \
                    a = (EXPR);                                                \
                }                                                              \
            }                                                                  \
            memcpy(acc, &a, sizeof a);                                         \
        } else if (as == z && xs == z && ALIGNED(x, T) && ALIGNED(acc, T)) {   \
            T *o = (T *)(void *)acc;                                           \
            const T *p = (const T *)(const void *)x;                           \
            for (int64_t i = 0; i < n; i++) {                                  \
                T a = o[i], b = p[i];                                          \
                o[i] = (EXPR);                                                 \
            }                                                                  \
        } else {                                                               \
            for (int64_t i = 0; i < n; i++) {                                  \
                T a, b;                                                        \
                memcpy(&a, acc + i * as, sizeof a);                            \
                memcpy(&b, x + i * xs, sizeof b);                              \
                a = (EXPR);                                                    \
                memcpy(acc + i * as, &a, sizeof a);                            \
            }                                                                  \
        }                                                                      \
    }

/* Integers wrap (through the unsigned type of the same width: no signed
 * overflow); bool add/multiply are or/and as NumPy's '??->?' loops. */
#define INT_FOLDS(sfx, T, U)                                                   \
    DEF_FOLD(add_##sfx, T, (T)((U)a + (U)b))                                   \
    DEF_FOLD(mul_##sfx, T, (T)((U)a * (U)b))                                   \
    DEF_FOLD(max_##sfx, T, a >= b ? a : b)                                     \
    DEF_FOLD(min_##sfx, T, a <= b ? a : b)
INT_FOLDS(i8, int8_t, unsigned)
INT_FOLDS(u8, uint8_t, unsigned)
INT_FOLDS(i16, int16_t, unsigned)
INT_FOLDS(u16, uint16_t, unsigned)
INT_FOLDS(i32, int32_t, uint32_t)
INT_FOLDS(u32, uint32_t, uint32_t)
INT_FOLDS(i64, int64_t, uint64_t)
INT_FOLDS(u64, uint64_t, uint64_t)
DEF_FOLD(or_b1, ubool, (ubool)(a || b))
DEF_FOLD(and_b1, ubool, (ubool)(a &&b))

/* Floats: NumPy's maximum/minimum propagate NaN (the first one seen). */
#define FLOAT_FOLDS(sfx, T)                                                    \
    DEF_FOLD(add_##sfx, T, a + b)                                              \
    DEF_FOLD(mul_##sfx, T, a *b)                                               \
    DEF_FOLD(maxg_##sfx, T, (a >= b || isnan(a)) ? a : b)                      \
    DEF_FOLD(ming_##sfx, T, (a <= b || isnan(a)) ? a : b)
FLOAT_FOLDS(f32, float)
FLOAT_FOLDS(f64, double)

/* Complex: componentwise add, the usual product, lexicographic order with
 * NaN propagation as NumPy's complex maximum/minimum. */
#define CPLX_FOLDS(sfx, T)                                                     \
    DEF_FOLD(add_##sfx, T, ((T){a.re + b.re, a.im + b.im}))                    \
    DEF_FOLD(mul_##sfx, T,                                                     \
             ((T){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}))      \
    DEF_FOLD(max_##sfx, T,                                                     \
             (((a.re > b.re && !isnan(a.im) && !isnan(b.im)) ||                \
               (a.re == b.re && a.im >= b.im) || isnan(a.re) || isnan(a.im))   \
                  ? a                                                          \
                  : b))                                                        \
    DEF_FOLD(min_##sfx, T,                                                     \
             (((a.re < b.re && !isnan(a.im) && !isnan(b.im)) ||                \
               (a.re == b.re && a.im <= b.im) || isnan(a.re) || isnan(a.im))   \
                  ? a                                                          \
                  : b))
CPLX_FOLDS(c64, nd_complex64)
CPLX_FOLDS(c128, nd_complex128)

/* Float max/min of a contiguous run, the hot case: vector lanes (exact,
 * since max/min are associative apart from NaN, which is detected and then
 * answered by the in-order fold). */
#if defined(__SSE2__)
static void maxmin_f64_contig(double *acc, const double *p, int64_t n,
                              bool want_max)
{
    int64_t i = 0;
    if (n >= 8) {
        __m128d m0 = _mm_loadu_pd(p), m1 = _mm_loadu_pd(p + 2);
        __m128d m2 = _mm_loadu_pd(p + 4), m3 = _mm_loadu_pd(p + 6);
        __m128d bad = _mm_setzero_pd();
        for (i = 8; i + 8 <= n; i += 8) {
            __m128d x0 = _mm_loadu_pd(p + i), x1 = _mm_loadu_pd(p + i + 2);
            __m128d x2 = _mm_loadu_pd(p + i + 4), x3 = _mm_loadu_pd(p + i + 6);
            bad = _mm_or_pd(bad, _mm_or_pd(_mm_cmpunord_pd(x0, x1),
                                           _mm_cmpunord_pd(x2, x3)));
            if (want_max) {
                m0 = _mm_max_pd(m0, x0);
                m1 = _mm_max_pd(m1, x1);
                m2 = _mm_max_pd(m2, x2);
                m3 = _mm_max_pd(m3, x3);
            } else {
                m0 = _mm_min_pd(m0, x0);
                m1 = _mm_min_pd(m1, x1);
                m2 = _mm_min_pd(m2, x2);
                m3 = _mm_min_pd(m3, x3);
            }
        }
        bad = _mm_or_pd(
            bad, _mm_or_pd(_mm_cmpunord_pd(m0, m1), _mm_cmpunord_pd(m2, m3)));
        if (_mm_movemask_pd(bad)) {
            i = 0; /* a NaN: the in-order fold finds the first one */
        } else {
            double t[8];
            _mm_storeu_pd(t, m0);
            _mm_storeu_pd(t + 2, m1);
            _mm_storeu_pd(t + 4, m2);
            _mm_storeu_pd(t + 6, m3);
            double a = *acc;
            for (int k = 0; k < 8; k++)
                a = want_max ? ((a >= t[k] || isnan(a)) ? a : t[k])
                             : ((a <= t[k] || isnan(a)) ? a : t[k]);
            *acc = a;
        }
    }
    if (want_max)
        maxg_f64((char *)acc, (const char *)(p + i), n - i, 8, 0);
    else
        ming_f64((char *)acc, (const char *)(p + i), n - i, 8, 0);
}
#endif

static void max_f64(char *acc, const char *x, int64_t n, int64_t xs, int64_t as)
{
#if defined(__SSE2__)
    if (as == 0 && xs == 8 && ALIGNED(x, double) && ALIGNED(acc, double)) {
        maxmin_f64_contig((double *)(void *)acc,
                          (const double *)(const void *)x, n, true);
        return;
    }
#endif
    maxg_f64(acc, x, n, xs, as);
}
static void min_f64(char *acc, const char *x, int64_t n, int64_t xs, int64_t as)
{
#if defined(__SSE2__)
    if (as == 0 && xs == 8 && ALIGNED(x, double) && ALIGNED(acc, double)) {
        maxmin_f64_contig((double *)(void *)acc,
                          (const double *)(const void *)x, n, false);
        return;
    }
#endif
    ming_f64(acc, x, n, xs, as);
}
#define max_f32 maxg_f32
#define min_f32 ming_f32

/* ====================================================== pairwise sums
 *
 * NumPy's pairwise summation: a run of at most 128 elements is summed with
 * 8 interleaved accumulators (fewer than 8 elements: in order from 0), a
 * longer run is split at n/2 rounded down to a multiple of 8 and the halves
 * summed recursively.  The leaves come in two forms that compute the same
 * bits: over a contiguous run (inner walk) and over rows (rows walk). */
#define PW_BLOCK 128

/* Lane loops hold no dependence between lanes: `omp simd` lets gcc -O2
 * vectorise them (each lane does the same additions, so the same bits). */
#ifdef _OPENMP
#define LANES _Pragma("omp simd")
#else
#define LANES
#endif

typedef struct PwFns {
    /* *res = pairwise sum of the contiguous run x[0..n), n <= PW_BLOCK */
    void (*leaf)(const char *x, int64_t n, char *res);
    /* res[0..L) = per-lane pairwise sums of rows[0..nrows), each row L
     * elements at stride `stride`; r8 holds 8*L accumulators. */
    void (*leafrows)(char *const *rows, int64_t nrows, int64_t L,
                     int64_t stride, char *res, char *r8);
    /* dst[0..L) = a[0..L) + b[0..L) (contiguous) */
    void (*add)(char *dst, const char *a, const char *b, int64_t L);
} PwFns;

#define DEF_PW(sfx, T, ZERO, ADD)                                              \
    static void pwleaf_##sfx(const char *xc, int64_t n, char *res)             \
    {                                                                          \
        T x[8], r;                                                             \
        if (n < 8) {                                                           \
            r = ZERO;                                                          \
            for (int64_t i = 0; i < n; i++) {                                  \
                memcpy(&x[0], xc + i * (int64_t)sizeof(T), sizeof(T));         \
                r = ADD(r, x[0]);                                              \
            }                                                                  \
            memcpy(res, &r, sizeof r);                                         \
            return;                                                            \
        }                                                                      \
        T a0, a1, a2, a3, a4, a5, a6, a7;                                      \
        memcpy(x, xc, sizeof x);                                               \
        a0 = x[0], a1 = x[1], a2 = x[2], a3 = x[3];                            \
        a4 = x[4], a5 = x[5], a6 = x[6], a7 = x[7];                            \
        int64_t i;                                                             \
        for (i = 8; i < n - (n % 8); i += 8) {                                 \
            memcpy(x, xc + i * (int64_t)sizeof(T), sizeof x);                  \
            a0 = ADD(a0, x[0]), a1 = ADD(a1, x[1]);                            \
            a2 = ADD(a2, x[2]), a3 = ADD(a3, x[3]);                            \
            a4 = ADD(a4, x[4]), a5 = ADD(a5, x[5]);                            \
            a6 = ADD(a6, x[6]), a7 = ADD(a7, x[7]);                            \
        }                                                                      \
        r = ADD(ADD(ADD(a0, a1), ADD(a2, a3)), ADD(ADD(a4, a5), ADD(a6, a7))); \
        for (; i < n; i++) {                                                   \
            memcpy(&x[0], xc + i * (int64_t)sizeof(T), sizeof(T));             \
            r = ADD(r, x[0]);                                                  \
        }                                                                      \
        memcpy(res, &r, sizeof r);                                             \
    }                                                                          \
    static void pwadd_##sfx(char *dst, const char *a, const char *b,           \
                            int64_t L)                                         \
    {                                                                          \
        for (int64_t j = 0; j < L; j++) {                                      \
            T u, v;                                                            \
            memcpy(&u, a + j * (int64_t)sizeof(T), sizeof u);                  \
            memcpy(&v, b + j * (int64_t)sizeof(T), sizeof v);                  \
            u = ADD(u, v);                                                     \
            memcpy(dst + j * (int64_t)sizeof(T), &u, sizeof u);                \
        }                                                                      \
    }                                                                          \
    /* row version: lane j of row i goes to accumulator i % 8, exactly as      \
     * element i of a run does in the leaf above. */                           \
    static void pwrows_##sfx(char *const *rows, int64_t n, int64_t L,          \
                             int64_t stride, char *res, char *r8c)             \
    {                                                                          \
        const int64_t z = (int64_t)sizeof(T);                                  \
        T *r8 = (T *)(void *)r8c;                                              \
        T *out = (T *)(void *)res;                                             \
        if (n < 8) {                                                           \
            for (int64_t j = 0; j < L; j++)                                    \
                out[j] = ZERO;                                                 \
            for (int64_t i = 0; i < n; i++)                                    \
                for (int64_t j = 0; j < L; j++) {                              \
                    T v;                                                       \
                    memcpy(&v, rows[i] + j * stride, sizeof v);                \
                    out[j] = ADD(out[j], v);                                   \
                }                                                              \
            return;                                                            \
        }                                                                      \
        for (int k = 0; k < 8; k++) {                                          \
            if (stride == z) {                                                 \
                memcpy(r8 + k * L, rows[k], (size_t)(L * z));                  \
            } else {                                                           \
                for (int64_t j = 0; j < L; j++)                                \
                    memcpy(&r8[k * L + j], rows[k] + j * stride, sizeof(T));   \
            }                                                                  \
        }                                                                      \
        int64_t i;                                                             \
        for (i = 8; i < n - (n % 8); i++) {                                    \
            T *acc = r8 + (i % 8) * L;                                         \
            if (stride == z && ALIGNED(rows[i], T)) {                          \
                const T *p = (const T *)(const void *)rows[i];                 \
                LANES for (int64_t j = 0; j < L; j++)                          \
                {                                                              \
                    acc[j] = ADD(acc[j], p[j]);                                \
                }                                                              \
            } else {                                                           \
                for (int64_t j = 0; j < L; j++) {                              \
                    T v;                                                       \
                    memcpy(&v, rows[i] + j * stride, sizeof v);                \
                    acc[j] = ADD(acc[j], v);                                   \
                }                                                              \
            }                                                                  \
        }                                                                      \
        for (int64_t j = 0; j < L; j++) {                                      \
            const T *q = r8 + j;                                               \
            out[j] =                                                           \
                ADD(ADD(ADD(q[0], q[L]), ADD(q[2 * L], q[3 * L])),             \
                    ADD(ADD(q[4 * L], q[5 * L]), ADD(q[6 * L], q[7 * L])));    \
        }                                                                      \
        for (; i < n; i++)                                                     \
            for (int64_t j = 0; j < L; j++) {                                  \
                T v;                                                           \
                memcpy(&v, rows[i] + j * stride, sizeof v);                    \
                out[j] = ADD(out[j], v);                                       \
            }                                                                  \
    }                                                                          \
    static const PwFns pw_##sfx = {pwleaf_##sfx, pwrows_##sfx, pwadd_##sfx};

#define RADD(a, b) ((a) + (b))
static inline nd_complex64 cadd64(nd_complex64 a, nd_complex64 b)
{
    return (nd_complex64){a.re + b.re, a.im + b.im};
}
static inline nd_complex128 cadd128(nd_complex128 a, nd_complex128 b)
{
    return (nd_complex128){a.re + b.re, a.im + b.im};
}
DEF_PW(f32, float, 0.0f, RADD)
DEF_PW(f64, double, 0.0, RADD)
DEF_PW(c64, nd_complex64, ((nd_complex64){0.0f, 0.0f}), cadd64)
DEF_PW(c128, nd_complex128, ((nd_complex128){0.0, 0.0}), cadd128)

/* The float64 leaf again with the 8 accumulators in 4 SSE2 registers: the
 * very same additions lane by lane, so the same bits, 4x fewer
 * instructions. */
#if defined(__SSE2__)
static void pwleaf_f64_sse2(const char *xc, int64_t n, char *res)
{
    if (n < 8) {
        pwleaf_f64(xc, n, res);
        return;
    }
    const double *x = (const double *)(const void *)xc;
    __m128d a01 = _mm_loadu_pd(x), a23 = _mm_loadu_pd(x + 2);
    __m128d a45 = _mm_loadu_pd(x + 4), a67 = _mm_loadu_pd(x + 6);
    int64_t i;
    for (i = 8; i < n - (n % 8); i += 8) {
        a01 = _mm_add_pd(a01, _mm_loadu_pd(x + i));
        a23 = _mm_add_pd(a23, _mm_loadu_pd(x + i + 2));
        a45 = _mm_add_pd(a45, _mm_loadu_pd(x + i + 4));
        a67 = _mm_add_pd(a67, _mm_loadu_pd(x + i + 6));
    }
    double r[8];
    _mm_storeu_pd(r, a01);
    _mm_storeu_pd(r + 2, a23);
    _mm_storeu_pd(r + 4, a45);
    _mm_storeu_pd(r + 6, a67);
    double t =
        ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++)
        t += x[i];
    memcpy(res, &t, sizeof t);
}
static const PwFns pw_f64_sse2 = {pwleaf_f64_sse2, pwrows_f64, pwadd_f64};
#endif

static const PwFns *pw_fns(NdType t)
{
    switch (t) {
    case ND_FLOAT32:
        return &pw_f32;
    case ND_FLOAT64:
#if defined(__SSE2__)
        return &pw_f64_sse2;
#endif
        return &pw_f64;
    case ND_COMPLEX64:
        return &pw_c64;
    case ND_COMPLEX128:
        return &pw_c128;
    default:
        return NULL;
    }
}

/* ================================================== the operations */

typedef enum RedKind {
    R_ADD,
    R_MUL,
    R_MAX,
    R_MIN,
    R_OR,  /* logical_or on bool */
    R_AND, /* logical_and on bool */
    R_GENERIC,
} RedKind;

static FoldFn fold_fn(RedKind k, NdType t)
{
#define PICK(sfx)                                                              \
    return k == R_ADD   ? add_##sfx                                            \
           : k == R_MUL ? mul_##sfx                                            \
           : k == R_MAX ? max_##sfx                                            \
                        : min_##sfx;
    if (k == R_OR)
        return or_b1;
    if (k == R_AND)
        return and_b1;
    switch (t) {
    case ND_BOOL:
        return k == R_ADD || k == R_MAX ? or_b1 : and_b1;
    case ND_INT8:
        PICK(i8)
    case ND_UINT8:
        PICK(u8)
    case ND_INT16:
        PICK(i16)
    case ND_UINT16:
        PICK(u16)
    case ND_INT32:
        PICK(i32)
    case ND_UINT32:
        PICK(u32)
    case ND_INT64:
        PICK(i64)
    case ND_UINT64:
        PICK(u64)
    case ND_FLOAT32:
        PICK(f32)
    case ND_FLOAT64:
        PICK(f64)
    case ND_COMPLEX64:
        PICK(c64)
    case ND_COMPLEX128:
        PICK(c128)
    default:
        return NULL;
    }
#undef PICK
}

/* ======================================================== the engine */

typedef struct Red {
    /* geometry of the input: kept axes (k*) and reduced axes (r*) */
    int nk, nr;
    int64_t kshape[ND_MAXDIMS], kin[ND_MAXDIMS], kout[ND_MAXDIMS];
    int64_t rshape[ND_MAXDIMS], rin[ND_MAXDIMS];
    int64_t n;       /* elements per sequence */
    bool contiguous; /* each sequence is one run of stride isz */
    NdType in_t, lt;
    int64_t isz, lsz;
    NdLoop cast; /* in_t -> lt, NULL when equal */
    /* the operation */
    RedKind kind;
    FoldFn fold;
    NdLoop loop; /* R_GENERIC: the ufunc's (lt, lt) -> lt loop */
    const PwFns *pw;
    bool skip_first; /* the accumulator was seeded with element 0 */
    /* scratch */
    char *buf;    /* gathered elements (loop dtype) */
    int64_t bufn; /* its capacity in elements */
    char *tmp;    /* pairwise temporaries */
    int64_t L;    /* lanes of the rows walk (1 for inner) */
    /* var/std: sum (x - center)^2 instead of x; center has out's layout */
    const char *center;
    int64_t cur; /* byte offset of the current output element in out */
    int64_t so;  /* output stride of the rows walk's lanes */
} Red;

/* dst[i] = (src[i*st] - c[i*cs])^2 for the float loop dtypes (dst may be
 * src when st is the itemsize). */
static void sqdev_block(const Red *R, char *dst, const char *src, int64_t n,
                        int64_t st, const char *c, int64_t cs)
{
    if (R->lt == ND_FLOAT64) {
        double *o = (double *)(void *)dst;
        if (st == 8 && cs == 0 && ALIGNED(src, double)) {
            const double *x = (const double *)(const void *)src;
            double m;
            memcpy(&m, c, sizeof m);
            LANES for (int64_t i = 0; i < n; i++)
            {
                double d = x[i] - m;
                o[i] = d * d;
            }
            return;
        }
        for (int64_t i = 0; i < n; i++) {
            double x, m;
            memcpy(&x, src + i * st, sizeof x);
            memcpy(&m, c + i * cs, sizeof m);
            o[i] = (x - m) * (x - m);
        }
    } else {
        float *o = (float *)(void *)dst;
        for (int64_t i = 0; i < n; i++) {
            float x, m;
            memcpy(&x, src + i * st, sizeof x);
            memcpy(&m, c + i * cs, sizeof m);
            o[i] = (x - m) * (x - m);
        }
    }
}

/* Offset in bytes of sequence element r. */
static int64_t seq_offset(const Red *R, int64_t r)
{
    int64_t off = 0;
    for (int k = R->nr - 1; k >= 0 && r; k--) {
        int64_t s = R->rshape[k];
        off += (r % s) * R->rin[k];
        r /= s;
    }
    return off;
}

static void do_fold(const Red *R, char *acc, const char *x, int64_t n,
                    int64_t xs, int64_t as)
{
    if (n <= 0)
        return;
    if (R->fold) {
        R->fold(acc, x, n, xs, as);
        return;
    }
    char *ptrs[3] = {acc, (char *)x, acc};
    int64_t steps[3] = {as, xs, as};
    R->loop(ptrs, n, steps);
}

/* Elements [start, start+len) of the sequence at base, in the loop dtype:
 * a pointer and stride into memory when possible, else gathered into
 * R->buf (len <= R->bufn). */
static const char *seq_get(Red *R, const char *base, int64_t start, int64_t len,
                           int64_t *stride)
{
    if (!R->cast && R->contiguous) {
        *stride = R->isz;
        return base + start * R->isz;
    }
    if (!R->cast && R->nr == 1) {
        *stride = R->rin[0];
        return base + start * R->rin[0];
    }
    /* walk the reduced axes from the index of `start`, one run of the
     * last axis at a time */
    int64_t idx[ND_MAXDIMS];
    int64_t r = start;
    for (int k = R->nr - 1; k >= 0; k--) {
        idx[k] = r % R->rshape[k];
        r /= R->rshape[k];
    }
    int last = R->nr - 1;
    int64_t done = 0;
    while (done < len) {
        int64_t run = R->rshape[last] - idx[last];
        if (run > len - done)
            run = len - done;
        const char *p = base;
        for (int k = 0; k < R->nr; k++)
            p += idx[k] * R->rin[k];
        char *ptrs[2] = {(char *)p, R->buf + done * R->lsz};
        int64_t steps[2] = {R->rin[last], R->lsz};
        if (R->cast) {
            R->cast(ptrs, run, steps);
        } else {
            for (int64_t i = 0; i < run; i++)
                memcpy(ptrs[1] + i * R->lsz, p + i * R->rin[last],
                       (size_t)R->lsz);
        }
        done += run;
        idx[last] += run;
        for (int k = last; k > 0 && idx[k] == R->rshape[k]; k--) {
            idx[k] = 0;
            idx[k - 1]++;
        }
    }
    *stride = R->lsz;
    return R->buf;
}

/* pairwise sum of sequence elements [start, start+len) into res */
static void pw_inner(Red *R, const char *base, int64_t start, int64_t len,
                     char *res, int depth)
{
    if (len <= PW_BLOCK) {
        int64_t st;
        const char *p = seq_get(R, base, start, len, &st);
        if (R->center) {
            sqdev_block(R, R->buf, p, len, st, R->center + R->cur, 0);
            p = R->buf;
        } else if (st != R->lsz) { /* the leaf wants a contiguous run */
            for (int64_t i = 0; i < len; i++)
                memcpy(R->buf + i * R->lsz, p + i * st, (size_t)R->lsz);
            p = R->buf;
        }
        R->pw->leaf(p, len, res);
        return;
    }
    int64_t n2 = len / 2;
    n2 -= n2 % 8;
    char *left = R->tmp + (int64_t)depth * 2 * R->lsz;
    char *right = left + R->lsz;
    pw_inner(R, base, start, n2, left, depth + 1);
    pw_inner(R, base, start + n2, len - n2, right, depth + 1);
    R->pw->add(res, left, right, 1);
}

/* one output element of the inner walk: acc (loop dtype) is seeded */
static void reduce_inner(Red *R, const char *base, char *acc)
{
    if (R->pw) {
        char res[16];
        pw_inner(R, base, 0, R->n, res, 0);
        R->pw->add(acc, acc, res, 1);
        return;
    }
    int64_t start = R->skip_first ? 1 : 0;
    while (start < R->n) {
        int64_t len = R->n - start;
        if (len > R->bufn)
            len = R->bufn;
        int64_t st;
        const char *p = seq_get(R, base, start, len, &st);
        do_fold(R, acc, p, len, st, 0);
        start += len;
    }
}

/* The row of sequence element r for lanes [0, L) at base: a pointer with
 * stride sv into memory, or cast into dst (contiguous). */
static const char *row_get(Red *R, const char *base, int64_t r, int64_t L,
                           int64_t sv, char *dst, int64_t *stride)
{
    const char *p = base + seq_offset(R, r);
    if (!R->cast) {
        *stride = sv;
        return p;
    }
    char *ptrs[2] = {(char *)p, dst};
    int64_t steps[2] = {sv, R->lsz};
    R->cast(ptrs, L, steps);
    *stride = R->lsz;
    return dst;
}

static void pw_rows(Red *R, const char *base, int64_t start, int64_t len,
                    int64_t L, int64_t sv, char *res, int depth)
{
    if (len <= PW_BLOCK) {
        char *rows[PW_BLOCK];
        int64_t st = sv;
        for (int64_t i = 0; i < len; i++) {
            char *dst = R->buf + i * L * R->lsz;
            int64_t s1;
            rows[i] = (char *)row_get(R, base, start + i, L, sv, dst, &s1);
            if (R->center) {
                sqdev_block(R, dst, rows[i], L, s1, R->center + R->cur, R->so);
                rows[i] = dst;
                s1 = R->lsz;
            }
            st = s1;
        }
        char *r8 = R->buf + (int64_t)PW_BLOCK * L * R->lsz;
        R->pw->leafrows(rows, len, L, st, res, r8);
        return;
    }
    int64_t n2 = len / 2;
    n2 -= n2 % 8;
    char *left = R->tmp + (int64_t)depth * 2 * L * R->lsz;
    char *right = left + L * R->lsz;
    pw_rows(R, base, start, n2, L, sv, left, depth + 1);
    pw_rows(R, base, start + n2, len - n2, L, sv, right, depth + 1);
    R->pw->add(res, left, right, L);
}

/* a tile of L output elements at acc (stride so) of the rows walk */
static void reduce_rows(Red *R, const char *base, char *acc, int64_t L,
                        int64_t sv, int64_t so)
{
    if (R->pw) {
        char *res = R->tmp + (int64_t)2 * 64 * L * R->lsz;
        pw_rows(R, base, 0, R->n, L, sv, res, 0);
        /* acc = acc + res, the same add as the inner walk's last step */
        for (int64_t j = 0; j < L; j++)
            R->pw->add(acc + j * so, acc + j * so, res + j * R->lsz, 1);
        return;
    }
    for (int64_t r = R->skip_first ? 1 : 0; r < R->n; r++) {
        int64_t st;
        const char *p = row_get(R, base, r, L, sv, R->buf, &st);
        do_fold(R, acc, p, L, st, so);
    }
}

/* Seed output element(s) with element 0 of their sequence. */
static void seed_first(Red *R, const char *base, char *acc, int64_t L,
                       int64_t sv, int64_t so)
{
    for (int64_t j = 0; j < L; j++) {
        const char *p = base + j * sv;
        if (R->cast) {
            char *ptrs[2] = {(char *)p, acc + j * so};
            int64_t steps[2] = {0, 0};
            R->cast(ptrs, 1, steps);
        } else {
            memcpy(acc + j * so, p, (size_t)R->lsz);
        }
    }
}

#define TILE 256

/* Run the reduction of `a` (dtype in_t) into `out` (C-contiguous, the kept
 * shape, dtype lt, already filled with the seed unless skip_first). */
static int run_engine(Red *R, const NdArray *a, const bool *red, NdArray *out)
{
    /* geometry; axes of length 1 are dropped (they change nothing) */
    int64_t ostr[ND_MAXDIMS];
    {
        int64_t s = R->lsz;
        int nd = 0;
        for (int d = a->ndim - 1; d >= 0; d--)
            if (!red[d])
                nd++;
        int k = nd;
        for (int d = a->ndim - 1; d >= 0; d--) {
            if (red[d])
                continue;
            ostr[--k] = s;
            s *= a->shape[d];
        }
    }
    R->nk = R->nr = 0;
    R->n = 1;
    int ko = 0;
    for (int d = 0; d < a->ndim; d++) {
        if (red[d]) {
            R->n *= a->shape[d];
            if (a->shape[d] != 1) {
                R->rshape[R->nr] = a->shape[d];
                R->rin[R->nr++] = a->strides[d];
            }
        } else {
            if (a->shape[d] != 1) {
                R->kshape[R->nk] = a->shape[d];
                R->kin[R->nk] = a->strides[d];
                R->kout[R->nk++] = ostr[ko];
            }
            ko++;
        }
    }
    if (R->nr == 0) { /* nothing to reduce: a sequence of one element */
        R->rshape[0] = 1;
        R->rin[0] = 0;
        R->nr = 1;
    }
    R->contiguous = R->rin[R->nr - 1] == R->isz;
    for (int k = R->nr - 2; k >= 0 && R->contiguous; k--)
        R->contiguous = R->rin[k] == R->rin[k + 1] * R->rshape[k + 1];

    /* choose the walk: rows when a kept axis is innermost in memory */
    int v = -1;
    int64_t vmin = INT64_MAX;
    for (int k = 0; k < R->nk; k++) {
        int64_t s = R->kin[k] < 0 ? -R->kin[k] : R->kin[k];
        if (s < vmin) {
            vmin = s;
            v = k;
        }
    }
    int64_t rmin = INT64_MAX;
    for (int k = 0; k < R->nr; k++) {
        int64_t s = R->rin[k] < 0 ? -R->rin[k] : R->rin[k];
        if (R->rshape[k] > 1 && s < rmin)
            rmin = s;
    }
    bool rows = v >= 0 && vmin < rmin && !R->contiguous && R->n > 1;
    int64_t L = rows ? (R->kshape[v] < TILE ? R->kshape[v] : TILE) : 1;
    R->L = L;

    /* scratch: gathered rows/blocks + 8 accumulator rows; pairwise
     * temporaries (2 per tree level, at most 64 levels) + one result row */
    int64_t nbuf = rows ? (PW_BLOCK + 8) * L : 4096;
    R->bufn = rows ? L : 4096;
    R->buf = nd_malloc((size_t)(nbuf * R->lsz));
    R->tmp = nd_malloc((size_t)((2 * 64 + 1) * L * R->lsz));
    if (!R->buf || !R->tmp) {
        free(R->buf);
        free(R->tmp);
        return -1;
    }

    /* the outer iteration: every kept axis except v (rows walk) */
    int nouter = 0;
    int64_t oshape[ND_MAXDIMS], oin[ND_MAXDIMS], oout[ND_MAXDIMS];
    for (int k = 0; k < R->nk; k++) {
        if (rows && k == v)
            continue;
        oshape[nouter] = R->kshape[k];
        oin[nouter] = R->kin[k];
        oout[nouter++] = R->kout[k];
    }
    int64_t idx[ND_MAXDIMS] = {0};
    const char *ip = a->data;
    char *op = out->data;
    for (;;) {
        if (rows) {
            int64_t len = R->kshape[v];
            for (int64_t t = 0; t < len; t += L) {
                int64_t l = len - t < L ? len - t : L;
                const char *b = ip + t * R->kin[v];
                char *o = op + t * R->kout[v];
                if (R->skip_first)
                    seed_first(R, b, o, l, R->kin[v], R->kout[v]);
                R->cur = o - out->data;
                R->so = R->kout[v];
                reduce_rows(R, b, o, l, R->kin[v], R->kout[v]);
            }
        } else {
            if (R->skip_first)
                seed_first(R, ip, op, 1, 0, 0);
            R->cur = op - out->data;
            reduce_inner(R, ip, op);
        }
        if (nd_error_kind() != ND_OK)
            break;
        int k = nouter - 1;
        for (; k >= 0; k--) {
            ip += oin[k];
            op += oout[k];
            if (++idx[k] < oshape[k])
                break;
            ip -= oin[k] * oshape[k];
            op -= oout[k] * oshape[k];
            idx[k] = 0;
        }
        if (k < 0)
            break;
    }
    free(R->buf);
    free(R->tmp);
    R->buf = R->tmp = NULL;
    return nd_error_kind() != ND_OK ? -1 : 0;
}

/* =========================================== the reduction, resolved */

typedef struct RedSpec {
    const char *name; /* NumPy's ufunc name for messages */
    RedKind kind;
    NdLoop loop;           /* R_GENERIC */
    NdType lt;             /* loop dtype */
    NdType out_t;          /* result dtype (lt) */
    bool has_identity;     /* NumPy's ufunc.identity is not None */
    NdScalar identity;     /* in any dtype; cast to lt */
    bool reorderable;      /* more than one axis allowed */
    const NdArray *center; /* var: the means, laid out as the result */
} RedSpec;

/* Fill a with one value (cast unsafely). */
static int fill_value(NdArray *a, const NdScalar *v)
{
    return nd_fill(a, v);
}

/* out = where ? x : out, for the where= mask (itemsize-generic). */
static void select_loop(char **p, int64_t n, const int64_t *s, size_t z)
{
    for (int64_t i = 0; i < n; i++)
        if (*(const ubool *)(p[1] + i * s[1]))
            memcpy(p[2] + i * s[2], p[0] + i * s[0], z);
}
#define SELECT(z)                                                              \
    static void select_##z(char **p, int64_t n, const int64_t *s)              \
    {                                                                          \
        select_loop(p, n, s, z);                                               \
    }
SELECT(1)
SELECT(2)
SELECT(4)
SELECT(8)
SELECT(16)

/* A copy of a in dtype lt with the elements outside `where` replaced by
 * fill. */
static NdArray *masked_copy(NdArray *a, NdArray *where, NdType lt,
                            const NdScalar *fill)
{
    NdArray *t = nd_empty(lt, a->ndim, a->shape, 'C');
    if (!t || fill_value(t, fill) < 0) {
        nd_decref(t);
        return NULL;
    }
    NdArray *ops[3] = {a, where, t};
    NdType types[3] = {lt, ND_BOOL, lt};
    NdLoop fn;
    switch (nd_dtype_size(lt)) {
    case 1:
        fn = select_1;
        break;
    case 2:
        fn = select_2;
        break;
    case 4:
        fn = select_4;
        break;
    case 8:
        fn = select_8;
        break;
    default:
        fn = select_16;
        break;
    }
    /* where must broadcast to a's shape, not the other way round */
    NdArray *w = nd_broadcast_to(where, a->ndim, a->shape);
    if (!w) {
        nd_decref(t);
        return NULL;
    }
    ops[1] = w;
    int rc = nd_elementwise(2, 1, ops, types, fn);
    nd_decref(w);
    if (rc < 0) {
        nd_decref(t);
        return NULL;
    }
    return t;
}

static NdArray *reduce_fold(const RedSpec *S, FoldFn fold, NdArray *a,
                            const int *axes, int naxes, bool keepdims,
                            const NdScalar *initial, NdArray *where);

static NdArray *reduce_spec(const RedSpec *S, NdArray *a, const int *axes,
                            int naxes, bool keepdims, const NdScalar *initial,
                            NdArray *where)
{
    return reduce_fold(S, NULL, a, axes, naxes, keepdims, initial, where);
}

/* The reduction S; `fold` (may be NULL) overrides the kernel. */
static NdArray *reduce_fold(const RedSpec *S, FoldFn fold, NdArray *a,
                            const int *axes, int naxes, bool keepdims,
                            const NdScalar *initial, NdArray *where)
{
    bool red[ND_MAXDIMS];
    int nred = parse_axes(a, axes, naxes, red);
    if (nred < 0)
        return NULL;
    int nreal = 0;
    for (int d = 0; d < a->ndim; d++)
        nreal += red[d];
    if (!S->reorderable && nreal > 1) {
        nd_error(ND_ERR_VALUE,
                 "reduction operation '%s' is not reorderable, so at most "
                 "one axis may be specified",
                 S->name);
        return NULL;
    }
    if (where && !S->has_identity && !initial) {
        nd_error(ND_ERR_VALUE,
                 "reduction operation '%s' does not have an identity, so to "
                 "use a where mask one has to specify 'initial'",
                 S->name);
        return NULL;
    }
    int64_t n = 1, nout = 1;
    for (int d = 0; d < a->ndim; d++) {
        if (red[d])
            n *= a->shape[d];
        else
            nout *= a->shape[d];
    }
    if (n == 0 && !S->has_identity && !initial) {
        nd_error(ND_ERR_VALUE,
                 "zero-size array to reduction operation %s which has no "
                 "identity",
                 S->name);
        return NULL;
    }
    int64_t kshape[ND_MAXDIMS];
    int nk = 0;
    for (int d = 0; d < a->ndim; d++)
        if (!red[d])
            kshape[nk++] = a->shape[d];
    NdArray *out = nd_empty(S->lt, nk, kshape, 'C');
    if (!out)
        return NULL;

    Red R = {0};
    R.kind = S->kind;
    R.lt = S->lt;
    R.lsz = (int64_t)nd_dtype_size(S->lt);
    NdArray *src = a, *owned = NULL;
    /* the seed: initial, else the identity, else element 0 */
    NdScalar seed;
    bool seeded = false;
    if (initial) {
        seed = *initial;
        seeded = true;
    } else if (S->has_identity) {
        seed = S->identity;
        seeded = true;
    }
    if (where) {
        /* masked elements become the identity (or initial): harmless */
        const NdScalar *fill = S->has_identity ? &S->identity : initial;
        owned = masked_copy(a, where, S->lt, fill);
        if (!owned) {
            nd_decref(out);
            return NULL;
        }
        src = owned;
    }
    R.in_t = src->dtype;
    R.isz = (int64_t)nd_dtype_size(src->dtype);
    R.cast = src->dtype == S->lt ? NULL : nd_cast_loop(src->dtype, S->lt);
    if (fold) {
        R.fold = fold;
    } else if (S->kind == R_GENERIC) {
        R.loop = S->loop;
    } else {
        R.fold = fold_fn(S->kind, S->lt);
        if (S->kind == R_ADD)
            R.pw = pw_fns(S->lt);
    }
    R.skip_first = !seeded;
    R.center = S->center ? S->center->data : NULL;
    int rc = 0;
    if (seeded) {
        rc = fill_value(out, &seed);
    }
    /* maximum/minimum report no float events (NaN compares are quiet in
     * NumPy's loops) */
    bool quiet = S->kind == R_MAX || S->kind == R_MIN || fold;
    bool fp = (is_inexact(S->lt) || is_inexact(src->dtype)) && !quiet;
    if (fp)
        nd_fpe_hw_clear();
    nd_error_clear();
    if (rc == 0 && nout > 0 && n > 0)
        rc = run_engine(&R, src, red, out);
    if (fp)
        nd_fpe_hw_collect(S->name);
    else if (quiet)
        nd_fpe_hw_clear();
    nd_decref(owned);
    if (rc < 0) {
        nd_decref(out);
        return NULL;
    }
    if (keepdims) {
        int64_t shape[ND_MAXDIMS];
        int nd = out_shape(a, red, true, shape);
        NdArray *r = nd_reshape(out, nd, shape, 'C');
        nd_decref(out);
        return r;
    }
    return out;
}

/* ---------------------------------------------------- type resolution */

/* NumPy's add/multiply reductions upcast bool and small integers. */
static NdType sum_type(NdType t)
{
    switch (t) {
    case ND_BOOL:
    case ND_INT8:
    case ND_INT16:
    case ND_INT32:
        return ND_INT64;
    case ND_UINT8:
    case ND_UINT16:
    case ND_UINT32:
        return ND_UINT64;
    default:
        return t;
    }
}

static bool name_is(NdUfuncId op, const char *name)
{
    return strcmp(nd_ufunc_name(op), name) == 0;
}

/* The identity of a ufunc as NumPy's ufunc.identity (false: None). */
static bool ufunc_identity(NdUfuncId op, NdScalar *id)
{
    static const struct {
        const char *name;
        int v; /* 0, 1 or -1 (all bits) */
        bool is_bool;
    } ids[] = {
        {"add", 0, false},        {"multiply", 1, false},
        {"logical_and", 1, true}, {"logical_or", 0, true},
        {"logical_xor", 0, true}, {"bitwise_and", -1, false},
        {"bitwise_or", 0, false}, {"bitwise_xor", 0, false},
        {"logaddexp", 0, false},  {"logaddexp2", 0, false},
        {"gcd", 0, false},        {"lcm", 0, false},
    };
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        if (!name_is(op, ids[i].name))
            continue;
        if (ids[i].is_bool)
            *id = nd_scalar_bool(ids[i].v != 0);
        else if (!strcmp(ids[i].name, "logaddexp") ||
                 !strcmp(ids[i].name, "logaddexp2"))
            *id = nd_scalar_float64(-INFINITY);
        else
            *id = nd_scalar_int64(ids[i].v);
        return true;
    }
    return false;
}

static bool ufunc_reorderable(NdUfuncId op)
{
    static const char *const no[] = {
        "subtract",     "divide",      "floor_divide", "remainder",
        "power",        "fmod",        "left_shift",   "right_shift",
        "arctan2",      "hypot",       "copysign",     "nextafter",
        "ldexp",        "float_power", "heaviside",    "equal",
        "not_equal",    "less",        "less_equal",   "greater",
        "greater_equal"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (name_is(op, no[i]))
            return false;
    return true;
}

NdArray *nd_reduce(NdUfuncId op, NdArray *a, const int *axes, int naxes,
                   bool keepdims, NdType dtype, const NdScalar *initial,
                   NdArray *where)
{
    if ((unsigned)op >= ND_UF_COUNT || nd_ufunc_nin(op) != 2) {
        nd_error(ND_ERR_VALUE, "reduce only supported for binary functions");
        return NULL;
    }
    RedSpec S = {0};
    S.name = nd_ufunc_name(op);
    S.has_identity = ufunc_identity(op, &S.identity);
    S.reorderable = ufunc_reorderable(op);
    NdType t = dtype != ND_NTYPES ? dtype : a->dtype;
    bool add = name_is(op, "add"), mul = name_is(op, "multiply");
    if ((add || mul) && dtype == ND_NTYPES)
        t = sum_type(t);
    if (add || mul || name_is(op, "maximum") || name_is(op, "minimum")) {
        S.kind = add                      ? R_ADD
                 : mul                    ? R_MUL
                 : name_is(op, "maximum") ? R_MAX
                                          : R_MIN;
        S.lt = t;
    } else if (name_is(op, "logical_or") || name_is(op, "logical_and")) {
        S.kind = name_is(op, "logical_or") ? R_OR : R_AND;
        S.lt = ND_BOOL;
    } else {
        /* the first loop of the ufunc of the form (T, T) -> T that t
         * reaches by a safe cast */
        const NdKernel *k = nd_kernels(op);
        for (; k && k->fn; k++)
            if (k->in[0] == k->in[1] && k->out == k->in[0] &&
                nd_can_cast(t, k->in[0], ND_CAST_SAFE))
                break;
        if (!k || !k->fn) {
            nd_error(ND_ERR_TYPE,
                     "ufunc '%s' not supported for the input types, and the "
                     "inputs could not be safely coerced to any supported "
                     "types according to the casting rule ''safe''",
                     S.name);
            return NULL;
        }
        S.kind = R_GENERIC;
        S.loop = k->fn;
        S.lt = k->in[0];
    }
    S.out_t = S.lt;
    return reduce_spec(&S, a, axes, naxes, keepdims, initial, where);
}

/* ====================================================== named reductions */

static NdArray *simple(RedKind kind, const char *name, NdType lt, bool has_id,
                       NdScalar id, NdArray *a, const int *axes, int naxes,
                       bool keepdims, const NdScalar *initial, NdArray *where)
{
    RedSpec S = {0};
    S.name = name;
    S.kind = kind;
    S.lt = S.out_t = lt;
    S.has_identity = has_id;
    S.identity = id;
    S.reorderable = true;
    return reduce_spec(&S, a, axes, naxes, keepdims, initial, where);
}

NdArray *nd_sum(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdType dtype, const NdScalar *initial, NdArray *where)
{
    /* NumPy casts a reduction's input unsafely to the dtype asked for
     * (sum([0.5, 1.5], dtype=int32) is 1) */
    NdType t = dtype != ND_NTYPES ? dtype : sum_type(a->dtype);
    return simple(R_ADD, "add", t, true, nd_scalar_int64(0), a, axes, naxes,
                  keepdims, initial, where);
}

NdArray *nd_prod(NdArray *a, const int *axes, int naxes, bool keepdims,
                 NdType dtype, const NdScalar *initial, NdArray *where)
{
    NdType t = dtype != ND_NTYPES ? dtype : sum_type(a->dtype);
    return simple(R_MUL, "multiply", t, true, nd_scalar_int64(1), a, axes,
                  naxes, keepdims, initial, where);
}

NdArray *nd_max(NdArray *a, const int *axes, int naxes, bool keepdims,
                const NdScalar *initial, NdArray *where)
{
    return simple(R_MAX, "maximum", a->dtype, false, nd_scalar_int64(0), a,
                  axes, naxes, keepdims, initial, where);
}

NdArray *nd_min(NdArray *a, const int *axes, int naxes, bool keepdims,
                const NdScalar *initial, NdArray *where)
{
    return simple(R_MIN, "minimum", a->dtype, false, nd_scalar_int64(0), a,
                  axes, naxes, keepdims, initial, where);
}

NdArray *nd_any(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdArray *where)
{
    return simple(R_OR, "logical_or", ND_BOOL, true, nd_scalar_bool(false), a,
                  axes, naxes, keepdims, NULL, where);
}

NdArray *nd_all(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdArray *where)
{
    return simple(R_AND, "logical_and", ND_BOOL, true, nd_scalar_bool(true), a,
                  axes, naxes, keepdims, NULL, where);
}

/* nanmax/nanmin: NumPy's fmax/fmin reductions (NaN skipped unless every
 * element of the slice is NaN). */
#define FDEF(sfx, T)                                                           \
    DEF_FOLD(fmax_##sfx, T, (a >= b || isnan(b)) ? a : b)                      \
    DEF_FOLD(fmin_##sfx, T, (a <= b || isnan(b)) ? a : b)
FDEF(f32, float)
FDEF(f64, double)
#define CNAN(z) (isnan((z).re) || isnan((z).im))
#define CFDEF(sfx, T)                                                          \
    DEF_FOLD(fmax_##sfx, T,                                                    \
             (CNAN(b) ||                                                       \
              (!CNAN(a) && ((a.re > b.re) || (a.re == b.re && a.im >= b.im)))) \
                 ? a                                                           \
                 : b)                                                          \
    DEF_FOLD(fmin_##sfx, T,                                                    \
             (CNAN(b) ||                                                       \
              (!CNAN(a) && ((a.re < b.re) || (a.re == b.re && a.im <= b.im)))) \
                 ? a                                                           \
                 : b)
CFDEF(c64, nd_complex64)
CFDEF(c128, nd_complex128)

/* ============================================================== helpers */

/* A fresh C-contiguous copy of a in dtype t. */
static NdArray *as_type_copy(NdArray *a, NdType t)
{
    NdArray *c = nd_empty(t, a->ndim, a->shape, 'C');
    if (!c)
        return NULL;
    if (nd_copyto(c, a, ND_CAST_UNSAFE) < 0) {
        nd_decref(c);
        return NULL;
    }
    return c;
}

/* a itself (new reference) when C-contiguous in dtype t, else a copy. */
static NdArray *as_contig(NdArray *a, NdType t)
{
    if (a->dtype == t && (a->flags & ND_C_CONTIGUOUS))
        return nd_incref(a);
    return as_type_copy(a, t);
}

/* Replace NaN (in either part of a complex) by v in a fresh contiguous
 * array of a's dtype; *mask (optional) receives a bool array, true where
 * a was NaN. */
static NdArray *replace_nan(NdArray *a, double v, NdArray **mask)
{
    NdArray *c = as_type_copy(a, a->dtype);
    if (!c)
        return NULL;
    ubool *m = NULL;
    if (mask) {
        *mask = nd_zeros(ND_BOOL, a->ndim, a->shape, 'C');
        if (!*mask) {
            nd_decref(c);
            return NULL;
        }
        m = (ubool *)(*mask)->data;
    }
    int64_t n = c->size;
    switch (c->dtype) {
    case ND_FLOAT32: {
        float *x = (float *)(void *)c->data;
        for (int64_t i = 0; i < n; i++)
            if (isnan(x[i])) {
                x[i] = (float)v;
                if (m)
                    m[i] = 1;
            }
        break;
    }
    case ND_FLOAT64: {
        double *x = (double *)(void *)c->data;
        for (int64_t i = 0; i < n; i++)
            if (isnan(x[i])) {
                x[i] = v;
                if (m)
                    m[i] = 1;
            }
        break;
    }
    case ND_COMPLEX64: {
        nd_complex64 *x = (nd_complex64 *)(void *)c->data;
        for (int64_t i = 0; i < n; i++)
            if (CNAN(x[i])) {
                x[i] = (nd_complex64){(float)v, 0};
                if (m)
                    m[i] = 1;
            }
        break;
    }
    case ND_COMPLEX128: {
        nd_complex128 *x = (nd_complex128 *)(void *)c->data;
        for (int64_t i = 0; i < n; i++)
            if (CNAN(x[i])) {
                x[i] = (nd_complex128){v, 0};
                if (m)
                    m[i] = 1;
            }
        break;
    }
    default:
        break;
    }
    return c;
}

static double get_f(const char *p, NdType t)
{
    NdScalar s, d;
    s.dtype = t;
    s.weak = false;
    memcpy(s.v.bytes, p, nd_dtype_size(t));
    nd_scalar_cast(&s, ND_FLOAT64, &d);
    return d.v.f64;
}

/* Divide every element of the fresh contiguous array s (float or complex)
 * by the matching count (cnt: an int64 array of s's size, or NULL and the
 * single count n), the way true_divide would: 0/0 gives nan and the
 * invalid event. */
static void divide_by_count(NdArray *s, const double *cnt, double n)
{
    int64_t m = s->size;
    for (int64_t i = 0; i < m; i++) {
        double c = cnt ? cnt[i] : n;
        switch (s->dtype) {
        case ND_FLOAT32: {
            float *x = (float *)(void *)s->data;
            x[i] = x[i] / (float)c;
            break;
        }
        case ND_FLOAT64: {
            double *x = (double *)(void *)s->data;
            x[i] = x[i] / c;
            break;
        }
        case ND_COMPLEX64: {
            nd_complex64 *x = (nd_complex64 *)(void *)s->data;
            x[i].re /= (float)c;
            x[i].im /= (float)c;
            break;
        }
        case ND_COMPLEX128: {
            nd_complex128 *x = (nd_complex128 *)(void *)s->data;
            x[i].re /= c;
            x[i].im /= c;
            break;
        }
        default: {
            /* integer dtype= given: NumPy divides and casts unsafely */
            double v = get_f(s->data + i * (int64_t)nd_dtype_size(s->dtype),
                             s->dtype) /
                       c;
            NdScalar d = nd_scalar_float64(v), o;
            nd_scalar_cast(&d, s->dtype, &o);
            memcpy(s->data + i * (int64_t)nd_dtype_size(s->dtype), o.v.bytes,
                   nd_dtype_size(s->dtype));
        }
        }
    }
}

/* Run a float-division step with the hardware flags collected under the
 * name NumPy reports: "divide" for arrays, "scalar divide" for 0-d. */
static void divide_counted(NdArray *s, const double *cnt, double n)
{
    nd_fpe_hw_clear();
    divide_by_count(s, cnt, n);
    nd_fpe_hw_collect(s->ndim == 0 ? "scalar divide" : "divide");
}

/* The same for var's mean, which NumPy divides as a keepdims array. */
static void divide_counted_array(NdArray *s, const double *cnt, double n)
{
    nd_fpe_hw_clear();
    divide_by_count(s, cnt, n);
    nd_fpe_hw_collect("divide");
}

/* The number of elements each output of a reduction over `red` sees; with
 * where, an int64 array (keepdims shape if keepdims) of the counts. */
static int64_t reduced_count(const NdArray *a, const int *axes, int naxes)
{
    bool red[ND_MAXDIMS];
    if (parse_axes(a, axes, naxes, red) < 0)
        return -1;
    int64_t n = 1;
    for (int d = 0; d < a->ndim; d++)
        if (red[d])
            n *= a->shape[d];
    return n;
}

static NdArray *where_counts(NdArray *a, NdArray *where, const int *axes,
                             int naxes, bool keepdims)
{
    NdArray *w = nd_broadcast_to(where, a->ndim, a->shape);
    if (!w)
        return NULL;
    NdArray *c = nd_sum(w, axes, naxes, keepdims, ND_INT64, NULL, NULL);
    nd_decref(w);
    return c;
}

/* int64 counts as doubles (NULL for NULL). */
static double *counts_double(const int64_t *c, int64_t m)
{
    if (!c)
        return NULL;
    double *d = nd_malloc((size_t)(m ? m : 1) * sizeof *d);
    if (d)
        for (int64_t i = 0; i < m; i++)
            d[i] = (double)c[i];
    return d;
}

static bool any_zero(const int64_t *cnt, int64_t m, int64_t n)
{
    if (!cnt)
        return n == 0 && m > 0;
    for (int64_t i = 0; i < m; i++)
        if (cnt[i] <= 0)
            return true;
    return false;
}

/* ============================================================ ptp, mean */

NdArray *nd_ptp(NdArray *a, const int *axes, int naxes, bool keepdims)
{
    NdArray *mx = nd_max(a, axes, naxes, keepdims, NULL, NULL);
    if (!mx)
        return NULL;
    NdArray *mn = nd_min(a, axes, naxes, keepdims, NULL, NULL);
    if (!mn) {
        nd_decref(mx);
        return NULL;
    }
    NdArray *r;
    if (a->dtype == ND_BOOL) {
        nd_error(ND_ERR_TYPE,
                 "numpy boolean subtract, the `-` operator, is not supported, "
                 "use the bitwise_xor, the `^` operator, or the logical_xor "
                 "function instead.");
        r = NULL;
    } else {
        r = nd_binary(ND_UF_SUBTRACT, mx, mn);
    }
    nd_decref(mx);
    nd_decref(mn);
    return r;
}

static NdType mean_type(NdType t, NdType dtype)
{
    if (dtype != ND_NTYPES)
        return dtype;
    return is_inexact(t) ? t : ND_FLOAT64;
}

static NdArray *mean_impl(NdArray *a, const int *axes, int naxes, bool keepdims,
                          NdType dtype, NdArray *where, const char *empty_msg)
{
    NdType lt = mean_type(a->dtype, dtype);
    int64_t n = reduced_count(a, axes, naxes);
    if (n < 0)
        return NULL;
    NdArray *cnt = NULL;
    if (where) {
        cnt = where_counts(a, where, axes, naxes, keepdims);
        if (!cnt)
            return NULL;
    }
    NdArray *s = nd_sum(a, axes, naxes, keepdims, lt, NULL, where);
    if (!s) {
        nd_decref(cnt);
        return NULL;
    }
    const int64_t *c = cnt ? (const int64_t *)(const void *)cnt->data : NULL;
    if (any_zero(c, s->size, n))
        nd_warn(empty_msg);
    double *dc = counts_double(c, s->size);
    if (c && !dc) {
        nd_decref(s);
        nd_decref(cnt);
        return NULL;
    }
    divide_counted(s, dc, (double)n);
    free(dc);
    nd_decref(cnt);
    return s;
}

NdArray *nd_mean(NdArray *a, const int *axes, int naxes, bool keepdims,
                 NdType dtype, NdArray *where)
{
    return mean_impl(a, axes, naxes, keepdims, dtype, where,
                     "Mean of empty slice.");
}

/* ============================================================= var, std */

/* out = |x - m|^2 for the loop types (x, m in T, out in real T). */
#define DEF_SQDEV(sfx, T, R, EXPR)                                             \
    static void sqdev_##sfx(char **p, int64_t n, const int64_t *s)             \
    {                                                                          \
        for (int64_t i = 0; i < n; i++) {                                      \
            T x, m;                                                            \
            memcpy(&x, p[0] + i * s[0], sizeof x);                             \
            memcpy(&m, p[1] + i * s[1], sizeof m);                             \
            R r = EXPR;                                                        \
            memcpy(p[2] + i * s[2], &r, sizeof r);                             \
        }                                                                      \
    }
DEF_SQDEV(f32, float, float, (x - m) * (x - m))
DEF_SQDEV(f64, double, double, (x - m) * (x - m))
DEF_SQDEV(c64, nd_complex64, float,
          (x.re - m.re) * (x.re - m.re) + (x.im - m.im) * (x.im - m.im))
DEF_SQDEV(c128, nd_complex128, double,
          (x.re - m.re) * (x.re - m.re) + (x.im - m.im) * (x.im - m.im))

/* Contiguous f64 with a scalar mean: the hot case, vectorisable. */
static void sqdev_f64_fast(char **p, int64_t n, const int64_t *s)
{
    if (s[0] == 8 && s[1] == 0 && s[2] == 8 && ALIGNED(p[0], double) &&
        ALIGNED(p[2], double)) {
        const double *x = (const double *)(const void *)p[0];
        double *o = (double *)(void *)p[2];
        double m;
        memcpy(&m, p[1], sizeof m);
        for (int64_t i = 0; i < n; i++) {
            double d = x[i] - m;
            o[i] = d * d;
        }
        return;
    }
    sqdev_f64(p, n, s);
}

static NdArray *var_impl(NdArray *a, const int *axes, int naxes, bool keepdims,
                         NdType dtype, double ddof, NdArray *where,
                         bool take_sqrt)
{
    NdType lt = mean_type(a->dtype, dtype);
    if (!is_inexact(lt)) /* an integer dtype=: NumPy computes in it */
        lt = ND_FLOAT64;
    NdType rt = real_of(lt);
    int64_t n = reduced_count(a, axes, naxes);
    if (n < 0)
        return NULL;
    if (!where && is_float(lt) && ddof == ddof) {
        /* fused: the mean, then one pass summing (x - mean)^2 in the same
         * pairwise order, with no temporary array */
        NdArray *m = nd_sum(a, axes, naxes, false, lt, NULL, NULL);
        if (!m)
            return NULL;
        if (ddof >= (double)n && m->size > 0) /* NumPy warns first */
            nd_warn("Degrees of freedom <= 0 for slice");
        divide_counted_array(m, NULL, (double)n);
        RedSpec S = {0};
        S.name = "add";
        S.kind = R_ADD;
        S.lt = S.out_t = lt;
        S.has_identity = true;
        S.identity = nd_scalar_int64(0);
        S.reorderable = true;
        S.center = m;
        NdArray *v = reduce_spec(&S, a, axes, naxes, keepdims, NULL, NULL);
        nd_decref(m);
        if (!v)
            return NULL;
        double d = (double)n - ddof;
        if (d <= 0) {
            nd_warn("Degrees of freedom <= 0 for slice");
            d = 0;
        }
        divide_counted(v, NULL, d);
        if (take_sqrt)
            for (int64_t i = 0; i < v->size; i++) {
                if (lt == ND_FLOAT32) {
                    float *x = (float *)(void *)v->data;
                    x[i] = sqrtf(x[i]);
                } else {
                    double *x = (double *)(void *)v->data;
                    x[i] = sqrt(x[i]);
                }
            }
        return v;
    }
    /* the mean, kept 2-d for broadcasting */
    NdArray *cnt = NULL;
    if (where) {
        cnt = where_counts(a, where, axes, naxes, true);
        if (!cnt)
            return NULL;
    }
    NdArray *m = nd_sum(a, axes, naxes, true, lt, NULL, where);
    if (!m) {
        nd_decref(cnt);
        return NULL;
    }
    const int64_t *c = cnt ? (const int64_t *)(const void *)cnt->data : NULL;
    double *dc = counts_double(c, m->size);
    if (c && !dc) {
        nd_decref(m);
        nd_decref(cnt);
        return NULL;
    }
    divide_counted_array(m, dc, (double)n);
    /* squared deviations, in the real type */
    NdArray *sq = nd_empty(rt, a->ndim, a->shape, 'C');
    if (!sq) {
        nd_decref(m);
        nd_decref(cnt);
        return NULL;
    }
    NdArray *ops[3] = {a, m, sq};
    NdType types[3] = {lt, lt, rt};
    NdLoop fn = lt == ND_FLOAT32     ? sqdev_f32
                : lt == ND_FLOAT64   ? sqdev_f64_fast
                : lt == ND_COMPLEX64 ? sqdev_c64
                                     : sqdev_c128;
    nd_fpe_hw_clear();
    int rc = nd_elementwise(2, 1, ops, types, fn);
    nd_fpe_hw_collect("subtract");
    nd_decref(m);
    if (rc < 0) {
        free(dc);
        nd_decref(sq);
        nd_decref(cnt);
        return NULL;
    }
    NdArray *v = nd_sum(sq, axes, naxes, keepdims, rt, NULL, where);
    nd_decref(sq);
    if (!v) {
        free(dc);
        nd_decref(cnt);
        return NULL;
    }
    /* divide by max(count - ddof, 0); the counts are the mean's, which
     * have the keepdims shape but the same order and size */
    int64_t m_out = v->size;
    double *dof = nd_malloc((size_t)(m_out ? m_out : 1) * sizeof *dof);
    if (!dof) {
        free(dc);
        nd_decref(v);
        nd_decref(cnt);
        return NULL;
    }
    bool bad = false;
    for (int64_t i = 0; i < m_out; i++) {
        double d = (dc ? dc[i] : (double)n) - ddof;
        if (d <= 0) {
            bad = true;
            d = 0;
        }
        dof[i] = d;
    }
    free(dc);
    nd_decref(cnt);
    if (bad)
        nd_warn("Degrees of freedom <= 0 for slice");
    divide_counted(v, dof, 0);
    free(dof);
    if (take_sqrt) {
        for (int64_t i = 0; i < m_out; i++) {
            if (rt == ND_FLOAT32) {
                float *x = (float *)(void *)v->data;
                x[i] = sqrtf(x[i]);
            } else {
                double *x = (double *)(void *)v->data;
                x[i] = sqrt(x[i]);
            }
        }
    }
    return v;
}

NdArray *nd_var(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdType dtype, double ddof, NdArray *where)
{
    return var_impl(a, axes, naxes, keepdims, dtype, ddof, where, false);
}

NdArray *nd_std(NdArray *a, const int *axes, int naxes, bool keepdims,
                NdType dtype, double ddof, NdArray *where)
{
    return var_impl(a, axes, naxes, keepdims, dtype, ddof, where, true);
}

/* ======================================================= argmax, argmin
 *
 * better(x, best): x replaces the running best.  The first occurrence
 * wins (strict comparisons); a NaN beats everything but an earlier NaN. */
#define GT_R(x, b) ((x) > (b) || (isnan(x) && !isnan(b)))
#define LT_R(x, b) ((x) < (b) || (isnan(x) && !isnan(b)))
#define GT_I(x, b) ((x) > (b))
#define LT_I(x, b) ((x) < (b))
#define GT_C(x, b)                                                             \
    ((CNAN(x) && !CNAN(b)) ||                                                  \
     (!CNAN(b) && ((x).re > (b).re || ((x).re == (b).re && (x).im > (b).im))))
#define LT_C(x, b)                                                             \
    ((CNAN(x) && !CNAN(b)) ||                                                  \
     (!CNAN(b) && ((x).re < (b).re || ((x).re == (b).re && (x).im < (b).im))))

typedef void (*ArgFn)(const char *p, int64_t n, int64_t s, int64_t *best_i,
                      char *best_v, bool start);
/* The rows form: for lanes j < L, fold elements n of the row at p (stride
 * sv) as element number k into best_i[j] / best_v[j]. */
typedef void (*ArgRowFn)(const char *p, int64_t L, int64_t sv, int64_t k,
                         int64_t *best_i, char *best_v);

#define DEF_ARG(name, T, BETTER)                                               \
    static void name(const char *p, int64_t n, int64_t s, int64_t *bi,         \
                     char *bv, bool start)                                     \
    {                                                                          \
        T best;                                                                \
        int64_t i0 = 0, bix = *bi;                                             \
        if (start) {                                                           \
            memcpy(&best, p, sizeof best);                                     \
            bix = 0;                                                           \
            i0 = 1;                                                            \
        } else {                                                               \
            memcpy(&best, bv, sizeof best);                                    \
        }                                                                      \
        for (int64_t i = i0; i < n; i++) {                                     \
            T x;                                                               \
            memcpy(&x, p + i * s, sizeof x);                                   \
            if (BETTER(x, best)) {                                             \
                best = x;                                                      \
                bix = i;                                                       \
            }                                                                  \
        }                                                                      \
        *bi = bix;                                                             \
        memcpy(bv, &best, sizeof best);                                        \
    }                                                                          \
    static void name##_rows(const char *p, int64_t L, int64_t sv, int64_t k,   \
                            int64_t *bi, char *bvc)                            \
    {                                                                          \
        for (int64_t j = 0; j < L; j++) {                                      \
            T x, best;                                                         \
            memcpy(&x, p + j * sv, sizeof x);                                  \
            memcpy(&best, bvc + j * (int64_t)sizeof(T), sizeof best);          \
            if (k == 0 || BETTER(x, best)) {                                   \
                memcpy(bvc + j * (int64_t)sizeof(T), &x, sizeof x);            \
                bi[j] = k;                                                     \
            }                                                                  \
        }                                                                      \
    }

#define ARG_TYPES(X)                                                           \
    X(b1, ubool, I)                                                            \
    X(i8, int8_t, I)                                                           \
    X(u8, uint8_t, I)                                                          \
    X(i16, int16_t, I)                                                         \
    X(u16, uint16_t, I)                                                        \
    X(i32, int32_t, I)                                                         \
    X(u32, uint32_t, I)                                                        \
    X(i64, int64_t, I)                                                         \
    X(u64, uint64_t, I)                                                        \
    X(f32, float, R)                                                           \
    X(f64, double, R)                                                          \
    X(c64, nd_complex64, C)                                                    \
    X(c128, nd_complex128, C)
#define X_ARG(sfx, T, K)                                                       \
    DEF_ARG(argmax_##sfx, T, GT_##K) DEF_ARG(argmin_##sfx, T, LT_##K)
ARG_TYPES(X_ARG)

/* argmax of a contiguous f64 run: the maximum of each chunk by vector
 * lanes, then the first index of it, in order. */
static void argmax_f64_fast(const char *pc, int64_t n, int64_t s, int64_t *bi,
                            char *bv, bool start)
{
    if (s != 8 || !ALIGNED(pc, double) || !start || n < 16) {
        argmax_f64(pc, n, s, bi, bv, start);
        return;
    }
    const double *p = (const double *)(const void *)pc;
    double best = p[0];
    int64_t bix = 0;
    enum { CH = 1024 };
    for (int64_t c0 = 0; c0 < n; c0 += CH) {
        int64_t len = n - c0 < CH ? n - c0 : CH;
        const double *q = p + c0;
        double cm = q[0];
        bool nan = false;
        int64_t i = 0;
#if defined(__SSE2__)
        if (len >= 8) {
            __m128d m0 = _mm_loadu_pd(q), m1 = _mm_loadu_pd(q + 2);
            __m128d m2 = _mm_loadu_pd(q + 4), m3 = _mm_loadu_pd(q + 6);
            __m128d bad =
                _mm_or_pd(_mm_cmpunord_pd(m0, m1), _mm_cmpunord_pd(m2, m3));
            for (i = 8; i + 8 <= len; i += 8) {
                __m128d x0 = _mm_loadu_pd(q + i), x1 = _mm_loadu_pd(q + i + 2);
                __m128d x2 = _mm_loadu_pd(q + i + 4);
                __m128d x3 = _mm_loadu_pd(q + i + 6);
                bad = _mm_or_pd(bad, _mm_or_pd(_mm_cmpunord_pd(x0, x1),
                                               _mm_cmpunord_pd(x2, x3)));
                m0 = _mm_max_pd(m0, x0);
                m1 = _mm_max_pd(m1, x1);
                m2 = _mm_max_pd(m2, x2);
                m3 = _mm_max_pd(m3, x3);
            }
            nan = _mm_movemask_pd(bad) != 0;
            double t[8];
            _mm_storeu_pd(t, m0);
            _mm_storeu_pd(t + 2, m1);
            _mm_storeu_pd(t + 4, m2);
            _mm_storeu_pd(t + 6, m3);
            for (int k = 0; k < 8; k++)
                cm = t[k] > cm ? t[k] : cm;
        }
#endif
        for (; i < len; i++) {
            if (isnan(q[i]))
                nan = true;
            cm = q[i] > cm ? q[i] : cm;
        }
        if (nan) { /* the first NaN is the answer */
            for (i = 0; i < len; i++)
                if (isnan(q[i]))
                    break;
            *bi = c0 + i;
            memcpy(bv, &q[i], sizeof(double));
            return;
        }
        if (cm > best) {
            for (i = 0; i < len; i++)
                if (q[i] == cm)
                    break;
            best = cm;
            bix = c0 + i;
        }
    }
    *bi = bix;
    memcpy(bv, &best, sizeof best);
}

static void arg_fns(NdType t, bool want_max, ArgFn *f, ArgRowFn *r)
{
#define AC(sfx)                                                                \
    *f = want_max ? argmax_##sfx : argmin_##sfx;                               \
    *r = want_max ? argmax_##sfx##_rows : argmin_##sfx##_rows;                 \
    break;
    switch (t) {
    case ND_BOOL:
        AC(b1)
    case ND_INT8:
        AC(i8)
    case ND_UINT8:
        AC(u8)
    case ND_INT16:
        AC(i16)
    case ND_UINT16:
        AC(u16)
    case ND_INT32:
        AC(i32)
    case ND_UINT32:
        AC(u32)
    case ND_INT64:
        AC(i64)
    case ND_UINT64:
        AC(u64)
    case ND_FLOAT32:
        AC(f32)
    case ND_FLOAT64:
        AC(f64)
    case ND_COMPLEX64:
        AC(c64)
    default:
        AC(c128)
    }
#undef AC
    if (t == ND_FLOAT64 && want_max)
        *f = argmax_f64_fast;
}

static NdArray *arg_impl(NdArray *a, bool has_axis, int axis, bool keepdims,
                         bool want_max)
{
    const char *name = want_max ? "argmax" : "argmin";
    NdArray *src = a;
    NdArray *owned = NULL;
    int ax;
    if (!has_axis) {
        int64_t shp = a->size;
        owned = nd_reshape(a, 1, &shp, 'C');
        if (!owned)
            return NULL;
        src = owned;
        ax = 0;
    } else if (nd_normalize_axis(axis, a->ndim, &ax) < 0) {
        return NULL;
    }
    if (src->ndim == 0) { /* a 0-d array with axis: NumPy answers 0 */
        owned = nd_reshape(a, 0, NULL, 'C');
        NdArray *r = nd_zeros(ND_INT64, 0, NULL, 'C');
        nd_decref(owned);
        return r;
    }
    int64_t len = src->shape[ax];
    int64_t oshape[ND_MAXDIMS];
    int ond = 0;
    int64_t nout = 1;
    for (int d = 0; d < src->ndim; d++)
        if (d != ax) {
            oshape[ond++] = src->shape[d];
            nout *= src->shape[d];
        }
    if (len == 0) {
        nd_decref(owned);
        nd_error(ND_ERR_VALUE, "attempt to get %s of an empty sequence", name);
        return NULL;
    }
    NdArray *out = nd_empty(ND_INT64, ond, oshape, 'C');
    if (!out) {
        nd_decref(owned);
        return NULL;
    }
    ArgFn f;
    ArgRowFn rf;
    arg_fns(src->dtype, want_max, &f, &rf);
    int64_t z = (int64_t)nd_dtype_size(src->dtype);
    int64_t sa = src->strides[ax];
    /* the kept axis with the smallest stride decides the walk */
    int v = -1;
    int64_t vmin = INT64_MAX;
    for (int d = 0; d < src->ndim; d++) {
        int64_t s = src->strides[d] < 0 ? -src->strides[d] : src->strides[d];
        if (d != ax && src->shape[d] > 1 && s < vmin) {
            vmin = s;
            v = d;
        }
    }
    int64_t asa = sa < 0 ? -sa : sa;
    bool rows = v >= 0 && vmin < asa && len > 1;
    /* output strides for every input axis (0 for ax) */
    int64_t ostr[ND_MAXDIMS];
    {
        int64_t s = 8;
        for (int d = src->ndim - 1; d >= 0; d--) {
            if (d == ax) {
                ostr[d] = 0;
                continue;
            }
            ostr[d] = s;
            s *= src->shape[d];
        }
    }
    char *bv = nd_malloc((size_t)(z * (rows ? src->shape[v] : 1) + 16));
    if (!bv) {
        nd_decref(out);
        nd_decref(owned);
        return NULL;
    }
    int64_t idx[ND_MAXDIMS] = {0};
    const char *ip = src->data;
    char *op = out->data;
    if (nout > 0) {
        for (;;) {
            if (rows) {
                int64_t L = src->shape[v];
                int64_t *bi = (int64_t *)(void *)op;
                int64_t so = ostr[v] / 8;
                if (so == 1) {
                    for (int64_t k = 0; k < len; k++)
                        rf(ip + k * sa, L, src->strides[v], k, bi, bv);
                } else {
                    int64_t *tmpi = nd_malloc((size_t)L * sizeof *tmpi);
                    if (!tmpi)
                        break;
                    for (int64_t k = 0; k < len; k++)
                        rf(ip + k * sa, L, src->strides[v], k, tmpi, bv);
                    for (int64_t j = 0; j < L; j++)
                        bi[j * so] = tmpi[j];
                    free(tmpi);
                }
            } else {
                int64_t bi = 0;
                f(ip, len, sa, &bi, bv, true);
                memcpy(op, &bi, sizeof bi);
            }
            int d = src->ndim - 1;
            for (; d >= 0; d--) {
                if (d == ax || (rows && d == v))
                    continue;
                ip += src->strides[d];
                op += ostr[d];
                if (++idx[d] < src->shape[d])
                    break;
                ip -= src->strides[d] * src->shape[d];
                op -= ostr[d] * src->shape[d];
                idx[d] = 0;
            }
            if (d < 0)
                break;
        }
    }
    free(bv);
    if (nd_error_kind() == ND_ERR_MEMORY) {
        nd_decref(out);
        nd_decref(owned);
        return NULL;
    }
    if (keepdims) {
        int64_t ks[ND_MAXDIMS];
        int knd = a->ndim;
        for (int d = 0; d < a->ndim; d++)
            ks[d] = has_axis && d != ax ? a->shape[d] : 1;
        NdArray *r = nd_reshape(out, knd, ks, 'C');
        nd_decref(out);
        out = r;
    }
    nd_decref(owned);
    return out;
}

NdArray *nd_argmax(NdArray *a, bool has_axis, int axis, bool keepdims)
{
    return arg_impl(a, has_axis, axis, keepdims, true);
}

NdArray *nd_argmin(NdArray *a, bool has_axis, int axis, bool keepdims)
{
    return arg_impl(a, has_axis, axis, keepdims, false);
}

/* ===================================================== cumsum, cumprod */

/* out[k] = op(out[k-1], out[k]) along one axis of the fresh C array c:
 * shaped (outer, len, inner); rows of `inner` elements stream in order. */
static int scan(NdArray *c, int ax, RedKind kind)
{
    int64_t outer = 1, inner = 1, len = c->ndim ? c->shape[ax] : 1;
    for (int d = 0; d < ax; d++)
        outer *= c->shape[d];
    for (int d = ax + 1; d < c->ndim; d++)
        inner *= c->shape[d];
    int64_t z = (int64_t)nd_dtype_size(c->dtype);
    FoldFn f = fold_fn(kind, c->dtype);
    bool fp = is_inexact(c->dtype);
    if (fp)
        nd_fpe_hw_clear();
    for (int64_t o = 0; o < outer; o++) {
        char *base = c->data + o * len * inner * z;
        if (inner == 1) {
            for (int64_t k = 1; k < len; k++) {
                /* acc = out[k-1] op out[k], written to out[k] */
                char tmp[16];
                memcpy(tmp, base + (k - 1) * z, (size_t)z);
                f(tmp, base + k * z, 1, z, 0);
                memcpy(base + k * z, tmp, (size_t)z);
            }
        } else {
            for (int64_t k = 1; k < len; k++) {
                /* the fold computes acc op x with acc the earlier row:
                 * fold into the earlier row's copy is wrong, so fold the
                 * later row with the earlier as x (add/mul commute bit for
                 * bit in IEEE and in wrapping integers) */
                f(base + k * inner * z, base + (k - 1) * inner * z, inner, z,
                  z);
            }
        }
    }
    if (fp)
        nd_fpe_hw_collect(kind == R_ADD ? "add" : "multiply");
    return 0;
}

static NdArray *cum_impl(NdArray *a, bool has_axis, int axis, NdType dtype,
                         RedKind kind, int nan_mode)
{
    NdType t = dtype != ND_NTYPES ? dtype : sum_type(a->dtype);
    NdArray *src = a, *owned = NULL;
    if (nan_mode && is_inexact(a->dtype)) {
        owned = replace_nan(a, kind == R_ADD ? 0.0 : 1.0, NULL);
        if (!owned)
            return NULL;
        src = owned;
    }
    int ax = 0;
    NdArray *c;
    if (!has_axis) {
        int64_t n = src->size;
        NdArray *flat = nd_reshape(src, 1, &n, 'C');
        if (!flat) {
            nd_decref(owned);
            return NULL;
        }
        c = as_type_copy(flat, t);
        nd_decref(flat);
    } else {
        if (nd_normalize_axis(axis, src->ndim, &ax) < 0) {
            nd_decref(owned);
            return NULL;
        }
        c = as_type_copy(src, t);
    }
    nd_decref(owned);
    if (!c)
        return NULL;
    if (c->size > 0 && c->ndim > 0)
        scan(c, ax, kind);
    return c;
}

NdArray *nd_cumsum(NdArray *a, bool has_axis, int axis, NdType dtype)
{
    return cum_impl(a, has_axis, axis, dtype, R_ADD, 0);
}
NdArray *nd_cumprod(NdArray *a, bool has_axis, int axis, NdType dtype)
{
    return cum_impl(a, has_axis, axis, dtype, R_MUL, 0);
}
NdArray *nd_nancumsum(NdArray *a, bool has_axis, int axis, NdType dtype)
{
    return cum_impl(a, has_axis, axis, dtype, R_ADD, 1);
}
NdArray *nd_nancumprod(NdArray *a, bool has_axis, int axis, NdType dtype)
{
    return cum_impl(a, has_axis, axis, dtype, R_MUL, 1);
}

/* ======================================================== nan-functions */

NdArray *nd_nansum(NdArray *a, const int *axes, int naxes, bool keepdims,
                   NdType dtype, const NdScalar *initial, NdArray *where)
{
    if (!is_inexact(a->dtype))
        return nd_sum(a, axes, naxes, keepdims, dtype, initial, where);
    NdArray *c = replace_nan(a, 0.0, NULL);
    if (!c)
        return NULL;
    NdArray *r = nd_sum(c, axes, naxes, keepdims, dtype, initial, where);
    nd_decref(c);
    return r;
}

NdArray *nd_nanprod(NdArray *a, const int *axes, int naxes, bool keepdims,
                    NdType dtype, const NdScalar *initial, NdArray *where)
{
    if (!is_inexact(a->dtype))
        return nd_prod(a, axes, naxes, keepdims, dtype, initial, where);
    NdArray *c = replace_nan(a, 1.0, NULL);
    if (!c)
        return NULL;
    NdArray *r = nd_prod(c, axes, naxes, keepdims, dtype, initial, where);
    nd_decref(c);
    return r;
}

static bool has_nan(const NdArray *r)
{
    if (!is_inexact(r->dtype))
        return false;
    /* r is a fresh contiguous result */
    int64_t n = r->size;
    for (int64_t i = 0; i < n; i++) {
        switch (r->dtype) {
        case ND_FLOAT32:
            if (isnan(((const float *)(const void *)r->data)[i]))
                return true;
            break;
        case ND_FLOAT64:
            if (isnan(((const double *)(const void *)r->data)[i]))
                return true;
            break;
        case ND_COMPLEX64:
            if (CNAN(((const nd_complex64 *)(const void *)r->data)[i]))
                return true;
            break;
        default:
            if (CNAN(((const nd_complex128 *)(const void *)r->data)[i]))
                return true;
        }
    }
    return false;
}

static NdArray *nan_extreme(NdArray *a, const int *axes, int naxes,
                            bool keepdims, const NdScalar *initial,
                            NdArray *where, bool want_max)
{
    if (!is_inexact(a->dtype))
        return want_max ? nd_max(a, axes, naxes, keepdims, initial, where)
                        : nd_min(a, axes, naxes, keepdims, initial, where);
    RedSpec S = {0};
    S.name = want_max ? "fmax" : "fmin";
    S.kind = R_GENERIC;
    S.lt = S.out_t = a->dtype;
    S.reorderable = true;
    /* the fold kernels have the NdLoop shape only through do_fold, so
     * wrap them: reduce_spec takes fold kernels via kind, not loops */
    NdArray *r = NULL;
    {
        bool red[ND_MAXDIMS];
        if (parse_axes(a, axes, naxes, red) < 0)
            return NULL;
    }
    FoldFn f = NULL;
    switch (a->dtype) {
    case ND_FLOAT32:
        f = want_max ? fmax_f32 : fmin_f32;
        break;
    case ND_FLOAT64:
        f = want_max ? fmax_f64 : fmin_f64;
        break;
    case ND_COMPLEX64:
        f = want_max ? fmax_c64 : fmin_c64;
        break;
    default:
        f = want_max ? fmax_c128 : fmin_c128;
    }
    r = reduce_fold(&S, f, a, axes, naxes, keepdims, initial, where);
    if (r && has_nan(r))
        nd_warn("All-NaN slice encountered");
    return r;
}

NdArray *nd_nanmax(NdArray *a, const int *axes, int naxes, bool keepdims,
                   const NdScalar *initial, NdArray *where)
{
    return nan_extreme(a, axes, naxes, keepdims, initial, where, true);
}

NdArray *nd_nanmin(NdArray *a, const int *axes, int naxes, bool keepdims,
                   const NdScalar *initial, NdArray *where)
{
    return nan_extreme(a, axes, naxes, keepdims, initial, where, false);
}

static NdArray *nan_arg(NdArray *a, bool has_axis, int axis, bool keepdims,
                        bool want_max)
{
    if (!is_inexact(a->dtype))
        return arg_impl(a, has_axis, axis, keepdims, want_max);
    NdArray *mask = NULL;
    NdArray *c = replace_nan(a, want_max ? -INFINITY : INFINITY, &mask);
    if (!c)
        return NULL;
    /* an all-NaN slice is an error */
    int ax1[1] = {axis};
    NdArray *all =
        nd_all(mask, has_axis ? ax1 : NULL, has_axis ? 1 : -1, false, NULL);
    NdArray *bad = all ? nd_any(all, NULL, -1, false, NULL) : NULL;
    NdArray *r = NULL;
    if (bad) {
        if (*(const ubool *)bad->data)
            nd_error(ND_ERR_VALUE, "All-NaN slice encountered");
        else
            r = arg_impl(c, has_axis, axis, keepdims, want_max);
    }
    nd_decref(bad);
    nd_decref(all);
    nd_decref(mask);
    nd_decref(c);
    return r;
}

NdArray *nd_nanargmax(NdArray *a, bool has_axis, int axis, bool keepdims)
{
    return nan_arg(a, has_axis, axis, keepdims, true);
}

NdArray *nd_nanargmin(NdArray *a, bool has_axis, int axis, bool keepdims)
{
    return nan_arg(a, has_axis, axis, keepdims, false);
}

/* The counts of non-NaN elements (int64, keepdims as asked) and a copy of
 * a with NaN replaced by 0. */
static NdArray *nan_prepare(NdArray *a, const int *axes, int naxes,
                            bool keepdims, NdArray **cnt)
{
    NdArray *mask = NULL;
    NdArray *c = replace_nan(a, 0.0, &mask);
    if (!c)
        return NULL;
    NdArray *notnan = nd_unary(ND_UF_LOGICAL_NOT, mask);
    nd_decref(mask);
    *cnt = notnan ? nd_sum(notnan, axes, naxes, keepdims, ND_INT64, NULL, NULL)
                  : NULL;
    nd_decref(notnan);
    if (!*cnt) {
        nd_decref(c);
        return NULL;
    }
    return c;
}

NdArray *nd_nanmean(NdArray *a, const int *axes, int naxes, bool keepdims,
                    NdType dtype, NdArray *where)
{
    if (!is_inexact(a->dtype))
        return nd_mean(a, axes, naxes, keepdims, dtype, where);
    NdArray *cnt;
    NdArray *c = nan_prepare(a, axes, naxes, keepdims, &cnt);
    if (!c)
        return NULL;
    NdArray *s = nd_sum(c, axes, naxes, keepdims, mean_type(a->dtype, dtype),
                        NULL, where);
    nd_decref(c);
    if (!s) {
        nd_decref(cnt);
        return NULL;
    }
    const int64_t *k = (const int64_t *)(const void *)cnt->data;
    if (any_zero(k, s->size, 1))
        nd_warn("Mean of empty slice");
    double *dc = counts_double(k, s->size);
    if (dc) {
        /* NumPy divides with invalid/divide ignored */
        unsigned before = nd_fpe_status();
        divide_by_count(s, dc, 0);
        (void)before;
        nd_fpe_hw_clear();
    }
    free(dc);
    nd_decref(cnt);
    if (!dc) {
        nd_decref(s);
        return NULL;
    }
    return s;
}

static NdArray *nanvar_impl(NdArray *a, const int *axes, int naxes,
                            bool keepdims, NdType dtype, double ddof,
                            NdArray *where, bool take_sqrt)
{
    if (!is_inexact(a->dtype))
        return var_impl(a, axes, naxes, keepdims, dtype, ddof, where,
                        take_sqrt);
    /* replace NaN by the slice mean: it then adds nothing to the sum of
     * squared deviations, as NumPy's masked subtract does */
    NdArray *cnt;
    NdArray *c = nan_prepare(a, axes, naxes, true, &cnt);
    if (!c)
        return NULL;
    NdType lt = mean_type(a->dtype, dtype);
    NdType rt = real_of(lt);
    NdArray *m = nd_sum(c, axes, naxes, true, lt, NULL, where);
    const int64_t *k = (const int64_t *)(const void *)cnt->data;
    double *dc = m ? counts_double(k, m->size) : NULL;
    NdArray *sq = dc ? nd_empty(rt, a->ndim, a->shape, 'C') : NULL;
    NdArray *v = NULL;
    if (sq) {
        divide_by_count(m, dc, 0);
        NdArray *ops[3] = {c, m, sq};
        NdType types[3] = {lt, lt, rt};
        NdLoop fn = lt == ND_FLOAT32     ? sqdev_f32
                    : lt == ND_FLOAT64   ? sqdev_f64
                    : lt == ND_COMPLEX64 ? sqdev_c64
                                         : sqdev_c128;
        if (nd_elementwise(2, 1, ops, types, fn) == 0) {
            /* zero the squared deviations where a was NaN */
            int64_t n = a->size;
            NdArray *ac = as_contig(a, a->dtype);
            if (ac) {
                int64_t z = (int64_t)nd_dtype_size(a->dtype);
                int64_t rz = (int64_t)nd_dtype_size(rt);
                for (int64_t i = 0; i < n; i++) {
                    bool isn;
                    if (is_complex(a->dtype)) {
                        double re = get_f(ac->data + i * z, real_of(a->dtype));
                        double im =
                            get_f(ac->data + i * z + z / 2, real_of(a->dtype));
                        isn = isnan(re) || isnan(im);
                    } else {
                        isn = isnan(get_f(ac->data + i * z, a->dtype));
                    }
                    if (isn)
                        memset(sq->data + i * rz, 0, (size_t)rz);
                }
                nd_decref(ac);
                v = nd_sum(sq, axes, naxes, keepdims, rt, NULL, where);
            }
        }
    }
    if (v) {
        bool bad = false;
        for (int64_t i = 0; i < v->size; i++) {
            dc[i] -= ddof;
            if (dc[i] <= 0)
                bad = true;
        }
        if (bad)
            nd_warn("Degrees of freedom <= 0 for slice.");
        divide_by_count(v, dc, 0);
        for (int64_t i = 0; i < v->size; i++) {
            if (rt == ND_FLOAT32) {
                float *x = (float *)(void *)v->data;
                x[i] = dc[i] <= 0 ? NAN : take_sqrt ? sqrtf(x[i]) : x[i];
            } else {
                double *x = (double *)(void *)v->data;
                x[i] = dc[i] <= 0 ? NAN : take_sqrt ? sqrt(x[i]) : x[i];
            }
        }
        nd_fpe_hw_clear();
    }
    free(dc);
    nd_decref(sq);
    nd_decref(m);
    nd_decref(cnt);
    nd_decref(c);
    return v;
}

NdArray *nd_nanvar(NdArray *a, const int *axes, int naxes, bool keepdims,
                   NdType dtype, double ddof, NdArray *where)
{
    return nanvar_impl(a, axes, naxes, keepdims, dtype, ddof, where, false);
}

NdArray *nd_nanstd(NdArray *a, const int *axes, int naxes, bool keepdims,
                   NdType dtype, double ddof, NdArray *where)
{
    return nanvar_impl(a, axes, naxes, keepdims, dtype, ddof, where, true);
}

/* ============================================ quantile, percentile, median */

static const char *const qmethod_names[] = {"inverted_cdf",
                                            "averaged_inverted_cdf",
                                            "closest_observation",
                                            "interpolated_inverted_cdf",
                                            "hazen",
                                            "weibull",
                                            "linear",
                                            "median_unbiased",
                                            "normal_unbiased",
                                            "lower",
                                            "higher",
                                            "midpoint",
                                            "nearest"};

int nd_quantile_method(const char *name, NdQuantileMethod *out)
{
    for (int i = 0; i < (int)(sizeof qmethod_names / sizeof *qmethod_names);
         i++)
        if (!strcmp(name, qmethod_names[i])) {
            *out = (NdQuantileMethod)i;
            return 0;
        }
    return nd_error(
        ND_ERR_VALUE,
        "'%s' is not a valid method. Use one of: dict_keys(['inverted_cdf', "
        "'averaged_inverted_cdf', 'closest_observation', "
        "'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear', "
        "'median_unbiased', 'normal_unbiased', 'lower', 'higher', "
        "'midpoint', 'nearest'])",
        name);
}

static void swapd(double *a, double *b)
{
    double t = *a;
    *a = *b;
    *b = t;
}

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

/* Put the k-th smallest of x[0..n) (no NaN) at x[k], smaller ones before
 * and larger ones after: quickselect with a median-of-3 pivot, O(n) on
 * average; after too many unlucky rounds the rest is sorted (O(n log n)
 * worst case, as introselect). */
static void select_k(double *x, int64_t n, int64_t k)
{
    int64_t lo = 0, hi = n - 1;
    int budget = 8;
    for (int64_t m = n; m > 1; m >>= 1)
        budget += 2;
    while (hi > lo) {
        if (hi - lo < 16 || budget-- == 0) {
            qsort(x + lo, (size_t)(hi - lo + 1), sizeof *x, cmp_double);
            return;
        }
        int64_t mid = lo + (hi - lo) / 2;
        if (x[mid] < x[lo])
            swapd(&x[mid], &x[lo]);
        if (x[hi] < x[lo])
            swapd(&x[hi], &x[lo]);
        if (x[hi] < x[mid])
            swapd(&x[hi], &x[mid]);
        double pivot = x[mid];
        int64_t i = lo, j = hi;
        while (i <= j) {
            while (x[i] < pivot)
                i++;
            while (x[j] > pivot)
                j--;
            if (i <= j) {
                swapd(&x[i], &x[j]);
                i++;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

/* Floyd and Rivest's SELECT (CACM 18(3), 1975, algorithm 489): the pivot
 * is chosen by first selecting within a small sample around where the k-th
 * element should fall, so a pass costs about n + min(k, n - k)
 * comparisons instead of quickselect's ~3.4 n.  After `budget` rounds it
 * hands over to select_k (whose own fallback bounds the worst case). */
static void fr_select(double *x, int64_t left, int64_t right, int64_t k,
                      int depth)
{
    int rounds = 0;
    while (right > left) {
        if (depth > 8 || ++rounds > 64) {
            select_k(x + left, right - left + 1, k - left);
            return;
        }
        if (right - left > 600) {
            double n = (double)(right - left + 1);
            double i = (double)(k - left + 1);
            double z = log(n);
            double sm = 0.5 * exp(2 * z / 3);
            double sd =
                0.5 * sqrt(z * sm * (n - sm) / n) * (i - n / 2 < 0 ? -1 : 1);
            double nl = (double)k - i * sm / n + sd;
            double nr = (double)k + (n - i) * sm / n + sd;
            int64_t l2 = nl > (double)left ? (int64_t)nl : left;
            int64_t r2 = nr < (double)right ? (int64_t)nr : right;
            fr_select(x, l2, r2, k, depth + 1);
        }
        double t = x[k];
        int64_t i = left, j = right;
        swapd(&x[left], &x[k]);
        if (x[right] > t)
            swapd(&x[right], &x[left]);
        while (i < j) {
            swapd(&x[i], &x[j]);
            i++;
            j--;
            while (x[i] < t)
                i++;
            while (x[j] > t)
                j--;
        }
        if (x[left] == t) {
            swapd(&x[left], &x[j]);
        } else {
            j++;
            swapd(&x[j], &x[right]);
        }
        if (j <= k)
            left = j + 1;
        if (k <= j)
            right = j - 1;
    }
}

/* order statistic k of x[0..n), given that the statistics below `done`
 * are already in place (x[done..n) all >= x[done-1]) */
static double order_stat(double *x, int64_t n, int64_t k, int64_t *done)
{
    if (k < *done)
        return x[k];
    if (k == *done && k > 0) {
        /* the next statistic: the least of the rest, one linear scan */
        int64_t b = k;
        for (int64_t i = k + 1; i < n; i++)
            if (x[i] < x[b])
                b = i;
        swapd(&x[k], &x[b]);
        *done = k + 1;
        return x[k];
    }
    fr_select(x + *done, 0, n - *done - 1, k - *done, 0);
    *done = k + 1;
    return x[k];
}

static double lerp(double a, double b, double t)
{
    double d = b - a;
    return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/* One quantile of x[0..n) (n > 0, no NaN).  `done` tracks selection. */
static double quantile_one(double *x, int64_t n, double q, NdQuantileMethod m,
                           int64_t *done)
{
    double v, nq = (double)n * q, lin = (double)(n - 1) * q;
    int64_t idx;
    switch (m) {
    case ND_Q_INVERTED_CDF: {
        double p = floor(nq - 1);
        idx = (int64_t)(nq - 1 - p == 0 ? p : p + 1);
        goto discrete;
    }
    case ND_Q_CLOSEST_OBSERVATION: {
        double i = nq - 1 - 0.5, p = floor(i);
        idx = (int64_t)((i - p == 0 && fmod(p, 2) != 0) ? p : p + 1);
        goto discrete;
    }
    case ND_Q_LOWER:
        idx = (int64_t)floor(lin);
        goto discrete;
    case ND_Q_HIGHER:
        idx = (int64_t)ceil(lin);
        goto discrete;
    case ND_Q_NEAREST:
        idx = (int64_t)nearbyint(lin);
        goto discrete;
    case ND_Q_LINEAR:
        v = lin;
        break;
    case ND_Q_AVERAGED_INVERTED_CDF:
        v = nq - 1;
        break;
    case ND_Q_MIDPOINT:
        v = 0.5 * (floor(lin) + ceil(lin));
        break;
    case ND_Q_INTERPOLATED_INVERTED_CDF:
        v = nq + (0 + q * (1 - 0 - 1)) - 1;
        break;
    case ND_Q_HAZEN:
        v = nq + (0.5 + q * (1 - 0.5 - 0.5)) - 1;
        break;
    case ND_Q_WEIBULL:
        v = nq + (0 + q * (1 - 0 - 0)) - 1;
        break;
    case ND_Q_MEDIAN_UNBIASED:
        v = nq + (1 / 3.0 + q * (1 - 1 / 3.0 - 1 / 3.0)) - 1;
        break;
    default: /* ND_Q_NORMAL_UNBIASED */
        v = nq + (3 / 8.0 + q * (1 - 3 / 8.0 - 3 / 8.0)) - 1;
        break;
    }
    {
        double pf = floor(v);
        double gamma = v - pf;
        if (m == ND_Q_AVERAGED_INVERTED_CDF)
            gamma = gamma == 0 ? 0.5 : 1.0;
        else if (m == ND_Q_MIDPOINT)
            gamma = fmod(v, 1) == 0 ? 0.0 : 0.5;
        int64_t prev, next;
        if (v >= (double)(n - 1)) {
            prev = next = n - 1;
        } else if (v < 0) {
            prev = next = 0;
        } else {
            prev = (int64_t)pf;
            next = prev + 1;
        }
        double a = order_stat(x, n, prev, done);
        double b = next == prev ? a : order_stat(x, n, next, done);
        if (prev == next)
            return a;
        return lerp(a, b, gamma);
    }
discrete:
    if (idx < 0)
        idx = 0;
    if (idx > n - 1)
        idx = n - 1;
    return order_stat(x, n, idx, done);
}

static bool q_discrete(NdQuantileMethod m)
{
    return m == ND_Q_INVERTED_CDF || m == ND_Q_CLOSEST_OBSERVATION ||
           m == ND_Q_LOWER || m == ND_Q_HIGHER || m == ND_Q_NEAREST;
}

/* Move the reduced axes last and copy to contiguous float64: each slice
 * is then a run of n doubles.  Returns the copy; fills the kept shape. */
static NdArray *slices_f64(NdArray *a, const bool *red, int *nk,
                           int64_t *kshape, int64_t *n)
{
    int64_t perm[ND_MAXDIMS];
    int p = 0;
    *n = 1;
    *nk = 0;
    for (int d = 0; d < a->ndim; d++)
        if (!red[d]) {
            perm[p++] = d;
            kshape[(*nk)++] = a->shape[d];
        }
    for (int d = 0; d < a->ndim; d++)
        if (red[d]) {
            perm[p++] = d;
            *n *= a->shape[d];
        }
    NdArray *t = nd_transpose(a, perm, a->ndim);
    if (!t)
        return NULL;
    NdArray *c = as_type_copy(t, ND_FLOAT64);
    nd_decref(t);
    return c;
}

/* The shared driver of quantile and median.  q: NULL for median. */
static NdArray *quantile_impl(NdArray *a, NdArray *q, const int *axes,
                              int naxes, bool keepdims, NdQuantileMethod m,
                              bool nan_skip, bool median)
{
    if (is_complex(a->dtype)) {
        nd_error(ND_ERR_TYPE, "a must be an array of real numbers");
        return NULL;
    }
    bool red[ND_MAXDIMS];
    if (parse_axes(a, axes, naxes, red) < 0)
        return NULL;
    /* the quantiles, as doubles */
    NdArray *qd = NULL;
    int64_t nq = 1;
    if (q) {
        qd = as_type_copy(q, ND_FLOAT64);
        if (!qd)
            return NULL;
        nq = qd->size;
        const double *qv = (const double *)(const void *)qd->data;
        for (int64_t i = 0; i < nq; i++)
            if (!(qv[i] >= 0 && qv[i] <= 1)) {
                nd_decref(qd);
                nd_error(ND_ERR_VALUE, "Quantiles must be in the range [0, 1]");
                return NULL;
            }
    }
    NdType rt;
    if (median)
        rt = is_float(a->dtype) ? a->dtype : ND_FLOAT64;
    else if (q_discrete(m))
        rt = a->dtype;
    else if (a->dtype == ND_FLOAT32 && q->ndim == 0)
        rt = ND_FLOAT32;
    else
        rt = ND_FLOAT64;
    int nk;
    int64_t kshape[ND_MAXDIMS], n;
    NdArray *c = slices_f64(a, red, &nk, kshape, &n);
    if (!c) {
        nd_decref(qd);
        return NULL;
    }
    int64_t nslices = 1;
    for (int k = 0; k < nk; k++)
        nslices *= kshape[k];
    /* result: q's axes, then the kept (or keepdims) axes */
    int64_t rshape[ND_MAXDIMS];
    int rnd = 0;
    if (qd)
        for (int d = 0; d < qd->ndim; d++)
            rshape[rnd++] = qd->shape[d];
    int64_t oshape[ND_MAXDIMS];
    int ond = out_shape(a, red, keepdims, oshape);
    if (rnd + ond > ND_MAXDIMS) {
        nd_decref(c);
        nd_decref(qd);
        nd_error(ND_ERR_VALUE, "too many dimensions");
        return NULL;
    }
    for (int d = 0; d < ond; d++)
        rshape[rnd++] = oshape[d];
    NdArray *res = nd_empty(ND_FLOAT64, rnd, rshape, 'C');
    if (!res) {
        nd_decref(c);
        nd_decref(qd);
        return NULL;
    }
    double *out = (double *)(void *)res->data;
    double *x = (double *)(void *)c->data;
    const double *qv = qd ? (const double *)(const void *)qd->data : NULL;
    bool empty_warn = false, allnan_warn = false;
    for (int64_t s = 0; s < nslices; s++) {
        double *xs = x + s * n;
        int64_t cnt = n;
        bool nan = false;
        if (nan_skip) {
            int64_t w = 0;
            for (int64_t i = 0; i < n; i++)
                if (!isnan(xs[i]))
                    xs[w++] = xs[i];
            if (w == 0 && n > 0)
                allnan_warn = true;
            nan = w == 0;
            cnt = w;
        } else {
            for (int64_t i = 0; i < n && !nan; i++)
                nan = isnan(xs[i]);
        }
        int64_t done = 0;
        for (int64_t j = 0; j < nq; j++) {
            double r;
            if (nan) {
                r = NAN;
            } else if (cnt == 0) {
                if (!median) {
                    nd_decref(res);
                    nd_decref(c);
                    nd_decref(qd);
                    nd_error(ND_ERR_INDEX,
                             "index -1 is out of bounds for axis 0 with "
                             "size 0");
                    return NULL;
                }
                empty_warn = true;
                r = NAN;
            } else if (median) {
                int64_t h = cnt / 2;
                if (cnt % 2) {
                    r = order_stat(xs, cnt, h, &done);
                } else {
                    double lo = order_stat(xs, cnt, h - 1, &done);
                    double hi = order_stat(xs, cnt, h, &done);
                    r = (lo + hi) / 2;
                    if (a->dtype == ND_FLOAT32)
                        r = (double)(((float)lo + (float)hi) / 2.0f);
                }
            } else {
                double qq = qv[j];
                if (rt == ND_FLOAT32)
                    qq = (double)(float)qq;
                r = quantile_one(xs, cnt, qq, m, &done);
            }
            out[j * nslices + s] = r;
        }
    }
    nd_decref(c);
    nd_decref(qd);
    if (empty_warn) {
        nd_warn("Mean of empty slice.");
        nd_fpe_raise(ND_FPE_INVALID,
                     res->ndim == 0 ? "scalar divide" : "divide");
    }
    if (allnan_warn)
        nd_warn("All-NaN slice encountered");
    if (rt != ND_FLOAT64) {
        NdArray *r2 = nd_astype(res, rt, ND_CAST_UNSAFE, true);
        nd_decref(res);
        res = r2;
    }
    return res;
}

NdArray *nd_quantile(NdArray *a, NdArray *q, const int *axes, int naxes,
                     bool keepdims, NdQuantileMethod method, bool nan_skip)
{
    return quantile_impl(a, q, axes, naxes, keepdims, method, nan_skip, false);
}

NdArray *nd_median(NdArray *a, const int *axes, int naxes, bool keepdims,
                   bool nan_skip)
{
    return quantile_impl(a, NULL, axes, naxes, keepdims, ND_Q_LINEAR, nan_skip,
                         true);
}

/* ====================================================== average, cov */

static NdType float_result(NdType a, NdType b)
{
    NdType t = nd_promote_types(a, b);
    return is_inexact(t) ? t : nd_promote_types(t, ND_FLOAT64);
}

NdArray *nd_average(NdArray *a, const int *axes, int naxes, NdArray *weights,
                    bool keepdims, NdArray **sum_out)
{
    if (sum_out)
        *sum_out = NULL;
    bool red[ND_MAXDIMS];
    if (parse_axes(a, axes, naxes, red) < 0)
        return NULL;
    if (!weights) {
        NdArray *avg = nd_mean(a, axes, naxes, keepdims, ND_NTYPES, NULL);
        if (avg && sum_out) {
            int64_t n = a->size / (avg->size ? avg->size : 1);
            NdScalar s = nd_scalar_float64((double)n);
            *sum_out = nd_full(avg->dtype, avg->ndim, avg->shape, &s, 'C');
            if (!*sum_out) {
                nd_decref(avg);
                return NULL;
            }
        }
        return avg;
    }
    NdArray *w = weights, *wb = NULL;
    bool same = w->ndim == a->ndim;
    for (int d = 0; same && d < a->ndim; d++)
        same = w->shape[d] == a->shape[d];
    if (!same) {
        if (naxes < 0) {
            nd_error(ND_ERR_TYPE, "Axis must be specified when shapes of a "
                                  "and weights differ.");
            return NULL;
        }
        bool ok = w->ndim == naxes;
        int k = 0;
        for (int d = 0; ok && d < a->ndim; d++)
            if (red[d])
                ok = w->shape[k++] == a->shape[d];
        /* the weights' axes must be in increasing axis order */
        for (int i = 1; ok && i < naxes; i++) {
            int p, q2;
            nd_normalize_axis(axes[i - 1], a->ndim, &p);
            nd_normalize_axis(axes[i], a->ndim, &q2);
            ok = p < q2;
        }
        if (!ok) {
            nd_error(ND_ERR_VALUE, "Shape of weights must be consistent with "
                                   "shape of a along specified axis.");
            return NULL;
        }
        /* reshape the weights to broadcast against a */
        int64_t shp[ND_MAXDIMS];
        k = 0;
        for (int d = 0; d < a->ndim; d++)
            shp[d] = red[d] ? w->shape[k++] : 1;
        wb = nd_reshape(w, a->ndim, shp, 'C');
        if (!wb)
            return NULL;
        w = wb;
    }
    NdType rt = float_result(a->dtype, w->dtype);
    NdArray *scl = NULL, *prod = NULL, *num = NULL, *avg = NULL;
    NdArray *wfull = nd_broadcast_to(w, a->ndim, a->shape);
    if (!wfull)
        goto done;
    scl = nd_sum(wfull, axes, naxes, keepdims, rt, NULL, NULL);
    if (!scl)
        goto done;
    {
        NdArray *zero = nd_zeros(rt, 0, NULL, 'C');
        NdArray *eq = zero ? nd_binary(ND_UF_EQUAL, scl, zero) : NULL;
        NdArray *anyz = eq ? nd_any(eq, NULL, -1, false, NULL) : NULL;
        bool bad = anyz && *(const ubool *)anyz->data;
        nd_decref(anyz);
        nd_decref(eq);
        nd_decref(zero);
        if (!anyz)
            goto done;
        if (bad) {
            nd_error(ND_ERR_ZERO_DIVISION,
                     "Weights sum to zero, can't be normalized");
            goto done;
        }
    }
    {
        NdArray *ac = as_type_copy(a, rt);
        if (!ac)
            goto done;
        prod = nd_binary(ND_UF_MULTIPLY, ac, w);
        nd_decref(ac);
    }
    if (!prod)
        goto done;
    num = nd_sum(prod, axes, naxes, keepdims, rt, NULL, NULL);
    if (!num)
        goto done;
    avg = nd_binary(ND_UF_TRUE_DIVIDE, num, scl);
    if (avg && sum_out) {
        if (scl->ndim == avg->ndim) {
            *sum_out = nd_incref(scl);
        } else {
            NdArray *b = nd_broadcast_to(scl, avg->ndim, avg->shape);
            *sum_out = b ? nd_copy(b, 'C') : NULL;
            nd_decref(b);
            if (!*sum_out) {
                nd_decref(avg);
                avg = NULL;
            }
        }
    }
done:
    nd_decref(wfull);
    nd_decref(wb);
    nd_decref(scl);
    nd_decref(prod);
    nd_decref(num);
    return avg;
}

/* m as a 2-d float array (NumPy's array(m, ndmin=2, dtype=...)), rows the
 * variables. */
static NdArray *vars_2d(NdArray *m, bool rowvar, NdType dt)
{
    NdArray *c = as_type_copy(m, dt);
    if (!c)
        return NULL;
    if (c->ndim > 2) {
        nd_decref(c);
        nd_error(ND_ERR_VALUE, "m has more than 2 dimensions");
        return NULL;
    }
    if (c->ndim < 2) {
        int64_t shp[2] = {1, c->ndim == 1 ? c->shape[0] : 1};
        NdArray *r = nd_reshape(c, 2, shp, 'C');
        nd_decref(c);
        c = r;
        if (!c)
            return NULL;
    }
    if (!rowvar && c->shape[0] != 1) {
        NdArray *t = nd_transpose(c, NULL, 0);
        nd_decref(c);
        if (!t)
            return NULL;
        c = as_type_copy(t, dt);
        nd_decref(t);
    }
    return c;
}

static NdArray *weights_1d(NdArray *w, const char *what, int64_t nobs,
                           bool integer)
{
    NdArray *c = as_type_copy(w, ND_FLOAT64);
    if (!c)
        return NULL;
    const double *v = (const double *)(const void *)c->data;
    if (integer)
        for (int64_t i = 0; i < c->size; i++)
            if (v[i] != nearbyint(v[i])) {
                nd_decref(c);
                nd_error(ND_ERR_TYPE, "fweights must be integer");
                return NULL;
            }
    if (c->ndim > 1) {
        nd_decref(c);
        nd_error(ND_ERR_RUNTIME, "cannot handle multidimensional %s", what);
        return NULL;
    }
    if (c->ndim == 0 || c->shape[0] != nobs) {
        nd_decref(c);
        nd_error(ND_ERR_RUNTIME, "incompatible numbers of samples and %s",
                 what);
        return NULL;
    }
    for (int64_t i = 0; i < c->size; i++)
        if (v[i] < 0) {
            nd_decref(c);
            nd_error(ND_ERR_VALUE, "%s cannot be negative", what);
            return NULL;
        }
    return c;
}

NdArray *nd_cov(NdArray *m, NdArray *y, bool rowvar, bool bias, int64_t ddof,
                NdArray *fweights, NdArray *aweights, NdType dtype)
{
    NdType dt = dtype;
    if (dt == ND_NTYPES) {
        dt = float_result(m->dtype, ND_FLOAT64);
        if (y)
            dt = nd_promote_types(dt, y->dtype);
    }
    NdArray *X = vars_2d(m, rowvar, dt);
    if (!X)
        return NULL;
    if (X->shape[0] == 0) {
        nd_decref(X);
        int64_t z[2] = {0, 0};
        return nd_empty(ND_FLOAT64, 2, z, 'C');
    }
    if (y) {
        NdArray *Y = vars_2d(y, rowvar, dt);
        if (!Y) {
            nd_decref(X);
            return NULL;
        }
        if (Y->shape[1] != X->shape[1]) {
            nd_decref(X);
            nd_decref(Y);
            nd_error(ND_ERR_VALUE,
                     "all the input array dimensions except for the "
                     "concatenation axis must match exactly, but along "
                     "dimension 1, the array at index 0 has size %lld and "
                     "the array at index 1 has size %lld",
                     (long long)X->shape[1], (long long)Y->shape[1]);
            return NULL;
        }
        int64_t shp[2] = {X->shape[0] + Y->shape[0], X->shape[1]};
        NdArray *Z = nd_empty(dt, 2, shp, 'C');
        if (Z) {
            size_t z = nd_dtype_size(dt);
            memcpy(Z->data, X->data, (size_t)X->size * z);
            memcpy(Z->data + (size_t)X->size * z, Y->data, (size_t)Y->size * z);
        }
        nd_decref(X);
        nd_decref(Y);
        if (!Z)
            return NULL;
        X = Z;
    }
    if (ddof < 0)
        ddof = bias ? 0 : 1;
    int64_t nv = X->shape[0], nobs = X->shape[1];
    NdArray *w = NULL, *aw = NULL;
    if (fweights) {
        w = weights_1d(fweights, "fweights", nobs, true);
        if (!w) {
            nd_decref(X);
            return NULL;
        }
    }
    if (aweights) {
        aw = weights_1d(aweights, "aweights", nobs, false);
        if (!aw) {
            nd_decref(X);
            nd_decref(w);
            return NULL;
        }
        if (!w) {
            w = nd_incref(aw);
        } else {
            NdArray *p = nd_binary(ND_UF_MULTIPLY, w, aw);
            nd_decref(w);
            w = p;
        }
    }
    /* the weighted means of the rows, the sum of weights, the factor */
    double *wv = w ? (double *)(void *)w->data : NULL;
    double wsum = 0, fact;
    if (w)
        for (int64_t j = 0; j < nobs; j++)
            wsum += wv[j];
    int one_axis[1] = {1};
    NdArray *avg = nd_average(X, one_axis, 1, w, true, NULL);
    if (!avg) {
        nd_decref(X);
        nd_decref(w);
        nd_decref(aw);
        return NULL;
    }
    if (w) {
        NdArray *ws = nd_sum(w, NULL, -1, false, ND_NTYPES, NULL, NULL);
        if (ws) {
            wsum = *(double *)(void *)ws->data;
            nd_decref(ws);
        }
    }
    if (!w) {
        fact = (double)nobs - (double)ddof;
    } else if (ddof == 0) {
        fact = wsum;
    } else if (!aw) {
        fact = wsum - (double)ddof;
    } else {
        double s = 0;
        const double *av = (const double *)(const void *)aw->data;
        for (int64_t j = 0; j < nobs; j++)
            s += wv[j] * av[j];
        fact = wsum - (double)ddof * s / wsum;
    }
    if (fact <= 0) {
        nd_warn("Degrees of freedom <= 0 for slice");
        fact = 0.0;
    }
    NdArray *Xc = nd_binary(ND_UF_SUBTRACT, X, avg);
    nd_decref(X);
    nd_decref(avg);
    NdArray *XT = NULL, *XTc = NULL, *c = NULL;
    if (!Xc)
        goto done;
    {
        NdArray *Xw = w ? nd_binary(ND_UF_MULTIPLY, Xc, w) : nd_incref(Xc);
        if (!Xw)
            goto done;
        XT = nd_transpose(Xw, NULL, 0);
        nd_decref(Xw);
    }
    if (!XT)
        goto done;
    XTc = as_type_copy(XT, XT->dtype);
    if (!XTc)
        goto done;
    if (is_complex(XTc->dtype)) { /* conjugate */
        int64_t n2 = XTc->size;
        for (int64_t i = 0; i < n2; i++) {
            if (XTc->dtype == ND_COMPLEX128)
                ((nd_complex128 *)(void *)XTc->data)[i].im =
                    -((nd_complex128 *)(void *)XTc->data)[i].im;
            else
                ((nd_complex64 *)(void *)XTc->data)[i].im =
                    -((nd_complex64 *)(void *)XTc->data)[i].im;
        }
    }
    c = nd_matmul(Xc, XTc);
    if (c) {
        /* c *= 1 / fact, as NumPy (a multiplication by the reciprocal) */
        nd_fpe_hw_clear();
        double f = 1.0 / fact;
        nd_fpe_hw_collect("divide");
        NdScalar fs = nd_scalar_float64(f);
        NdArray *fa = nd_from_scalar(&fs);
        if (fa) {
            fa->flags |= ND_WEAK;
            NdArray *r = nd_binary(ND_UF_MULTIPLY, c, fa);
            nd_decref(fa);
            nd_decref(c);
            c = r;
        } else {
            nd_decref(c);
            c = NULL;
        }
    }
    if (c && nv == 1) { /* NumPy squeezes the 1x1 result */
        NdArray *s = nd_squeeze(c, NULL, 0);
        nd_decref(c);
        c = s;
    }
done:
    nd_decref(Xc);
    nd_decref(XT);
    nd_decref(XTc);
    nd_decref(w);
    nd_decref(aw);
    return c;
}

NdArray *nd_corrcoef(NdArray *x, NdArray *y, bool rowvar, NdType dtype)
{
    NdArray *c = nd_cov(x, y, rowvar, false, -1, NULL, NULL, dtype);
    if (!c)
        return NULL;
    NdArray *r = as_type_copy(c, c->dtype);
    nd_decref(c);
    if (!r)
        return NULL;
    bool cplx = is_complex(r->dtype);
    int64_t z = (int64_t)nd_dtype_size(r->dtype);
    nd_fpe_hw_clear();
    if (r->ndim == 0) { /* a single variable: c / c */
        if (cplx) {
            nd_complex128 v = {get_f(r->data, real_of(r->dtype)),
                               get_f(r->data + z / 2, real_of(r->dtype))};
            double re = v.re, im = v.im;
            double den = re * re + im * im;
            double out_re = (re * re + im * im) / den;
            double out_im = (im * re - re * im) / den;
            NdScalar s = nd_scalar_complex128(out_re, out_im), o;
            nd_scalar_cast(&s, r->dtype, &o);
            memcpy(r->data, o.v.bytes, (size_t)z);
        } else {
            double v = get_f(r->data, r->dtype);
            NdScalar s = nd_scalar_float64(v / v), o;
            nd_scalar_cast(&s, r->dtype, &o);
            memcpy(r->data, o.v.bytes, (size_t)z);
        }
        nd_fpe_hw_collect("divide");
        return r;
    }
    int64_t n = r->shape[0];
    double *sd = nd_malloc((size_t)(n ? n : 1) * sizeof *sd);
    if (!sd) {
        nd_decref(r);
        return NULL;
    }
    NdType ft = real_of(r->dtype);
    int64_t fz = (int64_t)nd_dtype_size(ft);
    for (int64_t i = 0; i < n; i++)
        sd[i] = sqrt(get_f(r->data + (i * n + i) * z, ft));
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) {
            char *p = r->data + (i * n + j) * z;
            for (int part = 0; part < (cplx ? 2 : 1); part++) {
                char *q = p + part * fz;
                double v = get_f(q, ft) / sd[i];
                v = v / sd[j];
                if (v < -1)
                    v = -1;
                if (v > 1)
                    v = 1;
                if (ft == ND_FLOAT32) {
                    float f = (float)v;
                    memcpy(q, &f, sizeof f);
                } else {
                    memcpy(q, &v, sizeof v);
                }
            }
        }
    nd_fpe_hw_collect("divide");
    free(sd);
    return r;
}
