/* testutil.h — shared helpers of the Check suites: a TAP-printing runner (so
 * Automake counts each test case) and shape/array shorthands. */
#ifndef ND_TESTUTIL_H
#define ND_TESTUTIL_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

/* Run a suite, printing TAP on stdout.  Failures are reported as "not ok"
 * lines; the exit status stays 0 so the TAP driver does not count them
 * twice. */
static inline int nd_test_main(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_set_tap(sr, "-");
    srunner_run_all(sr, CK_SILENT);
    srunner_free(sr);
    return 0;
}

/* Shape literal: SHAPE(2, 3) -> (const int64_t[]){2, 3}, with its length. */
#define SHAPE(...) ((const int64_t[]){__VA_ARGS__})
#define NDIM(...) ((int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)))

/* A C-order array from literal values: ARR(ND_INT64, int64_t, SHAPE(2,2), 2,
 * 1,2,3,4) */
#define ARR(dtype, ctype, shape, ndim, ...)                                    \
    nd_from_data((dtype), (ndim), (shape), (const ctype[]){__VA_ARGS__},       \
                 (int64_t)(sizeof((ctype[]){__VA_ARGS__}) / sizeof(ctype)))

/* Assert that the last call failed with the given kind and message. */
#define ck_assert_nd_error(kind, msg)                                          \
    do {                                                                       \
        ck_assert_str_eq(nd_error_kind_name(nd_error_kind()),                  \
                         nd_error_kind_name(kind));                            \
        ck_assert_str_eq(nd_error_message(), (msg));                           \
        nd_error_clear();                                                      \
    } while (0)

#endif
