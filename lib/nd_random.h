/* nd_random.h — random sampling for libnd: the PCG64 bit generator and
 * NumPy's SeedSequence (lib/random.c), bounded integers and the
 * distributions of NumPy's Generator (lib/distributions.c).
 *
 * The aim is NumPy's streams: a PCG64 seeded through nd_seedseq_* from the
 * same entropy gives the same raw 64-bit words as NumPy's
 * `default_rng(entropy)`, and random doubles (x >> 11) * 2^-53 and bounded
 * integers (Lemire's method, with NumPy's choice between the 32- and
 * 64-bit paths and its buffering of 8/16-bit draws) then equal NumPy's.
 * The distributions follow NumPy's algorithms (ziggurats for the normal
 * and exponential, Marsaglia–Tsang gamma, PTRS Poisson, ...); their
 * streams are not promised to equal NumPy's.
 *
 * A generator is a plain struct owned by its caller; nothing here is
 * thread-safe for one generator used by two threads at once. */
#ifndef ND_ND_RANDOM_H
#define ND_ND_RANDOM_H

#include <stdbool.h>
#include <stdint.h>

/* PCG64 (O'Neill's pcg_setseq_128 + XSL-RR output).  The 128-bit state and
 * increment are kept as two 64-bit words so the struct is the same whether
 * the compiler has a 128-bit integer or not; has_uint32/uinteger is the
 * half of a 64-bit draw that NumPy keeps for the next 32-bit draw. */
typedef struct NdPCG64 {
    uint64_t state_hi, state_lo;
    uint64_t inc_hi, inc_lo;
    int has_uint32;
    uint32_t uinteger;
} NdPCG64;

/* True when this build steps PCG64 with the compiler's unsigned __int128;
 * false when it uses the portable two-word arithmetic (ND_PCG64_PORTABLE
 * defined at compile time, or no 128-bit integer). */
bool nd_pcg64_uses_int128(void);

/* pcg64's seeding: state 0, inc = (initseq << 1) | 1, step, add
 * initstate, step — NumPy's pcg64_set_seed(seed = initstate, inc). */
void nd_pcg64_seed(NdPCG64 *g, uint64_t initstate_hi, uint64_t initstate_lo,
                   uint64_t initseq_hi, uint64_t initseq_lo);
/* Seed from a SeedSequence pool: generate_state(4, uint64) gives
 * initstate = (w0 << 64) | w1 and initseq = (w2 << 64) | w3. */
void nd_pcg64_seed_pool(NdPCG64 *g, const uint32_t pool[4]);

uint64_t nd_pcg64_next64(NdPCG64 *g);
/* The same step inline, for the hot loops of lib/ (a call per draw would
 * cost as much as the draw). */
#if defined(__SIZEOF_INT128__) && !defined(ND_PCG64_PORTABLE)
static inline uint64_t nd_pcg64_next64_inline(NdPCG64 *g)
{
    __extension__ typedef unsigned __int128 nd_u128_t;
    nd_u128_t s =
        ((nd_u128_t)g->state_hi << 64 | g->state_lo) *
            ((nd_u128_t)0x2360ED051FC65DA4ULL << 64 | 0x4385DF649FCCF645ULL) +
        ((nd_u128_t)g->inc_hi << 64 | g->inc_lo);
    uint64_t hi = (uint64_t)(s >> 64), lo = (uint64_t)s;
    g->state_hi = hi;
    g->state_lo = lo;
    unsigned rot = (unsigned)(hi >> 58);
    uint64_t x = hi ^ lo;
    return (x >> rot) | (x << ((64 - rot) & 63));
}
#else
#define nd_pcg64_next64_inline nd_pcg64_next64
#endif
/* NumPy's next_uint32: the low half of a 64-bit draw, the high half kept
 * for the next call. */
uint32_t nd_pcg64_next32(NdPCG64 *g);
/* (next64 >> 11) * 2^-53: a double in [0, 1). */
double nd_pcg64_next_double(NdPCG64 *g);
/* (next32 >> 8) * 2^-24: a float in [0, 1) (NumPy's next_float). */
float nd_pcg64_next_float(NdPCG64 *g);
/* Advance the state by delta steps (delta as a 128-bit number, mod 2^128;
 * Brown's algorithm) and forget the kept 32-bit half, as NumPy does. */
void nd_pcg64_advance(NdPCG64 *g, uint64_t delta_hi, uint64_t delta_lo);
/* jumped(jumps): advance by jumps * 0x9e3779b97f4a7c15f39cc0605cedc835
 * (mod 2^128), NumPy's jump size (about 2^127 times the golden ratio). */
void nd_pcg64_jump(NdPCG64 *g, uint64_t jumps);
/* Test hooks: the same operations always done with the portable two-word
 * arithmetic, so the fallback is tested in every build. */
void nd_pcg64_fill_raw_portable(NdPCG64 *g, uint64_t *out, int64_t n);
void nd_pcg64_advance_portable(NdPCG64 *g, uint64_t delta_hi,
                               uint64_t delta_lo);
/* n raw 64-bit words (NumPy's bit_generator.random_raw). */
void nd_pcg64_fill_raw(NdPCG64 *g, uint64_t *out, int64_t n);

/* ----------------------------------------------------------- SeedSequence */

#define ND_SEEDSEQ_POOL 4

/* NumPy's SeedSequence pool: entropy (uint32 words, least significant
 * first) followed by the spawn key's words (the entropy zero-padded to
 * the pool size first when there is a spawn key) hash-mixed into 4 words.
 * Returns 0, or -1 with MemoryError. */
int nd_seedseq_pool(const uint32_t *entropy, int64_t n_entropy,
                    const uint32_t *spawn_key, int64_t n_key,
                    uint32_t pool[ND_SEEDSEQ_POOL]);
