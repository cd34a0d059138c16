/* sort.c — sorting, searching and set operations (filled in by its issue). */
#include "nd.h"
