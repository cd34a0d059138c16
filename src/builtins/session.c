/* session.c — the session helpers of LANGUAGE.md §8: whos(), a table of the
 * variables of the session (the __main__ module, where the REPL, `nd -i`
 * and scripts keep their globals) with their type, shape, dtype and bytes,
 * as IPython's %whos.  No ndarray methods yet (the empty table keeps the
 * registry complete). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "eval.h"

typedef struct WhosRow {
    const char *name; /* borrowed from the globals dict */
    const char *type;
    char shape[ND_MAXDIMS * 22 + 4];
    char dtype[16];
    char bytes[24];
} WhosRow;

static int row_order(const void *a, const void *b)
{
    return strcmp(((const WhosRow *)a)->name, ((const WhosRow *)b)->name);
}

static void fill_row(WhosRow *r, const char *name, Value v)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->type = v_type_name(v);
    if (v.kind == VK_ARRAY) {
        const NdArray *a = v.as.array;
        nd_shape_str(r->shape, sizeof r->shape, a->ndim, a->shape);
        snprintf(r->dtype, sizeof r->dtype, "%s", nd_dtype_name(a->dtype));
        /* size * itemsize cannot overflow: the array exists */
        snprintf(r->bytes, sizeof r->bytes, "%" PRId64,
                 a->size * (int64_t)nd_dtype_size(a->dtype));
    } else if (v.kind == VK_SCALAR && !v.weak) {
        /* a NumPy scalar: a 0-d value of its dtype */
        snprintf(r->shape, sizeof r->shape, "()");
        snprintf(r->dtype, sizeof r->dtype, "%s",
                 nd_dtype_name((NdType)v.dtype));
        snprintf(r->bytes, sizeof r->bytes, "%zu",
                 nd_dtype_size((NdType)v.dtype));
    }
}

/* One line of the table: columns padded to their widths, the Bytes column
 * right-aligned, no blanks at the end. */
static void put_row(const char *const cols[5], const int w[5])
{
    char line[4096];
    int n = snprintf(line, sizeof line, "%-*s  %-*s  %-*s  %-*s  %*s", w[0],
                     cols[0], w[1], cols[1], w[2], cols[2], w[3], cols[3], w[4],
                     cols[4]);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof line)
        n = (int)sizeof line - 1;
    while (n > 0 && line[n - 1] == ' ')
        n--;
    line[n] = '\0';
    puts(line);
}

static Value bi_whos(Value *args)
{
    (void)args;
    Module *m = interp_main_module();
    if (!m)
        return v_error();
    int64_t cap = m->globals.kind == VK_DICT ? as_dict(m->globals)->n : 0;
    WhosRow *rows = malloc((size_t)(cap ? cap : 1) * sizeof *rows);
    if (!rows)
        return rt_raise(ERR_MEMORY, "out of memory");
    int64_t n = 0;
    if (cap) {
        const Dict *d = as_dict(m->globals);
        for (int64_t i = 0; i < d->used && n < cap; i++) {
            const DictEntry *e = &d->entries[i];
            if (e->key.kind != VK_STR)
                continue;
            Value v = e->value;
            if (v.kind == VK_CELL)
                v = ((Cell *)v.as.obj)->v;
            const char *name = as_str(e->key)->data;
            /* `_` (the last echo), private names and the command line's
             * argv are the session's, not the user's */
            if (v.kind == VK_UNSET || name[0] == '_' || !strcmp(name, "argv"))
                continue;
            fill_row(&rows[n++], name, v);
        }
    }
    if (n == 0) {
        puts("Interactive namespace is empty.");
        free(rows);
        return v_none();
    }
    qsort(rows, (size_t)n, sizeof *rows, row_order);
    const char *head[5] = {"Name", "Type", "Shape", "Dtype", "Bytes"};
    int w[5];
    for (int k = 0; k < 5; k++)
        w[k] = (int)strlen(head[k]);
    for (int64_t i = 0; i < n; i++) {
        const char *cols[5] = {rows[i].name, rows[i].type, rows[i].shape,
                               rows[i].dtype, rows[i].bytes};
        for (int k = 0; k < 5; k++) {
            int len = (int)strlen(cols[k]);
            if (len > w[k])
                w[k] = len > 200 ? 200 : len;
        }
    }
    put_row(head, w);
    char rules[5][201];
    const char *rule[5];
    for (int k = 0; k < 5; k++) {
        memset(rules[k], '-', (size_t)w[k]);
        rules[k][w[k]] = '\0';
        rule[k] = rules[k];
    }
    put_row(rule, w);
    for (int64_t i = 0; i < n; i++) {
        const char *cols[5] = {rows[i].name, rows[i].type, rows[i].shape,
                               rows[i].dtype, rows[i].bytes};
        put_row(cols, w);
    }
    free(rows);
    return v_none();
}

static const BuiltinDef session_defs[] = {
    {"whos", bi_whos, "",
     "List the variables of the session with their type, shape, dtype and "
     "bytes.\n\n"
     "The variables are the globals of the session (the REPL, `nd -i` and "
     "the\nscript it ran), sorted by name; `_` and other names starting "
     "with `_`,\nand argv, are left out.  Shape, Dtype and Bytes are shown "
     "for arrays and\nNumPy scalars.  After `a = zeros((2, 3))` and `n = "
     "5` it prints\n\n"
     "    Name  Type     Shape   Dtype    Bytes\n"
     "    ----  -------  ------  -------  -----\n"
     "    a     ndarray  (2, 3)  float64     48\n"
     "    n     int\n\n"
     "(IPython's %whos; not part of NumPy.)\n\n"
     ">>> whos()\nInteractive namespace is empty.\n"},
};

const Namespace ns_session = {
    .name = "numpy",
    .defs = session_defs,
    .ndefs = sizeof session_defs / sizeof session_defs[0],
    .help = "The helpers of the interactive session (whos).",
};
const Namespace ns_session_methods = {"ndarray", NULL, 0, NULL, 0, NULL};
