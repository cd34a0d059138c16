/* linalg.c — the linear-algebra room: NumPy's linalg functions inv, solve,
 * det, slogdet, cholesky, norm, cond, qr, svd, eig/eigvals, eigh/eigvalsh,
 * lstsq, matrix_rank, pinv, matrix_power and multi_dot on stacked matrices
 * (..., M, N), through LAPACKE's column-major drivers (gesv, getrf, potrf,
 * geqrf + orgqr/ungqr, gesdd, geev, syevd/heevd, gelsd).
 *
 * Each matrix of a stack is copied into a small column-major work buffer
 * (LAPACK overwrites its input, and the copy also takes any strides,
 * transposed views and broadcast batch axes), factored, and the answer is
 * copied into a fresh C-order result.  As NumPy's _commonType does, the
 * arithmetic always runs in float64 or complex128 and the result is cast
 * back to float32/complex64 when every input was single precision; so only
 * the d and z LAPACK routines are needed.  LAPACK's info codes become
 * NumPy's LinAlgErrors here and never travel further. */
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lapacke.h>

#include "nd.h"
#include "worker.h"

/* ------------------------------------------------------------ checks */

static int assert_stacked_2d(const NdArray *a)
{
    if (a->ndim < 2)
        return nd_error(ND_ERR_LINALG,
                        "%d-dimensional array given. Array must be at least "
                        "two-dimensional",
                        a->ndim);
    return 0;
}

static int assert_stacked_square(const NdArray *a)
{
    if (a->shape[a->ndim - 1] != a->shape[a->ndim - 2])
        return nd_error(ND_ERR_LINALG,
                        "Last 2 dimensions of the array must be square");
    return 0;
}

static int check_square_stack(const NdArray *a)
{
    if (assert_stacked_2d(a) < 0 || assert_stacked_square(a) < 0)
        return -1;
    /* LAPACK counts in int: larger orders cannot be passed at all. */
    if (a->shape[a->ndim - 1] > INT_MAX / 2)
        return nd_error(ND_ERR_VALUE, "array is too big for LAPACK");
    return 0;
}

/* NumPy's _commonType: compute in float64/complex128; the result is single
 * precision only when every input is float32/complex64. */
static void common_type(int n, NdArray *const *arrs, NdType *compute,
                        NdType *result)
{
    bool cpx = false, dbl = false;
    for (int i = 0; i < n; i++) {
        NdType t = arrs[i]->dtype;
        NdKind k = nd_dtype_kind(t);
        if (k == ND_KIND_COMPLEX)
            cpx = true;
        if (t != ND_FLOAT32 && t != ND_COMPLEX64)
            dbl = true;
    }
    *compute = cpx ? ND_COMPLEX128 : ND_FLOAT64;
    *result = cpx ? (dbl ? ND_COMPLEX128 : ND_COMPLEX64)
                  : (dbl ? ND_FLOAT64 : ND_FLOAT32);
}

static int interrupted(void)
{
    if (nd_interrupt_requested)
        return nd_error(ND_ERR_INTERRUPT, "%s", "");
    return 0;
}

/* An info < 0 means we passed LAPACK a bad argument: a bug of ours, but
 * reported as an error rather than garbage. */
static int lapack_bug(const char *routine, lapack_int info)
{
    return nd_error(ND_ERR_RUNTIME,
                    "internal error: LAPACK %s rejected "
                    "argument %d",
                    routine, (int)-info);
}

/* ------------------------------------------------------- LAPACK jobs */

/* A LAPACK call that may run on the interruptible worker (worker.h): the
 * call reads its arguments from the job, and the job owns every buffer it
 * touches (own: malloc'd work buffers; refs: arrays written in place), so
 * that an abandoned call (Ctrl-C) can finish safely after the function
 * that started it has returned.  The functions below allocate their work
 * buffers into a job, pass it to la_run once per matrix, and free it with
 * la_free — unless la_run abandoned it (the job pointer is then NULL and
 * those buffers must not be touched again). */
typedef struct LaJob LaJob;
struct LaJob {
    lapack_int (*call)(LaJob *);
    lapack_int info;
    void *own[12];
    NdArray *refs[4];
    int nown, nrefs;
    /* The call's arguments. */
    bool cpx;
    char c1, c2, c3;
    lapack_int i[8];
    double d;
    void *p[10];
    /* Results other than info (geev's "all real", gelsd's rank). */
    bool flag;
    lapack_int out;
};

/* Calls of at most this many flops run inline: a 3 x 3 inv must not pay
 * for a thread hand-off, and anything this small ends within a moment. */
#define INLINE_FLOPS 2e6

static LaJob *la_new(void)
{
    return nd_calloc(1, sizeof(LaJob));
}

/* Register a buffer (may be NULL) for la_free; returns it. */
static void *la_own(LaJob *j, void *buf)
{
    if (buf)
        j->own[j->nown++] = buf;
    return buf;
}

/* Keep an array alive while the job may write into it. */
static void la_ref(LaJob *j, NdArray *a)
{
    j->refs[j->nrefs++] = nd_incref(a);
}

static void la_free(void *ctx)
{
    LaJob *j = ctx;
    if (!j)
        return;
    for (int i = 0; i < j->nown; i++)
        free(j->own[i]);
    for (int i = 0; i < j->nrefs; i++)
        nd_decref(j->refs[i]);
    free(j);
}

static int la_fn(void *ctx)
{
    LaJob *j = ctx;
    j->info = j->call(j);
    return 0;
}

/* Run (*jp)->call: inline when it is small, else on the worker.  0 with
 * the answer in (*jp)->info; -1 with KeyboardInterrupt — when the worker
 * was abandoned, *jp is set to NULL (the worker owns the job now). */
static int la_run(LaJob **jp, double flops)
{
    if (nd_worker_idle() < 0)
        return -1;
    LaJob *j = *jp;
    if (flops < INLINE_FLOPS) {
        j->info = j->call(j);
        return 0;
    }
    int rc = nd_worker_run(la_fn, j, la_free);
    if (rc == ND_WORKER_ABANDONED) {
        *jp = NULL;
        return -1;
    }
    return rc;
}

/* ------------------------------------------------- stacks and buffers */

/* Byte offset of matrix j of a stack whose first nb axes are its batch
 * axes (strides 0 along broadcast axes). */
static int64_t batch_offset(const NdArray *a, int nb, int64_t j)
{
    int64_t off = 0;
    for (int d = nb - 1; d >= 0; d--) {
        int64_t s = a->shape[d];
        off += (j % s) * a->strides[d];
        j /= s;
    }
    return off;
}

/* Copy a rows x cols matrix of es-byte elements (8: double, 16: complex
 * double) between two strided layouts.  memcpy of a constant size compiles
 * to plain loads and stores and is safe for any alignment. */
static void copy_mat(char *dst, int64_t drs, int64_t dcs, const char *src,
                     int64_t srs, int64_t scs, int64_t rows, int64_t cols,
                     size_t es)
{
    for (int64_t j = 0; j < cols; j++)
        for (int64_t i = 0; i < rows; i++) {
            char *d = dst + i * drs + j * dcs;
            const char *s = src + i * srs + j * scs;
            if (es == 8)
                memcpy(d, s, 8);
            else
                memcpy(d, s, 16);
        }
}

/* Matrix at `src` (strides of a's last two axes) -> column-major buffer. */
static void load_colmajor(char *buf, const NdArray *a, const char *src,
                          int64_t rows, int64_t cols, size_t es)
{
    copy_mat(buf, (int64_t)es, rows * (int64_t)es, src, a->strides[a->ndim - 2],
             a->strides[a->ndim - 1], rows, cols, es);
}

/* Column-major buffer -> a C-contiguous matrix at dst. */
static void store_rowmajor(char *dst, const char *buf, int64_t rows,
                           int64_t cols, size_t es)
{
    copy_mat(dst, cols * (int64_t)es, (int64_t)es, buf, (int64_t)es,
             rows * (int64_t)es, rows, cols, es);
}

/* A work buffer of rows * cols elements of es bytes, overflow-checked. */
static char *work_alloc(int64_t rows, int64_t cols, size_t es)
{
    int64_t n;
    if (nd_mul_overflow(rows, cols, &n) < 0 ||
        nd_mul_overflow(n, (int64_t)es, &n) < 0) {
        nd_error(ND_ERR_MEMORY, "out of memory");
        return NULL;
    }
    return nd_malloc(n ? (size_t)n : 1);
}

/* The finished result in the result dtype (the array itself when equal). */
static NdArray *finish(NdArray *out, NdType result)
{
    if (!out || out->dtype == result)
        return out;
    NdArray *r = nd_astype(out, result, ND_CAST_UNSAFE, false);
    nd_decref(out);
    return r;
}

/* Fill a column-major n x n buffer with the identity. */
static void set_identity(char *buf, int64_t n, size_t es)
{
    memset(buf, 0, (size_t)(n * n) * es);
    for (int64_t i = 0; i < n; i++) {
        double one = 1.0;
        memcpy(buf + (i * n + i) * (int64_t)es, &one, sizeof one);
    }
}

static lapack_int call_gesv(LaJob *j)
{
    const lapack_int ln = j->i[0], lk = j->i[1], ld = ln > 0 ? ln : 1;
    if (j->cpx)
        return LAPACKE_zgesv_work(
            LAPACK_COL_MAJOR, ln, lk, (lapack_complex_double *)j->p[0], ld,
            (lapack_int *)j->p[2], (lapack_complex_double *)j->p[1], ld);
    return LAPACKE_dgesv_work(LAPACK_COL_MAJOR, ln, lk, (double *)j->p[0], ld,
                              (lapack_int *)j->p[2], (double *)j->p[1], ld);
}

/* gesv on column-major buffers of the job: A (n x n) and B (n x nrhs)
 * overwritten; 1 when A is singular, 0 on success, -1 on error. */
static int gesv(LaJob **jp, bool cpx, int64_t n, int64_t nrhs, char *A, char *B,
                lapack_int *ipiv)
{
    LaJob *j = *jp;
    j->call = call_gesv;
    j->cpx = cpx;
    j->i[0] = (lapack_int)n;
    j->i[1] = (lapack_int)nrhs;
    j->p[0] = A;
    j->p[1] = B;
    j->p[2] = ipiv;
    if (la_run(jp, (double)n * (double)n * (double)(n + nrhs)) < 0)
        return -1;
    const lapack_int info = (*jp)->info;
    if (info < 0)
        return lapack_bug(cpx ? "zgesv" : "dgesv", info);
    return info > 0 ? 1 : 0;
}

/* ------------------------------------------------------------------ inv */

/* The inverse of each matrix of a stack in the compute type (ct) — a
 * singular matrix is LinAlgError "Singular matrix", or, with nan_singular
 * (cond's errstate(all='ignore') call of the inv gufunc), a matrix of
 * NaNs.  *rt gets the result type. */
static NdArray *inv_core(NdArray *a, bool nan_singular, NdType *rt_out);

NdArray *nd_linalg_inv(NdArray *a)
{
    NdType rt;
    NdArray *out = inv_core(a, false, &rt);
    return finish(out, rt);
}

static NdArray *inv_core(NdArray *a, bool nan_singular, NdType *rt_out)
{
    if (check_square_stack(a) < 0)
        return NULL;
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);
    const int64_t n = a->shape[a->ndim - 1];
    const int nb = a->ndim - 2;

    *rt_out = rt;
    NdArray *out = nd_empty(ct, a->ndim, a->shape, 'C');
    if (!out || out->size == 0)
        return out;
    NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
    LaJob *job = ac ? la_new() : NULL;
    char *A = job ? la_own(job, work_alloc(n, n, es)) : NULL;
    char *B = A ? la_own(job, work_alloc(n, n, es)) : NULL;
    lapack_int *ipiv =
        B ? la_own(job, nd_malloc((size_t)n * sizeof *ipiv)) : NULL;
    int rc = ipiv ? 0 : -1;
    const int64_t count = out->size / (n * n);
    for (int64_t j = 0; rc == 0 && j < count; j++) {
        if ((rc = interrupted()) < 0)
            break;
        load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), n, n, es);
        set_identity(B, n, es);
        rc = gesv(&job, cpx, n, n, A, B, ipiv);
        if (rc == 1 && nan_singular) {
            for (int64_t i = 0; i < n * n * (int64_t)(es / 8); i++)
                memcpy(B + i * 8, &(double){NAN}, 8);
            rc = 0;
        }
        if (rc == 1)
            rc = nd_error(ND_ERR_LINALG, "Singular matrix");
        else if (rc == 0)
            store_rowmajor(out->data + j * n * n * (int64_t)es, B, n, n, es);
    }
    /* LAPACK's own floating-point events are not the user's (NumPy
     * discards them too). */
    nd_fpe_hw_clear();
    la_free(job);
    nd_decref(ac);
    if (rc < 0) {
        nd_decref(out);
        return NULL;
    }
    return out;
}

/* ---------------------------------------------------------------- solve */

