/* repl.c — the interactive session of LANGUAGE.md §8: what a person meets
 * when typing `nd` at a terminal.  GNU readline reads the entries (line
 * editing, bracketed paste), the `>>> ` and `... ` prompts follow the parser
 * (an open block or bracket continues), each complete entry runs in the
 * __main__ module with echo (the evaluator echoes and sets `_`), errors are
 * reported and the session goes on.  This file also owns the history file,
 * tab completion, `?name`, colour, and the one SIGINT handler that both the
 * prompt (Ctrl-C clears the entry) and a running program (Ctrl-C stops it)
 * rely on.
 *
 * History: one entry a line in $ND_HISTFILE (empty: no history), else
 * $XDG_STATE_HOME/nd/history, else ~/.local/state/nd/history.  A multi-line
 * entry is one line of the file, its newlines written `\n` and backslashes
 * `\\` (any other backslash reads as itself, so a plain list of lines loads
 * too).  Each entry is appended the moment it is entered, with one
 * O_APPEND write, so what was typed survives Ctrl-D, exit(), an error and
 * even a crash; when the session ends the file is trimmed to its last 10000
 * entries by writing a temporary file and renaming it over the old one, so
 * a reader never sees half a file.  Appending (rather than rewriting what
 * this session loaded) keeps the entries of sessions running side by side.
 *
 * Completion (Tab; a second Tab lists the candidates): names (variables of
 * __main__, builtins, keywords), members after `.` (a module's tables or
 * globals, an array's attributes and methods, the methods of str, list,
 * dict and native objects), dict keys inside `d["`, and file names inside
 * any other string literal.  Completion only reads values: the dotted name
 * before the `.` is looked up, never evaluated.  Tab with only blanks before
 * the cursor indents (four spaces), as typing a block body wants.
 *
 * Ctrl-C: readline does not catch signals here (rl_catch_signals = 0, as
 * CPython's readline module does); our handler stays installed, passes a
 * SIGINT that landed on another thread (a library's thread pool) to the
 * reading thread so that its read is interrupted, and the interrupted read
 * calls on_readline_signal, which shows ^C and starts a new entry.  While
 * a program runs the handler sets interp_interrupted, which the evaluator
 * and libnd's iterator poll.
 *
 * Without a terminal on standard input and output the same loop reads
 * plain lines and writes its prompts to stderr (Python's choice), with no
 * history, completion or colour.
 */
#define _POSIX_C_SOURCE 200809L /* sigaction, getline, fsync, getpwuid */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Without this readline declares an old `Function` typedef that clashes
 * with interp.h's. */
#define _FUNCTION_DEF
#include <readline/history.h>
#include <readline/readline.h>

#include "builtins/builtins.h"
#include "config.h"
#include "eval.h"
#include "parser.h"
#include "repl.h"

static const char banner_text[] =
    "nd " PACKAGE_VERSION " - NumPy's semantics, blocks closed by end.\n"
    "Type help() or help(name) for help, exit() or Ctrl-D to leave.\n";

/* ------------------------------------------------------------- signals */

/* How many SIGINTs arrived since the last entry or run started.  The
 * handler only sets flags; the evaluator and libnd poll interp_interrupted
 * (libnd's nd_interrupt_requested). */
static volatile sig_atomic_t sigint_count;
/* Set while the REPL waits for input, where Ctrl-C clears the entry. */
static volatile sig_atomic_t reading_input;
/* When the unanswered Ctrl-C came (CLOCK_MONOTONIC seconds). */
static volatile sig_atomic_t first_sigint_time;

static long monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts); /* async-signal-safe */
    return (long)ts.tv_sec;
}

/* The thread that reads the entries (the program's thread, main.c). */
static pthread_t reader;
static volatile sig_atomic_t reader_known;

