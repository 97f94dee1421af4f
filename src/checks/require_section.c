/*
 * require-section: report a document that lacks a section it must have.
 *
 *     check: require-section
 *     heading: ['success (metrics|criteria)', 'kpis?']  # any one will do
 *     min-words: 15               # the section must say something (optional)
 *     ignore-case: false          # default true
 *     message: 'No "Success metrics" section'
 *
 * Keys: 'heading' (required: a regex or list of regexes, matched anywhere in
 * a heading's plain text, case-insensitively unless 'ignore-case' is false);
 * 'min-words' (whole number, optional); 'ignore-case' (bool, default true).
 *
 * For each unit (by default the one document unit) the candidate sections
 * are those the unit reaches: a section whose heading block is in one of the
 * unit's spans, or that is the innermost section of a span's block. For a
 * section unit, the section itself is not a candidate, only what it holds
 * (so 'unit: section' asks each selected section for a subsection).
 *
 * A unit passes when a candidate's heading matches and, with 'min-words', that
 * section holds at least 'min-words' words of prose below its heading
 * (paragraphs, list items, quotes and table rows, nested subsections
 * included; headings not counted). When no candidate heading matches, the
 * unit is reported once at its anchor (the document's: first selected
 * section heading, else first block in scope, else line 1) with {count} 0.
 * When headings match but every such section is too short, the first of
 * them is reported at its heading with {count} its words, {limit}
 * 'min-words' and {match} its title. Default unit: document.
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

#define REQUIRE_SECTION_MAX_WORDS 1000000u

typedef struct require_section_cfg {
    aipm_pattern **heading;
    size_t n_heading;
    unsigned min_words;
    bool has_min_words;
} require_section_cfg;

static const char *const require_section_keys[] = {"heading", "min-words", "ignore-case", NULL};

static void require_section_free(void *p) {
    require_section_cfg *cfg = p;
    if (!cfg) {
        return;
    }
    aipm_check_free_patterns(cfg->heading, cfg->n_heading);
    free(cfg);
}

static void *require_section_parse(const aipm_yaml_node *rule, const aipm_check_env *env,
                                   aipm_error *err) {
    require_section_cfg *cfg = aipm_xcalloc(1, sizeof(*cfg));
    bool ignore_case = true;
    const aipm_yaml_node *ic = aipm_yaml_get(rule, "ignore-case");
    const aipm_yaml_node *mw = aipm_yaml_get(rule, "min-words");

    if (ic && aipm_yaml_read_bool(ic, env->path, "ignore-case", &ignore_case, err) < 0) {
        goto fail;
    }
    if (aipm_check_parse_patterns(rule, "heading", env, &cfg->heading, &cfg->n_heading, err) < 0) {
        goto fail;
    }
    if (cfg->n_heading == 0) {
        aipm_error_set(err, env->path, rule->line, rule->col,
                       "rule '%s': check 'require-section' needs 'heading'", env->rule_id);
        goto fail;
    }
    if (ignore_case && aipm_check_recompile_caseless(rule, "heading", env, cfg->heading,
                                                     cfg->n_heading, err) < 0) {
        goto fail;
    }
    if (mw) {
        if (aipm_yaml_read_uint(mw, env->path, "min-words", REQUIRE_SECTION_MAX_WORDS,
                                &cfg->min_words, err) < 0) {
            goto fail;
        }
        cfg->has_min_words = true;
    }
    return cfg;

fail:
    require_section_free(cfg);
    return NULL;
}

/* Growable scratch shared by every unit of one run. */
typedef struct rs_scratch {
    uint32_t *secs;
    size_t n_secs, cap_secs;
    aipm_span *spans;
    size_t cap_spans;
} rs_scratch;

static int u32_cmp(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y ? 1 : 0;
}

static void add_section(rs_scratch *sc, uint32_t s) {
    if (s == 0 || s == AIPM_NONE) {
        return;
    }
    sc->secs = aipm_grow(sc->secs, &sc->cap_secs, sc->n_secs + 1, sizeof(*sc->secs));
    sc->secs[sc->n_secs++] = s;
}

