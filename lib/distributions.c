/* distributions.c — the distributions of NumPy's Generator, drawn from a
 * PCG64 stream (nd_random.h): one sampler per distribution following
 * NumPy's algorithm where it is cheap (256-layer ziggurats for the normal
 * and exponential, Marsaglia–Tsang gamma, PTRS Poisson, inversion for
 * small binomials, Kemp's logseries, ...), the parameter checks with
 * NumPy's texts, and nd_random_dist, which broadcasts the parameters
 * against `size` and fills the result.
 *
 * The ziggurat tables are computed once at first use from the two
 * constants that define them (the rightmost layer edge r and the common
 * layer area v), by Marsaglia and Tsang's recurrence. */
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "nd.h"

#define ND_PI 3.14159265358979323846

/* ------------------------------------------------------------ ziggurats */

#define ZIG_NOR_R 3.6541528853610087963519472518L
#define ZIG_EXP_R 7.6971174701310497140446280481L
#define ZIG_NOR_RD 3.6541528853610087963519472518
#define ZIG_EXP_RD 7.6971174701310497140446280481

/* Layer i covers x in [0, x_i]; k[i] is the integer threshold below which
 * a draw is inside the layer's core rectangle (no density test needed),
 * w[i] scales the integer draw to x, f[i] the density at x_i. */
static uint64_t ki_nor[256], ke_exp[256];
static double wi_nor[256], fi_nor[256], we_exp[256], fe_exp[256];
/* The float32 ziggurats (dtype=float32): the same layers, 23-bit draws
 * off one 32-bit word, tables rounded to float. */
static uint32_t ki_norf[256], ke_expf[256];
static float wi_norf[256], fi_norf[256], we_expf[256], fe_expf[256];
static pthread_once_t zig_once = PTHREAD_ONCE_INIT;

static void zig_init(void)
{
    /* In long double where it is wider: the tables then round to the
     * doubles NumPy's published tables hold (nearly always). */
    typedef long double LD;
    /* Normal: 52-bit draws, density exp(-x^2/2). */
    const LD m1 = 4503599627370496.0L; /* 2^52 */
    LD dn = ZIG_NOR_R, tn = dn;
    /* v: the area of each layer = the base strip r f(r) plus the tail. */
    LD vn = dn * expl(-0.5L * dn * dn) +
            sqrtl(3.14159265358979323846264338327950288L / 2) *
                erfcl(dn / sqrtl(2.0L));
    LD q = vn / expl(-0.5L * dn * dn);
    const LD m1f = 8388608.0L; /* 2^23 */
    ki_nor[0] = (uint64_t)((dn / q) * m1);
    ki_nor[1] = 0;
    wi_nor[0] = (double)(q / m1);
    wi_nor[255] = (double)(dn / m1);
    fi_nor[0] = 1.0;
    fi_nor[255] = (double)expl(-0.5L * dn * dn);
    ki_norf[0] = (uint32_t)((dn / q) * m1f);
    ki_norf[1] = 0;
    wi_norf[0] = (float)(q / m1f);
    wi_norf[255] = (float)(dn / m1f);
    fi_norf[0] = 1.0f;
    fi_norf[255] = (float)expl(-0.5L * dn * dn);
    for (int i = 254; i >= 1; i--) {
        dn = sqrtl(-2.0L * logl(vn / dn + expl(-0.5L * dn * dn)));
        ki_nor[i + 1] = (uint64_t)((dn / tn) * m1);
        ki_norf[i + 1] = (uint32_t)((dn / tn) * m1f);
        tn = dn;
        fi_nor[i] = (double)expl(-0.5L * dn * dn);
        wi_nor[i] = (double)(dn / m1);
        fi_norf[i] = (float)expl(-0.5L * dn * dn);
        wi_norf[i] = (float)(dn / m1f);
    }
    /* Exponential: 53-bit draws, density exp(-x). */
    const LD m2 = 9007199254740992.0L; /* 2^53 */
    LD de = ZIG_EXP_R, te = de, ve = (de + 1.0L) * expl(-de);
    q = ve / expl(-de);
    const LD m2f = 8388608.0L; /* 2^23 */
    ke_exp[0] = (uint64_t)((de / q) * m2);
    ke_exp[1] = 0;
    we_exp[0] = (double)(q / m2);
    we_exp[255] = (double)(de / m2);
    fe_exp[0] = 1.0;
    fe_exp[255] = (double)expl(-de);
    ke_expf[0] = (uint32_t)((de / q) * m2f);
    ke_expf[1] = 0;
    we_expf[0] = (float)(q / m2f);
    we_expf[255] = (float)(de / m2f);
    fe_expf[0] = 1.0f;
    fe_expf[255] = (float)expl(-de);
    for (int i = 254; i >= 1; i--) {
        de = -logl(ve / de + expl(-de));
        ke_exp[i + 1] = (uint64_t)((de / te) * m2);
        ke_expf[i + 1] = (uint32_t)((de / te) * m2f);
        te = de;
        fe_exp[i] = (double)expl(-de);
        we_exp[i] = (double)(de / m2);
        fe_expf[i] = (float)expl(-de);
        we_expf[i] = (float)(de / m2f);
    }
}

static inline void zig_ready(void)
{
    pthread_once(&zig_once, zig_init);
}

static inline double next_double(NdPCG64 *g)
{
    return (double)(int64_t)(nd_pcg64_next64_inline(g) >> 11) *
           (1.0 / 9007199254740992.0);
}

/* The ziggurat of NumPy's random_standard_normal: one 64-bit draw gives the
 * layer (8 bits), the sign (1) and a 52-bit magnitude; 99% of draws end at
 * the first test.  The tail beyond r uses Marsaglia's exponential method. */
