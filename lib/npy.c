/* npy.c — the .npy/.npz room of libnd (nd_io.h): NumPy's binary file
 * formats and memory-mapped arrays.
 *
 * A .npy file is the magic "\x93NUMPY", a version (1.0, 2.0 or 3.0), a
 * little-endian header length (2 bytes in 1.0, 4 after), a Python dict
 * literal {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }
 * padded with spaces and a newline so the data starts on a 64-byte
 * boundary, then the raw elements.  We write exactly what NumPy writes
 * (byte for byte) and read what any NumPy wrote.  The header comes from an
 * untrusted file, so it is parsed by a small strict parser of the literal
 * subset NumPy uses (no eval), sizes are overflow-checked, and the data's
 * length is compared with what the file holds before anything is
 * allocated.  A .npz file is a zip archive of .npy members; libzip reads
 * and writes it.  Memory-mapped arrays are views of an mmap whose NdBuffer
 * release hook unmaps it. */
#define _DEFAULT_SOURCE /* MAP_* constants, fileno, ftruncate */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "nd.h"

/* Files are read and written in pieces this large, so Ctrl-C can stop a
 * long transfer between two of them. */
#define CHUNK ((size_t)1 << 24)

static int interrupted(void)
{
    return nd_error(ND_ERR_INTERRUPT, "%s", "");
}

static bool host_little(void)
{
    const uint16_t one = 1;
    unsigned char c;
    memcpy(&c, &one, 1);
    return c == 1;
}

/* ----------------------------------------------------------- descr codes */

/* The type letter and size of each dtype in NumPy's descr ("<f8"). */
static const struct {
    char kind;
    int size;
} descr_codes[ND_NTYPES] = {
    [ND_BOOL] = {'b', 1},        [ND_INT8] = {'i', 1},
    [ND_INT16] = {'i', 2},       [ND_INT32] = {'i', 4},
    [ND_INT64] = {'i', 8},       [ND_UINT8] = {'u', 1},
    [ND_UINT16] = {'u', 2},      [ND_UINT32] = {'u', 4},
    [ND_UINT64] = {'u', 8},      [ND_FLOAT32] = {'f', 4},
    [ND_FLOAT64] = {'f', 8},     [ND_COMPLEX64] = {'c', 8},
    [ND_COMPLEX128] = {'c', 16},
};

static void descr_of(NdType t, char out[8])
{
    char order = descr_codes[t].size == 1 ? '|' : host_little() ? '<' : '>';
    snprintf(out, 8, "%c%c%d", order, descr_codes[t].kind, descr_codes[t].size);
}

/* ------------------------------------------------- the header's literal */

/* The subset of Python literals a .npy header may hold: strings, ints,
 * True/False/None, tuples, lists and dicts.  The parser records only what
 * the three keys need; everything else is checked for syntax and skipped.
 * Messages quote the literal's source text, as NumPy quotes its repr. */

typedef enum LitKind {
    LIT_STR,
    LIT_INT,
    LIT_BOOL,
    LIT_NONE,
    LIT_TUPLE,
    LIT_LIST,
    LIT_DICT,
} LitKind;

typedef struct Lit {
    LitKind kind;
    size_t start, end;         /* source span */
    size_t str_start, str_len; /* LIT_STR: the contents */
    bool b;                    /* LIT_BOOL */
    int64_t i;                 /* LIT_INT */
    bool big;                  /* LIT_INT beyond int64 */
    /* LIT_TUPLE: */
    int n; /* items */
    bool all_ints;
    bool any_big;
    int64_t items[ND_MAXDIMS + 1]; /* the first ND_MAXDIMS + 1 ints */
} Lit;

#define MAX_KEYS 8

typedef struct Parser {
    const char *s;
    size_t n, pos;
    bool py2_longs; /* versions 1.0/2.0 may hold Python 2's "3L" */
    int nkeys;
    Lit keys[MAX_KEYS]; /* the top-level dict's keys and values */
    Lit vals[MAX_KEYS];
    bool too_many_keys;
} Parser;

static void skip_ws(Parser *p)
{
    while (p->pos < p->n && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
                             p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
        p->pos++;
}

static bool word(Parser *p, const char *w)
{
    size_t k = strlen(w);
    if (p->n - p->pos < k || memcmp(p->s + p->pos, w, k))
        return false;
    char c = p->pos + k < p->n ? p->s[p->pos + k] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '_')
        return false;
    p->pos += k;
    return true;
}

static int parse_value(Parser *p, Lit *out, int depth);

/* What parse_items learns about a tuple's items. */
typedef struct Items {
    int n;
    bool comma;    /* a comma followed the last item */
    bool all_ints; /* every item an int */
    bool any_big;  /* some int beyond int64 */
    int64_t ints[ND_MAXDIMS + 1];
    Lit first;
} Items;

/* Items up to `close`, separated by commas (a trailing one allowed). */
static int parse_items(Parser *p, char close, int depth, Items *it)
{
    memset(it, 0, sizeof *it);
    it->all_ints = true;
    for (;;) {
        skip_ws(p);
        if (p->pos < p->n && p->s[p->pos] == close) {
            p->pos++;
            return 0;
        }
        if (it->n > 0 && !it->comma)
            return -1;
        Lit item;
        if (parse_value(p, &item, depth + 1) < 0)
            return -1;
        if (item.kind != LIT_INT)
            it->all_ints = false;
        else if (item.big)
            it->any_big = true;
        else if (it->n <= ND_MAXDIMS)
            it->ints[it->n] = item.i;
        if (it->n == 0)
            it->first = item;
        if (++it->n > 100000)
            return -1;
        skip_ws(p);
        it->comma = p->pos < p->n && p->s[p->pos] == ',';
        if (it->comma)
            p->pos++;
    }
}

static int parse_dict(Parser *p, int depth)
{
    bool comma = false;
    int n = 0;
    for (;;) {
        skip_ws(p);
        if (p->pos < p->n && p->s[p->pos] == '}') {
            p->pos++;
            return 0;
        }
        if (n > 0 && !comma)
            return -1;
        Lit key, val;
        if (parse_value(p, &key, depth + 1) < 0)
            return -1;
        skip_ws(p);
        if (p->pos >= p->n || p->s[p->pos] != ':')
            return -1;
        p->pos++;
        if (parse_value(p, &val, depth + 1) < 0)
            return -1;
        if (depth == 0) {
            /* A repeated key keeps its last value, as in Python. */
            int k = 0;
            for (; k < p->nkeys; k++)
                if (key.kind == LIT_STR && p->keys[k].kind == LIT_STR &&
                    key.str_len == p->keys[k].str_len &&
                    !memcmp(p->s + key.str_start, p->s + p->keys[k].str_start,
                            key.str_len))
                    break;
            if (k < p->nkeys) {
                p->vals[k] = val;
            } else if (p->nkeys < MAX_KEYS) {
                p->keys[p->nkeys] = key;
                p->vals[p->nkeys++] = val;
            } else {
                p->too_many_keys = true;
            }
        }
        n++;
        skip_ws(p);
        comma = p->pos < p->n && p->s[p->pos] == ',';
        if (comma)
            p->pos++;
    }
}

