/* test_kernels.c — the typed inner loops of kernels.c and matmul.c against
 * hand-worked values: wraparound, division by zero and its status flags,
 * Python's sign conventions for floor division and remainder, power edge
 * cases, shifts past the width, complex arithmetic, NaN comparisons.  Every
 * binary and unary check runs the loop through each of its paths
 * (contiguous, in place, a scalar operand on either side, strided, strided
 * and misaligned), then a few go through nd_binary/nd_unary as well. */
#include <math.h>
#include <stdio.h>

#include "loops.h"
#include "testutil.h"

/* ----------------------------------------------------------------- helpers */

static NdLoop find_loop(NdUfuncId op, NdType in, NdType *out)
{
    for (const NdKernel *k = nd_kernels(op); k->fn; k++) {
        if (k->in[0] == in) {
            *out = k->out;
            return k->fn;
        }
    }
    return NULL;
}

static int same_real(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(x) && isnan(y);
    return x == y && !signbit(x) == !signbit(y);
}

/* Elements compare equal when their bits would print the same: NaNs match
 * any NaN, zeros must agree in sign. */
static int same_elem(NdType t, const char *x, const char *y)
{
    switch (t) {
    case ND_FLOAT32: {
        float a, b;
        memcpy(&a, x, sizeof a);
        memcpy(&b, y, sizeof b);
        return same_real(a, b);
    }
    case ND_FLOAT64: {
        double a, b;
        memcpy(&a, x, sizeof a);
        memcpy(&b, y, sizeof b);
        return same_real(a, b);
    }
    case ND_COMPLEX64: {
        nd_complex64 a, b;
        memcpy(&a, x, sizeof a);
        memcpy(&b, y, sizeof b);
        return same_real(a.re, b.re) && same_real(a.im, b.im);
    }
    case ND_COMPLEX128: {
        nd_complex128 a, b;
        memcpy(&a, x, sizeof a);
        memcpy(&b, y, sizeof b);
        return same_real(a.re, b.re) && same_real(a.im, b.im);
    }
    default:
        return memcmp(x, y, nd_dtype_size(t)) == 0;
    }
}

static size_t type_size(NdType t)
{
    static const size_t sizes[ND_NTYPES] = {1, 1, 2, 4, 8, 1, 2,
                                            4, 8, 4, 8, 8, 16};
    return sizes[t];
}

/* Run one loop call the way the ufunc driver does: status cleared, the
 * hardware flags collected afterwards. */
static unsigned call(NdLoop fn, char **ptrs, int64_t n, const int64_t *steps,
                     const char *name)
{
    nd_fpe_clear();
    nd_error_clear();
    nd_fpe_hw_clear();
    fn(ptrs, n, steps);
    nd_fpe_hw_collect(name);
    return nd_fpe_status();
}

#define CYCLE(n) (7 * (n) + 3) /* long enough for vector bodies + tails */

/* Check `nin`-input op on element type tin against expect[0..n), through
 * every path of the loop.  flags are the status bits the whole call must
 * leave. */
static void check_op(NdUfuncId op, int nin, NdType tin, const void *const *src,
                     const void *expect, int n, unsigned flags)
{
    NdType tout;
    NdLoop fn = find_loop(op, tin, &tout);
    ck_assert_msg(fn != NULL, "no %s loop for %s", nd_ufunc_name(op),
                  nd_dtype_name(tin));
    const char *name = nd_ufunc_name(op);
    const size_t is = type_size(tin), os = type_size(tout);
    const int L = CYCLE(n);
    const char *ex = expect;
    /* Room for stride 3 plus a misaligning byte. */
    char *in[2], *out = malloc((size_t)L * 3 * 16 + 16);
    for (int k = 0; k < nin; k++)
        in[k] = malloc((size_t)L * 3 * is + 16);
    ck_assert_ptr_nonnull(out);

    /* 1. contiguous */
    for (int k = 0; k < nin; k++)
        for (int i = 0; i < L; i++)
            memcpy(in[k] + i * is, (const char *)src[k] + (i % n) * is, is);
    {
        char *ptrs[3] = {in[0], nin > 1 ? in[1] : out, out};
        int64_t steps[3] = {(int64_t)is, nin > 1 ? (int64_t)is : (int64_t)os,
                            (int64_t)os};
        unsigned st = call(fn, ptrs, L, steps, name);
        ck_assert_msg(st == flags, "%s %s contiguous: status %u, expected %u",
                      name, nd_dtype_name(tin), st, flags);
        for (int i = 0; i < L; i++)
            ck_assert_msg(same_elem(tout, out + i * os, ex + (i % n) * os),
                          "%s %s contiguous: element %d", name,
                          nd_dtype_name(tin), i % n);
    }

    /* 2. in place (output over input 0) */
    if (is == os) {
        for (int i = 0; i < L; i++)
            memcpy(out + i * os, (const char *)src[0] + (i % n) * is, is);
        char *ptrs[3] = {out, nin > 1 ? in[1] : out, out};
        int64_t steps[3] = {(int64_t)is, nin > 1 ? (int64_t)is : (int64_t)os,
                            (int64_t)os};
        unsigned st = call(fn, ptrs, L, steps, name);
        ck_assert_msg(st == flags, "%s %s in place: status %u", name,
                      nd_dtype_name(tin), st);
        for (int i = 0; i < L; i++)
            ck_assert_msg(same_elem(tout, out + i * os, ex + (i % n) * os),
                          "%s %s in place: element %d", name,
                          nd_dtype_name(tin), i % n);
    }

    /* 3. one scalar operand (stride 0) against a contiguous other: the
     * outputs whose other operand has the same index are known. */
    for (int k = 0; k < nin; k++) {
        for (int s = 0; s < n; s++) {
            char *ptrs[3];
            int64_t steps[3];
            for (int j = 0; j < nin; j++) {
                ptrs[j] = j == k ? (char *)src[j] + s * is : in[j];
                steps[j] = j == k ? 0 : (int64_t)is;
            }
            ptrs[nin] = out;
            steps[nin] = (int64_t)os;
            call(fn, ptrs, L, steps, name);
            for (int i = 0; i < L; i++)
                if (nin == 1 || i % n == s)
                    ck_assert_msg(same_elem(tout, out + i * os, ex + s * os),
                                  "%s %s scalar operand %d: element %d", name,
                                  nd_dtype_name(tin), k, s);
        }
    }

    /* 4. strided (inputs stride 3, output stride -2), aligned and then
     * misaligned by one byte. */
    for (int mis = 0; mis < 2; mis++) {
        for (int k = 0; k < nin; k++)
            for (int i = 0; i < L; i++)
                memcpy(in[k] + mis + 3 * i * is,
                       (const char *)src[k] + (i % n) * is, is);
        char *ptrs[3];
        int64_t steps[3];
        for (int k = 0; k < nin; k++) {
            ptrs[k] = in[k] + mis;
            steps[k] = 3 * (int64_t)is;
        }
        ptrs[nin] = out + mis + 2 * (L - 1) * os;
        steps[nin] = -2 * (int64_t)os;
        unsigned st = call(fn, ptrs, L, steps, name);
        ck_assert_msg(st == flags, "%s %s strided: status %u", name,
                      nd_dtype_name(tin), st);
        for (int i = 0; i < L; i++)
            ck_assert_msg(same_elem(tout, ptrs[nin] - 2 * i * (int64_t)os,
                                    ex + (i % n) * os),
                          "%s %s strided (misaligned %d): element %d", name,
                          nd_dtype_name(tin), mis, i % n);
    }

    for (int k = 0; k < nin; k++)
        free(in[k]);
    free(out);
    nd_fpe_clear();
}

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* BIN(op, dtype, a, b, expected, flags): arrays of equal length. */
#define BIN(op, dt, a, b, e, fl)                                               \
    do {                                                                       \
        ck_assert_int_eq(NELEM(a), NELEM(b));                                  \
        ck_assert_int_eq(NELEM(a), NELEM(e));                                  \
        const void *src_[2] = {(a), (b)};                                      \
        check_op((op), 2, (dt), src_, (e), NELEM(a), (fl));                    \
    } while (0)
#define UN(op, dt, a, e, fl)                                                   \
    do {                                                                       \
        ck_assert_int_eq(NELEM(a), NELEM(e));                                  \
        const void *src_[1] = {(a)};                                           \
        check_op((op), 1, (dt), src_, (e), NELEM(a), (fl));                    \
    } while (0)

/* Call a loop once on contiguous data (for the error cases). */
static void run_once(NdUfuncId op, NdType t, void *a, void *b, void *o, int n)
{
    NdType tout;
    NdLoop fn = find_loop(op, t, &tout);
    ck_assert_msg(fn != NULL, "no loop");
    char *ptrs[3] = {a, b, o};
    int64_t steps[3] = {(int64_t)type_size(t), (int64_t)type_size(t),
                        (int64_t)type_size(tout)};
    nd_fpe_clear();
    nd_error_clear();
    nd_fpe_hw_clear();
    fn(ptrs, n, steps);
    nd_fpe_hw_collect(nd_ufunc_name(op));
}

#define DZ ND_FPE_DIVIDEBYZERO
#define OVF ND_FPE_OVERFLOW
#define INV ND_FPE_INVALID