static double normal_zig(NdPCG64 *g)
{
    for (;;) {
        uint64_t r = nd_pcg64_next64_inline(g);
        int idx = (int)(r & 0xff);
        r >>= 8;
        int sign = (int)(r & 1);
        uint64_t rabs = (r >> 1) & 0x000fffffffffffffULL;
        double x = (double)rabs * wi_nor[idx];
        if (sign)
            x = -x;
        if (rabs < ki_nor[idx])
            return x;
        if (idx == 0) {
            for (;;) {
                /* 1 - U so that log never sees 0 */
                double xx = -(1.0 / ZIG_NOR_RD) * log1p(-next_double(g));
                double yy = -log1p(-next_double(g));
                if (yy + yy > xx * xx)
                    return ((rabs >> 8) & 1) ? -(ZIG_NOR_RD + xx)
                                             : ZIG_NOR_RD + xx;
            }
        } else if ((fi_nor[idx - 1] - fi_nor[idx]) * next_double(g) +
                       fi_nor[idx] <
                   exp(-0.5 * x * x))
            return x;
    }
}

double nd_random_standard_normal(NdPCG64 *g)
{
    zig_ready();
    return normal_zig(g);
}

static double exp_zig(NdPCG64 *g)
{
    for (;;) {
        uint64_t ri = nd_pcg64_next64_inline(g) >> 3;
        int idx = (int)(ri & 0xff);
        ri >>= 8;
        double x = (double)ri * we_exp[idx];
        if (ri < ke_exp[idx])
            return x;
        if (idx == 0)
            return ZIG_EXP_RD - log1p(-next_double(g));
        if ((fe_exp[idx - 1] - fe_exp[idx]) * next_double(g) + fe_exp[idx] <
            exp(-x))
            return x;
    }
}

double nd_random_standard_exponential(NdPCG64 *g)
{
    zig_ready();
    return exp_zig(g);
}

/* ------------------------------------------------------- float32 ones */

/* NumPy's float32 samplers draw 32-bit words (nd_pcg64_next32, which
 * keeps the other half of a 64-bit draw), so their streams differ from
 * the float64 ones: the layer is the low 8 bits, then the sign, then a
 * 23-bit magnitude. */
static inline float next_float(NdPCG64 *g)
{
    return nd_pcg64_next_float(g);
}

static float normal_zigf(NdPCG64 *g)
{
    const float r = (float)ZIG_NOR_RD, inv_r = (float)(1.0 / ZIG_NOR_RD);
    for (;;) {
        uint32_t u = nd_pcg64_next32(g);
        int idx = (int)(u & 0xff);
        int sign = (int)((u >> 8) & 1);
        uint32_t rabs = (u >> 9) & 0x7fffffu;
        float x = (float)rabs * wi_norf[idx];
        if (sign)
            x = -x;
        if (rabs < ki_norf[idx])
            return x;
        if (idx == 0) {
            for (;;) {
                float xx = -inv_r * log1pf(-next_float(g));
                float yy = -log1pf(-next_float(g));
                if (yy + yy > xx * xx)
                    return ((rabs >> 8) & 1) ? -(r + xx) : r + xx;
            }
        } else if ((fi_norf[idx - 1] - fi_norf[idx]) * next_float(g) +
                       fi_norf[idx] <
                   expf(-0.5f * x * x))
            return x;
    }
}

static float exp_zigf(NdPCG64 *g)
{
    for (;;) {
        uint32_t ri = nd_pcg64_next32(g) >> 1;
        int idx = (int)(ri & 0xff);
        ri >>= 8;
        float x = (float)ri * we_expf[idx];
        if (ri < ke_expf[idx])
            return x;
        if (idx == 0)
            return (float)ZIG_EXP_RD - log1pf(-next_float(g));
        if ((fe_expf[idx - 1] - fe_expf[idx]) * next_float(g) + fe_expf[idx] <
            expf(-x))
            return x;
    }
}

/* standard_gamma in float arithmetic throughout (NumPy's
 * random_standard_gamma_f): the same method as the double one below. */
static float standard_gammaf(NdPCG64 *g, float shape)
{
    if (shape == 1.0f)
        return exp_zigf(g);
    if (shape == 0.0f)
        return 0.0f;
    if (shape < 1.0f) {
        for (;;) {
            float u = next_float(g), v = exp_zigf(g);
            if (u <= 1.0f - shape) {
                float x = powf(u, 1.0f / shape);
                if (x <= v)
                    return x;
            } else {
                float y = -logf((1.0f - u) / shape);
                float x = powf(1.0f - shape + shape * y, 1.0f / shape);
                if (x <= v + y)
                    return x;
            }
        }
    }
    float b = shape - 1.0f / 3.0f, c = 1.0f / sqrtf(9.0f * b);
    for (;;) {
        float x, v;
        do {
            x = normal_zigf(g);
            v = 1.0f + c * x;
        } while (v <= 0.0f);
        v = v * v * v;
        float u = next_float(g);
        if (u < 1.0f - 0.0331f * (x * x) * (x * x))
            return b * v;
        if (logf(u) < 0.5f * x * x + b * (1.0f - v + logf(v)))
            return b * v;
    }
}

/* ------------------------------------------------------- continuous ones */

