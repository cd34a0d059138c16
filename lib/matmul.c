/* matmul.c — matrix products with NumPy's matmul rules: operands promoted to
 * a common dtype, 1-d operands treated as a row (left) or a column (right)
 * whose added axis is removed from the result, stack dimensions broadcast,
 * and NumPy's exact error texts.  float32/float64/complex64/complex128 go to
 * CBLAS (OpenBLAS): gemm for matrix products, gemv for matrix-vector, dot for
 * vector-vector, one call per matrix of a stack.  An operand is handed to
 * BLAS in place whenever one of its two core axes has unit stride (the other
 * axis becomes the leading dimension, a transposed or F-ordered operand
 * becomes CblasTrans), and copied only when neither has.  Integer and bool
 * products (and sizes beyond BLAS's int) use the plain cache-blocked loop
 * below, whose sums run over k in order, so each element equals the naive
 * dot product bit for bit.  A large product (either path) runs on the
 * interruptible worker (worker.h), so that Ctrl-C during a minute of dgemm
 * returns at once; the job holds references to its operands and its
 * result, so an abandoned product finishes safely.  Small ones stay inline:
 * a 3 x 3 `@` must not pay for a thread hand-off. */
#include <cblas.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"
#include "worker.h"

#define SIGNATURE "(n?,k),(k,m?)->(n?,m?)"

/* Blocks sized so a block row of A, a block of B and a block row of C stay
 * in L1/L2 cache together for 16-byte elements. */
enum { BLOCK_I = 32, BLOCK_K = 128, BLOCK_J = 256 };

/* gcc's -O2 cost model vectorises no loop that needs an epilogue; `omp
 * simd` lifts that for the innermost loop, whose elements are independent
 * (C is a fresh array, never an operand). */
#ifdef _OPENMP
#define SIMD _Pragma("omp simd")
#else
#define SIMD
#endif

/* C (n x m) = A (n x k) @ B (k x m), all C-contiguous, aligned.  The loop
 * order i-k-j walks B and C by rows; k blocks go in increasing order, so
 * every C[i][j] is accumulated as ((0 + a0*b0) + a1*b1) + ... */
#define DEF_MATMUL(sfx, T, W, ZERO, MAC)                                       \
    static void mm_##sfx(const T *a, const T *b, T *c, int64_t n, int64_t k,   \
                         int64_t m)                                            \
    {                                                                          \
        for (int64_t i = 0; i < n * m; i++)                                    \
            c[i] = ZERO;                                                       \
        for (int64_t i0 = 0; i0 < n; i0 += BLOCK_I) {                          \
            int64_t i1 = i0 + BLOCK_I < n ? i0 + BLOCK_I : n;                  \
            for (int64_t p0 = 0; p0 < k; p0 += BLOCK_K) {                      \
                int64_t p1 = p0 + BLOCK_K < k ? p0 + BLOCK_K : k;              \
                for (int64_t j0 = 0; j0 < m; j0 += BLOCK_J) {                  \
                    int64_t j1 = j0 + BLOCK_J < m ? j0 + BLOCK_J : m;          \
                    for (int64_t i = i0; i < i1; i++) {                        \
                        T *crow = c + i * m;                                   \
                        for (int64_t p = p0; p < p1; p++) {                    \
                            const T av = a[i * k + p];                         \
                            const T *brow = b + p * m;                         \
                            SIMD for (int64_t j = j0; j < j1; j++)             \
                                MAC(crow[j], av, brow[j], T, W);               \
                        }                                                      \
                    }                                                          \
                }                                                              \
            }                                                                  \
        }                                                                      \
    }

/* Multiply-accumulate per kind (T the element type, W the type the
 * arithmetic runs in): integers wrap through an unsigned W, so no signed
 * overflow; bool is or-of-and as NumPy's '??->?' loop. */
#define MAC_BOOL(c, a, b, T, W) ((c) = (T)((c) || ((a) && (b))))
#define MAC_INT(c, a, b, T, W) ((c) = (T)((W)(c) + (W)(a) * (W)(b)))
#define MAC_REAL(c, a, b, T, W) ((c) = (c) + (a) * (b))
#define MAC_CPX(c, a, b, T, W)                                                 \
    do {                                                                       \
        (c).re = (c).re + ((a).re * (b).re - (a).im * (b).im);                 \
        (c).im = (c).im + ((a).re * (b).im + (a).im * (b).re);                 \
    } while (0)

