/*
 * test_forbid: the 'forbid' check kind: its keys' errors at their marks, and
 * which matches it reports where.
 */
#include "test.h"

#include "check_test.h"

#define HEAD                                                                                       \
    "rules:\n"                                                                                     \
    "  - id: t.forbid\n"                                                                           \
    "    summary: s\n"                                                                             \
    "    message: 'Avoid \"{match}\"'\n"                                                           \
    "    check: forbid\n"

/* ---- parse errors ---- */

static void test_forbid_needs_words_or_patterns(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    exceptions: ['x']\n"),
          "rules.yaml:2:5: error: rule 't.forbid': check 'forbid' needs 'words' or 'patterns'\n");
    /* with 'ignore-case' and nothing to recompile (a fuzzer found NULL + 0 here) */
    CT_EQ(ct_load_error(HEAD "    ignore-case: true\n"),
          "rules.yaml:2:5: error: rule 't.forbid': check 'forbid' needs 'words' or 'patterns'\n");
}

static void test_forbid_words_wrong_type(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    words: {a: b}\n"),
          "rules.yaml:6:12: error: 'words' must be a string or a list of strings, not a mapping\n");
}

static void test_forbid_bad_pattern(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    patterns:\n"
                             "      - ok\n"
                             "      - 'a(b'\n"),
          "rules.yaml:8:9: error: invalid pattern 'a(b': missing closing parenthesis at offset "
          "3\n");
}

static void test_forbid_bad_exception(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    words: [x]\n"
                             "    exceptions: '[z'\n"),
          "rules.yaml:7:17: error: invalid pattern '[z': missing terminating ] for character "
          "class at offset 2\n");
}

static void test_forbid_ignore_case_wrong_type(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    patterns: ['x']\n"
                             "    ignore-case: maybe\n"),
          "rules.yaml:7:18: error: 'ignore-case' must be true or false, not a string\n");
}

static void test_forbid_unknown_key(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    words: [x]\n"
                             "    exception: ['y']\n"),
          "rules.yaml:7:5: error: unknown key 'exception' in rule 't.forbid' (did you mean "
          "'exceptions'?)\n");
}

/* ---- what it reports ---- */

static void test_forbid_words_whole_and_any_case(void **state) {
    (void)state;
    const char *rules = HEAD "    words: [seamless, best-in-class]\n";
    CT_EQ(ct_lint(rules, "We build a Seamless, best-in-class tool.\n"),
          "1:12-1:20 warning: Avoid \"Seamless\"\n"
          "1:22-1:35 warning: Avoid \"best-in-class\"\n");
    /* part of a longer word is no match */
    CT_EQ(ct_lint(rules, "It works seamlessly with unseamless parts.\n"), "");
}

static void test_forbid_positions_through_markup(void **state) {
    (void)state;
    const char *rules = HEAD "    words: [seamless]\n";
    CT_EQ(ct_lint(rules, "# Vision\n"
                         "\n"
                         "We are **very** [seamless](http://x.test) today,\n"
                         "and *seamless* tomorrow.\n"),
          "3:18-3:26 warning: Avoid \"seamless\"\n"
          "4:6-4:14 warning: Avoid \"seamless\"\n");
}

static void test_forbid_patterns_case(void **state) {
    (void)state;
    const char *md = "Make support better. make it Better.\n";
    CT_EQ(ct_lint(HEAD "    patterns: ['make \\w+ better']\n", md), "");
    CT_EQ(ct_lint(HEAD "    patterns: ['make \\w+ better']\n    ignore-case: true\n", md),
          "1:1-1:20 warning: Avoid \"Make support better\"\n"
          "1:22-1:36 warning: Avoid \"make it Better\"\n");
    CT_EQ(ct_lint(HEAD "    patterns: ['(?i)make \\w+ better']\n", md),
          "1:1-1:20 warning: Avoid \"Make support better\"\n"
          "1:22-1:36 warning: Avoid \"make it Better\"\n");
}

