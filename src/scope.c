/*
 * scope: parse a rule's 'scope:' (see scope.h for the format).
 */
#include "scope.h"

#include <stdlib.h>
#include <string.h>

static const char *const unit_names[] = {"default",  "document", "section", "block",
                                         "sentence", "item",     NULL};

const char *aipm_unit_name(aipm_unit_type unit) {
    return unit_names[unit];
}

static int parse_unit(const aipm_yaml_node *node, const char *path, aipm_unit_type *out,
                      aipm_error *err) {
    const char *s;
    if (aipm_yaml_read_str(node, path, "unit", &s, err) < 0) {
        return -1;
    }
    for (int i = 1; unit_names[i]; i++) {
        if (strcmp(s, unit_names[i]) == 0) {
            *out = (aipm_unit_type)i;
            return 0;
        }
    }
    return aipm_error_set(err, path, node->line, node->col,
                          "unknown unit '%s' (expected document, section, block, sentence or item)",
                          s);
}

static int parse_heading_pattern(const aipm_yaml_node *node, const char *path, const char *what,
                                 aipm_pattern **out, aipm_error *err) {
    const char *s;
    if (aipm_yaml_read_str(node, path, what, &s, err) < 0) {
        return -1;
    }
    *out = aipm_pattern_compile(s, strlen(s), 0, path, node->line, node->col, err);
    return *out ? 0 : -1;
}

int aipm_scope_parse(const aipm_yaml_node *node, const char *path, aipm_scope *out,
                     aipm_error *err) {
    static const char *const keys[] = {"sections", "not-sections", "blocks", "unit", NULL};
    memset(out, 0, sizeof(*out));
    if (node->type == AIPM_YAML_SCALAR) {
        return parse_unit(node, path, &out->unit, err);
    }
    if (aipm_yaml_expect_map(node, path, "scope", err) < 0 ||
        aipm_yaml_check_keys(node, keys, NULL, path, "'scope'", err) < 0) {
        return -1;
    }
    const aipm_yaml_node *v;
    if ((v = aipm_yaml_get(node, "sections")) &&
        parse_heading_pattern(v, path, "sections", &out->sections, err) < 0) {
        goto fail;
    }
    if ((v = aipm_yaml_get(node, "not-sections")) &&
        parse_heading_pattern(v, path, "not-sections", &out->not_sections, err) < 0) {
        goto fail;
    }
    if ((v = aipm_yaml_get(node, "unit")) && parse_unit(v, path, &out->unit, err) < 0) {
        goto fail;
    }
    if ((v = aipm_yaml_get(node, "blocks"))) {
        const char **names;
        size_t n;
        if (aipm_yaml_read_strs(v, path, "blocks", &names, &n, err) < 0) {
            goto fail;
        }
        for (size_t i = 0; i < n; i++) {
            aipm_block_type t = aipm_block_type_parse(names[i]);
            if (!t) {
                const aipm_yaml_node *item = v->type == AIPM_YAML_SEQ ? v->items[i] : v;
                aipm_error_set(err, path, item->line, item->col,
                               "unknown block type '%s' (expected paragraph, heading, list-item, "
                               "block-quote, table-row, code or html)",
                               names[i]);
                free(names);
                goto fail;
            }
            out->blocks |= t;
        }
        free(names);
    }
    return 0;
fail:
    aipm_scope_release(out);
    return -1;
}

void aipm_scope_release(aipm_scope *scope) {
    aipm_pattern_free(scope->sections);
    aipm_pattern_free(scope->not_sections);
    memset(scope, 0, sizeof(*scope));
}
