/* linalg.c — the builtin module `linalg` (also `np.linalg`): NumPy's
 * numpy.linalg functions inv, solve, det, slogdet, cholesky, norm, cond,
 * qr, svd, eig, eigvals, eigh, eigvalsh, lstsq, matrix_rank, pinv,
 * matrix_power and multi_dot, and the LinAlgError name.  Each binds
 * lib/linalg.c (nd_linalg.h), which does the work on stacked matrices through
 * LAPACKE; this file only converts the arguments and shapes the results (0-d
 * results become scalars, as NumPy's do).  registry.c makes the module from
 * ns_linalg. */
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

/* NumPy 2's result types: named tuples (value.h's TupleFields). */
static const char *const eig_names[] = {"eigenvalues", "eigenvectors"};
static const TupleFields eig_result = {"EigResult", 2, eig_names};
static const TupleFields eigh_result = {"EighResult", 2, eig_names};
static const char *const qr_names[] = {"Q", "R"};
static const TupleFields qr_result = {"QRResult", 2, qr_names};
static const char *const slogdet_names[] = {"sign", "logabsdet"};
static const TupleFields slogdet_result = {"SlogdetResult", 2, slogdet_names};
static const char *const svd_names[] = {"U", "S", "Vh"};
static const TupleFields svd_result = {"SVDResult", 3, svd_names};

