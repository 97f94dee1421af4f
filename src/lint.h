/*
 * lint: one file through the whole pipeline: read -> document model ->
 * traits -> rules -> sorted diagnostics. The result keeps what reporters
 * need after the document itself is freed.
 */
#ifndef AIPM_LINT_H
#define AIPM_LINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "doc.h"
#include "engine.h"
#include "error.h"
#include "ruleset.h"

typedef struct aipm_lint_opts {
    aipm_kind kind;         /* AIPM_KIND_COUNT: detect */
    size_t max_file_size;   /* bytes */
    const char *stdin_name; /* display name for "-" */
    bool keep_source;       /* keep the source for --show-source */
    /* Per-file rule states from the config (config.h), one entry per rule of
     * the ruleset; NULL: the ruleset's own enabled[] and severity[]. */
    const bool *enabled;
    const aipm_severity *severity;
    bool has_config_kind;  /* a config 'kinds' glob matched: */
    aipm_kind config_kind; /* the kind it names */
    bool no_suppress;      /* ignore inline suppression comments */
    bool no_jit;           /* match with PCRE2's interpreter: a short run, where compiling
                              patterns to machine code would cost more than it saves */
} aipm_lint_opts;

typedef struct aipm_file_result {
    char *path; /* display path, owned */
    bool ok;    /* false: 'error' says why the file was not linted */
    aipm_error error;
    aipm_kind kind;
    uint64_t traits;
    aipm_diag_list diags;       /* sorted */
    uint32_t invalid_utf8_line; /* first line with invalid UTF-8, or 0 */
    char *src;                  /* the source when keep_source, else NULL */
    size_t src_len;
} aipm_file_result;

/**
 * Lint the file 'path' ("-" for stdin) with the enabled rules of 'rs' using
 * worker 'e', filling '*out' (which the caller releases with
 * aipm_file_result_release). A file that cannot be read or parsed gives
 * out->ok == false and the error; this never aborts the run.
 */
void aipm_lint_file(const aipm_ruleset *rs, aipm_engine *e, const aipm_lint_opts *opts,
                    const char *path, aipm_file_result *out);

/**
 * Lint 'len' bytes at 'src' as if read from 'path'. With 'only' set, run just
 * that rule, ignoring its kinds, 'when' and enabled flag (rule self-tests).
 */
void aipm_lint_buffer(const aipm_ruleset *rs, aipm_engine *e, const aipm_lint_opts *opts,
                      const char *path, const char *src, size_t len, const aipm_rule *only,
                      aipm_file_result *out);

/** Free what 'r' holds. */
void aipm_file_result_release(aipm_file_result *r);

#endif
