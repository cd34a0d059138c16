/* test_format.c — the printing room (lib/format.c): str and repr of arrays of
 * every dtype, the str of scalars and the print options.  Every expected text
 * below was printed by NumPy itself (str(a), and repr(a) with NumPy 2's rule
 * of adding shape=(...) to a summarised array), never by our own code. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "testutil.h"

static void set_options(int precision, int64_t threshold, int edgeitems,
                        int linewidth, bool suppress)
{
    NdPrintOptions o = {precision, threshold, edgeitems, linewidth, suppress};
    ck_assert_int_eq(nd_set_printoptions(&o), 0);
}

/* Every test leaves the defaults behind, also when Check runs without
 * forking. */
static void reset_options(void)
{
    set_options(8, 1000, 3, 75, false);
}

/* Compare str and repr with NumPy's text, then release the array. */
static void check_text(NdArray *a, const char *str, const char *repr)
{
    ck_assert_ptr_nonnull(a);
    char *s = nd_array_str(a);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, str);
    free(s);
    char *r = nd_array_repr(a);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(r, repr);
    free(r);
    nd_decref(a);
}

static void check_scalar(NdScalar s, const char *expected)
{
    char *t = nd_scalar_str(&s);
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(t, expected);
    free(t);
}

/* 0, 1, 2, ... in C order with the given shape (NumPy's arange(n).reshape);
 * values are written per dtype so no cast code is involved. */
static NdArray *iota(NdType t, int ndim, const int64_t *shape)
{
    int64_t n = 1;
    for (int i = 0; i < ndim; i++)
        n *= shape[i];
    size_t item = nd_dtype_size(t);
    unsigned char *buf = malloc((size_t)n * item + 1);
    ck_assert_ptr_nonnull(buf);
    for (int64_t i = 0; i < n; i++) {
        unsigned char *p = buf + (size_t)i * item;
        switch (t) {
        case ND_INT64: {
            int64_t v = i;
            memcpy(p, &v, sizeof v);
            break;
        }
        case ND_INT32: {
            int32_t v = (int32_t)i;
            memcpy(p, &v, sizeof v);
            break;
        }
        case ND_UINT16: {
            uint16_t v = (uint16_t)i;
            memcpy(p, &v, sizeof v);
            break;
        }
        case ND_FLOAT64: {
            double v = (double)i;
            memcpy(p, &v, sizeof v);
            break;
        }
        default:
            ck_abort_msg("iota: unsupported dtype");
        }
    }
    NdArray *a = nd_from_data(t, ndim, shape, buf, n);
    free(buf);
    ck_assert_ptr_nonnull(a);
    return a;
}

/* Multiply the int64 elements [from, to) of a 1-d array by k. */
static void scale_middle(NdArray *a, int64_t from, int64_t to, int64_t k)
{
    for (int64_t i = from; i < to; i++) {
        int64_t v;
        memcpy(&v, a->data + i * a->strides[0], sizeof v);
        v *= k;
        memcpy(a->data + i * a->strides[0], &v, sizeof v);
    }
}

/* A.T (a view with reversed strides); releases the base. */
static NdArray *transposed(NdArray *a)
{
    NdArray *t = nd_transpose(a, NULL, 0);
    nd_decref(a);
    ck_assert_ptr_nonnull(t);
    ck_assert(!(t->flags & ND_C_CONTIGUOUS) || t->ndim < 2);
    return t;
}

/* a[::-1] of a 1-d array: a view with a negative stride; releases a. */
static NdArray *reversed(NdArray *a)
{
    int64_t n = a->shape[0], stride = -a->strides[0];
    NdArray *r = nd_view_new(a->buffer, a->dtype, 1, &n, &stride,
                             a->data + (n - 1) * a->strides[0], true);
    nd_decref(a);
    ck_assert_ptr_nonnull(r);
    return r;
}

START_TEST(test_int64_row)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(3), 1, 1, 2, 3);
    check_text(a, "[1 2 3]", "array([1, 2, 3])");
}
END_TEST

START_TEST(test_int64_matrix)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2, 3), 2, 1, 2, 3, 4, 5, 6);
    check_text(a,
               "[[1 2 3]\n"
               " [4 5 6]]",
               "array([[1, 2, 3],\n"
               "       [4, 5, 6]])");
}
END_TEST

START_TEST(test_int_negative_alignment)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, -1, 10, -100, 7);
    check_text(a,
               "[[  -1   10]\n"
               " [-100    7]]",
               "array([[  -1,   10],\n"
               "       [-100,    7]])");
}
END_TEST

START_TEST(test_int8_dtype)
{
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(4), 1, -128, 0, 5, 127);
    check_text(a, "[-128    0    5  127]",
               "array([-128,    0,    5,  127], dtype=int8)");
}
END_TEST

START_TEST(test_int16_dtype)
{
    NdArray *a = ARR(ND_INT16, int16_t, SHAPE(3), 1, -300, 2, 32767);
    check_text(a, "[ -300     2 32767]",
               "array([ -300,     2, 32767], dtype=int16)");
}
END_TEST

START_TEST(test_int32_dtype)
{
    NdArray *a = ARR(ND_INT32, int32_t, SHAPE(2), 1, INT32_MIN, 1);
    check_text(a, "[-2147483648           1]",
               "array([-2147483648,           1], dtype=int32)");
}
END_TEST

START_TEST(test_uint8_dtype)
{
    NdArray *a = ARR(ND_UINT8, uint8_t, SHAPE(3), 1, 0, 7, 255);
    check_text(a, "[  0   7 255]", "array([  0,   7, 255], dtype=uint8)");
}
END_TEST