static const double inf = INFINITY;
static const double nan_ = NAN;

/* ------------------------------------------------------------ the tables */

START_TEST(table_order_matches_numpy)
{
    /* np.add.types without float16, longdouble, object, datetime. */
    static const NdType order[] = {
        ND_BOOL,    ND_INT8,      ND_UINT8,     ND_INT16,  ND_UINT16,
        ND_INT32,   ND_UINT32,    ND_INT64,     ND_UINT64, ND_FLOAT32,
        ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128};
    const NdKernel *k = nd_kernels(ND_UF_ADD);
    for (int i = 0; i < NELEM(order); i++) {
        ck_assert(k[i].fn != NULL);
        ck_assert_int_eq(k[i].in[0], order[i]);
        ck_assert_int_eq(k[i].in[1], order[i]);
        ck_assert_int_eq(k[i].out, order[i]);
    }
    ck_assert(k[NELEM(order)].fn == NULL);
}
END_TEST

static int count(NdUfuncId op)
{
    int n = 0;
    for (const NdKernel *k = nd_kernels(op); k->fn; k++)
        n++;
    return n;
}

START_TEST(table_sizes)
{
    /* From NumPy's ufunc.types less the dtypes nd does not have. */
    ck_assert_int_eq(count(ND_UF_ADD), 13);
    ck_assert_int_eq(count(ND_UF_SUBTRACT), 12); /* no bool */
    ck_assert_int_eq(count(ND_UF_MULTIPLY), 13);
    ck_assert_int_eq(count(ND_UF_TRUE_DIVIDE), 4);
    ck_assert_int_eq(count(ND_UF_FLOOR_DIVIDE), 10);
    ck_assert_int_eq(count(ND_UF_REMAINDER), 10);
    ck_assert_int_eq(count(ND_UF_POWER), 12);
    ck_assert_int_eq(count(ND_UF_LESS), 13);
    ck_assert_int_eq(count(ND_UF_LOGICAL_XOR), 13);
    ck_assert_int_eq(count(ND_UF_BITWISE_AND), 9);
    ck_assert_int_eq(count(ND_UF_LEFT_SHIFT), 8);
    ck_assert_int_eq(count(ND_UF_RIGHT_SHIFT), 8);
    ck_assert_int_eq(count(ND_UF_NEGATIVE), 12);
    ck_assert_int_eq(count(ND_UF_POSITIVE), 12);
    ck_assert_int_eq(count(ND_UF_ABSOLUTE), 13);
    ck_assert_int_eq(count(ND_UF_LOGICAL_NOT), 13);
    ck_assert_int_eq(count(ND_UF_INVERT), 9);
    ck_assert_int_eq(count(ND_UF_COUNT), 0);
}
END_TEST

START_TEST(table_output_types)
{
    NdType out;
    ck_assert(NULL != find_loop(ND_UF_LESS, ND_FLOAT64, &out));
    ck_assert_int_eq(out, ND_BOOL);
    ck_assert(NULL != find_loop(ND_UF_LOGICAL_AND, ND_COMPLEX64, &out));
    ck_assert_int_eq(out, ND_BOOL);
    ck_assert(NULL != find_loop(ND_UF_ABSOLUTE, ND_COMPLEX64, &out));
    ck_assert_int_eq(out, ND_FLOAT32);
    ck_assert(NULL != find_loop(ND_UF_ABSOLUTE, ND_COMPLEX128, &out));
    ck_assert_int_eq(out, ND_FLOAT64);
    ck_assert(NULL != find_loop(ND_UF_LOGICAL_NOT, ND_INT32, &out));
    ck_assert_int_eq(out, ND_BOOL);
    ck_assert(NULL == find_loop(ND_UF_SUBTRACT, ND_BOOL, &out));
    ck_assert(NULL == find_loop(ND_UF_NEGATIVE, ND_BOOL, &out));
    ck_assert(NULL == find_loop(ND_UF_FLOOR_DIVIDE, ND_COMPLEX128, &out));
    ck_assert(NULL == find_loop(ND_UF_TRUE_DIVIDE, ND_INT64, &out));
    ck_assert(NULL == find_loop(ND_UF_LEFT_SHIFT, ND_BOOL, &out));
    const NdKernel *k = nd_kernels(ND_UF_NEGATIVE);
    ck_assert_int_eq(k[0].in[1], ND_NTYPES);
}
END_TEST

/* ------------------------------------------------------------- add, etc. */

START_TEST(add_bool_is_or)
{
    uint8_t a[] = {0, 0, 1, 1}, b[] = {0, 1, 0, 1}, e[] = {0, 1, 1, 1};
    BIN(ND_UF_ADD, ND_BOOL, a, b, e, 0);
}
END_TEST

START_TEST(multiply_bool_is_and)
{
    uint8_t a[] = {0, 0, 1, 1}, b[] = {0, 1, 0, 1}, e[] = {0, 0, 0, 1};
    BIN(ND_UF_MULTIPLY, ND_BOOL, a, b, e, 0);
}
END_TEST

START_TEST(add_int8_wraps)
{
    int8_t a[] = {127, -128, 1, -1, 100};
    int8_t b[] = {1, -1, 2, -1, 100};
    int8_t e[] = {-128, 127, 3, -2, -56};
    BIN(ND_UF_ADD, ND_INT8, a, b, e, 0);
}
END_TEST

START_TEST(add_int32_int64_wrap)
{
    int32_t a[] = {INT32_MAX, INT32_MIN, 5};
    int32_t b[] = {1, -1, -7};
    int32_t e[] = {INT32_MIN, INT32_MAX, -2};
    BIN(ND_UF_ADD, ND_INT32, a, b, e, 0);
    int64_t c[] = {INT64_MAX, INT64_MIN};
    int64_t d[] = {1, -1};
    int64_t f[] = {INT64_MIN, INT64_MAX};
    BIN(ND_UF_ADD, ND_INT64, c, d, f, 0);
}
END_TEST

START_TEST(subtract_uint8_wraps)
{
    uint8_t a[] = {0, 5, 255, 0};
    uint8_t b[] = {1, 3, 255, 255};
    uint8_t e[] = {255, 2, 0, 1};
    BIN(ND_UF_SUBTRACT, ND_UINT8, a, b, e, 0);
}
END_TEST

START_TEST(subtract_int16)
{
    int16_t a[] = {INT16_MIN, 10, -3};
    int16_t b[] = {1, 20, -3};
    int16_t e[] = {INT16_MAX, -10, 0};
    BIN(ND_UF_SUBTRACT, ND_INT16, a, b, e, 0);
}
END_TEST

START_TEST(multiply_ints_wrap)
{
    int16_t a[] = {300, -300, 7};
    int16_t b[] = {300, 300, -6};
    /* 90000 - 65536 = 24464 */
    int16_t e[] = {24464, -24464, -42};
    BIN(ND_UF_MULTIPLY, ND_INT16, a, b, e, 0);
    /* (2^16-1)^2 = 2^32 - 2^17 + 1 == 1 (mod 2^16): no promotion to int. */
    uint16_t c[] = {65535, 256};
    uint16_t d[] = {65535, 256};
    uint16_t f[] = {1, 0};
    BIN(ND_UF_MULTIPLY, ND_UINT16, c, d, f, 0);
    int64_t g[] = {INT64_MAX, INT64_MIN, -3};
    int64_t h[] = {2, -1, 4};
    int64_t k[] = {-2, INT64_MIN, -12};
    BIN(ND_UF_MULTIPLY, ND_INT64, g, h, k, 0);
    uint32_t p[] = {UINT32_MAX, 65536};
    uint32_t q[] = {UINT32_MAX, 65536};
    uint32_t r[] = {1, 0};
    BIN(ND_UF_MULTIPLY, ND_UINT32, p, q, r, 0);
}
END_TEST

START_TEST(arith_floats)
{
    double a[] = {1.5, -2.0, 1e308, 0.0};
    double b[] = {2.25, 0.5, 1e308, -0.0};
    double e_add[] = {3.75, -1.5, inf, 0.0};
    double e_sub[] = {-0.75, -2.5, 0.0, 0.0};
    double e_mul[] = {3.375, -1.0, inf, -0.0};
    BIN(ND_UF_ADD, ND_FLOAT64, a, b, e_add, ND_FPE_OVERFLOW);
    BIN(ND_UF_SUBTRACT, ND_FLOAT64, a, b, e_sub, 0);
    BIN(ND_UF_MULTIPLY, ND_FLOAT64, a, b, e_mul, ND_FPE_OVERFLOW);
    float c[] = {0.5f, 3.0f, -1.0f};
    float d[] = {0.25f, -4.0f, -1.0f};
    float f[] = {0.75f, -1.0f, -2.0f};
    BIN(ND_UF_ADD, ND_FLOAT32, c, d, f, 0);
}
END_TEST

