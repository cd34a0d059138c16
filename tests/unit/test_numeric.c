/* test_numeric.c — Check suite of lib/numeric.c (filled in by its issue). */
#include "testutil.h"

int main(void)
{
    Suite *s = suite_create("numeric");
    return nd_test_main(s);
}
