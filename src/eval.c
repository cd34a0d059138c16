/* eval.c — the evaluator room: a tree-walking interpreter over the
 * resolved syntax tree, function calls (call_value and the binding of
 * arguments to parameters with Python's TypeErrors), modules (the
 * persistent __main__, module_cell, `import`), the REPL/-e echo and
 * interp_run, which parses, resolves and runs a program text.
 *
 * Speed comes from the resolver: names are frame slots or Cell pointers,
 * never looked up by string while running.  Scalars are unboxed Values, so
 * `s = s + i*i` over a range allocates nothing: the range is walked with a
 * C counter, and weak int64/float64 +, -, * (the operations of scalar
 * loops) have inline fast paths that give exactly what op_binary gives
 * (anything they cannot do exactly — overflow, other dtypes — goes to
 * op_binary).  Whole statements `name = e` / `name OP= e` over such
 * scalars (exec_fast) run without Values, and skip the per-statement
 * floating-point check when nothing since the last clean check could have
 * raised an event (exec_block_from).
 *
 * Errors: a failing node returns the error sentinel; the innermost node
 * attaches its place (rt_set_place keeps the first one), and each function
 * call being unwound adds a traceback frame.  Depth: nd frames are counted
 * against interp_recursion_limit, and the C stack itself is checked on
 * every node so that no program (deep recursion, deeply nested
 * expressions) can overflow it: RecursionError instead. */
#define _GNU_SOURCE /* pthread_getattr_np, realpath */
#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "eval.h"
#include "gc.h"
#include "ops.h"
#include "parser.h"

int interp_exit_status;
bool interp_exit_requested;
int interp_recursion_limit = 10000;

/* ------------------------------------------------------------ frames */

typedef struct Frame {
    Value *slots;
    Cell **free;
    Source *src;
    Module *module;
    const FuncInfo *fi;
    Value ret; /* the value of a `return` being executed */
} Frame;

/* What executing a statement did. */
enum { EX_OK = 0, EX_ERR = -1, EX_BREAK = 1, EX_CONTINUE = 2, EX_RETURN = 3 };

static _Thread_local int call_depth;
static _Thread_local uintptr_t stack_floor;

/* Values that hold no reference need no refcount traffic: the hot paths
 * test the kind inline instead of calling v_incref/v_decref. */
static inline void xincref(Value v)
{
    if (v.kind > VK_SCALAR)
        v_incref(v);
}
static inline void xdecref(Value v)
{
    if (v.kind > VK_SCALAR)
        v_decref(v);
}

static inline Value ellipsis_value(void)
{
    Value v = {.kind = VK_ELLIPSIS};
    return v;
}

static void stack_init(void)
{
    if (stack_floor)
        return;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return;
    void *addr;
    size_t size;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
        /* Keep a margin for what runs below the last check (libnd,
         * printing, the error report): 1/16 of the stack, at least
         * 256 KiB. */
        size_t margin = size / 16;
        if (margin < 256 * 1024)
            margin = 256 * 1024;
        if (margin < size)
            stack_floor = (uintptr_t)addr + margin;
    }
    pthread_attr_destroy(&attr);
}

static inline bool stack_exhausted(void)
{
    return (uintptr_t)__builtin_frame_address(0) < stack_floor;
}

static Value recursion_error(void)
{
    return rt_raise(ERR_RECURSION, "maximum recursion depth exceeded");
}

static Value interrupt_error(void)
{
    interp_interrupted = 0;
    return rt_raise(ERR_INTERRUPT, "%s", "");
}

/* ------------------------------------------------------------ modules */

static Module *main_module;

Module *interp_main_module(void)
{
    if (!main_module)
        main_module = module_new("__main__", NULL);
    return main_module;
}

Cell *module_cell(Module *m, const char *name)
{
    Value c = dict_get_str(m->globals, name);
    if (c.kind == VK_CELL)
        return (Cell *)c.as.obj;
    Value cell = v_cell_new(v_unset());
    if (v_is_err(cell))
        return NULL;
    Value key = v_str(name);
    if (v_is_err(key)) {
        v_decref(cell);
        return NULL;
    }
    int rc = dict_set(m->globals, key, cell);
    v_decref(key);
    v_decref(cell); /* the dict holds it now */
    return rc < 0 ? NULL : (Cell *)cell.as.obj;
}

/* ------------------------------------------------------------ names */

static Value unbound_error(const Node *n)
{
    switch (n->u.name.scope) {
    case SCOPE_LOCAL:
    case SCOPE_CELL:
        return rt_raise(ERR_UNBOUND_LOCAL,
                        "cannot access local variable '%s' where it is not "
                        "associated with a value",
                        n->u.name.id);
    case SCOPE_FREE:
        return rt_raise(ERR_NAME,
                        "cannot access free variable '%s' where it is not "
                        "associated with a value in enclosing scope",
                        n->u.name.id);
    default:
        return rt_raise(ERR_NAME, "name '%s' is not defined", n->u.name.id);
    }
}

/* The variable a name node stands for: its Value slot. */
static inline Value *name_ref(Frame *F, const Node *n)
{
    /* Tests, not a switch: locals and globals (the names of scalar loops)
     * are found after one or two compares instead of an indirect jump. */
    int scope = n->u.name.scope;
    if (scope == SCOPE_LOCAL)
        return &F->slots[n->u.name.slot];
    if ((unsigned)(scope - SCOPE_CELL) > SCOPE_FREE - SCOPE_CELL)
        return &n->u.name.cell->v; /* SCOPE_GLOBAL */
    if (scope == SCOPE_CELL)
        return &((Cell *)F->slots[n->u.name.slot].as.obj)->v;
    return &F->free[n->u.name.slot]->v;
}

static inline Value load_name(Frame *F, const Node *n)
{
    Value v = *name_ref(F, n);
    if (v.kind == VK_UNSET) {
        if (n->u.name.scope == SCOPE_GLOBAL && n->u.name.builtin &&
            n->u.name.builtin->v.kind != VK_UNSET)
            v = n->u.name.builtin->v;
        else
            return unbound_error(n);
    }
    xincref(v);
    return v;
}

/* Bind a name, taking over the reference v. */
static inline void store_name_take(Frame *F, const Node *n, Value v)
{
    Value *p = name_ref(F, n);
    Value old = *p;
    *p = v;
    xdecref(old);
}

static int del_name(Frame *F, const Node *n)
{
    Value *p = name_ref(F, n);
    if (p->kind == VK_UNSET) {
        unbound_error(n);
        return -1;
    }
    Value old = *p;
    *p = v_unset();
    xdecref(old);
    return 0;
}

/* --------------------------------------------------- scalar fast paths */

/* Weak int64/float64 +, -, *: exactly op_binary's result (Python's int and
 * float arithmetic); false when op_binary must decide (overflow raises). */
static inline __attribute__((always_inline)) bool
fast_binary(int op, Value a, Value b, Value *out)
{
    if (a.kind != VK_SCALAR || b.kind != VK_SCALAR || !a.weak || !b.weak)
        return false;
    if (a.dtype == ND_INT64 && b.dtype == ND_INT64) {
        int64_t r;
        bool ovf;
        switch (op) {
        case OP_ADD:
            ovf = __builtin_add_overflow(a.as.i, b.as.i, &r);
            break;
        case OP_SUB:
            ovf = __builtin_sub_overflow(a.as.i, b.as.i, &r);
            break;
        case OP_MUL:
            ovf = __builtin_mul_overflow(a.as.i, b.as.i, &r);
            break;
        default:
            return false;
        }
        if (ovf)
            return false;
        *out = v_int(r);
        return true;
    }
    double x, y;
    if (a.dtype == ND_FLOAT64)
        x = a.as.f;
    else if (a.dtype == ND_INT64)
        x = (double)a.as.i;
    else
        return false;
    if (b.dtype == ND_FLOAT64)
        y = b.as.f;
    else if (b.dtype == ND_INT64)
        y = (double)b.as.i;
    else
        return false;
    switch (op) {
    case OP_ADD:
        *out = v_float(x + y);
        return true;
    case OP_SUB:
        *out = v_float(x - y);
        return true;
    case OP_MUL:
        *out = v_float(x * y);
        return true;
    default:
        return false;
    }
}

/* Comparisons of two weak int64 or two weak float64 scalars.  Each
 * operator is read off the three relations, which are all false for a NaN
 * operand, as IEEE comparison wants (nan != x is the only true one). */
