/* ast.c — program texts (Source) and the arena their syntax trees live in.
 *
 * A Source owns a copy of the text, the byte offset of every line (so an
 * error can print its line and a position can be found by binary search)
 * and the arena of its nodes.  The arena is a list of chunks that is only
 * ever freed as a whole, when the last reference to the Source goes: the
 * parser can then abandon a half-built tree on a syntax error without any
 * bookkeeping.  Values a tree holds (the Str of a string literal) are
 * registered with arena_keep and released with the arena.
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/* One record per value the arena releases when it is freed. */
typedef struct Kept {
    struct Kept *next;
    Value v;
} Kept;

/* A chunk.  The newest chunk is the head; `prev` links to older ones. */
struct Arena {
    struct Arena *prev;
    Kept *kept; /* values allocated in this chunk's lifetime */
    size_t used, cap;
    alignas(Value) unsigned char data[];
};

/* Nodes hold pointers, int64 and doubles: 8-byte alignment is enough and
 * keeps small nodes small (a 10 MB literal makes millions of them). */
enum {
    ARENA_ALIGN = alignof(Value),
    ARENA_FIRST = 4096 - sizeof(struct Arena), /* small scripts: one page */
    ARENA_MAX = 1 << 20,
};

Source *source_new(const char *name, const char *text, size_t len)
{
    Source *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    size_t nlen = strlen(name);
    s->name = malloc(nlen + 1);
    s->text = malloc(len + 1);
    if (!s->name || !s->text)
        goto fail;
    memcpy(s->name, name, nlen + 1);
    if (len)
        memcpy(s->text, text, len);
    s->text[len] = '\0';
    s->len = len;
    s->refcount = 1;

    /* Count lines first so line_starts is allocated once. */
    size_t n = 1;
    for (const char *p = s->text, *end = s->text + len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    if (n > INT32_MAX)
        goto fail;
    s->line_starts = malloc(n * sizeof *s->line_starts);
    if (!s->line_starts)
        goto fail;
    s->line_starts[0] = 0;
    size_t k = 1;
    for (const char *p = s->text, *end = s->text + len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        s->line_starts[k++] = (size_t)(p - s->text) + 1;
    s->nlines = (int32_t)n;
    return s;
fail:
    free(s->name);
    free(s->text);
    free(s->line_starts);
    free(s);
    return NULL;
}

void source_incref(Source *s)
{
    s->refcount++;
}

void source_decref(Source *s)
{
    if (!s || --s->refcount > 0)
        return;
    arena_free(s->arena);
    free(s->line_starts);
    free(s->text);
    free(s->name);
    free(s);
}

const char *source_line(const Source *s, int32_t line, size_t *len)
{
    if (line < 1 || line > s->nlines) {
        *len = 0;
        return "";
    }
    size_t start = s->line_starts[line - 1];
    size_t stop = line < s->nlines ? s->line_starts[line] - 1 : s->len;
    /* A CRLF file: the \r is not part of the line as shown. */
    if (stop > start && s->text[stop - 1] == '\r')
        stop--;
    *len = stop - start;
    return s->text + start;
}

/* A fresh chunk of at least n bytes in front of (or, for a big block that
 * would waste the head's free space, just behind) the head. */
static struct Arena *arena_grow(struct Arena **arena, size_t n)
{
    struct Arena *head = *arena;
    size_t cap = head ? head->cap * 2 : ARENA_FIRST;
    if (cap > ARENA_MAX)
        cap = ARENA_MAX;
    bool big = head && n > cap / 4;
    if (n > cap)
        cap = n;
    struct Arena *c = malloc(sizeof *c + cap);
    if (!c)
        return NULL;
    c->kept = NULL;
    c->used = 0;
    c->cap = cap;
    if (big) {
        c->prev = head->prev;
        head->prev = c;
    } else {
        c->prev = head;
        *arena = c;
    }
    return c;
}

void *arena_alloc(struct Arena **arena, size_t n)
{
    if (n > SIZE_MAX - 2 * ARENA_ALIGN)
        return NULL;
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    struct Arena *c = *arena;
    if (!c || c->cap - c->used < n) {
        c = arena_grow(arena, n);
        if (!c)
            return NULL;
    }
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *arena_strdup(struct Arena **arena, const char *s, size_t n)
{
    char *p = arena_alloc(arena, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int arena_keep(struct Arena **arena, Value v)
{
    Kept *k = arena_alloc(arena, sizeof *k);
    if (!k) {
        v_decref(v);
        return -1;
    }
    k->v = v;
    /* arena_alloc may have made a new head; hang the record on it. */
    k->next = (*arena)->kept;
    (*arena)->kept = k;
    return 0;
}

void arena_free(struct Arena *arena)
{
    while (arena) {
        struct Arena *prev = arena->prev;
        for (Kept *k = arena->kept; k; k = k->next)
            v_decref(k->v);
        free(arena);
        arena = prev;
    }
}

int nodevec_push(struct Arena **arena, NodeVec *v, Node *n)
{
    if (v->n == v->cap) {
        if (v->cap > INT32_MAX / 2)
            return -1;
        int32_t cap = v->cap ? v->cap * 2 : 4;
        Node **nv = arena_alloc(arena, (size_t)cap * sizeof *nv);
        if (!nv)
            return -1;
        if (v->n)
            memcpy(nv, v->v, (size_t)v->n * sizeof *nv);
        v->v = nv;
        v->cap = cap;
    }
    v->v[v->n++] = n;
    return 0;
}
