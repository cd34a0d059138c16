/* test_cast.c — value conversions: the cast loops for every kind pair
 * (hand-worked values and NumPy 1.24's results on x86-64 for NaN and
 * out-of-range floats), scalar casts, NEP 50's weak-int overflow, and the
 * array operations built on them: astype, copyto and fill, with NumPy's
 * error messages. */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "loops.h"
#include "testutil.h"

/* ------------------------------------------------------------- helpers */

static NdScalar scalar_of(NdType t, const void *value)
{
    NdScalar s;
    memset(&s, 0, sizeof s);
    s.dtype = t;
    memcpy(s.v.bytes, value, nd_dtype_size(t));
    return s;
}

/* Run the cast loop on three copies of `in`, contiguously and with a
 * gap between elements, and check both paths agree byte for byte; the
 * result goes to `out` (nd_dtype_size(to) bytes). */
static void run_loop(NdType from, const void *in, NdType to, void *out)
{
    size_t fs = nd_dtype_size(from), ts = nd_dtype_size(to);
    unsigned char src[3 * 32], dst[3 * 32], dst2[3 * 32];
    memset(dst, 0xAB, sizeof dst);
    memset(dst2, 0xCD, sizeof dst2);
    for (int i = 0; i < 3; i++) {
        memcpy(src + i * fs, in, fs);      /* contiguous */
        memcpy(src + 48 + i * 16, in, fs); /* strided, 16 bytes */
    }
    char *p[2] = {(char *)src, (char *)dst};
    int64_t steps[2] = {(int64_t)fs, (int64_t)ts};
    NdLoop loop = nd_cast_loop(from, to);
    ck_assert(loop != NULL);
    loop(p, 3, steps);
    char *q[2] = {(char *)src + 48, (char *)dst2};
    int64_t steps2[2] = {16, 32};
    loop(q, 3, steps2);
    for (int i = 0; i < 3; i++) {
        ck_assert_mem_eq(dst + i * ts, dst, ts);
        ck_assert_mem_eq(dst2 + i * 32, dst, ts);
    }
    memcpy(out, dst, ts);
}

/* Cast with both the loop and nd_scalar_cast; they must agree. */
static NdScalar cast(NdScalar in, NdType to)
{
    NdScalar out, viascalar;
    memset(&out, 0, sizeof out);
    out.dtype = to;
    run_loop(in.dtype, in.v.bytes, to, out.v.bytes);
    ck_assert_int_eq(nd_scalar_cast(&in, to, &viascalar), 0);
    ck_assert_int_eq(viascalar.dtype, to);
    ck_assert(!viascalar.weak);
    ck_assert_mem_eq(viascalar.v.bytes, out.v.bytes, nd_dtype_size(to));
    return out;
}

static NdScalar f64(double v)
{
    return scalar_of(ND_FLOAT64, &v);
}

static NdScalar i64(int64_t v)
{
    return scalar_of(ND_INT64, &v);
}

/* An integer result as a sign-extended or zero-extended 64-bit value, read
 * from the bytes by the dtype (not through the code under test). */
static int64_t as_int(const NdScalar *s)
{
    switch (s->dtype) {
    case ND_INT8:
        return s->v.i8;
    case ND_INT16:
        return s->v.i16;
    case ND_INT32:
        return s->v.i32;
    case ND_INT64:
        return s->v.i64;
    case ND_UINT8:
        return s->v.u8;
    case ND_UINT16:
        return s->v.u16;
    case ND_UINT32:
        return s->v.u32;
    case ND_UINT64:
        return (int64_t)s->v.u64;
    default:
        ck_abort_msg("not an integer dtype");
        return 0;
    }
}

/* ------------------------------------------------------ kind-pair casts */

START_TEST(test_bool_to_numbers)
{
    NdScalar t = nd_scalar_bool(true), f = nd_scalar_bool(false);
    ck_assert_int_eq(cast(t, ND_INT8).v.i8, 1);
    ck_assert_int_eq(cast(f, ND_UINT64).v.u64, 0);
    ck_assert(cast(t, ND_FLOAT32).v.f32 == 1.0f);
    ck_assert(cast(t, ND_FLOAT64).v.f64 == 1.0);
    NdScalar c = cast(t, ND_COMPLEX64);
    ck_assert(c.v.c64.re == 1.0f && c.v.c64.im == 0.0f);
    c = cast(f, ND_COMPLEX128);
    ck_assert(c.v.c128.re == 0.0 && c.v.c128.im == 0.0);
}
END_TEST

START_TEST(test_numbers_to_bool)
{
    ck_assert(cast(i64(0), ND_BOOL).v.bytes[0] == 0);
    ck_assert(cast(i64(-7), ND_BOOL).v.bytes[0] == 1);
    ck_assert(cast(i64(256), ND_BOOL).v.bytes[0] == 1); /* not truncated */
    ck_assert(cast(f64(0.0), ND_BOOL).v.bytes[0] == 0);
    ck_assert(cast(f64(-0.0), ND_BOOL).v.bytes[0] == 0);
    ck_assert(cast(f64(0.25), ND_BOOL).v.bytes[0] == 1);
    ck_assert(cast(f64(NAN), ND_BOOL).v.bytes[0] == 1);
    /* complex: either part nonzero (NumPy: [0j, 1j] -> [False, True]) */
    ck_assert(cast(nd_scalar_complex128(0, 0), ND_BOOL).v.bytes[0] == 0);
    ck_assert(cast(nd_scalar_complex128(0, 1), ND_BOOL).v.bytes[0] == 1);
    ck_assert(cast(nd_scalar_complex128(-2, 0), ND_BOOL).v.bytes[0] == 1);
}
END_TEST

