/*
 * test_config: .aipm-lint.yaml: every key, every strict error at its mark,
 * discovery (nearest wins, stop at .git), globs for kinds, ignore and
 * overrides, and the layering of config and --select/--ignore.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp */

#include "test.h"

#include "ruleset_test.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "ruleset.h"

static const char rules_yaml[] = "rules:\n"
                                 "  - id: a.one\n"
                                 "    summary: s\n"
                                 "    message: m\n"
                                 "    check: forbid\n"
                                 "    words: [x]\n"
                                 "  - id: a.two\n"
                                 "    summary: s\n"
                                 "    severity: error\n"
                                 "    message: m\n"
                                 "    check: forbid\n"
                                 "    words: [y]\n"
                                 "  - id: b.three\n"
                                 "    summary: s\n"
                                 "    severity: info\n"
                                 "    message: m\n"
                                 "    check: forbid\n"
                                 "    words: [z]\n";

static aipm_ruleset rs;
static char root[64];

static void write_file(const char *rel, const char *text) {
    aipm_buf p = AIPM_BUF_INIT;
    aipm_buf_printf(&p, "%s/%s", root, rel);
    /* make the parent folders */
    for (char *s = p.ptr + strlen(root) + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        mkdir(p.ptr, 0755);
        *s = '/';
    }
    FILE *f = fopen(p.ptr, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    aipm_buf_release(&p);
}

static int setup(void **state) {
    (void)state;
    if (rt_load_rules(&rs, rules_yaml, NULL) < 0) {
        return -1;
    }
    strcpy(root, "/tmp/aipm-config-XXXXXX");
    if (!mkdtemp(root)) {
        return -1;
    }
    return 0;
}

static int teardown(void **state) {
    (void)state;
    aipm_ruleset_release(&rs);
    aipm_buf cmd = AIPM_BUF_INIT;
    aipm_buf_printf(&cmd, "rm -rf '%s'", root);
    int rc = system(cmd.ptr);
    aipm_buf_release(&cmd);
    return rc == 0 ? 0 : -1;
}

/* Parse 'yaml' as a config and return the error text ("" when it parses). */
static char *parse_error(const char *yaml) {
    aipm_error err = AIPM_ERROR_INIT;
    aipm_config *c = aipm_config_parse(".aipm-lint.yaml", "/", yaml, strlen(yaml), &err);
    aipm_config_free(c);
    aipm_buf b = AIPM_BUF_INIT;
    if (err.set) {
        aipm_error_format(&err, &b);
    }
    aipm_buf_puts(&b, "");
    aipm_error_release(&err);
    return aipm_buf_detach(&b);
}

#define ERR_EQ(yaml, want) RT_STR_EQ(parse_error(yaml), want)

static void test_config_parse_every_key(void **state) {
    (void)state;
    const char *yaml = "rules:\n"
                       "  a.one: error\n"
                       "  b: off\n"
                       "rule-files: [lint/ours.yaml]\n"
                       "builtin: false\n"
                       "kinds:\n"
                       "  \"docs/prd/**\": prd\n"
                       "ignore: [\"drafts/**\", CHANGELOG.md]\n"
                       "overrides:\n"
                       "  - files: [\"archive/**\"]\n"
                       "    rules: {a: warning}\n"
                       "fail-on: info\n";
    aipm_error err = AIPM_ERROR_INIT;
    aipm_config *c = aipm_config_parse("sub/.aipm-lint.yaml", "/x/sub", yaml, strlen(yaml), &err);
    assert_non_null(c);
    assert_int_equal(c->n_rules, 2);
    assert_string_equal(c->rules[0].name, "a.one");
    assert_int_equal(c->rules[0].severity, AIPM_SEV_ERROR);
    assert_true(c->rules[1].off);
    assert_int_equal(c->rules[1].line, 3);
    assert_int_equal(c->n_rule_files, 1);
    assert_string_equal(c->rule_files[0], "sub/lint/ours.yaml");
    assert_false(c->builtin);
    assert_int_equal(c->n_kinds, 1);
    assert_int_equal(c->kinds[0].kind, AIPM_KIND_PRD);
    assert_int_equal(c->n_ignore, 2);
    assert_int_equal(c->n_overrides, 1);
    assert_string_equal(c->overrides[0].files[0], "archive/**");
    assert_int_equal(c->overrides[0].rules[0].severity, AIPM_SEV_WARNING);
    assert_int_equal(c->fail_on, AIPM_SEV_INFO);
    aipm_config_free(c);
}

static void test_config_empty_file_is_defaults(void **state) {
    (void)state;
    ERR_EQ("", "");
    ERR_EQ("# only a comment\n", "");
}

static void test_config_errors(void **state) {
    (void)state;
    ERR_EQ("rulez: {}\n",
           ".aipm-lint.yaml:1:1: error: unknown key 'rulez' in config (did you mean 'rules'?)\n");
    ERR_EQ("- a\n", ".aipm-lint.yaml:1:1: error: 'config' must be a mapping, not a list\n");
    ERR_EQ("rules: [a]\n", ".aipm-lint.yaml:1:8: error: 'rules' must be a mapping, not a list\n");
    ERR_EQ("rules:\n  a.one: loud\n",
           ".aipm-lint.yaml:2:10: error: unknown level 'loud' for rule 'a.one' (expected error, "
           "warning, info or off)\n");
    ERR_EQ("rules:\n  a.one: [error]\n",
           ".aipm-lint.yaml:2:10: error: rule 'a.one' must be error, warning, info or off, not a "
           "list\n");
    ERR_EQ("builtin: maybe\n",
           ".aipm-lint.yaml:1:10: error: 'builtin' must be true or false, not a string\n");
    ERR_EQ("rule-files: {a: b}\n",
           ".aipm-lint.yaml:1:13: error: 'rule-files' must be a string or a list of strings, not "
           "a mapping\n");
    ERR_EQ("kinds:\n  \"docs/**\": memo\n",
           ".aipm-lint.yaml:2:14: error: unknown kind 'memo' (expected vision, prd, onepager, "
           "spec or other)\n");
    ERR_EQ("ignore: {a: b}\n",
           ".aipm-lint.yaml:1:9: error: 'ignore' must be a string or a list of strings, not a "
           "mapping\n");
    ERR_EQ("overrides: {files: x}\n",
           ".aipm-lint.yaml:1:12: error: 'overrides' must be a list of mappings, not a mapping\n");
    ERR_EQ("overrides:\n  - rules: {a: off}\n",
           ".aipm-lint.yaml:2:5: error: an override needs 'files' (a list of globs)\n");
    ERR_EQ("overrides:\n  - files: [x]\n    rule: {a: off}\n",
           ".aipm-lint.yaml:3:5: error: unknown key 'rule' in overrides (did you mean "
           "'rules'?)\n");
    ERR_EQ("fail-on: sometimes\n",
           ".aipm-lint.yaml:1:10: error: unknown level 'sometimes' for 'fail-on' (expected "
           "error, warning, info or never)\n");
    ERR_EQ("rules: {a: [\n", ".aipm-lint.yaml:2:1: error: invalid YAML: did not find expected node "
                             "content while parsing a flow node\n");
}

/* Resolve 'rel' (below root) with 'cli' and return its settings. */
static int resolve(aipm_config_set *set, const char *rel, aipm_file_settings *fs, aipm_error *err) {
    aipm_buf p = AIPM_BUF_INIT;
    aipm_buf_printf(&p, "%s/%s", root, rel);
    int rc = aipm_config_resolve(set, p.ptr, fs, err);
    aipm_buf_release(&p);
    return rc;
}

static void test_config_nearest_wins_and_overrides(void **state) {
    (void)state;
    write_file(".git/HEAD", "ref\n");
    write_file(".aipm-lint.yaml", "rules: {a: off}\n"
                                  "kinds: {\"docs/prd/**\": prd}\n"
                                  "ignore: [\"drafts/**\", CHANGELOG.md]\n"
                                  "overrides:\n"
                                  "  - files: [\"archive/**\"]\n"
                                  "    rules: {a.two: warning}\n"
                                  "  - files: [\"archive/old/**\"]\n"
                                  "    rules: {a.two: info}\n"
                                  "fail-on: never\n");
    write_file("docs/prd/p.md", "# p\n");
    write_file("archive/a.md", "# a\n");
    write_file("archive/old/a.md", "# a\n");
    write_file("drafts/d.md", "# d\n");
    write_file("nested/.aipm-lint.yaml", "rules:\n  b.three: error\n  a: warning\n");
    write_file("nested/deeper/n.md", "# n\n");
    aipm_config_cli cli;
    memset(&cli, 0, sizeof(cli));
    aipm_config_set *set = aipm_config_set_new(&rs, &cli);
    aipm_file_settings fs;
    aipm_error err = AIPM_ERROR_INIT;

    assert_int_equal(resolve(set, "docs/prd/p.md", &fs, &err), 0);
    assert_non_null(fs.config);
    assert_true(fs.has_kind);
    assert_int_equal(fs.kind, AIPM_KIND_PRD);
    assert_false(fs.ignored);
    assert_false(fs.enabled[0]);
    assert_false(fs.enabled[1]);
    assert_true(fs.enabled[2]);
    assert_int_equal(fs.fail_on, 3);
    aipm_file_settings_release(&fs);

    assert_int_equal(resolve(set, "archive/a.md", &fs, &err), 0);
    assert_false(fs.has_kind);
    assert_false(fs.enabled[0]);
    assert_true(fs.enabled[1]); /* the override turns it back on */
    assert_int_equal(fs.severity[1], AIPM_SEV_WARNING);
    aipm_file_settings_release(&fs);

    assert_int_equal(resolve(set, "archive/old/a.md", &fs, &err), 0);
    assert_int_equal(fs.severity[1], AIPM_SEV_INFO); /* later override wins */
    aipm_file_settings_release(&fs);

    assert_int_equal(resolve(set, "drafts/d.md", &fs, &err), 0);
    assert_true(fs.ignored);
    aipm_file_settings_release(&fs);
    assert_int_equal(resolve(set, "CHANGELOG.md", &fs, &err), 0);
    assert_true(fs.ignored);
    aipm_file_settings_release(&fs);

    /* the nested config wins, and does not inherit the outer one */
    assert_int_equal(resolve(set, "nested/deeper/n.md", &fs, &err), 0);
    assert_non_null(strstr(fs.config->path, "nested/.aipm-lint.yaml"));
    assert_true(fs.enabled[0]);
    assert_int_equal(fs.severity[0], AIPM_SEV_WARNING);
    assert_int_equal(fs.severity[1], AIPM_SEV_WARNING); /* family after defaults */
    assert_int_equal(fs.severity[2], AIPM_SEV_ERROR);
    assert_int_equal(fs.fail_on, -1);
    aipm_file_settings_release(&fs);
    aipm_config_set_free(set);

    /* --select and --ignore are layered over the config */
    const char *sel[] = {"a.two"};
    const char *ign[] = {"b"};
    cli.select = sel;
    cli.n_select = 1;
    cli.ignore = ign;
    cli.n_ignore = 1;
    set = aipm_config_set_new(&rs, &cli);
    assert_int_equal(resolve(set, "nested/deeper/n.md", &fs, &err), 0);
    assert_false(fs.enabled[0]);
    assert_true(fs.enabled[1]);
    assert_false(fs.enabled[2]);
    aipm_file_settings_release(&fs);
    aipm_config_set_free(set);

    /* --no-config */
    memset(&cli, 0, sizeof(cli));
    cli.no_config = true;
    set = aipm_config_set_new(&rs, &cli);
    assert_int_equal(resolve(set, "drafts/d.md", &fs, &err), 0);
    assert_null(fs.config);
    assert_false(fs.ignored);
    aipm_file_settings_release(&fs);
    aipm_config_set_free(set);

    /* --config FILE overrides discovery; its globs are relative to its folder */
    aipm_buf forced = AIPM_BUF_INIT;
    aipm_buf_printf(&forced, "%s/nested/.aipm-lint.yaml", root);
    memset(&cli, 0, sizeof(cli));
    cli.config = forced.ptr;
    set = aipm_config_set_new(&rs, &cli);
    assert_int_equal(resolve(set, "drafts/d.md", &fs, &err), 0);
    assert_false(fs.ignored);
    assert_int_equal(fs.severity[2], AIPM_SEV_ERROR);
    aipm_file_settings_release(&fs);
    aipm_config_set_free(set);
    aipm_buf_release(&forced);
}

static void test_config_discovery_stops_at_git(void **state) {
    (void)state;
    /* a config above the repository root is not used */
    write_file("outer/.aipm-lint.yaml", "rules: {a: off}\n");
    write_file("outer/repo/.git/HEAD", "ref\n");
    write_file("outer/repo/doc.md", "# d\n");
    aipm_config_cli cli;
    memset(&cli, 0, sizeof(cli));
    aipm_config_set *set = aipm_config_set_new(&rs, &cli);
    aipm_file_settings fs;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(resolve(set, "outer/repo/doc.md", &fs, &err), 0);
    assert_null(fs.config);
    aipm_file_settings_release(&fs);
    aipm_config_set_free(set);
}

static void test_config_unknown_rule_name(void **state) {
    (void)state;
    write_file("bad/.git/HEAD", "ref\n");
    write_file("bad/.aipm-lint.yaml", "rules:\n  a.on: error\n");
    write_file("bad/doc.md", "# d\n");
    aipm_config_cli cli;
    memset(&cli, 0, sizeof(cli));
    aipm_config_set *set = aipm_config_set_new(&rs, &cli);
    aipm_file_settings fs;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(resolve(set, "bad/doc.md", &fs, &err), -1);
    assert_non_null(strstr(err.msg, "no rule or family 'a.on' (did you mean 'a.one'?)"));
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 3);
    aipm_error_release(&err);
    aipm_config_set_free(set);
}

