/* test_fft.c — Check suite of lib/fft.c (numpy.fft on FFTW3).  Results are
 * checked against a plain O(n^2) DFT summed in long double, and by the
 * identities of the DFT: round trips (ifft(fft(x)) == x, irfft(rfft(x), n)
 * == x for even and odd n), Parseval with norm="ortho", the transforms of
 * a delta, a constant and a pure cosine, linearity, the shift theorem,
 * fft2 == two 1-d passes, rfft == the first half of fft; fftfreq and
 * fftshift against NumPy's documented examples; float32 precision and
 * dtypes; N-d transforms over chosen axes of non-contiguous views; every
 * error text; the plan cache, Ctrl-C and concurrent callers. */
#include <math.h>
#include <pthread.h>

#include "testutil.h"

/* ------------------------------------------------------------ helpers */

static const double PI = 3.14159265358979323846;

/* A C-contiguous complex128 copy of a (malloc'd) for comparisons. */
static nd_complex128 *as_c128(NdArray *a)
{
    NdArray *c = nd_astype(a, ND_COMPLEX128, ND_CAST_UNSAFE, true);
    ck_assert_ptr_nonnull(c);
    NdArray *d = nd_copy(c, 'C');
    ck_assert_ptr_nonnull(d);
    nd_decref(c);
    nd_complex128 *v = malloc((size_t)(d->size ? d->size : 1) * sizeof *v);
    ck_assert_ptr_nonnull(v);
    memcpy(v, d->data, (size_t)d->size * sizeof *v);
    nd_decref(d);
    return v;
}

/* Largest |x - y| over two arrays of one shape, relative to max |y|. */
static double rel_diff(NdArray *x, NdArray *y)
{
    ck_assert_int_eq(x->ndim, y->ndim);
    for (int i = 0; i < x->ndim; i++)
        ck_assert_int_eq(x->shape[i], y->shape[i]);
    nd_complex128 *a = as_c128(x), *b = as_c128(y);
    double m = 0, s = 0;
    for (int64_t i = 0; i < x->size; i++) {
        double d = hypot(a[i].re - b[i].re, a[i].im - b[i].im);
        if (!(d <= m))
            m = d;
        double t = hypot(b[i].re, b[i].im);
        if (t > s)
            s = t;
    }
    free(a);
    free(b);
    return m / (s > 1 ? s : 1);
}

/* Deterministic pseudo-random numbers in [-1, 1). */
static uint64_t rng_state = 12345;
static double rnd(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (double)(rng_state >> 11) / 9007199254740992.0 * 2 - 1;
}

static NdArray *rand_real(int ndim, const int64_t *shape)
{
    NdArray *a = nd_empty(ND_FLOAT64, ndim, shape, 'C');
    ck_assert_ptr_nonnull(a);
    double *p = (double *)(void *)a->data;
    for (int64_t i = 0; i < a->size; i++)
        p[i] = rnd();
    return a;
}

static NdArray *rand_complex(int ndim, const int64_t *shape)
{
    NdArray *a = nd_empty(ND_COMPLEX128, ndim, shape, 'C');
    ck_assert_ptr_nonnull(a);
    nd_complex128 *p = (nd_complex128 *)(void *)a->data;
    for (int64_t i = 0; i < a->size; i++) {
        p[i].re = rnd();
        p[i].im = rnd();
    }
    return a;
}

/* The plain DFT of a 1-d array (sign -1 forward, +1 inverse, unscaled). */
static NdArray *naive_dft(NdArray *x, int sign)
{
    nd_complex128 *v = as_c128(x);
    int64_t n = x->shape[0];
    NdArray *r = nd_empty(ND_COMPLEX128, 1, &n, 'C');
    ck_assert_ptr_nonnull(r);
    nd_complex128 *o = (nd_complex128 *)(void *)r->data;
    for (int64_t k = 0; k < n; k++) {
        long double re = 0, im = 0;
        for (int64_t m = 0; m < n; m++) {
            long double a = sign * 2 * (long double)PI *
                            (long double)((k * m) % n) / (long double)n;
            long double c = cosl(a), s = sinl(a);
            re += v[m].re * c - v[m].im * s;
            im += v[m].re * s + v[m].im * c;
        }
        o[k].re = (double)re;
        o[k].im = (double)im;
    }
    free(v);
    return r;
}

static NdArray *scaled(NdArray *a, double f)
{
    NdScalar s = nd_scalar_float64(f);
    NdArray *fa = nd_from_scalar(&s);
    NdArray *r = nd_binary(ND_UF_MULTIPLY, a, fa);
    nd_decref(fa);
    ck_assert_ptr_nonnull(r);
    return r;
}

/* nd_fft1 that must succeed. */
static NdArray *FFT1(NdFftFunc f, NdArray *a, int64_t n, int64_t axis,
                     const char *norm)
{
    NdArray *r = nd_fft1(f, a, n, axis, norm);
    if (!r)
        ck_abort_msg("%s", nd_error_message());
    return r;
}

/* ---------------------------------------------------- against the DFT */

