/* test_reduce.c — Check suite of lib/reduce.c: the generic ufunc reduction
 * and the named reductions over every axis combination of a 3-d example
 * (against plain loops written here), the fixed summation order (the same
 * bits for every layout and for both walks of the engine, and NumPy's
 * pairwise algorithm re-derived from its description), the accuracy case,
 * the edge cases and warnings, and the statistics (values worked by
 * hand). */
#include <math.h>

#include "testutil.h"

/* A C-order float64 array of n pseudo-random values in [0, 1) shaped as
 * asked (a multiplicative scramble, as the benchmarks use). */
static NdArray *scramble(int ndim, const int64_t *shape)
{
    NdArray *a = nd_empty(ND_FLOAT64, ndim, shape, 'C');
    ck_assert_ptr_nonnull(a);
    double *x = (double *)(void *)a->data;
    for (int64_t i = 0; i < a->size; i++) {
        double v = (double)i * 0.6180339887498949;
        x[i] = v - floor(v) + 1e-3 * (double)(i % 7);
    }
    return a;
}

static NdArray *iota(int ndim, const int64_t *shape)
{
    NdArray *a = nd_empty(ND_INT64, ndim, shape, 'C');
    ck_assert_ptr_nonnull(a);
    for (int64_t i = 0; i < a->size; i++)
        ((int64_t *)(void *)a->data)[i] = i;
    return a;
}

static double f64(const NdArray *a, int64_t i)
{
    return ((const double *)(const void *)a->data)[i];
}
static int64_t i64(const NdArray *a, int64_t i)
{
    return ((const int64_t *)(const void *)a->data)[i];
}

