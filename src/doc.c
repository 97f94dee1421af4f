/*
 * doc: the read side of the document model (doc.h): freeing, offset to
 * line:col, and the names of kinds and block types. Building lives in
 * doc_build.c, sentences in doc_sentence.c, kind detection in doc_kind.c.
 *
 * Positions. 'line_start' holds the first byte of every line, so the line of
 * an offset is a binary search. The column counts code points from the line
 * start, where an invalid byte counts one and the BOM of line 1 counts none.
 * Counting from the line start is linear in the line, which is too slow when a
 * 5 MB line carries thousands of findings, so the builder also stores
 * 'col_marks': code points before every AIPM_DOC_MARK_STEP-th byte of the
 * file (taken at the first character start at or after it). Line terminators
 * are ASCII, so characters never straddle lines and
 *
 *     col(off) = cps_before(off) - cps_before(line_start) + 1
 *
 * where cps_before(x) starts from the nearest mark at or before x and counts at
 * most a few hundred bytes.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "utf8.h"
#include "util.h"
#include "yaml.h"

void aipm_doc_free(aipm_doc *doc) {
    if (!doc) {
        return;
    }
    aipm_yaml_free(doc->front_matter);
    aipm_arena_release(&doc->arena);
    free(doc);
}

/* ---------------------------------------------------------------- positions */

/* The first character start at or after 'x': 'x' itself unless a valid
 * multi-byte sequence starting up to three bytes before covers it. */
static size_t char_boundary(const char *s, size_t len, size_t x) {
    for (size_t j = 1; j <= 3 && j <= x; j++) {
        size_t adv;
        if (aipm_utf8_decode(s + x - j, len - (x - j), &adv) >= 0 && adv > j) {
            return x - j + adv;
        }
    }
    return x;
}

/* Code points before character start 'x' (a line start or a match offset). */
static size_t cps_before(const aipm_doc *doc, size_t x) {
    size_t k = x / AIPM_DOC_MARK_STEP;
    size_t b = char_boundary(doc->src, doc->src_len, k * AIPM_DOC_MARK_STEP);
    if (b > x) {
        k--; /* x sits inside the character straddling the mark: k >= 1 here */
        b = char_boundary(doc->src, doc->src_len, k * AIPM_DOC_MARK_STEP);
    }
    return doc->col_marks[k] + aipm_utf8_count(doc->src + b, x - b);
}

void aipm_doc_position(const aipm_doc *doc, size_t off, uint32_t *line, uint32_t *col) {
    if (off > doc->src_len) {
        off = doc->src_len;
    }
    /* last line whose start is <= off */
    uint32_t lo = 0, hi = doc->n_lines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (doc->line_start[mid] <= off) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    size_t ls = doc->n_lines ? doc->line_start[lo] : 0;
    size_t le = lo + 1 < doc->n_lines ? doc->line_start[lo + 1] : doc->src_len;
    /* drop the line terminator: '\n', '\r\n' or '\r' */
    if (le > ls && doc->src[le - 1] == '\n') {
        le--;
    }
    if (le > ls && doc->src[le - 1] == '\r') {
        le--;
    }
    if (off > le) {
        off = le;
    }
    size_t n;
    if (doc->col_marks && off - ls > 2 * AIPM_DOC_MARK_STEP) {
        n = cps_before(doc, off) - cps_before(doc, ls);
    } else {
        n = aipm_utf8_count(doc->src + ls, off - ls);
    }
    if (ls == 0 && doc->src_len >= 3 && memcmp(doc->src, "\xEF\xBB\xBF", 3) == 0) {
        n = off <= 3 ? 0 : n - 1; /* the BOM is not a column */
    }
    *line = lo + 1;
    *col = (uint32_t)n + 1;
}

/* -------------------------------------------------------------------- names */

static const char *const kind_names[AIPM_KIND_COUNT] = {"other", "vision", "prd", "onepager",
                                                        "spec"};

