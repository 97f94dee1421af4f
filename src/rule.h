/*
 * rule: one loaded rule, the common fields of DESIGN section 3 plus the
 * check kind's private config. Rules are shared read-only by every worker.
 */
#ifndef AIPM_RULE_H
#define AIPM_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "scope.h"

typedef struct aipm_check_kind aipm_check_kind;

typedef struct aipm_rule {
    char *id;      /* family.name */
    char *summary; /* one line */
    char *message; /* template, see aipm_template_expand */
    char *help;    /* longer text for --explain, or NULL */
    char *path;    /* the rule file, for errors and --explain */
    unsigned line, col;
    aipm_severity severity;
    unsigned kinds;           /* bit (1u << aipm_kind) for each kind it runs on; 0: all */
    uint64_t when_traits;     /* bits of traits that must hold */
    uint64_t when_not_traits; /* bits of traits that must not hold */
    const aipm_check_kind *check;
    void *cfg; /* the check kind's config, freed by check->free_config */
    aipm_scope scope;
    char **bad; /* examples that must fire the rule */
    size_t n_bad;
    char **good; /* examples that must not */
    size_t n_good;
    bool builtin;
} aipm_rule;

/** Free 'rule' and all it owns; NULL is a no-op. */
void aipm_rule_free(aipm_rule *rule);

/** Return the unit 'rule' runs over: its scope's unit, else its check kind's default. */
aipm_unit_type aipm_rule_unit(const aipm_rule *rule);

/** Return true when 'rule' needs the document split into sentences. */
bool aipm_rule_needs_sentences(const aipm_rule *rule);

#endif
