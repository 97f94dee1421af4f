/*
 * test_glob: the config file's path patterns, as an {pattern, path, match} table.
 */
#include "test.h"

#include "glob.h"

static void test_glob_table(void **state) {
    (void)state;
    static const struct {
        const char *pattern, *path;
        bool match;
    } cases[] = {
        {"docs/*.md", "docs/a.md", true},
        {"docs/*.md", "docs/x/a.md", false},
        {"docs/*.md", "other/a.md", false},
        {"docs/**", "docs/a.md", true},
        {"docs/**", "docs/x/y/a.md", true},
        {"docs/**", "docs", false},
        {"docs/**", "docsx/a.md", false},
        {"docs/**/a.md", "docs/a.md", true},
        {"docs/**/a.md", "docs/x/y/a.md", true},
        {"docs/**/a.md", "docs/x/b.md", false},
        {"**/*.md", "a.md", true},
        {"**/*.md", "x/y/a.md", true},
        {"?.md", "a.md", true},
        {"?.md", "ab.md", false},
        {"a?c/*.md", "abc/x.md", true},
        {"a?c/*.md", "a/c/x.md", false},
        {"CHANGELOG.md", "CHANGELOG.md", true},
        {"CHANGELOG.md", "sub/CHANGELOG.md", true},
        {"CHANGELOG.md", "CHANGELOG.md.bak", false},
        {"drafts", "drafts/a.md", true},
        {"drafts/", "x/drafts/a.md", true},
        {"docs/old", "docs/old/a.md", true},
        {"docs/old", "x/docs/old/a.md", false},
        {"./docs/*.md", "docs/a.md", true},
        {"docs/*.md", "./docs/a.md", true},
        {"*", "a.md", true},
        {"*a*b*c", "xaxxbxxc", true},
        {"*a*b*c", "xaxxcxxb", false},
        {"", "a.md", false},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (aipm_glob_match(cases[i].pattern, cases[i].path) != cases[i].match) {
            fail_msg("'%s' vs '%s': expected %s", cases[i].pattern, cases[i].path,
                     cases[i].match ? "match" : "no match");
        }
    }
}

static void test_glob_long_input_is_linear(void **state) {
    (void)state;
    /* many '*' against a long non-matching path must not blow up */
    char pat[200], path[4001];
    for (size_t i = 0; i < sizeof(pat) - 2; i += 2) {
        pat[i] = '*';
        pat[i + 1] = 'a';
    }
    pat[sizeof(pat) - 2] = 'b';
    pat[sizeof(pat) - 1] = '\0';
    memset(path, 'a', sizeof(path) - 1);
    path[sizeof(path) - 1] = '\0';
    assert_false(aipm_glob_match(pat, path));
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glob_table),
        cmocka_unit_test(test_glob_long_input_is_linear),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
