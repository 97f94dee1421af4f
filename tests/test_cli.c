/*
 * test_cli: option parsing: --opt=v and --opt v, short and bundled short
 * flags, '--', comma lists, repeated options, and the error messages for
 * unknown options, missing and unexpected values and bad values.
 */
#include "test.h"

#include "cli.h"
#include "diag.h"
#include "error.h"

#define ARGV(...) ((char *[]){"aipm-lint", __VA_ARGS__, NULL})

static int count(char **argv) {
    int n = 0;
    while (argv[n]) {
        n++;
    }
    return n;
}

/* Parse 'argv'; on failure return the error message (caller frees). */
static char *parse(aipm_cli *cli, int argc, char **argv) {
    aipm_error err = AIPM_ERROR_INIT;
    int rc = aipm_cli_parse(cli, argc, argv, &err);
    char *msg = NULL;
    if (rc < 0) {
        assert_true(err.set);
        msg = strdup(err.msg);
    } else {
        assert_false(err.set);
    }
    aipm_error_release(&err);
    return msg;
}

static void test_cli_defaults(void **state) {
    (void)state;
    aipm_cli cli;
    char *argv[] = {"aipm-lint", NULL};
    assert_null(parse(&cli, count(argv), argv));
    assert_int_equal(cli.n_paths, 0);
    assert_int_equal(cli.n_rules, 0);
    assert_false(cli.no_builtin);
    assert_int_equal(cli.kind, AIPM_KIND_COUNT);
    assert_int_equal(cli.color, AIPM_COLOR_AUTO);
    assert_int_equal(cli.show_source, -1);
    assert_int_equal(cli.max_warnings, -1);
    assert_false(cli.quiet);
    assert_false(cli.help);
    aipm_cli_release(&cli);
}

static void test_cli_long_forms(void **state) {
    (void)state;
    aipm_cli cli;
    char **argv = ARGV("--rules=a.yaml", "--rules", "b.yaml", "--kind=prd", "--color", "never",
                       "--quiet", "--stdin-filename=x.md", "doc.md", "-");
    assert_null(parse(&cli, count(argv), argv));
    assert_int_equal(cli.n_rules, 2);
    assert_string_equal(cli.rules[0], "a.yaml");
    assert_string_equal(cli.rules[1], "b.yaml");
    assert_int_equal(cli.kind, AIPM_KIND_PRD);
    assert_int_equal(cli.color, AIPM_COLOR_NEVER);
    assert_true(cli.quiet);
    assert_string_equal(cli.stdin_filename, "x.md");
    assert_int_equal(cli.n_paths, 2);
    assert_string_equal(cli.paths[0], "doc.md");
    assert_string_equal(cli.paths[1], "-");
    aipm_cli_release(&cli);
}

static void test_cli_value_with_equals_sign(void **state) {
    (void)state;
    aipm_cli cli;
    char **argv = ARGV("--stdin-filename=a=b.md");
    assert_null(parse(&cli, count(argv), argv));
    assert_string_equal(cli.stdin_filename, "a=b.md");
    aipm_cli_release(&cli);
}

static void test_cli_bundled_short_flags(void **state) {
    (void)state;
    aipm_cli cli;
    char **argv = ARGV("-qV");
    assert_null(parse(&cli, count(argv), argv));
    assert_true(cli.quiet);
    assert_true(cli.version);
    aipm_cli_release(&cli);

    char **argv2 = ARGV("-qrrules.yaml", "-r", "more.yaml", "-kvision");
    assert_null(parse(&cli, count(argv2), argv2));
    assert_true(cli.quiet);
    assert_int_equal(cli.n_rules, 2);
    assert_string_equal(cli.rules[0], "rules.yaml");
    assert_string_equal(cli.rules[1], "more.yaml");
    assert_int_equal(cli.kind, AIPM_KIND_VISION);
    aipm_cli_release(&cli);
}

static void test_cli_double_dash_ends_options(void **state) {
    (void)state;
    aipm_cli cli;
    char **argv = ARGV("-q", "--", "--help", "-x.md", "-");
    assert_null(parse(&cli, count(argv), argv));
    assert_true(cli.quiet);
    assert_false(cli.help);
    assert_int_equal(cli.n_paths, 3);
    assert_string_equal(cli.paths[0], "--help");
    assert_string_equal(cli.paths[1], "-x.md");
    assert_string_equal(cli.paths[2], "-");
    aipm_cli_release(&cli);
}

