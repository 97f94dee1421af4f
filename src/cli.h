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
    const char *format;
    aipm_kind kind; /* AIPM_KIND_COUNT: detect */
    int fail_on;    /* severity, or 3 for never */
    bool list_rules;
    const char *explain;
    bool test_rules;
    aipm_color_mode color;
    bool quiet;
    int show_source; /* -1 auto, 0 no, 1 yes */
    bool statistics;
    const char *stdin_filename;
    size_t max_file_size;
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
