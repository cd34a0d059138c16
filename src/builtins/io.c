/* io.c — NumPy's binary files in the root namespace: save, load, savez,
 * savez_compressed, open_memmap and memmap, and the NpzFile native kind
 * that load returns for a .npz archive (d["x"], d.keys(), d.files, `in`,
 * len, iteration over the names).  lib/npy.c (nd_io.h) does the work:
 * this file converts the arguments, picks .npy or .npz from the file's
 * first bytes as NumPy's load does, and wraps the results. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

/* A file-name argument (NumPy also takes file objects; nd has none). */
static int get_path(Value v, const char *func, const char **out)
{
    return bi_get_str(v, func, "file", out);
}

/* path + suffix unless it ends with it already (NumPy's save/savez). */
static char *with_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    char *s = nd_malloc(n + k + 1);
    if (!s)
        return NULL;
    memcpy(s, path, n + 1);
    if (n < k || strcmp(path + n - k, suffix))
        memcpy(s + n, suffix, k + 1);
    return s;
}

static int get_mmap_mode(Value v, NdMmapMode *out)
{
    *out = ND_MMAP_NONE;
    if (v.kind == VK_UNSET || v.kind == VK_NONE)
        return 0;
    const char *name;
    if (bi_get_str(v, "load", "mmap_mode", &name) < 0)
        return -1;
    return nd_mmap_mode_from_name(name, out) < 0 ? rt_fail_from_lib() : 0;
}

static int get_max_header(Value v, bool allow_pickle, size_t *out)
{
    *out = ND_NPY_MAX_HEADER;
    if (v.kind != VK_UNSET) {
        int64_t n;
        if (bi_get_int(v, &n) < 0)
            return -1;
        *out = n > 0 ? (size_t)n : 1;
    }
    if (allow_pickle) /* NumPy: a trusted file may have any header */
        *out = SIZE_MAX;
    return 0;
}

/* ------------------------------------------------------------ NpzFile */

typedef struct NpzObj {
    NativeObj h;
    NdNpz *z; /* NULL once closed */
} NpzObj;

static NdNpz *npz_of(Value self)
{
    NdNpz *z = ((NpzObj *)self.as.obj)->z;
    if (!z)
        rt_raise(ERR_VALUE, "I/O operation on closed file.");
    return z;
}

static void npz_finalize(Obj *o)
{
    NpzObj *n = (NpzObj *)o;
    nd_npz_close(n->z);
    n->z = NULL;
}

static Value npz_repr(Value self)
{
    NpzObj *n = (NpzObj *)self.as.obj;
    if (!n->z)
        return v_str("<closed NpzFile>");
    int64_t count = nd_npz_count(n->z);
    /* NumPy 2: "NpzFile 'x.npz' with keys: a, b, arr_0" (five at most). */
    size_t len = 64;
    for (int64_t i = 0; i < count && i < 5; i++)
        len += strlen(nd_npz_name(n->z, i)) + 2;
    const char *path = nd_npz_path(n->z);
    len += strlen(path);
    char *s = nd_malloc(len);
    if (!s)
        return rt_from_lib();
    size_t m = (size_t)snprintf(s, len, "NpzFile '%s' with keys: ", path);
    for (int64_t i = 0; i < count && i < 5; i++)
        m += (size_t)snprintf(s + m, len - m, "%s%s", i ? ", " : "",
                              nd_npz_name(n->z, i));
    if (count > 5)
        snprintf(s + m, len - m, "...");
    Value r = v_str(s);
    free(s);
    return r;
}

static Value npz_get(NdNpz *z, int64_t i)
{
    return bi_result_array(nd_npz_read(z, i, ND_NPY_MAX_HEADER));
}

static Value npz_getitem(Value self, Value key)
{
    NdNpz *z = npz_of(self);
    if (!z)
        return v_error();
    int64_t i = -1;
    if (key.kind == VK_STR)
        i = nd_npz_find(z, as_str(key)->data);
    if (i < 0) {
        Value r = v_to_str(key);
        if (v_is_err(r))
            return r;
        rt_raise(ERR_KEY, "'%s is not a file in the archive'", as_str(r)->data);
        v_decref(r);
        return v_error();
    }
    return npz_get(z, i);
}