/* Append NumPy's compact tuple "(2,3)" / "(3)" to buf. */
static void put_shape(char *buf, size_t size, int ndim, const int64_t *shape)
{
    size_t len = strlen(buf);
    len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "(");
    for (int i = 0; i < ndim && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%" PRId64,
                                i ? "," : "", shape[i]);
    if (len < size)
        snprintf(buf + len, size - len, ")");
}

/* The gufunc machinery's error when batch axes do not broadcast: each
 * operand's shape, remapped to its batch axes plus one newaxis per core
 * axis of the output, then the output's core shape. */
static int remap_error(NdArray *const *ops, const int *ncore, int out_core,
                       const int64_t *core_shape)
{
    char buf[2048] = "";
    for (int i = 0; i < 2; i++) {
        const NdArray *x = ops[i];
        put_shape(buf, sizeof buf, x->ndim, x->shape);
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "->(");
        for (int d = 0; d < x->ndim - ncore[i]; d++) {
            len = strlen(buf);
            snprintf(buf + len, sizeof buf - len, "%" PRId64 ",", x->shape[d]);
        }
        for (int d = 0; d < out_core; d++) {
            len = strlen(buf);
            snprintf(buf + len, sizeof buf - len, "%snewaxis", d ? "," : "");
        }
        len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, ") ");
    }
    size_t len = strlen(buf);
    snprintf(buf + len, sizeof buf - len, " and requested shape ");
    put_shape(buf, sizeof buf, out_core, core_shape);
    return nd_error(ND_ERR_VALUE,
                    "operands could not be broadcast together with remapped "
                    "shapes [original->remapped]: %s",
                    buf);
}

NdArray *nd_linalg_solve(NdArray *a, NdArray *b)
{
    if (check_square_stack(a) < 0)
        return NULL;
    NdArray *both[2] = {a, b};
    NdType ct, rt;
    common_type(2, both, &ct, &rt);
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);

    /* NumPy 2: only an exactly 1-d b is one vector (gufunc solve1). */
    const bool vec = b->ndim == 1;
    const char *name = vec ? "solve1" : "solve";
    const char *sig = vec ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)";
    const int bcore = vec ? 1 : 2;
    if (b->ndim < bcore) {
        nd_error(ND_ERR_VALUE,
                 "%s: Input operand 1 does not have enough dimensions (has %d, "
                 "gufunc core with signature %s requires %d)",
                 name, b->ndim, sig, bcore);
        return NULL;
    }
    const int64_t m = a->shape[a->ndim - 1];
    const int64_t bm = b->shape[b->ndim - bcore];
    if (bm != m) {
        nd_error(ND_ERR_VALUE,
                 "%s: Input operand 1 has a mismatch in its core dimension 0, "
                 "with gufunc signature %s (size %" PRId64
                 " is different from %" PRId64 ")",
                 name, sig, bm, m);
        return NULL;
    }
    const int64_t nrhs = vec ? 1 : b->shape[b->ndim - 1];
    if (nrhs > INT_MAX / 2) {
        nd_error(ND_ERR_VALUE, "array is too big for LAPACK");
        return NULL;
    }

    /* Broadcast the batch axes (right-aligned). */
    const int na = a->ndim - 2, nbb = b->ndim - bcore;
    const int nb = na > nbb ? na : nbb;
    int64_t shape[ND_MAXDIMS];
    for (int d = 0; d < nb; d++) {
        int64_t da = d >= nb - na ? a->shape[d - (nb - na)] : 1;
        int64_t db = d >= nb - nbb ? b->shape[d - (nb - nbb)] : 1;
        if (da != db && da != 1 && db != 1) {
            const int ncore[2] = {2, bcore};
            const int64_t core[2] = {m, nrhs};
            remap_error(both, ncore, bcore, core);
            return NULL;
        }
        shape[d] = da == 1 ? db : da;
    }
    shape[nb] = m;
    shape[nb + 1] = m;

    int64_t oshape[ND_MAXDIMS];
    memcpy(oshape, shape, (size_t)nb * sizeof *oshape);
    oshape[nb] = m;
    if (!vec)
        oshape[nb + 1] = nrhs;
    NdArray *out = nd_empty(ct, nb + bcore, oshape, 'C');
    if (!out)
        return NULL;
    if (out->size == 0)
        return finish(out, rt);

    NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
    NdArray *bc = ac ? nd_astype(b, ct, ND_CAST_UNSAFE, false) : NULL;
    NdArray *av = bc ? nd_broadcast_to(ac, nb + 2, shape) : NULL;
    NdArray *bv = NULL;
    if (av) {
        int64_t bshape[ND_MAXDIMS];
        memcpy(bshape, oshape, (size_t)(nb + bcore) * sizeof *bshape);
        bv = nd_broadcast_to(bc, nb + bcore, bshape);
    }
    LaJob *job = bv ? la_new() : NULL;
    char *A = job ? la_own(job, work_alloc(m, m, es)) : NULL;
    char *B = A ? la_own(job, work_alloc(m, nrhs, es)) : NULL;
    lapack_int *ipiv =
        B ? la_own(job, nd_malloc((size_t)m * sizeof *ipiv)) : NULL;
    int rc = ipiv ? 0 : -1;
    const int64_t count = out->size / (m * nrhs);
    const int64_t step = m * nrhs * (int64_t)es;
    for (int64_t j = 0; rc == 0 && j < count; j++) {
        if ((rc = interrupted()) < 0)
            break;
        load_colmajor(A, av, av->data + batch_offset(av, nb, j), m, m, es);
        const char *bsrc = bv->data + batch_offset(bv, nb, j);
        if (vec)
            copy_mat(B, (int64_t)es, m * (int64_t)es, bsrc,
                     bv->strides[bv->ndim - 1], 0, m, 1, es);
        else
            load_colmajor(B, bv, bsrc, m, nrhs, es);
        rc = gesv(&job, cpx, m, nrhs, A, B, ipiv);
        if (rc == 1)
            rc = nd_error(ND_ERR_LINALG, "Singular matrix");
        else if (rc == 0)
            store_rowmajor(out->data + j * step, B, m, nrhs, es);
    }
    nd_fpe_hw_clear();
    la_free(job);
    nd_decref(bv);
    nd_decref(av);
    nd_decref(bc);
    nd_decref(ac);
    if (rc < 0) {
        nd_decref(out);
        return NULL;
    }
    return finish(out, rt);
}

/* ------------------------------------------------------ det and slogdet */

/* getrf from the job: i: n; p: A, ipiv. */
static lapack_int call_getrf(LaJob *j)
{
    const lapack_int n = j->i[0];
    if (j->cpx)
        return LAPACKE_zgetrf_work(LAPACK_COL_MAJOR, n, n,
                                   (lapack_complex_double *)j->p[0], n,
                                   (lapack_int *)j->p[1]);
    return LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, n, n, (double *)j->p[0], n,
                               (lapack_int *)j->p[1]);
}

/* Sign and log|det| of each matrix of the stack, as NumPy's umath_linalg
 * does: LU-factor (getrf), then the sign from the pivots and the diagonal
 * and the log from the sum of log|u_ii|.  sign (ct) and logdet (float64)
 * are C-contiguous arrays of the batch shape. */
static int slogdet_core(NdArray *a, NdType ct, NdArray *sign, NdArray *logdet)
{
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);
    const int64_t n = a->shape[a->ndim - 1];
    const int nb = a->ndim - 2;
    const int64_t count = sign->size;
    double *ld = (double *)(void *)logdet->data;
    if (n == 0) {
        /* The empty product: det 1. */
        for (int64_t j = 0; j < count; j++) {
            const double one[2] = {1.0, 0.0};
            memcpy(sign->data + j * (int64_t)es, one, es);
            ld[j] = 0.0;
        }
        return 0;
    }
    if (count == 0)
        return 0;
    NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
    LaJob *job = ac ? la_new() : NULL;
    char *A = job ? la_own(job, work_alloc(n, n, es)) : NULL;
    lapack_int *ipiv =
        A ? la_own(job, nd_malloc((size_t)n * sizeof *ipiv)) : NULL;
    int rc = ipiv ? 0 : -1;
    const lapack_int ln = (lapack_int)n;
    for (int64_t j = 0; rc == 0 && j < count; j++) {
        if ((rc = interrupted()) < 0)
            break;
        load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), n, n, es);
        job->call = call_getrf;
        job->cpx = cpx;
        job->i[0] = ln;
        job->p[0] = A;
        job->p[1] = ipiv;
        if ((rc = la_run(&job, (double)n * (double)n * (double)n)) < 0)
            break;
        const lapack_int info = job->info;
        if (info < 0) {
            rc = lapack_bug(cpx ? "zgetrf" : "dgetrf", info);
            break;
        }
        double sre = 0.0, sim = 0.0, acc = -INFINITY;
        if (info == 0) {
            int swaps = 0;
            for (int64_t i = 0; i < n; i++)
                swaps += ipiv[i] != (lapack_int)(i + 1);
            sre = swaps % 2 ? -1.0 : 1.0;
            acc = 0.0;
            for (int64_t i = 0; i < n; i++) {
                const char *e = A + (i * n + i) * (int64_t)es;
                if (cpx) {
                    double z[2];
                    memcpy(z, e, sizeof z);
                    double r = hypot(z[0], z[1]);
                    double ur = z[0] / r, ui = z[1] / r;
                    double nr = sre * ur - sim * ui;
                    sim = sre * ui + sim * ur;
                    sre = nr;
                    acc += log(r);
                } else {
                    double x;
                    memcpy(&x, e, sizeof x);
                    if (x < 0) {
                        sre = -sre;
                        x = -x;
                    }
                    acc += log(x);
                }
            }
        }
        const double s[2] = {sre, sim};
        memcpy(sign->data + j * (int64_t)es, s, es);
        ld[j] = acc;
    }
    la_free(job);
    nd_decref(ac);
    return rc;
}

int nd_linalg_slogdet(NdArray *a, NdArray **sign_out, NdArray **logdet_out)
{
    *sign_out = *logdet_out = NULL;
    if (check_square_stack(a) < 0)
        return -1;
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    const NdType real_rt = rt == ND_COMPLEX64    ? ND_FLOAT32
                           : rt == ND_COMPLEX128 ? ND_FLOAT64
                                                 : rt;
    NdArray *sign = nd_empty(ct, a->ndim - 2, a->shape, 'C');
    NdArray *logdet =
        sign ? nd_empty(ND_FLOAT64, a->ndim - 2, a->shape, 'C') : NULL;
    if (!logdet) {
        nd_decref(sign);
        return -1;
    }
    nd_fpe_hw_clear();
    int rc = slogdet_core(a, ct, sign, logdet);
    nd_fpe_hw_collect("slogdet");
    if (rc < 0) {
        nd_decref(sign);
        nd_decref(logdet);
        return -1;
    }
    sign = finish(sign, rt);
    logdet = finish(logdet, real_rt);
    if (!sign || !logdet) {
        nd_decref(sign);
        nd_decref(logdet);
        return -1;
    }
    *sign_out = sign;
    *logdet_out = logdet;
    return 0;
}

NdArray *nd_linalg_det(NdArray *a)
{
    if (check_square_stack(a) < 0)
        return NULL;
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    NdArray *sign = nd_empty(ct, a->ndim - 2, a->shape, 'C');
    NdArray *logdet =
        sign ? nd_empty(ND_FLOAT64, a->ndim - 2, a->shape, 'C') : NULL;
    if (!logdet) {
        nd_decref(sign);
        return NULL;
    }
    nd_fpe_hw_clear();
    int rc = slogdet_core(a, ct, sign, logdet);
    if (rc == 0) {
        /* det = sign * exp(logdet), in place in `sign`, as NumPy. */
        const double *ld = (const double *)(const void *)logdet->data;
        for (int64_t j = 0; j < sign->size; j++) {
            double e = exp(ld[j]);
            if (ct == ND_COMPLEX128) {
                double *z = (double *)(void *)(sign->data + j * 16);
                z[0] = z[0] * e;
                z[1] = z[1] * e;
            } else {
                double *x = (double *)(void *)(sign->data + j * 8);
                *x = *x * e;
            }
        }
    }
    nd_fpe_hw_collect("det");
    nd_decref(logdet);
    if (rc < 0) {
        nd_decref(sign);
        return NULL;
    }
    return finish(sign, rt);
}

/* ------------------------------------------------------------- cholesky */

/* potrf from the job: c1 uplo; i: n; p: A. */
static lapack_int call_potrf(LaJob *j)
{
    const lapack_int n = j->i[0];
    if (j->cpx)
        return LAPACKE_zpotrf_work(LAPACK_COL_MAJOR, j->c1, n,
                                   (lapack_complex_double *)j->p[0], n);
    return LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, j->c1, n, (double *)j->p[0],
                               n);
}

