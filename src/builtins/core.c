/* core.c — the Python-flavoured builtins of the root namespace (print, len,
 * range, str, repr, int, float, bool, complex, type, isinstance, format,
 * input, exit, error, time, perf_counter, help, list, tuple, dict,
 * enumerate, zip, abs, min, max, round) and the numerical-environment ones
 * (seterr, errstate, printoptions, set_printoptions, get_printoptions,
 * matmul).  §10 of LANGUAGE.md says where they follow Python (weak
 * scalars, containers) and where NumPy (arrays, strong scalars); the
 * native kinds type_type, errstate_type and printoptions_type live here. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

static bool is_weak_kind(Value v, NdKind k)
{
    return v.kind == VK_SCALAR && v.weak && nd_dtype_kind((NdType)v.dtype) == k;
}

static bool is_sequence(Value v)
{
    return v.kind == VK_ARRAY || v.kind == VK_LIST || v.kind == VK_TUPLE ||
           v.kind == VK_RANGE;
}

/* The repr of a str value for messages (Python quotes it). */
static Value quoted(Value s)
{
    return v_to_repr(s);
}

/* ------------------------------------------------------------- print */

static int write_value(Value v)
{
    Value s = v.kind == VK_STR ? v : v_to_str(v);
    if (v_is_err(s))
        return -1;
    fwrite(as_str(s)->data, 1, (size_t)as_str(s)->nbytes, stdout);
    if (v.kind != VK_STR)
        v_decref(s);
    return 0;
}

static Value bi_print(Value *args)
{
    Tuple *vals = as_tuple(args[0]);
    Value sep = args[1], end = args[2];
    if (given(sep) && sep.kind != VK_STR)
        return rt_raise(ERR_TYPE, "sep must be None or a string, not %s",
                        bi_type_name(sep));
    if (given(end) && end.kind != VK_STR)
        return rt_raise(ERR_TYPE, "end must be None or a string, not %s",
                        bi_type_name(end));
    for (int64_t i = 0; i < vals->n; i++) {
        if (i > 0) {
            if (given(sep))
                fwrite(as_str(sep)->data, 1, (size_t)as_str(sep)->nbytes,
                       stdout);
            else
                fputc(' ', stdout);
        }
        if (write_value(vals->items[i]) < 0)
            return v_error();
    }
    if (given(end))
        fwrite(as_str(end)->data, 1, (size_t)as_str(end)->nbytes, stdout);
    else
        fputc('\n', stdout);
    if (args[3].kind != VK_UNSET) {
        int t = op_truth(args[3]);
        if (t < 0)
            return v_error();
        if (t)
            fflush(stdout);
    }
    return v_none();
}

/* ------------------------------------------------ len, range, str, repr */

static Value bi_len(Value *args)
{
    int64_t n;
    if (value_len(args[0], &n) < 0)
        return v_error();
    return v_int(n);
}

static Value bi_range(Value *args)
{
    Tuple *t = as_tuple(args[0]);
    int64_t x[3] = {0, 0, 1};
    if (t->n == 0)
        return rt_raise(ERR_TYPE, "range expected at least 1 argument, got 0");
    if (t->n > 3)
        return rt_raise(ERR_TYPE,
                        "range expected at most 3 arguments, got %lld",
                        (long long)t->n);
    for (int64_t i = 0; i < t->n; i++)
        if (bi_get_int(t->items[i], &x[t->n == 1 ? 1 : i]) < 0)
            return v_error();
    if (x[2] == 0)
        return rt_raise(ERR_VALUE, "range() arg 3 must not be zero");
    return v_range(x[0], x[1], x[2]);
}

static Value bi_str(Value *args)
{
    if (args[0].kind == VK_UNSET)
        return v_str("");
    if (args[0].kind == VK_STR) {
        v_incref(args[0]);
        return args[0];
    }
    return v_to_str(args[0]);
}

static Value bi_repr(Value *args)
{
    return v_to_repr(args[0]);
}

/* ------------------------------------------------------ int and float */

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

int bi_parse_int(const char *s, int base, int64_t *out, bool *overflow)
{
    *overflow = false;
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n && is_space(s[n - 1]))
        n--;
    bool neg = false;
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    bool prefixed = false;
    if (i + 1 < n && s[i] == '0') {
        char p = s[i + 1] | 0x20;
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            i += 2;
            prefixed = true;
        }
    }
    bool base0 = base == 0;
    if (base0)
        base = 10;
    uint64_t acc = 0;
    int ndig = 0;
    bool nonzero = false, prev_digit = prefixed; /* "0x_1f" is valid */
    for (; i < n; i++) {
        if (s[i] == '_') {
            if (!prev_digit || i + 1 >= n)
                return -1;
            prev_digit = false;
            continue;
        }
        int d = digit_value(s[i]);
        if (d >= base)
            return -1;
        if (d)
            nonzero = true;
        if (acc > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            *overflow = true;
        else
            acc = acc * (uint64_t)base + (uint64_t)d;
        ndig++;
        prev_digit = true;
    }
    if (!ndig || !prev_digit)
        return -1;
    /* Python forbids leading zeros in base 0 ("010"). */
    if (base0 && !prefixed && nonzero && s[neg || s[0] == '+'] == '0')
        return -1;
    if (*overflow)
        return -1;
    if (neg) {
        if (acc > (uint64_t)INT64_MAX + 1) {
            *overflow = true;
            return -1;
        }
        *out = acc == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)acc;
    } else {
        if (acc > (uint64_t)INT64_MAX) {
            *overflow = true;
            return -1;
        }
        *out = (int64_t)acc;
    }
    return 0;
}

/* The single element of a size-1 array as a strong scalar value. */
static int array_scalar(Value v, Value *out)
{
    NdArray *a = v.as.array;
    if (a->size != 1)
        return rt_fail(ERR_TYPE,
                       "only length-1 arrays can be converted to Python "
                       "scalars");
    NdScalar s;
    if (nd_item(a, &s) < 0)
        return rt_fail_from_lib();
    s.weak = false;
    *out = v_from_ndscalar(&s);
    return 0;
}

static Value float_to_int(double d)
{
    if (isnan(d))
        return rt_raise(ERR_VALUE, "cannot convert float NaN to integer");
    if (isinf(d))
        return rt_raise(ERR_OVERFLOW, "cannot convert float infinity to "
                                      "integer");
    d = trunc(d);
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        return v_int((int64_t)d);
    if (d >= 0 && d < 18446744073709551616.0) {
        Value v = {.kind = VK_SCALAR, .dtype = ND_UINT64, .weak = 1};
        v.as.u = (uint64_t)d;
        return v;
    }
    return rt_raise(ERR_OVERFLOW,
                    "integer overflow: nd's Python-like integers are 64-bit");
}

static Value bi_int(Value *args)
{
    Value x = args[0];
    if (x.kind == VK_UNSET) {
        if (args[1].kind != VK_UNSET)
            return rt_raise(ERR_TYPE, "int() missing string argument");
        return v_int(0);
    }
    if (args[1].kind != VK_UNSET) {
        int64_t base;
        if (bi_get_int(args[1], &base) < 0)
            return v_error();
        if (x.kind != VK_STR)
            return rt_raise(ERR_TYPE,
                            "int() can't convert non-string with explicit "
                            "base");
        if (base != 0 && (base < 2 || base > 36))
            return rt_raise(ERR_VALUE,
                            "int() base must be >= 2 and <= 36, or 0");
        int64_t r;
        bool ovf;
        if (bi_parse_int(as_str(x)->data, (int)base, &r, &ovf) == 0)
            return v_int(r);
        if (ovf)
            return rt_raise(ERR_OVERFLOW, "integer overflow: nd's "
                                          "Python-like integers are 64-bit");
        Value q = quoted(x);
        if (v_is_err(q))
            return q;
        rt_raise(ERR_VALUE, "invalid literal for int() with base %d: %s",
                 (int)base, as_str(q)->data);
        v_decref(q);
        return v_error();
    }
    if (x.kind == VK_STR) {
        Value b = v_int(10);
        Value a2[2] = {x, b};
        return bi_int(a2);
    }
    if (x.kind == VK_ARRAY) {
        Value s;
        if (array_scalar(x, &s) < 0)
            return v_error();
        Value a2[2] = {s, v_unset()};
        return bi_int(a2);
    }
    if (x.kind == VK_SCALAR) {
        NdScalar s = v_to_ndscalar(x);
        switch (nd_dtype_kind(s.dtype)) {
        case ND_KIND_BOOL:
            return v_int(s.v.b);
        case ND_KIND_INT:
        case ND_KIND_UINT:
            return bi_weak_scalar(&s);
        case ND_KIND_FLOAT: {
            NdScalar d;
            nd_scalar_cast(&s, ND_FLOAT64, &d);
            return float_to_int(d.v.f64);
        }
        default:
            break;
        }
    }
    return rt_raise(ERR_TYPE,
                    "int() argument must be a string, a bytes-like object or "
                    "a real number, not '%s'",
                    bi_type_name(x));
}

