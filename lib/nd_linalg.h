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

/* norm's ord: None, 'fro', 'nuc', a number (inf/-inf included), or some
 * other string (always invalid: ND_NORM_STR, named by str). */
typedef enum {
    ND_NORM_NONE,
    ND_NORM_FRO,
    ND_NORM_NUC,
    ND_NORM_NUM,
    ND_NORM_STR
} NdNormKind;
typedef struct {
    NdNormKind kind;
    double p;        /* the number, for ND_NORM_NUM */
    const char *str; /* the string, for ND_NORM_STR (borrowed) */
} NdNormOrd;

/* norm(x, ord, axis, keepdims): NumPy's numpy.linalg.norm.  naxes -1 is
 * axis=None (the whole array: a vector norm for 1-d x, a matrix norm for
 * 2-d x); 1 axis: a vector norm (ords None/2, 1, inf, -inf, 0, any p);
 * 2 axes: a matrix norm (None/'fro', 'nuc', 1, -1, 2, -2, inf, -inf; 2,
 * -2 and 'nuc' from the singular values).  Integers and bool compute in
 * float64; the result has x's real inexact dtype.  ValueErrors as NumPy's:
 * "Invalid norm order 'nuc' for vectors", "Invalid norm order for
 * matrices.", "Duplicate axes given.", "Improper number of dimensions to
 * norm."; AxisError for an axis out of range. */
NdArray *nd_linalg_norm(NdArray *x, NdNormOrd ord, const int *axes, int naxes,
                        bool keepdims);

/* qr(a, mode): the QR factorisation a == Q @ R of each matrix of a stack
 * (..., M, N), K = min(M, N), by geqrf + orgqr/ungqr.  mode "reduced":
 * Q (..., M, K) with orthonormal columns, R (..., K, N) upper triangular;
 * "complete": Q (..., M, M), R (..., M, N); "r": R (..., K, N) only (*q
 * is left NULL).  0, or -1 with nothing set (ValueError "Unrecognized
 * mode 'x'" for another mode; "raw" is not supported). */
int nd_linalg_qr(NdArray *a, const char *mode, NdArray **q, NdArray **r);

/* svd(a, full_matrices, compute_uv): a == U @ (S[..., None] * Vh) for
 * each matrix of a stack (..., M, N), K = min(M, N), by gesdd.  S
 * (..., K) descending, in a's real result dtype; with compute_uv, U (...,
 * M, M) and Vh (..., N, N) when full_matrices, else U (..., M, K) and Vh
 * (..., K, N); without, *u and *vh are left NULL.  LinAlgError "SVD did
 * not converge".  0, or -1 with nothing set. */
int nd_linalg_svd(NdArray *a, bool full_matrices, bool compute_uv, NdArray **u,
                  NdArray **s, NdArray **vh);

/* eigh(a, uplo): the eigenvalues (ascending, a's real result dtype,
 * (..., M)) and, when v is not NULL, the orthonormal eigenvectors (columns
 * of (..., M, M)) of each Hermitian matrix of a stack, read from its lower
 * ('L') or upper ('U') triangle only (syevd/heevd).  ValueError "UPLO
 * argument must be 'L' or 'U'"; LinAlgError "Eigenvalues did not
 * converge".  0, or -1 with nothing set. */
int nd_linalg_eigh(NdArray *a, char uplo, NdArray **w, NdArray **v);

/* svd(a, hermitian=True): NumPy's SVD of Hermitian matrices from eigh
 * (lower triangle): S = |w| sorted descending, U the eigenvectors in that
 * order, Vh = (U * sign(w))^H; square stacks only, full_matrices does not
 * apply.  Without compute_uv *u and *vh are left NULL. */
int nd_linalg_svd_hermitian(NdArray *a, bool compute_uv, NdArray **u,
                            NdArray **s, NdArray **vh);

