/*
 * test_lint: the per-file pipeline: sorted diagnostics from a buffer, the
 * 'only' rule of --test-rules, keep_source, the invalid-UTF-8 line, the
 * forced kind, and files that cannot be linted (missing, a directory, too
 * large, binary) giving ok == false with the error and never aborting.
 */
#include "test.h"

#include <stdio.h>
#include <unistd.h>

#include "engine.h"
#include "error.h"
#include "io.h"
#include "lint.h"
#include "ruleset.h"

static const char rules_yaml[] = "rules:\n"
                                 "  - id: team.forbid-word\n"
                                 "    summary: A forbidden word\n"
                                 "    severity: warning\n"
                                 "    check: forbid\n"
                                 "    words: [widget]\n"
                                 "    message: 'Forbidden word \"{match}\"'\n"
                                 "  - id: team.tbd\n"
                                 "    summary: A TBD\n"
                                 "    severity: error\n"
                                 "    check: forbid\n"
                                 "    words: [TBD]\n"
                                 "    message: 'TBD left'\n";

typedef struct fixture {
    aipm_ruleset rs;
    aipm_engine *e;
    aipm_lint_opts opts;
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof(*f));
    aipm_error err = AIPM_ERROR_INIT;
    if (aipm_ruleset_load(&f->rs, "r.yaml", rules_yaml, sizeof(rules_yaml) - 1, false, &err) < 0 ||
        aipm_ruleset_finish(&f->rs, &err) < 0) {
        return -1;
    }
    f->e = aipm_engine_new(&f->rs);
    f->opts.kind = AIPM_KIND_COUNT;
    f->opts.max_file_size = AIPM_IO_DEFAULT_MAX_SIZE;
    f->opts.stdin_name = "<stdin>";
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    aipm_engine_free(f->e);
    aipm_ruleset_release(&f->rs);
    free(f);
    return 0;
}

static void test_lint_buffer_sorted_diagnostics(void **state) {
    fixture *f = *state;
    const char doc[] = "# Notes\n\nTBD: a widget.\n\nA widget TBD.\n";
    aipm_file_result r;
    aipm_lint_buffer(&f->rs, f->e, &f->opts, "n.md", doc, sizeof(doc) - 1, NULL, &r);
    assert_true(r.ok);
    assert_string_equal(r.path, "n.md");
    assert_int_equal(r.kind, AIPM_KIND_OTHER);
    assert_null(r.src);
    assert_int_equal(r.diags.n, 4);
    static const struct {
        const char *rule;
        unsigned line, col, end_col;
    } want[] = {{"team.tbd", 3, 1, 4},
                {"team.forbid-word", 3, 8, 14},
                {"team.forbid-word", 5, 3, 9},
                {"team.tbd", 5, 10, 13}};
    for (size_t i = 0; i < 4; i++) {
        const aipm_diag *d = &r.diags.items[i];
        assert_string_equal(d->rule, want[i].rule);
        assert_int_equal(d->line, want[i].line);
        assert_int_equal(d->col, want[i].col);
        assert_int_equal(d->end_line, want[i].line);
        assert_int_equal(d->end_col, want[i].end_col);
    }
    assert_string_equal(r.diags.items[0].message, "TBD left");
    assert_int_equal(r.diags.items[0].severity, AIPM_SEV_ERROR);
    assert_string_equal(r.diags.items[1].message, "Forbidden word \"widget\"");
    aipm_file_result_release(&r);
    assert_null(r.path);
}

static void test_lint_buffer_only_one_rule_and_source(void **state) {
    fixture *f = *state;
    const char doc[] = "A widget TBD.\n";
    f->opts.keep_source = true;
    aipm_file_result r;
    aipm_lint_buffer(&f->rs, f->e, &f->opts, "n.md", doc, sizeof(doc) - 1,
                     aipm_ruleset_find(&f->rs, "team.tbd"), &r);
    f->opts.keep_source = false;
    assert_true(r.ok);
    assert_int_equal(r.diags.n, 1);
    assert_string_equal(r.diags.items[0].rule, "team.tbd");
    assert_non_null(r.src);
    assert_int_equal(r.src_len, sizeof(doc) - 1);
    assert_string_equal(r.src, doc);
    aipm_file_result_release(&r);
}

static void test_lint_buffer_invalid_utf8_and_kind(void **state) {
    fixture *f = *state;
    const char doc[] = "# Vision\n\nok\nbad \xff widget\n";
    f->opts.kind = AIPM_KIND_PRD;
    aipm_file_result r;
    aipm_lint_buffer(&f->rs, f->e, &f->opts, "v.md", doc, sizeof(doc) - 1, NULL, &r);
    f->opts.kind = AIPM_KIND_COUNT;
    assert_true(r.ok);
    assert_int_equal(r.kind, AIPM_KIND_PRD);
    assert_int_equal(r.invalid_utf8_line, 4);
    assert_int_equal(r.diags.n, 1);
    assert_int_equal(r.diags.items[0].col, 7); /* the bad byte counts as one column */
    aipm_file_result_release(&r);
}

static void test_lint_buffer_empty(void **state) {
    fixture *f = *state;
    aipm_file_result r;
    aipm_lint_buffer(&f->rs, f->e, &f->opts, "e.md", "", 0, NULL, &r);
    assert_true(r.ok);
    assert_int_equal(r.diags.n, 0);
    aipm_file_result_release(&r);
}

static void test_lint_file_failures(void **state) {
    fixture *f = *state;
    char dir[] = "/tmp/aipm-test-lint-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char big[64], bin[64], good[64];
    snprintf(big, sizeof(big), "%s/big.md", dir);
    snprintf(bin, sizeof(bin), "%s/bin.md", dir);
    snprintf(good, sizeof(good), "%s/good.md", dir);
    FILE *fp = fopen(big, "w");
    for (int i = 0; i < 100; i++) {
        fputs("0123456789", fp);
    }
    fclose(fp);
    fp = fopen(bin, "w");
    fwrite("ab\0c", 1, 4, fp);
    fclose(fp);
    fp = fopen(good, "w");
    fputs("a widget\n", fp);
    fclose(fp);

    static const char *const want[] = {"cannot read", "Is a directory", "larger than the limit",
                                       "binary file"};
    char missing[64];
    snprintf(missing, sizeof(missing), "%s/missing.md", dir);
    const char *paths[] = {missing, dir, big, bin};
    f->opts.max_file_size = 500;
    for (size_t i = 0; i < 4; i++) {
        aipm_file_result r;
        aipm_lint_file(&f->rs, f->e, &f->opts, paths[i], &r);
        assert_false(r.ok);
        assert_true(r.error.set);
        assert_string_equal(r.path, paths[i]);
        if (!strstr(r.error.msg, want[i])) {
            fail_msg("%s: '%s' lacks '%s'", paths[i], r.error.msg, want[i]);
        }
        assert_int_equal(r.diags.n, 0);
        aipm_file_result_release(&r);
    }
    /* and the next file is linted as usual */
    aipm_file_result r;
    aipm_lint_file(&f->rs, f->e, &f->opts, good, &r);
    f->opts.max_file_size = AIPM_IO_DEFAULT_MAX_SIZE;
    assert_true(r.ok);
    assert_int_equal(r.diags.n, 1);
    aipm_file_result_release(&r);
    remove(big);
    remove(bin);
    remove(good);
    rmdir(dir);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_lint_buffer_sorted_diagnostics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lint_buffer_only_one_rule_and_source, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lint_buffer_invalid_utf8_and_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lint_buffer_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lint_file_failures, setup, teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
