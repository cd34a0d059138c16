/* convert.c — turning language values into what libnd and the builtins
 * need: arrays (NumPy's asarray/array() coercion of nested lists, tuples,
 * ranges, scalars and arrays, with its dtype discovery and its
 * "inhomogeneous shape" error), bracket literals (§2's rule deciding
 * between an array and a list), and the small conversions every builtin
 * uses: a value as an int64, a double, a shape or a dtype.  Part of the
 * operators room (ops.h); ops.c holds the operators themselves. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "interp.h"
#include "ops.h"

/* ------------------------------------------------------------ scalars */

static NdScalar to_nds(Value v)
{
    NdScalar s;
    memset(&s, 0, sizeof s);
    s.dtype = (NdType)v.dtype;
    s.weak = v.weak;
    memcpy(s.v.bytes, v.as.bytes, sizeof s.v.bytes);
    return s;
}

static bool is_seq(Value v)
{
    return v.kind == VK_LIST || v.kind == VK_TUPLE;
}

static const Value *seq_items(Value v, int64_t *n)
{
    if (v.kind == VK_LIST) {
        *n = as_list(v)->n;
        return as_list(v)->items;
    }
    *n = as_tuple(v)->n;
    return as_tuple(v)->items;
}

__extension__ typedef __int128 i128;

static int64_t range_len(const Range *r)
{
    i128 span;
    if (r->step > 0) {
        if (r->start >= r->stop)
            return 0;
        span = (i128)r->stop - r->start;
        return (int64_t)((span - 1) / r->step + 1);
    }
    if (r->start <= r->stop)
        return 0;
    span = (i128)r->start - r->stop;
    return (int64_t)((span - 1) / -(i128)r->step + 1);
}

/* The dtype a scalar contributes to np.array()'s discovery: Python ints
 * count as int64 (uint64 above its range), floats as float64 — array
 * coercion does not apply NEP 50's weak promotion. */
static NdType scalar_dtype(Value v)
{
    return (NdType)v.dtype;
}

/* ----------------------------------------------------- array coercion */

/* Discovery state: the shape suggested by following first elements, then
 * checked against every element; `bad` is the smallest depth at which an
 * element disagrees (NumPy reports the array as inhomogeneous after that
 * many dimensions). */
typedef struct Discover {
    int ndim;
    int64_t shape[ND_MAXDIMS];
    NdType dtype;
    bool have_dtype;
    int bad;
} Discover;

static void merge_dtype(Discover *d, NdType t)
{
    d->dtype = d->have_dtype ? nd_promote_types(d->dtype, t) : t;
    d->have_dtype = true;
}

static int too_deep(int n)
{
    return rt_fail(ERR_VALUE,
                   "setting an array element with a sequence. The requested "
                   "array would exceed the maximum number of dimension of "
                   "%d (found %d).",
                   ND_MAXDIMS, n);
}

static int not_convertible(Value v)
{
    if (v.kind == VK_STR)
        return rt_fail(ERR_TYPE, "cannot convert a str to an array: nd "
                                 "arrays have no string dtype");
    return rt_fail(ERR_TYPE, "cannot convert '%s' to an array", v_type_name(v));
}

/* Follow first elements to suggest the shape. */
static int suggest_shape(Discover *d, const Value *items, int64_t n)
{
    d->ndim = 1;
    d->shape[0] = n;
    if (n == 0)
        return 0;
    Value cur = items[0];
    for (;;) {
        if (is_seq(cur)) {
            int64_t m;
            const Value *it = seq_items(cur, &m);
            if (d->ndim >= ND_MAXDIMS)
                return too_deep(d->ndim + 1);
            d->shape[d->ndim++] = m;
            if (m == 0)
                return 0;
            cur = it[0];
        } else if (cur.kind == VK_RANGE) {
            if (d->ndim >= ND_MAXDIMS)
                return too_deep(d->ndim + 1);
            d->shape[d->ndim++] = range_len((Range *)cur.as.obj);
            return 0;
        } else if (cur.kind == VK_ARRAY) {
            NdArray *a = cur.as.array;
            if (d->ndim + a->ndim > ND_MAXDIMS)
                return too_deep(d->ndim + a->ndim);
            for (int j = 0; j < a->ndim; j++)
                d->shape[d->ndim++] = a->shape[j];
            return 0;
        } else {
            return 0;
        }
    }
}

