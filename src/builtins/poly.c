/* poly.c — the poly1d kind: NumPy's legacy one-variable polynomial object
 * (coefficients highest power first), as a native kind.  p(x), p.coeffs,
 * p.order, p.roots, p.deriv(), p.integ(), + - * / ** with polynomials and
 * scalars, ==, p[k], len(p) (the order), iteration over the coeffs, the
 * coeffs wherever an array is expected (NumPy's __array__: sqrt(p),
 * array + p), and NumPy's two-line str() with raised powers.
 *
 * The arithmetic itself lives in nd: the legacy functions (polyadd,
 * polymul, polydiv, polyval, roots, ...) are written in
 * stdlib/_polynomial_impl.nd and bound lazily in the root namespace
 * (registry.c's stdlib section).  poly1d calls them through their root
 * cells, so each operation has one implementation, and the stdlib file is
 * read only when polynomials are first used.  What is here is what nd
 * cannot express: a new kind of value with operators and printing.
 *
 * Also _poly_warn(message), which the stdlib uses to give NumPy's
 * warnings ("Polyfit may be poorly conditioned") through the warning
 * channel (nd_warn: printed after the statement, once per place). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

typedef struct PolyObj {
    NativeObj h;
    NdArray *coeffs; /* 1-d, leading zeros trimmed ([0] when all zero) */
    char *variable;  /* malloc'd; "x" by default */
} PolyObj;

/* (declared in builtins.h) */

static bool is_poly(Value v)
{
    return v.kind == VK_OBJECT && native_type(v) == &poly1d_type;
}

static PolyObj *as_poly(Value v)
{
    return (PolyObj *)v.as.obj;
}

static Value coeffs_value(const PolyObj *p)
{
    return v_array_take(nd_incref(p->coeffs));
}

/* Call a root-namespace function (one of the stdlib's legacy functions)
 * with positional arguments. */
static Value call_root(const char *name, const Value *pos, int npos)
{
    Cell *c = builtin_cell(name);
    if (!c) {
        if (rt_pending())
            return v_error();
        return rt_raise(ERR_NAME, "name '%s' is not defined", name);
    }
    return call_value(c->v, pos, npos, NULL, 0);
}

/* The complex value of element i of a 1-d array. */
static int elem_c128(const NdArray *a, int64_t i, double *re, double *im)
{
    NdScalar s, o;
    if (nd_get_item(a, &i, &s) < 0)
        return rt_fail_from_lib();
    nd_scalar_cast(&s, ND_COMPLEX128, &o);
    *re = o.v.c128.re;
    *im = o.v.c128.im;
    return 0;
}

/* A poly1d from coefficients (any array-like): NumPy's poly1d.__init__
 * without r=: at least 1-d, 1-d only, leading zeros trimmed. */
static Value poly_from_coeffs(Value c, const char *variable)
{
    NdArray *a = value_to_array(c, ND_NTYPES);
    if (!a)
        return v_error();
    if (a->ndim > 1) {
        nd_decref(a);
        return rt_raise(ERR_VALUE, "Polynomial must be 1d only.");
    }
    int64_t n = a->ndim == 0 ? 1 : a->shape[0];
    NdArray *flat = nd_copy(a, 'C'); /* our own contiguous copy */
    nd_decref(a);
    if (!flat)
        return rt_from_lib();
    int64_t first = 0;
    for (; first < n; first++) {
        double re = 0, im = 0;
        NdScalar s;
        NdScalar o;
        memset(&s, 0, sizeof s);
        size_t isz = nd_dtype_size(flat->dtype);
        s.dtype = flat->dtype;
        memcpy(&s.v, flat->data + (size_t)first * isz, isz);
        nd_scalar_cast(&s, ND_COMPLEX128, &o);
        re = o.v.c128.re;
        im = o.v.c128.im;
        if (re != 0 || im != 0) /* nan counts as nonzero, as trim_zeros */
            break;
    }
    int64_t m = first == n ? 1 : n - first;
    NdArray *t = nd_zeros(flat->dtype, 1, &m, 'C');
    if (!t) {
        nd_decref(flat);
        return rt_from_lib();
    }
    if (first < n) {
        size_t isz = nd_dtype_size(flat->dtype);
        memcpy(t->data, flat->data + (size_t)first * isz, (size_t)m * isz);
    }
    nd_decref(flat);
    Value v = native_new(&poly1d_type);
    if (v_is_err(v)) {
        nd_decref(t);
        return v;
    }
    PolyObj *p = as_poly(v);
    p->coeffs = t;
    p->variable = rt_strdup(variable ? variable : "x");
    if (!p->variable) {
        v_decref(v);
        return rt_raise(ERR_MEMORY, "out of memory");
    }
    return v;
}

