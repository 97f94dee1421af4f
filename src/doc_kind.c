/*
 * doc_kind: decide whether a document is a vision, a PRD, a one-pager, a spec
 * or something else, in DESIGN's order:
 *
 *     --kind  >  front matter 'type'/'kind'  >  config glob  >  file name  >  content
 *
 * The first four are explicit. The file name counts when one of its words
 * (split at '-', '_', '.' and spaces) names a kind: "checkout-prd.md",
 * "one_pager.md", "search-rfc.md". Files get renamed, so the content alone
 * must usually be enough, and it is scored per kind from signals that hold
 * for product documents in general, never for one document:
 *
 *   title           the document's own name for itself ("PRD: ...",
 *                   "... One-Pager", "Product Vision", "Design spec");
 *                   decisive unless the rest strongly disagrees
 *   headings        section names typical of a kind ("Requirements", "User
 *                   stories", "Non-goals" / "Problem", "Solution", "Why now" /
 *                   "Mission", "North star" / "Architecture", "API"), also
 *                   bold labels that act as headings ("**Problem:** ...")
 *   self-reference  the body calling itself "this PRD", "the one-pager"
 *   vocabulary      aspirational words (vision), requirement words (PRD),
 *                   engineering words (spec), per 1,000 words
 *   shape           short documents with few sections lean one-pager
 *
 * Text is matched after folding to " lower case words separated by single
 * spaces " so a term like " one pager" matches "One-Pager" and "one pager".
 * A term ending in '*' matches as a prefix ("requirement*").
 */
#include "doc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "frontmatter.h"
#include "util.h"

typedef struct term {
    const char *text; /* folded words; a trailing '*' makes it a prefix */
    int weight;
} term;

/* ------------------------------------------------------------- folding */

/* fold_map[c]: byte c of a word (ASCII letter or digit, or any byte >= 0x80),
 * lower-cased; ' ' for every other byte. */
