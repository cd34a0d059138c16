/* matmul.c — matrix products with NumPy's matmul rules: operands promoted to
 * a common dtype, 1-d operands treated as a row (left) or a column (right)
 * whose added axis is removed from the result, stack dimensions broadcast,
 * and NumPy's exact error texts.  The product itself is a plain
 * cache-blocked loop for every dtype whose sums run over k in order, so
 * each element equals the naive dot product bit for bit; a later change
 * routes float and complex through BLAS. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "nd.h"

#define SIGNATURE "(n?,k),(k,m?)->(n?,m?)"

/* Blocks sized so a block row of A, a block of B and a block row of C stay
 * in L1/L2 cache together for 16-byte elements. */
enum { BLOCK_I = 32, BLOCK_K = 128, BLOCK_J = 256 };

/* gcc's -O2 cost model vectorises no loop that needs an epilogue; `omp
 * simd` lifts that for the innermost loop, whose elements are independent
 * (C is a fresh array, never an operand). */
#ifdef _OPENMP
#define SIMD _Pragma("omp simd")
#else
#define SIMD
#endif

/* C (n x m) = A (n x k) @ B (k x m), all C-contiguous, aligned.  The loop
 * order i-k-j walks B and C by rows; k blocks go in increasing order, so
 * every C[i][j] is accumulated as ((0 + a0*b0) + a1*b1) + ... */
#define DEF_MATMUL(sfx, T, W, ZERO, MAC)                                       \
    static void mm_##sfx(const T *a, const T *b, T *c, int64_t n, int64_t k,   \
                         int64_t m)                                            \
    {                                                                          \
        for (int64_t i = 0; i < n * m; i++)                                    \
            c[i] = ZERO;                                                       \
        for (int64_t i0 = 0; i0 < n; i0 += BLOCK_I) {                          \
            int64_t i1 = i0 + BLOCK_I < n ? i0 + BLOCK_I : n;                  \
            for (int64_t p0 = 0; p0 < k; p0 += BLOCK_K) {                      \
                int64_t p1 = p0 + BLOCK_K < k ? p0 + BLOCK_K : k;              \
                for (int64_t j0 = 0; j0 < m; j0 += BLOCK_J) {                  \
                    int64_t j1 = j0 + BLOCK_J < m ? j0 + BLOCK_J : m;          \
                    for (int64_t i = i0; i < i1; i++) {                        \
                        T *crow = c + i * m;                                   \
                        for (int64_t p = p0; p < p1; p++) {                    \
                            const T av = a[i * k + p];                         \
                            const T *brow = b + p * m;                         \
                            SIMD for (int64_t j = j0; j < j1; j++)             \
                                MAC(crow[j], av, brow[j], T, W);               \
                        }                                                      \
                    }                                                          \
                }                                                              \
            }                                                                  \
        }                                                                      \
    }

/* Multiply-accumulate per kind (T the element type, W the type the
 * arithmetic runs in): integers wrap through an unsigned W, so no signed
 * overflow; bool is or-of-and as NumPy's '??->?' loop. */
#define MAC_BOOL(c, a, b, T, W) ((c) = (T)((c) || ((a) && (b))))
#define MAC_INT(c, a, b, T, W) ((c) = (T)((W)(c) + (W)(a) * (W)(b)))
#define MAC_REAL(c, a, b, T, W) ((c) = (c) + (a) * (b))
#define MAC_CPX(c, a, b, T, W)                                                 \
    do {                                                                       \
        (c).re = (c).re + ((a).re * (b).re - (a).im * (b).im);                 \
        (c).im = (c).im + ((a).re * (b).im + (a).im * (b).re);                 \
    } while (0)

