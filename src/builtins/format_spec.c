/* format_spec.c — Python's format mini-language, for format() and the
 * {x:spec} fields of f-strings:
 *     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 * on str, Python ints/floats/complex/bool and NumPy scalars (which format
 * as the Python number of their kind, as NumPy's do), with Python's error
 * texts.  The C library only produces digits ("%.*e", "%.*f"); its decimal
 * point is replaced by '.', so the text never depends on the C locale.  On
 * an array the spec is applied to each element and the results are laid
 * out like NumPy's str(): "[0.00 0.25 1.00]", rows on their own lines. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

/* ---------------------------------------------------------- a buffer */

typedef struct Buf {
    char *p;
    size_t n, cap;
    bool oom;
} Buf;

static void put_n(Buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void put_s(Buf *b, const char *s)
{
    put_n(b, s, strlen(s));
}

static void put_c(Buf *b, char c)
{
    put_n(b, &c, 1);
}

static Value buf_value(Buf *b)
{
    if (b->oom) {
        free(b->p);
        return rt_raise(ERR_MEMORY, "out of memory");
    }
    Value v = v_str_n(b->p ? b->p : "", (int64_t)b->n);
    free(b->p);
    return v;
}

/* ------------------------------------------------------ parsing a spec */

typedef struct Spec {
    char fill[5]; /* one UTF-8 code point */
    char align;   /* 0, '<', '>', '^', '=' */
    char sign;    /* 0, '+', '-', ' ' */
    bool z, alt, zero;
    int64_t width; /* -1: none */
    char group;    /* 0, ',', '_' */
    int64_t prec;  /* -1: none */
    char type;     /* 0 or the type character */
} Spec;

static size_t utf8_len1(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static int bad_spec(const char *spec, size_t len, const char *tname)
{
    return rt_fail(ERR_VALUE,
                   "Invalid format specifier '%.*s' for object of "
                   "type '%s'",
                   (int)len, spec, tname);
}

static int read_number(const char *s, size_t len, size_t *i, int64_t *out)
{
    int64_t v = 0;
    size_t start = *i;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
        v = v * 10 + (s[*i] - '0');
        if (v > 100000000)
            return rt_fail(ERR_VALUE, "Too many decimal digits in format "
                                      "string");
        (*i)++;
    }
    *out = *i > start ? v : -1;
    return 0;
}

static int parse_spec(const char *s, size_t len, const char *tname, Spec *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->width = sp->prec = -1;
    size_t i = 0;
    if (len > 0) {
        size_t cl = utf8_len1((unsigned char)s[0]);
        if (cl < len && is_align(s[cl])) {
            memcpy(sp->fill, s, cl);
            sp->align = s[cl];
            i = cl + 1;
        } else if (is_align(s[0])) {
            sp->align = s[0];
            i = 1;
        }
    }
    if (i < len && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        sp->sign = s[i++];
    if (i < len && s[i] == 'z') {
        sp->z = true;
        i++;
    }
    if (i < len && s[i] == '#') {
        sp->alt = true;
        i++;
    }
    if (i < len && s[i] == '0') {
        sp->zero = true;
        i++;
    }
    if (read_number(s, len, &i, &sp->width) < 0)
        return -1;
    if (i < len && (s[i] == ',' || s[i] == '_')) {
        sp->group = s[i++];
        if (i < len && (s[i] == ',' || s[i] == '_'))
            return rt_fail(ERR_VALUE, "Cannot specify both ',' and '_'.");
    }
    if (i < len && s[i] == '.') {
        i++;
        if (read_number(s, len, &i, &sp->prec) < 0)
            return -1;
        if (sp->prec < 0)
            return rt_fail(ERR_VALUE, "Format specifier missing precision");
    }
    if (i < len) {
        if (len - i > 1)
            return bad_spec(s, len, tname);
        sp->type = s[i];
    }
    if (sp->zero && !sp->fill[0])
        strcpy(sp->fill, "0");
    if (sp->zero && !sp->align)
        sp->align = '=';
    if (!sp->fill[0])
        strcpy(sp->fill, " ");
    return 0;
}

static int64_t ncodes(const char *s, size_t n)
{
    int64_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            c++;
    return c;
}

static void put_fill(Buf *b, const Spec *sp, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        put_s(b, sp->fill);
}

/* Pad `body` (after the sign/prefix `head`) to the width. */
static void put_padded(Buf *b, const Spec *sp, char dflt_align,
                       const char *head, const char *body, size_t body_n)
{
    int64_t len = ncodes(head, strlen(head)) + ncodes(body, body_n);
    int64_t pad = sp->width > len ? sp->width - len : 0;
    char align = sp->align ? sp->align : dflt_align;
    int64_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    int64_t right = align == '<' ? pad : align == '^' ? pad - pad / 2 : 0;
    if (align == '=') {
        put_s(b, head);
        put_fill(b, sp, pad);
        put_n(b, body, body_n);
        return;
    }
    put_fill(b, sp, left);
    put_s(b, head);
    put_n(b, body, body_n);
    put_fill(b, sp, right);
}

/* ------------------------------------------------------------- digits */

/* Insert the grouping separator every `every` digits into the run of
 * digits at the start of `digits` (the integer part).  With zero padding
 * the zeros are grouped too, up to `minwidth` characters, as Python does. */
static void put_grouped(Buf *b, const char *digits, size_t ndig, char sep,
                        int every, int64_t minwidth)
{
    if (!sep) {
        for (int64_t k = (int64_t)ndig; k < minwidth; k++)
            put_c(b, '0');
        put_n(b, digits, ndig);
        return;
    }
    /* total digits d gives d + (d-1)/every characters */
    int64_t d = (int64_t)ndig;
    while (d + (d - 1) / every < minwidth)
        d++;
    for (int64_t k = d; k > 0; k--) {
        int64_t idx = (int64_t)ndig - k;
        put_c(b, idx < 0 ? '0' : digits[idx]);
        if (k > 1 && (k - 1) % every == 0)
            put_c(b, sep);
    }
}

static const char *sign_of(bool neg, char sign)
{
    if (neg)
        return "-";
    return sign == '+' ? "+" : sign == ' ' ? " " : "";
}

/* Replace the C library's decimal point by '.'. */
static void fix_point(char *s)
{
    const char *dp = localeconv()->decimal_point;
    if (!dp || !strcmp(dp, "."))
        return;
    size_t dl = strlen(dp);
    char *p = strstr(s, dp);
    if (p) {
        *p = '.';
        memmove(p + 1, p + dl, strlen(p + dl) + 1);
    }
}

/* --------------------------------------------------------------- ints */

static int format_int(Buf *b, const Spec *sp, bool neg, uint64_t mag,
                      const char *tname)
{
    char t = sp->type ? sp->type : 'd';
    if (sp->prec >= 0)
        return rt_fail(ERR_VALUE,
                       "Precision not allowed in integer format specifier");
    if (sp->z)
        return rt_fail(ERR_VALUE, "Negative zero coercion (z) not allowed in "
                                  "integer format specifier");
    int base;
    const char *prefix = "";
    switch (t) {
    case 'd':
    case 'n':
        base = 10;
        break;
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
        base = 16;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        prefix = "0X";
        break;
    case 'c': {
        if (sp->sign)
            return rt_fail(ERR_VALUE,
                           "Sign not allowed with integer format specifier "
                           "'c'");
        if (sp->alt)
            return rt_fail(ERR_VALUE, "Alternate form (#) not allowed with "
                                      "integer format specifier 'c'");
        if (neg || mag > 0x10ffff)
            return rt_fail(ERR_OVERFLOW, "%%c arg not in range(0x110000)");
        char u[5] = {0};
        uint32_t c = (uint32_t)mag;
        if (c < 0x80) {
            u[0] = (char)c;
        } else if (c < 0x800) {
            u[0] = (char)(0xc0 | (c >> 6));
            u[1] = (char)(0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
            u[0] = (char)(0xe0 | (c >> 12));
            u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
            u[2] = (char)(0x80 | (c & 0x3f));
        } else {
            u[0] = (char)(0xf0 | (c >> 18));
            u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
            u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
            u[3] = (char)(0x80 | (c & 0x3f));
        }
        put_padded(b, sp, '<', "", u, strlen(u));
        return 0;
    }
    default:
        return rt_fail(ERR_VALUE,
                       "Unknown format code '%c' for object of "
                       "type '%s'",
                       t, tname);
    }
    if (sp->group == ',' && base != 10)
        return rt_fail(ERR_VALUE, "Cannot specify ',' with '%c'.", t);
    if (sp->group && t == 'n')
        return rt_fail(ERR_VALUE, "Cannot specify '%c' with 'n'.", sp->group);
    char digits[72];
    int nd = 0;
    do {
        int dv = (int)(mag % (uint64_t)base);
        digits[nd++] =
            (char)(dv < 10 ? '0' + dv : (t == 'X' ? 'A' : 'a') + dv - 10);
        mag /= (uint64_t)base;
    } while (mag);
    for (int i = 0; i < nd / 2; i++) {
        char c = digits[i];
        digits[i] = digits[nd - 1 - i];
        digits[nd - 1 - i] = c;
    }
    Buf head = {0}, body = {0};
    put_s(&head, sign_of(neg, sp->sign));
    if (sp->alt)
        put_s(&head, prefix);
    int64_t minw = 0;
    if (sp->align == '=' && !strcmp(sp->fill, "0") && sp->width > 0)
        minw = sp->width - (int64_t)head.n;
    put_grouped(&body, digits, (size_t)nd, sp->group, base == 10 ? 3 : 4, minw);
    put_padded(b, sp, '>', head.p ? head.p : "", body.p ? body.p : "", body.n);
    bool oom = head.oom || body.oom;
    free(head.p);
    free(body.p);
    if (oom)
        b->oom = true;
    return 0;
}

/* ------------------------------------------------------------- floats */

/* The decimal exponent of |x| once rounded to p significant digits. */
static int rounded_exponent(double x, int p)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
    const char *e = strchr(tmp, 'e');
    return e ? atoi(e + 1) : 0;
}

static void strip_zeros(char *s)
{
    char *dot = strchr(s, '.');
    if (!dot)
        return;
    char *e = strpbrk(s, "eE");
    char *end = e ? e : s + strlen(s);
    char *q = end;
    while (q > dot + 1 && q[-1] == '0')
        q--;
    if (q == dot + 1)
        q = dot;
    memmove(q, end, strlen(end) + 1);
}

/* |x| (finite) as text for the float types; `none` is the omitted type
 * with a precision (like 'g', at least one digit after the point). */
static char *float_body(double x, char t, int64_t prec, bool alt, bool none)
{
    size_t cap = (size_t)(prec > 0 ? prec : 0) + 400;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    switch (t) {
    case 'e':
    case 'E':
        snprintf(s, cap, alt ? "%#.*e" : "%.*e", (int)prec, x);
        break;
    case 'f':
    case 'F':
    case '%':
        snprintf(s, cap, alt ? "%#.*f" : "%.*f", (int)prec, x);
        break;
    default: { /* g G n and the omitted type with a precision */
        int p = prec == 0 ? 1 : (int)prec;
        int X = rounded_exponent(x, p);
        bool sci = X < -4 || X >= (none ? p - 1 : p);
        if (none && x == 0)
            sci = false;
        if (sci)
            snprintf(s, cap, "%.*e", p - 1, x);
        else
            snprintf(s, cap, "%.*f", p - 1 - X > 0 ? p - 1 - X : 0, x);
        fix_point(s);
        if (!alt)
            strip_zeros(s);
        else if (!strchr(s, '.')) {
            char *e = strchr(s, 'e');
            size_t at = e ? (size_t)(e - s) : strlen(s);
            memmove(s + at + 1, s + at, strlen(s + at) + 1);
            s[at] = '.';
        }
        if (none && !sci && !strchr(s, '.'))
            strcat(s, ".0");
        break;
    }
    }
    fix_point(s);
    if (t == 'E' || t == 'G' || t == 'F')
        for (char *c = s; *c; c++)
            if (*c == 'e')
                *c = 'E';
    return s;
}

/* Python's repr of |x|, for the omitted type without precision; complex
 * parts drop a trailing ".0" (repr(1+2j) is "(1+2j)"). */
static char *float_repr_body(double x, bool complex_part)
{
    char *s = bi_float_repr(fabs(x));
    if (s && complex_part) {
        size_t n = strlen(s);
        if (n > 2 && !strcmp(s + n - 2, ".0"))
            s[n - 2] = '\0';
    }
    return s;
}

/* One float (sign, digits, grouping) into `out`, without padding;
 * returns the head (sign) and body separately for '=' alignment. */
static int float_parts(const Spec *sp, double x, bool complex_part,
                       bool force_plus, Buf *head, Buf *body, const char *tname,
                       int64_t minw)
{
    char t = sp->type;
    if (t && !strchr("eEfFgGn%", t))
        return rt_fail(ERR_VALUE,
                       "Unknown format code '%c' for object of "
                       "type '%s'",
                       t, tname);
    if (sp->group && t == 'n')
        return rt_fail(ERR_VALUE, "Cannot specify '%c' with 'n'.", sp->group);
    if (t == '%')
        x *= 100;
    bool neg = signbit(x) && !isnan(x);
    char *s;
    if (!isfinite(x)) {
        s = malloc(8);
        if (s)
            strcpy(s, isnan(x) ? "nan" : "inf");
        if (s && (t == 'E' || t == 'F' || t == 'G'))
            for (char *c = s; *c; c++)
                *c = (char)(*c - 32);
    } else if (!t && sp->prec < 0) {
        s = float_repr_body(x, complex_part);
    } else {
        int64_t prec = sp->prec >= 0 ? sp->prec : 6;
        s = float_body(fabs(x), t ? t : 'g', prec, sp->alt,
                       !t && !complex_part);
    }
    if (!s)
        return rt_fail(ERR_MEMORY, "out of memory");
    if (neg && sp->z) {
        bool allzero = true;
        for (char *c = s; *c && *c != 'e' && *c != 'E'; c++)
            if (*c >= '1' && *c <= '9')
                allzero = false;
        if (allzero)
            neg = false;
    }
    put_s(head, force_plus && !neg ? "+" : sign_of(neg, sp->sign));
    size_t intlen = strspn(s, "0123456789");
    if (isfinite(x) && (sp->group || minw > 0))
        put_grouped(body, s, intlen, sp->group, 3,
                    minw - (int64_t)head->n - (int64_t)(strlen(s) - intlen));
    else
        put_n(body, s, intlen);
    put_s(body, s + intlen);
    if (t == '%')
        put_c(body, '%');
    free(s);
    return 0;
}

static int format_float(Buf *b, const Spec *sp, double x, const char *tname)
{
    Buf head = {0}, body = {0};
    int64_t minw = 0;
    if (sp->align == '=' && !strcmp(sp->fill, "0") && sp->width > 0)
        minw = sp->width;
    int rc = float_parts(sp, x, false, false, &head, &body, tname, minw);
    if (rc == 0)
        put_padded(b, sp, '>', head.p ? head.p : "", body.p ? body.p : "",
                   body.n);
    if (head.oom || body.oom)
        b->oom = true;
    free(head.p);
    free(body.p);
    return rc;
}

static int format_complex(Buf *b, const Spec *sp, double re, double im)
{
    if (sp->type == '%' || (sp->type && !strchr("eEfFgGn", sp->type)))
        return rt_fail(ERR_VALUE,
                       "Unknown format code '%c' for object of "
                       "type 'complex'",
                       sp->type);
    if (sp->zero)
        return rt_fail(ERR_VALUE,
                       "Zero padding is not allowed in complex format "
                       "specifier");
    if (sp->align == '=')
        return rt_fail(ERR_VALUE, "'=' alignment flag is not allowed in "
                                  "complex format specifier");
    bool none = !sp->type;
    bool skip_re = none && re == 0 && !signbit(re);
    Buf head = {0}, body = {0}, all = {0};
    int rc = 0;
    if (none && !skip_re)
        put_c(&all, '(');
    if (!skip_re) {
        rc = float_parts(sp, re, true, false, &head, &body, "complex", 0);
        put_n(&all, head.p ? head.p : "", head.n);
        put_n(&all, body.p ? body.p : "", body.n);
        head.n = body.n = 0;
    }
    if (rc == 0) {
        Spec isp = *sp;
        rc = float_parts(&isp, im, true, !skip_re, &head, &body, "complex", 0);
        put_n(&all, head.p ? head.p : "", head.n);
        put_n(&all, body.p ? body.p : "", body.n);
        put_c(&all, 'j');
        if (none && !skip_re)
            put_c(&all, ')');
    }
    if (rc == 0)
        put_padded(b, sp, '>', "", all.p ? all.p : "", all.n);
    if (head.oom || body.oom || all.oom)
        b->oom = true;
    free(head.p);
    free(body.p);
    free(all.p);
    return rc;
}

static int format_str(Buf *b, const Spec *sp, const char *s, size_t n)
{
    if (sp->type && sp->type != 's')
        return rt_fail(ERR_VALUE,
                       "Unknown format code '%c' for object of "
                       "type 'str'",
                       sp->type);
    if (sp->sign)
        return rt_fail(ERR_VALUE, "Sign not allowed in string format "
                                  "specifier");
    if (sp->alt)
        return rt_fail(ERR_VALUE, "Alternate form (#) not allowed in string "
                                  "format specifier");
    if (sp->z)
        return rt_fail(ERR_VALUE, "Negative zero coercion (z) not allowed in "
                                  "format specifier");
    if (sp->align == '=' && !sp->zero)
        return rt_fail(ERR_VALUE, "'=' alignment not allowed in string format "
                                  "specifier");
    if (sp->group)
        return rt_fail(ERR_VALUE, "Cannot specify '%c' with 's'.", sp->group);
    if (sp->prec >= 0) {
        size_t i = 0;
        int64_t c = 0;
        while (i < n && c < sp->prec) {
            i += utf8_len1((unsigned char)s[i]);
            c++;
        }
        n = i < n ? i : n;
    }
    Spec s2 = *sp;
    if (s2.align == '=')
        s2.align = '<';
    put_padded(b, &s2, '<', "", s, n);
    return 0;
}

/* ----------------------------------------------------------- dispatch */

static const char *kind_name(Value v)
{
    switch (nd_dtype_kind((NdType)v.dtype)) {
    case ND_KIND_BOOL:
        return "bool";
    case ND_KIND_INT:
    case ND_KIND_UINT:
        return "int";
    case ND_KIND_FLOAT:
        return "float";
    default:
        return "complex";
    }
}

static int format_scalar(Buf *b, Value v, const char *spec, size_t len)
{
    const char *tname = kind_name(v);
    Spec sp;
    if (parse_spec(spec, len, tname, &sp) < 0)
        return -1;
    NdScalar s = v_to_ndscalar(v), c;
    switch (nd_dtype_kind(s.dtype)) {
    case ND_KIND_BOOL:
    case ND_KIND_INT:
    case ND_KIND_UINT: {
        bool neg = false;
        uint64_t mag;
        if (nd_dtype_kind(s.dtype) == ND_KIND_UINT) {
            nd_scalar_cast(&s, ND_UINT64, &c);
            mag = c.v.u64;
        } else {
            nd_scalar_cast(&s, ND_INT64, &c);
            neg = c.v.i64 < 0;
            mag = neg ? (uint64_t)0 - (uint64_t)c.v.i64 : (uint64_t)c.v.i64;
        }
        if (sp.type && strchr("eEfFgG%", sp.type))
            return format_float(b, &sp, neg ? -(double)mag : (double)mag,
                                tname);
        return format_int(b, &sp, neg, mag, tname);
    }
    case ND_KIND_FLOAT:
        nd_scalar_cast(&s, ND_FLOAT64, &c);
        return format_float(b, &sp, c.v.f64, tname);
    default:
        nd_scalar_cast(&s, ND_COMPLEX128, &c);
        return format_complex(b, &sp, c.v.c128.re, c.v.c128.im);
    }
}

/* Format every element, then lay them out as NumPy's str() does. */
static int format_array(Buf *b, NdArray *a, const char *spec, size_t len)
{
    int64_t n = a->size;
    char **items = calloc((size_t)(n ? n : 1), sizeof *items);
    size_t *lens = calloc((size_t)(n ? n : 1), sizeof *lens);
    int64_t index[ND_MAXDIMS] = {0};
    int64_t width = 0;
    int rc = 0;
    if (!items || !lens) {
        free(items);
        free(lens);
        return rt_fail(ERR_MEMORY, "out of memory");
    }
    for (int64_t k = 0; k < n && rc == 0; k++) {
        NdScalar s;
        Buf e = {0};
        if (nd_get_item(a, index, &s) < 0) {
            rc = rt_fail_from_lib();
            break;
        }
        s.weak = false;
        rc = format_scalar(&e, v_from_ndscalar(&s), spec, len);
        if (e.oom)
            rc = rt_fail(ERR_MEMORY, "out of memory");
        items[k] = e.p ? e.p : calloc(1, 1);
        lens[k] = e.n;
        int64_t w = ncodes(items[k] ? items[k] : "", lens[k]);
        if (w > width)
            width = w;
        for (int d = a->ndim - 1; d >= 0; d--) {
            if (++index[d] < a->shape[d])
                break;
            index[d] = 0;
        }
    }
    if (rc == 0 && a->ndim == 0) {
        put_n(b, items[0], lens[0]);
    } else if (rc == 0) {
        /* Walk the elements in C order, opening and closing brackets. */
        int64_t pos[ND_MAXDIMS] = {0};
        for (int d = 0; d < a->ndim; d++)
            put_c(b, '[');
        if (n > 0) {
            for (int64_t k = 0; k < n; k++) {
                int64_t w = ncodes(items[k], lens[k]);
                for (int64_t p = w; p < width; p++)
                    put_c(b, ' ');
                put_n(b, items[k], lens[k]);
                int d = a->ndim - 1;
                while (d >= 0 && ++pos[d] == a->shape[d]) {
                    pos[d] = 0;
                    d--;
                }
                int closed = a->ndim - 1 - d;
                for (int c = 0; c < closed; c++)
                    put_c(b, ']');
                if (d < 0)
                    break;
                if (closed == 0) {
                    put_c(b, ' ');
                } else {
                    for (int c = 0; c < closed; c++)
                        put_c(b, '\n');
                    for (int c = 0; c <= d; c++)
                        put_c(b, ' ');
                    for (int c = 0; c < closed; c++)
                        put_c(b, '[');
                }
            }
        } else {
            for (int d = 0; d < a->ndim; d++)
                put_c(b, ']');
        }
    }
    for (int64_t k = 0; k < n; k++)
        free(items[k]);
    free(items);
    free(lens);
    return rc;
}

Value format_with_spec(Value v, const char *spec, size_t len)
{
    Buf b = {0};
    int rc;
    switch (v.kind) {
    case VK_STR: {
        Spec sp;
        if (len == 0) {
            v_incref(v);
            return v;
        }
        rc = parse_spec(spec, len, "str", &sp);
        if (rc == 0)
            rc =
                format_str(&b, &sp, as_str(v)->data, (size_t)as_str(v)->nbytes);
        break;
    }
    case VK_SCALAR:
        if (len == 0)
            return v_to_str(v);
        rc = format_scalar(&b, v, spec, len);
        break;
    case VK_ARRAY:
        if (len == 0)
            return v_to_str(v);
        rc = format_array(&b, v.as.array, spec, len);
        break;
    default:
        if (len == 0)
            return v_to_str(v);
        return rt_raise(ERR_TYPE,
                        "unsupported format string passed to %s.__format__",
                        v.kind == VK_NONE ? "NoneType" : v_type_name(v));
    }
    if (rc < 0) {
        free(b.p);
        return v_error();
    }
    return buf_value(&b);
}
