/* str.c — the methods of str, list and dict values (the tables
 * ns_str_methods, ns_list_methods and ns_dict_methods, sorted by name, each
 * entry with its help text and a tested example), and the sequence helpers
 * other rooms use: indexing and slicing a str by code point, concatenation,
 * repetition, membership and comparison of strs, slicing lists and tuples,
 * slice assignment and deletion on lists.
 *
 * Text is UTF-8 throughout; positions seen by users count code points.
 * Case mapping and character classes cover ASCII, Latin-1, Latin
 * Extended-A, Greek and Cyrillic (Python covers all of Unicode; text
 * outside these ranges is left as it is).
 */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "gc.h"
#include "interp.h"
#include "ops.h"
#include "value.h"

/* ------------------------------------------------------------- helpers */

static Value nomem(void)
{
    nd_error_nomem();
    return rt_from_lib();
}

/* An index argument: an integer or bool scalar (weak or strong). */
static bool scalar_int(Value v, int64_t *out)
{
    if (v.kind != VK_SCALAR)
        return false;
    NdScalar s = v_to_ndscalar(v), r;
    NdKind k = nd_dtype_kind((NdType)v.dtype);
    if (k == ND_KIND_UINT && v.dtype == ND_UINT64) {
        *out = s.v.u64 > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)s.v.u64;
        return true;
    }
    if (k != ND_KIND_BOOL && k != ND_KIND_INT && k != ND_KIND_UINT)
        return false;
    if (nd_scalar_cast(&s, ND_INT64, &r) < 0) {
        nd_error_clear();
        return false;
    }
    *out = r.v.i64;
    return true;
}

static int get_int(Value v, int64_t *out)
{
    if (scalar_int(v, out))
        return 0;
    return rt_fail(ERR_TYPE, "'%s' object cannot be interpreted as an integer",
                   v_type_name(v));
}

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

static uint32_t decode(const char *p, int64_t n, int *len)
{
    const unsigned char *s = (const unsigned char *)p;
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

static void put_cp(TextBuf *b, uint32_t c)
{
    char t[4];
    int n;
    if (c < 0x80) {
        t[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    textbuf_put(b, t, n);
}

/* ------------------------------------------------------ character classes */

static uint32_t to_upper(uint32_t c)
{
    if (c >= 'a' && c <= 'z')
        return c - 32;
    if (c < 0x80)
        return c;
    if (c == 0xB5)
        return 0x39C;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7))
        return c - 32;
    if (c == 0xFF)
        return 0x178;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c & ~1u;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c : c - 1;
    if (c == 0x17F)
        return 'S';
    if (c == 0x3C2)
        return 0x3A3;
    if (c >= 0x3B1 && c <= 0x3CB)
        return c - 32;
    if (c >= 0x3AC && c <= 0x3AF)
        return c == 0x3AC ? 0x386 : c - 37;
    if (c >= 0x430 && c <= 0x44F)
        return c - 32;
    if (c >= 0x450 && c <= 0x45F)
        return c - 80;
    return c;
}

static uint32_t to_lower(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c < 0x80)
        return c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c == 0x178)
        return 0xFF;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c | 1u;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c + 1 : c;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
        return c + 32;
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 37;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

static bool is_upper_cp(uint32_t c)
{
    return to_lower(c) != c;
}
static bool is_lower_cp(uint32_t c)
{
    return to_upper(c) != c || c == 0xDF;
}
static bool is_cased(uint32_t c)
{
    return is_upper_cp(c) || is_lower_cp(c);
}
static bool is_space_cp(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) ||
           c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}
static bool is_digit_cp(uint32_t c)
{
    return (c >= '0' && c <= '9') || c == 0xB2 || c == 0xB3 || c == 0xB9 ||
           (c >= 0x2070 && c <= 0x2079 && c != 0x2071 && c != 0x2072 &&
            c != 0x2073);
}
static bool is_alpha_cp(uint32_t c)
{
    return is_cased(c) || c == 0xAA || c == 0xBA || c == 0xDF ||
           (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) ||
           (c >= 0x3041 && c <= 0x30FA) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7A3);
}

/* ------------------------------------------------------- slices, indexes */

int slice_indices(Value slice, int64_t len, int64_t *start, int64_t *step,
                  int64_t *count)
{
    const Slice *s = (const Slice *)slice.as.obj;
    int64_t st = 1, a, b;
    const char *bad = "slice indices must be integers or None or have an "
                      "__index__ method";
    if (given(s->step)) {
        if (!scalar_int(s->step, &st))
            return rt_fail(ERR_TYPE, "%s", bad);
        if (st == 0)
            return rt_fail(ERR_VALUE, "slice step cannot be zero");
        if (st < -INT64_MAX)
            st = -INT64_MAX;
    }
    if (given(s->start)) {
        if (!scalar_int(s->start, &a))
            return rt_fail(ERR_TYPE, "%s", bad);
        if (a < 0) {
            a += len;
            if (a < 0)
                a = st < 0 ? -1 : 0;
        } else if (a >= len) {
            a = st < 0 ? len - 1 : len;
        }
    } else {
        a = st < 0 ? len - 1 : 0;
    }
    if (given(s->stop)) {
        if (!scalar_int(s->stop, &b))
            return rt_fail(ERR_TYPE, "%s", bad);
        if (b < 0) {
            b += len;
            if (b < 0)
                b = st < 0 ? -1 : 0;
        } else if (b >= len) {
            b = st < 0 ? len - 1 : len;
        }
    } else {
        b = st < 0 ? -1 : len;
    }
    int64_t n = 0;
    if (st > 0 && a < b)
        n = (b - a - 1) / st + 1;
    else if (st < 0 && a > b)
        n = (a - b - 1) / (-st) + 1;
    *start = a;
    *step = st;
    *count = n;
    return 0;
}

Value str_getitem(Value s, Value key)
{
    if (key.kind == VK_SLICE)
        return seq_slice(s, key);
    int64_t i;
    if (!scalar_int(key, &i))
        return rt_raise(ERR_TYPE, "string indices must be integers, not '%s'",
                        v_type_name(key));
    const Str *str = as_str(s);
    if (i < 0)
        i += str->ncodes;
    if (i < 0 || i >= str->ncodes)
        return rt_raise(ERR_INDEX, "string index out of range");
    int64_t off = str_byte_offset(str, i);
    int len;
    decode(str->data + off, str->nbytes - off, &len);
    return v_str_n(str->data + off, len);
}

Value str_next_char(Value s, int64_t *pos)
{
    const Str *str = as_str(s);
    int len;
    decode(str->data + *pos, str->nbytes - *pos, &len);
    Value c = v_str_n(str->data + *pos, len);
    *pos += len;
    return c;
}

int str_contains(Value hay, Value needle)
{
    if (needle.kind != VK_STR)
        return rt_fail(ERR_TYPE,
                       "'in <string>' requires string as left operand, not %s",
                       v_type_name(needle));
    const Str *h = as_str(hay), *n = as_str(needle);
    if (n->nbytes == 0)
        return 1;
    if (n->nbytes > h->nbytes)
        return 0;
    for (int64_t i = 0; i + n->nbytes <= h->nbytes; i++)
        if (h->data[i] == n->data[0] &&
            memcmp(h->data + i, n->data, (size_t)n->nbytes) == 0)
            return 1;
    return 0;
}

int str_compare(Value a, Value b)
{
    /* UTF-8 byte order is code point order. */
    const Str *x = as_str(a), *y = as_str(b);
    int64_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
    int c = memcmp(x->data, y->data, (size_t)n);
    if (c)
        return c;
    return x->nbytes < y->nbytes ? -1 : x->nbytes > y->nbytes;
}

/* The items of a list or tuple. */
static const Value *seq_items(Value v, int64_t *n)
{
    if (v.kind == VK_LIST) {
        *n = as_list(v)->n;
        return as_list(v)->items;
    }
    *n = as_tuple(v)->n;
    return as_tuple(v)->items;
}

/* A new list or tuple (kind of `like`) of n items copied from xs. */
static Value seq_from(ValueKind kind, const Value *xs, int64_t n)
{
    if (kind == VK_TUPLE) {
        Value t = v_tuple_new(n);
        if (v_is_err(t))
            return t;
        for (int64_t i = 0; i < n; i++) {
            v_incref(xs[i]);
            tuple_set_take(t, i, xs[i]);
        }
        return t;
    }
    Value l = v_list_new(n);
    if (v_is_err(l))
        return l;
    for (int64_t i = 0; i < n; i++)
        list_append(l, xs[i]);
    return l;
}

Value seq_concat(Value a, Value b)
{
    if (a.kind != b.kind ||
        (a.kind != VK_STR && a.kind != VK_LIST && a.kind != VK_TUPLE))
        return rt_raise(ERR_TYPE, "can only concatenate %s (not \"%s\") to %s",
                        v_type_name(a), v_type_name(b), v_type_name(a));
    if (a.kind == VK_STR) {
        const Str *x = as_str(a), *y = as_str(b);
        if (x->nbytes > INT64_MAX / 2 || y->nbytes > INT64_MAX / 2)
            return nomem();
        TextBuf t = {0};
        textbuf_put(&t, x->data, x->nbytes);
        textbuf_put(&t, y->data, y->nbytes);
        return textbuf_finish(&t);
    }
    int64_t na, nb;
    const Value *xa = seq_items(a, &na), *xb = seq_items(b, &nb);
    Value r = a.kind == VK_TUPLE ? v_tuple_new(na + nb) : v_list_new(na + nb);
    if (v_is_err(r))
        return r;
    /* b may be a itself (L + L): read both before appending */
    for (int64_t i = 0; i < na + nb; i++) {
        Value x = i < na ? xa[i] : xb[i - na];
        if (a.kind == VK_TUPLE) {
            v_incref(x);
            tuple_set_take(r, i, x);
        } else {
            list_append(r, x);
        }
    }
    return r;
}