static void on_sigint(int sig)
{
    (void)sig;
    /* A SIGINT for the process may land on any thread that does not block
     * it (library thread pools, the sanitizers' threads); at the prompt the
     * reader must get it, so that its read is interrupted. */
    if (reading_input && reader_known &&
        !pthread_equal(pthread_self(), reader)) {
        pthread_kill(reader, SIGINT);
        return;
    }
    if (!reading_input && sigint_count > 0 && interp_interrupted &&
        monotonic_seconds() - first_sigint_time >= 2) {
        /* Ctrl-C again, seconds after the first is still unanswered (a long
         * kernel that does not poll): give up as the default action would.
         * (Signals a moment apart are one Ctrl-C: timeout(1) and terminals
         * may deliver one to the process and again to its group.) */
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
        return;
    }
    if (!interp_interrupted)
        first_sigint_time = (sig_atomic_t)monotonic_seconds();
    sigint_count++;
    if (!reading_input)
        interp_interrupted = 1;
}

void repl_install_sigint(void)
{
    /* Keep an inherited "ignore" (nohup, a background job), as Python does:
     * the parent asked for Ctrl-C not to reach us. */
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a read in the REPL returns EINTR */
    sigaction(SIGINT, &sa, NULL);
}

bool repl_sigint_seen(void)
{
    return sigint_count > 0;
}

void repl_sigint_reset(void)
{
    sigint_count = 0;
    interp_interrupted = 0;
}

/* ------------------------------------------------------------- entries */

/* A growable text: the lines of one REPL entry. */
typedef struct Entry {
    char *text;
    size_t len, cap;
} Entry;

static bool entry_add(Entry *e, const char *line)
{
    size_t n = strlen(line);
    if (e->len + n + 2 > e->cap) {
        size_t cap = e->cap ? e->cap : 256;
        while (e->len + n + 2 > cap)
            cap *= 2;
        char *t = realloc(e->text, cap);
        if (!t)
            return false;
        e->text = t;
        e->cap = cap;
    }
    memcpy(e->text + e->len, line, n);
    e->len += n;
    e->text[e->len++] = '\n';
    e->text[e->len] = '\0';
    return true;
}

static bool is_blank_char(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (!is_blank_char(*s))
            return false;
    return true;
}

/* Whether the entry so far is unfinished (an open block or bracket): the
 * parser decides.  A complete entry, right or wrong, is run; interp_run
 * parses it again and reports its SyntaxError with the place. */
static bool entry_incomplete(const Entry *e)
{
    Source *src = source_new("<stdin>", e->text, e->len);
    if (!src)
        return false; /* interp_run will meet the MemoryError */
    bool incomplete = false;
    if (!parse_program(src)) {
        incomplete = parse_incomplete();
        rt_clear();
    }
    source_decref(src);
    return incomplete;
}

/* -------------------------------------------------------------- values */

static bool ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool ident_char(char c)
{
    return ident_start(c) || (c >= '0' && c <= '9');
}

/* Whether s[0..n) is NAME(.NAME)*. */
static bool dotted_name(const char *s, size_t n)
{
    if (n == 0)
        return false;
    bool at_start = true;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            if (at_start)
                return false;
            at_start = true;
        } else if (at_start ? ident_start(s[i]) : ident_char(s[i])) {
            at_start = false;
        } else {
            return false;
        }
    }
    return !at_start;
}

/* The value a variable of __main__ or a builtin holds (a new reference),
 * or VK_UNSET. */
static Value lookup_name(const char *name)
{
    Module *m = interp_main_module();
    if (m && m->globals.kind == VK_DICT) {
        Value cv = dict_get_str(m->globals, name);
        if (cv.kind == VK_CELL) {
            Value v = ((Cell *)cv.as.obj)->v;
            if (v.kind != VK_UNSET) {
                v_incref(v);
                return v;
            }
        }
    }
    Cell *c = builtin_cell(name);
    if (c) {
        v_incref(c->v);
        return c->v;
    }
    rt_clear();
    return v_unset();
}

/* The value of a dotted name s[0..n) without running anything: a variable
 * or builtin, then members of modules and attributes of arrays (both pure
 * reads).  A new reference, or VK_UNSET. */
