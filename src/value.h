/* value.h — the values of the nd language and the ownership rule for them.
 *
 * A Value is a small tagged union (24 bytes) passed by value.  Scalars are
 * unboxed: a dtype, the weak flag of NEP 50 and the number itself, so scalar
 * loops allocate nothing.  Everything else is a pointer to a
 * reference-counted heap object: arrays are libnd's NdArray (with libnd's
 * refcount); every other heap value starts with an Obj header.
 *
 * OWNERSHIP RULE (the same as libnd's, for Values):
 *   - A function returning a Value returns a NEW reference (or the error
 *     sentinel, see interp.h); the caller releases it with v_decref().
 *   - Value arguments are BORROWED; a callee that keeps one (stores it in a
 *     list, a cell, a frame) takes its own reference with v_incref().
 *   - Nothing steals, except the functions whose names end in _take (they
 *     consume the reference passed in; used for building containers).
 *
 * Containers (list, tuple, dict, function, cell, module) are also tracked
 * by the cycle collector (gc.c); arrays, strings and scalars never are.
 */
#ifndef ND_VALUE_H
#define ND_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "nd.h"

typedef enum ValueKind {
    VK_ERROR = 0, /* the error sentinel: an exception is pending (interp.h) */
    VK_UNSET,     /* "no value": an unbound slot, an argument not given */
    VK_NONE,
    VK_SCALAR, /* dtype + weak + number, unboxed */
    VK_ARRAY,  /* NdArray * (libnd refcount) */
    /* heap objects with an Obj header */
    VK_STR,
    VK_TUPLE,
    VK_LIST,
    VK_DICT,
    VK_RANGE,
    VK_SLICE,
    VK_FUNCTION, /* a def or lambda closure */
    VK_BUILTIN,  /* a C function from a builtin table, maybe bound */
    VK_MODULE,
    VK_CELL,   /* a variable captured by a closure (never seen by users) */
    VK_OBJECT, /* an instance of a native kind (dtype, error, ufunc, ...) */
    VK_ELLIPSIS,
} ValueKind;

typedef struct Obj Obj;

typedef struct Value {
    uint8_t kind;  /* ValueKind */
    uint8_t dtype; /* VK_SCALAR: its NdType */
    uint8_t weak;  /* VK_SCALAR: a Python-like scalar (NEP 50) */
    union {
        bool b;
        int64_t i;
        uint64_t u;
        double f;
        float f32;
        nd_complex64 c64;
        nd_complex128 c128;
        unsigned char bytes[16]; /* the number as the dtype stores it */
        NdArray *array;
        Obj *obj;
    } as;
} Value;

/* Every heap value other than an array begins with this header. */
struct Obj {
    int64_t refcount;
    uint8_t kind;     /* ValueKind */
    uint8_t gc_flags; /* owned by gc.c */
    uint16_t reserved;
    uint32_t gc_refs;              /* owned by gc.c */
    struct Obj *gc_prev, *gc_next; /* tracked containers only */
};

/* ------------------------------------------------------------ heap kinds */

typedef struct Str {
    Obj h;
    int64_t nbytes; /* UTF-8 bytes, not counting the NUL */
    int64_t ncodes; /* code points */
    uint64_t hash;  /* 0 = not computed yet */
    char data[];    /* NUL-terminated UTF-8 */
} Str;

/* A named tuple's type (NumPy's EigResult, SVDResult, ...): static
 * descriptors, so a tuple only points at one.  Its items read as
 * attributes by field name and repr as Name(field=item, ...); otherwise it
 * is a plain tuple (unpacking, indexing, equality). */
typedef struct TupleFields {
    const char *name;         /* "EighResult" */
    int n;                    /* the number of fields, == the tuple's n */
    const char *const *names; /* "eigenvalues", "eigenvectors" */
} TupleFields;

typedef struct Tuple {
    Obj h;
    int64_t n;
    const TupleFields *fields; /* NULL for a plain tuple */
    Value items[];
} Tuple;

typedef struct List {
    Obj h;
    int64_t n, cap;
    Value *items;
} List;

