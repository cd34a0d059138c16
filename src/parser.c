/* parser.c — a recursive-descent parser from tokens (lexer.c) to the syntax
 * tree of ast.h, for the expressions of LANGUAGE.md §3 (Python's
 * precedence, lambdas `x -> e`, comprehensions, bracket literals) and the
 * statements of §5 (blocks closed by `end`, optional `:` after headers,
 * one-liners with `;`).
 *
 * Each function opens with the grammar rule it parses.  Nodes live in the
 * Source's arena, so a syntax error simply longjmps out of the parse (to
 * parse_program) and leaves the half-built tree for the arena to free; no
 * reference-owning code is crossed by the jump.  Recursion is capped
 * (MAX_DEPTH levels of brackets, blocks and unary operators) so no input
 * can overflow the C stack, and every loop over a list of items is
 * iterative, so long inputs cost linear time.
 *
 * Syntax errors name what was expected, and Python habits (`else if`,
 * `lambda x: e`, `class`, `*args`, a block opened with `:` and never
 * closed, ...) get a hint saying what nd writes instead.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "lexer.h"
#include "parser.h"

enum { MAX_DEPTH = 1000 };

/* Functions off the recursive path of nested expressions are kept out of
 * line so each nesting level costs little stack. */
#define COLD __attribute__((noinline))

/* An open block, for "'end' expected (to close 'if' at line 3)". */
typedef struct Opener {
    TokKind kind;
    SrcSpan span;
    bool colon; /* a header ended with ':' (a Python habit) */
} Opener;

typedef struct Interned {
    const char *s;
    uint32_t len;
    uint64_t hash;
} Interned;

typedef struct Parser {
    Source *src;
    struct Arena **arena;
    Lexer *lx; /* the current lexer: main, or an f-string field's */
    Lexer main;
    LexScratch scr;
    Token tok;  /* the current token */
    Token next; /* lookahead when has_next */
    bool has_next;
    Token prev; /* the last token consumed */
    int depth;  /* nesting of brackets, blocks, unary operators */
    int blocks; /* open blocks: 0 at top level */
    int loops;  /* loops open in the current function */
    int funcs;  /* functions open */
    /* the open brackets, innermost last, for "'(' was never closed" */
    Token *brackets;
    int nbrackets;
    bool incomplete;
    Interned *names;
    size_t nnames, namecap;
    char *join; /* concatenating adjacent string literals */
    size_t joinlen, joincap;
    jmp_buf fail;
} Parser;

static _Thread_local bool last_incomplete;

bool parse_incomplete(void)
{
    return last_incomplete;
}

/* ------------------------------------------------------------- errors */

static _Noreturn void fail_memory(Parser *p)
{
    rt_raise(ERR_MEMORY, "out of memory while parsing");
    longjmp(p->fail, 1);
}

