/* test_math.c — Check suite of the math ufuncs (lib/math.c), the ufunc
 * machinery's two-output and three-input calls (lib/ufunc.c) and the ufunc
 * methods (lib/ufunc_methods.c).  Expected values come from NumPy's
 * documentation, from identities (sin^2 + cos^2 = 1, frexp/ldexp round
 * trips, q * b + r == a for divmod) and from C99 Annex F's special values;
 * result dtypes are NumPy's ufunc.types search (float16 answers excepted:
 * nd has no float16 and lands on float32). */
#include <float.h>
#include <math.h>

#include "testutil.h"

/* pi to double precision (C11 has no PI). */
#define PI 3.141592653589793238462643383279502884

/* ----------------------------------------------------------------- helpers */

static NdArray *f64s(int n, const double *v)
{
    return nd_from_data(ND_FLOAT64, 1, (int64_t[]){n}, v, n);
}

static NdArray *i64s(int n, const int64_t *v)
{
    return nd_from_data(ND_INT64, 1, (int64_t[]){n}, v, n);
}

static double f64_at(const NdArray *a, int64_t i)
{
    NdScalar s, d;
    ck_assert_int_eq(nd_get_item(a, &i, &s), 0);
    ck_assert_int_eq(nd_scalar_cast(&s, ND_FLOAT64, &d), 0);
    return d.v.f64;
}

static int64_t i64_at(const NdArray *a, int64_t i)
{
    NdScalar s, d;
    ck_assert_int_eq(nd_get_item(a, &i, &s), 0);
    ck_assert_int_eq(nd_scalar_cast(&s, ND_INT64, &d), 0);
    return d.v.i64;
}

static NdArray *weak_int(int64_t v)
{
    NdScalar s = nd_scalar_int64(v);
    s.weak = true;
    return nd_from_scalar(&s);
}

static NdArray *weak_float(double v)
{
    NdScalar s = nd_scalar_float64(v);
    s.weak = true;
    return nd_from_scalar(&s);
}

/* The dtype op gives for one input of dtype t (a 1-element array). */
static NdType unary_type(NdUfuncId op, NdType t)
{
    NdArray *a = nd_zeros(t, 1, (int64_t[]){1}, 'C');
    NdArray *r = nd_unary(op, a);
    nd_decref(a);
    if (!r) {
        nd_error_clear();
        return ND_NTYPES;
    }
    NdType rt = r->dtype;
    nd_decref(r);
    return rt;
}

static NdType binary_type(NdUfuncId op, NdArray *a, NdArray *b)
{
    NdArray *r = nd_binary(op, a, b);
    if (!r) {
        nd_error_clear();
        return ND_NTYPES;
    }
    NdType rt = r->dtype;
    nd_decref(r);
    return rt;
}

static bool same(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(x) && isnan(y);
    return x == y && !signbit(x) == !signbit(y);
}

/* ----------------------------------------------------------- result dtypes */

