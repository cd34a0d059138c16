/* test_index.c — Check suite of lib/index.c (filled in by its issue). */
#include "testutil.h"

int main(void)
{
    Suite *s = suite_create("index");
    return nd_test_main(s);
}
