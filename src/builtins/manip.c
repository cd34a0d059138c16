/* manip.c — the builtins of array manipulation (concatenate, stack, split, tile, pad, ...): root functions and ndarray methods.  (Filled
 * in by its issue; the empty tables keep the registry complete.) */
#include "builtins.h"

const Namespace ns_manip = {"numpy", NULL, 0, NULL, 0, NULL};
const Namespace ns_manip_methods = {"ndarray", NULL, 0, NULL, 0, NULL};
