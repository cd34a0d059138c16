/* ufunc_methods.c — the methods of binary ufuncs: reduce (a front to
 * reduce.c's generic reduction), accumulate, outer, at and reduceat.
 *
 * accumulate and reduceat run the ufunc's own typed loop along each lane of
 * the axis with the output trailing the input by one element (NumPy's
 * trick): the loop reads out[i-1] and in[i] and writes out[i], and because
 * those operands overlap the loop templates take their sequential strided
 * path, so one loop call carries the recurrence down a whole lane.  at is
 * unbuffered: it applies the loop to one element at a time, in index order,
 * so repeated indices accumulate.  Casting follows NumPy's methods: the
 * input is cast unsafely to the loop's dtype (add.accumulate(x, dtype=int)
 * truncates). */
#include <string.h>

#include "iter.h"

static bool is_inexact(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_FLOAT || k == ND_KIND_COMPLEX;
}

static bool is_logical(NdUfuncId op)
{
    return op == ND_UF_LOGICAL_AND || op == ND_UF_LOGICAL_OR ||
           op == ND_UF_LOGICAL_XOR;
}

/* NumPy's checks shared by the methods ("reduce", "accumulate", ...). */
static int check_binary(NdUfuncId op, const char *method)
{
    if ((unsigned)op >= ND_UF_COUNT)
        return nd_error(ND_ERR_VALUE, "invalid ufunc");
    if (nd_ufunc_nin(op) != 2)
        return nd_error(ND_ERR_VALUE, "%s only supported for binary functions",
                        method);
    if (nd_ufunc_nout(op) != 1)
        return nd_error(ND_ERR_VALUE,
                        "%s only supported for functions returning a single "
                        "value",
                        method);
    return 0;
}

bool nd_ufunc_identity(NdUfuncId op, NdScalar *out)
{
    switch (op) {
    case ND_UF_ADD:
    case ND_UF_BITWISE_OR:
    case ND_UF_BITWISE_XOR:
    case ND_UF_GCD:
    case ND_UF_HYPOT:
        *out = nd_scalar_int64(0);
        return true;
    case ND_UF_MULTIPLY:
        *out = nd_scalar_int64(1);
        return true;
    case ND_UF_BITWISE_AND:
        *out = nd_scalar_int64(-1);
        return true;
    case ND_UF_LOGICAL_AND:
        *out = nd_scalar_bool(true);
        return true;
    case ND_UF_LOGICAL_OR:
    case ND_UF_LOGICAL_XOR:
        *out = nd_scalar_bool(false);
        return true;
    case ND_UF_LOGADDEXP:
    case ND_UF_LOGADDEXP2:
        *out = nd_scalar_float64(-__builtin_inf());
        return true;
    default:
        return false;
    }
}

/* ------------------------------------------------------------ reduce */

NdArray *nd_ufunc_reduce(NdUfuncId op, NdArray *a, const int64_t *axes,
                         int naxes, NdType dtype, NdArray *out, bool keepdims,
                         const NdScalar *initial)
{
    if (check_binary(op, "reduce") < 0)
        return NULL;
    int iaxes[ND_MAXDIMS];
    if (naxes > ND_MAXDIMS) {
        nd_error(ND_ERR_VALUE, "duplicate value in 'axis'");
        return NULL;
    }
    for (int i = 0; i < naxes; i++) {
        int ax;
        /* keep the lib's AxisError text for out-of-range axes */
        if (nd_normalize_axis(axes[i], a->ndim, &ax) < 0)
            return NULL;
        iaxes[i] = ax;
    }
    NdType t = dtype;
    if (t == ND_NTYPES && out)
        t = out->dtype;
    NdArray *r = nd_reduce(op, a, iaxes, naxes, keepdims, t, initial, NULL);
    if (!r || !out)
        return r;
    if (r->ndim != out->ndim) {
        nd_error(ND_ERR_VALUE,
                 "output parameter for reduction operation %s has the wrong "
                 "number of dimensions: Found %d but expected %d",
                 nd_ufunc_name(op), out->ndim, r->ndim);
        nd_decref(r);
        return NULL;
    }
    int rc = nd_copyto(out, r, ND_CAST_UNSAFE);
    nd_decref(r);
    return rc < 0 ? NULL : nd_incref(out);
}

/* -------------------------------------------- the loop of a method */

/* NumPy's add/multiply reductions and accumulations upcast bool and small
 * integers to the platform integer. */