static void test_config_rule_files_and_builtin_false(void **state) {
    (void)state;
    write_file("own/.git/HEAD", "ref\n");
    write_file("own/.aipm-lint.yaml", "builtin: false\nrule-files: [lint/r.yaml]\n"
                                      "rules: {own.rule: error}\n");
    write_file("own/lint/r.yaml", "rules:\n"
                                  "  - id: own.rule\n"
                                  "    summary: s\n"
                                  "    message: m\n"
                                  "    check: forbid\n"
                                  "    words: [w]\n");
    write_file("own/a.md", "# a\n");
    write_file("own/b.md", "# b\n");
    aipm_config_cli cli;
    memset(&cli, 0, sizeof(cli));
    aipm_config_set *set = aipm_config_set_new(&rs, &cli);
    aipm_file_settings fs, fs2;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(resolve(set, "own/a.md", &fs, &err), 0);
    assert_int_equal(fs.rs->n_rules, 1);
    assert_string_equal(fs.rs->rules[0]->id, "own.rule");
    assert_int_equal(fs.severity[0], AIPM_SEV_ERROR);
    assert_int_equal(resolve(set, "own/b.md", &fs2, &err), 0);
    assert_ptr_equal(fs.rs, fs2.rs); /* loaded once per config */
    aipm_file_settings_release(&fs);
    aipm_file_settings_release(&fs2);
    aipm_config_set_free(set);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config_parse_every_key),
        cmocka_unit_test(test_config_empty_file_is_defaults),
        cmocka_unit_test(test_config_errors),
        cmocka_unit_test(test_config_nearest_wins_and_overrides),
        cmocka_unit_test(test_config_discovery_stops_at_git),
        cmocka_unit_test(test_config_unknown_rule_name),
        cmocka_unit_test(test_config_rule_files_and_builtin_false),
    };
    const char *filter = argc > 1 ? argv[1] : getenv("AIPM_TEST_FILTER");
    if (filter && *filter) {
        cmocka_set_test_filter(filter);
    }
    return cmocka_run_group_tests(tests, setup, teardown);
}
