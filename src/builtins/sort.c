/* sort.c — the builtins of sorting, searching and set operations: the root
 * functions sort, argsort, lexsort, partition, argpartition, searchsorted,
 * unique, count_nonzero, isin, in1d, intersect1d, union1d, setdiff1d,
 * setxor1d, and the ndarray methods a.sort (in place), a.argsort,
 * a.partition (in place), a.argpartition and a.searchsorted.  They read
 * NumPy 2's parameters (names, defaults, the errors of NumPy's converters
 * for kind/side/order/kth) and call lib/sort.c (nd_sort.h) for the work. */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

static NdArray *arr(Value v)
{
    return v.as.array;
}

/* An axis argument: int, or None (*none set) when allowed; unset gives
 * dflt. */
static int get_axis(Value v, int64_t dflt, int64_t *axis, bool *none)
{
    *none = false;
    if (v.kind == VK_UNSET) {
        *axis = dflt;
        return 0;
    }
    if (v.kind == VK_NONE) {
        *none = true;
        return 0;
    }
    return bi_get_int(v, axis);
}

/* An argument NumPy reads with one of its string converters ("sort kind",
 * "search side", "select kind"): TypeError "sort kind must be str, not
 * int". */
static int get_conv_str(Value v, const char *what, const char **out)
{
    if (v.kind != VK_STR)
        return rt_fail(ERR_TYPE, "%s must be str, not %s", what,
                       bi_type_name(v));
    *out = as_str(v)->data;
    return 0;
}

/* kind= and stable= of sort/argsort (NumPy 2): the default is quicksort;
 * stable=True asks for a stable sort. */
static int get_sort_kind(Value kind, Value stable, NdSortKind *out)
{
    *out = ND_SORT_QUICKSORT;
    if (given(kind)) {
        if (given(stable))
            return rt_fail(ERR_VALUE,
                           "`kind` and `stable` parameters can't be provided "
                           "at the same time. Use only one of them.");
        const char *s = "";
        if (get_conv_str(kind, "sort kind", &s) < 0)
            return -1;
        if (nd_sort_kind_from_name(s, out) < 0)
            return rt_fail_from_lib();
        return 0;
    }
    if (given(stable)) {
        int t = op_truth(stable);
        if (t < 0)
            return -1;
        if (t)
            *out = ND_SORT_STABLE;
    }
    return 0;
}

/* order= names fields of structured arrays, which nd does not have. */
static int check_order(Value order)
{
    if (given(order))
        return rt_fail(ERR_VALUE,
                       "Cannot specify order when the array has no fields.");
    return 0;
}

static int check_select_kind(Value kind)
{
    if (kind.kind == VK_UNSET)
        return 0;
    const char *s = "";
    if (get_conv_str(kind, "select kind", &s) < 0)
        return -1;
    if (strcmp(s, "introselect") != 0)
        return rt_fail(ERR_VALUE,
                       "select kind must be 'introselect' (got '%s')", s);
    return 0;
}

/* kth: an int or a 1-d sequence of ints; *out is malloc'd. */
static int get_kth(Value v, int64_t **out, int *n)
{
    NdArray *k = value_to_array(v, ND_NTYPES);
    if (!k)
        return -1;
    NdKind kind = nd_dtype_kind(k->dtype);
    if (kind != ND_KIND_INT && kind != ND_KIND_UINT) {
        nd_decref(k);
        return rt_fail(ERR_TYPE, "Partition index must be integer");
    }
    if (k->ndim > 1) {
        nd_decref(k);
        return rt_fail(ERR_VALUE, "object too deep for desired array");
    }
    NdArray *c = nd_astype(k, ND_INT64, ND_CAST_UNSAFE, true);
    nd_decref(k);
    if (!c)
        return rt_fail_from_lib();
    int64_t cnt = c->size;
    int64_t *buf = malloc((size_t)(cnt ? cnt : 1) * sizeof(int64_t));
    if (!buf) {
        nd_decref(c);
        return rt_fail(ERR_MEMORY, "out of memory");
    }
    if (cnt)
        memcpy(buf, c->data, (size_t)cnt * sizeof(int64_t));
    nd_decref(c);
    *out = buf;
    *n = (int)cnt;
    return 0;
}

