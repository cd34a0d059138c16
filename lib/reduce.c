/* reduce.c — reductions and statistics (filled in by its issue). */
#include "nd.h"
