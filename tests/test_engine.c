/*
 * test_engine: the rule engine over a small document: the units each scope
 * gives (document, section, block, sentence, item) with their exact spans,
 * emit positions, traits and 'when', the enabled flags, and the single
 * match-limit diagnostic of a runaway pattern.
 *
 * Units are observed through the 'length' kind with an unreachable
 * 'min-words': it reports every unit once, at the unit's anchor, with
 * {count} its words, so each diagnostic is one unit.
 */
#include "test.h"

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "engine.h"
#include "error.h"
#include "io.h"
#include "paths.h"
#include "ruleset.h"

static const char doc_src[] = "# Vision\n"                        /* 1 */
                              "\n"                                /* 2 */
                              "We help nurses. They save time.\n" /* 3 */
                              "\n"                                /* 4 */
                              "## Metrics\n"                      /* 5 */
                              "\n"                                /* 6 */
                              "- Cut wait time\n"                 /* 7 */
                              "- Raise NPS to 40\n"               /* 8 */
                              "\n"                                /* 9 */
                              "| Metric | Target |\n"             /* 10 */
                              "|---|---|\n"                       /* 11 */
                              "| wait | 5 min |\n";               /* 12 */

/* Append each diagnostic of 'out' as "line:col-end_line:end_col rule message\n". */
static void append_diags(aipm_buf *b, const aipm_diag_list *out) {
    for (size_t i = 0; i < out->n; i++) {
        const aipm_diag *d = &out->items[i];
        aipm_buf_printf(b, "%u:%u-%u:%u %s %s\n", d->line, d->col, d->end_line, d->end_col, d->rule,
                        d->message);
    }
}

/* Load 'yaml' as the only rule file; run it over doc_src; return the diagnostics
 * sorted, formatted one per line as "line:col-end_line:end_col rule message". */
static char *run_rules(const char *yaml) {
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    if (aipm_ruleset_load(&rs, "r.yaml", yaml, strlen(yaml), false, &err) < 0 ||
        aipm_ruleset_finish(&rs, &err) < 0) {
        fail_msg("rules do not load: %s", err.msg);
    }
    aipm_doc_opts dopts = {0};
    dopts.sentences = rs.needs_sentences;
    dopts.kind = AIPM_KIND_COUNT;
    dopts.config_kind = AIPM_KIND_COUNT;
    aipm_doc *doc = aipm_doc_build("d.md", doc_src, sizeof(doc_src) - 1, &dopts, &err);
    assert_non_null(doc);
    aipm_engine *e = aipm_engine_new(&rs);
    aipm_diag_list out = AIPM_DIAG_LIST_INIT;
    uint64_t traits = aipm_engine_traits(e, doc);
    aipm_engine_run(e, doc, traits, NULL, &out);
    aipm_diag_list_sort(&out);
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, "");
    append_diags(&b, &out);
    aipm_diag_list_release(&out);
    aipm_engine_free(e);
    aipm_doc_free(doc);
    aipm_ruleset_release(&rs);
    return aipm_buf_detach(&b);
}

#define UNIT_RULE(unit)                                                                            \
    "rules:\n"                                                                                     \
    "  - id: t.unit\n"                                                                             \
    "    summary: every unit\n"                                                                    \
    "    severity: info\n"                                                                         \
    "    check: length\n"                                                                          \
    "    scope: " unit "\n"                                                                        \
    "    min-words: 1000\n"                                                                        \
    "    message: '{count}'\n"

static void check_units(const char *yaml, const char *want) {
    char *got = run_rules(yaml);
    assert_string_equal(got, want);
    free(got);
}

static void test_engine_unit_document(void **state) {
    (void)state;
    check_units(UNIT_RULE("document"), "1:3-1:9 t.unit 20\n"); /* anchored at the first span */
}

static void test_engine_unit_section(void **state) {
    (void)state;
    /* every section, nested content included: Metrics counts in Vision too */
    check_units(UNIT_RULE("section"), "1:3-1:9 t.unit 20\n"
                                      "5:4-5:11 t.unit 13\n");
}

