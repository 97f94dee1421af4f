/*
 * test_diag: severity names, diagnostic order and message templates.
 */
#include "test.h"

#include "buf.h"
#include "diag.h"
#include "mem.h"

static void test_diag_severity_name_and_parse(void **state) {
    (void)state;
    assert_string_equal(aipm_severity_name(AIPM_SEV_ERROR), "error");
    assert_string_equal(aipm_severity_name(AIPM_SEV_WARNING), "warning");
    assert_string_equal(aipm_severity_name(AIPM_SEV_INFO), "info");
    aipm_severity s = AIPM_SEV_INFO;
    assert_int_equal(aipm_severity_parse("error", &s), 0);
    assert_int_equal(s, AIPM_SEV_ERROR);
    assert_int_equal(aipm_severity_parse("warning", &s), 0);
    assert_int_equal(s, AIPM_SEV_WARNING);
    assert_int_equal(aipm_severity_parse("info", &s), 0);
    assert_int_equal(s, AIPM_SEV_INFO);
    s = AIPM_SEV_WARNING;
    assert_int_equal(aipm_severity_parse("Error", &s), -1);
    assert_int_equal(aipm_severity_parse("warn", &s), -1);
    assert_int_equal(aipm_severity_parse("", &s), -1);
    assert_int_equal(s, AIPM_SEV_WARNING);
}

static void add(aipm_diag_list *l, const char *rule, const char *msg, uint32_t line, uint32_t col,
                uint32_t end_line, uint32_t end_col) {
    aipm_diag d = {rule, AIPM_SEV_WARNING, aipm_xstrdup(msg), NULL, line,
                   col,  end_line,         end_col,           0,    0};
    aipm_diag_list_add(l, &d);
}

static void test_diag_sort_order(void **state) {
    (void)state;
    aipm_diag_list l = AIPM_DIAG_LIST_INIT;
    add(&l, "b.rule", "m", 2, 1, 2, 5);
    add(&l, "a.rule", "z", 1, 5, 1, 9);
    add(&l, "a.rule", "y", 1, 5, 1, 9);
    add(&l, "b.rule", "a", 1, 5, 1, 9);
    add(&l, "a.rule", "a", 1, 5, 2, 1);
    add(&l, "z.rule", "a", 1, 5, 1, 6);
    add(&l, "z.rule", "a", 1, 2, 1, 3);
    add(&l, "a.rule", "a", 10, 1, 10, 2);
    aipm_diag_list_sort(&l);
    assert_int_equal(l.n, 8);
    aipm_buf b = AIPM_BUF_INIT;
    for (size_t i = 0; i < l.n; i++) {
        aipm_buf_printf(&b, "%u:%u-%u:%u %s %s\n", l.items[i].line, l.items[i].col,
                        l.items[i].end_line, l.items[i].end_col, l.items[i].rule,
                        l.items[i].message);
    }
    assert_string_equal(b.ptr, "1:2-1:3 z.rule a\n"
                               "1:5-1:6 z.rule a\n"
                               "1:5-1:9 a.rule y\n"
                               "1:5-1:9 a.rule z\n"
                               "1:5-1:9 b.rule a\n"
                               "1:5-2:1 a.rule a\n"
                               "2:1-2:5 b.rule m\n"
                               "10:1-10:2 a.rule a\n");
    aipm_buf_release(&b);
    aipm_diag_list_release(&l);
    assert_int_equal(l.n, 0);
    assert_null(l.items);
}

static char *expand(const char *tmpl, const aipm_tvars *v) {
    aipm_buf b = AIPM_BUF_INIT;
    aipm_template_expand(&b, tmpl, v);
    return aipm_buf_detach(&b);
}

