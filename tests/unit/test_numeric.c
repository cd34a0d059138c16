/* test_numeric.c — Check suite of lib/numeric.c: the numeric helpers
 * against the values NumPy's documentation gives (or hand-worked ones),
 * their result dtypes, edge cases and error texts. */
#include <math.h>

#include "testutil.h"

static NdArray *f64(int64_t n, const double *v)
{
    return nd_from_data(ND_FLOAT64, 1, &n, v, n);
}
static NdArray *i64(int64_t n, const int64_t *v)
{
    return nd_from_data(ND_INT64, 1, &n, v, n);
}
#define F64(...)                                                               \
    f64((int64_t)(sizeof((double[]){__VA_ARGS__}) / sizeof(double)),           \
        (const double[]){__VA_ARGS__})
#define I64(...)                                                               \
    i64((int64_t)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)),         \
        (const int64_t[]){__VA_ARGS__})

static double getf(NdArray *a, int64_t i)
{
    NdScalar s, d;
    ck_assert_int_eq(nd_get_item(a, &i, &s), 0);
    nd_scalar_cast(&s, ND_FLOAT64, &d);
    return d.v.f64;
}

static double getf2(NdArray *a, int64_t i, int64_t j)
{
    int64_t idx[2] = {i, j};
    NdScalar s, d;
    ck_assert_int_eq(nd_get_item(a, idx, &s), 0);
    nd_scalar_cast(&s, ND_FLOAT64, &d);
    return d.v.f64;
}

static void expect1(NdArray *a, NdType dt, int64_t n, const double *v)
{
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->dtype, dt);
    ck_assert_int_eq(a->ndim, 1);
    ck_assert_int_eq(a->shape[0], n);
    for (int64_t i = 0; i < n; i++)
        ck_assert_double_eq_tol(getf(a, i), v[i], 1e-12);
}
#define EXPECT1(a, dt, ...)                                                    \
    expect1((a), (dt),                                                         \
            (int64_t)(sizeof((double[]){__VA_ARGS__}) / sizeof(double)),       \
            (const double[]){__VA_ARGS__})

static NdArray *weak_f(double v)
{
    NdScalar s = nd_scalar_float64(v);
    s.weak = true;
    return nd_from_scalar(&s);
}