static int parse_value(Parser *p, Lit *out, int depth)
{
    if (depth > 16)
        return -1;
    skip_ws(p);
    memset(out, 0, sizeof *out);
    size_t start = p->pos;
    out->start = start;
    if (p->pos >= p->n)
        return -1;
    char c = p->s[p->pos];
    if (c == '\'' || c == '"') {
        size_t i = p->pos + 1;
        while (i < p->n && p->s[i] != c && p->s[i] != '\n') {
            if (p->s[i] == '\\')
                return -1; /* no escapes in any header NumPy writes */
            i++;
        }
        if (i >= p->n || p->s[i] != c)
            return -1;
        out->kind = LIT_STR;
        out->str_start = p->pos + 1;
        out->str_len = i - p->pos - 1;
        p->pos = i + 1;
    } else if ((c >= '0' && c <= '9') || c == '-' || c == '+') {
        bool neg = c == '-';
        size_t i = p->pos + (c == '-' || c == '+');
        if (i >= p->n || p->s[i] < '0' || p->s[i] > '9')
            return -1;
        uint64_t v = 0;
        bool big = false;
        for (; i < p->n && p->s[i] >= '0' && p->s[i] <= '9'; i++) {
            unsigned d = (unsigned)(p->s[i] - '0');
            if (v > (UINT64_MAX - d) / 10)
                big = true;
            else
                v = v * 10 + d;
        }
        if (p->py2_longs && i < p->n && (p->s[i] == 'L' || p->s[i] == 'l'))
            i++;
        if (!big && !neg && v > (uint64_t)INT64_MAX)
            big = true;
        if (!big && neg && v > (uint64_t)INT64_MAX + 1)
            big = true;
        out->kind = LIT_INT;
        out->big = big;
        if (!big)
            out->i = neg ? (int64_t)(0 - v) : (int64_t)v;
        p->pos = i;
        if (p->pos < p->n && (p->s[p->pos] == '.' || p->s[p->pos] == 'e' ||
                              p->s[p->pos] == 'E' || p->s[p->pos] == 'j' ||
                              p->s[p->pos] == 'x' || p->s[p->pos] == '_'))
            return -1; /* floats and other number forms never appear */
    } else if (word(p, "True") || word(p, "False")) {
        out->kind = LIT_BOOL;
        out->b = p->s[out->start] == 'T';
    } else if (word(p, "None")) {
        out->kind = LIT_NONE;
    } else if (c == '(' || c == '[') {
        p->pos++;
        Items it;
        if (parse_items(p, c == '(' ? ')' : ']', depth, &it) < 0)
            return -1;
        if (c == '(' && it.n == 1 && !it.comma) {
            *out = it.first; /* "(x)" is x itself */
            out->start = start;
        } else {
            out->kind = c == '(' ? LIT_TUPLE : LIT_LIST;
            out->n = it.n;
            out->all_ints = it.all_ints;
            out->any_big = it.any_big;
            memcpy(out->items, it.ints, sizeof out->items);
        }
    } else if (c == '{') {
        p->pos++;
        out->kind = LIT_DICT;
        if (parse_dict(p, depth) < 0)
            return -1;
    } else {
        return -1;
    }
    out->end = p->pos;
    return 0;
}

/* Python's repr of a str holding header text (for "Cannot parse header:
 * ..."): single quotes unless the text has one and no double quote. */
static char *py_repr(const char *s, size_t n)
{
    bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    char *out = malloc(4 * n + 3), *o = out;
    if (!out)
        return NULL;
    *o++ = q;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            o += sprintf(o, "\\n");
        else if (c == '\r')
            o += sprintf(o, "\\r");
        else if (c == '\t')
            o += sprintf(o, "\\t");
        else if (c == '\\' || c == (unsigned char)q)
            o += sprintf(o, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            o += sprintf(o, "\\x%02x", c);
        else
            *o++ = (char)c;
    }
    *o++ = q;
    *o = 0;
    return out;
}

static int header_error(const char *fmt, const Parser *p, const Lit *v)
{
    return nd_error(ND_ERR_VALUE, fmt, (int)(v->end - v->start),
                    p->s + v->start);
}

static bool str_is(const Parser *p, const Lit *v, const char *w)
{
    return v->kind == LIT_STR && v->str_len == strlen(w) &&
           !memcmp(p->s + v->str_start, w, v->str_len);
}

/* The dtype named by a descr string.  Ours are "[<>|=]" + kind + size;
 * NumPy's other types get a "not supported" error naming them. */
static int parse_descr(const char *d, size_t n, NdNpyHeader *h)
{
    char buf[32];
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, d, n);
    buf[n] = 0;
    const char *t = buf;
    char order = '=';
    if (*t == '<' || *t == '>' || *t == '|' || *t == '=')
        order = *t++;
    char kind = *t;
    char *end;
    long size = 0;
    if (kind && t[1] >= '0' && t[1] <= '9') {
        errno = 0;
        size = strtol(t + 1, &end, 10);
        if (*end)
            size = -1;
    } else if (kind == '?' && !t[1]) {
        kind = 'b';
        size = 1;
    } else if (kind && t[1]) {
        size = -1;
    }
    for (int i = 0; i < ND_NTYPES; i++) {
        if (descr_codes[i].kind == kind && descr_codes[i].size == size) {
            h->dtype = (NdType)i;
            bool little = host_little();
            h->swap = size > 1 &&
                      ((order == '<' && !little) || (order == '>' && little));
            return 0;
        }
    }
    if (kind == 'O')
        return nd_error(ND_ERR_VALUE,
                        "cannot load an object array (descr '%s'): object "
                        "dtypes are not supported",
                        buf);
    if (strchr("biufcUSaVMmgeGhlqHILQdDFB", kind) && kind)
        return nd_error(ND_ERR_VALUE,
                        "cannot load an array of dtype '%s': not supported "
                        "(nd has bool, int8-64, uint8-64, float32/64 and "
                        "complex64/128)",
                        buf);
    return -1; /* the caller reports an invalid descriptor */
}

