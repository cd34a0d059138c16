/* test_linalg.c — Check suite of lib/linalg.c (inv, solve, det, slogdet,
 * cholesky, norm, cond, qr, svd, eig, eigh, lstsq, matrix_rank, pinv,
 * matrix_power, multi_dot).  Results are
 * checked by identities (A @ inv(A) == I, solve's residual, L @ L^H == A), by
 * determinants worked by hand (triangular and permutation matrices) and by
 * NumPy's documented values; plus every error text, stacked and broadcast
 * shapes, float32/complex inputs and non-contiguous views. */
#include <math.h>
#include <pthread.h>
#include <time.h>

#include "testutil.h"

/* ------------------------------------------------------------ helpers */

/* A C-contiguous complex128 copy of a (for comparisons of any dtype). */
static nd_complex128 *as_c128(NdArray *a)
{
    NdArray *c = nd_astype(a, ND_COMPLEX128, ND_CAST_UNSAFE, true);
    ck_assert_ptr_nonnull(c);
    NdArray *d = nd_copy(c, 'C');
    ck_assert_ptr_nonnull(d);
    nd_decref(c);
    nd_complex128 *v = malloc((size_t)(d->size ? d->size : 1) * sizeof *v);
    ck_assert_ptr_nonnull(v);
    memcpy(v, d->data, (size_t)d->size * sizeof *v);
    nd_decref(d);
    return v;
}

/* Largest |x - y| over two arrays of the same shape. */
static double max_diff(NdArray *x, NdArray *y)
{
    ck_assert_int_eq(x->ndim, y->ndim);
    for (int i = 0; i < x->ndim; i++)
        ck_assert_int_eq(x->shape[i], y->shape[i]);
    nd_complex128 *a = as_c128(x), *b = as_c128(y);
    double m = 0;
    for (int64_t i = 0; i < x->size; i++) {
        double d = hypot(a[i].re - b[i].re, a[i].im - b[i].im);
        if (!(d <= m))
            m = d;
    }
    free(a);
    free(b);
    return m;
}

/* A stack of identity matrices of the given shape (last two axes n x n). */
static NdArray *eye_like(NdArray *a)
{
    NdArray *out = nd_zeros(ND_FLOAT64, a->ndim, a->shape, 'C');
    ck_assert_ptr_nonnull(out);
    int64_t n = a->shape[a->ndim - 1];
    double *d = (double *)(void *)out->data;
    for (int64_t k = 0; k < out->size; k += n * n)
        for (int64_t i = 0; i < n; i++)
            d[k + i * n + i] = 1.0;
    return out;
}

static NdArray *f64(int ndim, const int64_t *shape, const double *v)
{
    int64_t n = nd_shape_size(ndim, shape, ND_FLOAT64);
    return nd_from_data(ND_FLOAT64, ndim, shape, v, n);
}

/* A well-conditioned 4 x 4 matrix (diagonally dominant, not symmetric). */
static const double M4[16] = {10, 1, 2,  3,  -1, 9,  0, 2,
                              2,  3, 11, -4, 1,  -2, 1, 8};
/* A symmetric positive-definite one: B^T B + 4 I for B = M4's rows. */
static const double SPD3[9] = {4, 2, 0.6, 2, 5, 1, 0.6, 1, 3};

static double scalar_f(NdArray *a)
{
    NdScalar s, d;
    ck_assert_int_eq(nd_item(a, &s), 0);
    nd_scalar_cast(&s, ND_FLOAT64, &d);
    return d.v.f64;
}

static nd_complex128 scalar_c(NdArray *a)
{
    NdScalar s, d;
    ck_assert_int_eq(nd_item(a, &s), 0);
    nd_scalar_cast(&s, ND_COMPLEX128, &d);
    return d.v.c128;
}

/* ---------------------------------------------------------------- inv */

START_TEST(test_inv_identity)
{
    NdArray *a = f64(2, SHAPE(4, 4), M4);
    NdArray *x = nd_linalg_inv(a);
    ck_assert_ptr_nonnull(x);
    ck_assert_int_eq(x->dtype, ND_FLOAT64);
    NdArray *p = nd_matmul(a, x), *q = nd_matmul(x, a), *I = eye_like(a);
    ck_assert_double_le(max_diff(p, I), 1e-14);
    ck_assert_double_le(max_diff(q, I), 1e-14);
    nd_decref(p);
    nd_decref(q);
    nd_decref(I);
    nd_decref(x);
    nd_decref(a);
}
END_TEST

START_TEST(test_inv_numpy_doc)
{
    /* NumPy's example: inv([[1, 2], [3, 4]]) = [[-2, 1], [1.5, -0.5]]. */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 1, 2, 3, 4);
    NdArray *x = nd_linalg_inv(a);
    ck_assert_ptr_nonnull(x);
    ck_assert_int_eq(x->dtype, ND_FLOAT64); /* integers promote */
    NdArray *want = f64(2, SHAPE(2, 2), (const double[]){-2, 1, 1.5, -0.5});
    ck_assert_double_le(max_diff(x, want), 1e-15);
    nd_decref(want);
    nd_decref(x);
    nd_decref(a);
}
END_TEST

START_TEST(test_inv_stack_and_views)
{
    /* Two matrices in a stack, then the transposed view of each. */
    double v[32];
    for (int i = 0; i < 16; i++) {
        v[i] = M4[i];
        v[16 + i] = M4[i] + (i % 5 == 0 ? 3 : 0);
    }
    NdArray *a = f64(3, SHAPE(2, 4, 4), v);
    NdArray *t = nd_transpose(a, (const int64_t[]){0, 2, 1}, 3);
    ck_assert(!(t->flags & ND_C_CONTIGUOUS));
    NdArray *xs[2] = {nd_linalg_inv(a), nd_linalg_inv(t)};
    NdArray *as[2] = {a, t};
    for (int k = 0; k < 2; k++) {
        ck_assert_ptr_nonnull(xs[k]);
        ck_assert_int_eq(xs[k]->ndim, 3);
        NdArray *p = nd_matmul(as[k], xs[k]), *I = eye_like(as[k]);
        ck_assert_double_le(max_diff(p, I), 1e-14);
        nd_decref(p);
        nd_decref(I);
        nd_decref(xs[k]);
    }
    /* A stepped slice: every other row and column of an 8 x 8 matrix. */
    double big[64] = {0};
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            big[(2 * i) * 8 + 2 * j] = M4[i * 4 + j];
    NdArray *b = f64(2, SHAPE(8, 8), big);
    NdArray *s = nd_view_new(b->buffer, ND_FLOAT64, 2, SHAPE(4, 4),
                             SHAPE(16 * 8, 16), b->data, true);
    NdArray *m4 = f64(2, SHAPE(4, 4), M4);
    NdArray *xs1 = nd_linalg_inv(s), *xm = nd_linalg_inv(m4);
    ck_assert_double_eq(max_diff(xs1, xm), 0);
    nd_decref(xs1);
    nd_decref(xm);
    nd_decref(m4);
    nd_decref(s);
    nd_decref(b);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(test_inv_complex_and_float32)
{
    nd_complex128 cv[4] = {{1, 1}, {2, 0}, {0, -1}, {3, 2}};
    NdArray *c = nd_from_data(ND_COMPLEX128, 2, SHAPE(2, 2), cv, 4);
    NdArray *x = nd_linalg_inv(c);
    ck_assert_ptr_nonnull(x);
    ck_assert_int_eq(x->dtype, ND_COMPLEX128);
    NdArray *p = nd_matmul(c, x), *I = eye_like(c);
    ck_assert_double_le(max_diff(p, I), 1e-15);
    nd_decref(p);
    nd_decref(x);

    NdArray *c64 = nd_astype(c, ND_COMPLEX64, ND_CAST_UNSAFE, true);
    x = nd_linalg_inv(c64);
    ck_assert_int_eq(x->dtype, ND_COMPLEX64);
    p = nd_matmul(c64, x);
    ck_assert_double_le(max_diff(p, I), 1e-6);
    nd_decref(p);
    nd_decref(x);
    nd_decref(c64);
    nd_decref(I);
    nd_decref(c);

    NdArray *a = f64(2, SHAPE(4, 4), M4);
    NdArray *a32 = nd_astype(a, ND_FLOAT32, ND_CAST_UNSAFE, true);
    x = nd_linalg_inv(a32);
    ck_assert_int_eq(x->dtype, ND_FLOAT32);
    I = eye_like(a);
    p = nd_matmul(a32, x);
    ck_assert_double_le(max_diff(p, I), 1e-5);
    nd_decref(p);
    nd_decref(I);
    nd_decref(x);
    nd_decref(a32);
    nd_decref(a);
}
END_TEST

START_TEST(test_inv_errors)
{
    NdArray *v = nd_zeros(ND_FLOAT64, 1, SHAPE(3), 'C');
    ck_assert_ptr_null(nd_linalg_inv(v));
    ck_assert_nd_error(ND_ERR_LINALG, "1-dimensional array given. Array must "
                                      "be at least two-dimensional");
    nd_decref(v);
    NdArray *r = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    ck_assert_ptr_null(nd_linalg_inv(r));
    ck_assert_nd_error(ND_ERR_LINALG,
                       "Last 2 dimensions of the array must be square");
    nd_decref(r);
    /* One singular matrix in a stack is enough. */
    double sv[8] = {1, 0, 0, 1, 1, 2, 2, 4};
    NdArray *s = f64(3, SHAPE(2, 2, 2), sv);
    ck_assert_ptr_null(nd_linalg_inv(s));
    ck_assert_nd_error(ND_ERR_LINALG, "Singular matrix");
    nd_decref(s);
    NdArray *e = nd_zeros(ND_FLOAT64, 3, SHAPE(3, 0, 0), 'C');
    NdArray *x = nd_linalg_inv(e);
    ck_assert_ptr_nonnull(x);
    ck_assert_int_eq(x->size, 0);
    ck_assert_int_eq(x->shape[0], 3);
    nd_decref(x);
    nd_decref(e);
}
END_TEST

START_TEST(test_interrupt)
{
    NdArray *a = f64(2, SHAPE(4, 4), M4);
    nd_interrupt_requested = 1;
    ck_assert_ptr_null(nd_linalg_inv(a));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_INTERRUPT);
    nd_error_clear();
    nd_interrupt_requested = 0;
    nd_decref(a);
}
END_TEST

/* -------------------------------------------------------------- solve */

START_TEST(test_solve_numpy_doc)
{
    /* x0 + 2 x1 = 1, 3 x0 + 5 x1 = 2: x = (-1, 1). */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 1, 2, 3, 5);
    NdArray *b = ARR(ND_INT64, int64_t, SHAPE(2), 1, 1, 2);
    NdArray *x = nd_linalg_solve(a, b);
    ck_assert_ptr_nonnull(x);
    ck_assert_int_eq(x->ndim, 1);
    ck_assert_int_eq(x->dtype, ND_FLOAT64);
    NdArray *want = f64(1, SHAPE(2), (const double[]){-1, 1});
    ck_assert_double_le(max_diff(x, want), 1e-15);
    nd_decref(want);
    nd_decref(x);
    nd_decref(b);
    nd_decref(a);
}
END_TEST

START_TEST(test_solve_residuals)
{
    NdArray *a = f64(2, SHAPE(4, 4), M4);
    double bv[12];
    for (int i = 0; i < 12; i++)
        bv[i] = i * 0.5 - 2;
    NdArray *b = f64(2, SHAPE(4, 3), bv);
    NdArray *x = nd_linalg_solve(a, b);
    ck_assert_int_eq(x->ndim, 2);
    ck_assert_int_eq(x->shape[1], 3);
    NdArray *r = nd_matmul(a, x);
    ck_assert_double_le(max_diff(r, b), 1e-13);
    nd_decref(r);
    nd_decref(x);
    /* A transposed (F-ordered) b and a transposed a. */
    NdArray *bt0 = f64(2, SHAPE(3, 4), bv);
    NdArray *bt = nd_transpose(bt0, NULL, 0);
    NdArray *at = nd_transpose(a, NULL, 0);
    x = nd_linalg_solve(at, bt);
    r = nd_matmul(at, x);
    ck_assert_double_le(max_diff(r, bt), 1e-13);
    nd_decref(r);
    nd_decref(x);
    nd_decref(at);
    nd_decref(bt);
    nd_decref(bt0);
    nd_decref(b);
    nd_decref(a);
}
END_TEST

