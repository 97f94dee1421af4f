/*
 * json: writing JSON strings. Shared by every JSON-based output format.
 */
#ifndef AIPM_JSON_H
#define AIPM_JSON_H

#include <stddef.h>

#include "buf.h"

/**
 * Append 'len' bytes of 's' to 'out' as a quoted JSON string: quotes,
 * backslashes and control characters escaped, invalid UTF-8 replaced by
 * U+FFFD so the output is always valid JSON. A NULL 's' appends 'null'.
 */
void aipm_json_str(aipm_buf *out, const char *s, size_t len);

/** aipm_json_str for a NUL-terminated string (or NULL). */
void aipm_json_cstr(aipm_buf *out, const char *s);

#endif