/* Insertion-ordered hash map (open addressing over an index table). */
typedef struct DictEntry {
    uint64_t hash;
    Value key, value; /* key.kind == VK_UNSET marks a deleted entry */
} DictEntry;
typedef struct Dict {
    Obj h;
    int64_t n;         /* live entries */
    int64_t used, cap; /* entries slots used (incl. deleted) / allocated */
    DictEntry *entries;
    int64_t *index; /* nindex slots: -1 empty, else entry number */
    int64_t nindex;
} Dict;

typedef struct Range {
    Obj h;
    int64_t start, stop, step;
} Range;

typedef struct Slice {
    Obj h;
    Value start, stop, step; /* VK_NONE when omitted */
} Slice;

typedef struct Cell {
    Obj h;
    Value v; /* VK_UNSET while unbound */
} Cell;

/* ------------------------------------------------------------ constructors */

static inline Value v_unset(void)
{
    Value v = {.kind = VK_UNSET};
    return v;
}
static inline Value v_none(void)
{
    Value v = {.kind = VK_NONE};
    return v;
}
static inline Value v_error(void)
{
    Value v = {.kind = VK_ERROR};
    return v;
}
/* Weak (Python) scalars: literals, len(), int(), ... */
static inline Value v_int(int64_t i)
{
    Value v = {.kind = VK_SCALAR, .dtype = ND_INT64, .weak = 1};
    v.as.i = i;
    return v;
}
static inline Value v_float(double f)
{
    Value v = {.kind = VK_SCALAR, .dtype = ND_FLOAT64, .weak = 1};
    v.as.f = f;
    return v;
}
static inline Value v_complex(double re, double im)
{
    Value v = {.kind = VK_SCALAR, .dtype = ND_COMPLEX128, .weak = 1};
    v.as.c128.re = re;
    v.as.c128.im = im;
    return v;
}
/* True/False: bool scalars; weak, so `int8_array + True` stays int8. */
static inline Value v_bool(bool b)
{
    Value v = {.kind = VK_SCALAR, .dtype = ND_BOOL, .weak = 1};
    v.as.b = b;
    return v;
}
static inline Value v_obj(Obj *o)
{
    Value v = {.kind = o->kind};
    v.as.obj = o;
    return v;
}
/* Wrap an array, taking over the caller's reference (NULL -> error sentinel
 * after converting libnd's error, see interp.h's rt_from_lib). */
Value v_array_take(NdArray *a);

/* Strong or weak scalar <-> libnd's NdScalar. */
Value v_from_ndscalar(const NdScalar *s);
NdScalar v_to_ndscalar(Value v);

Value v_str(const char *utf8);                   /* copies */
Value v_str_n(const char *utf8, int64_t nbytes); /* copies */
Value v_tuple_new(int64_t n); /* items VK_NONE; fill with tuple_set_take */
/* A named tuple of fields->n items (VK_NONE; fill with tuple_set_take). */
Value v_named_tuple_new(const TupleFields *fields);
void tuple_set_take(Value tuple, int64_t i, Value item);
Value v_list_new(int64_t capacity);
int list_append(Value list, Value item); /* borrows item; -1 on MemoryError */
Value v_dict_new(void);
Value v_range(int64_t start, int64_t stop, int64_t step);
Value v_slice(Value start, Value stop, Value step); /* borrows */

/* -------------------------------------------------------------- refcounts */

void v_incref(Value v);
void v_decref(Value v);
/* Release an Obj whose refcount reached zero (dispatches on kind). */
void obj_free(Obj *o);

static inline bool v_is_err(Value v)
{
    return v.kind == VK_ERROR;
}
static inline Str *as_str(Value v)
{
    return (Str *)v.as.obj;
}
static inline Tuple *as_tuple(Value v)
{
    return (Tuple *)v.as.obj;
}
static inline List *as_list(Value v)
{
    return (List *)v.as.obj;
}
static inline Dict *as_dict(Value v)
{
    return (Dict *)v.as.obj;
}

/* ---------------------------------------------------------- dict helpers */

/* Keys: str, scalars, None and tuples of them; anything else is
 * TypeError "unhashable type: 'list'". */
int dict_set(Value dict, Value key, Value value); /* borrows both */
/* Returns a borrowed value, VK_UNSET when missing, VK_ERROR on a bad key. */
Value dict_get(Value dict, Value key);
int dict_del(Value dict, Value key);             /* KeyError when missing */
Value dict_get_str(Value dict, const char *key); /* borrowed or VK_UNSET */