START_TEST(test_uint32_dtype)
{
    NdArray *a = ARR(ND_UINT32, uint32_t, SHAPE(2), 1, 4294967295u, 3);
    check_text(a, "[4294967295          3]",
               "array([4294967295,          3], dtype=uint32)");
}
END_TEST

START_TEST(test_uint64_max)
{
    NdArray *a = ARR(ND_UINT64, uint64_t, SHAPE(2), 1, UINT64_MAX, 1);
    check_text(
        a, "[18446744073709551615                    1]",
        "array([18446744073709551615,                    1], dtype=uint64)");
}
END_TEST

START_TEST(test_int64_extremes)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2), 1, INT64_MIN, INT64_MAX);
    check_text(a, "[-9223372036854775808  9223372036854775807]",
               "array([-9223372036854775808,  9223372036854775807])");
}
END_TEST

START_TEST(test_bool_row)
{
    NdArray *a = ARR(ND_BOOL, bool, SHAPE(2), 1, true, false);
    check_text(a, "[ True False]", "array([ True, False])");
}
END_TEST

START_TEST(test_bool_matrix)
{
    NdArray *a = ARR(ND_BOOL, bool, SHAPE(2, 2), 2, false, true, true, true);
    check_text(a,
               "[[False  True]\n"
               " [ True  True]]",
               "array([[False,  True],\n"
               "       [ True,  True]])");
}
END_TEST

START_TEST(test_float_trailing_pad)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3), 1, 0.0, 0.25, 1.0);
    check_text(a, "[0.   0.25 1.  ]", "array([0.  , 0.25, 1.  ])");
}
END_TEST

START_TEST(test_float_negative)
{
    NdArray *a =
        ARR(ND_FLOAT64, double, SHAPE(2, 2), 2, -1.5, 2.25, 3.0, -0.125);
    check_text(a,
               "[[-1.5    2.25 ]\n"
               " [ 3.    -0.125]]",
               "array([[-1.5  ,  2.25 ],\n"
               "       [ 3.   , -0.125]])");
}
END_TEST

START_TEST(test_float_shortest_digits)
{
    NdArray *a =
        ARR(ND_FLOAT64, double, SHAPE(3), 1, 0.1, 0.2, 0.30000000000000004);
    check_text(a, "[0.1 0.2 0.3]", "array([0.1, 0.2, 0.3])");
}
END_TEST

START_TEST(test_float_precision_cutoff)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2), 1, 1.0 / 3.0, 2.0 / 3.0);
    check_text(a, "[0.33333333 0.66666667]", "array([0.33333333, 0.66666667])");
}
END_TEST

START_TEST(test_float_signed_zero)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2), 1, 0.0, -0.0);
    check_text(a, "[ 0. -0.]", "array([ 0., -0.])");
}
END_TEST

START_TEST(test_float_nan_inf)
{
    NdArray *a =
        ARR(ND_FLOAT64, double, SHAPE(4), 1, NAN, INFINITY, -INFINITY, 1.5);
    check_text(a, "[ nan  inf -inf  1.5]", "array([ nan,  inf, -inf,  1.5])");
}
END_TEST

START_TEST(test_float_only_nonfinite)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2), 1, NAN, -INFINITY);
    check_text(a, "[ nan -inf]", "array([ nan, -inf])");
}
END_TEST

START_TEST(test_float_sci_small)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2), 1, 1e-05, 1.0);
    check_text(a, "[1.e-05 1.e+00]", "array([1.e-05, 1.e+00])");
}
END_TEST

START_TEST(test_float_sci_large)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3), 1, 1e8, 1.5, -2.0);
    check_text(a, "[ 1.0e+08  1.5e+00 -2.0e+00]",
               "array([ 1.0e+08,  1.5e+00, -2.0e+00])");
}
END_TEST

START_TEST(test_float_sci_ratio)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2), 1, 1.0, 1001.0);
    check_text(a, "[1.000e+00 1.001e+03]", "array([1.000e+00, 1.001e+03])");
}
END_TEST

START_TEST(test_float_sci_wide_exponent)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3), 1, 1e100, 1e-100, NAN);
    check_text(a, "[1.e+100 1.e-100     nan]",
               "array([1.e+100, 1.e-100,     nan])");
}
END_TEST

START_TEST(test_float_sci_padded_digits)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3), 1, 1.5, 12345678901.0, 0.1);
    check_text(a, "[1.50000000e+00 1.23456789e+10 1.00000000e-01]",
               "array([1.50000000e+00, 1.23456789e+10, 1.00000000e-01])");
}
END_TEST

START_TEST(test_float_big_positional)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2), 1, 12345678.9, 99999.5);
    check_text(a, "[12345678.9    99999.5]", "array([12345678.9,    99999.5])");
}
END_TEST

START_TEST(test_float_round_up_carry)
{
    NdArray *a =
        ARR(ND_FLOAT64, double, SHAPE(2), 1, 0.999999999, 9.9999999999);
    check_text(a, "[ 1. 10.]", "array([ 1., 10.])");
}
END_TEST

START_TEST(test_float_suppress)
{
    set_options(8, 1000, 3, 75, true);
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3), 1, 1e-10, -1e-10, 1.0);
    check_text(a, "[ 0. -0.  1.]", "array([ 0., -0.,  1.])");
}
END_TEST