Value seq_repeat(Value seq, int64_t n)
{
    if (n < 0)
        n = 0;
    if (seq.kind == VK_STR) {
        const Str *s = as_str(seq);
        if (s->nbytes && n > INT64_MAX / s->nbytes)
            return nomem();
        TextBuf t = {0};
        textbuf_reserve(&t, s->nbytes * n);
        for (int64_t i = 0; i < n && !t.failed; i++)
            textbuf_put(&t, s->data, s->nbytes);
        return textbuf_finish(&t);
    }
    int64_t m;
    const Value *xs = seq_items(seq, &m);
    if (m && n > INT64_MAX / m / (int64_t)sizeof(Value))
        return nomem();
    Value r = seq.kind == VK_TUPLE ? v_tuple_new(m * n) : v_list_new(m * n);
    if (v_is_err(r))
        return r;
    xs = seq_items(seq, &m);
    for (int64_t i = 0; i < m * n; i++) {
        if (seq.kind == VK_TUPLE) {
            v_incref(xs[i % m]);
            tuple_set_take(r, i, xs[i % m]);
        } else {
            list_append(r, xs[i % m]);
        }
    }
    return r;
}

Value seq_slice(Value seq, Value slice)
{
    int64_t start, step, count;
    if (seq.kind == VK_STR) {
        const Str *s = as_str(seq);
        if (slice_indices(slice, s->ncodes, &start, &step, &count) < 0)
            return v_error();
        if (step == 1) {
            int64_t a = str_byte_offset(s, start);
            int64_t b = str_byte_offset(s, start + count);
            return v_str_n(s->data + a, b - a);
        }
        /* byte offset of every code point, then pick */
        int64_t *off = nd_malloc(((size_t)s->ncodes + 1) * sizeof(int64_t));
        if (!off)
            return rt_from_lib();
        int64_t k = 0;
        for (int64_t b = 0; b < s->nbytes; b++)
            if (((unsigned char)s->data[b] & 0xC0) != 0x80)
                off[k++] = b;
        off[k] = s->nbytes;
        TextBuf t = {0};
        for (int64_t i = 0, j = start; i < count; i++, j += step)
            textbuf_put(&t, s->data + off[j], off[j + 1] - off[j]);
        free(off);
        return textbuf_finish(&t);
    }
    if (seq.kind != VK_LIST && seq.kind != VK_TUPLE)
        return rt_raise(ERR_TYPE, "'%s' object is not subscriptable",
                        v_type_name(seq));
    int64_t n;
    const Value *xs = seq_items(seq, &n);
    if (slice_indices(slice, n, &start, &step, &count) < 0)
        return v_error();
    Value r = seq.kind == VK_TUPLE ? v_tuple_new(count) : v_list_new(count);
    if (v_is_err(r))
        return r;
    xs = seq_items(seq, &n);
    for (int64_t i = 0, j = start; i < count; i++, j += step) {
        if (seq.kind == VK_TUPLE) {
            v_incref(xs[j]);
            tuple_set_take(r, i, xs[j]);
        } else {
            list_append(r, xs[j]);
        }
    }
    return r;
}

/* Any iterable as a new list (a new reference): lists and tuples copied
 * directly, the rest through the iteration protocol of ops.h. */
static Value to_list(Value items)
{
    if (items.kind == VK_LIST || items.kind == VK_TUPLE) {
        int64_t n;
        const Value *xs = seq_items(items, &n);
        return seq_from(VK_LIST, xs, n);
    }
    Value r = v_list_new(0);
    if (v_is_err(r))
        return r;
    if (items.kind == VK_DICT) {
        Dict *d = as_dict(items);
        for (int64_t i = 0; i < d->used; i++)
            if (d->entries[i].key.kind != VK_UNSET &&
                list_append(r, d->entries[i].key) < 0)
                goto fail;
        return r;
    }
    if (items.kind == VK_STR) {
        int64_t pos = 0;
        while (pos < as_str(items)->nbytes) {
            Value c = str_next_char(items, &pos);
            if (v_is_err(c))
                goto fail;
            int rc = list_append(r, c);
            v_decref(c);
            if (rc < 0)
                goto fail;
        }
        return r;
    }
    ValueIter it;
    if (iter_start(&it, items) < 0)
        goto fail;
    for (;;) {
        Value x;
        int rc = iter_next(&it, &x);
        if (rc == 0)
            break;
        if (rc < 0) {
            iter_end(&it);
            goto fail;
        }
        rc = list_append(r, x);
        v_decref(x);
        if (rc < 0) {
            iter_end(&it);
            goto fail;
        }
    }
    iter_end(&it);
    return r;
fail:
    v_decref(r);
    return v_error();
}

int list_extend(Value list, Value items)
{
    Value src = to_list(items);
    if (v_is_err(src))
        return -1;
    List *s = as_list(src);
    int rc = 0;
    for (int64_t i = 0; i < s->n && rc == 0; i++)
        rc = list_append(list, s->items[i]);
    v_decref(src);
    return rc;
}

int list_set_slice(Value list, Value slice, Value items)
{
    List *l = as_list(list);
    int64_t start, step, count;
    if (slice_indices(slice, l->n, &start, &step, &count) < 0)
        return -1;
    if (items.kind == VK_SCALAR || items.kind == VK_NONE)
        return rt_fail(ERR_TYPE, "must assign iterable to extended slice");
    Value src = to_list(items); /* a copy: items may be the list itself */
    if (v_is_err(src))
        return -1;
    List *s = as_list(src);
    int64_t m = s->n;
    if (step != 1) {
        if (m != count) {
            v_decref(src);
            return rt_fail(ERR_VALUE,
                           "attempt to assign sequence of size %lld to "
                           "extended slice of size %lld",
                           (long long)m, (long long)count);
        }
        for (int64_t i = 0, j = start; i < count; i++, j += step) {
            Value old = l->items[j];
            l->items[j] = s->items[i];
            s->items[i] = old; /* src now owns the old values */
        }
        v_decref(src);
        return 0;
    }
    /* Contiguous: replace `count` items at `start` by the m new ones. */
    int64_t n = l->n, newn = n - count + m;
    if (newn > l->cap) {
        Value *p = nd_realloc(l->items, (size_t)newn * sizeof(Value));
        if (!p) {
            v_decref(src);
            return rt_fail_from_lib();
        }
        l->items = p;
        l->cap = newn;
    }
    Value *old = NULL;
    if (count) {
        old = nd_malloc((size_t)count * sizeof(Value));
        if (!old) {
            v_decref(src);
            return rt_fail_from_lib();
        }
        memcpy(old, l->items + start, (size_t)count * sizeof(Value));
    }
    memmove(l->items + start + m, l->items + start + count,
            (size_t)(n - start - count) * sizeof(Value));
    for (int64_t i = 0; i < m; i++) {
        v_incref(s->items[i]);
        l->items[start + i] = s->items[i];
    }
    l->n = newn;
    v_decref(src);
    for (int64_t i = 0; i < count; i++)
        v_decref(old[i]);
    free(old);
    return 0;
}

int list_del_slice(Value list, Value slice)
{
    List *l = as_list(list);
    int64_t start, step, count;
    if (slice_indices(slice, l->n, &start, &step, &count) < 0)
        return -1;
    if (count == 0)
        return 0;
    Value *old = nd_malloc((size_t)count * sizeof(Value));
    if (!old)
        return rt_fail_from_lib();
    if (step < 0) { /* the same elements, walked upwards */
        start = start + (count - 1) * step;
        step = -step;
    }
    int64_t w = start, k = 0;
    for (int64_t r = start; r < l->n; r++) {
        if (k < count && r == start + k * step)
            old[k++] = l->items[r];
        else
            l->items[w++] = l->items[r];
    }
    l->n = w;
    for (int64_t i = 0; i < count; i++)
        v_decref(old[i]);
    free(old);
    return 0;
}

/* ===================================================== str methods */

static int arg_str(Value v, const char **s, int64_t *n)
{
    if (v.kind != VK_STR)
        return rt_fail(ERR_TYPE, "must be str, not %s", v_type_name(v));
    *s = as_str(v)->data;
    *n = as_str(v)->nbytes;
    return 0;
}

/* Optional start/end code point arguments of find/count/... as byte
 * offsets of self (Python's slice semantics). */
static int str_range(const Str *s, Value vstart, Value vend, int64_t *a,
                     int64_t *b)
{
    int64_t st = 0, en = s->ncodes;
    if (given(vstart) && get_int(vstart, &st) < 0)
        return -1;
    if (given(vend) && get_int(vend, &en) < 0)
        return -1;
    if (st < 0)
        st = st + s->ncodes < 0 ? 0 : st + s->ncodes;
    if (en < 0)
        en = en + s->ncodes < 0 ? 0 : en + s->ncodes;
    if (en > s->ncodes)
        en = s->ncodes;
    if (st > s->ncodes) {
        *a = s->nbytes + 1; /* empty and past the end: nothing matches */
        *b = s->nbytes;
        return 0;
    }
    *a = str_byte_offset(s, st);
    *b = en < st ? *a : str_byte_offset(s, en);
    return 0;
}