static void test_cli_comma_lists(void **state) {
    (void)state;
    aipm_cli cli;
    char **argv =
        ARGV("--select", "vision, metrics.missing,,", "--select=audience", "-i", "style.x,style.y");
    assert_null(parse(&cli, count(argv), argv));
    assert_int_equal(cli.n_select, 3);
    assert_string_equal(cli.select[0], "vision");
    assert_string_equal(cli.select[1], "metrics.missing");
    assert_string_equal(cli.select[2], "audience");
    assert_int_equal(cli.n_ignore, 2);
    assert_string_equal(cli.ignore[0], "style.x");
    assert_string_equal(cli.ignore[1], "style.y");
    aipm_cli_release(&cli);
}

static void test_cli_sizes_and_levels(void **state) {
    (void)state;
    aipm_cli cli;
    char **argv = ARGV("--max-file-size=512K", "--fail-on", "warning", "--max-warnings=3");
    assert_null(parse(&cli, count(argv), argv));
    assert_int_equal(cli.max_file_size, 512 * 1024);
    assert_int_equal(cli.fail_on, AIPM_SEV_WARNING);
    assert_int_equal(cli.max_warnings, 3);
    aipm_cli_release(&cli);
    char **argv2 = ARGV("--max-file-size", "10M");
    assert_null(parse(&cli, count(argv2), argv2));
    assert_int_equal(cli.max_file_size, 10 * 1024 * 1024);
    aipm_cli_release(&cli);
}

static void test_cli_errors(void **state) {
    (void)state;
    static const struct {
        const char *args[3];
        const char *want; /* a substring of the message */
    } cases[] = {
        {{"--bogus"}, "unknown option '--bogus'"},
        {{"--rule=x"}, "unknown option '--rule=x' (did you mean '--rules'?)"},
        {{"-Z"}, "unknown option '-Z'"},
        {{"-qZ"}, "unknown option '-Z'"},
        {{"--rules"}, "option '--rules' needs a value (FILE)"},
        {{"-r"}, "option '-r' needs a value (FILE)"},
        {{"--quiet=yes"}, "option '--quiet' takes no value"},
        {{"--kind", "novel"}, "novel"},
        {{"--color=sometimes"}, "sometimes"},
        {{"--max-file-size=lots"}, "invalid size 'lots' for --max-file-size"},
        {{"--fail-on=fatal"}, "fatal"},
        {{"--format=yaml"}, "unknown format 'yaml'"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *argv[4] = {"aipm-lint", (char *)cases[i].args[0], (char *)cases[i].args[1], NULL};
        int argc = cases[i].args[1] ? 3 : 2;
        aipm_cli cli;
        char *msg = parse(&cli, argc, argv);
        if (!msg || !strstr(msg, cases[i].want)) {
            fail_msg("case %zu (%s): got '%s', want '%s'", i, cases[i].args[0],
                     msg ? msg : "(no error)", cases[i].want);
        }
        free(msg);
        aipm_cli_release(&cli);
    }
}

static void test_cli_help_lists_every_option(void **state) {
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    aipm_cli_help(f);
    fclose(f);
    assert_non_null(strstr(text, "usage: aipm-lint"));
    assert_non_null(strstr(text, "--rules FILE"));
    assert_non_null(strstr(text, "-q, --quiet"));
    assert_non_null(strstr(text, "formats (--format):"));
    assert_non_null(strstr(text, "  json "));
    assert_non_null(strstr(text, "exit status:"));
    free(text);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cli_defaults),
        cmocka_unit_test(test_cli_long_forms),
        cmocka_unit_test(test_cli_value_with_equals_sign),
        cmocka_unit_test(test_cli_bundled_short_flags),
        cmocka_unit_test(test_cli_double_dash_ends_options),
        cmocka_unit_test(test_cli_comma_lists),
        cmocka_unit_test(test_cli_sizes_and_levels),
        cmocka_unit_test(test_cli_errors),
        cmocka_unit_test(test_cli_help_lists_every_option),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
