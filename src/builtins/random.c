/* random.c — the builtin module `random` (np.random too): NumPy's modern
 * API — default_rng, the Generator, PCG64 and SeedSequence native kinds —
 * and the legacy module functions (seed, rand, randn, randint, ...) on one
 * global generator.  The sampling itself is lib/random.c and
 * lib/distributions.c (nd_random.h); this file converts arguments, keeps
 * the objects and shapes results (a draw without `size` from scalar
 * parameters is a scalar, as NumPy's).
 *
 * Objects: a Generator holds its PCG64 (rng.bit_generator is that very
 * object, so both see one stream); a PCG64 holds the SeedSequence it was
 * seeded from (for spawn).  nd's ints are 64-bit, so the 128-bit PCG64
 * state and increment appear in `state` as (high, low) pairs of 64-bit
 * words instead of NumPy's single big ints. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

/* ---------------------------------------------------------- native kinds */

typedef struct SeedSeqObj {
    NativeObj h;
    Value entropy;   /* as given (int, list, array), for display */
    uint32_t *words; /* the entropy as uint32 words */
    int64_t nwords;
    uint64_t *key; /* spawn_key */
    int64_t nkey;
    uint32_t pool[ND_SEEDSEQ_POOL];
    int64_t n_children;
} SeedSeqObj;

typedef struct Pcg64Obj {
    NativeObj h;
    NdPCG64 g;
    Value seed_seq; /* SeedSequence, or VK_NONE */
} Pcg64Obj;

typedef struct GenObj {
    NativeObj h;
    Value bitgen; /* a PCG64 object */
} GenObj;

static NdPCG64 *gen_rng(Value self)
{
    GenObj *o = (GenObj *)self.as.obj;
    return &((Pcg64Obj *)o->bitgen.as.obj)->g;
}

static void seedseq_finalize(Obj *o)
{
    SeedSeqObj *s = (SeedSeqObj *)o;
    v_decref(s->entropy);
    free(s->words);
    free(s->key);
}

static void pcg64_finalize(Obj *o)
{
    v_decref(((Pcg64Obj *)o)->seed_seq);
}

static void gen_finalize(Obj *o)
{
    v_decref(((GenObj *)o)->bitgen);
}

/* A uint64 as nd's int: int64 when it fits, else a weak uint64. */
static Value u64_value(uint64_t u)
{
    if (u <= INT64_MAX)
        return v_int((int64_t)u);
    Value v = {.kind = VK_SCALAR, .dtype = ND_UINT64, .weak = 1};
    v.as.u = u;
    return v;
}

/* An int argument as uint64 (non-negative), -1 on error. */
static int get_u64(Value v, uint64_t *out, const char *neg_msg)
{
    if (v.kind == VK_SCALAR && v.dtype == ND_UINT64) {
        *out = v.as.u;
        return 0;
    }
    int64_t i;
    if (bi_get_int(v, &i) < 0)
        return -1;
    if (i < 0)
        return rt_fail(ERR_VALUE, "%s", neg_msg);
    *out = (uint64_t)i;
    return 0;
}

/* Append the uint32 words of an entropy value (NumPy's
 * _coerce_to_uint32_array): an int gives its words, a uint32 array one word
 * per element, any other sequence the words of each element in turn. */
static int add_words(Value v, uint32_t **w, int64_t *n, int64_t *cap)
{
    if (v.kind == VK_SCALAR || v.kind == VK_ARRAY) {
        NdArray *a = value_to_array(v, ND_NTYPES);
        if (!a)
            return -1;
        NdKind k = nd_dtype_kind(a->dtype);
        if (k != ND_KIND_INT && k != ND_KIND_UINT && k != ND_KIND_BOOL) {
            nd_decref(a);
            if (v.kind == VK_SCALAR) {
                Value r = v_to_repr(v);
                if (v_is_err(r))
                    return -1;
                rt_raise(ERR_TYPE,
                         "SeedSequence expects int or sequence of "
                         "ints for entropy not %s",
                         as_str(r)->data);
                v_decref(r);
                return -1;
            }
            return rt_fail(ERR_TYPE, "seed must be integer");
        }
        bool is32 = a->dtype == ND_UINT32 && a->ndim > 0;
        bool is_u64 = a->dtype == ND_UINT64;
        /* the values as uint64, and as int64 to see negative ones */
        NdArray *c = nd_astype(a, ND_UINT64, ND_CAST_UNSAFE, true);
        NdArray *c64 =
            is_u64 ? NULL : nd_astype(a, ND_INT64, ND_CAST_UNSAFE, true);
        nd_decref(a);
        if (!c || (!is_u64 && !c64)) {
            if (c)
                nd_decref(c);
            if (c64)
                nd_decref(c64);
            return rt_fail_from_lib();
        }
        int rc = 0;
        for (int64_t i = 0; i < c->size && rc == 0; i++) {
            if (c64 && ((int64_t *)c64->data)[i] < 0) {
                rc = rt_fail(ERR_VALUE, "expected non-negative integer");
                break;
            }
            uint64_t u = ((uint64_t *)c->data)[i];
            uint32_t part[2];
            int m = is32 ? 1 : nd_seedseq_int_words(u, part);
            if (is32)
                part[0] = (uint32_t)u;
            if (*n + m > *cap) {
                int64_t nc = *cap ? *cap * 2 : 8;
                while (nc < *n + m)
                    nc *= 2;
                uint32_t *t = realloc(*w, (size_t)nc * sizeof *t);
                if (!t) {
                    rc = rt_fail(ERR_MEMORY, "out of memory");
                    break;
                }
                *w = t;
                *cap = nc;
            }
            for (int j = 0; j < m; j++)
                (*w)[(*n)++] = part[j];
        }
        nd_decref(c);
        if (c64)
            nd_decref(c64);
        return rc;
    }
    if (v.kind == VK_LIST || v.kind == VK_TUPLE || v.kind == VK_RANGE) {
        ValueIter it;
        if (iter_start(&it, v) < 0)
            return -1;
        Value item;
        int rc;
        while ((rc = iter_next(&it, &item)) > 0) {
            int r = add_words(item, w, n, cap);
            v_decref(item);
            if (r < 0) {
                iter_end(&it);
                return -1;
            }
        }
        iter_end(&it);
        return rc;
    }
    return rt_fail(ERR_TYPE,
                   "SeedSequence expects int or sequence of ints for entropy "
                   "not %s",
                   bi_type_name(v));
}

extern const NativeType seedseq_type, pcg64_type, generator_type;

/* A SeedSequence from entropy (unset/None: 128 bits of OS entropy, shown
 * as four uint32 words) and a spawn key. */
static Value seedseq_make(Value entropy, const uint64_t *key, int64_t nkey)
{
    uint32_t *w = NULL;
    int64_t n = 0, cap = 0;
    Value shown;
    if (!given(entropy)) {
        uint32_t os[4];
        if (nd_os_entropy(os) < 0)
            return rt_from_lib();
        int64_t four = 4;
        shown = v_array_take(nd_from_data(ND_UINT32, 1, &four, os, 4));
        if (v_is_err(shown))
            return shown;
        if (add_words(shown, &w, &n, &cap) < 0) {
            v_decref(shown);
            free(w);
            return v_error();
        }
    } else {
        if (add_words(entropy, &w, &n, &cap) < 0) {
            free(w);
            return v_error();
        }
        shown = entropy;
        v_incref(shown);
    }
    Value v = native_new(&seedseq_type);
    if (v_is_err(v)) {
        v_decref(shown);
        free(w);
        return v;
    }
    SeedSeqObj *s = (SeedSeqObj *)v.as.obj;
    s->entropy = shown;
    s->words = w;
    s->nwords = n;
    if (nkey) {
        s->key = malloc((size_t)nkey * sizeof *key);
        if (!s->key) {
            v_decref(v);
            return rt_raise(ERR_MEMORY, "out of memory");
        }
        memcpy(s->key, key, (size_t)nkey * sizeof *key);
    }
    s->nkey = nkey;
    /* the spawn key's words */
    uint32_t *kw = malloc((size_t)(2 * nkey + 1) * sizeof *kw);
    if (!kw) {
        v_decref(v);
        return rt_raise(ERR_MEMORY, "out of memory");
    }
    int64_t nk = 0;
    for (int64_t i = 0; i < nkey; i++) {
        uint32_t part[2];
        int m = nd_seedseq_int_words(key[i], part);
        for (int j = 0; j < m; j++)
            kw[nk++] = part[j];
    }
    int rc = nd_seedseq_pool(w, n, kw, nk, s->pool);
    free(kw);
    if (rc < 0) {
        v_decref(v);
        return rt_from_lib();
    }
    return v;
}

static Value pcg64_from_seedseq(Value ss)
{
    Value v = native_new(&pcg64_type);
    if (v_is_err(v))
        return v;
    Pcg64Obj *p = (Pcg64Obj *)v.as.obj;
    p->seed_seq = ss;
    v_incref(ss);
    nd_pcg64_seed_pool(&p->g, ((SeedSeqObj *)ss.as.obj)->pool);
    return v;
}

static bool is_native(Value v, const NativeType *t)
{
    return v.kind == VK_OBJECT && native_type(v) == t;
}

/* PCG64(seed): seed a SeedSequence, or entropy for a new one. */
static Value pcg64_make(Value seed)
{
    if (is_native(seed, &seedseq_type))
        return pcg64_from_seedseq(seed);
    Value ss = seedseq_make(seed, NULL, 0);
    if (v_is_err(ss))
        return ss;
    Value r = pcg64_from_seedseq(ss);
    v_decref(ss);
    return r;
}

static Value gen_wrap(Value bitgen)
{
    Value v = native_new(&generator_type);
    if (v_is_err(v))
        return v;
    ((GenObj *)v.as.obj)->bitgen = bitgen;
    v_incref(bitgen);
    return v;
}

/* default_rng(seed): a Generator passes through; a PCG64 is wrapped. */
static Value rng_make(Value seed)
{
    if (is_native(seed, &generator_type)) {
        v_incref(seed);
        return seed;
    }
    if (is_native(seed, &pcg64_type))
        return gen_wrap(seed);
    Value bg = pcg64_make(seed);
    if (v_is_err(bg))
        return bg;
    Value g = gen_wrap(bg);
    v_decref(bg);
    return g;
}

/* spawn(n) of a SeedSequence: a list of children (entropy, key + (i,)). */
static Value seedseq_spawn(Value self, int64_t n)
{
    SeedSeqObj *s = (SeedSeqObj *)self.as.obj;
    if (n < 0)
        return rt_raise(ERR_VALUE, "n_children must be non-negative");
    Value list = v_list_new(n);
    if (v_is_err(list))
        return list;
    uint64_t *key = malloc((size_t)(s->nkey + 1) * sizeof *key);
    if (!key) {
        v_decref(list);
        return rt_raise(ERR_MEMORY, "out of memory");
    }
    if (s->nkey)
        memcpy(key, s->key, (size_t)s->nkey * sizeof *key);
    for (int64_t i = 0; i < n; i++) {
        key[s->nkey] = (uint64_t)(s->n_children + i);
        Value c = seedseq_make(s->entropy, key, s->nkey + 1);
        if (v_is_err(c) || list_append(list, c) < 0) {
            if (!v_is_err(c))
                v_decref(c);
            free(key);
            v_decref(list);
            return v_error();
        }
        v_decref(c);
    }
    free(key);
    s->n_children += n;
    return list;
}

