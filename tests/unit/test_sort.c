/* test_sort.c — Check suite of lib/sort.c: sort/argsort/lexsort in every
 * kind and dtype (the radix, introsort, merge sort and heapsort paths),
 * NaN/inf/-0.0 placement, stability, partition/argpartition, searchsorted,
 * unique, count_nonzero and the set operations, with the error texts.
 * Expected values are hand-worked or NumPy's documented outputs; the big
 * random cases are checked against properties (sorted, a permutation,
 * stable) and against qsort with NumPy's order. */
#include <math.h>

#include "testutil.h"

/* A deterministic pseudo-random sequence (splitmix64). */
static uint64_t rng_state;
static uint64_t rng(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Check's assertions record their place through a file on every call;
 * loops over big arrays test first and only assert on a failure. */
#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond))                                                           \
            ck_assert_msg(0, __VA_ARGS__);                                     \
    } while (0)

static const double *f64(const NdArray *a)
{
    return (const double *)(const void *)a->data;
}
static const int64_t *i64(const NdArray *a)
{
    return (const int64_t *)(const void *)a->data;
}

/* NumPy's order for doubles: NaN last. */
static int cmp_numpy_f64(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    if (isnan(a) || isnan(b))
        return isnan(a) - isnan(b);
    return (a > b) - (a < b);
}

static void ck_f64_eq(const NdArray *a, const double *want, int64_t n)
{
    ck_assert_int_eq(a->size, n);
    for (int64_t i = 0; i < n; i++) {
        double g = f64(a)[i];
        if (isnan(want[i]))
            ck_assert_msg(isnan(g), "element %lld: %g, want nan", (long long)i,
                          g);
        else
            ck_assert_msg(g == want[i] && signbit(g) == signbit(want[i]),
                          "element %lld: %g, want %g", (long long)i, g,
                          want[i]);
    }
}

static void ck_i64_eq(const NdArray *a, const int64_t *want, int64_t n)
{
    ck_assert_int_eq(a->dtype, ND_INT64);
    ck_assert_int_eq(a->size, n);
    for (int64_t i = 0; i < n; i++)
        ck_assert_msg(i64(a)[i] == want[i], "element %lld: %lld, want %lld",
                      (long long)i, (long long)i64(a)[i], (long long)want[i]);
}

static const NdSortKind kinds[] = {ND_SORT_QUICKSORT, ND_SORT_MERGESORT,
                                   ND_SORT_HEAPSORT, ND_SORT_STABLE};

/* ------------------------------------------------------------- sort */

START_TEST(test_sort_nan_inf_zero)
{
    /* NaN last, -inf first; -0.0 and 0.0 are equal and a stable sort keeps
     * their order. */
    double v[] = {3, NAN, -INFINITY, 1, -0.0, NAN, INFINITY, 0.0, -2};
    double want[] = {-INFINITY, -2, -0.0, 0.0, 1, 3, INFINITY, NAN, NAN};
    NdArray *a = nd_from_data(ND_FLOAT64, 1, SHAPE(9), v, 9);
    for (int k = 0; k < 4; k++) {
        NdArray *s = nd_sort(a, (const int64_t[]){-1}, kinds[k]);
        ck_assert_ptr_nonnull(s);
        for (int i = 0; i < 9; i++) {
            if (i == 2 || i == 3) /* the zeros: any order unless stable */
                ck_assert(f64(s)[i] == 0);
            else if (isnan(want[i]))
                ck_assert(isnan(f64(s)[i]));
            else
                ck_assert(f64(s)[i] == want[i]);
        }
        if (kinds[k] == ND_SORT_STABLE || kinds[k] == ND_SORT_MERGESORT)
            ck_f64_eq(s, want, 9);
        nd_decref(s);
    }
    nd_decref(a);
}
END_TEST

/* Big arrays of every real dtype and kind against qsort in NumPy's order
 * (through float64, exact for these values). */
