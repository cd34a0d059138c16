/* products.c — the root products dot, vdot, inner, outer, tensordot, kron,
 * trace and einsum, and the ndarray methods a.dot(b) and a.trace(...).
 * Each converts its arguments and calls lib/products.c (nd_products.h),
 * where the work is done (contractions on nd_matmul, hence BLAS for float
 * and complex); 0-d results become scalars as NumPy's do.  The root
 * `outer` is NumPy's np.outer (flattened operands), not the ufunc method
 * add.outer.  registry.c lists ns_products and ns_products_methods. */
#include <string.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

static Value bi_dot(Value *args)
{
    return bi_binary_arrays(args[0], args[1], nd_dot);
}

static Value bi_vdot(Value *args)
{
    return bi_binary_arrays(args[0], args[1], nd_vdot);
}

static Value bi_inner(Value *args)
{
    return bi_binary_arrays(args[0], args[1], nd_inner);
}

static Value bi_outer(Value *args)
{
    return bi_binary_arrays(args[0], args[1], nd_outer);
}

static Value bi_kron(Value *args)
{
    return bi_binary_arrays(args[0], args[1], nd_kron);
}

/* Integers of an integer array (a bracket literal [1, 0] is one). */
static int int_array_items(NdArray *a, int64_t *out, int *n)
{
    NdKind k = nd_dtype_kind(a->dtype);
    if (k != ND_KIND_INT && k != ND_KIND_UINT && k != ND_KIND_BOOL)
        return rt_fail(ERR_TYPE,
                       "'%s' object cannot be interpreted as an "
                       "integer",
                       a->ndim ? "numpy.ndarray" : nd_dtype_name(a->dtype));
    if (a->size > ND_MAXDIMS)
        return rt_fail(ERR_VALUE, "shape-mismatch for sum");
    NdArray *f = nd_ravel(a, 'C');
    if (!f)
        return rt_fail_from_lib();
    for (int64_t i = 0; i < f->size; i++) {
        NdScalar s, c;
        if (nd_get_item(f, &i, &s) < 0 ||
            nd_scalar_cast(&s, ND_INT64, &c) < 0) {
            nd_decref(f);
            return rt_fail_from_lib();
        }
        out[i] = c.v.i64;
    }
    *n = (int)f->size;
    nd_decref(f);
    return 0;
}

/* One side of tensordot's axes pair: an int or a sequence of ints. */
static int axes_list(Value v, int64_t *out, int *n)
{
    if (v.kind == VK_ARRAY)
        return int_array_items(v.as.array, out, n);
    if (v.kind != VK_TUPLE && v.kind != VK_LIST) {
        *n = 1;
        return bi_get_int(v, &out[0]);
    }
    int64_t len = v.kind == VK_TUPLE ? as_tuple(v)->n : as_list(v)->n;
    const Value *items =
        v.kind == VK_TUPLE ? as_tuple(v)->items : as_list(v)->items;
    if (len > ND_MAXDIMS)
        return rt_fail(ERR_VALUE, "shape-mismatch for sum");
    for (int64_t i = 0; i < len; i++)
        if (bi_get_int(items[i], &out[i]) < 0)
            return -1;
    *n = (int)len;
    return 0;
}

/* args: a, b, axes */
static Value bi_tensordot(Value *args)
{
    Value ax = args[2];
    int64_t axa[ND_MAXDIMS], axb[ND_MAXDIMS], nax = 2;
    int na = -1, nb = -1;
    if (ax.kind == VK_TUPLE || ax.kind == VK_LIST) {
        int64_t len = ax.kind == VK_TUPLE ? as_tuple(ax)->n : as_list(ax)->n;
        const Value *items =
            ax.kind == VK_TUPLE ? as_tuple(ax)->items : as_list(ax)->items;
        if (len != 2)
            return rt_fail(ERR_VALUE,
                           len > 2 ? "too many values to unpack (expected 2)"
                                   : "not enough values to unpack (expected "
                                     "2, got %d)",
                           (int)len),
                   v_error();
        if (axes_list(items[0], axa, &na) < 0 ||
            axes_list(items[1], axb, &nb) < 0)
            return v_error();
    } else if (ax.kind == VK_ARRAY && ax.as.array->ndim > 0) {
        /* [[1, 0], [0, 1]] is a (2, n) array, [1, 0] a (2,) one. */
        NdArray *x = ax.as.array;
        if (x->shape[0] != 2)
            return rt_fail(ERR_VALUE,
                           x->shape[0] > 2
                               ? "too many values to unpack (expected 2)"
                               : "not enough values to unpack (expected 2, "
                                 "got 1)"),
                   v_error();
        int64_t all[2 * ND_MAXDIMS];
        int cnt;
        if (x->size > 2 * ND_MAXDIMS)
            return rt_fail(ERR_VALUE, "shape-mismatch for sum"), v_error();
        if (x->ndim > 2)
            return rt_fail(ERR_VALUE, "shape-mismatch for sum"), v_error();
        if (int_array_items(x, all, &cnt) < 0)
            return v_error();
        na = nb = cnt / 2;
        for (int i = 0; i < na; i++) {
            axa[i] = all[i];
            axb[i] = all[na + i];
        }
    } else if (ax.kind != VK_UNSET && bi_get_int(ax, &nax) < 0) {
        return v_error();
    }
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *b = value_to_array(args[1], ND_NTYPES);
    if (!b) {
        nd_decref(a);
        return v_error();
    }
    NdArray *r = na >= 0 ? nd_tensordot(a, b, na, axa, nb, axb)
                         : nd_tensordot_n(a, b, nax);
    nd_decref(a);
    nd_decref(b);
    return bi_result(r);
}

