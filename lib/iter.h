/* iter.h — the buffered block iterator that drives 1-D loops over N-d
 * broadcast operands.  Private to lib/.  (iter.c) */
#ifndef ND_ITER_H
#define ND_ITER_H

#include "loops.h"

#define ND_ITER_MAXOPS 8

/* Run `loop` over nin inputs and nout outputs broadcast together.
 *
 * ops[0 .. nin)        inputs (borrowed).
 * ops[nin .. nin+nout) outputs: NULL to allocate one (ops[k] then receives a
 *                      new reference, dtype loop_types[k], the broadcast
 *                      shape, laid out in NumPy's order 'K' following the
 *                      inputs), or an existing writeable array whose shape
 *                      is the broadcast shape (written in place).
 * loop_types[k]        the dtype the loop reads or writes for operand k.  An
 *                      operand of another dtype is cast (with nd_cast_loop)
 *                      through a small buffer, a few KB at a time; the
 *                      caller has already checked that the casts are allowed.
 *
 * Inputs that overlap an output in memory without being the identical view
 * are copied first, so `a += a.T` is right.  Returns 0, or -1 with the
 * error set (broadcast error, read-only output, out of memory); on failure
 * outputs allocated here are released and reset to NULL. */
int nd_elementwise(int nin, int nout, NdArray **ops, const NdType *loop_types,
                   NdLoop loop);

#endif
