/* random.c — the bit-generator room of libnd: PCG64 as NumPy uses it,
 * NumPy's SeedSequence (the hash-mixing of an entropy pool), and bounded
 * integers by Lemire's method with NumPy's choices (nd_random.h), so that
 * the same seed gives NumPy's raw words, doubles and integers exactly.
 *
 * PCG64 is a 128-bit LCG (multiplier 0x2360ED051FC65DA44385DF649FCCF645,
 * an odd increment chosen by the seed) whose 128-bit state is folded to 64
 * bits by XSL-RR: (hi ^ lo) rotated right by the top 6 bits of the state.
 * The step needs 128-bit arithmetic: the compiler's unsigned __int128 when
 * it has one (under __extension__, as -Wpedantic requires), else a
 * portable two-word version.  Both are always compiled — the portable one
 * feeds the *_portable test hooks — and ND_PCG64_PORTABLE forces the
 * generator itself onto the portable path. */
#define _DEFAULT_SOURCE /* O_CLOEXEC, getrandom */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

#include "nd.h"

#if defined(__SIZEOF_INT128__) && !defined(ND_PCG64_PORTABLE)
#define ND_HAVE_U128 1
__extension__ typedef unsigned __int128 nd_u128;
#else
#define ND_HAVE_U128 0
#endif

#define MULT_HI 0x2360ED051FC65DA4ULL
#define MULT_LO 0x4385DF649FCCF645ULL

/* ------------------------------------------------- portable 128-bit words */

typedef struct U128 {
    uint64_t hi, lo;
} U128;

/* Full 64x64 -> 128 product from 32-bit halves. */
static U128 mul64x64(uint64_t a, uint64_t b)
{
    uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    U128 r;
    r.lo = (mid << 32) | (uint32_t)p00;
    r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return r;
}

/* a * b mod 2^128: the cross terms only reach the high word. */
static U128 mul128(U128 a, U128 b)
{
    U128 r = mul64x64(a.lo, b.lo);
    r.hi += a.hi * b.lo + a.lo * b.hi;
    return r;
}

static U128 add128(U128 a, U128 b)
{
    U128 r;
    r.lo = a.lo + b.lo;
    r.hi = a.hi + b.hi + (r.lo < a.lo);
    return r;
}

static inline uint64_t xsl_rr(uint64_t hi, uint64_t lo)
{
    unsigned rot = (unsigned)(hi >> 58);
    uint64_t x = hi ^ lo;
    return (x >> rot) | (x << ((64 - rot) & 63));
}

static uint64_t port_next64(NdPCG64 *g)
{
    U128 s = {g->state_hi, g->state_lo}, m = {MULT_HI, MULT_LO},
         inc = {g->inc_hi, g->inc_lo};
    s = add128(mul128(s, m), inc);
    g->state_hi = s.hi;
    g->state_lo = s.lo;
    return xsl_rr(s.hi, s.lo);
}

void nd_pcg64_fill_raw_portable(NdPCG64 *g, uint64_t *out, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        out[i] = port_next64(g);
}

/* Brown's "random number generation with arbitrary strides": the
 * composition of delta steps s -> m*s + c is again affine, built by
 * squaring. */
void nd_pcg64_advance_portable(NdPCG64 *g, uint64_t delta_hi, uint64_t delta_lo)
{
    U128 acc_mult = {0, 1}, acc_plus = {0, 0}, one = {0, 1};
    U128 cur_mult = {MULT_HI, MULT_LO}, cur_plus = {g->inc_hi, g->inc_lo};
    U128 delta = {delta_hi, delta_lo};
    while (delta.hi | delta.lo) {
        if (delta.lo & 1) {
            acc_mult = mul128(acc_mult, cur_mult);
            acc_plus = add128(mul128(acc_plus, cur_mult), cur_plus);
        }
        cur_plus = mul128(add128(cur_mult, one), cur_plus);
        cur_mult = mul128(cur_mult, cur_mult);
        delta.lo = (delta.lo >> 1) | (delta.hi << 63);
        delta.hi >>= 1;
    }
    U128 s = {g->state_hi, g->state_lo};
    s = add128(mul128(acc_mult, s), acc_plus);
    g->state_hi = s.hi;
    g->state_lo = s.lo;
    g->has_uint32 = 0;
    g->uinteger = 0;
}

/* ------------------------------------------------------- the generator */