/* args: a, offset, axis1, axis2, dtype */
static Value bi_trace(Value *args)
{
    int64_t offset = 0, axis1 = 0, axis2 = 1;
    NdType dt = ND_NTYPES;
    if ((given(args[1]) && bi_get_int(args[1], &offset) < 0) ||
        (given(args[2]) && bi_get_int(args[2], &axis1) < 0) ||
        (given(args[3]) && bi_get_int(args[3], &axis2) < 0) ||
        (given(args[4]) && value_to_dtype(args[4], &dt) < 0))
        return v_error();
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_trace(a, offset, axis1, axis2, dt);
    nd_decref(a);
    return bi_result(r);
}

/* args: subscripts, *operands, optimize */
static Value bi_einsum(Value *args)
{
    const char *subs;
    if (bi_get_str(args[0], "einsum", "subscripts", &subs) < 0)
        return v_error();
    Tuple *t = as_tuple(args[1]);
    if (t->n > 64)
        return rt_fail(ERR_VALUE, "too many operands"), v_error();
    if (t->n == 0)
        return rt_fail(ERR_VALUE, "must specify the einstein sum subscripts "
                                  "string and at least one operand"),
               v_error();
    NdArray *ops[64];
    int n = 0;
    Value res = v_error();
    for (; n < (int)t->n; n++) {
        ops[n] = value_to_array(t->items[n], ND_NTYPES);
        if (!ops[n])
            goto done;
    }
    res = bi_result(nd_einsum(subs, n, ops));
done:
    for (int i = 0; i < n; i++)
        nd_decref(ops[i]);
    return res;
}