START_TEST(test_int_to_int_wraps)
{
    /* Two's-complement wraparound, as NumPy's unsafe casts. */
    ck_assert_int_eq(cast(i64(300), ND_INT8).v.i8, 44);
    ck_assert_int_eq(cast(i64(-1), ND_UINT8).v.u8, 255);
    ck_assert_int_eq(cast(i64(70000), ND_INT16).v.i16, 4464);
    ck_assert_int_eq(cast(i64(65541), ND_UINT16).v.u16, 5);
    ck_assert_uint_eq(cast(i64(-1), ND_UINT64).v.u64, UINT64_MAX);
    uint8_t u = 200;
    ck_assert_int_eq(cast(scalar_of(ND_UINT8, &u), ND_INT8).v.i8, -56);
    int16_t m = -1;
    ck_assert_uint_eq(cast(scalar_of(ND_INT16, &m), ND_UINT32).v.u32,
                      4294967295u);
    uint64_t big = UINT64_MAX;
    ck_assert_int_eq(cast(scalar_of(ND_UINT64, &big), ND_INT64).v.i64, -1);
    int8_t s = -128;
    ck_assert_int_eq(cast(scalar_of(ND_INT8, &s), ND_INT64).v.i64, -128);
    ck_assert_uint_eq(cast(scalar_of(ND_INT8, &s), ND_UINT16).v.u16, 65408);
}
END_TEST

START_TEST(test_int_to_float_rounds_once)
{
    /* 2^53 + 1 is not a double: round to even gives 2^53. */
    ck_assert(cast(i64(9007199254740993), ND_FLOAT64).v.f64 ==
              9007199254740992.0);
    /* 2^24 + 1 to float32 -> 2^24 (NumPy: 16777216). */
    ck_assert(cast(i64(16777217), ND_FLOAT32).v.f32 == 16777216.0f);
    /* int64 directly to float32, not via double: 2^63 - 1 -> 2^63. */
    ck_assert(cast(i64(INT64_MAX), ND_FLOAT32).v.f32 == 9223372036854775808.0f);
    /* Where rounding twice would differ: 2^60 + 2^36 + 1 is just above the
     * float32 midpoint 2^60 + 2^36, so it rounds up to 2^60 + 2^37; through
     * double it would land exactly on the midpoint and round to even (down) to
     * 2^60. */
    int64_t v = ((int64_t)1 << 60) + ((int64_t)1 << 36) + 1;
    ck_assert(cast(i64(v), ND_FLOAT32).v.f32 ==
              (float)(1152921504606846976.0 + 137438953472.0));
    uint64_t big = UINT64_MAX;
    ck_assert(cast(scalar_of(ND_UINT64, &big), ND_FLOAT64).v.f64 ==
              18446744073709551616.0);
    NdScalar c = cast(i64(-3), ND_COMPLEX64);
    ck_assert(c.v.c64.re == -3.0f && c.v.c64.im == 0.0f);
}
END_TEST

START_TEST(test_float_to_int_truncates)
{
    nd_fpe_clear();
    ck_assert_int_eq(cast(f64(2.9), ND_INT32).v.i32, 2);
    ck_assert_int_eq(cast(f64(-2.9), ND_INT32).v.i32, -2);
    ck_assert_int_eq(cast(f64(-0.7), ND_INT64).v.i64, 0);
    ck_assert_int_eq(cast(f64(127.9), ND_INT8).v.i8, 127);
    float x = -7.75f;
    ck_assert_int_eq(cast(scalar_of(ND_FLOAT32, &x), ND_INT16).v.i16, -7);
    ck_assert_uint_eq(cast(f64(1e10), ND_UINT64).v.u64, 10000000000u);
    ck_assert_uint_eq(nd_fpe_status(), 0);
}
END_TEST

START_TEST(test_float_widen_narrow)
{
    nd_fpe_clear();
    float tenth = 0.1f;
    ck_assert(cast(scalar_of(ND_FLOAT32, &tenth), ND_FLOAT64).v.f64 ==
              0.100000001490116119384765625);
    ck_assert(cast(f64(0.1), ND_FLOAT32).v.f32 == 0.1f);
    ck_assert(cast(f64(FLT_MAX), ND_FLOAT32).v.f32 == FLT_MAX);
    ck_assert(isnan(cast(f64(NAN), ND_FLOAT32).v.f32));
    ck_assert(isinf(cast(f64(-INFINITY), ND_FLOAT32).v.f32));
    ck_assert(cast(f64(1e-300), ND_FLOAT32).v.f32 == 0.0f);
    /* inf, NaN and underflow to zero are not overflow (NumPy is silent) */
    ck_assert_uint_eq(nd_fpe_status() & ND_FPE_OVERFLOW, 0);
}
END_TEST

