/*
 * test_junit: JUnit XML against fixtures/report/expected.junit (--fail-on
 * warning: two failing testcases, the info finding is not one), an empty
 * report, XML escaping, and the --fail-on threshold.
 */
#include "report_test.h"

static void test_junit_golden(void **state) {
    rt_check_golden(state, &aipm_report_junit);
}

static void test_junit_empty(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_junit, NULL, 0, &fx->opts);
    assert_string_equal(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<testsuites name=\"aipm-lint\" tests=\"0\" failures=\"0\" "
                             "errors=\"0\">\n</testsuites>\n");
    free(out);
}

static void test_junit_escaping(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_junit, fx->files, RT_N_FILES, &fx->opts);
    assert_non_null(strstr(out, "message=\"Say &quot;who&quot; &amp; &lt;what&gt;: 100% sure, "
                                "caf\xC3\xA9\""));
    assert_non_null(strstr(out, "two&#10;lines&#13;&#10;and a % sign"));
    assert_non_null(strstr(out, "<testsuite name=\"docs/plan \xC3\xBC &amp; &lt;b&gt;.md\""));
    free(out);
}

static void test_junit_fail_on(void **state) {
    rt_fixture *fx = *state;
    fx->opts.fail_on = AIPM_SEV_INFO;
    char *out = rt_write(&aipm_report_junit, fx->files, RT_N_FILES, &fx->opts);
    assert_non_null(strstr(out, "tests=\"5\" failures=\"3\" errors=\"1\""));
    free(out);
    fx->opts.fail_on = 3; /* never */
    out = rt_write(&aipm_report_junit, fx->files, RT_N_FILES, &fx->opts);
    assert_non_null(strstr(out, "tests=\"3\" failures=\"0\" errors=\"1\""));
    assert_null(strstr(out, "<failure"));
    free(out);
}

/* A config's fail-on applies per file (opts.file_fail_on), as for the exit status. */
static void test_junit_file_fail_on(void **state) {
    rt_fixture *fx = *state;
    int levels[RT_N_FILES] = {AIPM_SEV_ERROR, AIPM_SEV_INFO, AIPM_SEV_INFO};
    fx->opts.fail_on = 3;
    fx->opts.file_fail_on = levels;
    char *out = rt_write(&aipm_report_junit, fx->files, RT_N_FILES, &fx->opts);
    assert_non_null(strstr(out, "tests=\"3\" failures=\"1\" errors=\"1\""));
    assert_non_null(strstr(out, "name=\"test.error at 1:7\""));
    assert_null(strstr(out, "name=\"test.warning"));
    free(out);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_junit_golden, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_junit_empty, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_junit_escaping, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_junit_fail_on, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_junit_file_fail_on, rt_setup, rt_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
