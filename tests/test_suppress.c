/*
 * test_suppress: inline suppression comments: parsing (every form, with and
 * without a reason), what each form suppresses, and the suppress.unused
 * findings, run through the whole lint pipeline with a small rule file.
 */
#include "test.h"

#include "ruleset_test.h"

#include "buf.h"
#include "engine.h"
#include "lint.h"
#include "ruleset.h"
#include "suppress.h"

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
                                 "    words: [TBD]\n"
                                 "  - id: suppress.unused\n"
                                 "    summary: s\n"
                                 "    message: 'unused'\n"
                                 "    check: suppressions\n";

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

/* Lint 'src' and return "LINE:RULE message" lines. */
static char *lint(const char *src) {
    aipm_engine *e = aipm_engine_new(&rs);
    aipm_lint_opts opts;
    memset(&opts, 0, sizeof(opts));
    opts.kind = AIPM_KIND_COUNT;
    opts.max_file_size = 1 << 20;
    aipm_file_result res;
    aipm_lint_buffer(&rs, e, &opts, "a.md", src, strlen(src), NULL, &res);
    aipm_buf b = AIPM_BUF_INIT;
    for (size_t i = 0; i < res.diags.n; i++) {
        const aipm_diag *d = &res.diags.items[i];
        aipm_buf_printf(&b, "%u:%u %s %s\n", d->line, d->col, d->rule, d->message);
    }
    aipm_file_result_release(&res);
    aipm_engine_free(e);
    aipm_buf_puts(&b, "");
    return aipm_buf_detach(&b);
}

#define LINT_EQ(src, want) RT_STR_EQ(lint(src), want)

static void test_suppress_none(void **state) {
    (void)state;
    LINT_EQ("TODO one\n\nTBD two\n", "1:1 t.todo todo\n3:1 t.tbd tbd\n");
}

static void test_suppress_parse_forms_and_reasons(void **state) {
    (void)state;
    const char *src = "<!-- aipm-lint-disable t.todo, t.tbd -- legacy text -->\n"
                      "<!-- aipm-lint-enable -->\n"
                      "<!--aipm-lint-disable-next-line-->\n"
                      "<!-- aipm-lint-disable-file t -- whole family -->\n"
                      "`<!-- aipm-lint-disable -->` in code\n"
                      "\n"
                      "```\n<!-- aipm-lint-disable -->\n```\n"
                      "<!-- aipm-lint-bogus x -->\n"
                      "<!-- just a comment -->\n";
    aipm_doc_opts dopts = {false, AIPM_KIND_COUNT, AIPM_KIND_COUNT};
    aipm_error err = AIPM_ERROR_INIT;
    aipm_doc *doc = aipm_doc_build("a.md", src, strlen(src), &dopts, &err);
    assert_non_null(doc);
    aipm_suppress_list l = AIPM_SUPPRESS_LIST_INIT;
    aipm_suppress_parse(doc, &l);
    assert_int_equal(l.n, 5);
    assert_int_equal(l.items[0].type, AIPM_SUPPRESS_DISABLE);
    assert_int_equal(l.items[0].n_names, 2);
    assert_string_equal(l.items[0].names[0], "t.todo");
    assert_string_equal(l.items[0].names[1], "t.tbd");
    assert_string_equal(l.items[0].reason, "legacy text");
    assert_int_equal(l.items[1].type, AIPM_SUPPRESS_ENABLE);
    assert_int_equal(l.items[1].n_names, 0);
    assert_null(l.items[1].reason);
    assert_int_equal(l.items[2].type, AIPM_SUPPRESS_NEXT_LINE);
    assert_int_equal(l.items[2].n_names, 0);
    assert_int_equal(l.items[3].type, AIPM_SUPPRESS_FILE);
    assert_string_equal(l.items[3].names[0], "t");
    assert_string_equal(l.items[3].reason, "whole family");
    assert_int_equal(l.items[4].type, AIPM_SUPPRESS_UNKNOWN);
    assert_string_equal(l.items[4].directive, "aipm-lint-bogus");
    assert_int_equal(l.items[4].line, 10);
    aipm_suppress_release(&l);
    aipm_doc_free(doc);
}

static void test_suppress_next_line(void **state) {
    (void)state;
    LINT_EQ("<!-- aipm-lint-disable-next-line t.todo -->\nTODO one\n\nTODO two\n",
            "4:1 t.todo todo\n");
    /* with a reason, and no rule: all rules */
    LINT_EQ("<!-- aipm-lint-disable-next-line -- both are fine here -->\nTODO TBD\n\nTBD\n",
            "4:1 t.tbd tbd\n");
}