static int64_t find_bytes(const char *h, int64_t a, int64_t b, const char *n,
                          int64_t nn, bool reverse)
{
    if (a > b || b - a < nn)
        return -1;
    if (!reverse) {
        for (int64_t i = a; i + nn <= b; i++)
            if (memcmp(h + i, n, (size_t)nn) == 0)
                return i;
    } else {
        for (int64_t i = b - nn; i >= a; i--)
            if (memcmp(h + i, n, (size_t)nn) == 0)
                return i;
    }
    return -1;
}

static Value find_common(Value *args, bool reverse, bool raise)
{
    const Str *s = as_str(args[0]);
    const char *n = "";
    int64_t nn = 0, a = 0, b = 0;
    if (arg_str(args[1], &n, &nn) < 0 ||
        str_range(s, args[2], args[3], &a, &b) < 0)
        return v_error();
    int64_t at = find_bytes(s->data, a, b, n, nn, reverse);
    if (at < 0) {
        if (raise)
            return rt_raise(ERR_VALUE, "substring not found");
        return v_int(-1);
    }
    return v_int(utf8_ncodes(s->data, at));
}

static Value m_find(Value *args)
{
    return find_common(args, false, false);
}
static Value m_rfind(Value *args)
{
    return find_common(args, true, false);
}
static Value m_index(Value *args)
{
    return find_common(args, false, true);
}
static Value m_rindex(Value *args)
{
    return find_common(args, true, true);
}

static Value m_count(Value *args)
{
    const Str *s = as_str(args[0]);
    const char *n = "";
    int64_t nn = 0, a = 0, b = 0;
    if (arg_str(args[1], &n, &nn) < 0 ||
        str_range(s, args[2], args[3], &a, &b) < 0)
        return v_error();
    if (a > b)
        return v_int(0);
    if (nn == 0)
        return v_int(utf8_ncodes(s->data + a, b - a) + 1);
    int64_t k = 0;
    for (int64_t i = a; i + nn <= b;) {
        if (memcmp(s->data + i, n, (size_t)nn) == 0) {
            k++;
            i += nn;
        } else {
            i++;
        }
    }
    return v_int(k);
}

/* startswith/endswith: prefix a str or a tuple of strs. */
static Value starts_ends(Value *args, bool ends, const char *name)
{
    const Str *s = as_str(args[0]);
    int64_t a, b;
    if (str_range(s, args[2], args[3], &a, &b) < 0)
        return v_error();
    int64_t np = 1;
    const Value *ps = &args[1];
    if (args[1].kind == VK_TUPLE)
        ps = seq_items(args[1], &np);
    for (int64_t i = 0; i < np; i++) {
        if (ps[i].kind != VK_STR)
            return rt_raise(ERR_TYPE,
                            args[1].kind == VK_TUPLE
                                ? "tuple for %s must only contain str, not %s"
                                : "%s first arg must be str or a tuple of "
                                  "str, not %s",
                            name, v_type_name(ps[i]));
        const Str *p = as_str(ps[i]);
        if (a > b || b - a < p->nbytes)
            continue;
        int64_t at = ends ? b - p->nbytes : a;
        if (memcmp(s->data + at, p->data, (size_t)p->nbytes) == 0)
            return v_bool(true);
    }
    return v_bool(false);
}

static Value m_startswith(Value *args)
{
    return starts_ends(args, false, "startswith");
}
static Value m_endswith(Value *args)
{
    return starts_ends(args, true, "endswith");
}

typedef uint32_t (*MapFn)(uint32_t);

static Value map_chars(Value self, MapFn f)
{
    const Str *s = as_str(self);
    TextBuf t = {0};
    for (int64_t i = 0; i < s->nbytes;) {
        int len;
        uint32_t c = decode(s->data + i, s->nbytes - i, &len);
        put_cp(&t, f(c));
        i += len;
    }
    return textbuf_finish(&t);
}

static Value m_upper(Value *args)
{
    return map_chars(args[0], to_upper);
}
static Value m_lower(Value *args)
{
    return map_chars(args[0], to_lower);
}
static uint32_t swap_case(uint32_t c)
{
    return is_upper_cp(c) ? to_lower(c) : to_upper(c);
}
static Value m_swapcase(Value *args)
{
    return map_chars(args[0], swap_case);
}

/* title (every word) or capitalize (only the first character). */
static Value title_like(Value self, bool title)
{
    const Str *s = as_str(self);
    TextBuf t = {0};
    bool prev_cased = false, first = true;
    for (int64_t i = 0; i < s->nbytes;) {
        int len;
        uint32_t c = decode(s->data + i, s->nbytes - i, &len);
        if (title) {
            put_cp(&t, prev_cased ? to_lower(c) : to_upper(c));
            prev_cased = is_cased(c);
        } else {
            put_cp(&t, first ? to_upper(c) : to_lower(c));
        }
        first = false;
        i += len;
    }
    return textbuf_finish(&t);
}

static Value m_title(Value *args)
{
    return title_like(args[0], true);
}
static Value m_capitalize(Value *args)
{
    return title_like(args[0], false);
}

typedef bool (*ClassFn)(uint32_t);

static Value all_chars(Value self, ClassFn f)
{
    const Str *s = as_str(self);
    if (s->nbytes == 0)
        return v_bool(false);
    for (int64_t i = 0; i < s->nbytes;) {
        int len;
        uint32_t c = decode(s->data + i, s->nbytes - i, &len);
        if (!f(c))
            return v_bool(false);
        i += len;
    }
    return v_bool(true);
}

static bool is_alnum_cp(uint32_t c)
{
    return is_alpha_cp(c) || is_digit_cp(c);
}
static Value m_isdigit(Value *args)
{
    return all_chars(args[0], is_digit_cp);
}
static Value m_isalpha(Value *args)
{
    return all_chars(args[0], is_alpha_cp);
}
static Value m_isalnum(Value *args)
{
    return all_chars(args[0], is_alnum_cp);
}
static Value m_isspace(Value *args)
{
    return all_chars(args[0], is_space_cp);
}

/* isupper/islower: at least one cased character, none of the other case. */
static Value case_test(Value self, bool upper)
{
    const Str *s = as_str(self);
    bool any = false;
    for (int64_t i = 0; i < s->nbytes;) {
        int len;
        uint32_t c = decode(s->data + i, s->nbytes - i, &len);
        if (upper ? is_lower_cp(c) : is_upper_cp(c))
            return v_bool(false);
        if (is_cased(c))
            any = true;
        i += len;
    }
    return v_bool(any);
}
static Value m_isupper(Value *args)
{
    return case_test(args[0], true);
}
static Value m_islower(Value *args)
{
    return case_test(args[0], false);
}

/* Is code point c in the set `chars` (a str), or whitespace when NULL. */
static bool in_set(uint32_t c, const Str *chars)
{
    if (!chars)
        return is_space_cp(c);
    for (int64_t i = 0; i < chars->nbytes;) {
        int len;
        if (decode(chars->data + i, chars->nbytes - i, &len) == c)
            return true;
        i += len;
    }
    return false;
}

/* Byte length of the code point ending just before byte b. */
static int prev_len(const char *s, int64_t b)
{
    int k = 1;
    while (k < 4 && b - k > 0 && ((unsigned char)s[b - k] & 0xC0) == 0x80)
        k++;
    return k;
}

static Value strip_common(Value *args, bool left, bool right)
{
    const Str *s = as_str(args[0]);
    const Str *chars = NULL;
    if (given(args[1])) {
        if (args[1].kind != VK_STR)
            return rt_raise(ERR_TYPE, "strip arg must be None or str");
        chars = as_str(args[1]);
    }
    int64_t a = 0, b = s->nbytes;
    while (left && a < b) {
        int len;
        uint32_t c = decode(s->data + a, b - a, &len);
        if (!in_set(c, chars))
            break;
        a += len;
    }
    while (right && b > a) {
        int len = prev_len(s->data, b), l2;
        uint32_t c = decode(s->data + b - len, len, &l2);
        if (!in_set(c, chars))
            break;
        b -= len;
    }
    return v_str_n(s->data + a, b - a);
}

static Value m_strip(Value *args)
{
    return strip_common(args, true, true);
}
static Value m_lstrip(Value *args)
{
    return strip_common(args, true, false);
}
static Value m_rstrip(Value *args)
{
    return strip_common(args, false, true);
}

static int push_part(Value list, const char *p, int64_t n)
{
    Value s = v_str_n(p, n);
    if (v_is_err(s))
        return -1;
    int rc = list_append(list, s);
    v_decref(s);
    return rc;
}

