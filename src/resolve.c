/* resolve.c — the name resolver: one pass over a parsed program that
 * decides, before anything runs, where every name lives, so that the
 * evaluator never looks a name up by its string.  Scope follows
 * LANGUAGE.md §5 (Python's rules): a name bound anywhere in a function
 * body (assignment, augmented assignment, for target, def, import, catch,
 * with ... as, del) is local to the whole body and gets a frame slot;
 * `global` and `nonlocal` override that; any other name is looked up in
 * the enclosing functions (the variable is then shared through a Cell:
 * closures capture variables, not values), then in the module's globals
 * (a Cell per name, module_cell) with the builtin of the same name as the
 * fallback when the global is unbound.  Comprehension variables get fresh
 * hidden slots of the enclosing frame, visible only inside the
 * comprehension, so they do not leak (Python 3).  Top-level code uses
 * global cells; its frame holds only comprehension variables. */
#include <stdlib.h>
#include <string.h>

#include "eval.h"

enum { DECL_LOCAL, DECL_GLOBAL, DECL_NONLOCAL };

typedef struct Decl {
    const char *name;
    uint8_t kind;
    int32_t slot; /* DECL_LOCAL */
    SrcSpan span; /* where it was declared (for errors) */
} Decl;

typedef struct Binding {
    const char *name;
    int32_t slot;
} Binding;

/* One function (or the module's top level) being resolved. */
typedef struct Scope {
    struct Scope *parent;
    bool is_module;
    FuncInfo *fi;
    Decl *decl;
    int ndecl, capdecl;
    const char **slot_names;
    uint8_t *slot_is_cell;
    int nslots, capslots;
    Binding *comp; /* comprehension variables in scope, innermost last */
    int ncomp, capcomp;
    FreeVar *free;
    int nfree, capfree;
    Node **refs; /* names resolved to a slot: turned into SCOPE_CELL at the
                    end when a closure captured that slot */
    int nrefs, caprefs;
} Scope;

typedef struct Resolver {
    Source *src;
    Module *m;
    int failed;
} Resolver;

/* Grow a vector of `size`-byte items to hold n+1; 0 or -1 (MemoryError). */
static int grow(void **v, int *cap, int n, size_t size)
{
    if (n < *cap)
        return 0;
    int nc = *cap ? *cap * 2 : 8;
    void *p = realloc(*v, (size_t)nc * size);
    if (!p)
        return rt_fail(ERR_MEMORY, "out of memory");
    *v = p;
    *cap = nc;
    return 0;
}

static void scope_free(Scope *s)
{
    free(s->decl);
    free(s->slot_names);
    free(s->slot_is_cell);
    free(s->comp);
    free(s->free);
    free(s->refs);
}

static int new_slot(Scope *s, const char *name)
{
    if (grow((void **)&s->slot_names, &s->capslots, s->nslots,
             sizeof *s->slot_names) < 0)
        return -1;
    /* slot_is_cell grows in step with slot_names */
    uint8_t *p = realloc(s->slot_is_cell, (size_t)s->capslots);
    if (!p)
        return rt_fail(ERR_MEMORY, "out of memory");
    s->slot_is_cell = p;
    s->slot_names[s->nslots] = name;
    s->slot_is_cell[s->nslots] = 0;
    return s->nslots++;
}

static Decl *find_decl(Scope *s, const char *name)
{
    for (int i = 0; i < s->ndecl; i++)
        if (strcmp(s->decl[i].name, name) == 0)
            return &s->decl[i];
    return NULL;
}

static Binding *find_comp(Scope *s, const char *name)
{
    for (int i = s->ncomp - 1; i >= 0; i--)
        if (strcmp(s->comp[i].name, name) == 0)
            return &s->comp[i];
    return NULL;
}

static int add_free(Scope *s, const char *name, uint8_t from_cell,
                    int32_t index)
{
    if (grow((void **)&s->free, &s->capfree, s->nfree, sizeof *s->free) < 0)
        return -1;
    s->free[s->nfree].name = name;
    s->free[s->nfree].from_cell_slot = from_cell;
    s->free[s->nfree].index = index;
    return s->nfree++;
}

/* The free-variable number of `name` in function scope s when an
 * enclosing function binds it (adding it, and the chain through the
 * functions in between, as needed); -1 when it is a global; -2 on error. */