static Value bi_float(Value *args)
{
    Value x = args[0];
    if (x.kind == VK_UNSET)
        return v_float(0.0);
    if (x.kind == VK_STR) {
        double d;
        if (bi_parse_double(as_str(x)->data, &d) == 0)
            return v_float(d);
        Value q = quoted(x);
        if (v_is_err(q))
            return q;
        rt_raise(ERR_VALUE, "could not convert string to float: %s",
                 as_str(q)->data);
        v_decref(q);
        return v_error();
    }
    if (x.kind == VK_ARRAY) {
        Value s;
        if (array_scalar(x, &s) < 0)
            return v_error();
        Value a1[1] = {s};
        return bi_float(a1);
    }
    if (x.kind == VK_SCALAR &&
        nd_dtype_kind((NdType)x.dtype) != ND_KIND_COMPLEX) {
        NdScalar s = v_to_ndscalar(x), d;
        nd_scalar_cast(&s, ND_FLOAT64, &d);
        return v_float(d.v.f64);
    }
    return rt_raise(ERR_TYPE,
                    "float() argument must be a string or a real number, not "
                    "'%s'",
                    bi_type_name(x));
}

static Value bi_bool(Value *args)
{
    if (args[0].kind == VK_UNSET)
        return v_bool(false);
    int t = op_truth(args[0]);
    if (t < 0)
        return v_error();
    return v_bool(t);
}

/* ------------------------------------------------------------ complex */

static int parse_complex(const char *text, double *re, double *im)
{
    size_t n = strlen(text);
    char *s = malloc(n + 1);
    if (!s)
        return -1;
    const char *b = text;
    while (is_space(*b))
        b++;
    size_t len = strlen(b);
    while (len && is_space(b[len - 1]))
        len--;
    if (len >= 2 && b[0] == '(' && b[len - 1] == ')') {
        b++;
        len -= 2;
        while (len && is_space(*b)) {
            b++;
            len--;
        }
        while (len && is_space(b[len - 1]))
            len--;
    }
    memcpy(s, b, len);
    s[len] = '\0';
    int rc = -1;
    *re = 0;
    *im = 0;
    if (len && (s[len - 1] == 'j' || s[len - 1] == 'J')) {
        s[--len] = '\0';
        /* Split at the last sign that does not follow an exponent. */
        size_t split = 0;
        for (size_t i = len; i-- > 1;)
            if ((s[i] == '+' || s[i] == '-') && s[i - 1] != 'e' &&
                s[i - 1] != 'E') {
                split = i;
                break;
            }
        char *imag = s + split;
        bool bare = !*imag || !strcmp(imag, "+") || !strcmp(imag, "-");
        if (bare)
            *im = *imag == '-' ? -1.0 : 1.0;
        else if (bi_parse_double(imag, im) < 0 || is_space(*imag))
            goto done;
        if (split) {
            char save = s[split];
            s[split] = '\0';
            int bad = bi_parse_double(s, re) < 0 || is_space(s[split - 1]);
            s[split] = save;
            if (bad)
                goto done;
        }
        rc = 0;
    } else if (len) {
        rc = bi_parse_double(s, re);
    }
done:
    free(s);
    return rc;
}

static int complex_parts(Value v, const char *which, double *re, double *im)
{
    if (v.kind == VK_ARRAY && v.as.array->size == 1) {
        Value s;
        if (array_scalar(v, &s) < 0)
            return -1;
        return complex_parts(s, which, re, im);
    }
    if (v.kind != VK_SCALAR)
        return rt_fail(ERR_TYPE,
                       "complex() %s must be a string or a number, not '%s'",
                       which, bi_type_name(v));
    NdScalar s = v_to_ndscalar(v), c;
    nd_scalar_cast(&s, ND_COMPLEX128, &c);
    *re = c.v.c128.re;
    *im = c.v.c128.im;
    return 0;
}

static Value bi_complex(Value *args)
{
    Value r = args[0], i = args[1];
    double rr = 0, ri = 0, ir = 0, ii = 0;
    if (r.kind == VK_STR) {
        if (i.kind != VK_UNSET)
            return rt_raise(ERR_TYPE, "complex() can't take second arg if "
                                      "first is a string");
        if (parse_complex(as_str(r)->data, &rr, &ri) < 0)
            return rt_raise(ERR_VALUE, "complex() arg is a malformed string");
        return v_complex(rr, ri);
    }
    if (i.kind == VK_STR)
        return rt_raise(ERR_TYPE, "complex() second arg can't be a string");
    if (r.kind != VK_UNSET && complex_parts(r, "first argument", &rr, &ri) < 0)
        return v_error();
    if (i.kind != VK_UNSET && complex_parts(i, "second argument", &ir, &ii) < 0)
        return v_error();
    return v_complex(rr - ii, ri + ir);
}

/* ---------------------------------------------------------- type objects */

typedef struct TypeObj {
    NativeObj h;
    char name[40];
} TypeObj;

#define MAX_TYPES 64
static Value types[MAX_TYPES];
static int ntypes;

static const char *type_obj_name(Value v)
{
    if (v.kind == VK_OBJECT && native_type(v) == &type_type)
        return ((TypeObj *)v.as.obj)->name;
    return NULL;
}

Value type_value(const char *name)
{
    for (int i = 0; i < ntypes; i++)
        if (!strcmp(type_obj_name(types[i]), name)) {
            v_incref(types[i]);
            return types[i];
        }
    Value v = native_new(&type_type);
    if (v_is_err(v))
        return v;
    snprintf(((TypeObj *)v.as.obj)->name, sizeof((TypeObj *)0)->name, "%s",
             name);
    if (ntypes < MAX_TYPES) {
        types[ntypes++] = v;
        v_incref(v);
    }
    return v;
}

/* The type name a value stands for when it is used as a class: a type
 * object, a builtin that names a Python type, or a dtype. */
static const char *class_name(Value t)
{
    const char *n = type_obj_name(t);
    if (n)
        return n;
    if (t.kind == VK_BUILTIN) {
        static const char *py[] = {"int",  "float", "complex", "bool", "str",
                                   "list", "tuple", "dict",    "range"};
        const char *d = ((Builtin *)t.as.obj)->def->name;
        for (size_t i = 0; i < sizeof py / sizeof py[0]; i++)
            if (!strcmp(d, py[i]))
                return py[i];
        if (!strcmp(d, "type"))
            return "type";
        /* Builtins that construct a native kind stand for its class, as
         * NumPy's classes do (isinstance(p, poly1d)). */
        static const char *const kinds[][2] = {
            {"poly1d", "poly1d"},
            {"masked_array", "MaskedArray"},
            {"MaskedArray", "MaskedArray"},
            {"Generator", "Generator"},
            {"PCG64", "PCG64"},
            {"SeedSequence", "SeedSequence"},
        };
        for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
            if (!strcmp(d, kinds[i][0]))
                return kinds[i][1];
    }
    int dt = dtype_of_value(t);
    if (dt >= 0)
        return nd_dtype_name((NdType)dt);
    return NULL;
}

static Value type_repr(Value self)
{
    char buf[64];
    snprintf(buf, sizeof buf, "<class '%s'>", type_obj_name(self));
    return v_str(buf);
}

