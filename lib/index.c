/* index.c — NumPy's indexing for libnd.  An index is a list of NdIndex
 * items (integers, slices, newaxis, one ellipsis, integer and boolean
 * arrays).  Basic indexing (no arrays) only computes a new geometry over
 * the same buffer, so it returns a view.  Advanced indexing follows
 * NumPy's "mapiter" model: the basic items are applied first, keeping the
 * axes the index arrays select from; the index arrays (integers among them
 * count as 0-d arrays, boolean arrays become their nonzero() coordinates)
 * broadcast together to a shape B; the result is B placed where the
 * adjacent index arrays stood, or first when they are separated, with the
 * remaining ("subspace") axes around it.  Gather (get) and scatter (set)
 * share that walk.  The helpers of the same family (take, put, nonzero,
 * where, compress, place, putmask, diagonal, diag, tril/triu) live here so
 * they share its bounds checks and messages. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

/* ------------------------------------------------------------- walking */

/* A strided walk over an N-d region in C order, carrying two pointers
 * (the second may have all-zero strides when unused). */
typedef struct Walk {
    int nd;
    int64_t shape[ND_MAXDIMS], st0[ND_MAXDIMS], st1[ND_MAXDIMS],
        idx[ND_MAXDIMS];
    char *p0, *p1;
} Walk;

static void walk_init(Walk *w, int nd, const int64_t *shape, const int64_t *st0,
                      char *p0, const int64_t *st1, char *p1)
{
    w->nd = nd;
    for (int d = 0; d < nd; d++) {
        w->shape[d] = shape[d];
        w->st0[d] = st0[d];
        w->st1[d] = st1 ? st1[d] : 0;
        w->idx[d] = 0;
    }
    w->p0 = p0;
    w->p1 = p1;
}

static inline void walk_next(Walk *w)
{
    for (int d = w->nd - 1; d >= 0; d--) {
        w->p0 += w->st0[d];
        w->p1 += w->st1[d];
        if (++w->idx[d] < w->shape[d])
            return;
        w->p0 -= w->st0[d] * w->shape[d];
        w->p1 -= w->st1[d] * w->shape[d];
        w->idx[d] = 0;
    }
}

static int64_t prod(int n, const int64_t *shape)
{
    int64_t p = 1;
    for (int i = 0; i < n; i++)
        p *= shape[i];
    return p;
}

/* Copy one element; the fixed sizes compile to single moves. */
static inline void copy_item(char *dst, const char *src, size_t isz)
{
    switch (isz) {
    case 1:
        *dst = *src;
        break;
    case 2:
        memcpy(dst, src, 2);
        break;
    case 4:
        memcpy(dst, src, 4);
        break;
    case 8:
        memcpy(dst, src, 8);
        break;
    case 16:
        memcpy(dst, src, 16);
        break;
    default:
        memcpy(dst, src, isz);
        break;
    }
}

static bool is_int_type(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_INT || k == ND_KIND_UINT;
}

static int out_of_bounds(int64_t k, int axis, int64_t size)
{
    return nd_error(ND_ERR_INDEX,
                    "index %" PRId64 " is out of bounds for axis %d with size "
                    "%" PRId64,
                    k, axis, size);
}

static int too_many_dims(void)
{
    return nd_error(ND_ERR_INDEX, "number of dimensions must be within [0, %d]",
                    ND_MAXDIMS);
}

static int read_only(void)
{
    return nd_error(ND_ERR_VALUE, "assignment destination is read-only");
}

/* An index array as int64 values (a new reference; the array itself when
 * it already is int64). */
static NdArray *as_intp(NdArray *ix)
{
    return nd_astype(ix, ND_INT64, ND_CAST_UNSAFE, false);
}

/* Whether the element at p is nonzero (NaN is; -0.0 is not). */
static bool nonzero_at(NdType t, const char *p)
{
    switch (t) {
    case ND_BOOL:
        return *(const bool *)p;
    case ND_INT8:
    case ND_UINT8:
        return *(const uint8_t *)p != 0;
    case ND_INT16:
    case ND_UINT16: {
        uint16_t v;
        memcpy(&v, p, 2);
        return v != 0;
    }
    case ND_INT32:
    case ND_UINT32: {
        uint32_t v;
        memcpy(&v, p, 4);
        return v != 0;
    }
    case ND_INT64:
    case ND_UINT64: {
        uint64_t v;
        memcpy(&v, p, 8);
        return v != 0;
    }
    case ND_FLOAT32: {
        float v;
        memcpy(&v, p, 4);
        return v != 0;
    }
    case ND_FLOAT64: {
        double v;
        memcpy(&v, p, 8);
        return v != 0;
    }
    case ND_COMPLEX64: {
        nd_complex64 v;
        memcpy(&v, p, 8);
        return v.re != 0 || v.im != 0;
    }
    case ND_COMPLEX128: {
        nd_complex128 v;
        memcpy(&v, p, 16);
        return v.re != 0 || v.im != 0;
    }
    default:
        return false;
    }
}

int64_t nd_index_count_true(NdArray *a)
{
    int64_t count = 0;
    if (a->size == 0)
        return 0;
    if (a->dtype == ND_BOOL && (a->flags & ND_C_CONTIGUOUS)) {
        const unsigned char *m = (const unsigned char *)a->data;
        for (int64_t i = 0; i < a->size; i++)
            count += m[i] != 0;
        return count;
    }
    Walk w;
    walk_init(&w, a->ndim, a->shape, a->strides, a->data, NULL, NULL);
    for (int64_t i = 0; i < a->size; i++, walk_next(&w))
        count += nonzero_at(a->dtype, w.p0);
    return count;
}

/* ------------------------------------------------------------- slices */

int nd_slice_indices(const NdIndex *s, int64_t len, int64_t *start,
                     int64_t *step, int64_t *count)
{
    int64_t st = s->step, b, e;
    if (st == 0)
        return nd_error(ND_ERR_VALUE, "slice step cannot be zero");
    if (st < -INT64_MAX)
        st = -INT64_MAX;
    if (!s->has_start) {
        b = st < 0 ? len - 1 : 0;
    } else {
        b = s->start;
        if (b < 0) {
            b = b < -len ? (st < 0 ? -1 : 0) : b + len;
        } else if (b >= len) {
            b = st < 0 ? len - 1 : len;
        }
    }
    if (!s->has_stop) {
        e = st < 0 ? -1 : len;
    } else {
        e = s->stop;
        if (e < 0) {
            e = e < -len ? (st < 0 ? -1 : 0) : e + len;
        } else if (e >= len) {
            e = st < 0 ? len - 1 : len;
        }
    }
    if (st < 0)
        *count = e < b ? (b - e - 1) / -st + 1 : 0;
    else
        *count = b < e ? (e - b - 1) / st + 1 : 0;
    *start = b;
    *step = st;
    return 0;
}

bool nd_index_is_basic(const NdIndex *idx, int n)
{
    for (int i = 0; i < n; i++)
        if (idx[i].kind == ND_INDEX_ARRAY &&
            !(idx[i].array->ndim == 0 && is_int_type(idx[i].array->dtype)))
            return false;
    return true;
}