static inline bool fast_compare(int op, Value a, Value b, Value *out)
{
    if (a.kind != VK_SCALAR || b.kind != VK_SCALAR || !a.weak || !b.weak ||
        a.dtype != b.dtype)
        return false;
    bool lt, eq, gt;
    if (a.dtype == ND_INT64) {
        lt = a.as.i < b.as.i;
        eq = a.as.i == b.as.i;
        gt = a.as.i > b.as.i;
    } else if (a.dtype == ND_FLOAT64) {
        lt = a.as.f < b.as.f;
        eq = a.as.f == b.as.f;
        gt = a.as.f > b.as.f;
    } else {
        return false;
    }
    bool r;
    switch (op) {
    case OP_LT:
        r = lt;
        break;
    case OP_LE:
        r = lt || eq;
        break;
    case OP_GT:
        r = gt;
        break;
    case OP_GE:
        r = gt || eq;
        break;
    case OP_EQ:
        r = eq;
        break;
    case OP_NE:
        r = !eq;
        break;
    default:
        return false;
    }
    *out = v_bool(r);
    return true;
}

static inline int truth(Value v)
{
    if (v.kind == VK_SCALAR && v.dtype == ND_BOOL)
        return v.as.b;
    if (v.kind == VK_SCALAR && v.dtype == ND_INT64)
        return v.as.i != 0;
    if (v.kind == VK_NONE)
        return 0;
    return op_truth(v);
}

/* ------------------------------------------------------------ calls */

static Value eval_expr(Frame *F, Node *n);
static Value eval_binary(Frame *F, Node *n);
static int exec_block(Frame *F, NodeVec *body);
static int exec_stmt(Frame *F, Node *n);
static int assign_target(Frame *F, Node *t, Value v);

static void put_names(TextBuf *b, const char **names, int n)
{
    for (int i = 0; i < n; i++) {
        if (i > 0)
            textbuf_puts(b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        textbuf_printf(b, "'%s'", names[i]);
    }
}

/* Bind the arguments of a call to the parameter slots (Python's rules and
 * messages); slots come in VK_UNSET and get new references. */
static int bind_args(Function *fn, Value *slots, const Value *pos, int npos,
                     const KwArg *kw, int nkw)
{
    const FuncInfo *fi = &fn->node->u.func;
    int n = fi->nparams, ndef = fi->defaults.n, first_def = n - ndef;
    if (npos > n) {
        const char *gv = npos == 1 ? "was" : "were";
        if (ndef > 0)
            return rt_fail(ERR_TYPE,
                           "%s() takes from %d to %d positional arguments but "
                           "%d %s given",
                           fi->name, first_def, n, npos, gv);
        return rt_fail(ERR_TYPE,
                       "%s() takes %d positional argument%s but %d %s given",
                       fi->name, n, n == 1 ? "" : "s", npos, gv);
    }
    for (int i = 0; i < npos; i++) {
        xincref(pos[i]);
        slots[i] = pos[i];
    }
    for (int k = 0; k < nkw; k++) {
        int j = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(fi->params[i], kw[k].name) == 0) {
                j = i;
                break;
            }
        if (j < 0)
            return rt_fail(ERR_TYPE,
                           "%s() got an unexpected keyword argument '%s'",
                           fi->name, kw[k].name);
        if (slots[j].kind != VK_UNSET)
            return rt_fail(ERR_TYPE,
                           "%s() got multiple values for argument '%s'",
                           fi->name, kw[k].name);
        xincref(kw[k].value);
        slots[j] = kw[k].value;
    }
    int nmissing = 0;
    for (int i = 0; i < first_def; i++)
        if (slots[i].kind == VK_UNSET)
            nmissing++;
    if (nmissing) {
        const char **names = malloc(sizeof(char *) * (size_t)nmissing);
        if (!names)
            return rt_fail(ERR_MEMORY, "out of memory");
        int m = 0;
        for (int i = 0; i < first_def; i++)
            if (slots[i].kind == VK_UNSET)
                names[m++] = fi->params[i];
        TextBuf b = {0};
        textbuf_printf(&b, "%s() missing %d required positional argument%s: ",
                       fi->name, nmissing, nmissing == 1 ? "" : "s");
        put_names(&b, names, nmissing);
        free(names);
        textbuf_putc(&b, '\0');
        if (b.failed) {
            textbuf_release(&b);
            return rt_fail(ERR_MEMORY, "out of memory");
        }
        rt_fail(ERR_TYPE, "%s", b.data);
        textbuf_release(&b);
        return -1;
    }
    for (int i = first_def; i < n; i++)
        if (slots[i].kind == VK_UNSET) {
            slots[i] = fn->defaults[i - first_def];
            xincref(slots[i]);
        }
    return 0;
}

static void release_slots(Value *slots, int n)
{
    for (int i = 0; i < n; i++)
        xdecref(slots[i]);
}

/* Call a def/lambda.  `csrc`/`cspan` is the call site for the traceback
 * (NULL when called from C, e.g. by a builtin). */
static Value call_function(Function *fn, const Value *pos, int npos,
                           const KwArg *kw, int nkw, const Source *csrc,
                           const SrcSpan *cspan)
{
    const FuncInfo *fi = &fn->node->u.func;
    int nslots = fi->nslots;
    Value local[8];
    Value *slots = local;
    if (nslots > 8) {
        slots = malloc(sizeof(Value) * (size_t)nslots);
        if (!slots)
            return rt_raise(ERR_MEMORY, "out of memory");
    }
    for (int i = 0; i < nslots; i++)
        slots[i] = v_unset();
    Value result = v_error();
    if (bind_args(fn, slots, pos, npos, kw, nkw) < 0)
        goto out;
    for (int i = 0; i < nslots; i++)
        if (fi->slot_is_cell[i]) {
            Value c = v_cell_new(slots[i]);
            if (v_is_err(c))
                goto out;
            xdecref(slots[i]);
            slots[i] = c;
        }
    if (call_depth >= interp_recursion_limit || stack_exhausted()) {
        recursion_error();
        goto out;
    }
    if (interp_interrupted) {
        interrupt_error();
        goto out;
    }
    Frame F = {.slots = slots,
               .free = fn->free,
               .src = fn->source,
               .module = fn->module,
               .fi = fi,
               .ret = v_none()};
    call_depth++;
    if (fn->node->kind == N_LAMBDA) {
        result = eval_expr(&F, fi->expr);
    } else {
        int rc = exec_block(&F, (NodeVec *)&fi->body);
        if (rc == EX_RETURN)
            result = F.ret;
        else if (rc == EX_ERR)
            result = v_error();
        else
            result = v_none();
    }
    call_depth--;
    if (v_is_err(result) && csrc)
        rt_add_frame(fi->name, csrc, *cspan);
out:
    release_slots(slots, nslots);
    if (slots != local)
        free(slots);
    return result;
}

static Value call_builtin(Builtin *b, const Value *pos, int npos,
                          const KwArg *kw, int nkw)
{
    const BuiltinDef *def = b->def;
    int np = builtin_nparams(def);
    Value outbuf[16], posbuf[16];
    Value *out = outbuf;
    const Value *args = pos;
    Value *pos2 = NULL;
    Value r = v_error();
    if (np > 16) {
        out = malloc(sizeof(Value) * (size_t)np);
        if (!out)
            return rt_raise(ERR_MEMORY, "out of memory");
    }
    if (b->self.kind != VK_UNSET) {
        /* a bound method: the receiver is the first argument */
        pos2 = npos + 1 <= 16 ? posbuf
                              : malloc(sizeof(Value) * (size_t)(npos + 1));
        if (!pos2) {
            rt_raise(ERR_MEMORY, "out of memory");
            goto out;
        }
        pos2[0] = b->self;
        if (npos)
            memcpy(pos2 + 1, pos, sizeof(Value) * (size_t)npos);
        args = pos2;
        npos++;
    }
    if (args_parse(def, args, npos, kw, nkw, out, np) < 0)
        goto out;
    r = def->fn(out);
    args_release(def, out, np);
out:
    if (pos2 && pos2 != posbuf)
        free(pos2);
    if (out != outbuf)
        free(out);
    return r;
}

static Value call_at(Value f, const Value *pos, int npos, const KwArg *kw,
                     int nkw, const Source *csrc, const SrcSpan *cspan)
{
    switch (f.kind) {
    case VK_FUNCTION:
        return call_function((Function *)f.as.obj, pos, npos, kw, nkw, csrc,
                             cspan);
    case VK_BUILTIN:
        if (interp_interrupted)
            return interrupt_error();
        return call_builtin((Builtin *)f.as.obj, pos, npos, kw, nkw);
    case VK_OBJECT:
        if (native_type(f)->call)
            return native_type(f)->call(f, pos, npos, kw, nkw);
        break;
    default:
        break;
    }
    return rt_raise(ERR_TYPE, "'%s' object is not callable", v_type_name(f));
}