/* Fill sc->secs with the candidate sections of 'u', sorted and unique. */
static void candidates(const aipm_doc *doc, const aipm_unit *u, rs_scratch *sc) {
    sc->n_secs = 0;
    for (size_t i = 0; i < u->n_spans; i++) {
        const aipm_block *b = &doc->blocks[u->spans[i].block];
        add_section(sc, b->section);
    }
    if (sc->n_secs > 1) {
        qsort(sc->secs, sc->n_secs, sizeof(*sc->secs), u32_cmp);
    }
    size_t n = 0;
    for (size_t i = 0; i < sc->n_secs; i++) {
        uint32_t s = sc->secs[i];
        if (n > 0 && sc->secs[n - 1] == s) {
            continue;
        }
        if (u->type == AIPM_UNIT_SECTION && u->section != AIPM_NONE) {
            const aipm_section *outer = &doc->sections[u->section];
            uint32_t first = doc->sections[s].first_block;
            if (s == u->section || first <= outer->first_block || first >= outer->end_block) {
                continue;
            }
        }
        sc->secs[n++] = s;
    }
    sc->n_secs = n;
}

static bool heading_matches(aipm_check_ctx *ctx, const require_section_cfg *cfg,
                            const aipm_doc *doc, uint32_t h) {
    aipm_span sp = {h, 0, doc->blocks[h].len};
    for (size_t i = 0; i < cfg->n_heading; i++) {
        uint32_t ms, me;
        if (aipm_check_find(ctx, cfg->heading[i], &sp, 0, &ms, &me)) {
            return true;
        }
    }
    return false;
}

/* Return the words of prose below the heading of section 's'. */
static size_t section_words(aipm_check_ctx *ctx, const aipm_doc *doc, uint32_t s, rs_scratch *sc) {
    const aipm_section *sec = &doc->sections[s];
    const unsigned prose = AIPM_BLOCK_PROSE & ~(unsigned)AIPM_BLOCK_HEADING;
    size_t n = 0;
    for (uint32_t b = sec->first_block; b < sec->end_block; b++) {
        if (b == sec->heading || !(doc->blocks[b].type & prose)) {
            continue;
        }
        sc->spans = aipm_grow(sc->spans, &sc->cap_spans, n + 1, sizeof(*sc->spans));
        sc->spans[n++] = (aipm_span){b, 0, doc->blocks[b].len};
    }
    aipm_unit u = {AIPM_UNIT_SECTION, s, sc->spans, n};
    return aipm_check_words(ctx, &u);
}

static void check_unit(aipm_check_ctx *ctx, const require_section_cfg *cfg, const aipm_unit *u,
                       rs_scratch *sc) {
    const aipm_doc *doc = aipm_check_doc(ctx);
    uint32_t short_sec = AIPM_NONE;
    size_t short_words = 0;

    candidates(doc, u, sc);
    for (size_t i = 0; i < sc->n_secs; i++) {
        uint32_t s = sc->secs[i];
        uint32_t h = doc->sections[s].heading;
        if (h == AIPM_NONE || !heading_matches(ctx, cfg, doc, h)) {
            continue;
        }
        if (!cfg->has_min_words) {
            return;
        }
        size_t words = section_words(ctx, doc, s, sc);
        if (words >= cfg->min_words) {
            return;
        }
        if (short_sec == AIPM_NONE) {
            short_sec = s;
            short_words = words;
        }
    }

    aipm_tvars v = {0};
    v.limit = (long)cfg->min_words;
    if (short_sec == AIPM_NONE) {
        v.count = 0;
        aipm_check_emit_unit(ctx, u, &v);
        return;
    }
    const aipm_section *sec = &doc->sections[short_sec];
    v.count = (long)short_words;
    v.match = sec->title;
    v.match_len = strlen(sec->title);
    aipm_check_emit(ctx, sec->heading, 0, doc->blocks[sec->heading].len, &v);
}

static void require_section_run(aipm_check_ctx *ctx, const void *p) {
    const require_section_cfg *cfg = p;
    rs_scratch sc = {NULL, 0, 0, NULL, 0};
    aipm_unit u;

    while (aipm_check_next_unit(ctx, &u)) {
        check_unit(ctx, cfg, &u, &sc);
    }
    free(sc.secs);
    free(sc.spans);
}

const aipm_check_kind aipm_check_require_section = {
    .name = "require-section",
    .keys = require_section_keys,
    .default_unit = AIPM_UNIT_DOCUMENT,
    .parse = require_section_parse,
    .run = require_section_run,
    .free_config = require_section_free,
    .needs_sentences = NULL,
};