START_TEST(test_sort_every_dtype_kind)
{
    static const NdType types[] = {ND_BOOL,   ND_INT8,    ND_INT16,  ND_INT32,
                                   ND_INT64,  ND_UINT8,   ND_UINT16, ND_UINT32,
                                   ND_UINT64, ND_FLOAT32, ND_FLOAT64};
    static const int64_t sizes[] = {0,   1,    2,    15,   17,
                                    100, 1023, 1024, 5000, 200000};
    for (size_t ti = 0; ti < sizeof types / sizeof types[0]; ti++) {
        for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
            int64_t n = sizes[si];
            rng_state = (uint64_t)(ti * 100 + si);
            double *v = malloc(sizeof(double) * (size_t)(n ? n : 1));
            for (int64_t i = 0; i < n; i++) {
                uint64_t r = rng();
                /* Values every dtype holds exactly, with ties; floats get
                 * NaN, infinities and both zeros too. */
                double x = (double)(int64_t)(r % 200) - 100;
                if (types[ti] == ND_BOOL)
                    x = (double)(r & 1);
                else if (nd_dtype_kind(types[ti]) == ND_KIND_UINT)
                    x = (double)(r % 250);
                else if (nd_dtype_kind(types[ti]) == ND_KIND_FLOAT) {
                    x = ((double)(int64_t)(r >> 11) - 4.5e15) / 1e10;
                    switch (r % 50) {
                    case 0:
                        x = NAN;
                        break;
                    case 1:
                        x = INFINITY;
                        break;
                    case 2:
                        x = -INFINITY;
                        break;
                    case 3:
                        x = -0.0;
                        break;
                    case 4:
                        x = 0.0;
                        break;
                    case 5:
                        x = 1.5;
                        break;
                    }
                    if (types[ti] == ND_FLOAT32)
                        x = (float)x;
                }
                v[i] = x;
            }
            NdArray *d = nd_from_data(ND_FLOAT64, 1, &n, v, n);
            NdArray *a = nd_astype(d, types[ti], ND_CAST_UNSAFE, true);
            qsort(v, (size_t)n, sizeof(double), cmp_numpy_f64);
            for (int k = 0; k < 4; k++) {
                if (kinds[k] == ND_SORT_HEAPSORT && n > 5000)
                    continue;
                NdArray *s = nd_sort(a, (const int64_t[]){0}, kinds[k]);
                NdArray *sd = nd_astype(s, ND_FLOAT64, ND_CAST_UNSAFE, true);
                for (int64_t i = 0; i < n; i++) {
                    double g = f64(sd)[i];
                    CHECK(isnan(v[i]) ? isnan(g) : g == v[i],
                          "%s kind %d n %lld at %lld: %g want %g",
                          nd_dtype_name(types[ti]), k, (long long)n,
                          (long long)i, g, v[i]);
                }
                /* argsort: a[idx] is sorted; stable kinds keep ties in
                 * index order. */
                NdArray *ix = nd_argsort(a, (const int64_t[]){0}, kinds[k]);
                ck_assert_int_eq(ix->dtype, ND_INT64);
                const double *ad = f64(d);
                for (int64_t i = 0; i < n; i++) {
                    int64_t j = i64(ix)[i];
                    CHECK(j >= 0 && j < n, "index out of range");
                    double g = ad[j];
                    CHECK(isnan(v[i]) ? isnan(g) : g == v[i],
                          "argsort %s kind %d n %lld at %lld",
                          nd_dtype_name(types[ti]), k, (long long)n,
                          (long long)i);
                    if (i > 0 && (kinds[k] == ND_SORT_STABLE ||
                                  kinds[k] == ND_SORT_MERGESORT)) {
                        double p = ad[i64(ix)[i - 1]];
                        if (cmp_numpy_f64(&p, &g) == 0)
                            CHECK(i64(ix)[i - 1] < j,
                                  "argsort %s not stable at %lld",
                                  nd_dtype_name(types[ti]), (long long)i);
                    }
                }
                nd_decref(ix);
                nd_decref(sd);
                nd_decref(s);
            }
            nd_decref(a);
            nd_decref(d);
            free(v);
        }
    }
}
END_TEST

START_TEST(test_sort_stable_negzero_big)
{
    /* A big stable sort (radix path) keeps -0.0/0.0 in input order. */
    int64_t n = 3000;
    double *v = malloc(sizeof(double) * (size_t)n);
    for (int64_t i = 0; i < n; i++)
        v[i] = (i % 3 == 0) ? -0.0 : (i % 3 == 1) ? 0.0 : (double)(i % 7);
    NdArray *a = nd_from_data(ND_FLOAT64, 1, &n, v, n);
    NdArray *s = nd_sort(a, (const int64_t[]){0}, ND_SORT_STABLE);
    /* zeros: the i%3 in {0,1} and i%7==0 ones ... in input order. */
    int64_t z = 0;
    for (int64_t i = 0; i < n; i++) {
        if (v[i] != 0)
            continue;
        double g = f64(s)[z++];
        CHECK(g == 0, "not zero");
        CHECK((signbit(g) != 0) == (signbit(v[i]) != 0), "zero order");
    }
    nd_decref(s);
    nd_decref(a);
    free(v);
}
END_TEST

START_TEST(test_sort_complex_order)
{
    /* NumPy's documented complex order: R + Rj < R + nanj < nan + Rj <
     * nan + nanj, lexicographic otherwise. */
    nd_complex128 v[] = {{NAN, NAN}, {1, NAN}, {NAN, 0}, {1, 2},
                         {1, -1},    {0, 5},   {-1, 0}};
    nd_complex128 want[] = {{-1, 0},  {0, 5},   {1, -1},   {1, 2},
                            {1, NAN}, {NAN, 0}, {NAN, NAN}};
    NdArray *a = nd_from_data(ND_COMPLEX128, 1, SHAPE(7), v, 7);
    for (int k = 0; k < 4; k++) {
        NdArray *s = nd_sort(a, NULL, kinds[k]);
        const nd_complex128 *g = (const nd_complex128 *)(void *)s->data;
        for (int i = 0; i < 7; i++) {
            ck_assert(isnan(want[i].re) ? isnan(g[i].re)
                                        : g[i].re == want[i].re);
            ck_assert(isnan(want[i].im) ? isnan(g[i].im)
                                        : g[i].im == want[i].im);
        }
        nd_decref(s);
    }
    nd_decref(a);
}
END_TEST