START_TEST(test_against_naive_dft)
{
    const int64_t sizes[] = {1,  2,  3,  4,  5,  7,   8,   12,
                             16, 17, 31, 64, 97, 360, 1009};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int64_t n = sizes[i];
        NdArray *x = rand_complex(1, &n);
        NdArray *f = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, NULL);
        NdArray *want = naive_dft(x, -1);
        ck_assert_msg(rel_diff(f, want) < 1e-12, "fft n=%lld", (long long)n);
        ck_assert_int_eq(f->dtype, ND_COMPLEX128);
        NdArray *fi = FFT1(ND_FFT_IFFT, x, ND_FFT_DEFAULT, -1, NULL);
        NdArray *wi0 = naive_dft(x, 1);
        NdArray *wi = scaled(wi0, 1.0 / (double)n);
        ck_assert_msg(rel_diff(fi, wi) < 1e-12, "ifft n=%lld", (long long)n);
        nd_decref(x);
        nd_decref(f);
        nd_decref(want);
        nd_decref(fi);
        nd_decref(wi0);
        nd_decref(wi);
    }
}
END_TEST

START_TEST(test_large_prime_and_pow2)
{
    /* 10007 is prime (FFTW: Rader); 2^16 goes through large plans */
    const int64_t sizes[] = {10007, 65536};
    for (size_t i = 0; i < 2; i++) {
        int64_t n = sizes[i];
        NdArray *x = rand_complex(1, &n);
        NdArray *f = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, 0, NULL);
        NdArray *b = FFT1(ND_FFT_IFFT, f, ND_FFT_DEFAULT, 0, NULL);
        ck_assert(rel_diff(b, x) < 1e-12);
        /* spot-check a few bins against the direct sum */
        nd_complex128 *v = as_c128(x), *F = as_c128(f);
        for (int64_t k = 0; k < n; k += n / 7 + 1) {
            long double re = 0, im = 0;
            for (int64_t m = 0; m < n; m++) {
                long double a = -2 * (long double)PI *
                                (long double)((k * m) % n) / (long double)n;
                re += v[m].re * cosl(a) - v[m].im * sinl(a);
                im += v[m].re * sinl(a) + v[m].im * cosl(a);
            }
            ck_assert(fabs(F[k].re - (double)re) < 1e-9 * (double)n);
            ck_assert(fabs(F[k].im - (double)im) < 1e-9 * (double)n);
        }
        free(v);
        free(F);
        nd_decref(x);
        nd_decref(f);
        nd_decref(b);
    }
}
END_TEST

/* ------------------------------------------------------- identities */

START_TEST(test_round_trips)
{
    for (int64_t n = 1; n <= 40; n++) {
        NdArray *x = rand_complex(1, &n);
        NdArray *f = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, NULL);
        NdArray *b = FFT1(ND_FFT_IFFT, f, ND_FFT_DEFAULT, -1, NULL);
        ck_assert(rel_diff(b, x) < 1e-13);
        NdArray *xr = rand_real(1, &n);
        NdArray *rf = FFT1(ND_FFT_RFFT, xr, ND_FFT_DEFAULT, -1, NULL);
        ck_assert_int_eq(rf->shape[0], n / 2 + 1);
        NdArray *rb = FFT1(ND_FFT_IRFFT, rf, n, -1, NULL);
        ck_assert_int_eq(rb->dtype, ND_FLOAT64);
        ck_assert(rel_diff(rb, xr) < 1e-13);
        nd_decref(x);
        nd_decref(f);
        nd_decref(b);
        nd_decref(xr);
        nd_decref(rf);
        nd_decref(rb);
    }
    /* long even lengths take the half-length real route */
    const int64_t big[] = {4096, 8192, 12288, 4098};
    for (int i = 0; i < 4; i++) {
        int64_t shape[2] = {3, big[i]};
        NdArray *xr = rand_real(2, shape);
        NdArray *rf = FFT1(ND_FFT_RFFT, xr, ND_FFT_DEFAULT, 1, NULL);
        NdArray *full = FFT1(ND_FFT_FFT, xr, ND_FFT_DEFAULT, 1, NULL);
        /* rfft is the first half of fft */
        NdArray *half = nd_view_new(full->buffer, full->dtype, 2,
                                    (int64_t[]){3, big[i] / 2 + 1},
                                    full->strides, full->data, false);
        ck_assert(rel_diff(rf, half) < 1e-13);
        NdArray *rb = FFT1(ND_FFT_IRFFT, rf, big[i], 1, NULL);
        ck_assert(rel_diff(rb, xr) < 1e-13);
        nd_decref(xr);
        nd_decref(rf);
        nd_decref(full);
        nd_decref(half);
        nd_decref(rb);
    }
}
END_TEST

START_TEST(test_rfft_is_half_of_fft)
{
    const int64_t sizes[] = {1, 2, 5, 6, 9, 30, 31, 60, 1000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int64_t n = sizes[i];
        NdArray *x = rand_real(1, &n);
        const char *norms[] = {NULL, "backward", "ortho", "forward"};
        for (int j = 0; j < 4; j++) {
            NdArray *r = FFT1(ND_FFT_RFFT, x, ND_FFT_DEFAULT, 0, norms[j]);
            NdArray *f = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, 0, norms[j]);
            int64_t m = n / 2 + 1;
            NdArray *h = nd_view_new(f->buffer, f->dtype, 1, &m, f->strides,
                                     f->data, false);
            ck_assert(rel_diff(r, h) < 1e-13);
            nd_decref(r);
            nd_decref(f);
            nd_decref(h);
        }
        nd_decref(x);
    }
}
END_TEST

