/* indexing.c — the builtins of the indexing family: take, put, nonzero,
 * argwhere, flatnonzero, where, compress, extract, place, putmask,
 * take_along_axis, put_along_axis, ix_, diag, diagonal, tril and triu in
 * the root namespace, the matching
 * ndarray methods (a.nonzero(), a.take(), a.put(), a.diagonal(),
 * a.compress()), and the native kind behind `a.flat` (NumPy's flatiter:
 * indexing and iteration in C order).  The work is lib/index.c's; this
 * file reads arguments and shapes results as NumPy returns them. */
#include <inttypes.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

/* An array argument (a new reference), or NULL with the error pending. */
static NdArray *arg_array(Value v)
{
    return value_to_array(v, ND_NTYPES);
}

/* The array an in-place function writes into: it must be an ndarray. */
static int target_array(Value v, const char *func, NdArray **out)
{
    if (v.kind != VK_ARRAY) {
        if (!strcmp(func, "putmask"))
            return rt_fail(ERR_TYPE,
                           "putmask() argument 1 must be numpy.ndarray, not "
                           "%s",
                           v_type_name(v));
        return rt_fail(ERR_TYPE, "argument 1 must be numpy.ndarray, not %s",
                       v_type_name(v));
    }
    *out = v.as.array;
    return 0;
}

static int get_mode(Value v, NdClipMode *out)
{
    const char *s;
    *out = ND_CLIP_RAISE;
    if (!given(v))
        return 0;
    if (bi_get_str(v, "take", "mode", &s) < 0)
        return -1;
    if (!strcmp(s, "raise"))
        *out = ND_CLIP_RAISE;
    else if (!strcmp(s, "wrap"))
        *out = ND_CLIP_WRAP;
    else if (!strcmp(s, "clip"))
        *out = ND_CLIP_CLIP;
    else
        return rt_fail(ERR_VALUE,
                       "clipmode must be one of 'clip', 'raise', or 'wrap' "
                       "(got '%s')",
                       s);
    return 0;
}

/* An axis argument: *flatten for None / not given. */
static int get_axis(Value v, bool *flatten, int *axis)
{
    *flatten = !given(v);
    *axis = 0;
    if (*flatten)
        return 0;
    int64_t a;
    if (bi_get_int(v, &a) < 0)
        return -1;
    if (a < -ND_MAXDIMS - 1 || a > ND_MAXDIMS + 1)
        a = a < 0 ? -ND_MAXDIMS - 1 : ND_MAXDIMS + 1;
    *axis = (int)a;
    return 0;
}

static int get_int(Value v, int64_t dflt, int64_t *out)
{
    *out = dflt;
    if (v.kind == VK_UNSET)
        return 0;
    return bi_get_int(v, out);
}

/* Write r into out= when given (NumPy's out argument), keeping r's
 * result otherwise. */
static Value with_out(NdArray *r, Value out, bool scalar_ok)
{
    if (!r)
        return rt_from_lib();
    if (!given(out))
        return scalar_ok ? bi_result(r) : bi_result_array(r);
    if (out.kind != VK_ARRAY) {
        nd_decref(r);
        return rt_raise(ERR_TYPE, "output must be an array");
    }
    NdArray *o = out.as.array;
    if (o->ndim != r->ndim ||
        memcmp(o->shape, r->shape, sizeof(int64_t) * (size_t)r->ndim)) {
        nd_decref(r);
        return rt_raise(ERR_VALUE, "output array does not match result of "
                                   "ndarray.take");
    }
    int rc = nd_copyto(o, r, ND_CAST_SAME_KIND);
    nd_decref(r);
    if (rc < 0)
        return rt_from_lib();
    v_incref(out);
    return out;
}

/* ---------------------------------------------------------- functions */