/* Check v (an element at depth `depth`) against the suggested shape and
 * collect its dtype.  Returns the depth of the first disagreement (INT_MAX
 * when none), or -1 on an error. */
static int check_elem(Discover *d, Value v, int depth)
{
    switch (v.kind) {
    case VK_LIST:
    case VK_TUPLE: {
        int64_t m;
        const Value *it = seq_items(v, &m);
        if (depth >= d->ndim || m != d->shape[depth])
            return depth;
        int best = INT_MAX;
        for (int64_t i = 0; i < m; i++) {
            int r = check_elem(d, it[i], depth + 1);
            if (r < 0)
                return -1;
            if (r < best)
                best = r;
        }
        return best;
    }
    case VK_RANGE:
        if (depth >= d->ndim || range_len((Range *)v.as.obj) != d->shape[depth])
            return depth;
        if (depth + 1 != d->ndim)
            return depth + 1;
        merge_dtype(d, ND_INT64);
        return INT_MAX;
    case VK_ARRAY: {
        NdArray *a = v.as.array;
        for (int j = 0; j < a->ndim; j++)
            if (depth + j >= d->ndim || a->shape[j] != d->shape[depth + j])
                return depth + j;
        if (depth + a->ndim != d->ndim)
            return depth + a->ndim;
        merge_dtype(d, a->dtype);
        return INT_MAX;
    }
    case VK_SCALAR:
        if (depth != d->ndim)
            return depth;
        merge_dtype(d, scalar_dtype(v));
        return INT_MAX;
    default:
        return not_convertible(v);
    }
}

/* Write one scalar into `dst` as `dtype`.  An explicit dtype applies
 * NEP 50's check to Python ints (array([1000], dtype=int8) overflows). */
static int put_scalar(Value v, NdType dtype, bool explicit_dtype, char *dst)
{
    size_t isz = nd_dtype_size(dtype);
    if (v.dtype == dtype) {
        memcpy(dst, v.as.bytes, isz);
        return 0;
    }
    NdScalar s = to_nds(v), c;
    int rc = explicit_dtype ? nd_scalar_cast_weak(&s, dtype, &c)
                            : nd_scalar_cast(&s, dtype, &c);
    if (rc < 0)
        return rt_fail_from_lib();
    memcpy(dst, c.v.bytes, isz);
    return 0;
}

/* Fill `res` (C-contiguous) in order; *pos is the byte offset reached. */
static int fill_elem(NdArray *res, Value v, bool explicit_dtype, size_t *pos)
{
    size_t isz = nd_dtype_size(res->dtype);
    switch (v.kind) {
    case VK_LIST:
    case VK_TUPLE: {
        int64_t m;
        const Value *it = seq_items(v, &m);
        for (int64_t i = 0; i < m; i++)
            if (fill_elem(res, it[i], explicit_dtype, pos) < 0)
                return -1;
        return 0;
    }
    case VK_RANGE: {
        Range *r = (Range *)v.as.obj;
        int64_t m = range_len(r);
        for (int64_t i = 0; i < m; i++) {
            if (put_scalar(v_int(r->start + i * r->step), res->dtype,
                           explicit_dtype, res->data + *pos) < 0)
                return -1;
            *pos += isz;
        }
        return 0;
    }
    case VK_ARRAY: {
        NdArray *a = v.as.array;
        if (a->ndim == 0 && (a->flags & ND_WEAK)) {
            NdScalar s;
            if (nd_item(a, &s) < 0)
                return rt_fail_from_lib();
            Value sv = {.kind = VK_SCALAR, .dtype = s.dtype, .weak = 1};
            memcpy(sv.as.bytes, s.v.bytes, sizeof sv.as.bytes);
            if (put_scalar(sv, res->dtype, explicit_dtype, res->data + *pos) <
                0)
                return -1;
            *pos += isz;
            return 0;
        }
        int64_t strides[ND_MAXDIMS];
        int64_t st = (int64_t)isz;
        for (int j = a->ndim - 1; j >= 0; j--) {
            strides[j] = st;
            st *= a->shape[j];
        }
        NdArray *view = nd_view_new(res->buffer, res->dtype, a->ndim, a->shape,
                                    strides, res->data + *pos, true);
        if (!view)
            return rt_fail_from_lib();
        int rc = nd_copyto(view, a, ND_CAST_UNSAFE);
        nd_decref(view);
        if (rc < 0)
            return rt_fail_from_lib();
        *pos += (size_t)a->size * isz;
        return 0;
    }
    case VK_SCALAR:
        if (put_scalar(v, res->dtype, explicit_dtype, res->data + *pos) < 0)
            return -1;
        *pos += isz;
        return 0;
    default:
        return not_convertible(v);
    }
}

