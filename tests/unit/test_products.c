/* test_products.c — Check suite of lib/products.c and matmul's BLAS routing
 * (lib/matmul.c): products worked by hand, NumPy's documented examples
 * (kron, tensordot, vdot), identities (einsum against trace, transpose and
 * matmul; BLAS float results against the integer loop on transposed,
 * strided and F-ordered operands) and the error texts. */
#include <math.h>

#include "testutil.h"

/* Element i (C order) of a as a complex128. */
static nd_complex128 at(NdArray *a, int64_t i)
{
    NdArray *f = nd_ravel(a, 'C');
    ck_assert_ptr_nonnull(f);
    NdScalar s, c;
    ck_assert_int_eq(nd_get_item(f, &i, &s), 0);
    ck_assert_int_eq(nd_scalar_cast(&s, ND_COMPLEX128, &c), 0);
    nd_decref(f);
    return c.v.c128;
}

/* a holds exactly the real values v[0..n). */
static void ck_values(NdArray *a, const double *v, int64_t n)
{
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->size, n);
    for (int64_t i = 0; i < n; i++) {
        nd_complex128 x = at(a, i);
        ck_assert_msg(x.re == v[i] && x.im == 0, "element %lld: %g+%gj != %g",
                      (long long)i, x.re, x.im, v[i]);
    }
}

/* x and y hold equal values (any dtypes). */
static void ck_same(NdArray *x, NdArray *y)
{
    ck_assert_ptr_nonnull(x);
    ck_assert_ptr_nonnull(y);
    ck_assert_int_eq(x->ndim, y->ndim);
    for (int d = 0; d < x->ndim; d++)
        ck_assert_int_eq(x->shape[d], y->shape[d]);
    for (int64_t i = 0; i < x->size; i++) {
        nd_complex128 a = at(x, i), b = at(y, i);
        ck_assert(a.re == b.re && a.im == b.im);
    }
}

/* arange(n) as dtype t reshaped to (r, c). */
static NdArray *grid(NdType t, int64_t r, int64_t c)
{
    NdScalar start = nd_scalar_int64(1), stop = nd_scalar_int64(r * c + 1);
    NdArray *a = nd_arange(&start, &stop, NULL, t);
    ck_assert_ptr_nonnull(a);
    NdArray *g = nd_reshape(a, 2, SHAPE(r, c), 'C');
    nd_decref(a);
    return g;
}

START_TEST(test_matmul_hand)
{
    static const NdType types[] = {ND_FLOAT32,    ND_FLOAT64, ND_COMPLEX64,
                                   ND_COMPLEX128, ND_INT64,   ND_INT8};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        NdArray *a = grid(types[i], 2, 2); /* [[1,2],[3,4]] */
        NdArray *b0 = grid(types[i], 2, 2), *b;
        b = nd_binary(ND_UF_ADD, b0, b0); /* [[2,4],[6,8]] */
        NdArray *c = nd_matmul(a, b);
        ck_values(c, (const double[]){14, 20, 30, 44}, 4);
        ck_assert_int_eq(c->dtype, types[i]);
        nd_decref(c);
        /* A transposed view goes to BLAS as CblasTrans. */
        NdArray *at_ = nd_transpose(a, NULL, 0);
        c = nd_matmul(at_, b);
        ck_values(c, (const double[]){20, 28, 28, 40}, 4);
        nd_decref(c);
        /* matrix @ vector, vector @ matrix, vector @ vector */
        NdArray *v = nd_ravel(b, 'C');
        NdArray *v2 = nd_reshape(v, 2, SHAPE(2, 2), 'C');
        NdArray *col = nd_transpose(v2, NULL, 0); /* [[2,6],[4,8]] */
        NdArray *x = nd_diagonal(col, 0, 0, 1);   /* [2, 8] strided */
        c = nd_matmul(a, x);
        ck_values(c, (const double[]){18, 38}, 2);
        nd_decref(c);
        c = nd_matmul(x, at_);
        ck_values(c, (const double[]){18, 38}, 2);
        nd_decref(c);
        c = nd_matmul(x, x);
        ck_assert_int_eq(c->ndim, 0);
        ck_values(c, (const double[]){68}, 1);
        nd_decref(c);
        nd_decref(x);
        nd_decref(col);
        nd_decref(v2);
        nd_decref(v);
        nd_decref(at_);
        nd_decref(a);
        nd_decref(b0);
        nd_decref(b);
    }
}
END_TEST

/* BLAS results equal the integer loop's on every layout: the values are
 * small integers, so float sums are exact in any order. */
