/* test_npy.c — Check suite of lib/npy.c: .npy/.npz files and memory maps.
 *
 * The fixtures in tests/fixtures/npy/ were written by NumPy
 * (tests/make_npy_fixtures.py); the values they must hold are listed here
 * again by hand from that script, so a loader bug cannot agree with
 * itself.  Files nd writes are compared byte for byte with NumPy's. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nd.h"
#include "testutil.h"

#define FIX ND_SRCDIR "/tests/fixtures/npy/"

/* ------------------------------------------------------------ helpers */

static char scratch[64];

/* A fresh folder for the files a test writes (each test runs forked). */
static const char *tmp_path(const char *name)
{
    static char bufs[4][256]; /* a few live at once */
    static int next;
    char *buf = bufs[next++ % 4];
    if (!scratch[0]) {
        strcpy(scratch, "/tmp/nd-test-npy-XXXXXX");
        ck_assert_ptr_nonnull(mkdtemp(scratch));
    }
    snprintf(buf, sizeof bufs[0], "%s/%s", scratch, name);
    return buf;
}

static void cleanup(void)
{
    if (!scratch[0])
        return;
    DIR *d = opendir(scratch);
    struct dirent *e;
    char p[512];
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.' ||
            (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))) {
            snprintf(p, sizeof p, "%s/%s", scratch, e->d_name);
            unlink(p);
        }
    if (d)
        closedir(d);
    rmdir(scratch);
    scratch[0] = 0;
}

