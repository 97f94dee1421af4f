/*
 * test_density: the 'density' check kind (matches per 100 words).
 */
#include "test.h"

#include "check_test.h"

#define HEAD                                                                                       \
    "rules:\n"                                                                                     \
    "  - id: t.dense\n"                                                                            \
    "    summary: s\n"                                                                             \
    "    message: '{count} buzzwords, over {limit} per 100 words'\n"                               \
    "    check: density\n"

/* ---- parse errors ---- */

static void test_density_needs_patterns(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    max: 3\n"),
          "rules.yaml:2:5: error: rule 't.dense': check 'density' needs 'words' or 'patterns'\n");
}

static void test_density_needs_max(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    words: [synergy]\n"),
          "rules.yaml:2:5: error: rule 't.dense': check 'density' needs 'max'\n");
}

static void test_density_bad_values(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    words: [synergy]\n    max: many\n"),
          "rules.yaml:7:10: error: 'max' must be a number, not a string\n");
    CT_EQ(ct_load_error(HEAD "    words: [synergy]\n    max: -2\n"),
          "rules.yaml:7:10: error: 'max' must not be negative\n");
    CT_EQ(ct_load_error(HEAD "    words: [synergy]\n    max: 2\n    min-words: 1.5\n"),
          "rules.yaml:8:16: error: 'min-words' must be a whole number, not a string\n");
    CT_EQ(ct_load_error(HEAD "    patterns: ['+x']\n    max: 2\n"),
          "rules.yaml:6:16: error: invalid pattern '+x': quantifier does not follow a repeatable "
          "item at offset 0\n");
}

/* ---- what it reports ---- */

static void test_density_over_and_under(void **state) {
    (void)state;
    const char *rules = HEAD "    words: [synergy, leverage, holistic]\n"
                             "    max: 20\n";
    /* 2 in 8 words = 25 per 100: reported at the block */
    CT_EQ(ct_lint(rules, "We leverage synergy to grow our small shop.\n"),
          "1:1-1:44 warning: 2 buzzwords, over 20 per 100 words\n");
    /* 2 in 10 words = 20 per 100: not over */
    CT_EQ(ct_lint(rules, "We leverage synergy to grow our small shop this year.\n"), "");
}

static void test_density_each_block(void **state) {
    (void)state;
    const char *rules = HEAD "    words: [synergy]\n"
                             "    patterns: ['\\b\\w+-driven\\b']\n"
                             "    max: 10.4\n";
    /* only the second paragraph is too dense; {limit} is 'max' rounded */
    CT_EQ(ct_lint(rules, "A plain paragraph about synergy with enough words to stay under ten.\n"
                         "\n"
                         "Data-driven synergy.\n"),
          "3:1-3:21 warning: 2 buzzwords, over 10 per 100 words\n");
}

static void test_density_min_words(void **state) {
    (void)state;
    const char *rules = HEAD "    words: [synergy]\n"
                             "    max: 10\n"
                             "    min-words: 5\n";
    CT_EQ(ct_lint(rules, "Synergy wins.\n\nSynergy wins every single time.\n"),
          "3:1-3:32 warning: 1 buzzwords, over 10 per 100 words\n");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_density_needs_patterns),
        cmocka_unit_test(test_density_needs_max),
        cmocka_unit_test(test_density_bad_values),
        cmocka_unit_test(test_density_over_and_under),
        cmocka_unit_test(test_density_each_block),
        cmocka_unit_test(test_density_min_words),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
