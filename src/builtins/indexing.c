/* indexing.c — the builtins of indexing helpers (take, put, nonzero, where, ...): root functions and ndarray methods.  (Filled
 * in by its issue; the empty tables keep the registry complete.) */
#include "builtins.h"

const Namespace ns_index = {"numpy", NULL, 0, NULL, 0, NULL};
const Namespace ns_index_methods = {"ndarray", NULL, 0, NULL, 0, NULL};
