/* nd_manip.h — the public libnd API of lib/manip.c; included by nd.h.
 * Same ownership rule as nd.h. */
#ifndef ND_MANIP_H
#define ND_MANIP_H

#endif
