/* fft.c — the builtin module `fft` (np.fft too): NumPy's numpy.fft
 * (lib/fft.c).  fft ifft rfft irfft hfft ihfft, the N-d forms fftn ifftn
 * rfftn irfftn and fft2 ifft2 rfft2 irfft2, the helpers fftfreq rfftfreq
 * fftshift ifftshift, and nd's own set_planner.  This file only converts
 * arguments (n, axis, s, axes, norm, out) and hands them to libnd, which
 * applies NumPy's rules and raises its errors in NumPy's order; `out=`
 * receives a copy of the result (same-kind cast).  registry.c makes the
 * module from ns_fft. */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ops.h"

static bool given(Value v)
{
    return v.kind != VK_UNSET && v.kind != VK_NONE;
}

/* norm: NULL for None; a str's text; for anything else its str() (NumPy
 * formats the bad value into its message).  *owned is freed by the
 * caller. */
static int get_norm(Value v, const char **out, char **owned)
{
    *out = NULL;
    *owned = NULL;
    if (!given(v))
        return 0;
    if (v.kind == VK_STR) {
        *out = as_str(v)->data;
        return 0;
    }
    Value s = v_to_str(v);
    if (v_is_err(s))
        return -1;
    size_t len = strlen(as_str(s)->data) + 1;
    *owned = malloc(len);
    if (*owned)
        memcpy(*owned, as_str(s)->data, len);
    v_decref(s);
    if (!*owned)
        return rt_fail(ERR_MEMORY, "out of memory");
    *out = *owned;
    return 0;
}

/* A sequence of ints (s or axes): *n entries in a malloc'd *out (NULL and
 * *n = -1 for None).  allow_none: None entries of s read as
 * ND_FFT_DEFAULT. */
static int get_int_list(Value v, bool allow_none, int64_t **out, int *n)
{
    *out = NULL;
    *n = -1;
    if (!given(v))
        return 0;
    ValueIter it;
    if (iter_start(&it, v) < 0)
        return -1;
    int64_t cap = it.n > 0 ? it.n : 1;
    if (cap > 1 << 20) {
        iter_end(&it);
        return rt_fail(ERR_VALUE, "too many axes");
    }
    int64_t *buf = malloc(sizeof(int64_t) * (size_t)cap);
    if (!buf) {
        iter_end(&it);
        return rt_fail(ERR_MEMORY, "out of memory");
    }
    int k = 0, rc;
    Value item;
    while ((rc = iter_next(&it, &item)) > 0) {
        int r = 0;
        if (k >= cap)
            r = rt_fail(ERR_VALUE, "sequence changed size during iteration");
        else if (allow_none && item.kind == VK_NONE)
            buf[k] = ND_FFT_DEFAULT;
        else
            r = bi_get_int(item, &buf[k]);
        v_decref(item);
        if (r < 0) {
            iter_end(&it);
            free(buf);
            return -1;
        }
        k++;
    }
    iter_end(&it);
    if (rc < 0) {
        free(buf);
        return -1;
    }
    *out = buf;
    *n = k;
    return 0;
}

/* out=: the result copied into the given array (NumPy writes it there),
 * which is returned; r's reference is consumed.  ufunc: the name of
 * NumPy's ufunc that would write it, for the casting error. */
static Value finish(NdArray *r, Value out, const char *ufunc)
{
    if (!r)
        return rt_from_lib();
    if (!given(out))
        return v_array_take(r);
    if (out.kind != VK_ARRAY) {
        nd_decref(r);
        return rt_raise(ERR_TYPE, "return arrays must be of ArrayType");
    }
    NdArray *o = out.as.array;
    bool same = o->ndim == r->ndim;
    for (int i = 0; same && i < r->ndim; i++)
        same = o->shape[i] == r->shape[i];
    if (!same) {
        nd_decref(r);
        return rt_raise(ERR_VALUE, "output array has wrong shape.");
    }
    if (!nd_can_cast(r->dtype, o->dtype, ND_CAST_SAME_KIND)) {
        Value e =
            rt_raise(ERR_TYPE,
                     "Cannot cast ufunc '%s' output from dtype('%s') "
                     "to dtype('%s') with casting rule 'same_kind'",
                     ufunc, nd_dtype_name(r->dtype), nd_dtype_name(o->dtype));
        nd_decref(r);
        return e;
    }
    int rc = nd_copyto(o, r, ND_CAST_SAME_KIND);
    nd_decref(r);
    if (rc < 0)
        return rt_from_lib();
    v_incref(out);
    return out;
}

