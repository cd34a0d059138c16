/* fft.c — the FFT room of libnd: NumPy's numpy.fft on FFTW3 (nd_fft.h).
 *
 * Every transform of the module comes down to one FFTW guru64 plan: a
 * complex-to-complex, real-to-complex or complex-to-real DFT of rank k
 * (the transformed axes) repeated over a "howmany" loop (every other
 * axis), read with the input's own strides and written into a fresh
 * C-order result.  So a transform along any axis of N-d, non-contiguous
 * input needs no copy when the input already has the computing dtype and
 * length; otherwise the input is cast, cropped and zero-padded once into a
 * contiguous buffer (the result itself for complex transforms, which then
 * run in place).  A complex-to-real transform always works from such a
 * copy, as FFTW overwrites its input there.
 *
 * Precision follows NumPy 2: float32/complex64 input runs through fftwf
 * and gives complex64 (float32 for the inverse real transforms), anything
 * else through fftw in double precision.  The norm factor is one pass over
 * the result, skipped when it is 1.
 *
 * Plans are cached (the key is the full geometry in elements, the kind,
 * sign, precision, in-placeness, the alignment of both pointers as FFTW
 * measures it, the thread count and the planner flags), so a repeated
 * transform of one layout only executes; FFTW's new-array execute
 * functions allow that as long as the alignment and in-placeness match,
 * which is why both are in the key.  FFTW's planner is not thread-safe:
 * every plan is made and destroyed under one mutex; execution is
 * thread-safe and runs outside it.  Large transforms are planned with
 * FFTW's threads (ND_NUM_THREADS, OMP_NUM_THREADS, or the core count).
 *
 * Ctrl-C: a long howmany loop is cut into chunks of about CHUNK_WORK
 * points, and nd_interrupt_requested is polled between them. */
#include <fftw3.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nd.h"
#include "worker.h"

enum { KIND_C2C, KIND_R2C, KIND_C2R };

/* Transforms of at least this many points are planned with threads (below
 * it, starting threads costs more than it saves). */
#define THREAD_MIN_WORK ((int64_t)1 << 17)
/* Howmany loops longer than this many points run in chunks, polling
 * Ctrl-C between them. */
#define CHUNK_WORK ((int64_t)1 << 20)
/* Cached plans kept (least recently used evicted). */
#define CACHE_SIZE 64

/* -------------------------------------------------------------- settings */

static pthread_mutex_t plan_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned planner_flags = FFTW_ESTIMATE;
static int threads_max; /* 0 until threads_init ran */

/* A positive thread count from the environment variable, or 0.
 * OMP_NUM_THREADS may list one count per nesting level ("4,2"): the first
 * counts. */
static int env_threads(const char *name)
{
    const char *s = getenv(name);
    if (!s || !*s)
        return 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || (*end && *end != ',') || v < 1)
        return 0;
    return v > 256 ? 256 : (int)v;
}

/* Under plan_lock.  FFTW wants fftw_init_threads before anything else. */
static void threads_init(void)
{
    if (threads_max)
        return;
    int n = env_threads("ND_NUM_THREADS");
    if (!n)
        n = env_threads("OMP_NUM_THREADS");
    if (!n) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        n = c > 0 ? (int)(c > 64 ? 64 : c) : 1;
    }
    if (n > 1 && (!fftw_init_threads() || !fftwf_init_threads()))
        n = 1;
    threads_max = n;
}

int nd_fft_threads(void)
{
    pthread_mutex_lock(&plan_lock);
    threads_init();
    int n = threads_max;
    pthread_mutex_unlock(&plan_lock);
    return n;
}

int nd_fft_set_planner(const char *name)
{
    unsigned f;
    if (!strcmp(name, "estimate"))
        f = FFTW_ESTIMATE;
    else if (!strcmp(name, "measure"))
        f = FFTW_MEASURE;
    else
        return nd_error(ND_ERR_VALUE,
                        "Invalid planner '%s'; should be \"estimate\" or "
                        "\"measure\".",
                        name);
    pthread_mutex_lock(&plan_lock);
    planner_flags = f;
    pthread_mutex_unlock(&plan_lock);
    return 0;
}

const char *nd_fft_planner(void)
{
    pthread_mutex_lock(&plan_lock);
    unsigned f = planner_flags;
    pthread_mutex_unlock(&plan_lock);
    return f == FFTW_MEASURE ? "measure" : "estimate";
}

/* ------------------------------------------------------------ plan cache */

/* One axis of a plan, counted in elements of the input/output arrays. */
typedef struct Dim {
    int64_t n, is, os;
} Dim;

typedef struct PlanKey {
    int kind, sign, single, inplace, nthreads;
    unsigned flags;
    int align_in, align_out;
    int rank, hrank;
    Dim dims[ND_MAXDIMS];  /* the transformed axes (rank) */
    Dim loops[ND_MAXDIMS]; /* the howmany loop (hrank) */
} PlanKey;

typedef struct PlanEntry {
    PlanKey key;
    uint64_t hash;
    void *plan; /* fftw_plan or fftwf_plan; NULL: a free slot */
    uint64_t last_use;
    int in_use; /* executions running with it: never evicted then */
} PlanEntry;

static PlanEntry cache[CACHE_SIZE];
static uint64_t use_clock;
static int64_t plans_created;

