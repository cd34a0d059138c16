/* nd_sort.h — the public libnd API of lib/sort.c; included by nd.h.
 * Same ownership rule as nd.h. */
#ifndef ND_SORT_H
#define ND_SORT_H

#endif