static _Noreturn void error_at(Parser *p, SrcSpan sp, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static _Noreturn void error_at(Parser *p, SrcSpan sp, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rt_syntax_error(p->src, sp, "%s", msg);
    longjmp(p->fail, 1);
}

static SrcSpan join_span(SrcSpan a, SrcSpan b)
{
    a.end_line = b.end_line;
    a.end_col = b.end_col;
    return a;
}

/* The names Python users type that nd does not have, and what to say. */
static const struct {
    const char *name;
    const char *msg;
} habits[] = {
    {"class", "'class' is not part of nd: nd has no classes; use functions "
              "and dicts (files are read with load/loadtxt)"},
    {"except", "'except' is not part of nd: write try ... catch e ... end "
               "(e.kind is the error's kind)"},
    {"finally", "'finally' is not part of nd: write try ... catch e ... end"},
    {"from", "'from ... import' is not part of nd: write 'import name' and "
             "use name.member"},
    {"lambda", "'lambda' is not part of nd: write x -> expr, or "
               "(x, y) -> expr"},
    {"raise", "'raise' is not part of nd: raise errors with "
              "error(\"message\"[, kind])"},
    {"yield", "'yield' is not part of nd: nd has no generators; build a list "
              "and return it"},
};

static bool starts_expr(TokKind k)
{
    switch (k) {
    case T_NAME:
    case T_NUMBER:
    case T_STRING:
    case T_LPAREN:
    case T_LBRACKET:
    case T_LBRACE:
    case T_MINUS:
    case T_PLUS:
    case T_TILDE:
    case T_NOT:
    case T_TRUE:
    case T_FALSE:
    case T_NONE:
    case T_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

static bool tok_is(const Parser *p, const Token *t, const char *word)
{
    size_t n = strlen(word);
    return t->kind == T_NAME && t->end - t->start == n &&
           memcmp(p->src->text + t->start, word, n) == 0;
}

/* A Python habit right before the current token: raise its hint. */
static COLD void check_habit(Parser *p)
{
    const Token *pv = &p->prev, *t = &p->tok;
    if (pv->kind != T_NAME || pv->end > t->start)
        return;
    bool exprish = starts_expr((TokKind)t->kind) && t->kind != T_LPAREN &&
                   t->kind != T_LBRACKET && t->kind != T_MINUS &&
                   t->kind != T_PLUS && t->kind != T_TILDE;
    if (tok_is(p, pv, "print") &&
        (t->kind == T_STRING || t->kind == T_NAME || t->kind == T_NUMBER))
        error_at(p, pv->span,
                 "Missing parentheses in call to 'print'. Did you mean "
                 "print(...)?");
    for (size_t i = 0; i < sizeof habits / sizeof *habits; i++) {
        if (!tok_is(p, pv, habits[i].name))
            continue;
        if (exprish || t->kind == T_COLON ||
            (t->kind == T_LPAREN && !strcmp(habits[i].name, "class")))
            error_at(p, pv->span, "%s", habits[i].msg);
    }
}

/* A syntax error inside brackets is most often a bracket never closed
 * (Python reports it so): scan the rest of the text, skipping strings and
 * comments, and if the open brackets are still open at its end, say so at
 * the innermost of them. */
static COLD void check_never_closed(Parser *p)
{
    if (p->nbrackets == 0 || p->lx != &p->main)
        return;
    const char *s = p->src->text;
    size_t n = p->src->len, i = p->main.pos;
    int32_t depth = p->main.depth;
    while (i < n && depth > 0) {
        char c = s[i];
        if (c == '#') {
            const char *nl = memchr(s + i, '\n', n - i);
            i = nl ? (size_t)(nl - s) : n;
        } else if (c == '"' || c == '\'') {
            bool triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            i += triple ? 3 : 1;
            while (i < n) {
                if (s[i] == '\\') {
                    i += 2;
                } else if (s[i] == c &&
                           (!triple ||
                            (i + 2 < n && s[i + 1] == c && s[i + 2] == c))) {
                    i += triple ? 3 : 1;
                    break;
                } else if (s[i] == '\n' && !triple) {
                    break;
                } else
                    i++;
            }
        } else {
            if (c == '(' || c == '[' || c == '{')
                depth++;
            else if (c == ')' || c == ']' || c == '}')
                depth--;
            i++;
        }
    }
    if (depth <= 0)
        return;
    int32_t k = depth < p->nbrackets ? depth : p->nbrackets;
    Token *o = &p->brackets[k - 1];
    error_at(p, o->span, "'%c' was never closed", s[o->start]);
}

/* The current token where it has no business: say why. */
static COLD _Noreturn void unexpected(Parser *p, const char *expected)
{
    Token *t = &p->tok;
    if (t->kind == T_END && t->depth > 0)
        error_at(p, t->span,
                 "'end' cannot be used inside brackets (the last element is "
                 "a[-1])");
    check_habit(p);
    if (t->kind == T_EOF && p->nbrackets > 0 && p->lx == &p->main) {
        Token *o = &p->brackets[p->nbrackets - 1];
        p->incomplete = true;
        error_at(p, o->span, "'%c' was never closed", p->src->text[o->start]);
    }
    check_never_closed(p);
    if (expected)
        error_at(p, t->span, "invalid syntax: expected %s", expected);
    error_at(p, t->span, "invalid syntax");
}

static void enter(Parser *p, const char *what)
{
    if (++p->depth > MAX_DEPTH)
        error_at(p, p->tok.span, "too many nested %s",
                 p->blocks * 2 > MAX_DEPTH ? "blocks" : what);
}

static void leave(Parser *p)
{
    p->depth--;
}

/* ------------------------------------------------------------- tokens */

static void advance(Parser *p)
{
    p->prev = p->tok;
    if (p->has_next) {
        p->tok = p->next;
        p->has_next = false;
    } else
        lexer_next(p->lx, &p->tok);
}

static const Token *peek(Parser *p)
{
    if (!p->has_next) {
        lexer_next(p->lx, &p->next);
        p->has_next = true;
    }
    return &p->next;
}

static bool accept(Parser *p, TokKind k)
{
    if (p->tok.kind != k)
        return false;
    advance(p);
    return true;
}

static void expect(Parser *p, TokKind k)
{
    if (!accept(p, k))
        unexpected(p, tok_kind_text(k));
}

static void open_bracket(Parser *p)
{
    /* the recursion is counted by parse_expr; this bounds the stack */
    if (p->nbrackets >= MAX_DEPTH)
        error_at(p, p->tok.span, "too many nested parentheses");
    if (!p->brackets) {
        p->brackets = malloc(MAX_DEPTH * sizeof *p->brackets);
        if (!p->brackets)
            fail_memory(p);
    }
    p->brackets[p->nbrackets++] = p->tok;
    advance(p);
}

static COLD _Noreturn void bad_closer(Parser *p, TokKind closer);

/* The closer of the innermost open bracket. */
static void close_bracket(Parser *p, TokKind closer)
{
    if (p->tok.kind != closer)
        bad_closer(p, closer);
    p->nbrackets--;
    advance(p);
}

static COLD _Noreturn void bad_closer(Parser *p, TokKind closer)
{
    Token *o = &p->brackets[p->nbrackets - 1];
    TokKind k = (TokKind)p->tok.kind;
    {
        if (k == T_RPAREN || k == T_RBRACKET || k == T_RBRACE) {
            char oc = p->src->text[o->start];
            char cc = p->src->text[p->tok.start];
            if (o->span.line != p->tok.span.line)
                error_at(p, p->tok.span,
                         "closing parenthesis '%c' does not match opening "
                         "parenthesis '%c' on line %d",
                         cc, oc, (int)o->span.line);
            error_at(p, p->tok.span,
                     "closing parenthesis '%c' does not match opening "
                     "parenthesis '%c'",
                     cc, oc);
        }
        check_never_closed(p);
        if (starts_expr(k) && k != T_LPAREN && k != T_LBRACKET &&
            k != T_MINUS && k != T_PLUS) {
            check_habit(p);
            if (!(k == T_END && p->tok.depth > 0))
                error_at(p, join_span(p->prev.span, p->tok.span),
                         "invalid syntax. Perhaps you forgot a comma?");
        }
        unexpected(p, tok_kind_text(closer));
    }
}

/* ------------------------------------------------------------- nodes */

static size_t node_size(NodeKind k)
{
    const size_t base = offsetof(Node, u);
    Node *n = NULL;
    switch (k) {
    case N_NUM:
    case N_STR:
        return base + sizeof n->u.num;
    case N_FSTRING:
        return base + sizeof n->u.fstr;
    case N_FORMAT:
        return base + sizeof n->u.fmt;
    case N_NAME:
        return base + sizeof n->u.name;
    case N_TUPLE:
    case N_LIST:
    case N_DEL:
    case N_BLOCK:
        return base + sizeof n->u.seq;
    case N_DICT:
        return base + sizeof n->u.dict;
    case N_UNARY:
        return base + sizeof n->u.unary;
    case N_BINARY:
    case N_AND:
    case N_OR:
        return base + sizeof n->u.binary;
    case N_COMPARE:
        return base + sizeof n->u.cmp;
    case N_IFEXP:
        return base + sizeof n->u.ifexp;
    case N_LAMBDA:
    case N_DEF:
        return base + sizeof n->u.func;
    case N_CALL:
        return base + sizeof n->u.call;
    case N_KWARG:
        return base + sizeof n->u.kwarg;
    case N_INDEX:
        return base + sizeof n->u.index;
    case N_SLICE:
        return base + sizeof n->u.slice;
    case N_ATTR:
        return base + sizeof n->u.attr;
    case N_LISTCOMP:
        return base + sizeof n->u.comp;
    case N_COMP_FOR:
        return base + sizeof n->u.comp_for;
    case N_COMP_IF:
        return base + sizeof n->u.comp_if;
    case N_EXPR_STMT:
        return base + sizeof n->u.expr_stmt;
    case N_ASSIGN:
        return base + sizeof n->u.assign;
    case N_AUGASSIGN:
        return base + sizeof n->u.augassign;
    case N_IF:
        return base + sizeof n->u.if_;
    case N_FOR:
        return base + sizeof n->u.for_;
    case N_WHILE:
        return base + sizeof n->u.while_;
    case N_RETURN:
        return base + sizeof n->u.ret;
    case N_GLOBAL:
    case N_NONLOCAL:
        return base + sizeof n->u.names;
    case N_IMPORT:
        return base + sizeof n->u.import;
    case N_TRY:
        return base + sizeof n->u.try_;
    case N_WITH:
        return base + sizeof n->u.with;
    case N_ASSERT:
        return base + sizeof n->u.assert_;
    default: /* N_NONE, N_TRUE, N_FALSE, N_ELLIPSIS, N_BREAK, ... */
        return base;
    }
}

static void *alloc(Parser *p, size_t n)
{
    void *m = arena_alloc(p->arena, n);
    if (!m)
        fail_memory(p);
    return m;
}

static Node *mk(Parser *p, NodeKind k, SrcSpan sp)
{
    Node *n = alloc(p, node_size(k));
    n->kind = (uint16_t)k;
    n->span = sp;
    return n;
}

/* A node spanning from `start` to the last token consumed. */
static Node *mk_from(Parser *p, NodeKind k, SrcSpan start)
{
    return mk(p, k, join_span(start, p->prev.span));
}

static void push(Parser *p, NodeVec *v, Node *n)
{
    if (nodevec_push(p->arena, v, n) < 0)
        fail_memory(p);
}

static void keep(Parser *p, Value v)
{
    if (arena_keep(p->arena, v) < 0)
        fail_memory(p);
}

/* Names are interned per Source: one copy of each, and equal names are the
 * same pointer. */
static const char *intern(Parser *p, const char *s, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    if (p->nnames * 2 >= p->namecap) {
        size_t cap = p->namecap ? p->namecap * 2 : 64;
        Interned *t = calloc(cap, sizeof *t);
        if (!t)
            fail_memory(p);
        for (size_t i = 0; i < p->namecap; i++) {
            if (!p->names[i].s)
                continue;
            size_t j = p->names[i].hash & (cap - 1);
            while (t[j].s)
                j = (j + 1) & (cap - 1);
            t[j] = p->names[i];
        }
        free(p->names);
        p->names = t;
        p->namecap = cap;
    }
    size_t j = h & (p->namecap - 1);
    while (p->names[j].s) {
        if (p->names[j].hash == h && p->names[j].len == n &&
            memcmp(p->names[j].s, s, n) == 0)
            return p->names[j].s;
        j = (j + 1) & (p->namecap - 1);
    }
    char *c = arena_strdup(p->arena, s, n);
    if (!c)
        fail_memory(p);
    p->names[j] = (Interned){c, (uint32_t)n, h};
    p->nnames++;
    return c;
}

static const char *tok_name(Parser *p, const Token *t)
{
    return intern(p, p->src->text + t->start, t->end - t->start);
}

static Node *name_node(Parser *p, const Token *t)
{
    Node *n = mk(p, N_NAME, t->span);
    n->u.name.id = tok_name(p, t);
    return n;
}

/* ------------------------------------------------------------- expressions */

static Node *parse_expr(Parser *p);
static Node *parse_exprlist(Parser *p);
static Node *parse_or(Parser *p);
static Node *parse_binary(Parser *p, int minprec);
static Node *parse_unary(Parser *p);
static void parse_comp_clauses(Parser *p, Node *comp);

static const char *describe(const Node *n)
{
    switch (n->kind) {
    case N_CALL:
        return "function call";
    case N_NUM:
    case N_STR:
        return "literal";
    case N_TRUE:
        return "True";
    case N_FALSE:
        return "False";
    case N_NONE:
        return "None";
    case N_ELLIPSIS:
        return "ellipsis";
    case N_COMPARE:
        return "comparison";
    case N_LAMBDA:
        return "lambda";
    case N_IFEXP:
        return "conditional expression";
    case N_LISTCOMP:
        return "list comprehension";
    case N_DICT:
        return "dict literal";
    case N_FSTRING:
        return "f-string expression";
    case N_TUPLE:
        return "tuple";
    case N_LIST:
        return "list";
    case N_KWARG:
        return "keyword argument";
    default:
        return "expression";
    }
}

/* targets -> NAME | target[index] | target.attr | (targets, ...) |
 * [targets, ...]: what `=`, `for` and `del` may bind or delete. */
static void check_target(Parser *p, Node *t, const char *verb, bool direct)
{
    switch (t->kind) {
    case N_NAME:
    case N_INDEX:
    case N_ATTR:
        return;
    case N_TUPLE:
    case N_LIST:
        for (int32_t i = 0; i < t->u.seq.n; i++)
            check_target(p, t->u.seq.v[i], verb, false);
        return;
    default:
        break;
    }
    const char *what = describe(t);
    if (t->kind == N_TRUE || t->kind == N_FALSE || t->kind == N_NONE || !direct)
        error_at(p, t->span, "cannot %s %s", verb, what);
    error_at(p, t->span,
             "cannot %s %s here. Maybe you meant '==' instead of '='?", verb,
             what);
}

static Node *num_node(Parser *p, const Token *t)
{
    Node *n = mk(p, N_NUM, t->span);
    n->u.num = t->num;
    return n;
}

/* The Str of the raw text [start, end) (string body or f-string piece). */
static Value str_value(Parser *p, size_t start, size_t end, bool raw, bool fstr)
{
    Value v = lexer_string_value(p->lx, start, end, raw, fstr);
    keep(p, v);
    return v;
}

static Node *str_node(Parser *p, SrcSpan sp, Value v)
{
    Node *n = mk(p, N_STR, sp);
    n->u.num = v;
    return n;
}

static Node *parse_field_expr(Parser *p, size_t start, size_t end, size_t open);

/* The parts of an f-string token, pieces [*i, ...) up to an FP_SPEC_END
 * (for a format spec) or the end, appended to parts. */
static void fstring_parts(Parser *p, const Token *t, int32_t *i, NodeVec *parts)
{
    bool raw = t->flags & STR_RAW;
    while (*i < t->npieces) {
        /* copied: parsing a field may grow (move) the piece stack */
        FPiece piece = p->scr.pieces[t->pieces + (size_t)*i];
        const FPiece *pc = &piece;
        (*i)++;
        if (pc->kind == FP_SPEC_END)
            return;
        if (pc->kind == FP_TEXT) {
            Value v = str_value(p, pc->start, pc->end, raw, true);
            if (as_str(v)->nbytes == 0)
                continue;
            SrcSpan sp = lexer_span(p->lx, pc->start, pc->end);
            push(p, parts, str_node(p, sp, v));
            continue;
        }
        /* FP_FIELD */
        Node *f = mk(p, N_FORMAT, lexer_span(p->lx, pc->open, pc->close + 1));
        f->u.fmt.conv = pc->conv;
        f->u.fmt.expr = parse_field_expr(p, pc->start, pc->end, pc->open);
        if (pc->has_spec) {
            Node *spec = mk(p, N_FSTRING, f->span);
            fstring_parts(p, t, i, &spec->u.fstr.parts);
            f->u.fmt.spec = spec;
        }
        push(p, parts, f);
    }
}

/* A field's expression, parsed by a lexer over its slice of the source so
 * its positions are the original ones. */
static COLD Node *parse_field_expr(Parser *p, size_t start, size_t end,
                                   size_t open)
{
    enter(p, "f-string fields");
    Lexer sub, *outer = p->lx;
    Token tok = p->tok, next = p->next, prev = p->prev;
    bool has_next = p->has_next;
    lexer_init(&sub, p->src, start, end, 1, &p->fail, &p->scr);
    p->lx = &sub;
    p->has_next = false;
    advance(p);
    Node *e = parse_exprlist(p);
    if (p->tok.kind != T_EOF) {
        if (p->tok.kind == T_ASSIGN)
            error_at(p, p->tok.span,
                     "f-string: '=' after an expression (f\"{x=}\") is not "
                     "part of nd");
        check_habit(p);
        error_at(p, p->tok.span, "f-string: invalid syntax");
    }
    (void)open;
    p->lx = outer;
    p->tok = tok;
    p->next = next;
    p->prev = prev;
    p->has_next = has_next;
    leave(p);
    return e;
}

/* strings -> STRING+  (adjacent literals are joined, as in Python; any
 * f-string among them makes the result an N_FSTRING) */
static COLD Node *parse_strings(Parser *p)
{
    SrcSpan start = p->tok.span;
    bool any_f = false;
    Token first = p->tok;
    advance(p);
    if (p->tok.kind != T_STRING && !(first.flags & STR_F)) {
        Value v = str_value(p, first.body, first.body_end,
                            first.flags & STR_RAW, false);
        return str_node(p, first.span, v);
    }
    /* several literals or an f-string: collect the parts */
    NodeVec parts = {0};
    Token t = first;
    for (;;) {
        if (t.flags & STR_F) {
            any_f = true;
            int32_t i = 0;
            fstring_parts(p, &t, &i, &parts);
            lexer_pop_pieces(p->lx, &t);
        } else {
            Value v =
                str_value(p, t.body, t.body_end, t.flags & STR_RAW, false);
            push(p, &parts, str_node(p, t.span, v));
        }
        if (p->tok.kind != T_STRING)
            break;
        t = p->tok;
        advance(p);
    }
    /* merge runs of adjacent N_STR parts */
    NodeVec merged = {0};
    for (int32_t i = 0; i < parts.n;) {
        Node *a = parts.v[i];
        if (a->kind != N_STR || i + 1 >= parts.n ||
            parts.v[i + 1]->kind != N_STR) {
            push(p, &merged, a);
            i++;
            continue;
        }
        p->joinlen = 0;
        int32_t j = i;
        for (; j < parts.n && parts.v[j]->kind == N_STR; j++) {
            Str *s = as_str(parts.v[j]->u.num);
            size_t need = p->joinlen + (size_t)s->nbytes;
            if (need > p->joincap) {
                size_t cap = p->joincap ? p->joincap : 64;
                while (cap < need)
                    cap *= 2;
                char *nb = realloc(p->join, cap);
                if (!nb)
                    fail_memory(p);
                p->join = nb;
                p->joincap = cap;
            }
            memcpy(p->join + p->joinlen, s->data, (size_t)s->nbytes);
            p->joinlen += (size_t)s->nbytes;
        }
        Value v = v_str_n(p->join ? p->join : "", (int64_t)p->joinlen);
        if (v_is_err(v))
            longjmp(p->fail, 1);
        keep(p, v);
        push(p, &merged,
             str_node(p, join_span(a->span, parts.v[j - 1]->span), v));
        i = j;
    }
    if (!any_f) {
        if (merged.n == 1)
            return merged.v[0];
        Value v = v_str_n("", 0);
        if (v_is_err(v))
            longjmp(p->fail, 1);
        keep(p, v);
        return str_node(p, join_span(start, p->prev.span), v);
    }
    Node *n = mk_from(p, N_FSTRING, start);
    n->u.fstr.parts = merged;
    return n;
}

/* kwarg -> NAME '=' expr   ('end' is a name here: print(x, end="")) */
static COLD Node *parse_kwarg(Parser *p)
{
    SrcSpan sp = p->tok.span;
    const char *name =
        p->tok.kind == T_END ? intern(p, "end", 3) : tok_name(p, &p->tok);
    advance(p);
    advance(p); /* '=' */
    Node *k = mk(p, N_KWARG, sp);
    k->u.kwarg.name = name;
    k->u.kwarg.value = parse_expr(p);
    k->span = join_span(sp, p->prev.span);
    return k;
}

/* paren -> '(' ')' | '(' expr ')' | '(' expr comp ')' |
 *          '(' item (',' item)+ [','] ')' | '(' item ',' ')'
 * item -> expr | NAME '=' expr   (the latter only before '->': a lambda's
 * parameter with a default) */
static Node *parse_paren(Parser *p)
{
    SrcSpan start = p->tok.span;
    open_bracket(p);
    if (p->tok.kind == T_RPAREN) {
        close_bracket(p, T_RPAREN);
        return mk_from(p, N_TUPLE, start);
    }
    NodeVec items = {0};
    bool comma = false;
    bool kw_eq = false;
    SrcSpan eq_span = {0, 0, 0, 0};
    for (;;) {
        Node *e;
        if (p->tok.kind == T_NAME && peek(p)->kind == T_ASSIGN) {
            if (!kw_eq)
                eq_span = p->next.span;
            kw_eq = true;
            e = parse_kwarg(p);
        } else
            e = parse_expr(p);
        if (p->tok.kind == T_FOR && items.n == 0 && e->kind != N_KWARG) {
            /* (x for x in xs): nd has list comprehensions only */
            Node *c = mk(p, N_LISTCOMP, e->span);
            c->u.comp.elt = e;
            parse_comp_clauses(p, c);
            close_bracket(p, T_RPAREN);
            c->span = join_span(start, p->prev.span);
            return c;
        }
        push(p, &items, e);
        if (!accept(p, T_COMMA))
            break;
        comma = true;
        if (p->tok.kind == T_RPAREN)
            break;
    }
    close_bracket(p, T_RPAREN);
    if (kw_eq && p->tok.kind != T_ARROW)
        error_at(p, eq_span,
                 "invalid syntax. Maybe you meant '==' instead of '='?");
    if (!comma) {
        Node *e = items.v[0];
        e->span = join_span(start, p->prev.span);
        return e;
    }
    Node *t = mk_from(p, N_TUPLE, start);
    t->u.seq = items;
    return t;
}

/* list -> '[' ']' | '[' expr (',' expr)* [','] ']' | '[' expr comp ']' */
static Node *parse_list(Parser *p)
{
    SrcSpan start = p->tok.span;
    open_bracket(p);
    Node *l = mk(p, N_LIST, start);
    while (p->tok.kind != T_RBRACKET) {
        Node *e = parse_expr(p);
        if (p->tok.kind == T_FOR && l->u.seq.n == 0) {
            Node *c = mk(p, N_LISTCOMP, start);
            c->u.comp.elt = e;
            parse_comp_clauses(p, c);
            close_bracket(p, T_RBRACKET);
            c->span = join_span(start, p->prev.span);
            return c;
        }
        push(p, &l->u.seq, e);
        if (!accept(p, T_COMMA))
            break;
    }
    close_bracket(p, T_RBRACKET);
    l->span = join_span(start, p->prev.span);
    return l;
}

/* dict -> '{' [expr ':' expr (',' expr ':' expr)* [',']] '}' */
static Node *parse_dict(Parser *p)
{
    SrcSpan start = p->tok.span;
    open_bracket(p);
    Node *d = mk(p, N_DICT, start);
    while (p->tok.kind != T_RBRACE) {
        Node *k = parse_expr(p);
        if (p->tok.kind != T_COLON) {
            if (p->tok.kind == T_COMMA || p->tok.kind == T_RBRACE)
                error_at(p, k->span,
                         "set literals are not part of nd: use a list, "
                         "or a dict {key: value}");
            unexpected(p, "':'");
        }
        advance(p);
        Node *v = parse_expr(p);
        if (p->tok.kind == T_FOR)
            error_at(p, p->tok.span,
                     "dict comprehensions are not part of nd: build the "
                     "dict in a for loop");
        push(p, &d->u.dict.keys, k);
        push(p, &d->u.dict.values, v);
        if (!accept(p, T_COMMA))
            break;
    }
    close_bracket(p, T_RBRACE);
    d->span = join_span(start, p->prev.span);
    return d;
}

static COLD _Noreturn void star_error(Parser *p, const char *what)
{
    const char *stars = p->tok.kind == T_DSTAR ? "**" : "*";
    SrcSpan sp = p->tok.span;
    const Token *nx = peek(p);
    if (nx->kind == T_NAME && nx->start == p->tok.end)
        error_at(p, join_span(sp, nx->span), "'%s%.*s' %s is not part of nd",
                 stars, (int)(nx->end - nx->start), p->src->text + nx->start,
                 what);
    error_at(p, sp, "'%s' %s is not part of nd", stars, what);
}

/* atom -> NAME | NUMBER | strings | 'True' | 'False' | 'None' | '...' |
 *         paren | list | dict */
static Node *parse_atom(Parser *p)
{
    Token *t = &p->tok;
    Node *n;
    switch (t->kind) {
    case T_NAME:
        if (tok_is(p, t, "lambda")) {
            const Token *nx = peek(p);
            if (nx->kind == T_NAME || nx->kind == T_COLON)
                error_at(p, t->span, "%s", habits[4].msg);
        }
        n = name_node(p, t);
        advance(p);
        return n;
    case T_NUMBER:
        n = num_node(p, t);
        advance(p);
        return n;
    case T_STRING:
        return parse_strings(p);
    case T_TRUE:
    case T_FALSE:
    case T_NONE:
    case T_ELLIPSIS:
        n = mk(p,
               t->kind == T_TRUE    ? N_TRUE
               : t->kind == T_FALSE ? N_FALSE
               : t->kind == T_NONE  ? N_NONE
                                    : N_ELLIPSIS,
               t->span);
        advance(p);
        return n;
    case T_LPAREN:
        return parse_paren(p);
    case T_LBRACKET:
        return parse_list(p);
    case T_LBRACE:
        return parse_dict(p);
    case T_STAR:
    case T_DSTAR:
        star_error(p, "unpacking");
    case T_RPAREN:
    case T_RBRACKET:
    case T_RBRACE:
        if (p->nbrackets == 0 || t->depth == 0)
            error_at(p, t->span, "unmatched '%c'", p->src->text[t->start]);
        break;
    case T_AMP:
    case T_PIPE:
        if (p->prev.kind == t->kind && p->prev.end == t->start)
            error_at(p, join_span(p->prev.span, t->span),
                     "invalid syntax: use '%s' instead of '%s%s'",
                     t->kind == T_AMP ? "and" : "or",
                     t->kind == T_AMP ? "&" : "|",
                     t->kind == T_AMP ? "&" : "|");
        break;
    default:
        break;
    }
    unexpected(p, "an expression");
}

/* args -> [arg (',' arg)* [',']]   arg -> NAME '=' expr | expr
 * (a lone `expr comp` argument is a list comprehension) */
static void parse_args(Parser *p, Node *call)
{
    bool kw = false;
    NodeVec *args = &call->u.call.args;
    while (p->tok.kind != T_RPAREN) {
        if (p->tok.kind == T_STAR || p->tok.kind == T_DSTAR)
            star_error(p, "unpacking");
        if ((p->tok.kind == T_NAME || p->tok.kind == T_END) &&
            peek(p)->kind == T_ASSIGN) {
            SrcSpan nsp = p->tok.span;
            Node *k = parse_kwarg(p);
            for (int32_t i = 0; i < args->n; i++)
                if (args->v[i]->kind == N_KWARG &&
                    args->v[i]->u.kwarg.name == k->u.kwarg.name)
                    error_at(p, nsp, "keyword argument repeated: %s",
                             k->u.kwarg.name);
            push(p, args, k);
            kw = true;
        } else {
            Node *e = parse_expr(p);
            if (p->tok.kind == T_ASSIGN)
                error_at(p, join_span(e->span, p->tok.span),
                         "expression cannot contain assignment, perhaps you "
                         "meant \"==\"?");
            if (p->tok.kind == T_FOR) {
                Node *c = mk(p, N_LISTCOMP, e->span);
                c->u.comp.elt = e;
                parse_comp_clauses(p, c);
                c->span = join_span(e->span, p->prev.span);
                if (args->n > 0 ||
                    (p->tok.kind == T_COMMA && peek(p)->kind != T_RPAREN))
                    error_at(p, c->span,
                             "Generator expression must be parenthesized");
                e = c;
            }
            if (kw)
                error_at(p, e->span,
                         "positional argument follows keyword argument");
            push(p, args, e);
        }
        if (!accept(p, T_COMMA))
            break;
    }
}

/* item -> expr | [expr] ':' [expr] [':' [expr]]   (inside a[...]) */
static Node *parse_subscript_item(Parser *p)
{
    SrcSpan start = p->tok.span;
    Node *lo = NULL;
    if (p->tok.kind != T_COLON) {
        lo = parse_expr(p);
        if (p->tok.kind != T_COLON)
            return lo;
    }
    advance(p); /* ':' */
    Node *s = mk(p, N_SLICE, start);
    s->u.slice.start = lo;
    TokKind k = (TokKind)p->tok.kind;
    if (k != T_COLON && k != T_COMMA && k != T_RBRACKET)
        s->u.slice.stop = parse_expr(p);
    if (accept(p, T_COLON)) {
        k = (TokKind)p->tok.kind;
        if (k != T_COMMA && k != T_RBRACKET)
            s->u.slice.step = parse_expr(p);
    }
    s->span = join_span(start, p->prev.span);
    return s;
}

/* postfix -> atom ( '(' args ')' | '[' item (',' item)* [','] ']' |
 *                   '.' NAME )* */
static Node *parse_postfix(Parser *p)
{
    SrcSpan start = p->tok.span;
    Node *e = parse_atom(p);
    start = e->span; /* a parenthesised atom starts at its '(' */
    for (;;) {
        switch (p->tok.kind) {
        case T_LPAREN: {
            Node *c = mk(p, N_CALL, start);
            c->u.call.func = e;
            open_bracket(p);
            parse_args(p, c);
            close_bracket(p, T_RPAREN);
            c->span = join_span(start, p->prev.span);
            e = c;
            break;
        }
        case T_LBRACKET: {
            Node *x = mk(p, N_INDEX, start);
            x->u.index.obj = e;
            open_bracket(p);
            if (p->tok.kind == T_RBRACKET)
                unexpected(p, "an index");
            for (;;) {
                push(p, &x->u.index.items, parse_subscript_item(p));
                if (!accept(p, T_COMMA))
                    break;
                x->u.index.tuple = 1;
                if (p->tok.kind == T_RBRACKET)
                    break;
            }
            close_bracket(p, T_RBRACKET);
            x->span = join_span(start, p->prev.span);
            e = x;
            break;
        }
        case T_DOT: {
            advance(p);
            if (p->tok.kind != T_NAME)
                unexpected(p, "an attribute name");
            Node *a = mk(p, N_ATTR, start);
            a->u.attr.obj = e;
            a->u.attr.name = tok_name(p, &p->tok);
            advance(p);
            a->span = join_span(start, p->prev.span);
            e = a;
            break;
        }
        default:
            return e;
        }
    }
}

/* power -> postfix ['**' unary] */
static Node *parse_power(Parser *p)
{
    Node *base = parse_postfix(p);
    if (p->tok.kind != T_DSTAR)
        return base;
    advance(p);
    enter(p, "operators");
    Node *exp = parse_unary(p);
    leave(p);
    Node *n = mk(p, N_BINARY, join_span(base->span, exp->span));
    n->op = OP_POW;
    n->u.binary.left = base;
    n->u.binary.right = exp;
    return n;
}

/* unary -> ('-' | '+' | '~') unary | power */
static Node *parse_unary(Parser *p)
{
    TokKind k = (TokKind)p->tok.kind;
    if (k != T_MINUS && k != T_PLUS && k != T_TILDE)
        return parse_power(p);
    SrcSpan start = p->tok.span;
    advance(p);
    enter(p, "operators");
    Node *operand = parse_unary(p);
    leave(p);
    SrcSpan sp = join_span(start, operand->span);
    if (k == T_MINUS && operand->kind == N_NUM) {
        /* fold -literal; -9223372036854775808 is INT64_MIN (§1) */
        Value v = operand->u.num;
        if (v.dtype == ND_UINT64 && v.as.u == (uint64_t)INT64_MAX + 1) {
            Node *n = mk(p, N_NUM, sp);
            n->u.num = v_int(INT64_MIN);
            return n;
        }
        if (v.dtype == ND_INT64 || v.dtype == ND_FLOAT64) {
            Node *n = mk(p, N_NUM, sp);
            n->u.num = v.dtype == ND_INT64 ? v_int(-v.as.i) : v_float(-v.as.f);
            return n;
        }
    }
    Node *n = mk(p, N_UNARY, sp);
    n->op = k == T_MINUS ? OP_NEG : k == T_PLUS ? OP_POS : OP_INVERT;
    n->u.unary.operand = operand;
    return n;
}

/* The binary operators by precedence (1 lowest): | ^ & (<< >>) (+ -)
 * (* / // % @). */
static int binprec(TokKind k, OpKind *op)
{
    switch (k) {
    case T_PIPE:
        *op = OP_OR;
        return 1;
    case T_CARET:
        *op = OP_XOR;
        return 2;
    case T_AMP:
        *op = OP_AND;
        return 3;
    case T_LSHIFT:
        *op = OP_LSHIFT;
        return 4;
    case T_RSHIFT:
        *op = OP_RSHIFT;
        return 4;
    case T_PLUS:
        *op = OP_ADD;
        return 5;
    case T_MINUS:
        *op = OP_SUB;
        return 5;
    case T_STAR:
        *op = OP_MUL;
        return 6;
    case T_SLASH:
        *op = OP_DIV;
        return 6;
    case T_DSLASH:
        *op = OP_FLOORDIV;
        return 6;
    case T_PERCENT:
        *op = OP_MOD;
        return 6;
    case T_AT:
        *op = OP_MATMUL;
        return 6;
    default:
        return 0;
    }
}

/* bitor -> xor ('|' xor)*     xor -> band ('^' band)*
 * band -> shift ('&' shift)*  shift -> arith (('<<' | '>>') arith)*
 * arith -> term (('+' | '-') term)*
 * term -> unary (('*' | '/' | '//' | '%' | '@') unary)*
 * (precedence climbing: one loop per level, left-associative) */
static Node *parse_binary(Parser *p, int minprec)
{
    Node *left = parse_unary(p);
    for (;;) {
        OpKind op;
        int prec = binprec((TokKind)p->tok.kind, &op);
        if (prec == 0 || prec < minprec)
            return left;
        advance(p);
        Node *right = prec < 6 ? parse_binary(p, prec + 1) : parse_unary(p);
        Node *n = mk(p, N_BINARY, join_span(left->span, right->span));
        n->op = op;
        n->u.binary.left = left;
        n->u.binary.right = right;
        left = n;
    }
}

/* comparison -> bitor (compop bitor)*
 * compop -> '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' |
 *           'is' | 'is' 'not' */
static Node *parse_comparison(Parser *p)
{
    Node *first = parse_binary(p, 1);
    Node *cmp = NULL;
    uint8_t *ops = NULL;
    int32_t nops = 0, cap = 0;
    for (;;) {
        OpKind op;
        switch (p->tok.kind) {
        case T_EQ:
            op = OP_EQ;
            break;
        case T_NE:
            op = OP_NE;
            break;
        case T_LT:
            op = OP_LT;
            break;
        case T_LE:
            op = OP_LE;
            break;
        case T_GT:
            op = OP_GT;
            break;
        case T_GE:
            op = OP_GE;
            break;
        case T_IN:
            op = OP_IN;
            break;
        case T_IS:
            op = OP_IS;
            break;
        case T_NOT:
            if (peek(p)->kind != T_IN)
                goto done;
            advance(p);
            op = OP_NOT_IN;
            break;
        default:
            goto done;
        }
        advance(p);
        if (op == OP_IS && accept(p, T_NOT))
            op = OP_IS_NOT;
        if (!cmp) {
            cmp = mk(p, N_COMPARE, first->span);
            push(p, &cmp->u.cmp.operands, first);
        }
        if (nops == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            uint8_t *no = alloc(p, (size_t)nc);
            if (nops)
                memcpy(no, ops, (size_t)nops);
            ops = no;
            cap = nc;
        }
        ops[nops++] = (uint8_t)op;
        Node *right = parse_binary(p, 1);
        push(p, &cmp->u.cmp.operands, right);
    }
done:
    if (!cmp)
        return first;
    cmp->u.cmp.ops = ops;
    cmp->span = join_span(first->span, p->prev.span);
    return cmp;
}

/* not_expr -> 'not' not_expr | comparison */
static Node *parse_not(Parser *p)
{
    if (p->tok.kind != T_NOT)
        return parse_comparison(p);
    SrcSpan start = p->tok.span;
    advance(p);
    enter(p, "operators");
    Node *operand = parse_not(p);
    leave(p);
    Node *n = mk(p, N_UNARY, join_span(start, operand->span));
    n->op = OP_NOT;
    n->u.unary.operand = operand;
    return n;
}

/* and_expr -> not_expr ('and' not_expr)* */
static Node *parse_and(Parser *p)
{
    Node *left = parse_not(p);
    while (accept(p, T_AND)) {
        Node *right = parse_not(p);
        Node *n = mk(p, N_AND, join_span(left->span, right->span));
        n->u.binary.left = left;
        n->u.binary.right = right;
        left = n;
    }
    return left;
}

/* or_expr -> and_expr ('or' and_expr)* */
static Node *parse_or(Parser *p)
{
    Node *left = parse_and(p);
    while (accept(p, T_OR)) {
        Node *right = parse_and(p);
        Node *n = mk(p, N_OR, join_span(left->span, right->span));
        n->u.binary.left = left;
        n->u.binary.right = right;
        left = n;
    }
    return left;
}

/* ternary -> or_expr ['if' or_expr 'else' expr] */
static Node *parse_ternary(Parser *p)
{
    Node *then = parse_or(p);
    if (p->tok.kind != T_IF)
        return then;
    advance(p);
    Node *cond = parse_or(p);
    if (p->tok.kind != T_ELSE)
        error_at(p, join_span(then->span, cond->span),
                 "expected 'else' after 'if' expression");
    advance(p);
    Node *orelse = parse_expr(p);
    Node *n = mk(p, N_IFEXP, join_span(then->span, orelse->span));
    n->u.ifexp.cond = cond;
    n->u.ifexp.then = then;
    n->u.ifexp.orelse = orelse;
    return n;
}

static void add_param(Parser *p, FuncInfo *f, Node *pn, const char ***params,
                      int32_t *cap)
{
    const char *name = pn->kind == N_NAME ? pn->u.name.id : pn->u.kwarg.name;
    for (int32_t i = 0; i < f->nparams; i++)
        if (f->params[i] == name)
            error_at(p, pn->span,
                     "duplicate argument '%s' in function definition", name);
    if (pn->kind == N_KWARG)
        push(p, &f->defaults, pn->u.kwarg.value);
    else if (f->defaults.n > 0)
        error_at(p, pn->span,
                 "parameter without a default follows parameter with a "
                 "default");
    if (f->nparams == *cap) {
        int32_t nc = *cap ? *cap * 2 : 4;
        const char **np = alloc(p, (size_t)nc * sizeof *np);
        if (f->nparams)
            memcpy(np, *params, (size_t)f->nparams * sizeof *np);
        *params = np;
        *cap = nc;
    }
    (*params)[f->nparams++] = name;
    f->params = *params;
}

/* expr -> ternary ['->' expr]   (before '->': NAME, or a parenthesised
 * list of NAME / NAME '=' default: the lambda's parameters) */
static Node *parse_expr(Parser *p)
{
    enter(p, "parentheses");
    Node *e = parse_ternary(p);
    if (p->tok.kind == T_ARROW) {
        Token arrow = p->tok;
        Node *lam = mk(p, N_LAMBDA, e->span);
        FuncInfo *f = &lam->u.func;
        f->name = "<lambda>";
        const char **params = NULL;
        int32_t cap = 0;
        if (e->kind == N_NAME || e->kind == N_KWARG)
            add_param(p, f, e, &params, &cap);
        else if (e->kind == N_TUPLE) {
            for (int32_t i = 0; i < e->u.seq.n; i++) {
                Node *it = e->u.seq.v[i];
                if (it->kind != N_NAME && it->kind != N_KWARG)
                    error_at(p, it->span,
                             "invalid syntax: a lambda's parameters must be "
                             "names, as in (x, y) -> x + y");
                add_param(p, f, it, &params, &cap);
            }
        } else
            error_at(p, join_span(e->span, arrow.span),
                     "invalid syntax: a lambda's parameters must be names, "
                     "as in x -> x + 1 or (x, y) -> x + y");
        advance(p);
        f->expr = parse_expr(p);
        lam->span = join_span(e->span, f->expr->span);
        e = lam;
    }
    leave(p);
    return e;
}

/* exprlist -> expr (',' expr)* [',']   (a tuple without parentheses when
 * there is a comma) */
static Node *parse_exprlist(Parser *p)
{
    if (p->tok.kind == T_STAR || p->tok.kind == T_DSTAR)
        star_error(p, "unpacking");
    Node *first = parse_expr(p);
    if (p->tok.kind != T_COMMA)
        return first;
    Node *t = mk(p, N_TUPLE, first->span);
    push(p, &t->u.seq, first);
    while (accept(p, T_COMMA)) {
        if (p->tok.kind == T_STAR || p->tok.kind == T_DSTAR)
            star_error(p, "unpacking");
        if (!starts_expr((TokKind)p->tok.kind))
            break;
        push(p, &t->u.seq, parse_expr(p));
    }
    t->span = join_span(first->span, p->prev.span);
    return t;
}

/* target_list -> target (',' target)* [',']   target -> bitor
 * (a `for` target list ends at the first 'in') */
static Node *parse_target_list(Parser *p)
{
    if (p->tok.kind == T_STAR)
        star_error(p, "unpacking");
    Node *first = parse_binary(p, 1);
    if (p->tok.kind != T_COMMA) {
        check_target(p, first, "assign to", false);
        return first;
    }
    Node *t = mk(p, N_TUPLE, first->span);
    push(p, &t->u.seq, first);
    while (accept(p, T_COMMA)) {
        if (p->tok.kind == T_IN)
            break;
        push(p, &t->u.seq, parse_binary(p, 1));
    }
    t->span = join_span(first->span, p->prev.span);
    check_target(p, t, "assign to", false);
    return t;
}

/* comp -> comp_for (comp_for | comp_if)*
 * comp_for -> 'for' target_list 'in' or_expr    comp_if -> 'if' or_expr */
static void parse_comp_clauses(Parser *p, Node *comp)
{
    while (p->tok.kind == T_FOR || p->tok.kind == T_IF) {
        SrcSpan start = p->tok.span;
        if (accept(p, T_FOR)) {
            Node *c = mk(p, N_COMP_FOR, start);
            c->u.comp_for.target = parse_target_list(p);
            expect(p, T_IN);
            c->u.comp_for.iter = parse_or(p);
            c->span = join_span(start, p->prev.span);
            push(p, &comp->u.comp.clauses, c);
        } else {
            if (comp->u.comp.clauses.n == 0)
                unexpected(p, "'for'");
            advance(p);
            Node *c = mk(p, N_COMP_IF, start);
            c->u.comp_if.cond = parse_or(p);
            c->span = join_span(start, p->prev.span);
            push(p, &comp->u.comp.clauses, c);
        }
    }
}

/* ------------------------------------------------------------- statements */

static Node *parse_statement(Parser *p);

static bool is_closer(TokKind k)
{
    return k == T_END || k == T_ELSE || k == T_ELIF || k == T_CATCH;
}

static bool at_stmt_end(const Parser *p)
{
    TokKind k = (TokKind)p->tok.kind;
    return k == T_NEWLINE || k == T_SEMI || k == T_EOF || is_closer(k);
}

/* What follows a statement: a newline, ';', the end, or a block's
 * elif/else/catch/end (which end the statement before them). */
static void stmt_end(Parser *p)
{
    if (at_stmt_end(p))
        return;
    if (p->tok.kind == T_ASSIGN)
        error_at(p, p->tok.span,
                 "invalid syntax. Maybe you meant '==' instead of '='?");
    if (p->tok.kind == T_RPAREN || p->tok.kind == T_RBRACKET ||
        p->tok.kind == T_RBRACE)
        error_at(p, p->tok.span, "unmatched '%c'", p->src->text[p->tok.start]);
    unexpected(p, "a newline or ';'");
}

/* header -> ':' | ';' | NEWLINE   (the end of a block's header line) */
static void header_end(Parser *p, Opener *o, const char *what)
{
    switch (p->tok.kind) {
    case T_COLON:
        o->colon = true;
        advance(p);
        return;
    case T_SEMI:
    case T_NEWLINE:
        advance(p);
        return;
    case T_EOF:
        return;
    default:
        if (p->tok.kind == T_IF && p->prev.kind == T_ELSE)
            error_at(p, join_span(p->prev.span, p->tok.span),
                     "invalid syntax: write 'elif' instead of 'else if'");
        if (p->tok.kind == T_ASSIGN)
            error_at(p, p->tok.span,
                     "invalid syntax. Maybe you meant '==' instead of '='?");
        check_habit(p);
        {
            char buf[96];
            snprintf(buf, sizeof buf, "':', ';' or a newline after %s", what);
            unexpected(p, buf);
        }
    }
}

/* block -> (statement (NEWLINE | ';'))*   up to elif/else/catch/end */
static Node *parse_block(Parser *p, const Opener *o)
{
    enter(p, "blocks");
    p->blocks++;
    Node *b = mk(p, N_BLOCK, o->span);
    for (;;) {
        while (p->tok.kind == T_NEWLINE || p->tok.kind == T_SEMI)
            advance(p);
        TokKind k = (TokKind)p->tok.kind;
        if (k == T_EOF || is_closer(k))
            break;
        Node *s = parse_statement(p);
        push(p, &b->u.seq, s);
        stmt_end(p);
    }
    if (p->tok.kind == T_EOF) {
        if (p->lx == &p->main)
            p->incomplete = true;
        const char *name = tok_kind_text(o->kind);
        if (o->colon)
            error_at(p, o->span,
                     "'end' expected (to close %s at line %d); nd closes "
                     "every block with 'end', also after ':'",
                     name, (int)o->span.line);
        error_at(p, o->span, "'end' expected (to close %s at line %d)", name,
                 (int)o->span.line);
    }
    if (b->u.seq.n > 0)
        b->span =
            join_span(b->u.seq.v[0]->span, b->u.seq.v[b->u.seq.n - 1]->span);
    p->blocks--;
    leave(p);
    return b;
}

/* A closer that does not belong to the block o (else after a for...). */
static _Noreturn void wrong_closer(Parser *p, const Opener *o)
{
    error_at(p, p->tok.span,
             "unexpected %s ('end' expected to close %s at line %d)",
             tok_kind_text((TokKind)p->tok.kind), tok_kind_text(o->kind),
             (int)o->span.line);
}

static void expect_end(Parser *p, const Opener *o)
{
    if (p->tok.kind != T_END)
        wrong_closer(p, o);
    advance(p);
}

/* if_stmt -> 'if' expr header block ('elif' expr header block)*
 *            ['else' header block] 'end' */
static Node *parse_if(Parser *p)
{
    Opener o = {T_IF, p->tok.span, false};
    Node *first = NULL, *last = NULL;
    do {
        Node *n = mk(p, N_IF, p->tok.span);
        advance(p); /* 'if' or 'elif' */
        n->u.if_.cond = parse_expr(p);
        header_end(p, &o, "the condition");
        n->u.if_.body = parse_block(p, &o);
        if (last)
            last->u.if_.orelse = n;
        else
            first = n;
        last = n;
    } while (p->tok.kind == T_ELIF);
    if (p->tok.kind == T_ELSE) {
        advance(p);
        header_end(p, &o, "'else'");
        last->u.if_.orelse = parse_block(p, &o);
    }
    expect_end(p, &o);
    for (Node *n = first; n; n = n->u.if_.orelse) {
        n->span = join_span(n->span, p->prev.span);
        if (n->u.if_.orelse && n->u.if_.orelse->kind != N_IF)
            break;
    }
    return first;
}

/* for_stmt -> 'for' target_list 'in' exprlist header block 'end' */
static Node *parse_for(Parser *p)
{
    Opener o = {T_FOR, p->tok.span, false};
    Node *n = mk(p, N_FOR, o.span);
    advance(p);
    n->u.for_.target = parse_target_list(p);
    expect(p, T_IN);
    n->u.for_.iter = parse_exprlist(p);
    header_end(p, &o, "the 'for' header");
    p->loops++;
    n->u.for_.body = parse_block(p, &o);
    p->loops--;
    expect_end(p, &o);
    n->span = join_span(o.span, p->prev.span);
    return n;
}

/* while_stmt -> 'while' expr header block 'end' */
static Node *parse_while(Parser *p)
{
    Opener o = {T_WHILE, p->tok.span, false};
    Node *n = mk(p, N_WHILE, o.span);
    advance(p);
    n->u.while_.cond = parse_expr(p);
    header_end(p, &o, "the condition");
    p->loops++;
    n->u.while_.body = parse_block(p, &o);
    p->loops--;
    expect_end(p, &o);
    n->span = join_span(o.span, p->prev.span);
    return n;
}

/* def_stmt -> 'def' NAME '(' [param (',' param)* [',']] ')' header block
 *             'end'          param -> NAME ['=' expr] */
static Node *parse_def(Parser *p)
{
    Opener o = {T_DEF, p->tok.span, false};
    Node *n = mk(p, N_DEF, o.span);
    FuncInfo *f = &n->u.func;
    advance(p);
    if (p->tok.kind != T_NAME)
        unexpected(p, "a function name");
    f->name = tok_name(p, &p->tok);
    advance(p);
    if (p->tok.kind != T_LPAREN)
        unexpected(p, "'('");
    open_bracket(p);
    const char **params = NULL;
    int32_t cap = 0;
    while (p->tok.kind != T_RPAREN) {
        if (p->tok.kind == T_STAR || p->tok.kind == T_DSTAR)
            star_error(p, p->tok.kind == T_STAR
                              ? "(variable positional parameters)"
                              : "(variable keyword parameters)");
        if (p->tok.kind != T_NAME)
            unexpected(p, "a parameter name");
        Node *pn = name_node(p, &p->tok);
        advance(p);
        if (accept(p, T_ASSIGN)) {
            Node *k = mk(p, N_KWARG, pn->span);
            k->u.kwarg.name = pn->u.name.id;
            k->u.kwarg.value = parse_expr(p);
            pn = k;
        }
        add_param(p, f, pn, &params, &cap);
        if (!accept(p, T_COMMA))
            break;
    }
    close_bracket(p, T_RPAREN);
    if (p->tok.kind == T_ARROW)
        error_at(p, p->tok.span,
                 "invalid syntax: return annotations are not part of nd");
    header_end(p, &o, "the parameter list");
    int loops = p->loops;
    p->loops = 0;
    p->funcs++;
    Node *body = parse_block(p, &o);
    p->funcs--;
    p->loops = loops;
    expect_end(p, &o);
    f->body = body->u.seq;
    if (f->body.n > 0) {
        Node *s0 = f->body.v[0];
        if (s0->kind == N_EXPR_STMT && s0->u.expr_stmt.expr->kind == N_STR)
            f->doc = as_str(s0->u.expr_stmt.expr->u.num)->data;
    }
    n->span = join_span(o.span, p->prev.span);
    return n;
}

/* try_stmt -> 'try' header block 'catch' [NAME] header block 'end' */
static Node *parse_try(Parser *p)
{
    Opener o = {T_TRY, p->tok.span, false};
    Node *n = mk(p, N_TRY, o.span);
    advance(p);
    header_end(p, &o, "'try'");
    n->u.try_.body = parse_block(p, &o);
    if (p->tok.kind != T_CATCH) {
        if (p->tok.kind == T_END)
            error_at(p, p->tok.span,
                     "invalid syntax: 'try' needs a 'catch' block before "
                     "'end'");
        wrong_closer(p, &o);
    }
    advance(p);
    if (p->tok.kind == T_NAME) {
        n->u.try_.name = name_node(p, &p->tok);
        advance(p);
        if (p->tok.kind == T_NAME || p->tok.kind == T_AS)
            error_at(p, join_span(n->u.try_.name->span, p->tok.span),
                     "invalid syntax: 'catch' takes one name that receives "
                     "the error (catch e); test e.kind for its kind");
    }
    header_end(p, &o, "'catch'");
    n->u.try_.handler = parse_block(p, &o);
    expect_end(p, &o);
    n->span = join_span(o.span, p->prev.span);
    return n;
}

/* with_stmt -> 'with' expr ['as' NAME] header block 'end' */
static Node *parse_with(Parser *p)
{
    Opener o = {T_WITH, p->tok.span, false};
    Node *n = mk(p, N_WITH, o.span);
    advance(p);
    n->u.with.ctx = parse_expr(p);
    if (accept(p, T_AS)) {
        if (p->tok.kind != T_NAME)
            unexpected(p, "a name");
        n->u.with.name = name_node(p, &p->tok);
        advance(p);
    }
    header_end(p, &o, "the 'with' header");
    n->u.with.body = parse_block(p, &o);
    expect_end(p, &o);
    n->span = join_span(o.span, p->prev.span);
    return n;
}

/* global_stmt -> ('global' | 'nonlocal') NAME (',' NAME)* */
static Node *parse_names(Parser *p, NodeKind kind)
{
    SrcSpan start = p->tok.span;
    if (kind == N_NONLOCAL && p->funcs == 0)
        error_at(p, start, "nonlocal declaration not allowed at module level");
    advance(p);
    Node *n = mk(p, kind, start);
    const char **names = NULL;
    int32_t cap = 0;
    do {
        if (p->tok.kind != T_NAME)
            unexpected(p, "a name");
        if (n->u.names.n == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            const char **nn = alloc(p, (size_t)nc * sizeof *nn);
            if (n->u.names.n)
                memcpy(nn, names, (size_t)n->u.names.n * sizeof *nn);
            names = nn;
            cap = nc;
        }
        names[n->u.names.n++] = tok_name(p, &p->tok);
        advance(p);
    } while (accept(p, T_COMMA));
    n->u.names.names = names;
    n->span = join_span(start, p->prev.span);
    return n;
}

/* del_stmt -> 'del' target (',' target)* [','] */
static Node *parse_del(Parser *p)
{
    SrcSpan start = p->tok.span;
    advance(p);
    Node *n = mk(p, N_DEL, start);
    Node *e = parse_exprlist(p);
    /* del (a, b) and del a, b both delete a and b */
    Node *stack[64];
    int sp = 0;
    stack[sp++] = e;
    while (sp > 0) {
        Node *t = stack[--sp];
        if ((t->kind == N_TUPLE || t->kind == N_LIST) && sp + t->u.seq.n < 64) {
            for (int32_t i = t->u.seq.n - 1; i >= 0; i--)
                stack[sp++] = t->u.seq.v[i];
            continue;
        }
        if (t->kind != N_NAME && t->kind != N_INDEX && t->kind != N_ATTR)
            error_at(p, t->span, "cannot delete %s", describe(t));
        push(p, &n->u.seq, t);
    }
    n->span = join_span(start, p->prev.span);
    return n;
}

/* import_stmt -> 'import' NAME ('.' NAME)* ['as' NAME] */
static Node *parse_import(Parser *p)
{
    SrcSpan start = p->tok.span;
    advance(p);
    Node *n = mk(p, N_IMPORT, start);
    if (p->tok.kind != T_NAME)
        unexpected(p, "a module name");
    Token first = p->tok;
    size_t mstart = p->tok.start, mend = p->tok.end;
    advance(p);
    while (p->tok.kind == T_DOT) {
        advance(p);
        if (p->tok.kind != T_NAME)
            unexpected(p, "a module name");
        mend = p->tok.end;
        advance(p);
    }
    n->u.import.module = intern(p, p->src->text + mstart, mend - mstart);
    if (accept(p, T_AS)) {
        if (p->tok.kind != T_NAME)
            unexpected(p, "a name");
        n->u.import.alias = tok_name(p, &p->tok);
        n->u.import.target = name_node(p, &p->tok);
        advance(p);
    } else
        n->u.import.target = name_node(p, &first);
    if (p->tok.kind == T_COMMA)
        error_at(p, p->tok.span,
                 "invalid syntax: import one module per statement");
    n->span = join_span(start, p->prev.span);
    return n;
}

/* stmt_expr -> exprlist ('=' exprlist)*  |  target augop exprlist */
static Node *parse_expr_stmt(Parser *p)
{
    SrcSpan start = p->tok.span;
    Node *e = parse_exprlist(p);
    TokKind k = (TokKind)p->tok.kind;
    if (k == T_ASSIGN) {
        Node *a = mk(p, N_ASSIGN, start);
        push(p, &a->u.assign.targets, e);
        Node *value = NULL;
        while (accept(p, T_ASSIGN)) {
            if (value)
                push(p, &a->u.assign.targets, value);
            value = parse_exprlist(p);
        }
        for (int32_t i = 0; i < a->u.assign.targets.n; i++)
            check_target(p, a->u.assign.targets.v[i], "assign to", true);
        a->u.assign.value = value;
        a->span = join_span(start, p->prev.span);
        return a;
    }
    if (k >= T_PLUS_EQ && k <= T_RSHIFT_EQ) {
        static const uint8_t aug[] = {
            OP_ADD,    OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD,   OP_POW,
            OP_MATMUL, OP_AND, OP_OR,  OP_XOR, OP_LSHIFT,   OP_RSHIFT};
        if (e->kind != N_NAME && e->kind != N_INDEX && e->kind != N_ATTR)
            error_at(p, e->span,
                     "'%s' is an illegal expression for augmented "
                     "assignment",
                     describe(e));
        Node *a = mk(p, N_AUGASSIGN, start);
        a->op = aug[k - T_PLUS_EQ];
        advance(p);
        a->u.augassign.target = e;
        a->u.augassign.value = parse_exprlist(p);
        a->span = join_span(start, p->prev.span);
        return a;
    }
    Node *s = mk(p, N_EXPR_STMT, e->span);
    s->u.expr_stmt.expr = e;
    s->u.expr_stmt.echo = p->blocks == 0 && k != T_SEMI;
    return s;
}

/* statement -> if_stmt | for_stmt | while_stmt | def_stmt | try_stmt |
 *   with_stmt | 'return' [exprlist] | 'break' | 'continue' | 'pass' |
 *   global_stmt | del_stmt | import_stmt | 'assert' expr [',' expr] |
 *   stmt_expr */
static Node *parse_statement(Parser *p)
{
    Token t = p->tok;
    Node *n;
    switch (t.kind) {
    case T_IF:
        return parse_if(p);
    case T_FOR:
        return parse_for(p);
    case T_WHILE:
        return parse_while(p);
    case T_DEF:
        return parse_def(p);
    case T_TRY:
        return parse_try(p);
    case T_WITH:
        return parse_with(p);
    case T_RETURN:
        if (p->funcs == 0)
            error_at(p, t.span, "'return' outside function");
        advance(p);
        n = mk(p, N_RETURN, t.span);
        if (!at_stmt_end(p))
            n->u.ret.value = parse_exprlist(p);
        n->span = join_span(t.span, p->prev.span);
        return n;
    case T_BREAK:
    case T_CONTINUE:
        if (p->loops == 0)
            error_at(p, t.span,
                     t.kind == T_BREAK ? "'break' outside loop"
                                       : "'continue' not properly in loop");
        advance(p);
        return mk(p, t.kind == T_BREAK ? N_BREAK : N_CONTINUE, t.span);
    case T_PASS:
        advance(p);
        return mk(p, N_PASS, t.span);
    case T_GLOBAL:
        return parse_names(p, N_GLOBAL);
    case T_NONLOCAL:
        return parse_names(p, N_NONLOCAL);
    case T_DEL:
        return parse_del(p);
    case T_IMPORT:
        return parse_import(p);
    case T_ASSERT:
        advance(p);
        n = mk(p, N_ASSERT, t.span);
        n->u.assert_.cond = parse_expr(p);
        if (accept(p, T_COMMA))
            n->u.assert_.msg = parse_expr(p);
        n->span = join_span(t.span, p->prev.span);
        return n;
    case T_ELIF:
    case T_ELSE:
    case T_CATCH:
    case T_END:
        error_at(p, t.span, "unexpected %s", tok_kind_text((TokKind)t.kind));
    default:
        return parse_expr_stmt(p);
    }
}

/* program -> (statement (NEWLINE | ';'))* EOF */
static Node *parse_top(Parser *p)
{
    Node *b = mk(p, N_BLOCK, p->tok.span);
    for (;;) {
        while (p->tok.kind == T_NEWLINE || p->tok.kind == T_SEMI)
            advance(p);
        if (p->tok.kind == T_EOF)
            break;
        if (is_closer((TokKind)p->tok.kind))
            error_at(p, p->tok.span, "unexpected %s",
                     tok_kind_text((TokKind)p->tok.kind));
        push(p, &b->u.seq, parse_statement(p));
        stmt_end(p);
    }
    if (b->u.seq.n > 0)
        b->span =
            join_span(b->u.seq.v[0]->span, b->u.seq.v[b->u.seq.n - 1]->span);
    return b;
}

Node *parse_program(Source *src)
{
    last_incomplete = false;
    /* volatile: p is read after the longjmp */
    Parser *volatile p = calloc(1, sizeof *p);
    if (!p) {
        rt_raise(ERR_MEMORY, "out of memory while parsing");
        return NULL;
    }
    p->src = src;
    p->arena = &src->arena;
    Node *volatile result = NULL;
    if (setjmp(p->fail) == 0) {
        lexer_init(&p->main, src, 0, src->len, 0, &p->fail, &p->scr);
        p->lx = &p->main;
        lexer_check_text(&p->main);
        advance(p);
        result = parse_top(p);
    } else {
        result = NULL;
        last_incomplete = p->incomplete || p->main.incomplete;
    }
    lexer_scratch_free(&p->scr);
    free(p->brackets);
    free(p->names);
    free(p->join);
    free(p);
    return result;
}