static uint64_t key_hash(const PlanKey *k)
{
    const unsigned char *p = (const unsigned char *)k;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < sizeof *k; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

static void destroy_plan(int single, void *plan)
{
    if (single)
        fftwf_destroy_plan((fftwf_plan)plan);
    else
        fftw_destroy_plan((fftw_plan)plan);
}

void nd_fft_cache_clear(void)
{
    pthread_mutex_lock(&plan_lock);
    for (int i = 0; i < CACHE_SIZE; i++)
        if (cache[i].plan && !cache[i].in_use) {
            destroy_plan(cache[i].key.single, cache[i].plan);
            cache[i].plan = NULL;
        }
    pthread_mutex_unlock(&plan_lock);
}

int nd_fft_cache_size(void)
{
    pthread_mutex_lock(&plan_lock);
    int n = 0;
    for (int i = 0; i < CACHE_SIZE; i++)
        n += cache[i].plan != NULL;
    pthread_mutex_unlock(&plan_lock);
    return n;
}

int64_t nd_fft_plans_created(void)
{
    pthread_mutex_lock(&plan_lock);
    int64_t n = plans_created;
    pthread_mutex_unlock(&plan_lock);
    return n;
}

/* The lowest and highest element offsets a geometry touches, for the
 * input (which = 0) or the output side. */
static void span_of(const PlanKey *k, int which, int64_t *lo, int64_t *hi)
{
    *lo = *hi = 0;
    for (int pass = 0; pass < 2; pass++) {
        const Dim *d = pass ? k->loops : k->dims;
        int r = pass ? k->hrank : k->rank;
        for (int i = 0; i < r; i++) {
            int64_t n = d[i].n;
            /* the complex side of a real transform is n/2+1 long */
            if (pass == 0 && i == r - 1 &&
                ((k->kind == KIND_R2C && which == 1) ||
                 (k->kind == KIND_C2R && which == 0)))
                n = n / 2 + 1;
            int64_t s = which ? d[i].os : d[i].is;
            int64_t ext = (n - 1) * s;
            if (ext < 0)
                *lo += ext;
            else
                *hi += ext;
        }
    }
}

/* Scratch memory standing for an array of the key's geometry whose
 * element 0 has the same alignment as `like`: FFTW_MEASURE writes into
 * the arrays it plans with, so it must not see the caller's.  *base gets
 * the block to free. */
static char *scratch_like(const PlanKey *k, int which, const char *like,
                          size_t esz, void **base)
{
    int64_t lo, hi;
    span_of(k, which, &lo, &hi);
    size_t bytes = (size_t)(hi - lo + 1) * esz + 64;
    char *b = fftw_malloc(bytes);
    *base = b;
    if (!b)
        return NULL;
    uintptr_t want = (uintptr_t)like % 64;
    uintptr_t have = (uintptr_t)(b + (size_t)(-lo) * esz) % 64;
    size_t shift = (size_t)((want + 64 - have) % 64);
    memset(b, 0, bytes);
    return b + shift + (size_t)(-lo) * esz;
}

static size_t in_esz(const PlanKey *k)
{
    size_t r = k->single ? sizeof(float) : sizeof(double);
    return k->kind == KIND_R2C ? r : 2 * r;
}

static size_t out_esz(const PlanKey *k)
{
    size_t r = k->single ? sizeof(float) : sizeof(double);
    return k->kind == KIND_C2R ? r : 2 * r;
}

/* Make the plan for k (under plan_lock).  in/out are the arrays of the
 * first execution: used directly by FFTW_ESTIMATE, which never touches
 * them, and only for their alignment otherwise. */
static void *make_plan(const PlanKey *k, char *in, char *out)
{
    fftw_iodim64 dims[ND_MAXDIMS], loops[ND_MAXDIMS];
    for (int i = 0; i < k->rank; i++)
        dims[i] = (fftw_iodim64){k->dims[i].n, k->dims[i].is, k->dims[i].os};
    for (int i = 0; i < k->hrank; i++)
        loops[i] =
            (fftw_iodim64){k->loops[i].n, k->loops[i].is, k->loops[i].os};
    void *bin = NULL, *bout = NULL;
    if (k->flags != FFTW_ESTIMATE) {
        char *sin = scratch_like(k, 0, in, in_esz(k), &bin);
        char *sout =
            k->inplace ? sin : scratch_like(k, 1, out, out_esz(k), &bout);
        if (!sin || !sout) {
            fftw_free(bin);
            fftw_free(bout);
            return NULL;
        }
        in = sin;
        out = sout;
    }
    unsigned flags = k->flags | (k->kind == KIND_C2R ? FFTW_DESTROY_INPUT
                                                     : FFTW_PRESERVE_INPUT);
    void *p = NULL;
    if (k->single) {
        fftwf_plan_with_nthreads(k->nthreads);
        /* fftwf_iodim64 has the same layout as fftw_iodim64 */
        fftwf_iodim64 *fd = (fftwf_iodim64 *)dims, *fl = (fftwf_iodim64 *)loops;
        if (k->kind == KIND_C2C)
            p = fftwf_plan_guru64_dft(k->rank, fd, k->hrank, fl,
                                      (fftwf_complex *)in, (fftwf_complex *)out,
                                      k->sign, flags);
        else if (k->kind == KIND_R2C)
            p = fftwf_plan_guru64_dft_r2c(k->rank, fd, k->hrank, fl,
                                          (float *)in, (fftwf_complex *)out,
                                          flags);
        else
            p = fftwf_plan_guru64_dft_c2r(k->rank, fd, k->hrank, fl,
                                          (fftwf_complex *)in, (float *)out,
                                          flags);
    } else {
        fftw_plan_with_nthreads(k->nthreads);
        if (k->kind == KIND_C2C)
            p = fftw_plan_guru64_dft(k->rank, dims, k->hrank, loops,
                                     (fftw_complex *)in, (fftw_complex *)out,
                                     k->sign, flags);
        else if (k->kind == KIND_R2C)
            p = fftw_plan_guru64_dft_r2c(k->rank, dims, k->hrank, loops,
                                         (double *)in, (fftw_complex *)out,
                                         flags);
        else
            p = fftw_plan_guru64_dft_c2r(k->rank, dims, k->hrank, loops,
                                         (fftw_complex *)in, (double *)out,
                                         flags);
    }
    fftw_free(bin);
    fftw_free(bout);
    return p;
}

/* The cached plan for k (made when missing), marked in use: the caller
 * releases it with release_plan.  -1 with an error when FFTW cannot plan
 * it. */
static int acquire_plan(PlanKey *k, char *in, char *out)
{
    uint64_t h = key_hash(k);
    pthread_mutex_lock(&plan_lock);
    int found = -1, victim = -1;
    for (int i = 0; i < CACHE_SIZE && found < 0; i++)
        if (cache[i].plan && cache[i].hash == h &&
            !memcmp(&cache[i].key, k, sizeof *k))
            found = i;
    /* else a free slot, or the least recently used plan not running */
    for (int i = 0; i < CACHE_SIZE && found < 0; i++) {
        const PlanEntry *e = &cache[i];
        if (!e->plan) {
            victim = i;
            break;
        }
        if (!e->in_use && (victim < 0 || e->last_use < cache[victim].last_use))
            victim = i;
    }
    if (found < 0) {
        void *p = make_plan(k, in, out);
        if (!p) {
            pthread_mutex_unlock(&plan_lock);
            return nd_error(ND_ERR_RUNTIME, "FFTW could not plan a transform "
                                            "of this layout");
        }
        plans_created++;
        if (victim < 0) {
            /* every slot is running a transform (many threads at once);
             * FFTW's destroy, like its planner, needs the lock */
            destroy_plan(k->single, p);
            pthread_mutex_unlock(&plan_lock);
            return nd_error(ND_ERR_RUNTIME, "too many FFT plans in use");
        }
        PlanEntry *e = &cache[victim];
        if (e->plan)
            destroy_plan(e->key.single, e->plan);
        e->key = *k;
        e->hash = h;
        e->plan = p;
        e->in_use = 0;
        found = victim;
    }
    cache[found].in_use++;
    cache[found].last_use = ++use_clock;
    pthread_mutex_unlock(&plan_lock);
    return found;
}

static void release_plan(int slot)
{
    pthread_mutex_lock(&plan_lock);
    cache[slot].in_use--;
    pthread_mutex_unlock(&plan_lock);
}

static void execute(const PlanKey *k, void *plan, char *in, char *out)
{
    if (k->single) {
        if (k->kind == KIND_C2C)
            fftwf_execute_dft((fftwf_plan)plan, (fftwf_complex *)in,
                              (fftwf_complex *)out);
        else if (k->kind == KIND_R2C)
            fftwf_execute_dft_r2c((fftwf_plan)plan, (float *)in,
                                  (fftwf_complex *)out);
        else
            fftwf_execute_dft_c2r((fftwf_plan)plan, (fftwf_complex *)in,
                                  (float *)out);
    } else {
        if (k->kind == KIND_C2C)
            fftw_execute_dft((fftw_plan)plan, (fftw_complex *)in,
                             (fftw_complex *)out);
        else if (k->kind == KIND_R2C)
            fftw_execute_dft_r2c((fftw_plan)plan, (double *)in,
                                 (fftw_complex *)out);
        else
            fftw_execute_dft_c2r((fftw_plan)plan, (fftw_complex *)in,
                                 (double *)out);
    }
}

static int alignment_of(bool single, const char *p)
{
    return single ? fftwf_alignment_of((float *)(uintptr_t)p)
                  : fftw_alignment_of((double *)(uintptr_t)p);
}

/* A single long FFTW execution on the interruptible worker (worker.h):
 * FFTW cannot be stopped mid-transform, and one execution of 2^26 points
 * takes seconds, so Ctrl-C must not wait for it.  The job holds its plan
 * slot and references to both arrays, so an abandoned job keeps them
 * alive until the worker is done with them. */
typedef struct FftJob {
    PlanKey key;
    int slot;
    char *in, *out;
    NdArray *s, *d;
} FftJob;

static int job_fn(void *ctx)
{
    FftJob *j = ctx;
    execute(&j->key, cache[j->slot].plan, j->in, j->out);
    return 0;
}

static void job_free(void *ctx)
{
    FftJob *j = ctx;
    release_plan(j->slot);
    nd_decref(j->s);
    nd_decref(j->d);
    free(j);
}

/* Execute the plan in slot (held; released here) from in to out: on the
 * worker when the transform is long, inline otherwise. */
static int execute_slot(PlanKey *k, int slot, char *in, char *out,
                        const NdArray *s, const NdArray *d, int64_t work)
{
    if (work <= CHUNK_WORK) {
        execute(k, cache[slot].plan, in, out);
        release_plan(slot);
        return 0;
    }
    FftJob *j = malloc(sizeof *j);
    if (!j) {
        release_plan(slot);
        nd_error_nomem();
        return -1;
    }
    *j = (FftJob){*k,
                  slot,
                  in,
                  out,
                  nd_incref((NdArray *)(uintptr_t)s),
                  nd_incref((NdArray *)(uintptr_t)d)};
    int rc = nd_worker_run(job_fn, j, job_free);
    if (rc == ND_WORKER_ABANDONED)
        return -1;
    job_free(j);
    return rc;
}

/* Run the transform described by k (its loops are the whole howmany loop)
 * from in to out (the data of s and d), in chunks of the longest loop axis
 * when it is long; a long transform without loops runs on the worker. */
static int run(PlanKey *k, char *in, char *out, const NdArray *s,
               const NdArray *d)
{
    int64_t work = 1;
    for (int i = 0; i < k->rank; i++)
        work *= k->dims[i].n;
    for (int i = 0; i < k->hrank; i++)
        work *= k->loops[i].n;
    pthread_mutex_lock(&plan_lock);
    threads_init();
    k->nthreads = work >= THREAD_MIN_WORK ? threads_max : 1;
    k->flags = planner_flags;
    pthread_mutex_unlock(&plan_lock);

    /* the chunked loop axis j: K of its entries per execution */
    int j = -1;
    int64_t total = 1, K = 1;
    if (k->hrank > 0 && work > CHUNK_WORK) {
        j = 0;
        for (int i = 1; i < k->hrank; i++)
            if (k->loops[i].n > k->loops[j].n)
                j = i;
        total = k->loops[j].n;
        int64_t per = work / total;
        K = CHUNK_WORK / per;
        if (K < 1)
            K = 1;
        if (K >= total)
            j = -1;
    }
    if (j < 0) {
        k->align_in = alignment_of(k->single, in);
        k->align_out = alignment_of(k->single, out);
        if (work > CHUNK_WORK && nd_worker_idle() < 0)
            return -1;
        int slot = acquire_plan(k, in, out);
        if (slot < 0)
            return -1;
        return execute_slot(k, slot, in, out, s, d, work);
    }
    size_t ies = in_esz(k), oes = out_esz(k);
    int64_t is = k->loops[j].is, os = k->loops[j].os;
    int slot = -1;
    int64_t held_n = -1;
    int held_ai = -1, held_ao = -1;
    for (int64_t start = 0; start < total; start += K) {
        if (nd_interrupt_requested) {
            if (slot >= 0)
                release_plan(slot);
            return nd_error(ND_ERR_INTERRUPT, "%s", "");
        }
        int64_t cnt = total - start < K ? total - start : K;
        char *pi = in + start * is * (int64_t)ies;
        char *po = out + start * os * (int64_t)oes;
        int ai = alignment_of(k->single, pi), ao = alignment_of(k->single, po);
        if (slot < 0 || cnt != held_n || ai != held_ai || ao != held_ao) {
            if (slot >= 0)
                release_plan(slot);
            k->loops[j].n = cnt;
            k->align_in = ai;
            k->align_out = ao;
            slot = acquire_plan(k, pi, po);
            if (slot < 0) {
                k->loops[j].n = total;
                return -1;
            }
            held_n = cnt;
            held_ai = ai;
            held_ao = ao;
        }
        execute(k, cache[slot].plan, pi, po);
    }
    k->loops[j].n = total;
    release_plan(slot);
    return 0;
}

/* ------------------------------------------------------------ transforms */

static bool is_single(NdType t)
{
    return t == ND_FLOAT32 || t == ND_COMPLEX64;
}

/* A fresh array of the given shape laid out in memory as `a` is (NumPy's
 * empty_like(a, shape=...), order 'K'): its axes ordered by a's strides,
 * largest first, so a Fortran-order input gives a Fortran-order result
 * and FFTW walks both the same way.  Its buffer is one contiguous block
 * starting at data. */
static NdArray *empty_in_layout(const NdArray *a, NdType t,
                                const int64_t *shape)
{
    int nd = a->ndim, perm[ND_MAXDIMS];
    bool identity = true;
    for (int i = 0; i < nd; i++) {
        int p = i, j = i;
        int64_t sp = llabs(a->strides[p]);
        /* insertion sort, stable: equal strides keep C order */
        while (j > 0 && llabs(a->strides[perm[j - 1]]) < sp) {
            perm[j] = perm[j - 1];
            j--;
        }
        perm[j] = p;
    }
    int64_t pshape[ND_MAXDIMS] = {0}, inv[ND_MAXDIMS] = {0};
    for (int i = 0; i < nd; i++) {
        pshape[i] = shape[perm[i]];
        inv[perm[i]] = i;
        identity = identity && perm[i] == i;
    }
    NdArray *base = nd_empty(t, nd, pshape, 'C');
    if (!base || identity)
        return base;
    NdArray *r = nd_transpose(base, inv, nd);
    nd_decref(base);
    return r;
}

/* dst (fresh, one block) = src cast, cropped or zero-padded to dst's shape
 * (the axes not transformed have equal lengths). */
static int fill_from(NdArray *dst, NdArray *src)
{
    int64_t common[ND_MAXDIMS];
    bool pad = false;
    for (int i = 0; i < dst->ndim; i++) {
        common[i] =
            src->shape[i] < dst->shape[i] ? src->shape[i] : dst->shape[i];
        if (common[i] < dst->shape[i])
            pad = true;
    }
    if (pad)
        memset(dst->data, 0, (size_t)dst->size * nd_dtype_size(dst->dtype));
    NdArray *sv = nd_view_new(src->buffer, src->dtype, src->ndim, common,
                              src->strides, src->data, false);
    if (!sv)
        return -1;
    NdArray *dv = nd_view_new(dst->buffer, dst->dtype, dst->ndim, common,
                              dst->strides, dst->data, true);
    if (!dv) {
        nd_decref(sv);
        return -1;
    }
    int rc = nd_copyto(dv, sv, ND_CAST_UNSAFE);
    nd_decref(sv);
    nd_decref(dv);
    return rc;
}

/* Multiply a contiguous float array of count numbers by f; negate every
 * other one (the imaginary parts) when conj. */
static void scale_conj(NdArray *a, double f, bool conj)
{
    int64_t count =
        a->size * (nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX ? 2 : 1);
    if (a->dtype == ND_FLOAT32 || a->dtype == ND_COMPLEX64) {
        float *p = (float *)(void *)a->data, g = (float)f;
        if (f != 1.0)
            for (int64_t i = 0; i < count; i++)
                p[i] *= g;
        if (conj)
            for (int64_t i = 1; i < count; i += 2)
                p[i] = -p[i];
    } else {
        double *p = (double *)(void *)a->data;
        if (f != 1.0)
            for (int64_t i = 0; i < count; i++)
                p[i] *= f;
        if (conj)
            for (int64_t i = 1; i < count; i += 2)
                p[i] = -p[i];
    }
}

static bool strides_in_elements(const NdArray *a)
{
    int64_t es = (int64_t)nd_dtype_size(a->dtype);
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] > 1 && a->strides[i] % es)
            return false;
    return true;
}

