/*
 * arena: bump allocator in a list of chunks.
 *
 *   head -> [chunk: used | free ...] -> [older chunk] -> ... -> NULL
 *
 * Allocation takes from the head chunk; when it is full a new chunk (at least
 * 64 KiB, or the request size) becomes the head. Release frees the list.
 */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

struct aipm_arena_chunk {
    aipm_arena_chunk *next;
    size_t used;
    size_t cap;
    alignas(max_align_t) unsigned char data[];
};

#define CHUNK_MIN (64 * 1024)

/* Take '*size' bytes, rounded up for alignment (the rounded size is stored
 * back), from the head chunk, or from a new head chunk when it is full; the
 * bytes are not cleared. */
static void *take(aipm_arena *a, size_t *psize) {
    size_t size = *psize;
    const size_t align = alignof(max_align_t);
    if (size > SIZE_MAX - align) {
        size = SIZE_MAX; /* let the allocation below fail loudly */
    } else {
        size = (size + align - 1) & ~(align - 1);
    }
    aipm_arena_chunk *c = a->head;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > CHUNK_MIN ? size : CHUNK_MIN;
        /* a size near SIZE_MAX overflows aipm_xreallocarray, which aborts */
        c = cap > SIZE_MAX - sizeof(*c) ? aipm_xreallocarray(NULL, cap, 2)
                                        : aipm_xmalloc(sizeof(*c) + cap);
        c->next = a->head;
        c->used = 0;
        c->cap = cap;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    *psize = size;
    return p;
}

void *aipm_arena_alloc(aipm_arena *a, size_t size) {
    void *p = take(a, &size);
    memset(p, 0, size);
    return p;
}

void *aipm_arena_alloc_uninit(aipm_arena *a, size_t size) {
    return take(a, &size);
}

void *aipm_arena_calloc(aipm_arena *a, size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) {
        return aipm_xreallocarray(NULL, n, size); /* overflows too: aborts, out of memory */
    }
    return aipm_arena_alloc(a, n * size);
}

char *aipm_arena_strndup(aipm_arena *a, const char *s, size_t len) {
    size_t size = len + 1;
    char *p = take(a, &size);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void aipm_arena_release(aipm_arena *a) {
    aipm_arena_chunk *c = a->head;
    while (c) {
        aipm_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}
