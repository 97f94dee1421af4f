/*
 * test_doc_build: the document model built from Markdown (doc_build.c):
 * blocks, their plain text and the exact source line:col of text bytes,
 * tables, front matter, sections, and very deep or very long input.
 *
 * Positions are checked through AT(doc, block, needle, "line:col"): the
 * first occurrence of 'needle' in the block's text, mapped through src[] and
 * aipm_doc_position.
 */
#include "test.h"

#include <stdio.h>

#include "doc.h"
#include "mem.h"

static aipm_doc *build(const char *src) {
    aipm_doc_opts opts = {false, AIPM_KIND_COUNT, AIPM_KIND_COUNT};
    aipm_error err = AIPM_ERROR_INIT;
    aipm_doc *doc = aipm_doc_build("t.md", src, strlen(src), &opts, &err);
    assert_non_null(doc);
    assert_false(err.set);
    return doc;
}

static const char *fmt_pos(const aipm_doc *doc, uint32_t off, char *buf) {
    uint32_t line, col;
    aipm_doc_position(doc, off, &line, &col);
    snprintf(buf, 32, "%u:%u", line, col);
    return buf;
}

/* "line:col" of the first 'needle' in the text of block 'b' ("?" if absent). */
static const char *where(const aipm_doc *doc, uint32_t b, const char *needle, char *buf) {
    assert_true(b < doc->n_blocks);
    const char *hit = strstr(doc->blocks[b].text, needle);
    if (!hit) {
        return "?";
    }
    return fmt_pos(doc, aipm_block_src(&doc->blocks[b], (uint32_t)(hit - doc->blocks[b].text)),
                   buf);
}

#define AT(doc, b, needle, expect)                                                                 \
    do {                                                                                           \
        char buf_[32];                                                                             \
        assert_string_equal(where((doc), (b), (needle), buf_), (expect));                          \
    } while (0)

/* "line:col" of text offset 'k' of block 'b' (k == len: the end). */
#define AT_OFF(doc, b, k, expect)                                                                  \
    do {                                                                                           \
        char buf_[32];                                                                             \
        assert_string_equal(fmt_pos((doc), (doc)->blocks[b].src[k], buf_), (expect));              \
    } while (0)

#define END(doc, b, expect) AT_OFF(doc, b, (doc)->blocks[b].len, expect)

/* ---- blocks and inline text ---- */

static void test_doc_build_heading_paragraph(void **state) {
    (void)state;
    aipm_doc *d = build("# Title *x*\n\nHello **bold** world.\n");
    assert_int_equal(d->n_blocks, 2);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_HEADING);
    assert_int_equal(d->blocks[0].level, 1);
    assert_string_equal(d->blocks[0].text, "Title x");
    AT(d, 0, "x", "1:10");
    assert_int_equal(d->blocks[1].type, AIPM_BLOCK_PARAGRAPH);
    assert_string_equal(d->blocks[1].text, "Hello bold world.");
    assert_int_equal(d->blocks[1].len, 17);
    assert_int_equal(d->blocks[1].line, 3);
    assert_int_equal(d->blocks[1].end_line, 3);
    AT(d, 1, "Hello", "3:1");
    AT(d, 1, "bold", "3:9");
    AT(d, 1, "world", "3:16");
    END(d, 1, "3:22");
    assert_int_equal(d->blocks[1].item, AIPM_NONE);
    assert_int_equal(d->blocks[1].table, AIPM_NONE);
    assert_string_equal(d->title, "Title x");
    assert_int_equal(d->n_lines, 3);
    aipm_doc_free(d);
}

static void test_doc_build_links_images(void **state) {
    (void)state;
    aipm_doc *d = build("See [the *docs*](http://x.io \"T\") and ![alt text](i.png) now.\n");
    assert_string_equal(d->blocks[0].text, "See the docs and alt text now.");
    AT(d, 0, "the", "1:6");
    AT(d, 0, "docs", "1:11");
    AT(d, 0, "and", "1:35");
    AT(d, 0, "alt text", "1:41");
    AT(d, 0, "now", "1:58");
    END(d, 0, "1:62");
    aipm_doc_free(d);
}