/* The number of entries of the scratch folder (temporaries left?). */
static int scratch_entries(void)
{
    DIR *d = opendir(scratch);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)len + 1);
    ck_assert_uint_eq(fread(buf, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    *n = (size_t)len;
    return buf;
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

static NdArray *load(const char *path)
{
    NdArray *a = nd_npy_load(path, ND_MMAP_NONE, 0);
    ck_assert_msg(a != NULL, "%s: %s", path, nd_error_message());
    return a;
}

static void load_fails(const char *name, NdErrorKind kind, const char *msg)
{
    char path[512];
    snprintf(path, sizeof path, FIX "%s", name);
    ck_assert_ptr_null(nd_npy_load(path, ND_MMAP_NONE, 0));
    ck_assert_nd_error(kind, msg);
}

/* Two arrays with the same dtype, shape and bytes element by element. */
static void same_array(NdArray *a, NdArray *b)
{
    ck_assert_int_eq(a->dtype, b->dtype);
    ck_assert_int_eq(a->ndim, b->ndim);
    for (int i = 0; i < a->ndim; i++)
        ck_assert_int_eq(a->shape[i], b->shape[i]);
    NdArray *ca = nd_copy(a, 'C'), *cb = nd_copy(b, 'C');
    ck_assert(!memcmp(ca->data, cb->data,
                      (size_t)ca->size * nd_dtype_size(ca->dtype)));
    nd_decref(ca);
    nd_decref(cb);
}

/* ------------------------------------------- the values of the fixtures */

static const char *const dtype_names[ND_NTYPES] = {
    "bool",    "int8",      "int16",      "int32",  "int64",
    "uint8",   "uint16",    "uint32",     "uint64", "float32",
    "float64", "complex64", "complex128",
};

static const int64_t int_values[ND_NTYPES][6] = {
    [ND_BOOL] = {1, 0, 1, 1, 0, 0},
    [ND_INT8] = {-128, -1, 0, 1, 2, 127},
    [ND_INT16] = {-32768, -2, 0, 3, 300, 32767},
    [ND_INT32] = {INT32_MIN, -5, 0, 7, 70000, INT32_MAX},
    [ND_INT64] = {INT64_MIN, -9, 0, 11, (int64_t)1 << 40, INT64_MAX},
    [ND_UINT8] = {0, 1, 2, 127, 128, 255},
    [ND_UINT16] = {0, 1, 300, 32768, 65534, 65535},
    [ND_UINT32] = {0, 1, 70000, 2147483648, 4294967294, 4294967295},
};
static const uint64_t u64_values[6] = {
    0, 1, (uint64_t)1 << 40, (uint64_t)1 << 63, UINT64_MAX - 1, UINT64_MAX};
static const float f32_values[6] = {-1.5f,  0.0f,     0.25f,
                                    1e-40f, INFINITY, -INFINITY};
static const double f64_values[6] = {-1.5, 0.1, 1e300, 5e-324, INFINITY, NAN};
static const nd_complex64 c64_values[6] = {
    {1, 2}, {-0.0f, -0.5f}, {3, 0}, {INFINITY, 1}, {0.25f, -0.75f}, {0, 0}};
static const nd_complex128 c128_values[6] = {
    {1, 2}, {-0.0, -0.5}, {3, 0}, {INFINITY, -INFINITY}, {0.1, 0.2}, {-0.0, 0}};

static bool same_double(double x, double y)
{
    return (isnan(x) && isnan(y)) || (x == y && signbit(x) == signbit(y));
}

/* a (2x3) holds the values of its dtype in C order. */
static void check_values(NdArray *a)
{
    ck_assert_int_eq(a->ndim, 2);
    ck_assert_int_eq(a->shape[0], 2);
    ck_assert_int_eq(a->shape[1], 3);
    for (int k = 0; k < 6; k++) {
        int64_t idx[2] = {k / 3, k % 3};
        const char *p = nd_element_ptr(a, idx);
        switch (a->dtype) {
        case ND_BOOL:
            ck_assert_int_eq(*(const bool *)p, int_values[ND_BOOL][k]);
            break;
        case ND_INT8:
            ck_assert_int_eq(*(const int8_t *)p, int_values[ND_INT8][k]);
            break;
        case ND_INT16:
            ck_assert_int_eq(*(const int16_t *)p, int_values[ND_INT16][k]);
            break;
        case ND_INT32:
            ck_assert_int_eq(*(const int32_t *)p, int_values[ND_INT32][k]);
            break;
        case ND_INT64:
            ck_assert_int_eq(*(const int64_t *)p, int_values[ND_INT64][k]);
            break;
        case ND_UINT8:
            ck_assert_int_eq(*(const uint8_t *)p, int_values[ND_UINT8][k]);
            break;
        case ND_UINT16:
            ck_assert_int_eq(*(const uint16_t *)p, int_values[ND_UINT16][k]);
            break;
        case ND_UINT32:
            ck_assert_int_eq(*(const uint32_t *)p, int_values[ND_UINT32][k]);
            break;
        case ND_UINT64:
            ck_assert(*(const uint64_t *)p == u64_values[k]);
            break;
        case ND_FLOAT32:
            ck_assert(same_double(*(const float *)p, f32_values[k]));
            break;
        case ND_FLOAT64:
            ck_assert(same_double(*(const double *)p, f64_values[k]));
            break;
        case ND_COMPLEX64: {
            const nd_complex64 *z = (const nd_complex64 *)p;
            ck_assert(z->re == c64_values[k].re && z->im == c64_values[k].im);
            break;
        }
        default: {
            const nd_complex128 *z = (const nd_complex128 *)p;
            ck_assert(same_double(z->re, c128_values[k].re) &&
                      same_double(z->im, c128_values[k].im));
            break;
        }
        }
    }
}

/* ------------------------------------------------------------- loading */

START_TEST(test_fixture_every_dtype)
{
    /* _i: dtype * 3 + variant (little-endian C, big-endian, Fortran). */
    NdType t = (NdType)(_i / 3);
    static const char *const variant[3] = {"le", "be", "f"};
    char path[512];
    snprintf(path, sizeof path, FIX "%s_%s.npy", dtype_names[t],
             variant[_i % 3]);
    NdArray *a = load(path);
    ck_assert_str_eq(nd_dtype_name(a->dtype), dtype_names[t]);
    check_values(a);
    if (_i % 3 == 2)
        ck_assert(a->flags & ND_F_CONTIGUOUS && !(a->flags & ND_C_CONTIGUOUS));
    else
        ck_assert(a->flags & ND_C_CONTIGUOUS);
    ck_assert(a->flags & ND_WRITEABLE);
    nd_decref(a);
}
END_TEST

START_TEST(test_fixture_versions)
{
    /* 2.0: arange(12).reshape(3, 4) / 4. */
    NdArray *a = load(FIX "float64_v2.npy");
    ck_assert_int_eq(a->dtype, ND_FLOAT64);
    ck_assert_int_eq(a->shape[0], 3);
    ck_assert_int_eq(a->shape[1], 4);
    for (int k = 0; k < 12; k++)
        ck_assert(((double *)a->data)[k] == k / 4.0);
    nd_decref(a);
    /* 3.0: arange(-3, 3, dtype=int32). */
    a = load(FIX "int32_v3.npy");
    ck_assert_int_eq(a->dtype, ND_INT32);
    ck_assert_int_eq(a->size, 6);
    for (int k = 0; k < 6; k++)
        ck_assert_int_eq(((int32_t *)a->data)[k], k - 3);
    nd_decref(a);
    /* 2.0, big-endian, Fortran order: a[i, j] = 3 i + j. */
    a = load(FIX "be_f_v2.npy");
    ck_assert_int_eq(a->dtype, ND_INT16);
    ck_assert(a->flags & ND_F_CONTIGUOUS);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++) {
            int64_t idx[2] = {i, j};
            ck_assert_int_eq(*(int16_t *)nd_element_ptr(a, idx), 3 * i + j);
        }
    nd_decref(a);
    /* 3-d Fortran order: a[i, j, k] = 100 i + 10 j + k. */
    a = load(FIX "int64_3d_f.npy");
    ck_assert(a->flags & ND_F_CONTIGUOUS);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++) {
                int64_t idx[3] = {i, j, k};
                ck_assert_int_eq(*(int64_t *)nd_element_ptr(a, idx),
                                 100 * i + 10 * j + k);
            }
    nd_decref(a);
}
END_TEST