static Value npz_names(NdNpz *z)
{
    int64_t n = nd_npz_count(z);
    Value l = v_list_new(n);
    if (v_is_err(l))
        return l;
    for (int64_t i = 0; i < n; i++) {
        Value s = v_str(nd_npz_name(z, i));
        if (v_is_err(s) || list_append(l, s) < 0) {
            v_decref(s);
            v_decref(l);
            return v_error();
        }
        v_decref(s);
    }
    return l;
}

Value npzfile_names(Value npz)
{
    NdNpz *z = npz_of(npz);
    return z ? npz_names(z) : v_error();
}

int npzfile_contains(Value npz, Value x)
{
    NdNpz *z = npz_of(npz);
    if (!z)
        return -1;
    return x.kind == VK_STR && nd_npz_find(z, as_str(x)->data) >= 0;
}

static int npz_len(Value self, int64_t *out)
{
    NdNpz *z = npz_of(self);
    if (!z)
        return -1;
    *out = nd_npz_count(z);
    return 0;
}

static Value npz_getattr(Value self, const char *name)
{
    return strcmp(name, "files") ? v_unset() : npzfile_names(self);
}

static Value npz_keys(Value *args)
{
    return npzfile_names(args[0]);
}

static Value npz_values(Value *args)
{
    NdNpz *z = npz_of(args[0]);
    if (!z)
        return v_error();
    int64_t n = nd_npz_count(z);
    Value l = v_list_new(n);
    for (int64_t i = 0; i < n && !v_is_err(l); i++) {
        Value a = npz_get(z, i);
        if (v_is_err(a) || list_append(l, a) < 0) {
            v_decref(a);
            v_decref(l);
            return v_error();
        }
        v_decref(a);
    }
    return l;
}

static Value npz_items(Value *args)
{
    NdNpz *z = npz_of(args[0]);
    if (!z)
        return v_error();
    int64_t n = nd_npz_count(z);
    Value l = v_list_new(n);
    for (int64_t i = 0; i < n && !v_is_err(l); i++) {
        Value t = v_tuple_new(2);
        if (v_is_err(t)) {
            v_decref(l);
            return t;
        }
        Value k = v_str(nd_npz_name(z, i));
        Value a = v_is_err(k) ? v_error() : npz_get(z, i);
        if (v_is_err(a)) {
            v_decref(k);
            v_decref(t);
            v_decref(l);
            return v_error();
        }
        tuple_set_take(t, 0, k);
        tuple_set_take(t, 1, a);
        int rc = list_append(l, t);
        v_decref(t);
        if (rc < 0) {
            v_decref(l);
            return v_error();
        }
    }
    return l;
}

static Value npz_get_method(Value *args)
{
    NdNpz *z = npz_of(args[0]);
    if (!z)
        return v_error();
    int64_t i =
        args[1].kind == VK_STR ? nd_npz_find(z, as_str(args[1])->data) : -1;
    if (i >= 0)
        return npz_get(z, i);
    Value d = args[2].kind == VK_UNSET ? v_none() : args[2];
    v_incref(d);
    return d;
}

static Value npz_close(Value *args)
{
    NpzObj *n = (NpzObj *)args[0].as.obj;
    nd_npz_close(n->z);
    n->z = NULL;
    return v_none();
}

static int npz_enter(Value self)
{
    return npz_of(self) ? 0 : -1;
}

static int npz_exit(Value self)
{
    NpzObj *n = (NpzObj *)self.as.obj;
    nd_npz_close(n->z);
    n->z = NULL;
    return 0;
}