START_TEST(test_sort_axes_layouts)
{
    /* NumPy's example: a = [[1,4],[3,1]]. */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 1, 4, 3, 1);
    NdArray *s = nd_sort(a, (const int64_t[]){-1}, ND_SORT_QUICKSORT);
    ck_i64_eq(s, (const int64_t[]){1, 4, 1, 3}, 4);
    nd_decref(s);
    s = nd_sort(a, NULL, ND_SORT_QUICKSORT);
    ck_assert_int_eq(s->ndim, 1);
    ck_i64_eq(s, (const int64_t[]){1, 1, 3, 4}, 4);
    nd_decref(s);
    s = nd_sort(a, (const int64_t[]){0}, ND_SORT_QUICKSORT);
    ck_i64_eq(s, (const int64_t[]){1, 1, 3, 4}, 4);
    nd_decref(s);
    /* A transposed (F-ordered) view sorted along its last axis. */
    NdArray *t = nd_transpose(a, NULL, 0);
    s = nd_sort(t, (const int64_t[]){1}, ND_SORT_STABLE);
    /* t = [[1,3],[4,1]] -> [[1,3],[1,4]] */
    NdArray *c = nd_copy(s, 'C');
    ck_i64_eq(c, (const int64_t[]){1, 3, 1, 4}, 4);
    nd_decref(c);
    nd_decref(s);
    /* In place along axis 0 (strided lanes). */
    NdArray *b = nd_copy(a, 'C');
    ck_assert_int_eq(nd_sort_inplace(b, 0, ND_SORT_HEAPSORT), 0);
    ck_i64_eq(b, (const int64_t[]){1, 1, 3, 4}, 4);
    nd_decref(b);
    /* argsort, NumPy's example x = [[0,3],[2,2]]. */
    NdArray *x = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 0, 3, 2, 2);
    NdArray *ix = nd_argsort(x, (const int64_t[]){0}, ND_SORT_QUICKSORT);
    ck_i64_eq(ix, (const int64_t[]){0, 1, 1, 0}, 4);
    nd_decref(ix);
    ix = nd_argsort(x, (const int64_t[]){1}, ND_SORT_QUICKSORT);
    ck_i64_eq(ix, (const int64_t[]){0, 1, 0, 1}, 4);
    nd_decref(ix);
    nd_decref(x);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(test_sort_errors_and_empty)
{
    NdArray *z = nd_zeros(ND_FLOAT64, 0, NULL, 'C');
    ck_assert_ptr_null(nd_sort(z, (const int64_t[]){-1}, ND_SORT_QUICKSORT));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis -1 is out of bounds for array of dimension 0");
    NdArray *s = nd_sort(z, NULL, ND_SORT_QUICKSORT);
    ck_assert_int_eq(s->ndim, 1);
    ck_assert_int_eq(s->shape[0], 1);
    nd_decref(s);
    nd_decref(z);
    /* argsort and argpartition treat a 0-d array as 1-d, as NumPy's C
     * code does; nothing to partition means no kth check. */
    NdScalar seven = nd_scalar_int64(7);
    NdArray *z7 = nd_full(ND_INT64, 0, NULL, &seven, 'C');
    NdArray *ix0 = nd_argsort(z7, (const int64_t[]){-1}, ND_SORT_QUICKSORT);
    ck_assert_int_eq(ix0->ndim, 1);
    ck_i64_eq(ix0, (const int64_t[]){0}, 1);
    nd_decref(ix0);
    ix0 = nd_argpartition(z7, (const int64_t[]){0}, 1, (const int64_t[]){0});
    ck_i64_eq(ix0, (const int64_t[]){0}, 1);
    nd_decref(ix0);
    nd_decref(z7);
    NdArray *e0 = nd_zeros(ND_FLOAT64, 1, SHAPE(0), 'C');
    NdArray *p0 = nd_partition(e0, (const int64_t[]){5}, 1, NULL);
    ck_assert_int_eq(p0->size, 0);
    nd_decref(p0);
    nd_decref(e0);
    NdArray *e = nd_zeros(ND_INT32, 2, SHAPE(0, 3), 'C');
    s = nd_sort(e, (const int64_t[]){1}, ND_SORT_QUICKSORT);
    ck_assert_int_eq(s->shape[0], 0);
    ck_assert_int_eq(s->shape[1], 3);
    nd_decref(s);
    NdArray *ix = nd_argsort(e, (const int64_t[]){0}, ND_SORT_STABLE);
    ck_assert_int_eq(ix->dtype, ND_INT64);
    ck_assert_int_eq(ix->size, 0);
    nd_decref(ix);
    ck_assert_ptr_null(nd_sort(e, (const int64_t[]){2}, ND_SORT_QUICKSORT));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    nd_decref(e);
    NdSortKind k;
    ck_assert_int_eq(nd_sort_kind_from_name("Quick", &k), 0);
    ck_assert_int_eq(k, ND_SORT_QUICKSORT);
    ck_assert_int_eq(nd_sort_kind_from_name("mergesort", &k), 0);
    ck_assert_int_eq(k, ND_SORT_MERGESORT);
    ck_assert_int_eq(nd_sort_kind_from_name("foo", &k), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "sort kind must be one of 'quick', "
                                     "'heap', or 'stable' (got 'foo')");
    NdArray *base = ARR(ND_INT64, int64_t, SHAPE(1), 1, 5);
    NdArray *ro = nd_broadcast_to(base, 1, SHAPE(3));
    nd_decref(base);
    ck_assert_int_eq(nd_sort_inplace(ro, 0, ND_SORT_QUICKSORT), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "sort array is read-only");
    ck_assert_int_eq(nd_partition_inplace(ro, (const int64_t[]){0}, 1, 0), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "partition array is read-only");
    nd_decref(ro);
}
END_TEST