START_TEST(test_float_narrow_overflow)
{
    /* NumPy 2: float64 1e300 -> float32 inf, "overflow encountered in
     * cast". */
    nd_fpe_clear();
    NdScalar r = cast(f64(1e300), ND_FLOAT32);
    ck_assert(isinf(r.v.f32) && r.v.f32 > 0);
    ck_assert(nd_fpe_status() & ND_FPE_OVERFLOW);
    ck_assert_str_eq(nd_fpe_origin(ND_FPE_OVERFLOW), "cast");
    nd_fpe_clear();
    r = cast(f64(-3.5e38), ND_FLOAT32);
    ck_assert(isinf(r.v.f32) && r.v.f32 < 0);
    ck_assert(nd_fpe_status() & ND_FPE_OVERFLOW);
    nd_fpe_clear();
    NdScalar c = cast(nd_scalar_complex128(1e300, 1), ND_COMPLEX64);
    ck_assert(isinf(c.v.c64.re) && c.v.c64.im == 1.0f);
    ck_assert(nd_fpe_status() & ND_FPE_OVERFLOW);
    nd_fpe_clear();
}
END_TEST

START_TEST(test_complex_to_real)
{
    /* The imaginary part is dropped: NumPy gives -2 and 254 for
     * (-2.5+7j) as int16 and uint8. */
    NdScalar z = nd_scalar_complex128(-2.5, 7.0);
    ck_assert_int_eq(cast(z, ND_INT16).v.i16, -2);
    ck_assert_uint_eq(cast(z, ND_UINT8).v.u8, 254);
    ck_assert(cast(z, ND_FLOAT64).v.f64 == -2.5);
    ck_assert(cast(z, ND_FLOAT32).v.f32 == -2.5f);
    nd_complex64 w = {1.5f, -4.0f};
    NdScalar c = cast(scalar_of(ND_COMPLEX64, &w), ND_COMPLEX128);
    ck_assert(c.v.c128.re == 1.5 && c.v.c128.im == -4.0);
    ck_assert(cast(scalar_of(ND_COMPLEX64, &w), ND_FLOAT64).v.f64 == 1.5);
}
END_TEST

START_TEST(test_real_to_complex)
{
    NdScalar c = cast(f64(0.1), ND_COMPLEX64);
    ck_assert(c.v.c64.re == 0.1f && c.v.c64.im == 0.0f);
    c = cast(f64(-6.25), ND_COMPLEX128);
    ck_assert(c.v.c128.re == -6.25 && c.v.c128.im == 0.0);
    NdScalar d = cast(nd_scalar_complex128(0.1, 0.2), ND_COMPLEX64);
    ck_assert(d.v.c64.re == 0.1f && d.v.c64.im == 0.2f);
}
END_TEST

START_TEST(test_identity_copies_bits)
{
    /* Same-type casts copy bytes, so a NaN payload survives. */
    uint64_t bits = 0x7ff8000000000123u;
    double v;
    memcpy(&v, &bits, sizeof v);
    NdScalar r = cast(f64(v), ND_FLOAT64);
    ck_assert_mem_eq(r.v.bytes, &bits, 8);
    nd_complex128 z = {1.0, -2.0};
    r = cast(scalar_of(ND_COMPLEX128, &z), ND_COMPLEX128);
    ck_assert(r.v.c128.re == 1.0 && r.v.c128.im == -2.0);
}
END_TEST

START_TEST(test_every_pair_has_a_loop)
{
    for (int a = 0; a < ND_NTYPES; a++)
        for (int b = 0; b < ND_NTYPES; b++)
            ck_assert(nd_cast_loop((NdType)a, (NdType)b) != NULL);
}
END_TEST

START_TEST(test_small_ints_through_every_pair)
{
    /* 0, 1 and 5 survive every cast except to bool, which gives 1 for the
     * nonzero ones: a check that no generated pair is miswired. */
    const int64_t vals[3] = {0, 1, 5};
    for (int a = 0; a < ND_NTYPES; a++)
        for (int b = 0; b < ND_NTYPES; b++)
            for (int k = 0; k < 3; k++) {
                NdScalar src;
                /* build the source by hand for each type */
                memset(&src, 0, sizeof src);
                src.dtype = (NdType)a;
                int64_t v = a == ND_BOOL && vals[k] > 1 ? 1 : vals[k];
                switch ((NdType)a) {
                case ND_BOOL:
                    src.v.b = v != 0;
                    break;
                case ND_INT8:
                case ND_UINT8:
                    src.v.u8 = (uint8_t)v;
                    break;
                case ND_INT16:
                case ND_UINT16:
                    src.v.u16 = (uint16_t)v;
                    break;
                case ND_INT32:
                case ND_UINT32:
                    src.v.u32 = (uint32_t)v;
                    break;
                case ND_INT64:
                case ND_UINT64:
                    src.v.u64 = (uint64_t)v;
                    break;
                case ND_FLOAT32:
                    src.v.f32 = (float)v;
                    break;
                case ND_FLOAT64:
                    src.v.f64 = (double)v;
                    break;
                case ND_COMPLEX64:
                    src.v.c64.re = (float)v;
                    break;
                default:
                    src.v.c128.re = (double)v;
                    break;
                }
                NdScalar r = cast(src, (NdType)b);
                double got;
                switch (nd_dtype_kind((NdType)b)) {
                case ND_KIND_BOOL:
                    got = r.v.bytes[0];
                    break;
                case ND_KIND_FLOAT:
                    got = b == ND_FLOAT32 ? r.v.f32 : r.v.f64;
                    break;
                case ND_KIND_COMPLEX:
                    got = b == ND_COMPLEX64 ? r.v.c64.re : r.v.c128.re;
                    break;
                default:
                    got = (double)as_int(&r);
                    break;
                }
                double want = b == ND_BOOL ? (v != 0) : (double)v;
                ck_assert_msg(got == want, "%s -> %s of %lld gave %g",
                              nd_dtype_name((NdType)a),
                              nd_dtype_name((NdType)b), (long long)v, got);
            }
}
END_TEST