START_TEST(float_ufuncs_result_dtypes)
{
    /* np.sqrt(int16) is float32, np.sqrt(int32/int64/uint64) float64;
     * int8/uint8/bool give float16 in NumPy, float32 here. */
    const NdUfuncId ops[] = {ND_UF_SQRT, ND_UF_SIN,   ND_UF_EXP,
                             ND_UF_LOG,  ND_UF_FLOOR, ND_UF_ARCTANH,
                             ND_UF_CBRT, ND_UF_RINT,  ND_UF_DEG2RAD};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        ck_assert_int_eq(unary_type(ops[i], ND_BOOL), ND_FLOAT32);
        ck_assert_int_eq(unary_type(ops[i], ND_INT8), ND_FLOAT32);
        ck_assert_int_eq(unary_type(ops[i], ND_UINT8), ND_FLOAT32);
        ck_assert_int_eq(unary_type(ops[i], ND_INT16), ND_FLOAT32);
        ck_assert_int_eq(unary_type(ops[i], ND_UINT16), ND_FLOAT32);
        ck_assert_int_eq(unary_type(ops[i], ND_INT32), ND_FLOAT64);
        ck_assert_int_eq(unary_type(ops[i], ND_UINT32), ND_FLOAT64);
        ck_assert_int_eq(unary_type(ops[i], ND_INT64), ND_FLOAT64);
        ck_assert_int_eq(unary_type(ops[i], ND_UINT64), ND_FLOAT64);
        ck_assert_int_eq(unary_type(ops[i], ND_FLOAT32), ND_FLOAT32);
        ck_assert_int_eq(unary_type(ops[i], ND_FLOAT64), ND_FLOAT64);
    }
    /* complex where NumPy has complex loops */
    ck_assert_int_eq(unary_type(ND_UF_SQRT, ND_COMPLEX64), ND_COMPLEX64);
    ck_assert_int_eq(unary_type(ND_UF_LOG1P, ND_COMPLEX128), ND_COMPLEX128);
    ck_assert_int_eq(unary_type(ND_UF_FLOOR, ND_COMPLEX128), ND_NTYPES);
    ck_assert_int_eq(unary_type(ND_UF_CBRT, ND_COMPLEX128), ND_NTYPES);
    ck_assert_int_eq(unary_type(ND_UF_FABS, ND_COMPLEX64), ND_NTYPES);
    /* integer-preserving ufuncs */
    ck_assert_int_eq(unary_type(ND_UF_SQUARE, ND_INT8), ND_INT8);
    ck_assert_int_eq(unary_type(ND_UF_SQUARE, ND_BOOL), ND_INT8);
    ck_assert_int_eq(unary_type(ND_UF_RECIPROCAL, ND_UINT16), ND_UINT16);
    ck_assert_int_eq(unary_type(ND_UF_SIGN, ND_INT32), ND_INT32);
    ck_assert_int_eq(unary_type(ND_UF_CONJUGATE, ND_INT64), ND_INT64);
    ck_assert_int_eq(unary_type(ND_UF_CONJUGATE, ND_COMPLEX64), ND_COMPLEX64);
    /* classification: every dtype -> bool */
    for (int t = 0; t < ND_NTYPES; t++) {
        ck_assert_int_eq(unary_type(ND_UF_ISNAN, (NdType)t), ND_BOOL);
        ck_assert_int_eq(unary_type(ND_UF_ISFINITE, (NdType)t), ND_BOOL);
    }
    ck_assert_int_eq(unary_type(ND_UF_SIGNBIT, ND_INT64), ND_BOOL);
}
END_TEST

START_TEST(sign_of_bool_is_an_error)
{
    NdArray *a = nd_zeros(ND_BOOL, 1, (int64_t[]){1}, 'C');
    ck_assert_ptr_null(nd_unary(ND_UF_SIGN, a));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "ufunc 'sign' did not contain a loop with signature "
                       "matching types <class 'numpy.dtypes.BoolDType'> -> "
                       "None");
    nd_decref(a);
}
END_TEST

START_TEST(binary_result_dtypes)
{
    NdArray *f32 = nd_zeros(ND_FLOAT32, 1, (int64_t[]){1}, 'C');
    NdArray *i8 = nd_zeros(ND_INT8, 1, (int64_t[]){1}, 'C');
    NdArray *i64 = nd_zeros(ND_INT64, 1, (int64_t[]){1}, 'C');
    NdArray *u8 = nd_zeros(ND_UINT8, 1, (int64_t[]){1}, 'C');
    NdArray *b = nd_zeros(ND_BOOL, 1, (int64_t[]){1}, 'C');
    NdArray *c64 = nd_zeros(ND_COMPLEX64, 1, (int64_t[]){1}, 'C');
    NdArray *w2 = weak_int(2), *wf = weak_float(0.5);
    /* NEP 50: a Python int leaves float32 float32; ints go to float64 */
    ck_assert_int_eq(binary_type(ND_UF_ARCTAN2, f32, w2), ND_FLOAT32);
    ck_assert_int_eq(binary_type(ND_UF_ARCTAN2, i64, w2), ND_FLOAT64);
    ck_assert_int_eq(binary_type(ND_UF_ARCTAN2, i8, i8), ND_FLOAT32);
    ck_assert_int_eq(binary_type(ND_UF_HYPOT, w2, w2), ND_FLOAT64);
    ck_assert_int_eq(binary_type(ND_UF_HEAVISIDE, i8, wf), ND_FLOAT64);
    /* ldexp's mixed loops: a Python int exponent beside float32 */
    ck_assert_int_eq(binary_type(ND_UF_LDEXP, f32, w2), ND_FLOAT32);
    ck_assert_int_eq(binary_type(ND_UF_LDEXP, f32, i64), ND_FLOAT32);
    ck_assert_int_eq(binary_type(ND_UF_LDEXP, i64, i64), ND_FLOAT64);
    /* float_power has only float64 and complex128 loops */
    ck_assert_int_eq(binary_type(ND_UF_FLOAT_POWER, f32, f32), ND_FLOAT64);
    ck_assert_int_eq(binary_type(ND_UF_FLOAT_POWER, c64, w2), ND_COMPLEX128);
    /* maximum keeps every dtype, bool included; gcd is integers only */
    ck_assert_int_eq(binary_type(ND_UF_MAXIMUM, b, b), ND_BOOL);
    ck_assert_int_eq(binary_type(ND_UF_MAXIMUM, i8, u8), ND_INT16);
    ck_assert_int_eq(binary_type(ND_UF_FMIN, c64, f32), ND_COMPLEX64);
    ck_assert_int_eq(binary_type(ND_UF_GCD, i8, u8), ND_INT16);
    ck_assert_int_eq(binary_type(ND_UF_GCD, f32, i8), ND_NTYPES);
    ck_assert_int_eq(binary_type(ND_UF_FMOD, i8, w2), ND_INT8);
    ck_assert_int_eq(binary_type(ND_UF_COPYSIGN, c64, c64), ND_NTYPES);
    NdArray *all[] = {f32, i8, i64, u8, b, c64, w2, wf};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        nd_decref(all[i]);
}
END_TEST

