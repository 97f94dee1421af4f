/*
 * test_baseline: fingerprints survive lines added above, duplicates are
 * counted, the file is sorted and byte-stable, stale entries are counted, and
 * a malformed baseline fails at its mark.
 */
#define _XOPEN_SOURCE 700 /* mkstemp */

#include "test.h"

#include "ruleset_test.h"

#include <stdio.h>
#include <unistd.h>

#include "baseline.h"
#include "buf.h"
#include "engine.h"
#include "lint.h"
#include "ruleset.h"

static const char rules_yaml[] = "rules:\n"
                                 "  - id: t.todo\n"
                                 "    summary: s\n"
                                 "    message: 'todo'\n"
                                 "    check: forbid\n"
                                 "    words: [TODO]\n"
                                 "  - id: t.tbd\n"
                                 "    summary: s\n"
                                 "    message: 'tbd'\n"
                                 "    check: forbid\n"
                                 "    words: [TBD]\n";

static aipm_ruleset rs;

static int setup(void **state) {
    (void)state;
    if (rt_load_rules(&rs, rules_yaml, NULL) < 0) {
        return -1;
    }
    return 0;
}

static int teardown(void **state) {
    (void)state;
    aipm_ruleset_release(&rs);
    return 0;
}

static void lint(const char *path, const char *src, aipm_file_result *res) {
    aipm_engine *e = aipm_engine_new(&rs);
    aipm_lint_opts opts;
    memset(&opts, 0, sizeof(opts));
    opts.kind = AIPM_KIND_COUNT;
    opts.keep_source = true;
    aipm_lint_buffer(&rs, e, &opts, path, src, strlen(src), NULL, res);
    aipm_engine_free(e);
}

