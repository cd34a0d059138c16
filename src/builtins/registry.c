/* registry.c — ties the builtin tables together: the root namespace (the
 * tables of core.c, create.c, ufuncs.c, dtype.c and the constants here),
 * the process-wide cells the resolver binds builtin names to (made on first
 * use, so startup does no work proportional to the library), the `np` /
 * `numpy` module, member access on modules, and the small helpers the
 * files of builtins/ share (turning libnd results into values, reading
 * str/int/order arguments, locale-independent number text). */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "gc.h"  /* module_new (P12A) */
#include "ops.h" /* value_to_array */

/* ------------------------------------------------------- the constants */

static Value make_pi(void)
{
    return v_float(3.141592653589793);
}
static Value make_e(void)
{
    return v_float(2.718281828459045);
}
static Value make_inf(void)
{
    return v_float(INFINITY);
}
static Value make_nan(void)
{
    return v_float(NAN);
}
static Value make_newaxis(void)
{
    return v_none();
}
static Value make_np(void)
{
    return builtin_module("np");
}
/* (I8) The linalg module: its table is ns_linalg (builtins/linalg.c). */
static const Namespace *const linalg_namespaces[] = {&ns_linalg, NULL};
static Value make_linalg(void)
{
    return builtin_module("linalg");
}
/* The other table modules: fft (fft.c), random (random.c), ma (ma.c). */
static const Namespace *const fft_namespaces[] = {&ns_fft, NULL};
static const Namespace *const random_namespaces[] = {&ns_random, NULL};
static const Namespace *const ma_namespaces[] = {&ns_ma, NULL};
static Value make_fft(void)
{
    return builtin_module("fft");
}
static Value make_random(void)
{
    return builtin_module("random");
}
static Value make_ma(void)
{
    return builtin_module("ma");
}

static const NsConst registry_consts[] = {
    {"e", make_e,
     "e: Euler's number, 2.718281828459045 (a Python float).\n\n"
     ">>> e\n2.718281828459045\n"},
    {"fft", make_fft,
     "fft: the discrete Fourier transform module (NumPy's numpy.fft; np.fft "
     "too).\n\n"
     ">>> fft.fftfreq(4)\narray([ 0.  ,  0.25, -0.5 , -0.25])\n"},
    {"inf", make_inf,
     "inf: positive infinity (a Python float).\n\n"
     ">>> inf > 1e308\nTrue\n>>> -inf\n-inf\n"},
    {"linalg", make_linalg,
     "linalg: the linear-algebra module (NumPy's numpy.linalg; np.linalg "
     "too).\n\n"
     ">>> linalg.det([[2, 0], [0, 3]])\n6.0\n"},
    {"ma", make_ma,
     "ma: masked arrays (NumPy's numpy.ma; np.ma too).\n\n"
     ">>> ma.array([1, 2, 3], mask=[0, 1, 0])\n"
     "masked_array(data=[1, --, 3],\n             mask=[False,  True, False],\n"
     "       fill_value=999999)\n"},
    {"nan", make_nan,
     "nan: Not a Number (a Python float); nan != nan.\n\n"
     ">>> nan == nan\nFalse\n"},
    {"newaxis", make_newaxis,
     "newaxis: None, used in an index to insert an axis of length 1.\n\n"
     ">>> newaxis is None\nTrue\n"},
    {"np", make_np,
     "np: the root namespace itself, so pasted NumPy code such as "
     "np.zeros(3) runs.\n\n"
     ">>> np.zeros(2)\narray([0., 0.])\n"},
    {"pi", make_pi,
     "pi: the ratio of a circle's circumference to its diameter (a Python "
     "float).\n\n"
     ">>> pi\n3.141592653589793\n"},
    {"random", make_random,
     "random: random sampling (NumPy's numpy.random; np.random too): "
     "default_rng(seed)\nGenerators on PCG64 and the legacy functions.\n\n"
     ">>> random.default_rng(42).integers(0, 10, 3)\narray([0, 7, 6])\n"},
};

static const Namespace ns_registry = {
    .name = "constants",
    .consts = registry_consts,
    .nconsts = sizeof registry_consts / sizeof registry_consts[0],
};

/* ------------------------------------------- stdlib modules (P12A) */

