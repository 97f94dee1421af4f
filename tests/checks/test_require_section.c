/*
 * test_require_section: the 'require-section' check kind.
 */
#include "test.h"

#include "check_test.h"

#define HEAD                                                                                       \
    "rules:\n"                                                                                     \
    "  - id: t.sec\n"                                                                              \
    "    summary: s\n"                                                                             \
    "    message: 'no metrics section ({count}/{limit})'\n"                                        \
    "    check: require-section\n"

/* ---- parse errors ---- */

static void test_require_section_needs_heading(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    min-words: 3\n"),
          "rules.yaml:2:5: error: rule 't.sec': check 'require-section' needs 'heading'\n");
}

static void test_require_section_bad_heading(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    heading: ['metrics', 'kpi(s']\n"),
          "rules.yaml:6:26: error: invalid pattern 'kpi(s': missing closing parenthesis at "
          "offset 5\n");
    CT_EQ(ct_load_error(HEAD "    heading: {a: b}\n"),
          "rules.yaml:6:14: error: 'heading' must be a string or a list of strings, not a "
          "mapping\n");
}

static void test_require_section_min_words_wrong_type(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    heading: metrics\n    min-words: lots\n"),
          "rules.yaml:7:16: error: 'min-words' must be a whole number, not a string\n");
}

/* ---- what it reports ---- */

static void test_require_section_present(void **state) {
    (void)state;
    const char *rules = HEAD "    heading: ['success (metrics|criteria)', '^kpis?$']\n";
    CT_EQ(ct_lint(rules, "# Plan\n\nText.\n\n## Success Metrics\n\nRetention.\n"), "");
    CT_EQ(ct_lint(rules, "# Plan\n\n### KPIs\n"), "");
}

static void test_require_section_absent(void **state) {
    (void)state;
    const char *rules = HEAD "    heading: ['success (metrics|criteria)', '^kpis?$']\n";
    /* reported at the document's first block in scope */
    CT_EQ(ct_lint(rules, "# Plan\n\nOur KPIs are many.\n\n## Goals\n"),
          "1:3-1:7 warning: no metrics section (0/0)\n");
    /* a document with no prose at all: line 1 */
    CT_EQ(ct_lint(rules, "```\ncode\n```\n"), "1:1-1:1 warning: no metrics section (0/0)\n");
}

static void test_require_section_case(void **state) {
    (void)state;
    const char *md = "# Plan\n\n## SUCCESS METRICS\n\nText.\n";
    CT_EQ(ct_lint(HEAD "    heading: 'success metrics'\n", md), "");
    CT_EQ(ct_lint(HEAD "    heading: 'success metrics'\n    ignore-case: false\n", md),
          "1:3-1:7 warning: no metrics section (0/0)\n");
}

static void test_require_section_min_words(void **state) {
    (void)state;
    const char *rules = HEAD "    heading: metrics\n"
                             "    min-words: 4\n";
    /* a heading with too little below it counts as absent: reported at that heading */
    CT_EQ(ct_lint(rules, "# Plan\n\n## Metrics\n\nTo be done.\n\n## Risks\n\nMany risks here.\n"),
          "3:4-3:11 warning: no metrics section (3/4)\n");
    /* subsections count towards it, their headings do not */
    CT_EQ(ct_lint(rules, "# Plan\n\n## Metrics\n\nTo do.\n\n### Model quality\n\n- recall\n"),
          "3:4-3:11 warning: no metrics section (3/4)\n");
    CT_EQ(ct_lint(rules, "# Plan\n\n## Metrics\n\nTo do.\n\n### Model\n\n- recall above 90%\n"),
          "");
    /* a second matching section with enough words is fine */
    CT_EQ(ct_lint(rules, "## Metrics\n\nTBD.\n\n## Business metrics\n\nCost per ticket falls.\n"),
          "");
}

static void test_require_section_section_units(void **state) {
    (void)state;
    /* each selected section needs a subsection; its own heading does not count */
    const char *rules = HEAD "    scope: {sections: '(?i)^metrics', unit: section}\n"
                             "    heading: baseline\n";
    CT_EQ(ct_lint(rules, "# Doc\n"
                         "\n"
                         "## Metrics baseline\n"
                         "\n"
                         "Text.\n"
                         "\n"
                         "## Metrics two\n"
                         "\n"
                         "### Baseline\n"
                         "\n"
                         "Text.\n"),
          "3:4-3:20 warning: no metrics section (0/0)\n");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_require_section_needs_heading),
        cmocka_unit_test(test_require_section_bad_heading),
        cmocka_unit_test(test_require_section_min_words_wrong_type),
        cmocka_unit_test(test_require_section_present),
        cmocka_unit_test(test_require_section_absent),
        cmocka_unit_test(test_require_section_case),
        cmocka_unit_test(test_require_section_min_words),
        cmocka_unit_test(test_require_section_section_units),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
