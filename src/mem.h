/*
 * mem: the one place aipm-lint allocates from the C heap.
 *
 * Out of memory is fatal: every function here prints
 * "aipm-lint: fatal: out of memory" and aborts instead of returning NULL,
 * so no caller checks for NULL (the cmark default-allocator model).
 */
#ifndef AIPM_MEM_H
#define AIPM_MEM_H

#include <stddef.h>

/** Allocate 'size' bytes (at least one); never returns NULL. */
void *aipm_xmalloc(size_t size);

/** Allocate 'n' zeroed elements of 'size' bytes; never returns NULL. */
void *aipm_xcalloc(size_t n, size_t size);

/** Resize 'ptr' to 'size' bytes; never returns NULL. */
void *aipm_xrealloc(void *ptr, size_t size);

/** Resize 'ptr' to 'n' elements of 'size' bytes, checking the product for overflow. */
void *aipm_xreallocarray(void *ptr, size_t n, size_t size);

/** Copy the NUL-terminated string 's'; the caller frees the result. */
char *aipm_xstrdup(const char *s);

/** Copy 'len' bytes of 's' and terminate them; the caller frees the result. */
char *aipm_xstrndup(const char *s, size_t len);

/** Grow an array so it holds at least 'need' elements of 'size' bytes; updates '*cap'. */
void *aipm_grow(void *ptr, size_t *cap, size_t need, size_t size);

#endif
