/* test_reduce.c — Check suite of lib/reduce.c (filled in by its issue). */
#include "testutil.h"

int main(void)
{
    Suite *s = suite_create("reduce");
    return nd_test_main(s);
}
