/* products.c — the products room of libnd: NumPy's dot, vdot, inner, outer,
 * tensordot, kron, trace and einsum (nd_products.h).  Every contraction is
 * brought to the shape of a (batched) matrix product — operands permuted and
 * reshaped so the summed axes meet — and handed to nd_matmul, so float and
 * complex work runs on BLAS with its transposition flags (matmul.c) and
 * integer work on the blocked loop.  Operands are strong arrays as NumPy's
 * products see them (a Python scalar promotes as int64/float64). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

/* x without the ND_WEAK flag (a view of it when flagged): the products
 * convert their operands with asarray, which forgets Python-scalar
 * weakness. */
static NdArray *strong(NdArray *x)
{
    if (!(x->flags & ND_WEAK))
        return nd_incref(x);
    NdArray *v = nd_view(x);
    if (v)
        v->flags &= ~(unsigned)ND_WEAK;
    return v;
}

static NdArray *multiply_strong(NdArray *a, NdArray *b)
{
    NdArray *sa = strong(a), *sb = sa ? strong(b) : NULL;
    NdArray *r = sb ? nd_binary(ND_UF_MULTIPLY, sa, sb) : NULL;
    nd_decref(sa);
    nd_decref(sb);
    return r;
}

/* NumPy's "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)". */
static NdArray *not_aligned(const NdArray *a, int da, const NdArray *b, int db)
{
    char sa[256], sb[256];
    nd_shape_str_compact(sa, sizeof sa, a->ndim, a->shape);
    nd_shape_str_compact(sb, sizeof sb, b->ndim, b->shape);
    nd_error(ND_ERR_VALUE,
             "shapes %s and %s not aligned: %" PRId64 " (dim %d) != %" PRId64
             " (dim %d)",
             sa, sb, a->shape[da], da, b->shape[db], db);
    return NULL;
}

/* ---------------------------------------------------------------- tensordot */

static NdArray *tensordot_impl(NdArray *a, NdArray *b, int n, const int *axa,
                               const int *axb)
{
    int64_t perm_a[ND_MAXDIMS], perm_b[ND_MAXDIMS];
    int64_t out_shape[2 * ND_MAXDIMS];
    bool in_a[ND_MAXDIMS] = {false}, in_b[ND_MAXDIMS] = {false};
    for (int i = 0; i < n; i++) {
        in_a[axa[i]] = true;
        in_b[axb[i]] = true;
    }
    /* a -> (free of a..., summed...), b -> (summed..., free of b...). */
    int fa = 0, fb = 0, out_ndim = 0;
    int64_t m = 1, k = 1, nn = 1;
    for (int d = 0; d < a->ndim; d++)
        if (!in_a[d]) {
            perm_a[fa++] = d;
            m *= a->shape[d];
            out_shape[out_ndim++] = a->shape[d];
        }
    for (int i = 0; i < n; i++) {
        perm_a[fa + i] = axa[i];
        perm_b[i] = axb[i];
        k *= a->shape[axa[i]];
    }
    for (int d = 0; d < b->ndim; d++)
        if (!in_b[d]) {
            perm_b[n + fb++] = d;
            nn *= b->shape[d];
            out_shape[out_ndim++] = b->shape[d];
        }
    if (out_ndim > ND_MAXDIMS) {
        nd_error(ND_ERR_VALUE,
                 "maximum supported dimension for an ndarray "
                 "is %d, found %d",
                 ND_MAXDIMS, out_ndim);
        return NULL;
    }
    NdArray *at = nd_transpose(a, perm_a, a->ndim);
    if (!at)
        return NULL;
    NdArray *bt = nd_transpose(b, perm_b, b->ndim);
    if (!bt) {
        nd_decref(at);
        return NULL;
    }
    int64_t sa[2] = {m, k}, sb[2] = {k, nn};
    NdArray *a2 = nd_reshape(at, 2, sa, 'C');
    NdArray *b2 = a2 ? nd_reshape(bt, 2, sb, 'C') : NULL;
    nd_decref(at);
    nd_decref(bt);
    NdArray *r = b2 ? nd_matmul(a2, b2) : NULL;
    nd_decref(a2);
    nd_decref(b2);
    if (!r)
        return NULL;
    NdArray *res = nd_reshape(r, out_ndim, out_shape, 'C');
    nd_decref(r);
    return res;
}

