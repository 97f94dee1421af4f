/*
 * error: a user error (I/O, YAML, rule schema, pattern, config, usage) on its
 * way to main.c, which alone prints it.
 *
 * The failing function fills the error once, at the most precise place it
 * knows (a file and the libyaml mark of the offending node); callers pass it
 * up unchanged. Formatted, it reads like a compiler's:
 *
 *     rules/x.yaml:4:9: error: unknown key 'sevrity' in rule 'vision.vague'
 *     aipm-lint: error: cannot read 'docs/a.md': No such file or directory
 */
#ifndef AIPM_ERROR_H
#define AIPM_ERROR_H

#include <stdbool.h>

#include "buf.h"
#include "util.h"

typedef struct aipm_error {
    bool set;
    char *path;    /* file the error is about, or NULL */
    unsigned line; /* 1-based, 0 = unknown */
    unsigned col;  /* 1-based code points, 0 = unknown */
    char *msg;     /* lower-case start, no final stop */
} aipm_error;

#define AIPM_ERROR_INIT                                                                            \
    { false, NULL, 0, 0, NULL }

/**
 * Fill 'err' (when not NULL and not yet set) with a message about 'path'
 * ('path' may be NULL) at 'line':'col' (0 when unknown). Always returns -1 so
 * callers can write 'return aipm_error_set(...)'.
 */
int aipm_error_set(aipm_error *err, const char *path, unsigned line, unsigned col, const char *fmt,
                   ...) AIPM_PRINTF(5, 6);

/** Replace the message of a set error with 'prefix' followed by the old message. */
void aipm_error_prefix(aipm_error *err, const char *prefix);

/** Append 'err' as one line (with its trailing newline) to 'out'. */
void aipm_error_format(const aipm_error *err, aipm_buf *out);

/** Free what 'err' holds and reset it. */
void aipm_error_release(aipm_error *err);

#endif