static void test_engine_unit_block(void **state) {
    (void)state;
    check_units(UNIT_RULE("block"), "1:3-1:9 t.unit 1\n"
                                    "3:1-3:32 t.unit 6\n"
                                    "5:4-5:11 t.unit 1\n"
                                    "7:3-7:16 t.unit 3\n"
                                    "8:3-8:18 t.unit 4\n"
                                    "10:3-10:18 t.unit 2\n" /* the header row: cell text */
                                    "12:3-12:15 t.unit 3\n");
}

static void test_engine_unit_sentence(void **state) {
    (void)state;
    check_units(UNIT_RULE("{unit: sentence, blocks: [paragraph]}"), "3:1-3:16 t.unit 3\n"
                                                                    "3:17-3:32 t.unit 3\n");
}

static void test_engine_unit_item(void **state) {
    (void)state;
    /* list items and table body rows; other blocks (the heading) stay whole */
    check_units(UNIT_RULE("{unit: item, sections: '^Metrics$'}"), "5:4-5:11 t.unit 1\n"
                                                                  "7:3-7:16 t.unit 3\n"
                                                                  "8:3-8:18 t.unit 4\n"
                                                                  "12:3-12:15 t.unit 3\n");
}

static void test_engine_emit_positions_of_matches(void **state) {
    (void)state;
    check_units("rules:\n"
                "  - id: t.word\n"
                "    summary: a word\n"
                "    severity: warning\n"
                "    check: forbid\n"
                "    patterns: ['\\btime\\b', 'NPS to \\d+']\n"
                "    message: '{match}'\n",
                "3:27-3:31 t.word time\n"
                "7:12-7:16 t.word time\n"
                "8:9-8:18 t.word NPS to 40\n");
}

static void test_engine_traits_and_when(void **state) {
    (void)state;
    static const char traits[] = "traits:\n"
                                 "  care:\n"
                                 "    patterns: ['(?i)\\bnurses?\\b']\n"
                                 "    min: 1\n"
                                 "  finance:\n"
                                 "    patterns: ['(?i)\\binvoice\\b']\n"
                                 "    min: 1\n"
                                 "rules:\n"
                                 "  - id: t.care\n"
                                 "    summary: only for care documents\n"
                                 "    severity: info\n"
                                 "    check: forbid\n"
                                 "    words: [wait]\n"
                                 "    when: {trait: care}\n"
                                 "    message: 'care {match}'\n"
                                 "  - id: t.finance\n"
                                 "    summary: only for finance documents\n"
                                 "    severity: info\n"
                                 "    check: forbid\n"
                                 "    words: [wait]\n"
                                 "    when: {trait: finance}\n"
                                 "    message: 'finance {match}'\n"
                                 "  - id: t.not-finance\n"
                                 "    summary: not for finance documents\n"
                                 "    severity: info\n"
                                 "    check: forbid\n"
                                 "    words: [NPS]\n"
                                 "    when: {not-trait: finance}\n"
                                 "    message: 'not finance {match}'\n";
    check_units(traits, "7:7-7:11 t.care care wait\n"
                        "8:9-8:12 t.not-finance not finance NPS\n"
                        "12:3-12:7 t.care care wait\n");
}

