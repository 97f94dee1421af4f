/*
 * scope: which parts of a document a rule looks at, and in what units.
 *
 *     scope: sentence                       # shorthand: just the unit
 *     scope:
 *       sections: '(?i)vision|mission'      # only under headings matching this
 *       not-sections: '(?i)appendix'        # never under headings matching this
 *       blocks: [paragraph, list-item]      # block types (default: all prose)
 *       unit: section                       # document | section | block | sentence | item
 *
 * A block is in scope when its type is in 'blocks', some section enclosing it
 * matches 'sections' (when given) and none matches 'not-sections'.
 */
#ifndef AIPM_SCOPE_H
#define AIPM_SCOPE_H

#include <stdbool.h>

#include "doc.h"
#include "error.h"
#include "pattern.h"
#include "yaml.h"

typedef enum aipm_unit_type {
    AIPM_UNIT_DEFAULT = 0, /* the check kind's default */
    AIPM_UNIT_DOCUMENT,    /* the whole document: one unit */
    AIPM_UNIT_SECTION,     /* each selected section (outermost match), nested content included */
    AIPM_UNIT_BLOCK,       /* each block */
    AIPM_UNIT_SENTENCE,    /* each sentence */
    AIPM_UNIT_ITEM         /* each list item (all its paragraphs), table body row, or sentence */
} aipm_unit_type;

typedef struct aipm_scope {
    aipm_pattern *sections;     /* NULL: every section */
    aipm_pattern *not_sections; /* NULL: none excluded */
    unsigned blocks;            /* aipm_block_type bits; 0 means AIPM_BLOCK_PROSE */
    aipm_unit_type unit;
} aipm_scope;

/** Parse the 'scope' node (string or mapping) into '*out'; on failure fill 'err' at its mark. */
int aipm_scope_parse(const aipm_yaml_node *node, const char *path, aipm_scope *out,
                     aipm_error *err);

/** Free the patterns of 'scope' and reset it. */
void aipm_scope_release(aipm_scope *scope);

/** Return the name of a unit type ("document", ...). */
const char *aipm_unit_name(aipm_unit_type unit);

#endif