double nd_random_standard_gamma(NdPCG64 *g, double shape)
{
    zig_ready();
    if (shape == 1.0)
        return exp_zig(g);
    if (shape == 0.0)
        return 0.0;
    if (shape < 1.0) {
        /* Johnk-style rejection for shape < 1 (as NumPy). */
        for (;;) {
            double u = next_double(g), v = exp_zig(g);
            if (u <= 1.0 - shape) {
                double x = pow(u, 1.0 / shape);
                if (x <= v)
                    return x;
            } else {
                double y = -log((1.0 - u) / shape);
                double x = pow(1.0 - shape + shape * y, 1.0 / shape);
                if (x <= v + y)
                    return x;
            }
        }
    }
    /* Marsaglia & Tsang (2000): a cubed shifted normal, squeeze first. */
    double b = shape - 1.0 / 3.0, c = 1.0 / sqrt(9.0 * b);
    for (;;) {
        double x, v;
        do {
            x = normal_zig(g);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        double u = next_double(g);
        if (u < 1.0 - 0.0331 * (x * x) * (x * x))
            return b * v;
        if (log(u) < 0.5 * x * x + b * (1.0 - v + log(v)))
            return b * v;
    }
}

static double d_beta(NdPCG64 *g, double a, double b)
{
    if (a <= 1.0 && b <= 1.0) {
        /* Johnk's algorithm, in logs when both powers underflow. */
        for (;;) {
            double u = next_double(g), v = next_double(g);
            double x = pow(u, 1.0 / a), y = pow(v, 1.0 / b), s = x + y;
            if (s <= 1.0 && u + v > 0.0) {
                if (s > 0)
                    return x / s;
                double lx = log(u) / a, ly = log(v) / b;
                double lm = lx > ly ? lx : ly;
                lx -= lm;
                ly -= lm;
                return exp(lx - log(exp(lx) + exp(ly)));
            }
        }
    }
    double x = nd_random_standard_gamma(g, a),
           y = nd_random_standard_gamma(g, b);
    return x / (x + y);
}

static double d_chisquare(NdPCG64 *g, double df)
{
    return 2.0 * nd_random_standard_gamma(g, df / 2.0);
}

static double d_noncentral_chisquare(NdPCG64 *g, double df, double nonc)
{
    if (isnan(nonc))
        return NAN;
    if (nonc == 0)
        return d_chisquare(g, df);
    if (df > 1) {
        double chi2 = d_chisquare(g, df - 1);
        double n = normal_zig(g) + sqrt(nonc);
        return chi2 + n * n;
    }
    int64_t i = nd_random_poisson(g, nonc / 2.0);
    return d_chisquare(g, df + 2 * (double)i);
}

static double d_standard_t(NdPCG64 *g, double df)
{
    double num = normal_zig(g);
    double den = nd_random_standard_gamma(g, df / 2);
    return sqrt(df / 2) * num / sqrt(den);
}

static double d_vonmises(NdPCG64 *g, double mu, double kappa)
{
    if (isnan(kappa))
        return NAN;
    if (kappa < 1e-8)
        return ND_PI * (2 * next_double(g) - 1);
    double s, w, res;
    if (kappa > 1e6) {
        /* Wrapped normal approximation: the bell is very narrow. */
        res = mu + sqrt(1.0 / kappa) * normal_zig(g);
    } else {
        /* Best & Fisher (1979). */
        if (kappa < 1e-5) {
            s = 1.0 / kappa + kappa;
        } else {
            double r = 1 + sqrt(1 + 4 * kappa * kappa);
            double rho = (r - sqrt(2 * r)) / (2 * kappa);
            s = (1 + rho * rho) / (2 * rho);
        }
        for (;;) {
            double u = next_double(g), z = cos(ND_PI * u);
            w = (1 + s * z) / (s + z);
            double y = kappa * (s - w), v = next_double(g);
            if (y * (2 - y) - v >= 0 || log(y / v) + 1 - y >= 0)
                break;
        }
        double u = next_double(g);
        res = acos(w);
        if (u < 0.5)
            res = -res;
        res += mu;
    }
    /* Wrap into [-pi, pi). */
    bool neg = res < 0;
    double mod = fmod(fabs(res) + ND_PI, 2 * ND_PI) - ND_PI;
    return neg ? -mod : mod;
}

static double d_wald(NdPCG64 *g, double mean, double scale)
{
    double mu_2l = mean / (2 * scale);
    double y = normal_zig(g);
    y = mean * y * y;
    double x = mean + mu_2l * (y - sqrt(4 * scale * y + y * y));
    double u = next_double(g);
    return u <= mean / (mean + x) ? x : mean * mean / x;
}

static double d_triangular(NdPCG64 *g, double left, double mode, double right)
{
    double base = right - left, lb = mode - left, ratio = lb / base;
    double u = next_double(g);
    if (u <= ratio)
        return left + sqrt(u * lb * base);
    return right - sqrt((1.0 - u) * (right - mode) * base);
}

/* --------------------------------------------------------- discrete ones */

/* log(Gamma(x)) for x >= 1 by Stirling's series (the PTRS test needs
 * it for integer arguments; exact values for small ones). */
static double loggam(double x)
{
    static const double a[10] = {8.333333333333333e-02, -2.777777777777778e-03,
                                 7.936507936507937e-04, -5.952380952380952e-04,
                                 8.417508417508418e-04, -1.917526917526918e-03,
                                 6.410256410256410e-03, -2.955065359477124e-02,
                                 1.796443723688307e-01, -1.39243221690590e+00};
    if (x == 1.0 || x == 2.0)
        return 0.0;
    double x0 = x;
    int n = 0;
    if (x <= 7.0) {
        n = (int)(7 - x);
        x0 = x + n;
    }
    double x2 = 1.0 / (x0 * x0), gl0 = a[9];
    for (int k = 8; k >= 0; k--)
        gl0 = gl0 * x2 + a[k];
    double gl = gl0 / x0 + 0.5 * log(2 * ND_PI) + (x0 - 0.5) * log(x0) - x0;
    if (x <= 7.0) {
        for (int k = 1; k <= n; k++) {
            gl -= log(x0 - 1.0);
            x0 -= 1.0;
        }
    }
    return gl;
}

int64_t nd_random_poisson(NdPCG64 *g, double lam)
{
    if (lam >= 10) {
        /* Hörmann's PTRS (transformed rejection with squeeze). */
        double slam = sqrt(lam), loglam = log(lam);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double u = next_double(g) - 0.5, v = next_double(g);
            double us = 0.5 - fabs(u);
            int64_t k = (int64_t)floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr)
                return k;
            if (k < 0 || (us < 0.013 && v > us))
                continue;
            if (log(v) + log(invalpha) - log(a / (us * us) + b) <=
                -lam + (double)k * loglam - loggam((double)k + 1))
                return k;
        }
    }
    if (lam == 0)
        return 0;
    /* Multiply uniforms until the product falls below e^-lam. */
    double enlam = exp(-lam), prod = 1.0;
    int64_t x = 0;
    for (;;) {
        prod *= next_double(g);
        if (prod > enlam)
            x++;
        else
            return x;
    }
}

