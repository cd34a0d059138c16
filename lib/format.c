/* format.c — printing: NumPy 2's str() and repr() of arrays and the str of
 * scalars, with the process-global print options (precision, threshold,
 * edgeitems, linewidth, suppress).  Floats are turned into their shortest
 * round-tripping decimal digits (optionally cut at `precision` digits) by an
 * exact big-integer digit generator in the manner of Steele & White's
 * Dragon4, so the text never depends on the C library's printf or on the C
 * locale (LC_NUMERIC): every character is produced here.  Layout — column
 * widths, scientific switching, line wrapping, summarisation with "..." —
 * follows NumPy's arrayprint rules so that the output is byte-for-byte the
 * same as NumPy's. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

/* ------------------------------------------------------------- options */

static NdPrintOptions print_options = {
    .precision = 8,
    .threshold = 1000,
    .edgeitems = 3,
    .linewidth = 75,
    .suppress = false,
};

void nd_get_printoptions(NdPrintOptions *out)
{
    *out = print_options;
}

int nd_set_printoptions(const NdPrintOptions *opts)
{
    if (opts->precision < 0)
        return nd_error(ND_ERR_VALUE, "precision must be >= 0");
    if (opts->threshold < 0)
        return nd_error(ND_ERR_VALUE, "threshold must be >= 0");
    if (opts->edgeitems < 0)
        return nd_error(ND_ERR_VALUE, "edgeitems must be >= 0");
    if (opts->linewidth < 1)
        return nd_error(ND_ERR_VALUE, "linewidth must be >= 1");
    print_options = *opts;
    return 0;
}

/* ------------------------------------------------------ string builder */

/* A growing string; `failed` records an allocation failure so callers can
 * append freely and check once at the end. */
typedef struct Buf {
    char *p;
    size_t len, cap;
    bool failed;
} Buf;

