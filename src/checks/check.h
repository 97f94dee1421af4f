/*
 * check: the interface every check kind implements, and the helpers the
 * engine gives them. One file per kind under src/checks/, one table of kinds
 * in checks/registry.c. A kind never sees cmark, PCRE2 or libyaml types
 * beyond the project's own wrappers, and never prints: its only output is
 * aipm_check_emit / aipm_check_emit_unit.
 *
 * Life of a check:
 *
 *   rule file --parse()--> private config (patterns compiled once)
 *   for each document and each enabled rule:
 *       run(ctx, config): walk units with aipm_check_next_unit, search spans
 *       with aipm_check_find, report with aipm_check_emit*
 *   free_config() when the ruleset is freed
 */
#ifndef AIPM_CHECK_H
#define AIPM_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "doc.h"
#include "error.h"
#include "pattern.h"
#include "rule.h"
#include "scope.h"
#include "yaml.h"

/* A range of one block's text that is in a unit. */
typedef struct aipm_span {
    uint32_t block;
    uint32_t start;
    uint32_t end;
} aipm_span;

/**
 * qsort comparator ordering spans by block, start, then end; also orders any
 * struct whose first member is an aipm_span.
 */
int aipm_span_cmp(const void *a, const void *b);

/* One unit of a rule's scope: its text spans in document order (maybe none). */
typedef struct aipm_unit {
    aipm_unit_type type;
    uint32_t section; /* SECTION units: the section; DOCUMENT: first selected section or
                         AIPM_NONE; else the innermost section of the first span */
    const aipm_span *spans;
    size_t n_spans;
} aipm_unit;

/* What a check's parse() gets besides the rule's YAML mapping. */
typedef struct aipm_check_env {
    const char *path;       /* the rule file, for errors */
    const char *rule_id;    /* for messages */
    unsigned pattern_flags; /* added to every aipm_pattern_compile: AIPM_PATTERN_DEFER
                               for the built-in pack */
} aipm_check_env;

typedef struct aipm_check_ctx aipm_check_ctx;

typedef struct aipm_check_kind {
    const char *name;            /* the value of a rule's 'check:' */
    const char *const *keys;     /* rule keys this kind reads, NULL-terminated */
    aipm_unit_type default_unit; /* when the rule's scope names none */
    /**
     * Read this kind's keys from the rule mapping 'rule' and compile its
     * patterns. Returns the config, or NULL with 'err' set at the mark of the
     * offending node.
     */
    void *(*parse)(const aipm_yaml_node *rule, const aipm_check_env *env, aipm_error *err);
    /** Run over one document; report through the ctx. */
    void (*run)(aipm_check_ctx *ctx, const void *cfg);
    /** Free what parse returned; NULL is a no-op. */
    void (*free_config)(void *cfg);
    /** Optional: true when this config needs sentences even outside sentence units. */
    bool (*needs_sentences)(const void *cfg);
    /**
     * Optional: pass each pattern run() searches block text with (not heading
     * titles) to 'visit', so the engine can skip blocks where it cannot match
     * (prefilter.h). A pattern not listed is still searched, only slower.
     */
    void (*patterns)(const void *cfg, aipm_pattern_visit visit, void *arg);
} aipm_check_kind;

/* The kinds (one file each), and the registry that finds them by name. */
extern const aipm_check_kind aipm_check_density;
extern const aipm_check_kind aipm_check_evidence;
extern const aipm_check_kind aipm_check_forbid;
extern const aipm_check_kind aipm_check_length;
extern const aipm_check_kind aipm_check_measurable;
extern const aipm_check_kind aipm_check_require;
extern const aipm_check_kind aipm_check_require_section;
extern const aipm_check_kind aipm_check_substitute;
extern const aipm_check_kind aipm_check_suppressions;

/** Return the kind named 'name', or NULL. */
const aipm_check_kind *aipm_check_find_kind(const char *name);

/** Return the NULL-terminated list of kind names (for "did you mean" and docs). */
const char *const *aipm_check_kind_names(void);

/* ---- helpers the engine provides to run() ---- */

/** Return the document being linted. */
const aipm_doc *aipm_check_doc(const aipm_check_ctx *ctx);

/** Return the rule being run. */
const aipm_rule *aipm_check_rule(const aipm_check_ctx *ctx);

/**
 * Step through the units of the rule's scope, in document order, as the
 * rule's unit type (aipm_rule_unit). Fills '*u' (valid until the next call)
 * and returns true, or returns false when there are no more. A DOCUMENT unit
 * is always produced once, even with no span in scope.
 */
bool aipm_check_next_unit(aipm_check_ctx *ctx, aipm_unit *u);

/** Return the text of span 'sp' (not NUL-terminated at sp->end) and its block. */
const char *aipm_check_span_text(const aipm_check_ctx *ctx, const aipm_span *sp);

