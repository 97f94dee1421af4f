/*
 * doc_build: the cmark tree turned into the flat document model of doc.h.
 * The only file that includes <cmark.h>.
 *
 * aipm_doc_build, in order:
 *   1. copy the source into the doc's arena; line starts ('\n', '\r\n' and a
 *      lone '\r' end a line, as in CommonMark); column marks (doc.c);
 *   2. front matter (frontmatter.c). Its bytes are blanked to spaces in the
 *      copy cmark parses, so cmark's line numbers and offsets are the file's;
 *      cmark allocates from an arena dropped after the walk (cmark's heap);
 *   3. one walk over the tree with cmark_iter (never recursion) and an
 *      explicit stack of open containers (list, item, quote), adding one block
 *      per leaf: heading, paragraph (list item or quote by its innermost
 *      container; pipe-table lines become table rows), code, HTML;
 *   4. sections from heading levels, the title, sentences, the kind.
 *
 * Plain text and its offset map. cmark 0.30's inline source positions are
 * hints only: byte columns, wrong on tab-led lazy lines, a line too low after
 * a backslash hard break, and one text node spans entities and escapes. So
 * every literal is aligned against the real source bytes from a cursor that
 * only moves forward, skipping whatever the literal lacks (markup):
 *
 *     source:  > A *b* &amp; \* `c` [d](u)
 *     text:      A b & *   d            ('c': one space for the code span)
 *     src[]:     2 5 8 15 17 24         (& -> the entity, * -> past the '\')
 *
 * A literal starts at its hint when the source there matches its first bytes,
 * else at the first such place after the cursor. A per-block work budget
 * (a few times the block's size) keeps every search linear, so a 5 MB line
 * that fails to align degrades to coarse positions, never to quadratic time.
 */
#include "doc.h"

#include <cmark.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "frontmatter.h"
#include "mem.h"
#include "utf8.h"
#include "yaml.h"

#define NO_POS SIZE_MAX
#define MATCH_PREFIX 8 /* literal bytes that must match where a literal starts */
#define RESYNC_WINDOW 64

typedef enum frame_type { FRAME_LIST, FRAME_ITEM, FRAME_QUOTE } frame_type;

typedef struct frame {
    frame_type type;
    uint32_t item; /* FRAME_ITEM: index of the item's first list-item block, or AIPM_NONE */
} frame;

/* A cell of a table line: text range [start, end) trimmed, and the splitting
 * pipe after it (NO_POS for the last cell). */
typedef struct cell {
    size_t start, end, pipe;
} cell;

typedef struct builder {
    aipm_doc *doc;
    const char *s; /* doc->src */
    size_t len;
    aipm_block *blocks; /* heap while building; moved to the arena at the end */
    size_t n_blocks, cap_blocks;
    frame *frames; /* open containers, innermost last */
    size_t n_frames, cap_frames;
    uint32_t n_lists;
    /* the prose leaf being collected */
    bool in_leaf;
    aipm_buf text;
    uint32_t *map; /* one entry per text byte */
    size_t cap_map;
    size_t *brk; /* text offsets of the spaces standing for line breaks */
    size_t n_brk, cap_brk;
    cell *cells;
    size_t cap_cells;
    aipm_buf row; /* a table row being composed */
    uint32_t *row_map;
    size_t cap_row_map;
    /* alignment state of the current leaf */
    size_t cursor;  /* source offset: nothing before it is aligned again */
    size_t lo, hi;  /* the leaf's source range: its first line start, its last line end */
    size_t end_pos; /* just past the source of the last text byte */
    size_t budget;  /* search steps left for this leaf */
    bool has_nul;   /* cmark widened each NUL to 3 bytes: its columns run ahead */
} builder;

/* ------------------------------------------------------------------- lines */

static uint32_t line_of(const aipm_doc *doc, size_t off) {
    uint32_t lo = 0, hi = doc->n_lines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (doc->line_start[mid] <= off) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo + 1;
}

/*
 * Offset of the terminator of 1-based 'line' (or the end of the source).
 * Every line but the last ends just before the next line's start, less its
 * terminator ('\n', '\r\n' or a lone '\r'); only the last one is scanned.
 */
static size_t line_end(const aipm_doc *doc, uint32_t line) {
    if (line < 1) {
        line = 1;
    }
    if (line > doc->n_lines) {
        line = doc->n_lines;
    }
    size_t ls = doc->line_start[line - 1];
    if (line < doc->n_lines) {
        size_t p = doc->line_start[line] - 1; /* the terminator's last byte */
        if (p > ls && doc->src[p] == '\n' && doc->src[p - 1] == '\r') {
            p--;
        }
        return p;
    }
    size_t p = ls;
    while (p < doc->src_len && doc->src[p] != '\n' && doc->src[p] != '\r') {
        p++;
    }
    return p;
}

static size_t skip_terminator(const char *s, size_t len, size_t p) {
    if (p < len && s[p] == '\r') {
        p++;
        if (p < len && s[p] == '\n') {
            p++;
        }
    } else if (p < len && s[p] == '\n') {
        p++;
    }
    return p;
}

