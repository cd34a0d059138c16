/* iter.c — broadcasting and the buffered block iterator.  Given the operands
 * of an elementwise operation and the dtypes its 1-D loop works in, this room
 * broadcasts their shapes, allocates missing outputs in the inputs' memory
 * order (NumPy's order 'K'), protects inputs that overlap an output, merges
 * axes that are contiguous for every operand, and then feeds the loop: straight
 * from operand memory when no cast is needed (one call per contiguous run),
 * otherwise through small per-operand buffers filled and drained with cast
 * loops a tile of a few KB at a time.  It knows nothing about which loop it
 * runs; ufunc.c decides that. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iter.h"

/* The longest run handed to a loop at once (see the tile geometry). */
#define ND_ITER_RUNMAX ((int64_t)1 << 20)

/* Elements per buffered tile: small enough that the buffers of all operands
 * stay in L1/L2 (1024 complex128 = 16 KB), large enough that the loop call
 * overhead is negligible. */
#define ND_ITER_BUFSIZE 1024

/* ----------------------------------------------------------- broadcasting */

/* Append "(2,3) " (NumPy's shape spelling in broadcast errors) to buf. */
static void append_shape(char *buf, size_t cap, int ndim, const int64_t *shape)
{
    size_t len = strlen(buf);
    if (len + 1 >= cap)
        return;
    len += (size_t)nd_shape_str_compact(buf + len, cap - len, ndim, shape);
    if (len + 1 < cap)
        strcat(buf, " ");
}

int nd_broadcast_shapes(int n, NdArray *const *arrays, int *ndim_out,
                        int64_t *shape_out)
{
    int nd = 0;
    for (int i = 0; i < n; i++)
        if (arrays[i]->ndim > nd)
            nd = arrays[i]->ndim;
    for (int d = 0; d < nd; d++)
        shape_out[d] = 1;
    for (int i = 0; i < n; i++) {
        const NdArray *a = arrays[i];
        int off = nd - a->ndim;
        for (int d = 0; d < a->ndim; d++) {
            int64_t s = a->shape[d];
            int64_t *r = &shape_out[off + d];
            if (s == *r || s == 1)
                continue;
            if (*r == 1) {
                *r = s;
                continue;
            }
            /* Room for every operand's shape: at most 32 dims of 20 digits. */
            size_t cap = (size_t)n * (ND_MAXDIMS * 21 + 4) + 80;
            char *msg = malloc(cap);
            if (!msg) {
                nd_error_nomem();
                return -1;
            }
            strcpy(msg, "operands could not be broadcast together with "
                        "shapes ");
            for (int k = 0; k < n; k++)
                append_shape(msg, cap, arrays[k]->ndim, arrays[k]->shape);
            nd_error(ND_ERR_VALUE, "%s", msg);
            free(msg);
            return -1;
        }
    }
    *ndim_out = nd;
    return 0;
}

/* --------------------------------------------------------------- overlap */

/* The byte range [lo, hi) an array's elements occupy. */
static void extent(const NdArray *a, const char **lo, const char **hi)
{
    const char *l = a->data, *h = a->data;
    for (int d = 0; d < a->ndim; d++) {
        int64_t span = (a->shape[d] - 1) * a->strides[d];
        if (span < 0)
            l += span;
        else
            h += span;
    }
    *lo = l;
    *hi = h + nd_dtype_size(a->dtype);
}

static bool may_overlap(const NdArray *a, const NdArray *b)
{
    if (a->buffer != b->buffer || a->size == 0 || b->size == 0)
        return false;
    const char *alo, *ahi, *blo, *bhi;
    extent(a, &alo, &ahi);
    extent(b, &blo, &bhi);
    return alo < bhi && blo < ahi;
}

/* True when input `in`, broadcast to the output's shape, reads exactly the
 * element each loop step writes: then elementwise order makes in-place
 * safe and no copy is needed. */