/* poly1d(c_or_r, r=False, variable=None) */
static Value poly_new(Value c_or_r, bool r, const char *variable)
{
    if (is_poly(c_or_r)) {
        const PolyObj *o = as_poly(c_or_r);
        Value c = coeffs_value(o);
        Value v = poly_from_coeffs(c, variable ? variable : o->variable);
        v_decref(c);
        return v;
    }
    if (r) {
        Value c = call_root("poly", &c_or_r, 1);
        if (v_is_err(c))
            return c;
        Value v = poly_from_coeffs(c, variable);
        v_decref(c);
        return v;
    }
    return poly_from_coeffs(c_or_r, variable);
}

/* A poly1d (default variable) from a result that is an array-like, or a
 * poly1d already. */
static Value poly_take(Value c)
{
    if (v_is_err(c))
        return c;
    Value v = poly_new(c, false, NULL);
    v_decref(c);
    return v;
}

static void poly_finalize(Obj *self)
{
    PolyObj *p = (PolyObj *)self;
    if (p->coeffs)
        nd_decref(p->coeffs);
    free(p->variable);
}

/* ------------------------------------------------------------ printing */

/* Text is built in value.h's TextBuf (MemoryError pending on failure). */

static void buf_spaces(TextBuf *b, long k)
{
    for (long i = 0; i < k; i++)
        textbuf_putc(b, ' ');
}

/* Python's '%.4g' % q (no "-nan"), with NumPy's fmt_float trimming of a
 * trailing ".0000". */
static void fmt_float(double q, char *out, size_t size)
{
    if (isnan(q))
        snprintf(out, size, "nan");
    else if (isinf(q))
        snprintf(out, size, q > 0 ? "inf" : "-inf");
    else
        snprintf(out, size, "%.4g", q);
    size_t n = strlen(out);
    if (n >= 5 && !strcmp(out + n - 5, ".0000"))
        out[n - 5] = '\0';
}

/* NumPy's _raise_power: "1 x**2 + 2 x + 3" becomes two lines with each
 * power written above the end of its term, wrapped at 70 columns. */
static char *raise_power(const char *astr)
{
    const long wrap = 70;
    TextBuf out = {0}, line1 = {0}, line2 = {0};
    textbuf_puts(&out, " ");
    size_t n = 0, len = strlen(astr);
    for (;;) {
        const char *m = strstr(astr + n, "**");
        if (!m)
            break;
        size_t start = (size_t)(m - astr), end = start + 2;
        while (end < len && astr[end] >= '0' && astr[end] <= '9')
            end++;
        const char *power = astr + start + 2;
        long plen = (long)(end - start - 2);
        const char *part = astr + n;
        long partlen = (long)(start - n);
        n = end;
        long add2 = partlen + (plen > 1 ? plen - 1 : 0);
        long add1 = (partlen > 1 ? partlen - 1 : 0) + plen;
        if ((long)line2.len + add2 > wrap || (long)line1.len + add1 > wrap) {
            textbuf_put(&out, line1.data, line1.len);
            textbuf_puts(&out, "\n");
            textbuf_put(&out, line2.data, line2.len);
            textbuf_puts(&out, "\n ");
            line1.len = line2.len = 0;
        }
        textbuf_put(&line2, part, partlen);
        buf_spaces(&line2, plen - 1);
        buf_spaces(&line1, partlen - 1);
        textbuf_put(&line1, power, plen);
    }
    textbuf_put(&out, line1.data, line1.len);
    textbuf_puts(&out, "\n");
    textbuf_put(&out, line2.data, line2.len);
    textbuf_puts(&out, astr + n);
    bool failed = out.failed || line1.failed || line2.failed;
    textbuf_release(&line1);
    textbuf_release(&line2);
    if (failed) {
        textbuf_release(&out);
        return NULL;
    }
    return out.data;
}