static void test_forbid_exceptions(void **state) {
    (void)state;
    const char *rules = HEAD "    words: [seamless]\n"
                             "    exceptions: ['seamless integration']\n";
    CT_EQ(ct_lint(rules, "A seamless integration and a seamless app.\n"),
          "1:30-1:38 warning: Avoid \"seamless\"\n");
    /* the exception must hold the whole match, in the same block */
    CT_EQ(ct_lint(rules, "It is seamless.\n\nintegration follows.\n"),
          "1:7-1:15 warning: Avoid \"seamless\"\n");
}

static void test_forbid_same_range_once(void **state) {
    (void)state;
    /* the word list and a pattern find the same text: one diagnostic */
    CT_EQ(
        ct_lint(HEAD "    words: [synergy]\n    patterns: ['synergy', 'syn']\n", "Real synergy.\n"),
        "1:6-1:9 warning: Avoid \"syn\"\n"
        "1:6-1:13 warning: Avoid \"synergy\"\n");
}

static void test_forbid_skips_code_and_out_of_scope(void **state) {
    (void)state;
    const char *rules = HEAD "    scope: {sections: '(?i)^vision$'}\n"
                             "    words: [seamless]\n";
    CT_EQ(ct_lint(rules, "seamless intro\n"
                         "\n"
                         "## Vision\n"
                         "\n"
                         "```\n"
                         "seamless code\n"
                         "```\n"
                         "\n"
                         "- a `seamless` span, a seamless item\n"
                         "\n"
                         "## Other\n"
                         "\n"
                         "seamless again\n"),
          "9:24-9:32 warning: Avoid \"seamless\"\n");
}

static void test_forbid_sentence_unit(void **state) {
    (void)state;
    /* every match is found once whatever the unit */
    CT_EQ(ct_lint(HEAD "    scope: sentence\n    words: [fast]\n",
                  "It is fast. Fast and fast again.\n"),
          "1:7-1:11 warning: Avoid \"fast\"\n"
          "1:13-1:17 warning: Avoid \"Fast\"\n"
          "1:22-1:26 warning: Avoid \"fast\"\n");
}

static void test_forbid_overlapping_units_once(void **state) {
    (void)state;
    /* without 'sections', every section is a unit, nested ones too: each match once */
    CT_EQ(ct_lint(HEAD "    scope: {unit: section}\n    words: [seamless]\n",
                  "# A\n\n## B seamless\n\nStill seamless.\n"),
          "3:6-3:14 warning: Avoid \"seamless\"\n"
          "5:7-5:15 warning: Avoid \"seamless\"\n");
}

static void test_forbid_columns_count_code_points(void **state) {
    (void)state;
    CT_EQ(ct_lint(HEAD "    words: [seamless]\n", "Über-café → seamless.\n"),
          "1:13-1:21 warning: Avoid \"seamless\"\n");
}

static void test_forbid_empty_matches_ignored(void **state) {
    (void)state;
    CT_EQ(ct_lint(HEAD "    patterns: ['x*']\n", "a xx b\n"), "1:3-1:5 warning: Avoid \"xx\"\n");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forbid_needs_words_or_patterns),
        cmocka_unit_test(test_forbid_words_wrong_type),
        cmocka_unit_test(test_forbid_bad_pattern),
        cmocka_unit_test(test_forbid_bad_exception),
        cmocka_unit_test(test_forbid_ignore_case_wrong_type),
        cmocka_unit_test(test_forbid_unknown_key),
        cmocka_unit_test(test_forbid_words_whole_and_any_case),
        cmocka_unit_test(test_forbid_positions_through_markup),
        cmocka_unit_test(test_forbid_patterns_case),
        cmocka_unit_test(test_forbid_exceptions),
        cmocka_unit_test(test_forbid_same_range_once),
        cmocka_unit_test(test_forbid_skips_code_and_out_of_scope),
        cmocka_unit_test(test_forbid_sentence_unit),
        cmocka_unit_test(test_forbid_overlapping_units_once),
        cmocka_unit_test(test_forbid_columns_count_code_points),
        cmocka_unit_test(test_forbid_empty_matches_ignored),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