static void test_doc_build_code_spans(void **state) {
    (void)state;
    /* a code span is one space mapped to its opening backtick */
    aipm_doc *d = build("Use `a|b` or ``x ` y`` here.\n");
    assert_string_equal(d->blocks[0].text, "Use   or   here.");
    AT_OFF(d, 0, 4, "1:5");
    AT(d, 0, "or", "1:11");
    AT_OFF(d, 0, 9, "1:14");
    AT_OFF(d, 0, 10, "1:23");
    AT(d, 0, "here", "1:24");
    aipm_doc_free(d);

    /* a trailing code span ends the text just past its closing backticks */
    d = build("ends with `code`\n");
    assert_string_equal(d->blocks[0].text, "ends with  ");
    AT_OFF(d, 0, 10, "1:11");
    END(d, 0, "1:17");
    aipm_doc_free(d);
}

static void test_doc_build_entities(void **state) {
    (void)state;
    aipm_doc *d = build("Caf&eacute; &amp; bar &#233;t&#xE9; x &copy&nope; y\n");
    assert_string_equal(d->blocks[0].text, "Caf\xc3\xa9 & bar \xc3\xa9t\xc3\xa9 x &copy&nope; y");
    /* every byte of a decoded entity maps to its '&' */
    AT_OFF(d, 0, 3, "1:4");
    AT_OFF(d, 0, 4, "1:4");
    AT(d, 0, "& ", "1:13");
    AT(d, 0, "bar", "1:19");
    AT(d, 0, "t\xc3\xa9", "1:29");
    AT(d, 0, "x", "1:37");
    /* '&copy' without ';' and the unknown '&nope;' stay literal text */
    AT(d, 0, "&copy", "1:39");
    AT(d, 0, "&nope;", "1:44");
    AT(d, 0, " y", "1:50");
    END(d, 0, "1:52");
    aipm_doc_free(d);

    /* '&amp;amp;' is '&' then 'amp;' */
    d = build("a &amp;amp; b\n");
    assert_string_equal(d->blocks[0].text, "a &amp; b");
    AT(d, 0, "&", "1:3");
    AT(d, 0, "amp;", "1:8");
    aipm_doc_free(d);
}

static void test_doc_build_backslash_escapes(void **state) {
    (void)state;
    aipm_doc *d = build("\\*not emph\\* and \\\\ done \\a\n");
    assert_string_equal(d->blocks[0].text, "*not emph* and \\ done \\a");
    AT(d, 0, "*not", "1:2");
    AT(d, 0, "not", "1:3");
    AT(d, 0, "* and", "1:12");
    AT(d, 0, "and", "1:14");
    AT(d, 0, "\\ done", "1:19");
    AT(d, 0, "done", "1:21");
    AT(d, 0, "\\a", "1:26"); /* not an escape: the backslash is text */
    aipm_doc_free(d);
}

static void test_doc_build_line_endings(void **state) {
    (void)state;
    /* CRLF: the break's space maps to the '\r' */
    aipm_doc *d = build("# A\r\n\r\nline one\r\nline *two*\r\n");
    assert_int_equal(d->n_lines, 4);
    assert_string_equal(d->blocks[1].text, "line one line two");
    AT_OFF(d, 1, 8, "3:9");
    AT(d, 1, "two", "4:7");
    END(d, 1, "4:10");
    assert_int_equal(d->blocks[1].line, 3);
    assert_int_equal(d->blocks[1].end_line, 4);
    aipm_doc_free(d);

    /* a lone CR ends a line too */
    d = build("para one\rpara *two*\r\rnext\r");
    assert_int_equal(d->n_lines, 4);
    assert_int_equal(d->n_blocks, 2);
    assert_string_equal(d->blocks[0].text, "para one para two");
    AT(d, 0, "two", "2:7");
    AT(d, 1, "next", "4:1");
    aipm_doc_free(d);

    /* hard breaks: trailing spaces and a backslash */
    d = build("a  \nb\\\nc *d*\n");
    assert_string_equal(d->blocks[0].text, "a b c d");
    AT_OFF(d, 0, 1, "1:4");
    AT(d, 0, "b", "2:1");
    AT_OFF(d, 0, 3, "2:3");
    AT(d, 0, "c", "3:1");
    AT(d, 0, "d", "3:4");
    aipm_doc_free(d);
}