/* np.array(items) for a sequence of n items. */
static NdArray *array_from_items(const Value *items, int64_t n, NdType dtype)
{
    Discover d;
    memset(&d, 0, sizeof d);
    if (suggest_shape(&d, items, n) < 0)
        return NULL;
    int bad = INT_MAX;
    for (int64_t i = 0; i < n; i++) {
        int r = check_elem(&d, items[i], 1);
        if (r < 0)
            return NULL;
        if (r < bad)
            bad = r;
    }
    if (bad != INT_MAX) {
        char shp[400];
        nd_shape_str(shp, sizeof shp, bad, d.shape);
        rt_fail(ERR_VALUE,
                "setting an array element with a sequence. The requested "
                "array has an inhomogeneous shape after %d dimensions. The "
                "detected shape was %s + inhomogeneous part.",
                bad, shp);
        return NULL;
    }
    bool explicit_dtype = dtype != ND_NTYPES;
    NdType t = explicit_dtype ? dtype : d.have_dtype ? d.dtype : ND_FLOAT64;
    NdArray *res = nd_empty(t, d.ndim, d.shape, 'C');
    if (!res) {
        rt_fail_from_lib();
        return NULL;
    }
    size_t pos = 0;
    for (int64_t i = 0; i < n; i++)
        if (fill_elem(res, items[i], explicit_dtype, &pos) < 0) {
            nd_decref(res);
            return NULL;
        }
    return res;
}

NdArray *value_to_array(Value v, NdType dtype)
{
    switch (v.kind) {
    case VK_ARRAY:
        if (dtype == ND_NTYPES || dtype == v.as.array->dtype)
            return nd_incref(v.as.array);
        {
            NdArray *r = nd_astype(v.as.array, dtype, ND_CAST_UNSAFE, true);
            if (!r)
                rt_fail_from_lib();
            return r;
        }
    case VK_SCALAR: {
        NdScalar s = to_nds(v), c;
        if (dtype != ND_NTYPES && dtype != s.dtype) {
            if (nd_scalar_cast_weak(&s, dtype, &c) < 0) {
                rt_fail_from_lib();
                return NULL;
            }
            s = c;
            s.weak = false;
        }
        NdArray *r = nd_from_scalar(&s);
        if (!r)
            rt_fail_from_lib();
        return r;
    }
    case VK_LIST:
    case VK_TUPLE: {
        int64_t n;
        const Value *it = seq_items(v, &n);
        return array_from_items(it, n, dtype);
    }
    case VK_RANGE: {
        Range *r = (Range *)v.as.obj;
        NdType t = dtype == ND_NTYPES ? ND_INT64 : dtype;
        int64_t n = range_len(r);
        NdArray *res = nd_empty(t, 1, &n, 'C');
        if (!res) {
            rt_fail_from_lib();
            return NULL;
        }
        if (t == ND_INT64) {
            int64_t *p = (int64_t *)res->data;
            for (int64_t i = 0; i < n; i++)
                p[i] = r->start + i * r->step;
            return res;
        }
        size_t pos = 0;
        if (fill_elem(res, v, true, &pos) < 0) {
            nd_decref(res);
            return NULL;
        }
        return res;
    }
    case VK_OBJECT:
        /* (V12) A native kind that converts (NumPy's __array__). */
        if (native_type(v)->to_array) {
            NdArray *a = native_type(v)->to_array(v);
            if (!a || dtype == ND_NTYPES || dtype == a->dtype)
                return a;
            NdArray *r = nd_astype(a, dtype, ND_CAST_UNSAFE, true);
            nd_decref(a);
            if (!r)
                rt_fail_from_lib();
            return r;
        }
        not_convertible(v);
        return NULL;
    default:
        not_convertible(v);
        return NULL;
    }
}