NdArray *nd_tensordot(NdArray *a, NdArray *b, int na, const int64_t *axes_a,
                      int nb, const int64_t *axes_b)
{
    if (na != nb) {
        nd_error(ND_ERR_VALUE, "shape-mismatch for sum");
        return NULL;
    }
    int axa[ND_MAXDIMS], axb[ND_MAXDIMS];
    if (na > a->ndim || na > b->ndim) {
        nd_error(ND_ERR_INDEX, "tuple index out of range");
        return NULL;
    }
    for (int i = 0; i < na; i++) {
        int64_t x = axes_a[i], y = axes_b[i];
        /* NumPy indexes the shape tuple with the axis as given. */
        if (x >= a->ndim || x < -a->ndim || y >= b->ndim || y < -b->ndim) {
            nd_error(ND_ERR_INDEX, "tuple index out of range");
            return NULL;
        }
        axa[i] = (int)(x < 0 ? x + a->ndim : x);
        axb[i] = (int)(y < 0 ? y + b->ndim : y);
        if (a->shape[axa[i]] != b->shape[axb[i]]) {
            nd_error(ND_ERR_VALUE, "shape-mismatch for sum");
            return NULL;
        }
    }
    for (int i = 0; i < na; i++)
        for (int j = 0; j < i; j++)
            if (axa[i] == axa[j] || axb[i] == axb[j]) {
                nd_error(ND_ERR_VALUE, "repeated axis in transpose");
                return NULL;
            }
    NdArray *sa = strong(a), *sb = sa ? strong(b) : NULL;
    NdArray *r = sb ? tensordot_impl(sa, sb, na, axa, axb) : NULL;
    nd_decref(sa);
    nd_decref(sb);
    return r;
}

NdArray *nd_tensordot_n(NdArray *a, NdArray *b, int64_t n)
{
    int64_t axa[ND_MAXDIMS], axb[ND_MAXDIMS];
    /* NumPy: axes_a = range(-n, 0), axes_b = range(0, n). */
    if (n < 0 || n > a->ndim || n > b->ndim) {
        if (n < 0) {
            nd_error(ND_ERR_VALUE, "shape-mismatch for sum");
            return NULL;
        }
        nd_error(ND_ERR_INDEX, "tuple index out of range");
        return NULL;
    }
    for (int64_t i = 0; i < n; i++) {
        axa[i] = i - n;
        axb[i] = i;
    }
    return nd_tensordot(a, b, (int)n, axa, (int)n, axb);
}

/* ---------------------------------------------------------- dot and kin */

NdArray *nd_dot(NdArray *a, NdArray *b)
{
    if (a->ndim == 0 || b->ndim == 0)
        return multiply_strong(a, b);
    const int da = a->ndim - 1, db = b->ndim == 1 ? 0 : b->ndim - 2;
    if (a->shape[da] != b->shape[db])
        return not_aligned(a, da, b, db);
    NdArray *sa = strong(a), *sb = sa ? strong(b) : NULL;
    NdArray *r = NULL;
    if (sb) {
        if (a->ndim <= 2 && b->ndim <= 2) {
            r = nd_matmul(sa, sb);
        } else {
            int axa = da, axb = db;
            r = tensordot_impl(sa, sb, 1, &axa, &axb);
        }
    }
    nd_decref(sa);
    nd_decref(sb);
    return r;
}

NdArray *nd_inner(NdArray *a, NdArray *b)
{
    if (a->ndim == 0 || b->ndim == 0)
        return multiply_strong(a, b);
    const int da = a->ndim - 1, db = b->ndim - 1;
    if (a->shape[da] != b->shape[db]) {
        if (b->ndim < 2)
            return not_aligned(a, da, b, db);
        /* NumPy's inner is dot(a, b with its last two axes swapped), and
         * its error shows that view: dim ndim-2 of the swapped shape. */
        NdArray *bt = nd_swapaxes(b, db - 1, db);
        if (bt)
            not_aligned(a, da, bt, db - 1);
        nd_decref(bt);
        return NULL;
    }
    NdArray *sa = strong(a), *sb = sa ? strong(b) : NULL;
    NdArray *r = NULL;
    if (sb) {
        int axa = da, axb = db;
        r = tensordot_impl(sa, sb, 1, &axa, &axb);
    }
    nd_decref(sa);
    nd_decref(sb);
    return r;
}

