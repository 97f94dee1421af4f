/*
 * cli: the option table, parsing and --help. One declarative table drives
 * both, so the help text cannot drift from what is parsed (git's
 * parse-options model).
 */
#ifndef AIPM_CLI_H
#define AIPM_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "doc.h"
#include "error.h"

typedef enum aipm_color_mode {
    AIPM_COLOR_AUTO,
    AIPM_COLOR_ALWAYS,
    AIPM_COLOR_NEVER
} aipm_color_mode;

/* One --format: where its report goes. */
typedef struct aipm_cli_output {
    const char *format;
    const char *path; /* --output FILE or NAME=FILE; NULL or "-": stdout */
} aipm_cli_output;

typedef struct aipm_cli {
    const char **paths;
    size_t n_paths;
    const char **rules; /* --rules FILE, in order */
    size_t n_rules;
    const char **select; /* --select, split on commas */
    size_t n_select;
    const char **ignore;
    size_t n_ignore;
    bool no_builtin;
    const char *format;       /* the format written to stdout, or NULL when all go to files */
    aipm_cli_output *outputs; /* every --format in order; at least one after parsing */
    size_t n_outputs;
    aipm_kind kind;    /* AIPM_KIND_COUNT: detect */
    int fail_on;       /* severity, or 3 for never */
    long max_warnings; /* --max-warnings N; -1: no limit */
    bool list_rules;
    const char *explain;
    bool test_rules;
    aipm_color_mode color;
    bool quiet;
    int show_source; /* -1 auto, 0 no, 1 yes */
    bool statistics;
    const char *stdin_filename;
    size_t max_file_size;
    unsigned jobs; /* --jobs; 0: the number of online CPUs */

    /* configuration, suppressions and baselines (docs/configuration.md) */
    bool fail_on_set;           /* --fail-on was given (else the config's 'fail-on' applies) */
    const char *config;         /* --config FILE */
    bool no_config;             /* --no-config */
    const char *print_config;   /* --print-config FILE */
    const char *baseline;       /* --baseline FILE */
    const char *write_baseline; /* --write-baseline FILE */

    bool version;
    bool help;
    char **owned; /* strings split from comma lists */
    size_t n_owned;
} aipm_cli;

/** Parse 'argc'/'argv' into 'cli'. On a usage error fill 'err' and return -1. */
int aipm_cli_parse(aipm_cli *cli, int argc, char **argv, aipm_error *err);

/** Write the --help text to 'out'. */
void aipm_cli_help(FILE *out);

/** Free what parsing allocated. */
void aipm_cli_release(aipm_cli *cli);

#endif