START_TEST(test_float_suppress_rounding)
{
    set_options(8, 1000, 3, 75, true);
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3), 1, 6e-9, 4e-9, 123456.0);
    check_text(a, "[     0.00000001      0.         123456.        ]",
               "array([     0.00000001,      0.        , 123456.        ])");
}
END_TEST

START_TEST(test_float_precision_3)
{
    set_options(3, 1000, 3, 75, false);
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3), 1, 3.141592653589793,
                     2.718281828459045, -1.0);
    check_text(a, "[ 3.142  2.718 -1.   ]", "array([ 3.142,  2.718, -1.   ])");
}
END_TEST

START_TEST(test_float_precision_ties_even)
{
    set_options(2, 1000, 3, 75, false);
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(4), 1, 0.125, 0.375, 0.625, 0.5);
    check_text(a, "[0.12 0.38 0.62 0.5 ]", "array([0.12, 0.38, 0.62, 0.5 ])");
}
END_TEST

START_TEST(test_float_precision_0)
{
    set_options(0, 1000, 3, 75, false);
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3), 1, 0.5, 1.5, 2.5);
    check_text(a, "[0. 2. 2.]", "array([0., 2., 2.])");
}
END_TEST

START_TEST(test_float32_digits)
{
    NdArray *a = ARR(ND_FLOAT32, float, SHAPE(3), 1, 0.1f, 0.2f, 16777216.0f);
    check_text(
        a, "[1.0000000e-01 2.0000000e-01 1.6777216e+07]",
        "array([1.0000000e-01, 2.0000000e-01, 1.6777216e+07], dtype=float32)");
}
END_TEST

START_TEST(test_float32_sci_pad)
{
    NdArray *a = ARR(ND_FLOAT32, float, SHAPE(2), 1, 0.1f, 123456789.0f);
    check_text(a, "[1.0000000e-01 1.2345679e+08]",
               "array([1.0000000e-01, 1.2345679e+08], dtype=float32)");
}
END_TEST

START_TEST(test_complex128_row)
{
    NdArray *a =
        ARR(ND_COMPLEX128, nd_complex128, SHAPE(2), 1, {1, 2}, {3, -4});
    check_text(a, "[1.+2.j 3.-4.j]", "array([1.+2.j, 3.-4.j])");
}
END_TEST

/* NumPy's input was [1.5+0j, -10+0.25j, -1j]; Python's -1j has a real part
 * of -0.0, which prints as "-0.". */
START_TEST(test_complex_columns)
{
    NdArray *a = ARR(ND_COMPLEX128, nd_complex128, SHAPE(3), 1, {1.5, 0},
                     {-10, 0.25}, {-0.0, -1});
    check_text(a, "[  1.5+0.j   -10. +0.25j  -0. -1.j  ]",
               "array([  1.5+0.j  , -10. +0.25j,  -0. -1.j  ])");
}
END_TEST

START_TEST(test_complex_nonfinite)
{
    NdArray *a = ARR(ND_COMPLEX128, nd_complex128, SHAPE(3), 1, {1, 1},
                     {NAN, 0}, {1, INFINITY});
    check_text(a, "[ 1. +1.j nan +0.j  1.+infj]",
               "array([ 1. +1.j, nan +0.j,  1.+infj])");
}
END_TEST

START_TEST(test_complex_sci)
{
    NdArray *a =
        ARR(ND_COMPLEX128, nd_complex128, SHAPE(2), 1, {1e-5, 1}, {2, 3e10});
    check_text(a, "[1.e-05+1.e+00j 2.e+00+3.e+10j]",
               "array([1.e-05+1.e+00j, 2.e+00+3.e+10j])");
}
END_TEST

START_TEST(test_complex64_dtype)
{
    NdArray *a =
        ARR(ND_COMPLEX64, nd_complex64, SHAPE(2), 1, {0.1f, -0.5f}, {2, 0});
    check_text(a, "[0.1-0.5j 2. +0.j ]",
               "array([0.1-0.5j, 2. +0.j ], dtype=complex64)");
}
END_TEST

START_TEST(test_zero_d_int)
{
    NdArray *a = ARR(ND_INT64, int64_t, NULL, 0, 5);
    check_text(a, "5", "array(5)");
}
END_TEST

START_TEST(test_zero_d_float32)
{
    NdArray *a = ARR(ND_FLOAT32, float, NULL, 0, 1.5f);
    check_text(a, "1.5", "array(1.5, dtype=float32)");
}
END_TEST

START_TEST(test_zero_d_float_precision)
{
    NdArray *a = ARR(ND_FLOAT64, double, NULL, 0, 1.0 / 3.0);
    check_text(a, "0.3333333333333333", "array(0.33333333)");
}
END_TEST

START_TEST(test_zero_d_bool)
{
    NdArray *a = ARR(ND_BOOL, bool, NULL, 0, true);
    check_text(a, "True", "array(True)");
}
END_TEST

START_TEST(test_zero_d_complex)
{
    NdArray *a = ARR(ND_COMPLEX128, nd_complex128, NULL, 0, {1, 2});
    check_text(a, "(1+2j)", "array(1.+2.j)");
}
END_TEST

START_TEST(test_zero_d_nan)
{
    NdArray *a = ARR(ND_FLOAT64, double, NULL, 0, NAN);
    check_text(a, "nan", "array(nan)");
}
END_TEST

START_TEST(test_zero_d_uint8)
{
    NdArray *a = ARR(ND_UINT8, uint8_t, NULL, 0, 200);
    check_text(a, "200", "array(200, dtype=uint8)");
}
END_TEST