Value call_value(Value f, const Value *pos, int npos, const KwArg *kw, int nkw)
{
    return call_at(f, pos, npos, kw, nkw, NULL, NULL);
}

static Value eval_call(Frame *F, Node *n)
{
    Value f = eval_expr(F, n->u.call.func);
    if (v_is_err(f))
        return f;
    NodeVec *args = &n->u.call.args;
    int npos = 0, nkw = 0;
    Value posbuf[8];
    KwArg kwbuf[8];
    Value *pos = posbuf;
    KwArg *kw = kwbuf;
    Value r = v_error();
    if (args->n > 8) {
        pos = malloc(sizeof(Value) * (size_t)args->n);
        kw = malloc(sizeof(KwArg) * (size_t)args->n);
        if (!pos || !kw) {
            rt_raise(ERR_MEMORY, "out of memory");
            goto out;
        }
    }
    for (int i = 0; i < args->n; i++) {
        Node *a = args->v[i];
        if (a->kind == N_KWARG) {
            Value v = eval_expr(F, a->u.kwarg.value);
            if (v_is_err(v))
                goto out;
            kw[nkw].name = a->u.kwarg.name;
            kw[nkw].value = v;
            nkw++;
        } else {
            Value v = eval_expr(F, a);
            if (v_is_err(v))
                goto out;
            pos[npos++] = v;
        }
    }
    r = call_at(f, pos, npos, kw, nkw, F->src, &n->span);
out:
    for (int i = 0; i < npos; i++)
        xdecref(pos[i]);
    for (int i = 0; i < nkw; i++)
        xdecref(kw[i].value);
    if (pos != posbuf)
        free(pos);
    if (kw != kwbuf)
        free(kw);
    v_decref(f);
    return r;
}

/* A def or lambda as a Function: defaults evaluated now, the variables it
 * captures shared through their cells. */
static Value make_function(Frame *F, Node *n)
{
    const FuncInfo *fi = &n->u.func;
    Function *fn = function_new(n, F->src, F->module);
    if (!fn)
        return v_error();
    Value fv = v_obj(&fn->h);
    for (int i = 0; i < fi->defaults.n; i++) {
        Value d = eval_expr(F, fi->defaults.v[i]);
        if (v_is_err(d)) {
            v_decref(fv);
            return d;
        }
        xdecref(fn->defaults[i]);
        fn->defaults[i] = d;
    }
    for (int i = 0; i < fi->nfree; i++) {
        const FreeVar *fv_ = &fi->free[i];
        Cell *c = fv_->from_cell_slot ? (Cell *)F->slots[fv_->index].as.obj
                                      : F->free[fv_->index];
        c->h.refcount++;
        fn->free[i] = c;
    }
    return fv;
}

/* ------------------------------------------------------------ expressions */

static Value eval_fstring(Frame *F, Node *n)
{
    TextBuf b = {0};
    NodeVec *parts = &n->u.fstr.parts;
    for (int i = 0; i < parts->n; i++) {
        Node *p = parts->v[i];
        if (p->kind == N_STR) {
            Str *s = as_str(p->u.num);
            textbuf_put(&b, s->data, s->nbytes);
            continue;
        }
        if (p->kind != N_FORMAT) {
            /* a plain expression part (defensive: the parser wraps them) */
            Value v = eval_expr(F, p);
            if (v_is_err(v) || v_str_into(&b, v) < 0) {
                xdecref(v);
                textbuf_release(&b);
                return v_error();
            }
            xdecref(v);
            continue;
        }
        Value v = eval_expr(F, p->u.fmt.expr);
        if (v_is_err(v))
            goto fail;
        if (p->u.fmt.conv) {
            Value c = p->u.fmt.conv == 'r' ? v_to_repr(v) : v_to_str(v);
            xdecref(v);
            v = c;
            if (v_is_err(v))
                goto fail;
        }
        Value text;
        if (p->u.fmt.spec) {
            Value spec = eval_expr(F, p->u.fmt.spec);
            if (v_is_err(spec)) {
                xdecref(v);
                goto fail;
            }
            text = format_with_spec(v, as_str(spec)->data,
                                    (size_t)as_str(spec)->nbytes);
            v_decref(spec);
        } else if (v.kind == VK_STR) {
            text = v;
            v_incref(text);
        } else {
            text = v_to_str(v);
        }
        xdecref(v);
        if (v_is_err(text))
            goto fail;
        if (text.kind == VK_STR)
            textbuf_put(&b, as_str(text)->data, as_str(text)->nbytes);
        xdecref(text);
    }
    return textbuf_finish(&b);
fail:
    textbuf_release(&b);
    rt_set_place(F->src, n->span);
    return v_error();
}

static Value eval_index_item(Frame *F, Node *it)
{
    if (it->kind == N_ELLIPSIS)
        return ellipsis_value();
    if (it->kind != N_SLICE)
        return eval_expr(F, it);
    Value parts[3];
    Node *nodes[3] = {it->u.slice.start, it->u.slice.stop, it->u.slice.step};
    for (int i = 0; i < 3; i++) {
        parts[i] = nodes[i] ? eval_expr(F, nodes[i]) : v_none();
        if (v_is_err(parts[i])) {
            for (int j = 0; j < i; j++)
                xdecref(parts[j]);
            return parts[i];
        }
    }
    Value s = v_slice(parts[0], parts[1], parts[2]);
    for (int i = 0; i < 3; i++)
        xdecref(parts[i]);
    return s;
}

/* The key of obj[items]: one item is itself, several (or a trailing
 * comma) a tuple. */
static Value eval_key(Frame *F, Node *n)
{
    NodeVec *items = &n->u.index.items;
    if (items->n == 1 && !n->u.index.tuple)
        return eval_index_item(F, items->v[0]);
    Value t = v_tuple_new(items->n);
    if (v_is_err(t))
        return t;
    for (int i = 0; i < items->n; i++) {
        Value v = eval_index_item(F, items->v[i]);
        if (v_is_err(v)) {
            v_decref(t);
            return v;
        }
        tuple_set_take(t, i, v);
    }
    return t;
}

static Value eval_seq(Frame *F, Node *n)
{
    NodeVec *s = &n->u.seq;
    if (n->kind == N_TUPLE) {
        Value t = v_tuple_new(s->n);
        if (v_is_err(t))
            return t;
        for (int i = 0; i < s->n; i++) {
            Value v = eval_expr(F, s->v[i]);
            if (v_is_err(v)) {
                v_decref(t);
                return v;
            }
            tuple_set_take(t, i, v);
        }
        return t;
    }
    /* §2: only items written as nested [...] may stack into a bigger
     * array; `[A, B]` of two array variables is a list */
    Value buf[16];
    uint8_t nbuf[16];
    buf[0] = v_none(); /* `[]` passes no item */
    nbuf[0] = 0;
    Value *items = s->n <= 16 ? buf : malloc(sizeof(Value) * (size_t)s->n);
    uint8_t *nested = s->n <= 16 ? nbuf : malloc((size_t)s->n);
    int got = 0;
    Value r = v_error();
    if (!items || !nested) {
        rt_raise(ERR_MEMORY, "out of memory");
        goto out;
    }
    for (; got < s->n; got++) {
        nested[got] = s->v[got]->kind == N_LIST;
        items[got] = eval_expr(F, s->v[got]);
        if (v_is_err(items[got]))
            goto out;
    }
    r = bracket_literal_nested(items, nested, s->n);
out:
    if (items)
        release_slots(items, got);
    if (items != buf)
        free(items);
    if (nested != nbuf)
        free(nested);
    return r;
}

static Value eval_dict(Frame *F, Node *n)
{
    Value d = v_dict_new();
    if (v_is_err(d))
        return d;
    for (int i = 0; i < n->u.dict.keys.n; i++) {
        Value k = eval_expr(F, n->u.dict.keys.v[i]);
        if (v_is_err(k))
            goto fail;
        Value v = eval_expr(F, n->u.dict.values.v[i]);
        if (v_is_err(v)) {
            xdecref(k);
            goto fail;
        }
        int rc = dict_set(d, k, v);
        xdecref(k);
        xdecref(v);
        if (rc < 0) {
            rt_set_place(F->src, n->u.dict.keys.v[i]->span);
            goto fail;
        }
    }
    return d;
fail:
    v_decref(d);
    return v_error();
}

