/*
 * engine: rules x documents -> diagnostics.
 *
 * For each document the engine computes the traits, then for each enabled
 * rule that fits (kinds, 'when') it marks which blocks are in the rule's
 * scope and hands the rule's check kind a context through which it walks the
 * scope's units, matches, and emits. All the per-document scratch (scope
 * marks, unit spans) lives in the per-worker aipm_engine and is reused, so a
 * run allocates little beyond the diagnostics themselves.
 *
 *   blocks:   [h1][p][h2 Vision][p][li][li][h2 Metrics][tr][tr]
 *   in scope:   .   .     x      x   x   x      .       .   .     sections: '(?i)vision'
 *   units:    DOCUMENT = 4 spans; SECTION = one (Vision); BLOCK = 4; ITEM = p's sentences, li, li
 */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "checks/check.h"
#include "mem.h"
#include "utf8.h"

/* A block's prefilter hits: pf_hits[first, first + n), in text order. */
struct pf_block {
    uint32_t first, n;
    uint8_t state; /* PF_NOT_YET, PF_HITS, PF_ALL (the block defeats the filter) */
};

enum { PF_NOT_YET, PF_HITS, PF_ALL };

struct aipm_engine {
    const aipm_ruleset *rs;
    aipm_matcher *matcher;
    bool *in_scope; /* per block */
    size_t cap_blocks;
    uint8_t *sel; /* per section: 1 selected, 2 excluded */
    size_t cap_sections;
    aipm_span *spans;
    size_t cap_spans;
    /* Prefilter results for the document being linted (prefilter.h): per
     * block, where prefixes of slotted patterns start, found on the block's
     * first search. aipm_engine_traits starts them and aipm_engine_run_states
     * reuses them for the same document, then drops them. */
    bool use_prefilter;
    bool pf_keep;
    bool pf_on; /* false: search every block */
    const aipm_doc *pf_doc;
    struct pf_block *pf_blocks;
    size_t cap_pf_blocks;
    aipm_prefilter_hit *pf_hits;
    size_t n_pf_hits, cap_pf_hits;
    size_t pf_words;   /* uint64_t words of a slot set */
    uint64_t *pf_sets; /* per block: the slots with a hit in it */
    size_t cap_pf_sets;
    aipm_prefilter_hit *pf_tmp; /* sorting scratch */
    size_t cap_pf_tmp;
    uint32_t *pf_count; /* per slot, sorting scratch */
    size_t cap_pf_count;
};

struct aipm_check_ctx {
    aipm_engine *e;
    const aipm_doc *doc;
    const aipm_rule *rule;
    aipm_severity severity;
    aipm_diag_list *out;
    bool limit_reported;
    bool has_sections; /* the rule's scope names sections */
    uint32_t first_selected;
    /* unit iteration */
    aipm_unit_type unit;
    bool started;
    bool done;
    uint32_t next_block;
    uint32_t next_sentence;
    uint32_t next_section;
};

aipm_engine *aipm_engine_new(const aipm_ruleset *rs) {
    aipm_engine *e = aipm_xcalloc(1, sizeof(*e));
    e->rs = rs;
    e->matcher = aipm_matcher_new();
    e->use_prefilter = true;
    return e;
}

void aipm_engine_set_jit(aipm_engine *e, bool on) {
    aipm_matcher_set_jit(e->matcher, on);
}

void aipm_engine_set_prefilter(aipm_engine *e, bool on) {
    e->use_prefilter = on;
    e->pf_keep = false;
}

void aipm_engine_free(aipm_engine *e) {
    if (!e) {
        return;
    }
    aipm_matcher_free(e->matcher);
    free(e->in_scope);
    free(e->sel);
    free(e->spans);
    free(e->pf_blocks);
    free(e->pf_hits);
    free(e->pf_sets);
    free(e->pf_tmp);
    free(e->pf_count);
    free(e);
}

/* Where to search again after a match [ms, me): past it, or past one
 * character when it was empty, so a loop over matches always advances. */
static size_t after_match(const char *text, size_t len, size_t ms, size_t me) {
    if (me > ms) {
        return me;
    }
    size_t adv = 1;
    if (me < len) {
        aipm_utf8_decode(text + me, len - me, &adv);
    }
    return me + adv;
}

/* ---- the prefilter ---- */

/*
 * Sort the 'n' hits at 'h' (in text order) by slot, keeping text order within
 * a slot, and note each slot that has one in 'set': an insertion sort for a
 * few, a counting sort for many.
 */
