/* worker.c — runs a long LAPACK/BLAS call on a worker thread so that the
 * caller can wait for it interruptibly (worker.h). */
#include "nd.h"
