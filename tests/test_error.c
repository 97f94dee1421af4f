/*
 * test_error: setting an error once, prefixing it, the three message forms
 * of STYLE 3.3, and release.
 */
#include "test.h"

#include "buf.h"
#include "error.h"

static void test_error_set_fills_once(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(aipm_error_set(&err, "a.yaml", 4, 9, "unknown key '%s'", "sevrity"), -1);
    assert_true(err.set);
    assert_string_equal(err.path, "a.yaml");
    assert_int_equal(err.line, 4);
    assert_int_equal(err.col, 9);
    assert_string_equal(err.msg, "unknown key 'sevrity'");
    /* the first, most precise error wins */
    assert_int_equal(aipm_error_set(&err, "b.yaml", 1, 1, "later"), -1);
    assert_string_equal(err.path, "a.yaml");
    assert_string_equal(err.msg, "unknown key 'sevrity'");
    aipm_error_release(&err);
    assert_false(err.set);
    assert_null(err.path);
    assert_null(err.msg);
    assert_int_equal(err.line, 0);
}

static void test_error_set_null_err_is_fine(void **state) {
    (void)state;
    assert_int_equal(aipm_error_set(NULL, NULL, 0, 0, "nobody listens"), -1);
}

static void test_error_prefix(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_error_prefix(&err, "ignored: "); /* not set: no-op */
    assert_false(err.set);
    aipm_error_set(&err, NULL, 0, 0, "bad pattern");
    aipm_error_prefix(&err, "rule 'x.y': ");
    assert_string_equal(err.msg, "rule 'x.y': bad pattern");
    aipm_error_release(&err);
    aipm_error_prefix(NULL, "x");
}

static void test_error_format_forms(void **state) {
    (void)state;
    static const struct {
        const char *path;
        unsigned line, col;
        const char *want;
    } cases[] = {
        {"rules/x.yaml", 4, 9, "rules/x.yaml:4:9: error: m 1\n"},
        {"rules/x.yaml", 4, 0, "rules/x.yaml:4:1: error: m 1\n"},
        {"docs/a.md", 0, 0, "docs/a.md: error: m 1\n"},
        {NULL, 0, 0, "aipm-lint: error: m 1\n"},
        {NULL, 3, 2, "aipm-lint: error: m 1\n"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        aipm_error err = AIPM_ERROR_INIT;
        aipm_error_set(&err, cases[i].path, cases[i].line, cases[i].col, "m %d", 1);
        aipm_buf b = AIPM_BUF_INIT;
        aipm_buf_puts(&b, ""); /* format appends */
        aipm_error_format(&err, &b);
        assert_string_equal(b.ptr, cases[i].want);
        aipm_buf_release(&b);
        aipm_error_release(&err);
    }
}

static void test_error_format_appends(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_error_set(&err, NULL, 0, 0, "cannot read '%s': %s", "a.md", "No such file or directory");
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, "before\n");
    aipm_error_format(&err, &b);
    assert_string_equal(
        b.ptr, "before\naipm-lint: error: cannot read 'a.md': No such file or directory\n");
    aipm_buf_release(&b);
    aipm_error_release(&err);
}

static void test_error_long_message(void **state) {
    (void)state;
    char big[5000];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    aipm_error err = AIPM_ERROR_INIT;
    aipm_error_set(&err, NULL, 0, 0, "%s", big);
    assert_int_equal(strlen(err.msg), sizeof(big) - 1);
    aipm_error_release(&err);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_set_fills_once),
        cmocka_unit_test(test_error_set_null_err_is_fine),
        cmocka_unit_test(test_error_prefix),
        cmocka_unit_test(test_error_format_forms),
        cmocka_unit_test(test_error_format_appends),
        cmocka_unit_test(test_error_long_message),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