START_TEST(test_empty_1d)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 1, SHAPE(0), 'C');
    check_text(a, "[]", "array([], dtype=float64)");
}
END_TEST

START_TEST(test_empty_2d)
{
    NdArray *a = nd_zeros(ND_INT64, 2, SHAPE(0, 3), 'C');
    check_text(a, "[]", "array([], shape=(0, 3), dtype=int64)");
}
END_TEST

START_TEST(test_empty_bool_3d)
{
    NdArray *a = nd_zeros(ND_BOOL, 3, SHAPE(2, 0, 1), 'C');
    check_text(a, "[]", "array([], shape=(2, 0, 1), dtype=bool)");
}
END_TEST

START_TEST(test_empty_int8)
{
    NdArray *a = nd_zeros(ND_INT8, 1, SHAPE(0), 'C');
    check_text(a, "[]", "array([], dtype=int8)");
}
END_TEST

START_TEST(test_nd_3d_blank_line)
{
    NdArray *a = iota(ND_INT64, 3, SHAPE(2, 3, 4));
    check_text(a,
               "[[[ 0  1  2  3]\n"
               "  [ 4  5  6  7]\n"
               "  [ 8  9 10 11]]\n"
               "\n"
               " [[12 13 14 15]\n"
               "  [16 17 18 19]\n"
               "  [20 21 22 23]]]",
               "array([[[ 0,  1,  2,  3],\n"
               "        [ 4,  5,  6,  7],\n"
               "        [ 8,  9, 10, 11]],\n"
               "\n"
               "       [[12, 13, 14, 15],\n"
               "        [16, 17, 18, 19],\n"
               "        [20, 21, 22, 23]]])");
}
END_TEST

START_TEST(test_nd_4d_two_blank_lines)
{
    NdArray *a = iota(ND_INT64, 4, SHAPE(2, 2, 2, 2));
    check_text(a,
               "[[[[ 0  1]\n"
               "   [ 2  3]]\n"
               "\n"
               "  [[ 4  5]\n"
               "   [ 6  7]]]\n"
               "\n"
               "\n"
               " [[[ 8  9]\n"
               "   [10 11]]\n"
               "\n"
               "  [[12 13]\n"
               "   [14 15]]]]",
               "array([[[[ 0,  1],\n"
               "         [ 2,  3]],\n"
               "\n"
               "        [[ 4,  5],\n"
               "         [ 6,  7]]],\n"
               "\n"
               "\n"
               "       [[[ 8,  9],\n"
               "         [10, 11]],\n"
               "\n"
               "        [[12, 13],\n"
               "         [14, 15]]]])");
}
END_TEST

START_TEST(test_nd_3d_float)
{
    NdArray *a = iota(ND_FLOAT64, 3, SHAPE(2, 2, 2));
    check_text(a,
               "[[[0. 1.]\n"
               "  [2. 3.]]\n"
               "\n"
               " [[4. 5.]\n"
               "  [6. 7.]]]",
               "array([[[0., 1.],\n"
               "        [2., 3.]],\n"
               "\n"
               "       [[4., 5.],\n"
               "        [6., 7.]]])");
}
END_TEST

START_TEST(test_wrap_int_row)
{
    NdArray *a = iota(ND_INT64, 1, SHAPE(40));
    check_text(a,
               "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 "
               "20 21 22 23\n"
               " 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39]",
               "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, "
               "14, 15, 16,\n"
               "       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, "
               "31, 32, 33,\n"
               "       34, 35, 36, 37, 38, 39])");
}
END_TEST

START_TEST(test_wrap_float_row)
{
    NdArray *a = iota(ND_FLOAT64, 1, SHAPE(30));
    check_text(a,
               "[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. "
               "15. 16. 17.\n"
               " 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.]",
               "array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., "
               "11., 12.,\n"
               "       13., 14., 15., 16., 17., 18., 19., 20., 21., 22., 23., "
               "24., 25.,\n"
               "       26., 27., 28., 29.])");
}
END_TEST

START_TEST(test_wrap_matrix_rows)
{
    NdArray *a = iota(ND_INT64, 2, SHAPE(2, 30));
    check_text(
        a,
        "[[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 "
        "22 23\n"
        "  24 25 26 27 28 29]\n"
        " [30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 "
        "52 53\n"
        "  54 55 56 57 58 59]]",
        "array([[ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, "
        "15,\n"
        "        16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29],\n"
        "       [30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, "
        "45,\n"
        "        46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59]])");
}
END_TEST

START_TEST(test_wrap_dtype_new_line)
{
    NdArray *a = iota(ND_UINT16, 1, SHAPE(11));
    check_text(
        a, "[ 0  1  2  3  4  5  6  7  8  9 10]",
        "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10], dtype=uint16)");
}
END_TEST

START_TEST(test_wrap_narrow_linewidth)
{
    set_options(8, 1000, 3, 20, false);
    NdArray *a = iota(ND_INT64, 1, SHAPE(12));
    check_text(a,
               "[ 0  1  2  3  4  5\n"
               "  6  7  8  9 10 11]",
               "array([ 0,  1,  2,\n"
               "        3,  4,  5,\n"
               "        6,  7,  8,\n"
               "        9, 10, 11])");
}
END_TEST

START_TEST(test_wrap_linewidth_1)
{
    set_options(8, 1000, 3, 1, false);
    NdArray *a = iota(ND_INT64, 2, SHAPE(2, 2));
    check_text(a,
               "[[0\n"
               "  1]\n"
               " [2\n"
               "  3]]",
               "array([[0,\n"
               "        1],\n"
               "       [2,\n"
               "        3]])");
}
END_TEST

