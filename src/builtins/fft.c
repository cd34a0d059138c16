/* fft.c — the builtin module `fft` (np.fft too): NumPy's numpy.fft (lib/fft.c). */
#include "builtins.h"

const Namespace ns_fft = {
    .name = "fft",
};