/* Inversion (search from 0) for n*p small: the expected number of steps
 * is about n*p. */
static int64_t binomial_inversion(NdPCG64 *g, int64_t n, double p)
{
    double q = 1.0 - p, qn = exp((double)n * log(q)), np = (double)n * p;
    double bound = fmin((double)n, np + 10.0 * sqrt(np * q + 1));
    int64_t x = 0;
    double px = qn, u = next_double(g);
    while (u > px) {
        x++;
        if ((double)x > bound) {
            x = 0;
            px = qn;
            u = next_double(g);
        } else {
            u -= px;
            px = ((double)(n - x + 1) * p * px) / ((double)x * q);
        }
    }
    return x;
}

int64_t nd_random_binomial(NdPCG64 *g, int64_t n, double p)
{
    if (n == 0 || p == 0.0)
        return 0;
    if (p == 1.0)
        return n;
    /* Work with p <= 1/2 and flip the result (as NumPy). */
    bool flip = p > 0.5;
    double pp = flip ? 1.0 - p : p;
    int64_t x = 0, m = n;
    /* Large n*p: split by the median order statistic of m uniforms
     * (Devroye X.4.3): the i-th smallest of m uniforms is Beta(i, m+1-i);
     * the count below pp is then i plus a binomial of what remains on
     * one side.  Each round halves m, so O(log n) beta draws. */
    while ((double)m * pp > 30.0) {
        int64_t i = (m + 1) / 2;
        double y = d_beta(g, (double)i, (double)(m + 1 - i));
        if (y <= pp) {
            x += i;
            pp = (pp - y) / (1.0 - y);
            m -= i;
        } else {
            pp = pp / y;
            m = i - 1;
        }
    }
    if (m > 0 && pp > 0)
        x += binomial_inversion(g, m, pp < 1.0 ? pp : 1.0);
    return flip ? n - x : x;
}

static int64_t d_geometric(NdPCG64 *g, double p)
{
    if (p >= 0.333333333333333333333333) {
        /* Search: few steps when p is large. */
        double u = next_double(g), q = 1.0 - p, prod = p, sum = p;
        int64_t x = 1;
        while (u > sum) {
            prod *= q;
            sum += prod;
            x++;
        }
        return x;
    }
    double z = ceil(-exp_zig(g) / log1p(-p));
    return z >= 9.2233720368547758e18 ? INT64_MAX : (int64_t)z;
}

static int64_t d_zipf(NdPCG64 *g, double a)
{
    double am1 = a - 1.0, b = pow(2.0, am1);
    for (;;) {
        double u = 1.0 - next_double(g), v = next_double(g);
        double x = floor(pow(u, -1.0 / am1));
        if (x > (double)INT64_MAX || x < 1.0)
            continue;
        double t = pow(1.0 + 1.0 / x, am1);
        if (v * x * (t - 1.0) / (b - 1.0) <= t / b)
            return (int64_t)x;
    }
}

static int64_t d_logseries(NdPCG64 *g, double p)
{
    /* Kemp's second accelerated generator (LK). */
    double r = log1p(-p);
    for (;;) {
        double v = next_double(g);
        if (v >= p)
            return 1;
        double u = next_double(g), q = -expm1(r * u);
        if (v <= q * q) {
            double res = floor(1 + log(v) / log(q));
            if (res < 1 || v == 0.0)
                continue;
            return res >= 9.2233720368547758e18 ? INT64_MAX : (int64_t)res;
        }
        return v >= q ? 1 : 2;
    }
}

/* Draw nsample items without replacement from good + bad: walk through
 * the smaller of the sample and its complement, one item at a time. */
static int64_t d_hypergeometric(NdPCG64 *g, int64_t good, int64_t bad,
                                int64_t sample)
{
    int64_t total = good + bad;
    bool comp = sample > total / 2;
    int64_t m = comp ? total - sample : sample;
    int64_t g_left = good, left = total, got = 0;
    for (int64_t k = 0; k < m; k++) {
        uint64_t j = nd_random_bounded64(g, (uint64_t)(left - 1));
        if ((int64_t)j < g_left) {
            got++;
            g_left--;
        }
        left--;
    }
    return comp ? good - got : got;
}