NdArray *nd_linalg_cholesky(NdArray *a, bool upper)
{
    if (check_square_stack(a) < 0)
        return NULL;
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);
    const int64_t n = a->shape[a->ndim - 1];
    const int nb = a->ndim - 2;

    NdArray *out = nd_empty(ct, a->ndim, a->shape, 'C');
    if (!out)
        return NULL;
    if (out->size == 0)
        return finish(out, rt);
    NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
    LaJob *job = ac ? la_new() : NULL;
    char *A = job ? la_own(job, work_alloc(n, n, es)) : NULL;
    int rc = A ? 0 : -1;
    const lapack_int ln = (lapack_int)n;
    const char uplo = upper ? 'U' : 'L';
    const int64_t count = out->size / (n * n);
    for (int64_t j = 0; rc == 0 && j < count; j++) {
        if ((rc = interrupted()) < 0)
            break;
        load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), n, n, es);
        job->call = call_potrf;
        job->cpx = cpx;
        job->c1 = uplo;
        job->i[0] = ln;
        job->p[0] = A;
        if ((rc = la_run(&job, (double)n * (double)n * (double)n / 3)) < 0)
            break;
        const lapack_int info = job->info;
        if (info < 0) {
            rc = lapack_bug(cpx ? "zpotrf" : "dpotrf", info);
            break;
        }
        if (info > 0) {
            rc = nd_error(ND_ERR_LINALG, "Matrix is not positive definite");
            break;
        }
        /* potrf leaves the other triangle as it was: zero it. */
        for (int64_t c = 0; c < n; c++)
            for (int64_t r = 0; r < n; r++)
                if (upper ? r > c : r < c)
                    memset(A + (c * n + r) * (int64_t)es, 0, es);
        store_rowmajor(out->data + j * n * n * (int64_t)es, A, n, n, es);
    }
    nd_fpe_hw_clear();
    la_free(job);
    nd_decref(ac);
    if (rc < 0) {
        nd_decref(out);
        return NULL;
    }
    return finish(out, rt);
}

/* ------------------------------------------------- singular values */

/* gesdd from the job's arguments: c1 jobz; i: m, n, ldu, ldvt, lwork;
 * p: A, s, U, VT, work, rwork, iwork. */
static lapack_int call_gesdd(LaJob *j)
{
    const lapack_int m = j->i[0], n = j->i[1];
    if (j->cpx)
        return LAPACKE_zgesdd_work(
            LAPACK_COL_MAJOR, j->c1, m, n, (lapack_complex_double *)j->p[0],
            m > 0 ? m : 1, (double *)j->p[1], (lapack_complex_double *)j->p[2],
            j->i[2], (lapack_complex_double *)j->p[3], j->i[3],
            (lapack_complex_double *)j->p[4], j->i[4], (double *)j->p[5],
            (lapack_int *)j->p[6]);
    return LAPACKE_dgesdd_work(
        LAPACK_COL_MAJOR, j->c1, m, n, (double *)j->p[0], m > 0 ? m : 1,
        (double *)j->p[1], (double *)j->p[2], j->i[2], (double *)j->p[3],
        j->i[3], (double *)j->p[4], j->i[4], (lapack_int *)j->p[6]);
}

/* Does the buffer of n doubles hold a NaN (or, with inf, any non-finite
 * value)? */
static bool has_nan(const char *p, int64_t n, bool inf)
{
    for (int64_t i = 0; i < n; i++) {
        double v;
        memcpy(&v, p + i * 8, 8);
        if (isnan(v) || (inf && isinf(v)))
            return true;
    }
    return false;
}

/* One gesdd of an m x n matrix through the job: 0, or -1 with the error
 * set (LinAlgError "SVD did not converge"). */
static int gesdd(LaJob **jp, bool cpx, char jobz, lapack_int m, lapack_int n,
                 char *A, double *s, char *U, lapack_int ldu, char *VT,
                 lapack_int ldvt, char *work, lapack_int lwork, double *rwork,
                 lapack_int *iwork)
{
    LaJob *j = *jp;
    j->call = call_gesdd;
    j->cpx = cpx;
    j->c1 = jobz;
    j->i[0] = m;
    j->i[1] = n;
    j->i[2] = ldu;
    j->i[3] = ldvt;
    j->i[4] = lwork;
    j->p[0] = A;
    j->p[1] = s;
    j->p[2] = U;
    j->p[3] = VT;
    j->p[4] = work;
    j->p[5] = rwork;
    j->p[6] = iwork;
    /* LAPACK rejects a matrix holding NaN (info -4, after printing to
     * stderr in some builds); NumPy reports that as non-convergence. */
    if (has_nan(A, (int64_t)m * n * (cpx ? 2 : 1), false))
        return nd_error(ND_ERR_LINALG, "SVD did not converge");
    const double k = m < n ? m : n;
    if (la_run(jp, (double)m * (double)n * k * (jobz == 'N' ? 4 : 12)) < 0)
        return -1;
    const lapack_int info = (*jp)->info;
    if (info < 0)
        return lapack_bug(cpx ? "zgesdd" : "dgesdd", info);
    if (info > 0)
        return nd_error(ND_ERR_LINALG, "SVD did not converge");
    return 0;
}

/* The singular values (descending, float64) of each matrix of the stack a
 * (..., M, N), by gesdd without vectors: an array (..., min(M, N)).
 * LinAlgError "SVD did not converge" when LAPACK fails. */
static NdArray *singular_values(NdArray *a)
{
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);
    const int nb = a->ndim - 2;
    const int64_t m = a->shape[nb], n = a->shape[nb + 1];
    if (m > INT_MAX / 8 || n > INT_MAX / 8) {
        nd_error(ND_ERR_VALUE, "array is too big for LAPACK");
        return NULL;
    }
    const int64_t k = m < n ? m : n;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)nb * sizeof *shape);
    shape[nb] = k;
    NdArray *out = nd_empty(ND_FLOAT64, nb + 1, shape, 'C');
    if (!out || out->size == 0 || m == 0 || n == 0)
        return out;
    NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
    LaJob *job = ac ? la_new() : NULL;
    char *A = job ? la_own(job, work_alloc(m, n, es)) : NULL;
    lapack_int *iwork =
        A ? la_own(job, nd_malloc((size_t)(8 * k) * sizeof *iwork)) : NULL;
    double *rwork =
        iwork ? la_own(job, nd_malloc((size_t)(7 * k + 7) * sizeof *rwork))
              : NULL;
    /* U and VT are not referenced for jobz 'N'; a scrap to point at. */
    char *scrap = rwork ? la_own(job, work_alloc(2, 1, 8)) : NULL;
    char *work = NULL;
    int rc = scrap ? 0 : -1;
    if (rc == 0)
        la_ref(job, out);
    const lapack_int lm = (lapack_int)m, ln = (lapack_int)n;
    lapack_int lwork = -1, info = 0;
    if (rc == 0) {
        /* Workspace query. */
        double q[2] = {0, 0};
        double dummy = 0;
        info = cpx ? LAPACKE_zgesdd_work(
                         LAPACK_COL_MAJOR, 'N', lm, ln,
                         (lapack_complex_double *)(void *)A, lm,
                         (double *)(void *)out->data, NULL, 1, NULL, 1,
                         (lapack_complex_double *)(void *)q, -1, rwork, iwork)
                   : LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, 'N', lm, ln,
                                         (double *)(void *)A, lm,
                                         (double *)(void *)out->data, &dummy, 1,
                                         &dummy, 1, q, -1, iwork);
        if (info < 0)
            rc = lapack_bug(cpx ? "zgesdd" : "dgesdd", info);
        lwork = (lapack_int)q[0] + 1;
        work = rc == 0 ? la_own(job, work_alloc(lwork, 1, es)) : NULL;
        if (!work)
            rc = -1;
    }
    const int64_t count = out->size / k;
    for (int64_t j = 0; rc == 0 && j < count; j++) {
        if ((rc = interrupted()) < 0)
            break;
        load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), m, n, es);
        double *s = (double *)(void *)(out->data + j * k * 8);
        rc = gesdd(&job, cpx, 'N', lm, ln, A, s, scrap, 1, scrap, 1, work,
                   lwork, rwork, iwork);
    }
    nd_fpe_hw_clear();
    la_free(job);
    nd_decref(ac);
    if (rc < 0) {
        nd_decref(out);
        return NULL;
    }
    return out;
}

/* ----------------------------------------------------------------- norm */

/* sum(|x|^2) over axes (the real square of each element), then sqrt. */
static NdArray *norm_l2(NdArray *x, const int *axes, int naxes, bool keep)
{
    NdArray *sq;
    if (nd_dtype_kind(x->dtype) == ND_KIND_COMPLEX) {
        NdArray *re = nd_real(x), *im = re ? nd_imag(x) : NULL;
        NdArray *r2 = im ? nd_binary(ND_UF_MULTIPLY, re, re) : NULL;
        NdArray *i2 = r2 ? nd_binary(ND_UF_MULTIPLY, im, im) : NULL;
        sq = i2 ? nd_binary(ND_UF_ADD, r2, i2) : NULL;
        nd_decref(re);
        nd_decref(im);
        nd_decref(r2);
        nd_decref(i2);
    } else {
        sq = nd_binary(ND_UF_MULTIPLY, x, x);
    }
    NdArray *s =
        sq ? nd_sum(sq, axes, naxes, keep, ND_NTYPES, NULL, NULL) : NULL;
    nd_decref(sq);
    NdArray *r = s ? nd_unary(ND_UF_SQRT, s) : NULL;
    nd_decref(s);
    return r;
}

/* A 0-d array holding v, of dtype t. */
static NdArray *scalar_of(NdType t, double v)
{
    NdArray *d = nd_empty(ND_FLOAT64, 0, NULL, 'C');
    if (!d)
        return NULL;
    memcpy(d->data, &v, sizeof v);
    return finish(d, t);
}

static NdArray *vector_norm(NdArray *x, NdNormOrd ord, int axis, bool keep)
{
    const int ax[1] = {axis};
    if (ord.kind == ND_NORM_FRO || ord.kind == ND_NORM_NUC ||
        ord.kind == ND_NORM_STR) {
        nd_error(ND_ERR_VALUE, "Invalid norm order '%s' for vectors",
                 ord.kind == ND_NORM_STR   ? ord.str
                 : ord.kind == ND_NORM_FRO ? "fro"
                                           : "nuc");
        return NULL;
    }
    if (ord.kind == ND_NORM_NONE || ord.p == 2)
        return norm_l2(x, ax, 1, keep);
    NdArray *ab = nd_unary(ND_UF_ABSOLUTE, x);
    if (!ab)
        return NULL;
    NdArray *r = NULL;
    if (ord.p == INFINITY)
        r = nd_max(ab, ax, 1, keep, NULL, NULL);
    else if (ord.p == -INFINITY)
        r = nd_min(ab, ax, 1, keep, NULL, NULL);
    else if (ord.p == 0) {
        /* The count of nonzeros, in x's real dtype. */
        NdArray *z = scalar_of(ab->dtype, 0.0);
        NdArray *nz = z ? nd_binary(ND_UF_NOT_EQUAL, ab, z) : NULL;
        NdArray *f =
            nz ? nd_astype(nz, ab->dtype, ND_CAST_UNSAFE, false) : NULL;
        r = f ? nd_sum(f, ax, 1, keep, ND_NTYPES, NULL, NULL) : NULL;
        nd_decref(z);
        nd_decref(nz);
        nd_decref(f);
    } else if (ord.p == 1)
        r = nd_sum(ab, ax, 1, keep, ND_NTYPES, NULL, NULL);
    else {
        /* (sum |x|**p) ** (1/p), NumPy's order of operations. */
        NdArray *p = scalar_of(ab->dtype, ord.p);
        NdArray *pw = p ? nd_binary(ND_UF_POWER, ab, p) : NULL;
        NdArray *s = pw ? nd_sum(pw, ax, 1, keep, ND_NTYPES, NULL, NULL) : NULL;
        NdArray *ip = s ? scalar_of(ab->dtype, 1.0 / ord.p) : NULL;
        r = ip ? nd_binary(ND_UF_POWER, s, ip) : NULL;
        nd_decref(p);
        nd_decref(pw);
        nd_decref(s);
        nd_decref(ip);
    }
    nd_decref(ab);
    return r;
}

/* Re-insert the two reduced axes (row < col after sorting) as length 1. */
static NdArray *keep_two(NdArray *r, int row, int col)
{
    if (!r)
        return NULL;
    int64_t ax[2] = {row < col ? row : col, row < col ? col : row};
    NdArray *e = nd_expand_dims(r, ax, 2);
    nd_decref(r);
    return e;
}