static void sort_hits(aipm_engine *e, aipm_prefilter_hit *h, size_t n, uint64_t *set) {
    memset(set, 0, e->pf_words * sizeof(*set));
    for (size_t i = 0; i < n; i++) {
        set[h[i].slot >> 6] |= (uint64_t)1 << (h[i].slot & 63);
    }
    if (n <= 32) {
        for (size_t i = 1; i < n; i++) {
            aipm_prefilter_hit x = h[i];
            size_t k = i;
            for (; k > 0 && h[k - 1].slot > x.slot; k--) {
                h[k] = h[k - 1];
            }
            h[k] = x;
        }
        return;
    }
    size_t slots = aipm_prefilter_slots(e->rs->prefilter);
    e->pf_count = aipm_grow(e->pf_count, &e->cap_pf_count, slots + 1, sizeof(*e->pf_count));
    e->pf_tmp = aipm_grow(e->pf_tmp, &e->cap_pf_tmp, n, sizeof(*e->pf_tmp));
    memset(e->pf_count, 0, (slots + 1) * sizeof(*e->pf_count));
    for (size_t i = 0; i < n; i++) {
        e->pf_count[h[i].slot + 1]++;
    }
    for (size_t s = 1; s <= slots; s++) {
        e->pf_count[s] += e->pf_count[s - 1];
    }
    for (size_t i = 0; i < n; i++) {
        e->pf_tmp[e->pf_count[h[i].slot]++] = h[i];
    }
    memcpy(h, e->pf_tmp, n * sizeof(*h));
}

/* Start the prefilter results over for 'doc'. */
static void pf_start(aipm_engine *e, const aipm_doc *doc) {
    const aipm_prefilter *pf = e->rs->prefilter;
    e->pf_doc = doc;
    e->pf_on = pf && e->use_prefilter && aipm_prefilter_slots(pf) > 0;
    e->n_pf_hits = 0;
    if (!e->pf_on) {
        return;
    }
    e->pf_blocks =
        aipm_grow(e->pf_blocks, &e->cap_pf_blocks, doc->n_blocks + 1, sizeof(*e->pf_blocks));
    e->pf_hits = aipm_grow(e->pf_hits, &e->cap_pf_hits, 1, sizeof(*e->pf_hits)); /* never NULL */
    memset(e->pf_blocks, 0, doc->n_blocks * sizeof(*e->pf_blocks));
    e->pf_words = (aipm_prefilter_slots(pf) + 63) / 64;
    e->pf_sets = aipm_grow(e->pf_sets, &e->cap_pf_sets, (size_t)doc->n_blocks * e->pf_words + 1,
                           sizeof(*e->pf_sets));
}

/* The index of the first of the 'n' hits at 'h' (sorted by slot, then
 * position) that is not before (slot, pos). */
static size_t hit_bound(const aipm_prefilter_hit *h, size_t n, uint32_t slot, uint32_t pos) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h[mid].slot < slot || (h[mid].slot == slot && h[mid].pos < pos)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/*
 * Where can a match of 'p' in block 'b' that starts in [from, end) start?
 * Returns false when nowhere (no need to search), else sets '*at' and '*last'
 * to the first and last place (from <= *at <= *last < end), or to 'from' and
 * SIZE_MAX when the prefilter cannot tell.
 */
static bool pf_first(aipm_engine *e, const aipm_pattern *p, uint32_t b, uint32_t from, uint32_t end,
                     uint32_t *at, size_t *last) {
    *at = from;
    *last = SIZE_MAX;
    if (!e->pf_on) {
        return true;
    }
    uint32_t slot = aipm_prefilter_slot(e->rs->prefilter, p);
    if (slot == AIPM_PREFILTER_NONE) {
        return true;
    }
    struct pf_block *pb = &e->pf_blocks[b];
    if (pb->state == PF_NOT_YET) {
        const aipm_block *blk = &e->pf_doc->blocks[b];
        size_t first = e->n_pf_hits;
        bool ok = aipm_prefilter_scan(e->rs->prefilter, blk->text, blk->len, &e->pf_hits,
                                      &e->n_pf_hits, &e->cap_pf_hits);
        pb->first = (uint32_t)first;
        pb->n = (uint32_t)(e->n_pf_hits - first);
        pb->state = ok ? PF_HITS : PF_ALL;
        sort_hits(e, e->pf_hits + first, pb->n, e->pf_sets + (size_t)b * e->pf_words);
    }
    if (pb->state == PF_ALL) {
        return true;
    }
    if (!((e->pf_sets[(size_t)b * e->pf_words + (slot >> 6)] >> (slot & 63)) & 1)) {
        return false; /* the common case: no hit of this pattern in the block */
    }
    /* the block's hits are sorted by slot, then position */
    const aipm_prefilter_hit *h = e->pf_hits + pb->first;
    size_t lo = hit_bound(h, pb->n, slot, from);
    if (lo < pb->n && h[lo].slot == slot && h[lo].pos < end) {
        *at = h[lo].pos;
        *last = h[hit_bound(h, pb->n, slot, end) - 1].pos; /* the slot's last hit before 'end' */
        return true;
    }
    return false;
}