START_TEST(test_parseval_ortho)
{
    int64_t n = 257;
    NdArray *x = rand_complex(1, &n);
    NdArray *f = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, "ortho");
    nd_complex128 *a = as_c128(x), *b = as_c128(f);
    double ex = 0, ef = 0;
    for (int64_t i = 0; i < n; i++) {
        ex += a[i].re * a[i].re + a[i].im * a[i].im;
        ef += b[i].re * b[i].re + b[i].im * b[i].im;
    }
    ck_assert(fabs(ex - ef) < 1e-12 * ex);
    /* ortho both ways is the identity */
    NdArray *back = FFT1(ND_FFT_IFFT, f, ND_FFT_DEFAULT, -1, "ortho");
    ck_assert(rel_diff(back, x) < 1e-13);
    free(a);
    free(b);
    nd_decref(x);
    nd_decref(f);
    nd_decref(back);
}
END_TEST

START_TEST(test_norm_factors)
{
    int64_t n = 30;
    NdArray *x = rand_complex(1, &n);
    NdArray *f = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, NULL);
    NdArray *fo = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, "ortho");
    NdArray *ff = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, "forward");
    NdArray *e1 = scaled(f, 1 / sqrt(30.0)), *e2 = scaled(f, 1 / 30.0);
    ck_assert(rel_diff(fo, e1) < 1e-14);
    ck_assert(rel_diff(ff, e2) < 1e-14);
    /* ifft with "forward" is unscaled: n times the default */
    NdArray *i1 = FFT1(ND_FFT_IFFT, x, ND_FFT_DEFAULT, -1, NULL);
    NdArray *i2 = FFT1(ND_FFT_IFFT, x, ND_FFT_DEFAULT, -1, "forward");
    NdArray *e3 = scaled(i1, 30.0);
    ck_assert(rel_diff(i2, e3) < 1e-14);
    NdArray *objs[] = {x, f, fo, ff, e1, e2, i1, i2, e3};
    for (int i = 0; i < 9; i++)
        nd_decref(objs[i]);
}
END_TEST

START_TEST(test_delta_constant_cosine)
{
    int64_t n = 16;
    NdArray *d = nd_zeros(ND_FLOAT64, 1, &n, 'C');
    ((double *)(void *)d->data)[0] = 1;
    NdArray *fd = FFT1(ND_FFT_FFT, d, ND_FFT_DEFAULT, -1, NULL);
    NdArray *one = nd_ones(ND_COMPLEX128, 1, &n, 'C');
    ck_assert(rel_diff(fd, one) < 1e-15); /* delta -> all ones */
    NdArray *fc = FFT1(ND_FFT_FFT, one, ND_FFT_DEFAULT, -1, NULL);
    nd_complex128 *c = as_c128(fc);
    ck_assert(fabs(c[0].re - 16) < 1e-13 && fabs(c[0].im) < 1e-13);
    for (int k = 1; k < 16; k++)
        ck_assert(hypot(c[k].re, c[k].im) < 1e-13); /* constant -> n at 0 */
    free(c);
    /* cos(2 pi 3 m / n) -> n/2 at bins 3 and n-3 */
    NdArray *cs = nd_empty(ND_FLOAT64, 1, &n, 'C');
    for (int m = 0; m < 16; m++)
        ((double *)(void *)cs->data)[m] = cos(2 * PI * 3 * m / 16);
    NdArray *fcs = FFT1(ND_FFT_RFFT, cs, ND_FFT_DEFAULT, -1, NULL);
    c = as_c128(fcs);
    for (int k = 0; k <= 8; k++) {
        double want = k == 3 ? 8 : 0;
        ck_assert(fabs(c[k].re - want) < 1e-13 && fabs(c[k].im) < 1e-13);
    }
    free(c);
    NdArray *objs[] = {d, fd, one, fc, cs, fcs};
    for (int i = 0; i < 6; i++)
        nd_decref(objs[i]);
}
END_TEST

