/* errors.c — the room of errors: the one pending exception, its place and
 * traceback, the report that LANGUAGE.md §6 shows (file:L:C: Kind: message,
 * the source line, ^~~~ under the failing span), the error objects that
 * `catch e` binds, and the floating-point modes (seterr/errstate) that turn
 * libnd's status word into RuntimeWarnings or FloatingPointErrors.
 *
 * The pending exception is kept as plain C data rather than as an object so
 * that raising never allocates an object (a MemoryError must be raisable
 * when memory is gone); rt_take_pending makes the object when a handler
 * wants one.
 *
 * Traceback frames: the evaluator calls rt_add_frame(callee, call place)
 * each time a call of a function fails, innermost first.  The report prints
 * them as Python does, outermost first, each place labelled with the name of
 * the function it sits in:
 *
 *     Traceback (most recent call last):
 *       demo.nd:8:1: in <module>
 *       demo.nd:5:12: in f
 *       demo.nd:2:9: in g
 *     demo.nd:2:9: ZeroDivisionError: division by zero
 *         return 1 // 0
 *                ^~~~~~
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "interp.h"

/* ------------------------------------------------------------- kinds */

static const char *const extra_kind_names[] = {
    [ERR_NAME - ERR_NAME] = "NameError",
    [ERR_UNBOUND_LOCAL - ERR_NAME] = "UnboundLocalError",
    [ERR_SYNTAX - ERR_NAME] = "SyntaxError",
    [ERR_IMPORT - ERR_NAME] = "ImportError",
    [ERR_ASSERTION - ERR_NAME] = "AssertionError",
    [ERR_RECURSION - ERR_NAME] = "RecursionError",
};

const char *err_kind_name(ErrKind kind)
{
    if ((int)kind > 0 && (int)kind < ND_ERR_COUNT)
        return nd_error_kind_name((NdErrorKind)kind);
    if (kind >= ERR_NAME && kind < ERR_KIND_COUNT)
        return extra_kind_names[kind - ERR_NAME];
    return "Error";
}

/* The kind a name stands for; ERR_KIND_COUNT for a user's own kind. */
static ErrKind kind_from_name(const char *name)
{
    for (int k = 1; k < ERR_KIND_COUNT; k++)
        if (strcmp(err_kind_name((ErrKind)k), name) == 0)
            return (ErrKind)k;
    return ERR_KIND_COUNT;
}

/* ----------------------------------------------------- the pending slot */

typedef struct TbFrame {
    char *func;   /* the function that was called */
    Source *src;  /* a reference held */
    SrcSpan span; /* where it was called */
} TbFrame;

/* An exception: what is pending, and what an error object holds. */
typedef struct Exc {
    ErrKind kind;    /* ERR_RUNTIME for a user-named kind */
    char *kind_name; /* the name shown: err_kind_name or the user's */
    char *message;
    Source *src; /* the place: NULL when none yet */
    SrcSpan span;
    int nframes, capframes;
    TbFrame *frames;
} Exc;

/* What the slot holds when there is no memory for the text itself. */
static char oom_message[] = "out of memory";
static char memory_kind_name[] = "MemoryError";

static bool pending;
static Exc exc;

/* (declared in interp.h) */
char *rt_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static void free_text(char *s)
{
    if (s != oom_message && s != memory_kind_name)
        free(s);
}

static void exc_release(Exc *e)
{
    free_text(e->kind_name);
    free_text(e->message);
    if (e->src)
        source_decref(e->src);
    for (int i = 0; i < e->nframes; i++) {
        free(e->frames[i].func);
        source_decref(e->frames[i].src);
    }
    free(e->frames);
    memset(e, 0, sizeof *e);
}

/* A deep copy (new references to the sources); false when out of memory. */
static bool exc_copy(Exc *dst, const Exc *src)
{
    memset(dst, 0, sizeof *dst);
    dst->kind = src->kind;
    dst->kind_name = rt_strdup(src->kind_name);
    dst->message = rt_strdup(src->message);
    dst->frames = src->nframes ? malloc(sizeof(TbFrame) * src->nframes) : NULL;
    if (!dst->kind_name || !dst->message || (src->nframes && !dst->frames)) {
        free(dst->kind_name);
        free(dst->message);
        free(dst->frames);
        memset(dst, 0, sizeof *dst);
        return false;
    }
    if (src->src) {
        dst->src = src->src;
        source_incref(dst->src);
        dst->span = src->span;
    }
    for (int i = 0; i < src->nframes; i++) {
        char *name = rt_strdup(src->frames[i].func);
        if (!name)
            break; /* a shorter traceback beats no error at all */
        dst->frames[i] = src->frames[i];
        dst->frames[i].func = name;
        source_incref(dst->frames[i].src);
        dst->nframes = i + 1;
    }
    dst->capframes = dst->nframes;
    return true;
}

