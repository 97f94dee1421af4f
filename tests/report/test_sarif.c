/*
 * test_sarif: the SARIF reporter against fixtures/report/expected.sarif (which
 * tests/report.sh also validates against the SARIF 2.1.0 schema), an empty
 * run, escaping, and fingerprints that survive lines added above a finding.
 */
#include "report_test.h"

static void test_sarif_golden(void **state) {
    rt_check_golden(state, &aipm_report_sarif);
}

static void test_sarif_empty(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_sarif, NULL, 0, &fx->opts);
    assert_non_null(strstr(out, "\"results\": []"));
    assert_non_null(strstr(out, "\"columnKind\": \"unicodeCodePoints\""));
    free(out);
}

static void test_sarif_escaping(void **state) {
    rt_fixture *fx = *state;
    char *out = rt_write(&aipm_report_sarif, fx->files, RT_N_FILES, &fx->opts);
    assert_non_null(strstr(out, "\"uri\": \"docs/plan%20%C3%BC%20%26%20%3Cb%3E.md\""));
    assert_non_null(strstr(out, "\"text\": \"Say \\\"who\\\" & <what>: 100% sure, caf\xC3\xA9\""));
    assert_non_null(strstr(out, "two\\nlines\\r\\nand a % sign"));
    assert_non_null(strstr(out, "tab\\there"));
    free(out);
}

/* The fingerprint of a finding does not change when lines are added above it. */
static void test_sarif_fingerprint_stable(void **state) {
    rt_fixture *fx = *state;
    aipm_file_result moved = fx->files[0];
    const char *prefix = "# New intro\n\nA paragraph.\n\n";
    size_t plen = strlen(prefix);
    aipm_buf src = AIPM_BUF_INIT;
    aipm_buf_puts(&src, prefix);
    aipm_buf_put(&src, fx->files[0].src, fx->files[0].src_len);
    moved.src = src.ptr;
    moved.src_len = src.len;
    aipm_diag items[3];
    memcpy(items, fx->files[0].diags.items, sizeof(items));
    for (size_t i = 0; i < 3; i++) {
        items[i].line += 4;
        items[i].end_line += 4;
        items[i].start += (uint32_t)plen;
        items[i].end += (uint32_t)plen;
    }
    moved.diags.items = items;
    char *a = rt_write(&aipm_report_sarif, &fx->files[0], 1, &fx->opts);
    char *b = rt_write(&aipm_report_sarif, &moved, 1, &fx->opts);
    const char *pa = a, *pb = b;
    size_t n = 0;
    while ((pa = strstr(pa, "\"aipmLint/v1\": \"")) && (pb = strstr(pb, "\"aipmLint/v1\": \""))) {
        assert_memory_equal(pa, pb, 32);
        pa++;
        pb++;
        n++;
    }
    assert_int_equal(n, 3);
    assert_non_null(strstr(b, "\"startLine\": 5"));
    free(a);
    free(b);
    aipm_buf_release(&src);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sarif_golden, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_sarif_empty, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_sarif_escaping, rt_setup, rt_teardown),
        cmocka_unit_test_setup_teardown(test_sarif_fingerprint_stable, rt_setup, rt_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