NdArray *nd_vdot(NdArray *a, NdArray *b)
{
    if (a->size != b->size) {
        nd_error(ND_ERR_VALUE,
                 "cannot reshape array of size %" PRId64 " into shape (%" PRId64
                 ",)",
                 b->size, a->size);
        return NULL;
    }
    NdArray *fa = nd_ravel(a, 'C');
    NdArray *fb = fa ? nd_ravel(b, 'C') : NULL;
    NdArray *sa = fb ? strong(fa) : NULL;
    NdArray *sb = sa ? strong(fb) : NULL;
    nd_decref(fa);
    nd_decref(fb);
    if (!sb) {
        nd_decref(sa);
        return NULL;
    }
    if (nd_dtype_kind(sa->dtype) == ND_KIND_COMPLEX) {
        NdArray *c = nd_unary(ND_UF_CONJUGATE, sa);
        nd_decref(sa);
        sa = c;
    }
    NdArray *r = sa ? nd_matmul(sa, sb) : NULL;
    nd_decref(sa);
    nd_decref(sb);
    return r;
}

NdArray *nd_outer(NdArray *a, NdArray *b)
{
    int64_t sa[2] = {a->size, 1}, sb[2] = {1, b->size};
    NdArray *fa = nd_reshape(a, 2, sa, 'C');
    NdArray *fb = fa ? nd_reshape(b, 2, sb, 'C') : NULL;
    NdArray *r = fb ? multiply_strong(fa, fb) : NULL;
    nd_decref(fa);
    nd_decref(fb);
    return r;
}

NdArray *nd_kron(NdArray *a, NdArray *b)
{
    if (a->ndim == 0 && b->ndim == 0)
        return multiply_strong(a, b);
    const int nd = a->ndim > b->ndim ? a->ndim : b->ndim;
    if (2 * nd > ND_MAXDIMS) {
        nd_error(ND_ERR_VALUE,
                 "maximum supported dimension for an ndarray "
                 "is %d, found %d",
                 ND_MAXDIMS, 2 * nd);
        return NULL;
    }
    /* a as (a0, 1, a1, 1, ...) and b as (1, b0, 1, b1, ...), both padded
     * with leading 1s to nd axes: their product laid out in C order is the
     * Kronecker product of shape (a0*b0, a1*b1, ...). */
    int64_t ea[2 * ND_MAXDIMS], eb[2 * ND_MAXDIMS], rs[ND_MAXDIMS];
    for (int d = 0; d < nd; d++) {
        int xa = d - (nd - a->ndim), xb = d - (nd - b->ndim);
        int64_t as = xa >= 0 ? a->shape[xa] : 1;
        int64_t bs = xb >= 0 ? b->shape[xb] : 1;
        ea[2 * d] = as;
        ea[2 * d + 1] = 1;
        eb[2 * d] = 1;
        eb[2 * d + 1] = bs;
        if (nd_mul_overflow(as, bs, &rs[d]) < 0)
            return NULL;
    }
    NdArray *xa = nd_reshape(a, 2 * nd, ea, 'C');
    NdArray *xb = xa ? nd_reshape(b, 2 * nd, eb, 'C') : NULL;
    NdArray *p = xb ? multiply_strong(xa, xb) : NULL;
    nd_decref(xa);
    nd_decref(xb);
    if (!p)
        return NULL;
    NdArray *r = nd_reshape(p, nd, rs, 'C');
    nd_decref(p);
    return r;
}

NdArray *nd_trace(NdArray *a, int64_t offset, int64_t axis1, int64_t axis2,
                  NdType dtype)
{
    NdArray *d = nd_diagonal(a, offset, axis1, axis2);
    if (!d)
        return NULL;
    int ax = d->ndim - 1;
    NdArray *r = nd_sum(d, &ax, 1, false, dtype, NULL, NULL);
    nd_decref(d);
    return r;
}

/* ------------------------------------------------------------------ einsum */

/* Labels: a letter is its character code; the axes covered by `...` are
 * 128 + their position in the broadcast ellipsis shape (right-aligned). */