static NdArray *matrix_norm(NdArray *x, NdNormOrd ord, int row, int col,
                            bool keep)
{
    if (row == col) {
        nd_error(ND_ERR_VALUE, "Duplicate axes given.");
        return NULL;
    }
    const int both[2] = {row, col};
    if (ord.kind == ND_NORM_NONE || ord.kind == ND_NORM_FRO)
        return norm_l2(x, both, 2, keep);
    NdArray *r = NULL;
    if (ord.kind == ND_NORM_STR) {
        nd_error(ND_ERR_VALUE, "Invalid norm order for matrices.");
        return NULL;
    }
    if (ord.kind == ND_NORM_NUC || ord.p == 2 || ord.p == -2) {
        /* From the singular values of the matrices moved to the end. */
        int64_t src[2] = {row, col}, dst[2] = {-2, -1};
        NdArray *mv = nd_moveaxis(x, src, 2, dst, 2);
        NdArray *s = mv ? singular_values(mv) : NULL;
        const int last[1] = {-1};
        NdArray *t = NULL;
        if (s && ord.kind == ND_NORM_NUC)
            t = nd_sum(s, last, 1, false, ND_NTYPES, NULL, NULL);
        else if (s && ord.p == 2)
            t = nd_max(s, last, 1, false, NULL, NULL);
        else if (s)
            t = nd_min(s, last, 1, false, NULL, NULL);
        nd_decref(mv);
        nd_decref(s);
        if (!t)
            return NULL;
        NdType rt = nd_dtype_kind(x->dtype) == ND_KIND_COMPLEX
                        ? (x->dtype == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64)
                        : x->dtype;
        r = finish(t, rt);
    } else if (ord.p == 1 || ord.p == -1 || ord.p == INFINITY ||
               ord.p == -INFINITY) {
        /* 1: max column sum (sum over rows); inf: max row sum. */
        const bool cols = ord.p == 1 || ord.p == -1;
        int sum_ax = cols ? row : col, ext_ax = cols ? col : row;
        if (ext_ax > sum_ax)
            ext_ax--;
        NdArray *ab = nd_unary(ND_UF_ABSOLUTE, x);
        const int sa[1] = {sum_ax}, ea[1] = {ext_ax};
        NdArray *s =
            ab ? nd_sum(ab, sa, 1, false, ND_NTYPES, NULL, NULL) : NULL;
        if (s)
            r = ord.p > 0 ? nd_max(s, ea, 1, false, NULL, NULL)
                          : nd_min(s, ea, 1, false, NULL, NULL);
        nd_decref(ab);
        nd_decref(s);
    } else {
        nd_error(ND_ERR_VALUE, "Invalid norm order for matrices.");
        return NULL;
    }
    return keep ? keep_two(r, row, col) : r;
}

NdArray *nd_linalg_norm(NdArray *x0, NdNormOrd ord, const int *axes0, int naxes,
                        bool keepdims)
{
    /* NumPy: x.astype(float) unless x is already inexact. */
    NdKind k = nd_dtype_kind(x0->dtype);
    NdArray *x = k == ND_KIND_FLOAT || k == ND_KIND_COMPLEX
                     ? nd_incref(x0)
                     : nd_astype(x0, ND_FLOAT64, ND_CAST_UNSAFE, false);
    if (!x)
        return NULL;
    NdArray *r = NULL;
    int axes[2];
    if (naxes < 0) {
        if (ord.kind == ND_NORM_NONE ||
            (ord.kind == ND_NORM_FRO && x->ndim == 2) ||
            (ord.kind == ND_NORM_NUM && ord.p == 2 && x->ndim == 1)) {
            /* The 2-norm of the flattened array. */
            NdArray *flat = nd_reshape(x, 1, (int64_t[]){x->size}, 'C');
            const int a0[1] = {0};
            r = flat ? norm_l2(flat, a0, 1, false) : NULL;
            nd_decref(flat);
            if (r && keepdims) {
                int64_t ones[ND_MAXDIMS];
                for (int d = 0; d < x->ndim; d++)
                    ones[d] = 1;
                NdArray *o = nd_reshape(r, x->ndim, ones, 'C');
                nd_decref(r);
                r = o;
            }
            nd_decref(x);
            return r;
        }
        naxes = x->ndim;
        for (int d = 0; d < naxes && d < 2; d++)
            axes[d] = d;
    } else {
        for (int d = 0; d < naxes && d < 2; d++)
            axes[d] = axes0[d];
    }
    if (naxes == 1 && (ord.kind == ND_NORM_FRO || ord.kind == ND_NORM_NUC ||
                       ord.kind == ND_NORM_STR)) {
        /* NumPy rejects a string order for one axis before the axis. */
        r = vector_norm(x, ord, 0, keepdims);
        nd_decref(x);
        return r;
    }
    if (naxes == 1 || naxes == 2) {
        for (int d = 0; d < naxes; d++) {
            if (axes[d] < -x->ndim || axes[d] >= x->ndim) {
                nd_error(ND_ERR_AXIS,
                         "axis %d is out of bounds for array of dimension %d",
                         axes[d], x->ndim);
                nd_decref(x);
                return NULL;
            }
            if (axes[d] < 0)
                axes[d] += x->ndim;
        }
    }
    if (naxes == 1)
        r = vector_norm(x, ord, axes[0], keepdims);
    else if (naxes == 2)
        r = matrix_norm(x, ord, axes[0], axes[1], keepdims);
    else
        nd_error(ND_ERR_VALUE, "Improper number of dimensions to norm.");
    nd_fpe_hw_clear();
    nd_decref(x);
    return r;
}

/* ------------------------------------------------------------------- qr */

/* Workspace sizes for geqrf (m x n) and orgqr/ungqr (m x qc, k
 * reflectors) from LAPACK's queries; -1 on error. */
static lapack_int qr_lwork(bool cpx, lapack_int m, lapack_int n, lapack_int qc,
                           lapack_int k, char *W, char *tau)
{
    double q1[2] = {0, 0}, q2[2] = {0, 0};
    lapack_int info;
    if (cpx) {
        info = LAPACKE_zgeqrf_work(LAPACK_COL_MAJOR, m, n,
                                   (lapack_complex_double *)(void *)W, m,
                                   (lapack_complex_double *)(void *)tau,
                                   (lapack_complex_double *)(void *)q1, -1);
        if (info == 0 && qc > 0)
            info = LAPACKE_zungqr_work(LAPACK_COL_MAJOR, m, qc, k,
                                       (lapack_complex_double *)(void *)W, m,
                                       (lapack_complex_double *)(void *)tau,
                                       (lapack_complex_double *)(void *)q2, -1);
    } else {
        info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, (double *)(void *)W,
                                   m, (double *)(void *)tau, q1, -1);
        if (info == 0 && qc > 0)
            info = LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, m, qc, k,
                                       (double *)(void *)W, m,
                                       (double *)(void *)tau, q2, -1);
    }
    if (info < 0)
        return lapack_bug(cpx ? "zgeqrf" : "dgeqrf", info);
    double w = q1[0] > q2[0] ? q1[0] : q2[0];
    return (lapack_int)w + 1;
}

/* geqrf (c1 'F') or orgqr/ungqr (c1 'Q') from the job: i: m, n (qc),
 * k, lwork; p: W, tau, work. */
static lapack_int call_qr(LaJob *j)
{
    const lapack_int m = j->i[0], n = j->i[1], k = j->i[2], lw = j->i[3];
    if (j->c1 == 'F')
        return j->cpx
                   ? LAPACKE_zgeqrf_work(LAPACK_COL_MAJOR, m, n,
                                         (lapack_complex_double *)j->p[0], m,
                                         (lapack_complex_double *)j->p[1],
                                         (lapack_complex_double *)j->p[2], lw)
                   : LAPACKE_dgeqrf_work(
                         LAPACK_COL_MAJOR, m, n, (double *)j->p[0], m,
                         (double *)j->p[1], (double *)j->p[2], lw);
    return j->cpx ? LAPACKE_zungqr_work(LAPACK_COL_MAJOR, m, n, k,
                                        (lapack_complex_double *)j->p[0], m,
                                        (lapack_complex_double *)j->p[1],
                                        (lapack_complex_double *)j->p[2], lw)
                  : LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, m, n, k,
                                        (double *)j->p[0], m, (double *)j->p[1],
                                        (double *)j->p[2], lw);
}

static int qr_step(LaJob **jp, bool cpx, char what, lapack_int m, lapack_int n,
                   lapack_int k, lapack_int lwork, char *W, char *tau,
                   char *work, lapack_int *info)
{
    LaJob *j = *jp;
    j->call = call_qr;
    j->cpx = cpx;
    j->c1 = what;
    j->i[0] = m;
    j->i[1] = n;
    j->i[2] = k;
    j->i[3] = lwork;
    j->p[0] = W;
    j->p[1] = tau;
    j->p[2] = work;
    if (la_run(jp, 2.0 * (double)m * (double)n * (double)(k > 0 ? k : n)) < 0)
        return -1;
    *info = (*jp)->info;
    return 0;
}

int nd_linalg_qr(NdArray *a, const char *mode, NdArray **q_out, NdArray **r_out)
{
    *q_out = *r_out = NULL;
    const bool complete = !strcmp(mode, "complete");
    const bool ronly = !strcmp(mode, "r");
    if (!complete && !ronly && strcmp(mode, "reduced"))
        return nd_error(ND_ERR_VALUE, "Unrecognized mode '%s'", mode);
    if (assert_stacked_2d(a) < 0)
        return -1;
    const int nb = a->ndim - 2;
    const int64_t m = a->shape[nb], n = a->shape[nb + 1];
    if (m > INT_MAX / 2 || n > INT_MAX / 2)
        return nd_error(ND_ERR_VALUE, "array is too big for LAPACK");
    const int64_t k = m < n ? m : n;
    const int64_t rr = complete ? m : k; /* rows of R */
    const int64_t qc = complete ? m : k; /* columns of Q */
    const int64_t wc = n > qc ? n : qc;  /* columns of the work buffer */
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);

    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)nb * sizeof *shape);
    shape[nb] = rr;
    shape[nb + 1] = n;
    NdArray *R = nd_zeros(ct, nb + 2, shape, 'C');
    NdArray *Q = NULL;
    if (R && !ronly) {
        shape[nb] = m;
        shape[nb + 1] = qc;
        Q = nd_zeros(ct, nb + 2, shape, 'C');
    }
    if (!R || (!ronly && !Q)) {
        nd_decref(R);
        nd_decref(Q);
        return -1;
    }
    int64_t count = 1;
    for (int d = 0; d < nb; d++)
        count *= a->shape[d];
    int rc = 0;
    if (count > 0 && k == 0 && Q) {
        /* Nothing to factor: Q is the identity's first qc columns. */
        for (int64_t j = 0; j < count; j++)
            for (int64_t i = 0; i < m && i < qc; i++) {
                double one = 1.0;
                memcpy(Q->data + ((j * m + i) * qc + i) * (int64_t)es, &one,
                       sizeof one);
            }
    } else if (count > 0 && k > 0) {
        NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
        LaJob *job = ac ? la_new() : NULL;
        char *W = job ? la_own(job, work_alloc(m, wc, es)) : NULL;
        char *tau = W ? la_own(job, work_alloc(k, 1, es)) : NULL;
        lapack_int lwork =
            tau ? qr_lwork(cpx, (lapack_int)m, (lapack_int)n,
                           ronly ? 0 : (lapack_int)qc, (lapack_int)k, W, tau)
                : -1;
        char *work = lwork > 0 ? la_own(job, work_alloc(lwork, 1, es)) : NULL;
        rc = work ? 0 : -1;
        const lapack_int lm = (lapack_int)m;
        for (int64_t j = 0; rc == 0 && j < count; j++) {
            if ((rc = interrupted()) < 0)
                break;
            load_colmajor(W, ac, ac->data + batch_offset(ac, nb, j), m, n, es);
            lapack_int info;
            if ((rc = qr_step(&job, cpx, 'F', lm, (lapack_int)n, 0, lwork, W,
                              tau, work, &info)) < 0)
                break;
            if (info < 0) {
                rc = lapack_bug(cpx ? "zgeqrf" : "dgeqrf", info);
                break;
            }
            /* R: the upper triangle (rows >= k of a complete R stay 0). */
            char *rdst = R->data + j * rr * n * (int64_t)es;
            for (int64_t i = 0; i < k; i++)
                for (int64_t c = i; c < n; c++)
                    memcpy(rdst + (i * n + c) * (int64_t)es,
                           W + (c * m + i) * (int64_t)es, es);
            if (!Q)
                continue;
            if ((rc = qr_step(&job, cpx, 'Q', lm, (lapack_int)qc, (lapack_int)k,
                              lwork, W, tau, work, &info)) < 0)
                break;
            if (info < 0) {
                rc = lapack_bug(cpx ? "zungqr" : "dorgqr", info);
                break;
            }
            store_rowmajor(Q->data + j * m * qc * (int64_t)es, W, m, qc, es);
        }
        nd_fpe_hw_clear();
        la_free(job);
        nd_decref(ac);
    }
    if (rc < 0) {
        nd_decref(Q);
        nd_decref(R);
        return -1;
    }
    R = finish(R, rt);
    Q = Q ? finish(Q, rt) : NULL;
    if (!R || (!ronly && !Q)) {
        nd_decref(Q);
        nd_decref(R);
        return -1;
    }
    *q_out = Q;
    *r_out = R;
    return 0;
}

