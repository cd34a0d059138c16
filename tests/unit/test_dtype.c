/* test_dtype.c — the dtype algebra: names, sizes, kinds and name parsing;
 * promote_types against NumPy's table; can_cast under each rule; and NEP 50
 * result types with weak Python scalars.  Expected values are NumPy's
 * documented ones (the promotion table in the NumPy 2 user guide, NEP 50's
 * examples), not libnd's own output. */
#include <stdio.h>

#include "testutil.h"

/* ---------------------------------------------------------------- names */

static const struct {
    NdType t;
    const char *name;
    size_t size;
    NdKind kind;
} info_cases[] = {
    {ND_BOOL, "bool", 1, ND_KIND_BOOL},
    {ND_INT8, "int8", 1, ND_KIND_INT},
    {ND_INT16, "int16", 2, ND_KIND_INT},
    {ND_INT32, "int32", 4, ND_KIND_INT},
    {ND_INT64, "int64", 8, ND_KIND_INT},
    {ND_UINT8, "uint8", 1, ND_KIND_UINT},
    {ND_UINT16, "uint16", 2, ND_KIND_UINT},
    {ND_UINT32, "uint32", 4, ND_KIND_UINT},
    {ND_UINT64, "uint64", 8, ND_KIND_UINT},
    {ND_FLOAT32, "float32", 4, ND_KIND_FLOAT},
    {ND_FLOAT64, "float64", 8, ND_KIND_FLOAT},
    {ND_COMPLEX64, "complex64", 8, ND_KIND_COMPLEX},
    {ND_COMPLEX128, "complex128", 16, ND_KIND_COMPLEX},
};

START_TEST(test_dtype_info)
{
    ck_assert_str_eq(nd_dtype_name(info_cases[_i].t), info_cases[_i].name);
    ck_assert_uint_eq(nd_dtype_size(info_cases[_i].t), info_cases[_i].size);
    ck_assert_int_eq(nd_dtype_kind(info_cases[_i].t), info_cases[_i].kind);
}
END_TEST

START_TEST(test_name_roundtrip)
{
    /* Every canonical name parses back to its dtype. */
    NdType t = ND_NTYPES;
    ck_assert_int_eq(nd_dtype_from_name(info_cases[_i].name, &t), 0);
    ck_assert_int_eq(t, info_cases[_i].t);
}
END_TEST

static const struct {
    const char *name;
    NdType t;
} alias_cases[] = {
    {"int", ND_INT64},
    {"float", ND_FLOAT64},
    {"complex", ND_COMPLEX128},
    {"double", ND_FLOAT64},
    {"single", ND_FLOAT32},
    {"b1", ND_BOOL},
    {"?", ND_BOOL},
    {"i1", ND_INT8},
    {"i2", ND_INT16},
    {"i4", ND_INT32},
    {"i8", ND_INT64},
    {"u1", ND_UINT8},
    {"u2", ND_UINT16},
    {"u4", ND_UINT32},
    {"u8", ND_UINT64},
    {"f4", ND_FLOAT32},
    {"f8", ND_FLOAT64},
    {"c8", ND_COMPLEX64},
    {"c16", ND_COMPLEX128},
    {"<f8", ND_FLOAT64},
    {"=i4", ND_INT32},
    {"|b1", ND_BOOL},
    {"d", ND_FLOAT64},
    {"f", ND_FLOAT32},
    {"D", ND_COMPLEX128},
    {"F", ND_COMPLEX64},
    {"B", ND_UINT8},
    {"intc", ND_INT32},
    {"uint", ND_UINT64},
    {"intp", ND_INT64},
    {"byte", ND_INT8},
    {"ubyte", ND_UINT8},
    {"short", ND_INT16},
    {"ushort", ND_UINT16},
    {"longlong", ND_INT64},
    {"csingle", ND_COMPLEX64},
    {"cdouble", ND_COMPLEX128},
    {"bool_", ND_BOOL},
};

