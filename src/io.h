/*
 * io: read a whole document from a file or stdin, refusing what is not text.
 */
#ifndef AIPM_IO_H
#define AIPM_IO_H

#include <stddef.h>

#include "error.h"

#define AIPM_IO_DEFAULT_MAX_SIZE ((size_t)10 * 1024 * 1024)

/**
 * Read 'path' ("-" for stdin, named 'display' in errors) into a heap buffer
 * the caller frees, NUL-terminated, its length in '*len'. Fails with 'err'
 * when the file cannot be read, is a directory, is larger than 'max_size'
 * bytes, or holds a NUL byte (a binary file).
 */
char *aipm_io_read(const char *path, const char *display, size_t max_size, size_t *len,
                   aipm_error *err);

#endif