START_TEST(test_solve_broadcast)
{
    /* a (2, 1, 4, 4) against b (3, 4, 2): x is (2, 3, 4, 2). */
    double av[32];
    for (int i = 0; i < 16; i++) {
        av[i] = M4[i];
        av[16 + i] = M4[15 - i] + (i % 5 == 0 ? 10 : 0);
    }
    NdArray *a = f64(4, SHAPE(2, 1, 4, 4), av);
    double bv[24];
    for (int i = 0; i < 24; i++)
        bv[i] = sin(i + 1.0);
    NdArray *b = f64(3, SHAPE(3, 4, 2), bv);
    NdArray *x = nd_linalg_solve(a, b);
    ck_assert_ptr_nonnull(x);
    ck_assert_int_eq(x->ndim, 4);
    ck_assert_int_eq(x->shape[0], 2);
    ck_assert_int_eq(x->shape[1], 3);
    ck_assert_int_eq(x->shape[2], 4);
    ck_assert_int_eq(x->shape[3], 2);
    NdArray *r = nd_matmul(a, x);
    NdArray *bb = nd_broadcast_to(b, 4, SHAPE(2, 3, 4, 2));
    ck_assert_double_le(max_diff(r, bb), 1e-13);
    nd_decref(bb);
    nd_decref(r);
    nd_decref(x);
    /* A 1-d b is one vector for every matrix of a's stack. */
    NdArray *v = f64(1, SHAPE(4), bv);
    x = nd_linalg_solve(a, v);
    ck_assert_int_eq(x->ndim, 3);
    ck_assert_int_eq(x->shape[2], 4);
    nd_decref(x);
    nd_decref(v);
    nd_decref(b);
    nd_decref(a);
}
END_TEST

START_TEST(test_solve_complex_float32)
{
    nd_complex128 cv[4] = {{2, 1}, {0, 1}, {1, 0}, {3, -1}};
    nd_complex128 bv[2] = {{1, 0}, {0, 2}};
    NdArray *a = nd_from_data(ND_COMPLEX128, 2, SHAPE(2, 2), cv, 4);
    NdArray *b = nd_from_data(ND_COMPLEX128, 1, SHAPE(2), bv, 2);
    NdArray *x = nd_linalg_solve(a, b);
    ck_assert_int_eq(x->dtype, ND_COMPLEX128);
    NdArray *r = nd_matmul(a, x);
    ck_assert_double_le(max_diff(r, b), 1e-15);
    nd_decref(r);
    nd_decref(x);
    /* float32 with float32 stays float32; with float64 or int8 it is
     * float64 (NumPy's _commonType). */
    NdArray *a32 = nd_astype(a, ND_COMPLEX64, ND_CAST_UNSAFE, true);
    NdArray *b32 = nd_astype(b, ND_COMPLEX64, ND_CAST_UNSAFE, true);
    x = nd_linalg_solve(a32, b32);
    ck_assert_int_eq(x->dtype, ND_COMPLEX64);
    nd_decref(x);
    NdArray *f = nd_eye(2, -1, 0, ND_FLOAT32);
    NdArray *i8 = ARR(ND_INT8, int8_t, SHAPE(2), 1, 3, 4);
    x = nd_linalg_solve(f, i8);
    ck_assert_int_eq(x->dtype, ND_FLOAT64);
    nd_decref(x);
    nd_decref(i8);
    nd_decref(f);
    nd_decref(b32);
    nd_decref(a32);
    nd_decref(b);
    nd_decref(a);
}
END_TEST

START_TEST(test_solve_errors)
{
    NdArray *a = nd_eye(3, -1, 0, ND_FLOAT64);
    NdArray *b2 = nd_ones(ND_FLOAT64, 2, SHAPE(2, 2), 'C');
    ck_assert_ptr_null(nd_linalg_solve(a, b2));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "solve: Input operand 1 has a mismatch in its core "
                       "dimension 0, with gufunc signature (m,m),(m,n)->(m,n) "
                       "(size 2 is different from 3)");
    NdArray *b1 = nd_ones(ND_FLOAT64, 1, SHAPE(2), 'C');
    ck_assert_ptr_null(nd_linalg_solve(a, b1));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "solve1: Input operand 1 has a mismatch in its core "
                       "dimension 0, with gufunc signature (m,m),(m)->(m) "
                       "(size 2 is different from 3)");
    NdArray *b0 = nd_ones(ND_FLOAT64, 0, NULL, 'C');
    ck_assert_ptr_null(nd_linalg_solve(a, b0));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "solve: Input operand 1 does not have enough "
                       "dimensions (has 0, gufunc core with signature "
                       "(m,m),(m,n)->(m,n) requires 2)");
    NdArray *sa = nd_ones(ND_FLOAT64, 3, SHAPE(2, 3, 3), 'C');
    NdArray *sb = nd_ones(ND_FLOAT64, 4, SHAPE(5, 4, 3, 1), 'C');
    ck_assert_ptr_null(nd_linalg_solve(sa, sb));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "operands could not be broadcast together with "
                       "remapped shapes [original->remapped]: "
                       "(2,3,3)->(2,newaxis,newaxis) "
                       "(5,4,3,1)->(5,4,newaxis,newaxis)  and requested "
                       "shape (3,1)");
    ck_assert_ptr_null(nd_linalg_solve(sa, b2));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "solve: Input operand 1 has a mismatch in its core "
                       "dimension 0, with gufunc signature (m,m),(m,n)->(m,n) "
                       "(size 2 is different from 3)");
    /* Singular a: "Singular matrix", whatever b. */
    NdArray *z = nd_zeros(ND_FLOAT64, 2, SHAPE(3, 3), 'C');
    NdArray *b3 = nd_ones(ND_FLOAT64, 1, SHAPE(3), 'C');
    ck_assert_ptr_null(nd_linalg_solve(z, b3));
    ck_assert_nd_error(ND_ERR_LINALG, "Singular matrix");
    ck_assert_ptr_null(nd_linalg_solve(b3, b3));
    ck_assert_nd_error(ND_ERR_LINALG, "1-dimensional array given. Array must "
                                      "be at least two-dimensional");
    nd_decref(b3);
    nd_decref(z);
    nd_decref(sb);
    nd_decref(sa);
    nd_decref(b0);
    nd_decref(b1);
    nd_decref(b2);
    nd_decref(a);
}
END_TEST

/* -------------------------------------------------------- det/slogdet */

START_TEST(test_det_numpy_doc)
{
    /* NumPy's documented -2.0000000000000004 (via sign * exp(log)). */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 1, 2, 3, 4);
    NdArray *d = nd_linalg_det(a);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->ndim, 0);
    ck_assert_int_eq(d->dtype, ND_FLOAT64);
    ck_assert_double_eq(scalar_f(d), -2.0000000000000004);
    nd_decref(d);
    nd_decref(a);
    NdArray *s = ARR(ND_INT64, int64_t, SHAPE(3, 2, 2), 3, 1, 2, 3, 4, 1, 2, 2,
                     1, 1, 3, 3, 1);
    d = nd_linalg_det(s);
    ck_assert_int_eq(d->ndim, 1);
    ck_assert_int_eq(d->shape[0], 3);
    NdArray *want = f64(1, SHAPE(3), (const double[]){-2, -3, -8});
    ck_assert_double_le(max_diff(d, want), 1e-14);
    nd_decref(want);
    nd_decref(d);
    nd_decref(s);
}
END_TEST

START_TEST(test_det_triangular_permutation)
{
    /* Upper triangular: the product of the diagonal, 2 * -3 * 0.5 * 4. */
    double u[16] = {2, 7, -1, 5, 0, -3, 8, 1, 0, 0, 0.5, 9, 0, 0, 0, 4};
    NdArray *a = f64(2, SHAPE(4, 4), u);
    NdArray *d = nd_linalg_det(a);
    ck_assert_double_eq_tol(scalar_f(d), -12.0, 1e-13);
    nd_decref(d);
    /* Its transpose (lower triangular, a non-contiguous view). */
    NdArray *t = nd_transpose(a, NULL, 0);
    d = nd_linalg_det(t);
    ck_assert_double_eq_tol(scalar_f(d), -12.0, 1e-13);
    nd_decref(d);
    nd_decref(t);
    nd_decref(a);
    /* Permutation matrices: an odd (one swap) and an even (3-cycle) one. */
    double p[18] = {0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0};
    NdArray *ps = f64(3, SHAPE(2, 3, 3), p);
    d = nd_linalg_det(ps);
    NdArray *want = f64(1, SHAPE(2), (const double[]){-1, 1});
    ck_assert_double_eq(max_diff(d, want), 0);
    nd_decref(want);
    nd_decref(d);
    NdArray *sign, *logdet;
    ck_assert_int_eq(nd_linalg_slogdet(ps, &sign, &logdet), 0);
    want = f64(1, SHAPE(2), (const double[]){-1, 1});
    ck_assert_double_eq(max_diff(sign, want), 0);
    nd_decref(want);
    want = nd_zeros(ND_FLOAT64, 1, SHAPE(2), 'C');
    ck_assert_double_eq(max_diff(logdet, want), 0);
    nd_decref(want);
    nd_decref(sign);
    nd_decref(logdet);
    nd_decref(ps);
}
END_TEST

START_TEST(test_slogdet)
{
    NdArray *a = f64(2, SHAPE(2, 2), (const double[]){1, 2, 3, 4});
    NdArray *sign, *logdet;
    ck_assert_int_eq(nd_linalg_slogdet(a, &sign, &logdet), 0);
    ck_assert_int_eq(sign->ndim, 0);
    ck_assert_double_eq(scalar_f(sign), -1);
    ck_assert_double_eq_tol(scalar_f(logdet), log(2.0), 1e-15);
    nd_decref(sign);
    nd_decref(logdet);
    nd_decref(a);
    /* Singular: sign 0, logabsdet -inf; det 0. */
    NdArray *z = f64(2, SHAPE(2, 2), (const double[]){1, 2, 2, 4});
    ck_assert_int_eq(nd_linalg_slogdet(z, &sign, &logdet), 0);
    ck_assert_double_eq(scalar_f(sign), 0);
    ck_assert(isinf(scalar_f(logdet)) && scalar_f(logdet) < 0);
    nd_decref(sign);
    nd_decref(logdet);
    NdArray *d = nd_linalg_det(z);
    ck_assert_double_eq(scalar_f(d), 0);
    nd_decref(d);
    nd_decref(z);
    /* A huge determinant overflows det but not slogdet: 1e200 * I(3). */
    NdArray *h = nd_eye(3, -1, 0, ND_FLOAT64);
    NdArray *k =
        nd_from_scalar(&(NdScalar){.dtype = ND_FLOAT64, .v.f64 = 1e200});
    NdArray *hk = nd_binary(ND_UF_MULTIPLY, h, k);
    ck_assert_int_eq(nd_linalg_slogdet(hk, &sign, &logdet), 0);
    ck_assert_double_eq(scalar_f(sign), 1);
    ck_assert_double_eq_tol(scalar_f(logdet), 600 * log(10.0), 1e-10);
    nd_decref(sign);
    nd_decref(logdet);
    nd_decref(hk);
    nd_decref(k);
    nd_decref(h);
    /* The empty matrix: det 1. */
    NdArray *e = nd_zeros(ND_FLOAT64, 2, SHAPE(0, 0), 'C');
    d = nd_linalg_det(e);
    ck_assert_double_eq(scalar_f(d), 1);
    nd_decref(d);
    nd_decref(e);
    nd_fpe_clear();
}
END_TEST