/* Make `kind`/`name`/`message` the pending exception (message taken). */
static void set_pending(ErrKind kind, const char *name, char *message)
{
    exc_release(&exc);
    exc.kind = kind;
    exc.kind_name = rt_strdup(name);
    exc.message = message;
    if (!exc.kind_name || !exc.message) {
        free(exc.kind_name);
        free(exc.message);
        exc.kind = ERR_MEMORY;
        exc.kind_name = memory_kind_name;
        exc.message = oom_message;
    }
    pending = true;
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *s = malloc((size_t)n + 1);
    if (s && vsnprintf(s, (size_t)n + 1, fmt, ap) < 0)
        s[0] = '\0';
    return s;
}

Value rt_raisev(ErrKind kind, const char *fmt, va_list ap)
{
    set_pending(kind, err_kind_name(kind), vformat(fmt, ap));
    return v_error();
}

Value rt_raise(ErrKind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rt_raisev(kind, fmt, ap);
    va_end(ap);
    return v_error();
}

Value rt_raise_named(const char *kind, const char *message)
{
    ErrKind k = kind_from_name(kind);
    set_pending(k == ERR_KIND_COUNT ? ERR_RUNTIME : k, kind,
                rt_strdup(message));
    return v_error();
}

Value rt_from_lib(void)
{
    NdErrorKind k = nd_error_kind();
    if (k == ND_OK)
        /* A callee failed without saying why: a bug, but report it as one
         * rather than crash or pretend success. */
        rt_raise(ERR_RUNTIME, "internal error: operation failed without an "
                              "error record");
    else
        rt_raise((ErrKind)k, "%s", nd_error_message());
    nd_error_clear();
    return v_error();
}

int rt_fail(ErrKind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rt_raisev(kind, fmt, ap);
    va_end(ap);
    return -1;
}

int rt_fail_from_lib(void)
{
    rt_from_lib();
    return -1;
}

bool rt_pending(void)
{
    return pending;
}

ErrKind rt_pending_errkind(void)
{
    return pending ? exc.kind : (ErrKind)0;
}

void rt_clear(void)
{
    exc_release(&exc);
    pending = false;
}

const char *rt_pending_kind(void)
{
    return pending ? exc.kind_name : "";
}

const char *rt_pending_message(void)
{
    return pending ? exc.message : "";
}

void rt_set_place(const Source *src, SrcSpan span)
{
    /* The innermost failing node sets it first; outer nodes keep it. */
    if (!pending || exc.src || !src)
        return;
    exc.src = (Source *)src;
    source_incref(exc.src);
    exc.span = span;
}

void rt_add_frame(const char *func, const Source *src, SrcSpan span)
{
    if (!pending || !src)
        return;
    if (exc.nframes == exc.capframes) {
        int cap = exc.capframes ? exc.capframes * 2 : 8;
        TbFrame *f = realloc(exc.frames, sizeof(TbFrame) * (size_t)cap);
        if (!f)
            return;
        exc.frames = f;
        exc.capframes = cap;
    }
    char *name = rt_strdup(func ? func : "?");
    if (!name)
        return;
    TbFrame *f = &exc.frames[exc.nframes++];
    f->func = name;
    f->src = (Source *)src;
    source_incref(f->src);
    f->span = span;
}

Value rt_syntax_error(const Source *src, SrcSpan span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rt_raisev(ERR_SYNTAX, fmt, ap);
    va_end(ap);
    rt_set_place(src, span);
    return v_error();
}

/* ------------------------------------------------------------ reporting */

/* Lines longer than this are shown as a window around the span. */
enum { LONG_LINE = 1000, WINDOW_BEFORE = 60, WINDOW_WIDTH = 160 };

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if none. */
static int utf8_len(const unsigned char *s, size_t n)
{
    int len;
    unsigned min;
    unsigned cp;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xE0) == 0xC0) {
        len = 2, min = 0x80, cp = s[0] & 0x1F;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3, min = 0x800, cp = s[0] & 0x0F;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, cp = s[0] & 0x07;
    } else {
        return 0;
    }
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Write bytes [from, to) of a line as one display column per character:
 * tabs kept, control bytes and invalid UTF-8 shown as '?'.  With `marks`,
 * write the underline instead: blanks (tabs kept) before byte `mark_from`,
 * '^' on it, '~' up to byte `mark_to`. */
