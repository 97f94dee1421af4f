/*
 * test_substitute: the 'substitute' check kind: errors in 'swap' at their
 * marks, whole-word and case handling, overlap resolution, suggestions.
 */
#include "test.h"

#include "check_test.h"

#define HEAD                                                                                       \
    "rules:\n"                                                                                     \
    "  - id: t.sub\n"                                                                              \
    "    summary: s\n"                                                                             \
    "    message: 'Use \"{suggestion}\", not \"{match}\"'\n"                                       \
    "    check: substitute\n"

/* ---- parse errors ---- */

static void test_substitute_needs_swap(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    exceptions: x\n"),
          "rules.yaml:2:5: error: rule 't.sub': check 'substitute' needs 'swap'\n");
}

static void test_substitute_swap_wrong_type(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    swap: [utilize, use]\n"),
          "rules.yaml:6:11: error: 'swap' must be a mapping, not a list\n");
    CT_EQ(ct_load_error(HEAD "    swap: {}\n"),
          "rules.yaml:6:11: error: 'swap' must not be empty\n");
}

static void test_substitute_replacement_wrong_type(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    swap:\n"
                             "      utilize: use\n"
                             "      leverage: [use, apply]\n"),
          "rules.yaml:8:17: error: 'swap' must be a string, not a list\n");
}

static void test_substitute_bad_key_pattern(void **state) {
    (void)state;
    /* the error shows the key as written, with its own offsets */
    CT_EQ(ct_load_error(HEAD "    swap:\n"
                             "      utilize: use\n"
                             "      'leverag(e|ing': use\n"),
          "rules.yaml:8:7: error: invalid pattern 'leverag(e|ing': missing closing parenthesis at "
          "offset 13\n");
}

static void test_substitute_ignore_case_wrong_type(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    swap: {a: b}\n    ignore-case: 1\n"),
          "rules.yaml:7:18: error: 'ignore-case' must be true or false, not a string\n");
}

/* ---- what it reports ---- */

static void test_substitute_suggests(void **state) {
    (void)state;
    const char *rules = HEAD "    swap:\n"
                             "      utili[sz]e: use\n"
                             "      in order to: to\n";
    CT_EQ(ct_lint(rules, "We Utilize data in order to learn; reutilize is a word.\n"),
          "1:4-1:11 warning: Use \"use\", not \"Utilize\" => use\n"
          "1:17-1:28 warning: Use \"to\", not \"in order to\" => to\n");
}

static void test_substitute_case_sensitive(void **state) {
    (void)state;
    const char *rules = HEAD "    swap: {AI: artificial intelligence}\n"
                             "    ignore-case: false\n";
    CT_EQ(ct_lint(rules, "Said AI, not ai, nor Ai.\n"),
          "1:6-1:8 warning: Use \"artificial intelligence\", not \"AI\" => artificial "
          "intelligence\n");
}

static void test_substitute_earliest_then_longest(void **state) {
    (void)state;
    const char *rules = HEAD "    swap:\n"
                             "      order: sequence\n"
                             "      in order: so\n"
                             "      in order to: to\n";
    /* 'in order to' starts first and is longest: it wins, 'order' inside it is not reported */
    CT_EQ(ct_lint(rules, "Act in order to win, then order more.\n"),
          "1:5-1:16 warning: Use \"to\", not \"in order to\" => to\n"
          "1:27-1:32 warning: Use \"sequence\", not \"order\" => sequence\n");
}

static void test_substitute_exceptions(void **state) {
    (void)state;
    const char *rules = HEAD "    swap: {leverage: use}\n"
                             "    exceptions: ['leverage ratio']\n";
    CT_EQ(ct_lint(rules, "The leverage ratio is low; leverage it.\n"),
          "1:28-1:36 warning: Use \"use\", not \"leverage\" => use\n");
}

static void test_substitute_across_lines(void **state) {
    (void)state;
    CT_EQ(ct_lint(HEAD "    swap: {'in\\s+order\\s+to': to}\n", "We ship in\norder to learn.\n"),
          "1:9-2:9 warning: Use \"to\", not \"in order to\" => to\n");
}

static void test_substitute_overlapping_units_once(void **state) {
    (void)state;
    CT_EQ(ct_lint(HEAD "    scope: {unit: section}\n    swap: {utilize: use}\n",
                  "# A\n\n## B\n\nWe utilize it.\n"),
          "5:4-5:11 warning: Use \"use\", not \"utilize\" => use\n");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_substitute_needs_swap),
        cmocka_unit_test(test_substitute_swap_wrong_type),
        cmocka_unit_test(test_substitute_replacement_wrong_type),
        cmocka_unit_test(test_substitute_bad_key_pattern),
        cmocka_unit_test(test_substitute_ignore_case_wrong_type),
        cmocka_unit_test(test_substitute_suggests),
        cmocka_unit_test(test_substitute_case_sensitive),
        cmocka_unit_test(test_substitute_earliest_then_longest),
        cmocka_unit_test(test_substitute_exceptions),
        cmocka_unit_test(test_substitute_across_lines),
        cmocka_unit_test(test_substitute_overlapping_units_once),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
