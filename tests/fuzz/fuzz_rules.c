/*
 * fuzz_rules: arbitrary bytes as a user rule file: YAML parsing, the strict
 * loader and validation, pattern compilation, trait resolution; when the
 * file loads, its rules run over a fixed document that exercises every
 * unit (front matter, sections, a table, a list, sentences), every
 * reporter formats the result, and each user rule runs alone over the
 * document and its own examples as --test-rules does. Each run also loads the built-in pack first
 * so duplicate-id and trait-reference paths are reached.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "common.h"
#include "engine.h"
#include "error.h"
#include "io.h"
#include "lint.h"
#include "ruleset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char doc[] = "---\n"
                          "title: Widget vision\n"
                          "type: vision\n"
                          "owner: pm@example.com\n"
                          "---\n"
                          "# Vision\n\n"
                          "We will make the best AI widget. It is fast, easy and seamless.\n\n"
                          "## Problem\n\n"
                          "> Users wait 40 s per report. TBD\n\n"
                          "## Metrics\n\n"
                          "| Metric | Target |\n|---|---|\n| Latency | fast |\n\n"
                          "- Increase engagement\n- Reduce churn by 5% by Q3\n\n"
                          "```\ncode (a+)+ widget\n```\n\n"
                          "Ünïcödé text with `inline widget` and [a link](http://x).\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    aipm_ruleset rs = AIPM_RULESET_INIT;
    aipm_error err = AIPM_ERROR_INIT;
    bool builtin = size && (data[0] & 1);
    if (builtin && aipm_ruleset_load_builtin(&rs, &err) < 0) {
        abort();
    }
    if (aipm_ruleset_load(&rs, "fuzz.yaml", (const char *)data, size, false, &err) == 0 &&
        aipm_ruleset_finish(&rs, &err) == 0) {
        aipm_lint_opts opts = {0};
        opts.kind = AIPM_KIND_COUNT;
        opts.max_file_size = AIPM_IO_DEFAULT_MAX_SIZE;
        opts.keep_source = true;
        aipm_engine *e = aipm_engine_new(&rs);
        aipm_file_result res;
        aipm_lint_buffer(&rs, e, &opts, "doc.md", doc, sizeof(doc) - 1, NULL, &res);
        aipm_fuzz_report_all(&rs, &res, 2);
        aipm_file_result_release(&res);
        /* and every rule alone, as --test-rules runs it */
        for (size_t i = 0; i < rs.n_rules; i++) {
            if (rs.rules[i]->builtin) {
                continue;
            }
            const aipm_rule *r = rs.rules[i];
            aipm_lint_buffer(&rs, e, &opts, "doc.md", doc, sizeof(doc) - 1, r, &res);
            aipm_file_result_release(&res);
            for (size_t k = 0; k < r->n_bad + r->n_good; k++) {
                const char *ex = k < r->n_bad ? r->bad[k] : r->good[k - r->n_bad];
                aipm_lint_buffer(&rs, e, &opts, r->id, ex, strlen(ex), r, &res);
                aipm_file_result_release(&res);
            }
        }
        aipm_engine_free(e);
    } else if (!err.set) {
        abort(); /* a failure must always say why */
    }
    aipm_error_release(&err);
    aipm_ruleset_release(&rs);
    return 0;
}
