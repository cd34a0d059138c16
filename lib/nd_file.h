/* nd_file.h — files written whole or not at all (lib/file.c).
 *
 * Every writer of libnd (save, savez, savetxt) writes into a temporary file
 * in the destination's folder and renames it into place only when all of it
 * was written, so an error, a full disk or Ctrl-C mid-write leaves the old
 * file intact.  The path "-" means standard output (written directly). */
#ifndef ND_FILE_H
#define ND_FILE_H

#include <stdio.h>

typedef struct NdAtomicFile {
    FILE *fp;   /* write here */
    char *path; /* the destination as named (NULL for standard output) */
    char *dest; /* what is replaced: path, or a symlink's target */
    char *tmp;  /* the temporary in dest's folder (NULL for stdout) */
    int mode;   /* the permissions to give it (an existing file's) */
} NdAtomicFile;

/* The file a write to path replaces: path itself, or, when path is a
 * symbolic link, the file it points to (as open(path, "w") would write
 * through the link rather than replace it).  malloc'd; NULL when out of
 * memory (error set). */
char *nd_write_target(const char *path);

/* Opens f for writing the file at path ("-": standard output).  0, or -1
 * with ND_ERR_IO "[Errno N] reason: 'path'" set. */
int nd_atomic_open(NdAtomicFile *f, const char *path);
/* Flushes, closes and renames the temporary into place.  0, or -1 with
 * ND_ERR_IO set and the temporary removed.  f is finished either way. */
int nd_atomic_commit(NdAtomicFile *f);
/* Closes and removes the temporary (the destination is untouched).
 * Keeps any error already set. */
void nd_atomic_abort(NdAtomicFile *f);

/* Sets ND_ERR_IO in Python's OSError form for errno e and path:
 * "[Errno 2] No such file or directory: 'x.npy'".  Returns -1. */
int nd_io_error(int e, const char *path);

#endif