START_TEST(test_lexsort)
{
    /* NumPy's example: sort by a, then by b. */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(7), 1, 1, 5, 1, 4, 3, 4, 4);
    NdArray *b = ARR(ND_INT64, int64_t, SHAPE(7), 1, 9, 4, 0, 4, 0, 2, 1);
    NdArray *keys[] = {b, a};
    NdArray *r = nd_lexsort(2, keys, -1);
    ck_i64_eq(r, (const int64_t[]){2, 0, 4, 6, 5, 3, 1}, 7);
    nd_decref(r);
    /* Mixed dtypes: a float primary key, an int secondary one. */
    NdArray *f = ARR(ND_FLOAT64, double, SHAPE(4), 1, 2.0, NAN, 1.0, 2.0);
    NdArray *g = ARR(ND_INT8, int8_t, SHAPE(4), 1, 3, 0, 7, 1);
    NdArray *k2[] = {g, f};
    r = nd_lexsort(2, k2, 0);
    ck_i64_eq(r, (const int64_t[]){2, 3, 0, 1}, 4);
    nd_decref(r);
    ck_assert_ptr_null(nd_lexsort(0, keys, -1));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "need sequence of keys with len > 0 in lexsort");
    NdArray *k3[] = {a, f};
    ck_assert_ptr_null(nd_lexsort(2, k3, -1));
    ck_assert_nd_error(ND_ERR_VALUE, "all keys need to be the same shape");
    ck_assert_ptr_null(nd_lexsort(2, keys, 1));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 1 is out of bounds for array of dimension 1");
    nd_decref(f);
    nd_decref(g);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

/* ---------------------------------------------------------- partition */

static void check_partitioned(const double *v, int64_t n, const int64_t *kth,
                              int nk, const double *sorted)
{
    for (int t = 0; t < nk; t++) {
        int64_t k = kth[t] < 0 ? kth[t] + n : kth[t];
        CHECK(v[k] == sorted[k] || (isnan(v[k]) && isnan(sorted[k])),
              "kth %lld: %g want %g", (long long)k, v[k], sorted[k]);
        for (int64_t i = 0; i < k; i++)
            CHECK(cmp_numpy_f64(&v[i], &v[k]) <= 0, "left side");
        for (int64_t i = k + 1; i < n; i++)
            CHECK(cmp_numpy_f64(&v[i], &v[k]) >= 0, "right side");
    }
}