START_TEST(test_fixture_0d_and_empty)
{
    NdArray *a = load(FIX "scalar_f8.npy");
    ck_assert_int_eq(a->ndim, 0);
    ck_assert(*(double *)a->data == 2.5);
    nd_decref(a);
    a = load(FIX "scalar_c16_be.npy");
    ck_assert_int_eq(a->ndim, 0);
    ck_assert(((nd_complex128 *)a->data)->re == 1 &&
              ((nd_complex128 *)a->data)->im == -2);
    nd_decref(a);
    a = load(FIX "scalar_bool.npy");
    ck_assert_int_eq(a->dtype, ND_BOOL);
    ck_assert(*(bool *)a->data);
    nd_decref(a);
    a = load(FIX "empty_f8.npy");
    ck_assert_int_eq(a->ndim, 1);
    ck_assert_int_eq(a->shape[0], 0);
    nd_decref(a);
    a = load(FIX "empty_0x3_i4.npy");
    ck_assert_int_eq(a->dtype, ND_INT32);
    ck_assert_int_eq(a->shape[0], 0);
    ck_assert_int_eq(a->shape[1], 3);
    nd_decref(a);
    a = load(FIX "empty_2x0_f.npy");
    ck_assert_int_eq(a->dtype, ND_UINT8);
    ck_assert_int_eq(a->shape[0], 2);
    ck_assert_int_eq(a->shape[1], 0);
    nd_decref(a);
}
END_TEST

START_TEST(test_fixture_npz)
{
    NdNpz *z = nd_npz_open(FIX "mixed.npz");
    ck_assert_ptr_nonnull(z);
    ck_assert_int_eq(nd_npz_count(z), 4);
    /* NumPy's order: keywords first, then the positional arrays. */
    ck_assert_str_eq(nd_npz_name(z, 0), "x");
    ck_assert_str_eq(nd_npz_name(z, 1), "y");
    ck_assert_str_eq(nd_npz_name(z, 2), "arr_0");
    ck_assert_str_eq(nd_npz_name(z, 3), "arr_1");
    ck_assert_int_eq(nd_npz_find(z, "arr_1"), 3);
    ck_assert_int_eq(nd_npz_find(z, "arr_1.npy"), 3);
    ck_assert_int_eq(nd_npz_find(z, "nope"), -1);
    NdArray *a = nd_npz_read(z, 2, 0); /* arange(3) */
    ck_assert_int_eq(a->dtype, ND_INT64);
    for (int k = 0; k < 3; k++)
        ck_assert_int_eq(((int64_t *)a->data)[k], k);
    nd_decref(a);
    a = nd_npz_read(z, 3, 0); /* [[1.5, -2.0]] */
    ck_assert_int_eq(a->ndim, 2);
    ck_assert(((double *)a->data)[0] == 1.5 && ((double *)a->data)[1] == -2.0);
    nd_decref(a);
    a = nd_npz_read(z, 0, 0); /* [True, False] */
    ck_assert(((bool *)a->data)[0] && !((bool *)a->data)[1]);
    nd_decref(a);
    a = nd_npz_read(z, 1, 0); /* array(7, dtype=int16) */
    ck_assert_int_eq(a->ndim, 0);
    ck_assert_int_eq(*(int16_t *)a->data, 7);
    nd_decref(a);
    nd_npz_close(z);

    z = nd_npz_open(FIX "compressed.npz");
    ck_assert_ptr_nonnull(z);
    a = nd_npz_read(z, nd_npz_find(z, "a"), 0); /* arange(1000) % 7 */
    ck_assert_int_eq(a->size, 1000);
    for (int k = 0; k < 1000; k++)
        ck_assert_int_eq(((int64_t *)a->data)[k], k % 7);
    nd_decref(a);
    a = nd_npz_read(z, nd_npz_find(z, "b"), 0); /* linspace(0, 1, 5) f4 */
    ck_assert_int_eq(a->dtype, ND_FLOAT32);
    for (int k = 0; k < 5; k++)
        ck_assert(((float *)a->data)[k] == k * 0.25f);
    nd_decref(a);
    nd_npz_close(z);

    z = nd_npz_open(FIX "empty.npz");
    ck_assert_ptr_nonnull(z);
    ck_assert_int_eq(nd_npz_count(z), 0);
    nd_npz_close(z);
}
END_TEST

START_TEST(test_bad_npz)
{
    NdNpz *z = nd_npz_open(FIX "bad_crc.npz");
    ck_assert_ptr_nonnull(z);
    ck_assert_ptr_null(nd_npz_read(z, 0, 0));
    ck_assert_nd_error(ND_ERR_VALUE, "Bad CRC-32 for file 'a.npy'");
    nd_npz_close(z);
    ck_assert_ptr_null(nd_npz_open(FIX "truncated.npz"));
    ck_assert_nd_error(ND_ERR_VALUE, "File is not a zip file");
    ck_assert_ptr_null(nd_npz_open(FIX "float64_le.npy"));
    ck_assert_nd_error(ND_ERR_VALUE, "File is not a zip file");
    ck_assert_ptr_null(nd_npz_open(FIX "missing.npz"));
    ck_assert_nd_error(ND_ERR_IO, "[Errno 2] No such file or directory: '" FIX
                                  "missing.npz'");
    z = nd_npz_open(FIX "notnpy.npz");
    ck_assert_ptr_nonnull(z);
    ck_assert_str_eq(nd_npz_name(z, 0), "readme.txt");
    ck_assert_ptr_null(nd_npz_read(z, 0, 0));
    ck_assert_nd_error(ND_ERR_VALUE, "member 'readme.txt' of '" FIX
                                     "notnpy.npz' is not a .npy file: not "
                                     "supported");
    ck_assert_ptr_null(nd_npz_read(z, 1, 0)); /* magic, then garbage */
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    nd_npz_close(z);
}
END_TEST