START_TEST(two_outputs_dtypes)
{
    NdArray *x = f64s(3, (double[]){1., 8., -3.});
    NdArray *res[2] = {NULL, NULL};
    NdArray *in[1] = {x};
    ck_assert_int_eq(
        nd_ufunc_call(ND_UF_FREXP, in, NULL, ND_NTYPES, ND_CAST_SAME_KIND, res),
        0);
    ck_assert_int_eq(res[0]->dtype, ND_FLOAT64);
    ck_assert_int_eq(res[1]->dtype, ND_INT32);
    /* NumPy's docs: frexp([1, 8, -3]) = ([0.5, 0.5, -0.75], [1, 4, 2]) */
    ck_assert(f64_at(res[0], 0) == 0.5 && f64_at(res[0], 2) == -0.75);
    ck_assert(i64_at(res[1], 0) == 1 && i64_at(res[1], 1) == 4 &&
              i64_at(res[1], 2) == 2);
    nd_decref(res[0]);
    nd_decref(res[1]);
    /* the single-output entry point refuses a two-output ufunc */
    ck_assert_ptr_null(nd_unary(ND_UF_MODF, x));
    ck_assert_nd_error(ND_ERR_TYPE, "ufunc 'modf' has 2 outputs");
    ck_assert_int_eq(nd_ufunc_nout(ND_UF_DIVMOD), 2);
    ck_assert_int_eq(nd_ufunc_nin(ND_UF_DIVMOD), 2);
    ck_assert_int_eq(nd_ufunc_nin(ND_UF_CLIP), 3);
    ck_assert_int_eq(nd_ufunc_nin(ND_UF_MODF), 1);
    ck_assert_int_eq(nd_ufunc_nin(ND_UF_LOGADDEXP), 2);
    nd_decref(x);
}
END_TEST

/* ------------------------------------------------------------- identities */

START_TEST(sin2_plus_cos2_is_one)
{
    double v[64];
    for (int i = 0; i < 64; i++)
        v[i] = -10.0 + i * 0.37;
    NdArray *x = f64s(64, v);
    NdArray *s = nd_unary(ND_UF_SIN, x), *c = nd_unary(ND_UF_COS, x);
    NdArray *s2 = nd_unary(ND_UF_SQUARE, s), *c2 = nd_unary(ND_UF_SQUARE, c);
    NdArray *sum = nd_binary(ND_UF_ADD, s2, c2);
    for (int i = 0; i < 64; i++)
        ck_assert(fabs(f64_at(sum, i) - 1.0) < 4 * DBL_EPSILON);
    /* arcsin(sin(x)) == x on [-pi/2, pi/2]; exp(log(x)) == x */
    NdArray *as = nd_unary(ND_UF_ARCSIN, s), *l = nd_unary(ND_UF_EXP, x);
    NdArray *el = nd_unary(ND_UF_LOG, l);
    for (int i = 0; i < 64; i++) {
        if (fabs(v[i]) <= PI / 2)
            ck_assert(fabs(f64_at(as, i) - v[i]) < 1e-15);
        ck_assert(fabs(f64_at(el, i) - v[i]) < 1e-14);
    }
    NdArray *all[] = {x, s, c, s2, c2, sum, as, l, el};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        nd_decref(all[i]);
}
END_TEST