/* ------------------------------------- NaN and out-of-range float -> int */

/* NumPy 1.24 on x86-64, np.array([v]).astype(t) (its scalar loop; the
 * SIMD loop for long contiguous arrays gives other values for uint32).
 * `invalid` marks the "invalid value encountered in cast" warning. */
static const struct {
    double v;
    NdType to;
    int64_t want; /* uint64 results stored as their bits */
    bool invalid;
} oob_cases[] = {
    {NAN, ND_INT8, 0, true},
    {NAN, ND_INT16, 0, true},
    {NAN, ND_INT32, INT32_MIN, true},
    {NAN, ND_INT64, INT64_MIN, true},
    {NAN, ND_UINT8, 0, true},
    {NAN, ND_UINT16, 0, true},
    {NAN, ND_UINT32, 0, true},
    {NAN, ND_UINT64, INT64_MIN, true},
    {INFINITY, ND_INT8, 0, true},
    {INFINITY, ND_INT32, INT32_MIN, true},
    {INFINITY, ND_INT64, INT64_MIN, true},
    {INFINITY, ND_UINT32, 0, true},
    {INFINITY, ND_UINT64, 0, true},
    {-INFINITY, ND_INT16, 0, true},
    {-INFINITY, ND_UINT64, INT64_MIN, true},
    {1e20, ND_INT8, 0, true},
    {1e20, ND_INT32, INT32_MIN, true},
    {1e20, ND_INT64, INT64_MIN, true},
    {1e20, ND_UINT16, 0, true},
    {1e20, ND_UINT64, 0, true},
    {-1e20, ND_INT64, INT64_MIN, true},
    {-1e20, ND_UINT32, 0, true},
    {-1e20, ND_UINT64, INT64_MIN, true},
    {300.7, ND_INT8, 44, false},
    {300.7, ND_UINT8, 44, false},
    {300.7, ND_INT16, 300, false},
    {-1.5, ND_INT8, -1, false},
    {-1.5, ND_UINT8, 255, false},
    {-1.5, ND_UINT16, 65535, false},
    {-1.5, ND_UINT32, 4294967295, false},
    {-1.5, ND_UINT64, -1, false},
    {2147483648.5, ND_INT8, 0, true},
    {2147483648.5, ND_INT32, INT32_MIN, true},
    {2147483648.5, ND_INT64, 2147483648, false},
    {2147483648.5, ND_UINT32, 2147483648, false},
    {-2147483649.0, ND_INT32, INT32_MIN, true},
    {-2147483649.0, ND_INT64, -2147483649, false},
    {-2147483649.0, ND_UINT32, 2147483647, false},
    {-2147483649.0, ND_UINT64, -2147483649, false},
    {9223372036854775808.0, ND_INT64, INT64_MIN, true},
    {9223372036854775808.0, ND_UINT64, INT64_MIN, false},
    {9223372036854775808.0, ND_UINT32, 0, true},
    {-9223372036854775808.0, ND_INT64, INT64_MIN, false},
    {-9223372036854775808.0, ND_UINT64, INT64_MIN, false},
    {1.9e19, ND_UINT64, 0, true},
    {4294967296.0, ND_UINT32, 0, false},
    {4294967296.0, ND_INT64, 4294967296, false},
    {65535.9, ND_INT8, -1, false},
    {65535.9, ND_INT16, -1, false},
    {65535.9, ND_UINT16, 65535, false},
    {128.0, ND_INT8, -128, false},
    {-0.7, ND_UINT64, 0, false},
};

START_TEST(test_float_out_of_range)
{
    nd_fpe_clear();
    NdScalar r = cast(f64(oob_cases[_i].v), oob_cases[_i].to);
    ck_assert_msg(as_int(&r) == oob_cases[_i].want,
                  "%g -> %s gave %lld, NumPy gives %lld", oob_cases[_i].v,
                  nd_dtype_name(oob_cases[_i].to), (long long)as_int(&r),
                  (long long)oob_cases[_i].want);
    bool invalid = (nd_fpe_status() & ND_FPE_INVALID) != 0;
    ck_assert_msg(invalid == oob_cases[_i].invalid, "%g -> %s: invalid flag %d",
                  oob_cases[_i].v, nd_dtype_name(oob_cases[_i].to), invalid);
    if (invalid)
        ck_assert_str_eq(nd_fpe_origin(ND_FPE_INVALID), "cast");
    nd_fpe_clear();
}
END_TEST

START_TEST(test_float32_out_of_range)
{
    /* float32 sources behave as their exact float64 value: NumPy gives
     * NaN -> int32 min and -2^31-1 (float32 -2^31) -> uint32 2^31. */
    nd_fpe_clear();
    float nanf_ = NAN, m = -2147483649.0f, big = 4294967296.0f;
    ck_assert_int_eq(cast(scalar_of(ND_FLOAT32, &nanf_), ND_INT32).v.i32,
                     INT32_MIN);
    ck_assert(nd_fpe_status() & ND_FPE_INVALID);
    nd_fpe_clear();
    ck_assert_uint_eq(cast(scalar_of(ND_FLOAT32, &m), ND_UINT32).v.u32,
                      2147483648u);
    ck_assert_uint_eq(cast(scalar_of(ND_FLOAT32, &big), ND_UINT32).v.u32, 0);
    ck_assert_uint_eq(nd_fpe_status(), 0);
}
END_TEST

