/* test_index.c — Check suite of lib/index.c: basic indexing (views and
 * their geometry), advanced indexing (NumPy's placement of the advanced
 * dimensions, boolean arrays, broadcasting index arrays), assignment
 * through every index form, the helpers (take, put, nonzero, argwhere,
 * flatnonzero, where, compress, place, putmask, diagonal, diag, tril,
 * triu) and every error text.  Expected values are worked by hand from
 * NumPy's rules or taken from NumPy's documentation examples. */
#include "testutil.h"

/* int64 0 .. n-1 in C order with the given shape. */
static NdArray *iota(int ndim, const int64_t *shape)
{
    int64_t n = 1;
    for (int i = 0; i < ndim; i++)
        n *= shape[i];
    NdScalar s0 = nd_scalar_int64(0), s1 = nd_scalar_int64(n),
             s2 = nd_scalar_int64(1);
    NdArray *flat = nd_arange(&s0, &s1, &s2, ND_INT64);
    ck_assert_ptr_nonnull(flat);
    NdArray *r = nd_reshape(flat, ndim, shape, 'C');
    ck_assert_ptr_nonnull(r);
    nd_decref(flat);
    return r;
}

static NdIndex ix_int(int64_t i)
{
    NdIndex it = {.kind = ND_INDEX_INT, .i = i};
    return it;
}

static NdIndex ix_all(void)
{
    NdIndex it = {.kind = ND_INDEX_SLICE, .step = 1};
    return it;
}

/* start:stop:step with NONE for an omitted part. */
#define NONE INT64_MIN
static NdIndex ix_slice(int64_t start, int64_t stop, int64_t step)
{
    NdIndex it = {.kind = ND_INDEX_SLICE, .step = step};
    it.has_start = start != NONE;
    it.start = start;
    it.has_stop = stop != NONE;
    it.stop = stop;
    return it;
}

static NdIndex ix_new(void)
{
    NdIndex it = {.kind = ND_INDEX_NEWAXIS};
    return it;
}

static NdIndex ix_ell(void)
{
    NdIndex it = {.kind = ND_INDEX_ELLIPSIS};
    return it;
}

static NdIndex ix_arr(NdArray *a)
{
    NdIndex it = {.kind = ND_INDEX_ARRAY, .array = a};
    return it;
}

#define IDX(...) ((NdIndex[]){__VA_ARGS__})
#define NIDX(...) ((int)(sizeof((NdIndex[]){__VA_ARGS__}) / sizeof(NdIndex)))
#define GET(a, ...) nd_index_get((a), IDX(__VA_ARGS__), NIDX(__VA_ARGS__))
#define SET(a, v, ...)                                                         \
    nd_index_set((a), IDX(__VA_ARGS__), NIDX(__VA_ARGS__), (v))
#define I64(shape, ndim, ...) ARR(ND_INT64, int64_t, shape, ndim, __VA_ARGS__)
#define BOOLS(shape, ndim, ...) ARR(ND_BOOL, bool, shape, ndim, __VA_ARGS__)

/* r has the given shape and, read in C order as int64, these values. */
static void expect(NdArray *r, int ndim, const int64_t *shape,
                   const int64_t *vals, int64_t n)
{
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, ndim);
    for (int i = 0; i < ndim; i++)
        ck_assert_int_eq(r->shape[i], shape[i]);
    ck_assert_int_eq(r->size, n);
    NdArray *c = nd_astype(r, ND_INT64, ND_CAST_UNSAFE, true);
    NdArray *cc = nd_ascontiguousarray(c);
    for (int64_t i = 0; i < n; i++)
        ck_assert_int_eq(((int64_t *)cc->data)[i], vals[i]);
    nd_decref(cc);
    nd_decref(c);
}

#define EXPECT(r, shape, nd, ...)                                              \
    expect((r), (nd), (shape), (const int64_t[]){__VA_ARGS__},                 \
           (int64_t)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)))
#define EXPECT_EMPTY(r, shape, nd) expect((r), (nd), (shape), NULL, 0)

/* --------------------------------------------------------- slices */

START_TEST(slice_indices_python_rules)
{
    int64_t start, step, n;
    NdIndex s = ix_slice(NONE, NONE, -1);
    ck_assert_int_eq(nd_slice_indices(&s, 5, &start, &step, &n), 0);
    ck_assert_int_eq(start, 4);
    ck_assert_int_eq(n, 5);
    s = ix_slice(-100, 100, 2); /* clipped: 0, 2, 4 */
    nd_slice_indices(&s, 5, &start, &step, &n);
    ck_assert_int_eq(start, 0);
    ck_assert_int_eq(n, 3);
    s = ix_slice(10, NONE, -2); /* 4, 2, 0 */
    nd_slice_indices(&s, 5, &start, &step, &n);
    ck_assert_int_eq(start, 4);
    ck_assert_int_eq(n, 3);
    s = ix_slice(3, 1, 1); /* empty */
    nd_slice_indices(&s, 5, &start, &step, &n);
    ck_assert_int_eq(n, 0);
    s = ix_slice(-2, -100, -1); /* 3, 2, 1, 0 */
    nd_slice_indices(&s, 5, &start, &step, &n);
    ck_assert_int_eq(start, 3);
    ck_assert_int_eq(n, 4);
}
END_TEST

START_TEST(slice_step_zero)
{
    int64_t start, step, n;
    NdIndex s = ix_slice(NONE, NONE, 0);
    ck_assert_int_eq(nd_slice_indices(&s, 5, &start, &step, &n), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "slice step cannot be zero");
}
END_TEST

/* ---------------------------------------------------------- basic */