/* X(sfx, T, W, ZERO, MAC, NDT) */
#define MATMUL_TYPES(X)                                                        \
    X(b1, unsigned char, unsigned, 0, MAC_BOOL, ND_BOOL)                       \
    X(i8, int8_t, unsigned, 0, MAC_INT, ND_INT8)                               \
    X(u8, uint8_t, unsigned, 0, MAC_INT, ND_UINT8)                             \
    X(i16, int16_t, unsigned, 0, MAC_INT, ND_INT16)                            \
    X(u16, uint16_t, unsigned, 0, MAC_INT, ND_UINT16)                          \
    X(i32, int32_t, uint32_t, 0, MAC_INT, ND_INT32)                            \
    X(u32, uint32_t, uint32_t, 0, MAC_INT, ND_UINT32)                          \
    X(i64, int64_t, uint64_t, 0, MAC_INT, ND_INT64)                            \
    X(u64, uint64_t, uint64_t, 0, MAC_INT, ND_UINT64)                          \
    X(f32, float, float, 0, MAC_REAL, ND_FLOAT32)                              \
    X(f64, double, double, 0, MAC_REAL, ND_FLOAT64)                            \
    X(c64, nd_complex64, float, ((nd_complex64){0, 0}), MAC_CPX, ND_COMPLEX64) \
    X(c128, nd_complex128, double, ((nd_complex128){0, 0}), MAC_CPX,           \
      ND_COMPLEX128)

#define X_DEF(sfx, T, W, ZERO, MAC, NDT) DEF_MATMUL(sfx, T, W, ZERO, MAC)
MATMUL_TYPES(X_DEF)

static void matmul_block(NdType t, const char *a, const char *b, char *c,
                         int64_t n, int64_t k, int64_t m)
{
    switch (t) {
#define X_CASE(sfx, T, W, ZERO, MAC, NDT)                                      \
    case NDT:                                                                  \
        mm_##sfx((const T *)(const void *)a, (const T *)(const void *)b,       \
                 (T *)(void *)c, n, k, m);                                     \
        break;
        MATMUL_TYPES(X_CASE)
#undef X_CASE
    default:
        break;
    }
}

/* Append "(2,4,3)" (NumPy's tuple without spaces) to buf. */
static void fmt_shape(char *buf, size_t size, int ndim, const int64_t *shape)
{
    size_t len = strlen(buf);
    len += (size_t)snprintf(buf + len, size - len, "(");
    for (int i = 0; i < ndim && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%" PRId64,
                                i ? "," : "", shape[i]);
    if (len < size)
        snprintf(buf + len, size - len, ")");
}

/* NumPy's gufunc broadcast error: each operand's shape and its stack part
 * with the core axes shown as newaxis, then the output core shape. */
static int broadcast_error(const NdArray *a, const NdArray *b, int64_t n,
                           int64_t m)
{
    char buf[4096] = "";
    const NdArray *ops[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        const NdArray *x = ops[i];
        fmt_shape(buf, sizeof buf, x->ndim, x->shape);
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "->");
        len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "(");
        for (int d = 0; d < x->ndim - 2; d++) {
            len = strlen(buf);
            snprintf(buf + len, sizeof buf - len, "%" PRId64 ",", x->shape[d]);
        }
        len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "newaxis,newaxis) ");
    }
    int64_t core[2] = {n, m};
    size_t len = strlen(buf);
    snprintf(buf + len, sizeof buf - len, " and requested shape ");
    fmt_shape(buf, sizeof buf, 2, core);
    return nd_error(ND_ERR_VALUE,
                    "operands could not be broadcast together with remapped "
                    "shapes [original->remapped]: %s",
                    buf);
}

/* A C-contiguous, aligned array of dtype t holding x's values (x itself
 * when it already is one). */
static NdArray *as_dense(NdArray *x, NdType t)
{
    NdArray *c = nd_astype(x, t, ND_CAST_UNSAFE, false);
    if (!c)
        return NULL;
    size_t align = nd_dtype_size(t) > 8 ? 8 : nd_dtype_size(t);
    if ((c->flags & ND_C_CONTIGUOUS) && (uintptr_t)c->data % align == 0)
        return c;
    NdArray *d = nd_copy(c, 'C');
    nd_decref(c);
    return d;
}