static Value eval_compare(Frame *F, Node *n)
{
    NodeVec *ops = &n->u.cmp.operands;
    Value left = eval_expr(F, ops->v[0]);
    if (v_is_err(left))
        return left;
    for (int i = 1; i < ops->n; i++) {
        Value right = eval_expr(F, ops->v[i]);
        if (v_is_err(right)) {
            xdecref(left);
            return right;
        }
        int op = n->u.cmp.ops[i - 1];
        Value r;
        if (!fast_compare(op, left, right, &r))
            r = op_compare((OpKind)op, left, right);
        xdecref(left);
        if (v_is_err(r) || i == ops->n - 1) {
            xdecref(right);
            return r;
        }
        /* a < b < c is a < b and b < c, with b evaluated once */
        int t = truth(r);
        if (t <= 0) {
            xdecref(right);
            if (t < 0) {
                xdecref(r);
                return v_error();
            }
            return r;
        }
        xdecref(r);
        left = right;
    }
    return left; /* not reached: a comparison has two operands or more */
}

static int comp_run(Frame *F, Node *n, int k, Value list);

static Value eval_listcomp(Frame *F, Node *n)
{
    Value list = v_list_new(0);
    if (v_is_err(list))
        return list;
    if (comp_run(F, n, 0, list) < 0) {
        v_decref(list);
        return v_error();
    }
    return list;
}

/* Clause k of a comprehension, then the ones after it, then the element. */
static int comp_run(Frame *F, Node *n, int k, Value list)
{
    NodeVec *cl = &n->u.comp.clauses;
    if (k == cl->n) {
        Value v = eval_expr(F, n->u.comp.elt);
        if (v_is_err(v))
            return -1;
        int rc = list_append(list, v);
        xdecref(v);
        return rc;
    }
    Node *c = cl->v[k];
    if (c->kind == N_COMP_IF) {
        Value v = eval_expr(F, c->u.comp_if.cond);
        if (v_is_err(v))
            return -1;
        int t = truth(v);
        xdecref(v);
        if (t < 0) {
            rt_set_place(F->src, c->u.comp_if.cond->span);
            return -1;
        }
        return t ? comp_run(F, n, k + 1, list) : 0;
    }
    Value seq = eval_expr(F, c->u.comp_for.iter);
    if (v_is_err(seq))
        return -1;
    ValueIter it;
    int rc = iter_start(&it, seq);
    v_decref(seq);
    if (rc < 0) {
        rt_set_place(F->src, c->u.comp_for.iter->span);
        return -1;
    }
    for (;;) {
        Value item;
        rc = iter_next(&it, &item);
        if (rc <= 0)
            break;
        if (interp_interrupted) {
            xdecref(item);
            interrupt_error();
            rc = -1;
            break;
        }
        rc = assign_target(F, c->u.comp_for.target, item);
        xdecref(item);
        if (rc < 0 || (rc = comp_run(F, n, k + 1, list)) < 0)
            break;
    }
    iter_end(&it);
    if (rc < 0)
        rt_set_place(F->src, c->u.comp_for.iter->span);
    return rc < 0 ? -1 : 0;
}

/* The operands of scalar loops — a literal number or a variable holding a
 * scalar — are read in place, without a recursive evaluation; scalars
 * hold no reference, so the copy needs no refcount.  False: evaluate the
 * operand normally (which also reports an unbound name). */
static inline bool peek_scalar(Frame *F, const Node *n, Value *out)
{
    if (n->kind == N_NUM) {
        *out = n->u.num;
        return true;
    }
    if (n->kind == N_NAME) {
        const Value *p = name_ref(F, n);
        if (p->kind == VK_SCALAR) {
            *out = *p;
            return true;
        }
    }
    return false;
}

static __attribute__((noinline)) Value eval_inner(Frame *F, Node *n)
{
    switch ((NodeKind)n->kind) {
    case N_NUM:
        return n->u.num;
    case N_STR:
        v_incref(n->u.num);
        return n->u.num;
    case N_FSTRING:
        return eval_fstring(F, n);
    case N_NONE:
        return v_none();
    case N_TRUE:
        return v_bool(true);
    case N_FALSE:
        return v_bool(false);
    case N_ELLIPSIS:
        return ellipsis_value();
    case N_NAME:
        return load_name(F, n);
    case N_TUPLE:
    case N_LIST:
        return eval_seq(F, n);
    case N_DICT:
        return eval_dict(F, n);
    case N_UNARY: {
        Value a = eval_expr(F, n->u.unary.operand);
        if (v_is_err(a))
            return a;
        Value r;
        if (n->op == OP_NOT) {
            int t = truth(a);
            r = t < 0 ? v_error() : v_bool(!t);
        } else if (n->op == OP_NEG && a.kind == VK_SCALAR && a.weak &&
                   a.dtype == ND_FLOAT64) {
            r = v_float(-a.as.f);
        } else {
            r = op_unary((OpKind)n->op, a);
        }
        xdecref(a);
        return r;
    }
    case N_BINARY:
        return eval_binary(F, n);
    case N_AND:
    case N_OR: {
        Value a = eval_expr(F, n->u.binary.left);
        if (v_is_err(a))
            return a;
        int t = truth(a);
        if (t < 0) {
            xdecref(a);
            rt_set_place(F->src, n->u.binary.left->span);
            return v_error();
        }
        if ((n->kind == N_AND) ? !t : t)
            return a;
        xdecref(a);
        return eval_expr(F, n->u.binary.right);
    }
    case N_COMPARE:
        return eval_compare(F, n);
    case N_IFEXP: {
        Value c = eval_expr(F, n->u.ifexp.cond);
        if (v_is_err(c))
            return c;
        int t = truth(c);
        xdecref(c);
        if (t < 0) {
            rt_set_place(F->src, n->u.ifexp.cond->span);
            return v_error();
        }
        return eval_expr(F, t ? n->u.ifexp.then : n->u.ifexp.orelse);
    }
    case N_LAMBDA:
        return make_function(F, n);
    case N_CALL:
        return eval_call(F, n);
    case N_INDEX: {
        Value obj = eval_expr(F, n->u.index.obj);
        if (v_is_err(obj))
            return obj;
        NodeVec *items = &n->u.index.items;
        if (items->n > 1 && items->n <= 8) {
            /* a[i, j]: the keys stay on the stack (no tuple), so reading
             * one element of an array allocates nothing (indexing room). */
            Value keys[8];
            int got = 0;
            Value r = v_error();
            for (; got < items->n; got++) {
                keys[got] = eval_index_item(F, items->v[got]);
                if (v_is_err(keys[got]))
                    break;
            }
            if (got == items->n)
                r = op_getitem_items(obj, keys, items->n);
            for (int i = 0; i < got; i++)
                xdecref(keys[i]);
            xdecref(obj);
            return r;
        }
        Value key = eval_key(F, n);
        if (v_is_err(key)) {
            xdecref(obj);
            return key;
        }
        Value r = op_getitem(obj, key);
        xdecref(obj);
        xdecref(key);
        return r;
    }
    case N_SLICE:
        return eval_index_item(F, n);
    case N_ATTR: {
        Value obj = eval_expr(F, n->u.attr.obj);
        if (v_is_err(obj))
            return obj;
        Value r = op_getattr(obj, n->u.attr.name);
        xdecref(obj);
        return r;
    }
    case N_LISTCOMP:
        return eval_listcomp(F, n);
    default:
        return rt_raise(ERR_RUNTIME,
                        "internal error: node kind %d is not an "
                        "expression",
                        (int)n->kind);
    }
}

/* Scalar loops, without Values: an expression tree of +, -, * over literal
 * numbers and variables holding weak int64/float64 scalars is computed on
 * C numbers directly (building and copying 24-byte Values costs more than
 * the arithmetic).  Reading literals and variables has no side effects, so
 * when the tree is anything else (an array, a strong scalar, an int
 * overflow, which must raise) the caller simply evaluates it the general
 * way.  The results are op_binary's: Python's int and float arithmetic. */
typedef union NumV {
    int64_t i;
    double f;
} NumV;
/* The kind of a NumV; (ka & kb) == NUM_INT says both are ints. */
enum { NUM_NO = 0, NUM_INT = 1, NUM_FLOAT = 2 };

/* A literal or a variable holding a weak int64/float64 scalar: its kind
 * (NUM_NO for anything else). */
