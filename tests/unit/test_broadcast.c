/* test_broadcast.c — the broadcasting rules and the block iterator (iter.c):
 * shapes that combine and shapes that do not (with NumPy's messages), empty
 * and 0-d operands, the memory order of allocated results, strided,
 * reversed and stretched operands, casting through the buffers across
 * chunk boundaries, and outputs that alias their inputs.  Expected values
 * are worked by hand or taken from NumPy 2. */
#include <math.h>

#include "iter.h"
#include "testutil.h"

/* ---------------------------------------------------------------- helpers */

/* float64 array 0, 1, 2, ... of the given shape (C order). */
static NdArray *arange_f64(int ndim, const int64_t *shape)
{
    NdArray *a = nd_empty(ND_FLOAT64, ndim, shape, 'C');
    ck_assert_ptr_nonnull(a);
    for (int64_t i = 0; i < a->size; i++)
        ((double *)a->data)[i] = (double)i;
    return a;
}

static double f64_at(const NdArray *a, const int64_t *index)
{
    double v;
    memcpy(&v, nd_element_ptr(a, index), sizeof v);
    return v;
}

static NdArray *weak_int(int64_t v)
{
    NdScalar s = nd_scalar_int64(v);
    s.weak = true;
    return nd_from_scalar(&s);
}

static NdArray *strided_view(NdArray *a, NdType t, int ndim,
                             const int64_t *shape, const int64_t *strides,
                             int64_t byte_offset)
{
    NdArray *v = nd_view_new(a->buffer, t, ndim, shape, strides,
                             a->data + byte_offset, true);
    ck_assert_ptr_nonnull(v);
    return v;
}

/* ------------------------------------------------------ broadcast shapes */

START_TEST(shapes_compatible)
{
    NdArray *a = nd_empty(ND_INT8, 3, SHAPE(2, 1, 3), 'C');
    NdArray *b = nd_empty(ND_INT8, 2, SHAPE(4, 3), 'C');
    NdArray *c = nd_empty(ND_INT8, 0, NULL, 'C');
    NdArray *ops[3] = {a, b, c};
    int nd = -1;
    int64_t shape[ND_MAXDIMS];
    ck_assert_int_eq(nd_broadcast_shapes(3, ops, &nd, shape), 0);
    ck_assert_int_eq(nd, 3);
    ck_assert_int_eq(shape[0], 2);
    ck_assert_int_eq(shape[1], 4);
    ck_assert_int_eq(shape[2], 3);
    nd_decref(a);
    nd_decref(b);
    nd_decref(c);
}
END_TEST

START_TEST(shapes_scalars_only)
{
    NdArray *a = nd_empty(ND_INT8, 0, NULL, 'C');
    NdArray *ops[2] = {a, a};
    int nd = -1;
    int64_t shape[ND_MAXDIMS];
    ck_assert_int_eq(nd_broadcast_shapes(2, ops, &nd, shape), 0);
    ck_assert_int_eq(nd, 0);
    nd_decref(a);
}
END_TEST

