/* test_docs.c — the examples in the help texts are tests.  Every builtin
 * table (the root namespace, the methods of arrays, str, list and dict, and
 * the native kinds) is walked; for each builtin, the `>>> code` lines of its
 * help text run in a fresh module with echo (as `nd -e` and the REPL run
 * them), and what they print must be exactly the lines that follow each
 * example, up to the next `>>> ` or a blank line.  A builtin without an
 * example fails: each one carries a tested example.  One Check test case per
 * builtin, named after it.  (The man page and README examples will join.) */
#define _POSIX_C_SOURCE 200809L /* fileno, dup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "eval.h"
#include "gc.h"
#include "interp.h"
#include "testutil.h"

/* One builtin whose help is checked. */
typedef struct DocItem {
    char name[96]; /* "root.print", "array.reshape", "type float32" */
    const char *help;
    bool need_example;
} DocItem;

static DocItem *items;
static int nitems, capitems;

static void add_item(const char *prefix, const char *name, const char *help,
                     bool need_example)
{
    if (nitems == capitems) {
        capitems = capitems ? capitems * 2 : 256;
        items = realloc(items, sizeof *items * (size_t)capitems);
        if (!items)
            abort();
    }
    DocItem *it = &items[nitems++];
    snprintf(it->name, sizeof it->name, "%s.%s", prefix, name);
    it->help = help;
    it->need_example = need_example;
}

static void add_namespace(const char *prefix, const Namespace *ns)
{
    if (!ns)
        return;
    for (int i = 0; i < ns->ndefs; i++)
        add_item(prefix, ns->defs[i].name, ns->defs[i].help, true);
    for (int i = 0; i < ns->nconsts; i++)
        add_item(prefix, ns->consts[i].name, ns->consts[i].help, true);
}

static void add_native(const NativeType *t)
{
    /* The kind's own help: examples run when it has them. */
    add_item("type", t->name, t->help, false);
    add_namespace(t->name, t->methods);
}

static void collect(void)
{
    for (int i = 0; root_namespaces[i]; i++)
        add_namespace("root", root_namespaces[i]);
    for (int i = 0; array_method_namespaces[i]; i++)
        add_namespace("array", array_method_namespaces[i]);
    add_namespace("linalg", &ns_linalg);
    add_namespace("fft", &ns_fft);
    add_namespace("random", &ns_random);
    add_namespace("ma", &ns_ma);
    add_namespace("str", &ns_str_methods);
    add_namespace("list", &ns_list_methods);
    add_namespace("dict", &ns_dict_methods);
    const NativeType *natives[] = {
        &dtype_type,     &error_type,        &ufunc_type,
        &errstate_type,  &printoptions_type, &type_type,
        &flags_type,     &npzfile_type,                     /* (I11A) */
        &generator_type, &pcg64_type,        &seedseq_type, /* (R10) */
        &ma_type,        &ma_const_type,                    /* (P12B) */
        &poly1d_type,                                       /* (P12A) */
    };
    for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++)
        add_native(natives[i]);
}

/* ------------------------------------------------------------ examples */

typedef struct Example {
    char *code;     /* the lines after ">>> " / "... ", joined by '\n' */
    char *expected; /* the output lines, each ending in '\n' */
} Example;

static char *append(char *s, const char *text, size_t n)
{
    size_t len = s ? strlen(s) : 0;
    char *t = realloc(s, len + n + 1);
    ck_assert_ptr_nonnull(t);
    memcpy(t + len, text, n);
    t[len + n] = '\0';
    return t;
}

/* Split a help text into its examples; returns how many. */
static int parse_examples(const char *help, Example **out)
{
    Example *ex = NULL;
    int n = 0;
    const char *p = help ? help : "";
    bool in_output = false;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len >= 4 && strncmp(p, ">>> ", 4) == 0) {
            ex = realloc(ex, sizeof *ex * (size_t)(n + 1));
            ck_assert_ptr_nonnull(ex);
            ex[n].code = append(NULL, p + 4, len - 4);
            ex[n].expected = append(NULL, "", 0);
            n++;
            in_output = true;
        } else if (n > 0 && in_output && len >= 4 &&
                   strncmp(p, "... ", 4) == 0 && ex[n - 1].expected[0] == 0) {
            ex[n - 1].code = append(ex[n - 1].code, "\n", 1);
            ex[n - 1].code = append(ex[n - 1].code, p + 4, len - 4);
        } else if (len == 0) {
            in_output = false;
        } else if (in_output) {
            ex[n - 1].expected = append(ex[n - 1].expected, p, len);
            ex[n - 1].expected = append(ex[n - 1].expected, "\n", 1);
        }
        p += len + (eol ? 1 : 0);
    }
    *out = ex;
    return n;
}

/* Run code with echo in module m; what it writes to stdout and stderr. */
static char *run_captured(const char *code, Module *m)
{
    fflush(stdout);
    fflush(stderr);
    FILE *tmp = tmpfile();
    ck_assert_ptr_nonnull(tmp);
    int saved_out = dup(1), saved_err = dup(2);
    dup2(fileno(tmp), 1);
    dup2(fileno(tmp), 2);
    interp_run("<string>", code, strlen(code), RUN_ECHO, m);
    rt_clear();
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    fseek(tmp, 0, SEEK_END);
    long size = ftell(tmp);
    if (size < 0)
        size = 0;
    rewind(tmp);
    char *buf = calloc((size_t)size + 1, 1);
    ck_assert_ptr_nonnull(buf);
    size_t got = fread(buf, 1, (size_t)size, tmp);
    buf[got] = '\0';
    fclose(tmp);
    return buf;
}

/* s with newlines and tabs written as \n and \t (malloc'd; freed at
 * exit of the forked test). */
static char *escaped(const char *s)
{
    char *out = malloc(2 * strlen(s) + 1), *o = out;
    ck_assert_ptr_nonnull(out);
    for (; *s; s++) {
        if (*s == '\n' || *s == '\t') {
            *o++ = '\\';
            *o++ = *s == '\n' ? 'n' : 't';
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return out;
}

START_TEST(test_help_examples)
{
    const DocItem *it = &items[_i];
    Example *ex = NULL;
    int n = parse_examples(it->help, &ex);
    if (it->need_example)
        ck_assert_msg(n > 0, "%s: the help text has no '>>> ' example",
                      it->name);
    Module *m = module_new("__main__", NULL);
    ck_assert_ptr_nonnull(m);
    for (int k = 0; k < n; k++) {
        char *got = run_captured(ex[k].code, m);
        if (strcmp(got, ex[k].expected) != 0) {
            /* One line, so the TAP report keeps all of it. */
            char *c = escaped(ex[k].code), *e = escaped(ex[k].expected),
                 *g = escaped(got);
            ck_abort_msg("%s: >>> %s  expected \"%s\"  got \"%s\"", it->name, c,
                         e, g);
        }
        free(got);
        free(ex[k].code);
        free(ex[k].expected);
    }
    free(ex);
    v_decref(v_obj(&m->h));
    gc_collect();
}
END_TEST

int main(void)
{
    collect();
    Suite *s = suite_create("docs");
    for (int i = 0; i < nitems; i++) {
        TCase *tc = tcase_create(items[i].name);
        tcase_set_timeout(tc, 60);
        tcase_add_loop_test(tc, test_help_examples, i, i + 1);
        suite_add_tcase(s, tc);
    }
    int rc = nd_test_main(s);
    free(items);
    return rc;
}