static Value take_impl(Value a_v, Value ind_v, Value axis_v, Value out,
                       Value mode_v)
{
    bool flatten;
    int axis;
    NdClipMode mode;
    if (get_axis(axis_v, &flatten, &axis) < 0 || get_mode(mode_v, &mode) < 0)
        return v_error();
    NdArray *a = arg_array(a_v);
    if (!a)
        return v_error();
    NdArray *ind = arg_array(ind_v);
    if (!ind) {
        nd_decref(a);
        return v_error();
    }
    if (ind->size == 0 && ind->dtype != ND_INT64) {
        NdArray *c = nd_astype(ind, ND_INT64, ND_CAST_UNSAFE, true);
        nd_decref(ind);
        ind = c;
    }
    NdArray *r = ind ? nd_take(a, ind, axis, flatten, mode) : NULL;
    nd_decref(a);
    nd_decref(ind);
    return with_out(r, out, true);
}

static Value bi_take(Value *args)
{
    return take_impl(args[0], args[1], args[2], args[3], args[4]);
}

static Value put_impl(Value a_v, Value ind_v, Value v_v, Value mode_v)
{
    NdArray *a, *ind = NULL, *v = NULL;
    NdClipMode mode;
    if (target_array(a_v, "put", &a) < 0 || get_mode(mode_v, &mode) < 0)
        return v_error();
    ind = arg_array(ind_v);
    v = ind ? arg_array(v_v) : NULL;
    int rc = -1;
    if (ind && v) {
        if (ind->size == 0 && ind->dtype != ND_INT64) {
            NdArray *c = nd_astype(ind, ND_INT64, ND_CAST_UNSAFE, true);
            nd_decref(ind);
            ind = c;
        }
        if (!ind)
            rt_from_lib();
        else if (nd_dtype_kind(ind->dtype) != ND_KIND_INT &&
                 nd_dtype_kind(ind->dtype) != ND_KIND_UINT &&
                 ind->dtype != ND_BOOL)
            rt_raise(ERR_TYPE,
                     "Cannot cast array data from dtype('%s') to "
                     "dtype('int64') according to the rule 'safe'",
                     nd_dtype_name(ind->dtype));
        else if (nd_put(a, ind, v, mode) < 0)
            rt_from_lib();
        else
            rc = 0;
    }
    nd_decref(ind);
    nd_decref(v);
    return rc < 0 ? v_error() : v_none();
}

static Value bi_put(Value *args)
{
    return put_impl(args[0], args[1], args[2], args[3]);
}

/* The axis of take_along_axis / put_along_axis: None flattens, an
 * omitted one is -1 (take_along_axis's NumPy 2.3 default). */
static int along_axis_arg(Value v, bool *flatten, int *axis)
{
    if (v.kind == VK_UNSET) {
        *flatten = false;
        *axis = -1;
        return 0;
    }
    return get_axis(v, flatten, axis);
}

/* arr and indices of the along-axis functions (new references). */
static int along_args(Value arr_v, Value ind_v, NdArray **arr, NdArray **ind)
{
    *arr = arg_array(arr_v);
    *ind = *arr ? arg_array(ind_v) : NULL;
    if (!*ind) {
        nd_decref(*arr);
        return -1;
    }
    return 0;
}

static Value bi_take_along_axis(Value *args)
{
    bool flatten;
    int axis;
    NdArray *a, *ind;
    if (along_axis_arg(args[2], &flatten, &axis) < 0 ||
        along_args(args[0], args[1], &a, &ind) < 0)
        return v_error();
    NdArray *r = nd_take_along_axis(a, ind, axis, flatten);
    nd_decref(a);
    nd_decref(ind);
    return r ? v_array_take(r) : rt_from_lib();
}

static Value bi_put_along_axis(Value *args)
{
    bool flatten;
    int axis;
    NdArray *a, *ind, *v = NULL;
    if (target_array(args[0], "put_along_axis", &a) < 0 ||
        along_axis_arg(args[3], &flatten, &axis) < 0)
        return v_error();
    ind = arg_array(args[1]);
    v = ind ? arg_array(args[2]) : NULL;
    int rc = v ? nd_put_along_axis(a, ind, v, axis, flatten) : -1;
    nd_decref(ind);
    nd_decref(v);
    if (rc < 0)
        return v ? rt_from_lib() : v_error();
    return v_none();
}

