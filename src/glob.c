/*
 * glob: the config file's path patterns (glob.h has the grammar and
 * examples).
 *
 * The matcher works segment by segment with an explicit backtracking point
 * for the last '**' seen, and character by character inside a segment with
 * one for the last '*', so it runs in O(len(pattern) * len(path)) without
 * recursion whatever the input.
 */
#include "glob.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Match one segment 'p'[0, pn) against 's'[0, sn): '*' and '?' within it. */
static bool segment_match(const char *p, size_t pn, const char *s, size_t sn) {
    size_t pi = 0, si = 0, star_p = (size_t)-1, star_s = 0;
    while (si < sn) {
        if (pi < pn && (p[pi] == '?' || p[pi] == s[si])) {
            pi++;
            si++;
        } else if (pi < pn && p[pi] == '*') {
            star_p = pi++;
            star_s = si;
        } else if (star_p != (size_t)-1) {
            pi = star_p + 1;
            si = ++star_s;
        } else {
            return false;
        }
    }
    while (pi < pn && p[pi] == '*') {
        pi++;
    }
    return pi == pn;
}

/* Length of the segment starting at 's' (up to '/' or the end). */
static size_t seg_len(const char *s) {
    const char *slash = strchr(s, '/');
    return slash ? (size_t)(slash - s) : strlen(s);
}

/* Advance past the segment at 's' and its '/'; NULL after the last one. */
static const char *next_seg(const char *s) {
    const char *slash = strchr(s, '/');
    return slash ? slash + 1 : NULL;
}

/* Match the whole of 'path' against the whole of 'pattern', segment-wise. */
static bool path_match(const char *pattern, const char *path) {
    const char *p = pattern, *s = path;
    const char *star_p = NULL, *star_s = NULL; /* after the last '**', and the path there */
    for (;;) {
        if (p && seg_len(p) == 2 && strncmp(p, "**", 2) == 0) {
            star_p = next_seg(p);
            star_s = s;
            p = star_p;
            if (!p) {
                return s != NULL; /* trailing '**': one or more segments */
            }
            continue;
        }
        if (!s) {
            return !p;
        }
        if (p && segment_match(p, seg_len(p), s, seg_len(s))) {
            p = next_seg(p);
            s = next_seg(s);
            if (!p && !s) {
                return true;
            }
            if (!p || !s) {
                /* one ran out first: backtrack if a '**' can absorb a segment */
                if (star_s && next_seg(star_s)) {
                    star_s = next_seg(star_s);
                    p = star_p;
                    s = star_s;
                    continue;
                }
                return !p && !s;
            }
            continue;
        }
        if (star_s && next_seg(star_s)) {
            star_s = next_seg(star_s);
            p = star_p;
            s = star_s;
            continue;
        }
        return false;
    }
}

bool aipm_glob_match(const char *pattern, const char *path) {
    while (pattern[0] == '.' && pattern[1] == '/') {
        pattern += 2;
    }
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
    }
    size_t plen = strlen(pattern);
    if (plen == 0) {
        return false;
    }
    bool anchored = strchr(pattern, '/') != NULL &&
                    !(pattern[plen - 1] == '/' && memchr(pattern, '/', plen - 1) == NULL);
    if (pattern[plen - 1] == '/') {
        plen--;
    }
    char *buf = aipm_xmalloc(plen + 4);
    bool hit = false;
    // 'X' also matches everything below a folder X: try 'X', then 'X/**'
    memcpy(buf, pattern, plen);
    buf[plen] = '\0';
    for (int pass = 0; pass < 2 && !hit; pass++) {
        if (pass == 1) {
            memcpy(buf + plen, "/**", 4);
        }
        if (anchored) {
            hit = path_match(buf, path);
        } else {
            /* no '/' in the pattern: match at any depth */
            for (const char *s = path; s && !hit; s = next_seg(s)) {
                hit = path_match(buf, s);
            }
        }
    }
    free(buf);
    return hit;
}