/* NumPy's pairwise summation as its documentation describes it. */
static double pairwise_ref(const double *x, int64_t n)
{
    if (n < 8) {
        double r = 0.;
        for (int64_t i = 0; i < n; i++)
            r += x[i];
        return r;
    }
    if (n <= 128) {
        double r[8];
        for (int k = 0; k < 8; k++)
            r[k] = x[k];
        int64_t i;
        for (i = 8; i < n - (n % 8); i += 8)
            for (int k = 0; k < 8; k++)
                r[k] += x[i + k];
        double s =
            ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            s += x[i];
        return s;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_ref(x, n2) + pairwise_ref(x + n2, n - n2);
}

START_TEST(sum_every_axis_combination)
{
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    /* every subset of {0, 1, 2}, with and without keepdims */
    for (int mask = 0; mask < 8; mask++) {
        int axes[3], n = 0;
        for (int d = 0; d < 3; d++)
            if (mask & (1 << d))
                axes[n++] = d;
        for (int keep = 0; keep < 2; keep++) {
            NdArray *r = nd_sum(a, axes, n, keep, ND_NTYPES, NULL, NULL);
            ck_assert_ptr_nonnull(r);
            ck_assert_int_eq(r->dtype, ND_INT64);
            ck_assert_int_eq(r->ndim, keep ? 3 : 3 - n);
            /* the reference: accumulate each element into its output */
            int64_t ref[24] = {0};
            int64_t os[3], on = 1;
            for (int d = 2; d >= 0; d--) {
                os[d] = (mask & (1 << d)) ? 0 : on;
                on *= (mask & (1 << d)) ? 1 : a->shape[d];
            }
            for (int64_t i = 0; i < 2; i++)
                for (int64_t j = 0; j < 3; j++)
                    for (int64_t k = 0; k < 4; k++)
                        ref[i * os[0] + j * os[1] + k * os[2]] +=
                            i * 12 + j * 4 + k;
            ck_assert_int_eq(r->size, on);
            for (int64_t o = 0; o < on; o++)
                ck_assert_int_eq(i64(r, o), ref[o]);
            nd_decref(r);
        }
    }
    nd_decref(a);
}
END_TEST

START_TEST(max_min_prod_every_axis)
{
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    int ax[2] = {0, 2};
    NdArray *mx = nd_max(a, ax, 2, false, NULL, NULL);
    NdArray *mn = nd_min(a, ax, 2, true, NULL, NULL);
    ck_assert_ptr_nonnull(mx);
    ck_assert_ptr_nonnull(mn);
    ck_assert_int_eq(mx->ndim, 1);
    ck_assert_int_eq(mn->ndim, 3);
    for (int j = 0; j < 3; j++) {
        ck_assert_int_eq(i64(mx, j), 12 + 4 * j + 3);
        ck_assert_int_eq(i64(mn, j), 4 * j);
    }
    int ax1[1] = {-1};
    NdArray *p = nd_prod(a, ax1, 1, false, ND_NTYPES, NULL, NULL);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(i64(p, 0), 0);             /* 0*1*2*3 */
    ck_assert_int_eq(i64(p, 1), 4 * 5 * 6 * 7); /* 840 */
    nd_decref(mx);
    nd_decref(mn);
    nd_decref(p);
    nd_decref(a);
}
END_TEST

START_TEST(pairwise_is_numpys_algorithm)
{
    int64_t sizes[] = {1, 7, 8, 9, 127, 128, 129, 1001, 5000, 100003};
    for (size_t t = 0; t < sizeof sizes / sizeof *sizes; t++) {
        int64_t n = sizes[t];
        NdArray *a = scramble(1, &n);
        NdArray *s = nd_sum(a, NULL, -1, false, ND_NTYPES, NULL, NULL);
        ck_assert_ptr_nonnull(s);
        double ref = 0.0 + pairwise_ref((const double *)(void *)a->data, n);
        ck_assert(memcmp(s->data, &ref, sizeof ref) == 0);
        nd_decref(s);
        nd_decref(a);
    }
}
END_TEST

/* The same sums whatever the layout: C, F, transposed views, and both
 * walks of the engine (rows for a non-last axis, inner for the last). */
START_TEST(order_fixed_across_layouts)
{
    NdArray *c = scramble(2, SHAPE(1000, 7));
    NdArray *f = nd_copy(c, 'F');
    NdArray *t = nd_transpose(c, NULL, 0);
    NdArray *tc = nd_copy(t, 'C');
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(tc);
    int ax0[1] = {0}, ax1[1] = {1};
    NdArray *r1 = nd_sum(c, ax0, 1, false, ND_NTYPES, NULL, NULL);  /* rows */
    NdArray *r2 = nd_sum(f, ax0, 1, false, ND_NTYPES, NULL, NULL);  /* inner */
    NdArray *r3 = nd_sum(tc, ax1, 1, false, ND_NTYPES, NULL, NULL); /* inner */
    NdArray *r4 = nd_sum(t, ax1, 1, false, ND_NTYPES, NULL, NULL);
    ck_assert_ptr_nonnull(r1);
    ck_assert_ptr_nonnull(r4);
    ck_assert(memcmp(r1->data, r2->data, 7 * sizeof(double)) == 0);
    ck_assert(memcmp(r1->data, r3->data, 7 * sizeof(double)) == 0);
    ck_assert(memcmp(r1->data, r4->data, 7 * sizeof(double)) == 0);
    /* and they are the pairwise sums of each column */
    double col[1000];
    for (int j = 0; j < 7; j++) {
        for (int i = 0; i < 1000; i++)
            col[i] = f64(c, i * 7 + j);
        double ref = 0.0 + pairwise_ref(col, 1000);
        ck_assert(memcmp(&ref, r1->data + j * 8, 8) == 0);
    }
    /* the full sum too */
    NdArray *s1 = nd_sum(c, NULL, -1, false, ND_NTYPES, NULL, NULL);
    NdArray *s2 = nd_sum(t, NULL, -1, false, ND_NTYPES, NULL, NULL);
    ck_assert_ptr_nonnull(s1);
    ck_assert_ptr_nonnull(s2);
    /* t's C order is c's transpose: a different sequence, so only the
     * value is close; c and its F copy hold the same C sequence */
    NdArray *s3 = nd_sum(f, NULL, -1, false, ND_NTYPES, NULL, NULL);
    ck_assert(memcmp(s1->data, s3->data, 8) == 0);
    ck_assert(fabs(f64(s1, 0) - f64(s2, 0)) < 1e-9);
    /* var/std (fused pass) agree across layouts as well */
    NdArray *v1 = nd_var(c, ax0, 1, false, ND_NTYPES, 0, NULL);
    NdArray *v2 = nd_var(f, ax0, 1, false, ND_NTYPES, 0, NULL);
    ck_assert(memcmp(v1->data, v2->data, 7 * 8) == 0);
    NdArray *all[] = {f, t, tc, r1, r2, r3, r4, s1, s2, s3, v1, v2, c};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        nd_decref(all[i]);
}
END_TEST

START_TEST(accuracy_ten_million_tenths)
{
    NdScalar v = nd_scalar_float64(0.1);
    NdArray *a = nd_full(ND_FLOAT64, 1, SHAPE(10000000), &v, 'C');
    ck_assert_ptr_nonnull(a);
    NdArray *s = nd_sum(a, NULL, -1, false, ND_NTYPES, NULL, NULL);
    ck_assert_ptr_nonnull(s);
    ck_assert(fabs(f64(s, 0) / 1e6 - 1) < 1e-9);
    nd_decref(s);
    nd_decref(a);
}
END_TEST

/* NumPy's pairwise summation in float32. */
static float pairwise_ref32(const float *x, int64_t n)
{
    if (n < 8) {
        float r = 0.f;
        for (int64_t i = 0; i < n; i++)
            r += x[i];
        return r;
    }
    if (n <= 128) {
        float r[8];
        for (int k = 0; k < 8; k++)
            r[k] = x[k];
        int64_t i;
        for (i = 8; i < n - (n % 8); i += 8)
            for (int k = 0; k < 8; k++)
                r[k] += x[i + k];
        float s =
            ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            s += x[i];
        return s;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_ref32(x, n2) + pairwise_ref32(x + n2, n - n2);
}

START_TEST(float32_mean_accumulates_in_float32)
{
    NdScalar v = nd_scalar_float64(0.1);
    NdArray *a = nd_full(ND_FLOAT32, 1, SHAPE(100000), &v, 'C');
    NdArray *m = nd_mean(a, NULL, -1, false, ND_NTYPES, NULL);
    NdArray *s = nd_sum(a, NULL, -1, false, ND_NTYPES, NULL, NULL);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->dtype, ND_FLOAT32);
    float ref = 0.f + pairwise_ref32((const float *)(void *)a->data, 100000);
    ck_assert(*(float *)(void *)s->data == ref);
    ck_assert(*(float *)(void *)m->data == ref / 100000.f);
    nd_decref(s);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(integer_and_bool_sums)
{
    NdArray *b = ARR(ND_BOOL, bool, SHAPE(4), 1, true, true, false, true);
    NdArray *s = nd_sum(b, NULL, -1, false, ND_NTYPES, NULL, NULL);
    ck_assert_int_eq(s->dtype, ND_INT64);
    ck_assert_int_eq(i64(s, 0), 3);
    nd_decref(s);
    NdArray *u = ARR(ND_UINT8, uint8_t, SHAPE(3), 1, 200, 200, 200);
    s = nd_sum(u, NULL, -1, false, ND_NTYPES, NULL, NULL);
    ck_assert_int_eq(s->dtype, ND_UINT64);
    ck_assert_int_eq(*(uint64_t *)(void *)s->data, 600);
    nd_decref(s);
    s = nd_sum(u, NULL, -1, false, ND_UINT8, NULL, NULL); /* wraps */
    ck_assert_int_eq(*(uint8_t *)(void *)s->data, 600 % 256);
    nd_decref(s);
    nd_decref(u);
    nd_decref(b);
}
END_TEST

START_TEST(empty_reductions)
{
    NdArray *e = nd_empty(ND_FLOAT64, 1, SHAPE(0), 'C');
    NdArray *s = nd_sum(e, NULL, -1, false, ND_NTYPES, NULL, NULL);
    NdArray *p = nd_prod(e, NULL, -1, false, ND_NTYPES, NULL, NULL);
    ck_assert(f64(s, 0) == 0.0);
    ck_assert(f64(p, 0) == 1.0);
    nd_decref(s);
    nd_decref(p);
    ck_assert_ptr_null(nd_max(e, NULL, -1, false, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "zero-size array to reduction operation "
                                     "maximum which has no identity");
    NdScalar init = nd_scalar_int64(-1);
    NdArray *m = nd_max(e, NULL, -1, false, &init, NULL);
    ck_assert(f64(m, 0) == -1.0);
    nd_decref(m);
    nd_warnings_clear();
    NdArray *mean = nd_mean(e, NULL, -1, false, ND_NTYPES, NULL);
    ck_assert(isnan(f64(mean, 0)));
    ck_assert_str_eq(nd_warning(0), "Mean of empty slice.");
    ck_assert(nd_fpe_status() & ND_FPE_INVALID);
    ck_assert_str_eq(nd_fpe_origin(ND_FPE_INVALID), "scalar divide");
    nd_fpe_clear();
    nd_warnings_clear();
    nd_decref(mean);
    ck_assert_ptr_null(nd_argmax(e, false, 0, false));
    ck_assert_nd_error(ND_ERR_VALUE, "attempt to get argmax of an empty "
                                     "sequence");
    nd_decref(e);
}
END_TEST

START_TEST(nan_propagation_and_first_occurrence)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(5), 1, 1.0, 3.0, NAN, 3.0, NAN);
    NdArray *mx = nd_max(a, NULL, -1, false, NULL, NULL);
    ck_assert(isnan(f64(mx, 0)));
    NdArray *nm = nd_nanmax(a, NULL, -1, false, NULL, NULL);
    ck_assert(f64(nm, 0) == 3.0);
    NdArray *am = nd_argmax(a, false, 0, false);
    ck_assert_int_eq(i64(am, 0), 2);
    NdArray *nam = nd_nanargmax(a, false, 0, false);
    ck_assert_int_eq(i64(nam, 0), 1);
    NdArray *all[] = {a, mx, nm, am, nam};
    for (int i = 0; i < 5; i++)
        nd_decref(all[i]);
    /* a long run: the vectorised argmax still answers the first index */
    NdArray *big = nd_zeros(ND_FLOAT64, 1, SHAPE(5000), 'C');
    ((double *)(void *)big->data)[3001] = 2.0;
    ((double *)(void *)big->data)[4000] = 2.0;
    am = nd_argmax(big, false, 0, false);
    ck_assert_int_eq(i64(am, 0), 3001);
    nd_decref(am);
    ((double *)(void *)big->data)[4500] = NAN;
    am = nd_argmax(big, false, 0, false);
    ck_assert_int_eq(i64(am, 0), 4500);
    nd_decref(am);
    mx = nd_max(big, NULL, -1, false, NULL, NULL);
    ck_assert(isnan(f64(mx, 0)));
    nd_decref(mx);
    nd_decref(big);
}
END_TEST

START_TEST(var_std_ddof_and_complex)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(4), 1, 1.0, 2.0, 3.0, 4.0);
    NdArray *v0 = nd_var(a, NULL, -1, false, ND_NTYPES, 0, NULL);
    NdArray *v1 = nd_var(a, NULL, -1, false, ND_NTYPES, 1, NULL);
    NdArray *s1 = nd_std(a, NULL, -1, false, ND_NTYPES, 1, NULL);
    ck_assert(f64(v0, 0) == 1.25);
    ck_assert(f64(v1, 0) == 5.0 / 3.0);
    ck_assert(f64(s1, 0) == sqrt(5.0 / 3.0));
    nd_complex128 cv[2] = {{1, 1}, {1, -1}};
    NdArray *c = nd_from_data(ND_COMPLEX128, 1, SHAPE(2), cv, 2);
    NdArray *vc = nd_var(c, NULL, -1, false, ND_NTYPES, 0, NULL);
    ck_assert_int_eq(vc->dtype, ND_FLOAT64);
    ck_assert(f64(vc, 0) == 1.0);
    NdArray *all[] = {a, v0, v1, s1, c, vc};
    for (int i = 0; i < 6; i++)
        nd_decref(all[i]);
}
END_TEST

