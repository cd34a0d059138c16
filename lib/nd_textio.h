/* nd_textio.h — text files of numbers: NumPy's loadtxt, savetxt and
 * genfromtxt (lib/textio.c).
 *
 * Every reader streams: it parses the file in chunks straight into a result
 * buffer that grows geometrically, so a big file costs little more than
 * the array it makes.  The path "-" is standard input for readers and
 * standard output for savetxt.  Errors carry NumPy 2's texts; an unknown
 * file is IOError "[Errno 2] No such file or directory: 'x.txt'".  Long
 * loads and saves poll nd_interrupt_requested and stop with
 * KeyboardInterrupt (savetxt then leaves the old file in place). */
#ifndef ND_TEXTIO_H
#define ND_TEXTIO_H

#include <stdio.h>

/* loadtxt's parameters (NumPy's names).  Zero-initialise, then set. */
typedef struct NdLoadtxtOptions {
    NdType dtype;                /* bool, integers, floats, complex */
    const char *const *comments; /* ncomments strings (each non-empty) */
    int ncomments;               /* 0: no comments */
    int delimiter;               /* one byte, or -1: runs of whitespace */
    int quotechar;               /* one byte, or -1: no quoting */
    int64_t skiprows;            /* lines skipped first (comments count) */
    const int64_t *usecols;      /* nusecols column numbers (may be < 0) */
    int nusecols;                /* -1: every column */
    int64_t max_rows;            /* rows of data to read; -1: all */
    int ndmin;                   /* 0, 1 or 2 */
    bool unpack;                 /* return the transpose */
} NdLoadtxtOptions;

/* NumPy's loadtxt of the file at path ("-": standard input). */
NdArray *nd_loadtxt(const char *path, const NdLoadtxtOptions *o);
/* The same from an open stream (not closed). */
NdArray *nd_loadtxt_stream(FILE *fp, const NdLoadtxtOptions *o);

/* savetxt(fname, X, fmt, delimiter, newline, header, footer, comments):
 * fmt is Python %-formats: nfmt 0 means one string fmt[0] (a single
 * format used for every column, or one holding a format per column), nfmt
 * >= 1 a list of formats, one per column.  A 1-d X is written one value per
 * line; complex values as NumPy writes them.  The file is written atomically
 * (lib/nd_file.h); path "-" is standard output. */
int nd_savetxt(const char *path, NdArray *X, const char *const *fmt, int nfmt,
               const char *delimiter, const char *newline, const char *header,
               const char *footer, const char *comments);

/* genfromtxt's parameters.  Zero-initialise, then set. */
typedef struct NdGenfromtxtOptions {
    NdType dtype;          /* ND_NTYPES: detect each column (dtype=None) */
    const char *comments;  /* NULL: none */
    const char *delimiter; /* NULL: runs of whitespace */
    int64_t skip_header, skip_footer;
    int64_t max_rows; /* -1: all */
    /* usecols: nusecols entries, each a column number or (when
     * usecol_names[i] is not NULL) a column name; nusecols -1: all. */
    const int64_t *usecols;
    const char *const *usecol_names;
    int nusecols;
    /* names: names_from_file (names=True), or nnames given names. */
    bool names_from_file;
    const char *const *names;
    int nnames;
    /* filling values: a default for every column (has_fill_all) and/or
     * per column (fill_cols[i] >= 0 is a column number, fill_names[i] a
     * name when not NULL). */
    bool has_fill_all;
    NdScalar fill_all;
    int nfill;
    const int64_t *fill_cols;
    const char *const *fill_names;
    const NdScalar *fill_values;
    /* filling values given as a list: position i fills column i. */
    bool fill_is_list;
    bool autostrip;
    int ndmin;
    bool unpack;
} NdGenfromtxtOptions;

/* The result of genfromtxt: an array, or (names, or columns of different
 * dtypes) one column array per name. */
typedef struct NdGenfromtxtResult {
    NdArray *array; /* NULL when the result is by name */
    int ncols;      /* by name: the columns */
    char **names;   /* malloc'd, ncols of them */
    NdArray **columns;
} NdGenfromtxtResult;

int nd_genfromtxt(const char *path, const NdGenfromtxtOptions *o,
                  NdGenfromtxtResult *out);
void nd_genfromtxt_result_free(NdGenfromtxtResult *r);

/* Parse a float as Python's float() and NumPy's loadtxt do, independent of
 * the locale and correctly rounded: optional surrounding whitespace, sign,
 * digits with one '.', exponent, "inf", "infinity", "nan" in any case.
 * Returns 0, or -1 (no error set) when [s, s+n) is not a number.
 * `underscores` allows Python's single underscores between digits. */
int nd_parse_double(const char *s, size_t n, bool underscores, double *out);

#endif
