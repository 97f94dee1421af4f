/*
 * yaml: libyaml events -> aipm_yaml_node tree with marks; see yaml.h.
 *
 * The tree is built without recursion: an explicit stack holds the open
 * sequences and mappings. For a mapping, 'pending key' tracks whether the next
 * node is a key or a value. libyaml's marks are 0-based characters; here they
 * become 1-based lines and code-point columns.
 */
#include "yaml.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "ascii.h"
#include "mem.h"
#include "suggest.h"
#include "utf8.h"

typedef struct parse_state {
    const char *path;
    const char *data;
    size_t len;
    unsigned line_offset;
    aipm_error *err;
} parse_state;

/* libyaml marks are 0-based and count characters (code points), not bytes. */
static void mark_pos(const parse_state *ps, const yaml_mark_t *m, unsigned *line, unsigned *col) {
    *line = (unsigned)m->line + 1 + ps->line_offset;
    *col = (unsigned)m->column + 1;
}

static aipm_yaml_node *node_new(const parse_state *ps, aipm_yaml_type type, const yaml_mark_t *m) {
    aipm_yaml_node *n = aipm_xcalloc(1, sizeof(*n));
    n->type = type;
    mark_pos(ps, m, &n->line, &n->col);
    return n;
}

void aipm_yaml_free(aipm_yaml_node *node) {
    if (!node) {
        return;
    }
    /* Iterative free: a stack of nodes still to free. */
    size_t cap = 16, top = 0;
    aipm_yaml_node **stack = aipm_xmalloc(cap * sizeof(*stack));
    stack[top++] = node;
    while (top) {
        aipm_yaml_node *n = stack[--top];
        for (size_t i = 0; i < n->n; i++) {
            stack = aipm_grow(stack, &cap, top + 2, sizeof(*stack));
            if (n->items && n->items[i]) {
                stack[top++] = n->items[i];
            }
            if (n->keys && n->keys[i]) {
                stack[top++] = n->keys[i];
            }
        }
        free(n->items);
        free(n->keys);
        free(n->value);
        free(n);
    }
    free(stack);
}

aipm_yaml_node *aipm_yaml_unflatten(const aipm_yaml_flat *flat) {
    size_t nodes_size = flat->n_nodes * sizeof(aipm_yaml_node);
    char *block = aipm_xmalloc(nodes_size + flat->n_kids * sizeof(aipm_yaml_node *));
    aipm_yaml_node *nodes = (aipm_yaml_node *)block;
    aipm_yaml_node **ptrs = (aipm_yaml_node **)(block + nodes_size);
    for (size_t i = 0; i < flat->n_kids; i++) {
        ptrs[i] = &nodes[flat->kids[i]];
    }
    for (size_t i = 0; i < flat->n_nodes; i++) {
        const aipm_yaml_flat_node *f = &flat->nodes[i];
        aipm_yaml_node *n = &nodes[i];
        n->type = (aipm_yaml_type)f->type;
        n->line = f->line;
        n->col = f->col;
        n->plain = f->plain;
        if (n->type == AIPM_YAML_SCALAR) {
            /* Read-only by contract (yaml.h): nothing writes to a node's value. */
            n->value = (char *)(uintptr_t)(flat->strings + f->value);
            n->len = f->len;
            n->n = 0;
            n->items = n->keys = NULL;
        } else {
            n->value = NULL;
            n->len = 0;
            n->n = f->n;
            /* as aipm_yaml_parse leaves them: no arrays for an empty container */
            n->keys = n->type == AIPM_YAML_MAP && f->n ? ptrs + f->first : NULL;
            n->items = f->n ? ptrs + f->first + (n->type == AIPM_YAML_MAP ? f->n : 0) : NULL;
        }
    }
    return nodes;
}

typedef struct frame {
    aipm_yaml_node *node;
    size_t cap;
    aipm_yaml_node *pending_key; /* mappings: key read, value not yet */
} frame;

static int fail_at(const parse_state *ps, const yaml_mark_t *m, const char *msg) {
    unsigned line, col;
    mark_pos(ps, m, &line, &col);
    return aipm_error_set(ps->err, ps->path, line, col, "%s", msg);
}

