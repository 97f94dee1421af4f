/*
 * yaml: libyaml's event stream turned into a small tree of nodes that keep
 * their source marks, so every rule, config and front-matter error can say
 * FILE:LINE:COL. The only file that includes <yaml.h> is yaml.c.
 *
 * Only what aipm-lint needs: scalars, sequences and mappings of one document.
 * Anchors and aliases are refused (no "billion laughs"; front matter may ask
 * for them to be read leniently instead), duplicate mapping
 * keys are errors, and nesting deeper than AIPM_YAML_MAX_DEPTH is an error.
 */
#ifndef AIPM_YAML_H
#define AIPM_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

#define AIPM_YAML_MAX_DEPTH 64

typedef enum aipm_yaml_type { AIPM_YAML_SCALAR, AIPM_YAML_SEQ, AIPM_YAML_MAP } aipm_yaml_type;

typedef struct aipm_yaml_node aipm_yaml_node;

struct aipm_yaml_node {
    aipm_yaml_type type;
    unsigned line; /* 1-based */
    unsigned col;  /* 1-based, code points */
    char *value;   /* scalars: NUL-terminated (may contain NUL: see len) */
    size_t len;
    bool plain;             /* scalars: written without quotes (so 'null', 'true', '3' are typed) */
    size_t n;               /* sequences: items; mappings: key/value pairs */
    aipm_yaml_node **items; /* sequences: items; mappings: values */
    aipm_yaml_node **keys;  /* mappings: keys (scalars) */
};

/**
 * Parse the first YAML document in 'len' bytes at 'data'. Returns the root
 * node (a mapping, sequence or scalar) or NULL: with 'err' filled as
 * 'path':line:col on malformed YAML, an alias, a duplicate key or too deep
 * nesting; with 'err' untouched when the input holds no document at all.
 * 'line_offset' is added to every line (for front matter inside a file).
 */
aipm_yaml_node *aipm_yaml_parse(const char *path, const char *data, size_t len,
                                unsigned line_offset, aipm_error *err);

enum aipm_yaml_flags {
    /* Accept anchors, and read every alias as a null scalar (never expanded,
     * so no "billion laughs"): for front matter, which is not ours to refuse. */
    AIPM_YAML_LENIENT_ALIASES = 1u << 0,
};

/** aipm_yaml_parse with 'flags' from enum aipm_yaml_flags. */
aipm_yaml_node *aipm_yaml_parse_ex(const char *path, const char *data, size_t len,
                                   unsigned line_offset, unsigned flags, aipm_error *err);

/*
 * A tree flattened at build time by tools/embed, so the built-in rule pack
 * needs no YAML parsing at run time. Node 0 is the root. A sequence's items
 * are the node indices kids[first .. first+n); a mapping's keys are
 * kids[first .. first+n) and its values kids[first+n .. first+2n). A
 * scalar's bytes are strings[value .. value+len), followed by a NUL.
 */
typedef struct aipm_yaml_flat_node {
    unsigned char type; /* aipm_yaml_type */
    unsigned char plain;
    unsigned line, col;
    unsigned value, len; /* scalars */
    unsigned n, first;   /* sequences and mappings */
} aipm_yaml_flat_node;

typedef struct aipm_yaml_flat {
    const aipm_yaml_flat_node *nodes;
    size_t n_nodes;
    const unsigned *kids;
    size_t n_kids;
    const char *strings;
} aipm_yaml_flat;

/**
 * Rebuild the tree of 'flat' in a single allocation: the caller frees the
 * root with free(), never aipm_yaml_free. Scalar values point into
 * 'flat->strings', which must outlive the tree and must not be written.
 */
aipm_yaml_node *aipm_yaml_unflatten(const aipm_yaml_flat *flat);

/** Free 'node' and its children; NULL is a no-op. */
void aipm_yaml_free(aipm_yaml_node *node);

/** Return the value for scalar key 'key' of mapping 'map', or NULL (also when 'map' is NULL). */
const aipm_yaml_node *aipm_yaml_get(const aipm_yaml_node *map, const char *key);

/** Return true when 'node' is a plain scalar meaning null ('', '~', 'null'). */
bool aipm_yaml_is_null(const aipm_yaml_node *node);

/** Return the name of a node's type for messages ("a string", "a list", "a mapping"). */
const char *aipm_yaml_type_name(const aipm_yaml_node *node);

/*
 * Strict readers. Each checks the node's type, stores the value, and on a
 * mismatch fills 'err' at the node's mark as "'what' must be ..." and returns
 * -1. 'path' names the file for the error.
 */

/** Read a string scalar; '*out' borrows the node's value. */
int aipm_yaml_read_str(const aipm_yaml_node *node, const char *path, const char *what,
                       const char **out, aipm_error *err);

/** Read a boolean scalar (true/false/yes/no/on/off). */
int aipm_yaml_read_bool(const aipm_yaml_node *node, const char *path, const char *what, bool *out,
                        aipm_error *err);

/** Read a number scalar (integer or decimal). */
int aipm_yaml_read_double(const aipm_yaml_node *node, const char *path, const char *what,
                          double *out, aipm_error *err);

/** Read a non-negative integer scalar no larger than 'max'. */
int aipm_yaml_read_uint(const aipm_yaml_node *node, const char *path, const char *what,
                        unsigned max, unsigned *out, aipm_error *err);

/**
 * Read a string or a list of strings. '*out' is a heap array of borrowed
 * strings ('*n' of them) the caller frees with free(); '*out' is NULL for none.
 */
int aipm_yaml_read_strs(const aipm_yaml_node *node, const char *path, const char *what,
                        const char ***out, size_t *n, aipm_error *err);

/** Fail unless 'node' is a mapping. */
int aipm_yaml_expect_map(const aipm_yaml_node *node, const char *path, const char *what,
                         aipm_error *err);

/**
 * Fail on the first key of mapping 'map' not in the NULL-terminated lists
 * 'allowed' and 'allowed2' ('allowed2' may be NULL): "unknown key 'K' in
 * 'what' (did you mean 'X'?)" at the key's mark.
 */
int aipm_yaml_check_keys(const aipm_yaml_node *map, const char *const *allowed,
                         const char *const *allowed2, const char *path, const char *what,
                         aipm_error *err);

#endif
