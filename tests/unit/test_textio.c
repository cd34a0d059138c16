/* test_textio.c — Check suite of lib/textio.c: the number parser against
 * the C library's correctly rounded strtod_l on many random strings,
 * loadtxt on in-memory streams (values, errors, comments, quotes, CRLF),
 * savetxt round trips and its atomic write, genfromtxt's filling. */
#define _GNU_SOURCE /* strtod_l, fmemopen */
#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nd.h"
#include "testutil.h"

static locale_t cloc(void)
{
    static locale_t l;
    if (!l)
        l = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return l;
}

/* xorshift: reproducible random strings */
static uint64_t rng = 88172645463325252ULL;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void check_same(const char *s)
{
    double want = strtod_l(s, NULL, cloc()), got;
    ck_assert_msg(nd_parse_double(s, strlen(s), false, &got) == 0, "%s", s);
    ck_assert_msg(memcmp(&want, &got, 8) == 0 || (isnan(want) && isnan(got)),
                  "%s: got %.17g want %.17g", s, got, want);
}

START_TEST(parse_random_decimal)
{
    char buf[64];
    for (int k = 0; k < 300000; k++) {
        int nd = 1 + (int)(rnd() % 25), o = 0;
        if (rnd() % 2)
            buf[o++] = '-';
        int dot = (int)(rnd() % (nd + 1));
        for (int i = 0; i < nd; i++) {
            if (i == dot)
                buf[o++] = '.';
            buf[o++] = (char)('0' + rnd() % 10);
        }
        if (rnd() % 2)
            o += snprintf(buf + o, sizeof buf - (size_t)o, "e%d",
                          (int)(rnd() % 700) - 350);
        buf[o] = '\0';
        check_same(buf);
    }
}
END_TEST

START_TEST(parse_random_doubles_roundtrip)
{
    char buf[64];
    for (int k = 0; k < 200000; k++) {
        uint64_t bits = rnd();
        double d;
        memcpy(&d, &bits, 8);
        if (!isfinite(d))
            continue;
        static const char *const fmts[] = {"%.17g", "%.18e", "%.6f", "%.15g",
                                           "%g"};
        snprintf(buf, sizeof buf, fmts[k % 5], d);
        check_same(buf);
    }
}
END_TEST

START_TEST(parse_special)
{
    static const char *const ok[] = {
        "0",
        "-0",
        "1.",
        ".5",
        "1e5",
        "1E+05",
        "  7.25\t",
        "inf",
        "-Infinity",
        "NaN",
        "+nan",
        "9007199254740993",
        "1e23",
        "2.2250738585072011e-308",
        "4.9e-324",
        "1e-400",
        "1e400",
        "179769313486231580793728971405301e276",
        "0.000000000000000000000000000001234567890123456789"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        check_same(ok[i]);
    static const char *const bad[] = {"",    " ",    ".",    "e5",    "1e",
                                      "1e+", "1_0",  "0x10", "1.2.3", "--1",
                                      "in",  "nanx", "1 2"};
    double d;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(nd_parse_double(bad[i], strlen(bad[i]), false, &d) < 0,
                      "%s", bad[i]);
    ck_assert_int_eq(nd_parse_double("1_000.5", 7, true, &d), 0);
    ck_assert(d == 1000.5);
    ck_assert_int_lt(nd_parse_double("1__0", 4, true, &d), 0);
    ck_assert_int_eq(nd_parse_double("-nan", 4, false, &d), 0);
    ck_assert(isnan(d) && signbit(d));
}
END_TEST

static NdArray *load_str(const char *text, NdLoadtxtOptions *o)
{
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    ck_assert_ptr_nonnull(fp);
    NdArray *a = nd_loadtxt_stream(fp, o);
    fclose(fp);
    return a;
}

static const char *const hash[] = {"#"};

START_TEST(loadtxt_basic)
{
    NdLoadtxtOptions o = {.dtype = ND_FLOAT64,
                          .comments = hash,
                          .ncomments = 1,
                          .delimiter = ',',
                          .quotechar = -1,
                          .nusecols = -1,
                          .max_rows = -1};
    NdArray *a = load_str("1,2.5\r\n# c\n\n3,-4e2 # t\r5,6", &o);
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->ndim, 2);
    ck_assert_int_eq(a->shape[0], 3);
    ck_assert_int_eq(a->shape[1], 2);
    const double want[] = {1, 2.5, 3, -400, 5, 6};
    ck_assert_mem_eq(a->data, want, sizeof want);
    nd_decref(a);
    /* quotes: a delimiter and a doubled quote inside */
    o.quotechar = '"';
    o.dtype = ND_INT64;
    a = load_str("\"1\",\"2\"\"\"\n", &o);
    ck_assert_ptr_null(a);
    ck_assert_str_eq(nd_error_message(),
                     "could not convert string '2\"' to int64 at row 0, "
                     "column 2.");
    nd_error_clear();
}
END_TEST