static void test_doc_build_tabs(void **state) {
    (void)state;
    /* tab-led lazy continuation lines: cmark's own columns are wrong here */
    aipm_doc *d = build("> quote\n\tlazy *x*\n\npara\n\t\tmore *e* f\n\n- a\tb *c*\n");
    assert_string_equal(d->blocks[0].text, "quote lazy x");
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_BLOCK_QUOTE);
    AT(d, 0, "lazy", "2:2");
    AT(d, 0, "x", "2:8");
    assert_string_equal(d->blocks[1].text, "para more e f");
    AT(d, 1, "more", "5:3");
    AT(d, 1, "e f", "5:9");
    AT(d, 1, "f", "5:12");
    assert_string_equal(d->blocks[2].text, "a\tb c");
    AT(d, 2, "b", "7:5");
    AT(d, 2, "c", "7:8");
    aipm_doc_free(d);
}

static void test_doc_build_utf8(void **state) {
    (void)state;
    /* columns count code points: 'é' and an emoji are one each */
    aipm_doc *d = build("# Caf\xc3\xa9 \xf0\x9f\x98\x80 *go*\n\n\xc3\xa9t\xc3\xa9 **x**\n");
    AT(d, 0, "go", "1:11");
    END(d, 0, "1:13");
    AT(d, 1, "t", "3:2");
    AT(d, 1, "x", "3:7");
    assert_int_equal(d->invalid_utf8_line, 0);
    aipm_doc_free(d);

    /* invalid bytes count one column each and do not shift what follows */
    d = build("ok\n\na \xff\xfe *b* c\xc3\n");
    assert_int_equal(d->invalid_utf8_line, 3);
    assert_string_equal(d->blocks[1].text, "a \xff\xfe b c\xc3");
    AT(d, 1, "\xff", "3:3");
    AT(d, 1, "\xfe", "3:4");
    AT(d, 1, "b", "3:7");
    AT(d, 1, "c", "3:10");
    AT(d, 1, "\xc3", "3:11");
    END(d, 1, "3:12");
    aipm_doc_free(d);
}

static void test_doc_build_html_inline_and_autolinks(void **state) {
    (void)state;
    aipm_doc *d = build("a <span title=\"b\">b</span> c <https://x.io> d\n");
    assert_string_equal(d->blocks[0].text, "a b c https://x.io d");
    AT(d, 0, "b c", "1:19");
    AT(d, 0, "c ", "1:28");
    AT(d, 0, "https", "1:31");
    AT(d, 0, "d", "1:45");
    aipm_doc_free(d);

    /* a link reference definition is not text; the paragraph starts after it */
    d = build("[r]: http://x\nafter *this*\n");
    assert_int_equal(d->n_blocks, 1);
    assert_string_equal(d->blocks[0].text, "after this");
    assert_int_equal(d->blocks[0].line, 2);
    AT(d, 0, "this", "2:8");
    aipm_doc_free(d);
}