/* ----------------------------------------------------- bracket literals */

static Value make_list(const Value *items, int64_t n)
{
    Value l = v_list_new(n);
    if (v_is_err(l))
        return l;
    for (int64_t i = 0; i < n; i++)
        if (list_append(l, items[i]) < 0) {
            v_decref(l);
            return v_error();
        }
    return l;
}

static Value wrap_array(NdArray *a)
{
    if (!a)
        return rt_pending() ? v_error() : rt_from_lib();
    Value v = {.kind = VK_ARRAY};
    v.as.array = a;
    return v;
}

Value bracket_literal_nested(const Value *items, const uint8_t *nested,
                             int64_t n)
{
    if (n == 0)
        return v_list_new(0);
    /* §2: every element a scalar or 0-d array (kind 0), or every element
     * an array from a nested bracket literal (kind 1) of one shape. */
    int kind = -1;
    const NdArray *first = NULL;
    for (int64_t i = 0; i < n; i++) {
        Value v = items[i];
        int k;
        if (v.kind == VK_SCALAR ||
            (v.kind == VK_ARRAY && v.as.array->ndim == 0))
            k = 0;
        else if (v.kind == VK_ARRAY && (!nested || nested[i]))
            k = 1;
        else
            return make_list(items, n);
        if (kind >= 0 && k != kind)
            return make_list(items, n);
        kind = k;
        if (k == 1) {
            const NdArray *a = v.as.array;
            if (!first)
                first = a;
            else if (a->ndim != first->ndim ||
                     memcmp(a->shape, first->shape,
                            sizeof(int64_t) * (size_t)a->ndim) != 0)
                return make_list(items, n);
        }
    }
    /* Fast path: a row of Python ints or floats. */
    NdType t0 = (NdType)items[0].dtype;
    if (kind == 0 && items[0].kind == VK_SCALAR &&
        (t0 == ND_INT64 || t0 == ND_FLOAT64)) {
        bool same = true;
        for (int64_t i = 1; i < n && same; i++)
            same = items[i].kind == VK_SCALAR && items[i].dtype == t0;
        if (same) {
            NdArray *a = nd_empty(t0, 1, &n, 'C');
            if (!a)
                return rt_from_lib();
            for (int64_t i = 0; i < n; i++)
                memcpy(a->data + 8 * i, items[i].as.bytes, 8);
            return wrap_array(a);
        }
    }
    return wrap_array(array_from_items(items, n, ND_NTYPES));
}

Value bracket_literal(const Value *items, int64_t n)
{
    return bracket_literal_nested(items, NULL, n);
}

/* ----------------------------------------------- small conversions */

static bool integral_dtype(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_INT || k == ND_KIND_UINT || k == ND_KIND_BOOL;
}

/* The scalar a 0-d array stands for, as a Value. */
static int zero_d_scalar(NdArray *a, Value *out)
{
    NdScalar s;
    if (nd_item(a, &s) < 0)
        return rt_fail_from_lib();
    Value v = {
        .kind = VK_SCALAR, .dtype = s.dtype, .weak = (a->flags & ND_WEAK) != 0};
    memcpy(v.as.bytes, s.v.bytes, sizeof v.as.bytes);
    *out = v;
    return 0;
}

int value_to_int64(Value v, int64_t *out)
{
    if (v.kind == VK_ARRAY && v.as.array->ndim == 0) {
        Value s;
        if (!integral_dtype(v.as.array->dtype))
            return rt_fail(ERR_TYPE,
                           "only integer scalar arrays can be converted to "
                           "a scalar index");
        if (zero_d_scalar(v.as.array, &s) < 0)
            return -1;
        v = s;
    }
    if (v.kind != VK_SCALAR || !integral_dtype((NdType)v.dtype))
        return rt_fail(ERR_TYPE,
                       "'%s' object cannot be interpreted as an "
                       "integer",
                       v_type_name(v));
    if (v.dtype == ND_UINT64) {
        if (v.as.u > (uint64_t)INT64_MAX)
            return rt_fail(ERR_OVERFLOW,
                           "Python int too large to convert to int64");
        *out = (int64_t)v.as.u;
        return 0;
    }
    NdScalar s = to_nds(v), c;
    nd_scalar_cast(&s, ND_INT64, &c);
    *out = c.v.i64;
    return 0;
}

