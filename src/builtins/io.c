/* io.c — save, load, savez, savez_compressed, memmap (lib/npy.c). */
#include "builtins.h"

const Namespace ns_io = {
    .name = "io",
};
