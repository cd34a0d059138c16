/* test_fft.c — Check suite of lib/fft.c. */
#include <check.h>

#include "nd.h"
#include "testutil.h"

static Suite *fft_suite(void)
{
    Suite *s = suite_create("fft");
    TCase *tc = tcase_create("fft");
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(fft_suite());
}
