/* test_linalg.c — Check suite of lib/linalg.c (inv, solve, det, slogdet,
 * cholesky).  Results are checked by identities (A @ inv(A) == I, solve's
 * residual, L @ L^H == A), by determinants worked by hand (triangular and
 * permutation matrices) and by NumPy's documented values; plus every
 * error text, stacked and broadcast shapes, float32/complex inputs and
 * non-contiguous views. */
#include <math.h>

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
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(linalg_suite());
}
