/* ma.c — the builtin module `ma` (np.ma too): NumPy's masked arrays.
 *
 * A MaskedArray is a native kind holding two libnd arrays: the data (any
 * dtype) and a bool mask of the same shape, or no mask at all (NumPy's
 * `nomask`: every element valid, the cheap common case).  Operators,
 * ufunc calls (log(m), through the ufunc hook of NativeType), indexing,
 * reductions and printing follow numpy.ma: masks propagate through
 * arithmetic, invalid results of domained operations (log of a negative,
 * division by zero, sqrt of a negative) are masked and keep the original
 * data underneath, reductions skip masked elements, and printing shows
 * `--` where an element is masked.  `ma.masked` is a singleton of its own
 * kind (MaskedConstant): a 0-d float64 masked element, what indexing a
 * masked element returns and what assigning masks an element.
 *
 * Everything is built on libnd arrays: the mask logic is a few ufunc
 * calls, reductions pass `where=~mask` to lib/reduce.c, and printing
 * reuses libnd's own formatting when there is no mask.  When there is one
 * NumPy prints the elements as Python objects (repr of each, no padding),
 * which the small layout engine below reproduces (NumPy's _formatArray). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

typedef struct MaObj {
    NativeObj h;
    NdArray *data; /* never NULL */
    NdArray *mask; /* bool, data's shape; NULL = nomask */
    NdScalar fill; /* fill_value when has_fill */
    bool has_fill;
} MaObj;

static bool is_ma(Value v)
{
    return v.kind == VK_OBJECT &&
           (native_type(v) == &ma_type || native_type(v) == &ma_const_type);
}

static MaObj *MA(Value v)
{
    return (MaObj *)v.as.obj;
}

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

/* A borrowed array as a Value (no reference taken). */
static Value aval(NdArray *a)
{
    Value v = {.kind = VK_ARRAY};
    v.as.array = a;
    return v;
}

static void ma_finalize(Obj *o)
{
    MaObj *m = (MaObj *)o;
    nd_decref(m->data);
    nd_decref(m->mask);
}

/* A new masked array taking over `data` and `mask` (NULL: nomask); the
 * fill value is copied from `like` when it has one.  NULL data: the
 * pending libnd error. */
static Value ma_take(NdArray *data, NdArray *mask, const MaObj *like)
{
    if (!data) {
        nd_decref(mask);
        return rt_from_lib();
    }
    Value v = native_new(&ma_type);
    if (v_is_err(v)) {
        nd_decref(data);
        nd_decref(mask);
        return v;
    }
    MaObj *m = MA(v);
    m->data = data;
    m->mask = mask;
    if (like && like->has_fill) {
        m->fill = like->fill;
        m->has_fill = true;
    }
    return v;
}

/* ma.masked: made once, kept for the process (identity: `x is masked`). */
static Value masked_singleton;

static Value masked_value(void)
{
    if (masked_singleton.kind != VK_OBJECT) {
        NdScalar zero = nd_scalar_float64(0.0), yes = nd_scalar_bool(true);
        NdArray *d = nd_from_scalar(&zero);
        NdArray *k = nd_from_scalar(&yes);
        if (!d || !k) {
            nd_decref(d);
            nd_decref(k);
            return rt_from_lib();
        }
        Value v = native_new(&ma_const_type);
        if (v_is_err(v)) {
            nd_decref(d);
            nd_decref(k);
            return v;
        }
        MA(v)->data = d;
        MA(v)->mask = k;
        masked_singleton = v;
    }
    v_incref(masked_singleton);
    return masked_singleton;
}

static Value mask_error(int64_t dsize, int64_t msize)
{
    char buf[160];
    snprintf(buf, sizeof buf,
             "Mask and data not compatible: data size is %lld, mask size is "
             "%lld.",
             (long long)dsize, (long long)msize);
    return rt_raise_named("MaskError", buf);
}

/* --------------------------------------------------- quiet computations */

/* numpy.ma computes under errstate(divide='ignore', invalid='ignore') and
 * masks what went wrong, so the events of its inner computations must not
 * reach the statement's warnings: save the status word and the recorded
 * warnings, and put them back afterwards. */
typedef struct Quiet {
    unsigned status;
    const char *origin[4];
    char *warn[8];
    int nwarn;
} Quiet;

static void quiet_begin(Quiet *q)
{
    q->status = nd_fpe_status();
    for (int k = 0; k < 4; k++)
        q->origin[k] = (q->status & (1u << k)) ? nd_fpe_origin(1u << k) : NULL;
    q->nwarn = 0;
    for (const char *w; q->nwarn < 8 && (w = nd_warning(q->nwarn));)
        q->warn[q->nwarn++] = rt_strdup(w);
}

static void quiet_end(Quiet *q)
{
    nd_fpe_clear();
    for (int k = 0; k < 4; k++)
        if (q->status & (1u << k))
            nd_fpe_raise(1u << k, q->origin[k] ? q->origin[k] : "");
    nd_warnings_clear();
    for (int i = 0; i < q->nwarn; i++) {
        if (q->warn[i])
            nd_warn(q->warn[i]);
        free(q->warn[i]);
    }
}

/* ------------------------------------------------------- mask helpers */

/* v as data + mask: a masked array's own (new references), or asarray of
 * anything else with no mask.  -1 with the exception pending. */
static int parts(Value v, NdArray **data, NdArray **mask)
{
    if (is_ma(v)) {
        *data = nd_incref(MA(v)->data);
        *mask = MA(v)->mask ? nd_incref(MA(v)->mask) : NULL;
        return 0;
    }
    *mask = NULL;
    *data = value_to_array(v, ND_NTYPES);
    return *data ? 0 : -1;
}

/* A writable C-order copy of m broadcast to the shape; NULL stays NULL. */
static int mask_to_shape(NdArray **m, int ndim, const int64_t *shape)
{
    if (!*m)
        return 0;
    NdArray *b = nd_broadcast_to(*m, ndim, shape);
    NdArray *c = b ? nd_copy(b, 'C') : NULL;
    nd_decref(b);
    nd_decref(*m);
    *m = c;
    return c ? 0 : -1;
}

/* m1 | m2 with NULL as nomask; the result is new (or NULL). */
static int mask_or(NdArray *m1, NdArray *m2, NdArray **out)
{
    *out = NULL;
    if (!m1 && !m2)
        return 0;
    if (!m1 || !m2) {
        *out = nd_incref(m1 ? m1 : m2);
        return 0;
    }
    *out = nd_binary(ND_UF_LOGICAL_OR, m1, m2);
    return *out ? 0 : -1;
}

static bool any_true(NdArray *m)
{
    return m && nd_index_count_true(m) > 0;
}

/* ~m as a new array (all true for nomask of the given array's shape). */
static NdArray *valid_of(NdArray *data, NdArray *mask)
{
    if (mask)
        return nd_unary(ND_UF_LOGICAL_NOT, mask);
    NdScalar t = nd_scalar_bool(true);
    return nd_full(ND_BOOL, data->ndim, data->shape, &t, 'C');
}

/* r[m] = src (src broadcast to r's shape), unsafe cast. */
static int put_where(NdArray *r, NdArray *m, NdArray *src)
{
    NdArray *b = nd_broadcast_to(src, r->ndim, r->shape);
    if (!b)
        return -1;
    NdArray *c = nd_astype(b, r->dtype, ND_CAST_UNSAFE, true);
    nd_decref(b);
    if (!c)
        return -1;
    int rc = nd_putmask(r, m, c);
    nd_decref(c);
    return rc;
}

/* A 0-d result: `masked` when its mask is set, else the scalar. */
static Value scalar_or_masked(NdArray *r, NdArray *m)
{
    if (m && any_true(m)) {
        nd_decref(r);
        return masked_value();
    }
    return bi_result(r);
}

/* ------------------------------------------------------ default fills */

/* NumPy's default_fill_value: True, 999999, 1e+20, 1e+20+0j. */
static NdScalar default_fill(NdType t)
{
    switch (nd_dtype_kind(t)) {
    case ND_KIND_BOOL:
        return nd_scalar_bool(true);
    case ND_KIND_INT:
    case ND_KIND_UINT:
        return nd_scalar_int64(999999);
    case ND_KIND_FLOAT:
        return nd_scalar_float64(1e20);
    default:
        return nd_scalar_complex128(1e20, 0);
    }
}

/* The fill value of m as a scalar of its dtype (defaults of int kinds stay
 * 999999 as int64, as NumPy 1.24 shows them). */
static NdScalar fill_of(const MaObj *m)
{
    NdType t = m->data->dtype;
    NdScalar s = m->has_fill ? m->fill : default_fill(t), c;
    if (!m->has_fill &&
        (nd_dtype_kind(t) == ND_KIND_INT || nd_dtype_kind(t) == ND_KIND_UINT))
        return s;
    if (nd_scalar_cast(&s, t, &c) < 0)
        return s;
    return c;
}

/* The smallest / largest value of a dtype (minimum_fill_value and
 * maximum_fill_value of NumPy: what min/argmin fill masked places with). */
static NdScalar extreme(NdType t, bool largest)
{
    NdScalar s = {.dtype = t};
    switch (t) {
    case ND_BOOL:
        s.v.b = largest;
        break;
    case ND_INT8:
        s.v.i8 = largest ? INT8_MAX : INT8_MIN;
        break;
    case ND_INT16:
        s.v.i16 = largest ? INT16_MAX : INT16_MIN;
        break;
    case ND_INT32:
        s.v.i32 = largest ? INT32_MAX : INT32_MIN;
        break;
    case ND_INT64:
        s.v.i64 = largest ? INT64_MAX : INT64_MIN;
        break;
    case ND_UINT8:
        s.v.u8 = largest ? UINT8_MAX : 0;
        break;
    case ND_UINT16:
        s.v.u16 = largest ? UINT16_MAX : 0;
        break;
    case ND_UINT32:
        s.v.u32 = largest ? UINT32_MAX : 0;
        break;
    case ND_UINT64:
        s.v.u64 = largest ? UINT64_MAX : 0;
        break;
    case ND_FLOAT32:
        s.v.f32 = largest ? INFINITY : -INFINITY;
        break;
    case ND_COMPLEX64:
        s.v.c64.re = largest ? INFINITY : -INFINITY;
        break;
    case ND_COMPLEX128:
        s.v.c128.re = largest ? INFINITY : -INFINITY;
        break;
    default:
        s.v.f64 = largest ? INFINITY : -INFINITY;
        break;
    }
    return s;
}

/* A copy of data with the masked places set to s (data itself, new
 * reference, when there is no mask). */
static NdArray *filled_with(NdArray *data, NdArray *mask, const NdScalar *s)
{
    if (!mask)
        return nd_incref(data);
    NdArray *c = nd_copy(data, 'C');
    NdArray *f = c ? nd_from_scalar(s) : NULL;
    if (!f || put_where(c, mask, f) < 0) {
        nd_decref(c);
        nd_decref(f);
        return NULL;
    }
    nd_decref(f);
    return c;
}

/* ------------------------------------------------------------ creation */

/* A mask argument as a bool array fitted to data's shape (MaskError when
 * the sizes differ and the mask is not a single value). */
static int mask_arg(Value mv, NdArray *data, NdArray **out)
{
    *out = NULL;
    NdArray *m;
    if (is_ma(mv)) {
        NdScalar no = nd_scalar_bool(false);
        m = filled_with(MA(mv)->data, MA(mv)->mask, &no);
    } else {
        m = value_to_array(mv, ND_NTYPES);
        if (!m)
            return -1;
    }
    if (!m)
        return rt_fail_from_lib();
    NdArray *b = nd_astype(m, ND_BOOL, ND_CAST_UNSAFE, true);
    nd_decref(m);
    if (!b)
        return rt_fail_from_lib();
    bool same = b->ndim == data->ndim &&
                !memcmp(b->shape, data->shape, sizeof(int64_t) * data->ndim);
    if (!same) {
        NdArray *r;
        if (b->size == data->size)
            r = nd_reshape(b, data->ndim, data->shape, 'C');
        else if (b->size == 1) {
            NdScalar s;
            nd_item(b, &s);
            r = nd_full(ND_BOOL, data->ndim, data->shape, &s, 'C');
        } else {
            int64_t ms = b->size;
            nd_decref(b);
            mask_error(data->size, ms);
            return -1;
        }
        nd_decref(b);
        if (!r)
            return rt_fail_from_lib();
        b = r;
        /* A reshape may be a view of the caller's array: own it. */
        NdArray *c = nd_copy(b, 'C');
        nd_decref(b);
        if (!c)
            return rt_fail_from_lib();
        b = c;
    }
    *out = b;
    return 0;
}

/* ma.nomask is NumPy's np.False_: a strong False. */
static bool is_nomask(Value v)
{
    return v.kind == VK_UNSET ||
           (v.kind == VK_SCALAR && v.dtype == ND_BOOL && !v.weak && !v.as.b);
}

/* fill_value= argument: a scalar (kept as given, cast when used). */
static int fill_arg(Value v, MaObj *m)
{
    if (!given(v))
        return 0;
    NdArray *a = value_to_array(v, ND_NTYPES);
    if (!a)
        return -1;
    NdScalar s;
    int rc = a->size == 1 ? nd_item(a, &s) : -1;
    nd_decref(a);
    if (rc < 0)
        return rt_fail(ERR_TYPE, "fill_value must be a scalar");
    s.weak = false;
    NdScalar c;
    if (nd_scalar_cast(&s, m->data->dtype, &c) < 0)
        return rt_fail_from_lib();
    m->fill = c;
    m->has_fill = true;
    return 0;
}

/* ma.array(data, dtype=None, copy=False, mask=nomask, fill_value=None,
 * keep_mask=True) */
static Value bi_array(Value *args)
{
    NdArray *data, *mask;
    if (parts(args[0], &data, &mask) < 0)
        return v_error();
    const MaObj *like = is_ma(args[0]) ? MA(args[0]) : NULL;
    if (given(args[1])) {
        NdType t;
        if (value_to_dtype(args[1], &t) < 0) {
            nd_decref(data);
            nd_decref(mask);
            return v_error();
        }
        NdArray *c = nd_astype(data, t, ND_CAST_UNSAFE, false);
        nd_decref(data);
        if (!c) {
            nd_decref(mask);
            return rt_from_lib();
        }
        data = c;
    }
    int cp = args[2].kind == VK_UNSET ? 0 : op_truth(args[2]);
    if (cp < 0) {
        nd_decref(data);
        nd_decref(mask);
        return v_error();
    }
    if (cp) {
        NdArray *c = nd_copy(data, 'C');
        nd_decref(data);
        if (!c) {
            nd_decref(mask);
            return rt_from_lib();
        }
        data = c;
    }
    int keep = args[5].kind == VK_UNSET ? 1 : op_truth(args[5]);
    if (keep < 0) {
        nd_decref(data);
        nd_decref(mask);
        return v_error();
    }
    if (!keep) {
        nd_decref(mask);
        mask = NULL;
    } else if (mask) {
        /* The new array must not share the old one's mask. */
        NdArray *c = nd_copy(mask, 'C');
        nd_decref(mask);
        mask = c;
        if (!c) {
            nd_decref(data);
            return rt_from_lib();
        }
    }
    if (!is_nomask(args[3])) {
        NdArray *m;
        if (mask_arg(args[3], data, &m) < 0) {
            nd_decref(data);
            nd_decref(mask);
            return v_error();
        }
        NdArray *o;
        if (mask_or(mask, m, &o) < 0) {
            nd_decref(data);
            nd_decref(mask);
            nd_decref(m);
            return rt_from_lib();
        }
        nd_decref(mask);
        nd_decref(m);
        mask = o;
    }
    Value r = ma_take(data, mask, like);
    if (!v_is_err(r) && fill_arg(args[4], MA(r)) < 0) {
        v_decref(r);
        return v_error();
    }
    return r;
}

/* ------------------------------------------------------------ printing */

/* NumPy's _formatArray over element strings: brackets, separators, line
 * wrapping at the line width and summarisation with "...". */
typedef struct Lay {
    const NdArray *data;
    const NdArray *mask; /* masked-data mode: '--' where set */
    bool mask_mode;      /* print the mask itself (" True"/"False") */
    const char *sep;
    bool summary;
    int edge;
    int64_t idx[ND_MAXDIMS];
} Lay;