START_TEST(shapes_zero_length)
{
    /* A length-1 axis stretches to 0; (2,1,3) with (0,1) gives (2,0,3). */
    NdArray *a = nd_empty(ND_INT8, 3, SHAPE(2, 1, 3), 'C');
    NdArray *b = nd_empty(ND_INT8, 2, SHAPE(0, 1), 'C');
    NdArray *ops[2] = {a, b};
    int nd;
    int64_t shape[ND_MAXDIMS];
    ck_assert_int_eq(nd_broadcast_shapes(2, ops, &nd, shape), 0);
    ck_assert_int_eq(nd, 3);
    ck_assert_int_eq(shape[0], 2);
    ck_assert_int_eq(shape[1], 0);
    ck_assert_int_eq(shape[2], 3);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(shapes_incompatible_message)
{
    NdArray *a = nd_empty(ND_INT8, 1, SHAPE(3), 'C');
    NdArray *b = nd_empty(ND_INT8, 1, SHAPE(4), 'C');
    NdArray *ops[2] = {a, b};
    int nd;
    int64_t shape[ND_MAXDIMS];
    ck_assert_int_eq(nd_broadcast_shapes(2, ops, &nd, shape), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "operands could not be broadcast "
                                     "together with shapes (3,) (4,) ");
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(shapes_incompatible_nd_message)
{
    NdArray *a = nd_empty(ND_INT8, 2, SHAPE(2, 3), 'C');
    NdArray *b = nd_empty(ND_INT8, 3, SHAPE(4, 1, 2), 'C');
    NdArray *c = nd_empty(ND_INT8, 0, NULL, 'C');
    NdArray *ops[3] = {a, b, c};
    int nd;
    int64_t shape[ND_MAXDIMS];
    ck_assert_int_eq(nd_broadcast_shapes(3, ops, &nd, shape), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "operands could not be broadcast "
                                     "together with shapes (2,3) (4,1,2) () ");
    nd_decref(a);
    nd_decref(b);
    nd_decref(c);
}
END_TEST

START_TEST(shapes_zero_vs_three)
{
    /* 0 is not 1: (2,0) and (3,1) do not combine. */
    NdArray *a = nd_empty(ND_INT8, 2, SHAPE(2, 0), 'C');
    NdArray *b = nd_empty(ND_INT8, 2, SHAPE(3, 1), 'C');
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_null(r);
    ck_assert_nd_error(ND_ERR_VALUE, "operands could not be broadcast "
                                     "together with shapes (2,0) (3,1) ");
    nd_decref(a);
    nd_decref(b);
}
END_TEST

/* ------------------------------------------------------ elementwise basics */

START_TEST(add_broadcast_row)
{
    NdArray *a = arange_f64(2, SHAPE(2, 3));
    NdArray *b = ARR(ND_FLOAT64, double, SHAPE(3), 1, 10, 20, 30);
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 2);
    ck_assert_int_eq(r->shape[0], 2);
    ck_assert_int_eq(r->shape[1], 3);
    const double want[6] = {10, 21, 32, 13, 24, 35};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(a);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(add_column_and_row)
{
    /* (3,1) + (4,) -> (3,4) outer sum. */
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3, 1), 2, 0, 100, 200);
    NdArray *b = ARR(ND_FLOAT64, double, SHAPE(4), 1, 1, 2, 3, 4);
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->shape[0], 3);
    ck_assert_int_eq(r->shape[1], 4);
    for (int64_t i = 0; i < 3; i++)
        for (int64_t j = 0; j < 4; j++)
            ck_assert_double_eq(f64_at(r, (int64_t[]){i, j}),
                                100.0 * (double)i + (double)(j + 1));
    nd_decref(a);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(zero_size_result)
{
    NdArray *a = nd_empty(ND_FLOAT64, 2, SHAPE(0, 3), 'C');
    NdArray *b = ARR(ND_FLOAT64, double, SHAPE(3), 1, 1, 2, 3);
    NdArray *r = nd_binary(ND_UF_MULTIPLY, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 2);
    ck_assert_int_eq(r->shape[0], 0);
    ck_assert_int_eq(r->shape[1], 3);
    ck_assert_int_eq(r->size, 0);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    nd_decref(a);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(zero_size_stretch_one)
{
    /* np.ones(1) + np.ones(0) -> array([], dtype=float64) */
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(1), 1, 1);
    NdArray *b = nd_empty(ND_FLOAT64, 1, SHAPE(0), 'C');
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 1);
    ck_assert_int_eq(r->shape[0], 0);
    nd_decref(a);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(zero_size_with_cast)
{
    NdArray *a = nd_empty(ND_INT8, 2, SHAPE(3, 0), 'C');
    NdArray *b = nd_empty(ND_FLOAT64, 1, SHAPE(0), 'C');
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    ck_assert_int_eq(r->size, 0);
    nd_decref(a);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(scalar_and_scalar)
{
    NdScalar x = nd_scalar_float64(1.5), y = nd_scalar_float64(2.25);
    NdArray *a = nd_from_scalar(&x), *b = nd_from_scalar(&y);
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 0);
    ck_assert_double_eq(*(double *)r->data, 3.75);
    nd_decref(a);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(scalar_stretched_over_matrix)
{
    NdArray *a = arange_f64(2, SHAPE(2, 2));
    NdArray *s = weak_int(5);
    NdArray *r = nd_binary(ND_UF_MULTIPLY, s, a);
    ck_assert_ptr_nonnull(r);
    const double want[4] = {0, 5, 10, 15};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(a);
    nd_decref(s);
    nd_decref(r);
}
END_TEST

/* ----------------------------------------------------- layout of results */

START_TEST(k_order_transpose_gives_f)
{
    /* (np.ones((3,4)).T + 1) is F-contiguous, strides (8, 32). */
    NdArray *a = arange_f64(2, SHAPE(3, 4));
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *one = weak_int(1);
    NdArray *r = nd_binary(ND_UF_ADD, t, one);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->shape[0], 4);
    ck_assert_int_eq(r->shape[1], 3);
    ck_assert_int_eq(r->strides[0], 8);
    ck_assert_int_eq(r->strides[1], 32);
    ck_assert(r->flags & ND_F_CONTIGUOUS);
    ck_assert(!(r->flags & ND_C_CONTIGUOUS));
    ck_assert(r->flags & ND_WRITEABLE);
    /* r[i][j] = a[j][i] + 1 = 4j + i + 1 */
    for (int64_t i = 0; i < 4; i++)
        for (int64_t j = 0; j < 3; j++)
            ck_assert_double_eq(f64_at(r, (int64_t[]){i, j}),
                                (double)(4 * j + i + 1));
    nd_decref(a);
    nd_decref(t);
    nd_decref(one);
    nd_decref(r);
}
END_TEST