START_TEST(test_name_alias)
{
    NdType t = ND_NTYPES;
    ck_assert_msg(nd_dtype_from_name(alias_cases[_i].name, &t) == 0, "alias %s",
                  alias_cases[_i].name);
    ck_assert_int_eq(t, alias_cases[_i].t);
}
END_TEST

/* Not NumPy names at all, or (float16, big-endian ">f8") dtypes libnd does
 * not have. */
static const char *const bad_names[] = {
    "xyz", "",    "int128",   "float16", "Float64",
    "f3",  ">f8", "<float64", "int 64",
};

START_TEST(test_name_unknown)
{
    NdType t = ND_NTYPES;
    const char *name = bad_names[_i];
    ck_assert_int_eq(nd_dtype_from_name(name, &t), -1);
    char msg[64];
    snprintf(msg, sizeof msg, "data type '%s' not understood", name);
    ck_assert_nd_error(ND_ERR_TYPE, msg);
    ck_assert_int_eq(t, ND_NTYPES); /* untouched on failure */
}
END_TEST

START_TEST(test_unknown_message)
{
    NdType t;
    ck_assert_int_eq(nd_dtype_from_name("xyz", &t), -1);
    ck_assert_nd_error(ND_ERR_TYPE, "data type 'xyz' not understood");
}
END_TEST

START_TEST(test_casting_names)
{
    ck_assert_str_eq(nd_casting_name(ND_CAST_NO), "no");
    ck_assert_str_eq(nd_casting_name(ND_CAST_EQUIV), "equiv");
    ck_assert_str_eq(nd_casting_name(ND_CAST_SAFE), "safe");
    ck_assert_str_eq(nd_casting_name(ND_CAST_SAME_KIND), "same_kind");
    ck_assert_str_eq(nd_casting_name(ND_CAST_UNSAFE), "unsafe");
}
END_TEST

/* ------------------------------------------------------------ promotion */

/* NumPy's promote_types(a, b) (the table in "Data type promotion in
 * NumPy", with float16 absent so the 8/16-bit integers meet float32). */
static const struct {
    NdType a, b, r;
} promote_cases[] = {
    {ND_INT64, ND_UINT64, ND_FLOAT64},
    {ND_INT8, ND_UINT8, ND_INT16},
    {ND_UINT32, ND_INT32, ND_INT64},
    {ND_INT32, ND_FLOAT32, ND_FLOAT64},
    {ND_INT16, ND_FLOAT32, ND_FLOAT32},
    {ND_UINT64, ND_FLOAT32, ND_FLOAT64},
    {ND_FLOAT32, ND_COMPLEX64, ND_COMPLEX64},
    {ND_INT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_BOOL, ND_INT8, ND_INT8},
    {ND_BOOL, ND_UINT64, ND_UINT64},
    {ND_BOOL, ND_FLOAT32, ND_FLOAT32},
    {ND_BOOL, ND_COMPLEX64, ND_COMPLEX64},
    {ND_BOOL, ND_BOOL, ND_BOOL},
    {ND_INT8, ND_INT16, ND_INT16},
    {ND_INT8, ND_INT64, ND_INT64},
    {ND_INT32, ND_INT16, ND_INT32},
    {ND_UINT8, ND_UINT16, ND_UINT16},
    {ND_UINT32, ND_UINT64, ND_UINT64},
    {ND_INT8, ND_UINT16, ND_INT32},
    {ND_INT8, ND_UINT32, ND_INT64},
    {ND_INT8, ND_UINT64, ND_FLOAT64},
    {ND_INT16, ND_UINT8, ND_INT16},
    {ND_INT16, ND_UINT16, ND_INT32},
    {ND_INT32, ND_UINT8, ND_INT32},
    {ND_INT32, ND_UINT16, ND_INT32},
    {ND_INT64, ND_UINT8, ND_INT64},
    {ND_INT64, ND_UINT32, ND_INT64},
    {ND_INT32, ND_UINT64, ND_FLOAT64},
    {ND_INT8, ND_FLOAT32, ND_FLOAT32},
    {ND_UINT8, ND_FLOAT32, ND_FLOAT32},
    {ND_UINT16, ND_FLOAT32, ND_FLOAT32},
    {ND_UINT32, ND_FLOAT32, ND_FLOAT64},
    {ND_INT64, ND_FLOAT32, ND_FLOAT64},
    {ND_INT64, ND_FLOAT64, ND_FLOAT64},
    {ND_UINT64, ND_FLOAT64, ND_FLOAT64},
    {ND_FLOAT32, ND_FLOAT64, ND_FLOAT64},
    {ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_COMPLEX64, ND_COMPLEX128, ND_COMPLEX128},
    {ND_INT8, ND_COMPLEX64, ND_COMPLEX64},
    {ND_INT16, ND_COMPLEX64, ND_COMPLEX64},
    {ND_UINT16, ND_COMPLEX64, ND_COMPLEX64},
    {ND_INT32, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UINT32, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UINT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_INT8, ND_COMPLEX128, ND_COMPLEX128},
    {ND_FLOAT32, ND_COMPLEX128, ND_COMPLEX128},
    {ND_FLOAT64, ND_FLOAT64, ND_FLOAT64},
    {ND_UINT8, ND_INT64, ND_INT64},
    {ND_UINT16, ND_INT16, ND_INT32},
    {ND_UINT64, ND_INT64, ND_FLOAT64},
};