/* One FFTW plan for the whole transform: the k axes ax of lengths len as
 * the plan's dims, every other axis of d longer than 1 as its howmany
 * loop, read from s and written to d with their own strides. */
static int direct(int kind, int sign, bool single, int k, const int *ax,
                  const int64_t *len, const NdArray *s, const NdArray *d)
{
    PlanKey key;
    memset(&key, 0, sizeof key);
    key.kind = kind;
    key.sign = kind == KIND_C2C ? sign : 0;
    key.single = single;
    key.inplace = s->data == d->data;
    int64_t ies = (int64_t)in_esz(&key), oes = (int64_t)out_esz(&key);
    bool is_ax[ND_MAXDIMS] = {false};
    key.rank = k;
    for (int i = 0; i < k; i++) {
        is_ax[ax[i]] = true;
        key.dims[i] =
            (Dim){len[i], s->strides[ax[i]] / ies, d->strides[ax[i]] / oes};
    }
    for (int i = 0; i < d->ndim; i++)
        if (!is_ax[i] && d->shape[i] > 1)
            key.loops[key.hrank++] =
                (Dim){d->shape[i], s->strides[i] / ies, d->strides[i] / oes};
    return run(&key, s->data, d->data, s, d);
}

static inline void copy_elem(char *to, const char *from, size_t esz)
{
    switch (esz) {
    case 4:
        memcpy(to, from, 4);
        break;
    case 8:
        memcpy(to, from, 8);
        break;
    default:
        memcpy(to, from, 16);
        break;
    }
}

