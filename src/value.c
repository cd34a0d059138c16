/* value.c — the values of the language: constructors of every heap kind,
 * reference counting and freeing, the insertion-ordered dict, Python's
 * equality and hashing (1, 1.0 and True are one dict key), type names, and
 * str()/repr() of every kind.  The str/list/dict methods and the sequence
 * helpers live in str.c, the cycle collector in gc.c, native objects and
 * builtin values in native.c.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "gc.h"
#include "interp.h"
#include "value.h"

/* ------------------------------------------------------------ allocation */

/* A zeroed heap object with refcount 1; NULL with MemoryError pending. */
static void *obj_alloc(size_t size, ValueKind kind)
{
    Obj *o = nd_calloc(1, size);
    if (!o) {
        rt_from_lib();
        return NULL;
    }
    o->refcount = 1;
    o->kind = (uint8_t)kind;
    return o;
}

static Value nomem(void)
{
    nd_error_nomem();
    return rt_from_lib();
}

/* --------------------------------------------------------------- arrays */

Value v_array_take(NdArray *a)
{
    if (!a)
        return rt_from_lib();
    Value v = {.kind = VK_ARRAY};
    v.as.array = a;
    return v;
}

/* -------------------------------------------------------------- scalars */

Value v_from_ndscalar(const NdScalar *s)
{
    Value v = {
        .kind = VK_SCALAR, .dtype = (uint8_t)s->dtype, .weak = s->weak ? 1 : 0};
    memcpy(v.as.bytes, s->v.bytes, sizeof v.as.bytes);
    return v;
}

NdScalar v_to_ndscalar(Value v)
{
    NdScalar s;
    memset(&s, 0, sizeof s);
    s.dtype = (NdType)v.dtype;
    s.weak = v.weak != 0;
    memcpy(s.v.bytes, v.as.bytes, sizeof s.v.bytes);
    return s;
}

/* -------------------------------------------------------------- strings */

int64_t utf8_ncodes(const char *s, int64_t nbytes)
{
    int64_t n = 0;
    for (int64_t i = 0; i < nbytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

int64_t str_byte_offset(const Str *s, int64_t i)
{
    if (s->ncodes == s->nbytes)
        return i;
    int64_t k = 0, b = 0;
    for (; b < s->nbytes; b++) {
        if (((unsigned char)s->data[b] & 0xC0) != 0x80) {
            if (k == i)
                return b;
            k++;
        }
    }
    return s->nbytes;
}

/* FNV-1a over the bytes, then a 64-bit finaliser; never 0 (0 marks "not
 * computed" in Str.hash). */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static uint64_t bytes_hash(const char *s, int64_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int64_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    h = mix64(h);
    return h ? h : 1;
}

Value v_str_n(const char *utf8, int64_t nbytes)
{
    if (nbytes < 0 || (uint64_t)nbytes > SIZE_MAX - sizeof(Str) - 1)
        return nomem();
    Str *s = obj_alloc(sizeof(Str) + (size_t)nbytes + 1, VK_STR);
    if (!s)
        return v_error();
    if (nbytes)
        memcpy(s->data, utf8, (size_t)nbytes);
    s->data[nbytes] = 0;
    s->nbytes = nbytes;
    s->ncodes = utf8_ncodes(s->data, nbytes);
    return v_obj(&s->h);
}

Value v_str(const char *utf8)
{
    return v_str_n(utf8, (int64_t)strlen(utf8));
}

/* ---------------------------------------------------------- text buffer */

void textbuf_reserve(TextBuf *b, int64_t extra)
{
    if (b->failed)
        return;
    if (extra < 0 || extra > INT64_MAX / 2 - b->len - 1) {
        b->failed = true;
        nomem();
        return;
    }
    if (b->len + extra + 1 <= b->cap)
        return;
    int64_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > INT64_MAX / 2) {
            b->failed = true;
            nomem();
            return;
        }
        cap *= 2;
    }
    char *p = nd_realloc(b->data, (size_t)cap);
    if (!p) {
        b->failed = true;
        rt_from_lib();
        return;
    }
    b->data = p;
    b->cap = cap;
}

void textbuf_put(TextBuf *b, const char *s, int64_t n)
{
    textbuf_reserve(b, n);
    if (b->failed)
        return;
    if (n)
        memcpy(b->data + b->len, s, (size_t)n);
    b->len += n;
    b->data[b->len] = 0;
}

void textbuf_puts(TextBuf *b, const char *s)
{
    textbuf_put(b, s, (int64_t)strlen(s));
}

void textbuf_putc(TextBuf *b, char c)
{
    textbuf_put(b, &c, 1);
}

void textbuf_printf(TextBuf *b, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        textbuf_put(b, small, n);
        return;
    }
    textbuf_reserve(b, n);
    if (b->failed)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += n;
}

