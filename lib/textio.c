/* textio.c — the text room of libnd (nd_textio.h): NumPy's loadtxt,
 * savetxt and genfromtxt over plain text files of numbers.
 *
 * Readers stream: a Reader holds a window of the file (read in large
 * chunks with fread, never the whole file), a tokenizer cuts one row of it
 * into fields exactly as NumPy's C tokenizer does (delimiter or runs of
 * whitespace, a comment character, optional quoting, universal newlines),
 * and each field is converted straight into a result buffer grown by half
 * again when full.  realloc of a large block moves pages rather than
 * copying them, so the peak is about the result itself (at most 1.5x).
 * Numbers are read by our own locale-independent parser: exact decimal
 * inputs that fit the double fast path (Clinger's) are converted with one
 * correctly rounded operation, the rest go to strtod_l in the C locale, so
 * every result is correctly rounded.  savetxt implements Python's
 * %-format for the values NumPy hands it and writes through nd_file.h's
 * atomic files.  genfromtxt follows NumPy's Python implementation: lines,
 * a LineSplitter, loose conversion with filling values. */
#define _GNU_SOURCE /* strtod_l, newlocale, memmem */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

/* ------------------------------------------------------------ characters */

/* Python's str.isspace() for ASCII: what NumPy's tokenizer and float()
 * strip (Py_UNICODE_ISSPACE). */
static inline bool is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}
static inline bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
static inline int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static locale_t c_locale(void)
{
    static locale_t loc;
    if (!loc)
        loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return loc;
}

/* -------------------------------------------------------------- numbers */

/* Powers of ten that are exact doubles. */
static const double exact_pow10[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Case-insensitive match of [p, p+n) against the start of word w: returns
 * the length of w when it is a prefix of the text, else 0. */
static size_t prefix_word(const char *p, const char *e, const char *w)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (p + k >= e || lower((unsigned char)p[k]) != w[k])
            return 0;
    return k;
}

/* Scan the longest float at p (no leading whitespace): Python's
 * PyOS_string_to_double with an end pointer.  Returns the end of the
 * number, or NULL when there is none.  `us` allows single underscores
 * between digits (Python's float(), used by genfromtxt). */
