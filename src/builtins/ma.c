/* ma.c — the builtin module `ma` (np.ma too): masked arrays. */
#include "builtins.h"

const Namespace ns_ma = {
    .name = "ma",
};