/* aipm_pattern_find of 'p' in the text of block 'b' cut at 'end', from
 * 'from': PCRE2 starts where the prefilter says a match can, or not at all. */
static aipm_match_result pf_find(aipm_engine *e, const aipm_pattern *p, uint32_t b, size_t end,
                                 size_t from, size_t *ms, size_t *me) {
    uint32_t at;
    size_t last;
    if (from > end || !pf_first(e, p, b, (uint32_t)from, (uint32_t)end, &at, &last)) {
        return AIPM_MATCH_NONE;
    }
    return aipm_pattern_find_upto(p, e->pf_doc->blocks[b].text, end, at, last, e->matcher, ms, me);
}

/* ---- traits ---- */

static bool section_matches(aipm_engine *e, const aipm_pattern *p, const aipm_section *s) {
    size_t ms, me;
    if (!s->title) {
        return false;
    }
    return aipm_pattern_find(p, s->title, strlen(s->title), 0, e->matcher, &ms, &me) ==
           AIPM_MATCH_FOUND;
}

/* Mark sections selected by 'sections' (and their descendants), or all when NULL. */
static void select_sections(aipm_engine *e, const aipm_doc *doc, const aipm_pattern *sections,
                            const aipm_pattern *not_sections) {
    e->sel = aipm_grow(e->sel, &e->cap_sections, doc->n_sections + 1, sizeof(*e->sel));
    for (uint32_t i = 0; i < doc->n_sections; i++) {
        const aipm_section *s = &doc->sections[i];
        uint8_t parent = s->parent == AIPM_NONE ? (sections ? 0 : 1) : e->sel[s->parent];
        uint8_t v = parent;
        if (v != 2 && sections && v == 0 && i > 0 && section_matches(e, sections, s)) {
            v = 1;
        }
        if (v != 2 && not_sections && i > 0 && section_matches(e, not_sections, s)) {
            v = 2;
        }
        e->sel[i] = v;
    }
}

/* Does a match [ms, me) of a trait overlap a match of one of its 'unless' patterns? */
static bool overlaps_unless(aipm_engine *e, const aipm_trait *tr, uint32_t b, size_t ms,
                            size_t me) {
    const aipm_block *blk = &e->pf_doc->blocks[b];
    for (size_t u = 0; u < tr->n_unless; u++) {
        size_t pos = 0, s, x;
        while (pos <= blk->len &&
               pf_find(e, tr->unless[u], b, blk->len, pos, &s, &x) == AIPM_MATCH_FOUND && s < me) {
            if (x > ms) {
                return true;
            }
            pos = after_match(blk->text, blk->len, s, x);
        }
    }
    return false;
}

uint64_t aipm_engine_traits(aipm_engine *e, const aipm_doc *doc) {
    uint64_t bits = 0;
    pf_start(e, doc);
    e->pf_keep = true;
    for (size_t t = 0; t < e->rs->n_traits; t++) {
        const aipm_trait *tr = &e->rs->traits[t];
        select_sections(e, doc, tr->sections, tr->not_sections);
        size_t count = 0;
        for (uint32_t b = 0; b < doc->n_blocks && count < tr->min; b++) {
            const aipm_block *blk = &doc->blocks[b];
            if (!(blk->type & AIPM_BLOCK_PROSE) || e->sel[blk->section] != 1) {
                continue;
            }
            for (size_t p = 0; p < tr->n_patterns && count < tr->min; p++) {
                size_t pos = 0, ms, me;
                while (count < tr->min && pos <= blk->len &&
                       pf_find(e, tr->patterns[p], b, blk->len, pos, &ms, &me) ==
                           AIPM_MATCH_FOUND) {
                    if (!overlaps_unless(e, tr, b, ms, me)) {
                        count++;
                    }
                    pos = after_match(blk->text, blk->len, ms, me);
                }
            }
        }
        if (count >= tr->min) {
            bits |= (uint64_t)1 << t;
        }
    }
    return bits;
}

/* ---- running rules ---- */