START_TEST(quantile_methods_by_hand)
{
    /* x = [1, 2, 3, 4], q = 0.4 (n = 4): worked from NumPy's formulas */
    static const struct {
        const char *m;
        double want;
    } cases[] = {
        {"linear", 2.2},
        {"lower", 2.0},
        {"higher", 3.0},
        {"nearest", 2.0},
        {"midpoint", 2.5},
        {"inverted_cdf", 2.0},
        {"averaged_inverted_cdf", 2.0},
        {"closest_observation", 2.0},
        {"interpolated_inverted_cdf", 1.6},
        {"hazen", 2.1},
        {"weibull", 2.0},
        {"median_unbiased", 2.0 + (1.6 + (1 / 3.0 + 0.4 / 3.0) - 1 - 1)},
        {"normal_unbiased", 2.075},
    };
    NdArray *x = ARR(ND_FLOAT64, double, SHAPE(4), 1, 4.0, 1.0, 3.0, 2.0);
    NdScalar qs = nd_scalar_float64(0.4);
    NdArray *q = nd_from_scalar(&qs);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        NdQuantileMethod m;
        ck_assert_int_eq(nd_quantile_method(cases[i].m, &m), 0);
        NdArray *r = nd_quantile(x, q, NULL, -1, false, m, false);
        ck_assert_ptr_nonnull(r);
        ck_assert_msg(fabs(f64(r, 0) - cases[i].want) < 1e-12, "%s: %g",
                      cases[i].m, f64(r, 0));
        nd_decref(r);
    }
    ck_assert_int_eq(nd_quantile_method("bogus", &(NdQuantileMethod){0}), -1);
    nd_error_clear();
    NdArray *med = nd_median(x, NULL, -1, false, false);
    ck_assert(f64(med, 0) == 2.5);
    nd_decref(med);
    nd_decref(q);
    nd_decref(x);
}
END_TEST