static const char *scan_double(const char *p, const char *e, bool us,
                               double *out)
{
    bool neg = false;
    if (p < e && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    if (p >= e)
        return NULL;
    if (!is_digit((unsigned char)*p) && *p != '.') {
        size_t k;
        if ((k = prefix_word(p, e, "inf"))) {
            size_t k2 = prefix_word(p, e, "infinity");
            *out = neg ? -INFINITY : INFINITY;
            return p + (k2 ? k2 : k);
        }
        if ((k = prefix_word(p, e, "nan"))) {
            *out = neg ? -NAN : NAN;
            return p + k;
        }
        return NULL;
    }
    const char *start = p;
    uint64_t m = 0;   /* up to 19 significant digits */
    int nsig = 0;     /* digits in m */
    int64_t dexp = 0; /* value = m * 10^dexp (before the exponent) */
    bool trunc = false, any = false, underscore = false;
    for (; p < e; p++) {
        unsigned char c = (unsigned char)*p;
        if (is_digit(c)) {
            any = true;
            if (nsig < 19) {
                if (m || c != '0') {
                    m = m * 10 + (uint64_t)(c - '0');
                    nsig++;
                }
            } else {
                dexp++;
                trunc |= c != '0';
            }
        } else if (c == '_' && us && any && p + 1 < e &&
                   is_digit((unsigned char)p[1]) &&
                   is_digit((unsigned char)p[-1])) {
            underscore = true;
        } else {
            break;
        }
    }
    if (p < e && *p == '.') {
        /* "1." and ".5" are numbers, "." is not; an underscore may not
         * touch the point. */
        p++;
        bool frac = false;
        for (; p < e; p++) {
            unsigned char c = (unsigned char)*p;
            if (is_digit(c)) {
                frac = true;
                if (nsig < 19) {
                    if (m || c != '0') {
                        m = m * 10 + (uint64_t)(c - '0');
                        nsig++;
                    }
                    dexp--;
                } else {
                    trunc |= c != '0';
                }
            } else if (c == '_' && us && frac && p + 1 < e &&
                       is_digit((unsigned char)p[1])) {
                underscore = true;
            } else {
                break;
            }
        }
        any |= frac;
    }
    if (!any)
        return NULL;
    int64_t ex = 0;
    if (p < e && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        bool eneg = false;
        if (q < e && (*q == '+' || *q == '-')) {
            eneg = *q == '-';
            q++;
        }
        if (q < e && is_digit((unsigned char)*q)) {
            for (; q < e; q++) {
                if (is_digit((unsigned char)*q)) {
                    if (ex < 100000000)
                        ex = ex * 10 + (*q - '0');
                } else if (*q == '_' && us && q + 1 < e &&
                           is_digit((unsigned char)q[1])) {
                    underscore = true;
                } else {
                    break;
                }
            }
            if (eneg)
                ex = -ex;
            p = q;
        }
    }
    int64_t E = dexp + ex;
    if (m == 0) {
        *out = neg ? -0.0 : 0.0;
        return p;
    }
    /* Clinger's fast path: m and 10^|E| are exact doubles, so one IEEE
     * multiplication or division rounds correctly. */
    if (!trunc && m <= (UINT64_C(1) << 53)) {
        double d = (double)m;
        if (E >= 0 && E <= 22) {
            *out = neg ? -(d * exact_pow10[E]) : d * exact_pow10[E];
            return p;
        }
        if (E < 0 && E >= -22) {
            *out = neg ? -(d / exact_pow10[-E]) : d / exact_pow10[-E];
            return p;
        }
        if (E > 22 && E <= 22 + 15) {
            /* Move part of the exponent into m while it stays exact. */
            uint64_t mm = m;
            int64_t k = E - 22;
            bool ok = true;
            for (int64_t i = 0; i < k && ok; i++) {
                mm *= 10;
                ok = mm <= (UINT64_C(1) << 53);
            }
            if (ok) {
                d = (double)mm * 1e22;
                *out = neg ? -d : d;
                return p;
            }
        }
    }
    /* The general case: the C library's correctly rounded conversion on a
     * clean copy (no underscores) in the C locale. */
    size_t n = (size_t)(p - start);
    char stack[96];
    char *buf = n + 2 <= sizeof stack ? stack : malloc(n + 2);
    if (!buf)
        return NULL;
    size_t o = 0;
    for (const char *q = start; q < p; q++)
        if (!underscore || *q != '_')
            buf[o++] = *q;
    buf[o] = '\0';
    double d = strtod_l(buf, NULL, c_locale());
    if (buf != stack)
        free(buf);
    *out = neg ? -d : d;
    return p;
}

int nd_parse_double(const char *s, size_t n, bool underscores, double *out)
{
    const char *p = s, *e = s + n;
    while (p < e && is_space((unsigned char)*p))
        p++;
    while (e > p && is_space((unsigned char)e[-1]))
        e--;
    if (p == e)
        return -1;
    const char *q = scan_double(p, e, underscores, out);
    return q == e ? 0 : -1;
}

/* NumPy's to_complex_int: "1+2j", "(1-2j)", "3j", "4", with whitespace
 * around and inside the parentheses. */
static int parse_complex(const char *p, const char *e, double *re, double *im)
{
    while (p < e && is_space((unsigned char)*p))
        p++;
    bool paren = false;
    if (p < e && *p == '(') {
        paren = true;
        p++;
        while (p < e && is_space((unsigned char)*p))
            p++;
    }
    const char *q = p < e ? scan_double(p, e, false, re) : NULL;
    if (!q)
        return -1;
    if (q == e) {
        *im = 0.0;
        return paren ? -1 : 0;
    }
    if (*q == 'j') {
        *im = *re;
        *re = 0.0;
        q++;
    } else if (*q == '+' || *q == '-') {
        if (*q == '+')
            q++;
        q = q < e ? scan_double(q, e, false, im) : NULL;
        if (!q || q >= e || *q != 'j')
            return -1;
        q++;
    } else {
        *im = 0.0;
    }
    if (paren) {
        while (q < e && is_space((unsigned char)*q))
            q++;
        if (q < e && *q == ')')
            q++;
        else
            return -1;
    }
    while (q < e && is_space((unsigned char)*q))
        q++;
    return q == e ? 0 : -1;
}

/* NumPy's str_to_int64 / str_to_uint64: whitespace, a sign, digits only. */
static int parse_int(const char *p, const char *e, bool is_unsigned, int64_t lo,
                     uint64_t hi, int64_t *si, uint64_t *ui)
{
    while (p < e && is_space((unsigned char)*p))
        p++;
    while (e > p && is_space((unsigned char)e[-1]))
        e--;
    bool neg = false;
    if (p < e && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    if (p == e || (neg && is_unsigned))
        return -1;
    uint64_t v = 0;
    uint64_t limit = neg ? (uint64_t)(-(lo + 1)) + 1 : hi;
    for (; p < e; p++) {
        if (!is_digit((unsigned char)*p))
            return -1;
        unsigned d = (unsigned)(*p - '0');
        if (v > (limit - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    if (is_unsigned)
        *ui = v;
    else
        *si = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v)
                  : (int64_t)v;
    return 0;
}

/* Convert one field into *item of dtype t (NumPy's set_from_ucs4).  0 or
 * -1 (not a number of that type; no error set). */
static int convert_field(NdType t, const char *s, size_t n, char *item)
{
    const char *e = s + n;
    double d, im;
    int64_t i;
    uint64_t u;
    switch (t) {
    case ND_FLOAT64:
        if (nd_parse_double(s, n, false, &d) < 0)
            return -1;
        memcpy(item, &d, 8);
        return 0;
    case ND_FLOAT32: {
        if (nd_parse_double(s, n, false, &d) < 0)
            return -1;
        float f = (float)d;
        memcpy(item, &f, 4);
        return 0;
    }
    case ND_COMPLEX128: {
        if (parse_complex(s, e, &d, &im) < 0)
            return -1;
        nd_complex128 c = {d, im};
        memcpy(item, &c, 16);
        return 0;
    }
    case ND_COMPLEX64: {
        if (parse_complex(s, e, &d, &im) < 0)
            return -1;
        nd_complex64 c = {(float)d, (float)im};
        memcpy(item, &c, 8);
        return 0;
    }
    case ND_BOOL:
        if (parse_int(s, e, false, INT64_MIN, INT64_MAX, &i, &u) < 0)
            return -1;
        *item = i != 0;
        return 0;
#define SIGNED(T, CT, LO, HI)                                                  \
    case T: {                                                                  \
        if (parse_int(s, e, false, LO, HI, &i, &u) < 0)                        \
            return -1;                                                         \
        CT v = (CT)i;                                                          \
        memcpy(item, &v, sizeof v);                                            \
        return 0;                                                              \
    }
        SIGNED(ND_INT8, int8_t, INT8_MIN, INT8_MAX)
        SIGNED(ND_INT16, int16_t, INT16_MIN, INT16_MAX)
        SIGNED(ND_INT32, int32_t, INT32_MIN, INT32_MAX)
        SIGNED(ND_INT64, int64_t, INT64_MIN, INT64_MAX)
#undef SIGNED
#define UNSIGNED(T, CT, HI)                                                    \
    case T: {                                                                  \
        if (parse_int(s, e, true, 0, HI, &i, &u) < 0)                          \
            return -1;                                                         \
        CT v = (CT)u;                                                          \
        memcpy(item, &v, sizeof v);                                            \
        return 0;                                                              \
    }
        UNSIGNED(ND_UINT8, uint8_t, UINT8_MAX)
        UNSIGNED(ND_UINT16, uint16_t, UINT16_MAX)
        UNSIGNED(ND_UINT32, uint32_t, UINT32_MAX)
        UNSIGNED(ND_UINT64, uint64_t, UINT64_MAX)
#undef UNSIGNED
    default:
        return -1;
    }
}

/* Python's repr of a str holding these bytes, cut to 100 characters as
 * NumPy's "%.100R" does: quotes chosen as Python chooses them, control
 * characters escaped, other bytes (UTF-8) kept. */
static void py_repr(const char *s, size_t n, char *out, size_t cap)
{
    bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    char tmp[512];
    size_t o = 0;
    tmp[o++] = q;
    for (size_t i = 0; i < n && o < 400; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') {
            tmp[o++] = '\\';
            tmp[o++] = (char)c;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            tmp[o++] = '\\';
            tmp[o++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
        } else if (c < 0x20 || c == 0x7f) {
            o += (size_t)snprintf(tmp + o, sizeof tmp - o, "\\x%02x", c);
        } else {
            tmp[o++] = (char)c;
        }
    }
    tmp[o++] = q;
    tmp[o] = '\0';
    /* %.100R: at most 100 characters (count UTF-8 lead bytes). */
    size_t chars = 0, k = 0;
    for (; k < o; k++) {
        if (((unsigned char)tmp[k] & 0xC0) != 0x80) {
            if (chars == 100)
                break;
            chars++;
        }
    }
    if (k >= cap)
        k = cap - 1;
    memcpy(out, tmp, k);
    out[k] = '\0';
}

/* --------------------------------------------------------------- reader */

enum { CHUNK = 1 << 20 };

/* A window [pos, len) of a stream.  rd_more compacts the window to the
 * front and appends the next chunk (growing the window only for a row
 * longer than it). */
typedef struct Reader {
    FILE *fp;
    const char *path; /* for messages ("-" for standard input) */
    char *b;
    size_t pos, len, cap;
    bool eof;
} Reader;

static int rd_init(Reader *r, FILE *fp, const char *path)
{
    r->fp = fp;
    r->path = path ? path : "-";
    r->pos = r->len = 0;
    r->cap = CHUNK;
    r->eof = false;
    r->b = nd_malloc(r->cap);
    return r->b ? 0 : -1;
}

static void rd_free(Reader *r)
{
    free(r->b);
    r->b = NULL;
}

static int rd_more(Reader *r)
{
    if (nd_interrupt_requested)
        return nd_error(ND_ERR_INTERRUPT, "%s", "");
    if (r->pos) {
        memmove(r->b, r->b + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->len == r->cap) {
        if (r->cap > SIZE_MAX / 2)
            return nd_error(ND_ERR_VALUE,
                            "line too long to handle while reading file.");
        char *nb = nd_realloc(r->b, r->cap * 2);
        if (!nb)
            return -1;
        r->b = nb;
        r->cap *= 2;
    }
    size_t got = fread(r->b + r->len, 1, r->cap - r->len, r->fp);
    r->len += got;
    if (got == 0) {
        if (ferror(r->fp))
            return nd_io_error(errno ? errno : EIO, r->path);
        r->eof = true;
    }
    return 0;
}

/* ------------------------------------------------------------ tokenizer */

/* A growable byte buffer, kept NUL-terminated: savetxt's output line and
 * the tokenizer's unescaped quoted fields. */
typedef struct Out {
    char *s;
    size_t n, cap;
} Out;

static int out_put(Out *o, const char *s, size_t n)
{
    if (o->n + n + 1 > o->cap) {
        size_t nc = o->cap ? o->cap : 256;
        while (nc < o->n + n + 1)
            nc *= 2;
        char *ns = nd_realloc(o->s, nc);
        if (!ns)
            return -1;
        o->s = ns;
        o->cap = nc;
    }
    memcpy(o->s + o->n, s, n);
    o->n += n;
    o->s[o->n] = '\0';
    return 0;
}

typedef struct Field {
    size_t off, len; /* in the window, or in scratch when `scratch` */
    bool scratch, quoted;
} Field;

typedef struct Tok {
    int delim, comment, quote; /* -1: none (delim -1: whitespace) */
    Field *f;
    int nf, capf;
    Out scr; /* unescaped quoted fields */
} Tok;

static int tok_add(Tok *t, size_t off)
{
    if (t->nf == t->capf) {
        if (t->capf > (1 << 28))
            return nd_error(ND_ERR_VALUE,
                            "too many columns found; cannot read file.");
        int nc = t->capf ? t->capf * 2 : 16;
        Field *nfp = nd_realloc(t->f, (size_t)nc * sizeof *nfp);
        if (!nfp)
            return -1;
        t->f = nfp;
        t->capf = nc;
    }
    Field *f = &t->f[t->nf++];
    f->off = off;
    f->len = 0;
    f->scratch = f->quoted = false;
    return 0;
}

/* Cut one row of b[pos, len) into fields, as NumPy's tokenizer does.
 * Returns 1 with *next just past the row's line end (or len at the end of
 * the file), 0 when the window ends inside the row and more input may come
 * (`eof` false), -1 on error. */
static int tok_row(Tok *t, const char *b, size_t pos, size_t len, bool eof,
                   size_t *next)
{
    const bool ws = t->delim < 0;
    size_t i = pos;
    t->nf = 0;
    t->scr.n = 0;
    for (;;) {
        if (tok_add(t, i) < 0)
            return -1;
        Field *f = &t->f[t->nf - 1];
        if (ws)
            while (i < len && is_space((unsigned char)b[i]) && b[i] != '\r' &&
                   b[i] != '\n')
                i++;
        f->off = i;
        bool in_scr = false;
        if (i < len && (unsigned char)b[i] == t->quote) {
            /* Quoted: delimiters and newlines are data until the closing
             * quote; a doubled quote is one quote; after the closing quote
             * the field goes on unquoted. */
            f->quoted = f->scratch = in_scr = true;
            f->off = t->scr.n;
            i++;
            for (;;) {
                size_t s = i;
                while (i < len && (unsigned char)b[i] != t->quote)
                    i++;
                if (out_put(&t->scr, b + s, i - s) < 0)
                    return -1;
                if (i >= len) {
                    if (!eof)
                        return 0;
                    f->len = t->scr.n - f->off;
                    *next = len;
                    goto row_done;
                }
                if (i + 1 >= len && !eof)
                    return 0;
                if (i + 1 < len && (unsigned char)b[i + 1] == t->quote) {
                    if (out_put(&t->scr, b + i, 1) < 0)
                        return -1;
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
        }
        size_t s = i;
        if (ws) {
            while (i < len) {
                unsigned char c = (unsigned char)b[i];
                if (is_space(c) || (int)c == t->comment)
                    break;
                i++;
            }
        } else {
            while (i < len) {
                unsigned char c = (unsigned char)b[i];
                if (c == '\n' || c == '\r' || (int)c == t->delim ||
                    (int)c == t->comment)
                    break;
                i++;
            }
        }
        if (in_scr) {
            if (out_put(&t->scr, b + s, i - s) < 0)
                return -1;
            f->len = t->scr.n - f->off;
        } else {
            f->len = i - s;
        }
        if (i >= len) {
            if (!eof)
                return 0;
            *next = len;
            goto row_done;
        }
        unsigned char c = (unsigned char)b[i];
        if (c == '\n') {
            *next = i + 1;
            goto row_done;
        }
        if (c == '\r') {
            if (i + 1 >= len && !eof)
                return 0;
            *next = i + 1 < len && b[i + 1] == '\n' ? i + 2 : i + 1;
            goto row_done;
        }
        if ((int)c == t->comment) {
            while (i < len && b[i] != '\n' && b[i] != '\r')
                i++;
            if (i >= len) {
                if (!eof)
                    return 0;
                *next = len;
            } else if (b[i] == '\n') {
                *next = i + 1;
            } else {
                if (i + 1 >= len && !eof)
                    return 0;
                *next = i + 1 < len && b[i + 1] == '\n' ? i + 2 : i + 1;
            }
            goto row_done;
        }
        i++; /* the delimiter (or one whitespace character) */
    }
row_done:
    /* One empty unquoted field is an empty line; splitting on whitespace
     * also drops a trailing empty field, as str.split() does. */
    if (t->nf == 1 || (t->nf > 0 && ws)) {
        if (!t->f[0].quoted && t->f[t->nf - 1].len == 0)
            t->nf--;
    }
    return 1;
}

/* The end of the line starting at pos: *le is its last byte + 1 and *next
 * the start of the next line.  0 when more input is needed. */
static int line_end(const char *b, size_t pos, size_t len, bool eof, size_t *le,
                    size_t *next)
{
    size_t i = pos;
    while (i < len && b[i] != '\n' && b[i] != '\r')
        i++;
    if (i >= len) {
        if (!eof)
            return 0;
        *le = *next = len;
        return 1;
    }
    *le = i;
    if (b[i] == '\n') {
        *next = i + 1;
        return 1;
    }
    if (i + 1 >= len && !eof)
        return 0;
    *next = i + 1 < len && b[i + 1] == '\n' ? i + 2 : i + 1;
    return 1;
}

/* Several or multi-character comments: NumPy cuts each line at the first
 * occurrence of each comment in turn (quotes are off then). */
static size_t cut_comments(const char *b, size_t pos, size_t le,
                           const NdLoadtxtOptions *o)
{
    for (int k = 0; k < o->ncomments; k++) {
        const char *c = o->comments[k];
        const char *hit = memmem(b + pos, le - pos, c, strlen(c));
        if (hit)
            le = (size_t)(hit - b);
    }
    return le;
}

/* Read the next row into t: 1 a row (maybe of 0 fields), 0 end of input,
 * -1 error. */
static int next_row(Reader *r, Tok *t, const NdLoadtxtOptions *o, bool multi)
{
    for (;;) {
        if (r->pos >= r->len && r->eof)
            return 0;
        size_t next;
        int rc;
        if (multi) {
            size_t le;
            rc = line_end(r->b, r->pos, r->len, r->eof, &le, &next);
            if (rc == 1) {
                le = cut_comments(r->b, r->pos, le, o);
                size_t dummy;
                rc = tok_row(t, r->b, r->pos, le, true, &dummy);
            }
        } else {
            rc = tok_row(t, r->b, r->pos, r->len, r->eof, &next);
        }
        if (rc < 0)
            return -1;
        if (rc == 1) {
            r->pos = next;
            return 1;
        }
        if (rd_more(r) < 0)
            return -1;
    }
}

/* The next line of the input without its terminator: 1, 0 at the end, -1
 * on error.  The line stays valid until the next call. */
static int get_line(Reader *r, const char **p, size_t *n)
{
    for (;;) {
        if (r->pos >= r->len && r->eof)
            return 0;
        size_t le, next;
        if (line_end(r->b, r->pos, r->len, r->eof, &le, &next)) {
            *p = r->b + r->pos;
            *n = le - r->pos;
            r->pos = next;
            return 1;
        }
        if (rd_more(r) < 0)
            return -1;
    }
}

/* Past the next line: 1, 0 at the end, -1 on error. */
static int skip_line(Reader *r)
{
    const char *p;
    size_t n;
    return get_line(r, &p, &n);
}

/* ------------------------------------------------------------- loadtxt */

/* NumPy's _ensure_ndmin_ndarray (squeeze beyond ndmin, then pad) and the
 * transpose of unpack.  Takes the reference to a. */
static NdArray *finish_shape(NdArray *a, int ndmin, bool unpack)
{
    if (a->ndim > ndmin) {
        NdArray *s = nd_squeeze(a, NULL, 0);
        nd_decref(a);
        if (!s)
            return NULL;
        a = s;
    }
    if (a->ndim < ndmin) {
        int64_t shape[2] = {1, 1};
        if (ndmin == 1) {
            shape[0] = a->size;
        } else if (a->ndim == 1) {
            /* atleast_2d(a).T: a column */
            shape[0] = a->shape[0];
        }
        NdArray *s = nd_reshape(a, ndmin, shape, 'C');
        nd_decref(a);
        if (!s)
            return NULL;
        a = s;
    }
    if (unpack) {
        NdArray *tr = nd_transpose(a, NULL, 0);
        nd_decref(a);
        a = tr;
    }
    return a;
}

/* Wrap a malloc'd C-order block as a new array that owns it. */
static NdArray *adopt(char *data, size_t nbytes, NdType t, int ndim,
                      const int64_t *shape)
{
    NdBuffer *buf = nd_buffer_new(data, nbytes, NULL, NULL);
    if (!buf) {
        free(data);
        return NULL;
    }
    int64_t strides[2];
    int64_t item = (int64_t)nd_dtype_size(t);
    if (ndim == 2) {
        strides[1] = item;
        strides[0] = item * shape[1];
    } else if (ndim == 1) {
        strides[0] = item;
    }
    NdArray *a = nd_view_new(buf, t, ndim, shape, strides, data, true);
    nd_buffer_decref(buf);
    if (a) {
        a->flags |= ND_OWNDATA;
        buf->owner = a; /* (R1) views of it take it as their base */
    }
    return a;
}

static int check_controls(const NdLoadtxtOptions *o, int comment)
{
    const char *c1 = NULL, *c2 = NULL;
    if (comment >= 0) {
        c1 = "comment";
        if (comment == '\r' || comment == '\n')
            goto error;
        if (comment == o->quotechar) {
            c2 = "quotechar";
            goto error;
        }
        if (comment == o->delimiter) {
            c2 = "delimiter";
            goto error;
        }
    }
    if (o->quotechar >= 0) {
        c1 = "quotechar";
        if (o->quotechar == '\r' || o->quotechar == '\n')
            goto error;
        if (o->quotechar == o->delimiter) {
            c2 = "delimiter";
            goto error;
        }
    }
    if (o->delimiter >= 0) {
        c1 = "delimiter";
        if (o->delimiter == '\r' || o->delimiter == '\n')
            goto error;
    } else {
        c1 = "delimiter";
        if (comment >= 0 && is_space((unsigned char)comment)) {
            c2 = "comment";
            goto error;
        }
        if (o->quotechar >= 0 && is_space((unsigned char)o->quotechar)) {
            c2 = "quotechar";
            goto error;
        }
    }
    return 0;
error:
    if (c2)
        return nd_error(ND_ERR_TYPE,
                        "The values for control characters '%s' and '%s' "
                        "are incompatible",
                        c1, c2);
    return nd_error(ND_ERR_TYPE,
                    "control character '%s' cannot be a newline (`\\r` or "
                    "`\\n`).",
                    c1);
}

/* loadtxt of an open stream; path names it in messages (NULL: "-"). */
static NdArray *loadtxt(FILE *fp, const char *path, const NdLoadtxtOptions *o)
{
    if (o->ndmin < 0 || o->ndmin > 2) {
        nd_error(ND_ERR_VALUE, "Illegal value of ndmin keyword: %d", o->ndmin);
        return NULL;
    }
    if (o->skiprows < 0 || o->max_rows < -1) {
        nd_error(ND_ERR_VALUE, "argument must be nonnegative");
        return NULL;
    }
    bool multi = false;
    int comment = -1;
    for (int k = 0; k < o->ncomments; k++)
        if (!o->comments[k][0]) {
            nd_error(ND_ERR_VALUE, "comments cannot be an empty string. Use "
                                   "comments=None to disable comments.");
            return NULL;
        }
    if (o->ncomments == 1 && strlen(o->comments[0]) == 1) {
        comment = (unsigned char)o->comments[0][0];
    } else if (o->ncomments >= 1) {
        multi = true;
        if (o->quotechar >= 0) {
            nd_error(ND_ERR_VALUE,
                     "when multiple comments or a multi-character comment "
                     "is given, quotes are not supported.  In this case "
                     "quotechar must be set to None.");
            return NULL;
        }
    }
    if (check_controls(o, comment) < 0)
        return NULL;

    NdType t = o->dtype;
    size_t item = nd_dtype_size(t);
    Reader r;
    Tok tok = {
        .delim = o->delimiter, .comment = comment, .quote = o->quotechar};
    if (rd_init(&r, fp, path) < 0)
        return NULL;
    char *data = NULL;
    int64_t ncols = o->nusecols >= 0 ? o->nusecols : -1;
    int64_t rows = 0, cap_rows = 0;
    size_t row_size = 0;
    int rc = 0;
    for (int64_t k = 0; k < o->skiprows; k++) {
        rc = skip_line(&r);
        if (rc <= 0)
            break;
    }
    if (rc < 0)
        goto fail;
    while (o->max_rows < 0 || rows < o->max_rows) {
        rc = next_row(&r, &tok, o, multi);
        if (rc < 0)
            goto fail;
        if (rc == 0)
            break;
        if (tok.nf == 0)
            continue;
        if (!data) {
            if (ncols < 0)
                ncols = tok.nf;
            row_size = item * (size_t)ncols;
            int64_t want = o->max_rows >= 0 ? o->max_rows : 1;
            /* Start with about 64 KiB of rows. */
            if (o->max_rows < 0 && row_size)
                want = (int64_t)((65536 + row_size - 1) / row_size);
            int64_t bytes;
            if (nd_mul_overflow(want, (int64_t)(row_size ? row_size : 1),
                                &bytes) < 0) {
                nd_error(ND_ERR_VALUE,
                         "array is too big. Cannot read file as a single "
                         "array; providing a maximum number of rows to read "
                         "may help.");
                goto fail;
            }
            data = nd_malloc(bytes ? (size_t)bytes : 1);
            if (!data)
                goto fail;
            cap_rows = want;
        }
        if (o->nusecols < 0 && tok.nf != ncols) {
            nd_error(ND_ERR_VALUE,
                     "the number of columns changed from %lld to %d at row "
                     "%lld; use `usecols` to select a subset and avoid this "
                     "error",
                     (long long)ncols, tok.nf, (long long)rows + 1);
            goto fail;
        }
        if (rows == cap_rows) {
            int64_t nc = cap_rows + cap_rows / 2 + 1, bytes;
            if (nd_mul_overflow(nc, (int64_t)(row_size ? row_size : 1),
                                &bytes) < 0) {
                nd_error(ND_ERR_VALUE,
                         "array is too big. Cannot read file as a single "
                         "array; providing a maximum number of rows to read "
                         "may help.");
                goto fail;
            }
            char *nd2 = nd_realloc(data, bytes ? (size_t)bytes : 1);
            if (!nd2)
                goto fail;
            data = nd2;
            cap_rows = nc;
        }
        char *dst = data + (size_t)rows * row_size;
        for (int64_t i = 0; i < ncols; i++) {
            int64_t col = i;
            if (o->nusecols >= 0) {
                col = o->usecols[i];
                if (col < 0)
                    col += tok.nf;
                if (col < 0 || col >= tok.nf) {
                    nd_error(ND_ERR_VALUE,
                             "invalid column index %lld at row %lld with %d "
                             "columns",
                             (long long)o->usecols[i], (long long)rows + 1,
                             tok.nf);
                    goto fail;
                }
            }
            const Field *f = &tok.f[col];
            const char *s = (f->scratch ? tok.scr.s : r.b) + f->off;
            if (convert_field(t, s, f->len, dst + (size_t)i * item) < 0) {
                char rep[420];
                py_repr(s, f->len, rep, sizeof rep);
                nd_error(ND_ERR_VALUE,
                         "could not convert string %s to %s at row %lld, "
                         "column %lld.",
                         rep, nd_dtype_name(t), (long long)rows,
                         (long long)col + 1);
                goto fail;
            }
        }
        rows++;
    }
    rd_free(&r);
    free(tok.f);
    free(tok.scr.s);
    int64_t shape[2] = {rows, ncols < 0 ? 1 : ncols};
    size_t nbytes = (size_t)rows * row_size;
    char *fin = data ? realloc(data, nbytes ? nbytes : 1) : malloc(1);
    if (!fin) {
        free(data);
        return nd_error_nomem();
    }
    NdArray *a = adopt(fin, nbytes, t, 2, shape);
    if (!a)
        return NULL;
    a = finish_shape(a, o->ndmin, false);
    if (a && a->ndim > 0 && a->shape[0] == 0) {
        /* NumPy's UserWarning for a file without rows (shape checked
         * before unpack's transpose, as NumPy does). */
        char msg[160];
        snprintf(msg, sizeof msg,
                 "UserWarning: loadtxt: input contained no data: \"%s\"",
                 path ? path : "-");
        nd_warn(msg);
    }
    if (a && o->unpack) {
        NdArray *tr = nd_transpose(a, NULL, 0);
        nd_decref(a);
        a = tr;
    }
    return a;
fail:
    rd_free(&r);
    free(tok.f);
    free(tok.scr.s);
    free(data);
    return NULL;
}

NdArray *nd_loadtxt_stream(FILE *fp, const NdLoadtxtOptions *o)
{
    return loadtxt(fp, NULL, o);
}

NdArray *nd_loadtxt(const char *path, const NdLoadtxtOptions *o)
{
    if (!strcmp(path, "-"))
        return loadtxt(stdin, path, o);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        nd_io_error(errno, path);
        return NULL;
    }
    NdArray *a = loadtxt(fp, path, o);
    fclose(fp);
    return a;
}

/* --------------------------------------------------------- %-formatting */

static int out_fill(Out *o, char c, size_t n)
{
    char pad[64];
    memset(pad, c, sizeof pad);
    while (n) {
        size_t k = n < sizeof pad ? n : sizeof pad;
        if (out_put(o, pad, k) < 0)
            return -1;
        n -= k;
    }
    return 0;
}

/* One value handed to a conversion: NumPy passes the row's scalars.
 * `s` is the scalar itself (for %s), `k` its kind: 'f' (d), 'i' (i), 'u'
 * (u) or 'b' (i). */
typedef struct FmtVal {
    NdScalar s;
    char k;
    double d;
    int64_t i;
    uint64_t u;
} FmtVal;

/* A parsed conversion: flags, width, precision, type. */
typedef struct Spec {
    bool left, plus, space, alt, zero;
    int width, prec; /* -1: none */
    char conv;
} Spec;

/* Python's padding of a number: sign, prefix, digits. */
static int put_number(Out *o, const Spec *sp, bool neg, const char *prefix,
                      const char *body, size_t blen)
{
    const char *sign = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    size_t len = strlen(sign) + strlen(prefix) + blen;
    size_t pad =
        sp->width > 0 && (size_t)sp->width > len ? (size_t)sp->width - len : 0;
    if (pad && !sp->left && !sp->zero && out_fill(o, ' ', pad) < 0)
        return -1;
    if (out_put(o, sign, strlen(sign)) < 0 ||
        out_put(o, prefix, strlen(prefix)) < 0)
        return -1;
    if (pad && !sp->left && sp->zero && out_fill(o, '0', pad) < 0)
        return -1;
    if (out_put(o, body, blen) < 0)
        return -1;
    if (pad && sp->left && out_fill(o, ' ', pad) < 0)
        return -1;
    return 0;
}

static bool val_is_float(const FmtVal *v)
{
    return v->k == 'f';
}
static double val_double(const FmtVal *v)
{
    return v->k == 'f' ? v->d : v->k == 'u' ? (double)v->u : (double)v->i;
}

/* Signals a TypeError of Python's % operator: NumPy reports it as a
 * mismatch between the dtype and the format. */
#define FMT_TYPE_ERROR (-2)

static int format_one(Out *o, const Spec *sp, const FmtVal *v)
{
    char body[400];
    switch (sp->conv) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
        bool neg = false;
        uint64_t mag = 0;
        bool big = false;
        double d = 0;
        if (val_is_float(v)) {
            if (sp->conv == 'o' || sp->conv == 'x' || sp->conv == 'X')
                return FMT_TYPE_ERROR;
            d = val_double(v);
            if (isnan(d))
                return nd_error(ND_ERR_VALUE,
                                "cannot convert float NaN to integer");
            if (isinf(d))
                return nd_error(ND_ERR_OVERFLOW,
                                "cannot convert float infinity to integer");
            d = trunc(d);
            neg = d < 0;
            if (fabs(d) < 18446744073709551616.0)
                mag = (uint64_t)fabs(d);
            else
                big = true;
        } else if (v->k == 'u') {
            mag = v->u;
        } else {
            int64_t x = v->i;
            neg = x < 0;
            mag = neg ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        }
        int n;
        if (big) /* an integral double beyond 64 bits: its exact digits */
            n = snprintf(body, sizeof body, "%.0f", fabs(d));
        else if (sp->conv == 'o')
            n = snprintf(body, sizeof body, "%llo", (unsigned long long)mag);
        else if (sp->conv == 'x')
            n = snprintf(body, sizeof body, "%llx", (unsigned long long)mag);
        else if (sp->conv == 'X')
            n = snprintf(body, sizeof body, "%llX", (unsigned long long)mag);
        else
            n = snprintf(body, sizeof body, "%llu", (unsigned long long)mag);
        char digits[480];
        size_t len = (size_t)n;
        if (sp->prec > n && sp->prec < 400) {
            memset(digits, '0', (size_t)(sp->prec - n));
            memcpy(digits + sp->prec - n, body, (size_t)n);
            len = (size_t)sp->prec;
        } else {
            memcpy(digits, body, len);
        }
        const char *prefix = "";
        if (sp->alt)
            prefix = sp->conv == 'o'   ? "0o"
                     : sp->conv == 'x' ? "0x"
                     : sp->conv == 'X' ? "0X"
                                       : "";
        return put_number(o, sp, neg, prefix, digits, len);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
        double d = val_double(v);
        bool upper = sp->conv == 'E' || sp->conv == 'F' || sp->conv == 'G';
        bool neg = signbit(d) && !isnan(d);
        size_t n;
        if (!isfinite(d)) {
            const char *w =
                isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
            memcpy(body, w, 4);
            n = 3;
        } else {
            char f[16];
            int prec = sp->prec < 0 ? 6 : sp->prec > 300 ? 300 : sp->prec;
            snprintf(f, sizeof f, "%%%s.*%c", sp->alt ? "#" : "", sp->conv);
            n = (size_t)snprintf(body, sizeof body, f, prec, fabs(d));
            if (n >= sizeof body)
                n = sizeof body - 1;
        }
        return put_number(o, sp, neg, "", body, n);
    }
    case 's':
    case 'r':
    case 'a': {
        char *txt;
        if (v->s.dtype == ND_BOOL) {
            txt = strdup(v->s.v.b ? "True" : "False");
        } else {
            txt = nd_scalar_str(&v->s);
        }
        if (!txt)
            return nd_error(ND_ERR_MEMORY, "out of memory");
        size_t n = strlen(txt);
        if (sp->prec >= 0 && (size_t)sp->prec < n)
            n = (size_t)sp->prec;
        size_t pad =
            sp->width > 0 && (size_t)sp->width > n ? (size_t)sp->width - n : 0;
        int rc = 0;
        if (pad && !sp->left)
            rc = out_fill(o, ' ', pad);
        if (!rc)
            rc = out_put(o, txt, n);
        if (!rc && pad && sp->left)
            rc = out_fill(o, ' ', pad);
        free(txt);
        return rc;
    }
    case 'c':
        return FMT_TYPE_ERROR;
    default:
        return -1;
    }
}

/* Python's `fmt % tuple(values)`.  Returns 0, -1 (error set) or
 * FMT_TYPE_ERROR (a TypeError of the % operator). */
static int py_format(Out *o, const char *fmt, const FmtVal *vals, int nvals)
{
    int k = 0;
    size_t i = 0, n = strlen(fmt);
    while (i < n) {
        const char *pc = memchr(fmt + i, '%', n - i);
        size_t lit = pc ? (size_t)(pc - (fmt + i)) : n - i;
        if (out_put(o, fmt + i, lit) < 0)
            return -1;
        i += lit;
        if (i >= n)
            break;
        size_t start = i++;
        if (i < n && fmt[i] == '(') /* a mapping key needs a dict */
            return FMT_TYPE_ERROR;
        Spec sp = {.width = -1, .prec = -1};
        for (; i < n; i++) {
            char c = fmt[i];
            if (c == '-')
                sp.left = true;
            else if (c == '+')
                sp.plus = true;
            else if (c == ' ')
                sp.space = true;
            else if (c == '#')
                sp.alt = true;
            else if (c == '0')
                sp.zero = true;
            else
                break;
        }
        if (i < n && fmt[i] == '*')
            return FMT_TYPE_ERROR;
        while (i < n && is_digit((unsigned char)fmt[i])) {
            sp.width = (sp.width < 0 ? 0 : sp.width) * 10 + (fmt[i] - '0');
            if (sp.width > 100000)
                return nd_error(ND_ERR_VALUE, "width too big");
            i++;
        }
        if (i < n && fmt[i] == '.') {
            i++;
            sp.prec = 0;
            if (i < n && fmt[i] == '*')
                return FMT_TYPE_ERROR;
            while (i < n && is_digit((unsigned char)fmt[i])) {
                sp.prec = sp.prec * 10 + (fmt[i] - '0');
                if (sp.prec > 100000)
                    return nd_error(ND_ERR_VALUE, "precision too big");
                i++;
            }
        }
        /* Python skips length modifiers h, l, L. */
        while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L'))
            i++;
        if (i >= n)
            return nd_error(ND_ERR_VALUE, "incomplete format");
        sp.conv = fmt[i++];
        if (sp.conv == '%') {
            if (out_put(o, "%", 1) < 0)
                return -1;
            continue;
        }
        if (!strchr("diuoxXeEfFgGsrac", sp.conv))
            return nd_error(ND_ERR_VALUE,
                            "unsupported format character '%c' (0x%x) at "
                            "index %zu",
                            sp.conv, (unsigned char)sp.conv, i - 1);
        (void)start;
        if (k >= nvals)
            return FMT_TYPE_ERROR; /* not enough arguments */
        int rc = format_one(o, &sp, &vals[k++]);
        if (rc != 0)
            return rc;
    }
    if (k < nvals)
        return FMT_TYPE_ERROR; /* not all arguments converted */
    return 0;
}

/* Python's str(list_of_str) for the fmt error message. */
static void list_repr(const char *const *items, int n, char *out, size_t cap)
{
    size_t o = 0;
    out[o++] = '[';
    for (int i = 0; i < n && o + 8 < cap; i++) {
        char r[420];
        py_repr(items[i], strlen(items[i]), r, sizeof r);
        o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? ", " : "", r);
    }
    if (o + 2 > cap)
        o = cap - 2;
    out[o++] = ']';
    out[o] = '\0';
}

/* header/footer: every newline continues the comment. */
static int put_commented(Out *o, const char *text, const char *comments,
                         const char *newline)
{
    if (out_put(o, comments, strlen(comments)) < 0)
        return -1;
    for (const char *p = text; *p; p++) {
        if (out_put(o, p, 1) < 0)
            return -1;
        if (*p == '\n' && out_put(o, comments, strlen(comments)) < 0)
            return -1;
    }
    return out_put(o, newline, strlen(newline));
}

/* The values NumPy's savetxt formats for one element: the scalar, or for
 * complex its .real and .imag (float32 parts for complex64). */
static int set_val(FmtVal *vals, int64_t c, const NdScalar *s, bool cplx)
{
    if (cplx) {
        bool c64 = s->dtype == ND_COMPLEX64;
        double re = c64 ? s->v.c64.re : s->v.c128.re;
        double im = c64 ? s->v.c64.im : s->v.c128.im;
        for (int h = 0; h < 2; h++) {
            FmtVal *v = &vals[2 * c + h];
            double x = h ? im : re;
            v->s = nd_scalar_float64(x);
            if (c64) {
                v->s.dtype = ND_FLOAT32;
                v->s.v.f32 = (float)x;
            }
            v->s.weak = false;
            v->k = 'f';
            v->d = x;
        }
        return 0;
    }
    FmtVal *v = &vals[c];
    v->s = *s;
    switch (nd_dtype_kind(s->dtype)) {
    case ND_KIND_FLOAT:
        v->k = 'f';
        v->d = s->dtype == ND_FLOAT32 ? s->v.f32 : s->v.f64;
        return 0;
    case ND_KIND_BOOL:
        v->k = 'b';
        v->i = s->v.b;
        return 0;
    case ND_KIND_UINT: {
        NdScalar w;
        if (nd_scalar_cast(s, ND_UINT64, &w) < 0)
            return -1;
        v->k = 'u';
        v->u = w.v.u64;
        return 0;
    }
    default: {
        NdScalar w;
        if (nd_scalar_cast(s, ND_INT64, &w) < 0)
            return -1;
        v->k = 'i';
        v->i = w.v.i64;
        return 0;
    }
    }
}

int nd_savetxt(const char *path, NdArray *X, const char *const *fmt, int nfmt,
               const char *delimiter, const char *newline, const char *header,
               const char *footer, const char *comments)
{
    if (X->ndim == 0 || X->ndim > 2)
        return nd_error(ND_ERR_VALUE,
                        "Expected 1D or 2D array, got %dD array instead",
                        X->ndim);
    int64_t nrows = X->shape[0];
    int64_t ncol = X->ndim == 2 ? X->shape[1] : 1;
    bool cplx = nd_dtype_kind(X->dtype) == ND_KIND_COMPLEX;
    /* The row format, as NumPy builds it. */
    Out f = {0};
    int rc = 0;
    if (nfmt >= 1) {
        if (nfmt != ncol) {
            char rep[1024];
            list_repr(fmt, nfmt, rep, sizeof rep);
            return nd_error(ND_ERR_ATTRIBUTE, "fmt has wrong shape.  %s", rep);
        }
        for (int i = 0; i < nfmt && !rc; i++) {
            if (i)
                rc = out_put(&f, delimiter, strlen(delimiter));
            if (!rc)
                rc = out_put(&f, fmt[i], strlen(fmt[i]));
        }
    } else {
        int64_t npct = 0;
        for (const char *p = fmt[0]; *p; p++)
            npct += *p == '%';
        if (npct == 1) {
            for (int64_t i = 0; i < ncol && !rc; i++) {
                if (i)
                    rc = out_put(&f, delimiter, strlen(delimiter));
                if (!rc && cplx) {
                    rc = out_put(&f, " (", 2);
                    rc = rc ? rc : out_put(&f, fmt[0], strlen(fmt[0]));
                    rc = rc ? rc : out_put(&f, "+", 1);
                    rc = rc ? rc : out_put(&f, fmt[0], strlen(fmt[0]));
                    rc = rc ? rc : out_put(&f, "j)", 2);
                } else if (!rc) {
                    rc = out_put(&f, fmt[0], strlen(fmt[0]));
                }
            }
        } else if ((cplx && npct != 2 * ncol) || (!cplx && npct != ncol)) {
            return nd_error(ND_ERR_VALUE,
                            "fmt has wrong number of %% formats:  %s", fmt[0]);
        } else {
            rc = out_put(&f, fmt[0], strlen(fmt[0]));
        }
    }
    if (rc < 0 || (!f.s && out_put(&f, "", 0) < 0)) {
        free(f.s);
        return -1;
    }
    NdAtomicFile af;
    if (nd_atomic_open(&af, path) < 0) {
        free(f.s);
        return -1;
    }
    Out line = {0};
    int nv = (int)(cplx ? 2 * ncol : ncol);
    FmtVal *vals = nd_malloc((size_t)(nv ? nv : 1) * sizeof *vals);
    if (!vals)
        goto fail;
    if (header[0]) {
        line.n = 0;
        if (put_commented(&line, header, comments, newline) < 0 ||
            fwrite(line.s, 1, line.n, af.fp) != line.n)
            goto io_fail;
    }
    for (int64_t r = 0; r < nrows; r++) {
        if ((r & 1023) == 0 && nd_interrupt_requested) {
            nd_error(ND_ERR_INTERRUPT, "%s", "");
            goto fail;
        }
        for (int64_t c = 0; c < ncol; c++) {
            int64_t idx[2] = {r, c};
            NdScalar s;
            if (nd_get_item(X, idx, &s) < 0)
                goto fail;
            if (set_val(vals, c, &s, cplx) < 0)
                goto fail;
        }
        line.n = 0;
        int frc = py_format(&line, f.s, vals, nv);
        if (frc == FMT_TYPE_ERROR) {
            nd_error(ND_ERR_TYPE,
                     "Mismatch between array dtype ('%s') and format "
                     "specifier ('%s')",
                     nd_dtype_name(X->dtype), f.s);
            goto fail;
        }
        if (frc < 0 || out_put(&line, newline, strlen(newline)) < 0)
            goto fail;
        if (cplx) { /* NumPy: s.replace('+-', '-') */
            size_t w = 0;
            for (size_t k = 0; k < line.n; k++) {
                if (line.s[k] == '+' && k + 1 < line.n && line.s[k + 1] == '-')
                    continue;
                line.s[w++] = line.s[k];
            }
            line.n = w;
        }
        if (fwrite(line.s, 1, line.n, af.fp) != line.n)
            goto io_fail;
    }
    if (footer[0]) {
        line.n = 0;
        if (put_commented(&line, footer, comments, newline) < 0 ||
            fwrite(line.s, 1, line.n, af.fp) != line.n)
            goto io_fail;
    }
    free(vals);
    free(line.s);
    free(f.s);
    return nd_atomic_commit(&af);
io_fail:
    nd_io_error(errno ? errno : EIO, path);
fail:
    nd_atomic_abort(&af);
    free(vals);
    free(line.s);
    free(f.s);
    return -1;
}

/* ----------------------------------------------------------- genfromtxt */

/* A field of a line: [p, p+n). */
typedef struct Span {
    const char *p;
    size_t n;
} Span;

typedef struct Spans {
    Span *v;
    int n, cap;
} Spans;

static int spans_add(Spans *s, const char *p, size_t n)
{
    if (s->n == s->cap) {
        int nc = s->cap ? s->cap * 2 : 16;
        Span *nv = nd_realloc(s->v, (size_t)nc * sizeof *nv);
        if (!nv)
            return -1;
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n].p = p;
    s->v[s->n++].n = n;
    return 0;
}

/* NumPy's LineSplitter: cut the comment, strip " \r\n", split on the
 * delimiter (or whitespace runs, str.split()), strip fields if asked. */
static int split_line(const NdGenfromtxtOptions *o, const char *p, size_t n,
                      Spans *out)
{
    out->n = 0;
    if (n == 0) /* also an empty file's missing first line (p NULL) */
        return 0;
    if (o->comments && o->comments[0]) {
        const char *hit = memmem(p, n, o->comments, strlen(o->comments));
        if (hit)
            n = (size_t)(hit - p);
    }
    while (n && (*p == ' ' || *p == '\r' || *p == '\n')) {
        p++;
        n--;
    }
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\r' || p[n - 1] == '\n'))
        n--;
    if (!n)
        return 0;
    const char *e = p + n;
    if (!o->delimiter) {
        const char *q = p;
        while (q < e) {
            while (q < e && is_space((unsigned char)*q))
                q++;
            if (q >= e)
                break;
            const char *s = q;
            while (q < e && !is_space((unsigned char)*q))
                q++;
            if (spans_add(out, s, (size_t)(q - s)) < 0)
                return -1;
        }
        return 0;
    }
    size_t dl = strlen(o->delimiter);
    const char *q = p;
    for (;;) {
        const char *hit =
            dl ? memmem(q, (size_t)(e - q), o->delimiter, dl) : NULL;
        const char *end = hit ? hit : e;
        const char *s = q;
        const char *t = end;
        if (o->autostrip) {
            while (s < t && is_space((unsigned char)*s))
                s++;
            while (t > s && is_space((unsigned char)t[-1]))
                t--;
        }
        if (spans_add(out, s, (size_t)(t - s)) < 0)
            return -1;
        if (!hit)
            break;
        q = hit + dl;
    }
    return 0;
}

static void free_strs(char **v, int n)
{
    if (!v)
        return;
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static char *dup_n(const char *p, size_t n)
{
    char *s = nd_malloc(n + 1);
    if (s) {
        memcpy(s, p, n);
        s[n] = '\0';
    }
    return s;
}

/* NumPy's NameValidator with its defaults (excludelist return, file,
 * print; deletechars; spaces become '_'; empty names f0, f1, ...;
 * duplicates get _1, _2). */
static char **validate_names(char **in, int n)
{
    static const char del[] = "~!@#$%^&*()-=+~\\|]}[{';: /?.>,<";
    char **out = nd_calloc((size_t)(n ? n : 1), sizeof *out);
    char **base = nd_calloc((size_t)(n ? n : 1), sizeof *base);
    if (!out || !base) {
        free(out);
        free(base);
        return NULL;
    }
    int nbempty = 0;
    for (int i = 0; i < n; i++) {
        const char *s = in[i];
        size_t len = strlen(s);
        while (len && is_space((unsigned char)*s)) {
            s++;
            len--;
        }
        while (len && is_space((unsigned char)s[len - 1]))
            len--;
        char *v = nd_malloc(len + 32);
        if (!v)
            goto fail;
        size_t o = 0;
        for (size_t k = 0; k < len; k++) {
            char c = s[k] == ' ' ? '_' : s[k];
            if (!strchr(del, c) || c == '\0')
                v[o++] = c;
        }
        v[o] = '\0';
        if (!o) {
            for (;;) {
                snprintf(v, len + 32, "f%d", nbempty);
                bool seen = false;
                for (int j = 0; j < i; j++)
                    seen |= !strcmp(out[j], v);
                if (!seen)
                    break;
                nbempty++;
            }
        } else if (!strcmp(v, "return") || !strcmp(v, "file") ||
                   !strcmp(v, "print")) {
            strcat(v, "_");
        }
        /* seen[item]: how many earlier names had the same base */
        int cnt = 0;
        for (int j = 0; j < i; j++)
            cnt += !strcmp(base[j], v);
        base[i] = dup_n(v, strlen(v));
        if (!base[i]) {
            free(v);
            goto fail;
        }
        if (cnt)
            snprintf(v + strlen(v), 32, "_%d", cnt);
        out[i] = v;
    }
    free_strs(base, n);
    return out;
fail:
    free_strs(base, n);
    free_strs(out, n);
    return NULL;
}

/* Python's int() for genfromtxt (whitespace, sign, digits, underscores). */
static int py_int(const char *p, size_t n, int64_t *out)
{
    const char *e = p + n;
    while (p < e && is_space((unsigned char)*p))
        p++;
    while (e > p && is_space((unsigned char)e[-1]))
        e--;
    bool neg = false;
    if (p < e && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    if (p >= e || !is_digit((unsigned char)*p))
        return -1;
    uint64_t v = 0;
    for (; p < e; p++) {
        if (*p == '_' && is_digit((unsigned char)p[-1]) && p + 1 < e &&
            is_digit((unsigned char)p[1]))
            continue;
        if (!is_digit((unsigned char)*p))
            return -1;
        if (v > (UINT64_C(1) << 63) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    if (v > (uint64_t)INT64_MAX + (neg ? 1 : 0))
        return -1;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return 0;
}

/* Python's complex(): "1+2j", "(3-j)", "2J", "j", "nan", with whitespace
 * around and underscores between digits. */
static int py_complex(const char *p, size_t n, double *re, double *im)
{
    const char *e = p + n;
    while (p < e && is_space((unsigned char)*p))
        p++;
    while (e > p && is_space((unsigned char)e[-1]))
        e--;
    if (p < e && *p == '(' && e[-1] == ')') {
        p++;
        e--;
        while (p < e && is_space((unsigned char)*p))
            p++;
        while (e > p && is_space((unsigned char)e[-1]))
            e--;
    }
    if (p >= e)
        return -1;
    double x;
    const char *q = scan_double(p, e, true, &x);
    if (!q) { /* "j", "+j", "-j" */
        const char *s = p;
        double sg = 1;
        if (*s == '+' || *s == '-')
            sg = *s++ == '-' ? -1 : 1;
        if (s + 1 == e && (*s == 'j' || *s == 'J')) {
            *re = 0;
            *im = sg;
            return 0;
        }
        return -1;
    }
    if (q == e) {
        *re = x;
        *im = 0;
        return 0;
    }
    if ((*q == 'j' || *q == 'J') && q + 1 == e) {
        *re = 0;
        *im = x;
        return 0;
    }
    if (*q != '+' && *q != '-')
        return -1;
    *re = x;
    const char *s = q;
    double y;
    const char *q2 = scan_double(s, e, true, &y);
    if (!q2) {
        double sg = *s == '-' ? -1 : 1;
        if (s + 2 == e && (s[1] == 'j' || s[1] == 'J')) {
            *im = sg;
            return 0;
        }
        return -1;
    }
    if (q2 + 1 == e && (*q2 == 'j' || *q2 == 'J')) {
        *im = y;
        return 0;
    }
    return -1;
}

/* numpy.lib._iotools.str2bool */
static int py_bool(const char *p, size_t n, bool *out)
{
    if (n == 4 && !strncasecmp(p, "true", 4)) {
        *out = true;
        return 0;
    }
    if (n == 5 && !strncasecmp(p, "false", 5)) {
        *out = false;
        return 0;
    }
    return -1;
}

/* Loose conversion of one value to dtype t (0 ok, -1 not convertible). */
static int loose_convert(NdType t, const char *p, size_t n, NdScalar *out)
{
    switch (nd_dtype_kind(t)) {
    case ND_KIND_BOOL: {
        bool b;
        if (py_bool(p, n, &b) < 0)
            return -1;
        *out = nd_scalar_bool(b);
        return 0;
    }
    case ND_KIND_INT:
    case ND_KIND_UINT: {
        int64_t i;
        if (py_int(p, n, &i) < 0)
            return -1;
        *out = nd_scalar_int64(i);
        return 0;
    }
    case ND_KIND_FLOAT: {
        double d;
        if (nd_parse_double(p, n, true, &d) < 0)
            return -1;
        *out = nd_scalar_float64(d);
        return 0;
    }
    default: {
        double re, im;
        if (py_complex(p, n, &re, &im) < 0)
            return -1;
        *out = nd_scalar_complex128(re, im);
        return 0;
    }
    }
}

/* The default fill of StringConverter's mapper for each kind. */
static NdScalar default_fill(NdType t)
{
    switch (nd_dtype_kind(t)) {
    case ND_KIND_BOOL:
        return nd_scalar_bool(false);
    case ND_KIND_INT:
    case ND_KIND_UINT:
        return nd_scalar_int64(-1);
    case ND_KIND_FLOAT:
        return nd_scalar_float64(NAN);
    default:
        return nd_scalar_complex128(NAN, 0.0);
    }
}

void nd_genfromtxt_result_free(NdGenfromtxtResult *r)
{
    nd_decref(r->array);
    for (int i = 0; i < r->ncols; i++) {
        if (r->names)
            free(r->names[i]);
        if (r->columns)
            nd_decref(r->columns[i]);
    }
    free(r->names);
    free(r->columns);
    memset(r, 0, sizeof *r);
}

int nd_genfromtxt(const char *path, const NdGenfromtxtOptions *o,
                  NdGenfromtxtResult *out)
{
    memset(out, 0, sizeof *out);
    if (o->ndmin < 0 || o->ndmin > 2)
        return nd_error(ND_ERR_VALUE, "Illegal value of ndmin keyword: %d",
                        o->ndmin);
    if (o->max_rows >= 0) {
        if (o->skip_footer)
            return nd_error(ND_ERR_VALUE,
                            "The keywords 'skip_footer' and 'max_rows' can "
                            "not be specified at the same time.");
        if (o->max_rows < 1)
            return nd_error(ND_ERR_VALUE, "'max_rows' must be at least 1.");
    }
    FILE *fp = stdin;
    if (strcmp(path, "-")) {
        fp = fopen(path, "rb");
        if (!fp)
            return nd_io_error(errno, path);
    }
    Reader r;
    if (rd_init(&r, fp, path) < 0) {
        if (fp != stdin)
            fclose(fp);
        return -1;
    }
    Spans sp = {0};
    char **names = NULL;
    int nnames = 0;
    int64_t *cols = NULL;
    int ncols = 0;
    /* The kept fields: an arena of text and, per value, its offset/len. */
    Out arena = {0};
    int64_t *offs = NULL;
    size_t noffs = 0, capoffs = 0;
    int64_t nrows = 0;
    char *errmsg = NULL;
    Out err = {0};
    int64_t ninvalid = 0;
    int64_t *inv_line = NULL, *inv_n = NULL;
    size_t capinv = 0;
    NdType *types = NULL;
    NdScalar *fills = NULL;
    bool *has_fill = NULL;
    NdArray **colarr = NULL;
    char *first = NULL;
    size_t nfirst = 0;
    int rc = -1;
    const char *line;
    size_t len;
    int g;

    for (int64_t k = 0; k < o->skip_header; k++) {
        g = get_line(&r, &line, &len);
        if (g < 0)
            goto done;
        if (g == 0)
            break;
    }
    /* The first line with values (names=True: a comment line too). */
    for (;;) {
        g = get_line(&r, &line, &len);
        if (g < 0)
            goto done;
        if (g == 0) {
            sp.n = 0;
            /* NumPy's UserWarning; the result is then empty. */
            char msg[160];
            snprintf(msg, sizeof msg,
                     "UserWarning: genfromtxt: Empty input file: \"%s\"", path);
            nd_warn(msg);
            break;
        }
        free(first);
        first = NULL;
        const char *c = o->comments;
        if (o->names_from_file && c && c[0] &&
            memmem(line, len, c, strlen(c))) {
            /* ''.join(line.split(comments)[1:]) */
            Out j = {0};
            size_t cl = strlen(c);
            const char *q = (const char *)memmem(line, len, c, cl) + cl;
            const char *e = line + len;
            while (q <= e) {
                const char *h = memmem(q, (size_t)(e - q), c, cl);
                const char *end = h ? h : e;
                if (out_put(&j, q, (size_t)(end - q)) < 0) {
                    free(j.s);
                    goto done;
                }
                if (!h)
                    break;
                q = h + cl;
            }
            first = j.s ? j.s : dup_n("", 0);
            nfirst = j.n;
            NdGenfromtxtOptions o2 = *o;
            o2.comments = NULL; /* already removed */
            if (!first || split_line(&o2, first, nfirst, &sp) < 0)
                goto done;
        } else {
            first = dup_n(line, len);
            nfirst = len;
            if (!first || split_line(o, first, nfirst, &sp) < 0)
                goto done;
        }
        if (sp.n)
            break;
    }
    int nfirstvals = sp.n;
    if (o->names_from_file && sp.n) {
        char *fv = dup_n(sp.v[0].p, sp.v[0].n);
        if (!fv)
            goto done;
        char *s = fv, *t = fv + strlen(fv);
        while (*s && is_space((unsigned char)*s))
            s++;
        while (t > s && is_space((unsigned char)t[-1]))
            *--t = '\0';
        if (o->comments && strstr(o->comments, s)) {
            memmove(sp.v, sp.v + 1, (size_t)(sp.n - 1) * sizeof *sp.v);
            sp.n--;
            nfirstvals--;
        }
        free(fv);
    }
    int nbcols = o->nusecols >= 0 ? o->nusecols : sp.n;
    /* names */
    char **raw = NULL;
    int nraw = 0;
    if (o->names_from_file) {
        nraw = sp.n;
        raw = nd_calloc((size_t)(nraw ? nraw : 1), sizeof *raw);
        if (!raw)
            goto done;
        for (int i = 0; i < nraw; i++)
            if (!(raw[i] = dup_n(sp.v[i].p, sp.v[i].n))) {
                free_strs(raw, nraw);
                goto done;
            }
        free(first);
        first = dup_n("", 0);
        nfirst = 0;
        if (!first) {
            free_strs(raw, nraw);
            goto done;
        }
    } else if (o->nnames > 0) {
        nraw = o->nnames < nbcols ? nbcols : o->nnames;
        raw = nd_calloc((size_t)nraw, sizeof *raw);
        if (!raw)
            goto done;
        for (int i = 0; i < nraw; i++)
            if (!(raw[i] = dup_n(i < o->nnames ? o->names[i] : "",
                                 i < o->nnames ? strlen(o->names[i]) : 0))) {
                free_strs(raw, nraw);
                goto done;
            }
    }
    if (raw) {
        names = validate_names(raw, nraw);
        free_strs(raw, nraw);
        if (!names)
            goto done;
        nnames = nraw;
    }
    /* usecols: names and negative numbers resolved */
    if (o->nusecols >= 0) {
        ncols = o->nusecols;
        cols = nd_calloc((size_t)(ncols ? ncols : 1), sizeof *cols);
        if (!cols)
            goto done;
        for (int i = 0; i < ncols; i++) {
            if (o->usecol_names && o->usecol_names[i]) {
                int f = -1;
                for (int j = 0; j < nnames && f < 0; j++)
                    if (!strcmp(names[j], o->usecol_names[i]))
                        f = j;
                if (f < 0) {
                    nd_error(ND_ERR_VALUE, "'%s' is not in list",
                             o->usecol_names[i]);
                    goto done;
                }
                cols[i] = f;
            } else {
                cols[i] = o->usecols[i] < 0 ? o->usecols[i] + nfirstvals
                                            : o->usecols[i];
            }
        }
        if (names && nnames > nbcols) {
            char **sel = nd_calloc((size_t)(ncols ? ncols : 1), sizeof *sel);
            if (!sel)
                goto done;
            for (int i = 0; i < ncols; i++) {
                if (cols[i] < 0 || cols[i] >= nnames) {
                    free_strs(sel, ncols);
                    nd_error(ND_ERR_INDEX, "list index out of range");
                    goto done;
                }
                if (!(sel[i] = dup_n(names[cols[i]], strlen(names[cols[i]])))) {
                    free_strs(sel, ncols);
                    goto done;
                }
            }
            free_strs(names, nnames);
            names = sel;
            nnames = ncols;
        }
    }
    /* fills per column */
    fills = nd_calloc((size_t)(nbcols ? nbcols : 1), sizeof *fills);
    has_fill = nd_calloc((size_t)(nbcols ? nbcols : 1), 1);
    if (!fills || !has_fill)
        goto done;
    for (int i = 0; i < nbcols; i++)
        if (o->has_fill_all) {
            fills[i] = o->fill_all;
            has_fill[i] = true;
        }
    for (int k = 0; k < o->nfill; k++) {
        int64_t key = -1;
        if (o->fill_is_list) {
            key = k;
        } else if (o->fill_names && o->fill_names[k]) {
            for (int j = 0; j < nnames && key < 0; j++)
                if (!strcmp(names[j], o->fill_names[k]))
                    key = j;
            if (key < 0)
                continue;
        } else {
            key = o->fill_cols[k];
            if (cols)
                for (int j = 0; j < ncols; j++)
                    if (cols[j] == key) {
                        key = j;
                        break;
                    }
        }
        if (key < 0)
            key += nbcols;
        if (key >= 0 && key < nbcols) {
            fills[key] = o->fill_values[k];
            has_fill[key] = true;
        }
    }
    /* rows: the first line (emptied when it held the names), then the rest */
    int64_t lineno = 0; /* i of NumPy's enumerate */
    bool use_first = true;
    for (;; lineno++) {
        if (use_first) {
            use_first = false;
            if (split_line(o, first, nfirst, &sp) < 0)
                goto fail_fill;
        } else {
            g = get_line(&r, &line, &len);
            if (g < 0)
                goto fail_fill;
            if (g == 0)
                break;
            if (split_line(o, line, len, &sp) < 0)
                goto fail_fill;
        }
        if (sp.n == 0)
            continue;
        bool bad = false;
        if (cols) {
            for (int i = 0; i < ncols; i++) {
                int64_t c = cols[i] < 0 ? cols[i] + sp.n : cols[i];
                bad |= c < 0 || c >= sp.n;
            }
        } else {
            bad = sp.n != nbcols;
        }
        if (bad) {
            if ((size_t)ninvalid == capinv) {
                capinv = capinv ? capinv * 2 : 16;
                int64_t *a1 = nd_realloc(inv_line, capinv * sizeof *a1);
                if (a1)
                    inv_line = a1;
                int64_t *a2 = nd_realloc(inv_n, capinv * sizeof *a2);
                if (a2)
                    inv_n = a2;
                if (!a1 || !a2)
                    goto fail_fill;
            }
            inv_line[ninvalid] = lineno + o->skip_header + 1;
            inv_n[ninvalid++] = sp.n;
            continue;
        }
        for (int i = 0; i < nbcols; i++) {
            int64_t c = cols ? (cols[i] < 0 ? cols[i] + sp.n : cols[i]) : i;
            if (noffs + 2 > capoffs) {
                capoffs = capoffs ? capoffs * 2 : 1024;
                int64_t *no = nd_realloc(offs, capoffs * sizeof *no);
                if (!no)
                    goto fail_fill;
                offs = no;
            }
            offs[noffs++] = (int64_t)arena.n;
            offs[noffs++] = (int64_t)sp.v[c].n;
            if (out_put(&arena, sp.v[c].p, sp.v[c].n) < 0)
                goto fail_fill;
        }
        nrows++;
        if (o->max_rows >= 0 && nrows == o->max_rows)
            break;
    }
    /* invalid lines */
    int64_t skip_footer = o->skip_footer;
    if (ninvalid) {
        int64_t nb = nrows + ninvalid - skip_footer;
        int64_t keep = ninvalid;
        if (skip_footer > 0) {
            int64_t skipped = 0;
            for (int64_t k = 0; k < ninvalid; k++)
                skipped += inv_line[k] > nb + o->skip_header;
            keep = ninvalid - skipped;
            skip_footer -= skipped;
        }
        if (keep) {
            if (out_put(&err, "Some errors were detected !", 27) < 0)
                goto fail_fill;
            for (int64_t k = 0; k < keep; k++) {
                char m[160];
                int w = snprintf(m, sizeof m,
                                 "\n    Line #%lld (got %lld columns instead "
                                 "of %d)",
                                 (long long)inv_line[k], (long long)inv_n[k],
                                 nbcols);
                if (out_put(&err, m, (size_t)w) < 0)
                    goto fail_fill;
            }
            nd_error(ND_ERR_VALUE, "%s", err.s);
            goto fail_fill;
        }
    }
    if (skip_footer > 0)
        nrows = skip_footer >= nrows ? 0 : nrows - skip_footer;
    /* column types */
    types = nd_calloc((size_t)(nbcols ? nbcols : 1), sizeof *types);
    if (!types)
        goto fail_fill;
    for (int i = 0; i < nbcols; i++) {
        if (o->dtype != ND_NTYPES) {
            types[i] = o->dtype;
            continue;
        }
        /* StringConverter's upgrades: bool, int64, float64, complex128;
         * empty (missing) values do not count. */
        static const NdType ladder[4] = {ND_BOOL, ND_INT64, ND_FLOAT64,
                                         ND_COMPLEX128};
        int level = 0;
        for (int64_t rr = 0; rr < nrows; rr++) {
            const char *p = arena.s + offs[2 * (rr * nbcols + i)];
            size_t n = (size_t)offs[2 * (rr * nbcols + i) + 1];
            size_t a = 0, b = n;
            while (a < b && is_space((unsigned char)p[a]))
                a++;
            if (a == b)
                continue;
            NdScalar s;
            while (level < 4 && loose_convert(ladder[level], p, n, &s) < 0)
                level++;
            if (level == 4) {
                char rep[420];
                py_repr(p, n, rep, sizeof rep);
                nd_error(ND_ERR_VALUE,
                         "genfromtxt: column %d holds text (%s); string "
                         "columns are not supported",
                         i, rep);
                goto fail_fill;
            }
        }
        types[i] = ladder[level];
    }
    bool same = true;
    for (int i = 1; i < nbcols; i++)
        same &= types[i] == types[0];
    bool by_name = names || !same;
    /* convert */
    colarr = nd_calloc((size_t)(nbcols ? nbcols : 1), sizeof *colarr);
    if (!colarr)
        goto fail_fill;
    for (int i = 0; i < nbcols; i++) {
        NdType t = types[i];
        NdScalar fill = has_fill[i] ? fills[i] : default_fill(t);
        NdScalar fc;
        if (nd_scalar_cast(&fill, t, &fc) < 0)
            goto fail_cols;
        int64_t shape1[1] = {nrows};
        colarr[i] = nd_empty(t, 1, shape1, 'C');
        if (!colarr[i])
            goto fail_cols;
        for (int64_t rr = 0; rr < nrows; rr++) {
            const char *p = arena.s + offs[2 * (rr * nbcols + i)];
            size_t n = (size_t)offs[2 * (rr * nbcols + i) + 1];
            NdScalar s, sc;
            const NdScalar *v = &fc;
            if (loose_convert(t, p, n, &s) == 0) {
                if (nd_scalar_cast(&s, t, &sc) < 0)
                    goto fail_cols;
                v = &sc;
            }
            if (nd_set_item(colarr[i], &rr, v) < 0)
                goto fail_cols;
        }
    }
    if (by_name) {
        out->ncols = nbcols;
        out->columns = colarr;
        out->names = nd_calloc((size_t)(nbcols ? nbcols : 1), sizeof(char *));
        if (!out->names)
            goto fail_out;
        for (int i = 0; i < nbcols; i++) {
            char dflt[32];
            snprintf(dflt, sizeof dflt, "f%d", i);
            const char *nm = names && i < nnames ? names[i] : dflt;
            if (!(out->names[i] = dup_n(nm, strlen(nm))))
                goto fail_out;
        }
        /* ndmin: the structured array's shape (nrows,) squeezed */
        for (int i = 0; i < nbcols; i++) {
            NdArray *a = finish_shape(out->columns[i],
                                      o->ndmin < 1 ? o->ndmin : 1, false);
            out->columns[i] = a;
            if (!a)
                goto fail_out;
        }
    } else {
        int64_t shape[2] = {nrows, nbcols};
        NdType t =
            nbcols ? types[0] : (o->dtype == ND_NTYPES ? ND_FLOAT64 : o->dtype);
        NdArray *a = nd_empty(t, 2, shape, 'C');
        if (!a)
            goto fail_cols;
        for (int i = 0; i < nbcols; i++) {
            for (int64_t rr = 0; rr < nrows; rr++) {
                int64_t idx[2] = {rr, i};
                NdScalar s;
                if (nd_get_item(colarr[i], &rr, &s) < 0 ||
                    nd_set_item(a, idx, &s) < 0) {
                    nd_decref(a);
                    goto fail_cols;
                }
            }
            nd_decref(colarr[i]);
            colarr[i] = NULL;
        }
        free(colarr);
        if (nbcols == 0 || nrows == 0) {
            /* No rows (an empty file, or skip_footer took them all):
             * NumPy's np.array([], dtype) is 1-d. */
            NdArray *e = nd_reshape(a, 1, (int64_t[]){0}, 'C');
            nd_decref(a);
            a = e;
            if (!a)
                goto fail_fill;
        }
        out->array = finish_shape(a, o->ndmin, o->unpack);
        if (!out->array)
            goto fail_fill;
    }
    rc = 0;
    goto fail_fill;
fail_out:
    nd_genfromtxt_result_free(out);
    goto fail_fill;
fail_cols:
    for (int i = 0; i < nbcols; i++)
        nd_decref(colarr[i]);
    free(colarr);
fail_fill:
done:
    free(has_fill);
    free(first);
    free(errmsg);
    free(err.s);
    free(sp.v);
    free_strs(names, nnames);
    free(cols);
    free(arena.s);
    free(offs);
    free(inv_line);
    free(inv_n);
    free(types);
    free(fills);
    rd_free(&r);
    if (fp != stdin)
        fclose(fp);
    return rc;
}
