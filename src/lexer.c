/* lexer.c — turns the text of a Source into the tokens of LANGUAGE.md §1:
 * names and keywords, numbers (int64, uint64 above int64's range, float64,
 * imaginary complex128), strings (quoted, triple-quoted, raw, f-strings
 * split into pieces), operators and punctuation, with newlines significant
 * only outside brackets.  Every token knows its byte range and its line and
 * column.  The lexer makes one pass, one token at a time, with no
 * backtracking, so a 10 MB line costs time proportional to its length; the
 * only recursion (nested f-strings) is capped.
 */
#define _GNU_SOURCE /* strtod_l: float literals never depend on the locale */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "lexer.h"

enum { FSTRING_MAX_NEST = 100 };

/* Character classes of ASCII bytes. */
enum { C_ID = 1, C_DIGIT = 2, C_SPACE = 4, C_HEX = 8 };
/* clang-format off */
static const unsigned char cclass[128] = {
    ['\t'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE, [' '] = C_SPACE,
    ['_'] = C_ID,
#define D(c) [c] = C_DIGIT | C_HEX | C_ID
    D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'),
    D('9'),
#undef D
#define H(c) [c] = C_ID | C_HEX
    H('a'), H('b'), H('c'), H('d'), H('e'), H('f'),
    H('A'), H('B'), H('C'), H('D'), H('E'), H('F'),
#undef H
#define L(c) [c] = C_ID
    L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'), L('n'), L('o'),
    L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'),
    L('y'), L('z'), L('G'), L('H'), L('I'), L('J'), L('K'), L('L'), L('M'),
    L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'),
    L('W'), L('X'), L('Y'), L('Z'),
#undef L
};
/* clang-format on */

static bool is_ascii_id(unsigned char c)
{
    return c < 128 && (cclass[c] & C_ID);
}
static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static const char *const tok_text[T_KIND_COUNT] = {
    [T_EOF] = "end of input", [T_NEWLINE] = "newline",
    [T_NAME] = "name",        [T_NUMBER] = "number",
    [T_STRING] = "string",    [T_IF] = "'if'",
    [T_ELIF] = "'elif'",      [T_ELSE] = "'else'",
    [T_END] = "'end'",        [T_FOR] = "'for'",
    [T_IN] = "'in'",          [T_WHILE] = "'while'",
    [T_BREAK] = "'break'",    [T_CONTINUE] = "'continue'",
    [T_DEF] = "'def'",        [T_RETURN] = "'return'",
    [T_AND] = "'and'",        [T_OR] = "'or'",
    [T_NOT] = "'not'",        [T_IS] = "'is'",
    [T_IMPORT] = "'import'",  [T_AS] = "'as'",
    [T_GLOBAL] = "'global'",  [T_NONLOCAL] = "'nonlocal'",
    [T_TRY] = "'try'",        [T_CATCH] = "'catch'",
    [T_WITH] = "'with'",      [T_DEL] = "'del'",
    [T_PASS] = "'pass'",      [T_ASSERT] = "'assert'",
    [T_TRUE] = "'True'",      [T_FALSE] = "'False'",
    [T_NONE] = "'None'",      [T_LPAREN] = "'('",
    [T_RPAREN] = "')'",       [T_LBRACKET] = "'['",
    [T_RBRACKET] = "']'",     [T_LBRACE] = "'{'",
    [T_RBRACE] = "'}'",       [T_COMMA] = "','",
    [T_COLON] = "':'",        [T_SEMI] = "';'",
    [T_DOT] = "'.'",          [T_ELLIPSIS] = "'...'",
    [T_ARROW] = "'->'",       [T_ASSIGN] = "'='",
    [T_PLUS] = "'+'",         [T_MINUS] = "'-'",
    [T_STAR] = "'*'",         [T_SLASH] = "'/'",
    [T_DSLASH] = "'//'",      [T_PERCENT] = "'%'",
    [T_DSTAR] = "'**'",       [T_AT] = "'@'",
    [T_AMP] = "'&'",          [T_PIPE] = "'|'",
    [T_CARET] = "'^'",        [T_LSHIFT] = "'<<'",
    [T_RSHIFT] = "'>>'",      [T_TILDE] = "'~'",
    [T_EQ] = "'=='",          [T_NE] = "'!='",
    [T_LT] = "'<'",           [T_LE] = "'<='",
    [T_GT] = "'>'",           [T_GE] = "'>='",
    [T_PLUS_EQ] = "'+='",     [T_MINUS_EQ] = "'-='",
    [T_STAR_EQ] = "'*='",     [T_SLASH_EQ] = "'/='",
    [T_DSLASH_EQ] = "'//='",  [T_PERCENT_EQ] = "'%='",
    [T_DSTAR_EQ] = "'**='",   [T_AT_EQ] = "'@='",
    [T_AMP_EQ] = "'&='",      [T_PIPE_EQ] = "'|='",
    [T_CARET_EQ] = "'^='",    [T_LSHIFT_EQ] = "'<<='",
    [T_RSHIFT_EQ] = "'>>='",
};

const char *tok_kind_text(TokKind k)
{
    return k < T_KIND_COUNT && tok_text[k] ? tok_text[k] : "token";
}

/* ------------------------------------------------------------- places */

void lexer_pos(Lexer *lx, size_t off, int32_t *line, int32_t *col)
{
    const Source *s = lx->src;
    int32_t i = lx->line_hint;
    /* Tokens come in order, so the hint almost always only moves forward
     * by a line or two; anything else is a binary search. */
    if (s->line_starts[i] <= off) {
        int32_t steps = 0;
        while (i + 1 < s->nlines && s->line_starts[i + 1] <= off && steps < 8) {
            i++;
            steps++;
        }
        if (steps == 8 && i + 1 < s->nlines && s->line_starts[i + 1] <= off)
            goto search;
    } else {
    search:;
        int32_t lo = 0, hi = s->nlines - 1;
        while (lo < hi) {
            int32_t mid = lo + (hi - lo + 1) / 2;
            if (s->line_starts[mid] <= off)
                lo = mid;
            else
                hi = mid - 1;
        }
        i = lo;
    }
    lx->line_hint = i;
    *line = i + 1;
    *col = (int32_t)(off - s->line_starts[i]) + 1;
}

SrcSpan lexer_span(Lexer *lx, size_t start, size_t end)
{
    SrcSpan sp;
    lexer_pos(lx, start, &sp.line, &sp.col);
    if (end > start)
        lexer_pos(lx, end - 1, &sp.end_line, &sp.end_col);
    else {
        sp.end_line = sp.line;
        sp.end_col = sp.col;
    }
    return sp;
}

_Noreturn void lexer_error(Lexer *lx, size_t start, size_t end, const char *fmt,
                           ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rt_syntax_error(lx->src, lexer_span(lx, start, end), "%s", msg);
    longjmp(*lx->fail, 1);
}

/* ------------------------------------------------------------- set up */

void lexer_init(Lexer *lx, Source *src, size_t start, size_t limit,
                int32_t depth, jmp_buf *fail, LexScratch *scr)
{
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->text = src->text;
    lx->pos = start;
    lx->limit = limit;
    lx->depth = depth;
    lx->line_start = true;
    lx->fail = fail;
    lx->scr = scr;
    int32_t line, col;
    lexer_pos(lx, start, &line, &col);
}

void lexer_scratch_free(LexScratch *scr)
{
    free(scr->buf);
    free(scr->pieces);
    memset(scr, 0, sizeof *scr);
}

static void buf_reserve(Lexer *lx, size_t more)
{
    if (lx->scr->bufcap - lx->scr->buflen >= more)
        return;
    size_t cap = lx->scr->bufcap ? lx->scr->bufcap : 64;
    while (cap - lx->scr->buflen < more)
        cap *= 2;
    char *b = realloc(lx->scr->buf, cap);
    if (!b) {
        rt_raise(ERR_MEMORY, "out of memory while parsing");
        longjmp(*lx->fail, 1);
    }
    lx->scr->buf = b;
    lx->scr->bufcap = cap;
}

static void buf_put(Lexer *lx, const char *s, size_t n)
{
    buf_reserve(lx, n);
    memcpy(lx->scr->buf + lx->scr->buflen, s, n);
    lx->scr->buflen += n;
}

/* ------------------------------------------------------------- UTF-8 */

/* Decode one UTF-8 sequence at s[0..n): its code point and length, or
 * length 0 when it is not valid UTF-8 (overlong forms, surrogates and
 * code points above U+10FFFF included). */
static int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else
        return 0;
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

void lexer_check_text(Lexer *lx)
{
    const unsigned char *s = (const unsigned char *)lx->text;
    size_t n = lx->src->len;
    for (size_t i = 0; i < n;) {
        /* ASCII runs, 8 bytes at a time when aligned enough to matter */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            /* any byte with the high bit set, or any zero byte */
            uint64_t zero =
                (w - 0x0101010101010101u) & ~w & 0x8080808080808080u;
            if ((w & 0x8080808080808080u) || zero)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (s[i] == 0)
            lexer_error(lx, i, i + 1, "source code cannot contain null bytes");
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (!len)
            lexer_error(lx, i, i + 1, "invalid UTF-8 in source (byte 0x%02x)",
                        s[i]);
        i += (size_t)len;
    }
}

/* Letters of the scripts people write formulas in may appear in names
 * (α, μ, Δx); other non-ASCII characters are stray characters.  A short
 * list of ranges instead of Unicode's tables keeps startup at zero cost. */
static bool is_id_cp(uint32_t cp, bool start)
{
    if (cp == 0xB5 || cp == 0xAA || cp == 0xBA)
        return true;
    if (cp >= 0xC0 && cp <= 0x24F)
        return cp != 0xD7 && cp != 0xF7;
    if (cp >= 0x250 && cp <= 0x2AF) /* IPA */
        return true;
    if (cp >= 0x300 && cp <= 0x36F) /* combining marks */
        return !start;
    if (cp >= 0x370 && cp <= 0x3FF) /* Greek */
        return cp != 0x37E && cp != 0x387 && cp != 0x375 && cp != 0x3F6;
    if (cp >= 0x400 && cp <= 0x52F) /* Cyrillic */
        return !(cp >= 0x482 && cp <= 0x489);
    if ((cp >= 0x531 && cp <= 0x556) || (cp >= 0x561 && cp <= 0x587))
        return true;                /* Armenian */
    if (cp >= 0x5D0 && cp <= 0x5EA) /* Hebrew */
        return true;
    if (cp >= 0x620 && cp <= 0x64A) /* Arabic */
        return true;
    if (cp >= 0x1E00 && cp <= 0x1FFF) /* Latin and Greek extended */
        return true;
    if (cp >= 0x3041 && cp <= 0x30FF) /* kana */
        return cp != 0x30FB;
    if (cp >= 0x4E00 && cp <= 0x9FFF) /* CJK */
        return true;
    if (cp >= 0xAC00 && cp <= 0xD7A3) /* Hangul */
        return true;
    return false;
}

/* A stray character: Python's messages. */
static _Noreturn void bad_char(Lexer *lx, size_t pos)
{
    const unsigned char *s = (const unsigned char *)lx->text;
    uint32_t cp;
    int len = utf8_decode(s + pos, lx->limit - pos, &cp);
    if (!len)
        lexer_error(lx, pos, pos + 1, "invalid UTF-8 in source (byte 0x%02x)",
                    s[pos]);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        lexer_error(lx, pos, pos + (size_t)len,
                    "invalid non-printable character U+%04X", (unsigned)cp);
    if (cp == '!')
        lexer_error(lx, pos, pos + 1,
                    "invalid syntax: use 'not' instead of '!'");
    lexer_error(lx, pos, pos + (size_t)len, "invalid character '%.*s' (U+%04X)",
                len, (const char *)s + pos, (unsigned)cp);
}

/* ------------------------------------------------------------- numbers */

/* Digits of `base` with single underscores between them, from p.  Returns
 * the end; *any is set when at least one digit was read. */
static size_t scan_digits(Lexer *lx, size_t p, int base, bool *any,
                          size_t tok_start, const char *what)
{
    const char *t = lx->text;
    *any = false;
    for (;;) {
        unsigned char c = (unsigned char)t[p];
        if (p >= lx->limit)
            break;
        bool ok = base == 16   ? c < 128 && (cclass[c] & C_HEX)
                  : base == 10 ? is_digit(c)
                               : c >= '0' && c < '0' + base;
        if (ok) {
            *any = true;
            p++;
        } else if (c == '_' && *any && p + 1 < lx->limit) {
            unsigned char d = (unsigned char)t[p + 1];
            bool dok = base == 16   ? d < 128 && (cclass[d] & C_HEX)
                       : base == 10 ? is_digit(d)
                                    : d >= '0' && d < '0' + base;
            if (!dok)
                lexer_error(lx, tok_start, p + 1, "invalid %s literal", what);
            p++;
        } else
            break;
    }
    return p;
}

static locale_t c_locale(void)
{
    static locale_t loc;
    if (!loc)
        loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return loc;
}

static void lex_number(Lexer *lx, Token *t)
{
    const char *s = lx->text;
    size_t start = lx->pos, p = start;
    bool any;
    t->kind = T_NUMBER;
    if (s[p] == '0' && p + 1 < lx->limit && strchr("xXbBoO", s[p + 1]) &&
        s[p + 1]) {
        char b = (char)(s[p + 1] | 0x20);
        int base = b == 'x' ? 16 : b == 'b' ? 2 : 8;
        const char *what = b == 'x'   ? "hexadecimal"
                           : b == 'b' ? "binary"
                                      : "octal";
        p += 2;
        if (s[p] == '_' && p < lx->limit)
            p++;
        size_t d0 = p;
        p = scan_digits(lx, p, base, &any, start, what);
        if (p < lx->limit &&
            (is_ascii_id((unsigned char)s[p]) || (unsigned char)s[p] >= 0x80)) {
            if (is_digit((unsigned char)s[p]))
                lexer_error(lx, p, p + 1, "invalid digit '%c' in %s literal",
                            s[p], what);
            lexer_error(lx, start, p + 1, "invalid %s literal", what);
        }
        if (!any)
            lexer_error(lx, start, p, "invalid %s literal", what);
        uint64_t v = 0;
        for (size_t i = d0; i < p; i++) {
            if (s[i] == '_')
                continue;
            unsigned c = (unsigned char)s[i];
            unsigned d = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
            if (v > (UINT64_MAX - d) / (uint64_t)base)
                lexer_error(lx, start, p,
                            "integer literal too large (the largest is "
                            "2**64-1 = 18446744073709551615)");
            v = v * (uint64_t)base + d;
        }
        lx->pos = p;
        if (v <= INT64_MAX)
            t->num = v_int((int64_t)v);
        else {
            Value u = {.kind = VK_SCALAR, .dtype = ND_UINT64, .weak = 1};
            u.as.u = v;
            t->num = u;
            t->flags = v == (uint64_t)INT64_MAX + 1;
        }
        return;
    }

    /* decimal: digits [. digits] [e [+-] digits] [j] */
    bool is_float = false;
    size_t int_end;
    if (s[p] != '.')
        p = scan_digits(lx, p, 10, &any, start, "decimal");
    int_end = p;
    if (s[p] == '.' && p < lx->limit) {
        is_float = true;
        p++;
        if (is_digit((unsigned char)s[p]) && p < lx->limit)
            p = scan_digits(lx, p, 10, &any, start, "decimal");
    }
    if ((s[p] == 'e' || s[p] == 'E') && p < lx->limit) {
        size_t q = p + 1;
        if ((s[q] == '+' || s[q] == '-') && q < lx->limit)
            q++;
        if (is_digit((unsigned char)s[q]) && q < lx->limit) {
            is_float = true;
            p = scan_digits(lx, q, 10, &any, start, "decimal");
        }
    }
    bool imag = false;
    if ((s[p] == 'j' || s[p] == 'J') && p < lx->limit) {
        imag = true;
        p++;
    }
    if (p < lx->limit &&
        (is_ascii_id((unsigned char)s[p]) || (unsigned char)s[p] >= 0x80))
        lexer_error(lx, start, p + 1, "invalid decimal literal");
    lx->pos = p;
    if (!is_float && !imag) {
        /* leading zeros are Python's octal trap */
        if (s[start] == '0') {
            for (size_t i = start; i < int_end; i++)
                if (s[i] != '0' && s[i] != '_')
                    lexer_error(lx, start, int_end,
                                "leading zeros in decimal integer literals "
                                "are not permitted; use an 0o prefix for "
                                "octal integers");
        }
        uint64_t v = 0;
        for (size_t i = start; i < int_end; i++) {
            if (s[i] == '_')
                continue;
            unsigned d = (unsigned)(s[i] - '0');
            if (v > (UINT64_MAX - d) / 10)
                lexer_error(lx, start, int_end,
                            "integer literal too large (the largest is "
                            "2**64-1 = 18446744073709551615)");
            v = v * 10 + d;
        }
        if (v <= INT64_MAX)
            t->num = v_int((int64_t)v);
        else {
            Value u = {.kind = VK_SCALAR, .dtype = ND_UINT64, .weak = 1};
            u.as.u = v;
            t->num = u;
            t->flags = v == (uint64_t)INT64_MAX + 1;
        }
        return;
    }
    /* strtod wants the digits without underscores and without the j */
    lx->scr->buflen = 0;
    size_t stop = imag ? p - 1 : p;
    for (size_t i = start; i < stop; i++)
        if (s[i] != '_')
            buf_put(lx, s + i, 1);
    buf_put(lx, "", 1);
    double d = strtod_l(lx->scr->buf, NULL, c_locale());
    t->num = imag ? v_complex(0.0, d) : v_float(d);
}

/* ------------------------------------------------------------- strings */

/* The length of a string prefix (r, f, rf, fr, u in any case) at p that
 * is followed by a quote, or 0. */
static size_t string_prefix(const char *s, size_t p, size_t limit, int *flags)
{
    int f = 0;
    size_t i = p;
    while (i < limit && i - p < 2) {
        char c = (char)(s[i] | 0x20);
        if (c == 'r' && !(f & STR_RAW))
            f |= STR_RAW;
        else if (c == 'f' && !(f & STR_F))
            f |= STR_F;
        else if (c == 'u' && i == p && (s[i + 1] == '"' || s[i + 1] == '\''))
            ; /* u"..." is Python's plain string */
        else
            break;
        i++;
    }
    if (i > p && i < limit && (s[i] == '"' || s[i] == '\'')) {
        *flags = f;
        return i - p;
    }
    return 0;
}

typedef struct StrScan {
    size_t tok_start; /* the prefix, for errors */
    char quote;
    int flags;
    bool record; /* append the f-string pieces to lx->scr->pieces */
} StrScan;

static size_t scan_string(Lexer *lx, size_t start, size_t qpos, int *flags,
                          bool record);
static size_t scan_fbody(Lexer *lx, const StrScan *ss, size_t p, bool spec);

static _Noreturn void unterminated(Lexer *lx, const StrScan *ss, size_t at)
{
    int32_t line, col;
    bool at_end = at >= lx->src->len;
    /* at the end of a text ending in a newline: the last line (Python) */
    if (at > 0 && at_end && lx->text[at - 1] == '\n')
        at--;
    lexer_pos(lx, at, &line, &col);
    if (ss->flags & STR_TRIPLE) {
        if (at_end)
            lx->incomplete = true;
        lexer_error(lx, ss->tok_start, ss->tok_start + 1,
                    "unterminated triple-quoted string literal (detected at "
                    "line %d)",
                    (int)line);
    }
    lexer_error(lx, ss->tok_start, ss->tok_start + 1,
                "unterminated string literal (detected at line %d)", (int)line);
}

static void add_piece(Lexer *lx, FPiece pc)
{
    if (lx->scr->npieces == lx->scr->piececap) {
        size_t cap = lx->scr->piececap ? lx->scr->piececap * 2 : 8;
        FPiece *np = realloc(lx->scr->pieces, cap * sizeof *np);
        if (!np) {
            rt_raise(ERR_MEMORY, "out of memory while parsing");
            longjmp(*lx->fail, 1);
        }
        lx->scr->pieces = np;
        lx->scr->piececap = cap;
    }
    lx->scr->pieces[lx->scr->npieces++] = pc;
}

/* Is the closing quote (or triple quote) of ss at p? */
static bool at_close(Lexer *lx, const StrScan *ss, size_t p)
{
    const char *s = lx->text;
    if (s[p] != ss->quote || p >= lx->limit)
        return false;
    if (!(ss->flags & STR_TRIPLE))
        return true;
    return p + 2 < lx->limit && s[p + 1] == ss->quote && s[p + 2] == ss->quote;
}

/* An f-string field from just after its '{': the expression (up to `!c`,
 * `:` or `}` at bracket depth 0 outside strings), the conversion and the
 * spec.  Returns the offset after the closing '}'. */
static size_t scan_field(Lexer *lx, const StrScan *ss, size_t open)
{
    const char *s = lx->text;
    size_t p = open + 1, expr_end = 0;
    int depth = 0;
    char conv = 0;
    if (++lx->fnest > FSTRING_MAX_NEST)
        lexer_error(lx, open, open + 1,
                    "f-string: expressions nested too "
                    "deeply");
    for (;;) {
        /* a quote here opens a nested string (Python 3.12), so only the
         * end of input stops a field */
        if (p >= lx->limit) {
            if (p >= lx->limit && p >= lx->src->len && (ss->flags & STR_TRIPLE))
                lx->incomplete = true;
            lexer_error(lx, open, open + 1, "f-string: expecting '}'");
        }
        unsigned char c = (unsigned char)s[p];
        if (c == '\n' && !(ss->flags & STR_TRIPLE))
            unterminated(lx, ss, p);
        if (c == '\'' || c == '"') {
            /* the outer quote with no partner on this line ends the outer
             * string: the field was never closed */
            if (c == ss->quote && !(ss->flags & STR_TRIPLE)) {
                size_t q = p + 1;
                while (q < lx->limit && s[q] != c && s[q] != '\n')
                    q++;
                if (q >= lx->limit || s[q] != c)
                    lexer_error(lx, open, open + 1, "f-string: expecting '}'");
            }
            int fl = 0;
            p = scan_string(lx, p, p, &fl, false);
            continue;
        }
        if (is_ascii_id(c) && !is_digit(c)) {
            int fl;
            size_t n = string_prefix(s, p, lx->limit, &fl);
            if (n) {
                p = scan_string(lx, p, p + n, &fl, false);
                continue;
            }
            while (p < lx->limit && is_ascii_id((unsigned char)s[p]))
                p++;
            continue;
        }
        if (c == '#')
            lexer_error(lx, p, p + 1,
                        "f-string expression part cannot include '#'");
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
            if (depth > 0)
                depth--;
        } else if (depth == 0 && c == '}') {
            expr_end = p;
            break;
        } else if (depth == 0 && c == ':') {
            expr_end = p;
            break;
        } else if (depth == 0 && c == '!' && s[p + 1] != '=') {
            expr_end = p;
            break;
        } else if (c == '!' || c == '=' || c == '<' || c == '>') {
            if (s[p + 1] == '=' && p + 1 < lx->limit)
                p++;
        }
        p++;
    }
    /* an empty expression */
    size_t q = open + 1;
    while (q < expr_end &&
           (s[q] == ' ' || s[q] == '\t' || s[q] == '\n' || s[q] == '\r'))
        q++;
    if (q == expr_end)
        lexer_error(lx, open, expr_end + 1,
                    "f-string: valid expression required before '%c'",
                    s[expr_end]);
    if (s[p] == '!') {
        char cc = p + 1 < lx->limit ? s[p + 1] : 0;
        if (cc != 'r' && cc != 's') {
            if (cc == '}' || cc == ':' || !cc)
                lexer_error(lx, p, p + 1,
                            "f-string: missing conversion character");
            lexer_error(lx, p + 1, p + 2,
                        "f-string: invalid conversion character '%c': "
                        "expected 's' or 'r'",
                        cc);
        }
        conv = cc;
        p += 2;
        if (p >= lx->limit || (s[p] != ':' && s[p] != '}'))
            lexer_error(lx, p, p + 1, "f-string: expecting '}'");
    }
    size_t me = 0;
    if (ss->record) {
        me = lx->scr->npieces;
        add_piece(lx, (FPiece){.kind = FP_FIELD,
                               .conv = conv,
                               .start = open + 1,
                               .end = expr_end,
                               .open = open});
    }
    if (s[p] == ':') {
        if (ss->record)
            lx->scr->pieces[me].has_spec = 1;
        p = scan_fbody(lx, ss, p + 1, true);
        if (ss->record)
            add_piece(lx, (FPiece){.kind = FP_SPEC_END});
    }
    /* s[p] == '}' */
    if (ss->record)
        lx->scr->pieces[me].close = p;
    lx->fnest--;
    return p + 1;
}