/* X(sfx, T, W, ZERO, MAC, NDT) */
#define MATMUL_TYPES(X)                                                        \
    X(b1, unsigned char, unsigned, 0, MAC_BOOL, ND_BOOL)                       \
    X(i8, int8_t, unsigned, 0, MAC_INT, ND_INT8)                               \
    X(u8, uint8_t, unsigned, 0, MAC_INT, ND_UINT8)                             \
    X(i16, int16_t, unsigned, 0, MAC_INT, ND_INT16)                            \
    X(u16, uint16_t, unsigned, 0, MAC_INT, ND_UINT16)                          \
    X(i32, int32_t, uint32_t, 0, MAC_INT, ND_INT32)                            \
    X(u32, uint32_t, uint32_t, 0, MAC_INT, ND_UINT32)                          \
    X(i64, int64_t, uint64_t, 0, MAC_INT, ND_INT64)                            \
    X(u64, uint64_t, uint64_t, 0, MAC_INT, ND_UINT64)                          \
    X(f32, float, float, 0, MAC_REAL, ND_FLOAT32)                              \
    X(f64, double, double, 0, MAC_REAL, ND_FLOAT64)                            \
    X(c64, nd_complex64, float, ((nd_complex64){0, 0}), MAC_CPX, ND_COMPLEX64) \
    X(c128, nd_complex128, double, ((nd_complex128){0, 0}), MAC_CPX,           \
      ND_COMPLEX128)

#define X_DEF(sfx, T, W, ZERO, MAC, NDT) DEF_MATMUL(sfx, T, W, ZERO, MAC)
MATMUL_TYPES(X_DEF)

static void matmul_block(NdType t, const char *a, const char *b, char *c,
                         int64_t n, int64_t k, int64_t m)
{
    switch (t) {
#define X_CASE(sfx, T, W, ZERO, MAC, NDT)                                      \
    case NDT:                                                                  \
        mm_##sfx((const T *)(const void *)a, (const T *)(const void *)b,       \
                 (T *)(void *)c, n, k, m);                                     \
        break;
        MATMUL_TYPES(X_CASE)
#undef X_CASE
    default:
        break;
    }
}

/* Append "(2,4,3)" (NumPy's tuple without spaces) to buf. */
static void fmt_shape(char *buf, size_t size, int ndim, const int64_t *shape)
{
    size_t len = strlen(buf);
    len += (size_t)snprintf(buf + len, size - len, "(");
    for (int i = 0; i < ndim && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%" PRId64,
                                i ? "," : "", shape[i]);
    if (len < size)
        snprintf(buf + len, size - len, ")");
}

/* NumPy's gufunc broadcast error: each operand's shape and its stack part
 * with the core axes shown as newaxis, then the output core shape. */
static int broadcast_error(const NdArray *a, const NdArray *b, int64_t n,
                           int64_t m)
{
    char buf[4096] = "";
    const NdArray *ops[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        const NdArray *x = ops[i];
        fmt_shape(buf, sizeof buf, x->ndim, x->shape);
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "->");
        len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "(");
        for (int d = 0; d < x->ndim - 2; d++) {
            len = strlen(buf);
            snprintf(buf + len, sizeof buf - len, "%" PRId64 ",", x->shape[d]);
        }
        len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "newaxis,newaxis) ");
    }
    int64_t core[2] = {n, m};
    size_t len = strlen(buf);
    snprintf(buf + len, sizeof buf - len, " and requested shape ");
    fmt_shape(buf, sizeof buf, 2, core);
    return nd_error(ND_ERR_VALUE,
                    "operands could not be broadcast together with remapped "
                    "shapes [original->remapped]: %s",
                    buf);
}

/* A C-contiguous, aligned array of dtype t holding x's values (x itself
 * when it already is one). */