START_TEST(test_det_complex_float32)
{
    /* det [[1+i, 5], [0, 2]] = 2+2i; slogdet: sign (1+i)/sqrt2. */
    nd_complex128 cv[4] = {{1, 1}, {5, 0}, {0, 0}, {2, 0}};
    NdArray *c = nd_from_data(ND_COMPLEX128, 2, SHAPE(2, 2), cv, 4);
    NdArray *d = nd_linalg_det(c);
    ck_assert_int_eq(d->dtype, ND_COMPLEX128);
    nd_complex128 v = scalar_c(d);
    ck_assert_double_eq_tol(v.re, 2, 1e-14);
    ck_assert_double_eq_tol(v.im, 2, 1e-14);
    nd_decref(d);
    NdArray *sign, *logdet;
    ck_assert_int_eq(nd_linalg_slogdet(c, &sign, &logdet), 0);
    ck_assert_int_eq(sign->dtype, ND_COMPLEX128);
    ck_assert_int_eq(logdet->dtype, ND_FLOAT64);
    v = scalar_c(sign);
    ck_assert_double_eq_tol(v.re, sqrt(0.5), 1e-15);
    ck_assert_double_eq_tol(v.im, sqrt(0.5), 1e-15);
    ck_assert_double_eq_tol(scalar_f(logdet), log(sqrt(8.0)), 1e-15);
    nd_decref(sign);
    nd_decref(logdet);
    NdArray *c64 = nd_astype(c, ND_COMPLEX64, ND_CAST_UNSAFE, true);
    ck_assert_int_eq(nd_linalg_slogdet(c64, &sign, &logdet), 0);
    ck_assert_int_eq(sign->dtype, ND_COMPLEX64);
    ck_assert_int_eq(logdet->dtype, ND_FLOAT32);
    nd_decref(sign);
    nd_decref(logdet);
    nd_decref(c64);
    nd_decref(c);
    NdArray *f = nd_eye(3, -1, 0, ND_FLOAT32);
    d = nd_linalg_det(f);
    ck_assert_int_eq(d->dtype, ND_FLOAT32);
    ck_assert_double_eq(scalar_f(d), 1);
    nd_decref(d);
    nd_decref(f);
    NdArray *b = nd_eye(2, -1, 0, ND_BOOL);
    d = nd_linalg_det(b);
    ck_assert_int_eq(d->dtype, ND_FLOAT64);
    nd_decref(d);
    nd_decref(b);
}
END_TEST

START_TEST(test_det_errors)
{
    NdArray *v = nd_zeros(ND_FLOAT64, 1, SHAPE(3), 'C');
    ck_assert_ptr_null(nd_linalg_det(v));
    ck_assert_nd_error(ND_ERR_LINALG, "1-dimensional array given. Array must "
                                      "be at least two-dimensional");
    NdArray *sign, *logdet;
    ck_assert_int_eq(nd_linalg_slogdet(v, &sign, &logdet), -1);
    ck_assert_ptr_null(sign);
    ck_assert_nd_error(ND_ERR_LINALG, "1-dimensional array given. Array must "
                                      "be at least two-dimensional");
    nd_decref(v);
    NdArray *r = nd_zeros(ND_FLOAT64, 3, SHAPE(2, 3, 2), 'C');
    ck_assert_ptr_null(nd_linalg_det(r));
    ck_assert_nd_error(ND_ERR_LINALG,
                       "Last 2 dimensions of the array must be square");
    nd_decref(r);
}
END_TEST

/* ----------------------------------------------------------- cholesky */

START_TEST(test_cholesky_identity)
{
    NdArray *a = f64(2, SHAPE(3, 3), SPD3);
    NdArray *L = nd_linalg_cholesky(a, false);
    ck_assert_ptr_nonnull(L);
    double *l = (double *)(void *)L->data;
    ck_assert(l[1] == 0 && l[2] == 0 && l[5] == 0); /* lower triangular */
    ck_assert(l[0] > 0 && l[4] > 0 && l[8] > 0);
    NdArray *Lt = nd_transpose(L, NULL, 0);
    NdArray *p = nd_matmul(L, Lt);
    ck_assert_double_le(max_diff(p, a), 1e-14);
    nd_decref(p);
    /* upper=True gives U = L^T. */
    NdArray *U = nd_linalg_cholesky(a, true);
    ck_assert_double_le(max_diff(U, Lt), 1e-15);
    nd_decref(U);
    nd_decref(Lt);
    nd_decref(L);
    /* Only the lower triangle is read: garbage above it changes nothing. */
    double g[9];
    memcpy(g, SPD3, sizeof g);
    g[1] = 100;
    g[2] = -7;
    NdArray *ga = f64(2, SHAPE(3, 3), g);
    NdArray *gl = nd_linalg_cholesky(ga, false);
    L = nd_linalg_cholesky(a, false);
    ck_assert_double_eq(max_diff(gl, L), 0);
    nd_decref(L);
    nd_decref(gl);
    nd_decref(ga);
    nd_decref(a);
}
END_TEST

START_TEST(test_cholesky_numpy_doc)
{
    /* NumPy's example: [[1, -2j], [2j, 5]] -> [[1, 0], [2j, 1]]. */
    nd_complex128 cv[4] = {{1, 0}, {0, -2}, {0, 2}, {5, 0}};
    NdArray *a = nd_from_data(ND_COMPLEX128, 2, SHAPE(2, 2), cv, 4);
    NdArray *L = nd_linalg_cholesky(a, false);
    ck_assert_int_eq(L->dtype, ND_COMPLEX128);
    nd_complex128 wv[4] = {{1, 0}, {0, 0}, {0, 2}, {1, 0}};
    NdArray *want = nd_from_data(ND_COMPLEX128, 2, SHAPE(2, 2), wv, 4);
    ck_assert_double_le(max_diff(L, want), 1e-15);
    nd_decref(want);
    nd_decref(L);
    NdArray *c64 = nd_astype(a, ND_COMPLEX64, ND_CAST_UNSAFE, true);
    L = nd_linalg_cholesky(c64, true);
    ck_assert_int_eq(L->dtype, ND_COMPLEX64);
    nd_complex128 uv[4] = {{1, 0}, {0, -2}, {0, 0}, {1, 0}};
    want = nd_from_data(ND_COMPLEX128, 2, SHAPE(2, 2), uv, 4);
    ck_assert_double_le(max_diff(L, want), 1e-6);
    nd_decref(want);
    nd_decref(L);
    nd_decref(c64);
    nd_decref(a);
}
END_TEST

START_TEST(test_cholesky_stack_errors)
{
    double v[18];
    for (int i = 0; i < 9; i++) {
        v[i] = SPD3[i];
        v[9 + i] = SPD3[i] * 2;
    }
    NdArray *a = f64(3, SHAPE(2, 3, 3), v);
    NdArray *L = nd_linalg_cholesky(a, false);
    ck_assert_int_eq(L->ndim, 3);
    NdArray *Lt = nd_transpose(L, (const int64_t[]){0, 2, 1}, 3);
    NdArray *p = nd_matmul(L, Lt);
    ck_assert_double_le(max_diff(p, a), 1e-14);
    nd_decref(p);
    nd_decref(Lt);
    nd_decref(L);
    nd_decref(a);
    NdArray *n = f64(2, SHAPE(2, 2), (const double[]){-1, 0, 0, -1});
    ck_assert_ptr_null(nd_linalg_cholesky(n, false));
    ck_assert_nd_error(ND_ERR_LINALG, "Matrix is not positive definite");
    nd_decref(n);
    NdArray *ns = f64(2, SHAPE(2, 2), (const double[]){4, 2, 7, 3});
    ck_assert_ptr_null(nd_linalg_cholesky(ns, false));
    ck_assert_nd_error(ND_ERR_LINALG, "Matrix is not positive definite");
    nd_decref(ns);
    NdArray *r = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    ck_assert_ptr_null(nd_linalg_cholesky(r, false));
    ck_assert_nd_error(ND_ERR_LINALG,
                       "Last 2 dimensions of the array must be square");
    nd_decref(r);
    NdArray *i = ARR(ND_INT32, int32_t, SHAPE(2, 2), 2, 4, 2, 2, 3);
    L = nd_linalg_cholesky(i, false);
    ck_assert_int_eq(L->dtype, ND_FLOAT64);
    ck_assert_double_eq(((double *)(void *)L->data)[0], 2);
    ck_assert_double_eq(((double *)(void *)L->data)[2], 1);
    ck_assert_double_eq_tol(((double *)(void *)L->data)[3], sqrt(2.0), 1e-15);
    nd_decref(L);
    nd_decref(i);
}
END_TEST

/* ----------------------------------------------------------------- norm */

static double norm_val(NdArray *x, NdNormOrd ord, const int *axes, int n)
{
    NdArray *r = nd_linalg_norm(x, ord, axes, n, false);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 0);
    nd_complex128 *v = as_c128(r);
    double d = v[0].re;
    free(v);
    nd_decref(r);
    return d;
}

#define ORD(k, p) ((NdNormOrd){(k), (p), NULL})

START_TEST(test_norm_by_hand)
{
    /* NumPy's doc example: a = arange(9) - 4, b = a.reshape(3, 3). */
    double v[9];
    for (int i = 0; i < 9; i++)
        v[i] = i - 4;
    NdArray *a = f64(1, SHAPE(9), v);
    NdArray *b = f64(2, SHAPE(3, 3), v);
    ck_assert_double_eq_tol(norm_val(a, ORD(ND_NORM_NONE, 0), NULL, -1),
                            sqrt(60.0), 1e-15);
    ck_assert_double_eq_tol(norm_val(b, ORD(ND_NORM_FRO, 0), NULL, -1),
                            sqrt(60.0), 1e-15);
    ck_assert_double_eq(norm_val(a, ORD(ND_NORM_NUM, INFINITY), NULL, -1), 4);
    ck_assert_double_eq(norm_val(a, ORD(ND_NORM_NUM, -INFINITY), NULL, -1), 0);
    ck_assert_double_eq(norm_val(a, ORD(ND_NORM_NUM, 1), NULL, -1), 20);
    ck_assert_double_eq(norm_val(a, ORD(ND_NORM_NUM, 0), NULL, -1), 8);
    /* Rows of b (-4 -3 -2; -1 0 1; 2 3 4): |.| sums 9, 2, 9; columns:
     * 7, 6, 7. */
    ck_assert_double_eq(norm_val(b, ORD(ND_NORM_NUM, INFINITY), NULL, -1), 9);
    ck_assert_double_eq(norm_val(b, ORD(ND_NORM_NUM, -INFINITY), NULL, -1), 2);
    ck_assert_double_eq(norm_val(b, ORD(ND_NORM_NUM, 1), NULL, -1), 7);
    ck_assert_double_eq(norm_val(b, ORD(ND_NORM_NUM, -1), NULL, -1), 6);
    /* p = 3: (2 * (64 + 27 + 8 + 1)) ** (1/3) = 200 ** (1/3). */
    ck_assert_double_eq_tol(norm_val(a, ORD(ND_NORM_NUM, 3), NULL, -1),
                            cbrt(200.0), 1e-13);
    /* diag(3, -4, 1): singular values 4, 3, 1. */
    NdArray *d =
        f64(2, SHAPE(3, 3), (const double[]){3, 0, 0, 0, -4, 0, 0, 0, 1});
    ck_assert_double_eq_tol(norm_val(d, ORD(ND_NORM_NUC, 0), NULL, -1), 8,
                            1e-14);
    ck_assert_double_eq_tol(norm_val(d, ORD(ND_NORM_NUM, 2), NULL, -1), 4,
                            1e-14);
    ck_assert_double_eq_tol(norm_val(d, ORD(ND_NORM_NUM, -2), NULL, -1), 1,
                            1e-14);
    /* A transposed view swaps the 1 and inf norms. */
    NdArray *bt = nd_transpose(b, NULL, 0);
    ck_assert_double_eq(norm_val(bt, ORD(ND_NORM_NUM, 1), NULL, -1), 9);
    ck_assert_double_eq(norm_val(bt, ORD(ND_NORM_NUM, INFINITY), NULL, -1), 7);
    nd_decref(bt);
    nd_decref(d);
    nd_decref(b);
    nd_decref(a);
}
END_TEST

START_TEST(test_norm_axes_dtypes)
{
    /* Stack of 2x2 matrices: Frobenius norms sqrt(14), sqrt(126). */
    double v[8];
    for (int i = 0; i < 8; i++)
        v[i] = i;
    NdArray *m = f64(3, SHAPE(2, 2, 2), v);
    const int ax[2] = {1, 2};
    NdArray *r = nd_linalg_norm(m, ORD(ND_NORM_NONE, 0), ax, 2, false);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 1);
    ck_assert_int_eq(r->shape[0], 2);
    ck_assert_double_eq_tol(((double *)(void *)r->data)[0], sqrt(14.0), 1e-14);
    ck_assert_double_eq_tol(((double *)(void *)r->data)[1], sqrt(126.0), 1e-14);
    nd_decref(r);
    r = nd_linalg_norm(m, ORD(ND_NORM_NUM, 2), ax, 2, true);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 3);
    ck_assert_int_eq(r->shape[0], 2);
    ck_assert_int_eq(r->shape[1], 1);
    ck_assert_int_eq(r->shape[2], 1);
    nd_decref(r);
    const int ax1[1] = {-1};
    r = nd_linalg_norm(m, ORD(ND_NORM_NUM, 1), ax1, 1, true);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 3);
    ck_assert_int_eq(r->shape[2], 1);
    ck_assert_double_eq(((double *)(void *)r->data)[3], 13);
    nd_decref(r);
    /* complex: |3+4j| = 5; complex64 -> float32. */
    NdArray *z = nd_zeros(ND_COMPLEX64, 1, SHAPE(2), 'C');
    ((nd_complex64 *)(void *)z->data)[0] = (nd_complex64){3, 4};
    r = nd_linalg_norm(z, ORD(ND_NORM_NONE, 0), NULL, -1, false);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT32);
    ck_assert_float_eq(*(float *)(void *)r->data, 5.0f);
    nd_decref(r);
    nd_decref(z);
    nd_decref(m);
}
END_TEST