/* Attach 'child' to the open container on top of the stack. */
static int attach(const parse_state *ps, frame *f, aipm_yaml_node *child) {
    aipm_yaml_node *p = f->node;
    if (p->type == AIPM_YAML_SEQ) {
        p->items = aipm_grow(p->items, &f->cap, p->n + 1, sizeof(*p->items));
        p->items[p->n++] = child;
        return 0;
    }
    if (!f->pending_key) {
        if (child->type != AIPM_YAML_SCALAR) {
            aipm_error_set(ps->err, ps->path, child->line, child->col,
                           "mapping keys must be plain strings");
            aipm_yaml_free(child);
            return -1;
        }
        for (size_t i = 0; i < p->n; i++) {
            if (p->keys[i]->len == child->len &&
                memcmp(p->keys[i]->value, child->value, child->len) == 0) {
                aipm_error_set(ps->err, ps->path, child->line, child->col,
                               "duplicate key '%s' (first at line %u)", child->value,
                               p->keys[i]->line);
                aipm_yaml_free(child);
                return -1;
            }
        }
        f->pending_key = child;
        return 0;
    }
    size_t cap = f->cap;
    p->keys = aipm_grow(p->keys, &cap, p->n + 1, sizeof(*p->keys));
    p->items = aipm_grow(p->items, &f->cap, p->n + 1, sizeof(*p->items));
    p->keys[p->n] = f->pending_key;
    p->items[p->n] = child;
    p->n++;
    f->pending_key = NULL;
    return 0;
}

aipm_yaml_node *aipm_yaml_parse(const char *path, const char *data, size_t len,
                                unsigned line_offset, aipm_error *err) {
    return aipm_yaml_parse_ex(path, data, len, line_offset, 0, err);
}

