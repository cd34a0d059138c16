/* poly.c — the legacy polynomial functions of the root namespace and the
 * poly1d kind. */
#include "builtins.h"

const Namespace ns_poly = {
    .name = "poly",
};