START_TEST(test_bad_npy)
{
    /* NumPy's messages where NumPy has one. */
    load_fails("bad_keys.npy", ND_ERR_VALUE,
               "Header does not contain the correct keys: ['descr', "
               "'shape']");
    load_fails("bad_order.npy", ND_ERR_VALUE,
               "fortran_order is not a valid bool: 1");
    load_fails("bad_descr.npy", ND_ERR_VALUE,
               "descr is not a valid dtype descriptor: 'x9'");
    load_fails("not_dict.npy", ND_ERR_VALUE,
               "Header is not a dictionary: [1, 2]");
    load_fails("bad_syntax.npy", ND_ERR_VALUE,
               "Cannot parse header: \"{'descr': '<f8', 'fortran_order': "
               "False, 'shape': (1,\\n\"");
    load_fails("bad_version.npy", ND_ERR_VALUE,
               "we only support format version (1,0), (2,0), and (3,0), not "
               "(4, 0)");
    load_fails("hlen_past.npy", ND_ERR_VALUE,
               "EOF: reading array header, expected 60000 bytes got 8");
    load_fails("truncated_header.npy", ND_ERR_VALUE,
               "EOF: reading array header, expected 118 bytes got 30");
    load_fails("magic_only.npy", ND_ERR_VALUE,
               "EOF: reading magic string, expected 8 bytes got 7");
    load_fails("lying_shape.npy", ND_ERR_VALUE,
               "cannot reshape array of size 3 into shape (100,)");
    load_fails("truncated_data.npy", ND_ERR_VALUE,
               "cannot reshape array of size 5 into shape (2,3)");
    load_fails("huge_shape.npy", ND_ERR_VALUE,
               "array is too big; `arr.size * arr.dtype.itemsize` is larger "
               "than the maximum possible size.");
    load_fails("negative_shape.npy", ND_ERR_VALUE,
               "negative dimensions are not allowed");
    /* Dtypes nd lacks. */
    load_fails("object.npy", ND_ERR_VALUE,
               "cannot load an object array (descr '|O'): object dtypes are "
               "not supported");
    load_fails("structured.npy", ND_ERR_VALUE,
               "cannot load a structured array (descr [('x', '<i4'), ('y', "
               "'<f8')]): structured dtypes are not supported");
    load_fails("unicode.npy", ND_ERR_VALUE,
               "cannot load an array of dtype '<U2': not supported (nd has "
               "bool, int8-64, uint8-64, float32/64 and complex64/128)");
    load_fails("float16.npy", ND_ERR_VALUE,
               "cannot load an array of dtype '<f2': not supported (nd has "
               "bool, int8-64, uint8-64, float32/64 and complex64/128)");
    load_fails("missing.npy", ND_ERR_IO,
               "[Errno 2] No such file or directory: '" FIX "missing.npy'");
    NdFileKind k;
    ck_assert_int_eq(nd_file_kind(FIX "pickle.npy", &k), 0);
    ck_assert_int_eq(k, ND_FILE_OTHER);
    ck_assert_int_eq(nd_file_kind(FIX "mixed.npz", &k), 0);
    ck_assert_int_eq(k, ND_FILE_NPZ);
    ck_assert_int_eq(nd_file_kind(FIX "empty.npz", &k), 0);
    ck_assert_int_eq(k, ND_FILE_NPZ);
    ck_assert_int_eq(nd_file_kind(FIX "int32_v3.npy", &k), 0);
    ck_assert_int_eq(k, ND_FILE_NPY);
    write_file(tmp_path("empty"), "", 0);
    ck_assert_int_eq(nd_file_kind(tmp_path("empty"), &k), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "No data left in file");
    cleanup();
}
END_TEST

/* Headers written by hand: every way to get the literal wrong. */
static int parse(const char *dict, NdNpyHeader *h)
{
    char buf[512];
    size_t n = strlen(dict);
    memcpy(buf, "\x93NUMPY\x01\x00", 8);
    buf[8] = (char)(n & 0xff);
    buf[9] = (char)(n >> 8);
    memcpy(buf + 10, dict, n);
    return nd_npy_parse_header(buf, 10 + n, 0, h);
}