START_TEST(true_divide_floats)
{
    double a[] = {7.0, 1.0, -1.0, 0.0, -6.0};
    double b[] = {2.0, 0.0, 0.0, 0.0, 4.0};
    double e[] = {3.5, inf, -inf, nan_, -1.5};
    BIN(ND_UF_TRUE_DIVIDE, ND_FLOAT64, a, b, e, DZ | INV);
    float c[] = {1.0f, 9.0f};
    float d[] = {-0.0f, 3.0f};
    float f[] = {-INFINITY, 3.0f};
    BIN(ND_UF_TRUE_DIVIDE, ND_FLOAT32, c, d, f, DZ);
}
END_TEST

/* ----------------------------------------------------- floor_divide, % */

START_TEST(floor_divide_signed_signs)
{
    int32_t a[] = {7, -7, 7, -7, 6, -6, 0};
    int32_t b[] = {2, 2, -2, -2, 3, 3, -5};
    int32_t e[] = {3, -4, -4, 3, 2, -2, 0};
    BIN(ND_UF_FLOOR_DIVIDE, ND_INT32, a, b, e, 0);
}
END_TEST

START_TEST(floor_divide_int_by_zero)
{
    int64_t a[] = {1, 0, -1, 9};
    int64_t b[] = {0, 0, 0, 3};
    int64_t e[] = {0, 0, 0, 3};
    BIN(ND_UF_FLOOR_DIVIDE, ND_INT64, a, b, e, DZ);
    uint8_t c[] = {255, 7};
    uint8_t d[] = {0, 2};
    uint8_t f[] = {0, 3};
    BIN(ND_UF_FLOOR_DIVIDE, ND_UINT8, c, d, f, DZ);
}
END_TEST

START_TEST(floor_divide_status_origin)
{
    int16_t a[] = {5}, b[] = {0}, o[1] = {99};
    run_once(ND_UF_FLOOR_DIVIDE, ND_INT16, a, b, o, 1);
    ck_assert_int_eq(o[0], 0);
    ck_assert_uint_eq(nd_fpe_status(), DZ);
    ck_assert_str_eq(nd_fpe_origin(DZ), "floor_divide");
    run_once(ND_UF_REMAINDER, ND_INT16, a, b, o, 1);
    ck_assert_str_eq(nd_fpe_origin(DZ), "remainder");
    nd_fpe_clear();
}
END_TEST

START_TEST(floor_divide_int_min_by_minus_one)
{
    /* NumPy: MIN // -1 is MIN with "overflow encountered in floor_divide";
     * MIN % -1 is 0 with no warning. */
    int8_t a[] = {-128, 127}, b[] = {-1, -1};
    int8_t e[] = {-128, -127}, r[] = {0, 0};
    BIN(ND_UF_FLOOR_DIVIDE, ND_INT8, a, b, e, OVF);
    BIN(ND_UF_REMAINDER, ND_INT8, a, b, r, 0);
    int64_t c[] = {INT64_MIN}, d[] = {-1}, f[] = {INT64_MIN}, z[] = {0};
    BIN(ND_UF_FLOOR_DIVIDE, ND_INT64, c, d, f, OVF);
    BIN(ND_UF_REMAINDER, ND_INT64, c, d, z, 0);
    int8_t o[1];
    run_once(ND_UF_FLOOR_DIVIDE, ND_INT8, a, b, o, 1);
    ck_assert_str_eq(nd_fpe_origin(OVF), "floor_divide");
    nd_fpe_clear();
}
END_TEST

START_TEST(remainder_signed_signs)
{
    int16_t a[] = {7, -7, 7, -7, 6, -6};
    int16_t b[] = {2, 2, -2, -2, 3, -3};
    int16_t e[] = {1, 1, -1, -1, 0, 0};
    BIN(ND_UF_REMAINDER, ND_INT16, a, b, e, 0);
}
END_TEST

START_TEST(remainder_int_by_zero)
{
    int32_t a[] = {5, -5, 0}, b[] = {0, 0, 0}, e[] = {0, 0, 0};
    BIN(ND_UF_REMAINDER, ND_INT32, a, b, e, DZ);
    uint64_t c[] = {UINT64_MAX, 255}, d[] = {0, 7}, f[] = {0, 3};
    BIN(ND_UF_REMAINDER, ND_UINT64, c, d, f, DZ);
}
END_TEST

START_TEST(floor_divide_float_signs)
{
    double a[] = {7.0, -7.0, 7.0, -7.0, 7.5, -7.5};
    double b[] = {2.0, 2.0, -2.0, -2.0, 2.0, 2.0};
    double e[] = {3.0, -4.0, -4.0, 3.0, 3.0, -4.0};
    BIN(ND_UF_FLOOR_DIVIDE, ND_FLOAT64, a, b, e, 0);
    float c[] = {-7.0f, 1.0f};
    float d[] = {2.0f, 4.0f};
    float f[] = {-4.0f, 0.0f};
    BIN(ND_UF_FLOOR_DIVIDE, ND_FLOAT32, c, d, f, 0);
}
END_TEST

START_TEST(floor_divide_float_zero_and_inf)
{
    /* x // 0 is x / 0; 5 // inf is 0, -5 // inf is -1 (Python). */
    double a[] = {1.0, -1.0, 5.0, -5.0};
    double b[] = {0.0, 0.0, inf, inf};
    double e[] = {inf, -inf, 0.0, -1.0};
    BIN(ND_UF_FLOOR_DIVIDE, ND_FLOAT64, a, b, e, DZ);
    double c[] = {0.0}, d[] = {0.0}, f[] = {nan_};
    BIN(ND_UF_FLOOR_DIVIDE, ND_FLOAT64, c, d, f, INV);
    /* NumPy 2's npy_floor_divide returns a / b for b == 0 with the IEEE
     * flags only: NaN // 0 and inf // 0 are quiet. */
    double g[] = {nan_, inf, -inf}, h[] = {0.0, 0.0, 0.0};
    double k[] = {nan_, inf, -inf};
    BIN(ND_UF_FLOOR_DIVIDE, ND_FLOAT64, g, h, k, 0);
}
END_TEST

START_TEST(remainder_float_signs)
{
    double a[] = {-7.5, 7.5, -7.0, 7.0, -0.0, 0.0, 6.0};
    double b[] = {2.0, -2.0, 2.0, -2.0, 2.0, -2.0, -3.0};
    double e[] = {0.5, -0.5, 1.0, -1.0, 0.0, -0.0, -0.0};
    BIN(ND_UF_REMAINDER, ND_FLOAT64, a, b, e, 0);
    float c[] = {-7.5f, 5.5f};
    float d[] = {2.0f, -2.0f};
    float f[] = {0.5f, -0.5f};
    BIN(ND_UF_REMAINDER, ND_FLOAT32, c, d, f, 0);
}
END_TEST

START_TEST(remainder_float_special)
{
    /* 5 % inf is 5, -5 % inf is inf (Python); x % 0 and inf % y are nan
     * with "invalid". */
    double a[] = {5.0, -5.0};
    double b[] = {inf, inf};
    double e[] = {5.0, inf};
    BIN(ND_UF_REMAINDER, ND_FLOAT64, a, b, e, 0);
    double c[] = {1.0, inf}, d[] = {0.0, 2.0}, f[] = {nan_, nan_};
    BIN(ND_UF_REMAINDER, ND_FLOAT64, c, d, f, INV);
}
END_TEST

/* ------------------------------------------------------------------ power */

START_TEST(power_signed)
{
    int64_t a[] = {0, 2, -2, 3, -1, 2, 2, 7};
    int64_t b[] = {0, 10, 3, 0, 63, 62, 63, 1};
    int64_t e[] = {1,         1024, -8, 1, -1, INT64_C(4611686018427387904),
                   INT64_MIN, 7};
    BIN(ND_UF_POWER, ND_INT64, a, b, e, 0);
    int8_t c[] = {2, 2, -3, 0};
    int8_t d[] = {7, 8, 3, 5};
    int8_t f[] = {-128, 0, -27, 0};
    BIN(ND_UF_POWER, ND_INT8, c, d, f, 0);
}
END_TEST

START_TEST(power_unsigned)
{
    uint8_t a[] = {2, 3, 0, 255, 16};
    uint8_t b[] = {9, 5, 0, 2, 2};
    /* 255^2 = 65025 = 254*256 + 1 */
    uint8_t e[] = {0, 243, 1, 1, 0};
    BIN(ND_UF_POWER, ND_UINT8, a, b, e, 0);
    uint64_t c[] = {2, 10}, d[] = {64, 19};
    uint64_t f[] = {0, UINT64_C(10000000000000000000)};
    BIN(ND_UF_POWER, ND_UINT64, c, d, f, 0);
}
END_TEST

