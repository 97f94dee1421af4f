/*
 * forbid: report every occurrence of a forbidden word or pattern.
 *
 *     check: forbid
 *     words: [seamless, best-in-class]      # whole words, any case
 *     patterns: ['\bmake \w+ better\b']     # regexes as written; (?i) for case
 *     exceptions: ['seamless integration']  # a match inside one of these is fine
 *     ignore-case: true                     # 'patterns' ignore case (default false)
 *     message: 'Vague phrase "{match}"'
 *
 * Keys: 'words' (a string or list: each matched as a whole word, case
 * insensitively), 'patterns' (a regex or list of regexes, as written), at
 * least one of the two; 'exceptions' (regexes, as written); 'ignore-case'
 * (bool, default false: when true, 'patterns' match without regard to case;
 * 'words' always do, 'exceptions' never are changed).
 *
 * Reports each non-empty match of 'words' and of every pattern (each pattern
 * scans a span left to right, matches of one pattern never overlap) in every
 * span of every unit, at the match's own range, with {match} the matched
 * text. A match lying entirely inside a match of an exception in the same
 * span is skipped. The same range is reported once, however many patterns or
 * overlapping units (nested sections or list items) find it. Default unit:
 * block (the unit only matters through the scope's spans here).
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

typedef struct forbid_cfg {
    aipm_pattern **pats; /* 'words' (when given) first, then 'patterns' */
    size_t n_pats;
    aipm_pattern **exc;
    size_t n_exc;
} forbid_cfg;

static const char *const forbid_keys[] = {"words", "patterns", "exceptions", "ignore-case", NULL};

static void forbid_free(void *p) {
    forbid_cfg *cfg = p;
    if (!cfg) {
        return;
    }
    aipm_check_free_patterns(cfg->pats, cfg->n_pats);
    aipm_check_free_patterns(cfg->exc, cfg->n_exc);
    free(cfg);
}

static void *forbid_parse(const aipm_yaml_node *rule, const aipm_check_env *env, aipm_error *err) {
    forbid_cfg *cfg = aipm_xcalloc(1, sizeof(*cfg));
    bool ignore_case = false;
    const aipm_yaml_node *ic = aipm_yaml_get(rule, "ignore-case");

    if (ic && aipm_yaml_read_bool(ic, env->path, "ignore-case", &ignore_case, err) < 0) {
        goto fail;
    }
    if (aipm_check_parse_matchers(rule, env, &cfg->pats, &cfg->n_pats, err) < 0) {
        goto fail;
    }
    if (ignore_case) {
        /* 'ignore-case' is for 'patterns'; the word list, first, is caseless already */
        size_t skip = aipm_yaml_get(rule, "words") ? 1 : 0;
        if (cfg->n_pats > skip && /* none: cfg->pats may be NULL */
            aipm_check_recompile_caseless(rule, "patterns", env, cfg->pats + skip,
                                          cfg->n_pats - skip, err) < 0) {
            goto fail;
        }
    }
    if (aipm_check_parse_patterns(rule, "exceptions", env, &cfg->exc, &cfg->n_exc, err) < 0) {
        goto fail;
    }
    if (cfg->n_pats == 0) {
        aipm_error_set(err, env->path, rule->line, rule->col,
                       "rule '%s': check 'forbid' needs 'words' or 'patterns'", env->rule_id);
        goto fail;
    }
    return cfg;

fail:
    forbid_free(cfg);
    return NULL;
}

/* The exception matches of one span, gathered only when a span has a hit. */
typedef struct forbid_ranges {
    aipm_range *v;
    size_t n, cap;
} forbid_ranges;

static void collect_exceptions(aipm_check_ctx *ctx, const forbid_cfg *cfg, const aipm_span *sp,
                               forbid_ranges *out) {
    out->n = 0;
    for (size_t i = 0; i < cfg->n_exc; i++) {
        uint32_t ms, me, from = sp->start;
        while (aipm_check_find_nonempty(ctx, cfg->exc[i], sp, from, &ms, &me)) {
            out->v = aipm_grow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
            out->v[out->n++] = (aipm_range){ms, me};
            from = me;
        }
    }
}

static bool excepted(const forbid_ranges *r, uint32_t ms, uint32_t me) {
    for (size_t i = 0; i < r->n; i++) {
        if (r->v[i].start <= ms && me <= r->v[i].end) {
            return true;
        }
    }
    return false;
}

static void forbid_run(aipm_check_ctx *ctx, const void *p) {
    const forbid_cfg *cfg = p;
    const aipm_doc *doc = aipm_check_doc(ctx);
    aipm_span *hits = NULL; /* the matches to report */
    size_t n_hits = 0, cap_hits = 0;
    forbid_ranges exc = {NULL, 0, 0};
    aipm_unit u;

    while (aipm_check_next_unit(ctx, &u)) {
        for (size_t s = 0; s < u.n_spans; s++) {
            const aipm_span *sp = &u.spans[s];
            bool have_exc = false;
            for (size_t i = 0; i < cfg->n_pats; i++) {
                uint32_t ms, me, from = sp->start;
                while (aipm_check_find_nonempty(ctx, cfg->pats[i], sp, from, &ms, &me)) {
                    from = me;
                    if (cfg->n_exc && !have_exc) {
                        collect_exceptions(ctx, cfg, sp, &exc);
                        have_exc = true;
                    }
                    if (cfg->n_exc && excepted(&exc, ms, me)) {
                        continue;
                    }
                    hits = aipm_grow(hits, &cap_hits, n_hits + 1, sizeof(*hits));
                    hits[n_hits++] = (aipm_span){sp->block, ms, me};
                }
            }
        }
    }

    if (n_hits > 1) {
        qsort(hits, n_hits, sizeof(*hits), aipm_span_cmp);
    }
    for (size_t i = 0; i < n_hits; i++) {
        if (i > 0 && aipm_span_cmp(&hits[i - 1], &hits[i]) == 0) {
            continue;
        }
        const aipm_block *b = &doc->blocks[hits[i].block];
        aipm_tvars v = {0};
        v.match = b->text + hits[i].start;
        v.match_len = hits[i].end - hits[i].start;
        aipm_check_emit(ctx, hits[i].block, hits[i].start, hits[i].end, &v);
    }
    free(hits);
    free(exc.v);
}

static void forbid_patterns(const void *p, aipm_pattern_visit visit, void *arg) {
    const forbid_cfg *cfg = p;
    aipm_check_visit_patterns(cfg->pats, cfg->n_pats, visit, arg);
    aipm_check_visit_patterns(cfg->exc, cfg->n_exc, visit, arg);
}

const aipm_check_kind aipm_check_forbid = {
    .name = "forbid",
    .keys = forbid_keys,
    .default_unit = AIPM_UNIT_BLOCK,
    .parse = forbid_parse,
    .run = forbid_run,
    .free_config = forbid_free,
    .needs_sentences = NULL,
    .patterns = forbid_patterns,
};
