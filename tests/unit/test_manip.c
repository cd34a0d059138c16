/* test_manip.c — Check suite of lib/manip.c and the creation routines of
 * lib/create.c declared in nd_manip.h.  Expected values are worked by hand
 * (or are NumPy's documented outputs); errors are NumPy's texts. */
#include <math.h>

#include "testutil.h"

/* The elements of an int64 array in C order must equal want[0..n). */
static void expect_i64(NdArray *a, const int64_t *want, int64_t n)
{
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->size, n);
    int64_t idx[ND_MAXDIMS] = {0};
    for (int64_t k = 0; k < n; k++) {
        NdScalar s, c;
        ck_assert_int_eq(nd_get_item(a, idx, &s), 0);
        nd_scalar_cast(&s, ND_INT64, &c);
        ck_assert_int_eq(c.v.i64, want[k]);
        for (int i = a->ndim - 1; i >= 0; i--) {
            if (++idx[i] < a->shape[i])
                break;
            idx[i] = 0;
        }
    }
}

static void expect_f64(NdArray *a, const double *want, int64_t n, double tol)
{
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->size, n);
    int64_t idx[ND_MAXDIMS] = {0};
    for (int64_t k = 0; k < n; k++) {
        NdScalar s, c;
        ck_assert_int_eq(nd_get_item(a, idx, &s), 0);
        nd_scalar_cast(&s, ND_FLOAT64, &c);
        ck_assert_double_eq_tol(c.v.f64, want[k], tol);
        for (int i = a->ndim - 1; i >= 0; i--) {
            if (++idx[i] < a->shape[i])
                break;
            idx[i] = 0;
        }
    }
}

static NdArray *iota(int64_t n)
{
    NdScalar s0 = nd_scalar_int64(0), s1 = nd_scalar_int64(n);
    return nd_arange(&s0, &s1, NULL, ND_INT64);
}

static NdArray *iota2(int64_t r, int64_t c)
{
    NdArray *a = iota(r * c);
    NdArray *b = nd_reshape(a, 2, SHAPE(r, c), 'C');
    nd_decref(a);
    return b;
}

