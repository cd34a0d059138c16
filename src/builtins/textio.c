/* textio.c — the builtins loadtxt, savetxt and genfromtxt (NumPy's text
 * I/O).  lib/textio.c (nd_textio.h) does the reading, parsing and writing;
 * this file converts the arguments (NumPy's spellings: a comment string or
 * a list of them, a one-character delimiter, usecols as an int or a
 * sequence, dtype objects) and shapes the results.  The file name "-" is
 * standard input for the readers and standard output for savetxt.  The
 * language has no structured dtypes, so where NumPy's genfromtxt returns a
 * structured array (names, or columns of different types under
 * dtype=None) nd returns a dict of column arrays keyed by name.
 * registry.c lists ns_textio in the root namespace. */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

/* None/unset -> *out NULL; a str -> its text; else TypeError. */
static int opt_str(Value v, const char *func, const char *what,
                   const char **out)
{
    *out = NULL;
    if (v.kind == VK_UNSET || v.kind == VK_NONE)
        return 0;
    return bi_get_str(v, func, what, out);
}

/* NumPy's _check_nonneg_int. */
static int nonneg_int(Value v, int64_t dflt, int64_t *out)
{
    if (v.kind == VK_UNSET) {
        *out = dflt;
        return 0;
    }
    if (v.kind != VK_SCALAR ||
        (nd_dtype_kind(v.dtype) != ND_KIND_INT &&
         nd_dtype_kind(v.dtype) != ND_KIND_UINT && v.dtype != ND_BOOL))
        return rt_fail(ERR_TYPE, "argument must be an integer");
    if (bi_get_int(v, out) < 0)
        return -1;
    if (*out < 0)
        return rt_fail(ERR_VALUE, "argument must be nonnegative");
    return 0;
}

static int get_bool(Value v, bool dflt, bool *out)
{
    if (v.kind == VK_UNSET || v.kind == VK_NONE) {
        *out = dflt;
        return 0;
    }
    int t = op_truth(v);
    if (t < 0)
        return -1;
    *out = t;
    return 0;
}

/* A text-reading control character: None -> -1, a one-character str. */
static int control_char(Value v, int *out)
{
    *out = -1;
    if (v.kind == VK_UNSET || v.kind == VK_NONE)
        return 0;
    if (v.kind == VK_STR && as_str(v)->nbytes == 1) {
        *out = (unsigned char)as_str(v)->data[0];
        return 0;
    }
    Value r = v_to_repr(v);
    if (v_is_err(r))
        return -1;
    rt_fail(ERR_TYPE,
            "Text reading control character must be a single unicode "
            "character or None; but got: %.100s",
            as_str(r)->data);
    v_decref(r);
    return -1;
}

/* Items of a list/tuple (or one value) as a new list; VK_ERROR on error. */
static Value as_items(Value v)
{
    if (v.kind == VK_LIST || v.kind == VK_TUPLE || v.kind == VK_ARRAY) {
        Value l = v_list_new(4);
        if (v_is_err(l))
            return l;
        ValueIter it;
        if (iter_start(&it, v) < 0) {
            v_decref(l);
            return v_error();
        }
        Value item;
        int rc;
        while ((rc = iter_next(&it, &item)) > 0) {
            int a = list_append(l, item);
            v_decref(item);
            if (a < 0) {
                rc = -1;
                break;
            }
        }
        iter_end(&it);
        if (rc < 0) {
            v_decref(l);
            return v_error();
        }
        return l;
    }
    Value l = v_list_new(1);
    if (!v_is_err(l) && list_append(l, v) < 0) {
        v_decref(l);
        return v_error();
    }
    return l;
}

/* comments: None, a str, or a sequence of str (pointers borrowed from
 * the list kept in *keep). */