START_TEST(frexp_ldexp_round_trip_and_divmod_identity)
{
    double v[] = {1e-310, 0.3, -7.5, 1e300, 12345.678};
    NdArray *x = f64s(5, v);
    NdArray *res[2];
    NdArray *in[1] = {x};
    ck_assert_int_eq(
        nd_ufunc_call(ND_UF_FREXP, in, NULL, ND_NTYPES, ND_CAST_SAME_KIND, res),
        0);
    NdArray *back = nd_binary(ND_UF_LDEXP, res[0], res[1]);
    for (int i = 0; i < 5; i++) {
        ck_assert(f64_at(back, i) == v[i]);
        double m = fabs(f64_at(res[0], i));
        ck_assert(m >= 0.5 && m < 1);
    }
    nd_decref(res[0]);
    nd_decref(res[1]);
    nd_decref(back);

    int64_t a[] = {7, -7, 7, -7, 0}, b[] = {2, 2, -2, -2, 3};
    NdArray *ia = i64s(5, a), *ib = i64s(5, b);
    NdArray *in2[2] = {ia, ib};
    ck_assert_int_eq(nd_ufunc_call(ND_UF_DIVMOD, in2, NULL, ND_NTYPES,
                                   ND_CAST_SAME_KIND, res),
                     0);
    for (int i = 0; i < 5; i++) {
        int64_t q = i64_at(res[0], i), r = i64_at(res[1], i);
        ck_assert_int_eq(q * b[i] + r, a[i]);
        ck_assert(r == 0 || (r < 0) == (b[i] < 0)); /* Python's sign */
    }
    nd_decref(res[0]);
    nd_decref(res[1]);
    nd_decref(ia);
    nd_decref(ib);
    nd_decref(x);
}
END_TEST

/* --------------------------------------------------------- special values */

START_TEST(special_values_and_events)
{
    nd_fpe_clear();
    NdArray *x = f64s(4, (double[]){-1.0, -0.0, 0.0, INFINITY});
    NdArray *r = nd_unary(ND_UF_SQRT, x);
    ck_assert(isnan(f64_at(r, 0)));
    ck_assert(same(f64_at(r, 1), -0.0)); /* sqrt(-0) is -0 */
    ck_assert(same(f64_at(r, 3), INFINITY));
    ck_assert(nd_fpe_status() & ND_FPE_INVALID);
    ck_assert_str_eq(nd_fpe_origin(ND_FPE_INVALID), "sqrt");
    nd_decref(r);

    nd_fpe_clear();
    r = nd_unary(ND_UF_LOG, x); /* log(0) = -inf, divide by zero */
    ck_assert(same(f64_at(r, 1), -INFINITY) && same(f64_at(r, 2), -INFINITY));
    ck_assert(nd_fpe_status() & ND_FPE_DIVIDEBYZERO);
    nd_decref(r);

    nd_fpe_clear();
    NdArray *big = f64s(1, (double[]){1000.0});
    r = nd_unary(ND_UF_EXP, big);
    ck_assert(same(f64_at(r, 0), INFINITY));
    ck_assert(nd_fpe_status() & ND_FPE_OVERFLOW);
    nd_decref(r);
    nd_decref(big);

    /* arctan2's signed zeros (C99 Annex F) */
    NdArray *y = f64s(4, (double[]){0.0, 0.0, -0.0, 1.0});
    NdArray *z = f64s(4, (double[]){0.0, -0.0, -0.0, 0.0});
    r = nd_binary(ND_UF_ARCTAN2, y, z);
    ck_assert(same(f64_at(r, 0), 0.0));
    ck_assert(same(f64_at(r, 1), PI));
    ck_assert(same(f64_at(r, 2), -PI));
    ck_assert(same(f64_at(r, 3), PI / 2));
    nd_decref(r);
    nd_decref(y);
    nd_decref(z);

    /* sign: -0.0 gives 0.0, nan stays nan, quietly */
    nd_fpe_clear();
    NdArray *s = f64s(4, (double[]){-0.0, NAN, -3.0, 2.0});
    r = nd_unary(ND_UF_SIGN, s);
    ck_assert(same(f64_at(r, 0), 0.0) && isnan(f64_at(r, 1)));
    ck_assert(f64_at(r, 2) == -1 && f64_at(r, 3) == 1);
    ck_assert_uint_eq(nd_fpe_status(), 0);
    nd_decref(r);
    nd_decref(s);

    /* spacing(1) = eps, spacing(-1) = -eps, spacing(inf) = nan */
    NdArray *sp = f64s(4, (double[]){1.0, -1.0, INFINITY, 0.0});
    r = nd_unary(ND_UF_SPACING, sp);
    ck_assert(f64_at(r, 0) == DBL_EPSILON && f64_at(r, 1) == -DBL_EPSILON);
    ck_assert(isnan(f64_at(r, 2)) && f64_at(r, 3) == 4.9406564584124654e-324);
    nd_decref(r);
    nd_decref(sp);
    nd_decref(x);
    nd_fpe_clear();
}
END_TEST