START_TEST(test_complex_nan_to_int)
{
    /* NumPy: np.array([nan+1j]).astype(int32) -> -2147483648, invalid */
    nd_fpe_clear();
    NdScalar r = cast(nd_scalar_complex128(NAN, 1.0), ND_INT32);
    ck_assert_int_eq(r.v.i32, INT32_MIN);
    ck_assert(nd_fpe_status() & ND_FPE_INVALID);
    nd_fpe_clear();
}
END_TEST

/* ------------------------------------------------------- weak scalars */

static NdScalar weak_int(int64_t v)
{
    NdScalar s = nd_scalar_int64(v);
    s.weak = true;
    return s;
}

START_TEST(test_weak_int_overflow)
{
    NdScalar out;
    NdScalar w = weak_int(1000);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_INT8, &out), -1);
    ck_assert_nd_error(ND_ERR_OVERFLOW,
                       "Python integer 1000 out of bounds for int8");
    w = weak_int(-1);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_UINT8, &out), -1);
    ck_assert_nd_error(ND_ERR_OVERFLOW,
                       "Python integer -1 out of bounds for uint8");
    w = weak_int(-129);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_INT8, &out), -1);
    ck_assert_nd_error(ND_ERR_OVERFLOW,
                       "Python integer -129 out of bounds for int8");
    w = weak_int(INT64_MIN);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_UINT64, &out), -1);
    ck_assert_nd_error(ND_ERR_OVERFLOW, "Python integer -9223372036854775808 "
                                        "out of bounds for uint64");
    w = weak_int(65536);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_UINT16, &out), -1);
    ck_assert_nd_error(ND_ERR_OVERFLOW,
                       "Python integer 65536 out of bounds for uint16");
}
END_TEST

START_TEST(test_weak_uint64_literal)
{
    /* A literal above INT64_MAX is carried as weak uint64. */
    NdScalar w, out;
    memset(&w, 0, sizeof w);
    w.dtype = ND_UINT64;
    w.weak = true;
    w.v.u64 = UINT64_MAX;
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_INT64, &out), -1);
    ck_assert_nd_error(ND_ERR_OVERFLOW, "Python integer 18446744073709551615 "
                                        "out of bounds for int64");
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_UINT64, &out), 0);
    ck_assert_uint_eq(out.v.u64, UINT64_MAX);
    ck_assert(!out.weak);
}
END_TEST

START_TEST(test_weak_int_in_range)
{
    NdScalar out, w = weak_int(255);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_UINT8, &out), 0);
    ck_assert_int_eq(out.dtype, ND_UINT8);
    ck_assert_uint_eq(out.v.u8, 255);
    w = weak_int(-128);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_INT8, &out), 0);
    ck_assert_int_eq(out.v.i8, -128);
    w = weak_int(INT64_MIN);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_INT64, &out), 0);
    ck_assert_int_eq(out.v.i64, INT64_MIN);
    /* to floats no range check: 2^24 + 1 rounds in float32 */
    w = weak_int(16777217);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_FLOAT32, &out), 0);
    ck_assert(out.v.f32 == 16777216.0f);
    w = weak_int(3);
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_COMPLEX64, &out), 0);
    ck_assert(out.v.c64.re == 3.0f && out.v.c64.im == 0.0f);
}
END_TEST

START_TEST(test_weak_float_converts)
{
    NdScalar out, w = nd_scalar_float64(0.1);
    w.weak = true;
    ck_assert_int_eq(nd_scalar_cast_weak(&w, ND_FLOAT32, &out), 0);
    ck_assert(out.v.f32 == 0.1f);
    NdScalar c = nd_scalar_complex128(1.0, -0.5);
    c.weak = true;
    ck_assert_int_eq(nd_scalar_cast_weak(&c, ND_COMPLEX64, &out), 0);
    ck_assert(out.v.c64.re == 1.0f && out.v.c64.im == -0.5f);
    /* A strong scalar is never range-checked: it wraps. */
    NdScalar s = nd_scalar_int64(1000);
    ck_assert_int_eq(nd_scalar_cast_weak(&s, ND_INT8, &out), 0);
    ck_assert_int_eq(out.v.i8, -24);
}
END_TEST

START_TEST(test_scalar_constructors)
{
    NdScalar s = nd_scalar_bool(true);
    ck_assert(s.dtype == ND_BOOL && s.v.b && !s.weak);
    s = nd_scalar_int64(-5);
    ck_assert(s.dtype == ND_INT64 && s.v.i64 == -5 && !s.weak);
    s = nd_scalar_float64(2.5);
    ck_assert(s.dtype == ND_FLOAT64 && s.v.f64 == 2.5 && !s.weak);
    s = nd_scalar_complex128(1, -1);
    ck_assert(s.dtype == ND_COMPLEX128 && s.v.c128.re == 1 &&
              s.v.c128.im == -1 && !s.weak);
}
END_TEST

START_TEST(test_scalar_cast_in_place)
{
    /* out may alias in */
    NdScalar s = nd_scalar_float64(-3.75);
    ck_assert_int_eq(nd_scalar_cast(&s, ND_INT16, &s), 0);
    ck_assert_int_eq(s.dtype, ND_INT16);
    ck_assert_int_eq(s.v.i16, -3);
}
END_TEST

