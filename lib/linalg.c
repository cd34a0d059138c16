/* linalg.c — the linear-algebra room: NumPy's linalg functions inv, solve,
 * det, slogdet and cholesky on stacked matrices (..., M, M), through
 * LAPACKE's column-major drivers (gesv, getrf, potrf).
 *
 * Each matrix of a stack is copied into a small column-major work buffer
 * (LAPACK overwrites its input, and the copy also takes any strides,
 * transposed views and broadcast batch axes), factored, and the answer is
 * copied into a fresh C-order result.  As NumPy's _commonType does, the
 * arithmetic always runs in float64 or complex128 and the result is cast
 * back to float32/complex64 when every input was single precision; so only
 * the d and z LAPACK routines are needed.  LAPACK's info codes become
 * NumPy's LinAlgErrors here and never travel further. */
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lapacke.h>

#include "nd.h"

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

/* gesv on column-major buffers: A (n x n) and B (n x nrhs) overwritten;
 * 1 when A is singular, 0 on success, -1 on error. */
static int gesv(bool cpx, int64_t n, int64_t nrhs, char *A, char *B,
                lapack_int *ipiv)
{
    lapack_int info;
    lapack_int ln = (lapack_int)n, lk = (lapack_int)nrhs;
    lapack_int ld = ln > 0 ? ln : 1;
    if (cpx)
        info = LAPACKE_zgesv_work(LAPACK_COL_MAJOR, ln, lk,
                                  (lapack_complex_double *)(void *)A, ld, ipiv,
                                  (lapack_complex_double *)(void *)B, ld);
    else
        info = LAPACKE_dgesv_work(LAPACK_COL_MAJOR, ln, lk, (double *)(void *)A,
                                  ld, ipiv, (double *)(void *)B, ld);
    if (info < 0)
        return lapack_bug(cpx ? "zgesv" : "dgesv", info);
    return info > 0 ? 1 : 0;
}

/* ------------------------------------------------------------------ inv */

NdArray *nd_linalg_inv(NdArray *a)
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
    char *A = ac ? work_alloc(n, n, es) : NULL;
    char *B = A ? work_alloc(n, n, es) : NULL;
    lapack_int *ipiv = B ? nd_malloc((size_t)n * sizeof *ipiv) : NULL;
    int rc = ipiv ? 0 : -1;
    const int64_t count = out->size / (n * n);
    for (int64_t j = 0; rc == 0 && j < count; j++) {
        if ((rc = interrupted()) < 0)
            break;
        load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), n, n, es);
        set_identity(B, n, es);
        rc = gesv(cpx, n, n, A, B, ipiv);
        if (rc == 1)
            rc = nd_error(ND_ERR_LINALG, "Singular matrix");
        else if (rc == 0)
            store_rowmajor(out->data + j * n * n * (int64_t)es, B, n, n, es);
    }
    /* LAPACK's own floating-point events are not the user's (NumPy
     * discards them too). */
    nd_fpe_hw_clear();
    free(ipiv);
    free(B);
    free(A);
    nd_decref(ac);
    if (rc < 0) {
        nd_decref(out);
        return NULL;
    }
    return finish(out, rt);
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
    char *A = bv ? work_alloc(m, m, es) : NULL;
    char *B = A ? work_alloc(m, nrhs, es) : NULL;
    lapack_int *ipiv = B ? nd_malloc((size_t)m * sizeof *ipiv) : NULL;
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
        rc = gesv(cpx, m, nrhs, A, B, ipiv);
        if (rc == 1)
            rc = nd_error(ND_ERR_LINALG, "Singular matrix");
        else if (rc == 0)
            store_rowmajor(out->data + j * step, B, m, nrhs, es);
    }
    nd_fpe_hw_clear();
    free(ipiv);
    free(B);
    free(A);
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
    char *A = ac ? work_alloc(n, n, es) : NULL;
    lapack_int *ipiv = A ? nd_malloc((size_t)n * sizeof *ipiv) : NULL;
    int rc = ipiv ? 0 : -1;
    const lapack_int ln = (lapack_int)n;
    for (int64_t j = 0; rc == 0 && j < count; j++) {
        if ((rc = interrupted()) < 0)
            break;
        load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), n, n, es);
        lapack_int info =
            cpx ? LAPACKE_zgetrf_work(LAPACK_COL_MAJOR, ln, ln,
                                      (lapack_complex_double *)(void *)A, ln,
                                      ipiv)
                : LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, ln, ln,
                                      (double *)(void *)A, ln, ipiv);
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
    free(ipiv);
    free(A);
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
    char *A = ac ? work_alloc(n, n, es) : NULL;
    int rc = A ? 0 : -1;
    const lapack_int ln = (lapack_int)n;
    const char uplo = upper ? 'U' : 'L';
    const int64_t count = out->size / (n * n);
    for (int64_t j = 0; rc == 0 && j < count; j++) {
        if ((rc = interrupted()) < 0)
            break;
        load_colmajor(A, ac, ac->data + batch_offset(ac, nb, j), n, n, es);
        lapack_int info =
            cpx ? LAPACKE_zpotrf_work(LAPACK_COL_MAJOR, uplo, ln,
                                      (lapack_complex_double *)(void *)A, ln)
                : LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, uplo, ln,
                                      (double *)(void *)A, ln);
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
    free(A);
    nd_decref(ac);
    if (rc < 0) {
        nd_decref(out);
        return NULL;
    }
    return finish(out, rt);
}
