/* repl.h — the interactive session (LANGUAGE.md §8) and Ctrl-C, which the
 * command line (main.c) shares with it: one SIGINT handler serves the
 * prompt (clear the entry) and a running program (stop it). */
#ifndef ND_REPL_H
#define ND_REPL_H

#include <stdbool.h>
#include <stddef.h>

#include "interp.h"

/* Install the SIGINT handler (kept ignored when the parent ignores it).
 * It only sets flags: the evaluator and libnd poll interp_interrupted. */
void repl_install_sigint(void);
/* Whether Ctrl-C was pressed since the last repl_sigint_reset() (a script
 * stopped by it exits with status 130). */
bool repl_sigint_seen(void);
/* Forget earlier Ctrl-Cs before running something new. */
void repl_sigint_reset(void);

/* How the session runs one entry: main.c's runner, which also watches
 * standard output for write errors.  Returns interp_run's result. */
typedef int (*ReplRunFn)(const char *name, const char *text, size_t len,
                         RunMode mode);

/* The read-eval-print loop in the __main__ module; returns at the end of
 * input (Ctrl-D) or after exit().  With a terminal on standard input and
 * output it uses readline (editing, history, completion, colour);
 * otherwise it reads lines plainly and writes its prompts to stderr.
 * `banner`: print the banner first. */
void repl_run(bool banner, ReplRunFn run);

#endif