/* NumPy's poly1d.__str__. */
static Value poly_str(Value self)
{
    const PolyObj *p = as_poly(self);
    const char *var = p->variable;
    int64_t n = p->coeffs->shape[0], first = 0;
    bool cplx = nd_dtype_kind(p->coeffs->dtype) == ND_KIND_COMPLEX;
    /* coeffs[logical_or.accumulate(coeffs != 0)]: from the first nonzero */
    for (; first < n; first++) {
        double re = 0, im = 0;
        if (elem_c128(p->coeffs, first, &re, &im) < 0)
            return v_error();
        if (re != 0 || im != 0)
            break;
    }
    int64_t N = n - first - 1;
    TextBuf s = {0};
    textbuf_puts(&s, "0");
    for (int64_t k = 0; k < n - first; k++) {
        double re = 0, im = 0;
        if (elem_c128(p->coeffs, first + k, &re, &im) < 0) {
            textbuf_release(&s);
            return v_error();
        }
        char coef[128], a[48], b[48], term[256];
        if (!cplx || im == 0) {
            fmt_float(re, coef, sizeof coef);
        } else if (re == 0) {
            fmt_float(im, a, sizeof a);
            snprintf(coef, sizeof coef, "%sj", a);
        } else {
            fmt_float(re, a, sizeof a);
            fmt_float(im, b, sizeof b);
            snprintf(coef, sizeof coef, "(%s + %sj)", a, b);
        }
        int64_t power = N - k;
        bool zero = !strcmp(coef, "0");
        if (power == 0)
            snprintf(term, sizeof term, "%s",
                     zero ? (k == 0 ? "0" : "") : coef);
        else if (power == 1)
            snprintf(term, sizeof term, zero ? "" : "%s %s", coef, var);
        else if (zero)
            term[0] = '\0';
        else
            snprintf(term, sizeof term, "%s %s**%lld", coef, var,
                     (long long)power);
        if (k > 0) {
            if (term[0] == '-') {
                textbuf_puts(&s, " - ");
                textbuf_puts(&s, term + 1);
            } else if (term[0]) {
                textbuf_puts(&s, " + ");
                textbuf_puts(&s, term);
            }
        } else {
            s.len = 0;
            textbuf_puts(&s, term);
        }
    }
    if (s.failed) {
        textbuf_release(&s);
        return v_error();
    }
    char *r = raise_power(s.data ? s.data : "");
    textbuf_release(&s);
    if (!r)
        return v_error();
    Value v = v_str(r);
    free(r);
    return v;
}

/* NumPy's poly1d.__repr__: "poly1d(" + repr(coeffs)[6:-1] + ")". */
static Value poly_repr(Value self)
{
    Value c = coeffs_value(as_poly(self));
    Value r = v_to_repr(c);
    v_decref(c);
    if (v_is_err(r))
        return r;
    const char *s = as_str(r)->data;
    size_t n = strlen(s);
    TextBuf b = {0};
    textbuf_puts(&b, "poly1d(");
    if (n > 7)
        textbuf_put(&b, s + 6, (int64_t)n - 7);
    textbuf_puts(&b, ")");
    v_decref(r);
    return textbuf_finish(&b);
}

