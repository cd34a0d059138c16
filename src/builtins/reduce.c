/* reduce.c — the builtins of reductions and statistics (sum, mean, std, median, ...): root functions and ndarray methods.  (Filled
 * in by its issue; the empty tables keep the registry complete.) */
#include "builtins.h"

const Namespace ns_reduce = {"numpy", NULL, 0, NULL, 0, NULL};
const Namespace ns_reduce_methods = {"ndarray", NULL, 0, NULL, 0, NULL};
