/* test_math.c — Check suite of lib/math.c (filled in by its issue). */
#include "testutil.h"

int main(void)
{
    Suite *s = suite_create("math");
    return nd_test_main(s);
}
