/*
 * require: report a unit that lacks what it must say.
 *
 *     check: require                         # counted mode
 *     patterns: ['\d+\s*%', '\bby Q[1-4]\b']
 *     words: [baseline, target]              # counted together with 'patterns'
 *     min: 2                                 # default 1
 *
 *     check: require                         # groups mode
 *     groups:                                # name -> regex or list of regexes
 *       who: ['\b(PMs?|agents?|merchants?)\b']
 *       change: ['\b(faster|fewer|in one reply)\b']
 *     min-groups: 2                          # default: every group
 *     skip-empty: true                       # default false
 *
 * Keys: 'patterns' (regexes, as written) and 'words' (whole words, any
 * case), or else 'groups' (a non-empty mapping, kept in file order); 'min'
 * (whole number, counted mode only); 'min-groups' (whole number, at most the
 * number of groups, groups mode only); 'skip-empty' (bool).
 *
 * Counted mode: a unit whose spans hold fewer than 'min' matches in all
 * (each pattern and the word list counted separately, non-overlapping) is
 * reported once, at the unit's anchor, with {count} the matches found,
 * {limit} 'min' and {missing} "". Groups mode: a group is present when any of
 * its patterns matches in the unit; a unit with fewer than 'min-groups'
 * groups present is reported with {count} the groups present, {limit}
 * 'min-groups' and {missing} the names of the absent groups, in file order,
 * joined by ", ". With 'skip-empty', a unit with no text in scope is never
 * reported. Default unit: document.
 */
#include "checks/check.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "error.h"
#include "mem.h"
#include "pattern.h"
#include "yaml.h"

#define REQUIRE_MAX_COUNT 1000000u

typedef struct require_group {
    char *name;
    aipm_pattern **pats;
    size_t n_pats;
} require_group;

typedef struct require_cfg {
    aipm_pattern **pats; /* 'words' (when given) first, then 'patterns' */
    size_t n_pats;
    require_group *groups;
    size_t n_groups;
    unsigned min;
    unsigned min_groups;
    bool skip_empty;
} require_cfg;

static const char *const require_keys[] = {"patterns",   "words",      "min", "groups",
                                           "min-groups", "skip-empty", NULL};

static void require_free(void *p) {
    require_cfg *cfg = p;
    if (!cfg) {
        return;
    }
    aipm_check_free_patterns(cfg->pats, cfg->n_pats);
    for (size_t i = 0; i < cfg->n_groups; i++) {
        free(cfg->groups[i].name);
        aipm_check_free_patterns(cfg->groups[i].pats, cfg->groups[i].n_pats);
    }
    free(cfg->groups);
    free(cfg);
}

static int parse_groups(const aipm_yaml_node *node, const aipm_check_env *env, require_cfg *cfg,
                        aipm_error *err) {
    if (aipm_yaml_expect_map(node, env->path, "groups", err) < 0) {
        return -1;
    }
    if (node->n == 0) {
        return aipm_error_set(err, env->path, node->line, node->col, "'groups' must not be empty");
    }
    cfg->groups = aipm_xcalloc(node->n, sizeof(*cfg->groups));
    for (size_t i = 0; i < node->n; i++) {
        const aipm_yaml_node *key = node->keys[i];
        require_group *g = &cfg->groups[i];
        g->name = aipm_xstrdup(key->value);
        cfg->n_groups = i + 1;
        if (aipm_check_parse_patterns(node, key->value, env, &g->pats, &g->n_pats, err) < 0) {
            return -1;
        }
        if (g->n_pats == 0) {
            return aipm_error_set(err, env->path, key->line, key->col,
                                  "group '%s' in 'groups' needs at least one pattern", key->value);
        }
    }
    return 0;
}