START_TEST(power_negative_exponent_is_error)
{
    int32_t a[] = {2, 2}, b[] = {1, -1}, o[2];
    run_once(ND_UF_POWER, ND_INT32, a, b, o, 2);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Integers to negative integer powers are not allowed.");
    int8_t c[] = {1}, d[] = {-5}, p[1];
    run_once(ND_UF_POWER, ND_INT8, c, d, p, 1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Integers to negative integer powers are not allowed.");
    /* Unsigned exponents are never negative. */
    uint8_t u[] = {2}, v[] = {255}, w[1];
    run_once(ND_UF_POWER, ND_UINT8, u, v, w, 1);
    ck_assert_int_eq(nd_error_kind(), ND_OK);
    ck_assert_int_eq(w[0], 0);
}
END_TEST

START_TEST(power_float)
{
    double a[] = {0.0, 2.0, 4.0, 2.0, nan_, 1.0, -8.0};
    double b[] = {0.0, 10.0, 0.5, -1.0, 0.0, nan_, 2.0};
    double e[] = {1.0, 1024.0, 2.0, 0.5, 1.0, 1.0, 64.0};
    BIN(ND_UF_POWER, ND_FLOAT64, a, b, e, 0);
    double c[] = {0.0}, d[] = {-1.0}, f[] = {inf};
    BIN(ND_UF_POWER, ND_FLOAT64, c, d, f, DZ);
    double g[] = {-8.0}, h[] = {1.0 / 3.0}, k[] = {nan_};
    BIN(ND_UF_POWER, ND_FLOAT64, g, h, k, INV);
    float p[] = {3.0f, 9.0f}, q[] = {2.0f, 0.5f}, r[] = {9.0f, 3.0f};
    BIN(ND_UF_POWER, ND_FLOAT32, p, q, r, 0);
}
END_TEST

START_TEST(power_complex_integer_exponents)
{
    /* (1+2i)^2 = -3+4i, (1+2i)^3 = -11-2i, i^-1 = -i, 2^-2 = 0.25,
     * (1+i)^4 = -4, x^0 = 1 even for 0. */
    nd_complex128 a[] = {{1, 2}, {1, 2}, {0, 1}, {2, 0},
                         {1, 1}, {0, 0}, {5, 7}};
    nd_complex128 b[] = {{2, 0}, {3, 0}, {-1, 0}, {-2, 0},
                         {4, 0}, {0, 0}, {1, 0}};
    nd_complex128 e[] = {{-3, 4}, {-11, -2}, {0, -1}, {0.25, 0},
                         {-4, 0}, {1, 0},    {5, 7}};
    BIN(ND_UF_POWER, ND_COMPLEX128, a, b, e, 0);
    nd_complex64 c[] = {{0, 1}, {1, -1}};
    nd_complex64 d[] = {{2, 0}, {2, 0}};
    nd_complex64 f[] = {{-1, 0}, {0, -2}};
    BIN(ND_UF_POWER, ND_COMPLEX64, c, d, f, 0);
}
END_TEST

START_TEST(power_complex_zero_base)
{
    nd_complex128 a[] = {{0, 0}}, b[] = {{2, 0}}, e[] = {{0, 0}};
    BIN(ND_UF_POWER, ND_COMPLEX128, a, b, e, 0);
    /* 0 to a negative or non-real power: nan with "invalid" (NumPy). */
    nd_complex128 c[] = {{0, 0}, {0, 0}}, d[] = {{-1, 0}, {1, 1}};
    nd_complex128 f[] = {{nan_, nan_}, {nan_, nan_}};
    BIN(ND_UF_POWER, ND_COMPLEX128, c, d, f, INV);
}
END_TEST

START_TEST(power_complex_general)
{
    /* Non-integer exponents go through exp/log: (4+0i)^0.5 ~ 2,
     * (-1+0i)^0.5 ~ i, i^i = e^(-pi/2). */
    nd_complex128 a[] = {{4, 0}, {-1, 0}, {0, 1}};
    nd_complex128 b[] = {{0.5, 0}, {0.5, 0}, {0, 1}};
    nd_complex128 o[3];
    run_once(ND_UF_POWER, ND_COMPLEX128, a, b, o, 3);
    ck_assert_double_eq_tol(o[0].re, 2.0, 1e-15);
    ck_assert_double_eq_tol(o[0].im, 0.0, 1e-15);
    ck_assert_double_eq_tol(o[1].re, 0.0, 1e-15);
    ck_assert_double_eq_tol(o[1].im, 1.0, 1e-15);
    ck_assert_double_eq_tol(o[2].re, exp(-asin(1.0)), 1e-15);
    ck_assert_double_eq_tol(o[2].im, 0.0, 1e-15);
    nd_fpe_clear();
}
END_TEST

/* ----------------------------------------------------------- comparisons */

START_TEST(compare_ints)
{
    int8_t a[] = {-1, 0, 5, 5};
    int8_t b[] = {0, 0, 4, 6};
    uint8_t lt[] = {1, 0, 0, 1}, le[] = {1, 1, 0, 1}, gt[] = {0, 0, 1, 0};
    uint8_t ge[] = {0, 1, 1, 0}, eq[] = {0, 1, 0, 0}, ne[] = {1, 0, 1, 1};
    BIN(ND_UF_LESS, ND_INT8, a, b, lt, 0);
    BIN(ND_UF_LESS_EQUAL, ND_INT8, a, b, le, 0);
    BIN(ND_UF_GREATER, ND_INT8, a, b, gt, 0);
    BIN(ND_UF_GREATER_EQUAL, ND_INT8, a, b, ge, 0);
    BIN(ND_UF_EQUAL, ND_INT8, a, b, eq, 0);
    BIN(ND_UF_NOT_EQUAL, ND_INT8, a, b, ne, 0);
    /* Unsigned order: 2^64-1 is the largest. */
    uint64_t c[] = {UINT64_MAX, 0}, d[] = {1, 1};
    uint8_t g[] = {1, 0};
    BIN(ND_UF_GREATER, ND_UINT64, c, d, g, 0);
}
END_TEST

START_TEST(compare_bool)
{
    uint8_t a[] = {0, 0, 1, 1}, b[] = {0, 1, 0, 1};
    uint8_t lt[] = {0, 1, 0, 0}, ge[] = {1, 0, 1, 1}, eq[] = {1, 0, 0, 1};
    BIN(ND_UF_LESS, ND_BOOL, a, b, lt, 0);
    BIN(ND_UF_GREATER_EQUAL, ND_BOOL, a, b, ge, 0);
    BIN(ND_UF_EQUAL, ND_BOOL, a, b, eq, 0);
}
END_TEST

START_TEST(compare_float_nan_is_quiet)
{
    /* Only != is true against NaN, and NumPy raises no "invalid". */
    double a[] = {nan_, 1.0, nan_, -0.0};
    double b[] = {1.0, nan_, nan_, 0.0};
    uint8_t f4[] = {0, 0, 0, 0}, ne[] = {1, 1, 1, 0}, eq[] = {0, 0, 0, 1};
    uint8_t le[] = {0, 0, 0, 1};
    BIN(ND_UF_LESS, ND_FLOAT64, a, b, f4, 0);
    BIN(ND_UF_GREATER, ND_FLOAT64, a, b, f4, 0);
    BIN(ND_UF_LESS_EQUAL, ND_FLOAT64, a, b, le, 0);
    BIN(ND_UF_GREATER_EQUAL, ND_FLOAT64, a, b, le, 0);
    BIN(ND_UF_EQUAL, ND_FLOAT64, a, b, eq, 0);
    BIN(ND_UF_NOT_EQUAL, ND_FLOAT64, a, b, ne, 0);
    float c[] = {NAN, 2.0f}, d[] = {1.0f, 3.0f};
    uint8_t l2[] = {0, 1};
    BIN(ND_UF_LESS, ND_FLOAT32, c, d, l2, 0);
}
END_TEST

START_TEST(compare_complex_lexicographic)
{
    nd_complex128 a[] = {{1, 2}, {1, 2}, {2, 0}, {1, 2}};
    nd_complex128 b[] = {{1, 3}, {1, 1}, {1, 5}, {1, 2}};
    uint8_t lt[] = {1, 0, 0, 0}, le[] = {1, 0, 0, 1}, gt[] = {0, 1, 1, 0};
    uint8_t eq[] = {0, 0, 0, 1};
    BIN(ND_UF_LESS, ND_COMPLEX128, a, b, lt, 0);
    BIN(ND_UF_LESS_EQUAL, ND_COMPLEX128, a, b, le, 0);
    BIN(ND_UF_GREATER, ND_COMPLEX128, a, b, gt, 0);
    BIN(ND_UF_EQUAL, ND_COMPLEX128, a, b, eq, 0);
}
END_TEST

START_TEST(compare_complex_nan)
{
    /* 1+nan*i < 2 is false (a NaN part spoils the order); a NaN met by
     * the ordered compare raises "invalid" as in NumPy. */
    nd_complex64 a[] = {{1, NAN}};
    nd_complex64 b[] = {{2, 0}};
    uint8_t f[] = {0};
    BIN(ND_UF_LESS, ND_COMPLEX64, a, b, f, 0);
    nd_complex64 c[] = {{1, 1}, {NAN, 0}};
    nd_complex64 d[] = {{1, NAN}, {1, 0}};
    uint8_t g[] = {0, 0}, ne[] = {1, 1};
    BIN(ND_UF_LESS, ND_COMPLEX64, c, d, g, INV);
    BIN(ND_UF_NOT_EQUAL, ND_COMPLEX64, c, d, ne, 0);
}
END_TEST

/* ----------------------------------------------------------------- logical */

START_TEST(logical_ops_every_kind)
{
    uint8_t and_[] = {0, 0, 0, 1}, or_[] = {0, 1, 1, 1}, xor_[] = {0, 1, 1, 0};
    uint8_t ba[] = {0, 0, 1, 1}, bb[] = {0, 1, 0, 1};
    BIN(ND_UF_LOGICAL_AND, ND_BOOL, ba, bb, and_, 0);
    int16_t ia[] = {0, 0, -3, 7}, ib[] = {0, 5, 0, -1};
    BIN(ND_UF_LOGICAL_AND, ND_INT16, ia, ib, and_, 0);
    BIN(ND_UF_LOGICAL_OR, ND_INT16, ia, ib, or_, 0);
    BIN(ND_UF_LOGICAL_XOR, ND_INT16, ia, ib, xor_, 0);
    uint32_t ua[] = {0, 0, 4000000000u, 1}, ub[] = {0, 1, 0, 2};
    BIN(ND_UF_LOGICAL_OR, ND_UINT32, ua, ub, or_, 0);
    /* NaN is true; -0.0 is false. */
    double fa[] = {-0.0, 0.0, nan_, 0.5}, fb[] = {0.0, nan_, 0.0, -inf};
    BIN(ND_UF_LOGICAL_AND, ND_FLOAT64, fa, fb, and_, 0);
    BIN(ND_UF_LOGICAL_XOR, ND_FLOAT64, fa, fb, xor_, 0);
    /* A complex is true when either part is nonzero. */
    nd_complex128 ca[] = {{0, 0}, {0, 0}, {0, 1}, {2, 0}};
    nd_complex128 cb[] = {{0, 0}, {0, -1}, {0, 0}, {1, 1}};
    BIN(ND_UF_LOGICAL_OR, ND_COMPLEX128, ca, cb, or_, 0);
    BIN(ND_UF_LOGICAL_AND, ND_COMPLEX128, ca, cb, and_, 0);
}
END_TEST

START_TEST(logical_not_every_kind)
{
    uint8_t b[] = {0, 1}, nb[] = {1, 0};
    UN(ND_UF_LOGICAL_NOT, ND_BOOL, b, nb, 0);
    int64_t i[] = {0, -1, INT64_MIN};
    uint8_t ni[] = {1, 0, 0};
    UN(ND_UF_LOGICAL_NOT, ND_INT64, i, ni, 0);
    float f[] = {-0.0f, NAN, 1e-30f};
    uint8_t nf[] = {1, 0, 0};
    UN(ND_UF_LOGICAL_NOT, ND_FLOAT32, f, nf, 0);
    nd_complex64 c[] = {{0, 0}, {0, -2}};
    uint8_t nc[] = {1, 0};
    UN(ND_UF_LOGICAL_NOT, ND_COMPLEX64, c, nc, 0);
}
END_TEST

/* ---------------------------------------------------------------- bitwise */

START_TEST(bitwise_bool)
{
    uint8_t a[] = {0, 0, 1, 1}, b[] = {0, 1, 0, 1};
    uint8_t and_[] = {0, 0, 0, 1}, or_[] = {0, 1, 1, 1}, xor_[] = {0, 1, 1, 0};
    BIN(ND_UF_BITWISE_AND, ND_BOOL, a, b, and_, 0);
    BIN(ND_UF_BITWISE_OR, ND_BOOL, a, b, or_, 0);
    BIN(ND_UF_BITWISE_XOR, ND_BOOL, a, b, xor_, 0);
}
END_TEST

START_TEST(bitwise_ints)
{
    int8_t a[] = {-1, 0x5A, -128}, b[] = {0x0F, 0x0F, 1};
    int8_t and_[] = {0x0F, 0x0A, 0}, or_[] = {-1, 0x5F, -127};
    int8_t xor_[] = {-16, 0x55, -127};
    BIN(ND_UF_BITWISE_AND, ND_INT8, a, b, and_, 0);
    BIN(ND_UF_BITWISE_OR, ND_INT8, a, b, or_, 0);
    BIN(ND_UF_BITWISE_XOR, ND_INT8, a, b, xor_, 0);
    uint16_t c[] = {0xFF00, 0x1234}, d[] = {0x0FF0, 0xFFFF};
    uint16_t x[] = {0xF0F0, 0xEDCB};
    BIN(ND_UF_BITWISE_XOR, ND_UINT16, c, d, x, 0);
}
END_TEST

START_TEST(left_shift_past_width)
{
    int8_t a[] = {1, 1, -1, 1, 3, 1};
    int8_t b[] = {7, 8, 100, -1, 2, -128};
    int8_t e[] = {-128, 0, 0, 0, 12, 0};
    BIN(ND_UF_LEFT_SHIFT, ND_INT8, a, b, e, 0);
    int64_t c[] = {1, 1, -1}, d[] = {63, 64, 1};
    int64_t f[] = {INT64_MIN, 0, -2};
    BIN(ND_UF_LEFT_SHIFT, ND_INT64, c, d, f, 0);
    uint8_t g[] = {255, 1}, h[] = {1, 8};
    uint8_t k[] = {254, 0};
    BIN(ND_UF_LEFT_SHIFT, ND_UINT8, g, h, k, 0);
}
END_TEST

START_TEST(right_shift_past_width)
{
    /* Past the width a negative value keeps only its sign (-1). */
    int8_t a[] = {-128, -1, 127, 64, -128, -7};
    int8_t b[] = {8, 100, 8, -1, 1, 1};
    int8_t e[] = {-1, -1, 0, 0, -64, -4};
    BIN(ND_UF_RIGHT_SHIFT, ND_INT8, a, b, e, 0);
    int32_t c[] = {INT32_MIN, INT32_MIN}, d[] = {31, 32};
    int32_t f[] = {-1, -1};
    BIN(ND_UF_RIGHT_SHIFT, ND_INT32, c, d, f, 0);
    uint64_t g[] = {UINT64_MAX, UINT64_MAX, UINT64_MAX};
    uint64_t h[] = {63, 64, 1000};
    uint64_t k[] = {1, 0, 0};
    BIN(ND_UF_RIGHT_SHIFT, ND_UINT64, g, h, k, 0);
}
END_TEST

START_TEST(invert_bool_and_ints)
{
    uint8_t b[] = {0, 1}, nb[] = {1, 0};
    UN(ND_UF_INVERT, ND_BOOL, b, nb, 0);
    int8_t i[] = {0, -1, 5, -128}, ni[] = {-1, 0, -6, 127};
    UN(ND_UF_INVERT, ND_INT8, i, ni, 0);
    uint8_t u[] = {0, 0xF0}, nu[] = {255, 0x0F};
    UN(ND_UF_INVERT, ND_UINT8, u, nu, 0);
    uint64_t w[] = {0}, nw[] = {UINT64_MAX};
    UN(ND_UF_INVERT, ND_UINT64, w, nw, 0);
}
END_TEST

/* ------------------------------------------------------------------ unary */

START_TEST(negative_kinds)
{
    uint8_t u[] = {1, 0, 255}, nu[] = {255, 0, 1};
    UN(ND_UF_NEGATIVE, ND_UINT8, u, nu, 0);
    int8_t i[] = {-128, 5, 0}, ni[] = {-128, -5, 0};
    UN(ND_UF_NEGATIVE, ND_INT8, i, ni, 0);
    int64_t j[] = {INT64_MIN, -1}, nj[] = {INT64_MIN, 1};
    UN(ND_UF_NEGATIVE, ND_INT64, j, nj, 0);
    double f[] = {0.0, -inf, 2.5}, nf[] = {-0.0, inf, -2.5};
    UN(ND_UF_NEGATIVE, ND_FLOAT64, f, nf, 0);
    nd_complex64 c[] = {{1, -2}}, nc[] = {{-1, 2}};
    UN(ND_UF_NEGATIVE, ND_COMPLEX64, c, nc, 0);
}
END_TEST

START_TEST(positive_kinds)
{
    int16_t i[] = {-3, 7}, e[] = {-3, 7};
    UN(ND_UF_POSITIVE, ND_INT16, i, e, 0);
    double f[] = {-0.0, nan_}, g[] = {-0.0, nan_};
    UN(ND_UF_POSITIVE, ND_FLOAT64, f, g, 0);
    nd_complex128 c[] = {{1, -2}}, d[] = {{1, -2}};
    UN(ND_UF_POSITIVE, ND_COMPLEX128, c, d, 0);
}
END_TEST

START_TEST(absolute_int_min_stays)
{
    int8_t i[] = {-128, -127, 5, 0}, e[] = {-128, 127, 5, 0};
    UN(ND_UF_ABSOLUTE, ND_INT8, i, e, 0);
    int32_t j[] = {INT32_MIN, -1}, f[] = {INT32_MIN, 1};
    UN(ND_UF_ABSOLUTE, ND_INT32, j, f, 0);
    int64_t k[] = {INT64_MIN, -9}, g[] = {INT64_MIN, 9};
    UN(ND_UF_ABSOLUTE, ND_INT64, k, g, 0);
    uint16_t u[] = {65535}, v[] = {65535};
    UN(ND_UF_ABSOLUTE, ND_UINT16, u, v, 0);
    uint8_t b[] = {0, 1}, c[] = {0, 1};
    UN(ND_UF_ABSOLUTE, ND_BOOL, b, c, 0);
}
END_TEST

START_TEST(absolute_float_and_complex)
{
    double f[] = {-0.0, -inf, -2.5, nan_}, g[] = {0.0, inf, 2.5, nan_};
    UN(ND_UF_ABSOLUTE, ND_FLOAT64, f, g, 0);
    /* |3+4i| = 5, |-5-12i| = 13; hypot does not overflow where the sum of
     * squares would (2^1200). */
    nd_complex128 c[] = {{3, 4}, {-5, -12}, {0x3p600, 0x4p600}, {0, -0.0}};
    double d[] = {5, 13, 0x5p600, 0};
    UN(ND_UF_ABSOLUTE, ND_COMPLEX128, c, d, 0);
    nd_complex64 h[] = {{3, -4}, {INFINITY, NAN}};
    float k[] = {5, INFINITY};
    UN(ND_UF_ABSOLUTE, ND_COMPLEX64, h, k, 0);
}
END_TEST

/* ---------------------------------------------------------------- complex */

START_TEST(complex_add_subtract)
{
    nd_complex128 a[] = {{1, 2}, {-0.5, 3}}, b[] = {{3, 4}, {0.5, -1}};
    nd_complex128 s[] = {{4, 6}, {0, 2}}, d[] = {{-2, -2}, {-1, 4}};
    BIN(ND_UF_ADD, ND_COMPLEX128, a, b, s, 0);
    BIN(ND_UF_SUBTRACT, ND_COMPLEX128, a, b, d, 0);
}
END_TEST

START_TEST(complex_multiply)
{
    /* (1+2i)(3+4i) = 3 + 4i + 6i - 8 = -5+10i; i*i = -1. */
    nd_complex128 a[] = {{1, 2}, {0, 1}, {2, 0}};
    nd_complex128 b[] = {{3, 4}, {0, 1}, {0.5, -1}};
    nd_complex128 e[] = {{-5, 10}, {-1, 0}, {1, -2}};
    BIN(ND_UF_MULTIPLY, ND_COMPLEX128, a, b, e, 0);
    nd_complex64 c[] = {{1, 2}}, d[] = {{3, 4}}, f[] = {{-5, 10}};
    BIN(ND_UF_MULTIPLY, ND_COMPLEX64, c, d, f, 0);
}
END_TEST

START_TEST(complex_divide_smith)
{
    /* (-5+10i)/(3+4i) = 1+2i: |b.im| > |b.re|, rat = 0.75,
     * scl = 1/6.25 = 0.16, re = 6.25*0.16 = 1, im = 12.5*0.16 = 2.
     * (1+i)/(1+i) = 1 through the other branch; 6/(0+2i) = -3i. */
    nd_complex128 a[] = {{-5, 10}, {1, 1}, {6, 0}, {4, 2}};
    nd_complex128 b[] = {{3, 4}, {1, 1}, {0, 2}, {2, 0}};
    nd_complex128 e[] = {{1, 2}, {1, 0}, {0, -3}, {2, 1}};
    BIN(ND_UF_TRUE_DIVIDE, ND_COMPLEX128, a, b, e, 0);
    nd_complex64 c[] = {{-5, 10}}, d[] = {{3, 4}}, f[] = {{1, 2}};
    BIN(ND_UF_TRUE_DIVIDE, ND_COMPLEX64, c, d, f, 0);
}
END_TEST

START_TEST(complex_divide_by_zero)
{
    /* NumPy: (1+2i)/0 = inf+inf*i with "divide by zero"; 0/0 = nan+nan*i
     * with "invalid". */
    nd_complex128 a[] = {{1, 2}}, b[] = {{0, 0}}, e[] = {{inf, inf}};
    BIN(ND_UF_TRUE_DIVIDE, ND_COMPLEX128, a, b, e, DZ);
    nd_complex128 c[] = {{0, 0}}, f[] = {{nan_, nan_}};
    BIN(ND_UF_TRUE_DIVIDE, ND_COMPLEX128, c, b, f, INV);
    /* Smith's scaling keeps huge operands finite: |b|^2 = 2^2001 would
     * overflow. */
    nd_complex128 g[] = {{0x1p1000, 0x1p1000}}, h[] = {{1, 0}};
    BIN(ND_UF_TRUE_DIVIDE, ND_COMPLEX128, g, g, h, 0);
}
END_TEST

/* ---------------------------------------------------------- loop plumbing */

START_TEST(zero_length_loops)
{
    NdType out;
    NdLoop fn = find_loop(ND_UF_FLOOR_DIVIDE, ND_INT32, &out);
    int32_t a = 1, b = 0, o = 77;
    char *ptrs[3] = {(char *)&a, (char *)&b, (char *)&o};
    int64_t steps[3] = {0, 0, 4};
    nd_fpe_clear();
    fn(ptrs, 0, steps);
    ck_assert_int_eq(o, 77);
    ck_assert_uint_eq(nd_fpe_status(), 0);
    NdLoop neg = find_loop(ND_UF_NEGATIVE, ND_INT32, &out);
    char *p2[2] = {(char *)&a, (char *)&o};
    neg(p2, 0, steps);
    ck_assert_int_eq(o, 77);
}
END_TEST

START_TEST(output_stride_zero_accumulates)
{
    /* A reduction-style call (output and input 0 the same element, both
     * stride 0) must see each update: 1+2+3+4 = 10. */
    NdType out;
    NdLoop fn = find_loop(ND_UF_ADD, ND_INT64, &out);
    int64_t acc = 0, v[] = {1, 2, 3, 4};
    char *ptrs[3] = {(char *)&acc, (char *)v, (char *)&acc};
    int64_t steps[3] = {0, 8, 0};
    fn(ptrs, 4, steps);
    ck_assert_int_eq(acc, 10);
}
END_TEST

START_TEST(partial_overlap_is_sequential)
{
    /* Output one element ahead of the input: element by element this
     * shifts a running value along (a[i+1] = a[i] + 1). */
    NdType out;
    NdLoop fn = find_loop(ND_UF_ADD, ND_INT32, &out);
    int32_t buf[40] = {0}, one = 1;
    char *ptrs[3] = {(char *)buf, (char *)&one, (char *)(buf + 1)};
    int64_t steps[3] = {4, 0, 4};
    fn(ptrs, 39, steps);
    for (int i = 0; i < 40; i++)
        ck_assert_int_eq(buf[i], i);
}
END_TEST

/* -------------------------------------------------- through the driver */

static NdArray *vec_i8(const int8_t *v, int64_t n)
{
    return nd_from_data(ND_INT8, 1, (int64_t[]){n}, v, n);
}

START_TEST(driver_int8_wraps)
{
    NdArray *a = vec_i8((int8_t[]){127, -128, 3}, 3);
    NdArray *b = vec_i8((int8_t[]){1, -1, 4}, 3);
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_INT8);
    const int8_t *d = (const int8_t *)r->data;
    ck_assert_int_eq(d[0], -128);
    ck_assert_int_eq(d[1], 127);
    ck_assert_int_eq(d[2], 7);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(driver_floor_divide_by_zero_flag)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(3), 1, -7, 7, 3);
    NdArray *b = ARR(ND_INT64, int64_t, SHAPE(3), 1, 2, -2, 0);
    nd_fpe_clear();
    NdArray *q = nd_binary(ND_UF_FLOOR_DIVIDE, a, b);
    NdArray *m = nd_binary(ND_UF_REMAINDER, a, b);
    ck_assert_ptr_nonnull(q);
    ck_assert_ptr_nonnull(m);
    const int64_t *qd = (const int64_t *)q->data;
    const int64_t *md = (const int64_t *)m->data;
    ck_assert_int_eq(qd[0], -4);
    ck_assert_int_eq(qd[1], -4);
    ck_assert_int_eq(qd[2], 0);
    ck_assert_int_eq(md[0], 1);
    ck_assert_int_eq(md[1], -1);
    ck_assert_int_eq(md[2], 0);
    ck_assert_uint_eq(nd_fpe_status(), DZ);
    ck_assert_str_eq(nd_fpe_origin(DZ), "floor_divide");
    nd_fpe_clear();
    nd_decref(q);
    nd_decref(m);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(driver_power_negative_error)
{
    NdArray *a = ARR(ND_INT32, int32_t, SHAPE(2), 1, 2, 3);
    NdArray *b = ARR(ND_INT32, int32_t, SHAPE(2), 1, 1, -2);
    NdArray *r = nd_binary(ND_UF_POWER, a, b);
    ck_assert_ptr_null(r);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Integers to negative integer powers are not allowed.");
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(driver_float_flags_and_strided)
{
    /* A transposed (strided) view divided by zero: inf with the divide
     * flag from the hardware, origin "divide". */
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2, 2), 2, 1.0, 2.0, 3.0, 4.0);
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *z = ARR(ND_FLOAT64, double, SHAPE(2), 1, 0.0, 2.0);
    ck_assert_ptr_nonnull(t);
    nd_fpe_clear();
    NdArray *r = nd_binary(ND_UF_TRUE_DIVIDE, t, z);
    ck_assert_ptr_nonnull(r);
    double v;
    NdScalar s;
    int64_t idx[2] = {0, 0};
    ck_assert_int_eq(nd_get_item(r, idx, &s), 0);
    v = s.v.f64;
    ck_assert(isinf(v) && v > 0);
    idx[1] = 1;
    nd_get_item(r, idx, &s);
    ck_assert_double_eq(s.v.f64, 1.5); /* t[0][1] = 3 over 2 */
    idx[0] = 1;
    nd_get_item(r, idx, &s);
    ck_assert_double_eq(s.v.f64, 2.0); /* t[1][1] = 4 over 2 */
    ck_assert_uint_eq(nd_fpe_status() & DZ, DZ);
    ck_assert_str_eq(nd_fpe_origin(DZ), "divide");
    nd_fpe_clear();
    nd_decref(r);
    nd_decref(z);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(driver_absolute_complex)
{
    NdArray *a = nd_from_data(ND_COMPLEX128, 1, SHAPE(2),
                              (nd_complex128[]){{3, 4}, {-5, 12}}, 2);
    NdArray *r = nd_unary(ND_UF_ABSOLUTE, a);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    ck_assert_double_eq(((const double *)r->data)[0], 5.0);
    ck_assert_double_eq(((const double *)r->data)[1], 13.0);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

/* ------------------------------------------------------------------ matmul */

static NdArray *f64(int ndim, const int64_t *shape, const double *v, int64_t n)
{
    return nd_from_data(ND_FLOAT64, ndim, shape, v, n);
}

static void expect_f64(NdArray *r, int ndim, const int64_t *shape,
                       const double *v)
{
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    ck_assert_int_eq(r->ndim, ndim);
    for (int i = 0; i < ndim; i++)
        ck_assert_int_eq(r->shape[i], shape[i]);
    NdArray *c = nd_ascontiguousarray(r);
    ck_assert_ptr_nonnull(c);
    for (int64_t i = 0; i < c->size; i++)
        ck_assert_double_eq(((const double *)c->data)[i], v[i]);
    nd_decref(c);
}

START_TEST(matmul_2d)
{
    /* [[1,2,3],[4,5,6]] @ [[7,8],[9,10],[11,12]] = [[58,64],[139,154]] */
    NdArray *a = f64(2, SHAPE(2, 3), (double[]){1, 2, 3, 4, 5, 6}, 6);
    NdArray *b = f64(2, SHAPE(3, 2), (double[]){7, 8, 9, 10, 11, 12}, 6);
    NdArray *r = nd_matmul(a, b);
    expect_f64(r, 2, SHAPE(2, 2), (double[]){58, 64, 139, 154});
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_vec_mat)
{
    /* [1,2] @ [[1,2,3],[4,5,6]] = [9,12,15], shape (3,) */
    NdArray *a = f64(1, SHAPE(2), (double[]){1, 2}, 2);
    NdArray *b = f64(2, SHAPE(2, 3), (double[]){1, 2, 3, 4, 5, 6}, 6);
    NdArray *r = nd_matmul(a, b);
    expect_f64(r, 1, SHAPE(3), (double[]){9, 12, 15});
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_mat_vec)
{
    /* [[1,2,3],[4,5,6]] @ [1,0,-1] = [-2,-2], shape (2,) */
    NdArray *a = f64(2, SHAPE(2, 3), (double[]){1, 2, 3, 4, 5, 6}, 6);
    NdArray *b = f64(1, SHAPE(3), (double[]){1, 0, -1}, 3);
    NdArray *r = nd_matmul(a, b);
    expect_f64(r, 1, SHAPE(2), (double[]){-2, -2});
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_vec_vec_is_0d)
{
    NdArray *a = f64(1, SHAPE(3), (double[]){1, 2, 3}, 3);
    NdArray *b = f64(1, SHAPE(3), (double[]){4, 5, 6}, 3);
    NdArray *r = nd_matmul(a, b);
    expect_f64(r, 0, NULL, (double[]){32});
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_batched_broadcast)
{
    /* (2,1,2,2) @ (3,2,2) -> (2,3,2,2): A0 = I, A1 = 2I; B_j = (j+1)*ones.
     * Result block (i,j) = (i+1)(j+1)*ones. */
    double av[] = {1, 0, 0, 1, 2, 0, 0, 2};
    double bv[12];
    for (int j = 0; j < 3; j++)
        for (int q = 0; q < 4; q++)
            bv[4 * j + q] = j + 1;
    NdArray *a = f64(4, SHAPE(2, 1, 2, 2), av, 8);
    NdArray *b = f64(3, SHAPE(3, 2, 2), bv, 12);
    NdArray *r = nd_matmul(a, b);
    double ev[24];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int q = 0; q < 4; q++)
                ev[(i * 3 + j) * 4 + q] = (i + 1) * (j + 1);
    expect_f64(r, 4, SHAPE(2, 3, 2, 2), ev);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_vec_with_stack)
{
    /* [1,1] @ (2,2,3) stack -> (2,3): column sums of each matrix. */
    double bv[] = {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60};
    NdArray *a = f64(1, SHAPE(2), (double[]){1, 1}, 2);
    NdArray *b = f64(3, SHAPE(2, 2, 3), bv, 12);
    NdArray *r = nd_matmul(a, b);
    expect_f64(r, 2, SHAPE(2, 3), (double[]){5, 7, 9, 50, 70, 90});
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_transposed_operand)
{
    /* A.T with A = [[1,2],[3,4]]: [[1,3],[2,4]] @ [[1,0],[0,1]] */
    NdArray *a = f64(2, SHAPE(2, 2), (double[]){1, 2, 3, 4}, 4);
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *id = f64(2, SHAPE(2, 2), (double[]){1, 0, 0, 1}, 4);
    NdArray *r = nd_matmul(t, id);
    expect_f64(r, 2, SHAPE(2, 2), (double[]){1, 3, 2, 4});
    nd_decref(r);
    nd_decref(t);
    nd_decref(a);
    nd_decref(id);
}
END_TEST

