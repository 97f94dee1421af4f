/*
 * test_gitlab: GitLab Code Quality against fixtures/report/expected.gitlab,
 * an empty report, escaping, and unique fingerprints.
 */
#include "report_test.h"

static void test_gitlab_golden(void **state) {
    rt_check_golden(state, &aipm_report_gitlab);
}

static void test_gitlab_empty(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_gitlab, NULL, 0, &fx->opts);
    assert_string_equal(out, "[]\n");
    free(out);
}

static void test_gitlab_escaping_and_fingerprints(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_gitlab, fx->files, RT_N_FILES, &fx->opts);
    assert_non_null(
        strstr(out, "\"description\": \"two\\nlines\\r\\nand a % sign, a comma: here\""));
    assert_non_null(strstr(out, "\"path\": \"docs/plan \xC3\xBC & <b>.md\""));
    assert_non_null(strstr(out, "\"severity\": \"major\""));
    assert_non_null(strstr(out, "\"severity\": \"minor\""));
    assert_non_null(strstr(out, "\"severity\": \"info\""));
    char fps[3][17];
    const char *p = out;
    for (int i = 0; i < 3; i++) {
        p = strstr(p, "\"fingerprint\": \"");
        assert_non_null(p);
        p += 16;
        memcpy(fps[i], p, 16);
        fps[i][16] = '\0';
    }
    assert_null(strstr(p, "\"fingerprint\""));
    assert_string_not_equal(fps[0], fps[1]);
    assert_string_not_equal(fps[1], fps[2]);
    assert_string_not_equal(fps[0], fps[2]);
    free(out);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gitlab_golden, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_gitlab_empty, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_gitlab_escaping_and_fingerprints, rt_setup,
                                        rt_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