START_TEST(test_promote_pair)
{
    NdType a = promote_cases[_i].a, b = promote_cases[_i].b;
    ck_assert_msg(nd_promote_types(a, b) == promote_cases[_i].r,
                  "promote_types(%s, %s) = %s, expected %s", nd_dtype_name(a),
                  nd_dtype_name(b), nd_dtype_name(nd_promote_types(a, b)),
                  nd_dtype_name(promote_cases[_i].r));
    /* promote_types is symmetric */
    ck_assert_int_eq(nd_promote_types(b, a), promote_cases[_i].r);
}
END_TEST

START_TEST(test_promote_properties)
{
    for (int a = 0; a < ND_NTYPES; a++) {
        /* bool is the identity; a type promotes with itself to itself */
        ck_assert_int_eq(nd_promote_types(ND_BOOL, (NdType)a), a);
        ck_assert_int_eq(nd_promote_types((NdType)a, (NdType)a), a);
        for (int b = 0; b < ND_NTYPES; b++) {
            NdType r = nd_promote_types((NdType)a, (NdType)b);
            ck_assert_int_eq(r, nd_promote_types((NdType)b, (NdType)a));
            /* both operands cast safely to the common type */
            ck_assert(nd_can_cast((NdType)a, r, ND_CAST_SAFE));
            ck_assert(nd_can_cast((NdType)b, r, ND_CAST_SAFE));
        }
    }
}
END_TEST

/* ------------------------------------------------------------- can_cast */