static int get_comments(Value v, const char *dflt, Value *keep,
                        const char ***out, int *n)
{
    static const char *one[1];
    *keep = v_none();
    *out = NULL;
    *n = 0;
    if (v.kind == VK_UNSET) {
        one[0] = dflt;
        *out = one;
        *n = 1;
        return 0;
    }
    if (v.kind == VK_NONE)
        return 0;
    Value l = as_items(v);
    if (v_is_err(l))
        return -1;
    List *L = as_list(l);
    const char **arr = malloc(((size_t)L->n + 1) * sizeof *arr);
    if (!arr) {
        v_decref(l);
        return rt_fail(ERR_MEMORY, "out of memory");
    }
    for (int64_t i = 0; i < L->n; i++) {
        if (L->items[i].kind != VK_STR) {
            free(arr);
            v_decref(l);
            return rt_fail(ERR_TYPE, "comments must be a str or a sequence "
                                     "of str");
        }
        arr[i] = as_str(L->items[i])->data;
    }
    *keep = l;
    *out = arr;
    *n = (int)L->n;
    return 0;
}

/* usecols: None -> *n -1; an int or a sequence of ints. */
static int get_usecols(Value v, int64_t **out, int *n)
{
    *out = NULL;
    *n = -1;
    if (v.kind == VK_UNSET || v.kind == VK_NONE)
        return 0;
    Value l = as_items(v);
    if (v_is_err(l))
        return -1;
    List *L = as_list(l);
    int64_t *c = malloc(((size_t)L->n + 1) * sizeof *c);
    if (!c) {
        v_decref(l);
        return rt_fail(ERR_MEMORY, "out of memory");
    }
    for (int64_t i = 0; i < L->n; i++) {
        Value x = L->items[i];
        bool isint =
            x.kind == VK_SCALAR &&
            (nd_dtype_kind(x.dtype) == ND_KIND_INT ||
             nd_dtype_kind(x.dtype) == ND_KIND_UINT || x.dtype == ND_BOOL);
        if (!isint) {
            rt_fail(ERR_TYPE,
                    "usecols must be an int or a sequence of ints but it "
                    "contains at least one element of type '%s'",
                    bi_type_name(x));
            free(c);
            v_decref(l);
            return -1;
        }
        if (bi_get_int(x, &c[i]) < 0) {
            free(c);
            v_decref(l);
            return -1;
        }
    }
    *n = (int)L->n;
    *out = c;
    v_decref(l);
    return 0;
}

/* args: fname, dtype, comments, delimiter, converters, skiprows, usecols,
 * unpack, ndmin, encoding, max_rows, quotechar */
static Value bi_loadtxt(Value *args)
{
    const char *fname;
    if (bi_get_str(args[0], "loadtxt", "fname", &fname) < 0)
        return v_error();
    NdLoadtxtOptions o = {.dtype = ND_FLOAT64, .max_rows = -1};
    if (args[1].kind != VK_UNSET && args[1].kind != VK_NONE &&
        value_to_dtype(args[1], &o.dtype) < 0)
        return v_error();
    if (args[4].kind != VK_UNSET && args[4].kind != VK_NONE)
        return rt_raise(ERR_TYPE, "loadtxt(): converters are not supported");
    if (control_char(args[3], &o.delimiter) < 0 ||
        control_char(args[11], &o.quotechar) < 0)
        return v_error();
    if (nonneg_int(args[5], 0, &o.skiprows) < 0)
        return v_error();
    if (args[10].kind != VK_UNSET && args[10].kind != VK_NONE &&
        nonneg_int(args[10], -1, &o.max_rows) < 0)
        return v_error();
    int64_t ndmin = 0;
    if (args[8].kind != VK_UNSET && bi_get_int(args[8], &ndmin) < 0)
        return v_error();
    if (ndmin < 0 || ndmin > 2)
        return rt_raise(ERR_VALUE, "Illegal value of ndmin keyword: %lld",
                        (long long)ndmin);
    o.ndmin = (int)ndmin;
    if (get_bool(args[7], false, &o.unpack) < 0)
        return v_error();
    const char *enc;
    if (opt_str(args[9], "loadtxt", "encoding", &enc) < 0)
        return v_error();
    Value keep;
    const char **comments;
    if (get_comments(args[2], "#", &keep, &comments, &o.ncomments) < 0)
        return v_error();
    o.comments = comments;
    int64_t *usecols;
    if (get_usecols(args[6], &usecols, &o.nusecols) < 0) {
        if (keep.kind != VK_NONE)
            free(comments);
        v_decref(keep);
        return v_error();
    }
    o.usecols = usecols;
    NdArray *a = nd_loadtxt(fname, &o);
    if (keep.kind != VK_NONE)
        free(comments);
    v_decref(keep);
    free(usecols);
    return bi_result_array(a);
}

