/*
 * mem: heap allocation that cannot fail.
 *
 * Every allocation in aipm-lint goes through these wrappers. On failure they
 * print one line and abort: a linter that runs out of memory has no useful
 * partial result, and checking NULL at every call site hides real bugs.
 */
#include "mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void) {
    fputs("aipm-lint: fatal: out of memory\n", stderr);
    abort();
}

void *aipm_xmalloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (!p) {
        oom();
    }
    return p;
}

void *aipm_xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        oom();
    }
    return p;
}

void *aipm_xrealloc(void *ptr, size_t size) {
    void *p = realloc(ptr, size ? size : 1);
    if (!p) {
        oom();
    }
    return p;
}

void *aipm_xreallocarray(void *ptr, size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) {
        oom();
    }
    return aipm_xrealloc(ptr, n * size);
}

char *aipm_xstrdup(const char *s) {
    return aipm_xstrndup(s, strlen(s));
}

char *aipm_xstrndup(const char *s, size_t len) {
    char *p = aipm_xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *aipm_grow(void *ptr, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) {
        return ptr;
    }
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2) {
            oom();
        }
        n *= 2;
    }
    *cap = n;
    return aipm_xreallocarray(ptr, n, size);
}