/* matrix_rank(a, tol, rtol, hermitian): the number of singular values of
 * each matrix of a stack greater than tol (NULL: max(s) * rtol; rtol NULL:
 * max(M, N) times the eps of the singular values' dtype), as int64 of
 * shape a.shape[:-2].  For a of fewer than 2 dimensions: 1 unless all
 * zero.  hermitian: the singular values by nd_linalg_svd_hermitian. */
NdArray *nd_linalg_matrix_rank(NdArray *a, const double *tol,
                               const double *rtol, bool hermitian);
/* pinv(a, rcond, hermitian): the Moore-Penrose pseudo-inverse (..., N, M)
 * of each matrix of a stack, from its SVD (the Hermitian one when
 * hermitian), singular values <= rcond * max(s) treated as zero (NumPy
 * 2's default rcond is 1e-15). */
NdArray *nd_linalg_pinv(NdArray *a, double rcond, bool hermitian);

/* cond(x, p): the condition number of each matrix of a stack.  p None
 * (kind ND_NORM_NONE), 2 or -2: the ratio of the largest to the smallest
 * singular value (-2: its inverse), in the singular values' dtype; other
 * p ('fro', 'nuc', 1, -1, inf, -inf): norm(x, p) * norm(inv(x), p) in x's
 * result dtype (complex for complex x, as NumPy).  A singular matrix
 * gives inf, not an error (NumPy 2), unless it holds a NaN.  LinAlgError
 * "cond is not defined on empty arrays"; norm's and inv's others. */
NdArray *nd_linalg_cond(NdArray *x, NdNormOrd p);

/* multi_dot(arrays, n): arrays[0] @ ... @ arrays[n-1] (n >= 2) in the
 * cheapest order (NumPy's dynamic programme; for three arrays its direct
 * comparison), each product by nd_dot.  The first may be 1-d (a row), the
 * last 1-d (a column): the result is then 1-d, or 0-d when both are.
 * ValueError "Expecting at least two arrays."; LinAlgError
 * "%d-dimensional array given. Array must be two-dimensional" for the
 * inner ones; nd_dot's "shapes (2,3) and (4,5) not aligned: ...". */
NdArray *nd_linalg_multi_dot(NdArray *const *arrays, int n);

/* matrix_power(a, n): a @ a @ ... (n times) for each square matrix of a
 * stack, by repeated squaring (integers stay integer); identities of a's
 * dtype for n == 0; inv(a) to the power -n for n < 0. */
NdArray *nd_linalg_matrix_power(NdArray *a, int64_t n);

/* eig(a): the eigenvalues *w (..., M) and, when v is not NULL, the right
 * eigenvectors *v (columns of (..., M, M), unit norm) of each square
 * matrix of a stack, by geev, so a @ v[..., :, i] == w[..., i] * v[..., :,
 * i].  NumPy's rule for the dtype: real input gives real results when
 * every eigenvalue of the whole stack is real, complex ones (complex64 for
 * float32 input) otherwise; complex input gives complex results.
 * LinAlgError "Array must not contain infs or NaNs", "Eigenvalues did not
 * converge".  0, or -1 with nothing set. */
int nd_linalg_eig(NdArray *a, NdArray **w, NdArray **v);

/* lstsq(a, b, rcond): the least-squares solution of a @ x == b by gelsd,
 * a (M, N) and b (M,) or (M, K) (NumPy's lstsq is not stacked).  *x (N,)
 * or (N, K); *residuals the squared 2-norms of the columns of b - a @ x,
 * shape (K,) ((1,) for 1-d b) — empty when the rank is below N or M <= N;
 * *rank the effective rank; *s the singular values (min(M, N),).  rcond
 * NULL is NumPy 2's default, eps * max(M, N); singular values below rcond
 * * max(s) count as zero.  LinAlgError "%d-dimensional array given. Array
 * must be two-dimensional", "Incompatible dimensions", "SVD did not
 * converge in Linear Least Squares".  0, or -1 with nothing set. */
int nd_linalg_lstsq(NdArray *a, NdArray *b, const double *rcond, NdArray **x,
                    NdArray **residuals, int64_t *rank, NdArray **s);

#endif /* ND_LINALG_H */