static NdArray *as_dense(NdArray *x, NdType t)
{
    NdArray *c = nd_astype(x, t, ND_CAST_UNSAFE, false);
    if (!c)
        return NULL;
    size_t align = nd_dtype_size(t) > 8 ? 8 : nd_dtype_size(t);
    if ((c->flags & ND_C_CONTIGUOUS) && (uintptr_t)c->data % align == 0)
        return c;
    NdArray *d = nd_copy(c, 'C');
    nd_decref(c);
    return d;
}

/* The geometry of one call: core sizes, the broadcast stack, and each
 * operand's stack axes right-aligned against it. */
typedef struct Geom {
    int64_t n, k, m;
    int nst, a_st, b_st;
    int64_t stack[ND_MAXDIMS];
} Geom;

/* Byte strides of x's stack axes against the broadcast stack (0 where x
 * has none or length 1). */
static void stack_strides(const NdArray *x, int x_st, const Geom *g,
                          int64_t *out)
{
    for (int d = 0; d < g->nst; d++) {
        int xd = d - (g->nst - x_st);
        out[d] = xd >= 0 && x->shape[xd] != 1 ? x->strides[xd] : 0;
    }
}

/* ---------------------------------------------------------------- jobs */

/* One operand's core as BLAS takes it: a matrix (row-major, `tr` and `ld`)
 * or a vector (`inc`), both in elements. */
typedef struct Operand {
    NdArray
        *arr; /* the array read (a reference: the input, a cast or a copy) */
    bool vec; /* a 1-d operand */
    CBLAS_TRANSPOSE tr;
    int ld, inc;
} Operand;

/* A whole product, stack included, ready to run on either thread.  It owns
 * a reference to each array it touches (the operands as read and the
 * result), so an abandoned job can finish after nd_matmul has returned. */
typedef struct MmJob {
    NdType t;
    bool blas;
    Geom g;
    Operand A, B; /* for the loop, only .arr (dense) is used */
    NdArray *out;
    unsigned fpe; /* the floating-point events of the run (ND_FPE_*) */
} MmJob;

static void mm_release(void *ctx)
{
    MmJob *j = ctx;
    nd_decref(j->A.arr);
    nd_decref(j->B.arr);
    nd_decref(j->out);
    free(j);
}

static void blas_one(NdType t, const Geom *g, const Operand *A, const char *a,
                     const Operand *B, const char *b, char *c);

/* Run the product over the whole stack.  The floating-point flags are
 * per thread: they are collected here and handed back in j->fpe. */
static int mm_fn(void *ctx)
{
    MmJob *j = ctx;
    const Geom *g = &j->g;
    const NdType t = j->t;
    const int64_t c_mat = g->n * g->m * (int64_t)nd_dtype_size(t);
    int64_t a_str[ND_MAXDIMS], b_str[ND_MAXDIMS];
    stack_strides(j->A.arr, g->a_st, g, a_str);
    stack_strides(j->B.arr, g->b_st, g, b_str);

    const bool fp = nd_dtype_kind(t) == ND_KIND_FLOAT ||
                    nd_dtype_kind(t) == ND_KIND_COMPLEX;
    /* The status word is per thread too.  Start from a clear one, so the
     * events of this run alone can be read back, and put back what was
     * there (with its origins) afterwards: on the calling thread that is
     * the user's statement's record. */
    unsigned before = 0;
    const char *origin[4] = {NULL, NULL, NULL, NULL};
    if (fp) {
        before = nd_fpe_status();
        for (int i = 0; i < 4; i++)
            origin[i] = nd_fpe_origin(1u << i);
        nd_fpe_clear();
        nd_fpe_hw_clear();
    }
    int64_t idx[ND_MAXDIMS] = {0};
    const char *pa = j->A.arr->data, *pb = j->B.arr->data;
    char *pc = j->out->data;
    for (;;) {
        if (j->blas)
            blas_one(t, g, &j->A, pa, &j->B, pb, pc);
        else
            matmul_block(t, pa, pb, pc, g->n, g->k, g->m);
        pc += c_mat;
        /* Odometer over the stack axes. */
        int d = g->nst - 1;
        for (; d >= 0; d--) {
            pa += a_str[d];
            pb += b_str[d];
            if (++idx[d] < g->stack[d])
                break;
            pa -= a_str[d] * g->stack[d];
            pb -= b_str[d] * g->stack[d];
            idx[d] = 0;
        }
        if (d < 0)
            break;
    }
    if (fp) {
        nd_fpe_hw_collect("matmul");
        j->fpe = nd_fpe_status();
        nd_fpe_clear();
        for (int i = 0; i < 4; i++)
            if (before & (1u << i))
                nd_fpe_raise(1u << i, origin[i]);
    }
    return 0;
}

