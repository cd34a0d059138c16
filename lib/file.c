/* file.c — files written whole or not at all (nd_file.h): a temporary in
 * the destination's folder, renamed into place once everything is written.
 * rename() within one folder is atomic on POSIX file systems, so readers see
 * either the old file or the new one, never a half-written one.  The new
 * file keeps the old one's permissions, and a symbolic link is written
 * through (its target replaced), as a plain open(path, "w") would. */
#define _DEFAULT_SOURCE /* mkstemp, fchmod, umask, realpath, lstat */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nd.h"

int nd_io_error(int e, const char *path)
{
    return nd_error(ND_ERR_IO, "[Errno %d] %s: '%s'", e, strerror(e), path);
}

char *nd_write_target(const char *path)
{
    struct stat st;
    char *real = NULL;
    /* A dangling link keeps its name: the file is then created beside it
     * (replacing the link), the best that can be done atomically. */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        real = realpath(path, NULL);
    if (real)
        return real;
    size_t n = strlen(path);
    char *d = malloc(n + 1);
    if (!d) {
        nd_error(ND_ERR_MEMORY, "out of memory");
        return NULL;
    }
    memcpy(d, path, n + 1);
    return d;
}

static void finish(NdAtomicFile *f)
{
    free(f->path);
    free(f->dest);
    free(f->tmp);
    f->fp = NULL;
    f->path = f->dest = f->tmp = NULL;
}

int nd_atomic_open(NdAtomicFile *f, const char *path)
{
    f->fp = NULL;
    f->path = f->dest = f->tmp = NULL;
    f->mode = -1;
    if (!strcmp(path, "-")) {
        f->fp = stdout;
        return 0;
    }
    size_t n = strlen(path);
    f->path = malloc(n + 1);
    f->dest = nd_write_target(path);
    size_t m = f->dest ? strlen(f->dest) : 0;
    f->tmp = malloc(m + 16);
    if (!f->path || !f->dest || !f->tmp) {
        finish(f);
        return nd_error(ND_ERR_MEMORY, "out of memory");
    }
    memcpy(f->path, path, n + 1);
    struct stat st;
    if (stat(f->dest, &st) == 0 && S_ISREG(st.st_mode))
        f->mode = (int)(st.st_mode & 07777);
    /* The temporary is a hidden sibling: same folder, so rename is atomic. */
    const char *slash = strrchr(f->dest, '/');
    size_t dir = slash ? (size_t)(slash - f->dest) + 1 : 0;
    memcpy(f->tmp, f->dest, dir);
    snprintf(f->tmp + dir, m + 16 - dir, ".%s.XXXXXX", f->dest + dir);
    int fd = mkstemp(f->tmp);
    if (fd < 0) {
        int e = errno;
        finish(f);
        return nd_io_error(e, path);
    }
    f->fp = fdopen(fd, "wb");
    if (!f->fp) {
        int e = errno;
        close(fd);
        unlink(f->tmp);
        finish(f);
        return nd_io_error(e, path);
    }
    return 0;
}

int nd_atomic_commit(NdAtomicFile *f)
{
    if (!f->tmp) { /* standard output */
        int bad = fflush(f->fp) != 0 || ferror(f->fp);
        int e = errno;
        f->fp = NULL;
        return bad ? nd_io_error(e, "<stdout>") : 0;
    }
    int bad = fflush(f->fp) != 0 || ferror(f->fp);
    int e = errno;
    if (fclose(f->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    /* mkstemp made the file 0600; give it the replaced file's mode, or
     * the one a plain fopen would (0666 less the umask). */
    if (!bad) {
        mode_t mode = (mode_t)f->mode;
        if (f->mode < 0) {
            mode_t mask = umask(0);
            umask(mask);
            mode = 0666 & ~mask;
        }
        chmod(f->tmp, mode);
    }
    if (!bad && rename(f->tmp, f->dest) != 0) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        unlink(f->tmp);
        nd_io_error(e, f->path);
    }
    finish(f);
    return bad ? -1 : 0;
}

void nd_atomic_abort(NdAtomicFile *f)
{
    if (f->tmp) {
        fclose(f->fp);
        unlink(f->tmp);
    } else if (f->fp) {
        fflush(f->fp);
    }
    finish(f);
}