START_TEST(test_summary_1d)
{
    NdArray *a = iota(ND_INT64, 1, SHAPE(2000));
    check_text(
        a, "[   0    1    2 ... 1997 1998 1999]",
        "array([   0,    1,    2, ..., 1997, 1998, 1999], shape=(2000,))");
}
END_TEST

START_TEST(test_summary_1d_float)
{
    NdArray *a = iota(ND_FLOAT64, 1, SHAPE(1001));
    check_text(a, "[   0.    1.    2. ...  998.  999. 1000.]",
               "array([   0.,    1.,    2., ...,  998.,  999., 1000.], "
               "shape=(1001,))");
}
END_TEST

START_TEST(test_summary_2d)
{
    NdArray *a = iota(ND_INT64, 2, SHAPE(40, 50));
    check_text(
        a,
        "[[   0    1    2 ...   47   48   49]\n"
        " [  50   51   52 ...   97   98   99]\n"
        " [ 100  101  102 ...  147  148  149]\n"
        " ...\n"
        " [1850 1851 1852 ... 1897 1898 1899]\n"
        " [1900 1901 1902 ... 1947 1948 1949]\n"
        " [1950 1951 1952 ... 1997 1998 1999]]",
        "array([[   0,    1,    2, ...,   47,   48,   49],\n"
        "       [  50,   51,   52, ...,   97,   98,   99],\n"
        "       [ 100,  101,  102, ...,  147,  148,  149],\n"
        "       ...,\n"
        "       [1850, 1851, 1852, ..., 1897, 1898, 1899],\n"
        "       [1900, 1901, 1902, ..., 1947, 1948, 1949],\n"
        "       [1950, 1951, 1952, ..., 1997, 1998, 1999]], shape=(40, 50))");
}
END_TEST

START_TEST(test_summary_3d)
{
    NdArray *a = iota(ND_INT64, 3, SHAPE(10, 10, 11));
    check_text(a,
               "[[[   0    1    2 ...    8    9   10]\n"
               "  [  11   12   13 ...   19   20   21]\n"
               "  [  22   23   24 ...   30   31   32]\n"
               "  ...\n"
               "  [  77   78   79 ...   85   86   87]\n"
               "  [  88   89   90 ...   96   97   98]\n"
               "  [  99  100  101 ...  107  108  109]]\n"
               "\n"
               " [[ 110  111  112 ...  118  119  120]\n"
               "  [ 121  122  123 ...  129  130  131]\n"
               "  [ 132  133  134 ...  140  141  142]\n"
               "  ...\n"
               "  [ 187  188  189 ...  195  196  197]\n"
               "  [ 198  199  200 ...  206  207  208]\n"
               "  [ 209  210  211 ...  217  218  219]]\n"
               "\n"
               " [[ 220  221  222 ...  228  229  230]\n"
               "  [ 231  232  233 ...  239  240  241]\n"
               "  [ 242  243  244 ...  250  251  252]\n"
               "  ...\n"
               "  [ 297  298  299 ...  305  306  307]\n"
               "  [ 308  309  310 ...  316  317  318]\n"
               "  [ 319  320  321 ...  327  328  329]]\n"
               "\n"
               " ...\n"
               "\n"
               " [[ 770  771  772 ...  778  779  780]\n"
               "  [ 781  782  783 ...  789  790  791]\n"
               "  [ 792  793  794 ...  800  801  802]\n"
               "  ...\n"
               "  [ 847  848  849 ...  855  856  857]\n"
               "  [ 858  859  860 ...  866  867  868]\n"
               "  [ 869  870  871 ...  877  878  879]]\n"
               "\n"
               " [[ 880  881  882 ...  888  889  890]\n"
               "  [ 891  892  893 ...  899  900  901]\n"
               "  [ 902  903  904 ...  910  911  912]\n"
               "  ...\n"
               "  [ 957  958  959 ...  965  966  967]\n"
               "  [ 968  969  970 ...  976  977  978]\n"
               "  [ 979  980  981 ...  987  988  989]]\n"
               "\n"
               " [[ 990  991  992 ...  998  999 1000]\n"
               "  [1001 1002 1003 ... 1009 1010 1011]\n"
               "  [1012 1013 1014 ... 1020 1021 1022]\n"
               "  ...\n"
               "  [1067 1068 1069 ... 1075 1076 1077]\n"
               "  [1078 1079 1080 ... 1086 1087 1088]\n"
               "  [1089 1090 1091 ... 1097 1098 1099]]]",
               "array([[[   0,    1,    2, ...,    8,    9,   10],\n"
               "        [  11,   12,   13, ...,   19,   20,   21],\n"
               "        [  22,   23,   24, ...,   30,   31,   32],\n"
               "        ...,\n"
               "        [  77,   78,   79, ...,   85,   86,   87],\n"
               "        [  88,   89,   90, ...,   96,   97,   98],\n"
               "        [  99,  100,  101, ...,  107,  108,  109]],\n"
               "\n"
               "       [[ 110,  111,  112, ...,  118,  119,  120],\n"
               "        [ 121,  122,  123, ...,  129,  130,  131],\n"
               "        [ 132,  133,  134, ...,  140,  141,  142],\n"
               "        ...,\n"
               "        [ 187,  188,  189, ...,  195,  196,  197],\n"
               "        [ 198,  199,  200, ...,  206,  207,  208],\n"
               "        [ 209,  210,  211, ...,  217,  218,  219]],\n"
               "\n"
               "       [[ 220,  221,  222, ...,  228,  229,  230],\n"
               "        [ 231,  232,  233, ...,  239,  240,  241],\n"
               "        [ 242,  243,  244, ...,  250,  251,  252],\n"
               "        ...,\n"
               "        [ 297,  298,  299, ...,  305,  306,  307],\n"
               "        [ 308,  309,  310, ...,  316,  317,  318],\n"
               "        [ 319,  320,  321, ...,  327,  328,  329]],\n"
               "\n"
               "       ...,\n"
               "\n"
               "       [[ 770,  771,  772, ...,  778,  779,  780],\n"
               "        [ 781,  782,  783, ...,  789,  790,  791],\n"
               "        [ 792,  793,  794, ...,  800,  801,  802],\n"
               "        ...,\n"
               "        [ 847,  848,  849, ...,  855,  856,  857],\n"
               "        [ 858,  859,  860, ...,  866,  867,  868],\n"
               "        [ 869,  870,  871, ...,  877,  878,  879]],\n"
               "\n"
               "       [[ 880,  881,  882, ...,  888,  889,  890],\n"
               "        [ 891,  892,  893, ...,  899,  900,  901],\n"
               "        [ 902,  903,  904, ...,  910,  911,  912],\n"
               "        ...,\n"
               "        [ 957,  958,  959, ...,  965,  966,  967],\n"
               "        [ 968,  969,  970, ...,  976,  977,  978],\n"
               "        [ 979,  980,  981, ...,  987,  988,  989]],\n"
               "\n"
               "       [[ 990,  991,  992, ...,  998,  999, 1000],\n"
               "        [1001, 1002, 1003, ..., 1009, 1010, 1011],\n"
               "        [1012, 1013, 1014, ..., 1020, 1021, 1022],\n"
               "        ...,\n"
               "        [1067, 1068, 1069, ..., 1075, 1076, 1077],\n"
               "        [1078, 1079, 1080, ..., 1086, 1087, 1088],\n"
               "        [1089, 1090, 1091, ..., 1097, 1098, 1099]]], "
               "shape=(10, 10, 11))");
}
END_TEST

