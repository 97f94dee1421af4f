/*
 * config: read .aipm-lint.yaml and resolve per-file settings (config.h has
 * the keys and the layering).
 *
 * A run keeps one aipm_config_set: a cache of loaded configs keyed by
 * absolute path, each parsed once, each with its own ruleset when it loads
 * rule files. Resolving a file walks up from its folder:
 *
 *   /repo/docs/prd/a.md -> /repo/docs/prd/.aipm-lint.yaml?  no
 *                       -> /repo/docs/.aipm-lint.yaml?      yes: this one wins
 *   (stops at a folder holding .git, or at /)
 *
 * and layers the config's 'rules', then its matching 'overrides', then the
 * command line's --select/--ignore into fresh per-file arrays, so the shared
 * rulesets are never written after loading (the --jobs workers read them).
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "glob.h"
#include "io.h"
#include "mem.h"
#include "suggest.h"
#include "yaml.h"

/* ---- parsing ---- */

static const char *const top_keys[] = {"rules",  "rule-files", "builtin", "kinds",
                                       "ignore", "overrides",  "fail-on", NULL};
static const char *const override_keys[] = {"files", "rules", NULL};

static char **dup_strs(const char **v, size_t n) {
    char **out = aipm_xcalloc(n + 1, sizeof(*out));
    for (size_t i = 0; i < n; i++) {
        out[i] = aipm_xstrdup(v[i]);
    }
    return out;
}

static int read_globs(const aipm_yaml_node *node, const char *path, const char *what, char ***out,
                      size_t *n, aipm_error *err) {
    const char **v;
    if (aipm_yaml_read_strs(node, path, what, &v, n, err) < 0) {
        return -1;
    }
    *out = dup_strs(v, *n);
    free(v);
    return 0;
}

static int read_rules(const aipm_yaml_node *map, const char *path, aipm_config_rule **out,
                      size_t *n, aipm_error *err) {
    if (aipm_yaml_expect_map(map, path, "rules", err) < 0) {
        return -1;
    }
    *out = aipm_xcalloc(map->n + 1, sizeof(**out));
    *n = 0;
    for (size_t i = 0; i < map->n; i++) {
        const aipm_yaml_node *k = map->keys[i], *v = map->items[i];
        aipm_config_rule *r = &(*out)[(*n)++];
        r->name = aipm_xstrdup(k->value);
        r->line = k->line;
        r->col = k->col;
        if (v->type != AIPM_YAML_SCALAR || aipm_yaml_is_null(v)) {
            return aipm_error_set(err, path, v->line, v->col,
                                  "rule '%s' must be error, warning, info or off, not %s", k->value,
                                  aipm_yaml_type_name(v));
        }
        if (strcmp(v->value, "off") == 0) {
            r->off = true;
        } else if (aipm_severity_parse(v->value, &r->severity) < 0) {
            return aipm_error_set(err, path, v->line, v->col,
                                  "unknown level '%s' for rule '%s' (expected error, warning, "
                                  "info or off)",
                                  v->value, k->value);
        }
    }
    return 0;
}

/* Join 'base' folder and 'rel' unless 'rel' is absolute. */
static char *join(const char *base, const char *rel) {
    if (rel[0] == '/' || !base[0] || strcmp(base, ".") == 0) {
        return aipm_xstrdup(rel);
    }
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_printf(&b, "%s/%s", base, rel);
    return aipm_buf_detach(&b);
}

static char *dir_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) {
        return aipm_xstrdup(".");
    }
    if (slash == path) {
        return aipm_xstrdup("/");
    }
    return aipm_xstrndup(path, (size_t)(slash - path));
}