/* ------------------------------------------------------ SeedSequence */

static Value seedseq_getattr(Value self, const char *name)
{
    SeedSeqObj *s = (SeedSeqObj *)self.as.obj;
    if (!strcmp(name, "entropy")) {
        v_incref(s->entropy);
        return s->entropy;
    }
    if (!strcmp(name, "spawn_key")) {
        Value t = v_tuple_new(s->nkey);
        if (v_is_err(t))
            return t;
        for (int64_t i = 0; i < s->nkey; i++)
            tuple_set_take(t, i, u64_value(s->key[i]));
        return t;
    }
    if (!strcmp(name, "pool")) {
        int64_t four = ND_SEEDSEQ_POOL;
        return v_array_take(nd_from_data(ND_UINT32, 1, &four, s->pool, four));
    }
    if (!strcmp(name, "pool_size"))
        return v_int(ND_SEEDSEQ_POOL);
    if (!strcmp(name, "n_children_spawned"))
        return v_int(s->n_children);
    return v_unset();
}

static Value seedseq_repr(Value self)
{
    SeedSeqObj *s = (SeedSeqObj *)self.as.obj;
    TextBuf b = {0};
    textbuf_puts(&b, "SeedSequence(\n    entropy=");
    if (v_repr_into(&b, s->entropy) < 0) {
        textbuf_release(&b);
        return v_error();
    }
    textbuf_puts(&b, ",\n");
    if (s->nkey) {
        textbuf_puts(&b, "    spawn_key=(");
        for (int64_t i = 0; i < s->nkey; i++)
            textbuf_printf(&b, i ? ", %llu" : "%llu",
                           (unsigned long long)s->key[i]);
        textbuf_puts(&b, s->nkey == 1 ? ",),\n" : "),\n");
    }
    if (s->n_children)
        textbuf_printf(&b, "    n_children_spawned=%lld,\n",
                       (long long)s->n_children);
    textbuf_puts(&b, ")");
    return textbuf_finish(&b);
}

/* args: self, n_words, dtype */
static Value ss_generate_state(Value *args)
{
    SeedSeqObj *s = (SeedSeqObj *)args[0].as.obj;
    int64_t n;
    if (bi_get_int(args[1], &n) < 0)
        return v_error();
    if (n < 0)
        return rt_raise(ERR_VALUE, "negative dimensions are not allowed");
    NdType t = ND_UINT32;
    if (given(args[2]) && value_to_dtype(args[2], &t) < 0)
        return v_error();
    if (t != ND_UINT32 && t != ND_UINT64)
        return rt_raise(ERR_VALUE, "only support uint32 or uint64");
    int64_t nw = t == ND_UINT64 ? 2 * n : n;
    uint32_t *w = malloc((size_t)(nw ? nw : 1) * sizeof *w);
    if (!w)
        return rt_raise(ERR_MEMORY, "out of memory");
    nd_seedseq_generate(s->pool, w, nw);
    NdArray *r;
    if (t == ND_UINT64) {
        uint64_t *u = malloc((size_t)(n ? n : 1) * sizeof *u);
        if (!u) {
            free(w);
            return rt_raise(ERR_MEMORY, "out of memory");
        }
        for (int64_t i = 0; i < n; i++)
            u[i] = (uint64_t)w[2 * i] | ((uint64_t)w[2 * i + 1] << 32);
        r = nd_from_data(t, 1, &n, u, n);
        free(u);
    } else
        r = nd_from_data(t, 1, &n, w, n);
    free(w);
    return v_array_take(r);
}

static Value ss_spawn(Value *args)
{
    int64_t n;
    if (bi_get_int(args[1], &n) < 0)
        return v_error();
    return seedseq_spawn(args[0], n);
}

static const BuiltinDef seedseq_defs[] = {
    {"generate_state", ss_generate_state, "self, n_words, dtype=uint32",
     "generate_state(n_words, dtype=uint32): n_words words of the pool's "
     "hash (NumPy's SeedSequence.generate_state).\n\n"
     "dtype uint64 gives n_words 64-bit words (pairs of 32-bit ones).\n\n"
     ">>> random.SeedSequence(42).generate_state(2)\n"
     "array([3444837047, 2669555309], dtype=uint32)\n"},
    {"spawn", ss_spawn, "self, n_children",
     "spawn(n_children): a list of n_children independent child "
     "SeedSequences.\n\n"
     "Child i has this sequence's entropy and spawn_key + (i,), counting "
     "on from the children spawned before.\n\n"
     ">>> random.SeedSequence(42).spawn(2)[1].spawn_key\n(1,)\n"},
};

static const Namespace seedseq_methods = {
    .name = "SeedSequence",
    .defs = seedseq_defs,
    .ndefs = sizeof seedseq_defs / sizeof seedseq_defs[0],
};

const NativeType seedseq_type = {
    .name = "SeedSequence",
    .size = sizeof(SeedSeqObj),
    .finalize = seedseq_finalize,
    .repr = seedseq_repr,
    .getattr = seedseq_getattr,
    .methods = &seedseq_methods,
    .help = "SeedSequence: NumPy's seeding algorithm (entropy hash-mixed "
            "into a pool of four 32-bit words).\n\n"
            "Attributes entropy, spawn_key, pool, pool_size, "
            "n_children_spawned; methods generate_state and spawn.\n\n"
            ">>> random.SeedSequence(42).pool\n"
            "array([1662858758,  128880814, 1875164712,  753753205], "
            "dtype=uint32)\n",
};

/* ------------------------------------------------------------- PCG64 */

static Value pair_value(uint64_t hi, uint64_t lo)
{
    Value t = v_tuple_new(2);
    if (v_is_err(t))
        return t;
    tuple_set_take(t, 0, u64_value(hi));
    tuple_set_take(t, 1, u64_value(lo));
    return t;
}

static int dict_put(Value d, const char *k, Value v)
{
    Value key = v_str(k);
    int rc = v_is_err(key) || v_is_err(v) ? -1 : dict_set(d, key, v);
    if (!v_is_err(key))
        v_decref(key);
    if (!v_is_err(v))
        v_decref(v);
    return rc;
}

static Value pcg64_state(Pcg64Obj *p)
{
    Value inner = v_dict_new(), d;
    if (v_is_err(inner))
        return inner;
    if (dict_put(inner, "state", pair_value(p->g.state_hi, p->g.state_lo)) <
            0 ||
        dict_put(inner, "inc", pair_value(p->g.inc_hi, p->g.inc_lo)) < 0) {
        v_decref(inner);
        return v_error();
    }
    d = v_dict_new();
    if (v_is_err(d)) {
        v_decref(inner);
        return d;
    }
    if (dict_put(d, "bit_generator", v_str("PCG64")) < 0 ||
        dict_put(d, "state", inner) < 0 ||
        dict_put(d, "has_uint32", v_int(p->g.has_uint32)) < 0 ||
        dict_put(d, "uinteger", v_int(p->g.uinteger)) < 0) {
        v_decref(d);
        return v_error();
    }
    return d;
}

/* A 128-bit number given as (hi, lo) or as one int. */
static int get_u128(Value v, uint64_t *hi, uint64_t *lo)
{
    if (v.kind == VK_TUPLE && as_tuple(v)->n == 2) {
        if (get_u64(as_tuple(v)->items[0], hi,
                    "state values must be "
                    "non-negative") < 0)
            return -1;
        return get_u64(as_tuple(v)->items[1], lo,
                       "state values must be non-negative");
    }
    *hi = 0;
    return get_u64(v, lo, "state values must be non-negative");
}

static Value dict_req(Value d, const char *k)
{
    Value v = dict_get_str(d, k);
    if (v.kind == VK_UNSET)
        rt_raise(ERR_KEY, "'%s'", k);
    return v.kind == VK_UNSET ? v_error() : v;
}

static int pcg64_setattr(Value self, const char *name, Value v)
{
    Pcg64Obj *p = (Pcg64Obj *)self.as.obj;
    if (strcmp(name, "state"))
        return rt_fail(ERR_ATTRIBUTE,
                       "'PCG64' object attribute '%s' is read-only", name);
    if (v.kind != VK_DICT)
        return rt_fail(ERR_TYPE, "state must be a dict");
    Value bg = dict_get_str(v, "bit_generator");
    if (bg.kind != VK_STR || strcmp(as_str(bg)->data, "PCG64"))
        return rt_fail(ERR_VALUE, "state must be for a PCG64 PRNG");
    Value inner = dict_req(v, "state");
    if (v_is_err(inner))
        return -1;
    if (inner.kind != VK_DICT)
        return rt_fail(ERR_TYPE, "state['state'] must be a dict");
    Value st = dict_req(inner, "state"), inc;
    if (v_is_err(st) || v_is_err(inc = dict_req(inner, "inc")))
        return -1;
    NdPCG64 g = {0};
    if (get_u128(st, &g.state_hi, &g.state_lo) < 0 ||
        get_u128(inc, &g.inc_hi, &g.inc_lo) < 0)
        return -1;
    Value hu = dict_req(v, "has_uint32"), ui;
    if (v_is_err(hu) || v_is_err(ui = dict_req(v, "uinteger")))
        return -1;
    int64_t h, u;
    if (bi_get_int(hu, &h) < 0 || bi_get_int(ui, &u) < 0)
        return -1;
    g.has_uint32 = h != 0;
    g.uinteger = (uint32_t)u;
    p->g = g;
    return 0;
}

static Value pcg64_getattr(Value self, const char *name)
{
    Pcg64Obj *p = (Pcg64Obj *)self.as.obj;
    if (!strcmp(name, "state"))
        return pcg64_state(p);
    if (!strcmp(name, "seed_seq")) {
        v_incref(p->seed_seq);
        return p->seed_seq;
    }
    return v_unset();
}

/* size: None/unset -> -1, else the shape. */
static int get_size(Value v, int *ndim, int64_t *shape)
{
    if (!given(v)) {
        *ndim = -1;
        return 0;
    }
    return value_to_shape(v, ndim, shape);
}

/* The result of `size` draws of a vector of length d (multinomial,
 * dirichlet, multivariate_normal): a new C-order array of dt with shape
 * size + (d,); NULL with the error pending. */
static NdArray *draws_array(Value size, int64_t d, NdType dt)
{
    int nd;
    int64_t shape[ND_MAXDIMS + 1];
    if (get_size(size, &nd, shape) < 0)
        return NULL;
    if (nd < 0)
        nd = 0;
    if (nd >= ND_MAXDIMS) {
        rt_raise(ERR_VALUE, "too many dimensions");
        return NULL;
    }
    shape[nd] = d;
    NdArray *r = nd_empty(dt, nd + 1, shape, 'C');
    if (!r)
        rt_from_lib();
    return r;
}

/* args: self, size */
static Value pcg_random_raw(Value *args)
{
    Pcg64Obj *p = (Pcg64Obj *)args[0].as.obj;
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (get_size(args[1], &nd, shape) < 0)
        return v_error();
    NdArray *r = nd_empty(ND_UINT64, nd < 0 ? 0 : nd, shape, 'C');
    if (!r)
        return rt_from_lib();
    nd_pcg64_fill_raw(&p->g, (uint64_t *)r->data, r->size);
    return nd < 0 ? bi_result(r) : bi_result_array(r);
}