static NdType upcast(NdUfuncId op, NdType t)
{
    if (op != ND_UF_ADD && op != ND_UF_MULTIPLY)
        return t;
    switch (t) {
    case ND_BOOL:
    case ND_INT8:
    case ND_INT16:
    case ND_INT32:
        return ND_INT64;
    case ND_UINT8:
    case ND_UINT16:
    case ND_UINT32:
        return ND_UINT64;
    default:
        return t;
    }
}

/* The (T, T) -> T loop a method runs for input dtype `t` (dtype= when
 * given), as NumPy's reduction type resolver: logical operations reduce in
 * bool; a loop whose output differs from its inputs (comparisons) has no
 * reduction. */
static int method_loop(NdUfuncId op, NdType t, NdType dtype, NdResolved *r)
{
    NdType types[3] = {t, t, ND_NTYPES};
    bool weak[3] = {false, false, false};
    if (dtype == ND_NTYPES)
        types[0] = types[1] = upcast(op, t);
    if (is_logical(op) && dtype == ND_NTYPES)
        types[0] = types[1] = ND_BOOL;
    if (nd_ufunc_resolve(op, types, weak, dtype, r) < 0)
        return -1;
    if (r->in[0] != r->out[0] || r->in[1] != r->out[0])
        return nd_error(ND_ERR_TYPE,
                        "No loop matching the specified signature and "
                        "casting was found for ufunc %s",
                        nd_ufunc_name(op));
    return 0;
}

/* Visit every lane along `axis`: for each index of the other axes,
 * call fn with the byte offsets of that lane's start in up to three arrays
 * (strides s[k]). */
typedef int (*LaneFn)(void *ctx, const int64_t *off);

static int each_lane(int ndim, const int64_t *shape, int axis, int narr,
                     const int64_t *const *strides, LaneFn fn, void *ctx)
{
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t off[3] = {0, 0, 0};
    for (int d = 0; d < ndim; d++)
        if (d != axis && shape[d] == 0)
            return 0;
    for (;;) {
        if (fn(ctx, off) < 0)
            return -1;
        int d = ndim - 1;
        for (; d >= 0; d--) {
            if (d == axis)
                continue;
            if (++idx[d] < shape[d]) {
                for (int k = 0; k < narr; k++)
                    off[k] += strides[k][d];
                break;
            }
            for (int k = 0; k < narr; k++)
                off[k] -= strides[k][d] * (shape[d] - 1);
            idx[d] = 0;
        }
        if (d < 0)
            return 0;
    }
}

/* Run a float loop between the hardware flag collection, as nd_ufunc_call
 * does. */
static void fp_begin(NdType t)
{
    if (is_inexact(t))
        nd_fpe_hw_clear();
}
static void fp_end(NdType t, NdUfuncId op)
{
    if (is_inexact(t))
        nd_fpe_hw_collect(nd_ufunc_name(op));
}

/* -------------------------------------------------------- accumulate */

typedef struct Acc {
    NdLoop fn;
    char *x, *res;
    int64_t len, sx, sr;
    size_t item;
} Acc;

static int acc_lane(void *ctx, const int64_t *off)
{
    Acc *c = ctx;
    char *x = c->x + off[0], *res = c->res + off[1];
    memcpy(res, x, c->item);
    if (c->len > 1) {
        char *ptrs[3] = {res, x + c->sx, res + c->sr};
        int64_t steps[3] = {c->sr, c->sx, c->sr};
        c->fn(ptrs, c->len - 1, steps);
    }
    return nd_error_kind() != ND_OK ? -1 : 0;
}

/* The input cast to the loop's dtype (a new reference; `a` itself when no
 * cast is needed). */
static NdArray *cast_input(NdArray *a, NdType t)
{
    return nd_astype(a, t, ND_CAST_UNSAFE, false);
}

static NdArray *to_out(NdArray *r, NdArray *out)
{
    if (!r || !out)
        return r;
    int rc = nd_copyto(out, r, ND_CAST_UNSAFE);
    nd_decref(r);
    return rc < 0 ? NULL : nd_incref(out);
}