static void mark_scope(aipm_check_ctx *ctx) {
    aipm_engine *e = ctx->e;
    const aipm_doc *doc = ctx->doc;
    const aipm_scope *sc = &ctx->rule->scope;
    unsigned mask = sc->blocks ? sc->blocks : AIPM_BLOCK_PROSE;
    select_sections(e, doc, sc->sections, sc->not_sections);
    e->in_scope = aipm_grow(e->in_scope, &e->cap_blocks, doc->n_blocks + 1, sizeof(*e->in_scope));
    for (uint32_t b = 0; b < doc->n_blocks; b++) {
        const aipm_block *blk = &doc->blocks[b];
        e->in_scope[b] = (blk->type & mask) && e->sel[blk->section] == 1;
    }
    ctx->has_sections = sc->sections != NULL;
    ctx->first_selected = AIPM_NONE;
    if (sc->sections) {
        for (uint32_t i = 1; i < doc->n_sections; i++) {
            if (e->sel[i] == 1) {
                ctx->first_selected = i;
                break;
            }
        }
    }
}

void aipm_engine_use(aipm_engine *e, const aipm_ruleset *rs) {
    e->rs = rs;
    e->pf_keep = false;
}

void aipm_engine_run(aipm_engine *e, const aipm_doc *doc, uint64_t traits, const aipm_rule *only,
                     aipm_diag_list *out) {
    aipm_engine_run_states(e, doc, traits, only, e->rs->enabled, e->rs->severity, out);
}

void aipm_engine_run_states(aipm_engine *e, const aipm_doc *doc, uint64_t traits,
                            const aipm_rule *only, const bool *enabled,
                            const aipm_severity *severity, aipm_diag_list *out) {
    const aipm_ruleset *rs = e->rs;
    if (!e->pf_keep || e->pf_doc != doc) {
        pf_start(e, doc);
    }
    e->pf_keep = false; /* the next call may be another document at the same address */
    for (size_t i = 0; i < rs->n_rules; i++) {
        const aipm_rule *r = rs->rules[i];
        if (only) {
            if (r != only) {
                continue;
            }
        } else {
            if (!enabled[i]) {
                continue;
            }
            if (r->kinds && !(r->kinds & (1u << doc->kind))) {
                continue;
            }
            if ((traits & r->when_traits) != r->when_traits || (traits & r->when_not_traits)) {
                continue;
            }
        }
        aipm_check_ctx ctx;
        memset(&ctx, 0, sizeof(ctx));
        ctx.e = e;
        ctx.doc = doc;
        ctx.rule = r;
        ctx.severity = severity[i];
        ctx.out = out;
        ctx.unit = aipm_rule_unit(r);
        if ((ctx.unit == AIPM_UNIT_SENTENCE || ctx.unit == AIPM_UNIT_ITEM) && !doc->has_sentences) {
            ctx.unit = AIPM_UNIT_BLOCK; /* the doc was built without sentences */
        }
        mark_scope(&ctx);
        r->check->run(&ctx, r->cfg);
    }
}

/* ---- the helpers check kinds use (check.h) ---- */

const aipm_doc *aipm_check_doc(const aipm_check_ctx *ctx) {
    return ctx->doc;
}

const aipm_rule *aipm_check_rule(const aipm_check_ctx *ctx) {
    return ctx->rule;
}

static void add_span(aipm_check_ctx *ctx, size_t *n, uint32_t block, uint32_t start, uint32_t end) {
    aipm_engine *e = ctx->e;
    e->spans = aipm_grow(e->spans, &e->cap_spans, *n + 1, sizeof(*e->spans));
    e->spans[*n].block = block;
    e->spans[*n].start = start;
    e->spans[*n].end = end;
    (*n)++;
}

/* Collect the in-scope blocks of [first, end) as whole-block spans. */
static size_t collect_blocks(aipm_check_ctx *ctx, uint32_t first, uint32_t end) {
    size_t n = 0;
    for (uint32_t b = first; b < end; b++) {
        if (ctx->e->in_scope[b]) {
            add_span(ctx, &n, b, 0, ctx->doc->blocks[b].len);
        }
    }
    return n;
}

static void set_unit(aipm_check_ctx *ctx, aipm_unit *u, uint32_t section, size_t n) {
    u->type = ctx->unit;
    u->section = section;
    u->spans = ctx->e->spans;
    u->n_spans = n;
    if (section == AIPM_NONE && n > 0 && ctx->unit != AIPM_UNIT_DOCUMENT) {
        u->section = ctx->doc->blocks[u->spans[0].block].section;
    }
}