START_TEST(test_matmul_blas_vs_loop)
{
    NdArray *ai = grid(ND_INT64, 12, 10), *af = grid(ND_FLOAT64, 12, 10);
    NdArray *fi = nd_asfortranarray(ai), *ff = nd_asfortranarray(af);
    /* slices with steps in both axes, transposes, negative steps */
    NdArray *views_i[4], *views_f[4];
    NdArray *ti = nd_transpose(ai, NULL, 0), *tf = nd_transpose(af, NULL, 0);
    views_i[0] = ti;
    views_f[0] = tf;
    views_i[1] = fi;
    views_f[1] = ff;
    views_i[2] = ai;
    views_f[2] = af;
    views_i[3] = nd_swapaxes(fi, 0, 1);
    views_f[3] = nd_swapaxes(ff, 0, 1);
    for (int p = 0; p < 4; p++)
        for (int q = 0; q < 4; q++) {
            NdArray *x = views_i[p], *y = views_i[q];
            NdArray *xf = views_f[p], *yf = views_f[q];
            /* make the inner sizes agree: x (r, k) @ y.T or y */
            NdArray *yt = y->shape[0] == x->shape[1] ? nd_incref(y)
                                                     : nd_transpose(y, NULL, 0);
            NdArray *ytf = yf->shape[0] == xf->shape[1]
                               ? nd_incref(yf)
                               : nd_transpose(yf, NULL, 0);
            NdArray *ri = nd_matmul(x, yt), *rf = nd_matmul(xf, ytf);
            ck_same(ri, rf);
            NdArray *c64 = nd_astype(xf, ND_COMPLEX64, ND_CAST_UNSAFE, false);
            NdArray *rc = nd_matmul(c64, ytf);
            ck_assert_int_eq(rc->dtype, ND_COMPLEX128);
            ck_same(ri, rc);
            nd_decref(rc);
            nd_decref(c64);
            nd_decref(ri);
            nd_decref(rf);
            nd_decref(yt);
            nd_decref(ytf);
        }
    nd_decref(views_i[3]);
    nd_decref(views_f[3]);
    nd_decref(ti);
    nd_decref(tf);
    nd_decref(fi);
    nd_decref(ff);
    nd_decref(ai);
    nd_decref(af);
}
END_TEST