/* Bytes of the gather buffer of a buffered pass (about half an L2). */
#define BATCH_BYTES ((int64_t)256 * 1024)

/* A 1-d pass along an axis that is not contiguous in s or d.  FFTW's
 * estimated plans walk such an axis element by element across memory
 * (a 2048-point column of a 2048x2048 array touches 2048 pages per
 * butterfly stage), so instead B lines at a time are gathered into a
 * contiguous buffer, transformed there by one cached plan of B contiguous
 * transforms, and scattered back: the lines are taken next to each other
 * along the loop axis b of smallest stride, so the gather reads B
 * neighbouring elements at a time.  Ctrl-C is polled between batches. */
static int buffered(int kind, int sign, bool single, int64_t n, int ax,
                    const NdArray *s, const NdArray *d)
{
    PlanKey key;
    memset(&key, 0, sizeof key);
    key.kind = kind;
    key.sign = kind == KIND_C2C ? sign : 0;
    key.single = single;
    key.inplace = kind == KIND_C2C;
    key.nthreads = 1;
    pthread_mutex_lock(&plan_lock);
    threads_init();
    key.flags = planner_flags;
    pthread_mutex_unlock(&plan_lock);
    size_t ies = in_esz(&key), oes = out_esz(&key);
    int64_t nin = kind == KIND_C2R ? n / 2 + 1 : n;
    int64_t nout = kind == KIND_R2C ? n / 2 + 1 : n;

    int nd = d->ndim, b = -1;
    for (int i = 0; i < nd; i++)
        if (i != ax && d->shape[i] > 1 &&
            (b < 0 || llabs(s->strides[i]) < llabs(s->strides[b])))
            b = i;
    int64_t nb = b < 0 ? 1 : d->shape[b];
    int64_t B = BATCH_BYTES / (nin * (int64_t)ies);
    B = B < 1 ? 1 : B > 64 ? 64 : B;
    if (B > nb)
        B = nb;
    size_t in_bytes = (size_t)(B * nin) * ies,
           out_bytes = (size_t)(B * nout) * oes;
    char *bin = fftw_malloc(in_bytes);
    char *bout = kind == KIND_C2C ? bin : fftw_malloc(out_bytes);
    if (!bin || !bout) {
        fftw_free(bin);
        if (bout != bin)
            fftw_free(bout);
        nd_error_nomem();
        return -1;
    }
    key.rank = 1;
    key.dims[0] = (Dim){n, 1, 1};
    key.align_in = alignment_of(single, bin);
    key.align_out = alignment_of(single, bout);
    int slot_full = -1, slot_tail = -1, rc = 0;

    /* the other axes: an odometer over every position */
    int outer[ND_MAXDIMS], no = 0;
    for (int i = 0; i < nd; i++)
        if (i != ax && i != b && d->shape[i] > 1)
            outer[no++] = i;
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t sa = s->strides[ax], da = d->strides[ax];
    int64_t sb = b < 0 ? 0 : s->strides[b], db = b < 0 ? 0 : d->strides[b];
    const char *sbase = s->data;
    char *dbase = d->data;
    for (;;) {
        for (int64_t j0 = 0; j0 < nb; j0 += B) {
            if (nd_interrupt_requested) {
                rc = nd_error(ND_ERR_INTERRUPT, "%s", "");
                goto done;
            }
            int64_t cnt = nb - j0 < B ? nb - j0 : B;
            int *slot = cnt == B ? &slot_full : &slot_tail;
            if (*slot < 0) {
                key.hrank = cnt > 1;
                key.loops[0] = (Dim){cnt, nin, nout};
                if (cnt == 1)
                    key.loops[0] = (Dim){0, 0, 0};
                *slot = acquire_plan(&key, bin, bout);
                if (*slot < 0) {
                    rc = -1;
                    goto done;
                }
            }
            const char *sp = sbase + j0 * sb;
            for (int64_t i = 0; i < nin; i++)
                for (int64_t j = 0; j < cnt; j++)
                    copy_elem(bin + (size_t)(j * nin + i) * ies,
                              sp + i * sa + j * sb, ies);
            execute(&key, cache[*slot].plan, bin, bout);
            char *dp = dbase + j0 * db;
            for (int64_t i = 0; i < nout; i++)
                for (int64_t j = 0; j < cnt; j++)
                    copy_elem(dp + i * da + j * db,
                              bout + (size_t)(j * nout + i) * oes, oes);
        }
        int q = no - 1;
        for (; q >= 0; q--) {
            int x = outer[q];
            sbase += s->strides[x];
            dbase += d->strides[x];
            if (++idx[q] < d->shape[x])
                break;
            sbase -= s->strides[x] * d->shape[x];
            dbase -= d->strides[x] * d->shape[x];
            idx[q] = 0;
        }
        if (q < 0)
            break;
    }
done:
    if (slot_full >= 0)
        release_plan(slot_full);
    if (slot_tail >= 0)
        release_plan(slot_tail);
    fftw_free(bin);
    if (bout != bin)
        fftw_free(bout);
    return rc;
}

