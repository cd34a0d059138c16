/* test_random.c — Check suite of lib/random.c and lib/distributions.c.
 *
 * Exact streams against NumPy's own outputs (random_fixture.h, written by
 * tests/make_random_fixture.py): SeedSequence pools, PCG64 seeding, raw
 * words with both the 128-bit and the portable two-word arithmetic,
 * advance/jumped, spawn, doubles, and bounded integers of every dtype.
 * Then deterministic statistical tests of every distribution (fixed seed,
 * 10^5 draws): mean and variance within 5 standard errors of the
 * theoretical values, and a Kolmogorov–Smirnov bound where the CDF has a
 * closed form. */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "nd.h"
#include "random_fixture.h"
#include "testutil.h"

#define PI 3.14159265358979323846

static void seeded(NdPCG64 *g, uint64_t seed)
{
    uint32_t w[2], pool[4];
    int n = nd_seedseq_int_words(seed, w);
    ck_assert_int_eq(nd_seedseq_pool(w, n, NULL, 0, pool), 0);
    nd_pcg64_seed_pool(g, pool);
}

START_TEST(test_seedseq)
{
    uint32_t w[2], pool[4], st[8];
    int n = nd_seedseq_int_words(42, w);
    ck_assert_int_eq(n, 1);
    nd_seedseq_pool(w, n, NULL, 0, pool);
    for (int i = 0; i < 4; i++)
        ck_assert_uint_eq(pool[i], ss42_pool[i]);
    nd_seedseq_generate(pool, st, 8);
    for (int i = 0; i < 8; i++)
        ck_assert_uint_eq(st[i], ss42_state8[i]);
    n = nd_seedseq_int_words((1ULL << 32) + 5, w);
    ck_assert_int_eq(n, 2);
    nd_seedseq_pool(w, n, NULL, 0, pool);
    for (int i = 0; i < 4; i++)
        ck_assert_uint_eq(pool[i], ssbig_pool[i]);
    /* [1, 2, 3, 4, 5, 6, 2**40]: each int split into words */
    uint32_t lst[8] = {1, 2, 3, 4, 5, 6, 0, 256};
    nd_seedseq_pool(lst, 8, NULL, 0, pool);
    for (int i = 0; i < 4; i++)
        ck_assert_uint_eq(pool[i], sslist_pool[i]);
    uint32_t e = 42, key[2] = {3, 0};
    nd_seedseq_pool(&e, 1, key, 1, pool);
    for (int i = 0; i < 4; i++)
        ck_assert_uint_eq(pool[i], sskey_pool[i]);
    key[0] = 1;
    key[1] = 2;
    nd_seedseq_pool(&e, 1, key, 2, pool);
    for (int i = 0; i < 4; i++)
        ck_assert_uint_eq(pool[i], sskey2_pool[i]);
}
END_TEST

static void check_pcg(uint64_t seed, const uint64_t *state, const uint64_t *raw)
{
    NdPCG64 g, h;
    seeded(&g, seed);
    ck_assert_uint_eq(g.state_hi, state[0]);
    ck_assert_uint_eq(g.state_lo, state[1]);
    ck_assert_uint_eq(g.inc_hi, state[2]);
    ck_assert_uint_eq(g.inc_lo, state[3]);
    h = g;
    uint64_t out[10];
    nd_pcg64_fill_raw(&g, out, 10);
    for (int i = 0; i < 10; i++)
        ck_assert_uint_eq(out[i], raw[i]);
    /* the portable two-word arithmetic gives the same words */
    nd_pcg64_fill_raw_portable(&h, out, 10);
    for (int i = 0; i < 10; i++)
        ck_assert_uint_eq(out[i], raw[i]);
    ck_assert_uint_eq(g.state_lo, h.state_lo);
    ck_assert_uint_eq(g.state_hi, h.state_hi);
}

START_TEST(test_pcg64_stream)
{
    check_pcg(42, pcg42_state, pcg42_raw);
    check_pcg(0, pcg0_state, pcg0_raw);
    check_pcg(12345, pcg12345_state, pcg12345_raw);
    NdPCG64 g;
    seeded(&g, 42);
    for (int i = 0; i < 10; i++)
        ck_assert_uint_eq(nd_pcg64_next64(&g), pcg42_raw[i]);
}
END_TEST

