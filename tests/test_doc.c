/*
 * test_doc: the read side of the document model (doc.c): byte offset to
 * line:col, and the names of kinds and block types.
 */
#include "test.h"

#include <stdio.h>

#include "doc.h"
#include "mem.h"
#include "utf8.h"

static aipm_doc *build_n(const char *src, size_t len) {
    aipm_error err = AIPM_ERROR_INIT;
    aipm_doc *doc = aipm_doc_build("t.md", src, len, NULL, &err);
    assert_non_null(doc);
    return doc;
}

static const char *pos(const aipm_doc *doc, size_t off, char *buf) {
    uint32_t line, col;
    aipm_doc_position(doc, off, &line, &col);
    snprintf(buf, 32, "%u:%u", line, col);
    return buf;
}

#define POS(doc, off, expect)                                                                      \
    do {                                                                                           \
        char buf_[32];                                                                             \
        assert_string_equal(pos((doc), (off), buf_), (expect));                                    \
    } while (0)

static void test_doc_position_lines(void **state) {
    (void)state;
    aipm_doc *d = build_n("ab\ncd\r\nef\rgh", 12);
    assert_int_equal(d->n_lines, 4);
    POS(d, 0, "1:1");
    POS(d, 1, "1:2");
    POS(d, 2, "1:3"); /* the '\n': just past the line's last character */
    POS(d, 3, "2:1");
    POS(d, 5, "2:3"); /* the '\r' of '\r\n' */
    POS(d, 6, "2:3"); /* its '\n' */
    POS(d, 7, "3:1");
    POS(d, 9, "3:3"); /* a lone '\r' */
    POS(d, 10, "4:1");
    POS(d, 12, "4:3"); /* the end of the source */
    POS(d, 999, "4:3");
    aipm_doc_free(d);

    /* a final newline does not open an empty line */
    d = build_n("ab\n", 3);
    assert_int_equal(d->n_lines, 1);
    POS(d, 3, "1:3");
    aipm_doc_free(d);
}

static void test_doc_position_columns(void **state) {
    (void)state;
    /* BOM not counted; tab one column; é and the emoji one each; invalid bytes one each */
    const char src[] = "\xef\xbb\xbf\tA\xc3\xa9\xf0\x9f\x98\x80x\xff\xfey\n\xef\xbb\xbfz";
    aipm_doc *d = build_n(src, sizeof(src) - 1);
    POS(d, 0, "1:1");
    POS(d, 3, "1:1");  /* the tab */
    POS(d, 4, "1:2");  /* A */
    POS(d, 5, "1:3");  /* é */
    POS(d, 7, "1:4");  /* the emoji */
    POS(d, 11, "1:5"); /* x */
    POS(d, 12, "1:6"); /* 0xff */
    POS(d, 13, "1:7"); /* 0xfe */
    POS(d, 14, "1:8"); /* y */
    POS(d, 16, "2:1");
    POS(d, 19, "2:2"); /* a BOM on line 2 is a character */
    assert_int_equal(d->invalid_utf8_line, 1);
    aipm_doc_free(d);
}

/* Columns on very long lines come from the marks; check them against a plain count. */
static void test_doc_position_long_lines(void **state) {
    (void)state;
    static const char *const pieces[] = {"a",        "\xc3\xa9", "\xf0\x9f\x98\x80", "\xff",
                                         "\xe2\x82", "\t",       "\xe2\x82\xac"};
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, "first line\n");
    size_t line2 = b.len;
    unsigned seed = 7;
    while (b.len < line2 + 20000) {
        seed = seed * 1103515245u + 12345u;
        aipm_buf_puts(&b, pieces[(seed >> 16) % AIPM_ARRAY_LEN(pieces)]);
    }
    aipm_buf_puts(&b, "\nlast");
    aipm_doc *d = build_n(b.ptr, b.len);
    assert_non_null(d->col_marks);
    size_t off = line2, cps = 0;
    size_t end = strchr(b.ptr + line2, '\n') - b.ptr;
    while (off <= end) {
        uint32_t line, col;
        aipm_doc_position(d, off, &line, &col);
        assert_int_equal(line, 2);
        assert_int_equal(col, cps + 1);
        size_t adv = 1;
        if (off < end) {
            aipm_utf8_decode(b.ptr + off, end - off, &adv);
        }
        off += adv;
        cps++;
    }
    POS(d, end + 1, "3:1");
    aipm_doc_free(d);
    aipm_buf_release(&b);
}

