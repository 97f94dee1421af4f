/*
 * density: report a unit thick with some kind of word (jargon, hedges,
 * buzzwords), measured as matches per 100 words.
 *
 *     check: density
 *     words: [leverage, synergy, paradigm, holistic]
 *     patterns: ['\b\w+-driven\b']
 *     max: 3                      # matches per 100 words
 *     min-words: 40               # shorter units are not judged (default 0)
 *     message: '{count} buzzwords in one paragraph (at most {limit} per 100 words)'
 *
 * Keys: 'words' (whole words, any case) and 'patterns' (regexes, as
 * written), at least one, counted together (each pattern and the word list
 * separately, non-overlapping); 'max' (required: a number >= 0, matches per
 * 100 words); 'min-words' (whole number, default 0).
 *
 * A unit with no words, or fewer than 'min-words', is skipped. Otherwise,
 * when count * 100 / words exceeds 'max', the unit is reported once at its
 * anchor with {count} the matches and {limit} 'max' rounded to the nearest
 * whole number. Default unit: block.
 */
#include "checks/check.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "error.h"
#include "mem.h"
#include "pattern.h"
#include "yaml.h"

#define DENSITY_MAX_WORDS 1000000u

typedef struct density_cfg {
    aipm_pattern **pats; /* 'words' (when given) first, then 'patterns' */
    size_t n_pats;
    double max;
    unsigned min_words;
} density_cfg;

static const char *const density_keys[] = {"words", "patterns", "max", "min-words", NULL};

static void density_free(void *p) {
    density_cfg *cfg = p;
    if (!cfg) {
        return;
    }
    aipm_check_free_patterns(cfg->pats, cfg->n_pats);
    free(cfg);
}

static void *density_parse(const aipm_yaml_node *rule, const aipm_check_env *env, aipm_error *err) {
    density_cfg *cfg = aipm_xcalloc(1, sizeof(*cfg));
    const aipm_yaml_node *max = aipm_yaml_get(rule, "max");
    const aipm_yaml_node *mw = aipm_yaml_get(rule, "min-words");

    if (aipm_check_parse_matchers(rule, env, &cfg->pats, &cfg->n_pats, err) < 0) {
        goto fail;
    }
    if (cfg->n_pats == 0) {
        aipm_error_set(err, env->path, rule->line, rule->col,
                       "rule '%s': check 'density' needs 'words' or 'patterns'", env->rule_id);
        goto fail;
    }
    if (!max) {
        aipm_error_set(err, env->path, rule->line, rule->col,
                       "rule '%s': check 'density' needs 'max'", env->rule_id);
        goto fail;
    }
    if (aipm_yaml_read_double(max, env->path, "max", &cfg->max, err) < 0) {
        goto fail;
    }
    if (cfg->max < 0) {
        aipm_error_set(err, env->path, max->line, max->col, "'max' must not be negative");
        goto fail;
    }
    if (mw && aipm_yaml_read_uint(mw, env->path, "min-words", DENSITY_MAX_WORDS, &cfg->min_words,
                                  err) < 0) {
        goto fail;
    }
    return cfg;

fail:
    density_free(cfg);
    return NULL;
}

static void density_run(aipm_check_ctx *ctx, const void *p) {
    const density_cfg *cfg = p;
    aipm_unit u;

    while (aipm_check_next_unit(ctx, &u)) {
        size_t words = aipm_check_words(ctx, &u);
        if (words == 0 || words < cfg->min_words) {
            continue;
        }
        size_t count = 0;
        for (size_t i = 0; i < cfg->n_pats; i++) {
            count += aipm_check_count(ctx, cfg->pats[i], &u);
        }
        if ((double)count * 100.0 / (double)words <= cfg->max) {
            continue;
        }
        aipm_tvars v = {0};
        v.count = (long)count;
        v.limit = cfg->max < 1e9 ? (long)(cfg->max + 0.5) : 1000000000L;
        aipm_check_emit_unit(ctx, &u, &v);
    }
}

static void density_patterns(const void *p, aipm_pattern_visit visit, void *arg) {
    const density_cfg *cfg = p;
    aipm_check_visit_patterns(cfg->pats, cfg->n_pats, visit, arg);
}

const aipm_check_kind aipm_check_density = {
    .name = "density",
    .keys = density_keys,
    .default_unit = AIPM_UNIT_BLOCK,
    .parse = density_parse,
    .run = density_run,
    .free_config = density_free,
    .needs_sentences = NULL,
    .patterns = density_patterns,
};
