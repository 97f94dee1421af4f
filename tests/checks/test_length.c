/*
 * test_length: the 'length' check kind (words and sentences per unit).
 */
#include "test.h"

#include "check_test.h"

#define HEAD                                                                                       \
    "rules:\n"                                                                                     \
    "  - id: t.len\n"                                                                              \
    "    summary: s\n"                                                                             \
    "    message: 'length {count}, limit {limit}'\n"                                               \
    "    check: length\n"

/* ---- parse errors ---- */

static void test_length_needs_a_bound(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    scope: block\n"),
          "rules.yaml:2:5: error: rule 't.len': check 'length' needs 'max-words', 'min-words', "
          "'max-sentences' or 'min-sentences'\n");
}

static void test_length_bad_values(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    max-words: -5\n"),
          "rules.yaml:6:16: error: 'max-words' must be a whole number, not a string\n");
    CT_EQ(ct_load_error(HEAD "    max-sentences: {a: 1}\n"),
          "rules.yaml:6:20: error: 'max-sentences' must be a whole number, not a mapping\n");
    CT_EQ(ct_load_error(HEAD "    max-words: 5\n    min-words: 10\n"),
          "rules.yaml:7:16: error: 'min-words' (10) must not exceed 'max-words' (5)\n");
}

/* ---- what it reports ---- */

static void test_length_max_words(void **state) {
    (void)state;
    const char *rules = HEAD "    max-words: 5\n";
    CT_EQ(ct_lint(rules, "One two three four five.\n"
                         "\n"
                         "One two three four five six,\n"
                         "seven.\n"),
          "3:1-3:29 warning: length 7, limit 5\n");
}

static void test_length_min_words_section(void **state) {
    (void)state;
    const char *rules = HEAD "    scope: {sections: '(?i)^vision$', unit: section}\n"
                             "    min-words: 6\n";
    /* the heading's own word counts: 'Vision' + 4 */
    CT_EQ(ct_lint(rules, "# Doc\n\n## Vision\n\nBe the best tool.\n"),
          "3:4-3:10 warning: length 5, limit 6\n");
    CT_EQ(ct_lint(rules, "# Doc\n\n## Vision\n\nBe the best tool ever.\n"), "");
}

static void test_length_sentences(void **state) {
    (void)state;
    const char *rules = HEAD "    max-sentences: 2\n";
    CT_EQ(ct_lint(rules, "One. Two. Three.\n\nOne. Two.\n"),
          "1:1-1:17 warning: length 3, limit 2\n");
}

static void test_length_min_sentences_and_order(void **state) {
    (void)state;
    /* both dimensions set: the first bound violated is reported, words before sentences */
    const char *rules = HEAD "    max-words: 3\n"
                             "    min-sentences: 2\n";
    CT_EQ(ct_lint(rules, "Short one.\n\nThis one runs long.\n\nGo now. Stop.\n"),
          "1:1-1:11 warning: length 1, limit 2\n"
          "3:1-3:20 warning: length 4, limit 3\n");
}

static void test_length_sentence_unit(void **state) {
    (void)state;
    const char *rules = HEAD "    scope: sentence\n"
                             "    max-words: 4\n";
    CT_EQ(ct_lint(rules, "Keep it short. This sentence is far too long.\n"),
          "1:16-1:46 warning: length 6, limit 4\n");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_length_needs_a_bound),
        cmocka_unit_test(test_length_bad_values),
        cmocka_unit_test(test_length_max_words),
        cmocka_unit_test(test_length_min_words_section),
        cmocka_unit_test(test_length_sentences),
        cmocka_unit_test(test_length_min_sentences_and_order),
        cmocka_unit_test(test_length_sentence_unit),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
