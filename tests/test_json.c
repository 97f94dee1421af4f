/*
 * test_json: JSON string escaping.
 */
#include "test.h"

#include "buf.h"
#include "json.h"

static char *json(const char *s, size_t len) {
    aipm_buf b = AIPM_BUF_INIT;
    aipm_json_str(&b, s, len);
    return aipm_buf_detach(&b);
}

typedef struct {
    const char *in;
    size_t len;
    const char *out;
} json_case;

static void test_json_escapes(void **state) {
    (void)state;
    static const json_case cases[] = {
        {"", 0, "\"\""},
        {"plain", 5, "\"plain\""},
        {"say \"hi\"", 8, "\"say \\\"hi\\\"\""},
        {"a\\b", 3, "\"a\\\\b\""},
        {"l1\nl2", 5, "\"l1\\nl2\""},
        {"\t\r", 2, "\"\\t\\r\""},
        {"\x01\x1f", 2, "\"\\u0001\\u001f\""},
        {"a\0b", 3, "\"a\\u0000b\""},
        {"caf\xc3\xa9 \xe2\x82\xac", 9, "\"caf\xc3\xa9 \xe2\x82\xac\""},
        {"a\xff"
         "b",
         3,
         "\"a\xef\xbf\xbd"
         "b\""},
        {"\xc0\xaf", 2, "\"\xef\xbf\xbd\xef\xbf\xbd\""},
        {"x\xed\xa0\x80", 4, "\"x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *s = json(cases[i].in, cases[i].len);
        assert_string_equal(s, cases[i].out);
        free(s);
    }
}

static void test_json_null(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    aipm_json_str(&b, NULL, 0);
    aipm_buf_putc(&b, ',');
    aipm_json_cstr(&b, NULL);
    aipm_buf_putc(&b, ',');
    aipm_json_cstr(&b, "q\"");
    assert_string_equal(b.ptr, "null,null,\"q\\\"\"");
    aipm_buf_release(&b);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_escapes),
        cmocka_unit_test(test_json_null),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