static const BuiltinDef npz_method_defs[] = {
    {"close", npz_close, "self",
     "Close the archive; reading from it afterwards is an error.\n\n"
     "`with load(\"x.npz\") as d ... end` closes it at `end`.\n\n"
     ">>> savez(\"/tmp/nd-help-close.npz\", a=[1])\n"
     ">>> d = load(\"/tmp/nd-help-close.npz\")\n>>> d.close()\n"
     ">>> d\n<closed NpzFile>\n"},
    {"get", npz_get_method, "self, key, default=None",
     "The array named key, or default when the archive has none.\n\n"
     ">>> savez(\"/tmp/nd-help-get.npz\", a=[1, 2])\n"
     ">>> d = load(\"/tmp/nd-help-get.npz\")\n"
     ">>> d.get(\"a\")\narray([1, 2])\n>>> d.get(\"b\", 0)\n0\n"},
    {"items", npz_items, "self",
     "A list of (name, array) pairs in the archive's order.\n\n"
     ">>> savez(\"/tmp/nd-help-items.npz\", [1.5], x=[True])\n"
     ">>> load(\"/tmp/nd-help-items.npz\").items()\n"
     "[('x', array([ True])), ('arr_0', array([1.5]))]\n"},
    {"keys", npz_keys, "self",
     "The names of the arrays (the members without \".npy\"), in the "
     "archive's\norder, as a list.\n\n"
     ">>> savez(\"/tmp/nd-help-keys.npz\", [1], [2], y=[3])\n"
     ">>> load(\"/tmp/nd-help-keys.npz\").keys()\n['y', 'arr_0', 'arr_1']\n"},
    {"values", npz_values, "self",
     "A list of the arrays in the archive's order.\n\n"
     ">>> savez(\"/tmp/nd-help-values.npz\", [1], [2])\n"
     ">>> load(\"/tmp/nd-help-values.npz\").values()\n"
     "[array([1]), array([2])]\n"},
};

static const Namespace npz_methods = {
    .name = "NpzFile",
    .defs = npz_method_defs,
    .ndefs = sizeof npz_method_defs / sizeof npz_method_defs[0],
};

const NativeType npzfile_type = {
    .name = "NpzFile",
    .size = sizeof(NpzObj),
    .finalize = npz_finalize,
    .repr = npz_repr,
    .getattr = npz_getattr,
    .methods = &npz_methods,
    .getitem = npz_getitem,
    .enter = npz_enter,
    .exit = npz_exit,
    .len = npz_len,
    .help = "NpzFile: a .npz archive opened by load (NumPy's NpzFile).\n\n"
            "d[\"name\"] reads that array (\"name.npy\" works too); d.files "
            "and d.keys()\nlist the names: keyword arrays of savez by their "
            "keywords, positional\nones as arr_0, arr_1, ...  `\"w\" in d`, "
            "len(d) and `for name in d`\nwork as for a dict.  Arrays are "
            "read when asked for.  A damaged\nmember is a ValueError (\"Bad "
            "CRC-32 for file 'a.npy'\"); a missing one a\nKeyError.\n\n"
            ">>> savez(\"/tmp/nd-help-npz.npz\", arange(3), w=eye(2))\n"
            ">>> d = load(\"/tmp/nd-help-npz.npz\")\n>>> d\n"
            "NpzFile '/tmp/nd-help-npz.npz' with keys: w, arr_0\n"
            ">>> d[\"arr_0\"]\narray([0, 1, 2])\n>>> d.files\n['w', 'arr_0']\n"
            ">>> \"w\" in d, len(d), [k for k in d]\n"
            "(True, 2, ['w', 'arr_0'])\n",
};

/* ------------------------------------------------------------ builtins */

static Value bi_load(Value *args)
{
    const char *path;
    NdMmapMode mode;
    bool allow_pickle;
    size_t max_header;
    if (get_path(args[0], "load", &path) < 0 ||
        get_mmap_mode(args[1], &mode) < 0 ||
        bi_get_bool(args[2], false, &allow_pickle) < 0 ||
        get_max_header(args[5], allow_pickle, &max_header) < 0)
        return v_error();
    NdFileKind kind;
    if (nd_file_kind(path, &kind) < 0)
        return rt_from_lib();
    if (kind == ND_FILE_NPZ) {
        /* NumPy ignores mmap_mode for archives too. */
        NdNpz *z = nd_npz_open(path);
        if (!z)
            return rt_from_lib();
        Value v = native_new(&npzfile_type);
        if (v_is_err(v)) {
            nd_npz_close(z);
            return v;
        }
        ((NpzObj *)v.as.obj)->z = z;
        return v;
    }
    if (kind == ND_FILE_OTHER) {
        if (!allow_pickle)
            return rt_raise(ERR_VALUE, "Cannot load file containing pickled "
                                       "data when allow_pickle=False");
        return rt_raise(ERR_VALUE,
                        "Failed to interpret file '%s' as a pickle: nd "
                        "cannot read pickles (not supported)",
                        path);
    }
    return bi_result_array(nd_npy_load(path, mode, max_header));
}

