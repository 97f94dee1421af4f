/*
 * test_rule_load: loading rule files into a ruleset: schema errors at their
 * marks, duplicate ids, traits, atomicity and --select/--ignore.
 */
#include "test.h"

#include "buf.h"
#include "error.h"
#include "ruleset.h"

/* A valid rule with id 'ID' (2 + 4 lines, the map at column 5 of its first line). */
#define RULE(ID)                                                                                   \
    "  - id: " ID "\n"                                                                             \
    "    summary: s\n"                                                                             \
    "    message: m\n"                                                                             \
    "    check: forbid\n"                                                                          \
    "    words: [seamless]\n"

static int load(aipm_ruleset *rs, const char *path, const char *yaml, aipm_error *err) {
    return aipm_ruleset_load(rs, path, yaml, strlen(yaml), false, err);
}

/* Load 'yaml' as rules.yaml into a fresh ruleset (then finish) and return the formatted error. */
static char *load_error(const char *yaml) {
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_buf out = AIPM_BUF_INIT;
    if (load(&rs, "rules.yaml", yaml, &err) < 0 || aipm_ruleset_finish(&rs, &err) < 0) {
        aipm_error_format(&err, &out);
    }
    aipm_error_release(&err);
    aipm_ruleset_release(&rs);
    return aipm_buf_detach(&out);
}

