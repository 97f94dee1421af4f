/*
 * suggest: closest-candidate lookup by edit distance. A candidate counts as
 * a likely typo when its distance is at most a third of the longer word
 * (at least 1, at most 3), as git's "did you mean" and ruff's hints do.
 */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

size_t aipm_suggest_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    size_t *row = aipm_xcalloc(lb + 1, sizeof(*row));
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) {
                best = up + 1;
            }
            if (row[j - 1] + 1 < best) {
                best = row[j - 1] + 1;
            }
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

const char *aipm_suggest(const char *word, const char *const *cands) {
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; cands && cands[i]; i++) {
        size_t d = aipm_suggest_distance(word, cands[i]);
        size_t longer = strlen(word) > strlen(cands[i]) ? strlen(word) : strlen(cands[i]);
        size_t limit = longer / 3;
        if (limit < 1) {
            limit = 1;
        }
        if (limit > 3) {
            limit = 3;
        }
        if (d <= limit && d < best_d) {
            best = cands[i];
            best_d = d;
        }
    }
    return best;
}
