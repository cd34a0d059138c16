/* nd_reduce.h — the public libnd API of lib/reduce.c; included by nd.h.
 * Same ownership rule as nd.h. */
#ifndef ND_REDUCE_H
#define ND_REDUCE_H

#endif
