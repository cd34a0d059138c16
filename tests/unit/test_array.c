/* test_array.c — the NdArray core: allocation and size checks, creation
 * functions (values from NumPy's documented outputs or worked by hand),
 * views and their aliasing, reshape's view-or-copy decision, and the errors
 * of each. */
#include <math.h>

#include "testutil.h"

static int64_t i64_at(const NdArray *a, const int64_t *idx)
{
    return *(const int64_t *)nd_element_ptr(a, idx);
}

static double f64_at(const NdArray *a, const int64_t *idx)
{
    return *(const double *)nd_element_ptr(a, idx);
}

/* An int64 array 0 .. n-1 reshaped C-order to `shape`. */
static NdArray *iota(int ndim, const int64_t *shape)
{
    NdScalar s0 = nd_scalar_int64(0), s1, s2 = nd_scalar_int64(1);
    int64_t n = 1;
    NdArray *flat, *r;
    for (int i = 0; i < ndim; i++)
        n *= shape[i];
    s1 = nd_scalar_int64(n);
    flat = nd_arange(&s0, &s1, &s2, ND_INT64);
    ck_assert_ptr_nonnull(flat);
    r = nd_reshape(flat, ndim, shape, 'C');
    ck_assert_ptr_nonnull(r);
    nd_decref(flat);
    return r;
}

START_TEST(empty_has_c_strides)
{
    NdArray *a = nd_empty(ND_FLOAT32, 3, SHAPE(2, 3, 4), 'C');
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->size, 24);
    ck_assert_int_eq(a->strides[0], 48);
    ck_assert_int_eq(a->strides[1], 16);
    ck_assert_int_eq(a->strides[2], 4);
    ck_assert(a->flags & ND_C_CONTIGUOUS);
    ck_assert(!(a->flags & ND_F_CONTIGUOUS));
    ck_assert(a->flags & ND_OWNDATA);
    ck_assert(a->flags & ND_WRITEABLE);
    nd_decref(a);
}
END_TEST

START_TEST(empty_f_order_strides)
{
    NdArray *a = nd_empty(ND_INT16, 3, SHAPE(2, 3, 4), 'F');
    ck_assert_int_eq(a->strides[0], 2);
    ck_assert_int_eq(a->strides[1], 4);
    ck_assert_int_eq(a->strides[2], 12);
    ck_assert(a->flags & ND_F_CONTIGUOUS);
    ck_assert(!(a->flags & ND_C_CONTIGUOUS));
    nd_decref(a);
}
END_TEST

START_TEST(zero_d_and_length_one_are_both_contiguous)
{
    NdArray *a = nd_empty(ND_FLOAT64, 0, NULL, 'C');
    NdArray *b = nd_empty(ND_FLOAT64, 2, SHAPE(1, 5), 'C');
    ck_assert_int_eq(a->size, 1);
    ck_assert(a->flags & ND_C_CONTIGUOUS && a->flags & ND_F_CONTIGUOUS);
    /* NumPy: np.empty((1, 5)).flags.f_contiguous is True as well */
    ck_assert(b->flags & ND_C_CONTIGUOUS);
    ck_assert(b->flags & ND_F_CONTIGUOUS);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(zero_size_array)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 2, SHAPE(0, 3), 'C');
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->size, 0);
    nd_decref(a);
}
END_TEST