/* The name of NumPy's ufunc that makes the last pass of f (for the
 * casting error of out=); n: the length that pass transforms (rfft's
 * ufunc depends on its parity). */
static const char *ufunc_of(NdFftFunc f, int64_t n)
{
    switch (f) {
    case ND_FFT_FFT:
        return "fft";
    case ND_FFT_IFFT:
        return "ifft";
    case ND_FFT_RFFT:
    case ND_FFT_IHFFT:
        return n % 2 == 0 ? "rfft_n_even" : "rfft_n_odd";
    default:
        return "irfft";
    }
}

/* The length a pass over `axis` of a transforms when n is the default. */
static int64_t length_at(const NdArray *a, int64_t n, int64_t axis)
{
    if (n != ND_FFT_DEFAULT)
        return n;
    if (axis < -(int64_t)a->ndim || axis >= a->ndim)
        return 0;
    return a->shape[axis < 0 ? axis + a->ndim : axis];
}

/* args: a, n, axis, norm, out */
static Value fft1(NdFftFunc f, Value *args)
{
    int64_t n = ND_FFT_DEFAULT, axis = -1;
    if (given(args[1]) && bi_get_int(args[1], &n) < 0)
        return v_error();
    if (args[2].kind != VK_UNSET && bi_get_int(args[2], &axis) < 0)
        return v_error();
    const char *norm;
    char *owned;
    if (get_norm(args[3], &norm, &owned) < 0)
        return v_error();
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a) {
        free(owned);
        return v_error();
    }
    NdArray *r = nd_fft1(f, a, n, axis, norm);
    int64_t len = length_at(a, n, axis);
    nd_decref(a);
    free(owned);
    return finish(r, args[4], ufunc_of(f, len));
}

static const int64_t axes_2d[2] = {-2, -1};

/* args: a, s, axes, norm, out; two: the fft2 family's default axes. */
static Value fftn(NdFftFunc f, bool two, Value *args)
{
    int64_t *s = NULL, *axes = NULL;
    int ns, naxes;
    const char *norm;
    char *owned = NULL;
    Value res = v_error();
    if (get_int_list(args[1], true, &s, &ns) < 0 ||
        get_int_list(args[2], false, &axes, &naxes) < 0 ||
        get_norm(args[3], &norm, &owned) < 0)
        goto done;
    const int64_t *ax = axes;
    if (two && args[2].kind == VK_UNSET) {
        ax = axes_2d;
        naxes = 2;
    }
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    if (!a)
        goto done;
    NdArray *r = nd_fftn(f, a, s, ns, ax, naxes, norm);
    /* rfftn ends with fft passes unless it has one axis */
    NdFftFunc last = f == ND_FFT_RFFT && naxes != 1 ? ND_FFT_FFT : f;
    int64_t len =
        naxes == 1 ? length_at(a, s && ns == 1 ? s[0] : ND_FFT_DEFAULT, ax[0])
                   : 0;
    nd_decref(a);
    res = finish(r, args[4], ufunc_of(last, len));
done:
    free(s);
    free(axes);
    free(owned);
    return res;
}

