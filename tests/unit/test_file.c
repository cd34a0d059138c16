/* test_file.c — Check suite of lib/file.c: files are written whole or not
 * at all. */
#define _DEFAULT_SOURCE /* mkdtemp, symlink, lstat */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nd.h"
#include "testutil.h"

static char dir[64];

static void make_dir(void)
{
    strcpy(dir, "/tmp/nd-test-file-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    static char buf[256];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = 0;
    fclose(fp);
    return buf;
}

static int count_entries(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    ck_assert_int_eq(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

START_TEST(test_commit_replaces)
{
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    NdAtomicFile f;
    ck_assert_int_eq(nd_atomic_open(&f, path), 0);
    fputs("old\n", f.fp);
    ck_assert_int_eq(nd_atomic_commit(&f), 0);
    ck_assert_str_eq(slurp(path), "old\n");
    ck_assert_int_eq(nd_atomic_open(&f, path), 0);
    fputs("new\n", f.fp);
    /* Until the commit, the old file is what readers see. */
    ck_assert_str_eq(slurp(path), "old\n");
    ck_assert_int_eq(nd_atomic_commit(&f), 0);
    ck_assert_str_eq(slurp(path), "new\n");
    ck_assert_int_eq(count_entries(), 1); /* no temporary left behind */
    remove_dir();
}
END_TEST

START_TEST(test_abort_keeps_old)
{
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    NdAtomicFile f;
    ck_assert_int_eq(nd_atomic_open(&f, path), 0);
    fputs("old\n", f.fp);
    ck_assert_int_eq(nd_atomic_commit(&f), 0);
    ck_assert_int_eq(nd_atomic_open(&f, path), 0);
    fputs("half a fi", f.fp);
    nd_atomic_abort(&f);
    ck_assert_str_eq(slurp(path), "old\n");
    ck_assert_int_eq(count_entries(), 1);
    remove_dir();
}
END_TEST

START_TEST(test_missing_folder)
{
    NdAtomicFile f;
    ck_assert_int_eq(nd_atomic_open(&f, "/nonexistent-nd-dir/x.npy"), -1);
    ck_assert_nd_error(ND_ERR_IO, "[Errno 2] No such file or directory: "
                                  "'/nonexistent-nd-dir/x.npy'");
}
END_TEST

/* The replacement keeps the old file's permissions, as writing into the
 * old file would. */
START_TEST(test_keeps_mode)
{
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    NdAtomicFile f;
    ck_assert_int_eq(nd_atomic_open(&f, path), 0);
    fputs("old\n", f.fp);
    ck_assert_int_eq(nd_atomic_commit(&f), 0);
    ck_assert_int_eq(chmod(path, 0640), 0);
    ck_assert_int_eq(nd_atomic_open(&f, path), 0);
    fputs("new\n", f.fp);
    ck_assert_int_eq(nd_atomic_commit(&f), 0);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0640);
    remove_dir();
}
END_TEST

/* Writing to a symbolic link writes its target; the link stays a link. */
START_TEST(test_through_symlink)
{
    make_dir();
    char path[128], link[128];
    snprintf(path, sizeof path, "%s/target.txt", dir);
    snprintf(link, sizeof link, "%s/link.txt", dir);
    NdAtomicFile f;
    ck_assert_int_eq(nd_atomic_open(&f, path), 0);
    fputs("old\n", f.fp);
    ck_assert_int_eq(nd_atomic_commit(&f), 0);
    ck_assert_int_eq(symlink("target.txt", link), 0);
    ck_assert_int_eq(nd_atomic_open(&f, link), 0);
    fputs("new\n", f.fp);
    ck_assert_int_eq(nd_atomic_commit(&f), 0);
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    ck_assert_str_eq(slurp(path), "new\n");
    ck_assert_int_eq(count_entries(), 2);
    remove_dir();
}
END_TEST

static Suite *file_suite(void)
{
    Suite *s = suite_create("file");
    TCase *tc = tcase_create("file");
    tcase_add_test(tc, test_commit_replaces);
    tcase_add_test(tc, test_abort_keeps_old);
    tcase_add_test(tc, test_missing_folder);
    tcase_add_test(tc, test_keeps_mode);
    tcase_add_test(tc, test_through_symlink);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(file_suite());
}