START_TEST(basic_is_view)
{
    NdArray *a = iota(2, SHAPE(3, 4));
    NdArray *r = GET(a, ix_int(1));
    EXPECT(r, SHAPE(4), 1, 4, 5, 6, 7);
    ck_assert_ptr_eq(r->buffer, a->buffer);
    ck_assert(!(r->flags & ND_OWNDATA));
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(basic_negative_int)
{
    NdArray *a = iota(2, SHAPE(3, 4));
    NdArray *r = GET(a, ix_int(-1), ix_int(-2));
    ck_assert_int_eq(r->ndim, 0);
    ck_assert_int_eq(*(int64_t *)r->data, 10);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(basic_reverse_both_axes)
{
    /* a[::-1, ::-2] of arange(6).reshape(2, 3) is [[5, 3], [2, 0]]. */
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *r = GET(a, ix_slice(NONE, NONE, -1), ix_slice(NONE, NONE, -2));
    EXPECT(r, SHAPE(2, 2), 2, 5, 3, 2, 0);
    ck_assert_int_eq(r->strides[0], -24);
    ck_assert_int_eq(r->strides[1], -16);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(basic_out_of_range_slice_clipped)
{
    NdArray *a = iota(1, SHAPE(5));
    NdArray *r = GET(a, ix_slice(-10, 10, 1));
    EXPECT(r, SHAPE(5), 1, 0, 1, 2, 3, 4);
    nd_decref(r);
    r = GET(a, ix_slice(7, 9, 1));
    EXPECT_EMPTY(r, SHAPE(0), 1);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(basic_ellipsis_newaxis)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *r = GET(a, ix_ell(), ix_new());
    EXPECT(r, SHAPE(2, 3, 1), 3, 0, 1, 2, 3, 4, 5);
    nd_decref(r);
    r = GET(a, ix_new(), ix_ell(), ix_int(1));
    EXPECT(r, SHAPE(1, 2), 2, 1, 4);
    nd_decref(r);
    r = GET(a, ix_all(), ix_new(), ix_int(2));
    EXPECT(r, SHAPE(2, 1), 2, 2, 5);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(basic_ellipsis_in_middle)
{
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    NdArray *r = GET(a, ix_int(1), ix_ell(), ix_int(0));
    EXPECT(r, SHAPE(3), 1, 12, 16, 20);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(basic_zero_d)
{
    NdScalar s = nd_scalar_int64(5);
    NdArray *a = nd_from_scalar(&s);
    NdArray *r = nd_index_get(a, NULL, 0);
    EXPECT(r, NULL, 0, 5);
    nd_decref(r);
    r = GET(a, ix_new());
    EXPECT(r, SHAPE(1), 1, 5);
    nd_decref(r);
    r = GET(a, ix_ell());
    EXPECT(r, NULL, 0, 5);
    nd_decref(r);
    char *p;
    ck_assert_int_eq(nd_index_element(a, NULL, 0, &p), 1);
    ck_assert_int_eq(*(int64_t *)p, 5);
    nd_decref(a);
}
END_TEST

START_TEST(basic_empty_array)
{
    NdArray *a = nd_zeros(ND_FLOAT64, 2, SHAPE(0, 3), 'C');
    NdArray *r = GET(a, ix_all(), ix_int(1));
    EXPECT_EMPTY(r, SHAPE(0), 1);
    nd_decref(r);
    r = GET(a, ix_slice(NONE, NONE, -1));
    EXPECT_EMPTY(r, SHAPE(0, 3), 2);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(read_only_view_stays_read_only)
{
    NdArray *a = iota(1, SHAPE(4));
    a->flags &= ~(unsigned)ND_WRITEABLE;
    NdArray *r = GET(a, ix_slice(1, NONE, 1));
    ck_assert(!(r->flags & ND_WRITEABLE));
    nd_decref(r);
    nd_decref(a);
}
END_TEST

START_TEST(element_pointer)
{
    NdArray *a = iota(2, SHAPE(3, 4));
    char *p;
    ck_assert_int_eq(nd_index_element(a, IDX(ix_int(2), ix_int(-1)), 2, &p), 1);
    ck_assert_int_eq(*(int64_t *)p, 11);
    ck_assert_int_eq(nd_index_element(a, IDX(ix_int(2)), 1, &p), 0);
    ck_assert_int_eq(nd_index_element(a, IDX(ix_int(2), ix_all()), 2, &p), 0);
    ck_assert_int_eq(nd_index_element(a, IDX(ix_int(3), ix_int(0)), 2, &p), -1);
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 3 is out of bounds for axis 0 with size 3");
    nd_decref(a);
}
END_TEST

START_TEST(is_basic)
{
    NdArray *m = BOOLS(SHAPE(2), 1, true, false);
    ck_assert(nd_index_is_basic(IDX(ix_int(1), ix_all()), 2));
    ck_assert(!nd_index_is_basic(IDX(ix_arr(m)), 1));
    nd_decref(m);
}
END_TEST

/* ------------------------------------------------------- advanced */

START_TEST(adv_int_list_is_copy)
{
    NdArray *a = iota(1, SHAPE(5));
    NdArray *ix = I64(SHAPE(3), 1, 4, 0, -1);
    NdArray *r = GET(a, ix_arr(ix));
    EXPECT(r, SHAPE(3), 1, 4, 0, 4);
    ck_assert_ptr_ne(r->buffer, a->buffer);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(adv_other_int_dtypes)
{
    NdArray *a = iota(1, SHAPE(5));
    NdArray *ix = ARR(ND_INT8, int8_t, SHAPE(2), 1, -2, 1);
    NdArray *r = GET(a, ix_arr(ix));
    EXPECT(r, SHAPE(2), 1, 3, 1);
    nd_decref(r);
    nd_decref(ix);
    ix = ARR(ND_UINT16, uint16_t, SHAPE(2), 1, 4, 2);
    r = GET(a, ix_arr(ix));
    EXPECT(r, SHAPE(2), 1, 4, 2);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(adv_rows_of_2d)
{
    NdArray *a = iota(2, SHAPE(3, 2));
    NdArray *ix = I64(SHAPE(2), 1, 2, 0);
    NdArray *r = GET(a, ix_arr(ix));
    EXPECT(r, SHAPE(2, 2), 2, 4, 5, 0, 1);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(adv_pairs)
{
    /* NumPy's documentation: x[[0, 1, 2], [0, 1, 0]] -> [1, 4, 5]. */
    NdArray *x = I64(SHAPE(3, 2), 2, 1, 2, 3, 4, 5, 6);
    NdArray *i0 = I64(SHAPE(3), 1, 0, 1, 2), *i1 = I64(SHAPE(3), 1, 0, 1, 0);
    NdArray *r = GET(x, ix_arr(i0), ix_arr(i1));
    EXPECT(r, SHAPE(3), 1, 1, 4, 5);
    nd_decref(r);
    nd_decref(i0);
    nd_decref(i1);
    nd_decref(x);
}
END_TEST

START_TEST(adv_broadcast_corners)
{
    /* NumPy's documentation: corners of a 4x3 array with rows [[0, 0],
     * [3, 3]] and columns [[0, 2], [0, 2]] -> [[0, 2], [9, 11]]. */
    NdArray *x = iota(2, SHAPE(4, 3));
    NdArray *rows = I64(SHAPE(2, 1), 2, 0, 3), *cols = I64(SHAPE(2), 1, 0, 2);
    NdArray *r = GET(x, ix_arr(rows), ix_arr(cols));
    EXPECT(r, SHAPE(2, 2), 2, 0, 2, 9, 11);
    nd_decref(r);
    nd_decref(rows);
    nd_decref(cols);
    nd_decref(x);
}
END_TEST

START_TEST(adv_adjacent_in_place)
{
    /* a[:, [0, 1], :] keeps the advanced axis where it was. */
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    NdArray *ix = I64(SHAPE(2), 1, 0, 1);
    NdArray *r = GET(a, ix_all(), ix_arr(ix), ix_all());
    EXPECT(r, SHAPE(2, 2, 4), 3, 0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17,
           18, 19);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(adv_separated_go_first)
{
    /* a[[0, 1], :, [0, 1]]: separated by a slice, the broadcast (2,)
     * goes first: shape (2, 3); row k is a[k, :, k]. */
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    NdArray *ix = I64(SHAPE(2), 1, 0, 1);
    NdArray *r = GET(a, ix_arr(ix), ix_all(), ix_arr(ix));
    EXPECT(r, SHAPE(2, 3), 2, 0, 4, 8, 13, 17, 21);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(adv_int_counts_as_advanced)
{
    /* a[0, :, [0, 1]] has shape (2, 3): the integer is an advanced index
     * separated from the array by the slice (NumPy's famous case). */
    NdArray *a = iota(3, SHAPE(2, 3, 4));
    NdArray *ix = I64(SHAPE(2), 1, 0, 1);
    NdArray *r = GET(a, ix_int(0), ix_all(), ix_arr(ix));
    EXPECT(r, SHAPE(2, 3), 2, 0, 4, 8, 1, 5, 9);
    nd_decref(r);
    /* a[:, 1, [0, 3]]: adjacent, so in place: shape (2, 2). */
    NdArray *ix2 = I64(SHAPE(2), 1, 0, 3);
    r = GET(a, ix_all(), ix_int(1), ix_arr(ix2));
    EXPECT(r, SHAPE(2, 2), 2, 4, 7, 16, 19);
    nd_decref(r);
    nd_decref(ix2);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(adv_ellipsis_of_nothing_is_adjacent)
{
    NdArray *b = iota(2, SHAPE(2, 3));
    NdArray *i0 = I64(SHAPE(1), 1, 1), *i1 = I64(SHAPE(1), 1, 2);
    NdArray *r = GET(b, ix_arr(i0), ix_ell(), ix_arr(i1));
    EXPECT(r, SHAPE(1), 1, 5);
    nd_decref(r);
    nd_decref(i0);
    nd_decref(i1);
    nd_decref(b);
}
END_TEST

START_TEST(adv_2d_index_shape)
{
    NdArray *a = iota(1, SHAPE(5));
    NdArray *ix = I64(SHAPE(2, 2), 2, 1, 2, 3, 4);
    NdArray *r = GET(a, ix_arr(ix));
    EXPECT(r, SHAPE(2, 2), 2, 1, 2, 3, 4);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(adv_empty_index)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    int64_t zero = 0;
    NdArray *ix = nd_empty(ND_INT64, 1, &zero, 'C');
    NdArray *r = GET(a, ix_arr(ix));
    EXPECT_EMPTY(r, SHAPE(0, 3), 2);
    nd_decref(r);
    r = GET(a, ix_all(), ix_arr(ix));
    EXPECT_EMPTY(r, SHAPE(2, 0), 2);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(adv_with_newaxis)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *ix = I64(SHAPE(2), 1, 2, 0);
    NdArray *r = GET(a, ix_new(), ix_all(), ix_arr(ix));
    EXPECT(r, SHAPE(1, 2, 2), 3, 2, 0, 5, 3);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(adv_on_strided_view)
{
    NdArray *a = iota(1, SHAPE(10));
    NdArray *v = GET(a, ix_slice(NONE, NONE, -2)); /* 9 7 5 3 1 */
    NdArray *ix = I64(SHAPE(3), 1, 0, 4, 2);
    NdArray *r = GET(v, ix_arr(ix));
    EXPECT(r, SHAPE(3), 1, 9, 1, 5);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(v);
    nd_decref(a);
}
END_TEST

START_TEST(adv_float_and_complex_gather)
{
    NdArray *f = ARR(ND_FLOAT32, float, SHAPE(3), 1, 0.5f, 1.5f, 2.5f);
    NdArray *ix = I64(SHAPE(2), 1, 2, 0);
    NdArray *r = GET(f, ix_arr(ix));
    ck_assert(((float *)r->data)[0] == 2.5f && ((float *)r->data)[1] == 0.5f);
    nd_decref(r);
    NdArray *c = nd_zeros(ND_COMPLEX128, 1, SHAPE(3), 'C');
    ((nd_complex128 *)c->data)[2].im = 7;
    r = GET(c, ix_arr(ix));
    ck_assert(((nd_complex128 *)r->data)[0].im == 7);
    nd_decref(r);
    nd_decref(c);
    nd_decref(ix);
    nd_decref(f);
}
END_TEST

/* ------------------------------------------------------- booleans */

START_TEST(bool_mask_full_shape)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *m = BOOLS(SHAPE(2, 3), 2, false, true, false, true, true, false);
    NdArray *r = GET(a, ix_arr(m));
    EXPECT(r, SHAPE(3), 1, 1, 3, 4);
    nd_decref(r);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(bool_mask_first_axis)
{
    NdArray *a = iota(2, SHAPE(3, 2));
    NdArray *m = BOOLS(SHAPE(3), 1, true, false, true);
    NdArray *r = GET(a, ix_arr(m));
    EXPECT(r, SHAPE(2, 2), 2, 0, 1, 4, 5);
    nd_decref(r);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(bool_mask_second_axis)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *m = BOOLS(SHAPE(3), 1, true, false, true);
    NdArray *r = GET(a, ix_all(), ix_arr(m));
    EXPECT(r, SHAPE(2, 2), 2, 0, 2, 3, 5);
    nd_decref(r);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(bool_2d_consumes_two_axes)
{
    /* a (2, 2, 3) indexed by a (2, 2) mask: (count, 3). */
    NdArray *a = iota(3, SHAPE(2, 2, 3));
    NdArray *m = BOOLS(SHAPE(2, 2), 2, true, false, false, true);
    NdArray *r = GET(a, ix_arr(m));
    EXPECT(r, SHAPE(2, 3), 2, 0, 1, 2, 9, 10, 11);
    nd_decref(r);
    /* and beside an integer: a[..., mask2d] on (3, 2, 2) */
    NdArray *b = iota(3, SHAPE(3, 2, 2));
    r = GET(b, ix_ell(), ix_arr(m));
    EXPECT(r, SHAPE(3, 2), 2, 0, 3, 4, 7, 8, 11);
    nd_decref(r);
    nd_decref(b);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(bool_with_int_array)
{
    /* a[mask, [1, 0]] pairs the mask's nonzero rows with the columns. */
    NdArray *a = iota(2, SHAPE(3, 2));
    NdArray *m = BOOLS(SHAPE(3), 1, true, false, true);
    NdArray *ix = I64(SHAPE(2), 1, 1, 0);
    NdArray *r = GET(a, ix_arr(m), ix_arr(ix));
    EXPECT(r, SHAPE(2), 1, 1, 4);
    nd_decref(r);
    nd_decref(ix);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(bool_zero_d)
{
    NdArray *a = iota(1, SHAPE(3));
    NdScalar t = nd_scalar_bool(true), f = nd_scalar_bool(false);
    NdArray *bt = nd_from_scalar(&t), *bf = nd_from_scalar(&f);
    NdArray *r = GET(a, ix_arr(bt));
    EXPECT(r, SHAPE(1, 3), 2, 0, 1, 2);
    nd_decref(r);
    r = GET(a, ix_arr(bf));
    EXPECT_EMPTY(r, SHAPE(0, 3), 2);
    nd_decref(r);
    nd_decref(bt);
    nd_decref(bf);
    nd_decref(a);
}
END_TEST

START_TEST(bool_all_false_and_empty_array)
{
    NdArray *a = iota(1, SHAPE(3));
    NdArray *m = BOOLS(SHAPE(3), 1, false, false, false);
    NdArray *r = GET(a, ix_arr(m));
    EXPECT_EMPTY(r, SHAPE(0), 1);
    nd_decref(r);
    nd_decref(m);
    nd_decref(a);
    NdArray *e = nd_zeros(ND_INT64, 1, SHAPE(0), 'C');
    NdArray *em = nd_zeros(ND_BOOL, 1, SHAPE(0), 'C');
    r = GET(e, ix_arr(em));
    EXPECT_EMPTY(r, SHAPE(0), 1);
    nd_decref(r);
    nd_decref(em);
    nd_decref(e);
}
END_TEST

START_TEST(bool_mask_strided)
{
    NdArray *a = iota(1, SHAPE(6));
    NdArray *v = GET(a, ix_slice(NONE, NONE, 2)); /* 0 2 4 */
    NdArray *m = BOOLS(SHAPE(3), 1, false, true, true);
    NdArray *r = GET(v, ix_arr(m));
    EXPECT(r, SHAPE(2), 1, 2, 4);
    nd_decref(r);
    nd_decref(m);
    nd_decref(v);
    nd_decref(a);
}
END_TEST

/* ---------------------------------------------------------- errors */

START_TEST(err_out_of_bounds)
{
    NdArray *a = iota(1, SHAPE(3));
    ck_assert_ptr_null(GET(a, ix_int(5)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 5 is out of bounds for axis 0 with size 3");
    ck_assert_ptr_null(GET(a, ix_int(-4)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index -4 is out of bounds for axis 0 with size 3");
    NdArray *ix = I64(SHAPE(2), 1, 0, 3);
    ck_assert_ptr_null(GET(a, ix_arr(ix)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 3 is out of bounds for axis 0 with size 3");
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(err_out_of_bounds_second_axis)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *i0 = I64(SHAPE(2), 1, 0, 1), *i1 = I64(SHAPE(2), 1, 0, 5);
    ck_assert_ptr_null(GET(a, ix_arr(i0), ix_arr(i1)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 5 is out of bounds for axis 1 with size 3");
    ck_assert_ptr_null(GET(a, ix_all(), ix_int(-4)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index -4 is out of bounds for axis 1 with size 3");
    nd_decref(i0);
    nd_decref(i1);
    nd_decref(a);
}
END_TEST

START_TEST(err_too_many_indices)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    ck_assert_ptr_null(GET(a, ix_int(1), ix_int(2), ix_int(0)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "too many indices for array: array is 2-dimensional, "
                       "but 3 were indexed");
    ck_assert_ptr_null(GET(a, ix_int(1), ix_new(), ix_all(), ix_all()));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "too many indices for array: array is 2-dimensional, "
                       "but 3 were indexed");
    nd_decref(a);
}
END_TEST

START_TEST(err_two_ellipses)
{
    NdArray *a = iota(1, SHAPE(3));
    ck_assert_ptr_null(GET(a, ix_ell(), ix_ell()));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "an index can only have a single ellipsis ('...')");
    nd_decref(a);
}
END_TEST

START_TEST(err_bool_length)
{
    NdArray *a = iota(1, SHAPE(3));
    NdArray *m = BOOLS(SHAPE(2), 1, true, false);
    ck_assert_ptr_null(GET(a, ix_arr(m)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "boolean index did not match indexed array along axis "
                       "0; size of axis is 3 but size of corresponding "
                       "boolean axis is 2");
    NdArray *b = iota(2, SHAPE(2, 3));
    ck_assert_ptr_null(GET(b, ix_all(), ix_arr(m)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "boolean index did not match indexed array along axis "
                       "1; size of axis is 3 but size of corresponding "
                       "boolean axis is 2");
    nd_decref(b);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(err_float_index_array)
{
    NdArray *a = iota(1, SHAPE(3));
    NdArray *f = ARR(ND_FLOAT64, double, SHAPE(1), 1, 1.0);
    ck_assert_ptr_null(GET(a, ix_arr(f)));
    ck_assert_nd_error(ND_ERR_INDEX, "arrays used as indices must be of "
                                     "integer (or boolean) type");
    nd_decref(f);
    nd_decref(a);
}
END_TEST

START_TEST(err_broadcast_indices)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *i0 = I64(SHAPE(2), 1, 0, 1), *i1 = I64(SHAPE(3), 1, 0, 1, 2);
    ck_assert_ptr_null(GET(a, ix_arr(i0), ix_arr(i1)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "shape mismatch: indexing arrays could not be "
                       "broadcast together with shapes (2,) (3,) ");
    nd_decref(i0);
    nd_decref(i1);
    nd_decref(a);
}
END_TEST

START_TEST(err_zero_d_index)
{
    NdScalar s = nd_scalar_int64(5);
    NdArray *a = nd_from_scalar(&s);
    ck_assert_ptr_null(GET(a, ix_int(0)));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "too many indices for array: array is 0-dimensional, "
                       "but 1 were indexed");
    nd_decref(a);
}
END_TEST

/* ------------------------------------------------------ assignment */

START_TEST(set_basic_broadcast)
{
    NdArray *a = nd_zeros(ND_INT64, 2, SHAPE(2, 3), 'C');
    NdArray *v = I64(SHAPE(3), 1, 1, 2, 3);
    ck_assert_int_eq(SET(a, v, ix_all()), 0);
    EXPECT(a, SHAPE(2, 3), 2, 1, 2, 3, 1, 2, 3);
    nd_decref(v);
    nd_decref(a);
}
END_TEST

START_TEST(set_unsafe_cast)
{
    NdArray *a = nd_zeros(ND_INT64, 1, SHAPE(3), 'C');
    NdArray *v = ARR(ND_FLOAT64, double, SHAPE(1), 1, 2.9);
    ck_assert_int_eq(SET(a, v, ix_int(1)), 0);
    EXPECT(a, SHAPE(3), 1, 0, 2, 0);
    nd_decref(v);
    nd_decref(a);
}
END_TEST

START_TEST(set_through_chained_views)
{
    /* a[1:][::2][0] = 9 changes a[1]. */
    NdArray *a = iota(1, SHAPE(6));
    NdArray *v1 = GET(a, ix_slice(1, NONE, 1));
    NdArray *v2 = GET(v1, ix_slice(NONE, NONE, 2));
    NdArray *nine = I64(SHAPE(1), 1, 9);
    ck_assert_int_eq(SET(v2, nine, ix_int(0)), 0);
    EXPECT(a, SHAPE(6), 1, 0, 9, 2, 3, 4, 5);
    ck_assert_int_eq(SET(v2, nine, ix_int(2)), 0); /* a[5] */
    EXPECT(a, SHAPE(6), 1, 0, 9, 2, 3, 4, 9);
    nd_decref(nine);
    nd_decref(v2);
    nd_decref(v1);
    nd_decref(a);
}
END_TEST

START_TEST(set_mask_scalar)
{
    /* a[a > 2] = 0 */
    NdArray *a = iota(1, SHAPE(5));
    NdArray *m = BOOLS(SHAPE(5), 1, false, false, false, true, true);
    NdArray *z = I64(SHAPE(1), 1, 0);
    ck_assert_int_eq(SET(a, z, ix_arr(m)), 0);
    EXPECT(a, SHAPE(5), 1, 0, 1, 2, 0, 0);
    nd_decref(z);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(set_mask_values)
{
    NdArray *a = iota(2, SHAPE(2, 2));
    NdArray *m = BOOLS(SHAPE(2, 2), 2, true, false, false, true);
    NdArray *v = I64(SHAPE(2), 1, 7, 8);
    ck_assert_int_eq(SET(a, v, ix_arr(m)), 0);
    EXPECT(a, SHAPE(2, 2), 2, 7, 1, 2, 8);
    nd_decref(v);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(set_mask_rows)
{
    NdArray *a = nd_zeros(ND_INT64, 2, SHAPE(3, 2), 'C');
    NdArray *m = BOOLS(SHAPE(3), 1, true, false, true);
    NdArray *v = I64(SHAPE(2), 1, 4, 5);
    ck_assert_int_eq(SET(a, v, ix_arr(m)), 0);
    EXPECT(a, SHAPE(3, 2), 2, 4, 5, 0, 0, 4, 5);
    nd_decref(v);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(set_repeated_indices_last_wins)
{
    NdArray *a = nd_zeros(ND_INT64, 1, SHAPE(3), 'C');
    NdArray *ix = I64(SHAPE(3), 1, 0, 0, 2);
    NdArray *v = I64(SHAPE(3), 1, 1, 2, 3);
    ck_assert_int_eq(SET(a, v, ix_arr(ix)), 0);
    EXPECT(a, SHAPE(3), 1, 2, 0, 3);
    nd_decref(v);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(set_separated_advanced)
{
    /* a[[0, 1], :, [0, 1]] = [[1, 2, 3], [4, 5, 6]] on zeros (2, 3, 2). */
    NdArray *a = nd_zeros(ND_INT64, 3, SHAPE(2, 3, 2), 'C');
    NdArray *ix = I64(SHAPE(2), 1, 0, 1);
    NdArray *v = I64(SHAPE(2, 3), 2, 1, 2, 3, 4, 5, 6);
    ck_assert_int_eq(SET(a, v, ix_arr(ix), ix_all(), ix_arr(ix)), 0);
    EXPECT(a, SHAPE(2, 3, 2), 3, 1, 0, 2, 0, 3, 0, 0, 4, 0, 5, 0, 6);
    nd_decref(v);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(set_negative_indices)
{
    NdArray *a = nd_zeros(ND_INT64, 1, SHAPE(4), 'C');
    NdArray *ix = I64(SHAPE(2), 1, -1, -4);
    NdArray *v = I64(SHAPE(1), 1, 6);
    ck_assert_int_eq(SET(a, v, ix_arr(ix)), 0);
    EXPECT(a, SHAPE(4), 1, 6, 0, 0, 6);
    nd_decref(v);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(set_overlapping_value)
{
    /* a[[0, 1, 2]] = a[::-1]: the value is read before any write. */
    NdArray *a = iota(1, SHAPE(3));
    NdArray *rev = GET(a, ix_slice(NONE, NONE, -1));
    NdArray *ix = I64(SHAPE(3), 1, 0, 1, 2);
    ck_assert_int_eq(SET(a, rev, ix_arr(ix)), 0);
    EXPECT(a, SHAPE(3), 1, 2, 1, 0);
    nd_decref(ix);
    nd_decref(rev);
    nd_decref(a);
}
END_TEST

START_TEST(set_no_partial_write_on_error)
{
    NdArray *a = nd_zeros(ND_INT64, 1, SHAPE(3), 'C');
    NdArray *ix = I64(SHAPE(2), 1, 0, 7);
    NdArray *v = I64(SHAPE(1), 1, 1);
    ck_assert_int_eq(SET(a, v, ix_arr(ix)), -1);
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 7 is out of bounds for axis 0 with size 3");
    EXPECT(a, SHAPE(3), 1, 0, 0, 0);
    nd_decref(v);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(set_errors)
{
    NdArray *a = nd_zeros(ND_INT64, 1, SHAPE(3), 'C');
    NdArray *v2 = I64(SHAPE(2), 1, 1, 2);
    ck_assert_int_eq(SET(a, v2, ix_all()), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "could not broadcast input array from "
                                     "shape (2,) into shape (3,)");
    NdArray *ix = I64(SHAPE(3), 1, 0, 1, 2);
    ck_assert_int_eq(SET(a, v2, ix_arr(ix)), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "shape mismatch: value array of shape (2,) could not "
                       "be broadcast to indexing result of shape (3,)");
    NdArray *m = BOOLS(SHAPE(3), 1, true, true, true);
    ck_assert_int_eq(SET(a, v2, ix_arr(m)), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "NumPy boolean array indexing assignment cannot assign "
                       "2 input values to the 3 output values where the mask "
                       "is true");
    a->flags &= ~(unsigned)ND_WRITEABLE;
    ck_assert_int_eq(SET(a, v2, ix_int(0)), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "assignment destination is read-only");
    nd_decref(m);
    nd_decref(ix);
    nd_decref(v2);
    nd_decref(a);
}
END_TEST

/* --------------------------------------------------------- helpers */

START_TEST(take_flat_and_axis)
{
    /* NumPy's documentation: take([4, 3, 5, 7, 6, 8], [0, 1, 4]). */
    NdArray *a = I64(SHAPE(6), 1, 4, 3, 5, 7, 6, 8);
    NdArray *ix = I64(SHAPE(3), 1, 0, 1, 4);
    NdArray *r = nd_take(a, ix, 0, true, ND_CLIP_RAISE);
    EXPECT(r, SHAPE(3), 1, 4, 3, 6);
    nd_decref(r);
    NdArray *b = iota(2, SHAPE(2, 3));
    NdArray *ix2 = I64(SHAPE(1, 2), 2, 0, 1);
    r = nd_take(b, ix2, 1, false, ND_CLIP_RAISE);
    EXPECT(r, SHAPE(2, 1, 2), 3, 0, 1, 3, 4);
    nd_decref(r);
    nd_decref(ix2);
    nd_decref(b);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(take_modes)
{
    NdArray *b = iota(2, SHAPE(2, 3));
    NdArray *ix = I64(SHAPE(2), 1, -7, 9);
    NdArray *r = nd_take(b, ix, 0, true, ND_CLIP_CLIP);
    EXPECT(r, SHAPE(2), 1, 0, 5);
    nd_decref(r);
    r = nd_take(b, ix, 0, true, ND_CLIP_WRAP); /* -7 % 6 = 5, 9 % 6 = 3 */
    EXPECT(r, SHAPE(2), 1, 5, 3);
    nd_decref(r);
    ck_assert_ptr_null(nd_take(b, ix, 0, true, ND_CLIP_RAISE));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index -7 is out of bounds for axis 0 with size 6");
    NdArray *i5 = I64(SHAPE(1), 1, 5);
    ck_assert_ptr_null(nd_take(b, i5, 1, false, ND_CLIP_RAISE));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 5 is out of bounds for axis 1 with size 3");
    nd_decref(i5);
    nd_decref(ix);
    nd_decref(b);
}
END_TEST

START_TEST(put_values_repeat)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *ix = I64(SHAPE(4), 1, 0, 1, 2, 3);
    NdArray *v = I64(SHAPE(2), 1, 7, 8);
    ck_assert_int_eq(nd_put(a, ix, v, ND_CLIP_RAISE), 0);
    EXPECT(a, SHAPE(2, 3), 2, 7, 8, 7, 8, 4, 5);
    NdArray *bad = I64(SHAPE(1), 1, 6);
    ck_assert_int_eq(nd_put(a, bad, v, ND_CLIP_RAISE), -1);
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 6 is out of bounds for axis 0 with size 6");
    ck_assert_int_eq(nd_put(a, bad, v, ND_CLIP_CLIP), 0);
    EXPECT(a, SHAPE(2, 3), 2, 7, 8, 7, 8, 4, 7);
    nd_decref(bad);
    nd_decref(v);
    nd_decref(ix);
    nd_decref(a);
}
END_TEST

START_TEST(take_along_axis_doc_and_broadcast)
{
    /* NumPy's documentation: a = [[10, 30, 20], [60, 40, 50]] with
     * argsort(a, axis=1) = [[0, 2, 1], [1, 2, 0]] gives sort(a, axis=1). */
    NdArray *a = I64(SHAPE(2, 3), 2, 10, 30, 20, 60, 40, 50);
    NdArray *ai = I64(SHAPE(2, 3), 2, 0, 2, 1, 1, 2, 0);
    NdArray *r = nd_take_along_axis(a, ai, 1, false);
    EXPECT(r, SHAPE(2, 3), 2, 10, 20, 30, 40, 50, 60);
    nd_decref(r);
    /* Negative axis and indices: row 0 takes its last, row 1 its first. */
    NdArray *neg = I64(SHAPE(2, 1), 2, -1, -3);
    r = nd_take_along_axis(a, neg, -1, false);
    EXPECT(r, SHAPE(2, 1), 2, 20, 60);
    nd_decref(r);
    /* One row of indices broadcast over the columns of axis 0: column j
     * takes row ix[j]. */
    NdArray *row = I64(SHAPE(1, 3), 2, 1, 0, 1);
    r = nd_take_along_axis(a, row, 0, false);
    EXPECT(r, SHAPE(1, 3), 2, 60, 30, 50);
    nd_decref(r);
    /* axis=None: the flat order [10, 30, 20, 60, 40, 50]. */
    NdArray *flat = I64(SHAPE(3), 1, 5, 0, -6);
    r = nd_take_along_axis(a, flat, 0, true);
    EXPECT(r, SHAPE(3), 1, 50, 10, 10);
    nd_decref(r);
    /* On a transposed view: a.T = [[10, 60], [30, 40], [20, 50]]. */
    NdArray *t = nd_transpose(a, NULL, 0);
    r = nd_take_along_axis(t, flat, 0, true);
    EXPECT(r, SHAPE(3), 1, 50, 10, 10);
    nd_decref(r);
    NdArray *col = I64(SHAPE(1, 2), 2, 2, 0);
    r = nd_take_along_axis(t, col, 0, false);
    EXPECT(r, SHAPE(1, 2), 2, 20, 60);
    nd_decref(r);
    nd_decref(col);
    nd_decref(t);
    nd_decref(flat);
    nd_decref(row);
    nd_decref(neg);
    nd_decref(ai);
    nd_decref(a);
}
END_TEST

START_TEST(take_along_axis_errors)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *big = I64(SHAPE(1, 1), 2, 5);
    ck_assert_ptr_null(nd_take_along_axis(a, big, 0, false));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 5 is out of bounds for axis 0 with size 2");
    ck_assert_ptr_null(nd_take_along_axis(a, big, 1, false));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 5 is out of bounds for axis 1 with size 3");
    NdArray *f = ARR(ND_FLOAT64, double, SHAPE(1, 1), 2, 1.0);
    ck_assert_ptr_null(nd_take_along_axis(a, f, 1, false));
    ck_assert_nd_error(ND_ERR_INDEX, "`indices` must be an integer array");
    NdArray *b = BOOLS(SHAPE(1, 1), 2, true);
    ck_assert_ptr_null(nd_take_along_axis(a, b, 1, false));
    ck_assert_nd_error(ND_ERR_INDEX, "`indices` must be an integer array");
    NdArray *one = I64(SHAPE(1), 1, 1);
    ck_assert_ptr_null(nd_take_along_axis(a, one, 1, false));
    ck_assert_nd_error(ND_ERR_VALUE, "`indices` and `arr` must have the same "
                                     "number of dimensions");
    ck_assert_ptr_null(nd_take_along_axis(a, big, 0, true));
    ck_assert_nd_error(ND_ERR_VALUE, "when axis=None, `indices` must have a "
                                     "single dimension.");
    ck_assert_ptr_null(nd_take_along_axis(a, one, 2, false));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 2 is out of bounds for array of dimension 2");
    /* (2, 1) aranges against (3, 2) indices do not broadcast. */
    NdArray *wide = I64(SHAPE(3, 2), 2, 0, 1, 0, 1, 0, 1);
    ck_assert_ptr_null(nd_take_along_axis(a, wide, 1, false));
    ck_assert_nd_error(ND_ERR_INDEX, "shape mismatch: indexing arrays could "
                                     "not be broadcast together with shapes "
                                     "(2,1) (3,2) ");
    nd_decref(wide);
    nd_decref(one);
    nd_decref(b);
    nd_decref(f);
    nd_decref(big);
    nd_decref(a);
}
END_TEST

START_TEST(put_along_axis_in_place)
{
    /* NumPy's documentation: the row maxima of [[10, 30, 20], [60, 40,
     * 50]] (argmax keepdims [[1], [0]]) become 99. */
    NdArray *a = I64(SHAPE(2, 3), 2, 10, 30, 20, 60, 40, 50);
    NdArray *ai = I64(SHAPE(2, 1), 2, 1, 0);
    NdArray *v = I64(SHAPE(1), 0, 99);
    ck_assert_int_eq(nd_put_along_axis(a, ai, v, 1, false), 0);
    EXPECT(a, SHAPE(2, 3), 2, 10, 99, 20, 99, 40, 50);
    /* Indices (1, 2) broadcast over the rows, values (2, 1) over the
     * columns: row i gets v[i] at columns 0 and 2. */
    NdArray *ix = I64(SHAPE(1, 2), 2, 0, -1);
    NdArray *vv = I64(SHAPE(2, 1), 2, 1, 2);
    ck_assert_int_eq(nd_put_along_axis(a, ix, vv, 1, false), 0);
    EXPECT(a, SHAPE(2, 3), 2, 1, 99, 1, 2, 40, 2);
    /* Out of range: an error and nothing written. */
    NdArray *bad = I64(SHAPE(1, 1), 2, 3);
    ck_assert_int_eq(nd_put_along_axis(a, bad, v, 1, false), -1);
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 3 is out of bounds for axis 1 with size 3");
    EXPECT(a, SHAPE(2, 3), 2, 1, 99, 1, 2, 40, 2);
    /* axis=None on a transposed (not C-contiguous) view writes through
     * its flat order: t = [[0, 3], [1, 4], [2, 5]] of base iota(2, 3). */
    NdArray *base = iota(2, SHAPE(2, 3));
    NdArray *t = nd_transpose(base, NULL, 0);
    NdArray *fi = I64(SHAPE(2), 1, 5, 0);
    NdArray *fv = I64(SHAPE(2), 1, 70, 80);
    ck_assert_int_eq(nd_put_along_axis(t, fi, fv, 0, true), 0);
    EXPECT(t, SHAPE(3, 2), 2, 80, 3, 1, 4, 2, 70);
    EXPECT(base, SHAPE(2, 3), 2, 80, 1, 2, 3, 4, 70);
    /* ... and on a contiguous one. */
    ck_assert_int_eq(nd_put_along_axis(base, fi, v, 0, true), 0);
    EXPECT(base, SHAPE(2, 3), 2, 99, 1, 2, 3, 4, 99);
    /* Read-only destinations are refused. */
    NdArray *ro = nd_broadcast_to(v, 1, SHAPE(3));
    NdArray *i0 = I64(SHAPE(1), 1, 0);
    ck_assert_int_eq(nd_put_along_axis(ro, i0, v, 0, false), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "assignment destination is read-only");
    nd_decref(i0);
    nd_decref(ro);
    nd_decref(fv);
    nd_decref(fi);
    nd_decref(t);
    nd_decref(base);
    nd_decref(bad);
    nd_decref(vv);
    nd_decref(ix);
    nd_decref(v);
    nd_decref(ai);
    nd_decref(a);
}
END_TEST

START_TEST(nonzero_2d)
{
    /* NumPy's documentation: [[3, 0, 0], [0, 4, 0], [5, 6, 0]]. */
    NdArray *x = I64(SHAPE(3, 3), 2, 3, 0, 0, 0, 4, 0, 5, 6, 0);
    NdArray *out[ND_MAXDIMS];
    ck_assert_int_eq(nd_nonzero(x, out), 2);
    EXPECT(out[0], SHAPE(4), 1, 0, 1, 2, 2);
    EXPECT(out[1], SHAPE(4), 1, 0, 1, 0, 1);
    nd_decref(out[0]);
    nd_decref(out[1]);
    nd_decref(x);
}
END_TEST

START_TEST(nonzero_floats_and_zero_d)
{
    NdArray *f = ARR(ND_FLOAT64, double, SHAPE(4), 1, 0.0, -0.0, 0.5, -1.0);
    NdArray *out[ND_MAXDIMS];
    ck_assert_int_eq(nd_nonzero(f, out), 1);
    EXPECT(out[0], SHAPE(2), 1, 2, 3);
    nd_decref(out[0]);
    NdScalar s = nd_scalar_int64(3);
    NdArray *z = nd_from_scalar(&s);
    ck_assert_int_eq(nd_nonzero(z, out), -1);
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    nd_decref(z);
    nd_decref(f);
}
END_TEST

START_TEST(argwhere_and_flatnonzero)
{
    NdArray *x = iota(2, SHAPE(2, 3)); /* > 1: positions 2..5 */
    NdArray *ones = I64(SHAPE(1), 1, 1);
    NdArray *m = nd_binary(ND_UF_GREATER, x, ones);
    NdArray *r = nd_argwhere(m);
    EXPECT(r, SHAPE(4, 2), 2, 0, 2, 1, 0, 1, 1, 1, 2);
    nd_decref(r);
    r = nd_flatnonzero(m);
    EXPECT(r, SHAPE(4), 1, 2, 3, 4, 5);
    nd_decref(r);
    NdScalar s = nd_scalar_int64(3);
    NdArray *z = nd_from_scalar(&s);
    r = nd_argwhere(z);
    EXPECT_EMPTY(r, SHAPE(1, 0), 2);
    nd_decref(r);
    nd_decref(z);
    nd_decref(m);
    nd_decref(ones);
    nd_decref(x);
}
END_TEST

START_TEST(where_select_broadcast)
{
    NdArray *c = BOOLS(SHAPE(2, 1), 2, true, false);
    NdArray *x = I64(SHAPE(3), 1, 1, 2, 3);
    NdScalar s = nd_scalar_float64(-1.5);
    s.weak = true;
    NdArray *y = nd_from_scalar(&s);
    NdArray *r = nd_where(c, x, y);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    ck_assert_int_eq(r->ndim, 2);
    double *d = (double *)r->data;
    ck_assert(d[0] == 1 && d[2] == 3 && d[3] == -1.5 && d[5] == -1.5);
    nd_decref(r);
    nd_decref(y);
    nd_decref(x);
    nd_decref(c);
}
END_TEST

START_TEST(where_weak_scalar_keeps_dtype)
{
    NdArray *c = BOOLS(SHAPE(2), 1, true, false);
    NdArray *x = ARR(ND_FLOAT32, float, SHAPE(2), 1, 1.0f, 2.0f);
    NdScalar s = nd_scalar_int64(0);
    s.weak = true;
    NdArray *y = nd_from_scalar(&s);
    NdArray *r = nd_where(c, x, y);
    ck_assert_int_eq(r->dtype, ND_FLOAT32);
    nd_decref(r);
    NdArray *bad = I64(SHAPE(3), 1, 1, 2, 3);
    ck_assert_ptr_null(nd_where(c, bad, y));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    nd_decref(bad);
    nd_decref(y);
    nd_decref(x);
    nd_decref(c);
}
END_TEST

START_TEST(compress_axes)
{
    /* NumPy's documentation: a = [[1, 2], [3, 4], [5, 6]]. */
    NdArray *a = I64(SHAPE(3, 2), 2, 1, 2, 3, 4, 5, 6);
    NdArray *c01 = I64(SHAPE(2), 1, 0, 1);
    NdArray *r = nd_compress(c01, a, 0, false);
    EXPECT(r, SHAPE(1, 2), 2, 3, 4);
    nd_decref(r);
    r = nd_compress(c01, a, 1, false);
    EXPECT(r, SHAPE(3, 1), 2, 2, 4, 6);
    nd_decref(r);
    r = nd_compress(c01, a, 0, true);
    EXPECT(r, SHAPE(1), 1, 2);
    nd_decref(r);
    NdArray *long_c = BOOLS(SHAPE(4), 1, true, false, true, true);
    ck_assert_ptr_null(nd_compress(long_c, a, 0, false));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 3 is out of bounds for axis 0 with size 3");
    nd_decref(long_c);
    nd_decref(c01);
    nd_decref(a);
}
END_TEST

START_TEST(place_cycles_values)
{
    NdArray *a = iota(2, SHAPE(2, 3));
    NdArray *m = BOOLS(SHAPE(2, 3), 2, false, false, true, true, true, true);
    NdArray *v = I64(SHAPE(2), 1, 44, 55);
    ck_assert_int_eq(nd_place(a, m, v), 0);
    EXPECT(a, SHAPE(2, 3), 2, 0, 1, 44, 55, 44, 55);
    NdArray *e = nd_zeros(ND_INT64, 1, SHAPE(0), 'C');
    ck_assert_int_eq(nd_place(a, m, e), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "Cannot insert from an empty array!");
    NdArray *m2 = BOOLS(SHAPE(2), 1, true, false);
    ck_assert_int_eq(nd_place(a, m2, v), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "place: mask and data must be the same size");
    nd_decref(m2);
    nd_decref(e);
    nd_decref(v);
    nd_decref(m);
    nd_decref(a);
}
END_TEST

START_TEST(putmask_by_position)
{
    /* NumPy's documentation: x = arange(5); putmask(x, x > 1, [-33, -44])
     * -> [0, 1, -33, -44, -33]. */
    NdArray *x = iota(1, SHAPE(5));
    NdArray *m = BOOLS(SHAPE(5), 1, false, false, true, true, true);
    NdArray *v = I64(SHAPE(2), 1, -33, -44);
    ck_assert_int_eq(nd_putmask(x, m, v), 0);
    EXPECT(x, SHAPE(5), 1, 0, 1, -33, -44, -33);
    NdArray *m2 = BOOLS(SHAPE(2), 1, true, false);
    ck_assert_int_eq(nd_putmask(x, m2, v), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "putmask: mask and data must be the same size");
    nd_decref(m2);
    nd_decref(v);
    nd_decref(m);
    nd_decref(x);
}
END_TEST

START_TEST(diagonal_view_and_offsets)
{
    NdArray *a = iota(2, SHAPE(3, 3));
    NdArray *d = nd_diagonal(a, 0, 0, 1);
    EXPECT(d, SHAPE(3), 1, 0, 4, 8);
    ck_assert_ptr_eq(d->buffer, a->buffer);
    ck_assert(!(d->flags & ND_WRITEABLE));
    nd_decref(d);
    d = nd_diagonal(a, 1, 0, 1);
    EXPECT(d, SHAPE(2), 1, 1, 5);
    nd_decref(d);
    d = nd_diagonal(a, -1, 0, 1);
    EXPECT(d, SHAPE(2), 1, 3, 7);
    nd_decref(d);
    d = nd_diagonal(a, 5, 0, 1);
    EXPECT_EMPTY(d, SHAPE(0), 1);
    nd_decref(d);
    nd_decref(a);
}
END_TEST

START_TEST(diagonal_3d_last_axis)
{
    /* NumPy's documentation: arange(8).reshape(2, 2, 2).diagonal(0, 0, 1)
     * -> [[0, 6], [1, 7]]. */
    NdArray *a = iota(3, SHAPE(2, 2, 2));
    NdArray *d = nd_diagonal(a, 0, 0, 1);
    EXPECT(d, SHAPE(2, 2), 2, 0, 6, 1, 7);
    nd_decref(d);
    ck_assert_ptr_null(nd_diagonal(a, 0, 1, 1));
    ck_assert_nd_error(ND_ERR_VALUE, "axis1 and axis2 cannot be the same");
    NdArray *v = iota(1, SHAPE(3));
    ck_assert_ptr_null(nd_diagonal(v, 0, 0, 1));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "diag requires an array of at least two dimensions");
    nd_decref(v);
    nd_decref(a);
}
END_TEST

START_TEST(diag_build_and_extract)
{
    NdArray *v = I64(SHAPE(2), 1, 1, 2);
    NdArray *r = nd_diag(v, 1);
    EXPECT(r, SHAPE(3, 3), 2, 0, 1, 0, 0, 0, 2, 0, 0, 0);
    nd_decref(r);
    r = nd_diag(v, -1);
    EXPECT(r, SHAPE(3, 3), 2, 0, 0, 0, 1, 0, 0, 0, 2, 0);
    nd_decref(r);
    NdArray *a = iota(2, SHAPE(3, 3));
    r = nd_diag(a, 0);
    EXPECT(r, SHAPE(3), 1, 0, 4, 8);
    nd_decref(r);
    NdArray *c = iota(3, SHAPE(2, 2, 2));
    ck_assert_ptr_null(nd_diag(c, 0));
    ck_assert_nd_error(ND_ERR_VALUE, "Input must be 1- or 2-d.");
    nd_decref(c);
    nd_decref(a);
    nd_decref(v);
}
END_TEST

START_TEST(tril_triu)
{
    /* NumPy's documentation: tril/triu of [[1,2,3],[4,5,6],[7,8,9],
     * [10,11,12]] with k = -1. */
    NdArray *m = I64(SHAPE(4, 3), 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    NdArray *r = nd_tri_mask(m, -1, false);
    EXPECT(r, SHAPE(4, 3), 2, 0, 0, 0, 4, 0, 0, 7, 8, 0, 10, 11, 12);
    nd_decref(r);
    r = nd_tri_mask(m, -1, true);
    EXPECT(r, SHAPE(4, 3), 2, 1, 2, 3, 4, 5, 6, 0, 8, 9, 0, 0, 12);
    nd_decref(r);
    NdArray *v = I64(SHAPE(3), 1, 0, 1, 2);
    r = nd_tri_mask(v, 0, true); /* 1-d: square result */
    EXPECT(r, SHAPE(3, 3), 2, 0, 1, 2, 0, 1, 2, 0, 0, 2);
    nd_decref(r);
    nd_decref(v);
    nd_decref(m);
}
END_TEST

START_TEST(tril_stack)
{
    NdArray *m = iota(3, SHAPE(2, 2, 2));
    NdArray *r = nd_tri_mask(m, 0, false);
    EXPECT(r, SHAPE(2, 2, 2), 3, 0, 0, 2, 3, 4, 0, 6, 7);
    nd_decref(r);
    nd_decref(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("index");
    TCase *tc = tcase_create("basic");
    tcase_add_test(tc, slice_indices_python_rules);
    tcase_add_test(tc, slice_step_zero);
    tcase_add_test(tc, basic_is_view);
    tcase_add_test(tc, basic_negative_int);
    tcase_add_test(tc, basic_reverse_both_axes);
    tcase_add_test(tc, basic_out_of_range_slice_clipped);
    tcase_add_test(tc, basic_ellipsis_newaxis);
    tcase_add_test(tc, basic_ellipsis_in_middle);
    tcase_add_test(tc, basic_zero_d);
    tcase_add_test(tc, basic_empty_array);
    tcase_add_test(tc, read_only_view_stays_read_only);
    tcase_add_test(tc, element_pointer);
    tcase_add_test(tc, is_basic);
    suite_add_tcase(s, tc);
    tc = tcase_create("advanced");
    tcase_add_test(tc, adv_int_list_is_copy);
    tcase_add_test(tc, adv_other_int_dtypes);
    tcase_add_test(tc, adv_rows_of_2d);
    tcase_add_test(tc, adv_pairs);
    tcase_add_test(tc, adv_broadcast_corners);
    tcase_add_test(tc, adv_adjacent_in_place);
    tcase_add_test(tc, adv_separated_go_first);
    tcase_add_test(tc, adv_int_counts_as_advanced);
    tcase_add_test(tc, adv_ellipsis_of_nothing_is_adjacent);
    tcase_add_test(tc, adv_2d_index_shape);
    tcase_add_test(tc, adv_empty_index);
    tcase_add_test(tc, adv_with_newaxis);
    tcase_add_test(tc, adv_on_strided_view);
    tcase_add_test(tc, adv_float_and_complex_gather);
    tcase_add_test(tc, bool_mask_full_shape);
    tcase_add_test(tc, bool_mask_first_axis);
    tcase_add_test(tc, bool_mask_second_axis);
    tcase_add_test(tc, bool_2d_consumes_two_axes);
    tcase_add_test(tc, bool_with_int_array);
    tcase_add_test(tc, bool_zero_d);
    tcase_add_test(tc, bool_all_false_and_empty_array);
    tcase_add_test(tc, bool_mask_strided);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, err_out_of_bounds);
    tcase_add_test(tc, err_out_of_bounds_second_axis);
    tcase_add_test(tc, err_too_many_indices);
    tcase_add_test(tc, err_two_ellipses);
    tcase_add_test(tc, err_bool_length);
    tcase_add_test(tc, err_float_index_array);
    tcase_add_test(tc, err_broadcast_indices);
    tcase_add_test(tc, err_zero_d_index);
    suite_add_tcase(s, tc);
    tc = tcase_create("assignment");
    tcase_add_test(tc, set_basic_broadcast);
    tcase_add_test(tc, set_unsafe_cast);
    tcase_add_test(tc, set_through_chained_views);
    tcase_add_test(tc, set_mask_scalar);
    tcase_add_test(tc, set_mask_values);
    tcase_add_test(tc, set_mask_rows);
    tcase_add_test(tc, set_repeated_indices_last_wins);
    tcase_add_test(tc, set_separated_advanced);
    tcase_add_test(tc, set_negative_indices);
    tcase_add_test(tc, set_overlapping_value);
    tcase_add_test(tc, set_no_partial_write_on_error);
    tcase_add_test(tc, set_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("helpers");
    tcase_add_test(tc, take_flat_and_axis);
    tcase_add_test(tc, take_modes);
    tcase_add_test(tc, put_values_repeat);
    tcase_add_test(tc, take_along_axis_doc_and_broadcast);
    tcase_add_test(tc, take_along_axis_errors);
    tcase_add_test(tc, put_along_axis_in_place);
    tcase_add_test(tc, nonzero_2d);
    tcase_add_test(tc, nonzero_floats_and_zero_d);
    tcase_add_test(tc, argwhere_and_flatnonzero);
    tcase_add_test(tc, where_select_broadcast);
    tcase_add_test(tc, where_weak_scalar_keeps_dtype);
    tcase_add_test(tc, compress_axes);
    tcase_add_test(tc, place_cycles_values);
    tcase_add_test(tc, putmask_by_position);
    tcase_add_test(tc, diagonal_view_and_offsets);
    tcase_add_test(tc, diagonal_3d_last_axis);
    tcase_add_test(tc, diag_build_and_extract);
    tcase_add_test(tc, tril_triu);
    tcase_add_test(tc, tril_stack);
    suite_add_tcase(s, tc);
    return nd_test_main(s);
}