static bool buf_reserve(Buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

static void buf_putn(Buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void buf_puts(Buf *b, const char *s)
{
    buf_putn(b, s, strlen(s));
}

static void buf_putc(Buf *b, char c)
{
    buf_putn(b, &c, 1);
}

static void buf_fill(Buf *b, char c, int64_t n)
{
    if (n <= 0 || !buf_reserve(b, (size_t)n))
        return;
    memset(b->p + b->len, c, (size_t)n);
    b->len += (size_t)n;
    b->p[b->len] = '\0';
}

/* Hand the text to the caller, or report MemoryError. */
static char *buf_finish(Buf *b)
{
    if (!b->failed && !b->p)
        buf_reserve(b, 0);
    if (b->failed) {
        free(b->p);
        return nd_error_nomem();
    }
    b->p[b->len] = '\0';
    return b->p;
}

static void put_uint(Buf *b, uint64_t v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (!buf_reserve(b, (size_t)n))
        return;
    while (n)
        b->p[b->len++] = tmp[--n];
    b->p[b->len] = '\0';
}

static void put_int(Buf *b, int64_t v)
{
    if (v < 0) {
        buf_putc(b, '-');
        put_uint(b, (uint64_t)0 - (uint64_t)v);
    } else {
        put_uint(b, (uint64_t)v);
    }
}

static int uint_len(uint64_t v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

/* -------------------------------------------------------------- bignum */

/* Large enough for every intermediate of a float64: the widest is about
 * 2^1131 (the smallest subnormal scaled by 10^323, times 10). */
enum { BIG_LIMBS = 40 };

typedef struct Big {
    int n; /* limbs in use; no leading zero limbs */
    uint32_t w[BIG_LIMBS];
} Big;

static void big_set(Big *b, uint64_t v)
{
    b->n = 0;
    while (v) {
        b->w[b->n++] = (uint32_t)v;
        v >>= 32;
    }
}

static void big_shl(Big *b, int bits)
{
    if (b->n == 0 || bits == 0)
        return;
    int limbs = bits / 32, sh = bits % 32;
    int n = b->n;
    if (sh) {
        uint32_t carry = b->w[n - 1] >> (32 - sh);
        for (int i = n - 1; i > 0; i--)
            b->w[i] = (b->w[i] << sh) | (b->w[i - 1] >> (32 - sh));
        b->w[0] <<= sh;
        if (carry)
            b->w[n++] = carry;
    }
    if (limbs) {
        memmove(b->w + limbs, b->w, (size_t)n * sizeof b->w[0]);
        memset(b->w, 0, (size_t)limbs * sizeof b->w[0]);
        n += limbs;
    }
    b->n = n;
}

static void big_mul_small(Big *b, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->w[i] * m + carry;
        b->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry)
        b->w[b->n++] = (uint32_t)carry;
}

static void big_mul_pow10(Big *b, int p)
{
    static const uint32_t pow10[10] = {1,         10,        100,     1000,
                                       10000,     100000,    1000000, 10000000,
                                       100000000, 1000000000};
    while (p >= 9) {
        big_mul_small(b, pow10[9]);
        p -= 9;
    }
    if (p > 0)
        big_mul_small(b, pow10[p]);
}

static int big_cmp(const Big *a, const Big *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

static void big_add(Big *out, const Big *a, const Big *b)
{
    const Big *lo = a->n < b->n ? a : b, *hi = a->n < b->n ? b : a;
    uint64_t carry = 0;
    int i;
    for (i = 0; i < hi->n; i++) {
        uint64_t t = (uint64_t)hi->w[i] + (i < lo->n ? lo->w[i] : 0) + carry;
        out->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    out->n = hi->n;
    if (carry)
        out->w[out->n++] = (uint32_t)carry;
}

/* a -= b, where a >= b. */
static void big_sub(Big *a, const Big *b)
{
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        borrow = t < 0;
        a->w[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
    while (a->n > 0 && a->w[a->n - 1] == 0)
        a->n--;
}

/* ------------------------------------------------------------- Dragon4 */

enum { CUT_NONE, CUT_FRACTION, CUT_TOTAL };

/* Decimal digits of a positive value: value = 0.d[0]d[1]... * 10^k.  n == 0
 * means the value rounded to zero.  Shortest output is at most 17 digits. */
typedef struct Digits {
    char d[40];
    int n;
    int k;
} Digits;

/* Internal cap on the cutoff: digits past 10^-1100 can never be produced
 * (a float64 has none), so larger precisions behave identically. */
#define MAX_CUTOFF 1200

/* The shortest digits that read back to the same float (ties between two
 * shortest candidates go to the closer one, then to the even digit), cut at
 * a precision when `mode` asks: CUT_FRACTION keeps at most `prec` digits
 * after the decimal point, CUT_TOTAL at most `prec` digits after the first.
 * At a cutoff the value is rounded correctly, an exact half going to the
 * even digit, as NumPy does.  The value is m * 2^e; `unequal` marks a power
 * of two whose lower neighbour is twice as close as the upper one.  When m
 * is even the round-trip interval includes its endpoints (the reader
 * rounds half to even).  `min_digits` >= 0 (counted like `prec`; -1 for
 * none) asks for more digits than the shortest: generation then goes on to
 * that position and rounds there.  NumPy's columns rely on it: scientific
 * output pads every element to the widest fraction with real digits
 * (float32 0.1 beside a 9-digit neighbour prints as 1.00000001e-01), and
 * positional output asks for 0 fraction digits, which makes the integer
 * part exact (float32 79856128 prints as 79856128., not 79856130.). */
static void dragon4(uint64_t m, int e, bool unequal, int mode, int prec,
                    int min_digits, Digits *out)
{
    Big r, s, mp, mm, t;
    bool even = (m & 1) == 0;
    if (prec > MAX_CUTOFF)
        prec = MAX_CUTOFF;
    /* value = r/s; mp/s and mm/s are the half-gaps to the neighbours. */
    if (e >= 0) {
        big_set(&r, m);
        big_shl(&r, e + (unequal ? 2 : 1));
        big_set(&s, unequal ? 4 : 2);
        big_set(&mp, 1);
        big_shl(&mp, e + (unequal ? 1 : 0));
        big_set(&mm, 1);
        big_shl(&mm, e);
    } else {
        big_set(&r, m);
        big_shl(&r, unequal ? 2 : 1);
        big_set(&s, 1);
        big_shl(&s, -e + (unequal ? 2 : 1));
        big_set(&mp, unequal ? 2 : 1);
        big_set(&mm, 1);
    }
    int bits = 0;
    for (uint64_t x = m; x; x >>= 1)
        bits++;
    /* An estimate of ceil(log10(value)), corrected below. */
    int k = (int)ceil((double)(e + bits - 1) * 0.30102999566398119521 - 1e-9);
    if (k >= 0) {
        big_mul_pow10(&s, k);
    } else {
        big_mul_pow10(&r, -k);
        big_mul_pow10(&mp, -k);
        big_mul_pow10(&mm, -k);
    }
    /* Make k exact: 10^(k-1) <= value < 10^k, so the first digit is not 0
     * (digits forced by min_digits must start at the leading digit; a
     * shortest result that rounds up to 10^k comes out of the carry). */
    while (big_cmp(&r, &s) >= 0) {
        big_mul_small(&s, 10);
        k++;
    }
    for (;;) {
        t = r;
        big_mul_small(&t, 10);
        if (big_cmp(&t, &s) >= 0)
            break;
        r = t;
        big_mul_small(&mp, 10);
        big_mul_small(&mm, 10);
        k--;
    }

    out->n = 0;
    out->k = k;
    if (min_digits > MAX_CUTOFF)
        min_digits = MAX_CUTOFF;
    int cut = INT_MIN, min_pos = INT_MAX;
    if (mode == CUT_FRACTION) {
        cut = -prec;
        if (min_digits >= 0)
            min_pos = -min_digits;
    } else if (mode == CUT_TOTAL) {
        cut = k - 1 - prec;
        if (min_digits >= 0)
            min_pos = k - 1 - min_digits;
    }
    if (cut > k - 1) {
        /* Every digit lies below the cutoff: the result is 0 or one unit at
         * the cutoff.  value < 10^k, so only cut == k can round up. */
        if (cut == k) {
            big_add(&t, &r, &r);
            if (big_cmp(&t, &s) > 0) {
                out->d[0] = '1';
                out->n = 1;
                out->k = cut + 1;
            }
        }
        return;
    }

    int pos = k, d = 0;
    bool low = false, high = false;
    for (;;) {
        pos--;
        big_mul_small(&r, 10);
        big_mul_small(&mp, 10);
        big_mul_small(&mm, 10);
        d = 0;
        while (big_cmp(&r, &s) >= 0) {
            big_sub(&r, &s);
            d++;
        }
        int c = big_cmp(&r, &mm);
        low = even ? c <= 0 : c < 0;
        big_add(&t, &r, &mp);
        c = big_cmp(&t, &s);
        high = even ? c >= 0 : c > 0;
        if (((low || high) && pos <= min_pos) || pos == cut ||
            out->n == (int)sizeof out->d - 2)
            break;
        out->d[out->n++] = (char)('0' + d);
    }
    bool up;
    if (low != high) {
        up = high;
    } else {
        big_add(&t, &r, &r);
        int c = big_cmp(&t, &s);
        up = c > 0 || (c == 0 && (d & 1));
    }
    if (up && d == 9) {
        while (out->n > 0 && out->d[out->n - 1] == '9')
            out->n--;
        if (out->n == 0) {
            out->d[0] = '1';
            out->n = 1;
            out->k++;
        } else {
            out->d[out->n - 1]++;
        }
    } else {
        out->d[out->n++] = (char)('0' + d + (up ? 1 : 0));
    }
    while (out->n > 0 && out->d[out->n - 1] == '0')
        out->n--;
}

/* Digits of |v| for a finite v; is32 asks for float32's shortest digits. */
static void float_digits(double v, bool is32, int mode, int prec,
                         int min_digits, Digits *out)
{
    v = fabs(v);
    if (v == 0) {
        out->n = 0;
        out->k = 1;
        return;
    }
    uint64_t m;
    int e;
    bool unequal;
    if (is32) {
        float f = (float)v;
        uint32_t bits;
        memcpy(&bits, &f, sizeof bits);
        uint32_t be = (bits >> 23) & 0xff, frac = bits & 0x7fffff;
        if (be == 0) {
            m = frac;
            e = -149;
        } else {
            m = frac | (1u << 23);
            e = (int)be - 150;
        }
        unequal = frac == 0 && be > 1;
    } else {
        uint64_t bits;
        memcpy(&bits, &v, sizeof bits);
        uint64_t be = (bits >> 52) & 0x7ff, frac = bits & 0xfffffffffffffull;
        if (be == 0) {
            m = frac;
            e = -1074;
        } else {
            m = frac | (1ull << 52);
            e = (int)be - 1075;
        }
        unequal = frac == 0 && be > 1;
    }
    dragon4(m, e, unequal, mode, prec, min_digits, out);
}

/* How trailing zeros and the decimal point are treated (NumPy's trim
 * modes): KEEP pads zeros up to min_digits, DOT trims zeros but keeps the
 * point ("1."), ONE_ZERO keeps one zero ("1.0"), BARE drops the point
 * ("1"). */
typedef enum Trim { TRIM_KEEP, TRIM_DOT, TRIM_ONE_ZERO, TRIM_BARE } Trim;

/* The sign of a finite float as printed: "-" for a set sign bit (also on
 * -0.0), "+" when forced. */
static const char *sign_text(double v, bool plus)
{
    return signbit(v) ? "-" : plus ? "+" : "";
}

/* Lengths of the integer part (with sign) and fraction in positional form. */
static int pos_int_len(const Digits *dg, const char *sign)
{
    return (int)strlen(sign) + (dg->n > 0 && dg->k > 0 ? dg->k : 1);
}

static int pos_frac_len(const Digits *dg)
{
    if (dg->n == 0)
        return 0;
    return dg->n > dg->k ? dg->n - dg->k : 0;
}

static void put_positional(Buf *b, const char *sign, const Digits *dg,
                           int min_digits, Trim trim, int pad_left,
                           int pad_right)
{
    buf_fill(b, ' ', pad_left - pos_int_len(dg, sign));
    buf_puts(b, sign);
    if (dg->n == 0 || dg->k <= 0) {
        buf_putc(b, '0');
    } else if (dg->k >= dg->n) {
        buf_putn(b, dg->d, (size_t)dg->n);
        buf_fill(b, '0', dg->k - dg->n);
    } else {
        buf_putn(b, dg->d, (size_t)dg->k);
    }
    int frac = pos_frac_len(dg);
    if (frac == 0 && min_digits <= 0 && trim == TRIM_BARE)
        return;
    buf_putc(b, '.');
    if (frac > 0) {
        if (dg->k < 0) {
            buf_fill(b, '0', -dg->k);
            buf_putn(b, dg->d, (size_t)dg->n);
        } else {
            buf_putn(b, dg->d + dg->k, (size_t)(dg->n - dg->k));
        }
    }
    if (min_digits > frac) {
        buf_fill(b, '0', min_digits - frac);
        frac = min_digits;
    } else if (frac == 0 && trim == TRIM_ONE_ZERO) {
        buf_putc(b, '0');
        frac = 1;
    }
    buf_fill(b, ' ', pad_right - frac);
}

static int sci_exponent(const Digits *dg)
{
    return dg->n == 0 ? 0 : dg->k - 1;
}

static int sci_exp_len(const Digits *dg)
{
    int e = sci_exponent(dg);
    int n = uint_len((uint64_t)(e < 0 ? -e : e));
    return n < 2 ? 2 : n;
}

static void put_scientific(Buf *b, const char *sign, const Digits *dg,
                           int min_digits, Trim trim, int pad_left,
                           int exp_digits)
{
    buf_fill(b, ' ', pad_left - (int)strlen(sign) - 1);
    buf_puts(b, sign);
    buf_putc(b, dg->n == 0 ? '0' : dg->d[0]);
    int frac = dg->n > 1 ? dg->n - 1 : 0;
    if (frac > 0 || min_digits > 0 || trim != TRIM_BARE) {
        buf_putc(b, '.');
        if (frac > 0)
            buf_putn(b, dg->d + 1, (size_t)frac);
        if (min_digits > frac)
            buf_fill(b, '0', min_digits - frac);
        else if (frac == 0 && trim == TRIM_ONE_ZERO)
            buf_putc(b, '0');
    }
    int e = sci_exponent(dg);
    buf_putc(b, 'e');
    buf_putc(b, e < 0 ? '-' : '+');
    uint64_t ae = (uint64_t)(e < 0 ? -e : e);
    int len = uint_len(ae);
    buf_fill(b, '0', (exp_digits > 2 ? exp_digits : 2) - len);
    put_uint(b, ae);
}

/* ------------------------------------------------------------- scalars */

/* A float as Python's repr (and NumPy's scalar str) writes it: positional
 * between 1e-4 and 1e16, scientific outside.  `bare` drops a lone ".0"
 * (the parts of a complex: "(1+2j)"). */
static void put_float_scalar(Buf *b, double v, bool is32, bool bare)
{
    if (isnan(v)) {
        buf_puts(b, "nan");
        return;
    }
    if (isinf(v)) {
        buf_puts(b, v < 0 ? "-inf" : "inf");
        return;
    }
    double a = fabs(v);
    Digits dg;
    float_digits(v, is32, CUT_NONE, 0, -1, &dg);
    if (a == 0 || (a >= 1e-4 && a < 1e16))
        put_positional(b, sign_text(v, false), &dg, 0,
                       bare ? TRIM_BARE : TRIM_ONE_ZERO, 0, 0);
    else
        put_scientific(b, sign_text(v, false), &dg, 0, TRIM_BARE, 0, 0);
}

static void put_complex_scalar(Buf *b, double re, double im, bool is32)
{
    if (re == 0 && !signbit(re)) {
        put_float_scalar(b, im, is32, true);
        buf_putc(b, 'j');
        return;
    }
    buf_putc(b, '(');
    put_float_scalar(b, re, is32, true);
    if (isnan(im) || !signbit(im))
        buf_putc(b, '+');
    put_float_scalar(b, im, is32, true);
    buf_puts(b, "j)");
}

/* One element, widened: integers keep their full range in i or u. */
typedef struct Val {
    int64_t i;
    uint64_t u;
    double re, im;
    bool b;
} Val;

static void read_val(NdType t, const void *p, Val *v)
{
    memset(v, 0, sizeof *v);
    switch (t) {
    case ND_BOOL: {
        /* read the byte, not a bool, so a stray value is no trap */
        unsigned char x;
        memcpy(&x, p, sizeof x);
        v->b = x != 0;
        break;
    }
    case ND_INT8: {
        int8_t x;
        memcpy(&x, p, sizeof x);
        v->i = x;
        break;
    }
    case ND_INT16: {
        int16_t x;
        memcpy(&x, p, sizeof x);
        v->i = x;
        break;
    }
    case ND_INT32: {
        int32_t x;
        memcpy(&x, p, sizeof x);
        v->i = x;
        break;
    }
    case ND_INT64:
        memcpy(&v->i, p, sizeof v->i);
        break;
    case ND_UINT8: {
        uint8_t x;
        memcpy(&x, p, sizeof x);
        v->u = x;
        break;
    }
    case ND_UINT16: {
        uint16_t x;
        memcpy(&x, p, sizeof x);
        v->u = x;
        break;
    }
    case ND_UINT32: {
        uint32_t x;
        memcpy(&x, p, sizeof x);
        v->u = x;
        break;
    }
    case ND_UINT64:
        memcpy(&v->u, p, sizeof v->u);
        break;
    case ND_FLOAT32: {
        float x;
        memcpy(&x, p, sizeof x);
        v->re = x;
        break;
    }
    case ND_FLOAT64:
        memcpy(&v->re, p, sizeof v->re);
        break;
    case ND_COMPLEX64: {
        nd_complex64 x;
        memcpy(&x, p, sizeof x);
        v->re = x.re;
        v->im = x.im;
        break;
    }
    case ND_COMPLEX128: {
        nd_complex128 x;
        memcpy(&x, p, sizeof x);
        v->re = x.re;
        v->im = x.im;
        break;
    }
    default:
        break;
    }
}

static bool type_is_signed(NdType t)
{
    return t == ND_INT8 || t == ND_INT16 || t == ND_INT32 || t == ND_INT64;
}

static bool type_is_unsigned(NdType t)
{
    return t == ND_UINT8 || t == ND_UINT16 || t == ND_UINT32 || t == ND_UINT64;
}

static bool type_is_float(NdType t)
{
    return t == ND_FLOAT32 || t == ND_FLOAT64;
}

static bool type_is_complex(NdType t)
{
    return t == ND_COMPLEX64 || t == ND_COMPLEX128;
}

static bool type_is32(NdType t)
{
    return t == ND_FLOAT32 || t == ND_COMPLEX64;
}

static void put_scalar_val(Buf *b, NdType t, const Val *v)
{
    if (t == ND_BOOL)
        buf_puts(b, v->b ? "True" : "False");
    else if (type_is_signed(t))
        put_int(b, v->i);
    else if (type_is_unsigned(t))
        put_uint(b, v->u);
    else if (type_is_float(t))
        put_float_scalar(b, v->re, type_is32(t), false);
    else
        put_complex_scalar(b, v->re, v->im, type_is32(t));
}

char *nd_scalar_str(const NdScalar *s)
{
    Buf b = {0};
    Val v;
    if ((unsigned)s->dtype >= ND_NTYPES) {
        nd_error(ND_ERR_TYPE, "unknown dtype");
        return NULL;
    }
    read_val(s->dtype, &s->v, &v);
    put_scalar_val(&b, s->dtype, &v);
    return buf_finish(&b);
}

/* ------------------------------------------------- element formatters */

/* NumPy's FloatingFormat for one column of floats (a float array, or the
 * real or the imaginary parts of a complex one). */
typedef struct FloatFmt {
    bool is32;
    bool plus; /* always print a sign (imaginary parts) */
    bool exp_format;
    int precision;  /* digits cutoff */
    int min_digits; /* scientific: fraction padded to this */
    int pad_left, pad_right, exp_size;
    /* statistics gathered over the shown elements */
    bool any_finite, any_nonzero, any_nonfinite, any_neginf;
    double max_abs, min_abs;
} FloatFmt;

static void ffmt_init(FloatFmt *f, bool is32, bool plus, int precision)
{
    memset(f, 0, sizeof *f);
    f->is32 = is32;
    f->plus = plus;
    f->precision = precision;
    f->exp_size = -1;
}

/* First pass: the range of the finite non-zero magnitudes. */
static void ffmt_observe(FloatFmt *f, double x)
{
    if (!isfinite(x)) {
        f->any_nonfinite = true;
        if (isinf(x) && x < 0)
            f->any_neginf = true;
        return;
    }
    f->any_finite = true;
    double a = fabs(x);
    if (a == 0)
        return;
    if (!f->any_nonzero || a > f->max_abs)
        f->max_abs = a;
    if (!f->any_nonzero || a < f->min_abs)
        f->min_abs = a;
    f->any_nonzero = true;
}

/* Scientific notation when the magnitudes span too much.  Float32 data is
 * compared in float32, as NumPy 2 does (NEP 50 makes the Python constants
 * adopt the array's type). */
static void ffmt_choose(FloatFmt *f, bool suppress)
{
    if (!f->any_nonzero)
        return;
    if (f->is32) {
        float mx = (float)f->max_abs, mn = (float)f->min_abs;
        f->exp_format =
            mx >= 1e8f || (!suppress && (mn < 1e-4f || mx / mn > 1000.0f));
    } else {
        double mx = f->max_abs, mn = f->min_abs;
        f->exp_format =
            mx >= 1e8 || (!suppress && (mn < 1e-4 || mx / mn > 1000.0));
    }
    if (f->exp_format)
        f->exp_size = 0;
}

/* Second pass: widths of the parts of each shown finite element. */
static void ffmt_measure(FloatFmt *f, double x)
{
    if (!isfinite(x))
        return;
    Digits dg;
    const char *sign = sign_text(x, f->plus);
    if (f->exp_format) {
        float_digits(x, f->is32, CUT_TOTAL, f->precision, -1, &dg);
        int il = (int)strlen(sign) + 1;
        int fl = dg.n > 1 ? dg.n - 1 : 0;
        int el = sci_exp_len(&dg);
        if (il > f->pad_left)
            f->pad_left = il;
        if (fl > f->min_digits)
            f->min_digits = fl;
        if (el > f->exp_size)
            f->exp_size = el;
    } else {
        float_digits(x, f->is32, CUT_FRACTION, f->precision, -1, &dg);
        int il = pos_int_len(&dg, sign);
        int fl = pos_frac_len(&dg);
        if (il > f->pad_left)
            f->pad_left = il;
        if (fl > f->pad_right)
            f->pad_right = fl;
    }
}

static void ffmt_finish(FloatFmt *f)
{
    if (f->exp_format && f->any_finite)
        f->pad_right = f->exp_size + 2 + f->min_digits;
    if (f->any_nonfinite) {
        int neginf = f->plus || f->any_neginf;
        int offset = f->pad_right + 1;
        if (3 - offset > f->pad_left)
            f->pad_left = 3 - offset;
        if (3 + neginf - offset > f->pad_left)
            f->pad_left = 3 + neginf - offset;
    }
}

static void ffmt_put(const FloatFmt *f, Buf *b, double x)
{
    if (!isfinite(x)) {
        const char *t = isnan(x)  ? (f->plus ? "+nan" : "nan")
                        : x < 0   ? "-inf"
                        : f->plus ? "+inf"
                                  : "inf";
        buf_fill(b, ' ', f->pad_left + f->pad_right + 1 - (int)strlen(t));
        buf_puts(b, t);
        return;
    }
    Digits dg;
    const char *sign = sign_text(x, f->plus);
    if (f->exp_format) {
        float_digits(x, f->is32, CUT_TOTAL, f->min_digits, f->min_digits, &dg);
        put_scientific(b, sign, &dg, f->min_digits, TRIM_KEEP, f->pad_left,
                       f->exp_size);
    } else {
        float_digits(x, f->is32, CUT_FRACTION, f->precision, 0, &dg);
        put_positional(b, sign, &dg, 0, TRIM_DOT, f->pad_left, f->pad_right);
    }
}

/* The formatter of a whole array, set up from the elements that are
 * shown (NumPy sizes the columns from the summarised corners only). */
typedef struct ElemFmt {
    NdType t;
    bool zero_d;
    int int_width;
    FloatFmt re, im;
} ElemFmt;

/* Step idx to the next shown element in C order; false after the last. */
static bool next_shown(const NdArray *a, int64_t *idx, bool summary,
                       int64_t edge)
{
    for (int ax = a->ndim - 1; ax >= 0; ax--) {
        int64_t n = a->shape[ax];
        idx[ax]++;
        /* NumPy's corner extraction keeps a whole axis when edgeitems is 0
         * (a[-0:] is everything), so only a positive edge skips. */
        if (summary && edge > 0 && n > 2 * edge && idx[ax] == edge)
            idx[ax] = n - edge;
        if (idx[ax] < n)
            return true;
        idx[ax] = 0;
    }
    return false;
}

static const char *elem_ptr(const NdArray *a, const int64_t *idx)
{
    const char *p = a->data;
    for (int i = 0; i < a->ndim; i++)
        p += idx[i] * a->strides[i];
    return p;
}

static void efmt_init(ElemFmt *ef, const NdArray *a, bool summary,
                      const NdPrintOptions *o)
{
    NdType t = a->dtype;
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t edge = o->edgeitems;
    Val v;
    memset(ef, 0, sizeof *ef);
    ef->t = t;
    ef->zero_d = a->ndim == 0;
    if (type_is_signed(t) || type_is_unsigned(t)) {
        int w = 0;
        do {
            read_val(t, elem_ptr(a, idx), &v);
            int len = type_is_signed(t)
                          ? (v.i < 0 ? 1 + uint_len((uint64_t)0 - (uint64_t)v.i)
                                     : uint_len((uint64_t)v.i))
                          : uint_len(v.u);
            if (len > w)
                w = len;
        } while (next_shown(a, idx, summary, edge));
        ef->int_width = w;
        return;
    }
    if (t == ND_BOOL)
        return;
    bool cplx = type_is_complex(t);
    ffmt_init(&ef->re, type_is32(t), false, o->precision);
    ffmt_init(&ef->im, type_is32(t), true, o->precision);
    do {
        read_val(t, elem_ptr(a, idx), &v);
        ffmt_observe(&ef->re, v.re);
        if (cplx)
            ffmt_observe(&ef->im, v.im);
    } while (next_shown(a, idx, summary, edge));
    ffmt_choose(&ef->re, o->suppress);
    ffmt_choose(&ef->im, o->suppress);
    do {
        read_val(t, elem_ptr(a, idx), &v);
        ffmt_measure(&ef->re, v.re);
        if (cplx)
            ffmt_measure(&ef->im, v.im);
    } while (next_shown(a, idx, summary, edge));
    ffmt_finish(&ef->re);
    ffmt_finish(&ef->im);
}

static void efmt_put(const ElemFmt *ef, Buf *b, const char *p)
{
    Val v;
    NdType t = ef->t;
    read_val(t, p, &v);
    if (t == ND_BOOL) {
        buf_puts(b, v.b ? (ef->zero_d ? "True" : " True") : "False");
    } else if (type_is_signed(t) || type_is_unsigned(t)) {
        int len = type_is_signed(t)
                      ? (v.i < 0 ? 1 + uint_len((uint64_t)0 - (uint64_t)v.i)
                                 : uint_len((uint64_t)v.i))
                      : uint_len(v.u);
        buf_fill(b, ' ', ef->int_width - len);
        if (type_is_signed(t))
            put_int(b, v.i);
        else
            put_uint(b, v.u);
    } else if (type_is_float(t)) {
        ffmt_put(&ef->re, b, v.re);
    } else {
        ffmt_put(&ef->re, b, v.re);
        /* the 'j' goes before the imaginary part's right padding */
        size_t start = b->len;
        ffmt_put(&ef->im, b, v.im);
        if (b->failed)
            return;
        size_t end = b->len;
        while (end > start && b->p[end - 1] == ' ')
            end--;
        size_t pad = b->len - end;
        buf_putc(b, ' ');
        if (b->failed)
            return;
        memmove(b->p + end + 1, b->p + end, pad);
        b->p[end] = 'j';
    }
}

/* --------------------------------------------------------------- layout */

/* State of NumPy's _formatArray walk. */
typedef struct Layout {
    const NdArray *a;
    const ElemFmt *ef;
    const char *sep;
    bool summary;
    int64_t edge;
    Buf *out;
    Buf line, word;
    int64_t idx[ND_MAXDIMS];
} Layout;

static void lay_word(Layout *L)
{
    L->word.len = 0;
    if (L->word.p)
        L->word.p[0] = '\0';
    efmt_put(L->ef, &L->word, elem_ptr(L->a, L->idx));
}

/* Write out the current line (without trailing blanks); the first line of
 * a row loses its hanging indent, which the '[' before it replaces. */
static void lay_flush(Layout *L, int h, bool *first, bool rstrip)
{
    size_t skip = *first ? (size_t)h : 0, end = L->line.len;
    if (rstrip)
        while (end > skip && L->line.p[end - 1] == ' ')
            end--;
    if (end > skip)
        buf_putn(L->out, L->line.p + skip, end - skip);
    *first = false;
}

/* Append a word to the current line, wrapping first when it would pass
 * the width and the line holds more than its indent. */
static void lay_extend(Layout *L, const char *w, size_t wlen, int h, int width,
                       bool *first)
{
    if ((int64_t)(L->line.len + wlen) > width && L->line.len > (size_t)h) {
        lay_flush(L, h, first, true);
        buf_putc(L->out, '\n');
        L->line.len = 0;
        buf_fill(&L->line, ' ', h);
    }
    buf_putn(&L->line, w, wlen);
}

static void lay_rec(Layout *L, int axis, int h, int width)
{
    const NdArray *a = L->a;
    if (axis == a->ndim) {
        efmt_put(L->ef, L->out, elem_ptr(a, L->idx));
        return;
    }
    int axes_left = a->ndim - axis;
    int64_t n = a->shape[axis];
    bool show = L->summary && 2 * L->edge < n;
    int64_t lead = show ? L->edge : 0, trail = show ? L->edge : n;
    size_t seplen = strlen(L->sep);
    bool first = true;

    buf_putc(L->out, '[');
    if (axes_left == 1) {
        /* max(len(separator.rstrip()), len(']')) is 1 for " " and ", " */
        int elem_width = width - 1;
        L->line.len = 0;
        buf_fill(&L->line, ' ', h);
        for (int64_t i = 0; i < lead; i++) {
            L->idx[axis] = i;
            lay_word(L);
            lay_extend(L, L->word.p, L->word.len, h, elem_width, &first);
            buf_putn(&L->line, L->sep, seplen);
        }
        if (show) {
            lay_extend(L, "...", 3, h, elem_width, &first);
            buf_putn(&L->line, L->sep, seplen);
        }
        /* the last element is printed even when edgeitems is 0 */
        for (int64_t i = trail > 1 ? trail : 1; i >= 1; i--) {
            L->idx[axis] = n - i;
            lay_word(L);
            lay_extend(L, L->word.p, L->word.len, h, elem_width, &first);
            if (i > 1)
                buf_putn(&L->line, L->sep, seplen);
        }
        lay_flush(L, h, &first, false);
    } else {
        size_t sl = seplen;
        while (sl > 0 && L->sep[sl - 1] == ' ')
            sl--;
        for (int64_t i = 0; i < lead; i++) {
            if (!first)
                buf_fill(L->out, ' ', h);
            first = false;
            L->idx[axis] = i;
            lay_rec(L, axis + 1, h + 1, width - 1);
            buf_putn(L->out, L->sep, sl);
            buf_fill(L->out, '\n', axes_left - 1);
        }
        if (show) {
            if (!first)
                buf_fill(L->out, ' ', h);
            first = false;
            buf_puts(L->out, "...");
            buf_putn(L->out, L->sep, sl);
            buf_fill(L->out, '\n', axes_left - 1);
        }
        for (int64_t i = trail > 1 ? trail : 1; i >= 1; i--) {
            if (!first)
                buf_fill(L->out, ' ', h);
            first = false;
            L->idx[axis] = n - i;
            lay_rec(L, axis + 1, h + 1, width - 1);
            if (i > 1) {
                buf_putn(L->out, L->sep, sl);
                buf_fill(L->out, '\n', axes_left - 1);
            }
        }
    }
    buf_putc(L->out, ']');
}

/* NumPy's array2string for a non-empty array: `indent` is the width of the
 * prefix ("array(" for repr) and `width` the usable line width. */
static void format_body(Buf *out, const NdArray *a, const char *sep, int indent,
                        int width, const NdPrintOptions *o)
{
    Layout L;
    ElemFmt ef;
    memset(&L, 0, sizeof L);
    L.summary = a->size > o->threshold;
    efmt_init(&ef, a, L.summary, o);
    L.a = a;
    L.ef = &ef;
    L.sep = sep;
    L.edge = o->edgeitems;
    L.out = out;
    lay_rec(&L, 0, 1 + indent, width);
    if (L.line.failed || L.word.failed)
        out->failed = true;
    free(L.line.p);
    free(L.word.p);
}

static bool check_array(const NdArray *a)
{
    if (!a || (unsigned)a->dtype >= ND_NTYPES || a->ndim < 0 ||
        a->ndim > ND_MAXDIMS) {
        nd_error(ND_ERR_VALUE, "invalid array");
        return false;
    }
    return true;
}

char *nd_array_str(const NdArray *a)
{
    if (!check_array(a))
        return NULL;
    Buf b = {0};
    if (a->ndim == 0) {
        /* str of a 0-d array is the str of its scalar, untouched by the
         * precision option */
        Val v;
        read_val(a->dtype, a->data, &v);
        put_scalar_val(&b, a->dtype, &v);
    } else if (a->size == 0) {
        buf_puts(&b, "[]");
    } else {
        NdPrintOptions o;
        nd_get_printoptions(&o);
        format_body(&b, a, " ", 0, o.linewidth, &o);
    }
    return buf_finish(&b);
}

/* The dtypes whose repr is implied by the printed values. */
static bool dtype_implied(NdType t)
{
    return t == ND_INT64 || t == ND_FLOAT64 || t == ND_COMPLEX128 ||
           t == ND_BOOL;
}

static void put_shape(Buf *b, const NdArray *a)
{
    buf_putc(b, '(');
    for (int i = 0; i < a->ndim; i++) {
        if (i)
            buf_puts(b, ", ");
        put_int(b, a->shape[i]);
    }
    if (a->ndim == 1)
        buf_putc(b, ',');
    buf_putc(b, ')');
}

char *nd_array_repr(const NdArray *a)
{
    if (!check_array(a))
        return NULL;
    NdPrintOptions o;
    nd_get_printoptions(&o);
    Buf b = {0}, extra = {0};
    buf_puts(&b, "array(");
    if (a->size == 0)
        buf_puts(&b, "[]");
    else
        /* the closing ")" or "," takes one column of the last line */
        format_body(&b, a, ", ", 6, o.linewidth - 1, &o);

    bool shape = (a->size == 0 && a->ndim != 1) || a->size > o.threshold;
    bool dtype = !dtype_implied(a->dtype) || a->size == 0;
    if (shape) {
        buf_puts(&extra, "shape=");
        put_shape(&extra, a);
    }
    if (dtype) {
        if (shape)
            buf_puts(&extra, ", ");
        buf_puts(&extra, "dtype=");
        buf_puts(&extra, nd_dtype_name(a->dtype));
    }
    if (!shape && !dtype) {
        buf_putc(&b, ')');
    } else {
        buf_putc(&extra, ')');
        buf_putc(&b, ',');
        if (!b.failed && !extra.failed) {
            /* the extras move to a new line when they would pass the
             * width on the last one */
            const char *nl = strrchr(b.p, '\n');
            size_t last = nl ? b.len - (size_t)(nl - b.p) - 1 : b.len;
            if ((int64_t)(last + extra.len + 1) > o.linewidth) {
                buf_putc(&b, '\n');
                buf_fill(&b, ' ', 6);
            } else {
                buf_putc(&b, ' ');
            }
            buf_putn(&b, extra.p, extra.len);
        }
        if (extra.failed)
            b.failed = true;
    }
    free(extra.p);
    return buf_finish(&b);
}
