/*
 * rule_load: a YAML rule file -> rules and traits in a ruleset.
 *
 *   traits:                     # optional: named properties of a document
 *     ai: ['\bLLM\b', ...]      #   list form: holds on one match
 *     ai2: {patterns: [...], words: [...], min: 2, sections: '(?i)solution',
 *           not-sections: '(?i)future|out of scope', unless: ['(?i)\bno AI\b']}
 *   rules:                      # the rules, each a mapping
 *     - id: family.name
 *       check: forbid           # dispatch through checks/registry.c
 *       ...
 *
 * Loading is strict and atomic: the first problem (unknown key with a "did
 * you mean", wrong type, duplicate id, bad pattern, unknown check or kind)
 * fails the whole file with FILE:LINE:COL from the node's mark, and nothing
 * of that file stays in the ruleset.
 */
#include "ruleset.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "checks/check.h"
#include "doc.h"
#include "mem.h"
#include "suggest.h"
#include "yaml.h"

static const char *const common_keys[] = {"id",   "summary",  "severity", "kinds",
                                          "when", "check",    "scope",    "message",
                                          "help", "examples", NULL};

/* Rule ids: lower-case kebab words, a family and at least one more part. */
static bool valid_id(const char *id) {
    bool dot = false, start = true;
    for (const char *p = id; *p; p++) {
        if (*p == '.') {
            if (start) {
                return false;
            }
            dot = true;
            start = true;
        } else if (aipm_ascii_is_lower(*p) || aipm_ascii_is_digit(*p) || (*p == '-' && !start)) {
            start = false;
        } else {
            return false;
        }
    }
    return dot && !start;
}

static int read_string_dup(const aipm_yaml_node *map, const char *key, const char *path,
                           bool required, char **out, aipm_error *err) {
    const aipm_yaml_node *v = aipm_yaml_get(map, key);
    const char *s;
    if (!v) {
        if (required) {
            return aipm_error_set(err, path, map->line, map->col, "rule is missing '%s'", key);
        }
        return 0;
    }
    if (aipm_yaml_read_str(v, path, key, &s, err) < 0) {
        return -1;
    }
    *out = aipm_xstrdup(s);
    return 0;
}

static int read_examples(const aipm_yaml_node *node, const char *path, aipm_rule *r,
                         aipm_error *err) {
    static const char *const keys[] = {"bad", "good", NULL};
    if (aipm_yaml_expect_map(node, path, "examples", err) < 0 ||
        aipm_yaml_check_keys(node, keys, NULL, path, "'examples'", err) < 0) {
        return -1;
    }
    for (int which = 0; which < 2; which++) {
        const aipm_yaml_node *v = aipm_yaml_get(node, keys[which]);
        if (!v) {
            continue;
        }
        const char **strs;
        size_t n;
        if (aipm_yaml_read_strs(v, path, keys[which], &strs, &n, err) < 0) {
            return -1;
        }
        char **copy = aipm_xcalloc(n ? n : 1, sizeof(*copy));
        for (size_t i = 0; i < n; i++) {
            copy[i] = aipm_xstrdup(strs[i]);
        }
        free(strs);
        if (which == 0) {
            r->bad = copy;
            r->n_bad = n;
        } else {
            r->good = copy;
            r->n_good = n;
        }
    }
    return 0;
}

static int read_kinds(const aipm_yaml_node *node, const char *path, aipm_rule *r, aipm_error *err) {
    const char **names;
    size_t n;
    if (aipm_yaml_read_strs(node, path, "kinds", &names, &n, err) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        aipm_kind k = aipm_kind_parse(names[i]);
        if (k == AIPM_KIND_COUNT) {
            const aipm_yaml_node *item = node->type == AIPM_YAML_SEQ ? node->items[i] : node;
            aipm_error_set(err, path, item->line, item->col,
                           "unknown kind '%s' (expected vision, prd, onepager, spec or other)",
                           names[i]);
            free(names);
            return -1;
        }
        r->kinds |= 1u << k;
    }
    free(names);
    return 0;
}

typedef struct pending {
    aipm_rule **rules;
    size_t n_rules, cap_rules;
    struct aipm_trait_ref *refs;
    size_t n_refs, cap_refs;
    aipm_trait traits[AIPM_MAX_TRAITS];
    size_t n_traits;
} pending;

