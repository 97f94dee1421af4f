/*
 * test_measurable: the 'measurable' check kind, items and missing modes.
 */
#include "test.h"

#include "check_test.h"

#define HEAD                                                                                       \
    "rules:\n"                                                                                     \
    "  - id: t.meas\n"                                                                             \
    "    summary: s\n"                                                                             \
    "    message: '\"{match}\" without a number ({count})'\n"                                      \
    "    check: measurable\n"

#define SUBJECT "    subject: ['(?i)\\b(retention|engagement|latency)\\b']\n"

/* ---- parse errors ---- */

static void test_measurable_needs_subject(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    quantity: ['\\d']\n"),
          "rules.yaml:2:5: error: rule 't.meas': check 'measurable' needs 'subject'\n");
}

static void test_measurable_bad_patterns(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    subject: 'a[b'\n"),
          "rules.yaml:6:14: error: invalid pattern 'a[b': missing terminating ] for character "
          "class at offset 3\n");
    CT_EQ(ct_load_error(HEAD SUBJECT "    quantity: ['\\d', '(']\n"),
          "rules.yaml:7:22: error: invalid pattern '(': missing closing parenthesis at offset "
          "1\n");
    CT_EQ(ct_load_error(HEAD SUBJECT "    quantity: []\n"),
          "rules.yaml:7:15: error: 'quantity' must not be empty\n");
}

static void test_measurable_mode_errors(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD SUBJECT "    mode: some\n"),
          "rules.yaml:7:11: error: 'mode' must be 'items' or 'missing', not 'some'\n");
    CT_EQ(ct_load_error(HEAD SUBJECT "    mode: [items]\n"),
          "rules.yaml:7:11: error: 'mode' must be a string, not a list\n");
}

/* ---- items mode ---- */

static void test_measurable_items(void **state) {
    (void)state;
    const char *md = "## Metrics\n"
                     "\n"
                     "- Improve retention and engagement\n"
                     "- Raise retention from 20% to 30%\n"
                     "- Keep p95 latency low\n"
                     "- Delight users\n"
                     "\n"
                     "| Metric | Target |\n"
                     "| --- | --- |\n"
                     "| Engagement | higher |\n"
                     "| Retention | 40% |\n";
    /* the first subject match of each item with no digit anywhere */
    CT_EQ(ct_lint(HEAD SUBJECT, md), "3:11-3:20 warning: \"retention\" without a number (0)\n"
                                     "10:3-10:13 warning: \"Engagement\" without a number (0)\n");
}

static void test_measurable_sentences_of_paragraphs(void **state) {
    (void)state;
    /* in a paragraph each sentence is an item */
    CT_EQ(ct_lint(HEAD SUBJECT, "We will grow retention. Latency drops to 200 ms.\n"),
          "1:14-1:23 warning: \"retention\" without a number (0)\n");
}

static void test_measurable_custom_quantity(void **state) {
    (void)state;
    const char *rules = HEAD SUBJECT "    quantity: ['\\b(double|halve)\\b']\n";
    CT_EQ(ct_lint(rules, "- double retention\n- retention of 5\n"),
          "2:3-2:12 warning: \"retention\" without a number (0)\n");
}

/* ---- missing mode ---- */

static void test_measurable_missing(void **state) {
    (void)state;
    const char *rules = HEAD SUBJECT "    mode: missing\n"
                                     "    scope: {sections: '(?i)metrics'}\n";
    /* two items name a metric, none with a number: one report at the first unit in scope */
    CT_EQ(ct_lint(rules, "# Plan\n"
                         "\n"
                         "## Metrics\n"
                         "\n"
                         "- Better retention\n"
                         "- More engagement\n"),
          "3:4-3:11 warning: \"\" without a number (2)\n");
    /* one measurable item is enough */
    CT_EQ(ct_lint(rules, "## Metrics\n\n- Better retention\n- Engagement up 5%\n"), "");
    /* a quantity without a subject does not count */
    CT_EQ(ct_lint(rules, "## Metrics\n\n- Better retention\n- 5 more users\n"),
          "1:4-1:11 warning: \"\" without a number (1)\n");
    /* no unit at all: line 1 */
    CT_EQ(ct_lint(rules, "# Plan\n\nRetention up 5%.\n"),
          "1:1-1:1 warning: \"\" without a number (0)\n");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_measurable_needs_subject),
        cmocka_unit_test(test_measurable_bad_patterns),
        cmocka_unit_test(test_measurable_mode_errors),
        cmocka_unit_test(test_measurable_items),
        cmocka_unit_test(test_measurable_sentences_of_paragraphs),
        cmocka_unit_test(test_measurable_custom_quantity),
        cmocka_unit_test(test_measurable_missing),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
