/* main.c — the nd command line (LANGUAGE.md §7): options, running a script,
 * a -e string or a program read from standard input, starting the REPL,
 * exit statuses (0, 1 on an error, 2 on a usage error, 130 on Ctrl-C, or
 * what exit(n) asked), and flushing standard output before leaving.
 *
 * The interactive session itself, and the SIGINT handler it shares with a
 * running script, live in repl.c.
 *
 * The program runs on a thread of its own with a 512 MiB stack (reserved,
 * committed only as it is touched) so that deep recursion in nd meets the
 * evaluator's RecursionError long before the C stack could overflow.
 *
 * Choices where §7 is silent, following Python: a file that cannot be
 * opened or read is a usage error (status 2, "nd: cannot open 'x.nd': No
 * such file or directory"); `argv` is [FILE, ARGS...] for a script,
 * ["-e", ARGS...] for -e, ["-", ARGS...] for `nd - ARGS` and [""] for the
 * REPL or a program piped without a FILE; options end at the first
 * non-option argument, at -e CODE and at "--"; the banner shows only when
 * the REPL starts with no FILE and no -e (as Python's); without a terminal
 * the REPL (nd -i) writes its prompts to standard error, as Python does.
 */
#define _POSIX_C_SOURCE 200809L /* pthread_sigmask */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "eval.h"
#include "gc.h"
#include "interp.h"
#include "nd.h"
#include "repl.h"

static const char usage_text[] =
    "Usage: nd [OPTION]... [FILE [ARG]...]\n"
    "nd, an array language for numerical computing.\n"
    "\n"
    "  -e CODE        run CODE, echoing the value of each expression\n"
    "  -i FILE        run FILE, then enter the interactive session\n"
    "  -q             do not print the banner\n"
    "      --help     display this help and exit\n"
    "      --version  output version information and exit\n"
    "\n"
    "With no FILE, nd starts an interactive session when standard input is a\n"
    "terminal, and otherwise runs the program read from standard input.\n"
    "A FILE of - also reads the program from standard input.  The program\n"
    "finds FILE and the ARGs in the list argv.\n"
    "\n"
    "Exit status: 0 on success, 1 when the program fails with an error, 2 "
    "for a\nusage error or a FILE that cannot be read, 130 when "
    "interrupted, or the\nstatus given to exit(n).\n"
    "\n"
    "Report bugs to: " PACKAGE_BUGREPORT "\n";

static const char version_text[] =
    "nd " PACKAGE_VERSION "\n"
    "Copyright (C) 2026 the nd authors.\n"
    "License GPLv3+: GNU GPL version 3 or later "
    "<https://gnu.org/licenses/gpl.html>.\n"
    "This is free software: you are free to change and redistribute it.\n"
    "There is NO WARRANTY, to the extent permitted by law.\n";

/* ------------------------------------------------------------- options */

typedef struct Options {
    const char *code; /* -e CODE */
    const char *file; /* FILE, "-" for standard input, NULL for none */
    bool interactive; /* -i */
    bool quiet;       /* -q */
    int nargs;        /* the ARGs after FILE or CODE */
    char **args;
} Options;

enum { USAGE_STATUS = 2 };

static int usage_error(void)
{
    fputs("Try 'nd --help' for more information.\n", stderr);
    return USAGE_STATUS;
}

/* Write a fixed text to stdout and leave: 0, or 1 when the write failed. */
static int print_and_exit_status(const char *text)
{
    fputs(text, stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "nd: write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}

/* GNU-style parsing, up to the first non-option.  Returns -1 to go on, or
 * the status to exit with (--help, --version, usage errors). */
static int parse_options(int argc, char **argv, Options *o)
{
    static const char *const longs[] = {"help", "version"};
    int i = 1;
    while (i < argc) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[0] != '-' || a[1] == '\0')
            break;
        if (a[1] == '-') {
            const char *name = a + 2;
            size_t n = strcspn(name, "=");
            int match = -1, nmatch = 0;
            for (int k = 0; k < 2; k++) {
                if (strncmp(longs[k], name, n) == 0) {
                    if (strlen(longs[k]) == n) { /* exact beats prefixes */
                        match = k;
                        nmatch = 1;
                        break;
                    }
                    match = k;
                    nmatch++;
                }
            }
            if (nmatch != 1 || n == 0) {
                fprintf(stderr, "nd: unrecognized option '%s'\n", a);
                return usage_error();
            }
            if (name[n] == '=') {
                fprintf(stderr, "nd: option '--%s' doesn't allow an argument\n",
                        longs[match]);
                return usage_error();
            }
            return print_and_exit_status(match == 0 ? usage_text
                                                    : version_text);
        }
        /* A cluster of short options: -qi, -e CODE, -eCODE. */
        for (int j = 1; a[j]; j++) {
            if (a[j] == 'q') {
                o->quiet = true;
            } else if (a[j] == 'i') {
                o->interactive = true;
            } else if (a[j] == 'e') {
                if (a[j + 1]) {
                    o->code = a + j + 1;
                } else if (i + 1 < argc) {
                    o->code = argv[++i];
                } else {
                    fputs("nd: option requires an argument -- 'e'\n", stderr);
                    return usage_error();
                }
                o->args = argv + i + 1;
                o->nargs = argc - i - 1;
                return -1; /* -e CODE ends the options, as python -c */
            } else {
                fprintf(stderr, "nd: invalid option -- '%c'\n", a[j]);
                return usage_error();
            }
        }
        i++;
    }
    if (i < argc) {
        o->file = argv[i];
        o->args = argv + i + 1;
        o->nargs = argc - i - 1;
    }
    return -1;
}

