/* loops.h — the one inner-loop signature every kernel and cast shares, and
 * the tables that hold them.  Private to lib/.
 *
 * A loop processes n elements; ptrs[k] points at the first element of operand
 * k (inputs first, then outputs) and steps[k] is its stride in bytes (0 for a
 * broadcast scalar).  Loops never allocate.  Floating-point events that
 * depend on values (integer division by zero, overflow) go to the fpe status
 * word with nd_fpe_raise().  The rare value errors NumPy raises from inside a
 * loop (an integer to a negative integer power is a ValueError) are set with
 * nd_error(); the driver clears the error record before it starts and checks
 * nd_error_kind() after each loop call. */
#ifndef ND_LOOPS_H
#define ND_LOOPS_H

#include "nd.h"

typedef void (*NdLoop)(char **ptrs, int64_t n, const int64_t *steps);

/* One typed loop of a ufunc: in[0], in[1] (ND_NTYPES when unary) -> out. */
typedef struct NdKernel {
    NdType in[2];
    NdType out;
    NdLoop fn;
} NdKernel;

/* The loops of a ufunc, in NumPy's `ufunc.types` order (bool, then the
 * integers from the smallest, signed before unsigned, then float32, float64,
 * complex64, complex128), terminated by an entry with fn == NULL.
 * (kernels.c) */
const NdKernel *nd_kernels(NdUfuncId op);

/* The cast loop from one dtype to another, with NumPy's unsafe-cast results
 * (float -> int truncates; NaN and out-of-range values give what NumPy gives
 * on x86-64 and raise ND_FPE_INVALID with origin "cast"; complex -> real
 * drops the imaginary part).  Never NULL for valid dtypes.  (cast.c) */
NdLoop nd_cast_loop(NdType from, NdType to);

#endif