enum { ELL = 128, NLABELS = 128 + ND_MAXDIMS };

typedef struct Term {
    NdArray *arr; /* owned */
    int n;        /* == arr->ndim */
    int lab[ND_MAXDIMS];
} Term;

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Parse one term's letters into lab[], the ellipsis position into *ell (-1
 * when none).  Returns the letter count or -1. */
static int parse_term(const char *s, size_t len, int iop, bool output, int *lab,
                      int *ell)
{
    int n = 0;
    *ell = -1;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ')
            continue;
        if (c == '.') {
            if (*ell >= 0 || i + 2 >= len + 0 || s[i + 1] != '.' ||
                s[i + 2] != '.') {
                if (output)
                    nd_error(ND_ERR_VALUE,
                             "einstein sum subscripts string contains a '.' "
                             "that is not part of an ellipsis ('...') in the "
                             "output");
                else
                    nd_error(ND_ERR_VALUE,
                             "einstein sum subscripts string contains a '.' "
                             "that is not part of an ellipsis ('...') in "
                             "operand %d",
                             iop);
                return -1;
            }
            *ell = n;
            i += 2;
            continue;
        }
        if (!is_letter(c)) {
            nd_error(ND_ERR_VALUE,
                     "invalid subscript '%c' in einstein sum subscripts "
                     "string, subscripts must be letters",
                     c);
            return -1;
        }
        if (n >= ND_MAXDIMS) {
            nd_error(ND_ERR_VALUE,
                     "einstein sum subscripts string contains too many "
                     "subscripts for operand %d",
                     iop);
            return -1;
        }
        lab[n++] = (unsigned char)c;
    }
    return n;
}

static void terms_free(Term *t, int n)
{
    for (int i = 0; i < n; i++)
        nd_decref(t[i].arr);
}

/* Replace t's arr by r (taking it) with labels lab[0..n). */
static int term_set(Term *t, NdArray *r, const int *lab, int n)
{
    if (!r)
        return -1;
    nd_decref(t->arr);
    t->arr = r;
    t->n = n;
    memmove(t->lab, lab, (size_t)n * sizeof *lab);
    return 0;
}

/* Collapse repeated labels of one operand into diagonals (each diagonal
 * becomes the last axis, as nd_diagonal puts it). */
static int take_diagonals(Term *t, int iop)
{
    for (;;) {
        int i = -1, j = -1;
        for (int p = 0; p < t->n && i < 0; p++)
            for (int q = p + 1; q < t->n; q++)
                if (t->lab[p] == t->lab[q]) {
                    i = p;
                    j = q;
                    break;
                }
        if (i < 0)
            return 0;
        if (t->arr->shape[i] != t->arr->shape[j]) {
            nd_error(ND_ERR_VALUE,
                     "dimensions in operand %d for collapsing index '%c' "
                     "don't match (%" PRId64 " != %" PRId64 ")",
                     iop, t->lab[i] < ELL ? (char)t->lab[i] : '.',
                     t->arr->shape[i], t->arr->shape[j]);
            return -1;
        }
        int lab[ND_MAXDIMS], n = 0, l = t->lab[i];
        for (int p = 0; p < t->n; p++)
            if (p != i && p != j)
                lab[n++] = t->lab[p];
        lab[n++] = l;
        if (term_set(t, nd_diagonal(t->arr, 0, i, j), lab, n) < 0)
            return -1;
    }
}

static bool has_label(const int *lab, int n, int l)
{
    for (int i = 0; i < n; i++)
        if (lab[i] == l)
            return true;
    return false;
}

/* Sum away the axes of t whose label is not in keep[]. */
static int sum_unneeded(Term *t, const bool *keep)
{
    int axes[ND_MAXDIMS], na = 0, lab[ND_MAXDIMS], n = 0;
    for (int i = 0; i < t->n; i++) {
        if (keep[t->lab[i]])
            lab[n++] = t->lab[i];
        else
            axes[na++] = i;
    }
    if (!na)
        return 0;
    return term_set(
        t, nd_sum(t->arr, axes, na, false, t->arr->dtype, NULL, NULL), lab, n);
}

/* Contract x with y (both with unique labels, same dtype), keeping the
 * labels in keep[]: a batched matmul (batch, x-only, summed) @ (batch,
 * summed, y-only).  The result replaces x. */