/* ---------------------------------------------------------- attributes */

static Value poly_getattr(Value self, const char *name)
{
    const PolyObj *p = as_poly(self);
    if (!strcmp(name, "coeffs") || !strcmp(name, "c") ||
        !strcmp(name, "coef") || !strcmp(name, "coefficients"))
        return coeffs_value(p);
    if (!strcmp(name, "order") || !strcmp(name, "o"))
        return v_int(p->coeffs->shape[0] - 1);
    if (!strcmp(name, "variable"))
        return v_str(p->variable);
    if (!strcmp(name, "roots") || !strcmp(name, "r")) {
        Value c = coeffs_value(p);
        Value r = call_root("roots", &c, 1);
        v_decref(c);
        return r;
    }
    return v_unset();
}

/* p(x): polyval(p, x); a poly1d argument composes. */
static Value poly_call(Value self, const Value *pos, int npos, const KwArg *kw,
                       int nkw)
{
    if (nkw)
        return rt_raise(ERR_TYPE,
                        "poly1d.__call__() got an unexpected keyword "
                        "argument '%s'",
                        kw[0].name);
    if (npos != 1)
        return rt_raise(ERR_TYPE,
                        "poly1d.__call__() takes 1 positional argument but "
                        "%d were given",
                        npos);
    Value args[2] = {self, pos[0]};
    return call_root("polyval", args, 2);
}

/* p[k]: the coefficient of x**k (0 beyond the order, as NumPy). */
static Value poly_getitem(Value self, Value key)
{
    const PolyObj *p = as_poly(self);
    int64_t k;
    if (bi_get_int(key, &k) < 0)
        return v_error();
    int64_t order = p->coeffs->shape[0] - 1;
    if (k > order || k < 0) {
        NdScalar z;
        memset(&z, 0, sizeof z);
        z.dtype = p->coeffs->dtype;
        return v_from_ndscalar(&z);
    }
    int64_t i = order - k;
    NdScalar s;
    if (nd_get_item(p->coeffs, &i, &s) < 0)
        return rt_from_lib();
    s.weak = false;
    return v_from_ndscalar(&s);
}

/* p[k] = v: sets the coefficient of x**k, growing the polynomial. */
static int poly_setitem(Value self, Value key, Value v)
{
    PolyObj *p = as_poly(self);
    int64_t k;
    if (bi_get_int(key, &k) < 0)
        return -1;
    if (k < 0)
        return rt_fail(ERR_VALUE, "Does not support negative powers.");
    int64_t order = p->coeffs->shape[0] - 1;
    if (k > order) {
        int64_t m = k + 1;
        NdArray *t = nd_zeros(p->coeffs->dtype, 1, &m, 'C');
        if (!t)
            return rt_fail_from_lib();
        size_t isz = nd_dtype_size(t->dtype);
        memcpy(t->data + (size_t)(k - order) * isz, p->coeffs->data,
               (size_t)(order + 1) * isz);
        nd_decref(p->coeffs);
        p->coeffs = t;
        order = k;
    }
    Value c = coeffs_value(p);
    int rc = op_setitem(c, v_int(order - k), v);
    v_decref(c);
    return rc;
}

/* ----------------------------------------------------------- operators */

static bool is_scalar(Value v)
{
    return v.kind == VK_SCALAR;
}

/* The coefficients of any polynomial-like operand (through poly1d()). */
static Value other_coeffs(Value v)
{
    if (is_poly(v))
        return coeffs_value(as_poly(v));
    Value p = poly_new(v, false, NULL);
    if (v_is_err(p))
        return p;
    Value c = coeffs_value(as_poly(p));
    v_decref(p);
    return c;
}

