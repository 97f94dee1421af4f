/*
 * substitute: report a word or phrase that has a better replacement, and
 * suggest it.
 *
 *     check: substitute
 *     swap:                                  # regex -> replacement, in file order
 *       utili[sz]e: use
 *       in order to: to
 *       leverag(e|es|ing): use
 *     exceptions: ['leverage ratio']         # a match inside one of these is fine
 *     ignore-case: false                     # keys match case as written (default true)
 *     message: 'Prefer "{suggestion}" over "{match}"'
 *
 * Keys: 'swap' (required, a non-empty mapping from regex to replacement
 * string); 'exceptions' (regexes, as written); 'ignore-case' (bool, default
 * true). Each swap key matches as a whole word: it compiles as
 * (?<!\w)(?:KEY)(?!\w), case-insensitively unless 'ignore-case' is false.
 *
 * Every span of every unit is scanned left to right; where several keys
 * match, the earliest match wins, then the longest, then the key written
 * first; scanning resumes after the winner, so reported matches never
 * overlap. Each is reported at its range with {match} the matched text and
 * {suggestion} the replacement, which also becomes the diagnostic's
 * suggested fix. A match lying entirely inside a match of an exception in the
 * same span is skipped, and a range found by two overlapping units is
 * reported once. Default unit: block.
 */
#include "checks/check.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "error.h"
#include "mem.h"
#include "pattern.h"
#include "yaml.h"

typedef struct swap_entry {
    aipm_pattern *pat; /* the key, wrapped to match whole words */
    char *repl;
} swap_entry;

typedef struct substitute_cfg {
    swap_entry *swaps;
    size_t n_swaps;
    aipm_pattern **exc;
    size_t n_exc;
} substitute_cfg;

typedef struct substitute_hit {
    aipm_span at; /* first, so aipm_span_cmp orders hits */
    size_t swap;
} substitute_hit;

/* The next match of one swap key in the current span (a cache, see run). */
typedef struct swap_next {
    uint32_t ms, me;
    bool valid; /* ms/me hold a match at or after the last search start */
    bool done;  /* no match left in this span */
} swap_next;

static const char *const substitute_keys[] = {"swap", "exceptions", "ignore-case", NULL};

static void substitute_free(void *p) {
    substitute_cfg *cfg = p;
    if (!cfg) {
        return;
    }
    for (size_t i = 0; i < cfg->n_swaps; i++) {
        aipm_pattern_free(cfg->swaps[i].pat);
        free(cfg->swaps[i].repl);
    }
    free(cfg->swaps);
    aipm_check_free_patterns(cfg->exc, cfg->n_exc);
    free(cfg);
}

/*
 * Compile one swap key. It compiles as written first, so a bad regex is
 * reported as the user wrote it (offsets included), then wrapped.
 */
static aipm_pattern *compile_key(const aipm_yaml_node *key, unsigned flags,
                                 const aipm_check_env *env, aipm_error *err) {
    flags |= env->pattern_flags;
    if (!(flags & AIPM_PATTERN_DEFER)) {
        aipm_pattern *raw =
            aipm_pattern_compile(key->value, key->len, flags, env->path, key->line, key->col, err);
        if (!raw) {
            return NULL;
        }
        aipm_pattern_free(raw);
    }
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, "(?<!\\w)(?:");
    aipm_buf_put(&b, key->value, key->len);
    aipm_buf_puts(&b, ")(?!\\w)");
    aipm_pattern *p =
        aipm_pattern_compile(b.ptr, b.len, flags, env->path, key->line, key->col, err);
    aipm_buf_release(&b);
    return p;
}

static void *substitute_parse(const aipm_yaml_node *rule, const aipm_check_env *env,
                              aipm_error *err) {
    substitute_cfg *cfg = aipm_xcalloc(1, sizeof(*cfg));
    bool ignore_case = true;
    const aipm_yaml_node *ic = aipm_yaml_get(rule, "ignore-case");
    const aipm_yaml_node *swap = aipm_yaml_get(rule, "swap");

    if (ic && aipm_yaml_read_bool(ic, env->path, "ignore-case", &ignore_case, err) < 0) {
        goto fail;
    }
    if (!swap) {
        aipm_error_set(err, env->path, rule->line, rule->col,
                       "rule '%s': check 'substitute' needs 'swap'", env->rule_id);
        goto fail;
    }
    if (aipm_yaml_expect_map(swap, env->path, "swap", err) < 0) {
        goto fail;
    }
    if (swap->n == 0) {
        aipm_error_set(err, env->path, swap->line, swap->col, "'swap' must not be empty");
        goto fail;
    }
    cfg->swaps = aipm_xcalloc(swap->n, sizeof(*cfg->swaps));
    for (size_t i = 0; i < swap->n; i++) {
        const char *repl;
        if (swap->keys[i]->len == 0) {
            aipm_error_set(err, env->path, swap->keys[i]->line, swap->keys[i]->col,
                           "'swap' keys must not be empty");
            goto fail;
        }
        if (aipm_yaml_read_str(swap->items[i], env->path, "swap", &repl, err) < 0) {
            goto fail;
        }
        cfg->swaps[i].pat =
            compile_key(swap->keys[i], ignore_case ? AIPM_PATTERN_IGNORE_CASE : 0, env, err);
        if (!cfg->swaps[i].pat) {
            goto fail;
        }
        cfg->swaps[i].repl = aipm_xstrdup(repl);
        cfg->n_swaps = i + 1;
    }
    if (aipm_check_parse_patterns(rule, "exceptions", env, &cfg->exc, &cfg->n_exc, err) < 0) {
        goto fail;
    }
    return cfg;

fail:
    substitute_free(cfg);
    return NULL;
}

