/*
 * io: whole-file reads with the checks every input gets before parsing:
 * readable, a regular file or stream, under the size limit, no NUL byte.
 * Reads in chunks so stdin and pipes work the same as files, and stops as
 * soon as the limit is passed so a huge input costs no more than the limit.
 */
#include "io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mem.h"
#include "utf8.h"

char *aipm_io_read(const char *path, const char *display, size_t max_size, size_t *len,
                   aipm_error *err) {
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        aipm_error_set(err, NULL, 0, 0, "cannot read '%s': %s", display, strerror(errno));
        return NULL;
    }
    if (!is_stdin) {
        struct stat st;
        if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
            fclose(f);
            aipm_error_set(err, NULL, 0, 0, "cannot read '%s': Is a directory", display);
            return NULL;
        }
    }
    size_t cap = 64 * 1024, n = 0;
    char *data = aipm_xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            data = aipm_xrealloc(data, cap + 1);
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (n > max_size) {
            aipm_error_set(err, NULL, 0, 0,
                           "'%s' is larger than the limit of %zu bytes (see --max-file-size)",
                           display, max_size);
            goto fail;
        }
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        aipm_error_set(err, NULL, 0, 0, "cannot read '%s': %s", display, strerror(errno));
        goto fail;
    }
    const char *nul = memchr(data, '\0', n);
    if (nul) {
        size_t at = (size_t)(nul - data), line_start = 0;
        unsigned line = 1;
        for (size_t i = 0; i < at; i++) {
            if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n')) {
                line++;
                line_start = i + 1;
            }
        }
        unsigned col = (unsigned)aipm_utf8_count(data + line_start, at - line_start) + 1;
        aipm_error_set(err, display, line, col, "binary file (NUL byte at offset %zu); not linted",
                       at);
        goto fail;
    }
    if (!is_stdin) {
        fclose(f);
    }
    data[n] = '\0';
    *len = n;
    return data;
fail:
    if (!is_stdin) {
        fclose(f);
    }
    free(data);
    return NULL;
}
