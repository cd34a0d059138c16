/* file.c — files written whole or not at all (nd_file.h): a temporary in
 * the destination's folder, renamed into place once everything is written.
 * rename() within one folder is atomic on POSIX file systems, so readers see
 * either the old file or the new one, never a half-written one. */
#define _DEFAULT_SOURCE /* mkstemp, fchmod, umask */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nd.h"

int nd_io_error(int e, const char *path)
{
    return nd_error(ND_ERR_IO, "[Errno %d] %s: '%s'", e, strerror(e), path);
}

int nd_atomic_open(NdAtomicFile *f, const char *path)
{
    f->fp = NULL;
    f->path = NULL;
    f->tmp = NULL;
    if (!strcmp(path, "-")) {
        f->fp = stdout;
        return 0;
    }
    size_t n = strlen(path);
    f->path = malloc(n + 1);
    f->tmp = malloc(n + 16);
    if (!f->path || !f->tmp) {
        free(f->path);
        free(f->tmp);
        f->path = f->tmp = NULL;
        return nd_error(ND_ERR_MEMORY, "out of memory");
    }
    memcpy(f->path, path, n + 1);
    /* The temporary is a hidden sibling: same folder, so rename is atomic. */
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    memcpy(f->tmp, path, dir);
    snprintf(f->tmp + dir, n + 16 - dir, ".%s.XXXXXX", path + dir);
    int fd = mkstemp(f->tmp);
    if (fd < 0) {
        int e = errno;
        free(f->path);
        free(f->tmp);
        f->path = f->tmp = NULL;
        return nd_io_error(e, path);
    }
    f->fp = fdopen(fd, "wb");
    if (!f->fp) {
        int e = errno;
        close(fd);
        unlink(f->tmp);
        free(f->path);
        free(f->tmp);
        f->path = f->tmp = NULL;
        return nd_io_error(e, path);
    }
    return 0;
}

static void finish(NdAtomicFile *f)
{
    free(f->path);
    free(f->tmp);
    f->fp = NULL;
    f->path = f->tmp = NULL;
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
    /* mkstemp made the file 0600; give it the mode a plain fopen would
     * (0666 less the umask), as the file it replaces most likely had. */
    if (!bad) {
        mode_t mask = umask(0);
        umask(mask);
        chmod(f->tmp, 0666 & ~mask);
    }
    if (!bad && rename(f->tmp, f->path) != 0) {
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
