/* test_random.c — Check suite of lib/random.c. */
#include <check.h>

#include "nd.h"
#include "testutil.h"

static Suite *random_suite(void)
{
    Suite *s = suite_create("random");
    TCase *tc = tcase_create("random");
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(random_suite());
}