/* Products of at least this many multiply-adds (times 4 for complex) run
 * on the worker: about a millisecond of work, against a hand-off of some
 * ten microseconds. */
#define WORKER_MACS 4e6

/* Run j (which owns its references) inline or on the worker, then release
 * it.  0 with j->out filled, or -1 (KeyboardInterrupt). */
static int mm_run(MmJob *j)
{
    const Geom *g = &j->g;
    double macs = (double)g->n * (double)g->k * (double)g->m;
    for (int d = 0; d < g->nst; d++)
        macs *= (double)g->stack[d];
    if (nd_dtype_kind(j->t) == ND_KIND_COMPLEX)
        macs *= 4;
    int rc;
    if (macs < WORKER_MACS) {
        /* An abandoned product may still be running BLAS on the worker:
         * wait for it (interruptibly) rather than call BLAS beside it.  The
         * blocked loop needs no such care. */
        if (j->blas && nd_worker_idle() < 0) {
            mm_release(j);
            return -1;
        }
        rc = mm_fn(j);
    } else {
        rc = nd_worker_run(mm_fn, j, mm_release);
        if (rc == ND_WORKER_ABANDONED)
            return -1; /* the job is the worker's now */
    }
    if (rc == 0 && j->fpe)
        nd_fpe_raise(j->fpe, "matmul");
    mm_release(j);
    return rc;
}

/* ------------------------------------------------------------ blocked loop */

static int matmul_loop(NdArray *a, NdArray *b, NdArray *out, NdType t,
                       const Geom *g)
{
    MmJob *j = nd_calloc(1, sizeof *j);
    if (!j)
        return -1;
    j->t = t;
    j->blas = false;
    j->g = *g;
    j->out = nd_incref(out);
    j->A.arr = as_dense(a, t);
    j->B.arr = j->A.arr ? as_dense(b, t) : NULL;
    if (!j->B.arr) {
        mm_release(j);
        return -1;
    }
    return mm_run(j);
}

/* -------------------------------------------------------------- BLAS path */

/* Can BLAS read the rows x cols core with byte strides rs, cs in place?
 * Axes of length 1 have no meaningful stride, so they are given the one
 * that suits. */
static bool blas_matrix(int64_t rows, int64_t cols, int64_t rs, int64_t cs,
                        int64_t item, Operand *op)
{
    if (cols == 1)
        cs = item;
    if (rows == 1)
        rs = (cols > 1 ? cols : 1) * item;
    if (cs == item && rs > 0 && rs % item == 0 &&
        rs / item >= (cols > 1 ? cols : 1) && rs / item <= INT_MAX) {
        op->tr = CblasNoTrans;
        op->ld = (int)(rs / item);
        return true;
    }
    if (rs == item && cs > 0 && cs % item == 0 &&
        cs / item >= (rows > 1 ? rows : 1) && cs / item <= INT_MAX) {
        op->tr = CblasTrans;
        op->ld = (int)(cs / item);
        return true;
    }
    return false;
}

/* A vector of len elements at byte stride s: BLAS takes positive
 * increments (a negative one walks from the other end of the storage). */
static bool blas_vector(int64_t len, int64_t s, int64_t item, Operand *op)
{
    if (len <= 1)
        s = item;
    if (s <= 0 || s % item != 0 || s / item > INT_MAX)
        return false;
    op->inc = (int)(s / item);
    return true;
}