START_TEST(negative_dimension_is_value_error)
{
    ck_assert_ptr_null(nd_zeros(ND_FLOAT64, 2, SHAPE(2, -1), 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, "negative dimensions are not allowed");
}
END_TEST

START_TEST(too_many_dimensions)
{
    int64_t shape[33];
    for (int i = 0; i < 33; i++)
        shape[i] = 1;
    ck_assert_ptr_null(nd_empty(ND_INT8, 33, shape, 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, "maximum supported dimension for an "
                                     "ndarray is currently 32, found 33");
}
END_TEST

static const char too_big[] =
    "array is too big; `arr.size * arr.dtype.itemsize` is larger than the "
    "maximum possible size.";

START_TEST(element_count_overflow_is_value_error)
{
    int64_t big = (int64_t)1 << 40;
    ck_assert_ptr_null(nd_zeros(ND_FLOAT64, 2, (int64_t[]){big, big}, 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, too_big);
}
END_TEST

START_TEST(byte_size_overflow_is_value_error)
{
    int64_t n = (int64_t)1 << 31; /* 2**62 elements of 8 bytes */
    ck_assert_ptr_null(nd_zeros(ND_FLOAT64, 2, (int64_t[]){n, n}, 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, too_big);
}
END_TEST

START_TEST(overflow_hidden_by_a_zero_is_still_refused)
{
    int64_t big = (int64_t)1 << 40;
    ck_assert_ptr_null(nd_zeros(ND_FLOAT64, 3, (int64_t[]){0, big, big}, 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, too_big);
}
END_TEST

START_TEST(failed_allocation_is_memory_error)
{
    /* 2**50 float64s: 8 PiB, a valid size that no machine here can hold. */
    int64_t n = (int64_t)1 << 50;
    ck_assert_ptr_null(nd_empty(ND_FLOAT64, 1, &n, 'C'));
    ck_assert_nd_error(ND_ERR_MEMORY,
                       "Unable to allocate 8.00 PiB for an array with shape "
                       "(1125899906842624,) and data type float64");
}
END_TEST

START_TEST(shape_text_is_python_tuple)
{
    char buf[64];
    nd_shape_str(buf, sizeof buf, 0, NULL);
    ck_assert_str_eq(buf, "()");
    nd_shape_str(buf, sizeof buf, 1, SHAPE(3));
    ck_assert_str_eq(buf, "(3,)");
    nd_shape_str(buf, sizeof buf, 2, SHAPE(2, 3));
    ck_assert_str_eq(buf, "(2, 3)");
}
END_TEST

START_TEST(zeros_ones_full_values)
{
    NdScalar seven = nd_scalar_float64(7.9);
    NdArray *z = nd_zeros(ND_INT32, 1, SHAPE(4), 'C');
    NdArray *o = nd_ones(ND_COMPLEX128, 1, SHAPE(2), 'C');
    NdArray *f = nd_full(ND_INT8, 2, SHAPE(2, 2), &seven, 'C');
    ck_assert_ptr_nonnull(f);
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(((int32_t *)z->data)[i], 0);
    ck_assert(((nd_complex128 *)o->data)[1].re == 1.0);
    ck_assert(((nd_complex128 *)o->data)[1].im == 0.0);
    /* full() casts the fill value unsafely: 7.9 -> 7 in int8 */
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(((int8_t *)f->data)[i], 7);
    nd_decref(z);
    nd_decref(o);
    nd_decref(f);
}
END_TEST

START_TEST(from_data_checks_count)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2, 2), 2, 1, 2, 3);
    ck_assert_ptr_null(a);
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
}
END_TEST

START_TEST(arange_ints)
{
    NdScalar a = nd_scalar_int64(-5), b = nd_scalar_int64(5),
             s = nd_scalar_int64(3);
    NdArray *r = nd_arange(&a, &b, &s, ND_NTYPES);
    const int64_t expect[] = {-5, -2, 1, 4};
    ck_assert_int_eq(r->dtype, ND_INT64);
    ck_assert_int_eq(r->size, 4);
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(((int64_t *)r->data)[i], expect[i]);
    nd_decref(r);
}
END_TEST

START_TEST(arange_negative_step_and_empty)
{
    NdScalar a = nd_scalar_int64(5), b = nd_scalar_int64(-5),
             s = nd_scalar_int64(-3), three = nd_scalar_int64(3);
    NdArray *r = nd_arange(&a, &b, &s, ND_NTYPES);
    NdArray *e = nd_arange(&three, &three, NULL, ND_NTYPES);
    const int64_t expect[] = {5, 2, -1, -4};
    ck_assert_int_eq(r->size, 4);
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(((int64_t *)r->data)[i], expect[i]);
    ck_assert_int_eq(e->size, 0);
    nd_decref(r);
    nd_decref(e);
}
END_TEST

START_TEST(arange_floats_follow_numpy_fill)
{
    /* np.arange(0, 1, 0.1).tolist() */
    const double expect[] = {0.0,
                             0.1,
                             0.2,
                             0.30000000000000004,
                             0.4,
                             0.5,
                             0.6000000000000001,
                             0.7000000000000001,
                             0.8,
                             0.9};
    NdScalar a = nd_scalar_int64(0), b = nd_scalar_int64(1),
             s = nd_scalar_float64(0.1);
    NdArray *r = nd_arange(&a, &b, &s, ND_NTYPES);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    ck_assert_int_eq(r->size, 10);
    for (int i = 0; i < 10; i++)
        ck_assert(((double *)r->data)[i] == expect[i]);
    nd_decref(r);
}
END_TEST

START_TEST(arange_float32_in_float32_arithmetic)
{
    /* np.arange(0.3, 1, 0.1, dtype=np.float32) */
    const float expect[] = {
        0.30000001192092896f, 0.4000000059604645f, 0.5f,
        0.6000000238418579f,  0.699999988079071f,  0.7999999523162842f,
        0.8999999761581421f};
    NdScalar a = nd_scalar_float64(0.3), b = nd_scalar_int64(1),
             s = nd_scalar_float64(0.1);
    NdArray *r = nd_arange(&a, &b, &s, ND_FLOAT32);
    ck_assert_int_eq(r->size, 7);
    for (int i = 0; i < 7; i++)
        ck_assert(((float *)r->data)[i] == expect[i]);
    nd_decref(r);
}
END_TEST

START_TEST(arange_float_args_int_dtype)
{
    /* np.arange(0.5, 5, 1.5, dtype=int) == [0, 2, 4] */
    NdScalar a = nd_scalar_float64(0.5), b = nd_scalar_int64(5),
             s = nd_scalar_float64(1.5);
    NdArray *r = nd_arange(&a, &b, &s, ND_INT64);
    ck_assert_int_eq(r->size, 3);
    ck_assert_int_eq(((int64_t *)r->data)[0], 0);
    ck_assert_int_eq(((int64_t *)r->data)[1], 2);
    ck_assert_int_eq(((int64_t *)r->data)[2], 4);
    nd_decref(r);
}
END_TEST

START_TEST(arange_zero_step)
{
    NdScalar a = nd_scalar_int64(0), b = nd_scalar_int64(5),
             s = nd_scalar_int64(0);
    ck_assert_ptr_null(nd_arange(&a, &b, &s, ND_NTYPES));
    ck_assert_nd_error(ND_ERR_ZERO_DIVISION, "division by zero");
}
END_TEST

START_TEST(arange_beyond_int64)
{
    /* np.arange(2**62, 2**63 - 1, 2**61) */
    NdScalar a = nd_scalar_int64((int64_t)1 << 62),
             b = nd_scalar_int64(INT64_MAX),
             s = nd_scalar_int64((int64_t)1 << 61);
    NdArray *r = nd_arange(&a, &b, &s, ND_NTYPES);
    ck_assert_int_eq(r->size, 2);
    ck_assert_int_eq(((int64_t *)r->data)[1], 6917529027641081856LL);
    nd_decref(r);
}
END_TEST

START_TEST(linspace_values)
{
    /* np.linspace(0, 1, 7).tolist() */
    const double expect[] = {0.0, 0.16666666666666666, 0.3333333333333333,
                             0.5, 0.6666666666666666,  0.8333333333333333,
                             1.0};
    double step;
    NdArray *r = nd_linspace(0, 1, 7, true, ND_FLOAT64, &step);
    ck_assert_int_eq(r->size, 7);
    for (int i = 0; i < 7; i++)
        ck_assert(((double *)r->data)[i] == expect[i]);
    ck_assert(step == 1.0 / 6.0);
    nd_decref(r);
}
END_TEST

START_TEST(linspace_no_endpoint_and_retstep)
{
    /* np.linspace(2.0, 3.0, num=5, endpoint=False) -> 2.0 2.2 2.4 2.6 2.8 */
    const double expect[] = {2.0, 2.2, 2.4, 2.6, 2.8};
    double step;
    NdArray *r = nd_linspace(2.0, 3.0, 5, false, ND_FLOAT64, &step);
    for (int i = 0; i < 5; i++)
        ck_assert(((double *)r->data)[i] == expect[i]);
    ck_assert(step == 0.2);
    nd_decref(r);
}
END_TEST

START_TEST(linspace_edge_counts)
{
    double step = 0;
    NdArray *one = nd_linspace(0, 1, 1, true, ND_FLOAT64, &step);
    ck_assert_int_eq(one->size, 1);
    ck_assert(((double *)one->data)[0] == 0.0);
    ck_assert(isnan(step));
    nd_decref(one);
    ck_assert_ptr_null(nd_linspace(0, 1, -1, true, ND_FLOAT64, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Number of samples, -1, must be non-negative.");
}
END_TEST

START_TEST(linspace_int_dtype_floors)
{
    /* NumPy 2: np.linspace(-1, 1, 5, dtype=int) == [-1, -1, 0, 0, 1] */
    const int64_t expect[] = {-1, -1, 0, 0, 1};
    NdArray *r = nd_linspace(-1, 1, 5, true, ND_INT64, NULL);
    ck_assert_ptr_nonnull(r);
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(((int64_t *)r->data)[i], expect[i]);
    nd_decref(r);
}
END_TEST

START_TEST(eye_with_offsets)
{
    NdArray *a = nd_eye(3, 4, 1, ND_FLOAT64);
    NdArray *b = nd_eye(3, -1, -2, ND_INT64);
    for (int64_t i = 0; i < 3; i++)
        for (int64_t j = 0; j < 4; j++)
            ck_assert(f64_at(a, (int64_t[]){i, j}) == (j == i + 1));
    for (int64_t i = 0; i < 3; i++)
        for (int64_t j = 0; j < 3; j++)
            ck_assert_int_eq(i64_at(b, (int64_t[]){i, j}), i == 2 && j == 0);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(transpose_is_a_view)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *t = nd_transpose(a, NULL, 0);
    ck_assert_int_eq(t->shape[0], 3);
    ck_assert_int_eq(t->shape[1], 2);
    ck_assert_int_eq(t->strides[0], 8);
    ck_assert_int_eq(t->strides[1], 24);
    ck_assert(t->flags & ND_F_CONTIGUOUS);
    ck_assert(!(t->flags & ND_OWNDATA));
    ck_assert_ptr_eq(t->buffer, a->buffer);
    /* writing t[2, 1] writes a[1, 2] */
    *(int64_t *)nd_element_ptr(t, (int64_t[]){2, 1}) = 99;
    ck_assert_int_eq(i64_at(a, (int64_t[]){1, 2}), 99);
    nd_decref(a);
    nd_decref(t);
}
END_TEST

START_TEST(view_outlives_its_base)
{
    NdArray *a = nd_zeros(ND_INT64, 1, SHAPE(6), 'C');
    for (int64_t i = 0; i < 6; i++)
        ((int64_t *)a->data)[i] = i;
    NdArray *r = nd_reshape(a, 2, SHAPE(3, 2), 'C');
    /* A view holds its base, the array owning the memory (NumPy's
     * b.base is a), so the owner outlives the caller's reference. */
    ck_assert_ptr_eq(r->base, a);
    nd_decref(a);
    ck_assert_int_eq(a->refcount, 1);
    ck_assert_int_eq(r->buffer->refcount, 2); /* the view and its owner */
    ck_assert_int_eq(i64_at(r, (int64_t[]){2, 1}), 5);
    nd_decref(r);
}
END_TEST

START_TEST(view_base_chain_collapses_to_owner)
{
    NdArray *a = nd_zeros(ND_INT64, 1, SHAPE(6), 'C');
    ck_assert_ptr_null(a->base);
    ck_assert_ptr_eq(a->buffer->owner, a);
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *r = nd_reshape(t, 2, SHAPE(2, 3), 'C');
    NdArray *v = nd_view(r);
    ck_assert_ptr_eq(t->base, a);
    ck_assert_ptr_eq(r->base, a);
    ck_assert_ptr_eq(v->base, a);
    ck_assert_int_eq(a->refcount, 4);
    nd_decref(t);
    nd_decref(r);
    nd_decref(v);
    ck_assert_int_eq(a->refcount, 1);
    /* A buffer kept without its owner array forgets the owner. */
    NdBuffer *b = a->buffer;
    b->refcount++;
    nd_decref(a);
    ck_assert_ptr_null(b->owner);
    NdArray *w = nd_view_new(b, ND_INT64, 0, NULL, NULL, b->data, true);
    ck_assert_ptr_null(w->base);
    nd_decref(w);
    nd_buffer_decref(b);
}
END_TEST

START_TEST(transpose_with_axes)
{
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    NdArray *t = nd_transpose(a, (int64_t[]){1, 0, 2}, 3);
    /* np.arange(24).reshape(2,3,4).transpose(1,0,2).strides == (32,96,8) */
    ck_assert_int_eq(t->strides[0], 32);
    ck_assert_int_eq(t->strides[1], 96);
    ck_assert_int_eq(t->strides[2], 8);
    ck_assert_int_eq(i64_at(t, (int64_t[]){2, 1, 3}), 1 * 12 + 2 * 4 + 3);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(transpose_errors)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 2, SHAPE(2, 3), 'C');
    ck_assert_ptr_null(nd_transpose(a, (int64_t[]){0}, 1));
    ck_assert_nd_error(ND_ERR_VALUE, "axes don't match array");
    ck_assert_ptr_null(nd_transpose(a, (int64_t[]){0, 0}, 2));
    ck_assert_nd_error(ND_ERR_VALUE, "repeated axis in transpose");
    ck_assert_ptr_null(nd_transpose(a, (int64_t[]){0, 2}, 2));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    nd_decref(a);
}
END_TEST

START_TEST(swapaxes_view)
{
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    NdArray *s = nd_swapaxes(a, 0, -1);
    ck_assert_int_eq(s->shape[0], 4);
    ck_assert_int_eq(s->shape[2], 2);
    ck_assert_int_eq(i64_at(s, (int64_t[]){3, 2, 1}), 12 + 8 + 3);
    nd_decref(s);
    ck_assert_ptr_null(nd_swapaxes(a, 0, 5));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_AXIS);
    nd_error_clear();
    nd_decref(a);
}
END_TEST

START_TEST(reshape_contiguous_is_view)
{
    NdArray *a = iota(1, SHAPE(6));
    NdArray *r = nd_reshape(a, 2, SHAPE(-1, 3), 'C');
    ck_assert_ptr_eq(r->data, a->data);
    ck_assert_int_eq(r->shape[0], 2);
    ck_assert_int_eq(r->strides[0], 24);
    *(int64_t *)nd_element_ptr(r, (int64_t[]){1, 0}) = -7;
    ck_assert_int_eq(((int64_t *)a->data)[3], -7);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(reshape_strided_slice_is_view)
{
    /* np.zeros((4,6))[::2].reshape(2,2,3) is a view with strides
     * (96, 24, 8) */
    NdArray *a = nd_zeros(ND_FLOAT64, 2, SHAPE(4, 6), 'C');
    NdArray *s = nd_view_new(a->buffer, ND_FLOAT64, 2, SHAPE(2, 6),
                             SHAPE(96, 8), a->data, true);
    NdArray *r = nd_reshape(s, 3, SHAPE(2, 2, 3), 'C');
    ck_assert_ptr_eq(r->buffer, a->buffer);
    ck_assert_int_eq(r->strides[0], 96);
    ck_assert_int_eq(r->strides[1], 24);
    ck_assert_int_eq(r->strides[2], 8);
    nd_decref(r);
    nd_decref(s);
    nd_decref(a);
}
END_TEST

START_TEST(reshape_transposed_needs_copy)
{
    /* np.arange(6).reshape(2,3).T.reshape(6) copies: [0, 3, 1, 4, 2, 5] */
    const int64_t expect[] = {0, 3, 1, 4, 2, 5};
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *r = nd_reshape(t, 1, SHAPE(6), 'C');
    ck_assert_ptr_ne(r->buffer, a->buffer);
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(((int64_t *)r->data)[i], expect[i]);
    ck_assert_ptr_null(nd_reshape_view(t, 1, SHAPE(6), 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, "cannot reshape array without copying");
    nd_decref(r);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(reshape_transposed_f_order_is_view)
{
    /* np.zeros((4,6)).T.reshape(2,3,4) is a view, strides (24, 8, 48) */
    NdArray *a = nd_zeros(ND_FLOAT64, 2, SHAPE(4, 6), 'C');
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *r = nd_reshape(t, 3, SHAPE(2, 3, 4), 'C');
    ck_assert_ptr_eq(r->buffer, a->buffer);
    ck_assert_int_eq(r->strides[0], 24);
    ck_assert_int_eq(r->strides[1], 8);
    ck_assert_int_eq(r->strides[2], 48);
    nd_decref(r);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(reshape_order_f)
{
    /* np.arange(6).reshape((2, 3), order='F') == [[0, 2, 4], [1, 3, 5]] */
    NdArray *a = iota(1, SHAPE(6));
    NdArray *r = nd_reshape(a, 2, SHAPE(2, 3), 'F');
    ck_assert_int_eq(i64_at(r, (int64_t[]){0, 1}), 2);
    ck_assert_int_eq(i64_at(r, (int64_t[]){1, 2}), 5);
    ck_assert_ptr_eq(r->buffer, a->buffer);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(reshape_errors)
{
    NdArray *a = iota(1, SHAPE(6));
    NdArray *z = nd_zeros(ND_FLOAT64, 1, SHAPE(0), 'C');
    ck_assert_ptr_null(nd_reshape(a, 1, SHAPE(4), 'C'));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "cannot reshape array of size 6 into shape (4,)");
    ck_assert_ptr_null(nd_reshape(a, 2, SHAPE(4, -1), 'C'));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "cannot reshape array of size 6 into shape "
                       "(4,newaxis)");
    ck_assert_ptr_null(nd_reshape(a, 2, SHAPE(-1, -1), 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, "can only specify one unknown dimension");
    ck_assert_ptr_null(nd_reshape(z, 2, SHAPE(0, -1), 'C'));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "cannot reshape array of size 0 into shape "
                       "(0,newaxis)");
    nd_decref(a);
    nd_decref(z);
}
END_TEST

START_TEST(set_shape_in_place_grows_and_shrinks)
{
    NdArray *a = iota(1, SHAPE(6));
    NdArray *alias = nd_incref(a);
    ck_assert_int_eq(nd_set_shape(a, 4, SHAPE(1, 2, 3, 1)), 0);
    ck_assert_int_eq(alias->ndim, 4);
    ck_assert_int_eq(alias->shape[2], 3);
    ck_assert_int_eq(alias->strides[1], 24);
    ck_assert_int_eq(i64_at(a, (int64_t[]){0, 1, 2, 0}), 5);
    ck_assert_int_eq(nd_set_shape(a, 2, SHAPE(-1, 2)), 0);
    ck_assert_int_eq(a->shape[0], 3);
    ck_assert_int_eq(i64_at(a, (int64_t[]){2, 1}), 5);
    nd_decref(alias);
    nd_decref(a);
}
END_TEST

START_TEST(set_shape_errors)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *t = nd_transpose(a, NULL, 0);
    ck_assert_int_eq(nd_set_shape(a, 1, SHAPE(4)), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "cannot reshape array of size 6 into shape (4,)");
    /* NumPy: a.T.shape = (6,) needs a copy */
    ck_assert_int_eq(nd_set_shape(t, 1, SHAPE(6)), -1);
    ck_assert_nd_error(ND_ERR_ATTRIBUTE,
                       "Incompatible shape for in-place modification. Use "
                       "`.reshape()` to make a copy with the desired shape.");
    ck_assert_int_eq(t->ndim, 2);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(expand_dims_and_squeeze)
{
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    NdArray *e = nd_expand_dims(a, (int64_t[]){0, 3}, 2);
    NdArray *s, *s0;
    ck_assert_int_eq(e->ndim, 5);
    ck_assert_int_eq(e->shape[0], 1);
    ck_assert_int_eq(e->shape[3], 1);
    ck_assert_int_eq(e->shape[4], 4);
    ck_assert(e->flags & ND_C_CONTIGUOUS);
    s = nd_squeeze(e, NULL, 0);
    ck_assert_int_eq(s->ndim, 3);
    ck_assert_int_eq(s->shape[2], 4);
    s0 = nd_squeeze(e, (int64_t[]){-2}, 1);
    ck_assert_int_eq(s0->ndim, 4);
    ck_assert_ptr_null(nd_squeeze(e, (int64_t[]){1}, 1));
    ck_assert_nd_error(ND_ERR_VALUE, "cannot select an axis to squeeze out "
                                     "which has size not equal to one");
    ck_assert_ptr_null(nd_expand_dims(a, (int64_t[]){0, 0}, 2));
    ck_assert_nd_error(ND_ERR_VALUE, "repeated axis");
    ck_assert_ptr_null(nd_expand_dims(a, (int64_t[]){4}, 1));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 4 is out of bounds for array of dimension 4");
    nd_decref(s0);
    nd_decref(s);
    nd_decref(e);
    nd_decref(a);
}
END_TEST

START_TEST(broadcast_to_is_read_only_view)
{
    NdArray *a = iota(1, SHAPE(3));
    NdArray *b = nd_broadcast_to(a, 2, SHAPE(4, 3));
    ck_assert_int_eq(b->strides[0], 0);
    ck_assert_int_eq(b->strides[1], 8);
    ck_assert(!(b->flags & ND_WRITEABLE));
    ck_assert_int_eq(i64_at(b, (int64_t[]){3, 2}), 2);
    nd_decref(b);
    ck_assert_ptr_null(nd_broadcast_to(a, 2, SHAPE(4, 2)));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "operands could not be broadcast together with remapped "
                       "shapes [original->remapped]: (3,)  and requested "
                       "shape (4,2)");
    ck_assert_ptr_null(nd_broadcast_to(a, 0, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "cannot broadcast a non-scalar to a scalar array");
    nd_decref(a);
}
END_TEST

START_TEST(copy_orders)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *k = nd_copy(t, 'K'), *c = nd_copy(t, 'C');
    ck_assert(k->flags & ND_F_CONTIGUOUS);
    ck_assert(c->flags & ND_C_CONTIGUOUS);
    ck_assert_ptr_ne(c->buffer, a->buffer);
    ck_assert_int_eq(i64_at(c, (int64_t[]){2, 1}), 5);
    ck_assert_int_eq(i64_at(k, (int64_t[]){2, 0}), 2);
    /* a copy does not alias */
    ((int64_t *)a->data)[0] = 42;
    ck_assert_int_eq(i64_at(c, (int64_t[]){0, 0}), 0);
    nd_decref(k);
    nd_decref(c);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(copy_keeps_permuted_layout)
{
    /* copy(order='K') of a (1,0,2)-transposed array keeps its memory order:
     * NumPy gives strides (32, 96, 8) for the copy too. */
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    NdArray *t = nd_transpose(a, (int64_t[]){1, 0, 2}, 3);
    NdArray *k = nd_copy(t, 'K');
    ck_assert_int_eq(k->strides[0], 32);
    ck_assert_int_eq(k->strides[1], 96);
    ck_assert_int_eq(k->strides[2], 8);
    ck_assert_int_eq(i64_at(k, (int64_t[]){2, 1, 3}), 23);
    nd_decref(k);
    nd_decref(t);
    nd_decref(a);
}
END_TEST

START_TEST(ascontiguous_returns_same_when_possible)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *c = nd_ascontiguousarray(a);
    NdArray *t = nd_transpose(a, NULL, 0);
    NdArray *f = nd_asfortranarray(t), *tc = nd_ascontiguousarray(t);
    ck_assert_ptr_eq(c, a);
    ck_assert_ptr_eq(f, t);
    ck_assert_ptr_ne(tc, t);
    ck_assert(tc->flags & ND_C_CONTIGUOUS);
    ck_assert_int_eq(i64_at(tc, (int64_t[]){1, 0}), 1);
    nd_decref(a);
    nd_decref(c);
    nd_decref(t);
    nd_decref(f);
    nd_decref(tc);
}
END_TEST

START_TEST(ravel_orders)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *rc = nd_ravel(a, 'C'), *rf = nd_ravel(a, 'F');
    const int64_t f_expect[] = {0, 3, 1, 4, 2, 5};
    ck_assert_ptr_eq(rc->buffer, a->buffer);
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(((int64_t *)rf->data)[i], f_expect[i]);
    nd_decref(rc);
    nd_decref(rf);
    nd_decref(a);
}
END_TEST

START_TEST(items_get_set_and_scalar_arrays)
{
    NdArray *a = nd_zeros(ND_INT16, 1, SHAPE(3), 'C');
    NdScalar v = nd_scalar_float64(-2.7), out;
    NdScalar w = {.dtype = ND_INT64, .weak = true, .v.i64 = 5};
    NdArray *z;
    ck_assert_int_eq(nd_set_item(a, (int64_t[]){1}, &v), 0);
    ck_assert_int_eq(nd_get_item(a, (int64_t[]){1}, &out), 0);
    ck_assert_int_eq(out.dtype, ND_INT16);
    ck_assert_int_eq(out.v.i16, -2);
    ck_assert_int_eq(nd_item(a, &out), -1);
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    z = nd_from_scalar(&w);
    ck_assert_int_eq(z->ndim, 0);
    ck_assert(z->flags & ND_WEAK);
    ck_assert_int_eq(nd_item(z, &out), 0);
    ck_assert_int_eq(out.v.i64, 5);
    nd_decref(z);
    nd_decref(a);
}
END_TEST

START_TEST(read_only_view_refuses_set_item)
{
    NdArray *a = iota(1, SHAPE(3));
    NdArray *b = nd_broadcast_to(a, 2, SHAPE(2, 3));
    NdScalar v = nd_scalar_int64(1);
    ck_assert_int_eq(nd_set_item(b, (int64_t[]){0, 0}, &v), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "assignment destination is read-only");
    nd_decref(b);
    nd_decref(a);
}
END_TEST

static void release_counting(NdBuffer *b)
{
    (*(int *)b->ctx)++;
}

START_TEST(foreign_buffer_released_once)
{
    static double storage[4] = {1, 2, 3, 4};
    int released = 0;
    NdBuffer *b = nd_buffer_new((char *)storage, sizeof storage,
                                release_counting, &released);
    NdArray *a = nd_view_new(b, ND_FLOAT64, 1, SHAPE(4), SHAPE(8),
                             (char *)storage, true);
    NdArray *v = nd_reshape(a, 2, SHAPE(2, 2), 'C');
    nd_buffer_decref(b);
    nd_decref(a);
    ck_assert_int_eq(released, 0);
    ck_assert(f64_at(v, (int64_t[]){1, 1}) == 4.0);
    nd_decref(v);
    ck_assert_int_eq(released, 1);
}
END_TEST

START_TEST(error_record_basics)
{
    ck_assert_int_eq(nd_error(ND_ERR_INDEX, "index %d is out of bounds", 5),
                     -1);
    ck_assert_str_eq(nd_error_kind_name(nd_error_kind()), "IndexError");
    ck_assert_str_eq(nd_error_message(), "index 5 is out of bounds");
    nd_error_clear();
    ck_assert_int_eq(nd_error_kind(), ND_OK);
    ck_assert_str_eq(nd_error_message(), "");
}
END_TEST

START_TEST(fpe_status_remembers_first_origin)
{
    nd_fpe_clear();
    nd_fpe_raise(ND_FPE_DIVIDEBYZERO, "divide");
    nd_fpe_raise(ND_FPE_DIVIDEBYZERO | ND_FPE_INVALID, "remainder");
    ck_assert_uint_eq(nd_fpe_status(), ND_FPE_DIVIDEBYZERO | ND_FPE_INVALID);
    ck_assert_str_eq(nd_fpe_origin(ND_FPE_DIVIDEBYZERO), "divide");
    ck_assert_str_eq(nd_fpe_origin(ND_FPE_INVALID), "remainder");
    ck_assert_ptr_null(nd_fpe_origin(ND_FPE_OVERFLOW));
    nd_fpe_clear();
    ck_assert_uint_eq(nd_fpe_status(), 0);
}
END_TEST

START_TEST(fpe_hardware_flags_collected)
{
    volatile double zero = 0.0, one = 1.0, r;
    nd_fpe_clear();
    nd_fpe_hw_clear();
    r = one / zero;
    (void)r;
    nd_fpe_hw_collect("divide");
    ck_assert_uint_eq(nd_fpe_status(), ND_FPE_DIVIDEBYZERO);
    ck_assert_str_eq(nd_fpe_origin(ND_FPE_DIVIDEBYZERO), "divide");
    nd_fpe_clear();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("array");
    TCase *core = tcase_create("core"), *create = tcase_create("create"),
          *views = tcase_create("views"), *err = tcase_create("errors");
    tcase_add_test(core, empty_has_c_strides);
    tcase_add_test(core, empty_f_order_strides);
    tcase_add_test(core, zero_d_and_length_one_are_both_contiguous);
    tcase_add_test(core, zero_size_array);
    tcase_add_test(core, negative_dimension_is_value_error);
    tcase_add_test(core, too_many_dimensions);
    tcase_add_test(core, element_count_overflow_is_value_error);
    tcase_add_test(core, byte_size_overflow_is_value_error);
    tcase_add_test(core, overflow_hidden_by_a_zero_is_still_refused);
    tcase_add_test(core, failed_allocation_is_memory_error);
    tcase_add_test(core, shape_text_is_python_tuple);
    tcase_add_test(core, items_get_set_and_scalar_arrays);
    tcase_add_test(core, read_only_view_refuses_set_item);
    tcase_add_test(core, foreign_buffer_released_once);
    tcase_add_test(create, zeros_ones_full_values);
    tcase_add_test(create, from_data_checks_count);
    tcase_add_test(create, arange_ints);
    tcase_add_test(create, arange_negative_step_and_empty);
    tcase_add_test(create, arange_floats_follow_numpy_fill);
    tcase_add_test(create, arange_float32_in_float32_arithmetic);
    tcase_add_test(create, arange_float_args_int_dtype);
    tcase_add_test(create, arange_zero_step);
    tcase_add_test(create, arange_beyond_int64);
    tcase_add_test(create, linspace_values);
    tcase_add_test(create, linspace_no_endpoint_and_retstep);
    tcase_add_test(create, linspace_edge_counts);
    tcase_add_test(create, linspace_int_dtype_floors);
    tcase_add_test(create, eye_with_offsets);
    tcase_add_test(create, copy_orders);
    tcase_add_test(create, copy_keeps_permuted_layout);
    tcase_add_test(views, transpose_is_a_view);
    tcase_add_test(views, view_outlives_its_base);
    tcase_add_test(views, view_base_chain_collapses_to_owner);
    tcase_add_test(views, transpose_with_axes);
    tcase_add_test(views, transpose_errors);
    tcase_add_test(views, swapaxes_view);
    tcase_add_test(views, reshape_contiguous_is_view);
    tcase_add_test(views, reshape_strided_slice_is_view);
    tcase_add_test(views, reshape_transposed_needs_copy);
    tcase_add_test(views, reshape_transposed_f_order_is_view);
    tcase_add_test(views, reshape_order_f);
    tcase_add_test(views, reshape_errors);
    tcase_add_test(views, set_shape_in_place_grows_and_shrinks);
    tcase_add_test(views, set_shape_errors);
    tcase_add_test(views, expand_dims_and_squeeze);
    tcase_add_test(views, broadcast_to_is_read_only_view);
    tcase_add_test(views, ascontiguous_returns_same_when_possible);
    tcase_add_test(views, ravel_orders);
    tcase_add_test(err, error_record_basics);
    tcase_add_test(err, fpe_status_remembers_first_origin);
    tcase_add_test(err, fpe_hardware_flags_collected);
    suite_add_tcase(s, core);
    suite_add_tcase(s, create);
    suite_add_tcase(s, views);
    suite_add_tcase(s, err);
    return nd_test_main(s);
}