static void lay_elem(Lay *L, char *buf, size_t n)
{
    const NdArray *a = L->mask_mode ? L->mask : L->data;
    if (!L->mask_mode && L->mask &&
        *(const bool *)nd_element_ptr(L->mask, L->idx)) {
        snprintf(buf, n, "--");
        return;
    }
    NdScalar s;
    if (nd_get_item(a, L->idx, &s) < 0) {
        snprintf(buf, n, "?");
        return;
    }
    if (L->mask_mode) {
        snprintf(buf, n, "%s", s.v.b ? (a->ndim ? " True" : "True") : "False");
        return;
    }
    /* NumPy prints masked data as Python objects: float32 becomes a Python
     * float (a double), complex64 a Python complex. */
    NdScalar c = s;
    if (s.dtype == ND_FLOAT32)
        nd_scalar_cast(&s, ND_FLOAT64, &c);
    else if (s.dtype == ND_COMPLEX64)
        nd_scalar_cast(&s, ND_COMPLEX128, &c);
    c.weak = false;
    char *t = nd_scalar_str(&c);
    snprintf(buf, n, "%s", t ? t : "?");
    free(t);
}

static void put_spaces(TextBuf *b, int n)
{
    for (int i = 0; i < n; i++)
        textbuf_putc(b, ' ');
}

static void rstrip_into(TextBuf *s, const TextBuf *line)
{
    int64_t n = line->len;
    while (n > 0 && line->data[n - 1] == ' ')
        n--;
    textbuf_put(s, line->data ? line->data : "", n);
}

static void extend_line(TextBuf *s, TextBuf *line, const char *word, int width,
                        int h)
{
    bool wrap = line->len + (int64_t)strlen(word) > width;
    if (line->len <= h)
        wrap = false;
    if (wrap) {
        rstrip_into(s, line);
        textbuf_putc(s, '\n');
        line->len = 0;
        put_spaces(line, h);
    }
    textbuf_puts(line, word);
}

static void lay_rec(Lay *L, int axis, int h, int width, TextBuf *out);

static void lay_word(Lay *L, int axis, int64_t i, int h, int width,
                     TextBuf *word)
{
    L->idx[axis] = i;
    word->len = 0;
    lay_rec(L, axis + 1, h, width, word);
    textbuf_putc(word, '\0');
    word->len--;
}

static void lay_rec(Lay *L, int axis, int h, int width, TextBuf *out)
{
    const NdArray *a = L->data;
    if (axis == a->ndim) {
        char buf[192];
        lay_elem(L, buf, sizeof buf);
        textbuf_puts(out, buf);
        return;
    }
    int nh = h + 1, nw = width - 1;
    int64_t n = a->shape[axis];
    bool show = L->summary && 2 * (int64_t)L->edge < n;
    int64_t lead = show ? L->edge : 0, trail = show ? L->edge : n;
    char seprs[8];
    snprintf(seprs, sizeof seprs, "%s", L->sep);
    for (size_t k = strlen(seprs); k > 0 && seprs[k - 1] == ' '; k--)
        seprs[k - 1] = '\0';
    TextBuf s = {0}, word = {0};
    int left = a->ndim - axis;
    if (left == 1) {
        int sl = (int)strlen(seprs);
        int ew = width - (sl > 1 ? sl : 1);
        TextBuf line = {0};
        put_spaces(&line, h);
        for (int64_t i = 0; i < lead; i++) {
            lay_word(L, axis, i, nh, nw, &word);
            extend_line(&s, &line, word.data, ew, h);
            textbuf_puts(&line, L->sep);
        }
        if (show) {
            extend_line(&s, &line, "...", ew, h);
            textbuf_puts(&line, L->sep);
        }
        for (int64_t i = trail; i > 1; i--) {
            lay_word(L, axis, n - i, nh, nw, &word);
            extend_line(&s, &line, word.data, ew, h);
            textbuf_puts(&line, L->sep);
        }
        lay_word(L, axis, n - 1, nh, nw, &word);
        extend_line(&s, &line, word.data, ew, h);
        textbuf_put(&s, line.data, line.len);
        textbuf_release(&line);
    } else {
        char line_sep[48];
        snprintf(line_sep, sizeof line_sep, "%s", seprs);
        size_t k = strlen(line_sep);
        for (int j = 0; j < left - 1 && k + 1 < sizeof line_sep; j++)
            line_sep[k++] = '\n';
        line_sep[k] = '\0';
        for (int64_t i = 0; i < lead; i++) {
            lay_word(L, axis, i, nh, nw, &word);
            put_spaces(&s, h);
            textbuf_put(&s, word.data, word.len);
            textbuf_puts(&s, line_sep);
        }
        if (show) {
            put_spaces(&s, h);
            textbuf_puts(&s, "...");
            textbuf_puts(&s, line_sep);
        }
        for (int64_t i = trail; i > 1; i--) {
            lay_word(L, axis, n - i, nh, nw, &word);
            put_spaces(&s, h);
            textbuf_put(&s, word.data, word.len);
            textbuf_puts(&s, line_sep);
        }
        lay_word(L, axis, n - 1, nh, nw, &word);
        put_spaces(&s, h);
        textbuf_put(&s, word.data, word.len);
    }
    textbuf_release(&word);
    textbuf_putc(out, '[');
    if (s.len > h)
        textbuf_put(out, s.data + h, s.len - h);
    textbuf_putc(out, ']');
    textbuf_release(&s);
}

/* array2string of the masked data (or of the mask) with a prefix of
 * `plen` characters and NumPy's suffix of `slen`. */
static void layout(TextBuf *out, const NdArray *data, const NdArray *mask,
                   bool mask_mode, const char *sep, int plen, int slen)
{
    NdPrintOptions o;
    nd_get_printoptions(&o);
    if (data->size == 0) {
        textbuf_puts(out, "[]");
        return;
    }
    Lay L = {.data = data,
             .mask = mask,
             .mask_mode = mask_mode,
             .sep = sep,
             .summary = data->size > o.threshold,
             .edge = o.edgeitems};
    lay_rec(&L, 0, plen + 1, o.linewidth - slen, out);
}

/* array2string of unmasked data: libnd's repr laid out as if its prefix
 * were `plen` characters long (wrapping depends only on the room left
 * after the prefix, so the line width is shifted to match). */
static int plain_body(TextBuf *out, NdArray *d, int plen)
{
    if (d->ndim == 0 || d->size == 0) {
        char *s = d->size == 0 ? NULL : nd_array_str(d);
        if (d->size != 0 && !s)
            return rt_fail_from_lib();
        textbuf_puts(out, s ? s : "[]");
        free(s);
        return 0;
    }
    NdPrintOptions o, t;
    nd_get_printoptions(&o);
    t = o;
    t.linewidth = o.linewidth - (plen - 6);
    if (t.linewidth < 1)
        t.linewidth = 1;
    nd_set_printoptions(&t);
    char *r = nd_array_repr(d);
    nd_set_printoptions(&o);
    if (!r)
        return rt_fail_from_lib();
    char *end = strrchr(r, ']');
    const char *p = r + 6; /* "array(" */
    while (end && p <= end) {
        if (*p == '\n') {
            textbuf_putc(out, '\n');
            p++;
            int k = 0;
            while (*p == ' ' && k < 7) {
                p++;
                k++;
            }
            put_spaces(out, plen + 1);
        } else {
            textbuf_putc(out, *p++);
        }
    }
    free(r);
    return 0;
}

static Value ma_str(Value self)
{
    MaObj *m = MA(self);
    if (!m->mask) {
        char *s = nd_array_str(m->data);
        if (!s)
            return rt_from_lib();
        Value v = v_str(s);
        free(s);
        return v;
    }
    TextBuf b = {0};
    layout(&b, m->data, m->mask, false, " ", 0, 0);
    return textbuf_finish(&b);
}

static void put_fill(TextBuf *b, const MaObj *m)
{
    NdScalar f = fill_of(m);
    f.weak = false;
    char *s = nd_scalar_str(&f);
    textbuf_puts(b, s ? s : "?");
    free(s);
}

static bool dtype_implied(NdType t)
{
    return t == ND_INT64 || t == ND_FLOAT64 || t == ND_COMPLEX128 ||
           t == ND_BOOL;
}

static Value ma_repr(Value self)
{
    MaObj *m = MA(self);
    NdArray *d = m->data;
    bool all_masked = m->mask && nd_index_count_true(m->mask) == m->mask->size;
    bool need_dtype = !dtype_implied(d->dtype) || all_masked || d->size == 0;
    const char *keys[4] = {"data", "mask", "fill_value", "dtype"};
    int nkeys = need_dtype ? 4 : 3;
    bool one_row = true;
    for (int k = 0; k + 1 < d->ndim; k++)
        one_row = one_row && d->shape[k] == 1;
    const char *prefix = "masked_array(";
    int indent[4];
    TextBuf b = {0};
    if (one_row) {
        int base = (int)strlen(prefix) + 4; /* len(prefix + "data") */
        indent[0] = 0;
        for (int k = 1; k < nkeys; k++) {
            int n = base - (int)strlen(keys[k]);
            indent[k] = n < 2 ? 2 : n;
        }
        textbuf_puts(&b, prefix);
    } else {
        for (int k = 0; k < nkeys; k++)
            indent[k] = 2;
        textbuf_puts(&b, prefix);
        textbuf_putc(&b, '\n');
    }
    int first_indent = one_row ? (int)strlen(prefix) : 2;
    for (int k = 0; k < nkeys; k++) {
        int ind = k == 0 ? first_indent : indent[k];
        if (k > 0)
            textbuf_puts(&b, ",\n");
        if (k > 0 || !one_row)
            put_spaces(&b, ind);
        textbuf_puts(&b, keys[k]);
        textbuf_putc(&b, '=');
        int plen = ind + (int)strlen(keys[k]) + 1;
        if (k == 0) {
            if (m->mask)
                layout(&b, d, m->mask, false, ", ", plen, 1);
            else if (plain_body(&b, d, plen) < 0) {
                textbuf_release(&b);
                return v_error();
            }
        } else if (k == 1) {
            if (m->mask)
                layout(&b, d, m->mask, true, ", ", plen, 1);
            else
                textbuf_puts(&b, "False");
        } else if (k == 2) {
            put_fill(&b, m);
        } else {
            textbuf_puts(&b, nd_dtype_name(d->dtype));
        }
    }
    textbuf_putc(&b, ')');
    return textbuf_finish(&b);
}

static Value const_str(Value self)
{
    (void)self;
    return v_str("--");
}

static Value const_repr(Value self)
{
    (void)self;
    return v_str("masked");
}

/* ------------------------------------------------- ufuncs and operators */

/* Ufuncs whose invalid results numpy.ma masks (its domained operations:
 * ma.sqrt, ma.log, ..., ma.power).  log1p and reciprocal have no masked
 * version in numpy.ma: np.log1p(m) leaves -inf and nan unmasked. */
static bool domained(NdUfuncId id)
{
    switch (id) {
    case ND_UF_SQRT:
    case ND_UF_LOG:
    case ND_UF_LOG2:
    case ND_UF_LOG10:
    case ND_UF_TAN:
    case ND_UF_ARCSIN:
    case ND_UF_ARCCOS:
    case ND_UF_ARCCOSH:
    case ND_UF_ARCTANH:
    case ND_UF_TRUE_DIVIDE:
    case ND_UF_FLOOR_DIVIDE:
    case ND_UF_REMAINDER:
    case ND_UF_FMOD:
    case ND_UF_POWER:
        return true;
    default:
        return false;
    }
}

static bool is_divide(NdUfuncId id)
{
    return id == ND_UF_TRUE_DIVIDE || id == ND_UF_FLOOR_DIVIDE ||
           id == ND_UF_REMAINDER || id == ND_UF_FMOD;
}

/* Whether an operation on inputs without masks gives nomask (numpy.ma's
 * ma.exp, ma.add, ma.power, ...) rather than a full mask of False:
 * numpy.ma's domained operations always build the full mask, and the
 * unary ufuncs it has no masked version of (np.log1p, np.isnan, and
 * -m, abs(m), ~m, which NumPy's operators send to np.negative, ...) go
 * through __array_wrap__, which makes one too. */
static bool keeps_nomask(NdUfuncId id, int n, bool direct)
{
    /* ma.exp(x), ma.abs(x), ... (numpy.ma's _MaskedUnaryOperation) keep
     * nomask unless they have a domain. */
    if (direct && n == 1)
        return !domained(id);
    if (n == 2)
        return id == ND_UF_POWER || !domained(id);
    switch (id) {
    case ND_UF_EXP:
    case ND_UF_CONJUGATE:
    case ND_UF_SIN:
    case ND_UF_COS:
    case ND_UF_ARCTAN:
    case ND_UF_ARCSINH:
    case ND_UF_SINH:
    case ND_UF_COSH:
    case ND_UF_TANH:
    case ND_UF_FABS:
    case ND_UF_FLOOR:
    case ND_UF_CEIL:
    case ND_UF_LOGICAL_NOT:
        return true;
    default:
        return false;
    }
}

static bool is_compare(NdUfuncId id)
{
    return id >= ND_UF_EQUAL && id <= ND_UF_GREATER_EQUAL;
}

/* id applied to n (1 or 2) operands, numpy.ma's way.  `strong`: Python
 * scalars count as 0-d arrays of their default dtype, as numpy.ma's
 * operators make them (getdata(2) is np.array(2)), so under NEP 50 an
 * int8 masked array + 1 is int64; the ufuncs called directly keep them
 * weak, as NumPy's do. */
static Value ma_apply(NdUfuncId id, const Value *in, int n, bool strong,
                      bool direct)
{
    NdArray *d[2] = {NULL, NULL}, *k[2] = {NULL, NULL};
    const MaObj *like = NULL;
    for (int i = 0; i < n; i++) {
        if (!like && is_ma(in[i]) && native_type(in[i]) == &ma_type)
            like = MA(in[i]);
        if (parts(in[i], &d[i], &k[i]) < 0) {
            for (int j = 0; j < i; j++) {
                nd_decref(d[j]);
                nd_decref(k[j]);
            }
            return v_error();
        }
        if (strong && in[i].kind == VK_SCALAR)
            d[i]->flags &= ~(unsigned)ND_WEAK; /* a fresh 0-d array */
    }
    Quiet q;
    quiet_begin(&q);
    NdArray *r = NULL, *m = NULL, *extra = NULL;
    int rc = 0;
    r = n == 1 ? nd_unary(id, d[0]) : nd_binary(id, d[0], d[1]);
    if (!r)
        rc = -1;
    if (!rc)
        rc = mask_or(k[0], n == 2 ? k[1] : NULL, &m);
    if (!rc && domained(id)) {
        NdKind kind = nd_dtype_kind(r->dtype);
        if (kind == ND_KIND_FLOAT || kind == ND_KIND_COMPLEX) {
            NdArray *fin = nd_unary(ND_UF_ISFINITE, r);
            extra = fin ? nd_unary(ND_UF_LOGICAL_NOT, fin) : NULL;
            nd_decref(fin);
            rc = extra ? 0 : -1;
        }
        if (!rc && n == 2 && is_divide(id)) {
            /* _DomainSafeDivide: a zero divisor is masked for every
             * dtype (integer division by zero too). */
            NdScalar z = nd_scalar_int64(0);
            z.weak = true;
            NdArray *za = nd_from_scalar(&z);
            NdArray *zero = za ? nd_binary(ND_UF_EQUAL, d[1], za) : NULL;
            nd_decref(za);
            NdArray *o = NULL;
            rc = zero ? mask_or(extra, zero, &o) : -1;
            nd_decref(zero);
            nd_decref(extra);
            extra = o;
        }
        if (!rc && extra) {
            NdArray *o;
            rc = mask_or(m, extra, &o);
            nd_decref(m);
            m = o;
        }
    }
    if (!rc && m && r->ndim > 0)
        rc = mask_to_shape(&m, r->ndim, r->shape);
    /* Masked places keep the first operand's data (numpy.ma's copyto of
     * da where m), when it casts to the result. */
    if (!rc && m && r->ndim > 0 && !is_compare(id) && any_true(m) &&
        nd_can_cast(d[0]->dtype, r->dtype,
                    domained(id) ? ND_CAST_SAFE : ND_CAST_SAME_KIND))
        rc = put_where(r, m, d[0]);
    if (!rc && m && !k[0] && (n < 2 || !k[1]) && !any_true(m) &&
        keeps_nomask(id, n, direct)) {
        nd_decref(m);
        m = NULL;
    }
    if (!rc && !m && r->ndim > 0 && !keeps_nomask(id, n, direct)) {
        NdScalar f = nd_scalar_bool(false);
        m = nd_full(ND_BOOL, r->ndim, r->shape, &f, 'C');
        rc = m ? 0 : -1;
    }
    quiet_end(&q);
    nd_decref(extra);
    for (int i = 0; i < n; i++) {
        nd_decref(d[i]);
        nd_decref(k[i]);
    }
    if (rc < 0) {
        nd_decref(r);
        nd_decref(m);
        return rt_from_lib();
    }
    if (r->ndim == 0) {
        Value v = scalar_or_masked(r, m);
        nd_decref(m);
        return v;
    }
    return ma_take(r, m, like && like->data->dtype == r->dtype ? like : NULL);
}