/* Wrap a value as an array (new reference) or return NULL with the
 * exception pending. */
static NdArray *to_array(Value v)
{
    return value_to_array(v, ND_NTYPES);
}

/* ------------------------------------------------------------ sorting */

static Value do_sort(Value a_v, Value axis_v, Value kind_v, Value order_v,
                     Value stable_v, bool arg)
{
    int64_t axis;
    bool none;
    NdSortKind kind;
    if (get_axis(axis_v, -1, &axis, &none) < 0 ||
        get_sort_kind(kind_v, stable_v, &kind) < 0 || check_order(order_v) < 0)
        return v_error();
    NdArray *a = to_array(a_v);
    if (!a)
        return v_error();
    NdArray *r = arg ? nd_argsort(a, none ? NULL : &axis, kind)
                     : nd_sort(a, none ? NULL : &axis, kind);
    nd_decref(a);
    return bi_result_array(r);
}

static Value bi_sort(Value *args)
{
    return do_sort(args[0], args[1], args[2], args[3], args[4], false);
}

static Value bi_argsort(Value *args)
{
    return do_sort(args[0], args[1], args[2], args[3], args[4], true);
}

static Value m_sort(Value *args)
{
    int64_t axis;
    bool none;
    NdSortKind kind;
    if (get_axis(args[1], -1, &axis, &none) < 0 ||
        get_sort_kind(args[2], args[4], &kind) < 0 || check_order(args[3]) < 0)
        return v_error();
    if (none)
        return rt_raise(ERR_TYPE,
                        "'NoneType' object cannot be interpreted as an "
                        "integer");
    if (nd_sort_inplace(arr(args[0]), axis, kind) < 0)
        return rt_from_lib();
    return v_none();
}

/* The keys of lexsort: the items of a list/tuple, or the sub-arrays along
 * the first axis of an array.  Returns the count, or -1. */
static int lexsort_keys(Value v, NdArray ***out)
{
    *out = NULL;
    int64_t n;
    if (v.kind == VK_LIST || v.kind == VK_TUPLE) {
        n = v.kind == VK_LIST ? as_list(v)->n : as_tuple(v)->n;
    } else if (v.kind == VK_ARRAY && arr(v)->ndim > 0) {
        n = arr(v)->shape[0];
    } else {
        n = 0;
    }
    if (n == 0)
        return rt_fail(ERR_TYPE, "need sequence of keys with len > 0 in "
                                 "lexsort");
    if (n > 1000000)
        return rt_fail(ERR_VALUE, "too many keys in lexsort");
    NdArray **keys = calloc((size_t)n, sizeof *keys);
    if (!keys)
        return rt_fail(ERR_MEMORY, "out of memory");
    for (int64_t i = 0; i < n; i++) {
        if (v.kind == VK_ARRAY) {
            NdArray *a = arr(v);
            keys[i] =
                nd_view_new(a->buffer, a->dtype, a->ndim - 1, a->shape + 1,
                            a->strides + 1, a->data + i * a->strides[0], false);
            if (!keys[i])
                rt_fail_from_lib();
        } else {
            const Value *items =
                v.kind == VK_LIST ? as_list(v)->items : as_tuple(v)->items;
            keys[i] = to_array(items[i]);
        }
        if (!keys[i]) {
            for (int64_t j = 0; j < i; j++)
                nd_decref(keys[j]);
            free(keys);
            return -1;
        }
    }
    *out = keys;
    return (int)n;
}

static Value bi_lexsort(Value *args)
{
    int64_t axis;
    bool none;
    if (get_axis(args[1], -1, &axis, &none) < 0)
        return v_error();
    if (none)
        return rt_raise(ERR_TYPE,
                        "'NoneType' object cannot be interpreted as an "
                        "integer");
    NdArray **keys;
    int n = lexsort_keys(args[0], &keys);
    if (n < 0)
        return v_error();
    NdArray *r = nd_lexsort(n, keys, axis);
    for (int i = 0; i < n; i++)
        nd_decref(keys[i]);
    free(keys);
    return bi_result(r);
}