/* generate_state(n_words) as uint32 words (for uint64 output, read pairs
 * of words little-endian: word 2i is the low half). */
void nd_seedseq_generate(const uint32_t pool[ND_SEEDSEQ_POOL], uint32_t *out,
                         int64_t n_words);
/* A non-negative integer as NumPy's _int_to_uint32_array: its 32-bit
 * words least significant first, at least one word.  Returns the count. */
int nd_seedseq_int_words(uint64_t v, uint32_t out[2]);
/* 16 bytes of OS entropy (getrandom, /dev/urandom).  -1 with OSError-kind
 * ND_ERR_IO when none is available. */
int nd_os_entropy(uint32_t out[4]);

/* -------------------------------------------------------- bounded integers */

/* The 8/16-bit and bool draws peel several values off one 32-bit draw;
 * the buffer lives for one fill (or one broadcast loop), as in NumPy. */
typedef struct NdBoundedBuf {
    uint32_t buf;
    int bcnt;
} NdBoundedBuf;

/* n values off + [0, rng] (rng the inclusive range, both as unsigned
 * numbers of dtype t's width) into out (t: bool, int8..uint64), NumPy's
 * random_bounded_*_fill with Lemire's method. */
void nd_random_bounded_fill(NdPCG64 *g, NdType t, uint64_t off, uint64_t rng,
                            int64_t n, void *out);
/* One value, keeping the buffer across calls (NumPy's broadcast loops). */
void nd_random_bounded_one(NdPCG64 *g, NdType t, uint64_t off, uint64_t rng,
                           NdBoundedBuf *b, void *out);
/* integers(low, high, size, dtype, endpoint): low/high int64 or uint64
 * arrays (broadcast); size NULL (size_ndim < 0) for the broadcast shape.
 * ValueErrors "low is out of bounds for int8", "high is out of bounds for
 * int8", "low >= high" ("low > high" with endpoint). */
NdArray *nd_random_integers(NdPCG64 *g, NdArray *low, NdArray *high,
                            int size_ndim, const int64_t *size, NdType dtype,
                            bool endpoint);
/* A value in [0, max] by masked rejection (NumPy's random_interval, used
 * by its shuffle). */
uint64_t nd_random_interval(NdPCG64 *g, uint64_t max);
/* Lemire's bounded value in [0, rng] (NumPy's random_bounded_uint64 with
 * off 0, unmasked; used by choice and its shuffles). */
uint64_t nd_random_bounded64(NdPCG64 *g, uint64_t rng);

/* ----------------------------------------------------------- distributions */

typedef enum NdDist {
    /* float results */
    ND_DIST_RANDOM,
    ND_DIST_STANDARD_NORMAL,
    ND_DIST_STANDARD_EXPONENTIAL,
    ND_DIST_STANDARD_EXPONENTIAL_INV,
    ND_DIST_STANDARD_CAUCHY,
    ND_DIST_STANDARD_GAMMA,
    ND_DIST_NORMAL,
    ND_DIST_UNIFORM,
    ND_DIST_EXPONENTIAL,
    ND_DIST_GAMMA,
    ND_DIST_BETA,
    ND_DIST_CHISQUARE,
    ND_DIST_NONCENTRAL_CHISQUARE,
    ND_DIST_F,
    ND_DIST_NONCENTRAL_F,
    ND_DIST_STANDARD_T,
    ND_DIST_LAPLACE,
    ND_DIST_LOGISTIC,
    ND_DIST_LOGNORMAL,
    ND_DIST_PARETO,
    ND_DIST_POWER,
    ND_DIST_WEIBULL,
    ND_DIST_RAYLEIGH,
    ND_DIST_GUMBEL,
    ND_DIST_WALD,
    ND_DIST_VONMISES,
    ND_DIST_TRIANGULAR,
    /* int64 results */
    ND_DIST_POISSON,
    ND_DIST_BINOMIAL,
    ND_DIST_NEGATIVE_BINOMIAL,
    ND_DIST_GEOMETRIC,
    ND_DIST_ZIPF,
    ND_DIST_LOGSERIES,
    ND_DIST_HYPERGEOMETRIC,
    ND_DIST_COUNT
} NdDist;

/* The distribution's parameter count (0..3). */
int nd_dist_nparams(NdDist d);
/* Draws of distribution d: params are float64 arrays (nd_dist_nparams of
 * them), checked with NumPy's constraint texts ("scale < 0", "p < 0, p > 1
 * or p is NaN", ...: a 0-d parameter gets the scalar wording, an array
 * the "contains NaNs" one).  The result has shape size (size_ndim >= 0;
 * the parameters must broadcast to it) or the parameters' broadcast shape
 * (size_ndim < 0), dtype float64 (float32 accepted for random,
 * standard_normal, standard_exponential(_inv) and standard_gamma) or int64
 * for the discrete ones. */
NdArray *nd_random_dist(NdPCG64 *g, NdDist d, NdArray *const *params,
                        int size_ndim, const int64_t *size, NdType dtype);

/* One draw each (the C API of the samplers; parameters unchecked). */
double nd_random_standard_normal(NdPCG64 *g);
double nd_random_standard_exponential(NdPCG64 *g);
double nd_random_standard_gamma(NdPCG64 *g, double shape);
int64_t nd_random_binomial(NdPCG64 *g, int64_t n, double p);
int64_t nd_random_poisson(NdPCG64 *g, double lam);

/* multinomial(n, pvals) into out[d] (pvals checked by the caller). */
void nd_random_multinomial(NdPCG64 *g, int64_t n, const double *pvals,
                           int64_t d, int64_t *out);

#endif