START_TEST(test_summary_dtype_shape)
{
    NdArray *a = iota(ND_INT32, 1, SHAPE(1500));
    check_text(a, "[   0    1    2 ... 1497 1498 1499]",
               "array([   0,    1,    2, ..., 1497, 1498, 1499],\n"
               "      shape=(1500,), dtype=int32)");
}
END_TEST

START_TEST(test_summary_threshold_edgeitems)
{
    set_options(8, 5, 2, 75, false);
    NdArray *a = iota(ND_INT64, 1, SHAPE(10));
    check_text(a, "[0 1 ... 8 9]", "array([0, 1, ..., 8, 9], shape=(10,))");
}
END_TEST

START_TEST(test_summary_edgeitems_0)
{
    set_options(8, 5, 0, 75, false);
    NdArray *a = iota(ND_INT64, 1, SHAPE(10));
    check_text(a, "[... 9]", "array([..., 9], shape=(10,))");
}
END_TEST

START_TEST(test_summary_short_axis_kept)
{
    set_options(8, 5, 2, 75, false);
    NdArray *a = iota(ND_INT64, 2, SHAPE(2, 10));
    check_text(a,
               "[[ 0  1 ...  8  9]\n"
               " [10 11 ... 18 19]]",
               "array([[ 0,  1, ...,  8,  9],\n"
               "       [10, 11, ..., 18, 19]], shape=(2, 10))");
}
END_TEST

START_TEST(test_summary_widths_from_corners)
{
    set_options(8, 10, 3, 75, false);
    NdArray *a = iota(ND_INT64, 1, SHAPE(100));
    scale_middle(a, 3, 97, 1000);
    check_text(a, "[ 0  1  2 ... 97 98 99]",
               "array([ 0,  1,  2, ..., 97, 98, 99], shape=(100,))");
}
END_TEST

START_TEST(test_transposed)
{
    NdArray *a = transposed(iota(ND_INT64, 2, SHAPE(2, 3)));
    check_text(a,
               "[[0 3]\n"
               " [1 4]\n"
               " [2 5]]",
               "array([[0, 3],\n"
               "       [1, 4],\n"
               "       [2, 5]])");
}
END_TEST

START_TEST(test_transposed_3d_float)
{
    NdArray *a = transposed(iota(ND_FLOAT64, 3, SHAPE(2, 3, 2)));
    check_text(a,
               "[[[ 0.  6.]\n"
               "  [ 2.  8.]\n"
               "  [ 4. 10.]]\n"
               "\n"
               " [[ 1.  7.]\n"
               "  [ 3.  9.]\n"
               "  [ 5. 11.]]]",
               "array([[[ 0.,  6.],\n"
               "        [ 2.,  8.],\n"
               "        [ 4., 10.]],\n"
               "\n"
               "       [[ 1.,  7.],\n"
               "        [ 3.,  9.],\n"
               "        [ 5., 11.]]])");
}
END_TEST

START_TEST(test_negative_stride)
{
    NdArray *a = reversed(iota(ND_INT64, 1, SHAPE(5)));
    check_text(a, "[4 3 2 1 0]", "array([4, 3, 2, 1, 0])");
}
END_TEST