static void put_line(FILE *f, const char *line, size_t from, size_t to,
                     bool marks, size_t mark_from, size_t mark_to)
{
    const unsigned char *s = (const unsigned char *)line;
    size_t i = from;
    while (i < to) {
        int n = utf8_len(s + i, to - i);
        bool ok = n > 0 && !(n == 1 && (s[i] < 0x20 || s[i] == 0x7F));
        if (!ok)
            n = 1;
        if (marks) {
            if (i >= mark_to)
                break;
            if (i < mark_from)
                fputc(s[i] == '\t' ? '\t' : ' ', f);
            else
                fputc(i == mark_from ? '^' : '~', f);
        } else if (s[i] == '\t') {
            fputc('\t', f);
        } else if (ok) {
            fwrite(s + i, 1, (size_t)n, f);
        } else {
            fputc('?', f);
        }
        i += (size_t)n;
    }
    /* A span starting at the end of the line (an unexpected end of input)
     * still gets its caret. */
    if (marks && mark_from >= to && mark_from <= to + 1) {
        if (i < mark_from)
            fputc(' ', f);
        fputc('^', f);
    }
}

static void show_source(FILE *f, const Source *src, SrcSpan span)
{
    if (span.line < 1 || span.line > src->nlines)
        return;
    size_t len = 0;
    const char *line = source_line(src, span.line, &len);
    if (!line)
        return;
    while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == '\n'))
        len--;
    size_t from = span.col >= 1 ? (size_t)span.col - 1 : 0;
    size_t to = span.end_line > span.line || span.end_col < span.col
                    ? len
                    : (size_t)span.end_col;
    if (span.end_line < span.line)
        to = from + 1;
    if (to > len)
        to = len;
    if (from > len)
        from = len;
    if (to <= from)
        to = from + 1; /* at least the caret */

    size_t w0 = 0, w1 = len;
    if (len > LONG_LINE) {
        w0 = from > WINDOW_BEFORE ? from - WINDOW_BEFORE : 0;
        while (w0 > 0 && ((unsigned char)line[w0] & 0xC0) == 0x80)
            w0--;
        w1 = w0 + WINDOW_WIDTH < len ? w0 + WINDOW_WIDTH : len;
        while (w1 < len && ((unsigned char)line[w1] & 0xC0) == 0x80)
            w1++;
        if (to > w1)
            to = w1 > from ? w1 : from + 1;
    }
    fputs("    ", f);
    if (w0 > 0)
        fputs("...", f);
    put_line(f, line, w0, w1, false, 0, 0);
    if (w1 < len)
        fputs("...", f);
    fputs("\n    ", f);
    if (w0 > 0)
        fputs("   ", f);
    put_line(f, line, w0, w1, true, from, to);
    fputc('\n', f);
}

static void put_place(FILE *f, const Source *src, SrcSpan span)
{
    fprintf(f, "%s:%d:%d: ", src->name, (int)span.line, (int)span.col);
}

static void put_repeated(FILE *f, int count)
{
    if (count > 3)
        fprintf(f, "  [Previous line repeated %d more time%s]\n", count - 3,
                count - 3 > 1 ? "s" : "");
}

bool rt_color;

static void report_exc(FILE *f, const Exc *e)
{
    if (e->nframes > 0) {
        fputs("Traceback (most recent call last):\n", f);
        /* Line k (0 = outermost) is the place of frame nframes-1-k, in the
         * function of the frame outside it; the last line is the error's
         * own place, in the innermost function. */
        const TbFrame *prev = NULL;
        const char *prev_func = NULL;
        int count = 0; /* identical lines so far, the first included */
        for (int i = e->nframes - 1; i >= -1; i--) {
            if (i < 0 && !e->src)
                break;
            TbFrame cur = {
                .func = (char *)(i == e->nframes - 1 ? "<module>"
                                                     : e->frames[i + 1].func),
                .src = i >= 0 ? e->frames[i].src : e->src,
                .span = i >= 0 ? e->frames[i].span : e->span,
            };
            /* Deep recursion: a line repeated more than three times is
             * summarised, as Python does. */
            if (prev && prev->src == cur.src &&
                prev->span.line == cur.span.line &&
                prev->span.col == cur.span.col &&
                strcmp(prev_func, cur.func) == 0) {
                if (++count > 3)
                    continue;
            } else {
                put_repeated(f, count);
                count = 1;
            }
            prev = i >= 0 ? &e->frames[i] : NULL;
            prev_func = cur.func;
            fputs("  ", f);
            put_place(f, cur.src, cur.span);
            fprintf(f, "in %s\n", cur.func);
        }
        put_repeated(f, count);
    }
    if (e->src)
        put_place(f, e->src, e->span);
    if (rt_color)
        fprintf(f, "\033[1;31m%s\033[0m", e->kind_name);
    else
        fputs(e->kind_name, f);
    if (e->message[0]) {
        fputs(": ", f);
        fputs(e->message, f);
    }
    fputc('\n', f);
    if (e->src)
        show_source(f, e->src, e->span);
}