static bool next_section_unit(aipm_check_ctx *ctx, aipm_unit *u) {
    const aipm_doc *doc = ctx->doc;
    while (ctx->next_section < doc->n_sections) {
        uint32_t i = ctx->next_section++;
        const aipm_section *s = &doc->sections[i];
        if (i == 0) {
            continue;
        }
        if (ctx->e->sel[i] != 1) {
            continue;
        }
        if (ctx->has_sections && s->parent != AIPM_NONE && ctx->e->sel[s->parent] == 1 &&
            s->parent != 0) {
            continue; /* nested inside a selected section: part of that unit */
        }
        size_t n = collect_blocks(ctx, s->first_block, s->end_block);
        set_unit(ctx, u, i, n);
        return true;
    }
    return false;
}

static bool next_sentence_unit(aipm_check_ctx *ctx, aipm_unit *u, bool items) {
    const aipm_doc *doc = ctx->doc;
    while (ctx->next_block < doc->n_blocks) {
        uint32_t b = ctx->next_block;
        const aipm_block *blk = &doc->blocks[b];
        if (!ctx->e->in_scope[b]) {
            ctx->next_block++;
            ctx->next_sentence = 0;
            continue;
        }
        size_t n = 0;
        if (items && blk->type == AIPM_BLOCK_LIST_ITEM) {
            /* the whole list item: this and the following blocks of the same item */
            uint32_t end = b;
            while (end < doc->n_blocks && doc->blocks[end].item == blk->item &&
                   doc->blocks[end].type == AIPM_BLOCK_LIST_ITEM) {
                if (ctx->e->in_scope[end]) {
                    add_span(ctx, &n, end, 0, doc->blocks[end].len);
                }
                end++;
            }
            ctx->next_block = end;
            ctx->next_sentence = 0;
            set_unit(ctx, u, AIPM_NONE, n);
            return true;
        }
        if (items && blk->type == AIPM_BLOCK_TABLE_ROW && blk->header_row) {
            ctx->next_block++;
            continue;
        }
        if ((items && (blk->type & (AIPM_BLOCK_TABLE_ROW | AIPM_BLOCK_HEADING))) ||
            blk->n_sentences == 0) {
            ctx->next_block++;
            ctx->next_sentence = 0;
            if (blk->len == 0) {
                continue;
            }
            add_span(ctx, &n, b, 0, blk->len);
            set_unit(ctx, u, AIPM_NONE, n);
            return true;
        }
        if (ctx->next_sentence >= blk->n_sentences) {
            ctx->next_block++;
            ctx->next_sentence = 0;
            continue;
        }
        const aipm_sentence *s = &doc->sentences[blk->first_sentence + ctx->next_sentence++];
        add_span(ctx, &n, b, s->start, s->end);
        set_unit(ctx, u, AIPM_NONE, n);
        return true;
    }
    return false;
}

bool aipm_check_next_unit(aipm_check_ctx *ctx, aipm_unit *u) {
    const aipm_doc *doc = ctx->doc;
    if (ctx->done) {
        return false;
    }
    switch (ctx->unit) {
    case AIPM_UNIT_DEFAULT:
    case AIPM_UNIT_DOCUMENT: {
        size_t n = collect_blocks(ctx, 0, doc->n_blocks);
        set_unit(ctx, u, ctx->first_selected, n);
        u->type = AIPM_UNIT_DOCUMENT;
        ctx->done = true;
        return true;
    }
    case AIPM_UNIT_SECTION:
        return next_section_unit(ctx, u);
    case AIPM_UNIT_BLOCK:
        while (ctx->next_block < doc->n_blocks) {
            uint32_t b = ctx->next_block++;
            if (ctx->e->in_scope[b]) {
                size_t n = 0;
                add_span(ctx, &n, b, 0, doc->blocks[b].len);
                set_unit(ctx, u, AIPM_NONE, n);
                return true;
            }
        }
        return false;
    case AIPM_UNIT_SENTENCE:
        return next_sentence_unit(ctx, u, false);
    case AIPM_UNIT_ITEM:
        return next_sentence_unit(ctx, u, true);
    }
    return false;
}

int aipm_span_cmp(const void *a, const void *b) {
    const aipm_span *x = a, *y = b;
    if (x->block != y->block) {
        return x->block < y->block ? -1 : 1;
    }
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    if (x->end != y->end) {
        return x->end < y->end ? -1 : 1;
    }
    return 0;
}

const char *aipm_check_span_text(const aipm_check_ctx *ctx, const aipm_span *sp) {
    return ctx->doc->blocks[sp->block].text;
}