/* args: fname, X, fmt, delimiter, newline, header, footer, comments,
 * encoding */
static Value bi_savetxt(Value *args)
{
    const char *fname;
    if (bi_get_str(args[0], "savetxt", "fname", &fname) < 0)
        return v_error();
    const char *delim = " ", *newline = "\n", *header = "", *footer = "",
               *comments = "# ", *enc;
    if ((args[3].kind != VK_UNSET &&
         bi_get_str(args[3], "savetxt", "delimiter", &delim) < 0) ||
        (args[4].kind != VK_UNSET &&
         bi_get_str(args[4], "savetxt", "newline", &newline) < 0) ||
        (args[5].kind != VK_UNSET &&
         bi_get_str(args[5], "savetxt", "header", &header) < 0) ||
        (args[6].kind != VK_UNSET &&
         bi_get_str(args[6], "savetxt", "footer", &footer) < 0) ||
        (args[7].kind != VK_UNSET &&
         bi_get_str(args[7], "savetxt", "comments", &comments) < 0) ||
        opt_str(args[8], "savetxt", "encoding", &enc) < 0)
        return v_error();
    /* NumPy checks X's dimensions before fmt. */
    NdArray *x = value_to_array(args[1], ND_NTYPES);
    if (!x)
        return v_error();
    if (x->ndim == 0 || x->ndim > 2) {
        int d = x->ndim;
        nd_decref(x);
        return rt_raise(ERR_VALUE,
                        "Expected 1D or 2D array, got %dD array instead", d);
    }
    const char *one = "%.18e";
    const char **fmts = &one;
    int nfmt = 0;
    Value keep = v_none();
    Value f = args[2];
    if (f.kind == VK_STR) {
        one = as_str(f)->data;
    } else if (f.kind == VK_LIST || f.kind == VK_TUPLE) {
        keep = as_items(f);
        if (v_is_err(keep)) {
            nd_decref(x);
            return keep;
        }
        List *L = as_list(keep);
        fmts = malloc(((size_t)L->n + 1) * sizeof *fmts);
        if (!fmts) {
            nd_decref(x);
            v_decref(keep);
            return rt_raise(ERR_MEMORY, "out of memory");
        }
        for (int64_t i = 0; i < L->n; i++) {
            if (L->items[i].kind != VK_STR) {
                free(fmts);
                nd_decref(x);
                v_decref(keep);
                return rt_raise(ERR_TYPE, "fmt must be a str or a sequence "
                                          "of str");
            }
            fmts[i] = as_str(L->items[i])->data;
        }
        nfmt = (int)L->n;
    } else if (f.kind != VK_UNSET) {
        nd_decref(x);
        Value r = v_to_repr(f);
        if (v_is_err(r))
            return r;
        rt_raise(ERR_VALUE, "invalid fmt: %s", as_str(r)->data);
        v_decref(r);
        return v_error();
    }
    int rc = -1;
    if (nfmt == 0 && fmts != &one)
        rc = nd_error(ND_ERR_ATTRIBUTE, "fmt has wrong shape.");
    else
        rc = nd_savetxt(fname, x, fmts, nfmt, delim, newline, header, footer,
                        comments);
    nd_decref(x);
    if (fmts != &one)
        free(fmts);
    v_decref(keep);
    if (rc < 0 && nd_error_kind() == ND_ERR_ATTRIBUTE) {
        /* NumPy's text shows fmt as given: str() of the list or tuple. */
        Value r = v_to_repr(f);
        if (v_is_err(r))
            return r;
        nd_error_clear();
        rt_raise(ERR_ATTRIBUTE, "fmt has wrong shape.  %s", as_str(r)->data);
        v_decref(r);
        return v_error();
    }
    if (rc < 0)
        return rt_from_lib();
    return v_none();
}