void rt_report(void)
{
    if (!pending)
        return;
    /* exit(n) unwinds as an uncatchable error (builtins.h, EXIT_MESSAGE):
     * it ends the run silently. */
    if (interp_exit_requested && exc.kind == ERR_INTERRUPT)
        return;
    fflush(stdout); /* what the program printed comes before its error */
    report_exc(stderr, &exc);
    fflush(stderr);
}

/* ------------------------------------------------------- error objects */

typedef struct ErrorObj {
    NativeObj h;
    Exc exc;
} ErrorObj;

static void error_finalize(Obj *self)
{
    exc_release(&((ErrorObj *)self)->exc);
}

static Value error_str(Value self)
{
    return v_str(((ErrorObj *)self.as.obj)->exc.message);
}

static Value error_repr(Value self)
{
    const Exc *e = &((ErrorObj *)self.as.obj)->exc;
    Value msg = v_str(e->message);
    if (v_is_err(msg))
        return msg;
    Value r = v_to_repr(msg);
    v_decref(msg);
    if (v_is_err(r))
        return r;
    size_t nk = strlen(e->kind_name);
    size_t nr = (size_t)as_str(r)->nbytes;
    char *buf = malloc(nk + nr + 3);
    if (!buf) {
        v_decref(r);
        return rt_raise(ERR_MEMORY, "out of memory");
    }
    memcpy(buf, e->kind_name, nk);
    buf[nk] = '(';
    memcpy(buf + nk + 1, as_str(r)->data, nr);
    buf[nk + 1 + nr] = ')';
    buf[nk + 2 + nr] = '\0';
    v_decref(r);
    Value out = v_str(buf);
    free(buf);
    return out;
}

static Value error_getattr(Value self, const char *name)
{
    const Exc *e = &((ErrorObj *)self.as.obj)->exc;
    if (strcmp(name, "kind") == 0)
        return v_str(e->kind_name);
    if (strcmp(name, "message") == 0)
        return v_str(e->message);
    return v_unset();
}

const NativeType error_type = {
    .name = "error",
    .size = sizeof(ErrorObj),
    .finalize = error_finalize,
    .str = error_str,
    .repr = error_repr,
    .getattr = error_getattr,
    .help = "An error caught by try ... catch e ... end.\n"
            "\n"
            "e.kind is its kind as a str (\"ValueError\"), e.message its "
            "message;\nstr(e) is the message and error(e) raises it again.\n"
            "\n"
            ">>> try; int(\"x\"); catch e; print(e.kind); end\n"
            "ValueError\n",
};

Value rt_take_pending(void)
{
    if (!pending)
        return v_none();
    Value v = native_new(&error_type);
    if (v_is_err(v))
        return v; /* the MemoryError is pending now */
    ErrorObj *o = (ErrorObj *)v.as.obj;
    o->exc = exc; /* moved, references and all */
    memset(&exc, 0, sizeof exc);
    pending = false;
    return v;
}

void rt_restore(Value error_object)
{
    if (error_object.kind != VK_OBJECT ||
        native_type(error_object) != &error_type) {
        rt_raise(ERR_TYPE, "exceptions must be error objects");
        return;
    }
    Exc copy;
    if (!exc_copy(&copy, &((ErrorObj *)error_object.as.obj)->exc)) {
        rt_raise(ERR_MEMORY, "out of memory");
        return;
    }
    exc_release(&exc);
    exc = copy;
    pending = true;
}

/* ------------------------------------------------- floating-point modes */

static FpeModes fpe_modes = {
    .divide = FPE_WARN,
    .over = FPE_WARN,
    .under = FPE_IGNORE,
    .invalid = FPE_WARN,
};

FpeModes fpe_modes_get(void)
{
    return fpe_modes;
}

void fpe_modes_set(FpeModes m)
{
    fpe_modes = m;
}