static void test_doc_build_nul_bytes(void **state) {
    (void)state;
    /* cmark turns each NUL into U+FFFD (3 bytes), so its columns run ahead */
    char src[64];
    for (int i = 0; i < 10; i++) {
        memcpy(src + 5 * i, "*a*\0 ", 5);
    }
    memcpy(src + 50, "end\n", 4);
    aipm_error err = AIPM_ERROR_INIT;
    aipm_doc *d = aipm_doc_build("t.md", src, 54, NULL, &err);
    assert_non_null(d);
    assert_int_equal(d->blocks[0].len, 10 * 5 + 3);
    for (uint32_t i = 0; i < 10; i++) {
        char expect[16];
        snprintf(expect, sizeof(expect), "1:%u", 2 + 5 * i);
        AT_OFF(d, 0, 5 * i, expect); /* a */
        snprintf(expect, sizeof(expect), "1:%u", 4 + 5 * i);
        AT_OFF(d, 0, 5 * i + 1, expect); /* U+FFFD -> the NUL */
    }
    AT(d, 0, "end", "1:51");
    aipm_doc_free(d);
}

/* ---- containers ---- */

static void test_doc_build_list_items(void **state) {
    (void)state;
    aipm_doc *d = build("- one\n- two\n  still two\n\n  second para\n- \n- three\n");
    assert_int_equal(d->n_blocks, 4); /* the empty item makes no block */
    for (uint32_t i = 0; i < 4; i++) {
        assert_int_equal(d->blocks[i].type, AIPM_BLOCK_LIST_ITEM);
        assert_int_equal(d->blocks[i].level, 1);
    }
    assert_string_equal(d->blocks[1].text, "two still two");
    assert_string_equal(d->blocks[2].text, "second para");
    /* the item id is the index of the item's first block */
    assert_int_equal(d->blocks[0].item, 0);
    assert_int_equal(d->blocks[1].item, 1);
    assert_int_equal(d->blocks[2].item, 1);
    assert_int_equal(d->blocks[3].item, 3);
    AT(d, 0, "one", "1:3");
    AT(d, 1, "still", "3:3");
    AT(d, 2, "second", "5:3");
    AT(d, 3, "three", "7:3");
    assert_int_equal(d->blocks[1].line, 2);
    assert_int_equal(d->blocks[1].end_line, 3);
    aipm_doc_free(d);
}

static void test_doc_build_nested_lists(void **state) {
    (void)state;
    aipm_doc *d = build("1. top\n   - mid\n     - deep *x*\n\n       after deep\n   - mid2\n");
    assert_int_equal(d->n_blocks, 5);
    assert_int_equal(d->blocks[0].level, 1);
    assert_int_equal(d->blocks[1].level, 2);
    assert_int_equal(d->blocks[2].level, 3);
    assert_int_equal(d->blocks[3].level, 3);
    assert_int_equal(d->blocks[4].level, 2);
    assert_int_equal(d->blocks[2].item, d->blocks[3].item);
    assert_int_not_equal(d->blocks[1].item, d->blocks[4].item);
    AT(d, 2, "deep", "3:8");
    AT(d, 2, "x", "3:14");
    AT(d, 3, "after", "5:8");
    AT(d, 4, "mid2", "6:6");
    aipm_doc_free(d);
}

static void test_doc_build_block_quotes(void **state) {
    (void)state;
    aipm_doc *d = build("> a *b*\n> > c\n\n> - in list\n\n- > in quote\n\n>     code\n");
    assert_int_equal(d->n_blocks, 5);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_BLOCK_QUOTE);
    AT(d, 0, "b", "1:6");
    assert_int_equal(d->blocks[1].type, AIPM_BLOCK_BLOCK_QUOTE);
    AT(d, 1, "c", "2:5");
    /* the innermost container decides */
    assert_int_equal(d->blocks[2].type, AIPM_BLOCK_LIST_ITEM);
    assert_int_equal(d->blocks[2].level, 1);
    AT(d, 2, "list", "4:8");
    assert_int_equal(d->blocks[3].type, AIPM_BLOCK_BLOCK_QUOTE);
    assert_int_equal(d->blocks[3].item, AIPM_NONE);
    assert_int_equal(d->blocks[3].level, 0);
    AT(d, 3, "quote", "6:8");
    assert_int_equal(d->blocks[4].type, AIPM_BLOCK_CODE);
    assert_string_equal(d->blocks[4].text, "code\n");
    AT(d, 4, "code", "8:7");
    aipm_doc_free(d);
}