START_TEST(test_linearity_and_shift)
{
    int64_t n = 24;
    NdArray *x = rand_complex(1, &n), *y = rand_complex(1, &n);
    NdArray *x2 = scaled(x, 2.5), *y3 = scaled(y, -0.75);
    NdArray *sum = nd_binary(ND_UF_ADD, x2, y3);
    NdArray *fs = FFT1(ND_FFT_FFT, sum, ND_FFT_DEFAULT, -1, NULL);
    NdArray *fx = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, NULL);
    NdArray *fy = FFT1(ND_FFT_FFT, y, ND_FFT_DEFAULT, -1, NULL);
    NdArray *a = scaled(fx, 2.5), *b = scaled(fy, -0.75);
    NdArray *want = nd_binary(ND_UF_ADD, a, b);
    ck_assert(rel_diff(fs, want) < 1e-13);
    /* shift theorem: fft(roll(x, s))[k] = fft(x)[k] exp(-2 pi i k s / n) */
    int64_t s = 5, ax = 0;
    NdArray *rx = nd_roll(x, &s, 1, &ax, 1);
    NdArray *fr = FFT1(ND_FFT_FFT, rx, ND_FFT_DEFAULT, -1, NULL);
    nd_complex128 *F = as_c128(fx), *R = as_c128(fr);
    for (int64_t k = 0; k < n; k++) {
        double ang = -2 * PI * (double)(k * s) / (double)n;
        double re = F[k].re * cos(ang) - F[k].im * sin(ang);
        double im = F[k].re * sin(ang) + F[k].im * cos(ang);
        ck_assert(fabs(R[k].re - re) < 1e-12 && fabs(R[k].im - im) < 1e-12);
    }
    free(F);
    free(R);
    NdArray *objs[] = {x, y, x2, y3, sum, fs, fx, fy, a, b, want, rx, fr};
    for (int i = 0; i < 13; i++)
        nd_decref(objs[i]);
}
END_TEST

/* fft along one axis of a 2-d array, column by column through the 1-d
 * transform of copies. */
static NdArray *fft_by_lines(NdArray *a, int axis)
{
    NdArray *r = nd_empty(ND_COMPLEX128, 2, a->shape, 'C');
    int other = 1 - axis;
    for (int64_t j = 0; j < a->shape[other]; j++) {
        int64_t n = a->shape[axis];
        NdArray *line =
            nd_view_new(a->buffer, a->dtype, 1, &n, &a->strides[axis],
                        a->data + j * a->strides[other], false);
        NdArray *c = nd_copy(line, 'C');
        NdArray *f = FFT1(ND_FFT_FFT, c, ND_FFT_DEFAULT, 0, NULL);
        NdArray *dst =
            nd_view_new(r->buffer, r->dtype, 1, &n, &r->strides[axis],
                        r->data + j * r->strides[other], true);
        ck_assert_int_eq(nd_copyto(dst, f, ND_CAST_SAME_KIND), 0);
        nd_decref(line);
        nd_decref(c);
        nd_decref(f);
        nd_decref(dst);
    }
    return r;
}

START_TEST(test_fft2_is_two_passes)
{
    /* small (one 2-d plan) and large (split into buffered passes) */
    const int64_t shapes[][2] = {{6, 10}, {300, 257}};
    for (int t = 0; t < 2; t++) {
        NdArray *x = rand_complex(2, shapes[t]);
        NdArray *p1 = fft_by_lines(x, 1);
        NdArray *p2 = fft_by_lines(p1, 0);
        NdArray *f2 =
            nd_fftn(ND_FFT_FFT, x, NULL, -1, (int64_t[]){-2, -1}, 2, NULL);
        ck_assert_ptr_nonnull(f2);
        ck_assert(rel_diff(f2, p2) < 1e-12);
        /* a transposed (non-contiguous) input: axis 0 of x.T is axis 1 */
        NdArray *xt = nd_transpose(x, NULL, 0);
        NdArray *ft = FFT1(ND_FFT_FFT, xt, ND_FFT_DEFAULT, 0, NULL);
        NdArray *p1t = nd_transpose(p1, NULL, 0);
        ck_assert(rel_diff(ft, p1t) < 1e-12);
        NdArray *objs[] = {x, p1, p2, f2, xt, ft, p1t};
        for (int i = 0; i < 7; i++)
            nd_decref(objs[i]);
    }
}
END_TEST