static int get_free(Scope *s, const char *name)
{
    for (int i = 0; i < s->nfree; i++)
        if (strcmp(s->free[i].name, name) == 0)
            return i;
    Scope *p = s->parent;
    if (!p)
        return -1;
    Binding *b = find_comp(p, name);
    if (b) {
        p->slot_is_cell[b->slot] = 1;
        int r = add_free(s, name, 1, b->slot);
        return r < 0 ? -2 : r;
    }
    if (p->is_module)
        return -1;
    Decl *d = find_decl(p, name);
    if (d && d->kind == DECL_LOCAL) {
        p->slot_is_cell[d->slot] = 1;
        int r = add_free(s, name, 1, d->slot);
        return r < 0 ? -2 : r;
    }
    if (d && d->kind == DECL_GLOBAL)
        return -1;
    int j = get_free(p, name);
    if (j < 0)
        return j;
    int r = add_free(s, name, 0, j);
    return r < 0 ? -2 : r;
}

static int add_decl(Resolver *r, Scope *s, const char *name, int kind,
                    const Node *at)
{
    Decl *d = find_decl(s, name);
    if (d) {
        if (kind == DECL_LOCAL || d->kind == kind)
            return 0; /* global/nonlocal win over assignments */
        if (d->kind == DECL_LOCAL && d - s->decl < s->fi->nparams) {
            rt_syntax_error(r->src, at->span, "name '%s' is parameter and %s",
                            name, kind == DECL_GLOBAL ? "global" : "nonlocal");
            return -1;
        }
        if (d->kind != DECL_LOCAL) {
            rt_syntax_error(r->src, at->span,
                            "name '%s' is nonlocal and global", name);
            return -1;
        }
        d->kind = (uint8_t)kind; /* an assignment seen before the declaration */
        d->span = at->span;
        return 0;
    }
    if (grow((void **)&s->decl, &s->capdecl, s->ndecl, sizeof *s->decl) < 0)
        return -1;
    d = &s->decl[s->ndecl++];
    d->name = name;
    d->kind = (uint8_t)kind;
    d->slot = -1;
    d->span = at->span;
    return 0;
}

static int collect_target(Resolver *r, Scope *s, Node *t)
{
    if (!t)
        return 0;
    switch (t->kind) {
    case N_NAME:
        return add_decl(r, s, t->u.name.id, DECL_LOCAL, t);
    case N_TUPLE:
    case N_LIST:
        for (int i = 0; i < t->u.seq.n; i++)
            if (collect_target(r, s, t->u.seq.v[i]) < 0)
                return -1;
        return 0;
    default:
        return 0; /* a[i] = v, a.x = v bind nothing */
    }
}

static int collect_block(Resolver *r, Scope *s, NodeVec *v);

/* The names a statement binds in the function it belongs to (nested
 * function bodies and comprehensions are not entered). */
static int collect_stmt(Resolver *r, Scope *s, Node *n)
{
    if (!n)
        return 0;
    switch (n->kind) {
    case N_ASSIGN:
        for (int i = 0; i < n->u.assign.targets.n; i++)
            if (collect_target(r, s, n->u.assign.targets.v[i]) < 0)
                return -1;
        return 0;
    case N_AUGASSIGN:
        return collect_target(r, s, n->u.augassign.target);
    case N_FOR:
        if (collect_target(r, s, n->u.for_.target) < 0)
            return -1;
        return collect_stmt(r, s, n->u.for_.body);
    case N_WHILE:
        return collect_stmt(r, s, n->u.while_.body);
    case N_IF:
        if (collect_stmt(r, s, n->u.if_.body) < 0)
            return -1;
        return collect_stmt(r, s, n->u.if_.orelse);
    case N_DEF:
        return add_decl(r, s, n->u.func.name, DECL_LOCAL, n);
    case N_IMPORT:
        return add_decl(
            r, s, n->u.import.alias ? n->u.import.alias : n->u.import.module,
            DECL_LOCAL, n);
    case N_TRY:
        if (collect_stmt(r, s, n->u.try_.body) < 0 ||
            collect_target(r, s, n->u.try_.name) < 0)
            return -1;
        return collect_stmt(r, s, n->u.try_.handler);
    case N_WITH:
        if (collect_target(r, s, n->u.with.name) < 0)
            return -1;
        return collect_stmt(r, s, n->u.with.body);
    case N_DEL:
        for (int i = 0; i < n->u.seq.n; i++)
            if (collect_target(r, s, n->u.seq.v[i]) < 0)
                return -1;
        return 0;
    case N_GLOBAL:
    case N_NONLOCAL:
        for (int i = 0; i < n->u.names.n; i++)
            if (add_decl(r, s, n->u.names.names[i],
                         n->kind == N_GLOBAL ? DECL_GLOBAL : DECL_NONLOCAL,
                         n) < 0)
                return -1;
        return 0;
    case N_BLOCK:
        return collect_block(r, s, &n->u.seq);
    default:
        return 0;
    }
}

