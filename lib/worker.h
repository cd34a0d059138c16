/* worker.h — private to lib/: the interruptible worker thread (lib/worker.c). */
#ifndef ND_WORKER_H
#define ND_WORKER_H

#endif
