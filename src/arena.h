/*
 * arena: a bump allocator. Everything a document model holds is allocated
 * from one arena and freed with it in one call.
 */
#ifndef AIPM_ARENA_H
#define AIPM_ARENA_H

#include <stddef.h>

typedef struct aipm_arena_chunk aipm_arena_chunk;

typedef struct aipm_arena {
    aipm_arena_chunk *head;
} aipm_arena;

#define AIPM_ARENA_INIT                                                                            \
    { NULL }

/** Allocate 'size' zeroed bytes aligned for any type; lives until aipm_arena_release. */
void *aipm_arena_alloc(aipm_arena *a, size_t size);

/** Like aipm_arena_alloc, but the bytes are left uninitialised for the caller to fill. */
void *aipm_arena_alloc_uninit(aipm_arena *a, size_t size);

/** Allocate an array of 'n' zeroed elements of 'size' bytes, checking for overflow. */
void *aipm_arena_calloc(aipm_arena *a, size_t n, size_t size);

/** Copy 'len' bytes of 's' into the arena and NUL-terminate them. */
char *aipm_arena_strndup(aipm_arena *a, const char *s, size_t len);

/** Free every allocation of 'a' at once; 'a' is empty and reusable afterwards. */
void aipm_arena_release(aipm_arena *a);

#endif
