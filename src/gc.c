/* gc.c — the cycle collector (trial deletion, as CPython's) and the
 * constructors of functions and modules, the container kinds whose
 * structs interp.h defines.
 *
 * Every tracked container sits on one doubly linked list.  A collection:
 *   1. copies each container's refcount into gc_refs;
 *   2. for each reference a container holds to another tracked container,
 *      decrements the target's gc_refs — what is left counts references
 *      from outside the containers (frames, C locals, the evaluator);
 *   3. walks the list: a container with gc_refs > 0 is reachable and so is
 *      everything it holds; the others move to an "unreachable" list, from
 *      which a later reachable one can pull them back;
 *   4. what stays unreachable is garbage: each gets a reference of ours,
 *      then all are cleared (their references dropped — the cycles break),
 *      then our references are dropped and refcounting frees them.
 * Only one generation: a collection runs after GC_THRESHOLD container
 * allocations, or after as many as half the containers that survived the
 * last one, so a program holding many containers does not pay a full scan
 * every few thousand allocations.
 */
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "interp.h"
#include "value.h"

static Obj tracked = {.gc_prev = &tracked, .gc_next = &tracked};
static int64_t ntracked;
static int64_t allocs_since;
static int64_t threshold = GC_THRESHOLD;
static int64_t ncollections;
static bool collecting;

static void list_unlink(Obj *o)
{
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
}

static void list_append_obj(Obj *head, Obj *o)
{
    o->gc_prev = head->gc_prev;
    o->gc_next = head;
    head->gc_prev->gc_next = o;
    head->gc_prev = o;
}

void gc_track(Obj *o)
{
    if (o->gc_flags & GC_TRACKED)
        return;
    /* Collect before linking: the new container may not be filled yet. */
    if (++allocs_since >= threshold && !collecting)
        gc_collect();
    o->gc_flags |= GC_TRACKED;
    list_append_obj(&tracked, o);
    ntracked++;
}

void gc_untrack(Obj *o)
{
    if (!(o->gc_flags & GC_TRACKED))
        return;
    list_unlink(o);
    o->gc_flags &= (uint8_t) ~(GC_TRACKED | GC_UNREACHABLE);
    o->gc_prev = o->gc_next = NULL;
    ntracked--;
}

bool gc_is_tracked(const Obj *o)
{
    return (o->gc_flags & GC_TRACKED) != 0;
}

int64_t gc_collections(void)
{
    return ncollections;
}

int64_t gc_tracked_count(void)
{
    return ntracked;
}

/* ------------------------------------------------------------ traversal */

typedef void (*VisitFn)(Obj *child);

static void visit_value(Value v, VisitFn visit)
{
    if (v.kind >= VK_STR && v.as.obj)
        visit(v.as.obj);
}

/* Call visit on every heap object `o` holds a reference to (only
 * containers matter, but visiting the rest is harmless). */
static void traverse(Obj *o, VisitFn visit)
{
    switch ((ValueKind)o->kind) {
    case VK_TUPLE: {
        Tuple *t = (Tuple *)o;
        for (int64_t i = 0; i < t->n; i++)
            visit_value(t->items[i], visit);
        break;
    }
    case VK_LIST: {
        List *l = (List *)o;
        for (int64_t i = 0; i < l->n; i++)
            visit_value(l->items[i], visit);
        break;
    }
    case VK_DICT: {
        Dict *d = (Dict *)o;
        for (int64_t i = 0; i < d->used; i++) {
            visit_value(d->entries[i].key, visit);
            visit_value(d->entries[i].value, visit);
        }
        break;
    }
    case VK_CELL:
        visit_value(((Cell *)o)->v, visit);
        break;
    case VK_FUNCTION: {
        Function *f = (Function *)o;
        if (f->node && f->defaults)
            for (int32_t i = 0; i < f->node->u.func.defaults.n; i++)
                visit_value(f->defaults[i], visit);
        if (f->node && f->free)
            for (int32_t i = 0; i < f->node->u.func.nfree; i++)
                if (f->free[i])
                    visit(&f->free[i]->h);
        if (f->module)
            visit(&f->module->h);
        break;
    }
    case VK_MODULE: {
        Module *m = (Module *)o;
        visit_value(m->globals, visit);
        visit_value(m->cache, visit);
        break;
    }
    case VK_BUILTIN:
        visit_value(((Builtin *)o)->self, visit);
        break;
    default:
        break;
    }
}

