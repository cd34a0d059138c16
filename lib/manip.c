/* manip.c — manipulation (filled in by its issue). */
#include "nd.h"