static Value bi_save(Value *args)
{
    const char *path;
    if (get_path(args[0], "save", &path) < 0)
        return v_error();
    NdArray *a = value_to_array(args[1], ND_NTYPES);
    if (!a)
        return v_error();
    char *full = with_suffix(path, ".npy");
    int rc = full ? nd_npy_save(full, a) : -1;
    free(full);
    nd_decref(a);
    return rc < 0 ? rt_from_lib() : v_none();
}

/* savez and savez_compressed: keyword arrays first, then arr_0, arr_1 for
 * the positional ones (NumPy's order). */
static Value savez_common(Value *args, const char *func, bool compress)
{
    const char *path;
    if (get_path(args[0], func, &path) < 0)
        return v_error();
    Tuple *pos = as_tuple(args[1]);
    Dict *kw = as_dict(args[3]);
    int64_t n = pos->n + kw->n;
    if (n > INT32_MAX)
        return rt_raise(ERR_VALUE, "too many arrays");
    NdArray **arrays = nd_calloc((size_t)n + 1, sizeof *arrays);
    char **names = nd_calloc((size_t)n + 1, sizeof *names);
    Value result = v_none();
    int k = 0;
    if (!arrays || !names) {
        result = rt_from_lib();
        goto done;
    }
    for (int64_t e = 0; e < kw->used; e++) {
        DictEntry *d = &kw->entries[e];
        if (d->key.kind != VK_STR)
            continue;
        const char *name = as_str(d->key)->data;
        names[k] = with_suffix(name, "");
        arrays[k] = value_to_array(d->value, ND_NTYPES);
        if (!names[k] || !arrays[k]) {
            result = names[k] ? v_error() : rt_from_lib();
            k++;
            goto done;
        }
        k++;
    }
    for (int64_t i = 0; i < pos->n; i++) {
        char name[32];
        snprintf(name, sizeof name, "arr_%lld", (long long)i);
        if (dict_get_str(args[3], name).kind != VK_UNSET) {
            result =
                rt_raise(ERR_VALUE,
                         "Cannot use un-named variables and keyword %s", name);
            goto done;
        }
        names[k] = with_suffix(name, "");
        arrays[k] = value_to_array(pos->items[i], ND_NTYPES);
        if (!names[k] || !arrays[k]) {
            result = names[k] ? v_error() : rt_from_lib();
            k++;
            goto done;
        }
        k++;
    }
    {
        char *full = with_suffix(path, ".npz");
        int rc = full ? nd_npz_save(full, k, (const char *const *)names, arrays,
                                    compress)
                      : -1;
        free(full);
        if (rc < 0)
            result = rt_from_lib();
    }
done:
    for (int i = 0; i < k; i++) {
        nd_decref(arrays[i]);
        free(names[i]);
    }
    free(arrays);
    free(names);
    return result;
}

static Value bi_savez(Value *args)
{
    return savez_common(args, "savez", false);
}

static Value bi_savez_compressed(Value *args)
{
    return savez_common(args, "savez_compressed", true);
}

static int get_shape(Value v, int *ndim, int64_t *shape)
{
    if (value_to_shape(v, ndim, shape) < 0)
        return -1;
    if (nd_check_shape(*ndim, shape) < 0)
        return rt_fail_from_lib();
    return 0;
}