/* Reverse a list in place. */
static void reverse_items(List *l)
{
    for (int64_t i = 0, j = l->n - 1; i < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
}

static Value split_common(Value *args, bool reverse)
{
    const Str *s = as_str(args[0]);
    int64_t maxsplit = -1;
    if (given(args[2]) && get_int(args[2], &maxsplit) < 0)
        return v_error();
    const char *sep = NULL;
    int64_t nsep = 0;
    if (given(args[1])) {
        if (args[1].kind != VK_STR)
            return rt_raise(ERR_TYPE, "must be str or None, not %s",
                            v_type_name(args[1]));
        sep = as_str(args[1])->data;
        nsep = as_str(args[1])->nbytes;
        if (nsep == 0)
            return rt_raise(ERR_VALUE, "empty separator");
    }
    Value out = v_list_new(0);
    if (v_is_err(out))
        return out;
    const char *d = s->data;
    int64_t n = s->nbytes, splits = 0;
    if (sep) {
        if (!reverse) {
            int64_t a = 0;
            for (;;) {
                int64_t at = maxsplit >= 0 && splits >= maxsplit
                                 ? -1
                                 : find_bytes(d, a, n, sep, nsep, false);
                if (at < 0)
                    break;
                if (push_part(out, d + a, at - a) < 0)
                    goto fail;
                a = at + nsep;
                splits++;
            }
            if (push_part(out, d + a, n - a) < 0)
                goto fail;
        } else {
            int64_t b = n;
            for (;;) {
                int64_t at = maxsplit >= 0 && splits >= maxsplit
                                 ? -1
                                 : find_bytes(d, 0, b, sep, nsep, true);
                if (at < 0)
                    break;
                if (push_part(out, d + at + nsep, b - at - nsep) < 0)
                    goto fail;
                b = at;
                splits++;
            }
            if (push_part(out, d, b) < 0)
                goto fail;
            reverse_items(as_list(out));
        }
        return out;
    }
    /* Runs of whitespace separate; leading/trailing whitespace is dropped. */
    if (!reverse) {
        int64_t i = 0;
        for (;;) {
            int len;
            while (i < n && is_space_cp(decode(d + i, n - i, &len)))
                i += len;
            if (i >= n)
                break;
            if (maxsplit >= 0 && splits >= maxsplit) {
                int64_t e = n;
                while (e > i) {
                    int pl = prev_len(d, e), l2;
                    if (!is_space_cp(decode(d + e - pl, pl, &l2)))
                        break;
                    e -= pl;
                }
                if (push_part(out, d + i, e - i) < 0)
                    goto fail;
                break;
            }
            int64_t a = i;
            while (i < n && !is_space_cp(decode(d + i, n - i, &len)))
                i += len;
            if (push_part(out, d + a, i - a) < 0)
                goto fail;
            splits++;
        }
    } else {
        int64_t i = n;
        for (;;) {
            int l2;
            while (i > 0) {
                int pl = prev_len(d, i);
                if (!is_space_cp(decode(d + i - pl, pl, &l2)))
                    break;
                i -= pl;
            }
            if (i <= 0)
                break;
            if (maxsplit >= 0 && splits >= maxsplit) {
                int64_t a = 0;
                while (a < i && is_space_cp(decode(d + a, i - a, &l2)))
                    a += l2;
                if (push_part(out, d + a, i - a) < 0)
                    goto fail;
                break;
            }
            int64_t b = i;
            while (i > 0) {
                int pl = prev_len(d, i);
                if (is_space_cp(decode(d + i - pl, pl, &l2)))
                    break;
                i -= pl;
            }
            if (push_part(out, d + i, b - i) < 0)
                goto fail;
            splits++;
        }
        reverse_items(as_list(out));
    }
    return out;
fail:
    v_decref(out);
    return v_error();
}

static Value m_split(Value *args)
{
    return split_common(args, false);
}
static Value m_rsplit(Value *args)
{
    return split_common(args, true);
}

static Value m_splitlines(Value *args)
{
    const Str *s = as_str(args[0]);
    bool keep = false;
    if (given(args[1])) {
        int t = op_truth(args[1]);
        if (t < 0)
            return v_error();
        keep = t;
    }
    Value out = v_list_new(0);
    if (v_is_err(out))
        return out;
    const char *d = s->data;
    int64_t n = s->nbytes, a = 0, i = 0;
    while (i < n) {
        int len;
        uint32_t c = decode(d + i, n - i, &len);
        bool nl = c == '\n' || c == '\r' || c == 0x0B || c == 0x0C ||
                  (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
                  c == 0x2029;
        if (!nl) {
            i += len;
            continue;
        }
        int64_t end = i;
        i += len;
        if (c == '\r' && i < n && d[i] == '\n')
            i++;
        if (push_part(out, d + a, (keep ? i : end) - a) < 0) {
            v_decref(out);
            return v_error();
        }
        a = i;
    }
    if (a < n && push_part(out, d + a, n - a) < 0) {
        v_decref(out);
        return v_error();
    }
    return out;
}

static Value m_join(Value *args)
{
    const Str *sep = as_str(args[0]);
    Value items = to_list(args[1]);
    if (v_is_err(items))
        return items;
    List *l = as_list(items);
    TextBuf t = {0};
    for (int64_t i = 0; i < l->n; i++) {
        if (l->items[i].kind != VK_STR) {
            rt_raise(ERR_TYPE,
                     "sequence item %lld: expected str instance, "
                     "%s found",
                     (long long)i, v_type_name(l->items[i]));
            v_decref(items);
            textbuf_release(&t);
            return v_error();
        }
        if (i)
            textbuf_put(&t, sep->data, sep->nbytes);
        textbuf_put(&t, as_str(l->items[i])->data, as_str(l->items[i])->nbytes);
    }
    v_decref(items);
    return textbuf_finish(&t);
}

static Value m_replace(Value *args)
{
    const Str *s = as_str(args[0]);
    const char *old, *new_;
    int64_t nold, nnew, count = -1;
    if (args[1].kind != VK_STR)
        return rt_raise(ERR_TYPE, "replace() argument 1 must be str, not %s",
                        v_type_name(args[1]));
    if (args[2].kind != VK_STR)
        return rt_raise(ERR_TYPE, "replace() argument 2 must be str, not %s",
                        v_type_name(args[2]));
    arg_str(args[1], &old, &nold);
    arg_str(args[2], &new_, &nnew);
    if (given(args[3]) && get_int(args[3], &count) < 0)
        return v_error();
    TextBuf t = {0};
    int64_t i = 0, done = 0;
    if (nold == 0) {
        /* an empty pattern matches between every two code points */
        while (count < 0 || done < count) {
            textbuf_put(&t, new_, nnew);
            done++;
            if (i >= s->nbytes)
                break;
            int len;
            decode(s->data + i, s->nbytes - i, &len);
            textbuf_put(&t, s->data + i, len);
            i += len;
        }
        textbuf_put(&t, s->data + i, s->nbytes - i);
        return textbuf_finish(&t);
    }
    while (count < 0 || done < count) {
        int64_t at = find_bytes(s->data, i, s->nbytes, old, nold, false);
        if (at < 0)
            break;
        textbuf_put(&t, s->data + i, at - i);
        textbuf_put(&t, new_, nnew);
        i = at + nold;
        done++;
    }
    textbuf_put(&t, s->data + i, s->nbytes - i);
    return textbuf_finish(&t);
}

/* center/ljust/rjust: pad to `width` code points with `fillchar`. */
static Value pad_common(Value *args, int how)
{
    const Str *s = as_str(args[0]);
    int64_t width;
    if (get_int(args[1], &width) < 0)
        return v_error();
    const char *fill = " ";
    int64_t nfill = 1;
    if (given(args[2])) {
        if (args[2].kind != VK_STR || as_str(args[2])->ncodes != 1)
            return rt_raise(ERR_TYPE, "The fill character must be exactly "
                                      "one character long");
        fill = as_str(args[2])->data;
        nfill = as_str(args[2])->nbytes;
    }
    int64_t pad = width - s->ncodes;
    if (pad <= 0) {
        v_incref(args[0]);
        return args[0];
    }
    int64_t left = how < 0 ? 0 : how > 0 ? pad : pad / 2 + (pad & width & 1);
    TextBuf t = {0};
    if (pad > (INT64_MAX - s->nbytes) / 4)
        return nomem();
    textbuf_reserve(&t, s->nbytes + pad * nfill);
    for (int64_t i = 0; i < left && !t.failed; i++)
        textbuf_put(&t, fill, nfill);
    textbuf_put(&t, s->data, s->nbytes);
    for (int64_t i = left; i < pad && !t.failed; i++)
        textbuf_put(&t, fill, nfill);
    return textbuf_finish(&t);
}

static Value m_center(Value *args)
{
    return pad_common(args, 0);
}
static Value m_ljust(Value *args)
{
    return pad_common(args, -1);
}
static Value m_rjust(Value *args)
{
    return pad_common(args, 1);
}

static Value m_zfill(Value *args)
{
    const Str *s = as_str(args[0]);
    int64_t width;
    if (get_int(args[1], &width) < 0)
        return v_error();
    int64_t pad = width - s->ncodes;
    if (pad <= 0) {
        v_incref(args[0]);
        return args[0];
    }
    if (pad > INT64_MAX / 4 - s->nbytes)
        return nomem();
    TextBuf t = {0};
    textbuf_reserve(&t, s->nbytes + pad);
    int64_t a = 0;
    if (s->nbytes && (s->data[0] == '+' || s->data[0] == '-')) {
        textbuf_putc(&t, s->data[0]);
        a = 1;
    }
    for (int64_t i = 0; i < pad && !t.failed; i++)
        textbuf_putc(&t, '0');
    textbuf_put(&t, s->data + a, s->nbytes - a);
    return textbuf_finish(&t);
}

static Value partition_common(Value *args, bool reverse)
{
    const Str *s = as_str(args[0]);
    const char *sep = "";
    int64_t nsep = 0;
    if (arg_str(args[1], &sep, &nsep) < 0)
        return v_error();
    if (nsep == 0)
        return rt_raise(ERR_VALUE, "empty separator");
    int64_t at = find_bytes(s->data, 0, s->nbytes, sep, nsep, reverse);
    Value t = v_tuple_new(3);
    if (v_is_err(t))
        return t;
    Value parts[3];
    if (at < 0) {
        parts[0] = reverse ? v_str("") : v_str_n(s->data, s->nbytes);
        parts[1] = v_str("");
        parts[2] = reverse ? v_str_n(s->data, s->nbytes) : v_str("");
    } else {
        parts[0] = v_str_n(s->data, at);
        parts[1] = v_str_n(sep, nsep);
        parts[2] = v_str_n(s->data + at + nsep, s->nbytes - at - nsep);
    }
    bool bad = false;
    for (int i = 0; i < 3; i++) {
        if (v_is_err(parts[i]))
            bad = true;
        else
            tuple_set_take(t, i, parts[i]);
    }
    if (bad) {
        v_decref(t);
        return v_error();
    }
    return t;
}

static Value m_partition(Value *args)
{
    return partition_common(args, false);
}
static Value m_rpartition(Value *args)
{
    return partition_common(args, true);
}

/* ---------------------------------------------------------- str.format */

/* The value a field name selects: "0", "", "name", then .attr / [key]
 * accessors.  *auto_idx numbers the empty names; *mode remembers which
 * numbering is in use (0 none yet, 1 automatic, 2 manual). */
static Value field_value(const char *f, int64_t n, Value posargs, Value kwargs,
                         int64_t *auto_idx, int *mode)
{
    int64_t i = 0;
    while (i < n && f[i] != '.' && f[i] != '[')
        i++;
    Value v;
    bool numeric = i > 0;
    for (int64_t k = 0; k < i; k++)
        if (f[k] < '0' || f[k] > '9')
            numeric = false;
    int64_t npos = posargs.kind == VK_TUPLE ? as_tuple(posargs)->n : 0;
    if (i == 0 || numeric) {
        int64_t idx = 0;
        if (i == 0) {
            if (*mode == 2)
                return rt_raise(ERR_VALUE,
                                "cannot switch from manual field "
                                "specification to automatic field numbering");
            *mode = 1;
            idx = (*auto_idx)++;
        } else {
            if (*mode == 1)
                return rt_raise(ERR_VALUE,
                                "cannot switch from automatic field "
                                "numbering to manual field specification");
            *mode = 2;
            for (int64_t k = 0; k < i; k++) {
                if (idx > (INT64_MAX - 9) / 10)
                    return rt_raise(ERR_VALUE, "Too many decimal digits in "
                                               "format string");
                idx = idx * 10 + (f[k] - '0');
            }
        }
        if (idx >= npos)
            return rt_raise(ERR_INDEX,
                            "Replacement index %lld out of range "
                            "for positional args tuple",
                            (long long)idx);
        v = as_tuple(posargs)->items[idx];
        v_incref(v);
    } else {
        Value key = v_str_n(f, i);
        if (v_is_err(key))
            return key;
        Value w = kwargs.kind == VK_DICT ? dict_get(kwargs, key) : v_unset();
        if (w.kind == VK_UNSET) {
            Value r = v_to_repr(key);
            v_decref(key);
            if (v_is_err(r))
                return r;
            rt_raise(ERR_KEY, "%s", as_str(r)->data);
            v_decref(r);
            return v_error();
        }
        v_decref(key);
        if (v_is_err(w))
            return w;
        v = w;
        v_incref(v);
    }
    /* accessors */
    while (i < n) {
        Value next;
        if (f[i] == '.') {
            int64_t a = ++i;
            while (i < n && f[i] != '.' && f[i] != '[')
                i++;
            if (i == a) {
                v_decref(v);
                return rt_raise(ERR_VALUE, "Empty attribute in format string");
            }
            char *name = nd_malloc((size_t)(i - a) + 1);
            if (!name) {
                v_decref(v);
                return rt_from_lib();
            }
            memcpy(name, f + a, (size_t)(i - a));
            name[i - a] = 0;
            next = op_getattr(v, name);
            free(name);
        } else {
            int64_t a = ++i;
            while (i < n && f[i] != ']')
                i++;
            if (i >= n || i == a) {
                v_decref(v);
                return rt_raise(ERR_VALUE,
                                i >= n ? "Missing ']' in format string"
                                       : "Empty attribute in format string");
            }
            bool digits = true;
            int64_t idx = 0;
            for (int64_t k = a; k < i; k++) {
                if (f[k] < '0' || f[k] > '9' || idx > INT64_MAX / 10 - 9)
                    digits = false;
                else
                    idx = idx * 10 + (f[k] - '0');
            }
            Value key = digits ? v_int(idx) : v_str_n(f + a, i - a);
            if (v_is_err(key)) {
                v_decref(v);
                return key;
            }
            next = op_getitem(v, key);
            v_decref(key);
            i++; /* ']' */
            if (i < n && f[i] != '.' && f[i] != '[') {
                v_decref(v);
                v_decref(next);
                return rt_raise(ERR_VALUE, "Only '.' or '[' may follow ']' "
                                           "in format field specifier");
            }
        }
        v_decref(v);
        if (v_is_err(next))
            return next;
        v = next;
    }
    return v;
}

static int format_into(TextBuf *out, const char *fmt, int64_t n, Value posargs,
                       Value kwargs, int64_t *auto_idx, int *mode, int depth);

/* One replacement field's text {name!conv:spec} (without the braces). */
static int format_field(TextBuf *out, const char *f, int64_t n, Value posargs,
                        Value kwargs, int64_t *auto_idx, int *mode, int depth)
{
    /* the name ends at the first '!' or ':' outside [] */
    int64_t i = 0;
    bool in_br = false;
    for (; i < n; i++) {
        if (f[i] == '[')
            in_br = true;
        else if (f[i] == ']')
            in_br = false;
        else if (!in_br && (f[i] == '!' || f[i] == ':'))
            break;
    }
    int64_t name_end = i;
    char conv = 0;
    if (i < n && f[i] == '!') {
        if (i + 1 >= n)
            return rt_fail(ERR_VALUE, "end of string while looking for "
                                      "conversion specifier");
        conv = f[i + 1];
        i += 2;
        if (i < n && f[i] != ':')
            return rt_fail(ERR_VALUE, "expected ':' after conversion "
                                      "specifier");
        if (conv != 'r' && conv != 's' && conv != 'a')
            return rt_fail(ERR_VALUE, "Unknown conversion specifier %c", conv);
    }
    const char *spec = "";
    int64_t nspec = 0;
    if (i < n && f[i] == ':') {
        spec = f + i + 1;
        nspec = n - i - 1;
    }
    Value v = field_value(f, name_end, posargs, kwargs, auto_idx, mode);
    if (v_is_err(v))
        return -1;
    if (conv) {
        Value c = conv == 's' ? v_to_str(v) : v_to_repr(v);
        v_decref(v);
        if (v_is_err(c))
            return -1;
        v = c;
    }
    /* a spec may itself hold {fields} */
    TextBuf sb = {0};
    if (memchr(spec, '{', (size_t)nspec)) {
        if (depth >= 2) {
            v_decref(v);
            return rt_fail(ERR_VALUE, "Max string recursion exceeded");
        }
        if (format_into(&sb, spec, nspec, posargs, kwargs, auto_idx, mode,
                        depth + 1) < 0) {
            v_decref(v);
            textbuf_release(&sb);
            return -1;
        }
        spec = sb.data ? sb.data : "";
        nspec = sb.len;
    }
    int rc;
    if (nspec == 0) {
        rc = v_str_into(out, v);
    } else {
        Value s = format_with_spec(v, spec, (size_t)nspec);
        rc = v_is_err(s) ? -1 : 0;
        if (rc == 0 && s.kind == VK_STR)
            textbuf_put(out, as_str(s)->data, as_str(s)->nbytes);
        v_decref(s);
    }
    textbuf_release(&sb);
    v_decref(v);
    return rc;
}

static int format_into(TextBuf *out, const char *fmt, int64_t n, Value posargs,
                       Value kwargs, int64_t *auto_idx, int *mode, int depth)
{
    int64_t i = 0;
    while (i < n) {
        char c = fmt[i];
        if (c == '}') {
            if (i + 1 < n && fmt[i + 1] == '}') {
                textbuf_putc(out, '}');
                i += 2;
                continue;
            }
            return rt_fail(ERR_VALUE,
                           "Single '}' encountered in format string");
        }
        if (c != '{') {
            int64_t a = i;
            while (i < n && fmt[i] != '{' && fmt[i] != '}')
                i++;
            textbuf_put(out, fmt + a, i - a);
            continue;
        }
        if (i + 1 < n && fmt[i + 1] == '{') {
            textbuf_putc(out, '{');
            i += 2;
            continue;
        }
        /* find the matching '}' (nested {} inside the spec) */
        int64_t a = i + 1, level = 1;
        i++;
        while (i < n && level > 0) {
            if (fmt[i] == '{')
                level++;
            else if (fmt[i] == '}')
                level--;
            if (level > 0)
                i++;
        }
        if (level > 0)
            return rt_fail(ERR_VALUE, i >= n && a < n
                                          ? "expected '}' before end of "
                                            "string"
                                          : "Single '{' encountered in "
                                            "format string");
        if (format_field(out, fmt + a, i - a, posargs, kwargs, auto_idx, mode,
                         depth) < 0)
            return -1;
        i++; /* '}' */
    }
    return out->failed ? -1 : 0;
}

static Value m_format(Value *args)
{
    const Str *s = as_str(args[0]);
    TextBuf out = {0};
    int64_t auto_idx = 0;
    int mode = 0;
    if (format_into(&out, s->data, s->nbytes, args[1], args[2], &auto_idx,
                    &mode, 0) < 0) {
        textbuf_release(&out);
        return v_error();
    }
    return textbuf_finish(&out);
}

/* ===================================================== list methods */

static Value m_append(Value *args)
{
    if (list_append(args[0], args[1]) < 0)
        return v_error();
    return v_none();
}

static Value m_extend(Value *args)
{
    if (list_extend(args[0], args[1]) < 0)
        return v_error();
    return v_none();
}

static Value m_insert(Value *args)
{
    List *l = as_list(args[0]);
    int64_t i;
    if (get_int(args[1], &i) < 0)
        return v_error();
    if (i < 0)
        i = i + l->n < 0 ? 0 : i + l->n;
    if (i > l->n)
        i = l->n;
    if (list_append(args[0], args[2]) < 0)
        return v_error();
    Value x = l->items[l->n - 1];
    memmove(l->items + i + 1, l->items + i,
            (size_t)(l->n - 1 - i) * sizeof(Value));
    l->items[i] = x;
    return v_none();
}

static Value m_pop(Value *args)
{
    List *l = as_list(args[0]);
    int64_t i = -1;
    if (given(args[1]) && get_int(args[1], &i) < 0)
        return v_error();
    if (l->n == 0)
        return rt_raise(ERR_INDEX, "pop from empty list");
    if (i < 0)
        i += l->n;
    if (i < 0 || i >= l->n)
        return rt_raise(ERR_INDEX, "pop index out of range");
    Value x = l->items[i];
    memmove(l->items + i, l->items + i + 1,
            (size_t)(l->n - 1 - i) * sizeof(Value));
    l->n--;
    return x; /* the list's reference moves to the caller */
}

static int64_t list_find(List *l, Value x)
{
    for (int64_t i = 0; i < l->n; i++)
        if (v_equal(l->items[i], x))
            return i;
    return -1;
}

static Value m_remove(Value *args)
{
    List *l = as_list(args[0]);
    int64_t i = list_find(l, args[1]);
    if (i < 0)
        return rt_raise(ERR_VALUE, "list.remove(x): x not in list");
    Value x = l->items[i];
    memmove(l->items + i, l->items + i + 1,
            (size_t)(l->n - 1 - i) * sizeof(Value));
    l->n--;
    v_decref(x);
    return v_none();
}

static Value m_list_index(Value *args)
{
    List *l = as_list(args[0]);
    int64_t i = list_find(l, args[1]);
    if (i < 0) {
        Value r = v_to_repr(args[1]);
        if (v_is_err(r))
            return r;
        rt_raise(ERR_VALUE, "%s is not in list", as_str(r)->data);
        v_decref(r);
        return v_error();
    }
    return v_int(i);
}

static Value m_list_count(Value *args)
{
    List *l = as_list(args[0]);
    int64_t k = 0;
    for (int64_t i = 0; i < l->n; i++)
        if (v_equal(l->items[i], args[1]))
            k++;
    return v_int(k);
}

static Value m_reverse(Value *args)
{
    reverse_items(as_list(args[0]));
    return v_none();
}

static Value m_list_copy(Value *args)
{
    List *l = as_list(args[0]);
    return seq_from(VK_LIST, l->items, l->n);
}

static Value m_list_clear(Value *args)
{
    List *l = as_list(args[0]);
    Value *items = l->items;
    int64_t n = l->n;
    l->items = NULL;
    l->n = l->cap = 0;
    for (int64_t i = 0; i < n; i++)
        v_decref(items[i]);
    free(items);
    return v_none();
}

/* Ordering for sort: numbers (not complex) among themselves, strs among
 * themselves, tuples/lists lexicographically.  -2 with TypeError when the
 * two cannot be ordered. */
static int order(Value a, Value b)
{
    if (a.kind == VK_SCALAR && b.kind == VK_SCALAR &&
        nd_dtype_kind((NdType)a.dtype) != ND_KIND_COMPLEX &&
        nd_dtype_kind((NdType)b.dtype) != ND_KIND_COMPLEX) {
        int64_t i, j;
        if (scalar_int(a, &i) && scalar_int(b, &j) && a.dtype != ND_UINT64 &&
            b.dtype != ND_UINT64)
            return i < j ? -1 : i > j;
        NdScalar x = v_to_ndscalar(a), y = v_to_ndscalar(b), fx, fy;
        nd_scalar_cast(&x, ND_FLOAT64, &fx);
        nd_scalar_cast(&y, ND_FLOAT64, &fy);
        return fx.v.f64 < fy.v.f64 ? -1 : fx.v.f64 > fy.v.f64;
    }
    if (a.kind == VK_STR && b.kind == VK_STR) {
        int c = str_compare(a, b);
        return c < 0 ? -1 : c > 0;
    }
    if (a.kind == b.kind && (a.kind == VK_TUPLE || a.kind == VK_LIST)) {
        int64_t na, nb;
        const Value *xa = seq_items(a, &na), *xb = seq_items(b, &nb);
        for (int64_t i = 0; i < na && i < nb; i++) {
            if (v_equal(xa[i], xb[i]))
                continue;
            return order(xa[i], xb[i]);
        }
        return na < nb ? -1 : na > nb;
    }
    rt_raise(ERR_TYPE, "'<' not supported between instances of '%s' and '%s'",
             v_type_name(a), v_type_name(b));
    return -2;
}

/* Stable merge sort of idx[0..n) by keys[idx[i]]; -1 on a TypeError. */
static int merge_sort(int64_t *idx, int64_t *tmp, int64_t n, const Value *keys,
                      bool rev)
{
    if (n < 2)
        return 0;
    int64_t h = n / 2;
    if (merge_sort(idx, tmp, h, keys, rev) < 0 ||
        merge_sort(idx + h, tmp, n - h, keys, rev) < 0)
        return -1;
    int64_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        int c = order(keys[idx[j]], keys[idx[i]]);
        if (c == -2)
            return -1;
        /* take from the right only when strictly before (stability);
         * reversed: when strictly after */
        bool right = rev ? c > 0 : c < 0;
        tmp[k++] = right ? idx[j++] : idx[i++];
    }
    while (i < h)
        tmp[k++] = idx[i++];
    while (j < n)
        tmp[k++] = idx[j++];
    memcpy(idx, tmp, (size_t)n * sizeof(int64_t));
    return 0;
}

static Value m_sort(Value *args)
{
    List *l = as_list(args[0]);
    bool rev = false;
    if (given(args[2])) {
        int t = op_truth(args[2]);
        if (t < 0)
            return v_error();
        rev = t;
    }
    int64_t n = l->n;
    if (n < 2)
        return v_none();
    /* Work on a snapshot so a key function that changes the list cannot
     * corrupt it. */
    Value snap = seq_from(VK_LIST, l->items, n);
    if (v_is_err(snap))
        return snap;
    Value keys = snap;
    v_incref(keys);
    if (given(args[1])) {
        v_decref(keys);
        keys = v_list_new(n);
        if (v_is_err(keys)) {
            v_decref(snap);
            return keys;
        }
        for (int64_t i = 0; i < n; i++) {
            Value k = call_value(args[1], &as_list(snap)->items[i], 1, NULL, 0);
            if (v_is_err(k) || list_append(keys, k) < 0) {
                v_decref(k);
                v_decref(keys);
                v_decref(snap);
                return v_error();
            }
            v_decref(k);
        }
    }
    int64_t *idx = nd_malloc((size_t)n * 2 * sizeof(int64_t));
    if (!idx) {
        v_decref(keys);
        v_decref(snap);
        return rt_from_lib();
    }
    for (int64_t i = 0; i < n; i++)
        idx[i] = i;
    int rc = merge_sort(idx, idx + n, n, as_list(keys)->items, rev);
    if (rc == 0) {
        /* Put the sorted snapshot back: the list keeps its own references
         * (the snapshot's are dropped with it). */
        Value res = v_list_new(n);
        if (v_is_err(res)) {
            rc = -1;
        } else {
            for (int64_t i = 0; i < n; i++)
                list_append(res, as_list(snap)->items[idx[i]]);
            List *r = as_list(res);
            Value *tmp_items = l->items;
            int64_t tmp_n = l->n, tmp_cap = l->cap;
            l->items = r->items;
            l->n = r->n;
            l->cap = r->cap;
            r->items = tmp_items;
            r->n = tmp_n;
            r->cap = tmp_cap;
            v_decref(res);
        }
    }
    free(idx);
    v_decref(keys);
    v_decref(snap);
    return rc < 0 ? v_error() : v_none();
}

/* ===================================================== dict methods */

static Value m_keys(Value *args)
{
    return to_list(args[0]);
}

static Value m_values(Value *args)
{
    Dict *d = as_dict(args[0]);
    Value r = v_list_new(d->n);
    if (v_is_err(r))
        return r;
    for (int64_t i = 0; i < d->used; i++)
        if (d->entries[i].key.kind != VK_UNSET)
            list_append(r, d->entries[i].value);
    return r;
}

static Value m_items(Value *args)
{
    Dict *d = as_dict(args[0]);
    Value r = v_list_new(d->n);
    if (v_is_err(r))
        return r;
    for (int64_t i = 0; i < d->used; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key.kind == VK_UNSET)
            continue;
        Value t = v_tuple_new(2);
        if (v_is_err(t)) {
            v_decref(r);
            return t;
        }
        v_incref(e->key);
        v_incref(e->value);
        tuple_set_take(t, 0, e->key);
        tuple_set_take(t, 1, e->value);
        list_append(r, t);
        v_decref(t);
    }
    return r;
}