static int parse_into(aipm_config *c, const aipm_yaml_node *root, aipm_error *err) {
    const char *path = c->path;
    if (aipm_yaml_expect_map(root, path, "config", err) < 0 ||
        aipm_yaml_check_keys(root, top_keys, NULL, path, "config", err) < 0) {
        return -1;
    }
    const aipm_yaml_node *v;
    if ((v = aipm_yaml_get(root, "rules")) &&
        read_rules(v, path, &c->rules, &c->n_rules, err) < 0) {
        return -1;
    }
    if ((v = aipm_yaml_get(root, "rule-files"))) {
        char **files;
        if (read_globs(v, path, "rule-files", &files, &c->n_rule_files, err) < 0) {
            return -1;
        }
        char *base = dir_of(path);
        c->rule_files = aipm_xcalloc(c->n_rule_files + 1, sizeof(*c->rule_files));
        for (size_t i = 0; i < c->n_rule_files; i++) {
            c->rule_files[i] = join(base, files[i]);
            free(files[i]);
        }
        free(files);
        free(base);
    }
    if ((v = aipm_yaml_get(root, "builtin")) &&
        aipm_yaml_read_bool(v, path, "builtin", &c->builtin, err) < 0) {
        return -1;
    }
    if ((v = aipm_yaml_get(root, "kinds"))) {
        if (aipm_yaml_expect_map(v, path, "kinds", err) < 0) {
            return -1;
        }
        c->kinds = aipm_xcalloc(v->n + 1, sizeof(*c->kinds));
        for (size_t i = 0; i < v->n; i++) {
            const char *name;
            aipm_config_kind *k = &c->kinds[c->n_kinds++];
            k->glob = aipm_xstrdup(v->keys[i]->value);
            k->line = v->keys[i]->line;
            k->col = v->keys[i]->col;
            if (aipm_yaml_read_str(v->items[i], path, "kinds", &name, err) < 0) {
                return -1;
            }
            k->kind = aipm_kind_parse(name);
            if (k->kind == AIPM_KIND_COUNT) {
                return aipm_error_set(err, path, v->items[i]->line, v->items[i]->col,
                                      "unknown kind '%s' (expected vision, prd, onepager, spec "
                                      "or other)",
                                      name);
            }
        }
    }
    if ((v = aipm_yaml_get(root, "ignore")) &&
        read_globs(v, path, "ignore", &c->ignore, &c->n_ignore, err) < 0) {
        return -1;
    }
    if ((v = aipm_yaml_get(root, "overrides"))) {
        if (v->type != AIPM_YAML_SEQ) {
            return aipm_error_set(err, path, v->line, v->col,
                                  "'overrides' must be a list of mappings, not %s",
                                  aipm_yaml_type_name(v));
        }
        c->overrides = aipm_xcalloc(v->n + 1, sizeof(*c->overrides));
        for (size_t i = 0; i < v->n; i++) {
            const aipm_yaml_node *o = v->items[i];
            aipm_config_override *ov = &c->overrides[c->n_overrides++];
            ov->line = o->line;
            ov->col = o->col;
            if (aipm_yaml_expect_map(o, path, "overrides", err) < 0 ||
                aipm_yaml_check_keys(o, override_keys, NULL, path, "overrides", err) < 0) {
                return -1;
            }
            const aipm_yaml_node *f = aipm_yaml_get(o, "files");
            if (!f) {
                return aipm_error_set(err, path, o->line, o->col,
                                      "an override needs 'files' (a list of globs)");
            }
            if (read_globs(f, path, "files", &ov->files, &ov->n_files, err) < 0) {
                return -1;
            }
            const aipm_yaml_node *r = aipm_yaml_get(o, "rules");
            if (r && read_rules(r, path, &ov->rules, &ov->n_rules, err) < 0) {
                return -1;
            }
        }
    }
    if ((v = aipm_yaml_get(root, "fail-on"))) {
        const char *s;
        aipm_severity sev;
        if (aipm_yaml_read_str(v, path, "fail-on", &s, err) < 0) {
            return -1;
        }
        if (strcmp(s, "never") == 0) {
            c->fail_on = 3;
        } else if (aipm_severity_parse(s, &sev) == 0) {
            c->fail_on = (int)sev;
        } else {
            return aipm_error_set(err, path, v->line, v->col,
                                  "unknown level '%s' for 'fail-on' (expected error, warning, "
                                  "info or never)",
                                  s);
        }
        c->fail_on_line = v->line;
    }
    return 0;
}

aipm_config *aipm_config_parse(const char *path, const char *dir, const char *data, size_t len,
                               aipm_error *err) {
    aipm_config *c = aipm_xcalloc(1, sizeof(*c));
    c->path = aipm_xstrdup(path);
    c->dir = aipm_xstrdup(dir);
    c->builtin = true;
    c->fail_on = -1;
    aipm_error perr = AIPM_ERROR_INIT;
    aipm_yaml_node *root = aipm_yaml_parse(path, data, len, 0, &perr);
    if (!root) {
        if (perr.set) {
            *err = perr;
            aipm_config_free(c);
            return NULL;
        }
        return c; /* an empty file: all defaults */
    }
    int rc = parse_into(c, root, err);
    aipm_yaml_free(root);
    if (rc < 0) {
        aipm_config_free(c);
        return NULL;
    }
    return c;
}

