/* numeric.c — the builtins of numeric helpers (diff, convolve, interp, histogram, ...): root functions and ndarray methods.  (Filled
 * in by its issue; the empty tables keep the registry complete.) */
#include "builtins.h"

const Namespace ns_numeric = {"numpy", NULL, 0, NULL, 0, NULL};
const Namespace ns_numeric_methods = {"ndarray", NULL, 0, NULL, 0, NULL};
