/* array.c — the NdArray object itself: allocation with its shape and strides
 * stored right after the header, reference counting, the shared NdBuffer that
 * owns the memory of a base array and all its views, contiguity flags, and
 * access to single elements. */
#define _DEFAULT_SOURCE /* madvise */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "nd.h"

/* Byte sizes above this are refused as "too big" before malloc is tried,
 * as NumPy refuses sizes that overflow its intp. */
#define ND_MAX_BYTES ((int64_t)INT64_MAX)

NdArray *nd_incref(NdArray *a)
{
    if (a)
        a->refcount++;
    return a;
}

void nd_buffer_decref(NdBuffer *b)
{
    if (!b || --b->refcount > 0)
        return;
    if (b->release)
        b->release(b);
    else
        free(b->data);
    free(b);
}

void nd_decref(NdArray *a)
{
    if (!a || --a->refcount > 0)
        return;
    if (a->buffer && a->buffer->owner == a)
        a->buffer->owner = NULL; /* a stale base must never be taken */
    nd_buffer_decref(a->buffer);
    nd_decref(a->base); /* after the buffer: the base may hold it too */
    free(a->geometry_heap);
    free(a);
}

NdBuffer *nd_buffer_new(char *data, size_t nbytes, void (*release)(NdBuffer *),
                        void *ctx)
{
    NdBuffer *b = nd_malloc(sizeof *b);
    if (!b)
        return NULL;
    b->refcount = 1;
    b->data = data;
    b->nbytes = nbytes;
    b->release = release;
    b->ctx = ctx;
    b->writeable = true;
    b->owner = NULL;
    return b;
}

int nd_check_shape(int ndim, const int64_t *shape)
{
    if (ndim < 0 || ndim > ND_MAXDIMS)
        return nd_error(ND_ERR_VALUE,
                        "maximum supported dimension for an ndarray is "
                        "currently %d, found %d",
                        ND_MAXDIMS, ndim);
    for (int i = 0; i < ndim; i++)
        if (shape[i] < 0)
            return nd_error(ND_ERR_VALUE,
                            "negative dimensions are not allowed");
    return 0;
}

int64_t nd_shape_size(int ndim, const int64_t *shape, NdType dtype)
{
    int64_t size = 1, bytes;
    bool overflow = false;
    if (nd_check_shape(ndim, shape) < 0)
        return -1;
    /* A zero anywhere makes the array empty however large the rest is, but
     * NumPy still refuses shapes whose product of nonzero entries overflows. */
    for (int i = 0; i < ndim; i++) {
        if (shape[i] == 0)
            continue;
        if (nd_mul_overflow(size, shape[i], &size) < 0)
            overflow = true;
    }
    if (overflow ||
        nd_mul_overflow(size, (int64_t)nd_dtype_size(dtype), &bytes) < 0 ||
        bytes > ND_MAX_BYTES) {
        nd_error(ND_ERR_VALUE,
                 "array is too big; `arr.size * arr.dtype.itemsize` is larger "
                 "than the maximum possible size.");
        return -1;
    }
    for (int i = 0; i < ndim; i++)
        if (shape[i] == 0)
            return 0;
    return size;
}

void nd_update_flags(NdArray *a)
{
    int64_t itemsize = (int64_t)nd_dtype_size(a->dtype), expect;
    bool c = true, f = true;
    a->flags &= ~(unsigned)(ND_C_CONTIGUOUS | ND_F_CONTIGUOUS);
    /* As NumPy: axes of length 1 do not constrain contiguity, and an empty
     * array is contiguous both ways. */
    if (a->size == 0) {
        a->flags |= ND_C_CONTIGUOUS | ND_F_CONTIGUOUS;
        return;
    }
    expect = itemsize;
    for (int i = a->ndim - 1; i >= 0; i--) {
        if (a->shape[i] == 1)
            continue;
        if (a->strides[i] != expect) {
            c = false;
            break;
        }
        expect *= a->shape[i];
    }
    expect = itemsize;
    for (int i = 0; i < a->ndim; i++) {
        if (a->shape[i] == 1)
            continue;
        if (a->strides[i] != expect) {
            f = false;
            break;
        }
        expect *= a->shape[i];
    }
    if (c)
        a->flags |= ND_C_CONTIGUOUS;
    if (f)
        a->flags |= ND_F_CONTIGUOUS;
}