static const BuiltinDef products_defs[] = {
    {"dot", bi_dot, "a, b",
     "dot(a, b): the dot product of two arrays.\n\n"
     "1-d with 1-d: the inner product (a scalar); 2-d with 2-d: the matrix "
     "product\n(as a @ b); a 0-d operand multiplies; N-d with M-d: a sum "
     "over the last axis\nof a and the second-to-last of b (the only axis "
     "of a 1-d b):\ndot(a, b)[i,j,k,m] == sum(a[i,j,:] * b[k,:,m]).  "
     "Operands promote as arrays\n(a Python float with a float32 array "
     "gives float64, as NumPy's).  float and\ncomplex products run on BLAS. "
     " ValueError \"shapes (2,3) and (2,) not aligned:\n3 (dim 1) != 2 (dim "
     "0)\".\n\n"
     ">>> dot([1, 2, 3], [4, 5, 6])\n32\n"
     ">>> dot([[1, 0], [0, 1]], [[4, 1], [2, 2]])\n"
     "array([[4, 1],\n       [2, 2]])\n"
     ">>> dot(ones((3, 4, 5)), ones((6, 5, 2))).shape\n(3, 4, 6, 2)\n"},
    {"einsum", bi_einsum, "subscripts, *operands, optimize=False",
     "einsum(subscripts, *operands): Einstein summation.\n\n"
     "Each operand's axes are named by letters, terms separated by commas; "
     "an\nexplicit output follows `->`, else the output is the letters "
     "written once, in\nalphabetical (ASCII) order.  A letter repeated in "
     "one term takes a diagonal\n('ii->i'), a letter left out of the output "
     "is summed ('ii' is the trace),\n`...` stands for broadcast axes.  "
     "Several operands are contracted pairwise\nfrom the left, each step a "
     "(batched) matrix product, so float and complex\nwork runs on BLAS.  "
     "The result has the operands' common dtype.  optimize is\naccepted and "
     "ignored.\n\n"
     ">>> a = arange(9).reshape(3, 3)\n"
     ">>> einsum('ii', a)\n12\n"
     ">>> einsum('ii->i', a)\narray([0, 4, 8])\n"
     ">>> einsum('ij,j', a, [1, 1, 1])\narray([ 3, 12, 21])\n"
     ">>> einsum('i,j->ij', [1, 2], [3, 4, 5])\n"
     "array([[ 3,  4,  5],\n       [ 6,  8, 10]])\n"
     ">>> einsum('...ij,...jk', ones((2, 3, 4)), ones((4, 5))).shape\n"
     "(2, 3, 5)\n"},
    {"inner", bi_inner, "a, b",
     "inner(a, b): the inner product over the last axes.\n\n"
     "The result has shape a.shape[:-1] + b.shape[:-1]; a 0-d operand "
     "multiplies.\nNo conjugation of complex operands (see vdot).\n\n"
     ">>> inner([1, 2, 3], [0, 1, 0])\n2\n"
     ">>> inner(arange(24).reshape(2, 3, 4), arange(4))\n"
     "array([[ 14,  38,  62],\n       [ 86, 110, 134]])\n"},
    {"kron", bi_kron, "a, b",
     "kron(a, b): the Kronecker product, blocks of b scaled by the "
     "elements of a.\n\n"
     "Any numbers of dimensions: the operand with fewer gets leading axes "
     "of length\n1, and the result's shape is the elementwise product of "
     "the shapes.\n\n"
     ">>> kron([1, 10, 100], [5, 6, 7])\n"
     "array([  5,   6,   7,  50,  60,  70, 500, 600, 700])\n"
     ">>> kron(eye(2), ones((2, 2)))\n"
     "array([[1., 1., 0., 0.],\n       [1., 1., 0., 0.],\n"
     "       [0., 0., 1., 1.],\n       [0., 0., 1., 1.]])\n"},
    {"outer", bi_outer, "a, b",
     "outer(a, b): the outer product of two vectors.\n\n"
     "Both operands are flattened: out[i, j] = a.ravel()[i] * "
     "b.ravel()[j].\n(The ufunc method multiply.outer keeps the operands' "
     "shapes.)\n\n"
     ">>> outer([1, 2, 3], [1, 10])\n"
     "array([[ 1, 10],\n       [ 2, 20],\n       [ 3, 30]])\n"},
    {"tensordot", bi_tensordot, "a, b, axes=2",
     "tensordot(a, b, axes=2): the sum of products over the given axes.\n\n"
     "axes=N sums the last N axes of a against the first N of b; "
     "axes=(axes_a,\naxes_b) names them (each an int or a sequence).  The "
     "result's axes are a's\nremaining axes, then b's.  ValueError "
     "\"shape-mismatch for sum\" when the\nsummed lengths differ.\n\n"
     ">>> a = arange(60.).reshape(3, 4, 5)\n"
     ">>> b = arange(24.).reshape(4, 3, 2)\n"
     ">>> c = tensordot(a, b, axes=([1, 0], [0, 1]))\n"
     ">>> c.shape\n(5, 2)\n"
     ">>> c\n"
     "array([[4400., 4730.],\n       [4532., 4874.],\n       [4664., "
     "5018.],\n       [4796., 5162.],\n       [4928., 5306.]])\n"},
    {"trace", bi_trace, "a, offset=0, axis1=0, axis2=1, dtype=None",
     "trace(a, offset=0, axis1=0, axis2=1, dtype=None): the sum along a "
     "diagonal.\n\n"
     "The diagonal at `offset` of the plane (axis1, axis2); for more than "
     "two\ndimensions, an array of the sums over the other axes.  The sum "
     "has sum's\ndtype (small integers widen to int64) unless dtype is "
     "given.\n\n"
     ">>> trace(eye(3))\n3.0\n"
     ">>> trace(arange(8).reshape(2, 2, 2))\narray([6, 8])\n"
     ">>> trace([[1, 2], [3, 4]], offset=1)\n2\n"},
    {"vdot", bi_vdot, "a, b",
     "vdot(a, b): the dot product of the flattened operands, the first "
     "conjugated.\n\n"
     "For complex a: sum(conj(a) * b); operands of any shape with the same "
     "size.\n\n"
     ">>> vdot([1+2j, 3+4j], [5+6j, 7+8j])\n(70-8j)\n"
     ">>> vdot([[1, 4], [5, 6]], [[4, 1], [2, 2]])\n30\n"},
};

const Namespace ns_products = {
    .name = "products",
    .defs = products_defs,
    .ndefs = sizeof products_defs / sizeof products_defs[0],
    .help = "Products: dot, vdot, inner, outer, tensordot, kron, trace, "
            "einsum (matmul and @ are with the ufuncs).",
};

/* ------------------------------------------------------------- methods */

static Value bi_m_dot(Value *args)
{
    return bi_binary_arrays(args[0], args[1], nd_dot);
}

static const BuiltinDef products_method_defs[] = {
    {"dot", bi_m_dot, "self, b",
     "a.dot(b): the dot product, as dot(a, b).\n\n"
     ">>> array([[1, 2], [3, 4]]).dot([1, 1])\narray([3, 7])\n"},
    {"trace", bi_trace, "self, offset=0, axis1=0, axis2=1, dtype=None",
     "a.trace(offset=0, axis1=0, axis2=1, dtype=None): the sum along a "
     "diagonal, as\ntrace(a, ...).\n\n"
     ">>> arange(9).reshape(3, 3).trace()\n12\n"},
};

const Namespace ns_products_methods = {
    .name = "ndarray",
    .defs = products_method_defs,
    .ndefs = sizeof products_method_defs / sizeof products_method_defs[0],
    .help = "ndarray products: a.dot(b), a.trace().",
};