static void check3(NdPCG64 *g, const uint64_t *want)
{
    for (int i = 0; i < 3; i++)
        ck_assert_uint_eq(nd_pcg64_next64(g), want[i]);
}

START_TEST(test_advance_jump)
{
    NdPCG64 g;
    seeded(&g, 42);
    nd_pcg64_advance(&g, 0, 12345);
    check3(&g, adv12345_raw);
    seeded(&g, 42);
    nd_pcg64_advance_portable(&g, 0, 12345);
    check3(&g, adv12345_raw);
    seeded(&g, 42);
    nd_pcg64_advance(&g, 1ULL << 36, 7); /* 2**100 + 7 */
    check3(&g, advbig_raw);
    seeded(&g, 42);
    nd_pcg64_advance_portable(&g, 1ULL << 36, 7);
    check3(&g, advbig_raw);
    seeded(&g, 42);
    nd_pcg64_jump(&g, 1);
    check3(&g, jumped1_raw);
    seeded(&g, 42);
    nd_pcg64_jump(&g, 3);
    check3(&g, jumped3_raw);
    /* advance forgets the kept 32-bit half */
    seeded(&g, 42);
    (void)nd_pcg64_next32(&g);
    ck_assert_int_eq(g.has_uint32, 1);
    nd_pcg64_advance(&g, 0, 0);
    ck_assert_int_eq(g.has_uint32, 0);
}
END_TEST

START_TEST(test_spawn)
{
    uint32_t e = 42, key = 1, pool[4];
    nd_seedseq_pool(&e, 1, &key, 1, pool);
    NdPCG64 g;
    nd_pcg64_seed_pool(&g, pool);
    check3(&g, spawn1_raw);
}
END_TEST

START_TEST(test_doubles)
{
    NdPCG64 g;
    seeded(&g, 42);
    NdArray *r =
        nd_random_dist(&g, ND_DIST_RANDOM, NULL, 1, SHAPE(10), ND_FLOAT64);
    ck_assert_ptr_nonnull(r);
    for (int i = 0; i < 10; i++)
        ck_assert(((double *)r->data)[i] == random42[i]);
    nd_decref(r);
    seeded(&g, 42);
    r = nd_random_dist(&g, ND_DIST_RANDOM, NULL, 1, SHAPE(7), ND_FLOAT32);
    ck_assert_ptr_nonnull(r);
    for (int i = 0; i < 7; i++)
        ck_assert(((float *)r->data)[i] == (float)random42_f32[i]);
    nd_decref(r);
    seeded(&g, 42);
    ck_assert(nd_pcg64_next_double(&g) == random42[0]);
}
END_TEST

static NdArray *bound(int64_t v, bool as_u64)
{
    if (as_u64) {
        uint64_t u = (uint64_t)v;
        return nd_from_data(ND_UINT64, 0, NULL, &u, 1);
    }
    return nd_from_data(ND_INT64, 0, NULL, &v, 1);
}

START_TEST(test_integers)
{
    for (size_t c = 0; c < sizeof int_cases / sizeof int_cases[0]; c++) {
        const IntCase *k = &int_cases[c];
        NdPCG64 g;
        seeded(&g, 42);
        NdArray *lo = bound(k->low, false);
        NdArray *hi = bound((int64_t)k->high, k->high > INT64_MAX);
        NdArray *r = nd_random_integers(&g, lo, hi, 1, SHAPE(12),
                                        (NdType)k->dtype, k->endpoint);
        ck_assert_msg(r != NULL, "%s: %s", k->name, nd_error_message());
        size_t w = nd_dtype_size(r->dtype);
        for (int i = 0; i < k->n; i++) {
            uint64_t v = 0;
            memcpy(&v, r->data + i * w, w);
            uint64_t want = k->expect[i];
            if (w < 8)
                want &= (1ULL << (8 * w)) - 1;
            ck_assert_msg(v == want, "%s[%d]: %llx != %llx", k->name, i,
                          (unsigned long long)v, (unsigned long long)want);
        }
        nd_decref(r);
        nd_decref(lo);
        nd_decref(hi);
    }
}
END_TEST

