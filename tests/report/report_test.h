/*
 * report_test.h: the shared input of the reporter golden tests. Three files:
 *
 *   "docs/plan ü & <b>.md"  three findings (error, warning with a suggestion,
 *                           info spanning two lines) whose messages hold
 *                           quotes, newlines, %, <, &, ':', ',' and non-ASCII
 *   "docs/clean.md"         no finding
 *   "docs/missing.md"       could not be read (ok == false)
 *
 * with the rules of fixtures/report/rules.yaml. Each test_<fmt>.c writes
 * them with its reporter and compares with fixtures/report/expected.<fmt>
 * byte for byte; on a difference the actual output is left in
 * $TMPDIR/aipm-report-actual.<fmt> for review (never copied over blindly).
 * Tests run from the repository root (make unit).
 */
#ifndef AIPM_REPORT_TEST_H
#define AIPM_REPORT_TEST_H

#include "test.h"

#include <stdio.h>

#include "error.h"
#include "io.h"
#include "lint.h"
#include "mem.h"
#include "report/report.h"
#include "ruleset.h"
#include "utf8.h"

#define RT_N_FILES 3

static const char rt_src[] = "# The vision\n"
                             "\n"
                             "Ünïcode first, then the café, 100% \"sure\".\n"
                             "This spans\n"
                             "two lines.\n";

typedef struct rt_fixture {
    aipm_ruleset rs;
    aipm_file_result files[RT_N_FILES];
    aipm_report_opts opts;
} rt_fixture;

/* Position of byte 'off' of rt_src: 1-based line and code-point column. */
static inline void rt_pos(size_t off, uint32_t *line, uint32_t *col) {
    size_t ls = 0;
    *line = 1;
    for (size_t i = 0; i < off; i++) {
        if (rt_src[i] == '\n') {
            (*line)++;
            ls = i + 1;
        }
    }
    *col = (uint32_t)aipm_utf8_count(rt_src + ls, off - ls) + 1;
}

static inline void rt_add(aipm_diag_list *l, const char *rule, aipm_severity sev, const char *span,
                          size_t span_len, const char *msg, const char *suggestion) {
    const char *at = strstr(rt_src, span);
    assert_non_null(at);
    aipm_diag d;
    memset(&d, 0, sizeof(d));
    d.rule = rule;
    d.severity = sev;
    d.message = aipm_xstrdup(msg);
    d.suggestion = suggestion ? aipm_xstrdup(suggestion) : NULL;
    d.start = (uint32_t)(at - rt_src);
    d.end = d.start + (uint32_t)span_len;
    rt_pos(d.start, &d.line, &d.col);
    rt_pos(d.end, &d.end_line, &d.end_col);
    aipm_diag_list_add(l, &d);
}

static inline int rt_setup(void **state) {
    rt_fixture *fx = aipm_xcalloc(1, sizeof(*fx));
    aipm_ruleset init = AIPM_RULESET_INIT;
    fx->rs = init;
    aipm_error err = AIPM_ERROR_INIT;
    size_t len;
    const char *path = "fixtures/report/rules.yaml";
    char *data = aipm_io_read(path, path, AIPM_IO_DEFAULT_MAX_SIZE, &len, &err);
    assert_non_null(data);
    assert_int_equal(aipm_ruleset_load(&fx->rs, path, data, len, false, &err), 0);
    assert_int_equal(aipm_ruleset_finish(&fx->rs, &err), 0);
    free(data);

    aipm_file_result *f = &fx->files[0];
    f->path = aipm_xstrdup("docs/plan \xC3\xBC & <b>.md");
    f->ok = true;
    f->kind = AIPM_KIND_PRD;
    f->src = aipm_xstrdup(rt_src);
    f->src_len = strlen(rt_src);
    rt_add(&f->diags, "test.error", AIPM_SEV_ERROR, "vision", 6,
           "Say \"who\" & <what>: 100% sure, caf\xC3\xA9", NULL);
    rt_add(&f->diags, "test.warning", AIPM_SEV_WARNING, "caf\xC3\xA9", 5,
           "two\nlines\r\nand a % sign, a comma: here", "coffee shop");
    rt_add(&f->diags, "test.info", AIPM_SEV_INFO, "spans\ntwo", 9,
           "tab\there 'single' \xE6\xBC\xA2\xE5\xAD\x97 %0A", NULL);

    f = &fx->files[1];
    f->path = aipm_xstrdup("docs/clean.md");
    f->ok = true;
    f->kind = AIPM_KIND_OTHER;
    f->src = aipm_xstrdup("# Clean\n");
    f->src_len = 8;

    f = &fx->files[2];
    f->path = aipm_xstrdup("docs/missing.md");
    f->ok = false;
    aipm_error_set(&f->error, NULL, 0, 0, "cannot read 'docs/missing.md': No such file");

    fx->opts.rules = &fx->rs;
    fx->opts.fail_on = AIPM_SEV_WARNING;
    *state = fx;
    return 0;
}

static inline int rt_teardown(void **state) {
    rt_fixture *fx = *state;
    for (size_t i = 0; i < RT_N_FILES; i++) {
        aipm_file_result_release(&fx->files[i]);
    }
    aipm_ruleset_release(&fx->rs);
    free(fx);
    return 0;
}

/* Run 'rep' over 'n' files; return the output (the caller frees it). */
static inline char *rt_write(const aipm_reporter *rep, const aipm_file_result *files, size_t n,
                             const aipm_report_opts *opts) {
    /* heap-held, so GCC does not take the result for a pointer into this frame */
    struct {
        char *ptr;
        size_t len;
    } *m = aipm_xcalloc(1, sizeof(*m));
    FILE *f = open_memstream(&m->ptr, &m->len);
    assert_non_null(f);
    rep->write(f, files, n, opts);
    assert_int_equal(fclose(f), 0);
    char *out = m->ptr;
    free(m);
    return out;
}

/* Compare 'actual' with the file 'path' byte for byte. */
static inline void rt_golden(const char *actual, const char *path, const char *fmt) {
    aipm_error err = AIPM_ERROR_INIT;
    size_t len;
    char *want = aipm_io_read(path, path, AIPM_IO_DEFAULT_MAX_SIZE, &len, &err);
    if (!want || strcmp(want, actual) != 0) {
        const char *tmp = getenv("TMPDIR");
        char out[512];
        snprintf(out, sizeof(out), "%s/aipm-report-actual.%s", tmp && *tmp ? tmp : "/tmp", fmt);
        FILE *f = fopen(out, "w");
        if (f) {
            fputs(actual, f);
            fclose(f);
        }
        print_error("%s differs from the output, left in %s\n", path, out);
    }
    assert_non_null(want);
    assert_string_equal(want, actual);
    free(want);
    aipm_error_release(&err);
}

/* The golden test every format has. */
static inline void rt_check_golden(void **state, const aipm_reporter *rep) {
    rt_fixture *fx = *state;
    char *out = rt_write(rep, fx->files, RT_N_FILES, &fx->opts);
    char path[128];
    snprintf(path, sizeof(path), "fixtures/report/expected.%s", rep->name);
    rt_golden(out, path, rep->name);
    free(out);
}

#endif
