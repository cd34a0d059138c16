/* test_textio.c — Check suite of lib/textio.c. */
#include <check.h>

#include "nd.h"
#include "testutil.h"

static Suite *textio_suite(void)
{
    Suite *s = suite_create("textio");
    TCase *tc = tcase_create("textio");
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(textio_suite());
}