static Value m_get(Value *args)
{
    Value v = dict_get(args[0], args[1]);
    if (v_is_err(v))
        return v;
    if (v.kind == VK_UNSET)
        v = args[2].kind == VK_UNSET ? v_none() : args[2];
    v_incref(v);
    return v;
}

static Value m_dict_pop(Value *args)
{
    Value v = dict_get(args[0], args[1]);
    if (v_is_err(v))
        return v;
    if (v.kind == VK_UNSET) {
        if (args[2].kind != VK_UNSET) {
            v_incref(args[2]);
            return args[2];
        }
        Value r = v_to_repr(args[1]);
        if (v_is_err(r))
            return r;
        rt_raise(ERR_KEY, "%s", as_str(r)->data);
        v_decref(r);
        return v_error();
    }
    v_incref(v);
    if (dict_del(args[0], args[1]) < 0) {
        v_decref(v);
        return v_error();
    }
    return v;
}

static Value m_setdefault(Value *args)
{
    Value v = dict_get(args[0], args[1]);
    if (v_is_err(v))
        return v;
    if (v.kind == VK_UNSET) {
        v = args[2].kind == VK_UNSET ? v_none() : args[2];
        if (dict_set(args[0], args[1], v) < 0)
            return v_error();
    }
    v_incref(v);
    return v;
}

