/*
 * ascii: locale-independent character classes (the cmark_ctype model).
 * Bytes >= 0x80 are never space, alpha, digit or punctuation here.
 */
#ifndef AIPM_ASCII_H
#define AIPM_ASCII_H

#include <stdbool.h>
#include <stdint.h>

static inline bool aipm_ascii_is_space(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline bool aipm_ascii_is_digit(int c) {
    return c >= '0' && c <= '9';
}

static inline bool aipm_ascii_is_upper(int c) {
    return c >= 'A' && c <= 'Z';
}

static inline bool aipm_ascii_is_lower(int c) {
    return c >= 'a' && c <= 'z';
}

static inline bool aipm_ascii_is_alpha(int c) {
    return aipm_ascii_is_upper(c) || aipm_ascii_is_lower(c);
}

static inline bool aipm_ascii_is_alnum(int c) {
    return aipm_ascii_is_alpha(c) || aipm_ascii_is_digit(c);
}

static inline bool aipm_ascii_is_punct(int c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

static inline int aipm_ascii_tolower(int c) {
    return aipm_ascii_is_upper(c) ? c + ('a' - 'A') : c;
}

/* Eight bytes at a time (SWAR): AIPM_ASCII_ONES * c repeats byte c. */
#define AIPM_ASCII_ONES UINT64_C(0x0101010101010101)

/* Nonzero when a byte of 'w' is zero. Only bytes above a zero byte can be
 * flagged wrongly, so as a yes/no, and for the lowest flagged byte, it is exact. */
static inline uint64_t aipm_ascii_zero_byte(uint64_t w) {
    return (w - AIPM_ASCII_ONES) & ~w & UINT64_C(0x8080808080808080);
}

#endif