static Value pcg_advance(Value *args)
{
    Pcg64Obj *p = (Pcg64Obj *)args[0].as.obj;
    uint64_t hi, lo;
    if (args[1].kind == VK_TUPLE) {
        if (get_u128(args[1], &hi, &lo) < 0)
            return v_error();
    } else if (args[1].kind == VK_SCALAR && args[1].dtype == ND_UINT64) {
        hi = 0;
        lo = args[1].as.u;
    } else {
        int64_t d;
        if (bi_get_int(args[1], &d) < 0)
            return v_error();
        /* negative: wrapped mod 2^128, as NumPy's wrap_int */
        hi = d < 0 ? UINT64_MAX : 0;
        lo = (uint64_t)d;
    }
    nd_pcg64_advance(&p->g, hi, lo);
    v_incref(args[0]);
    return args[0];
}

static Value pcg_jumped(Value *args)
{
    Pcg64Obj *p = (Pcg64Obj *)args[0].as.obj;
    uint64_t j = 1;
    if (given(args[1]) &&
        get_u64(args[1], &j, "jumps must be non-negative") < 0)
        return v_error();
    Value v = native_new(&pcg64_type);
    if (v_is_err(v))
        return v;
    Pcg64Obj *q = (Pcg64Obj *)v.as.obj;
    q->g = p->g;
    q->seed_seq = p->seed_seq;
    v_incref(q->seed_seq);
    nd_pcg64_jump(&q->g, j);
    return v;
}

/* spawn(n) of a bit generator: PCG64s of the seed sequence's children. */
static Value bitgen_spawn(Value bg, Value n_arg, bool generators)
{
    Pcg64Obj *p = (Pcg64Obj *)bg.as.obj;
    int64_t n;
    if (bi_get_int(n_arg, &n) < 0)
        return v_error();
    if (!is_native(p->seed_seq, &seedseq_type))
        return rt_raise(ERR_TYPE, "The underlying SeedSequence does not "
                                  "implement spawning.");
    Value kids = seedseq_spawn(p->seed_seq, n);
    if (v_is_err(kids))
        return kids;
    List *l = as_list(kids);
    for (int64_t i = 0; i < l->n; i++) {
        Value b = pcg64_from_seedseq(l->items[i]);
        if (!v_is_err(b) && generators) {
            Value g = gen_wrap(b);
            v_decref(b);
            b = g;
        }
        if (v_is_err(b)) {
            v_decref(kids);
            return b;
        }
        v_decref(l->items[i]);
        l->items[i] = b;
    }
    return kids;
}

static Value pcg_spawn(Value *args)
{
    return bitgen_spawn(args[0], args[1], false);
}

static const BuiltinDef pcg64_defs[] = {
    {"advance", pcg_advance, "self, delta",
     "advance(delta): move the stream on by delta draws at once (as if "
     "delta 64-bit words were drawn) and return the bit generator.\n\n"
     "A (high, low) pair gives a 128-bit delta.\n\n"
     ">>> bg = random.PCG64(42)\n>>> bg.advance(2).random_raw()\n"
     "15838336090824644132\n"},
    {"jumped", pcg_jumped, "self, jumps=1",
     "jumped(jumps=1): a new PCG64 whose stream starts jumps * "
     "(golden ratio * 2^128) draws further on — far apart streams for "
     "parallel work.\n\n"
     "The original is unchanged.\n\n"
     ">>> random.PCG64(42).jumped().random_raw()\n"
     "13948710574210763863\n"},
    {"random_raw", pcg_random_raw, "self, size=None",
     "random_raw(size=None): raw 64-bit words of the stream (uint64).\n\n"
     "Without size, one word.\n\n"
     ">>> random.PCG64(42).random_raw(2)\n"
     "array([14276969152011380360,  8095878257575067585], dtype=uint64)\n"},
    {"spawn", pcg_spawn, "self, n_children",
     "spawn(n_children): a list of independent PCG64s seeded from the "
     "children of this one's SeedSequence.\n\n"
     ">>> len(random.PCG64(1).spawn(3))\n3\n"},
};

static const Namespace pcg64_methods = {
    .name = "PCG64",
    .defs = pcg64_defs,
    .ndefs = sizeof pcg64_defs / sizeof pcg64_defs[0],
};

/* NumPy's "<numpy.random._pcg64.PCG64 object at 0x...>" without the
 * address, which would change from run to run. */
static Value pcg64_repr(Value self)
{
    (void)self;
    return v_str("<PCG64 object>");
}

const NativeType pcg64_type = {
    .name = "PCG64",
    .size = sizeof(Pcg64Obj),
    .finalize = pcg64_finalize,
    .repr = pcg64_repr,
    .getattr = pcg64_getattr,
    .setattr = pcg64_setattr,
    .methods = &pcg64_methods,
    .help = "PCG64: O'Neill's 128-bit permuted congruential generator, "
            "NumPy's default bit generator (the same words for the same "
            "seed).\n\n"
            "bg.state is a dict like NumPy's, except that the 128-bit state "
            "and increment are (high, low) pairs of 64-bit ints; assigning "
            "such a dict restores the stream.  bg.seed_seq is the "
            "SeedSequence it came from.\n\n"
            ">>> bg = random.PCG64(42)\n>>> s = bg.state\n"
            ">>> a = bg.random_raw()\n>>> bg.state = s\n"
            ">>> bool(bg.random_raw() == a)\nTrue\n",
};

/* ------------------------------------------------------------ Generator */

static Value gen_getattr(Value self, const char *name)
{
    if (!strcmp(name, "bit_generator")) {
        Value b = ((GenObj *)self.as.obj)->bitgen;
        v_incref(b);
        return b;
    }
    return v_unset();
}

/* NumPy's str(rng); its repr adds " at 0x..." — left out here so that
 * output (and golden tests) does not change from run to run. */
static Value gen_repr(Value self)
{
    (void)self;
    return v_str("Generator(PCG64)");
}

/* A result drawn without `size` from scalar parameters: NumPy's
 * Generator returns a Python float or int there (not a NumPy scalar), so
 * a 0-d result becomes a weak scalar; float32 draws become the Python
 * float of their value, as NumPy's float_fill does. */
static Value py_result(NdArray *a)
{
    if (!a)
        return rt_from_lib();
    if (a->ndim != 0)
        return v_array_take(a);
    NdScalar s;
    int rc = nd_item(a, &s);
    nd_decref(a);
    if (rc < 0)
        return rt_from_lib();
    return bi_weak_scalar(&s);
}

/* A float64 parameter (default when not given). */
static NdArray *param(Value v, double dflt)
{
    if (v.kind == VK_UNSET) {
        NdArray *a = nd_from_data(ND_FLOAT64, 0, NULL, &dflt, 1);
        if (!a)
            rt_from_lib();
        return a;
    }
    return value_to_array(v, ND_FLOAT64);
}

/* The common body of the distribution methods: args are self, the
 * parameters, size (and dtype at dtype_arg when > 0). */
static Value dist_call(Value *args, NdDist d, const double *dflt, int dtype_arg,
                       const char *name)
{
    int np = nd_dist_nparams(d);
    NdArray *ps[3] = {NULL, NULL, NULL};
    Value res = v_error();
    int nd;
    int64_t shape[ND_MAXDIMS];
    NdType t = ND_FLOAT64;
    if (dtype_arg > 0 && given(args[dtype_arg])) {
        if (value_to_dtype(args[dtype_arg], &t) < 0)
            return v_error();
        if (t != ND_FLOAT64 && t != ND_FLOAT32)
            return rt_raise(ERR_TYPE, "Unsupported dtype dtype('%s') for %s",
                            nd_dtype_name(t), name);
    }
    if (get_size(args[1 + np], &nd, shape) < 0)
        return v_error();
    bool scalar = nd < 0;
    for (int k = 0; k < np; k++) {
        if (!(ps[k] = param(args[1 + k], dflt[k])))
            goto done;
        if (ps[k]->ndim)
            scalar = false;
    }
    NdArray *r = nd_random_dist(gen_rng(args[0]), d, ps, nd, shape, t);
    res = scalar ? py_result(r) : bi_result_array(r);
done:
    for (int k = 0; k < np; k++)
        if (ps[k])
            nd_decref(ps[k]);
    return res;
}

