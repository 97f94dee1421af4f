/*
 * test_rdjson: reviewdog rdjson against fixtures/report/expected.rdjson, an
 * empty report, escaping, UTF-8 byte columns and suggestions.
 */
#include "report_test.h"

static void test_rdjson_golden(void **state) {
    rt_check_golden(state, &aipm_report_rdjson);
}

static void test_rdjson_empty(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_rdjson, NULL, 0, &fx->opts);
    assert_non_null(strstr(out, "\"diagnostics\": []"));
    free(out);
}

/* "Ünïcode first, then the café": café starts at code point 25, byte 27. */
static void test_rdjson_byte_columns_and_suggestion(void **state) {
    rt_fixture *fx = *state;
    const aipm_diag *d = &fx->files[0].diags.items[1];
    assert_string_equal(d->rule, "test.warning");
    assert_int_equal(d->col, 25);
    assert_int_equal(d->end_col, 29);
    char *out = rt_write(&aipm_report_rdjson, fx->files, RT_N_FILES, &fx->opts);
    const char *want = "\"range\": {\"start\": {\"line\": 3, \"column\": 27}, "
                       "\"end\": {\"line\": 3, \"column\": 32}}";
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "\"suggestions\": [{\"range\": {\"start\": {\"line\": 3, "
                                "\"column\": 27}, \"end\": {\"line\": 3, \"column\": 32}}, "
                                "\"text\": \"coffee shop\"}]"));
    assert_non_null(strstr(out, "\"message\": \"two\\nlines\\r\\nand a % sign, a comma: here\""));
    free(out);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_rdjson_golden, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_rdjson_empty, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_rdjson_byte_columns_and_suggestion, rt_setup,
                                        rt_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