static Value bi_fft(Value *args)
{
    return fft1(ND_FFT_FFT, args);
}
static Value bi_ifft(Value *args)
{
    return fft1(ND_FFT_IFFT, args);
}
static Value bi_rfft(Value *args)
{
    return fft1(ND_FFT_RFFT, args);
}
static Value bi_irfft(Value *args)
{
    return fft1(ND_FFT_IRFFT, args);
}
static Value bi_hfft(Value *args)
{
    return fft1(ND_FFT_HFFT, args);
}
static Value bi_ihfft(Value *args)
{
    return fft1(ND_FFT_IHFFT, args);
}
static Value bi_fftn(Value *args)
{
    return fftn(ND_FFT_FFT, false, args);
}
static Value bi_ifftn(Value *args)
{
    return fftn(ND_FFT_IFFT, false, args);
}
static Value bi_rfftn(Value *args)
{
    return fftn(ND_FFT_RFFT, false, args);
}
static Value bi_irfftn(Value *args)
{
    return fftn(ND_FFT_IRFFT, false, args);
}
static Value bi_fft2(Value *args)
{
    return fftn(ND_FFT_FFT, true, args);
}
static Value bi_ifft2(Value *args)
{
    return fftn(ND_FFT_IFFT, true, args);
}
static Value bi_rfft2(Value *args)
{
    return fftn(ND_FFT_RFFT, true, args);
}
static Value bi_irfft2(Value *args)
{
    return fftn(ND_FFT_IRFFT, true, args);
}

/* args: n, d, device */
static Value freq(bool real, Value *args)
{
    /* NumPy: isinstance(n, integer_types) or ValueError */
    int64_t n;
    if (args[0].kind != VK_SCALAR ||
        (nd_dtype_kind(args[0].dtype) != ND_KIND_INT &&
         nd_dtype_kind(args[0].dtype) != ND_KIND_UINT) ||
        bi_get_int(args[0], &n) < 0) {
        rt_clear();
        return rt_raise(ERR_VALUE, "n should be an integer");
    }
    double d = 1.0;
    if (args[1].kind != VK_UNSET && value_to_double(args[1], &d) < 0)
        return v_error();
    if (given(args[2]) &&
        (args[2].kind != VK_STR || strcmp(as_str(args[2])->data, "cpu")))
        return rt_raise(ERR_VALUE,
                        "Device not understood. Only \"cpu\" is "
                        "allowed, but received: %s",
                        args[2].kind == VK_STR ? as_str(args[2])->data
                                               : bi_type_name(args[2]));
    return bi_result_array(real ? nd_rfftfreq(n, d) : nd_fftfreq(n, d));
}

static Value bi_fftfreq(Value *args)
{
    return freq(false, args);
}
static Value bi_rfftfreq(Value *args)
{
    return freq(true, args);
}

/* args: x, axes */
static Value shift(bool inverse, Value *args)
{
    int64_t *axes = NULL, one;
    int naxes = -1;
    if (args[1].kind == VK_SCALAR) {
        if (bi_get_int(args[1], &one) < 0)
            return v_error();
        axes = &one;
        naxes = 1;
    } else if (get_int_list(args[1], false, &axes, &naxes) < 0)
        return v_error();
    NdArray *a = value_to_array(args[0], ND_NTYPES);
    Value res = v_error();
    if (a) {
        res = bi_result_array(nd_fftshift(a, axes, naxes, inverse));
        nd_decref(a);
    }
    if (axes != &one)
        free(axes);
    return res;
}

static Value bi_fftshift(Value *args)
{
    return shift(false, args);
}
static Value bi_ifftshift(Value *args)
{
    return shift(true, args);
}

/* args: planner */
static Value bi_set_planner(Value *args)
{
    const char *name;
    if (bi_get_str(args[0], "set_planner", "planner", &name) < 0)
        return v_error();
    if (nd_fft_set_planner(name) < 0)
        return rt_from_lib();
    return v_none();
}

#define SEE_NORM                                                               \
    "norm is \"backward\" (the default: only the inverse is scaled, by "       \
    "1/n), \"ortho\"\n(both by 1/sqrt(n)) or \"forward\" (only the forward "   \
    "transform, by 1/n).\nout=, when given, receives the result.  "

#define SEE_N                                                                  \
    "n crops or zero-pads the input along axis (default: the last axis).  "

#define SEE_S                                                                  \
    "s gives the length of each transformed axis (cropping or zero-padding; "  \
    "-1 keeps\nthe input's), axes the axes (default: the last len(s) axes, "   \
    "or all of them);\nrepeated axes are transformed repeatedly.  "