NdArray *nd_ufunc_accumulate(NdUfuncId op, NdArray *a, int64_t axis,
                             NdType dtype, NdArray *out)
{
    if (check_binary(op, "accumulate") < 0)
        return NULL;
    if (a->ndim == 0) {
        nd_error(ND_ERR_TYPE, "cannot accumulate on a scalar");
        return NULL;
    }
    int ax;
    if (nd_normalize_axis(axis, a->ndim, &ax) < 0)
        return NULL;
    if (dtype == ND_NTYPES && out)
        dtype = out->dtype;
    NdResolved r;
    if (method_loop(op, a->dtype, dtype, &r) < 0)
        return NULL;
    NdArray *x = cast_input(a, r.in[0]);
    if (!x)
        return NULL;
    NdArray *res = nd_empty(r.out[0], a->ndim, a->shape, 'C');
    if (!res) {
        nd_decref(x);
        return NULL;
    }
    Acc c = {r.fn,
             x->data,
             res->data,
             a->shape[ax],
             x->strides[ax],
             res->strides[ax],
             nd_dtype_size(r.out[0])};
    const int64_t *strides[2] = {x->strides, res->strides};
    nd_error_clear();
    fp_begin(r.out[0]);
    int rc = a->size == 0
                 ? 0
                 : each_lane(a->ndim, a->shape, ax, 2, strides, acc_lane, &c);
    fp_end(r.out[0], op);
    nd_decref(x);
    if (rc < 0) {
        nd_decref(res);
        return NULL;
    }
    return to_out(res, out);
}

/* ---------------------------------------------------------- reduceat */

typedef struct RedAt {
    NdLoop fn;
    char *x, *res;
    const int64_t *idx;
    int64_t nidx, len, sx, sr;
    size_t item;
} RedAt;

static int redat_lane(void *ctx, const int64_t *off)
{
    RedAt *c = ctx;
    char *x = c->x + off[0], *res = c->res + off[1];
    for (int64_t i = 0; i < c->nidx; i++) {
        int64_t start = c->idx[i];
        int64_t end = i + 1 < c->nidx ? c->idx[i + 1] : c->len;
        char *o = res + i * c->sr;
        memcpy(o, x + start * c->sx, c->item);
        if (end > start + 1) {
            char *ptrs[3] = {o, x + (start + 1) * c->sx, o};
            int64_t steps[3] = {0, c->sx, 0};
            c->fn(ptrs, end - start - 1, steps);
        }
    }
    return nd_error_kind() != ND_OK ? -1 : 0;
}

NdArray *nd_ufunc_reduceat(NdUfuncId op, NdArray *a, NdArray *indices,
                           int64_t axis, NdType dtype, NdArray *out)
{
    if (check_binary(op, "reduceat") < 0)
        return NULL;
    if (a->ndim == 0) {
        nd_error(ND_ERR_TYPE, "cannot reduceat on a scalar");
        return NULL;
    }
    int ax;
    if (nd_normalize_axis(axis, a->ndim, &ax) < 0)
        return NULL;
    NdKind ik = nd_dtype_kind(indices->dtype);
    if (indices->ndim > 1 ||
        (ik != ND_KIND_INT && ik != ND_KIND_UINT && indices->size > 0)) {
        nd_error(ND_ERR_TYPE,
                 "Cannot cast array data from dtype('%s') to "
                 "dtype('int64') according to the rule 'safe'",
                 nd_dtype_name(indices->dtype));
        return NULL;
    }
    NdArray *ind = nd_astype(indices, ND_INT64, ND_CAST_UNSAFE, true);
    if (!ind)
        return NULL;
    NdArray *ic = nd_ascontiguousarray(ind);
    nd_decref(ind);
    if (!ic)
        return NULL;
    const int64_t *iv = (const int64_t *)(void *)ic->data;
    int64_t len = a->shape[ax];
    for (int64_t i = 0; i < ic->size; i++) {
        if (iv[i] < 0 || iv[i] >= len) {
            nd_error(ND_ERR_INDEX,
                     "index %lld out-of-bounds in %s.reduceat "
                     "[0, %lld)",
                     (long long)iv[i], nd_ufunc_name(op), (long long)len);
            nd_decref(ic);
            return NULL;
        }
    }
    if (dtype == ND_NTYPES && out)
        dtype = out->dtype;
    NdResolved r;
    NdArray *x = NULL, *res = NULL;
    if (method_loop(op, a->dtype, dtype, &r) < 0 ||
        !(x = cast_input(a, r.in[0])))
        goto fail;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
    shape[ax] = ic->size;
    if (!(res = nd_empty(r.out[0], a->ndim, shape, 'C')))
        goto fail;
    RedAt c = {r.fn,
               x->data,
               res->data,
               iv,
               ic->size,
               len,
               x->strides[ax],
               res->strides[ax],
               nd_dtype_size(r.out[0])};
    const int64_t *strides[2] = {x->strides, res->strides};
    nd_error_clear();
    fp_begin(r.out[0]);
    int rc = res->size == 0
                 ? 0
                 : each_lane(a->ndim, shape, ax, 2, strides, redat_lane, &c);
    fp_end(r.out[0], op);
    if (rc < 0)
        goto fail;
    nd_decref(x);
    nd_decref(ic);
    return to_out(res, out);

fail:
    nd_decref(x);
    nd_decref(res);
    nd_decref(ic);
    return NULL;
}