START_TEST(test_negative_stride_summary)
{
    NdArray *a = reversed(iota(ND_INT64, 1, SHAPE(2000)));
    check_text(
        a, "[1999 1998 1997 ...    2    1    0]",
        "array([1999, 1998, 1997, ...,    2,    1,    0], shape=(2000,))");
}
END_TEST

START_TEST(test_options_defaults)
{
    NdPrintOptions o;
    nd_get_printoptions(&o);
    ck_assert_int_eq(o.precision, 8);
    ck_assert_int_eq(o.threshold, 1000);
    ck_assert_int_eq(o.edgeitems, 3);
    ck_assert_int_eq(o.linewidth, 75);
    ck_assert(!o.suppress);
}
END_TEST

START_TEST(test_options_roundtrip)
{
    set_options(3, 10, 2, 40, true);
    NdPrintOptions o;
    nd_get_printoptions(&o);
    ck_assert_int_eq(o.precision, 3);
    ck_assert_int_eq(o.threshold, 10);
    ck_assert_int_eq(o.edgeitems, 2);
    ck_assert_int_eq(o.linewidth, 40);
    ck_assert(o.suppress);
}
END_TEST

START_TEST(test_options_rejected)
{
    NdPrintOptions good = {8, 1000, 3, 75, false}, o;
    o = good;
    o.precision = -1;
    ck_assert_int_eq(nd_set_printoptions(&o), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "precision must be >= 0");
    o = good;
    o.threshold = -1;
    ck_assert_int_eq(nd_set_printoptions(&o), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "threshold must be >= 0");
    o = good;
    o.edgeitems = -2;
    ck_assert_int_eq(nd_set_printoptions(&o), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "edgeitems must be >= 0");
    o = good;
    o.linewidth = 0;
    ck_assert_int_eq(nd_set_printoptions(&o), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "linewidth must be >= 1");
    /* a rejected call changes nothing */
    nd_get_printoptions(&o);
    ck_assert_int_eq(o.precision, 8);
    ck_assert_int_eq(o.linewidth, 75);
}
END_TEST

/* str of a 0-d array ignores the precision option (it is the scalar's str),
 * repr does not: NumPy prints '0.3333333333333333' and 'array(0.333)'. */
START_TEST(test_zero_d_precision_only_in_repr)
{
    set_options(3, 1000, 3, 75, false);
    NdArray *a = ARR(ND_FLOAT64, double, NULL, 0, 1.0 / 3.0);
    check_text(a, "0.3333333333333333", "array(0.333)");
}
END_TEST

START_TEST(test_scalar_str_float64)
{
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 0.1}, "0.1");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 1.0}, "1.0");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 1e16}, "1e+16");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 1e15},
                 "1000000000000000.0");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 1e-05}, "1e-05");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 0.0001}, "0.0001");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 1.5}, "1.5");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = -0.0}, "-0.0");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = INFINITY}, "inf");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = -INFINITY}, "-inf");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = NAN}, "nan");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 1.0 / 3.0},
                 "0.3333333333333333");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 1e23}, "1e+23");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 5e-324}, "5e-324");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = DBL_MAX},
                 "1.7976931348623157e+308");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 0.30000000000000004},
                 "0.30000000000000004");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = 123456789.125},
                 "123456789.125");
    check_scalar((NdScalar){.dtype = ND_FLOAT64, .v.f64 = -2.5e-300},
                 "-2.5e-300");
}
END_TEST

START_TEST(test_scalar_str_float32)
{
    check_scalar((NdScalar){.dtype = ND_FLOAT32, .v.f32 = 0.1f}, "0.1");
    check_scalar((NdScalar){.dtype = ND_FLOAT32, .v.f32 = 16777216.0f},
                 "16777216.0");
    check_scalar((NdScalar){.dtype = ND_FLOAT32, .v.f32 = 1e10f},
                 "10000000000.0");
    check_scalar((NdScalar){.dtype = ND_FLOAT32, .v.f32 = 3.4028235e38f},
                 "3.4028235e+38");
    check_scalar((NdScalar){.dtype = ND_FLOAT32, .v.f32 = 1e-45f}, "1e-45");
    check_scalar((NdScalar){.dtype = ND_FLOAT32, .v.f32 = 123456.789f},
                 "123456.79");
    check_scalar((NdScalar){.dtype = ND_FLOAT32, .v.f32 = 0.0001f}, "1e-04");
}
END_TEST

START_TEST(test_scalar_str_complex)
{
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {5, 5}},
                 "(5+5j)");
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {1.5, -2}},
                 "(1.5-2j)");
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {0, 1}}, "1j");
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {-0.0, -1}},
                 "(-0-1j)");
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {0, 0}}, "0j");
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {0, -0.0}},
                 "-0j");
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {1, -0.0}},
                 "(1-0j)");
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {NAN, NAN}},
                 "(nan+nanj)");
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {1, -INFINITY}},
                 "(1-infj)");
    check_scalar((NdScalar){.dtype = ND_COMPLEX128, .v.c128 = {1e20, 1e-5}},
                 "(1e+20+1e-05j)");
    check_scalar((NdScalar){.dtype = ND_COMPLEX64, .v.c64 = {0.1f, 0.2f}},
                 "(0.1+0.2j)");
}
END_TEST

START_TEST(test_scalar_str_bool)
{
    check_scalar((NdScalar){.dtype = ND_BOOL, .v.b = true}, "True");
    check_scalar((NdScalar){.dtype = ND_BOOL, .v.b = false}, "False");
}
END_TEST