#define NO NAN
#define DIST(FN, D, ...)                                                       \
    static Value FN(Value *args)                                               \
    {                                                                          \
        static const double dflt[] = {__VA_ARGS__};                            \
        return dist_call(args, D, dflt, 0, #FN);                               \
    }
DIST(m_normal, ND_DIST_NORMAL, 0.0, 1.0)
DIST(m_uniform, ND_DIST_UNIFORM, 0.0, 1.0)
DIST(m_exponential, ND_DIST_EXPONENTIAL, 1.0)
DIST(m_gamma, ND_DIST_GAMMA, NO, 1.0)
DIST(m_beta, ND_DIST_BETA, NO, NO)
DIST(m_chisquare, ND_DIST_CHISQUARE, NO)
DIST(m_noncentral_chisquare, ND_DIST_NONCENTRAL_CHISQUARE, NO, NO)
DIST(m_f, ND_DIST_F, NO, NO)
DIST(m_noncentral_f, ND_DIST_NONCENTRAL_F, NO, NO, NO)
DIST(m_standard_t, ND_DIST_STANDARD_T, NO)
DIST(m_standard_cauchy, ND_DIST_STANDARD_CAUCHY, 0.0)
DIST(m_laplace, ND_DIST_LAPLACE, 0.0, 1.0)
DIST(m_logistic, ND_DIST_LOGISTIC, 0.0, 1.0)
DIST(m_lognormal, ND_DIST_LOGNORMAL, 0.0, 1.0)
DIST(m_pareto, ND_DIST_PARETO, NO)
DIST(m_power, ND_DIST_POWER, NO)
DIST(m_weibull, ND_DIST_WEIBULL, NO)
DIST(m_rayleigh, ND_DIST_RAYLEIGH, 1.0)
DIST(m_gumbel, ND_DIST_GUMBEL, 0.0, 1.0)
DIST(m_wald, ND_DIST_WALD, NO, NO)
DIST(m_vonmises, ND_DIST_VONMISES, NO, NO)
DIST(m_triangular, ND_DIST_TRIANGULAR, NO, NO, NO)
DIST(m_poisson, ND_DIST_POISSON, 1.0)
DIST(m_binomial, ND_DIST_BINOMIAL, NO, NO)
DIST(m_negative_binomial, ND_DIST_NEGATIVE_BINOMIAL, NO, NO)
DIST(m_geometric, ND_DIST_GEOMETRIC, NO)
DIST(m_zipf, ND_DIST_ZIPF, NO)
DIST(m_logseries, ND_DIST_LOGSERIES, NO)
DIST(m_hypergeometric, ND_DIST_HYPERGEOMETRIC, NO, NO, NO)

/* args: self, size, dtype */
static Value m_random(Value *args)
{
    return dist_call(args, ND_DIST_RANDOM, NULL, 2, "random");
}
static Value m_standard_normal(Value *args)
{
    return dist_call(args, ND_DIST_STANDARD_NORMAL, NULL, 2, "standard_normal");
}
/* args: self, shape, size, dtype */
static Value m_standard_gamma(Value *args)
{
    static const double dflt[] = {NO};
    return dist_call(args, ND_DIST_STANDARD_GAMMA, dflt, 3, "standard_gamma");
}
/* args: self, size, dtype, method */
static Value m_standard_exponential(Value *args)
{
    NdDist d = ND_DIST_STANDARD_EXPONENTIAL;
    if (given(args[3])) {
        const char *m;
        if (bi_get_str(args[3], "standard_exponential", "method", &m) < 0)
            return v_error();
        /* as NumPy: anything but 'zig' is the inversion method */
        if (strcmp(m, "zig"))
            d = ND_DIST_STANDARD_EXPONENTIAL_INV;
    }
    return dist_call(args, d, NULL, 2, "standard_exponential");
}

/* An int bound as an int64 or uint64 array. */
static NdArray *int_bound(Value v)
{
    NdArray *a = value_to_array(v, ND_NTYPES);
    if (!a)
        return NULL;
    if (a->dtype == ND_INT64 || a->dtype == ND_UINT64)
        return a;
    NdArray *c = nd_astype(a, ND_INT64, ND_CAST_UNSAFE, true);
    nd_decref(a);
    if (!c)
        rt_from_lib();
    return c;
}

/* py_scalar: a draw without size is a Python int (legacy randint with
 * its default dtype=int) rather than a NumPy scalar (Generator.integers). */
static Value integers_impl(NdPCG64 *g, Value low, Value high, Value size,
                           Value dtype, bool endpoint, bool py_scalar)
{
    if (!given(high)) {
        high = low;
        low = v_int(0);
    }
    NdType t = ND_INT64;
    if (given(dtype) && value_to_dtype(dtype, &t) < 0)
        return v_error();
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (get_size(size, &nd, shape) < 0)
        return v_error();
    NdArray *lo = int_bound(low), *hi = lo ? int_bound(high) : NULL;
    if (!hi) {
        if (lo)
            nd_decref(lo);
        return v_error();
    }
    bool scalar = nd < 0 && lo->ndim == 0 && hi->ndim == 0;
    NdArray *r = nd_random_integers(g, lo, hi, nd, shape, t, endpoint);
    nd_decref(lo);
    nd_decref(hi);
    if (scalar)
        return py_scalar ? py_result(r) : bi_result(r);
    return bi_result_array(r);
}

/* args: self, low, high, size, dtype, endpoint */
static Value m_integers(Value *args)
{
    bool endpoint = false;
    if (given(args[5])) {
        int tr = op_truth(args[5]);
        if (tr < 0)
            return v_error();
        endpoint = tr;
    }
    return integers_impl(gen_rng(args[0]), args[1], args[2], args[3], args[4],
                         endpoint, false);
}

/* args: self, length */
static Value m_bytes(Value *args)
{
    int64_t n;
    if (bi_get_int(args[1], &n) < 0)
        return v_error();
    if (n < 0)
        return rt_raise(ERR_VALUE, "negative dimensions are not allowed");
    /* NumPy's (length - 1) // 4 + 1 words in C division: bytes(0) still
     * draws one 32-bit word, so the stream after it matches NumPy's. */
    int64_t nw = (n - 1) / 4 + 1;
    uint32_t *w = malloc((size_t)(nw ? nw : 1) * 4);
    if (!w)
        return rt_raise(ERR_MEMORY, "out of memory");
    nd_random_bounded_fill(gen_rng(args[0]), ND_UINT32, 0, UINT32_MAX, nw, w);
    uint8_t *b = malloc((size_t)(nw ? nw : 1) * 4);
    if (!b) {
        free(w);
        return rt_raise(ERR_MEMORY, "out of memory");
    }
    for (int64_t i = 0; i < nw; i++)
        for (int k = 0; k < 4; k++) /* little-endian, as NumPy's '<u4' */
            b[4 * i + k] = (uint8_t)(w[i] >> (8 * k));
    NdArray *r = nd_from_data(ND_UINT8, 1, &n, b, n);
    free(w);
    free(b);
    return bi_result_array(r);
}

/* Swap two blocks of `size` bytes through tmp. */
static void swap_bytes(char *a, char *b, char *tmp, size_t size)
{
    memcpy(tmp, a, size);
    memcpy(a, b, size);
    memcpy(b, tmp, size);
}

/* Walking the lanes of a along axis ax (shuffle's subarrays, permuted's
 * lanes): idx counts over the other axes in C order; lane_offset is the
 * byte offset of the lane's first element, lane_next steps idx on. */
static int64_t lane_offset(const NdArray *a, int ax, const int64_t *idx)
{
    int64_t off = 0;
    for (int k = 0; k < a->ndim; k++)
        if (k != ax)
            off += idx[k] * a->strides[k];
    return off;
}

static void lane_next(const NdArray *a, int ax, int64_t *idx)
{
    for (int k = a->ndim - 1; k >= 0; k--) {
        if (k == ax)
            continue;
        if (++idx[k] < a->shape[k])
            return;
        idx[k] = 0;
    }
}

/* Fisher–Yates over axis 0 of an array (in place), NumPy's order:
 * i from n-1 down to 1, j = random_interval(i). */
static int shuffle_array(NdPCG64 *g, NdArray *a, int axis)
{
    if (a->ndim == 0)
        return rt_fail(ERR_TYPE, "shuffle requires an array with at least "
                                 "one dimension");
    if (!(a->flags & ND_WRITEABLE))
        return rt_fail(ERR_VALUE, "array is read-only");
    int ax;
    if (nd_normalize_axis(axis, a->ndim, &ax) < 0)
        return rt_fail_from_lib();
    int64_t n = a->shape[ax];
    size_t isz = nd_dtype_size(a->dtype);
    if (a->ndim == 1) {
        char tmp[16];
        for (int64_t i = n - 1; i >= 1; i--) {
            int64_t j = (int64_t)nd_random_interval(g, (uint64_t)i);
            if (i != j)
                swap_bytes(a->data + i * a->strides[0],
                           a->data + j * a->strides[0], tmp, isz);
        }
        return 0;
    }
    /* Subarrays along the axis: swap element by element through the
     * other axes (any strides). */
    int64_t inner = a->size / (n ? n : 1);
    int64_t idx[ND_MAXDIMS];
    char tmp[16];
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = (int64_t)nd_random_interval(g, (uint64_t)i);
        if (i == j)
            continue;
        memset(idx, 0, sizeof idx);
        for (int64_t e = 0; e < inner; e++) {
            int64_t off = lane_offset(a, ax, idx);
            swap_bytes(a->data + off + i * a->strides[ax],
                       a->data + off + j * a->strides[ax], tmp, isz);
            lane_next(a, ax, idx);
        }
    }
    return 0;
}

static int shuffle_value(NdPCG64 *g, Value x, Value axis_v)
{
    int64_t axis = 0;
    if (given(axis_v) && bi_get_int(axis_v, &axis) < 0)
        return -1;
    if (x.kind == VK_LIST) {
        List *l = as_list(x);
        if (axis != 0)
            return rt_fail(ERR_TYPE, "Axis argument is only supported on "
                                     "ndarray objects");
        for (int64_t i = l->n - 1; i >= 1; i--) {
            int64_t j = (int64_t)nd_random_interval(g, (uint64_t)i);
            Value t = l->items[i];
            l->items[i] = l->items[j];
            l->items[j] = t;
        }
        return 0;
    }
    if (x.kind != VK_ARRAY)
        return rt_fail(ERR_TYPE,
                       "shuffle() argument must be an array or a "
                       "list, not %s",
                       bi_type_name(x));
    return shuffle_array(g, x.as.array, (int)axis);
}

/* args: self, x, axis */
static Value m_shuffle(Value *args)
{
    if (shuffle_value(gen_rng(args[0]), args[1], args[2]) < 0)
        return v_error();
    return v_none();
}

static Value permutation_impl(NdPCG64 *g, Value x, Value axis)
{
    NdArray *a;
    if (x.kind == VK_SCALAR) {
        int64_t n;
        if (bi_get_int(x, &n) < 0)
            return v_error();
        NdScalar s0 = nd_scalar_int64(0), s1 = nd_scalar_int64(1),
                 sn = nd_scalar_int64(n);
        a = nd_arange(&s0, &sn, &s1, ND_INT64);
    } else {
        NdArray *src = value_to_array(x, ND_NTYPES);
        if (!src)
            return v_error();
        if (src->ndim == 0) {
            nd_decref(src);
            return rt_raise(ERR_INDEX, "x must be an integer or at least "
                                       "1-dimensional");
        }
        a = nd_copy(src, 'C');
        nd_decref(src);
    }
    if (!a)
        return rt_from_lib();
    Value v = v_array_take(a);
    if (shuffle_value(g, v, axis) < 0) {
        v_decref(v);
        return v_error();
    }
    return v;
}

/* args: self, x, axis */
static Value m_permutation(Value *args)
{
    return permutation_impl(gen_rng(args[0]), args[1], args[2]);
}

/* args: self, x, axis, out */
static Value m_permuted(Value *args)
{
    NdPCG64 *g = gen_rng(args[0]);
    NdArray *src = value_to_array(args[1], ND_NTYPES);
    if (!src)
        return v_error();
    NdArray *a = nd_copy(src, 'C');
    nd_decref(src);
    if (!a)
        return rt_from_lib();
    size_t isz = nd_dtype_size(a->dtype);
    char tmp[16];
    if (!given(args[2])) {
        /* the flattened array shuffled as one */
        for (int64_t i = a->size - 1; i >= 1; i--) {
            int64_t j = (int64_t)nd_random_interval(g, (uint64_t)i);
            if (i != j)
                swap_bytes(a->data + i * isz, a->data + j * isz, tmp, isz);
        }
        return v_array_take(a);
    }
    int64_t axis;
    int ax;
    if (bi_get_int(args[2], &axis) < 0) {
        nd_decref(a);
        return v_error();
    }
    if (nd_normalize_axis(axis, a->ndim, &ax) < 0) {
        nd_decref(a);
        return rt_from_lib();
    }
    /* each lane along the axis on its own, lanes in C order */
    int64_t n = a->shape[ax], lanes = n ? a->size / n : 0;
    int64_t idx[ND_MAXDIMS] = {0};
    for (int64_t l = 0; l < lanes; l++) {
        int64_t off = lane_offset(a, ax, idx);
        for (int64_t i = n - 1; i >= 1; i--) {
            int64_t j = (int64_t)nd_random_interval(g, (uint64_t)i);
            if (i != j)
                swap_bytes(a->data + off + i * a->strides[ax],
                           a->data + off + j * a->strides[ax], tmp, isz);
        }
        lane_next(a, ax, idx);
    }
    return v_array_take(a);
}

/* choice with p: the normalised running sums of the n weights w
 * (cdf / cdf[-1], as NumPy), and one draw from them: the index
 * searchsorted(cdf, U, side='right') for a uniform U in [0, 1). */
static void cdf_of(const double *w, int64_t n, double *cdf)
{
    double s = 0;
    for (int64_t i = 0; i < n; i++)
        cdf[i] = s += w[i];
    for (int64_t i = 0; i < n; i++)
        cdf[i] /= cdf[n - 1];
}

