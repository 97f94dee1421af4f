/*
 * prefilter: which of many patterns can match in a text, found in one pass.
 *
 * Most rule patterns start with a word from a list, \b(?:rate|ratio|churn)...,
 * so every match starts with one of a few literal strings. A block of text in
 * which none of them occurs needs no PCRE2 search at all, and most blocks are
 * like that for most patterns. The prefilter derives each pattern's literal
 * prefixes from its source, puts the prefixes of every pattern of a ruleset
 * in one trie, and scans a block's text once to learn which patterns may
 * match in it:
 *
 *     \b(?:rate|ratio)\s+of   ->  "rat" + "e"|"io"  ->  rate, ratio (at a word start)
 *     (?i)up/?down            ->  "up"
 *     \w+ly\b                 ->  (none: any text may match; always searched)
 *
 * The analysis is conservative: a construct it does not understand ends the
 * prefix there, or leaves the pattern out (it is then always searched), so a
 * prefilter only ever skips searches that could not have matched. Letters
 * compare without case, which covers every ASCII letter PCRE2 matches without
 * case except two non-ASCII characters: a text holding U+017F (long s) or
 * U+212A (Kelvin sign) makes every pattern a candidate.
 */
#ifndef AIPM_PREFILTER_H
#define AIPM_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pattern.h"

typedef struct aipm_prefilter aipm_prefilter;

/* One literal prefix of a pattern (lower case ASCII). */
typedef struct aipm_prefix {
    char *text;
    size_t len;
    bool word_start; /* the match starts where no ASCII letter, digit or '_' precedes */
} aipm_prefix;

/**
 * The literal prefixes of the pattern 'src' ('len' bytes): every match starts
 * with one of them (a string may appear more than once). Returns the number
 * (a heap array in '*out', freed with aipm_prefixes_free), or 0 when the
 * pattern cannot be reduced to prefixes.
 */
size_t aipm_prefixes(const char *src, size_t len, aipm_prefix **out);

/** Free what aipm_prefixes returned. */
void aipm_prefixes_free(aipm_prefix *v, size_t n);

/** A new, empty prefilter. */
aipm_prefilter *aipm_prefilter_new(void);

/** Free 'pf'; NULL is a no-op. The patterns added are not freed. */
void aipm_prefilter_free(aipm_prefilter *pf);

/**
 * Add 'p' (once; adding it again is a no-op), noting its slot in the pattern
 * (aipm_pattern_set_tag). A pattern without literal prefixes gets no slot:
 * aipm_prefilter_slot returns AIPM_PREFILTER_NONE for it.
 */
void aipm_prefilter_add(aipm_prefilter *pf, aipm_pattern *p);

#define AIPM_PREFILTER_NONE UINT32_MAX

/** The slot of 'p' in 'pf', or AIPM_PREFILTER_NONE (not added, or no prefixes). */
uint32_t aipm_prefilter_slot(const aipm_prefilter *pf, const aipm_pattern *p);

/** The number of patterns with a slot (slots are 0 to this, exclusive). */
size_t aipm_prefilter_slots(const aipm_prefilter *pf);

/* A place where a pattern's match may start: text offset and pattern slot. */
typedef struct aipm_prefilter_hit {
    uint32_t pos;
    uint32_t slot;
} aipm_prefilter_hit;

/**
 * Scan 'len' bytes of 'text' (at most UINT32_MAX) and append to the growable
 * array '*hits' ('*n' used of '*cap') every place where a prefix of a slotted
 * pattern starts, in text order: no match of such a pattern starts anywhere
 * else. Returns false when the text defeats the filter (it holds U+017F or
 * U+212A): then every pattern may match anywhere, and the hits are partial.
 */
bool aipm_prefilter_scan(const aipm_prefilter *pf, const char *text, size_t len,
                         aipm_prefilter_hit **hits, size_t *n, size_t *cap);

#endif