static Value ma_ufunc(NdUfuncId id, const Value *in, int nin, const KwArg *kw,
                      int nkw)
{
    (void)kw;
    if (nd_ufunc_nout(id) != 1 || nin != nd_ufunc_nin(id) || nin > 2 || nkw > 0)
        return rt_raise(ERR_TYPE,
                        "%s() with a masked array supports its inputs only "
                        "(no out=, dtype=, or second output)",
                        nd_ufunc_name(id));
    return ma_apply(id, in, nin, false, false);
}

/* Operands numpy.ma combines with: numbers, arrays, sequences. */
static bool operand_ok(Value v)
{
    switch (v.kind) {
    case VK_SCALAR:
    case VK_ARRAY:
    case VK_LIST:
    case VK_TUPLE:
    case VK_RANGE:
        return true;
    default:
        return is_ma(v);
    }
}

static Value ma_binary(OpKind op, Value a, Value b)
{
    int uf = op_ufunc(op);
    if (uf < 0 || !operand_ok(a) || !operand_ok(b))
        return v_unset();
    Value in[2] = {a, b};
    return ma_apply((NdUfuncId)uf, in, 2, true, false);
}

/* ------------------------------------------------------------ indexing */

/* An index value with masked arrays in it replaced by their data. */
static Value plain_key(Value key)
{
    if (is_ma(key)) {
        NdArray *d = nd_incref(MA(key)->data);
        return v_array_take(d);
    }
    v_incref(key);
    return key;
}

static Value ma_getitem(Value self, Value key)
{
    MaObj *m = MA(self);
    Value k = plain_key(key);
    if (v_is_err(k))
        return k;
    Value d = op_getitem(aval(m->data), k);
    if (v_is_err(d) || !m->mask) {
        v_decref(k);
        if (v_is_err(d) || d.kind != VK_ARRAY)
            return d;
        NdArray *da = nd_incref(d.as.array);
        v_decref(d);
        return ma_take(da, NULL, m);
    }
    Value mk = op_getitem(aval(m->mask), k);
    v_decref(k);
    if (v_is_err(mk)) {
        v_decref(d);
        return mk;
    }
    if (d.kind != VK_ARRAY) {
        bool masked = mk.kind == VK_SCALAR && mk.as.b;
        v_decref(mk);
        if (masked) {
            v_decref(d);
            return masked_value();
        }
        return d;
    }
    NdArray *da = nd_incref(d.as.array);
    NdArray *ka = mk.kind == VK_ARRAY ? nd_incref(mk.as.array) : NULL;
    v_decref(d);
    v_decref(mk);
    return ma_take(da, ka, m);
}

static int ensure_mask(MaObj *m)
{
    if (m->mask)
        return 0;
    m->mask = nd_zeros(ND_BOOL, m->data->ndim, m->data->shape, 'C');
    return m->mask ? 0 : rt_fail_from_lib();
}

static int ma_setitem(Value self, Value key, Value v)
{
    MaObj *m = MA(self);
    if (native_type(self) == &ma_const_type)
        return rt_fail(ERR_VALUE, "the masked constant cannot be changed");
    Value k = plain_key(key);
    if (v_is_err(k))
        return -1;
    int rc;
    if (v.kind == VK_OBJECT && native_type(v) == &ma_const_type) {
        rc = ensure_mask(m);
        if (!rc)
            rc = op_setitem(aval(m->mask), k, v_bool(true));
    } else if (is_ma(v)) {
        MaObj *o = MA(v);
        rc = op_setitem(aval(m->data), k, aval(o->data));
        if (!rc && (o->mask || m->mask)) {
            rc = ensure_mask(m);
            if (!rc)
                rc = op_setitem(aval(m->mask), k,
                                o->mask ? aval(o->mask) : v_bool(false));
        }
    } else {
        rc = op_setitem(aval(m->data), k, v);
        if (!rc && m->mask)
            rc = op_setitem(aval(m->mask), k, v_bool(false));
    }
    v_decref(k);
    return rc;
}

static int ma_len(Value self, int64_t *out)
{
    NdArray *d = MA(self)->data;
    if (d->ndim == 0)
        return rt_fail(ERR_TYPE, "len() of unsized object");
    *out = d->shape[0];
    return 0;
}

/* ---------------------------------------------------------- attributes */

static Value ma_getattr(Value self, const char *name)
{
    MaObj *m = MA(self);
    if (!strcmp(name, "mask")) {
        if (!m->mask) {
            Value f = {.kind = VK_SCALAR, .dtype = ND_BOOL, .weak = 0};
            f.as.b = false;
            return f;
        }
        return v_array_take(nd_incref(m->mask));
    }
    if (!strcmp(name, "data"))
        return v_array_take(nd_incref(m->data));
    if (!strcmp(name, "fill_value")) {
        NdScalar f = fill_of(m);
        f.weak = false;
        return v_from_ndscalar(&f);
    }
    if (!strcmp(name, "T")) {
        NdArray *d = nd_transpose(m->data, NULL, 0);
        NdArray *k = m->mask ? nd_transpose(m->mask, NULL, 0) : NULL;
        if (m->mask && !k) {
            nd_decref(d);
            return rt_from_lib();
        }
        return ma_take(d, k, m);
    }
    if (!strcmp(name, "shape") || !strcmp(name, "ndim") ||
        !strcmp(name, "size") || !strcmp(name, "dtype") ||
        !strcmp(name, "itemsize") || !strcmp(name, "nbytes"))
        return array_getattr(aval(m->data), name);
    return v_unset();
}

static int ma_setattr(Value self, const char *name, Value v)
{
    MaObj *m = MA(self);
    if (native_type(self) == &ma_const_type)
        return rt_fail(ERR_ATTRIBUTE, "the masked constant cannot be changed");
    if (!strcmp(name, "mask")) {
        if (is_nomask(v)) {
            nd_decref(m->mask);
            m->mask = NULL;
            return 0;
        }
        NdArray *k;
        if (mask_arg(v, m->data, &k) < 0)
            return -1;
        nd_decref(m->mask);
        m->mask = k;
        return 0;
    }
    if (!strcmp(name, "fill_value")) {
        if (!given(v)) {
            m->has_fill = false;
            return 0;
        }
        return fill_arg(v, m);
    }
    return rt_fail(ERR_ATTRIBUTE,
                   "'MaskedArray' object attribute '%s' is read-only", name);
}

/* ----------------------------------------------------------- reductions */

/* The receiver (or the first argument of the module functions) as a
 * masked array: new reference. */
static Value as_ma(Value v)
{
    if (is_ma(v)) {
        v_incref(v);
        return v;
    }
    NdArray *d = value_to_array(v, ND_NTYPES);
    if (!d)
        return v_error();
    return ma_take(d, NULL, NULL);
}

/* axis: None -> -1 axes; an int; a tuple of ints. */
static int get_axes(Value v, int *axes, int *naxes)
{
    *naxes = -1;
    if (!given(v))
        return 0;
    if (v.kind == VK_TUPLE) {
        Tuple *t = as_tuple(v);
        if (t->n > ND_MAXDIMS)
            return rt_fail(ERR_VALUE, "too many axes");
        for (int64_t i = 0; i < t->n; i++) {
            int64_t ax;
            if (bi_get_int(t->items[i], &ax) < 0)
                return -1;
            axes[i] = (int)(ax < -1000 ? -1000 : ax > 1000 ? 1000 : ax);
        }
        *naxes = (int)t->n;
        return 0;
    }
    int64_t ax;
    if (bi_get_int(v, &ax) < 0)
        return -1;
    axes[0] = (int)(ax < -1000 ? -1000 : ax > 1000 ? 1000 : ax);
    *naxes = 1;
    return 0;
}

typedef enum RedKind { R_SUM, R_PROD, R_MEAN, R_VAR, R_STD } RedKind;

/* The masked result of a reduction: data r, masked where no element was
 * valid (cnt == 0); a scalar or `masked` when 0-d. */
static Value red_result(NdArray *r, NdArray *cnt, const MaObj *like)
{
    NdArray *rm = NULL;
    if (cnt) {
        NdScalar z = nd_scalar_int64(0);
        z.weak = true;
        NdArray *za = nd_from_scalar(&z);
        rm = za ? nd_binary(ND_UF_EQUAL, cnt, za) : NULL;
        nd_decref(za);
        if (!rm) {
            nd_decref(r);
            return rt_from_lib();
        }
    }
    if (r->ndim == 0) {
        Value v = scalar_or_masked(r, rm);
        nd_decref(rm);
        return v;
    }
    return ma_take(r, rm, like && like->data->dtype == r->dtype ? like : NULL);
}

/* a <id> v for a weak scalar v (a new bool array, or NULL). */
static NdArray *cmp_weak(NdUfuncId id, NdArray *a, double v)
{
    NdScalar s = nd_scalar_float64(v);
    s.weak = true;
    NdArray *sa = nd_from_scalar(&s);
    NdArray *r = sa ? nd_binary(id, a, sa) : NULL;
    nd_decref(sa);
    return r;
}

/* *m |= x (x consumed; either may be NULL). */
static int or_into(NdArray **m, NdArray *x)
{
    NdArray *o;
    int rc = mask_or(*m, x, &o);
    nd_decref(*m);
    nd_decref(x);
    *m = rc < 0 ? NULL : o;
    return rc;
}

/* numpy.ma's masks of var and std (r the result, cnt the valid counts or
 * NULL without a mask).  var divides by cnt - ddof and masks where
 * nothing or too little is valid: (cnt - ddof <= 0) | (cnt == 0), shrunk
 * to nomask when nothing is (0-d: masked when cnt - ddof == 0 or the
 * result is not finite, as ma.divide).  std is ma.sqrt(var): it also
 * masks every non-finite result and keeps a full mask. */
static int var_mask(NdArray *r, NdArray *cnt, double ddof, bool std,
                    NdArray **out)
{
    NdArray *m = NULL;
    *out = NULL;
    if (cnt) {
        NdArray *c = cmp_weak(ND_UF_SUBTRACT, cnt, ddof);
        NdArray *x =
            c ? cmp_weak(r->ndim > 0 ? ND_UF_LESS_EQUAL : ND_UF_EQUAL, c, 0)
              : NULL;
        nd_decref(c);
        if (!x || or_into(&m, x) < 0 ||
            or_into(&m, cmp_weak(ND_UF_EQUAL, cnt, 0)) < 0 || !m)
            goto fail;
        if (r->ndim == 0) {
            NdArray *fin = nd_unary(ND_UF_ISFINITE, r);
            NdArray *inf = fin ? nd_unary(ND_UF_LOGICAL_NOT, fin) : NULL;
            nd_decref(fin);
            if (!inf || or_into(&m, inf) < 0 || !m)
                goto fail;
        } else if (!std && !any_true(m)) {
            nd_decref(m);
            m = NULL;
        }
    }
    if (std) {
        NdArray *fin = nd_unary(ND_UF_ISFINITE, r);
        NdArray *inf = fin ? nd_unary(ND_UF_LOGICAL_NOT, fin) : NULL;
        nd_decref(fin);
        if (!inf || or_into(&m, inf) < 0)
            goto fail;
    }
    *out = m;
    return 0;
fail:
    nd_decref(m);
    return -1;
}

/* Valid-element counts over the axes (NULL when there is no mask). */
static NdArray *valid_count(NdArray *data, NdArray *mask, const int *axes,
                            int naxes, bool keep, NdArray **valid)
{
    *valid = NULL;
    if (!mask)
        return NULL;
    *valid = valid_of(data, mask);
    if (!*valid)
        return NULL;
    return nd_sum(*valid, axes, naxes, keep, ND_INT64, NULL, NULL);
}

/* The start of a masked reduction: out= refused, self as a masked array
 * (a new reference, or the error value), then axis, dtype (only when dt is
 * not NULL) and keepdims read in that order. */
static Value red_begin(Value self, Value out, Value axis, Value dtype,
                       Value keepdims, int *axes, int *naxes, NdType *dt,
                       bool *keep)
{
    if (given(out))
        return rt_raise(ERR_TYPE, "out= is not supported for masked arrays");
    Value sv = as_ma(self);
    if (v_is_err(sv))
        return sv;
    if (get_axes(axis, axes, naxes) < 0 ||
        (dt && bi_get_dtype(dtype, dt) < 0) ||
        bi_get_bool(keepdims, false, keep) < 0) {
        v_decref(sv);
        return v_error();
    }
    return sv;
}

/* fill_value= of min/max/argmin/argmax: *e kept when not given; -1 with
 * the error pending. */
static int get_fill(Value fill, NdScalar *e)
{
    if (!given(fill))
        return 0;
    NdArray *fa = value_to_array(fill, ND_NTYPES);
    if (!fa)
        return -1;
    int rc = nd_item(fa, e);
    nd_decref(fa);
    return rc < 0 ? rt_fail_from_lib() : 0;
}

static Value reduce_common(Value self, RedKind kind, Value axis, Value dtype,
                           Value out, Value keepdims, Value ddof)
{
    int axes[ND_MAXDIMS], naxes;
    NdType dt;
    bool keep;
    Value sv =
        red_begin(self, out, axis, dtype, keepdims, axes, &naxes, &dt, &keep);
    if (v_is_err(sv))
        return sv;
    MaObj *m = MA(sv);
    double dd = 0;
    if (given(ddof) && value_to_double(ddof, &dd) < 0) {
        v_decref(sv);
        return v_error();
    }
    const int *ap = naxes < 0 ? NULL : axes;
    int na = naxes < 0 ? 0 : naxes;
    if (naxes < 0) {
        na = -1;
    }
    Quiet q;
    quiet_begin(&q);
    NdArray *valid = NULL, *cnt = NULL, *r = NULL;
    if (m->mask) {
        cnt = valid_count(m->data, m->mask, ap, na, keep, &valid);
        if (!cnt)
            goto fail;
    }
    switch (kind) {
    case R_SUM:
        r = nd_sum(m->data, ap, na, keep, dt, NULL, valid);
        break;
    case R_PROD:
        r = nd_prod(m->data, ap, na, keep, dt, NULL, valid);
        break;
    case R_MEAN:
        r = nd_mean(m->data, ap, na, keep, dt, valid);
        break;
    case R_VAR:
        r = nd_var(m->data, ap, na, keep, dt, dd, valid);
        break;
    case R_STD:
        r = nd_std(m->data, ap, na, keep, dt, dd, valid);
        break;
    }
    if (!r)
        goto fail;
    if (kind == R_VAR || kind == R_STD) {
        NdArray *vm;
        if (var_mask(r, cnt, dd, kind == R_STD, &vm) < 0) {
            nd_decref(r);
            goto fail;
        }
        quiet_end(&q);
        nd_decref(valid);
        nd_decref(cnt);
        Value res;
        if (r->ndim == 0) {
            res = scalar_or_masked(r, vm);
            nd_decref(vm);
        } else { /* vm has r's shape (counts and results share it) */
            res = ma_take(r, vm, m->data->dtype == r->dtype ? m : NULL);
        }
        v_decref(sv);
        return res;
    }
    quiet_end(&q);
    nd_decref(valid);
    Value res = red_result(r, cnt, m);
    nd_decref(cnt);
    v_decref(sv);
    return res;
fail:
    quiet_end(&q);
    nd_decref(valid);
    nd_decref(cnt);
    v_decref(sv);
    return rt_from_lib();
}

static Value m_sum(Value *args)
{
    return reduce_common(args[0], R_SUM, args[1], args[2], args[3], args[4],
                         v_unset());
}

static Value m_prod(Value *args)
{
    return reduce_common(args[0], R_PROD, args[1], args[2], args[3], args[4],
                         v_unset());
}

static Value m_mean(Value *args)
{
    return reduce_common(args[0], R_MEAN, args[1], args[2], args[3], args[4],
                         v_unset());
}

/* self, axis, dtype, out, ddof, keepdims */
static Value m_var(Value *args)
{
    return reduce_common(args[0], R_VAR, args[1], args[2], args[3], args[5],
                         args[4]);
}

static Value m_std(Value *args)
{
    return reduce_common(args[0], R_STD, args[1], args[2], args[3], args[5],
                         args[4]);
}

