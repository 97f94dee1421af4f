/*
 * buf: growable byte buffer; see buf.h.
 *
 * Invariant: ptr[len] == '\0' at all times. While cap == 0, ptr points at the
 * shared one-byte aipm_buf_empty_ and must never be written or freed.
 */
#include "buf.h"

#include <stdio.h>
#include <string.h>

#include "mem.h"

char aipm_buf_empty_[1];

void aipm_buf_init(aipm_buf *b) {
    b->ptr = aipm_buf_empty_;
    b->len = 0;
    b->cap = 0;
}

void aipm_buf_release(aipm_buf *b) {
    if (b->cap) {
        free(b->ptr);
    }
    aipm_buf_init(b);
}

void aipm_buf_clear(aipm_buf *b) {
    b->len = 0;
    if (b->cap) {
        b->ptr[0] = '\0';
    }
}

void aipm_buf_grow(aipm_buf *b, size_t extra) {
    size_t need = b->len + extra + 1;
    if (need <= b->cap) {
        return;
    }
    size_t cap = b->cap ? b->cap + b->cap / 2 : 64;
    if (cap < need) {
        cap = need;
    }
    if (b->cap) {
        b->ptr = aipm_xrealloc(b->ptr, cap);
    } else {
        b->ptr = aipm_xmalloc(cap);
        b->ptr[0] = '\0';
    }
    b->cap = cap;
}

void aipm_buf_put(aipm_buf *b, const void *data, size_t len) {
    if (len == 0) {
        return;
    }
    aipm_buf_grow(b, len);
    memmove(b->ptr + b->len, data, len);
    b->len += len;
    b->ptr[b->len] = '\0';
}

void aipm_buf_puts(aipm_buf *b, const char *s) {
    aipm_buf_put(b, s, strlen(s));
}

void aipm_buf_putc(aipm_buf *b, int c) {
    aipm_buf_grow(b, 1);
    b->ptr[b->len++] = (char)c;
    b->ptr[b->len] = '\0';
}

void aipm_buf_vprintf(aipm_buf *b, const char *fmt, va_list ap) {
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n <= 0) {
        return;
    }
    aipm_buf_grow(b, (size_t)n);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void aipm_buf_printf(aipm_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    aipm_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void aipm_buf_truncate(aipm_buf *b, size_t len) {
    if (len < b->len) {
        b->len = len;
        b->ptr[len] = '\0';
    }
}

char *aipm_buf_detach(aipm_buf *b) {
    char *s = b->cap ? b->ptr : aipm_xstrdup("");
    aipm_buf_init(b);
    return s;
}