/* Modules written in nd (the .nd files of stdlib/) that the root namespace
 * offers without `import`: the `polynomial` module and the legacy root
 * functions (polyval, polyfit, roots, ...) of stdlib/_polynomial_impl.nd.
 * Nothing is read at startup: a root name's cell is made on first use (see
 * builtin_cell), and its make() below loads the module then.  Each module
 * is loaded once per process from nd's own stdlib folder (the build
 * tree's, then the installed one), never from the script's folder, so a
 * user's polynomial.nd cannot replace it; `import polynomial` gives the
 * same module (builtin_module). */

static Module *stdlib_polynomial, *stdlib_polyimpl;
static Cell *cells_find(const char *name);
static void stdlib_patch_cells(Module **slot, Module *m);

/* The resolver makes the builtin cell of every global name a program
 * mentions (so a script that mentions polyfit loads the module before it
 * runs, and one that does not never does).  The module's own names are
 * resolved while it loads: their cells get None for the moment
 * (stdlib_loading), and stdlib_patch_cells fills them when the load is
 * done. */
static Module **stdlib_loading[4];
static int nstdlib_loading;

static bool stdlib_is_loading(Module **slot)
{
    for (int i = 0; i < nstdlib_loading; i++)
        if (stdlib_loading[i] == slot)
            return true;
    return false;
}

static Value stdlib_load(Module **slot, const char *name)
{
    if (*slot) {
        Value v = v_obj(&(*slot)->h);
        v_incref(v);
        return v;
    }
    if (stdlib_is_loading(slot) || nstdlib_loading == 4)
        return rt_raise(ERR_IMPORT,
                        "cannot import module '%s' (most likely due to a "
                        "circular import)",
                        name);
    static const char *const dirs[] = {ND_SRCDIR "/stdlib",
                                       ND_PKGDATADIR "/stdlib", ND_PKGDATADIR};
    char path[4096];
    FILE *f = NULL;
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs && !f; i++) {
        snprintf(path, sizeof path, "%s/%s.nd", dirs[i], name);
        f = fopen(path, "rb");
    }
    if (!f)
        return rt_raise(ERR_IMPORT,
                        "No module named '%s' (nd's stdlib file "
                        "%s.nd is missing)",
                        name, name);
    size_t cap = 1 << 16, n = 0;
    char *text = malloc(cap);
    while (text) {
        n += fread(text + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *t = realloc(text, cap * 2);
        if (!t) {
            free(text);
            text = NULL;
            break;
        }
        text = t;
        cap *= 2;
    }
    bool bad = ferror(f);
    fclose(f);
    if (!text || bad) {
        free(text);
        return rt_raise(ERR_IMPORT, "cannot read nd's stdlib module '%s'",
                        name);
    }
    Module *m = module_new(name, path);
    if (!m) {
        free(text);
        return v_error();
    }
    /* interp_run reports an error in the module itself (a bug of nd's
     * stdlib); the caller then sees an ImportError. */
    stdlib_loading[nstdlib_loading++] = slot;
    int rc = interp_run(path, text, n, RUN_FILE, m);
    nstdlib_loading--;
    free(text);
    if (rc < 0) {
        v_decref(v_obj(&m->h));
        return rt_raise(ERR_IMPORT, "cannot import nd's stdlib module '%s'",
                        name);
    }
    *slot = m; /* kept for the process */
    stdlib_patch_cells(slot, m);
    Value v = v_obj(&m->h);
    v_incref(v);
    return v;
}

/* The polynomial module; `polynomial.polynomial` is the module itself, so
 * NumPy's np.polynomial.polynomial.polyval spelling works too. */
static Value make_polynomial(void)
{
    if (stdlib_is_loading(&stdlib_polynomial))
        return v_none();
    bool fresh = !stdlib_polynomial;
    Value v = stdlib_load(&stdlib_polynomial, "polynomial");
    if (fresh && !v_is_err(v)) {
        Cell *c = module_cell(stdlib_polynomial, "polynomial");
        if (!c) {
            v_decref(v);
            return v_error();
        }
        v_incref(v);
        c->v = v;
    }
    return v;
}

/* A member of a stdlib module, for a lazily bound root name. */
static Value stdlib_member(Module **slot, const char *module, const char *name)
{
    Value m = stdlib_load(slot, module);
    if (v_is_err(m))
        return m;
    Value v = module_getattr((Module *)m.as.obj, name);
    v_decref(m);
    return v;
}