static Value m_update(Value *args)
{
    Value other = args[1];
    if (other.kind == VK_UNSET)
        return v_none();
    if (other.kind == VK_DICT) {
        /* snapshot: other may be the dict itself */
        Value items = m_items(&other);
        if (v_is_err(items))
            return items;
        List *l = as_list(items);
        for (int64_t i = 0; i < l->n; i++) {
            Tuple *t = as_tuple(l->items[i]);
            if (dict_set(args[0], t->items[0], t->items[1]) < 0) {
                v_decref(items);
                return v_error();
            }
        }
        v_decref(items);
        return v_none();
    }
    Value items = to_list(other);
    if (v_is_err(items))
        return items;
    List *l = as_list(items);
    for (int64_t i = 0; i < l->n; i++) {
        Value p = l->items[i];
        int64_t n = 0;
        if (p.kind == VK_LIST || p.kind == VK_TUPLE)
            seq_items(p, &n);
        if (n != 2) {
            v_decref(items);
            if (p.kind != VK_LIST && p.kind != VK_TUPLE)
                return rt_raise(ERR_TYPE,
                                "cannot convert dictionary update sequence "
                                "element #%lld to a sequence",
                                (long long)i);
            return rt_raise(ERR_VALUE,
                            "dictionary update sequence element #%lld has "
                            "length %lld; 2 is required",
                            (long long)i, (long long)n);
        }
        const Value *kv = seq_items(p, &n);
        if (dict_set(args[0], kv[0], kv[1]) < 0) {
            v_decref(items);
            return v_error();
        }
    }
    v_decref(items);
    return v_none();
}

