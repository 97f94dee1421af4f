/*
 * test_suggest: edit distance and "did you mean" candidates.
 */
#include "test.h"

#include "suggest.h"

static void test_suggest_distance(void **state) {
    (void)state;
    assert_int_equal(aipm_suggest_distance("", ""), 0);
    assert_int_equal(aipm_suggest_distance("abc", ""), 3);
    assert_int_equal(aipm_suggest_distance("", "abc"), 3);
    assert_int_equal(aipm_suggest_distance("same", "same"), 0);
    assert_int_equal(aipm_suggest_distance("kitten", "sitting"), 3);
    assert_int_equal(aipm_suggest_distance("sevrity", "severity"), 1);
    assert_int_equal(aipm_suggest_distance("flaw", "lawn"), 2);
}

static void test_suggest_picks_closest(void **state) {
    (void)state;
    static const char *const keys[] = {"id", "summary", "severity", "message", "check", NULL};
    assert_string_equal(aipm_suggest("sevrity", keys), "severity");
    assert_string_equal(aipm_suggest("mesage", keys), "message");
    assert_string_equal(aipm_suggest("chek", keys), "check");
    assert_string_equal(aipm_suggest("ix", keys), "id");
}

static void test_suggest_none_when_far(void **state) {
    (void)state;
    static const char *const keys[] = {"id", "summary", "severity", NULL};
    assert_null(aipm_suggest("completely-different", keys));
    assert_null(aipm_suggest("zz", keys));
    assert_null(aipm_suggest("anything", NULL));
    static const char *const none[] = {NULL};
    assert_null(aipm_suggest("id", none));
}

static void test_suggest_first_of_equal_distance(void **state) {
    (void)state;
    static const char *const c[] = {"cat", "bat", NULL};
    assert_string_equal(aipm_suggest("hat", c), "cat");
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suggest_distance),
        cmocka_unit_test(test_suggest_picks_closest),
        cmocka_unit_test(test_suggest_none_when_far),
        cmocka_unit_test(test_suggest_first_of_equal_distance),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