START_TEST(test_header_parser)
{
    NdNpyHeader h;
    /* Keys in any order, double quotes, extra spaces, no trailing comma. */
    ck_assert_int_eq(parse("{ \"shape\" : ( 2 , 3 ) , 'fortran_order':True,"
                           "'descr':'>i4'}\n",
                           &h),
                     0);
    ck_assert_int_eq(h.dtype, ND_INT32);
    ck_assert(h.fortran_order && h.swap);
    ck_assert_int_eq(h.ndim, 2);
    ck_assert_int_eq(h.shape[1], 3);
    ck_assert_int_eq(h.size, 6);
    ck_assert_uint_eq(h.data_offset, 10 + strlen("{ \"shape\" : ( 2 , 3 ) "
                                                 ", 'fortran_order':True,"
                                                 "'descr':'>i4'}\n"));
    /* Python 2's longs in versions 1.0 and 2.0. */
    ck_assert_int_eq(parse("{'descr': '|u1', 'fortran_order': False, "
                           "'shape': (3L,), }",
                           &h),
                     0);
    ck_assert_int_eq(h.shape[0], 3);
    /* "(3)" is an int, not a tuple. */
    ck_assert_int_eq(parse("{'descr': '<f8', 'fortran_order': False, "
                           "'shape': (3), }",
                           &h),
                     -1);
    ck_assert_nd_error(ND_ERR_VALUE, "shape is not valid: (3)");
    ck_assert_int_eq(parse("{'descr': '<f8', 'fortran_order': False, "
                           "'shape': [3], }",
                           &h),
                     -1);
    ck_assert_nd_error(ND_ERR_VALUE, "shape is not valid: [3]");
    ck_assert_int_eq(parse("{'descr': '<f8', 'fortran_order': False, "
                           "'shape': (1.5,), }",
                           &h),
                     -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Cannot parse header: \"{'descr': '<f8', "
                       "'fortran_order': False, 'shape': (1.5,), }\"");
    ck_assert_int_eq(parse("{'descr': '<f8', 'fortran_order': False, "
                           "'shape': (99999999999999999999,), }",
                           &h),
                     -1);
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    ck_assert_int_eq(parse("{'descr': '<f8', 'fortran_order': False, "
                           "'shape': (1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,"
                           "1,1,1,1,1,1,1,1,1,1,1,1,1,1), }",
                           &h),
                     -1);
    ck_assert_nd_error(ND_ERR_VALUE, "maximum supported dimension for an "
                                     "ndarray is 32, found 33");
    ck_assert_int_eq(parse("{'descr': '<f8', 'fortran_order': False, "
                           "'shape': (1,), 'extra': 1}",
                           &h),
                     -1);
    ck_assert_nd_error(ND_ERR_VALUE, "Header does not contain the correct "
                                     "keys: ['descr', 'extra', "
                                     "'fortran_order', 'shape']");
    ck_assert_int_eq(parse("{'descr': 5, 'fortran_order': False, "
                           "'shape': (1,)}",
                           &h),
                     -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "descr is not a valid dtype descriptor: 5");
    /* Deep nesting and unterminated literals fail cleanly. */
    char deep[400];
    strcpy(deep, "{'descr': ");
    for (int i = 0; i < 100; i++)
        strcat(deep, "[");
    ck_assert_int_eq(parse(deep, &h), -1);
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    ck_assert_int_eq(parse("{'descr': '<f8", &h), -1);
    nd_error_clear();
    /* Too long a header is refused before it is parsed. */
    char big[12 + 20000];
    memcpy(big, "\x93NUMPY\x02\x00", 8);
    memcpy(big + 8, "\x20\x4e\x00\x00", 4);
    memset(big + 12, ' ', 20000);
    ck_assert_int_eq(nd_npy_parse_header(big, sizeof big, 0, &h), -1);
    ck_assert_str_eq(nd_error_message(),
                     "Header info length (20000) is large and may not be "
                     "safe to load securely.\nTo allow loading, adjust "
                     "`max_header_size` or fully trust the `.npy` file using "
                     "`allow_pickle=True`.\nFor safety against large "
                     "resource use or crashes, sandboxing may be necessary.");
    nd_error_clear();
}
END_TEST

/* Every byte of a good file changed in turn, and every prefix of it: the
 * loader must fail cleanly or succeed, never crash (the sanitizer build
 * watches this). */
START_TEST(test_mutations_never_crash)
{
    size_t n;
    char *good = slurp(FIX "be_f_v2.npy", &n);
    const char *p = tmp_path("m.npy");
    for (size_t i = 0; i < n; i++) {
        for (int flip = 0; flip < 3; flip++) {
            char *b = malloc(n);
            memcpy(b, good, n);
            b[i] = flip == 0 ? (char)(b[i] ^ 0xff) : flip == 1 ? '(' : '9';
            write_file(p, b, n);
            NdArray *a = nd_npy_load(p, ND_MMAP_NONE, 0);
            nd_decref(a);
            nd_error_clear();
            a = nd_npy_from_bytes(b, n, 0);
            nd_decref(a);
            nd_error_clear();
            free(b);
        }
        write_file(p, good, i);
        ck_assert_ptr_null(nd_npy_load(p, ND_MMAP_NONE, 0));
        ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
        nd_error_clear();
    }
    free(good);
    cleanup();
}
END_TEST

/* ------------------------------------------------------------- writing */

START_TEST(test_written_bytes_match_numpy)
{
    /* Loading NumPy's file and saving it again gives NumPy's bytes. */
    NdType t = (NdType)(_i / 2);
    char path[512];
    snprintf(path, sizeof path, FIX "%s_%s.npy", dtype_names[t],
             _i % 2 ? "f" : "le");
    NdArray *a = load(path);
    ck_assert_int_eq(nd_npy_save(tmp_path("x.npy"), a), 0);
    size_t n1, n2;
    char *want = slurp(path, &n1), *got = slurp(tmp_path("x.npy"), &n2);
    ck_assert_uint_eq(n1, n2);
    ck_assert(!memcmp(want, got, n1));
    free(want);
    free(got);
    nd_decref(a);
    cleanup();
}
END_TEST