static void free_rules(aipm_config_rule *r, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free(r[i].name);
    }
    free(r);
}

static void free_strs(char **v, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free(v[i]);
    }
    free(v);
}

void aipm_config_free(aipm_config *c) {
    if (!c) {
        return;
    }
    free(c->path);
    free(c->dir);
    free_rules(c->rules, c->n_rules);
    free_strs(c->rule_files, c->n_rule_files);
    for (size_t i = 0; i < c->n_kinds; i++) {
        free(c->kinds[i].glob);
    }
    free(c->kinds);
    free_strs(c->ignore, c->n_ignore);
    for (size_t i = 0; i < c->n_overrides; i++) {
        free_strs(c->overrides[i].files, c->overrides[i].n_files);
        free_rules(c->overrides[i].rules, c->overrides[i].n_rules);
    }
    free(c->overrides);
    if (c->rs) {
        aipm_ruleset_release(c->rs);
        free(c->rs);
    }
    free(c);
}

/* ---- discovery and the cache ---- */

struct aipm_config_set {
    const aipm_ruleset *base;
    const aipm_config_cli *cli;
    char *cwd;
    char **abs; /* absolute config paths, parallel to 'configs' */
    aipm_config **configs;
    size_t n;
    aipm_config *forced; /* --config, once loaded */
    /* The folder of the last file resolved, as given and as an absolute
     * path (NULL: none), and its discovered config: files come folder by
     * folder, and each folder's realpath and walk up to a config are paid
     * once, not once per file. */
    char *last_dir;
    char *last_abs;
    aipm_config *last_config;
};

aipm_config_set *aipm_config_set_new(const aipm_ruleset *base, const aipm_config_cli *cli) {
    aipm_config_set *set = aipm_xcalloc(1, sizeof(*set));
    set->base = base;
    set->cli = cli;
    char *cwd = getcwd(NULL, 0);
    set->cwd = cwd ? aipm_xstrdup(cwd) : aipm_xstrdup("/");
    free(cwd);
    return set;
}

void aipm_config_set_free(aipm_config_set *set) {
    if (!set) {
        return;
    }
    for (size_t i = 0; i < set->n; i++) {
        free(set->abs[i]);
        aipm_config_free(set->configs[i]);
    }
    free(set->abs);
    free(set->configs);
    aipm_config_free(set->forced);
    free(set->cwd);
    free(set->last_dir);
    free(set->last_abs);
    free(set);
}

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool exists(const char *p) {
    struct stat st;
    return stat(p, &st) == 0;
}

/* Absolute, symlink-free folder of 'path' (the file itself need not exist). */
static char *abs_dir(const char *path) {
    char *d = dir_of(path);
    char *r = realpath(d, NULL);
    free(d);
    if (!r) {
        return NULL;
    }
    char *out = aipm_xstrdup(r);
    free(r);
    return out;
}

/* 'abs' shown relative to the working folder when below it. */
static char *display(const aipm_config_set *set, const char *abs) {
    size_t n = strlen(set->cwd);
    if (strncmp(abs, set->cwd, n) == 0 && abs[n] == '/') {
        return aipm_xstrdup(abs + n + 1);
    }
    return aipm_xstrdup(abs);
}

static int load_ruleset(aipm_config_set *set, aipm_config *c, aipm_error *err) {
    if (c->n_rule_files == 0 && c->builtin) {
        return 0;
    }
    aipm_ruleset *rs = aipm_xcalloc(1, sizeof(*rs));
    c->rs = rs;
    if (c->builtin && !set->cli->no_builtin && aipm_ruleset_load_builtin(rs, err) < 0) {
        return -1;
    }
    for (size_t i = 0; i < set->cli->n_rules + c->n_rule_files; i++) {
        const char *p =
            i < set->cli->n_rules ? set->cli->rules[i] : c->rule_files[i - set->cli->n_rules];
        size_t len;
        char *data = aipm_io_read(p, p, AIPM_IO_DEFAULT_MAX_SIZE, &len, err);
        if (!data) {
            return -1;
        }
        int rc = aipm_ruleset_load(rs, p, data, len, false, err);
        free(data);
        if (rc < 0) {
            return -1;
        }
    }
    return aipm_ruleset_finish(rs, err);
}