static inline int num_leaf(Frame *F, const Node *n, NumV *out)
{
    const Value *p;
    if (n->kind == N_NAME)
        p = name_ref(F, n);
    else if (n->kind == N_NUM)
        p = &n->u.num;
    else
        return NUM_NO;
    /* kind and dtype in one 2-byte word: the compiler loads them at once */
    _Static_assert(offsetof(Value, kind) == 0 && offsetof(Value, dtype) == 1,
                   "num_leaf reads kind and dtype as one word");
    static const Value int_hdr = {.kind = VK_SCALAR, .dtype = ND_INT64},
                       float_hdr = {.kind = VK_SCALAR, .dtype = ND_FLOAT64};
    uint16_t h, hi, hf;
    memcpy(&h, p, 2);
    memcpy(&hi, &int_hdr, 2);
    memcpy(&hf, &float_hdr, 2);
    if (!p->weak)
        return NUM_NO;
    if (h == hi) {
        out->i = p->as.i;
        return NUM_INT;
    }
    if (h == hf) {
        out->f = p->as.f;
        return NUM_FLOAT;
    }
    return NUM_NO;
}

/* The operand of a num_expr node: a leaf, or a node of two leaves computed
 * here (the `i*i` of `s + i*i`) without a call. */
static int num_expr(Frame *F, const Node *n, NumV *out);
static inline __attribute__((always_inline)) int
num_operand(Frame *F, const Node *n, NumV *out);

/* a OP b for OP in +, -, *: Python's int (NUM_NO on overflow, which
 * op_binary must handle) and float arithmetic. */
static inline __attribute__((always_inline)) int
num_op(int op, int ka, NumV a, int kb, NumV b, NumV *out)
{
    if ((ka & kb) == NUM_INT) {
        bool ovf = op == OP_ADD   ? __builtin_add_overflow(a.i, b.i, &out->i)
                   : op == OP_SUB ? __builtin_sub_overflow(a.i, b.i, &out->i)
                                  : __builtin_mul_overflow(a.i, b.i, &out->i);
        return ovf ? NUM_NO : NUM_INT;
    }
    double x = ka == NUM_INT ? (double)a.i : a.f;
    double y = kb == NUM_INT ? (double)b.i : b.f;
    out->f = op == OP_ADD ? x + y : op == OP_SUB ? x - y : x * y;
    return NUM_FLOAT;
}

static inline bool num_opkind(int op)
{
    return op == OP_ADD || op == OP_SUB || op == OP_MUL;
}

/* n is an N_BINARY: its kind and value, NUM_NO when the general
 * evaluation must decide. */
static int num_expr(Frame *F, const Node *n, NumV *out)
{
    int op = n->op;
    if (!num_opkind(op))
        return NUM_NO;
    NumV a, b;
    int ka = num_operand(F, n->u.binary.left, &a);
    if (!ka)
        return NUM_NO;
    int kb = num_operand(F, n->u.binary.right, &b);
    if (!kb)
        return NUM_NO;
    return num_op(op, ka, a, kb, b, out);
}

static inline __attribute__((always_inline)) int
num_operand(Frame *F, const Node *n, NumV *out)
{
    if (n->kind != N_BINARY)
        return num_leaf(F, n, out);
    const Node *l = n->u.binary.left, *r = n->u.binary.right;
    if (l->kind == N_BINARY || r->kind == N_BINARY || !num_opkind(n->op))
        return num_expr(F, n, out);
    NumV a, b;
    int ka = num_leaf(F, l, &a);
    if (!ka)
        return NUM_NO;
    int kb = num_leaf(F, r, &b);
    if (!kb)
        return NUM_NO;
    return num_op(n->op, ka, a, kb, b, out);
}

static inline Value num_value(int k, NumV r)
{
    return k == NUM_INT ? v_int(r.i) : v_float(r.f);
}

/* a OP b: kept apart from eval_inner so that the hot path of scalar
 * loops runs in a small frame. */
static Value eval_binary(Frame *F, Node *n)
{
    Value a, b, r;
    if (!peek_scalar(F, n->u.binary.left, &a)) {
        a = eval_expr(F, n->u.binary.left);
        if (v_is_err(a))
            return a;
    }
    if (!peek_scalar(F, n->u.binary.right, &b)) {
        b = eval_expr(F, n->u.binary.right);
        if (v_is_err(b)) {
            xdecref(a);
            return b;
        }
    }
    if (fast_binary(n->op, a, b, &r))
        return r; /* scalars: nothing to release */
    r = op_binary((OpKind)n->op, a, b);
    xdecref(a);
    xdecref(b);
    return r;
}

static Value eval_expr(Frame *F, Node *n)
{
    if (stack_exhausted()) {
        recursion_error();
        rt_set_place(F->src, n->span);
        return v_error();
    }
    Value v;
    switch (n->kind) {
    case N_NUM:
        return n->u.num;
    case N_NAME:
        v = load_name(F, n);
        break;
    case N_BINARY: {
        NumV r;
        int k = num_expr(F, n, &r);
        if (k)
            return num_value(k, r);
        v = eval_binary(F, n);
        break;
    }
    default:
        v = eval_inner(F, n);
        break;
    }
    if (v.kind == VK_ERROR)
        rt_set_place(F->src, n->span);
    return v;
}

/* ------------------------------------------------------------ assignment */

static int unpack(Frame *F, Node *t, Value v)
{
    NodeVec *ts = &t->u.seq;
    int want = ts->n;
    Value buf[8];
    Value *items =
        want + 1 <= 8 ? buf : malloc(sizeof(Value) * (size_t)(want + 1));
    if (!items)
        return rt_fail(ERR_MEMORY, "out of memory");
    int got = 0, rc = -1;
    if (v.kind == VK_TUPLE || v.kind == VK_LIST) {
        int64_t n = v.kind == VK_TUPLE ? as_tuple(v)->n : as_list(v)->n;
        Value *src =
            v.kind == VK_TUPLE ? as_tuple(v)->items : as_list(v)->items;
        if (n != want) {
            if (n < want)
                rt_fail(ERR_VALUE,
                        "not enough values to unpack (expected %d, got %lld)",
                        want, (long long)n);
            else
                rt_fail(ERR_VALUE, "too many values to unpack (expected %d)",
                        want);
            goto out;
        }
        /* copy first: the targets may change the sequence (a[0], a[1] = a) */
        for (; got < want; got++) {
            items[got] = src[got];
            xincref(items[got]);
        }
    } else {
        ValueIter it;
        if (iter_start(&it, v) < 0) {
            if (rt_pending_errkind() == ERR_TYPE) {
                rt_clear();
                rt_fail(ERR_TYPE, "cannot unpack non-iterable %s object",
                        v_type_name(v));
            }
            goto out;
        }
        int r = 0;
        while (got <= want && (r = iter_next(&it, &items[got])) > 0)
            got++;
        iter_end(&it);
        if (got <= want && r < 0)
            goto out;
        if (got != want) {
            if (got < want)
                rt_fail(ERR_VALUE,
                        "not enough values to unpack (expected %d, got %d)",
                        want, got);
            else
                rt_fail(ERR_VALUE, "too many values to unpack (expected %d)",
                        want);
            goto out;
        }
    }
    rc = 0;
    for (int i = 0; i < want && rc == 0; i++)
        rc = assign_target(F, ts->v[i], items[i]);
out:
    release_slots(items, got);
    if (items != buf)
        free(items);
    return rc;
}

/* target = v (v borrowed). */
static int assign_target(Frame *F, Node *t, Value v)
{
    int rc;
    switch (t->kind) {
    case N_NAME:
        xincref(v);
        store_name_take(F, t, v);
        return 0;
    case N_TUPLE:
    case N_LIST:
        rc = unpack(F, t, v);
        break;
    case N_INDEX: {
        Value obj = eval_expr(F, t->u.index.obj);
        if (v_is_err(obj))
            return -1;
        Value key = eval_key(F, t);
        if (v_is_err(key)) {
            xdecref(obj);
            return -1;
        }
        rc = op_setitem(obj, key, v);
        xdecref(obj);
        xdecref(key);
        break;
    }
    case N_ATTR: {
        Value obj = eval_expr(F, t->u.attr.obj);
        if (v_is_err(obj))
            return -1;
        rc = op_setattr(obj, t->u.attr.name, v);
        xdecref(obj);
        break;
    }
    default:
        rc = rt_fail(ERR_SYNTAX, "cannot assign to expression");
        break;
    }
    if (rc < 0)
        rt_set_place(F->src, t->span);
    return rc;
}

