/* nd_io.h — NumPy's binary files: .npy (format versions 1.0, 2.0 and 3.0),
 * .npz archives (zip files of .npy members, through libzip) and
 * memory-mapped arrays (lib/npy.c).
 *
 * Files nd writes load in NumPy with the same dtype, shape, order and
 * values, and the reverse.  Writes are atomic (nd_file.h / libzip's own
 * temporary): an error or Ctrl-C mid-write leaves the old file intact.
 * Reading never trusts the file: the header is parsed strictly, sizes are
 * overflow-checked and compared with what the file holds before anything
 * is allocated, and every problem is a ValueError with NumPy's text (or a
 * clear "not supported" one for dtypes nd lacks). */
#ifndef ND_ND_IO_H
#define ND_ND_IO_H

#include <stdio.h>

/* NumPy's default max_header_size: longer headers are refused (a literal
 * that long could only be an attack on the parser). */
#define ND_NPY_MAX_HEADER 10000

/* What a file looks like from its first bytes (NumPy's load decides the
 * same way). */
typedef enum NdFileKind {
    ND_FILE_NPY,   /* "\x93NUMPY" */
    ND_FILE_NPZ,   /* "PK\x03\x04" or "PK\x05\x06": a zip archive */
    ND_FILE_OTHER, /* anything else: NumPy would try to unpickle it */
} NdFileKind;
/* -1 with IOError "[Errno 2] No such file or directory: 'x'" or ValueError
 * "No data left in file" (an empty file). */
int nd_file_kind(const char *path, NdFileKind *out);

/* ------------------------------------------------------------------- .npy */

/* A parsed .npy header. */
typedef struct NdNpyHeader {
    int major, minor; /* format version */
    NdType dtype;
    bool swap; /* the data's byte order is not the host's */
    bool fortran_order;
    int ndim;
    int64_t shape[ND_MAXDIMS];
    int64_t size;       /* elements */
    size_t data_offset; /* where the data starts */
} NdNpyHeader;

/* Parse the header at the start of buf (n bytes available).  Errors are
 * ValueErrors with NumPy's texts ("Header does not contain the correct
 * keys: ['descr', 'shape']", "EOF: reading array header, expected 60000
 * bytes got 8", ...); object, structured and other dtypes nd lacks give
 * "... not supported" errors.  max_header 0 means ND_NPY_MAX_HEADER. */
int nd_npy_parse_header(const void *buf, size_t n, size_t max_header,
                        NdNpyHeader *out);

/* The header NumPy would write for an array of this dtype and geometry
 * (magic, version, length, the dict literal, padding to 64 bytes): a
 * malloc'd buffer and its length in *len. */
char *nd_npy_header(NdType dtype, bool fortran_order, int ndim,
                    const int64_t *shape, size_t *len);

/* Write a as .npy to an open stream: C order, or Fortran order when a is
 * F- but not C-contiguous (as NumPy).  Polls nd_interrupt_requested
 * (KeyboardInterrupt).  0 or -1. */
int nd_npy_write(FILE *fp, const char *path, NdArray *a);
/* save(path, a): written atomically.  The caller adds ".npy" as NumPy
 * does when it wants to. */
int nd_npy_save(const char *path, NdArray *a);

/* How load maps a file (NumPy's mmap_mode). */
typedef enum NdMmapMode {
    ND_MMAP_NONE,      /* read into memory */
    ND_MMAP_READONLY,  /* "r": read-only view of the file */
    ND_MMAP_READWRITE, /* "r+": writes reach the file (MAP_SHARED) */
    ND_MMAP_COPY,      /* "c": writable, writes stay in memory (MAP_PRIVATE) */
    ND_MMAP_WRITE,     /* "w+": create or overwrite, then as "r+" */
} NdMmapMode;
/* Parse "r", "r+", "c", "w+" and NumPy's long names ("readonly", ...).
 * ValueError "mode must be one of ['r', 'c', 'r+', 'w+', 'readonly',
 * 'copyonwrite', 'readwrite', 'write']". */
int nd_mmap_mode_from_name(const char *name, NdMmapMode *out);

/* Load a .npy file, converting big-endian data to the host's order.
 * With a mmap mode the result is a view of the mapping (the buffer's
 * release hook unmaps it); ND_MMAP_WRITE is refused here. */
NdArray *nd_npy_load(const char *path, NdMmapMode mode, size_t max_header);
/* Load .npy data held in memory (an .npz member); `name` for messages. */
NdArray *nd_npy_from_bytes(const void *data, size_t n, size_t max_header);

/* NumPy's lib.format.open_memmap: mode "r", "r+", "c" map an existing
 * .npy file (dtype/shape ignored); "w+" creates it with the given dtype,
 * shape and order (zero-filled) and maps it read-write. */
NdArray *nd_open_memmap(const char *path, NdMmapMode mode, NdType dtype,
                        int ndim, const int64_t *shape, bool fortran_order,
                        size_t max_header);
/* NumPy's memmap(filename, dtype, mode, offset, shape, order): a raw file
 * (no header) mapped as an array.  ndim < 0 means "the whole file from
 * offset as 1-d" (ValueError "Size of available data is not a multiple of
 * the data-type size." when it does not divide).  "w+" creates the file
 * and needs a shape. */
NdArray *nd_memmap(const char *path, NdType dtype, NdMmapMode mode,
                   int64_t offset, int ndim, const int64_t *shape, char order);

/* ------------------------------------------------------------------- .npz */

/* savez / savez_compressed: n arrays as "NAME.npy" members of a zip
 * archive (stored, or deflated when compress), written atomically (libzip
 * writes a temporary in the same folder and renames it on success). */
int nd_npz_save(const char *path, int n, const char *const *names,
                NdArray *const *arrays, bool compress);

/* An open .npz archive; members are read when asked for (NumPy's NpzFile
 * is lazy too). */
typedef struct NdNpz NdNpz;
/* IOError for a missing file, ValueError "File is not a zip file" for a
 * damaged one. */
NdNpz *nd_npz_open(const char *path);
int64_t nd_npz_count(const NdNpz *z);
const char *nd_npz_path(const NdNpz *z); /* as given to nd_npz_open */
/* The i-th member's name without its ".npy" suffix (NumPy's .files). */
const char *nd_npz_name(const NdNpz *z, int64_t i);
/* The index of a member by name (with or without ".npy"), or -1. */
int64_t nd_npz_find(const NdNpz *z, const char *name);
/* Read member i as an array.  ValueError "Bad CRC-32 for file 'a.npy'"
 * when its data is damaged; "... is not a .npy file: not supported" for
 * members that are not .npy data. */
NdArray *nd_npz_read(NdNpz *z, int64_t i, size_t max_header);
void nd_npz_close(NdNpz *z); /* NULL is fine */

#endif