START_TEST(test_partition)
{
    /* Random, sorted, reversed, constant and organ-pipe inputs; NaNs. */
    for (int shape = 0; shape < 6; shape++) {
        int64_t n = 3001;
        double *v = malloc(sizeof(double) * (size_t)n);
        rng_state = (uint64_t)shape;
        for (int64_t i = 0; i < n; i++) {
            switch (shape) {
            case 0:
                v[i] = (double)(rng() % 1000);
                break;
            case 1:
                v[i] = (double)i;
                break;
            case 2:
                v[i] = (double)(n - i);
                break;
            case 3:
                v[i] = 7;
                break;
            case 4:
                v[i] = (double)(i < n / 2 ? i : n - i);
                break;
            default:
                v[i] = rng() % 10 == 0 ? NAN : (double)(rng() % 50);
            }
        }
        double *sorted = malloc(sizeof(double) * (size_t)n);
        memcpy(sorted, v, sizeof(double) * (size_t)n);
        qsort(sorted, (size_t)n, sizeof(double), cmp_numpy_f64);
        NdArray *a = nd_from_data(ND_FLOAT64, 1, &n, v, n);
        const int64_t kth[] = {0, 5, 1500, -1, 2999};
        for (int t = 0; t < 5; t++) {
            NdArray *p = nd_partition(a, &kth[t], 1, (const int64_t[]){0});
            check_partitioned(f64(p), n, &kth[t], 1, sorted);
            nd_decref(p);
            NdArray *ip = nd_argpartition(a, &kth[t], 1, NULL);
            double *g = malloc(sizeof(double) * (size_t)n);
            for (int64_t i = 0; i < n; i++)
                g[i] = v[i64(ip)[i]];
            check_partitioned(g, n, &kth[t], 1, sorted);
            free(g);
            nd_decref(ip);
        }
        NdArray *p = nd_partition(a, kth, 5, NULL);
        check_partitioned(f64(p), n, kth, 5, sorted);
        nd_decref(p);
        nd_decref(a);
        free(sorted);
        free(v);
    }
    /* NumPy's example: partition([3, 4, 2, 1], (1, 3)) is [1, 2, 3, 4]. */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(4), 1, 3, 4, 2, 1);
    NdArray *p =
        nd_partition(a, (const int64_t[]){1, 3}, 2, (const int64_t[]){-1});
    ck_i64_eq(p, (const int64_t[]){1, 2, 3, 4}, 4);
    nd_decref(p);
    ck_assert_ptr_null(nd_partition(a, (const int64_t[]){4}, 1, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "kth(=4) out of bounds (4)");
    ck_assert_ptr_null(nd_argpartition(a, (const int64_t[]){-5}, 1, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "kth(=-1) out of bounds (4)");
    NdArray *z = nd_zeros(ND_INT64, 0, NULL, 'C');
    ck_assert_ptr_null(
        nd_partition(z, (const int64_t[]){0}, 1, (const int64_t[]){-1}));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis -1 is out of bounds for array of dimension 0");
    nd_decref(z);
    /* 2-d along axis 0 (strided lanes). */
    NdArray *m = ARR(ND_INT64, int64_t, SHAPE(3, 2), 2, 5, 0, 1, 9, 3, 4);
    p = nd_partition(m, (const int64_t[]){1}, 1, (const int64_t[]){0});
    ck_assert_int_eq(i64(p)[2], 3); /* column 0: 5 1 3 -> middle 3 */
    ck_assert_int_eq(i64(p)[3], 4); /* column 1: 0 9 4 -> middle 4 */
    nd_decref(p);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

/* ------------------------------------------------------- searchsorted */

START_TEST(test_searchsorted)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(5), 1, 11, 12, 13, 14, 15);
    NdArray *v = ARR(ND_INT64, int64_t, SHAPE(4), 1, -10, 20, 12, 13);
    NdArray *r = nd_searchsorted(a, v, false, NULL);
    ck_i64_eq(r, (const int64_t[]){0, 5, 1, 2}, 4);
    nd_decref(r);
    r = nd_searchsorted(a, v, true, NULL);
    ck_i64_eq(r, (const int64_t[]){0, 5, 2, 3}, 4);
    nd_decref(r);
    /* Compared in the promoted dtype: 12.5 between 12 and 13. */
    NdArray *fv = ARR(ND_FLOAT64, double, SHAPE(2, 1), 2, 12.5, NAN);
    r = nd_searchsorted(a, fv, false, NULL);
    ck_assert_int_eq(r->ndim, 2);
    ck_i64_eq(r, (const int64_t[]){2, 5}, 2);
    nd_decref(r);
    /* NaN in a sorts last: left of nan is its position. */
    NdArray *fa = ARR(ND_FLOAT64, double, SHAPE(4), 1, 1, 2, NAN, NAN);
    r = nd_searchsorted(fa, fv, false, NULL);
    ck_i64_eq(r, (const int64_t[]){2, 2}, 2);
    nd_decref(r);
    r = nd_searchsorted(fa, fv, true, NULL);
    ck_i64_eq(r, (const int64_t[]){2, 4}, 2);
    nd_decref(r);
    /* sorter */
    NdArray *u = ARR(ND_INT64, int64_t, SHAPE(3), 1, 3, 1, 2);
    NdArray *so = ARR(ND_INT64, int64_t, SHAPE(3), 1, 1, 2, 0);
    NdArray *k = ARR(ND_INT64, int64_t, SHAPE(3), 1, 2, 0, 4);
    r = nd_searchsorted(u, k, false, so);
    ck_i64_eq(r, (const int64_t[]){1, 0, 3}, 3);
    nd_decref(r);
    NdArray *bad = ARR(ND_INT64, int64_t, SHAPE(2), 1, 0, 1);
    ck_assert_ptr_null(nd_searchsorted(u, k, false, bad));
    ck_assert_nd_error(ND_ERR_VALUE, "sorter.size must equal a.size");
    NdArray *oob = ARR(ND_INT64, int64_t, SHAPE(3), 1, 7, 7, 7);
    ck_assert_ptr_null(nd_searchsorted(u, k, false, oob));
    ck_assert_nd_error(ND_ERR_VALUE, "Sorter index out of range.");
    NdArray *fso = ARR(ND_FLOAT64, double, SHAPE(3), 1, 0, 1, 2);
    ck_assert_ptr_null(nd_searchsorted(u, k, false, fso));
    ck_assert_nd_error(ND_ERR_TYPE, "sorter must only contain integers");
    NdArray *m = nd_zeros(ND_INT64, 2, SHAPE(2, 2), 'C');
    ck_assert_ptr_null(nd_searchsorted(m, k, false, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "object too deep for desired array");
    NdArray *z = nd_zeros(ND_INT64, 0, NULL, 'C');
    ck_assert_ptr_null(nd_searchsorted(z, k, false, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "object of too small depth for desired array");
    /* Empty a: everything goes at 0. */
    NdArray *e = nd_zeros(ND_INT64, 1, SHAPE(0), 'C');
    r = nd_searchsorted(e, k, true, NULL);
    ck_i64_eq(r, (const int64_t[]){0, 0, 0}, 3);
    nd_decref(r);
    nd_decref(e);
    nd_decref(z);
    nd_decref(m);
    nd_decref(fso);
    nd_decref(oob);
    nd_decref(bad);
    nd_decref(k);
    nd_decref(so);
    nd_decref(u);
    nd_decref(fa);
    nd_decref(fv);
    nd_decref(v);
    nd_decref(a);
}
END_TEST

/* ------------------------------------------------------------- unique */

START_TEST(test_unique)
{
    /* NumPy's examples. */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(7), 1, 1, 2, 6, 4, 2, 3, 2);
    NdUnique u;
    ck_assert_int_eq(nd_unique(a, NULL, true, true, true, true, &u), 0);
    ck_i64_eq(u.values, (const int64_t[]){1, 2, 3, 4, 6}, 5);
    ck_i64_eq(u.index, (const int64_t[]){0, 1, 5, 3, 2}, 5);
    ck_i64_eq(u.inverse, (const int64_t[]){0, 1, 4, 3, 1, 2, 1}, 7);
    ck_i64_eq(u.counts, (const int64_t[]){1, 3, 1, 1, 1}, 5);
    nd_decref(u.values);
    nd_decref(u.index);
    nd_decref(u.inverse);
    nd_decref(u.counts);
    nd_decref(a);
    /* The inverse has the input's shape (NumPy 2). */
    NdArray *m = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 1, 1, 2, 3);
    ck_assert_int_eq(nd_unique(m, NULL, false, true, false, true, &u), 0);
    ck_assert_ptr_null(u.index);
    ck_assert_ptr_null(u.counts);
    ck_assert_int_eq(u.inverse->ndim, 2);
    ck_i64_eq(u.inverse, (const int64_t[]){0, 0, 1, 2}, 4);
    nd_decref(u.values);
    nd_decref(u.inverse);
    nd_decref(m);
    /* Rows: NumPy's example, axis=0, with a 1-d inverse. */
    NdArray *r =
        ARR(ND_INT64, int64_t, SHAPE(3, 3), 2, 1, 0, 0, 1, 0, 0, 2, 3, 4);
    ck_assert_int_eq(
        nd_unique(r, (const int64_t[]){0}, true, true, true, true, &u), 0);
    ck_assert_int_eq(u.values->shape[0], 2);
    ck_assert_int_eq(u.values->shape[1], 3);
    NdArray *c = nd_copy(u.values, 'C');
    ck_i64_eq(c, (const int64_t[]){1, 0, 0, 2, 3, 4}, 6);
    ck_i64_eq(u.index, (const int64_t[]){0, 2}, 2);
    ck_assert_int_eq(u.inverse->ndim, 1);
    ck_i64_eq(u.inverse, (const int64_t[]){0, 0, 1}, 3);
    ck_i64_eq(u.counts, (const int64_t[]){2, 1}, 2);
    nd_decref(c);
    nd_decref(u.values);
    nd_decref(u.index);
    nd_decref(u.inverse);
    nd_decref(u.counts);
    /* Columns (axis=-1): columns [1,1,2] [0,0,3] [0,0,4] -> sorted
     * [0,0,3] [0,0,4] [1,1,2]. */
    ck_assert_int_eq(
        nd_unique(r, (const int64_t[]){-1}, false, false, false, true, &u), 0);
    c = nd_copy(u.values, 'C');
    ck_i64_eq(c, (const int64_t[]){0, 0, 1, 0, 0, 1, 3, 4, 2}, 9);
    nd_decref(c);
    nd_decref(u.values);
    ck_assert_int_eq(
        nd_unique(r, (const int64_t[]){2}, false, false, false, true, &u), -1);
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    nd_decref(r);
    /* NaNs: folded into one with equal_nan, all kept without. */
    NdArray *f = ARR(ND_FLOAT64, double, SHAPE(6), 1, NAN, 1, NAN, 1, 0, NAN);
    ck_assert_int_eq(nd_unique(f, NULL, true, false, true, true, &u), 0);
    ck_f64_eq(u.values, (const double[]){0, 1, NAN}, 3);
    ck_i64_eq(u.index, (const int64_t[]){4, 1, 0}, 3);
    ck_i64_eq(u.counts, (const int64_t[]){1, 2, 3}, 3);
    nd_decref(u.values);
    nd_decref(u.index);
    nd_decref(u.counts);
    ck_assert_int_eq(nd_unique(f, NULL, false, false, false, false, &u), 0);
    ck_f64_eq(u.values, (const double[]){0, 1, NAN, NAN, NAN}, 5);
    nd_decref(u.values);
    nd_decref(f);
    /* Complex NaNs of every class fold into one. */
    nd_complex128 cv[] = {{1, NAN}, {NAN, 0}, {2, 0}, {NAN, NAN}};
    NdArray *cx = nd_from_data(ND_COMPLEX128, 1, SHAPE(4), cv, 4);
    ck_assert_int_eq(nd_unique(cx, NULL, false, false, false, true, &u), 0);
    ck_assert_int_eq(u.values->size, 2);
    nd_decref(u.values);
    nd_decref(cx);
    /* Empty and 0-d. */
    NdArray *e = nd_zeros(ND_FLOAT32, 2, SHAPE(0, 2), 'C');
    ck_assert_int_eq(nd_unique(e, NULL, true, true, true, true, &u), 0);
    ck_assert_int_eq(u.values->dtype, ND_FLOAT32);
    ck_assert_int_eq(u.values->size, 0);
    ck_assert_int_eq(u.inverse->ndim, 2);
    nd_decref(u.values);
    nd_decref(u.index);
    nd_decref(u.inverse);
    nd_decref(u.counts);
    nd_decref(e);
    NdScalar five = nd_scalar_int64(5);
    NdArray *s = nd_full(ND_INT64, 0, NULL, &five, 'C');
    ck_assert_int_eq(nd_unique(s, NULL, false, true, false, true, &u), 0);
    ck_assert_int_eq(u.values->ndim, 1);
    ck_assert_int_eq(u.inverse->ndim, 0);
    nd_decref(u.values);
    nd_decref(u.inverse);
    nd_decref(s);
}
END_TEST