static int exec_augassign(Frame *F, Node *n)
{
    Node *t = n->u.augassign.target;
    int op = n->op;
    if (t->kind == N_NAME) {
        Value cur = load_name(F, t);
        if (v_is_err(cur)) {
            rt_set_place(F->src, t->span);
            return -1;
        }
        Value v = eval_expr(F, n->u.augassign.value);
        if (v_is_err(v)) {
            xdecref(cur);
            return -1;
        }
        Value r;
        if (!fast_binary(op, cur, v, &r))
            r = op_inplace((OpKind)op, cur, v);
        xdecref(cur);
        xdecref(v);
        if (v_is_err(r))
            return -1;
        store_name_take(F, t, r);
        return 0;
    }
    if (t->kind != N_INDEX && t->kind != N_ATTR)
        return rt_fail(ERR_SYNTAX,
                       "'%s' is an illegal expression for augmented assignment",
                       "expression");
    Node *objn = t->kind == N_INDEX ? t->u.index.obj : t->u.attr.obj;
    Value obj = eval_expr(F, objn), key = v_none(), cur = v_none(),
          v = v_none(), r = v_none();
    int rc = -1;
    if (v_is_err(obj))
        return -1;
    if (t->kind == N_INDEX) {
        key = eval_key(F, t);
        if (v_is_err(key))
            goto out;
        cur = op_getitem(obj, key);
    } else {
        cur = op_getattr(obj, t->u.attr.name);
    }
    if (v_is_err(cur)) {
        rt_set_place(F->src, t->span);
        goto out;
    }
    v = eval_expr(F, n->u.augassign.value);
    if (v_is_err(v))
        goto out;
    r = op_inplace((OpKind)op, cur, v);
    if (v_is_err(r))
        goto out;
    rc = t->kind == N_INDEX ? op_setitem(obj, key, r)
                            : op_setattr(obj, t->u.attr.name, r);
    if (rc < 0)
        rt_set_place(F->src, t->span);
out:
    xdecref(obj);
    xdecref(key);
    xdecref(cur);
    xdecref(v);
    xdecref(r);
    return rc;
}

static int exec_del(Frame *F, Node *t)
{
    int rc;
    switch (t->kind) {
    case N_NAME:
        rc = del_name(F, t);
        break;
    case N_TUPLE:
    case N_LIST:
        for (int i = 0; i < t->u.seq.n; i++)
            if (exec_del(F, t->u.seq.v[i]) < 0)
                return -1;
        return 0;
    case N_INDEX: {
        Value obj = eval_expr(F, t->u.index.obj);
        if (v_is_err(obj))
            return -1;
        Value key = eval_key(F, t);
        if (v_is_err(key)) {
            xdecref(obj);
            return -1;
        }
        rc = op_delitem(obj, key);
        xdecref(obj);
        xdecref(key);
        break;
    }
    case N_ATTR:
        rc = rt_fail(ERR_ATTRIBUTE, "cannot delete attribute '%s'",
                     t->u.attr.name);
        break;
    default:
        rc = rt_fail(ERR_SYNTAX, "cannot delete expression");
        break;
    }
    if (rc < 0)
        rt_set_place(F->src, t->span);
    return rc;
}

/* ------------------------------------------------------------ imports */

typedef struct LoadedModule {
    char *path; /* real path */
    Module *m;
    bool loading;
} LoadedModule;