START_TEST(test_diff)
{
    NdArray *x = I64(1, 2, 4, 7, 0);
    NdArray *d = nd_diff(x, 1, -1, NULL, NULL);
    EXPECT1(d, ND_INT64, 1, 2, 3, -7);
    nd_decref(d);
    d = nd_diff(x, 2, -1, NULL, NULL);
    EXPECT1(d, ND_INT64, 1, 1, -10);
    nd_decref(d);
    d = nd_diff(x, 0, 0, NULL, NULL);
    ck_assert_ptr_eq(d, x);
    nd_decref(d);
    d = nd_diff(x, 9, 0, NULL, NULL);
    ck_assert_int_eq(d->size, 0);
    nd_decref(d);
    ck_assert_ptr_null(nd_diff(x, -1, 0, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "order must be non-negative but got -1");
    ck_assert_ptr_null(nd_diff(x, 1, 1, NULL, NULL));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 1 is out of bounds for array of dimension 1");
    /* [[1, 3, 6, 10], [0, 5, 6, 8]] along axis 0 -> [[-1, 2, 0, -2]] */
    NdArray *m =
        ARR(ND_INT64, int64_t, SHAPE(2, 4), 2, 1, 3, 6, 10, 0, 5, 6, 8);
    d = nd_diff(m, 1, 0, NULL, NULL);
    ck_assert_int_eq(d->ndim, 2);
    ck_assert_int_eq(d->shape[0], 1);
    ck_assert_int_eq(getf2(d, 0, 0), -1);
    ck_assert_int_eq(getf2(d, 0, 3), -2);
    nd_decref(d);
    /* uint8 wraps: diff([1, 0]) == [255] */
    NdArray *u = ARR(ND_UINT8, uint8_t, SHAPE(2), 1, 1, 0);
    d = nd_diff(u, 1, -1, NULL, NULL);
    EXPECT1(d, ND_UINT8, 255);
    nd_decref(d);
    nd_decref(u);
    /* prepend a 0-d 0: [1, 1, 2, 3, -7] */
    NdScalar z = nd_scalar_int64(0);
    NdArray *zero = nd_from_scalar(&z);
    d = nd_diff(x, 1, -1, zero, NULL);
    EXPECT1(d, ND_INT64, 1, 1, 2, 3, -7);
    nd_decref(d);
    nd_decref(zero);
    /* bool uses != */
    NdArray *b = ARR(ND_BOOL, bool, SHAPE(3), 1, true, false, false);
    d = nd_diff(b, 1, -1, NULL, NULL);
    ck_assert_int_eq(d->dtype, ND_BOOL);
    EXPECT1(d, ND_BOOL, 1, 0);
    nd_decref(d);
    nd_decref(b);
    NdScalar s = nd_scalar_int64(5);
    NdArray *zd = nd_from_scalar(&s);
    ck_assert_ptr_null(nd_diff(zd, 1, -1, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "diff requires input that is at least one dimensional");
    nd_decref(zd);
    nd_decref(m);
    nd_decref(x);
}
END_TEST

START_TEST(test_ediff1d)
{
    NdArray *x = I64(1, 2, 4, 7, 0);
    NdArray *e = nd_ediff1d(x, NULL, NULL);
    EXPECT1(e, ND_INT64, 1, 2, 3, -7);
    nd_decref(e);
    NdScalar s = nd_scalar_int64(-99);
    NdArray *beg = nd_from_scalar(&s), *end = I64(88, 99);
    e = nd_ediff1d(x, end, beg);
    EXPECT1(e, ND_INT64, -99, 1, 2, 3, -7, 88, 99);
    nd_decref(e);
    NdArray *fb = F64(0.5);
    ck_assert_ptr_null(nd_ediff1d(x, NULL, fb));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "dtype of `to_begin` must be compatible with input "
                       "`ary` under the `same_kind` rule.");
    nd_decref(fb);
    nd_decref(beg);
    nd_decref(end);
    nd_decref(x);
}
END_TEST

START_TEST(test_gradient)
{
    NdArray *f = I64(1, 2, 4, 7, 11, 16), *out[ND_MAXDIMS];
    ck_assert_int_eq(nd_gradient(f, NULL, 0, NULL, 0, 1, out), 1);
    EXPECT1(out[0], ND_FLOAT64, 1, 1.5, 2.5, 3.5, 4.5, 5);
    nd_decref(out[0]);
    NdArray *two = weak_f(2.0);
    ck_assert_int_eq(nd_gradient(f, &two, 1, NULL, 0, 1, out), 1);
    EXPECT1(out[0], ND_FLOAT64, 0.5, 0.75, 1.25, 1.75, 2.25, 2.5);
    nd_decref(out[0]);
    NdArray *x = F64(0., 1., 1.5, 3.5, 4., 6.);
    ck_assert_int_eq(nd_gradient(f, &x, 1, NULL, 0, 1, out), 1);
    EXPECT1(out[0], ND_FLOAT64, 1., 3., 3.5, 6.7, 6.9, 2.5);
    nd_decref(out[0]);
    /* edge_order=2 on x**2 is exact: [0, 2, 4, 6, 8] */
    NdArray *sq = I64(0, 1, 4, 9, 16);
    ck_assert_int_eq(nd_gradient(sq, NULL, 0, NULL, 0, 2, out), 1);
    EXPECT1(out[0], ND_FLOAT64, 0, 2, 4, 6, 8);
    nd_decref(out[0]);
    /* 2-d: [[1, 2, 6], [3, 4, 5]] */
    NdArray *m = ARR(ND_INT64, int64_t, SHAPE(2, 3), 2, 1, 2, 6, 3, 4, 5);
    ck_assert_int_eq(nd_gradient(m, NULL, 0, NULL, 0, 1, out), 2);
    ck_assert_double_eq(getf2(out[0], 0, 2), -1);
    ck_assert_double_eq(getf2(out[1], 0, 1), 2.5);
    ck_assert_double_eq(getf2(out[1], 1, 2), 1);
    nd_decref(out[0]);
    nd_decref(out[1]);
    int64_t ax = -1;
    ck_assert_int_eq(nd_gradient(m, NULL, 0, &ax, 1, 1, out), 1);
    ck_assert_double_eq(getf2(out[0], 0, 0), 1);
    nd_decref(out[0]);
    ax = 2;
    ck_assert_int_eq(nd_gradient(m, NULL, 0, &ax, 1, 1, out), -1);
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    ck_assert_int_eq(nd_gradient(m, NULL, 0, NULL, 0, 3, out), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "'edge_order' greater than 2 not supported");
    NdArray *one = I64(1);
    ck_assert_int_eq(nd_gradient(one, NULL, 0, NULL, 0, 1, out), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Shape of array too small to calculate a numerical "
                       "gradient, at least (edge_order + 1) elements are "
                       "required.");
    /* float32 stays float32 with a Python-float spacing */
    NdArray *f32 = ARR(ND_FLOAT32, float, SHAPE(2), 1, 1.f, 2.5f);
    ck_assert_int_eq(nd_gradient(f32, NULL, 0, NULL, 0, 1, out), 1);
    EXPECT1(out[0], ND_FLOAT32, 1.5, 1.5);
    nd_decref(out[0]);
    nd_decref(f32);
    nd_decref(one);
    nd_decref(m);
    nd_decref(sq);
    nd_decref(x);
    nd_decref(two);
    nd_decref(f);
}
END_TEST

START_TEST(test_cross)
{
    NdArray *a = I64(1, 2, 3), *b = I64(4, 5, 6);
    NdArray *c = nd_cross(a, b, -1, -1, -1);
    EXPECT1(c, ND_INT64, -3, 6, -3);
    nd_decref(c);
    NdArray *a2 = I64(1, 2), *b2 = I64(4, 5);
    c = nd_cross(a2, b, -1, -1, -1);
    EXPECT1(c, ND_INT64, 12, -6, -3);
    nd_decref(c);
    c = nd_cross(a2, b2, -1, -1, -1);
    ck_assert_int_eq(c->ndim, 0);
    ck_assert_double_eq(getf(c, 0), -3);
    nd_decref(c);
    ck_assert_ptr_null(nd_cross(a, b, 3, -1, -1));
    ck_assert_nd_error(ND_ERR_AXIS, "axisa: axis 3 is out of bounds for "
                                    "array of dimension 1");
    ck_assert_ptr_null(nd_cross(a, b, -1, -1, 1));
    ck_assert_nd_error(ND_ERR_AXIS, "axisc: axis 1 is out of bounds for "
                                    "array of dimension 1");
    NdArray *a4 = I64(1, 2, 3, 4);
    ck_assert_ptr_null(nd_cross(a4, b, -1, -1, -1));
    ck_assert_nd_error(ND_ERR_VALUE, "incompatible dimensions for cross "
                                     "product\n(dimension must be 2 or 3)");
    /* rows: [[1,2,3],[4,5,6]] x [[4,5,6],[1,2,3]], result along axis 0 */
    NdArray *x = ARR(ND_INT64, int64_t, SHAPE(2, 3), 2, 1, 2, 3, 4, 5, 6);
    NdArray *y = ARR(ND_INT64, int64_t, SHAPE(2, 3), 2, 4, 5, 6, 1, 2, 3);
    c = nd_cross(x, y, -1, -1, 0);
    ck_assert_int_eq(c->shape[0], 3);
    ck_assert_int_eq(c->shape[1], 2);
    ck_assert_double_eq(getf2(c, 1, 0), 6);
    ck_assert_double_eq(getf2(c, 1, 1), -6);
    nd_decref(c);
    nd_decref(x);
    nd_decref(y);
    nd_decref(a4);
    nd_decref(a2);
    nd_decref(b2);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(test_trapezoid)
{
    NdArray *y = I64(1, 2, 3), *x = I64(4, 6, 8), *one = weak_f(1.0);
    NdArray *r = nd_trapezoid(y, NULL, one, -1);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    ck_assert_double_eq(getf(r, 0), 4.0);
    nd_decref(r);
    r = nd_trapezoid(y, x, NULL, -1);
    ck_assert_double_eq(getf(r, 0), 8.0);
    nd_decref(r);
    NdArray *m = ARR(ND_INT64, int64_t, SHAPE(2, 3), 2, 0, 1, 2, 3, 4, 5);
    r = nd_trapezoid(m, NULL, one, 0);
    EXPECT1(r, ND_FLOAT64, 1.5, 2.5, 3.5);
    nd_decref(r);
    r = nd_trapezoid(m, NULL, one, 1);
    EXPECT1(r, ND_FLOAT64, 2., 8.);
    nd_decref(r);
    ck_assert_ptr_null(nd_trapezoid(m, NULL, one, 2));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    nd_decref(m);
    nd_decref(one);
    nd_decref(x);
    nd_decref(y);
}
END_TEST

START_TEST(test_convolve)
{
    NdArray *a = I64(1, 2, 3), *v = F64(0, 1, 0.5);
    NdArray *r = nd_convolve(a, v, ND_CONV_FULL);
    EXPECT1(r, ND_FLOAT64, 0, 1, 2.5, 4, 1.5);
    nd_decref(r);
    r = nd_convolve(a, v, ND_CONV_SAME);
    EXPECT1(r, ND_FLOAT64, 1, 2.5, 4);
    nd_decref(r);
    r = nd_convolve(a, v, ND_CONV_VALID);
    EXPECT1(r, ND_FLOAT64, 2.5);
    nd_decref(r);
    r = nd_correlate(a, v, ND_CONV_VALID);
    EXPECT1(r, ND_FLOAT64, 3.5);
    nd_decref(r);
    r = nd_correlate(a, v, ND_CONV_SAME);
    EXPECT1(r, ND_FLOAT64, 2, 3.5, 3);
    nd_decref(r);
    r = nd_correlate(a, v, ND_CONV_FULL);
    EXPECT1(r, ND_FLOAT64, 0.5, 2, 3.5, 3, 0);
    nd_decref(r);
    /* correlate([1+1j, 2, 3-1j], [0, 1, 0.5j], 'full') */
    nd_complex128 ca[3] = {{1, 1}, {2, 0}, {3, -1}},
                  cv[3] = {{0, 0}, {1, 0}, {0, 0.5}};
    int64_t n3 = 3;
    NdArray *za = nd_from_data(ND_COMPLEX128, 1, &n3, ca, 3);
    NdArray *zv = nd_from_data(ND_COMPLEX128, 1, &n3, cv, 3);
    r = nd_correlate(za, zv, ND_CONV_FULL);
    nd_complex128 want[5] = {{0.5, -0.5}, {1, 0}, {1.5, -1.5}, {3, -1}, {0, 0}};
    for (int i = 0; i < 5; i++) {
        nd_complex128 g = ((nd_complex128 *)r->data)[i];
        ck_assert_double_eq(g.re, want[i].re);
        ck_assert_double_eq(g.im, want[i].im);
    }
    nd_decref(r);
    NdArray *e = F64(1);
    NdArray *empty = nd_zeros(ND_FLOAT64, 1, SHAPE(0), 'C');
    ck_assert_ptr_null(nd_correlate(empty, e, ND_CONV_VALID));
    ck_assert_nd_error(ND_ERR_VALUE, "first array argument cannot be empty");
    ck_assert_ptr_null(nd_convolve(e, empty, ND_CONV_FULL));
    ck_assert_nd_error(ND_ERR_VALUE, "v cannot be empty");
    NdConvMode md;
    ck_assert_int_eq(nd_conv_mode("x", &md), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "mode must be one of 'valid', 'same', "
                                     "or 'full' (got 'x')");
    /* int8 products wrap as NumPy's int8 loop: 100*2 + 100*2 = 400 -> -112 */
    NdArray *i8 = ARR(ND_INT8, int8_t, SHAPE(2), 1, 100, 100);
    NdArray *t8 = ARR(ND_INT8, int8_t, SHAPE(1), 1, 2);
    r = nd_convolve(i8, t8, ND_CONV_VALID);
    EXPECT1(r, ND_INT8, -56, -56);
    nd_decref(r);
    nd_decref(i8);
    nd_decref(t8);
    nd_decref(e);
    nd_decref(empty);
    nd_decref(za);
    nd_decref(zv);
    nd_decref(a);
    nd_decref(v);
}
END_TEST

START_TEST(test_interp)
{
    NdArray *xp = I64(1, 2, 3), *fp = I64(3, 2, 0);
    NdArray *x = F64(0, 1, 1.5, 2.72, 3.14);
    NdArray *r = nd_interp(x, xp, fp, NULL, NULL, NULL);
    EXPECT1(r, ND_FLOAT64, 3, 3, 2.5, 0.56, 0);
    nd_decref(r);
    NdScalar right = nd_scalar_float64(-99.0);
    NdArray *x1 = F64(3.14);
    r = nd_interp(x1, xp, fp, NULL, &right, NULL);
    EXPECT1(r, ND_FLOAT64, -99);
    nd_decref(r);
    /* the periodic example of NumPy's documentation */
    NdArray *xs = I64(-180, -170, -185, 185, -10, -5, 0, 365);
    NdArray *xpp = I64(190, -190, 350, -350), *fpp = I64(5, 10, 3, 4);
    double period = 360;
    r = nd_interp(xs, xpp, fpp, NULL, NULL, &period);
    EXPECT1(r, ND_FLOAT64, 7.5, 5., 8.75, 6.25, 3., 3.25, 3.5, 3.75);
    nd_decref(r);
    period = 0;
    ck_assert_ptr_null(nd_interp(xs, xpp, fpp, NULL, NULL, &period));
    ck_assert_nd_error(ND_ERR_VALUE, "period must be a non-zero value");
    NdArray *empty = nd_zeros(ND_FLOAT64, 1, SHAPE(0), 'C');
    ck_assert_ptr_null(nd_interp(x, empty, empty, NULL, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "array of sample points is empty");
    ck_assert_ptr_null(nd_interp(x, xp, xpp, NULL, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "fp and xp are not of the same length.");
    NdArray *nanx = F64(NAN);
    r = nd_interp(nanx, xp, fp, NULL, NULL, NULL);
    ck_assert(isnan(getf(r, 0)));
    nd_decref(r);
    nd_decref(nanx);
    nd_decref(empty);
    nd_decref(xs);
    nd_decref(xpp);
    nd_decref(fpp);
    nd_decref(x1);
    nd_decref(x);
    nd_decref(xp);
    nd_decref(fp);
}
END_TEST

START_TEST(test_digitize_bincount)
{
    NdArray *x = F64(0.2, 6.4, 3.0, 1.6), *bins = F64(0.0, 1.0, 2.5, 4.0, 10.0);
    NdArray *r = nd_digitize(x, bins, false);
    EXPECT1(r, ND_INT64, 1, 4, 3, 2);
    nd_decref(r);
    NdArray *x2 = F64(1.2, 10.0, 12.4, 15.5, 20.), *b2 = I64(0, 5, 10, 15, 20);
    r = nd_digitize(x2, b2, true);
    EXPECT1(r, ND_INT64, 1, 2, 3, 4, 4);
    nd_decref(r);
    r = nd_digitize(x2, b2, false);
    EXPECT1(r, ND_INT64, 1, 3, 3, 4, 5);
    nd_decref(r);
    NdArray *bad = I64(1, 3, 2);
    ck_assert_ptr_null(nd_digitize(x, bad, false));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "bins must be monotonically increasing or decreasing");
    /* exact for int64 beyond 2**53 */
    NdArray *big = I64(9007199254740993),
            *bb = I64(9007199254740992, 9007199254740994);
    r = nd_digitize(big, bb, false);
    EXPECT1(r, ND_INT64, 1);
    nd_decref(r);
    nd_decref(big);
    nd_decref(bb);

    NdArray *c = I64(0, 1, 1, 3, 2, 1, 7);
    r = nd_bincount(c, NULL, 0);
    EXPECT1(r, ND_INT64, 1, 3, 1, 1, 0, 0, 0, 1);
    nd_decref(r);
    NdArray *w = F64(0.3, 0.5, 0.2, 0.7, 1., -0.6), *c2 = I64(0, 1, 1, 2, 2, 2);
    r = nd_bincount(c2, w, 0);
    EXPECT1(r, ND_FLOAT64, 0.3, 0.7, 1.1);
    nd_decref(r);
    NdArray *one = I64(1);
    r = nd_bincount(one, NULL, 3);
    EXPECT1(r, ND_INT64, 0, 1, 0);
    nd_decref(r);
    NdArray *neg = I64(-1);
    ck_assert_ptr_null(nd_bincount(neg, NULL, 0));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "'list' argument must have no negative elements");
    ck_assert_ptr_null(nd_bincount(one, NULL, -1));
    ck_assert_nd_error(ND_ERR_VALUE, "'minlength' must not be negative");
    ck_assert_ptr_null(nd_bincount(c, w, 0));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "The weights and list don't have the same length.");
    nd_decref(neg);
    nd_decref(one);
    nd_decref(w);
    nd_decref(c2);
    nd_decref(c);
    nd_decref(bad);
    nd_decref(x2);
    nd_decref(b2);
    nd_decref(x);
    nd_decref(bins);
}
END_TEST

START_TEST(test_histogram)
{
    NdArray *a = I64(1, 2, 1), *edges = I64(0, 1, 2, 3), *h, *e;
    NdHistBins b = {.edges = edges};
    ck_assert_int_eq(nd_histogram(a, &b, NULL, false, NULL, &h, &e), 0);
    EXPECT1(h, ND_INT64, 0, 2, 1);
    ck_assert_ptr_eq(e, edges);
    nd_decref(h);
    nd_decref(e);
    /* np.histogram(np.arange(4), bins=np.arange(5), density=True) */
    NdArray *a4 = I64(0, 1, 2, 3), *e5 = I64(0, 1, 2, 3, 4);
    NdHistBins b5 = {.edges = e5};
    ck_assert_int_eq(nd_histogram(a4, &b5, NULL, true, NULL, &h, &e), 0);
    EXPECT1(h, ND_FLOAT64, 0.25, 0.25, 0.25, 0.25);
    nd_decref(h);
    nd_decref(e);
    NdHistBins two = {.count = 2};
    NdArray *a14 = I64(1, 2, 3, 4);
    ck_assert_int_eq(nd_histogram(a14, &two, NULL, false, NULL, &h, &e), 0);
    EXPECT1(h, ND_INT64, 2, 2);
    EXPECT1(e, ND_FLOAT64, 1, 2.5, 4);
    nd_decref(h);
    nd_decref(e);
    /* the last bin is closed, values outside the range are dropped */
    double range[2] = {1, 4};
    NdArray *a6 = I64(0, 1, 2, 3, 4, 5);
    NdHistBins five = {.count = 5};
    ck_assert_int_eq(nd_histogram(a6, &five, range, false, NULL, &h, &e), 0);
    EXPECT1(h, ND_INT64, 1, 1, 0, 1, 1);
    nd_decref(h);
    nd_decref(e);
    /* estimators: np.histogram(np.arange(10), bins='auto') has 5 bins */
    NdArray *a10 = nd_zeros(ND_FLOAT64, 1, SHAPE(10), 'C');
    for (int i = 0; i < 10; i++)
        ((double *)a10->data)[i] = i;
    NdHistBins aut = {.estimator = "auto"};
    ck_assert_int_eq(nd_histogram(a10, &aut, NULL, false, NULL, &h, &e), 0);
    EXPECT1(h, ND_INT64, 2, 2, 2, 2, 2);
    nd_decref(h);
    nd_decref(e);
    NdHistBins bad = {.estimator = "foo"};
    ck_assert_ptr_null(nd_histogram_bin_edges(a10, &bad, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "'foo' is not a valid estimator for `bins`");
    NdHistBins zero = {.count = 0};
    ck_assert_ptr_null(nd_histogram_bin_edges(a10, &zero, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "`bins` must be positive, when an integer");
    double rr[2] = {2, 1};
    ck_assert_ptr_null(nd_histogram_bin_edges(a10, &two, rr, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "max must be larger than min in range parameter.");
    NdArray *inf = F64(1, INFINITY);
    ck_assert_ptr_null(nd_histogram_bin_edges(inf, &two, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "autodetected range of [1.0, inf] is not finite");
    /* 2-d: histogram2d([0, 1, 1, 3], [0, 0, 2, 3], bins=2) */
    NdArray *x = I64(0, 1, 1, 3), *y = I64(0, 0, 2, 3), *xe, *ye;
    const double *const nor[2] = {NULL, NULL};
    ck_assert_int_eq(
        nd_histogram2d(x, y, &two, &two, nor, false, NULL, &h, &xe, &ye), 0);
    ck_assert_double_eq(getf2(h, 0, 0), 2);
    ck_assert_double_eq(getf2(h, 0, 1), 1);
    ck_assert_double_eq(getf2(h, 1, 0), 0);
    ck_assert_double_eq(getf2(h, 1, 1), 1);
    EXPECT1(xe, ND_FLOAT64, 0, 1.5, 3);
    nd_decref(h);
    nd_decref(xe);
    nd_decref(ye);
    nd_decref(x);
    nd_decref(y);
    nd_decref(inf);
    nd_decref(a10);
    nd_decref(a6);
    nd_decref(a14);
    nd_decref(a4);
    nd_decref(e5);
    nd_decref(a);
    nd_decref(edges);
}
END_TEST

START_TEST(test_isclose)
{
    NdArray *a = F64(1e10, 1e-7), *b = F64(1.00001e10, 1e-8);
    NdArray *rt = weak_f(1e-5), *at = weak_f(1e-8), *z = weak_f(0.0);
    NdArray *r = nd_isclose(a, b, rt, at, false);
    EXPECT1(r, ND_BOOL, 1, 0);
    nd_decref(r);
    ck_assert_int_eq(nd_allclose(a, b, rt, at, false), 0);
    NdArray *n1 = F64(1.0, NAN);
    r = nd_isclose(n1, n1, rt, at, false);
    EXPECT1(r, ND_BOOL, 1, 0);
    nd_decref(r);
    ck_assert_int_eq(nd_allclose(n1, n1, rt, at, true), 1);
    /* NumPy 2: inf == inf is close; inf vs -inf is not */
    NdArray *i1 = F64(INFINITY, INFINITY), *i2 = F64(INFINITY, -INFINITY);
    r = nd_isclose(i1, i2, rt, at, false);
    EXPECT1(r, ND_BOOL, 1, 0);
    nd_decref(r);
    NdArray *s = F64(1e-100, 1e-7), *zz = F64(0, 0);
    r = nd_isclose(s, zz, rt, z, false);
    EXPECT1(r, ND_BOOL, 0, 0);
    nd_decref(r);
    NdArray *c3 = F64(1, 2, 3);
    ck_assert_ptr_null(nd_isclose(a, c3, rt, at, false));
    ck_assert_nd_error(ND_ERR_VALUE, "operands could not be broadcast "
                                     "together with shapes (2,) (3,) ");
    ck_assert_int_eq(nd_array_equal(a, a, false), 1);
    ck_assert_int_eq(nd_array_equal(a, c3, false), 0);
    ck_assert_int_eq(nd_array_equal(n1, n1, false), 0);
    ck_assert_int_eq(nd_array_equal(n1, n1, true), 1);
    NdArray *m =
        ARR(ND_FLOAT64, double, SHAPE(2, 2), 2, 1e10, 1e-7, 1e10, 1e-7);
    ck_assert_int_eq(nd_array_equiv(a, m), 1);
    ck_assert_int_eq(nd_array_equiv(c3, m), 0);
    nd_decref(m);
    nd_decref(c3);
    nd_decref(s);
    nd_decref(zz);
    nd_decref(i1);
    nd_decref(i2);
    nd_decref(n1);
    nd_decref(rt);
    nd_decref(at);
    nd_decref(z);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(test_limits)
{
    NdIinfo ii;
    ck_assert_int_eq(nd_iinfo(ND_INT8, &ii), 0);
    ck_assert_int_eq(ii.min, -128);
    ck_assert_uint_eq(ii.max, 127);
    ck_assert_int_eq(ii.bits, 8);
    ck_assert_int_eq(nd_iinfo(ND_UINT64, &ii), 0);
    ck_assert_uint_eq(ii.max, UINT64_MAX);
    ck_assert_int_eq(ii.kind, 'u');
    ck_assert_int_eq(nd_iinfo(ND_INT64, &ii), 0);
    ck_assert_int_eq(ii.min, INT64_MIN);
    ck_assert_int_eq(nd_iinfo(ND_FLOAT64, &ii), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "Invalid integer data type 'f'.");
    NdFinfo fi;
    ck_assert_int_eq(nd_finfo(ND_FLOAT64, &fi), 0);
    ck_assert_double_eq(fi.eps, 2.220446049250313e-16);
    ck_assert_double_eq(fi.tiny, 2.2250738585072014e-308);
    ck_assert_double_eq(fi.max, 1.7976931348623157e+308);
    ck_assert_double_eq(fi.smallest_subnormal, 5e-324);
    ck_assert_int_eq(fi.precision, 15);
    ck_assert_int_eq(fi.nmant, 52);
    ck_assert_int_eq(nd_finfo(ND_COMPLEX64, &fi), 0);
    ck_assert_int_eq(fi.dtype, ND_FLOAT32);
    ck_assert_double_eq(fi.eps, 1.1920928955078125e-07);
    ck_assert_int_eq(fi.minexp, -126);
    ck_assert_int_eq(nd_finfo(ND_INT64, &fi), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "data type <class 'numpy.int64'> not inexact");
}
END_TEST

START_TEST(test_sliding_window)
{
    NdArray *x = I64(0, 1, 2, 3, 4, 5);
    int64_t w = 3;
    NdArray *v = nd_sliding_window_view(x, &w, 1, NULL, 0, false);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(v->ndim, 2);
    ck_assert_int_eq(v->shape[0], 4);
    ck_assert_int_eq(v->shape[1], 3);
    ck_assert_ptr_eq(v->buffer, x->buffer); /* a view, no copy */
    ck_assert(!(v->flags & ND_WRITEABLE));
    ck_assert_double_eq(getf2(v, 3, 2), 5);
    ck_assert_double_eq(getf2(v, 1, 0), 1);
    nd_decref(v);
    w = 7;
    ck_assert_ptr_null(nd_sliding_window_view(x, &w, 1, NULL, 0, false));
    ck_assert_nd_error(ND_ERR_VALUE, "window shape cannot be larger than "
                                     "input array shape");
    w = -1;
    ck_assert_ptr_null(nd_sliding_window_view(x, &w, 1, NULL, 0, false));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "`window_shape` cannot contain negative values");
    w = 2;
    int64_t ax = 1;
    ck_assert_ptr_null(nd_sliding_window_view(x, &w, 1, &ax, 1, false));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 1 is out of bounds for array of dimension 1");
    nd_decref(x);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("numeric");
    TCase *tc = tcase_create("numeric");
    tcase_add_test(tc, test_diff);
    tcase_add_test(tc, test_ediff1d);
    tcase_add_test(tc, test_gradient);
    tcase_add_test(tc, test_cross);
    tcase_add_test(tc, test_trapezoid);
    tcase_add_test(tc, test_convolve);
    tcase_add_test(tc, test_interp);
    tcase_add_test(tc, test_digitize_bincount);
    tcase_add_test(tc, test_histogram);
    tcase_add_test(tc, test_isclose);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_sliding_window);
    suite_add_tcase(s, tc);
    return nd_test_main(s);
}