static bool same_view(const NdArray *in, const NdArray *out)
{
    if (in->data != out->data ||
        nd_dtype_size(in->dtype) != nd_dtype_size(out->dtype))
        return false;
    int off = out->ndim - in->ndim;
    for (int d = 0; d < out->ndim; d++) {
        int64_t s = 0;
        if (d >= off && in->shape[d - off] != 1)
            s = in->strides[d - off];
        if (out->shape[d] != 1 && s != out->strides[d])
            return false;
    }
    return true;
}

/* ----------------------------------------------------------- axis order */

/* Decide whether axis x should iterate inside axis y: every operand whose
 * strides on both axes are non-zero must find x's stride strictly smaller.
 * Returns 1 (move inside), 0 (keep), -1 (no operand decides). */
static int goes_inside(int nop, int64_t (*st)[ND_MAXDIMS], int x, int y)
{
    int verdict = -1;
    for (int k = 0; k < nop; k++) {
        int64_t sx = st[k][x], sy = st[k][y];
        if (sx == 0 || sy == 0)
            continue;
        if (sx < 0)
            sx = -sx;
        if (sy < 0)
            sy = -sy;
        if (sx >= sy)
            return 0;
        verdict = 1;
    }
    return verdict;
}

/* Fill perm (outermost first) with the axis order that follows the
 * operands' memory layout; ties keep C order, as NumPy's order 'K'. */
static void best_order(int nd, int nop, int64_t (*st)[ND_MAXDIMS], int *perm)
{
    int q[ND_MAXDIMS]; /* innermost first */
    for (int i = 0; i < nd; i++)
        q[i] = nd - 1 - i;
    for (int i = 1; i < nd; i++) {
        int x = q[i], pos = i;
        for (int j = i - 1; j >= 0; j--) {
            int v = goes_inside(nop, st, x, q[j]);
            if (v == 0)
                break;
            if (v == 1)
                pos = j;
        }
        if (pos != i) {
            memmove(&q[pos + 1], &q[pos], (size_t)(i - pos) * sizeof q[0]);
            q[pos] = x;
        }
    }
    for (int i = 0; i < nd; i++)
        perm[i] = q[nd - 1 - i];
}

/* ------------------------------------------------------------ buffering */

/* A plain strided copy, used to gather operands that need no cast but are
 * not uniformly strided across a multi-row tile. */
#define COPY_LOOP(name, T)                                                     \
    static void name(char **ptrs, int64_t n, const int64_t *steps)             \
    {                                                                          \
        for (int64_t i = 0; i < n; i++)                                        \
            memcpy(ptrs[1] + i * steps[1], ptrs[0] + i * steps[0], sizeof(T)); \
    }
COPY_LOOP(copy1, uint8_t)
COPY_LOOP(copy2, uint16_t)
COPY_LOOP(copy4, uint32_t)
COPY_LOOP(copy8, uint64_t)
COPY_LOOP(copy16, nd_complex128)

static NdLoop copy_loop(size_t size)
{
    switch (size) {
    case 1:
        return copy1;
    case 2:
        return copy2;
    case 4:
        return copy4;
    case 8:
        return copy8;
    default:
        return copy16;
    }
}

/* Move a tile of r rows by c columns between strided memory (row stride rs,
 * column stride cs) and a dense buffer (element size bsz), in the direction
 * given.  Calls run along whichever side of the tile is longer, so a tile of
 * many short rows costs few loop calls. */
static void move_tile(NdLoop fn, bool to_buf, char *mem, int64_t rs, int64_t cs,
                      char *buf, int64_t bsz, int64_t r, int64_t c)
{
    char *p[2];
    int64_t st[2];
    int m = to_buf ? 0 : 1, b = to_buf ? 1 : 0;
    if (c >= r) {
        st[m] = cs;
        st[b] = bsz;
        for (int64_t i = 0; i < r; i++) {
            p[m] = mem + i * rs;
            p[b] = buf + i * c * bsz;
            fn(p, c, st);
        }
    } else {
        st[m] = rs;
        st[b] = c * bsz;
        for (int64_t j = 0; j < c; j++) {
            p[m] = mem + j * cs;
            p[b] = buf + j * bsz;
            fn(p, r, st);
        }
    }
}

/* ------------------------------------------------------------ the driver */