START_TEST(maximum_fmax_nan_rules)
{
    nd_fpe_clear();
    NdArray *a = f64s(3, (double[]){NAN, 0, NAN});
    NdArray *b = f64s(3, (double[]){0, NAN, NAN});
    NdArray *mx = nd_binary(ND_UF_MAXIMUM, a, b);
    NdArray *fm = nd_binary(ND_UF_FMAX, a, b);
    NdArray *fn = nd_binary(ND_UF_FMIN, a, b);
    /* NumPy's docs: maximum -> [nan, nan, nan], fmax -> [0, 0, nan] */
    for (int i = 0; i < 3; i++)
        ck_assert(isnan(f64_at(mx, i)));
    ck_assert(f64_at(fm, 0) == 0 && f64_at(fm, 1) == 0 && isnan(f64_at(fm, 2)));
    ck_assert(f64_at(fn, 0) == 0 && f64_at(fn, 1) == 0 && isnan(f64_at(fn, 2)));
    ck_assert_uint_eq(nd_fpe_status(), 0); /* NaN compares stay quiet */
    NdArray *all[] = {a, b, mx, fm, fn};
    for (size_t i = 0; i < 5; i++)
        nd_decref(all[i]);
}
END_TEST

START_TEST(integer_math)
{
    /* NumPy's docs: gcd([0, 5, 10, 15, 20], 20) = [20, 5, 10, 5, 20],
     * lcm(12, 20) = 60; gcd(-12, 20) = 4; lcm(-4, 6) = 12. */
    NdArray *a = i64s(5, (int64_t[]){0, 5, 10, 15, 20});
    NdArray *w = weak_int(20);
    NdArray *g = nd_binary(ND_UF_GCD, a, w);
    const int64_t eg[] = {20, 5, 10, 5, 20};
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(i64_at(g, i), eg[i]);
    NdArray *n = i64s(2, (int64_t[]){-12, -4}),
            *m = i64s(2, (int64_t[]){20, 6});
    NdArray *g2 = nd_binary(ND_UF_GCD, n, m), *l2 = nd_binary(ND_UF_LCM, n, m);
    ck_assert_int_eq(i64_at(g2, 0), 4);
    ck_assert_int_eq(i64_at(l2, 1), 12);
    /* reciprocal of ints is integer division; 1/0 gives INT64_MIN */
    nd_fpe_clear();
    NdArray *r0 = i64s(4, (int64_t[]){1, 2, -1, 0});
    NdArray *rc = nd_unary(ND_UF_RECIPROCAL, r0);
    ck_assert_int_eq(i64_at(rc, 0), 1);
    ck_assert_int_eq(i64_at(rc, 1), 0);
    ck_assert_int_eq(i64_at(rc, 2), -1);
    ck_assert_int_eq(i64_at(rc, 3), INT64_MIN);
    ck_assert(nd_fpe_status() & ND_FPE_DIVIDEBYZERO);
    nd_fpe_clear();
    /* fmod takes the dividend's sign: fmod([-3, 3], 2) = [-1, 1] */
    NdArray *fa = i64s(2, (int64_t[]){-3, 3});
    NdArray *w2 = weak_int(2);
    NdArray *fr = nd_binary(ND_UF_FMOD, fa, w2);
    ck_assert_int_eq(i64_at(fr, 0), -1);
    ck_assert_int_eq(i64_at(fr, 1), 1);
    NdArray *all[] = {a, w, g, n, m, g2, l2, r0, rc, fa, w2, fr};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        nd_decref(all[i]);
}
END_TEST