static int check_names(const aipm_config *c, const aipm_ruleset *rs, const aipm_config_rule *r,
                       size_t n, aipm_error *err) {
    for (size_t k = 0; k < n; k++) {
        bool any = false;
        for (size_t i = 0; i < rs->n_rules && !any; i++) {
            any = aipm_rule_id_matches(rs->rules[i]->id, r[k].name);
        }
        if (!any) {
            const char **ids = aipm_xcalloc(rs->n_rules + 1, sizeof(*ids));
            for (size_t i = 0; i < rs->n_rules; i++) {
                ids[i] = rs->rules[i]->id;
            }
            const char *hint = aipm_suggest(r[k].name, ids);
            aipm_error_set(err, c->path, r[k].line, r[k].col, "no rule or family '%s'%s%s%s",
                           r[k].name, hint ? " (did you mean '" : "", hint ? hint : "",
                           hint ? "'?)" : "");
            free(ids);
            return -1;
        }
    }
    return 0;
}

/* Load and validate the config at absolute 'abs', shown as 'shown'. */
static aipm_config *load(aipm_config_set *set, const char *abs, const char *shown,
                         aipm_error *err) {
    size_t len;
    char *data = aipm_io_read(abs, shown, AIPM_IO_DEFAULT_MAX_SIZE, &len, err);
    if (!data) {
        return NULL;
    }
    char *dir = dir_of(abs);
    aipm_config *c = aipm_config_parse(shown, dir, data, len, err);
    free(dir);
    free(data);
    if (!c) {
        return NULL;
    }
    if (load_ruleset(set, c, err) < 0) {
        aipm_config_free(c);
        return NULL;
    }
    const aipm_ruleset *rs = c->rs ? c->rs : set->base;
    if (check_names(c, rs, c->rules, c->n_rules, err) < 0) {
        aipm_config_free(c);
        return NULL;
    }
    for (size_t i = 0; i < c->n_overrides; i++) {
        if (check_names(c, rs, c->overrides[i].rules, c->overrides[i].n_rules, err) < 0) {
            aipm_config_free(c);
            return NULL;
        }
    }
    return c;
}

static aipm_config *cached(aipm_config_set *set, const char *abs, aipm_error *err) {
    for (size_t i = 0; i < set->n; i++) {
        if (strcmp(set->abs[i], abs) == 0) {
            return set->configs[i];
        }
    }
    char *shown = display(set, abs);
    aipm_config *c = load(set, abs, shown, err);
    free(shown);
    if (!c) {
        return NULL;
    }
    set->abs = aipm_xreallocarray(set->abs, set->n + 1, sizeof(*set->abs));
    set->configs = aipm_xreallocarray(set->configs, set->n + 1, sizeof(*set->configs));
    set->abs[set->n] = aipm_xstrdup(abs);
    set->configs[set->n++] = c;
    return c;
}

/* Find the config for a file in absolute folder 'dir': '*out' NULL when none. */
static int discover(aipm_config_set *set, const char *dir, aipm_config **out, aipm_error *err) {
    *out = NULL;
    char *d = aipm_xstrdup(dir);
    int rc = 0;
    for (;;) {
        aipm_buf p = AIPM_BUF_INIT;
        aipm_buf_printf(&p, "%s%s%s", d, strcmp(d, "/") == 0 ? "" : "/", AIPM_CONFIG_NAME);
        if (is_file(p.ptr)) {
            *out = cached(set, p.ptr, err);
            rc = *out ? 0 : -1;
            aipm_buf_release(&p);
            break;
        }
        aipm_buf_clear(&p);
        aipm_buf_printf(&p, "%s%s.git", d, strcmp(d, "/") == 0 ? "" : "/");
        bool stop = exists(p.ptr) || strcmp(d, "/") == 0;
        aipm_buf_release(&p);
        if (stop) {
            break;
        }
        char *up = dir_of(d);
        free(d);
        d = up;
    }
    free(d);
    return rc;
}

/* ---- resolving ---- */

static void apply_rules(aipm_file_settings *fs, const aipm_config_rule *r, size_t n,
                        const char *what) {
    const aipm_ruleset *rs = fs->rs;
    for (int exact = 0; exact < 2; exact++) {
        for (size_t k = 0; k < n; k++) {
            bool is_id = aipm_ruleset_find(rs, r[k].name) != NULL;
            if (is_id != (exact == 1)) {
                continue;
            }
            for (size_t i = 0; i < rs->n_rules; i++) {
                if (!aipm_rule_id_matches(rs->rules[i]->id, r[k].name)) {
                    continue;
                }
                fs->enabled[i] = !r[k].off;
                if (!r[k].off) {
                    fs->severity[i] = r[k].severity;
                }
                fs->origin[i] = (aipm_rule_origin){what, r[k].name, r[k].line, r[k].col};
            }
        }
    }
}