static void report_limit(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_span *sp) {
    if (ctx->limit_reported) {
        return;
    }
    ctx->limit_reported = true;
    const aipm_block *blk = &ctx->doc->blocks[sp->block];
    aipm_buf msg = AIPM_BUF_INIT;
    aipm_buf_printf(&msg,
                    "pattern '%.60s' of rule '%s' exceeded the match limit here; the rule "
                    "skipped this text (simplify the pattern)",
                    aipm_pattern_source(p), ctx->rule->id);
    aipm_diag d;
    memset(&d, 0, sizeof(d));
    d.rule = ctx->rule->id;
    d.severity = AIPM_SEV_ERROR;
    d.message = aipm_buf_detach(&msg);
    d.start = d.end = blk->src[sp->start];
    aipm_doc_position(ctx->doc, d.start, &d.line, &d.col);
    d.end_line = d.line;
    d.end_col = d.col;
    aipm_diag_list_add(ctx->out, &d);
}

bool aipm_check_find(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_span *sp, uint32_t from,
                     uint32_t *ms, uint32_t *me) {
    if (from < sp->start) {
        from = sp->start;
    }
    size_t s, e;
    aipm_match_result r = pf_find(ctx->e, p, sp->block, sp->end, from, &s, &e);
    if (r == AIPM_MATCH_LIMIT) {
        report_limit(ctx, p, sp);
        return false;
    }
    if (r != AIPM_MATCH_FOUND) {
        return false;
    }
    *ms = (uint32_t)s;
    *me = (uint32_t)e;
    return true;
}

bool aipm_check_find_any(aipm_check_ctx *ctx, aipm_pattern *const *pats, size_t n,
                         const aipm_span *sp, uint32_t from, uint32_t *ms, uint32_t *me,
                         size_t *which) {
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t s, e;
        if (aipm_check_find(ctx, pats[i], sp, from, &s, &e) &&
            (!found || s < *ms || (s == *ms && e > *me))) {
            found = true;
            *ms = s;
            *me = e;
            if (which) {
                *which = i;
            }
        }
    }
    return found;
}

bool aipm_check_find_nonempty(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_span *sp,
                              uint32_t from, uint32_t *ms, uint32_t *me) {
    const char *text = ctx->doc->blocks[sp->block].text;
    while (from <= sp->end && aipm_check_find(ctx, p, sp, from, ms, me)) {
        if (*me > *ms) {
            return true;
        }
        if (*ms >= sp->end) {
            return false;
        }
        from = (uint32_t)after_match(text, sp->end, *ms, *me);
    }
    return false;
}

size_t aipm_check_count(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_unit *u) {
    return aipm_check_count_max(ctx, p, u, SIZE_MAX);
}

size_t aipm_check_count_max(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_unit *u,
                            size_t max) {
    size_t count = 0;
    for (size_t i = 0; i < u->n_spans && count < max; i++) {
        uint32_t pos = u->spans[i].start, ms, me;
        while (count < max && pos <= u->spans[i].end &&
               aipm_check_find(ctx, p, &u->spans[i], pos, &ms, &me)) {
            count++;
            const aipm_block *blk = &ctx->doc->blocks[u->spans[i].block];
            pos = (uint32_t)after_match(blk->text, blk->len, ms, me);
        }
    }
    return count;
}

bool aipm_check_any(aipm_check_ctx *ctx, const aipm_pattern *p, const aipm_unit *u) {
    for (size_t i = 0; i < u->n_spans; i++) {
        uint32_t ms, me;
        if (aipm_check_find(ctx, p, &u->spans[i], u->spans[i].start, &ms, &me)) {
            return true;
        }
    }
    return false;
}

static bool is_word_byte(unsigned char c) {
    return aipm_ascii_is_alnum(c) || c >= 0x80 || c == '\'' || c == '_';
}

size_t aipm_check_words(const aipm_check_ctx *ctx, const aipm_unit *u) {
    size_t words = 0;
    for (size_t i = 0; i < u->n_spans; i++) {
        const char *t = ctx->doc->blocks[u->spans[i].block].text;
        bool in = false;
        for (uint32_t k = u->spans[i].start; k < u->spans[i].end; k++) {
            bool w = is_word_byte((unsigned char)t[k]) ||
                     (in && t[k] == '-' && k + 1 < u->spans[i].end &&
                      is_word_byte((unsigned char)t[k + 1]));
            if (w && !in) {
                words++;
            }
            in = w;
        }
    }
    return words;
}

