/*
 * lint: the per-file pipeline (DESIGN section 2):
 *
 *   io_read -> doc_build (kind, sections, blocks, sentences when needed)
 *           -> engine_traits -> engine_run -> diag_list_sort
 *
 * The document is freed before returning: only the diagnostics (and the
 * source, when --show-source asks for it) outlive the call, so memory does
 * not grow with the number of files.
 */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "mem.h"
#include "suppress.h"

/* The filter stage: drop what inline comments suppress, then report the
 * suppressions that suppressed nothing (suppress.unused, when it runs: only
 * in a full run or its own self-test, since a partial run would make every
 * other suppression look unused). */
static void apply_suppressions(const aipm_ruleset *rs, const aipm_doc *doc, const aipm_rule *only,
                               const bool *enabled, const aipm_severity *severity,
                               aipm_diag_list *diags) {
    aipm_suppress_list sl = AIPM_SUPPRESS_LIST_INIT;
    aipm_suppress_parse(doc, &sl);
    if (sl.n == 0) {
        return;
    }
    aipm_suppress_filter(&sl, diags, true);
    const aipm_rule *unused = aipm_ruleset_find(rs, "suppress.unused");
    if (unused) {
        size_t i = aipm_ruleset_index(rs, unused);
        if (only ? only == unused : enabled[i]) {
            aipm_diag_list extra = AIPM_DIAG_LIST_INIT;
            aipm_suppress_report_unused(&sl, doc, rs, unused, severity[i], &extra);
            aipm_suppress_filter(&sl, &extra, false);
            for (size_t k = 0; k < extra.n; k++) {
                aipm_diag_list_add(diags, &extra.items[k]);
            }
            free(extra.items);
        }
    }
    aipm_suppress_release(&sl);
}

void aipm_lint_buffer(const aipm_ruleset *rs, aipm_engine *e, const aipm_lint_opts *opts,
                      const char *path, const char *src, size_t len, const aipm_rule *only,
                      aipm_file_result *out) {
    memset(out, 0, sizeof(*out));
    out->path = aipm_xstrdup(path);
    aipm_doc_opts dopts;
    dopts.sentences = only ? aipm_rule_needs_sentences(only) : rs->needs_sentences;
    dopts.kind = opts->kind;
    dopts.config_kind = opts->has_config_kind ? opts->config_kind : AIPM_KIND_COUNT;
    aipm_engine_use(e, rs);
    aipm_engine_set_jit(e, !opts->no_jit);
    aipm_doc *doc = aipm_doc_build(path, src, len, &dopts, &out->error);
    if (!doc) {
        out->ok = false;
        return;
    }
    out->ok = true;
    out->kind = doc->kind;
    out->invalid_utf8_line = doc->invalid_utf8_line;
    out->traits = aipm_engine_traits(e, doc);
    const bool *enabled = opts->enabled ? opts->enabled : rs->enabled;
    const aipm_severity *severity = opts->severity ? opts->severity : rs->severity;
    aipm_engine_run_states(e, doc, out->traits, only, enabled, severity, &out->diags);
    if (!opts->no_suppress) {
        apply_suppressions(rs, doc, only, enabled, severity, &out->diags);
    }
    aipm_diag_list_sort(&out->diags);
    aipm_doc_free(doc);
    if (opts->keep_source) {
        out->src = aipm_xstrndup(src, len);
        out->src_len = len;
    }
}

void aipm_lint_file(const aipm_ruleset *rs, aipm_engine *e, const aipm_lint_opts *opts,
                    const char *path, aipm_file_result *out) {
    const char *display = strcmp(path, "-") == 0 && opts->stdin_name ? opts->stdin_name : path;
    aipm_error err = AIPM_ERROR_INIT;
    size_t len;
    char *src = aipm_io_read(path, display, opts->max_file_size, &len, &err);
    if (!src) {
        memset(out, 0, sizeof(*out));
        out->path = aipm_xstrdup(display);
        out->ok = false;
        out->error = err;
        return;
    }
    aipm_lint_buffer(rs, e, opts, display, src, len, NULL, out);
    free(src);
}

void aipm_file_result_release(aipm_file_result *r) {
    free(r->path);
    aipm_error_release(&r->error);
    aipm_diag_list_release(&r->diags);
    free(r->src);
    memset(r, 0, sizeof(*r));
}
