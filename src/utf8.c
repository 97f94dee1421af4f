/*
 * utf8: strict UTF-8 decoding (RFC 3629): no overlong forms, no surrogates,
 * nothing above U+10FFFF. Used for columns (code points from line start) and
 * for the invalid-UTF-8 warning at load time.
 */
#include "utf8.h"

int32_t aipm_utf8_decode(const char *str, size_t len, size_t *adv) {
    const unsigned char *s = (const unsigned char *)str;
    *adv = 1;
    if (len == 0) {
        return -1;
    }
    unsigned c = s[0];
    if (c < 0x80) {
        return (int32_t)c;
    }
    size_t n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return -1;
    }
    if (len < n) {
        return -1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return -1;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return -1;
    }
    *adv = n;
    return (int32_t)cp;
}

size_t aipm_utf8_count(const char *s, size_t len) {
    size_t n = 0, i = 0;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
        } else {
            size_t adv;
            aipm_utf8_decode(s + i, len - i, &adv);
            i += adv;
        }
        n++;
    }
    return n;
}

size_t aipm_utf8_find_invalid(const char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t adv;
        if (aipm_utf8_decode(s + i, len - i, &adv) < 0) {
            return i;
        }
        i += adv;
    }
    return len;
}

size_t aipm_utf8_encode(int32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0 || cp > 0x10FFFF) {
        cp = 0xFFFD;
    }
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