START_TEST(test_written_bytes_other_shapes)
{
    static const char *const files[] = {
        "scalar_f8.npy",    "scalar_bool.npy", "empty_f8.npy",
        "empty_0x3_i4.npy", "empty_2x0_f.npy", "int64_3d_f.npy",
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[512];
        snprintf(path, sizeof path, FIX "%s", files[i]);
        NdArray *a = load(path);
        ck_assert_int_eq(nd_npy_save(tmp_path("x.npy"), a), 0);
        size_t n1, n2;
        char *want = slurp(path, &n1), *got = slurp(tmp_path("x.npy"), &n2);
        ck_assert_msg(n1 == n2 && !memcmp(want, got, n1), "%s", files[i]);
        free(want);
        free(got);
        nd_decref(a);
    }
    cleanup();
}
END_TEST

START_TEST(test_round_trip_every_dtype_and_order)
{
    NdType t = (NdType)_i;
    int64_t shape[3] = {3, 4, 5};
    NdArray *base = nd_empty(t, 3, shape, 'C');
    unsigned char *p = (unsigned char *)base->data;
    size_t nb = (size_t)base->size * nd_dtype_size(t);
    for (size_t k = 0; k < nb; k++)
        p[k] = t == ND_BOOL ? (unsigned char)(k % 3 == 0)
                            : (unsigned char)(k * 37 + 11);
    /* C order, Fortran order, a non-contiguous view (written as a C-order
     * copy), and below a 0-d view. */
    NdArray *f = nd_copy(base, 'F');
    NdArray *tr = nd_transpose(base, (const int64_t[]){2, 0, 1}, 3);
    NdArray *cases[] = {base, f, tr};
    for (size_t c = 0; c < 3; c++) {
        ck_assert_int_eq(nd_npy_save(tmp_path("r.npy"), cases[c]), 0);
        NdArray *back = load(tmp_path("r.npy"));
        same_array(cases[c], back);
        /* NumPy's rule: Fortran order only for F- and not C-contiguous. */
        bool fo = (cases[c]->flags & ND_F_CONTIGUOUS) &&
                  !(cases[c]->flags & ND_C_CONTIGUOUS);
        ck_assert_int_eq(!!(back->flags & ND_F_CONTIGUOUS) &&
                             !(back->flags & ND_C_CONTIGUOUS),
                         fo);
        nd_decref(back);
        /* The same through an archive, stored and deflated. */
        const char *names[1] = {"a"};
        ck_assert_int_eq(
            nd_npz_save(tmp_path("r.npz"), 1, names, &cases[c], c == 1), 0);
        NdNpz *z = nd_npz_open(tmp_path("r.npz"));
        ck_assert_ptr_nonnull(z);
        back = nd_npz_read(z, 0, 0);
        ck_assert_ptr_nonnull(back);
        same_array(cases[c], back);
        nd_decref(back);
        nd_npz_close(z);
    }
    NdArray *zero = nd_view_new(base->buffer, t, 0, NULL, NULL,
                                base->data + nd_dtype_size(t), true);
    ck_assert_int_eq(nd_npy_save(tmp_path("r.npy"), zero), 0);
    NdArray *back = load(tmp_path("r.npy"));
    same_array(zero, back);
    nd_decref(back);
    nd_decref(zero);
    nd_decref(tr);
    nd_decref(f);
    nd_decref(base);
    cleanup();
}
END_TEST

START_TEST(test_header_version_and_alignment)
{
    /* Every header NumPy writes pads the data to 64 bytes and is 1.0. */
    for (int nd = 0; nd <= ND_MAXDIMS; nd++) {
        int64_t shape[ND_MAXDIMS];
        for (int i = 0; i < nd; i++)
            shape[i] = i == 0 ? 1000000007 : i % 2; /* long, never too big */
        size_t len;
        char *h = nd_npy_header(ND_COMPLEX128, nd % 2, nd, shape, &len);
        ck_assert_uint_eq(len % 64, 0);
        ck_assert_int_eq(h[6], 1);
        ck_assert_int_eq(h[len - 1], '\n');
        NdNpyHeader back;
        ck_assert_int_eq(nd_npy_parse_header(h, len, 0, &back), 0);
        ck_assert_int_eq(back.ndim, nd);
        ck_assert_uint_eq(back.data_offset, len);
        free(h);
    }
}
END_TEST

