/*
 * baseline: fingerprints, the baseline file, and the filter (baseline.h).
 *
 * Fingerprint: 64-bit FNV-1a over
 *
 *   rule id \0 fold(matched text) \0 fold(the whole first line of the match)
 *
 * where fold() trims and squeezes white space, so re-indenting or re-wrapping
 * does not make old findings new. Two findings with the same key in one file
 * are told apart by count, not by position: the first 'count' of them are
 * baselined, any more are new.
 *
 * The file is read back with the YAML reader (JSON is YAML), which gives the
 * marks for strict errors.
 */
#include "baseline.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "io.h"
#include "json.h"
#include "mem.h"
#include "yaml.h"

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

/* Hash 'p'[0, n) folded (trimmed, white space runs as one space) into 'h'. */
static uint64_t hash_folded(uint64_t h, const char *p, size_t n, aipm_buf *keep) {
    bool space = false, any = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (aipm_ascii_is_space(c)) {
            space = any;
            continue;
        }
        if (space) {
            h = (h ^ ' ') * FNV_PRIME;
            if (keep) {
                aipm_buf_putc(keep, ' ');
            }
            space = false;
        }
        h = (h ^ c) * FNV_PRIME;
        if (keep) {
            aipm_buf_putc(keep, (char)c);
        }
        any = true;
    }
    return (h ^ 0) * FNV_PRIME;
}

static void fingerprint(const char *src, size_t len, const aipm_diag *d, char out[17],
                        aipm_buf *text) {
    uint64_t h = FNV_OFFSET;
    for (const char *p = d->rule; *p; p++) {
        h = (h ^ (unsigned char)*p) * FNV_PRIME;
    }
    h = (h ^ 0) * FNV_PRIME;
    size_t s = d->start < len ? d->start : len;
    size_t e = d->end < len ? d->end : len;
    if (e < s) {
        e = s;
    }
    h = hash_folded(h, src + s, e - s, text);
    size_t ls = s, le = s;
    while (ls > 0 && src[ls - 1] != '\n' && src[ls - 1] != '\r') {
        ls--;
    }
    while (le < len && src[le] != '\n' && src[le] != '\r') {
        le++;
    }
    h = hash_folded(h, src + ls, le - ls, NULL);
    snprintf(out, 17, "%016" PRIx64, h);
}

void aipm_baseline_fingerprint(const char *src, size_t len, const aipm_diag *d, char out[17]) {
    fingerprint(src, len, d, out, NULL);
}

static const char *norm_path(const char *p) {
    while (p[0] == '.' && p[1] == '/') {
        p += 2;
    }
    return p;
}

static aipm_baseline_entry *find(aipm_baseline *b, const char *path, const char *rule,
                                 const char *fp) {
    for (size_t i = 0; i < b->n; i++) {
        aipm_baseline_entry *e = &b->items[i];
        if (strcmp(e->fingerprint, fp) == 0 && strcmp(e->rule, rule) == 0 &&
            strcmp(e->path, path) == 0) {
            return e;
        }
    }
    return NULL;
}

static aipm_baseline_entry *add(aipm_baseline *b, const char *path, const char *rule,
                                const char *fp, const char *text) {
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->items = aipm_xreallocarray(b->items, b->cap, sizeof(*b->items));
    }
    aipm_baseline_entry *e = &b->items[b->n++];
    memset(e, 0, sizeof(*e));
    e->path = aipm_xstrdup(path);
    e->rule = aipm_xstrdup(rule);
    e->fingerprint = aipm_xstrdup(fp);
    e->text = aipm_xstrdup(text ? text : "");
    return e;
}

void aipm_baseline_add(aipm_baseline *b, const aipm_file_result *r) {
    const char *path = norm_path(r->path);
    for (size_t i = 0; i < r->diags.n; i++) {
        const aipm_diag *d = &r->diags.items[i];
        char fp[17];
        aipm_buf text = AIPM_BUF_INIT;
        fingerprint(r->src ? r->src : "", r->src ? r->src_len : 0, d, fp, &text);
        if (text.len > 80) {
            size_t cut = 77;
            while (cut > 0 && ((unsigned char)text.ptr[cut] & 0xC0) == 0x80) {
                cut--; /* keep whole UTF-8 characters */
            }
            text.len = cut;
            text.ptr[cut] = '\0';
            aipm_buf_puts(&text, "...");
        }
        aipm_baseline_entry *e = find(b, path, d->rule, fp);
        if (!e) {
            e = add(b, path, d->rule, fp, text.len ? text.ptr : "");
        }
        e->count++;
        aipm_buf_release(&text);
    }
}

static int cmp_entry(const void *pa, const void *pb) {
    const aipm_baseline_entry *a = pa, *b = pb;
    int c = strcmp(a->path, b->path);
    if (!c) {
        c = strcmp(a->rule, b->rule);
    }
    if (!c) {
        c = strcmp(a->fingerprint, b->fingerprint);
    }
    return c;
}