static void index_lines(aipm_doc *doc) {
    const char *s = doc->src;
    size_t len = doc->src_len;
    if (!memchr(s, '\r', len)) {
        /* the common case, only '\n' terminators: let memchr find them */
        uint32_t n = 1;
        for (const char *q = memchr(s, '\n', len); q && (size_t)(q - s) + 1 < len;
             q = memchr(q + 1, '\n', len - (size_t)(q - s) - 1)) {
            n++;
        }
        uint32_t *ls = aipm_arena_alloc_uninit(&doc->arena, n * sizeof(*ls));
        ls[0] = 0;
        uint32_t i = 1;
        for (const char *q = memchr(s, '\n', len); q && (size_t)(q - s) + 1 < len;
             q = memchr(q + 1, '\n', len - (size_t)(q - s) - 1)) {
            ls[i++] = (uint32_t)(q - s + 1);
        }
        doc->line_start = ls;
        doc->n_lines = n;
        return;
    }
    uint32_t n = 1;
    for (size_t p = 0; p < len; p++) {
        if (s[p] == '\n' || (s[p] == '\r' && (p + 1 >= len || s[p + 1] != '\n'))) {
            if (p + 1 < len) {
                n++; /* a terminator followed by more text starts a line */
            }
        }
    }
    uint32_t *ls = aipm_arena_alloc_uninit(&doc->arena, n * sizeof(*ls));
    ls[0] = 0;
    uint32_t i = 1;
    for (size_t p = 0; p < len; p++) {
        if (s[p] == '\n' || (s[p] == '\r' && (p + 1 >= len || s[p + 1] != '\n'))) {
            if (p + 1 < len) {
                ls[i++] = (uint32_t)(p + 1);
            }
        }
    }
    doc->line_start = ls;
    doc->n_lines = n;
}

/* col_marks[k]: code points before the first character start at or after
 * byte k * AIPM_DOC_MARK_STEP (see doc.c). Returns what
 * aipm_utf8_find_invalid would: the offset of the first invalid sequence, or
 * src_len (the walk decodes every character anyway). */
static size_t index_columns(aipm_doc *doc) {
    size_t n_marks = doc->src_len / AIPM_DOC_MARK_STEP + 1;
    uint32_t *marks =
        aipm_arena_alloc_uninit(&doc->arena, n_marks * sizeof(*marks)); /* all set below */
    size_t k = 0, pos = 0;
    uint32_t count = 0;
    size_t bad = doc->src_len;
    while (pos < doc->src_len) {
        while (k < n_marks && k * AIPM_DOC_MARK_STEP <= pos) {
            marks[k++] = count;
        }
        if (pos % 8 == 0 && pos + 8 <= doc->src_len) {
            /* eight ASCII bytes at once; marks fall on multiples of 8, so
             * the loop above still sees every one */
            _Static_assert(AIPM_DOC_MARK_STEP % 8 == 0, "marks on multiples of 8");
            uint64_t w;
            memcpy(&w, doc->src + pos, 8);
            if (!(w & 0x8080808080808080u)) {
                pos += 8;
                count += 8;
                continue;
            }
        }
        size_t adv = 1;
        if ((unsigned char)doc->src[pos] >= 0x80 &&
            aipm_utf8_decode(doc->src + pos, doc->src_len - pos, &adv) < 0 && bad == doc->src_len) {
            bad = pos;
        }
        pos += adv;
        count++;
    }
    while (k < n_marks) {
        marks[k++] = count;
    }
    doc->col_marks = marks;
    return bad;
}

/* ---------------------------------------------------------- text alignment */

/*
 * Set m[i] = a + i for i < n, two entries per 64-bit store: adding {2, 2} to
 * the pair {a + i, a + i + 1} as one integer adds 2 to each half, whatever
 * the byte order, because source offsets stay below UINT32_MAX (no carry).
 */
static void fill_seq(uint32_t *m, size_t n, uint32_t a) {
    size_t i = 0;
    if (n >= 2) {
        uint32_t pair[2] = {a, a + 1}, two[2] = {2, 2};
        uint64_t v, step;
        memcpy(&v, pair, 8);
        memcpy(&step, two, 8);
        for (; i + 2 <= n; i += 2) {
            memcpy(m + i, &v, 8);
            v += step;
        }
    }
    if (i < n) {
        m[i] = a + (uint32_t)i;
    }
}

static void put(builder *b, const char *bytes, size_t n, size_t at) {
    aipm_buf_put(&b->text, bytes, n);
    b->map = aipm_grow(b->map, &b->cap_map, b->text.len, sizeof(*b->map));
    for (size_t i = b->text.len - n; i < b->text.len; i++) {
        b->map[i] = (uint32_t)at;
    }
}

/* Append 'n' bytes copied verbatim from source offset 'at' on, each mapped to its own byte. */
static void put_run(builder *b, const char *bytes, size_t n, size_t at) {
    aipm_buf_put(&b->text, bytes, n);
    b->map = aipm_grow(b->map, &b->cap_map, b->text.len, sizeof(*b->map));
    fill_seq(b->map + (b->text.len - n), n, (uint32_t)at);
}

/* Move the end of the leaf's text (just past its last source byte) forward. */
static void set_end(builder *b, size_t pos) {
    if (pos > b->end_pos) {
        b->end_pos = pos;
    }
}