static void test_doc_kind_names(void **state) {
    (void)state;
    assert_string_equal(aipm_kind_name(AIPM_KIND_OTHER), "other");
    assert_string_equal(aipm_kind_name(AIPM_KIND_VISION), "vision");
    assert_string_equal(aipm_kind_name(AIPM_KIND_PRD), "prd");
    assert_string_equal(aipm_kind_name(AIPM_KIND_ONEPAGER), "onepager");
    assert_string_equal(aipm_kind_name(AIPM_KIND_SPEC), "spec");
    static const struct {
        const char *name;
        aipm_kind kind;
    } cases[] = {
        {"vision", AIPM_KIND_VISION},
        {"Vision", AIPM_KIND_VISION},
        {"prd", AIPM_KIND_PRD},
        {"PRD", AIPM_KIND_PRD},
        {"product requirements", AIPM_KIND_PRD},
        {"Product-Requirements-Document", AIPM_KIND_PRD},
        {"product_requirements", AIPM_KIND_PRD},
        {"onepager", AIPM_KIND_ONEPAGER},
        {"one-pager", AIPM_KIND_ONEPAGER},
        {"One Pager", AIPM_KIND_ONEPAGER},
        {"spec", AIPM_KIND_SPEC},
        {"Specification", AIPM_KIND_SPEC},
        {"RFC", AIPM_KIND_SPEC},
        {"design doc", AIPM_KIND_SPEC},
        {"  design -- doc ", AIPM_KIND_SPEC},
        {"other", AIPM_KIND_OTHER},
        {"", AIPM_KIND_COUNT},
        {"prds and specs", AIPM_KIND_COUNT},
        {"visionary", AIPM_KIND_COUNT},
        {"a very long name that is longer than any accepted spelling", AIPM_KIND_COUNT},
    };
    for (size_t i = 0; i < AIPM_ARRAY_LEN(cases); i++) {
        assert_int_equal(aipm_kind_parse(cases[i].name), cases[i].kind);
    }
    assert_int_equal(aipm_kind_parse(NULL), AIPM_KIND_COUNT);
}

static void test_doc_block_type_names(void **state) {
    (void)state;
    static const struct {
        const char *name;
        aipm_block_type type;
    } cases[] = {
        {"paragraph", AIPM_BLOCK_PARAGRAPH}, {"heading", AIPM_BLOCK_HEADING},
        {"list-item", AIPM_BLOCK_LIST_ITEM}, {"block-quote", AIPM_BLOCK_BLOCK_QUOTE},
        {"table-row", AIPM_BLOCK_TABLE_ROW}, {"code", AIPM_BLOCK_CODE},
        {"html", AIPM_BLOCK_HTML},
    };
    for (size_t i = 0; i < AIPM_ARRAY_LEN(cases); i++) {
        assert_string_equal(aipm_block_type_name(cases[i].type), cases[i].name);
        assert_int_equal(aipm_block_type_parse(cases[i].name), cases[i].type);
    }
    assert_int_equal(aipm_block_type_parse("list_item"), 0);
    assert_int_equal(aipm_block_type_parse(NULL), 0);
    assert_string_equal(aipm_block_type_name(AIPM_BLOCK_PROSE), "unknown");
}

static void test_doc_free_null(void **state) {
    (void)state;
    aipm_doc_free(NULL);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_position_lines),      cmocka_unit_test(test_doc_position_columns),
        cmocka_unit_test(test_doc_position_long_lines), cmocka_unit_test(test_doc_kind_names),
        cmocka_unit_test(test_doc_block_type_names),    cmocka_unit_test(test_doc_free_null),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
