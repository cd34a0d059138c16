/* math.c — the math ufunc loops (filled in by its issue). */
#include "nd.h"