int nd_npy_parse_header(const void *buf, size_t n, size_t max_header,
                        NdNpyHeader *h)
{
    const unsigned char *b = buf;
    memset(h, 0, sizeof *h);
    if (max_header == 0)
        max_header = ND_NPY_MAX_HEADER;
    if (n < 8)
        return nd_error(ND_ERR_VALUE,
                        "EOF: reading magic string, expected 8 bytes got %zu",
                        n);
    if (memcmp(b, "\x93NUMPY", 6)) {
        char *r = py_repr((const char *)b, 8);
        nd_error(ND_ERR_VALUE,
                 "the magic string is not correct; expected "
                 "b'\\x93NUMPY', got b%s",
                 r ? r : "?");
        free(r);
        return -1;
    }
    h->major = b[6];
    h->minor = b[7];
    if (!((h->major == 1 || h->major == 2 || h->major == 3) && h->minor == 0))
        return nd_error(ND_ERR_VALUE,
                        "we only support format version (1,0), (2,0), and "
                        "(3,0), not (%d, %d)",
                        h->major, h->minor);
    size_t lenbytes = h->major == 1 ? 2 : 4;
    if (n < 8 + lenbytes)
        return nd_error(ND_ERR_VALUE,
                        "EOF: reading array header length, expected %zu "
                        "bytes got %zu",
                        lenbytes, n - 8);
    size_t hlen = (size_t)b[8] | (size_t)b[9] << 8;
    if (lenbytes == 4)
        hlen |= (size_t)b[10] << 16 | (size_t)b[11] << 24;
    size_t off = 8 + lenbytes;
    if (n - off < hlen)
        return nd_error(ND_ERR_VALUE,
                        "EOF: reading array header, expected %zu bytes got "
                        "%zu",
                        hlen, n - off);
    if (hlen > max_header)
        return nd_error(
            ND_ERR_VALUE,
            "Header info length (%zu) is large and may not be safe to load "
            "securely.\nTo allow loading, adjust `max_header_size` or fully "
            "trust the `.npy` file using `allow_pickle=True`.\nFor safety "
            "against large resource use or crashes, sandboxing may be "
            "necessary.",
            hlen);
    h->data_offset = off + hlen;

    Parser p = {
        .s = (const char *)b + off, .n = hlen, .py2_longs = h->major < 3};
    Lit top;
    bool ok = parse_value(&p, &top, 0) == 0;
    if (ok) {
        skip_ws(&p);
        ok = p.pos == p.n;
    }
    if (!ok) {
        char *r = py_repr(p.s, p.n);
        nd_error(ND_ERR_VALUE, "Cannot parse header: %s", r ? r : "?");
        free(r);
        return -1;
    }
    if (top.kind != LIT_DICT)
        return header_error("Header is not a dictionary: %.*s", &p, &top);

    /* The keys must be exactly descr, fortran_order and shape. */
    const Lit *descr = NULL, *fortran = NULL, *shape = NULL;
    bool bad = p.too_many_keys;
    for (int k = 0; k < p.nkeys; k++) {
        if (str_is(&p, &p.keys[k], "descr"))
            descr = &p.vals[k];
        else if (str_is(&p, &p.keys[k], "fortran_order"))
            fortran = &p.vals[k];
        else if (str_is(&p, &p.keys[k], "shape"))
            shape = &p.vals[k];
        else
            bad = true;
    }
    if (bad || !descr || !fortran || !shape) {
        /* NumPy lists the keys sorted: "['descr', 'shape']". */
        int order[MAX_KEYS];
        for (int k = 0; k < p.nkeys; k++)
            order[k] = k;
        for (int k = 1; k < p.nkeys; k++)
            for (int j = k; j > 0; j--) {
                const Lit *x = &p.keys[order[j - 1]], *y = &p.keys[order[j]];
                size_t lx = x->end - x->start, ly = y->end - y->start;
                int c =
                    memcmp(p.s + x->start, p.s + y->start, lx < ly ? lx : ly);
                if (c < 0 || (c == 0 && lx <= ly))
                    break;
                int t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
        char msg[1024];
        size_t m = 0;
        m += (size_t)snprintf(msg, sizeof msg, "[");
        for (int k = 0; k < p.nkeys && m < sizeof msg; k++) {
            const Lit *x = &p.keys[order[k]];
            if (x->kind == LIT_STR)
                m += (size_t)snprintf(msg + m, sizeof msg - m, "%s'%.*s'",
                                      k ? ", " : "", (int)x->str_len,
                                      p.s + x->str_start);
            else
                m += (size_t)snprintf(msg + m, sizeof msg - m, "%s%.*s",
                                      k ? ", " : "", (int)(x->end - x->start),
                                      p.s + x->start);
        }
        if (m < sizeof msg)
            snprintf(msg + m, sizeof msg - m, "%s",
                     p.too_many_keys ? ", ...]" : "]");
        return nd_error(ND_ERR_VALUE,
                        "Header does not contain the correct keys: %s", msg);
    }

    if (shape->kind != LIT_TUPLE || !shape->all_ints)
        return header_error("shape is not valid: %.*s", &p, shape);
    if (fortran->kind != LIT_BOOL)
        return header_error("fortran_order is not a valid bool: %.*s", &p,
                            fortran);
    if (descr->kind == LIT_LIST)
        return header_error("cannot load a structured array (descr %.*s): "
                            "structured dtypes are not supported",
                            &p, descr);
    if (descr->kind != LIT_STR ||
        parse_descr(p.s + descr->str_start, descr->str_len, h) < 0) {
        if (nd_error_kind() != ND_OK)
            return -1;
        return header_error("descr is not a valid dtype descriptor: %.*s", &p,
                            descr);
    }
    h->fortran_order = fortran->b;
    if (shape->n > ND_MAXDIMS)
        return nd_error(ND_ERR_VALUE,
                        "maximum supported dimension for an ndarray is %d, "
                        "found %d",
                        ND_MAXDIMS, shape->n);
    if (shape->any_big)
        return nd_error(ND_ERR_VALUE,
                        "array is too big; `arr.size * arr.dtype.itemsize` "
                        "is larger than the maximum possible size.");
    h->ndim = shape->n;
    memcpy(h->shape, shape->items, (size_t)h->ndim * sizeof(int64_t));
    h->size = nd_shape_size(h->ndim, h->shape, h->dtype);
    if (h->size < 0)
        return -1;
    return 0;
}

/* ----------------------------------------------------- writing headers */

char *nd_npy_header(NdType dtype, bool fortran_order, int ndim,
                    const int64_t *shape, size_t *len)
{
    /* The literal, keys sorted, each "'key': repr(value), " as NumPy's
     * _write_array_header builds it. */
    char dict[64 + ND_MAXDIMS * 24], descr[8];
    descr_of(dtype, descr);
    size_t m = (size_t)snprintf(dict, sizeof dict,
                                "{'descr': '%s', 'fortran_order': %s, "
                                "'shape': (",
                                descr, fortran_order ? "True" : "False");
    for (int i = 0; i < ndim; i++)
        m += (size_t)snprintf(dict + m, sizeof dict - m, "%s%lld",
                              i ? ", " : "", (long long)shape[i]);
    m += (size_t)snprintf(dict + m, sizeof dict - m, "%s), }",
                          ndim == 1 ? "," : "");
    /* Room to grow the growth axis in place: NumPy pads with spaces up to
     * 21 digits for it (GROWTH_AXIS_MAX_DIGITS). */
    size_t spare = 0;
    if (ndim > 0) {
        char digits[24];
        int d = snprintf(digits, sizeof digits, "%lld",
                         (long long)shape[fortran_order ? ndim - 1 : 0]);
        spare = d < 21 ? (size_t)(21 - d) : 0;
    }
    /* Then spaces and a newline so that the data starts on a multiple of
     * 64 bytes (ARRAY_ALIGN); version 2.0 only when 1.0's 16-bit length
     * cannot hold it. */
    size_t hlen = m + spare + 1;
    int major = 1;
    size_t prefix = 10;
    size_t pad = 64 - (prefix + hlen) % 64;
    if (hlen + pad > 65535) {
        major = 2;
        prefix = 12;
        pad = 64 - (prefix + hlen) % 64;
    }
    size_t total = prefix + hlen + pad;
    char *out = nd_malloc(total);
    if (!out)
        return NULL;
    memcpy(out, "\x93NUMPY", 6);
    out[6] = (char)major;
    out[7] = 0;
    size_t field = hlen + pad;
    for (size_t i = 0; i < prefix - 8; i++)
        out[8 + i] = (char)(field >> (8 * i) & 0xff);
    memcpy(out + prefix, dict, m);
    memset(out + prefix + m, ' ', spare + pad);
    out[total - 1] = '\n';
    *len = total;
    return out;
}

/* ------------------------------------------------------- writing arrays */

/* NumPy's choice: C order when C-contiguous, Fortran order when only
 * F-contiguous, else a C-order copy. */
static NdArray *writable_layout(NdArray *a, bool *fortran)
{
    *fortran = false;
    if (a->flags & ND_C_CONTIGUOUS)
        return nd_incref(a);
    if (a->flags & ND_F_CONTIGUOUS) {
        *fortran = true;
        return nd_incref(a);
    }
    return nd_copy(a, 'C');
}

static size_t nbytes_of(const NdArray *a)
{
    return (size_t)a->size * nd_dtype_size(a->dtype);
}

int nd_npy_write(FILE *fp, const char *path, NdArray *a)
{
    bool fortran;
    NdArray *c = writable_layout(a, &fortran);
    if (!c)
        return -1;
    size_t hlen;
    char *head = nd_npy_header(c->dtype, fortran, c->ndim, c->shape, &hlen);
    if (!head) {
        nd_decref(c);
        return -1;
    }
    int rc = 0;
    if (fwrite(head, 1, hlen, fp) != hlen)
        rc = nd_io_error(errno ? errno : EIO, path);
    free(head);
    size_t total = nbytes_of(c);
    for (size_t done = 0; rc == 0 && done < total;) {
        if (nd_interrupt_requested) {
            rc = interrupted();
            break;
        }
        size_t k = total - done < CHUNK ? total - done : CHUNK;
        if (fwrite(c->data + done, 1, k, fp) != k)
            rc = nd_io_error(errno ? errno : EIO, path);
        done += k;
    }
    nd_decref(c);
    return rc;
}

int nd_npy_save(const char *path, NdArray *a)
{
    NdAtomicFile f;
    if (nd_atomic_open(&f, path) < 0)
        return -1;
    errno = 0;
    if (nd_npy_write(f.fp, path, a) < 0) {
        nd_atomic_abort(&f);
        return -1;
    }
    return nd_atomic_commit(&f);
}

/* ------------------------------------------------------- reading arrays */

int nd_file_kind(const char *path, NdFileKind *out)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return nd_io_error(errno, path);
    unsigned char m[6];
    size_t n = fread(m, 1, sizeof m, fp);
    int e = errno;
    bool err = ferror(fp);
    fclose(fp);
    if (err)
        return nd_io_error(e, path);
    if (n == 0)
        return nd_error(ND_ERR_VALUE, "No data left in file");
    if (n == 6 && !memcmp(m, "\x93NUMPY", 6))
        *out = ND_FILE_NPY;
    else if (n >= 4 &&
             (!memcmp(m, "PK\x03\x04", 4) || !memcmp(m, "PK\x05\x06", 4)))
        *out = ND_FILE_NPZ;
    else
        *out = ND_FILE_OTHER;
    return 0;
}

