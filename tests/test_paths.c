/*
 * test_paths: expanding PATH arguments over a temporary tree.
 */
#define _POSIX_C_SOURCE 200809L
#include "test.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"
#include "paths.h"

static char root[64];

static void mk(const char *rel, bool dir) {
    char p[256];
    snprintf(p, sizeof(p), "%s/%s", root, rel);
    if (dir) {
        assert_int_equal(mkdir(p, 0700), 0);
    } else {
        FILE *f = fopen(p, "w");
        assert_non_null(f);
        fputs("# x\n", f);
        fclose(f);
    }
}

static int paths_setup(void **state) {
    (void)state;
    strcpy(root, "/tmp/aipm-paths-XXXXXX");
    if (!mkdtemp(root)) {
        return -1;
    }
    return 0;
}

static int paths_teardown(void **state) {
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Expand 'rel' (under root) and return the files, relative to root, one a line. */
static char *expand(const char *rel, int *rc, aipm_error *err) {
    char p[256];
    snprintf(p, sizeof(p), "%s%s%s", root, *rel ? "/" : "", rel);
    aipm_paths out = AIPM_PATHS_INIT;
    *rc = aipm_paths_expand(&out, p, err);
    aipm_buf b = AIPM_BUF_INIT;
    size_t skip = strlen(root) + 1;
    for (size_t i = 0; i < out.n; i++) {
        assert_true(strncmp(out.items[i], root, strlen(root)) == 0);
        aipm_buf_printf(&b, "%s\n", out.items[i] + skip);
    }
    aipm_paths_release(&out);
    return aipm_buf_detach(&b);
}

static void test_paths_is_markdown(void **state) {
    (void)state;
    assert_true(aipm_paths_is_markdown("a.md"));
    assert_true(aipm_paths_is_markdown("a.MD"));
    assert_true(aipm_paths_is_markdown("dir/b.markdown"));
    assert_true(aipm_paths_is_markdown("b.Markdown"));
    assert_false(aipm_paths_is_markdown("a.txt"));
    assert_false(aipm_paths_is_markdown("a.mdx"));
    assert_false(aipm_paths_is_markdown("md"));
    assert_false(aipm_paths_is_markdown("a.md.bak"));
}

static void test_paths_sorted_markdown_only(void **state) {
    (void)state;
    mk("b.md", false);
    mk("a.markdown", false);
    mk("c.txt", false);
    mk("B.md", false);
    mk("sub", true);
    mk("sub/z.md", false);
    mk("sub/a.MD", false);
    mk("sub/notes.rst", false);
    mk("a", true);
    mk("a/x.md", false);
    mk(".hidden", true);
    mk(".hidden/h.md", false);
    mk(".dot.md", false);
    mk("node_modules", true);
    mk("node_modules/n.md", false);
    int rc = 0;
    aipm_error err = AIPM_ERROR_INIT;
    char *s = expand("", &rc, &err);
    assert_int_equal(rc, 0);
    assert_false(err.set);
    assert_string_equal(s, "B.md\n"
                           "a.markdown\n"
                           "a/x.md\n"
                           "b.md\n"
                           "sub/a.MD\n"
                           "sub/z.md\n");
    free(s);
}

static void test_paths_file_given_as_is(void **state) {
    (void)state;
    mk("notes.txt", false);
    int rc = 0;
    aipm_error err = AIPM_ERROR_INIT;
    char *s = expand("notes.txt", &rc, &err);
    assert_int_equal(rc, 0);
    assert_string_equal(s, "notes.txt\n");
    free(s);
    aipm_paths out = AIPM_PATHS_INIT;
    assert_int_equal(aipm_paths_expand(&out, "-", &err), 0);
    assert_int_equal(out.n, 1);
    assert_string_equal(out.items[0], "-");
    aipm_paths_release(&out);
}

static void test_paths_symlink_dir_not_followed(void **state) {
    (void)state;
    mk("d", true);
    mk("d/a.md", false);
    char target[128], link[128];
    snprintf(target, sizeof(target), "%s/d", root);
    snprintf(link, sizeof(link), "%s/d/loop", root);
    assert_int_equal(symlink(target, link), 0); /* d/loop -> d */
    int rc = 0;
    aipm_error err = AIPM_ERROR_INIT;
    char *s = expand("", &rc, &err);
    assert_int_equal(rc, 0);
    assert_string_equal(s, "d/a.md\n");
    free(s);
}

static void test_paths_missing(void **state) {
    (void)state;
    int rc = 0;
    aipm_error err = AIPM_ERROR_INIT;
    char *s = expand("nope", &rc, &err);
    assert_int_equal(rc, -1);
    assert_string_equal(s, "");
    free(s);
    char want[160];
    snprintf(want, sizeof(want), "cannot read '%s/nope': No such file or directory", root);
    assert_string_equal(err.msg, want);
    assert_null(err.path);
    aipm_error_release(&err);
}

static void test_paths_no_markdown(void **state) {
    (void)state;
    mk("e", true);
    mk("e/readme.txt", false);
    mk("e/.h.md", false);
    int rc = 0;
    aipm_error err = AIPM_ERROR_INIT;
    char *s = expand("e", &rc, &err);
    assert_int_equal(rc, -1);
    free(s);
    char want[160];
    snprintf(want, sizeof(want), "no Markdown files (*.md, *.markdown) in '%s/e'", root);
    assert_string_equal(err.msg, want);
    aipm_error_release(&err);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paths_is_markdown),
        cmocka_unit_test_setup_teardown(test_paths_sorted_markdown_only, paths_setup,
                                        paths_teardown),
        cmocka_unit_test_setup_teardown(test_paths_file_given_as_is, paths_setup, paths_teardown),
        cmocka_unit_test_setup_teardown(test_paths_symlink_dir_not_followed, paths_setup,
                                        paths_teardown),
        cmocka_unit_test_setup_teardown(test_paths_missing, paths_setup, paths_teardown),
        cmocka_unit_test_setup_teardown(test_paths_no_markdown, paths_setup, paths_teardown),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
