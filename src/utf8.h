/*
 * utf8: decoding and code-point counting without the C locale.
 *
 * Invalid input is never an error here: an invalid or overlong sequence, a
 * surrogate or a truncated sequence counts as one code point per bad byte, so
 * bad bytes never shift the columns of the text after them.
 */
#ifndef AIPM_UTF8_H
#define AIPM_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * Decode the code point at 's' (at most 'len' bytes). Store its length in
 * '*adv' (1 for an invalid byte) and return it, or -1 for an invalid byte.
 */
int32_t aipm_utf8_decode(const char *s, size_t len, size_t *adv);

/** Return the number of code points in 'len' bytes at 's' (invalid bytes count one each). */
size_t aipm_utf8_count(const char *s, size_t len);

/** Return the byte offset of the first invalid sequence in 's', or 'len' when all is valid. */
size_t aipm_utf8_find_invalid(const char *s, size_t len);

/** Append the UTF-8 encoding of 'cp' to 'out' (room for 4 bytes); return its length. */
size_t aipm_utf8_encode(int32_t cp, char *out);

#endif