/* The source byte just past the character at text offset 'off' - 1. */
static uint32_t src_end(const aipm_doc *doc, const aipm_block *blk, uint32_t end) {
    if (end == 0) {
        return blk->src[0];
    }
    uint32_t s = blk->src[end - 1];
    size_t adv = 1;
    if (s < doc->src_len) {
        aipm_utf8_decode(doc->src + s, doc->src_len - s, &adv);
    }
    return s + (uint32_t)adv;
}

/*
 * A diagnostic of the running rule with its message expanded from 'v' (may be
 * NULL), {section} set to 'section' and {kind}, {rule} filled in; the caller
 * sets the position.
 */
static aipm_diag new_diag(const aipm_check_ctx *ctx, const aipm_tvars *v, const char *section) {
    aipm_tvars vars;
    if (v) {
        vars = *v;
    } else {
        memset(&vars, 0, sizeof(vars));
    }
    vars.section = section;
    vars.kind = aipm_kind_name(ctx->doc->kind);
    vars.rule = ctx->rule->id;
    aipm_buf msg = AIPM_BUF_INIT;
    aipm_template_expand(&msg, ctx->rule->message, &vars);
    aipm_diag d;
    memset(&d, 0, sizeof(d));
    d.rule = ctx->rule->id;
    d.severity = ctx->severity;
    d.message = aipm_buf_detach(&msg);
    d.suggestion = vars.suggestion ? aipm_xstrdup(vars.suggestion) : NULL;
    return d;
}

static void emit_at(aipm_check_ctx *ctx, uint32_t block, uint32_t start, uint32_t end,
                    const aipm_tvars *v) {
    const aipm_doc *doc = ctx->doc;
    const aipm_block *blk = &doc->blocks[block];
    const aipm_section *sec = &doc->sections[blk->section];
    aipm_diag d = new_diag(ctx, v, sec->title ? sec->title : "");
    if (start > blk->len) {
        start = blk->len;
    }
    if (end < start) {
        end = start;
    }
    if (end > blk->len) {
        end = blk->len;
    }
    d.start = blk->src[start];
    d.end = end > start ? src_end(doc, blk, end) : d.start;
    if (d.end < d.start) {
        d.end = d.start;
    }
    aipm_doc_position(doc, d.start, &d.line, &d.col);
    aipm_doc_position(doc, d.end, &d.end_line, &d.end_col);
    aipm_diag_list_add(ctx->out, &d);
}

void aipm_check_emit(aipm_check_ctx *ctx, uint32_t block, uint32_t start, uint32_t end,
                     const aipm_tvars *v) {
    emit_at(ctx, block, start, end, v);
}

/* Shorten [start, end) of a block's text to the part on its first source line. */
static uint32_t first_line_end(const aipm_doc *doc, const aipm_block *blk, uint32_t start,
                               uint32_t end) {
    uint32_t line, col, l2, c2;
    aipm_doc_position(doc, blk->src[start], &line, &col);
    uint32_t k = start;
    while (k < end) {
        aipm_doc_position(doc, blk->src[k], &l2, &c2);
        if (l2 != line) {
            break;
        }
        k++;
    }
    while (k > start && aipm_ascii_is_space((unsigned char)blk->text[k - 1])) {
        k--;
    }
    return k;
}

void aipm_check_emit_unit(aipm_check_ctx *ctx, const aipm_unit *u, const aipm_tvars *v) {
    const aipm_doc *doc = ctx->doc;
    uint32_t section = AIPM_NONE;
    if (u->type == AIPM_UNIT_SECTION || u->type == AIPM_UNIT_DOCUMENT) {
        section = u->section;
    }
    if (section != AIPM_NONE && section < doc->n_sections &&
        doc->sections[section].heading != AIPM_NONE) {
        uint32_t h = doc->sections[section].heading;
        emit_at(ctx, h, 0, doc->blocks[h].len, v);
        return;
    }
    if (u->n_spans > 0) {
        const aipm_span *sp = &u->spans[0];
        const aipm_block *blk = &doc->blocks[sp->block];
        uint32_t end = sp->end > sp->start ? first_line_end(doc, blk, sp->start, sp->end) : sp->end;
        emit_at(ctx, sp->block, sp->start, end, v);
        return;
    }
    /* nothing in scope: the start of the document body */
    aipm_diag d = new_diag(ctx, v, "");
    d.start = d.end = 0;
    d.line = d.end_line = 1;
    d.col = d.end_col = 1;
    aipm_diag_list_add(ctx->out, &d);
}

/* ---- parse helpers ---- */

