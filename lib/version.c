/* version.c — the library's version string, taken from configure. */
#include "config.h"
#include "nd.h"

const char *nd_version(void)
{
    return PACKAGE_VERSION;
}