/* ---------------------------------------------------------- partition */

static Value do_partition(Value a_v, Value kth_v, Value axis_v, Value kind_v,
                          Value order_v, bool arg)
{
    int64_t axis;
    bool none;
    if (get_axis(axis_v, -1, &axis, &none) < 0 ||
        check_select_kind(kind_v) < 0 || check_order(order_v) < 0)
        return v_error();
    int64_t *kth;
    int nkth;
    if (get_kth(kth_v, &kth, &nkth) < 0)
        return v_error();
    NdArray *a = to_array(a_v);
    if (!a) {
        free(kth);
        return v_error();
    }
    NdArray *r = arg ? nd_argpartition(a, kth, nkth, none ? NULL : &axis)
                     : nd_partition(a, kth, nkth, none ? NULL : &axis);
    nd_decref(a);
    free(kth);
    return bi_result_array(r);
}

static Value bi_partition(Value *args)
{
    return do_partition(args[0], args[1], args[2], args[3], args[4], false);
}

static Value bi_argpartition(Value *args)
{
    return do_partition(args[0], args[1], args[2], args[3], args[4], true);
}

static Value m_partition(Value *args)
{
    int64_t axis;
    bool none;
    if (get_axis(args[2], -1, &axis, &none) < 0 ||
        check_select_kind(args[3]) < 0 || check_order(args[4]) < 0)
        return v_error();
    if (none)
        return rt_raise(ERR_TYPE,
                        "'NoneType' object cannot be interpreted as an "
                        "integer");
    int64_t *kth;
    int nkth;
    if (get_kth(args[1], &kth, &nkth) < 0)
        return v_error();
    int rc = nd_partition_inplace(arr(args[0]), kth, nkth, axis);
    free(kth);
    if (rc < 0)
        return rt_from_lib();
    return v_none();
}

/* ------------------------------------------------------- searchsorted */

static Value do_searchsorted(Value a_v, Value v_v, Value side_v, Value sorter_v)
{
    bool right = false;
    if (side_v.kind != VK_UNSET) {
        const char *s = "";
        if (get_conv_str(side_v, "search side", &s) < 0)
            return v_error();
        /* NumPy 2 gives a different text to strings that start like
         * 'left' or 'right' (its inexact matches, no longer accepted). */
        if (strcmp(s, "left") == 0 || strcmp(s, "right") == 0)
            right = s[0] == 'r';
        else if (s[0] == 'l' || s[0] == 'L' || s[0] == 'r' || s[0] == 'R')
            return rt_raise(ERR_VALUE,
                            "search side must be one of 'left' or 'right'");
        else
            return rt_raise(ERR_VALUE,
                            "search side must be 'left' or 'right' (got "
                            "'%s')",
                            s);
    }
    NdArray *a = to_array(a_v);
    if (!a)
        return v_error();
    NdArray *v = to_array(v_v);
    NdArray *sorter = NULL;
    if (v && given(sorter_v))
        sorter = to_array(sorter_v);
    if (!v || (given(sorter_v) && !sorter)) {
        nd_decref(a);
        nd_decref(v);
        return v_error();
    }
    NdArray *r = nd_searchsorted(a, v, right, sorter);
    nd_decref(a);
    nd_decref(v);
    nd_decref(sorter);
    return bi_result(r);
}

static Value bi_searchsorted(Value *args)
{
    return do_searchsorted(args[0], args[1], args[2], args[3]);
}

/* ------------------------------------------------------------- unique */

