/*
 * evidence: weigh what a unit says for and against a property, and report
 * the unit when the weight falls below (or reaches) a threshold. For
 * findings a plain keyword cannot decide: "feedback" that is output shown to
 * the user, privacy boilerplate that is not a data-quality assumption, a
 * metric mentioned only in a risks section.
 *
 *     check: evidence
 *     threshold: 2                # default 1
 *     fire: below                 # below (default): score < threshold; above: score >= threshold
 *     evidence:
 *       - name: collection        # for {missing}; default "evidence N"
 *         words: [survey, thumbs up]
 *         patterns: ['(?i)\bfeedback (?:form|button)\b']
 *         weight: 2               # any number, negative to count against; default 1
 *         max: 1                  # matches counted at most (default 1: presence)
 *         unless: ['(?i)\binstant feedback\b']  # a match overlapping one of these is not counted
 *         near: ['(?i)\bweekly|monthly\b']      # counted only in a block that also matches one
 *         sections: '(?i)metrics|launch'        # counted only under headings matching this
 *         not-sections: '(?i)risks'             # never under headings matching this
 *
 * Score of a unit: the sum over items of weight x min(matches, max), where
 * matches are non-overlapping matches of the item's words and patterns in the
 * unit's spans that pass 'unless', 'near' and the section filters. The unit is
 * reported once at its anchor with {count} the score (rounded towards zero),
 * {limit} the threshold and {missing} the names of the positive items that
 * found nothing, joined by ", ". 'skip-empty: true' never reports a unit
 * with no text in scope. Default unit: document.
 */
#include "checks/check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

#define EVIDENCE_MAX_COUNT 1000000u

typedef struct evidence_item {
    char *name;
    aipm_pattern **pats; /* words (when given) first, then patterns */
    size_t n_pats;
    aipm_pattern **unless;
    size_t n_unless;
    aipm_pattern **near;
    size_t n_near;
    aipm_pattern *sections;
    aipm_pattern *not_sections;
    double weight;
    unsigned max;
} evidence_item;

typedef struct evidence_cfg {
    evidence_item *items;
    size_t n_items;
    double threshold;
    bool fire_above;
    bool skip_empty;
} evidence_cfg;

static const char *const evidence_keys[] = {"evidence", "threshold", "fire", "skip-empty", NULL};

static const char *const item_keys[] = {"name",   "words", "patterns", "weight",       "max",
                                        "unless", "near",  "sections", "not-sections", NULL};

static void item_release(evidence_item *it) {
    free(it->name);
    aipm_check_free_patterns(it->pats, it->n_pats);
    aipm_check_free_patterns(it->unless, it->n_unless);
    aipm_check_free_patterns(it->near, it->n_near);
    aipm_pattern_free(it->sections);
    aipm_pattern_free(it->not_sections);
}

static void evidence_free(void *p) {
    evidence_cfg *cfg = p;
    if (!cfg) {
        return;
    }
    for (size_t i = 0; i < cfg->n_items; i++) {
        item_release(&cfg->items[i]);
    }
    free(cfg->items);
    free(cfg);
}

static int parse_heading(const aipm_yaml_node *map, const char *key, const aipm_check_env *env,
                         aipm_pattern **out, aipm_error *err) {
    const aipm_yaml_node *v = aipm_yaml_get(map, key);
    const char *s;
    if (!v) {
        return 0;
    }
    if (aipm_yaml_read_str(v, env->path, key, &s, err) < 0) {
        return -1;
    }
    *out = aipm_pattern_compile(s, strlen(s), env->pattern_flags, env->path, v->line, v->col, err);
    return *out ? 0 : -1;
}