NdArray *nd_matmul(NdArray *a, NdArray *b)
{
    if (a->ndim == 0 || b->ndim == 0) {
        nd_error(ND_ERR_VALUE,
                 "matmul: Input operand %d does not have enough dimensions "
                 "(has 0, gufunc core with signature " SIGNATURE " requires 1)",
                 a->ndim == 0 ? 0 : 1);
        return NULL;
    }

    const bool a_vec = a->ndim == 1, b_vec = b->ndim == 1;
    const int64_t n = a_vec ? 1 : a->shape[a->ndim - 2];
    const int64_t k = a->shape[a->ndim - 1];
    const int64_t kb = b_vec ? b->shape[0] : b->shape[b->ndim - 2];
    const int64_t m = b_vec ? 1 : b->shape[b->ndim - 1];
    if (k != kb) {
        nd_error(ND_ERR_VALUE,
                 "matmul: Input operand 1 has a mismatch in its core "
                 "dimension 0, with gufunc signature " SIGNATURE
                 " (size %" PRId64 " is different from %" PRId64 ")",
                 kb, k);
        return NULL;
    }

    /* Stack dimensions, right-aligned as in broadcasting. */
    const int a_st = a_vec ? 0 : a->ndim - 2, b_st = b_vec ? 0 : b->ndim - 2;
    const int nst = a_st > b_st ? a_st : b_st;
    int64_t stack[ND_MAXDIMS];
    for (int d = 0; d < nst; d++) {
        int64_t da = d >= nst - a_st ? a->shape[d - (nst - a_st)] : 1;
        int64_t db = d >= nst - b_st ? b->shape[d - (nst - b_st)] : 1;
        if (da != db && da != 1 && db != 1) {
            broadcast_error(a, b, n, m);
            return NULL;
        }
        stack[d] = da == 1 ? db : da;
    }

    int64_t out_shape[ND_MAXDIMS];
    int out_ndim = 0;
    for (int d = 0; d < nst; d++)
        out_shape[out_ndim++] = stack[d];
    if (!a_vec)
        out_shape[out_ndim++] = n;
    if (!b_vec)
        out_shape[out_ndim++] = m;

    const NdType t = nd_promote_types(a->dtype, b->dtype);
    NdArray *out = nd_empty(t, out_ndim, out_shape, 'C');
    if (!out)
        return NULL;
    if (out->size == 0)
        return out;

    NdArray *ad = as_dense(a, t);
    NdArray *bd = ad ? as_dense(b, t) : NULL;
    if (!bd) {
        nd_decref(ad);
        nd_decref(out);
        return NULL;
    }

    /* Byte strides of each operand's stack axes (0 where broadcast). */
    const size_t item = nd_dtype_size(t);
    const int64_t a_mat = n * k * (int64_t)item, b_mat = k * m * (int64_t)item;
    const int64_t c_mat = n * m * (int64_t)item;
    int64_t a_str[ND_MAXDIMS], b_str[ND_MAXDIMS];
    {
        int64_t sa = a_mat, sb = b_mat;
        for (int d = nst - 1; d >= 0; d--) {
            int64_t da = d >= nst - a_st ? a->shape[d - (nst - a_st)] : 1;
            int64_t db = d >= nst - b_st ? b->shape[d - (nst - b_st)] : 1;
            a_str[d] = da == 1 ? 0 : sa;
            b_str[d] = db == 1 ? 0 : sb;
            sa *= da;
            sb *= db;
        }
    }

    const bool fp = nd_dtype_kind(t) == ND_KIND_FLOAT ||
                    nd_dtype_kind(t) == ND_KIND_COMPLEX;
    if (fp)
        nd_fpe_hw_clear();
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t oa = 0, ob = 0, oc = 0;
    for (;;) {
        matmul_block(t, ad->data + oa, bd->data + ob, out->data + oc, n, k, m);
        oc += c_mat;
        /* Odometer over the stack axes. */
        int d = nst - 1;
        for (; d >= 0; d--) {
            oa += a_str[d];
            ob += b_str[d];
            if (++idx[d] < stack[d])
                break;
            oa -= a_str[d] * stack[d];
            ob -= b_str[d] * stack[d];
            idx[d] = 0;
        }
        if (d < 0)
            break;
    }
    if (fp)
        nd_fpe_hw_collect("matmul");

    nd_decref(ad);
    nd_decref(bd);
    return out;
}
