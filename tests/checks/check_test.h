/*
 * check_test.h: helpers the check-kind tests share. Each loads a rule file
 * from a string, lints a Markdown string with it, and hands back the result
 * as text, so a test asserts exact positions and messages in one compare:
 *
 *     ct_lint(yaml, "Make it seamless.\n")
 *         -> "1:9-1:17 warning: Vague word 'seamless'\n"
 *
 * Every line reads 'line:col-end_line:end_col severity: message', followed
 * by ' => suggestion' when the diagnostic has one, in the sorted order every
 * reporter prints. Include after test.h.
 */
#ifndef AIPM_CHECK_TEST_H
#define AIPM_CHECK_TEST_H

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "engine.h"
#include "error.h"
#include "mem.h"
#include "ruleset.h"
#include "ruleset_test.h"

/* The path rule strings are loaded as; it starts every load error. */

/*
 * Load 'yaml' as a rule file and return the formatted load error
 * ("rules.yaml:L:C: error: ...\n"), or "" when it loads. Free the result.
 */
static inline char *ct_load_error(const char *yaml) {
    aipm_ruleset rs;
    char *error = NULL;
    if (rt_load_rules(&rs, yaml, &error) == 0) {
        error = aipm_xstrdup("");
    }
    aipm_ruleset_release(&rs);
    return error;
}

/* Load 'yaml' (which must load), lint 'md' with it and return the diagnostics as text. */
static inline char *ct_lint(const char *yaml, const char *md) {
    aipm_ruleset rs;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_buf out = AIPM_BUF_INIT;
    char *error = NULL;
    if (rt_load_rules(&rs, yaml, &error) < 0) {
        fail_msg("rules did not load: %s", error);
    }
    aipm_doc_opts opts = {rs.needs_sentences, AIPM_KIND_COUNT, AIPM_KIND_COUNT};
    aipm_doc *doc = aipm_doc_build("doc.md", md, strlen(md), &opts, &err);
    if (!doc) {
        aipm_error_format(&err, &out);
        fail_msg("document did not build: %s", out.ptr);
    }
    aipm_engine *e = aipm_engine_new(&rs);
    aipm_diag_list list = AIPM_DIAG_LIST_INIT;
    aipm_engine_run(e, doc, aipm_engine_traits(e, doc), NULL, &list);
    aipm_diag_list_sort(&list);
    for (size_t i = 0; i < list.n; i++) {
        const aipm_diag *d = &list.items[i];
        aipm_buf_printf(&out, "%u:%u-%u:%u %s: %s", d->line, d->col, d->end_line, d->end_col,
                        aipm_severity_name(d->severity), d->message);
        if (d->suggestion) {
            aipm_buf_printf(&out, " => %s", d->suggestion);
        }
        aipm_buf_putc(&out, '\n');
    }
    aipm_diag_list_release(&list);
    aipm_engine_free(e);
    aipm_doc_free(doc);
    aipm_error_release(&err);
    aipm_ruleset_release(&rs);
    return aipm_buf_detach(&out);
}

/* Assert that 'got' (freed here) equals 'want'. */
#define CT_EQ(got, want) RT_STR_EQ(got, want)

#endif
