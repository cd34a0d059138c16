/* error.c — the one thread-local error record of libnd, and checked
 * allocation.  Functions that fail set the record and return NULL or -1; the
 * language later reads the kind and message and adds the source place. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "nd.h"

#define ND_ERROR_MESSAGE_MAX 512

volatile int nd_interrupt_requested;

static _Thread_local NdErrorKind error_kind = ND_OK;
static _Thread_local char error_message[ND_ERROR_MESSAGE_MAX];

static const char *const kind_names[ND_ERR_COUNT] = {
    [ND_OK] = "OK",
    [ND_ERR_VALUE] = "ValueError",
    [ND_ERR_TYPE] = "TypeError",
    [ND_ERR_INDEX] = "IndexError",
    [ND_ERR_AXIS] = "AxisError",
    [ND_ERR_KEY] = "KeyError",
    [ND_ERR_MEMORY] = "MemoryError",
    [ND_ERR_OVERFLOW] = "OverflowError",
    [ND_ERR_ZERO_DIVISION] = "ZeroDivisionError",
    [ND_ERR_FLOATING_POINT] = "FloatingPointError",
    [ND_ERR_LINALG] = "LinAlgError",
    [ND_ERR_IO] = "IOError",
    [ND_ERR_RUNTIME] = "RuntimeError",
    [ND_ERR_INTERRUPT] = "KeyboardInterrupt",
    [ND_ERR_ATTRIBUTE] = "AttributeError",
};

int nd_error(NdErrorKind kind, const char *fmt, ...)
{
    va_list ap;
    error_kind = kind;
    va_start(ap, fmt);
    vsnprintf(error_message, sizeof error_message, fmt, ap);
    va_end(ap);
    return -1;
}

void *nd_error_nomem(void)
{
    nd_error(ND_ERR_MEMORY, "out of memory");
    return NULL;
}

NdErrorKind nd_error_kind(void)
{
    return error_kind;
}

const char *nd_error_message(void)
{
    return error_kind == ND_OK ? "" : error_message;
}

void nd_error_clear(void)
{
    error_kind = ND_OK;
    error_message[0] = '\0';
}

const char *nd_error_kind_name(NdErrorKind kind)
{
    if ((unsigned)kind >= ND_ERR_COUNT)
        return "Error";
    return kind_names[kind];
}

void *nd_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    return p ? p : nd_error_nomem();
}

void *nd_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    return p ? p : nd_error_nomem();
}

void *nd_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    return q ? q : nd_error_nomem();
}

int nd_mul_overflow(int64_t a, int64_t b, int64_t *out)
{
    return __builtin_mul_overflow(a, b, out) ? -1 : 0;
}