static LoadedModule *loaded;
static int nloaded, caploaded;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n + 1 < cap)
            break;
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    bool bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* path of dir/name.nd when that file exists (malloc'd), else NULL. */
static char *try_dir(const char *dir, size_t dirlen, const char *name)
{
    size_t n = dirlen + strlen(name) + 5;
    char *p = malloc(n);
    if (!p)
        return NULL;
    snprintf(p, n, "%.*s%s%s.nd", (int)dirlen, dir,
             dirlen && dir[dirlen - 1] != '/' ? "/" : "", name);
    FILE *f = fopen(p, "r");
    if (f) {
        fclose(f);
        return p;
    }
    free(p);
    return NULL;
}

/* LANGUAGE.md §5's order: the importing script's folder, ND_PATH, then
 * stdlib/ (the build tree's, then the installed one). */
static char *find_module_file(const Source *importer, const char *name)
{
    char *p = NULL;
    const char *iname = importer ? importer->name : "<string>";
    if (iname[0] == '<') {
        p = try_dir(".", 1, name);
    } else {
        const char *slash = strrchr(iname, '/');
        p = slash ? try_dir(iname, (size_t)(slash - iname + 1), name)
                  : try_dir(".", 1, name);
    }
    if (p)
        return p;
    const char *path = getenv("ND_PATH");
    while (path && *path) {
        const char *colon = strchr(path, ':');
        size_t len = colon ? (size_t)(colon - path) : strlen(path);
        if (len && (p = try_dir(path, len, name)))
            return p;
        if (!colon)
            break;
        path = colon + 1;
    }
    static const char *const dirs[] = {ND_SRCDIR "/stdlib",
                                       ND_PKGDATADIR "/stdlib", ND_PKGDATADIR};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
        if ((p = try_dir(dirs[i], strlen(dirs[i]), name)))
            return p;
    return NULL;
}

static int run_module_code(Source *src, Node *prog, Module *m, RunMode mode);

static Value import_module(Frame *F, const char *name, const SrcSpan *span)
{
    Value bm = builtin_module(name);
    if (bm.kind != VK_UNSET)
        return bm;
    char *file = find_module_file(F->src, name);
    if (!file)
        return rt_raise(ERR_IMPORT, "No module named '%s'", name);
    char *real = realpath(file, NULL);
    if (!real) {
        free(file);
        return rt_raise(ERR_IMPORT, "No module named '%s'", name);
    }
    for (int i = 0; i < nloaded; i++)
        if (strcmp(loaded[i].path, real) == 0) {
            free(real);
            free(file);
            if (loaded[i].loading)
                return rt_raise(ERR_IMPORT,
                                "cannot import module '%s' (most likely due "
                                "to a circular import)",
                                name);
            v_incref(v_obj(&loaded[i].m->h));
            return v_obj(&loaded[i].m->h);
        }
    size_t len;
    char *text = read_file(real, &len);
    if (!text) {
        Value e = rt_raise(ERR_IO, "cannot read module '%s' (%s)", name, file);
        free(real);
        free(file);
        return e;
    }
    if (nloaded == caploaded) {
        int nc = caploaded ? caploaded * 2 : 8;
        LoadedModule *nl = realloc(loaded, sizeof *nl * (size_t)nc);
        if (!nl) {
            free(text);
            free(real);
            free(file);
            return rt_raise(ERR_MEMORY, "out of memory");
        }
        loaded = nl;
        caploaded = nc;
    }
    Module *m = module_new(name, real);
    if (!m) {
        free(text);
        free(real);
        free(file);
        return v_error();
    }
    int idx = nloaded++;
    loaded[idx].path = real;
    loaded[idx].m = m; /* the cache keeps this reference for the process */
    loaded[idx].loading = true;
    /* messages name the file as it was found; the real path identifies
     * the module in the cache */
    Source *src = source_new(file, text, len);
    free(text);
    free(file);
    int rc = -1;
    if (src) {
        Node *prog = parse_program(src);
        if (prog)
            rc = run_module_code(src, prog, m, RUN_FILE);
        source_decref(src);
    }
    /* loaded may have moved (nested imports) */
    if (rc < 0) {
        /* a failed import is forgotten, as Python forgets it */
        free(loaded[idx].path);
        memmove(&loaded[idx], &loaded[idx + 1],
                sizeof *loaded * (size_t)(nloaded - idx - 1));
        nloaded--;
        v_decref(v_obj(&m->h));
        /* the import statement is a frame of the traceback, as in Python */
        rt_add_frame("<module>", F->src, *span);
        return v_error();
    }
    loaded[idx].loading = false;
    v_incref(v_obj(&m->h));
    return v_obj(&m->h);
}

/* The statements of scalar loops, run without Values: `name = e` and
 * `name OP= e` where num_expr computes e (and, for OP=, the name holds a
 * weak int64/float64 scalar).  They cannot fail, raise floating-point
 * events, warn or run other code (reading literals and variables has no
 * side effects), so they need none of exec_stmt's checks.  False, with
 * nothing done: run the statement the general way. */
static inline bool exec_fast(Frame *F, const Node *s)
{
    const Node *t, *e;
    NumV r;
    int k;
    if (s->kind == N_ASSIGN) {
        if (s->u.assign.targets.n != 1)
            return false;
        t = s->u.assign.targets.v[0];
        e = s->u.assign.value;
        if (t->kind != N_NAME || e->kind != N_BINARY)
            return false;
        k = num_expr(F, e, &r);
    } else if (s->kind == N_AUGASSIGN) {
        t = s->u.augassign.target;
        e = s->u.augassign.value;
        if (t->kind != N_NAME || !num_opkind(s->op))
            return false;
        NumV a, b;
        int ka = num_leaf(F, t, &a);
        if (!ka)
            return false;
        int kb = e->kind == N_BINARY ? num_expr(F, e, &b) : num_leaf(F, e, &b);
        if (!kb)
            return false;
        k = num_op(s->op, ka, a, kb, b, &r);
    } else {
        return false;
    }
    if (!k)
        return false;
    Value *p = name_ref(F, t);
    if (p->kind > VK_SCALAR) {
        store_name_take(F, t, num_value(k, r));
        return true;
    }
    /* the old value holds no reference: overwrite it in place */
    p->kind = VK_SCALAR;
    p->weak = 1;
    if (k == NUM_INT) {
        p->dtype = ND_INT64;
        p->as.i = r.i;
    } else {
        p->dtype = ND_FLOAT64;
        p->as.f = r.f;
    }
    return true;
}

static int exec_block_from(Frame *F, NodeVec *body, int i, bool *clean);

/* ------------------------------------------------------------ statements */

static bool is_interrupt(void)
{
    return interp_exit_requested || rt_pending_errkind() == ERR_INTERRUPT;
}

static int exec_try(Frame *F, Node *n)
{
    int rc = exec_stmt(F, n->u.try_.body);
    if (rc != EX_ERR || is_interrupt())
        return rc;
    Value err = rt_take_pending();
    Node *name = n->u.try_.name;
    if (name) {
        xincref(err);
        store_name_take(F, name, err);
    }
    xdecref(err);
    rc = exec_stmt(F, n->u.try_.handler);
    if (name) {
        /* the name is unbound after the handler, as in Python */
        Value *p = name_ref(F, name);
        Value old = *p;
        *p = v_unset();
        xdecref(old);
    }
    return rc;
}

static int exec_with(Frame *F, Node *n)
{
    Value ctx = eval_expr(F, n->u.with.ctx);
    if (v_is_err(ctx))
        return EX_ERR;
    if (ctx.kind != VK_OBJECT || !native_type(ctx)->enter ||
        !native_type(ctx)->exit) {
        rt_raise(ERR_TYPE,
                 "'%s' object does not support the context manager protocol",
                 v_type_name(ctx));
        rt_set_place(F->src, n->u.with.ctx->span);
        xdecref(ctx);
        return EX_ERR;
    }
    if (native_type(ctx)->enter(ctx) < 0) {
        rt_set_place(F->src, n->u.with.ctx->span);
        xdecref(ctx);
        return EX_ERR;
    }
    if (n->u.with.name) {
        v_incref(ctx);
        store_name_take(F, n->u.with.name, ctx);
    }
    int rc = exec_stmt(F, n->u.with.body);
    /* exit runs on errors too; the body's error wins over exit's */
    Value pending = v_none();
    if (rc == EX_ERR && rt_pending())
        pending = rt_take_pending();
    int erc = native_type(ctx)->exit(ctx);
    if (pending.kind != VK_NONE) {
        if (erc < 0)
            rt_clear();
        rt_restore(pending);
        xdecref(pending);
    } else if (erc < 0) {
        rt_set_place(F->src, n->span);
        rc = EX_ERR;
    }
    xdecref(ctx);
    return rc;
}

static int exec_for_range(Frame *F, Node *n, Range *r)
{
    int64_t i = r->start, stop = r->stop, step = r->step;
    Node *t = n->u.for_.target, *body = n->u.for_.body;
    bool simple = t->kind == N_NAME;
    bool clean = false; /* see exec_block_from */
    while (step > 0 ? i < stop : i > stop) {
        if (interp_interrupted) {
            interrupt_error();
            return EX_ERR;
        }
        if (simple) {
            Value *p = name_ref(F, t);
            if (p->kind > VK_SCALAR) {
                store_name_take(F, t, v_int(i));
            } else { /* no reference to drop: overwrite in place */
                p->kind = VK_SCALAR;
                p->dtype = ND_INT64;
                p->weak = 1;
                p->as.i = i;
            }
        } else if (assign_target(F, t, v_int(i)) < 0) {
            return EX_ERR;
        }
        int rc, k = 0;
        if (body->kind == N_BLOCK) {
            /* a body of fast statements after a clean check runs here,
             * without exec_block's calls */
            NodeVec *b = &body->u.seq;
            if (clean)
                while (k < b->n && exec_fast(F, b->v[k]))
                    k++;
            rc = k == b->n ? EX_OK : exec_block_from(F, b, k, &clean);
        } else {
            rc = exec_stmt(F, body);
        }
        if (rc == EX_BREAK)
            break;
        if (rc == EX_ERR || rc == EX_RETURN)
            return rc;
        if (__builtin_add_overflow(i, step, &i))
            break;
    }
    return EX_OK;
}

static int exec_for(Frame *F, Node *n)
{
    Value seq = eval_expr(F, n->u.for_.iter);
    if (v_is_err(seq))
        return EX_ERR;
    if (seq.kind == VK_RANGE) {
        int rc = exec_for_range(F, n, (Range *)seq.as.obj);
        v_decref(seq);
        return rc;
    }
    ValueIter it;
    int rc = iter_start(&it, seq);
    v_decref(seq);
    if (rc < 0) {
        rt_set_place(F->src, n->u.for_.iter->span);
        return EX_ERR;
    }
    rc = EX_OK;
    for (;;) {
        if (interp_interrupted) {
            interrupt_error();
            rc = EX_ERR;
            break;
        }
        Value item;
        int r = iter_next(&it, &item);
        if (r < 0) {
            rt_set_place(F->src, n->u.for_.iter->span);
            rc = EX_ERR;
            break;
        }
        if (r == 0)
            break;
        r = assign_target(F, n->u.for_.target, item);
        xdecref(item);
        if (r < 0) {
            rc = EX_ERR;
            break;
        }
        r = exec_stmt(F, n->u.for_.body);
        if (r == EX_BREAK)
            break;
        if (r == EX_ERR || r == EX_RETURN) {
            rc = r;
            break;
        }
    }
    iter_end(&it);
    return rc;
}

static int exec_while(Frame *F, Node *n)
{
    for (;;) {
        if (interp_interrupted) {
            interrupt_error();
            return EX_ERR;
        }
        Value c = eval_expr(F, n->u.while_.cond);
        if (v_is_err(c))
            return EX_ERR;
        int t = truth(c);
        xdecref(c);
        if (t < 0) {
            rt_set_place(F->src, n->u.while_.cond->span);
            return EX_ERR;
        }
        if (!t)
            return EX_OK;
        int rc = exec_stmt(F, n->u.while_.body);
        if (rc == EX_BREAK)
            return EX_OK;
        if (rc == EX_ERR || rc == EX_RETURN)
            return rc;
    }
}

static __attribute__((noinline)) int exec_inner(Frame *F, Node *n)
{
    switch ((NodeKind)n->kind) {
    case N_EXPR_STMT: {
        Value v = eval_expr(F, n->u.expr_stmt.expr);
        if (v_is_err(v))
            return EX_ERR;
        xdecref(v);
        return EX_OK;
    }
    case N_ASSIGN: {
        Value v = eval_expr(F, n->u.assign.value);
        if (v_is_err(v))
            return EX_ERR;
        NodeVec *ts = &n->u.assign.targets;
        if (ts->n == 1 && ts->v[0]->kind == N_NAME) {
            store_name_take(F, ts->v[0], v); /* the common case: no copy */
            return EX_OK;
        }
        int rc = 0;
        for (int i = 0; i < ts->n && rc == 0; i++)
            rc = assign_target(F, ts->v[i], v);
        xdecref(v);
        return rc < 0 ? EX_ERR : EX_OK;
    }
    case N_AUGASSIGN:
        return exec_augassign(F, n) < 0 ? EX_ERR : EX_OK;
    case N_IF:
        for (;;) {
            Value c = eval_expr(F, n->u.if_.cond);
            if (v_is_err(c))
                return EX_ERR;
            int t = truth(c);
            xdecref(c);
            if (t < 0) {
                rt_set_place(F->src, n->u.if_.cond->span);
                return EX_ERR;
            }
            if (t)
                return exec_stmt(F, n->u.if_.body);
            Node *e = n->u.if_.orelse;
            if (!e)
                return EX_OK;
            if (e->kind != N_IF)
                return exec_stmt(F, e);
            n = e; /* elif: iterate, not recurse */
        }
    case N_FOR:
        return exec_for(F, n);
    case N_WHILE:
        return exec_while(F, n);
    case N_BREAK:
        return EX_BREAK;
    case N_CONTINUE:
        return EX_CONTINUE;
    case N_PASS:
    case N_GLOBAL:
    case N_NONLOCAL:
        return EX_OK;
    case N_DEF: {
        Value f = make_function(F, n);
        if (v_is_err(f))
            return EX_ERR;
        store_name_take(F, n->u.func.expr, f);
        return EX_OK;
    }
    case N_RETURN: {
        Value v = n->u.ret.value ? eval_expr(F, n->u.ret.value) : v_none();
        if (v_is_err(v))
            return EX_ERR;
        F->ret = v;
        return EX_RETURN;
    }
    case N_DEL:
        for (int i = 0; i < n->u.seq.n; i++)
            if (exec_del(F, n->u.seq.v[i]) < 0)
                return EX_ERR;
        return EX_OK;
    case N_IMPORT: {
        Value m = import_module(F, n->u.import.module, &n->span);
        if (v_is_err(m))
            return EX_ERR;
        store_name_take(F, n->u.import.target, m);
        return EX_OK;
    }
    case N_TRY:
        return exec_try(F, n);
    case N_WITH:
        return exec_with(F, n);
    case N_ASSERT: {
        Value c = eval_expr(F, n->u.assert_.cond);
        if (v_is_err(c))
            return EX_ERR;
        int t = truth(c);
        xdecref(c);
        if (t < 0) {
            rt_set_place(F->src, n->u.assert_.cond->span);
            return EX_ERR;
        }
        if (t)
            return EX_OK;
        if (!n->u.assert_.msg) {
            rt_raise(ERR_ASSERTION, "%s", "");
            return EX_ERR;
        }
        Value m = eval_expr(F, n->u.assert_.msg);
        if (v_is_err(m))
            return EX_ERR;
        Value s = v_to_str(m);
        xdecref(m);
        if (v_is_err(s))
            return EX_ERR;
        rt_raise(ERR_ASSERTION, "%s", as_str(s)->data);
        v_decref(s);
        return EX_ERR;
    }
    case N_BLOCK:
        return exec_block(F, &n->u.seq);
    default: {
        /* an expression where a statement was expected */
        Value v = eval_expr(F, n);
        if (v_is_err(v))
            return EX_ERR;
        xdecref(v);
        return EX_OK;
    }
    }
}

static int exec_stmt(Frame *F, Node *n)
{
    if (!n)
        return EX_OK;
    if (stack_exhausted()) {
        recursion_error();
        rt_set_place(F->src, n->span);
        return EX_ERR;
    }
    int rc;
    switch (n->kind) {
    case N_ASSIGN:
        if (n->u.assign.targets.n == 1 &&
            n->u.assign.targets.v[0]->kind == N_NAME) {
            /* the common case, without a copy of the value */
            Value v = eval_expr(F, n->u.assign.value);
            if (v_is_err(v)) {
                rc = EX_ERR;
                break;
            }
            store_name_take(F, n->u.assign.targets.v[0], v);
            return EX_OK;
        }
        rc = exec_inner(F, n);
        break;
    case N_BLOCK:
        rc = exec_block(F, &n->u.seq);
        break;
    default:
        rc = exec_inner(F, n);
        break;
    }
    if (rc == EX_ERR)
        rt_set_place(F->src, n->span);
    return rc;
}

/* The floating-point status after a statement: warnings (or a
 * FloatingPointError).  After a failed statement the warnings still show,
 * as NumPy shows them before the error, but the first error stays the one
 * reported. */
static int check_fpe(const Source *src, SrcSpan span, int rc)
{
    if (!nd_fpe_status() && !nd_warning(0))
        return rc;
    if (rc != EX_ERR)
        return rt_check_fpe(src, span) < 0 ? EX_ERR : rc;
    if (!rt_pending()) {
        nd_fpe_clear();
        return rc;
    }
    Value err = rt_take_pending();
    if (rt_check_fpe(src, span) < 0)
        rt_clear();
    rt_restore(err);
    xdecref(err);
    return rc;
}

/* A block: each statement, then the floating-point status check.
 * *clean says on entry whether the status is known to be empty (nothing
 * since the last check could have raised an event or warned), and on exit
 * whether it still is; a fast statement (exec_fast) after a clean check
 * needs no check of its own, which is what makes a scalar loop body cheap:
 * for-range passes the state of one iteration to the next.  Runs body from
 * statement i on. */
static int exec_block_from(Frame *F, NodeVec *body, int i, bool *clean)
{
    bool c = *clean;
    int rc = EX_OK;
    for (; i < body->n; i++) {
        Node *s = body->v[i];
        if (exec_fast(F, s)) {
            if (c)
                continue;
            rc = EX_OK;
        } else {
            rc = exec_stmt(F, s);
        }
        if (nd_fpe_status() || nd_warning(0)) {
            rc = check_fpe(F->src, s->span, rc);
            c = false; /* stdlib code leaves warnings queued */
        } else {
            c = true;
        }
        if (rc != EX_OK)
            break;
        if (interp_exit_requested) {
            rc = EX_ERR;
            break;
        }
    }
    *clean = c;
    return rc;
}

static int exec_block(Frame *F, NodeVec *body)
{
    bool clean = false;
    return exec_block_from(F, body, 0, &clean);
}

/* ------------------------------------------------------------ running */

static int echo_value(Module *m, Value v)
{
    Value s = (v.kind == VK_SCALAR) ? v_to_str(v) : v_to_repr(v);
    if (v_is_err(s))
        return -1;
    fwrite(as_str(s)->data, 1, (size_t)as_str(s)->nbytes, stdout);
    fputc('\n', stdout);
    v_decref(s);
    Cell *c = module_cell(m, "_");
    if (!c)
        return -1;
    Value old = c->v;
    xincref(v);
    c->v = v;
    xdecref(old);
    return 0;
}

/* Resolve and run a parsed program in module m.  0, or -1 with the
 * exception pending. */
static int run_module_code(Source *src, Node *prog, Module *m, RunMode mode)
{
    FuncInfo top;
    if (resolve_program(src, prog, m, &top) < 0)
        return -1;
    int nslots = top.nslots;
    Value *slots = NULL;
    if (nslots) {
        slots = malloc(sizeof(Value) * (size_t)nslots);
        if (!slots)
            return rt_fail(ERR_MEMORY, "out of memory");
        for (int i = 0; i < nslots; i++)
            slots[i] = v_unset();
    }
    int rc = 0;
    for (int i = 0; i < nslots; i++)
        if (top.slot_is_cell[i]) {
            slots[i] = v_cell_new(v_unset());
            if (v_is_err(slots[i])) {
                rc = -1;
                break;
            }
        }
    Frame F = {
        .slots = slots, .src = src, .module = m, .fi = &top, .ret = v_none()};
    NodeVec one = {.n = 1, .cap = 1, .v = &prog};
    NodeVec *body = prog->kind == N_BLOCK ? &prog->u.seq : &one;
    for (int i = 0; i < body->n && rc == 0; i++) {
        Node *s = body->v[i];
        int r;
        if (mode == RUN_ECHO && s->kind == N_EXPR_STMT && s->u.expr_stmt.echo) {
            Value v = eval_expr(&F, s->u.expr_stmt.expr);
            r = v_is_err(v) ? EX_ERR : EX_OK;
            if (r == EX_OK && v.kind != VK_NONE && echo_value(m, v) < 0) {
                rt_set_place(src, s->span);
                r = EX_ERR;
            }
            xdecref(v);
        } else {
            r = exec_stmt(&F, s);
        }
        r = check_fpe(src, s->span, r);
        if (r == EX_ERR || interp_exit_requested)
            rc = -1;
        else if (r != EX_OK)
            rc = rt_fail(ERR_SYNTAX, "'%s' outside loop",
                         r == EX_BREAK ? "break" : "continue");
    }
    release_slots(slots, nslots);
    free(slots);
    return rc;
}

int interp_run(const char *name, const char *text, size_t len, RunMode mode,
               Module *m)
{
    stack_init();
    if (!m)
        m = interp_main_module();
    if (!m) {
        rt_report();
        return -1;
    }
    Source *src = source_new(name, text, len);
    if (!src) {
        rt_raise(ERR_MEMORY, "out of memory");
        rt_report();
        return -1;
    }
    int rc = -1;
    Node *prog = parse_program(src);
    if (prog)
        rc = run_module_code(src, prog, m, mode);
    fflush(stdout);
    if (interp_exit_requested) {
        /* exit(n) unwinds as an error nobody catches; it is no failure */
        rt_clear();
        rc = 0;
    } else if (rc < 0) {
        rt_report();
        rt_clear();
    }
    source_decref(src);
    return rc;
}