#define EXPECT_EXPAND(tmpl, v, want)                                                               \
    do {                                                                                           \
        char *got_ = expand(tmpl, v);                                                              \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

static void test_diag_template_every_variable(void **state) {
    (void)state;
    aipm_tvars v = {"seamless", 8, "smooth", 3, 5, "Goals", "prd", "vision.vague", "owner, date"};
    EXPECT_EXPAND("{match}|{suggestion}|{count}|{limit}|{min}|{max}|{section}|{kind}|{rule}|"
                  "{missing}",
                  &v, "seamless|smooth|3|5|5|5|Goals|prd|vision.vague|owner, date");
    EXPECT_EXPAND("no vars", &v, "no vars");
    EXPECT_EXPAND("", &v, "");
}

static void test_diag_template_match_not_terminated(void **state) {
    (void)state;
    aipm_tvars v = {0};
    v.match = "seamlessly";
    v.match_len = 8;
    EXPECT_EXPAND("'{match}'", &v, "'seamless'");
}

static void test_diag_template_unknown_kept(void **state) {
    (void)state;
    aipm_tvars v = {0};
    v.count = -2;
    EXPECT_EXPAND("{x} {count} {} {Match}", &v, "{x} -2 {} {Match}");
    /* a variable with no value (NULL) is kept as written */
    EXPECT_EXPAND("{match}/{section}/{suggestion}", &v, "{match}/{section}/{suggestion}");
    EXPECT_EXPAND("open {count", &v, "open {count");
}

static void test_diag_template_brace_escape(void **state) {
    (void)state;
    aipm_tvars v = {0};
    v.count = 7;
    EXPECT_EXPAND("{{count}} is {count}", &v, "{count} is 7");
    EXPECT_EXPAND("a {{ b }} c", &v, "a { b } c");
}

static void test_diag_template_match_whitespace_folded(void **state) {
    (void)state;
    aipm_tvars v = {0};
    const char *m = "  best \n\t in   class \n";
    v.match = m;
    v.match_len = strlen(m);
    EXPECT_EXPAND("[{match}]", &v, "[best in class]");
}

static void test_diag_template_match_truncated(void **state) {
    (void)state;
    aipm_tvars v = {0};
    char m[201];
    memset(m, 'a', 200);
    m[200] = '\0';
    char want[90];
    memset(want, 'a', 80);
    memcpy(want + 80, "...", 4);
    v.match = m;
    v.match_len = 200;
    EXPECT_EXPAND("{match}", &v, want);
    /* exactly 80 code points: no ellipsis */
    v.match_len = 80;
    want[80] = '\0';
    EXPECT_EXPAND("{match}", &v, want);
    /* 81 code points: ellipsis */
    v.match_len = 81;
    memcpy(want + 80, "...", 4);
    EXPECT_EXPAND("{match}", &v, want);
}

static void test_diag_template_match_truncated_by_code_points(void **state) {
    (void)state;
    aipm_tvars v = {0};
    /* 100 x U+00E9 (2 bytes each): 80 of them kept, whole characters only */
    aipm_buf m = AIPM_BUF_INIT, want = AIPM_BUF_INIT;
    for (int i = 0; i < 100; i++) {
        aipm_buf_puts(&m, "\xc3\xa9");
        if (i < 80) {
            aipm_buf_puts(&want, "\xc3\xa9");
        }
    }
    aipm_buf_puts(&want, "...");
    v.match = m.ptr;
    v.match_len = m.len;
    EXPECT_EXPAND("{match}", &v, want.ptr);
    aipm_buf_release(&m);
    aipm_buf_release(&want);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diag_severity_name_and_parse),
        cmocka_unit_test(test_diag_sort_order),
        cmocka_unit_test(test_diag_template_every_variable),
        cmocka_unit_test(test_diag_template_match_not_terminated),
        cmocka_unit_test(test_diag_template_unknown_kept),
        cmocka_unit_test(test_diag_template_brace_escape),
        cmocka_unit_test(test_diag_template_match_whitespace_folded),
        cmocka_unit_test(test_diag_template_match_truncated),
        cmocka_unit_test(test_diag_template_match_truncated_by_code_points),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
