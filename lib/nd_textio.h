/* nd_textio.h — loadtxt, savetxt, genfromtxt (lib/textio.c). */
#ifndef ND_ND_TEXTIO_H
#define ND_ND_TEXTIO_H

#endif