static void test_engine_disabled_rule_and_only(void **state) {
    (void)state;
    static const char yaml[] = "rules:\n"
                               "  - id: t.a\n"
                               "    summary: a\n"
                               "    severity: info\n"
                               "    check: forbid\n"
                               "    words: [nurses]\n"
                               "    message: a\n"
                               "  - id: t.b\n"
                               "    summary: b\n"
                               "    severity: info\n"
                               "    check: forbid\n"
                               "    words: [nurses]\n"
                               "    message: b\n";
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(aipm_ruleset_load(&rs, "r.yaml", yaml, sizeof(yaml) - 1, false, &err), 0);
    assert_int_equal(aipm_ruleset_finish(&rs, &err), 0);
    const char *ignore[] = {"t.a"};
    assert_int_equal(aipm_ruleset_select(&rs, NULL, 0, ignore, 1, &err), 0);
    aipm_doc_opts dopts = {false, AIPM_KIND_COUNT, AIPM_KIND_COUNT};
    aipm_doc *doc = aipm_doc_build("d.md", doc_src, sizeof(doc_src) - 1, &dopts, &err);
    aipm_engine *e = aipm_engine_new(&rs);
    aipm_diag_list out = AIPM_DIAG_LIST_INIT;
    aipm_engine_run(e, doc, 0, NULL, &out);
    assert_int_equal(out.n, 1);
    assert_string_equal(out.items[0].rule, "t.b");
    aipm_diag_list_release(&out);
    /* 'only' runs a rule even when it is disabled (rule self-tests) */
    aipm_engine_run(e, doc, 0, aipm_ruleset_find(&rs, "t.a"), &out);
    assert_int_equal(out.n, 1);
    assert_string_equal(out.items[0].rule, "t.a");
    aipm_diag_list_release(&out);
    aipm_engine_free(e);
    aipm_doc_free(doc);
    aipm_ruleset_release(&rs);
}

static void test_engine_match_limit_reported_once(void **state) {
    (void)state;
    static const char yaml[] = "rules:\n"
                               "  - id: t.backtrack\n"
                               "    summary: backtracks\n"
                               "    severity: warning\n"
                               "    check: forbid\n"
                               "    patterns: ['(a+)+$']\n"
                               "    message: m\n"
                               "  - id: t.word\n"
                               "    summary: still runs\n"
                               "    severity: warning\n"
                               "    check: forbid\n"
                               "    words: [widget]\n"
                               "    message: w\n";
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(aipm_ruleset_load(&rs, "r.yaml", yaml, sizeof(yaml) - 1, false, &err), 0);
    assert_int_equal(aipm_ruleset_finish(&rs, &err), 0);
    aipm_buf src = AIPM_BUF_INIT;
    for (int p = 0; p < 3; p++) {
        for (int i = 0; i < 5000; i++) {
            aipm_buf_putc(&src, 'a');
        }
        aipm_buf_puts(&src, "!\n\n");
    }
    aipm_buf_puts(&src, "A widget.\n");
    aipm_doc_opts dopts = {false, AIPM_KIND_COUNT, AIPM_KIND_COUNT};
    aipm_doc *doc = aipm_doc_build("d.md", src.ptr, src.len, &dopts, &err);
    aipm_engine *e = aipm_engine_new(&rs);
    aipm_diag_list out = AIPM_DIAG_LIST_INIT;
    aipm_engine_run(e, doc, 0, NULL, &out);
    aipm_diag_list_sort(&out);
    size_t limit = 0, word = 0;
    for (size_t i = 0; i < out.n; i++) {
        if (strstr(out.items[i].message, "exceeded the match limit")) {
            limit++;
            assert_string_equal(out.items[i].rule, "t.backtrack");
            assert_non_null(strstr(out.items[i].message, "'t.backtrack'"));
            assert_int_equal(out.items[i].line, 1);
        } else if (strcmp(out.items[i].rule, "t.word") == 0) {
            word++;
            assert_int_equal(out.items[i].line, 7);
            assert_int_equal(out.items[i].col, 3);
        }
    }
    assert_int_equal(limit, 1);
    assert_int_equal(word, 1);
    aipm_diag_list_release(&out);
    aipm_engine_free(e);
    aipm_doc_free(doc);
    aipm_buf_release(&src);
    aipm_ruleset_release(&rs);
}

/* The built-in pack's findings on 'doc', one per line: with the prefilter on
 * or off, matching with JIT code or the interpreter. */
static char *builtin_findings(const aipm_ruleset *rs, const aipm_doc *doc, bool prefilter,
                              bool jit) {
    aipm_engine *e = aipm_engine_new(rs);
    aipm_engine_set_prefilter(e, prefilter);
    aipm_engine_set_jit(e, jit);
    aipm_diag_list out = AIPM_DIAG_LIST_INIT;
    uint64_t traits = aipm_engine_traits(e, doc);
    aipm_engine_run(e, doc, traits, NULL, &out);
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_printf(&b, "traits %llx\n", (unsigned long long)traits);
    append_diags(&b, &out);
    aipm_diag_list_release(&out);
    aipm_engine_free(e);
    return aipm_buf_detach(&b);
}