static Value bi_open_memmap(Value *args)
{
    const char *path, *mname = "r+";
    if (get_path(args[0], "open_memmap", &path) < 0)
        return v_error();
    if (args[1].kind != VK_UNSET &&
        bi_get_str(args[1], "open_memmap", "mode", &mname) < 0)
        return v_error();
    NdMmapMode mode;
    if (nd_mmap_mode_from_name(mname, &mode) < 0)
        return rt_from_lib();
    NdType dtype = ND_FLOAT64;
    if (args[2].kind != VK_UNSET && args[2].kind != VK_NONE &&
        value_to_dtype(args[2], &dtype) < 0)
        return v_error();
    int ndim = 0;
    int64_t shape[ND_MAXDIMS];
    if (mode == ND_MMAP_WRITE) {
        if (args[3].kind == VK_UNSET || args[3].kind == VK_NONE)
            return rt_raise(ERR_VALUE, "open_memmap(mode='w+') needs a shape");
        if (get_shape(args[3], &ndim, shape) < 0)
            return v_error();
    }
    bool fortran;
    if (bi_get_bool(args[4], false, &fortran) < 0)
        return v_error();
    if (args[5].kind != VK_UNSET && args[5].kind != VK_NONE) {
        /* version: (1, 0), (2, 0) or (3, 0); we always write what NumPy
         * would choose, which every version reader accepts. */
        Value v = args[5];
        int64_t major = -1, minor = -1;
        if (v.kind == VK_TUPLE && as_tuple(v)->n == 2 &&
            bi_get_int(as_tuple(v)->items[0], &major) == 0 &&
            bi_get_int(as_tuple(v)->items[1], &minor) == 0 && major >= 1 &&
            major <= 3 && minor == 0) {
        } else {
            rt_clear();
            Value r = v_to_repr(v);
            if (v_is_err(r))
                return r;
            rt_raise(ERR_VALUE,
                     "we only support format version (1,0), (2,0), and "
                     "(3,0), not %s",
                     as_str(r)->data);
            v_decref(r);
            return v_error();
        }
    }
    size_t max_header;
    if (get_max_header(args[6], false, &max_header) < 0)
        return v_error();
    return bi_result_array(
        nd_open_memmap(path, mode, dtype, ndim, shape, fortran, max_header));
}

static Value bi_memmap(Value *args)
{
    const char *path, *mname = "r+";
    if (get_path(args[0], "memmap", &path) < 0)
        return v_error();
    NdType dtype = ND_UINT8;
    if (args[1].kind != VK_UNSET && value_to_dtype(args[1], &dtype) < 0)
        return v_error();
    if (args[2].kind != VK_UNSET &&
        bi_get_str(args[2], "memmap", "mode", &mname) < 0)
        return v_error();
    NdMmapMode mode;
    if (nd_mmap_mode_from_name(mname, &mode) < 0)
        return rt_from_lib();
    int64_t offset = 0;
    if (args[3].kind != VK_UNSET && bi_get_int(args[3], &offset) < 0)
        return v_error();
    int ndim = -1;
    int64_t shape[ND_MAXDIMS];
    if (args[4].kind != VK_UNSET && args[4].kind != VK_NONE &&
        get_shape(args[4], &ndim, shape) < 0)
        return v_error();
    char order;
    if (bi_get_order(args[5], "CF", 'C', &order) < 0)
        return v_error();
    return bi_result_array(
        nd_memmap(path, dtype, mode, offset, ndim, shape, order));
}

