/*
 * report: the output-format interface. A reporter only formats: filtering,
 * sorting and the exit code are decided before it runs (DESIGN section 2).
 * One file per format under src/report/, one table in report/registry.c.
 */
#ifndef AIPM_REPORT_H
#define AIPM_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lint.h"
#include "ruleset.h"

typedef struct aipm_report_opts {
    bool color;                /* ANSI colours (decided once in main.c) */
    bool show_source;          /* text: the source line and a caret underline */
    bool quiet;                /* text: no summary line */
    const aipm_ruleset *rules; /* for help links and rule metadata */
    int fail_on;               /* junit: a finding at or above it fails a testcase (3: never) */
    const int *file_fail_on;   /* per file, overriding 'fail_on' (config fail-on), or NULL */
    const char *step_summary;  /* github: append a Markdown summary to this file, or NULL */
} aipm_report_opts;

typedef struct aipm_reporter {
    const char *name;
    const char *description;
    /** Write 'n' file results to 'out'. */
    void (*write)(FILE *out, const aipm_file_result *files, size_t n, const aipm_report_opts *opts);
    bool needs_source; /* reads aipm_file_result.src (byte columns, fingerprints) */
} aipm_reporter;

extern const aipm_reporter aipm_report_checkstyle;
extern const aipm_reporter aipm_report_github;
extern const aipm_reporter aipm_report_gitlab;
extern const aipm_reporter aipm_report_json;
extern const aipm_reporter aipm_report_junit;
extern const aipm_reporter aipm_report_rdjson;
extern const aipm_reporter aipm_report_sarif;
extern const aipm_reporter aipm_report_text;

/** Return the reporter named 'name', or NULL. */
const aipm_reporter *aipm_report_find(const char *name);

/** Return the NULL-terminated list of format names. */
const char *const *aipm_report_names(void);

/** Count the diagnostics of severity 'sev' over 'n' results. */
size_t aipm_report_count(const aipm_file_result *files, size_t n, aipm_severity sev);

/** Return the documentation link of a rule ("docs/rules/<id>.md" for built-ins), or NULL. */
const char *aipm_report_help_uri(const aipm_report_opts *opts, const char *rule_id, aipm_buf *tmp);

#endif