/* The prefilter only skips searches that cannot match, and the interpreter
 * finds what JIT code finds: every fixture document gets the same findings
 * from the built-in pack with the prefilter and without, with JIT and without. */
static void test_engine_prefilter_and_jit_change_nothing(void **state) {
    (void)state;
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(aipm_ruleset_load_builtin(&rs, &err), 0);
    assert_int_equal(aipm_ruleset_finish(&rs, &err), 0);
    assert_true(aipm_prefilter_slots(rs.prefilter) > 50);
    aipm_paths paths = AIPM_PATHS_INIT;
    assert_int_equal(aipm_paths_expand(&paths, "fixtures", &err), 0);
    assert_true(paths.n > 100);
    size_t found = 0;
    for (size_t i = 0; i < paths.n; i++) {
        size_t len;
        char *src = aipm_io_read(paths.items[i], paths.items[i], SIZE_MAX, &len, &err);
        if (!src) {
            aipm_error_release(&err);
            continue; /* fixtures of unreadable input (a NUL byte) */
        }
        aipm_doc_opts dopts = {0};
        dopts.sentences = rs.needs_sentences;
        dopts.kind = AIPM_KIND_COUNT;
        dopts.config_kind = AIPM_KIND_COUNT;
        aipm_doc *doc = aipm_doc_build(paths.items[i], src, len, &dopts, &err);
        free(src);
        if (!doc) {
            aipm_error_release(&err);
            continue; /* fixtures of malformed front matter */
        }
        char *with = builtin_findings(&rs, doc, true, true);
        char *without = builtin_findings(&rs, doc, false, true);
        char *interpreted = builtin_findings(&rs, doc, true, false);
        if (strcmp(with, without) != 0) {
            fail_msg("%s: with the prefilter:\n%s\nwithout:\n%s", paths.items[i], with, without);
        }
        if (strcmp(with, interpreted) != 0) {
            fail_msg("%s: with JIT:\n%s\ninterpreted:\n%s", paths.items[i], with, interpreted);
        }
        found += strlen(with) > 20;
        free(with);
        free(without);
        free(interpreted);
        aipm_doc_free(doc);
    }
    assert_true(found > 50); /* the fixtures do have findings */
    aipm_paths_release(&paths);
    aipm_ruleset_release(&rs);
}

typedef struct tried {
    aipm_matcher *m;
    size_t n;
} tried;

static void try_pattern(void *arg, aipm_pattern *p) {
    tried *t = arg;
    size_t ms, me;
    if (aipm_pattern_find(p, "x", 1, 0, t->m, &ms, &me) == AIPM_MATCH_LIMIT) {
        fail_msg("built-in pattern does not compile: %s", aipm_pattern_source(p));
    }
    t->n++;
}

/* The built-in pack compiles its patterns on first use (AIPM_PATTERN_DEFER),
 * where a bad one would go unreported: every one of them must compile. */
static void test_engine_builtin_patterns_compile(void **state) {
    (void)state;
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    assert_int_equal(aipm_ruleset_load_builtin(&rs, &err), 0);
    tried t = {aipm_matcher_new(), 0};
    aipm_ruleset_visit_patterns(&rs, try_pattern, &t);
    assert_true(t.n > 90);
    aipm_matcher_free(t.m);
    aipm_ruleset_release(&rs);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_engine_unit_document),
        cmocka_unit_test(test_engine_unit_section),
        cmocka_unit_test(test_engine_unit_block),
        cmocka_unit_test(test_engine_unit_sentence),
        cmocka_unit_test(test_engine_unit_item),
        cmocka_unit_test(test_engine_emit_positions_of_matches),
        cmocka_unit_test(test_engine_traits_and_when),
        cmocka_unit_test(test_engine_disabled_rule_and_only),
        cmocka_unit_test(test_engine_match_limit_reported_once),
        cmocka_unit_test(test_engine_prefilter_and_jit_change_nothing),
        cmocka_unit_test(test_engine_builtin_patterns_compile),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