START_TEST(k_order_3d_permutation)
{
    /* x = np.ones((2,3,4)).transpose(2,0,1); (x+1).strides == (8, 96, 32) */
    NdArray *a = arange_f64(3, SHAPE(2, 3, 4));
    NdArray *t = nd_transpose(a, SHAPE(2, 0, 1), 3);
    NdArray *one = weak_int(1);
    NdArray *r = nd_binary(ND_UF_ADD, t, one);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->strides[0], 8);
    ck_assert_int_eq(r->strides[1], 96);
    ck_assert_int_eq(r->strides[2], 32);
    /* r[k][i][j] = a[i][j][k] + 1 */
    ck_assert_double_eq(f64_at(r, (int64_t[]){3, 1, 2}),
                        (double)(1 * 12 + 2 * 4 + 3 + 1));
    nd_decref(a);
    nd_decref(t);
    nd_decref(one);
    nd_decref(r);
}
END_TEST

START_TEST(k_order_reversed_axis_positive_strides)
{
    /* np.ones((2,3,4))[:, ::-1, :] + 1 has strides (96, 32, 8). */
    NdArray *a = arange_f64(3, SHAPE(2, 3, 4));
    NdArray *v = strided_view(a, ND_FLOAT64, 3, SHAPE(2, 3, 4),
                              SHAPE(96, -32, 8), 2 * 32);
    NdArray *one = weak_int(1);
    NdArray *r = nd_binary(ND_UF_ADD, v, one);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->strides[0], 96);
    ck_assert_int_eq(r->strides[1], 32);
    ck_assert_int_eq(r->strides[2], 8);
    /* r[1][0][3] = a[1][2][3] + 1 = 12 + 8 + 3 + 1 */
    ck_assert_double_eq(f64_at(r, (int64_t[]){1, 0, 3}), 24.0);
    ck_assert_double_eq(f64_at(r, (int64_t[]){0, 2, 0}), 1.0);
    nd_decref(a);
    nd_decref(v);
    nd_decref(one);
    nd_decref(r);
}
END_TEST

START_TEST(k_order_mixed_layouts_prefer_c)
{
    /* x C-ordered (4,3), y = ones((3,4)).T: x+y and y+x are both C. */
    NdArray *x = arange_f64(2, SHAPE(4, 3));
    NdArray *b = arange_f64(2, SHAPE(3, 4));
    NdArray *y = nd_transpose(b, NULL, 0);
    NdArray *r1 = nd_binary(ND_UF_ADD, x, y);
    NdArray *r2 = nd_binary(ND_UF_ADD, y, x);
    ck_assert_ptr_nonnull(r1);
    ck_assert_ptr_nonnull(r2);
    ck_assert_int_eq(r1->strides[0], 24);
    ck_assert_int_eq(r1->strides[1], 8);
    ck_assert_int_eq(r2->strides[0], 24);
    ck_assert_int_eq(r2->strides[1], 8);
    /* (x+y)[i][j] = 3i + j + 4j + i */
    ck_assert_double_eq(f64_at(r1, (int64_t[]){3, 2}), 9 + 2 + 8 + 3);
    nd_decref(x);
    nd_decref(b);
    nd_decref(y);
    nd_decref(r1);
    nd_decref(r2);
}
END_TEST