void nd_random_multinomial(NdPCG64 *g, int64_t n, const double *pvals,
                           int64_t d, int64_t *out)
{
    double remaining = 1.0;
    int64_t left = n;
    memset(out, 0, (size_t)d * sizeof *out);
    for (int64_t j = 0; j < d - 1; j++) {
        double p = remaining > 0 ? pvals[j] / remaining : 0.0;
        if (p > 1.0)
            p = 1.0;
        if (p < 0.0)
            p = 0.0;
        out[j] = nd_random_binomial(g, left, p);
        left -= out[j];
        if (left <= 0)
            return;
        remaining -= pvals[j];
    }
    if (d > 0)
        out[d - 1] = left;
}

/* ------------------------------------------------- the table of samplers */

/* Parameter constraints (NumPy's _common constraint kinds). */
enum Cons {
    C_NONE,
    C_NONNEG,     /* "x < 0" (signbit, so -0.0 too) */
    C_POS,        /* "x <= 0" */
    C_POS_NOTNAN, /* "x must not be NaN", "x <= 0" */
    C_B01,        /* "x < 0, x > 1 or x is NaN" */
    C_BGT01,      /* "x <= 0, x > 1 or x contains NaNs" */
    C_BLT01,      /* "x < 0, x >= 1 or x is NaN" */
    C_GT1,        /* "x <= 1 or x is NaN" */
    C_POISSON,    /* "x < 0 or x is NaN", "x value too large" */
};

typedef struct DistInfo {
    const char *name;
    int np;
    bool discrete;
    const char *pname[3];
    enum Cons cons[3];
} DistInfo;

static const DistInfo dists[ND_DIST_COUNT] = {
    [ND_DIST_RANDOM] = {"random", 0, false, {0}, {0}},
    [ND_DIST_STANDARD_NORMAL] = {"standard_normal", 0, false, {0}, {0}},
    [ND_DIST_STANDARD_EXPONENTIAL] =
        {"standard_exponential", 0, false, {0}, {0}},
    [ND_DIST_STANDARD_EXPONENTIAL_INV] =
        {"standard_exponential", 0, false, {0}, {0}},
    [ND_DIST_STANDARD_CAUCHY] = {"standard_cauchy", 0, false, {0}, {0}},
    [ND_DIST_STANDARD_GAMMA] =
        {"standard_gamma", 1, false, {"shape"}, {C_NONNEG}},
    [ND_DIST_NORMAL] =
        {"normal", 2, false, {"loc", "scale"}, {C_NONE, C_NONNEG}},
    [ND_DIST_UNIFORM] = {"uniform", 2, false, {"low", "high"}, {0}},
    [ND_DIST_EXPONENTIAL] = {"exponential", 1, false, {"scale"}, {C_NONNEG}},
    [ND_DIST_GAMMA] =
        {"gamma", 2, false, {"shape", "scale"}, {C_NONNEG, C_NONNEG}},
    [ND_DIST_BETA] = {"beta", 2, false, {"a", "b"}, {C_POS, C_POS}},
    [ND_DIST_CHISQUARE] = {"chisquare", 1, false, {"df"}, {C_POS}},
    [ND_DIST_NONCENTRAL_CHISQUARE] =
        {"noncentral_chisquare", 2, false, {"df", "nonc"}, {C_POS, C_NONNEG}},
    [ND_DIST_F] = {"f", 2, false, {"dfnum", "dfden"}, {C_POS, C_POS}},
    [ND_DIST_NONCENTRAL_F] = {"noncentral_f",
                              3,
                              false,
                              {"dfnum", "dfden", "nonc"},
                              {C_POS, C_POS, C_NONNEG}},
    [ND_DIST_STANDARD_T] = {"standard_t", 1, false, {"df"}, {C_POS}},
    [ND_DIST_LAPLACE] =
        {"laplace", 2, false, {"loc", "scale"}, {C_NONE, C_NONNEG}},
    [ND_DIST_LOGISTIC] =
        {"logistic", 2, false, {"loc", "scale"}, {C_NONE, C_NONNEG}},
    [ND_DIST_LOGNORMAL] =
        {"lognormal", 2, false, {"mean", "sigma"}, {C_NONE, C_NONNEG}},
    [ND_DIST_PARETO] = {"pareto", 1, false, {"a"}, {C_POS}},
    [ND_DIST_POWER] = {"power", 1, false, {"a"}, {C_POS}},
    [ND_DIST_WEIBULL] = {"weibull", 1, false, {"a"}, {C_NONNEG}},
    [ND_DIST_RAYLEIGH] = {"rayleigh", 1, false, {"scale"}, {C_NONNEG}},
    [ND_DIST_GUMBEL] =
        {"gumbel", 2, false, {"loc", "scale"}, {C_NONE, C_NONNEG}},
    [ND_DIST_WALD] = {"wald", 2, false, {"mean", "scale"}, {C_POS, C_POS}},
    [ND_DIST_VONMISES] =
        {"vonmises", 2, false, {"mu", "kappa"}, {C_NONE, C_NONNEG}},
    [ND_DIST_TRIANGULAR] =
        {"triangular", 3, false, {"left", "mode", "right"}, {0}},
    [ND_DIST_POISSON] = {"poisson", 1, true, {"lam"}, {C_POISSON}},
    [ND_DIST_BINOMIAL] = {"binomial", 2, true, {"n", "p"}, {C_NONNEG, C_B01}},
    [ND_DIST_NEGATIVE_BINOMIAL] =
        {"negative_binomial", 2, true, {"n", "p"}, {C_POS_NOTNAN, C_B01}},
    [ND_DIST_GEOMETRIC] = {"geometric", 1, true, {"p"}, {C_BGT01}},
    [ND_DIST_ZIPF] = {"zipf", 1, true, {"a"}, {C_GT1}},
    [ND_DIST_LOGSERIES] = {"logseries", 1, true, {"p"}, {C_BLT01}},
    [ND_DIST_HYPERGEOMETRIC] = {"hypergeometric",
                                3,
                                true,
                                {"ngood", "nbad", "nsample"},
                                {C_NONNEG, C_NONNEG, C_NONNEG}},
};