START_TEST(loadtxt_errors)
{
    NdLoadtxtOptions o = {.dtype = ND_FLOAT64,
                          .comments = hash,
                          .ncomments = 1,
                          .delimiter = -1,
                          .quotechar = -1,
                          .nusecols = -1,
                          .max_rows = -1};
    ck_assert_ptr_null(load_str("1 2 3\n4 5 6\n7 8 9\n1 2 3\n1 2\n", &o));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_VALUE);
    ck_assert_str_eq(nd_error_message(),
                     "the number of columns changed from 3 to 2 at row 5; "
                     "use `usecols` to select a subset and avoid this error");
    nd_error_clear();
    ck_assert_ptr_null(load_str("1 2 x\n", &o));
    ck_assert_str_eq(nd_error_message(),
                     "could not convert string 'x' to float64 at row 0, "
                     "column 3.");
    nd_error_clear();
    ck_assert_ptr_null(nd_loadtxt("/nonexistent/x.txt", &o));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_IO);
    ck_assert_str_eq(nd_error_message(), "[Errno 2] No such file or "
                                         "directory: '/nonexistent/x.txt'");
    nd_error_clear();
    o.dtype = ND_UINT8;
    ck_assert_ptr_null(load_str("256\n", &o));
    ck_assert_str_eq(nd_error_message(), "could not convert string '256' to "
                                         "uint8 at row 0, column 1.");
    nd_error_clear();
    /* an interrupt stops the read */
    o.dtype = ND_FLOAT64;
    nd_interrupt_requested = 1;
    ck_assert_ptr_null(load_str("1 2\n", &o));
    ck_assert_int_eq(nd_error_kind(), ND_ERR_INTERRUPT);
    nd_interrupt_requested = 0;
    nd_error_clear();
}
END_TEST

START_TEST(loadtxt_long_lines)
{
    /* rows longer than the reading chunk, and many rows across chunks */
    size_t n = 300000;
    char *text = malloc(n * 2 + 2);
    for (size_t i = 0; i < n; i++) {
        text[2 * i] = (char)('0' + i % 10);
        text[2 * i + 1] = ' ';
    }
    text[2 * n] = '\n';
    text[2 * n + 1] = '\0';
    NdLoadtxtOptions o = {.dtype = ND_INT64,
                          .delimiter = -1,
                          .quotechar = -1,
                          .nusecols = -1,
                          .max_rows = -1};
    NdArray *a = load_str(text, &o);
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->ndim, 1);
    ck_assert_int_eq(a->size, (int64_t)n);
    ck_assert_int_eq(((int64_t *)a->data)[n - 1], (int64_t)((n - 1) % 10));
    nd_decref(a);
    free(text);
}
END_TEST

START_TEST(savetxt_roundtrip_and_atomic)
{
    char path[] = "/tmp/nd_test_textioXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "old\n", 4), 4);
    close(fd);
    double vals[6];
    for (int i = 0; i < 6; i++) {
        uint64_t b = rnd() >> 2;
        memcpy(&vals[i], &b, 8);
    }
    int64_t shape[2] = {3, 2};
    NdArray *x = nd_from_data(ND_FLOAT64, 2, shape, vals, 6);
    const char *const fmt[] = {"%.17g"};
    /* a bad format fails and leaves the old file */
    const char *const badf[] = {"%d %d %d"};
    ck_assert_int_lt(nd_savetxt(path, x, badf, 0, " ", "\n", "", "", "# "), 0);
    nd_error_clear();
    FILE *fp = fopen(path, "r");
    char line[16] = {0};
    ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
    fclose(fp);
    ck_assert_str_eq(line, "old\n");
    ck_assert_int_eq(nd_savetxt(path, x, fmt, 0, ",", "\n", "h", "", "# "), 0);
    NdLoadtxtOptions o = {.dtype = ND_FLOAT64,
                          .comments = hash,
                          .ncomments = 1,
                          .delimiter = ',',
                          .quotechar = -1,
                          .nusecols = -1,
                          .max_rows = -1};
    NdArray *y = nd_loadtxt(path, &o);
    ck_assert_ptr_nonnull(y);
    ck_assert_mem_eq(y->data, vals, sizeof vals);
    nd_decref(y);
    nd_decref(x);
    unlink(path);
}
END_TEST