static Value m_dict_copy(Value *args)
{
    Value r = v_dict_new();
    if (v_is_err(r))
        return r;
    Dict *d = as_dict(args[0]);
    for (int64_t i = 0; i < d->used; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key.kind != VK_UNSET && dict_set(r, e->key, e->value) < 0) {
            v_decref(r);
            return v_error();
        }
    }
    return r;
}

static Value m_dict_clear(Value *args)
{
    Dict *d = as_dict(args[0]);
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
    return v_none();
}

static Value m_popitem(Value *args)
{
    Dict *d = as_dict(args[0]);
    for (int64_t i = d->used - 1; i >= 0; i--) {
        DictEntry *e = &d->entries[i];
        if (e->key.kind == VK_UNSET)
            continue;
        Value t = v_tuple_new(2);
        if (v_is_err(t))
            return t;
        v_incref(e->key);
        v_incref(e->value);
        tuple_set_take(t, 0, e->key);
        tuple_set_take(t, 1, e->value);
        if (dict_del(args[0], as_tuple(t)->items[0]) < 0) {
            v_decref(t);
            return v_error();
        }
        return t;
    }
    return rt_raise(ERR_KEY, "'popitem(): dictionary is empty'");
}

/* ======================================================== the tables */

#define STR_RANGE_PARAMS "self, sub, start=None, end=None"

static const BuiltinDef str_defs[] = {
    {"capitalize", m_capitalize, "self",
     "Return a copy with the first character upper case, the rest lower "
     "case.\n\n"
     ">>> print(\"hello WORLD\".capitalize())\nHello world\n"},
    {"center", m_center, "self, width, fillchar=' '",
     "Return the string centred in `width` code points, padded with "
     "fillchar.\n\n"
     ">>> print(\"[\" + \"ab\".center(6, \"*\") + \"]\")\n[**ab**]\n"},
    {"count", m_count, STR_RANGE_PARAMS,
     "Return the number of non-overlapping occurrences of sub.\n\n"
     "start and end (code points) restrict the search as a slice would.\n\n"
     ">>> print(\"banana\".count(\"an\"))\n2\n"},
    {"endswith", m_endswith, "self, suffix, start=None, end=None",
     "Return True when the string ends with suffix (a str or a tuple of "
     "strs).\n\n"
     ">>> print(\"data.nd\".endswith(\".nd\"))\nTrue\n"},
    {"find", m_find, STR_RANGE_PARAMS,
     "Return the lowest index (in code points) where sub is found, or -1."
     "\n\n"
     ">>> print(\"héllo\".find(\"l\"))\n2\n"
     ">>> print(\"hello\".find(\"z\"))\n-1\n"},
    {"format", m_format, "self, *args, **kwargs",
     "Return the string with its {} fields replaced by the arguments.\n\n"
     "Fields are Python's: {} takes the next positional argument, {0} a "
     "numbered one, {name} a keyword argument, {0[1]} and {0.shape} index "
     "into it, !r and !s convert with repr() or str(), and :spec is the "
     "format mini-language (as format()); a spec may hold {fields} itself. "
     "{{ and }} are literal braces.\n\n"
     ">>> print(\"{} + {} = {:.2f}\".format(1, 2, 3))\n1 + 2 = 3.00\n"
     ">>> print(\"{1}{0}{1}\".format(\"a\", \"b\"))\nbab\n"
     ">>> print(\"{name}: {x:>{w}}|\".format(name=\"v\", x=5, w=3))\n"
     "v:   5|\n"},
    {"index", m_index, STR_RANGE_PARAMS,
     "Like find(), but raise ValueError when sub is not found.\n\n"
     ">>> print(\"hello\".index(\"lo\"))\n3\n"},
    {"isalnum", m_isalnum, "self",
     "Return True when the string is non-empty and all letters or digits."
     "\n\n"
     ">>> print(\"abc123\".isalnum())\nTrue\n"},
    {"isalpha", m_isalpha, "self",
     "Return True when the string is non-empty and all letters.\n\n"
     ">>> print(\"héllo\".isalpha())\nTrue\n"},
    {"isdigit", m_isdigit, "self",
     "Return True when the string is non-empty and all digits.\n\n"
     ">>> print(\"2024\".isdigit())\nTrue\n"
     ">>> print(\"3.5\".isdigit())\nFalse\n"},
    {"islower", m_islower, "self",
     "Return True when the string has cased letters and all are lower "
     "case.\n\n"
     ">>> print(\"abc1\".islower())\nTrue\n"},
    {"isspace", m_isspace, "self",
     "Return True when the string is non-empty and all whitespace.\n\n"
     ">>> print(\" \\t\\n\".isspace())\nTrue\n"},
    {"isupper", m_isupper, "self",
     "Return True when the string has cased letters and all are upper "
     "case.\n\n"
     ">>> print(\"ABC\".isupper())\nTrue\n"},
    {"join", m_join, "self, iterable",
     "Return the strs of iterable joined with this string between them."
     "\n\n"
     ">>> print(\", \".join([\"a\", \"b\", \"c\"]))\na, b, c\n"},
    {"ljust", m_ljust, "self, width, fillchar=' '",
     "Return the string left-justified in `width` code points.\n\n"
     ">>> print(\"ab\".ljust(5, \".\") + \"|\")\nab...|\n"},
    {"lower", m_lower, "self",
     "Return a copy with every letter in lower case.\n\n"
     ">>> print(\"ÀB C\".lower())\nàb c\n"},
    {"lstrip", m_lstrip, "self, chars=None",
     "Return a copy without leading whitespace (or characters in chars)."
     "\n\n"
     ">>> print(\"xxhixx\".lstrip(\"x\"))\nhixx\n"},
    {"partition", m_partition, "self, sep",
     "Split at the first sep: a tuple (before, sep, after).\n\n"
     ">>> print(\"key=value=x\".partition(\"=\"))\n('key', '=', 'value=x')\n"},
    {"replace", m_replace, "self, old, new, count=-1",
     "Return a copy with occurrences of old replaced by new (at most count "
     "of them when count >= 0).\n\n"
     ">>> print(\"a-b-c\".replace(\"-\", \"+\"))\na+b+c\n"
     ">>> print(\"a-b-c\".replace(\"-\", \"\", 1))\nab-c\n"},
    {"rfind", m_rfind, STR_RANGE_PARAMS,
     "Return the highest index (in code points) where sub is found, or -1."
     "\n\n"
     ">>> print(\"hello\".rfind(\"l\"))\n3\n"},
    {"rindex", m_rindex, STR_RANGE_PARAMS,
     "Like rfind(), but raise ValueError when sub is not found.\n\n"
     ">>> print(\"hello\".rindex(\"l\"))\n3\n"},
    {"rjust", m_rjust, "self, width, fillchar=' '",
     "Return the string right-justified in `width` code points.\n\n"
     ">>> print(\"42\".rjust(5, \"0\"))\n00042\n"},
    {"rpartition", m_rpartition, "self, sep",
     "Split at the last sep: a tuple (before, sep, after).\n\n"
     ">>> print(\"a.b.c\".rpartition(\".\"))\n('a.b', '.', 'c')\n"},
    {"rsplit", m_rsplit, "self, sep=None, maxsplit=-1",
     "Like split(), but maxsplit counts splits from the right.\n\n"
     ">>> print(\"a,b,c\".rsplit(\",\", 1))\n['a,b', 'c']\n"},
    {"rstrip", m_rstrip, "self, chars=None",
     "Return a copy without trailing whitespace (or characters in chars)."
     "\n\n"
     ">>> print(\"line\\n\".rstrip() + \"|\")\nline|\n"},
    {"split", m_split, "self, sep=None, maxsplit=-1",
     "Return a list of the parts of the string separated by sep.\n\n"
     "Without sep, runs of whitespace separate and leading or trailing "
     "whitespace gives no empty parts.  maxsplit >= 0 limits the number of "
     "splits.\n\n"
     ">>> print(\"a,b,,c\".split(\",\"))\n['a', 'b', '', 'c']\n"
     ">>> print(\"  one two\\tthree \".split())\n['one', 'two', 'three']\n"},
    {"splitlines", m_splitlines, "self, keepends=False",
     "Return a list of the lines of the string (\\n, \\r\\n and \\r end "
     "lines).\n\n"
     ">>> print(\"one\\ntwo\\r\\nthree\".splitlines())\n"
     "['one', 'two', 'three']\n"},
    {"startswith", m_startswith, "self, prefix, start=None, end=None",
     "Return True when the string starts with prefix (a str or a tuple of "
     "strs).\n\n"
     ">>> print(\"nd-lang\".startswith(\"nd\"))\nTrue\n"},
    {"strip", m_strip, "self, chars=None",
     "Return a copy without leading and trailing whitespace (or characters "
     "in chars).\n\n"
     ">>> print(\"[\" + \"  hi  \".strip() + \"]\")\n[hi]\n"},
    {"swapcase", m_swapcase, "self",
     "Return a copy with upper case letters made lower case and the other "
     "way round.\n\n"
     ">>> print(\"Hello\".swapcase())\nhELLO\n"},
    {"title", m_title, "self",
     "Return a copy where each word starts upper case and goes on lower "
     "case.\n\n"
     ">>> print(\"the nd language\".title())\nThe Nd Language\n"},
    {"upper", m_upper, "self",
     "Return a copy with every letter in upper case.\n\n"
     ">>> print(\"café au lait\".upper())\nCAFÉ AU LAIT\n"},
    {"zfill", m_zfill, "self, width",
     "Pad with zeros on the left to `width` code points, after any sign."
     "\n\n"
     ">>> print(\"-42\".zfill(6))\n-00042\n"},
};