/* An integer item's value: a plain integer or a 0-d integer array. */
static int64_t int_value(const NdIndex *it)
{
    if (it->kind == ND_INDEX_INT)
        return it->i;
    NdScalar s, c;
    int64_t zero[1] = {0};
    nd_get_item(it->array, zero, &s);
    nd_scalar_cast(&s, ND_INT64, &c);
    return c.v.i64;
}

static bool is_int_item(const NdIndex *it)
{
    return it->kind == ND_INDEX_INT ||
           (it->kind == ND_INDEX_ARRAY && it->array->ndim == 0 &&
            is_int_type(it->array->dtype));
}

int nd_index_element(const NdArray *a, const NdIndex *idx, int n, char **ptr)
{
    if (n != a->ndim)
        return 0;
    for (int i = 0; i < n; i++)
        if (!is_int_item(&idx[i]))
            return 0;
    char *p = a->data;
    for (int i = 0; i < n; i++) {
        int64_t k = int_value(&idx[i]), size = a->shape[i];
        if (k < -size || k >= size)
            return out_of_bounds(k, i, size);
        p += (k < 0 ? k + size : k) * a->strides[i];
    }
    *ptr = p;
    return 1;
}

/* ------------------------------------------------------ index analysis */

/* One advanced entry: an index array (int64, owned) or an integer that
 * stands beside index arrays (NumPy then treats it as a 0-d array). */
typedef struct Adv {
    NdArray *arr; /* NULL for an integer */
    int64_t ival;
    int axis;     /* the axis of the view it selects along */
    int src_axis; /* that axis in the indexed array (for messages) */
} Adv;

/* An analysed index: the view left by the basic items (axes selected by
 * advanced entries kept whole), and the advanced entries. */
typedef struct Prep {
    int ndim;
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    char *data;
    int nadv;
    Adv adv[ND_MAXDIMS];
    /* a[mask] with one boolean array of ndim >= 1 as the whole index: its
     * axes are the view's first mask->ndim axes (no nonzero() needed). */
    NdArray *mask;
    /* the broadcast index shape and the result layout */
    int bnd;
    int64_t bshape[ND_MAXDIMS];
    bool consecutive; /* B replaces the advanced axes in place */
    int npre, npost;  /* subspace axes before / after B in the result */
    int pre[ND_MAXDIMS], post[ND_MAXDIMS]; /* their view axes */
} Prep;

static void prep_release(Prep *P)
{
    for (int i = 0; i < P->nadv; i++)
        nd_decref(P->adv[i].arr);
    P->nadv = 0;
}

static int push_axis(Prep *P, int64_t len, int64_t stride)
{
    if (P->ndim >= ND_MAXDIMS)
        return too_many_dims();
    P->shape[P->ndim] = len;
    P->strides[P->ndim] = stride;
    P->ndim++;
    return 0;
}

static int bool_mismatch(int axis, int64_t size, int64_t bsize)
{
    return nd_error(ND_ERR_INDEX,
                    "boolean index did not match indexed array along axis "
                    "%d; size of axis is %" PRId64
                    " but size of corresponding boolean axis is %" PRId64,
                    axis, size, bsize);
}

/* Write nonzero()'s coordinates of the first k axes of a boolean array
 * into k new int64 arrays. */
static int bool_coords(NdArray *m, NdArray **out)
{
    int64_t count = nd_index_count_true(m);
    int k = m->ndim;
    int64_t *dst[ND_MAXDIMS];
    for (int j = 0; j < k; j++) {
        out[j] = nd_empty(ND_INT64, 1, &count, 'C');
        if (!out[j]) {
            for (int i = 0; i < j; i++)
                nd_decref(out[i]);
            return -1;
        }
        dst[j] = (int64_t *)out[j]->data;
    }
    if (count == 0)
        return 0;
    Walk w;
    walk_init(&w, k, m->shape, m->strides, m->data, NULL, NULL);
    int64_t c = 0;
    for (int64_t i = 0; i < m->size; i++, walk_next(&w)) {
        if (!*(const bool *)w.p0)
            continue;
        for (int j = 0; j < k; j++)
            dst[j][c] = w.idx[j];
        c++;
    }
    return 0;
}

static int push_adv(Prep *P, NdArray *arr, int64_t ival, int src_axis)
{
    if (P->nadv >= ND_MAXDIMS) {
        nd_decref(arr);
        return too_many_dims();
    }
    Adv *e = &P->adv[P->nadv++];
    e->arr = arr;
    e->ival = ival;
    e->axis = P->ndim - 1;
    e->src_axis = src_axis;
    return 0;
}

/* Broadcast the advanced entries' shapes and lay the result out. */
static int prep_layout(Prep *P)
{
    int bnd = 0;
    int64_t *bs = P->bshape;
    for (int j = 0; j < P->nadv; j++) {
        NdArray *x = P->adv[j].arr;
        if (!x)
            continue;
        if (x->ndim > bnd) {
            memmove(bs + (x->ndim - bnd), bs, sizeof(int64_t) * (size_t)bnd);
            for (int d = 0; d < x->ndim - bnd; d++)
                bs[d] = 1;
            bnd = x->ndim;
        }
        for (int d = 0; d < x->ndim; d++) {
            int64_t *t = &bs[bnd - x->ndim + d];
            int64_t s = x->shape[d];
            if (s == *t || s == 1)
                continue;
            if (*t == 1) {
                *t = s;
                continue;
            }
            char msg[ND_MAXDIMS * 2 * 24 + 32];
            size_t len = 0;
            for (int i = 0; i < P->nadv && len < sizeof msg - 1; i++) {
                NdArray *y = P->adv[i].arr;
                if (!y)
                    continue;
                len += (size_t)nd_shape_str_compact(msg + len, sizeof msg - len,
                                                    y->ndim, y->shape);
                if (len < sizeof msg - 1) {
                    msg[len++] = ' ';
                    msg[len] = 0;
                }
            }
            return nd_error(ND_ERR_INDEX,
                            "shape mismatch: indexing arrays could not be "
                            "broadcast together with shapes %s",
                            msg);
        }
    }
    P->bnd = bnd;
    P->consecutive = true;
    for (int j = 1; j < P->nadv; j++)
        if (P->adv[j].axis != P->adv[0].axis + j)
            P->consecutive = false;
    bool is_adv[ND_MAXDIMS] = {false};
    for (int j = 0; j < P->nadv; j++)
        is_adv[P->adv[j].axis] = true;
    int first = P->adv[0].axis;
    P->npre = P->npost = 0;
    for (int d = 0; d < P->ndim; d++) {
        if (is_adv[d])
            continue;
        if (P->consecutive && d < first)
            P->pre[P->npre++] = d;
        else
            P->post[P->npost++] = d;
    }
    if (P->npre + bnd + P->npost > ND_MAXDIMS)
        return too_many_dims();
    return 0;
}

/* uint64 indices above INT64_MAX would wrap to negative ones when read
 * as int64: report them as NumPy does. */
static bool uint64_out_of_bounds(NdArray *x, int axis, const NdArray *a)
{
    Walk w;
    walk_init(&w, x->ndim, x->shape, x->strides, x->data, NULL, NULL);
    for (int64_t i = 0; i < x->size; i++, walk_next(&w)) {
        uint64_t k;
        memcpy(&k, w.p0, 8);
        if (k > (uint64_t)INT64_MAX) {
            nd_error(ND_ERR_INDEX,
                     "index %" PRIu64 " is out of bounds for axis %d with "
                     "size %" PRId64,
                     k, axis, a->shape[axis]);
            return true;
        }
    }
    return false;
}