static bool is_xdigit(int c) {
    return aipm_ascii_is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of the entity reference at 'p' ('&name;', '&#123;', '&#x1F;'), or 0. */
static size_t entity_len(const char *s, size_t p, size_t hi) {
    size_t q = p + 1;
    if (q >= hi) {
        return 0;
    }
    if (s[q] == '#') {
        q++;
        bool hex = q < hi && (s[q] == 'x' || s[q] == 'X');
        q += hex;
        size_t d = q;
        while (q < hi && q - d <= 7 &&
               (hex ? is_xdigit((unsigned char)s[q]) : aipm_ascii_is_digit((unsigned char)s[q]))) {
            q++;
        }
        if (q == d || q - d > (hex ? 6u : 7u) || q >= hi || s[q] != ';') {
            return 0;
        }
        return q + 1 - p;
    }
    size_t name = q;
    while (q < hi && q - name <= 32 && aipm_ascii_is_alnum((unsigned char)s[q])) {
        q++;
    }
    if (q == name || q - name > 32 || !aipm_ascii_is_alpha((unsigned char)s[name]) || q >= hi ||
        s[q] != ';') {
        return 0;
    }
    return q + 1 - p;
}

/* The second code point of the few named entities that decode to two. */
static bool is_entity_second(int32_t cp) {
    return cp == 0x0338 || cp == 0x20D2 || cp == 0xFE00 || cp == 0x0333 || cp == 0x20E5 ||
           cp == 0x200A || cp == 0x0331;
}

/*
 * How many literal bytes at 'lit' ('n' left) the entity 'ent' ('e' bytes,
 * followed in the source by byte 'next', -1 at the end) decoded to, or 0.
 * Numeric references are decoded exactly; a named one (no table here) stands
 * for one code point, or two when the second is a combining mark.
 */
static size_t entity_match(const char *ent, size_t e, const char *lit, size_t n, int next) {
    size_t adv;
    if (ent[1] == '#') {
        bool hex = ent[2] == 'x' || ent[2] == 'X';
        uint32_t cp = 0;
        for (size_t q = hex ? 3 : 2; q + 1 < e; q++) {
            int c = (unsigned char)ent[q];
            int v = aipm_ascii_is_digit(c) ? c - '0' : (aipm_ascii_tolower(c) - 'a' + 10);
            cp = cp * (hex ? 16u : 10u) + (uint32_t)v;
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            cp = 0xFFFD;
        }
        char enc[4];
        size_t k = aipm_utf8_encode((int32_t)cp, enc);
        return n >= k && memcmp(lit, enc, k) == 0 ? k : 0;
    }
    if (e == 7 && memcmp(ent, "&fjlig;", 7) == 0 && n >= 2 && lit[0] == 'f' && lit[1] == 'j') {
        return 2;
    }
    if (aipm_utf8_decode(lit, n, &adv) < 0) {
        return 0;
    }
    size_t k = adv;
    if (k < n && (next < 0 || (unsigned char)lit[k] != next)) {
        int32_t cp2 = aipm_utf8_decode(lit + k, n - k, &adv);
        if (is_entity_second(cp2)) {
            k += adv;
        }
    }
    return k;
}

/*
 * Length of the longest prefix, at most 'lim' bytes, where the literal 'lit'
 * and the source 's' agree byte for byte and the source has no '\\', '&' or
 * NUL: the bytes produce() would copy one by one. Eight bytes at a time while
 * they are all plain, then byte by byte.
 */
static size_t plain_run(const char *lit, const char *s, size_t lim) {
    size_t m = 0;
    while (m + 8 <= lim) {
        uint64_t a, w;
        memcpy(&a, lit + m, 8);
        memcpy(&w, s + m, 8);
        if ((a ^ w) || aipm_ascii_zero_byte(w) ||
            aipm_ascii_zero_byte(w ^ (AIPM_ASCII_ONES * '\\')) ||
            aipm_ascii_zero_byte(w ^ (AIPM_ASCII_ONES * '&'))) {
            break;
        }
        m += 8;
    }
    while (m < lim && lit[m] == s[m] && s[m] != '\\' && s[m] != '&' && s[m] != '\0') {
        m++;
    }
    return m;
}

typedef struct step {
    size_t n_lit; /* literal bytes produced */
    size_t adv;   /* source bytes consumed */
    size_t at;    /* source offset they map to */
} step;

/* Whether the source at 'p' produces the literal bytes at 'lit + i'. */
static bool produce(const char *s, size_t p, size_t hi, const char *lit, size_t i, size_t n,
                    step *st) {
    if (p >= hi) {
        return false;
    }
    char c = s[p];
    if (c == '\\' && p + 1 < hi && aipm_ascii_is_punct((unsigned char)s[p + 1]) &&
        lit[i] == s[p + 1]) {
        *st = (step){1, 2, p + 1};
        return true;
    }
    if (c == '&') {
        /* A named reference copied verbatim into the literal was not decoded
         * (cmark knows no such name); numeric ones and '&amp;' always are. */
        size_t e = entity_len(s, p, hi);
        bool always = e && (s[p + 1] == '#' || (e == 5 && memcmp(s + p, "&amp;", 5) == 0));
        if (e && (always || !(n - i >= e && memcmp(lit + i, s + p, e) == 0))) {
            int next = p + e < hi ? (unsigned char)s[p + e] : -1;
            size_t k = entity_match(s + p, e, lit + i, n - i, next);
            if (k) {
                *st = (step){k, e, p};
                return true;
            }
        }
    }
    if (c == '\0' && n - i >= 3 && memcmp(lit + i, "\xEF\xBF\xBD", 3) == 0) {
        *st = (step){3, 1, p}; /* cmark replaces NUL with U+FFFD */
        return true;
    }
    if (lit[i] == c) {
        *st = (step){1, 1, p};
        return true;
    }
    return false;
}

/* Whether the first 'k' literal bytes align at 'p' without skipping. */
static bool match_at(const char *s, size_t p, size_t hi, const char *lit, size_t n, size_t k) {
    size_t i = plain_run(lit, s + p, p < hi ? (k < hi - p ? k : hi - p) : 0);
    p += i; /* produce() copies each byte of a plain run one for one */
    while (i < k) {
        step st;
        if (!produce(s, p, hi, lit, i, n, &st)) {
            return false;
        }
        i += st.n_lit;
        p += st.adv;
    }
    return true;
}

static size_t search(builder *b, const char *lit, size_t n, size_t from, size_t to, size_t k) {
    for (size_t p = from; p < to; p++) {
        if (b->budget == 0) {
            return NO_POS;
        }
        b->budget--;
        if (match_at(b->s, p, b->hi, lit, n, k)) {
            return p;
        }
    }
    return NO_POS;
}

/* Where literal 'lit' starts in the source, or NO_POS. */
static size_t find_start(builder *b, const char *lit, size_t n, int hint_line, int hint_col) {
    size_t k = n < MATCH_PREFIX ? n : MATCH_PREFIX;
    size_t from = b->cursor;
    if (hint_line >= 1 && (uint32_t)hint_line <= b->doc->n_lines) {
        size_t ls = b->doc->line_start[hint_line - 1];
        if (hint_col >= 1 && !b->has_nul) {
            size_t cand = ls + (size_t)hint_col - 1;
            if (cand >= b->cursor && cand < b->hi && match_at(b->s, cand, b->hi, lit, n, k)) {
                return cand;
            }
        }
        if (ls > from) {
            from = ls;
        }
    }
    size_t p = search(b, lit, n, from, b->hi, k);
    if (p == NO_POS && from > b->cursor) {
        p = search(b, lit, n, b->cursor, from, k); /* the hint line was too late */
    }
    if (p == NO_POS) {
        p = search(b, lit, n, b->cursor, b->hi, 1);
    }
    return p;
}

/*
 * Align literal 'lit' against the source and, when 'emit', append it to the
 * leaf's text with its map. Inline HTML is aligned without emitting, only to
 * move the cursor past it.
 */
static void align(builder *b, const char *lit, size_t n, int hint_line, int hint_col, bool emit) {
    if (n == 0) {
        return;
    }
    size_t p = find_start(b, lit, n, hint_line, hint_col);
    if (p == NO_POS) {
        if (emit) {
            size_t at = b->cursor < b->hi ? b->cursor : b->hi;
            put(b, lit, n, at);
            set_end(b, at);
        }
        return;
    }
    size_t i = 0;
    while (i < n) {
        /* fast path: the run of bytes that produce() would copy one by one
         * (no escape, entity or NUL in it), appended at once */
        size_t m =
            p < b->hi ? plain_run(lit + i, b->s + p, n - i < b->hi - p ? n - i : b->hi - p) : 0;
        if (m > 0) {
            if (emit) {
                put_run(b, lit + i, m, p);
                set_end(b, p + m);
            }
            i += m;
            p += m;
            continue;
        }
        step st;
        if (produce(b->s, p, b->hi, lit, i, n, &st)) {
            if (emit) {
                put(b, lit + i, st.n_lit, st.at);
                set_end(b, p + st.adv);
            }
            i += st.n_lit;
            p += st.adv;
            continue;
        }
        /* resync: skip markup inside the literal's span, or give up on one byte */
        size_t q = p + 1, lim = p + RESYNC_WINDOW < b->hi ? p + RESYNC_WINDOW : b->hi;
        while (q < lim && b->budget > 0) {
            b->budget--;
            if (produce(b->s, q, b->hi, lit, i, n, &st)) {
                break;
            }
            q++;
        }
        if (q < lim && b->budget > 0) {
            p = q;
            continue;
        }
        if (emit) {
            size_t at = p < b->hi ? p : b->hi;
            put(b, lit + i, 1, at);
            set_end(b, at);
        }
        i++;
    }
    b->cursor = p;
}

/* An inline code span: one space mapped to its opening backtick. */
static void code_span(builder *b) {
    const char *s = b->s;
    size_t q = b->cursor;
    while (q < b->hi && s[q] != '`' && b->budget > 0) {
        q++;
        b->budget--;
    }
    if (q >= b->hi || s[q] != '`') {
        size_t at = b->cursor < b->hi ? b->cursor : b->hi;
        put(b, " ", 1, at);
        set_end(b, at);
        return;
    }
    size_t r = 0;
    while (q + r < b->hi && s[q + r] == '`') {
        r++;
    }
    put(b, " ", 1, q);
    size_t c = q + r;
    b->cursor = c;
    set_end(b, c);
    while (c < b->hi && b->budget > 0) {
        if (s[c] != '`') {
            c++;
            b->budget--;
            continue;
        }
        size_t rr = 0;
        while (c + rr < b->hi && s[c + rr] == '`') {
            rr++;
        }
        if (rr == r) {
            b->cursor = c + r;
            set_end(b, c + r);
            return;
        }
        c += rr;
    }
}

/* A soft or hard line break: one space mapped to the end of the cursor's line. */
static void line_break(builder *b) {
    size_t q = b->cursor;
    while (q < b->len && b->s[q] != '\n' && b->s[q] != '\r') {
        q++;
    }
    put(b, " ", 1, q);
    set_end(b, q < b->len ? q + 1 : q);
    b->brk = aipm_grow(b->brk, &b->cap_brk, b->n_brk + 1, sizeof(*b->brk));
    b->brk[b->n_brk++] = b->text.len - 1;
    b->cursor = skip_terminator(b->s, b->len, q);
}

/* ------------------------------------------------------------------ blocks */

static uint32_t add_block(builder *b, aipm_block_type type, const char *text, size_t n,
                          const uint32_t *map, size_t end_off, uint32_t line, uint32_t end_line) {
    b->blocks = aipm_grow(b->blocks, &b->cap_blocks, b->n_blocks + 1, sizeof(*b->blocks));
    aipm_block *blk = &b->blocks[b->n_blocks];
    memset(blk, 0, sizeof(*blk));
    blk->type = type;
    blk->item = AIPM_NONE;
    blk->table = AIPM_NONE;
    blk->text = aipm_arena_strndup(&b->doc->arena, text, n);
    blk->len = (uint32_t)n;
    uint32_t *src = aipm_arena_alloc_uninit(&b->doc->arena, (n + 1) * sizeof(*src));
    if (n) {
        memcpy(src, map, n * sizeof(*src));
    }
    src[n] = (uint32_t)(end_off <= b->len ? end_off : b->len);
    blk->src = src;
    blk->line = line;
    blk->end_line = end_line < line ? line : end_line;
    return (uint32_t)b->n_blocks++;
}

static void push_frame(builder *b, frame_type type) {
    b->frames = aipm_grow(b->frames, &b->cap_frames, b->n_frames + 1, sizeof(*b->frames));
    b->frames[b->n_frames++] = (frame){type, AIPM_NONE};
    if (type == FRAME_LIST) {
        b->n_lists++;
    }
}

static void pop_frame(builder *b) {
    if (b->n_frames == 0) {
        return;
    }
    if (b->frames[--b->n_frames].type == FRAME_LIST) {
        b->n_lists--;
    }
}

/* Give a paragraph-like block its type, item and level from the innermost container. */
static uint32_t add_prose(builder *b, const char *text, size_t n, const uint32_t *map,
                          size_t end_off, uint32_t line, uint32_t end_line) {
    frame *top = b->n_frames ? &b->frames[b->n_frames - 1] : NULL;
    aipm_block_type type = AIPM_BLOCK_PARAGRAPH;
    if (top && top->type == FRAME_ITEM) {
        type = AIPM_BLOCK_LIST_ITEM;
    } else if (top && top->type == FRAME_QUOTE) {
        type = AIPM_BLOCK_BLOCK_QUOTE;
    }
    uint32_t i = add_block(b, type, text, n, map, end_off, line, end_line);
    if (type == AIPM_BLOCK_LIST_ITEM) {
        if (top->item == AIPM_NONE) {
            top->item = i;
        }
        b->blocks[i].item = top->item;
        b->blocks[i].level = b->n_lists;
    }
    return i;
}

/* --------------------------------------------------------------- tables */

/* Whether the '|' at text offset 't' splits cells: a real pipe in the
 * source, not produced by an escape or an entity. */
static bool is_split_pipe(const builder *b, size_t t) {
    const char *text = b->text.ptr;
    if (text[t] != '|') {
        return false;
    }
    uint32_t at = b->map[t];
    if (at >= b->len || b->s[at] != '|') {
        return false;
    }
    bool escaped = at > 0 && b->s[at - 1] == '\\' && !(t > 0 && b->map[t - 1] == at - 1);
    return !escaped;
}

/* Whether text byte 't' is a space or tab to trim around a cell; the space
 * standing for a code span is content. */
static bool is_blank(const builder *b, size_t t) {
    char c = b->text.ptr[t];
    return (c == ' ' || c == '\t') && !(b->map[t] < b->len && b->s[b->map[t]] == '`');
}

/*
 * Split text line [a, e) of the leaf into trimmed cells (in b->cells); the
 * leading and trailing pipes are optional. Returns the number of cells and
 * stores in '*pipes' how many splitting pipes the line has.
 */
static size_t split_cells(builder *b, size_t a, size_t e, size_t *pipes) {
    *pipes = 0;
    while (a < e && is_blank(b, a)) {
        a++;
    }
    while (e > a && is_blank(b, e - 1)) {
        e--;
    }
    if (a < e && is_split_pipe(b, a)) {
        a++;
        (*pipes)++;
    }
    if (e > a && is_split_pipe(b, e - 1)) {
        e--;
        (*pipes)++;
    }
    size_t n = 0, cs = a;
    for (size_t i = a;; i++) {
        bool split = i < e && is_split_pipe(b, i);
        if (i < e && !split) {
            continue;
        }
        b->cells = aipm_grow(b->cells, &b->cap_cells, n + 1, sizeof(*b->cells));
        size_t s0 = cs, s1 = i;
        while (s0 < s1 && is_blank(b, s0)) {
            s0++;
        }
        while (s1 > s0 && is_blank(b, s1 - 1)) {
            s1--;
        }
        b->cells[n++] = (cell){s0, s1, split ? i : NO_POS};
        if (!split) {
            break;
        }
        (*pipes)++;
        cs = i + 1;
    }
    return n;
}

/* Whether text line [a, e) is a delimiter row; '*n_cells' gets its cell count. */
static bool is_delimiter_row(builder *b, size_t a, size_t e, size_t *n_cells) {
    size_t pipes;
    size_t n = split_cells(b, a, e, &pipes);
    if (pipes == 0) {
        return false;
    }
    const char *t = b->text.ptr;
    for (size_t i = 0; i < n; i++) {
        size_t p = b->cells[i].start, q = b->cells[i].end;
        if (p < q && t[p] == ':') {
            p++;
        }
        if (q > p && t[q - 1] == ':') {
            q--;
        }
        if (p == q) {
            return false;
        }
        for (; p < q; p++) {
            if (t[p] != '-') {
                return false;
            }
        }
    }
    *n_cells = n;
    return true;
}

/* Text offsets of line 'k' of the leaf: [*a, *e). */
static void text_line(const builder *b, size_t k, size_t *a, size_t *e) {
    *a = k == 0 ? 0 : b->brk[k - 1] + 1;
    *e = k < b->n_brk ? b->brk[k] : b->text.len;
}

/* Add text line 'k' of the leaf as one table row of table 'table'. */
static void add_row(builder *b, size_t k, uint32_t *table, uint32_t last_line) {
    size_t a, e, pipes;
    text_line(b, k, &a, &e);
    size_t n = split_cells(b, a, e, &pipes);
    aipm_buf_clear(&b->row);
    aipm_range *ranges = aipm_arena_calloc(&b->doc->arena, n, sizeof(*ranges));
    size_t last = NO_POS; /* leaf text offset of the row's last byte */
    uint32_t sep_at = 0;
    for (size_t i = 0; i < n; i++) {
        const cell *c = &b->cells[i];
        size_t len = c->end - c->start;
        if (i > 0) {
            aipm_buf_put(&b->row, " | ", 3);
        }
        ranges[i].start = (uint32_t)b->row.len;
        aipm_buf_put(&b->row, b->text.ptr + c->start, len);
        ranges[i].end = (uint32_t)b->row.len;
        b->row_map = aipm_grow(b->row_map, &b->cap_row_map, b->row.len, sizeof(*b->row_map));
        size_t o = ranges[i].start;
        if (i > 0) {
            for (size_t j = o - 3; j < o; j++) {
                b->row_map[j] = sep_at;
            }
        }
        for (size_t j = 0; j < len; j++) {
            b->row_map[o + j] = b->map[c->start + j];
        }
        if (len) {
            last = c->end - 1;
        }
        if (c->pipe != NO_POS) {
            sep_at = b->map[c->pipe];
        }
    }
    size_t end_off;
    if (b->row.len == 0) {
        end_off = e > a ? b->map[a] : (e < b->text.len ? b->map[e] : b->end_pos);
    } else if (ranges[n - 1].end == ranges[n - 1].start) {
        end_off = (size_t)b->row_map[b->row.len - 1] + 1; /* ends with a separator */
    } else {
        end_off = last + 1 < b->text.len ? b->map[last + 1] : b->end_pos;
    }
    uint32_t line = k < b->n_brk ? line_of(b->doc, b->map[e]) : last_line;
    uint32_t i =
        add_block(b, AIPM_BLOCK_TABLE_ROW, b->row.ptr, b->row.len, b->row_map, end_off, line, line);
    aipm_block *blk = &b->blocks[i];
    blk->n_cells = (uint32_t)n;
    blk->cells = ranges;
    if (*table == AIPM_NONE) {
        *table = i;
        blk->header_row = true;
    }
    blk->table = *table;
}

/*
 * The first text line that heads a pipe table (a line followed by a
 * delimiter row with the same number of cells), or NO_POS.
 */
static size_t find_table(builder *b) {
    if (b->n_brk == 0 || !memchr(b->text.ptr, '|', b->text.len)) {
        return NO_POS;
    }
    for (size_t k = 1; k <= b->n_brk; k++) {
        size_t a, e, n_delim, pipes;
        text_line(b, k, &a, &e);
        if (!memchr(b->text.ptr + a, '|', e - a) || !is_delimiter_row(b, a, e, &n_delim)) {
            continue;
        }
        text_line(b, k - 1, &a, &e);
        if (split_cells(b, a, e, &pipes) == n_delim) {
            return k - 1;
        }
    }
    return NO_POS;
}

/* ------------------------------------------------------------------ leaves */

static void begin_leaf(builder *b, cmark_node *node) {
    int sl = cmark_node_get_start_line(node);
    int el = cmark_node_get_end_line(node);
    uint32_t first = sl >= 1 ? (uint32_t)sl : 1;
    uint32_t last = el >= sl ? (uint32_t)el : first;
    if (first > b->doc->n_lines) {
        first = b->doc->n_lines;
    }
    b->in_leaf = true;
    aipm_buf_clear(&b->text);
    b->n_brk = 0;
    b->lo = b->doc->line_start[first - 1];
    b->hi = line_end(b->doc, last);
    b->cursor = b->lo;
    b->end_pos = b->lo;
    b->budget = 4 * (b->hi - b->lo) + 4096;
}

/* Whether the heading just collected is a setext one: no '#' before its text. */
static bool is_setext(const builder *b) {
    size_t first = b->map[0];
    for (size_t p = b->doc->line_start[line_of(b->doc, first) - 1]; p < first; p++) {
        if (b->s[p] == '#') {
            return false;
        }
    }
    return true;
}

static void end_leaf(builder *b, cmark_node *node) {
    b->in_leaf = false;
    int sl = cmark_node_get_start_line(node);
    int el = cmark_node_get_end_line(node);
    uint32_t line = b->text.len ? line_of(b->doc, b->map[0]) : (uint32_t)(sl > 0 ? sl : 1);
    uint32_t end_line = (uint32_t)(el > 0 ? el : sl > 0 ? sl : 1);
    if (b->text.len) {
        uint32_t last = line_of(b->doc, b->map[b->text.len - 1]);
        if (last > end_line) {
            end_line = last;
        }
    }
    if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
        if (b->text.len && is_setext(b)) {
            /* cmark 0.30 ends a setext heading on the line after its underline */
            end_line = line_of(b->doc, b->map[b->text.len - 1]) + 1;
        }
        uint32_t i = add_block(b, AIPM_BLOCK_HEADING, b->text.ptr, b->text.len, b->map, b->end_pos,
                               line, end_line);
        b->blocks[i].level = (uint32_t)cmark_node_get_heading_level(node);
        return;
    }
    size_t head = find_table(b);
    if (head == NO_POS) {
        add_prose(b, b->text.ptr, b->text.len, b->map, b->end_pos, line, end_line);
        return;
    }
    if (head > 0) {
        size_t cut = b->brk[head - 1]; /* the break before the header line */
        add_prose(b, b->text.ptr, cut, b->map, b->map[cut], line, line_of(b->doc, b->map[cut]));
    }
    uint32_t table = AIPM_NONE;
    for (size_t k = head; k <= b->n_brk; k++) {
        if (k == head + 1) {
            continue; /* the delimiter row */
        }
        add_row(b, k, &table, end_line);
    }
}

