/*
 * builtin: the rule pack compiled into the binary.
 *
 * The Makefile runs tools/embed over the YAML files in rules/ into a generated include
 * under the build directory; nothing here is edited by hand when a rule
 * changes. Each embedded file keeps its repository path ("rules/x.yaml") so
 * errors and --explain name the real file. tools/embed also parses each file
 * at build time (with src/yaml.c), so loading the pack rebuilds the YAML
 * trees from static arrays instead of running libyaml on every start.
 */
#include "builtin.h"

#include <stddef.h>
#include <stdlib.h>

#include "ruleset.h"

struct builtin_file {
    const char *path;
    const char *data;
    size_t len;
    const aipm_yaml_flat *tree; /* the bytes parsed at build time, or NULL: parse them here */
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

const aipm_yaml_flat *aipm_builtin_tree(size_t i) {
    return builtin_files[i].tree;
}

int aipm_ruleset_load_builtin(aipm_ruleset *rs, aipm_error *err) {
    for (size_t i = 0; i < aipm_builtin_count(); i++) {
        const struct builtin_file *f = &builtin_files[i];
        int rc;
        if (f->tree) {
            aipm_yaml_node *root = aipm_yaml_unflatten(f->tree);
            rc = aipm_ruleset_load_tree(rs, f->path, root, true, err);
            free(root);
        } else {
            rc = aipm_ruleset_load(rs, f->path, f->data, f->len, true, err);
        }
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}
