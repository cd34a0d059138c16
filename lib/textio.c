/* textio.c — the text room of libnd: loadtxt, savetxt, genfromtxt
 * (nd_textio.h). */
#include "nd.h"
