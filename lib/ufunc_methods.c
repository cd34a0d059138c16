/* ufunc_methods.c — reduce, accumulate, outer, at and reduceat of binary
 * ufuncs (filled in by its issue). */
#include "nd.h"
