/* nd_linalg.h — the linear-algebra room of libnd (lib/linalg.c): NumPy's
 * numpy.linalg on stacked matrices (..., M, M) through LAPACKE.
 *
 * Types follow NumPy's _commonType: every computation runs in float64 or
 * complex128 (integers and bool promote to float64); the results are then
 * cast to float32/complex64 when every input was float32/complex64.
 *
 * Errors are NumPy's: LinAlgError "%d-dimensional array given. Array must
 * be at least two-dimensional", "Last 2 dimensions of the array must be
 * square", "Singular matrix", "Matrix is not positive definite"; ValueError
 * for solve's gufunc shape rules.  LAPACK's info codes never leave here. */
#ifndef ND_LINALG_H
#define ND_LINALG_H

/* inv(a): the inverse of each matrix of the stack (gesv against I). */
NdArray *nd_linalg_inv(NdArray *a);
/* solve(a, b): x with a @ x == b.  NumPy 2's rule: b is one vector (M,)
 * only when b is exactly 1-d; otherwise it is a stack (..., M, K) whose
 * batch axes broadcast against a's. */
NdArray *nd_linalg_solve(NdArray *a, NdArray *b);
/* det(a): shape a.shape[:-2] (0-d for one matrix), computed as NumPy does,
 * sign * exp(logabsdet) from an LU factorisation (so det([[1, 2], [3, 4]])
 * is -2.0000000000000004, as NumPy's). */
NdArray *nd_linalg_det(NdArray *a);
/* slogdet(a): *sign (a's result dtype; 0 for a singular matrix, a unit
 * complex number for complex input) and *logabsdet (its real dtype; -inf
 * when singular), each of shape a.shape[:-2].  0, or -1 with nothing set. */
int nd_linalg_slogdet(NdArray *a, NdArray **sign, NdArray **logabsdet);
/* cholesky(a, upper): L (lower, from a's lower triangle) with L @ L^H == a,
 * or with upper U (from a's upper triangle) with U^H @ U == a. */
NdArray *nd_linalg_cholesky(NdArray *a, bool upper);

#endif /* ND_LINALG_H */