static const BuiltinDef io_defs[] = {
    {"load", bi_load,
     "file, mmap_mode=None, allow_pickle=False, fix_imports=True, "
     "encoding='ASCII', *, max_header_size=10000",
     "Load an array from a .npy file, or the arrays of a .npz archive.\n\n"
     "A .npy file (format 1.0, 2.0 or 3.0, as NumPy writes them) gives "
     "its array,\nbig-endian data converted to this machine's order; a "
     ".npz archive gives an\nNpzFile (d[\"x\"], d.keys(), d.files).  "
     "mmap_mode \"r\", \"r+\" or \"c\" maps the\nfile instead of reading "
     "it, so even a huge file loads at once: \"r\" is\nread-only, \"r+\" "
     "writes go to the file, \"c\" writes stay in memory.  Pickles\nand "
     "object arrays are not supported (allow_pickle cannot enable them); "
     "a\nfile that is damaged or lies about its size is a ValueError; a "
     "missing one\nan IOError.  fix_imports and encoding matter only for "
     "pickles.\n\n"
     ">>> save(\"/tmp/nd-help-load.npy\", [[1, 2], [3, 4]])\n"
     ">>> load(\"/tmp/nd-help-load.npy\")\narray([[1, 2],\n       [3, 4]])\n"
     ">>> m = load(\"/tmp/nd-help-load.npy\", mmap_mode=\"r\")\n"
     ">>> m[1, 0]\n3\n"},
    {"memmap", bi_memmap,
     "filename, dtype=uint8, mode='r+', offset=0, shape=None, order='C'",
     "Map a raw binary file (no header) as an array.\n\n"
     "mode \"r\" read-only, \"r+\" read-write (the default), \"c\" "
     "copy-on-write,\n\"w+\" create or overwrite (needs shape).  Without "
     "shape the whole file\nfrom offset is one 1-d array.  The result is "
     "an ordinary ndarray viewing\nthe mapping (NumPy's is the memmap "
     "subclass).\n\n"
     ">>> m = memmap(\"/tmp/nd-help-memmap.dat\", dtype=int16, mode=\"w+\", "
     "shape=(2, 2))\n>>> m[0] = 7\n"
     ">>> memmap(\"/tmp/nd-help-memmap.dat\", dtype=int16, mode=\"r\")\n"
     "array([7, 7, 0, 0], dtype=int16)\n"},
    {"open_memmap", bi_open_memmap,
     "filename, mode='r+', dtype=None, shape=None, fortran_order=False, "
     "version=None, *, max_header_size=10000",
     "Open or create a .npy file as a memory-mapped array "
     "(NumPy's\nlib.format.open_memmap).\n\n"
     "mode \"w+\" creates the file with dtype (float64 when None), shape "
     "and order,\nfilled with zeros; \"r\", \"r+\" and \"c\" map an "
     "existing one as load's\nmmap_mode does.  Writes to an \"r+\"/\"w+\" "
     "array reach the file.\n\n"
     ">>> m = open_memmap(\"/tmp/nd-help-om.npy\", mode=\"w+\", "
     "dtype=int32, shape=(3,))\n>>> m[:] = [1, 2, 3]\n"
     ">>> load(\"/tmp/nd-help-om.npy\")\narray([1, 2, 3], dtype=int32)\n"},
    {"save", bi_save, "file, arr, allow_pickle=True, fix_imports=True",
     "Save an array to a .npy file (\".npy\" is added when missing).\n\n"
     "The file is what NumPy writes (format 1.0, C or Fortran order as "
     "the array\nis laid out), so NumPy loads it with the same dtype, "
     "shape and values.  It is\nwritten to a temporary in the same folder "
     "and renamed into place, so an\nerror or Ctrl-C leaves any old file "
     "intact.\n\n"
     ">>> save(\"/tmp/nd-help-save\", arange(3.0))\n"
     ">>> load(\"/tmp/nd-help-save.npy\")\narray([0., 1., 2.])\n"},
    {"savez", bi_savez, "file, *args, allow_pickle=True, **kwds",
     "Save several arrays into an uncompressed .npz archive.\n\n"
     "Keyword arrays are stored under their names, positional ones as "
     "arr_0, arr_1,\n...  (\".npz\" is added to the file name when "
     "missing.)  The archive is\nwritten whole or not at all.\n\n"
     ">>> savez(\"/tmp/nd-help-savez\", [1, 2], b=[[0.5]])\n"
     ">>> d = load(\"/tmp/nd-help-savez.npz\")\n>>> d[\"b\"]\n"
     "array([[0.5]])\n>>> d[\"arr_0\"]\narray([1, 2])\n"},
    {"savez_compressed", bi_savez_compressed,
     "file, *args, allow_pickle=True, **kwds",
     "Save several arrays into a compressed (deflated) .npz archive.\n\n"
     "As savez, with each member compressed by zlib.\n\n"
     ">>> savez_compressed(\"/tmp/nd-help-savezc.npz\", z=zeros(1000))\n"
     ">>> load(\"/tmp/nd-help-savezc.npz\")[\"z\"].sum()\n0.0\n"},
};

const Namespace ns_io = {
    .name = "io",
    .defs = io_defs,
    .ndefs = sizeof io_defs / sizeof io_defs[0],
};
