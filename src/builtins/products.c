/* products.c — dot, vdot, inner, outer, tensordot, kron, trace, einsum and
 * the a.dot/a.trace methods (lib/products.c). */
#include "builtins.h"

const Namespace ns_products = {
    .name = "products",
};
const Namespace ns_products_methods = {
    .name = "products_methods",
};