void textbuf_release(TextBuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

Value textbuf_finish(TextBuf *b)
{
    if (b->failed) {
        textbuf_release(b);
        return v_error();
    }
    Value s = v_str_n(b->data ? b->data : "", b->len);
    textbuf_release(b);
    return s;
}

/* ---------------------------------------------------- tuples and lists */

Value v_tuple_new(int64_t n)
{
    if (n < 0 || (uint64_t)n > (SIZE_MAX - sizeof(Tuple)) / sizeof(Value))
        return nomem();
    Tuple *t = obj_alloc(sizeof(Tuple) + (size_t)n * sizeof(Value), VK_TUPLE);
    if (!t)
        return v_error();
    t->n = n;
    t->fields = NULL;
    for (int64_t i = 0; i < n; i++)
        t->items[i] = v_none();
    gc_track(&t->h);
    return v_obj(&t->h);
}

Value v_named_tuple_new(const TupleFields *fields)
{
    Value t = v_tuple_new(fields->n);
    if (!v_is_err(t))
        as_tuple(t)->fields = fields;
    return t;
}

void tuple_set_take(Value tuple, int64_t i, Value item)
{
    Tuple *t = as_tuple(tuple);
    Value old = t->items[i];
    t->items[i] = item;
    v_decref(old);
}

Value v_list_new(int64_t capacity)
{
    if (capacity < 0 || (uint64_t)capacity > SIZE_MAX / sizeof(Value) / 2)
        return nomem();
    List *l = obj_alloc(sizeof(List), VK_LIST);
    if (!l)
        return v_error();
    if (capacity > 0) {
        l->items = nd_malloc((size_t)capacity * sizeof(Value));
        if (!l->items) {
            free(l);
            return rt_from_lib();
        }
        l->cap = capacity;
    }
    gc_track(&l->h);
    return v_obj(&l->h);
}

int list_append(Value list, Value item)
{
    List *l = as_list(list);
    if (l->n == l->cap) {
        int64_t cap = l->cap < 4 ? 8 : l->cap + l->cap / 2 + 1;
        if ((uint64_t)cap > SIZE_MAX / sizeof(Value)) {
            nomem();
            return -1;
        }
        Value *p = nd_realloc(l->items, (size_t)cap * sizeof(Value));
        if (!p)
            return rt_fail_from_lib();
        l->items = p;
        l->cap = cap;
    }
    v_incref(item);
    l->items[l->n++] = item;
    return 0;
}

/* --------------------------------------------------- ranges and slices */

Value v_range(int64_t start, int64_t stop, int64_t step)
{
    Range *r = obj_alloc(sizeof(Range), VK_RANGE);
    if (!r)
        return v_error();
    r->start = start;
    r->stop = stop;
    r->step = step;
    return v_obj(&r->h);
}

Value v_slice(Value start, Value stop, Value step)
{
    Slice *s = obj_alloc(sizeof(Slice), VK_SLICE);
    if (!s)
        return v_error();
    v_incref(start);
    v_incref(stop);
    v_incref(step);
    s->start = start;
    s->stop = stop;
    s->step = step;
    return v_obj(&s->h);
}

Value v_cell_new(Value v)
{
    Cell *c = obj_alloc(sizeof(Cell), VK_CELL);
    if (!c)
        return v_error();
    v_incref(v);
    c->v = v;
    gc_track(&c->h);
    return v_obj(&c->h);
}

/* ------------------------------------------------------------ refcounts */

static inline bool is_heap(Value v)
{
    return v.kind >= VK_STR;
}

void v_incref(Value v)
{
    if (v.kind == VK_ARRAY)
        nd_incref(v.as.array);
    else if (is_heap(v) && v.as.obj)
        v.as.obj->refcount++;
}

void v_decref(Value v)
{
    if (v.kind == VK_ARRAY) {
        nd_decref(v.as.array);
    } else if (is_heap(v) && v.as.obj) {
        if (--v.as.obj->refcount == 0)
            obj_free(v.as.obj);
    }
}

static void decref_obj(Obj *o)
{
    if (o && --o->refcount == 0)
        obj_free(o);
}

static void function_dealloc(Function *f)
{
    if (f->node && f->defaults) {
        int32_t nd = f->node->u.func.defaults.n;
        for (int32_t i = 0; i < nd; i++)
            v_decref(f->defaults[i]);
    }
    free(f->defaults);
    if (f->node && f->free) {
        int32_t nf = f->node->u.func.nfree;
        for (int32_t i = 0; i < nf; i++)
            decref_obj(f->free[i] ? &f->free[i]->h : NULL);
    }
    free(f->free);
    decref_obj(f->module ? &f->module->h : NULL);
    if (f->source)
        source_decref(f->source);
}

/* Release everything `o` owns, then `o` itself. */
static void obj_dealloc(Obj *o)
{
    switch ((ValueKind)o->kind) {
    case VK_STR:
    case VK_RANGE:
    case VK_ELLIPSIS:
        break;
    case VK_TUPLE: {
        Tuple *t = (Tuple *)o;
        for (int64_t i = 0; i < t->n; i++)
            v_decref(t->items[i]);
        break;
    }
    case VK_LIST: {
        List *l = (List *)o;
        for (int64_t i = 0; i < l->n; i++)
            v_decref(l->items[i]);
        free(l->items);
        break;
    }
    case VK_DICT: {
        Dict *d = (Dict *)o;
        for (int64_t i = 0; i < d->used; i++) {
            v_decref(d->entries[i].key);
            v_decref(d->entries[i].value);
        }
        free(d->entries);
        free(d->index);
        break;
    }
    case VK_SLICE: {
        Slice *s = (Slice *)o;
        v_decref(s->start);
        v_decref(s->stop);
        v_decref(s->step);
        break;
    }
    case VK_CELL:
        v_decref(((Cell *)o)->v);
        break;
    case VK_FUNCTION:
        function_dealloc((Function *)o);
        break;
    case VK_MODULE: {
        Module *m = (Module *)o;
        v_decref(m->globals);
        v_decref(m->cache);
        free(m->path);
        if (o->gc_flags & GC_OWNS_NAME)
            free((char *)m->name);
        break;
    }
    case VK_BUILTIN:
        builtin_dealloc(o);
        return; /* frees o */
    case VK_OBJECT:
        native_dealloc(o);
        return; /* frees o */
    default:
        break;
    }
    free(o);
}

/* Freeing a long chain (a list nested a million deep) would recurse once
 * per level; past FREE_DEPTH levels objects are queued and freed by the
 * outermost call instead (CPython's "trashcan"). */
enum { FREE_DEPTH = 256 };
static int free_depth;
static Obj *free_queue;

void obj_free(Obj *o)
{
    if (o->gc_flags & GC_TRACKED)
        gc_untrack(o);
    if (free_depth >= FREE_DEPTH) {
        o->gc_next = free_queue;
        free_queue = o;
        return;
    }
    free_depth++;
    obj_dealloc(o);
    free_depth--;
    if (free_depth == 0) {
        while (free_queue) {
            Obj *q = free_queue;
            free_queue = q->gc_next;
            free_depth++;
            obj_dealloc(q);
            free_depth--;
        }
    }
}

/* ------------------------------------------------------ hashing, equality */

/* A number as Python compares it: an exact integer (signed, or unsigned
 * above INT64_MAX), a double, or a complex pair. */
typedef struct Num {
    enum { NUM_INT, NUM_UINT, NUM_REAL, NUM_COMPLEX } k;
    int64_t i;
    uint64_t u;
    double re, im;
} Num;

static Num num_of(Value v)
{
    Num n = {0};
    NdScalar s = v_to_ndscalar(v);
    switch ((NdType)v.dtype) {
    case ND_BOOL:
        n.k = NUM_INT;
        n.i = s.v.b;
        break;
    case ND_INT8:
        n.k = NUM_INT;
        n.i = s.v.i8;
        break;
    case ND_INT16:
        n.k = NUM_INT;
        n.i = s.v.i16;
        break;
    case ND_INT32:
        n.k = NUM_INT;
        n.i = s.v.i32;
        break;
    case ND_INT64:
        n.k = NUM_INT;
        n.i = s.v.i64;
        break;
    case ND_UINT8:
        n.k = NUM_INT;
        n.i = s.v.u8;
        break;
    case ND_UINT16:
        n.k = NUM_INT;
        n.i = s.v.u16;
        break;
    case ND_UINT32:
        n.k = NUM_INT;
        n.i = s.v.u32;
        break;
    case ND_UINT64:
        if (s.v.u64 <= (uint64_t)INT64_MAX) {
            n.k = NUM_INT;
            n.i = (int64_t)s.v.u64;
        } else {
            n.k = NUM_UINT;
            n.u = s.v.u64;
        }
        break;
    case ND_FLOAT32:
        n.k = NUM_REAL;
        n.re = s.v.f32;
        break;
    case ND_FLOAT64:
        n.k = NUM_REAL;
        n.re = s.v.f64;
        break;
    case ND_COMPLEX64:
        n.k = NUM_COMPLEX;
        n.re = s.v.c64.re;
        n.im = s.v.c64.im;
        break;
    case ND_COMPLEX128:
    default:
        n.k = NUM_COMPLEX;
        n.re = s.v.c128.re;
        n.im = s.v.c128.im;
        break;
    }
    /* A complex with no imaginary part compares (and hashes) as its real
     * part: 1+0j == 1. */
    if (n.k == NUM_COMPLEX && n.im == 0)
        n.k = NUM_REAL;
    return n;
}

/* A double that is an exact integer in int64 (or uint64) range becomes one,
 * so 1.0 and 1 meet. */
static Num num_canon(Num n)
{
    if (n.k == NUM_REAL && n.re == trunc(n.re)) {
        if (n.re >= -9223372036854775808.0 && n.re < 9223372036854775808.0) {
            n.k = NUM_INT;
            n.i = (int64_t)n.re;
        } else if (n.re >= 0 && n.re < 18446744073709551616.0) {
            n.k = NUM_UINT;
            n.u = (uint64_t)n.re;
        }
    }
    return n;
}

static bool num_equal(Num a, Num b)
{
    a = num_canon(a);
    b = num_canon(b);
    if (a.k != b.k)
        return false;
    switch (a.k) {
    case NUM_INT:
        return a.i == b.i;
    case NUM_UINT:
        return a.u == b.u;
    case NUM_REAL:
        return a.re == b.re;
    default:
        return a.re == b.re && a.im == b.im;
    }
}

static uint64_t double_hash(double d)
{
    if (isnan(d))
        return 0x7ff8000000000000ULL;
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return mix64(bits ^ 0x5bd1e995ULL);
}

static uint64_t num_hash(Num n)
{
    n = num_canon(n);
    switch (n.k) {
    case NUM_INT:
        return mix64((uint64_t)n.i);
    case NUM_UINT:
        return mix64(n.u);
    case NUM_REAL:
        return double_hash(n.re);
    default:
        return double_hash(n.re) * 1000003ULL ^ double_hash(n.im);
    }
}

uint64_t v_hash(Value v, bool *hashable)
{
    *hashable = true;
    switch ((ValueKind)v.kind) {
    case VK_NONE:
        return 0x9e3779b97f4a7c15ULL;
    case VK_SCALAR:
        return num_hash(num_of(v));
    case VK_STR: {
        Str *s = as_str(v);
        if (!s->hash)
            s->hash = bytes_hash(s->data, s->nbytes);
        return s->hash;
    }
    case VK_TUPLE: {
        Tuple *t = as_tuple(v);
        uint64_t h = 0x27d4eb2f165667c5ULL;
        for (int64_t i = 0; i < t->n; i++) {
            uint64_t hi = v_hash(t->items[i], hashable);
            if (!*hashable)
                return 0;
            h = (h ^ hi) * 0x100000001b3ULL + (uint64_t)i;
        }
        return mix64(h + (uint64_t)t->n);
    }
    default:
        *hashable = false;
        return 0;
    }
}

static bool range_equal(const Range *a, const Range *b);

bool v_equal(Value a, Value b)
{
    if (a.kind == VK_SCALAR || b.kind == VK_SCALAR) {
        if (a.kind != b.kind)
            return false;
        return num_equal(num_of(a), num_of(b));
    }
    if (a.kind != b.kind)
        return false;
    switch ((ValueKind)a.kind) {
    case VK_NONE:
    case VK_UNSET:
    case VK_ELLIPSIS:
    case VK_ERROR:
        return true;
    case VK_ARRAY:
        return a.as.array == b.as.array;
    default:
        break;
    }
    if (a.as.obj == b.as.obj)
        return true;
    switch ((ValueKind)a.kind) {
    case VK_STR: {
        Str *x = as_str(a), *y = as_str(b);
        if (x->nbytes != y->nbytes)
            return false;
        if (x->hash && y->hash && x->hash != y->hash)
            return false;
        return memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
    }
    case VK_TUPLE:
    case VK_LIST: {
        int64_t n;
        const Value *xs, *ys;
        if (a.kind == VK_TUPLE) {
            if (as_tuple(a)->n != as_tuple(b)->n)
                return false;
            n = as_tuple(a)->n;
            xs = as_tuple(a)->items;
            ys = as_tuple(b)->items;
        } else {
            if (as_list(a)->n != as_list(b)->n)
                return false;
            n = as_list(a)->n;
            xs = as_list(a)->items;
            ys = as_list(b)->items;
        }
        for (int64_t i = 0; i < n; i++)
            if (!v_equal(xs[i], ys[i]))
                return false;
        return true;
    }
    case VK_DICT: {
        Dict *x = as_dict(a);
        if (x->n != as_dict(b)->n)
            return false;
        for (int64_t i = 0; i < x->used; i++) {
            DictEntry *e = &x->entries[i];
            if (e->key.kind == VK_UNSET)
                continue;
            Value w = dict_get(b, e->key);
            if (w.kind == VK_ERROR) {
                rt_clear();
                return false;
            }
            if (w.kind == VK_UNSET || !v_equal(e->value, w))
                return false;
        }
        return true;
    }
    case VK_RANGE:
        return range_equal((Range *)a.as.obj, (Range *)b.as.obj);
    case VK_SLICE: {
        Slice *x = (Slice *)a.as.obj, *y = (Slice *)b.as.obj;
        return v_equal(x->start, y->start) && v_equal(x->stop, y->stop) &&
               v_equal(x->step, y->step);
    }
    case VK_BUILTIN: {
        Builtin *x = (Builtin *)a.as.obj, *y = (Builtin *)b.as.obj;
        if (x->def != y->def || x->self.kind != y->self.kind)
            return false;
        if (x->self.kind == VK_ARRAY)
            return x->self.as.array == y->self.as.array;
        if (is_heap(x->self))
            return x->self.as.obj == y->self.as.obj;
        return true;
    }
    default:
        return false;
    }
}

static int64_t range_len(const Range *r)
{
    /* Computed in unsigned arithmetic: stop - start may exceed INT64_MAX. */
    if (r->step > 0 && r->start < r->stop)
        return (int64_t)(((uint64_t)r->stop - (uint64_t)r->start - 1) /
                             (uint64_t)r->step +
                         1);
    if (r->step < 0 && r->start > r->stop)
        return (int64_t)(((uint64_t)r->start - (uint64_t)r->stop - 1) /
                             (0 - (uint64_t)r->step) +
                         1);
    return 0;
}

static bool range_equal(const Range *a, const Range *b)
{
    int64_t n = range_len(a);
    if (n != range_len(b))
        return false;
    if (n == 0)
        return true;
    if (a->start != b->start)
        return false;
    return n == 1 || a->step == b->step;
}

/* ------------------------------------------------------------------ dicts */

Value v_dict_new(void)
{
    Dict *d = obj_alloc(sizeof(Dict), VK_DICT);
    if (!d)
        return v_error();
    gc_track(&d->h);
    return v_obj(&d->h);
}

static Value unhashable(Value key)
{
    /* name the element that is unhashable, as Python does for a tuple */
    while (key.kind == VK_TUPLE) {
        const Tuple *t = as_tuple(key);
        bool ok = true;
        int64_t i = 0;
        for (; i < t->n; i++) {
            v_hash(t->items[i], &ok);
            if (!ok)
                break;
        }
        if (i == t->n)
            break;
        key = t->items[i];
    }
    return rt_raise(ERR_TYPE, "unhashable type: '%s'",
                    key.kind == VK_ARRAY ? "numpy.ndarray" : v_type_name(key));
}

/* The slot of the index table holding key's entry, or of the empty slot
 * where it would go (*found says which). */
static int64_t dict_probe(const Dict *d, Value key, uint64_t h, bool *found)
{
    uint64_t mask = (uint64_t)d->nindex - 1;
    uint64_t i = h & mask, perturb = h;
    for (;;) {
        int64_t ix = d->index[i];
        if (ix < 0) {
            *found = false;
            return (int64_t)i;
        }
        const DictEntry *e = &d->entries[ix];
        if (e->key.kind != VK_UNSET && e->hash == h && v_equal(e->key, key)) {
            *found = true;
            return (int64_t)i;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Rebuild with room for at least `need` live entries, dropping deleted
 * ones (entry order is kept). */
static int dict_resize(Dict *d, int64_t need)
{
    int64_t cap = 8;
    while (cap < need)
        cap *= 2;
    int64_t nindex = cap * 2; /* load factor <= 1/2 */
    if ((uint64_t)cap > SIZE_MAX / sizeof(DictEntry) / 2) {
        nomem();
        return -1;
    }
    DictEntry *entries = nd_malloc((size_t)cap * sizeof(DictEntry));
    int64_t *index = nd_malloc((size_t)nindex * sizeof(int64_t));
    if (!entries || !index) {
        free(entries);
        free(index);
        return rt_fail_from_lib();
    }
    int64_t n = 0;
    for (int64_t i = 0; i < d->used; i++)
        if (d->entries[i].key.kind != VK_UNSET)
            entries[n++] = d->entries[i];
    free(d->entries);
    free(d->index);
    d->entries = entries;
    d->index = index;
    d->cap = cap;
    d->nindex = nindex;
    d->used = n;
    d->n = n;
    for (int64_t i = 0; i < nindex; i++)
        index[i] = -1;
    uint64_t mask = (uint64_t)nindex - 1;
    for (int64_t k = 0; k < n; k++) {
        uint64_t h = entries[k].hash, i = h & mask, perturb = h;
        while (index[i] >= 0) {
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
        index[i] = k;
    }
    return 0;
}

int dict_set(Value dict, Value key, Value value)
{
    Dict *d = as_dict(dict);
    bool ok;
    uint64_t h = v_hash(key, &ok);
    if (!ok) {
        unhashable(key);
        return -1;
    }
    bool found = false;
    int64_t slot = -1;
    if (d->nindex)
        slot = dict_probe(d, key, h, &found);
    if (found) {
        DictEntry *e = &d->entries[d->index[slot]];
        Value old = e->value;
        v_incref(value);
        e->value = value;
        v_decref(old);
        return 0;
    }
    if (d->used == d->cap) {
        if (dict_resize(d, d->n + 1 > d->n * 2 ? d->n + 1 : d->n * 2) < 0)
            return -1;
        slot = dict_probe(d, key, h, &found);
    }
    DictEntry *e = &d->entries[d->used];
    e->hash = h;
    v_incref(key);
    v_incref(value);
    e->key = key;
    e->value = value;
    d->index[slot] = d->used++;
    d->n++;
    return 0;
}

Value dict_get(Value dict, Value key)
{
    Dict *d = as_dict(dict);
    bool ok;
    uint64_t h = v_hash(key, &ok);
    if (!ok)
        return unhashable(key);
    if (!d->n)
        return v_unset();
    bool found;
    int64_t slot = dict_probe(d, key, h, &found);
    return found ? d->entries[d->index[slot]].value : v_unset();
}

int dict_del(Value dict, Value key)
{
    Dict *d = as_dict(dict);
    bool ok;
    uint64_t h = v_hash(key, &ok);
    if (!ok) {
        unhashable(key);
        return -1;
    }
    bool found = false;
    int64_t slot = d->n ? dict_probe(d, key, h, &found) : -1;
    if (!found) {
        Value r = v_to_repr(key);
        if (v_is_err(r))
            return -1;
        rt_raise(ERR_KEY, "%s", as_str(r)->data);
        v_decref(r);
        return -1;
    }
    DictEntry *e = &d->entries[d->index[slot]];
    Value k = e->key, v = e->value;
    /* The index slot keeps pointing at the dead entry: probe chains
     * through it stay intact. */
    e->key = v_unset();
    e->value = v_unset();
    d->n--;
    v_decref(k);
    v_decref(v);
    return 0;
}

Value dict_get_str(Value dict, const char *key)
{
    Dict *d = as_dict(dict);
    if (!d->n)
        return v_unset();
    int64_t len = (int64_t)strlen(key);
    uint64_t h = bytes_hash(key, len);
    uint64_t mask = (uint64_t)d->nindex - 1;
    uint64_t i = h & mask, perturb = h;
    for (;;) {
        int64_t ix = d->index[i];
        if (ix < 0)
            return v_unset();
        const DictEntry *e = &d->entries[ix];
        if (e->hash == h && e->key.kind == VK_STR) {
            const Str *s = as_str(e->key);
            if (s->nbytes == len && memcmp(s->data, key, (size_t)len) == 0)
                return e->value;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* ------------------------------------------------------------ type names */

const char *v_type_name(Value v)
{
    switch ((ValueKind)v.kind) {
    case VK_ERROR:
        return "error";
    case VK_UNSET:
        return "unset";
    case VK_NONE:
        return "NoneType";
    case VK_SCALAR:
        if (!v.weak)
            return nd_dtype_name((NdType)v.dtype);
        switch (nd_dtype_kind((NdType)v.dtype)) {
        case ND_KIND_BOOL:
            return "bool";
        case ND_KIND_INT:
        case ND_KIND_UINT:
            return "int";
        case ND_KIND_FLOAT:
            return "float";
        default:
            return "complex";
        }
    case VK_ARRAY:
        return "ndarray";
    case VK_STR:
        return "str";
    case VK_TUPLE:
        return as_tuple(v)->fields ? as_tuple(v)->fields->name : "tuple";
    case VK_LIST:
        return "list";
    case VK_DICT:
        return "dict";
    case VK_RANGE:
        return "range";
    case VK_SLICE:
        return "slice";
    case VK_FUNCTION:
        return "function";
    case VK_BUILTIN:
        return "builtin_function";
    case VK_MODULE:
        return "module";
    case VK_CELL:
        return "cell";
    case VK_OBJECT:
        return native_type(v)->name;
    case VK_ELLIPSIS:
        return "ellipsis";
    }
    return "object";
}

/* ------------------------------------------------------------ str / repr */

/* Containers being printed, innermost last: a container met again while
 * printing itself shows as [...], (...) or {...} (Python's reprlib rule). */
enum { REPR_MAX_DEPTH = 2000 };
static const Obj *repr_stack[REPR_MAX_DEPTH];
static int repr_depth;

static int put_scalar(TextBuf *b, Value v)
{
    NdScalar s = v_to_ndscalar(v);
    char *t = nd_scalar_str(&s);
    if (!t)
        return rt_fail_from_lib();
    textbuf_puts(b, t);
    free(t);
    return 0;
}

static int put_array(TextBuf *b, NdArray *a, bool repr)
{
    char *t = repr ? nd_array_repr(a) : nd_array_str(a);
    if (!t)
        return rt_fail_from_lib();
    textbuf_puts(b, t);
    free(t);
    return 0;
}

/* Decode one code point of valid UTF-8 at s (n bytes left); *len gets its
 * byte length. */
static uint32_t utf8_decode(const unsigned char *s, int64_t n, int *len)
{
    uint32_t c = s[0];
    int k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (k > n)
        k = (int)n;
    if (k == 2)
        c &= 0x1F;
    else if (k == 3)
        c &= 0x0F;
    else if (k == 4)
        c &= 0x07;
    for (int i = 1; i < k; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *len = k;
    return c;
}

/* Python's str.isprintable() for the code points that matter in practice:
 * controls, the non-breaking and other odd spaces, format characters. */
static bool printable(uint32_t c)
{
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || c == 0xAD)
        return false;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200F) ||
        (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x2064) ||
        c == 0x3000 || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB))
        return false;
    if ((c >= 0xD800 && c <= 0xDFFF) || (c >= 0xE000 && c <= 0xF8FF))
        return false;
    return true;
}

/* Python's repr of a str: single quotes unless the text holds ' and no ". */
static void put_str_repr(TextBuf *b, const Str *s)
{
    bool sq = memchr(s->data, '\'', (size_t)s->nbytes) != NULL;
    bool dq = memchr(s->data, '"', (size_t)s->nbytes) != NULL;
    char q = sq && !dq ? '"' : '\'';
    textbuf_putc(b, q);
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t i = 0;
    while (i < s->nbytes) {
        int len;
        uint32_t c = utf8_decode(p + i, s->nbytes - i, &len);
        if (c == (uint32_t)q || c == '\\') {
            textbuf_putc(b, '\\');
            textbuf_putc(b, (char)c);
        } else if (c == '\n') {
            textbuf_puts(b, "\\n");
        } else if (c == '\r') {
            textbuf_puts(b, "\\r");
        } else if (c == '\t') {
            textbuf_puts(b, "\\t");
        } else if (!printable(c)) {
            if (c < 0x100)
                textbuf_printf(b, "\\x%02x", (unsigned)c);
            else if (c < 0x10000)
                textbuf_printf(b, "\\u%04x", (unsigned)c);
            else
                textbuf_printf(b, "\\U%08x", (unsigned)c);
        } else {
            textbuf_put(b, (const char *)p + i, len);
        }
        i += len;
    }
    textbuf_putc(b, q);
}

static int put_native(TextBuf *b, Value v, bool repr)
{
    const NativeType *t = native_type(v);
    Value (*hook)(Value) = repr ? t->repr : (t->str ? t->str : t->repr);
    if (!hook) {
        textbuf_printf(b, "<%s object>", t->name);
        return 0;
    }
    Value s = hook(v);
    if (v_is_err(s))
        return -1;
    if (s.kind == VK_STR)
        textbuf_put(b, as_str(s)->data, as_str(s)->nbytes);
    v_decref(s);
    return 0;
}

static int put_repr(TextBuf *b, Value v);

/* Elements of a list or tuple (or a dict's items) with their repr, inside
 * the recursion guard of container o. */
static int put_container(TextBuf *b, Value v)
{
    Obj *o = v.as.obj;
    const char *open = v.kind == VK_LIST ? "[" : v.kind == VK_DICT ? "{" : "(";
    const char *close = v.kind == VK_LIST ? "]" : v.kind == VK_DICT ? "}" : ")";
    for (int i = 0; i < repr_depth; i++) {
        if (repr_stack[i] == o) {
            textbuf_puts(b, open);
            textbuf_puts(b, "...");
            textbuf_puts(b, close);
            return 0;
        }
    }
    if (repr_depth == REPR_MAX_DEPTH) {
        rt_fail(ERR_RECURSION, "maximum recursion depth exceeded while "
                               "getting the repr of an object");
        return -1;
    }
    repr_stack[repr_depth++] = o;
    int rc = 0;
    const TupleFields *named = v.kind == VK_TUPLE ? as_tuple(v)->fields : NULL;
    if (named)
        textbuf_puts(b, named->name);
    textbuf_puts(b, open);
    if (v.kind == VK_DICT) {
        Dict *d = as_dict(v);
        bool first = true;
        for (int64_t i = 0; i < d->used && rc == 0; i++) {
            DictEntry *e = &d->entries[i];
            if (e->key.kind == VK_UNSET)
                continue;
            if (!first)
                textbuf_puts(b, ", ");
            first = false;
            /* the entry may go away while its parts print (a native repr
             * hook could run code): hold references */
            Value k = e->key, val = e->value;
            v_incref(k);
            v_incref(val);
            rc = put_repr(b, k);
            if (rc == 0) {
                textbuf_puts(b, ": ");
                rc = put_repr(b, val);
            }
            v_decref(k);
            v_decref(val);
        }
    } else {
        int64_t n = v.kind == VK_LIST ? as_list(v)->n : as_tuple(v)->n;
        for (int64_t i = 0; i < n && rc == 0; i++) {
            /* re-read: the list may change length under a repr hook */
            if (v.kind == VK_LIST && i >= as_list(v)->n)
                break;
            Value item = v.kind == VK_LIST ? as_list(v)->items[i]
                                           : as_tuple(v)->items[i];
            if (i)
                textbuf_puts(b, ", ");
            if (named) {
                textbuf_puts(b, named->names[i]);
                textbuf_putc(b, '=');
            }
            v_incref(item);
            rc = put_repr(b, item);
            v_decref(item);
        }
        if (v.kind == VK_TUPLE && n == 1 && !named)
            textbuf_putc(b, ',');
    }
    textbuf_puts(b, close);
    repr_depth--;
    return rc;
}

static const char *builtin_name(const Builtin *bf)
{
    return bf->def && bf->def->name ? bf->def->name : "?";
}

static int put_repr(TextBuf *b, Value v)
{
    switch ((ValueKind)v.kind) {
    case VK_ERROR:
        textbuf_puts(b, "<error>");
        return 0;
    case VK_UNSET:
        textbuf_puts(b, "<unset>");
        return 0;
    case VK_NONE:
        textbuf_puts(b, "None");
        return 0;
    case VK_ELLIPSIS:
        textbuf_puts(b, "Ellipsis");
        return 0;
    case VK_SCALAR:
        return put_scalar(b, v);
    case VK_ARRAY:
        return put_array(b, v.as.array, true);
    case VK_STR:
        put_str_repr(b, as_str(v));
        return 0;
    case VK_TUPLE:
    case VK_LIST:
    case VK_DICT:
        return put_container(b, v);
    case VK_RANGE: {
        const Range *r = (const Range *)v.as.obj;
        if (r->step == 1)
            textbuf_printf(b, "range(%lld, %lld)", (long long)r->start,
                           (long long)r->stop);
        else
            textbuf_printf(b, "range(%lld, %lld, %lld)", (long long)r->start,
                           (long long)r->stop, (long long)r->step);
        return 0;
    }
    case VK_SLICE: {
        const Slice *s = (const Slice *)v.as.obj;
        textbuf_puts(b, "slice(");
        if (put_repr(b, s->start) < 0)
            return -1;
        textbuf_puts(b, ", ");
        if (put_repr(b, s->stop) < 0)
            return -1;
        textbuf_puts(b, ", ");
        if (put_repr(b, s->step) < 0)
            return -1;
        textbuf_putc(b, ')');
        return 0;
    }
    case VK_FUNCTION: {
        const Function *f = (const Function *)v.as.obj;
        const char *name =
            f->node && f->node->u.func.name ? f->node->u.func.name : "?";
        textbuf_printf(b, "<function %s>", name);
        return 0;
    }
    case VK_BUILTIN: {
        const Builtin *bf = (const Builtin *)v.as.obj;
        if (bf->self.kind == VK_UNSET || bf->self.kind == VK_ERROR)
            textbuf_printf(b, "<built-in function %s>", builtin_name(bf));
        else
            textbuf_printf(b, "<built-in method %s of %s object>",
                           builtin_name(bf), v_type_name(bf->self));
        return 0;
    }
    case VK_MODULE: {
        const Module *m = (const Module *)v.as.obj;
        textbuf_printf(b, "<module '%s'>", m->name ? m->name : "?");
        return 0;
    }
    case VK_CELL:
        textbuf_puts(b, "<cell>");
        return 0;
    case VK_OBJECT:
        return put_native(b, v, true);
    }
    textbuf_puts(b, "<object>");
    return 0;
}

int v_repr_into(TextBuf *b, Value v)
{
    if (put_repr(b, v) < 0)
        return -1;
    return b->failed ? -1 : 0;
}

int v_str_into(TextBuf *b, Value v)
{
    int rc;
    switch ((ValueKind)v.kind) {
    case VK_STR:
        textbuf_put(b, as_str(v)->data, as_str(v)->nbytes);
        rc = 0;
        break;
    case VK_ARRAY:
        rc = put_array(b, v.as.array, false);
        break;
    case VK_OBJECT:
        rc = put_native(b, v, false);
        break;
    default:
        rc = put_repr(b, v);
        break;
    }
    if (rc < 0)
        return -1;
    return b->failed ? -1 : 0;
}

Value v_to_str(Value v)
{
    if (v.kind == VK_STR) {
        v_incref(v);
        return v;
    }
    TextBuf b = {0};
    if (v_str_into(&b, v) < 0) {
        textbuf_release(&b);
        return v_error();
    }
    return textbuf_finish(&b);
}

Value v_to_repr(Value v)
{
    TextBuf b = {0};
    if (v_repr_into(&b, v) < 0) {
        textbuf_release(&b);
        return v_error();
    }
    return textbuf_finish(&b);
}