static int collect_block(Resolver *r, Scope *s, NodeVec *v)
{
    for (int i = 0; i < v->n; i++)
        if (collect_stmt(r, s, v->v[i]) < 0)
            return -1;
    return 0;
}

static int add_ref(Scope *s, Node *n)
{
    if (grow((void **)&s->refs, &s->caprefs, s->nrefs, sizeof *s->refs) < 0)
        return -1;
    s->refs[s->nrefs++] = n;
    return 0;
}

static int resolve_name(Resolver *r, Scope *s, Node *n)
{
    const char *id = n->u.name.id;
    Binding *b = find_comp(s, id);
    if (b) {
        n->u.name.scope = SCOPE_LOCAL;
        n->u.name.slot = b->slot;
        return add_ref(s, n);
    }
    if (!s->is_module) {
        Decl *d = find_decl(s, id);
        if (d && d->kind == DECL_LOCAL) {
            n->u.name.scope = SCOPE_LOCAL;
            n->u.name.slot = d->slot;
            return add_ref(s, n);
        }
        if (!d || d->kind == DECL_NONLOCAL) {
            int j = get_free(s, id);
            if (j == -2)
                return -1;
            if (j >= 0) {
                n->u.name.scope = SCOPE_FREE;
                n->u.name.slot = j;
                return 0;
            }
        }
    }
    n->u.name.scope = SCOPE_GLOBAL;
    n->u.name.cell = module_cell(r->m, id);
    if (!n->u.name.cell)
        return -1;
    n->u.name.builtin = builtin_cell(id);
    return 0;
}

static int resolve_node(Resolver *r, Scope *s, Node *n);

static int resolve_vec(Resolver *r, Scope *s, NodeVec *v)
{
    for (int i = 0; i < v->n; i++)
        if (resolve_node(r, s, v->v[i]) < 0)
            return -1;
    return 0;
}

/* Copy a scope's layout into its FuncInfo (arena memory). */
static int finish_scope(Resolver *r, Scope *s)
{
    FuncInfo *fi = s->fi;
    for (int i = 0; i < s->nrefs; i++) {
        Node *n = s->refs[i];
        if (n->u.name.scope == SCOPE_LOCAL && s->slot_is_cell[n->u.name.slot])
            n->u.name.scope = SCOPE_CELL;
    }
    fi->nslots = s->nslots;
    fi->nfree = s->nfree;
    fi->slot_is_cell = NULL;
    fi->slot_names = NULL;
    fi->free = NULL;
    if (s->nslots) {
        fi->slot_is_cell = arena_alloc(&r->src->arena, (size_t)s->nslots);
        fi->slot_names =
            arena_alloc(&r->src->arena, (size_t)s->nslots * sizeof(char *));
        if (!fi->slot_is_cell || !fi->slot_names)
            return rt_fail(ERR_MEMORY, "out of memory");
        memcpy(fi->slot_is_cell, s->slot_is_cell, (size_t)s->nslots);
        memcpy(fi->slot_names, s->slot_names,
               (size_t)s->nslots * sizeof(char *));
    }
    if (s->nfree) {
        fi->free =
            arena_alloc(&r->src->arena, (size_t)s->nfree * sizeof(FreeVar));
        if (!fi->free)
            return rt_fail(ERR_MEMORY, "out of memory");
        memcpy(fi->free, s->free, (size_t)s->nfree * sizeof(FreeVar));
    }
    return 0;
}

/* The body of a def or lambda: a new scope whose locals are its
 * parameters and every name its body binds. */
static int resolve_function(Resolver *r, Scope *parent, Node *n)
{
    FuncInfo *fi = &n->u.func;
    Scope s = {.parent = parent, .fi = fi};
    int rc = -1;
    for (int i = 0; i < fi->nparams; i++) {
        if (find_decl(&s, fi->params[i])) {
            rt_syntax_error(r->src, n->span,
                            "duplicate argument '%s' in function definition",
                            fi->params[i]);
            goto out;
        }
        if (add_decl(r, &s, fi->params[i], DECL_LOCAL, n) < 0)
            goto out;
    }
    if (n->kind == N_DEF && collect_block(r, &s, &fi->body) < 0)
        goto out;
    /* slots: parameters first, then the other locals in order */
    for (int i = 0; i < s.ndecl; i++) {
        if (s.decl[i].kind == DECL_LOCAL) {
            int slot = new_slot(&s, s.decl[i].name);
            if (slot < 0)
                goto out;
            s.decl[i].slot = slot;
        } else if (s.decl[i].kind == DECL_NONLOCAL) {
            int j = get_free(&s, s.decl[i].name);
            if (j == -2)
                goto out;
            if (j < 0) {
                rt_syntax_error(r->src, s.decl[i].span,
                                "no binding for nonlocal '%s' found",
                                s.decl[i].name);
                goto out;
            }
        }
    }
    if (n->kind == N_DEF) {
        if (resolve_vec(r, &s, &fi->body) < 0)
            goto out;
    } else if (resolve_node(r, &s, fi->expr) < 0) {
        goto out;
    }
    rc = finish_scope(r, &s);
out:
    scope_free(&s);
    return rc;
}

