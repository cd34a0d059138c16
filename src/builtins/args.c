/* args.c — the one argument parser every builtin shares, and the lookup of
 * a name in a builtin table.  A BuiltinDef's parameter spec is written as
 * Python writes a signature ("a, axis=None, *, keepdims=False",
 * "*values, sep=' ', end='\n'", "self, *shape, order='C'"); it is parsed
 * the first time the builtin is called (nothing is done at startup) and
 * the result is cached in a small hash table keyed by the def's address.
 * Matching positional and keyword arguments to parameters raises Python's
 * TypeErrors for builtins.  Defaults are never evaluated here: a parameter
 * that was not given is left VK_UNSET and the function applies its default.
 * A "*name" parameter receives the extra positional arguments as a tuple,
 * a "**name" parameter the unmatched keyword arguments as a dict (always
 * present, maybe empty); both are new references args_release drops.
 *
 * Methods: a spec whose first parameter is "self" belongs to a method; the
 * caller passes the receiver as pos[0] and the counts in messages leave it
 * out, as Python's do ("reshape() takes ..."). */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"

typedef struct Param {
    const char *name; /* NUL-terminated, inside Spec.text */
    bool optional;    /* has a default */
    bool kwonly;      /* after "*" or "*name" */
    bool posonly;     /* before "/" */
} Param;

typedef struct Spec {
    int n;      /* parameters (slots of out) */
    int npos;   /* how many may be given by position (self included) */
    int star;   /* index of the "*name" parameter, or -1 */
    int kwstar; /* index of the "**name" parameter, or -1 */
    int self;   /* 1 for a method */
    int nreq;   /* required positional parameters (self included) */
    char *text;
    Param *p;
} Spec;

/* ------------------------------------------------------- the spec cache */

typedef struct SpecSlot {
    const BuiltinDef *def;
    Spec *spec;
} SpecSlot;

static SpecSlot *cache;
static size_t cache_cap, cache_used;

static size_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x;
}

static Spec *cache_find(const BuiltinDef *def)
{
    if (!cache_cap)
        return NULL;
    for (size_t i = ptr_hash(def) & (cache_cap - 1);;
         i = (i + 1) & (cache_cap - 1)) {
        if (cache[i].def == def)
            return cache[i].spec;
        if (!cache[i].def)
            return NULL;
    }
}

static int cache_insert(const BuiltinDef *def, Spec *spec)
{
    if ((cache_used + 1) * 2 > cache_cap) {
        size_t ncap = cache_cap ? cache_cap * 2 : 64;
        SpecSlot *n = calloc(ncap, sizeof *n);
        if (!n)
            return rt_fail(ERR_MEMORY, "out of memory");
        for (size_t j = 0; j < cache_cap; j++) {
            if (!cache[j].def)
                continue;
            size_t i = ptr_hash(cache[j].def) & (ncap - 1);
            while (n[i].def)
                i = (i + 1) & (ncap - 1);
            n[i] = cache[j];
        }
        free(cache);
        cache = n;
        cache_cap = ncap;
    }
    size_t i = ptr_hash(def) & (cache_cap - 1);
    while (cache[i].def)
        i = (i + 1) & (cache_cap - 1);
    cache[i].def = def;
    cache[i].spec = spec;
    cache_used++;
    return 0;
}

/* ------------------------------------------------------ parsing a spec */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
        *--e = '\0';
    return s;
}

/* Split at commas that are outside quotes and brackets (defaults such as
 * sep=', ' or shape=(2, 3)). */
