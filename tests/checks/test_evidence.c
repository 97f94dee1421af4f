/*
 * test_evidence: the 'evidence' check kind: weights, caps, unless, near,
 * section filters, threshold and the fire direction.
 */
#include "test.h"

#include "check_test.h"

#define HEAD                                                                                       \
    "rules:\n"                                                                                     \
    "  - id: t.ev\n"                                                                               \
    "    summary: s\n"                                                                             \
    "    message: 'score {count} of {limit}; missing [{missing}]'\n"                               \
    "    check: evidence\n"

/* ---- parse errors ---- */

static void test_evidence_needs_items(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    threshold: 2\n"),
          "rules.yaml:2:5: error: rule 't.ev': check 'evidence' needs 'evidence'\n");
    CT_EQ(ct_load_error(HEAD "    evidence: []\n"),
          "rules.yaml:6:15: error: 'evidence' must be a non-empty list of items\n");
    CT_EQ(ct_load_error(HEAD "    evidence:\n      - {name: a}\n"),
          "rules.yaml:7:9: error: rule 't.ev': evidence item 'a' needs 'words' or 'patterns'\n");
}

static void test_evidence_item_errors(void **state) {
    (void)state;
    CT_EQ(ct_load_error(HEAD "    evidence:\n      - {words: [x], wieght: 2}\n"),
          "rules.yaml:7:22: error: unknown key 'wieght' in an evidence item (did you mean "
          "'weight'?)\n");
    CT_EQ(ct_load_error(HEAD "    evidence:\n      - {words: [x], weight: much}\n"),
          "rules.yaml:7:30: error: 'weight' must be a number, not a string\n");
    CT_EQ(ct_load_error(HEAD "    evidence:\n      - {words: [x], max: 0}\n"),
          "rules.yaml:7:27: error: 'max' must be at least 1\n");
    CT_EQ(ct_load_error(HEAD "    evidence:\n      - {patterns: ['(x']}\n"),
          "rules.yaml:7:21: error: invalid pattern '(x': missing closing parenthesis at offset "
          "2\n");
    CT_EQ(ct_load_error(HEAD "    fire: sideways\n    evidence:\n      - {words: [x]}\n"),
          "rules.yaml:6:11: error: unknown value 'sideways' for 'fire' (expected below or "
          "above)\n");
}

/* ---- scoring ---- */

#define TWO_ITEMS                                                                                  \
    HEAD "    threshold: 3\n"                                                                      \
         "    evidence:\n"                                                                         \
         "      - name: strong\n"                                                                  \
         "        words: [survey]\n"                                                               \
         "        weight: 2\n"                                                                     \
         "      - name: weak\n"                                                                    \
         "        words: [analytics]\n"                                                            \
         "        max: 2\n"

static void test_evidence_below_threshold_fires_at_anchor(void **state) {
    (void)state;
    CT_EQ(ct_lint(TWO_ITEMS, "# Plan\n\nWe run a survey.\n"),
          "1:3-1:7 warning: score 2 of 3; missing [weak]\n");
    CT_EQ(ct_lint(TWO_ITEMS, "Nothing here.\n"),
          "1:1-1:14 warning: score 0 of 3; missing [strong, weak]\n");
}

static void test_evidence_reaching_threshold_is_quiet(void **state) {
    (void)state;
    CT_EQ(ct_lint(TWO_ITEMS, "# Plan\n\nA survey and analytics.\n"), "");
    /* 'max' caps how often an item counts: two analytics mentions are 2, not 3 */
    CT_EQ(ct_lint(TWO_ITEMS, "# Plan\n\nanalytics, analytics, analytics\n"),
          "1:3-1:7 warning: score 2 of 3; missing [strong]\n");
}

static void test_evidence_unless_discards_overlapping_match(void **state) {
    (void)state;
    const char *yaml = HEAD "    evidence:\n"
                            "      - name: loop\n"
                            "        words: [feedback]\n"
                            "        unless: ['(?i)\\binstant feedback\\b']\n";
    CT_EQ(ct_lint(yaml, "# Plan\n\nUsers get instant feedback.\n"),
          "1:3-1:7 warning: score 0 of 1; missing [loop]\n");
    CT_EQ(ct_lint(yaml, "# Plan\n\nUsers get instant feedback. We collect feedback.\n"), "");
}

