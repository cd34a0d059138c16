/* textio.c — loadtxt, savetxt, genfromtxt (lib/textio.c). */
#include "builtins.h"

const Namespace ns_textio = {
    .name = "textio",
};