/*
 * Whether the code block starting on 'line' with literal 'lit' is fenced
 * (cmark 0.30 has no getter for it): its first line opens with a fence after
 * container markers, and the literal's first line is not that line's tail.
 */
static bool is_fenced(const builder *b, uint32_t line, const char *lit, size_t n) {
    if (line > b->doc->n_lines) {
        return false;
    }
    size_t p = b->doc->line_start[line - 1], e = line_end(b->doc, line);
    while (p < e && b->s[p] && strchr(" \t>-*+.)0123456789", b->s[p])) {
        p++;
    }
    if (e - p < 3 || !(memcmp(b->s + p, "```", 3) == 0 || memcmp(b->s + p, "~~~", 3) == 0)) {
        return false;
    }
    const char *nl = memchr(lit, '\n', n);
    size_t m = nl ? (size_t)(nl - lit) : n;
    return !(m > 0 && e - p >= m && memcmp(b->s + e - m, lit, m) == 0);
}

/*
 * A code or HTML block: its literal, each line mapped to the end of its source
 * line (the literal line is the source line minus container prefixes and
 * indentation); a line that does not match maps to its source line start.
 */
static void add_literal_block(builder *b, cmark_node *node, aipm_block_type type) {
    const char *lit = cmark_node_get_literal(node);
    size_t n = lit ? strlen(lit) : 0;
    int sl = cmark_node_get_start_line(node);
    int el = cmark_node_get_end_line(node);
    uint32_t line = (uint32_t)(sl > 0 ? sl : 1);
    uint32_t end_line = (uint32_t)(el > 0 ? el : (int)line);
    uint32_t src_line = line;
    bool fenced = type == AIPM_BLOCK_CODE && is_fenced(b, line, lit ? lit : "", n);
    if (fenced) {
        src_line++; /* the literal starts after the opening fence */
    }
    b->map = aipm_grow(b->map, &b->cap_map, n + 1, sizeof(*b->map));
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(lit + i, '\n', n - i);
        size_t j = nl ? (size_t)(nl - lit) : n;
        uint32_t l = src_line <= b->doc->n_lines ? src_line : b->doc->n_lines;
        size_t ls = b->doc->line_start[l - 1], le = line_end(b->doc, l);
        size_t m = j - i;
        if (le - ls >= m && memcmp(b->s + le - m, lit + i, m) == 0) {
            fill_seq(b->map + i, m, (uint32_t)(le - m)); /* the line's tail */
        } else {
            size_t fit = m < le - ls ? m : le - ls; /* from the line start, none past its end */
            fill_seq(b->map + i, fit, (uint32_t)ls);
            for (size_t k = fit; k < m; k++) {
                b->map[i + k] = (uint32_t)le;
            }
        }
        if (j < n) {
            b->map[j] = (uint32_t)le; /* the newline */
            j++;
        }
        i = j;
        src_line++;
    }
    size_t end_off =
        n ? (size_t)b->map[n - 1] + 1
          : b->doc->line_start[line <= b->doc->n_lines ? line - 1 : b->doc->n_lines - 1];
    if (!fenced && n) {
        /* cmark 0.30 may end an indented code block on the blank line after it */
        end_line = line_of(b->doc, b->map[n - 1]);
    }
    add_block(b, type, lit ? lit : "", n, b->map, end_off, line, end_line);
}