static void test_evidence_near_needs_context_in_block(void **state) {
    (void)state;
    const char *yaml = HEAD "    evidence:\n"
                            "      - name: volume\n"
                            "        patterns: ['\\d+ records']\n"
                            "        near: ['(?i)\\bdata\\b']\n";
    CT_EQ(ct_lint(yaml, "# Plan\n\nWe store 500 records.\n"),
          "1:3-1:7 warning: score 0 of 1; missing [volume]\n");
    CT_EQ(ct_lint(yaml, "# Plan\n\nThe training data has 500 records.\n"), "");
}

static void test_evidence_section_filters(void **state) {
    (void)state;
    const char *yaml = HEAD "    evidence:\n"
                            "      - name: m\n"
                            "        words: [drift]\n"
                            "        not-sections: '(?i)risks'\n";
    CT_EQ(ct_lint(yaml, "# Plan\n\n## Risks\n\nData drift.\n"),
          "1:3-1:7 warning: score 0 of 1; missing [m]\n");
    CT_EQ(ct_lint(yaml, "# Plan\n\n## Monitoring\n\nWe watch drift.\n"), "");
    const char *only = HEAD "    evidence:\n"
                            "      - name: m\n"
                            "        words: [drift]\n"
                            "        sections: '(?i)monitoring'\n";
    CT_EQ(ct_lint(only, "# Plan\n\nWe watch drift.\n"),
          "1:3-1:7 warning: score 0 of 1; missing [m]\n");
    CT_EQ(ct_lint(only, "# Plan\n\n## Monitoring\n\n### Models\n\nWe watch drift.\n"), "");
}

static void test_evidence_fire_above_with_negative_weight(void **state) {
    (void)state;
    const char *yaml = HEAD "    fire: above\n"
                            "    threshold: 2\n"
                            "    evidence:\n"
                            "      - name: buzz\n"
                            "        words: [seamless, synergy]\n"
                            "        max: 3\n"
                            "        weight: 1\n"
                            "      - name: concrete\n"
                            "        patterns: ['\\d']\n"
                            "        weight: -1\n";
    CT_EQ(ct_lint(yaml, "# Vision\n\nSeamless synergy.\n"),
          "1:3-1:9 warning: score 2 of 2; missing []\n");
    CT_EQ(ct_lint(yaml, "# Vision\n\nSeamless synergy in 2 steps.\n"), "");
    CT_EQ(ct_lint(yaml, "# Vision\n\nNothing to see.\n"), "");
}

static void test_evidence_skip_empty_and_section_unit(void **state) {
    (void)state;
    const char *yaml = HEAD "    skip-empty: true\n"
                            "    scope: {sections: '(?i)vision', unit: section}\n"
                            "    evidence:\n"
                            "      - {name: who, words: [agents]}\n";
    CT_EQ(ct_lint(yaml, "# Plan\n\nNo vision here.\n"), "");
    CT_EQ(ct_lint(yaml, "# Plan\n\n## Vision\n\nBetter things.\n"),
          "3:4-3:10 warning: score 0 of 1; missing [who]\n");
    CT_EQ(ct_lint(yaml, "# Plan\n\n## Vision\n\nFor support agents.\n"), "");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_evidence_needs_items),
        cmocka_unit_test(test_evidence_item_errors),
        cmocka_unit_test(test_evidence_below_threshold_fires_at_anchor),
        cmocka_unit_test(test_evidence_reaching_threshold_is_quiet),
        cmocka_unit_test(test_evidence_unless_discards_overlapping_match),
        cmocka_unit_test(test_evidence_near_needs_context_in_block),
        cmocka_unit_test(test_evidence_section_filters),
        cmocka_unit_test(test_evidence_fire_above_with_negative_weight),
        cmocka_unit_test(test_evidence_skip_empty_and_section_unit),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