static bool any_glob(char *const *globs, size_t n, const char *rel) {
    for (size_t i = 0; i < n; i++) {
        if (aipm_glob_match(globs[i], rel)) {
            return true;
        }
    }
    return false;
}

static bool name_matches(const char *id, const char *const *names, size_t n, const char **which) {
    for (size_t k = 0; k < n; k++) {
        if (aipm_rule_id_matches(id, names[k])) {
            *which = names[k];
            return true;
        }
    }
    return false;
}

int aipm_config_resolve(aipm_config_set *set, const char *path, aipm_file_settings *out,
                        aipm_error *err) {
    memset(out, 0, sizeof(*out));
    out->rs = set->base;
    out->fail_on = -1;
    const aipm_config_cli *cli = set->cli;
    if (cli->no_config) {
        return 0;
    }
    const char *where = path;
    if (strcmp(path, "-") == 0) {
        where = cli->stdin_name ? cli->stdin_name : "./-";
    }
    char *raw = dir_of(where);
    bool same = set->last_dir && strcmp(raw, set->last_dir) == 0;
    char *dir = same ? (set->last_abs ? aipm_xstrdup(set->last_abs) : NULL) : abs_dir(where);
    aipm_config *c = NULL;
    if (same && !cli->config) {
        free(raw);
        c = set->last_config;
    } else if (cli->config) {
        free(raw);
        if (!set->forced) {
            /* a failed load is retried (and fails the same way) for each file */
            char *r = realpath(cli->config, NULL);
            if (!r) {
                aipm_error_set(err, NULL, 0, 0, "cannot read '%s': %s", cli->config,
                               strerror(errno));
                free(dir);
                return -1;
            }
            set->forced = load(set, r, cli->config, err);
            free(r);
            if (!set->forced) {
                free(dir);
                return -1;
            }
        }
        c = set->forced;
    } else {
        if (dir && discover(set, dir, &c, err) < 0) {
            free(raw);
            free(dir);
            return -1; /* not remembered: the next file in the folder fails the same way */
        }
        free(set->last_dir);
        free(set->last_abs);
        set->last_dir = raw;
        set->last_abs = dir ? aipm_xstrdup(dir) : NULL;
        set->last_config = c;
    }
    if (!c) {
        free(dir);
        return 0;
    }
    /* the file's path relative to the config's folder */
    const char *base = strrchr(where, '/');
    base = base ? base + 1 : where;
    char *rel;
    size_t dl = strlen(c->dir);
    if (dir && strcmp(dir, c->dir) == 0) {
        rel = aipm_xstrdup(base);
    } else if (dir && strncmp(dir, c->dir, dl) == 0 && (dir[dl] == '/' || dl == 1)) {
        aipm_buf b = AIPM_BUF_INIT;
        aipm_buf_printf(&b, "%s/%s", dir + (dl == 1 ? 1 : dl + 1), base);
        rel = aipm_buf_detach(&b);
    } else {
        rel = aipm_xstrdup(where);
    }
    free(dir);

    out->config = c;
    out->rs = c->rs ? c->rs : set->base;
    out->fail_on = c->fail_on;
    out->ignored = any_glob(c->ignore, c->n_ignore, rel);
    for (size_t i = 0; i < c->n_kinds && !out->has_kind; i++) {
        if (aipm_glob_match(c->kinds[i].glob, rel)) {
            out->has_kind = true;
            out->kind = c->kinds[i].kind;
            out->kind_from = &c->kinds[i];
        }
    }
    const aipm_ruleset *rs = out->rs;
    out->enabled = aipm_xcalloc(rs->n_rules + 1, sizeof(*out->enabled));
    out->severity = aipm_xcalloc(rs->n_rules + 1, sizeof(*out->severity));
    out->origin = aipm_xcalloc(rs->n_rules + 1, sizeof(*out->origin));
    for (size_t i = 0; i < rs->n_rules; i++) {
        out->enabled[i] = true;
        out->severity[i] = rs->rules[i]->severity;
        out->origin[i] = (aipm_rule_origin){"default", NULL, 0, 0};
    }
    apply_rules(out, c->rules, c->n_rules, "rules");
    for (size_t o = 0; o < c->n_overrides; o++) {
        if (any_glob(c->overrides[o].files, c->overrides[o].n_files, rel)) {
            apply_rules(out, c->overrides[o].rules, c->overrides[o].n_rules, "override");
        }
    }
    free(rel);
    for (size_t i = 0; i < rs->n_rules; i++) {
        const char *id = rs->rules[i]->id, *which;
        if (cli->n_select) {
            bool sel = name_matches(id, cli->select, cli->n_select, &which);
            out->enabled[i] = sel;
            out->origin[i] = (aipm_rule_origin){"--select", sel ? which : (const char *)NULL, 0, 0};
        }
        if (name_matches(id, cli->ignore, cli->n_ignore, &which)) {
            out->enabled[i] = false;
            out->origin[i] = (aipm_rule_origin){"--ignore", which, 0, 0};
        }
    }
    return 0;
}