/* The literal text and fields of an f-string body (or of a format spec,
 * which ends at '}'), from p.  Returns the offset of the closing quote (of
 * the '}' for a spec). */
static size_t scan_fbody(Lexer *lx, const StrScan *ss, size_t p, bool spec)
{
    const char *s = lx->text;
    size_t text_start = p;
    for (;;) {
        if (p >= lx->limit) {
            if (spec)
                lexer_error(lx, text_start, text_start,
                            "f-string: expecting '}'");
            unterminated(lx, ss, p);
        }
        char c = s[p];
        if (at_close(lx, ss, p)) {
            if (spec)
                lexer_error(lx, p, p + 1, "f-string: expecting '}'");
            break;
        }
        if (c == '\n' && !(ss->flags & STR_TRIPLE))
            unterminated(lx, ss, p);
        if (c == '\\' && !(ss->flags & STR_RAW)) {
            /* \{ keeps its backslash and still opens a field */
            bool brace = s[p + 1] == '{' || s[p + 1] == '}';
            p += p + 1 < lx->limit && !brace ? 2 : 1;
            continue;
        }
        if (c == '{' && !spec && s[p + 1] == '{' && p + 1 < lx->limit) {
            p += 2;
            continue;
        }
        if (c == '}' && spec)
            break;
        if (c == '}') {
            if (s[p + 1] == '}' && p + 1 < lx->limit) {
                p += 2;
                continue;
            }
            lexer_error(lx, p, p + 1, "f-string: single '}' is not allowed");
        }
        if (c == '{') {
            if (ss->record && p > text_start)
                add_piece(
                    lx,
                    (FPiece){.kind = FP_TEXT, .start = text_start, .end = p});
            p = scan_field(lx, ss, p);
            text_start = p;
            continue;
        }
        p++;
    }
    if (ss->record && p > text_start)
        add_piece(lx, (FPiece){.kind = FP_TEXT, .start = text_start, .end = p});
    return p;
}