/* poly1d(root_fn(x, y)) for coefficient arrays x, y (borrowed). */
static Value poly_root2(const char *fn, Value x, Value y)
{
    Value args[2] = {x, y};
    return poly_take(call_root(fn, args, 2));
}

/* Python's ** rule of poly1d: a non-negative integral scalar power. */
static Value poly_pow(Value self, Value e)
{
    double d;
    int64_t k = 0;
    if (is_scalar(e) && nd_dtype_kind((NdType)e.dtype) == ND_KIND_COMPLEX)
        return rt_raise(ERR_TYPE,
                        "int() argument must be a string, a bytes-like "
                        "object or a real number, not '%s'",
                        e.weak ? "complex" : v_type_name(e));
    bool ok = is_scalar(e) && value_to_double(e, &d) == 0 && d >= 0 &&
              d == floor(d) && d < 1e9;
    if (!ok) {
        rt_clear();
        return rt_raise(ERR_VALUE, "Power to non-negative integers only.");
    }
    /* NumPy's loop is range(val): an integral float is still no int. */
    if (nd_dtype_kind((NdType)e.dtype) == ND_KIND_FLOAT)
        return rt_raise(ERR_TYPE,
                        "'%s' object cannot be interpreted as an integer",
                        e.weak ? "float" : v_type_name(e));
    k = (int64_t)d;
    Value c = coeffs_value(as_poly(self));
    Value res = v_int(1);
    for (int64_t i = 0; i < k && !v_is_err(res); i++) {
        Value args[2] = {c, res};
        Value r = call_root("polymul", args, 2);
        v_decref(res);
        res = r;
    }
    v_decref(c);
    return poly_take(res);
}

/* An operand NumPy's ndarray handles itself: an array or a NumPy (strong)
 * scalar. */
static bool is_ndarray_like(Value v)
{
    return v.kind == VK_ARRAY || (v.kind == VK_SCALAR && !v.weak);
}

static Value poly_binary(OpKind op, Value a, Value b)
{
    bool left = is_poly(a);
    Value self = left ? a : b, other = left ? b : a;
    Value sc = coeffs_value(as_poly(self)), r;
    /* NumPy: with an array (or NumPy scalar) on the left, ndarray's
     * operator runs first and sees the poly1d as its coeffs (__array__):
     * array([1, 2, 3]) + p is array([2, 4, 6]).  == and != of a poly1d
     * with one are NotImplemented, so the array compares too. */
    if (is_ndarray_like(other) && (!left || op == OP_EQ || op == OP_NE)) {
        r = left ? op_binary(op, sc, other) : op_binary(op, other, sc);
        v_decref(sc);
        return r;
    }
    switch (op) {
    case OP_ADD:
    case OP_SUB:
    case OP_MUL: {
        if (op == OP_MUL && is_scalar(other)) {
            r = poly_take(op_binary(OP_MUL, sc, other));
            break;
        }
        Value oc = other_coeffs(other);
        if (v_is_err(oc)) {
            r = oc;
            break;
        }
        const char *fn = op == OP_ADD   ? "polyadd"
                         : op == OP_SUB ? "polysub"
                                        : "polymul";
        r = left ? poly_root2(fn, sc, oc) : poly_root2(fn, oc, sc);
        v_decref(oc);
        break;
    }
    case OP_DIV: {
        if (is_scalar(other)) {
            r = poly_take(left ? op_binary(OP_DIV, sc, other)
                               : op_binary(OP_DIV, other, sc));
            break;
        }
        Value o = is_poly(other) ? (v_incref(other), other)
                                 : poly_new(other, false, NULL);
        if (v_is_err(o)) {
            r = o;
            break;
        }
        Value args[2] = {left ? self : o, left ? o : self};
        r = call_root("polydiv", args, 2);
        v_decref(o);
        break;
    }
    case OP_POW:
        r = left ? poly_pow(self, other) : v_unset();
        break;
    case OP_EQ:
    case OP_NE: {
        bool eq = false;
        if (is_poly(other)) {
            const NdArray *x = as_poly(self)->coeffs;
            const NdArray *y = as_poly(other)->coeffs;
            eq = x->shape[0] == y->shape[0];
            for (int64_t i = 0; eq && i < x->shape[0]; i++) {
                double xr = 0, xi = 0, yr = 0, yi = 0;
                if (elem_c128(x, i, &xr, &xi) < 0 ||
                    elem_c128(y, i, &yr, &yi) < 0) {
                    v_decref(sc);
                    return v_error();
                }
                eq = xr == yr && xi == yi;
            }
        }
        r = v_bool(op == OP_EQ ? eq : !eq);
        break;
    }
    default:
        r = v_unset();
        break;
    }
    v_decref(sc);
    return r;
}

