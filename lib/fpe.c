/* fpe.c — the floating-point status word and the other RuntimeWarnings. Kernels
 * record events here (the integer ones explicitly, the float ones through the
 * hardware flags, as NumPy does); the language turns the word into
 * RuntimeWarnings or FloatingPointErrors after each statement.  lib/ itself
 * never prints. */
#include <fenv.h>
#include <string.h>

#include "nd.h"

static _Thread_local unsigned fpe_status;
static _Thread_local const char *fpe_origins[4];

static int flag_slot(unsigned flag)
{
    switch (flag) {
    case ND_FPE_DIVIDEBYZERO:
        return 0;
    case ND_FPE_OVERFLOW:
        return 1;
    case ND_FPE_UNDERFLOW:
        return 2;
    case ND_FPE_INVALID:
        return 3;
    default:
        return -1;
    }
}

unsigned nd_fpe_status(void)
{
    return fpe_status;
}

const char *nd_fpe_origin(unsigned flag)
{
    int slot = flag_slot(flag);
    return slot < 0 || !(fpe_status & flag) ? NULL : fpe_origins[slot];
}

void nd_fpe_raise(unsigned flags, const char *origin)
{
    for (unsigned flag = 1; flag <= ND_FPE_INVALID; flag <<= 1) {
        if (!(flags & flag) || (fpe_status & flag))
            continue;
        fpe_status |= flag;
        fpe_origins[flag_slot(flag)] = origin;
    }
}

void nd_fpe_clear(void)
{
    fpe_status = 0;
    for (int i = 0; i < 4; i++)
        fpe_origins[i] = NULL;
}

void nd_fpe_hw_clear(void)
{
    /* Only when a reported flag is up: glibc's feclearexcept rewrites the
     * x87 environment (fldenv), which alone cost a third of a 3x3 matmul.
     * The inexact flag may stay set; nothing reads it. */
    if (fetestexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID))
        feclearexcept(FE_ALL_EXCEPT);
}

void nd_fpe_hw_collect(const char *origin)
{
    int raised =
        fetestexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID);
    unsigned flags = 0;
    if (raised & FE_DIVBYZERO)
        flags |= ND_FPE_DIVIDEBYZERO;
    if (raised & FE_OVERFLOW)
        flags |= ND_FPE_OVERFLOW;
    if (raised & FE_UNDERFLOW)
        flags |= ND_FPE_UNDERFLOW;
    if (raised & FE_INVALID)
        flags |= ND_FPE_INVALID;
    if (flags) {
        nd_fpe_raise(flags, origin);
        feclearexcept(FE_ALL_EXCEPT);
    }
}

/* Warnings are static strings or short texts; a statement rarely records
 * more than one, so a small fixed table suffices and never allocates. */
#define ND_MAX_WARNINGS 8
/* 256: room for NumPy's longest texts (ma.argsort's
 * MaskedArrayFutureWarning is about 200 characters). */
#define ND_WARNING_LEN 256
static _Thread_local char warnings[ND_MAX_WARNINGS][ND_WARNING_LEN];
static _Thread_local int nwarnings;

void nd_warn(const char *message)
{
    for (int i = 0; i < nwarnings; i++)
        if (strncmp(warnings[i], message, ND_WARNING_LEN - 1) == 0)
            return;
    if (nwarnings == ND_MAX_WARNINGS)
        return;
    strncpy(warnings[nwarnings], message, ND_WARNING_LEN - 1);
    warnings[nwarnings][ND_WARNING_LEN - 1] = '\0';
    nwarnings++;
}

const char *nd_warning(int i)
{
    return i >= 0 && i < nwarnings ? warnings[i] : NULL;
}

void nd_warnings_clear(void)
{
    nwarnings = 0;
}
