/* ast.h — the syntax tree the parser builds and the evaluator walks.
 *
 * Every node carries its source span (line/column of its first and last
 * character, 1-based, columns in bytes) so errors can underline the failing
 * sub-expression.  The resolver (resolve.c) fills the scope fields of name
 * and function nodes before evaluation; the parser leaves them zero.
 * Nodes are allocated from an arena owned by the Source they came from and
 * live as long as any function created from them (Source is refcounted).
 */
#ifndef ND_AST_H
#define ND_AST_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

/* A program text: a file, a -e string, one REPL entry.  Refcounted because
 * functions defined in it outlive the run that parsed it. */
typedef struct Source {
    int64_t refcount;
    char *name; /* "demo.nd", "<stdin>", "<string>" */
    char *text; /* NUL-terminated */
    size_t len;
    int32_t nlines;
    size_t *line_starts; /* byte offset of each line (nlines entries) */
    struct Arena *arena; /* the nodes */
} Source;

typedef struct SrcSpan {
    int32_t line, col;         /* first character */
    int32_t end_line, end_col; /* last character (inclusive) */
} SrcSpan;

typedef enum NodeKind {
    /* expressions */
    N_NUM,     /* u.num: a literal scalar (weak) */
    N_STR,     /* u.str: a literal string (value is an interned Str) */
    N_FSTRING, /* u.fstr: parts, each N_STR or N_FORMAT */
    N_FORMAT,  /* u.fmt: {expr!conv:spec} inside an f-string */
    N_NONE,
    N_TRUE,
    N_FALSE,
    N_ELLIPSIS, /* ... in an index */
    N_NAME,     /* u.name */
    N_TUPLE,    /* u.seq: (a, b), a, b */
    N_LIST,     /* u.seq: a bracket literal [a, b] (array or list, §2) */
    N_DICT,     /* u.dict */
    N_UNARY,    /* u.unary, op: OP_NEG, OP_POS, OP_INVERT, OP_NOT */
    N_BINARY,   /* u.binary, op: OP_ADD ... OP_MATMUL */
    N_AND,      /* u.binary */
    N_OR,       /* u.binary */
    N_COMPARE,  /* u.cmp: a < b <= c (ops[i] between operands i, i+1) */
    N_IFEXP,    /* u.ifexp: then if cond else orelse */
    N_LAMBDA,   /* u.func (body is one expression: u.func.expr) */
    N_CALL,     /* u.call */
    N_KWARG,    /* u.kwarg: name=value inside a call */
    N_INDEX,    /* u.index: obj[items] */
    N_SLICE,    /* u.slice: start:stop:step (children may be NULL) */
    N_ATTR,     /* u.attr: obj.name */
    N_LISTCOMP, /* u.comp */
    N_COMP_FOR, /* u.comp_for: for target in iter (clause of a comp) */
    N_COMP_IF,  /* u.comp_if: if cond (clause of a comp) */
    /* statements */
    N_EXPR_STMT, /* u.expr_stmt: an expression; echo=1 when the REPL/-e
                    should echo it (top level, no trailing ';') */
    N_ASSIGN,    /* u.assign: t1 = t2 = value */
    N_AUGASSIGN, /* u.augassign, op: the binary operator */
    N_IF,        /* u.if_: cond, body, orelse (N_BLOCK, N_IF or NULL) */
    N_FOR,       /* u.for_ */
    N_WHILE,     /* u.while_ */
    N_BREAK,
    N_CONTINUE,
    N_PASS,
    N_DEF,      /* u.func */
    N_RETURN,   /* u.ret (value may be NULL) */
    N_GLOBAL,   /* u.names */
    N_NONLOCAL, /* u.names */
    N_DEL,      /* u.seq: targets */
    N_IMPORT,   /* u.import */
    N_TRY,      /* u.try_ */
    N_WITH,     /* u.with */
    N_ASSERT,   /* u.assert_ */
    N_BLOCK,    /* u.seq: statements */
    N_KIND_COUNT
} NodeKind;

typedef enum OpKind {
    OP_NONE,
    /* binary, in the order of NdUfuncId where one exists */
    OP_ADD,
    OP_SUB,
    OP_MUL,
    OP_DIV,
    OP_FLOORDIV,
    OP_MOD,
    OP_POW,
    OP_MATMUL,
    OP_AND, /* & */
    OP_OR,  /* | */
    OP_XOR, /* ^ */
    OP_LSHIFT,
    OP_RSHIFT,
    /* unary */
    OP_NEG,
    OP_POS,
    OP_INVERT, /* ~ */
    OP_NOT,
    /* comparison */
    OP_EQ,
    OP_NE,
    OP_LT,
    OP_LE,
    OP_GT,
    OP_GE,
    OP_IN,
    OP_NOT_IN,
    OP_IS,
    OP_IS_NOT,
} OpKind;

typedef struct Node Node;

typedef struct NodeVec {
    int32_t n, cap;
    Node **v;
} NodeVec;

/* Where a name lives, decided by the resolver. */
typedef enum NameScope {
    SCOPE_UNRESOLVED = 0,
    SCOPE_LOCAL,  /* frame slot `slot` holds the value */
    SCOPE_CELL,   /* frame slot `slot` holds a Cell (captured by a closure) */
    SCOPE_FREE,   /* the function's free cell number `slot` */
    SCOPE_GLOBAL, /* `cell` is the module's global cell; when it is unbound,
                     `builtin` (may be NULL) is read instead */
} NameScope;

