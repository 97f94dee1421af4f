/*
 * report/registry: the one table of output formats. --format validation and
 * the --help list both come from here.
 */
#include "report/report.h"

#include <string.h>

static const aipm_reporter *const reporters[] = {
    &aipm_report_checkstyle, &aipm_report_github, &aipm_report_gitlab, &aipm_report_json,
    &aipm_report_junit,      &aipm_report_rdjson, &aipm_report_sarif,  &aipm_report_text};

static const char *const names[] = {"checkstyle", "github", "gitlab", "json", "junit",
                                    "rdjson",     "sarif",  "text",   NULL};

const aipm_reporter *aipm_report_find(const char *name) {
    for (size_t i = 0; i < sizeof(reporters) / sizeof(reporters[0]); i++) {
        if (strcmp(reporters[i]->name, name) == 0) {
            return reporters[i];
        }
    }
    return NULL;
}

const char *const *aipm_report_names(void) {
    return names;
}

size_t aipm_report_count(const aipm_file_result *files, size_t n, aipm_severity sev) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < files[i].diags.n; k++) {
            c += files[i].diags.items[k].severity == sev;
        }
    }
    return c;
}

const char *aipm_report_help_uri(const aipm_report_opts *opts, const char *rule_id, aipm_buf *tmp) {
    const aipm_rule *r = opts->rules ? aipm_ruleset_find(opts->rules, rule_id) : NULL;
    if (!r || !r->builtin) {
        return NULL;
    }
    aipm_buf_clear(tmp);
    aipm_buf_printf(tmp, "docs/rules/%s.md", rule_id);
    return tmp->ptr;
}