/* min/max: masked places filled with the extreme that never wins. */
static Value extreme_common(Value self, bool is_max, Value axis, Value out,
                            Value fill, Value keepdims)
{
    int axes[ND_MAXDIMS], naxes;
    bool keep;
    Value sv = red_begin(self, out, axis, v_unset(), keepdims, axes, &naxes,
                         NULL, &keep);
    if (v_is_err(sv))
        return sv;
    MaObj *m = MA(sv);
    const int *ap = naxes < 0 ? NULL : axes;
    NdScalar e = extreme(m->data->dtype, !is_max);
    if (get_fill(fill, &e) < 0) {
        v_decref(sv);
        return v_error();
    }
    NdArray *valid = NULL, *cnt = NULL, *r = NULL;
    NdArray *f = filled_with(m->data, m->mask, &e);
    if (f && m->mask)
        cnt = valid_count(m->data, m->mask, ap, naxes, keep, &valid);
    if (f && (!m->mask || cnt))
        r = is_max ? nd_max(f, ap, naxes, keep, NULL, NULL)
                   : nd_min(f, ap, naxes, keep, NULL, NULL);
    nd_decref(f);
    nd_decref(valid);
    if (!r) {
        nd_decref(cnt);
        v_decref(sv);
        return rt_from_lib();
    }
    Value res = red_result(r, cnt, m);
    nd_decref(cnt);
    v_decref(sv);
    return res;
}

/* self, axis, out, fill_value, keepdims */
static Value m_max(Value *args)
{
    return extreme_common(args[0], true, args[1], args[2], args[3], args[4]);
}

static Value m_min(Value *args)
{
    return extreme_common(args[0], false, args[1], args[2], args[3], args[4]);
}

static Value arg_common(Value self, bool is_max, Value axis, Value fill,
                        Value out, Value keepdims)
{
    if (given(out))
        return rt_raise(ERR_TYPE, "out= is not supported for masked arrays");
    Value sv = as_ma(self);
    if (v_is_err(sv))
        return sv;
    MaObj *m = MA(sv);
    bool keep, has = given(axis);
    int64_t ax = 0;
    if (bi_get_bool(keepdims, false, &keep) < 0 ||
        (has && bi_get_int(axis, &ax) < 0)) {
        v_decref(sv);
        return v_error();
    }
    NdScalar e = extreme(m->data->dtype, !is_max);
    if (get_fill(fill, &e) < 0) {
        v_decref(sv);
        return v_error();
    }
    NdArray *f = filled_with(m->data, m->mask, &e);
    int a = (int)(ax < -1000 ? -1000 : ax > 1000 ? 1000 : ax);
    NdArray *r = !f       ? NULL
                 : is_max ? nd_argmax(f, has, a, keep)
                          : nd_argmin(f, has, a, keep);
    nd_decref(f);
    v_decref(sv);
    return bi_result(r);
}

/* self, axis, fill_value, out, keepdims */
static Value m_argmax(Value *args)
{
    return arg_common(args[0], true, args[1], args[2], args[3], args[4]);
}

static Value m_argmin(Value *args)
{
    return arg_common(args[0], false, args[1], args[2], args[3], args[4]);
}

/* ------------------------------------------------------------ sorting */

/* The options of sort/argsort: axis (none: flattened), kind, endwith and
 * fill_value, read as numpy.ma reads them.  An omitted axis is -1, but
 * for argsort (arg) of ndim > 1 it is None with NumPy's
 * MaskedArrayFutureWarning (its deprecated default). */
typedef struct SortOpts {
    bool none;
    int64_t axis;
    NdSortKind kind;
    bool endwith;
} SortOpts;

static int sort_opts(Value axis, Value kind, Value order, Value endwith,
                     Value stable, int ndim, bool arg, SortOpts *o)
{
    o->none = false;
    o->axis = -1;
    o->kind = ND_SORT_QUICKSORT;
    o->endwith = true;
    if (given(stable)) {
        int t = op_truth(stable);
        if (t < 0)
            return -1;
        if (t)
            return rt_fail(ERR_VALUE, "`stable` parameter is not supported "
                                      "for masked arrays.");
    }
    if (given(order))
        return rt_fail(ERR_VALUE,
                       "Cannot specify order when the array has no fields.");
    if (given(kind)) {
        const char *s;
        if (bi_get_str(kind, "sort", "kind", &s) < 0)
            return -1;
        if (nd_sort_kind_from_name(s, &o->kind) < 0)
            return rt_fail_from_lib();
    }
    if (given(endwith) && bi_get_bool(endwith, false, &o->endwith) < 0)
        return -1;
    if (axis.kind == VK_UNSET) {
        /* numpy.ma's _deprecate_argsort_axis: -1 for ndim <= 1, else the
         * old None with a warning. */
        if (arg && ndim > 1) {
            o->none = true;
            nd_warn("MaskedArrayFutureWarning: In the future the default "
                    "for argsort will be axis=-1, not the current None, to "
                    "match its documentation and np.argsort. Explicitly "
                    "pass -1 or None to silence this warning.");
        }
        return 0;
    }
    if (axis.kind == VK_NONE) {
        o->none = true;
        return 0;
    }
    return bi_get_int(axis, &o->axis);
}

/* What masked places become before sorting (numpy.ma's argsort): with
 * endwith, NaN for real floats and the dtype's largest value otherwise
 * (minimum_fill_value; inf+infj for complex), so they sort last; without,
 * the smallest (maximum_fill_value).  A given fill_value wins. */
static int sort_fill(NdType t, bool endwith, Value fill, NdScalar *out)
{
    if (given(fill)) {
        NdScalar e;
        if (get_fill(fill, &e) < 0)
            return -1;
        return nd_scalar_cast(&e, t, out) < 0 ? rt_fail_from_lib() : 0;
    }
    *out = extreme(t, endwith);
    if (t == ND_COMPLEX64)
        out->v.c64.im = out->v.c64.re;
    else if (t == ND_COMPLEX128)
        out->v.c128.im = out->v.c128.re;
    else if (endwith && nd_dtype_kind(t) == ND_KIND_FLOAT) {
        NdScalar nan = nd_scalar_float64(NAN);
        return nd_scalar_cast(&nan, t, out) < 0 ? rt_fail_from_lib() : 0;
    }
    return 0;
}

/* The argsort indices of m's filled data (a plain int64 array). */
static NdArray *ma_argsort_idx(const MaObj *m, const SortOpts *o, Value fill)
{
    NdScalar s;
    if (sort_fill(m->data->dtype, o->endwith, fill, &s) < 0)
        return NULL;
    NdArray *f = filled_with(m->data, m->mask, &s);
    NdArray *r = f ? nd_argsort(f, o->none ? NULL : &o->axis, o->kind) : NULL;
    nd_decref(f);
    if (!r)
        rt_fail_from_lib();
    return r;
}

/* m.sort() in place: data and mask taken along the axis by the argsort of
 * the filled data (numpy.ma: self[...] = take_along_axis(self, sidx)). */
static int ma_sort_inplace(MaObj *m, const SortOpts *o, Value fill)
{
    if (!m->mask) {
        if (o->none)
            return rt_fail(ERR_TYPE, "'NoneType' object cannot be "
                                     "interpreted as an integer");
        return nd_sort_inplace(m->data, o->axis, o->kind) < 0
                   ? rt_fail_from_lib()
                   : 0;
    }
    NdArray *idx = ma_argsort_idx(m, o, fill);
    if (!idx)
        return -1;
    int ax = (int)(o->axis < -1000 ? -1000 : o->axis > 1000 ? 1000 : o->axis);
    NdArray *d = nd_take_along_axis(m->data, idx, ax, o->none);
    NdArray *k = d ? nd_take_along_axis(m->mask, idx, ax, o->none) : NULL;
    int rc = k && nd_copyto(m->data, d, ND_CAST_UNSAFE) == 0 &&
                     nd_copyto(m->mask, k, ND_CAST_UNSAFE) == 0
                 ? 0
                 : rt_fail_from_lib();
    nd_decref(idx);
    nd_decref(d);
    nd_decref(k);
    return rc;
}

/* self, axis=-1, kind, order, endwith, fill_value, stable */
static Value m_sort(Value *args)
{
    MaObj *m = MA(args[0]);
    SortOpts o;
    if (sort_opts(args[1], args[2], args[3], args[4], args[6], m->data->ndim,
                  false, &o) < 0)
        return v_error();
    if (native_type(args[0]) == &ma_const_type)
        return v_none();
    return ma_sort_inplace(m, &o, args[5]) < 0 ? v_error() : v_none();
}

/* self, axis, kind, order, endwith, fill_value, stable */
static Value m_argsort(Value *args)
{
    Value sv = as_ma(args[0]);
    if (v_is_err(sv))
        return sv;
    MaObj *m = MA(sv);
    SortOpts o;
    NdArray *r = NULL;
    if (sort_opts(args[1], args[2], args[3], args[4], args[6], m->data->ndim,
                  true, &o) == 0)
        r = ma_argsort_idx(m, &o, args[5]);
    v_decref(sv);
    return r ? bi_result_array(r) : v_error();
}

/* ma.sort(a, ...): a sorted copy; axis=None sorts the flattened array.  A
 * plain array-like gives a plain sorted array, as numpy.ma does. */
static Value bi_ma_sort(Value *args)
{
    SortOpts o;
    if (!is_ma(args[0])) {
        NdArray *a = value_to_array(args[0], ND_NTYPES);
        if (!a)
            return v_error();
        NdArray *r = NULL;
        if (sort_opts(args[1], args[2], args[3], args[4], args[6], a->ndim,
                      false, &o) == 0) {
            r = nd_sort(a, o.none ? NULL : &o.axis, o.kind);
            if (!r)
                rt_fail_from_lib();
        }
        nd_decref(a);
        return r ? bi_result_array(r) : v_error();
    }
    MaObj *m = MA(args[0]);
    if (sort_opts(args[1], args[2], args[3], args[4], args[6], m->data->ndim,
                  false, &o) < 0)
        return v_error();
    NdArray *d = o.none ? nd_ravel(m->data, 'C') : nd_incref(m->data);
    NdArray *k = !m->mask ? NULL
                 : o.none ? nd_ravel(m->mask, 'C')
                          : nd_incref(m->mask);
    NdArray *dc = d ? nd_copy(d, 'C') : NULL;
    NdArray *kc = k ? nd_copy(k, 'C') : NULL;
    nd_decref(d);
    nd_decref(k);
    if (m->mask && !kc) {
        nd_decref(dc);
        return rt_from_lib();
    }
    Value r = ma_take(dc, kc, m);
    if (v_is_err(r))
        return r;
    if (o.none) {
        o.none = false;
        o.axis = 0;
    }
    if (ma_sort_inplace(MA(r), &o, args[5]) < 0) {
        v_decref(r);
        return v_error();
    }
    return r;
}

/* ma.argsort(a, ...): the method's result for a masked array, plain
 * argsort (with the same axis default) for anything else. */
static Value bi_ma_argsort(Value *args)
{
    if (is_ma(args[0]))
        return m_argsort(args);
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        return v_error();
    SortOpts o;
    NdArray *r = NULL;
    if (sort_opts(args[1], args[2], args[3], args[4], args[6], a->ndim, true,
                  &o) == 0) {
        r = nd_argsort(a, o.none ? NULL : &o.axis, o.kind);
        if (!r)
            rt_fail_from_lib();
    }
    nd_decref(a);
    return r ? bi_result_array(r) : v_error();
}

/* median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
 * masked places become NaN and NumPy's nan-skipping median does the rest;
 * lanes without a valid element are masked. */
static Value m_median(Value *args)
{
    int axes[ND_MAXDIMS], naxes;
    bool keep;
    Value sv = red_begin(args[0], args[2], args[1], v_unset(), args[4], axes,
                         &naxes, NULL, &keep);
    if (v_is_err(sv))
        return sv;
    MaObj *m = MA(sv);
    const int *ap = naxes < 0 ? NULL : axes;
    if (!m->mask) {
        NdArray *r = nd_median(m->data, ap, naxes, keep, false);
        Value res = r ? red_result(r, NULL, NULL) : rt_from_lib();
        v_decref(sv);
        return res;
    }
    NdKind k = nd_dtype_kind(m->data->dtype);
    NdType t = k == ND_KIND_FLOAT ? m->data->dtype : ND_FLOAT64;
    if (k == ND_KIND_COMPLEX) {
        v_decref(sv);
        return rt_raise(ERR_TYPE, "median of a complex masked array is not "
                                  "supported");
    }
    Quiet q;
    quiet_begin(&q);
    NdArray *c = nd_astype(m->data, t, ND_CAST_UNSAFE, true);
    NdScalar nanv = nd_scalar_float64(NAN);
    NdArray *nn = c ? nd_from_scalar(&nanv) : NULL;
    NdArray *valid = NULL, *cnt = NULL, *r = NULL;
    if (nn && put_where(c, m->mask, nn) == 0) {
        cnt = valid_count(m->data, m->mask, ap, naxes, keep, &valid);
        if (cnt)
            r = nd_median(c, ap, naxes, keep, true);
    }
    quiet_end(&q);
    nd_decref(c);
    nd_decref(nn);
    nd_decref(valid);
    Value res = r ? red_result(r, cnt, NULL) : rt_from_lib();
    nd_decref(cnt);
    v_decref(sv);
    return res;
}

/* count(axis=None, keepdims=False): valid elements. */
static Value m_count(Value *args)
{
    int axes[ND_MAXDIMS], naxes;
    bool keep;
    Value sv = red_begin(args[0], v_unset(), args[1], v_unset(), args[2], axes,
                         &naxes, NULL, &keep);
    if (v_is_err(sv))
        return sv;
    MaObj *m = MA(sv);
    NdArray *valid = valid_of(m->data, m->mask);
    NdArray *r = valid ? nd_sum(valid, naxes < 0 ? NULL : axes, naxes, keep,
                                ND_INT64, NULL, NULL)
                       : NULL;
    nd_decref(valid);
    v_decref(sv);
    if (r && r->ndim == 0 && naxes < 0 && !keep) {
        NdScalar s;
        nd_item(r, &s);
        nd_decref(r);
        return v_int(s.v.i64);
    }
    return bi_result_array(r);
}

/* filled(fill_value=None) */
static Value m_filled(Value *args)
{
    Value sv = as_ma(args[0]);
    if (v_is_err(sv))
        return sv;
    MaObj *m = MA(sv);
    NdScalar f;
    if (given(args[1])) {
        NdArray *fa = value_to_array(args[1], ND_NTYPES);
        if (!fa) {
            v_decref(sv);
            return v_error();
        }
        int rc = nd_item(fa, &f);
        nd_decref(fa);
        if (rc < 0) {
            v_decref(sv);
            return rt_from_lib();
        }
    } else {
        f = fill_of(m);
    }
    NdArray *r = filled_with(m->data, m->mask, &f);
    v_decref(sv);
    return bi_result_array(r);
}

static Value m_compressed(Value *args)
{
    Value sv = as_ma(args[0]);
    if (v_is_err(sv))
        return sv;
    MaObj *m = MA(sv);
    NdArray *r;
    if (!m->mask) {
        r = nd_ravel(m->data, 'C');
    } else {
        /* NumPy: ravel(data).compress(~ravel(mask)) */
        NdArray *valid = valid_of(m->data, m->mask);
        NdArray *fv = valid ? nd_ravel(valid, 'C') : NULL;
        r = fv ? nd_compress(fv, m->data, 0, true) : NULL;
        nd_decref(fv);
        nd_decref(valid);
    }
    v_decref(sv);
    return bi_result_array(r);
}

static Value m_copy(Value *args)
{
    MaObj *m = MA(args[0]);
    NdArray *d = nd_copy(m->data, 'C');
    NdArray *k = m->mask ? nd_copy(m->mask, 'C') : NULL;
    if (m->mask && !k) {
        nd_decref(d);
        return rt_from_lib();
    }
    return ma_take(d, k, m);
}

static Value m_ravel(Value *args)
{
    MaObj *m = MA(args[0]);
    NdArray *d = nd_ravel(m->data, 'C');
    NdArray *k = m->mask ? nd_ravel(m->mask, 'C') : NULL;
    if (m->mask && !k) {
        nd_decref(d);
        return rt_from_lib();
    }
    return ma_take(d, k, m);
}

static Value m_reshape(Value *args)
{
    MaObj *m = MA(args[0]);
    Tuple *t = as_tuple(args[1]);
    int ndim;
    int64_t shape[ND_MAXDIMS];
    Value sh = t->n == 1 ? t->items[0] : args[1];
    if (value_to_shape(sh, &ndim, shape) < 0)
        return v_error();
    NdArray *d = nd_reshape(m->data, ndim, shape, 'C');
    NdArray *k = d && m->mask ? nd_reshape(m->mask, ndim, shape, 'C') : NULL;
    if (m->mask && !k) {
        nd_decref(d);
        return rt_from_lib();
    }
    return ma_take(d, k, m);
}