/* ------------------------------------------------------------------ svd */

/* Set the first min(rows, cols) diagonal entries of each C-order rows x
 * cols matrix of x to 1 (x zero-filled). */
static void diag_ones(NdArray *x, int64_t rows, int64_t cols)
{
    const size_t es = nd_dtype_size(x->dtype);
    const int64_t per = rows * cols;
    for (int64_t j = 0; per > 0 && j < x->size / per; j++)
        for (int64_t i = 0; i < rows && i < cols; i++) {
            double one = 1.0;
            memcpy(x->data + (j * per + i * cols + i) * (int64_t)es, &one,
                   sizeof one);
        }
}

int nd_linalg_svd(NdArray *a, bool full, bool compute_uv, NdArray **u_out,
                  NdArray **s_out, NdArray **vh_out)
{
    *u_out = *s_out = *vh_out = NULL;
    if (assert_stacked_2d(a) < 0)
        return -1;
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    const NdType real_rt = rt == ND_COMPLEX64    ? ND_FLOAT32
                           : rt == ND_COMPLEX128 ? ND_FLOAT64
                                                 : rt;
    if (!compute_uv) {
        NdArray *s = singular_values(a);
        s = finish(s, real_rt);
        if (!s)
            return -1;
        *s_out = s;
        return 0;
    }
    const int nb = a->ndim - 2;
    const int64_t m = a->shape[nb], n = a->shape[nb + 1];
    if (m > 4096 * 4096 || n > 4096 * 4096 || m * n > INT_MAX / 2)
        return nd_error(ND_ERR_VALUE, "array is too big for LAPACK");
    const int64_t k = m < n ? m : n, mx = m > n ? m : n;
    const int64_t uc = full ? m : k, vr = full ? n : k;
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)nb * sizeof *shape);
    shape[nb] = m;
    shape[nb + 1] = uc;
    NdArray *U = nd_zeros(ct, nb + 2, shape, 'C');
    shape[nb] = vr;
    shape[nb + 1] = n;
    NdArray *V = U ? nd_zeros(ct, nb + 2, shape, 'C') : NULL;
    shape[nb] = k;
    NdArray *S = V ? nd_zeros(ND_FLOAT64, nb + 1, shape, 'C') : NULL;
    if (!S) {
        nd_decref(U);
        nd_decref(V);
        return -1;
    }
    int64_t count = 1;
    for (int d = 0; d < nb; d++)
        count *= a->shape[d];
    int rc = 0;
    if (k == 0) {
        /* No singular values: U and Vh are (parts of) identities. */
        diag_ones(U, m, uc);
        diag_ones(V, vr, n);
    } else if (count > 0) {
        const char jobz = full ? 'A' : 'S';
        const lapack_int lm = (lapack_int)m, ln = (lapack_int)n;
        const lapack_int ldvt = (lapack_int)vr;
        NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
        LaJob *job = ac ? la_new() : NULL;
        char *A = job ? la_own(job, work_alloc(m, n, es)) : NULL;
        char *Ub = A ? la_own(job, work_alloc(m, uc, es)) : NULL;
        char *Vb = Ub ? la_own(job, work_alloc(vr, n, es)) : NULL;
        lapack_int *iwork =
            Vb ? la_own(job, nd_malloc((size_t)(8 * k) * sizeof *iwork)) : NULL;
        /* zgesdd's rwork for jobz 'A'/'S' (LAPACK's documented bound). */
        int64_t lr1 = 5 * k * k + 5 * k, lr2 = 2 * mx * k + 2 * k * k + k;
        double *rwork =
            iwork && cpx ? la_own(job, work_alloc(lr1 > lr2 ? lr1 : lr2, 1, 8))
                         : NULL;
        char *work = NULL;
        lapack_int lwork = 0, info = 0;
        rc = iwork && (rwork || !cpx) ? 0 : -1;
        if (rc == 0)
            la_ref(job, S);
        if (rc == 0) {
            double q[2] = {0, 0};
            double *sd = (double *)(void *)S->data;
            info =
                cpx ? LAPACKE_zgesdd_work(
                          LAPACK_COL_MAJOR, jobz, lm, ln,
                          (lapack_complex_double *)(void *)A, lm, sd,
                          (lapack_complex_double *)(void *)Ub, lm,
                          (lapack_complex_double *)(void *)Vb, ldvt,
                          (lapack_complex_double *)(void *)q, -1, rwork, iwork)
                    : LAPACKE_dgesdd_work(
                          LAPACK_COL_MAJOR, jobz, lm, ln, (double *)(void *)A,
                          lm, sd, (double *)(void *)Ub, lm,
                          (double *)(void *)Vb, ldvt, q, -1, iwork);
            if (info < 0)
                rc = lapack_bug(cpx ? "zgesdd" : "dgesdd", info);
            lwork = (lapack_int)q[0] + 1;
            work = rc == 0 ? la_own(job, work_alloc(lwork, 1, es)) : NULL;
            if (!work)
                rc = -1;
        }
        for (int64_t j = 0; rc == 0 && j < count; j++) {
            if ((rc = interrupted()) < 0)
                break;
            load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), m, n, es);
            double *sd = (double *)(void *)(S->data + j * k * 8);
            rc = gesdd(&job, cpx, jobz, lm, ln, A, sd, Ub, lm, Vb, ldvt, work,
                       lwork, rwork, iwork);
            if (rc == 0) {
                store_rowmajor(U->data + j * m * uc * (int64_t)es, Ub, m, uc,
                               es);
                store_rowmajor(V->data + j * vr * n * (int64_t)es, Vb, vr, n,
                               es);
            }
        }
        nd_fpe_hw_clear();
        la_free(job);
        nd_decref(ac);
    }
    if (rc < 0) {
        nd_decref(U);
        nd_decref(V);
        nd_decref(S);
        return -1;
    }
    U = finish(U, rt);
    V = U ? finish(V, rt) : (nd_decref(V), NULL);
    S = V ? finish(S, real_rt) : (nd_decref(S), NULL);
    if (!S) {
        nd_decref(U);
        nd_decref(V);
        return -1;
    }
    *u_out = U;
    *s_out = S;
    *vh_out = V;
    return 0;
}

/* ----------------------------------------------------------------- eigh */

/* syevd/heevd on the n x n column-major A (vectors overwrite A when jobz
 * is 'V'); work sizes as LAPACK's query gave them (lwork < 0: query, the
 * sizes are returned in *qw, *qr, *qi). */
static lapack_int heevd(bool cpx, char jobz, char uplo, lapack_int n, char *A,
                        double *w, char *work, lapack_int lwork, double *rwork,
                        lapack_int lrwork, lapack_int *iwork, lapack_int liwork)
{
    if (cpx)
        return LAPACKE_zheevd_work(LAPACK_COL_MAJOR, jobz, uplo, n,
                                   (lapack_complex_double *)(void *)A, n, w,
                                   (lapack_complex_double *)(void *)work, lwork,
                                   rwork, lrwork, iwork, liwork);
    return LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, jobz, uplo, n,
                               (double *)(void *)A, n, w,
                               (double *)(void *)work, lwork, iwork, liwork);
}

/* heevd from the job: c1 jobz, c2 uplo; i: n, lwork, lrwork, liwork;
 * p: A, w, work, rwork, iwork. */
static lapack_int call_heevd(LaJob *j)
{
    return heevd(j->cpx, j->c1, j->c2, j->i[0], j->p[0], j->p[1], j->p[2],
                 j->i[1], j->p[3], j->i[2], j->p[4], j->i[3]);
}

int nd_linalg_eigh(NdArray *a, char uplo, NdArray **w_out, NdArray **v_out)
{
    const bool want_v = v_out != NULL;
    *w_out = NULL;
    if (want_v)
        *v_out = NULL;
    if (uplo != 'L' && uplo != 'U')
        return nd_error(ND_ERR_VALUE, "UPLO argument must be 'L' or 'U'");
    if (check_square_stack(a) < 0)
        return -1;
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    const NdType real_rt = rt == ND_COMPLEX64    ? ND_FLOAT32
                           : rt == ND_COMPLEX128 ? ND_FLOAT64
                                                 : rt;
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);
    const int nb = a->ndim - 2;
    const int64_t n = a->shape[nb];
    NdArray *W = nd_empty(ND_FLOAT64, nb + 1, a->shape, 'C');
    NdArray *V = W && want_v ? nd_empty(ct, a->ndim, a->shape, 'C') : NULL;
    if (!W || (want_v && !V)) {
        nd_decref(W);
        return -1;
    }
    int rc = 0;
    if (W->size > 0) {
        const char jobz = want_v ? 'V' : 'N';
        const lapack_int ln = (lapack_int)n;
        NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
        LaJob *job = ac ? la_new() : NULL;
        char *A = job ? la_own(job, work_alloc(n, n, es)) : NULL;
        double qw[2] = {0, 0}, qr = 0;
        lapack_int qi = 0;
        lapack_int info =
            A ? heevd(cpx, jobz, uplo, ln, A, (double *)(void *)W->data,
                      (char *)qw, -1, &qr, -1, &qi, -1)
              : -1000;
        rc = A ? 0 : -1;
        if (rc == 0 && info < 0)
            rc = lapack_bug(cpx ? "zheevd" : "dsyevd", info);
        const lapack_int lwork = (lapack_int)qw[0] + 1;
        const lapack_int lrwork = (lapack_int)qr + 1;
        const lapack_int liwork = qi + 1;
        char *work = rc == 0 ? la_own(job, work_alloc(lwork, 1, es)) : NULL;
        double *rwork = work ? la_own(job, work_alloc(lrwork, 1, 8)) : NULL;
        lapack_int *iwork =
            rwork ? la_own(job, nd_malloc((size_t)liwork * sizeof *iwork))
                  : NULL;
        if (rc == 0 && !iwork)
            rc = -1;
        if (rc == 0)
            la_ref(job, W);
        const int64_t count = W->size / n;
        for (int64_t j = 0; rc == 0 && j < count; j++) {
            if ((rc = interrupted()) < 0)
                break;
            load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), n, n, es);
            job->call = call_heevd;
            job->cpx = cpx;
            job->c1 = jobz;
            job->c2 = uplo;
            job->i[0] = ln;
            job->i[1] = lwork;
            job->i[2] = lrwork;
            job->i[3] = liwork;
            job->p[0] = A;
            job->p[1] = W->data + j * n * 8;
            job->p[2] = work;
            job->p[3] = rwork;
            job->p[4] = iwork;
            if ((rc = la_run(&job, 9.0 * (double)n * (double)n * (double)n)) <
                0)
                break;
            info = job->info;
            if (info < 0)
                rc = lapack_bug(cpx ? "zheevd" : "dsyevd", info);
            else if (info > 0)
                rc = nd_error(ND_ERR_LINALG, "Eigenvalues did not converge");
            else if (V)
                store_rowmajor(V->data + j * n * n * (int64_t)es, A, n, n, es);
        }
        nd_fpe_hw_clear();
        la_free(job);
        nd_decref(ac);
    }
    if (rc < 0) {
        nd_decref(W);
        nd_decref(V);
        return -1;
    }
    W = finish(W, real_rt);
    V = V ? finish(V, rt) : NULL;
    if (!W || (want_v && !V)) {
        nd_decref(W);
        nd_decref(V);
        return -1;
    }
    *w_out = W;
    if (want_v)
        *v_out = V;
    return 0;
}

/* ----------------------------------------------------- rank and pinv */

/* A C-contiguous float64 copy of the singular values s (..., K). */
static double *s_values(NdArray *s)
{
    NdArray *d = nd_astype(s, ND_FLOAT64, ND_CAST_UNSAFE, true);
    NdArray *c = d ? nd_copy(d, 'C') : NULL;
    nd_decref(d);
    if (!c)
        return NULL;
    double *v = nd_malloc((size_t)(c->size ? c->size : 1) * sizeof *v);
    if (v)
        memcpy(v, c->data, (size_t)c->size * sizeof *v);
    nd_decref(c);
    return v;
}

