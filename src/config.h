// config: .aipm-lint.yaml, found by walking up from each linted file (the
// nearest wins), read strictly like a rule file, and turned into per-file
// settings: which ruleset runs, each rule's enabled flag and severity, the
// document kind from a glob, whether the file is ignored, and fail-on.
//
//   rules: {vision.vague: error, style: off}   per id or family prefix
//   rule-files: [lint/ours.yaml]                relative to the config's folder
//   builtin: true
//   kinds: {"docs/prd/**": prd}
//   ignore: ["drafts/**"]
//   overrides: [{files: ["archive/**"], rules: {metrics: warning}}]
//   fail-on: warning
//
// Layering for one rule, later wins: the rule's own severity; config 'rules'
// (family prefixes first, then exact ids); each matching override in order
// (same); then --select (exactly the selected rules run) and --ignore.
//
// The walk stops at the first folder holding .aipm-lint.yaml, at a folder
// holding .git, or at the filesystem root. A config with 'rule-files' or
// 'builtin: false' gets its own ruleset, loaded once and cached.
#ifndef AIPM_CONFIG_H
#define AIPM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "doc.h"
#include "error.h"
#include "ruleset.h"

#define AIPM_CONFIG_NAME ".aipm-lint.yaml"

/* One 'rules:' entry: a rule id or family prefix and its level. */
typedef struct aipm_config_rule {
    char *name;
    bool off;
    aipm_severity severity; /* when not off */
    unsigned line, col;
} aipm_config_rule;

typedef struct aipm_config_override {
    char **files; /* globs */
    size_t n_files;
    aipm_config_rule *rules;
    size_t n_rules;
    unsigned line, col;
} aipm_config_override;

typedef struct aipm_config_kind {
    char *glob;
    aipm_kind kind;
    unsigned line, col;
} aipm_config_kind;

typedef struct aipm_config {
    char *path; /* as displayed in messages */
    char *dir;  /* absolute folder: the base of its globs */
    aipm_config_rule *rules;
    size_t n_rules;
    char **rule_files; /* resolved against the config's folder */
    size_t n_rule_files;
    bool builtin;
    aipm_config_kind *kinds;
    size_t n_kinds;
    char **ignore;
    size_t n_ignore;
    aipm_config_override *overrides;
    size_t n_overrides;
    int fail_on; /* -1 unset; else a severity, or 3 for never */
    unsigned fail_on_line;
    aipm_ruleset *rs; /* own ruleset (rule-files or builtin: false), else NULL */
} aipm_config;

/**
 * Parse the config 'path' ('len' bytes at 'data'); 'dir' is its absolute
 * folder. Strict: an unknown key, a wrong type or a bad value fails with 'err'
 * at the node's mark. Returns NULL on failure; free with aipm_config_free.
 */
aipm_config *aipm_config_parse(const char *path, const char *dir, const char *data, size_t len,
                               aipm_error *err);

/** Free 'cfg'; NULL is a no-op. */
void aipm_config_free(aipm_config *cfg);

/* What the command line says that the config layers under or over. */
typedef struct aipm_config_cli {
    const char *config;       /* --config FILE, or NULL */
    bool no_config;           /* --no-config */
    bool no_builtin;          /* --no-builtin */
    const char *const *rules; /* --rules FILEs */
    size_t n_rules;
    const char *const *select;
    size_t n_select;
    const char *const *ignore;
    size_t n_ignore;
    const char *stdin_name; /* --stdin-filename: where '-' is, for discovery */
} aipm_config_cli;

/* Where one rule's effective state came from. */
typedef struct aipm_rule_origin {
    const char *what; /* "default", "rules", "override", "--select", "--ignore" */
    const char *name; /* the config key or option value, or NULL */
    unsigned line, col;
} aipm_rule_origin;

/* The effective settings for one file (aipm_config_resolve). */
typedef struct aipm_file_settings {
    const aipm_config *config; /* NULL: no config applies */
    const aipm_ruleset *rs;    /* the rules to run (the base ruleset or the config's own) */
    bool *enabled;             /* per rule of rs, owned; NULL: rs's own arrays */
    aipm_severity *severity;
    aipm_rule_origin *origin;
    bool ignored;
    bool has_kind;
    aipm_kind kind;
    const aipm_config_kind *kind_from;
    int fail_on; /* from the config; -1 unset */
} aipm_file_settings;

typedef struct aipm_config_set aipm_config_set;

/**
 * Make a config cache for a run whose command-line ruleset is 'base' (which
 * must outlive it) with the options 'cli' (borrowed, must outlive it).
 */
aipm_config_set *aipm_config_set_new(const aipm_ruleset *base, const aipm_config_cli *cli);

/** Free 'set' and every config and ruleset it loaded; NULL is a no-op. */
void aipm_config_set_free(aipm_config_set *set);

/**
 * Fill 'out' with the settings for linting 'path' ("-" for stdin). Loads the
 * config that applies (once per config file) and its rule files. Fails with
 * 'err' on an unreadable or invalid config or rule file. Release 'out' with
 * aipm_file_settings_release; it borrows from 'set'.
 */
int aipm_config_resolve(aipm_config_set *set, const char *path, aipm_file_settings *out,
                        aipm_error *err);

/** Free what 'fs' owns. */
void aipm_file_settings_release(aipm_file_settings *fs);

/** Write the effective settings 'fs' for 'path' (--print-config) to 'out'. */
void aipm_config_print(FILE *out, const char *path, const aipm_file_settings *fs,
                       const aipm_config_cli *cli, int cli_fail_on);

#endif
