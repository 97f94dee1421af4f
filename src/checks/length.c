/*
 * length: report a unit that is too long or too short, in words or in
 * sentences.
 *
 *     check: length
 *     scope: {sections: '(?i)vision', unit: section}
 *     max-words: 60
 *     min-sentences: 1
 *     message: 'The vision runs to {count} words; keep it under {limit}'
 *
 * Keys: 'max-words', 'min-words', 'max-sentences', 'min-sentences' (whole
 * numbers; at least one required; a minimum may not exceed its maximum).
 *
 * Words are runs of letters, digits and apostrophes in the unit's spans.
 * Sentences are the document's sentences that start inside one of the
 * unit's spans (a sentence unit is one sentence); a rule with a sentence
 * bound makes the document split into sentences. A unit is reported once,
 * at its anchor, for the first bound it violates in the order max-words,
 * min-words, max-sentences, min-sentences, with {count} the measured value
 * and {limit} the bound. A unit with no text in scope has 0 words and 0
 * sentences, so only a minimum can report it. Default unit: block.
 */
#include "checks/check.h"

#include <stdlib.h>

#include "diag.h"
#include "doc.h"
#include "error.h"
#include "mem.h"
#include "yaml.h"

#define LENGTH_MAX_BOUND 1000000u

enum { LENGTH_MAX_WORDS, LENGTH_MIN_WORDS, LENGTH_MAX_SENTENCES, LENGTH_MIN_SENTENCES, LENGTH_N };

static const char *const length_keys[] = {"max-words", "min-words", "max-sentences",
                                          "min-sentences", NULL};

typedef struct length_cfg {
    unsigned bound[LENGTH_N];
    bool has[LENGTH_N];
} length_cfg;

static void length_free(void *p) {
    free(p);
}

/* Fail when the minimum 'lo' exceeds the maximum 'hi' (both bound indexes). */
static int check_order(const length_cfg *cfg, int lo, int hi, const aipm_yaml_node *rule,
                       const aipm_check_env *env, aipm_error *err) {
    if (!cfg->has[lo] || !cfg->has[hi] || cfg->bound[lo] <= cfg->bound[hi]) {
        return 0;
    }
    const aipm_yaml_node *at = aipm_yaml_get(rule, length_keys[lo]);
    return aipm_error_set(err, env->path, at->line, at->col, "'%s' (%u) must not exceed '%s' (%u)",
                          length_keys[lo], cfg->bound[lo], length_keys[hi], cfg->bound[hi]);
}

static void *length_parse(const aipm_yaml_node *rule, const aipm_check_env *env, aipm_error *err) {
    length_cfg *cfg = aipm_xcalloc(1, sizeof(*cfg));
    bool any = false;

    for (int i = 0; i < LENGTH_N; i++) {
        const aipm_yaml_node *node = aipm_yaml_get(rule, length_keys[i]);
        if (!node) {
            continue;
        }
        if (aipm_yaml_read_uint(node, env->path, length_keys[i], LENGTH_MAX_BOUND, &cfg->bound[i],
                                err) < 0) {
            goto fail;
        }
        cfg->has[i] = true;
        any = true;
    }
    if (!any) {
        aipm_error_set(err, env->path, rule->line, rule->col,
                       "rule '%s': check 'length' needs 'max-words', 'min-words', "
                       "'max-sentences' or 'min-sentences'",
                       env->rule_id);
        goto fail;
    }
    if (check_order(cfg, LENGTH_MIN_WORDS, LENGTH_MAX_WORDS, rule, env, err) < 0 ||
        check_order(cfg, LENGTH_MIN_SENTENCES, LENGTH_MAX_SENTENCES, rule, env, err) < 0) {
        goto fail;
    }
    return cfg;

fail:
    length_free(cfg);
    return NULL;
}

static bool length_needs_sentences(const void *p) {
    const length_cfg *cfg = p;
    return cfg->has[LENGTH_MAX_SENTENCES] || cfg->has[LENGTH_MIN_SENTENCES];
}

/* Count the document's sentences that start inside a span of 'u'. */
static size_t count_sentences(const aipm_doc *doc, const aipm_unit *u) {
    size_t n = 0;
    if (!doc->has_sentences) {
        return 0;
    }
    for (size_t s = 0; s < u->n_spans; s++) {
        const aipm_span *sp = &u->spans[s];
        const aipm_block *b = &doc->blocks[sp->block];
        for (uint32_t i = 0; i < b->n_sentences; i++) {
            const aipm_sentence *se = &doc->sentences[b->first_sentence + i];
            if (se->start >= sp->start && se->start < sp->end) {
                n++;
            }
        }
    }
    return n;
}

/* Return the first violated bound's index, or LENGTH_N; '*count' gets the measure. */
static int violated(const length_cfg *cfg, size_t words, size_t sentences, size_t *count) {
    const size_t measure[LENGTH_N] = {words, words, sentences, sentences};
    for (int i = 0; i < LENGTH_N; i++) {
        if (!cfg->has[i]) {
            continue;
        }
        bool is_max = i == LENGTH_MAX_WORDS || i == LENGTH_MAX_SENTENCES;
        if (is_max ? measure[i] > cfg->bound[i] : measure[i] < cfg->bound[i]) {
            *count = measure[i];
            return i;
        }
    }
    return LENGTH_N;
}

static void length_run(aipm_check_ctx *ctx, const void *p) {
    const length_cfg *cfg = p;
    const aipm_doc *doc = aipm_check_doc(ctx);
    bool need_words = cfg->has[LENGTH_MAX_WORDS] || cfg->has[LENGTH_MIN_WORDS];
    bool need_sentences = length_needs_sentences(cfg);
    aipm_unit u;

    while (aipm_check_next_unit(ctx, &u)) {
        size_t words = need_words ? aipm_check_words(ctx, &u) : 0;
        size_t sentences = need_sentences ? count_sentences(doc, &u) : 0;
        size_t count = 0;
        int i = violated(cfg, words, sentences, &count);
        if (i == LENGTH_N) {
            continue;
        }
        aipm_tvars v = {0};
        v.count = (long)count;
        v.limit = (long)cfg->bound[i];
        aipm_check_emit_unit(ctx, &u, &v);
    }
}

const aipm_check_kind aipm_check_length = {
    .name = "length",
    .keys = length_keys,
    .default_unit = AIPM_UNIT_BLOCK,
    .parse = length_parse,
    .run = length_run,
    .free_config = length_free,
    .needs_sentences = length_needs_sentences,
};
