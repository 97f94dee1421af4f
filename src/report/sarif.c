/*
 * report/sarif: SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads.
 *
 *   runs[0].tool.driver   name, version, informationUri, rules[] (every
 *                         enabled rule, in ruleset order, then any rule a
 *                         finding names that the ruleset lacks)
 *   runs[0].columnKind    "unicodeCodePoints": columns count code points
 *   runs[0].results[]     ruleId, ruleIndex, level, message.text, one
 *                         physicalLocation (a repo-relative, percent-encoded
 *                         uri under %SRCROOT%, region with exclusive end) and
 *                         partialFingerprints["aipmLint/v1"] (report/span.c)
 *
 * Levels: error -> "error", warning -> "warning", info -> "note". A file
 * that could not be read is not listed (its error goes to stderr).
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "mem.h"
#include "report/span.h"
#include <aipm/aipm.h>

static const char *level(aipm_severity s) {
    return s == AIPM_SEV_ERROR ? "error" : s == AIPM_SEV_WARNING ? "warning" : "note";
}

/* The rules listed in driver.rules, in order; ids borrowed. */
typedef struct rule_table {
    const char **ids;
    const aipm_rule **rules; /* NULL for an id the ruleset does not know */
    aipm_severity *sev;
    size_t n;
} rule_table;

static void table_add(rule_table *t, const char *id, const aipm_rule *r, aipm_severity sev) {
    t->ids = aipm_xreallocarray(t->ids, t->n + 1, sizeof(*t->ids));
    t->rules = aipm_xreallocarray(t->rules, t->n + 1, sizeof(*t->rules));
    t->sev = aipm_xreallocarray(t->sev, t->n + 1, sizeof(*t->sev));
    t->ids[t->n] = id;
    t->rules[t->n] = r;
    t->sev[t->n] = sev;
    t->n++;
}

static size_t table_find(const rule_table *t, const char *id) {
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->ids[i], id) == 0) {
            return i;
        }
    }
    return (size_t)-1;
}

static void table_build(rule_table *t, const aipm_file_result *files, size_t n,
                        const aipm_ruleset *rs) {
    for (size_t i = 0; rs && i < rs->n_rules; i++) {
        if (rs->enabled[i]) {
            table_add(t, rs->rules[i]->id, rs->rules[i], rs->severity[i]);
        }
    }
    for (size_t f = 0; f < n; f++) {
        for (size_t k = 0; k < files[f].diags.n; k++) {
            const aipm_diag *d = &files[f].diags.items[k];
            if (table_find(t, d->rule) == (size_t)-1) {
                const aipm_rule *r = rs ? aipm_ruleset_find(rs, d->rule) : NULL;
                table_add(t, d->rule, r, d->severity);
            }
        }
    }
}

static void write_rule(aipm_buf *b, const rule_table *t, size_t i, const aipm_report_opts *opts,
                       aipm_buf *tmp) {
    const aipm_rule *r = t->rules[i];
    const char *summary = r && r->summary ? r->summary : t->ids[i];
    const char *help = r && r->help ? r->help : summary;
    aipm_buf_puts(b, "          {\n            \"id\": ");
    aipm_json_cstr(b, t->ids[i]);
    aipm_buf_puts(b, ",\n            \"shortDescription\": {\"text\": ");
    aipm_json_cstr(b, summary);
    aipm_buf_puts(b, "},\n            \"fullDescription\": {\"text\": ");
    aipm_json_cstr(b, help);
    aipm_buf_puts(b, "},\n            \"help\": {\"text\": ");
    aipm_json_cstr(b, help);
    aipm_buf_puts(b, ", \"markdown\": ");
    aipm_buf md = AIPM_BUF_INIT;
    aipm_buf_printf(&md, "**%s**\n\n%s", summary, help);
    const char *uri = aipm_report_help_uri(opts, t->ids[i], tmp);
    if (uri) {
        aipm_buf_printf(&md, "%s[%s](%s/blob/main/%s)", md.ptr[md.len - 1] == '\n' ? "\n" : "\n\n",
                        uri, AIPM_REPORT_HOME, uri);
    }
    aipm_json_str(b, md.ptr, md.len);
    aipm_buf_release(&md);
    aipm_buf_puts(b, "},\n");
    if (uri) {
        aipm_buf_printf(b, "            \"helpUri\": \"%s/blob/main/", AIPM_REPORT_HOME);
        aipm_span_uri(b, uri);
        aipm_buf_puts(b, "\",\n");
    }
    aipm_buf_printf(b, "            \"defaultConfiguration\": {\"level\": \"%s\"}\n          }",
                    level(t->sev[i]));
}

