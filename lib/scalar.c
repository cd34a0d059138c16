/* scalar.c — single numbers with a dtype (NdScalar): their constructors and
 * conversions.  An unsafe conversion runs the very cast loop arrays use, so
 * a scalar and a one-element array can never disagree; the weak (Python
 * scalar) conversion adds NEP 50's one check, that a Python int must fit
 * the integer dtype it is used with. */
#include <inttypes.h>
#include <string.h>

#include "loops.h"

NdScalar nd_scalar_bool(bool v)
{
    NdScalar s;
    memset(&s, 0, sizeof s);
    s.dtype = ND_BOOL;
    s.v.b = v;
    return s;
}

NdScalar nd_scalar_int64(int64_t v)
{
    NdScalar s;
    memset(&s, 0, sizeof s);
    s.dtype = ND_INT64;
    s.v.i64 = v;
    return s;
}

NdScalar nd_scalar_float64(double v)
{
    NdScalar s;
    memset(&s, 0, sizeof s);
    s.dtype = ND_FLOAT64;
    s.v.f64 = v;
    return s;
}

NdScalar nd_scalar_complex128(double re, double im)
{
    NdScalar s;
    memset(&s, 0, sizeof s);
    s.dtype = ND_COMPLEX128;
    s.v.c128.re = re;
    s.v.c128.im = im;
    return s;
}

int nd_scalar_cast(const NdScalar *in, NdType to, NdScalar *out)
{
    if ((unsigned)in->dtype >= ND_NTYPES || (unsigned)to >= ND_NTYPES)
        return nd_error(ND_ERR_TYPE, "invalid dtype in scalar conversion");
    /* Copy first: `out` may be `in`. */
    NdScalar src = *in, dst;
    memset(&dst, 0, sizeof dst);
    char *ptrs[2] = {(char *)src.v.bytes, (char *)dst.v.bytes};
    const int64_t steps[2] = {0, 0};
    nd_cast_loop(src.dtype, to)(ptrs, 1, steps);
    dst.dtype = to;
    dst.weak = false;
    *out = dst;
    return 0;
}

static bool is_integer(NdType t)
{
    NdKind k = nd_dtype_kind(t);
    return k == ND_KIND_INT || k == ND_KIND_UINT;
}

/* The integer value of an integer scalar, as sign and magnitude so that
 * every int64 and uint64 value fits. */
static void int_value(const NdScalar *s, bool *neg, uint64_t *mag)
{
    NdScalar w = {0};
    if (nd_dtype_kind(s->dtype) == ND_KIND_UINT) {
        nd_scalar_cast(s, ND_UINT64, &w);
        *neg = false;
        *mag = w.v.u64;
    } else {
        nd_scalar_cast(s, ND_INT64, &w);
        *neg = w.v.i64 < 0;
        /* -(INT64_MIN) overflows int64, so negate in unsigned. */
        *mag = *neg ? 0 - (uint64_t)w.v.i64 : (uint64_t)w.v.i64;
    }
}

static bool int_fits(NdType t, bool neg, uint64_t mag)
{
    static const uint64_t max_of[ND_NTYPES] = {
        [ND_INT8] = INT8_MAX,     [ND_INT16] = INT16_MAX,
        [ND_INT32] = INT32_MAX,   [ND_INT64] = INT64_MAX,
        [ND_UINT8] = UINT8_MAX,   [ND_UINT16] = UINT16_MAX,
        [ND_UINT32] = UINT32_MAX, [ND_UINT64] = UINT64_MAX,
    };
    if (nd_dtype_kind(t) == ND_KIND_UINT)
        return !neg && mag <= max_of[t];
    /* The negative range of a signed type is one larger. */
    return neg ? mag <= max_of[t] + 1 : mag <= max_of[t];
}

int nd_scalar_cast_weak(const NdScalar *in, NdType to, NdScalar *out)
{
    if (in->weak && is_integer(in->dtype) && is_integer(to)) {
        bool neg;
        uint64_t mag;
        int_value(in, &neg, &mag);
        if (!int_fits(to, neg, mag))
            return nd_error(ND_ERR_OVERFLOW,
                            "Python integer %s%" PRIu64 " out of bounds for %s",
                            neg ? "-" : "", mag, nd_dtype_name(to));
    }
    return nd_scalar_cast(in, to, out);
}