NdArray *nd_linalg_matrix_rank(NdArray *a, const double *tol,
                               const double *rtol, bool hermitian)
{
    if (a->ndim < 2) {
        /* NumPy: int(not all(A == 0)). */
        NdArray *z = nd_zeros(ND_INT64, 0, NULL, 'C');
        NdArray *nz = z ? nd_any(a, NULL, -1, false, NULL) : NULL;
        if (nz) {
            NdArray *b = nd_astype(nz, ND_BOOL, ND_CAST_UNSAFE, false);
            if (b && *(const bool *)(const void *)b->data)
                *(int64_t *)(void *)z->data = 1;
            nd_decref(b);
        }
        if (!nz) {
            nd_decref(z);
            z = NULL;
        }
        nd_decref(nz);
        return z;
    }
    NdArray *u, *s, *vh;
    if (!tol && (a->shape[a->ndim - 2] == 0 || a->shape[a->ndim - 1] == 0)) {
        /* NumPy takes S.max(axis=-1) of no singular values. */
        nd_error(ND_ERR_VALUE, "zero-size array to reduction operation "
                               "maximum which has no identity");
        return NULL;
    }
    if ((hermitian ? nd_linalg_svd_hermitian(a, false, &u, &s, &vh)
                   : nd_linalg_svd(a, true, false, &u, &s, &vh)) < 0)
        return NULL;
    const int nb = a->ndim - 2;
    const int64_t m = a->shape[nb], n = a->shape[nb + 1];
    const int64_t k = m < n ? m : n;
    const double eps =
        s->dtype == ND_FLOAT32 ? (double)FLT_EPSILON : DBL_EPSILON;
    double *sv = s_values(s);
    NdArray *out = sv ? nd_zeros(ND_INT64, nb, a->shape, 'C') : NULL;
    if (out) {
        int64_t *o = (int64_t *)(void *)out->data;
        for (int64_t j = 0; k > 0 && j < out->size; j++) {
            const double *x = sv + j * k;
            double t;
            if (tol)
                t = *tol;
            else {
                double mx = x[0];
                for (int64_t i = 1; i < k; i++)
                    if (x[i] > mx)
                        mx = x[i];
                t = mx * (rtol ? *rtol : (double)(m > n ? m : n) * eps);
            }
            for (int64_t i = 0; i < k; i++)
                o[j] += x[i] > t;
        }
    }
    free(sv);
    nd_decref(s);
    return out;
}

NdArray *nd_linalg_pinv(NdArray *a, double rcond, bool hermitian)
{
    if (assert_stacked_2d(a) < 0)
        return NULL;
    const int nb = a->ndim - 2;
    const int64_t m = a->shape[nb], n = a->shape[nb + 1];
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    if (m == 0 || n == 0) {
        int64_t shape[ND_MAXDIMS];
        memcpy(shape, a->shape, (size_t)nb * sizeof *shape);
        shape[nb] = n;
        shape[nb + 1] = m;
        /* NumPy 2 returns empty(..., dtype=a.dtype) here. */
        return nd_zeros(a->dtype, nb + 2, shape, 'C');
    }
    /* NumPy: svd of a.conj(), then Vt^T @ (s^+ [..., None] * U^T). */
    NdArray *ac = nd_unary(ND_UF_CONJUGATE, a);
    NdArray *u = NULL, *s = NULL, *vt = NULL;
    if (!ac || (hermitian ? nd_linalg_svd_hermitian(ac, true, &u, &s, &vt)
                          : nd_linalg_svd(ac, false, true, &u, &s, &vt)) < 0) {
        nd_decref(ac);
        return NULL;
    }
    nd_decref(ac);
    const int64_t k = m < n ? m : n;
    double *sv = s_values(s);
    NdArray *inv = sv ? nd_empty(ND_FLOAT64, s->ndim, s->shape, 'C') : NULL;
    if (inv) {
        double *o = (double *)(void *)inv->data;
        for (int64_t j = 0; j < inv->size / k; j++) {
            const double *x = sv + j * k;
            double mx = x[0];
            for (int64_t i = 1; i < k; i++)
                if (x[i] > mx)
                    mx = x[i];
            const double cut = rcond * mx;
            for (int64_t i = 0; i < k; i++)
                o[j * k + i] = x[i] > cut ? 1.0 / x[i] : 0.0;
        }
    }
    free(sv);
    NdArray *r = NULL;
    NdArray *si = inv ? finish(inv, s->dtype) : NULL;
    NdArray *se = si ? nd_expand_dims(si, (const int64_t[]){-1}, 1) : NULL;
    NdArray *ut = se ? nd_swapaxes(u, -1, -2) : NULL;
    NdArray *su = ut ? nd_binary(ND_UF_MULTIPLY, se, ut) : NULL;
    NdArray *v = su ? nd_swapaxes(vt, -1, -2) : NULL;
    if (v)
        r = nd_matmul(v, su);
    nd_decref(v);
    nd_decref(su);
    nd_decref(ut);
    nd_decref(se);
    nd_decref(si);
    nd_decref(u);
    nd_decref(s);
    nd_decref(vt);
    return r;
}

/* --------------------------------------------------------- matrix_power */

NdArray *nd_linalg_matrix_power(NdArray *a, int64_t n)
{
    if (check_square_stack(a) < 0)
        return NULL;
    if (n == 0) {
        /* Identities of a's dtype and shape. */
        NdArray *one = nd_empty(ND_FLOAT64, 0, NULL, 'C');
        if (!one)
            return NULL;
        *(double *)(void *)one->data = 1.0;
        NdArray *e = nd_zeros(a->dtype, a->ndim, a->shape, 'C');
        NdArray *o = e ? nd_astype(one, a->dtype, ND_CAST_UNSAFE, false) : NULL;
        nd_decref(one);
        if (!o) {
            nd_decref(e);
            return NULL;
        }
        const size_t es = nd_dtype_size(a->dtype);
        const int64_t m = a->shape[a->ndim - 1];
        for (int64_t k = 0; m > 0 && k < e->size; k += m * m)
            for (int64_t i = 0; i < m; i++)
                memcpy(e->data + (k + i * m + i) * (int64_t)es, o->data, es);
        nd_decref(o);
        return e;
    }
    NdArray *base = n < 0 ? nd_linalg_inv(a) : nd_incref(a);
    if (!base)
        return NULL;
    uint64_t k = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    if (k == 1) {
        NdArray *c = nd_copy(base, 'C');
        nd_decref(base);
        return c;
    }
    /* Binary powering, as NumPy: z runs through base^(2^i); result
     * collects the set bits. */
    NdArray *z = NULL, *result = NULL;
    while (k > 0) {
        NdArray *nz = z ? nd_matmul(z, z) : nd_incref(base);
        nd_decref(z);
        z = nz;
        if (!z)
            break;
        if (k & 1) {
            NdArray *nr = result ? nd_matmul(result, z) : nd_incref(z);
            nd_decref(result);
            result = nr;
            if (!result)
                break;
        }
        k >>= 1;
    }
    nd_decref(base);
    if (!z || (k > 0 && !result)) {
        nd_decref(z);
        nd_decref(result);
        return NULL;
    }
    nd_decref(z);
    return result;
}

/* ------------------------------------------------------------------ eig */

/* NumPy's _assert_finite, on a column-major work buffer of `count`
 * doubles (a complex matrix counts its parts). */
static int check_finite(const char *buf, int64_t count)
{
    for (int64_t i = 0; i < count; i++) {
        double x;
        memcpy(&x, buf + i * 8, sizeof x);
        if (!isfinite(x))
            return nd_error(ND_ERR_LINALG,
                            "Array must not contain infs or NaNs");
    }
    return 0;
}

/* geev on the n x n column-major A (destroyed): the eigenvalues into w
 * (n complex doubles) and, with jobvr 'V', the right eigenvectors into the
 * complex n x n column-major VC.  Real input goes through dgeev, whose
 * conjugate pairs come as (re, im) column pairs of VR: v_j = VR[:, j] + i
 * VR[:, j+1] and v_{j+1} its conjugate.  *real_w is cleared when some
 * eigenvalue has a nonzero imaginary part.  work/rwork/VR sized by
 * eig_lwork.  LAPACK's info (so it can run on the worker: no errors set
 * here). */
static lapack_int geev(bool cpx, char jobvr, lapack_int n, char *A, double *w,
                       char *VC, double *VR, double *wr, char *work,
                       lapack_int lwork, double *rwork, bool *real_w)
{
    lapack_int info;
    double dummy[2] = {0, 0};
    const lapack_int ldvr = n > 0 ? n : 1;
    if (cpx) {
        info = LAPACKE_zgeev_work(
            LAPACK_COL_MAJOR, 'N', jobvr, n, (lapack_complex_double *)(void *)A,
            ldvr, (lapack_complex_double *)(void *)w,
            (lapack_complex_double *)(void *)dummy, 1,
            jobvr == 'V' ? (lapack_complex_double *)(void *)VC
                         : (lapack_complex_double *)(void *)dummy,
            jobvr == 'V' ? ldvr : 1, (lapack_complex_double *)(void *)work,
            lwork, rwork);
        return info;
    }
    double *wi = wr + n;
    info = LAPACKE_dgeev_work(
        LAPACK_COL_MAJOR, 'N', jobvr, n, (double *)(void *)A, ldvr, wr, wi,
        dummy, 1, jobvr == 'V' ? VR : dummy, jobvr == 'V' ? ldvr : 1,
        (double *)(void *)work, lwork);
    if (info != 0)
        return info;
    for (lapack_int i = 0; i < n; i++) {
        w[2 * i] = wr[i];
        w[2 * i + 1] = wi[i];
        if (wi[i] != 0)
            *real_w = false;
    }
    if (jobvr != 'V')
        return 0;
    double *vc = (double *)(void *)VC;
    for (lapack_int j = 0; j < n; j++) {
        const double *c = VR + (int64_t)j * n;
        double *d = vc + 2 * (int64_t)j * n;
        if (wi[j] != 0 && j + 1 < n) {
            /* The pair (j, j+1): re in column j, im in column j+1. */
            const double *ci = c + n;
            double *d2 = d + 2 * (int64_t)n;
            for (lapack_int i = 0; i < n; i++) {
                d[2 * i] = d2[2 * i] = c[i];
                d[2 * i + 1] = ci[i];
                d2[2 * i + 1] = -ci[i];
            }
            j++;
        } else {
            for (lapack_int i = 0; i < n; i++) {
                d[2 * i] = c[i];
                d[2 * i + 1] = 0;
            }
        }
    }
    return 0;
}

/* geev from the job: c1 jobvr; i: n, lwork; p: A, w, VC, VR, wr, work;
 * flag: all eigenvalues real so far (cleared by geev). */
static lapack_int call_geev(LaJob *j)
{
    return geev(j->cpx, j->c1, j->i[0], j->p[0], j->p[1], j->p[2], j->p[3],
                j->p[4], j->p[5], j->i[1], j->p[4], &j->flag);
}

/* geev's optimal lwork for order n (a query), or -1 with the error set. */
static lapack_int eig_lwork(bool cpx, char jobvr, lapack_int n)
{
    double q[2] = {0, 0}, d[4] = {0, 0, 0, 0};
    const lapack_int ld = n > 0 ? n : 1;
    lapack_int info =
        cpx ? LAPACKE_zgeev_work(LAPACK_COL_MAJOR, 'N', jobvr, n,
                                 (lapack_complex_double *)(void *)d, ld,
                                 (lapack_complex_double *)(void *)d,
                                 (lapack_complex_double *)(void *)d, 1,
                                 (lapack_complex_double *)(void *)d, ld,
                                 (lapack_complex_double *)(void *)q, -1, d)
            : LAPACKE_dgeev_work(LAPACK_COL_MAJOR, 'N', jobvr, n, d, ld, d, d,
                                 d, 1, d, ld, q, -1);
    if (info < 0)
        return lapack_bug(cpx ? "zgeev" : "dgeev", info);
    return (lapack_int)q[0] + 1;
}

/* The real part of the complex128 x as a C-contiguous float64 array. */
static NdArray *real_copy(NdArray *x)
{
    NdArray *re = nd_real(x);
    NdArray *c = re ? nd_copy(re, 'C') : NULL;
    nd_decref(re);
    return c;
}

