/*
 * report/gitlab: GitLab Code Quality (the codeclimate subset GitLab reads),
 * a JSON array with one object per finding:
 *
 *   {"description": "...", "check_name": "vision.vague", "fingerprint": "...",
 *    "severity": "minor", "location": {"path": "docs/a.md", "lines": {"begin": 3, "end": 3}}}
 *
 * Severities: error -> "major", warning -> "minor", info -> "info" ("critical"
 * and "blocker" are not used). The fingerprint (report/span.c) is unique in
 * the report and survives unrelated edits above the finding, so GitLab can
 * tell new findings from old ones in a merge request.
 */
#include "report/report.h"

#include <stdlib.h>

#include "json.h"
#include "report/span.h"

static const char *severity(aipm_severity s) {
    return s == AIPM_SEV_ERROR ? "major" : s == AIPM_SEV_WARNING ? "minor" : "info";
}

static void write_gitlab(FILE *out, const aipm_file_result *files, size_t n,
                         const aipm_report_opts *opts) {
    (void)opts;
    aipm_buf b = AIPM_BUF_INIT;
    size_t count = 0;
    aipm_buf_putc(&b, '[');
    for (size_t i = 0; i < n; i++) {
        const aipm_file_result *f = &files[i];
        uint64_t *fps = f->ok ? aipm_span_fingerprints(f) : NULL;
        for (size_t k = 0; f->ok && k < f->diags.n; k++) {
            const aipm_diag *d = &f->diags.items[k];
            aipm_buf_puts(&b, count++ ? ",\n  " : "\n  ");
            aipm_buf_puts(&b, "{\"description\": ");
            aipm_json_cstr(&b, d->message);
            aipm_buf_puts(&b, ", \"check_name\": ");
            aipm_json_cstr(&b, d->rule);
            aipm_buf_puts(&b, ", \"fingerprint\": \"");
            aipm_span_put_fingerprint(&b, fps[k]);
            aipm_buf_printf(
                &b, "\", \"severity\": \"%s\", \"location\": {\"path\": ", severity(d->severity));
            aipm_json_cstr(&b, f->path);
            aipm_buf_printf(&b, ", \"lines\": {\"begin\": %u, \"end\": %u}}}", d->line,
                            d->end_line >= d->line ? d->end_line : d->line);
        }
        free(fps);
        fwrite(b.ptr, 1, b.len, out);
        aipm_buf_clear(&b);
    }
    aipm_buf_puts(&b, count ? "\n]\n" : "]\n");
    fwrite(b.ptr, 1, b.len, out);
    aipm_buf_release(&b);
}

const aipm_reporter aipm_report_gitlab = {"gitlab", "GitLab Code Quality report", write_gitlab,
                                          true};