static int parse_item(const aipm_yaml_node *node, size_t index, const aipm_check_env *env,
                      evidence_item *it, aipm_error *err) {
    memset(it, 0, sizeof(*it));
    it->weight = 1;
    it->max = 1;
    if (aipm_yaml_expect_map(node, env->path, "evidence item", err) < 0 ||
        aipm_yaml_check_keys(node, item_keys, NULL, env->path, "an evidence item", err) < 0) {
        return -1;
    }
    const aipm_yaml_node *v;
    const char *name = NULL;
    if ((v = aipm_yaml_get(node, "name")) &&
        aipm_yaml_read_str(v, env->path, "name", &name, err) < 0) {
        return -1;
    }
    if (name) {
        it->name = aipm_xstrdup(name);
    } else {
        aipm_buf b = AIPM_BUF_INIT;
        aipm_buf_printf(&b, "evidence %zu", index + 1);
        it->name = aipm_buf_detach(&b);
    }
    if (aipm_check_parse_matchers(node, env, &it->pats, &it->n_pats, err) < 0) {
        return -1;
    }
    if (it->n_pats == 0) {
        return aipm_error_set(err, env->path, node->line, node->col,
                              "rule '%s': evidence item '%s' needs 'words' or 'patterns'",
                              env->rule_id, it->name);
    }
    if (aipm_check_parse_patterns(node, "unless", env, &it->unless, &it->n_unless, err) < 0 ||
        aipm_check_parse_patterns(node, "near", env, &it->near, &it->n_near, err) < 0 ||
        parse_heading(node, "sections", env, &it->sections, err) < 0 ||
        parse_heading(node, "not-sections", env, &it->not_sections, err) < 0) {
        return -1;
    }
    if ((v = aipm_yaml_get(node, "weight")) &&
        aipm_yaml_read_double(v, env->path, "weight", &it->weight, err) < 0) {
        return -1;
    }
    if ((v = aipm_yaml_get(node, "max")) &&
        aipm_yaml_read_uint(v, env->path, "max", EVIDENCE_MAX_COUNT, &it->max, err) < 0) {
        return -1;
    }
    if (it->max == 0) {
        return aipm_error_set(err, env->path, v->line, v->col, "'max' must be at least 1");
    }
    return 0;
}

static void *evidence_parse(const aipm_yaml_node *rule, const aipm_check_env *env,
                            aipm_error *err) {
    const aipm_yaml_node *list = aipm_yaml_get(rule, "evidence");
    if (!list) {
        aipm_error_set(err, env->path, rule->line, rule->col,
                       "rule '%s': check 'evidence' needs 'evidence'", env->rule_id);
        return NULL;
    }
    if (list->type != AIPM_YAML_SEQ || list->n == 0) {
        aipm_error_set(err, env->path, list->line, list->col,
                       "'evidence' must be a non-empty list of items");
        return NULL;
    }
    evidence_cfg *cfg = aipm_xcalloc(1, sizeof(*cfg));
    cfg->threshold = 1;
    cfg->items = aipm_xcalloc(list->n, sizeof(*cfg->items));
    for (size_t i = 0; i < list->n; i++) {
        cfg->n_items = i + 1;
        if (parse_item(list->items[i], i, env, &cfg->items[i], err) < 0) {
            evidence_free(cfg);
            return NULL;
        }
    }
    const aipm_yaml_node *v;
    if ((v = aipm_yaml_get(rule, "threshold")) &&
        aipm_yaml_read_double(v, env->path, "threshold", &cfg->threshold, err) < 0) {
        evidence_free(cfg);
        return NULL;
    }
    if ((v = aipm_yaml_get(rule, "fire"))) {
        const char *s;
        if (aipm_yaml_read_str(v, env->path, "fire", &s, err) < 0) {
            evidence_free(cfg);
            return NULL;
        }
        if (strcmp(s, "above") == 0) {
            cfg->fire_above = true;
        } else if (strcmp(s, "below") != 0) {
            aipm_error_set(err, env->path, v->line, v->col,
                           "unknown value '%s' for 'fire' (expected below or above)", s);
            evidence_free(cfg);
            return NULL;
        }
    }
    if ((v = aipm_yaml_get(rule, "skip-empty")) &&
        aipm_yaml_read_bool(v, env->path, "skip-empty", &cfg->skip_empty, err) < 0) {
        evidence_free(cfg);
        return NULL;
    }
    return cfg;
}

/*
 * Does section 's' or a section enclosing it have a heading matching 'p'?
 * 'memo' holds one answer per section for this document (0: not yet known,
 * 1: yes, 2: no), so each heading is matched once per pattern, not once per
 * span under it.
 */
static bool under_section(aipm_check_ctx *ctx, const aipm_pattern *p, uint32_t s, uint8_t *memo) {
    const aipm_doc *doc = aipm_check_doc(ctx);
    if (s == AIPM_NONE || s >= doc->n_sections) {
        return false;
    }
    if (!memo[s]) {
        const aipm_section *sec = &doc->sections[s];
        bool hit = false;
        if (sec->heading != AIPM_NONE) {
            aipm_span sp = {sec->heading, 0, doc->blocks[sec->heading].len};
            uint32_t ms, me;
            hit = aipm_check_find(ctx, p, &sp, 0, &ms, &me);
        }
        memo[s] = hit || under_section(ctx, p, sec->parent, memo) ? 1 : 2;
    }
    return memo[s] == 1;
}