/* A source of bytes: a FILE or a zip member.  read returns the count read
 * (short only at the end) or -1 with the error set. */
typedef struct Reader {
    int64_t (*read)(struct Reader *r, void *buf, size_t n);
    FILE *fp;
    zip_file_t *zf;
    const char *path;   /* for messages */
    const char *member; /* zip member name */
    int64_t avail;      /* bytes left to read when known, else -1 */
} Reader;

static int64_t file_read(Reader *r, void *buf, size_t n)
{
    size_t got = fread(buf, 1, n, r->fp);
    if (got < n && ferror(r->fp))
        return nd_io_error(errno ? errno : EIO, r->path);
    return (int64_t)got;
}

/* zipfile's text for a damaged member; libzip's reason otherwise. */
static int zip_file_fail(Reader *r)
{
    zip_error_t *e = zip_file_get_error(r->zf);
    if (zip_error_code_zip(e) == ZIP_ER_CRC)
        return nd_error(ND_ERR_VALUE, "Bad CRC-32 for file '%s'", r->member);
    return nd_error(ND_ERR_VALUE, "error reading '%s' in '%s': %s", r->member,
                    r->path, zip_error_strerror(e));
}

static int64_t zip_read(Reader *r, void *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        zip_int64_t k = zip_fread(r->zf, (char *)buf + got, n - got);
        if (k < 0)
            return zip_file_fail(r);
        if (k == 0)
            break;
        got += (size_t)k;
    }
    return (int64_t)got;
}