/* Write 'text' to a new temporary file; return its path (caller unlinks and frees). */
static char *temp_file(const char *text) {
    char *path = strdup("/tmp/aipm-baseline-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static const char before[] = "# Plan\n\nOwner: TODO\n\nDate: TBD\n\nTODO again\n\nTODO again\n";
static const char after[] = "# Plan\n\nA new paragraph.\n\nAnd another.\n\n"
                            "Owner: TODO\n\nDate: TBD\n\nTODO again\n\nTODO again\n\nTBD new\n";

static void test_baseline_round_trip_survives_inserted_lines(void **state) {
    (void)state;
    aipm_file_result r;
    lint("./docs/a.md", before, &r);
    assert_int_equal(r.diags.n, 4);
    aipm_baseline b = AIPM_BASELINE_INIT;
    aipm_baseline_add(&b, &r);
    aipm_file_result_release(&r);
    assert_int_equal(b.n, 3); /* the two "TODO again" share one entry, count 2 */
    aipm_buf out = AIPM_BUF_INIT;
    aipm_baseline_format(&b, &out);
    aipm_baseline_release(&b);
    assert_non_null(strstr(out.ptr, "\"path\": \"docs/a.md\", \"rule\": \"t.tbd\""));
    assert_non_null(strstr(out.ptr, "\"count\": 2, \"text\": \"TODO\""));

    char *path = temp_file(out.ptr);
    aipm_baseline loaded = AIPM_BASELINE_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(aipm_baseline_load(&loaded, path, &err), 0);
    /* re-formatting what was read gives the same bytes */
    aipm_buf again = AIPM_BUF_INIT;
    aipm_baseline_format(&loaded, &again);
    assert_string_equal(again.ptr, out.ptr);
    aipm_buf_release(&again);

    lint("docs/a.md", after, &r);
    assert_int_equal(r.diags.n, 5);
    assert_int_equal(aipm_baseline_filter(&loaded, &r), 4);
    assert_int_equal(r.diags.n, 1);
    assert_int_equal(r.diags.items[0].line, 15);
    assert_string_equal(r.diags.items[0].rule, "t.tbd");
    assert_int_equal(aipm_baseline_stale(&loaded), 0);
    aipm_file_result_release(&r);
    aipm_baseline_release(&loaded);
    unlink(path);
    free(path);
    aipm_buf_release(&out);
}

static void test_baseline_duplicates_and_stale(void **state) {
    (void)state;
    aipm_file_result r;
    lint("a.md", before, &r);
    aipm_baseline b = AIPM_BASELINE_INIT;
    aipm_baseline_add(&b, &r);
    aipm_file_result_release(&r);
    /* one "TODO again" fixed, the TBD fixed: two stale; a third "TODO again" would be new */
    lint("a.md", "# Plan\n\nOwner: TODO\n\nTODO again\n", &r);
    assert_int_equal(aipm_baseline_filter(&b, &r), 2);
    assert_int_equal(r.diags.n, 0);
    aipm_file_result_release(&r);
    assert_int_equal(aipm_baseline_stale(&b), 2);
    aipm_baseline_release(&b);

    lint("a.md", before, &r);
    aipm_baseline_add(&b, &r);
    aipm_file_result_release(&r);
    lint("a.md", "TODO again\n\nTODO again\n\nTODO again\n", &r);
    assert_int_equal(aipm_baseline_filter(&b, &r), 2);
    assert_int_equal(r.diags.n, 1);
    aipm_file_result_release(&r);
    /* entries of files not linted in this run are not stale */
    lint("other.md", "clean\n", &r);
    aipm_baseline_filter(&b, &r);
    aipm_file_result_release(&r);
    assert_int_equal(aipm_baseline_stale(&b), 2); /* a.md: Owner TODO and TBD */
    aipm_baseline_release(&b);
}

static void test_baseline_changed_text_is_new(void **state) {
    (void)state;
    aipm_file_result r;
    lint("a.md", "Owner: TODO\n", &r);
    aipm_baseline b = AIPM_BASELINE_INIT;
    aipm_baseline_add(&b, &r);
    aipm_file_result_release(&r);
    lint("a.md", "Reviewer: TODO\n", &r);
    assert_int_equal(aipm_baseline_filter(&b, &r), 0);
    assert_int_equal(r.diags.n, 1);
    aipm_file_result_release(&r);
    /* re-indenting and re-wrapping white space does not */
    lint("a.md", "Owner:   TODO\n", &r);
    assert_int_equal(aipm_baseline_filter(&b, &r), 1);
    aipm_file_result_release(&r);
    aipm_baseline_release(&b);
}

static void test_baseline_empty_and_errors(void **state) {
    (void)state;
    aipm_baseline b = AIPM_BASELINE_INIT;
    aipm_buf out = AIPM_BUF_INIT;
    aipm_baseline_format(&b, &out);
    assert_string_equal(out.ptr,
                        "{\n  \"version\": 1,\n  \"tool\": \"aipm-lint\",\n  \"entries\": []\n}\n");
    aipm_buf_release(&out);

    static const struct {
        const char *text, *want;
    } cases[] = {
        {"{\"entries\": [], \"extra\": 1}\n", ":1:17: error: unknown key 'extra' in baseline"},
        {"{\"entries\": {}}\n", ":1:13: error: 'entries' must be a list"},
        {"{\"entries\": [{\"path\": \"a\", \"rule\": \"r\"}]}\n",
         ":1:14: error: baseline entry needs 'fingerprint'"},
        {"{\"entries\": [{\"path\": \"a\", \"rule\": \"r\", \"fingerprint\": \"f\", \"count\": "
         "-1}]}\n",
         ":1:70: error: 'count' must be a whole number"},
        {"[1]\n", ":1:1: error: 'baseline' must be a mapping"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *path = temp_file(cases[i].text);
        aipm_error err = AIPM_ERROR_INIT;
        assert_int_equal(aipm_baseline_load(&b, path, &err), -1);
        aipm_buf msg = AIPM_BUF_INIT;
        aipm_error_format(&err, &msg);
        if (!strstr(msg.ptr, cases[i].want)) {
            fail_msg("case %zu: '%s' lacks '%s'", i, msg.ptr, cases[i].want);
        }
        aipm_buf_release(&msg);
        aipm_error_release(&err);
        aipm_baseline_release(&b);
        unlink(path);
        free(path);
    }
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_baseline_round_trip_survives_inserted_lines),
        cmocka_unit_test(test_baseline_duplicates_and_stale),
        cmocka_unit_test(test_baseline_changed_text_is_new),
        cmocka_unit_test(test_baseline_empty_and_errors),
    };
    const char *filter = argc > 1 ? argv[1] : getenv("AIPM_TEST_FILTER");
    if (filter && *filter) {
        cmocka_set_test_filter(filter);
    }
    return cmocka_run_group_tests(tests, setup, teardown);
}
