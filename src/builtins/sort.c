/* sort.c — the builtins of sorting, searching and set operations: root functions and ndarray methods.  (Filled
 * in by its issue; the empty tables keep the registry complete.) */
#include "builtins.h"

const Namespace ns_sort = {"numpy", NULL, 0, NULL, 0, NULL};
const Namespace ns_sort_methods = {"ndarray", NULL, 0, NULL, 0, NULL};