static bool overlaps_any(aipm_check_ctx *ctx, aipm_pattern *const *pats, size_t n,
                         const aipm_span *sp, uint32_t ms, uint32_t me) {
    for (size_t i = 0; i < n; i++) {
        uint32_t pos = sp->start, s, e;
        while (aipm_check_find(ctx, pats[i], sp, pos, &s, &e) && s < me) {
            if (e > ms && s < me) {
                return true;
            }
            pos = e > s ? e : s + 1;
        }
    }
    return false;
}

static bool block_has_any(aipm_check_ctx *ctx, aipm_pattern *const *pats, size_t n,
                          uint32_t block) {
    const aipm_doc *doc = aipm_check_doc(ctx);
    aipm_span sp = {block, 0, doc->blocks[block].len};
    for (size_t i = 0; i < n; i++) {
        uint32_t s, e;
        if (aipm_check_find(ctx, pats[i], &sp, 0, &s, &e)) {
            return true;
        }
    }
    return false;
}

/* Count the item's qualifying matches in 'u', stopping at its 'max'; 'memo'
 * holds 2 * n_sections under_section answers (sections, not-sections). */
static unsigned count_item(aipm_check_ctx *ctx, const evidence_item *it, const aipm_unit *u,
                           uint8_t *memo) {
    const aipm_doc *doc = aipm_check_doc(ctx);
    unsigned count = 0;
    for (size_t i = 0; i < u->n_spans && count < it->max; i++) {
        const aipm_span *sp = &u->spans[i];
        uint32_t section = doc->blocks[sp->block].section;
        if (it->sections && !under_section(ctx, it->sections, section, memo)) {
            continue;
        }
        if (it->not_sections &&
            under_section(ctx, it->not_sections, section, memo + doc->n_sections)) {
            continue;
        }
        if (it->n_near && !block_has_any(ctx, it->near, it->n_near, sp->block)) {
            continue;
        }
        uint32_t pos = sp->start, ms, me;
        while (count < it->max && pos <= sp->end &&
               aipm_check_find_any(ctx, it->pats, it->n_pats, sp, pos, &ms, &me, NULL)) {
            if (me > ms && !overlaps_any(ctx, it->unless, it->n_unless, sp, ms, me)) {
                count++;
            }
            pos = me > ms ? me : me + 1;
        }
    }
    return count;
}

static void evidence_run(aipm_check_ctx *ctx, const void *p) {
    const evidence_cfg *cfg = p;
    aipm_unit u;
    aipm_buf missing = AIPM_BUF_INIT;
    size_t n_sections = aipm_check_doc(ctx)->n_sections;
    uint8_t *memo = aipm_xcalloc(cfg->n_items * 2 * n_sections + 1, 1);
    while (aipm_check_next_unit(ctx, &u)) {
        if (cfg->skip_empty && u.n_spans == 0) {
            continue;
        }
        double score = 0;
        aipm_buf_clear(&missing);
        for (size_t i = 0; i < cfg->n_items; i++) {
            const evidence_item *it = &cfg->items[i];
            unsigned n = count_item(ctx, it, &u, memo + i * 2 * n_sections);
            score += it->weight * n;
            if (n == 0 && it->weight > 0) {
                aipm_buf_printf(&missing, "%s%s", missing.len ? ", " : "", it->name);
            }
        }
        bool fire = cfg->fire_above ? score >= cfg->threshold : score < cfg->threshold;
        if (!fire) {
            continue;
        }
        aipm_tvars v;
        memset(&v, 0, sizeof(v));
        v.count = (long)trunc(score);
        v.limit = (long)trunc(cfg->threshold);
        v.missing = missing.ptr;
        aipm_check_emit_unit(ctx, &u, &v);
    }
    aipm_buf_release(&missing);
    free(memo);
}

static void evidence_patterns(const void *p, aipm_pattern_visit visit, void *arg) {
    const evidence_cfg *cfg = p;
    for (size_t i = 0; i < cfg->n_items; i++) {
        const evidence_item *it = &cfg->items[i];
        aipm_check_visit_patterns(it->pats, it->n_pats, visit, arg);
        aipm_check_visit_patterns(it->unless, it->n_unless, visit, arg);
        aipm_check_visit_patterns(it->near, it->n_near, visit, arg);
    }
}

const aipm_check_kind aipm_check_evidence = {
    .name = "evidence",
    .keys = evidence_keys,
    .default_unit = AIPM_UNIT_DOCUMENT,
    .parse = evidence_parse,
    .run = evidence_run,
    .free_config = evidence_free,
    .needs_sentences = NULL,
    .patterns = evidence_patterns,
};