static int read_when(const aipm_yaml_node *node, const char *path, size_t rule_index, pending *pd,
                     aipm_error *err) {
    static const char *const keys[] = {"trait", "not-trait", NULL};
    if (aipm_yaml_expect_map(node, path, "when", err) < 0 ||
        aipm_yaml_check_keys(node, keys, NULL, path, "'when'", err) < 0) {
        return -1;
    }
    for (int neg = 0; neg < 2; neg++) {
        const aipm_yaml_node *v = aipm_yaml_get(node, keys[neg]);
        if (!v) {
            continue;
        }
        const char **names;
        size_t n;
        if (aipm_yaml_read_strs(v, path, keys[neg], &names, &n, err) < 0) {
            return -1;
        }
        for (size_t i = 0; i < n; i++) {
            const aipm_yaml_node *item = v->type == AIPM_YAML_SEQ ? v->items[i] : v;
            pd->refs = aipm_grow(pd->refs, &pd->cap_refs, pd->n_refs + 1, sizeof(*pd->refs));
            struct aipm_trait_ref *ref = &pd->refs[pd->n_refs++];
            ref->rule = rule_index;
            ref->negate = neg == 1;
            ref->name = aipm_xstrdup(names[i]);
            ref->path = aipm_xstrdup(path);
            ref->line = item->line;
            ref->col = item->col;
        }
        free(names);
    }
    return 0;
}

static const aipm_rule *find_rule(const aipm_ruleset *rs, const pending *pd, const char *id) {
    const aipm_rule *r = aipm_ruleset_find(rs, id);
    for (size_t i = 0; !r && i < pd->n_rules; i++) {
        if (strcmp(pd->rules[i]->id, id) == 0) {
            r = pd->rules[i];
        }
    }
    return r;
}