/* ---------------------------------------- real transforms of even length */

/* rfft of even length n through a complex FFT of length N = n/2: FFTW's
 * estimated r2c plans for large n run about twice as slow as its c2c plan
 * of half the length (measured: 48 ms against 25 ms for n = 2^20), so the
 * real input is read as N complex numbers z[m] = x[2m] + i x[2m+1], Z =
 * fft(z) is written into the result, and each pair of outputs k, N-k is
 * recovered in place from Z[k] and Z[N-k]:
 *   E = (Z[k] + conj(Z[N-k]))/2,  O = (Z[k] - conj(Z[N-k]))/(2i),
 *   X[k] = E + W^k O,  X[N-k] = conj(E - W^k O),  W = exp(-2 pi i/n),
 * with X[0] = Re Z[0] + Im Z[0] and X[N] = Re Z[0] - Im Z[0]. */
#define HALF_MIN ((int64_t)1 << 12)

/* The twiddles W^k, k = 0..N/2, of the last length used (per precision):
 * computed in double, once per length. */
static struct {
    int64_t n;
    double *w; /* (cos, -sin) pairs */
} twiddle_cache;
static pthread_mutex_t twiddle_lock = PTHREAD_MUTEX_INITIALIZER;

/* A malloc'd copy of the twiddles for n (NULL: out of memory). */
static double *twiddles(int64_t n)
{
    int64_t half = n / 4 + 1;
    double *w = malloc(sizeof(double) * 2 * (size_t)half);
    if (!w)
        return NULL;
    pthread_mutex_lock(&twiddle_lock);
    if (twiddle_cache.n != n) {
        double *t = malloc(sizeof(double) * 2 * (size_t)half);
        if (t) {
            const double tau = 6.283185307179586476925286766559;
            for (int64_t k = 0; k < half; k++) {
                double a = tau * (double)k / (double)n;
                t[2 * k] = cos(a);
                t[2 * k + 1] = -sin(a);
            }
            free(twiddle_cache.w);
            twiddle_cache.w = t;
            twiddle_cache.n = n;
        }
    }
    bool ok = twiddle_cache.n == n;
    if (ok)
        memcpy(w, twiddle_cache.w, sizeof(double) * 2 * (size_t)half);
    pthread_mutex_unlock(&twiddle_lock);
    if (!ok) {
        free(w);
        return NULL;
    }
    return w;
}

#define UNPACK_LINE(T)                                                         \
    static void unpack_line_##T(char *p, int64_t os, int64_t N,                \
                                const double *w)                               \
    {                                                                          \
        T *z0 = (T *)(void *)p;                                                \
        T re0 = z0[0], im0 = z0[1];                                            \
        T *zn = (T *)(void *)(p + N * os);                                     \
        zn[0] = re0 - im0;                                                     \
        zn[1] = 0;                                                             \
        z0[0] = re0 + im0;                                                     \
        z0[1] = 0;                                                             \
        for (int64_t k = 1; 2 * k <= N; k++) {                                 \
            T *a = (T *)(void *)(p + k * os);                                  \
            T *b = (T *)(void *)(p + (N - k) * os);                            \
            T ar = a[0], ai = a[1], br = b[0], bi = b[1];                      \
            T er = (T)0.5 * (ar + br), ei = (T)0.5 * (ai - bi);                \
            T or_ = (T)0.5 * (ai + bi), oi = (T)0.5 * (br - ar);               \
            T wr = (T)w[2 * k], wi = (T)w[2 * k + 1];                          \
            T tr = wr * or_ - wi * oi, ti = wr * oi + wi * or_;                \
            a[0] = er + tr;                                                    \
            a[1] = ei + ti;                                                    \
            b[0] = er - tr;                                                    \
            b[1] = ti - ei;                                                    \
        }                                                                      \
    }
UNPACK_LINE(double)
UNPACK_LINE(float)

/* Whether rfft along ax can take the half-length route: even n, large,
 * the axis contiguous in s and d, and every other stride of s a whole
 * number of complex elements. */
static bool half_ok(bool single, int64_t n, int ax, const NdArray *s,
                    const NdArray *d)
{
    int64_t res = single ? 4 : 8;
    if (n % 2 || n < HALF_MIN || s->strides[ax] != res ||
        d->strides[ax] != 2 * res || (uintptr_t)s->data % (uintptr_t)res)
        return false;
    for (int i = 0; i < s->ndim; i++)
        if (i != ax && d->shape[i] > 1 && s->strides[i] % (2 * res))
            return false;
    return true;
}