typedef struct Plan {
    int nop, nin, nd;          /* nd >= 1 after coalescing */
    int64_t shape[ND_MAXDIMS]; /* iteration shape, outermost first */
    int64_t st[ND_ITER_MAXOPS][ND_MAXDIMS];
    char *data[ND_ITER_MAXOPS];
} Plan;

/* Drop length-1 axes and merge neighbours that every operand walks as one
 * run, so contiguous operands reach the loop in a single call. */
static void coalesce(Plan *p)
{
    int nd = 0;
    for (int d = 0; d < p->nd; d++) {
        if (p->shape[d] == 1)
            continue;
        if (nd > 0) {
            bool merge = true;
            int64_t inner = p->shape[d];
            for (int k = 0; k < p->nop && merge; k++)
                merge = p->st[k][nd - 1] == inner * p->st[k][d];
            if (merge) {
                p->shape[nd - 1] *= inner;
                for (int k = 0; k < p->nop; k++)
                    p->st[k][nd - 1] = p->st[k][d];
                continue;
            }
        }
        p->shape[nd] = p->shape[d];
        for (int k = 0; k < p->nop; k++)
            p->st[k][nd] = p->st[k][d];
        nd++;
    }
    if (nd == 0) {
        p->shape[0] = 1;
        for (int k = 0; k < p->nop; k++)
            p->st[k][0] = 0;
        nd = 1;
    }
    p->nd = nd;
}

static int run(const Plan *p, NdArray **ops, const NdType *loop_types,
               NdLoop loop)
{
    int nop = p->nop, nd = p->nd;
    int64_t inner = p->shape[nd - 1];
    int64_t mid = nd >= 2 ? p->shape[nd - 2] : 1;
    int nouter = nd >= 2 ? nd - 2 : 0;

    bool any_cast = false, cast[ND_ITER_MAXOPS];
    int64_t smid[ND_ITER_MAXOPS]; /* stride between rows of a tile */
    for (int k = 0; k < nop; k++) {
        cast[k] = ops[k]->dtype != loop_types[k];
        any_cast |= cast[k];
        smid[k] = nd >= 2 ? p->st[k][nd - 2] : 0;
    }

    /* Tile geometry: R rows of C elements.  Without casts a tile is one
     * whole row read in place; with casts it is a buffer's worth, made of
     * several rows when rows are short. */
    int64_t R = 1, C = inner;
    /* A row read in place is still cut into pieces of ND_ITER_RUNMAX so
     * that a Ctrl-C stops a computation on 10^8 elements promptly; the
     * pieces are long enough that the check costs nothing measurable. */
    if (C > ND_ITER_RUNMAX)
        C = ND_ITER_RUNMAX;
    bool buffered[ND_ITER_MAXOPS] = {false};
    char *bufs[ND_ITER_MAXOPS] = {NULL};
    NdLoop moves[ND_ITER_MAXOPS] = {NULL};
    int64_t bsz[ND_ITER_MAXOPS];
    if (any_cast) {
        if (inner >= ND_ITER_BUFSIZE) {
            C = ND_ITER_BUFSIZE;
        } else {
            R = ND_ITER_BUFSIZE / inner;
            if (R > mid)
                R = mid;
        }
        for (int k = 0; k < nop; k++) {
            /* A tile of several rows is one run for an operand only when
             * its rows follow each other at the inner stride. */
            bool uniform = R == 1 || smid[k] == inner * p->st[k][nd - 1];
            buffered[k] = cast[k] || !uniform;
            if (!buffered[k])
                continue;
            bsz[k] = (int64_t)nd_dtype_size(loop_types[k]);
            bufs[k] = nd_malloc((size_t)(R * C * bsz[k]));
            if (!bufs[k])
                goto fail;
            if (!cast[k])
                moves[k] = copy_loop((size_t)bsz[k]);
            else if (k < p->nin)
                moves[k] = nd_cast_loop(ops[k]->dtype, loop_types[k]);
            else
                moves[k] = nd_cast_loop(loop_types[k], ops[k]->dtype);
        }
    }

    /* Byte offsets rather than moving pointers: a pointer stepped past the
     * end of a row would leave the array object, which C does not allow. */
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t base[ND_ITER_MAXOPS] = {0};
    char *ptrs[ND_ITER_MAXOPS];
    int64_t steps[ND_ITER_MAXOPS];
    for (;;) {
        for (int64_t i = 0; i < mid; i += R) {
            int64_t r = mid - i < R ? mid - i : R;
            for (int64_t j = 0; j < inner; j += C) {
                int64_t c = inner - j < C ? inner - j : C;
                for (int k = 0; k < nop; k++) {
                    char *at = p->data[k] +
                               (base[k] + j * p->st[k][nd - 1] + i * smid[k]);
                    if (!buffered[k]) {
                        ptrs[k] = at;
                        steps[k] = p->st[k][nd - 1];
                        continue;
                    }
                    ptrs[k] = bufs[k];
                    steps[k] = bsz[k];
                    if (k < p->nin)
                        move_tile(moves[k], true, at, smid[k], p->st[k][nd - 1],
                                  bufs[k], bsz[k], r, c);
                }
                loop(ptrs, r * c, steps);
                if (nd_error_kind() != ND_OK)
                    goto fail;
                if (nd_interrupt_requested) {
                    nd_error(ND_ERR_INTERRUPT, "%s", "");
                    goto fail;
                }
                for (int k = p->nin; k < nop; k++) {
                    if (!buffered[k])
                        continue;
                    char *at = p->data[k] +
                               (base[k] + j * p->st[k][nd - 1] + i * smid[k]);
                    move_tile(moves[k], false, at, smid[k], p->st[k][nd - 1],
                              bufs[k], bsz[k], r, c);
                }
            }
        }
        /* Odometer over the axes outside the tile plane. */
        int d = nouter - 1;
        for (; d >= 0; d--) {
            for (int k = 0; k < nop; k++)
                base[k] += p->st[k][d];
            if (++idx[d] < p->shape[d])
                break;
            for (int k = 0; k < nop; k++)
                base[k] -= p->st[k][d] * p->shape[d];
            idx[d] = 0;
        }
        if (d < 0)
            break;
    }
    for (int k = 0; k < nop; k++)
        free(bufs[k]);
    return 0;
fail:
    for (int k = 0; k < nop; k++)
        free(bufs[k]);
    return -1;
}