/* args: fname, dtype, comments, delimiter, skip_header, skip_footer,
 * converters, missing_values, filling_values, usecols, names, autostrip,
 * unpack, max_rows, encoding, ndmin */
static Value bi_genfromtxt(Value *args)
{
    const char *fname;
    if (bi_get_str(args[0], "genfromtxt", "fname", &fname) < 0)
        return v_error();
    NdGenfromtxtOptions o = {
        .dtype = ND_FLOAT64, .max_rows = -1, .comments = "#", .nusecols = -1};
    Value res = v_error();
    Value ucl = v_none(), nml = v_none(), fvl = v_none();
    int64_t *ucols = NULL, *fcols = NULL;
    const char **unames = NULL, **nnames = NULL, **fnames = NULL;
    NdScalar *fvals = NULL;
    if (args[1].kind == VK_NONE)
        o.dtype = ND_NTYPES;
    else if (args[1].kind != VK_UNSET && value_to_dtype(args[1], &o.dtype) < 0)
        return v_error();
    if (args[2].kind == VK_NONE)
        o.comments = NULL;
    else if (args[2].kind != VK_UNSET &&
             bi_get_str(args[2], "genfromtxt", "comments", &o.comments) < 0)
        return v_error();
    if (opt_str(args[3], "genfromtxt", "delimiter", &o.delimiter) < 0)
        return v_error();
    if (o.delimiter && !o.delimiter[0])
        o.delimiter = NULL;
    if ((args[4].kind != VK_UNSET && bi_get_int(args[4], &o.skip_header) < 0) ||
        (args[5].kind != VK_UNSET && bi_get_int(args[5], &o.skip_footer) < 0))
        return v_error();
    if (args[6].kind != VK_UNSET && args[6].kind != VK_NONE)
        return rt_raise(ERR_TYPE, "genfromtxt(): converters are not supported");
    /* missing_values: every non-number already reads as missing (NumPy's
     * loose conversion), so the given strings change nothing for numbers;
     * only their type is checked. */
    Value mv = args[7];
    if (mv.kind != VK_UNSET && mv.kind != VK_NONE && mv.kind != VK_STR &&
        mv.kind != VK_LIST && mv.kind != VK_TUPLE && mv.kind != VK_DICT)
        return rt_raise(ERR_TYPE, "missing_values must be a str, a sequence "
                                  "or a dict");
    if (get_bool(args[11], false, &o.autostrip) < 0 ||
        get_bool(args[12], false, &o.unpack) < 0)
        return v_error();
    if (args[13].kind != VK_UNSET && args[13].kind != VK_NONE &&
        bi_get_int(args[13], &o.max_rows) < 0)
        return v_error();
    if (args[13].kind != VK_UNSET && args[13].kind != VK_NONE && o.max_rows < 0)
        o.max_rows = 0; /* "'max_rows' must be at least 1." */
    const char *enc;
    if (opt_str(args[14], "genfromtxt", "encoding", &enc) < 0)
        return v_error();
    int64_t ndmin = 0;
    if (args[15].kind != VK_UNSET && bi_get_int(args[15], &ndmin) < 0)
        return v_error();
    if (ndmin < 0 || ndmin > 2)
        return rt_raise(ERR_VALUE, "Illegal value of ndmin keyword: %lld",
                        (long long)ndmin);
    o.ndmin = (int)ndmin;
    /* usecols: ints, names, or "a, c" */
    Value uc = args[9];
    if (uc.kind != VK_UNSET && uc.kind != VK_NONE) {
        if (uc.kind == VK_STR) {
            Value sep = v_str(",");
            Value fnm = v_str("split");
            Value m = op_getattr(uc, "split");
            v_decref(fnm);
            if (v_is_err(m)) {
                v_decref(sep);
                goto out;
            }
            ucl = call_value(m, &sep, 1, NULL, 0);
            v_decref(m);
            v_decref(sep);
        } else {
            ucl = as_items(uc);
        }
        if (v_is_err(ucl)) {
            ucl = v_none();
            goto out;
        }
        List *L = as_list(ucl);
        ucols = calloc((size_t)L->n + 1, sizeof *ucols);
        unames = calloc((size_t)L->n + 1, sizeof *unames);
        if (!ucols || !unames) {
            rt_fail(ERR_MEMORY, "out of memory");
            goto out;
        }
        for (int64_t i = 0; i < L->n; i++) {
            Value x = L->items[i];
            if (x.kind == VK_STR && uc.kind != VK_STR) {
                unames[i] = as_str(x)->data;
            } else if (x.kind == VK_STR) {
                /* "a, c": NumPy strips the names (our own fresh strings) */
                char *s = as_str(x)->data;
                while (*s == ' ')
                    s++;
                size_t n = strlen(s);
                while (n && s[n - 1] == ' ')
                    s[--n] = '\0'; /* our own list's fresh strings */
                unames[i] = s;
            } else if (bi_get_int(x, &ucols[i]) < 0) {
                goto out;
            }
        }
        o.usecols = ucols;
        o.usecol_names = unames;
        o.nusecols = (int)L->n;
    }
    /* names */
    Value nm = args[10];
    if (nm.kind == VK_SCALAR && nm.dtype == ND_BOOL) {
        o.names_from_file = nm.as.b;
    } else if (nm.kind == VK_STR || nm.kind == VK_LIST || nm.kind == VK_TUPLE) {
        if (nm.kind == VK_STR) {
            Value sep = v_str(",");
            Value m = op_getattr(nm, "split");
            if (v_is_err(m)) {
                v_decref(sep);
                goto out;
            }
            nml = call_value(m, &sep, 1, NULL, 0);
            v_decref(m);
            v_decref(sep);
        } else {
            nml = as_items(nm);
        }
        if (v_is_err(nml)) {
            nml = v_none();
            goto out;
        }
        List *L = as_list(nml);
        nnames = calloc((size_t)L->n + 1, sizeof *nnames);
        if (!nnames) {
            rt_fail(ERR_MEMORY, "out of memory");
            goto out;
        }
        for (int64_t i = 0; i < L->n; i++) {
            if (L->items[i].kind != VK_STR) {
                rt_fail(ERR_TYPE, "names must be str");
                goto out;
            }
            nnames[i] = as_str(L->items[i])->data;
        }
        o.names = nnames;
        o.nnames = (int)L->n;
    } else if (nm.kind != VK_UNSET && nm.kind != VK_NONE) {
        rt_fail(ERR_TYPE, "names must be True, a str or a sequence of str");
        goto out;
    }
    /* filling_values: a number, a sequence (by position), a dict (by
     * column number or name) */
    Value fv = args[8];
    if (fv.kind == VK_SCALAR) {
        o.has_fill_all = true;
        o.fill_all = v_to_ndscalar(fv);
    } else if (fv.kind == VK_LIST || fv.kind == VK_TUPLE ||
               fv.kind == VK_ARRAY || fv.kind == VK_DICT) {
        bool isdict = fv.kind == VK_DICT;
        Dict *D = isdict ? as_dict(fv) : NULL;
        if (!isdict) {
            fvl = as_items(fv);
            if (v_is_err(fvl)) {
                fvl = v_none();
                goto out;
            }
        }
        int64_t n = isdict ? D->used : as_list(fvl)->n;
        fvals = calloc((size_t)n + 1, sizeof *fvals);
        fcols = calloc((size_t)n + 1, sizeof *fcols);
        fnames = calloc((size_t)n + 1, sizeof *fnames);
        if (!fvals || !fcols || !fnames) {
            rt_fail(ERR_MEMORY, "out of memory");
            goto out;
        }
        int k = 0;
        for (int64_t i = 0; i < n; i++) {
            Value key = v_int(i), val;
            if (isdict) {
                if (D->entries[i].key.kind == VK_UNSET)
                    continue;
                key = D->entries[i].key;
                val = D->entries[i].value;
            } else {
                val = as_list(fvl)->items[i];
            }
            if (val.kind != VK_SCALAR) {
                rt_fail(ERR_TYPE, "filling values must be numbers");
                goto out;
            }
            fvals[k] = v_to_ndscalar(val);
            if (key.kind == VK_STR)
                fnames[k] = as_str(key)->data;
            else if (bi_get_int(key, &fcols[k]) < 0)
                goto out;
            k++;
        }
        o.nfill = k;
        o.fill_cols = fcols;
        o.fill_names = fnames;
        o.fill_values = fvals;
        o.fill_is_list = !isdict;
    } else if (fv.kind != VK_UNSET && fv.kind != VK_NONE) {
        rt_fail(ERR_TYPE, "filling_values must be a number, a sequence or a "
                          "dict");
        goto out;
    }
    NdGenfromtxtResult r;
    if (nd_genfromtxt(fname, &o, &r) < 0) {
        rt_from_lib();
        goto out;
    }
    if (r.array) {
        res = v_array_take(r.array);
        r.array = NULL;
    } else {
        res = v_dict_new();
        for (int i = 0; i < r.ncols && !v_is_err(res); i++) {
            Value k = v_str(r.names[i]);
            Value c = v_array_take(r.columns[i]);
            r.columns[i] = NULL;
            if (v_is_err(k) || v_is_err(c) || dict_set(res, k, c) < 0) {
                v_decref(res);
                res = v_error();
            }
            v_decref(k);
            v_decref(c);
        }
    }
    nd_genfromtxt_result_free(&r);
out:
    v_decref(ucl);
    v_decref(nml);
    v_decref(fvl);
    free(ucols);
    free(unames);
    free(nnames);
    free(fcols);
    free(fnames);
    free(fvals);
    return res;
}