void aipm_baseline_format(aipm_baseline *b, aipm_buf *out) {
    if (b->n) {
        qsort(b->items, b->n, sizeof(*b->items), cmp_entry);
    }
    aipm_buf_puts(out, "{\n  \"version\": 1,\n  \"tool\": \"aipm-lint\",\n  \"entries\": [");
    for (size_t i = 0; i < b->n; i++) {
        const aipm_baseline_entry *e = &b->items[i];
        aipm_buf_puts(out, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        aipm_json_cstr(out, e->path);
        aipm_buf_puts(out, ", \"rule\": ");
        aipm_json_cstr(out, e->rule);
        aipm_buf_printf(
            out, ", \"fingerprint\": \"%s\", \"count\": %zu, \"text\": ", e->fingerprint, e->count);
        aipm_json_cstr(out, e->text);
        aipm_buf_puts(out, "}");
    }
    aipm_buf_puts(out, b->n ? "\n  ]\n}\n" : "]\n}\n");
}

static const char *const top_keys[] = {"version", "tool", "entries", NULL};
static const char *const entry_keys[] = {"path", "rule", "fingerprint", "count", "text", NULL};

static int load_entry(aipm_baseline *b, const aipm_yaml_node *n, const char *path,
                      aipm_error *err) {
    if (aipm_yaml_expect_map(n, path, "entry", err) < 0 ||
        aipm_yaml_check_keys(n, entry_keys, NULL, path, "entry", err) < 0) {
        return -1;
    }
    static const char *const need[] = {"path", "rule", "fingerprint"};
    const char *v[3];
    for (size_t i = 0; i < 3; i++) {
        const aipm_yaml_node *f = aipm_yaml_get(n, need[i]);
        if (!f) {
            return aipm_error_set(err, path, n->line, n->col, "baseline entry needs '%s'", need[i]);
        }
        if (aipm_yaml_read_str(f, path, need[i], &v[i], err) < 0) {
            return -1;
        }
    }
    unsigned count = 1;
    const aipm_yaml_node *c = aipm_yaml_get(n, "count");
    if (c && aipm_yaml_read_uint(c, path, "count", 1000000, &count, err) < 0) {
        return -1;
    }
    const char *text = NULL;
    const aipm_yaml_node *t = aipm_yaml_get(n, "text");
    if (t && aipm_yaml_read_str(t, path, "text", &text, err) < 0) {
        return -1;
    }
    aipm_baseline_entry *e = find(b, v[0], v[1], v[2]);
    if (!e) {
        e = add(b, v[0], v[1], v[2], text);
    }
    e->count += count;
    return 0;
}

int aipm_baseline_load(aipm_baseline *b, const char *path, aipm_error *err) {
    size_t len;
    char *data = aipm_io_read(path, path, AIPM_IO_DEFAULT_MAX_SIZE, &len, err);
    if (!data) {
        return -1;
    }
    aipm_error perr = AIPM_ERROR_INIT;
    aipm_yaml_node *root = aipm_yaml_parse(path, data, len, 0, &perr);
    free(data);
    if (!root) {
        if (perr.set) {
            *err = perr;
            return -1;
        }
        return aipm_error_set(err, path, 0, 0, "empty baseline file");
    }
    int rc = -1;
    if (aipm_yaml_expect_map(root, path, "baseline", err) < 0 ||
        aipm_yaml_check_keys(root, top_keys, NULL, path, "baseline", err) < 0) {
        goto out;
    }
    const aipm_yaml_node *entries = aipm_yaml_get(root, "entries");
    if (!entries || entries->type != AIPM_YAML_SEQ) {
        aipm_error_set(err, path, entries ? entries->line : root->line,
                       entries ? entries->col : root->col, "'entries' must be a list");
        goto out;
    }
    for (size_t i = 0; i < entries->n; i++) {
        if (load_entry(b, entries->items[i], path, err) < 0) {
            goto out;
        }
    }
    rc = 0;
out:
    aipm_yaml_free(root);
    return rc;
}

size_t aipm_baseline_filter(aipm_baseline *b, aipm_file_result *r) {
    const char *path = norm_path(r->path);
    for (size_t i = 0; i < b->n; i++) {
        if (strcmp(b->items[i].path, path) == 0) {
            b->items[i].linted = true;
        }
    }
    size_t keep = 0, removed = 0;
    for (size_t i = 0; i < r->diags.n; i++) {
        aipm_diag *d = &r->diags.items[i];
        char fp[17];
        aipm_baseline_fingerprint(r->src ? r->src : "", r->src ? r->src_len : 0, d, fp);
        aipm_baseline_entry *e = find(b, path, d->rule, fp);
        if (e && e->matched < e->count) {
            e->matched++;
            free(d->message);
            free(d->suggestion);
            removed++;
            continue;
        }
        r->diags.items[keep++] = *d;
    }
    r->diags.n = keep;
    return removed;
}

size_t aipm_baseline_stale(const aipm_baseline *b) {
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (b->items[i].linted && b->items[i].matched < b->items[i].count) {
            n += b->items[i].count - b->items[i].matched;
        }
    }
    return n;
}

void aipm_baseline_release(aipm_baseline *b) {
    for (size_t i = 0; i < b->n; i++) {
        free(b->items[i].path);
        free(b->items[i].rule);
        free(b->items[i].fingerprint);
        free(b->items[i].text);
    }
    free(b->items);
    memset(b, 0, sizeof(*b));
}
