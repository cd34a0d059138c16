/* test_manip.c — Check suite of lib/manip.c (filled in by its issue). */
#include "testutil.h"

int main(void)
{
    Suite *s = suite_create("manip");
    return nd_test_main(s);
}