START_TEST(test_integers_broadcast)
{
    NdPCG64 g;
    seeded(&g, 7);
    NdArray *lo = ARR(ND_INT64, int64_t, SHAPE(3), 1, 0, 10, 100);
    NdArray *hi = ARR(ND_INT64, int64_t, SHAPE(2, 1), 2, 500, 5000);
    NdArray *r = nd_random_integers(&g, lo, hi, -1, NULL, ND_INT64, false);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 2);
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(((int64_t *)r->data)[i], int_bcast_i64[i]);
    nd_decref(r);
    nd_decref(hi);
    seeded(&g, 7);
    hi = ARR(ND_INT64, int64_t, SHAPE(2, 1), 2, 105, 120);
    r = nd_random_integers(&g, lo, hi, -1, NULL, ND_INT8, false);
    ck_assert_ptr_nonnull(r);
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(((int8_t *)r->data)[i], int_bcast_i8[i]);
    nd_decref(r);
    nd_decref(hi);
    nd_decref(lo);
}
END_TEST

START_TEST(test_integers_errors)
{
    NdPCG64 g;
    seeded(&g, 1);
    NdArray *lo = bound(5, false), *hi = bound(1, false);
    ck_assert_ptr_null(
        nd_random_integers(&g, lo, hi, -1, NULL, ND_INT64, false));
    ck_assert_str_eq(nd_error_message(), "low >= high");
    ck_assert_ptr_null(
        nd_random_integers(&g, lo, hi, -1, NULL, ND_INT64, true));
    ck_assert_str_eq(nd_error_message(), "low > high");
    nd_decref(hi);
    hi = bound(300, false);
    ck_assert_ptr_null(
        nd_random_integers(&g, lo, hi, -1, NULL, ND_INT8, false));
    ck_assert_str_eq(nd_error_message(), "high is out of bounds for int8");
    nd_decref(lo);
    lo = bound(-1, false);
    ck_assert_ptr_null(
        nd_random_integers(&g, lo, hi, -1, NULL, ND_UINT8, false));
    ck_assert_str_eq(nd_error_message(), "low is out of bounds for uint8");
    nd_error_clear();
    nd_decref(lo);
    nd_decref(hi);
}
END_TEST

/* How many of NumPy's first 200 normals/exponentials we reproduce: the
 * algorithm is NumPy's, the tables are computed here — the exponentials
 * come out exact, the normals the same draws up to a few ulps of table
 * rounding. */
START_TEST(test_ziggurat_stream)
{
    NdPCG64 g;
    seeded(&g, 42);
    int same = 0;
    for (int i = 0; i < 200; i++)
        same += fabs(nd_random_standard_normal(&g) - normal42[i]) <=
                1e-14 * fabs(normal42[i]);
    ck_assert_int_ge(same, 195);
    seeded(&g, 42);
    same = 0;
    for (int i = 0; i < 200; i++)
        same += fabs(nd_random_standard_exponential(&g) - exp42[i]) <=
                1e-15 * exp42[i];
    ck_assert_int_ge(same, 195);
}
END_TEST

/* --------------------------------------------------------- statistics */

#define N 100000

typedef double (*Cdf)(double x, const double *p);

typedef struct StatCase {
    NdDist d;
    double p[3];
    double mean, var; /* NAN: not checked */
    Cdf cdf;          /* NULL: no KS test */
} StatCase;