static Value lookup_dotted(const char *s, size_t n)
{
    if (!dotted_name(s, n))
        return v_unset();
    char *buf = malloc(n + 1);
    if (!buf)
        return v_unset();
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *part = buf, *dot = strchr(part, '.');
    if (dot)
        *dot = '\0';
    Value v = lookup_name(part);
    while (dot && v.kind != VK_UNSET) {
        part = dot + 1;
        dot = strchr(part, '.');
        if (dot)
            *dot = '\0';
        Value next = v_unset();
        if (v.kind == VK_MODULE)
            next = module_getattr((Module *)v.as.obj, part);
        else if (v.kind == VK_ARRAY)
            next = array_getattr(v, part);
        if (v_is_err(next)) {
            rt_clear();
            next = v_unset();
        }
        v_decref(v);
        v = next;
    }
    free(buf);
    return v;
}

/* ------------------------------------------------------------- history */

enum { HISTORY_MAX = 10000 };

static char *hist_path; /* NULL: no history file */
static bool hist_warned;

static char *str_join(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *s = malloc(na + nb + 1);
    if (s) {
        memcpy(s, a, na);
        memcpy(s + na, b, nb + 1);
    }
    return s;
}

/* mkdir -p with `mode` for the directories it creates. */
static void make_dirs(char *path, mode_t mode)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(path, mode);
        *p = '/';
    }
    mkdir(path, mode);
}

/* Where the history lives (malloc'd), or NULL for none. */
static char *history_path(void)
{
    const char *env = getenv("ND_HISTFILE");
    if (env)
        return *env ? strdup(env) : NULL;
    char *dir;
    const char *state = getenv("XDG_STATE_HOME");
    if (state && state[0] == '/') { /* the spec ignores relative paths */
        dir = str_join(state, "/nd");
    } else {
        const char *home = getenv("HOME");
        if (!home || !*home) {
            const struct passwd *pw = getpwuid(getuid());
            home = pw ? pw->pw_dir : NULL;
        }
        if (!home || !*home)
            return NULL;
        dir = str_join(home, "/.local/state/nd");
    }
    if (!dir)
        return NULL;
    make_dirs(dir, 0700); /* XDG: private to the user */
    char *path = str_join(dir, "/history");
    free(dir);
    return path;
}

static void history_warn(const char *what)
{
    if (hist_warned)
        return;
    hist_warned = true;
    fprintf(stderr, "nd: cannot %s history file '%s': %s\n", what, hist_path,
            strerror(errno));
}

/* An entry as one line of the file (malloc'd, with its '\n'). */
static char *history_encode(const char *s, size_t *len)
{
    size_t n = 0;
    for (const char *p = s; *p; p++)
        n += (*p == '\\' || *p == '\n') ? 2 : 1;
    char *out = malloc(n + 2);
    if (!out)
        return NULL;
    size_t k = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '\\' || *p == '\n') {
            out[k++] = '\\';
            out[k++] = *p == '\n' ? 'n' : '\\';
        } else {
            out[k++] = *p;
        }
    }
    out[k++] = '\n';
    out[k] = '\0';
    *len = k;
    return out;
}