static int rfft_half(bool single, int64_t n, int ax, const NdArray *s,
                     const NdArray *d)
{
    int64_t N = n / 2, res = single ? 4 : 8;
    double *w = twiddles(n);
    if (!w) {
        nd_error_nomem();
        return -1;
    }
    PlanKey key;
    memset(&key, 0, sizeof key);
    key.kind = KIND_C2C;
    key.sign = FFTW_FORWARD;
    key.single = single;
    key.rank = 1;
    key.dims[0] = (Dim){N, 1, 1};
    for (int i = 0; i < d->ndim; i++)
        if (i != ax && d->shape[i] > 1)
            key.loops[key.hrank++] =
                (Dim){d->shape[i], s->strides[i] / (2 * res),
                      d->strides[i] / (2 * res)};
    if (run(&key, s->data, d->data, s, d) < 0) {
        free(w);
        return -1;
    }
    /* every line of d */
    int outer[ND_MAXDIMS], no = 0;
    for (int i = 0; i < d->ndim; i++)
        if (i != ax && d->shape[i] > 1)
            outer[no++] = i;
    int64_t idx[ND_MAXDIMS] = {0};
    char *p = d->data;
    for (;;) {
        if (single)
            unpack_line_float(p, d->strides[ax], N, w);
        else
            unpack_line_double(p, d->strides[ax], N, w);
        int q = no - 1;
        for (; q >= 0; q--) {
            int x = outer[q];
            p += d->strides[x];
            if (++idx[q] < d->shape[x])
                break;
            p -= d->strides[x] * d->shape[x];
            idx[q] = 0;
        }
        if (q < 0)
            break;
    }
    free(w);
    return 0;
}

/* One 1-d pass of kind along ax (length n) from s to d: one plan when the
 * axis is contiguous in both, else buffered. */
static int pass1(int kind, int sign, bool single, int64_t n, int ax,
                 const NdArray *s, const NdArray *d)
{
    PlanKey probe = {.kind = kind, .single = single};
    int64_t ies = (int64_t)in_esz(&probe), oes = (int64_t)out_esz(&probe);
    if (kind == KIND_R2C && half_ok(single, n, ax, s, d))
        return rfft_half(single, n, ax, s, d);
    if (s->strides[ax] == ies && d->strides[ax] == oes)
        return direct(kind, sign, single, 1, &ax, &n, s, d);
    return buffered(kind, sign, single, n, ax, s, d);
}

/* Whether one FFTW plan suits a multi-dimensional transform: when its
 * block is small enough to stay in cache.  Otherwise passes() splits it
 * into 1-d passes. */
static bool direct_ok(int k, const int64_t *len)
{
    double bytes = 16;
    for (int i = 0; i < k; i++)
        bytes *= (double)len[i];
    return bytes <= (double)BATCH_BYTES;
}

/* A large multi-dimensional transform as NumPy computes it, one axis at
 * a time (each pass in place after the first): complex transforms start
 * with the axis most contiguous in s; rfftn does its real axis first,
 * irfftn last (in place on s, which is then a scratch copy). */
static int passes(int kind, int sign, bool single, int k, const int *ax,
                  const int64_t *len, NdArray *s, NdArray *d)
{
    if (kind == KIND_C2C) {
        int first = 0;
        for (int i = 1; i < k; i++)
            if (llabs(s->strides[ax[i]]) < llabs(s->strides[ax[first]]))
                first = i;
        if (pass1(kind, sign, single, len[first], ax[first], s, d) < 0)
            return -1;
        for (int i = 0; i < k; i++)
            if (i != first &&
                pass1(kind, sign, single, len[i], ax[i], d, d) < 0)
                return -1;
        return 0;
    }
    int csign = kind == KIND_R2C ? FFTW_FORWARD : FFTW_BACKWARD;
    if (kind == KIND_R2C) {
        if (pass1(kind, 0, single, len[k - 1], ax[k - 1], s, d) < 0)
            return -1;
        for (int i = 0; i < k - 1; i++)
            if (pass1(KIND_C2C, csign, single, len[i], ax[i], d, d) < 0)
                return -1;
        return 0;
    }
    for (int i = 0; i < k - 1; i++)
        if (pass1(KIND_C2C, csign, single, len[i], ax[i], s, s) < 0)
            return -1;
    return pass1(kind, 0, single, len[k - 1], ax[k - 1], s, d);
}

/* The transform of `kind` over the distinct axes ax[0..k) of lengths
 * len[0..k) (for real transforms the last one is the real length and the
 * complex side has len/2+1), times scale; conj_in conjugates the input
 * first (hfft), conj_out the result (ihfft). */
static NdArray *transform(NdArray *a, int kind, int sign, int k, const int *ax,
                          const int64_t *len, double scale, bool conj_in,
                          bool conj_out)
{
    bool single = is_single(a->dtype);
    NdType ctype = single ? ND_COMPLEX64 : ND_COMPLEX128;
    NdType rtype = single ? ND_FLOAT32 : ND_FLOAT64;
    NdType in_t = kind == KIND_R2C ? rtype : ctype;
    NdType out_t = kind == KIND_C2R ? rtype : ctype;
    int nd = a->ndim;
    int64_t in_shape[ND_MAXDIMS], out_shape[ND_MAXDIMS];
    memcpy(in_shape, a->shape, sizeof(int64_t) * (size_t)nd);
    for (int i = 0; i < k; i++)
        in_shape[ax[i]] = len[i];
    memcpy(out_shape, in_shape, sizeof(int64_t) * (size_t)nd);
    int last = ax[k - 1];
    if (kind == KIND_R2C)
        out_shape[last] = len[k - 1] / 2 + 1;
    if (kind == KIND_C2R)
        in_shape[last] = len[k - 1] / 2 + 1;

    NdArray *out = empty_in_layout(a, out_t, out_shape);
    if (!out || out->size == 0)
        return out;

    NdArray *src;
    bool same_shape = true;
    for (int i = 0; i < nd; i++)
        same_shape = same_shape && a->shape[i] == in_shape[i];
    if (kind != KIND_C2R && !conj_in && a->dtype == in_t && same_shape &&
        strides_in_elements(a)) {
        src = nd_incref(a); /* read in place, never written */
    } else if (kind == KIND_C2C) {
        if (fill_from(out, a) < 0) {
            nd_decref(out);
            return NULL;
        }
        src = nd_incref(out); /* transformed in place */
    } else {
        src = empty_in_layout(a, in_t, in_shape);
        if (!src || fill_from(src, a) < 0) {
            nd_decref(src);
            nd_decref(out);
            return NULL;
        }
    }
    if (conj_in)
        scale_conj(src, 1.0, true);

    int rc = k == 1 ? pass1(kind, sign, single, len[0], ax[0], src, out)
             : direct_ok(k, len)
                 ? direct(kind, sign, single, k, ax, len, src, out)
                 : passes(kind, sign, single, k, ax, len, src, out);
    nd_decref(src);
    if (rc < 0) {
        nd_decref(out);
        return NULL;
    }
    if (scale != 1.0 || conj_out)
        scale_conj(out, scale, conj_out);
    return out;
}

/* ------------------------------------------------------ NumPy's checks */