/* The header with room for shape and strides; fields other than the
 * geometry are left for the caller. */
static NdArray *array_header(NdType dtype, int ndim, const int64_t *shape)
{
    NdArray *a;
    int64_t size = nd_shape_size(ndim, shape, dtype);
    if (size < 0)
        return NULL;
    a = nd_malloc(sizeof *a + 2 * (size_t)ndim * sizeof(int64_t));
    if (!a)
        return NULL;
    a->refcount = 1;
    a->dtype = dtype;
    a->ndim = ndim;
    a->flags = 0;
    a->size = size;
    a->shape = (int64_t *)(a + 1);
    a->strides = a->shape + ndim;
    if (ndim)
        memcpy(a->shape, shape, (size_t)ndim * sizeof(int64_t));
    a->data = NULL;
    a->buffer = NULL;
    a->geometry_room = ndim;
    a->geometry_heap = NULL;
    a->base = NULL;
    return a;
}

NdArray *nd_view_new(NdBuffer *buffer, NdType dtype, int ndim,
                     const int64_t *shape, const int64_t *strides, char *data,
                     bool writeable)
{
    NdArray *a = array_header(dtype, ndim, shape);
    if (!a)
        return NULL;
    if (ndim)
        memcpy(a->strides, strides, (size_t)ndim * sizeof(int64_t));
    a->data = data;
    a->buffer = buffer;
    buffer->refcount++;
    /* Every array of a buffer is its owner or holds the owner as base, so
     * a non-NULL owner here is alive. */
    a->base = nd_incref(buffer->owner);
    if (writeable && buffer->writeable)
        a->flags |= ND_WRITEABLE;
    nd_update_flags(a);
    return a;
}

NdArray *nd_view(NdArray *a)
{
    return nd_view_new(a->buffer, a->dtype, a->ndim, a->shape, a->strides,
                       a->data, (a->flags & ND_WRITEABLE) != 0);
}

/* The two shape spellings differ only in the separator and in how the
 * unknown dimension of a reshape reads. */
static int shape_text(char *buf, size_t n, int ndim, const int64_t *shape,
                      const char *sep)
{
    size_t len = 0;
    int w;
#define ND_APPEND(...)                                                         \
    do {                                                                       \
        w = snprintf(buf + (len < n ? len : n), len < n ? n - len : 0,         \
                     __VA_ARGS__);                                             \
        len += w > 0 ? (size_t)w : 0;                                          \
    } while (0)
    ND_APPEND("(");
    for (int i = 0; i < ndim; i++) {
        if (i)
            ND_APPEND("%s", sep);
        if (shape[i] < 0)
            ND_APPEND("newaxis");
        else
            ND_APPEND("%lld", (long long)shape[i]);
    }
    ND_APPEND(ndim == 1 ? ",)" : ")");
#undef ND_APPEND
    return (int)len;
}

int nd_shape_str(char *buf, size_t n, int ndim, const int64_t *shape)
{
    return shape_text(buf, n, ndim, shape, ", ");
}

int nd_shape_str_compact(char *buf, size_t n, int ndim, const int64_t *shape)
{
    return shape_text(buf, n, ndim, shape, ",");
}

/* NumPy's wording of an allocation size: "8.00 PiB", "745. MiB", "12 bytes". */
static void size_to_string(char *buf, size_t n, size_t nbytes)
{
    static const char *const units[] = {"bytes", "KiB", "MiB", "GiB",
                                        "TiB",   "PiB", "EiB"};
    int bits = 0, unit;
    double units_count;
    for (size_t v = nbytes; v > 1; v >>= 1)
        bits++;
    unit = (bits > 1 ? bits : 1) / 10;
    units_count = (double)nbytes / (double)((size_t)1 << (unit * 10));
    if (units_count + 0.5 >= 1024.0 && unit < 6) {
        unit++;
        units_count /= 1024.0;
    }
    if (unit == 0)
        snprintf(buf, n, "%.0f %s", units_count, units[0]);
    else if (units_count + 0.5 < 1000.0)
        snprintf(buf, n, "%#.3g %s", units_count, units[unit]);
    else
        snprintf(buf, n, "%#.0f %s", units_count, units[unit]);
}

/* Large buffers ask for transparent huge pages, as NumPy does: the first
 * write to a fresh 80 MB result otherwise costs 20000 page faults, more
 * than the arithmetic itself. */