bool nd_pcg64_uses_int128(void)
{
    return ND_HAVE_U128;
}

#if ND_HAVE_U128
static inline nd_u128 u128_make(uint64_t hi, uint64_t lo)
{
    return ((nd_u128)hi << 64) | lo;
}
#endif

uint64_t nd_pcg64_next64(NdPCG64 *g)
{
#if ND_HAVE_U128
    nd_u128 s =
        u128_make(g->state_hi, g->state_lo) * u128_make(MULT_HI, MULT_LO) +
        u128_make(g->inc_hi, g->inc_lo);
    g->state_hi = (uint64_t)(s >> 64);
    g->state_lo = (uint64_t)s;
    return xsl_rr(g->state_hi, g->state_lo);
#else
    return port_next64(g);
#endif
}

void nd_pcg64_fill_raw(NdPCG64 *g, uint64_t *out, int64_t n)
{
#if ND_HAVE_U128
    /* The state lives in registers for the whole loop. */
    nd_u128 s = u128_make(g->state_hi, g->state_lo),
            m = u128_make(MULT_HI, MULT_LO),
            c = u128_make(g->inc_hi, g->inc_lo);
    for (int64_t i = 0; i < n; i++) {
        s = s * m + c;
        out[i] = xsl_rr((uint64_t)(s >> 64), (uint64_t)s);
    }
    g->state_hi = (uint64_t)(s >> 64);
    g->state_lo = (uint64_t)s;
#else
    nd_pcg64_fill_raw_portable(g, out, n);
#endif
}

uint32_t nd_pcg64_next32(NdPCG64 *g)
{
    if (g->has_uint32) {
        g->has_uint32 = 0;
        return g->uinteger;
    }
    uint64_t x = nd_pcg64_next64_inline(g);
    g->has_uint32 = 1;
    g->uinteger = (uint32_t)(x >> 32);
    return (uint32_t)x;
}

double nd_pcg64_next_double(NdPCG64 *g)
{
    return (double)(int64_t)(nd_pcg64_next64(g) >> 11) *
           (1.0 / 9007199254740992.0); /* < 2^53: a signed convert */
}

float nd_pcg64_next_float(NdPCG64 *g)
{
    return (float)(nd_pcg64_next32(g) >> 8) * (1.0f / 16777216.0f);
}

void nd_pcg64_advance(NdPCG64 *g, uint64_t delta_hi, uint64_t delta_lo)
{
#if ND_HAVE_U128
    nd_u128 acc_mult = 1, acc_plus = 0, cur_mult = u128_make(MULT_HI, MULT_LO),
            cur_plus = u128_make(g->inc_hi, g->inc_lo),
            delta = u128_make(delta_hi, delta_lo);
    while (delta) {
        if (delta & 1) {
            acc_mult *= cur_mult;
            acc_plus = acc_plus * cur_mult + cur_plus;
        }
        cur_plus = (cur_mult + 1) * cur_plus;
        cur_mult *= cur_mult;
        delta >>= 1;
    }
    nd_u128 s = acc_mult * u128_make(g->state_hi, g->state_lo) + acc_plus;
    g->state_hi = (uint64_t)(s >> 64);
    g->state_lo = (uint64_t)s;
    g->has_uint32 = 0;
    g->uinteger = 0;
#else
    nd_pcg64_advance_portable(g, delta_hi, delta_lo);
#endif
}

void nd_pcg64_jump(NdPCG64 *g, uint64_t jumps)
{
    /* jumps * 0x9e3779b97f4a7c15f39cc0605cedc835 mod 2^128 */
    U128 step = {0x9e3779b97f4a7c15ULL, 0xf39cc0605cedc835ULL};
    U128 j = {0, jumps};
    U128 d = mul128(step, j);
    nd_pcg64_advance(g, d.hi, d.lo);
}

void nd_pcg64_seed(NdPCG64 *g, uint64_t initstate_hi, uint64_t initstate_lo,
                   uint64_t initseq_hi, uint64_t initseq_lo)
{
    g->state_hi = g->state_lo = 0;
    g->inc_hi = (initseq_hi << 1) | (initseq_lo >> 63);
    g->inc_lo = (initseq_lo << 1) | 1u;
    (void)nd_pcg64_next64(g);
    U128 s = {g->state_hi, g->state_lo}, add = {initstate_hi, initstate_lo};
    s = add128(s, add);
    g->state_hi = s.hi;
    g->state_lo = s.lo;
    (void)nd_pcg64_next64(g);
    g->has_uint32 = 0;
    g->uinteger = 0;
}