START_TEST(matmul_large_blocks)
{
    /* Bigger than one cache block in every dimension: A = ones(70,300),
     * B[p][j] = j, so C[i][j] = 300 j. */
    const int64_t n = 70, k = 300, m = 260;
    NdArray *a = nd_ones(ND_FLOAT64, 2, SHAPE(n, k), 'C');
    NdArray *b = nd_empty(ND_FLOAT64, 2, SHAPE(k, m), 'C');
    for (int64_t p = 0; p < k; p++)
        for (int64_t j = 0; j < m; j++)
            ((double *)b->data)[p * m + j] = (double)j;
    NdArray *r = nd_matmul(a, b);
    ck_assert_ptr_nonnull(r);
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < m; j++)
            ck_assert_double_eq(((double *)r->data)[i * m + j], 300.0 * j);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_int8_wraps)
{
    /* 1*100 + 2*100 = 300 -> 44 in int8 */
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, 2);
    NdArray *b = ARR(ND_INT8, int8_t, SHAPE(2), 1, 100, 100);
    NdArray *r = nd_matmul(a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_INT8);
    ck_assert_int_eq(r->ndim, 0);
    ck_assert_int_eq(((int8_t *)r->data)[0], 44);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_mixed_dtypes_promote)
{
    /* int8 @ uint8 -> int16: 1*100 + 2*100 = 300, no wrap. */
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, 2);
    NdArray *b = ARR(ND_UINT8, uint8_t, SHAPE(2), 1, 100, 100);
    NdArray *r = nd_matmul(a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_INT16);
    ck_assert_int_eq(((int16_t *)r->data)[0], 300);
    nd_decref(r);
    nd_decref(b);
    NdArray *c = ARR(ND_FLOAT32, float, SHAPE(2), 1, 0.5f, 0.25f);
    r = nd_matmul(a, c);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT32);
    ck_assert_float_eq(((float *)r->data)[0], 1.0f);
    nd_decref(r);
    nd_decref(c);
    nd_decref(a);
}
END_TEST

