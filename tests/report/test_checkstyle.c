/*
 * test_checkstyle: Checkstyle XML against fixtures/report/expected.checkstyle,
 * an empty report and XML escaping.
 */
#include "report_test.h"

static void test_checkstyle_golden(void **state) {
    rt_check_golden(state, &aipm_report_checkstyle);
}

static void test_checkstyle_empty(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_checkstyle, NULL, 0, &fx->opts);
    assert_string_equal(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<checkstyle version=\"4.3\">\n</checkstyle>\n");
    free(out);
}

static void test_checkstyle_escaping(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_checkstyle, fx->files, RT_N_FILES, &fx->opts);
    assert_non_null(strstr(out, "<file name=\"docs/plan \xC3\xBC &amp; &lt;b&gt;.md\">"));
    assert_non_null(strstr(out, "message=\"two&#10;lines&#13;&#10;and a % sign, a comma: here\""));
    assert_non_null(strstr(out, "message=\"tab&#9;here &apos;single&apos; "
                                "\xE6\xBC\xA2\xE5\xAD\x97 %0A\""));
    assert_non_null(strstr(out, "<file name=\"docs/clean.md\"/>"));
    assert_null(strstr(out, "missing.md"));
    free(out);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_checkstyle_golden, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_checkstyle_empty, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_checkstyle_escaping, rt_setup, rt_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