START_TEST(test_norm_errors)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 1, SHAPE(3), 'C');
    NdArray *b = nd_zeros(ND_FLOAT64, 2, SHAPE(3, 3), 'C');
    NdArray *c = nd_zeros(ND_FLOAT64, 3, SHAPE(2, 3, 3), 'C');
    ck_assert_ptr_null(nd_linalg_norm(a, ORD(ND_NORM_NUC, 0), NULL, -1, false));
    ck_assert_nd_error(ND_ERR_VALUE, "Invalid norm order 'nuc' for vectors");
    ck_assert_ptr_null(nd_linalg_norm(b, ORD(ND_NORM_NUM, 3), NULL, -1, false));
    ck_assert_nd_error(ND_ERR_VALUE, "Invalid norm order for matrices.");
    const int dup[2] = {1, -1};
    ck_assert_ptr_null(nd_linalg_norm(b, ORD(ND_NORM_NONE, 0), dup, 2, false));
    ck_assert_nd_error(ND_ERR_VALUE, "Duplicate axes given.");
    ck_assert_ptr_null(nd_linalg_norm(c, ORD(ND_NORM_NUM, 2), NULL, -1, false));
    ck_assert_nd_error(ND_ERR_VALUE, "Improper number of dimensions to norm.");
    const int bad[1] = {2};
    ck_assert_ptr_null(nd_linalg_norm(b, ORD(ND_NORM_NONE, 0), bad, 1, false));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    nd_decref(c);
    nd_decref(b);
    nd_decref(a);
}
END_TEST

/* ------------------------------------------------------------------- qr */

/* Q @ R == a, Q^H Q == I (k columns), R zero below its diagonal. */
static void check_qr(NdArray *a, const char *mode, int64_t qcols, int64_t rrows,
                     double tol)
{
    NdArray *q, *r;
    ck_assert_int_eq(nd_linalg_qr(a, mode, &q, &r), 0);
    const int nb = a->ndim - 2;
    ck_assert_int_eq(q->shape[nb], a->shape[nb]);
    ck_assert_int_eq(q->shape[nb + 1], qcols);
    ck_assert_int_eq(r->shape[nb], rrows);
    ck_assert_int_eq(r->shape[nb + 1], a->shape[nb + 1]);
    NdArray *qr = nd_matmul(q, r);
    ck_assert_ptr_nonnull(qr);
    ck_assert_double_le(max_diff(qr, a), tol);
    NdArray *qh0 = nd_swapaxes(q, -1, -2);
    NdArray *qh = nd_unary(ND_UF_CONJUGATE, qh0);
    NdArray *qq = nd_matmul(qh, q);
    NdArray *i = eye_like(qq);
    ck_assert_double_le(max_diff(qq, i), tol);
    nd_complex128 *rv = as_c128(r);
    const int64_t n = r->shape[nb + 1];
    for (int64_t e = 0; e < r->size; e++) {
        int64_t row = (e / n) % rrows, col = e % n;
        if (row > col)
            ck_assert(rv[e].re == 0 && rv[e].im == 0);
    }
    free(rv);
    nd_decref(i);
    nd_decref(qq);
    nd_decref(qh);
    nd_decref(qh0);
    nd_decref(qr);
    nd_decref(q);
    nd_decref(r);
}

START_TEST(test_qr_identities)
{
    /* [[3, 1], [4, 2]]: |R00| = 5 (the first column's norm), |R00 R11| =
     * |det| = 2. */
    NdArray *a = f64(2, SHAPE(2, 2), (const double[]){3, 1, 4, 2});
    check_qr(a, "reduced", 2, 2, 1e-14);
    NdArray *q, *r;
    ck_assert_int_eq(nd_linalg_qr(a, "r", &q, &r), 0);
    ck_assert_ptr_null(q);
    const double *rv = (const double *)(const void *)r->data;
    ck_assert_double_eq_tol(fabs(rv[0]), 5, 1e-14);
    ck_assert_double_eq_tol(fabs(rv[0] * rv[3]), 2, 1e-14);
    ck_assert_double_eq(rv[2], 0);
    nd_decref(r);
    nd_decref(a);
    /* Tall, wide, stacked, transposed. */
    double v[24];
    for (int k = 0; k < 24; k++)
        v[k] = (k * 7) % 11 - 5 + (k % 5 == 0);
    NdArray *s = f64(3, SHAPE(2, 3, 4), v);
    check_qr(s, "reduced", 3, 3, 1e-13);
    check_qr(s, "complete", 3, 3, 1e-13);
    NdArray *t = nd_swapaxes(s, -1, -2);
    check_qr(t, "reduced", 3, 3, 1e-13);
    check_qr(t, "complete", 4, 4, 1e-13);
    nd_decref(t);
    nd_decref(s);
    /* complex and float32 results */
    NdArray *z = nd_zeros(ND_COMPLEX128, 2, SHAPE(3, 2), 'C');
    nd_complex128 *zv = (nd_complex128 *)(void *)z->data;
    zv[0] = (nd_complex128){1, 1};
    zv[1] = (nd_complex128){2, 0};
    zv[2] = (nd_complex128){3, 0};
    zv[3] = (nd_complex128){0, 4};
    zv[5] = (nd_complex128){1, -2};
    check_qr(z, "complete", 3, 3, 1e-14);
    nd_decref(z);
    NdArray *f = ARR(ND_FLOAT32, float, SHAPE(2, 2), 2, 1, 2, 3, 4);
    ck_assert_int_eq(nd_linalg_qr(f, "reduced", &q, &r), 0);
    ck_assert_int_eq(q->dtype, ND_FLOAT32);
    ck_assert_int_eq(r->dtype, ND_FLOAT32);
    nd_decref(q);
    nd_decref(r);
    nd_decref(f);
}
END_TEST

START_TEST(test_qr_empty_errors)
{
    NdArray *e = nd_zeros(ND_FLOAT64, 2, SHAPE(3, 0), 'C');
    NdArray *q, *r;
    ck_assert_int_eq(nd_linalg_qr(e, "complete", &q, &r), 0);
    NdArray *i = eye_like(q);
    ck_assert_double_eq(max_diff(q, i), 0);
    ck_assert_int_eq(r->shape[0], 3);
    ck_assert_int_eq(r->shape[1], 0);
    nd_decref(i);
    nd_decref(q);
    nd_decref(r);
    ck_assert_int_eq(nd_linalg_qr(e, "bad", &q, &r), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "Unrecognized mode 'bad'");
    nd_decref(e);
    NdArray *v = nd_zeros(ND_FLOAT64, 1, SHAPE(3), 'C');
    ck_assert_int_eq(nd_linalg_qr(v, "reduced", &q, &r), -1);
    ck_assert_nd_error(ND_ERR_LINALG, "1-dimensional array given. Array must "
                                      "be at least two-dimensional");
    nd_decref(v);
}
END_TEST

/* ------------------------------------------------------------------ svd */

/* The first `cols` columns of each matrix (rows x c) of x, as complex128,
 * each column j scaled by scale[mat * k + j] (scale NULL: by 1). */
static NdArray *first_cols(NdArray *x, int64_t cols, const nd_complex128 *scale,
                           int64_t k)
{
    const int nb = x->ndim - 2;
    const int64_t rows = x->shape[nb], c = x->shape[nb + 1];
    nd_complex128 *xv = as_c128(x);
    int64_t sh[ND_MAXDIMS];
    memcpy(sh, x->shape, sizeof(int64_t) * (size_t)x->ndim);
    sh[nb + 1] = cols;
    NdArray *out = nd_zeros(ND_COMPLEX128, x->ndim, sh, 'C');
    ck_assert_ptr_nonnull(out);
    nd_complex128 *ov = (nd_complex128 *)(void *)out->data;
    for (int64_t e = 0; e < out->size; e++) {
        int64_t col = e % cols, row = (e / cols) % rows,
                mat = e / (cols * rows);
        nd_complex128 v = xv[(mat * rows + row) * c + col];
        double f = scale ? scale[mat * k + col].re : 1.0;
        ov[e] = (nd_complex128){v.re * f, v.im * f};
    }
    free(xv);
    return out;
}

/* U[..., :K] @ (S[..., None] * Vh[..., :K, :]) == a; U^H U == I;
 * Vh Vh^H == I; S descending and >= 0. */
static void check_svd(NdArray *a, bool full, double tol)
{
    NdArray *u, *s, *vh;
    ck_assert_int_eq(nd_linalg_svd(a, full, true, &u, &s, &vh), 0);
    const int nb = a->ndim - 2;
    const int64_t m = a->shape[nb], n = a->shape[nb + 1];
    const int64_t k = m < n ? m : n;
    ck_assert_int_eq(u->shape[nb + 1], full ? m : k);
    ck_assert_int_eq(vh->shape[nb], full ? n : k);
    ck_assert_int_eq(s->shape[nb], k);
    nd_complex128 *sv = as_c128(s);
    for (int64_t e = 0; e < s->size; e++) {
        ck_assert(sv[e].re >= 0);
        if (e % k)
            ck_assert(sv[e].re <= sv[e - 1].re);
    }
    /* U[..., :K] * S, and Vh[..., :K, :] as the first K columns of Vh^T,
     * transposed back. */
    NdArray *us = first_cols(u, k, sv, k);
    NdArray *vt = nd_swapaxes(vh, -1, -2);
    NdArray *vk0 = first_cols(vt, k, NULL, k);
    NdArray *vk = nd_swapaxes(vk0, -1, -2);
    NdArray *rebuilt = nd_matmul(us, vk);
    ck_assert_ptr_nonnull(rebuilt);
    ck_assert_double_le(max_diff(rebuilt, a), tol);
    /* Orthonormal columns of U and rows of Vh. */
    NdArray *uh0 = nd_swapaxes(u, -1, -2), *uh = nd_unary(ND_UF_CONJUGATE, uh0);
    NdArray *uu = nd_matmul(uh, u), *iu = eye_like(uu);
    ck_assert_double_le(max_diff(uu, iu), tol);
    NdArray *vc = nd_unary(ND_UF_CONJUGATE, vt);
    NdArray *vv = nd_matmul(vh, vc), *iv = eye_like(vv);
    ck_assert_double_le(max_diff(vv, iv), tol);
    nd_decref(iv);
    nd_decref(vv);
    nd_decref(vc);
    nd_decref(iu);
    nd_decref(uu);
    nd_decref(uh);
    nd_decref(uh0);
    nd_decref(rebuilt);
    nd_decref(vk);
    nd_decref(vk0);
    nd_decref(vt);
    nd_decref(us);
    free(sv);
    nd_decref(u);
    nd_decref(s);
    nd_decref(vh);
}