/* tolist(): masked elements become None, as NumPy's. */
static Value m_tolist(Value *args)
{
    MaObj *m = MA(args[0]);
    NdArray *flat = nd_ravel(m->data, 'C');
    NdArray *fm = m->mask && flat ? nd_ravel(m->mask, 'C') : NULL;
    if (!flat || (m->mask && !fm)) {
        nd_decref(flat);
        return rt_from_lib();
    }
    Value list = v_list_new(flat->size);
    for (int64_t i = 0; !v_is_err(list) && i < flat->size; i++) {
        Value item = v_none();
        if (!fm || !*(bool *)nd_element_ptr(fm, &i)) {
            NdScalar s;
            nd_get_item(flat, &i, &s);
            item = bi_weak_scalar(&s);
        }
        list_append(list, item);
    }
    nd_decref(flat);
    nd_decref(fm);
    if (v_is_err(list) || m->data->ndim <= 1)
        return list;
    /* Nest the flat list by the shape, innermost axis first. */
    Value cur = list;
    for (int ax = m->data->ndim - 1; ax >= 1; ax--) {
        int64_t w = m->data->shape[ax];
        List *l = as_list(cur);
        Value nxt = v_list_new(w ? l->n / w : 0);
        for (int64_t i = 0; w && i < l->n; i += w) {
            Value sub = v_list_new(w);
            for (int64_t j = 0; j < w; j++)
                list_append(sub, l->items[i + j]);
            list_append(nxt, sub);
            v_decref(sub);
        }
        v_decref(cur);
        cur = nxt;
    }
    return cur;
}

/* --------------------------------------------------- module functions */

/* getmask(a): the mask, or nomask (False). */
static Value bi_getmask(Value *args)
{
    if (is_ma(args[0]))
        return ma_getattr(args[0], "mask");
    Value f = {.kind = VK_SCALAR, .dtype = ND_BOOL, .weak = 0};
    f.as.b = false;
    return f;
}

static Value bi_getmaskarray(Value *args)
{
    NdArray *d, *k;
    if (parts(args[0], &d, &k) < 0)
        return v_error();
    if (!k)
        k = nd_zeros(ND_BOOL, d->ndim, d->shape, 'C');
    nd_decref(d);
    return bi_result_array(k);
}

static Value bi_getdata(Value *args)
{
    NdArray *d, *k;
    if (parts(args[0], &d, &k) < 0)
        return v_error();
    nd_decref(k);
    return bi_result_array(d);
}

static Value bi_is_masked(Value *args)
{
    if (!is_ma(args[0]))
        return v_bool(false);
    return v_bool(any_true(MA(args[0])->mask));
}

/* masked_where(condition, a, copy=True); shrink: no mask when nothing is
 * masked (masked_where itself), else a full mask (masked_invalid,
 * masked_values(shrink=False)). */
static Value masked_where_impl(Value *args, bool shrink)
{
    NdArray *d, *k;
    if (parts(args[1], &d, &k) < 0)
        return v_error();
    NdArray *c = value_to_array(args[0], ND_NTYPES);
    if (!c) {
        nd_decref(d);
        nd_decref(k);
        return v_error();
    }
    NdArray *cb = nd_astype(c, ND_BOOL, ND_CAST_UNSAFE, true);
    nd_decref(c);
    if (!cb) {
        nd_decref(d);
        nd_decref(k);
        return rt_from_lib();
    }
    /* NumPy checks the shapes only when the condition has one: a scalar
     * condition applies to every element. */
    if (cb->ndim == 0 && d->ndim > 0) {
        NdArray *bc = nd_broadcast_to(cb, d->ndim, d->shape);
        nd_decref(cb);
        cb = bc;
        if (!cb) {
            nd_decref(d);
            nd_decref(k);
            return rt_from_lib();
        }
    }
    if (cb->ndim != d->ndim ||
        memcmp(cb->shape, d->shape, sizeof(int64_t) * d->ndim)) {
        char s1[128], s2[128];
        nd_shape_str(s1, sizeof s1, d->ndim, d->shape);
        nd_shape_str(s2, sizeof s2, cb->ndim, cb->shape);
        nd_decref(d);
        nd_decref(k);
        nd_decref(cb);
        return rt_raise(ERR_INDEX,
                        "Inconsistent shape between the condition and the "
                        "input (got %s and %s)",
                        s2, s1);
    }
    bool cp = true;
    if (bi_get_bool(args[2], false, &cp) < 0) {
        nd_decref(d);
        nd_decref(k);
        nd_decref(cb);
        return v_error();
    }
    if (args[2].kind == VK_UNSET)
        cp = true;
    NdArray *m;
    int rc = mask_or(cb, k, &m);
    nd_decref(cb);
    nd_decref(k);
    if (rc == 0 && m) {
        NdArray *mc = nd_copy(m, 'C');
        nd_decref(m);
        m = mc;
    }
    if (rc < 0 || !m) {
        nd_decref(d);
        return rt_from_lib();
    }
    if (cp) {
        NdArray *dc = nd_copy(d, 'C');
        nd_decref(d);
        d = dc;
    }
    /* NumPy's result.mask = _shrink_mask(cond): no masked element is
     * nomask (shown as mask=False) -- unless the input is a masked array
     * with a mask of its own, which setting nomask only clears. */
    if (shrink && !any_true(m) && !(is_ma(args[1]) && MA(args[1])->mask)) {
        nd_decref(m);
        m = NULL;
    }
    const MaObj *like = is_ma(args[1]) ? MA(args[1]) : NULL;
    return ma_take(d, m, like);
}

static Value bi_masked_where(Value *args)
{
    return masked_where_impl(args, true);
}

/* masked_<cmp>(x, value): masked_where(cmp(x, value), x). */
static Value masked_cmp(Value x, Value value, NdUfuncId id, bool set_fill)
{
    NdArray *d, *k;
    if (parts(x, &d, &k) < 0)
        return v_error();
    nd_decref(k);
    NdArray *v = value_to_array(value, ND_NTYPES);
    NdArray *c = v ? nd_binary(id, d, v) : NULL;
    nd_decref(v);
    nd_decref(d);
    if (!c)
        return v ? rt_from_lib() : v_error();
    Value cond = v_array_take(c);
    Value args[3] = {cond, x, v_unset()};
    Value r = bi_masked_where(args);
    v_decref(cond);
    if (!v_is_err(r) && set_fill && fill_arg(value, MA(r)) < 0) {
        v_decref(r);
        return v_error();
    }
    return r;
}

static Value bi_masked_equal(Value *args)
{
    return masked_cmp(args[0], args[1], ND_UF_EQUAL, true);
}
static Value bi_masked_not_equal(Value *args)
{
    return masked_cmp(args[0], args[1], ND_UF_NOT_EQUAL, false);
}
static Value bi_masked_greater(Value *args)
{
    return masked_cmp(args[0], args[1], ND_UF_GREATER, false);
}
static Value bi_masked_greater_equal(Value *args)
{
    return masked_cmp(args[0], args[1], ND_UF_GREATER_EQUAL, false);
}
static Value bi_masked_less(Value *args)
{
    return masked_cmp(args[0], args[1], ND_UF_LESS, false);
}
static Value bi_masked_less_equal(Value *args)
{
    return masked_cmp(args[0], args[1], ND_UF_LESS_EQUAL, false);
}

/* masked_inside / masked_outside(x, v1, v2): the interval [v1, v2] (its
 * ends swapped when v2 < v1). */
static Value masked_interval(Value *args, bool inside)
{
    Value v1 = args[1], v2 = args[2];
    Value gt = op_compare(OP_GT, v1, v2);
    if (v_is_err(gt))
        return gt;
    int sw = op_truth(gt);
    v_decref(gt);
    if (sw < 0)
        return v_error();
    if (sw) {
        Value t = v1;
        v1 = v2;
        v2 = t;
    }
    NdArray *d, *k;
    if (parts(args[0], &d, &k) < 0)
        return v_error();
    nd_decref(k);
    NdArray *a1 = value_to_array(v1, ND_NTYPES);
    NdArray *a2 = a1 ? value_to_array(v2, ND_NTYPES) : NULL;
    NdArray *c = NULL;
    if (a2) {
        NdArray *l =
            nd_binary(inside ? ND_UF_GREATER_EQUAL : ND_UF_LESS, d, a1);
        NdArray *h =
            l ? nd_binary(inside ? ND_UF_LESS_EQUAL : ND_UF_GREATER, d, a2)
              : NULL;
        if (h)
            c = nd_binary(inside ? ND_UF_LOGICAL_AND : ND_UF_LOGICAL_OR, l, h);
        nd_decref(l);
        nd_decref(h);
    }
    nd_decref(d);
    nd_decref(a1);
    nd_decref(a2);
    if (!c)
        return a2 ? rt_from_lib() : v_error();
    Value cond = v_array_take(c);
    Value wargs[3] = {cond, args[0], v_unset()};
    Value r = bi_masked_where(wargs);
    v_decref(cond);
    return r;
}

static Value bi_masked_inside(Value *args)
{
    return masked_interval(args, true);
}
static Value bi_masked_outside(Value *args)
{
    return masked_interval(args, false);
}

static Value bi_masked_invalid(Value *args)
{
    NdArray *d, *k;
    if (parts(args[0], &d, &k) < 0)
        return v_error();
    nd_decref(k);
    NdArray *f = nd_unary(ND_UF_ISFINITE, d);
    NdArray *c = f ? nd_unary(ND_UF_LOGICAL_NOT, f) : NULL;
    nd_decref(f);
    nd_decref(d);
    if (!c)
        return rt_from_lib();
    Value cond = v_array_take(c);
    Value wargs[3] = {cond, args[0], args[1]};
    /* NumPy's masked_invalid never returns nomask (gh-22842) */
    Value r = masked_where_impl(wargs, false);
    v_decref(cond);
    return r;
}

/* masked_values(x, value, rtol=1e-05, atol=1e-08, copy=True, shrink=True):
 * floats compare with isclose, others with ==; fill_value = value. */
static Value bi_masked_values(Value *args)
{
    NdArray *d, *k;
    if (parts(args[0], &d, &k) < 0)
        return v_error();
    nd_decref(k);
    NdArray *v = value_to_array(args[1], ND_NTYPES);
    if (!v) {
        nd_decref(d);
        return v_error();
    }
    NdArray *c;
    if (nd_dtype_kind(d->dtype) == ND_KIND_FLOAT) {
        double rt = 1e-5, at = 1e-8;
        if ((given(args[2]) && value_to_double(args[2], &rt) < 0) ||
            (given(args[3]) && value_to_double(args[3], &at) < 0)) {
            nd_decref(d);
            nd_decref(v);
            return v_error();
        }
        NdScalar rs = nd_scalar_float64(rt), as = nd_scalar_float64(at);
        NdArray *ra = nd_from_scalar(&rs), *aa = nd_from_scalar(&as);
        c = ra && aa ? nd_isclose(d, v, ra, aa, false) : NULL;
        nd_decref(ra);
        nd_decref(aa);
    } else {
        c = nd_binary(ND_UF_EQUAL, d, v);
    }
    nd_decref(d);
    nd_decref(v);
    if (!c)
        return rt_from_lib();
    Value cond = v_array_take(c);
    Value wargs[3] = {cond, args[0], args[4]};
    Value r = masked_where_impl(wargs, false);
    v_decref(cond);
    if (v_is_err(r))
        return r;
    if (fill_arg(args[1], MA(r)) < 0) {
        v_decref(r);
        return v_error();
    }
    bool shrink = true;
    if (bi_get_bool(args[5], false, &shrink) < 0) {
        v_decref(r);
        return v_error();
    }
    if (args[5].kind == VK_UNSET)
        shrink = true;
    if (shrink && !any_true(MA(r)->mask)) {
        nd_decref(MA(r)->mask);
        MA(r)->mask = NULL;
    }
    return r;
}

static Value bi_filled(Value *args)
{
    if (!is_ma(args[0])) {
        NdArray *d = value_to_array(args[0], ND_NTYPES);
        return d ? v_array_take(d) : v_error();
    }
    return m_filled(args);
}

static Value make_masked(void)
{
    return masked_value();
}

static Value make_nomask(void)
{
    Value f = {.kind = VK_SCALAR, .dtype = ND_BOOL, .weak = 0};
    f.as.b = false;
    return f;
}

/* ----------------------------------------------------------- the tables */

#define SUM_P "self, axis=None, dtype=None, out=None, keepdims=False"
#define VAR_P "self, axis=None, dtype=None, out=None, ddof=0, keepdims=False"
#define MAX_P "self, axis=None, out=None, fill_value=None, keepdims=False"
#define ARG_P "self, axis=None, fill_value=None, out=None, keepdims=False"
#define MED_P "self, axis=None, out=None, overwrite_input=False, keepdims=False"

#define HELP_SUM                                                               \
    "Sum of the unmasked elements over the given axis.\n\n"                    \
    "A lane with no unmasked element gives `masked`.\n\n"                      \
    ">>> ma.array([1, 2, 3], mask=[0, 1, 0]).sum()\n4\n"                       \
    ">>> ma.array([[1, 2], [3, 4]], mask=[[0, 1], [0, 0]]).sum(axis=0)\n"      \
    "masked_array(data=[4, 4],\n             mask=[False, False],\n"           \
    "       fill_value=999999)\n"
#define HELP_PROD                                                              \
    "Product of the unmasked elements over the given axis.\n\n"                \
    ">>> ma.array([2, 5, 3], mask=[0, 1, 0]).prod()\n6\n"
#define HELP_MEAN                                                              \
    "Mean of the unmasked elements over the given axis.\n\n"                   \
    ">>> ma.array([1.0, 2.0, 100.0], mask=[0, 0, 1]).mean()\n1.5\n"
#define HELP_VAR                                                               \
    "Variance of the unmasked elements (ddof: delta degrees of freedom).\n\n"  \
    ">>> ma.array([1.0, 3.0, 100.0], mask=[0, 0, 1]).var()\n1.0\n"
#define HELP_STD                                                               \
    "Standard deviation of the unmasked elements.\n\n"                         \
    ">>> ma.array([1.0, 3.0, 100.0], mask=[0, 0, 1]).std()\n1.0\n"
#define HELP_MAX                                                               \
    "Maximum of the unmasked elements.\n\n"                                    \
    ">>> ma.array([1, 9, 3], mask=[0, 1, 0]).max()\n3\n"
#define HELP_MIN                                                               \
    "Minimum of the unmasked elements.\n\n"                                    \
    ">>> ma.array([1, -9, 3], mask=[0, 1, 0]).min()\n1\n"
#define HELP_ARGMAX                                                            \
    "Index of the maximum unmasked element (masked places filled with the\n"   \
    "smallest value first).\n\n"                                               \
    ">>> ma.array([1, 9, 3], mask=[0, 1, 0]).argmax()\n2\n"
#define HELP_ARGMIN                                                            \
    "Index of the minimum unmasked element.\n\n"                               \
    ">>> ma.array([1, -9, 3], mask=[0, 1, 0]).argmin()\n0\n"
#define HELP_MEDIAN                                                            \
    "Median of the unmasked elements over the given axis.\n\n"                 \
    ">>> ma.median(ma.array([1, 2, 3, 100], mask=[0, 0, 0, 1]))\n2.0\n"
#define HELP_COUNT                                                             \
    "The number of unmasked elements (along an axis when given).\n\n"          \
    ">>> ma.array([1, 2, 3], mask=[0, 1, 0]).count()\n2\n"
#define HELP_FILLED                                                            \
    "A plain array with the masked places set to fill_value (the array's\n"    \
    "fill_value when not given).\n\n"                                          \
    ">>> ma.array([1, 2, 3], mask=[0, 1, 0]).filled(0)\narray([1, 0, 3])\n"
#define HELP_COMPRESSED                                                        \
    "The unmasked elements as a 1-d array.\n\n"                                \
    ">>> ma.array([1, 2, 3], mask=[0, 1, 0]).compressed()\narray([1, 3])\n"

#define SORT_P                                                                 \
    "self, axis=-1, kind=None, order=None, endwith=True, fill_value=None, "    \
    "*, stable=False"
#define ARGSORT_P                                                              \
    "self, axis=None, kind=None, order=None, endwith=True, "                   \
    "fill_value=None, *, stable=False"