/* -------------------------------------------------------------- astype */

START_TEST(test_astype_unsafe)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2, 2), 2, 1.5, -2.7, 3.0, 1e20);
    ck_assert_ptr_nonnull(a);
    nd_fpe_clear();
    NdArray *b = nd_astype(a, ND_INT32, ND_CAST_UNSAFE, true);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->dtype, ND_INT32);
    ck_assert_int_eq(b->ndim, 2);
    ck_assert_int_eq(b->shape[0], 2);
    ck_assert_int_eq(b->shape[1], 2);
    const int32_t want[4] = {1, -2, 3, INT32_MIN};
    int64_t idx[2];
    for (int i = 0; i < 4; i++) {
        idx[0] = i / 2;
        idx[1] = i % 2;
        int32_t got;
        memcpy(&got, nd_element_ptr(b, idx), 4);
        ck_assert_int_eq(got, want[i]);
    }
    ck_assert(nd_fpe_status() & ND_FPE_INVALID);
    nd_fpe_clear();
    nd_decref(b);
    nd_decref(a);
}
END_TEST

START_TEST(test_astype_safe_error)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2), 1, 1.0, 2.0);
    ck_assert_ptr_null(nd_astype(a, ND_INT64, ND_CAST_SAFE, true));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast array data from dtype('float64') to "
                       "dtype('int64') according to the rule 'safe'");
    ck_assert_ptr_null(nd_astype(a, ND_FLOAT32, ND_CAST_NO, true));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast array data from dtype('float64') to "
                       "dtype('float32') according to the rule 'no'");
    NdArray *i8 = ARR(ND_INT8, int8_t, SHAPE(1), 1, 3);
    ck_assert_ptr_null(nd_astype(i8, ND_UINT8, ND_CAST_SAME_KIND, true));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast array data from dtype('int8') to "
                       "dtype('uint8') according to the rule 'same_kind'");
    nd_decref(i8);
    nd_decref(a);
}
END_TEST

START_TEST(test_astype_copy_flag)
{
    NdArray *a = ARR(ND_INT16, int16_t, SHAPE(3), 1, 1, 2, 3);
    NdArray *same = nd_astype(a, ND_INT16, ND_CAST_SAFE, false);
    ck_assert_ptr_eq(same, a);
    ck_assert_int_eq(a->refcount, 2);
    nd_decref(same);
    NdArray *copy = nd_astype(a, ND_INT16, ND_CAST_SAFE, true);
    ck_assert_ptr_nonnull(copy);
    ck_assert_ptr_ne(copy, a);
    ck_assert_ptr_ne(copy->data, a->data);
    ck_assert_mem_eq(copy->data, a->data, 6);
    /* copy=false still converts when the dtype differs */
    NdArray *wide = nd_astype(a, ND_FLOAT64, ND_CAST_SAFE, false);
    ck_assert_ptr_nonnull(wide);
    ck_assert_ptr_ne(wide, a);
    const double want[3] = {1.0, 2.0, 3.0};
    ck_assert_mem_eq(wide->data, want, sizeof want);
    nd_decref(wide);
    nd_decref(copy);
    nd_decref(a);
}
END_TEST

START_TEST(test_astype_strided)
{
    /* A transposed (non-contiguous) int64 matrix to float32 keeps the
     * values at their positions. */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2, 3), 2, 1, 2, 3, 4, 5, 6);
    NdArray *t = nd_transpose(a, NULL, 0);
    ck_assert_ptr_nonnull(t);
    NdArray *f = nd_astype(t, ND_FLOAT32, ND_CAST_SAME_KIND, true);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(f->shape[0], 3);
    ck_assert_int_eq(f->shape[1], 2);
    for (int64_t i = 0; i < 3; i++)
        for (int64_t j = 0; j < 2; j++) {
            int64_t idx[2] = {i, j};
            float got;
            memcpy(&got, nd_element_ptr(f, idx), 4);
            ck_assert(got == (float)(j * 3 + i + 1));
        }
    nd_decref(f);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

/* -------------------------------------------------------------- copyto */

START_TEST(test_copyto_broadcast)
{
    NdArray *dst = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    NdArray *src = ARR(ND_INT32, int32_t, SHAPE(3), 1, 7, -8, 9);
    ck_assert_int_eq(nd_copyto(dst, src, ND_CAST_SAME_KIND), 0);
    const double want[6] = {7, -8, 9, 7, -8, 9};
    ck_assert_mem_eq(dst->data, want, sizeof want);
    nd_decref(src);
    nd_decref(dst);
}
END_TEST

START_TEST(test_copyto_leading_ones)
{
    /* NumPy allows copyto(zeros(3), ones((1, 3))) */
    NdArray *dst = nd_zeros(ND_INT64, 1, SHAPE(3), 'C');
    NdArray *src = ARR(ND_INT64, int64_t, SHAPE(1, 3), 2, 4, 5, 6);
    ck_assert_int_eq(nd_copyto(dst, src, ND_CAST_SAME_KIND), 0);
    const int64_t want[3] = {4, 5, 6};
    ck_assert_mem_eq(dst->data, want, sizeof want);
    nd_decref(src);
    nd_decref(dst);
}
END_TEST