/* norm: 0 backward (None too), 1 ortho, 2 forward; -1 when invalid. */
static int norm_code(const char *norm)
{
    if (!norm || !strcmp(norm, "backward"))
        return 0;
    if (!strcmp(norm, "ortho"))
        return 1;
    if (!strcmp(norm, "forward"))
        return 2;
    return -1;
}

/* NumPy has two texts: _raw_fft's (forward transforms) and
 * _swap_direction's (inverse ones, hfft, ihfft). */
static int norm_error(const char *norm, bool swapped)
{
    return nd_error(ND_ERR_VALUE,
                    swapped ? "Invalid norm value %s; should be \"backward\", "
                              "\"ortho\" or \"forward\"."
                            : "Invalid norm value %s; should be "
                              "\"backward\",\"ortho\" or \"forward\".",
                    norm);
}

static const char *const swapped_norm[] = {"forward", "ortho", "backward"};

/* The factor of a transform of N points in direction forward (true:
 * fft/rfft, as NumPy's fct) with norm code c. */
static double scale_of(int c, bool forward, double N)
{
    if (c == 1)
        return 1.0 / sqrt(N);
    if (forward)
        return c == 2 ? 1.0 / N : 1.0;
    return c == 0 ? 1.0 / N : 1.0;
}

/* One of NumPy's _raw_fft calls: n >= 1, the norm, then the axis, in that
 * order; cur (the shape so far) gets the new length along the axis. */
static int check_pass(NdFftFunc f, int64_t n, int64_t axis, const char *norm,
                      int ndim, int64_t *cur, int *ax)
{
    if (n < 1)
        return nd_error(
            ND_ERR_VALUE,
            "Invalid number of FFT data points (%" PRId64 ") specified.", n);
    bool fwd = f == ND_FFT_FFT || f == ND_FFT_RFFT;
    if (norm_code(norm) < 0)
        return norm_error(norm, !fwd);
    if (nd_normalize_axis(axis, ndim, ax) < 0)
        return -1;
    cur[*ax] = f == ND_FFT_RFFT ? n / 2 + 1 : n;
    return 0;
}

/* a.shape[axis] as Python reads it (IndexError past either end). */
static int shape_at(const int64_t *shape, int ndim, int64_t axis, int64_t *out)
{
    if (axis < -(int64_t)ndim || axis >= ndim)
        return nd_error(ND_ERR_INDEX, "tuple index out of range");
    *out = shape[axis < 0 ? axis + ndim : axis];
    return 0;
}

/* The default n of a 1-d function for an axis of length m. */
static int64_t default_n(NdFftFunc f, int64_t m)
{
    return f == ND_FFT_IRFFT || f == ND_FFT_HFFT ? (m - 1) * 2 : m;
}

/* rfft of complex input: NumPy 2's ufunc finds no loop. */
static int complex_rfft_error(int64_t n)
{
    return nd_error(ND_ERR_TYPE,
                    "ufunc '%s' not supported for the input types, and the "
                    "inputs could not be safely coerced to any supported "
                    "types according to the casting rule ''safe''",
                    n % 2 == 0 ? "rfft_n_even" : "rfft_n_odd");
}

static void kind_of(NdFftFunc f, int *kind, int *sign)
{
    *sign = 0;
    if (f == ND_FFT_RFFT)
        *kind = KIND_R2C;
    else if (f == ND_FFT_IRFFT)
        *kind = KIND_C2R;
    else {
        *kind = KIND_C2C;
        *sign = f == ND_FFT_FFT ? FFTW_FORWARD : FFTW_BACKWARD;
    }
}

NdArray *nd_fft1(NdFftFunc f, NdArray *a, int64_t n, int64_t axis,
                 const char *norm)
{
    int nd = a->ndim;
    int64_t cur[ND_MAXDIMS];
    memcpy(cur, a->shape, sizeof(int64_t) * (size_t)nd);
    if (n == ND_FFT_DEFAULT) {
        int64_t m = 0;
        if (shape_at(a->shape, nd, axis, &m) < 0)
            return NULL;
        n = default_n(f, m);
    }
    bool herm = f == ND_FFT_HFFT || f == ND_FFT_IHFFT;
    int code = norm_code(norm);
    const char *pass_norm = norm;
    if (herm) {
        if (code < 0) {
            norm_error(norm, true);
            return NULL;
        }
        pass_norm = swapped_norm[code];
    }
    NdFftFunc g = f == ND_FFT_HFFT    ? ND_FFT_IRFFT
                  : f == ND_FFT_IHFFT ? ND_FFT_RFFT
                                      : f;
    int ax;
    if (check_pass(g, n, axis, pass_norm, nd, cur, &ax) < 0)
        return NULL;
    if (g == ND_FFT_RFFT && nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX) {
        complex_rfft_error(n);
        return NULL;
    }
    /* hfft scales as a forward transform with the given norm, ihfft as an
     * inverse one (NumPy swaps the norm and calls irfft/rfft). */
    bool forward = f == ND_FFT_FFT || f == ND_FFT_RFFT || f == ND_FFT_HFFT;
    double scale = scale_of(code, forward, (double)n);
    int kind, sign;
    kind_of(g, &kind, &sign);
    return transform(a, kind, sign, 1, &ax, &n, scale, f == ND_FFT_HFFT,
                     f == ND_FFT_IHFFT);
}

/* ------------------------------------------------------- N-dimensional */

typedef struct Pass {
    NdFftFunc f;
    int64_t n; /* ND_FFT_DEFAULT: the 1-d function's default */
    int64_t axis;
    int ax; /* normalised */
} Pass;

