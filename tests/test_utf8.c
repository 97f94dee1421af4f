/*
 * test_utf8: decoding, counting (one per bad byte), finding invalid bytes, encoding.
 */
#include "test.h"

#include "utf8.h"

typedef struct {
    const char *s;
    size_t len;
    int32_t cp;
    size_t adv;
} decode_case;

static void test_utf8_decode(void **state) {
    (void)state;
    static const decode_case cases[] = {
        {"A", 1, 0x41, 1},
        {"\xc3\xa9", 2, 0xE9, 2},
        {"\xe2\x82\xac", 3, 0x20AC, 3},
        {"\xf0\x9f\x98\x80", 4, 0x1F600, 4},
        {"\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4},
        {"\x80", 1, -1, 1},             /* lone continuation */
        {"\xc0\xaf", 2, -1, 1},         /* overlong '/' */
        {"\xe0\x80\xaf", 3, -1, 1},     /* overlong 3-byte */
        {"\xed\xa0\x80", 3, -1, 1},     /* surrogate U+D800 */
        {"\xf4\x90\x80\x80", 4, -1, 1}, /* above U+10FFFF */
        {"\xe2\x82", 2, -1, 1},         /* truncated */
        {"\xc3\xa9", 1, -1, 1},         /* truncated by len */
        {"\xff", 1, -1, 1},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t adv = 99;
        int32_t cp = aipm_utf8_decode(cases[i].s, cases[i].len, &adv);
        assert_int_equal(cp, cases[i].cp);
        assert_int_equal(adv, cases[i].adv);
    }
}

static void test_utf8_count(void **state) {
    (void)state;
    assert_int_equal(aipm_utf8_count("", 0), 0);
    assert_int_equal(aipm_utf8_count("abc", 3), 3);
    assert_int_equal(aipm_utf8_count("caf\xc3\xa9", 5), 4);
    assert_int_equal(aipm_utf8_count("\xf0\x9f\x98\x80!", 5), 2);
    /* invalid bytes count one each */
    assert_int_equal(aipm_utf8_count("a\xff"
                                     "b",
                                     3),
                     3);
    assert_int_equal(aipm_utf8_count("\xc0\xaf", 2), 2);     /* overlong: 2 bytes, 2 */
    assert_int_equal(aipm_utf8_count("\xed\xa0\x80", 3), 3); /* surrogate: 3 bytes, 3 */
    assert_int_equal(aipm_utf8_count("\xe2\x82"
                                     "x",
                                     3),
                     3);                                         /* truncated + x */
    assert_int_equal(aipm_utf8_count("\x80\x80\x80\x80", 4), 4); /* lone continuations */
}

static void test_utf8_find_invalid(void **state) {
    (void)state;
    assert_int_equal(aipm_utf8_find_invalid("", 0), 0);
    assert_int_equal(aipm_utf8_find_invalid("abc", 3), 3);
    assert_int_equal(aipm_utf8_find_invalid("caf\xc3\xa9", 5), 5);
    assert_int_equal(aipm_utf8_find_invalid("ab\xff", 3), 2);
    assert_int_equal(aipm_utf8_find_invalid("\xc3\xa9\xc0\xaf", 4), 2);
    assert_int_equal(aipm_utf8_find_invalid("x\xed\xa0\x80", 4), 1);
    assert_int_equal(aipm_utf8_find_invalid("xy\xe2\x82", 4), 2);
}

static void test_utf8_encode(void **state) {
    (void)state;
    char out[4];
    assert_int_equal(aipm_utf8_encode(0x41, out), 1);
    assert_memory_equal(out, "A", 1);
    assert_int_equal(aipm_utf8_encode(0xE9, out), 2);
    assert_memory_equal(out, "\xc3\xa9", 2);
    assert_int_equal(aipm_utf8_encode(0x7FF, out), 2);
    assert_memory_equal(out, "\xdf\xbf", 2);
    assert_int_equal(aipm_utf8_encode(0xFFFD, out), 3);
    assert_memory_equal(out, "\xef\xbf\xbd", 3);
    assert_int_equal(aipm_utf8_encode(0x1F600, out), 4);
    assert_memory_equal(out, "\xf0\x9f\x98\x80", 4);
}

static void test_utf8_encode_decode_roundtrip(void **state) {
    (void)state;
    static const int32_t cps[] = {0,      0x7F,   0x80,   0x7FF,   0x800,
                                  0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF};
    for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
        char out[4];
        size_t n = aipm_utf8_encode(cps[i], out);
        size_t adv = 0;
        assert_int_equal(aipm_utf8_decode(out, n, &adv), cps[i]);
        assert_int_equal(adv, n);
    }
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_decode),
        cmocka_unit_test(test_utf8_count),
        cmocka_unit_test(test_utf8_find_invalid),
        cmocka_unit_test(test_utf8_encode),
        cmocka_unit_test(test_utf8_encode_decode_roundtrip),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