int nd_dist_nparams(NdDist d)
{
    return d >= 0 && d < ND_DIST_COUNT ? dists[d].np : 0;
}

/* Largest lam NumPy accepts: int64's max minus 10 standard deviations. */
#define POISSON_LAM_MAX (9.2233720368547758e18 - 10.0 * 3037000499.97605)

static int check_one(double v, const char *n, enum Cons c, bool scalar)
{
    const char *nan_txt = scalar ? "is NaN" : "contains NaNs";
    switch (c) {
    case C_NONE:
        return 0;
    case C_NONNEG:
        if (!isnan(v) && signbit(v))
            return nd_error(ND_ERR_VALUE, "%s < 0", n);
        return 0;
    case C_POS_NOTNAN:
        if (isnan(v))
            return nd_error(ND_ERR_VALUE, "%s must not be NaN", n);
        /* fall through */
    case C_POS:
        if (v <= 0)
            return nd_error(ND_ERR_VALUE, "%s <= 0", n);
        return 0;
    case C_B01:
        if (!(v >= 0) || !(v <= 1))
            return nd_error(ND_ERR_VALUE, "%s < 0, %s > 1 or %s %s", n, n, n,
                            nan_txt);
        return 0;
    case C_BGT01:
        if (!(v > 0) || !(v <= 1))
            return nd_error(ND_ERR_VALUE, "%s <= 0, %s > 1 or %s contains NaNs",
                            n, n, n);
        return 0;
    case C_BLT01:
        if (!(v >= 0) || !(v < 1))
            return nd_error(ND_ERR_VALUE, "%s < 0, %s >= 1 or %s %s", n, n, n,
                            nan_txt);
        return 0;
    case C_GT1:
        if (!(v > 1))
            return nd_error(ND_ERR_VALUE, "%s <= 1 or %s %s", n, n, nan_txt);
        return 0;
    case C_POISSON:
        if (scalar) {
            if (!(v >= 0))
                return nd_error(ND_ERR_VALUE, "%s < 0 or %s is NaN", n, n);
            if (!(v <= POISSON_LAM_MAX))
                return nd_error(ND_ERR_VALUE, "%s value too large", n);
        } else {
            if (v > POISSON_LAM_MAX)
                return nd_error(ND_ERR_VALUE, "%s value too large", n);
            if (!(v >= 0))
                return nd_error(ND_ERR_VALUE, "%s < 0 or %s contains NaNs", n,
                                n);
        }
        return 0;
    }
    return 0;
}

/* One draw of a distribution with parameters a, b, c. */
static inline double draw(NdPCG64 *g, NdDist d, double a, double b, double c)
{
    switch (d) {
    case ND_DIST_RANDOM:
        return next_double(g);
    case ND_DIST_STANDARD_NORMAL:
        return normal_zig(g);
    case ND_DIST_STANDARD_EXPONENTIAL:
        return exp_zig(g);
    case ND_DIST_STANDARD_EXPONENTIAL_INV:
        return -log(1.0 - next_double(g)); /* NumPy's exact expression */
    case ND_DIST_STANDARD_CAUCHY:
        return normal_zig(g) / normal_zig(g);
    case ND_DIST_STANDARD_GAMMA:
        return nd_random_standard_gamma(g, a);
    case ND_DIST_NORMAL:
        return a + b * normal_zig(g);
    case ND_DIST_UNIFORM:
        return a + (b - a) * next_double(g);
    case ND_DIST_EXPONENTIAL:
        return a * exp_zig(g);
    case ND_DIST_GAMMA:
        return b * nd_random_standard_gamma(g, a);
    case ND_DIST_BETA:
        return d_beta(g, a, b);
    case ND_DIST_CHISQUARE:
        return d_chisquare(g, a);
    case ND_DIST_NONCENTRAL_CHISQUARE:
        return d_noncentral_chisquare(g, a, b);
    case ND_DIST_F:
        return (d_chisquare(g, a) * b) / (d_chisquare(g, b) * a);
    case ND_DIST_NONCENTRAL_F: {
        double t = d_noncentral_chisquare(g, a, c) * b;
        return t / (d_chisquare(g, b) * a);
    }
    case ND_DIST_STANDARD_T:
        return d_standard_t(g, a);
    case ND_DIST_LAPLACE:
        for (;;) {
            double u = next_double(g);
            if (u >= 0.5)
                return a - b * log(2.0 - u - u);
            if (u > 0.0)
                return a + b * log(u + u);
        }
    case ND_DIST_LOGISTIC:
        for (;;) {
            double u = next_double(g);
            if (u > 0.0)
                return a + b * log(u / (1.0 - u));
        }
    case ND_DIST_LOGNORMAL:
        return exp(a + b * normal_zig(g));
    case ND_DIST_PARETO:
        return expm1(exp_zig(g) / a);
    case ND_DIST_POWER:
        return pow(-expm1(-exp_zig(g)), 1.0 / a);
    case ND_DIST_WEIBULL:
        return a == 0.0 ? 0.0 : pow(exp_zig(g), 1.0 / a);
    case ND_DIST_RAYLEIGH:
        return a * sqrt(2.0 * exp_zig(g));
    case ND_DIST_GUMBEL:
        for (;;) {
            double u = 1.0 - next_double(g);
            if (u < 1.0)
                return a - b * log(-log(u));
        }
    case ND_DIST_WALD:
        return d_wald(g, a, b);
    case ND_DIST_VONMISES:
        return d_vonmises(g, a, b);
    case ND_DIST_TRIANGULAR:
        return d_triangular(g, a, b, c);
    default:
        return 0.0;
    }
}