/* ------------------------------------------------------------- outer */

int nd_ufunc_outer(NdUfuncId op, NdArray *a, NdArray *b, NdArray **results)
{
    if ((unsigned)op >= ND_UF_COUNT)
        return nd_error(ND_ERR_VALUE, "invalid ufunc");
    if (nd_ufunc_nin(op) != 2)
        return nd_error(ND_ERR_VALUE,
                        "outer product only supported for binary functions");
    if (a->ndim + b->ndim > ND_MAXDIMS)
        return nd_error(ND_ERR_VALUE,
                        "maximum supported dimension for an ndarray is %d, "
                        "found %d",
                        ND_MAXDIMS, a->ndim + b->ndim);
    /* a's axes first, then as many length-1 axes as b has; b broadcasts
     * into the trailing ones.  Both are plain (strong) arrays here, as
     * NumPy's outer converts its operands with asarray. */
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
    for (int i = 0; i < b->ndim; i++)
        shape[a->ndim + i] = 1;
    NdArray *ar = nd_reshape(a, a->ndim + b->ndim, shape, 'C');
    if (!ar)
        return -1;
    NdArray *bv = nd_view(b);
    if (!bv) {
        nd_decref(ar);
        return -1;
    }
    ar->flags &= ~(unsigned)ND_WEAK;
    bv->flags &= ~(unsigned)ND_WEAK;
    NdArray *in[2] = {ar, bv};
    int rc = nd_ufunc_call(op, in, NULL, ND_NTYPES, ND_CAST_SAME_KIND, results);
    nd_decref(ar);
    nd_decref(bv);
    return rc;
}

/* ---------------------------------------------------------------- at */

/* Step an odometer over `shape`; false when it wrapped around. */
static bool next_index(int ndim, const int64_t *shape, int64_t *idx)
{
    for (int d = ndim - 1; d >= 0; d--) {
        if (++idx[d] < shape[d])
            return true;
        idx[d] = 0;
    }
    return false;
}