/* Element-aligned data and strides, so BLAS never reads a split element. */
static bool blas_aligned(const NdArray *x, int64_t align)
{
    if ((uintptr_t)x->data % (uintptr_t)align)
        return false;
    for (int d = 0; d < x->ndim; d++)
        if (x->strides[d] % align)
            return false;
    return true;
}

/* Prepare x (rows x cols core, or a vector when 1-d) for BLAS: cast to t,
 * and copy only when the strides cannot be passed. */
static int blas_operand(NdArray *x, NdType t, int64_t rows, int64_t cols,
                        Operand *op)
{
    const int64_t item = (int64_t)nd_dtype_size(t);
    const int64_t align = nd_dtype_kind(t) == ND_KIND_COMPLEX ? item / 2 : item;
    op->vec = x->ndim == 1;
    op->arr = nd_astype(x, t, ND_CAST_UNSAFE, false);
    if (!op->arr)
        return -1;
    for (int pass = 0; pass < 2; pass++) {
        NdArray *y = op->arr;
        bool ok = blas_aligned(y, align);
        if (ok && op->vec)
            ok = blas_vector(y->shape[0], y->strides[0], item, op);
        else if (ok)
            ok = blas_matrix(rows, cols, y->strides[y->ndim - 2],
                             y->strides[y->ndim - 1], item, op);
        if (ok)
            return 0;
        /* A C-contiguous copy always fits (pass 1 cannot fail). */
        NdArray *c = nd_copy(y, 'C');
        nd_decref(y);
        op->arr = c;
        if (!c)
            return -1;
    }
    return 0;
}

/* C (n x n) = X X^T where X = op(A) (n x k) and the right operand is the
 * same storage transposed (`A.T @ A`, `A @ A.T`): syrk does half the work
 * of gemm (NumPy's matmul does the same), writes the upper triangle, and
 * the lower one is mirrored, so the result is exactly symmetric.  syrk
 * does not conjugate, so complex operands take it too. */
static void blas_syrk(NdType t, int n, int k, const Operand *A, const char *a,
                      char *c)
{
    static const float one_c[2] = {1, 0}, zero_c[2] = {0, 0};
    static const double one_z[2] = {1, 0}, zero_z[2] = {0, 0};
    switch (t) {
    case ND_FLOAT32:
        cblas_ssyrk(CblasRowMajor, CblasUpper, A->tr, n, k, 1.0f,
                    (const float *)(const void *)a, A->ld, 0.0f,
                    (float *)(void *)c, n);
        break;
    case ND_FLOAT64:
        cblas_dsyrk(CblasRowMajor, CblasUpper, A->tr, n, k, 1.0,
                    (const double *)(const void *)a, A->ld, 0.0,
                    (double *)(void *)c, n);
        break;
    case ND_COMPLEX64:
        cblas_csyrk(CblasRowMajor, CblasUpper, A->tr, n, k, one_c, a, A->ld,
                    zero_c, c, n);
        break;
    default:
        cblas_zsyrk(CblasRowMajor, CblasUpper, A->tr, n, k, one_z, a, A->ld,
                    zero_z, c, n);
        break;
    }
    const size_t es = nd_dtype_size(t);
    for (int i = 1; i < n; i++)
        for (int j = 0; j < i; j++)
            memcpy(c + ((size_t)i * (size_t)n + (size_t)j) * es,
                   c + ((size_t)j * (size_t)n + (size_t)i) * es, es);
}

