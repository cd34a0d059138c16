/* reduce.c — (filled in by its issue). */
#include "nd.h"
