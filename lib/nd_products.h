/* nd_products.h — NumPy's products beyond matmul: dot, vdot, inner, outer,
 * tensordot, kron, trace and einsum (lib/products.c).  As in NumPy, the
 * operands are taken as strong arrays: a 0-d array flagged ND_WEAK (a
 * Python scalar) promotes as its dtype (np.dot(3, float32 array) is
 * float64).  Matrix-shaped contractions go through nd_matmul, so float and
 * complex ones run on BLAS.  Results follow the ownership rule of nd.h. */
#ifndef ND_ND_PRODUCTS_H
#define ND_ND_PRODUCTS_H

/* dot(a, b): a 0-d operand multiplies; 1-d/2-d operands as matmul; N-d:
 * the last axis of a against the second-to-last of b (the only axis of a
 * 1-d b).  ValueError "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2
 * (dim 0)".  A 1-d x 1-d product is a 0-d array. */
NdArray *nd_dot(NdArray *a, NdArray *b);
/* vdot(a, b): both flattened, a conjugated, summed products (0-d).
 * ValueError "cannot reshape array of size 2 into shape (3,)". */
NdArray *nd_vdot(NdArray *a, NdArray *b);
/* inner(a, b): sum over the last axes; result shape a.shape[:-1] +
 * b.shape[:-1]; a 0-d operand multiplies.  ValueError as nd_dot's, naming
 * the last dimension of each. */
NdArray *nd_inner(NdArray *a, NdArray *b);
/* outer(a, b): both flattened, out[i, j] = a[i] * b[j]. */
NdArray *nd_outer(NdArray *a, NdArray *b);
/* tensordot with axes as two lists of n axes each (negative allowed):
 * ValueError "shape-mismatch for sum" when the lengths or the sizes
 * differ; IndexError "tuple index out of range" for an axis beyond the
 * array.  nd_tensordot_n is axes=N (the last N of a, the first N of b). */
NdArray *nd_tensordot(NdArray *a, NdArray *b, int na, const int64_t *axes_a,
                      int nb, const int64_t *axes_b);
NdArray *nd_tensordot_n(NdArray *a, NdArray *b, int64_t n);
/* kron(a, b): the Kronecker product, any number of dimensions (the one
 * with fewer gets leading 1s). */
NdArray *nd_kron(NdArray *a, NdArray *b);
/* trace(a, offset, axis1, axis2, dtype): the sums along diagonals; dtype
 * ND_NTYPES means sum's default (small integers widen to int64). */
NdArray *nd_trace(NdArray *a, int64_t offset, int64_t axis1, int64_t axis2,
                  NdType dtype);
/* einsum(subscripts, operands): explicit ("ij,jk->ik") or implicit output
 * (the labels seen once, in ASCII order, after the broadcast `...` axes),
 * repeated labels (diagonals, traces), `...` broadcasting, any number of
 * operands (contracted pairwise, left to right, each pair as a batched
 * matmul).  The result dtype is the operands' common type (sums keep it:
 * int8 stays int8, bool is or-of-and).  A result that only relabels one
 * operand (a transpose, a diagonal) is a view of it, as NumPy's.  NumPy's
 * ValueError texts ("einstein sum subscripts string contains too many
 * subscripts for operand 0", ...). */
NdArray *nd_einsum(const char *subscripts, int nop, NdArray *const *ops);

#endif