START_TEST(test_copyto_shape_errors)
{
    NdArray *dst = nd_zeros(ND_FLOAT64, 1, SHAPE(2), 'C');
    NdArray *src = nd_zeros(ND_FLOAT64, 1, SHAPE(3), 'C');
    ck_assert_int_eq(nd_copyto(dst, src, ND_CAST_SAME_KIND), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "could not broadcast input array from "
                                     "shape (3,) into shape (2,)");
    NdArray *d2 = nd_zeros(ND_FLOAT64, 2, SHAPE(3, 2), 'C');
    NdArray *s2 = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    ck_assert_int_eq(nd_copyto(d2, s2, ND_CAST_SAME_KIND), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "could not broadcast input array from "
                                     "shape (2,3) into shape (3,2)");
    /* dst's shape never grows: (3,) into a 0-d array fails */
    NdArray *d0 = nd_zeros(ND_FLOAT64, 0, NULL, 'C');
    ck_assert_int_eq(nd_copyto(d0, src, ND_CAST_SAME_KIND), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "could not broadcast input array from "
                                     "shape (3,) into shape ()");
    /* nor do extra source axes of length > 1 disappear */
    ck_assert_int_eq(nd_copyto(src, s2, ND_CAST_SAME_KIND), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "could not broadcast input array from "
                                     "shape (2,3) into shape (3,)");
    nd_decref(d0);
    nd_decref(s2);
    nd_decref(d2);
    nd_decref(src);
    nd_decref(dst);
}
END_TEST

START_TEST(test_copyto_casting_error)
{
    NdArray *dst = nd_zeros(ND_INT64, 1, SHAPE(2), 'C');
    NdArray *src = nd_zeros(ND_FLOAT64, 1, SHAPE(2), 'C');
    ck_assert_int_eq(nd_copyto(dst, src, ND_CAST_SAME_KIND), -1);
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast array data from dtype('float64') to "
                       "dtype('int64') according to the rule 'same_kind'");
    /* NumPy checks the casting before the shapes */
    NdArray *c3 = nd_zeros(ND_COMPLEX128, 1, SHAPE(3), 'C');
    ck_assert_int_eq(nd_copyto(dst, c3, ND_CAST_SAME_KIND), -1);
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast array data from dtype('complex128') to "
                       "dtype('int64') according to the rule 'same_kind'");
    /* unsafe lets it through and truncates */
    double *s = (double *)src->data;
    s[0] = -1.9;
    s[1] = 2.9;
    ck_assert_int_eq(nd_copyto(dst, src, ND_CAST_UNSAFE), 0);
    const int64_t want[2] = {-1, 2};
    ck_assert_mem_eq(dst->data, want, sizeof want);
    nd_decref(c3);
    nd_decref(src);
    nd_decref(dst);
}
END_TEST

START_TEST(test_copyto_read_only)
{
    NdArray *base = nd_zeros(ND_FLOAT64, 1, SHAPE(2), 'C');
    NdArray *ro = nd_view_new(base->buffer, base->dtype, 1, base->shape,
                              base->strides, base->data, false);
    NdArray *src = nd_zeros(ND_INT64, 1, SHAPE(3), 'C');
    /* read-only is reported before the shape mismatch, as NumPy does */
    ck_assert_int_eq(nd_copyto(ro, src, ND_CAST_SAME_KIND), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "assignment destination is read-only");
    NdScalar one = nd_scalar_int64(1);
    ck_assert_int_eq(nd_fill(ro, &one), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "assignment destination is read-only");
    nd_decref(src);
    nd_decref(ro);
    nd_decref(base);
}
END_TEST

START_TEST(test_copyto_weak_scalar)
{
    NdArray *dst = nd_zeros(ND_INT8, 1, SHAPE(3), 'C');
    NdScalar w = nd_scalar_int64(1000);
    w.weak = true;
    NdArray *big = nd_from_scalar(&w);
    ck_assert_int_eq(nd_copyto(dst, big, ND_CAST_SAME_KIND), -1);
    ck_assert_nd_error(ND_ERR_OVERFLOW,
                       "Python integer 1000 out of bounds for int8");
    NdScalar ok = nd_scalar_int64(-5);
    ok.weak = true;
    NdArray *small = nd_from_scalar(&ok);
    ck_assert_int_eq(nd_copyto(dst, small, ND_CAST_SAME_KIND), 0);
    const int8_t want[3] = {-5, -5, -5};
    ck_assert_mem_eq(dst->data, want, 3);
    NdScalar f = nd_scalar_float64(1.5);
    f.weak = true;
    NdArray *fl = nd_from_scalar(&f);
    ck_assert_int_eq(nd_copyto(dst, fl, ND_CAST_SAME_KIND), -1);
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast scalar from dtype('float64') to "
                       "dtype('int8') according to the rule 'same_kind'");
    nd_decref(fl);
    nd_decref(small);
    nd_decref(big);
    nd_decref(dst);
}
END_TEST

START_TEST(test_copyto_overlap)
{
    /* a[...] = a[::-1]: the iterator must not read what it already wrote */
    NdArray *a = ARR(ND_INT32, int32_t, SHAPE(4), 1, 1, 2, 3, 4);
    int64_t stride = -4;
    int64_t shape = 4;
    NdArray *rev = nd_view_new(a->buffer, ND_INT32, 1, &shape, &stride,
                               a->data + 12, false);
    ck_assert_int_eq(nd_copyto(a, rev, ND_CAST_SAME_KIND), 0);
    const int32_t want[4] = {4, 3, 2, 1};
    ck_assert_mem_eq(a->data, want, sizeof want);
    nd_decref(rev);
    nd_decref(a);
}
END_TEST

