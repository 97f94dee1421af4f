/*
 * doc: the document model every rule runs on. Built once per file by
 * aipm_doc_build (doc_build.c, the only file that sees cmark), read-only
 * afterwards, and freed in one call: everything lives in the doc's arena.
 *
 * A document is a flat array of blocks in source order, a flat array of
 * sections that nest by heading level, and (only when a loaded rule needs
 * them) a flat array of sentences:
 *
 *   # Title                 section 1 (level 1) ------------------+
 *   intro paragraph         block 1 (paragraph)                   |
 *   ## Vision               section 2 (level 2, parent 1) --+     |
 *   - item one              block 3 (list-item)             |     |
 *   ## Metrics              section 3 (level 2, parent 1) --+     |
 *   | a | b |               block 5, 6... (table-row)             |
 *                                                        ---------+
 * Section 0 is the root: the whole document, level 0, no heading. Every block
 * knows its innermost section; a section covers blocks [first_block,
 * end_block), its heading block first, nested subsections included.
 *
 * Each block carries its plain text (markup stripped, valid for matching) and
 * a map from every text byte to the source byte it came from, so a match at
 * text offsets [s, e) reports the exact source line:col (aipm_doc_position).
 */
#ifndef AIPM_DOC_H
#define AIPM_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "error.h"

/* Kinds of document, in the order of their names in aipm_kind_name. */
typedef enum aipm_kind {
    AIPM_KIND_OTHER = 0,
    AIPM_KIND_VISION,
    AIPM_KIND_PRD,
    AIPM_KIND_ONEPAGER,
    AIPM_KIND_SPEC,
    AIPM_KIND_COUNT
} aipm_kind;

/* Block types, as bits so a scope can hold a set of them. */
typedef enum aipm_block_type {
    AIPM_BLOCK_PARAGRAPH = 1u << 0,
    AIPM_BLOCK_HEADING = 1u << 1,
    AIPM_BLOCK_LIST_ITEM = 1u << 2,   /* a paragraph whose innermost container is a list item */
    AIPM_BLOCK_BLOCK_QUOTE = 1u << 3, /* a paragraph whose innermost container is a quote */
    AIPM_BLOCK_TABLE_ROW = 1u << 4,   /* one row of a GFM pipe table (header or body) */
    AIPM_BLOCK_CODE = 1u << 5,        /* fenced or indented code: not prose */
    AIPM_BLOCK_HTML = 1u << 6         /* raw HTML block, including comments: not prose */
} aipm_block_type;

#define AIPM_BLOCK_PROSE                                                                           \
    (AIPM_BLOCK_PARAGRAPH | AIPM_BLOCK_HEADING | AIPM_BLOCK_LIST_ITEM | AIPM_BLOCK_BLOCK_QUOTE |   \
     AIPM_BLOCK_TABLE_ROW)

#define AIPM_NONE UINT32_MAX

/* A range of a block's text: bytes [start, end). */
typedef struct aipm_range {
    uint32_t start;
    uint32_t end;
} aipm_range;

typedef struct aipm_block {
    aipm_block_type type;
    uint32_t section;    /* innermost enclosing section */
    uint32_t item;       /* list-item blocks of the same list item share this id; else AIPM_NONE */
    const char *text;    /* plain text, NUL-terminated; code/HTML: the literal */
    uint32_t len;        /* bytes of text */
    const uint32_t *src; /* src[i]: source byte offset of text byte i; src[len]: end offset */
    uint32_t line;       /* first source line (1-based) */
    uint32_t end_line;   /* last source line */
    uint32_t level;      /* heading level 1-6; list nesting depth for list items; else 0 */
    uint32_t n_cells;    /* table rows: number of cells */
    const aipm_range *cells; /* table rows: each cell's text range, trimmed */
    bool header_row;         /* table rows: the header row of its table */
    uint32_t table;          /* table rows: table id (rows of one table share it); else AIPM_NONE */
    uint32_t first_sentence; /* index into doc->sentences (when sentences were built) */
    uint32_t n_sentences;
} aipm_block;

typedef struct aipm_section {
    uint32_t level;       /* 0 for the root, else the heading level */
    uint32_t parent;      /* AIPM_NONE for the root */
    uint32_t heading;     /* index of the heading block, AIPM_NONE for the root */
    const char *title;    /* heading plain text ("" for the root) */
    uint32_t first_block; /* blocks [first_block, end_block), heading first */
    uint32_t end_block;
} aipm_section;