/* Read exactly n bytes (in chunks, polling Ctrl-C); *got the count read. */
static int read_full(Reader *r, void *buf, size_t n, size_t *got)
{
    *got = 0;
    while (*got < n) {
        if (nd_interrupt_requested)
            return interrupted();
        size_t k = n - *got < CHUNK ? n - *got : CHUNK;
        int64_t g = r->read(r, (char *)buf + *got, k);
        if (g < 0)
            return -1;
        *got += (size_t)g;
        if ((size_t)g < k)
            break;
    }
    return 0;
}

/* Read and parse the header from r; the reader is left at the data. */
static int read_header(Reader *r, size_t max_header, NdNpyHeader *h)
{
    unsigned char pre[12];
    size_t got;
    if (read_full(r, pre, 8, &got) < 0)
        return -1;
    if (got < 8)
        return nd_npy_parse_header(pre, got, max_header, h);
    size_t lenbytes = pre[6] == 1 ? 2 : 4;
    size_t more = 0;
    if (pre[6] >= 1 && pre[6] <= 3 && pre[7] == 0) {
        if (read_full(r, pre + 8, lenbytes, &more) < 0)
            return -1;
    }
    size_t have = 8 + more;
    if (have < 8 + lenbytes || !(pre[6] >= 1 && pre[6] <= 3 && pre[7] == 0))
        return nd_npy_parse_header(pre, have, max_header, h);
    size_t hlen = (size_t)pre[8] | (size_t)pre[9] << 8;
    if (lenbytes == 4)
        hlen |= (size_t)pre[10] << 16 | (size_t)pre[11] << 24;
    if (max_header == 0)
        max_header = ND_NPY_MAX_HEADER;
    /* Never allocate what the file cannot hold, nor more than the limit:
     * NumPy's EOF message when the file is short, its size message when
     * the header is merely too long. */
    size_t want = hlen;
    if (r->avail >= 0 && (uint64_t)(r->avail - (int64_t)have) < hlen)
        want = (size_t)(r->avail - (int64_t)have);
    if (want > max_header && max_header < SIZE_MAX)
        want = max_header + 1; /* enough to know it is too long */
    unsigned char *buf = nd_malloc(have + want);
    if (!buf)
        return -1;
    memcpy(buf, pre, have);
    if (read_full(r, buf + have, want, &got) < 0) {
        free(buf);
        return -1;
    }
    int rc;
    if (got < hlen && got <= max_header)
        rc = nd_error(ND_ERR_VALUE,
                      "EOF: reading array header, expected %zu bytes got %zu",
                      hlen, got);
    else if (hlen > max_header)
        rc = nd_error(ND_ERR_VALUE,
                      "Header info length (%zu) is large and may not be "
                      "safe to load securely.\nTo allow loading, adjust "
                      "`max_header_size` or fully trust the `.npy` file "
                      "using `allow_pickle=True`.\nFor safety against large "
                      "resource use or crashes, sandboxing may be necessary.",
                      hlen);
    else
        rc = nd_npy_parse_header(buf, have + hlen, max_header, h);
    free(buf);
    return rc;
}