int value_to_double(Value v, double *out)
{
    if (v.kind == VK_ARRAY && v.as.array->ndim == 0) {
        Value s;
        if (zero_d_scalar(v.as.array, &s) < 0)
            return -1;
        v = s;
    }
    if (v.kind != VK_SCALAR)
        return rt_fail(ERR_TYPE, "must be real number, not %s", v_type_name(v));
    if (nd_dtype_kind((NdType)v.dtype) == ND_KIND_COMPLEX)
        return rt_fail(ERR_TYPE, "must be real number, not %s", v_type_name(v));
    NdScalar s = to_nds(v), c;
    nd_scalar_cast(&s, ND_FLOAT64, &c);
    *out = c.v.f64;
    return 0;
}

int value_to_shape(Value v, int *ndim, int64_t *shape)
{
    if (v.kind == VK_SCALAR || (v.kind == VK_ARRAY && v.as.array->ndim == 0)) {
        *ndim = 1;
        return value_to_int64(v, &shape[0]);
    }
    if (is_seq(v)) {
        int64_t n;
        const Value *it = seq_items(v, &n);
        if (n > ND_MAXDIMS)
            return rt_fail(ERR_VALUE,
                           "maximum supported dimension for an ndarray is "
                           "currently %d, found %" PRId64,
                           ND_MAXDIMS, n);
        for (int64_t i = 0; i < n; i++)
            if (value_to_int64(it[i], &shape[i]) < 0)
                return -1;
        *ndim = (int)n;
        return 0;
    }
    if (v.kind == VK_ARRAY && v.as.array->ndim == 1 &&
        integral_dtype(v.as.array->dtype)) {
        NdArray *a = v.as.array;
        if (a->size > ND_MAXDIMS)
            return rt_fail(ERR_VALUE,
                           "maximum supported dimension for an ndarray is "
                           "currently %d, found %" PRId64,
                           ND_MAXDIMS, a->size);
        for (int64_t i = 0; i < a->size; i++) {
            NdScalar s, c;
            if (nd_get_item(a, &i, &s) < 0)
                return rt_fail_from_lib();
            nd_scalar_cast(&s, ND_INT64, &c);
            shape[i] = c.v.i64;
        }
        *ndim = (int)a->size;
        return 0;
    }
    return rt_fail(ERR_TYPE, "'%s' object cannot be interpreted as an integer",
                   v_type_name(v));
}

int value_to_dtype(Value v, NdType *out)
{
    switch (v.kind) {
    case VK_NONE:
        *out = ND_FLOAT64; /* np.dtype(None) */
        return 0;
    case VK_STR:
        if (nd_dtype_from_name(as_str(v)->data, out) < 0)
            return rt_fail_from_lib();
        return 0;
    case VK_OBJECT:
        /* dtype objects are immortal and one per dtype (builtins.h). */
        if (native_type(v) == &dtype_type)
            for (int t = 0; t < ND_NTYPES; t++)
                if (dtype_value((NdType)t).as.obj == v.as.obj) {
                    *out = (NdType)t;
                    return 0;
                }
        break;
    case VK_BUILTIN: {
        static const struct {
            const char *name;
            NdType t;
        } py[] = {{"int", ND_INT64},
                  {"float", ND_FLOAT64},
                  {"complex", ND_COMPLEX128},
                  {"bool", ND_BOOL}};
        const Builtin *b = (const Builtin *)v.as.obj;
        if (b->self.kind == VK_UNSET)
            for (size_t i = 0; i < sizeof py / sizeof py[0]; i++)
                if (strcmp(b->def->name, py[i].name) == 0) {
                    *out = py[i].t;
                    return 0;
                }
        break;
    }
    default:
        break;
    }
    Value r = v_to_repr(v);
    if (v_is_err(r))
        return -1;
    rt_fail(ERR_TYPE, "data type %s not understood", as_str(r)->data);
    v_decref(r);
    return -1;
}
