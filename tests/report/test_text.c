/*
 * test_text: the text format against fixtures/report/expected.text (the
 * shared reporter input, with --show-source), and an empty run. Text output
 * is for people: messages are printed as they are, non-ASCII included.
 */
#include "report_test.h"

static void test_text_golden(void **state) {
    rt_fixture *fx = *state;
    fx->opts.show_source = true;
    rt_check_golden(state, &aipm_report_text);
}

static void test_text_empty(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_text, NULL, 0, &fx->opts);
    assert_string_equal(out, "");
    free(out);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_text_golden, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_text_empty, rt_setup, rt_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
