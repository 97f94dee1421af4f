/*
 * fuzz_doc: arbitrary bytes as a Markdown document through the whole
 * pipeline with the built-in rules: document model, front matter, tables,
 * sentences, traits, every check kind, then every reporter.
 *
 * The first byte, when there is one, picks the options (forced kind,
 * colour, --show-source, --quiet), so one corpus covers all of them; the
 * rest is the document.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "common.h"
#include "engine.h"
#include "error.h"
#include "io.h"
#include "lint.h"
#include "ruleset.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static aipm_ruleset rules = AIPM_RULESET_INIT;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    aipm_error err = AIPM_ERROR_INIT;
    if (aipm_ruleset_load_builtin(&rules, &err) < 0 || aipm_ruleset_finish(&rules, &err) < 0) {
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    unsigned char mode = size ? data[0] : 0;
    const char *src = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    aipm_lint_opts opts = {0};
    opts.kind = (aipm_kind)((mode >> 3) % (AIPM_KIND_COUNT + 1));
    opts.max_file_size = AIPM_IO_DEFAULT_MAX_SIZE;
    opts.keep_source = (mode & 2) != 0;
    aipm_engine *e = aipm_engine_new(&rules);
    aipm_file_result res;
    aipm_lint_buffer(&rules, e, &opts, (mode & 0x80) ? "docs/prd.md" : "fuzz.md", src, len, NULL,
                     &res);
    aipm_fuzz_report_all(&rules, &res, mode);
    aipm_file_result_release(&res);
    aipm_engine_free(e);
    return 0;
}