static const BuiltinDef textio_defs[] = {
    {"genfromtxt", bi_genfromtxt,
     "fname, dtype=float, comments='#', delimiter=None, skip_header=0, "
     "skip_footer=0, converters=None, missing_values=None, "
     "filling_values=None, usecols=None, names=None, autostrip=False, "
     "unpack=None, max_rows=None, encoding=None, *, ndmin=0",
     "genfromtxt(fname, dtype=float, ...): load a text table, filling "
     "missing values.\n\n"
     "NumPy's genfromtxt: lines are cut at `comments`, split at `delimiter` "
     "(None:\nruns of whitespace), the first `skip_header` lines and the "
     "last `skip_footer`\nrows are dropped.  A value that is empty or not a "
     "number is missing and\nbecomes its column's filling value: nan for "
     "floats, -1 for integers (NumPy's\ndefaults), or `filling_values` (a "
     "number, a list by column, or a dict by\ncolumn number or name).  "
     "`missing_values` is accepted for compatibility:\nas in NumPy, a "
     "number is never missing.  dtype=None picks each column's\ntype (bool, "
     "int64, float64, complex128).  Rows with a different number of\n"
     "columns raise ValueError naming their lines.  fname \"-\" is standard "
     "input.\n\n"
     "nd has no structured dtypes: where NumPy returns a structured array "
     "(names=True\nreading the names from the first line, names given as a "
     "str or list, or\ncolumns of different types) nd returns a dict of "
     "column arrays keyed by name.\n\n"
     ">>> savetxt(\"/tmp/nd_doc_gen.csv\", [[1, 2, 3], [4, 5, 6]], "
     "fmt=\"%d\", delimiter=\",\")\n"
     ">>> genfromtxt(\"/tmp/nd_doc_gen.csv\", delimiter=\",\")\n"
     "array([[1., 2., 3.],\n       [4., 5., 6.]])\n"
     ">>> savetxt(\"/tmp/nd_doc_gen.csv\", [[1, 2], [3, 4]], fmt=\"%d\", "
     "delimiter=\",\", header=\"a,b\", comments=\"\")\n"
     ">>> genfromtxt(\"/tmp/nd_doc_gen.csv\", delimiter=\",\", "
     "names=True)\n"
     "{'a': array([1., 3.]), 'b': array([2., 4.])}\n"},
    {"loadtxt", bi_loadtxt,
     "fname, dtype=float, comments='#', delimiter=None, converters=None, "
     "skiprows=0, usecols=None, unpack=False, ndmin=0, encoding=None, "
     "max_rows=None, *, quotechar=None",
     "loadtxt(fname, dtype=float, ...): load a text table of numbers.\n\n"
     "NumPy 2's loadtxt: each non-empty line is a row; fields are split at "
     "the\none-character `delimiter` (None: runs of whitespace), text from "
     "a `comments`\nstring (or any of a list of them) to the line end is "
     "ignored, `skiprows`\nlines are skipped first, `usecols` picks columns "
     "(negative counts from the\nend), `max_rows` stops after that many "
     "rows, `quotechar` quotes fields.\nThe result is squeezed, then given "
     "at least `ndmin` dimensions; `unpack`\ntransposes it.  A row with a "
     "different number of columns or a field that is\nnot a number raises "
     "ValueError naming its row.  fname \"-\" reads standard\ninput.  The "
     "file streams: memory stays near the size of the result.\n\n"
     ">>> savetxt(\"/tmp/nd_doc_load.txt\", [[1, 2.5], [3, 4]])\n"
     ">>> loadtxt(\"/tmp/nd_doc_load.txt\")\n"
     "array([[1. , 2.5],\n       [3. , 4. ]])\n"
     ">>> loadtxt(\"/tmp/nd_doc_load.txt\", usecols=1, dtype=float32)\n"
     "array([2.5, 4. ], dtype=float32)\n"},
    {"savetxt", bi_savetxt,
     "fname, X, fmt='%.18e', delimiter=' ', newline='\\n', header='', "
     "footer='', comments='# ', encoding=None",
     "savetxt(fname, X, fmt='%.18e', ...): write a 1-d or 2-d array as "
     "text.\n\n"
     "NumPy's savetxt: one line per row (a 1-d array: one value per line), "
     "values\nwritten with Python's %-format `fmt` — one format for every "
     "column, a list of\nformats, or one string holding a format per column "
     "— joined by `delimiter`.\n`header` and `footer` are written as "
     "comments (each line starting with\n`comments`).  Complex values are "
     "written as NumPy writes them, \" (re+imj)\".\nThe file is written to "
     "a temporary and renamed into place, so an error or\nCtrl-C leaves "
     "the old file intact; fname \"-\" writes to standard output.\n\n"
     ">>> savetxt(\"-\", [[1, 2], [3, 4]], fmt=\"%d\", delimiter=\",\")\n"
     "1,2\n3,4\n"
     ">>> savetxt(\"-\", [0.5, 1], fmt=\"%.2f\", header=\"x\")\n"
     "# x\n0.50\n1.00\n"},
};

const Namespace ns_textio = {
    .name = "textio",
    .defs = textio_defs,
    .ndefs = sizeof textio_defs / sizeof textio_defs[0],
};
