/* test_npy.c — Check suite of lib/npy.c. */
#include <check.h>

#include "nd.h"
#include "testutil.h"

static Suite *npy_suite(void)
{
    Suite *s = suite_create("npy");
    TCase *tc = tcase_create("npy");
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(npy_suite());
}
