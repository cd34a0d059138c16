/* gc.h — the cycle collector for containers, and the constructors of the
 * container kinds whose structs live in interp.h (functions, modules).
 *
 * Reference counting frees everything promptly except cycles (`a = [];
 * a.append(a)`, a closure that refers to itself through its cell, a module
 * whose functions point back at its globals).  Containers — lists, tuples,
 * dicts, functions, cells, modules and bound builtins — are linked into one
 * list when created (gc_track); every GC_THRESHOLD container allocations,
 * and at exit, gc_collect() runs CPython's trial deletion over that list:
 * subtract the references containers hold to each other from the
 * refcounts, keep whatever is still referenced from outside (and what it
 * reaches), free the rest.  Arrays, strings and scalars hold no containers
 * and are never tracked.
 *
 * Rule for rooms that build a container kind themselves (calloc + kind +
 * refcount 1): initialise every Value/pointer field (calloc's zeros are
 * fine: VK_ERROR and NULL are skipped) BEFORE calling gc_track, because a
 * collection may run inside any later allocation.  obj_free() releases
 * untracked containers too, so forgetting gc_track leaks only cycles.
 */
#ifndef ND_GC_H
#define ND_GC_H

#include "interp.h"

#define GC_THRESHOLD 10000

/* Link a container into the collector's list (may first run a
 * collection); unlink it (obj_free does this). */
void gc_track(Obj *o);
void gc_untrack(Obj *o);
bool gc_is_tracked(const Obj *o);
/* Run a full collection now; returns the number of containers freed. */
int64_t gc_collect(void);
/* At exit, after the program's own references are released: collect
 * until nothing more is freed.  The command line calls it. */
void gc_at_exit(void);
/* Collections so far and containers currently tracked (tests, whos). */
int64_t gc_collections(void);
int64_t gc_tracked_count(void);

/* A Function for `node` (N_DEF or N_LAMBDA) of `source` in module m
 * (references to source and m are taken): defaults are VK_NONE and free
 * cells NULL until the caller fills them (taking references); tracked.
 * NULL on MemoryError (exception set). */
Function *function_new(Node *node, Source *source, Module *m);
/* A module with an empty globals dict and no cache; `name` and `path`
 * (may be NULL) are copied and owned by the module; tracked. */
Module *module_new(const char *name, const char *path);

/* --- private to the values room (value.c, native.c, gc.c) */
void native_dealloc(Obj *o);  /* native.c: finalize hook + free */
void builtin_dealloc(Obj *o); /* native.c */
#define GC_TRACKED 0x01
#define GC_UNREACHABLE 0x02
#define GC_OWNS_NAME 0x04 /* a Module whose name module_new copied */

#endif