START_TEST(test_count_nonzero)
{
    /* NumPy's example a = [[0,1,7,0],[3,0,2,19]]. */
    NdArray *a =
        ARR(ND_INT64, int64_t, SHAPE(2, 4), 2, 0, 1, 7, 0, 3, 0, 2, 19);
    NdArray *r = nd_count_nonzero(a, NULL, 0, false);
    ck_assert_int_eq(r->ndim, 0);
    ck_assert_int_eq(i64(r)[0], 5);
    nd_decref(r);
    r = nd_count_nonzero(a, (const int64_t[]){0}, 1, false);
    ck_i64_eq(r, (const int64_t[]){1, 1, 2, 1}, 4);
    nd_decref(r);
    r = nd_count_nonzero(a, (const int64_t[]){1}, 1, true);
    ck_assert_int_eq(r->ndim, 2);
    ck_assert_int_eq(r->shape[1], 1);
    ck_i64_eq(r, (const int64_t[]){2, 3}, 2);
    nd_decref(r);
    r = nd_count_nonzero(a, (const int64_t[]){-1, 0}, 2, false);
    ck_assert_int_eq(r->ndim, 0);
    ck_assert_int_eq(i64(r)[0], 5);
    nd_decref(r);
    ck_assert_ptr_null(nd_count_nonzero(a, (const int64_t[]){0, -2}, 2, false));
    ck_assert_nd_error(ND_ERR_VALUE, "duplicate value in 'axis'");
    ck_assert_ptr_null(nd_count_nonzero(a, (const int64_t[]){2}, 1, false));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    /* Transposed view; NaN and -0.0 in floats, complex with zero real. */
    NdArray *t = nd_transpose(a, NULL, 0);
    r = nd_count_nonzero(t, (const int64_t[]){1}, 1, false);
    ck_i64_eq(r, (const int64_t[]){1, 1, 2, 1}, 4);
    nd_decref(r);
    nd_decref(t);
    NdArray *f = ARR(ND_FLOAT64, double, SHAPE(4), 1, NAN, -0.0, 0.0, 2);
    r = nd_count_nonzero(f, NULL, 0, false);
    ck_assert_int_eq(i64(r)[0], 2);
    nd_decref(r);
    nd_decref(f);
    nd_complex64 cv[] = {{0, 1}, {0, 0}, {2, 0}};
    NdArray *c = nd_from_data(ND_COMPLEX64, 1, SHAPE(3), cv, 3);
    r = nd_count_nonzero(c, NULL, 0, false);
    ck_assert_int_eq(i64(r)[0], 2);
    nd_decref(r);
    nd_decref(c);
    nd_decref(a);
}
END_TEST