/* Reverse the bytes of each element (each half of a complex one). */
static void byteswap(char *p, int64_t count, size_t itemsize, bool complex)
{
    size_t w = complex ? itemsize / 2 : itemsize;
    int64_t n = complex ? 2 * count : count;
    for (int64_t i = 0; i < n; i++, p += w)
        for (size_t a = 0, b = w - 1; a < b; a++, b--) {
            char t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
}

/* A bool array must hold 0 or 1 only (other bytes would be undefined
 * behaviour in C): any nonzero byte reads as True, as NumPy shows it. */
static void normalize_bools(char *p, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        p[i] = p[i] != 0;
}

static int short_data(const NdNpyHeader *h, size_t got)
{
    char s[ND_MAXDIMS * 24 + 8];
    nd_shape_str_compact(s, sizeof s, h->ndim, h->shape);
    return nd_error(ND_ERR_VALUE,
                    "cannot reshape array of size %zu into "
                    "shape %s",
                    got / nd_dtype_size(h->dtype), s);
}

/* Header then data from r into a new array. */
static NdArray *read_array(Reader *r, size_t max_header)
{
    NdNpyHeader h;
    if (read_header(r, max_header, &h) < 0)
        return NULL;
    size_t nbytes = (size_t)h.size * nd_dtype_size(h.dtype);
    if (r->avail >= 0 && (uint64_t)(r->avail - (int64_t)h.data_offset) < nbytes)
        return short_data(&h, (size_t)(r->avail - (int64_t)h.data_offset)),
               NULL;
    NdArray *a =
        nd_empty(h.dtype, h.ndim, h.shape, h.fortran_order ? 'F' : 'C');
    if (!a)
        return NULL;
    size_t got;
    if (read_full(r, a->data, nbytes, &got) < 0) {
        nd_decref(a);
        return NULL;
    }
    if (got < nbytes) {
        short_data(&h, got);
        nd_decref(a);
        return NULL;
    }
    if (h.swap)
        byteswap(a->data, a->size, nd_dtype_size(h.dtype),
                 nd_dtype_kind(h.dtype) == ND_KIND_COMPLEX);
    if (h.dtype == ND_BOOL)
        normalize_bools(a->data, a->size);
    return a;
}

NdArray *nd_npy_from_bytes(const void *data, size_t n, size_t max_header)
{
    NdNpyHeader h;
    if (nd_npy_parse_header(data, n, max_header, &h) < 0)
        return NULL;
    size_t nbytes = (size_t)h.size * nd_dtype_size(h.dtype);
    if (n - h.data_offset < nbytes)
        return short_data(&h, n - h.data_offset), NULL;
    NdArray *a =
        nd_empty(h.dtype, h.ndim, h.shape, h.fortran_order ? 'F' : 'C');
    if (!a)
        return NULL;
    memcpy(a->data, (const char *)data + h.data_offset, nbytes);
    if (h.swap)
        byteswap(a->data, a->size, nd_dtype_size(h.dtype),
                 nd_dtype_kind(h.dtype) == ND_KIND_COMPLEX);
    if (h.dtype == ND_BOOL)
        normalize_bools(a->data, a->size);
    return a;
}

/* ------------------------------------------------------ memory mapping */

int nd_mmap_mode_from_name(const char *name, NdMmapMode *out)
{
    static const struct {
        const char *name;
        NdMmapMode mode;
    } modes[] = {
        {"r", ND_MMAP_READONLY},          {"c", ND_MMAP_COPY},
        {"r+", ND_MMAP_READWRITE},        {"w+", ND_MMAP_WRITE},
        {"readonly", ND_MMAP_READONLY},   {"copyonwrite", ND_MMAP_COPY},
        {"readwrite", ND_MMAP_READWRITE}, {"write", ND_MMAP_WRITE},
    };
    for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
        if (!strcmp(name, modes[i].name)) {
            *out = modes[i].mode;
            return 0;
        }
    return nd_error(ND_ERR_VALUE,
                    "mode must be one of ['r', 'c', 'r+', 'w+', 'readonly', "
                    "'copyonwrite', 'readwrite', 'write']");
}

typedef struct Mapping {
    void *base;
    size_t len;
} Mapping;

static void unmap(NdBuffer *b)
{
    Mapping *m = b->ctx;
    munmap(m->base, m->len);
    free(m);
}

static void strides_for(int ndim, const int64_t *shape, size_t itemsize,
                        bool fortran, int64_t *strides)
{
    int64_t s = (int64_t)itemsize;
    for (int k = 0; k < ndim; k++) {
        int i = fortran ? k : ndim - 1 - k;
        strides[i] = s;
        s *= shape[i] ? shape[i] : 1;
    }
}

/* Map nbytes of the open file fd at offset as an array.  The file must be
 * long enough already (the callers extend it for "r+"/"w+"). */
static NdArray *map_array(int fd, const char *path, NdMmapMode mode,
                          int64_t offset, NdType dtype, int ndim,
                          const int64_t *shape, bool fortran)
{
    int64_t size = nd_shape_size(ndim, shape, dtype);
    if (size < 0)
        return NULL;
    size_t nbytes = (size_t)size * nd_dtype_size(dtype);
    if (nbytes == 0) {
        /* Nothing to map (mmap refuses length 0): an ordinary empty array,
         * read-only for "r". */
        NdArray *a = nd_empty(dtype, ndim, shape, fortran ? 'F' : 'C');
        if (a && mode == ND_MMAP_READONLY) {
            a->buffer->writeable = false;
            a->flags &= ~(unsigned)ND_WRITEABLE;
        }
        return a;
    }
    /* mmap offsets must be page multiples: map from the page holding the
     * first byte. */
    long page = sysconf(_SC_PAGESIZE);
    int64_t start = offset - offset % (page > 0 ? page : 4096);
    size_t len = (size_t)(offset - start) + nbytes;
    int prot = mode == ND_MMAP_READONLY ? PROT_READ : PROT_READ | PROT_WRITE;
    int flags = mode == ND_MMAP_COPY ? MAP_PRIVATE : MAP_SHARED;
    void *base = mmap(NULL, len, prot, flags, fd, (off_t)start);
    if (base == MAP_FAILED) {
        int e = errno;
        return nd_io_error(e, path), NULL;
    }
    char *data = (char *)base + (offset - start);
    if (dtype == ND_BOOL) {
        /* Bytes other than 0 and 1 are not bools; refuse rather than hand
         * out values C may not read. */
        for (size_t i = 0; i < nbytes; i++)
            if ((unsigned char)data[i] > 1) {
                munmap(base, len);
                nd_error(ND_ERR_VALUE,
                         "cannot memory-map '%s': its bool data holds bytes "
                         "other than 0 and 1",
                         path);
                return NULL;
            }
    }
    Mapping *m = nd_malloc(sizeof *m);
    NdBuffer *b = m ? nd_buffer_new(data, nbytes, unmap, m) : NULL;
    if (!b) {
        free(m);
        munmap(base, len);
        return NULL;
    }
    m->base = base;
    m->len = len;
    b->writeable = mode != ND_MMAP_READONLY;
    int64_t strides[ND_MAXDIMS];
    strides_for(ndim, shape, nd_dtype_size(dtype), fortran, strides);
    NdArray *a = nd_view_new(b, dtype, ndim, shape, strides, data, true);
    nd_buffer_decref(b); /* the view holds the buffer now */
    return a;
}

static int open_mode(NdMmapMode mode)
{
    switch (mode) {
    case ND_MMAP_READWRITE:
        return O_RDWR;
    case ND_MMAP_WRITE:
        return O_RDWR | O_CREAT | O_TRUNC;
    default:
        return O_RDONLY;
    }
}

static int64_t file_size(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
        return -1;
    return (int64_t)st.st_size;
}

/* Map an existing .npy file's data after reading its header. */
static NdArray *map_npy(FILE *fp, const char *path, NdMmapMode mode,
                        size_t max_header)
{
    int fd = fileno(fp);
    int64_t fsize = file_size(fd);
    Reader r = {.read = file_read, .fp = fp, .path = path, .avail = fsize};
    NdNpyHeader h;
    if (read_header(&r, max_header, &h) < 0)
        return NULL;
    if (h.swap)
        return nd_error(ND_ERR_VALUE,
                        "cannot memory-map '%s': its data is not in this "
                        "machine's byte order (nd arrays are native-endian); "
                        "load it without mmap_mode to convert it",
                        path),
               NULL;
    size_t nbytes = (size_t)h.size * nd_dtype_size(h.dtype);
    if (fsize < 0 || (uint64_t)(fsize - (int64_t)h.data_offset) < nbytes)
        return nd_error(ND_ERR_VALUE, "mmap length is greater than file size"),
               NULL;
    return map_array(fd, path, mode, (int64_t)h.data_offset, h.dtype, h.ndim,
                     h.shape, h.fortran_order);
}

NdArray *nd_npy_load(const char *path, NdMmapMode mode, size_t max_header)
{
    if (mode == ND_MMAP_WRITE)
        return nd_error(ND_ERR_VALUE,
                        "load cannot use mmap_mode 'w+' (it would truncate "
                        "the file); use open_memmap to create one"),
               NULL;
    FILE *fp = fopen(path, mode == ND_MMAP_READWRITE ? "r+b" : "rb");
    if (!fp)
        return nd_io_error(errno, path), NULL;
    NdArray *a;
    if (mode == ND_MMAP_NONE) {
        Reader r = {.read = file_read,
                    .fp = fp,
                    .path = path,
                    .avail = file_size(fileno(fp))};
        a = read_array(&r, max_header);
    } else {
        a = map_npy(fp, path, mode, max_header);
    }
    fclose(fp);
    return a;
}

NdArray *nd_open_memmap(const char *path, NdMmapMode mode, NdType dtype,
                        int ndim, const int64_t *shape, bool fortran_order,
                        size_t max_header)
{
    if (mode != ND_MMAP_WRITE)
        return nd_npy_load(path, mode, max_header);
    if (nd_shape_size(ndim, shape, dtype) < 0)
        return NULL;
    size_t hlen;
    char *head = nd_npy_header(dtype, fortran_order, ndim, shape, &hlen);
    if (!head)
        return NULL;
    int fd = open(path, open_mode(mode), 0666);
    if (fd < 0) {
        free(head);
        return nd_io_error(errno, path), NULL;
    }
    int64_t size = nd_shape_size(ndim, shape, dtype);
    int64_t total = (int64_t)hlen + size * (int64_t)nd_dtype_size(dtype);
    NdArray *a = NULL;
    if (write(fd, head, hlen) != (ssize_t)hlen || ftruncate(fd, total) < 0)
        nd_io_error(errno ? errno : EIO, path);
    else
        a = map_array(fd, path, ND_MMAP_READWRITE, (int64_t)hlen, dtype, ndim,
                      shape, fortran_order);
    free(head);
    close(fd);
    return a;
}

NdArray *nd_memmap(const char *path, NdType dtype, NdMmapMode mode,
                   int64_t offset, int ndim, const int64_t *shape, char order)
{
    if (offset < 0)
        return nd_error(ND_ERR_VALUE, "offset must be non-negative"), NULL;
    if (mode == ND_MMAP_NONE)
        mode = ND_MMAP_READWRITE;
    if (mode == ND_MMAP_WRITE && ndim < 0)
        return nd_error(ND_ERR_VALUE, "shape must be given if mode == 'w+'"),
               NULL;
    int fd = open(path, open_mode(mode), 0666);
    if (fd < 0)
        return nd_io_error(errno, path), NULL;
    int64_t fsize = file_size(fd);
    size_t item = nd_dtype_size(dtype);
    int64_t flat[1];
    NdArray *a = NULL;
    if (fsize < 0) {
        nd_error(ND_ERR_VALUE, "cannot memory-map '%s': not a regular file",
                 path);
        goto done;
    }
    if (ndim < 0) {
        int64_t bytes = fsize - offset;
        if (bytes < 0 || bytes % (int64_t)item) {
            nd_error(ND_ERR_VALUE, "Size of available data is not a multiple "
                                   "of the data-type size.");
            goto done;
        }
        flat[0] = bytes / (int64_t)item;
        ndim = 1;
        shape = flat;
    }
    int64_t size = nd_shape_size(ndim, shape, dtype);
    if (size < 0)
        goto done;
    int64_t need;
    if (__builtin_add_overflow(offset, size * (int64_t)item, &need)) {
        nd_error(ND_ERR_VALUE, "array is too big; `arr.size * "
                               "arr.dtype.itemsize` is larger than the "
                               "maximum possible size.");
        goto done;
    }
    if (fsize < need) {
        if (mode == ND_MMAP_READONLY || mode == ND_MMAP_COPY) {
            nd_error(ND_ERR_VALUE, "mmap length is greater than file size");
            goto done;
        }
        if (ftruncate(fd, need) < 0) {
            nd_io_error(errno, path);
            goto done;
        }
    }
    a = map_array(fd, path, mode == ND_MMAP_WRITE ? ND_MMAP_READWRITE : mode,
                  offset, dtype, ndim, shape, order == 'F');
done:
    close(fd);
    return a;
}

/* ------------------------------------------------------------------ .npz */

/* Ctrl-C cancels zip_close; libzip then removes its temporary. */
static int cancel_requested(zip_t *z, void *ud)
{
    (void)z;
    (void)ud;
    return nd_interrupt_requested != 0;
}

static int zip_fail(zip_error_t *e, const char *path)
{
    int code = zip_error_code_zip(e);
    if (code == ZIP_ER_CANCELLED)
        return interrupted();
    if (zip_error_system_type(e) == ZIP_ET_SYS && zip_error_code_system(e))
        return nd_io_error(zip_error_code_system(e), path);
    if (code == ZIP_ER_NOENT)
        return nd_io_error(ENOENT, path);
    if (code == ZIP_ER_MEMORY)
        return nd_error(ND_ERR_MEMORY, "out of memory");
    if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS)
        return nd_error(ND_ERR_VALUE, "File is not a zip file");
    return nd_error(ND_ERR_IO, "%s: '%s'", zip_error_strerror(e), path);
}

