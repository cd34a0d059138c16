/* nd_numeric.h — the public libnd API of lib/numeric.c; included by nd.h.
 * Same ownership rule as nd.h. */
#ifndef ND_NUMERIC_H
#define ND_NUMERIC_H

#endif