static const BuiltinDef list_defs[] = {
    {"append", m_append, "self, x",
     "Add x at the end of the list.\n\n"
     ">>> L = [\"a\"]\n>>> L.append(2)\n>>> print(L)\n['a', 2]\n"},
    {"clear", m_list_clear, "self",
     "Remove every item.\n\n"
     ">>> L = [\"a\", \"b\"]\n>>> L.clear()\n>>> print(L)\n[]\n"},
    {"copy", m_list_copy, "self",
     "Return a shallow copy of the list.\n\n"
     ">>> L = [\"a\"]\n>>> M = L.copy()\n>>> M.append(\"b\")\n"
     ">>> print(L, M)\n['a'] ['a', 'b']\n"},
    {"count", m_list_count, "self, x",
     "Return how many items equal x.\n\n"
     ">>> print([\"a\", 1, 1.0, True].count(1))\n3\n"},
    {"extend", m_extend, "self, iterable",
     "Append every item of iterable (a list, tuple, str, dict, range or "
     "array).\n\n"
     ">>> L = [\"a\"]\n>>> L.extend(range(2))\n>>> print(L)\n['a', 0, 1]\n"},
    {"index", m_list_index, "self, x",
     "Return the index of the first item equal to x (ValueError when there "
     "is none).\n\n"
     ">>> print([\"a\", \"b\"].index(\"b\"))\n1\n"},
    {"insert", m_insert, "self, i, x",
     "Insert x before position i (negative counts from the end).\n\n"
     ">>> L = [\"a\", \"c\"]\n>>> L.insert(1, \"b\")\n>>> print(L)\n"
     "['a', 'b', 'c']\n"},
    {"pop", m_pop, "self, i=-1",
     "Remove and return the item at position i (the last by default).\n\n"
     ">>> L = [\"a\", \"b\", \"c\"]\n>>> print(L.pop(), L.pop(0), L)\n"
     "c a ['b']\n"},
    {"remove", m_remove, "self, x",
     "Remove the first item equal to x (ValueError when there is none).\n\n"
     ">>> L = [\"a\", \"b\", \"a\"]\n>>> L.remove(\"a\")\n>>> print(L)\n"
     "['b', 'a']\n"},
    {"reverse", m_reverse, "self",
     "Reverse the list in place.\n\n"
     ">>> L = [\"a\", \"b\", \"c\"]\n>>> L.reverse()\n>>> print(L)\n"
     "['c', 'b', 'a']\n"},
    {"sort", m_sort, "self, *, key=None, reverse=False",
     "Sort the list in place (stable), numbers or strs, or by key(item)."
     "\n\n"
     ">>> L = [\"pear\", \"fig\", \"apple\"]\n>>> L.sort()\n>>> print(L)\n"
     "['apple', 'fig', 'pear']\n"
     ">>> L.sort(key=len, reverse=True)\n>>> print(L)\n"
     "['apple', 'pear', 'fig']\n"},
};

static const BuiltinDef dict_defs[] = {
    {"clear", m_dict_clear, "self",
     "Remove every entry.\n\n"
     ">>> d = {\"a\": 1}\n>>> d.clear()\n>>> print(d)\n{}\n"},
    {"copy", m_dict_copy, "self",
     "Return a shallow copy of the dict.\n\n"
     ">>> d = {\"a\": 1}\n>>> e = d.copy()\n>>> e[\"b\"] = 2\n"
     ">>> print(d, e)\n{'a': 1} {'a': 1, 'b': 2}\n"},
    {"get", m_get, "self, key, default=None",
     "Return d[key], or default when key is missing.\n\n"
     ">>> d = {\"a\": 1}\n>>> print(d.get(\"a\"), d.get(\"b\"), "
     "d.get(\"b\", 0))\n1 None 0\n"},
    {"items", m_items, "self",
     "Return a list of the (key, value) pairs in insertion order.\n\n"
     ">>> print({\"a\": 1, \"b\": 2}.items())\n[('a', 1), ('b', 2)]\n"},
    {"keys", m_keys, "self",
     "Return a list of the keys in insertion order.\n\n"
     ">>> print({\"b\": 1, \"a\": 2}.keys())\n['b', 'a']\n"},
    {"pop", m_dict_pop, "self, key, default=<unset>",
     "Remove key and return its value; default (or KeyError) when it is "
     "missing.\n\n"
     ">>> d = {\"a\": 1, \"b\": 2}\n>>> print(d.pop(\"a\"), d)\n"
     "1 {'b': 2}\n"},
    {"popitem", m_popitem, "self",
     "Remove and return the last inserted (key, value) pair.\n\n"
     ">>> d = {\"a\": 1, \"b\": 2}\n>>> print(d.popitem(), d)\n"
     "('b', 2) {'a': 1}\n"},
    {"setdefault", m_setdefault, "self, key, default=None",
     "Return d[key], first setting it to default when it is missing.\n\n"
     ">>> d = {}\n>>> d.setdefault(\"n\", 0)\n0\n>>> print(d)\n{'n': 0}\n"},
    {"update", m_update, "self, other=None",
     "Set the entries of other (a dict, or (key, value) pairs) in this one."
     "\n\n"
     ">>> d = {\"a\": 1}\n>>> d.update({\"b\": 2, \"a\": 3})\n>>> print(d)\n"
     "{'a': 3, 'b': 2}\n"},
    {"values", m_values, "self",
     "Return a list of the values in insertion order.\n\n"
     ">>> print({\"a\": 1, \"b\": \"x\"}.values())\n[1, 'x']\n"},
};

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

const Namespace ns_str_methods = {
    "str",
    str_defs,
    NELEM(str_defs),
    NULL,
    0,
    "str: immutable Unicode text; indexing, slicing and len() count code "
    "points."};
const Namespace ns_list_methods = {
    "list", list_defs, NELEM(list_defs),
    NULL,   0,         "list: a mutable sequence of any values."};
const Namespace ns_dict_methods = {
    "dict",
    dict_defs,
    NELEM(dict_defs),
    NULL,
    0,
    "dict: keys (str, scalars, None, tuples of them) to values, in "
    "insertion order."};
