/* eval.h — the evaluator room's entry points beyond interp.h: the name
 * resolver (resolve.c), modules written in nd and the persistent __main__
 * module (eval.c).  interp.h declares interp_run, call_value and
 * module_cell, which this room implements too. */
#ifndef ND_EVAL_H
#define ND_EVAL_H

#include "ast.h"
#include "interp.h"

/* Resolve the names of a parsed program (an N_BLOCK of statements) run in
 * module m: every function gets its frame layout (FuncInfo.nslots, ...),
 * every N_NAME its scope, slot or global cell.  `top` receives the layout
 * of the top-level frame, which holds only comprehension variables (top-
 * level names are globals); its arrays live in the source's arena.
 * Returns 0, or -1 with a SyntaxError pending (e.g. "no binding for
 * nonlocal 'x' found"). */
int resolve_program(Source *src, Node *program, Module *m, FuncInfo *top);

/* The "__main__" module: created on first use, kept for the whole process
 * so the REPL and `nd -i` keep their variables between entries.  Borrowed. */
Module *interp_main_module(void);

/* The recursion limit in nd frames (default 10000). */
extern int interp_recursion_limit;

#endif