#define FOLD1(c)                                                                                   \
    (unsigned char)((c) >= 0x80                                                ? (c)               \
                    : (c) >= 'A' && (c) <= 'Z'                                 ? (c) + ('a' - 'A') \
                    : ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') ? (c)               \
                                                                               : ' ')
#define FOLD4(c) FOLD1(c), FOLD1((c) + 1), FOLD1((c) + 2), FOLD1((c) + 3)
#define FOLD16(c) FOLD4(c), FOLD4((c) + 4), FOLD4((c) + 8), FOLD4((c) + 12)
#define FOLD64(c) FOLD16(c), FOLD16((c) + 16), FOLD16((c) + 32), FOLD16((c) + 48)
static const unsigned char fold_map[256] = {FOLD64(0), FOLD64(64), FOLD64(128), FOLD64(192)};

/* Append 'n' bytes of 's' to 'out' folded: ASCII letters and digits lower-cased,
 * bytes >= 0x80 kept, anything else one space; 'out' starts and ends with a space.
 * Returns the number of words (runs of letters, digits and bytes >= 0x80) in 's'. */
static size_t fold(aipm_buf *out, const char *s, size_t n) {
    aipm_buf_grow(out, n + 2); /* at most one byte per input byte, plus two spaces */
    char *p = out->ptr + out->len;
    if (out->len == 0) {
        *p++ = ' ';
    }
    size_t words = 0, i = 0;
    while (i < n) {
        unsigned char f = fold_map[(unsigned char)s[i++]];
        if (f == ' ') {
            if (p[-1] != ' ') {
                *p++ = ' ';
            }
            continue;
        }
        words++; /* a run of word bytes: copy it */
        *p++ = (char)f;
        while (i < n && (f = fold_map[(unsigned char)s[i]]) != ' ') {
            *p++ = (char)f;
            i++;
        }
    }
    if (p[-1] != ' ') {
        *p++ = ' ';
    }
    *p = '\0';
    out->len = (size_t)(p - out->ptr);
    return words;
}

/* Occurrences of 't' (a folded term, maybe ending in '*') in folded text 'hay'. */
static int count_term(const char *hay, const char *t) {
    char pat[64];
    size_t n = strlen(t);
    bool prefix = n > 0 && t[n - 1] == '*';
    if (prefix) {
        n--;
    }
    if (n == 0 || n + 3 > sizeof(pat)) {
        return 0;
    }
    pat[0] = ' ';
    memcpy(pat + 1, t, n);
    pat[n + 1] = prefix ? '\0' : ' ';
    pat[n + 2] = '\0';
    int count = 0;
    for (const char *p = strstr(hay, pat); p; p = strstr(p + n + 1, pat)) {
        count++;
    }
    return count;
}

/* The most terms one term_index holds. */
#define MAX_INDEX_TERMS 128

/*
 * Terms indexed by their first byte, so count_index reads a text once,
 * looking only at word starts and only at the terms that begin with that
 * word's first byte, instead of once per term with strstr. Each term's first
 * bytes (its text, then the space that must follow a whole word) are also
 * kept as an eight-byte key, so one masked compare of the eight bytes at a
 * word start settles most terms.
 */
typedef struct term_index {
    const term *ts[MAX_INDEX_TERMS];
    size_t n;
    int head[256]; /* first term starting with each byte, -1: none */
    int link[MAX_INDEX_TERMS];
    size_t tlen[MAX_INDEX_TERMS]; /* without the '*' */
    bool prefix[MAX_INDEX_TERMS];
    uint64_t key[MAX_INDEX_TERMS];  /* the first min(tlen + !prefix, 8) bytes to match */
    uint64_t mask[MAX_INDEX_TERMS]; /* 0xFF for each byte of the key */
    bool longer[MAX_INDEX_TERMS];   /* tlen + !prefix > 8: the key is only the start */
} term_index;

static void index_init(term_index *ix) {
    ix->n = 0;
    for (size_t c = 0; c < 256; c++) {
        ix->head[c] = -1;
    }
}

/* Add the 'n' terms 't'; each later term is looked at after the earlier ones. */
static void index_add(term_index *ix, const term *t, size_t n) {
    for (size_t k = 0; k < n; k++) {
        size_t i = ix->n++;
        assert(i < MAX_INDEX_TERMS);
        size_t m = strlen(t[k].text);
        ix->ts[i] = &t[k];
        ix->prefix[i] = m > 0 && t[k].text[m - 1] == '*';
        ix->tlen[i] = ix->prefix[i] ? m - 1 : m;
        ix->link[i] = -1;
        if (ix->tlen[i] == 0 || ix->tlen[i] + 3 > 64) {
            continue; /* count_term's limits: never matches */
        }
        size_t want = ix->tlen[i] + !ix->prefix[i]; /* a whole word ends with a space */
        unsigned char kb[8] = {0}, mb[8] = {0};
        for (size_t j = 0; j < want && j < 8; j++) {
            kb[j] = j < ix->tlen[i] ? (unsigned char)t[k].text[j] : ' ';
            mb[j] = 0xFF;
        }
        memcpy(&ix->key[i], kb, 8);
        memcpy(&ix->mask[i], mb, 8);
        ix->longer[i] = want > 8;
        /* append to the byte's chain (order does not change the counts) */
        int *at = &ix->head[(unsigned char)t[k].text[0]];
        while (*at >= 0) {
            at = &ix->link[*at];
        }
        *at = (int)i;
    }
}

/* Room index_count may read past a folded text: the bytes after its NUL, zeroed. */
#define INDEX_PAD 8

/* Make folded text 'b' readable by index_count: INDEX_PAD zero bytes after its end. */
static void pad_for_index(aipm_buf *b) {
    aipm_buf_grow(b, INDEX_PAD);
    memset(b->ptr + b->len, 0, INDEX_PAD);
}

/*
 * count_term for every indexed term at once: counts[i] gets exactly what
 * count_term('hay', ix->ts[i]->text) returns (the same leftmost,
 * non-overlapping matches) for the folded text 'hay' ('len' bytes, padded by
 * pad_for_index). Returns the sum of the counts.
 */
static int index_count(const term_index *ix, const char *hay, size_t len, int *counts) {
    size_t next[MAX_INDEX_TERMS];
    int total = 0;
    for (size_t i = 0; i < ix->n; i++) {
        next[i] = 0;
        counts[i] = 0;
    }
    /* Every space in order: fold puts one before every word and one at the
     * end. A folded text has no NUL before its end and zeros after it, so a
     * key (no NUL in it) never matches past the end, and the final space
     * stops the search for the next one. */
    assert(len == 0 || (hay[0] == ' ' && hay[len - 1] == ' '));
    for (size_t p = 0; p + 1 < len;) {
        const char *h = hay + p + 1;
        uint64_t w;
        memcpy(&w, h, 8);
        for (int i = ix->head[(unsigned char)*h]; i >= 0; i = ix->link[i]) {
            if (p < next[i] || (w & ix->mask[i]) != ix->key[i]) {
                continue;
            }
            size_t m = ix->tlen[i];
            if (ix->longer[i]) {
                const char *t = ix->ts[i]->text;
                size_t k = 8; /* the key matched the first eight */
                while (k < m && h[k] == t[k]) {
                    k++;
                }
                if (k < m || (!ix->prefix[i] && h[m] != ' ')) {
                    continue;
                }
            }
            counts[i]++;
            total++;
            next[i] = p + m + 1;
        }
        /* on to the space after this word */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        uint64_t spaces = aipm_ascii_zero_byte(w ^ (AIPM_ASCII_ONES * ' '));
        if (spaces) {
            p += 1 + (size_t)__builtin_ctzll(spaces) / 8; /* the first byte in memory */
            continue;
        }
#endif
        while (hay[++p] != ' ') {
        }
    }
    return total;
}

/* Sum of the weights of the terms found in 'hay' (each term once), capped. */
static int score_terms(const char *hay, const term *terms, size_t n_terms, int cap) {
    int score = 0;
    for (size_t i = 0; i < n_terms; i++) {
        if (count_term(hay, terms[i].text) > 0) {
            score += terms[i].weight;
        }
    }
    return score < cap ? score : cap;
}

/* -------------------------------------------------------------- signals */

/* The document naming its own kind, in a title or a description. */
static const term title_terms[AIPM_KIND_COUNT][8] = {
    [AIPM_KIND_VISION] = {{"vision", 8}, {"manifesto", 8}, {"north star", 6}},
    [AIPM_KIND_PRD] = {{"prd", 10},
                       {"prds", 10},
                       {"product requirement*", 10},
                       {"requirements doc*", 10},
                       {"requirements specification", 10}},
    [AIPM_KIND_ONEPAGER] = {{"one pager", 10}, {"onepager", 10}, {"1 pager", 10}},
    [AIPM_KIND_SPEC] = {{"spec", 10},
                        {"specs", 10},
                        {"specification", 10},
                        {"technical design", 10},
                        {"design doc*", 10},
                        {"rfc", 10},
                        {"tech spec", 10}},
};

/* Section names typical of each kind (headings and bold labels). */
static const term vision_headings[] = {{"vision*", 3},
                                       {"mission", 2},
                                       {"north star", 2},
                                       {"where we re going", 3},
                                       {"where we are going", 3},
                                       {"long term", 1},
                                       {"principles", 1},
                                       {"values", 1},
                                       {"purpose", 1},
                                       {"why we exist", 3},
                                       {"future", 1},
                                       {"manifesto", 3},
                                       {"philosophy", 1},
                                       {"aspiration*", 2},
                                       {"ambition*", 1},
                                       {"the world", 1},
                                       {"closing", 1},
                                       {"beliefs", 2},
                                       {"we believe", 2},
                                       {"strategy", 1}};
static const term prd_headings[] = {{"requirement*", 3},
                                    {"user stor*", 3},
                                    {"acceptance criteria", 2},
                                    {"non goals", 2},
                                    {"out of scope", 2},
                                    {"scope", 1},
                                    {"goals", 1},
                                    {"success metric*", 1},
                                    {"kpi*", 1},
                                    {"milestone*", 2},
                                    {"rollout", 2},
                                    {"release*", 1},
                                    {"launch*", 1},
                                    {"timeline", 1},
                                    {"dependenc*", 1},
                                    {"open question*", 1},
                                    {"persona*", 1},
                                    {"target user*", 1},
                                    {"target audience", 1},
                                    {"feature*", 1},
                                    {"assumption*", 1},
                                    {"risk*", 1},
                                    {"epic*", 2},
                                    {"use case*", 1},
                                    {"user flow*", 1},
                                    {"phase*", 1},
                                    {"functional*", 2},
                                    {"mvp", 1},
                                    {"stakeholder*", 1},
                                    {"jobs to be done", 1},
                                    {"user journey*", 1},
                                    {"edge case*", 1}};
static const term onepager_headings[] = {
    {"problem", 1},       {"solution", 2},      {"why now", 3},      {"tl dr", 3},
    {"tldr", 3},          {"summary", 1},       {"the ask", 3},      {"ask", 2},
    {"what it is", 2},    {"how it works", 2},  {"why it wins", 2},  {"next steps", 1},
    {"status", 1},        {"next", 1},          {"key features", 1}, {"pitch", 2},
    {"at a glance", 3},   {"elevator*", 2},     {"opportunity", 1},  {"what it does", 2},
    {"who it is for", 2}, {"how to use it", 1}, {"concept", 2}};
static const term spec_headings[] = {{"architecture", 2},
                                     {"api", 2},
                                     {"apis", 2},
                                     {"data model*", 2},
                                     {"schema*", 2},
                                     {"implementation", 2},
                                     {"technical", 1},
                                     {"design", 1},
                                     {"endpoint*", 2},
                                     {"storage", 1},
                                     {"performance", 1},
                                     {"protocol*", 2},
                                     {"algorithm*", 2},
                                     {"interface*", 1},
                                     {"sequence*", 1},
                                     {"alternatives", 2},
                                     {"migration*", 1},
                                     {"test plan", 1},
                                     {"testing", 1},
                                     {"security", 1},
                                     {"database", 2},
                                     {"component*", 1},
                                     {"pipeline*", 1},
                                     {"deployment", 1},
                                     {"detailed design", 3},
                                     {"error handling", 2},
                                     {"data flow*", 2},
                                     {"system*", 1},
                                     {"design details", 3},
                                     {"motivation", 1},
                                     {"proposal", 1},
                                     {"drawbacks", 2},
                                     {"prior art", 2},
                                     {"unresolved question*", 1},
                                     {"background", 1}};

/* The body referring to the document itself. */
static const term self_terms[AIPM_KIND_COUNT][4] = {
    [AIPM_KIND_VISION] = {{"vision", 1}, {"mission", 1}},
    [AIPM_KIND_PRD] = {{"prd", 2}, {"product requirement*", 2}, {"requirements doc*", 2}},
    [AIPM_KIND_ONEPAGER] = {{"one pager", 3}, {"onepager", 3}},
    [AIPM_KIND_SPEC] = {{"specification", 1}, {"design doc*", 2}, {"rfc", 2}},
};

/* Vocabulary that is dense in one kind (counted per 1,000 words). */
static const term vocab[AIPM_KIND_COUNT][16] = {
    [AIPM_KIND_VISION] = {{"world", 1},
                          {"future", 1},
                          {"imagine", 1},
                          {"empower*", 1},
                          {"believe", 1},
                          {"humanity", 1},
                          {"mission", 1},
                          {"vision", 1},
                          {"transform*", 1},
                          {"everyone", 1},
                          {"dream*", 1},
                          {"inspire*", 1},
                          {"long term", 1},
                          {"people", 1},
                          {"lives", 1},
                          {"exists", 1}},
    [AIPM_KIND_PRD] = {{"must", 1},
                       {"shall", 1},
                       {"requirement*", 1},
                       {"user can", 1},
                       {"users can", 1},
                       {"acceptance", 1},
                       {"mvp", 1},
                       {"scope", 1},
                       {"user stor*", 1},
                       {"as a", 1},
                       {"so that", 1},
                       {"feature*", 1},
                       {"priority", 1},
                       {"p0", 1},
                       {"p1", 1},
                       {"out of scope", 1}},
    [AIPM_KIND_SPEC] = {{"api", 1},
                        {"endpoint*", 1},
                        {"schema", 1},
                        {"database", 1},
                        {"json", 1},
                        {"http", 1},
                        {"latency", 1},
                        {"implementation", 1},
                        {"module*", 1},
                        {"function*", 1},
                        {"class", 1},
                        {"config*", 1},
                        {"algorithm*", 1},
                        {"architecture", 1},
                        {"pipeline", 1},
                        {"storage", 1}},
};

/* ------------------------------------------------------------ the model */

typedef struct scan {
    aipm_buf title;    /* folded title and front matter description */
    aipm_buf headings; /* folded headings, one at a time (reused) */
    aipm_buf body;     /* folded prose of every block */
    size_t words;
    size_t n_headings;
} scan;

/*
 * The bold label opening block 'b' ("**Problem:** ..." or a paragraph that is
 * only "**Problem**"), as [*s, *e) of the source, or false.
 */
static bool bold_label(const aipm_doc *doc, const aipm_block *b, size_t *s, size_t *e) {
    if (b->len == 0 || !(b->type & (AIPM_BLOCK_PARAGRAPH | AIPM_BLOCK_LIST_ITEM))) {
        return false;
    }
    size_t p = b->src[0];
    if (p < 2 || !((doc->src[p - 1] == '*' && doc->src[p - 2] == '*') ||
                   (doc->src[p - 1] == '_' && doc->src[p - 2] == '_'))) {
        return false;
    }
    char mark = doc->src[p - 1];
    size_t q = p, words = 1;
    while (q + 1 < doc->src_len && q - p < 80 && doc->src[q] != '\n' && doc->src[q] != '\r') {
        if (doc->src[q] == mark && doc->src[q + 1] == mark) {
            break;
        }
        words += doc->src[q] == ' ';
        q++;
    }
    if (q + 1 >= doc->src_len || doc->src[q] != mark || doc->src[q + 1] != mark || words > 8) {
        return false;
    }
    size_t after = q + 2;
    bool colon =
        (q > p && doc->src[q - 1] == ':') || (after < doc->src_len && doc->src[after] == ':');
    while (after < doc->src_len && doc->src[after] == ' ') {
        after++;
    }
    bool alone = after >= doc->src_len || doc->src[after] == '\n' || doc->src[after] == '\r';
    if (!colon && !alone) {
        return false;
    }
    *s = p;
    *e = q;
    return true;
}

/* The heading terms of each kind, in index order (see build_indexes). */
static const struct {
    aipm_kind kind;
    const term *terms;
    size_t n;
} heading_lists[] = {
    {AIPM_KIND_VISION, vision_headings, AIPM_ARRAY_LEN(vision_headings)},
    {AIPM_KIND_PRD, prd_headings, AIPM_ARRAY_LEN(prd_headings)},
    {AIPM_KIND_ONEPAGER, onepager_headings, AIPM_ARRAY_LEN(onepager_headings)},
    {AIPM_KIND_SPEC, spec_headings, AIPM_ARRAY_LEN(spec_headings)},
};

static size_t term_count(const term *t, size_t max);

/* The heading terms of every kind (heading_lists order) into 'heading_ix';
 * self_terms then vocab, each by kind, into 'body_ix'. */
static void build_indexes(term_index *heading_ix, term_index *body_ix) {
    index_init(heading_ix);
    for (size_t l = 0; l < AIPM_ARRAY_LEN(heading_lists); l++) {
        index_add(heading_ix, heading_lists[l].terms, heading_lists[l].n);
    }
    index_init(body_ix);
    for (int k = 1; k < AIPM_KIND_COUNT; k++) {
        index_add(body_ix, self_terms[k], term_count(self_terms[k], 4));
    }
    for (int k = 1; k < AIPM_KIND_COUNT; k++) {
        index_add(body_ix, vocab[k], term_count(vocab[k], 16));
    }
}

/* Per kind, the weights of its heading terms in 'folded' (each term once), capped at 3. */
static void score_heading(const term_index *ix, const aipm_buf *folded,
                          int scores[AIPM_KIND_COUNT]) {
    int counts[MAX_INDEX_TERMS];
    if (index_count(ix, folded->ptr, folded->len, counts) == 0) {
        return; /* no term: nothing to add */
    }
    size_t at = 0;
    for (size_t l = 0; l < AIPM_ARRAY_LEN(heading_lists); l++) {
        int score = 0;
        for (size_t t = 0; t < heading_lists[l].n; t++) {
            if (counts[at++] > 0) {
                score += heading_lists[l].terms[t].weight;
            }
        }
        scores[heading_lists[l].kind] += score < 3 ? score : 3;
    }
}

static size_t term_count(const term *t, size_t max) {
    size_t n = 0;
    while (n < max && t[n].text) {
        n++;
    }
    return n;
}

/* Score every kind from the content of 'doc'. */
static void score_content(const aipm_doc *doc, int scores[AIPM_KIND_COUNT]) {
    scan sc;
    memset(&sc, 0, sizeof(sc));
    aipm_buf_init(&sc.title);
    aipm_buf_init(&sc.headings);
    aipm_buf_init(&sc.body);
    const char *title = doc->title;
    for (uint32_t i = 0; !title && i < doc->n_blocks; i++) {
        if (doc->blocks[i].type == AIPM_BLOCK_HEADING && doc->blocks[i].len) {
            title = doc->blocks[i].text; /* no level-1 heading: the first heading */
        }
    }
    if (title) {
        fold(&sc.title, title, strlen(title));
    }
    const char *desc = aipm_frontmatter_str(doc->front_matter, "description");
    if (desc) {
        fold(&sc.title, desc, strlen(desc));
    }

    size_t body_len = 1 + INDEX_PAD; /* folded size at most: a space, each block and a space */
    for (uint32_t i = 0; i < doc->n_blocks; i++) {
        const aipm_block *b = &doc->blocks[i];
        if ((b->type & AIPM_BLOCK_PROSE) && b->type != AIPM_BLOCK_HEADING) {
            body_len += (size_t)b->len + 1;
        }
    }
    aipm_buf_grow(&sc.body, body_len);

    term_index heading_ix, body_ix;
    build_indexes(&heading_ix, &body_ix);
    for (uint32_t i = 0; i < doc->n_blocks; i++) {
        const aipm_block *b = &doc->blocks[i];
        if (!(b->type & AIPM_BLOCK_PROSE)) {
            continue;
        }
        size_t s, e;
        if (b->type == AIPM_BLOCK_HEADING && b->text != title) {
            aipm_buf_clear(&sc.headings);
            fold(&sc.headings, b->text, b->len);
            pad_for_index(&sc.headings);
            score_heading(&heading_ix, &sc.headings, scores);
            sc.n_headings++;
        } else if (bold_label(doc, b, &s, &e)) {
            aipm_buf_clear(&sc.headings);
            fold(&sc.headings, doc->src + s, e - s);
            pad_for_index(&sc.headings);
            score_heading(&heading_ix, &sc.headings, scores);
            sc.n_headings++;
        }
        if (b->type != AIPM_BLOCK_HEADING) {
            sc.words += fold(&sc.body, b->text, b->len);
        }
    }

    /* the title names the kind; a document type named beside 'vision'
     * ("PRD: Context & Vision") is the type, the vision one of its sections */
    int named[AIPM_KIND_COUNT] = {0};
    for (int k = 1; sc.title.len && k < AIPM_KIND_COUNT; k++) {
        named[k] = score_terms(sc.title.ptr, title_terms[k], term_count(title_terms[k], 8), 10);
    }
    if (named[AIPM_KIND_PRD] || named[AIPM_KIND_ONEPAGER] || named[AIPM_KIND_SPEC]) {
        named[AIPM_KIND_VISION] /= 2;
    }
    for (int k = 1; k < AIPM_KIND_COUNT; k++) {
        scores[k] += named[k];
    }
    if (sc.body.len) {
        /* every body term counted in one pass: self_terms, then vocab */
        int counts[MAX_INDEX_TERMS];
        pad_for_index(&sc.body);
        index_count(&body_ix, sc.body.ptr, sc.body.len, counts);
        size_t at = 0;
        /* the body names the document: 'this PRD', 'the one-pager' */
        for (int k = 1; k < AIPM_KIND_COUNT; k++) {
            int n = 0;
            for (size_t t = 0; t < term_count(self_terms[k], 4); t++) {
                int c = counts[at++];
                n += (c < 2 ? c : 2) * self_terms[k][t].weight;
            }
            scores[k] += n < 4 ? n : 4;
        }
        /* vocabulary density: up to 4 points at 20 hits per 1,000 words */
        size_t words = sc.words > 100 ? sc.words : 100;
        for (int k = 1; k < AIPM_KIND_COUNT; k++) {
            size_t n_vocab = term_count(vocab[k], 16);
            if (n_vocab == 0) {
                continue;
            }
            size_t hits = 0;
            for (size_t t = 0; t < n_vocab; t++) {
                hits += (size_t)counts[at++];
            }
            size_t per_k = hits * 1000 / words;
            scores[k] += (int)(per_k / 5 < 4 ? per_k / 5 : 4);
        }
    }
    /* shape: a short document with few sections is a one-pager */
    if (sc.words < 700 && sc.n_headings <= 8) {
        scores[AIPM_KIND_ONEPAGER] += sc.words < 300 ? 4 : 2;
    }
    aipm_buf_release(&sc.title);
    aipm_buf_release(&sc.headings);
    aipm_buf_release(&sc.body);
}

/* --------------------------------------------------------------- deciding */

/* The kind named by a word of the file name in 'path', or AIPM_KIND_COUNT. */
static aipm_kind kind_from_name(const char *path) {
    if (!path) {
        return AIPM_KIND_COUNT;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    aipm_buf name = AIPM_BUF_INIT;
    fold(&name, base, n);
    static const struct {
        const char *word;
        aipm_kind kind;
    } words[] = {
        {"prd", AIPM_KIND_PRD},
        {"prds", AIPM_KIND_PRD},
        {"one pager", AIPM_KIND_ONEPAGER},
        {"onepager", AIPM_KIND_ONEPAGER},
        {"1 pager", AIPM_KIND_ONEPAGER},
        {"spec", AIPM_KIND_SPEC},
        {"specs", AIPM_KIND_SPEC},
        {"specification", AIPM_KIND_SPEC},
        {"rfc", AIPM_KIND_SPEC},
        {"design", AIPM_KIND_SPEC},
        {"vision", AIPM_KIND_VISION},
    };
    /* the more specific document types win over 'vision' (a section of many) */
    aipm_kind found = AIPM_KIND_COUNT;
    for (size_t i = 0; i < AIPM_ARRAY_LEN(words) && found == AIPM_KIND_COUNT; i++) {
        if (count_term(name.ptr, words[i].word) > 0) {
            found = words[i].kind;
        }
    }
    aipm_buf_release(&name);
    return found;
}

aipm_kind aipm_doc_detect_kind(const aipm_doc *doc, const aipm_doc_opts *opts) {
    if (opts && opts->kind < AIPM_KIND_COUNT) {
        return opts->kind;
    }
    static const char *const keys[] = {"type", "kind"};
    for (size_t i = 0; i < AIPM_ARRAY_LEN(keys); i++) {
        aipm_kind k = aipm_kind_parse(aipm_frontmatter_str(doc->front_matter, keys[i]));
        if (k < AIPM_KIND_COUNT) {
            return k;
        }
    }
    if (opts && opts->config_kind < AIPM_KIND_COUNT) {
        return opts->config_kind;
    }
    aipm_kind named = kind_from_name(doc->path);
    if (named < AIPM_KIND_COUNT) {
        return named;
    }
    int scores[AIPM_KIND_COUNT] = {0};
    score_content(doc, scores);
    aipm_kind best = AIPM_KIND_OTHER;
    int best_score = 4; /* below this nothing says enough: 'other' */
    for (int k = 1; k < AIPM_KIND_COUNT; k++) {
        if (scores[k] > best_score) {
            best = (aipm_kind)k;
            best_score = scores[k];
        }
    }
    return best;
}