/* One product C = A @ B of the stack.  c is C-contiguous (n x m). */
static void blas_one(NdType t, const Geom *g, const Operand *A, const char *a,
                     const Operand *B, const char *b, char *c)
{
    const int n = (int)g->n, k = (int)g->k, m = (int)g->m;
    static const float one_s = 1, zero_s = 0;
    static const double one_d = 1, zero_d = 0;
    static const float one_c[2] = {1, 0}, zero_c[2] = {0, 0};
    static const double one_z[2] = {1, 0}, zero_z[2] = {0, 0};
    /* a 1-d a or a row (n == 1) is x of a gemv on B^T; likewise for b. */
    const bool a_row = A->vec || n == 1, b_col = B->vec || m == 1;
    int inc_a = A->vec ? A->inc : A->tr == CblasNoTrans ? 1 : A->ld;
    int inc_b = B->vec ? B->inc : B->tr == CblasNoTrans ? B->ld : 1;

    if (a_row && b_col) {
        switch (t) {
        case ND_FLOAT32:
            *(float *)(void *)c =
                cblas_sdot(k, (const float *)(const void *)a, inc_a,
                           (const float *)(const void *)b, inc_b);
            break;
        case ND_FLOAT64:
            *(double *)(void *)c =
                cblas_ddot(k, (const double *)(const void *)a, inc_a,
                           (const double *)(const void *)b, inc_b);
            break;
        case ND_COMPLEX64:
            cblas_cdotu_sub(k, a, inc_a, b, inc_b, c);
            break;
        default:
            cblas_zdotu_sub(k, a, inc_a, b, inc_b, c);
            break;
        }
        return;
    }
    if (b_col) {
        /* c (n) = A (n x k) x; A is a matrix here (n > 1). */
        int rows = A->tr == CblasNoTrans ? n : k;
        int cols = A->tr == CblasNoTrans ? k : n;
        switch (t) {
        case ND_FLOAT32:
            cblas_sgemv(CblasRowMajor, A->tr, rows, cols, one_s,
                        (const float *)(const void *)a, A->ld,
                        (const float *)(const void *)b, inc_b, zero_s,
                        (float *)(void *)c, 1);
            break;
        case ND_FLOAT64:
            cblas_dgemv(CblasRowMajor, A->tr, rows, cols, one_d,
                        (const double *)(const void *)a, A->ld,
                        (const double *)(const void *)b, inc_b, zero_d,
                        (double *)(void *)c, 1);
            break;
        case ND_COMPLEX64:
            cblas_cgemv(CblasRowMajor, A->tr, rows, cols, one_c, a, A->ld, b,
                        inc_b, zero_c, c, 1);
            break;
        default:
            cblas_zgemv(CblasRowMajor, A->tr, rows, cols, one_z, a, A->ld, b,
                        inc_b, zero_z, c, 1);
            break;
        }
        return;
    }
    if (a_row) {
        /* c (m) = B^T x with B (k x m) a matrix (m > 1). */
        CBLAS_TRANSPOSE tr = B->tr == CblasNoTrans ? CblasTrans : CblasNoTrans;
        int rows = B->tr == CblasNoTrans ? k : m;
        int cols = B->tr == CblasNoTrans ? m : k;
        switch (t) {
        case ND_FLOAT32:
            cblas_sgemv(CblasRowMajor, tr, rows, cols, one_s,
                        (const float *)(const void *)b, B->ld,
                        (const float *)(const void *)a, inc_a, zero_s,
                        (float *)(void *)c, 1);
            break;
        case ND_FLOAT64:
            cblas_dgemv(CblasRowMajor, tr, rows, cols, one_d,
                        (const double *)(const void *)b, B->ld,
                        (const double *)(const void *)a, inc_a, zero_d,
                        (double *)(void *)c, 1);
            break;
        case ND_COMPLEX64:
            cblas_cgemv(CblasRowMajor, tr, rows, cols, one_c, b, B->ld, a,
                        inc_a, zero_c, c, 1);
            break;
        default:
            cblas_zgemv(CblasRowMajor, tr, rows, cols, one_z, b, B->ld, a,
                        inc_a, zero_z, c, 1);
            break;
        }
        return;
    }
    if (a == b && A->ld == B->ld && A->tr != B->tr && n == m) {
        blas_syrk(t, n, k, A, a, c);
        return;
    }
    switch (t) {
    case ND_FLOAT32:
        cblas_sgemm(CblasRowMajor, A->tr, B->tr, n, m, k, one_s,
                    (const float *)(const void *)a, A->ld,
                    (const float *)(const void *)b, B->ld, zero_s,
                    (float *)(void *)c, m);
        break;
    case ND_FLOAT64:
        cblas_dgemm(CblasRowMajor, A->tr, B->tr, n, m, k, one_d,
                    (const double *)(const void *)a, A->ld,
                    (const double *)(const void *)b, B->ld, zero_d,
                    (double *)(void *)c, m);
        break;
    case ND_COMPLEX64:
        cblas_cgemm(CblasRowMajor, A->tr, B->tr, n, m, k, one_c, a, A->ld, b,
                    B->ld, zero_c, c, m);
        break;
    default:
        cblas_zgemm(CblasRowMajor, A->tr, B->tr, n, m, k, one_z, a, A->ld, b,
                    B->ld, zero_z, c, m);
        break;
    }
}