START_TEST(test_scalar_str_int)
{
    check_scalar((NdScalar){.dtype = ND_UINT8, .v.u8 = 255}, "255");
    check_scalar((NdScalar){.dtype = ND_INT8, .v.i8 = -128}, "-128");
    check_scalar((NdScalar){.dtype = ND_INT64, .v.i64 = INT64_MIN},
                 "-9223372036854775808");
    check_scalar((NdScalar){.dtype = ND_UINT64, .v.u64 = UINT64_MAX},
                 "18446744073709551615");
    check_scalar((NdScalar){.dtype = ND_INT32, .v.i32 = -7}, "-7");
    check_scalar((NdScalar){.dtype = ND_UINT16, .v.u16 = 65535}, "65535");
}
END_TEST

static Suite *format_suite(void)
{
    Suite *s = suite_create("format");
    TCase *tc = tcase_create("format");
    tcase_add_checked_fixture(tc, NULL, reset_options);
    tcase_add_test(tc, test_options_defaults);
    tcase_add_test(tc, test_options_roundtrip);
    tcase_add_test(tc, test_options_rejected);
    tcase_add_test(tc, test_zero_d_precision_only_in_repr);
    tcase_add_test(tc, test_int64_row);
    tcase_add_test(tc, test_int64_matrix);
    tcase_add_test(tc, test_int_negative_alignment);
    tcase_add_test(tc, test_int8_dtype);
    tcase_add_test(tc, test_int16_dtype);
    tcase_add_test(tc, test_int32_dtype);
    tcase_add_test(tc, test_uint8_dtype);
    tcase_add_test(tc, test_uint32_dtype);
    tcase_add_test(tc, test_uint64_max);
    tcase_add_test(tc, test_int64_extremes);
    tcase_add_test(tc, test_bool_row);
    tcase_add_test(tc, test_bool_matrix);
    tcase_add_test(tc, test_float_trailing_pad);
    tcase_add_test(tc, test_float_negative);
    tcase_add_test(tc, test_float_shortest_digits);
    tcase_add_test(tc, test_float_precision_cutoff);
    tcase_add_test(tc, test_float_signed_zero);
    tcase_add_test(tc, test_float_nan_inf);
    tcase_add_test(tc, test_float_only_nonfinite);
    tcase_add_test(tc, test_float_sci_small);
    tcase_add_test(tc, test_float_sci_large);
    tcase_add_test(tc, test_float_sci_ratio);
    tcase_add_test(tc, test_float_sci_wide_exponent);
    tcase_add_test(tc, test_float_sci_padded_digits);
    tcase_add_test(tc, test_float_big_positional);
    tcase_add_test(tc, test_float_round_up_carry);
    tcase_add_test(tc, test_float_suppress);
    tcase_add_test(tc, test_float_suppress_rounding);
    tcase_add_test(tc, test_float_precision_3);
    tcase_add_test(tc, test_float_precision_ties_even);
    tcase_add_test(tc, test_float_precision_0);
    tcase_add_test(tc, test_float32_digits);
    tcase_add_test(tc, test_float32_sci_pad);
    tcase_add_test(tc, test_complex128_row);
    tcase_add_test(tc, test_complex_columns);
    tcase_add_test(tc, test_complex_nonfinite);
    tcase_add_test(tc, test_complex_sci);
    tcase_add_test(tc, test_complex64_dtype);
    tcase_add_test(tc, test_zero_d_int);
    tcase_add_test(tc, test_zero_d_float32);
    tcase_add_test(tc, test_zero_d_float_precision);
    tcase_add_test(tc, test_zero_d_bool);
    tcase_add_test(tc, test_zero_d_complex);
    tcase_add_test(tc, test_zero_d_nan);
    tcase_add_test(tc, test_zero_d_uint8);
    tcase_add_test(tc, test_empty_1d);
    tcase_add_test(tc, test_empty_2d);
    tcase_add_test(tc, test_empty_bool_3d);
    tcase_add_test(tc, test_empty_int8);
    tcase_add_test(tc, test_nd_3d_blank_line);
    tcase_add_test(tc, test_nd_4d_two_blank_lines);
    tcase_add_test(tc, test_nd_3d_float);
    tcase_add_test(tc, test_wrap_int_row);
    tcase_add_test(tc, test_wrap_float_row);
    tcase_add_test(tc, test_wrap_matrix_rows);
    tcase_add_test(tc, test_wrap_dtype_new_line);
    tcase_add_test(tc, test_wrap_narrow_linewidth);
    tcase_add_test(tc, test_wrap_linewidth_1);
    tcase_add_test(tc, test_summary_1d);
    tcase_add_test(tc, test_summary_1d_float);
    tcase_add_test(tc, test_summary_2d);
    tcase_add_test(tc, test_summary_3d);
    tcase_add_test(tc, test_summary_dtype_shape);
    tcase_add_test(tc, test_summary_threshold_edgeitems);
    tcase_add_test(tc, test_summary_edgeitems_0);
    tcase_add_test(tc, test_summary_short_axis_kept);
    tcase_add_test(tc, test_summary_widths_from_corners);
    tcase_add_test(tc, test_transposed);
    tcase_add_test(tc, test_transposed_3d_float);
    tcase_add_test(tc, test_negative_stride);
    tcase_add_test(tc, test_negative_stride_summary);
    tcase_add_test(tc, test_scalar_str_float64);
    tcase_add_test(tc, test_scalar_str_float32);
    tcase_add_test(tc, test_scalar_str_complex);
    tcase_add_test(tc, test_scalar_str_bool);
    tcase_add_test(tc, test_scalar_str_int);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(format_suite());
}
