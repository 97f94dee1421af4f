/*
 * measurable: report a metric named without a number, or a scope that names
 * no measurable metric at all.
 *
 *     check: measurable
 *     subject: ['\b(retention|engagement|precision|recall|latency|CSAT)\b']
 *     quantity: ['\d', '\b(doubl|halv|tripl)(e|es|ed|ing)\b']  # default: '\d'
 *     mode: items                  # items (default) | missing
 *     message: '"{match}" has no target: say from what to what, by when'
 *
 * Keys: 'subject' (required: regexes, as written, that name a metric);
 * 'quantity' (regexes that give a number or target; default one built-in
 * pattern, '\d': any digit); 'mode' ('items' or 'missing', default 'items').
 *
 * items mode: each unit (default unit: item, i.e. each list item, table body
 * row or sentence of a paragraph) in which a subject matches but no quantity
 * matches anywhere is reported at its first subject match, with {match} that
 * match.
 *
 * missing mode: a unit is measurable when a subject and a quantity both match
 * in it. When no unit of the scope is, the rule is reported once, at the
 * anchor of the first unit (line 1 when the scope has no unit), with {count}
 * the number of units that name a metric (a subject match) at all and {match}
 * empty. Meant for item, sentence or block units: "the Metrics section holds
 * no line with a metric and a number".
 */
#include "checks/check.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "error.h"
#include "mem.h"
#include "pattern.h"
#include "yaml.h"

/* The built-in 'quantity' when a rule gives none: any digit. */
#define MEASURABLE_DEFAULT_QUANTITY "\\d"

typedef enum measurable_mode { MEASURABLE_ITEMS, MEASURABLE_MISSING } measurable_mode;

typedef struct measurable_cfg {
    aipm_pattern **subject;
    size_t n_subject;
    aipm_pattern **quantity;
    size_t n_quantity;
    measurable_mode mode;
} measurable_cfg;

static const char *const measurable_keys[] = {"subject", "quantity", "mode", NULL};

static void measurable_free(void *p) {
    measurable_cfg *cfg = p;
    if (!cfg) {
        return;
    }
    aipm_check_free_patterns(cfg->subject, cfg->n_subject);
    aipm_check_free_patterns(cfg->quantity, cfg->n_quantity);
    free(cfg);
}

static void *measurable_parse(const aipm_yaml_node *rule, const aipm_check_env *env,
                              aipm_error *err) {
    measurable_cfg *cfg = aipm_xcalloc(1, sizeof(*cfg));
    const aipm_yaml_node *mode = aipm_yaml_get(rule, "mode");
    const aipm_yaml_node *quantity = aipm_yaml_get(rule, "quantity");

    if (aipm_check_parse_patterns(rule, "subject", env, &cfg->subject, &cfg->n_subject, err) < 0) {
        goto fail;
    }
    if (cfg->n_subject == 0) {
        aipm_error_set(err, env->path, rule->line, rule->col,
                       "rule '%s': check 'measurable' needs 'subject'", env->rule_id);
        goto fail;
    }
    if (aipm_check_parse_patterns(rule, "quantity", env, &cfg->quantity, &cfg->n_quantity, err) <
        0) {
        goto fail;
    }
    if (cfg->n_quantity == 0) {
        if (quantity) {
            aipm_error_set(err, env->path, quantity->line, quantity->col,
                           "'quantity' must not be empty");
            goto fail;
        }
        aipm_pattern *q =
            aipm_pattern_compile(MEASURABLE_DEFAULT_QUANTITY, strlen(MEASURABLE_DEFAULT_QUANTITY),
                                 env->pattern_flags, env->path, rule->line, rule->col, err);
        if (!q) {
            goto fail;
        }
        cfg->quantity = aipm_xmalloc(sizeof(*cfg->quantity));
        cfg->quantity[0] = q;
        cfg->n_quantity = 1;
    }
    cfg->mode = MEASURABLE_ITEMS;
    if (mode) {
        const char *m;
        if (aipm_yaml_read_str(mode, env->path, "mode", &m, err) < 0) {
            goto fail;
        }
        if (strcmp(m, "items") == 0) {
            cfg->mode = MEASURABLE_ITEMS;
        } else if (strcmp(m, "missing") == 0) {
            cfg->mode = MEASURABLE_MISSING;
        } else {
            aipm_error_set(err, env->path, mode->line, mode->col,
                           "'mode' must be 'items' or 'missing', not '%s'", m);
            goto fail;
        }
    }
    return cfg;

fail:
    measurable_free(cfg);
    return NULL;
}