int nd_linalg_eig(NdArray *a, NdArray **w_out, NdArray **v_out)
{
    const bool want_v = v_out != NULL;
    *w_out = NULL;
    if (want_v)
        *v_out = NULL;
    if (check_square_stack(a) < 0)
        return -1;
    NdType ct, rt;
    common_type(1, &a, &ct, &rt);
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);
    const int nb = a->ndim - 2;
    const int64_t n = a->shape[nb];
    NdArray *W = nd_empty(ND_COMPLEX128, nb + 1, a->shape, 'C');
    NdArray *V =
        W && want_v ? nd_empty(ND_COMPLEX128, a->ndim, a->shape, 'C') : NULL;
    if (!W || (want_v && !V)) {
        nd_decref(W);
        return -1;
    }
    bool real_w = true;
    int rc = 0;
    int64_t count = 1;
    for (int d = 0; d < nb; d++)
        count *= a->shape[d];
    if (count > 0 && n > 0) {
        const char jobvr = want_v ? 'V' : 'N';
        const lapack_int ln = (lapack_int)n;
        NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
        LaJob *job = ac ? la_new() : NULL;
        char *A = job ? la_own(job, work_alloc(n, n, es)) : NULL;
        /* Real input: dgeev's VR and (wr, wi); complex: rwork (2n). */
        double *VR =
            A && want_v && !cpx ? la_own(job, work_alloc(n, n, 8)) : NULL;
        double *wr = A ? la_own(job, work_alloc(2 * n, 1, 8)) : NULL;
        lapack_int lwork = wr ? eig_lwork(cpx, jobvr, ln) : -1;
        char *work = lwork > 0 ? la_own(job, work_alloc(lwork, 1, es)) : NULL;
        rc = work && (VR || !want_v || cpx) ? 0 : -1;
        if (rc == 0) {
            la_ref(job, W);
            if (V)
                la_ref(job, V);
            job->flag = true;
        }
        for (int64_t j = 0; rc == 0 && j < count; j++) {
            if ((rc = interrupted()) < 0)
                break;
            load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), n, n, es);
            if ((rc = check_finite(A, n * n * (int64_t)(es / 8))) < 0)
                break;
            char *vc = want_v ? V->data + j * n * n * 16 : NULL;
            job->call = call_geev;
            job->cpx = cpx;
            job->c1 = jobvr;
            job->i[0] = ln;
            job->i[1] = lwork;
            job->p[0] = A;
            job->p[1] = W->data + j * n * 16;
            job->p[2] = vc;
            job->p[3] = VR;
            job->p[4] = wr;
            job->p[5] = work;
            if ((rc = la_run(&job, 25.0 * (double)n * (double)n * (double)n)) <
                0)
                break;
            real_w = job->flag;
            if (job->info < 0)
                rc = lapack_bug(cpx ? "zgeev" : "dgeev", job->info);
            else if (job->info > 0)
                rc = nd_error(ND_ERR_LINALG, "Eigenvalues did not converge");
            else if (vc) {
                /* LAPACK's vectors are columns of a column-major matrix:
                 * transpose them into the C-order result in place. */
                nd_complex128 *z = (nd_complex128 *)(void *)vc;
                for (int64_t r = 0; r < n; r++)
                    for (int64_t c = r + 1; c < n; c++) {
                        nd_complex128 t = z[r * n + c];
                        z[r * n + c] = z[c * n + r];
                        z[c * n + r] = t;
                    }
            }
        }
        nd_fpe_hw_clear();
        la_free(job);
        nd_decref(ac);
    }
    if (rc < 0) {
        nd_decref(W);
        nd_decref(V);
        return -1;
    }
    /* NumPy's rule: real results when the input is real and every
     * eigenvalue of the whole stack is real; complex otherwise. */
    NdType out_t;
    if (!cpx && real_w) {
        NdArray *w2 = real_copy(W);
        nd_decref(W);
        W = w2;
        if (V) {
            NdArray *v2 = W ? real_copy(V) : NULL;
            nd_decref(V);
            V = v2;
        }
        out_t = rt;
    } else
        out_t = rt == ND_FLOAT32 || rt == ND_COMPLEX64 ? ND_COMPLEX64
                                                       : ND_COMPLEX128;
    W = W ? finish(W, out_t) : NULL;
    V = V && W ? finish(V, out_t) : (nd_decref(V), NULL);
    if (!W || (want_v && !V)) {
        nd_decref(W);
        nd_decref(V);
        return -1;
    }
    *w_out = W;
    if (want_v)
        *v_out = V;
    return 0;
}

/* ---------------------------------------------------------------- lstsq */

static int assert_2d(const NdArray *a)
{
    if (a->ndim != 2)
        return nd_error(ND_ERR_LINALG,
                        "%d-dimensional array given. Array must be "
                        "two-dimensional",
                        a->ndim);
    return 0;
}

/* gelsd on column-major A (m x n) and B (ldb x nrhs); s gets min(m, n)
 * singular values, *rank the effective rank.  lwork < 0 is the query:
 * sizes land in work[0], rwork[0] and iwork[0]. */
static lapack_int gelsd(bool cpx, lapack_int m, lapack_int n, lapack_int nrhs,
                        char *A, char *B, lapack_int ldb, double *s,
                        double rcond, lapack_int *rank, char *work,
                        lapack_int lwork, double *rwork, lapack_int *iwork)
{
    const lapack_int lda = m > 0 ? m : 1;
    if (cpx)
        return LAPACKE_zgelsd_work(
            LAPACK_COL_MAJOR, m, n, nrhs, (lapack_complex_double *)(void *)A,
            lda, (lapack_complex_double *)(void *)B, ldb, s, rcond, rank,
            (lapack_complex_double *)(void *)work, lwork, rwork, iwork);
    return LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, m, n, nrhs,
                               (double *)(void *)A, lda, (double *)(void *)B,
                               ldb, s, rcond, rank, (double *)(void *)work,
                               lwork, iwork);
}

/* gelsd from the job: i: m, n, nrhs, ldb, lwork; d rcond; p: A, B, s,
 * work, rwork, iwork; out: the rank. */
static lapack_int call_gelsd(LaJob *j)
{
    return gelsd(j->cpx, j->i[0], j->i[1], j->i[2], j->p[0], j->p[1], j->i[3],
                 j->p[2], j->d, &j->out, j->p[3], j->i[4], j->p[4], j->p[5]);
}

int nd_linalg_lstsq(NdArray *a, NdArray *b, const double *rcond_in,
                    NdArray **x_out, NdArray **res_out, int64_t *rank_out,
                    NdArray **s_out)
{
    *x_out = *res_out = *s_out = NULL;
    *rank_out = 0;
    const bool is_1d = b->ndim == 1;
    if (assert_2d(a) < 0 || (!is_1d && assert_2d(b) < 0))
        return -1;
    const int64_t m = a->shape[0], n = a->shape[1];
    const int64_t m2 = b->shape[0], nrhs = is_1d ? 1 : b->shape[1];
    if (m != m2)
        return nd_error(ND_ERR_LINALG, "Incompatible dimensions");
    if (m > INT_MAX / 4 || n > INT_MAX / 4 || nrhs > INT_MAX / 4)
        return nd_error(ND_ERR_VALUE, "array is too big for LAPACK");
    NdArray *both[2] = {a, b};
    NdType ct, rt;
    common_type(2, both, &ct, &rt);
    const NdType real_rt = rt == ND_COMPLEX64    ? ND_FLOAT32
                           : rt == ND_COMPLEX128 ? ND_FLOAT64
                                                 : rt;
    const bool cpx = ct == ND_COMPLEX128;
    const size_t es = nd_dtype_size(ct);
    /* NumPy 2's default: eps of the computation type times max(M, N). */
    const double rcond =
        rcond_in ? *rcond_in : DBL_EPSILON * (double)(m > n ? m : n);
    const int64_t k = m < n ? m : n;
    const int64_t ldb = m > n ? m : (n > 0 ? n : 1);
    /* LAPACK cannot take nrhs == 0: one zero column, as NumPy does. */
    const int64_t bc = nrhs > 0 ? nrhs : 1;

    int64_t shape[2] = {n, nrhs};
    NdArray *X = nd_zeros(ct, is_1d ? 1 : 2, shape, 'C');
    shape[0] = k;
    NdArray *S = X ? nd_zeros(ND_FLOAT64, 1, shape, 'C') : NULL;
    if (!S) {
        nd_decref(X);
        return -1;
    }
    NdArray *ac = nd_astype(a, ct, ND_CAST_UNSAFE, false);
    NdArray *bcv = ac ? nd_astype(b, ct, ND_CAST_UNSAFE, false) : NULL;
    LaJob *job = bcv ? la_new() : NULL;
    char *A =
        job ? la_own(job, work_alloc(m > 0 ? m : 1, n > 0 ? n : 1, es)) : NULL;
    char *B = A ? la_own(job, work_alloc(ldb, bc, es)) : NULL;
    if (B)
        memset(B, 0, (size_t)(ldb * bc) * es);
    double *sv = B ? la_own(job, work_alloc(k > 0 ? k : 1, 1, 8)) : NULL;
    int rc = sv ? 0 : -1;
    lapack_int rank = 0;
    double *rwork = NULL;
    lapack_int *iwork = NULL;
    char *work = NULL;
    if (rc == 0) {
        load_colmajor(A, ac, ac->data, m, n, es);
        if (is_1d)
            copy_mat(B, (int64_t)es, ldb * (int64_t)es, bcv->data,
                     bcv->strides[0], 0, m, 1, es);
        else
            copy_mat(B, (int64_t)es, ldb * (int64_t)es, bcv->data,
                     bcv->strides[0], bcv->strides[1], m, nrhs, es);
        /* Workspace query. */
        double qw[2] = {0, 0}, qr = 0;
        lapack_int qi = 0;
        lapack_int info =
            gelsd(cpx, (lapack_int)m, (lapack_int)n, (lapack_int)bc, A, B,
                  (lapack_int)ldb, sv, rcond, &rank, (char *)qw, -1, &qr, &qi);
        if (info < 0)
            rc = lapack_bug(cpx ? "zgelsd" : "dgelsd", info);
        const lapack_int lwork = (lapack_int)qw[0] + 1;
        const int64_t liwork = (qi > 1 ? qi : 1) + 3 * k + 11;
        const int64_t lrwork = (int64_t)qr + 1;
        work = rc == 0 ? la_own(job, work_alloc(lwork, 1, es)) : NULL;
        iwork = work ? la_own(job, nd_malloc((size_t)liwork * sizeof *iwork))
                     : NULL;
        rwork = iwork ? la_own(job, work_alloc(lrwork, 1, 8)) : NULL;
        if (rc == 0 && !rwork)
            rc = -1;
        /* NaN or inf in a makes gelsd fail (after LAPACK printed to
         * stderr); NumPy reports it as non-convergence.  In b they only
         * make the solution NaN. */
        if (rc == 0 && has_nan(A, m * n * (cpx ? 2 : 1), true))
            rc = nd_error(ND_ERR_LINALG,
                          "SVD did not converge in Linear Least Squares");
        if (rc == 0 && (rc = interrupted()) == 0) {
            job->call = call_gelsd;
            job->cpx = cpx;
            job->i[0] = (lapack_int)m;
            job->i[1] = (lapack_int)n;
            job->i[2] = (lapack_int)bc;
            job->i[3] = (lapack_int)ldb;
            job->i[4] = lwork;
            job->d = rcond;
            job->p[0] = A;
            job->p[1] = B;
            job->p[2] = sv;
            job->p[3] = work;
            job->p[4] = rwork;
            job->p[5] = iwork;
            rc = la_run(&job, (double)m * (double)n * (double)(k + bc) * 4);
        }
        if (rc == 0) {
            info = job->info;
            rank = job->out;
            if (info < 0)
                rc = lapack_bug(cpx ? "zgelsd" : "dgelsd", info);
            else if (info > 0)
                rc = nd_error(ND_ERR_LINALG,
                              "SVD did not converge in Linear Least Squares");
        }
    }
    nd_fpe_hw_clear();
    NdArray *R = NULL;
    if (rc == 0) {
        /* x: the first n rows of B (zero when m == 0: LAPACK returns
         * early and leaves B's zeros). */
        if (m > 0)
            copy_mat(X->data, nrhs * (int64_t)es, (int64_t)es, B, (int64_t)es,
                     ldb * (int64_t)es, n, nrhs, es);
        memcpy(S->data, sv, (size_t)k * sizeof *sv);
        /* Residuals only for a full-rank overdetermined system: the
         * squared norms of rows n.. of each column of B. */
        const bool full = rank == (lapack_int)n && m > n;
        int64_t rshape[1] = {full ? nrhs : 0};
        R = nd_zeros(ND_FLOAT64, 1, rshape, 'C');
        if (!R)
            rc = -1;
        for (int64_t c = 0; R && full && c < nrhs; c++) {
            double acc = 0;
            for (int64_t i = n; i < m; i++) {
                const char *e = B + (c * ldb + i) * (int64_t)es;
                double z[2] = {0, 0};
                memcpy(z, e, es);
                acc += z[0] * z[0] + z[1] * z[1];
            }
            ((double *)(void *)R->data)[c] = acc;
        }
    }
    la_free(job);
    nd_decref(bcv);
    nd_decref(ac);
    if (rc == 0) {
        X = finish(X, rt);
        R = X ? finish(R, real_rt) : (nd_decref(R), NULL);
        S = R ? finish(S, real_rt) : (nd_decref(S), NULL);
        if (!S)
            rc = -1;
    }
    if (rc < 0) {
        nd_decref(X);
        nd_decref(R);
        nd_decref(S);
        return -1;
    }
    *x_out = X;
    *res_out = R;
    *s_out = S;
    *rank_out = rank;
    return 0;
}

/* ------------------------------------------------- hermitian svd */

/* A C-contiguous copy of a in dtype t. */
static NdArray *contiguous(NdArray *a, NdType t)
{
    NdArray *c = nd_astype(a, t, ND_CAST_UNSAFE, false);
    NdArray *d = c ? nd_copy(c, 'C') : NULL;
    nd_decref(c);
    return d;
}

/* Order of the indices 0..n-1 by |w| descending, as NumPy's
 * argsort(abs(w))[::-1] (a stable ascending sort, reversed). */
static void order_by_abs_desc(const double *w, int64_t n, int64_t *idx)
{
    for (int64_t i = 0; i < n; i++) {
        /* Insertion sort: n is a matrix order, and it is stable. */
        int64_t j = i;
        while (j > 0 && fabs(w[idx[j - 1]]) > fabs(w[i]))
            j--;
        memmove(idx + j + 1, idx + j, (size_t)(i - j) * sizeof *idx);
        idx[j] = i;
    }
    for (int64_t i = 0; i < n / 2; i++) {
        int64_t t = idx[i];
        idx[i] = idx[n - 1 - i];
        idx[n - 1 - i] = t;
    }
}