static const BuiltinDef fft_defs[] = {
    {"fft", bi_fft, "a, n=None, axis=-1, norm=None, out=None",
     "fft(a, n=None, axis=-1, norm=None, out=None): the one-dimensional "
     "discrete Fourier\ntransform, A[k] = sum(a[m] * "
     "exp(-2j*pi*m*k/n)).\n\n" SEE_N SEE_NORM
     "float32/complex64 input\ncomputes in single precision and gives "
     "complex64; any other input complex128.\nFFTW plans are cached, so "
     "repeated transforms of one shape only execute.\n\n"
     ">>> fft.fft([1, 2, 3, 4])\n"
     "array([10.+0.j, -2.+2.j, -2.+0.j, -2.-2.j])\n"
     ">>> fft.fft(ones(4, dtype=float32)).dtype\n"
     "dtype('complex64')\n"
     ">>> fft.fft([1, 2, 3, 4], n=2)\n"
     "array([ 3.+0.j, -1.+0.j])\n"},
    {"fft2", bi_fft2, "a, s=None, axes=(-2, -1), norm=None, out=None",
     "fft2(a, s=None, axes=(-2, -1), norm=None, out=None): the "
     "two-dimensional discrete\nFourier transform: fftn over the last two "
     "axes by default.\n\n" SEE_S SEE_NORM "\n\n"
     ">>> fft.fft2([[1, 2], [3, 4]])\n"
     "array([[10.+0.j, -2.+0.j],\n       [-4.+0.j,  0.+0.j]])\n"},
    {"fftfreq", bi_fftfreq, "n, d=1.0, device=None",
     "fftfreq(n, d=1.0, device=None): the sample frequencies of an n-point "
     "fft with\nsample spacing d: [0, 1, ..., n//2 - 1 (or (n-1)//2), "
     "-(n//2), ..., -1] / (n*d).\n\n"
     ">>> fft.fftfreq(8, d=0.1)\n"
     "array([ 0.  ,  1.25,  2.5 ,  3.75, -5.  , -3.75, -2.5 , -1.25])\n"
     ">>> fft.fftfreq(5)\n"
     "array([ 0. ,  0.2,  0.4, -0.4, -0.2])\n"},
    {"fftn", bi_fftn, "a, s=None, axes=None, norm=None, out=None",
     "fftn(a, s=None, axes=None, norm=None, out=None): the N-dimensional "
     "discrete\nFourier transform over the given axes (default: all).\n\n" SEE_S
         SEE_NORM "Distinct axes run\nas one multi-dimensional FFTW plan.\n\n"
     ">>> a = zeros((2, 2, 2))\n"
     ">>> a[0, 0, 0] = 8\n"
     ">>> fft.fftn(a)[1, 1]\n"
     "array([8.+0.j, 8.+0.j])\n"
     ">>> fft.fftn(ones((2, 3)), axes=(1,)).shape\n"
     "(2, 3)\n"},
    {"fftshift", bi_fftshift, "x, axes=None",
     "fftshift(x, axes=None): the zero-frequency term moved to the centre: "
     "each of the\naxes (default: all) rolled by half its length.\n\n"
     ">>> freqs = fft.fftfreq(10, 0.1)\n"
     ">>> freqs\n"
     "array([ 0.,  1.,  2.,  3.,  4., -5., -4., -3., -2., -1.])\n"
     ">>> fft.fftshift(freqs)\n"
     "array([-5., -4., -3., -2., -1.,  0.,  1.,  2.,  3.,  4.])\n"
     ">>> freqs = fft.fftfreq(9, d=1./9).reshape((3, 3))\n"
     ">>> fft.fftshift(freqs, axes=(1,))\n"
     "array([[ 2.,  0.,  1.],\n       [-4.,  3.,  4.],\n"
     "       [-1., -3., -2.]])\n"},
    {"hfft", bi_hfft, "a, n=None, axis=-1, norm=None, out=None",
     "hfft(a, n=None, axis=-1, norm=None, out=None): the FFT of a signal "
     "with Hermitian\nsymmetry (a real spectrum), given its first half: "
     "irfft(conj(a), n) scaled as a\nforward transform.  n (default "
     "2*(m-1) for m input points) is the output\nlength.  " SEE_NORM "\n\n"
     ">>> signal = array([1, 2, 3, 4, 3, 2])\n"
     ">>> fft.hfft(signal[:4])\n"
     "array([15., -4.,  0., -1.,  0., -4.])\n"
     ">>> fft.hfft(signal, 6)\n"
     "array([15., -4.,  0., -1.,  0., -4.])\n"},
    {"ifft", bi_ifft, "a, n=None, axis=-1, norm=None, out=None",
     "ifft(a, n=None, axis=-1, norm=None, out=None): the one-dimensional "
     "inverse discrete\nFourier transform, so ifft(fft(a)) == a within "
     "rounding.\n\n" SEE_N SEE_NORM "\n\n"
     ">>> fft.ifft([0, 4, 0, 0]).imag\n"
     "array([ 0.,  1.,  0., -1.])\n"
     ">>> allclose(fft.ifft(fft.fft([1, 2, 3])), [1, 2, 3])\n"
     "True\n"},
    {"ifft2", bi_ifft2, "a, s=None, axes=(-2, -1), norm=None, out=None",
     "ifft2(a, s=None, axes=(-2, -1), norm=None, out=None): the "
     "two-dimensional inverse\ndiscrete Fourier transform: ifftn over the "
     "last two axes by default.\n\n" SEE_S SEE_NORM "\n\n"
     ">>> fft.ifft2(4 * eye(4)).real\n"
     "array([[1., 0., 0., 0.],\n       [0., 0., 0., 1.],\n"
     "       [0., 0., 1., 0.],\n       [0., 1., 0., 0.]])\n"},
    {"ifftn", bi_ifftn, "a, s=None, axes=None, norm=None, out=None",
     "ifftn(a, s=None, axes=None, norm=None, out=None): the N-dimensional "
     "inverse\ndiscrete Fourier transform over the given axes (default: "
     "all).\n\n" SEE_S SEE_NORM "\n\n"
     ">>> a = eye(4)\n"
     ">>> allclose(fft.ifftn(fft.fftn(a, axes=(0,)), axes=(0,)), a)\n"
     "True\n"},
    {"ifftshift", bi_ifftshift, "x, axes=None",
     "ifftshift(x, axes=None): the inverse of fftshift (they differ for odd "
     "lengths).\n\n"
     ">>> freqs = fft.fftfreq(9, d=1./9).reshape((3, 3))\n"
     ">>> fft.ifftshift(fft.fftshift(freqs))\n"
     "array([[ 0.,  1.,  2.],\n       [ 3.,  4., -4.],\n"
     "       [-3., -2., -1.]])\n"},
    {"ihfft", bi_ihfft, "a, n=None, axis=-1, norm=None, out=None",
     "ihfft(a, n=None, axis=-1, norm=None, out=None): the inverse of hfft: "
     "conj(rfft(a, n))\nscaled as an inverse transform, n//2 + 1 complex "
     "points for n real ones.\n\n" SEE_N SEE_NORM "\n\n"
     ">>> fft.ihfft([15, -4, 0, -1, 0, -4]).real\n"
     "array([1., 2., 3., 4.])\n"},
    {"irfft", bi_irfft, "a, n=None, axis=-1, norm=None, out=None",
     "irfft(a, n=None, axis=-1, norm=None, out=None): the inverse of rfft: "
     "n real points\nfrom the n//2 + 1 non-negative frequency terms a "
     "(cropped or zero-padded).\nn defaults to 2*(m-1) for m input points; "
     "give it for an odd length:\nirfft(rfft(x), len(x)) == x.  " SEE_NORM
     "\n\n"
     ">>> fft.irfft([1, -1j, -1])\n"
     "array([0., 1., 0., 0.])\n"
     ">>> fft.irfft(fft.rfft([1., 2, 3]), 3)\n"
     "array([1., 2., 3.])\n"},
    {"irfft2", bi_irfft2, "a, s=None, axes=(-2, -1), norm=None, out=None",
     "irfft2(a, s=None, axes=(-2, -1), norm=None, out=None): the inverse of "
     "rfft2: irfftn\nover the last two axes by default.\n\n" SEE_S SEE_NORM
     "\n\n"
     ">>> a = arange(25.).reshape((5, 5)) // 5\n"
     ">>> fft.irfft2(fft.rfft2(a), s=a.shape)[:, 0]\n"
     "array([0., 1., 2., 3., 4.])\n"},
    {"irfftn", bi_irfftn, "a, s=None, axes=None, norm=None, out=None",
     "irfftn(a, s=None, axes=None, norm=None, out=None): the inverse of "
     "rfftn: ifft over\nevery axis but the last of axes, irfft over the "
     "last (whose output length\ndefaults to 2*(m-1); s gives it).  " SEE_NORM
     "\n\n"
     ">>> a = zeros((3, 2, 2))\n"
     ">>> a[0, 0, 0] = 3 * 2 * 2\n"
     ">>> fft.irfftn(a)[2]\n"
     "array([[1., 1.],\n       [1., 1.]])\n"},
    {"rfft", bi_rfft, "a, n=None, axis=-1, norm=None, out=None",
     "rfft(a, n=None, axis=-1, norm=None, out=None): the discrete Fourier "
     "transform of real\ninput: the n//2 + 1 non-negative frequency terms "
     "(the rest are their\nconjugates).  " SEE_N SEE_NORM
     "Complex input is a TypeError, as in NumPy 2;\nfloat32 input gives "
     "complex64.\n\n"
     ">>> fft.rfft([1, 2, 3, 4])\n"
     "array([10.+0.j, -2.+2.j, -2.+0.j])\n"},
    {"rfft2", bi_rfft2, "a, s=None, axes=(-2, -1), norm=None, out=None",
     "rfft2(a, s=None, axes=(-2, -1), norm=None, out=None): the "
     "two-dimensional FFT of a\nreal array: rfftn over the last two axes by "
     "default.\n\n" SEE_S SEE_NORM "\n\n"
     ">>> fft.rfft2([[1, 2, 3], [4, 5, 6]])[:, 0]\n"
     "array([21.+0.j, -9.+0.j])\n"},
    {"rfftfreq", bi_rfftfreq, "n, d=1.0, device=None",
     "rfftfreq(n, d=1.0, device=None): the sample frequencies of an n-point "
     "rfft with\nsample spacing d: [0, 1, ..., n//2] / (n*d).\n\n"
     ">>> fft.rfftfreq(8, d=0.1)\n"
     "array([0.  , 1.25, 2.5 , 3.75, 5.  ])\n"},
    {"rfftn", bi_rfftn, "a, s=None, axes=None, norm=None, out=None",
     "rfftn(a, s=None, axes=None, norm=None, out=None): the N-dimensional "
     "FFT of real\ninput: rfft over the last of axes (halving it to "
     "s[-1]//2 + 1), fft over the\nothers, as one FFTW plan.  " SEE_S SEE_NORM
     "\n\n"
     ">>> fft.rfftn(ones((2, 2, 2)))[0, 0]\n"
     "array([8.+0.j, 0.+0.j])\n"
     ">>> fft.rfftn(ones((2, 2, 2)), axes=(2, 0)).shape\n"
     "(2, 2, 2)\n"},
    {"set_planner", bi_set_planner, "planner",
     "set_planner(planner): how FFTW plans new transforms: \"estimate\" "
     "(the default:\nno planning time) or \"measure\" (FFTW_MEASURE: each "
     "new shape costs a planning\nrun, often repaid by faster transforms "
     "when one shape is transformed many\ntimes).  Plans already made stay "
     "cached.  (nd's own; NumPy has none.)\n\n"
     ">>> fft.set_planner(\"measure\")\n"
     ">>> fft.fft([1, 1]).real\n"
     "array([2., 0.])\n"
     ">>> fft.set_planner(\"estimate\")\n"},
};

const Namespace ns_fft = {
    .name = "fft",
    .defs = fft_defs,
    .ndefs = sizeof fft_defs / sizeof fft_defs[0],
    .help = "Discrete Fourier transforms (NumPy's numpy.fft) on FFTW3: fft, "
            "ifft, rfft, irfft,\nhfft, ihfft, fftn, ifftn, rfftn, irfftn, "
            "fft2, ifft2, rfft2, irfft2, fftfreq,\nrfftfreq, fftshift, "
            "ifftshift, and set_planner.",
};