/* ---------------------------------------------------------------- fill */

START_TEST(test_fill_values)
{
    NdArray *a = nd_zeros(ND_INT16, 2, SHAPE(2, 2), 'C');
    NdScalar v = nd_scalar_float64(-3.9);
    ck_assert_int_eq(nd_fill(a, &v), 0);
    const int16_t want[4] = {-3, -3, -3, -3};
    ck_assert_mem_eq(a->data, want, sizeof want);
    NdArray *c = nd_zeros(ND_COMPLEX64, 1, SHAPE(2), 'C');
    NdScalar z = nd_scalar_complex128(0.5, -2);
    ck_assert_int_eq(nd_fill(c, &z), 0);
    const nd_complex64 wz[2] = {{0.5f, -2.0f}, {0.5f, -2.0f}};
    ck_assert_mem_eq(c->data, wz, sizeof wz);
    nd_decref(c);
    nd_decref(a);
}
END_TEST

START_TEST(test_fill_strided_view)
{
    /* Fill every other element through a strided view. */
    NdArray *a = nd_zeros(ND_UINT8, 1, SHAPE(6), 'C');
    int64_t shape = 3, stride = 2;
    NdArray *v =
        nd_view_new(a->buffer, ND_UINT8, 1, &shape, &stride, a->data, true);
    NdScalar t = nd_scalar_bool(true);
    ck_assert_int_eq(nd_fill(v, &t), 0);
    const uint8_t want[6] = {1, 0, 1, 0, 1, 0};
    ck_assert_mem_eq(a->data, want, sizeof want);
    nd_decref(v);
    nd_decref(a);
}
END_TEST

START_TEST(test_fill_weak_overflow)
{
    /* NumPy 2: np.zeros(2, np.int8).fill(1000) is an OverflowError, and
     * leaves the array alone. */
    NdArray *a = nd_zeros(ND_INT8, 1, SHAPE(2), 'C');
    NdScalar w = nd_scalar_int64(1000);
    w.weak = true;
    ck_assert_int_eq(nd_fill(a, &w), -1);
    ck_assert_nd_error(ND_ERR_OVERFLOW,
                       "Python integer 1000 out of bounds for int8");
    const int8_t zero[2] = {0, 0};
    ck_assert_mem_eq(a->data, zero, 2);
    /* a strong int64 wraps instead */
    NdScalar s = nd_scalar_int64(1000);
    ck_assert_int_eq(nd_fill(a, &s), 0);
    const int8_t wrapped[2] = {-24, -24};
    ck_assert_mem_eq(a->data, wrapped, 2);
    nd_decref(a);
}
END_TEST

START_TEST(test_fill_empty)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 2, SHAPE(0, 3), 'C');
    NdScalar v = nd_scalar_float64(1.0);
    ck_assert_int_eq(nd_fill(a, &v), 0);
    nd_decref(a);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("cast");
    TCase *tc = tcase_create("loops");
    tcase_add_test(tc, test_bool_to_numbers);
    tcase_add_test(tc, test_numbers_to_bool);
    tcase_add_test(tc, test_int_to_int_wraps);
    tcase_add_test(tc, test_int_to_float_rounds_once);
    tcase_add_test(tc, test_float_to_int_truncates);
    tcase_add_test(tc, test_float_widen_narrow);
    tcase_add_test(tc, test_float_narrow_overflow);
    tcase_add_test(tc, test_complex_to_real);
    tcase_add_test(tc, test_real_to_complex);
    tcase_add_test(tc, test_identity_copies_bits);
    tcase_add_test(tc, test_every_pair_has_a_loop);
    tcase_add_test(tc, test_small_ints_through_every_pair);
    tcase_add_loop_test(tc, test_float_out_of_range, 0,
                        (int)(sizeof oob_cases / sizeof oob_cases[0]));
    tcase_add_test(tc, test_float32_out_of_range);
    tcase_add_test(tc, test_complex_nan_to_int);
    suite_add_tcase(s, tc);

    tc = tcase_create("scalars");
    tcase_add_test(tc, test_weak_int_overflow);
    tcase_add_test(tc, test_weak_uint64_literal);
    tcase_add_test(tc, test_weak_int_in_range);
    tcase_add_test(tc, test_weak_float_converts);
    tcase_add_test(tc, test_scalar_constructors);
    tcase_add_test(tc, test_scalar_cast_in_place);
    suite_add_tcase(s, tc);

    tc = tcase_create("assign");
    tcase_add_test(tc, test_astype_unsafe);
    tcase_add_test(tc, test_astype_safe_error);
    tcase_add_test(tc, test_astype_copy_flag);
    tcase_add_test(tc, test_astype_strided);
    tcase_add_test(tc, test_copyto_broadcast);
    tcase_add_test(tc, test_copyto_leading_ones);
    tcase_add_test(tc, test_copyto_shape_errors);
    tcase_add_test(tc, test_copyto_casting_error);
    tcase_add_test(tc, test_copyto_read_only);
    tcase_add_test(tc, test_copyto_weak_scalar);
    tcase_add_test(tc, test_copyto_overlap);
    tcase_add_test(tc, test_fill_values);
    tcase_add_test(tc, test_fill_strided_view);
    tcase_add_test(tc, test_fill_weak_overflow);
    tcase_add_test(tc, test_fill_empty);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(suite());
}