static void walk(builder *b, cmark_node *root) {
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        bool enter = ev == CMARK_EVENT_ENTER;
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_LIST:
            if (enter) {
                push_frame(b, FRAME_LIST);
            } else {
                pop_frame(b);
            }
            break;
        case CMARK_NODE_ITEM:
            if (enter) {
                push_frame(b, FRAME_ITEM);
            } else {
                pop_frame(b);
            }
            break;
        case CMARK_NODE_BLOCK_QUOTE:
            if (enter) {
                push_frame(b, FRAME_QUOTE);
            } else {
                pop_frame(b);
            }
            break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            if (enter) {
                begin_leaf(b, node);
            } else {
                end_leaf(b, node);
            }
            break;
        case CMARK_NODE_CODE_BLOCK:
            add_literal_block(b, node, AIPM_BLOCK_CODE);
            break;
        case CMARK_NODE_HTML_BLOCK:
            add_literal_block(b, node, AIPM_BLOCK_HTML);
            break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
            if (b->in_leaf) {
                const char *lit = cmark_node_get_literal(node);
                align(b, lit ? lit : "", lit ? strlen(lit) : 0, cmark_node_get_start_line(node),
                      cmark_node_get_start_column(node),
                      cmark_node_get_type(node) == CMARK_NODE_TEXT);
            }
            break;
        case CMARK_NODE_CODE:
            if (b->in_leaf) {
                code_span(b);
            }
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            if (b->in_leaf) {
                line_break(b);
            }
            break;
        default:
            break; /* emphasis, links, images: their children carry the text */
        }
    }
    cmark_iter_free(it);
}