/* Comprehension targets: fresh slots, pushed as bindings. */
static int bind_comp_target(Resolver *r, Scope *s, Node *t)
{
    if (!t)
        return 0;
    if (t->kind == N_NAME) {
        int slot = new_slot(s, t->u.name.id);
        if (slot < 0 ||
            grow((void **)&s->comp, &s->capcomp, s->ncomp, sizeof *s->comp) < 0)
            return -1;
        s->comp[s->ncomp].name = t->u.name.id;
        s->comp[s->ncomp].slot = slot;
        s->ncomp++;
        return resolve_name(r, s, t);
    }
    if (t->kind == N_TUPLE || t->kind == N_LIST) {
        for (int i = 0; i < t->u.seq.n; i++)
            if (bind_comp_target(r, s, t->u.seq.v[i]) < 0)
                return -1;
        return 0;
    }
    return resolve_node(r, s, t);
}

static int resolve_comp(Resolver *r, Scope *s, Node *n)
{
    int saved = s->ncomp;
    NodeVec *cl = &n->u.comp.clauses;
    int rc = -1;
    for (int i = 0; i < cl->n; i++) {
        Node *c = cl->v[i];
        if (c->kind == N_COMP_FOR) {
            /* the iterable is evaluated before the variable exists (the
             * first one in the enclosing scope, as Python does) */
            if (resolve_node(r, s, c->u.comp_for.iter) < 0 ||
                bind_comp_target(r, s, c->u.comp_for.target) < 0)
                goto out;
        } else if (resolve_node(r, s, c->u.comp_if.cond) < 0) {
            goto out;
        }
    }
    rc = resolve_node(r, s, n->u.comp.elt);
out:
    s->ncomp = saved;
    return rc;
}

/* A name node the resolver adds for a statement that binds a name but has
 * no N_NAME of its own (import, def). */
static Node *make_name(Resolver *r, const char *id, SrcSpan span)
{
    Node *t = arena_alloc(&r->src->arena, sizeof *t);
    if (!t) {
        rt_fail(ERR_MEMORY, "out of memory");
        return NULL;
    }
    memset(t, 0, sizeof *t);
    t->kind = N_NAME;
    t->span = span;
    t->u.name.id = id;
    return t;
}