static inline int64_t draw_int(NdPCG64 *g, NdDist d, double a, double b,
                               double c)
{
    switch (d) {
    case ND_DIST_POISSON:
        return nd_random_poisson(g, a);
    case ND_DIST_BINOMIAL:
        return nd_random_binomial(g, (int64_t)a, b);
    case ND_DIST_NEGATIVE_BINOMIAL: {
        double y = nd_random_standard_gamma(g, a) * ((1 - b) / b);
        return nd_random_poisson(g, y);
    }
    case ND_DIST_GEOMETRIC:
        return d_geometric(g, a);
    case ND_DIST_ZIPF:
        return d_zipf(g, a);
    case ND_DIST_LOGSERIES:
        return d_logseries(g, a);
    case ND_DIST_HYPERGEOMETRIC:
        return d_hypergeometric(g, (int64_t)a, (int64_t)b, (int64_t)c);
    default:
        return 0;
    }
}

/* Checks beyond single parameters (triangular, hypergeometric, negative
 * binomial's Poisson mean) on one set of values. */
static int check_joint(NdDist d, double a, double b, double c, bool scalar)
{
    if (d == ND_DIST_TRIANGULAR) {
        if (a > b)
            return nd_error(ND_ERR_VALUE, "left > mode");
        if (b > c)
            return nd_error(ND_ERR_VALUE, "mode > right");
        if (a == c)
            return nd_error(ND_ERR_VALUE, "left == right");
    } else if (d == ND_DIST_HYPERGEOMETRIC) {
        if (a + b < c)
            return nd_error(ND_ERR_VALUE, "ngood + nbad < nsample");
        if (a >= 1e9 || b >= 1e9 || a + b > 1e9)
            return nd_error(ND_ERR_VALUE,
                            "ngood + nbad >= 1000000000 is not supported");
    } else if (d == ND_DIST_UNIFORM) {
        /* NumPy's scalar and array paths word it differently */
        if (!isfinite(b - a))
            return nd_error(ND_ERR_OVERFLOW,
                            scalar ? "high - low range exceeds valid bounds"
                                   : "Range exceeds valid bounds");
    }
    return 0;
}

/* "(2, 3)", "(3,)", "()" */
static void shape_text(char *buf, size_t n, int ndim, const int64_t *shape)
{
    size_t len = (size_t)snprintf(buf, n, "(");
    for (int i = 0; i < ndim && len < n; i++)
        len += (size_t)snprintf(buf + len, n - len, i ? ", %lld" : "%lld",
                                (long long)shape[i]);
    if (len < n)
        snprintf(buf + len, n - len, ndim == 1 ? ",)" : ")");
}

