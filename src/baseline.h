/*
 * baseline: adopt the linter on an existing docs repo by recording today's
 * findings (--write-baseline FILE) and reporting only new ones afterwards
 * (--baseline FILE).
 *
 * A finding is recorded as (path, rule, fingerprint, count), never by line:
 * the fingerprint hashes the rule id, the matched source text and the text
 * of the line it is on (white space folded), so findings survive lines added
 * or removed elsewhere in the file. 'count' is how many findings of a file
 * share one fingerprint (the occurrence counter for duplicates). The file is
 * JSON, sorted by path, rule and fingerprint, so rewriting an unchanged
 * result gives the same bytes.
 */
#ifndef AIPM_BASELINE_H
#define AIPM_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "error.h"
#include "lint.h"

typedef struct aipm_baseline_entry {
    char *path;
    char *rule;
    char *fingerprint; /* 16 lower-case hex digits */
    char *text;        /* the matched text, folded and shortened: for people only */
    size_t count;      /* recorded findings with this key */
    size_t matched;    /* findings of this run that matched it */
    bool linted;       /* its path was linted in this run */
} aipm_baseline_entry;

typedef struct aipm_baseline {
    aipm_baseline_entry *items;
    size_t n;
    size_t cap;
} aipm_baseline;

#define AIPM_BASELINE_INIT                                                                         \
    { NULL, 0, 0 }

/**
 * Write the fingerprint of 'd' in source 'src' ('len' bytes) to 'out' as 16
 * hex digits and a NUL.
 */
void aipm_baseline_fingerprint(const char *src, size_t len, const aipm_diag *d, char out[17]);

/** Record every finding of 'r' (which must keep its source) in 'b'. */
void aipm_baseline_add(aipm_baseline *b, const aipm_file_result *r);

/** Sort 'b' and write it to 'out' as the baseline file's JSON. */
void aipm_baseline_format(aipm_baseline *b, aipm_buf *out);

/** Read the baseline file 'path' into 'b'. Fails with 'err' at the offending mark. */
int aipm_baseline_load(aipm_baseline *b, const char *path, aipm_error *err);

/**
 * Remove from 'r' (which must keep its source) every finding recorded in 'b',
 * counting it as matched. Returns how many were removed.
 */
size_t aipm_baseline_filter(aipm_baseline *b, aipm_file_result *r);

/** Return how many recorded findings of linted paths matched nothing. */
size_t aipm_baseline_stale(const aipm_baseline *b);

/** Free what 'b' holds. */
void aipm_baseline_release(aipm_baseline *b);

#endif