static int contract_pair(Term *x, Term *y, const bool *keep,
                         const int64_t *size)
{
    bool kx[NLABELS], ky[NLABELS];
    for (int l = 0; l < NLABELS; l++)
        kx[l] = ky[l] = keep[l];
    for (int i = 0; i < y->n; i++)
        kx[y->lab[i]] = true;
    for (int i = 0; i < x->n; i++)
        ky[x->lab[i]] = true;
    if (sum_unneeded(x, kx) < 0 || sum_unneeded(y, ky) < 0)
        return -1;

    int bat[ND_MAXDIMS], nb = 0, xo[ND_MAXDIMS], nxo = 0;
    int sum[ND_MAXDIMS], ns = 0, yo[ND_MAXDIMS], nyo = 0;
    for (int i = 0; i < x->n; i++) {
        int l = x->lab[i];
        if (!has_label(y->lab, y->n, l))
            xo[nxo++] = l;
        else if (keep[l])
            bat[nb++] = l;
        else
            sum[ns++] = l;
    }
    for (int i = 0; i < y->n; i++)
        if (!has_label(x->lab, x->n, y->lab[i]))
            yo[nyo++] = y->lab[i];
    if (nb + nxo + nyo > ND_MAXDIMS) {
        nd_error(ND_ERR_VALUE, "too many subscripts in einsum");
        return -1;
    }

    /* Shared axes broadcast to the labels' full sizes. */
    int64_t shx[ND_MAXDIMS], shy[ND_MAXDIMS];
    for (int i = 0; i < x->n; i++)
        shx[i] = has_label(y->lab, y->n, x->lab[i]) ? size[x->lab[i]]
                                                    : x->arr->shape[i];
    for (int i = 0; i < y->n; i++)
        shy[i] = has_label(x->lab, x->n, y->lab[i]) ? size[y->lab[i]]
                                                    : y->arr->shape[i];

    int64_t px[ND_MAXDIMS], py[ND_MAXDIMS];
    int64_t out_shape[ND_MAXDIMS];
    int out_lab[ND_MAXDIMS], on = 0;
    int64_t B = 1, M = 1, K = 1, N = 1;
    int q = 0;
    for (int i = 0; i < nb; i++) {
        int ix = 0, iy = 0;
        while (x->lab[ix] != bat[i])
            ix++;
        while (y->lab[iy] != bat[i])
            iy++;
        px[q] = ix;
        py[q++] = iy;
        B *= size[bat[i]];
        out_shape[on] = size[bat[i]];
        out_lab[on++] = bat[i];
    }
    int qx = q, qy = q;
    for (int i = 0; i < nxo; i++) {
        int ix = 0;
        while (x->lab[ix] != xo[i])
            ix++;
        px[qx++] = ix;
        M *= x->arr->shape[ix];
        out_shape[on] = x->arr->shape[ix];
        out_lab[on++] = xo[i];
    }
    for (int i = 0; i < ns; i++) {
        int ix = 0, iy = 0;
        while (x->lab[ix] != sum[i])
            ix++;
        while (y->lab[iy] != sum[i])
            iy++;
        px[qx++] = ix;
        py[qy++] = iy;
        K *= size[sum[i]];
    }
    for (int i = 0; i < nyo; i++) {
        int iy = 0;
        while (y->lab[iy] != yo[i])
            iy++;
        py[qy++] = iy;
        N *= y->arr->shape[iy];
        out_shape[on] = y->arr->shape[iy];
        out_lab[on++] = yo[i];
    }

    NdArray *bx = nd_broadcast_to(x->arr, x->n, shx);
    NdArray *by = bx ? nd_broadcast_to(y->arr, y->n, shy) : NULL;
    NdArray *tx = by ? nd_transpose(bx, px, x->n) : NULL;
    NdArray *ty = tx ? nd_transpose(by, py, y->n) : NULL;
    nd_decref(bx);
    nd_decref(by);
    int64_t s3x[3] = {B, M, K}, s3y[3] = {B, K, N};
    NdArray *x3 = ty ? nd_reshape(tx, 3, s3x, 'C') : NULL;
    NdArray *y3 = x3 ? nd_reshape(ty, 3, s3y, 'C') : NULL;
    nd_decref(tx);
    nd_decref(ty);
    NdArray *r = y3 ? nd_matmul(x3, y3) : NULL;
    nd_decref(x3);
    nd_decref(y3);
    if (!r)
        return -1;
    NdArray *res = nd_reshape(r, on, out_shape, 'C');
    nd_decref(r);
    return term_set(x, res, out_lab, on);
}