int nd_linalg_svd_hermitian(NdArray *a, bool compute_uv, NdArray **u_out,
                            NdArray **s_out, NdArray **vh_out)
{
    *u_out = *s_out = *vh_out = NULL;
    NdArray *w = NULL, *v = NULL;
    if (nd_linalg_eigh(a, 'L', &w, compute_uv ? &v : NULL) < 0)
        return -1;
    const NdType st = w->dtype;
    const int nb = a->ndim - 2;
    const int64_t n = a->shape[nb];
    NdArray *wd = contiguous(w, ND_FLOAT64);
    NdType vt_t = v ? v->dtype : ND_FLOAT64;
    const bool cpx = nd_dtype_kind(vt_t) == ND_KIND_COMPLEX;
    const NdType ct = cpx ? ND_COMPLEX128 : ND_FLOAT64;
    const size_t es = nd_dtype_size(ct);
    NdArray *vd = v && wd ? contiguous(v, ct) : NULL;
    NdArray *S = wd ? nd_empty(ND_FLOAT64, wd->ndim, wd->shape, 'C') : NULL;
    NdArray *U = S && v ? nd_empty(ct, v->ndim, v->shape, 'C') : NULL;
    NdArray *VT = U ? nd_empty(ct, v->ndim, v->shape, 'C') : NULL;
    int64_t *idx = S ? nd_malloc((size_t)(n > 0 ? n : 1) * sizeof *idx) : NULL;
    int rc = idx && (!v || (vd && VT)) ? 0 : -1;
    const int64_t count = n > 0 && S ? S->size / n : 0;
    for (int64_t j = 0; rc == 0 && j < count; j++) {
        const double *wj = (const double *)(void *)wd->data + j * n;
        double *sj = (double *)(void *)S->data + j * n;
        order_by_abs_desc(wj, n, idx);
        for (int64_t i = 0; i < n; i++)
            sj[i] = fabs(wj[idx[i]]);
        if (!v)
            continue;
        const char *vj = vd->data + j * n * n * (int64_t)es;
        char *uj = U->data + j * n * n * (int64_t)es;
        char *tj = VT->data + j * n * n * (int64_t)es;
        for (int64_t c = 0; c < n; c++) {
            /* The sign of the eigenvalue moves into vh (NumPy: sign(0) is
             * 0, so a zero eigenvalue gives a zero row). */
            const double e = wj[idx[c]];
            const double sg = e > 0 ? 1.0 : e < 0 ? -1.0 : e;
            for (int64_t r = 0; r < n; r++) {
                double z[2] = {0, 0};
                memcpy(z, vj + (r * n + idx[c]) * (int64_t)es, es);
                memcpy(uj + (r * n + c) * (int64_t)es, z, es);
                /* vh[c, r] = conj(u[r, c] * sg) */
                const double t[2] = {z[0] * sg, -(z[1] * sg)};
                memcpy(tj + (c * n + r) * (int64_t)es, t, es);
            }
        }
    }
    free(idx);
    nd_decref(wd);
    nd_decref(vd);
    NdType vt_out = v ? v->dtype : ND_FLOAT64;
    nd_decref(w);
    nd_decref(v);
    if (rc == 0) {
        S = finish(S, st);
        U = U ? finish(U, vt_out) : NULL;
        VT = VT ? finish(VT, vt_out) : NULL;
        if (!S || (compute_uv && (!U || !VT)))
            rc = -1;
    }
    if (rc < 0) {
        nd_decref(S);
        nd_decref(U);
        nd_decref(VT);
        return -1;
    }
    *s_out = S;
    *u_out = U;
    *vh_out = VT;
    return 0;
}

/* ----------------------------------------------------------------- cond */

/* For each matrix of the stack x: does it hold a NaN?  A malloc'd array
 * of `count` flags (NULL with the error set). */
static bool *nan_flags(NdArray *x, int64_t count)
{
    bool *f = nd_calloc((size_t)(count > 0 ? count : 1), sizeof *f);
    if (!f)
        return NULL;
    const NdKind k = nd_dtype_kind(x->dtype);
    if (k != ND_KIND_FLOAT && k != ND_KIND_COMPLEX)
        return f;
    const bool cpx = k == ND_KIND_COMPLEX;
    NdArray *c = contiguous(x, cpx ? ND_COMPLEX128 : ND_FLOAT64);
    if (!c) {
        free(f);
        return NULL;
    }
    const int64_t per = count > 0 ? c->size / count * (cpx ? 2 : 1) : 0;
    const double *d = (const double *)(void *)c->data;
    for (int64_t j = 0; j < count; j++)
        for (int64_t i = 0; i < per && !f[j]; i++)
            f[j] = isnan(d[j * per + i]);
    nd_decref(c);
    return f;
}

NdArray *nd_linalg_cond(NdArray *x, NdNormOrd p)
{
    /* NumPy's _is_empty_2d. */
    int64_t last = 1;
    for (int d = x->ndim - 2 < 0 ? 0 : x->ndim - 2; d < x->ndim; d++)
        last *= x->shape[d];
    if (x->size == 0 && last == 0) {
        nd_error(ND_ERR_LINALG, "cond is not defined on empty arrays");
        return NULL;
    }
    NdArray *r = NULL;
    const bool by_svd = p.kind == ND_NORM_NONE ||
                        (p.kind == ND_NORM_NUM && (p.p == 2 || p.p == -2));
    if (by_svd) {
        NdArray *u, *s, *vh;
        if (nd_linalg_svd(x, false, false, &u, &s, &vh) < 0)
            return NULL;
        const int64_t k = s->shape[s->ndim - 1];
        NdArray *sd = contiguous(s, ND_FLOAT64);
        r = sd ? nd_empty(ND_FLOAT64, s->ndim - 1, s->shape, 'C') : NULL;
        for (int64_t j = 0; r && k > 0 && j < r->size; j++) {
            const double *sj = (const double *)(void *)sd->data + j * k;
            ((double *)(void *)r->data)[j] = p.kind == ND_NORM_NUM && p.p == -2
                                                 ? sj[k - 1] / sj[0]
                                                 : sj[0] / sj[k - 1];
        }
        nd_decref(sd);
        r = r ? finish(r, s->dtype) : NULL;
        nd_decref(s);
    } else {
        if (check_square_stack(x) < 0)
            return NULL;
        NdType rt;
        NdArray *inv = inv_core(x, true, &rt);
        const int axes[2] = {-2, -1};
        NdArray *n1 = inv ? nd_linalg_norm(x, p, axes, 2, false) : NULL;
        NdArray *n2 = n1 ? nd_linalg_norm(inv, p, axes, 2, false) : NULL;
        NdArray *m = n2 ? nd_binary(ND_UF_MULTIPLY, n1, n2) : NULL;
        nd_decref(inv);
        nd_decref(n1);
        nd_decref(n2);
        r = m ? contiguous(m, rt) : NULL;
        nd_decref(m);
    }
    nd_fpe_hw_clear();
    if (!r)
        return NULL;
    /* NaNs become inf, unless the matrix itself held a NaN. */
    bool *f = nan_flags(x, r->size);
    if (!f) {
        nd_decref(r);
        return NULL;
    }
    const size_t es = nd_dtype_size(r->dtype);
    for (int64_t j = 0; j < r->size; j++) {
        char *e = r->data + j * (int64_t)es;
        bool isn;
        if (r->dtype == ND_FLOAT32) {
            float v;
            memcpy(&v, e, 4);
            if ((isn = isnan(v)) && !f[j])
                memcpy(e, &(float){INFINITY}, 4);
        } else if (r->dtype == ND_COMPLEX64) {
            float v[2];
            memcpy(v, e, 8);
            if ((isn = isnan(v[0]) || isnan(v[1])) && !f[j])
                memcpy(e, (float[2]){INFINITY, 0}, 8);
        } else if (r->dtype == ND_COMPLEX128) {
            double v[2];
            memcpy(v, e, 16);
            if ((isn = isnan(v[0]) || isnan(v[1])) && !f[j])
                memcpy(e, (double[2]){INFINITY, 0}, 16);
        } else {
            double v;
            memcpy(&v, e, 8);
            if ((isn = isnan(v)) && !f[j])
                memcpy(e, &(double){INFINITY}, 8);
        }
    }
    free(f);
    return r;
}

/* ------------------------------------------------------------ multi_dot */

/* dot of the chain arrays[i..j] in the order s gives (NumPy's _multi_dot). */
static NdArray *chain_dot(NdArray *const *arrays, const int *s, int n, int i,
                          int j)
{
    if (i == j)
        return nd_incref(arrays[i]);
    const int k = s[i * n + j];
    NdArray *l = chain_dot(arrays, s, n, i, k);
    NdArray *r = l ? chain_dot(arrays, s, n, k + 1, j) : NULL;
    NdArray *p = r ? nd_dot(l, r) : NULL;
    nd_decref(l);
    nd_decref(r);
    return p;
}

NdArray *nd_linalg_multi_dot(NdArray *const *arrays0, int n)
{
    if (n < 2) {
        nd_error(ND_ERR_VALUE, "Expecting at least two arrays.");
        return NULL;
    }
    if (n == 2)
        return nd_dot(arrays0[0], arrays0[1]);
    NdArray **arrays = nd_calloc((size_t)n, sizeof *arrays);
    if (!arrays)
        return NULL;
    const int nd_first = arrays0[0]->ndim, nd_last = arrays0[n - 1]->ndim;
    NdArray *r = NULL;
    int *s = NULL;
    double *m = NULL;
    int i;
    for (i = 0; i < n; i++) {
        NdArray *a = arrays0[i];
        /* The first as a row (atleast_2d), the last as a column. */
        if (i == 0 && a->ndim == 1)
            arrays[i] = nd_reshape(a, 2, (int64_t[]){1, a->shape[0]}, 'C');
        else if (i == n - 1 && a->ndim == 1)
            arrays[i] = nd_reshape(a, 2, (int64_t[]){a->shape[0], 1}, 'C');
        else
            arrays[i] = nd_incref(a);
        if (!arrays[i])
            goto done;
    }
    for (i = 0; i < n; i++)
        if (assert_2d(arrays[i]) < 0)
            goto done;
    if (n == 3) {
        /* NumPy's _multi_dot_three: compare the two costs directly. */
        const double a0 = (double)arrays[0]->shape[0];
        const double a1b0 = (double)arrays[0]->shape[1];
        const double b1c0 = (double)arrays[2]->shape[0];
        const double c1 = (double)arrays[2]->shape[1];
        const double cost1 = a0 * b1c0 * (a1b0 + c1);
        const double cost2 = a1b0 * c1 * (a0 + b1c0);
        NdArray *t;
        if (cost1 < cost2) {
            t = nd_dot(arrays[0], arrays[1]);
            r = t ? nd_dot(t, arrays[2]) : NULL;
        } else {
            t = nd_dot(arrays[1], arrays[2]);
            r = t ? nd_dot(arrays[0], t) : NULL;
        }
        nd_decref(t);
    } else {
        /* NumPy's _multi_dot_matrix_chain_order (Cormen et al., 15.2):
         * m[i, j] the least cost of arrays[i..j], s[i, j] its split. */
        double *dims = nd_malloc((size_t)(n + 1) * sizeof *dims);
        m = dims ? nd_calloc((size_t)n * (size_t)n, sizeof *m) : NULL;
        s = m ? nd_calloc((size_t)n * (size_t)n, sizeof *s) : NULL;
        if (!s) {
            free(dims);
            goto done;
        }
        for (i = 0; i < n; i++)
            dims[i] = (double)arrays[i]->shape[0];
        dims[n] = (double)arrays[n - 1]->shape[1];
        for (int l = 1; l < n; l++)
            for (int a = 0; a < n - l; a++) {
                const int b = a + l;
                m[a * n + b] = INFINITY;
                for (int k = a; k < b; k++) {
                    const double c = m[a * n + k] + m[(k + 1) * n + b] +
                                     dims[a] * dims[k + 1] * dims[b + 1];
                    if (c < m[a * n + b]) {
                        m[a * n + b] = c;
                        s[a * n + b] = k;
                    }
                }
            }
        free(dims);
        r = chain_dot(arrays, s, n, 0, n - 1);
    }
    if (r && (nd_first == 1 || nd_last == 1)) {
        /* 1-d ends: a scalar (0-d) for both, else the product raveled. */
        NdArray *f = nd_first == 1 && nd_last == 1
                         ? nd_reshape(r, 0, NULL, 'C')
                         : nd_reshape(r, 1, (int64_t[]){r->size}, 'C');
        nd_decref(r);
        r = f;
    }
done:
    free(s);
    free(m);
    for (i = 0; i < n; i++)
        nd_decref(arrays[i]);
    free(arrays);
    return r;
}