START_TEST(test_svd_identities)
{
    /* [[3, 0], [0, -4], [0, 0]]: singular values 4, 3 by hand. */
    NdArray *a = f64(2, SHAPE(3, 2), (const double[]){3, 0, 0, -4, 0, 0});
    NdArray *u, *s, *vh;
    ck_assert_int_eq(nd_linalg_svd(a, true, false, &u, &s, &vh), 0);
    ck_assert_ptr_null(u);
    ck_assert_ptr_null(vh);
    ck_assert_double_eq_tol(((double *)(void *)s->data)[0], 4, 1e-15);
    ck_assert_double_eq_tol(((double *)(void *)s->data)[1], 3, 1e-15);
    nd_decref(s);
    check_svd(a, true, 1e-14);
    check_svd(a, false, 1e-14);
    NdArray *at = nd_swapaxes(a, -1, -2);
    check_svd(at, true, 1e-14);
    check_svd(at, false, 1e-14);
    nd_decref(at);
    nd_decref(a);
    double v[24];
    for (int k = 0; k < 24; k++)
        v[k] = (k * 7) % 11 - 5 + (k % 5 == 0);
    NdArray *st = f64(3, SHAPE(2, 3, 4), v);
    check_svd(st, false, 1e-13);
    check_svd(st, true, 1e-13);
    nd_decref(st);
    NdArray *z = nd_zeros(ND_COMPLEX128, 2, SHAPE(3, 2), 'C');
    nd_complex128 *zv = (nd_complex128 *)(void *)z->data;
    zv[0] = (nd_complex128){1, 1};
    zv[1] = (nd_complex128){2, 0};
    zv[2] = (nd_complex128){3, 0};
    zv[3] = (nd_complex128){0, 4};
    zv[5] = (nd_complex128){1, -2};
    check_svd(z, false, 1e-14);
    check_svd(z, true, 1e-14);
    nd_decref(z);
    NdArray *f =
        ARR(ND_COMPLEX64, nd_complex64, SHAPE(1, 1), 2, ((nd_complex64){3, 4}));
    ck_assert_int_eq(nd_linalg_svd(f, true, true, &u, &s, &vh), 0);
    ck_assert_int_eq(u->dtype, ND_COMPLEX64);
    ck_assert_int_eq(s->dtype, ND_FLOAT32);
    ck_assert_float_eq_tol(*(float *)(void *)s->data, 5.0f, 1e-6f);
    nd_decref(u);
    nd_decref(s);
    nd_decref(vh);
    nd_decref(f);
}
END_TEST

START_TEST(test_svd_empty_errors)
{
    NdArray *e = nd_zeros(ND_FLOAT64, 2, SHAPE(0, 3), 'C');
    NdArray *u, *s, *vh;
    ck_assert_int_eq(nd_linalg_svd(e, true, true, &u, &s, &vh), 0);
    ck_assert_int_eq(s->size, 0);
    NdArray *i = eye_like(vh);
    ck_assert_double_eq(max_diff(vh, i), 0);
    nd_decref(i);
    nd_decref(u);
    nd_decref(s);
    nd_decref(vh);
    nd_decref(e);
    NdArray *v = nd_zeros(ND_FLOAT64, 1, SHAPE(3), 'C');
    ck_assert_int_eq(nd_linalg_svd(v, true, true, &u, &s, &vh), -1);
    ck_assert_nd_error(ND_ERR_LINALG, "1-dimensional array given. Array must "
                                      "be at least two-dimensional");
    nd_decref(v);
}
END_TEST

/* ----------------------------------------------------------------- eigh */

/* A V == V diag(W), V^H V == I, W ascending. */
static void check_eigh(NdArray *a, char uplo, double tol)
{
    NdArray *w, *v;
    ck_assert_int_eq(nd_linalg_eigh(a, uplo, &w, &v), 0);
    const int nb = a->ndim - 2;
    const int64_t n = a->shape[nb];
    ck_assert_int_eq(w->ndim, nb + 1);
    NdArray *av = nd_matmul(a, v);
    /* v * w[..., None, :] scales column i by w[i]. */
    NdArray *we = nd_expand_dims(w, (const int64_t[]){-2}, 1);
    NdArray *vw = nd_binary(ND_UF_MULTIPLY, v, we);
    ck_assert_double_le(max_diff(av, vw), tol);
    NdArray *vt0 = nd_swapaxes(v, -1, -2), *vh = nd_unary(ND_UF_CONJUGATE, vt0);
    NdArray *vv = nd_matmul(vh, v), *i = eye_like(vv);
    ck_assert_double_le(max_diff(vv, i), tol);
    nd_complex128 *wv = as_c128(w);
    for (int64_t e = 0; e < w->size; e++)
        if (e % n)
            ck_assert(wv[e].re >= wv[e - 1].re);
    free(wv);
    nd_decref(i);
    nd_decref(vv);
    nd_decref(vh);
    nd_decref(vt0);
    nd_decref(vw);
    nd_decref(we);
    nd_decref(av);
    nd_decref(w);
    nd_decref(v);
}

START_TEST(test_eigh_identities)
{
    /* NumPy's example [[1, -2j], [2j, 5]]: trace 6, det 1, so the
     * eigenvalues are 3 -+ sqrt(8). */
    NdArray *z = nd_zeros(ND_COMPLEX128, 2, SHAPE(2, 2), 'C');
    nd_complex128 *zv = (nd_complex128 *)(void *)z->data;
    zv[0] = (nd_complex128){1, 0};
    zv[1] = (nd_complex128){0, -2};
    zv[2] = (nd_complex128){0, 2};
    zv[3] = (nd_complex128){5, 0};
    NdArray *w;
    ck_assert_int_eq(nd_linalg_eigh(z, 'L', &w, NULL), 0);
    ck_assert_int_eq(w->dtype, ND_FLOAT64);
    ck_assert_double_eq_tol(((double *)(void *)w->data)[0], 3 - sqrt(8.0),
                            1e-14);
    ck_assert_double_eq_tol(((double *)(void *)w->data)[1], 3 + sqrt(8.0),
                            1e-14);
    nd_decref(w);
    check_eigh(z, 'L', 1e-14);
    check_eigh(z, 'U', 1e-14);
    nd_decref(z);
    /* Only the named triangle is read: junk above the diagonal. */
    NdArray *l =
        f64(2, SHAPE(3, 3), (const double[]){2, 100, 100, 1, 3, 100, 0, 1, 4});
    NdArray *s =
        f64(2, SHAPE(3, 3), (const double[]){2, 1, 0, 1, 3, 1, 0, 1, 4});
    NdArray *wl, *ws;
    ck_assert_int_eq(nd_linalg_eigh(l, 'L', &wl, NULL), 0);
    ck_assert_int_eq(nd_linalg_eigh(s, 'U', &ws, NULL), 0);
    ck_assert_double_le(max_diff(wl, ws), 1e-14);
    NdArray *lt = nd_swapaxes(l, 0, 1), *wu;
    ck_assert_int_eq(nd_linalg_eigh(lt, 'U', &wu, NULL), 0);
    ck_assert_double_le(max_diff(wu, ws), 1e-14);
    nd_decref(wu);
    nd_decref(lt);
    nd_decref(wl);
    nd_decref(ws);
    check_eigh(s, 'L', 1e-13);
    nd_decref(l);
    /* A stack. */
    double v[18];
    const double sv[9] = {2, 1, 0, 1, 3, 1, 0, 1, 4};
    for (int k = 0; k < 9; k++) {
        v[k] = sv[k];
        v[9 + k] = 2 * sv[k] + (k % 4 == 0);
    }
    NdArray *st = f64(3, SHAPE(2, 3, 3), v);
    check_eigh(st, 'L', 1e-13);
    nd_decref(st);
    nd_decref(s);
    NdArray *f = ARR(ND_FLOAT32, float, SHAPE(2, 2), 2, 2, 1, 1, 2);
    NdArray *fv;
    ck_assert_int_eq(nd_linalg_eigh(f, 'L', &w, &fv), 0);
    ck_assert_int_eq(w->dtype, ND_FLOAT32);
    ck_assert_int_eq(fv->dtype, ND_FLOAT32);
    ck_assert_float_eq_tol(((float *)(void *)w->data)[0], 1.0f, 1e-6f);
    ck_assert_float_eq_tol(((float *)(void *)w->data)[1], 3.0f, 1e-6f);
    nd_decref(w);
    nd_decref(fv);
    nd_decref(f);
}
END_TEST

START_TEST(test_eigh_errors)
{
    NdArray *e = nd_zeros(ND_FLOAT64, 2, SHAPE(0, 0), 'C'), *w, *v;
    ck_assert_int_eq(nd_linalg_eigh(e, 'L', &w, &v), 0);
    ck_assert_int_eq(w->size, 0);
    ck_assert_int_eq(v->ndim, 2);
    nd_decref(w);
    nd_decref(v);
    ck_assert_int_eq(nd_linalg_eigh(e, 'X', &w, &v), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "UPLO argument must be 'L' or 'U'");
    nd_decref(e);
    NdArray *r = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    ck_assert_int_eq(nd_linalg_eigh(r, 'L', &w, NULL), -1);
    ck_assert_nd_error(ND_ERR_LINALG,
                       "Last 2 dimensions of the array must be square");
    nd_decref(r);
}
END_TEST

/* ------------------------------------------------------ rank and pinv */

static int64_t rank_of(NdArray *a, const double *tol, const double *rtol)
{
    NdArray *r = nd_linalg_matrix_rank(a, tol, rtol, false);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_INT64);
    int64_t v = *(int64_t *)(void *)r->data;
    nd_decref(r);
    return v;
}

START_TEST(test_matrix_rank)
{
    /* eye(4) has rank 4; zeroing one diagonal entry drops it to 3. */
    NdArray *i = nd_zeros(ND_FLOAT64, 2, SHAPE(4, 4), 'C');
    double *d = (double *)(void *)i->data;
    for (int k = 0; k < 4; k++)
        d[k * 5] = 1;
    ck_assert_int_eq(rank_of(i, NULL, NULL), 4);
    d[15] = 0;
    ck_assert_int_eq(rank_of(i, NULL, NULL), 3);
    nd_decref(i);
    /* An outer product has rank 1; 1-d: 1 unless all zero. */
    NdArray *o = f64(2, SHAPE(3, 2), (const double[]){4, 5, 8, 10, 12, 15});
    ck_assert_int_eq(rank_of(o, NULL, NULL), 1);
    nd_decref(o);
    NdArray *v = nd_zeros(ND_FLOAT64, 1, SHAPE(4), 'C');
    ck_assert_int_eq(rank_of(v, NULL, NULL), 0);
    ((double *)(void *)v->data)[2] = -1;
    ck_assert_int_eq(rank_of(v, NULL, NULL), 1);
    nd_decref(v);
    /* diag(1, 1e-3, 1e-9) against tolerances. */
    NdArray *dg =
        f64(2, SHAPE(3, 3), (const double[]){1, 0, 0, 0, 1e-3, 0, 0, 0, 1e-9});
    ck_assert_int_eq(rank_of(dg, NULL, NULL), 3);
    const double t = 1e-2, rt = 1e-6;
    ck_assert_int_eq(rank_of(dg, &t, NULL), 1);
    ck_assert_int_eq(rank_of(dg, NULL, &rt), 2);
    nd_decref(dg);
    /* Stacks: one rank per matrix. */
    NdArray *st = nd_zeros(ND_FLOAT64, 3, SHAPE(2, 2, 2), 'C');
    double *sd = (double *)(void *)st->data;
    sd[0] = sd[3] = 1;
    sd[4] = sd[5] = sd[6] = sd[7] = 2;
    NdArray *r = nd_linalg_matrix_rank(st, NULL, NULL, false);
    ck_assert_int_eq(r->ndim, 1);
    ck_assert_int_eq(((int64_t *)(void *)r->data)[0], 2);
    ck_assert_int_eq(((int64_t *)(void *)r->data)[1], 1);
    nd_decref(r);
    nd_decref(st);
}
END_TEST

START_TEST(test_pinv)
{
    /* Penrose: a B a == a, B a B == B, for a 3 x 2 of rank 2. */
    NdArray *a = f64(2, SHAPE(3, 2), (const double[]){1, 2, 3, 4, 5, 6});
    NdArray *b = nd_linalg_pinv(a, 1e-15, false);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->shape[0], 2);
    ck_assert_int_eq(b->shape[1], 3);
    NdArray *ab = nd_matmul(a, b), *aba = nd_matmul(ab, a);
    NdArray *ba = nd_matmul(b, a), *bab = nd_matmul(ba, b);
    ck_assert_double_le(max_diff(aba, a), 1e-13);
    ck_assert_double_le(max_diff(bab, b), 1e-13);
    /* B a is the 2 x 2 identity (full column rank). */
    NdArray *i2 = eye_like(ba);
    ck_assert_double_le(max_diff(ba, i2), 1e-13);
    nd_decref(i2);
    nd_decref(bab);
    nd_decref(ba);
    nd_decref(aba);
    nd_decref(ab);
    nd_decref(b);
    nd_decref(a);
    /* diag(2, 0) -> diag(0.5, 0): the zero singular value is cut. */
    NdArray *d = f64(2, SHAPE(2, 2), (const double[]){2, 0, 0, 0});
    NdArray *p = nd_linalg_pinv(d, 1e-15, false);
    NdArray *e = f64(2, SHAPE(2, 2), (const double[]){0.5, 0, 0, 0});
    ck_assert_double_le(max_diff(p, e), 1e-15);
    nd_decref(e);
    nd_decref(p);
    nd_decref(d);
    NdArray *z = nd_zeros(ND_FLOAT32, 2, SHAPE(0, 3), 'C');
    p = nd_linalg_pinv(z, 1e-15, false);
    ck_assert_int_eq(p->dtype, ND_FLOAT32);
    ck_assert_int_eq(p->shape[0], 3);
    ck_assert_int_eq(p->shape[1], 0);
    nd_decref(p);
    nd_decref(z);
    NdArray *v = nd_zeros(ND_FLOAT64, 1, SHAPE(3), 'C');
    ck_assert_ptr_null(nd_linalg_pinv(v, 1e-15, false));
    ck_assert_nd_error(ND_ERR_LINALG, "1-dimensional array given. Array must "
                                      "be at least two-dimensional");
    nd_decref(v);
}
END_TEST