#define HELP_SORT                                                              \
    "Sort along an axis, masked elements last (first with endwith=False).\n\n" \
    "Masked places are filled (NaN for floats, else the dtype's largest "      \
    "value;\nthe smallest with endwith=False; fill_value when given), the "    \
    "filled data\nis argsorted and data and mask are taken along the axis.  "  \
    "The method sorts\nin place and returns None; ma.sort returns a sorted "   \
    "copy (axis=None:\nflattened).\n\n"                                        \
    ">>> a = ma.array([3, 1, 4, 1, 5], mask=[0, 1, 0, 0, 1])\n"                \
    ">>> ma.sort(a)\nmasked_array(data=[1, 3, 4, --, --],\n"                   \
    "             mask=[False, False, False,  True,  True],\n"                 \
    "       fill_value=999999)\n"                                              \
    ">>> a.sort(endwith=False)\n>>> a\nmasked_array(data=[--, --, 1, 3, 4],\n" \
    "             mask=[ True,  True, False, False, False],\n"                 \
    "       fill_value=999999)\n"
#define HELP_ARGSORT                                                           \
    "The indices that sort the filled data along an axis (a plain "            \
    "array).\n\n"                                                              \
    "Masked places are filled as sort does, so they come last (first with\n"   \
    "endwith=False).  An omitted axis is -1 for 1-d input and the "            \
    "flattened\narray (with NumPy's MaskedArrayFutureWarning) otherwise.\n\n"  \
    ">>> a = ma.array([3, 1, 4, 1, 5], mask=[0, 1, 0, 0, 1])\n"                \
    ">>> a.argsort()\narray([3, 0, 2, 1, 4])\n"                                \
    ">>> ma.argsort(a, fill_value=0)\narray([1, 4, 3, 0, 2])\n"

static const BuiltinDef ma_methods_defs[] = {
    {"argmax", m_argmax, ARG_P, HELP_ARGMAX},
    {"argmin", m_argmin, ARG_P, HELP_ARGMIN},
    {"argsort", m_argsort, ARGSORT_P, HELP_ARGSORT},
    {"compressed", m_compressed, "self", HELP_COMPRESSED},
    {"copy", m_copy, "self",
     "A copy of the masked array (data and mask).\n\n"
     ">>> ma.array([1, 2], mask=[1, 0]).copy()\n"
     "masked_array(data=[--, 2],\n             mask=[ True, False],\n"
     "       fill_value=999999)\n"},
    {"count", m_count, "self, axis=None, keepdims=False", HELP_COUNT},
    {"filled", m_filled, "self, fill_value=None", HELP_FILLED},
    {"max", m_max, MAX_P, HELP_MAX},
    {"mean", m_mean, SUM_P, HELP_MEAN},
    {"median", m_median, MED_P, HELP_MEDIAN},
    {"min", m_min, MAX_P, HELP_MIN},
    {"prod", m_prod, SUM_P, HELP_PROD},
    {"ravel", m_ravel, "self",
     "The masked array flattened (C order).\n\n"
     ">>> print(ma.array([[1, 2], [3, 4]], mask=[[0, 1], [0, 0]]).ravel())\n"
     "[1 -- 3 4]\n"},
    {"reshape", m_reshape, "self, *shape",
     "The masked array with a new shape.\n\n"
     ">>> print(ma.array([1, 2, 3, 4], mask=[0, 1, 0, 0]).reshape(2, 2))\n"
     "[[1 --]\n [3 4]]\n"},
    {"sort", m_sort, SORT_P, HELP_SORT},
    {"std", m_std, VAR_P, HELP_STD},
    {"sum", m_sum, SUM_P, HELP_SUM},
    {"tolist", m_tolist, "self",
     "The elements as nested lists, None where masked.\n\n"
     ">>> ma.array([1, 2, 3], mask=[0, 1, 0]).tolist()\n[1, None, 3]\n"},
    {"var", m_var, VAR_P, HELP_VAR},
};

static const Namespace ma_methods = {
    .name = "MaskedArray",
    .defs = ma_methods_defs,
    .ndefs = sizeof ma_methods_defs / sizeof ma_methods_defs[0],
};

#define MA_HELP                                                                \
    "MaskedArray: an array with a mask of invalid entries (numpy.ma).\n\n"     \
    "Attributes data, mask, fill_value, shape, ndim, size, dtype, T; "         \
    "operators\nand ufuncs propagate the mask; reductions skip masked "        \
    "elements.\n\n"                                                            \
    ">>> m = ma.array([1, 2, 3], mask=[0, 1, 0])\n"                            \
    ">>> print(m + 10)\n[11 -- 13]\n"                                          \
    ">>> m[1] = 5\n>>> print(m)\n[1 5 3]\n"

const NativeType ma_type = {
    .name = "MaskedArray",
    .size = sizeof(MaObj),
    .finalize = ma_finalize,
    .str = ma_str,
    .repr = ma_repr,
    .getattr = ma_getattr,
    .setattr = ma_setattr,
    .methods = &ma_methods,
    .binary = ma_binary,
    .getitem = ma_getitem,
    .setitem = ma_setitem,
    .help = MA_HELP,
    .ufunc = ma_ufunc,
    .len = ma_len,
};

const NativeType ma_const_type = {
    .name = "MaskedConstant",
    .size = sizeof(MaObj),
    .finalize = ma_finalize,
    .str = const_str,
    .repr = const_repr,
    .getattr = ma_getattr,
    .setattr = ma_setattr,
    .methods = &ma_methods,
    .binary = ma_binary,
    .help = "MaskedConstant: ma.masked, the masked element (prints as --).\n\n"
            ">>> ma.masked\nmasked\n>>> print(ma.masked)\n--\n",
    .ufunc = ma_ufunc,
};

/* ------------------------------------------------ module function forms */

/* v's data and mask as numpy.ma's getdata/getmask make them: a Python
 * scalar becomes a 0-d array of its default dtype (np.array(2)), strong
 * under NEP 50. */
static int parts_strong(Value v, NdArray **data, NdArray **mask)
{
    if (parts(v, data, mask) < 0)
        return -1;
    if (v.kind == VK_SCALAR)
        (*data)->flags &= ~(unsigned)ND_WEAK; /* a fresh 0-d array */
    return 0;
}

/* ma.log(x), ma.add(a, b), ...: numpy.ma's _MaskedUnaryOperation,
 * _MaskedBinaryOperation and _DomainedBinaryOperation objects.  Any input
 * is taken as a masked array, so ma.log([-1, 1]) masks the invalid entry;
 * a 0-d result is a scalar, or `masked`. */
static Value ma_func(NdUfuncId id, Value *args)
{
    return ma_apply(id, args, nd_ufunc_nin(id), true, true);
}

/* One line per function form: the table entry's name, its ufunc. */
#define MA_UFUNCS(X)                                                           \
    X(absolute, ND_UF_ABSOLUTE)                                                \
    X(add, ND_UF_ADD)                                                          \
    X(arccos, ND_UF_ARCCOS)                                                    \
    X(arccosh, ND_UF_ARCCOSH)                                                  \
    X(arcsin, ND_UF_ARCSIN)                                                    \
    X(arcsinh, ND_UF_ARCSINH)                                                  \
    X(arctan, ND_UF_ARCTAN)                                                    \
    X(arctan2, ND_UF_ARCTAN2)                                                  \
    X(arctanh, ND_UF_ARCTANH)                                                  \
    X(bitwise_and, ND_UF_BITWISE_AND)                                          \
    X(bitwise_or, ND_UF_BITWISE_OR)                                            \
    X(bitwise_xor, ND_UF_BITWISE_XOR)                                          \
    X(ceil, ND_UF_CEIL)                                                        \
    X(conjugate, ND_UF_CONJUGATE)                                              \
    X(cos, ND_UF_COS)                                                          \
    X(cosh, ND_UF_COSH)                                                        \
    X(equal, ND_UF_EQUAL)                                                      \
    X(exp, ND_UF_EXP)                                                          \
    X(fabs, ND_UF_FABS)                                                        \
    X(floor, ND_UF_FLOOR)                                                      \
    X(floor_divide, ND_UF_FLOOR_DIVIDE)                                        \
    X(fmod, ND_UF_FMOD)                                                        \
    X(greater, ND_UF_GREATER)                                                  \
    X(greater_equal, ND_UF_GREATER_EQUAL)                                      \
    X(hypot, ND_UF_HYPOT)                                                      \
    X(less, ND_UF_LESS)                                                        \
    X(less_equal, ND_UF_LESS_EQUAL)                                            \
    X(log, ND_UF_LOG)                                                          \
    X(log10, ND_UF_LOG10)                                                      \
    X(log2, ND_UF_LOG2)                                                        \
    X(logical_and, ND_UF_LOGICAL_AND)                                          \
    X(logical_not, ND_UF_LOGICAL_NOT)                                          \
    X(logical_or, ND_UF_LOGICAL_OR)                                            \
    X(logical_xor, ND_UF_LOGICAL_XOR)                                          \
    X(multiply, ND_UF_MULTIPLY)                                                \
    X(negative, ND_UF_NEGATIVE)                                                \
    X(not_equal, ND_UF_NOT_EQUAL)                                              \
    X(power, ND_UF_POWER)                                                      \
    X(remainder, ND_UF_REMAINDER)                                              \
    X(sin, ND_UF_SIN)                                                          \
    X(sinh, ND_UF_SINH)                                                        \
    X(sqrt, ND_UF_SQRT)                                                        \
    X(subtract, ND_UF_SUBTRACT)                                                \
    X(tan, ND_UF_TAN)                                                          \
    X(tanh, ND_UF_TANH)                                                        \
    X(true_divide, ND_UF_TRUE_DIVIDE)

#define MA_STUB(NAME, ID)                                                      \
    static Value ma_uf_##NAME(Value *args)                                     \
    {                                                                          \
        return ma_func(ID, args);                                              \
    }
MA_UFUNCS(MA_STUB)
#undef MA_STUB

/* numpy.ma.where's core: data where(cf, xd, yd) with cf the condition
 * filled with False, mask where(cf, xm, ym) | cm, nomask when nothing is
 * masked (its _shrink_mask).  All borrowed; NULL masks are nomask. */
static Value where_core(NdArray *cd, NdArray *cm, NdArray *xd, NdArray *xm,
                        NdArray *yd, NdArray *ym)
{
    NdArray *cf = NULL, *data = NULL, *mask = NULL, *f = NULL, *nc = NULL;
    NdScalar no = nd_scalar_bool(false);
    int rc = -1;
    if (cm) {
        nc = nd_unary(ND_UF_LOGICAL_NOT, cm);
        cf = nc ? nd_binary(ND_UF_LOGICAL_AND, cd, nc) : NULL;
    } else {
        cf = nd_incref(cd);
    }
    if (!cf || !(data = nd_where(cf, xd, yd)))
        goto done;
    if (xm || ym || cm) {
        if (!(f = nd_from_scalar(&no)))
            goto done;
        NdArray *w = nd_where(cf, xm ? xm : f, ym ? ym : f);
        if (!w)
            goto done;
        int r = mask_or(w, cm, &mask);
        nd_decref(w);
        if (r < 0 || mask_to_shape(&mask, data->ndim, data->shape) < 0)
            goto done;
        if (!any_true(mask)) {
            nd_decref(mask);
            mask = NULL;
        }
    }
    rc = 0;
done:
    nd_decref(cf);
    nd_decref(nc);
    nd_decref(f);
    if (rc < 0) {
        nd_decref(data);
        nd_decref(mask);
        return rt_from_lib();
    }
    /* 0-d too: numpy.ma.where always makes a masked array. */
    return ma_take(data, mask, NULL);
}

static Value bi_ma_nonzero(Value cond)
{
    NdArray *d, *k;
    if (parts(cond, &d, &k) < 0)
        return v_error();
    NdArray *nk = k ? nd_unary(ND_UF_LOGICAL_NOT, k) : NULL;
    NdArray *cf =
        k ? (nk ? nd_binary(ND_UF_LOGICAL_AND, d, nk) : NULL) : nd_incref(d);
    nd_decref(nk);
    nd_decref(d);
    nd_decref(k);
    if (!cf)
        return rt_from_lib();
    const BuiltinDef *def;
    const NsConst *c;
    if (!root_lookup("nonzero", &def, &c) || !def) {
        nd_decref(cf);
        return rt_raise(ERR_NAME, "name 'nonzero' is not defined");
    }
    Value a = v_array_take(cf);
    Value r = def->fn(&a);
    v_decref(a);
    return r;
}

static Value bi_ma_where(Value *args)
{
    if (!given(args[1]) && !given(args[2]))
        return bi_ma_nonzero(args[0]);
    if (!given(args[1]) || !given(args[2]))
        return rt_raise(ERR_VALUE, "Must provide both 'x' and 'y' or neither.");
    NdArray *d[3] = {NULL, NULL, NULL}, *k[3] = {NULL, NULL, NULL};
    Value rv = v_error();
    for (int i = 0; i < 3; i++)
        if (parts_strong(args[i], &d[i], &k[i]) < 0)
            goto done;
    /* masked.dtype is float64, but `masked` as x or y takes the other's
     * dtype (numpy.ma.where's special case). */
    for (int i = 1; i < 3; i++) {
        Value other = args[3 - i];
        if (is_ma(args[i]) && native_type(args[i]) == &ma_const_type &&
            !(is_ma(other) && native_type(other) == &ma_const_type)) {
            NdArray *z = nd_zeros(d[3 - i]->dtype, 0, NULL, 'C');
            if (!z) {
                rv = rt_from_lib();
                goto done;
            }
            nd_decref(d[i]);
            d[i] = z;
        }
    }
    rv = where_core(d[0], k[0], d[1], k[1], d[2], k[2]);
done:
    for (int i = 0; i < 3; i++) {
        nd_decref(d[i]);
        nd_decref(k[i]);
    }
    return rv;
}

/* ma.maximum(a, b) is numpy.ma's where(greater(a, b), a, b) (so a NaN
 * does not win, unlike np.maximum); ma.minimum the same with less. */
static Value extremum(Value *args, NdUfuncId cmp)
{
    NdArray *d[2] = {NULL, NULL}, *k[2] = {NULL, NULL}, *cd = NULL, *cm = NULL;
    Value rv = v_error();
    for (int i = 0; i < 2; i++)
        if (parts_strong(args[i], &d[i], &k[i]) < 0)
            goto done;
    Quiet q;
    quiet_begin(&q);
    cd = nd_binary(cmp, d[0], d[1]);
    quiet_end(&q);
    if (!cd || mask_or(k[0], k[1], &cm) < 0) {
        rv = rt_from_lib();
        goto done;
    }
    rv = where_core(cd, cm, d[0], k[0], d[1], k[1]);
done:
    nd_decref(cd);
    nd_decref(cm);
    for (int i = 0; i < 2; i++) {
        nd_decref(d[i]);
        nd_decref(k[i]);
    }
    return rv;
}

static Value bi_ma_maximum(Value *args)
{
    return extremum(args, ND_UF_GREATER);
}

static Value bi_ma_minimum(Value *args)
{
    return extremum(args, ND_UF_LESS);
}

/* ma.zeros, ma.ones, ma.empty, ma.arange: the root function's array as a
 * masked array with no mask (numpy.ma's _convert2ma).  The table entries
 * repeat the root's parameters, so the parsed arguments pass through. */
static Value from_root(const char *name, Value *args)
{
    const BuiltinDef *def;
    const NsConst *c;
    if (!root_lookup(name, &def, &c) || !def)
        return rt_raise(ERR_NAME, "name '%s' is not defined", name);
    Value r = def->fn(args);
    if (v_is_err(r))
        return r;
    Value m = as_ma(r);
    v_decref(r);
    return m;
}

static Value bi_ma_zeros(Value *args)
{
    return from_root("zeros", args);
}

static Value bi_ma_ones(Value *args)
{
    return from_root("ones", args);
}

static Value bi_ma_empty(Value *args)
{
    return from_root("empty", args);
}

static Value bi_ma_arange(Value *args)
{
    return from_root("arange", args);
}

/* ma.concatenate: the data concatenated; the masks too when any input has
 * one (nomask when none is set). */