/* ---------------------------------------------------------------- sections */

static void build_sections(builder *b) {
    aipm_doc *doc = b->doc;
    size_t n = 1;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        n += doc->blocks[i].type == AIPM_BLOCK_HEADING;
    }
    aipm_section *secs = aipm_arena_calloc(&doc->arena, n, sizeof(*secs));
    secs[0] = (aipm_section){0, AIPM_NONE, AIPM_NONE, "", 0, (uint32_t)doc->n_blocks};
    uint32_t open[8] = {0}; /* open sections by depth: levels 0..6 nest at most 7 deep */
    size_t depth = 1, n_secs = 1;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        aipm_block *blk = &doc->blocks[i];
        if (blk->type == AIPM_BLOCK_HEADING) {
            while (depth > 1 && secs[open[depth - 1]].level >= blk->level) {
                secs[open[--depth]].end_block = (uint32_t)i;
            }
            aipm_section *s = &secs[n_secs];
            s->level = blk->level;
            s->parent = open[depth - 1];
            s->heading = (uint32_t)i;
            s->title = blk->text;
            s->first_block = (uint32_t)i;
            open[depth++] = (uint32_t)n_secs++;
        }
        blk->section = open[depth - 1];
    }
    while (depth > 1) {
        secs[open[--depth]].end_block = (uint32_t)doc->n_blocks;
    }
    doc->sections = secs;
    doc->n_sections = (uint32_t)n_secs;
}

