/*
 * builtin: the rule pack compiled into the binary.
 *
 * The Makefile runs tools/embed over the YAML files in rules/ into a generated include
 * under the build directory; nothing here is edited by hand when a rule
 * changes. Each embedded file keeps its repository path ("rules/x.yaml") so
 * errors and --explain name the real file.
 */
#include "builtin.h"

#include <stddef.h>

#include "ruleset.h"

struct builtin_file {
    const char *path;
    const char *data;
    size_t len;
};

#include "builtin_rules.inc"

size_t aipm_builtin_count(void) {
    return sizeof(builtin_files) / sizeof(builtin_files[0]);
}

const char *aipm_builtin_file(size_t i, size_t *len) {
    *len = builtin_files[i].len;
    return builtin_files[i].data;
}

const char *aipm_builtin_path(size_t i) {
    return builtin_files[i].path;
}

int aipm_ruleset_load_builtin(aipm_ruleset *rs, aipm_error *err) {
    for (size_t i = 0; i < aipm_builtin_count(); i++) {
        if (aipm_ruleset_load(rs, builtin_files[i].path, builtin_files[i].data,
                              builtin_files[i].len, true, err) < 0) {
            return -1;
        }
    }
    return 0;
}