static int prep_index(NdArray *a, const NdIndex *idx, int n, Prep *P)
{
    int consumed = 0, nell = 0;
    bool fancy = false;
    P->nadv = 0;
    P->ndim = 0;
    P->mask = NULL;
    for (int i = 0; i < n; i++) {
        const NdIndex *it = &idx[i];
        switch (it->kind) {
        case ND_INDEX_INT:
        case ND_INDEX_SLICE:
            consumed++;
            break;
        case ND_INDEX_ELLIPSIS:
            nell++;
            break;
        case ND_INDEX_NEWAXIS:
            break;
        case ND_INDEX_ARRAY:
            if (it->array->dtype == ND_BOOL) {
                consumed += it->array->ndim;
                fancy = true;
            } else if (is_int_type(it->array->dtype)) {
                consumed++;
                if (it->array->ndim > 0)
                    fancy = true;
            } else {
                return nd_error(ND_ERR_INDEX,
                                "arrays used as indices must be of integer "
                                "(or boolean) type");
            }
            break;
        default:
            return nd_error(ND_ERR_INDEX, "invalid index item");
        }
    }
    if (nell > 1)
        return nd_error(ND_ERR_INDEX,
                        "an index can only have a single ellipsis ('...')");
    if (consumed > a->ndim)
        return nd_error(ND_ERR_INDEX,
                        "too many indices for array: array is %d-dimensional, "
                        "but %d were indexed",
                        a->ndim, consumed);
    /* a[mask]: the common boolean selection, without nonzero(). */
    if (n == 1 && idx[0].kind == ND_INDEX_ARRAY &&
        idx[0].array->dtype == ND_BOOL && idx[0].array->ndim > 0) {
        NdArray *m = idx[0].array;
        for (int j = 0; j < m->ndim; j++)
            if (m->shape[j] != a->shape[j])
                return bool_mismatch(j, a->shape[j], m->shape[j]);
        P->mask = m;
        P->ndim = a->ndim;
        memcpy(P->shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
        memcpy(P->strides, a->strides, sizeof(int64_t) * (size_t)a->ndim);
        P->data = a->data;
        return 0;
    }
    int s = 0;
    char *data = a->data;
    for (int i = 0; i < n; i++) {
        const NdIndex *it = &idx[i];
        if (is_int_item(it)) {
            int64_t size = a->shape[s], k = int_value(it);
            if (k < -size || k >= size)
                goto fail_oob;
            if (k < 0)
                k += size;
            if (fancy) {
                if (push_axis(P, a->shape[s], a->strides[s]) < 0 ||
                    push_adv(P, NULL, k, s) < 0)
                    goto fail;
            } else {
                data += k * a->strides[s];
            }
            s++;
            continue;
        fail_oob:
            out_of_bounds(k, s, size);
            goto fail;
        }
        switch (it->kind) {
        case ND_INDEX_SLICE: {
            int64_t start, step, len;
            if (nd_slice_indices(it, a->shape[s], &start, &step, &len) < 0 ||
                push_axis(P, len, a->strides[s] * step) < 0)
                goto fail;
            if (len > 0)
                data += start * a->strides[s];
            s++;
            break;
        }
        case ND_INDEX_NEWAXIS:
            if (push_axis(P, 1, 0) < 0)
                goto fail;
            break;
        case ND_INDEX_ELLIPSIS:
            for (int j = a->ndim - consumed; j > 0; j--, s++)
                if (push_axis(P, a->shape[s], a->strides[s]) < 0)
                    goto fail;
            break;
        case ND_INDEX_ARRAY: {
            NdArray *x = it->array;
            if (x->dtype == ND_BOOL && x->ndim == 0) {
                /* NumPy: a new axis of length 1 indexed by [0] or []. */
                int64_t len = *(const bool *)x->data ? 1 : 0;
                NdArray *ix = nd_zeros(ND_INT64, 1, &len, 'C');
                if (!ix)
                    goto fail;
                if (push_axis(P, 1, 0) < 0) {
                    nd_decref(ix);
                    goto fail;
                }
                if (push_adv(P, ix, 0, s) < 0)
                    goto fail;
            } else if (x->dtype == ND_BOOL) {
                NdArray *coords[ND_MAXDIMS];
                for (int j = 0; j < x->ndim; j++)
                    if (x->shape[j] != a->shape[s + j]) {
                        bool_mismatch(s + j, a->shape[s + j], x->shape[j]);
                        goto fail;
                    }
                if (bool_coords(x, coords) < 0)
                    goto fail;
                for (int j = 0; j < x->ndim; j++) {
                    if (push_axis(P, a->shape[s], a->strides[s]) < 0) {
                        for (int q = j; q < x->ndim; q++)
                            nd_decref(coords[q]);
                        goto fail;
                    }
                    if (push_adv(P, coords[j], 0, s) < 0) {
                        for (int q = j + 1; q < x->ndim; q++)
                            nd_decref(coords[q]);
                        goto fail;
                    }
                    s++;
                }
            } else {
                if (x->dtype == ND_UINT64 && uint64_out_of_bounds(x, s, a))
                    goto fail;
                NdArray *ix = as_intp(x);
                if (!ix)
                    goto fail;
                if (push_axis(P, a->shape[s], a->strides[s]) < 0) {
                    nd_decref(ix);
                    goto fail;
                }
                if (push_adv(P, ix, 0, s) < 0)
                    goto fail;
                s++;
            }
            break;
        }
        default:
            break;
        }
    }
    for (; s < a->ndim; s++)
        if (push_axis(P, a->shape[s], a->strides[s]) < 0)
            goto fail;
    P->data = data;
    if (P->nadv > 0 && fancy && prep_layout(P) < 0)
        goto fail;
    return 0;
fail:
    prep_release(P);
    return -1;
}

/* ----------------------------------------------------- gather/scatter */

/* Check every index value against its axis and make it non-negative (in
 * a private copy when the entry is shared with the caller). */
static int normalize_entries(Prep *P)
{
    for (int j = 0; j < P->nadv; j++) {
        Adv *e = &P->adv[j];
        if (!e->arr)
            continue;
        int64_t size = P->shape[e->axis];
        NdArray *x = e->arr;
        bool neg = false;
        Walk w;
        walk_init(&w, x->ndim, x->shape, x->strides, x->data, NULL, NULL);
        for (int64_t i = 0; i < x->size; i++, walk_next(&w)) {
            int64_t k;
            memcpy(&k, w.p0, 8);
            if (k < -size || k >= size)
                return out_of_bounds(k, e->src_axis, size);
            neg |= k < 0;
        }
        if (!neg)
            continue;
        NdArray *c = nd_copy(x, 'C');
        if (!c)
            return -1;
        int64_t *v = (int64_t *)c->data;
        for (int64_t i = 0; i < c->size; i++)
            if (v[i] < 0)
                v[i] += size;
        nd_decref(e->arr);
        e->arr = c;
    }
    return 0;
}

/* The byte offset of each position of B (C order) within the view; the
 * entries must be normalised. */
static int64_t *entry_offsets(const Prep *P, int64_t nb)
{
    int64_t *offs = nd_calloc((size_t)(nb ? nb : 1), sizeof(int64_t));
    if (!offs)
        return NULL;
    for (int j = 0; j < P->nadv; j++) {
        const Adv *e = &P->adv[j];
        int64_t stride = P->strides[e->axis];
        if (!e->arr) {
            for (int64_t q = 0; q < nb; q++)
                offs[q] += e->ival * stride;
            continue;
        }
        NdArray *x = e->arr;
        int64_t bst[ND_MAXDIMS] = {0};
        for (int d = 0; d < x->ndim; d++)
            bst[P->bnd - x->ndim + d] = x->shape[d] == 1 ? 0 : x->strides[d];
        Walk w;
        walk_init(&w, P->bnd, P->bshape, bst, x->data, NULL, NULL);
        for (int64_t q = 0; q < nb; q++, walk_next(&w)) {
            int64_t k;
            memcpy(&k, w.p0, 8);
            offs[q] += k * stride;
        }
    }
    return offs;
}

/* The result shape pre + B + post. */
static int result_shape(const Prep *P, int64_t *shape)
{
    int n = 0;
    for (int i = 0; i < P->npre; i++)
        shape[n++] = P->shape[P->pre[i]];
    for (int i = 0; i < P->bnd; i++)
        shape[n++] = P->bshape[i];
    for (int i = 0; i < P->npost; i++)
        shape[n++] = P->shape[P->post[i]];
    return n;
}

/* Move elements between the view (through offsets) and `other`, an array
 * of the result's shape walked in C order: load copies view -> other. */
static void adv_move(const Prep *P, const int64_t *offs, int64_t nb,
                     NdArray *other, bool load)
{
    size_t isz = nd_dtype_size(other->dtype);
    int64_t pre_shape[ND_MAXDIMS], pre_st[ND_MAXDIMS], post_shape[ND_MAXDIMS],
        post_st[ND_MAXDIMS];
    for (int i = 0; i < P->npre; i++) {
        pre_shape[i] = P->shape[P->pre[i]];
        pre_st[i] = P->strides[P->pre[i]];
    }
    for (int i = 0; i < P->npost; i++) {
        post_shape[i] = P->shape[P->post[i]];
        post_st[i] = P->strides[P->post[i]];
    }
    int64_t npre = prod(P->npre, pre_shape), npost = prod(P->npost, post_shape);
    if (npre == 0 || npost == 0 || nb == 0)
        return;
    int rnd = other->ndim;
    bool ocontig = (other->flags & ND_C_CONTIGUOUS) != 0;
    Walk ow;
    walk_init(&ow, rnd, other->shape, other->strides, other->data, NULL, NULL);
    char *op = other->data;
    Walk pw;
    walk_init(&pw, P->npre, pre_shape, pre_st, P->data, NULL, NULL);
    for (int64_t o = 0; o < npre; o++, walk_next(&pw)) {
        for (int64_t q = 0; q < nb; q++) {
            char *base = pw.p0 + offs[q];
            if (P->npost == 0) {
                char *x = ocontig ? op : ow.p0;
                if (load)
                    copy_item(x, base, isz);
                else
                    copy_item(base, x, isz);
                if (ocontig)
                    op += isz;
                else
                    walk_next(&ow);
                continue;
            }
            Walk in;
            walk_init(&in, P->npost, post_shape, post_st, base, NULL, NULL);
            for (int64_t r = 0; r < npost; r++, walk_next(&in)) {
                char *x = ocontig ? op : ow.p0;
                if (load)
                    copy_item(x, in.p0, isz);
                else
                    copy_item(in.p0, x, isz);
                if (ocontig)
                    op += isz;
                else
                    walk_next(&ow);
            }
        }
    }
}

/* a[idx] with one int64 index array on the first axis of a C-contiguous
 * 1-d view: the hot case of take/fancy indexing, checked as it goes. */
static int gather_1d(const Prep *P, NdArray *r)
{
    const Adv *e = &P->adv[0];
    NdArray *x = e->arr;
    int64_t size = P->shape[0], stride = P->strides[0];
    size_t isz = nd_dtype_size(r->dtype);
    const char *src = P->data;
    char *dst = r->data;
    const int64_t *ix = (const int64_t *)x->data;
    int64_t n = x->size;
#define GATHER(T)                                                              \
    do {                                                                       \
        T *d = (T *)(void *)dst;                                               \
        for (int64_t i = 0; i < n; i++) {                                      \
            int64_t k = ix[i];                                                 \
            if ((uint64_t)k >= (uint64_t)size) {                               \
                if (k < -size || k >= size)                                    \
                    return out_of_bounds(k, e->src_axis, size);                \
                k += size;                                                     \
            }                                                                  \
            memcpy(&d[i], src + k * stride, sizeof(T));                        \
        }                                                                      \
    } while (0)
    switch (isz) {
    case 1:
        GATHER(uint8_t);
        break;
    case 2:
        GATHER(uint16_t);
        break;
    case 4:
        GATHER(uint32_t);
        break;
    case 8:
        GATHER(uint64_t);
        break;
    default:
        for (int64_t i = 0; i < n; i++) {
            int64_t k = ix[i];
            if (k < -size || k >= size)
                return out_of_bounds(k, e->src_axis, size);
            if (k < 0)
                k += size;
            memcpy(dst + (size_t)i * isz, src + k * stride, isz);
        }
        break;
    }
#undef GATHER
    return 0;
}

/* a[mask] with the mask's axes first: (count,) + the remaining axes. */
static NdArray *mask_get(NdArray *a, const Prep *P)
{
    NdArray *m = P->mask;
    int k = m->ndim;
    int64_t count = nd_index_count_true(m);
    int64_t shape[ND_MAXDIMS];
    shape[0] = count;
    for (int d = k; d < P->ndim; d++)
        shape[1 + d - k] = P->shape[d];
    NdArray *r = nd_empty(a->dtype, 1 + P->ndim - k, shape, 'C');
    if (!r || count == 0)
        return r;
    size_t isz = nd_dtype_size(a->dtype);
    int64_t inner = prod(P->ndim - k, P->shape + k);
    char *dst = r->data;
    bool flat = (m->flags & ND_C_CONTIGUOUS) && k == P->ndim &&
                (a->flags & ND_C_CONTIGUOUS);
    if (flat) {
        const unsigned char *mk = (const unsigned char *)m->data;
        int64_t n = m->size;
        const char *src = a->data;
#define MASKGET(T)                                                             \
    do {                                                                       \
        T *d = (T *)(void *)dst, *end = d + count;                             \
        const T *s = (const T *)(const void *)src;                             \
        for (int64_t i = 0; i < n && d < end; i++) {                           \
            memcpy(d, &s[i], sizeof(T));                                       \
            d += mk[i] != 0;                                                   \
        }                                                                      \
    } while (0)
        switch (isz) {
        case 1:
            MASKGET(uint8_t);
            return r;
        case 2:
            MASKGET(uint16_t);
            return r;
        case 4:
            MASKGET(uint32_t);
            return r;
        case 8:
            MASKGET(uint64_t);
            return r;
        default:
            for (int64_t i = 0; i < n; i++)
                if (mk[i]) {
                    memcpy(dst, src + (size_t)i * isz, isz);
                    dst += isz;
                }
            return r;
        }
#undef MASKGET
    }
    Walk w;
    walk_init(&w, k, m->shape, m->strides, m->data, P->strides, P->data);
    for (int64_t i = 0; i < m->size; i++, walk_next(&w)) {
        if (!*(const bool *)w.p0)
            continue;
        Walk in;
        walk_init(&in, P->ndim - k, P->shape + k, P->strides + k, w.p1, NULL,
                  NULL);
        for (int64_t q = 0; q < inner; q++, walk_next(&in)) {
            copy_item(dst, in.p0, isz);
            dst += isz;
        }
    }
    return r;
}

/* a[mask] = v with v already broadcast to (count,) + the remaining axes. */
static void mask_set(const Prep *P, NdArray *v)
{
    NdArray *m = P->mask;
    int k = m->ndim;
    size_t isz = nd_dtype_size(v->dtype);
    int64_t inner = prod(P->ndim - k, P->shape + k);
    if (v->size == 0)
        return;
    Walk vw;
    walk_init(&vw, v->ndim, v->shape, v->strides, v->data, NULL, NULL);
    Walk w;
    walk_init(&w, k, m->shape, m->strides, m->data, P->strides, P->data);
    for (int64_t i = 0; i < m->size; i++, walk_next(&w)) {
        if (!*(const bool *)w.p0)
            continue;
        Walk in;
        walk_init(&in, P->ndim - k, P->shape + k, P->strides + k, w.p1, NULL,
                  NULL);
        for (int64_t q = 0; q < inner; q++, walk_next(&in)) {
            copy_item(in.p0, vw.p0, isz);
            walk_next(&vw);
        }
    }
}

NdArray *nd_index_get(NdArray *a, const NdIndex *idx, int n)
{
    Prep P;
    if (prep_index(a, idx, n, &P) < 0)
        return NULL;
    if (P.mask)
        return mask_get(a, &P);
    if (P.nadv == 0) /* basic: a view */
        return nd_view_new(a->buffer, a->dtype, P.ndim, P.shape, P.strides,
                           P.data, (a->flags & ND_WRITEABLE) != 0);
    int64_t shape[ND_MAXDIMS];
    int rnd = result_shape(&P, shape);
    NdArray *r = nd_empty(a->dtype, rnd, shape, 'C');
    if (!r)
        goto fail;
    int64_t nb = prod(P.bnd, P.bshape);
    if (P.nadv == 1 && P.ndim == 1 && P.adv[0].arr &&
        (P.adv[0].arr->flags & ND_C_CONTIGUOUS)) {
        if (gather_1d(&P, r) < 0)
            goto fail;
    } else {
        if (normalize_entries(&P) < 0)
            goto fail;
        int64_t *offs = entry_offsets(&P, nb);
        if (!offs)
            goto fail;
        adv_move(&P, offs, nb, r, true);
        free(offs);
    }
    prep_release(&P);
    return r;
fail:
    nd_decref(r);
    prep_release(&P);
    return NULL;
}

static int value_mismatch(const NdArray *v, int nd, const int64_t *shape)
{
    char vs[ND_MAXDIMS * 24 + 4], rs[ND_MAXDIMS * 24 + 4];
    nd_shape_str_compact(vs, sizeof vs, v->ndim, v->shape);
    nd_shape_str_compact(rs, sizeof rs, nd, shape);
    return nd_error(ND_ERR_VALUE,
                    "shape mismatch: value array of shape %s could not be "
                    "broadcast to indexing result of shape %s",
                    vs, rs);
}

/* v as a read-only view broadcast to shape, or NULL with `mismatch`'s
 * message. */
static NdArray *broadcast_value(NdArray *v, int nd, const int64_t *shape)
{
    bool ok = v->ndim <= nd;
    for (int i = 0; ok && i < v->ndim; i++) {
        int64_t s = v->shape[v->ndim - 1 - i], t = shape[nd - 1 - i];
        ok = s == t || s == 1;
    }
    if (!ok) {
        value_mismatch(v, nd, shape);
        return NULL;
    }
    return nd_broadcast_to(v, nd, shape);
}

int nd_index_set(NdArray *a, const NdIndex *idx, int n, NdArray *v)
{
    if (!(a->flags & ND_WRITEABLE))
        return read_only();
    Prep P;
    if (prep_index(a, idx, n, &P) < 0)
        return -1;
    NdArray *src = nd_astype(v, a->dtype, ND_CAST_UNSAFE, false);
    if (!src) {
        prep_release(&P);
        return -1;
    }
    /* A value that shares memory with a is read in full before any
     * write, as NumPy does. */
    if (src->buffer == a->buffer && (P.mask || P.nadv > 0)) {
        NdArray *c = nd_copy(src, 'C');
        nd_decref(src);
        src = c;
        if (!src) {
            prep_release(&P);
            return -1;
        }
    }
    int rc = -1;
    if (P.mask) {
        int64_t count = nd_index_count_true(P.mask);
        int k = P.mask->ndim;
        int64_t shape[ND_MAXDIMS];
        shape[0] = count;
        for (int d = k; d < P.ndim; d++)
            shape[1 + d - k] = P.shape[d];
        if (k == P.ndim && src->ndim <= 1 && src->size != 1 &&
            src->size != count) {
            rc = nd_error(ND_ERR_VALUE,
                          "NumPy boolean array indexing assignment cannot "
                          "assign %" PRId64 " input values to the %" PRId64
                          " output values where the mask is true",
                          src->size, count);
        } else {
            NdArray *b = broadcast_value(src, 1 + P.ndim - k, shape);
            if (b) {
                mask_set(&P, b);
                nd_decref(b);
                rc = 0;
            }
        }
    } else if (P.nadv == 0 && src->data == P.data && src->ndim == P.ndim &&
               !memcmp(src->shape, P.shape, sizeof(int64_t) * (size_t)P.ndim) &&
               !memcmp(src->strides, P.strides,
                       sizeof(int64_t) * (size_t)P.ndim)) {
        /* a[basic] += v: the value is the view itself, already updated. */
        rc = 0;
    } else if (P.nadv == 0) {
        NdArray *view = nd_view_new(a->buffer, a->dtype, P.ndim, P.shape,
                                    P.strides, P.data, true);
        rc = view ? nd_copyto(view, src, ND_CAST_UNSAFE) : -1;
        nd_decref(view);
    } else if (normalize_entries(&P) == 0) {
        int64_t shape[ND_MAXDIMS];
        int rnd = result_shape(&P, shape);
        NdArray *b = broadcast_value(src, rnd, shape);
        if (b) {
            int64_t nb = prod(P.bnd, P.bshape);
            int64_t *offs = entry_offsets(&P, nb);
            if (offs) {
                adv_move(&P, offs, nb, b, false);
                free(offs);
                rc = 0;
            }
            nd_decref(b);
        }
    }
    nd_decref(src);
    prep_release(&P);
    return rc;
}

/* ------------------------------------------------------------ helpers */

/* Apply a clip mode to one index over an axis of length n (n > 0). */
static int64_t clip_index(int64_t k, int64_t n, NdClipMode mode)
{
    if (mode == ND_CLIP_WRAP) {
        k %= n;
        return k < 0 ? k + n : k;
    }
    return k < 0 ? 0 : k >= n ? n - 1 : k;
}

/* indices with a clip mode applied for an axis of length n (a new int64
 * array); ND_CLIP_RAISE returns the int64 indices unchanged. */
static NdArray *mode_indices(NdArray *ind, int64_t n, NdClipMode mode)
{
    NdArray *ix = as_intp(ind);
    if (!ix || mode == ND_CLIP_RAISE || ix->size == 0)
        return ix;
    if (n == 0) {
        nd_decref(ix);
        nd_error(ND_ERR_INDEX, "cannot do a non-empty take from an empty "
                               "axes.");
        return NULL;
    }
    NdArray *c = nd_copy(ix, 'C');
    nd_decref(ix);
    if (!c)
        return NULL;
    int64_t *v = (int64_t *)c->data;
    for (int64_t i = 0; i < c->size; i++)
        v[i] = clip_index(v[i], n, mode);
    return c;
}

NdArray *nd_take(NdArray *a, NdArray *indices, int axis, bool flatten,
                 NdClipMode mode)
{
    if (!is_int_type(indices->dtype) && indices->dtype != ND_BOOL &&
        !(indices->size == 0))
        return nd_error(ND_ERR_TYPE,
                        "Cannot cast array data from dtype('%s') "
                        "to dtype('int64') according to the "
                        "rule 'safe'",
                        nd_dtype_name(indices->dtype)),
               NULL;
    NdArray *src = flatten ? nd_ravel(a, 'C') : nd_incref(a);
    if (!src)
        return NULL;
    if (flatten)
        axis = 0;
    int ax;
    if (nd_normalize_axis(axis, src->ndim, &ax) < 0) {
        nd_decref(src);
        return NULL;
    }
    NdArray *ix = mode_indices(indices, src->shape[ax], mode);
    if (!ix) {
        nd_decref(src);
        return NULL;
    }
    NdIndex items[ND_MAXDIMS + 1];
    for (int i = 0; i < ax; i++)
        items[i] = (NdIndex){.kind = ND_INDEX_SLICE, .step = 1};
    /* A 0-d index stays an array index so the axis goes away as take's
     * result shape says (a.shape[:axis] + ind.shape + a.shape[axis+1:]). */
    items[ax] = (NdIndex){.kind = ND_INDEX_ARRAY, .array = ix};
    NdArray *r;
    if (ix->ndim == 0) {
        NdIndex one = {.kind = ND_INDEX_INT, .i = *(int64_t *)ix->data};
        items[ax] = one;
        NdArray *v = nd_index_get(src, items, ax + 1);
        r = v ? nd_copy(v, 'C') : NULL;
        nd_decref(v);
    } else {
        r = nd_index_get(src, items, ax + 1);
    }
    nd_decref(ix);
    nd_decref(src);
    return r;
}

/* Pointer to the element at flat (C-order) position k. */
static char *flat_ptr(const NdArray *a, int64_t k)
{
    if (a->flags & ND_C_CONTIGUOUS)
        return a->data + k * (int64_t)nd_dtype_size(a->dtype);
    char *p = a->data;
    for (int d = a->ndim - 1; d >= 0; d--) {
        int64_t s = a->shape[d];
        p += (k % s) * a->strides[d];
        k /= s;
    }
    return p;
}

int nd_put(NdArray *a, NdArray *ind, NdArray *v, NdClipMode mode)
{
    if (!(a->flags & ND_WRITEABLE))
        return nd_error(ND_ERR_VALUE, "put: output array is read-only");
    NdArray *ix = mode_indices(ind, a->size, mode);
    if (!ix)
        return -1;
    NdArray *vals = nd_astype(v, a->dtype, ND_CAST_UNSAFE, true);
    NdArray *cix = ix ? nd_ascontiguousarray(ix) : NULL;
    NdArray *cv = vals ? nd_ascontiguousarray(vals) : NULL;
    int rc = -1;
    if (!cix || !cv)
        goto out;
    const int64_t *k = (const int64_t *)cix->data;
    for (int64_t i = 0; i < cix->size; i++)
        if (k[i] < -a->size || k[i] >= a->size) {
            out_of_bounds(k[i], 0, a->size);
            goto out;
        }
    rc = 0;
    if (cv->size == 0)
        goto out;
    size_t isz = nd_dtype_size(a->dtype);
    for (int64_t i = 0; i < cix->size; i++) {
        int64_t j = k[i] < 0 ? k[i] + a->size : k[i];
        copy_item(flat_ptr(a, j), cv->data + (size_t)(i % cv->size) * isz, isz);
    }
out:
    nd_decref(ix);
    nd_decref(vals);
    nd_decref(cix);
    nd_decref(cv);
    return rc;
}

/* NumPy's _make_along_axis_idx: one index array per axis of a (shape
 * `shape`), `indices` at `axis` and arange(shape[d]) shaped (1, .., n, ..,
 * 1) at every other axis d, so that advanced indexing broadcasts them all
 * together.  The aranges are new references stored in owned[d] (NULL at
 * `axis`); the caller releases them with release_along. */
static int along_index(const NdArray *a, NdArray *indices, int axis,
                       NdIndex *items, NdArray **owned)
{
    for (int d = 0; d < a->ndim; d++)
        owned[d] = NULL;
    if (!is_int_type(indices->dtype))
        return nd_error(ND_ERR_INDEX, "`indices` must be an integer array");
    if (indices->ndim != a->ndim)
        return nd_error(ND_ERR_VALUE, "`indices` and `arr` must have the "
                                      "same number of dimensions");
    for (int d = 0; d < a->ndim; d++) {
        if (d == axis) {
            items[d] = (NdIndex){.kind = ND_INDEX_ARRAY, .array = indices};
            continue;
        }
        int64_t shape[ND_MAXDIMS];
        for (int k = 0; k < a->ndim; k++)
            shape[k] = k == d ? a->shape[d] : 1;
        owned[d] = nd_empty(ND_INT64, a->ndim, shape, 'C');
        if (!owned[d])
            return -1;
        int64_t *p = (int64_t *)owned[d]->data;
        for (int64_t i = 0; i < a->shape[d]; i++)
            p[i] = i;
        items[d] = (NdIndex){.kind = ND_INDEX_ARRAY, .array = owned[d]};
    }
    return 0;
}

static void release_along(NdArray **owned, int n)
{
    for (int d = 0; d < n; d++)
        nd_decref(owned[d]);
}

/* The array the along-axis functions index and the axis they use: arr
 * itself with the axis normalised, or (axis=None) arr's flat order. */
static int along_axis(NdArray *indices, int axis, bool flatten, int ndim,
                      int *ax)
{
    if (flatten) {
        *ax = 0;
        if (indices->ndim != 1)
            return nd_error(ND_ERR_VALUE, "when axis=None, `indices` must "
                                          "have a single dimension.");
        return 0;
    }
    return nd_normalize_axis(axis, ndim, ax);
}

NdArray *nd_take_along_axis(NdArray *arr, NdArray *indices, int axis,
                            bool flatten)
{
    int ax;
    if (along_axis(indices, axis, flatten, arr->ndim, &ax) < 0)
        return NULL;
    NdArray *src = flatten ? nd_ravel(arr, 'C') : nd_incref(arr);
    if (!src)
        return NULL;
    NdIndex items[ND_MAXDIMS];
    NdArray *owned[ND_MAXDIMS];
    NdArray *r = NULL;
    if (along_index(src, indices, ax, items, owned) == 0)
        r = nd_index_get(src, items, src->ndim);
    release_along(owned, src->ndim);
    nd_decref(src);
    return r;
}

int nd_put_along_axis(NdArray *arr, NdArray *indices, NdArray *values, int axis,
                      bool flatten)
{
    int ax;
    if (along_axis(indices, axis, flatten, arr->ndim, &ax) < 0)
        return -1;
    if (!(arr->flags & ND_WRITEABLE))
        return nd_error(ND_ERR_VALUE, "assignment destination is read-only");
    /* axis=None writes through arr's C order: a 1-d view when one exists,
     * else a flat copy that is copied back afterwards. */
    NdArray *dst = arr;
    bool copied = false;
    if (flatten) {
        int64_t n = arr->size;
        if (arr->flags & ND_C_CONTIGUOUS) {
            dst = nd_reshape_view(arr, 1, &n, 'C');
        } else {
            NdArray *c = nd_copy(arr, 'C');
            dst = c ? nd_reshape_view(c, 1, &n, 'C') : NULL;
            nd_decref(c);
            copied = true;
        }
        if (!dst)
            return -1;
    }
    NdIndex items[ND_MAXDIMS];
    NdArray *owned[ND_MAXDIMS];
    int rc = along_index(dst, indices, ax, items, owned);
    if (rc == 0)
        rc = nd_index_set(dst, items, dst->ndim, values);
    release_along(owned, dst->ndim);
    if (rc == 0 && copied) {
        NdArray *back = nd_reshape(dst, arr->ndim, arr->shape, 'C');
        rc = back ? nd_copyto(arr, back, ND_CAST_UNSAFE) : -1;
        nd_decref(back);
    }
    if (dst != arr)
        nd_decref(dst);
    return rc;
}

int nd_nonzero(NdArray *a, NdArray **out)
{
    if (a->ndim == 0)
        return nd_error(ND_ERR_VALUE,
                        "Calling nonzero on 0d arrays is not allowed. Use "
                        "np.atleast_1d(scalar).nonzero() instead. If the "
                        "context of this error is of the form "
                        "`arr[nonzero(cond)]`, just use `arr[cond]`.");
    int64_t count = nd_index_count_true(a);
    int k = a->ndim;
    int64_t *dst[ND_MAXDIMS];
    for (int j = 0; j < k; j++) {
        out[j] = nd_empty(ND_INT64, 1, &count, 'C');
        if (!out[j]) {
            for (int i = 0; i < j; i++)
                nd_decref(out[i]);
            return -1;
        }
        dst[j] = (int64_t *)out[j]->data;
    }
    if (count == 0)
        return k;
    Walk w;
    walk_init(&w, k, a->shape, a->strides, a->data, NULL, NULL);
    int64_t c = 0;
    for (int64_t i = 0; i < a->size; i++, walk_next(&w)) {
        if (!nonzero_at(a->dtype, w.p0))
            continue;
        for (int j = 0; j < k; j++)
            dst[j][c] = w.idx[j];
        c++;
    }
    return k;
}

NdArray *nd_argwhere(NdArray *a)
{
    int64_t count = nd_index_count_true(a);
    int64_t shape[2] = {count, a->ndim};
    NdArray *r = nd_empty(ND_INT64, 2, shape, 'C');
    if (!r || count == 0 || a->ndim == 0)
        return r;
    int64_t *dst = (int64_t *)r->data;
    Walk w;
    walk_init(&w, a->ndim, a->shape, a->strides, a->data, NULL, NULL);
    for (int64_t i = 0; i < a->size; i++, walk_next(&w)) {
        if (!nonzero_at(a->dtype, w.p0))
            continue;
        for (int j = 0; j < a->ndim; j++)
            *dst++ = w.idx[j];
    }
    return r;
}

NdArray *nd_flatnonzero(NdArray *a)
{
    int64_t count = nd_index_count_true(a);
    NdArray *r = nd_empty(ND_INT64, 1, &count, 'C');
    if (!r || count == 0)
        return r;
    int64_t *dst = (int64_t *)r->data;
    Walk w;
    walk_init(&w, a->ndim, a->shape, a->strides, a->data, NULL, NULL);
    for (int64_t i = 0; i < a->size; i++, walk_next(&w))
        if (nonzero_at(a->dtype, w.p0))
            *dst++ = i;
    return r;
}

/* (R1) where's x or y in the result dtype: a Python scalar by NEP 50's
 * rule (a Python int the dtype cannot hold is an OverflowError, as NumPy 2
 * gives), an array by an unsafe cast. */
static NdArray *where_operand(NdArray *a, NdType dt)
{
    if (!(a->flags & ND_WEAK) || a->ndim != 0 || a->dtype == dt)
        return nd_astype(a, dt, ND_CAST_UNSAFE, false);
    NdScalar s, c;
    if (nd_item(a, &s) < 0)
        return NULL;
    s.weak = true;
    if (nd_scalar_cast_weak(&s, dt, &c) < 0)
        return NULL;
    c.weak = false;
    return nd_from_scalar(&c);
}

NdArray *nd_where(NdArray *cond, NdArray *x, NdArray *y)
{
    NdType types[2] = {x->dtype, y->dtype};
    bool weak[2] = {(x->flags & ND_WEAK) != 0, (y->flags & ND_WEAK) != 0};
    NdType dt = nd_result_type(2, types, weak);
    NdArray *ops[3] = {cond, x, y};
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (nd_broadcast_shapes(3, ops, &nd, shape) < 0)
        return NULL;
    NdArray *c = NULL, *xs = NULL, *ys = NULL, *bc = NULL, *bx = NULL,
            *by = NULL, *r = NULL;
    c = nd_astype(cond, ND_BOOL, ND_CAST_UNSAFE, false);
    xs = c ? where_operand(x, dt) : NULL;
    ys = xs ? where_operand(y, dt) : NULL;
    bc = ys ? nd_broadcast_to(c, nd, shape) : NULL;
    bx = bc ? nd_broadcast_to(xs, nd, shape) : NULL;
    by = bx ? nd_broadcast_to(ys, nd, shape) : NULL;
    r = by ? nd_empty(dt, nd, shape, 'C') : NULL;
    if (r && r->size > 0) {
        size_t isz = nd_dtype_size(dt);
        Walk wc, wv;
        walk_init(&wc, nd, shape, bc->strides, bc->data, bx->strides, bx->data);
        walk_init(&wv, nd, shape, by->strides, by->data, NULL, NULL);
        char *dst = r->data;
        for (int64_t i = 0; i < r->size; i++) {
            copy_item(dst, *(const bool *)wc.p0 ? wc.p1 : wv.p0, isz);
            dst += isz;
            walk_next(&wc);
            walk_next(&wv);
        }
    }
    nd_decref(c);
    nd_decref(xs);
    nd_decref(ys);
    nd_decref(bc);
    nd_decref(bx);
    nd_decref(by);
    return r;
}

NdArray *nd_compress(NdArray *cond, NdArray *a, int axis, bool flatten)
{
    if (cond->ndim != 1)
        return nd_error(ND_ERR_VALUE, "condition must be a 1-d array"), NULL;
    NdArray *src = flatten ? nd_ravel(a, 'C') : nd_incref(a);
    if (!src)
        return NULL;
    int ax = 0;
    if (!flatten && nd_normalize_axis(axis, src->ndim, &ax) < 0) {
        nd_decref(src);
        return NULL;
    }
    NdArray *ix = NULL, *r = NULL;
    NdArray *b = nd_astype(cond, ND_BOOL, ND_CAST_UNSAFE, false);
    if (b && nd_nonzero(b, &ix) == 1) {
        int64_t n = src->shape[ax];
        const int64_t *k = (const int64_t *)ix->data;
        if (ix->size > 0 && k[ix->size - 1] >= n)
            out_of_bounds(k[ix->size - 1], ax, n);
        else
            r = nd_take(src, ix, ax, false, ND_CLIP_RAISE);
    }
    nd_decref(b);
    nd_decref(ix);
    nd_decref(src);
    return r;
}

int nd_place(NdArray *a, NdArray *mask, NdArray *vals)
{
    if (!(a->flags & ND_WRITEABLE))
        return read_only();
    if (mask->size != a->size)
        return nd_error(ND_ERR_VALUE,
                        "place: mask and data must be the same size");
    NdArray *v = nd_astype(vals, a->dtype, ND_CAST_UNSAFE, true);
    NdArray *cv = v ? nd_ascontiguousarray(v) : NULL;
    nd_decref(v);
    if (!cv)
        return -1;
    int rc = 0;
    size_t isz = nd_dtype_size(a->dtype);
    Walk w;
    int64_t j = 0;
    walk_init(&w, a->ndim, a->shape, a->strides, a->data, NULL, NULL);
    Walk mw;
    walk_init(&mw, mask->ndim, mask->shape, mask->strides, mask->data, NULL,
              NULL);
    for (int64_t i = 0; i < a->size; i++, walk_next(&w), walk_next(&mw)) {
        if (!nonzero_at(mask->dtype, mw.p0))
            continue;
        if (cv->size == 0) {
            rc = nd_error(ND_ERR_VALUE, "Cannot insert from an empty array!");
            break;
        }
        copy_item(w.p0, cv->data + (size_t)j * isz, isz);
        if (++j == cv->size)
            j = 0;
    }
    nd_decref(cv);
    return rc;
}

int nd_putmask(NdArray *a, NdArray *mask, NdArray *values)
{
    if (!(a->flags & ND_WRITEABLE))
        return read_only();
    if (mask->size != a->size)
        return nd_error(ND_ERR_VALUE,
                        "putmask: mask and data must be the same size");
    NdArray *v = nd_astype(values, a->dtype, ND_CAST_UNSAFE, true);
    NdArray *cv = v ? nd_ascontiguousarray(v) : NULL;
    nd_decref(v);
    if (!cv)
        return -1;
    if (cv->size > 0) {
        size_t isz = nd_dtype_size(a->dtype);
        Walk w, mw;
        walk_init(&w, a->ndim, a->shape, a->strides, a->data, NULL, NULL);
        walk_init(&mw, mask->ndim, mask->shape, mask->strides, mask->data, NULL,
                  NULL);
        for (int64_t i = 0; i < a->size; i++, walk_next(&w), walk_next(&mw))
            if (nonzero_at(mask->dtype, mw.p0))
                copy_item(w.p0, cv->data + (size_t)(i % cv->size) * isz, isz);
    }
    nd_decref(cv);
    return 0;
}

NdArray *nd_diagonal(NdArray *a, int64_t offset, int64_t axis1, int64_t axis2)
{
    if (a->ndim < 2)
        return nd_error(ND_ERR_VALUE,
                        "diag requires an array of at least two dimensions"),
               NULL;
    int a1, a2;
    if (axis1 < -a->ndim || axis1 >= a->ndim)
        return nd_error(ND_ERR_AXIS,
                        "axis1: axis %" PRId64
                        " is out of bounds for array of dimension %d",
                        axis1, a->ndim),
               NULL;
    if (axis2 < -a->ndim || axis2 >= a->ndim)
        return nd_error(ND_ERR_AXIS,
                        "axis2: axis %" PRId64
                        " is out of bounds for array of dimension %d",
                        axis2, a->ndim),
               NULL;
    a1 = (int)(axis1 < 0 ? axis1 + a->ndim : axis1);
    a2 = (int)(axis2 < 0 ? axis2 + a->ndim : axis2);
    if (a1 == a2)
        return nd_error(ND_ERR_VALUE, "axis1 and axis2 cannot be the same"),
               NULL;
    int64_t n1 = a->shape[a1], n2 = a->shape[a2], len;
    char *data = a->data;
    if (offset >= 0) {
        len = offset >= n2 ? 0 : (n1 < n2 - offset ? n1 : n2 - offset);
        if (len > 0)
            data += offset * a->strides[a2];
    } else {
        len = -offset >= n1 ? 0 : (n1 + offset < n2 ? n1 + offset : n2);
        if (len > 0)
            data += -offset * a->strides[a1];
    }
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int nd = 0;
    for (int d = 0; d < a->ndim; d++) {
        if (d == a1 || d == a2)
            continue;
        shape[nd] = a->shape[d];
        strides[nd++] = a->strides[d];
    }
    shape[nd] = len;
    strides[nd++] = a->strides[a1] + a->strides[a2];
    return nd_view_new(a->buffer, a->dtype, nd, shape, strides, data, false);
}

NdArray *nd_diag(NdArray *v, int64_t k)
{
    if (v->ndim == 2)
        return nd_diagonal(v, k, 0, 1);
    if (v->ndim != 1)
        return nd_error(ND_ERR_VALUE, "Input must be 1- or 2-d."), NULL;
    int64_t ak = k < 0 ? -k : k, n;
    if (__builtin_add_overflow(v->shape[0], ak, &n))
        return nd_error(ND_ERR_VALUE, "array is too big"), NULL;
    int64_t shape[2] = {n, n};
    NdArray *r = nd_zeros(v->dtype, 2, shape, 'C');
    if (!r)
        return NULL;
    size_t isz = nd_dtype_size(v->dtype);
    for (int64_t i = 0; i < v->shape[0]; i++) {
        int64_t row = k >= 0 ? i : i - k, col = k >= 0 ? i + k : i;
        copy_item(r->data + (size_t)(row * n + col) * isz,
                  v->data + i * v->strides[0], isz);
    }
    return r;
}

NdArray *nd_tri_mask(NdArray *m, int64_t k, bool upper)
{
    if (m->ndim == 0)
        return nd_error(ND_ERR_TYPE,
                        "tri() missing 1 required positional argument: 'N'"),
               NULL;
    NdArray *r;
    if (m->ndim == 1) {
        int64_t shape[2] = {m->shape[0], m->shape[0]};
        NdArray *b = nd_broadcast_to(m, 2, shape);
        r = b ? nd_copy(b, 'C') : NULL;
        nd_decref(b);
    } else {
        r = nd_copy(m, 'C');
    }
    if (!r || r->size == 0)
        return r;
    int64_t rows = r->shape[r->ndim - 2], cols = r->shape[r->ndim - 1];
    int64_t mats = r->size / (rows * cols);
    size_t isz = nd_dtype_size(r->dtype);
    char *p = r->data;
    for (int64_t t = 0; t < mats; t++)
        for (int64_t i = 0; i < rows; i++)
            for (int64_t j = 0; j < cols; j++, p += isz) {
                /* tril keeps j <= i + k; triu keeps j >= i + k. */
                bool keep = upper ? j - i >= k : j - i <= k;
                if (!keep)
                    memset(p, 0, isz);
            }
    return r;
}