/* ---------------------------------------------------------------- files */

/* The whole of a file (NULL: standard input) as a malloc'd NUL-terminated
 * buffer; NULL with a message on stderr when it cannot be read. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = path ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "nd: cannot open '%s': %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    int err = 0;
    while (buf) {
        if (n + 1 >= cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                err = errno ? errno : EIO;
            break;
        }
    }
    if (path)
        fclose(f);
    if (!buf)
        err = ENOMEM;
    if (err) {
        fprintf(stderr, "nd: cannot read '%s': %s\n",
                path ? path : "standard input", strerror(err));
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* ------------------------------------------------------------------ argv */

static int bind_argv(const char *first, char **args, int nargs)
{
    Value list = v_list_new(nargs + 1);
    if (v_is_err(list))
        return -1;
    for (int k = -1; k < nargs; k++) {
        Value s = v_str(k < 0 ? first : args[k]);
        if (v_is_err(s) || list_append(list, s) < 0) {
            v_decref(s);
            v_decref(list);
            return -1;
        }
        v_decref(s);
    }
    Cell *cell = module_cell(interp_main_module(), "argv");
    if (!cell) {
        v_decref(list);
        return -1;
    }
    Value old = cell->v;
    cell->v = list; /* the list's reference moves into the cell */
    v_decref(old);
    return 0;
}

/* ------------------------------------------------------------- output */

/* The reason the first failed write of standard output failed.  The
 * evaluator flushes stdout itself, so the stream's error flag may be set
 * long before exit, when errno says nothing any more: look right after
 * each run. */
static int stdout_errno;

static int run_text(const char *name, const char *text, size_t len,
                    RunMode mode)
{
    errno = 0;
    int rc = interp_run(name, text, len, mode, NULL);
    if (ferror(stdout) && !stdout_errno)
        stdout_errno = errno;
    return rc;
}

/* --------------------------------------------------------------- running */

typedef struct Job {
    Options *o;
    int status;
} Job;

/* Status of a finished run: exit(n), 130 after Ctrl-C, 1 on an error. */
static int run_status(int rc)
{
    if (interp_exit_requested)
        return interp_exit_status;
    if (rc == 0)
        return 0;
    return repl_sigint_seen() ? 130 : 1;
}

static int run(Options *o)
{
    bool tty = isatty(STDIN_FILENO);
    const char *first = o->code ? "-e" : o->file ? o->file : "";
    if (bind_argv(first, o->args, o->nargs) < 0) {
        rt_report();
        rt_clear();
        return 1;
    }
    int rc = 0;
    if (o->code) {
        rc = run_text("<string>", o->code, strlen(o->code), RUN_ECHO);
    } else if (o->file || (!tty && !o->interactive)) {
        bool from_stdin = !o->file || strcmp(o->file, "-") == 0;
        size_t len = 0;
        char *text = read_all(from_stdin ? NULL : o->file, &len);
        if (!text)
            return USAGE_STATUS;
        rc = run_text(from_stdin ? "<stdin>" : o->file, text, len, RUN_FILE);
        free(text);
    } else {
        repl_run(!o->quiet, run_text);
        return run_status(0);
    }
    if (rc < 0)
        rt_clear(); /* interp_run reported it */
    if (o->interactive && !interp_exit_requested) {
        /* As python -i: the session decides the status, not the script
         * (0 at the end of input, or what exit(n) says). */
        repl_sigint_reset();
        repl_run(false, run_text);
        return run_status(0);
    }
    return run_status(rc);
}

static void *run_thread(void *arg)
{
    Job *job = arg;
    job->status = run(job->o);
    return NULL;
}

/* Run on a thread with a large stack; on the calling thread if the system
 * refuses one. */
static int run_on_big_stack(Options *o)
{
    Job job = {o, 0};
    pthread_attr_t attr;
    pthread_t t;
    size_t sizes[] = {(size_t)512 << 20, (size_t)64 << 20};
    for (int k = 0; k < 2; k++) {
        if (pthread_attr_init(&attr) != 0)
            break;
        int err = pthread_attr_setstacksize(&attr, sizes[k]);
        if (!err)
            err = pthread_create(&t, &attr, run_thread, &job);
        pthread_attr_destroy(&attr);
        if (!err) {
            /* The signals readline catches go to the program's thread, so
             * that a read in the REPL is interrupted there (Ctrl-C clears
             * the line, a resized window is redrawn at once). */
            static const int sigs[] = {SIGINT,  SIGWINCH, SIGTERM,
                                       SIGHUP,  SIGQUIT,  SIGALRM,
                                       SIGTSTP, SIGTTIN,  SIGTTOU};
            sigset_t set;
            sigemptyset(&set);
            for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
                sigaddset(&set, sigs[i]);
            pthread_sigmask(SIG_BLOCK, &set, NULL);
            pthread_join(t, NULL);
            return job.status;
        }
    }
    return run(o);
}

int main(int argc, char **argv)
{
    Options o = {0};
    int status = parse_options(argc, argv, &o);
    if (status >= 0)
        return status;
    repl_install_sigint();
    status = run_on_big_stack(&o);
    gc_at_exit();
    /* Output is flushed before exit; a failed write is an error. */
    errno = 0;
    if (fflush(stdout) != 0 && !stdout_errno)
        stdout_errno = errno;
    if (ferror(stdout)) {
        if (stdout_errno)
            fprintf(stderr, "nd: write error: %s\n", strerror(stdout_errno));
        else
            fputs("nd: write error\n", stderr);
        return 1;
    }
    return status;
}