/* --------------------------------------------------------- matrix_power */

START_TEST(test_matrix_power)
{
    /* Fibonacci: [[1, 1], [1, 0]]^10 == [[F11, F10], [F10, F9]] =
     * [[89, 55], [55, 34]], exactly, in int64. */
    NdArray *f = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 1, 1, 1, 0);
    NdArray *p = nd_linalg_matrix_power(f, 10);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p->dtype, ND_INT64);
    const int64_t *pv = (const int64_t *)(const void *)p->data;
    ck_assert_int_eq(pv[0], 89);
    ck_assert_int_eq(pv[1], 55);
    ck_assert_int_eq(pv[2], 55);
    ck_assert_int_eq(pv[3], 34);
    nd_decref(p);
    /* n == 0: the identity, of a's dtype. */
    p = nd_linalg_matrix_power(f, 0);
    ck_assert_int_eq(p->dtype, ND_INT64);
    pv = (const int64_t *)(const void *)p->data;
    ck_assert(pv[0] == 1 && pv[1] == 0 && pv[2] == 0 && pv[3] == 1);
    nd_decref(p);
    /* n < 0: F^-2 @ F^2 == I. */
    NdArray *m = nd_linalg_matrix_power(f, -2),
            *q = nd_linalg_matrix_power(f, 2);
    NdArray *mq = nd_matmul(m, q), *i = eye_like(mq);
    ck_assert_int_eq(m->dtype, ND_FLOAT64);
    ck_assert_double_le(max_diff(mq, i), 1e-14);
    nd_decref(i);
    nd_decref(mq);
    nd_decref(q);
    nd_decref(m);
    nd_decref(f);
    NdArray *z = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 2), 'C');
    ck_assert_ptr_null(nd_linalg_matrix_power(z, -1));
    ck_assert_nd_error(ND_ERR_LINALG, "Singular matrix");
    nd_decref(z);
    NdArray *r = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    ck_assert_ptr_null(nd_linalg_matrix_power(r, 2));
    ck_assert_nd_error(ND_ERR_LINALG,
                       "Last 2 dimensions of the array must be square");
    nd_decref(r);
}
END_TEST

/* ------------------------------------------------------------ eig */

/* Check a @ v == v * w (each column v[:, i] an eigenvector for w[i]),
 * unit columns, and eigvals == eig's w; returns the results' dtype. */
static NdType check_eig(NdArray *a, double tol)
{
    NdArray *w, *v, *w2;
    ck_assert_int_eq(nd_linalg_eig(a, &w, &v), 0);
    ck_assert_int_eq(nd_linalg_eig(a, &w2, NULL), 0);
    ck_assert_int_eq(w->dtype, w2->dtype);
    ck_assert_double_le(max_diff(w, w2), 0);
    ck_assert_int_eq(w->ndim, a->ndim - 1);
    ck_assert_int_eq(v->ndim, a->ndim);
    NdArray *av = nd_matmul(a, v);
    NdArray *we = nd_expand_dims(w, (const int64_t[]){-2}, 1);
    NdArray *vw = nd_binary(ND_UF_MULTIPLY, v, we);
    ck_assert_ptr_nonnull(av);
    ck_assert_ptr_nonnull(vw);
    ck_assert_double_le(max_diff(av, vw), tol);
    NdArray *nv = nd_linalg_norm(v, (NdNormOrd){ND_NORM_NONE, 0, NULL},
                                 (const int[]){-2}, 1, false);
    NdArray *one = nd_ones(ND_FLOAT64, nv->ndim, nv->shape, 'C');
    ck_assert_double_le(max_diff(nv, one), tol);
    NdType t = w->dtype;
    ck_assert_int_eq(v->dtype, t);
    nd_decref(one);
    nd_decref(nv);
    nd_decref(vw);
    nd_decref(we);
    nd_decref(av);
    nd_decref(w2);
    nd_decref(w);
    nd_decref(v);
    return t;
}

START_TEST(test_eig_real_and_complex)
{
    /* Triangular: the eigenvalues are the diagonal, all real. */
    NdArray *t =
        f64(2, SHAPE(3, 3), (const double[]){2, 1, 5, 0, 3, -1, 0, 0, -4});
    ck_assert_int_eq(check_eig(t, 1e-13), ND_FLOAT64);
    NdArray *w;
    ck_assert_int_eq(nd_linalg_eig(t, &w, NULL), 0);
    const double *wd = (const double *)(void *)w->data;
    double sum = 0, prod = 1;
    for (int i = 0; i < 3; i++) {
        sum += wd[i];
        prod *= wd[i];
    }
    ck_assert_double_eq_tol(sum, 1, 1e-13);
    ck_assert_double_eq_tol(prod, -24, 1e-12);
    nd_decref(w);
    /* A rotation by 90 degrees: eigenvalues +-i, complex results. */
    NdArray *r = f64(2, SHAPE(2, 2), (const double[]){0, -1, 1, 0});
    ck_assert_int_eq(check_eig(r, 1e-14), ND_COMPLEX128);
    ck_assert_int_eq(nd_linalg_eig(r, &w, NULL), 0);
    nd_complex128 *z = (nd_complex128 *)(void *)w->data;
    ck_assert_double_eq_tol(z[0].re, 0, 1e-15);
    ck_assert_double_eq_tol(fabs(z[0].im), 1, 1e-15);
    ck_assert_double_eq_tol(z[1].im, -z[0].im, 1e-15);
    nd_decref(w);
    /* NumPy's example [[1, -1], [1, 1]]: 1 +- 1j. */
    NdArray *e = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 1, -1, 1, 1);
    ck_assert_int_eq(nd_linalg_eig(e, &w, NULL), 0);
    z = (nd_complex128 *)(void *)w->data;
    ck_assert_int_eq(w->dtype, ND_COMPLEX128);
    ck_assert_double_eq_tol(z[0].re, 1, 1e-15);
    ck_assert_double_eq_tol(z[0].im, 1, 1e-15);
    ck_assert_double_eq_tol(z[1].im, -1, 1e-15);
    nd_decref(w);
    nd_decref(e);
    /* A stack with one real and one rotation: the whole stack is complex
     * (NumPy's rule), and the identity holds for both. */
    double v[18] = {2, 1, 5, 0, 3, -1, 0, 0, -4, 0, -1, 0, 1, 0, 0, 0, 0, 2};
    NdArray *st = f64(3, SHAPE(2, 3, 3), v);
    ck_assert_int_eq(check_eig(st, 1e-13), ND_COMPLEX128);
    /* Non-contiguous: the transposed stack and a stepped slice. */
    NdArray *tt = nd_transpose(st, (const int64_t[]){0, 2, 1}, 3);
    ck_assert_int_eq(check_eig(tt, 1e-13), ND_COMPLEX128);
    NdArray *b = f64(2, SHAPE(4, 4), M4);
    NdArray *sl = nd_view_new(b->buffer, ND_FLOAT64, 2, SHAPE(2, 2),
                              SHAPE(64, 16), b->data, true);
    ck_assert_ptr_nonnull(sl);
    check_eig(sl, 1e-13);
    check_eig(b, 1e-12);
    nd_decref(sl);
    nd_decref(b);
    nd_decref(tt);
    nd_decref(st);
    nd_decref(r);
    nd_decref(t);
}
END_TEST

START_TEST(test_eig_dtypes_errors)
{
    /* float32: float32 when real, complex64 when not. */
    NdArray *f = ARR(ND_FLOAT32, float, SHAPE(2, 2), 2, 2, 1, 1, 2);
    ck_assert_int_eq(check_eig(f, 1e-5), ND_FLOAT32);
    NdArray *fr = ARR(ND_FLOAT32, float, SHAPE(2, 2), 2, 0, -1, 1, 0);
    ck_assert_int_eq(check_eig(fr, 1e-5), ND_COMPLEX64);
    /* Complex input stays complex even with real eigenvalues. */
    NdArray *c = nd_astype(f, ND_COMPLEX128, ND_CAST_UNSAFE, false);
    ck_assert_int_eq(check_eig(c, 1e-13), ND_COMPLEX128);
    NdArray *h = nd_zeros(ND_COMPLEX128, 2, SHAPE(2, 2), 'C');
    nd_complex128 *hv = (nd_complex128 *)(void *)h->data;
    hv[0] = (nd_complex128){1, 2};
    hv[1] = (nd_complex128){0, -1};
    hv[2] = (nd_complex128){3, 0};
    hv[3] = (nd_complex128){-2, 0.5};
    ck_assert_int_eq(check_eig(h, 1e-13), ND_COMPLEX128);
    NdArray *c64 = nd_astype(h, ND_COMPLEX64, ND_CAST_UNSAFE, false);
    ck_assert_int_eq(check_eig(c64, 1e-5), ND_COMPLEX64);
    /* Empty matrices. */
    NdArray *e = nd_zeros(ND_FLOAT64, 3, SHAPE(2, 0, 0), 'C'), *w, *v;
    ck_assert_int_eq(nd_linalg_eig(e, &w, &v), 0);
    ck_assert_int_eq(w->ndim, 2);
    ck_assert_int_eq(w->shape[0], 2);
    ck_assert_int_eq(w->shape[1], 0);
    ck_assert_int_eq(w->dtype, ND_FLOAT64);
    nd_decref(w);
    nd_decref(v);
    nd_decref(e);
    /* Errors. */
    NdArray *r = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    ck_assert_int_eq(nd_linalg_eig(r, &w, &v), -1);
    ck_assert_nd_error(ND_ERR_LINALG,
                       "Last 2 dimensions of the array must be square");
    NdArray *one = nd_zeros(ND_FLOAT64, 1, SHAPE(3), 'C');
    ck_assert_int_eq(nd_linalg_eig(one, &w, NULL), -1);
    ck_assert_nd_error(ND_ERR_LINALG, "1-dimensional array given. Array must "
                                      "be at least two-dimensional");
    NdArray *nan = f64(2, SHAPE(2, 2), (const double[]){1, NAN, 0, 1});
    ck_assert_int_eq(nd_linalg_eig(nan, &w, NULL), -1);
    ck_assert_nd_error(ND_ERR_LINALG, "Array must not contain infs or NaNs");
    nd_decref(nan);
    nd_decref(one);
    nd_decref(r);
    nd_decref(c64);
    nd_decref(h);
    nd_decref(c);
    nd_decref(fr);
    nd_decref(f);
}
END_TEST

/* ----------------------------------------------------------- lstsq */