/* -p and +p (NumPy's __neg__ and __pos__); ~p is a TypeError.  The
 * ufuncs themselves (negative(p), sqrt(p)) see the coeffs array
 * (poly_to_array), as NumPy's do through __array__. */
static Value poly_unary(OpKind op, Value self)
{
    if (op == OP_POS) {
        v_incref(self);
        return self;
    }
    if (op != OP_NEG)
        return v_unset();
    Value c = coeffs_value(as_poly(self));
    Value r = poly_take(op_unary(OP_NEG, c));
    v_decref(c);
    return r;
}

/* NumPy's __array__: the coeffs themselves. */
static NdArray *poly_to_array(Value self)
{
    return nd_incref(as_poly(self)->coeffs);
}

/* NumPy's __len__ is the order (not the number of coefficients) ... */
static int poly_len(Value self, int64_t *out)
{
    *out = as_poly(self)->coeffs->shape[0] - 1;
    return 0;
}

/* ... while __iter__ walks the coeffs, highest power first. */
static Value poly_iter(Value self)
{
    return coeffs_value(as_poly(self));
}

/* ------------------------------------------------------------- methods */

static Value m_deriv(Value *args)
{
    Value c = coeffs_value(as_poly(args[0]));
    Value m = args[1].kind == VK_UNSET ? v_int(1) : args[1];
    Value r = poly_root2("polyder", c, m);
    v_decref(c);
    return r;
}

static Value m_integ(Value *args)
{
    Value c = coeffs_value(as_poly(args[0]));
    Value pos[3] = {c, args[1].kind == VK_UNSET ? v_int(1) : args[1],
                    args[2].kind == VK_UNSET ? v_int(0) : args[2]};
    Value r = poly_take(call_root("polyint", pos, 3));
    v_decref(c);
    return r;
}

static const BuiltinDef poly1d_methods[] = {
    {"deriv", m_deriv, "self, m=1",
     "p.deriv(m=1): the m-th derivative of p as a poly1d (polyder).\n\n"
     ">>> poly1d([1, 1, 1, 1]).deriv()\npoly1d([3, 2, 1])\n"
     ">>> poly1d([1, 1, 1, 1]).deriv(2)\npoly1d([6, 2])\n"},
    {"integ", m_integ, "self, m=1, k=0",
     "p.integ(m=1, k=0): the m-th antiderivative of p as a poly1d "
     "(polyint);\nk is the integration constant (or m of them).\n\n"
     ">>> poly1d([3, 2, 1]).integ()\npoly1d([1., 1., 1., 0.])\n"
     ">>> poly1d([1, 1]).integ(k=3)\npoly1d([0.5, 1. , 3. ])\n"},
};

static const Namespace ns_poly1d_methods = {
    .name = "poly1d",
    .defs = poly1d_methods,
    .ndefs = sizeof poly1d_methods / sizeof poly1d_methods[0],
};