/* With one operand NumPy first tries to answer with a view, walking the
 * operand's axes while their labels are all in the output; a repeated
 * label of another size met on that walk is reported as "single operand"
 * (a first size of 0 is not checked there).  True with the error set. */
static bool single_op_mismatch(const Term *t, const char *arrow,
                               const int *lab0, int n0)
{
    bool in_out[NLABELS] = {false};
    if (arrow) {
        for (const char *p = arrow + 2; *p; p++)
            if (is_letter(*p))
                in_out[(unsigned char)*p] = true;
    } else {
        for (int j = 0; j < n0; j++) {
            int c = 0;
            for (int q = 0; q < n0; q++)
                c += lab0[q] == lab0[j];
            in_out[lab0[j]] = c == 1;
        }
    }
    int64_t first[NLABELS];
    for (int l = 0; l < NLABELS; l++)
        first[l] = -1;
    for (int d = 0; d < t->n; d++) {
        const int l = t->lab[d];
        if (l >= ELL)
            continue;
        if (!in_out[l])
            return false;
        const int64_t dim = t->arr->shape[d];
        if (first[l] > 0 && first[l] != dim) {
            nd_error(ND_ERR_VALUE,
                     "dimensions in single operand for collapsing index "
                     "'%c' don't match (%" PRId64 " != %" PRId64 ")",
                     (char)l, first[l], dim);
            return true;
        }
        first[l] = dim;
    }
    return false;
}

/* NumPy's einsum runs one iterator whose axes are the output's labels and
 * then the summed ones in character order; a size mismatch is that
 * iterator's broadcast error, showing each operand (after its diagonals
 * were taken) and its axes in iterator order, "newaxis" where it has none:
 * "(4,1,2)->(4,1,newaxis,2) (3,2,5)->(3,newaxis,5,2) ". */
static void broadcast_error(const Term *t, int nop, const int *out, int no,
                            const int *count)
{
    int iter[NLABELS], ni = 0;
    bool in_out[NLABELS] = {false};
    for (int j = 0; j < no; j++) {
        iter[ni++] = out[j];
        in_out[out[j]] = true;
    }
    for (int l = 0; l < ELL; l++)
        if (count[l] && !in_out[l])
            iter[ni++] = l;
    char buf[4096] = "";
    for (int p = 0; p < nop; p++) {
        const NdArray *a = t[p].arr;
        char sh[256];
        nd_shape_str_compact(sh, sizeof sh, a->ndim, a->shape);
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "%s->(", sh);
        /* NumPy's shape text drops leading newaxes, and writes "(3,)"
         * only when the iterator has one axis. */
        bool lead = true;
        for (int i = 0; i < ni; i++) {
            int j = 0;
            while (j < t[p].n && t[p].lab[j] != iter[i])
                j++;
            if (j == t[p].n && lead)
                continue;
            len = strlen(buf);
            if (j < t[p].n)
                snprintf(buf + len, sizeof buf - len, "%s%" PRId64,
                         lead ? "" : ",", a->shape[j]);
            else
                snprintf(buf + len, sizeof buf - len, ",newaxis");
            lead = false;
        }
        len = strlen(buf);
        if (ni == 1 && !lead)
            snprintf(buf + len, sizeof buf - len, ",");
        len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, ") ");
    }
    nd_error(ND_ERR_VALUE,
             "operands could not be broadcast together with remapped "
             "shapes [original->remapped]: %s",
             buf);
}