/* np.can_cast(from, to, casting) as NumPy documents it. */
static const struct {
    NdType from, to;
    NdCasting casting;
    bool ok;
} can_cast_cases[] = {
    {ND_INT8, ND_INT8, ND_CAST_NO, true},
    {ND_INT8, ND_INT16, ND_CAST_NO, false},
    {ND_INT8, ND_INT16, ND_CAST_EQUIV, false},
    {ND_FLOAT64, ND_FLOAT64, ND_CAST_EQUIV, true},
    {ND_INT8, ND_INT16, ND_CAST_SAFE, true},
    {ND_INT16, ND_INT8, ND_CAST_SAFE, false},
    {ND_INT64, ND_FLOAT64, ND_CAST_SAFE, true},
    {ND_INT32, ND_FLOAT32, ND_CAST_SAFE, false},
    {ND_INT16, ND_FLOAT32, ND_CAST_SAFE, true},
    {ND_UINT64, ND_INT64, ND_CAST_SAFE, false},
    {ND_UINT32, ND_INT64, ND_CAST_SAFE, true},
    {ND_UINT8, ND_INT8, ND_CAST_SAFE, false},
    {ND_INT8, ND_UINT8, ND_CAST_SAFE, false},
    {ND_BOOL, ND_UINT8, ND_CAST_SAFE, true},
    {ND_INT8, ND_BOOL, ND_CAST_SAFE, false},
    {ND_FLOAT32, ND_COMPLEX64, ND_CAST_SAFE, true},
    {ND_FLOAT64, ND_COMPLEX64, ND_CAST_SAFE, false},
    {ND_COMPLEX64, ND_FLOAT64, ND_CAST_SAFE, false},
    {ND_FLOAT64, ND_INT64, ND_CAST_SAFE, false},
    {ND_FLOAT64, ND_FLOAT32, ND_CAST_SAME_KIND, true},
    {ND_INT64, ND_INT8, ND_CAST_SAME_KIND, true},
    {ND_UINT64, ND_INT8, ND_CAST_SAME_KIND, true},
    {ND_INT8, ND_UINT64, ND_CAST_SAME_KIND, false},
    {ND_FLOAT64, ND_INT64, ND_CAST_SAME_KIND, false},
    {ND_COMPLEX128, ND_FLOAT64, ND_CAST_SAME_KIND, false},
    {ND_COMPLEX128, ND_COMPLEX64, ND_CAST_SAME_KIND, true},
    {ND_INT8, ND_BOOL, ND_CAST_SAME_KIND, false},
    {ND_BOOL, ND_COMPLEX64, ND_CAST_SAME_KIND, true},
    {ND_UINT8, ND_FLOAT32, ND_CAST_SAME_KIND, true},
    {ND_COMPLEX128, ND_BOOL, ND_CAST_UNSAFE, true},
    {ND_FLOAT64, ND_UINT8, ND_CAST_UNSAFE, true},
};

START_TEST(test_can_cast)
{
    ck_assert_msg(
        nd_can_cast(can_cast_cases[_i].from, can_cast_cases[_i].to,
                    can_cast_cases[_i].casting) == can_cast_cases[_i].ok,
        "can_cast(%s, %s, '%s') should be %d",
        nd_dtype_name(can_cast_cases[_i].from),
        nd_dtype_name(can_cast_cases[_i].to),
        nd_casting_name(can_cast_cases[_i].casting), can_cast_cases[_i].ok);
}
END_TEST

START_TEST(test_can_cast_rules_nest)
{
    /* Each rule allows everything the stricter one does. */
    for (int a = 0; a < ND_NTYPES; a++)
        for (int b = 0; b < ND_NTYPES; b++)
            for (int c = ND_CAST_NO; c < ND_CAST_UNSAFE; c++)
                if (nd_can_cast((NdType)a, (NdType)b, (NdCasting)c))
                    ck_assert(
                        nd_can_cast((NdType)a, (NdType)b, (NdCasting)(c + 1)));
}
END_TEST

/* ---------------------------------------------------- NEP 50 result type */

/* result_type(strong, python scalar) from NEP 50 and the NumPy 2 guide:
 * a Python int takes the array's dtype (bool + int is int64), a Python
 * float keeps float32/complex64 and lifts integers to float64, a Python
 * complex lifts float32 to complex64 and the rest to complex128. */