/* A string literal whose prefix starts at `start` and opening quote is at
 * qpos.  Returns the offset after the closing quote. */
static size_t scan_string(Lexer *lx, size_t start, size_t qpos, int *flags,
                          bool record)
{
    const char *s = lx->text;
    StrScan ss = {.tok_start = start,
                  .quote = s[qpos],
                  .flags = *flags,
                  .record = record};
    size_t p = qpos + 1;
    if (qpos + 2 < lx->limit && s[qpos + 1] == ss.quote &&
        s[qpos + 2] == ss.quote) {
        ss.flags |= STR_TRIPLE;
        p = qpos + 3;
    }
    if (ss.flags & STR_F) {
        if (++lx->fnest > FSTRING_MAX_NEST)
            lexer_error(lx, start, qpos + 1,
                        "f-string: expressions nested too deeply");
        p = scan_fbody(lx, &ss, p, false);
        lx->fnest--;
    } else {
        for (;;) {
            if (p >= lx->limit)
                unterminated(lx, &ss, p);
            char c = s[p];
            if (c == ss.quote && at_close(lx, &ss, p))
                break;
            if (c == '\\') {
                p += p + 1 < lx->limit ? 2 : 1;
                continue;
            }
            if (c == '\n' && !(ss.flags & STR_TRIPLE))
                unterminated(lx, &ss, p);
            p++;
        }
    }
    *flags = ss.flags;
    return p + ((ss.flags & STR_TRIPLE) ? 3 : 1);
}