aipm_yaml_node *aipm_yaml_parse_ex(const char *path, const char *data, size_t len,
                                   unsigned line_offset, unsigned flags, aipm_error *err) {
    bool lenient = flags & AIPM_YAML_LENIENT_ALIASES;
    parse_state ps = {path, data, len, line_offset, err};
    yaml_parser_t parser;
    yaml_event_t ev;
    frame stack[AIPM_YAML_MAX_DEPTH + 1];
    size_t depth = 0;
    aipm_yaml_node *root = NULL;
    bool done = false, failed = false;

    if (!yaml_parser_initialize(&parser)) {
        aipm_error_set(err, path, 0, 0, "cannot initialise the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    while (!done && !failed) {
        if (!yaml_parser_parse(&parser, &ev)) {
            const char *problem = parser.problem ? parser.problem : "malformed YAML";
            yaml_mark_t m = parser.problem_mark;
            if (parser.context) {
                unsigned line, col;
                mark_pos(&ps, &m, &line, &col);
                aipm_error_set(err, path, line, col, "invalid YAML: %s %s", problem,
                               parser.context);
            } else {
                {
                    unsigned line, col;
                    mark_pos(&ps, &m, &line, &col);
                    aipm_error_set(err, path, line, col, "invalid YAML: %s", problem);
                }
            }
            failed = true;
            break;
        }
        aipm_yaml_node *node = NULL;
        bool open = false;
        switch (ev.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_STREAM_END_EVENT:
            if (ev.type == YAML_STREAM_END_EVENT) {
                done = true;
            }
            break;
        case YAML_DOCUMENT_END_EVENT:
            done = true; /* only the first document counts */
            break;
        case YAML_ALIAS_EVENT:
            if (lenient) {
                node = node_new(&ps, AIPM_YAML_SCALAR, &ev.start_mark);
                node->value = aipm_xstrdup("");
                node->plain = true;
                break;
            }
            fail_at(&ps, &ev.start_mark, "YAML aliases are not supported");
            failed = true;
            break;
        case YAML_SCALAR_EVENT:
            if (ev.data.scalar.anchor && !lenient) {
                fail_at(&ps, &ev.start_mark, "YAML anchors are not supported");
                failed = true;
                break;
            }
            node = node_new(&ps, AIPM_YAML_SCALAR, &ev.start_mark);
            node->value = aipm_xstrndup((const char *)ev.data.scalar.value, ev.data.scalar.length);
            node->len = ev.data.scalar.length;
            node->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            const yaml_char_t *anchor = ev.type == YAML_SEQUENCE_START_EVENT
                                            ? ev.data.sequence_start.anchor
                                            : ev.data.mapping_start.anchor;
            if (anchor && !lenient) {
                fail_at(&ps, &ev.start_mark, "YAML anchors are not supported");
                failed = true;
                break;
            }
            if (depth >= AIPM_YAML_MAX_DEPTH) {
                fail_at(&ps, &ev.start_mark, "YAML nested deeper than 64 levels");
                failed = true;
                break;
            }
            node =
                node_new(&ps, ev.type == YAML_SEQUENCE_START_EVENT ? AIPM_YAML_SEQ : AIPM_YAML_MAP,
                         &ev.start_mark);
            open = true;
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            frame f = stack[--depth];
            node = f.node;
            if (depth == 0) {
                root = node;
                node = NULL;
            } else if (attach(&ps, &stack[depth - 1], node) < 0) {
                failed = true;
                node = NULL;
            } else {
                node = NULL;
            }
            break;
        }
        default:
            break;
        }
        if (node && !failed) {
            if (open) {
                stack[depth].node = node;
                stack[depth].cap = 0;
                stack[depth].pending_key = NULL;
                depth++;
            } else if (depth == 0) {
                root = node;
            } else if (attach(&ps, &stack[depth - 1], node) < 0) {
                failed = true;
            }
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    if (failed) {
        /* Free the partial tree: open frames own their nodes and pending keys. */
        while (depth > 0) {
            depth--;
            aipm_yaml_free(stack[depth].pending_key);
            if (stack[depth].node->type == AIPM_YAML_MAP) {
                /* keys and items arrays hold n pairs, complete ones only */
            }
            aipm_yaml_free(stack[depth].node);
        }
        aipm_yaml_free(root);
        return NULL;
    }
    return root;
}

const aipm_yaml_node *aipm_yaml_get(const aipm_yaml_node *map, const char *key) {
    if (!map || map->type != AIPM_YAML_MAP) {
        return NULL;
    }
    for (size_t i = 0; i < map->n; i++) {
        if (strcmp(map->keys[i]->value, key) == 0) {
            return map->items[i];
        }
    }
    return NULL;
}

bool aipm_yaml_is_null(const aipm_yaml_node *node) {
    if (!node || node->type != AIPM_YAML_SCALAR || !node->plain) {
        return false;
    }
    return node->len == 0 || strcmp(node->value, "~") == 0 || strcmp(node->value, "null") == 0 ||
           strcmp(node->value, "Null") == 0 || strcmp(node->value, "NULL") == 0;
}

const char *aipm_yaml_type_name(const aipm_yaml_node *node) {
    if (!node || aipm_yaml_is_null(node)) {
        return "empty";
    }
    switch (node->type) {
    case AIPM_YAML_SEQ:
        return "a list";
    case AIPM_YAML_MAP:
        return "a mapping";
    default:
        return "a string";
    }
}

static int type_error(const aipm_yaml_node *node, const char *path, const char *what,
                      const char *want, aipm_error *err) {
    return aipm_error_set(err, path, node->line, node->col, "'%s' must be %s, not %s", what, want,
                          aipm_yaml_type_name(node));
}

int aipm_yaml_read_str(const aipm_yaml_node *node, const char *path, const char *what,
                       const char **out, aipm_error *err) {
    if (node->type != AIPM_YAML_SCALAR || aipm_yaml_is_null(node)) {
        return type_error(node, path, what, "a string", err);
    }
    if (strlen(node->value) != node->len) {
        return aipm_error_set(err, path, node->line, node->col, "'%s' must not contain NUL", what);
    }
    *out = node->value;
    return 0;
}

int aipm_yaml_read_bool(const aipm_yaml_node *node, const char *path, const char *what, bool *out,
                        aipm_error *err) {
    static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "on", "On", NULL};
    static const char *const no[] = {"false", "False", "FALSE", "no", "No", "off", "Off", NULL};
    if (node->type == AIPM_YAML_SCALAR && node->plain) {
        for (size_t i = 0; yes[i]; i++) {
            if (strcmp(node->value, yes[i]) == 0) {
                *out = true;
                return 0;
            }
            if (strcmp(node->value, no[i]) == 0) {
                *out = false;
                return 0;
            }
        }
    }
    return type_error(node, path, what, "true or false", err);
}

int aipm_yaml_read_double(const aipm_yaml_node *node, const char *path, const char *what,
                          double *out, aipm_error *err) {
    if (node->type == AIPM_YAML_SCALAR && node->plain && node->len > 0) {
        const char *s = node->value;
        bool ok = true;
        for (size_t i = 0; s[i]; i++) {
            if (!aipm_ascii_is_digit(s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '+') {
                ok = false;
            }
        }
        if (ok) {
            char *end;
            errno = 0;
            double v = strtod(s, &end);
            if (errno == 0 && *end == '\0' && isfinite(v)) {
                *out = v;
                return 0;
            }
        }
    }
    return type_error(node, path, what, "a number", err);
}

int aipm_yaml_read_uint(const aipm_yaml_node *node, const char *path, const char *what,
                        unsigned max, unsigned *out, aipm_error *err) {
    if (node->type == AIPM_YAML_SCALAR && node->plain && node->len > 0 && node->len < 10) {
        unsigned long v = 0;
        bool ok = true;
        for (size_t i = 0; i < node->len; i++) {
            if (!aipm_ascii_is_digit(node->value[i])) {
                ok = false;
                break;
            }
            v = v * 10 + (unsigned long)(node->value[i] - '0');
        }
        if (ok && v <= max) {
            *out = (unsigned)v;
            return 0;
        }
        if (ok) {
            return aipm_error_set(err, path, node->line, node->col,
                                  "'%s' must be at most %u, not %lu", what, max, v);
        }
    }
    return type_error(node, path, what, "a whole number", err);
}

int aipm_yaml_read_strs(const aipm_yaml_node *node, const char *path, const char *what,
                        const char ***out, size_t *n, aipm_error *err) {
    *out = NULL;
    *n = 0;
    if (node->type == AIPM_YAML_SCALAR) {
        const char *s;
        if (aipm_yaml_read_str(node, path, what, &s, err) < 0) {
            return -1;
        }
        *out = aipm_xmalloc(sizeof(**out));
        (*out)[0] = s;
        *n = 1;
        return 0;
    }
    if (node->type != AIPM_YAML_SEQ) {
        return type_error(node, path, what, "a string or a list of strings", err);
    }
    const char **v = aipm_xcalloc(node->n ? node->n : 1, sizeof(*v));
    for (size_t i = 0; i < node->n; i++) {
        if (node->items[i]->type != AIPM_YAML_SCALAR || aipm_yaml_is_null(node->items[i])) {
            free(v);
            return type_error(node->items[i], path, what, "a list of strings", err);
        }
        if (aipm_yaml_read_str(node->items[i], path, what, &v[i], err) < 0) {
            free(v);
            return -1;
        }
    }
    *out = v;
    *n = node->n;
    return 0;
}

int aipm_yaml_expect_map(const aipm_yaml_node *node, const char *path, const char *what,
                         aipm_error *err) {
    if (!node || node->type != AIPM_YAML_MAP) {
        if (!node) {
            return aipm_error_set(err, path, 1, 1, "'%s' must be a mapping", what);
        }
        return type_error(node, path, what, "a mapping", err);
    }
    return 0;
}

static bool in_list(const char *key, const char *const *list) {
    for (size_t i = 0; list && list[i]; i++) {
        if (strcmp(key, list[i]) == 0) {
            return true;
        }
    }
    return false;
}

int aipm_yaml_check_keys(const aipm_yaml_node *map, const char *const *allowed,
                         const char *const *allowed2, const char *path, const char *what,
                         aipm_error *err) {
    for (size_t i = 0; i < map->n; i++) {
        const aipm_yaml_node *k = map->keys[i];
        if (in_list(k->value, allowed) || in_list(k->value, allowed2)) {
            continue;
        }
        const char *hint = aipm_suggest(k->value, allowed);
        const char *hint2 = aipm_suggest(k->value, allowed2);
        if (!hint || (hint2 && aipm_suggest_distance(k->value, hint2) <
                                   aipm_suggest_distance(k->value, hint))) {
            hint = hint2;
        }
        if (hint) {
            return aipm_error_set(err, path, k->line, k->col,
                                  "unknown key '%s' in %s (did you mean '%s'?)", k->value, what,
                                  hint);
        }
        return aipm_error_set(err, path, k->line, k->col, "unknown key '%s' in %s", k->value, what);
    }
    return 0;
}