static Value bi_inv(Value *args)
{
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_linalg_inv(a);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_solve(Value *args)
{
    return bi_binary_arrays(args[0], args[1], nd_linalg_solve);
}

static Value bi_det(Value *args)
{
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_linalg_det(a);
    nd_decref(a);
    return bi_result(r);
}

static Value bi_slogdet(Value *args)
{
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *sign, *logdet;
    int rc = nd_linalg_slogdet(a, &sign, &logdet);
    nd_decref(a);
    if (rc < 0)
        return rt_from_lib();
    Value s = bi_result(sign);
    if (v_is_err(s)) {
        nd_decref(logdet);
        return s;
    }
    Value l = bi_result(logdet);
    if (v_is_err(l)) {
        v_decref(s);
        return l;
    }
    Value t = v_named_tuple_new(&slogdet_result);
    if (v_is_err(t)) {
        v_decref(s);
        v_decref(l);
        return t;
    }
    tuple_set_take(t, 0, s);
    tuple_set_take(t, 1, l);
    return t;
}

static Value bi_cholesky(Value *args)
{
    bool upper = false;
    if (args[1].kind != VK_UNSET) {
        int t = op_truth(args[1]);
        if (t < 0)
            return v_error();
        upper = t;
    }
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_linalg_cholesky(a, upper);
    nd_decref(a);
    return bi_result_array(r);
}

/* axis: None/unset -> *naxes = -1; an int -> 1; a tuple/list of ints. */
static int get_axes(Value v, int *axes, int *naxes)
{
    *naxes = -1;
    if (v.kind == VK_UNSET || v.kind == VK_NONE)
        return 0;
    int64_t ax;
    if (v.kind == VK_TUPLE || v.kind == VK_LIST) {
        ValueIter it;
        if (iter_start(&it, v) < 0)
            return -1;
        int k = 0, rc;
        Value item;
        while ((rc = iter_next(&it, &item)) > 0) {
            int r = bi_get_int(item, &ax);
            v_decref(item);
            if (r < 0) {
                iter_end(&it);
                return -1;
            }
            /* More than two axes is an error later; keep the count. */
            if (k < 2)
                axes[k] = (int)(ax < -1000 ? -1000 : ax > 1000 ? 1000 : ax);
            k++;
        }
        iter_end(&it);
        if (rc < 0)
            return -1;
        *naxes = k == 0 ? 3 : k;
        return 0;
    }
    if (bi_get_int(v, &ax) < 0)
        return -1;
    axes[0] = (int)(ax < -1000 ? -1000 : ax > 1000 ? 1000 : ax);
    *naxes = 1;
    return 0;
}

/* norm's and cond's ord: None, 'fro' ('f'), 'nuc', another str (invalid:
 * the library says how), or a number.  The str stays borrowed from v. */
static int get_ord(Value v, NdNormOrd *ord)
{
    *ord = (NdNormOrd){ND_NORM_NONE, 0.0, NULL};
    if (v.kind == VK_STR) {
        const char *o = as_str(v)->data;
        if (!strcmp(o, "fro") || !strcmp(o, "f"))
            ord->kind = ND_NORM_FRO;
        else if (!strcmp(o, "nuc"))
            ord->kind = ND_NORM_NUC;
        else {
            /* Invalid for vectors and matrices: nd_linalg_norm says which. */
            ord->kind = ND_NORM_STR;
            ord->str = o;
        }
    } else if (v.kind != VK_UNSET && v.kind != VK_NONE) {
        ord->kind = ND_NORM_NUM;
        if (value_to_double(v, &ord->p) < 0)
            return -1;
    }
    return 0;
}

/* args: x, ord, axis, keepdims */
static Value bi_norm(Value *args)
{
    NdNormOrd ord;
    if (get_ord(args[1], &ord) < 0)
        return v_error();
    int axes[2] = {0, 0}, naxes;
    if (get_axes(args[2], axes, &naxes) < 0)
        return v_error();
    bool keep = false;
    if (args[3].kind != VK_UNSET) {
        int t = op_truth(args[3]);
        if (t < 0)
            return v_error();
        keep = t;
    }
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_linalg_norm(a, ord, axes, naxes, keep);
    nd_decref(a);
    return bi_result(r);
}

/* A named tuple of two arrays (both references taken). */
static Value pair_result(const TupleFields *type, NdArray *x, NdArray *y)
{
    Value s = bi_result_array(x);
    if (v_is_err(s)) {
        nd_decref(y);
        return s;
    }
    Value l = bi_result_array(y);
    if (v_is_err(l)) {
        v_decref(s);
        return l;
    }
    Value t = v_named_tuple_new(type);
    if (v_is_err(t)) {
        v_decref(s);
        v_decref(l);
        return t;
    }
    tuple_set_take(t, 0, s);
    tuple_set_take(t, 1, l);
    return t;
}

/* args: a, mode */
static Value bi_qr(Value *args)
{
    const char *mode = "reduced";
    if (args[1].kind != VK_UNSET) {
        if (args[1].kind != VK_STR) {
            rt_fail(ERR_TYPE, "qr: mode must be a str");
            return v_error();
        }
        mode = as_str(args[1])->data;
    }
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *q, *r;
    int rc = nd_linalg_qr(a, mode, &q, &r);
    nd_decref(a);
    if (rc < 0)
        return rt_from_lib();
    if (!q)
        return bi_result_array(r);
    return pair_result(&qr_result, q, r);
}

/* args: a, full_matrices, compute_uv, hermitian */
static Value bi_svd(Value *args)
{
    bool flags[3] = {true, true, false};
    for (int i = 0; i < 3; i++)
        if (args[i + 1].kind != VK_UNSET) {
            int t = op_truth(args[i + 1]);
            if (t < 0)
                return v_error();
            flags[i] = t;
        }
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *u, *s, *vh;
    int rc = flags[2] ? nd_linalg_svd_hermitian(a, flags[1], &u, &s, &vh)
                      : nd_linalg_svd(a, flags[0], flags[1], &u, &s, &vh);
    nd_decref(a);
    if (rc < 0)
        return rt_from_lib();
    if (!u)
        return bi_result_array(s);
    Value us = pair_result(&svd_result, u, s);
    if (v_is_err(us)) {
        nd_decref(vh);
        return us;
    }
    Value v = bi_result_array(vh);
    if (v_is_err(v)) {
        v_decref(us);
        return v;
    }
    Value t = v_named_tuple_new(&svd_result);
    if (v_is_err(t)) {
        v_decref(us);
        v_decref(v);
        return t;
    }
    for (int i = 0; i < 2; i++) {
        Value x = as_tuple(us)->items[i];
        v_incref(x);
        tuple_set_take(t, i, x);
    }
    v_decref(us);
    tuple_set_take(t, 2, v);
    return t;
}

/* UPLO: 'L' (default) or 'U'; anything else is passed on as '?' so the
 * library gives NumPy's error. */
static int get_uplo(Value v, char *uplo)
{
    *uplo = 'L';
    if (v.kind == VK_UNSET)
        return 0;
    if (v.kind != VK_STR) {
        *uplo = '?';
        return 0;
    }
    const char *s = as_str(v)->data;
    *uplo = !strcmp(s, "L") ? 'L' : !strcmp(s, "U") ? 'U' : '?';
    return 0;
}

/* args: a, UPLO */
static Value bi_eigh(Value *args)
{
    char uplo;
    get_uplo(args[1], &uplo);
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *w, *v;
    int rc = nd_linalg_eigh(a, uplo, &w, &v);
    nd_decref(a);
    if (rc < 0)
        return rt_from_lib();
    return pair_result(&eigh_result, w, v);
}

/* args: a, UPLO */
static Value bi_eigvalsh(Value *args)
{
    char uplo;
    get_uplo(args[1], &uplo);
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *w;
    int rc = nd_linalg_eigh(a, uplo, &w, NULL);
    nd_decref(a);
    if (rc < 0)
        return rt_from_lib();
    return bi_result_array(w);
}

/* An optional float argument: *has false when unset or None. */
static int get_opt_double(Value v, bool *has, double *out)
{
    *has = v.kind != VK_UNSET && v.kind != VK_NONE;
    if (!*has)
        return 0;
    return value_to_double(v, out);
}

/* args: A, tol, hermitian, rtol */
static Value bi_matrix_rank(Value *args)
{
    bool ht, hr, herm;
    double tol, rtol;
    if (get_opt_double(args[1], &ht, &tol) < 0 ||
        bi_get_bool(args[2], false, &herm) < 0 ||
        get_opt_double(args[3], &hr, &rtol) < 0)
        return v_error();
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r =
        nd_linalg_matrix_rank(a, ht ? &tol : NULL, hr ? &rtol : NULL, herm);
    nd_decref(a);
    return bi_result(r);
}

/* args: a, rcond, hermitian, rtol */
static Value bi_pinv(Value *args)
{
    bool hc, hr, herm;
    double rcond = 1e-15, rtol;
    if (get_opt_double(args[1], &hc, &rcond) < 0 ||
        bi_get_bool(args[2], false, &herm) < 0 ||
        get_opt_double(args[3], &hr, &rtol) < 0)
        return v_error();
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    if (!hc) {
        /* NumPy 2: rtol given -> it; rtol=None -> max(M, N) * eps. */
        if (hr)
            rcond = rtol;
        else if (args[3].kind == VK_NONE && a->ndim >= 2) {
            int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1];
            bool single = a->dtype == ND_FLOAT32 || a->dtype == ND_COMPLEX64;
            rcond = (double)(m > n ? m : n) *
                    (single ? (double)FLT_EPSILON : DBL_EPSILON);
        } else
            rcond = 1e-15;
    }
    NdArray *r = nd_linalg_pinv(a, rcond, herm);
    nd_decref(a);
    return bi_result_array(r);
}