void lexer_pop_pieces(Lexer *lx, const Token *t)
{
    if (t->pieces + (size_t)t->npieces == lx->scr->npieces)
        lx->scr->npieces = t->pieces;
}

static void lex_string(Lexer *lx, Token *t, size_t qpos, int flags)
{
    size_t start = lx->pos;
    size_t base = lx->scr->npieces;
    bool f = flags & STR_F;
    size_t end = scan_string(lx, start, qpos, &flags, f);
    bool triple = flags & STR_TRIPLE;
    t->kind = T_STRING;
    t->flags = (uint8_t)flags;
    t->body = qpos + (triple ? 3 : 1);
    t->body_end = end - (triple ? 3 : 1);
    if (f) {
        t->pieces = base;
        t->npieces = (int32_t)(lx->scr->npieces - base);
    }
    lx->pos = end;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

Value lexer_string_value(Lexer *lx, size_t start, size_t end, bool raw,
                         bool fstr)
{
    const char *s = lx->text;
    lx->scr->buflen = 0;
    buf_reserve(lx, end - start + 1);
    size_t p = start;
    while (p < end) {
        /* copy the plain run in one go */
        size_t q = p;
        while (q < end && s[q] != '\\' && s[q] != '\r' &&
               !(fstr && (s[q] == '{' || s[q] == '}')))
            q++;
        buf_put(lx, s + p, q - p);
        p = q;
        if (p >= end)
            break;
        if (s[p] == '\r') { /* a CRLF file's line ends are "\n" */
            if (p + 1 >= end || s[p + 1] != '\n')
                buf_put(lx, s + p, 1);
            p++;
            continue;
        }
        if (s[p] != '\\') { /* {{ or }} */
            buf_put(lx, s + p, 1);
            p += 2;
            continue;
        }
        if (raw) {
            buf_put(lx, s + p, 1);
            p++;
            continue;
        }
        char c = p + 1 < end ? s[p + 1] : 0;
        size_t esc = p;
        p += 2;
        uint32_t cp;
        int ndig = 0;
        switch (c) {
        case '\n':
            continue;
        case '\r':
            if (p < end && s[p] == '\n')
                p++;
            continue;
        case '\\':
        case '\'':
        case '"':
            buf_put(lx, &c, 1);
            continue;
        case 'n':
            buf_put(lx, "\n", 1);
            continue;
        case 't':
            buf_put(lx, "\t", 1);
            continue;
        case 'r':
            buf_put(lx, "\r", 1);
            continue;
        case 'a':
            buf_put(lx, "\a", 1);
            continue;
        case 'b':
            buf_put(lx, "\b", 1);
            continue;
        case 'f':
            buf_put(lx, "\f", 1);
            continue;
        case 'v':
            buf_put(lx, "\v", 1);
            continue;
        case 'x':
            ndig = 2;
            break;
        case 'u':
            ndig = 4;
            break;
        case 'U':
            ndig = 8;
            break;
        case 'N':
            lexer_error(lx, esc, p,
                        "\\N{...} escapes are not supported; "
                        "use \\uXXXX");
        default:
            if (c >= '0' && c <= '7') {
                cp = (uint32_t)(c - '0');
                for (int i = 0; i < 2 && p < end && s[p] >= '0' && s[p] <= '7';
                     i++)
                    cp = cp * 8 + (uint32_t)(s[p++] - '0');
                char out[4];
                buf_put(lx, out, utf8_encode(cp, out));
                continue;
            }
            /* unknown escapes keep their backslash, as in Python */
            buf_put(lx, s + esc, 1);
            p = esc + 1;
            continue;
        }
        cp = 0;
        for (int i = 0; i < ndig; i++) {
            int h = p < end ? hexval(s[p]) : -1;
            if (h < 0)
                lexer_error(lx, esc, p,
                            "(unicode error) 'unicodeescape' codec can't "
                            "decode bytes in position %zu-%zu: truncated "
                            "\\%c%s escape",
                            esc - start, p - start - 1, c,
                            c == 'x'   ? "XX"
                            : c == 'u' ? "XXXX"
                                       : "XXXXXXXX");
            cp = cp * 16 + (uint32_t)h;
            p++;
        }
        if (cp > 0x10FFFF)
            lexer_error(lx, esc, p,
                        "(unicode error) 'unicodeescape' codec can't decode "
                        "bytes in position %zu-%zu: illegal Unicode character",
                        esc - start, p - start - 1);
        if (cp >= 0xD800 && cp <= 0xDFFF)
            lexer_error(lx, esc, p,
                        "(unicode error) surrogate code point U+%04X cannot "
                        "be encoded in UTF-8",
                        (unsigned)cp);
        char out[4];
        buf_put(lx, out, utf8_encode(cp, out));
    }
    Value v =
        v_str_n(lx->scr->buf ? lx->scr->buf : "", (int64_t)lx->scr->buflen);
    if (v_is_err(v))
        longjmp(*lx->fail, 1);
    return v;
}

/* ------------------------------------------------------------- names */

static const struct {
    const char *word;
    uint8_t kind;
} keywords[] = {
    {"if", T_IF},
    {"elif", T_ELIF},
    {"else", T_ELSE},
    {"end", T_END},
    {"for", T_FOR},
    {"in", T_IN},
    {"while", T_WHILE},
    {"break", T_BREAK},
    {"continue", T_CONTINUE},
    {"def", T_DEF},
    {"return", T_RETURN},
    {"and", T_AND},
    {"or", T_OR},
    {"not", T_NOT},
    {"is", T_IS},
    {"import", T_IMPORT},
    {"as", T_AS},
    {"global", T_GLOBAL},
    {"nonlocal", T_NONLOCAL},
    {"try", T_TRY},
    {"catch", T_CATCH},
    {"with", T_WITH},
    {"del", T_DEL},
    {"pass", T_PASS},
    {"assert", T_ASSERT},
    {"True", T_TRUE},
    {"False", T_FALSE},
    {"None", T_NONE},
};

static TokKind keyword(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return T_NAME;
    for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
        if (keywords[i].word[0] == s[0] && strlen(keywords[i].word) == n &&
            memcmp(keywords[i].word, s, n) == 0)
            return (TokKind)keywords[i].kind;
    return T_NAME;
}

/* A name from p (its first character is known to start one). */
static size_t scan_name(Lexer *lx, size_t p)
{
    const unsigned char *s = (const unsigned char *)lx->text;
    for (;;) {
        if (p >= lx->limit)
            return p;
        if (s[p] < 0x80) {
            if (!(cclass[s[p]] & C_ID))
                return p;
            p++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(s + p, lx->limit - p, &cp);
        if (!len || !is_id_cp(cp, false))
            return p;
        p += (size_t)len;
    }
}

/* ------------------------------------------------------------- tokens */

void lexer_next(Lexer *lx, Token *t)
{
    const char *s = lx->text;
    size_t p = lx->pos;
    /* blanks, comments, continuations, newlines inside brackets */
    for (;;) {
        if (p >= lx->limit)
            break;
        unsigned char c = (unsigned char)s[p];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
            p++;
        } else if (c == '#') {
            const char *nl = memchr(s + p, '\n', lx->limit - p);
            p = nl ? (size_t)(nl - s) : lx->limit;
        } else if (c == '\\') {
            size_t q = p + 1;
            if (q < lx->limit && s[q] == '\r')
                q++;
            if (q < lx->limit && s[q] == '\n') {
                p = q + 1;
            } else if (q >= lx->limit) {
                if (lx->limit >= lx->src->len)
                    lx->incomplete = true;
                lexer_error(lx, p, p + 1, "unexpected EOF while parsing");
            } else
                lexer_error(lx, p, p + 1,
                            "unexpected character after line continuation "
                            "character");
        } else if (c == '\n') {
            if (lx->depth > 0 || lx->line_start) {
                p++;
                continue;
            }
            break;
        } else if (c == 0xEF && p == 0 && (unsigned char)s[1] == 0xBB &&
                   (unsigned char)s[2] == 0xBF) {
            p += 3; /* a UTF-8 byte order mark */
        } else
            break;
    }
    lx->pos = p;
    memset(t, 0, sizeof *t);
    t->start = p;
    t->depth = lx->depth;
    if (p >= lx->limit) {
        t->kind = T_EOF;
        t->end = p;
        t->span = lexer_span(lx, p, p);
        return;
    }
    lx->line_start = false;
    unsigned char c = (unsigned char)s[p];
    TokKind k;
    size_t n = 1;
    switch (c) {
    case '\n':
        lx->line_start = true;
        k = T_NEWLINE;
        break;
    case '(':
        k = T_LPAREN;
        lx->depth++;
        break;
    case '[':
        k = T_LBRACKET;
        lx->depth++;
        break;
    case '{':
        k = T_LBRACE;
        lx->depth++;
        break;
    case ')':
    case ']':
    case '}':
        k = c == ')' ? T_RPAREN : c == ']' ? T_RBRACKET : T_RBRACE;
        if (lx->depth > 0)
            lx->depth--;
        break;
    case ',':
        k = T_COMMA;
        break;
    case ':':
        k = T_COLON;
        break;
    case ';':
        k = T_SEMI;
        break;
    case '~':
        k = T_TILDE;
        break;
    case '.':
        if (is_digit((unsigned char)s[p + 1]) && p + 1 < lx->limit) {
            lex_number(lx, t);
            goto done;
        }
        if (s[p + 1] == '.' && s[p + 2] == '.' && p + 2 < lx->limit) {
            k = T_ELLIPSIS;
            n = 3;
        } else
            k = T_DOT;
        break;
    case '"':
    case '\'':
        lex_string(lx, t, p, 0);
        goto done;
    default:
        if (is_digit(c)) {
            lex_number(lx, t);
            goto done;
        }
        if (c >= 0x80 || (cclass[c] & C_ID)) {
            if (c >= 0x80) {
                uint32_t cp;
                int len = utf8_decode((const unsigned char *)s + p,
                                      lx->limit - p, &cp);
                if (!len || !is_id_cp(cp, true))
                    bad_char(lx, p);
            } else {
                int fl;
                size_t pl = string_prefix(s, p, lx->limit, &fl);
                if (pl) {
                    lex_string(lx, t, p + pl, fl);
                    goto done;
                }
            }
            size_t e = scan_name(lx, p);
            t->kind = (uint8_t)keyword(s + p, e - p);
            lx->pos = e;
            goto done;
        }
        {
            /* operators: the longest match */
            char c1 = p + 1 < lx->limit ? s[p + 1] : 0;
            char c2 = p + 2 < lx->limit ? s[p + 2] : 0;
            switch (c) {
            case '+':
                k = c1 == '=' ? (n = 2, T_PLUS_EQ) : T_PLUS;
                break;
            case '-':
                k = c1 == '='   ? (n = 2, T_MINUS_EQ)
                    : c1 == '>' ? (n = 2, T_ARROW)
                                : T_MINUS;
                break;
            case '*':
                if (c1 == '*')
                    k = c2 == '=' ? (n = 3, T_DSTAR_EQ) : (n = 2, T_DSTAR);
                else
                    k = c1 == '=' ? (n = 2, T_STAR_EQ) : T_STAR;
                break;
            case '/':
                if (c1 == '/')
                    k = c2 == '=' ? (n = 3, T_DSLASH_EQ) : (n = 2, T_DSLASH);
                else
                    k = c1 == '=' ? (n = 2, T_SLASH_EQ) : T_SLASH;
                break;
            case '%':
                k = c1 == '=' ? (n = 2, T_PERCENT_EQ) : T_PERCENT;
                break;
            case '@':
                k = c1 == '=' ? (n = 2, T_AT_EQ) : T_AT;
                break;
            case '&':
                k = c1 == '=' ? (n = 2, T_AMP_EQ) : T_AMP;
                break;
            case '|':
                k = c1 == '=' ? (n = 2, T_PIPE_EQ) : T_PIPE;
                break;
            case '^':
                k = c1 == '=' ? (n = 2, T_CARET_EQ) : T_CARET;
                break;
            case '<':
                if (c1 == '<')
                    k = c2 == '=' ? (n = 3, T_LSHIFT_EQ) : (n = 2, T_LSHIFT);
                else
                    k = c1 == '=' ? (n = 2, T_LE) : T_LT;
                break;
            case '>':
                if (c1 == '>')
                    k = c2 == '=' ? (n = 3, T_RSHIFT_EQ) : (n = 2, T_RSHIFT);
                else
                    k = c1 == '=' ? (n = 2, T_GE) : T_GT;
                break;
            case '=':
                k = c1 == '=' ? (n = 2, T_EQ) : T_ASSIGN;
                break;
            case '!':
                if (c1 == '=') {
                    k = T_NE;
                    n = 2;
                    break;
                }
                bad_char(lx, p);
            default:
                bad_char(lx, p);
            }
        }
    }
    t->kind = (uint8_t)k;
    lx->pos = p + n;
done:
    t->end = lx->pos;
    t->span = lexer_span(lx, t->start, t->end);
}