START_TEST(complex_functions)
{
    nd_complex128 v[] = {{-3, 4}, {3, -4}, {0, 8}, {0, 0}};
    NdArray *z = nd_from_data(ND_COMPLEX128, 1, (int64_t[]){4}, v, 4);
    NdArray *s = nd_unary(ND_UF_SQRT, z);
    nd_complex128 *sv = (nd_complex128 *)(void *)s->data;
    ck_assert(sv[0].re == 1 && sv[0].im == 2); /* sqrt(-3+4j) = 1+2j */
    /* NumPy 2's sign: z / |z| */
    NdArray *sg = nd_unary(ND_UF_SIGN, z);
    nd_complex128 *g = (nd_complex128 *)(void *)sg->data;
    ck_assert(fabs(g[1].re - 0.6) < 1e-16 && fabs(g[1].im + 0.8) < 1e-16);
    ck_assert(g[2].re == 0 && g[2].im == 1);
    ck_assert(g[3].re == 0 && g[3].im == 0);
    NdArray *cj = nd_unary(ND_UF_CONJUGATE, z);
    ck_assert(((nd_complex128 *)(void *)cj->data)[0].im == -4);
    /* angle(1+1j) = pi/4; real and imag views */
    NdArray *ang = nd_angle(z, true);
    ck_assert(fabs(f64_at(ang, 2) - 90.0) < 1e-13);
    NdArray *re = nd_real(z), *im = nd_imag(z);
    ck_assert(re->dtype == ND_FLOAT64 && f64_at(re, 0) == -3 &&
              f64_at(im, 0) == 4);
    ck_assert(re->buffer == z->buffer); /* a view, not a copy */
    NdArray *all[] = {z, s, sg, cj, ang, re, im};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        nd_decref(all[i]);
}
END_TEST

/* ------------------------------------------------ functions on the ufuncs */

START_TEST(around_clip_nan_to_num)
{
    /* NumPy's docs: around([.5, 1.5, 2.5, 3.5, 4.5]) = [0, 2, 2, 4, 4];
     * around([1, 5, 15, 25], -1) = [0, 0, 20, 20] (int64 kept). */
    NdArray *h = f64s(5, (double[]){.5, 1.5, 2.5, 3.5, 4.5});
    NdArray *r = nd_around(h, 0);
    const double eh[] = {0, 2, 2, 4, 4};
    for (int i = 0; i < 5; i++)
        ck_assert(f64_at(r, i) == eh[i]);
    nd_decref(r);
    NdArray *ints = i64s(4, (int64_t[]){1, 5, 15, 25});
    r = nd_around(ints, -1);
    ck_assert_int_eq(r->dtype, ND_INT64);
    const int64_t ei[] = {0, 0, 20, 20};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(i64_at(r, i), ei[i]);
    nd_decref(r);
    /* clip(arange(10), 1, 8) and the NaN rule */
    NdArray *c = f64s(3, (double[]){1, NAN, 5});
    NdArray *lo = weak_int(2), *hi = weak_int(4);
    r = nd_clip(c, lo, hi);
    ck_assert(f64_at(r, 0) == 2 && isnan(f64_at(r, 1)) && f64_at(r, 2) == 4);
    nd_decref(r);
    ck_assert_ptr_null(nd_clip(c, NULL, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "One of max or min must be given");
    /* nan_to_num defaults: 0, DBL_MAX, -DBL_MAX */
    NdArray *n = f64s(3, (double[]){NAN, INFINITY, -INFINITY});
    r = nd_nan_to_num(n, NULL, NULL, NULL);
    ck_assert(f64_at(r, 0) == 0 && f64_at(r, 1) == DBL_MAX &&
              f64_at(r, 2) == -DBL_MAX);
    nd_decref(r);
    /* isposinf / isneginf, complex refused */
    r = nd_isposinf(n);
    ck_assert(!i64_at(r, 0) && i64_at(r, 1) && !i64_at(r, 2));
    nd_decref(r);
    r = nd_isneginf(n);
    ck_assert(!i64_at(r, 0) && !i64_at(r, 1) && i64_at(r, 2));
    nd_decref(r);
    NdArray *z = nd_zeros(ND_COMPLEX128, 1, (int64_t[]){1}, 'C');
    ck_assert_ptr_null(nd_isposinf(z));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "This operation is not supported for complex128 values "
                       "because it would be ambiguous.");
    ck_assert_ptr_null(nd_i0(z));
    ck_assert_nd_error(ND_ERR_TYPE, "i0 not supported for complex values");
    NdArray *all[] = {h, ints, c, lo, hi, n, z};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        nd_decref(all[i]);
}
END_TEST