int nd_ufunc_at(NdUfuncId op, NdArray *a, int nidx, NdArray *const *indices,
                NdArray *b)
{
    if ((unsigned)op >= ND_UF_COUNT)
        return nd_error(ND_ERR_VALUE, "invalid ufunc");
    int nin = nd_ufunc_nin(op);
    if (nd_ufunc_nout(op) != 1 || nin > 2)
        return nd_error(ND_ERR_VALUE,
                        "Only single output ufuncs supported at this time");
    if (nin == 2 && !b)
        return nd_error(ND_ERR_VALUE, "second operand needed for ufunc");
    if (nin == 1 && b)
        return nd_error(ND_ERR_VALUE,
                        "second operand provided when ufunc is unary");
    if (!(a->flags & ND_WRITEABLE))
        return nd_error(ND_ERR_VALUE, "output array is read-only");
    if (nidx > a->ndim)
        return nd_error(ND_ERR_INDEX,
                        "too many indices for array: array is "
                        "%d-dimensional, but %d were indexed",
                        a->ndim, nidx);
    for (int j = 0; j < nidx; j++) {
        NdKind k = nd_dtype_kind(indices[j]->dtype);
        if (k != ND_KIND_INT && k != ND_KIND_UINT &&
            !(indices[j]->size == 0 && k == ND_KIND_FLOAT))
            return nd_error(ND_ERR_INDEX,
                            "arrays used as indices must be of integer (or "
                            "boolean) type");
    }

    /* The broadcast shape of the index arrays, then a's remaining axes. */
    int ind_ndim = 0;
    int64_t gshape[ND_MAXDIMS];
    if (nidx > 0 && nd_broadcast_shapes(nidx, indices, &ind_ndim, gshape) < 0)
        return -1;
    int sub_ndim = a->ndim - nidx;
    if (ind_ndim + sub_ndim > ND_MAXDIMS)
        return nd_error(ND_ERR_VALUE, "too many dimensions");
    memcpy(gshape + ind_ndim, a->shape + nidx,
           sizeof(int64_t) * (size_t)sub_ndim);
    int gndim = ind_ndim + sub_ndim;

    NdResolved r;
    NdType types[3] = {a->dtype, b ? b->dtype : ND_NTYPES, ND_NTYPES};
    bool weak[3] = {false, b && (b->flags & ND_WEAK) && b->ndim == 0, false};
    if (nd_ufunc_resolve(op, types, weak, ND_NTYPES, &r) < 0)
        return -1;

    NdArray *ind[ND_MAXDIMS] = {NULL};
    NdArray *bb = NULL, *bc = NULL;
    int rc = -1;
    for (int j = 0; j < nidx; j++) {
        NdArray *t = nd_astype(indices[j], ND_INT64, ND_CAST_UNSAFE, false);
        if (!t)
            goto done;
        ind[j] = nd_broadcast_to(t, ind_ndim, gshape);
        nd_decref(t);
        if (!ind[j])
            goto done;
    }
    if (b) {
        if (weak[1]) {
            NdScalar s, c;
            if (nd_item(b, &s) < 0)
                goto done;
            s.weak = true;
            if (nd_scalar_cast_weak(&s, r.in[1], &c) < 0)
                goto done;
            c.weak = false;
            bc = nd_from_scalar(&c);
        } else {
            bc = nd_astype(b, r.in[1], ND_CAST_UNSAFE, false);
        }
        if (!bc)
            goto done;
        bb = nd_broadcast_to(bc, gndim, gshape);
        if (!bb)
            goto done;
    }

    /* Check every index before touching a. */
    int64_t gsize = 1;
    for (int d = 0; d < gndim; d++)
        gsize *= gshape[d];
    int64_t isize = 1;
    for (int d = 0; d < ind_ndim; d++)
        isize *= gshape[d];
    if (gsize == 0) {
        rc = 0;
        goto done;
    }
    int64_t pos[ND_MAXDIMS] = {0};
    for (int64_t n = 0; n < isize; n++) {
        for (int j = 0; j < nidx; j++) {
            int64_t v;
            memcpy(&v, nd_element_ptr(ind[j], pos), sizeof v);
            if (v < -a->shape[j] || v >= a->shape[j]) {
                nd_error(ND_ERR_INDEX,
                         "index %lld is out of bounds for axis %d with "
                         "size %lld",
                         (long long)v, j, (long long)a->shape[j]);
                goto done;
            }
        }
        next_index(ind_ndim, gshape, pos);
    }

    NdLoop to_in = nd_cast_loop(a->dtype, r.in[0]);
    NdLoop from_out = nd_cast_loop(r.out[0], a->dtype);
    bool direct = a->dtype == r.in[0] && a->dtype == r.out[0];
    _Alignas(16) unsigned char t0[16], t2[16];
    int64_t one[4] = {0, 0, 0, 0};
    int64_t gidx[ND_MAXDIMS] = {0};
    bool fp =
        is_inexact(r.in[0]) || is_inexact(r.out[0]) || is_inexact(a->dtype);
    nd_error_clear();
    if (fp)
        nd_fpe_hw_clear();
    for (int64_t n = 0; n < gsize; n++) {
        char *pa = a->data;
        for (int j = 0; j < nidx; j++) {
            int64_t v;
            memcpy(&v, nd_element_ptr(ind[j], gidx), sizeof v);
            if (v < 0)
                v += a->shape[j];
            pa += v * a->strides[j];
        }
        for (int d = 0; d < sub_ndim; d++)
            pa += gidx[ind_ndim + d] * a->strides[nidx + d];
        char *pb = bb ? nd_element_ptr(bb, gidx) : NULL;
        if (direct) {
            char *ptrs[3] = {pa, nin == 2 ? pb : pa, pa};
            r.fn(ptrs, 1, one);
        } else {
            char *cp[2] = {pa, (char *)t0};
            to_in(cp, 1, one);
            char *ptrs[3] = {(char *)t0, nin == 2 ? pb : (char *)t2,
                             (char *)t2};
            r.fn(ptrs, 1, one);
            char *bp[2] = {(char *)t2, pa};
            from_out(bp, 1, one);
        }
        if (nd_error_kind() != ND_OK)
            break;
        next_index(gndim, gshape, gidx);
    }
    if (fp)
        nd_fpe_hw_collect(nd_ufunc_name(op));
    rc = nd_error_kind() != ND_OK ? -1 : 0;

done:
    for (int j = 0; j < nidx; j++)
        nd_decref(ind[j]);
    nd_decref(bb);
    nd_decref(bc);
    return rc;
}
