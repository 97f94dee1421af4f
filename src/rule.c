/*
 * rule: the lifetime of one loaded rule; see rule.h.
 */
#include "rule.h"

#include <stdlib.h>

#include "checks/check.h"

void aipm_rule_free(aipm_rule *rule) {
    if (!rule) {
        return;
    }
    if (rule->check && rule->check->free_config) {
        rule->check->free_config(rule->cfg);
    }
    aipm_scope_release(&rule->scope);
    for (size_t i = 0; i < rule->n_bad; i++) {
        free(rule->bad[i]);
    }
    for (size_t i = 0; i < rule->n_good; i++) {
        free(rule->good[i]);
    }
    free(rule->bad);
    free(rule->good);
    free(rule->id);
    free(rule->summary);
    free(rule->message);
    free(rule->help);
    free(rule->path);
    free(rule);
}

aipm_unit_type aipm_rule_unit(const aipm_rule *rule) {
    if (rule->scope.unit != AIPM_UNIT_DEFAULT) {
        return rule->scope.unit;
    }
    return rule->check->default_unit;
}

bool aipm_rule_needs_sentences(const aipm_rule *rule) {
    aipm_unit_type u = aipm_rule_unit(rule);
    if (u == AIPM_UNIT_SENTENCE || u == AIPM_UNIT_ITEM) {
        return true;
    }
    return rule->check->needs_sentences && rule->check->needs_sentences(rule->cfg);
}
