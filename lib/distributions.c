/* distributions.c — the random distributions of libnd, drawn from a PCG64
 * stream (nd_random.h). */
#include "nd.h"