/* Drop every reference `o` holds, leaving it an empty but valid object
 * (obj_free later releases what is left: nothing). */
static void clear(Obj *o)
{
    switch ((ValueKind)o->kind) {
    case VK_TUPLE: {
        Tuple *t = (Tuple *)o;
        for (int64_t i = 0; i < t->n; i++) {
            Value v = t->items[i];
            t->items[i] = v_none();
            v_decref(v);
        }
        break;
    }
    case VK_LIST: {
        List *l = (List *)o;
        Value *items = l->items;
        int64_t n = l->n;
        l->items = NULL;
        l->n = l->cap = 0;
        for (int64_t i = 0; i < n; i++)
            v_decref(items[i]);
        free(items);
        break;
    }
    case VK_DICT: {
        Dict *d = (Dict *)o;
        DictEntry *e = d->entries;
        int64_t used = d->used;
        free(d->index);
        d->entries = NULL;
        d->index = NULL;
        d->n = d->used = d->cap = d->nindex = 0;
        for (int64_t i = 0; i < used; i++) {
            v_decref(e[i].key);
            v_decref(e[i].value);
        }
        free(e);
        break;
    }
    case VK_CELL: {
        Cell *c = (Cell *)o;
        Value v = c->v;
        c->v = v_unset();
        v_decref(v);
        break;
    }
    case VK_FUNCTION: {
        Function *f = (Function *)o;
        if (f->node && f->defaults)
            for (int32_t i = 0; i < f->node->u.func.defaults.n; i++) {
                Value v = f->defaults[i];
                f->defaults[i] = v_none();
                v_decref(v);
            }
        if (f->node && f->free)
            for (int32_t i = 0; i < f->node->u.func.nfree; i++) {
                Cell *c = f->free[i];
                f->free[i] = NULL;
                if (c)
                    v_decref(v_obj(&c->h));
            }
        if (f->module) {
            Module *m = f->module;
            f->module = NULL;
            v_decref(v_obj(&m->h));
        }
        break;
    }
    case VK_MODULE: {
        Module *m = (Module *)o;
        Value g = m->globals, c = m->cache;
        m->globals = v_none();
        m->cache = v_none();
        v_decref(g);
        v_decref(c);
        break;
    }
    case VK_BUILTIN: {
        Builtin *b = (Builtin *)o;
        Value s = b->self;
        b->self = v_unset();
        v_decref(s);
        break;
    }
    default:
        break;
    }
}

/* ------------------------------------------------------------ collection */

static void visit_decrement(Obj *child)
{
    if ((child->gc_flags & GC_TRACKED) && child->gc_refs > 0)
        child->gc_refs--;
}

static void visit_reachable(Obj *child)
{
    if (!(child->gc_flags & GC_TRACKED))
        return;
    if (child->gc_flags & GC_UNREACHABLE) {
        /* Moved aside too early: back to the end of the list, where the
         * walk will reach it and mark what it holds. */
        list_unlink(child);
        list_append_obj(&tracked, child);
        child->gc_flags &= (uint8_t)~GC_UNREACHABLE;
        child->gc_refs = 1;
    } else if (child->gc_refs == 0) {
        child->gc_refs = 1;
    }
}