static int resolve_node(Resolver *r, Scope *s, Node *n)
{
    if (!n)
        return 0;
    switch (n->kind) {
    case N_NUM:
    case N_STR:
    case N_NONE:
    case N_TRUE:
    case N_FALSE:
    case N_ELLIPSIS:
    case N_BREAK:
    case N_CONTINUE:
    case N_PASS:
        return 0;
    case N_GLOBAL:
        return 0;
    case N_NONLOCAL:
        if (s->is_module) {
            rt_syntax_error(r->src, n->span,
                            "nonlocal declaration not allowed at module level");
            return -1;
        }
        return 0;
    case N_FSTRING:
        return resolve_vec(r, s, &n->u.fstr.parts);
    case N_FORMAT:
        if (resolve_node(r, s, n->u.fmt.expr) < 0)
            return -1;
        return resolve_node(r, s, n->u.fmt.spec);
    case N_NAME:
        return resolve_name(r, s, n);
    case N_TUPLE:
    case N_LIST:
    case N_BLOCK:
    case N_DEL:
        return resolve_vec(r, s, &n->u.seq);
    case N_DICT:
        if (resolve_vec(r, s, &n->u.dict.keys) < 0)
            return -1;
        return resolve_vec(r, s, &n->u.dict.values);
    case N_UNARY:
        return resolve_node(r, s, n->u.unary.operand);
    case N_BINARY:
    case N_AND:
    case N_OR:
        if (resolve_node(r, s, n->u.binary.left) < 0)
            return -1;
        return resolve_node(r, s, n->u.binary.right);
    case N_COMPARE:
        return resolve_vec(r, s, &n->u.cmp.operands);
    case N_IFEXP:
        if (resolve_node(r, s, n->u.ifexp.cond) < 0 ||
            resolve_node(r, s, n->u.ifexp.then) < 0)
            return -1;
        return resolve_node(r, s, n->u.ifexp.orelse);
    case N_LAMBDA:
        if (resolve_vec(r, s, &n->u.func.defaults) < 0)
            return -1;
        return resolve_function(r, s, n);
    case N_DEF:
        /* The def binds its name: the resolver keeps that N_NAME in
         * u.func.expr, which only lambdas use otherwise. */
        if (resolve_vec(r, s, &n->u.func.defaults) < 0)
            return -1;
        if (!n->u.func.expr) {
            n->u.func.expr = make_name(r, n->u.func.name, n->span);
            if (!n->u.func.expr)
                return -1;
        }
        if (resolve_name(r, s, n->u.func.expr) < 0)
            return -1;
        return resolve_function(r, s, n);
    case N_CALL:
        if (resolve_node(r, s, n->u.call.func) < 0)
            return -1;
        return resolve_vec(r, s, &n->u.call.args);
    case N_KWARG:
        return resolve_node(r, s, n->u.kwarg.value);
    case N_INDEX:
        if (resolve_node(r, s, n->u.index.obj) < 0)
            return -1;
        return resolve_vec(r, s, &n->u.index.items);
    case N_SLICE:
        if (resolve_node(r, s, n->u.slice.start) < 0 ||
            resolve_node(r, s, n->u.slice.stop) < 0)
            return -1;
        return resolve_node(r, s, n->u.slice.step);
    case N_ATTR:
        return resolve_node(r, s, n->u.attr.obj);
    case N_LISTCOMP:
        return resolve_comp(r, s, n);
    case N_COMP_FOR:
    case N_COMP_IF:
        return 0; /* handled by resolve_comp */
    case N_EXPR_STMT:
        return resolve_node(r, s, n->u.expr_stmt.expr);
    case N_ASSIGN:
        if (resolve_node(r, s, n->u.assign.value) < 0)
            return -1;
        return resolve_vec(r, s, &n->u.assign.targets);
    case N_AUGASSIGN:
        if (resolve_node(r, s, n->u.augassign.target) < 0)
            return -1;
        return resolve_node(r, s, n->u.augassign.value);
    case N_IF:
        if (resolve_node(r, s, n->u.if_.cond) < 0 ||
            resolve_node(r, s, n->u.if_.body) < 0)
            return -1;
        return resolve_node(r, s, n->u.if_.orelse);
    case N_FOR:
        if (resolve_node(r, s, n->u.for_.iter) < 0 ||
            resolve_node(r, s, n->u.for_.target) < 0)
            return -1;
        return resolve_node(r, s, n->u.for_.body);
    case N_WHILE:
        if (resolve_node(r, s, n->u.while_.cond) < 0)
            return -1;
        return resolve_node(r, s, n->u.while_.body);
    case N_RETURN:
        if (s->is_module) {
            rt_syntax_error(r->src, n->span, "'return' outside function");
            return -1;
        }
        return resolve_node(r, s, n->u.ret.value);
    case N_IMPORT:
        if (!n->u.import.target) {
            n->u.import.target = make_name(
                r, n->u.import.alias ? n->u.import.alias : n->u.import.module,
                n->span);
            if (!n->u.import.target)
                return -1;
        }
        return resolve_name(r, s, n->u.import.target);
    case N_TRY:
        if (resolve_node(r, s, n->u.try_.body) < 0 ||
            resolve_node(r, s, n->u.try_.name) < 0)
            return -1;
        return resolve_node(r, s, n->u.try_.handler);
    case N_WITH:
        if (resolve_node(r, s, n->u.with.ctx) < 0 ||
            resolve_node(r, s, n->u.with.name) < 0)
            return -1;
        return resolve_node(r, s, n->u.with.body);
    case N_ASSERT:
        if (resolve_node(r, s, n->u.assert_.cond) < 0)
            return -1;
        return resolve_node(r, s, n->u.assert_.msg);
    default:
        rt_syntax_error(r->src, n->span, "internal error: unknown node kind %d",
                        (int)n->kind);
        return -1;
    }
}

int resolve_program(Source *src, Node *program, Module *m, FuncInfo *top)
{
    Resolver r = {.src = src, .m = m};
    memset(top, 0, sizeof *top);
    top->name = "<module>";
    Scope s = {.is_module = true, .fi = top};
    int rc = -1;
    if (program->kind == N_BLOCK) {
        if (resolve_vec(&r, &s, &program->u.seq) < 0)
            goto out;
    } else if (resolve_node(&r, &s, program) < 0) {
        goto out;
    }
    rc = finish_scope(&r, &s);
out:
    scope_free(&s);
    return rc;
}