static void write_result(aipm_buf *b, const aipm_file_result *f, size_t k, size_t rule_index,
                         uint64_t fingerprint) {
    const aipm_diag *d = &f->diags.items[k];
    uint32_t end_line = d->end_line >= d->line ? d->end_line : d->line;
    uint32_t end_col = d->end_col;
    if (end_line == d->line && end_col < d->col) {
        end_col = d->col;
    }
    aipm_buf_puts(b, "        {\n          \"ruleId\": ");
    aipm_json_cstr(b, d->rule);
    aipm_buf_printf(b, ",\n          \"ruleIndex\": %zu,\n          \"level\": \"%s\",\n",
                    rule_index, level(d->severity));
    aipm_buf_puts(b, "          \"message\": {\"text\": ");
    aipm_json_cstr(b, d->message);
    aipm_buf_puts(b, "},\n          \"locations\": [{\"physicalLocation\": {\n"
                     "            \"artifactLocation\": {\"uri\": \"");
    aipm_span_uri(b, f->path);
    aipm_buf_printf(b, "\"%s},\n", f->path[0] == '/' ? "" : ", \"uriBaseId\": \"%SRCROOT%\"");
    aipm_buf_printf(b,
                    "            \"region\": {\"startLine\": %u, \"startColumn\": %u, "
                    "\"endLine\": %u, \"endColumn\": %u}\n          }}],\n",
                    d->line, d->col ? d->col : 1, end_line, end_col ? end_col : 1);
    aipm_buf_puts(b, "          \"partialFingerprints\": {\"aipmLint/v1\": \"");
    aipm_span_put_fingerprint(b, fingerprint);
    aipm_buf_puts(b, "\"}\n        }");
}

static void write_sarif(FILE *out, const aipm_file_result *files, size_t n,
                        const aipm_report_opts *opts) {
    aipm_buf b = AIPM_BUF_INIT, tmp = AIPM_BUF_INIT;
    rule_table t = {NULL, NULL, NULL, 0};
    table_build(&t, files, n, opts->rules);
    aipm_buf_puts(&b, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                      "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
                      "      \"tool\": {\"driver\": {\n        \"name\": \"aipm-lint\",\n"
                      "        \"version\": ");
    aipm_json_cstr(&b, AIPM_VERSION);
    aipm_buf_puts(&b,
                  ",\n        \"informationUri\": \"" AIPM_REPORT_HOME "\",\n        \"rules\": [");
    for (size_t i = 0; i < t.n; i++) {
        aipm_buf_puts(&b, i ? ",\n" : "\n");
        write_rule(&b, &t, i, opts, &tmp);
    }
    aipm_buf_puts(&b, t.n ? "\n        ]\n      }},\n" : "]\n      }},\n");
    aipm_buf_puts(&b,
                  "      \"columnKind\": \"unicodeCodePoints\",\n"
                  "      \"originalUriBaseIds\": {\"%SRCROOT%\": {\"description\": "
                  "{\"text\": \"The directory aipm-lint ran in (the repository root in CI)\"}}},\n"
                  "      \"results\": [");
    size_t n_results = 0;
    for (size_t i = 0; i < n; i++) {
        if (!files[i].ok) {
            continue;
        }
        uint64_t *fps = aipm_span_fingerprints(&files[i]);
        for (size_t k = 0; k < files[i].diags.n; k++) {
            aipm_buf_puts(&b, n_results++ ? ",\n" : "\n");
            write_result(&b, &files[i], k, table_find(&t, files[i].diags.items[k].rule), fps[k]);
        }
        free(fps);
        fwrite(b.ptr, 1, b.len, out);
        aipm_buf_clear(&b);
    }
    aipm_buf_puts(&b, n_results ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n");
    fwrite(b.ptr, 1, b.len, out);
    free(t.ids);
    free(t.rules);
    free(t.sev);
    aipm_buf_release(&b);
    aipm_buf_release(&tmp);
}

const aipm_reporter aipm_report_sarif = {"sarif", "SARIF 2.1.0 for GitHub code scanning",
                                         write_sarif, true};
