/* nd_index.h — the public libnd API of lib/index.c; included by nd.h.
 * Same ownership rule as nd.h. */
#ifndef ND_INDEX_H
#define ND_INDEX_H

#endif