START_TEST(sinc_i0_fix)
{
    NdArray *x = f64s(3, (double[]){0, 0.5, 2.0});
    NdArray *s = nd_sinc(x);
    ck_assert(f64_at(s, 0) == 1.0);
    ck_assert(fabs(f64_at(s, 1) - 2 / PI) < 1e-15);
    ck_assert(fabs(f64_at(s, 2)) < 1e-16);
    /* NumPy's docs: i0([0, 1, 2, 3]) = [1, 1.26606588, 2.2795853,
     * 4.88079259]; i0 is even */
    NdArray *b = f64s(4, (double[]){0, 1, -2, 3});
    NdArray *i0 = nd_i0(b);
    ck_assert(f64_at(i0, 0) == 1.0);
    ck_assert(fabs(f64_at(i0, 1) - 1.2660658777520082) < 1e-15);
    ck_assert(fabs(f64_at(i0, 2) - 2.2795853023360673) < 1e-14);
    ck_assert(fabs(f64_at(i0, 3) - 4.880792585865024) < 1e-14);
    NdArray *f = f64s(4, (double[]){2.1, 2.9, -2.1, -0.5});
    NdArray *fx = nd_fix(f);
    ck_assert(f64_at(fx, 0) == 2 && f64_at(fx, 1) == 2 && f64_at(fx, 2) == -2 &&
              same(f64_at(fx, 3), -0.0));
    NdArray *all[] = {x, s, b, i0, f, fx};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        nd_decref(all[i]);
}
END_TEST

/* --------------------------------------------------------- ufunc methods */