/* args: a, n */
static Value bi_matrix_power(Value *args)
{
    /* NumPy's text for a non-integral exponent (operator.index fails). */
    if (args[1].kind == VK_SCALAR) {
        NdKind k = nd_dtype_kind(v_to_ndscalar(args[1]).dtype);
        if (k == ND_KIND_FLOAT || k == ND_KIND_COMPLEX) {
            rt_fail(ERR_TYPE, "exponent must be an integer");
            return v_error();
        }
    }
    int64_t n;
    if (bi_get_int(args[1], &n) < 0)
        return v_error();
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_linalg_matrix_power(a, n);
    nd_decref(a);
    return bi_result_array(r);
}

/* args: a */
static Value bi_eig(Value *args)
{
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *w, *v;
    int rc = nd_linalg_eig(a, &w, &v);
    nd_decref(a);
    if (rc < 0)
        return rt_from_lib();
    return pair_result(&eig_result, w, v);
}

/* args: a */
static Value bi_eigvals(Value *args)
{
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *w;
    int rc = nd_linalg_eig(a, &w, NULL);
    nd_decref(a);
    if (rc < 0)
        return rt_from_lib();
    return bi_result_array(w);
}

/* args: a, b, rcond */
static Value bi_lstsq(Value *args)
{
    bool hc;
    double rcond;
    if (get_opt_double(args[2], &hc, &rcond) < 0)
        return v_error();
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *b = value_to_array(args[1], ND_NTYPES);
    if (!b) {
        nd_decref(a);
        return v_error();
    }
    NdArray *x, *res, *s;
    int64_t rank;
    int rc = nd_linalg_lstsq(a, b, hc ? &rcond : NULL, &x, &res, &rank, &s);
    nd_decref(a);
    nd_decref(b);
    if (rc < 0)
        return rt_from_lib();
    Value t = v_tuple_new(4);
    if (v_is_err(t)) {
        nd_decref(x);
        nd_decref(res);
        nd_decref(s);
        return t;
    }
    /* The rank is NumPy's int32 scalar (the gufunc's 'i' output). */
    NdScalar r64 = nd_scalar_int64(rank), r32;
    nd_scalar_cast(&r64, ND_INT32, &r32);
    r32.weak = false;
    tuple_set_take(t, 0, bi_result_array(x));
    tuple_set_take(t, 1, bi_result_array(res));
    tuple_set_take(t, 2, v_from_ndscalar(&r32));
    tuple_set_take(t, 3, bi_result_array(s));
    for (int i = 0; i < 4; i++)
        if (v_is_err(as_tuple(t)->items[i])) {
            v_decref(t);
            return v_error();
        }
    return t;
}

/* args: x, p */
static Value bi_cond(Value *args)
{
    NdNormOrd p;
    if (get_ord(args[1], &p) < 0)
        return v_error();
    NdArray *x = value_to_array(args[0], ND_NTYPES);
    if (!x)
        return v_error();
    NdArray *r = nd_linalg_cond(x, p);
    nd_decref(x);
    return bi_result(r);
}

