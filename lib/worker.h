/* worker.h — private to lib/: the interruptible worker thread (lib/worker.c).
 *
 * A long LAPACK or BLAS call runs on one persistent worker thread while
 * the calling thread waits on a condition variable with a short timeout,
 * polling nd_interrupt_requested.  When it is set, the caller returns a
 * KeyboardInterrupt at once and the job is abandoned: the worker finishes
 * it (LAPACK cannot be stopped) and its result is discarded.
 *
 * Ownership: a job owns everything its function touches (private work
 * buffers; references to arrays whose memory it reads or writes).  When
 * the caller got the result, the caller frees the job as usual.  When the
 * job was abandoned, its `release` runs later on a *calling* thread — the
 * next nd_worker_idle()/nd_worker_run(), which first waits (interruptibly)
 * for an abandoned job to finish — never on the worker, because array
 * refcounts are not atomic.  The worker thread only runs `fn`.
 *
 * fn reports errors with nd_error on the worker thread; nd_worker_run
 * moves the error to the caller's (thread-local) record. */
#ifndef ND_WORKER_H
#define ND_WORKER_H

typedef int (*NdWorkFn)(void *ctx); /* 0, or -1 with nd_error set */
typedef void (*NdWorkRelease)(void *ctx);

/* Wait until no abandoned job runs, then release it.  0, or -1 with
 * KeyboardInterrupt when interrupted while waiting. */
int nd_worker_idle(void);

/* Run fn(ctx) on the worker thread and wait for it interruptibly.
 * Returns fn's result (its error moved to the caller); -1 with
 * KeyboardInterrupt when interrupted before the job was posted (the
 * caller still owns ctx); ND_WORKER_ABANDONED with KeyboardInterrupt
 * when interrupted while it ran: the job is then abandoned, and
 * release(ctx) runs once fn has finished, at a later nd_worker_idle().
 * If the thread cannot be started, fn runs inline. */
#define ND_WORKER_ABANDONED (-2)
int nd_worker_run(NdWorkFn fn, void *ctx, NdWorkRelease release);

#endif