START_TEST(test_matmul_errors)
{
    NdArray *a = nd_ones(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    NdArray *b = nd_ones(ND_FLOAT64, 1, SHAPE(2), 'C');
    ck_assert_ptr_null(nd_matmul(a, b));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "matmul: Input operand 1 has a mismatch in its core "
                       "dimension 0, with gufunc signature "
                       "(n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)");
    ck_assert_ptr_null(nd_dot(a, b));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 "
                       "(dim 0)");
    ck_assert_ptr_null(nd_inner(a, b));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 "
                       "(dim 0)");
    ck_assert_ptr_null(nd_vdot(a, b));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "cannot reshape array of size 2 into shape (6,)");
    ck_assert_ptr_null(nd_tensordot(a, b, 1, SHAPE(1), 1, SHAPE(0)));
    ck_assert_nd_error(ND_ERR_VALUE, "shape-mismatch for sum");
    ck_assert_ptr_null(nd_tensordot_n(a, b, 3));
    ck_assert_nd_error(ND_ERR_INDEX, "tuple index out of range");
    ck_assert_ptr_null(nd_trace(b, 0, 0, 1, ND_NTYPES));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "diag requires an array of at least two dimensions");
    NdArray *ops[2] = {a, b};
    ck_assert_ptr_null(nd_einsum("ij", 1, ops + 1));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "einstein sum subscripts string contains too many "
                       "subscripts for operand 0");
    ck_assert_ptr_null(nd_einsum("ii", 1, ops));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "dimensions in operand 0 for collapsing index 'i' "
                       "don't match (2 != 3)");
    ck_assert_ptr_null(nd_einsum("ij,j", 2, ops));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "operands could not be broadcast together with "
                       "remapped shapes [original->remapped]: (2,3)->(2,3) "
                       "(2,)->(2) "); /* NumPy's text: the leading newaxis
                                         of (newaxis,2) is not shown */
    ck_assert_ptr_null(nd_einsum("i$", 1, ops + 1));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "invalid subscript '$' in einstein sum subscripts "
                       "string, subscripts must be letters");
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(test_einsum_identities)
{
    NdArray *a = grid(ND_FLOAT64, 4, 4), *b = grid(ND_FLOAT64, 4, 3);
    NdArray *ops[2] = {a, b};
    /* einsum('ii', a) == trace(a) == 1 + 6 + 11 + 16 */
    NdArray *e = nd_einsum("ii", 1, ops), *t = nd_trace(a, 0, 0, 1, ND_NTYPES);
    ck_values(e, (const double[]){34}, 1);
    ck_same(e, t);
    nd_decref(e);
    nd_decref(t);
    /* einsum('ij->ji') is the transpose, a view */
    e = nd_einsum("ij->ji", 1, ops);
    t = nd_transpose(a, NULL, 0);
    ck_same(e, t);
    ck_assert_ptr_eq(e->buffer, a->buffer);
    nd_decref(e);
    nd_decref(t);
    /* einsum('ij,jk', a, b) == a @ b, also on int64 (the loop) */
    e = nd_einsum("ij,jk", 2, ops);
    t = nd_matmul(a, b);
    ck_same(e, t);
    NdArray *ai = nd_astype(a, ND_INT64, ND_CAST_UNSAFE, true);
    NdArray *opi[2] = {ai, b};
    NdArray *ei = nd_einsum("ij,jk->ik", 2, opi);
    ck_same(ei, t);
    nd_decref(ei);
    nd_decref(ai);
    nd_decref(e);
    nd_decref(t);
    /* 'ii->i' the diagonal, 'ij->' the sum */
    e = nd_einsum("ii->i", 1, ops);
    ck_values(e, (const double[]){1, 6, 11, 16}, 4);
    nd_decref(e);
    e = nd_einsum("ij->", 1, ops);
    ck_values(e, (const double[]){136}, 1);
    nd_decref(e);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(test_doc_examples)
{
    /* kron([1, 10, 100], [5, 6, 7]) */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(3), 1, 1, 10, 100);
    NdArray *b = ARR(ND_INT64, int64_t, SHAPE(3), 1, 5, 6, 7);
    NdArray *k = nd_kron(a, b);
    ck_values(k, (const double[]){5, 6, 7, 50, 60, 70, 500, 600, 700}, 9);
    nd_decref(k);
    nd_decref(a);
    nd_decref(b);
    /* tensordot(arange(60.).reshape(3,4,5), arange(24.).reshape(4,3,2),
     * axes=([1,0],[0,1])) */
    NdScalar s0 = nd_scalar_int64(0), s60 = nd_scalar_int64(60),
             s24 = nd_scalar_int64(24);
    NdArray *r60 = nd_arange(&s0, &s60, NULL, ND_FLOAT64);
    NdArray *r24 = nd_arange(&s0, &s24, NULL, ND_FLOAT64);
    a = nd_reshape(r60, 3, SHAPE(3, 4, 5), 'C');
    b = nd_reshape(r24, 3, SHAPE(4, 3, 2), 'C');
    NdArray *c = nd_tensordot(a, b, 2, SHAPE(1, 0), 2, SHAPE(0, 1));
    ck_assert_int_eq(c->ndim, 2);
    ck_values(c,
              (const double[]){4400, 4730, 4532, 4874, 4664, 5018, 4796, 5162,
                               4928, 5306},
              10);
    nd_decref(c);
    nd_decref(a);
    nd_decref(b);
    nd_decref(r60);
    nd_decref(r24);
    /* vdot conjugates its first operand: vdot(a, b) = 70-8j, vdot(b, a) =
     * 70+8j for a = [1+2j, 3+4j], b = [5+6j, 7+8j] */
    a = ARR(ND_COMPLEX128, nd_complex128, SHAPE(2), 1, {1, 2}, {3, 4});
    b = ARR(ND_COMPLEX128, nd_complex128, SHAPE(2), 1, {5, 6}, {7, 8});
    c = nd_vdot(a, b);
    nd_complex128 z = at(c, 0);
    ck_assert(z.re == 70 && z.im == -8);
    nd_decref(c);
    c = nd_vdot(b, a);
    z = at(c, 0);
    ck_assert(z.re == 70 && z.im == 8);
    nd_decref(c);
    /* dot does not conjugate: (1+2j)(5+6j) + (3+4j)(7+8j) = -18+68j */
    c = nd_dot(a, b);
    z = at(c, 0);
    ck_assert(z.re == -18 && z.im == 68);
    nd_decref(c);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

static Suite *products_suite(void)
{
    Suite *s = suite_create("products");
    TCase *tc = tcase_create("products");
    tcase_add_test(tc, test_matmul_hand);
    tcase_add_test(tc, test_matmul_blas_vs_loop);
    tcase_add_test(tc, test_matmul_errors);
    tcase_add_test(tc, test_einsum_identities);
    tcase_add_test(tc, test_doc_examples);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(products_suite());
}
