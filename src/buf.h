/*
 * buf: a growable, always NUL-terminated byte buffer (the cmark_strbuf model).
 *
 * An aipm_buf is a plain struct, usually on the stack:
 *
 *     aipm_buf b = AIPM_BUF_INIT;
 *     aipm_buf_puts(&b, "hello");
 *     aipm_buf_printf(&b, " %d", 42);      // b.ptr == "hello 42", b.len == 8
 *     char *s = aipm_buf_detach(&b);       // caller frees s; b is empty again
 *
 * 'ptr' is never NULL: an empty buffer points at a shared empty string.
 */
#ifndef AIPM_BUF_H
#define AIPM_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "util.h"

typedef struct aipm_buf {
    char *ptr;
    size_t len;
    size_t cap; /* 0 while ptr is the shared empty string */
} aipm_buf;

extern char aipm_buf_empty_[1];
#define AIPM_BUF_INIT                                                                              \
    { aipm_buf_empty_, 0, 0 }

/** Make 'b' an empty buffer. */
void aipm_buf_init(aipm_buf *b);

/** Free what 'b' holds and make it empty again. */
void aipm_buf_release(aipm_buf *b);

/** Empty 'b' but keep its memory for reuse. */
void aipm_buf_clear(aipm_buf *b);

/** Make room for 'extra' more bytes. */
void aipm_buf_grow(aipm_buf *b, size_t extra);

/** Append 'len' bytes at 'data'. */
void aipm_buf_put(aipm_buf *b, const void *data, size_t len);

/** Append the NUL-terminated string 's'. */
void aipm_buf_puts(aipm_buf *b, const char *s);

/** Append one byte. */
void aipm_buf_putc(aipm_buf *b, int c);

/** Append printf-formatted text. */
void aipm_buf_printf(aipm_buf *b, const char *fmt, ...) AIPM_PRINTF(2, 3);

/** Append vprintf-formatted text. */
void aipm_buf_vprintf(aipm_buf *b, const char *fmt, va_list ap) AIPM_PRINTF(2, 0);

/** Shorten 'b' to 'len' bytes (no-op when it is shorter). */
void aipm_buf_truncate(aipm_buf *b, size_t len);

/** Return the contents as a heap string the caller frees; 'b' is left empty. */
char *aipm_buf_detach(aipm_buf *b);

#endif