static void test_doc_build_code_html_blocks(void **state) {
    (void)state;
    aipm_doc *d =
        build("```py\nx = 1\n```\n\n    indented\n\n<div>\nhi\n</div>\n\n> ```\n> code\n");
    assert_int_equal(d->n_blocks, 4);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_CODE);
    assert_string_equal(d->blocks[0].text, "x = 1\n");
    assert_int_equal(d->blocks[0].line, 1);
    assert_int_equal(d->blocks[0].end_line, 3);
    AT(d, 0, "1", "2:5");
    assert_string_equal(d->blocks[1].text, "indented\n");
    assert_int_equal(d->blocks[1].line, 5);
    assert_int_equal(d->blocks[1].end_line, 5);
    AT(d, 1, "indented", "5:5");
    assert_int_equal(d->blocks[2].type, AIPM_BLOCK_HTML);
    assert_string_equal(d->blocks[2].text, "<div>\nhi\n</div>\n");
    assert_int_equal(d->blocks[2].line, 7);
    assert_int_equal(d->blocks[2].end_line, 9);
    AT(d, 2, "hi", "8:1");
    AT(d, 2, "</div>", "9:1");
    assert_string_equal(d->blocks[3].text, "code\n");
    AT(d, 3, "code", "12:3");
    aipm_doc_free(d);
}

static void test_doc_build_headings(void **state) {
    (void)state;
    aipm_doc *d = build("Title *here*\n===\n\n## Sub ##\n\nSecond\nline\n---\n#\n");
    assert_int_equal(d->n_blocks, 4);
    assert_string_equal(d->blocks[0].text, "Title here");
    assert_int_equal(d->blocks[0].level, 1);
    assert_int_equal(d->blocks[0].line, 1);
    assert_int_equal(d->blocks[0].end_line, 2);
    AT(d, 0, "here", "1:8");
    assert_string_equal(d->blocks[1].text, "Sub");
    assert_int_equal(d->blocks[1].level, 2);
    AT(d, 1, "Sub", "4:4");
    assert_string_equal(d->blocks[2].text, "Second line");
    assert_int_equal(d->blocks[2].level, 2);
    assert_int_equal(d->blocks[2].line, 6);
    assert_int_equal(d->blocks[2].end_line, 8);
    AT(d, 2, "line", "7:1");
    assert_int_equal(d->blocks[3].len, 0); /* an empty heading */
    assert_string_equal(d->title, "Title here");
    aipm_doc_free(d);
}

/* ---- tables ---- */

static void test_doc_build_table(void **state) {
    (void)state;
    aipm_doc *d = build("Intro *text*\n"
                        "| Name | Value |\n"
                        "|:-----|------:|\n"
                        "| *a* | b \\| c |\n"
                        "| `x|y` | \xc3\xa9 |\n");
    assert_int_equal(d->n_blocks, 4);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_PARAGRAPH);
    assert_string_equal(d->blocks[0].text, "Intro text");
    assert_int_equal(d->blocks[0].end_line, 1);
    END(d, 0, "1:13");

    const aipm_block *h = &d->blocks[1];
    assert_int_equal(h->type, AIPM_BLOCK_TABLE_ROW);
    assert_true(h->header_row);
    assert_int_equal(h->table, 1);
    assert_int_equal(h->line, 2);
    assert_string_equal(h->text, "Name | Value");
    assert_int_equal(h->n_cells, 2);
    assert_int_equal(h->cells[0].start, 0);
    assert_int_equal(h->cells[0].end, 4);
    assert_int_equal(h->cells[1].start, 7);
    assert_int_equal(h->cells[1].end, 12);
    AT(d, 1, "Name", "2:3");
    AT(d, 1, " | ", "2:8"); /* the separator maps to the pipe */
    AT(d, 1, "Value", "2:10");
    END(d, 1, "2:15");

    const aipm_block *r = &d->blocks[2];
    assert_false(r->header_row);
    assert_int_equal(r->table, 1);
    assert_int_equal(r->line, 4);
    assert_string_equal(r->text, "a | b | c"); /* the escaped pipe is cell text */
    assert_int_equal(r->n_cells, 2);
    assert_int_equal(r->cells[1].start, 4);
    assert_int_equal(r->cells[1].end, 9);
    AT(d, 2, "a", "4:4");
    AT_OFF(d, 2, 6, "4:12");
    AT(d, 2, "c", "4:14");

    /* a pipe inside a code span does not split; the span is one space */
    r = &d->blocks[3];
    assert_int_equal(r->n_cells, 2);
    assert_string_equal(r->text, "  | \xc3\xa9");
    assert_int_equal(r->cells[0].start, 0);
    assert_int_equal(r->cells[0].end, 1);
    AT_OFF(d, 3, 0, "5:3");
    AT(d, 3, "\xc3\xa9", "5:11");
    aipm_doc_free(d);
}

