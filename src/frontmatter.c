/*
 * frontmatter: find and parse the leading '---' YAML block; see frontmatter.h.
 *
 * Finding is a single forward scan over lines, so a document that opens with
 * a thematic break and never closes it costs one pass. The YAML text handed to
 * yaml.c is the exact byte range between the delimiter lines, with a line
 * offset of 1 (plus the BOM-free line 1), so every mark is a file line and
 * column. The returned tree is heap memory owned by the caller (the doc frees
 * it in aipm_doc_free).
 */
#include "frontmatter.h"

#include <string.h>

/* End of the line starting at 'p' (its terminator or 'len'). */
static size_t line_end(const char *s, size_t len, size_t p) {
    while (p < len && s[p] != '\n' && s[p] != '\r') {
        p++;
    }
    return p;
}

/* Start of the line after the one ending at 'e' (which is a terminator or 'len'). */
static size_t next_line(const char *s, size_t len, size_t e) {
    if (e < len && s[e] == '\r') {
        e++;
        if (e < len && s[e] == '\n') {
            e++;
        }
    } else if (e < len) {
        e++;
    }
    return e;
}

/* Whether [p, e) is 'delim' (three bytes) followed only by spaces or tabs. */
static bool is_delim_line(const char *s, size_t p, size_t e, const char *delim) {
    if (e - p < 3 || memcmp(s + p, delim, 3) != 0) {
        return false;
    }
    for (p += 3; p < e; p++) {
        if (s[p] != ' ' && s[p] != '\t') {
            return false;
        }
    }
    return true;
}

bool aipm_frontmatter_find(const char *src, size_t len, aipm_frontmatter *fm) {
    size_t p = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        p = 3;
    }
    size_t e = line_end(src, len, p);
    if (e >= len || !is_delim_line(src, p, e, "---")) {
        return false; /* no opening line, or nothing after it */
    }
    size_t start = next_line(src, len, e);
    unsigned line = 2;
    for (p = start; p < len; line++) {
        e = line_end(src, len, p);
        if (is_delim_line(src, p, e, "---") || is_delim_line(src, p, e, "...")) {
            fm->yaml_start = start;
            fm->yaml_end = p;
            fm->end = next_line(src, len, e);
            fm->end_line = line;
            return true;
        }
        p = next_line(src, len, e);
    }
    return false;
}

int aipm_frontmatter_parse(const char *path, const char *src, const aipm_frontmatter *fm,
                           aipm_yaml_node **out, aipm_error *err) {
    *out = NULL;
    const char *text = src + fm->yaml_start;
    size_t len = fm->yaml_end - fm->yaml_start;
    aipm_error local = AIPM_ERROR_INIT;
    aipm_yaml_node *root =
        aipm_yaml_parse_ex(path, text, len, 1, AIPM_YAML_LENIENT_ALIASES, &local);
    if (!root) {
        if (local.set) {
            if (err && !err->set) {
                *err = local;
            } else {
                aipm_error_release(&local);
            }
            return -1;
        }
        return 1; /* empty or only comments: empty front matter */
    }
    if (root->type != AIPM_YAML_MAP) {
        bool empty = aipm_yaml_is_null(root);
        aipm_yaml_free(root);
        return empty ? 1 : 0;
    }
    *out = root;
    return 1;
}

const char *aipm_frontmatter_str(const aipm_yaml_node *fm, const char *key) {
    const aipm_yaml_node *v = aipm_yaml_get(fm, key);
    if (!v || v->type != AIPM_YAML_SCALAR || aipm_yaml_is_null(v)) {
        return NULL;
    }
    return v->value;
}

const aipm_yaml_node *aipm_frontmatter_settings(const aipm_yaml_node *fm) {
    const aipm_yaml_node *v = aipm_yaml_get(fm, "aipm-lint");
    return v && v->type == AIPM_YAML_MAP ? v : NULL;
}