static void *require_parse(const aipm_yaml_node *rule, const aipm_check_env *env, aipm_error *err) {
    require_cfg *cfg = aipm_xcalloc(1, sizeof(*cfg));
    const aipm_yaml_node *min = aipm_yaml_get(rule, "min");
    const aipm_yaml_node *groups = aipm_yaml_get(rule, "groups");
    const aipm_yaml_node *min_groups = aipm_yaml_get(rule, "min-groups");
    const aipm_yaml_node *skip = aipm_yaml_get(rule, "skip-empty");

    cfg->min = 1;
    if (aipm_check_parse_matchers(rule, env, &cfg->pats, &cfg->n_pats, err) < 0) {
        goto fail;
    }
    if (groups && cfg->n_pats) {
        aipm_error_set(err, env->path, groups->line, groups->col,
                       "rule '%s': check 'require' takes 'groups' or 'patterns' and 'words', "
                       "not both",
                       env->rule_id);
        goto fail;
    }
    if (!groups && cfg->n_pats == 0) {
        aipm_error_set(err, env->path, rule->line, rule->col,
                       "rule '%s': check 'require' needs 'patterns', 'words' or 'groups'",
                       env->rule_id);
        goto fail;
    }
    if (groups && parse_groups(groups, env, cfg, err) < 0) {
        goto fail;
    }
    if (min) {
        if (groups) {
            aipm_error_set(err, env->path, min->line, min->col,
                           "rule '%s': 'min' counts matches of 'patterns' and 'words'; with "
                           "'groups' use 'min-groups'",
                           env->rule_id);
            goto fail;
        }
        if (aipm_yaml_read_uint(min, env->path, "min", REQUIRE_MAX_COUNT, &cfg->min, err) < 0) {
            goto fail;
        }
    }
    cfg->min_groups = (unsigned)cfg->n_groups;
    if (min_groups) {
        if (!groups) {
            aipm_error_set(err, env->path, min_groups->line, min_groups->col,
                           "rule '%s': 'min-groups' needs 'groups'", env->rule_id);
            goto fail;
        }
        if (aipm_yaml_read_uint(min_groups, env->path, "min-groups", (unsigned)cfg->n_groups,
                                &cfg->min_groups, err) < 0) {
            goto fail;
        }
    }
    if (skip && aipm_yaml_read_bool(skip, env->path, "skip-empty", &cfg->skip_empty, err) < 0) {
        goto fail;
    }
    return cfg;

fail:
    require_free(cfg);
    return NULL;
}

static void check_counted(aipm_check_ctx *ctx, const require_cfg *cfg, const aipm_unit *u) {
    size_t count = 0;
    for (size_t i = 0; i < cfg->n_pats && count < cfg->min; i++) {
        count += aipm_check_count_max(ctx, cfg->pats[i], u, cfg->min - count);
    }
    if (count >= cfg->min) {
        return;
    }
    aipm_tvars v = {0};
    v.count = (long)count;
    v.limit = (long)cfg->min;
    v.missing = "";
    aipm_check_emit_unit(ctx, u, &v);
}

static void check_groups(aipm_check_ctx *ctx, const require_cfg *cfg, const aipm_unit *u,
                         aipm_buf *missing) {
    size_t present = 0;
    aipm_buf_clear(missing);
    for (size_t g = 0; g < cfg->n_groups; g++) {
        const require_group *grp = &cfg->groups[g];
        bool found = false;
        for (size_t i = 0; i < grp->n_pats && !found; i++) {
            found = aipm_check_any(ctx, grp->pats[i], u);
        }
        if (found) {
            present++;
            continue;
        }
        if (missing->len) {
            aipm_buf_puts(missing, ", ");
        }
        aipm_buf_puts(missing, grp->name);
    }
    if (present >= cfg->min_groups) {
        return;
    }
    aipm_tvars v = {0};
    v.count = (long)present;
    v.limit = (long)cfg->min_groups;
    v.missing = missing->ptr;
    aipm_check_emit_unit(ctx, u, &v);
}

static void require_run(aipm_check_ctx *ctx, const void *p) {
    const require_cfg *cfg = p;
    aipm_buf missing = AIPM_BUF_INIT;
    aipm_unit u;

    while (aipm_check_next_unit(ctx, &u)) {
        if (cfg->skip_empty && u.n_spans == 0) {
            continue;
        }
        if (cfg->n_groups) {
            check_groups(ctx, cfg, &u, &missing);
        } else {
            check_counted(ctx, cfg, &u);
        }
    }
    aipm_buf_release(&missing);
}

static void require_patterns(const void *p, aipm_pattern_visit visit, void *arg) {
    const require_cfg *cfg = p;
    aipm_check_visit_patterns(cfg->pats, cfg->n_pats, visit, arg);
    for (size_t i = 0; i < cfg->n_groups; i++) {
        aipm_check_visit_patterns(cfg->groups[i].pats, cfg->groups[i].n_pats, visit, arg);
    }
}

const aipm_check_kind aipm_check_require = {
    .name = "require",
    .keys = require_keys,
    .default_unit = AIPM_UNIT_DOCUMENT,
    .parse = require_parse,
    .run = require_run,
    .free_config = require_free,
    .needs_sentences = NULL,
    .patterns = require_patterns,
};