static const struct {
    NdType strong, weak, r;
} weak_cases[] = {
    {ND_INT8, ND_INT64, ND_INT8},
    {ND_UINT8, ND_INT64, ND_UINT8},
    {ND_INT16, ND_INT64, ND_INT16},
    {ND_UINT64, ND_INT64, ND_UINT64},
    {ND_FLOAT32, ND_INT64, ND_FLOAT32},
    {ND_FLOAT64, ND_INT64, ND_FLOAT64},
    {ND_COMPLEX64, ND_INT64, ND_COMPLEX64},
    {ND_BOOL, ND_INT64, ND_INT64},
    {ND_INT8, ND_UINT64, ND_INT8},
    {ND_BOOL, ND_FLOAT64, ND_FLOAT64},
    {ND_INT8, ND_FLOAT64, ND_FLOAT64},
    {ND_UINT32, ND_FLOAT64, ND_FLOAT64},
    {ND_INT64, ND_FLOAT64, ND_FLOAT64},
    {ND_FLOAT32, ND_FLOAT64, ND_FLOAT32},
    {ND_FLOAT64, ND_FLOAT64, ND_FLOAT64},
    {ND_COMPLEX64, ND_FLOAT64, ND_COMPLEX64},
    {ND_COMPLEX128, ND_FLOAT64, ND_COMPLEX128},
    {ND_BOOL, ND_COMPLEX128, ND_COMPLEX128},
    {ND_INT8, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UINT64, ND_COMPLEX128, ND_COMPLEX128},
    {ND_FLOAT32, ND_COMPLEX128, ND_COMPLEX64},
    {ND_FLOAT64, ND_COMPLEX128, ND_COMPLEX128},
    {ND_COMPLEX64, ND_COMPLEX128, ND_COMPLEX64},
    {ND_COMPLEX128, ND_COMPLEX128, ND_COMPLEX128},
};

START_TEST(test_result_type_weak)
{
    const NdType types[2] = {weak_cases[_i].strong, weak_cases[_i].weak};
    const bool weak[2] = {false, true};
    const NdType swapped[2] = {types[1], types[0]};
    const bool weak_swapped[2] = {true, false};
    ck_assert_msg(nd_result_type(2, types, weak) == weak_cases[_i].r,
                  "result_type(%s, weak %s) = %s, expected %s",
                  nd_dtype_name(types[0]), nd_dtype_name(types[1]),
                  nd_dtype_name(nd_result_type(2, types, weak)),
                  nd_dtype_name(weak_cases[_i].r));
    /* The position of the Python scalar does not matter. */
    ck_assert_int_eq(nd_result_type(2, swapped, weak_swapped),
                     weak_cases[_i].r);
}
END_TEST

START_TEST(test_result_type_strong)
{
    /* Without weak operands result_type is promote_types, folded. */
    const NdType t3[3] = {ND_INT8, ND_UINT8, ND_FLOAT32};
    ck_assert_int_eq(nd_result_type(3, t3, NULL), ND_FLOAT32);
    const NdType t2[2] = {ND_INT64, ND_UINT64};
    const bool no[2] = {false, false};
    ck_assert_int_eq(nd_result_type(2, t2, no), ND_FLOAT64);
    const NdType t1[1] = {ND_UINT16};
    ck_assert_int_eq(nd_result_type(1, t1, NULL), ND_UINT16);
}
END_TEST

START_TEST(test_result_type_all_weak)
{
    /* Python scalars alone: the default type of the highest kind. */
    const bool w2[2] = {true, true};
    const NdType ii[2] = {ND_INT64, ND_INT64};
    ck_assert_int_eq(nd_result_type(2, ii, w2), ND_INT64);
    const NdType if_[2] = {ND_INT64, ND_FLOAT64};
    ck_assert_int_eq(nd_result_type(2, if_, w2), ND_FLOAT64);
    const NdType fc[2] = {ND_FLOAT64, ND_COMPLEX128};
    ck_assert_int_eq(nd_result_type(2, fc, w2), ND_COMPLEX128);
    const NdType ic[2] = {ND_COMPLEX128, ND_INT64};
    ck_assert_int_eq(nd_result_type(2, ic, w2), ND_COMPLEX128);
    const bool w1[1] = {true};
    const NdType f1[1] = {ND_FLOAT64};
    ck_assert_int_eq(nd_result_type(1, f1, w1), ND_FLOAT64);
}
END_TEST