/* ------------------------------------------------ strided and stretched */

START_TEST(every_other_element)
{
    NdArray *a = arange_f64(1, SHAPE(10));
    NdArray *v = strided_view(a, ND_FLOAT64, 1, SHAPE(5), SHAPE(16), 8);
    NdArray *b = ARR(ND_FLOAT64, double, SHAPE(5), 1, 1, 1, 1, 1, 1);
    NdArray *r = nd_binary(ND_UF_SUBTRACT, v, b);
    ck_assert_ptr_nonnull(r);
    const double want[5] = {0, 2, 4, 6, 8}; /* 1,3,5,7,9 minus 1 */
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(a);
    nd_decref(v);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(negative_stride)
{
    NdArray *a = arange_f64(1, SHAPE(5));
    NdArray *rev = strided_view(a, ND_FLOAT64, 1, SHAPE(5), SHAPE(-8), 32);
    NdArray *r = nd_binary(ND_UF_SUBTRACT, a, rev);
    ck_assert_ptr_nonnull(r);
    const double want[5] = {-4, -2, 0, 2, 4};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(a);
    nd_decref(rev);
    nd_decref(r);
}
END_TEST

START_TEST(broadcast_to_operand)
{
    NdArray *row = ARR(ND_FLOAT64, double, SHAPE(3), 1, 1, 2, 3);
    NdArray *big = nd_broadcast_to(row, 2, SHAPE(2, 3));
    ck_assert_ptr_nonnull(big);
    NdArray *a = arange_f64(2, SHAPE(2, 3));
    NdArray *r = nd_binary(ND_UF_MULTIPLY, big, a);
    ck_assert_ptr_nonnull(r);
    const double want[6] = {0, 2, 6, 3, 8, 15};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(row);
    nd_decref(big);
    nd_decref(a);
    nd_decref(r);
}
END_TEST

START_TEST(transposed_plus_c)
{
    /* a.T + b with b C-ordered (3,2): elementwise in the logical order. */
    NdArray *a = arange_f64(2, SHAPE(2, 3));
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *b = ARR(ND_FLOAT64, double, SHAPE(3, 2), 2, 0, 10, 20, 30, 40, 50);
    NdArray *r = nd_binary(ND_UF_ADD, t, b);
    ck_assert_ptr_nonnull(r);
    /* t = [[0,3],[1,4],[2,5]] */
    const double want[3][2] = {{0, 13}, {21, 34}, {42, 55}};
    for (int64_t i = 0; i < 3; i++)
        for (int64_t j = 0; j < 2; j++)
            ck_assert_double_eq(f64_at(r, (int64_t[]){i, j}), want[i][j]);
    nd_decref(a);
    nd_decref(t);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

/* ---------------------------------------------------- buffered casting */

START_TEST(cast_int8_plus_float64_long)
{
    /* 100000 elements: many buffer chunks and a partial last one. */
    const int64_t n = 100000;
    NdArray *a = nd_empty(ND_INT8, 1, SHAPE(n), 'C');
    NdArray *b = nd_empty(ND_FLOAT64, 1, SHAPE(n), 'C');
    for (int64_t i = 0; i < n; i++) {
        ((int8_t *)a->data)[i] = (int8_t)(i % 200 - 100);
        ((double *)b->data)[i] = 0.5 * (double)i;
    }
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    for (int64_t i = 0; i < n; i++)
        ck_assert_double_eq(((double *)r->data)[i],
                            (double)(i % 200 - 100) + 0.5 * (double)i);
    nd_decref(a);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(cast_small_inner_dimension)
{
    /* int8 (40000,3) + a float64 (40000,3) view with row stride 32 (the
     * first 3 columns of a (40000,4) array): short rows, several rows per
     * buffer, one operand not uniformly strided. */
    const int64_t rows = 40000;
    NdArray *a = nd_empty(ND_INT8, 2, SHAPE(rows, 3), 'C');
    NdArray *base = arange_f64(2, SHAPE(rows, 4));
    NdArray *b =
        strided_view(base, ND_FLOAT64, 2, SHAPE(rows, 3), SHAPE(32, 8), 0);
    for (int64_t i = 0; i < rows * 3; i++)
        ((int8_t *)a->data)[i] = (int8_t)(i % 7);
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    for (int64_t i = 0; i < rows; i++)
        for (int64_t j = 0; j < 3; j++)
            ck_assert_double_eq(f64_at(r, (int64_t[]){i, j}),
                                (double)((i * 3 + j) % 7) +
                                    (double)(i * 4 + j));
    nd_decref(a);
    nd_decref(base);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(cast_transposed_small_rows)
{
    /* int16 (3,5000) transposed to (5000,3) + float32 (5000,3) C. */
    NdArray *a = nd_empty(ND_INT16, 2, SHAPE(3, 5000), 'C');
    for (int64_t i = 0; i < 15000; i++)
        ((int16_t *)a->data)[i] = (int16_t)(i % 1000);
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *b = nd_empty(ND_FLOAT32, 2, SHAPE(5000, 3), 'C');
    for (int64_t i = 0; i < 15000; i++)
        ((float *)b->data)[i] = 0.25f * (float)(i % 8);
    NdArray *r = nd_binary(ND_UF_ADD, t, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT32);
    for (int64_t i = 0; i < 5000; i++)
        for (int64_t j = 0; j < 3; j++) {
            float got;
            memcpy(&got, nd_element_ptr(r, (int64_t[]){i, j}), sizeof got);
            float want = (float)((j * 5000 + i) % 1000) +
                         0.25f * (float)((i * 3 + j) % 8);
            ck_assert_float_eq(got, want);
        }
    nd_decref(a);
    nd_decref(t);
    nd_decref(b);
    nd_decref(r);
}
END_TEST

START_TEST(cast_into_out_across_chunks)
{
    /* float64 result cast into an int32 `out` (unsafe): truncation. */
    const int64_t n = 5000;
    NdArray *a = nd_empty(ND_FLOAT64, 1, SHAPE(n), 'C');
    for (int64_t i = 0; i < n; i++)
        ((double *)a->data)[i] = (double)i + 0.75;
    NdArray *half = ARR(ND_FLOAT64, double, SHAPE(1), 1, 0.5);
    NdArray *out = nd_zeros(ND_INT32, 1, SHAPE(n), 'C');
    NdArray *in[2] = {a, half};
    NdArray *r = nd_ufunc(ND_UF_ADD, in, out, ND_CAST_UNSAFE);
    ck_assert_ptr_eq(r, out);
    for (int64_t i = 0; i < n; i++)
        ck_assert_int_eq(((int32_t *)out->data)[i], (int32_t)(i + 1));
    nd_decref(a);
    nd_decref(half);
    nd_decref(out);
    nd_decref(r);
}
END_TEST

/* ------------------------------------------------------------- outputs */

START_TEST(out_larger_than_inputs)
{
    /* np.add(np.ones(3), 1, out=np.empty((2,3))) fills both rows. */
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(3), 1, 1, 2, 3);
    NdArray *one = weak_int(1);
    NdArray *out = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    NdArray *in[2] = {a, one};
    NdArray *r = nd_ufunc(ND_UF_ADD, in, out, ND_CAST_SAME_KIND);
    ck_assert_ptr_eq(r, out);
    const double want[6] = {2, 3, 4, 2, 3, 4};
    ck_assert_mem_eq(out->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(one);
    nd_decref(out);
}
END_TEST

START_TEST(out_wrong_shape)
{
    NdArray *a = arange_f64(2, SHAPE(2, 3));
    NdArray *one = weak_int(1);
    NdArray *out = nd_empty(ND_FLOAT64, 1, SHAPE(3), 'C');
    NdArray *in[2] = {a, one};
    ck_assert_ptr_null(nd_ufunc(ND_UF_ADD, in, out, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "non-broadcastable output operand with shape (3,) "
                       "doesn't match the broadcast shape (2,3)");
    nd_decref(a);
    nd_decref(one);
    nd_decref(out);
}
END_TEST

START_TEST(out_zero_d_for_vector)
{
    NdArray *a = arange_f64(1, SHAPE(3));
    NdArray *one = weak_int(1);
    NdArray *out = nd_empty(ND_FLOAT64, 0, NULL, 'C');
    NdArray *in[2] = {a, one};
    ck_assert_ptr_null(nd_ufunc(ND_UF_ADD, in, out, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "non-broadcastable output operand with shape () "
                       "doesn't match the broadcast shape (3,)");
    nd_decref(a);
    nd_decref(one);
    nd_decref(out);
}
END_TEST

START_TEST(out_incompatible_lists_all_shapes)
{
    NdArray *a = arange_f64(1, SHAPE(3));
    NdArray *out = nd_empty(ND_FLOAT64, 1, SHAPE(4), 'C');
    NdArray *in[2] = {a, a};
    ck_assert_ptr_null(nd_ufunc(ND_UF_ADD, in, out, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_VALUE, "operands could not be broadcast "
                                     "together with shapes (3,) (3,) (4,) ");
    nd_decref(a);
    nd_decref(out);
}
END_TEST

START_TEST(out_read_only)
{
    NdArray *a = arange_f64(1, SHAPE(3));
    NdArray *ro = nd_broadcast_to(a, 1, SHAPE(3));
    ck_assert_ptr_nonnull(ro);
    ck_assert(!(ro->flags & ND_WRITEABLE));
    NdArray *in[2] = {a, a};
    ck_assert_ptr_null(nd_ufunc(ND_UF_ADD, in, ro, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_VALUE, "output array is read-only");
    /* Nothing was written. */
    const double want[3] = {0, 1, 2};
    ck_assert_mem_eq(a->data, want, sizeof want);
    nd_decref(a);
    nd_decref(ro);
}
END_TEST

START_TEST(inplace_add_transpose)
{
    /* a = arange(9.).reshape(3,3); a += a.T  -> symmetric, as NumPy:
     * [[0,4,8],[4,8,12],[8,12,16]] */
    NdArray *a = arange_f64(2, SHAPE(3, 3));
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *in[2] = {a, t};
    NdArray *r = nd_ufunc(ND_UF_ADD, in, a, ND_CAST_SAME_KIND);
    ck_assert_ptr_eq(r, a);
    const double want[9] = {0, 4, 8, 4, 8, 12, 8, 12, 16};
    ck_assert_mem_eq(a->data, want, sizeof want);
    nd_decref(r);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(inplace_add_transpose_large)
{
    /* Large enough that a naive in-place pass would read rewritten
     * values many times over. */
    const int64_t n = 300;
    NdArray *a = arange_f64(2, SHAPE(n, n));
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *in[2] = {t, a};
    NdArray *r = nd_ufunc(ND_UF_ADD, in, a, ND_CAST_SAME_KIND);
    ck_assert_ptr_eq(r, a);
    for (int64_t i = 0; i < n; i += 7)
        for (int64_t j = 0; j < n; j += 11)
            ck_assert_double_eq(f64_at(a, (int64_t[]){i, j}),
                                (double)(i * n + j + j * n + i));
    nd_decref(r);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(inplace_shifted_views)
{
    /* a = arange(5.); np.add(a[1:], a[:-1], out=a[1:]) -> [0,1,3,5,7]:
     * the input is read as it was before the call. */
    NdArray *a = arange_f64(1, SHAPE(5));
    NdArray *hi = strided_view(a, ND_FLOAT64, 1, SHAPE(4), SHAPE(8), 8);
    NdArray *lo = strided_view(a, ND_FLOAT64, 1, SHAPE(4), SHAPE(8), 0);
    NdArray *in[2] = {hi, lo};
    NdArray *r = nd_ufunc(ND_UF_ADD, in, hi, ND_CAST_SAME_KIND);
    ck_assert_ptr_eq(r, hi);
    const double want[5] = {0, 1, 3, 5, 7};
    ck_assert_mem_eq(a->data, want, sizeof want);
    nd_decref(r);
    nd_decref(hi);
    nd_decref(lo);
    nd_decref(a);
}
END_TEST

START_TEST(inplace_identical_view)
{
    /* a *= a: the same view in and out needs no copy and is exact. */
    NdArray *a = arange_f64(1, SHAPE(4));
    NdArray *in[2] = {a, a};
    NdArray *r = nd_ufunc(ND_UF_MULTIPLY, in, a, ND_CAST_SAME_KIND);
    ck_assert_ptr_eq(r, a);
    const double want[4] = {0, 1, 4, 9};
    ck_assert_mem_eq(a->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(write_through_view_visible_in_base)
{
    /* base = zeros((4,4)); base[:, 1] += 1 */
    NdArray *base = nd_zeros(ND_FLOAT64, 2, SHAPE(4, 4), 'C');
    NdArray *col = strided_view(base, ND_FLOAT64, 1, SHAPE(4), SHAPE(32), 8);
    NdArray *one = weak_int(1);
    NdArray *in[2] = {col, one};
    NdArray *r = nd_ufunc(ND_UF_ADD, in, col, ND_CAST_SAME_KIND);
    ck_assert_ptr_eq(r, col);
    for (int64_t i = 0; i < 4; i++)
        for (int64_t j = 0; j < 4; j++)
            ck_assert_double_eq(f64_at(base, (int64_t[]){i, j}),
                                j == 1 ? 1.0 : 0.0);
    nd_decref(r);
    nd_decref(one);
    nd_decref(col);
    nd_decref(base);
}
END_TEST

START_TEST(inplace_with_cast_into_view)
{
    /* base[::2] += [1.0, 2.5, 3.9, -1.5] on an int32 base, casting='unsafe':
     * the float64 sums truncate toward zero. */
    NdArray *base = nd_zeros(ND_INT32, 1, SHAPE(8), 'C');
    NdArray *v = strided_view(base, ND_INT32, 1, SHAPE(4), SHAPE(8), 0);
    NdArray *b = ARR(ND_FLOAT64, double, SHAPE(4), 1, 1.0, 2.5, 3.9, -1.5);
    NdArray *in[2] = {v, b};
    NdArray *r = nd_ufunc(ND_UF_ADD, in, v, ND_CAST_UNSAFE);
    ck_assert_ptr_eq(r, v);
    const int32_t want[8] = {1, 0, 2, 0, 3, 0, -1, 0};
    ck_assert_mem_eq(base->data, want, sizeof want);
    nd_decref(r);
    nd_decref(v);
    nd_decref(b);
    nd_decref(base);
}
END_TEST

/* -------------------------------------------- the driver, seen directly */

static int64_t calls, max_n, total_n;

static void count_loop(char **ptrs, int64_t n, const int64_t *steps)
{
    (void)ptrs;
    (void)steps;
    calls++;
    total_n += n;
    if (n > max_n)
        max_n = n;
}

static void reset_counts(void)
{
    calls = max_n = total_n = 0;
}

START_TEST(contiguous_is_one_run)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 3, SHAPE(10, 20, 30), 'C');
    NdArray *ops[3] = {a, a, NULL};
    const NdType types[3] = {ND_FLOAT64, ND_FLOAT64, ND_FLOAT64};
    reset_counts();
    ck_assert_int_eq(nd_elementwise(2, 1, ops, types, count_loop), 0);
    ck_assert_int_eq(calls, 1);
    ck_assert_int_eq(max_n, 6000);
    nd_decref(ops[2]);
    nd_decref(a);
}
END_TEST

START_TEST(f_order_operands_one_run)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 2, SHAPE(50, 40), 'F');
    NdArray *ops[3] = {a, a, NULL};
    const NdType types[3] = {ND_FLOAT64, ND_FLOAT64, ND_FLOAT64};
    reset_counts();
    ck_assert_int_eq(nd_elementwise(2, 1, ops, types, count_loop), 0);
    ck_assert_int_eq(calls, 1);
    ck_assert_int_eq(max_n, 2000);
    ck_assert(ops[2]->flags & ND_F_CONTIGUOUS);
    nd_decref(ops[2]);
    nd_decref(a);
}
END_TEST

START_TEST(cast_small_rows_few_calls)
{
    /* 30000 rows of 3 with a cast: each loop call covers many rows. */
    NdArray *a = nd_zeros(ND_INT8, 2, SHAPE(30000, 3), 'C');
    NdArray *base = nd_zeros(ND_FLOAT64, 2, SHAPE(30000, 4), 'C');
    NdArray *b =
        strided_view(base, ND_FLOAT64, 2, SHAPE(30000, 3), SHAPE(32, 8), 0);
    NdArray *ops[3] = {a, b, NULL};
    const NdType types[3] = {ND_FLOAT64, ND_FLOAT64, ND_FLOAT64};
    reset_counts();
    ck_assert_int_eq(nd_elementwise(2, 1, ops, types, count_loop), 0);
    ck_assert_int_eq(total_n, 90000);
    ck_assert_int_lt(calls, 1000);
    nd_decref(ops[2]);
    nd_decref(a);
    nd_decref(b);
    nd_decref(base);
}
END_TEST

static int64_t fail_after;

static void failing_loop(char **ptrs, int64_t n, const int64_t *steps)
{
    (void)ptrs;
    (void)n;
    (void)steps;
    if (--fail_after == 0)
        nd_error(ND_ERR_VALUE, "loop refused");
}

START_TEST(loop_error_releases_output)
{
    /* Non-contiguous operand: one call per row; fail on the third. */
    NdArray *base = nd_zeros(ND_INT8, 2, SHAPE(10, 4), 'C');
    NdArray *v = strided_view(base, ND_INT8, 2, SHAPE(10, 3), SHAPE(4, 1), 0);
    NdArray *ops[2] = {v, NULL};
    const NdType types[2] = {ND_INT8, ND_INT8};
    fail_after = 3;
    ck_assert_int_eq(nd_elementwise(1, 1, ops, types, failing_loop), -1);
    ck_assert_ptr_null(ops[1]);
    ck_assert_nd_error(ND_ERR_VALUE, "loop refused");
    nd_decref(v);
    nd_decref(base);
}
END_TEST

START_TEST(stale_error_is_cleared)
{
    /* An error left over from earlier must not fail this call. */
    NdArray *a = nd_zeros(ND_FLOAT64, 1, SHAPE(4), 'C');
    NdArray *ops[2] = {a, NULL};
    const NdType types[2] = {ND_FLOAT64, ND_FLOAT64};
    nd_error(ND_ERR_VALUE, "stale");
    ck_assert_int_eq(nd_elementwise(1, 1, ops, types, count_loop), 0);
    nd_decref(ops[1]);
    nd_decref(a);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("broadcast");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, shapes_compatible);
    tcase_add_test(tc, shapes_scalars_only);
    tcase_add_test(tc, shapes_zero_length);
    tcase_add_test(tc, shapes_incompatible_message);
    tcase_add_test(tc, shapes_incompatible_nd_message);
    tcase_add_test(tc, shapes_zero_vs_three);
    tcase_add_test(tc, add_broadcast_row);
    tcase_add_test(tc, add_column_and_row);
    tcase_add_test(tc, zero_size_result);
    tcase_add_test(tc, zero_size_stretch_one);
    tcase_add_test(tc, zero_size_with_cast);
    tcase_add_test(tc, scalar_and_scalar);
    tcase_add_test(tc, scalar_stretched_over_matrix);
    tcase_add_test(tc, k_order_transpose_gives_f);
    tcase_add_test(tc, k_order_3d_permutation);
    tcase_add_test(tc, k_order_reversed_axis_positive_strides);
    tcase_add_test(tc, k_order_mixed_layouts_prefer_c);
    tcase_add_test(tc, every_other_element);
    tcase_add_test(tc, negative_stride);
    tcase_add_test(tc, broadcast_to_operand);
    tcase_add_test(tc, transposed_plus_c);
    tcase_add_test(tc, cast_int8_plus_float64_long);
    tcase_add_test(tc, cast_small_inner_dimension);
    tcase_add_test(tc, cast_transposed_small_rows);
    tcase_add_test(tc, cast_into_out_across_chunks);
    tcase_add_test(tc, out_larger_than_inputs);
    tcase_add_test(tc, out_wrong_shape);
    tcase_add_test(tc, out_zero_d_for_vector);
    tcase_add_test(tc, out_incompatible_lists_all_shapes);
    tcase_add_test(tc, out_read_only);
    tcase_add_test(tc, inplace_add_transpose);
    tcase_add_test(tc, inplace_add_transpose_large);
    tcase_add_test(tc, inplace_shifted_views);
    tcase_add_test(tc, inplace_identical_view);
    tcase_add_test(tc, write_through_view_visible_in_base);
    tcase_add_test(tc, inplace_with_cast_into_view);
    tcase_add_test(tc, contiguous_is_one_run);
    tcase_add_test(tc, f_order_operands_one_run);
    tcase_add_test(tc, cast_small_rows_few_calls);
    tcase_add_test(tc, loop_error_releases_output);
    tcase_add_test(tc, stale_error_is_cleared);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(suite());
}