static Value nonzero_tuple(Value a_v)
{
    NdArray *a = arg_array(a_v);
    if (!a)
        return v_error();
    NdArray *parts[ND_MAXDIMS];
    int n = nd_nonzero(a, parts);
    nd_decref(a);
    if (n < 0)
        return rt_from_lib();
    Value t = v_tuple_new(n);
    if (v_is_err(t)) {
        for (int i = 0; i < n; i++)
            nd_decref(parts[i]);
        return t;
    }
    for (int i = 0; i < n; i++)
        tuple_set_take(t, i, v_array_take(parts[i]));
    return t;
}

static Value bi_nonzero(Value *args)
{
    return nonzero_tuple(args[0]);
}

static Value unary_lib(Value v, NdArray *(*f)(NdArray *))
{
    NdArray *a = arg_array(v);
    if (!a)
        return v_error();
    NdArray *r = f(a);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_argwhere(Value *args)
{
    return unary_lib(args[0], nd_argwhere);
}

static Value bi_flatnonzero(Value *args)
{
    return unary_lib(args[0], nd_flatnonzero);
}

static Value bi_where(Value *args)
{
    bool hx = args[1].kind != VK_UNSET, hy = args[2].kind != VK_UNSET;
    if (hx != hy)
        return rt_raise(ERR_VALUE,
                        "either both or neither of x and y should be given");
    if (!hx)
        return nonzero_tuple(args[0]);
    NdArray *c = arg_array(args[0]);
    NdArray *x = c ? arg_array(args[1]) : NULL;
    NdArray *y = x ? arg_array(args[2]) : NULL;
    NdArray *r = y ? nd_where(c, x, y) : NULL;
    Value out = y ? bi_result_array(r) : v_error();
    nd_decref(c);
    nd_decref(x);
    nd_decref(y);
    return out;
}

static Value compress_impl(Value cond_v, Value a_v, Value axis_v, Value out)
{
    bool flatten;
    int axis;
    if (get_axis(axis_v, &flatten, &axis) < 0)
        return v_error();
    NdArray *c = arg_array(cond_v);
    NdArray *a = c ? arg_array(a_v) : NULL;
    NdArray *r = a ? nd_compress(c, a, axis, flatten) : NULL;
    nd_decref(c);
    nd_decref(a);
    if (!a)
        return v_error();
    return with_out(r, out, false);
}

static Value bi_compress(Value *args)
{
    return compress_impl(args[0], args[1], args[2], args[3]);
}

static Value bi_extract(Value *args)
{
    NdArray *c = arg_array(args[0]);
    NdArray *a = c ? arg_array(args[1]) : NULL;
    if (!a) {
        nd_decref(c);
        return v_error();
    }
    NdArray *ix = nd_flatnonzero(c);
    NdArray *r = ix ? nd_take(a, ix, 0, true, ND_CLIP_RAISE) : NULL;
    nd_decref(ix);
    nd_decref(c);
    nd_decref(a);
    return bi_result_array(r);
}

static Value in_place3(Value *args, const char *func,
                       int (*f)(NdArray *, NdArray *, NdArray *))
{
    NdArray *a;
    if (target_array(args[0], func, &a) < 0)
        return v_error();
    NdArray *m = arg_array(args[1]);
    NdArray *v = m ? arg_array(args[2]) : NULL;
    int rc = v ? f(a, m, v) : -1;
    nd_decref(m);
    nd_decref(v);
    if (rc < 0)
        return v ? rt_from_lib() : v_error();
    return v_none();
}

static Value bi_place(Value *args)
{
    return in_place3(args, "place", nd_place);
}

static Value bi_putmask(Value *args)
{
    return in_place3(args, "putmask", nd_putmask);
}

static Value bi_ix_(Value *args)
{
    Tuple *t = as_tuple(args[0]);
    int64_t n = t->n;
    if (n > ND_MAXDIMS)
        return rt_raise(ERR_VALUE,
                        "maximum supported dimension for an "
                        "ndarray is %d, found %" PRId64,
                        ND_MAXDIMS, n);
    Value out = v_tuple_new(n);
    if (v_is_err(out))
        return out;
    for (int64_t k = 0; k < n; k++) {
        NdArray *a = arg_array(t->items[k]);
        if (!a) {
            v_decref(out);
            return v_error();
        }
        if (a->ndim != 1) {
            nd_decref(a);
            v_decref(out);
            return rt_raise(ERR_VALUE, "Cross index must be 1 dimensional");
        }
        if (a->dtype == ND_BOOL) {
            NdArray *nz[1];
            int rc = nd_nonzero(a, nz);
            nd_decref(a);
            a = rc < 0 ? NULL : nz[0];
        } else if (a->size == 0) {
            NdArray *c = nd_astype(a, ND_INT64, ND_CAST_UNSAFE, false);
            nd_decref(a);
            a = c;
        }
        int64_t shape[ND_MAXDIMS];
        for (int64_t d = 0; d < n; d++)
            shape[d] = 1;
        NdArray *r = NULL;
        if (a) {
            shape[k] = a->shape[0];
            r = nd_reshape(a, (int)n, shape, 'C');
            nd_decref(a);
        }
        if (!r) {
            v_decref(out);
            return rt_from_lib();
        }
        tuple_set_take(out, k, v_array_take(r));
    }
    return out;
}

static Value diagonal_impl(Value a_v, Value off_v, Value ax1_v, Value ax2_v)
{
    int64_t off, ax1, ax2;
    if (get_int(off_v, 0, &off) < 0 || get_int(ax1_v, 0, &ax1) < 0 ||
        get_int(ax2_v, 1, &ax2) < 0)
        return v_error();
    NdArray *a = arg_array(a_v);
    if (!a)
        return v_error();
    NdArray *r = nd_diagonal(a, off, ax1, ax2);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_diagonal(Value *args)
{
    return diagonal_impl(args[0], args[1], args[2], args[3]);
}

static Value bi_diag(Value *args)
{
    int64_t k;
    if (get_int(args[1], 0, &k) < 0)
        return v_error();
    NdArray *a = arg_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_diag(a, k);
    nd_decref(a);
    return bi_result_array(r);
}

static Value tri_impl(Value *args, bool upper)
{
    int64_t k;
    if (get_int(args[1], 0, &k) < 0)
        return v_error();
    NdArray *a = arg_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_tri_mask(a, k, upper);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_tril(Value *args)
{
    return tri_impl(args, false);
}

static Value bi_triu(Value *args)
{
    return tri_impl(args, true);
}

static const BuiltinDef index_defs[] = {
    {"argwhere", bi_argwhere, "a",
     "The indices of the nonzero elements, one row per element.\n\n"
     "An int64 array of shape (N, a.ndim), in C order: argwhere(a) is\n"
     "transpose(nonzero(a)).\n\n"
     ">>> argwhere(array([[0, 1], [2, 0]]))\narray([[0, 1],\n       [1, "
     "0]])\n"
     ">>> argwhere(arange(4) > 1)\narray([[2],\n       [3]])\n"},
    {"compress", bi_compress, "condition, a, axis=None, out=None",
     "The slices of a along axis where condition is true.\n\n"
     "condition is 1-d; it may be shorter than the axis (the rest is "
     "dropped).\nWithout axis, a is flattened first.\n\n"
     ">>> a = array([[1, 2], [3, 4], [5, 6]])\n"
     ">>> compress([0, 1], a, axis=0)\narray([[3, 4]])\n"
     ">>> compress([False, True, True], a, axis=0)\narray([[3, 4],\n"
     "       [5, 6]])\n"
     ">>> compress([False, True], a, axis=1)\narray([[2],\n       [4],\n"
     "       [6]])\n"
     ">>> compress([False, True], a)\narray([2])\n"},
    {"diag", bi_diag, "v, k=0",
     "Extract a diagonal of a 2-d array, or build a 2-d array from a 1-d "
     "one.\n\n"
     "For a 2-d v the k-th diagonal is returned as a read-only view (as in "
     "NumPy);\nfor a 1-d v a new square array with v on the k-th diagonal "
     "(k > 0 above\nthe main one).\n\n"
     ">>> x = arange(9).reshape((3, 3))\n>>> diag(x)\narray([0, 4, 8])\n"
     ">>> diag(x, k=1)\narray([1, 5])\n"
     ">>> diag(x, k=-1)\narray([3, 7])\n"
     ">>> diag(diag(x))\narray([[0, 0, 0],\n       [0, 4, 0],\n       [0, "
     "0, 8]])\n"},
    {"diagonal", bi_diagonal, "a, offset=0, axis1=0, axis2=1",
     "The diagonal of the axes axis1 and axis2, as a read-only view.\n\n"
     "offset > 0 starts above the main diagonal.  For more than two axes "
     "the\ndiagonal becomes the last axis of the result.\n\n"
     ">>> a = arange(4).reshape(2, 2)\n>>> diagonal(a)\narray([0, 3])\n"
     ">>> diagonal(a, 1)\narray([1])\n"
     ">>> a = arange(8).reshape(2, 2, 2)\n"
     ">>> diagonal(a, 0, 0, 1)\narray([[0, 6],\n       [1, 7]])\n"},
    {"extract", bi_extract, "condition, arr",
     "The elements of arr where condition is nonzero, flattened.\n\n"
     "Same as arr.ravel()[condition.ravel() != 0] (condition may be "
     "shorter).\n\n"
     ">>> arr = arange(12).reshape((3, 4))\n"
     ">>> extract(arr % 3 == 0, arr)\narray([0, 3, 6, 9])\n"},
    {"flatnonzero", bi_flatnonzero, "a",
     "The indices of the nonzero elements of a.ravel().\n\n"
     ">>> flatnonzero(arange(-2, 3))\narray([0, 1, 3, 4])\n"},
    {"ix_", bi_ix_, "*args",
     "Open mesh from 1-d sequences, for cross-product indexing.\n\n"
     "The k-th of n arguments comes back with shape (1, ..., len, ..., 1) "
     "(len\nat position k), so a[ix_(rows, cols)] picks the sub-array of "
     "those rows\nand columns.  A boolean sequence stands for its nonzero "
     "indices.\n\n"
     ">>> a = arange(10).reshape(2, 5)\n"
     ">>> ixgrid = ix_([0, 1], [2, 4])\n>>> ixgrid\n(array([[0],\n       "
     "[1]]), array([[2, 4]]))\n"
     ">>> a[ixgrid]\narray([[2, 4],\n       [7, 9]])\n"},
    {"nonzero", bi_nonzero, "a",
     "The indices of the nonzero elements, one array per axis.\n\n"
     "a[nonzero(a)] gives the nonzero values.  A 0-d input is a "
     "ValueError (NumPy 2).\n\n"
     ">>> x = array([[3, 0, 0], [0, 4, 0], [5, 6, 0]])\n"
     ">>> nonzero(x)\n(array([0, 1, 2, 2]), array([0, 1, 0, 1]))\n"
     ">>> x[nonzero(x)]\narray([3, 4, 5, 6])\n"},
    {"place", bi_place, "arr, mask, vals",
     "Change arr in place: the positions where mask is true take vals in "
     "turn.\n\n"
     "vals is repeated when shorter than the number of true positions; "
     "mask must\nhave arr's size.\n\n"
     ">>> arr = arange(6).reshape(2, 3)\n"
     ">>> place(arr, arr > 2, [44, 55])\n>>> arr\narray([[ 0,  1,  2],\n"
     "       [44, 55, 44]])\n"},
    {"put", bi_put, "a, ind, v, mode='raise'",
     "Set a.flat[ind] = v in place.\n\n"
     "v is repeated if shorter than ind; mode 'raise' (default), 'wrap' or "
     "'clip'\ndecides what an out-of-range index does.\n\n"
     ">>> a = arange(5)\n>>> put(a, [0, 2], [-44, -55])\n>>> a\n"
     "array([-44,   1, -55,   3,   4])\n"
     ">>> put(a, 22, -5, mode='clip')\n>>> a\n"
     "array([-44,   1, -55,   3,  -5])\n"},
    {"put_along_axis", bi_put_along_axis, "arr, indices, values, axis",
     "Set arr's elements at indices along an axis, in place (returns "
     "None).\n\n"
     "indices must be an integer array with arr's number of dimensions; "
     "in the\nother axes it broadcasts against arr, and values broadcast "
     "to the indexed\nshape.  Negative indices count from the end; "
     "axis=None works on arr's\nflat order (indices then 1-d).\n\n"
     ">>> a = array([[10, 30, 20], [60, 40, 50]])\n"
     ">>> put_along_axis(a, argmax(a, axis=1, keepdims=True), 99, axis=1)\n"
     ">>> a\narray([[10, 99, 20],\n       [99, 40, 50]])\n"
     ">>> b = arange(6)\n>>> put_along_axis(b, array([0, -1]), [7, 8], "
     "None)\n>>> b\narray([7, 1, 2, 3, 4, 8])\n"},
    {"putmask", bi_putmask, "a, mask, values",
     "Set a.flat[n] = values[n % len(values)] where mask.flat[n] is "
     "true.\n\n"
     "Unlike place, the value used depends on the position n, not on how "
     "many\ntrue positions came before.\n\n"
     ">>> x = arange(6).reshape(2, 3)\n"
     ">>> putmask(x, x > 2, x ** 2)\n>>> x\narray([[ 0,  1,  2],\n"
     "       [ 9, 16, 25]])\n"
     ">>> x = arange(5)\n>>> putmask(x, x > 1, [-33, -44])\n>>> x\n"
     "array([  0,   1, -33, -44, -33])\n"},
    {"take", bi_take, "a, indices, axis=None, out=None, mode='raise'",
     "Elements of a at the given indices along an axis (a copy).\n\n"
     "Without axis a is flattened first.  The result has shape\n"
     "a.shape[:axis] + indices.shape + a.shape[axis+1:]; a scalar index "
     "gives a\nscalar.  mode 'wrap' or 'clip' handles out-of-range "
     "indices.\n\n"
     ">>> a = [4, 3, 5, 7, 6, 8]\n>>> take(a, [0, 1, 4])\narray([4, 3, "
     "6])\n"
     ">>> take(a, [[0, 1], [2, 3]])\narray([[4, 3],\n       [5, 7]])\n"
     ">>> take(array([[1, 2], [3, 4]]), [1], axis=1)\narray([[2],\n       "
     "[4]])\n"
     ">>> take(a, 8, mode='wrap')\n5\n"},
    {"take_along_axis", bi_take_along_axis, "arr, indices, axis=-1",
     "Values of arr at indices along an axis, matching 1-d slices.\n\n"
     "indices must be an integer array with arr's number of dimensions; "
     "in the\nother axes it broadcasts against arr.  The indices argsort, "
     "argmax(...,\nkeepdims=True) and argpartition give fit directly.  "
     "Negative indices\ncount from the end; axis=None works on the "
     "flattened arr (indices then\n1-d).\n\n"
     ">>> a = array([[10, 30, 20], [60, 40, 50]])\n"
     ">>> take_along_axis(a, argsort(a, axis=1), axis=1)\n"
     "array([[10, 20, 30],\n       [40, 50, 60]])\n"
     ">>> take_along_axis(a, argmax(a, axis=1, keepdims=True), axis=1)\n"
     "array([[30],\n       [60]])\n"
     ">>> take_along_axis(a, array([[-1], [0]]), 1)\n"
     "array([[20],\n       [60]])\n"},
    {"tril", bi_tril, "m, k=0",
     "A copy of m with the elements above the k-th diagonal zeroed.\n\n"
     "Works on the last two axes; a 1-d m gives a square result as in "
     "NumPy.\n\n"
     ">>> tril([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]], -1)\n"
     "array([[ 0,  0,  0],\n       [ 4,  0,  0],\n       [ 7,  8,  0],\n"
     "       [10, 11, 12]])\n"},
    {"triu", bi_triu, "m, k=0",
     "A copy of m with the elements below the k-th diagonal zeroed.\n\n"
     "Works on the last two axes; a 1-d m gives a square result as in "
     "NumPy.\n\n"
     ">>> triu([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]], -1)\n"
     "array([[ 1,  2,  3],\n       [ 4,  5,  6],\n       [ 0,  8,  9],\n"
     "       [ 0,  0, 12]])\n"},
    {"where", bi_where, "condition, x=None, y=None",
     "Elements of x where condition is true, else of y; or nonzero "
     "indices.\n\n"
     "condition, x and y broadcast together; the result dtype is the "
     "NEP 50\nresult type of x and y (Python scalars adapt).  With only "
     "condition it is\nnonzero(condition).\n\n"
     ">>> a = arange(10)\n>>> where(a < 5, a, 10 * a)\n"
     "array([ 0,  1,  2,  3,  4, 50, 60, 70, 80, 90])\n"
     ">>> where([[True, False], [True, True]], [[1, 2], [3, 4]], [[9, 8], "
     "[7, 6]])\narray([[1, 8],\n       [3, 4]])\n"
     ">>> where(arange(4) > 1)\n(array([2, 3]),)\n"},
};

const Namespace ns_index = {
    .name = "indexing",
    .defs = index_defs,
    .ndefs = sizeof index_defs / sizeof index_defs[0],
    .help = "Indexing helpers: take, put, nonzero, argwhere, flatnonzero, "
            "where, compress,\nextract, place, putmask, take_along_axis, "
            "put_along_axis, ix_, diag, "
            "diagonal, tril, triu.",
};

/* ----------------------------------------------------------- methods */

static Value m_compress(Value *args)
{
    return compress_impl(args[1], args[0], args[2], args[3]);
}

static Value m_diagonal(Value *args)
{
    return diagonal_impl(args[0], args[1], args[2], args[3]);
}

static Value m_nonzero(Value *args)
{
    return nonzero_tuple(args[0]);
}

static Value m_put(Value *args)
{
    return put_impl(args[0], args[1], args[2], args[3]);
}

static Value m_take(Value *args)
{
    return take_impl(args[0], args[1], args[2], args[3], args[4]);
}

static const BuiltinDef index_method_defs[] = {
    {"compress", m_compress, "self, condition, axis=None, out=None",
     "Return the selected slices of the array along an axis "
     "(compress(condition, a, axis)).\n\n"
     ">>> array([[1, 2], [3, 4]]).compress([False, True], axis=0)\n"
     "array([[3, 4]])\n"},
    {"diagonal", m_diagonal, "self, offset=0, axis1=0, axis2=1",
     "The diagonal as a read-only view (diagonal(a, offset, axis1, "
     "axis2)).\n\n"
     ">>> arange(9).reshape(3, 3).diagonal()\narray([0, 4, 8])\n"},
    {"nonzero", m_nonzero, "self",
     "The indices of the nonzero elements, one array per axis "
     "(nonzero(a)).\n\n"
     ">>> array([0, 3, 0, 4]).nonzero()\n(array([1, 3]),)\n"},
    {"put", m_put, "self, indices, values, mode='raise'",
     "Set a.flat[indices] = values in place (put(a, indices, values)).\n\n"
     ">>> a = zeros(4, dtype=int)\n>>> a.put([1, 3], 7)\n>>> a\n"
     "array([0, 7, 0, 7])\n"},
    {"take", m_take, "self, indices, axis=None, out=None, mode='raise'",
     "Elements at the given indices along an axis (take(a, indices, "
     "axis)).\n\n"
     ">>> array([[1, 2], [3, 4]]).take([0, 3])\narray([1, 4])\n"},
};

const Namespace ns_index_methods = {
    .name = "ndarray",
    .defs = index_method_defs,
    .ndefs = sizeof index_method_defs / sizeof index_method_defs[0],
};

/* ------------------------------------------------------------ a.flat */

/* NumPy's flatiter: the array seen as 1-d in C order.  Indexing reads
 * (and writes) through the flat positions; iteration goes through
 * flatiter_array (ops.c). */
typedef struct FlatObj {
    NativeObj h;
    NdArray *a;
} FlatObj;

static void flat_finalize(Obj *o)
{
    nd_decref(((FlatObj *)o)->a);
}

static char *flat_elem(const NdArray *a, int64_t k)
{
    char *p = a->data;
    for (int d = a->ndim - 1; d >= 0; d--) {
        p += (k % a->shape[d]) * a->strides[d];
        k /= a->shape[d];
    }
    return p;
}

/* The flat positions key selects (an int64 array, 0-d for an integer):
 * the key applied to arange(size), so every index form and message is
 * the 1-d one NumPy gives. */
static NdArray *flat_positions(NdArray *a, Value key)
{
    NdScalar zero = nd_scalar_int64(0), stop = nd_scalar_int64(a->size),
             one = nd_scalar_int64(1);
    NdArray *r = nd_arange(&zero, &stop, &one, ND_INT64);
    if (!r) {
        rt_from_lib();
        return NULL;
    }
    Value rv = {.kind = VK_ARRAY};
    rv.as.array = r;
    Value pos = op_getitem(rv, key);
    nd_decref(r);
    if (v_is_err(pos))
        return NULL;
    NdArray *p = value_to_array(pos, ND_INT64);
    v_decref(pos);
    return p;
}

static Value flat_getitem(Value self, Value key)
{
    NdArray *a = ((FlatObj *)self.as.obj)->a;
    if (key.kind == VK_SCALAR && key.dtype == ND_INT64) {
        int64_t k = key.as.i;
        if (k < -a->size || k >= a->size)
            return rt_raise(ERR_INDEX,
                            "index %" PRId64
                            " is out of bounds for axis 0 with size %" PRId64,
                            k, a->size);
        NdScalar s = {.dtype = a->dtype};
        memcpy(s.v.bytes, flat_elem(a, k < 0 ? k + a->size : k),
               nd_dtype_size(a->dtype));
        return v_from_ndscalar(&s);
    }
    NdArray *p = flat_positions(a, key);
    if (!p)
        return v_error();
    NdArray *r = nd_take(a, p, 0, true, ND_CLIP_RAISE);
    nd_decref(p);
    return bi_result(r);
}

static int flat_setitem(Value self, Value key, Value v)
{
    NdArray *a = ((FlatObj *)self.as.obj)->a;
    NdArray *p = flat_positions(a, key);
    if (!p)
        return -1;
    NdArray *x = value_to_array(v, ND_NTYPES);
    int rc = -1;
    if (x) {
        rc = nd_put(a, p, x, ND_CLIP_RAISE) < 0 ? rt_fail_from_lib() : 0;
        nd_decref(x);
    }
    nd_decref(p);
    return rc;
}

static Value flat_getattr(Value self, const char *name)
{
    NdArray *a = ((FlatObj *)self.as.obj)->a;
    if (!strcmp(name, "base")) {
        Value v = {.kind = VK_ARRAY};
        v.as.array = nd_incref(a);
        return v;
    }
    return v_unset();
}

static Value flat_repr(Value self)
{
    (void)self;
    return v_str("<numpy.flatiter object>");
}

const NativeType flatiter_type = {
    .name = "flatiter",
    .size = sizeof(FlatObj),
    .finalize = flat_finalize,
    .repr = flat_repr,
    .getattr = flat_getattr,
    .getitem = flat_getitem,
    .setitem = flat_setitem,
    .help = "flatiter: an array seen as 1-d in C order (a.flat).\n\n"
            "a.flat[i] reads the i-th element in C order; slices and index "
            "arrays give\ncopies; `for x in a.flat` visits every element; "
            "a.flat[i] = v writes\nthrough.  a.flat.base is the array.\n\n"
            ">>> a = arange(6).reshape(2, 3)\n>>> a.T.flat[1]\n3\n"
            ">>> a.flat[[1, 4]]\narray([1, 4])\n"
            ">>> [x for x in array([[1, 2], [3, 4]]).flat]\n[1, 2, 3, 4]\n",
};

Value flatiter_new(NdArray *a)
{
    Value f = native_new(&flatiter_type);
    if (v_is_err(f))
        return f;
    ((FlatObj *)f.as.obj)->a = nd_incref(a);
    return f;
}

int flatiter_array(Value v, NdArray **out)
{
    if (v.kind != VK_OBJECT || native_type(v) != &flatiter_type)
        return 0;
    *out = nd_ravel(((FlatObj *)v.as.obj)->a, 'C');
    if (!*out)
        return rt_fail_from_lib();
    return 1;
}
