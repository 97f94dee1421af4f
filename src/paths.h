/*
 * paths: expand the command line's PATH arguments into the list of files
 * to lint, in a deterministic order.
 */
#ifndef AIPM_PATHS_H
#define AIPM_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef struct aipm_paths {
    char **items; /* owned */
    size_t n;
    size_t cap;
} aipm_paths;

#define AIPM_PATHS_INIT                                                                            \
    { NULL, 0, 0 }

/**
 * Append the files named by 'arg' to 'out': a file as given (whatever its
 * extension), "-" for stdin, a directory as every *.md / *.markdown below it
 * in byte-wise sorted order, skipping hidden entries, node_modules and
 * symbolic links to directories (so a link loop cannot recurse). Fails when
 * 'arg' does not exist or a directory holds no Markdown file.
 */
int aipm_paths_expand(aipm_paths *out, const char *arg, aipm_error *err);

/** Return true when 'name' ends in .md or .markdown (any case). */
bool aipm_paths_is_markdown(const char *name);

/** Free the list. */
void aipm_paths_release(aipm_paths *p);

#endif