/* A captured variable of a function: where the creating frame finds it. */
typedef struct FreeVar {
    const char *name;
    uint8_t from_cell_slot; /* 1: creator's frame slot `index` (a Cell);
                               0: creator's own free cell `index` */
    int32_t index;
} FreeVar;

typedef struct FuncInfo {
    const char *name; /* "<lambda>" for lambdas */
    int32_t nparams;
    const char **params;
    NodeVec defaults; /* one per trailing parameter that has a default */
    NodeVec body;     /* N_DEF: statements */
    Node *expr;       /* N_LAMBDA: the body expression */
    const char *doc;  /* a string literal first in the body, or NULL */
    /* filled by the resolver */
    int32_t nslots;          /* frame size: parameters first, then locals */
    uint8_t *slot_is_cell;   /* nslots flags: slot holds a Cell */
    const char **slot_names; /* nslots names, for errors and whos() */
    int32_t nfree;
    FreeVar *free;
} FuncInfo;

struct Node {
    uint16_t kind; /* NodeKind */
    uint16_t op;   /* OpKind for unary/binary/augassign */
    SrcSpan span;
    union {
        Value num; /* N_NUM (a weak scalar) and N_STR (a Str) */
        struct {
            NodeVec parts;
        } fstr;
        struct {
            Node *expr;
            char conv;  /* 0, 'r' or 's' */
            Node *spec; /* N_FSTRING or NULL */
        } fmt;
        struct {
            const char *id;
            uint8_t scope; /* NameScope */
            int32_t slot;
            Cell *cell;
            Cell *builtin;
        } name;
        NodeVec seq;
        struct {
            NodeVec keys, values;
        } dict;
        struct {
            Node *operand;
        } unary;
        struct {
            Node *left, *right;
        } binary;
        struct {
            NodeVec operands;
            uint8_t *ops; /* operands.n - 1 OpKinds */
        } cmp;
        struct {
            Node *cond, *then, *orelse;
        } ifexp;
        FuncInfo func;
        struct {
            Node *func;
            NodeVec args; /* positional expressions, then N_KWARG nodes */
        } call;
        struct {
            const char *name;
            Node *value;
        } kwarg;
        struct {
            Node *obj;
            NodeVec items; /* one per comma-separated index item */
            uint8_t tuple; /* written as a[i,] / a[i, j]: a tuple index */
        } index;
        struct {
            Node *start, *stop, *step;
        } slice;
        struct {
            Node *obj;
            const char *name;
        } attr;
        struct {
            Node *elt;
            NodeVec clauses; /* N_COMP_FOR / N_COMP_IF in order */
            /* the comprehension runs in the enclosing scope's frame:
             * its targets are ordinary names of that scope */
        } comp;
        struct {
            Node *target, *iter;
        } comp_for;
        struct {
            Node *cond;
        } comp_if;
        struct {
            Node *expr;
            uint8_t echo;
        } expr_stmt;
        struct {
            NodeVec targets; /* each N_NAME, N_TUPLE/N_LIST of targets,
                                N_INDEX or N_ATTR */
            Node *value;
        } assign;
        struct {
            Node *target, *value;
        } augassign;
        struct {
            Node *cond, *body, *orelse;
        } if_;
        struct {
            Node *target, *iter, *body;
        } for_;
        struct {
            Node *cond, *body;
        } while_;
        struct {
            Node *value;
        } ret;
        struct {
            int32_t n;
            const char **names;
        } names;
        struct {
            const char *module; /* "numpy", "mymod" */
            const char *alias;  /* NULL when none */
            Node *target;       /* N_NAME bound by the import (resolver) */
        } import;
        struct {
            Node *body;
            Node *name; /* N_NAME or NULL */
            Node *handler;
        } try_;
        struct {
            Node *ctx;
            Node *name; /* `with x as name`, or NULL */
            Node *body;
        } with;
        struct {
            Node *cond, *msg;
        } assert_;
    } u;
};

/* ---------------------------------------------------------- construction */

Source *source_new(const char *name, const char *text, size_t len);
void source_incref(Source *s);
void source_decref(Source *s);
/* The text of line `line` (1-based) without its newline, and its length. */
const char *source_line(const Source *s, int32_t line, size_t *len);

/* Arena allocation of nodes and strings; out of memory yields NULL. */
void *arena_alloc(struct Arena **arena, size_t n);
char *arena_strdup(struct Arena **arena, const char *s, size_t n);
void arena_free(struct Arena *arena);
int nodevec_push(struct Arena **arena, NodeVec *v, Node *n);
/* Added by the parser room: the arena takes over the reference to v and
 * releases it when the arena is freed (the Str of a string literal). */
int arena_keep(struct Arena **arena, Value v);
/* NOTE (parser room): the parser allocates each node with only the bytes its
 * kind uses (offsetof(Node, u) + the size of its union member), so a
 * 10 MB list literal stays small.  Access only the union member of the
 * node's kind and never copy a Node by value. */

#endif