void nd_pcg64_seed_pool(NdPCG64 *g, const uint32_t pool[ND_SEEDSEQ_POOL])
{
    uint32_t w[8];
    nd_seedseq_generate(pool, w, 8);
    uint64_t v[4];
    for (int i = 0; i < 4; i++)
        v[i] = (uint64_t)w[2 * i] | ((uint64_t)w[2 * i + 1] << 32);
    nd_pcg64_seed(g, v[0], v[1], v[2], v[3]);
}

/* ------------------------------------------------------- SeedSequence */

/* The constants of NumPy's SeedSequence (after Melissa O'Neill's
 * seed_seq_fe): two multiplicative hashes and a mixing function. */
#define INIT_A 0x43b0d7e5u
#define MULT_A 0x931e8875u
#define INIT_B 0x8b51f9ddu
#define MULT_B 0x58f38dedu
#define MIX_MULT_L 0xca01f9ddu
#define MIX_MULT_R 0x4973f715u
#define XSHIFT 16

static uint32_t hashmix(uint32_t value, uint32_t *hash_const)
{
    value ^= *hash_const;
    *hash_const *= MULT_A;
    value *= *hash_const;
    value ^= value >> XSHIFT;
    return value;
}

static uint32_t mix(uint32_t x, uint32_t y)
{
    uint32_t r = MIX_MULT_L * x - MIX_MULT_R * y;
    r ^= r >> XSHIFT;
    return r;
}

int nd_seedseq_pool(const uint32_t *entropy, int64_t n_entropy,
                    const uint32_t *spawn_key, int64_t n_key,
                    uint32_t pool[ND_SEEDSEQ_POOL])
{
    /* The assembled entropy: a spawn key must not collide with longer
     * entropy, so the entropy is zero-padded to the pool size first. */
    int64_t n_run = n_entropy;
    if (n_key > 0 && n_run < ND_SEEDSEQ_POOL)
        n_run = ND_SEEDSEQ_POOL;
    int64_t n = n_run + n_key;
    uint32_t *e = nd_calloc((size_t)(n > 0 ? n : 1), sizeof *e);
    if (!e)
        return -1;
    if (n_entropy > 0)
        memcpy(e, entropy, (size_t)n_entropy * sizeof *e);
    if (n_key > 0)
        memcpy(e + n_run, spawn_key, (size_t)n_key * sizeof *e);

    uint32_t hash_const = INIT_A;
    for (int i = 0; i < ND_SEEDSEQ_POOL; i++)
        pool[i] = hashmix(i < n ? e[i] : 0, &hash_const);
    for (int src = 0; src < ND_SEEDSEQ_POOL; src++)
        for (int dst = 0; dst < ND_SEEDSEQ_POOL; dst++)
            if (src != dst)
                pool[dst] = mix(pool[dst], hashmix(pool[src], &hash_const));
    for (int64_t src = ND_SEEDSEQ_POOL; src < n; src++)
        for (int dst = 0; dst < ND_SEEDSEQ_POOL; dst++)
            pool[dst] = mix(pool[dst], hashmix(e[src], &hash_const));
    free(e);
    return 0;
}

void nd_seedseq_generate(const uint32_t pool[ND_SEEDSEQ_POOL], uint32_t *out,
                         int64_t n_words)
{
    uint32_t hash_const = INIT_B;
    for (int64_t i = 0; i < n_words; i++) {
        uint32_t v = pool[i % ND_SEEDSEQ_POOL];
        v ^= hash_const;
        hash_const *= MULT_B;
        v *= hash_const;
        v ^= v >> XSHIFT;
        out[i] = v;
    }
}

int nd_seedseq_int_words(uint64_t v, uint32_t out[2])
{
    out[0] = (uint32_t)v;
    out[1] = (uint32_t)(v >> 32);
    return out[1] ? 2 : 1;
}

