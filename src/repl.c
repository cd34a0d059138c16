/* repl.c — the interactive session (filled in by its issue). */
#include "interp.h"
