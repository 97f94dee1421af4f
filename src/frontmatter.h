/*
 * frontmatter: the leading YAML block of a Markdown document.
 *
 *     ---                 <- line 1, after an optional UTF-8 BOM; trailing spaces allowed
 *     title: Checkout AI  <- YAML, parsed by yaml.c with file line numbers
 *     type: prd
 *     aipm-lint:          <- per-document settings (read by config, not here)
 *       ignore: [metrics.no-target]
 *     ---                 <- closed by '---' or '...'
 *     # Checkout AI       <- the Markdown body starts on the next line
 *
 * Finding the block (aipm_frontmatter_find) is pure syntax; parsing it
 * (aipm_frontmatter_parse) decides what it is: a mapping is front matter, an
 * empty or comment-only block is empty front matter, a scalar or list is not
 * front matter at all (the lines stay Markdown: a thematic break, text and a
 * setext underline), and malformed YAML is an error at its file line:col.
 */
#ifndef AIPM_FRONTMATTER_H
#define AIPM_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "yaml.h"

/* Where a front matter block sits in the source; all offsets are bytes. */
typedef struct aipm_frontmatter {
    size_t yaml_start; /* first byte of the YAML text (the line after the opening '---') */
    size_t yaml_end;   /* first byte of the closing line (end of the YAML text) */
    size_t end;        /* first byte after the closing line and its line ending */
    unsigned end_line; /* 1-based line of the closing '---' or '...' */
} aipm_frontmatter;

/**
 * Find a front matter block at the start of 'len' bytes at 'src': line 1 (after
 * an optional UTF-8 BOM) is '---' and a later line is '---' or '...', both
 * with optional trailing spaces or tabs. Line endings are '\n', '\r\n' or a
 * lone '\r'. Returns true and fills 'fm', or false when there is none.
 */
bool aipm_frontmatter_find(const char *src, size_t len, aipm_frontmatter *fm);

/**
 * Parse the block 'fm' found in 'src' read from 'path'. Returns 1 and sets
 * '*out' to the mapping (the caller frees it with aipm_yaml_free), or to NULL
 * for an empty or comment-only block; returns 0 with '*out' NULL when the YAML
 * is a scalar or a list (not front matter); returns -1 and fills 'err' at the
 * file line:col on malformed YAML.
 */
int aipm_frontmatter_parse(const char *path, const char *src, const aipm_frontmatter *fm,
                           aipm_yaml_node **out, aipm_error *err);

/**
 * Return the string value of key 'key' in front matter 'fm' (a mapping or
 * NULL), or NULL when it is absent, null or not a scalar. The result is
 * borrowed from 'fm'.
 */
const char *aipm_frontmatter_str(const aipm_yaml_node *fm, const char *key);

/** Return the 'aipm-lint' settings mapping of front matter 'fm', or NULL when absent. */
const aipm_yaml_node *aipm_frontmatter_settings(const aipm_yaml_node *fm);

#endif
