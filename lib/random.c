/* random.c — the bit-generator room of libnd: PCG64, NumPy's SeedSequence
 * and bounded integers (nd_random.h). */
#include "nd.h"