static double phi(double x)
{
    return 0.5 * erfc(-x / sqrt(2.0));
}
static double cdf_normal(double x, const double *p)
{
    return phi((x - p[0]) / p[1]);
}
static double cdf_std_normal(double x, const double *p)
{
    (void)p;
    return phi(x);
}
static double cdf_uniform(double x, const double *p)
{
    return x < p[0] ? 0 : x > p[1] ? 1 : (x - p[0]) / (p[1] - p[0]);
}
static double cdf_exp(double x, const double *p)
{
    return x < 0 ? 0 : -expm1(-x / p[0]);
}
static double cdf_std_exp(double x, const double *p)
{
    (void)p;
    return x < 0 ? 0 : -expm1(-x);
}
static double cdf_gamma3_2(double x, const double *p) /* shape 3, scale 2 */
{
    (void)p;
    double y = x / 2;
    return x < 0 ? 0 : 1 - exp(-y) * (1 + y + y * y / 2);
}
static double cdf_beta23(double x, const double *p)
{
    (void)p;
    return x <= 0   ? 0
           : x >= 1 ? 1
                    : 6 * x * x - 8 * x * x * x + 3 * x * x * x * x;
}
static double cdf_chi4(double x, const double *p)
{
    (void)p;
    return x < 0 ? 0 : 1 - exp(-x / 2) * (1 + x / 2);
}
static double cdf_f22(double x, const double *p)
{
    (void)p;
    return x < 0 ? 0 : x / (1 + x);
}
static double cdf_t2(double x, const double *p)
{
    (void)p;
    return 0.5 + x / (2 * sqrt(2 + x * x));
}
static double cdf_cauchy(double x, const double *p)
{
    (void)p;
    return 0.5 + atan(x) / PI;
}
static double cdf_laplace(double x, const double *p)
{
    double z = (x - p[0]) / p[1];
    return z < 0 ? 0.5 * exp(z) : 1 - 0.5 * exp(-z);
}
static double cdf_logistic(double x, const double *p)
{
    return 1 / (1 + exp(-(x - p[0]) / p[1]));
}
static double cdf_lognormal(double x, const double *p)
{
    return x <= 0 ? 0 : phi((log(x) - p[0]) / p[1]);
}
static double cdf_pareto(double x, const double *p)
{
    return x < 0 ? 0 : 1 - pow(1 + x, -p[0]);
}
static double cdf_power(double x, const double *p)
{
    return x <= 0 ? 0 : x >= 1 ? 1 : pow(x, p[0]);
}
static double cdf_weibull(double x, const double *p)
{
    return x < 0 ? 0 : -expm1(-pow(x, p[0]));
}
static double cdf_rayleigh(double x, const double *p)
{
    return x < 0 ? 0 : -expm1(-x * x / (2 * p[0] * p[0]));
}
static double cdf_gumbel(double x, const double *p)
{
    return exp(-exp(-(x - p[0]) / p[1]));
}
static double cdf_wald(double x, const double *p)
{
    double mu = p[0], lam = p[1];
    if (x <= 0)
        return 0;
    double s = sqrt(lam / x);
    return phi(s * (x / mu - 1)) + exp(2 * lam / mu) * phi(-s * (x / mu + 1));
}
static double cdf_tri(double x, const double *p)
{
    double a = p[0], c = p[1], b = p[2];
    if (x <= a)
        return 0;
    if (x <= c)
        return (x - a) * (x - a) / ((b - a) * (c - a));
    if (x < b)
        return 1 - (b - x) * (b - x) / ((b - a) * (b - c));
    return 1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static const double EG = 0.57721566490153286;
#define Z2 (PI * PI / 6)
#define Z3 1.2020569031595942
#define Z4 (PI * PI * PI * PI / 90)

static void run_stat_dt(const StatCase *c, int idx, NdType dt)
{
    NdPCG64 g;
    seeded(&g, 1000 + (uint64_t)idx);
    NdArray *ps[3];
    int np = nd_dist_nparams(c->d);
    for (int k = 0; k < np; k++)
        ps[k] = nd_from_data(ND_FLOAT64, 0, NULL, &c->p[k], 1);
    NdArray *r = nd_random_dist(&g, c->d, ps, 1, SHAPE(N), dt);
    ck_assert_msg(r != NULL, "case %d: %s", idx, nd_error_message());
    for (int k = 0; k < np; k++)
        nd_decref(ps[k]);
    double *x = malloc(N * sizeof *x);
    for (int i = 0; i < N; i++)
        x[i] = r->dtype == ND_INT64     ? (double)((int64_t *)r->data)[i]
               : r->dtype == ND_FLOAT32 ? (double)((float *)r->data)[i]
                                        : ((double *)r->data)[i];
    nd_decref(r);
    double m = 0;
    for (int i = 0; i < N; i++)
        m += x[i];
    m /= N;
    double m2 = 0, m4 = 0;
    for (int i = 0; i < N; i++) {
        double d = x[i] - m;
        m2 += d * d;
        m4 += d * d * d * d;
    }
    m2 /= N;
    m4 /= N;
    if (!isnan(c->mean)) {
        double se = sqrt(m2 / N);
        ck_assert_msg(fabs(m - c->mean) <= 5 * se,
                      "case %d: mean %g, expected %g (se %g)", idx, m, c->mean,
                      se);
    }
    if (!isnan(c->var)) {
        double se = sqrt((m4 - m2 * m2) / N);
        ck_assert_msg(fabs(m2 - c->var) <= 5 * se,
                      "case %d: var %g, expected %g (se %g)", idx, m2, c->var,
                      se);
    }
    if (c->cdf) {
        qsort(x, N, sizeof *x, cmp_double);
        double dmax = 0;
        for (int i = 0; i < N; i++) {
            double f = c->cdf(x[i], c->p);
            double d1 = fabs(f - (double)i / N),
                   d2 = fabs((double)(i + 1) / N - f);
            if (d1 > dmax)
                dmax = d1;
            if (d2 > dmax)
                dmax = d2;
        }
        /* sqrt(n) D < 1.95: the KS test at the 0.1% level */
        ck_assert_msg(dmax * sqrt((double)N) < 1.95, "case %d: KS D=%g", idx,
                      dmax);
    }
    free(x);
}

static void run_stat(const StatCase *c, int idx)
{
    run_stat_dt(c, idx, ND_FLOAT64);
}

/* The float32 samplers are separate algorithms (32-bit draws, float
 * ziggurats and float gamma), so they get their own moment and KS tests. */
static double cdf_std_gamma3(double x, const double *p)
{
    return cdf_gamma3_2(2 * x, p);
}

START_TEST(test_stats_float32)
{
    const StatCase cases[] = {
        {ND_DIST_RANDOM, {0, 1}, 0.5, 1.0 / 12, cdf_uniform},
        {ND_DIST_STANDARD_NORMAL, {0}, 0, 1, cdf_std_normal},
        {ND_DIST_STANDARD_EXPONENTIAL, {0}, 1, 1, cdf_std_exp},
        {ND_DIST_STANDARD_EXPONENTIAL_INV, {0}, 1, 1, cdf_std_exp},
        {ND_DIST_STANDARD_GAMMA, {0.5}, 0.5, 0.5, NULL},
        {ND_DIST_STANDARD_GAMMA, {1}, 1, 1, cdf_std_exp},
        {ND_DIST_STANDARD_GAMMA, {3}, 3, 3, cdf_std_gamma3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_stat_dt(&cases[i], 100 + (int)i, ND_FLOAT32);
}
END_TEST

START_TEST(test_stats)
{
    const double U = NAN;
    double e25 = exp(0.25);
    double lsp = 0.6, lsl = log(1 - lsp);
    double hvar = 10 * 0.4 * 0.6 * 40.0 / 49.0;
    double bigh = 400.0 * 300 / 500, bighv = 400.0 * 0.6 * 0.4 * 100 / 499;
    const StatCase cases[] = {
        {ND_DIST_RANDOM, {0, 1}, 0.5, 1.0 / 12, cdf_uniform},
        {ND_DIST_STANDARD_NORMAL, {0}, 0, 1, cdf_std_normal},
        {ND_DIST_NORMAL, {1, 2}, 1, 4, cdf_normal},
        {ND_DIST_UNIFORM, {-1, 3}, 1, 16.0 / 12, cdf_uniform},
        {ND_DIST_STANDARD_EXPONENTIAL, {0}, 1, 1, cdf_std_exp},
        {ND_DIST_STANDARD_EXPONENTIAL_INV, {0}, 1, 1, cdf_std_exp},
        {ND_DIST_EXPONENTIAL, {2}, 2, 4, cdf_exp},
        {ND_DIST_STANDARD_GAMMA, {0.5}, 0.5, 0.5, NULL},
        {ND_DIST_STANDARD_GAMMA, {1}, 1, 1, cdf_std_exp},
        {ND_DIST_GAMMA, {3, 2}, 6, 12, cdf_gamma3_2},
        {ND_DIST_BETA, {2, 3}, 0.4, 0.04, cdf_beta23},
        {ND_DIST_BETA, {0.5, 0.5}, 0.5, 0.125, NULL},
        {ND_DIST_CHISQUARE, {4}, 4, 8, cdf_chi4},
        {ND_DIST_NONCENTRAL_CHISQUARE, {3, 2}, 5, 14, NULL},
        {ND_DIST_NONCENTRAL_CHISQUARE, {0.5, 2}, 2.5, 9, NULL},
        {ND_DIST_F, {5, 10}, 1.25, 2600.0 / 1920, NULL},
        {ND_DIST_F, {2, 2}, U, U, cdf_f22},
        {ND_DIST_NONCENTRAL_F, {5, 10, 2}, 10.0 * 7 / (5 * 8), U, NULL},
        {ND_DIST_STANDARD_T, {5}, 0, 5.0 / 3, NULL},
        {ND_DIST_STANDARD_T, {2}, 0, U, cdf_t2},
        {ND_DIST_STANDARD_CAUCHY, {0}, U, U, cdf_cauchy},
        {ND_DIST_LAPLACE, {1, 2}, 1, 8, cdf_laplace},
        {ND_DIST_LOGISTIC, {1, 2}, 1, 4 * PI * PI / 3, cdf_logistic},
        {ND_DIST_LOGNORMAL,
         {0, 0.5},
         exp(0.125),
         (e25 - 1) * e25,
         cdf_lognormal},
        {ND_DIST_PARETO, {5}, 0.25, 5.0 / 48, cdf_pareto},
        {ND_DIST_POWER, {3}, 0.75, 3.0 / 80, cdf_power},
        {ND_DIST_WEIBULL, {2}, sqrt(PI) / 2, 1 - PI / 4, cdf_weibull},
        {ND_DIST_RAYLEIGH,
         {2},
         2 * sqrt(PI / 2),
         (4 - PI) / 2 * 4,
         cdf_rayleigh},
        {ND_DIST_GUMBEL, {1, 2}, 1 + 2 * EG, PI * PI / 6 * 4, cdf_gumbel},
        {ND_DIST_WALD, {3, 2}, 3, 13.5, cdf_wald},
        {ND_DIST_VONMISES, {0.5, 4}, 0.5, U, NULL},
        {ND_DIST_VONMISES, {0.5, 1e7}, 0.5, 1e-7, NULL},
        {ND_DIST_TRIANGULAR, {0, 1, 4}, 5.0 / 3, 13.0 / 18, cdf_tri},
        {ND_DIST_POISSON, {4}, 4, 4, NULL},
        {ND_DIST_POISSON, {50}, 50, 50, NULL},
        {ND_DIST_BINOMIAL, {20, 0.3}, 6, 4.2, NULL},
        {ND_DIST_BINOMIAL, {1000, 0.4}, 400, 240, NULL},
        {ND_DIST_BINOMIAL, {100000, 0.9}, 90000, 9000, NULL},
        {ND_DIST_NEGATIVE_BINOMIAL, {5, 0.4}, 7.5, 18.75, NULL},
        {ND_DIST_GEOMETRIC, {0.2}, 5, 20, NULL},
        {ND_DIST_GEOMETRIC, {0.5}, 2, 2, NULL},
        {ND_DIST_ZIPF, {4}, Z3 / Z4, Z2 / Z4 - (Z3 / Z4) * (Z3 / Z4), NULL},
        {ND_DIST_LOGSERIES,
         {0.6},
         -lsp / ((1 - lsp) * lsl),
         -lsp * (lsp + lsl) / ((1 - lsp) * (1 - lsp) * lsl * lsl),
         NULL},
        {ND_DIST_HYPERGEOMETRIC, {20, 30, 10}, 4, hvar, NULL},
        {ND_DIST_HYPERGEOMETRIC, {300, 200, 400}, bigh, bighv, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_stat(&cases[i], (int)i);
}
END_TEST

START_TEST(test_dist_errors)
{
    NdPCG64 g;
    seeded(&g, 1);
    double v[2] = {0, -1};
    NdArray *a = nd_from_data(ND_FLOAT64, 0, NULL, &v[0], 1);
    NdArray *b = nd_from_data(ND_FLOAT64, 0, NULL, &v[1], 1);
    NdArray *ps[2] = {a, b};
    ck_assert_ptr_null(
        nd_random_dist(&g, ND_DIST_NORMAL, ps, -1, NULL, ND_FLOAT64));
    ck_assert_str_eq(nd_error_message(), "scale < 0");
    NdArray *pn[2] = {b, a};
    ck_assert_ptr_null(
        nd_random_dist(&g, ND_DIST_BINOMIAL, pn, -1, NULL, ND_FLOAT64));
    ck_assert_str_eq(nd_error_message(), "n < 0");
    NdArray *p2[2] = {a, a};
    ck_assert_ptr_null(
        nd_random_dist(&g, ND_DIST_BETA, p2, -1, NULL, ND_FLOAT64));
    ck_assert_str_eq(nd_error_message(), "a <= 0");
    NdArray *arr = ARR(ND_FLOAT64, double, SHAPE(2), 1, 0.5, 1.5);
    NdArray *p3[2] = {a, arr};
    ck_assert_ptr_null(
        nd_random_dist(&g, ND_DIST_BINOMIAL, p3, -1, NULL, ND_FLOAT64));
    ck_assert_str_eq(nd_error_message(), "p < 0, p > 1 or p contains NaNs");
    nd_error_clear();
    nd_decref(arr);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(test_reproducible)
{
    NdPCG64 g, h;
    seeded(&g, 99);
    seeded(&h, 99);
    NdArray *x = nd_random_dist(&g, ND_DIST_STANDARD_NORMAL, NULL, 1,
                                SHAPE(1000), ND_FLOAT64);
    NdArray *y = nd_random_dist(&h, ND_DIST_STANDARD_NORMAL, NULL, 1,
                                SHAPE(1000), ND_FLOAT64);
    ck_assert_int_eq(memcmp(x->data, y->data, 8000), 0);
    nd_decref(x);
    nd_decref(y);
}
END_TEST

START_TEST(test_multinomial)
{
    NdPCG64 g;
    seeded(&g, 5);
    double p[3] = {0.2, 0.3, 0.5};
    int64_t out[3], tot[3] = {0, 0, 0};
    for (int i = 0; i < 10000; i++) {
        nd_random_multinomial(&g, 10, p, 3, out);
        ck_assert_int_eq(out[0] + out[1] + out[2], 10);
        for (int k = 0; k < 3; k++)
            tot[k] += out[k];
    }
    /* mean n p_k, se sqrt(n p (1-p) / 10000) */
    for (int k = 0; k < 3; k++) {
        double se = sqrt(10 * p[k] * (1 - p[k]) / 10000.0);
        ck_assert(fabs(tot[k] / 10000.0 - 10 * p[k]) < 5 * se);
    }
}
END_TEST

static Suite *random_suite(void)
{
    Suite *s = suite_create("random");
    TCase *tc = tcase_create("streams");
    tcase_add_test(tc, test_seedseq);
    tcase_add_test(tc, test_pcg64_stream);
    tcase_add_test(tc, test_advance_jump);
    tcase_add_test(tc, test_spawn);
    tcase_add_test(tc, test_doubles);
    tcase_add_test(tc, test_integers);
    tcase_add_test(tc, test_integers_broadcast);
    tcase_add_test(tc, test_integers_errors);
    tcase_add_test(tc, test_ziggurat_stream);
    tcase_add_test(tc, test_reproducible);
    suite_add_tcase(s, tc);
    TCase *st = tcase_create("distributions");
    tcase_set_timeout(st, 60);
    tcase_add_test(st, test_stats);
    tcase_add_test(st, test_stats_float32);
    tcase_add_test(st, test_dist_errors);
    tcase_add_test(st, test_multinomial);
    suite_add_tcase(s, st);
    return s;
}

int main(void)
{
    printf("# PCG64 arithmetic: %s\n",
           nd_pcg64_uses_int128() ? "unsigned __int128" : "portable");
    return nd_test_main(random_suite());
}
