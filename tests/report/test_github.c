/*
 * test_github: workflow commands against fixtures/report/expected.github,
 * errors first, GitHub's escaping, no columns on multi-line spans, and the
 * step summary (fixtures/report/expected.github-summary.md).
 */
#include "report_test.h"

#include <unistd.h>

static void test_github_golden(void **state) {
    rt_check_golden(state, &aipm_report_github);
}

static void test_github_empty(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_github, NULL, 0, &fx->opts);
    assert_string_equal(out, "");
    free(out);
}

static void test_github_escaping(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_github, fx->files, RT_N_FILES, &fx->opts);
    /* errors first, then warnings, then notices */
    assert_true(strncmp(out, "::error ", 8) == 0);
    const char *w = strstr(out, "\n::warning ");
    assert_non_null(w);
    assert_non_null(strstr(w, "\n::notice "));
    assert_null(strstr(w, "::error "));
    /* data: %25 %0D %0A; properties also %3A %2C */
    assert_non_null(strstr(out, "::two%0Alines%0D%0Aand a %25 sign, a comma: here\n"));
    assert_non_null(strstr(out, "::Say \"who\" & <what>: 100%25 sure, caf\xC3\xA9\n"));
    assert_non_null(strstr(out, "'single' \xE6\xBC\xA2\xE5\xAD\x97 %250A\n"));
    /* one command per line: no raw newline inside a message */
    size_t lines = 0;
    for (const char *p = out; *p; p++) {
        lines += *p == '\n';
    }
    assert_int_equal(lines, 3);
    /* the multi-line span has no col/endColumn */
    assert_non_null(
        strstr(out, "::notice file=docs/plan \xC3\xBC & <b>.md,line=4,endLine=5,title="));
    free(out);
}

static void test_github_step_summary(void **state) {
    rt_fixture *fx = *state;
    char path[] = "/tmp/aipm-summary-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "before\n", 7), 7);
    close(fd);
    fx->opts.step_summary = path;
    char *out = rt_write(&aipm_report_github, fx->files, RT_N_FILES, &fx->opts);
    aipm_error err = AIPM_ERROR_INIT;
    size_t len;
    char *sum = aipm_io_read(path, path, AIPM_IO_DEFAULT_MAX_SIZE, &len, &err);
    unlink(path);
    assert_non_null(sum);
    assert_memory_equal(sum, "before\n", 7);
    rt_golden(sum + 7, "fixtures/report/expected.github-summary.md", "github-summary.md");
    free(sum);
    free(out);
}

static void test_github_step_summary_unwritable(void **state) {
    rt_fixture *fx = *state;
    fx->opts.step_summary = "/nonexistent-aipm-dir/summary.md";
    char *out = rt_write(&aipm_report_github, fx->files, RT_N_FILES, &fx->opts);
    /* the annotations are all there, and the lost table is said in the log */
    assert_true(strncmp(out, "::error ", 8) == 0);
    const char *last = strstr(out, "::warning title=aipm-lint::");
    assert_non_null(last);
    assert_string_equal(last, "::warning title=aipm-lint::cannot append the findings table to "
                              "/nonexistent-aipm-dir/summary.md: No such file or directory\n");
    free(out);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_github_golden, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_github_empty, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_github_escaping, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_github_step_summary, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_github_step_summary_unwritable, rt_setup, rt_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
