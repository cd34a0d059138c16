/* nd_products.h — dot, vdot, inner, outer, tensordot, kron, trace, einsum
 * (lib/products.c). */
#ifndef ND_ND_PRODUCTS_H
#define ND_ND_PRODUCTS_H

#endif