const char *aipm_kind_name(aipm_kind kind) {
    if ((unsigned)kind >= AIPM_KIND_COUNT) {
        return "unknown";
    }
    return kind_names[kind];
}

/* Accepted spellings, compared after normalisation (lower case, runs of
 * space, '-' and '_' as one space, trimmed). */
static const struct {
    const char *name;
    aipm_kind kind;
} kind_aliases[] = {
    {"other", AIPM_KIND_OTHER},
    {"vision", AIPM_KIND_VISION},
    {"product vision", AIPM_KIND_VISION},
    {"vision statement", AIPM_KIND_VISION},
    {"vision doc", AIPM_KIND_VISION},
    {"prd", AIPM_KIND_PRD},
    {"product requirements", AIPM_KIND_PRD},
    {"product requirements doc", AIPM_KIND_PRD},
    {"product requirements document", AIPM_KIND_PRD},
    {"requirements", AIPM_KIND_PRD},
    {"onepager", AIPM_KIND_ONEPAGER},
    {"one pager", AIPM_KIND_ONEPAGER},
    {"1 pager", AIPM_KIND_ONEPAGER},
    {"spec", AIPM_KIND_SPEC},
    {"specification", AIPM_KIND_SPEC},
    {"tech spec", AIPM_KIND_SPEC},
    {"technical spec", AIPM_KIND_SPEC},
    {"technical specification", AIPM_KIND_SPEC},
    {"rfc", AIPM_KIND_SPEC},
    {"design", AIPM_KIND_SPEC},
    {"design doc", AIPM_KIND_SPEC},
    {"design document", AIPM_KIND_SPEC},
    {"technical design", AIPM_KIND_SPEC},
};

static bool is_name_sep(int c) {
    return c == ' ' || c == '-' || c == '_' || c == '\t';
}

/* Whether 'name' equals 'alias' after normalisation (see kind_aliases). */
static bool name_matches(const char *name, const char *alias) {
    const char *p = name;
    while (is_name_sep((unsigned char)*p)) {
        p++;
    }
    for (const char *a = alias; *a; a++) {
        if (*a == ' ') {
            if (!is_name_sep((unsigned char)*p)) {
                return false;
            }
            while (is_name_sep((unsigned char)*p)) {
                p++;
            }
        } else if (aipm_ascii_tolower((unsigned char)*p++) != *a) {
            return false;
        }
    }
    while (is_name_sep((unsigned char)*p)) {
        p++;
    }
    return *p == '\0';
}

aipm_kind aipm_kind_parse(const char *name) {
    if (!name) {
        return AIPM_KIND_COUNT;
    }
    for (size_t i = 0; i < AIPM_ARRAY_LEN(kind_aliases); i++) {
        if (name_matches(name, kind_aliases[i].name)) {
            return kind_aliases[i].kind;
        }
    }
    return AIPM_KIND_COUNT;
}

static const struct {
    const char *name;
    aipm_block_type type;
} block_names[] = {
    {"paragraph", AIPM_BLOCK_PARAGRAPH}, {"heading", AIPM_BLOCK_HEADING},
    {"list-item", AIPM_BLOCK_LIST_ITEM}, {"block-quote", AIPM_BLOCK_BLOCK_QUOTE},
    {"table-row", AIPM_BLOCK_TABLE_ROW}, {"code", AIPM_BLOCK_CODE},
    {"html", AIPM_BLOCK_HTML},
};

const char *aipm_block_type_name(aipm_block_type type) {
    for (size_t i = 0; i < AIPM_ARRAY_LEN(block_names); i++) {
        if (block_names[i].type == type) {
            return block_names[i].name;
        }
    }
    return "unknown";
}

aipm_block_type aipm_block_type_parse(const char *name) {
    if (!name) {
        return 0;
    }
    for (size_t i = 0; i < AIPM_ARRAY_LEN(block_names); i++) {
        if (strcmp(name, block_names[i].name) == 0) {
            return block_names[i].type;
        }
    }
    return 0;
}