START_TEST(test_fftn_axes_and_views)
{
    int64_t shape[3] = {4, 6, 5};
    NdArray *x = rand_complex(3, shape);
    /* fftn over (0, 2) == fft along 2, then along 0 */
    NdArray *a = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, 2, NULL);
    NdArray *b = FFT1(ND_FFT_FFT, a, ND_FFT_DEFAULT, 0, NULL);
    NdArray *n = nd_fftn(ND_FFT_FFT, x, NULL, -1, (int64_t[]){0, 2}, 2, NULL);
    ck_assert_ptr_nonnull(n);
    ck_assert(rel_diff(n, b) < 1e-13);
    /* s crops axis 0 to 3 and pads axis 2 to 8 */
    NdArray *c = FFT1(ND_FFT_FFT, x, 8, 2, NULL);
    NdArray *d = FFT1(ND_FFT_FFT, c, 3, 0, NULL);
    NdArray *ns = nd_fftn(ND_FFT_FFT, x, (int64_t[]){3, 8}, 2,
                          (int64_t[]){0, 2}, 2, NULL);
    ck_assert_ptr_nonnull(ns);
    ck_assert_int_eq(ns->shape[0], 3);
    ck_assert_int_eq(ns->shape[2], 8);
    ck_assert(rel_diff(ns, d) < 1e-13);
    /* -1 in s keeps the input's length */
    NdArray *nm = nd_fftn(ND_FFT_FFT, x, (int64_t[]){-1, 8}, 2,
                          (int64_t[]){0, 2}, 2, NULL);
    ck_assert_int_eq(nm->shape[0], 4);
    /* a reversed, strided view gives what its copy gives */
    int64_t vshape[3] = {4, 3, 5}, vstr[3];
    vstr[0] = -x->strides[0];
    vstr[1] = 2 * x->strides[1];
    vstr[2] = x->strides[2];
    NdArray *v = nd_view_new(x->buffer, x->dtype, 3, vshape, vstr,
                             x->data + 3 * x->strides[0], false);
    NdArray *vc = nd_copy(v, 'C');
    for (int ax = 0; ax < 3; ax++) {
        NdArray *f1 = FFT1(ND_FFT_FFT, v, ND_FFT_DEFAULT, ax, NULL);
        NdArray *f2 = FFT1(ND_FFT_FFT, vc, ND_FFT_DEFAULT, ax, NULL);
        ck_assert(rel_diff(f1, f2) < 1e-14);
        nd_decref(f1);
        nd_decref(f2);
    }
    /* rfftn / irfftn round trip over two axes, odd last length */
    NdArray *xr = rand_real(3, shape);
    NdArray *R = nd_fftn(ND_FFT_RFFT, xr, NULL, -1, (int64_t[]){2, 1}, 2, NULL);
    ck_assert_int_eq(R->shape[1], 4); /* 6 // 2 + 1 on the last axis (1) */
    NdArray *back = nd_fftn(ND_FFT_IRFFT, R, (int64_t[]){5, 6}, 2,
                            (int64_t[]){2, 1}, 2, NULL);
    ck_assert_ptr_nonnull(back);
    ck_assert(rel_diff(back, xr) < 1e-13);
    /* repeated axes transform twice: fft twice along one axis of length
     * m is m times the reversal */
    NdArray *tw = nd_fftn(ND_FFT_FFT, x, NULL, -1, (int64_t[]){1, 1}, 2, NULL);
    nd_complex128 *T = as_c128(tw), *X = as_c128(x);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 6; j++)
            for (int k = 0; k < 5; k++) {
                nd_complex128 t = T[(i * 6 + j) * 5 + k];
                nd_complex128 o = X[(i * 6 + (6 - j) % 6) * 5 + k];
                ck_assert(fabs(t.re - 6 * o.re) < 1e-12 &&
                          fabs(t.im - 6 * o.im) < 1e-12);
            }
    free(T);
    free(X);
    NdArray *objs[] = {x, a, b, n, c, d, ns, nm, v, vc, xr, R, back, tw};
    for (int i = 0; i < 14; i++)
        nd_decref(objs[i]);
}
END_TEST

START_TEST(test_fortran_layout_kept)
{
    int64_t shape[2] = {5, 7};
    NdArray *x = rand_complex(2, shape);
    NdArray *xf = nd_asfortranarray(x);
    NdArray *r = FFT1(ND_FFT_FFT, xf, 9, 0, NULL);
    ck_assert(r->flags & ND_F_CONTIGUOUS);
    NdArray *rc = FFT1(ND_FFT_FFT, x, 9, 0, NULL);
    ck_assert(rc->flags & ND_C_CONTIGUOUS);
    ck_assert(rel_diff(r, rc) < 1e-14);
    nd_decref(x);
    nd_decref(xf);
    nd_decref(r);
    nd_decref(rc);
}
END_TEST

START_TEST(test_hfft_ihfft)
{
    /* NumPy's example: hfft of the first half of [1, 2, 3, 4, 3, 2] */
    NdArray *s = ARR(ND_INT64, int64_t, SHAPE(4), 1, 1, 2, 3, 4);
    NdArray *h = FFT1(ND_FFT_HFFT, s, ND_FFT_DEFAULT, -1, NULL);
    NdArray *want = ARR(ND_FLOAT64, double, SHAPE(6), 1, 15, -4, 0, -1, 0, -4);
    ck_assert_int_eq(h->dtype, ND_FLOAT64);
    ck_assert(rel_diff(h, want) < 1e-14);
    NdArray *ih = FFT1(ND_FFT_IHFFT, h, ND_FFT_DEFAULT, -1, NULL);
    ck_assert(rel_diff(ih, s) < 1e-14);
    /* gh-25679: hfft with n larger than 2*(m-1) */
    NdArray *x = ARR(ND_COMPLEX128, nd_complex128, SHAPE(5), 1, {0, 0}, {1, 1},
                     {2, 2}, {3, 3}, {4, 4});
    NdArray *hx = FFT1(ND_FFT_HFFT, x, 10, -1, NULL);
    NdArray *wx = ARR(ND_FLOAT64, double, SHAPE(10), 1, 20., 9.91628173,
                      -11.8819096, 7.1048486, -6.62459848, 4., -3.37540152,
                      -0.16057669, 1.8819096, -20.86055364);
    ck_assert(rel_diff(hx, wx) < 1e-8);
    /* norm="forward" divides hfft by n */
    NdArray *hf = FFT1(ND_FFT_HFFT, s, ND_FFT_DEFAULT, -1, "forward");
    NdArray *w6 = scaled(want, 1 / 6.0);
    ck_assert(rel_diff(hf, w6) < 1e-14);
    NdArray *objs[] = {s, h, want, ih, x, hx, wx, hf, w6};
    for (int i = 0; i < 9; i++)
        nd_decref(objs[i]);
}
END_TEST