static Value bi_ma_concatenate(Value *args)
{
    Value seq = args[0];
    const Value *items;
    int64_t n;
    if (seq.kind == VK_LIST) {
        items = as_list(seq)->items;
        n = as_list(seq)->n;
    } else if (seq.kind == VK_TUPLE) {
        items = as_tuple(seq)->items;
        n = as_tuple(seq)->n;
    } else {
        return rt_raise(ERR_TYPE, "The first input argument needs to be a "
                                  "sequence");
    }
    int64_t axis = 0;
    if (args[1].kind == VK_NONE)
        axis = ND_AXIS_NONE;
    else if (given(args[1]) && bi_get_int(args[1], &axis) < 0)
        return v_error();
    if (n == 0)
        return rt_raise(ERR_VALUE, "need at least one array to concatenate");
    NdArray **d = calloc((size_t)n, sizeof *d);
    NdArray **k = calloc((size_t)n, sizeof *k);
    NdArray *data = NULL, *mask = NULL;
    bool any_mask = false;
    Value rv = v_error();
    if (!d || !k) {
        rv = rt_raise(ERR_MEMORY, "out of memory");
        goto done;
    }
    for (int64_t i = 0; i < n; i++) {
        if (parts(items[i], &d[i], &k[i]) < 0)
            goto done;
        any_mask |= k[i] != NULL;
    }
    if (!(data = nd_concatenate(d, n, axis, ND_NTYPES, ND_CAST_SAME_KIND)))
        goto lib;
    if (any_mask) {
        NdScalar no = nd_scalar_bool(false);
        for (int64_t i = 0; i < n; i++)
            if (!k[i] &&
                !(k[i] = nd_full(ND_BOOL, d[i]->ndim, d[i]->shape, &no, 'C')))
                goto lib;
        if (!(mask = nd_concatenate(k, n, axis, ND_NTYPES, ND_CAST_SAME_KIND)))
            goto lib;
        if (!any_true(mask)) {
            nd_decref(mask);
            mask = NULL;
        }
    }
    rv = ma_take(data, mask, NULL);
    data = mask = NULL;
    goto done;
lib:
    rv = rt_from_lib();
done:
    for (int64_t i = 0; d && k && i < n; i++) {
        nd_decref(d[i]);
        nd_decref(k[i]);
    }
    free(d);
    free(k);
    nd_decref(data);
    nd_decref(mask);
    return rv;
}

/* ma.allclose: isclose over the unmasked places; masked places count as
 * equal when masked_equal, else as different. */
static Value bi_ma_allclose(Value *args)
{
    NdArray *d[2] = {NULL, NULL}, *k[2] = {NULL, NULL}, *tol[2] = {NULL, NULL};
    NdArray *cl = NULL, *m = NULL, *t = NULL, *all = NULL;
    Value rv = v_error();
    bool meq = true;
    if (given(args[2]) && bi_get_bool(args[2], false, &meq) < 0)
        return rv;
    for (int i = 0; i < 2; i++) {
        if (parts(args[i], &d[i], &k[i]) < 0)
            goto done;
        if (given(args[3 + i])) {
            tol[i] = value_to_array(args[3 + i], ND_NTYPES);
        } else {
            NdScalar t = nd_scalar_float64(i ? 1e-08 : 1e-05);
            t.weak = true; /* Python floats */
            tol[i] = nd_from_scalar(&t);
        }
        if (!tol[i])
            goto done;
    }
    Quiet q;
    quiet_begin(&q);
    cl = nd_isclose(d[0], d[1], tol[0], tol[1], false);
    if (cl && mask_or(k[0], k[1], &m) == 0) {
        if (m) {
            NdArray *nm = meq ? NULL : nd_unary(ND_UF_LOGICAL_NOT, m);
            t = meq  ? nd_binary(ND_UF_LOGICAL_OR, cl, m)
                : nm ? nd_binary(ND_UF_LOGICAL_AND, cl, nm)
                     : NULL;
            nd_decref(nm);
        } else {
            t = nd_incref(cl);
        }
        all = t ? nd_all(t, NULL, -1, false, NULL) : NULL;
    }
    quiet_end(&q);
    if (!all) {
        rv = rt_from_lib();
        goto done;
    }
    rv = v_bool(((const bool *)all->data)[0]);
done:
    for (int i = 0; i < 2; i++) {
        nd_decref(d[i]);
        nd_decref(k[i]);
        nd_decref(tol[i]);
    }
    nd_decref(cl);
    nd_decref(m);
    nd_decref(t);
    nd_decref(all);
    return rv;
}

/* ma.around(a, decimals=0) / ma.round: the data rounded, the mask kept
 * (a masked element stays masked).  ma.round of a plain array is a plain
 * array, as numpy.ma's round_ hands it to np.round. */
static Value round_common(Value *args, bool plain_ok)
{
    int64_t dec = 0;
    if (given(args[1]) && bi_get_int(args[1], &dec) < 0)
        return v_error();
    NdArray *d, *k;
    if (parts(args[0], &d, &k) < 0)
        return v_error();
    NdArray *r = nd_around(d, dec);
    nd_decref(d);
    if (!r) {
        nd_decref(k);
        return rt_from_lib();
    }
    if (plain_ok && !is_ma(args[0])) {
        nd_decref(k);
        return bi_result(r);
    }
    NdArray *m = NULL;
    if (k && !(m = nd_copy(k, 'C'))) {
        nd_decref(k);
        nd_decref(r);
        return rt_from_lib();
    }
    nd_decref(k);
    if (r->ndim == 0) {
        Value v = scalar_or_masked(r, m);
        nd_decref(m);
        return v;
    }
    return ma_take(r, m, is_ma(args[0]) ? MA(args[0]) : NULL);
}

static Value bi_ma_around(Value *args)
{
    return round_common(args, false);
}

static Value bi_ma_round(Value *args)
{
    return round_common(args, true);
}

#define HELP_MU(WHAT)                                                          \
    WHAT                                                                       \
        "\n\nnumpy.ma's form of the ufunc: any input is taken as a masked "    \
        "array;\nmasked elements stay masked, and invalid results are masked " \
        "too.\n\n"
#define HELP_MB(WHAT)                                                          \
    WHAT "\n\nnumpy.ma's form of the ufunc: any inputs are taken as masked "   \
         "arrays;\nan element is masked where either input is (and where the " \
         "result is\ninvalid for a division).\n\n"

#define M_SUM_P "a, axis=None, dtype=None, out=None, keepdims=False"
#define M_VAR_P "a, axis=None, dtype=None, out=None, ddof=0, keepdims=False"
#define M_MAX_P "obj, axis=None, out=None, fill_value=None, keepdims=False"
#define M_ARG_P "a, axis=None, fill_value=None, out=None, keepdims=False"
#define ARRAY_P                                                                \
    "data, dtype=None, copy=False, mask=nomask, fill_value=None, "             \
    "keep_mask=True"
#define HELP_ARRAY                                                             \
    "A masked array: data with a mask of invalid entries (True = masked).\n\n" \
    "mask may be one value (it then applies to every element) or any array "   \
    "of\ndata's size; MaskError when the sizes differ.  fill_value is what "   \
    "filled()\nputs in masked places (default 999999 for ints, 1e+20 for "     \
    "floats, True for\nbools).  The data is not copied unless copy=True.\n\n"  \
    ">>> ma.array([1, 2, 3], mask=[0, 1, 0])\n"                                \
    "masked_array(data=[1, --, 3],\n             mask=[False,  True, "         \
    "False],\n"                                                                \
    "       fill_value=999999)\n"                                              \
    ">>> print(ma.array([[1.5, 2.0], [3.0, 4.0]], mask=[[0, 0], [1, 0]]))\n"   \
    "[[1.5 2.0]\n [-- 4.0]]\n"

#define HELP_CMP(NAME, OP)                                                     \
    "Mask an array where x " OP " value.\n\n"                                  \
    ">>> print(ma." NAME "([1, 2, 3, 4], 2))\n"

/* The module functions that are also methods (count, compressed and the
 * reductions) share the methods' code: as_ma() takes any array-like as
 * `self` (asarray, no mask). */