/* -------------------------------------------------------------------- build */

static void builder_release(builder *b) {
    free(b->blocks);
    free(b->frames);
    aipm_buf_release(&b->text);
    free(b->map);
    free(b->brk);
    free(b->cells);
    aipm_buf_release(&b->row);
    free(b->row_map);
}

/* ------------------------------------------------------------ cmark's heap */

/*
 * Everything cmark allocates for one parse (parser, nodes, buffers, literals,
 * the iterator) comes from cmark_heap, an arena of the parsing thread, and is
 * never freed one by one: the arena goes at once after the walk, so there is
 * no malloc/free per node and no cmark_node_free walk. cmark_mem has no
 * context pointer, hence the thread-local arena. Each allocation carries its
 * size in a header so realloc can copy it.
 */
static _Thread_local aipm_arena *cmark_heap;

typedef union heap_hdr {
    size_t size;
    max_align_t align; /* keeps what follows aligned for any type */
} heap_hdr;

static void *heap_calloc(size_t n, size_t size) {
    if (size && n > (SIZE_MAX - sizeof(heap_hdr)) / size) {
        return aipm_xreallocarray(NULL, n, size); /* overflows: aborts, out of memory */
    }
    heap_hdr *h = aipm_arena_alloc(cmark_heap, sizeof(*h) + n * size);
    h->size = n * size;
    return h + 1;
}