static Spec *spec_parse(const char *params)
{
    Spec *sp = calloc(1, sizeof *sp);
    size_t len = strlen(params ? params : "");
    if (!sp)
        return NULL;
    sp->text = malloc(len + 1);
    sp->p = calloc(len / 2 + 2, sizeof *sp->p);
    if (!sp->text || !sp->p) {
        free(sp->text);
        free(sp->p);
        free(sp);
        return NULL;
    }
    memcpy(sp->text, params ? params : "", len + 1);
    sp->star = -1;
    sp->kwstar = -1;
    int depth = 0;
    char quote = 0;
    char *start = sp->text;
    bool kwonly = false;
    int slash_at = -1;
    for (char *c = sp->text;; c++) {
        if (quote) {
            if (*c == '\\' && c[1])
                c++;
            else if (*c == quote)
                quote = 0;
            if (*c)
                continue;
        }
        if (*c == '\'' || *c == '"') {
            quote = *c;
            continue;
        }
        if (*c == '(' || *c == '[' || *c == '{')
            depth++;
        else if (*c == ')' || *c == ']' || *c == '}')
            depth--;
        if (*c && (*c != ',' || depth > 0))
            continue;
        bool last = *c == '\0';
        *c = '\0';
        char *item = trim(start);
        start = c + 1;
        if (*item) {
            if (!strcmp(item, "*")) {
                kwonly = true;
            } else if (!strcmp(item, "/")) {
                slash_at = sp->n;
            } else {
                Param *p = &sp->p[sp->n];
                char *eq = strchr(item, '=');
                if (eq) {
                    *eq = '\0';
                    p->optional = true;
                    item = trim(item);
                }
                if (item[0] == '*' && item[1] == '*') {
                    item += 2;
                    sp->kwstar = sp->n;
                    p->kwonly = true;
                    p->optional = true;
                } else if (*item == '*') {
                    item++;
                    sp->star = sp->n;
                    p->kwonly = false;
                    kwonly = true;
                } else {
                    p->kwonly = kwonly;
                }
                p->name = item;
                sp->n++;
            }
        }
        if (last)
            break;
    }
    for (int i = 0; i < slash_at; i++)
        sp->p[i].posonly = true;
    sp->self = sp->n > 0 && !strcmp(sp->p[0].name, "self");
    for (int i = 0; i < sp->n; i++) {
        if (i == sp->star || i == sp->kwstar || sp->p[i].kwonly)
            break;
        sp->npos++;
        if (!sp->p[i].optional)
            sp->nreq = sp->npos;
    }
    return sp;
}

static Spec *spec_of(const BuiltinDef *def)
{
    Spec *sp = cache_find(def);
    if (sp)
        return sp;
    sp = spec_parse(def->params);
    if (!sp) {
        rt_fail(ERR_MEMORY, "out of memory");
        return NULL;
    }
    if (cache_insert(def, sp) < 0) {
        free(sp->text);
        free(sp->p);
        free(sp);
        return NULL;
    }
    return sp;
}

int builtin_nparams(const BuiltinDef *def)
{
    Spec *sp = spec_of(def);
    return sp ? sp->n : -1;
}

/* ------------------------------------------------------------ matching */

static int too_many(const BuiltinDef *def, const Spec *sp, int given)
{
    int max = sp->npos - sp->self;
    int min = sp->nreq - sp->self;
    given -= sp->self;
    if (max == 0)
        return rt_fail(ERR_TYPE, "%s() takes no arguments (%d given)",
                       def->name, given);
    if (min == max) {
        if (max == 1)
            return rt_fail(ERR_TYPE,
                           "%s() takes exactly one argument (%d given)",
                           def->name, given);
        return rt_fail(ERR_TYPE, "%s() takes exactly %d arguments (%d given)",
                       def->name, max, given);
    }
    return rt_fail(ERR_TYPE, "%s() takes at most %d %s (%d given)", def->name,
                   max, max == 1 ? "argument" : "arguments", given);
}

