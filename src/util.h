/*
 * util: small macros every module may use (attributes, array length, BUG).
 */
#ifndef AIPM_UTIL_H
#define AIPM_UTIL_H

#include <stdio.h>
#include <stdlib.h>

#if defined(__GNUC__) || defined(__clang__)
#define AIPM_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define AIPM_NORETURN __attribute__((noreturn))
#else
#define AIPM_PRINTF(fmt, args)
#define AIPM_NORETURN
#endif

#define AIPM_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A programmer error: print where and abort (git's BUG()). */
#define AIPM_BUG(msg)                                                                              \
    do {                                                                                           \
        fprintf(stderr, "aipm-lint: BUG: %s:%d: %s\n", __FILE__, __LINE__, (msg));                 \
        abort();                                                                                   \
    } while (0)

#endif