static Value type_getattr(Value self, const char *name)
{
    if (!strcmp(name, "__name__"))
        return v_str(type_obj_name(self));
    return v_unset();
}

static Value type_binary(OpKind op, Value a, Value b)
{
    if (op != OP_EQ && op != OP_NE)
        return v_unset();
    const char *na = class_name(a), *nb = class_name(b);
    bool eq = na && nb && !strcmp(na, nb);
    return v_bool(op == OP_EQ ? eq : !eq);
}

static Value type_call(Value self, const Value *pos, int npos, const KwArg *kw,
                       int nkw)
{
    const char *name = type_obj_name(self);
    Cell *c = builtin_cell(name);
    if (!c || (c->v.kind != VK_BUILTIN && dtype_of_value(c->v) < 0))
        return rt_raise(ERR_TYPE, "cannot create '%s' instances", name);
    return call_value(c->v, pos, npos, kw, nkw);
}

const NativeType type_type = {
    .name = "type",
    .size = sizeof(TypeObj),
    .repr = type_repr,
    .getattr = type_getattr,
    .binary = type_binary,
    .call = type_call,
    .help = "type: what type(x) returns.\n\n"
            "It prints as <class 'float'> and compares equal to the builtin "
            "of the\nsame name (int, float, str, ...) or to a dtype for NumPy "
            "scalars.\n\n"
            ">>> type(1.5)\n<class 'float'>\n>>> type(2) == int\nTrue\n",
};

static Value bi_type(Value *args)
{
    return type_value(v_type_name(args[0]));
}

/* isinstance: Python's class of a value and NumPy's scalar subclassing
 * (np.float64 and np.complex128 are float/complex subclasses; the other
 * NumPy scalars are not Python numbers; bool is an int). */
static bool instance_of(Value v, const char *cls)
{
    if (!strcmp(cls, "int"))
        return is_weak_kind(v, ND_KIND_INT) || is_weak_kind(v, ND_KIND_UINT) ||
               is_weak_kind(v, ND_KIND_BOOL);
    if (!strcmp(cls, "float"))
        return v.kind == VK_SCALAR && v.dtype == ND_FLOAT64;
    if (!strcmp(cls, "complex"))
        return v.kind == VK_SCALAR && v.dtype == ND_COMPLEX128;
    if (!strcmp(cls, "bool"))
        return is_weak_kind(v, ND_KIND_BOOL);
    if (v.kind == VK_SCALAR && !v.weak)
        return !strcmp(cls, nd_dtype_name((NdType)v.dtype));
    return !strcmp(cls, v_type_name(v));
}

static int isinstance_rec(Value v, Value t, int depth)
{
    if (t.kind == VK_TUPLE && depth < 100) {
        for (int64_t i = 0; i < as_tuple(t)->n; i++) {
            int r = isinstance_rec(v, as_tuple(t)->items[i], depth + 1);
            if (r)
                return r;
        }
        return 0;
    }
    const char *cls = class_name(t);
    if (!cls)
        return rt_fail(ERR_TYPE, "isinstance() arg 2 must be a type, a tuple "
                                 "of types, or a union");
    if (!strcmp(cls, "type"))
        return class_name(v) != NULL;
    return instance_of(v, cls);
}

static Value bi_isinstance(Value *args)
{
    int r = isinstance_rec(args[0], args[1], 0);
    if (r < 0)
        return v_error();
    return v_bool(r);
}

/* --------------------------------------------------- format, input, exit */

static Value bi_format(Value *args)
{
    const char *spec = "";
    size_t len = 0;
    if (args[1].kind != VK_UNSET) {
        if (args[1].kind != VK_STR)
            return rt_raise(ERR_TYPE, "format() argument 2 must be str, not %s",
                            bi_type_name(args[1]));
        spec = as_str(args[1])->data;
        len = (size_t)as_str(args[1])->nbytes;
    }
    return format_with_spec(args[0], spec, len);
}

static Value bi_input(Value *args)
{
    if (args[0].kind != VK_UNSET && write_value(args[0]) < 0)
        return v_error();
    fflush(stdout);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return rt_raise_named("EOFError", "EOF when reading a line");
    }
    if (n > 0 && line[n - 1] == '\n')
        n--;
    Value s = v_str_n(line, n);
    free(line);
    return s;
}

static Value bi_exit(Value *args)
{
    Value n = args[0];
    int status = 0;
    if (n.kind == VK_UNSET || n.kind == VK_NONE) {
        status = 0;
    } else if (n.kind == VK_SCALAR &&
               nd_dtype_kind((NdType)n.dtype) != ND_KIND_FLOAT &&
               nd_dtype_kind((NdType)n.dtype) != ND_KIND_COMPLEX) {
        int64_t i;
        if (bi_get_int(n, &i) < 0)
            return v_error();
        status = (int)(i & 0xff);
    } else {
        /* Python prints any other argument to stderr, status 1. */
        Value s = v_to_str(n);
        if (v_is_err(s))
            return s;
        fflush(stdout);
        fprintf(stderr, "%s\n", as_str(s)->data);
        v_decref(s);
        status = 1;
    }
    interp_exit_status = status;
    interp_exit_requested = true;
    return rt_raise(ERR_INTERRUPT, "%s", EXIT_MESSAGE);
}

static Value bi_error(Value *args)
{
    Value m = args[0];
    if (m.kind == VK_OBJECT && native_type(m) == &error_type) {
        rt_restore(m);
        return v_error();
    }
    const char *kind = "RuntimeError";
    if (args[1].kind != VK_UNSET &&
        bi_get_str(args[1], "error", "kind", &kind) < 0)
        return v_error();
    Value s = m.kind == VK_STR ? m : v_to_str(m);
    if (v_is_err(s))
        return s;
    rt_raise_named(kind, as_str(s)->data);
    if (m.kind != VK_STR)
        v_decref(s);
    return v_error();
}