START_TEST(test_result_type_mixed)
{
    /* int8 array + 1 + 2.0: the float lifts the integer to float64. */
    const NdType a[3] = {ND_INT8, ND_INT64, ND_FLOAT64};
    const bool wa[3] = {false, true, true};
    ck_assert_int_eq(nd_result_type(3, a, wa), ND_FLOAT64);
    /* float32 + 1.0 + 1j -> complex64 */
    const NdType b[3] = {ND_FLOAT32, ND_FLOAT64, ND_COMPLEX128};
    ck_assert_int_eq(nd_result_type(3, b, wa), ND_COMPLEX64);
    /* int8 + uint8 arrays + 1.0 -> float64 (the strong int16 meets a
     * Python float) */
    const NdType c[3] = {ND_INT8, ND_UINT8, ND_FLOAT64};
    const bool wc[3] = {false, false, true};
    ck_assert_int_eq(nd_result_type(3, c, wc), ND_FLOAT64);
    /* bool + True(strong) + 1 -> int64 */
    const NdType d[3] = {ND_BOOL, ND_BOOL, ND_INT64};
    ck_assert_int_eq(nd_result_type(3, d, wc), ND_INT64);
    /* float32 + int16 array + 3.0 -> float32 */
    const NdType e[3] = {ND_FLOAT32, ND_INT16, ND_FLOAT64};
    ck_assert_int_eq(nd_result_type(3, e, wc), ND_FLOAT32);
}
END_TEST

/* NumPy: np.add(True, False) is np.True_ and int8 + True stays int8 — a
 * Python bool promotes as the bool dtype does. */
START_TEST(test_python_bool_promotes_as_bool)
{
    const NdType two_bools[2] = {ND_BOOL, ND_BOOL};
    const bool both_weak[2] = {true, true};
    const NdType int8_bool[2] = {ND_INT8, ND_BOOL};
    const bool second_weak[2] = {false, true};
    const NdType float_bool[2] = {ND_FLOAT64, ND_BOOL};
    ck_assert_int_eq(nd_result_type(2, two_bools, both_weak), ND_BOOL);
    ck_assert_int_eq(nd_result_type(2, int8_bool, second_weak), ND_INT8);
    ck_assert_int_eq(nd_result_type(2, float_bool, both_weak), ND_FLOAT64);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("dtype");
    TCase *tc = tcase_create("names");
    int ninfo = (int)(sizeof info_cases / sizeof info_cases[0]);
    tcase_add_loop_test(tc, test_dtype_info, 0, ninfo);
    tcase_add_loop_test(tc, test_name_roundtrip, 0, ninfo);
    tcase_add_loop_test(tc, test_name_alias, 0,
                        (int)(sizeof alias_cases / sizeof alias_cases[0]));
    tcase_add_loop_test(tc, test_name_unknown, 0,
                        (int)(sizeof bad_names / sizeof bad_names[0]));
    tcase_add_test(tc, test_unknown_message);
    tcase_add_test(tc, test_python_bool_promotes_as_bool);
    tcase_add_test(tc, test_casting_names);
    suite_add_tcase(s, tc);

    tc = tcase_create("promotion");
    tcase_add_loop_test(tc, test_promote_pair, 0,
                        (int)(sizeof promote_cases / sizeof promote_cases[0]));
    tcase_add_test(tc, test_promote_properties);
    tcase_add_loop_test(
        tc, test_can_cast, 0,
        (int)(sizeof can_cast_cases / sizeof can_cast_cases[0]));
    tcase_add_test(tc, test_can_cast_rules_nest);
    suite_add_tcase(s, tc);

    tc = tcase_create("result_type");
    tcase_add_loop_test(tc, test_result_type_weak, 0,
                        (int)(sizeof weak_cases / sizeof weak_cases[0]));
    tcase_add_test(tc, test_result_type_strong);
    tcase_add_test(tc, test_result_type_all_weak);
    tcase_add_test(tc, test_result_type_mixed);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(suite());
}
