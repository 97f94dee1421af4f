/*
 * ruleset: every rule and trait of a run, from the built-in pack and the
 * user's rule files. Owns the rules; rejects duplicate ids; applies
 * --select/--ignore (by id or family prefix) and severity overrides.
 */
#ifndef AIPM_RULESET_H
#define AIPM_RULESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "pattern.h"
#include "prefilter.h"
#include "rule.h"
#include "yaml.h"

#define AIPM_MAX_TRAITS 64

/* A named property of a document, e.g. 'ai': it holds when at least 'min'
 * matches of its patterns occur in the document's prose. */
typedef struct aipm_trait {
    char *name;
    aipm_pattern **patterns;
    size_t n_patterns;
    unsigned min;
    aipm_pattern *sections;     /* only count under headings matching this; NULL: everywhere */
    aipm_pattern *not_sections; /* never count under headings matching this */
    aipm_pattern **unless;      /* a match overlapping one of these does not count */
    size_t n_unless;
    char *path;
    unsigned line, col;
} aipm_trait;

/* A 'when' condition naming a trait, resolved by aipm_ruleset_finish. */
typedef struct aipm_trait_ref {
    size_t rule; /* index into rules */
    bool negate; /* 'not-trait' */
    char *name;
    char *path;
    unsigned line, col;
} aipm_trait_ref;

typedef struct aipm_ruleset {
    aipm_rule **rules; /* in load order */
    size_t n_rules;
    size_t cap_rules;
    bool *enabled;           /* per rule, after select/ignore; built by aipm_ruleset_finish */
    aipm_severity *severity; /* per rule effective severity */
    aipm_trait traits[AIPM_MAX_TRAITS];
    size_t n_traits;
    bool needs_sentences; /* some rule needs sentences */
    /* the literal prefixes of every pattern rules search block text with,
     * built by aipm_ruleset_finish (prefilter.h) */
    aipm_prefilter *prefilter;
    /* 'when' trait names waiting for aipm_ruleset_finish to resolve them */
    aipm_trait_ref *refs;
    size_t n_refs;
    size_t cap_refs;
} aipm_ruleset;

#define AIPM_RULESET_INIT                                                                          \
    { 0 }

/**
 * Load the rule file 'path' ('len' bytes at 'data') into 'rs'. Strict: any
 * unknown key, wrong type, duplicate id or bad pattern fails with 'err' at
 * the YAML mark, and then nothing of the file is added.
 */
int aipm_ruleset_load(aipm_ruleset *rs, const char *path, const char *data, size_t len,
                      bool builtin, aipm_error *err);

/**
 * aipm_ruleset_load for a rule file already parsed into 'root' (borrowed;
 * the caller frees it), with the same checks and errors.
 */
int aipm_ruleset_load_tree(aipm_ruleset *rs, const char *path, const aipm_yaml_node *root,
                           bool builtin, aipm_error *err);

/**
 * Pass 'visit' every pattern the rules and traits search block text with
 * (traits' patterns and 'unless', and what each check kind lists), the set
 * the prefilter is built from.
 */
void aipm_ruleset_visit_patterns(const aipm_ruleset *rs, aipm_pattern_visit visit, void *arg);

/** Load the built-in pack embedded in the binary. */
int aipm_ruleset_load_builtin(aipm_ruleset *rs, aipm_error *err);

/**
 * Resolve trait names, compute needs_sentences and enable every rule. Call
 * once after the last load; fails on a 'when' naming an unknown trait.
 */
int aipm_ruleset_finish(aipm_ruleset *rs, aipm_error *err);

/**
 * Enable only the rules matching one of 'select' (all when n_select is 0),
 * then disable those matching one of 'ignore'. A name matches a rule id
 * exactly or as a family prefix ('metrics' matches 'metrics.missing').
 * Fails on a name that matches no rule ("did you mean").
 */
int aipm_ruleset_select(aipm_ruleset *rs, const char *const *select, size_t n_select,
                        const char *const *ignore, size_t n_ignore, aipm_error *err);

/** Return true when 'name' is 'id' or a family prefix of it. */
bool aipm_rule_id_matches(const char *id, const char *name);

/** Return the rule with id 'id', or NULL. */
const aipm_rule *aipm_ruleset_find(const aipm_ruleset *rs, const char *id);

/** Return the index of 'rule' in rs->rules. */
size_t aipm_ruleset_index(const aipm_ruleset *rs, const aipm_rule *rule);

/** Return the index of the trait named 'name', or -1. */
int aipm_ruleset_trait(const aipm_ruleset *rs, const char *name);

/** Free everything 'rs' owns; it is empty afterwards. */
void aipm_ruleset_release(aipm_ruleset *rs);

#endif
