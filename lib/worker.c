/* worker.c — runs a long LAPACK/BLAS call on a worker thread so that the
 * caller can wait for it interruptibly (worker.h): Ctrl-C during a minute
 * of dgesdd returns to the prompt within a poll interval, and the
 * abandoned call finishes in the background (numpy#11081 is the
 * complaint this answers).
 *
 * One persistent thread, started on first use with SIGINT blocked (so the
 * REPL's handler runs on the threads that expect it) and detached.  All
 * state is under one mutex: the posted job, its state, whether it was
 * abandoned, and the error it ended with (copied out of the worker's
 * thread-local error record). */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "nd.h"
#include "worker.h"

/* How often a waiting caller looks at nd_interrupt_requested. */
#define POLL_NS (20 * 1000 * 1000)

typedef enum { W_IDLE, W_PENDING, W_RUNNING, W_DONE } WState;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv_job = PTHREAD_COND_INITIALIZER;  /* to the worker */
static pthread_cond_t cv_done = PTHREAD_COND_INITIALIZER; /* to callers */
static bool started, start_failed;
static WState state = W_IDLE;
static NdWorkFn job_fn;
static void *job_ctx;
static NdWorkRelease job_release;
static bool abandoned;
static int job_rc;
static NdErrorKind job_err;
static char job_msg[1024];

static void *worker_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    for (;;) {
        while (state != W_PENDING)
            pthread_cond_wait(&cv_job, &mu);
        state = W_RUNNING;
        NdWorkFn fn = job_fn;
        void *ctx = job_ctx;
        pthread_mutex_unlock(&mu);
        int rc = fn(ctx);
        NdErrorKind k = nd_error_kind();
        char msg[sizeof job_msg];
        snprintf(msg, sizeof msg, "%s", nd_error_message());
        nd_error_clear();
        pthread_mutex_lock(&mu);
        job_rc = rc;
        job_err = k;
        memcpy(job_msg, msg, sizeof msg);
        state = W_DONE;
        pthread_cond_broadcast(&cv_done);
    }
    return NULL;
}

/* Start the thread (under mu); false when it cannot be. */
static bool ensure_started(void)
{
    if (started || start_failed)
        return started;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pthread_attr_t attr;
    pthread_t t;
    bool ok = pthread_attr_init(&attr) == 0;
    if (ok) {
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        /* LAPACK's recursive routines and OpenBLAS's stack buffers. */
        pthread_attr_setstacksize(&attr, (size_t)16 << 20);
        ok = pthread_create(&t, &attr, worker_main, NULL) == 0;
        pthread_attr_destroy(&attr);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    started = ok;
    start_failed = !ok;
    return ok;
}

/* Wait on cv_done for one poll interval (under mu). */
static void wait_a_moment(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += POLL_NS;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&cv_done, &mu, &ts);
}

static int interrupt_error(void)
{
    return nd_error(ND_ERR_INTERRUPT, "%s", "");
}

int nd_worker_idle(void)
{
    pthread_mutex_lock(&mu);
    while (state == W_PENDING || state == W_RUNNING) {
        if (nd_interrupt_requested) {
            pthread_mutex_unlock(&mu);
            return interrupt_error();
        }
        wait_a_moment();
    }
    NdWorkRelease rel = NULL;
    void *ctx = NULL;
    if (state == W_DONE && abandoned) {
        rel = job_release;
        ctx = job_ctx;
        abandoned = false;
        state = W_IDLE;
    }
    pthread_mutex_unlock(&mu);
    if (rel)
        rel(ctx);
    return 0;
}

int nd_worker_run(NdWorkFn fn, void *ctx, NdWorkRelease release)
{
    pthread_mutex_lock(&mu);
    /* One job at a time: wait (interruptibly) until the worker is free —
     * another thread's job may be pending, running or not yet collected —
     * and release an abandoned job on the way. */
    while (state != W_IDLE) {
        if (state == W_DONE && abandoned) {
            NdWorkRelease rel = job_release;
            void *old = job_ctx;
            abandoned = false;
            state = W_IDLE;
            pthread_cond_broadcast(&cv_done);
            pthread_mutex_unlock(&mu);
            if (rel)
                rel(old);
            pthread_mutex_lock(&mu);
            continue;
        }
        if (nd_interrupt_requested) {
            pthread_mutex_unlock(&mu);
            return interrupt_error();
        }
        wait_a_moment();
    }
    if (!ensure_started()) {
        pthread_mutex_unlock(&mu);
        return fn(ctx);
    }
    job_fn = fn;
    job_ctx = ctx;
    job_release = release;
    abandoned = false;
    state = W_PENDING;
    pthread_cond_signal(&cv_job);
    while (state != W_DONE) {
        if (nd_interrupt_requested) {
            /* Leave it running; a later nd_worker_idle releases it. */
            abandoned = true;
            pthread_mutex_unlock(&mu);
            interrupt_error();
            return ND_WORKER_ABANDONED;
        }
        wait_a_moment();
    }
    state = W_IDLE;
    pthread_cond_broadcast(&cv_done); /* a caller may wait for the worker */
    const int rc = job_rc;
    const NdErrorKind k = job_err;
    char msg[sizeof job_msg];
    memcpy(msg, job_msg, sizeof msg);
    pthread_mutex_unlock(&mu);
    if (rc < 0)
        nd_error(k == ND_OK ? ND_ERR_RUNTIME : k, "%s", msg);
    return rc;
}
