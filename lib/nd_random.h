/* nd_random.h — PCG64, SeedSequence and the distributions (lib/random.c,
 * lib/distributions.c). */
#ifndef ND_ND_RANDOM_H
#define ND_ND_RANDOM_H

#endif
