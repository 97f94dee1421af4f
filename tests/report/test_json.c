/*
 * test_json: the JSON contract against fixtures/report/expected.json (the
 * shared reporter input), an empty run and escaping.
 */
#include "report_test.h"

static void test_json_golden(void **state) {
    rt_check_golden(state, &aipm_report_json);
}

static void test_json_empty(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_json, NULL, 0, &fx->opts);
    assert_non_null(strstr(out, "\"files\": [],"));
    free(out);
}

static void test_json_escaping(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_json, fx->files, RT_N_FILES, &fx->opts);
    assert_non_null(
        strstr(out, "\"message\": \"Say \\\"who\\\" & <what>: 100% sure, caf\xC3\xA9\""));
    assert_non_null(strstr(out, "\"message\": \"two\\nlines\\r\\nand a % sign, a comma: here\""));
    assert_non_null(
        strstr(out, "\"message\": \"tab\\there 'single' \xE6\xBC\xA2\xE5\xAD\x97 %0A\""));
    free(out);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_json_golden, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_json_empty, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_json_escaping, rt_setup, rt_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