int64_t gc_collect(void)
{
    if (collecting)
        return 0;
    collecting = true;
    ncollections++;
    allocs_since = 0;

    for (Obj *o = tracked.gc_next; o != &tracked; o = o->gc_next)
        o->gc_refs = o->refcount > (int64_t)UINT32_MAX ? UINT32_MAX
                                                       : (uint32_t)o->refcount;
    for (Obj *o = tracked.gc_next; o != &tracked; o = o->gc_next)
        traverse(o, visit_decrement);

    Obj unreachable = {.gc_prev = &unreachable, .gc_next = &unreachable};
    Obj *o = tracked.gc_next;
    while (o != &tracked) {
        Obj *next;
        if (o->gc_refs > 0) {
            traverse(o, visit_reachable);
            next = o->gc_next; /* after: the walk may have grown the list */
        } else {
            next = o->gc_next;
            list_unlink(o);
            list_append_obj(&unreachable, o);
            o->gc_flags |= GC_UNREACHABLE;
        }
        o = next;
    }

    /* Garbage: hold each, clear each, release each. */
    int64_t nfreed = 0;
    for (o = unreachable.gc_next; o != &unreachable; o = o->gc_next) {
        o->refcount++;
        nfreed++;
    }
    for (o = unreachable.gc_next; o != &unreachable; o = o->gc_next)
        clear(o);
    while (unreachable.gc_next != &unreachable) {
        o = unreachable.gc_next;
        list_unlink(o);
        list_append_obj(&tracked, o);
        o->gc_flags &= (uint8_t)~GC_UNREACHABLE;
        v_decref(v_obj(o));
    }

    int64_t survivors = ntracked;
    threshold = survivors / 2 > GC_THRESHOLD ? survivors / 2 : GC_THRESHOLD;
    collecting = false;
    return nfreed;
}

void gc_at_exit(void)
{
    while (gc_collect() > 0)
        ;
}

/* ------------------------------------------------ functions and modules */

Function *function_new(Node *node, Source *source, Module *m)
{
    Function *f = nd_calloc(1, sizeof *f);
    if (!f) {
        rt_from_lib();
        return NULL;
    }
    f->h.refcount = 1;
    f->h.kind = VK_FUNCTION;
    f->node = node;
    int32_t nd = node->u.func.defaults.n, nf = node->u.func.nfree;
    if (nd > 0) {
        f->defaults = nd_calloc((size_t)nd, sizeof(Value));
        if (!f->defaults)
            goto fail;
        for (int32_t i = 0; i < nd; i++)
            f->defaults[i] = v_none();
    }
    if (nf > 0) {
        f->free = nd_calloc((size_t)nf, sizeof(Cell *));
        if (!f->free)
            goto fail;
    }
    if (source) {
        source_incref(source);
        f->source = source;
    }
    if (m) {
        m->h.refcount++;
        f->module = m;
    }
    gc_track(&f->h);
    return f;
fail:
    free(f->defaults);
    free(f);
    rt_from_lib();
    return NULL;
}

Module *module_new(const char *name, const char *path)
{
    Module *m = nd_calloc(1, sizeof *m);
    if (!m) {
        rt_from_lib();
        return NULL;
    }
    m->h.refcount = 1;
    m->h.kind = VK_MODULE;
    m->h.gc_flags = GC_OWNS_NAME;
    m->globals = v_none();
    m->cache = v_none();
    size_t n = strlen(name);
    char *nm = nd_malloc(n + 1);
    char *p = NULL;
    if (nm)
        memcpy(nm, name, n + 1);
    if (nm && path) {
        size_t k = strlen(path);
        p = nd_malloc(k + 1);
        if (p)
            memcpy(p, path, k + 1);
    }
    Value g = nm && (p || !path) ? v_dict_new() : v_error();
    if (v_is_err(g)) {
        if (!nm || (path && !p))
            rt_from_lib();
        free(nm);
        free(p);
        free(m);
        return NULL;
    }
    m->name = nm;
    m->path = p;
    m->globals = g;
    gc_track(&m->h);
    return m;
}