void aipm_file_settings_release(aipm_file_settings *fs) {
    free(fs->enabled);
    free(fs->severity);
    free(fs->origin);
    memset(fs, 0, sizeof(*fs));
}

/* ---- --print-config ---- */

void aipm_config_print(FILE *out, const char *path, const aipm_file_settings *fs,
                       const aipm_config_cli *cli, int cli_fail_on) {
    const aipm_config *c = fs->config;
    const aipm_ruleset *rs = fs->rs;
    fprintf(out, "file:       %s\n", path);
    if (c) {
        fprintf(out, "config:     %s%s\n", c->path, cli->config ? " (--config)" : "");
    } else {
        fprintf(out, "config:     none%s\n", cli->no_config ? " (--no-config)" : "");
    }
    bool builtin = !cli->no_builtin && (!c || c->builtin);
    fprintf(out, "rule files: %s", builtin ? "built-in (rules/*.yaml)" : "no built-in rules");
    for (size_t i = 0; i < cli->n_rules; i++) {
        fprintf(out, ", %s (--rules)", cli->rules[i]);
    }
    for (size_t i = 0; c && i < c->n_rule_files; i++) {
        fprintf(out, ", %s (%s)", c->rule_files[i], c->path);
    }
    fprintf(out, "\n");
    fprintf(out, "ignored:    %s\n", fs->ignored ? "yes (config 'ignore')" : "no");
    if (fs->has_kind) {
        fprintf(out, "kind:       %s (%s:%u:%u: '%s'; --kind and front matter come first)\n",
                aipm_kind_name(fs->kind), c->path, fs->kind_from->line, fs->kind_from->col,
                fs->kind_from->glob);
    } else {
        fprintf(out, "kind:       detected (--kind, front matter, file name, content)\n");
    }
    static const char *const levels[] = {"info", "warning", "error", "never"};
    if (cli_fail_on >= 0) {
        fprintf(out, "fail-on:    %s (--fail-on)\n", levels[cli_fail_on]);
    } else if (fs->fail_on >= 0) {
        fprintf(out, "fail-on:    %s (%s:%u)\n", levels[fs->fail_on], c->path, c->fail_on_line);
    } else {
        fprintf(out, "fail-on:    default\n");
    }
    fprintf(out, "rules:\n");
    size_t w = 4;
    for (size_t i = 0; i < rs->n_rules; i++) {
        size_t n = strlen(rs->rules[i]->id);
        w = n > w ? n : w;
    }
    for (size_t i = 0; i < rs->n_rules; i++) {
        const aipm_rule *r = rs->rules[i];
        bool on = fs->enabled ? fs->enabled[i] : rs->enabled[i];
        aipm_severity sev = fs->severity ? fs->severity[i] : rs->severity[i];
        fprintf(out, "  %-*s  %-7s  ", (int)w, r->id, on ? aipm_severity_name(sev) : "off");
        const aipm_rule_origin *o = fs->origin ? &fs->origin[i] : NULL;
        if (!o || strcmp(o->what, "default") == 0) {
            fprintf(out, "%s:%u\n", r->path, r->line);
        } else if (o->line) {
            fprintf(out, "%s:%u:%u (%s '%s')\n", c->path, o->line, o->col, o->what, o->name);
        } else if (o->name) {
            fprintf(out, "%s %s\n", o->what, o->name);
        } else {
            fprintf(out, "%s (not selected)\n", o->what);
        }
    }
}