/* An empty archive: libzip would delete the file rather than write one,
 * so write the 22-byte end record NumPy's zipfile writes. */
static int empty_zip(const char *path)
{
    NdAtomicFile f;
    if (nd_atomic_open(&f, path) < 0)
        return -1;
    static const char eocd[22] = "PK\x05\x06";
    if (fwrite(eocd, 1, sizeof eocd, f.fp) != sizeof eocd) {
        nd_io_error(errno ? errno : EIO, path);
        nd_atomic_abort(&f);
        return -1;
    }
    return nd_atomic_commit(&f);
}

int nd_npz_save(const char *path, int n, const char *const *names,
                NdArray *const *arrays, bool compress)
{
    if (n == 0)
        return empty_zip(path);
    int err;
    /* libzip writes the archive into a temporary beside path on
     * zip_close and renames it into place only when all went well (and
     * keeps the old file's mode).  Through a symlink: its target. */
    char *dest = nd_write_target(path);
    if (!dest)
        return -1;
    zip_t *z = zip_open(dest, ZIP_CREATE | ZIP_TRUNCATE, &err);
    free(dest);
    if (!z) {
        zip_error_t e;
        zip_error_init_with_code(&e, err);
        if (zip_error_system_type(&e) == ZIP_ET_SYS)
            e.sys_err = errno;
        zip_fail(&e, path);
        zip_error_fini(&e);
        return -1;
    }
    zip_register_cancel_callback_with_state(z, cancel_requested, NULL, NULL);
    NdArray **keep = nd_calloc((size_t)n, sizeof *keep);
    char **heads = nd_calloc((size_t)n, sizeof *heads);
    int rc = keep && heads ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++) {
        bool fortran;
        keep[i] = writable_layout(arrays[i], &fortran);
        size_t hlen;
        if (keep[i])
            heads[i] = nd_npy_header(keep[i]->dtype, fortran, keep[i]->ndim,
                                     keep[i]->shape, &hlen);
        if (!keep[i] || !heads[i]) {
            rc = -1;
            break;
        }
        /* Header and data as two fragments: the array is not copied. */
        zip_buffer_fragment_t frag[2] = {
            {(zip_uint8_t *)heads[i], hlen},
            {(zip_uint8_t *)keep[i]->data, nbytes_of(keep[i])},
        };
        zip_error_t ze;
        zip_error_init(&ze);
        zip_source_t *src = zip_source_buffer_fragment_create(
            frag, nbytes_of(keep[i]) ? 2 : 1, 0, &ze);
        size_t nl = strlen(names[i]);
        char *member = nd_malloc(nl + 5);
        zip_int64_t idx = -1;
        if (src && member) {
            memcpy(member, names[i], nl);
            memcpy(member + nl, ".npy", 5);
            idx = zip_file_add(z, member, src,
                               ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
            if (idx < 0)
                zip_source_free(src);
        }
        free(member);
        if (idx < 0 || zip_set_file_compression(
                           z, (zip_uint64_t)idx,
                           compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) < 0) {
            if (nd_error_kind() == ND_OK)
                zip_fail(src ? zip_get_error(z) : &ze, path);
            rc = -1;
        }
        zip_error_fini(&ze);
    }
    if (rc == 0 && zip_close(z) < 0) {
        zip_fail(zip_get_error(z), path);
        rc = -1;
    }
    if (rc < 0)
        zip_discard(z); /* the destination is untouched */
    for (int i = 0; i < n && keep; i++) {
        nd_decref(keep[i]);
        if (heads)
            free(heads[i]);
    }
    free(keep);
    free(heads);
    return rc;
}