/* --------------------------------------------------------------- sets */

START_TEST(test_set_operations)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(4), 1, 1, 3, 4, 3);
    NdArray *b = ARR(ND_INT64, int64_t, SHAPE(4), 1, 3, 1, 2, 1);
    NdArray *r = nd_intersect1d(a, b, false, NULL, NULL);
    ck_i64_eq(r, (const int64_t[]){1, 3}, 2);
    nd_decref(r);
    /* return_indices, NumPy's example. */
    NdArray *x = ARR(ND_INT64, int64_t, SHAPE(5), 1, 1, 1, 2, 3, 4);
    NdArray *y = ARR(ND_INT64, int64_t, SHAPE(4), 1, 2, 1, 4, 6);
    NdArray *i1, *i2;
    r = nd_intersect1d(x, y, false, &i1, &i2);
    ck_i64_eq(r, (const int64_t[]){1, 2, 4}, 3);
    ck_i64_eq(i1, (const int64_t[]){0, 2, 4}, 3);
    ck_i64_eq(i2, (const int64_t[]){1, 0, 2}, 3);
    nd_decref(r);
    nd_decref(i1);
    nd_decref(i2);
    /* union1d, setdiff1d, setxor1d: NumPy's examples. */
    NdArray *p = ARR(ND_INT64, int64_t, SHAPE(3), 1, -1, 0, 1);
    NdArray *q = ARR(ND_INT64, int64_t, SHAPE(3), 1, -2, 0, 2);
    r = nd_union1d(p, q);
    ck_i64_eq(r, (const int64_t[]){-2, -1, 0, 1, 2}, 5);
    nd_decref(r);
    NdArray *s1 = ARR(ND_INT64, int64_t, SHAPE(6), 1, 1, 2, 3, 2, 4, 1);
    NdArray *s2 = ARR(ND_INT64, int64_t, SHAPE(4), 1, 3, 4, 5, 6);
    r = nd_setdiff1d(s1, s2, false);
    ck_i64_eq(r, (const int64_t[]){1, 2}, 2);
    nd_decref(r);
    /* assume_unique keeps ar1's order. */
    NdArray *s3 = ARR(ND_INT64, int64_t, SHAPE(4), 1, 9, 3, 7, 1);
    r = nd_setdiff1d(s3, s2, true);
    ck_i64_eq(r, (const int64_t[]){9, 7, 1}, 3);
    nd_decref(r);
    NdArray *x1 = ARR(ND_INT64, int64_t, SHAPE(5), 1, 1, 2, 3, 2, 4);
    NdArray *x2 = ARR(ND_INT64, int64_t, SHAPE(5), 1, 2, 3, 5, 7, 5);
    r = nd_setxor1d(x1, x2, false);
    ck_i64_eq(r, (const int64_t[]){1, 4, 5, 7}, 4);
    nd_decref(r);
    /* isin: NumPy's example element = 2*arange(4).reshape(2,2). */
    NdArray *el = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 0, 2, 4, 6);
    NdArray *te = ARR(ND_INT64, int64_t, SHAPE(4), 1, 1, 2, 4, 8);
    r = nd_isin(el, te, false, false, ND_ISIN_DEFAULT);
    ck_assert_int_eq(r->dtype, ND_BOOL);
    ck_assert_int_eq(r->ndim, 2);
    const bool *m = (const bool *)r->data;
    ck_assert(!m[0] && m[1] && m[2] && !m[3]);
    nd_decref(r);
    r = nd_isin(el, te, false, true, ND_ISIN_TABLE);
    m = (const bool *)r->data;
    ck_assert(m[0] && !m[1] && !m[2] && m[3]);
    nd_decref(r);
    /* Mixed dtypes compare in the promoted one; NaN is never found. */
    NdArray *fe = ARR(ND_FLOAT64, double, SHAPE(3), 1, 2.0, 2.5, NAN);
    NdArray *ft = ARR(ND_FLOAT64, double, SHAPE(2), 1, NAN, 2.0);
    r = nd_isin(fe, te, false, false, ND_ISIN_SORT);
    m = (const bool *)r->data;
    ck_assert(m[0] && !m[1] && !m[2]);
    nd_decref(r);
    r = nd_isin(fe, ft, false, false, ND_ISIN_DEFAULT);
    m = (const bool *)r->data;
    ck_assert(m[0] && !m[1] && !m[2]);
    nd_decref(r);
    ck_assert_ptr_null(nd_isin(fe, te, false, false, ND_ISIN_TABLE));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "The 'table' method is only supported for boolean or "
                       "integer arrays. Please select 'sort' or None for "
                       "kind.");
    /* Set results of mixed dtypes: int and float give float64. */
    r = nd_intersect1d(te, fe, false, NULL, NULL);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    ck_f64_eq(r, (const double[]){2.0}, 1);
    nd_decref(r);
    r = nd_union1d(ft, ft);
    ck_f64_eq(r, (const double[]){2.0, NAN}, 2);
    nd_decref(r);
    r = nd_setxor1d(ft, fe, false);
    ck_f64_eq(r, (const double[]){2.5, NAN, NAN}, 3);
    nd_decref(r);
    /* Empty inputs. */
    NdArray *e = nd_zeros(ND_INT64, 1, SHAPE(0), 'C');
    r = nd_setxor1d(e, e, false);
    ck_assert_int_eq(r->size, 0);
    nd_decref(r);
    r = nd_intersect1d(e, te, false, &i1, &i2);
    ck_assert_int_eq(r->size + i1->size + i2->size, 0);
    nd_decref(r);
    nd_decref(i1);
    nd_decref(i2);
    r = nd_isin(e, te, false, false, 0);
    ck_assert_int_eq(r->size, 0);
    nd_decref(r);
    nd_decref(e);
    nd_decref(fe);
    nd_decref(ft);
    nd_decref(el);
    nd_decref(te);
    nd_decref(x1);
    nd_decref(x2);
    nd_decref(s1);
    nd_decref(s2);
    nd_decref(s3);
    nd_decref(p);
    nd_decref(q);
    nd_decref(x);
    nd_decref(y);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sort");
    TCase *tc = tcase_create("sort");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_sort_nan_inf_zero);
    tcase_add_test(tc, test_sort_every_dtype_kind);
    tcase_add_test(tc, test_sort_stable_negzero_big);
    tcase_add_test(tc, test_sort_complex_order);
    tcase_add_test(tc, test_sort_axes_layouts);
    tcase_add_test(tc, test_sort_errors_and_empty);
    tcase_add_test(tc, test_lexsort);
    tcase_add_test(tc, test_partition);
    tcase_add_test(tc, test_searchsorted);
    tcase_add_test(tc, test_unique);
    tcase_add_test(tc, test_count_nonzero);
    tcase_add_test(tc, test_set_operations);
    suite_add_tcase(s, tc);
    return nd_test_main(s);
}