START_TEST(genfromtxt_fill)
{
    char path[] = "/tmp/nd_test_genXXXXXX";
    int fd = mkstemp(path);
    const char *text = "a,b\n1,\n,x\n3,4\n";
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    NdGenfromtxtOptions o = {.dtype = ND_FLOAT64,
                             .comments = "#",
                             .delimiter = ",",
                             .skip_header = 1,
                             .max_rows = -1,
                             .nusecols = -1};
    NdGenfromtxtResult r;
    ck_assert_int_eq(nd_genfromtxt(path, &o, &r), 0);
    ck_assert_ptr_nonnull(r.array);
    double *d = (double *)r.array->data;
    ck_assert(d[0] == 1 && isnan(d[1]) && isnan(d[2]) && isnan(d[3]) &&
              d[4] == 3 && d[5] == 4);
    nd_genfromtxt_result_free(&r);
    o.skip_header = 0;
    o.names_from_file = true;
    o.has_fill_all = true;
    o.fill_all = nd_scalar_int64(-7);
    ck_assert_int_eq(nd_genfromtxt(path, &o, &r), 0);
    ck_assert_int_eq(r.ncols, 2);
    ck_assert_str_eq(r.names[1], "b");
    d = (double *)r.columns[1]->data;
    ck_assert(d[0] == -7 && d[1] == -7 && d[2] == 4);
    nd_genfromtxt_result_free(&r);
    unlink(path);
}
END_TEST

/* NumPy: an input without rows warns (UserWarning), and genfromtxt's
 * result without rows is np.array([], dtype): 1-d, whatever the columns. */
START_TEST(empty_inputs)
{
    char path[] = "/tmp/nd_test_emptyXXXXXX";
    int fd = mkstemp(path);
    const char *text = "1,2\n3,4\n";
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    NdGenfromtxtOptions o = {.dtype = ND_INT64,
                             .comments = "#",
                             .delimiter = ",",
                             .skip_footer = 2,
                             .max_rows = -1,
                             .nusecols = -1};
    NdGenfromtxtResult r;
    ck_assert_int_eq(nd_genfromtxt(path, &o, &r), 0);
    ck_assert_ptr_nonnull(r.array);
    ck_assert_int_eq(r.array->ndim, 1);
    ck_assert_int_eq(r.array->shape[0], 0);
    ck_assert_int_eq(r.array->dtype, ND_INT64);
    nd_genfromtxt_result_free(&r);
    NdLoadtxtOptions lo = {.dtype = ND_FLOAT64,
                           .delimiter = ',',
                           .quotechar = -1,
                           .skiprows = 2,
                           .nusecols = -1,
                           .max_rows = -1};
    nd_warnings_clear();
    NdArray *a = nd_loadtxt(path, &lo);
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->ndim, 1);
    ck_assert_int_eq(a->shape[0], 0);
    ck_assert_ptr_nonnull(nd_warning(0));
    ck_assert_ptr_nonnull(strstr(nd_warning(0), "UserWarning: loadtxt: input "
                                                "contained no data: \""));
    nd_warnings_clear();
    nd_decref(a);
    unlink(path);
}
END_TEST

static Suite *textio_suite(void)
{
    Suite *s = suite_create("textio");
    TCase *tc = tcase_create("textio");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, parse_random_decimal);
    tcase_add_test(tc, parse_random_doubles_roundtrip);
    tcase_add_test(tc, parse_special);
    tcase_add_test(tc, loadtxt_basic);
    tcase_add_test(tc, loadtxt_errors);
    tcase_add_test(tc, loadtxt_long_lines);
    tcase_add_test(tc, savetxt_roundtrip_and_atomic);
    tcase_add_test(tc, genfromtxt_fill);
    tcase_add_test(tc, empty_inputs);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(textio_suite());
}
