/*
 * suggest: "did you mean" for unknown keys, options, rule ids and names.
 */
#ifndef AIPM_SUGGEST_H
#define AIPM_SUGGEST_H

#include <stddef.h>

/** Return the edit distance between 'a' and 'b' (Levenshtein, byte-wise). */
size_t aipm_suggest_distance(const char *a, const char *b);

/**
 * Return the candidate of the NULL-terminated list 'cands' closest to 'word',
 * or NULL when none is close enough to be a likely typo. Borrowed from 'cands'.
 */
const char *aipm_suggest(const char *word, const char *const *cands);

#endif