static void test_suppress_disable_enable(void **state) {
    (void)state;
    LINT_EQ("TODO a\n\n<!-- aipm-lint-disable t.todo -->\n\nTODO b\n\nTBD c\n\n"
            "<!-- aipm-lint-enable t.todo -->\n\nTODO d\n",
            "1:1 t.todo todo\n7:1 t.tbd tbd\n11:1 t.todo todo\n");
    /* disable all, re-enable one */
    LINT_EQ("<!-- aipm-lint-disable -- generated section -->\n\nTODO TBD\n\n"
            "<!-- aipm-lint-enable t.tbd -->\n\nTODO TBD\n",
            "7:6 t.tbd tbd\n");
}

static void test_suppress_file_and_family(void **state) {
    (void)state;
    LINT_EQ("TODO\n\nTBD\n\n<!-- aipm-lint-disable-file t -->\n", "");
    LINT_EQ("TODO\n\nTBD\n\n<!-- aipm-lint-disable-file t.tbd -- agreed in review -->\n",
            "1:1 t.todo todo\n");
}

static void test_suppress_inline_comment_in_paragraph(void **state) {
    (void)state;
    LINT_EQ("Some text <!-- aipm-lint-disable-file t.todo --> here\n\nTODO\n", "");
}

static void test_suppress_unused(void **state) {
    (void)state;
    LINT_EQ("<!-- aipm-lint-disable-next-line t.todo -->\nclean line\n",
            "1:1 suppress.unused Unused suppression: 'aipm-lint-disable-next-line t.todo' "
            "suppressed nothing; remove it\n");
    LINT_EQ("<!-- aipm-lint-disable-file -->\nclean\n", "");
    /* one of two names used */
    LINT_EQ("<!-- aipm-lint-disable-next-line t.todo t.tbd -->\nTODO\n",
            "1:1 suppress.unused Unused suppression: 'aipm-lint-disable-next-line t.tbd' "
            "suppressed nothing; remove it\n");
    LINT_EQ("<!-- aipm-lint-disable t.tood -->\n",
            "1:1 suppress.unused Unknown rule 't.tood' in 'aipm-lint-disable' (did you mean "
            "'t.todo'?)\n");
    LINT_EQ("<!-- aipm-lint-disabel t.todo -->\n",
            "1:1 suppress.unused Unknown suppression directive 'aipm-lint-disabel' (expected "
            "aipm-lint-disable, -enable, -disable-next-line or -disable-file)\n");
    /* suppress.unused itself can be silenced */
    LINT_EQ("<!-- aipm-lint-disable-file suppress.unused -->\n"
            "<!-- aipm-lint-disable-next-line t.todo -->\nclean\n",
            "");
}

static void test_suppress_unused_off_when_rule_disabled(void **state) {
    (void)state;
    bool enabled[3] = {true, true, false};
    aipm_severity sev[3] = {AIPM_SEV_WARNING, AIPM_SEV_WARNING, AIPM_SEV_WARNING};
    aipm_engine *e = aipm_engine_new(&rs);
    aipm_lint_opts opts;
    memset(&opts, 0, sizeof(opts));
    opts.kind = AIPM_KIND_COUNT;
    opts.enabled = enabled;
    opts.severity = sev;
    const char *src = "<!-- aipm-lint-disable-next-line t.todo -->\nclean\n";
    aipm_file_result res;
    aipm_lint_buffer(&rs, e, &opts, "a.md", src, strlen(src), NULL, &res);
    assert_int_equal(res.diags.n, 0);
    aipm_file_result_release(&res);
    aipm_engine_free(e);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suppress_none),
        cmocka_unit_test(test_suppress_parse_forms_and_reasons),
        cmocka_unit_test(test_suppress_next_line),
        cmocka_unit_test(test_suppress_disable_enable),
        cmocka_unit_test(test_suppress_file_and_family),
        cmocka_unit_test(test_suppress_inline_comment_in_paragraph),
        cmocka_unit_test(test_suppress_unused),
        cmocka_unit_test(test_suppress_unused_off_when_rule_disabled),
    };
    const char *filter = argc > 1 ? argv[1] : getenv("AIPM_TEST_FILTER");
    if (filter && *filter) {
        cmocka_set_test_filter(filter);
    }
    return cmocka_run_group_tests(tests, setup, teardown);
}