int aipm_check_parse_patterns(const aipm_yaml_node *rule, const char *key,
                              const aipm_check_env *env, aipm_pattern ***out, size_t *n,
                              aipm_error *err) {
    *out = NULL;
    *n = 0;
    const aipm_yaml_node *node = aipm_yaml_get(rule, key);
    if (!node) {
        return 0;
    }
    const char **strs;
    size_t count;
    if (aipm_yaml_read_strs(node, env->path, key, &strs, &count, err) < 0) {
        return -1;
    }
    aipm_pattern **pats = aipm_xcalloc(count ? count : 1, sizeof(*pats));
    for (size_t i = 0; i < count; i++) {
        const aipm_yaml_node *item = node->type == AIPM_YAML_SEQ ? node->items[i] : node;
        pats[i] = aipm_pattern_compile(strs[i], strlen(strs[i]), env->pattern_flags, env->path,
                                       item->line, item->col, err);
        if (!pats[i]) {
            aipm_check_free_patterns(pats, i);
            free(strs);
            return -1;
        }
    }
    free(strs);
    *out = pats;
    *n = count;
    return 0;
}

int aipm_check_parse_words(const aipm_yaml_node *rule, const char *key, const aipm_check_env *env,
                           aipm_pattern **out, aipm_error *err) {
    *out = NULL;
    const aipm_yaml_node *node = aipm_yaml_get(rule, key);
    if (!node) {
        return 0;
    }
    const char **strs;
    size_t count;
    if (aipm_yaml_read_strs(node, env->path, key, &strs, &count, err) < 0) {
        return -1;
    }
    if (count == 0) {
        free(strs);
        return aipm_error_set(err, env->path, node->line, node->col, "'%s' must not be empty", key);
    }
    *out = aipm_pattern_words(strs, count, AIPM_PATTERN_IGNORE_CASE | env->pattern_flags, env->path,
                              node->line, node->col, err);
    free(strs);
    return *out ? 0 : -1;
}

int aipm_check_recompile_caseless(const aipm_yaml_node *rule, const char *key,
                                  const aipm_check_env *env, aipm_pattern **pats, size_t n,
                                  aipm_error *err) {
    const aipm_yaml_node *node = aipm_yaml_get(rule, key);
    for (size_t i = 0; i < n; i++) {
        const aipm_yaml_node *at = rule;
        if (node && node->type == AIPM_YAML_SEQ && i < node->n) {
            at = node->items[i];
        } else if (node) {
            at = node;
        }
        const char *src = aipm_pattern_source(pats[i]);
        aipm_pattern *q = aipm_pattern_compile(src, aipm_pattern_source_len(pats[i]),
                                               AIPM_PATTERN_IGNORE_CASE | env->pattern_flags,
                                               env->path, at->line, at->col, err);
        if (!q) {
            return -1;
        }
        aipm_pattern_free(pats[i]);
        pats[i] = q;
    }
    return 0;
}

aipm_pattern **aipm_check_join_words(aipm_pattern *words, aipm_pattern **pats, size_t n,
                                     size_t *n_out) {
    *n_out = n + (words ? 1 : 0);
    if (*n_out == 0) {
        free(pats);
        return NULL;
    }
    aipm_pattern **all = aipm_xcalloc(*n_out, sizeof(*all));
    size_t k = 0;
    if (words) {
        all[k++] = words;
    }
    for (size_t i = 0; i < n; i++) {
        all[k++] = pats[i];
    }
    free(pats);
    return all;
}

int aipm_check_parse_matchers(const aipm_yaml_node *map, const aipm_check_env *env,
                              aipm_pattern ***out, size_t *n, aipm_error *err) {
    aipm_pattern *words = NULL;
    aipm_pattern **pats = NULL;
    size_t n_pats = 0;
    *out = NULL;
    *n = 0;
    if (aipm_check_parse_words(map, "words", env, &words, err) < 0) {
        return -1;
    }
    if (aipm_check_parse_patterns(map, "patterns", env, &pats, &n_pats, err) < 0) {
        aipm_pattern_free(words);
        return -1;
    }
    *out = aipm_check_join_words(words, pats, n_pats, n);
    return 0;
}

void aipm_check_visit_patterns(aipm_pattern *const *pats, size_t n, aipm_pattern_visit visit,
                               void *arg) {
    for (size_t i = 0; i < n; i++) {
        visit(arg, pats[i]);
    }
}

void aipm_check_free_patterns(aipm_pattern **pats, size_t n) {
    for (size_t i = 0; i < n; i++) {
        aipm_pattern_free(pats[i]);
    }
    free(pats);
}
