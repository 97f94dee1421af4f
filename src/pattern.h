/*
 * pattern: PCRE2 behind a small API. The only file that includes <pcre2.h>
 * is pattern.c.
 *
 * A pattern compiles once (UTF, UCP, MATCH_INVALID_UTF so bad bytes never stop
 * a match, JIT when available) and is then shared read-only by every worker.
 * Matching needs per-worker scratch (match data, limits, JIT stack): an
 * aipm_matcher, one per thread.
 *
 * A word list becomes one pattern, an alternation between word boundaries:
 *
 *     words [seamless, best-in-class]  ->  (?<!\w)(?:best\-in\-class|seamless)(?!\w)
 *
 * (case-insensitive when compiled with AIPM_PATTERN_IGNORE_CASE). Longer lists
 * compile to a trie of shared prefixes, a(?:dmins|nalysts), which PCRE2 scans
 * faster than a flat list (pattern.c).
 */
#ifndef AIPM_PATTERN_H
#define AIPM_PATTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct aipm_pattern aipm_pattern;
typedef struct aipm_matcher aipm_matcher;

enum aipm_pattern_flags {
    AIPM_PATTERN_IGNORE_CASE = 1u << 0, /* match without regard to case */
    /* compile on first match, not now: only for patterns known to compile
     * (the built-in pack, which the tests compile), since a bad one is not
     * reported (its searches return AIPM_MATCH_LIMIT) */
    AIPM_PATTERN_DEFER = 1u << 1,
};

/* The backtracking budget of one match; a pattern that needs more fails the match. */
#define AIPM_PATTERN_MATCH_LIMIT 1000000u
#define AIPM_PATTERN_DEPTH_LIMIT 10000u

/**
 * Compile 'src' ('len' bytes) with 'flags'. On failure return NULL and fill
 * 'err' at 'path':'line':'col' (the YAML mark of the pattern) with PCRE2's
 * message and the offset in the pattern.
 */
aipm_pattern *aipm_pattern_compile(const char *src, size_t len, unsigned flags, const char *path,
                                   unsigned line, unsigned col, aipm_error *err);

/**
 * Compile the 'n' strings 'words' into one whole-word alternation (each word
 * matched literally, longest first). Returns NULL and fills 'err' as above.
 */
aipm_pattern *aipm_pattern_words(const char *const *words, size_t n, unsigned flags,
                                 const char *path, unsigned line, unsigned col, aipm_error *err);

/** Free 'p'; NULL is a no-op. */
void aipm_pattern_free(aipm_pattern *p);

/** Return the pattern's source as written (borrowed, lives as long as 'p'). */
const char *aipm_pattern_source(const aipm_pattern *p);

/** Make the per-thread scratch for matching. Free with aipm_matcher_free. */
aipm_matcher *aipm_matcher_new(void);

/** Free 'm'; NULL is a no-op. */
void aipm_matcher_free(aipm_matcher *m);

/**
 * Match with JIT code (the default; each pattern is JIT-compiled before its
 * first match) or with PCRE2's interpreter, which starts at once. The two
 * find the same matches; they count toward the match limit differently, so
 * a pattern close to the limit may hit it in one and not the other.
 */
void aipm_matcher_set_jit(aipm_matcher *m, bool on);

/* Result of aipm_pattern_find. */
typedef enum aipm_match_result {
    AIPM_MATCH_NONE = 0,
    AIPM_MATCH_FOUND = 1,
    AIPM_MATCH_LIMIT = -1 /* the pattern hit the match or depth limit: treat as no match */
} aipm_match_result;

/**
 * Find the first match of 'p' in 'subject' ('len' bytes) starting at byte
 * 'start'. On AIPM_MATCH_FOUND set '*ms' and '*me' to the match's byte range
 * (an empty match is allowed; callers advance past it).
 */
aipm_match_result aipm_pattern_find(const aipm_pattern *p, const char *subject, size_t len,
                                    size_t start, aipm_matcher *m, size_t *ms, size_t *me);

/**
 * Like aipm_pattern_find, but only find a match that starts at or before
 * byte 'last' (PCRE2's offset limit): the search stops there.
 */
aipm_match_result aipm_pattern_find_upto(const aipm_pattern *p, const char *subject, size_t len,
                                         size_t start, size_t last, aipm_matcher *m, size_t *ms,
                                         size_t *me);

/**
 * Like aipm_pattern_find but also report the range of capture group 'group'
 * in '*gs', '*ge' (both set to (size_t)-1 when the group did not take part).
 */
aipm_match_result aipm_pattern_find_group(const aipm_pattern *p, const char *subject, size_t len,
                                          size_t start, aipm_matcher *m, size_t *ms, size_t *me,
                                          unsigned group, size_t *gs, size_t *ge);

/** Return the length of the pattern's source in bytes. */
size_t aipm_pattern_source_len(const aipm_pattern *p);

/**
 * A number kept with the pattern for its owner (UINT32_MAX until set): the
 * prefilter notes the pattern's slot here (prefilter.h).
 */
uint32_t aipm_pattern_tag(const aipm_pattern *p);
void aipm_pattern_set_tag(aipm_pattern *p, uint32_t tag);

/* Called with each pattern of a set (aipm_check_kind.patterns, aipm_ruleset_visit_patterns). */
typedef void (*aipm_pattern_visit)(void *arg, aipm_pattern *p);

/** Return the number of capture groups in 'p'. */
unsigned aipm_pattern_groups(const aipm_pattern *p);

#endif
