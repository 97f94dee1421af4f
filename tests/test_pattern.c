/*
 * test_pattern: compiling, word lists, the match limit, invalid UTF-8, groups.
 */
#define _POSIX_C_SOURCE 200809L
#include "test.h"

#include <time.h>

#include "buf.h"
#include "error.h"
#include "pattern.h"

static aipm_pattern *compile(const char *src, unsigned flags) {
    aipm_error err = AIPM_ERROR_INIT;
    aipm_pattern *p = aipm_pattern_compile(src, strlen(src), flags, "r.yaml", 1, 1, &err);
    assert_non_null(p);
    assert_false(err.set);
    return p;
}

/* Return all matches of 'p' in 's' as "[start,end)" text. */
static char *all(const aipm_pattern *p, const char *s, size_t len) {
    aipm_matcher *m = aipm_matcher_new();
    aipm_buf b = AIPM_BUF_INIT;
    size_t pos = 0, ms = 0, me = 0;
    while (aipm_pattern_find(p, s, len, pos, m, &ms, &me) == AIPM_MATCH_FOUND) {
        aipm_buf_printf(&b, "[%zu,%zu)", ms, me);
        pos = me > ms ? me : ms + 1;
    }
    aipm_matcher_free(m);
    return aipm_buf_detach(&b);
}

