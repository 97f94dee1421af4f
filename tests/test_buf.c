/*
 * test_buf: the growable byte buffer: appends, printf, truncate, detach.
 */
#include "test.h"

#include "buf.h"

static void test_buf_init_is_empty_string(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    assert_non_null(b.ptr);
    assert_string_equal(b.ptr, "");
    assert_int_equal(b.len, 0);
    aipm_buf_init(&b);
    assert_string_equal(b.ptr, "");
    aipm_buf_release(&b);
    assert_string_equal(b.ptr, "");
    assert_int_equal(b.len, 0);
}

static void test_buf_puts_printf(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, "hello");
    aipm_buf_printf(&b, " %d", 42);
    assert_string_equal(b.ptr, "hello 42");
    assert_int_equal(b.len, 8);
    aipm_buf_putc(&b, '!');
    aipm_buf_put(&b, "xyz", 2);
    assert_string_equal(b.ptr, "hello 42!xy");
    assert_int_equal(b.len, 11);
    aipm_buf_release(&b);
}

static void test_buf_put_embedded_nul(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_put(&b, "a\0b", 3);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.ptr, "a\0b", 4);
    aipm_buf_release(&b);
}

static void test_buf_grows_large(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    for (int i = 0; i < 10000; i++) {
        aipm_buf_putc(&b, 'a' + i % 26);
    }
    assert_int_equal(b.len, 10000);
    assert_true(b.cap > b.len);
    assert_int_equal(b.ptr[10000], '\0');
    assert_int_equal(b.ptr[9999], 'a' + 9999 % 26);
    aipm_buf_printf(&b, "%s", "");
    assert_int_equal(b.len, 10000);
    aipm_buf_release(&b);
}

static void test_buf_printf_long(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    char big[1001];
    memset(big, 'x', 1000);
    big[1000] = '\0';
    aipm_buf_puts(&b, "<");
    aipm_buf_printf(&b, "%s>%zu", big, (size_t)7);
    assert_int_equal(b.len, 1003);
    assert_int_equal(b.ptr[0], '<');
    assert_int_equal(b.ptr[1000], 'x');
    assert_string_equal(b.ptr + 1001, ">7");
    aipm_buf_release(&b);
}

static void test_buf_truncate_and_clear(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, "abcdef");
    aipm_buf_truncate(&b, 10);
    assert_string_equal(b.ptr, "abcdef");
    aipm_buf_truncate(&b, 3);
    assert_string_equal(b.ptr, "abc");
    assert_int_equal(b.len, 3);
    size_t cap = b.cap;
    aipm_buf_clear(&b);
    assert_string_equal(b.ptr, "");
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, cap);
    aipm_buf_puts(&b, "z");
    assert_string_equal(b.ptr, "z");
    aipm_buf_release(&b);
}

static void test_buf_detach(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    char *e = aipm_buf_detach(&b);
    assert_string_equal(e, "");
    free(e);
    aipm_buf_puts(&b, "owned");
    char *s = aipm_buf_detach(&b);
    assert_string_equal(s, "owned");
    assert_string_equal(b.ptr, "");
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    free(s);
}

static void test_buf_grow_keeps_contents(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, "keep");
    aipm_buf_grow(&b, 4096);
    assert_true(b.cap >= 4096 + 4);
    assert_string_equal(b.ptr, "keep");
    assert_int_equal(b.len, 4);
    aipm_buf_release(&b);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_init_is_empty_string),
        cmocka_unit_test(test_buf_puts_printf),
        cmocka_unit_test(test_buf_put_embedded_nul),
        cmocka_unit_test(test_buf_grows_large),
        cmocka_unit_test(test_buf_printf_long),
        cmocka_unit_test(test_buf_truncate_and_clear),
        cmocka_unit_test(test_buf_detach),
        cmocka_unit_test(test_buf_grow_keeps_contents),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