/* Python's "default" warning filter: a warning is shown once per place
 * (file, line) and text.  A hash set of what was shown, so a loop that
 * divides by zero warns once. */
static uint64_t *warned;
static size_t nwarned, capwarned;

static uint64_t hash_bytes(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001B3ull;
    return h;
}

/* true when (file, line, text) was not shown yet (and remember it). */
static bool first_warning(const char *file, int line, const char *text)
{
    uint64_t h = hash_bytes(0xCBF29CE484222325ull, file);
    h = (h ^ (uint64_t)(uint32_t)line) * 0x100000001B3ull;
    h = hash_bytes(h, text);
    if (h == 0)
        h = 1; /* 0 marks an empty slot */
    if (2 * (nwarned + 1) > capwarned) {
        size_t cap = capwarned ? capwarned * 2 : 64;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t)
            return true; /* warn again rather than lose the warning */
        for (size_t i = 0; i < capwarned; i++) {
            if (!warned[i])
                continue;
            size_t j = warned[i] & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = warned[i];
        }
        free(warned);
        warned = t;
        capwarned = cap;
    }
    size_t j = h & (capwarned - 1);
    while (warned[j]) {
        if (warned[j] == h)
            return false;
        j = (j + 1) & (capwarned - 1);
    }
    warned[j] = h;
    nwarned++;
    return true;
}

void rt_warnings_reset(void)
{
    free(warned);
    warned = NULL;
    nwarned = capwarned = 0;
}

/* A warning's text may name its category ("RankWarning: ..."); otherwise
 * it is a RuntimeWarning, the kind every floating-point event gives. */
static bool has_category(const char *text)
{
    const char *colon = strstr(text, "Warning: ");
    if (!colon || colon == text)
        return false;
    for (const char *p = text; p < colon; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
            return false;
    return true;
}

static void put_warning(const Source *src, SrcSpan span, const char *text)
{
    const char *file = src ? src->name : "nd";
    int line = src ? (int)span.line : 0;
    if (first_warning(file, line, text)) {
        fflush(stdout);
        fprintf(stderr, "%s:%d: %s%s\n", file, line,
                has_category(text) ? "" : "RuntimeWarning: ", text);
        fflush(stderr);
    }
}

/* Code of nd's own stdlib: its warnings are reported at the user's line
 * that called into it (Python's stacklevel), not at the library's. */
static bool is_stdlib_source(const Source *src)
{
    static const char *const dirs[] = {ND_SRCDIR "/stdlib/",
                                       ND_PKGDATADIR "/stdlib/"};
    if (!src || !src->name)
        return false;
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
        if (!strncmp(src->name, dirs[i], strlen(dirs[i])))
            return true;
    return false;
}

int rt_check_fpe(const Source *src, SrcSpan span)
{
    unsigned status = nd_fpe_status();
    if (!status && !nd_warning(0))
        return 0; /* the common case: nothing to report */
    bool in_stdlib = is_stdlib_source(src);
    if (nd_warning(0) && !in_stdlib) {
        for (int i = 0; nd_warning(i); i++)
            put_warning(src, span, nd_warning(i));
        nd_warnings_clear();
    }
    if (!status)
        return 0;
    static const struct {
        unsigned flag;
        const char *what;
    } events[] = {
        {ND_FPE_DIVIDEBYZERO, "divide by zero"},
        {ND_FPE_OVERFLOW, "overflow"},
        {ND_FPE_UNDERFLOW, "underflow"},
        {ND_FPE_INVALID, "invalid value"},
    };
    const uint8_t modes[] = {fpe_modes.divide, fpe_modes.over, fpe_modes.under,
                             fpe_modes.invalid};
    int rc = 0;
    /* NumPy's order: divide, over, under, invalid; a raise ends it. */
    for (int i = 0; i < 4 && rc == 0; i++) {
        if (!(status & events[i].flag) || modes[i] == FPE_IGNORE)
            continue;
        const char *origin = nd_fpe_origin(events[i].flag);
        char text[160];
        snprintf(text, sizeof text, "%s encountered in %s", events[i].what,
                 origin ? origin : "operation");
        if (modes[i] == FPE_RAISE) {
            rt_raise(ERR_FLOATING_POINT, "%s", text);
            rt_set_place(src, span);
            rc = -1;
        } else if (in_stdlib) {
            nd_warn(text); /* queued: reported at the user's line */
        } else {
            put_warning(src, span, text);
        }
    }
    nd_fpe_clear();
    return rc;
}