static int matmul_blas(NdArray *a, NdArray *b, NdArray *out, NdType t,
                       const Geom *g)
{
    MmJob *j = nd_calloc(1, sizeof *j);
    if (!j)
        return -1;
    j->t = t;
    j->blas = true;
    j->g = *g;
    j->out = nd_incref(out);
    if (blas_operand(a, t, g->n, g->k, &j->A) < 0 ||
        blas_operand(b, t, g->k, g->m, &j->B) < 0) {
        mm_release(j);
        return -1;
    }
    return mm_run(j);
}

NdArray *nd_matmul(NdArray *a, NdArray *b)
{
    if (a->ndim == 0 || b->ndim == 0) {
        nd_error(ND_ERR_VALUE,
                 "matmul: Input operand %d does not have enough dimensions "
                 "(has 0, gufunc core with signature " SIGNATURE " requires 1)",
                 a->ndim == 0 ? 0 : 1);
        return NULL;
    }

    Geom g;
    const bool a_vec = a->ndim == 1, b_vec = b->ndim == 1;
    g.n = a_vec ? 1 : a->shape[a->ndim - 2];
    g.k = a->shape[a->ndim - 1];
    const int64_t kb = b_vec ? b->shape[0] : b->shape[b->ndim - 2];
    g.m = b_vec ? 1 : b->shape[b->ndim - 1];
    if (g.k != kb) {
        nd_error(ND_ERR_VALUE,
                 "matmul: Input operand 1 has a mismatch in its core "
                 "dimension 0, with gufunc signature " SIGNATURE
                 " (size %" PRId64 " is different from %" PRId64 ")",
                 kb, g.k);
        return NULL;
    }

    /* Stack dimensions, right-aligned as in broadcasting. */
    g.a_st = a_vec ? 0 : a->ndim - 2;
    g.b_st = b_vec ? 0 : b->ndim - 2;
    g.nst = g.a_st > g.b_st ? g.a_st : g.b_st;
    for (int d = 0; d < g.nst; d++) {
        int64_t da = d >= g.nst - g.a_st ? a->shape[d - (g.nst - g.a_st)] : 1;
        int64_t db = d >= g.nst - g.b_st ? b->shape[d - (g.nst - g.b_st)] : 1;
        if (da != db && da != 1 && db != 1) {
            broadcast_error(a, b, g.n, g.m);
            return NULL;
        }
        g.stack[d] = da == 1 ? db : da;
    }

    int64_t out_shape[ND_MAXDIMS];
    int out_ndim = 0;
    for (int d = 0; d < g.nst; d++)
        out_shape[out_ndim++] = g.stack[d];
    if (!a_vec)
        out_shape[out_ndim++] = g.n;
    if (!b_vec)
        out_shape[out_ndim++] = g.m;

    const NdType t = nd_promote_types(a->dtype, b->dtype);
    NdArray *out = nd_empty(t, out_ndim, out_shape, 'C');
    if (!out)
        return NULL;
    if (out->size == 0)
        return out;
    if (g.k == 0) {
        /* Empty sums: zeros (BLAS would need lda >= 1 of an empty axis). */
        memset(out->data, 0, (size_t)out->size * nd_dtype_size(t));
        return out;
    }

    const bool blas = (t == ND_FLOAT32 || t == ND_FLOAT64 ||
                       t == ND_COMPLEX64 || t == ND_COMPLEX128) &&
                      g.n <= INT_MAX && g.k <= INT_MAX && g.m <= INT_MAX;
    int rc =
        blas ? matmul_blas(a, b, out, t, &g) : matmul_loop(a, b, out, t, &g);
    if (rc < 0) {
        nd_decref(out);
        return NULL;
    }
    return out;
}