#define EXPECT_LOAD_ERROR(yaml, want)                                                              \
    do {                                                                                           \
        char *got_ = load_error(yaml);                                                             \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

static void test_rule_load_valid(void **state) {
    (void)state;
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    const char *yaml = "rules:\n" RULE("t.one") "  - id: t.two\n"
                                                "    summary: s\n"
                                                "    message: m\n"
                                                "    severity: error\n"
                                                "    check: require\n"
                                                "    patterns: ['\\d+%']\n"
                                                "    min: 2\n";
    assert_int_equal(load(&rs, "rules.yaml", yaml, &err), 0);
    assert_false(err.set);
    assert_int_equal(aipm_ruleset_finish(&rs, &err), 0);
    assert_int_equal(rs.n_rules, 2);
    const aipm_rule *one = aipm_ruleset_find(&rs, "t.one");
    const aipm_rule *two = aipm_ruleset_find(&rs, "t.two");
    assert_non_null(one);
    assert_non_null(two);
    assert_null(aipm_ruleset_find(&rs, "t.three"));
    assert_int_equal(aipm_ruleset_index(&rs, one), 0);
    assert_int_equal(aipm_ruleset_index(&rs, two), 1);
    assert_int_equal(one->severity, AIPM_SEV_WARNING);
    assert_int_equal(two->severity, AIPM_SEV_ERROR);
    assert_int_equal(one->line, 2);
    assert_int_equal(one->col, 5);
    assert_true(rs.enabled[0]);
    assert_true(rs.enabled[1]);
    assert_int_equal(rs.severity[1], AIPM_SEV_ERROR);
    aipm_ruleset_release(&rs);
    assert_int_equal(rs.n_rules, 0);
}

static void test_rule_load_unknown_key(void **state) {
    (void)state;
    EXPECT_LOAD_ERROR("rules:\n" RULE("t.one") "    sevrity: error\n",
                      "rules.yaml:7:5: error: unknown key 'sevrity' in rule 't.one' (did you mean "
                      "'severity'?)\n");
    /* a check kind's own keys are suggested too */
    EXPECT_LOAD_ERROR("rules:\n" RULE("t.one") "    exception: [x]\n",
                      "rules.yaml:7:5: error: unknown key 'exception' in rule 't.one' (did you "
                      "mean 'exceptions'?)\n");
    EXPECT_LOAD_ERROR("rules:\n" RULE("t.one") "    zzzzzzzzz: 1\n",
                      "rules.yaml:7:5: error: unknown key 'zzzzzzzzz' in rule 't.one'\n");
    EXPECT_LOAD_ERROR("rule:\n" RULE("t.one"),
                      "rules.yaml:1:1: error: unknown key 'rule' in the rule file (did you mean "
                      "'rules'?)\n");
}

static void test_rule_load_wrong_type(void **state) {
    (void)state;
    EXPECT_LOAD_ERROR("rules:\n"
                      "  - id: t.one\n"
                      "    summary: [a, b]\n"
                      "    message: m\n"
                      "    check: forbid\n"
                      "    words: [x]\n",
                      "rules.yaml:3:14: error: 'summary' must be a string, not a list\n");
    EXPECT_LOAD_ERROR("rules:\n"
                      "  - id: t.one\n"
                      "    summary: s\n"
                      "    message: m\n"
                      "    check: forbid\n"
                      "    words: {a: b}\n",
                      "rules.yaml:6:12: error: 'words' must be a string or a list of strings, not "
                      "a mapping\n");
    EXPECT_LOAD_ERROR("rules: {a: b}\n",
                      "rules.yaml:1:8: error: 'rules' must be a list, not a mapping\n");
}

static void test_rule_load_missing_keys(void **state) {
    (void)state;
    EXPECT_LOAD_ERROR("rules:\n"
                      "  - id: t.one\n"
                      "    message: m\n"
                      "    check: forbid\n"
                      "    words: [x]\n",
                      "rules.yaml:2:5: error: rule is missing 'summary'\n");
    EXPECT_LOAD_ERROR("rules:\n"
                      "  - id: t.one\n"
                      "    summary: s\n"
                      "    message: m\n",
                      "rules.yaml:2:5: error: rule 't.one' is missing 'check'\n");
    EXPECT_LOAD_ERROR("rules:\n"
                      "  - summary: s\n",
                      "rules.yaml:2:5: error: rule is missing 'id'\n");
    EXPECT_LOAD_ERROR("", "rules.yaml: error: rule file is empty\n");
}

static void test_rule_load_duplicate_id_across_loads(void **state) {
    (void)state;
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(load(&rs, "a.yaml", "rules:\n" RULE("t.one"), &err), 0);
    assert_int_equal(load(&rs, "b.yaml", "rules:\n" RULE("t.two") RULE("t.one"), &err), -1);
    aipm_buf out = AIPM_BUF_INIT;
    aipm_error_format(&err, &out);
    assert_string_equal(out.ptr, "b.yaml:7:9: error: duplicate rule id 't.one' (first defined at "
                                 "a.yaml:2:5)\n");
    aipm_buf_release(&out);
    aipm_error_release(&err);
    assert_int_equal(rs.n_rules, 1); /* t.two was not added either */
    assert_null(aipm_ruleset_find(&rs, "t.two"));
    aipm_ruleset_release(&rs);
}

static void test_rule_load_duplicate_id_in_one_file(void **state) {
    (void)state;
    EXPECT_LOAD_ERROR("rules:\n" RULE("t.one") RULE("t.one"),
                      "rules.yaml:7:9: error: duplicate rule id 't.one' (first defined at "
                      "rules.yaml:2:5)\n");
}

static void test_rule_load_invalid_id(void **state) {
    (void)state;
    static const char *const bad[] = {"T.one", "one", "t.", ".t", "t..x", "t.-x", "t_x.y", "t.x y"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char yaml[256], want[256];
        snprintf(yaml, sizeof(yaml), "rules:\n" RULE("'%s'"), bad[i]);
        snprintf(want, sizeof(want),
                 "rules.yaml:2:9: error: invalid rule id '%s' (expected lower-case "
                 "'family.name')\n",
                 bad[i]);
        EXPECT_LOAD_ERROR(yaml, want);
    }
    EXPECT_LOAD_ERROR("rules:\n" RULE("t.a-b.c2"), "");
}

static void test_rule_load_unknown_check(void **state) {
    (void)state;
    EXPECT_LOAD_ERROR("rules:\n"
                      "  - id: t.one\n"
                      "    summary: s\n"
                      "    message: m\n"
                      "    check: forbd\n",
                      "rules.yaml:5:12: error: unknown check 'forbd' (did you mean 'forbid'?)\n");
    EXPECT_LOAD_ERROR("rules:\n"
                      "  - id: t.one\n"
                      "    summary: s\n"
                      "    message: m\n"
                      "    check: zzzzzzzz\n",
                      "rules.yaml:5:12: error: unknown check 'zzzzzzzz'\n");
}

static void test_rule_load_bad_regex(void **state) {
    (void)state;
    EXPECT_LOAD_ERROR("rules:\n"
                      "  - id: t.one\n"
                      "    summary: s\n"
                      "    message: m\n"
                      "    check: forbid\n"
                      "    patterns: [ok, 'a(b']\n",
                      "rules.yaml:6:20: error: invalid pattern 'a(b': missing closing parenthesis "
                      "at offset 3\n");
    EXPECT_LOAD_ERROR("rules:\n"
                      "  - id: t.one\n"
                      "    summary: s\n"
                      "    message: m\n"
                      "    check: require\n"
                      "    patterns:\n"
                      "      - '[x'\n",
                      "rules.yaml:7:9: error: invalid pattern '[x': missing terminating ] for "
                      "character class at offset 2\n");
}

static void test_rule_load_unknown_trait(void **state) {
    (void)state;
    EXPECT_LOAD_ERROR("traits:\n"
                      "  ai:\n"
                      "    words: [ai]\n"
                      "rules:\n" RULE("t.one") "    when: {trait: aj}\n",
                      "rules.yaml:10:19: error: unknown trait 'aj' (did you mean 'ai'?)\n");
    EXPECT_LOAD_ERROR("rules:\n" RULE("t.one") "    when:\n"
                                               "      not-trait: [zzzzzz]\n",
                      "rules.yaml:8:19: error: unknown trait 'zzzzzz'\n");
    EXPECT_LOAD_ERROR("rules:\n" RULE("t.one") "    when: {trait: ai, trais: x}\n",
                      "rules.yaml:7:23: error: unknown key 'trais' in 'when' (did you mean "
                      "'trait'?)\n");
}

static void test_rule_load_when_across_files(void **state) {
    (void)state;
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(load(&rs, "a.yaml", "rules:\n" RULE("t.one"), &err), 0);
    assert_int_equal(load(&rs, "b.yaml",
                          "traits:\n"
                          "  ai:\n"
                          "    words: [ai]\n"
                          "  web:\n"
                          "    words: [http]\n"
                          "rules:\n" RULE("t.two") "    when: {trait: web, not-trait: ai}\n",
                          &err),
                     0);
    assert_int_equal(aipm_ruleset_finish(&rs, &err), 0);
    assert_false(err.set);
    assert_int_equal(aipm_ruleset_trait(&rs, "ai"), 0);
    assert_int_equal(aipm_ruleset_trait(&rs, "web"), 1);
    assert_int_equal(aipm_ruleset_trait(&rs, "nope"), -1);
    assert_true(rs.rules[0]->when_traits == 0);
    assert_true(rs.rules[0]->when_not_traits == 0);
    assert_true(rs.rules[1]->when_traits == 2);
    assert_true(rs.rules[1]->when_not_traits == 1);
    aipm_ruleset_release(&rs);
}

static void test_rule_load_unknown_kind(void **state) {
    (void)state;
    EXPECT_LOAD_ERROR(
        "rules:\n" RULE("t.one") "    kinds: [prd, bogus]\n",
        "rules.yaml:7:18: error: unknown kind 'bogus' (expected vision, prd, onepager, "
        "spec or other)\n");
    EXPECT_LOAD_ERROR(
        "rules:\n" RULE("t.one") "    kinds: bogus\n",
        "rules.yaml:7:12: error: unknown kind 'bogus' (expected vision, prd, onepager, "
        "spec or other)\n");
}

static void test_rule_load_unknown_severity(void **state) {
    (void)state;
    EXPECT_LOAD_ERROR("rules:\n" RULE("t.one") "    severity: fatal\n",
                      "rules.yaml:7:15: error: unknown severity 'fatal' (expected error, warning "
                      "or info)\n");
    EXPECT_LOAD_ERROR("rules:\n" RULE("t.one") "    severity: [error]\n",
                      "rules.yaml:7:15: error: 'severity' must be a string, not a list\n");
}

static void test_rule_load_failing_file_adds_nothing(void **state) {
    (void)state;
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    const char *bad =
        "traits:\n"
        "  ai:\n"
        "    words: [ai]\n"
        "rules:\n" RULE("t.one") "    when: {trait: ai}\n" RULE("t.two") "    severity: fatal\n";
    assert_int_equal(load(&rs, "bad.yaml", bad, &err), -1);
    assert_true(err.set);
    assert_string_equal(err.path, "bad.yaml");
    assert_int_equal(err.line, 16);
    aipm_error_release(&err);
    assert_int_equal(rs.n_rules, 0);
    assert_int_equal(rs.n_traits, 0);
    assert_int_equal(rs.n_refs, 0);
    /* the same ids and trait load afterwards: nothing of the failed file remains */
    const char *good = "traits:\n"
                       "  ai:\n"
                       "    words: [ai]\n"
                       "rules:\n" RULE("t.one") "    when: {trait: ai}\n" RULE("t.two");
    assert_int_equal(load(&rs, "good.yaml", good, &err), 0);
    assert_int_equal(aipm_ruleset_finish(&rs, &err), 0);
    assert_int_equal(rs.n_rules, 2);
    assert_int_equal(rs.n_traits, 1);
    assert_true(rs.rules[0]->when_traits == 1);
    aipm_ruleset_release(&rs);
}

static void test_rule_load_id_matches(void **state) {
    (void)state;
    assert_true(aipm_rule_id_matches("metrics.missing", "metrics.missing"));
    assert_true(aipm_rule_id_matches("metrics.missing", "metrics"));
    assert_true(aipm_rule_id_matches("metrics.missing", "metrics."));
    assert_true(aipm_rule_id_matches("a.b.c", "a.b"));
    assert_false(aipm_rule_id_matches("metrics.missing", "metric"));
    assert_false(aipm_rule_id_matches("metrics.missing", "metrics.miss"));
    assert_false(aipm_rule_id_matches("metrics", "metrics.missing"));
}

typedef struct {
    aipm_ruleset rs;
} sel_fixture;

static int sel_setup(void **state) {
    sel_fixture *f = calloc(1, sizeof(*f));
    aipm_error err = AIPM_ERROR_INIT;
    const char *yaml =
        "rules:\n" RULE("metrics.missing") RULE("metrics.vague") RULE("vision.fluff");
    if (load(&f->rs, "rules.yaml", yaml, &err) < 0 || aipm_ruleset_finish(&f->rs, &err) < 0) {
        aipm_error_release(&err);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int sel_teardown(void **state) {
    sel_fixture *f = *state;
    aipm_ruleset_release(&f->rs);
    free(f);
    return 0;
}

static char *enabled(const aipm_ruleset *rs) {
    aipm_buf b = AIPM_BUF_INIT;
    for (size_t i = 0; i < rs->n_rules; i++) {
        aipm_buf_putc(&b, rs->enabled[i] ? '1' : '0');
    }
    return aipm_buf_detach(&b);
}

#define EXPECT_ENABLED(rs, want)                                                                   \
    do {                                                                                           \
        char *got_ = enabled(rs);                                                                  \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

static void test_rule_load_select_family(void **state) {
    sel_fixture *f = *state;
    aipm_error err = AIPM_ERROR_INIT;
    EXPECT_ENABLED(&f->rs, "111");
    static const char *const sel[] = {"metrics"};
    assert_int_equal(aipm_ruleset_select(&f->rs, sel, 1, NULL, 0, &err), 0);
    EXPECT_ENABLED(&f->rs, "110");
    static const char *const ign[] = {"metrics.vague"};
    assert_int_equal(aipm_ruleset_select(&f->rs, sel, 1, ign, 1, &err), 0);
    EXPECT_ENABLED(&f->rs, "100");
    static const char *const ign2[] = {"metrics"};
    assert_int_equal(aipm_ruleset_select(&f->rs, NULL, 0, ign2, 1, &err), 0);
    EXPECT_ENABLED(&f->rs, "001");
    static const char *const sel2[] = {"vision.fluff", "metrics.missing"};
    assert_int_equal(aipm_ruleset_select(&f->rs, sel2, 2, NULL, 0, &err), 0);
    EXPECT_ENABLED(&f->rs, "101");
    assert_int_equal(aipm_ruleset_select(&f->rs, NULL, 0, NULL, 0, &err), 0);
    EXPECT_ENABLED(&f->rs, "111");
    assert_false(err.set);
}

static void test_rule_load_select_unknown_name(void **state) {
    sel_fixture *f = *state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_buf b = AIPM_BUF_INIT;
    static const char *const sel[] = {"metrics", "vision.flufy"};
    assert_int_equal(aipm_ruleset_select(&f->rs, sel, 2, NULL, 0, &err), -1);
    aipm_error_format(&err, &b);
    aipm_error_release(&err);
    static const char *const sel2[] = {"metric"};
    assert_int_equal(aipm_ruleset_select(&f->rs, NULL, 0, sel2, 1, &err), -1);
    aipm_error_format(&err, &b);
    aipm_error_release(&err);
    assert_string_equal(b.ptr, "aipm-lint: error: --select: no rule or family 'vision.flufy' (did "
                               "you mean 'vision.fluff'?)\n"
                               "aipm-lint: error: --ignore: no rule or family 'metric' (see "
                               "--list-rules)\n");
    aipm_buf_release(&b);
    /* a failed select leaves the enabled set unchanged */
    EXPECT_ENABLED(&f->rs, "111");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rule_load_valid),
        cmocka_unit_test(test_rule_load_unknown_key),
        cmocka_unit_test(test_rule_load_wrong_type),
        cmocka_unit_test(test_rule_load_missing_keys),
        cmocka_unit_test(test_rule_load_duplicate_id_across_loads),
        cmocka_unit_test(test_rule_load_duplicate_id_in_one_file),
        cmocka_unit_test(test_rule_load_invalid_id),
        cmocka_unit_test(test_rule_load_unknown_check),
        cmocka_unit_test(test_rule_load_bad_regex),
        cmocka_unit_test(test_rule_load_unknown_trait),
        cmocka_unit_test(test_rule_load_when_across_files),
        cmocka_unit_test(test_rule_load_unknown_kind),
        cmocka_unit_test(test_rule_load_unknown_severity),
        cmocka_unit_test(test_rule_load_failing_file_adds_nothing),
        cmocka_unit_test(test_rule_load_id_matches),
        cmocka_unit_test_setup_teardown(test_rule_load_select_family, sel_setup, sel_teardown),
        cmocka_unit_test_setup_teardown(test_rule_load_select_unknown_name, sel_setup,
                                        sel_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
