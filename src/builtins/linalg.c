/* linalg.c — the builtin module `linalg` (also `np.linalg`): NumPy's
 * numpy.linalg functions inv, solve, det, slogdet and cholesky, and the
 * LinAlgError name.  Each binds lib/linalg.c (nd_linalg.h), which does the
 * work on stacked matrices through LAPACKE; this file only converts the
 * arguments and shapes the results (0-d results become scalars, as NumPy's
 * do).  registry.c makes the module from ns_linalg. */
#include "builtins.h"
#include "ops.h"

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
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *b = value_to_array(args[1], ND_NTYPES);
    if (!b) {
        nd_decref(a);
        return v_error();
    }
    NdArray *r = nd_linalg_solve(a, b);
    nd_decref(a);
    nd_decref(b);
    return bi_result_array(r);
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
    Value t = v_tuple_new(2);
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
    {"slogdet", bi_slogdet, "a",
     "slogdet(a): the sign and the natural log of the absolute value of "
     "the determinant.\n\n"
     "Returns the tuple (sign, logabsdet) — a plain tuple here, where "
     "NumPy's\nSlogdetResult also names its fields — so det(a) == sign * "
     "exp(logabsdet)\nwithout overflow.  sign is 1, -1 or 0 (singular: "
     "logabsdet is then -inf);\nfor complex input a complex number of "
     "absolute value 1.  Stacks give arrays\nof shape a.shape[:-2].\n\n"
     ">>> (sign, logabsdet) = linalg.slogdet([[1, 2], [3, 4]])\n"
     ">>> (sign, logabsdet)\n"
     "(-1.0, 0.6931471805599455)\n"
     ">>> linalg.slogdet(zeros((2, 2)))\n"
     "(0.0, -inf)\n"},
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
            "det, slogdet,\ncholesky, and LinAlgError.  Every function takes "
            "stacks of matrices\n(..., M, M).",
};