/* A new array of the broadcast shape whose strides follow perm (outermost
 * first), so that its memory order matches the inputs'. */
static NdArray *alloc_output(NdType t, int nd, const int64_t *shape,
                             const int *perm)
{
    NdArray *a = nd_empty(t, nd, shape, 'C');
    if (!a)
        return NULL;
    int64_t s = (int64_t)nd_dtype_size(t);
    for (int i = nd - 1; i >= 0; i--) {
        a->strides[perm[i]] = s;
        s *= shape[perm[i]] > 1 ? shape[perm[i]] : 1;
    }
    nd_update_flags(a);
    return a;
}

int nd_elementwise(int nin, int nout, NdArray **ops, const NdType *loop_types,
                   NdLoop loop)
{
    int nop = nin + nout;
    NdArray *in[ND_ITER_MAXOPS] = {NULL}; /* inputs as read (maybe copies) */
    bool allocated[ND_ITER_MAXOPS] = {false};
    int64_t shape[ND_MAXDIMS];
    int nd;

    nd_error_clear();
    if (nop > ND_ITER_MAXOPS || nin < 0 || nout < 0)
        return nd_error(ND_ERR_VALUE, "too many operands");

    /* Outputs take part in broadcasting (NumPy lets `out` be larger than
     * the inputs) but are never stretched themselves. */
    {
        NdArray *given[ND_ITER_MAXOPS];
        int n = 0;
        for (int k = 0; k < nop; k++)
            if (ops[k])
                given[n++] = ops[k];
        for (int k = nin; k < nop; k++)
            if (ops[k] && !(ops[k]->flags & ND_WRITEABLE))
                return nd_error(ND_ERR_VALUE, "output array is read-only");
        if (nd_broadcast_shapes(n, given, &nd, shape) < 0)
            return -1;
    }
    for (int k = nin; k < nop; k++) {
        NdArray *o = ops[k];
        if (!o)
            continue;
        bool same = o->ndim == nd;
        for (int d = 0; same && d < nd; d++)
            same = o->shape[d] == shape[d];
        if (!same) {
            char os[ND_MAXDIMS * 21 + 4], bs[ND_MAXDIMS * 21 + 4];
            nd_shape_str_compact(os, sizeof os, o->ndim, o->shape);
            nd_shape_str_compact(bs, sizeof bs, nd, shape);
            return nd_error(ND_ERR_VALUE,
                            "non-broadcastable output operand with shape %s "
                            "doesn't match the broadcast shape %s",
                            os, bs);
        }
    }

    /* Strides of every operand over the broadcast shape (0 where it is
     * stretched). */
    Plan *p = nd_malloc(sizeof *p);
    if (!p)
        return -1;
    p->nop = nop;
    p->nin = nin;
    p->nd = nd;
    for (int d = 0; d < nd; d++)
        p->shape[d] = shape[d];
    for (int k = 0; k < nop; k++) {
        const NdArray *a = ops[k];
        for (int d = 0; d < nd; d++)
            p->st[k][d] = 0;
        if (!a)
            continue;
        int off = nd - a->ndim;
        for (int d = 0; d < a->ndim; d++)
            if (a->shape[d] != 1)
                p->st[k][off + d] = a->strides[d];
    }

    int perm[ND_MAXDIMS];
    best_order(nd, nop, p->st, perm);

    /* Checked: stretched shapes can multiply past int64. */
    int64_t size = nd_shape_size(nd, shape, ND_BOOL);
    if (size < 0)
        goto fail;

    for (int k = nin; k < nop; k++) {
        if (ops[k])
            continue;
        ops[k] = alloc_output(loop_types[k], nd, shape, perm);
        if (!ops[k])
            goto fail;
        allocated[k] = true;
        for (int d = 0; d < nd; d++)
            p->st[k][d] = shape[d] != 1 ? ops[k]->strides[d] : 0;
    }
    if (size == 0) {
        free(p);
        return 0;
    }

    /* An input aliasing an output in any other way than element for
     * element would read values already overwritten: read a copy. */
    for (int i = 0; i < nin; i++) {
        in[i] = ops[i];
        for (int k = nin; k < nop; k++) {
            if (!may_overlap(ops[i], ops[k]) || same_view(ops[i], ops[k]))
                continue;
            NdArray *c = nd_copy(ops[i], 'K');
            if (!c)
                goto fail;
            in[i] = c;
            int off = nd - c->ndim;
            for (int d = 0; d < c->ndim; d++)
                if (c->shape[d] != 1)
                    p->st[i][off + d] = c->strides[d];
            break;
        }
    }

    /* Apply the axis order, then merge. */
    {
        int64_t tmp[ND_MAXDIMS];
        for (int d = 0; d < nd; d++)
            tmp[d] = shape[perm[d]];
        memcpy(p->shape, tmp, (size_t)nd * sizeof tmp[0]);
        for (int k = 0; k < nop; k++) {
            for (int d = 0; d < nd; d++)
                tmp[d] = p->st[k][perm[d]];
            memcpy(p->st[k], tmp, (size_t)nd * sizeof tmp[0]);
        }
    }
    coalesce(p);
    for (int k = 0; k < nop; k++)
        p->data[k] = k < nin ? in[k]->data : ops[k]->data;

    {
        NdArray *run_ops[ND_ITER_MAXOPS];
        for (int k = 0; k < nop; k++)
            run_ops[k] = k < nin ? in[k] : ops[k];
        if (run(p, run_ops, loop_types, loop) < 0)
            goto fail;
    }

    for (int i = 0; i < nin; i++)
        if (in[i] && in[i] != ops[i])
            nd_decref(in[i]);
    free(p);
    return 0;

fail:
    for (int i = 0; i < nin; i++)
        if (in[i] && in[i] != ops[i])
            nd_decref(in[i]);
    for (int k = nin; k < nop; k++) {
        if (allocated[k]) {
            nd_decref(ops[k]);
            ops[k] = NULL;
        }
    }
    free(p);
    return -1;
}
