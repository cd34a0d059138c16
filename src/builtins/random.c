/* random.c — the builtin module `random` (np.random too): default_rng,
 * Generator, PCG64, SeedSequence and the legacy functions (lib/random.c). */
#include "builtins.h"

const Namespace ns_random = {
    .name = "random",
};