#define LEGACY_POLY(fn)                                                        \
    static Value make_##fn(void)                                               \
    {                                                                          \
        if (stdlib_is_loading(&stdlib_polyimpl))                               \
            return v_none();                                                   \
        return stdlib_member(&stdlib_polyimpl, "_polynomial_impl", #fn);       \
    }
LEGACY_POLY(poly)
LEGACY_POLY(polyadd)
LEGACY_POLY(polyder)
LEGACY_POLY(polydiv)
LEGACY_POLY(polyfit)
LEGACY_POLY(polyint)
LEGACY_POLY(polymul)
LEGACY_POLY(polysub)
LEGACY_POLY(polyval)
LEGACY_POLY(roots)
#undef LEGACY_POLY

/* Sorted by name.  The short texts here are what `?polyfit` shows; the
 * functions' own docstrings (help(polyfit)) say more. */
static const NsConst stdlib_consts[] = {
    {"poly", make_poly,
     "poly(seq_of_zeros): the polynomial (highest power first) with the "
     "given roots,\nor the characteristic polynomial of a square matrix "
     "(NumPy's numpy.poly).\nhelp(poly) shows the full text.\n\n"
     ">>> poly([1, 2, 3])\narray([ 1., -6., 11., -6.])\n"},
    {"polyadd", make_polyadd,
     "polyadd(a1, a2): the sum of two polynomials, highest power first "
     "(NumPy's\nnumpy.polyadd).  help(polyadd) shows the full text.\n\n"
     ">>> polyadd([1, 2], [9, 5, 4])\narray([9, 6, 6])\n"},
    {"polyder", make_polyder,
     "polyder(p, m=1): the m-th derivative of a polynomial, highest power "
     "first\n(NumPy's numpy.polyder).  help(polyder) shows the full "
     "text.\n\n"
     ">>> polyder([1, 1, 1, 1])\narray([3, 2, 1])\n"},
    {"polydiv", make_polydiv,
     "polydiv(u, v): quotient and remainder of two polynomials, highest "
     "power first\n(NumPy's numpy.polydiv).  help(polydiv) shows the full "
     "text.\n\n"
     ">>> polydiv([3.0, 5.0, 2.0], [2.0, 1.0])\n"
     "(array([1.5 , 1.75]), array([0.25]))\n"},
    {"polyfit", make_polyfit,
     "polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False): the "
     "least-squares\npolynomial fit, highest power first (NumPy's "
     "numpy.polyfit).\nhelp(polyfit) shows the full text.\n\n"
     ">>> polyfit([0, 1, 2], [1, 3, 5], 1).round(12)\narray([2., 1.])\n"},
    {"polyint", make_polyint,
     "polyint(p, m=1, k=None): the m-th antiderivative of a polynomial, "
     "highest power\nfirst (NumPy's numpy.polyint).  help(polyint) shows "
     "the full text.\n\n"
     ">>> polyint([3, 2, 1])\narray([1., 1., 1., 0.])\n"},
    {"polymul", make_polymul,
     "polymul(a1, a2): the product of two polynomials, highest power first "
     "(NumPy's\nnumpy.polymul).  help(polymul) shows the full text.\n\n"
     ">>> polymul([1, 2, 3], [9, 5, 1])\narray([ 9, 23, 38, 17,  3])\n"},
    {"polynomial", make_polynomial,
     "polynomial: power series, lowest power first (NumPy's "
     "numpy.polynomial):\npolyval polyfit polyroots polyder polyint polyadd "
     "polysub polymul polydiv\npolyvander polyfromroots polycompanion "
     "polyline polytrim, and the Chebyshev\nand Legendre basics chebval "
     "chebfit chebvander legval legfit legvander\n(also as "
     "polynomial.chebyshev.chebval, polynomial.legendre.legval, and\n"
     "polynomial.polynomial.polyval as NumPy spells them).  Written in nd "
     "(stdlib/);\nloaded on first use.\n\n"
     ">>> polynomial.polyval(2, [1, 2, 3])\n17.0\n"
     ">>> polynomial.polyfromroots([-1, 0, 1])\narray([ 0., -1.,  0.,  1.])\n"},
    {"polysub", make_polysub,
     "polysub(a1, a2): the difference of two polynomials, highest power "
     "first\n(NumPy's numpy.polysub).  help(polysub) shows the full "
     "text.\n\n"
     ">>> polysub([2, 10, -2], [3, 10, -4])\narray([-1,  0,  2])\n"},
    {"polyval", make_polyval,
     "polyval(p, x): the polynomial p (highest power first) at x, by "
     "Horner's scheme\n(NumPy's numpy.polyval).  help(polyval) shows the "
     "full text.\n\n"
     ">>> polyval([3, 0, 1], 5)\n76\n"},
    {"roots", make_roots,
     "roots(p): the roots of a polynomial, highest power first, as the "
     "eigenvalues of\nits companion matrix (NumPy's numpy.roots).  "
     "help(roots) shows the full text.\n\n"
     ">>> roots([1, -3, 2])\narray([2., 1.])\n"},
};

/* After a load: the cells made while it ran (None) get their values. */
static void stdlib_patch_cells(Module **slot, Module *m)
{
    if (slot != &stdlib_polyimpl)
        return;
    for (size_t i = 0; i < sizeof stdlib_consts / sizeof *stdlib_consts; i++) {
        if (stdlib_consts[i].make == make_polynomial)
            continue;
        Cell *c = cells_find(stdlib_consts[i].name);
        if (!c || c->v.kind != VK_NONE)
            continue;
        Value v = module_getattr(m, stdlib_consts[i].name);
        if (v_is_err(v)) {
            rt_clear();
            continue;
        }
        c->v = v;
    }
}

static const Namespace ns_stdlib = {
    .name = "stdlib",
    .consts = stdlib_consts,
    .nconsts = sizeof stdlib_consts / sizeof stdlib_consts[0],
};
/* ------------------------------------------- end of stdlib modules (P12A) */

const Namespace *const root_namespaces[] = {
    &ns_core,  &ns_create, &ns_ufuncs,  &ns_dtype,   &ns_index,    &ns_reduce,
    &ns_manip, &ns_sort,   &ns_numeric, &ns_session, &ns_registry, &ns_products,
    &ns_io,    &ns_textio, &ns_poly,    &ns_stdlib, /* P12A */
    NULL,
};

const Namespace *const array_method_namespaces[] = {
    &ns_array_methods,    &ns_index_methods,
    &ns_reduce_methods,   &ns_manip_methods,
    &ns_sort_methods,     &ns_numeric_methods,
    &ns_session_methods,  &ns_ufuncs_methods,
    &ns_products_methods, NULL,
};

const BuiltinDef *array_method_lookup(const char *name)
{
    for (int i = 0; array_method_namespaces[i]; i++) {
        const BuiltinDef *d = ns_lookup(array_method_namespaces[i], name);
        if (d)
            return d;
    }
    return NULL;
}

bool root_lookup(const char *name, const BuiltinDef **def, const NsConst **c)
{
    *def = NULL;
    *c = NULL;
    for (int i = 0; root_namespaces[i]; i++) {
        if ((*def = ns_lookup(root_namespaces[i], name)))
            return true;
        if ((*c = ns_lookup_const(root_namespaces[i], name)))
            return true;
    }
    return false;
}

/* ----------------------------------------------------- builtin cells */

/* name (the table's static string) -> Cell, open addressing.  The cells
 * and their values live for the whole process. */
typedef struct CellSlot {
    const char *name;
    Cell *cell;
} CellSlot;
static CellSlot *cells;
static size_t cells_cap, cells_used;

static size_t str_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

static Cell *cells_find(const char *name)
{
    if (!cells_cap)
        return NULL;
    for (size_t i = str_hash(name) & (cells_cap - 1);;
         i = (i + 1) & (cells_cap - 1)) {
        if (!cells[i].name)
            return NULL;
        if (!strcmp(cells[i].name, name))
            return cells[i].cell;
    }
}

static int cells_insert(const char *name, Cell *cell)
{
    if ((cells_used + 1) * 2 > cells_cap) {
        size_t ncap = cells_cap ? cells_cap * 2 : 128;
        CellSlot *n = calloc(ncap, sizeof *n);
        if (!n)
            return -1;
        for (size_t j = 0; j < cells_cap; j++) {
            if (!cells[j].name)
                continue;
            size_t i = str_hash(cells[j].name) & (ncap - 1);
            while (n[i].name)
                i = (i + 1) & (ncap - 1);
            n[i] = cells[j];
        }
        free(cells);
        cells = n;
        cells_cap = ncap;
    }
    size_t i = str_hash(name) & (cells_cap - 1);
    while (cells[i].name)
        i = (i + 1) & (cells_cap - 1);
    cells[i].name = name;
    cells[i].cell = cell;
    cells_used++;
    return 0;
}

Cell *builtin_cell(const char *name)
{
    Cell *cell = cells_find(name);
    if (cell)
        return cell;
    const BuiltinDef *def;
    const NsConst *c;
    if (!root_lookup(name, &def, &c))
        return NULL;
    Value v = def ? v_builtin(def, v_unset()) : c->make();
    if (v_is_err(v))
        return NULL;
    /* A plain Obj-headed cell; it is never released (the table holds it),
     * so it needs no cycle-collector tracking. */
    cell = calloc(1, sizeof *cell);
    if (!cell) {
        v_decref(v);
        return NULL;
    }
    cell->h.refcount = 1;
    cell->h.kind = VK_CELL;
    cell->v = v;
    if (cells_insert(def ? def->name : c->name, cell) < 0) {
        v_decref(v);
        free(cell);
        return NULL;
    }
    return cell;
}

/* ------------------------------------------------------------ modules */

static Module *np_module;
static Module *linalg_module;
static Module *fft_module, *random_module, *ma_module;

/* (I8) A builtin module made from its tables on first use, kept for the
 * process. */
static Value table_module(Module **slot, const char *name,
                          const Namespace *const *ns)
{
    if (!*slot) {
        Module *m = calloc(1, sizeof *m);
        if (!m)
            return rt_raise(ERR_MEMORY, "out of memory");
        m->h.refcount = 1;
        m->h.kind = VK_MODULE;
        m->name = name;
        m->ns = ns;
        m->globals = v_dict_new();
        m->cache = v_none();
        m->path = NULL;
        if (v_is_err(m->globals)) {
            free(m);
            return v_error();
        }
        *slot = m;
    }
    Value v = v_obj(&(*slot)->h);
    v_incref(v);
    return v;
}

Value builtin_module(const char *name)
{
    if (!strcmp(name, "polynomial")) /* P12A: a stdlib module, always bound */
        return make_polynomial();
    if (!strcmp(name, "linalg"))
        return table_module(&linalg_module, "linalg", linalg_namespaces);
    if (!strcmp(name, "fft"))
        return table_module(&fft_module, "fft", fft_namespaces);
    if (!strcmp(name, "random"))
        return table_module(&random_module, "random", random_namespaces);
    if (!strcmp(name, "ma"))
        return table_module(&ma_module, "ma", ma_namespaces);
    if (strcmp(name, "np") && strcmp(name, "numpy"))
        return v_unset();
    if (!np_module) {
        Module *m = calloc(1, sizeof *m);
        if (!m)
            return rt_raise(ERR_MEMORY, "out of memory");
        m->h.refcount = 1;
        m->h.kind = VK_MODULE;
        m->name = "numpy";
        m->ns = root_namespaces;
        m->globals = v_dict_new();
        m->cache = v_none();
        m->path = NULL;
        if (v_is_err(m->globals)) {
            free(m);
            return v_error();
        }
        np_module = m;
    }
    Value v = v_obj(&np_module->h);
    v_incref(v);
    return v;
}

Value module_getattr(Module *m, const char *name)
{
    if (m->ns == root_namespaces) {
        Cell *c = builtin_cell(name);
        if (c) {
            v_incref(c->v);
            return c->v;
        }
        if (rt_pending())
            return v_error();
    } else if (m->ns) {
        if (m->cache.kind == VK_DICT) {
            Value v = dict_get_str(m->cache, name);
            if (v.kind != VK_UNSET && !v_is_err(v)) {
                v_incref(v);
                return v;
            }
        }
        for (int i = 0; m->ns[i]; i++) {
            const BuiltinDef *def = ns_lookup(m->ns[i], name);
            const NsConst *c = def ? NULL : ns_lookup_const(m->ns[i], name);
            if (!def && !c)
                continue;
            Value v = def ? v_builtin(def, v_unset()) : c->make();
            if (v_is_err(v))
                return v;
            if (m->cache.kind != VK_DICT) {
                m->cache = v_dict_new();
                if (v_is_err(m->cache)) {
                    m->cache = v_none();
                    v_decref(v);
                    return v_error();
                }
            }
            Value key = v_str(name);
            if (v_is_err(key) || dict_set(m->cache, key, v) < 0) {
                v_decref(key);
                v_decref(v);
                return v_error();
            }
            v_decref(key);
            return v;
        }
    } else if (m->globals.kind == VK_DICT) {
        Value cv = dict_get_str(m->globals, name);
        if (cv.kind == VK_CELL) {
            Cell *c = (Cell *)cv.as.obj;
            if (c->v.kind != VK_UNSET) {
                v_incref(c->v);
                return c->v;
            }
        } else if (cv.kind != VK_UNSET && !v_is_err(cv)) {
            v_incref(cv);
            return cv;
        }
    }
    return rt_raise(ERR_ATTRIBUTE, "module '%s' has no attribute '%s'", m->name,
                    name);
}

/* ------------------------------------------------------------ helpers */

Value bi_result(NdArray *a)
{
    if (!a)
        return rt_from_lib();
    if (a->ndim == 0) {
        NdScalar s;
        int rc = nd_item(a, &s);
        nd_decref(a);
        if (rc < 0)
            return rt_from_lib();
        s.weak = false;
        return v_from_ndscalar(&s);
    }
    return v_array_take(a);
}

int bi_get_bool(Value v, bool dflt, bool *out)
{
    if (v.kind == VK_UNSET) {
        *out = dflt;
        return 0;
    }
    int t = op_truth(v);
    if (t < 0)
        return -1;
    *out = t != 0;
    return 0;
}

/* Both operands as arrays, then f(a, b) as a result value (a 0-d result
 * becomes a strong scalar). */
Value bi_binary_arrays(Value x, Value y, NdArray *(*f)(NdArray *, NdArray *))
{
    NdArray *a = value_to_array(x, ND_NTYPES);
    if (!a)
        return v_error();
    NdArray *b = value_to_array(y, ND_NTYPES);
    if (!b) {
        nd_decref(a);
        return v_error();
    }
    NdArray *r = f(a, b);
    nd_decref(a);
    nd_decref(b);
    return bi_result(r);
}

Value bi_result_array(NdArray *a)
{
    if (!a)
        return rt_from_lib();
    return v_array_take(a);
}

Value bi_weak_scalar(const NdScalar *s)
{
    NdKind k = nd_dtype_kind(s->dtype);
    NdScalar o;
    switch (k) {
    case ND_KIND_BOOL:
        return v_bool(s->v.b);
    case ND_KIND_INT:
        nd_scalar_cast(s, ND_INT64, &o);
        return v_int(o.v.i64);
    case ND_KIND_UINT:
        nd_scalar_cast(s, ND_UINT64, &o);
        if (o.v.u64 > (uint64_t)INT64_MAX) {
            Value v = {.kind = VK_SCALAR, .dtype = ND_UINT64, .weak = 1};
            v.as.u = o.v.u64;
            return v;
        }
        return v_int((int64_t)o.v.u64);
    case ND_KIND_FLOAT:
        nd_scalar_cast(s, ND_FLOAT64, &o);
        return v_float(o.v.f64);
    default:
        nd_scalar_cast(s, ND_COMPLEX128, &o);
        return v_complex(o.v.c128.re, o.v.c128.im);
    }
}

const char *bi_type_name(Value v)
{
    static const char *numpy_names[ND_NTYPES] = {
        "numpy.bool",      "numpy.int8",    "numpy.int16",   "numpy.int32",
        "numpy.int64",     "numpy.uint8",   "numpy.uint16",  "numpy.uint32",
        "numpy.uint64",    "numpy.float32", "numpy.float64", "numpy.complex64",
        "numpy.complex128"};
    switch (v.kind) {
    case VK_SCALAR:
        if (!v.weak)
            return numpy_names[v.dtype];
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
        return "numpy.ndarray";
    default:
        return v_type_name(v);
    }
}

int bi_get_str(Value v, const char *func, const char *what, const char **out)
{
    if (v.kind != VK_STR)
        return rt_fail(ERR_TYPE, "%s() argument '%s' must be str, not %s", func,
                       what, bi_type_name(v));
    *out = as_str(v)->data;
    return 0;
}

int bi_get_int(Value v, int64_t *out)
{
    if (v.kind == VK_SCALAR) {
        NdKind k = nd_dtype_kind((NdType)v.dtype);
        if (k == ND_KIND_BOOL) {
            *out = v.as.b;
            return 0;
        }
        if (k == ND_KIND_INT || k == ND_KIND_UINT) {
            NdScalar s = v_to_ndscalar(v), o;
            if (k == ND_KIND_UINT) {
                nd_scalar_cast(&s, ND_UINT64, &o);
                if (o.v.u64 > (uint64_t)INT64_MAX)
                    return rt_fail(ERR_OVERFLOW,
                                   "Python int too large to convert to C "
                                   "ssize_t");
                *out = (int64_t)o.v.u64;
                return 0;
            }
            nd_scalar_cast(&s, ND_INT64, &o);
            *out = o.v.i64;
            return 0;
        }
    }
    if (v.kind == VK_ARRAY && v.as.array->ndim == 0) {
        NdKind k = nd_dtype_kind(v.as.array->dtype);
        if (k == ND_KIND_INT || k == ND_KIND_UINT || k == ND_KIND_BOOL) {
            NdScalar s;
            if (nd_item(v.as.array, &s) < 0)
                return rt_fail_from_lib();
            s.weak = false;
            Value sv = v_from_ndscalar(&s);
            return bi_get_int(sv, out);
        }
    }
    return rt_fail(ERR_TYPE, "'%s' object cannot be interpreted as an integer",
                   bi_type_name(v));
}

int bi_get_order(Value v, const char *allowed, char dflt, char *out)
{
    if (v.kind == VK_UNSET || v.kind == VK_NONE) {
        *out = dflt;
        return 0;
    }
    if (v.kind != VK_STR)
        return rt_fail(ERR_TYPE, "order must be str, not %s", bi_type_name(v));
    const char *s = as_str(v)->data;
    char c = s[0] >= 'a' && s[0] <= 'z' ? (char)(s[0] - 32) : s[0];
    if (s[0] && !s[1] && strchr(allowed, c)) {
        *out = c;
        return 0;
    }
    if (!strcmp(allowed, "CF"))
        return rt_fail(ERR_VALUE, "only 'C' or 'F' order is permitted");
    return rt_fail(ERR_VALUE, "order must be one of '%s' (got '%s')", allowed,
                   s);
}

static bool same_word(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
        if (c != word[i])
            return false;
    }
    return true;
}

