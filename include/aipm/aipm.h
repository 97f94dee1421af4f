/*
 * aipm.h: the public API of aipm-lint, a linter for Markdown product
 * documents. Opaque handles only; no cmark, PCRE2 or libyaml type appears.
 *
 *     char *err = NULL;
 *     aipm_linter *l = aipm_linter_new(1, &err);          // built-in rules
 *     aipm_result *r = aipm_linter_lint(l, "vision.md", text, len, &err);
 *     for (size_t i = 0; i < aipm_result_count(r); i++)
 *         printf("%u:%u %s\n", aipm_result_line(r, i), aipm_result_column(r, i),
 *                aipm_result_message(r, i));
 *     aipm_result_free(r);
 *     aipm_linter_free(l);
 *
 * Error strings ('*err') are heap strings the caller frees with free().
 */
#ifndef AIPM_AIPM_H
#define AIPM_AIPM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AIPM_VERSION "0.1.0"

typedef struct aipm_linter aipm_linter;
typedef struct aipm_result aipm_result;

/** Return the library version, e.g. "0.1.0". */
const char *aipm_version(void);

/**
 * Make a linter, with the built-in rule pack when 'builtin' is non-zero.
 * Returns NULL and sets '*err' (when 'err' is not NULL) on failure.
 */
aipm_linter *aipm_linter_new(int builtin, char **err);

/**
 * Add the rule file at 'path'. Returns 0, or -1 with '*err' set as
 * "FILE:LINE:COL: error: ..." and the linter unchanged.
 */
int aipm_linter_add_rules(aipm_linter *l, const char *path, char **err);

/**
 * Lint 'len' bytes of Markdown at 'text' as if read from 'path'. Returns the
 * result (free with aipm_result_free), or NULL with '*err' set.
 */
aipm_result *aipm_linter_lint(aipm_linter *l, const char *path, const char *text, size_t len,
                              char **err);

/** Free 'l'; NULL is a no-op. Results it made stay valid only while it lives. */
void aipm_linter_free(aipm_linter *l);

/** Return the number of diagnostics in 'r'. */
size_t aipm_result_count(const aipm_result *r);

/** Return the detected document kind ("vision", "prd", "onepager", "spec", "other"). */
const char *aipm_result_kind(const aipm_result *r);

/** Return diagnostic 'i's rule id; borrowed until the linter is freed. */
const char *aipm_result_rule(const aipm_result *r, size_t i);

/** Return diagnostic 'i's severity: "error", "warning" or "info". */
const char *aipm_result_severity(const aipm_result *r, size_t i);

/** Return diagnostic 'i's message; borrowed until aipm_result_free. */
const char *aipm_result_message(const aipm_result *r, size_t i);

/** Return diagnostic 'i's 1-based start line. */
unsigned aipm_result_line(const aipm_result *r, size_t i);

/** Return diagnostic 'i's 1-based start column (code points). */
unsigned aipm_result_column(const aipm_result *r, size_t i);

/** Return diagnostic 'i's end line. */
unsigned aipm_result_end_line(const aipm_result *r, size_t i);

/** Return diagnostic 'i's end column (exclusive). */
unsigned aipm_result_end_column(const aipm_result *r, size_t i);

/** Free 'r'; NULL is a no-op. */
void aipm_result_free(aipm_result *r);

#ifdef __cplusplus
}
#endif

#endif
