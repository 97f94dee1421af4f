/*
 * test_scope: parsing a rule's 'scope:': the unit shorthand, the mapping
 * form (sections, not-sections, blocks, unit), and every error at its mark.
 */
#include "test.h"

#include "doc.h"
#include "error.h"
#include "pattern.h"
#include "scope.h"
#include "yaml.h"

/* Parse "scope: <text>" and run aipm_scope_parse on it. */
static int parse(const char *yaml, aipm_scope *out, aipm_error *err) {
    aipm_yaml_node *root = aipm_yaml_parse("r.yaml", yaml, strlen(yaml), 0, err);
    assert_non_null(root);
    const aipm_yaml_node *node = aipm_yaml_get(root, "scope");
    assert_non_null(node);
    int rc = aipm_scope_parse(node, "r.yaml", out, err);
    aipm_yaml_free(root);
    return rc;
}

static void test_scope_unit_shorthand(void **state) {
    (void)state;
    static const struct {
        const char *yaml;
        aipm_unit_type unit;
    } cases[] = {
        {"scope: document\n", AIPM_UNIT_DOCUMENT}, {"scope: section\n", AIPM_UNIT_SECTION},
        {"scope: block\n", AIPM_UNIT_BLOCK},       {"scope: sentence\n", AIPM_UNIT_SENTENCE},
        {"scope: item\n", AIPM_UNIT_ITEM},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        aipm_scope s;
        aipm_error err = AIPM_ERROR_INIT;
        assert_int_equal(parse(cases[i].yaml, &s, &err), 0);
        assert_int_equal(s.unit, cases[i].unit);
        assert_null(s.sections);
        assert_null(s.not_sections);
        assert_int_equal(s.blocks, 0);
        assert_int_equal(strncmp(cases[i].yaml + strlen("scope: "), aipm_unit_name(s.unit),
                                 strlen(aipm_unit_name(s.unit))),
                         0);
        aipm_scope_release(&s);
    }
}

static void test_scope_unit_names(void **state) {
    (void)state;
    assert_string_equal(aipm_unit_name(AIPM_UNIT_DEFAULT), "default");
    assert_string_equal(aipm_unit_name(AIPM_UNIT_DOCUMENT), "document");
    assert_string_equal(aipm_unit_name(AIPM_UNIT_SECTION), "section");
    assert_string_equal(aipm_unit_name(AIPM_UNIT_BLOCK), "block");
    assert_string_equal(aipm_unit_name(AIPM_UNIT_SENTENCE), "sentence");
    assert_string_equal(aipm_unit_name(AIPM_UNIT_ITEM), "item");
}

static void test_scope_mapping(void **state) {
    (void)state;
    aipm_scope s;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(parse("scope:\n"
                           "  sections: '(?i)vision|mission'\n"
                           "  not-sections: '(?i)appendix'\n"
                           "  blocks: [paragraph, list-item]\n"
                           "  unit: block\n",
                           &s, &err),
                     0);
    assert_non_null(s.sections);
    assert_string_equal(aipm_pattern_source(s.sections), "(?i)vision|mission");
    assert_non_null(s.not_sections);
    assert_string_equal(aipm_pattern_source(s.not_sections), "(?i)appendix");
    assert_int_equal(s.blocks, AIPM_BLOCK_PARAGRAPH | AIPM_BLOCK_LIST_ITEM);
    assert_int_equal(s.unit, AIPM_UNIT_BLOCK);
    aipm_scope_release(&s);
    assert_null(s.sections);
    assert_int_equal(s.unit, AIPM_UNIT_DEFAULT);

    /* a single block type as a scalar; unit left to the check kind */
    assert_int_equal(parse("scope:\n  blocks: table-row\n", &s, &err), 0);
    assert_int_equal(s.blocks, AIPM_BLOCK_TABLE_ROW);
    assert_int_equal(s.unit, AIPM_UNIT_DEFAULT);
    aipm_scope_release(&s);
}

static void test_scope_errors(void **state) {
    (void)state;
    static const struct {
        const char *yaml;
        const char *want; /* exact formatted error */
    } cases[] = {
        {"scope: paragraph\n", "r.yaml:1:8: error: unknown unit 'paragraph' (expected document, "
                               "section, block, sentence or item)\n"},
        {"scope:\n  unit: page\n", "r.yaml:2:9: error: unknown unit 'page' (expected document, "
                                   "section, block, sentence or item)\n"},
        {"scope:\n  blocks: [paragraph, footnote]\n",
         "r.yaml:2:23: error: unknown block type 'footnote' (expected paragraph, heading, "
         "list-item, block-quote, table-row, code or html)\n"},
        {"scope:\n  sections: '(unclosed'\n", NULL},
        {"scope:\n  unit: block\n  sectoins: x\n", NULL},
        {"scope: [a, b]\n", NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        aipm_scope s;
        aipm_error err = AIPM_ERROR_INIT;
        assert_int_equal(parse(cases[i].yaml, &s, &err), -1);
        assert_true(err.set);
        aipm_buf b = AIPM_BUF_INIT;
        aipm_error_format(&err, &b);
        if (cases[i].want) {
            assert_string_equal(b.ptr, cases[i].want);
        } else {
            assert_non_null(strstr(b.ptr, "r.yaml:"));
        }
        /* nothing is left allocated after a failure */
        assert_null(s.sections);
        assert_null(s.not_sections);
        aipm_buf_release(&b);
        aipm_error_release(&err);
    }
}

static void test_scope_unknown_key_names_it(void **state) {
    (void)state;
    aipm_scope s;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(parse("scope:\n  sectoins: x\n", &s, &err), -1);
    assert_non_null(strstr(err.msg, "sectoins"));
    assert_int_equal(err.line, 2);
    aipm_error_release(&err);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scope_unit_shorthand),
        cmocka_unit_test(test_scope_unit_names),
        cmocka_unit_test(test_scope_mapping),
        cmocka_unit_test(test_scope_errors),
        cmocka_unit_test(test_scope_unknown_key_names_it),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