NdArray *nd_fftn(NdFftFunc f, NdArray *a, const int64_t *s, int ns,
                 const int64_t *axes, int naxes, const char *norm)
{
    if (f != ND_FFT_FFT && f != ND_FFT_IFFT && f != ND_FFT_RFFT &&
        f != ND_FFT_IRFFT) {
        nd_error(ND_ERR_VALUE, "no N-dimensional form of this transform");
        return NULL;
    }
    int nd = a->ndim;
    bool shapeless = s == NULL;
    int k = shapeless ? (axes ? naxes : nd) : ns;
    int64_t *S = nd_malloc(sizeof(int64_t) * (size_t)(k + 1));
    int64_t *A = nd_malloc(sizeof(int64_t) * (size_t)(k + 1));
    Pass *P = nd_malloc(sizeof(Pass) * (size_t)(k + 1));
    NdArray *r = NULL;
    if (!S || !A || !P)
        goto done;
    /* NumPy 2's _cook_nd_args */
    if (shapeless) {
        for (int i = 0; i < k; i++) {
            if (!axes) {
                S[i] = a->shape[i];
                continue;
            }
            int64_t x = axes[i];
            if (nd == 0) {
                nd_error(ND_ERR_INDEX,
                         "cannot do a non-empty take from an empty axes.");
                goto done;
            }
            if (x < -(int64_t)nd || x >= nd) {
                nd_error(ND_ERR_INDEX,
                         "index %" PRId64 " is out of bounds for axis 0 "
                         "with size %d",
                         x, nd);
                goto done;
            }
            S[i] = a->shape[x < 0 ? x + nd : x];
        }
    } else
        memcpy(S, s, sizeof(int64_t) * (size_t)k);
    if (axes) {
        if (naxes != k) {
            nd_error(ND_ERR_VALUE, "Shape and axes have different lengths.");
            goto done;
        }
        memcpy(A, axes, sizeof(int64_t) * (size_t)k);
    } else
        for (int i = 0; i < k; i++)
            A[i] = i - k;
    if (f == ND_FFT_IRFFT && shapeless) {
        if (k == 0) {
            nd_error(ND_ERR_INDEX, "list index out of range");
            goto done;
        }
        int64_t m = 0;
        if (shape_at(a->shape, nd, A[k - 1], &m) < 0)
            goto done;
        S[k - 1] = (m - 1) * 2;
    }
    for (int i = 0; i < k; i++)
        if (S[i] == -1 && shape_at(a->shape, nd, A[i], &S[i]) < 0)
            goto done;

    /* the 1-d passes NumPy makes, in its order */
    int np_ = 0;
    if (f == ND_FFT_FFT || f == ND_FFT_IFFT) {
        if (k == 0) {
            r = nd_incref(a);
            goto done;
        }
        for (int i = k - 1; i >= 0; i--)
            P[np_++] = (Pass){f, S[i], A[i], 0};
    } else if (k == 0) {
        nd_error(ND_ERR_INDEX, "list index out of range");
        goto done;
    } else if (f == ND_FFT_RFFT) {
        P[np_++] = (Pass){ND_FFT_RFFT, S[k - 1], A[k - 1], 0};
        for (int i = k - 2; i >= 0; i--)
            P[np_++] = (Pass){ND_FFT_FFT, S[i], A[i], 0};
    } else {
        for (int i = 0; i < k - 1; i++)
            P[np_++] = (Pass){ND_FFT_IFFT, S[i], A[i], 0};
        P[np_++] = (Pass){ND_FFT_IRFFT, S[k - 1], A[k - 1], 0};
    }
    int64_t cur[ND_MAXDIMS];
    memcpy(cur, a->shape, sizeof(int64_t) * (size_t)nd);
    bool distinct = true;
    bool seen[ND_MAXDIMS] = {false};
    for (int i = 0; i < np_; i++) {
        Pass *p = &P[i];
        if (p->n == ND_FFT_DEFAULT) {
            int64_t m = 0;
            if (shape_at(cur, nd, p->axis, &m) < 0)
                goto done;
            p->n = default_n(p->f, m);
        }
        if (check_pass(p->f, p->n, p->axis, norm, nd, cur, &p->ax) < 0)
            goto done;
        if (i == 0 && p->f == ND_FFT_RFFT &&
            nd_dtype_kind(a->dtype) == ND_KIND_COMPLEX) {
            complex_rfft_error(p->n);
            goto done;
        }
        if (seen[p->ax])
            distinct = false;
        seen[p->ax] = true;
    }
    int code = norm_code(norm);
    bool forward = f == ND_FFT_FFT || f == ND_FFT_RFFT;
    int kind, sign;
    if (distinct) {
        /* one plan over every axis; the real axis (the first pass of rfftn,
         * the last of irfftn) goes last */
        int ax[ND_MAXDIMS];
        int64_t len[ND_MAXDIMS];
        double N = 1;
        for (int i = 0; i < np_; i++) {
            const Pass *p = f == ND_FFT_RFFT ? &P[np_ - 1 - i] : &P[i];
            ax[i] = p->ax;
            len[i] = p->n;
            N *= (double)p->n;
        }
        kind_of(f, &kind, &sign);
        r = transform(a, kind, sign, np_, ax, len, scale_of(code, forward, N),
                      false, false);
        goto done;
    }
    /* repeated axes: NumPy's passes one by one */
    r = nd_incref(a);
    for (int i = 0; i < np_ && r; i++) {
        kind_of(P[i].f, &kind, &sign);
        NdArray *next =
            transform(r, kind, sign, 1, &P[i].ax, &P[i].n,
                      scale_of(code, forward, (double)P[i].n), false, false);
        nd_decref(r);
        r = next;
    }
done:
    free(S);
    free(A);
    free(P);
    return r;
}

/* ------------------------------------------------------------- helpers */

NdArray *nd_fftfreq(int64_t n, double d)
{
    double nd_ = (double)n * d;
    if (nd_ == 0) {
        nd_error(ND_ERR_ZERO_DIVISION, "float division by zero");
        return NULL;
    }
    double val = 1.0 / nd_;
    if (n < 0) {
        nd_error(ND_ERR_VALUE, "negative dimensions are not allowed");
        return NULL;
    }
    NdArray *r = nd_empty(ND_FLOAT64, 1, &n, 'C');
    if (!r)
        return NULL;
    double *p = (double *)(void *)r->data;
    int64_t N = (n - 1) / 2 + 1; /* n >= 1 here */
    for (int64_t i = 0; i < n; i++)
        p[i] = (double)(i < N ? i : i - n) * val;
    return r;
}

NdArray *nd_rfftfreq(int64_t n, double d)
{
    double nd_ = (double)n * d;
    if (nd_ == 0) {
        nd_error(ND_ERR_ZERO_DIVISION, "float division by zero");
        return NULL;
    }
    double val = 1.0 / nd_;
    /* Python's n//2 + 1; a negative n gives an empty arange */
    int64_t N = (n >= 0 ? n / 2 : -((-n + 1) / 2)) + 1;
    if (N < 0)
        N = 0;
    NdArray *r = nd_empty(ND_FLOAT64, 1, &N, 'C');
    if (!r)
        return NULL;
    double *p = (double *)(void *)r->data;
    for (int64_t i = 0; i < N; i++)
        p[i] = (double)i * val;
    return r;
}

NdArray *nd_fftshift(NdArray *a, const int64_t *axes, int naxes, bool inverse)
{
    int nd = a->ndim;
    int64_t all[ND_MAXDIMS];
    if (!axes) {
        for (int i = 0; i < nd; i++)
            all[i] = i;
        axes = all;
        naxes = nd;
    }
    if (naxes == 0)
        return nd_copy(a, 'K');
    int64_t *shift = nd_malloc(sizeof(int64_t) * (size_t)naxes);
    if (!shift)
        return NULL;
    for (int i = 0; i < naxes; i++) {
        int64_t m = 0;
        if (shape_at(a->shape, nd, axes[i], &m) < 0) {
            free(shift);
            return NULL;
        }
        shift[i] = inverse ? -(m / 2) : m / 2;
    }
    NdArray *r = nd_roll(a, shift, naxes, axes, naxes);
    free(shift);
    return r;
}