START_TEST(test_float32)
{
    int64_t n = 1000;
    NdArray *x = rand_real(1, &n);
    NdArray *x32 = nd_astype(x, ND_FLOAT32, ND_CAST_UNSAFE, true);
    NdArray *f32 = FFT1(ND_FFT_FFT, x32, ND_FFT_DEFAULT, -1, NULL);
    NdArray *f64 = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, NULL);
    ck_assert_int_eq(f32->dtype, ND_COMPLEX64);
    double e = rel_diff(f32, f64);
    ck_assert(e < 1e-5 && e > 1e-12); /* single precision, really */
    NdArray *r32 = FFT1(ND_FFT_RFFT, x32, ND_FFT_DEFAULT, -1, NULL);
    ck_assert_int_eq(r32->dtype, ND_COMPLEX64);
    NdArray *b32 = FFT1(ND_FFT_IRFFT, r32, n, -1, NULL);
    ck_assert_int_eq(b32->dtype, ND_FLOAT32);
    ck_assert(rel_diff(b32, x) < 1e-5);
    /* large even rfft in single precision (half-length route) */
    int64_t big = 1 << 14;
    NdArray *y = rand_real(1, &big);
    NdArray *y32 = nd_astype(y, ND_FLOAT32, ND_CAST_UNSAFE, true);
    NdArray *ry = FFT1(ND_FFT_RFFT, y32, ND_FFT_DEFAULT, -1, NULL);
    NdArray *ry64 = FFT1(ND_FFT_RFFT, y, ND_FFT_DEFAULT, -1, NULL);
    ck_assert_int_eq(ry->dtype, ND_COMPLEX64);
    ck_assert(rel_diff(ry, ry64) < 1e-5);
    /* integers and bools compute in double */
    NdArray *b = ARR(ND_BOOL, bool, SHAPE(3), 1, false, true, false);
    NdArray *fb = FFT1(ND_FFT_FFT, b, ND_FFT_DEFAULT, -1, NULL);
    ck_assert_int_eq(fb->dtype, ND_COMPLEX128);
    NdArray *ib = FFT1(ND_FFT_IRFFT, b, ND_FFT_DEFAULT, -1, NULL);
    ck_assert_int_eq(ib->dtype, ND_FLOAT64);
    NdArray *objs[] = {x, x32, f32, f64, r32, b32, y, y32, ry, ry64, b, fb, ib};
    for (int i = 0; i < 13; i++)
        nd_decref(objs[i]);
}
END_TEST

/* ------------------------------------------------------------ helpers */

static void check_doubles(NdArray *a, const double *want, int64_t n)
{
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->dtype, ND_FLOAT64);
    ck_assert_int_eq(a->size, n);
    NdArray *c = nd_copy(a, 'C');
    for (int64_t i = 0; i < n; i++)
        ck_assert(fabs(((double *)(void *)c->data)[i] - want[i]) < 1e-14);
    nd_decref(c);
}

START_TEST(test_fftfreq_fftshift_docs)
{
    /* NumPy's documented examples */
    NdArray *f = nd_fftfreq(8, 0.1);
    check_doubles(f, (double[]){0., 1.25, 2.5, 3.75, -5., -3.75, -2.5, -1.25},
                  8);
    nd_decref(f);
    f = nd_fftfreq(4, 1.0);
    check_doubles(f, (double[]){0., 0.25, -0.5, -0.25}, 4);
    nd_decref(f);
    f = nd_rfftfreq(8, 0.1);
    check_doubles(f, (double[]){0., 1.25, 2.5, 3.75, 5.}, 5);
    nd_decref(f);
    NdArray *fr = nd_fftfreq(10, 0.1);
    NdArray *sh = nd_fftshift(fr, NULL, -1, false);
    check_doubles(sh, (double[]){-5., -4., -3., -2., -1., 0., 1., 2., 3., 4.},
                  10);
    NdArray *back = nd_fftshift(sh, NULL, -1, true);
    check_doubles(back, (double[]){0., 1., 2., 3., 4., -5., -4., -3., -2., -1.},
                  10);
    NdArray *f9 = nd_fftfreq(9, 1. / 9);
    NdArray *g = nd_reshape(f9, 2, (int64_t[]){3, 3}, 'C');
    NdArray *s1 = nd_fftshift(g, (int64_t[]){1}, 1, false);
    check_doubles(s1, (double[]){2., 0., 1., -4., 3., 4., -1., -3., -2.}, 9);
    NdArray *s2 = nd_fftshift(g, NULL, -1, false);
    NdArray *s3 = nd_fftshift(s2, NULL, -1, true);
    check_doubles(s3, (double[]){0., 1., 2., 3., 4., -4., -3., -2., -1.}, 9);
    NdArray *objs[] = {fr, sh, back, f9, g, s1, s2, s3};
    for (int i = 0; i < 8; i++)
        nd_decref(objs[i]);
    /* errors as Python's arithmetic gives them */
    ck_assert_ptr_null(nd_fftfreq(0, 1.0));
    ck_assert_nd_error(ND_ERR_ZERO_DIVISION, "float division by zero");
    ck_assert_ptr_null(nd_fftfreq(-3, 1.0));
    ck_assert_nd_error(ND_ERR_VALUE, "negative dimensions are not allowed");
    NdArray *e = nd_rfftfreq(-3, 1.0);
    ck_assert_int_eq(e->size, 0);
    nd_decref(e);
}
END_TEST

