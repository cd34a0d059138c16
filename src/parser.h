/* parser.h — the recursive-descent parser of LANGUAGE.md §3 and §5: text
 * in, syntax tree (ast.h) out. */
#ifndef ND_PARSER_H
#define ND_PARSER_H

#include <stdbool.h>

#include "ast.h"

/* Parse the whole of src into an N_BLOCK of statements, allocated in
 * src->arena (so the tree lives as long as src; src is borrowed).  On a
 * syntax error returns NULL with the SyntaxError pending (raised with
 * rt_syntax_error at the offending token); out of memory returns NULL with
 * a MemoryError pending.
 *
 * Top-level expression statements not followed by ';' have echo = 1; the
 * evaluator echoes them only in RUN_ECHO mode.  No work is done before the
 * first call (no tables are built at startup). */
Node *parse_program(Source *src);

/* After parse_program returned NULL: true when the text is merely
 * unfinished — a block still waiting for its 'end', a bracket not closed,
 * a triple-quoted string or a `\` continuation running into the end of
 * input — so the REPL should read another line (with the '...' prompt)
 * instead of reporting the pending SyntaxError (it then clears it with
 * rt_clear).  False after a successful parse or any other error.  Per
 * thread. */
bool parse_incomplete(void);

#endif
