/*
 * builtin: access to the rule files embedded at build time.
 */
#ifndef AIPM_BUILTIN_H
#define AIPM_BUILTIN_H

#include <stddef.h>

#include "yaml.h"

/** Return how many rule files are embedded. */
size_t aipm_builtin_count(void);

/** Return the bytes of embedded file 'i' and store their length in '*len'. */
const char *aipm_builtin_file(size_t i, size_t *len);

/** Return the repository path of embedded file 'i' ("rules/vision.yaml"). */
const char *aipm_builtin_path(size_t i);

/**
 * Return file 'i' as tools/embed parsed it at build time, or NULL when it
 * could not (the file's bytes are then parsed when the pack is loaded).
 */
const aipm_yaml_flat *aipm_builtin_tree(size_t i);

#endif