static int64_t cdf_draw(NdPCG64 *g, const double *cdf, int64_t n)
{
    double u = nd_pcg64_next_double(g);
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (cdf[mid] <= u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* choice's index draw (NumPy's algorithm step for step). */
static NdArray *choice_indices(NdPCG64 *g, int64_t pop, int nd,
                               const int64_t *shape, bool replace,
                               const double *p, bool shuf)
{
    int64_t size = 1;
    for (int k = 0; k < nd; k++)
        size *= shape[k];
    NdArray *idx = nd_empty(ND_INT64, nd, shape, 'C');
    if (!idx)
        return NULL;
    int64_t *out = (int64_t *)idx->data;
    if (replace) {
        if (p) {
            /* inverse CDF: searchsorted(cdf / cdf[-1], U, side='right') */
            double *cdf = nd_malloc((size_t)pop * sizeof *cdf);
            if (!cdf) {
                nd_decref(idx);
                return NULL;
            }
            cdf_of(p, pop, cdf);
            for (int64_t i = 0; i < size; i++)
                out[i] = cdf_draw(g, cdf, pop);
            free(cdf);
        } else {
            nd_random_bounded_fill(g, ND_INT64, 0, (uint64_t)(pop - 1), size,
                                   out);
        }
        return idx;
    }
    if (p) {
        /* draw with p, zero the found ones' weights, repeat */
        double *w = nd_malloc((size_t)pop * sizeof *w);
        double *cdf = nd_malloc((size_t)pop * sizeof *cdf);
        bool *seen = nd_calloc((size_t)pop, 1);
        if (!w || !cdf || !seen) {
            free(w);
            free(cdf);
            free(seen);
            nd_decref(idx);
            return NULL;
        }
        memcpy(w, p, (size_t)pop * sizeof *w);
        int64_t found = 0;
        while (found < size) {
            cdf_of(w, pop, cdf);
            int64_t want = size - found, got = 0;
            int64_t *fresh = nd_malloc((size_t)want * sizeof *fresh);
            if (!fresh) {
                free(w);
                free(cdf);
                free(seen);
                nd_decref(idx);
                return NULL;
            }
            for (int64_t i = 0; i < want; i++) {
                int64_t k = cdf_draw(g, cdf, pop);
                fresh[i] = k < pop ? k : pop - 1;
            }
            /* unique values in order of first appearance */
            for (int64_t i = 0; i < want; i++) {
                int64_t v = fresh[i];
                if (!seen[v]) {
                    seen[v] = true;
                    out[found + got++] = v;
                }
            }
            for (int64_t i = 0; i < got; i++)
                w[out[found + i]] = 0;
            found += got;
            free(fresh);
        }
        free(w);
        free(cdf);
        free(seen);
        return idx;
    }
    if (pop > 10000 && size > pop / 50) {
        /* tail shuffle of 0..pop-1, keep the last size */
        int64_t *all = nd_malloc((size_t)pop * sizeof *all);
        if (!all) {
            nd_decref(idx);
            return NULL;
        }
        for (int64_t i = 0; i < pop; i++)
            all[i] = i;
        int64_t first = pop - size > 1 ? pop - size : 1;
        for (int64_t i = pop - 1; i >= first; i--) {
            int64_t j = (int64_t)nd_random_bounded64(g, (uint64_t)i);
            int64_t t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        memcpy(out, all + (pop - size), (size_t)size * sizeof *out);
        free(all);
        return idx;
    }
    /* Floyd's algorithm with an open-addressing set */
    uint64_t set_size = (uint64_t)(1.2 * (double)size), mask = set_size;
    for (int s = 1; s < 64; s <<= 1)
        mask |= mask >> s;
    set_size = mask + 1;
    uint64_t *hs = nd_malloc((size_t)set_size * sizeof *hs);
    if (!hs) {
        nd_decref(idx);
        return NULL;
    }
    memset(hs, 0xff, (size_t)set_size * sizeof *hs);
    for (int64_t j = pop - size; j < pop; j++) {
        uint64_t val = nd_random_bounded64(g, (uint64_t)j), loc = val & mask;
        while (hs[loc] != UINT64_MAX && hs[loc] != val)
            loc = (loc + 1) & mask;
        if (hs[loc] == UINT64_MAX) {
            hs[loc] = val;
            out[j - pop + size] = (int64_t)val;
        } else {
            loc = (uint64_t)j & mask;
            while (hs[loc] != UINT64_MAX)
                loc = (loc + 1) & mask;
            hs[loc] = (uint64_t)j;
            out[j - pop + size] = j;
        }
    }
    free(hs);
    if (shuf)
        for (int64_t i = size - 1; i >= 1; i--) {
            int64_t j = (int64_t)nd_random_bounded64(g, (uint64_t)i);
            int64_t t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    return idx;
}

static Value choice_impl(NdPCG64 *g, Value a_v, Value size_v, Value replace_v,
                         Value p_v, Value axis_v, Value shuffle_v)
{
    bool replace = true, shuf = true;
    int tr;
    if (given(replace_v)) {
        if ((tr = op_truth(replace_v)) < 0)
            return v_error();
        replace = tr;
    }
    if (given(shuffle_v)) {
        if ((tr = op_truth(shuffle_v)) < 0)
            return v_error();
        shuf = tr;
    }
    int64_t axis = 0;
    if (given(axis_v) && bi_get_int(axis_v, &axis) < 0)
        return v_error();
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (get_size(size_v, &nd, shape) < 0)
        return v_error();
    int64_t size = 1;
    for (int k = 0; k < nd; k++)
        size *= shape[k];
    NdArray *a = value_to_array(a_v, ND_NTYPES);
    if (!a)
        return v_error();
    int64_t pop;
    int ax = 0;
    bool is_int = a->ndim == 0;
    if (is_int) {
        NdKind k = nd_dtype_kind(a->dtype);
        if (k != ND_KIND_INT && k != ND_KIND_UINT) {
            nd_decref(a);
            return rt_raise(ERR_VALUE,
                            "a must be a sequence or an integer, not <class "
                            "'%s'>",
                            bi_type_name(a_v));
        }
        if (bi_get_int(a_v, &pop) < 0) {
            nd_decref(a);
            return v_error();
        }
        if (pop <= 0 && size != 0) {
            nd_decref(a);
            return rt_raise(ERR_VALUE, "a must be a positive integer unless "
                                       "no samples are taken");
        }
    } else {
        if (nd_normalize_axis(axis, a->ndim, &ax) < 0) {
            nd_decref(a);
            return rt_from_lib();
        }
        pop = a->shape[ax];
        if (pop == 0 && size != 0) {
            nd_decref(a);
            return rt_raise(ERR_VALUE, "a cannot be empty unless no samples "
                                       "are taken");
        }
    }
    NdArray *p = NULL;
    Value res = v_error();
    if (given(p_v)) {
        if (!(p = value_to_array(p_v, ND_FLOAT64)))
            goto done;
        if (p->ndim != 1) {
            rt_raise(ERR_VALUE, "p must be 1-dimensional");
            goto done;
        }
        if (p->size != pop) {
            rt_raise(ERR_VALUE, "a and p must have same size");
            goto done;
        }
        NdArray *c = nd_ascontiguousarray(p);
        nd_decref(p);
        p = c;
        if (!p) {
            rt_from_lib();
            goto done;
        }
        const double *pd = (const double *)p->data;
        /* Kahan sum, as NumPy */
        double s = 0, comp = 0;
        bool neg = false;
        int64_t nonzero = 0;
        for (int64_t i = 0; i < pop; i++) {
            double y = pd[i] - comp, t = s + y;
            comp = (t - s) - y;
            s = t;
            if (pd[i] < 0)
                neg = true;
            if (pd[i] > 0)
                nonzero++;
        }
        if (isnan(s)) {
            rt_raise(ERR_VALUE, "probabilities contain NaN");
            goto done;
        }
        if (neg) {
            rt_raise(ERR_VALUE, "probabilities are not non-negative");
            goto done;
        }
        if (fabs(s - 1.0) > sqrt(DBL_EPSILON)) {
            rt_raise(ERR_VALUE, "probabilities do not sum to 1");
            goto done;
        }
        if (!replace && nonzero < size) {
            rt_raise(ERR_VALUE, "Fewer non-zero entries in p than size");
            goto done;
        }
    }
    if (!replace && size > pop) {
        rt_raise(ERR_VALUE, "Cannot take a larger sample than population "
                            "when replace is False");
        goto done;
    }
    NdArray *idx = choice_indices(g, pop, nd < 0 ? 0 : nd, shape, replace,
                                  p ? (const double *)p->data : NULL, shuf);
    if (!idx) {
        rt_from_lib();
        goto done;
    }
    if (is_int) {
        /* choice(int) without size: a Python int, as NumPy's */
        res = nd < 0 ? py_result(idx) : bi_result_array(idx);
        goto done;
    }
    NdArray *r = nd_take(a, idx, ax, false, ND_CLIP_RAISE);
    nd_decref(idx);
    /* a 1-d a without size gives one element (a scalar) */
    res = nd < 0 && a->ndim == 1 ? bi_result(r) : bi_result_array(r);
done:
    nd_decref(a);
    if (p)
        nd_decref(p);
    return res;
}

/* args: self, a, size, replace, p, axis, shuffle */
static Value m_choice(Value *args)
{
    return choice_impl(gen_rng(args[0]), args[1], args[2], args[3], args[4],
                       args[5], args[6]);
}

/* args: self, n, pvals, size */
static Value m_multinomial(Value *args)
{
    int64_t n;
    if (bi_get_int(args[1], &n) < 0)
        return v_error();
    if (n < 0)
        return rt_raise(ERR_VALUE, "n < 0");
    NdArray *pv = value_to_array(args[2], ND_FLOAT64);
    if (!pv)
        return v_error();
    NdArray *c = nd_ascontiguousarray(pv);
    nd_decref(pv);
    if (!c)
        return rt_from_lib();
    Value res = v_error();
    if (c->ndim != 1) {
        rt_raise(ERR_VALUE, "pvals must have at least 1 dimension");
        goto done;
    }
    const double *p = (const double *)c->data;
    int64_t d = c->size;
    double s = 0;
    for (int64_t i = 0; i < d; i++) {
        if (!(p[i] >= 0) || !(p[i] <= 1)) {
            rt_raise(ERR_VALUE, "pvals < 0, pvals > 1 or pvals contains NaNs");
            goto done;
        }
        if (i < d - 1)
            s += p[i];
    }
    if (s > 1.0 + 1e-12) {
        rt_raise(ERR_VALUE, "sum(pvals[:-1]) > 1.0");
        goto done;
    }
    NdArray *r = draws_array(args[3], d, ND_INT64);
    if (!r)
        goto done;
    int64_t m = d ? r->size / d : 0;
    for (int64_t i = 0; i < m; i++)
        nd_random_multinomial(gen_rng(args[0]), n, p, d,
                              (int64_t *)r->data + i * d);
    res = v_array_take(r);
done:
    nd_decref(c);
    return res;
}

/* args: self, alpha, size */
static Value m_dirichlet(Value *args)
{
    NdArray *al = value_to_array(args[1], ND_FLOAT64);
    if (!al)
        return v_error();
    NdArray *c = nd_ascontiguousarray(al);
    nd_decref(al);
    if (!c)
        return rt_from_lib();
    Value res = v_error();
    const double *a = (const double *)c->data;
    int64_t k = c->size;
    if (c->ndim != 1) {
        rt_raise(ERR_VALUE, "alpha must be a one-dimensional sequence");
        goto done;
    }
    for (int64_t i = 0; i < k; i++) {
        if (isnan(a[i])) {
            rt_raise(ERR_VALUE, "alpha contains NaNs");
            goto done;
        }
        if (a[i] <= 0) {
            rt_raise(ERR_VALUE, "alpha <= 0");
            goto done;
        }
    }
    NdArray *r = draws_array(args[2], k, ND_FLOAT64);
    if (!r)
        goto done;
    NdPCG64 *g = gen_rng(args[0]);
    double *o = (double *)r->data;
    int64_t m = k ? r->size / k : 0;
    for (int64_t i = 0; i < m; i++) {
        double s = 0;
        for (int64_t j = 0; j < k; j++)
            s += o[i * k + j] = nd_random_standard_gamma(g, a[j]);
        for (int64_t j = 0; j < k; j++)
            o[i * k + j] /= s;
    }
    res = v_array_take(r);
done:
    nd_decref(c);
    return res;
}

/* args: self, mean, cov, size, check_valid, tol, method */
static Value m_multivariate_normal(Value *args)
{
    const char *method = "svd", *cv = "warn";
    if (given(args[6]) &&
        bi_get_str(args[6], "multivariate_normal", "method", &method) < 0)
        return v_error();
    if (strcmp(method, "svd") && strcmp(method, "eigh") &&
        strcmp(method, "cholesky"))
        return rt_raise(ERR_VALUE,
                        "method must be one of {'eigh', 'svd', 'cholesky'}");
    if (given(args[4]) &&
        bi_get_str(args[4], "multivariate_normal", "check_valid", &cv) < 0)
        return v_error();
    double tol = 1e-8;
    if (given(args[5]) && value_to_double(args[5], &tol) < 0)
        return v_error();
    NdArray *mean = NULL, *cov = NULL, *u = NULL, *s = NULL, *vh = NULL,
            *f = NULL;
    Value res = v_error();
    NdArray *t;
    if (!(t = value_to_array(args[1], ND_FLOAT64)))
        goto done;
    mean = nd_ascontiguousarray(t);
    nd_decref(t);
    if (!mean || !(t = value_to_array(args[2], ND_FLOAT64)))
        goto done;
    cov = nd_ascontiguousarray(t);
    nd_decref(t);
    if (!cov)
        goto done;
    if (mean->ndim != 1) {
        rt_raise(ERR_VALUE, "mean must be 1 dimensional");
        goto done;
    }
    if (cov->ndim != 2 || cov->shape[0] != cov->shape[1]) {
        rt_raise(ERR_VALUE, "cov must be 2 dimensional and square");
        goto done;
    }
    int64_t n = mean->size;
    if (cov->shape[0] != n) {
        rt_raise(ERR_VALUE, "mean and cov must have same length");
        goto done;
    }
    if (strcmp(cv, "warn") && strcmp(cv, "raise") && strcmp(cv, "ignore")) {
        rt_raise(ERR_VALUE,
                 "check_valid must equal 'warn', 'raise', or 'ignore'");
        goto done;
    }
    /* factor F with x = mean + z @ F.T */
    double *F = nd_malloc((size_t)(n > 0 ? n * n : 1) * sizeof *F);
    if (!F)
        goto lib_fail;
    const double *C = (const double *)cov->data;
    bool psd = true;
    if (!strcmp(method, "cholesky")) {
        f = nd_linalg_cholesky(cov, false);
        if (!f) {
            free(F);
            goto lib_fail;
        }
        NdArray *fc = nd_ascontiguousarray(f);
        if (!fc) {
            free(F);
            goto lib_fail;
        }
        memcpy(F, fc->data, (size_t)(n * n) * sizeof *F);
        nd_decref(fc);
    } else if (!strcmp(method, "eigh")) {
        if (nd_linalg_eigh(cov, 'L', &s, &u) < 0) {
            free(F);
            goto lib_fail;
        }
        NdArray *uc = nd_ascontiguousarray(u), *sc = nd_ascontiguousarray(s);
        if (!uc || !sc) {
            if (uc)
                nd_decref(uc);
            if (sc)
                nd_decref(sc);
            free(F);
            goto lib_fail;
        }
        const double *U = (const double *)uc->data,
                     *S = (const double *)sc->data;
        for (int64_t k = 0; k < n; k++)
            if (S[k] < -tol)
                psd = false;
        for (int64_t j = 0; j < n; j++)
            for (int64_t k = 0; k < n; k++)
                F[j * n + k] = U[j * n + k] * sqrt(fabs(S[k]));
        nd_decref(uc);
        nd_decref(sc);
    } else {
        if (nd_linalg_svd(cov, true, true, &u, &s, &vh) < 0) {
            free(F);
            goto lib_fail;
        }
        NdArray *uc = nd_ascontiguousarray(u), *sc = nd_ascontiguousarray(s),
                *vc = nd_ascontiguousarray(vh);
        if (!uc || !sc || !vc) {
            if (uc)
                nd_decref(uc);
            if (sc)
                nd_decref(sc);
            if (vc)
                nd_decref(vc);
            free(F);
            goto lib_fail;
        }
        const double *U = (const double *)uc->data,
                     *S = (const double *)sc->data,
                     *V = (const double *)vc->data;
        /* psd: vh.T * s @ vh close to cov */
        for (int64_t i = 0; i < n && psd; i++)
            for (int64_t j = 0; j < n; j++) {
                double acc = 0;
                for (int64_t k = 0; k < n; k++)
                    acc += V[k * n + i] * S[k] * V[k * n + j];
                if (fabs(acc - C[i * n + j]) > tol + tol * fabs(C[i * n + j])) {
                    psd = false;
                    break;
                }
            }
        for (int64_t j = 0; j < n; j++)
            for (int64_t k = 0; k < n; k++)
                F[j * n + k] = U[j * n + k] * sqrt(S[k]);
        nd_decref(uc);
        nd_decref(sc);
        nd_decref(vc);
    }
    if (!psd && !strcmp(cv, "raise")) {
        free(F);
        rt_raise(ERR_VALUE,
                 "covariance is not symmetric positive-semidefinite.");
        goto done;
    }
    NdArray *r = draws_array(args[3], n, ND_FLOAT64);
    if (!r) {
        free(F);
        goto done;
    }
    double *z = nd_malloc((size_t)(n ? n : 1) * sizeof *z);
    if (!z) {
        nd_decref(r);
        free(F);
        goto lib_fail;
    }
    NdPCG64 *g = gen_rng(args[0]);
    double *o = (double *)r->data;
    const double *mu = (const double *)mean->data;
    int64_t m = n ? r->size / n : 0;
    for (int64_t i = 0; i < m; i++) {
        for (int64_t k = 0; k < n; k++)
            z[k] = nd_random_standard_normal(g);
        for (int64_t j = 0; j < n; j++) {
            double acc = mu[j];
            for (int64_t k = 0; k < n; k++)
                acc += z[k] * F[j * n + k];
            o[i * n + j] = acc;
        }
    }
    free(z);
    free(F);
    res = v_array_take(r);
    goto done;
lib_fail:
    if (!rt_pending())
        rt_from_lib();
done:
    if (mean)
        nd_decref(mean);
    if (cov)
        nd_decref(cov);
    if (u)
        nd_decref(u);
    if (s)
        nd_decref(s);
    if (vh)
        nd_decref(vh);
    if (f)
        nd_decref(f);
    return res;
}

/* args: self, n_children */
static Value m_spawn(Value *args)
{
    return bitgen_spawn(((GenObj *)args[0].as.obj)->bitgen, args[1], true);
}

#define SEED42 ">>> rng = random.default_rng(42)\n"

static const BuiltinDef gen_defs[] = {
    {"beta", m_beta, "self, a, b, size=None",
     "beta(a, b, size=None): draws from the Beta(a, b) distribution on "
     "[0, 1].\n\n"
     "Johnk's method when a, b <= 1, else a ratio of gammas.  ValueError "
     "\"a <= 0\" / \"b <= 0\".\n\n" SEED42
     ">>> bool(((rng.beta(2, 3, 100) > 0) & (rng.beta(2, 3, 100) < 1)).all())"
     "\nTrue\n"},
    {"binomial", m_binomial, "self, n, p, size=None",
     "binomial(n, p, size=None): the number of successes in n trials of "
     "probability p (int64).\n\n"
     "ValueErrors \"n < 0\" and \"p < 0, p > 1 or p is NaN\".\n\n" SEED42
     ">>> rng.binomial(10, 1.0, 3)\narray([10, 10, 10])\n"},
    {"bytes", m_bytes, "self, length",
     "bytes(length): length random bytes, as a uint8 array (nd has no "
     "bytes type); the same bytes as NumPy's Generator.bytes.\n\n" SEED42
     ">>> rng.bytes(4)\narray([136,  38, 217,  22], dtype=uint8)\n"},
    {"chisquare", m_chisquare, "self, df, size=None",
     "chisquare(df, size=None): the chi-square distribution with df "
     "degrees of freedom (2 * standard_gamma(df / 2)).\n\n" SEED42
     ">>> rng.chisquare(2, (2, 3)).shape\n(2, 3)\n"},
    {"choice", m_choice,
     "self, a, size=None, replace=True, p=None, axis=0, shuffle=True",
     "choice(a, size=None, replace=True, p=None, axis=0, shuffle=True): a "
     "random sample of a (or of range(a) for an int).\n\n"
     "With p, items are drawn with those probabilities; without "
     "replacement every item appears at most once.  NumPy's algorithm step "
     "for step, so the same seed gives NumPy's sample.  ValueErrors: "
     "\"probabilities do not sum to 1\", \"a and p must have same size\", "
     "\"Cannot take a larger sample than population when replace is "
     "False\", ...\n\n" SEED42 ">>> rng.choice(10, 3)\narray([0, 7, 6])\n"
     ">>> random.default_rng(42).choice(5, 5, replace=False)\n"
     "array([4, 1, 0, 3, 2])\n"},
    {"dirichlet", m_dirichlet, "self, alpha, size=None",
     "dirichlet(alpha, size=None): points of the simplex from the Dirichlet "
     "distribution (normalised gammas); the last axis has "
     "len(alpha).\n\n" SEED42
     ">>> x = rng.dirichlet([1, 2, 3], 4)\n>>> x.shape\n(4, 3)\n"
     ">>> bool(abs(x.sum(axis=1) - 1).max() < 1e-12)\nTrue\n"},
    {"exponential", m_exponential, "self, scale=1.0, size=None",
     "exponential(scale=1.0, size=None): the exponential distribution of "
     "mean scale (a 256-layer ziggurat, NumPy's stream).\n\n"
     "ValueError \"scale < 0\".\n\n" SEED42
     ">>> rng.exponential(2.0, 2)\narray([4.80841721, 4.67237931])\n"},
    {"f", m_f, "self, dfnum, dfden, size=None",
     "f(dfnum, dfden, size=None): Fisher's F distribution.\n\n" SEED42
     ">>> rng.f(5, 10, 3).shape\n(3,)\n"},
    {"gamma", m_gamma, "self, shape, scale=1.0, size=None",
     "gamma(shape, scale=1.0, size=None): the gamma distribution "
     "(Marsaglia and Tsang's method).\n\n"
     "ValueErrors \"shape < 0\", \"scale < 0\".\n\n" SEED42
     ">>> bool((rng.gamma(2.0, 3.0, 10) > 0).all())\nTrue\n"},
    {"geometric", m_geometric, "self, p, size=None",
     "geometric(p, size=None): the number of trials to the first success "
     "(int64, >= 1).\n\n" SEED42 ">>> rng.geometric(1.0, 3)\n"
     "array([1, 1, 1])\n"},
    {"gumbel", m_gumbel, "self, loc=0.0, scale=1.0, size=None",
     "gumbel(loc=0.0, scale=1.0, size=None): the Gumbel (extreme value) "
     "distribution.\n\n" SEED42 ">>> rng.gumbel(size=2).dtype\n"
     "dtype('float64')\n"},
    {"hypergeometric", m_hypergeometric,
     "self, ngood, nbad, nsample, "
     "size=None",
     "hypergeometric(ngood, nbad, nsample, size=None): good items among "
     "nsample drawn without replacement from ngood good and nbad bad "
     "ones.\n\n"
     "ValueError \"ngood + nbad < nsample\".\n\n" SEED42
     ">>> rng.hypergeometric(5, 0, 3, 2)\narray([3, 3])\n"},
    {"integers", m_integers,
     "self, low, high=None, size=None, dtype=int64, endpoint=False",
     "integers(low, high=None, size=None, dtype=int64, endpoint=False): "
     "random integers in [low, high) ([low, high] with endpoint; [0, low) "
     "without high).\n\n"
     "NumPy's bounded method (Lemire's, 32-bit draws for ranges below "
     "2^32, 8/16-bit draws peeled from one 32-bit word), so the same seed "
     "gives NumPy's integers for every dtype (int8 ... uint64, bool).  "
     "low/high may be arrays (broadcast).  ValueErrors \"low >= high\", "
     "\"high is out of bounds for int8\", ...\n\n" SEED42
     ">>> rng.integers(0, 10, 3)\narray([0, 7, 6])\n"
     ">>> random.default_rng(42).integers(1, 6, (2, 2), dtype=uint8, "
     "endpoint=True)\narray([[4, 1],\n       [6, 1]], dtype=uint8)\n"},
    {"laplace", m_laplace, "self, loc=0.0, scale=1.0, size=None",
     "laplace(loc=0.0, scale=1.0, size=None): the Laplace (double "
     "exponential) distribution.\n\n" SEED42
     ">>> rng.laplace(size=(2, 2)).shape\n(2, 2)\n"},
    {"logistic", m_logistic, "self, loc=0.0, scale=1.0, size=None",
     "logistic(loc=0.0, scale=1.0, size=None): the logistic "
     "distribution.\n\n" SEED42 ">>> rng.logistic(size=3).size\n3\n"},
    {"lognormal", m_lognormal, "self, mean=0.0, sigma=1.0, size=None",
     "lognormal(mean=0.0, sigma=1.0, size=None): exp of a normal of that "
     "mean and sigma.\n\n" SEED42
     ">>> bool((rng.lognormal(size=5) > 0).all())\nTrue\n"},
    {"logseries", m_logseries, "self, p, size=None",
     "logseries(p, size=None): the logarithmic series distribution "
     "(int64, >= 1; Kemp's method).\n\n" SEED42
     ">>> bool((rng.logseries(0.5, 10) >= 1).all())\nTrue\n"},
    {"multinomial", m_multinomial, "self, n, pvals, size=None",
     "multinomial(n, pvals, size=None): counts of n trials over "
     "len(pvals) outcomes; the last axis has len(pvals).\n\n"
     "ValueError \"sum(pvals[:-1]) > 1.0\".\n\n" SEED42
     ">>> int(rng.multinomial(20, [0.5, 0.25, 0.25]).sum())\n20\n"},
    {"multivariate_normal", m_multivariate_normal,
     "self, mean, cov, size=None, check_valid='warn', tol=1e-8, "
     "method='svd'",
     "multivariate_normal(mean, cov, size=None, check_valid='warn', "
     "tol=1e-8, method='svd'): draws of the normal distribution with that "
     "mean vector and covariance matrix.\n\n"
     "cov is factored by method 'svd', 'eigh' or 'cholesky'; "
     "check_valid='raise' rejects a cov that is not positive-semidefinite "
     "('warn' does not print a warning in nd).\n\n" SEED42
     ">>> rng.multivariate_normal([0, 0], [[1, 0], [0, 1]], 5).shape\n"
     "(5, 2)\n"},
    {"negative_binomial", m_negative_binomial, "self, n, p, size=None",
     "negative_binomial(n, p, size=None): failures before the n-th success "
     "(a gamma-Poisson mixture, int64).\n\n" SEED42
     ">>> rng.negative_binomial(3, 1.0, 2)\narray([0, 0])\n"},
    {"noncentral_chisquare", m_noncentral_chisquare,
     "self, df, nonc, size=None",
     "noncentral_chisquare(df, nonc, size=None): the noncentral chi-square "
     "distribution.\n\n" SEED42
     ">>> bool((rng.noncentral_chisquare(3, 2, 5) > 0).all())\nTrue\n"},
    {"noncentral_f", m_noncentral_f, "self, dfnum, dfden, nonc, size=None",
     "noncentral_f(dfnum, dfden, nonc, size=None): the noncentral F "
     "distribution.\n\n" SEED42
     ">>> rng.noncentral_f(3, 20, 3, 2).shape\n(2,)\n"},
    {"normal", m_normal, "self, loc=0.0, scale=1.0, size=None",
     "normal(loc=0.0, scale=1.0, size=None): the normal distribution (a "
     "256-layer ziggurat as NumPy's: the same draws as NumPy up to the "
     "last bits of the table).\n\n"
     "ValueError \"scale < 0\".\n\n" SEED42
     ">>> x = rng.normal(3.0, 0.0, 2)\n>>> x\narray([3., 3.])\n"},
    {"pareto", m_pareto, "self, a, size=None",
     "pareto(a, size=None): the Pareto II (Lomax) distribution, as "
     "NumPy's.\n\n" SEED42 ">>> bool((rng.pareto(3.0, 5) >= 0).all())\n"
     "True\n"},
    {"permutation", m_permutation, "self, x, axis=0",
     "permutation(x, axis=0): a shuffled copy of x (of arange(x) for an "
     "int), along axis.\n\n" SEED42
     ">>> rng.permutation(5)\narray([4, 2, 3, 1, 0])\n"},
    {"permuted", m_permuted, "self, x, axis=None",
     "permuted(x, axis=None): a copy of x with each slice along axis "
     "shuffled independently (the flattened array when axis is "
     "None).\n\n" SEED42
     ">>> sort(rng.permuted([1, 2, 3]))\narray([1, 2, 3])\n"},
    {"poisson", m_poisson, "self, lam=1.0, size=None",
     "poisson(lam=1.0, size=None): the Poisson distribution (int64; PTRS "
     "for lam >= 10).\n\n"
     "ValueErrors \"lam < 0 or lam is NaN\", \"lam value too "
     "large\".\n\n" SEED42 ">>> rng.poisson(0.0, 3)\narray([0, 0, 0])\n"},
    {"power", m_power, "self, a, size=None",
     "power(a, size=None): the power distribution a x^(a-1) on [0, "
     "1].\n\n" SEED42 ">>> bool((rng.power(2.0, 5) <= 1).all())\nTrue\n"},
    {"random", m_random, "self, size=None, dtype=float64",
     "random(size=None, dtype=float64): uniform floats in [0, 1) — NumPy's "
     "exactly for the same seed ((x >> 11) * 2^-53 of each 64-bit "
     "word).\n\n"
     "dtype float32 uses 24-bit draws, as NumPy's.\n\n" SEED42
     ">>> rng.random(3)\narray([0.77395605, 0.43887844, 0.85859792])\n"},
    {"rayleigh", m_rayleigh, "self, scale=1.0, size=None",
     "rayleigh(scale=1.0, size=None): the Rayleigh distribution.\n\n" SEED42
     ">>> bool((rng.rayleigh(2.0, 4) >= 0).all())\nTrue\n"},
    {"shuffle", m_shuffle, "self, x, axis=0",
     "shuffle(x, axis=0): shuffle an array (along axis) or a list in "
     "place; returns None.\n\n"
     "NumPy's Fisher-Yates order, so the same seed gives NumPy's "
     "order.\n\n" SEED42 ">>> a = arange(5)\n>>> rng.shuffle(a)\n>>> a\n"
     "array([4, 2, 3, 1, 0])\n"},
    {"spawn", m_spawn, "self, n_children",
     "spawn(n_children): a list of independent Generators seeded from "
     "children of this one's SeedSequence.\n\n" SEED42
     ">>> len(rng.spawn(2))\n2\n"},
    {"standard_cauchy", m_standard_cauchy, "self, size=None",
     "standard_cauchy(size=None): the Cauchy (Lorentz) distribution, a "
     "ratio of normals.\n\n" SEED42 ">>> rng.standard_cauchy(2).shape\n"
     "(2,)\n"},
    {"standard_exponential", m_standard_exponential,
     "self, size=None, dtype=float64, method='zig'",
     "standard_exponential(size=None, dtype=float64, method='zig'): the "
     "exponential distribution of mean 1.\n\n"
     "method 'zig' is NumPy's ziggurat, 'inv' -log(1 - U) (both the same "
     "draws as NumPy).\n\n" SEED42 ">>> rng.standard_exponential(3)\n"
     "array([2.4042086 , 2.33618966, 2.384761  ])\n"},
    {"standard_gamma", m_standard_gamma,
     "self, shape, size=None, "
     "dtype=float64",
     "standard_gamma(shape, size=None, dtype=float64): the gamma "
     "distribution of scale 1.\n\n" SEED42
     ">>> rng.standard_gamma(0.0, 2)\narray([0., 0.])\n"},
    {"standard_normal", m_standard_normal, "self, size=None, dtype=float64",
     "standard_normal(size=None, dtype=float64): the normal distribution "
     "of mean 0 and variance 1 (NumPy's ziggurat).\n\n" SEED42
     ">>> rng.standard_normal((2, 3), dtype=float32).dtype\n"
     "dtype('float32')\n"},
    {"standard_t", m_standard_t, "self, df, size=None",
     "standard_t(df, size=None): Student's t distribution.\n\n" SEED42
     ">>> rng.standard_t(5, 3).shape\n(3,)\n"},
    {"triangular", m_triangular, "self, left, mode, right, size=None",
     "triangular(left, mode, right, size=None): the triangular "
     "distribution.\n\n"
     "ValueErrors \"left > mode\", \"mode > right\", \"left == "
     "right\".\n\n" SEED42
     ">>> bool(((rng.triangular(0, 1, 4, 9) >= 0)).all())\nTrue\n"},
    {"uniform", m_uniform, "self, low=0.0, high=1.0, size=None",
     "uniform(low=0.0, high=1.0, size=None): uniform floats in [low, "
     "high).\n\n" SEED42 ">>> rng.uniform(0, 10, 2)\n"
     "array([7.73956049, 4.3887844 ])\n"},
    {"vonmises", m_vonmises, "self, mu, kappa, size=None",
     "vonmises(mu, kappa, size=None): the von Mises (circular normal) "
     "distribution on [-pi, pi).\n\n" SEED42
     ">>> bool((abs(rng.vonmises(0, 1, 10)) <= pi).all())\nTrue\n"},
    {"wald", m_wald, "self, mean, scale, size=None",
     "wald(mean, scale, size=None): the Wald (inverse Gaussian) "
     "distribution.\n\n" SEED42 ">>> bool((rng.wald(1, 1, 5) > 0).all())\n"
     "True\n"},
    {"weibull", m_weibull, "self, a, size=None",
     "weibull(a, size=None): the Weibull distribution of shape a.\n\n" SEED42
     ">>> rng.weibull(0.0, 2)\narray([0., 0.])\n"},
    {"zipf", m_zipf, "self, a, size=None",
     "zipf(a, size=None): the Zipf (zeta) distribution (int64, >= 1).\n\n"
     "ValueError \"a <= 1 or a is NaN\".\n\n" SEED42
     ">>> bool((rng.zipf(2.0, 5) >= 1).all())\nTrue\n"},
};

static const Namespace gen_methods = {
    .name = "Generator",
    .defs = gen_defs,
    .ndefs = sizeof gen_defs / sizeof gen_defs[0],
};

const NativeType generator_type = {
    .name = "Generator",
    .size = sizeof(GenObj),
    .finalize = gen_finalize,
    .repr = gen_repr,
    .getattr = gen_getattr,
    .methods = &gen_methods,
    .help = "Generator: NumPy's random Generator over a PCG64 bit "
            "generator (rng.bit_generator).\n\n"
            "Made by random.default_rng(seed); the same seed gives NumPy's "
            "random(), integers(), choice, shuffle and permutation "
            "exactly.\n\n"
            ">>> random.default_rng(42).random()\n0.7739560485559633\n",
};

/* ------------------------------------------------------- module functions */

/* args: seed */
static Value bi_default_rng(Value *args)
{
    return rng_make(args[0]);
}

/* args: bit_generator */
static Value bi_Generator(Value *args)
{
    if (!is_native(args[0], &pcg64_type))
        return rt_raise(ERR_TYPE,
                        "Generator() argument must be a PCG64 bit "
                        "generator, not %s",
                        bi_type_name(args[0]));
    return gen_wrap(args[0]);
}

static Value bi_PCG64(Value *args)
{
    return pcg64_make(args[0]);
}

/* args: entropy, spawn_key, pool_size, n_children_spawned */
static Value bi_SeedSequence(Value *args)
{
    uint64_t *key = NULL;
    int64_t nkey = 0;
    if (given(args[2])) {
        int64_t ps;
        if (bi_get_int(args[2], &ps) < 0)
            return v_error();
        if (ps != ND_SEEDSEQ_POOL)
            return rt_raise(ERR_VALUE, "nd's SeedSequence supports only "
                                       "pool_size=4");
    }
    if (given(args[1])) {
        int64_t n;
        if (value_len(args[1], &n) < 0)
            return v_error();
        key = malloc((size_t)(n ? n : 1) * sizeof *key);
        if (!key)
            return rt_raise(ERR_MEMORY, "out of memory");
        ValueIter it;
        if (iter_start(&it, args[1]) < 0) {
            free(key);
            return v_error();
        }
        Value item;
        int rc;
        while ((rc = iter_next(&it, &item)) > 0) {
            int r = nkey < n ? get_u64(item, &key[nkey],
                                       "expected non-negative integer")
                             : 0;
            v_decref(item);
            if (r < 0) {
                rc = -1;
                break;
            }
            nkey++;
        }
        iter_end(&it);
        if (rc < 0) {
            free(key);
            return v_error();
        }
    }
    Value v = seedseq_make(args[0], key, nkey);
    free(key);
    if (!v_is_err(v) && given(args[3])) {
        int64_t c;
        if (bi_get_int(args[3], &c) < 0) {
            v_decref(v);
            return v_error();
        }
        ((SeedSeqObj *)v.as.obj)->n_children = c;
    }
    return v;
}

/* The legacy functions share one Generator, seeded from the OS at first
 * use (or by seed()).  It lives for the process. */
static Value global_gen;

static NdPCG64 *global_rng(void)
{
    if (global_gen.kind != VK_OBJECT) {
        Value g = rng_make(v_none());
        if (v_is_err(g))
            return NULL;
        global_gen = g;
    }
    return gen_rng(global_gen);
}

static Value bi_seed(Value *args)
{
    Value g = rng_make(args[0]);
    if (v_is_err(g))
        return g;
    if (global_gen.kind == VK_OBJECT)
        v_decref(global_gen);
    global_gen = g;
    return v_none();
}

/* *dims: the shape, or a scalar without dims. */
static Value dims_call(Value dims, NdDist d)
{
    NdPCG64 *g = global_rng();
    if (!g)
        return v_error();
    Tuple *t = as_tuple(dims);
    int64_t shape[ND_MAXDIMS];
    if (t->n > ND_MAXDIMS)
        return rt_raise(ERR_VALUE, "too many dimensions");
    for (int64_t i = 0; i < t->n; i++)
        if (bi_get_int(t->items[i], &shape[i]) < 0)
            return v_error();
    NdArray *r =
        nd_random_dist(g, d, NULL, t->n ? (int)t->n : -1, shape, ND_FLOAT64);
    return t->n ? bi_result_array(r) : py_result(r);
}

static Value bi_rand(Value *args)
{
    return dims_call(args[0], ND_DIST_RANDOM);
}

static Value bi_randn(Value *args)
{
    return dims_call(args[0], ND_DIST_STANDARD_NORMAL);
}

/* args: low, high, size, dtype */
static Value bi_randint(Value *args)
{
    NdPCG64 *g = global_rng();
    if (!g)
        return v_error();
    return integers_impl(g, args[0], args[1], args[2], args[3], false,
                         !given(args[3]));
}

/* Call a Generator method with the global generator as self. */
static Value with_global(BuiltinFn fn, Value *args, int n)
{
    if (!global_rng())
        return v_error();
    Value a[8];
    a[0] = global_gen;
    for (int i = 0; i < n; i++)
        a[i + 1] = args[i];
    return fn(a);
}

static Value bi_random_sample(Value *args)
{
    Value a[2] = {args[0], v_unset()};
    return with_global(m_random, a, 2);
}

static Value bi_normal(Value *args)
{
    return with_global(m_normal, args, 3);
}

static Value bi_uniform(Value *args)
{
    return with_global(m_uniform, args, 3);
}

/* args: a, size, replace, p */
static Value bi_choice(Value *args)
{
    Value a[6] = {args[0], args[1], args[2], args[3], v_unset(), v_unset()};
    return with_global(m_choice, a, 6);
}

static Value bi_shuffle(Value *args)
{
    Value a[2] = {args[0], v_unset()};
    return with_global(m_shuffle, a, 2);
}

static Value bi_permutation(Value *args)
{
    Value a[2] = {args[0], v_unset()};
    return with_global(m_permutation, a, 2);
}

#define LEGACY                                                                 \
    "A legacy function on nd's global generator (a PCG64 seeded from the "     \
    "OS, or by random.seed): it does NOT reproduce NumPy's legacy "            \
    "MT19937 stream — use default_rng for NumPy's numbers.\n\n"

static const BuiltinDef random_defs[] = {
    {"Generator", bi_Generator, "bit_generator",
     "Generator(bit_generator): a Generator drawing from that PCG64.\n\n"
     ">>> random.Generator(random.PCG64(42)).integers(0, 10, 3)\n"
     "array([0, 7, 6])\n"},
    {"PCG64", bi_PCG64, "seed=None",
     "PCG64(seed=None): NumPy's default bit generator, seeded through a "
     "SeedSequence (an int, a list of ints, a SeedSequence, or None for OS "
     "entropy).\n\n"
     ">>> random.PCG64(42).random_raw()\n14276969152011380360\n"},
    {"SeedSequence", bi_SeedSequence,
     "entropy=None, *, spawn_key=(), pool_size=4, n_children_spawned=0",
     "SeedSequence(entropy=None, *, spawn_key=(), pool_size=4, "
     "n_children_spawned=0): NumPy's seeding algorithm.\n\n"
     "Without entropy, 128 bits from the OS (shown as four uint32 "
     "words).\n\n"
     ">>> random.SeedSequence(42).generate_state(1)\n"
     "array([3444837047], dtype=uint32)\n"},
    {"choice", bi_choice, "a, size=None, replace=True, p=None",
     "choice(a, size=None, replace=True, p=None): a random sample of "
     "a.\n\n" LEGACY ">>> int(random.choice(5)) in range(5)\nTrue\n"},
    {"default_rng", bi_default_rng, "seed=None",
     "default_rng(seed=None): a new Generator over PCG64 — the same numbers "
     "as NumPy's default_rng(seed).\n\n"
     "seed: None (OS entropy), an int, a list of ints, a SeedSequence, a "
     "PCG64 (wrapped) or a Generator (returned as it is).\n\n"
     ">>> random.default_rng(42).integers(0, 10, 3)\narray([0, 7, 6])\n"},
    {"normal", bi_normal, "loc=0.0, scale=1.0, size=None",
     "normal(loc=0.0, scale=1.0, size=None): normal draws.\n\n" LEGACY
     ">>> random.normal(size=(2, 2)).shape\n(2, 2)\n"},
    {"permutation", bi_permutation, "x",
     "permutation(x): a shuffled copy of x (of arange(x) for an "
     "int).\n\n" LEGACY
     ">>> sort(random.permutation(4))\narray([0, 1, 2, 3])\n"},
    {"rand", bi_rand, "*dims",
     "rand(*dims): uniform floats in [0, 1) of shape dims (a float without "
     "dims).\n\n" LEGACY ">>> random.rand(2, 3).shape\n(2, 3)\n"},
    {"randint", bi_randint, "low, high=None, size=None, dtype=int64",
     "randint(low, high=None, size=None, dtype=int64): integers in [low, "
     "high) ([0, low) without high).\n\n" LEGACY
     ">>> random.randint(5, 6, 3)\narray([5, 5, 5])\n"},
    {"randn", bi_randn, "*dims",
     "randn(*dims): standard normal draws of shape dims.\n\n" LEGACY
     ">>> random.randn(4).shape\n(4,)\n"},
    {"random", bi_random_sample, "size=None",
     "random(size=None): uniform floats in [0, 1).\n\n" LEGACY
     ">>> random.random(3).shape\n(3,)\n"},
    {"random_sample", bi_random_sample, "size=None",
     "random_sample(size=None): the same as random.random.\n\n" LEGACY
     ">>> random.random_sample((2, 2)).shape\n(2, 2)\n"},
    {"seed", bi_seed, "seed=None",
     "seed(seed=None): reseed the global generator of the legacy "
     "functions.\n\n" LEGACY
     ">>> random.seed(1)\n>>> a = random.rand(3)\n>>> random.seed(1)\n"
     ">>> bool((random.rand(3) == a).all())\nTrue\n"},
    {"shuffle", bi_shuffle, "x",
     "shuffle(x): shuffle an array or a list in place.\n\n" LEGACY
     ">>> a = [1, 2, 3]\n>>> random.shuffle(a)\n>>> sort(a)\narray([1, 2, "
     "3])\n"},
    {"uniform", bi_uniform, "low=0.0, high=1.0, size=None",
     "uniform(low=0.0, high=1.0, size=None): uniform floats in [low, "
     "high).\n\n" LEGACY
     ">>> bool((random.uniform(2, 3, 10) >= 2).all())\nTrue\n"},
};

const Namespace ns_random = {
    .name = "random",
    .defs = random_defs,
    .ndefs = sizeof random_defs / sizeof random_defs[0],
};