int nd_os_entropy(uint32_t out[4])
{
    unsigned char *p = (unsigned char *)out;
    size_t got = 0;
#if defined(__linux__)
    while (got < 16) {
        ssize_t r = getrandom(p + got, 16 - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        got += (size_t)r;
    }
#endif
    if (got < 16) {
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return nd_error(ND_ERR_IO, "no OS entropy: %s", strerror(errno));
        while (got < 16) {
            ssize_t r = read(fd, p + got, 16 - got);
            if (r <= 0) {
                if (r < 0 && errno == EINTR)
                    continue;
                close(fd);
                return nd_error(ND_ERR_IO, "no OS entropy");
            }
            got += (size_t)r;
        }
        close(fd);
    }
    return 0;
}

/* ------------------------------------------------------ bounded integers */

static inline uint32_t buffered_u8(NdPCG64 *g, NdBoundedBuf *b)
{
    if (!b->bcnt) {
        b->buf = nd_pcg64_next32(g);
        b->bcnt = 3;
    } else {
        b->buf >>= 8;
        b->bcnt--;
    }
    return (uint8_t)b->buf;
}

static inline uint32_t buffered_u16(NdPCG64 *g, NdBoundedBuf *b)
{
    if (!b->bcnt) {
        b->buf = nd_pcg64_next32(g);
        b->bcnt = 1;
    } else {
        b->buf >>= 16;
        b->bcnt--;
    }
    return (uint16_t)b->buf;
}

/* Lemire: multiply a w-bit draw by the range size and keep the top w
 * bits; reject the few low parts below (2^w - size) mod size, which makes
 * every value equally likely. */
static uint8_t lemire8(NdPCG64 *g, uint8_t rng, NdBoundedBuf *b)
{
    uint8_t excl = (uint8_t)(rng + 1);
    uint16_t m = (uint16_t)(buffered_u8(g, b) * excl);
    uint8_t left = (uint8_t)m;
    if (left < excl) {
        uint8_t threshold = (uint8_t)((uint8_t)(UINT8_MAX - rng) % excl);
        while (left < threshold) {
            m = (uint16_t)(buffered_u8(g, b) * excl);
            left = (uint8_t)m;
        }
    }
    return (uint8_t)(m >> 8);
}

static uint16_t lemire16(NdPCG64 *g, uint16_t rng, NdBoundedBuf *b)
{
    uint16_t excl = (uint16_t)(rng + 1);
    uint32_t m = buffered_u16(g, b) * (uint32_t)excl;
    uint16_t left = (uint16_t)m;
    if (left < excl) {
        uint16_t threshold = (uint16_t)((uint16_t)(UINT16_MAX - rng) % excl);
        while (left < threshold) {
            m = buffered_u16(g, b) * (uint32_t)excl;
            left = (uint16_t)m;
        }
    }
    return (uint16_t)(m >> 16);
}

static inline uint32_t lemire32(NdPCG64 *g, uint32_t rng)
{
    uint32_t excl = rng + 1;
    uint64_t m = (uint64_t)nd_pcg64_next32(g) * excl;
    uint32_t left = (uint32_t)m;
    if (left < excl) {
        uint32_t threshold = (UINT32_MAX - rng) % excl;
        while (left < threshold) {
            m = (uint64_t)nd_pcg64_next32(g) * excl;
            left = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

static inline uint64_t lemire64(NdPCG64 *g, uint64_t rng)
{
    uint64_t excl = rng + 1;
    U128 m = mul64x64(nd_pcg64_next64(g), excl);
    if (m.lo < excl) {
        uint64_t threshold = (UINT64_MAX - rng) % excl;
        while (m.lo < threshold)
            m = mul64x64(nd_pcg64_next64(g), excl);
    }
    return m.hi;
}

uint64_t nd_random_bounded64(NdPCG64 *g, uint64_t rng)
{
    if (rng == 0)
        return 0;
    if (rng <= 0xFFFFFFFFu)
        return rng == 0xFFFFFFFFu ? nd_pcg64_next32(g)
                                  : lemire32(g, (uint32_t)rng);
    if (rng == UINT64_MAX)
        return nd_pcg64_next64(g);
    return lemire64(g, rng);
}

uint64_t nd_random_interval(NdPCG64 *g, uint64_t max)
{
    if (max == 0)
        return 0;
    uint64_t mask = max, v;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    if (max <= 0xFFFFFFFFu) {
        while ((v = (nd_pcg64_next32(g) & mask)) > max)
            ;
    } else {
        while ((v = (nd_pcg64_next64(g) & mask)) > max)
            ;
    }
    return v;
}

static inline void bounded_one(NdPCG64 *g, NdType t, uint64_t off, uint64_t rng,
                               NdBoundedBuf *b, char *out)
{
    switch (t) {
    case ND_BOOL: {
        bool v = (bool)off;
        if (rng) {
            if (!b->bcnt) {
                b->buf = nd_pcg64_next32(g);
                b->bcnt = 31;
            } else {
                b->buf >>= 1;
                b->bcnt--;
            }
            v = (b->buf & 1u) != 0;
        }
        *(bool *)out = v;
        break;
    }
    case ND_INT8:
    case ND_UINT8: {
        uint8_t r = (uint8_t)rng, v;
        if (r == 0)
            v = 0;
        else if (r == UINT8_MAX)
            v = (uint8_t)buffered_u8(g, b);
        else
            v = lemire8(g, r, b);
        *(uint8_t *)out = (uint8_t)(v + (uint8_t)off);
        break;
    }
    case ND_INT16:
    case ND_UINT16: {
        uint16_t r = (uint16_t)rng, v;
        if (r == 0)
            v = 0;
        else if (r == UINT16_MAX)
            v = (uint16_t)buffered_u16(g, b);
        else
            v = lemire16(g, r, b);
        uint16_t o = (uint16_t)(v + (uint16_t)off);
        memcpy(out, &o, 2);
        break;
    }
    case ND_INT32:
    case ND_UINT32: {
        uint32_t r = (uint32_t)rng, v;
        if (r == 0)
            v = 0;
        else if (r == UINT32_MAX)
            v = nd_pcg64_next32(g);
        else
            v = lemire32(g, r);
        uint32_t o = v + (uint32_t)off;
        memcpy(out, &o, 4);
        break;
    }
    default: {
        uint64_t o = nd_random_bounded64(g, rng) + off;
        memcpy(out, &o, 8);
        break;
    }
    }
}

void nd_random_bounded_one(NdPCG64 *g, NdType t, uint64_t off, uint64_t rng,
                           NdBoundedBuf *b, void *out)
{
    bounded_one(g, t, off, rng, b, out);
}

void nd_random_bounded_fill(NdPCG64 *g, NdType t, uint64_t off, uint64_t rng,
                            int64_t n, void *out)
{
    NdBoundedBuf b = {0, 0};
    char *p = out;
    size_t w = nd_dtype_size(t);
    if ((t == ND_INT64 || t == ND_UINT64) && rng && rng < 0xFFFFFFFFu) {
        /* The hot case: 32-bit Lemire on halves of 64-bit draws. */
        uint32_t r = (uint32_t)rng;
        NdPCG64 s = *g; /* in registers through the loop */
        for (int64_t i = 0; i < n; i++) {
            uint64_t o = lemire32(&s, r) + off;
            memcpy(p + i * 8, &o, 8);
        }
        *g = s;
        return;
    }
    for (int64_t i = 0; i < n; i++)
        bounded_one(g, t, off, rng, &b, p + (size_t)i * w);
}

/* A bound as a signed 128-bit number (hi:lo), enough for every int64 and
 * uint64 value and for the range checks between them. */
typedef struct Wide {
    int64_t hi;
    uint64_t lo;
} Wide;

static int wide_cmp(Wide a, Wide b)
{
    if (a.hi != b.hi)
        return a.hi < b.hi ? -1 : 1;
    return a.lo < b.lo ? -1 : a.lo > b.lo;
}

static Wide wide_minus1(Wide a)
{
    Wide r = {a.hi - (a.lo == 0), a.lo - 1};
    return r;
}

static Wide wide_read(const NdArray *a, int64_t i)
{
    Wide w;
    if (a->dtype == ND_UINT64) {
        w.hi = 0;
        w.lo = ((const uint64_t *)a->data)[i];
    } else {
        int64_t v = ((const int64_t *)a->data)[i];
        w.hi = v < 0 ? -1 : 0;
        w.lo = (uint64_t)v;
    }
    return w;
}

static void dtype_limits(NdType t, Wide *lb, Wide *ub)
{
    size_t bits = nd_dtype_size(t) * 8;
    if (t == ND_BOOL) {
        *lb = (Wide){0, 0};
        *ub = (Wide){0, 1};
    } else if (nd_dtype_kind(t) == ND_KIND_UINT) {
        *lb = (Wide){0, 0};
        *ub = (Wide){0, bits == 64 ? UINT64_MAX : (1ULL << bits) - 1};
    } else {
        uint64_t m = 1ULL << (bits - 1);
        *lb = (Wide){-1, (uint64_t)0 - m};
        *ub = (Wide){0, m - 1};
    }
}

/* Check one pair of bounds; *off and *rng as the fill wants them. */
static int bounds_check(Wide low, Wide high, NdType t, bool endpoint,
                        uint64_t *off, uint64_t *rng)
{
    Wide lb, ub;
    dtype_limits(t, &lb, &ub);
    if (wide_cmp(low, lb) < 0)
        return nd_error(ND_ERR_VALUE, "low is out of bounds for %s",
                        nd_dtype_name(t));
    Wide hi = endpoint ? high : wide_minus1(high);
    if (wide_cmp(hi, ub) > 0)
        return nd_error(ND_ERR_VALUE, "high is out of bounds for %s",
                        nd_dtype_name(t));
    if (wide_cmp(low, hi) > 0)
        return nd_error(ND_ERR_VALUE, endpoint ? "low > high" : "low >= high");
    *off = low.lo;
    *rng = hi.lo - low.lo;
    return 0;
}

NdArray *nd_random_integers(NdPCG64 *g, NdArray *low, NdArray *high,
                            int size_ndim, const int64_t *size, NdType t,
                            bool endpoint)
{
    if (nd_dtype_kind(t) != ND_KIND_INT && nd_dtype_kind(t) != ND_KIND_UINT &&
        t != ND_BOOL) {
        nd_error(ND_ERR_TYPE, "Unsupported dtype dtype('%s') for integers",
                 nd_dtype_name(t));
        return NULL;
    }
    if (low->ndim == 0 && high->ndim == 0) {
        uint64_t off, rng;
        if (bounds_check(wide_read(low, 0), wide_read(high, 0), t, endpoint,
                         &off, &rng) < 0)
            return NULL;
        NdArray *out = nd_empty(t, size_ndim < 0 ? 0 : size_ndim, size, 'C');
        if (!out)
            return NULL;
        nd_random_bounded_fill(g, t, off, rng, out->size, out->data);
        return out;
    }
    /* Array bounds: broadcast them (to size when given), check every pair
     * first (NumPy raises before drawing), then draw one at a time. */
    NdArray *ops[2] = {low, high};
    int ndim;
    int64_t shape[ND_MAXDIMS];
    if (size_ndim >= 0) {
        ndim = size_ndim;
        memcpy(shape, size, (size_t)ndim * sizeof *shape);
    } else if (nd_broadcast_shapes(2, ops, &ndim, shape) < 0)
        return NULL;
    NdArray *lo = NULL, *hi = NULL, *out = NULL, *tmp;
    uint64_t *offs = NULL, *rngs = NULL;
    if (!(tmp = nd_broadcast_to(low, ndim, shape)))
        goto fail;
    lo = nd_copy(tmp, 'C');
    nd_decref(tmp);
    if (!lo || !(tmp = nd_broadcast_to(high, ndim, shape)))
        goto fail;
    hi = nd_copy(tmp, 'C');
    nd_decref(tmp);
    if (!hi || !(out = nd_empty(t, ndim, shape, 'C')))
        goto fail;
    int64_t n = out->size;
    offs = nd_malloc((size_t)(n ? n : 1) * sizeof *offs);
    rngs = nd_malloc((size_t)(n ? n : 1) * sizeof *rngs);
    if (!offs || !rngs)
        goto fail;
    for (int64_t i = 0; i < n; i++)
        if (bounds_check(wide_read(lo, i), wide_read(hi, i), t, endpoint,
                         &offs[i], &rngs[i]) < 0)
            goto fail;
    NdBoundedBuf b = {0, 0};
    size_t w = nd_dtype_size(t);
    for (int64_t i = 0; i < n; i++) {
        if (w == 8) /* NumPy's 64-bit broadcast fills one at a time */
            nd_random_bounded_fill(g, t, offs[i], rngs[i], 1,
                                   (char *)out->data + i * 8);
        else
            bounded_one(g, t, offs[i], rngs[i], &b,
                        (char *)out->data + (size_t)i * w);
    }
    free(offs);
    free(rngs);
    nd_decref(lo);
    nd_decref(hi);
    return out;
fail:
    free(offs);
    free(rngs);
    if (lo)
        nd_decref(lo);
    if (hi)
        nd_decref(hi);
    if (out)
        nd_decref(out);
    return NULL;
}
