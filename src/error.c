/*
 * error: one user error with its location; see error.h.
 */
#include "error.h"

#include <stdarg.h>
#include <stdlib.h>

#include "mem.h"

int aipm_error_set(aipm_error *err, const char *path, unsigned line, unsigned col, const char *fmt,
                   ...) {
    if (!err || err->set) {
        return -1;
    }
    aipm_buf b = AIPM_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    aipm_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    err->set = true;
    err->path = path ? aipm_xstrdup(path) : NULL;
    err->line = line;
    err->col = col;
    err->msg = aipm_buf_detach(&b);
    return -1;
}

void aipm_error_prefix(aipm_error *err, const char *prefix) {
    if (!err || !err->set) {
        return;
    }
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, prefix);
    aipm_buf_puts(&b, err->msg);
    free(err->msg);
    err->msg = aipm_buf_detach(&b);
}

void aipm_error_format(const aipm_error *err, aipm_buf *out) {
    if (err->path && err->line) {
        aipm_buf_printf(out, "%s:%u:%u: error: %s\n", err->path, err->line, err->col ? err->col : 1,
                        err->msg);
    } else if (err->path) {
        aipm_buf_printf(out, "%s: error: %s\n", err->path, err->msg);
    } else {
        aipm_buf_printf(out, "aipm-lint: error: %s\n", err->msg);
    }
}

void aipm_error_release(aipm_error *err) {
    free(err->path);
    free(err->msg);
    err->set = false;
    err->path = NULL;
    err->msg = NULL;
    err->line = err->col = 0;
}