NdArray *nd_einsum(const char *subscripts, int nop, NdArray *const *ops)
{
    if (nop < 1) {
        nd_error(ND_ERR_VALUE, "must specify the einstein sum subscripts "
                               "string and at least one operand");
        return NULL;
    }
    const char *arrow = strstr(subscripts, "->");
    size_t in_len = arrow ? (size_t)(arrow - subscripts) : strlen(subscripts);
    /* Any '-' or '>' not forming the one arrow is an invalid subscript. */
    for (const char *p = subscripts; *p; p++)
        if ((*p == '-' || *p == '>') && !(p == arrow || p == arrow + 1)) {
            nd_error(ND_ERR_VALUE,
                     "invalid subscript '%c' in einstein sum subscripts "
                     "string, subscripts must be letters",
                     *p);
            return NULL;
        }

    /* Count the terms before anything else. */
    int nterms = 1;
    for (size_t i = 0; i < in_len; i++)
        if (subscripts[i] == ',')
            nterms++;
    /* NumPy's texts, which read backwards: its parser reports a comma
     * after the last operand's term as "more operands", a string that
     * ends before the operands do as "fewer". */
    if (nterms > nop) {
        nd_error(ND_ERR_VALUE, "more operands provided to einstein sum "
                               "function than specified in the subscripts "
                               "string");
        return NULL;
    }
    if (nterms < nop) {
        nd_error(ND_ERR_VALUE, "fewer operands provided to einstein sum "
                               "function than specified in the subscripts "
                               "string");
        return NULL;
    }

    Term *t = nd_calloc((size_t)nop, sizeof *t);
    if (!t)
        return NULL;
    int nt = 0;
    int ndell = 0; /* the broadcast ellipsis rank */
    NdArray *res = NULL;
    const char *s = subscripts;
    /* Parse each term against its operand's rank. */
    int(*lt)[ND_MAXDIMS] = nd_malloc((size_t)nop * sizeof *lt);
    int *nl = nd_malloc((size_t)nop * sizeof *nl);
    int *ep = nd_malloc((size_t)nop * sizeof *ep);
    if (!lt || !nl || !ep)
        goto done;
    for (int i = 0; i < nop; i++) {
        const char *e = s;
        while (e < subscripts + in_len && *e != ',')
            e++;
        nl[i] = parse_term(s, (size_t)(e - s), i, false, lt[i], &ep[i]);
        if (nl[i] < 0)
            goto done;
        int nd = ops[i]->ndim;
        if (nl[i] > nd) {
            nd_error(ND_ERR_VALUE,
                     "einstein sum subscripts string contains "
                     "too many subscripts for operand %d",
                     i);
            goto done;
        }
        if (ep[i] < 0 && nl[i] < nd) {
            nd_error(ND_ERR_VALUE,
                     "operand has more dimensions than subscripts given in "
                     "einstein sum, but no '...' ellipsis provided to "
                     "broadcast the extra dimensions.");
            goto done;
        }
        if (nd - nl[i] > ndell)
            ndell = nd - nl[i];
        s = e + 1;
    }

    /* Common dtype; each operand cast to it, its axes labelled. */
    NdType dt = ops[0]->dtype;
    for (int i = 1; i < nop; i++)
        dt = nd_promote_types(dt, ops[i]->dtype);
    for (int i = 0; i < nop; i++) {
        NdArray *c = nd_astype(ops[i], dt, ND_CAST_UNSAFE, false);
        if (!c)
            goto done;
        NdArray *sc = strong(c);
        nd_decref(c);
        if (!sc)
            goto done;
        Term *x = &t[nt++];
        x->arr = sc;
        x->n = sc->ndim;
        int e = sc->ndim - nl[i], q = 0;
        for (int j = 0; j <= nl[i]; j++) {
            if (j == ep[i])
                for (int z = 0; z < e; z++)
                    x->lab[q++] = ELL + (ndell - e) + z;
            if (j < nl[i])
                x->lab[q++] = lt[i][j];
        }
    }

    /* Label sizes: equal, or 1 (broadcast).  A mismatch is reported after
     * the output subscripts are checked, as NumPy's iterator does. */
    bool mismatch = false;
    int64_t size[NLABELS];
    int count[NLABELS];
    for (int l = 0; l < NLABELS; l++) {
        size[l] = -1;
        count[l] = 0;
    }
    if (nop == 1 && single_op_mismatch(&t[0], arrow, lt[0], nl[0]))
        goto done;
    for (int i = 0; i < nop; i++) {
        if (take_diagonals(&t[i], i) < 0)
            goto done;
    }
    for (int i = 0; i < nop; i++) {
        for (int j = 0; j < t[i].n; j++) {
            int l = t[i].lab[j];
            int64_t d = t[i].arr->shape[j];
            count[l]++;
            if (size[l] < 0 || size[l] == 1)
                size[l] = d;
            else if (d != 1 && d != size[l])
                mismatch = true;
        }
    }
    /* Labels counted in the original terms (before diagonals) decide the
     * implicit output: those written exactly once. */
    int once[NLABELS] = {0};
    for (int i = 0; i < nop; i++)
        for (int j = 0; j < nl[i]; j++)
            once[lt[i][j]]++;

    int out[ND_MAXDIMS], no = 0;
    if (arrow) {
        int olab[ND_MAXDIMS], oell;
        const char *os = arrow + 2;
        int n = parse_term(os, strlen(os), 0, true, olab, &oell);
        if (n < 0)
            goto done;
        bool seen[NLABELS] = {false};
        for (int j = 0; j < n; j++) {
            if (seen[olab[j]]) {
                nd_error(ND_ERR_VALUE,
                         "einstein sum subscripts string includes output "
                         "subscript '%c' multiple times",
                         (char)olab[j]);
                goto done;
            }
            seen[olab[j]] = true;
            if (!count[olab[j]]) {
                nd_error(ND_ERR_VALUE,
                         "einstein sum subscripts string included output "
                         "subscript '%c' which never appeared in an input",
                         (char)olab[j]);
                goto done;
            }
        }
        if (oell < 0 && ndell > 0) {
            nd_error(ND_ERR_VALUE,
                     "output has more dimensions than subscripts given in "
                     "einstein sum, but no '...' ellipsis provided to "
                     "broadcast the extra dimensions.");
            goto done;
        }
        if (n + (oell >= 0 ? ndell : 0) > ND_MAXDIMS) {
            nd_error(ND_ERR_VALUE, "too many subscripts in einsum");
            goto done;
        }
        for (int j = 0; j <= n; j++) {
            if (j == oell)
                for (int z = 0; z < ndell; z++)
                    out[no++] = ELL + z;
            if (j < n)
                out[no++] = olab[j];
        }
    } else {
        for (int z = 0; z < ndell; z++)
            out[no++] = ELL + z;
        for (int l = 0; l < ELL; l++)
            if (once[l] == 1) {
                if (no >= ND_MAXDIMS) {
                    nd_error(ND_ERR_VALUE, "too many subscripts in einsum");
                    goto done;
                }
                out[no++] = l;
            }
    }

    if (mismatch) {
        broadcast_error(t, nop, out, no, count);
        goto done;
    }

    /* Contract left to right; a label stays while the output or a later
     * operand needs it. */
    bool keep[NLABELS];
    for (int i = 0; i < nop; i++) {
        for (int l = 0; l < NLABELS; l++)
            keep[l] = false;
        for (int j = 0; j < no; j++)
            keep[out[j]] = true;
        for (int p = i + 1; p < nop; p++)
            for (int j = 0; j < t[p].n; j++)
                keep[t[p].lab[j]] = true;
        if (i == 0) {
            if (sum_unneeded(&t[0], keep) < 0)
                goto done;
        } else if (contract_pair(&t[0], &t[i], keep, size) < 0) {
            goto done;
        }
    }

    /* Output order; a label of size 1 here but larger overall (broadcast
     * against an operand whose axis was summed away) spreads out. */
    {
        int64_t perm[ND_MAXDIMS], shape[ND_MAXDIMS];
        for (int j = 0; j < no; j++) {
            int p = 0;
            while (t[0].lab[p] != out[j])
                p++;
            perm[j] = p;
            shape[j] = size[out[j]];
        }
        NdArray *r = nd_transpose(t[0].arr, perm, no);
        if (r) {
            bool same = true;
            for (int j = 0; j < no; j++)
                same = same && r->shape[j] == shape[j];
            if (same) {
                res = r;
            } else {
                NdArray *b = nd_broadcast_to(r, no, shape);
                nd_decref(r);
                res = b ? nd_copy(b, 'C') : NULL;
                nd_decref(b);
            }
        }
    }
done:
    terms_free(t, nt);
    free(t);
    free(lt);
    free(nl);
    free(ep);
    return res;
}
