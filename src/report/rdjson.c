/*
 * report/rdjson: reviewdog's Diagnostic Format (rdjson), for
 * `reviewdog -f=rdjson`:
 *
 *   {"source": {"name": "aipm-lint", "url": "..."}, "diagnostics": [
 *     {"message": "...", "severity": "WARNING",
 *      "location": {"path": "docs/a.md", "range": {"start": {"line": 3, "column": 12},
 *                                                  "end": {"line": 3, "column": 40}}},
 *      "code": {"value": "vision.vague", "url": ".../docs/rules/vision.vague.md"},
 *      "suggestions": [{"range": {...}, "text": "..."}]}]}
 *
 * Unlike every other format, columns are 1-based UTF-8 byte offsets (the
 * end exclusive), as rdjson specifies; they come from the source offsets
 * (report/span.c). A finding with a suggestion carries it as a suggestion
 * replacing its range, which reviewdog turns into a suggested change.
 */
#include "report/report.h"

#include "json.h"
#include "report/span.h"

static const char *severity(aipm_severity s) {
    return s == AIPM_SEV_ERROR ? "ERROR" : s == AIPM_SEV_WARNING ? "WARNING" : "INFO";
}

static void write_range(aipm_buf *b, const aipm_file_result *f, const aipm_diag *d) {
    aipm_buf_printf(b,
                    "{\"start\": {\"line\": %u, \"column\": %u}, "
                    "\"end\": {\"line\": %u, \"column\": %u}}",
                    d->line, aipm_span_byte_col(f, d, false),
                    d->end_line >= d->line ? d->end_line : d->line, aipm_span_byte_col(f, d, true));
}

static void write_rdjson(FILE *out, const aipm_file_result *files, size_t n,
                         const aipm_report_opts *opts) {
    aipm_buf b = AIPM_BUF_INIT, tmp = AIPM_BUF_INIT;
    size_t count = 0;
    aipm_buf_puts(&b, "{\n  \"source\": {\"name\": \"aipm-lint\", \"url\": \"" AIPM_REPORT_HOME
                      "\"},\n  \"diagnostics\": [");
    for (size_t i = 0; i < n; i++) {
        const aipm_file_result *f = &files[i];
        for (size_t k = 0; f->ok && k < f->diags.n; k++) {
            const aipm_diag *d = &f->diags.items[k];
            aipm_buf_puts(&b, count++ ? ",\n    " : "\n    ");
            aipm_buf_puts(&b, "{\"message\": ");
            aipm_json_cstr(&b, d->message);
            aipm_buf_printf(
                &b, ", \"severity\": \"%s\", \"location\": {\"path\": ", severity(d->severity));
            aipm_json_cstr(&b, f->path);
            aipm_buf_puts(&b, ", \"range\": ");
            write_range(&b, f, d);
            aipm_buf_puts(&b, "}, \"code\": {\"value\": ");
            aipm_json_cstr(&b, d->rule);
            const char *uri = aipm_report_help_uri(opts, d->rule, &tmp);
            if (uri) {
                aipm_buf_puts(&b, ", \"url\": \"" AIPM_REPORT_HOME "/blob/main/");
                aipm_span_uri(&b, uri);
                aipm_buf_putc(&b, '"');
            }
            aipm_buf_putc(&b, '}');
            if (d->suggestion) {
                aipm_buf_puts(&b, ", \"suggestions\": [{\"range\": ");
                write_range(&b, f, d);
                aipm_buf_puts(&b, ", \"text\": ");
                aipm_json_cstr(&b, d->suggestion);
                aipm_buf_puts(&b, "}]");
            }
            aipm_buf_putc(&b, '}');
        }
        fwrite(b.ptr, 1, b.len, out);
        aipm_buf_clear(&b);
    }
    aipm_buf_puts(&b, count ? "\n  ]\n}\n" : "]\n}\n");
    fwrite(b.ptr, 1, b.len, out);
    aipm_buf_release(&b);
    aipm_buf_release(&tmp);
}

const aipm_reporter aipm_report_rdjson = {"rdjson", "reviewdog diagnostic format (byte columns)",
                                          write_rdjson, true};