static int cmpd(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

START_TEST(median_by_selection_matches_sorting)
{
    int64_t sizes[] = {1, 2, 17, 1000, 100001};
    for (size_t t = 0; t < sizeof sizes / sizeof *sizes; t++) {
        int64_t n = sizes[t];
        NdArray *a = scramble(1, &n);
        double *s = malloc((size_t)n * sizeof *s);
        memcpy(s, a->data, (size_t)n * sizeof *s);
        qsort(s, (size_t)n, sizeof *s, cmpd);
        double want = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        NdArray *m = nd_median(a, NULL, -1, false, false);
        ck_assert(f64(m, 0) == want);
        free(s);
        nd_decref(m);
        nd_decref(a);
    }
}
END_TEST

START_TEST(generic_ufunc_reduce)
{
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2, 3), 2, 1, 2, 3, 4, 5, 6);
    int ax[1] = {1};
    NdArray *r = nd_reduce(ND_UF_ADD, a, ax, 1, false, ND_NTYPES, NULL, NULL);
    ck_assert_int_eq(r->dtype, ND_INT64);
    ck_assert_int_eq(i64(r, 0), 6);
    ck_assert_int_eq(i64(r, 1), 15);
    nd_decref(r);
    r = nd_reduce(ND_UF_BITWISE_OR, a, NULL, -1, false, ND_NTYPES, NULL, NULL);
    ck_assert_int_eq(r->dtype, ND_INT8);
    ck_assert_int_eq(*(int8_t *)r->data, 7);
    nd_decref(r);
    /* subtract: in order along one axis, and not reorderable */
    int ax0[1] = {0};
    r = nd_reduce(ND_UF_SUBTRACT, a, ax0, 1, false, ND_NTYPES, NULL, NULL);
    ck_assert_int_eq(*(int8_t *)r->data, 1 - 4);
    nd_decref(r);
    ck_assert_ptr_null(
        nd_reduce(ND_UF_SUBTRACT, a, NULL, -1, false, ND_NTYPES, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "reduction operation 'subtract' is not "
                                     "reorderable, so at most one axis may be "
                                     "specified");
    NdArray *e = nd_empty(ND_INT64, 1, SHAPE(0), 'C');
    r = nd_reduce(ND_UF_BITWISE_AND, e, NULL, -1, false, ND_NTYPES, NULL, NULL);
    ck_assert_int_eq(i64(r, 0), -1);
    nd_decref(r);
    ck_assert_ptr_null(
        nd_reduce(ND_UF_SUBTRACT, e, NULL, -1, false, ND_NTYPES, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "zero-size array to reduction operation "
                                     "subtract which has no identity");
    NdUfuncId mx;
    if (nd_ufunc_lookup("maximum", &mx) == 0) {
        r = nd_reduce(mx, a, ax0, 1, true, ND_NTYPES, NULL, NULL);
        ck_assert_int_eq(r->ndim, 2);
        ck_assert_int_eq(((int8_t *)r->data)[2], 6);
        nd_decref(r);
    }
    /* logical_or reduces to bool; where= masks with the identity */
    r = nd_reduce(ND_UF_LOGICAL_OR, a, ax, 1, false, ND_NTYPES, NULL, NULL);
    ck_assert_int_eq(r->dtype, ND_BOOL);
    nd_decref(r);
    NdArray *w = ARR(ND_BOOL, bool, SHAPE(3), 1, true, false, true);
    r = nd_reduce(ND_UF_ADD, a, ax, 1, false, ND_NTYPES, NULL, w);
    ck_assert_int_eq(i64(r, 0), 4);
    ck_assert_int_eq(i64(r, 1), 10);
    nd_decref(r);
    nd_decref(w);
    nd_decref(e);
    nd_decref(a);
}
END_TEST

START_TEST(cumsum_streams_rows)
{
    NdArray *a = iota(2, SHAPE(3, 4));
    int64_t want0[12] = {0, 1, 2, 3, 4, 6, 8, 10, 12, 15, 18, 21};
    NdArray *c = nd_cumsum(a, true, 0, ND_NTYPES);
    for (int i = 0; i < 12; i++)
        ck_assert_int_eq(i64(c, i), want0[i]);
    nd_decref(c);
    c = nd_cumsum(a, false, 0, ND_NTYPES);
    ck_assert_int_eq(c->ndim, 1);
    ck_assert_int_eq(i64(c, 11), 66);
    nd_decref(c);
    c = nd_cumprod(a, true, 1, ND_FLOAT64);
    ck_assert(f64(c, 7) == 4.0 * 5 * 6 * 7);
    nd_decref(c);
    nd_decref(a);
}
END_TEST

START_TEST(average_and_cov)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(4), 1, 1.0, 2.0, 3.0, 4.0);
    NdArray *w = ARR(ND_FLOAT64, double, SHAPE(4), 1, 4.0, 3.0, 2.0, 1.0);
    NdArray *sum = NULL;
    NdArray *av = nd_average(a, NULL, -1, w, false, &sum);
    ck_assert(f64(av, 0) == 2.0); /* (4+6+6+4)/10 */
    ck_assert(f64(sum, 0) == 10.0);
    nd_decref(av);
    nd_decref(sum);
    NdArray *z = nd_zeros(ND_FLOAT64, 1, SHAPE(4), 'C');
    ck_assert_ptr_null(nd_average(a, NULL, -1, z, false, NULL));
    ck_assert_nd_error(ND_ERR_ZERO_DIVISION,
                       "Weights sum to zero, can't be normalized");
    NdArray *c = nd_cov(a, NULL, true, false, -1, NULL, NULL, ND_NTYPES);
    ck_assert(fabs(f64(c, 0) - 5.0 / 3.0) < 1e-15);
    nd_decref(c);
    NdArray *b = ARR(ND_FLOAT64, double, SHAPE(4), 1, 8.0, 6.0, 4.0, 2.0);
    NdArray *r = nd_corrcoef(a, b, true, ND_NTYPES);
    ck_assert_int_eq(r->ndim, 2);
    ck_assert(f64(r, 1) == -1.0);
    ck_assert(f64(r, 0) == 1.0);
    nd_decref(r);
    nd_decref(b);
    nd_decref(z);
    nd_decref(w);
    nd_decref(a);
}
END_TEST