const NativeType poly1d_type = {
    .name = "poly1d",
    .size = sizeof(PolyObj),
    .finalize = poly_finalize,
    .str = poly_str,
    .repr = poly_repr,
    .getattr = poly_getattr,
    .methods = &ns_poly1d_methods,
    .binary = poly_binary,
    .getitem = poly_getitem,
    .setitem = poly_setitem,
    .call = poly_call,
    .len = poly_len,
    .iter = poly_iter,
    .unary = poly_unary,
    .to_array = poly_to_array,
    .help = "poly1d: a one-variable polynomial (NumPy's numpy.poly1d), "
            "coefficients\nhighest power first.\n\n"
            "Attributes: coeffs (also c, coef, coefficients), order (o), roots "
            "(r),\nvariable.  p(x) evaluates (x may be an array or a poly1d); "
            "p[k] is the\ncoefficient of x**k; + - * with polynomials and "
            "scalars; p ** n; p / q\nis (quotient, remainder) as polydiv; "
            "p / 2 divides the coefficients.\nAs NumPy's: len(p) is the "
            "order, `for c in p` walks the coeffs, and\nwhere an array is "
            "expected (sqrt(p), array + p) p is its coeffs.\n\n"
            ">>> p = poly1d([1, 2, 3])\n>>> print(p)\n   2\n1 x + 2 x + 3\n"
            ">>> p(0.5)\n4.25\n>>> p * p\npoly1d([ 1,  4, 10, 12,  9])\n",
};

/* ------------------------------------------------------------ builtins */

static Value bi_poly1d(Value *args)
{
    bool r = false;
    if (args[1].kind != VK_UNSET) {
        int t = op_truth(args[1]);
        if (t < 0)
            return v_error();
        r = t;
    }
    const char *var = NULL;
    if (args[2].kind != VK_UNSET && args[2].kind != VK_NONE &&
        bi_get_str(args[2], "poly1d", "variable", &var) < 0)
        return v_error();
    return poly_new(args[0], r, var);
}

static Value bi_poly_warn(Value *args)
{
    const char *msg;
    if (bi_get_str(args[0], "_poly_warn", "message", &msg) < 0)
        return v_error();
    char text[160];
    snprintf(text, sizeof text, "RankWarning: %s", msg);
    nd_warn(text);
    return v_none();
}

static const BuiltinDef poly_defs[] = {
    {"_poly_warn", bi_poly_warn, "message",
     "_poly_warn(message): give NumPy's RankWarning from the polynomial "
     "stdlib.\n\n"
     "The text prints to stderr after the statement, once per place, as "
     "the\nRuntimeWarnings do; from stdlib code it is reported at the "
     "user's line\nthat called in (polyfit's \"Polyfit may be poorly "
     "conditioned\").\n\n"
     ">>> _poly_warn(\"Polyfit may be poorly conditioned\")\n"
     "<string>:1: RankWarning: Polyfit may be poorly conditioned\n"},
    {"poly1d", bi_poly1d, "c_or_r, r=False, variable=None",
     "poly1d(c_or_r, r=False, variable=None): a one-variable polynomial "
     "(NumPy's\nnumpy.poly1d).\n\n"
     "c_or_r are the coefficients, highest power first (leading zeros "
     "dropped),\nor its roots when r=True.  variable names the unknown "
     "when printing.\nSee help(poly1d(1)) for what a poly1d does.\n\n"
     ">>> p = poly1d([1, 2, 3])\n>>> p\npoly1d([1, 2, 3])\n"
     ">>> print(p)\n   2\n1 x + 2 x + 3\n"
     ">>> p(0.5)\n4.25\n>>> p.order\n2\n"
     ">>> p.deriv()\npoly1d([2, 2])\n"
     ">>> poly1d([1, 2], r=True)\npoly1d([ 1., -3.,  2.])\n"
     ">>> print(poly1d([1, 2, 3], variable='z'))\n   2\n1 z + 2 z + 3\n"},
};

const Namespace ns_poly = {
    .name = "poly",
    .defs = poly_defs,
    .ndefs = sizeof poly_defs / sizeof poly_defs[0],
};