/* ------------------------------------------------------------- general */

/* Python's type name: "int", "float", "complex", "bool", "ndarray", "str",
 * "list", "tuple", "dict", "range", "function", "builtin_function",
 * "module", "NoneType", "slice", or a native kind's name.  Strong scalars
 * give their dtype name ("float32"). */
const char *v_type_name(Value v);
/* str() and repr() as new Str values (VK_ERROR on failure). */
Value v_to_str(Value v);
Value v_to_repr(Value v);
/* Equality for ==/!= of non-arrays and dict keys: Python's. */
bool v_equal(Value a, Value b);
uint64_t v_hash(Value v, bool *hashable);

/* ====================================== additions of the values room (H3) */

/* A new Cell holding v (borrowed; VK_UNSET for an unbound variable),
 * tracked by the cycle collector. */
Value v_cell_new(Value v);

/* ------------------------------------------------------------ UTF-8 text */

/* Code points in n bytes of UTF-8 (continuation bytes are not counted). */
int64_t utf8_ncodes(const char *s, int64_t nbytes);
/* Byte offset of code point i (0 <= i <= ncodes) of a Str: O(1) for ASCII
 * text, a scan otherwise. */
int64_t str_byte_offset(const Str *s, int64_t i);

/* A growable text buffer; every append may fail with MemoryError (then
 * `failed` is set and later appends do nothing). */
typedef struct TextBuf {
    char *data;
    int64_t len, cap;
    bool failed;
} TextBuf;
/* Make room for `extra` more bytes at once (MemoryError when impossible). */
void textbuf_reserve(TextBuf *b, int64_t extra);
void textbuf_put(TextBuf *b, const char *s, int64_t n);
void textbuf_puts(TextBuf *b, const char *s);
void textbuf_putc(TextBuf *b, char c);
void textbuf_printf(TextBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The text as a new Str (the buffer is released), or the error sentinel. */
Value textbuf_finish(TextBuf *b);
void textbuf_release(TextBuf *b);
/* Append repr(v) / str(v) to b; -1 with the exception set on failure. */
int v_repr_into(TextBuf *b, Value v);
int v_str_into(TextBuf *b, Value v);

/* --------------------------------------------- str and sequence helpers */

/* Python's slice.indices(len): the normalised start, step and element
 * count of a Slice over a sequence of length len (TypeError "slice indices
 * must be integers or None or have an __index__ method", ValueError
 * "slice step cannot be zero"). */
int slice_indices(Value slice, int64_t len, int64_t *start, int64_t *step,
                  int64_t *count);
/* s[key] for an int scalar (negative counts from the end; IndexError
 * "string index out of range") or a slice, by code point. */
Value str_getitem(Value s, Value key);
/* The character at byte offset *pos (a 1-code-point str) and *pos moved
 * past it: iteration over a str in O(1) per step. */
Value str_next_char(Value s, int64_t *pos);
/* `needle in hay` for strs: 1 or 0; TypeError "'in <string>' requires
 * string as left operand, not int" (-1) when needle is not a str. */
int str_contains(Value hay, Value needle);
/* <0, 0, >0 comparing two strs by code point (Python's < on str). */
int str_compare(Value a, Value b);
/* a + b for two strs, two lists or two tuples (a new value). */
Value seq_concat(Value a, Value b);
/* seq * n for a str, list or tuple (n <= 0 gives an empty one). */
Value seq_repeat(Value seq, int64_t n);
/* seq[slice] for a str, list or tuple: a new value of the same kind. */
Value seq_slice(Value seq, Value slice);
/* list.extend(items): items a list, tuple, str, dict (keys), range or
 * anything iter_start accepts.  0, or -1 on error. */
int list_extend(Value list, Value items);
/* list[slice] = items (Python's slice assignment: a step of 1 may resize;
 * an extended slice needs as many items: ValueError "attempt to assign
 * sequence of size 3 to extended slice of size 2"). */
int list_set_slice(Value list, Value slice, Value items);
/* del list[slice]. */
int list_del_slice(Value list, Value slice);

#endif
