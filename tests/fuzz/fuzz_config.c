/*
 * fuzz_config: arbitrary bytes as a .aipm-lint.yaml: YAML parsing, the
 * strict key and type checks, globs and severities. The folder it claims to
 * live in does not exist, so any 'rule-files' it names fail to open rather
 * than read the fuzzing machine's files.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "config.h"
#include "error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    aipm_error err = AIPM_ERROR_INIT;
    aipm_config *cfg = aipm_config_parse("/nonexistent-aipm-fuzz/.aipm-lint.yaml",
                                         "/nonexistent-aipm-fuzz", (const char *)data, size, &err);
    if (!cfg && !err.set) {
        abort(); /* a failure must always say why */
    }
    aipm_config_free(cfg);
    aipm_error_release(&err);
    return 0;
}