START_TEST(test_interrupted_write_keeps_old_file)
{
    char p[256];
    snprintf(p, sizeof p, "%s", tmp_path("keep.npy"));
    NdArray *old = nd_zeros(ND_INT8, 1, SHAPE(4), 'C');
    ck_assert_int_eq(nd_npy_save(p, old), 0);
    size_t n1, n2;
    char *before = slurp(p, &n1);
    NdArray *big = nd_ones(ND_FLOAT64, 1, SHAPE(1 << 22), 'C');
    nd_interrupt_requested = 1; /* Ctrl-C arrives during the write */
    ck_assert_int_eq(nd_npy_save(p, big), -1);
    ck_assert_int_eq(nd_error_kind(), ND_ERR_INTERRUPT);
    nd_error_clear();
    nd_interrupt_requested = 0;
    const char *names[1] = {"a"};
    ck_assert_int_eq(nd_npz_save(tmp_path("keep.npz"), 1, names, &old, false),
                     0);
    char *zbefore = slurp(tmp_path("keep.npz"), &n2);
    nd_interrupt_requested = 1;
    ck_assert_int_eq(nd_npz_save(tmp_path("keep.npz"), 1, names, &big, true),
                     -1);
    ck_assert_int_eq(nd_error_kind(), ND_ERR_INTERRUPT);
    nd_error_clear();
    nd_interrupt_requested = 0;
    /* Both old files intact, no temporaries left beside them. */
    size_t m;
    char *after = slurp(p, &m);
    ck_assert(m == n1 && !memcmp(before, after, m));
    free(after);
    after = slurp(tmp_path("keep.npz"), &m);
    ck_assert(m == n2 && !memcmp(zbefore, after, m));
    free(after);
    ck_assert_int_eq(scratch_entries(), 2);
    /* A write that fails to start leaves nothing either. */
    ck_assert_int_eq(nd_npy_save("/nonexistent-dir/x.npy", old), -1);
    ck_assert_int_eq(nd_error_kind(), ND_ERR_IO);
    nd_error_clear();
    ck_assert_int_eq(
        nd_npz_save("/nonexistent-dir/x.npz", 1, names, &old, false), -1);
    ck_assert_int_eq(nd_error_kind(), ND_ERR_IO);
    nd_error_clear();
    free(before);
    free(zbefore);
    nd_decref(old);
    nd_decref(big);
    cleanup();
}
END_TEST

/* ------------------------------------------------------------------ mmap */

START_TEST(test_mmap_modes)
{
    const char *p = tmp_path("m.npy");
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2, 2), 2, 1, 2, 3, 4);
    ck_assert_int_eq(nd_npy_save(p, a), 0);
    /* "r": a read-only view of the file. */
    NdArray *r = nd_npy_load(p, ND_MMAP_READONLY, 0);
    ck_assert_ptr_nonnull(r);
    ck_assert(!(r->flags & ND_WRITEABLE));
    ck_assert(!(r->flags & ND_OWNDATA));
    same_array(a, r);
    NdScalar nine = nd_scalar_float64(9);
    ck_assert_int_eq(nd_fill(r, &nine), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "assignment destination is read-only");
    /* "r+": writes reach the file (and the "r" view sees them). */
    NdArray *w = nd_npy_load(p, ND_MMAP_READWRITE, 0);
    ck_assert(w->flags & ND_WRITEABLE);
    ((double *)w->data)[3] = 40;
    ck_assert(((double *)r->data)[3] == 40);
    nd_decref(w);
    NdArray *back = load(p);
    ck_assert(((double *)back->data)[3] == 40);
    nd_decref(back);
    /* "c": writable, but the file keeps its data. */
    NdArray *c = nd_npy_load(p, ND_MMAP_COPY, 0);
    ck_assert(c->flags & ND_WRITEABLE);
    ((double *)c->data)[0] = -7;
    back = load(p);
    ck_assert(((double *)back->data)[0] == 1);
    nd_decref(back);
    nd_decref(c);
    /* A view outlives the array it came from (the buffer holds the map). */
    NdArray *v = nd_view(r);
    nd_decref(r);
    ck_assert(((double *)v->data)[1] == 2);
    nd_decref(v);
    ck_assert_ptr_null(nd_npy_load(p, ND_MMAP_WRITE, 0));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    /* Fortran order maps with Fortran strides. */
    NdArray *f = nd_npy_load(FIX "int64_3d_f.npy", ND_MMAP_READONLY, 0);
    ck_assert(f->flags & ND_F_CONTIGUOUS);
    int64_t idx[3] = {1, 2, 3};
    ck_assert_int_eq(*(int64_t *)nd_element_ptr(f, idx), 123);
    nd_decref(f);
    /* Big-endian data cannot be a native view; a lying header is caught. */
    ck_assert_ptr_null(nd_npy_load(FIX "int32_be.npy", ND_MMAP_READONLY, 0));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    ck_assert_ptr_null(nd_npy_load(FIX "lying_shape.npy", ND_MMAP_READONLY, 0));
    ck_assert_nd_error(ND_ERR_VALUE, "mmap length is greater than file size");
    /* Empty arrays need no mapping. */
    NdArray *e = nd_npy_load(FIX "empty_0x3_i4.npy", ND_MMAP_READONLY, 0);
    ck_assert_int_eq(e->size, 0);
    ck_assert(!(e->flags & ND_WRITEABLE));
    nd_decref(e);
    nd_decref(a);
    cleanup();
}
END_TEST