static void *heap_realloc(void *p, size_t size) {
    size_t old = p ? ((heap_hdr *)p - 1)->size : 0;
    if (p && size <= old) {
        return p;
    }
    if (size > SIZE_MAX - sizeof(heap_hdr)) {
        return aipm_xreallocarray(NULL, size, 2); /* overflows: aborts, out of memory */
    }
    heap_hdr *h = aipm_arena_alloc_uninit(cmark_heap, sizeof(*h) + size);
    h->size = size;
    if (old) {
        memcpy(h + 1, p, old);
    }
    return h + 1;
}

static void heap_free(void *p) {
    (void)p; /* released with the whole arena */
}

static cmark_mem heap_mem = {heap_calloc, heap_realloc, heap_free};

/* Parse with cmark and fill the blocks; 'fm' (or NULL) is blanked in cmark's copy. */
static void build_blocks(builder *b, const aipm_frontmatter *fm) {
    aipm_doc *doc = b->doc;
    aipm_arena heap = AIPM_ARENA_INIT;
    cmark_heap = &heap;
    const char *input = doc->src;
    if (fm) {
        char *copy = aipm_arena_strndup(&heap, doc->src, doc->src_len);
        for (size_t p = 0; p < fm->end; p++) {
            if (copy[p] != '\n' && copy[p] != '\r') {
                copy[p] = ' ';
            }
        }
        input = copy;
    }
    cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, &heap_mem);
    cmark_parser_feed(parser, input, doc->src_len);
    cmark_node *root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    walk(b, root);
    cmark_heap = NULL;
    aipm_arena_release(&heap); /* the whole tree */
    aipm_block *blocks;
    if (b->n_blocks) {
        blocks = aipm_arena_alloc_uninit(&doc->arena, b->n_blocks * sizeof(*blocks));
        memcpy(blocks, b->blocks, b->n_blocks * sizeof(*blocks));
    } else {
        blocks = aipm_arena_calloc(&doc->arena, 1, sizeof(*blocks));
    }
    doc->blocks = blocks;
    doc->n_blocks = (uint32_t)b->n_blocks;
}

static void set_title(aipm_doc *doc) {
    const char *t = aipm_frontmatter_str(doc->front_matter, "title");
    if (t && *t) {
        doc->title = aipm_arena_strndup(&doc->arena, t, strlen(t));
        return;
    }
    for (uint32_t i = 0; i < doc->n_blocks; i++) {
        const aipm_block *blk = &doc->blocks[i];
        if (blk->type == AIPM_BLOCK_HEADING && blk->level == 1 && blk->len > 0) {
            doc->title = blk->text;
            return;
        }
    }
}

aipm_doc *aipm_doc_build(const char *path, const char *src, size_t len, const aipm_doc_opts *opts,
                         aipm_error *err) {
    static const aipm_doc_opts defaults = {false, AIPM_KIND_COUNT, AIPM_KIND_COUNT};
    if (!opts) {
        opts = &defaults;
    }
    if (len >= UINT32_MAX) {
        aipm_error_set(err, path, 0, 0, "file is too large (4 GiB or more)");
        return NULL;
    }
    aipm_doc *doc = aipm_xcalloc(1, sizeof(*doc));
    doc->path = aipm_arena_strndup(&doc->arena, path ? path : "", path ? strlen(path) : 0);
    doc->src = aipm_arena_strndup(&doc->arena, src ? src : "", src ? len : 0);
    doc->src_len = src ? len : 0;
    doc->kind = AIPM_KIND_OTHER;
    index_lines(doc);
    size_t bad = index_columns(doc);
    if (bad < doc->src_len) {
        doc->invalid_utf8_line = line_of(doc, bad);
    }

    aipm_frontmatter fm;
    bool has_fm = aipm_frontmatter_find(doc->src, doc->src_len, &fm);
    if (has_fm) {
        int rc = aipm_frontmatter_parse(doc->path, doc->src, &fm, &doc->front_matter, err);
        if (rc < 0) {
            aipm_doc_free(doc);
            return NULL;
        }
        has_fm = rc > 0;
        if (has_fm) {
            doc->body_start = fm.end;
        }
    }

    builder b;
    memset(&b, 0, sizeof(b));
    b.doc = doc;
    b.s = doc->src;
    b.len = doc->src_len;
    b.has_nul = memchr(doc->src, '\0', doc->src_len) != NULL;
    aipm_buf_init(&b.text);
    aipm_buf_init(&b.row);
    build_blocks(&b, has_fm ? &fm : NULL);
    build_sections(&b);
    builder_release(&b);

    set_title(doc);
    if (opts->sentences) {
        aipm_doc_split_sentences(doc);
    }
    doc->kind = aipm_doc_detect_kind(doc, opts);
    return doc;
}