static Value bi_time(Value *args)
{
    (void)args;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return v_float((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value bi_perf_counter(Value *args)
{
    (void)args;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return v_float((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value bi_help(Value *args)
{
    if (help_show(args[0]) < 0)
        return v_error();
    return v_none();
}

/* ------------------------------------------------- list, tuple, dict ... */

static Value collect(Value seq)
{
    ValueIter it;
    Value l = v_list_new(0);
    if (v_is_err(l))
        return l;
    if (iter_start(&it, seq) < 0) {
        v_decref(l);
        return v_error();
    }
    for (;;) {
        Value item;
        int r = iter_next(&it, &item);
        if (r == 0)
            break;
        if (r < 0 || list_append(l, item) < 0) {
            if (r > 0)
                v_decref(item);
            iter_end(&it);
            v_decref(l);
            return v_error();
        }
        v_decref(item);
    }
    iter_end(&it);
    return l;
}

static Value bi_list(Value *args)
{
    if (args[0].kind == VK_UNSET)
        return v_list_new(0);
    return collect(args[0]);
}

static Value list_to_tuple(Value l)
{
    List *lp = as_list(l);
    Value t = v_tuple_new(lp->n);
    if (v_is_err(t))
        return t;
    for (int64_t i = 0; i < lp->n; i++) {
        v_incref(lp->items[i]);
        tuple_set_take(t, i, lp->items[i]);
    }
    return t;
}

static Value bi_tuple(Value *args)
{
    if (args[0].kind == VK_UNSET)
        return v_tuple_new(0);
    if (args[0].kind == VK_TUPLE) {
        v_incref(args[0]);
        return args[0];
    }
    Value l = collect(args[0]);
    if (v_is_err(l))
        return l;
    Value t = list_to_tuple(l);
    v_decref(l);
    return t;
}

static Value dict_from(Value src);

static Value bi_dict(Value *args)
{
    Value d = dict_from(args[0]);
    if (v_is_err(d) || args[1].kind != VK_DICT)
        return d;
    Dict *kw = as_dict(args[1]);
    for (int64_t i = 0; i < kw->used; i++) {
        DictEntry *e = &kw->entries[i];
        if (e->key.kind != VK_UNSET && dict_set(d, e->key, e->value) < 0) {
            v_decref(d);
            return v_error();
        }
    }
    return d;
}

static Value dict_from(Value src)
{
    Value d = v_dict_new();
    if (v_is_err(d) || src.kind == VK_UNSET)
        return d;
    if (src.kind == VK_DICT) {
        Dict *sd = as_dict(src);
        for (int64_t i = 0; i < sd->used; i++) {
            DictEntry *e = &sd->entries[i];
            if (e->key.kind == VK_UNSET)
                continue;
            if (dict_set(d, e->key, e->value) < 0) {
                v_decref(d);
                return v_error();
            }
        }
        return d;
    }
    Value l = collect(src);
    if (v_is_err(l)) {
        v_decref(d);
        return l;
    }
    List *lp = as_list(l);
    for (int64_t i = 0; i < lp->n; i++) {
        Value p = lp->items[i];
        const Value *kv = NULL;
        int64_t n = -1;
        if (p.kind == VK_TUPLE) {
            kv = as_tuple(p)->items;
            n = as_tuple(p)->n;
        } else if (p.kind == VK_LIST) {
            kv = as_list(p)->items;
            n = as_list(p)->n;
        }
        if (n < 0) {
            rt_raise(ERR_TYPE,
                     "cannot convert dictionary update sequence element #%lld "
                     "to a sequence",
                     (long long)i);
            goto fail;
        }
        if (n != 2) {
            rt_raise(ERR_VALUE,
                     "dictionary update sequence element #%lld has length "
                     "%lld; 2 is required",
                     (long long)i, (long long)n);
            goto fail;
        }
        if (dict_set(d, kv[0], kv[1]) < 0)
            goto fail;
    }
    v_decref(l);
    return d;
fail:
    v_decref(l);
    v_decref(d);
    return v_error();
}

static Value bi_enumerate(Value *args)
{
    int64_t start = 0;
    if (args[1].kind != VK_UNSET && bi_get_int(args[1], &start) < 0)
        return v_error();
    Value l = collect(args[0]);
    if (v_is_err(l))
        return l;
    List *lp = as_list(l);
    for (int64_t i = 0; i < lp->n; i++) {
        Value t = v_tuple_new(2);
        if (v_is_err(t)) {
            v_decref(l);
            return t;
        }
        tuple_set_take(t, 0, v_int(start + i));
        tuple_set_take(t, 1, lp->items[i]); /* moves the list's reference */
        lp->items[i] = t;
    }
    return l;
}

static Value bi_zip(Value *args)
{
    Tuple *its = as_tuple(args[0]);
    int64_t n = its->n;
    Value out = v_list_new(0);
    if (v_is_err(out) || n == 0)
        return out;
    Value *lists = calloc((size_t)n, sizeof *lists);
    if (!lists) {
        v_decref(out);
        return rt_raise(ERR_MEMORY, "out of memory");
    }
    int64_t len = INT64_MAX;
    for (int64_t k = 0; k < n; k++) {
        lists[k] = collect(its->items[k]);
        if (v_is_err(lists[k])) {
            for (int64_t j = 0; j < k; j++)
                v_decref(lists[j]);
            free(lists);
            v_decref(out);
            return v_error();
        }
        if (as_list(lists[k])->n < len)
            len = as_list(lists[k])->n;
    }
    for (int64_t i = 0; i < len; i++) {
        Value t = v_tuple_new(n);
        if (v_is_err(t))
            break;
        for (int64_t k = 0; k < n; k++) {
            Value item = as_list(lists[k])->items[i];
            v_incref(item);
            tuple_set_take(t, k, item);
        }
        int rc = list_append(out, t);
        v_decref(t);
        if (rc < 0)
            break;
    }
    for (int64_t k = 0; k < n; k++)
        v_decref(lists[k]);
    free(lists);
    if (rt_pending()) {
        v_decref(out);
        return v_error();
    }
    return out;
}

/* ---------------------------------------------------------------- abs */

static Value bi_abs(Value *args)
{
    Value x = args[0];
    if (x.kind == VK_SCALAR && x.weak) {
        switch (nd_dtype_kind((NdType)x.dtype)) {
        case ND_KIND_BOOL:
            return v_int(x.as.b);
        case ND_KIND_INT:
            if (x.as.i == INT64_MIN)
                return rt_raise(ERR_OVERFLOW, "integer overflow: nd's "
                                              "Python-like integers are "
                                              "64-bit");
            return v_int(x.as.i < 0 ? -x.as.i : x.as.i);
        case ND_KIND_UINT:
            return x;
        case ND_KIND_FLOAT:
            return v_float(fabs(x.as.f));
        default:
            return v_float(hypot(x.as.c128.re, x.as.c128.im));
        }
    }
    /* (P12B) abs(m) of a native kind with a ufunc hook: absolute(m). */
    if (x.kind == VK_OBJECT && native_type(x)->ufunc) {
        Value r = native_type(x)->ufunc(ND_UF_ABSOLUTE, &x, 1, NULL, 0);
        if (r.kind != VK_UNSET)
            return r;
    }
    if (x.kind != VK_SCALAR && !is_sequence(x))
        return rt_raise(ERR_TYPE, "bad operand type for abs(): '%s'",
                        bi_type_name(x));
    NdArray *a = value_to_array(x, ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = nd_unary(ND_UF_ABSOLUTE, a);
    nd_decref(a);
    /* (R1) abs of a strong scalar is NumPy's scalar math, which warns when
     * abs(int8(-128)) wraps (the ufunc absolute does not). */
    if (r && x.kind == VK_SCALAR &&
        nd_dtype_kind((NdType)x.dtype) == ND_KIND_INT) {
        NdScalar s, w;
        if (nd_item(r, &s) == 0 && nd_scalar_cast(&s, ND_INT64, &w) == 0 &&
            w.v.i64 < 0)
            nd_fpe_raise(ND_FPE_OVERFLOW, "scalar absolute");
    }
    return bi_result(r);
}

/* ------------------------------------------------------------ min, max */

/* The reduction of one array-like argument: NumPy's amax/amin with the
 * keyword arguments axis, out, keepdims, initial, where (args[1..5]). */
static Value array_extreme(NdArray *a, Value *args, int sign)
{
    int axes[ND_MAXDIMS], naxes = -1;
    bool keep = false;
    Value ax = args[1];
    if (ax.kind == VK_TUPLE || ax.kind == VK_LIST) {
        Tuple *t = ax.kind == VK_TUPLE ? as_tuple(ax) : NULL;
        List *l = ax.kind == VK_LIST ? as_list(ax) : NULL;
        int64_t n = t ? t->n : l->n;
        if (n > ND_MAXDIMS)
            return rt_raise(ERR_VALUE, "too many axes");
        for (int64_t i = 0; i < n; i++) {
            int64_t v;
            if (bi_get_int(t ? t->items[i] : l->items[i], &v) < 0)
                return v_error();
            axes[i] = (int)(v < -1000 ? -1000 : v > 1000 ? 1000 : v);
        }
        naxes = (int)n;
    } else if (given(ax)) {
        int64_t v;
        if (bi_get_int(ax, &v) < 0)
            return v_error();
        axes[0] = (int)(v < -1000 ? -1000 : v > 1000 ? 1000 : v);
        naxes = 1;
    }
    if (args[3].kind != VK_UNSET) {
        int tr = op_truth(args[3]);
        if (tr < 0)
            return v_error();
        keep = tr;
    }
    NdScalar init;
    const NdScalar *ip = NULL;
    if (given(args[4])) {
        NdArray *ia = value_to_array(args[4], ND_NTYPES);
        if (!ia)
            return v_error();
        int rc = ia->ndim == 0 ? nd_item(ia, &init) : -2;
        nd_decref(ia);
        if (rc == -2)
            return rt_raise(ERR_VALUE,
                            "Input object to FillWithScalar is not a scalar");
        if (rc < 0)
            return rt_from_lib();
        ip = &init;
    }
    NdArray *where = NULL;
    if (args[5].kind != VK_UNSET &&
        !(args[5].kind == VK_SCALAR && args[5].dtype == ND_BOOL &&
          args[5].as.b)) {
        NdArray *w = value_to_array(args[5], ND_NTYPES);
        if (!w)
            return v_error();
        where = nd_astype(w, ND_BOOL, ND_CAST_SAFE, false);
        nd_decref(w);
        if (!where)
            return rt_from_lib();
    }
    NdArray *r = sign > 0 ? nd_max(a, axes, naxes, keep, ip, where)
                          : nd_min(a, axes, naxes, keep, ip, where);
    nd_decref(where);
    if (!r)
        return rt_from_lib();
    if (given(args[2])) {
        if (args[2].kind != VK_ARRAY) {
            nd_decref(r);
            return rt_raise(ERR_TYPE, "output must be an array");
        }
        int rc = nd_copyto(args[2].as.array, r, ND_CAST_UNSAFE);
        nd_decref(r);
        if (rc < 0)
            return rt_from_lib();
        v_incref(args[2]);
        return args[2];
    }
    return bi_result(r);
}

static Value extreme(Value *args, int sign)
{
    const char *fname = sign > 0 ? "max" : "min";
    Tuple *t = as_tuple(args[0]);
    bool kw = false;
    for (int i = 1; i <= 5; i++)
        kw = kw || args[i].kind != VK_UNSET;
    if (t->n == 0)
        return rt_raise(ERR_TYPE, "%s expected at least 1 argument, got 0",
                        fname);
    if (t->n == 1) {
        Value x = t->items[0];
        /* (P12B) max(m) of a native kind with a max method (a masked
         * array) is m.max(...). */
        Value nargs[6] = {x, args[1], args[2], args[3], args[4], args[5]};
        Value nr;
        if (x.kind == VK_OBJECT &&
            native_method_dispatch(
                fname, ns_lookup(&ns_reduce, sign > 0 ? "amax" : "amin"), nargs,
                &nr))
            return nr;
        NdArray *a = value_to_array(x, ND_NTYPES);
        if (a) {
            Value r = array_extreme(a, args, sign);
            nd_decref(a);
            return r;
        }
        if (x.kind != VK_LIST && x.kind != VK_TUPLE && x.kind != VK_STR &&
            x.kind != VK_DICT)
            return v_error();
        /* Not numbers (strings, ...): Python's min/max of an iterable. */
        rt_clear();
        Value l = collect(x);
        if (v_is_err(l))
            return l;
        List *lp = as_list(l);
        if (lp->n == 0) {
            v_decref(l);
            return rt_raise(ERR_VALUE, "%s() arg is an empty sequence", fname);
        }
        Value best = lp->items[0];
        for (int64_t i = 1; i < lp->n; i++) {
            Value c = op_compare(sign > 0 ? OP_GT : OP_LT, lp->items[i], best);
            int tr = v_is_err(c) ? -1 : op_truth(c);
            v_decref(c);
            if (tr < 0) {
                v_decref(l);
                return v_error();
            }
            if (tr)
                best = lp->items[i];
        }
        v_incref(best);
        v_decref(l);
        return best;
    }
    for (int64_t i = 0; i < t->n; i++)
        if (is_sequence(t->items[i]) || kw)
            return rt_raise(
                ERR_TYPE,
                "%s() with %lld positional arguments compares scalars; for an "
                "array use %s(a, axis=0) for the reduction along an axis or "
                "%s(a, b) for the elementwise %s",
                fname, (long long)t->n, fname, sign > 0 ? "maximum" : "minimum",
                sign > 0 ? "maximum" : "minimum");
    Value best = t->items[0];
    for (int64_t i = 1; i < t->n; i++) {
        Value c = op_compare(sign > 0 ? OP_GT : OP_LT, t->items[i], best);
        int tr = v_is_err(c) ? -1 : op_truth(c);
        v_decref(c);
        if (tr < 0)
            return v_error();
        if (tr)
            best = t->items[i];
    }
    v_incref(best);
    return best;
}

static Value bi_max(Value *args)
{
    return extreme(args, 1);
}

static Value bi_min(Value *args)
{
    return extreme(args, -1);
}

/* -------------------------------------------------------------- round */

static double pow10i(int64_t k)
{
    double p = 1;
    for (int64_t i = 0; i < k && i < 400; i++)
        p *= 10;
    return p;
}

/* Python's round(x, n) for a float: correctly rounded through the exact
 * decimal expansion printf gives (half to even on the exact binary
 * value), read back locale-independently. */
static double py_round_float(double x, int64_t nd)
{
    if (!isfinite(x) || x == 0)
        return x;
    if (nd > 323)
        return x;
    if (nd >= 0) {
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        /* The C library writes the locale's decimal point. */
        for (char *c = buf; *c; c++)
            if (*c != '-' && (*c < '0' || *c > '9'))
                *c = '.';
        double r;
        if (bi_parse_double(buf, &r) < 0)
            return x;
        return r;
    }
    if (nd < -308)
        return copysign(0.0, x);
    double p = pow10i(-nd);
    double y = x / p;
    if (!isfinite(y))
        return x;
    return copysign(rint(y) * p, x);
}

static Value py_round_int(int64_t v, int64_t nd)
{
    if (nd >= 0)
        return v_int(v);
    if (nd < -18)
        return v_int(0);
    int64_t p = 1;
    for (int64_t i = 0; i < -nd; i++)
        p *= 10;
    int64_t q = v / p, r = v % p;
    if (r < 0) {
        r += p;
        q -= 1;
    }
    /* r in [0, p): round half to even */
    if (r > p - r || (r == p - r && (q & 1)))
        q += 1;
    if ((q > 0 && q > INT64_MAX / p) || (q < 0 && q < INT64_MIN / p))
        return rt_raise(ERR_OVERFLOW,
                        "integer overflow: nd's Python-like integers are "
                        "64-bit");
    return v_int(q * p);
}

/* NumPy's round on an array or strong scalar: libnd's nd_around (scale,
 * rint, unscale in the array's own precision; integers round through
 * float64 for negative decimals). */
static NdArray *np_round(NdArray *a, int64_t dec)
{
    return nd_around(a, dec);
}

static Value bi_round(Value *args)
{
    Value x = args[0];
    bool has_nd = given(args[1]);
    int64_t nd = 0;
    if (has_nd && bi_get_int(args[1], &nd) < 0)
        return v_error();
    if (x.kind == VK_SCALAR && x.weak) {
        switch (nd_dtype_kind((NdType)x.dtype)) {
        case ND_KIND_BOOL:
            return v_int(x.as.b);
        case ND_KIND_INT:
            return py_round_int(x.as.i, nd);
        case ND_KIND_UINT:
            return x;
        case ND_KIND_FLOAT:
            if (has_nd)
                return v_float(py_round_float(x.as.f, nd));
            return float_to_int(rint(x.as.f));
        default:
            return rt_raise(ERR_TYPE,
                            "type complex doesn't define __round__ method");
        }
    }
    if (x.kind != VK_SCALAR && !is_sequence(x))
        return rt_raise(ERR_TYPE, "type %s doesn't define __round__ method",
                        bi_type_name(x));
    NdArray *a = value_to_array(x, ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *r = np_round(a, nd);
    nd_decref(a);
    if (x.kind == VK_ARRAY || !r)
        return bi_result_array(r);
    return bi_result(r);
}

/* ------------------------------------------------- seterr and errstate */

static const char *mode_names[] = {"ignore", "warn", "raise"};

static int parse_mode(Value v, uint8_t *out)
{
    if (v.kind != VK_STR)
        return rt_fail(ERR_TYPE, "error mode must be a str, not %s",
                       bi_type_name(v));
    const char *s = as_str(v)->data;
    if (!strcmp(s, "ignore"))
        *out = FPE_IGNORE;
    else if (!strcmp(s, "warn") || !strcmp(s, "print") || !strcmp(s, "log"))
        *out = FPE_WARN;
    else if (!strcmp(s, "raise"))
        *out = FPE_RAISE;
    else
        return rt_fail(ERR_KEY, "'%s'", s);
    return 0;
}

/* args: all, divide, over, under, invalid -> modes applied over base. */
static int modes_from_args(const Value *args, FpeModes base, FpeModes *out)
{
    uint8_t m;
    *out = base;
    if (given(args[0])) {
        if (parse_mode(args[0], &m) < 0)
            return -1;
        out->divide = out->over = out->under = out->invalid = m;
    }
    uint8_t *slots[4] = {&out->divide, &out->over, &out->under, &out->invalid};
    for (int i = 0; i < 4; i++)
        if (given(args[1 + i]) && parse_mode(args[1 + i], slots[i]) < 0)
            return -1;
    return 0;
}

static Value modes_dict(FpeModes m)
{
    Value d = v_dict_new();
    if (v_is_err(d))
        return d;
    const char *keys[4] = {"divide", "over", "under", "invalid"};
    uint8_t vals[4] = {m.divide, m.over, m.under, m.invalid};
    for (int i = 0; i < 4; i++) {
        Value k = v_str(keys[i]), v = v_str(mode_names[vals[i] % 3]);
        int rc = v_is_err(k) || v_is_err(v) ? -1 : dict_set(d, k, v);
        v_decref(k);
        v_decref(v);
        if (rc < 0) {
            v_decref(d);
            return v_error();
        }
    }
    return d;
}

static Value bi_seterr(Value *args)
{
    FpeModes old = fpe_modes_get(), m;
    if (modes_from_args(args, old, &m) < 0)
        return v_error();
    Value d = modes_dict(old);
    if (!v_is_err(d))
        fpe_modes_set(m);
    return d;
}

static Value bi_geterr(Value *args)
{
    (void)args;
    return modes_dict(fpe_modes_get());
}

typedef struct ErrstateObj {
    NativeObj h;
    Value args[5]; /* all, divide, over, under, invalid (owned) */
    FpeModes saved[8];
    int depth;
} ErrstateObj;

static void errstate_finalize(Obj *o)
{
    ErrstateObj *e = (ErrstateObj *)o;
    for (int i = 0; i < 5; i++)
        if (e->args[i].kind != VK_UNSET)
            v_decref(e->args[i]);
}

static int errstate_enter(Value self)
{
    ErrstateObj *e = (ErrstateObj *)self.as.obj;
    FpeModes cur = fpe_modes_get(), m;
    if (e->depth >= 8)
        return rt_fail(ERR_RUNTIME, "errstate entered too many times");
    if (modes_from_args(e->args, cur, &m) < 0)
        return -1;
    e->saved[e->depth++] = cur;
    fpe_modes_set(m);
    return 0;
}

static int errstate_exit(Value self)
{
    ErrstateObj *e = (ErrstateObj *)self.as.obj;
    if (e->depth > 0)
        fpe_modes_set(e->saved[--e->depth]);
    return 0;
}

const NativeType errstate_type = {
    .name = "errstate",
    .size = sizeof(ErrstateObj),
    .finalize = errstate_finalize,
    .enter = errstate_enter,
    .exit = errstate_exit,
    .help = "errstate: a context for `with` that changes seterr's modes "
            "inside its block.\n\n"
            "The previous modes come back at `end`, also when an error "
            "leaves the block.\n\n"
            ">>> with errstate(divide='ignore'); print(array([1.0]) / 0); "
            "end\n[inf]\n",
};

static Value bi_errstate(Value *args)
{
    FpeModes m;
    if (modes_from_args(args, fpe_modes_get(), &m) < 0) /* validate now */
        return v_error();
    Value v = native_new(&errstate_type);
    if (v_is_err(v))
        return v;
    ErrstateObj *e = (ErrstateObj *)v.as.obj;
    for (int i = 0; i < 5; i++) {
        e->args[i] = args[i];
        if (args[i].kind != VK_UNSET)
            v_incref(args[i]);
    }
    return v;
}

/* ------------------------------------------------------- printoptions */

/* args: precision, threshold, edgeitems, linewidth, suppress */
static int options_from_args(const Value *args, NdPrintOptions *o)
{
    int64_t i;
    if (given(args[0])) {
        if (bi_get_int(args[0], &i) < 0)
            return -1;
        o->precision = i < 0 ? -1 : i > 10000 ? 10000 : (int)i;
    }
    if (given(args[1])) {
        double d;
        if (args[1].kind == VK_SCALAR &&
            nd_dtype_kind((NdType)args[1].dtype) == ND_KIND_FLOAT) {
            if (value_to_double(args[1], &d) < 0)
                return -1;
            if (isnan(d))
                return rt_fail(ERR_VALUE, "threshold must be non-NAN, try "
                                          "sys.maxsize for untruncated "
                                          "representation");
            o->threshold = d >= 9.2e18 ? INT64_MAX : (int64_t)d;
        } else {
            if (bi_get_int(args[1], &i) < 0)
                return -1;
            o->threshold = i;
        }
    }
    if (given(args[2])) {
        if (bi_get_int(args[2], &i) < 0)
            return -1;
        o->edgeitems = i < 0 ? -1 : i > 1000000 ? 1000000 : (int)i;
    }
    if (given(args[3])) {
        if (bi_get_int(args[3], &i) < 0)
            return -1;
        o->linewidth = i < 0 ? 0 : i > 1000000 ? 1000000 : (int)i;
    }
    if (given(args[4])) {
        int t = op_truth(args[4]);
        if (t < 0)
            return -1;
        o->suppress = t;
    }
    return 0;
}

static Value bi_set_printoptions(Value *args)
{
    NdPrintOptions o;
    nd_get_printoptions(&o);
    if (options_from_args(args, &o) < 0)
        return v_error();
    if (nd_set_printoptions(&o) < 0)
        return rt_from_lib();
    return v_none();
}

static Value bi_get_printoptions(Value *args)
{
    (void)args;
    NdPrintOptions o;
    nd_get_printoptions(&o);
    Value d = v_dict_new();
    if (v_is_err(d))
        return d;
    const char *keys[5] = {"edgeitems", "threshold", "precision", "suppress",
                           "linewidth"};
    Value vals[5] = {v_int(o.edgeitems), v_int(o.threshold), v_int(o.precision),
                     v_bool(o.suppress), v_int(o.linewidth)};
    for (int i = 0; i < 5; i++) {
        Value k = v_str(keys[i]);
        int rc = v_is_err(k) ? -1 : dict_set(d, k, vals[i]);
        v_decref(k);
        if (rc < 0) {
            v_decref(d);
            return v_error();
        }
    }
    return d;
}

typedef struct PrintoptionsObj {
    NativeObj h;
    Value args[5]; /* owned */
    NdPrintOptions saved[8];
    int depth;
} PrintoptionsObj;

static void printoptions_finalize(Obj *o)
{
    PrintoptionsObj *p = (PrintoptionsObj *)o;
    for (int i = 0; i < 5; i++)
        if (p->args[i].kind != VK_UNSET)
            v_decref(p->args[i]);
}

static int printoptions_enter(Value self)
{
    PrintoptionsObj *p = (PrintoptionsObj *)self.as.obj;
    NdPrintOptions cur, o;
    if (p->depth >= 8)
        return rt_fail(ERR_RUNTIME, "printoptions entered too many times");
    nd_get_printoptions(&cur);
    o = cur;
    if (options_from_args(p->args, &o) < 0)
        return -1;
    if (nd_set_printoptions(&o) < 0)
        return rt_fail_from_lib();
    p->saved[p->depth++] = cur;
    return 0;
}

static int printoptions_exit(Value self)
{
    PrintoptionsObj *p = (PrintoptionsObj *)self.as.obj;
    if (p->depth > 0)
        nd_set_printoptions(&p->saved[--p->depth]);
    return 0;
}

const NativeType printoptions_type = {
    .name = "printoptions",
    .size = sizeof(PrintoptionsObj),
    .finalize = printoptions_finalize,
    .enter = printoptions_enter,
    .exit = printoptions_exit,
    .help = "printoptions: a context for `with` that sets print options "
            "inside its block.\n\n"
            "The previous options come back at `end`.\n\n"
            ">>> with printoptions(precision=2); print(array([3.14159])); "
            "end\n[3.14]\n",
};

static Value bi_printoptions(Value *args)
{
    NdPrintOptions o;
    nd_get_printoptions(&o);
    if (options_from_args(args, &o) < 0) /* validate now */
        return v_error();
    Value v = native_new(&printoptions_type);
    if (v_is_err(v))
        return v;
    PrintoptionsObj *p = (PrintoptionsObj *)v.as.obj;
    for (int i = 0; i < 5; i++) {
        p->args[i] = args[i];
        if (args[i].kind != VK_UNSET)
            v_incref(args[i]);
    }
    return v;
}

/* -------------------------------------------------------------- slice */

static Value bi_slice(Value *args)
{
    Tuple *t = as_tuple(args[0]);
    if (t->n == 0)
        return rt_raise(ERR_TYPE, "slice expected at least 1 argument, got 0");
    if (t->n > 3)
        return rt_raise(ERR_TYPE,
                        "slice expected at most 3 arguments, got %lld",
                        (long long)t->n);
    if (t->n == 1)
        return v_slice(v_none(), t->items[0], v_none());
    return v_slice(t->items[0], t->items[1],
                   t->n == 3 ? t->items[2] : v_none());
}

/* ------------------------------------------------------------- matmul */

static Value bi_matmul(Value *args)
{
    return bi_binary_arrays(args[0], args[1], nd_matmul);
}

/* -------------------------------------------------------------- table */

static const BuiltinDef core_defs[] = {
    {"abs", bi_abs, "x",
     "The absolute value.\n\n"
     "On a Python number it is Python's abs (an int stays an int, a complex "
     "gives\nits magnitude as a float); on arrays and NumPy scalars it is "
     "the ufunc\nabsolute, keeping the dtype.\n\n"
     ">>> abs(-3)\n3\n>>> abs(-2.5)\n2.5\n>>> abs(3+4j)\n5.0\n"
     ">>> abs(array([-1, 2]))\narray([1, 2])\n"},
    {"bool", bi_bool, "x=False",
     "The truth value of x as True or False.\n\n"
     "Zero, empty containers and None are False; an array of more than one "
     "element\nis ambiguous (ValueError).  Where a dtype is expected, bool "
     "names the bool\ndtype.\n\n"
     ">>> bool(0)\nFalse\n>>> bool(\"x\")\nTrue\n>>> bool(array([3]))\nTrue\n"},
    {"complex", bi_complex, "real=0, imag=0",
     "A Python complex number from a real and an imaginary part or a "
     "string.\n\n"
     "Where a dtype is expected, complex names complex128.\n\n"
     ">>> complex(1, 2)\n(1+2j)\n>>> complex(\"1-2.5j\")\n(1-2.5j)\n"
     ">>> complex(3)\n(3+0j)\n"},
    {"dict", bi_dict, "iterable=None, **kwargs",
     "A new dict: empty, a copy of a dict, or from (key, value) pairs.\n\n"
     "Keyword arguments add str keys: dict(a=1).  "
     "Keys are str, scalars or tuples of them; insertion order is kept.\n\n"
     ">>> dict([(\"a\", 1), (\"b\", 2)])\n{'a': 1, 'b': 2}\n"
     ">>> len(dict())\n0\n>>> dict(x=1, y=2)\n{'x': 1, 'y': 2}\n"},
    {"enumerate", bi_enumerate, "iterable, start=0",
     "A list of (index, item) pairs for a for loop.\n\n"
     "The indices count from start.  (Python returns a lazy iterator; nd a "
     "list.)\n\n"
     ">>> enumerate([\"a\", \"b\"])\n[(0, 'a'), (1, 'b')]\n"
     ">>> enumerate((7,), start=1)\n[(1, 7)]\n"},
    {"error", bi_error, "message, kind='RuntimeError'",
     "Raise an error with a message and a kind (a name such as "
     "\"ValueError\").\n\n"
     "error(e) with a caught error object raises it again.  catch binds "
     "the error;\nits .kind and .message are str.\n\n"
     ">>> try; error(\"boom\", \"ValueError\"); catch err; print(err.kind, "
     "err.message); end\nValueError boom\n"},
    {"errstate", bi_errstate,
     "*, all=None, divide=None, over=None, under=None, invalid=None",
     "A context for `with` that sets the floating-point error modes "
     "inside a block.\n\n"
     "Each mode is 'ignore', 'warn' or 'raise' (as seterr); the previous "
     "modes\ncome back at `end`.\n\n"
     ">>> with errstate(divide=\"ignore\"); print(array([1.0]) / 0); end\n"
     "[inf]\n"},
    {"exit", bi_exit, "status=None",
     "End the program with an exit status (0 by default).\n\n"
     "exit(\"message\") prints the message to stderr and exits with status "
     "1.\nIn the REPL it leaves the REPL.  catch does not catch it.\n\n"
     ">>> type(exit)\n<class 'builtin_function'>\n"},
    {"float", bi_float, "x=0.0",
     "A Python float from a number or a string.\n\n"
     "Strings follow Python: \"1e3\", \" -2.5 \", \"nan\", \"inf\", "
     "\"1_000.5\".  Where a dtype is\nexpected, float names float64.\n\n"
     ">>> float(\"1e3\")\n1000.0\n>>> float(\" -inf \")\n-inf\n"
     ">>> float(3)\n3.0\n"},
    {"format", bi_format, "value, format_spec=''",
     "Format a value with Python's format mini-language.\n\n"
     "[[fill]align][sign][z][#][0][width][,|_][.precision][type]; on an "
     "array\nthe spec applies to each element.\n\n"
     ">>> print(format(3.14159, \".2f\"))\n3.14\n"
     ">>> print(format(255, \"#x\"))\n0xff\n"
     ">>> print(format(1234567, \",\"))\n1,234,567\n"
     ">>> print(format(\"ab\", \"*^6\"))\n**ab**\n"},
    {"get_printoptions", bi_get_printoptions, "",
     "The current print options as a dict.\n\n"
     "Keys edgeitems, threshold, precision, suppress, linewidth.\n\n"
     ">>> get_printoptions()[\"precision\"]\n8\n"},
    {"geterr", bi_geterr, "",
     "The current floating-point error modes as a dict.\n\n"
     "Keys divide, over, under, invalid; values 'ignore', 'warn', "
     "'raise'.\n\n"
     ">>> print(geterr()[\"under\"])\nignore\n"},
    {"help", bi_help, "obj=None",
     "Show help on a value: its signature, description and examples.\n\n"
     "help() alone gives an overview; in the REPL ?name does the same as "
     "help(name).\n\n"
     ">>> help((x, y) -> x + y)\n<lambda>(x, y)\n"},
    {"input", bi_input, "prompt=''",
     "Read one line from standard input, without its newline.\n\n"
     "The prompt is written first.  At end of input it raises EOFError.\n\n"
     ">>> type(input)\n<class 'builtin_function'>\n"},
    {"int", bi_int, "x=0, base=10",
     "A Python int from a number or a string.\n\n"
     "Floats are truncated toward zero; strings follow Python (\"12\", "
     "\" -3 \",\n\"1_000\"), with base 2..36 or 0 (from the 0x/0o/0b "
     "prefix).  Where a dtype is\nexpected, int names int64.\n\n"
     ">>> int(2.7)\n2\n>>> int(-2.7)\n-2\n>>> int(\"12\")\n12\n"
     ">>> int(\"0x1A\", 16)\n26\n>>> int(\"ff\", 16)\n255\n"},
    {"isinstance", bi_isinstance, "obj, class_or_tuple",
     "Whether obj is an instance of a class or of one of a tuple of "
     "classes.\n\n"
     "Classes: int, float, complex, bool, str, list, tuple, dict, range, "
     "dtypes\nand what type() returns.  As in NumPy, float64 and "
     "complex128 scalars are\nfloats and complexes, other NumPy scalars "
     "are not Python numbers.\n\n"
     ">>> isinstance(1, int)\nTrue\n>>> isinstance(1.5, (int, float))\nTrue\n"
     ">>> isinstance(float32(1), float)\nFalse\n"
     ">>> isinstance(float64(1), float)\nTrue\n"},
    {"len", bi_len, "obj",
     "The number of items: of a list, tuple, str, dict, range, or an "
     "array's\nfirst axis.\n\n"
     "A 0-d array has no length (TypeError).\n\n"
     ">>> len((1, 2, 3))\n3\n>>> len(zeros((4, 2)))\n4\n>>> "
     "len(\"hello\")\n5\n"},
    {"list", bi_list, "iterable=()",
     "A new list of the items of an iterable.\n\n"
     "Iterating an array gives its rows (or scalars).\n\n"
     ">>> list((1, 2))\n[1, 2]\n>>> list(\"ab\")\n['a', 'b']\n"
     ">>> list(range(3))\n[0, 1, 2]\n"},
    {"matmul", bi_matmul, "x1, x2",
     "The matrix product of two arrays (the @ operator).\n\n"
     "1-d operands are vectors; stacks of matrices broadcast.\n\n"
     ">>> matmul([[1, 2], [3, 4]], [1, 1])\narray([3, 7])\n"
     ">>> matmul([1, 2], [3, 4])\n11\n"},
    {"max", bi_max,
     "*args, axis=None, out=None, keepdims=False, initial=None, where=True",
     "The largest item: of several scalars (Python's), or of one array or "
     "sequence.\n\n"
     "max(a) of an array is NumPy's amax: over all elements, or along axis=\n"
     "(keepdims, initial, where as amax; NaN propagates).  With two or more\n"
     "positional arguments all must be scalars: for arrays use maximum(a, "
     "b)\nor max(a, axis=0).\n\n"
     ">>> max(3, 1, 2)\n3\n>>> max(range(4))\n3\n"
     ">>> max(array([1.5, -2.0]))\n1.5\n"
     ">>> max([[1, 5], [3, 2]], axis=0)\narray([3, 5])\n"
     ">>> max([[1, 5], [3, 2]], axis=1, keepdims=True)\narray([[5],\n"
     "       [3]])\n"},
    {"min", bi_min,
     "*args, axis=None, out=None, keepdims=False, initial=None, where=True",
     "The smallest item: of several scalars (Python's), or of one array or "
     "sequence.\n\n"
     "min(a) of an array is NumPy's amin: over all elements, or along axis=\n"
     "(keepdims, initial, where as amin; NaN propagates).  With two or more\n"
     "positional arguments all must be scalars: for arrays use minimum(a, "
     "b)\nor min(a, axis=0).\n\n"
     ">>> min(3, 1, 2)\n1\n>>> min(array([[4, 2], [7, 5]]))\n2\n"
     ">>> min([2.5, nan])\nnan\n"
     ">>> min([[4, 2], [7, 5]], axis=0)\narray([4, 2])\n"},
    {"perf_counter", bi_perf_counter, "",
     "A monotonic clock in seconds, for measuring durations.\n\n"
     "Only differences between two readings are meaningful.\n\n"
     ">>> t = perf_counter()\n>>> perf_counter() >= t\nTrue\n"},
    {"print", bi_print, "*values, sep=' ', end='\\n', flush=False",
     "Write the values' str() to standard output.\n\n"
     "Values are separated by sep and followed by end.  Arrays print as "
     "NumPy's\nstr().\n\n"
     ">>> print(1, \"a\", [1, 2])\n1 a [1 2]\n"
     ">>> print(1, 2, sep=\", \")\n1, 2\n"
     ">>> print(\"no newline\", end=\"!\\n\")\nno newline!\n"},
    {"printoptions", bi_printoptions,
     "*, precision=None, threshold=None, edgeitems=None, linewidth=None, "
     "suppress=None",
     "A context for `with` that sets the print options inside a block.\n\n"
     "The previous options come back at `end`.\n\n"
     ">>> with printoptions(precision=2); print(array([3.14159])); end\n"
     "[3.14]\n"},
    {"range", bi_range, "*args",
     "range(stop) or range(start, stop[, step]): a lazy sequence of ints.\n\n"
     "As Python's: the arguments must be integers; where an array is "
     "expected it\nconverts to an int64 array.\n\n"
     ">>> list(range(3))\n[0, 1, 2]\n>>> list(range(10, 0, -3))\n"
     "[10, 7, 4, 1]\n>>> len(range(0, 10, 2))\n5\n"},
    {"repr", bi_repr, "obj",
     "The printable representation of a value, as the REPL echoes it.\n\n"
     "Strings are quoted; arrays show as NumPy's repr().\n\n"
     ">>> print(repr(\"a\"))\n'a'\n>>> print(repr(array([1, 2])))\n"
     "array([1, 2])\n"},
    {"round", bi_round, "number, ndigits=None",
     "Round to ndigits decimals (half to even).\n\n"
     "On a Python number it is Python's round: without ndigits the result "
     "is an\nint (round(2.5) == 2); with ndigits a float.  On arrays and "
     "NumPy scalars it\nis NumPy's round, keeping the dtype.\n\n"
     ">>> round(2.5)\n2\n>>> round(3.5)\n4\n>>> round(2.675, 2)\n2.67\n"
     ">>> round(array([0.5, 1.5, 2.5]))\narray([0., 2., 2.])\n"
     ">>> round(float32(1.25), 1)\n1.2\n"},
    {"set_printoptions", bi_set_printoptions,
     "precision=None, threshold=None, edgeitems=None, linewidth=None, "
     "suppress=None",
     "Set how arrays print.\n\n"
     "precision: float digits (8); threshold: element count above which "
     "arrays\nare summarised (1000); edgeitems: items shown at each end "
     "when summarised\n(3); linewidth: characters per line (75); "
     "suppress: no scientific notation\nfor small numbers (False).\n\n"
     ">>> set_printoptions(precision=3)\n>>> array([1/3])\n"
     "array([0.333])\n>>> set_printoptions(precision=8)\n"},
    {"seterr", bi_seterr,
     "all=None, divide=None, over=None, under=None, invalid=None",
     "Set what floating-point errors do; returns the old settings.\n\n"
     "Each mode is 'ignore', 'warn' (a RuntimeWarning) or 'raise' "
     "(FloatingPointError).\nThe defaults are divide='warn', over='warn', "
     "under='ignore', invalid='warn'.\n\n"
     ">>> old = seterr(all=\"ignore\")\n>>> print(old[\"divide\"])\nwarn\n"
     ">>> print(seterr(divide=\"warn\", over=\"warn\", "
     "invalid=\"warn\")[\"over\"])\nignore\n"},
    {"slice", bi_slice, "*args",
     "slice(stop) or slice(start, stop[, step]): what a:b:c means in an "
     "index.\n\n"
     "Omitted parts are None.\n\n"
     ">>> arange(6)[slice(1, 5, 2)]\narray([1, 3])\n"
     ">>> print(slice(3))\nslice(None, 3, None)\n"},
    {"str", bi_str, "object=''",
     "The string form of a value (what print shows).\n\n"
     "Arrays give NumPy's str(); numbers their shortest round-trip form.\n\n"
     ">>> print(str(1.5) + \"!\")\n1.5!\n>>> print(str(array([1, 2])))\n"
     "[1 2]\n"},
    {"time", bi_time, "",
     "The current time in seconds since the epoch (1970-01-01 UTC), a "
     "float.\n\n"
     "Use perf_counter() to measure durations.\n\n"
     ">>> time() > 1.7e9\nTrue\n"},
    {"tuple", bi_tuple, "iterable=()",
     "A new tuple of the items of an iterable.\n\n"
     "Tuples are immutable; shapes are tuples.\n\n"
     ">>> tuple(range(3))\n(0, 1, 2)\n>>> tuple(\"ab\")\n('a', 'b')\n"},
    {"type", bi_type, "object",
     "The type of a value, printed as <class 'name'>.\n\n"
     "It compares equal to the builtin of that name (type(1) == int) and, "
     "for\nNumPy scalars, to their dtype.\n\n"
     ">>> type(1.5)\n<class 'float'>\n>>> type(array([1]))\n"
     "<class 'ndarray'>\n>>> type(1) == int\nTrue\n"},
    {"zip", bi_zip, "*iterables",
     "A list of tuples pairing the items of several iterables.\n\n"
     "It stops at the shortest.  (Python returns a lazy iterator; nd a "
     "list.)\n\n"
     ">>> zip((1, 2), (\"a\", \"b\"))\n[(1, 'a'), (2, 'b')]\n"},
};

const Namespace ns_core = {
    .name = "builtins",
    .defs = core_defs,
    .ndefs = sizeof core_defs / sizeof core_defs[0],
    .help = "Python's builtins and the numerical environment.",
};