START_TEST(matmul_bool_is_or_of_and)
{
    /* [[T,F],[F,F]] @ [[F,T],[T,T]] = [[F,T],[F,F]] */
    NdArray *a = ARR(ND_BOOL, bool, SHAPE(2, 2), 2, true, false, false, false);
    NdArray *b = ARR(ND_BOOL, bool, SHAPE(2, 2), 2, false, true, true, true);
    NdArray *r = nd_matmul(a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_BOOL);
    const unsigned char *d = (const unsigned char *)r->data;
    ck_assert_int_eq(d[0], 0);
    ck_assert_int_eq(d[1], 1);
    ck_assert_int_eq(d[2], 0);
    ck_assert_int_eq(d[3], 0);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_complex)
{
    /* [1+i, 2] @ [1-i, i] = (1+i)(1-i) + 2i = 2+2i */
    NdArray *a = nd_from_data(ND_COMPLEX128, 1, SHAPE(2),
                              (nd_complex128[]){{1, 1}, {2, 0}}, 2);
    NdArray *b = nd_from_data(ND_COMPLEX128, 1, SHAPE(2),
                              (nd_complex128[]){{1, -1}, {0, 1}}, 2);
    NdArray *r = nd_matmul(a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_COMPLEX128);
    const nd_complex128 *d = (const nd_complex128 *)r->data;
    ck_assert_double_eq(d[0].re, 2);
    ck_assert_double_eq(d[0].im, 2);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_empty_and_k_zero)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 2, SHAPE(0, 3), 'C');
    NdArray *b = nd_ones(ND_FLOAT64, 2, SHAPE(3, 2), 'C');
    NdArray *r = nd_matmul(a, b);
    expect_f64(r, 2, SHAPE(0, 2), NULL);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
    /* k = 0: an empty sum is 0 */
    a = nd_ones(ND_FLOAT64, 2, SHAPE(2, 0), 'C');
    b = nd_ones(ND_FLOAT64, 2, SHAPE(0, 2), 'C');
    r = nd_matmul(a, b);
    expect_f64(r, 2, SHAPE(2, 2), (double[]){0, 0, 0, 0});
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(matmul_invalid_flag)
{
    /* inf*0 is nan with "invalid encountered in matmul". */
    NdArray *a = f64(1, SHAPE(2), (double[]){INFINITY, 1}, 2);
    NdArray *b = f64(1, SHAPE(2), (double[]){0, 1}, 2);
    nd_fpe_clear();
    NdArray *r = nd_matmul(a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert(isnan(((double *)r->data)[0]));
    ck_assert_uint_eq(nd_fpe_status() & INV, INV);
    ck_assert_str_eq(nd_fpe_origin(INV), "matmul");
    nd_fpe_clear();
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

static void expect_matmul_error(int an, const int64_t *as, int bn,
                                const int64_t *bs, const char *msg)
{
    NdArray *a = nd_zeros(ND_FLOAT64, an, as, 'C');
    NdArray *b = nd_zeros(ND_FLOAT64, bn, bs, 'C');
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_null(nd_matmul(a, b));
    ck_assert_nd_error(ND_ERR_VALUE, msg);
    nd_decref(a);
    nd_decref(b);
}

START_TEST(matmul_errors_0d)
{
    expect_matmul_error(0, NULL, 1, SHAPE(2),
                        "matmul: Input operand 0 does not have enough "
                        "dimensions (has 0, gufunc core with signature "
                        "(n?,k),(k,m?)->(n?,m?) requires 1)");
    expect_matmul_error(1, SHAPE(2), 0, NULL,
                        "matmul: Input operand 1 does not have enough "
                        "dimensions (has 0, gufunc core with signature "
                        "(n?,k),(k,m?)->(n?,m?) requires 1)");
}
END_TEST

START_TEST(matmul_errors_core_mismatch)
{
    const char *msg = "matmul: Input operand 1 has a mismatch in its core "
                      "dimension 0, with gufunc signature "
                      "(n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)";
    expect_matmul_error(1, SHAPE(3), 2, SHAPE(2, 2), msg);
    expect_matmul_error(2, SHAPE(2, 3), 2, SHAPE(2, 2), msg);
    expect_matmul_error(2, SHAPE(2, 3), 1, SHAPE(2), msg);
    expect_matmul_error(1, SHAPE(3), 1, SHAPE(2), msg);
    /* checked before the stacks */
    expect_matmul_error(3, SHAPE(2, 4, 3), 3, SHAPE(3, 5, 5),
                        "matmul: Input operand 1 has a mismatch in its core "
                        "dimension 0, with gufunc signature "
                        "(n?,k),(k,m?)->(n?,m?) (size 5 is different from 3)");
}
END_TEST

START_TEST(matmul_errors_stack_broadcast)
{
    expect_matmul_error(3, SHAPE(2, 4, 3), 3, SHAPE(3, 3, 5),
                        "operands could not be broadcast together with "
                        "remapped shapes [original->remapped]: "
                        "(2,4,3)->(2,newaxis,newaxis) "
                        "(3,3,5)->(3,newaxis,newaxis)  and requested shape "
                        "(4,5)");
    expect_matmul_error(4, SHAPE(2, 3, 4, 3), 3, SHAPE(4, 3, 5),
                        "operands could not be broadcast together with "
                        "remapped shapes [original->remapped]: "
                        "(2,3,4,3)->(2,3,newaxis,newaxis) "
                        "(4,3,5)->(4,newaxis,newaxis)  and requested shape "
                        "(4,5)");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("kernels");
    TCase *tc = tcase_create("tables");
    tcase_add_test(tc, table_order_matches_numpy);
    tcase_add_test(tc, table_sizes);
    tcase_add_test(tc, table_output_types);
    suite_add_tcase(s, tc);

    tc = tcase_create("arithmetic");
    tcase_add_test(tc, add_bool_is_or);
    tcase_add_test(tc, multiply_bool_is_and);
    tcase_add_test(tc, add_int8_wraps);
    tcase_add_test(tc, add_int32_int64_wrap);
    tcase_add_test(tc, subtract_uint8_wraps);
    tcase_add_test(tc, subtract_int16);
    tcase_add_test(tc, multiply_ints_wrap);
    tcase_add_test(tc, arith_floats);
    tcase_add_test(tc, true_divide_floats);
    suite_add_tcase(s, tc);

    tc = tcase_create("division");
    tcase_add_test(tc, floor_divide_signed_signs);
    tcase_add_test(tc, floor_divide_int_by_zero);
    tcase_add_test(tc, floor_divide_status_origin);
    tcase_add_test(tc, floor_divide_int_min_by_minus_one);
    tcase_add_test(tc, remainder_signed_signs);
    tcase_add_test(tc, remainder_int_by_zero);
    tcase_add_test(tc, floor_divide_float_signs);
    tcase_add_test(tc, floor_divide_float_zero_and_inf);
    tcase_add_test(tc, remainder_float_signs);
    tcase_add_test(tc, remainder_float_special);
    suite_add_tcase(s, tc);

    tc = tcase_create("power");
    tcase_add_test(tc, power_signed);
    tcase_add_test(tc, power_unsigned);
    tcase_add_test(tc, power_negative_exponent_is_error);
    tcase_add_test(tc, power_float);
    tcase_add_test(tc, power_complex_integer_exponents);
    tcase_add_test(tc, power_complex_zero_base);
    tcase_add_test(tc, power_complex_general);
    suite_add_tcase(s, tc);

    tc = tcase_create("comparison");
    tcase_add_test(tc, compare_ints);
    tcase_add_test(tc, compare_bool);
    tcase_add_test(tc, compare_float_nan_is_quiet);
    tcase_add_test(tc, compare_complex_lexicographic);
    tcase_add_test(tc, compare_complex_nan);
    suite_add_tcase(s, tc);

    tc = tcase_create("logical_bitwise");
    tcase_add_test(tc, logical_ops_every_kind);
    tcase_add_test(tc, logical_not_every_kind);
    tcase_add_test(tc, bitwise_bool);
    tcase_add_test(tc, bitwise_ints);
    tcase_add_test(tc, left_shift_past_width);
    tcase_add_test(tc, right_shift_past_width);
    tcase_add_test(tc, invert_bool_and_ints);
    suite_add_tcase(s, tc);

    tc = tcase_create("unary");
    tcase_add_test(tc, negative_kinds);
    tcase_add_test(tc, positive_kinds);
    tcase_add_test(tc, absolute_int_min_stays);
    tcase_add_test(tc, absolute_float_and_complex);
    suite_add_tcase(s, tc);

    tc = tcase_create("complex");
    tcase_add_test(tc, complex_add_subtract);
    tcase_add_test(tc, complex_multiply);
    tcase_add_test(tc, complex_divide_smith);
    tcase_add_test(tc, complex_divide_by_zero);
    suite_add_tcase(s, tc);

    tc = tcase_create("plumbing");
    tcase_add_test(tc, zero_length_loops);
    tcase_add_test(tc, output_stride_zero_accumulates);
    tcase_add_test(tc, partial_overlap_is_sequential);
    suite_add_tcase(s, tc);

    tc = tcase_create("driver");
    tcase_add_test(tc, driver_int8_wraps);
    tcase_add_test(tc, driver_floor_divide_by_zero_flag);
    tcase_add_test(tc, driver_power_negative_error);
    tcase_add_test(tc, driver_float_flags_and_strided);
    tcase_add_test(tc, driver_absolute_complex);
    suite_add_tcase(s, tc);

    tc = tcase_create("matmul");
    tcase_add_test(tc, matmul_2d);
    tcase_add_test(tc, matmul_vec_mat);
    tcase_add_test(tc, matmul_mat_vec);
    tcase_add_test(tc, matmul_vec_vec_is_0d);
    tcase_add_test(tc, matmul_batched_broadcast);
    tcase_add_test(tc, matmul_vec_with_stack);
    tcase_add_test(tc, matmul_transposed_operand);
    tcase_add_test(tc, matmul_large_blocks);
    tcase_add_test(tc, matmul_int8_wraps);
    tcase_add_test(tc, matmul_mixed_dtypes_promote);
    tcase_add_test(tc, matmul_bool_is_or_of_and);
    tcase_add_test(tc, matmul_complex);
    tcase_add_test(tc, matmul_empty_and_k_zero);
    tcase_add_test(tc, matmul_invalid_flag);
    tcase_add_test(tc, matmul_errors_0d);
    tcase_add_test(tc, matmul_errors_core_mismatch);
    tcase_add_test(tc, matmul_errors_stack_broadcast);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(suite());
}
