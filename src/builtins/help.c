/* help.c — help(): plain text on stdout for a value or a name.  Builtins
 * show their signature (from the def's parameter spec) and help text;
 * ufuncs, dtypes and constants the help text of their root entry; modules
 * list their members; functions written in nd their parameters (defaults
 * as written in the source) and the string literal that opens their body;
 * arrays the ndarray overview and its methods.  The texts are the same
 * tables that feed calls and completion, so help cannot drift from them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"

static const char overview[] =
    "nd is an array language with NumPy's semantics and a syntax a NumPy "
    "user\nreads at a glance: Python-style expressions, blocks closed by "
    "`end`.\n\n"
    "help(x) shows help on a value: help(zeros), help(add), help(float32),\n"
    "help(a) for an array, help(f) for your own function (its parameters "
    "and the\nstring that opens its body).  help(np) lists every builtin "
    "name.  In the REPL,\n?name does the same as help(name).\n";

/* Print names wrapped at 75 columns, indented by 4. */
static void put_names(const char **names, int n)
{
    int col = 0;
    for (int i = 0; i < n; i++) {
        int len = (int)strlen(names[i]);
        if (col && col + len + 2 > 75) {
            fputs(",\n", stdout);
            col = 0;
        } else if (col) {
            fputs(", ", stdout);
            col += 2;
        }
        if (!col) {
            fputs("    ", stdout);
            col = 4;
        }
        fputs(names[i], stdout);
        col += len;
    }
    if (col)
        fputc('\n', stdout);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void put_namespace_members(const Namespace *const *tables)
{
    int n = 0;
    for (int i = 0; tables[i]; i++)
        n += tables[i]->ndefs + tables[i]->nconsts;
    const char **names = malloc((size_t)(n ? n : 1) * sizeof *names);
    if (!names)
        return;
    n = 0;
    for (int i = 0; tables[i]; i++) {
        for (int k = 0; k < tables[i]->ndefs; k++)
            names[n++] = tables[i]->defs[k].name;
        for (int k = 0; k < tables[i]->nconsts; k++)
            names[n++] = tables[i]->consts[k].name;
    }
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    put_names(names, n);
    free(names);
}

static void put_text(const char *text)
{
    if (!text || !*text)
        return;
    fputs(text, stdout);
    if (text[strlen(text) - 1] != '\n')
        fputc('\n', stdout);
}

static void show_def(const BuiltinDef *def, const char *prefix)
{
    const char *params = def->params ? def->params : "";
    if (!strncmp(params, "self", 4) && (params[4] == ',' || !params[4])) {
        params += 4;
        while (*params == ',' || *params == ' ')
            params++;
    }
    printf("%s%s(%s)\n\n", prefix, def->name, params);
    put_text(def->help);
}

static int name_order(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The methods of several tables (a NULL-terminated list) as one sorted
 * list under one heading. */
static void show_method_tables(const Namespace *const *tables)
{
    int n = 0, k = 0;
    for (int t = 0; tables[t]; t++)
        n += tables[t]->ndefs;
    if (!n)
        return;
    const char **names = malloc((size_t)n * sizeof *names);
    if (!names)
        return;
    for (int t = 0; tables[t]; t++)
        for (int i = 0; i < tables[t]->ndefs; i++)
            names[k++] = tables[t]->defs[i].name;
    qsort(names, (size_t)n, sizeof *names, name_order);
    fputs("\nMethods:\n", stdout);
    put_names(names, n);
    free(names);
}

static void show_methods(const Namespace *ns)
{
    const Namespace *const one[] = {ns, NULL};
    if (ns)
        show_method_tables(one);
}

/* The root entry's help for a name, or NULL. */
static const char *root_help(const char *name)
{
    const BuiltinDef *def;
    const NsConst *c;
    if (!root_lookup(name, &def, &c))
        return NULL;
    return def ? def->help : c->help;
}

static int show_name(const char *name)
{
    const BuiltinDef *def;
    const NsConst *c;
    if (!root_lookup(name, &def, &c)) {
        const BuiltinDef *m = array_method_lookup(name);
        if (m) {
            show_def(m, "ndarray.");
            return 0;
        }
        printf("No help found for '%s'.\n", name);
        return 0;
    }
    if (def)
        show_def(def, "");
    else
        put_text(c->help);
    return 0;
}

/* A docstring cleaned as Python's inspect.cleandoc: the first line
 * stripped, the common indentation of the others removed, blank lines at
 * the ends dropped. */
static void put_doc(const char *doc)
{
    size_t n = strlen(doc);
    char *d = malloc(n + 1);
    if (!d)
        return;
    memcpy(d, doc, n + 1);
    size_t indent = (size_t)-1;
    const char *p = strchr(d, '\n');
    while (p) {
        p++;
        size_t k = strspn(p, " \t");
        if (p[k] && p[k] != '\n' && k < indent)
            indent = k;
        p = strchr(p, '\n');
    }
    char *line = d;
    bool first = true;
    /* collect lines, then trim blank ones at both ends */
    char **lines = malloc((n + 2) * sizeof *lines);
    int nl = 0;
    if (!lines) {
        free(d);
        return;
    }
    while (line) {
        char *nx = strchr(line, '\n');
        if (nx)
            *nx = '\0';
        char *l = line;
        if (first)
            l += strspn(l, " \t");
        else if (indent != (size_t)-1 && strlen(l) >= indent)
            l += indent;
        else
            l += strspn(l, " \t");
        size_t len = strlen(l);
        while (len && (l[len - 1] == ' ' || l[len - 1] == '\t'))
            l[--len] = '\0';
        lines[nl++] = l;
        first = false;
        line = nx ? nx + 1 : NULL;
    }
    int a = 0, b = nl;
    while (a < b && !*lines[a])
        a++;
    while (b > a && !*lines[b - 1])
        b--;
    for (int i = a; i < b; i++)
        printf("%s\n", lines[i]);
    free(lines);
    free(d);
}

/* The source text of a default value (one line), or NULL. */
static void put_default(const Function *f, const Node *def)
{
    size_t len;
    SrcSpan s = def->span;
    const char *line = f->source ? source_line(f->source, s.line, &len) : NULL;
    if (line && s.line == s.end_line && s.col >= 1 && s.end_col >= s.col &&
        (size_t)s.end_col <= len) {
        fwrite(line + s.col - 1, 1, (size_t)(s.end_col - s.col + 1), stdout);
        return;
    }
    fputs("...", stdout);
}

static void show_function(Value v)
{
    const Function *f = (const Function *)v.as.obj;
    const FuncInfo *fi = &f->node->u.func;
    int nd = fi->defaults.n;
    printf("%s(", fi->name);
    for (int i = 0; i < fi->nparams; i++) {
        if (i)
            fputs(", ", stdout);
        fputs(fi->params[i], stdout);
        int di = i - (fi->nparams - nd);
        if (di >= 0) {
            fputc('=', stdout);
            put_default(f, fi->defaults.v[di]);
        }
    }
    fputs(")\n", stdout);
    if (fi->doc) {
        fputc('\n', stdout);
        put_doc(fi->doc);
    }
}

static void show_module(Value v)
{
    Module *m = (Module *)v.as.obj;
    if (m->ns) {
        printf("Module %s: the root namespace of nd (also `np`).\n\n"
               "Members:\n",
               m->name);
        put_namespace_members(m->ns);
        return;
    }
    printf("Module %s", m->name);
    if (m->path)
        printf(" (%s)", m->path);
    fputs("\n", stdout);
    if (m->globals.kind != VK_DICT)
        return;
    Dict *d = as_dict(m->globals);
    const char **names = malloc((size_t)(d->n ? d->n : 1) * sizeof *names);
    int n = 0;
    if (!names)
        return;
    for (int64_t i = 0; i < d->used; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key.kind != VK_STR)
            continue;
        if (e->value.kind == VK_CELL &&
            ((Cell *)e->value.as.obj)->v.kind == VK_UNSET)
            continue;
        if (n < d->n)
            names[n++] = as_str(e->key)->data;
    }
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    fputs("\nMembers:\n", stdout);
    put_names(names, n);
    free(names);
}

static const char *scalar_help(Value v)
{
    if (!v.weak)
        return NULL;
    switch (nd_dtype_kind((NdType)v.dtype)) {
    case ND_KIND_BOOL:
        return "bool: True or False (a Python bool).\n";
    case ND_KIND_INT:
    case ND_KIND_UINT:
        return "int: a Python integer (64-bit in nd; overflow is "
               "OverflowError).\n\nWith arrays it adapts to the array's "
               "dtype (NEP 50).\n";
    case ND_KIND_FLOAT:
        return "float: a Python float (double precision).\n\nWith arrays it "
               "adapts to the array's dtype: float32 * 2.5 stays float32.\n";
    default:
        return "complex: a Python complex number (two doubles).\n";
    }
}

int help_show(Value v)
{
    switch (v.kind) {
    case VK_UNSET:
    case VK_NONE:
        fputs(overview, stdout);
        return 0;
    case VK_STR:
        return show_name(as_str(v)->data);
    case VK_BUILTIN: {
        const Builtin *b = (const Builtin *)v.as.obj;
        show_def(b->def, b->self.kind == VK_ARRAY ? "ndarray." : "");
        return 0;
    }
    case VK_FUNCTION:
        show_function(v);
        return 0;
    case VK_MODULE:
        show_module(v);
        return 0;
    case VK_ARRAY:
        put_text(ns_array_methods.help);
        show_method_tables(array_method_namespaces);
        return 0;
    case VK_SCALAR: {
        const char *h = scalar_help(v);
        if (!h)
            h = root_help(nd_dtype_name((NdType)v.dtype));
        put_text(h);
        return 0;
    }
    case VK_LIST:
        fputs("list: a mutable sequence of any values.\n", stdout);
        show_methods(&ns_list_methods);
        return 0;
    case VK_DICT:
        fputs("dict: a mapping with insertion order.\n", stdout);
        show_methods(&ns_dict_methods);
        return 0;
    case VK_TUPLE:
        fputs("tuple: an immutable sequence (shapes, several return "
              "values).\n",
              stdout);
        return 0;
    case VK_RANGE:
        fputs("range: a lazy sequence of ints, range(start, stop, "
              "step).\n",
              stdout);
        return 0;
    case VK_OBJECT: {
        const NativeType *t = native_type(v);
        const char *h = NULL;
        const char *name = ufunc_name(v);
        if (name) {
            h = root_help(name);
        } else if (dtype_of_value(v) >= 0) {
            h = root_help(nd_dtype_name((NdType)dtype_of_value(v)));
        } else if (t == &type_type) {
            Value n = t->getattr(v, "__name__");
            if (n.kind == VK_STR) {
                const BuiltinDef *def;
                const NsConst *c;
                if (root_lookup(as_str(n)->data, &def, &c) && def) {
                    show_def(def, "");
                    v_decref(n);
                    return 0;
                }
                h = root_help(as_str(n)->data);
            }
            if (!v_is_err(n) && n.kind != VK_UNSET)
                v_decref(n);
        }
        put_text(h ? h : t->help);
        if (!h && !t->help)
            printf("%s object\n", t->name);
        if (t->methods)
            show_methods(t->methods);
        return 0;
    }
    default:
        printf("%s\n", v_type_name(v));
        return 0;
    }
}