START_TEST(accumulate_and_reduceat)
{
    NdArray *a = i64s(3, (int64_t[]){2, 3, 5});
    NdArray *r = nd_ufunc_accumulate(ND_UF_MULTIPLY, a, 0, ND_NTYPES, NULL);
    ck_assert(i64_at(r, 0) == 2 && i64_at(r, 1) == 6 && i64_at(r, 2) == 30);
    nd_decref(r);
    /* int8 accumulates in int64 for add, as NumPy's */
    NdArray *s8 = nd_astype(a, ND_INT8, ND_CAST_UNSAFE, true);
    r = nd_ufunc_accumulate(ND_UF_ADD, s8, 0, ND_NTYPES, NULL);
    ck_assert_int_eq(r->dtype, ND_INT64);
    ck_assert_int_eq(i64_at(r, 2), 10);
    nd_decref(r);
    r = nd_ufunc_accumulate(ND_UF_MAXIMUM, s8, -1, ND_NTYPES, NULL);
    ck_assert_int_eq(r->dtype, ND_INT8);
    nd_decref(r);
    ck_assert_ptr_null(nd_ufunc_accumulate(ND_UF_SQRT, a, 0, ND_NTYPES, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "accumulate only supported for binary functions");
    ck_assert_ptr_null(
        nd_ufunc_accumulate(ND_UF_DIVMOD, a, 0, ND_NTYPES, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "accumulate only supported for functions "
                                     "returning a single value");
    ck_assert_ptr_null(nd_ufunc_accumulate(ND_UF_ADD, a, 1, ND_NTYPES, NULL));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 1 is out of bounds for array of dimension 1");

    /* NumPy's docs: add.reduceat(arange(8), [0, 4, 1, 5]) = [6, 4, 10, 18] */
    NdArray *ar =
        nd_arange(&(NdScalar){.dtype = ND_INT64, .v.i64 = 0},
                  &(NdScalar){.dtype = ND_INT64, .v.i64 = 8},
                  &(NdScalar){.dtype = ND_INT64, .v.i64 = 1}, ND_NTYPES);
    NdArray *ix = i64s(4, (int64_t[]){0, 4, 1, 5});
    r = nd_ufunc_reduceat(ND_UF_ADD, ar, ix, 0, ND_NTYPES, NULL);
    const int64_t e[] = {6, 4, 10, 18};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(i64_at(r, i), e[i]);
    nd_decref(r);
    NdArray *bad = i64s(2, (int64_t[]){0, 9});
    ck_assert_ptr_null(
        nd_ufunc_reduceat(ND_UF_ADD, ar, bad, 0, ND_NTYPES, NULL));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 9 out-of-bounds in add.reduceat [0, 8)");
    NdArray *all[] = {a, s8, ar, ix, bad};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        nd_decref(all[i]);
}
END_TEST

START_TEST(outer_and_at)
{
    NdArray *a = i64s(3, (int64_t[]){1, 2, 3});
    NdArray *b = i64s(2, (int64_t[]){4, 5});
    NdArray *res[2];
    ck_assert_int_eq(nd_ufunc_outer(ND_UF_MULTIPLY, a, b, res), 0);
    ck_assert_int_eq(res[0]->ndim, 2);
    ck_assert(res[0]->shape[0] == 3 && res[0]->shape[1] == 2);
    ck_assert_int_eq(((int64_t *)(void *)res[0]->data)[5], 15); /* 3 * 5 */
    nd_decref(res[0]);
    ck_assert_int_eq(nd_ufunc_outer(ND_UF_DIVMOD, a, b, res), 0);
    ck_assert_int_eq(((int64_t *)(void *)res[1]->data)[0], 1); /* 1 % 4 */
    nd_decref(res[0]);
    nd_decref(res[1]);
    ck_assert_int_eq(nd_ufunc_outer(ND_UF_SQRT, a, b, res), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "outer product only supported for binary functions");

    /* NumPy's docs: add.at([1, 2, 3, 4], [0, 1, 2, 2], 1) -> [2, 3, 5, 4]:
     * the repeated index adds twice */
    NdArray *x = i64s(4, (int64_t[]){1, 2, 3, 4});
    NdArray *ix = i64s(4, (int64_t[]){0, 1, 2, 2});
    NdArray *one = weak_int(1);
    ck_assert_int_eq(nd_ufunc_at(ND_UF_ADD, x, 1, &ix, one), 0);
    const int64_t e[] = {2, 3, 5, 4};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(i64_at(x, i), e[i]);
    /* negative indices count from the end; out of range is IndexError */
    NdArray *neg = i64s(1, (int64_t[]){-1});
    ck_assert_int_eq(nd_ufunc_at(ND_UF_NEGATIVE, x, 1, &neg, NULL), 0);
    ck_assert_int_eq(i64_at(x, 3), -4);
    NdArray *far = i64s(1, (int64_t[]){4});
    ck_assert_int_eq(nd_ufunc_at(ND_UF_ADD, x, 1, &far, one), -1);
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 4 is out of bounds for axis 0 with size 4");
    ck_assert_int_eq(nd_ufunc_at(ND_UF_ADD, x, 1, &ix, NULL), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "second operand needed for ufunc");
    NdArray *all[] = {a, b, x, ix, one, neg, far};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        nd_decref(all[i]);
}
END_TEST

START_TEST(reduce_front)
{
    NdArray *a = i64s(4, (int64_t[]){1, 2, 3, 4});
    NdArray *r =
        nd_ufunc_reduce(ND_UF_ADD, a, NULL, -1, ND_NTYPES, NULL, false, NULL);
    ck_assert_int_eq(i64_at(r, 0), 10);
    nd_decref(r);
    r = nd_ufunc_reduce(ND_UF_MAXIMUM, a, (int64_t[]){0}, 1, ND_NTYPES, NULL,
                        false, NULL);
    ck_assert_int_eq(i64_at(r, 0), 4);
    nd_decref(r);
    ck_assert_ptr_null(nd_ufunc_reduce(ND_UF_DIVMOD, a, NULL, -1, ND_NTYPES,
                                       NULL, false, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "reduce only supported for functions "
                                     "returning a single value");
    NdScalar id;
    ck_assert(nd_ufunc_identity(ND_UF_MULTIPLY, &id) && id.v.i64 == 1);
    ck_assert(!nd_ufunc_identity(ND_UF_MAXIMUM, &id));
    nd_decref(a);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("math");
    TCase *tc = tcase_create("math");
    tcase_add_test(tc, float_ufuncs_result_dtypes);
    tcase_add_test(tc, sign_of_bool_is_an_error);
    tcase_add_test(tc, binary_result_dtypes);
    tcase_add_test(tc, two_outputs_dtypes);
    tcase_add_test(tc, sin2_plus_cos2_is_one);
    tcase_add_test(tc, frexp_ldexp_round_trip_and_divmod_identity);
    tcase_add_test(tc, special_values_and_events);
    tcase_add_test(tc, maximum_fmax_nan_rules);
    tcase_add_test(tc, integer_math);
    tcase_add_test(tc, complex_functions);
    tcase_add_test(tc, around_clip_nan_to_num);
    tcase_add_test(tc, sinc_i0_fix);
    tcase_add_test(tc, accumulate_and_reduceat);
    tcase_add_test(tc, outer_and_at);
    tcase_add_test(tc, reduce_front);
    suite_add_tcase(s, tc);
    return nd_test_main(s);
}
