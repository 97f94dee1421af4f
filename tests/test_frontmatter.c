/*
 * test_frontmatter: finding and parsing the leading YAML block (frontmatter.c).
 */
#include "test.h"

#include "frontmatter.h"

static bool find(const char *src, aipm_frontmatter *fm) {
    return aipm_frontmatter_find(src, strlen(src), fm);
}

static void test_frontmatter_find(void **state) {
    (void)state;
    aipm_frontmatter fm;
    const char *src = "---\na: 1\nb: 2\n---\n# Body\n";
    assert_true(find(src, &fm));
    assert_int_equal(fm.yaml_start, 4);
    assert_int_equal(fm.yaml_end, 14);
    assert_int_equal(fm.end, 18);
    assert_int_equal(fm.end_line, 4);

    /* BOM, trailing blanks, '...' close, CRLF */
    src = "\xef\xbb\xbf---  \t\r\na: 1\r\n...  \r\nbody";
    assert_true(find(src, &fm));
    assert_int_equal(fm.yaml_start, 11);
    assert_int_equal(fm.yaml_end, 17);
    assert_int_equal(fm.end, 24);
    assert_int_equal(fm.end_line, 3);

    /* lone CR line endings; closing line at the end of the file */
    src = "---\ra: 1\r---";
    assert_true(find(src, &fm));
    assert_int_equal(fm.yaml_start, 4);
    assert_int_equal(fm.yaml_end, 9);
    assert_int_equal(fm.end, 12);

    /* empty block */
    assert_true(find("---\n---\n", &fm));
    assert_int_equal(fm.yaml_start, fm.yaml_end);
}

static void test_frontmatter_find_none(void **state) {
    (void)state;
    aipm_frontmatter fm;
    assert_false(find("", &fm));
    assert_false(find("---", &fm));         /* nothing after the opening line */
    assert_false(find("---\na: 1\n", &fm)); /* never closed */
    assert_false(find("----\na: 1\n---\n", &fm));
    assert_false(find("--- x\na: 1\n---\n", &fm));
    assert_false(find(" ---\na: 1\n---\n", &fm));
    assert_false(find("\n---\na: 1\n---\n", &fm));
    assert_false(find("---\na: 1\n--- x\n----\n", &fm));
}

static int parse(const char *src, aipm_yaml_node **out, aipm_error *err) {
    aipm_frontmatter fm;
    assert_true(find(src, &fm));
    return aipm_frontmatter_parse("doc.md", src, &fm, out, err);
}

static void test_frontmatter_parse(void **state) {
    (void)state;
    aipm_yaml_node *fm = NULL;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(parse("---\ntitle: Checkout\ntype: prd\ntags: [a]\naipm-lint:\n  off: true\n"
                           "empty:\n---\n",
                           &fm, &err),
                     1);
    assert_non_null(fm);
    assert_string_equal(aipm_frontmatter_str(fm, "title"), "Checkout");
    assert_string_equal(aipm_frontmatter_str(fm, "type"), "prd");
    assert_null(aipm_frontmatter_str(fm, "tags"));  /* not a scalar */
    assert_null(aipm_frontmatter_str(fm, "empty")); /* null */
    assert_null(aipm_frontmatter_str(fm, "missing"));
    const aipm_yaml_node *settings = aipm_frontmatter_settings(fm);
    assert_non_null(settings);
    assert_int_equal(settings->n, 1);
    /* marks are file lines */
    assert_int_equal(aipm_yaml_get(fm, "type")->line, 3);
    assert_int_equal(aipm_yaml_get(fm, "type")->col, 7);
    aipm_yaml_free(fm);

    assert_null(aipm_frontmatter_str(NULL, "title"));
    assert_null(aipm_frontmatter_settings(NULL));
}

static void test_frontmatter_parse_not_mapping(void **state) {
    (void)state;
    aipm_yaml_node *fm = (aipm_yaml_node *)&fm; /* must be reset */
    aipm_error err = AIPM_ERROR_INIT;
    /* empty and comment-only blocks are empty front matter */
    assert_int_equal(parse("---\n---\n", &fm, &err), 1);
    assert_null(fm);
    assert_int_equal(parse("---\n# just a comment\n---\n", &fm, &err), 1);
    assert_null(fm);
    assert_int_equal(parse("---\n~\n---\n", &fm, &err), 1);
    assert_null(fm);
    /* a scalar or a list is not front matter */
    assert_int_equal(parse("---\nJust a line of text\n---\n", &fm, &err), 0);
    assert_null(fm);
    assert_int_equal(parse("---\n- a\n- b\n---\n", &fm, &err), 0);
    assert_null(fm);
    assert_false(err.set);
}

static void test_frontmatter_parse_errors(void **state) {
    (void)state;
    aipm_yaml_node *fm = NULL;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(parse("---\ntitle: a\ntitle: b\n---\n", &fm, &err), -1);
    assert_null(fm);
    assert_true(err.set);
    assert_string_equal(err.path, "doc.md");
    assert_int_equal(err.line, 3);
    assert_int_equal(err.col, 1);
    aipm_error_release(&err);

    assert_int_equal(parse("---\na: 1\n  b: 2\n---\n", &fm, &err), -1);
    assert_int_equal(err.line, 3);
    aipm_error_release(&err);

    /* an error already set is kept */
    aipm_error_set(&err, "first.md", 1, 1, "first");
    assert_int_equal(parse("---\na: [\n---\n", &fm, &err), -1);
    assert_string_equal(err.msg, "first");
    aipm_error_release(&err);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frontmatter_find),
        cmocka_unit_test(test_frontmatter_find_none),
        cmocka_unit_test(test_frontmatter_parse),
        cmocka_unit_test(test_frontmatter_parse_not_mapping),
        cmocka_unit_test(test_frontmatter_parse_errors),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