/* Python's float() syntax, checked here so the C library only converts
 * text already known to be a plain decimal number. */
int bi_parse_double(const char *s, double *out)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
           *s == '\v')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r' || s[n - 1] == '\f' || s[n - 1] == '\v'))
        n--;
    if (!n)
        return -1;
    bool neg = false;
    size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        i = 1;
    }
    const char *w = s + i;
    size_t wn = n - i;
    if (same_word(w, wn, "inf") || same_word(w, wn, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return 0;
    }
    if (same_word(w, wn, "nan")) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    char *buf = malloc(n + 8);
    if (!buf)
        return -1;
    size_t o = 0;
    if (neg)
        buf[o++] = '-';
    int digits = 0;
    bool prev_digit = false, dot = false, expo = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            buf[o++] = c;
            digits++;
            prev_digit = true;
        } else if (c == '_' && prev_digit && i + 1 < n && s[i + 1] >= '0' &&
                   s[i + 1] <= '9') {
            prev_digit = false;
        } else if (c == '.' && !dot && !expo) {
            dot = true;
            prev_digit = false;
            buf[o++] = '.';
        } else if ((c == 'e' || c == 'E') && digits && !expo) {
            expo = true;
            prev_digit = false;
            buf[o++] = 'e';
            if (i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-'))
                buf[o++] = s[++i];
            if (i + 1 >= n || s[i + 1] < '0' || s[i + 1] > '9') {
                free(buf);
                return -1;
            }
        } else {
            free(buf);
            return -1;
        }
    }
    buf[o] = '\0';
    if (!digits) {
        free(buf);
        return -1;
    }
    /* strtod reads the locale's decimal point: give it that one. */
    const char *dp = localeconv()->decimal_point;
    char *conv = buf;
    char *tmp = NULL;
    if (dp && strcmp(dp, ".") && strchr(buf, '.')) {
        size_t dl = strlen(dp);
        tmp = malloc(o + dl + 1);
        if (!tmp) {
            free(buf);
            return -1;
        }
        char *d = strchr(buf, '.');
        size_t pre = (size_t)(d - buf);
        memcpy(tmp, buf, pre);
        memcpy(tmp + pre, dp, dl);
        strcpy(tmp + pre + dl, d + 1);
        conv = tmp;
    }
    *out = strtod(conv, NULL);
    free(tmp);
    free(buf);
    return 0;
}

char *bi_float_repr(double x)
{
    NdScalar s = nd_scalar_float64(x);
    return nd_scalar_str(&s);
}
