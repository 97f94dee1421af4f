/*
 * doc_sentence: split prose blocks into sentences, only when a loaded rule
 * has a sentence scope (aipm_doc_opts.sentences), the way Vale splits only
 * when some rule asks for it.
 *
 * A sentence ends at a run of '.', '!' or '?' (so '?!' and '...' end once),
 * optionally followed by closing quotes or brackets, when whitespace and then
 * a character that is not a lower-case letter follow, or at the end of the
 * block:
 *
 *     "It ships in v2.1 (e.g. for Acme). Users like it!  why not?"
 *      [It ships in v2.1 (e.g. for Acme).] [Users like it!  why not?]
 *
 * "2.1" never ends a sentence (no space after the dot), "e.g." is a known
 * abbreviation, and "it!  why" continues because 'w' is lower case. Headings
 * and table rows are one sentence each; a sentence never crosses blocks, so
 * each list item, row and heading stands alone. Sentences are trimmed of
 * spaces; blocks with no text have none. The array lives in the doc's arena;
 * block->first_sentence/n_sentences index it.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "mem.h"
#include "util.h"

/* Lower-cased words that a '.' follows without ending a sentence. */
#define ABBR(s)                                                                                    \
    { s, sizeof(s) - 1 }
static const struct {
    const char *text;
    size_t len;
} abbreviations[] = {
    ABBR("e.g"), ABBR("i.e"), ABBR("eg"),     ABBR("ie"),  ABBR("etc"), ABBR("vs"),   ABBR("cf"),
    ABBR("al"),  ABBR("mr"),  ABBR("mrs"),    ABBR("ms"),  ABBR("dr"),  ABBR("prof"), ABBR("st"),
    ABBR("jr"),  ABBR("sr"),  ABBR("approx"), ABBR("inc"), ABBR("ltd"), ABBR("corp"), ABBR("dept"),
    ABBR("fig"), ABBR("u.s"), ABBR("u.k"),    ABBR("e.u"),
};

typedef struct splitter {
    aipm_sentence *out;
    size_t n, cap;
} splitter;

static bool is_space_byte(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void add(splitter *sp, uint32_t block, const char *t, size_t s, size_t e) {
    while (s < e && is_space_byte((unsigned char)t[s])) {
        s++;
    }
    while (e > s && is_space_byte((unsigned char)t[e - 1])) {
        e--;
    }
    if (s == e) {
        return;
    }
    sp->out = aipm_grow(sp->out, &sp->cap, sp->n + 1, sizeof(*sp->out));
    sp->out[sp->n++] = (aipm_sentence){block, (uint32_t)s, (uint32_t)e};
}

/* Length of a closing quote or bracket at t[i] (n bytes in all), or 0. */
static size_t closer_len(const char *t, size_t i, size_t n) {
    unsigned char c = (unsigned char)t[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') {
        return 1;
    }
    if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xBB) {
        return 2; /* » */
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x99 || (unsigned char)t[i + 2] == 0x9D)) {
        return 3; /* ’ ” */
    }
    return 0;
}

/* Whether the word ending just before the '.' at t[dot] is a known abbreviation. */
static bool is_abbreviation(const char *t, size_t start, size_t dot) {
    size_t w = dot;
    while (w > start && (aipm_ascii_is_alpha((unsigned char)t[w - 1]) || t[w - 1] == '.')) {
        w--;
    }
    size_t len = dot - w;
    if (len == 0 || len > 8) {
        return false;
    }
    for (size_t i = 0; i < AIPM_ARRAY_LEN(abbreviations); i++) {
        const char *a = abbreviations[i].text;
        if (abbreviations[i].len != len) {
            continue;
        }
        size_t k = 0;
        while (k < len && aipm_ascii_tolower((unsigned char)t[w + k]) == a[k]) {
            k++;
        }
        if (k == len) {
            return true;
        }
    }
    return false;
}

static bool is_terminator(int c) {
    return c == '.' || c == '!' || c == '?';
}

/* Whether any of the eight bytes at 't' is a terminator. */
static bool has_terminator8(const char *t) {
    uint64_t w;
    memcpy(&w, t, 8);
    return aipm_ascii_zero_byte(w ^ (AIPM_ASCII_ONES * '.')) |
           aipm_ascii_zero_byte(w ^ (AIPM_ASCII_ONES * '!')) |
           aipm_ascii_zero_byte(w ^ (AIPM_ASCII_ONES * '?'));
}

static void split_prose(splitter *sp, uint32_t block, const char *t, size_t n) {
    size_t start = 0, i = 0;
    while (i < n) {
        while (i + 8 <= n && !has_terminator8(t + i)) {
            i += 8; /* no terminator in these eight bytes */
        }
        if (i >= n) {
            break;
        }
        if (!is_terminator((unsigned char)t[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && is_terminator((unsigned char)t[j])) {
            j++;
        }
        bool single_dot = j - i == 1 && t[i] == '.';
        size_t c;
        while (j < n && (c = closer_len(t, j, n)) > 0) {
            j += c;
        }
        if (j < n && is_space_byte((unsigned char)t[j])) {
            size_t k = j;
            while (k < n && is_space_byte((unsigned char)t[k])) {
                k++;
            }
            bool ends = k == n || !aipm_ascii_is_lower((unsigned char)t[k]);
            if (ends && single_dot && is_abbreviation(t, start, i)) {
                ends = false;
            }
            if (ends) {
                add(sp, block, t, start, j);
                start = k;
            }
        }
        i = j;
    }
    add(sp, block, t, start, n);
}

void aipm_doc_split_sentences(aipm_doc *doc) {
    splitter sp = {NULL, 0, 0};
    /* room for two sentences a block before the array has to grow */
    sp.out = aipm_grow(NULL, &sp.cap, (size_t)doc->n_blocks * 2, sizeof(*sp.out));
    for (uint32_t b = 0; b < doc->n_blocks; b++) {
        aipm_block *blk = &doc->blocks[b];
        blk->first_sentence = (uint32_t)sp.n;
        if (blk->type == AIPM_BLOCK_HEADING || blk->type == AIPM_BLOCK_TABLE_ROW) {
            add(&sp, b, blk->text, 0, blk->len);
        } else if (blk->type & AIPM_BLOCK_PROSE) {
            split_prose(&sp, b, blk->text, blk->len);
        }
        blk->n_sentences = (uint32_t)sp.n - blk->first_sentence;
    }
    if (sp.n) {
        doc->sentences = aipm_arena_alloc_uninit(&doc->arena, sp.n * sizeof(*doc->sentences));
        memcpy(doc->sentences, sp.out, sp.n * sizeof(*sp.out));
    } else {
        doc->sentences = aipm_arena_calloc(&doc->arena, 1, sizeof(*doc->sentences));
    }
    doc->n_sentences = (uint32_t)sp.n;
    doc->has_sentences = true;
    free(sp.out);
}
