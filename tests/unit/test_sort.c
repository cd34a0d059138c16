/* test_sort.c — Check suite of lib/sort.c (filled in by its issue). */
#include "testutil.h"

int main(void)
{
    Suite *s = suite_create("sort");
    return nd_test_main(s);
}