static void test_doc_build_table_in_containers(void **state) {
    (void)state;
    aipm_doc *d = build("- item\n  | h1 | h2 |\n  | -- | -- |\n  | c1 | c2 |\n\n"
                        "> a | b\n> --|--\n> 1 | 2\n");
    assert_int_equal(d->n_blocks, 5);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_LIST_ITEM);
    assert_string_equal(d->blocks[0].text, "item");
    assert_int_equal(d->blocks[1].type, AIPM_BLOCK_TABLE_ROW);
    assert_true(d->blocks[1].header_row);
    assert_string_equal(d->blocks[2].text, "c1 | c2");
    assert_int_equal(d->blocks[2].table, 1);
    AT(d, 2, "c2", "4:10");
    assert_string_equal(d->blocks[3].text, "a | b");
    assert_true(d->blocks[3].header_row);
    assert_int_equal(d->blocks[3].table, 3);
    assert_string_equal(d->blocks[4].text, "1 | 2");
    AT(d, 4, "2", "8:7");
    assert_int_equal(d->blocks[4].line, 8);
    aipm_doc_free(d);
}

static void test_doc_build_not_tables(void **state) {
    (void)state;
    /* header and delimiter cell counts differ: a plain paragraph */
    aipm_doc *d = build("a | b | c\n--|--\n");
    assert_int_equal(d->n_blocks, 1);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_PARAGRAPH);
    assert_string_equal(d->blocks[0].text, "a | b | c --|--");
    aipm_doc_free(d);

    /* no pipe in the delimiter line: cmark's setext heading */
    d = build("a | b\n---\n");
    assert_int_equal(d->n_blocks, 1);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_HEADING);
    aipm_doc_free(d);

    /* an escaped pipe does not make a delimiter row */
    d = build("a \\| b\n--\\|--\n");
    assert_int_equal(d->n_blocks, 1);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_PARAGRAPH);
    aipm_doc_free(d);
}

/* ---- front matter ---- */

static void test_doc_build_front_matter(void **state) {
    (void)state;
    const char *src = "\xef\xbb\xbf---  \r\n"
                      "title: My Doc\r\n"
                      "type: PRD\r\n"
                      "...\r\n"
                      "# Heading \xc3\xa9 *x*\r\n";
    aipm_doc *d = build(src);
    assert_non_null(d->front_matter);
    assert_int_equal(d->body_start, strstr(src, "# Heading") - src);
    assert_string_equal(d->title, "My Doc");
    assert_int_equal(d->kind, AIPM_KIND_PRD);
    assert_int_equal(d->n_blocks, 1);
    AT(d, 0, "Heading", "5:3");
    AT(d, 0, "x", "5:14");
    aipm_doc_free(d);

    /* YAML comments are not headings; positions below are file lines */
    d = build("---\n# a comment\nkind: vision\n---\ntext *here*\n");
    assert_int_equal(d->n_blocks, 1);
    assert_int_equal(d->kind, AIPM_KIND_VISION);
    AT(d, 0, "here", "5:7");
    assert_null(d->title);
    aipm_doc_free(d);
}

