/* products.c — the products room of libnd: dot, vdot, inner, outer, tensordot,
 * kron, trace and einsum (nd_products.h); matmul's BLAS routing lives in matmul.c. */
#include "nd.h"