START_TEST(bad_axes)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 2), 'C');
    int ax[2] = {0, -2};
    ck_assert_ptr_null(nd_sum(a, ax, 2, false, ND_NTYPES, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "duplicate value in 'axis'");
    int bad[1] = {2};
    ck_assert_ptr_null(nd_mean(a, bad, 1, false, ND_NTYPES, NULL));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    nd_decref(a);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reduce");
    TCase *tc = tcase_create("reduce");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, sum_every_axis_combination);
    tcase_add_test(tc, max_min_prod_every_axis);
    tcase_add_test(tc, pairwise_is_numpys_algorithm);
    tcase_add_test(tc, order_fixed_across_layouts);
    tcase_add_test(tc, accuracy_ten_million_tenths);
    tcase_add_test(tc, float32_mean_accumulates_in_float32);
    tcase_add_test(tc, integer_and_bool_sums);
    tcase_add_test(tc, empty_reductions);
    tcase_add_test(tc, nan_propagation_and_first_occurrence);
    tcase_add_test(tc, var_std_ddof_and_complex);
    tcase_add_test(tc, quantile_methods_by_hand);
    tcase_add_test(tc, median_by_selection_matches_sorting);
    tcase_add_test(tc, generic_ufunc_reduce);
    tcase_add_test(tc, cumsum_streams_rows);
    tcase_add_test(tc, average_and_cov);
    tcase_add_test(tc, bad_axes);
    suite_add_tcase(s, tc);
    return nd_test_main(s);
}