START_TEST(test_lstsq_numpy_doc)
{
    /* NumPy's example: fit y = m x + c through (0,-1) (1,.2) (2,.9)
     * (3,2.1): m = 1, c = -0.95, residual sum of squares 0.05 (residuals
     * -.05 .15 -.15 .05, worked by hand), rank 2. */
    NdArray *A = f64(2, SHAPE(4, 2), (const double[]){0, 1, 1, 1, 2, 1, 3, 1});
    NdArray *y = f64(1, SHAPE(4), (const double[]){-1, 0.2, 0.9, 2.1});
    NdArray *x, *res, *s;
    int64_t rank;
    ck_assert_int_eq(nd_linalg_lstsq(A, y, NULL, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(x->ndim, 1);
    ck_assert_int_eq(x->shape[0], 2);
    ck_assert_double_eq_tol(((double *)(void *)x->data)[0], 1.0, 1e-14);
    ck_assert_double_eq_tol(((double *)(void *)x->data)[1], -0.95, 1e-14);
    ck_assert_int_eq(res->ndim, 1);
    ck_assert_int_eq(res->shape[0], 1);
    ck_assert_double_eq_tol(((double *)(void *)res->data)[0], 0.05, 1e-14);
    ck_assert_int_eq(rank, 2);
    ck_assert_int_eq(s->shape[0], 2);
    /* s: the square roots of the eigenvalues of A^T A = [[14, 6], [6, 4]],
     * 9 +- sqrt(61). */
    ck_assert_double_eq_tol(((double *)(void *)s->data)[0],
                            sqrt(9 + sqrt(61.0)), 1e-13);
    ck_assert_double_eq_tol(((double *)(void *)s->data)[1],
                            sqrt(9 - sqrt(61.0)), 1e-13);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    nd_decref(y);
    nd_decref(A);
}
END_TEST

/* A^H A x == A^H b for a full-rank overdetermined system, and the
 * residuals equal |b - A x|^2 column by column. */
static void check_normal_equations(NdArray *A, NdArray *b, double tol)
{
    NdArray *x, *res, *s;
    int64_t rank;
    ck_assert_int_eq(nd_linalg_lstsq(A, b, NULL, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(rank, A->shape[1]);
    NdArray *ah = nd_unary(ND_UF_CONJUGATE, A);
    NdArray *aht = nd_swapaxes(ah, 0, 1);
    NdArray *ata = nd_matmul(aht, A);
    NdArray *lhs = nd_matmul(ata, x), *rhs = nd_matmul(aht, b);
    ck_assert_double_le(max_diff(lhs, rhs), tol);
    NdArray *ax = nd_matmul(A, x), *r = nd_binary(ND_UF_SUBTRACT, b, ax);
    NdArray *ra = nd_unary(ND_UF_ABSOLUTE, r);
    NdArray *r2 = nd_binary(ND_UF_MULTIPLY, ra, ra);
    NdArray *sum =
        nd_sum(r2, (const int[]){0}, 1, false, ND_NTYPES, NULL, NULL);
    if (b->ndim == 1) {
        NdArray *s1 = nd_reshape(sum, 1, SHAPE(1), 'C');
        ck_assert_double_le(max_diff(res, s1), tol);
        nd_decref(s1);
    } else
        ck_assert_double_le(max_diff(res, sum), tol);
    nd_decref(sum);
    nd_decref(r2);
    nd_decref(ra);
    nd_decref(r);
    nd_decref(ax);
    nd_decref(lhs);
    nd_decref(rhs);
    nd_decref(ata);
    nd_decref(aht);
    nd_decref(ah);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
}

START_TEST(test_lstsq_identities)
{
    const double av[15] = {1, 2, 0, 3, -1, 1, 0, 4, 2, 1, 1, 1, 2, 0, 5};
    NdArray *A = f64(2, SHAPE(5, 3), av);
    NdArray *b =
        f64(2, SHAPE(5, 2), (const double[]){1, 0, 2, 1, -1, 3, 0.5, 2, 4, -2});
    check_normal_equations(A, b, 1e-12);
    NdArray *b1 = f64(1, SHAPE(5), (const double[]){1, 2, -1, 0.5, 4});
    check_normal_equations(A, b1, 1e-12);
    /* Non-contiguous: A as the transpose of a (3, 5) array, b a stepped
     * column. */
    NdArray *at0 = f64(2, SHAPE(3, 5), av);
    NdArray *at = nd_swapaxes(at0, 0, 1);
    check_normal_equations(at, b1, 1e-12);
    NdArray *bcol = nd_view_new(b->buffer, ND_FLOAT64, 1, SHAPE(5), SHAPE(16),
                                b->data + 8, true);
    check_normal_equations(A, bcol, 1e-12);
    /* Complex and float32. */
    NdArray *ic = nd_zeros(ND_COMPLEX128, 2, SHAPE(5, 3), 'C');
    nd_complex128 *icv = (nd_complex128 *)(void *)ic->data;
    for (int i = 0; i < 15; i++)
        icv[i] = (nd_complex128){av[i], (double)(i % 4) - 1.5};
    check_normal_equations(ic, b, 1e-12);
    NdArray *x, *res, *s;
    int64_t rank;
    ck_assert_int_eq(nd_linalg_lstsq(ic, b1, NULL, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(x->dtype, ND_COMPLEX128);
    ck_assert_int_eq(res->dtype, ND_FLOAT64);
    ck_assert_int_eq(s->dtype, ND_FLOAT64);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    NdArray *af = nd_astype(A, ND_FLOAT32, ND_CAST_UNSAFE, false);
    NdArray *bf = nd_astype(b, ND_FLOAT32, ND_CAST_UNSAFE, false);
    check_normal_equations(af, bf, 1e-4);
    ck_assert_int_eq(nd_linalg_lstsq(af, bf, NULL, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(x->dtype, ND_FLOAT32);
    ck_assert_int_eq(res->dtype, ND_FLOAT32);
    ck_assert_int_eq(s->dtype, ND_FLOAT32);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    /* float32 with float64 computes and returns float64. */
    ck_assert_int_eq(nd_linalg_lstsq(af, b, NULL, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(x->dtype, ND_FLOAT64);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    nd_decref(bf);
    nd_decref(af);
    nd_decref(ic);
    nd_decref(bcol);
    nd_decref(at);
    nd_decref(at0);
    nd_decref(b1);
    nd_decref(b);
    nd_decref(A);
}
END_TEST

START_TEST(test_lstsq_rank_shapes_errors)
{
    /* Underdetermined: the minimum-norm solution pinv(A) @ b, residuals
     * empty (M <= N). */
    NdArray *A = f64(2, SHAPE(2, 3), (const double[]){1, 2, 3, 0, 1, -1});
    NdArray *b = f64(1, SHAPE(2), (const double[]){6, 0});
    NdArray *x, *res, *s;
    int64_t rank;
    ck_assert_int_eq(nd_linalg_lstsq(A, b, NULL, &x, &res, &rank, &s), 0);
    NdArray *p = nd_linalg_pinv(A, 1e-15, false), *px = nd_matmul(p, b);
    ck_assert_double_le(max_diff(x, px), 1e-13);
    ck_assert_int_eq(res->size, 0);
    ck_assert_int_eq(rank, 2);
    nd_decref(px);
    nd_decref(p);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    /* Rank-deficient overdetermined (equal columns): rank 1, residuals
     * empty, and the minimum-norm x splits evenly: x = (1, 1) for b = 2 *
     * the column. */
    NdArray *D = f64(2, SHAPE(3, 2), (const double[]){1, 1, 2, 2, 3, 3});
    NdArray *db = f64(1, SHAPE(3), (const double[]){2, 4, 6});
    ck_assert_int_eq(nd_linalg_lstsq(D, db, NULL, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(rank, 1);
    ck_assert_int_eq(res->size, 0);
    ck_assert_double_eq_tol(((double *)(void *)x->data)[0], 1, 1e-13);
    ck_assert_double_eq_tol(((double *)(void *)x->data)[1], 1, 1e-13);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    /* rcond large enough drops the smaller singular value: rank 1. */
    NdArray *E = f64(2, SHAPE(3, 2), (const double[]){1, 0, 0, 1e-3, 0, 0});
    double rc = 1e-2;
    ck_assert_int_eq(nd_linalg_lstsq(E, db, &rc, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(rank, 1);
    ck_assert_double_eq_tol(((double *)(void *)x->data)[1], 0, 1e-15);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    /* Empty shapes as NumPy: M == 0 gives x zeros (N,); N == 0 gives x
     * (0,) and residuals |b|^2; K == 0 gives x (N, 0). */
    NdArray *z0 = nd_zeros(ND_FLOAT64, 2, SHAPE(0, 3), 'C');
    NdArray *zb = nd_zeros(ND_FLOAT64, 1, SHAPE(0), 'C');
    ck_assert_int_eq(nd_linalg_lstsq(z0, zb, NULL, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(x->shape[0], 3);
    ck_assert_int_eq(res->size, 0);
    ck_assert_int_eq(rank, 0);
    ck_assert_int_eq(s->size, 0);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    NdArray *n0 = nd_ones(ND_FLOAT64, 2, SHAPE(3, 0), 'C');
    ck_assert_int_eq(nd_linalg_lstsq(n0, db, NULL, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(x->size, 0);
    ck_assert_int_eq(res->size, 1);
    ck_assert_double_eq_tol(((double *)(void *)res->data)[0], 56, 1e-12);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    NdArray *k0 = nd_ones(ND_FLOAT64, 2, SHAPE(3, 0), 'C');
    ck_assert_int_eq(nd_linalg_lstsq(D, k0, NULL, &x, &res, &rank, &s), 0);
    ck_assert_int_eq(x->ndim, 2);
    ck_assert_int_eq(x->shape[0], 2);
    ck_assert_int_eq(x->shape[1], 0);
    ck_assert_int_eq(res->size, 0);
    nd_decref(x);
    nd_decref(res);
    nd_decref(s);
    /* Errors, NumPy's texts. */
    NdArray *a3 = nd_zeros(ND_FLOAT64, 3, SHAPE(1, 2, 2), 'C');
    ck_assert_int_eq(nd_linalg_lstsq(a3, db, NULL, &x, &res, &rank, &s), -1);
    ck_assert_nd_error(ND_ERR_LINALG, "3-dimensional array given. Array must "
                                      "be two-dimensional");
    ck_assert_int_eq(nd_linalg_lstsq(D, a3, NULL, &x, &res, &rank, &s), -1);
    ck_assert_nd_error(ND_ERR_LINALG, "3-dimensional array given. Array must "
                                      "be two-dimensional");
    ck_assert_int_eq(nd_linalg_lstsq(A, db, NULL, &x, &res, &rank, &s), -1);
    ck_assert_nd_error(ND_ERR_LINALG, "Incompatible dimensions");
    nd_decref(a3);
    nd_decref(k0);
    nd_decref(n0);
    nd_decref(zb);
    nd_decref(z0);
    nd_decref(E);
    nd_decref(db);
    nd_decref(D);
    nd_decref(b);
    nd_decref(A);
}
END_TEST

/* ------------------------------------------- cond, multi_dot, hermitian */

START_TEST(test_cond)
{
    /* NumPy's example: [[1, 0, -1], [0, 1, 0], [1, 0, 1]] has singular
     * values sqrt2, sqrt2, 1 (it is sqrt2 times a rotation in the x-z
     * plane), so cond = sqrt2, cond(-2) = 1/sqrt2; its 1- and inf-norm
     * conds are 2 * 1 (inv = [[.5, 0, .5], [0, 1, 0], [-.5, 0, .5]]). */
    NdArray *a =
        ARR(ND_INT64, int64_t, SHAPE(3, 3), 2, 1, 0, -1, 0, 1, 0, 1, 0, 1);
    const NdNormOrd none = {ND_NORM_NONE, 0, NULL};
    NdArray *c = nd_linalg_cond(a, none);
    ck_assert_double_eq_tol(scalar_f(c), sqrt(2.0), 1e-15);
    ck_assert_int_eq(c->ndim, 0);
    nd_decref(c);
    c = nd_linalg_cond(a, (NdNormOrd){ND_NORM_NUM, -2, NULL});
    ck_assert_double_eq_tol(scalar_f(c), sqrt(0.5), 1e-15);
    nd_decref(c);
    const double ps[4] = {1, INFINITY, -1, -INFINITY};
    const double want[4] = {2, 2, 1, 1};
    for (int i = 0; i < 4; i++) {
        c = nd_linalg_cond(a, (NdNormOrd){ND_NORM_NUM, ps[i], NULL});
        ck_assert_double_eq_tol(scalar_f(c), want[i], 1e-15);
        nd_decref(c);
    }
    c = nd_linalg_cond(a, (NdNormOrd){ND_NORM_FRO, 0, NULL});
    ck_assert_double_eq_tol(scalar_f(c), sqrt(10.0), 1e-14);
    nd_decref(c);
    /* Singular: inf (NumPy 2), stacked with a regular matrix; NaN kept. */
    NdArray *s = f64(3, SHAPE(3, 2, 2),
                     (const double[]){1, 2, 2, 4, 2, 0, 0, 1, 1, NAN, 0, 1});
    c = nd_linalg_cond(s, (NdNormOrd){ND_NORM_NUM, 1, NULL});
    ck_assert_ptr_nonnull(c);
    const double *cv = (const double *)(void *)c->data;
    ck_assert(isinf(cv[0]));
    ck_assert_double_eq_tol(cv[1], 2, 1e-15);
    ck_assert(isnan(cv[2]));
    nd_decref(c);
    /* float32 stays float32; complex with p=1 is complex, as NumPy. */
    NdArray *f = ARR(ND_FLOAT32, float, SHAPE(2, 2), 2, 1, 0, 0, 4);
    c = nd_linalg_cond(f, none);
    ck_assert_int_eq(c->dtype, ND_FLOAT32);
    ck_assert_double_eq_tol(scalar_f(c), 4, 1e-6);
    nd_decref(c);
    NdArray *z = nd_astype(f, ND_COMPLEX128, ND_CAST_UNSAFE, false);
    c = nd_linalg_cond(z, (NdNormOrd){ND_NORM_NUM, 1, NULL});
    ck_assert_int_eq(c->dtype, ND_COMPLEX128);
    ck_assert_double_eq_tol(scalar_c(c).re, 4, 1e-15);
    nd_decref(c);
    /* Errors. */
    NdArray *e = nd_zeros(ND_FLOAT64, 2, SHAPE(0, 0), 'C');
    ck_assert_ptr_null(nd_linalg_cond(e, none));
    ck_assert_nd_error(ND_ERR_LINALG, "cond is not defined on empty arrays");
    NdArray *r = nd_ones(ND_FLOAT64, 2, SHAPE(3, 2), 'C');
    ck_assert_ptr_null(nd_linalg_cond(r, (NdNormOrd){ND_NORM_NUM, 1, NULL}));
    ck_assert_nd_error(ND_ERR_LINALG,
                       "Last 2 dimensions of the array must be square");
    ck_assert_ptr_null(nd_linalg_cond(a, (NdNormOrd){ND_NORM_NUM, 3, NULL}));
    ck_assert_nd_error(ND_ERR_VALUE, "Invalid norm order for matrices.");
    nd_decref(r);
    nd_decref(e);
    nd_decref(z);
    nd_decref(f);
    nd_decref(s);
    nd_decref(a);
}
END_TEST

START_TEST(test_multi_dot)
{
    /* A chain whose order matters: (10x100)(100x5)(5x50)(50x1): the
     * result equals the left-to-right product. */
    const int64_t dims[5] = {10, 100, 5, 50, 1};
    NdArray *ms[4];
    for (int i = 0; i < 4; i++) {
        ms[i] = nd_empty(ND_FLOAT64, 2, SHAPE(dims[i], dims[i + 1]), 'C');
        double *d = (double *)(void *)ms[i]->data;
        for (int64_t k = 0; k < ms[i]->size; k++)
            d[k] = (double)((k * 7 + i) % 11) - 5;
    }
    NdArray *r = nd_linalg_multi_dot(ms, 4);
    NdArray *p01 = nd_matmul(ms[0], ms[1]), *p012 = nd_matmul(p01, ms[2]);
    NdArray *want = nd_matmul(p012, ms[3]);
    ck_assert_int_eq(r->shape[0], 10);
    ck_assert_int_eq(r->shape[1], 1);
    ck_assert_double_le(max_diff(r, want), 1e-9);
    nd_decref(r);
    r = nd_linalg_multi_dot(ms, 3);
    ck_assert_double_le(max_diff(r, p012), 1e-9);
    nd_decref(r);
    /* 1-d ends: [1 1 1] [[1 2] [3 4] [5 6]] [1 1]^T = 9 + 12 = 21. */
    NdArray *v = ARR(ND_INT64, int64_t, SHAPE(3), 1, 1, 1, 1);
    NdArray *m = ARR(ND_INT64, int64_t, SHAPE(3, 2), 2, 1, 2, 3, 4, 5, 6);
    NdArray *w = ARR(ND_INT64, int64_t, SHAPE(2), 1, 1, 1);
    NdArray *I = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 1, 0, 0, 1);
    NdArray *chain[4] = {v, m, I, w};
    r = nd_linalg_multi_dot(chain, 4);
    ck_assert_int_eq(r->ndim, 0);
    ck_assert_int_eq(r->dtype, ND_INT64);
    ck_assert_int_eq(*(int64_t *)(void *)r->data, 21);
    nd_decref(r);
    NdArray *chain2[3] = {v, m, I};
    r = nd_linalg_multi_dot(chain2, 3);
    ck_assert_int_eq(r->ndim, 1);
    ck_assert_int_eq(r->shape[0], 2);
    ck_assert_int_eq(((int64_t *)(void *)r->data)[0], 9);
    ck_assert_int_eq(((int64_t *)(void *)r->data)[1], 12);
    nd_decref(r);
    /* Errors. */
    ck_assert_ptr_null(nd_linalg_multi_dot(ms, 1));
    ck_assert_nd_error(ND_ERR_VALUE, "Expecting at least two arrays.");
    NdArray *bad[3] = {m, v, I};
    ck_assert_ptr_null(nd_linalg_multi_dot(bad, 3));
    ck_assert_nd_error(ND_ERR_LINALG, "1-dimensional array given. Array must "
                                      "be two-dimensional");
    NdArray *mis[3] = {m, m, I};
    ck_assert_ptr_null(nd_linalg_multi_dot(mis, 3));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    nd_decref(I);
    nd_decref(w);
    nd_decref(m);
    nd_decref(v);
    nd_decref(want);
    nd_decref(p012);
    nd_decref(p01);
    for (int i = 0; i < 4; i++)
        nd_decref(ms[i]);
}
END_TEST

START_TEST(test_hermitian)
{
    /* [[2, 1], [1, -3]]: eigenvalues -1/2 -+ sqrt(29)/2; singular values
     * their absolute values, descending; U diag(S) Vh == a. */
    NdArray *a = f64(2, SHAPE(2, 2), (const double[]){2, 1, 1, -3});
    NdArray *u, *s, *vh;
    ck_assert_int_eq(nd_linalg_svd_hermitian(a, true, &u, &s, &vh), 0);
    const double *sv = (const double *)(void *)s->data;
    ck_assert_double_eq_tol(sv[0], 0.5 + sqrt(29.0) / 2, 1e-14);
    ck_assert_double_eq_tol(sv[1], sqrt(29.0) / 2 - 0.5, 1e-14);
    NdArray *se = nd_expand_dims(s, (const int64_t[]){-1}, 1);
    NdArray *sv2 = nd_binary(ND_UF_MULTIPLY, se, vh), *usv = nd_matmul(u, sv2);
    ck_assert_double_le(max_diff(usv, a), 1e-14);
    nd_decref(usv);
    nd_decref(sv2);
    nd_decref(se);
    nd_decref(u);
    nd_decref(s);
    nd_decref(vh);
    /* pinv and matrix_rank with hermitian agree with the general ones. */
    NdArray *p1 = nd_linalg_pinv(a, 1e-15, true), *p2 = nd_linalg_inv(a);
    ck_assert_double_le(max_diff(p1, p2), 1e-14);
    nd_decref(p1);
    nd_decref(p2);
    NdArray *o = nd_ones(ND_FLOAT64, 2, SHAPE(3, 3), 'C');
    NdArray *rk = nd_linalg_matrix_rank(o, NULL, NULL, true);
    ck_assert_int_eq(*(int64_t *)(void *)rk->data, 1);
    nd_decref(rk);
    nd_decref(o);
    NdArray *r = nd_ones(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    ck_assert_int_eq(nd_linalg_svd_hermitian(r, false, &u, &s, &vh), -1);
    ck_assert_nd_error(ND_ERR_LINALG,
                       "Last 2 dimensions of the array must be square");
    nd_decref(r);
    nd_decref(a);
}
END_TEST

/* ------------------------------------------- the interruptible worker */

static void *interrupt_later(void *arg)
{
    (void)arg;
    struct timespec ts = {0, 150 * 1000 * 1000};
    nanosleep(&ts, NULL);
    nd_interrupt_requested = 1;
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

START_TEST(test_worker_interrupt)
{
    /* An interrupt while gesdd of a 1000 x 1000 matrix runs on the worker
     * returns KeyboardInterrupt well before the call could end; the next
     * call waits for the abandoned one and works (and releases its
     * buffers: LSan checks). */
    const int64_t n = 1000;
    NdArray *a = nd_empty(ND_FLOAT64, 2, SHAPE(n, n), 'C');
    double *d = (double *)(void *)a->data;
    for (int64_t i = 0; i < n * n; i++)
        d[i] = sin((double)i);
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, interrupt_later, NULL), 0);
    NdArray *u, *s, *vh;
    const double t0 = now_s();
    const int rc = nd_linalg_svd(a, true, true, &u, &s, &vh);
    const double took = now_s() - t0;
    pthread_join(t, NULL);
    if (rc == 0) {
        /* A machine fast enough to finish within 150 ms: nothing to
         * interrupt. */
        ck_assert_double_lt(took, 0.2);
        nd_decref(u);
        nd_decref(s);
        nd_decref(vh);
    } else {
        ck_assert_int_eq(nd_error_kind(), ND_ERR_INTERRUPT);
        nd_error_clear();
        ck_assert_double_lt(took, 1.0);
    }
    nd_interrupt_requested = 0;
    NdArray *m = f64(2, SHAPE(4, 4), M4);
    NdArray *x = nd_linalg_inv(m);
    ck_assert_ptr_nonnull(x);
    nd_decref(x);
    /* A big call on the worker that is not interrupted gives the same
     * answer as the identity requires. */
    NdArray *b = nd_empty(ND_FLOAT64, 2, SHAPE(300, 300), 'C');
    d = (double *)(void *)b->data;
    for (int64_t i = 0; i < 300 * 300; i++)
        d[i] = sin((double)i) + (i % 301 == 0 ? 20 : 0);
    x = nd_linalg_inv(b);
    ck_assert_ptr_nonnull(x);
    NdArray *p = nd_matmul(b, x), *I = eye_like(b);
    ck_assert_double_le(max_diff(p, I), 1e-12);
    nd_decref(p);
    nd_decref(I);
    nd_decref(x);
    nd_decref(b);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

static Suite *linalg_suite(void)
{
    Suite *s = suite_create("linalg");
    TCase *tc = tcase_create("linalg");
    tcase_add_test(tc, test_inv_identity);
    tcase_add_test(tc, test_inv_numpy_doc);
    tcase_add_test(tc, test_inv_stack_and_views);
    tcase_add_test(tc, test_inv_complex_and_float32);
    tcase_add_test(tc, test_inv_errors);
    tcase_add_test(tc, test_interrupt);
    tcase_add_test(tc, test_solve_numpy_doc);
    tcase_add_test(tc, test_solve_residuals);
    tcase_add_test(tc, test_solve_broadcast);
    tcase_add_test(tc, test_solve_complex_float32);
    tcase_add_test(tc, test_solve_errors);
    tcase_add_test(tc, test_det_numpy_doc);
    tcase_add_test(tc, test_det_triangular_permutation);
    tcase_add_test(tc, test_slogdet);
    tcase_add_test(tc, test_det_complex_float32);
    tcase_add_test(tc, test_det_errors);
    tcase_add_test(tc, test_cholesky_identity);
    tcase_add_test(tc, test_cholesky_numpy_doc);
    tcase_add_test(tc, test_cholesky_stack_errors);
    tcase_add_test(tc, test_norm_by_hand);
    tcase_add_test(tc, test_norm_axes_dtypes);
    tcase_add_test(tc, test_norm_errors);
    tcase_add_test(tc, test_qr_identities);
    tcase_add_test(tc, test_qr_empty_errors);
    tcase_add_test(tc, test_svd_identities);
    tcase_add_test(tc, test_svd_empty_errors);
    tcase_add_test(tc, test_eigh_identities);
    tcase_add_test(tc, test_eigh_errors);
    tcase_add_test(tc, test_matrix_rank);
    tcase_add_test(tc, test_pinv);
    tcase_add_test(tc, test_matrix_power);
    tcase_add_test(tc, test_eig_real_and_complex);
    tcase_add_test(tc, test_eig_dtypes_errors);
    tcase_add_test(tc, test_lstsq_numpy_doc);
    tcase_add_test(tc, test_lstsq_identities);
    tcase_add_test(tc, test_lstsq_rank_shapes_errors);
    tcase_add_test(tc, test_cond);
    tcase_add_test(tc, test_multi_dot);
    tcase_add_test(tc, test_hermitian);
    suite_add_tcase(s, tc);
    /* The abandoned gesdd runs on until it ends, and the next call waits
     * for it: seconds on a loaded machine or under the sanitizers. */
    TCase *tw = tcase_create("worker");
    tcase_set_timeout(tw, 120);
    tcase_add_test(tw, test_worker_interrupt);
    suite_add_tcase(s, tw);
    return s;
}

int main(void)
{
    return nd_test_main(linalg_suite());
}
