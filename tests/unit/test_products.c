/* test_products.c — Check suite of lib/products.c. */
#include <check.h>

#include "nd.h"
#include "testutil.h"

static Suite *products_suite(void)
{
    Suite *s = suite_create("products");
    TCase *tc = tcase_create("products");
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(products_suite());
}