static void history_decode(char *s)
{
    char *o = s;
    for (const char *p = s; *p; p++) {
        if (p[0] == '\\' && p[1] == 'n') {
            *o++ = '\n';
            p++;
        } else if (p[0] == '\\' && p[1] == '\\') {
            *o++ = '\\';
            p++;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
}

static void history_load(void)
{
    FILE *f = fopen(hist_path, "r");
    if (!f) {
        if (errno != ENOENT)
            history_warn("read");
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        history_decode(line);
        add_history(line); /* stifled: the oldest beyond the cap drop out */
    }
    free(line);
    fclose(f);
}

/* Append one entry to the file at once (one write with O_APPEND). */
static void history_append(const char *entry)
{
    if (!hist_path)
        return;
    size_t len;
    char *line = history_encode(entry, &len);
    if (!line)
        return;
    int fd = open(hist_path, O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (fd < 0) {
        history_warn("write");
    } else {
        ssize_t w = write(fd, line, len);
        if (w < 0 || (size_t)w != len)
            history_warn("write");
        close(fd);
    }
    free(line);
}

/* Trim the file to its last HISTORY_MAX entries: a temporary file renamed
 * over it, so the history is never half written. */
static void history_trim(void)
{
    FILE *f = fopen(hist_path, "r");
    if (!f)
        return;
    char **ring = calloc(HISTORY_MAX, sizeof *ring);
    if (!ring) {
        fclose(f);
        return;
    }
    long total = 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) >= 0) {
        if (line[0] == '\n')
            continue;
        char **slot = &ring[total % HISTORY_MAX];
        free(*slot);
        *slot = line;
        line = NULL;
        cap = 0;
        total++;
    }
    free(line);
    fclose(f);
    if (total > HISTORY_MAX) {
        char *tmp = malloc(strlen(hist_path) + 32);
        if (tmp) {
            sprintf(tmp, "%s.%ld.tmp", hist_path, (long)getpid());
            int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
            FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
            bool ok = out != NULL;
            for (long k = total - HISTORY_MAX; ok && k < total; k++) {
                const char *s = ring[k % HISTORY_MAX];
                size_t n = strlen(s);
                ok = fwrite(s, 1, n, out) == n &&
                     (s[n - 1] == '\n' || fputc('\n', out) != EOF);
            }
            ok = ok && fflush(out) == 0 && fsync(fd) == 0;
            if (out && fclose(out) != 0)
                ok = false;
            else if (!out && fd >= 0)
                close(fd);
            if (!ok || rename(tmp, hist_path) != 0) {
                history_warn("write");
                unlink(tmp);
            }
            free(tmp);
        }
    }
    for (int k = 0; k < HISTORY_MAX; k++)
        free(ring[k]);
    free(ring);
}

/* Record an entry (without its last newline) unless it repeats the one
 * before it. */
static void history_record(const char *text)
{
    if (history_length > 0) {
        HIST_ENTRY *last = history_get(history_base + history_length - 1);
        if (last && strcmp(last->line, text) == 0)
            return;
    }
    add_history(text);
    history_append(text);
}

/* ----------------------------------------------------------- completion */

static const char *const keywords[] = {
    "False",  "None",  "True",     "and",    "as",  "assert",
    "break",  "catch", "continue", "def",    "del", "elif",
    "else",   "end",   "for",      "global", "if",  "import",
    "in",     "is",    "nonlocal", "not",    "or",  "pass",
    "return", "try",   "while",    "with",   NULL,
};

/* The candidates of one completion, handed to readline one by one. */
typedef struct Matches {
    char **v;
    int n, cap;
} Matches;

static Matches matches;
static int matches_next;

/* Add head + name + tail when name starts with prefix.  Names starting
 * with '_' only when the prefix does (Python's rule for private names). */
static void match_add(const char *head, const char *name, const char *prefix,
                      const char *tail)
{
    size_t np = strlen(prefix);
    if (strncmp(name, prefix, np) != 0 || (name[0] == '_' && np == 0))
        return;
    if (matches.n == matches.cap) {
        int cap = matches.cap ? matches.cap * 2 : 64;
        char **v = realloc(matches.v, (size_t)cap * sizeof *v);
        if (!v)
            return;
        matches.v = v;
        matches.cap = cap;
    }
    size_t nh = strlen(head), nn = strlen(name), nt = strlen(tail);
    char *s = malloc(nh + nn + nt + 1);
    if (!s)
        return;
    memcpy(s, head, nh);
    memcpy(s + nh, name, nn);
    memcpy(s + nh + nn, tail, nt + 1);
    matches.v[matches.n++] = s;
}

static char *match_generator(const char *text, int state)
{
    (void)text;
    if (state == 0)
        matches_next = 0;
    return matches_next < matches.n ? matches.v[matches_next++] : NULL;
}

/* Readline takes the strings; the list itself is ours. */
static char **matches_hand_over(const char *text)
{
    char **r = matches.n ? rl_completion_matches(text, match_generator) : NULL;
    for (int k = matches_next; k < matches.n; k++)
        free(matches.v[k]); /* not taken (none, normally) */
    free(matches.v);
    matches = (Matches){0};
    matches_next = 0;
    return r;
}

/* A module completes with its '.', as the issue's `linal` -> `linalg.`. */
static const char *suffix_of(Value v)
{
    return v.kind == VK_MODULE ? "." : "";
}

static void add_table(const Namespace *ns, const char *head, const char *prefix)
{
    if (!ns)
        return;
    for (int k = 0; k < ns->ndefs; k++)
        match_add(head, ns->defs[k].name, prefix, "");
}

/* The members of a builtin module's tables; constants are made (cached) to
 * see whether they are modules. */
static void add_module_tables(Module *m, const char *head, const char *prefix)
{
    size_t np = strlen(prefix);
    for (int i = 0; m->ns[i]; i++) {
        add_table(m->ns[i], head, prefix);
        for (int k = 0; k < m->ns[i]->nconsts; k++) {
            const char *name = m->ns[i]->consts[k].name;
            if (strncmp(name, prefix, np) != 0)
                continue;
            Value v = module_getattr(m, name);
            if (v_is_err(v)) {
                rt_clear();
                continue;
            }
            match_add(head, name, prefix, suffix_of(v));
            v_decref(v);
        }
    }
}

/* The bound names of a globals dict (a Dict of name -> Cell). */
static void add_globals(Value globals, const char *head, const char *prefix)
{
    if (globals.kind != VK_DICT)
        return;
    Dict *d = as_dict(globals);
    for (int64_t i = 0; i < d->used; i++) {
        const DictEntry *e = &d->entries[i];
        if (e->key.kind != VK_STR)
            continue;
        Value v = e->value;
        if (v.kind == VK_CELL)
            v = ((Cell *)v.as.obj)->v;
        if (v.kind == VK_UNSET)
            continue;
        match_add(head, as_str(e->key)->data, prefix, suffix_of(v));
    }
}

/* Members of v after `head` (which ends with the '.'). */
static void add_members(Value v, const char *head, const char *prefix)
{
    switch (v.kind) {
    case VK_MODULE: {
        Module *m = (Module *)v.as.obj;
        if (m->ns)
            add_module_tables(m, head, prefix);
        else
            add_globals(m->globals, head, prefix);
        break;
    }
    case VK_ARRAY:
    case VK_SCALAR: /* NumPy scalars have the members of 0-d arrays */
        for (int k = 0; array_attribute_names[k]; k++)
            match_add(head, array_attribute_names[k], prefix, "");
        for (int i = 0; array_method_namespaces[i]; i++)
            add_table(array_method_namespaces[i], head, prefix);
        break;
    case VK_STR:
        add_table(&ns_str_methods, head, prefix);
        break;
    case VK_LIST:
        add_table(&ns_list_methods, head, prefix);
        break;
    case VK_DICT:
        add_table(&ns_dict_methods, head, prefix);
        break;
    case VK_OBJECT:
        add_table(native_type(v)->methods, head, prefix);
        break;
    default:
        break;
    }
}

/* Variables, builtins and keywords starting with prefix. */
static void add_names(const char *prefix)
{
    Module *m = interp_main_module();
    if (m)
        add_globals(m->globals, "", prefix);
    else
        rt_clear();
    size_t np = strlen(prefix);
    for (int i = 0; root_namespaces[i]; i++) {
        add_table(root_namespaces[i], "", prefix);
        for (int k = 0; k < root_namespaces[i]->nconsts; k++) {
            const char *name = root_namespaces[i]->consts[k].name;
            if (strncmp(name, prefix, np) != 0)
                continue;
            Cell *c = builtin_cell(name);
            if (!c)
                rt_clear();
            match_add("", name, prefix, c ? suffix_of(c->v) : "");
        }
    }
    for (int k = 0; keywords[k]; k++)
        match_add("", keywords[k], prefix, "");
}

/* Where the cursor is: code, inside a string literal (which opened at
 * `quote_at` with `quote`), or in a comment. */
typedef enum CursorKind { AT_CODE, AT_STRING, AT_COMMENT } CursorKind;
typedef struct Cursor {
    CursorKind kind;
    char quote;
    int quote_at; /* index of the opening quote (its last one if triple) */
} Cursor;

static Cursor cursor_at(const char *line, int point)
{
    Cursor c = {AT_CODE, 0, -1};
    bool triple = false, raw = false;
    for (int i = 0; i < point; i++) {
        char ch = line[i];
        if (c.kind == AT_STRING) {
            if (ch == '\\' && !raw) {
                i++;
            } else if (ch == c.quote) {
                if (!triple) {
                    c.kind = AT_CODE;
                } else if (i + 2 < point && line[i + 1] == ch &&
                           line[i + 2] == ch) {
                    c.kind = AT_CODE;
                    i += 2;
                }
            }
            continue;
        }
        if (ch == '#') {
            c.kind = AT_COMMENT;
            break;
        }
        if (ch != '"' && ch != '\'')
            continue;
        /* r"..." is raw; the r must be a prefix, not the end of a name */
        raw = i > 0 && (line[i - 1] == 'r' || line[i - 1] == 'R') &&
              (i < 2 || !ident_char(line[i - 2]));
        triple = i + 2 < point && line[i + 1] == ch && line[i + 2] == ch;
        c.kind = AT_STRING;
        c.quote = ch;
        if (triple)
            i += 2;
        c.quote_at = i;
    }
    return c;
}

static char code_breaks[] = " \t\n\"'`@$><=;|&{(,[+-*/%~^!:)]}\\?#";
static char dquote_breaks[] = "\"";
static char squote_breaks[] = "'";

/* Readline asks where the word to complete starts: after the opening quote
 * inside a string (file names may hold spaces), else at the last character
 * that cannot be part of a dotted name. */
static char *word_breaks(void)
{
    Cursor c = cursor_at(rl_line_buffer, rl_point);
    if (c.kind == AT_STRING)
        return c.quote == '"' ? dquote_breaks : squote_breaks;
    return code_breaks;
}

/* Inside `NAME[` + quote, where NAME is a dict: its str keys. */
static bool complete_dict_key(const char *text, const Cursor *c)
{
    int i = c->quote_at - 1;
    if (i >= 0 && rl_line_buffer[i] == c->quote) /* a triple quote */
        return false;
    while (i >= 0 && (rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t'))
        i--;
    if (i < 0 || rl_line_buffer[i] != '[')
        return false;
    i--;
    while (i >= 0 && (rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t'))
        i--;
    int end = i + 1;
    while (i >= 0 &&
           (ident_char(rl_line_buffer[i]) || rl_line_buffer[i] == '.'))
        i--;
    Value d = lookup_dotted(rl_line_buffer + i + 1, (size_t)(end - i - 1));
    if (d.kind != VK_DICT) {
        if (d.kind != VK_UNSET)
            v_decref(d);
        return false;
    }
    char tail[3] = {c->quote, ']', '\0'};
    const Dict *dd = as_dict(d);
    for (int pass = 0; pass < 2; pass++) {
        /* One candidate completes with its closing quote and bracket. */
        for (int64_t k = 0; k < dd->used; k++) {
            Value key = dd->entries[k].key;
            if (key.kind != VK_STR)
                continue;
            const char *s = as_str(key)->data;
            if (strchr(s, c->quote) || strchr(s, '\\') || strchr(s, '\n'))
                continue;
            match_add("", s, text, pass ? tail : "");
        }
        if (pass || matches.n != 1)
            break;
        free(matches.v[0]);
        matches.n = 0;
    }
    v_decref(d);
    return true;
}

static char **complete(const char *text, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1; /* no fallback to file names */
    rl_completion_append_character = '\0';
    /* Readline would close a string it saw open; we say what ends each
     * candidate ourselves. */
    rl_completion_suppress_quote = 1;
    Cursor c = cursor_at(rl_line_buffer, start);
    if (c.kind == AT_COMMENT)
        return NULL;
    if (c.kind == AT_STRING) {
        if (complete_dict_key(text, &c))
            return matches_hand_over(text);
        /* A file name: a directory gets its '/', a file the closing quote. */
        rl_filename_completion_desired = 1;
        rl_filename_quoting_desired = 0;
        rl_completion_append_character = c.quote;
        return rl_completion_matches(text, rl_filename_completion_function);
    }
    const char *dot = strrchr(text, '.');
    if (dot) {
        size_t nbase = (size_t)(dot - text);
        Value v = lookup_dotted(text, nbase);
        if (v.kind != VK_UNSET) {
            char *head = malloc(nbase + 2);
            if (head) {
                memcpy(head, text, nbase + 1);
                head[nbase + 1] = '\0';
                add_members(v, head, dot + 1);
                free(head);
            }
            v_decref(v);
        }
    } else if (!(text[0] >= '0' && text[0] <= '9')) {
        add_names(text);
    }
    return matches_hand_over(text);
}

/* Tab: indent when only blanks precede the cursor, else complete (twice in
 * a row lists the candidates, as readline's own complete does). */
static int on_tab(int count, int key)
{
    (void)count;
    (void)key;
    bool only_blanks = true;
    for (int i = 0; i < rl_point && only_blanks; i++)
        only_blanks = rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t';
    if (only_blanks) {
        rl_insert_text("    ");
        return 0;
    }
    return rl_complete_internal(rl_completion_mode(on_tab));
}

/* ------------------------------------------------------------------ loop */

static const char *prompt_main = ">>> ", *prompt_more = "... ";
static bool cancel_entry; /* Ctrl-C while typing: drop the entry */

/* Readline calls this when a read was interrupted by a signal: Ctrl-C
 * shows ^C at the end of the entry and starts a new one. */
static int on_readline_signal(void)
{
    if (sigint_count > 0) {
        sigint_count = 0;
        cancel_entry = true;
        rl_point = rl_end;
        rl_redisplay();
        rl_echo_signal_char(SIGINT);
        rl_replace_line("", 0);
        rl_crlf();
        rl_set_prompt(prompt_main);
        rl_on_new_line();
        rl_redisplay();
    }
    return 0;
}

static void readline_setup(void)
{
    rl_readline_name = "nd"; /* `$if nd` in ~/.inputrc */
    /* Pasted text arrives as one insertion, not as typed keys (a pasted
     * Tab must not complete, a pasted newline not run half a block).  Set
     * before the init file is read, so ~/.inputrc can still say off. */
    rl_variable_bind("enable-bracketed-paste", "on");
    rl_initialize();
    /* Our SIGINT handler stays in place while reading (readline's would
     * not pass the signal on to the reading thread, see on_sigint); the
     * interrupted read calls on_readline_signal. */
    rl_catch_signals = 0;
    rl_signal_event_hook = on_readline_signal;
    rl_attempted_completion_function = complete;
    rl_completion_word_break_hook = word_breaks;
    /* Strings are found by cursor_at; readline's own quote handling would
     * close them again after our candidates. */
    rl_completer_quote_characters = NULL;
    rl_basic_quote_characters = "";
    rl_basic_word_break_characters = code_breaks;
    rl_completer_word_break_characters = code_breaks;
    rl_add_defun("nd-complete", on_tab, -1);
    rl_bind_key_in_map('\t', on_tab, emacs_standard_keymap);
    rl_bind_key_in_map('\t', on_tab, vi_insertion_keymap);
    stifle_history(HISTORY_MAX);
    hist_path = history_path();
    if (hist_path)
        history_load();
}

static void readline_finish(void)
{
    if (hist_path)
        history_trim();
    free(hist_path);
    hist_path = NULL;
    clear_history();
}

/* One line without its newline (malloc'd), or NULL at end of input.
 * Without a terminal the prompt goes to stderr, as Python's. */
static char *read_line(bool tty, const char *prompt)
{
    if (tty) {
        reading_input = 1;
        char *line = readline(prompt);
        reading_input = 0;
        return line;
    }
    fputs(prompt, stderr);
    fflush(stderr);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    reading_input = 1;
    errno = 0;
    while ((n = getline(&line, &cap, stdin)) < 0 && errno == EINTR &&
           ferror(stdin) && sigint_count > 0) {
        /* Ctrl-C while waiting: drop the entry and prompt again */
        clearerr(stdin);
        sigint_count = 0;
        cancel_entry = true;
        fputs("\nKeyboardInterrupt\n", stderr);
        fputs(prompt_main, stderr);
        fflush(stderr);
    }
    reading_input = 0;
    if (n < 0) {
        free(line);
        return NULL;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[n - 1] = '\0';
    return line;
}

/* `?name` (at the start of an entry) as help(name); help("name") when
 * nothing is bound to name, so `?reshape` still finds ndarray.reshape and
 * an unknown name says "No help found". */
static char *question_to_help(const char *line)
{
    const char *q = line + strspn(line, " \t") + 1;
    q += strspn(q, " \t");
    size_t n = strlen(q);
    while (n && is_blank_char(q[n - 1]))
        n--;
    bool quote = false;
    if (dotted_name(q, n)) {
        Value v = lookup_dotted(q, n);
        quote = v.kind == VK_UNSET;
        if (!quote)
            v_decref(v);
    }
    char *s = malloc(n + 16);
    if (s)
        sprintf(s, quote ? "help(\"%.*s\")\n" : "help(%.*s)\n", (int)n, q);
    return s;
}

typedef struct Session {
    bool tty;
    ReplRunFn run;
    Entry e;
} Session;

static void run_entry(Session *s, const char *text, size_t len)
{
    rt_warnings_reset();
    repl_sigint_reset();
    if (s->run("<stdin>", text, len, RUN_ECHO) < 0)
        rt_clear(); /* reported; the variables stay as they are */
}

/* One line of input into the entry; the entry runs once complete.  False
 * when the session should end (exit()). */
static bool feed_line(Session *s, const char *line)
{
    Entry *e = &s->e;
    if (e->len == 0 && line[strspn(line, " \t")] == '?') {
        if (s->tty)
            history_record(line);
        char *help = question_to_help(line);
        if (help) {
            run_entry(s, help, strlen(help));
            free(help);
        }
        return !interp_exit_requested;
    }
    if (!entry_add(e, line)) {
        fputs("nd: out of memory\n", stderr);
        e->len = 0;
        return true;
    }
    if (blank(e->text)) {
        e->len = 0;
        return true;
    }
    if (entry_incomplete(e))
        return true;
    if (s->tty) {
        e->text[e->len - 1] = '\0';
        history_record(e->text);
        e->text[e->len - 1] = '\n';
    }
    run_entry(s, e->text, e->len);
    e->len = 0;
    return !interp_exit_requested;
}

void repl_run(bool banner, ReplRunFn run)
{
    Session s = {.tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO),
                 .run = run};
    reader = pthread_self();
    atomic_signal_fence(memory_order_seq_cst); /* set before it is known */
    reader_known = 1;
    const char *no_color = getenv("NO_COLOR"); /* no-color.org */
    bool color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
    rt_color = color;
    if (s.tty) {
        if (color) {
            /* \001 \002 tell readline the escapes take no columns */
            prompt_main = "\001\033[1m\002>>> \001\033[0m\002";
            prompt_more = "\001\033[1m\002... \001\033[0m\002";
        }
        readline_setup();
    }
    if (banner)
        fputs(banner_text, stderr);
    bool go_on = true;
    while (go_on) {
        fflush(stdout);
        char *line = read_line(s.tty, s.e.len ? prompt_more : prompt_main);
        if (cancel_entry) {
            cancel_entry = false;
            s.e.len = 0;
        }
        if (!line) {
            fputc('\n', s.tty ? stdout : stderr);
            break;
        }
        /* A pasted block arrives as one line holding newlines: it runs as
         * the lines it contains, as if typed one by one. */
        char *p = line;
        while (go_on) {
            char *nl = strpbrk(p, "\r\n");
            char was = nl ? *nl : '\0';
            if (nl)
                *nl = '\0';
            go_on = feed_line(&s, p);
            if (!nl || repl_sigint_seen())
                break; /* Ctrl-C also drops the rest of a paste */
            p = nl + (was == '\r' && nl[1] == '\n' ? 2 : 1); /* CR LF: one */
        }
        free(line);
    }
    free(s.e.text);
    if (s.tty)
        readline_finish();
}