static Value bi_unique(Value *args)
{
    bool ri, rv, rc, eqnan;
    int64_t axis;
    bool none;
    if (bi_get_bool(args[1], false, &ri) < 0 ||
        bi_get_bool(args[2], false, &rv) < 0 ||
        bi_get_bool(args[3], false, &rc) < 0)
        return v_error();
    if (args[4].kind == VK_UNSET) {
        none = true;
    } else if (get_axis(args[4], 0, &axis, &none) < 0) {
        return v_error();
    }
    if (bi_get_bool(args[5], true, &eqnan) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdUnique u;
    int st = nd_unique(a, none ? NULL : &axis, ri, rv, rc, eqnan, &u);
    nd_decref(a);
    if (st < 0)
        return rt_from_lib();
    int n = 1 + ri + rv + rc;
    if (n == 1)
        return v_array_take(u.values);
    Value t = v_tuple_new(n);
    if (v_is_err(t)) {
        nd_decref(u.values);
        nd_decref(u.index);
        nd_decref(u.inverse);
        nd_decref(u.counts);
        return t;
    }
    int i = 0;
    tuple_set_take(t, i++, v_array_take(u.values));
    if (ri)
        tuple_set_take(t, i++, v_array_take(u.index));
    if (rv)
        tuple_set_take(t, i++, v_array_take(u.inverse));
    if (rc)
        tuple_set_take(t, i++, v_array_take(u.counts));
    return t;
}

/* ------------------------------------------------------ count_nonzero */

static Value bi_count_nonzero(Value *args)
{
    bool keepdims;
    if (bi_get_bool(args[2], false, &keepdims) < 0)
        return v_error();
    int64_t axes[ND_MAXDIMS];
    int naxes = 0;
    bool all = !given(args[1]);
    Value ax = args[1];
    if (!all) {
        if (ax.kind == VK_TUPLE || ax.kind == VK_LIST) {
            int64_t cnt =
                ax.kind == VK_TUPLE ? as_tuple(ax)->n : as_list(ax)->n;
            const Value *items =
                ax.kind == VK_TUPLE ? as_tuple(ax)->items : as_list(ax)->items;
            if (cnt > ND_MAXDIMS)
                return rt_raise(ERR_VALUE, "duplicate value in 'axis'");
            for (int64_t i = 0; i < cnt; i++)
                if (bi_get_int(items[i], &axes[naxes++]) < 0)
                    return v_error();
        } else if (bi_get_int(ax, &axes[naxes++]) < 0) {
            return v_error();
        }
    }
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *r = nd_count_nonzero(a, all ? NULL : axes, naxes, keepdims);
    nd_decref(a);
    if (r && all && !keepdims) {
        /* NumPy returns a Python int here. */
        int64_t c = *(int64_t *)(void *)r->data;
        nd_decref(r);
        return v_int(c);
    }
    return bi_result(r);
}

/* --------------------------------------------------- set operations */

static int get_isin_kind(Value v, int *kind)
{
    *kind = ND_ISIN_DEFAULT;
    if (!given(v))
        return 0;
    const char *s = v.kind == VK_STR ? as_str(v)->data : NULL;
    if (s && strcmp(s, "sort") == 0) {
        *kind = ND_ISIN_SORT;
        return 0;
    }
    if (s && strcmp(s, "table") == 0) {
        *kind = ND_ISIN_TABLE;
        return 0;
    }
    Value r = v_to_repr(v);
    if (v_is_err(r))
        return -1;
    rt_fail(ERR_VALUE, "Invalid kind: %s. Please use None, 'sort' or 'table'.",
            as_str(r)->data);
    v_decref(r);
    return -1;
}

static Value do_isin(Value *args, bool flat)
{
    bool assume_unique, invert;
    int kind;
    if (bi_get_bool(args[2], false, &assume_unique) < 0 ||
        bi_get_bool(args[3], false, &invert) < 0 ||
        get_isin_kind(args[4], &kind) < 0)
        return v_error();
    NdArray *a = to_array(args[0]);
    if (!a)
        return v_error();
    NdArray *b = to_array(args[1]);
    if (!b) {
        nd_decref(a);
        return v_error();
    }
    if (flat) {
        NdArray *f = nd_ravel(a, 'C');
        nd_decref(a);
        a = f;
    }
    NdArray *r = a ? nd_isin(a, b, assume_unique, invert, kind) : NULL;
    nd_decref(a);
    nd_decref(b);
    return bi_result_array(r);
}

static Value bi_isin(Value *args)
{
    return do_isin(args, false);
}

static Value bi_in1d(Value *args)
{
    return do_isin(args, true);
}

/* Two array arguments: 0, or -1 with the exception pending. */
static int two_arrays(Value x, Value y, NdArray **a, NdArray **b)
{
    *a = to_array(x);
    if (!*a)
        return -1;
    *b = to_array(y);
    if (!*b) {
        nd_decref(*a);
        return -1;
    }
    return 0;
}

static Value bi_intersect1d(Value *args)
{
    bool assume_unique, ri;
    NdArray *a, *b;
    if (bi_get_bool(args[2], false, &assume_unique) < 0 ||
        bi_get_bool(args[3], false, &ri) < 0 ||
        two_arrays(args[0], args[1], &a, &b) < 0)
        return v_error();
    NdArray *i1 = NULL, *i2 = NULL;
    NdArray *r =
        nd_intersect1d(a, b, assume_unique, ri ? &i1 : NULL, ri ? &i2 : NULL);
    nd_decref(a);
    nd_decref(b);
    if (!r)
        return rt_from_lib();
    if (!ri)
        return v_array_take(r);
    Value t = v_tuple_new(3);
    if (v_is_err(t)) {
        nd_decref(r);
        nd_decref(i1);
        nd_decref(i2);
        return t;
    }
    tuple_set_take(t, 0, v_array_take(r));
    tuple_set_take(t, 1, v_array_take(i1));
    tuple_set_take(t, 2, v_array_take(i2));
    return t;
}

static Value bi_union1d(Value *args)
{
    NdArray *a, *b;
    if (two_arrays(args[0], args[1], &a, &b) < 0)
        return v_error();
    NdArray *r = nd_union1d(a, b);
    nd_decref(a);
    nd_decref(b);
    return bi_result_array(r);
}

static Value bi_setdiff1d(Value *args)
{
    bool assume_unique;
    NdArray *a, *b;
    if (bi_get_bool(args[2], false, &assume_unique) < 0 ||
        two_arrays(args[0], args[1], &a, &b) < 0)
        return v_error();
    NdArray *r = nd_setdiff1d(a, b, assume_unique);
    nd_decref(a);
    nd_decref(b);
    return bi_result_array(r);
}

static Value bi_setxor1d(Value *args)
{
    bool assume_unique;
    NdArray *a, *b;
    if (bi_get_bool(args[2], false, &assume_unique) < 0 ||
        two_arrays(args[0], args[1], &a, &b) < 0)
        return v_error();
    NdArray *r = nd_setxor1d(a, b, assume_unique);
    nd_decref(a);
    nd_decref(b);
    return bi_result_array(r);
}

/* ------------------------------------------------------------ methods */

static Value m_argsort(Value *args)
{
    return do_sort(args[0], args[1], args[2], args[3], args[4], true);
}

static Value m_argpartition(Value *args)
{
    return do_partition(args[0], args[1], args[2], args[3], args[4], true);
}

static Value m_searchsorted(Value *args)
{
    return do_searchsorted(args[0], args[1], args[2], args[3]);
}

/* ------------------------------------------------------------- tables */

#define SORT_KIND_TEXT                                                         \
    "kind is 'quicksort' (default; an introsort, or a radix sort for big\n"    \
    "numeric arrays), 'stable'/'mergesort' (equal elements keep their "        \
    "order)\nor 'heapsort'; stable=True is the same as kind='stable'.  NaN "   \
    "sorts last;\ncomplex numbers sort by real part, then imaginary part.\n"

static const BuiltinDef sort_defs[] = {
    {"argpartition", bi_argpartition,
     "a, kth, axis=-1, kind='introselect', order=None",
     "Indices that would partition a: the kth element in its sorted place.\n"
     "\n"
     "a[result] has the element that would be at position kth of the "
     "sorted\narray there, nothing larger before it and nothing smaller "
     "after it.  kth\nmay be a sequence (each is put in place) and negative; "
     "axis=None works\non the flattened array.  Introselect: O(n) per "
     "lane.\n\n"
     ">>> x = array([3, 4, 2, 1])\n"
     ">>> x[argpartition(x, 3)][3]\n4\n"
     ">>> p = argpartition(x, (1, 3))\n"
     ">>> x[p][1], x[p][3]\n(2, 4)\n"},
    {"argsort", bi_argsort, "a, axis=-1, kind=None, order=None, *, stable=None",
     "The indices that would sort an array along an axis.\n\n"
     "An int64 array of a's shape (axis=None: of the flattened array). "
     " " SORT_KIND_TEXT "\n"
     ">>> argsort([3, 1, 2])\narray([1, 2, 0])\n"
     ">>> x = array([[0, 3], [2, 2]])\n"
     ">>> argsort(x, axis=0)\narray([[0, 1],\n       [1, 0]])\n"
     ">>> argsort(x, axis=1)\narray([[0, 1],\n       [0, 1]])\n"
     ">>> argsort([2, 1, 2, 1], kind='stable')\narray([1, 3, 0, 2])\n"},
    {"count_nonzero", bi_count_nonzero, "a, axis=None, *, keepdims=False",
     "Count the non-zero values of a (along axis, an int or a tuple).\n\n"
     "Without axis the count is a Python int; NaN counts as non-zero.\n\n"
     ">>> count_nonzero(eye(4))\n4\n"
     ">>> a = array([[0, 1, 7, 0], [3, 0, 2, 19]])\n"
     ">>> count_nonzero(a)\n5\n"
     ">>> count_nonzero(a, axis=0)\narray([1, 1, 2, 1])\n"
     ">>> count_nonzero(a, axis=1)\narray([2, 3])\n"
     ">>> count_nonzero(a, axis=1, keepdims=True)\narray([[2],\n       "
     "[3]])\n"},
    {"in1d", bi_in1d,
     "ar1, ar2, assume_unique=False, invert=False, *, kind=None",
     "Whether each element of ar1 (flattened) is also in ar2.\n\n"
     "The 1-d form of isin (deprecated in NumPy 2; use isin).\n\n"
     ">>> in1d([0, 1, 2, 5, 0], [0, 2])\n"
     "array([ True, False,  True, False,  True])\n"
     ">>> in1d([0, 1, 2, 5, 0], [0, 2], invert=True)\n"
     "array([False,  True, False,  True, False])\n"},
    {"intersect1d", bi_intersect1d,
     "ar1, ar2, assume_unique=False, return_indices=False",
     "The sorted unique values that are in both arrays (flattened).\n\n"
     "return_indices=True also returns the indices of their first "
     "occurrences\nin each flattened input.  assume_unique=True skips the "
     "unique step for\ninputs known to be unique.\n\n"
     ">>> intersect1d([1, 3, 4, 3], [3, 1, 2, 1])\narray([1, 3])\n"
     ">>> x = array([1, 1, 2, 3, 4])\n>>> y = array([2, 1, 4, 6])\n"
     ">>> xy, x_ind, y_ind = intersect1d(x, y, return_indices=True)\n"
     ">>> x_ind, y_ind\n(array([0, 2, 4]), array([1, 0, 2]))\n"
     ">>> xy\narray([1, 2, 4])\n"},
    {"isin", bi_isin,
     "element, test_elements, assume_unique=False, invert=False, *, "
     "kind=None",
     "Whether each element is in test_elements: a bool array of element's "
     "shape.\n\n"
     "invert=True gives the opposite (faster than ~isin(...)).  kind is "
     "None,\n'sort' or 'table' (bool/int arrays only); the result does not "
     "depend on\nit.  NaN is never found (nan != nan).\n\n"
     ">>> element = 2*arange(4).reshape((2, 2))\n"
     ">>> test_elements = [1, 2, 4, 8]\n"
     ">>> isin(element, test_elements)\n"
     "array([[False,  True],\n       [ True, False]])\n"
     ">>> isin(element, test_elements, invert=True)\n"
     "array([[ True, False],\n       [False,  True]])\n"},
    {"lexsort", bi_lexsort, "keys, axis=-1",
     "Indirect stable sort by several keys: the last key is the primary "
     "one.\n\n"
     "keys is a sequence of arrays of one shape (or a 2-d array, one key "
     "per\nrow); ties of the last key are broken by the one before, and "
     "so on.\n\n"
     ">>> a = [1, 5, 1, 4, 3, 4, 4]\n>>> b = [9, 4, 0, 4, 0, 2, 1]\n"
     ">>> lexsort((b, a))\narray([2, 0, 4, 6, 5, 3, 1])\n"
     ">>> lexsort([[1, 2, 1], [3, 3, 2]])\narray([2, 0, 1])\n"},
    {"partition", bi_partition,
     "a, kth, axis=-1, kind='introselect', order=None",
     "A copy of a partitioned so that the kth element is in its sorted "
     "place.\n\n"
     "Nothing before position kth is larger and nothing after it is "
     "smaller;\nthe order within each side is unspecified.  kth may be a "
     "sequence or\nnegative; axis=None partitions the flattened array.  "
     "Introselect: O(n).\n\n"
     ">>> a = array([7, 1, 7, 7, 1, 5, 7, 2, 3, 2, 6, 2, 3, 0])\n"
     ">>> p = partition(a, 4)\n"
     ">>> p[4]\n2\n"
     ">>> bool(all(p[:4] <= p[4])) and bool(all(p[5:] >= p[4]))\nTrue\n"
     ">>> partition([3, 4, 2, 1], (1, 3))\narray([1, 2, 3, 4])\n"},
    {"searchsorted", bi_searchsorted, "a, v, side='left', sorter=None",
     "Where to insert v into the sorted 1-d array a to keep it sorted.\n\n"
     "side='left' gives the first suitable place, 'right' the last.  "
     "sorter\nholds indices that sort a (from argsort) when a is not "
     "sorted itself.\n\n"
     ">>> searchsorted([11, 12, 13, 14, 15], 13)\n2\n"
     ">>> searchsorted([11, 12, 13, 14, 15], 13, side='right')\n3\n"
     ">>> searchsorted([11, 12, 13, 14, 15], [-10, 20, 12, 13])\n"
     "array([0, 5, 1, 2])\n"
     ">>> searchsorted([3, 1, 2], 2, sorter=[1, 2, 0])\n1\n"},
    {"setdiff1d", bi_setdiff1d, "ar1, ar2, assume_unique=False",
     "The unique values of ar1 that are not in ar2, sorted.\n\n"
     "With assume_unique=True ar1 is only flattened (its order kept).\n\n"
     ">>> setdiff1d([1, 2, 3, 2, 4, 1], [3, 4, 5, 6])\narray([1, 2])\n"},
    {"setxor1d", bi_setxor1d, "ar1, ar2, assume_unique=False",
     "The sorted unique values that are in exactly one of the arrays.\n\n"
     ">>> setxor1d([1, 2, 3, 2, 4], [2, 3, 5, 7, 5])\narray([1, 4, 5, 7])\n"},
    {"sort", bi_sort, "a, axis=-1, kind=None, order=None, *, stable=None",
     "A sorted copy of an array, along an axis (default the last).\n\n"
     "axis=None sorts the flattened array.  " SORT_KIND_TEXT "\n"
     ">>> a = array([[1, 4], [3, 1]])\n"
     ">>> sort(a)\narray([[1, 4],\n       [1, 3]])\n"
     ">>> sort(a, axis=None)\narray([1, 1, 3, 4])\n"
     ">>> sort(a, axis=0)\narray([[1, 1],\n       [3, 4]])\n"
     ">>> sort([3.0, nan, -inf, 1.0])\narray([-inf,   1.,   3.,  nan])\n"},
    {"union1d", bi_union1d, "ar1, ar2",
     "The sorted unique values that are in either array (flattened).\n\n"
     ">>> union1d([-1, 0, 1], [-2, 0, 2])\narray([-2, -1,  0,  1,  2])\n"},
    {"unique", bi_unique,
     "ar, return_index=False, return_inverse=False, return_counts=False, "
     "axis=None, *, equal_nan=True",
     "The sorted unique elements of an array.\n\n"
     "Optionally also the indices of their first occurrences "
     "(return_index),\nthe indices that rebuild ar from them "
     "(return_inverse; shaped as ar\nwhen axis is None, as in NumPy 2) and "
     "how often each occurs\n(return_counts).  With axis, unique slices "
     "along that axis.  equal_nan\nfolds all NaNs into one.\n\n"
     ">>> unique([1, 1, 2, 2, 3, 3])\narray([1, 2, 3])\n"
     ">>> a = array([[1, 1], [2, 3]])\n>>> unique(a)\narray([1, 2, 3])\n"
     ">>> unique(array([[1, 0, 0], [1, 0, 0], [2, 3, 4]]), axis=0)\n"
     "array([[1, 0, 0],\n       [2, 3, 4]])\n"
     ">>> u, indices = unique([1, 2, 6, 4, 2, 3, 2], return_inverse=True)\n"
     ">>> u\narray([1, 2, 3, 4, 6])\n"
     ">>> indices\narray([0, 1, 4, 3, 1, 2, 1])\n"
     ">>> unique([1, 2, 6, 4, 2, 3, 2], return_counts=True)\n"
     "(array([1, 2, 3, 4, 6]), array([1, 3, 1, 1, 1]))\n"},
};

const Namespace ns_sort = {
    .name = "sorting",
    .defs = sort_defs,
    .ndefs = sizeof sort_defs / sizeof sort_defs[0],
    .help = "Sorting, searching and set operations: sort, argsort, lexsort, "
            "partition,\nargpartition, searchsorted, unique, count_nonzero, "
            "isin, in1d, intersect1d,\nunion1d, setdiff1d, setxor1d.",
};

static const BuiltinDef sort_methods[] = {
    {"argpartition", m_argpartition,
     "self, kth, axis=-1, kind='introselect', order=None",
     "Indices that would partition the array (see argpartition()).\n\n"
     ">>> x = array([3, 4, 2, 1])\n"
     ">>> x[x.argpartition(0)][0]\n1\n"},
    {"argsort", m_argsort,
     "self, axis=-1, kind=None, order=None, *, stable=None",
     "The indices that would sort the array (see argsort()).\n\n"
     ">>> array([3, 1, 2]).argsort()\narray([1, 2, 0])\n"},
    {"partition", m_partition,
     "self, kth, axis=-1, kind='introselect', order=None",
     "Partition the array in place: the kth element goes to its sorted "
     "place.\n\n"
     "Nothing before it is larger, nothing after it smaller (see "
     "partition()).\nReturns None.\n\n"
     ">>> a = array([3, 4, 2, 1])\n>>> a.partition((1, 3))\n"
     ">>> a\narray([1, 2, 3, 4])\n"},
    {"searchsorted", m_searchsorted, "self, v, side='left', sorter=None",
     "Where to insert v to keep the (sorted) array sorted (see "
     "searchsorted()).\n\n"
     ">>> array([1, 2, 3]).searchsorted([0, 2.5])\narray([0, 2])\n"},
    {"sort", m_sort, "self, axis=-1, kind=None, order=None, *, stable=None",
     "Sort the array in place along an axis (default the last); returns "
     "None.\n\n" SORT_KIND_TEXT "\n"
     ">>> a = array([[1, 4], [3, 1]])\n>>> a.sort(axis=1)\n"
     ">>> a\narray([[1, 4],\n       [1, 3]])\n"
     ">>> a.sort(axis=0)\n>>> a\narray([[1, 3],\n       [1, 4]])\n"},
};

const Namespace ns_sort_methods = {
    .name = "ndarray",
    .defs = sort_methods,
    .ndefs = sizeof sort_methods / sizeof sort_methods[0],
};
