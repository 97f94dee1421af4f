/*
 * report/json: the machine contract of DESIGN section 4 ("JSON output").
 * Every linted file appears with its kind and traits, even with no
 * diagnostic; fields are only ever added. Files that could not be read are
 * not listed (their errors go to stderr).
 */
#include "report/report.h"

#include "json.h"
#include <aipm/aipm.h>

static void write_traits(aipm_buf *b, const aipm_file_result *f, const aipm_ruleset *rs) {
    aipm_buf_putc(b, '[');
    bool first = true;
    for (size_t t = 0; rs && t < rs->n_traits; t++) {
        if (f->traits & ((uint64_t)1 << t)) {
            if (!first) {
                aipm_buf_puts(b, ", ");
            }
            aipm_json_cstr(b, rs->traits[t].name);
            first = false;
        }
    }
    aipm_buf_putc(b, ']');
}

static void write_json(FILE *out, const aipm_file_result *files, size_t n,
                       const aipm_report_opts *opts) {
    aipm_buf b = AIPM_BUF_INIT, tmp = AIPM_BUF_INIT;
    size_t n_files = 0;
    aipm_buf_printf(&b,
                    "{\n  \"version\": 1,\n  \"tool\": {\"name\": \"aipm-lint\", \"version\": ");
    aipm_json_cstr(&b, AIPM_VERSION);
    aipm_buf_puts(&b, "},\n  \"files\": [");
    for (size_t i = 0; i < n; i++) {
        const aipm_file_result *f = &files[i];
        if (!f->ok) {
            continue;
        }
        aipm_buf_puts(&b, n_files ? ",\n    {\n" : "\n    {\n");
        n_files++;
        aipm_buf_puts(&b, "      \"path\": ");
        aipm_json_cstr(&b, f->path);
        aipm_buf_puts(&b, ",\n      \"kind\": ");
        aipm_json_cstr(&b, aipm_kind_name(f->kind));
        aipm_buf_puts(&b, ",\n      \"traits\": ");
        write_traits(&b, f, opts->rules);
        aipm_buf_puts(&b, ",\n      \"diagnostics\": [");
        for (size_t k = 0; k < f->diags.n; k++) {
            const aipm_diag *d = &f->diags.items[k];
            aipm_buf_puts(&b, k ? ",\n        " : "\n        ");
            aipm_buf_puts(&b, "{\"rule\": ");
            aipm_json_cstr(&b, d->rule);
            aipm_buf_puts(&b, ", \"severity\": ");
            aipm_json_cstr(&b, aipm_severity_name(d->severity));
            aipm_buf_puts(&b, ", \"message\": ");
            aipm_json_cstr(&b, d->message);
            aipm_buf_printf(&b,
                            ", \"line\": %u, \"column\": %u, \"end_line\": %u, "
                            "\"end_column\": %u, \"suggestion\": ",
                            d->line, d->col, d->end_line, d->end_col);
            aipm_json_cstr(&b, d->suggestion);
            aipm_buf_puts(&b, ", \"help_uri\": ");
            aipm_json_cstr(&b, aipm_report_help_uri(opts, d->rule, &tmp));
            aipm_buf_putc(&b, '}');
        }
        aipm_buf_puts(&b, f->diags.n ? "\n      ]\n    }" : "]\n    }");
    }
    aipm_buf_puts(&b, n_files ? "\n  ],\n" : "],\n");
    aipm_buf_printf(&b,
                    "  \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, "
                    "\"infos\": %zu}\n}\n",
                    n_files, aipm_report_count(files, n, AIPM_SEV_ERROR),
                    aipm_report_count(files, n, AIPM_SEV_WARNING),
                    aipm_report_count(files, n, AIPM_SEV_INFO));
    fwrite(b.ptr, 1, b.len, out);
    aipm_buf_release(&b);
    aipm_buf_release(&tmp);
}

const aipm_reporter aipm_report_json = {"json", "the JSON contract (DESIGN section 4)", write_json,
                                        false};