START_TEST(test_open_memmap_and_memmap)
{
    const char *p = tmp_path("om.npy");
    NdArray *m =
        nd_open_memmap(p, ND_MMAP_WRITE, ND_INT32, 2, SHAPE(3, 2), true, 0);
    ck_assert_ptr_nonnull(m);
    ck_assert(m->flags & ND_F_CONTIGUOUS && m->flags & ND_WRITEABLE);
    for (int k = 0; k < 6; k++)
        ck_assert_int_eq(((int32_t *)m->data)[k], 0);
    int64_t idx[2] = {2, 1};
    *(int32_t *)nd_element_ptr(m, idx) = 21;
    nd_decref(m); /* unmapped; the file holds the value */
    NdArray *b = load(p);
    ck_assert(b->flags & ND_F_CONTIGUOUS);
    ck_assert_int_eq(*(int32_t *)nd_element_ptr(b, idx), 21);
    ck_assert_int_eq(b->size, 6);
    nd_decref(b);
    m = nd_open_memmap(p, ND_MMAP_READONLY, ND_FLOAT64, 0, NULL, false, 0);
    ck_assert_int_eq(m->dtype, ND_INT32);
    nd_decref(m);

    /* A raw file: 10 bytes, int16 from offset 2 -> 4 elements. */
    const char *raw = tmp_path("raw.dat");
    write_file(raw, "\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00", 10);
    m = nd_memmap(raw, ND_INT16, ND_MMAP_READONLY, 2, -1, NULL, 'C');
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->size, 4);
    ck_assert_int_eq(((int16_t *)m->data)[0], 2);
    ck_assert(!(m->flags & ND_WRITEABLE));
    nd_decref(m);
    ck_assert_ptr_null(
        nd_memmap(raw, ND_INT32, ND_MMAP_READONLY, 0, -1, NULL, 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, "Size of available data is not a "
                                     "multiple of the data-type size.");
    ck_assert_ptr_null(
        nd_memmap(raw, ND_INT16, ND_MMAP_READONLY, 0, 1, SHAPE(6), 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, "mmap length is greater than file size");
    /* "r+" grows the file to the shape asked for. */
    m = nd_memmap(raw, ND_INT16, ND_MMAP_READWRITE, 0, 1, SHAPE(8), 'C');
    ck_assert_ptr_nonnull(m);
    ((int16_t *)m->data)[7] = 99;
    nd_decref(m);
    size_t n;
    char *bytes = slurp(raw, &n);
    ck_assert_uint_eq(n, 16);
    ck_assert_int_eq(bytes[14], 99);
    free(bytes);
    ck_assert_ptr_null(
        nd_memmap(tmp_path("none"), ND_INT16, ND_MMAP_WRITE, 0, -1, NULL, 'C'));
    ck_assert_nd_error(ND_ERR_VALUE, "shape must be given if mode == 'w+'");
    NdMmapMode mode;
    ck_assert_int_eq(nd_mmap_mode_from_name("copyonwrite", &mode), 0);
    ck_assert_int_eq(mode, ND_MMAP_COPY);
    ck_assert_int_eq(nd_mmap_mode_from_name("x", &mode), -1);
    ck_assert_nd_error(ND_ERR_VALUE,
                       "mode must be one of ['r', 'c', 'r+', 'w+', "
                       "'readonly', 'copyonwrite', 'readwrite', 'write']");
    cleanup();
}
END_TEST

/* A bool file with bytes other than 0/1 reads as True there (never an
 * invalid C bool); mapping it is refused. */
START_TEST(test_bool_bytes)
{
    size_t n;
    char *b = slurp(FIX "bool_le.npy", &n);
    b[n - 1] = 7; /* the last element (False) becomes byte 7 */
    write_file(tmp_path("b.npy"), b, n);
    NdArray *a = load(tmp_path("b.npy"));
    ck_assert_int_eq(((unsigned char *)a->data)[5], 1);
    nd_decref(a);
    ck_assert_ptr_null(nd_npy_load(tmp_path("b.npy"), ND_MMAP_READONLY, 0));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    nd_error_clear();
    free(b);
    cleanup();
}
END_TEST

static Suite *npy_suite(void)
{
    Suite *s = suite_create("npy");
    TCase *tc = tcase_create("npy");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_fixture_every_dtype, 0, 3 * ND_NTYPES);
    tcase_add_test(tc, test_fixture_versions);
    tcase_add_test(tc, test_fixture_0d_and_empty);
    tcase_add_test(tc, test_fixture_npz);
    tcase_add_test(tc, test_bad_npz);
    tcase_add_test(tc, test_bad_npy);
    tcase_add_test(tc, test_header_parser);
    tcase_add_test(tc, test_mutations_never_crash);
    tcase_add_loop_test(tc, test_written_bytes_match_numpy, 0, 2 * ND_NTYPES);
    tcase_add_test(tc, test_written_bytes_other_shapes);
    tcase_add_loop_test(tc, test_round_trip_every_dtype_and_order, 0,
                        ND_NTYPES);
    tcase_add_test(tc, test_header_version_and_alignment);
    tcase_add_test(tc, test_interrupted_write_keeps_old_file);
    tcase_add_test(tc, test_mmap_modes);
    tcase_add_test(tc, test_open_memmap_and_memmap);
    tcase_add_test(tc, test_bool_bytes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(npy_suite());
}