START_TEST(test_concatenate)
{
    NdArray *a = iota2(2, 2), *b = ARR(ND_INT64, int64_t, SHAPE(1, 2), 2, 5, 6);
    NdArray *ab[2] = {a, b};
    NdArray *r = nd_concatenate(ab, 2, 0, ND_NTYPES, ND_CAST_SAME_KIND);
    expect_i64(r, (int64_t[]){0, 1, 2, 3, 5, 6}, 6);
    ck_assert_int_eq(r->shape[0], 3);
    nd_decref(r);
    r = nd_concatenate(ab, 2, ND_AXIS_NONE, ND_NTYPES, ND_CAST_SAME_KIND);
    expect_i64(r, (int64_t[]){0, 1, 2, 3, 5, 6}, 6);
    ck_assert_int_eq(r->ndim, 1);
    nd_decref(r);
    ck_assert_ptr_null(nd_concatenate(ab, 2, 1, ND_NTYPES, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "all the input array dimensions except for the "
                       "concatenation axis must match exactly, but along "
                       "dimension 0, the array at index 0 has size 2 and the "
                       "array at index 1 has size 1");
    ck_assert_ptr_null(nd_concatenate(ab, 2, 2, ND_NTYPES, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    ck_assert_ptr_null(nd_concatenate(ab, 0, 0, ND_NTYPES, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_VALUE, "need at least one array to concatenate");
    /* int64 + float32 -> float64; a cast the rule forbids */
    NdArray *f = nd_zeros(ND_FLOAT32, 2, SHAPE(1, 2), 'C');
    NdArray *af[2] = {a, f};
    r = nd_concatenate(af, 2, 0, ND_NTYPES, ND_CAST_SAME_KIND);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    nd_decref(r);
    ck_assert_ptr_null(nd_concatenate(af, 2, 0, ND_INT64, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast array data from dtype('float32') to "
                       "dtype('int64') according to the rule 'same_kind'");
    nd_decref(f);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(test_stack)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(3), 1, 1, 2, 3);
    NdArray *b = ARR(ND_INT64, int64_t, SHAPE(3), 1, 4, 5, 6);
    NdArray *ab[2] = {a, b};
    NdArray *r = nd_stack(ab, 2, -1, ND_NTYPES, ND_CAST_SAME_KIND);
    ck_assert_int_eq(r->shape[0], 3);
    ck_assert_int_eq(r->shape[1], 2);
    expect_i64(r, (int64_t[]){1, 4, 2, 5, 3, 6}, 6);
    nd_decref(r);
    NdArray *c = iota(2);
    NdArray *ac[2] = {a, c};
    ck_assert_ptr_null(nd_stack(ac, 2, 0, ND_NTYPES, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_VALUE, "all input arrays must have the same "
                                     "shape");
    nd_decref(a);
    nd_decref(b);
    nd_decref(c);
}
END_TEST

START_TEST(test_views)
{
    NdArray *a = iota2(2, 3);
    /* flip is a view: same buffer, negative stride */
    int64_t ax = 1;
    NdArray *f = nd_flip(a, &ax, 1);
    ck_assert_ptr_eq(f->buffer, a->buffer);
    expect_i64(f, (int64_t[]){2, 1, 0, 5, 4, 3}, 6);
    nd_decref(f);
    /* rot90 of [[0,1,2],[3,4,5]] is [[2,5],[1,4],[0,3]] */
    NdArray *r = nd_rot90(a, 1, 0, 1);
    ck_assert_ptr_eq(r->buffer, a->buffer);
    expect_i64(r, (int64_t[]){2, 5, 1, 4, 0, 3}, 6);
    nd_decref(r);
    ck_assert_ptr_null(nd_rot90(a, 1, 0, 0));
    ck_assert_nd_error(ND_ERR_VALUE, "Axes must be different.");
    /* moveaxis on (2, 3, 4) */
    NdArray *z = nd_zeros(ND_INT8, 3, SHAPE(2, 3, 4), 'C');
    int64_t src = 0, dst = -1;
    NdArray *m = nd_moveaxis(z, &src, 1, &dst, 1);
    ck_assert_int_eq(m->shape[0], 3);
    ck_assert_int_eq(m->shape[1], 4);
    ck_assert_int_eq(m->shape[2], 2);
    nd_decref(m);
    src = 3;
    ck_assert_ptr_null(nd_moveaxis(z, &src, 1, &dst, 1));
    ck_assert_nd_error(ND_ERR_AXIS, "source: axis 3 is out of bounds for "
                                    "array of dimension 3");
    m = nd_rollaxis(z, 2, 0);
    ck_assert_int_eq(m->shape[0], 4);
    nd_decref(m);
    ck_assert_ptr_null(nd_rollaxis(z, 0, 5));
    ck_assert_nd_error(ND_ERR_AXIS, "'start' arg requires -3 <= start < 4, "
                                    "but 5 was passed in");
    nd_decref(z);
    /* atleast_3d of a 1-d array: (1, N, 1) */
    NdArray *v = iota(4), *t = nd_atleast(v, 3);
    ck_assert_int_eq(t->ndim, 3);
    ck_assert_int_eq(t->shape[0], 1);
    ck_assert_int_eq(t->shape[1], 4);
    ck_assert_int_eq(t->shape[2], 1);
    nd_decref(t);
    /* ravel('K') of a transposed array reads memory order */
    NdArray *T = nd_transpose(a, NULL, 0), *k = nd_ravel_order(T, 'K');
    expect_i64(k, (int64_t[]){0, 1, 2, 3, 4, 5}, 6);
    nd_decref(k);
    nd_decref(T);
    nd_decref(v);
    nd_decref(a);
}
END_TEST

START_TEST(test_split)
{
    int64_t pts[3];
    ck_assert_int_eq(nd_split_points(9, 4, pts), 0);
    ck_assert_int_eq(pts[0], 3); /* sizes 3, 2, 2, 2 */
    ck_assert_int_eq(pts[1], 5);
    ck_assert_int_eq(pts[2], 7);
    ck_assert_int_eq(nd_split_points(5, 0, pts), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "number sections must be larger than 0.");
    NdArray *a = iota(8), *out[5];
    int64_t at[4] = {3, 5, 6, 10};
    ck_assert_int_eq(nd_split_at(a, at, 4, 0, out), 0);
    ck_assert_int_eq(out[0]->size, 3);
    ck_assert_int_eq(out[1]->size, 2);
    ck_assert_int_eq(out[2]->size, 1);
    ck_assert_int_eq(out[3]->size, 2);
    ck_assert_int_eq(out[4]->size, 0);
    ck_assert_ptr_eq(out[1]->buffer, a->buffer);
    expect_i64(out[3], (int64_t[]){6, 7}, 2);
    for (int i = 0; i < 5; i++)
        nd_decref(out[i]);
    nd_decref(a);
}
END_TEST

START_TEST(test_tile_repeat_roll)
{
    NdArray *a = iota(3);
    NdArray *t = nd_tile(a, (int64_t[]){2, 2}, 2);
    ck_assert_int_eq(t->shape[0], 2);
    ck_assert_int_eq(t->shape[1], 6);
    expect_i64(t, (int64_t[]){0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2}, 12);
    nd_decref(t);
    NdArray *m = iota2(2, 2);
    NdArray *r = nd_repeat(m, (int64_t[]){1, 2}, 2, 0);
    expect_i64(r, (int64_t[]){0, 1, 2, 3, 2, 3}, 6);
    nd_decref(r);
    r = nd_repeat(m, (int64_t[]){2}, 1, ND_AXIS_NONE);
    expect_i64(r, (int64_t[]){0, 0, 1, 1, 2, 2, 3, 3}, 8);
    nd_decref(r);
    ck_assert_ptr_null(nd_repeat(m, (int64_t[]){1, 2, 3}, 3, 0));
    ck_assert_nd_error(ND_ERR_VALUE, "operands could not be broadcast "
                                     "together with shape (2,) (3,)");
    NdArray *x = iota2(2, 5);
    r = nd_roll(x, (int64_t[]){1, 1}, 2, (int64_t[]){1, 0}, 2);
    expect_i64(r, (int64_t[]){9, 5, 6, 7, 8, 4, 0, 1, 2, 3}, 10);
    nd_decref(r);
    r = nd_roll(x, (int64_t[]){-13}, 1, NULL, 0);
    expect_i64(r, (int64_t[]){3, 4, 5, 6, 7, 8, 9, 0, 1, 2}, 10);
    nd_decref(r);
    r = nd_resize(m, 2, SHAPE(2, 3));
    expect_i64(r, (int64_t[]){0, 1, 2, 3, 0, 1}, 6);
    nd_decref(r);
    nd_decref(x);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(test_insert_delete)
{
    NdArray *a = iota(6);
    NdArray *r = nd_delete(a, (int64_t[]){0, 0, -1}, 3, ND_AXIS_NONE);
    expect_i64(r, (int64_t[]){1, 2, 3, 4}, 4);
    nd_decref(r);
    ck_assert_ptr_null(nd_delete(a, (int64_t[]){6}, 1, 0));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 6 is out of bounds for axis 0 with size 6");
    /* insert([0..5], [2, 2], [6, 7]) = [0 1 6 7 2 3 4 5] */
    NdArray *v = ARR(ND_INT64, int64_t, SHAPE(2), 1, 6, 7);
    r = nd_insert(a, (int64_t[]){2, 2}, 2, false, v, ND_AXIS_NONE);
    expect_i64(r, (int64_t[]){0, 1, 6, 7, 2, 3, 4, 5}, 8);
    nd_decref(r);
    /* scalar index along axis 1 of (3, 2): [[0,1,1],[2,2,3],[4,3,5]] */
    NdArray *m = iota2(3, 2), *w = ARR(ND_INT64, int64_t, SHAPE(3), 1, 1, 2, 3);
    r = nd_insert(m, (int64_t[]){1}, 1, true, w, 1);
    expect_i64(r, (int64_t[]){0, 1, 1, 2, 2, 3, 4, 3, 5}, 9);
    nd_decref(r);
    nd_decref(w);
    nd_decref(m);
    nd_decref(v);
    nd_decref(a);
}
END_TEST

START_TEST(test_pad)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(5), 1, 1, 2, 3, 4, 5);
    int64_t w[2] = {2, 3};
    NdArray *r = nd_pad(a, w, ND_PAD_REFLECT, NULL, false);
    expect_i64(r, (int64_t[]){3, 2, 1, 2, 3, 4, 5, 4, 3, 2}, 10);
    nd_decref(r);
    r = nd_pad(a, w, ND_PAD_REFLECT, NULL, true);
    expect_i64(r, (int64_t[]){-1, 0, 1, 2, 3, 4, 5, 6, 7, 8}, 10);
    nd_decref(r);
    r = nd_pad(a, w, ND_PAD_SYMMETRIC, NULL, false);
    expect_i64(r, (int64_t[]){2, 1, 1, 2, 3, 4, 5, 5, 4, 3}, 10);
    nd_decref(r);
    r = nd_pad(a, w, ND_PAD_WRAP, NULL, false);
    expect_i64(r, (int64_t[]){4, 5, 1, 2, 3, 4, 5, 1, 2, 3}, 10);
    nd_decref(r);
    NdScalar ends[2] = {nd_scalar_int64(5), nd_scalar_int64(-4)};
    r = nd_pad(a, w, ND_PAD_LINEAR_RAMP, ends, false);
    expect_i64(r, (int64_t[]){5, 3, 1, 2, 3, 4, 5, 2, -1, -4}, 10);
    nd_decref(r);
    NdScalar cv[2] = {nd_scalar_int64(4), nd_scalar_int64(6)};
    r = nd_pad(a, w, ND_PAD_CONSTANT, cv, false);
    expect_i64(r, (int64_t[]){4, 4, 1, 2, 3, 4, 5, 6, 6, 6}, 10);
    nd_decref(r);
    /* corners of a 2-d constant pad take the later axis' value */
    NdArray *b = ARR(ND_INT64, int64_t, SHAPE(1, 1), 2, 9);
    int64_t w2[4] = {1, 1, 1, 1};
    NdScalar cv2[4] = {nd_scalar_int64(5), nd_scalar_int64(6),
                       nd_scalar_int64(7), nd_scalar_int64(8)};
    r = nd_pad(b, w2, ND_PAD_CONSTANT, cv2, false);
    expect_i64(r, (int64_t[]){7, 5, 8, 7, 9, 8, 7, 6, 8}, 9);
    nd_decref(r);
    NdArray *e = nd_zeros(ND_FLOAT64, 1, SHAPE(0), 'C');
    ck_assert_ptr_null(nd_pad(e, w, ND_PAD_EDGE, NULL, false));
    ck_assert_nd_error(ND_ERR_VALUE, "can't extend empty axis 0 using modes "
                                     "other than 'constant' or 'empty'");
    nd_decref(e);
    nd_decref(b);
    nd_decref(a);
}
END_TEST

START_TEST(test_trim_zeros)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(6), 1, 0, 0, 1, 0, 2, 0);
    NdArray *r = nd_trim_zeros(a, true, true, NULL);
    expect_i64(r, (int64_t[]){1, 0, 2}, 3);
    ck_assert_ptr_eq(r->buffer, a->buffer);
    nd_decref(r);
    r = nd_trim_zeros(a, false, true, NULL);
    expect_i64(r, (int64_t[]){0, 0, 1, 0, 2}, 5);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(test_ranges)
{
    NdScalar s0 = nd_scalar_float64(2.0), s1 = nd_scalar_float64(3.0);
    NdArray *a0 = nd_from_scalar(&s0), *a1 = nd_from_scalar(&s1), *step;
    NdArray *r = nd_linspace_array(a0, a1, 5, true, ND_NTYPES, 0, &step);
    expect_f64(r, (double[]){2.0, 2.25, 2.5, 2.75, 3.0}, 5, 1e-15);
    expect_f64(step, (double[]){0.25}, 1, 1e-15);
    nd_decref(step);
    nd_decref(r);
    NdScalar ten = nd_scalar_float64(10.0);
    NdArray *b = nd_from_scalar(&ten);
    r = nd_logspace(a0, a1, 4, true, b, ND_NTYPES, 0);
    expect_f64(r, (double[]){100.0, 215.443469, 464.15888336, 1000.0}, 4, 1e-6);
    nd_decref(r);
    NdScalar g0 = nd_scalar_int64(-1000), g1 = nd_scalar_int64(-1);
    NdArray *c0 = nd_from_scalar(&g0), *c1 = nd_from_scalar(&g1);
    r = nd_geomspace(c0, c1, 4, true, ND_NTYPES, 0);
    expect_f64(r, (double[]){-1000.0, -100.0, -10.0, -1.0}, 4, 1e-9);
    nd_decref(r);
    NdScalar z = nd_scalar_int64(0);
    NdArray *zero = nd_from_scalar(&z);
    ck_assert_ptr_null(nd_geomspace(zero, c1, 4, true, ND_NTYPES, 0));
    ck_assert_nd_error(ND_ERR_VALUE, "Geometric sequence cannot include zero");
    nd_decref(zero);
    nd_decref(c0);
    nd_decref(c1);
    nd_decref(b);
    nd_decref(a0);
    nd_decref(a1);
}
END_TEST

START_TEST(test_grids)
{
    NdArray *t = nd_tri(3, 5, 2, ND_INT64);
    expect_i64(t, (int64_t[]){1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1}, 15);
    nd_decref(t);
    NdArray *x = ARR(ND_INT64, int64_t, SHAPE(4), 1, 1, 2, 3, 5);
    NdArray *v = nd_vander(x, 3, false);
    expect_i64(v, (int64_t[]){1, 1, 1, 4, 2, 1, 9, 3, 1, 25, 5, 1}, 12);
    nd_decref(v);
    NdArray *d = ARR(ND_INT64, int64_t, SHAPE(2), 1, 1, 2);
    NdArray *df = nd_diagflat(d, 1);
    expect_i64(df, (int64_t[]){0, 1, 0, 0, 0, 2, 0, 0, 0}, 9);
    nd_decref(df);
    NdArray *ix = nd_indices(2, SHAPE(2, 3), ND_INT64);
    expect_i64(ix, (int64_t[]){0, 0, 0, 1, 1, 1, 0, 1, 2, 0, 1, 2}, 12);
    nd_decref(ix);
    NdArray *in[2] = {x, d}, *out[2];
    ck_assert_int_eq(nd_meshgrid(in, 2, false, false, true, out), 0);
    ck_assert_int_eq(out[0]->shape[0], 2); /* 'xy': (len(y), len(x)) */
    ck_assert_int_eq(out[0]->shape[1], 4);
    expect_i64(out[1], (int64_t[]){1, 1, 1, 1, 2, 2, 2, 2}, 8);
    nd_decref(out[0]);
    nd_decref(out[1]);
    ck_assert_int_eq(nd_meshgrid(in, 2, true, true, false, out), 0);
    ck_assert_int_eq(out[0]->shape[0], 4); /* 'ij', sparse: (4, 1) (1, 2) */
    ck_assert_int_eq(out[0]->shape[1], 1);
    ck_assert_int_eq(out[1]->shape[1], 2);
    nd_decref(out[0]);
    nd_decref(out[1]);
    nd_decref(d);
    nd_decref(x);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("manip");
    TCase *tc = tcase_create("manip");
    tcase_add_test(tc, test_concatenate);
    tcase_add_test(tc, test_stack);
    tcase_add_test(tc, test_views);
    tcase_add_test(tc, test_split);
    tcase_add_test(tc, test_tile_repeat_roll);
    tcase_add_test(tc, test_insert_delete);
    tcase_add_test(tc, test_pad);
    tcase_add_test(tc, test_trim_zeros);
    tcase_add_test(tc, test_ranges);
    tcase_add_test(tc, test_grids);
    suite_add_tcase(s, tc);
    return nd_test_main(s);
}