/* Find the first subject match of 'u' in document order; '*span' gets its span. */
static bool first_subject(aipm_check_ctx *ctx, const measurable_cfg *cfg, const aipm_unit *u,
                          size_t *span, uint32_t *ms, uint32_t *me) {
    for (size_t s = 0; s < u->n_spans; s++) {
        if (aipm_check_find_any(ctx, cfg->subject, cfg->n_subject, &u->spans[s], u->spans[s].start,
                                ms, me, NULL)) {
            *span = s;
            return true;
        }
    }
    return false;
}

static bool has_quantity(aipm_check_ctx *ctx, const measurable_cfg *cfg, const aipm_unit *u) {
    for (size_t i = 0; i < cfg->n_quantity; i++) {
        if (aipm_check_any(ctx, cfg->quantity[i], u)) {
            return true;
        }
    }
    return false;
}

static void run_items(aipm_check_ctx *ctx, const measurable_cfg *cfg) {
    const aipm_doc *doc = aipm_check_doc(ctx);
    aipm_unit u;

    while (aipm_check_next_unit(ctx, &u)) {
        size_t s;
        uint32_t ms, me;
        if (!first_subject(ctx, cfg, &u, &s, &ms, &me) || has_quantity(ctx, cfg, &u)) {
            continue;
        }
        uint32_t b = u.spans[s].block;
        aipm_tvars v = {0};
        v.match = doc->blocks[b].text + ms;
        v.match_len = me - ms;
        aipm_check_emit(ctx, b, ms, me, &v);
    }
}

static void run_missing(aipm_check_ctx *ctx, const measurable_cfg *cfg) {
    aipm_unit u, first = {AIPM_UNIT_DOCUMENT, AIPM_NONE, NULL, 0};
    aipm_span *first_spans = NULL;
    bool seen = false;
    long metrics = 0;

    while (aipm_check_next_unit(ctx, &u)) {
        if (!seen) {
            /* 'u' lives only until the next call: keep a copy of the first. */
            seen = true;
            first = u;
            if (u.n_spans) {
                first_spans = aipm_xcalloc(u.n_spans, sizeof(*first_spans));
                memcpy(first_spans, u.spans, u.n_spans * sizeof(*first_spans));
            }
            first.spans = first_spans;
        }
        size_t s;
        uint32_t ms, me;
        if (!first_subject(ctx, cfg, &u, &s, &ms, &me)) {
            continue;
        }
        metrics++;
        if (has_quantity(ctx, cfg, &u)) {
            free(first_spans);
            return;
        }
    }
    aipm_tvars v = {0};
    v.match = ""; /* no one match stands for the whole scope */
    v.count = metrics;
    aipm_check_emit_unit(ctx, &first, &v);
    free(first_spans);
}

static void measurable_run(aipm_check_ctx *ctx, const void *p) {
    const measurable_cfg *cfg = p;
    if (cfg->mode == MEASURABLE_MISSING) {
        run_missing(ctx, cfg);
    } else {
        run_items(ctx, cfg);
    }
}

static void measurable_patterns(const void *p, aipm_pattern_visit visit, void *arg) {
    const measurable_cfg *cfg = p;
    aipm_check_visit_patterns(cfg->subject, cfg->n_subject, visit, arg);
    aipm_check_visit_patterns(cfg->quantity, cfg->n_quantity, visit, arg);
}

const aipm_check_kind aipm_check_measurable = {
    .name = "measurable",
    .keys = measurable_keys,
    .default_unit = AIPM_UNIT_ITEM,
    .parse = measurable_parse,
    .run = measurable_run,
    .free_config = measurable_free,
    .needs_sentences = NULL,
    .patterns = measurable_patterns,
};