static void advise_huge_pages(char *data, size_t nbytes)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t huge = (uintptr_t)1 << 21;
    uintptr_t start = ((uintptr_t)data + huge - 1) & ~(huge - 1);
    uintptr_t end = (uintptr_t)data + nbytes;
    if (nbytes >= ((size_t)4 << 20) && end > start)
        madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
    (void)data;
    (void)nbytes;
#endif
}

/* Allocate an array owning fresh memory; zeroed when `zero`. */
static NdArray *array_alloc(NdType dtype, int ndim, const int64_t *shape,
                            char order, bool zero)
{
    NdArray *a = array_header(dtype, ndim, shape);
    int64_t itemsize = (int64_t)nd_dtype_size(dtype), stride;
    size_t nbytes;
    char *data;
    if (!a)
        return NULL;
    nbytes = (size_t)a->size * (size_t)itemsize;
    stride = itemsize;
    if (order == 'F') {
        for (int i = 0; i < ndim; i++) {
            a->strides[i] = stride;
            stride *= shape[i] ? shape[i] : 1;
        }
    } else {
        for (int i = ndim - 1; i >= 0; i--) {
            a->strides[i] = stride;
            stride *= shape[i] ? shape[i] : 1;
        }
    }
    /* calloc lets the kernel hand out untouched zero pages lazily, so zeros()
     * of a huge array costs nothing until it is written. */
    data = zero ? calloc(nbytes ? nbytes : 1, 1) : malloc(nbytes ? nbytes : 1);
    if (!data) {
        char size_text[32], shape_text[ND_MAXDIMS * 22 + 4];
        size_to_string(size_text, sizeof size_text, nbytes);
        nd_shape_str(shape_text, sizeof shape_text, ndim, shape);
        nd_error(ND_ERR_MEMORY,
                 "Unable to allocate %s for an array with shape %s and data "
                 "type %s",
                 size_text, shape_text, nd_dtype_name(dtype));
        free(a);
        return NULL;
    }
    advise_huge_pages(data, nbytes);
    a->buffer = nd_buffer_new(data, nbytes, NULL, NULL);
    if (!a->buffer) {
        free(data);
        free(a);
        return NULL;
    }
    a->data = data;
    a->flags = ND_WRITEABLE | ND_OWNDATA;
    a->buffer->owner = a;
    nd_update_flags(a);
    return a;
}

NdArray *nd_empty(NdType dtype, int ndim, const int64_t *shape, char order)
{
    return array_alloc(dtype, ndim, shape, order, false);
}

NdArray *nd_zeros(NdType dtype, int ndim, const int64_t *shape, char order)
{
    return array_alloc(dtype, ndim, shape, order, true);
}

char *nd_element_ptr(const NdArray *a, const int64_t *index)
{
    char *p = a->data;
    for (int i = 0; i < a->ndim; i++)
        p += index[i] * a->strides[i];
    return p;
}

int nd_get_item(const NdArray *a, const int64_t *index, NdScalar *out)
{
    NdScalar s = {.dtype = a->dtype, .weak = false};
    memcpy(s.v.bytes, nd_element_ptr(a, index), nd_dtype_size(a->dtype));
    *out = s;
    return 0;
}

int nd_set_item(NdArray *a, const int64_t *index, const NdScalar *v)
{
    NdScalar c;
    if (!(a->flags & ND_WRITEABLE))
        return nd_error(ND_ERR_VALUE, "assignment destination is read-only");
    if (nd_scalar_cast(v, a->dtype, &c) < 0)
        return -1;
    memcpy(nd_element_ptr(a, index), c.v.bytes, nd_dtype_size(a->dtype));
    return 0;
}

int nd_item(const NdArray *a, NdScalar *out)
{
    int64_t zero[ND_MAXDIMS] = {0};
    if (a->size != 1)
        return nd_error(ND_ERR_VALUE,
                        "can only convert an array of size 1 to a Python "
                        "scalar");
    return nd_get_item(a, zero, out);
}

NdArray *nd_from_scalar(const NdScalar *s)
{
    NdArray *a = nd_empty(s->dtype, 0, NULL, 'C');
    if (!a)
        return NULL;
    memcpy(a->data, s->v.bytes, nd_dtype_size(s->dtype));
    if (s->weak)
        a->flags |= ND_WEAK;
    return a;
}