/* Return true when an exception matches around [ms, me) in 'sp'. */
static bool excepted(aipm_check_ctx *ctx, const substitute_cfg *cfg, const aipm_span *sp,
                     uint32_t ms, uint32_t me) {
    for (size_t i = 0; i < cfg->n_exc; i++) {
        uint32_t es, ee, from = sp->start;
        while (from <= ms && aipm_check_find_nonempty(ctx, cfg->exc[i], sp, from, &es, &ee)) {
            if (es > ms) {
                break;
            }
            if (ee >= me) {
                return true;
            }
            from = ee;
        }
    }
    return false;
}

/* Scan one span, appending the winning matches to '*hits'. */
static void scan_span(aipm_check_ctx *ctx, const substitute_cfg *cfg, const aipm_span *sp,
                      swap_next *next, substitute_hit **hits, size_t *n_hits, size_t *cap_hits) {
    uint32_t pos = sp->start;
    memset(next, 0, cfg->n_swaps * sizeof(*next));
    for (;;) {
        size_t best = SIZE_MAX;
        for (size_t k = 0; k < cfg->n_swaps; k++) {
            swap_next *nk = &next[k];
            if (nk->done) {
                continue;
            }
            if (!nk->valid || nk->ms < pos) {
                nk->valid =
                    aipm_check_find_nonempty(ctx, cfg->swaps[k].pat, sp, pos, &nk->ms, &nk->me);
                nk->done = !nk->valid;
                if (nk->done) {
                    continue;
                }
            }
            if (best == SIZE_MAX || nk->ms < next[best].ms ||
                (nk->ms == next[best].ms && nk->me > next[best].me)) {
                best = k;
            }
        }
        if (best == SIZE_MAX) {
            return;
        }
        uint32_t ms = next[best].ms, me = next[best].me;
        pos = me;
        if (cfg->n_exc && excepted(ctx, cfg, sp, ms, me)) {
            continue;
        }
        *hits = aipm_grow(*hits, cap_hits, *n_hits + 1, sizeof(**hits));
        (*hits)[(*n_hits)++] = (substitute_hit){{sp->block, ms, me}, best};
    }
}

static void substitute_run(aipm_check_ctx *ctx, const void *p) {
    const substitute_cfg *cfg = p;
    const aipm_doc *doc = aipm_check_doc(ctx);
    swap_next *next = aipm_xcalloc(cfg->n_swaps, sizeof(*next));
    substitute_hit *hits = NULL;
    size_t n_hits = 0, cap_hits = 0;
    aipm_unit u;

    while (aipm_check_next_unit(ctx, &u)) {
        for (size_t s = 0; s < u.n_spans; s++) {
            const aipm_span *sp = &u.spans[s];
            scan_span(ctx, cfg, sp, next, &hits, &n_hits, &cap_hits);
        }
    }

    if (n_hits > 1) {
        qsort(hits, n_hits, sizeof(*hits), aipm_span_cmp);
    }
    for (size_t i = 0; i < n_hits; i++) {
        if (i > 0 && aipm_span_cmp(&hits[i - 1], &hits[i]) == 0) {
            continue;
        }
        aipm_tvars v = {0};
        v.match = doc->blocks[hits[i].at.block].text + hits[i].at.start;
        v.match_len = hits[i].at.end - hits[i].at.start;
        v.suggestion = cfg->swaps[hits[i].swap].repl;
        aipm_check_emit(ctx, hits[i].at.block, hits[i].at.start, hits[i].at.end, &v);
    }
    free(hits);
    free(next);
}

static void substitute_patterns(const void *p, aipm_pattern_visit visit, void *arg) {
    const substitute_cfg *cfg = p;
    for (size_t i = 0; i < cfg->n_swaps; i++) {
        visit(arg, cfg->swaps[i].pat);
    }
    aipm_check_visit_patterns(cfg->exc, cfg->n_exc, visit, arg);
}

const aipm_check_kind aipm_check_substitute = {
    .name = "substitute",
    .keys = substitute_keys,
    .default_unit = AIPM_UNIT_BLOCK,
    .parse = substitute_parse,
    .run = substitute_run,
    .free_config = substitute_free,
    .needs_sentences = NULL,
    .patterns = substitute_patterns,
};
