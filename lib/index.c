/* index.c — indexing (filled in by its issue). */
#include "nd.h"
