/*
 * ruleset: the rules and traits of one run; see ruleset.h.
 *
 * Rules are kept in load order (built-in pack first, then each --rules file
 * in command-line order); 'enabled' and 'severity' are parallel arrays built
 * by aipm_ruleset_finish and changed by --select/--ignore and config.
 */
#include "ruleset.h"

#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "mem.h"
#include "suggest.h"

bool aipm_rule_id_matches(const char *id, const char *name) {
    size_t n = strlen(name);
    if (strncmp(id, name, n) != 0) {
        return false;
    }
    return id[n] == '\0' || id[n] == '.' || (n > 0 && name[n - 1] == '.');
}

const aipm_rule *aipm_ruleset_find(const aipm_ruleset *rs, const char *id) {
    for (size_t i = 0; i < rs->n_rules; i++) {
        if (strcmp(rs->rules[i]->id, id) == 0) {
            return rs->rules[i];
        }
    }
    return NULL;
}

size_t aipm_ruleset_index(const aipm_ruleset *rs, const aipm_rule *rule) {
    for (size_t i = 0; i < rs->n_rules; i++) {
        if (rs->rules[i] == rule) {
            return i;
        }
    }
    AIPM_BUG("rule not in ruleset");
}

int aipm_ruleset_trait(const aipm_ruleset *rs, const char *name) {
    for (size_t i = 0; i < rs->n_traits; i++) {
        if (strcmp(rs->traits[i].name, name) == 0) {
            return (int)i;
        }
    }
    return -1;
}

void aipm_ruleset_visit_patterns(const aipm_ruleset *rs, aipm_pattern_visit visit, void *arg) {
    for (size_t i = 0; i < rs->n_traits; i++) {
        const aipm_trait *t = &rs->traits[i];
        aipm_check_visit_patterns(t->patterns, t->n_patterns, visit, arg);
        aipm_check_visit_patterns(t->unless, t->n_unless, visit, arg);
    }
    for (size_t i = 0; i < rs->n_rules; i++) {
        const aipm_rule *r = rs->rules[i];
        if (r->check->patterns) {
            r->check->patterns(r->cfg, visit, arg);
        }
    }
}

static void add_to_prefilter(void *arg, aipm_pattern *p) {
    aipm_prefilter_add(arg, p);
}

/* The prefilter of every pattern searched in block text. */
static void build_prefilter(aipm_ruleset *rs) {
    aipm_prefilter_free(rs->prefilter);
    rs->prefilter = aipm_prefilter_new();
    aipm_ruleset_visit_patterns(rs, add_to_prefilter, rs->prefilter);
}

int aipm_ruleset_finish(aipm_ruleset *rs, aipm_error *err) {
    for (size_t i = 0; i < rs->n_refs; i++) {
        struct aipm_trait_ref *ref = &rs->refs[i];
        int t = aipm_ruleset_trait(rs, ref->name);
        if (t < 0) {
            const char **names = aipm_xcalloc(rs->n_traits + 1, sizeof(*names));
            for (size_t k = 0; k < rs->n_traits; k++) {
                names[k] = rs->traits[k].name;
            }
            const char *hint = aipm_suggest(ref->name, names);
            if (hint) {
                aipm_error_set(err, ref->path, ref->line, ref->col,
                               "unknown trait '%s' (did you mean '%s'?)", ref->name, hint);
            } else {
                aipm_error_set(err, ref->path, ref->line, ref->col, "unknown trait '%s'",
                               ref->name);
            }
            free(names);
            return -1;
        }
        if (ref->negate) {
            rs->rules[ref->rule]->when_not_traits |= (uint64_t)1 << t;
        } else {
            rs->rules[ref->rule]->when_traits |= (uint64_t)1 << t;
        }
    }
    for (size_t i = 0; i < rs->n_refs; i++) {
        free(rs->refs[i].name);
        free(rs->refs[i].path);
    }
    free(rs->refs);
    rs->refs = NULL;
    rs->n_refs = rs->cap_refs = 0;

    free(rs->enabled);
    free(rs->severity);
    rs->enabled = aipm_xcalloc(rs->n_rules + 1, sizeof(*rs->enabled));
    rs->severity = aipm_xcalloc(rs->n_rules + 1, sizeof(*rs->severity));
    rs->needs_sentences = false;
    for (size_t i = 0; i < rs->n_rules; i++) {
        rs->enabled[i] = true;
        rs->severity[i] = rs->rules[i]->severity;
        if (aipm_rule_needs_sentences(rs->rules[i])) {
            rs->needs_sentences = true;
        }
    }
    build_prefilter(rs);
    return 0;
}

static int unknown_name(const aipm_ruleset *rs, const char *name, const char *opt,
                        aipm_error *err) {
    const char **ids = aipm_xcalloc(rs->n_rules + 1, sizeof(*ids));
    for (size_t i = 0; i < rs->n_rules; i++) {
        ids[i] = rs->rules[i]->id;
    }
    const char *hint = aipm_suggest(name, ids);
    if (hint) {
        aipm_error_set(err, NULL, 0, 0, "%s: no rule or family '%s' (did you mean '%s'?)", opt,
                       name, hint);
    } else {
        aipm_error_set(err, NULL, 0, 0, "%s: no rule or family '%s' (see --list-rules)", opt, name);
    }
    free(ids);
    return -1;
}

static bool matches_any(const char *id, const char *const *names, size_t n) {
    for (size_t k = 0; k < n; k++) {
        if (aipm_rule_id_matches(id, names[k])) {
            return true;
        }
    }
    return false;
}

int aipm_ruleset_select(aipm_ruleset *rs, const char *const *select, size_t n_select,
                        const char *const *ignore, size_t n_ignore, aipm_error *err) {
    for (size_t k = 0; k < n_select + n_ignore; k++) {
        const char *name = k < n_select ? select[k] : ignore[k - n_select];
        bool any = false;
        for (size_t i = 0; i < rs->n_rules && !any; i++) {
            any = aipm_rule_id_matches(rs->rules[i]->id, name);
        }
        if (!any) {
            return unknown_name(rs, name, k < n_select ? "--select" : "--ignore", err);
        }
    }
    for (size_t i = 0; i < rs->n_rules; i++) {
        const char *id = rs->rules[i]->id;
        bool on = n_select == 0 || matches_any(id, select, n_select);
        if (matches_any(id, ignore, n_ignore)) {
            on = false;
        }
        rs->enabled[i] = on;
    }
    return 0;
}

void aipm_ruleset_release(aipm_ruleset *rs) {
    aipm_prefilter_free(rs->prefilter);
    for (size_t i = 0; i < rs->n_rules; i++) {
        aipm_rule_free(rs->rules[i]);
    }
    free(rs->rules);
    for (size_t i = 0; i < rs->n_traits; i++) {
        aipm_trait *t = &rs->traits[i];
        free(t->name);
        free(t->path);
        aipm_check_free_patterns(t->patterns, t->n_patterns);
        aipm_pattern_free(t->sections);
        aipm_pattern_free(t->not_sections);
        aipm_check_free_patterns(t->unless, t->n_unless);
    }
    for (size_t i = 0; i < rs->n_refs; i++) {
        free(rs->refs[i].name);
        free(rs->refs[i].path);
    }
    free(rs->refs);
    free(rs->enabled);
    free(rs->severity);
    memset(rs, 0, sizeof(*rs));
}