/**
 * Find the first match of 'p' in span 'sp' at or after text offset 'from'
 * (offsets are block text offsets, within [sp->start, sp->end)). A match that
 * hits PCRE2's limits is reported once per rule and document as an error
 * diagnostic and counts as no match.
 */
bool aipm_check_find(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_span *sp, uint32_t from,
                     uint32_t *ms, uint32_t *me);

/**
 * Like aipm_check_find, but skip empty matches: returns the first match at or
 * after 'from' that covers at least one character.
 */
bool aipm_check_find_nonempty(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_span *sp,
                              uint32_t from, uint32_t *ms, uint32_t *me);

/** Return how many non-overlapping matches of 'p' the spans of 'u' hold. */
size_t aipm_check_count(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_unit *u);

/**
 * Like aipm_check_count but stop counting at 'max': the result is
 * min(count, max). Use it when only "at least 'max'" matters, so a
 * pattern that matches everywhere (e.g. '\S') costs one match, not one per
 * character.
 */
size_t aipm_check_count_max(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_unit *u,
                            size_t max);

/** Return true when 'p' matches anywhere in 'u'. */
bool aipm_check_any(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_unit *u);

/** Return the number of words in 'u' (runs of letters, digits, apostrophes). */
size_t aipm_check_words(const aipm_check_ctx *ctx, const aipm_unit *u);

/**
 * Report the rule at text range [start, end) of block 'block', with the
 * rule's message expanded from 'v' ({section}, {kind} and {rule} are filled
 * in here). 'v' may be NULL.
 */
void aipm_check_emit(aipm_check_ctx *ctx, uint32_t block, uint32_t start, uint32_t end,
                     const aipm_tvars *v);

/**
 * Report the rule once for unit 'u' at its anchor: a section's heading, a
 * document's first selected section heading or first block in scope (line 1
 * when there is none), else the unit's first span.
 */
void aipm_check_emit_unit(aipm_check_ctx *ctx, const aipm_unit *u, const aipm_tvars *v);

/* ---- helpers for parse() ---- */

/** Pass each of the 'n' patterns of 'pats' to 'visit' (for aipm_check_kind.patterns). */
void aipm_check_visit_patterns(aipm_pattern *const *pats, size_t n, aipm_pattern_visit visit,
                               void *arg);

/**
 * Compile the patterns of key 'key' of 'rule' (a string or list of regexes;
 * absent: '*n' = 0). Returns -1 with 'err' at the offending pattern's mark.
 * '*out' is a heap array the caller frees with aipm_check_free_patterns.
 */
int aipm_check_parse_patterns(const aipm_yaml_node *rule, const char *key,
                              const aipm_check_env *env, aipm_pattern ***out, size_t *n,
                              aipm_error *err);

/** Compile key 'key' (a string or list of words) into one whole-word pattern, or NULL if absent. */
int aipm_check_parse_words(const aipm_yaml_node *rule, const char *key, const aipm_check_env *env,
                           aipm_pattern **out, aipm_error *err);

/**
 * Recompile the 'n' patterns read from key 'key' of 'rule' case-insensitively
 * (for an 'ignore-case' option). They compiled as written already, so this
 * fails only in theory; then 'err' is set at the pattern's mark.
 */
int aipm_check_recompile_caseless(const aipm_yaml_node *rule, const char *key,
                                  const aipm_check_env *env, aipm_pattern **pats, size_t n,
                                  aipm_error *err);

/**
 * Read the 'words' and 'patterns' keys of mapping 'map' into one array,
 * words first ('*n' patterns; NULL and 0 when neither is given). Fails with
 * 'err' at a bad word list or pattern, and then '*out' is NULL.
 */
int aipm_check_parse_matchers(const aipm_yaml_node *map, const aipm_check_env *env,
                              aipm_pattern ***out, size_t *n, aipm_error *err);

/**
 * Join a 'words' pattern (may be NULL) and the 'n' patterns of 'pats' into
 * one new array, words first; '*n_out' gets its length. Takes ownership of
 * 'words', the patterns and the 'pats' array (freed). Returns NULL when both
 * are empty.
 */
aipm_pattern **aipm_check_join_words(aipm_pattern *words, aipm_pattern **pats, size_t n,
                                     size_t *n_out);

/** Free 'n' patterns and the array. */
void aipm_check_free_patterns(aipm_pattern **pats, size_t n);

/**
 * Find the earliest match among 'n' patterns in span 'sp' from 'from';
 * '*which' (may be NULL) gets the index of the pattern that matched.
 */
bool aipm_check_find_any(aipm_check_ctx *ctx, aipm_pattern *const *pats, size_t n,
                         const aipm_span *sp, uint32_t from, uint32_t *ms, uint32_t *me,
                         size_t *which);

#endif
