/*
 * test_require: the 'require' check kind, counted and groups modes.
 */
#include "test.h"

#include "check_test.h"

#define HEAD                                                                                       \
    "rules:\n"                                                                                     \
    "  - id: t.req\n"                                                                              \
    "    summary: s\n"                                                                             \
    "    message: 'found {count} of {limit}; missing [{missing}]'\n"                               \
    "    check: require\n"

/* ---- parse errors ---- */

static void test_require_needs_something(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    min: 2\n"),
          "rules.yaml:2:5: error: rule 't.req': check 'require' needs 'patterns', 'words' or "
          "'groups'\n");
}

static void test_require_min_wrong_type(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    patterns: x\n    min: -1\n"),
          "rules.yaml:7:10: error: 'min' must be a whole number, not a string\n");
    CT_EQ(ct_load_error(HEAD "    patterns: x\n    min: [1]\n"),
          "rules.yaml:7:10: error: 'min' must be a whole number, not a list\n");
}

static void test_require_bad_pattern(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    patterns: ['\\d+(']\n"),
          "rules.yaml:6:16: error: invalid pattern '\\d+(': missing closing parenthesis at "
          "offset 4\n");
}

static void test_require_groups_errors(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    groups: [a, b]\n"),
          "rules.yaml:6:13: error: 'groups' must be a mapping, not a list\n");
    CT_EQ(ct_load_error(HEAD "    groups:\n"
                             "      who: ['(x']\n"),
          "rules.yaml:7:13: error: invalid pattern '(x': missing closing parenthesis at offset "
          "2\n");
    CT_EQ(ct_load_error(HEAD "    groups:\n"
                             "      who: {a: b}\n"),
          "rules.yaml:7:12: error: 'who' must be a string or a list of strings, not a mapping\n");
    CT_EQ(ct_load_error(HEAD "    groups:\n"
                             "      who: []\n"),
          "rules.yaml:7:7: error: group 'who' in 'groups' needs at least one pattern\n");
    CT_EQ(ct_load_error(HEAD "    groups: {a: x, b: y}\n    min-groups: 3\n"),
          "rules.yaml:7:17: error: 'min-groups' must be at most 2, not 3\n");
    CT_EQ(ct_load_error(HEAD "    groups: {a: x}\n    patterns: y\n"),
          "rules.yaml:6:13: error: rule 't.req': check 'require' takes 'groups' or 'patterns' "
          "and 'words', not both\n");
    CT_EQ(ct_load_error(HEAD "    groups: {a: x}\n    min: 1\n"),
          "rules.yaml:7:10: error: rule 't.req': 'min' counts matches of 'patterns' and "
          "'words'; with 'groups' use 'min-groups'\n");
    CT_EQ(ct_load_error(HEAD "    patterns: x\n    min-groups: 1\n"),
          "rules.yaml:7:17: error: rule 't.req': 'min-groups' needs 'groups'\n");
    CT_EQ(ct_load_error(HEAD "    patterns: x\n    skip-empty: 2\n"),
          "rules.yaml:7:17: error: 'skip-empty' must be true or false, not a string\n");
}

/* ---- counted mode ---- */

static void test_require_counts_patterns_and_words(void **state) {
    (void)state;
    const char *rules = HEAD "    patterns: ['\\d+%']\n"
                             "    words: [baseline]\n"
                             "    min: 3\n";
    const char *md = "# Goals\n\nRaise retention from 20% to 30%.\n";
    /* two matches of three: reported at the document's first block in scope */
    CT_EQ(ct_lint(rules, md), "1:3-1:8 warning: found 2 of 3; missing []\n");
    CT_EQ(ct_lint(rules, "# Goals\n\nFrom the baseline of 20% to 30%.\n"), "");
}

static void test_require_default_min_is_one(void **state) {
    (void)state;
    const char *rules = HEAD "    words: [persona]\n";
    CT_EQ(ct_lint(rules, "Intro text.\n\nMore text.\n"),
          "1:1-1:12 warning: found 0 of 1; missing []\n");
    CT_EQ(ct_lint(rules, "Intro text.\n\nOur persona is Pat.\n"), "");
}

static void test_require_empty_document_scope(void **state) {
    (void)state;
    const char *rules = HEAD "    scope: {sections: '(?i)audience'}\n"
                             "    words: [persona]\n";
    /* nothing in scope: line 1 */
    CT_EQ(ct_lint(rules, "# Plan\n\nText.\n"), "1:1-1:1 warning: found 0 of 1; missing []\n");
    /* with skip-empty, a unit with nothing in scope is fine */
    CT_EQ(ct_lint(HEAD "    scope: {sections: '(?i)audience'}\n"
                       "    words: [persona]\n"
                       "    skip-empty: true\n",
                  "# Plan\n\nText.\n"),
          "");
}

static void test_require_section_units(void **state) {
    (void)state;
    const char *rules = HEAD "    scope: {sections: '(?i)^metric', unit: section}\n"
                             "    patterns: ['\\d']\n";
    CT_EQ(ct_lint(rules, "# Doc\n"
                         "\n"
                         "## Metrics A\n"
                         "\n"
                         "Retention up 5 points.\n"
                         "\n"
                         "## Metrics B\n"
                         "\n"
                         "Engagement up.\n"),
          "7:4-7:13 warning: found 0 of 1; missing []\n");
}

/* ---- groups mode ---- */

static void test_require_groups(void **state) {
    (void)state;
    const char *rules = HEAD "    groups:\n"
                             "      who: ['(?i)\\b(merchants?|agents?)\\b']\n"
                             "      what: ['\\bfaster\\b', '\\bfewer\\b']\n"
                             "      when: '\\bby Q[1-4]\\b'\n";
    CT_EQ(ct_lint(rules, "# Vision\n\nMerchants get answers faster.\n"),
          "1:3-1:9 warning: found 2 of 3; missing [when]\n");
    CT_EQ(ct_lint(rules, "# Vision\n\nWe make support better.\n"),
          "1:3-1:9 warning: found 0 of 3; missing [who, what, when]\n");
    CT_EQ(ct_lint(rules, "# Vision\n\nAgents see fewer tickets by Q3.\n"), "");
}

static void test_require_min_groups(void **state) {
    (void)state;
    const char *rules = HEAD "    groups:\n"
                             "      who: (?i)merchants?\n"
                             "      what: faster\n"
                             "      when: 'by Q\\d'\n"
                             "    min-groups: 2\n";
    CT_EQ(ct_lint(rules, "Merchants get answers faster.\n"), "");
    CT_EQ(ct_lint(rules, "Merchants get answers.\n"),
          "1:1-1:23 warning: found 1 of 2; missing [what, when]\n");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_require_needs_something),
        cmocka_unit_test(test_require_min_wrong_type),
        cmocka_unit_test(test_require_bad_pattern),
        cmocka_unit_test(test_require_groups_errors),
        cmocka_unit_test(test_require_counts_patterns_and_words),
        cmocka_unit_test(test_require_default_min_is_one),
        cmocka_unit_test(test_require_empty_document_scope),
        cmocka_unit_test(test_require_section_units),
        cmocka_unit_test(test_require_groups),
        cmocka_unit_test(test_require_min_groups),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