NdArray *nd_random_dist(NdPCG64 *g, NdDist d, NdArray *const *params,
                        int size_ndim, const int64_t *size, NdType dtype)
{
    if (d < 0 || d >= ND_DIST_COUNT) {
        nd_error(ND_ERR_VALUE, "unknown distribution");
        return NULL;
    }
    zig_ready();
    const DistInfo *di = &dists[d];
    int np = di->np;
    bool all0 = true;
    for (int k = 0; k < np; k++)
        if (params[k]->ndim)
            all0 = false;
    /* The result shape. */
    int ndim;
    int64_t shape[ND_MAXDIMS];
    if (size_ndim >= 0) {
        ndim = size_ndim;
        memcpy(shape, size, (size_t)ndim * sizeof *shape);
    } else if (np == 0) {
        ndim = 0;
    } else if (nd_broadcast_shapes(np, params, &ndim, shape) < 0)
        return NULL;
    /* With size, each parameter must broadcast with it, and the whole
     * broadcast must be size itself (NumPy's two texts). */
    for (int k = 0; k < np && size_ndim >= 0; k++) {
        NdArray *p = params[k];
        bool ok = true;
        for (int j = 0; ok && j < p->ndim && j < ndim; j++) {
            int64_t e = p->shape[p->ndim - 1 - j], s = shape[ndim - 1 - j];
            ok = e == 1 || s == 1 || e == s;
        }
        if (!ok) {
            char a[256], b[256];
            shape_text(a, sizeof a, ndim, shape);
            shape_text(b, sizeof b, p->ndim, p->shape);
            nd_error(ND_ERR_VALUE,
                     "shape mismatch: objects cannot be broadcast to a single "
                     "shape.  Mismatch is between arg 0 with shape %s and "
                     "arg %d with shape %s.",
                     a, k + 1, b);
            return NULL;
        }
    }
    if (size_ndim >= 0 && np > 0) {
        int bnd = ndim;
        int64_t bshape[ND_MAXDIMS];
        memcpy(bshape, shape, (size_t)ndim * sizeof *shape);
        for (int k = 0; k < np; k++) {
            NdArray *p = params[k];
            if (p->ndim > ND_MAXDIMS) {
                nd_error(ND_ERR_VALUE, "too many dimensions");
                return NULL;
            }
            if (p->ndim > bnd) {
                int add = p->ndim - bnd;
                memmove(bshape + add, bshape, (size_t)bnd * sizeof *bshape);
                for (int j = 0; j < add; j++)
                    bshape[j] = 1;
                bnd = p->ndim;
            }
            for (int j = 0; j < p->ndim; j++) {
                int64_t *s = &bshape[bnd - 1 - j];
                int64_t e = p->shape[p->ndim - 1 - j];
                if (*s == 1)
                    *s = e;
            }
        }
        bool same = bnd == ndim;
        for (int j = 0; same && j < ndim; j++)
            same = bshape[j] == shape[j];
        if (!same) {
            char a[256], b[256];
            shape_text(a, sizeof a, ndim, shape);
            shape_text(b, sizeof b, bnd, bshape);
            nd_error(ND_ERR_VALUE,
                     "Output size %s is not compatible with broadcast "
                     "dimensions of inputs %s.",
                     a, b);
            return NULL;
        }
    }
    /* Parameters as contiguous float64 of the result's shape, or one
     * value each when all are 0-d (no copies in the common case). */
    NdArray *pa[3] = {NULL, NULL, NULL};
    const double *pd[3] = {NULL, NULL, NULL};
    double pv[3] = {0, 0, 0};
    NdArray *out = NULL;
    for (int k = 0; k < np; k++) {
        NdArray *p = params[k];
        if (p->dtype != ND_FLOAT64) {
            nd_error(ND_ERR_TYPE, "%s: parameters must be float64", di->name);
            goto fail;
        }
        /* NumPy checks every given value, before any broadcasting. */
        NdArray *c = nd_ascontiguousarray(p);
        if (!c)
            goto fail;
        const double *v = (const double *)c->data;
        for (int64_t i = 0; i < c->size; i++)
            if (check_one(v[i], di->pname[k], di->cons[k], p->ndim == 0) < 0) {
                nd_decref(c);
                goto fail;
            }
        if (all0) {
            pv[k] = v[0];
            nd_decref(c);
            continue;
        }
        NdArray *b = nd_broadcast_to(c, ndim, shape);
        nd_decref(c);
        if (!b)
            goto fail;
        pa[k] = nd_copy(b, 'C');
        nd_decref(b);
        if (!pa[k])
            goto fail;
        pd[k] = (const double *)pa[k]->data;
    }
    NdType rt = di->discrete ? ND_INT64 : dtype;
    out = nd_empty(rt, ndim, shape, 'C');
    if (!out)
        goto fail;
    int64_t n = out->size;
    if (all0 && check_joint(d, pv[0], pv[1], pv[2], true) < 0)
        goto fail;
    if (!all0)
        for (int64_t i = 0; i < n; i++)
            if (check_joint(d, np > 0 ? pd[0][i] : 0, np > 1 ? pd[1][i] : 0,
                            np > 2 ? pd[2][i] : 0, false) < 0)
                goto fail;
    if (di->discrete) {
        int64_t *o = (int64_t *)out->data;
        for (int64_t i = 0; i < n; i++) {
            if (!all0)
                for (int k = 0; k < np; k++)
                    pv[k] = pd[k][i];
            o[i] = draw_int(g, d, pv[0], pv[1], pv[2]);
        }
    } else if (rt == ND_FLOAT32) {
        float *o = (float *)out->data;
        if (d == ND_DIST_RANDOM)
            for (int64_t i = 0; i < n; i++)
                o[i] = nd_pcg64_next_float(g);
        else if (d == ND_DIST_STANDARD_NORMAL)
            for (int64_t i = 0; i < n; i++)
                o[i] = normal_zigf(g);
        else if (d == ND_DIST_STANDARD_EXPONENTIAL)
            for (int64_t i = 0; i < n; i++)
                o[i] = exp_zigf(g);
        else if (d == ND_DIST_STANDARD_EXPONENTIAL_INV)
            /* NumPy's -log(1 - next_float) in float */
            for (int64_t i = 0; i < n; i++)
                o[i] = -logf(1.0f - next_float(g));
        else if (d == ND_DIST_STANDARD_GAMMA)
            for (int64_t i = 0; i < n; i++) {
                if (!all0)
                    pv[0] = pd[0][i];
                o[i] = standard_gammaf(g, (float)pv[0]);
            }
        else
            for (int64_t i = 0; i < n; i++) {
                if (!all0)
                    for (int k = 0; k < np; k++)
                        pv[k] = pd[k][i];
                o[i] = (float)draw(g, d, pv[0], pv[1], pv[2]);
            }
    } else {
        double *o = (double *)out->data;
        if (all0) {
            /* Tight loops for the common samplers. */
            switch (d) {
            /* A local copy of the generator: its state then stays in
             * registers through the loop. */
            case ND_DIST_RANDOM: {
                NdPCG64 s = *g;
                for (int64_t i = 0; i < n; i++)
                    o[i] = next_double(&s);
                *g = s;
                break;
            }
            case ND_DIST_STANDARD_NORMAL: {
                NdPCG64 s = *g;
                for (int64_t i = 0; i < n; i++)
                    o[i] = normal_zig(&s);
                *g = s;
                break;
            }
            case ND_DIST_STANDARD_EXPONENTIAL: {
                NdPCG64 s = *g;
                for (int64_t i = 0; i < n; i++)
                    o[i] = exp_zig(&s);
                *g = s;
                break;
            }
            case ND_DIST_EXPONENTIAL: {
                NdPCG64 s = *g;
                for (int64_t i = 0; i < n; i++)
                    o[i] = pv[0] * exp_zig(&s);
                *g = s;
                break;
            }
            default:
                for (int64_t i = 0; i < n; i++)
                    o[i] = draw(g, d, pv[0], pv[1], pv[2]);
            }
        } else {
            for (int64_t i = 0; i < n; i++) {
                for (int k = 0; k < np; k++)
                    pv[k] = pd[k][i];
                o[i] = draw(g, d, pv[0], pv[1], pv[2]);
            }
        }
    }
    for (int k = 0; k < np; k++)
        if (pa[k])
            nd_decref(pa[k]);
    return out;
fail:
    for (int k = 0; k < np; k++)
        if (pa[k])
            nd_decref(pa[k]);
    if (out)
        nd_decref(out);
    return NULL;
}