/* -------------------------------------------------------------- errors */

START_TEST(test_errors)
{
    int64_t n = 8;
    NdArray *x = rand_real(1, &n);
    NdArray *c = rand_complex(1, &n);
    ck_assert_ptr_null(nd_fft1(ND_FFT_FFT, x, 0, -1, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Invalid number of FFT data points (0) specified.");
    ck_assert_ptr_null(nd_fft1(ND_FFT_IFFT, x, -2, -1, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Invalid number of FFT data points (-2) specified.");
    /* irfft of one point: n = 2*(1-1) = 0 */
    NdArray *one = nd_ones(ND_FLOAT64, 1, (int64_t[]){1}, 'C');
    ck_assert_ptr_null(nd_fft1(ND_FFT_IRFFT, one, ND_FFT_DEFAULT, -1, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Invalid number of FFT data points (0) specified.");
    /* the two texts of NumPy's norm checks */
    ck_assert_ptr_null(nd_fft1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, "x"));
    ck_assert_nd_error(ND_ERR_VALUE, "Invalid norm value x; should be "
                                     "\"backward\",\"ortho\" or \"forward\".");
    ck_assert_ptr_null(nd_fft1(ND_FFT_IFFT, x, ND_FFT_DEFAULT, -1, "x"));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Invalid norm value x; should be \"backward\", "
                       "\"ortho\" or \"forward\".");
    ck_assert_ptr_null(nd_fft1(ND_FFT_HFFT, x, ND_FFT_DEFAULT, -1, "bad"));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Invalid norm value bad; should be \"backward\", "
                       "\"ortho\" or \"forward\".");
    /* n is checked before the norm, as NumPy does */
    ck_assert_ptr_null(nd_fft1(ND_FFT_FFT, x, 0, -1, "x"));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Invalid number of FFT data points (0) specified.");
    /* axes: a plain index when n is the default, AxisError otherwise */
    ck_assert_ptr_null(nd_fft1(ND_FFT_FFT, x, ND_FFT_DEFAULT, 1, NULL));
    ck_assert_nd_error(ND_ERR_INDEX, "tuple index out of range");
    ck_assert_ptr_null(nd_fft1(ND_FFT_FFT, x, 4, 1, NULL));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 1 is out of bounds for array of dimension 1");
    ck_assert_ptr_null(nd_fft1(ND_FFT_RFFT, c, ND_FFT_DEFAULT, -1, NULL));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "ufunc 'rfft_n_even' not supported for the input "
                       "types, and the inputs could not be safely coerced "
                       "to any supported types according to the casting "
                       "rule ''safe''");
    ck_assert_ptr_null(nd_fft1(ND_FFT_IHFFT, c, 5, -1, NULL));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "ufunc 'rfft_n_odd' not supported for the input "
                       "types, and the inputs could not be safely coerced "
                       "to any supported types according to the casting "
                       "rule ''safe''");
    /* N-d */
    int64_t shape[2] = {3, 4};
    NdArray *m = rand_complex(2, shape);
    ck_assert_ptr_null(
        nd_fftn(ND_FFT_FFT, m, (int64_t[]){2, 2}, 2, (int64_t[]){0}, 1, NULL));
    ck_assert_nd_error(ND_ERR_VALUE, "Shape and axes have different lengths.");
    ck_assert_ptr_null(
        nd_fftn(ND_FFT_FFT, m, NULL, -1, (int64_t[]){5}, 1, NULL));
    ck_assert_nd_error(ND_ERR_INDEX,
                       "index 5 is out of bounds for axis 0 with size 2");
    ck_assert_ptr_null(nd_fftn(ND_FFT_FFT, m, (int64_t[]){2, 2}, 2,
                               (int64_t[]){0, 7}, 2, NULL));
    ck_assert_nd_error(ND_ERR_AXIS,
                       "axis 7 is out of bounds for array of dimension 2");
    ck_assert_ptr_null(nd_fftn(ND_FFT_FFT, m, (int64_t[]){3, 0}, 2,
                               (int64_t[]){0, 1}, 2, NULL));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Invalid number of FFT data points (0) specified.");
    ck_assert_ptr_null(nd_fftn(ND_FFT_RFFT, m, NULL, -1, NULL, -1, NULL));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "ufunc 'rfft_n_even' not supported for the input "
                       "types, and the inputs could not be safely coerced "
                       "to any supported types according to the casting "
                       "rule ''safe''");
    ck_assert_ptr_null(
        nd_fftn(ND_FFT_RFFT, x, NULL, -1, (int64_t[]){0}, 0, NULL));
    ck_assert_nd_error(ND_ERR_INDEX, "list index out of range");
    /* fftn over no axes is the input itself */
    NdArray *same = nd_fftn(ND_FFT_FFT, x, NULL, -1, (int64_t[]){0}, 0, NULL);
    ck_assert_ptr_eq(same, x);
    nd_decref(same);
    ck_assert_int_eq(nd_fft_set_planner("bogus"), -1);
    ck_assert_nd_error(ND_ERR_VALUE, "Invalid planner 'bogus'; should be "
                                     "\"estimate\" or \"measure\".");
    nd_decref(x);
    nd_decref(c);
    nd_decref(one);
    nd_decref(m);
}
END_TEST