struct NdNpz {
    zip_t *z;
    char *path;
    int64_t n;
    char **names; /* as stored */
    char **files; /* without ".npy" */
};

void nd_npz_close(NdNpz *z)
{
    if (!z)
        return;
    if (z->z)
        zip_discard(z->z);
    for (int64_t i = 0; i < z->n; i++) {
        free(z->names ? z->names[i] : NULL);
        free(z->files ? z->files[i] : NULL);
    }
    free(z->names);
    free(z->files);
    free(z->path);
    free(z);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s);
    char *d = nd_malloc(n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

NdNpz *nd_npz_open(const char *path)
{
    NdNpz *z = nd_calloc(1, sizeof *z);
    if (!z)
        return NULL;
    z->path = dup_str(path);
    if (!z->path) {
        nd_npz_close(z);
        return NULL;
    }
    int err;
    errno = 0;
    z->z = zip_open(path, ZIP_RDONLY, &err);
    if (!z->z) {
        int sys = errno;
        zip_error_t e;
        zip_error_init_with_code(&e, err);
        if (zip_error_system_type(&e) == ZIP_ET_SYS)
            e.sys_err = sys;
        zip_fail(&e, path);
        zip_error_fini(&e);
        nd_npz_close(z);
        return NULL;
    }
    zip_int64_t n = zip_get_num_entries(z->z, 0);
    if (n < 0)
        n = 0;
    z->names = nd_calloc((size_t)n + 1, sizeof *z->names);
    z->files = nd_calloc((size_t)n + 1, sizeof *z->files);
    if (!z->names || !z->files) {
        nd_npz_close(z);
        return NULL;
    }
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(z->z, (zip_uint64_t)i, 0);
        z->names[i] = dup_str(name ? name : "");
        z->files[i] = dup_str(name ? name : "");
        z->n = i + 1;
        if (!z->names[i] || !z->files[i]) {
            nd_npz_close(z);
            return NULL;
        }
        size_t l = strlen(z->files[i]);
        if (l >= 4 && !strcmp(z->files[i] + l - 4, ".npy"))
            z->files[i][l - 4] = 0;
    }
    return z;
}

int64_t nd_npz_count(const NdNpz *z)
{
    return z->n;
}

const char *nd_npz_path(const NdNpz *z)
{
    return z->path;
}

const char *nd_npz_name(const NdNpz *z, int64_t i)
{
    return i >= 0 && i < z->n ? z->files[i] : NULL;
}

int64_t nd_npz_find(const NdNpz *z, const char *name)
{
    /* NumPy looks the key up among the stored names first, then among the
     * names without ".npy". */
    for (int64_t i = 0; i < z->n; i++)
        if (!strcmp(z->names[i], name))
            return i;
    for (int64_t i = 0; i < z->n; i++)
        if (!strcmp(z->files[i], name) && strcmp(z->files[i], z->names[i]))
            return i;
    return -1;
}

/* A member that cannot be opened: a damaged archive (its local header
 * truncated or inconsistent, an unknown compression) is a ValueError as
 * zipfile's BadZipFile is; system errors stay IOErrors. */
static int member_fail(NdNpz *z, int64_t i)
{
    zip_error_t *e = zip_get_error(z->z);
    if (zip_error_system_type(e) == ZIP_ET_SYS ||
        zip_error_code_zip(e) == ZIP_ER_MEMORY)
        return zip_fail(e, z->path);
    return nd_error(ND_ERR_VALUE, "error reading '%s' in '%s': %s", z->names[i],
                    z->path, zip_error_strerror(e));
}

NdArray *nd_npz_read(NdNpz *z, int64_t i, size_t max_header)
{
    if (i < 0 || i >= z->n)
        return nd_error(ND_ERR_KEY, "%lld is not a file in the archive",
                        (long long)i),
               NULL;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->z, (zip_uint64_t)i, 0, &st) < 0)
        return zip_fail(zip_get_error(z->z), z->path), NULL;
    zip_file_t *zf = zip_fopen_index(z->z, (zip_uint64_t)i, 0);
    if (!zf)
        return member_fail(z, i), NULL;
    Reader r = {.read = zip_read,
                .zf = zf,
                .path = z->path,
                .member = z->names[i],
                .avail = (st.valid & ZIP_STAT_SIZE) && st.size <= INT64_MAX
                             ? (int64_t)st.size
                             : -1};
    /* A member that is not .npy data (NumPy would hand back its bytes). */
    unsigned char magic[6];
    size_t got;
    NdArray *a = NULL;
    if (read_full(&r, magic, 6, &got) < 0)
        goto done;
    if (got < 6 || memcmp(magic, "\x93NUMPY", 6)) {
        nd_error(ND_ERR_VALUE,
                 "member '%s' of '%s' is not a .npy file: not supported",
                 z->names[i], z->path);
        goto done;
    }
    zip_fclose(zf);
    zf = zip_fopen_index(z->z, (zip_uint64_t)i, 0);
    r.zf = zf;
    if (!zf) {
        member_fail(z, i);
        goto done;
    }
    a = read_array(&r, max_header);
    if (a) {
        /* The CRC is checked when the member is read to its end. */
        char rest[4096];
        int64_t k;
        while ((k = zip_read(&r, rest, sizeof rest)) > 0) {
        }
        if (k < 0) {
            nd_decref(a);
            a = NULL;
        }
    }
done:
    if (zf)
        zip_fclose(zf);
    return a;
}