static const BuiltinDef ma_defs[] = {
    {"MaskedArray", bi_array, ARRAY_P,
     "The masked-array class: calling it is ma.array; "
     "isinstance(x, "
     "ma.MaskedArray)\ntells a masked array.\n\n"
     ">>> isinstance(ma.array([1, 2], mask=[0, 1]), "
     "ma.MaskedArray)\nTrue\n"},
    {"abs", ma_uf_absolute, "a",
     HELP_MU("The absolute value, elementwise (the same as "
             "ma.absolute).") ">>> print(ma.abs([-1.5, "
                              "2.0]))\n[1.5 2. ]\n"},
    {"absolute", ma_uf_absolute, "a",
     HELP_MU("The absolute value, elementwise.") ">>> "
                                                 "print(ma.absolute(ma."
                                                 "array([-1, 2, -3], "
                                                 "mask=[0, 1, "
                                                 "0])))\n[1 -- 3]\n"},
    {"add", ma_uf_add, "a, b",
     HELP_MB("a + b, elementwise.") ">>> print(ma.add(ma.array([1, "
                                    "2, 3], mask=[0, 1, 0]), [10, "
                                    "20, 30]))\n[11 -- 33]\n"},
    {"allclose", bi_ma_allclose,
     "a, b, masked_equal=True, rtol=1e-05, atol=1e-08",
     "Whether a and b are equal within tolerance where neither is "
     "masked "
     "(masked\nplaces count as equal when masked_equal, else as "
     "different).\n\n"
     ">>> ma.allclose(ma.array([1.0, 2.0], mask=[0, 1]), [1.0, "
     "5.0])\nTrue\n"
     ">>> ma.allclose(ma.array([1.0, 2.0], mask=[0, 1]), [1.0, "
     "5.0], "
     "masked_equal=False)\nFalse\n"},
    {"arange", bi_ma_arange, "start=None, stop=None, step=None, dtype=None",
     "arange as a masked array (nothing masked).\n\n"
     ">>> ma.arange(4)\nmasked_array(data=[0, 1, 2, 3],\n          "
     "   "
     "mask=False,\n       fill_value=999999)\n"},
    {"arccos", ma_uf_arccos, "a",
     HELP_MU("The inverse cosine; masked outside [-1, 1].") ">>> "
                                                            "print(ma."
                                                            "arccos([1."
                                                            "0, "
                                                            "2.0]))\n["
                                                            "0.0 "
                                                            "--]\n"},
    {"arccosh", ma_uf_arccosh, "a",
     HELP_MU("The inverse hyperbolic cosine; masked below 1.") ">>> "
                                                               "print("
                                                               "ma."
                                                               "arccosh"
                                                               "([1.0, "
                                                               "0.5]))"
                                                               "\n[0.0 "
                                                               "--]\n"},
    {"arcsin", ma_uf_arcsin, "a",
     HELP_MU("The inverse sine; masked outside [-1, 1].") ">>> "
                                                          "print(ma."
                                                          "arcsin([0.0,"
                                                          " 2.0]))\n[0."
                                                          "0 --]\n"},
    {"arcsinh", ma_uf_arcsinh, "a",
     HELP_MU("The inverse hyperbolic sine.") ">>> "
                                             "print(ma.arcsinh(ma."
                                             "array([0.0, 1.0], "
                                             "mask=[0, 1])))\n[0.0 "
                                             "--]\n"},
    {"arctan", ma_uf_arctan, "a",
     HELP_MU("The inverse tangent.") ">>> "
                                     "print(ma.arctan(ma.array([0."
                                     "0, 1.0], mask=[0, "
                                     "1])))\n[0.0 --]\n"},
    {"arctan2", ma_uf_arctan2, "a, b",
     HELP_MB("The angle arctan(a/b) in the right quadrant.") ">>> "
                                                             "print(ma."
                                                             "arctan2("
                                                             "ma.array("
                                                             "[0.0, "
                                                             "1.0], "
                                                             "mask=[0, "
                                                             "1]), "
                                                             "[1.0, "
                                                             "1.0]))\n["
                                                             "0.0 "
                                                             "--]\n"},
    {"arctanh", ma_uf_arctanh, "a",
     HELP_MU("The inverse hyperbolic tangent; masked outside (-1, "
             "1).") ">>> print(ma.arctanh([0.0, 1.0]))\n[0.0 "
                    "--]\n"},
    {"argmax", m_argmax, M_ARG_P, HELP_ARGMAX},
    {"argmin", m_argmin, M_ARG_P, HELP_ARGMIN},
    {"argsort", bi_ma_argsort,
     "a, axis=None, kind=None, order=None, endwith=True, fill_value=None, "
     "*, stable=None",
     HELP_ARGSORT},
    {"around", bi_ma_around, "a, decimals=0",
     "Round to the given number of decimals (halves to even); the "
     "mask "
     "is kept.\n\n"
     ">>> print(ma.around(ma.array([1.26, 2.5, 3.14159], mask=[0, "
     "1, 0]), "
     "1))\n[1.3 -- 3.1]\n"},
    {"array", bi_array, ARRAY_P, HELP_ARRAY},
    {"bitwise_and", ma_uf_bitwise_and, "a, b",
     HELP_MB("a & b, elementwise.") ">>> "
                                    "print(ma.bitwise_and(ma.array("
                                    "[12, 10], mask=[0, 1]), "
                                    "6))\n[4 --]\n"},
    {"bitwise_or", ma_uf_bitwise_or, "a, b",
     HELP_MB("a | b, elementwise.") ">>> "
                                    "print(ma.bitwise_or(ma.array(["
                                    "12, 10], mask=[0, 1]), "
                                    "6))\n[14 --]\n"},
    {"bitwise_xor", ma_uf_bitwise_xor, "a, b",
     HELP_MB("a ^ b, elementwise.") ">>> "
                                    "print(ma.bitwise_xor(ma.array("
                                    "[12, 10], mask=[0, 1]), "
                                    "6))\n[10 --]\n"},
    {"ceil", ma_uf_ceil, "a",
     HELP_MU("The ceiling, elementwise.") ">>> "
                                          "print(ma.ceil(ma.array([1.2,"
                                          " 2.5, -1.5], mask=[0, 1, "
                                          "0])))\n[2.0 -- -1.0]\n"},
    {"compressed", m_compressed, "x",
     "The unmasked elements as a 1-d array.\n\n"
     ">>> ma.compressed(ma.array([1, 2, 3], mask=[1, 0, 0]))\n"
     "array([2, 3])\n"},
    {"concatenate", bi_ma_concatenate, "arrays, axis=0",
     "Join masked arrays (or any arrays) along an axis, masks "
     "included.\n\n"
     ">>> print(ma.concatenate([ma.array([1, 2], mask=[0, 1]), [3, "
     "4]]))\n"
     "[1 -- 3 4]\n"},
    {"conjugate", ma_uf_conjugate, "a",
     HELP_MU("The complex conjugate.") ">>> "
                                       "print(ma.conjugate(ma."
                                       "array([1+2j, 3j], mask=[0, "
                                       "1])))\n[(1-2j) --]\n"},
    {"cos", ma_uf_cos, "a",
     HELP_MU("The cosine.") ">>> print(ma.cos(ma.array([0.0, 1.0], "
                            "mask=[0, 1])))\n[1.0 --]\n"},
    {"cosh", ma_uf_cosh, "a",
     HELP_MU("The hyperbolic cosine.") ">>> "
                                       "print(ma.cosh(ma.array([0."
                                       "0, 1.0], mask=[0, "
                                       "1])))\n[1.0 --]\n"},
    {"count", m_count, "a, axis=None, keepdims=False",
     "The number of unmasked elements of a (along an axis when "
     "given).\n\n"
     ">>> ma.count(ma.array([[1, 2], [3, 4]], mask=[[1, 0], [0, "
     "0]]), "
     "axis=0)\narray([1, 2])\n"},
    {"divide", ma_uf_true_divide, "a, b",
     HELP_MB("a / b (the same as ma.true_divide); masked where b "
             "is 0.") ">>> print(ma.divide([1, 2, 3], [2, 0, "
                      "4]))\n[0.5 -- 0.75]\n"},
    {"empty", bi_ma_empty, "shape, dtype=float, order='C'",
     "empty as a masked array (nothing masked; contents not "
     "set).\n\n"
     ">>> ma.empty(0)\nmasked_array(data=[],\n             "
     "mask=False,\n"
     "       fill_value=1e+20,\n            dtype=float64)\n"},
    {"equal", ma_uf_equal, "a, b",
     HELP_MB("a == b, elementwise.") ">>> print(ma.equal(ma.array([1, "
                                     "2, 3], mask=[0, 1, 0]), [1, 2, "
                                     "4]))\n[True -- False]\n"},
    {"exp", ma_uf_exp, "a",
     HELP_MU("The exponential.") ">>> print(ma.exp(ma.array([0.0, 1.0, "
                                 "2.0], mask=[0, 1, 0])))\n[1.0 -- "
                                 "7.38905609893065]\n"},
    {"fabs", ma_uf_fabs, "a",
     HELP_MU("The absolute value as floats.") ">>> "
                                              "print(ma.fabs(ma.array(["
                                              "-1, 2], mask=[0, "
                                              "1])))\n[1.0 --]\n"},
    {"filled", bi_filled, "a, fill_value=None",
     "a with its masked places set to fill_value (a plain "
     "array).\n\n"
     ">>> ma.filled(ma.array([1, 2, 3], mask=[0, 1, 0]), -1)\n"
     "array([ 1, -1,  3])\n"},
    {"floor", ma_uf_floor, "a",
     HELP_MU("The floor, elementwise.") ">>> "
                                        "print(ma.floor(ma.array([1.7, "
                                        "2.5, -1.5], mask=[0, 1, "
                                        "0])))\n[1.0 -- -2.0]\n"},
    {"floor_divide", ma_uf_floor_divide, "a, b",
     HELP_MB("a // b; masked where b is 0.") ">>> "
                                             "print(ma.floor_divide([7,"
                                             " 8, 9], [2, 0, 4]))\n[3 "
                                             "-- 2]\n"},
    {"fmod", ma_uf_fmod, "a, b",
     HELP_MB("The C remainder (sign of a); masked where b is 0.") ">>> "
                                                                  "prin"
                                                                  "t("
                                                                  "ma."
                                                                  "fmod"
                                                                  "([-"
                                                                  "7, "
                                                                  "8], "
                                                                  "[2, "
                                                                  "0]))"
                                                                  "\n[-"
                                                                  "1 "
                                                                  "--]"
                                                                  "\n"},
    {"getdata", bi_getdata, "a, subok=True",
     "The data of a masked array (the array itself for anything "
     "else).\n\n"
     ">>> ma.getdata(ma.array([1, 2, 3], mask=[0, 1, 0]))\n"
     "array([1, 2, 3])\n"},
    {"getmask", bi_getmask, "a",
     "The mask of a, or nomask (False) when it has none.\n\n"
     ">>> ma.getmask(ma.array([1, 2], mask=[0, 1]))\n"
     "array([False,  True])\n>>> ma.getmask(ma.array([1, "
     "2]))\nFalse\n"},
    {"getmaskarray", bi_getmaskarray, "arr",
     "The mask of arr as a full bool array (all False for no "
     "mask).\n\n"
     ">>> ma.getmaskarray(ma.array([1, 2]))\narray([False, "
     "False])\n"},
    {"greater", ma_uf_greater, "a, b",
     HELP_MB("a > b, elementwise.") ">>> print(ma.greater(ma.array([1, "
                                    "2, 3], mask=[0, 1, 0]), "
                                    "2))\n[False -- True]\n"},
    {"greater_equal", ma_uf_greater_equal, "a, b",
     HELP_MB("a >= b, elementwise.") ">>> "
                                     "print(ma.greater_equal(ma."
                                     "array([1, 2, 3], mask=[0, 1, "
                                     "0]), 3))\n[False -- True]\n"},
    {"hypot", ma_uf_hypot, "a, b",
     HELP_MB("sqrt(a**2 + b**2), elementwise.") ">>> "
                                                "print(ma.hypot(ma."
                                                "array([3.0, 1.0], "
                                                "mask=[0, 1]), "
                                                "4.0))\n[5.0 --]\n"},
    {"is_masked", bi_is_masked, "x",
     "Whether x is a masked array with at least one masked "
     "element.\n\n"
     ">>> ma.is_masked(ma.array([1, 2], mask=[0, 1]))\nTrue\n"
     ">>> ma.is_masked([1, 2])\nFalse\n"},
    {"less", ma_uf_less, "a, b",
     HELP_MB("a < b, elementwise.") ">>> print(ma.less(ma.array([1, 2, "
                                    "3], mask=[0, 1, 0]), 2))\n[True "
                                    "-- False]\n"},
    {"less_equal", ma_uf_less_equal, "a, b",
     HELP_MB("a <= b, elementwise.") ">>> "
                                     "print(ma.less_equal(ma.array("
                                     "[1, 2, 3], mask=[0, 1, 0]), "
                                     "1))\n[True -- False]\n"},
    {"log", ma_uf_log, "a",
     HELP_MU("The natural logarithm; masked where x <= 0.") ">>> "
                                                            "print(ma."
                                                            "log([-1.0,"
                                                            " 1.0, "
                                                            "0.0]))\n[-"
                                                            "- 0.0 "
                                                            "--]\n"},
    {"log10", ma_uf_log10, "a",
     HELP_MU("The base-10 logarithm; masked where x <= 0.") ">>> "
                                                            "print(ma."
                                                            "log10(ma."
                                                            "array(["
                                                            "100.0, "
                                                            "-1.0, "
                                                            "1000.0], "
                                                            "mask=[0, "
                                                            "0, "
                                                            "1])))\n[2."
                                                            "0 -- "
                                                            "--]\n"},
    {"log2", ma_uf_log2, "a",
     HELP_MU("The base-2 logarithm; masked where x <= 0.") ">>> "
                                                           "print(ma."
                                                           "log2([8, "
                                                           "0, "
                                                           "2]))\n[3.0 "
                                                           "-- 1.0]\n"},
    {"logical_and", ma_uf_logical_and, "a, b",
     HELP_MB("Logical and, elementwise.") ">>> "
                                          "print(ma.logical_and(ma."
                                          "array([1, 1, 0], mask=[0, "
                                          "1, 0]), [1, 0, 1]))\n[True "
                                          "-- False]\n"},
    {"logical_not", ma_uf_logical_not, "a",
     HELP_MU("Logical not.") ">>> print(ma.logical_not(ma.array([0, 1, "
                             "2], mask=[0, 1, 0])))\n[True -- "
                             "False]\n"},
    {"logical_or", ma_uf_logical_or, "a, b",
     HELP_MB("Logical or, elementwise.") ">>> "
                                         "print(ma.logical_or(ma."
                                         "array([1, 0, 0], "
                                         "mask=[0, 1, 0]), [0, 0, "
                                         "1]))\n[True -- True]\n"},
    {"logical_xor", ma_uf_logical_xor, "a, b",
     HELP_MB("Logical xor, elementwise.") ">>> "
                                          "print(ma.logical_xor(ma."
                                          "array([1, 0, 0], mask=[0, "
                                          "1, 0]), [1, 0, 1]))\n[False "
                                          "-- True]\n"},
    {"masked_array", bi_array, ARRAY_P,
     "The same as ma.array.\n\n"
     ">>> print(ma.masked_array([1, 2, 3], mask=[1, 0, 0]))\n[-- 2 "
     "3]\n"},
    {"masked_equal", bi_masked_equal, "x, value, copy=True",
     "Mask an array where x == value (fill_value becomes "
     "value).\n\n"
     ">>> ma.masked_equal([1, 2, 3], 2)\n"
     "masked_array(data=[1, --, 3],\n             mask=[False,  "
     "True, False],\n"
     "       fill_value=2)\n"},
    {"masked_greater", bi_masked_greater, "x, value, copy=True",
     HELP_CMP("masked_greater", ">") "[1 2 -- --]\n"},
    {"masked_greater_equal", bi_masked_greater_equal, "x, value, copy=True",
     HELP_CMP("masked_greater_equal", ">=") "[1 -- -- --]\n"},
    {"masked_inside", bi_masked_inside, "x, v1, v2, copy=True",
     "Mask an array inside the interval [v1, v2] (ends included; "
     "swapped\n"
     "when v2 < v1).\n\n"
     ">>> print(ma.masked_inside([1, 2, 3, 4, 5], 2, 3))\n[1 -- -- "
     "4 5]\n"},
    {"masked_invalid", bi_masked_invalid, "a, copy=True",
     "Mask the NaNs and infinities of a.\n\n"
     ">>> print(ma.masked_invalid([1.0, nan, inf, 4.0]))\n[1.0 -- "
     "-- 4.0]\n"},
    {"masked_less", bi_masked_less, "x, value, copy=True",
     HELP_CMP("masked_less", "<") "[-- 2 3 4]\n"},
    {"masked_less_equal", bi_masked_less_equal, "x, value, copy=True",
     HELP_CMP("masked_less_equal", "<=") "[-- -- 3 4]\n"},
    {"masked_not_equal", bi_masked_not_equal, "x, value, copy=True",
     HELP_CMP("masked_not_equal", "!=") "[-- 2 -- --]\n"},
    {"masked_outside", bi_masked_outside, "x, v1, v2, copy=True",
     "Mask an array outside the interval [v1, v2] (swapped when v2 "
     "< v1).\n\n"
     ">>> print(ma.masked_outside([1, 2, 3, 4, 5], 2, 3))\n[-- 2 3 "
     "-- --]\n"},
    {"masked_values", bi_masked_values,
     "x, value, rtol=1e-05, atol=1e-08, copy=True, shrink=True",
     "Mask where x is value: approximately (isclose with rtol, "
     "atol) for\n"
     "floats, exactly otherwise; fill_value becomes value.  With "
     "shrink "
     "(the\ndefault) an array with nothing masked has no mask.\n\n"
     ">>> ma.masked_values([1.0, 1.1, 2.0], 1.1)\n"
     "masked_array(data=[1.0, --, 2.0],\n             mask=[False, "
     " True, "
     "False],\n       fill_value=1.1)\n"},
    {"masked_where", bi_masked_where, "condition, a, copy=True",
     "Mask an array where condition is true (combined with a's own "
     "mask).\n\n"
     ">>> x = array([1, 2, 3, 4, 5])\n>>> print(ma.masked_where(x "
     "> 3, x))\n"
     "[1 2 3 -- --]\n"},
    {"max", m_max, M_MAX_P, HELP_MAX},
    {"maximum", bi_ma_maximum, "a, b",
     "The elementwise maximum: where(greater(a, b), a, b), so a "
     "NaN in a "
     "does\nnot win (unlike np.maximum); masked where either "
     "is.\n\n"
     ">>> print(ma.maximum(ma.array([1, 5, 3], mask=[0, 0, 1]), "
     "[4, 2, 2]))\n"
     "[4 5 --]\n"},
    {"mean", m_mean, M_SUM_P, HELP_MEAN},
    {"median", m_median,
     "a, axis=None, out=None, overwrite_input=False, "
     "keepdims=False",
     HELP_MEDIAN},
    {"min", m_min, M_MAX_P, HELP_MIN},
    {"minimum", bi_ma_minimum, "a, b",
     "The elementwise minimum: where(less(a, b), a, b); masked "
     "where "
     "either is.\n\n"
     ">>> print(ma.minimum(ma.array([1, 5, 3], mask=[0, 0, 1]), "
     "[4, 2, 2]))\n"
     "[1 2 --]\n"},
    {"mod", ma_uf_remainder, "a, b",
     HELP_MB("The remainder (the same as ma.remainder); masked "
             "where b is 0.") ">>> print(ma.mod([7, 8, -7], [3, 0, "
                              "3]))\n[1 -- 2]\n"},
    {"multiply", ma_uf_multiply, "a, b",
     HELP_MB("a * b, elementwise.") ">>> "
                                    "print(ma.multiply(ma.array([1,"
                                    " 2, 3], mask=[0, 1, 0]), "
                                    "2))\n[2 -- 6]\n"},
    {"negative", ma_uf_negative, "a",
     HELP_MU("The negation, elementwise.") ">>> "
                                           "print(ma.negative(ma.array("
                                           "[1, 2, 3], mask=[0, 1, "
                                           "0])))\n[-1 -- -3]\n"},
    {"not_equal", ma_uf_not_equal, "a, b",
     HELP_MB("a != b, elementwise.") ">>> "
                                     "print(ma.not_equal(ma.array([1, "
                                     "2, 3], mask=[0, 1, 0]), [1, 2, "
                                     "4]))\n[False -- True]\n"},
    {"ones", bi_ma_ones, "shape, dtype=float, order='C'",
     "ones as a masked array (nothing masked).\n\n"
     ">>> ma.ones((2,), dtype=int)\nmasked_array(data=[1, 1],\n    "
     "         "
     "mask=False,\n       fill_value=999999)\n"},
    {"power", ma_uf_power, "a, b",
     HELP_MB("a ** b; masked where the result is not finite.") ">>> "
                                                               "print("
                                                               "ma."
                                                               "power(["
                                                               "-1.0, "
                                                               "4.0], "
                                                               "0.5))"
                                                               "\n[-- "
                                                               "2.0]"
                                                               "\n"},
    {"prod", m_prod, M_SUM_P, HELP_PROD},
    {"remainder", ma_uf_remainder, "a, b",
     HELP_MB("The remainder with the sign of b (Python's %); masked "
             "where b is 0.") ">>> print(ma.remainder([7, 8, -7], [3, "
                              "0, 3]))\n[1 -- 2]\n"},
    {"round", bi_ma_round, "a, decimals=0",
     "The same as ma.around (a plain array stays plain).\n\n"
     ">>> print(ma.round(ma.array([1.5, 2.5, 3.7], mask=[0, 1, "
     "0])))\n"
     "[2.0 -- 4.0]\n"},
    {"sin", ma_uf_sin, "a",
     HELP_MU("The sine.") ">>> print(ma.sin(ma.array([0.0, 1.0], "
                          "mask=[0, 1])))\n[0.0 --]\n"},
    {"sinh", ma_uf_sinh, "a",
     HELP_MU("The hyperbolic sine.") ">>> print(ma.sinh(ma.array([0.0, "
                                     "1.0], mask=[0, 1])))\n[0.0 "
                                     "--]\n"},
    {"sort", bi_ma_sort,
     "a, axis=-1, kind=None, order=None, endwith=True, fill_value=None, *, "
     "stable=None",
     HELP_SORT},
    {"sqrt", ma_uf_sqrt, "a",
     HELP_MU("The square root; masked where x < 0.") ">>> "
                                                     "print(ma.sqrt([4."
                                                     "0, -1.0, "
                                                     "9.0]))\n[2.0 -- "
                                                     "3.0]\n"},
    {"std", m_std, M_VAR_P, HELP_STD},
    {"subtract", ma_uf_subtract, "a, b",
     HELP_MB("a - b, elementwise.") ">>> "
                                    "print(ma.subtract(ma.array([1,"
                                    " 2, 3], mask=[0, 1, 0]), "
                                    "1))\n[0 -- 2]\n"},
    {"sum", m_sum, M_SUM_P, HELP_SUM},
    {"tan", ma_uf_tan, "a",
     HELP_MU("The tangent.") ">>> print(ma.tan(ma.array([0.0, "
                             "1.0], mask=[0, 1])))\n[0.0 --]\n"},
    {"tanh", ma_uf_tanh, "a",
     HELP_MU("The hyperbolic tangent.") ">>> "
                                        "print(ma.tanh(ma.array([0."
                                        "0, 1.0], mask=[0, "
                                        "1])))\n[0.0 --]\n"},
    {"true_divide", ma_uf_true_divide, "a, b",
     HELP_MB("a / b; masked where b is 0.") ">>> "
                                            "print(ma.true_divide(["
                                            "1.0, 2.0], [0.0, "
                                            "4.0]))\n[-- 0.5]\n"},

    {"var", m_var, M_VAR_P, HELP_VAR},
    {"where", bi_ma_where, "condition, x=None, y=None",
     "x where condition else y, with the masks: masked where the "
     "chosen "
     "element\nis, and where condition is masked.  With only "
     "condition: "
     "the indices of\nits unmasked nonzero elements (nonzero).\n\n"
     ">>> print(ma.where([1, 0, 1], ma.array([1, 2, 3], mask=[1, "
     "0, 0]), "
     "[10, 20, 30]))\n[-- 20 3]\n"},
    {"zeros", bi_ma_zeros, "shape, dtype=float, order='C'",
     "zeros as a masked array (nothing masked).\n\n"
     ">>> ma.zeros(3)\nmasked_array(data=[0., 0., 0.],\n           "
     "  "
     "mask=False,\n       fill_value=1e+20)\n"},
};

static const NsConst ma_consts[] = {
    {"masked", make_masked,
     "masked: the masked constant; assigning it masks an element, reading "
     "a\nmasked element returns it.\n\n"
     ">>> m = ma.array([1, 2, 3])\n>>> m[0] = ma.masked\n>>> print(m)\n"
     "[-- 2 3]\n>>> m[0] is ma.masked\nTrue\n"},
    {"nomask", make_nomask,
     "nomask: the mask of an array with no masked element (False).\n\n"
     ">>> ma.nomask\nFalse\n"},
};

const Namespace ns_ma = {
    .name = "ma",
    .defs = ma_defs,
    .ndefs = sizeof ma_defs / sizeof ma_defs[0],
    .consts = ma_consts,
    .nconsts = sizeof ma_consts / sizeof ma_consts[0],
    .help = "Masked arrays (NumPy's numpy.ma): array, masked, the masked_* "
            "constructors,\ngetmask, getdata, is_masked, count, filled, "
            "compressed, and reductions\nthat skip masked elements.",
};