/* args: arrays */
static Value bi_multi_dot(Value *args)
{
    ValueIter it;
    if (iter_start(&it, args[0]) < 0)
        return v_error();
    NdArray **arrs = NULL;
    int n = 0, cap = 0, rc;
    Value item;
    while ((rc = iter_next(&it, &item)) > 0) {
        if (n == cap) {
            cap = cap ? 2 * cap : 8;
            NdArray **na = realloc(arrs, (size_t)cap * sizeof *na);
            if (!na) {
                v_decref(item);
                rt_fail(ERR_MEMORY, "out of memory");
                rc = -1;
                break;
            }
            arrs = na;
        }
        arrs[n] = value_to_array(item, ND_NTYPES);
        v_decref(item);
        if (!arrs[n]) {
            rc = -1;
            break;
        }
        n++;
    }
    iter_end(&it);
    NdArray *r = NULL;
    if (rc == 0)
        r = nd_linalg_multi_dot(arrs, n);
    for (int i = 0; i < n; i++)
        nd_decref(arrs[i]);
    free(arrs);
    if (rc < 0)
        return v_error();
    return bi_result(r);
}

static Value make_linalgerror(void)
{
    return v_str("LinAlgError");
}

static const BuiltinDef linalg_defs[] = {
    {"cholesky", bi_cholesky, "a, /, *, upper=False",
     "cholesky(a, upper=False): the Cholesky factor of a Hermitian "
     "positive-definite matrix.\n\n"
     "Returns the lower-triangular L with L @ L.conj().T == a, read from "
     "a's lower\ntriangle (upper=True: the upper-triangular U = L.conj().T, "
     "read from a's\nupper triangle).  Works on stacks (..., M, M); "
     "integers compute in float64,\nfloat32/complex64 give float32/complex64. "
     " LinAlgError \"Matrix is not\npositive definite\" when the "
     "factorisation fails.\n\n"
     ">>> A = array([[1, -2j], [2j, 5]])\n"
     ">>> L = linalg.cholesky(A)\n"
     ">>> L\n"
     "array([[1.+0.j, 0.+0.j],\n       [0.+2.j, 1.+0.j]])\n"
     ">>> linalg.cholesky([[4, 2], [2, 3]], upper=True)\n"
     "array([[2.        , 1.        ],\n       [0.        , 1.41421356]])\n"},
    {"cond", bi_cond, "x, p=None",
     "cond(x, p=None): the condition number of a matrix, or of each matrix "
     "of a stack.\n\n"
     "p None, 2 or -2: the ratio of the largest to the smallest singular "
     "value (-2:\nits inverse), by SVD.  Other p ('fro', 'nuc', 1, -1, "
     "inf, -inf):\nnorm(x, p) * norm(inv(x), p), which needs square "
     "matrices.  As NumPy 2, a\nsingular matrix gives inf rather than an "
     "error (NaN when it holds a NaN).\nLinAlgError \"cond is not defined "
     "on empty arrays\".\n\n"
     ">>> a = array([[1, 0, -1], [0, 1, 0], [1, 0, 1]])\n"
     ">>> linalg.cond(a)\n1.4142135623730951\n"
     ">>> linalg.cond(a, 'fro')\n3.1622776601683795\n"
     ">>> linalg.cond(a, inf)\n2.0\n"
     ">>> linalg.cond(a, -1)\n1.0\n"
     ">>> linalg.cond(a, -2)\n0.7071067811865475\n"
     ">>> linalg.cond([[1., 2], [2, 4]], 1)\ninf\n"},
    {"det", bi_det, "a",
     "det(a): the determinant of a square matrix, or of each matrix of a "
     "stack.\n\n"
     "Computed as NumPy does, sign * exp(logabsdet) from an LU "
     "factorisation\n(LAPACK getrf), so the last bits match NumPy's.  A "
     "singular matrix gives 0.\nThe result has shape a.shape[:-2] (a scalar "
     "for one matrix).\n\n"
     ">>> linalg.det([[1, 2], [3, 4]])\n"
     "-2.0000000000000004\n"
     ">>> a = array([[[1, 2], [3, 4]], [[1, 2], [2, 1]], [[1, 3], [3, 1]]])\n"
     ">>> a.shape\n(3, 2, 2)\n"
     ">>> linalg.det(a)\n"
     "array([-2., -3., -8.])\n"},
    {"eig", bi_eig, "a",
     "eig(a): the eigenvalues and right eigenvectors of a square matrix, "
     "or of each\nmatrix of a stack.\n\n"
     "Returns EigResult(eigenvalues, eigenvectors), a named tuple: w "
     "(..., M) and\nv (..., M, M) whose columns are the unit eigenvectors, so "
     "a @ v[:, i] "
     "== w[i] * v[:, i].\nAs NumPy: for real a the results are real when "
     "every eigenvalue of the\nwhole stack is real, else complex "
     "(conjugate pairs); complex a gives complex\nresults.  The "
     "eigenvalues are in LAPACK's order (not sorted).  LAPACK geev;\n"
     "LinAlgError \"Array must not contain infs or NaNs\", \"Eigenvalues "
     "did not\nconverge\".\n\n"
     ">>> (w, v) = linalg.eig(diag([1., 2, 3]))\n"
     ">>> w\narray([1., 2., 3.])\n"
     ">>> (w, v) = linalg.eig(array([[1, -1], [1, 1]]))\n"
     ">>> w\narray([1.+1.j, 1.-1.j])\n"
     ">>> v\n"
     "array([[0.70710678+0.j        , 0.70710678-0.j        ],\n"
     "       [0.        -0.70710678j, 0.        +0.70710678j]])\n"
     ">>> allclose(array([[1, -1], [1, 1]]) @ v, v * w)\nTrue\n"
     ">>> linalg.eig(diag([2., 1]))\n"
     "EigResult(eigenvalues=array([2., 1.]), eigenvectors=array([[1., 0.],\n"
     "       [0., 1.]]))\n"
     ">>> linalg.eig(diag([2., 1])).eigenvalues\narray([2., 1.])\n"},
    {"eigh", bi_eigh, "a, UPLO='L'",
     "eigh(a, UPLO='L'): the eigenvalues and eigenvectors of a Hermitian "
     "(real symmetric)\nmatrix, or of each matrix of a stack.\n\n"
     "Returns EighResult(eigenvalues, eigenvectors), a named tuple (unpack "
     "it or\nread its fields): the eigenvalues real and ascending\n(..., M), "
     "the orthonormal eigenvectors the "
     "columns of (..., M, M), so\na @ v[:, i] == w[i] * v[:, i].  Only the "
     "lower (UPLO='L') or upper ('U')\ntriangle of a is read.  LAPACK "
     "syevd/heevd.\n\n"
     ">>> a = array([[1, -2j], [2j, 5]])\n"
     ">>> (w, v) = linalg.eigh(a)\n"
     ">>> w\narray([0.17157288, 5.82842712])\n"
     ">>> allclose(a @ v, v * w)\nTrue\n"
     ">>> linalg.eigh([[2, 0], [0, 1]])[0]\narray([1., 2.])\n"
     ">>> linalg.eigh([[2, 0], [0, 1]]).eigenvalues\narray([1., 2.])\n"},
    {"eigvals", bi_eigvals, "a",
     "eigvals(a): the eigenvalues of a square matrix, or of each matrix of "
     "a stack:\nshape (..., M), in LAPACK's order (not sorted).\n\n"
     "As eig without the eigenvectors: real for real a when every "
     "eigenvalue of\nthe whole stack is real, complex otherwise (complex64 "
     "for float32 input).\nLAPACK geev; LinAlgError \"Array must not "
     "contain infs or NaNs\".\n\n"
     ">>> linalg.eigvals([[2., 1], [1, 2]])\narray([3., 1.])\n"
     ">>> linalg.eigvals(array([[0, -1], [1, 0]], dtype=float32))\n"
     "array([0.+1.j, 0.-1.j], dtype=complex64)\n"},
    {"eigvalsh", bi_eigvalsh, "a, UPLO='L'",
     "eigvalsh(a, UPLO='L'): the eigenvalues of a Hermitian (real "
     "symmetric) matrix,\nor of each matrix of a stack: real, ascending, "
     "shape (..., M).  Only the lower\n(UPLO='L') or upper ('U') triangle "
     "of a is read.  LAPACK syevd/heevd.\n\n"
     ">>> a = array([[5+2j, 9-2j], [0+2j, 2-1j]])\n"
     ">>> linalg.eigvalsh(a)\narray([1., 6.])\n"
     ">>> linalg.eigvalsh(a, UPLO='U')\narray([-5.84077085, 12.84077085])\n"},
    {"inv", bi_inv, "a",
     "inv(a): the inverse of a square matrix, or of each matrix of a "
     "stack.\n\n"
     "Solves a @ x = I with LAPACK gesv.  LinAlgError \"Singular matrix\" "
     "when a\nmatrix has no inverse.  Integers compute in float64; "
     "float32/complex64\nstay single precision.\n\n"
     ">>> a = array([[1., 2.], [3., 4.]])\n"
     ">>> ainv = linalg.inv(a)\n"
     ">>> allclose(a @ ainv, eye(2))\nTrue\n"
     ">>> a = array([[[1., 2.], [3., 4.]], [[1, 3], [3, 5]]])\n"
     ">>> linalg.inv(a).shape\n(2, 2, 2)\n"
     ">>> linalg.inv(a)[1]\n"
     "array([[-1.25,  0.75],\n       [ 0.75, -0.25]])\n"},
    {"lstsq", bi_lstsq, "a, b, rcond=None",
     "lstsq(a, b, rcond=None): the least-squares solution of a @ x == "
     "b.\n\n"
     "a is (M, N), b (M,) or (M, K).  Returns the tuple (x, residuals, "
     "rank, s):\nx (N,) or (N, K) minimises ||b - a @ x|| (the smallest "
     "such x when a is\nrank-deficient); residuals the squared norms of "
     "the columns of b - a @ x,\nshape (K,) ((1,) for 1-d b), empty when "
     "rank < N or M <= N; rank the\neffective rank of a (an int32); s its "
     "singular values.  Singular values\nbelow rcond * max(s) count as "
     "zero; rcond=None is NumPy 2's default,\neps * max(M, N).  LAPACK "
     "gelsd.  Fitting a line y = m x + c:\n\n"
     ">>> x = array([0, 1, 2, 3])\n"
     ">>> y = array([-1, 0.2, 0.9, 2.1])\n"
     ">>> A = vstack([x, ones(len(x))]).T\n"
     ">>> (sol, res, rank, s) = linalg.lstsq(A, y)\n"
     ">>> round(sol, 10)\narray([ 1.  , -0.95])\n"
     ">>> (res, rank, s)\n"
     "(array([0.05]), 2, array([4.10003045, 1.09075677]))\n"},
    {"matrix_power", bi_matrix_power, "a, n",
     "matrix_power(a, n): a square matrix (or each matrix of a stack) "
     "raised to the\ninteger power n.\n\n"
     "By repeated squaring with matmul, so integer matrices stay integer; "
     "n == 0\ngives identities of a's dtype, n < 0 powers inv(a) (float; "
     "LinAlgError\n\"Singular matrix\" when a has no inverse); n must be an "
     "integer.\n\n"
     ">>> i = array([[0, 1], [-1, 0]])\n"
     ">>> linalg.matrix_power(i, 3)\n"
     "array([[ 0, -1],\n       [ 1,  0]])\n"
     ">>> linalg.matrix_power(i, 0)\n"
     "array([[1, 0],\n       [0, 1]])\n"
     ">>> linalg.matrix_power(i, -3)\n"
     "array([[ 0.,  1.],\n       [-1.,  0.]])\n"},
    {"matrix_rank", bi_matrix_rank,
     "A, tol=None, hermitian=False, *, rtol=None",
     "matrix_rank(A, tol=None, hermitian=False, *, rtol=None): the rank of "
     "a matrix, or\nof each matrix of a stack, by SVD.\n\n"
     "Counts the singular values greater than tol; by default tol is "
     "S.max() * rtol\nand rtol max(M, N) * eps (eps of the singular "
     "values' dtype).  tol and rtol\nare scalars here (NumPy also takes "
     "arrays of them).  hermitian=True takes\nA as Hermitian and finds "
     "the singular values as |eigvalsh(A)|.  For A of\nfewer than two "
     "dimensions: 1 unless A is all zero.\n\n"
     ">>> linalg.matrix_rank(eye(4))\n4\n"
     ">>> I = eye(4)\n>>> I[-1, -1] = 0.\n"
     ">>> linalg.matrix_rank(I)\n3\n"
     ">>> linalg.matrix_rank(ones((4,)))\n1\n"
     ">>> linalg.matrix_rank(zeros((4,)))\n0\n"},
    {"multi_dot", bi_multi_dot, "arrays",
     "multi_dot(arrays): the product of two or more arrays, multiplied in "
     "the cheapest\norder.\n\n"
     "arrays is a list (or tuple) of 2-d arrays, except that the first may "
     "be 1-d\n(a row vector) and the last 1-d (a column vector); the result "
     "is then 1-d,\nor a scalar when both are.  The order of the "
     "products is chosen by NumPy's\ndynamic programme over the shapes, "
     "so the result equals a @ b @ c @ ... while\nthe work can be much "
     "less.  NumPy's out= is not supported.\n\n"
     ">>> A = arange(12.).reshape((3, 4))\n"
     ">>> B = ones((4, 2))\n"
     ">>> C = arange(6).reshape((2, 3))\n"
     ">>> linalg.multi_dot([A, B, C, arange(3.)])\n"
     "array([114., 418., 722.])\n"
     ">>> linalg.multi_dot([arange(3.), A, B, ones(2)])\n196.0\n"},
    {"norm", bi_norm, "x, ord=None, axis=None, keepdims=False",
     "norm(x, ord=None, axis=None, keepdims=False): a matrix or vector "
     "norm.\n\n"
     "axis=None: the 2-norm of x flattened when ord is None, else the "
     "vector norm\n(1-d x) or matrix norm (2-d x) named by ord.  One axis: "
     "vector norms along\nit, ord None/2 (Euclidean), 1 (sum of |x|), inf "
     "(max |x|), -inf (min |x|),\n0 (count of nonzeros), or any p: "
     "sum(|x|**p)**(1/p).  Two axes: matrix\nnorms of the matrices they "
     "span, ord None/'fro' (Frobenius), 'nuc' (sum\nof singular values), "
     "1/-1 (max/min column sum of |x|), inf/-inf (max/min\nrow sum), 2/-2 "
     "(largest/smallest singular value).  keepdims keeps the\nreduced axes "
     "as length 1.  The result is float (x's real dtype when inexact).\n\n"
     ">>> a = arange(9) - 4\n"
     ">>> b = a.reshape((3, 3))\n"
     ">>> linalg.norm(a)\n7.745966692414834\n"
     ">>> linalg.norm(b, 'fro')\n7.745966692414834\n"
     ">>> linalg.norm(a, inf)\n4.0\n"
     ">>> linalg.norm(b, inf)\n9.0\n"
     ">>> linalg.norm(b, -1)\n6.0\n"
     ">>> linalg.norm(b, 2)\n7.348469228349533\n"
     ">>> c = array([[1, 2, 3], [-1, 1, 4]])\n"
     ">>> linalg.norm(c, axis=0)\n"
     "array([1.41421356, 2.23606798, 5.        ])\n"
     ">>> linalg.norm(c, ord=1, axis=1)\narray([6., 6.])\n"
     ">>> m = arange(8).reshape((2, 2, 2))\n"
     ">>> linalg.norm(m, axis=(1, 2))\n"
     "array([ 3.74165739, 11.22497216])\n"},
    {"pinv", bi_pinv, "a, rcond=None, hermitian=False, *, rtol=None",
     "pinv(a, rcond=None, hermitian=False, *, rtol=None): the "
     "(Moore-Penrose)\npseudo-inverse of a matrix, or of each matrix of a "
     "stack: (..., N, M) for\na (..., M, N).\n\n"
     "From the SVD, singular values at most rcond * max(S) counting as "
     "zero.  As in\nNumPy 2, rcond defaults to 1e-15; rtol (the "
     "array-API name) is used when\nrcond is not given, and rtol=None "
     "means max(M, N) * eps.  rcond is a scalar\nhere.  hermitian=True "
     "takes a as Hermitian (the SVD from eigh).\n\n"
     ">>> a = array([[1., 2], [3, 4], [5, 6]])\n"
     ">>> B = linalg.pinv(a)\n"
     ">>> allclose(a, a @ B @ a), allclose(B, B @ a @ B)\n(True, True)\n"
     ">>> linalg.pinv([[2., 0], [0, 0]])\n"
     "array([[0.5, 0. ],\n       [0. , 0. ]])\n"
     ">>> linalg.pinv([[2., 1], [1, -3]], hermitian=True)\n"
     "array([[ 0.42857143,  0.14285714],\n"
     "       [ 0.14285714, -0.28571429]])\n"},
    {"qr", bi_qr, "a, mode='reduced'",
     "qr(a, mode='reduced'): the QR factorisation a == Q @ R.\n\n"
     "For a (..., M, N) and K = min(M, N): mode 'reduced' returns the "
     "tuple (Q, R)\nwith Q (..., M, K) of orthonormal columns and R (..., "
     "K, N) upper triangular;\n'complete' gives Q (..., M, M) and R (..., "
     "M, N); 'r' returns R alone.  The pair is\nthe named tuple "
     "QRResult(Q, R), as NumPy's; mode 'raw' is not supported.\n"
     "LAPACK geqrf + orgqr/ungqr; integers compute in float64,\n"
     "float32/complex64 stay single precision.\n\n"
     ">>> a = array([[3., 1], [4, 2]])\n"
     ">>> (Q, R) = linalg.qr(a)\n"
     ">>> allclose(Q @ R, a), allclose(Q.T @ Q, eye(2))\n(True, True)\n"
     ">>> abs(R[0, 0])\n5.0\n"
     ">>> (Q, R) = linalg.qr(ones((4, 2)), mode='complete')\n"
     ">>> (Q.shape, R.shape)\n((4, 4), (4, 2))\n"
     ">>> linalg.qr(ones((2, 3)), mode='r').shape\n(2, 3)\n"
     ">>> linalg.qr(eye(2))\n"
     "QRResult(Q=array([[1., 0.],\n       [0., 1.]]), R=array([[1., 0.],\n"
     "       [0., 1.]]))\n"},
    {"slogdet", bi_slogdet, "a",
     "slogdet(a): the sign and the natural log of the absolute value of "
     "the determinant.\n\n"
     "Returns SlogdetResult(sign, logabsdet), a named tuple as NumPy's, "
     "so det(a)\n== sign * exp(logabsdet) without overflow.  sign is 1, -1 or "
     "0 (singular: "
     "logabsdet is then -inf);\nfor complex input a complex number of "
     "absolute value 1.  Stacks give arrays\nof shape a.shape[:-2].\n\n"
     ">>> (sign, logabsdet) = linalg.slogdet([[1, 2], [3, 4]])\n"
     ">>> (sign, logabsdet)\n"
     "(-1.0, 0.6931471805599455)\n"
     ">>> linalg.slogdet(zeros((2, 2)))\n"
     "SlogdetResult(sign=0.0, logabsdet=-inf)\n"
     ">>> linalg.slogdet(eye(2)).logabsdet\n0.0\n"},
    {"solve", bi_solve, "a, b",
     "solve(a, b): the solution x of the linear system a @ x == b.\n\n"
     "a is (..., M, M).  As in NumPy 2, b is a single vector only when it "
     "is\nexactly 1-d (M,); otherwise it is a stack of matrices (..., M, K) "
     "whose\nleading axes broadcast against a's.  LinAlgError \"Singular "
     "matrix\" when a\nmatrix of a is singular.\n\n"
     ">>> a = array([[1, 2], [3, 5]])\n"
     ">>> b = array([1, 2])\n"
     ">>> x = linalg.solve(a, b)\n"
     ">>> x\n"
     "array([-1.,  1.])\n"
     ">>> allclose(a @ x, b)\nTrue\n"},
    {"svd", bi_svd, "a, full_matrices=True, compute_uv=True, hermitian=False",
     "svd(a, full_matrices=True, compute_uv=True, hermitian=False): the "
     "singular value\ndecomposition.\n\n"
     "For a (..., M, N) and K = min(M, N), returns the tuple (U, S, Vh) "
     "with\na == U[..., :, :K] @ (S[..., None] * Vh[..., :K, :]): S (..., "
     "K) the singular\nvalues, real and descending; U (..., M, M) and Vh "
     "(..., N, N) unitary, or\n(..., M, K) and (..., K, N) when "
     "full_matrices=False.  compute_uv=False\nreturns S alone, else the "
     "named tuple SVDResult(U, S, Vh) as NumPy's.  LAPACK\n"
     "gesdd; LinAlgError \"SVD did not converge\" when it fails.\n"
     "hermitian=True takes a as Hermitian (square) and decomposes it by "
     "eigh, as\nNumPy: S = |w| descending, U the eigenvectors, Vh = (U * "
     "sign(w)).conj().T\n(full_matrices does not apply).\n\n"
     ">>> a = array([[3., 0], [0, -4], [0, 0]])\n"
     ">>> linalg.svd(a, compute_uv=False)\narray([4., 3.])\n"
     ">>> (U, S, Vh) = linalg.svd(a)\n"
     ">>> (U.shape, S.shape, Vh.shape)\n((3, 3), (2,), (2, 2))\n"
     ">>> (U, S, Vh) = linalg.svd(a, full_matrices=False)\n"
     ">>> U.shape\n(3, 2)\n"
     ">>> allclose(U @ diag(S) @ Vh, a)\nTrue\n"
     ">>> linalg.svd(a).S\narray([4., 3.])\n"
     ">>> linalg.svd([[2., 1], [1, -3]], compute_uv=False, hermitian=True)\n"
     "array([3.1925824, 2.1925824])\n"},
};

static const NsConst linalg_consts[] = {
    {"LinAlgError", make_linalgerror,
     "LinAlgError: the kind of the errors linalg raises, as the str that a "
     "caught\nerror's e.kind holds (nd's catch takes no class).\n\n"
     ">>> try; linalg.inv(zeros((2, 2))); catch e; print(e.kind == "
     "linalg.LinAlgError, e.message); end\n"
     "True Singular matrix\n"},
};

const Namespace ns_linalg = {
    .name = "linalg",
    .defs = linalg_defs,
    .ndefs = sizeof linalg_defs / sizeof linalg_defs[0],
    .consts = linalg_consts,
    .nconsts = sizeof linalg_consts / sizeof linalg_consts[0],
    .help = "Linear algebra (NumPy's numpy.linalg) on LAPACK: inv, solve, "
            "det, slogdet,\ncholesky, norm, cond, qr, svd, eig, eigvals, "
            "eigh, eigvalsh, lstsq,\nmatrix_rank, pinv, matrix_power, "
            "multi_dot, and LinAlgError.  Every "
            "function takes stacks of matrices (..., M, N).",
};
