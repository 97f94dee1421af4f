/*
 * test_api: the public API, through <aipm/aipm.h> only (built without the
 * src/ include path, so no internal header can sneak in): linter lifecycle,
 * rule files, results, kinds, errors as strings, and NULL-safe frees.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <aipm/aipm.h>

static const char rules_yaml[] = "rules:\n"
                                 "  - id: team.forbid-word\n"
                                 "    summary: A forbidden word\n"
                                 "    severity: warning\n"
                                 "    check: forbid\n"
                                 "    words: [widget]\n"
                                 "    message: 'Forbidden word \"{match}\"'\n";

/* Write 'text' to a new temporary file; return its path (caller unlinks and frees). */
static char *temp_file(const char *text) {
    char *path = strdup("/tmp/aipm-test-api-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t len = strlen(text);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

static void test_api_version(void **state) {
    (void)state;
    assert_string_equal(aipm_version(), AIPM_VERSION);
}

static void test_api_user_rules_exact_positions(void **state) {
    (void)state;
    char *err = NULL;
    aipm_linter *l = aipm_linter_new(0, &err);
    assert_non_null(l);
    assert_null(err);
    char *path = temp_file(rules_yaml);
    assert_int_equal(aipm_linter_add_rules(l, path, &err), 0);
    const char doc[] = "# Notes\n\nA widget and another widget.\n";
    aipm_result *r = aipm_linter_lint(l, "notes.md", doc, sizeof(doc) - 1, &err);
    assert_non_null(r);
    assert_int_equal(aipm_result_count(r), 2);
    assert_string_equal(aipm_result_rule(r, 0), "team.forbid-word");
    assert_string_equal(aipm_result_severity(r, 0), "warning");
    assert_string_equal(aipm_result_message(r, 0), "Forbidden word \"widget\"");
    assert_int_equal(aipm_result_line(r, 0), 3);
    assert_int_equal(aipm_result_column(r, 0), 3);
    assert_int_equal(aipm_result_end_line(r, 0), 3);
    assert_int_equal(aipm_result_end_column(r, 0), 9);
    assert_int_equal(aipm_result_column(r, 1), 22);
    assert_string_equal(aipm_result_kind(r), "other");
    aipm_result_free(r);

    /* rules cannot be added once linting started */
    assert_int_equal(aipm_linter_add_rules(l, path, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "before the first lint"));
    free(err);
    unlink(path);
    free(path);
    aipm_linter_free(l);
}

static void test_api_builtin_rules_and_kind(void **state) {
    (void)state;
    aipm_linter *l = aipm_linter_new(1, NULL);
    assert_non_null(l);
    const char doc[] = "---\ntype: vision\n---\n# Vision\n\nWe will build the best product.\n";
    aipm_result *r = aipm_linter_lint(l, "vision.md", doc, sizeof(doc) - 1, NULL);
    assert_non_null(r);
    assert_string_equal(aipm_result_kind(r), "vision");
    assert_true(aipm_result_count(r) > 0);
    for (size_t i = 0; i < aipm_result_count(r); i++) {
        assert_non_null(strchr(aipm_result_rule(r, i), '.'));
        assert_true(aipm_result_line(r, i) >= 1);
    }
    aipm_result_free(r);
    /* the same linter lints again */
    r = aipm_linter_lint(l, "empty.md", "", 0, NULL);
    assert_non_null(r);
    aipm_result_free(r);
    aipm_linter_free(l);
}

static void test_api_errors_are_strings(void **state) {
    (void)state;
    char *err = NULL;
    aipm_linter *l = aipm_linter_new(0, NULL);
    assert_int_equal(aipm_linter_add_rules(l, "/nonexistent/rules.yaml", &err), -1);
    assert_string_equal(err, "aipm-lint: error: cannot read '/nonexistent/rules.yaml': "
                             "No such file or directory");
    free(err);
    err = NULL;
    char *path = temp_file("rules:\n  - id: Bad Id\n");
    assert_int_equal(aipm_linter_add_rules(l, path, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, path));
    assert_null(strchr(err, '\n'));
    free(err);
    err = NULL;
    unlink(path);
    free(path);
    /* a document with a NUL byte is refused, with a reason */
    aipm_result *r = aipm_linter_lint(l, "bin.md", "a\0b", 3, &err);
    (void)r;
    aipm_result_free(r);
    free(err);
    aipm_linter_free(l);
}

static void test_api_free_null(void **state) {
    (void)state;
    aipm_linter_free(NULL);
    aipm_result_free(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_api_version),
        cmocka_unit_test(test_api_user_rules_exact_positions),
        cmocka_unit_test(test_api_builtin_rules_and_kind),
        cmocka_unit_test(test_api_errors_are_strings),
        cmocka_unit_test(test_api_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