static void test_doc_build_front_matter_errors(void **state) {
    (void)state;
    const char *src = "---\ntitle: ok\nlist: [unclosed\n---\n# H\n";
    aipm_error err = AIPM_ERROR_INIT;
    aipm_doc *d = aipm_doc_build("docs/a.md", src, strlen(src), NULL, &err);
    assert_null(d);
    assert_true(err.set);
    assert_string_equal(err.path, "docs/a.md");
    assert_int_equal(err.line, 4);
    assert_int_equal(err.col, 1);
    aipm_error_release(&err);

    /* a scalar is not front matter: the lines stay Markdown */
    d = build("---\nJust text\n---\n# H\n");
    assert_null(d->front_matter);
    assert_int_equal(d->body_start, 0);
    assert_int_equal(d->n_blocks, 2);
    assert_string_equal(d->blocks[0].text, "Just text");
    assert_int_equal(d->blocks[0].level, 2);
    aipm_doc_free(d);

    /* never closed: not front matter */
    d = build("---\ntitle: x\n");
    assert_null(d->front_matter);
    assert_int_equal(d->n_blocks, 1);
    assert_string_equal(d->blocks[0].text, "title: x");
    aipm_doc_free(d);
}

/* ---- sections ---- */

static void test_doc_build_sections(void **state) {
    (void)state;
    aipm_doc *d = build("intro\n\n# A\n\npara\n\n## B\n\n### C\n\ntext\n\n## D\n\n# E\n");
    assert_int_equal(d->n_blocks, 8);
    assert_int_equal(d->n_sections, 6);
    const aipm_section *s = d->sections;
    assert_int_equal(s[0].level, 0);
    assert_int_equal(s[0].parent, AIPM_NONE);
    assert_int_equal(s[0].heading, AIPM_NONE);
    assert_string_equal(s[0].title, "");
    assert_int_equal(s[0].first_block, 0);
    assert_int_equal(s[0].end_block, 8);
    /* A: blocks 1..6, B nested in A, C in B, D in A, E beside A */
    static const uint32_t want[6][5] = {
        /* level, parent, heading, first, end */
        {0, AIPM_NONE, AIPM_NONE, 0, 8},
        {1, 0, 1, 1, 7},
        {2, 1, 3, 3, 6},
        {3, 2, 4, 4, 6},
        {2, 1, 6, 6, 7},
        {1, 0, 7, 7, 8},
    };
    for (uint32_t i = 0; i < 6; i++) {
        assert_int_equal(s[i].level, want[i][0]);
        assert_int_equal(s[i].parent, want[i][1]);
        assert_int_equal(s[i].heading, want[i][2]);
        assert_int_equal(s[i].first_block, want[i][3]);
        assert_int_equal(s[i].end_block, want[i][4]);
    }
    assert_string_equal(s[3].title, "C");
    static const uint32_t block_section[8] = {0, 1, 1, 2, 3, 3, 4, 5};
    for (uint32_t i = 0; i < 8; i++) {
        assert_int_equal(d->blocks[i].section, block_section[i]);
    }
    assert_string_equal(d->title, "A");
    aipm_doc_free(d);
}

static void test_doc_build_empty(void **state) {
    (void)state;
    aipm_doc *d = build("");
    assert_int_equal(d->n_blocks, 0);
    assert_int_equal(d->n_sections, 1);
    assert_int_equal(d->sections[0].end_block, 0);
    assert_int_equal(d->n_lines, 1);
    assert_null(d->title);
    assert_int_equal(d->kind, AIPM_KIND_OTHER);
    aipm_doc_free(d);

    d = build("\n\n   \n");
    assert_int_equal(d->n_blocks, 0);
    assert_int_equal(d->n_lines, 3);
    aipm_doc_free(d);
}

/* ---- robustness ---- */

