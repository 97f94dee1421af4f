/*
 * test_io: reading a document: text, NUL bytes, the size limit, missing files.
 */
#define _POSIX_C_SOURCE 200809L
#include "test.h"

#include <stdio.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"
#include "io.h"

typedef struct {
    char dir[64];
    char file[96];
} io_fixture;

static int io_setup(void **state) {
    io_fixture *f = calloc(1, sizeof(*f));
    strcpy(f->dir, "/tmp/aipm-io-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->file, sizeof(f->file), "%s/doc.md", f->dir);
    *state = f;
    return 0;
}

static int io_teardown(void **state) {
    io_fixture *f = *state;
    unlink(f->file);
    rmdir(f->dir);
    free(f);
    return 0;
}

static void write_file(const char *path, const char *data, size_t len) {
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static char *format(const aipm_error *err) {
    aipm_buf b = AIPM_BUF_INIT;
    aipm_error_format(err, &b);
    return aipm_buf_detach(&b);
}

static void test_io_reads_text(void **state) {
    io_fixture *f = *state;
    write_file(f->file, "# T\n\nbody\n", 10);
    aipm_error err = AIPM_ERROR_INIT;
    size_t len = 0;
    char *data = aipm_io_read(f->file, "doc.md", AIPM_IO_DEFAULT_MAX_SIZE, &len, &err);
    assert_non_null(data);
    assert_false(err.set);
    assert_int_equal(len, 10);
    assert_string_equal(data, "# T\n\nbody\n");
    free(data);
}

static void test_io_reads_empty(void **state) {
    io_fixture *f = *state;
    write_file(f->file, "", 0);
    aipm_error err = AIPM_ERROR_INIT;
    size_t len = 99;
    char *data = aipm_io_read(f->file, "doc.md", AIPM_IO_DEFAULT_MAX_SIZE, &len, &err);
    assert_non_null(data);
    assert_int_equal(len, 0);
    assert_string_equal(data, "");
    free(data);
}

static void test_io_nul_byte_is_binary(void **state) {
    io_fixture *f = *state;
    write_file(f->file, "a\nb\nc\0d\n", 8);
    aipm_error err = AIPM_ERROR_INIT;
    size_t len = 0;
    assert_null(aipm_io_read(f->file, "shown.md", AIPM_IO_DEFAULT_MAX_SIZE, &len, &err));
    assert_true(err.set);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.col, 2);
    char *s = format(&err);
    assert_string_equal(s, "shown.md:3:2: error: binary file (NUL byte at offset 5); not linted\n");
    free(s);
    aipm_error_release(&err);
    /* the column counts code points */
    write_file(f->file, "x\n\xc3\xa9\xc3\xa9\0", 7);
    assert_null(aipm_io_read(f->file, "shown.md", AIPM_IO_DEFAULT_MAX_SIZE, &len, &err));
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 3);
    assert_string_equal(err.msg, "binary file (NUL byte at offset 6); not linted");
    aipm_error_release(&err);
}

static void test_io_size_limit(void **state) {
    io_fixture *f = *state;
    write_file(f->file, "0123456789", 10);
    aipm_error err = AIPM_ERROR_INIT;
    size_t len = 0;
    char *data = aipm_io_read(f->file, "doc.md", 10, &len, &err);
    assert_non_null(data);
    assert_int_equal(len, 10);
    free(data);
    assert_null(aipm_io_read(f->file, "doc.md", 9, &len, &err));
    char *s = format(&err);
    assert_string_equal(
        s,
        "aipm-lint: error: 'doc.md' is larger than the limit of 9 bytes (see --max-file-size)\n");
    free(s);
    aipm_error_release(&err);
}

static void test_io_size_limit_large_file(void **state) {
    io_fixture *f = *state;
    size_t n = 300 * 1024;
    char *big = malloc(n);
    memset(big, 'x', n);
    write_file(f->file, big, n);
    free(big);
    aipm_error err = AIPM_ERROR_INIT;
    size_t len = 0;
    char *data = aipm_io_read(f->file, "doc.md", n, &len, &err);
    assert_non_null(data);
    assert_int_equal(len, n);
    assert_int_equal(data[n], '\0');
    free(data);
    assert_null(aipm_io_read(f->file, "doc.md", 100000, &len, &err));
    assert_string_equal(err.msg,
                        "'doc.md' is larger than the limit of 100000 bytes (see --max-file-size)");
    aipm_error_release(&err);
}

static void test_io_missing_file(void **state) {
    io_fixture *f = *state;
    char path[128];
    snprintf(path, sizeof(path), "%s/missing.md", f->dir);
    aipm_error err = AIPM_ERROR_INIT;
    size_t len = 0;
    assert_null(aipm_io_read(path, "missing.md", AIPM_IO_DEFAULT_MAX_SIZE, &len, &err));
    char *s = format(&err);
    assert_string_equal(s,
                        "aipm-lint: error: cannot read 'missing.md': No such file or directory\n");
    free(s);
    aipm_error_release(&err);
}

static void test_io_directory(void **state) {
    io_fixture *f = *state;
    aipm_error err = AIPM_ERROR_INIT;
    size_t len = 0;
    assert_null(aipm_io_read(f->dir, "docs", AIPM_IO_DEFAULT_MAX_SIZE, &len, &err));
    assert_string_equal(err.msg, "cannot read 'docs': Is a directory");
    aipm_error_release(&err);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_io_reads_text, io_setup, io_teardown),
        cmocka_unit_test_setup_teardown(test_io_reads_empty, io_setup, io_teardown),
        cmocka_unit_test_setup_teardown(test_io_nul_byte_is_binary, io_setup, io_teardown),
        cmocka_unit_test_setup_teardown(test_io_size_limit, io_setup, io_teardown),
        cmocka_unit_test_setup_teardown(test_io_size_limit_large_file, io_setup, io_teardown),
        cmocka_unit_test_setup_teardown(test_io_missing_file, io_setup, io_teardown),
        cmocka_unit_test_setup_teardown(test_io_directory, io_setup, io_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