/* ------------------------------------------------- plans and threads */

START_TEST(test_plan_cache)
{
    int64_t shape[2] = {7, 33};
    NdArray *x = rand_complex(2, shape);
    NdArray *r = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, 1, NULL);
    nd_decref(r);
    int64_t made = nd_fft_plans_created();
    for (int i = 0; i < 5; i++) {
        r = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, 1, NULL);
        nd_decref(r);
    }
    ck_assert_int_eq(nd_fft_plans_created(), made); /* all from the cache */
    ck_assert_int_ge(nd_fft_cache_size(), 1);
    nd_fft_cache_clear();
    ck_assert_int_eq(nd_fft_cache_size(), 0);
    ck_assert_int_ge(nd_fft_threads(), 1);
    /* measure plans give the same answers */
    ck_assert_int_eq(nd_fft_set_planner("measure"), 0);
    ck_assert_str_eq(nd_fft_planner(), "measure");
    NdArray *m = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, 1, NULL);
    ck_assert_int_eq(nd_fft_set_planner("estimate"), 0);
    NdArray *e = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, 1, NULL);
    ck_assert(rel_diff(m, e) < 1e-14);
    nd_decref(m);
    nd_decref(e);
    nd_decref(x);
}
END_TEST

START_TEST(test_interrupt)
{
    /* a long howmany loop (contiguous axis) and a buffered one (strided
     * axis) both stop between batches */
    int64_t shape[2] = {64, 65536};
    NdArray *x = nd_zeros(ND_COMPLEX128, 2, shape, 'C');
    ck_assert_ptr_nonnull(x);
    for (int ax = 0; ax < 2; ax++) {
        nd_interrupt_requested = 1;
        NdArray *r = nd_fft1(ND_FFT_FFT, x, ND_FFT_DEFAULT, ax, NULL);
        nd_interrupt_requested = 0;
        ck_assert_ptr_null(r);
        ck_assert_int_eq(nd_error_kind(), ND_ERR_INTERRUPT);
        nd_error_clear();
    }
    nd_decref(x);
}
END_TEST

typedef struct Job {
    NdArray *x, *want;
    int ok;
} Job;

static void *worker(void *p)
{
    Job *j = p;
    j->ok = 1;
    for (int i = 0; i < 20; i++) {
        NdArray *r = nd_fft1(ND_FFT_FFT, j->x, ND_FFT_DEFAULT, -1, NULL);
        if (!r || rel_diff(r, j->want) != 0)
            j->ok = 0;
        nd_decref(r);
    }
    return NULL;
}

START_TEST(test_concurrent_callers)
{
    /* Plans are made under a mutex; execution in parallel is safe.  Each
     * thread gets arrays of its own: array refcounts are not atomic, so
     * libnd's rule is one thread per array (views share their owner). */
    int64_t shape[2] = {80, 200};
    NdArray *x = rand_complex(2, shape);
    NdArray *want = FFT1(ND_FFT_FFT, x, ND_FFT_DEFAULT, -1, NULL);
    nd_fft_cache_clear();
    pthread_t t[6];
    Job jobs[6];
    for (int i = 0; i < 6; i++) {
        jobs[i] = (Job){nd_copy(x, 'C'), nd_copy(want, 'C'), 0};
        ck_assert(jobs[i].x && jobs[i].want);
    }
    for (int i = 0; i < 6; i++)
        pthread_create(&t[i], NULL, worker, &jobs[i]);
    for (int i = 0; i < 6; i++) {
        pthread_join(t[i], NULL);
        ck_assert(jobs[i].ok);
        nd_decref(jobs[i].x);
        nd_decref(jobs[i].want);
    }
    nd_decref(x);
    nd_decref(want);
}
END_TEST

static Suite *fft_suite(void)
{
    Suite *s = suite_create("fft");
    TCase *tc = tcase_create("fft");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_against_naive_dft);
    tcase_add_test(tc, test_large_prime_and_pow2);
    tcase_add_test(tc, test_round_trips);
    tcase_add_test(tc, test_rfft_is_half_of_fft);
    tcase_add_test(tc, test_parseval_ortho);
    tcase_add_test(tc, test_norm_factors);
    tcase_add_test(tc, test_delta_constant_cosine);
    tcase_add_test(tc, test_linearity_and_shift);
    tcase_add_test(tc, test_fft2_is_two_passes);
    tcase_add_test(tc, test_fftn_axes_and_views);
    tcase_add_test(tc, test_fortran_layout_kept);
    tcase_add_test(tc, test_hfft_ihfft);
    tcase_add_test(tc, test_float32);
    tcase_add_test(tc, test_fftfreq_fftshift_docs);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_plan_cache);
    tcase_add_test(tc, test_interrupt);
    tcase_add_test(tc, test_concurrent_callers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(fft_suite());
}