static int load_rule(const aipm_ruleset *rs, pending *pd, const aipm_yaml_node *map,
                     const char *path, bool builtin, aipm_error *err) {
    if (aipm_yaml_expect_map(map, path, "rule", err) < 0) {
        return -1;
    }
    aipm_rule *r = aipm_xcalloc(1, sizeof(*r));
    r->path = aipm_xstrdup(path);
    r->line = map->line;
    r->col = map->col;
    r->builtin = builtin;
    r->severity = AIPM_SEV_WARNING;
    const aipm_yaml_node *v;

    if (read_string_dup(map, "id", path, true, &r->id, err) < 0) {
        goto fail;
    }
    v = aipm_yaml_get(map, "id");
    if (!valid_id(r->id)) {
        aipm_error_set(err, path, v->line, v->col,
                       "invalid rule id '%s' (expected lower-case 'family.name')", r->id);
        goto fail;
    }
    const aipm_rule *dup = find_rule(rs, pd, r->id);
    if (dup) {
        aipm_error_set(err, path, v->line, v->col,
                       "duplicate rule id '%s' (first defined at %s:%u:%u)", r->id, dup->path,
                       dup->line, dup->col);
        goto fail;
    }
    const char *check_name;
    if (!(v = aipm_yaml_get(map, "check"))) {
        aipm_error_set(err, path, map->line, map->col, "rule '%s' is missing 'check'", r->id);
        goto fail;
    }
    if (aipm_yaml_read_str(v, path, "check", &check_name, err) < 0) {
        goto fail;
    }
    r->check = aipm_check_find_kind(check_name);
    if (!r->check) {
        const char *hint = aipm_suggest(check_name, aipm_check_kind_names());
        aipm_error_set(err, path, v->line, v->col, "unknown check '%s'%s%s%s", check_name,
                       hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
        goto fail;
    }
    {
        aipm_buf what = AIPM_BUF_INIT;
        aipm_buf_printf(&what, "rule '%s'", r->id);
        int rc = aipm_yaml_check_keys(map, common_keys, r->check->keys, path, what.ptr, err);
        aipm_buf_release(&what);
        if (rc < 0) {
            goto fail;
        }
    }
    if (read_string_dup(map, "summary", path, true, &r->summary, err) < 0 ||
        read_string_dup(map, "message", path, true, &r->message, err) < 0 ||
        read_string_dup(map, "help", path, false, &r->help, err) < 0) {
        goto fail;
    }
    if ((v = aipm_yaml_get(map, "severity"))) {
        const char *s;
        if (aipm_yaml_read_str(v, path, "severity", &s, err) < 0) {
            goto fail;
        }
        if (aipm_severity_parse(s, &r->severity) < 0) {
            aipm_error_set(err, path, v->line, v->col,
                           "unknown severity '%s' (expected error, warning or info)", s);
            goto fail;
        }
    }
    if ((v = aipm_yaml_get(map, "kinds")) && read_kinds(v, path, r, err) < 0) {
        goto fail;
    }
    if ((v = aipm_yaml_get(map, "scope")) && aipm_scope_parse(v, path, &r->scope, err) < 0) {
        goto fail;
    }
    if ((v = aipm_yaml_get(map, "examples")) && read_examples(v, path, r, err) < 0) {
        goto fail;
    }
    aipm_check_env env = {path, r->id, builtin ? AIPM_PATTERN_DEFER : 0};
    r->cfg = r->check->parse(map, &env, err);
    if (!r->cfg) {
        if (!err || !err->set) {
            aipm_error_set(err, path, map->line, map->col, "rule '%s' is invalid", r->id);
        }
        r->check = NULL; /* nothing to free_config */
        goto fail;
    }
    if ((v = aipm_yaml_get(map, "when")) && read_when(v, path, pd->n_rules, pd, err) < 0) {
        goto fail;
    }
    pd->rules = aipm_grow(pd->rules, &pd->cap_rules, pd->n_rules + 1, sizeof(*pd->rules));
    pd->rules[pd->n_rules++] = r;
    return 0;
fail:
    aipm_rule_free(r);
    return -1;
}

static int load_trait(const aipm_ruleset *rs, pending *pd, const aipm_yaml_node *key,
                      const aipm_yaml_node *val, const char *path, bool builtin, aipm_error *err) {
    static const char *const keys[] = {"patterns",     "words",  "min", "sections",
                                       "not-sections", "unless", NULL};
    if (aipm_ruleset_trait(rs, key->value) >= 0) {
        return aipm_error_set(err, path, key->line, key->col, "duplicate trait '%s'", key->value);
    }
    if (rs->n_traits + pd->n_traits >= AIPM_MAX_TRAITS) {
        return aipm_error_set(err, path, key->line, key->col, "more than %d traits",
                              AIPM_MAX_TRAITS);
    }
    aipm_trait *t = &pd->traits[pd->n_traits];
    memset(t, 0, sizeof(*t));
    t->min = 1;
    aipm_check_env env = {path, key->value, builtin ? AIPM_PATTERN_DEFER : 0};
    int rc = 0;
    if (val->type == AIPM_YAML_MAP) {
        if (aipm_yaml_check_keys(val, keys, NULL, path, "a trait", err) < 0) {
            return -1;
        }
        const aipm_yaml_node *v;
        aipm_pattern *words = NULL;
        if (aipm_check_parse_patterns(val, "patterns", &env, &t->patterns, &t->n_patterns, err) <
                0 ||
            aipm_check_parse_words(val, "words", &env, &words, err) < 0) {
            rc = -1;
        } else {
            t->patterns = aipm_check_join_words(words, t->patterns, t->n_patterns, &t->n_patterns);
        }
        if (rc == 0 &&
            aipm_check_parse_patterns(val, "unless", &env, &t->unless, &t->n_unless, err) < 0) {
            rc = -1;
        }
        if (rc == 0 && (v = aipm_yaml_get(val, "min")) &&
            aipm_yaml_read_uint(v, path, "min", 1000000, &t->min, err) < 0) {
            rc = -1;
        }
        for (int which = 0; which < 2 && rc == 0; which++) {
            const char *k = which ? "not-sections" : "sections";
            aipm_pattern **slot = which ? &t->not_sections : &t->sections;
            const char *s;
            if ((v = aipm_yaml_get(val, k)) &&
                (aipm_yaml_read_str(v, path, k, &s, err) < 0 ||
                 !(*slot = aipm_pattern_compile(s, strlen(s), 0, path, v->line, v->col, err)))) {
                rc = -1;
            }
        }
    } else {
        aipm_yaml_node wrap;
        aipm_yaml_node *kp = (aipm_yaml_node *)key, *vp = (aipm_yaml_node *)val;
        memset(&wrap, 0, sizeof(wrap));
        wrap.type = AIPM_YAML_MAP;
        wrap.n = 1;
        wrap.keys = &kp;
        wrap.items = &vp;
        /* the list form: key -> patterns */
        rc = aipm_check_parse_patterns(&wrap, key->value, &env, &t->patterns, &t->n_patterns, err);
    }
    if (rc == 0 && t->n_patterns == 0) {
        rc = aipm_error_set(err, path, key->line, key->col, "trait '%s' has no patterns",
                            key->value);
    }
    if (rc < 0) {
        aipm_check_free_patterns(t->patterns, t->n_patterns);
        aipm_pattern_free(t->sections);
        aipm_pattern_free(t->not_sections);
        aipm_check_free_patterns(t->unless, t->n_unless);
        return -1;
    }
    t->name = aipm_xstrdup(key->value);
    t->path = aipm_xstrdup(path);
    t->line = key->line;
    t->col = key->col;
    pd->n_traits++;
    return 0;
}

static void pending_free(pending *pd) {
    for (size_t i = 0; i < pd->n_rules; i++) {
        aipm_rule_free(pd->rules[i]);
    }
    free(pd->rules);
    for (size_t i = 0; i < pd->n_refs; i++) {
        free(pd->refs[i].name);
        free(pd->refs[i].path);
    }
    free(pd->refs);
    for (size_t i = 0; i < pd->n_traits; i++) {
        free(pd->traits[i].name);
        free(pd->traits[i].path);
        aipm_check_free_patterns(pd->traits[i].patterns, pd->traits[i].n_patterns);
        aipm_pattern_free(pd->traits[i].sections);
        aipm_pattern_free(pd->traits[i].not_sections);
        aipm_check_free_patterns(pd->traits[i].unless, pd->traits[i].n_unless);
    }
}

int aipm_ruleset_load(aipm_ruleset *rs, const char *path, const char *data, size_t len,
                      bool builtin, aipm_error *err) {
    aipm_yaml_node *root = aipm_yaml_parse(path, data, len, 0, err);
    if (!root) {
        if (err && err->set) {
            return -1;
        }
        return aipm_error_set(err, path, 0, 0, "rule file is empty");
    }
    int rc = aipm_ruleset_load_tree(rs, path, root, builtin, err);
    aipm_yaml_free(root);
    return rc;
}

int aipm_ruleset_load_tree(aipm_ruleset *rs, const char *path, const aipm_yaml_node *root,
                           bool builtin, aipm_error *err) {
    static const char *const top_keys[] = {"traits", "rules", NULL};
    pending pd;
    memset(&pd, 0, sizeof(pd));
    int rc = -1;
    if (aipm_yaml_expect_map(root, path, "the rule file", err) < 0 ||
        aipm_yaml_check_keys(root, top_keys, NULL, path, "the rule file", err) < 0) {
        goto out;
    }
    const aipm_yaml_node *traits = aipm_yaml_get(root, "traits");
    if (traits && !aipm_yaml_is_null(traits)) {
        if (aipm_yaml_expect_map(traits, path, "traits", err) < 0) {
            goto out;
        }
        for (size_t i = 0; i < traits->n; i++) {
            for (size_t k = 0; k < pd.n_traits; k++) {
                if (strcmp(pd.traits[k].name, traits->keys[i]->value) == 0) {
                    aipm_error_set(err, path, traits->keys[i]->line, traits->keys[i]->col,
                                   "duplicate trait '%s'", traits->keys[i]->value);
                    goto out;
                }
            }
            if (load_trait(rs, &pd, traits->keys[i], traits->items[i], path, builtin, err) < 0) {
                goto out;
            }
        }
    }
    const aipm_yaml_node *rules = aipm_yaml_get(root, "rules");
    if (rules && !aipm_yaml_is_null(rules)) {
        if (rules->type != AIPM_YAML_SEQ) {
            aipm_error_set(err, path, rules->line, rules->col, "'rules' must be a list, not %s",
                           aipm_yaml_type_name(rules));
            goto out;
        }
        for (size_t i = 0; i < rules->n; i++) {
            if (load_rule(rs, &pd, rules->items[i], path, builtin, err) < 0) {
                goto out;
            }
        }
    }
    /* Commit: move everything into the ruleset. */
    for (size_t i = 0; i < pd.n_refs; i++) {
        pd.refs[i].rule += rs->n_rules;
        rs->refs = aipm_grow(rs->refs, &rs->cap_refs, rs->n_refs + 1, sizeof(*rs->refs));
        rs->refs[rs->n_refs++] = pd.refs[i];
    }
    pd.n_refs = 0;
    for (size_t i = 0; i < pd.n_rules; i++) {
        rs->rules = aipm_grow(rs->rules, &rs->cap_rules, rs->n_rules + 1, sizeof(*rs->rules));
        rs->rules[rs->n_rules++] = pd.rules[i];
    }
    pd.n_rules = 0;
    for (size_t i = 0; i < pd.n_traits; i++) {
        rs->traits[rs->n_traits++] = pd.traits[i];
    }
    pd.n_traits = 0;
    rc = 0;
out:
    pending_free(&pd);
    return rc;
}