int args_parse(const BuiltinDef *def, const Value *pos, int npos,
               const KwArg *kw, int nkw, Value *out, int nout)
{
    Spec *sp = spec_of(def);
    if (!sp)
        return -1;
    if (nout < sp->n)
        return rt_fail(ERR_RUNTIME, "%s(): %d argument slots for %d parameters",
                       def->name, nout, sp->n);
    for (int i = 0; i < nout; i++)
        out[i] = v_unset();
    if (npos > sp->npos && sp->star < 0)
        return too_many(def, sp, npos);
    int ndirect = npos < sp->npos ? npos : sp->npos;
    for (int i = 0; i < ndirect; i++)
        out[i] = pos[i];
    for (int k = 0; k < nkw; k++) {
        int j = -1;
        for (int i = 0; i < sp->n; i++)
            if (i != sp->star && i != sp->kwstar && !sp->p[i].posonly &&
                !strcmp(sp->p[i].name, kw[k].name)) {
                j = i;
                break;
            }
        if ((j < 0 || (sp->self && j == 0)) && sp->kwstar >= 0) {
            /* collected by "**name": a dict of str keys */
            if (out[sp->kwstar].kind != VK_DICT) {
                out[sp->kwstar] = v_dict_new();
                if (v_is_err(out[sp->kwstar])) {
                    out[sp->kwstar] = v_unset();
                    goto fail;
                }
            }
            Value key = v_str(kw[k].name);
            if (v_is_err(key))
                goto fail;
            Value old = dict_get(out[sp->kwstar], key);
            if (old.kind != VK_UNSET) {
                v_decref(key);
                rt_fail(ERR_TYPE,
                        "%s() got multiple values for keyword argument '%s'",
                        def->name, kw[k].name);
                goto fail;
            }
            int rc = dict_set(out[sp->kwstar], key, kw[k].value);
            v_decref(key);
            if (rc < 0)
                goto fail;
            continue;
        }
        if (j < 0 || (sp->self && j == 0)) {
            rt_fail(ERR_TYPE, "%s() got an unexpected keyword argument '%s'",
                    def->name, kw[k].name);
            goto fail;
        }
        if (out[j].kind != VK_UNSET) {
            rt_fail(ERR_TYPE, "%s() got multiple values for argument '%s'",
                    def->name, kw[k].name);
            goto fail;
        }
        out[j] = kw[k].value;
    }
    for (int i = 0; i < sp->n; i++) {
        if (i == sp->star || i == sp->kwstar || sp->p[i].optional ||
            out[i].kind != VK_UNSET)
            continue;
        if (sp->p[i].kwonly)
            rt_fail(ERR_TYPE,
                    "%s() missing required keyword-only argument '%s'",
                    def->name, sp->p[i].name);
        else
            rt_fail(ERR_TYPE, "%s() missing required argument '%s' (pos %d)",
                    def->name, sp->p[i].name, i + 1 - sp->self);
        goto fail;
    }
    if (sp->star >= 0) {
        int nextra = npos > sp->npos ? npos - sp->npos : 0;
        Value t = v_tuple_new(nextra);
        if (v_is_err(t))
            goto fail;
        for (int i = 0; i < nextra; i++) {
            v_incref(pos[sp->npos + i]);
            tuple_set_take(t, i, pos[sp->npos + i]);
        }
        out[sp->star] = t;
    }
    if (sp->kwstar >= 0 && out[sp->kwstar].kind != VK_DICT) {
        out[sp->kwstar] = v_dict_new();
        if (v_is_err(out[sp->kwstar])) {
            out[sp->kwstar] = v_unset();
            goto fail;
        }
    }
    return 0;
fail:
    if (sp->kwstar >= 0 && sp->kwstar < nout && out[sp->kwstar].kind == VK_DICT)
        v_decref(out[sp->kwstar]);
    if (sp->star >= 0 && sp->star < nout && out[sp->star].kind == VK_TUPLE)
        v_decref(out[sp->star]);
    for (int i = 0; i < nout; i++)
        out[i] = v_unset();
    return -1;
}

void args_release(const BuiltinDef *def, Value *out, int nout)
{
    Spec *sp = cache_find(def);
    if (!sp)
        return;
    if (sp->star >= 0 && sp->star < nout) {
        if (out[sp->star].kind == VK_TUPLE)
            v_decref(out[sp->star]);
        out[sp->star] = v_unset();
    }
    if (sp->kwstar >= 0 && sp->kwstar < nout) {
        if (out[sp->kwstar].kind == VK_DICT)
            v_decref(out[sp->kwstar]);
        out[sp->kwstar] = v_unset();
    }
}

/* ------------------------------------------------------------- lookup */

const BuiltinDef *ns_lookup(const Namespace *ns, const char *name)
{
    int lo = 0, hi = ns->ndefs - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(name, ns->defs[mid].name);
        if (c == 0)
            return &ns->defs[mid];
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return NULL;
}

const NsConst *ns_lookup_const(const Namespace *ns, const char *name)
{
    int lo = 0, hi = ns->nconsts - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(name, ns->consts[mid].name);
        if (c == 0)
            return &ns->consts[mid];
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return NULL;
}