#define EXPECT_ALL(p, s, want)                                                                     \
    do {                                                                                           \
        char *got_ = all(p, s, strlen(s));                                                         \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

static void test_pattern_compile_error(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    assert_null(aipm_pattern_compile("a(b", 3, 0, "rules/x.yaml", 7, 12, &err));
    assert_true(err.set);
    assert_string_equal(err.path, "rules/x.yaml");
    assert_int_equal(err.line, 7);
    assert_int_equal(err.col, 12);
    assert_string_equal(err.msg, "invalid pattern 'a(b': missing closing parenthesis at offset 3");
    aipm_buf b = AIPM_BUF_INIT;
    aipm_error_format(&err, &b);
    assert_string_equal(b.ptr, "rules/x.yaml:7:12: error: invalid pattern 'a(b': missing closing "
                               "parenthesis at offset 3\n");
    aipm_buf_release(&b);
    aipm_error_release(&err);
    assert_null(aipm_pattern_compile("ab[", 3, 0, "p.yaml", 2, 3, &err));
    assert_non_null(strstr(err.msg, "at offset 3"));
    assert_true(strncmp(err.msg, "invalid pattern 'ab[': ", 23) == 0);
    aipm_error_release(&err);
    assert_null(aipm_pattern_compile("x{2,1}", 6, 0, "p.yaml", 2, 3, &err));
    assert_non_null(strstr(err.msg, "at offset 5"));
    aipm_error_release(&err);
}

static void test_pattern_source_and_basic_find(void **state) {
    (void)state;
    aipm_pattern *p = compile("b+", 0);
    assert_string_equal(aipm_pattern_source(p), "b+");
    assert_int_equal(aipm_pattern_groups(p), 0);
    EXPECT_ALL(p, "abbcb", "[1,3)[4,5)");
    EXPECT_ALL(p, "xyz", "");
    aipm_matcher *m = aipm_matcher_new();
    size_t ms = 0, me = 0;
    assert_int_equal(aipm_pattern_find(p, "abbcb", 5, 3, m, &ms, &me), AIPM_MATCH_FOUND);
    assert_int_equal(ms, 4);
    assert_int_equal(me, 5);
    assert_int_equal(aipm_pattern_find(p, "abbcb", 5, 6, m, &ms, &me), AIPM_MATCH_NONE);
    aipm_matcher_free(m);
    aipm_pattern_free(p);
    aipm_pattern_free(NULL);
    aipm_matcher_free(NULL);
}

static void test_pattern_ignore_case_flag(void **state) {
    (void)state;
    aipm_pattern *p = compile("seamless", 0);
    EXPECT_ALL(p, "Seamless seamless", "[9,17)");
    aipm_pattern_free(p);
    p = compile("seamless", AIPM_PATTERN_IGNORE_CASE);
    EXPECT_ALL(p, "Seamless SEAMLESS", "[0,8)[9,17)");
    aipm_pattern_free(p);
}

static void test_pattern_words_source(void **state) {
    (void)state;
    static const char *const words[] = {"seamless", "best-in-class", "???", "a.b"};
    aipm_error err = AIPM_ERROR_INIT;
    aipm_pattern *p = aipm_pattern_words(words, 4, AIPM_PATTERN_IGNORE_CASE, "r", 1, 1, &err);
    assert_non_null(p);
    assert_string_equal(aipm_pattern_source(p),
                        "(?<!\\w)(?:\\?\\?\\?|a\\.b|best\\-in\\-class|seamless)(?!\\w)");
    aipm_pattern_free(p);
}

static void test_pattern_words_whole_word_ignore_case(void **state) {
    (void)state;
    static const char *const words[] = {"seamless", "best-in-class", "???", "a.b"};
    aipm_error err = AIPM_ERROR_INIT;
    aipm_pattern *p = aipm_pattern_words(words, 4, AIPM_PATTERN_IGNORE_CASE, "r", 1, 1, &err);
    assert_non_null(p);
    /* whole words only */
    EXPECT_ALL(p, "seamlessly unseamless seamless_x", "");
    /* case-insensitive */
    EXPECT_ALL(p, "A SEAMLESS, Best-In-Class tool", "[2,10)[12,25)");
    /* punctuation is literal */
    EXPECT_ALL(p, "best in class, bestXinXclass", "");
    EXPECT_ALL(p, "is it ??? or not", "[6,9)");
    EXPECT_ALL(p, "abc axb a.b", "[8,11)");
    /* non-ASCII letters are word characters (UCP) */
    EXPECT_ALL(p, "\xc3\xa9seamless seamless\xc3\xa9", "");
    aipm_pattern_free(p);
}

static void test_pattern_words_space_matches_white_space(void **state) {
    (void)state;
    static const char *const words[] = {"world  class"};
    aipm_error err = AIPM_ERROR_INIT;
    aipm_pattern *p = aipm_pattern_words(words, 1, AIPM_PATTERN_IGNORE_CASE, "r", 1, 1, &err);
    assert_non_null(p);
    assert_string_equal(aipm_pattern_source(p), "(?<!\\w)(?:world\\s+class)(?!\\w)");
    EXPECT_ALL(p, "a world\n  class b", "[2,15)");
    aipm_pattern_free(p);
}

static void test_pattern_words_longest_first(void **state) {
    (void)state;
    static const char *const words[] = {"best", "best in class"};
    aipm_error err = AIPM_ERROR_INIT;
    aipm_pattern *p = aipm_pattern_words(words, 2, AIPM_PATTERN_IGNORE_CASE, "r", 1, 1, &err);
    assert_non_null(p);
    EXPECT_ALL(p, "best in class", "[0,13)");
    aipm_pattern_free(p);
}

static void test_pattern_catastrophic_hits_limit(void **state) {
    (void)state;
    size_t n = 100000;
    char *s = malloc(n + 2);
    memset(s, 'a', n);
    s[n] = 'b';
    s[n + 1] = '\0';
    aipm_pattern *p = compile("(a+)+$", 0);
    aipm_matcher *m = aipm_matcher_new();
    size_t ms = 0, me = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(aipm_pattern_find(p, s, n + 1, 0, m, &ms, &me), AIPM_MATCH_LIMIT);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    assert_true(secs < 5.0);
    aipm_matcher_free(m);
    aipm_pattern_free(p);
    free(s);
}

static void test_pattern_invalid_utf8_subject(void **state) {
    (void)state;
    aipm_pattern *p = compile("seamless", 0);
    const char s[] = "\xff seamless \xc0\xaf seamless\xed\xa0\x80";
    EXPECT_ALL(p, s, "[2,10)[14,22)");
    aipm_pattern_free(p);
    p = compile("\\w+", 0);
    EXPECT_ALL(p,
               "ab\xff"
               "cd",
               "[0,2)[3,5)");
    aipm_pattern_free(p);
}

static void test_pattern_groups(void **state) {
    (void)state;
    aipm_pattern *p = compile("(\\d+)%|(n/a)", 0);
    assert_int_equal(aipm_pattern_groups(p), 2);
    aipm_matcher *m = aipm_matcher_new();
    size_t ms = 0, me = 0, gs = 0, ge = 0;
    assert_int_equal(aipm_pattern_find_group(p, "up 25% now", 10, 0, m, &ms, &me, 1, &gs, &ge),
                     AIPM_MATCH_FOUND);
    assert_int_equal(ms, 3);
    assert_int_equal(me, 6);
    assert_int_equal(gs, 3);
    assert_int_equal(ge, 5);
    assert_int_equal(aipm_pattern_find_group(p, "up 25% now", 10, 0, m, &ms, &me, 2, &gs, &ge),
                     AIPM_MATCH_FOUND);
    assert_true(gs == (size_t)-1);
    assert_true(ge == (size_t)-1);
    assert_int_equal(aipm_pattern_find_group(p, "is n/a", 6, 0, m, &ms, &me, 2, &gs, &ge),
                     AIPM_MATCH_FOUND);
    assert_int_equal(ms, 3);
    assert_int_equal(gs, 3);
    assert_int_equal(ge, 6);
    assert_int_equal(aipm_pattern_find_group(p, "is n/a", 6, 0, m, &ms, &me, 1, &gs, &ge),
                     AIPM_MATCH_FOUND);
    assert_true(gs == (size_t)-1);
    assert_true(ge == (size_t)-1);
    assert_int_equal(aipm_pattern_find_group(p, "none", 4, 0, m, &ms, &me, 1, &gs, &ge),
                     AIPM_MATCH_NONE);
    aipm_matcher_free(m);
    aipm_pattern_free(p);
}

static void test_pattern_empty_match(void **state) {
    (void)state;
    aipm_pattern *p = compile("x*", 0);
    aipm_matcher *m = aipm_matcher_new();
    size_t ms = 9, me = 9;
    assert_int_equal(aipm_pattern_find(p, "ab", 2, 0, m, &ms, &me), AIPM_MATCH_FOUND);
    assert_int_equal(ms, 0);
    assert_int_equal(me, 0);
    assert_int_equal(aipm_pattern_find(p, "ab", 2, 2, m, &ms, &me), AIPM_MATCH_FOUND);
    assert_int_equal(ms, 2);
    assert_int_equal(me, 2);
    aipm_matcher_free(m);
    aipm_pattern_free(p);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pattern_compile_error),
        cmocka_unit_test(test_pattern_source_and_basic_find),
        cmocka_unit_test(test_pattern_ignore_case_flag),
        cmocka_unit_test(test_pattern_words_source),
        cmocka_unit_test(test_pattern_words_whole_word_ignore_case),
        cmocka_unit_test(test_pattern_words_space_matches_white_space),
        cmocka_unit_test(test_pattern_words_longest_first),
        cmocka_unit_test(test_pattern_catastrophic_hits_limit),
        cmocka_unit_test(test_pattern_invalid_utf8_subject),
        cmocka_unit_test(test_pattern_groups),
        cmocka_unit_test(test_pattern_empty_match),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