static aipm_doc *build_n(const char *src, size_t len) {
    aipm_error err = AIPM_ERROR_INIT;
    aipm_doc *doc = aipm_doc_build("big.md", src, len, NULL, &err);
    assert_non_null(doc);
    return doc;
}

static void test_doc_build_deep_nesting(void **state) {
    (void)state;
    const size_t depth = 50000;
    char *src = aipm_xmalloc(depth * 2 + 16);
    for (size_t i = 0; i < depth; i++) {
        memcpy(src + 2 * i, "> ", 2);
    }
    strcpy(src + depth * 2, "deep *x*\n");
    aipm_doc *d = build_n(src, strlen(src));
    assert_int_equal(d->n_blocks, 1);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_BLOCK_QUOTE);
    assert_string_equal(d->blocks[0].text, "deep x");
    AT(d, 0, "x", "1:100007");
    aipm_doc_free(d);

    for (size_t i = 0; i < depth; i++) {
        memcpy(src + 2 * i, "- ", 2);
    }
    d = build_n(src, strlen(src));
    assert_int_equal(d->n_blocks, 1);
    assert_int_equal(d->blocks[0].type, AIPM_BLOCK_LIST_ITEM);
    assert_int_equal(d->blocks[0].level, depth);
    AT(d, 0, "x", "1:100007");
    aipm_doc_free(d);
    free(src);
}

static void test_doc_build_long_line(void **state) {
    (void)state;
    /* 2 MB on one line, markup everywhere: positions stay exact to the end */
    const char *unit = "w\xc3\xa9 *e* `c` &amp; \\* [l](u) ";
    size_t ulen = strlen(unit), n = 2000000 / ulen;
    char *src = aipm_xmalloc(n * ulen + 16);
    for (size_t i = 0; i < n; i++) {
        memcpy(src + i * ulen, unit, ulen);
    }
    strcpy(src + n * ulen, "END\n");
    aipm_doc *d = build_n(src, strlen(src));
    assert_int_equal(d->n_blocks, 1);
    /* each unit is 27 code points and 14 text bytes */
    assert_int_equal(d->blocks[0].len, n * 14 + 3);
    char expect[32];
    snprintf(expect, sizeof(expect), "1:%zu", n * 27 + 1);
    AT(d, 0, "END", expect);
    snprintf(expect, sizeof(expect), "1:%zu", (n - 1) * 27 + 12);
    AT_OFF(d, 0, (uint32_t)((n - 1) * 14 + 8), expect); /* the last '&' */
    aipm_doc_free(d);
    free(src);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_build_heading_paragraph),
        cmocka_unit_test(test_doc_build_links_images),
        cmocka_unit_test(test_doc_build_code_spans),
        cmocka_unit_test(test_doc_build_entities),
        cmocka_unit_test(test_doc_build_backslash_escapes),
        cmocka_unit_test(test_doc_build_line_endings),
        cmocka_unit_test(test_doc_build_tabs),
        cmocka_unit_test(test_doc_build_utf8),
        cmocka_unit_test(test_doc_build_html_inline_and_autolinks),
        cmocka_unit_test(test_doc_build_nul_bytes),
        cmocka_unit_test(test_doc_build_list_items),
        cmocka_unit_test(test_doc_build_nested_lists),
        cmocka_unit_test(test_doc_build_block_quotes),
        cmocka_unit_test(test_doc_build_code_html_blocks),
        cmocka_unit_test(test_doc_build_headings),
        cmocka_unit_test(test_doc_build_table),
        cmocka_unit_test(test_doc_build_table_in_containers),
        cmocka_unit_test(test_doc_build_not_tables),
        cmocka_unit_test(test_doc_build_front_matter),
        cmocka_unit_test(test_doc_build_front_matter_errors),
        cmocka_unit_test(test_doc_build_sections),
        cmocka_unit_test(test_doc_build_empty),
        cmocka_unit_test(test_doc_build_deep_nesting),
        cmocka_unit_test(test_doc_build_long_line),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