/* A sentence: text range [start, end) of one block, trimmed of surrounding space. */
typedef struct aipm_sentence {
    uint32_t block;
    uint32_t start;
    uint32_t end;
} aipm_sentence;

typedef struct aipm_yaml_node aipm_yaml_node;

typedef struct aipm_doc {
    aipm_arena arena;
    const char *path; /* as given on the command line (arena copy) */
    const char *src;  /* the source bytes as read (arena copy, NUL-terminated) */
    size_t src_len;
    const uint32_t *line_start; /* line_start[i]: byte offset where line i+1 starts */
    uint32_t n_lines;
    size_t body_start; /* first byte after the front matter (0 when none) */
    aipm_kind kind;
    aipm_yaml_node *front_matter; /* the front matter mapping, or NULL; freed with the doc */
    const char *title;            /* front matter title, else first level-1 heading, else NULL */
    aipm_block *blocks;
    uint32_t n_blocks;
    aipm_section *sections; /* sections[0] is the root */
    uint32_t n_sections;
    aipm_sentence *sentences; /* NULL unless built with sentences */
    uint32_t n_sentences;
    bool has_sentences;
    uint32_t invalid_utf8_line; /* first line with invalid UTF-8, 0 when none */
    /* Private to doc.c and doc_build.c: col_marks[k] counts the code points
     * before byte k * AIPM_DOC_MARK_STEP (rounded up to a character start), so
     * aipm_doc_position stays fast on very long lines. NULL: count from the
     * line start. */
    const uint32_t *col_marks;
} aipm_doc;

#define AIPM_DOC_MARK_STEP 256

typedef struct aipm_doc_opts {
    bool sentences;        /* split blocks into sentences (some loaded rule needs them) */
    aipm_kind kind;        /* AIPM_KIND_COUNT: detect; else forced (--kind) */
    aipm_kind config_kind; /* AIPM_KIND_COUNT: none; else from a config glob */
} aipm_doc_opts;

/**
 * Build the model of 'len' bytes at 'src' (need not be NUL-terminated; copied)
 * read from 'path'. Returns NULL and fills 'err' (with 'path' and line:col)
 * when the front matter is malformed YAML. Invalid UTF-8 is not an error: it
 * sets 'invalid_utf8_line'. Free the result with aipm_doc_free.
 */
aipm_doc *aipm_doc_build(const char *path, const char *src, size_t len, const aipm_doc_opts *opts,
                         aipm_error *err);

/** Free 'doc' and everything it holds; NULL is a no-op. */
void aipm_doc_free(aipm_doc *doc);

/**
 * Convert source byte offset 'off' into a 1-based line and column. Columns
 * count code points from the start of the line (a tab is one, an invalid byte
 * is one, a UTF-8 BOM on line 1 is none). An offset at a line's end gives the
 * column just past its last character.
 */
void aipm_doc_position(const aipm_doc *doc, size_t off, uint32_t *line, uint32_t *col);

/** Return the source byte offset of text byte 'off' of block 'b' ('off' <= len). */
static inline uint32_t aipm_block_src(const aipm_block *b, uint32_t off) {
    return b->src[off];
}

/** Return the name of 'kind' ("vision", "prd", "onepager", "spec", "other"). */
const char *aipm_kind_name(aipm_kind kind);

/** Parse a kind name (also "one-pager", "product-requirements"...); AIPM_KIND_COUNT if unknown. */
aipm_kind aipm_kind_parse(const char *name);

/** Return the name of one block type ("paragraph", "heading", "list-item", ...). */
const char *aipm_block_type_name(aipm_block_type type);

/** Parse a block type name; 0 if unknown. */
aipm_block_type aipm_block_type_parse(const char *name);

/* doc_sentence.c */

/** Split every prose block of 'doc' into sentences (called by aipm_doc_build). */
void aipm_doc_split_sentences(aipm_doc *doc);

/* doc_kind.c */

/**
 * Decide the kind of 'doc' in DESIGN's order: 'opts->kind', the front matter
 * 'type' or 'kind', 'opts->config_kind', the file name, then the headings and
 * content. Never fails: AIPM_KIND_OTHER when nothing says.
 */
aipm_kind aipm_doc_detect_kind(const aipm_doc *doc, const aipm_doc_opts *opts);

#endif
