/*
 * suppress: parse and apply inline suppression comments (suppress.h has the
 * syntax).
 *
 * The source is scanned directly rather than the document model, because
 * cmark drops inline HTML comments from paragraph text. A comment is skipped
 * when it starts inside a code block (by the model's block lines), inside the
 * front matter, or after an odd number of backticks on its line (a code span).
 *
 * Applying: 'disable' and 'enable' are events in source order; a finding on
 * line L of rule R is suppressed when the last event at or before L that
 * names R (or all rules) is a 'disable'. That directive's name is marked used.
 * 'disable-next-line' covers the line after the comment's '-->', and
 * 'disable-file' every line. Unused names become suppress.unused findings,
 * like ruff's RUF100.
 */
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "mem.h"
#include "suggest.h"

static bool in_code_block(const aipm_doc *doc, uint32_t line) {
    for (uint32_t i = 0; i < doc->n_blocks; i++) {
        const aipm_block *b = &doc->blocks[i];
        if (b->type == AIPM_BLOCK_CODE && line >= b->line && line <= b->end_line) {
            return true;
        }
    }
    return false;
}

/* True when an odd number of backticks precede 'off' on its line. */
static bool in_code_span(const aipm_doc *doc, size_t off) {
    size_t ls = off;
    while (ls > 0 && doc->src[ls - 1] != '\n' && doc->src[ls - 1] != '\r') {
        ls--;
    }
    size_t ticks = 0;
    for (size_t i = ls; i < off; i++) {
        ticks += doc->src[i] == '`';
    }
    return ticks % 2 == 1;
}

static void add_name(aipm_suppression *s, const char *p, size_t n) {
    s->names = aipm_xreallocarray(s->names, s->n_names + 1, sizeof(*s->names));
    s->names[s->n_names++] = aipm_xstrndup(p, n);
}

/* Parse the comment body 'p'[0, n) (between '<!--' and '-->') into 's'. */
static bool parse_body(const char *p, size_t n, aipm_suppression *s) {
    while (n && aipm_ascii_is_space((unsigned char)*p)) {
        p++;
        n--;
    }
    while (n && aipm_ascii_is_space((unsigned char)p[n - 1])) {
        n--;
    }
    if (n < 10 || strncmp(p, "aipm-lint-", 10) != 0) {
        return false;
    }
    size_t w = 0;
    while (w < n && !aipm_ascii_is_space((unsigned char)p[w])) {
        w++;
    }
    s->directive = aipm_xstrndup(p, w);
    static const struct {
        const char *name;
        aipm_suppress_type type;
    } types[] = {{"aipm-lint-disable", AIPM_SUPPRESS_DISABLE},
                 {"aipm-lint-enable", AIPM_SUPPRESS_ENABLE},
                 {"aipm-lint-disable-next-line", AIPM_SUPPRESS_NEXT_LINE},
                 {"aipm-lint-disable-file", AIPM_SUPPRESS_FILE}};
    s->type = AIPM_SUPPRESS_UNKNOWN;
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (strcmp(s->directive, types[i].name) == 0) {
            s->type = types[i].type;
        }
    }
    /* the reason: everything after a ' -- ' (or a leading '-- ') */
    size_t end = n;
    for (size_t i = w; i + 2 <= n; i++) {
        if (p[i] == '-' && p[i + 1] == '-' && aipm_ascii_is_space((unsigned char)p[i - 1]) &&
            (i + 2 == n || aipm_ascii_is_space((unsigned char)p[i + 2]))) {
            end = i;
            size_t r = i + 2;
            while (r < n && aipm_ascii_is_space((unsigned char)p[r])) {
                r++;
            }
            s->reason = aipm_xstrndup(p + r, n - r);
            break;
        }
    }
    for (size_t i = w; i < end;) {
        while (i < end && (aipm_ascii_is_space((unsigned char)p[i]) || p[i] == ',')) {
            i++;
        }
        size_t j = i;
        while (j < end && !aipm_ascii_is_space((unsigned char)p[j]) && p[j] != ',') {
            j++;
        }
        if (j > i) {
            add_name(s, p + i, j - i);
        }
        i = j;
    }
    s->used = aipm_xcalloc(s->n_names + 1, sizeof(*s->used));
    return true;
}

void aipm_suppress_parse(const aipm_doc *doc, aipm_suppress_list *out) {
    const char *src = doc->src;
    size_t len = doc->src_len;
    size_t cap = 0;
    for (size_t i = doc->body_start; i + 4 <= len;) {
        const char *open = memchr(src + i, '<', len - i);
        if (!open) {
            break;
        }
        size_t at = (size_t)(open - src);
        if (at + 4 > len || strncmp(open, "<!--", 4) != 0) {
            i = at + 1;
            continue;
        }
        size_t close = at + 4;
        while (close + 3 <= len && strncmp(src + close, "-->", 3) != 0) {
            close++;
        }
        if (close + 3 > len) {
            break; /* unterminated: not a comment */
        }
        i = close + 3;
        uint32_t line, col, end_line, end_col;
        aipm_doc_position(doc, at, &line, &col);
        if (in_code_block(doc, line) || in_code_span(doc, at)) {
            continue;
        }
        aipm_suppression s;
        memset(&s, 0, sizeof(s));
        if (!parse_body(src + at + 4, close - at - 4, &s)) {
            continue;
        }
        aipm_doc_position(doc, close + 3, &end_line, &end_col);
        s.line = line;
        s.col = col;
        s.end_line = end_line;
        s.start = (uint32_t)at;
        s.end = (uint32_t)(close + 3);
        if (out->n == cap) {
            cap = cap ? cap * 2 : 8;
            out->items = aipm_xreallocarray(out->items, cap, sizeof(*out->items));
        }
        out->items[out->n++] = s;
    }
}

/* Index of the first name of 's' matching rule 'id', -1 for "all rules", -2 for none. */
static long match_name(const aipm_suppression *s, const char *id) {
    if (s->n_names == 0) {
        return -1;
    }
    for (size_t k = 0; k < s->n_names; k++) {
        if (aipm_rule_id_matches(id, s->names[k])) {
            return (long)k;
        }
    }
    return -2;
}

static void mark(aipm_suppression *s, long k) {
    if (k == -1) {
        s->used_all = true;
    } else {
        s->used[k] = true;
    }
}

/* The directive suppressing a finding of rule 'id' on 'line', or NULL; '*which' the name. */
static aipm_suppression *find(aipm_suppress_list *l, const char *id, uint32_t line, long *which) {
    aipm_suppression *region = NULL;
    long region_k = -2;
    for (size_t i = 0; i < l->n; i++) {
        aipm_suppression *s = &l->items[i];
        long k = match_name(s, id);
        if (k == -2) {
            continue;
        }
        switch (s->type) {
        case AIPM_SUPPRESS_FILE:
            *which = k;
            return s;
        case AIPM_SUPPRESS_NEXT_LINE:
            if (line == s->end_line + 1) {
                *which = k;
                return s;
            }
            break;
        case AIPM_SUPPRESS_DISABLE:
            if (s->line <= line) {
                region = s;
                region_k = k;
            }
            break;
        case AIPM_SUPPRESS_ENABLE:
            if (s->line <= line) {
                region = NULL;
            }
            break;
        case AIPM_SUPPRESS_UNKNOWN:
            break;
        }
    }
    *which = region_k;
    return region;
}

void aipm_suppress_filter(aipm_suppress_list *s, aipm_diag_list *diags, bool count_use) {
    size_t keep = 0;
    for (size_t i = 0; i < diags->n; i++) {
        aipm_diag *d = &diags->items[i];
        long k;
        aipm_suppression *by = find(s, d->rule, d->line, &k);
        if (by) {
            if (count_use) {
                mark(by, k);
            }
            free(d->message);
            free(d->suggestion);
            continue;
        }
        diags->items[keep++] = *d;
    }
    diags->n = keep;
}

static void report(const aipm_suppression *s, const aipm_doc *doc, const aipm_rule *rule,
                   aipm_severity sev, aipm_buf *msg, aipm_diag_list *out) {
    aipm_diag d;
    memset(&d, 0, sizeof(d));
    d.rule = rule->id;
    d.severity = sev;
    d.message = aipm_buf_detach(msg);
    d.start = s->start;
    d.end = s->end;
    aipm_doc_position(doc, s->start, &d.line, &d.col);
    aipm_doc_position(doc, s->end, &d.end_line, &d.end_col);
    aipm_diag_list_add(out, &d);
}

void aipm_suppress_report_unused(const aipm_suppress_list *l, const aipm_doc *doc,
                                 const aipm_ruleset *rs, const aipm_rule *rule, aipm_severity sev,
                                 aipm_diag_list *out) {
    const char **ids = aipm_xcalloc(rs->n_rules + 1, sizeof(*ids));
    for (size_t i = 0; i < rs->n_rules; i++) {
        ids[i] = rs->rules[i]->id;
    }
    for (size_t i = 0; i < l->n; i++) {
        const aipm_suppression *s = &l->items[i];
        aipm_buf msg = AIPM_BUF_INIT;
        if (s->type == AIPM_SUPPRESS_UNKNOWN) {
            aipm_buf_printf(&msg,
                            "Unknown suppression directive '%s' (expected aipm-lint-disable, "
                            "-enable, -disable-next-line or -disable-file)",
                            s->directive);
            report(s, doc, rule, sev, &msg, out);
            continue;
        }
        if (s->n_names == 0 && !s->used_all && s->type != AIPM_SUPPRESS_ENABLE) {
            aipm_buf_printf(&msg, "Unused suppression: '%s' suppressed nothing; remove it",
                            s->directive);
            report(s, doc, rule, sev, &msg, out);
            continue;
        }
        for (size_t k = 0; k < s->n_names; k++) {
            const char *name = s->names[k];
            bool known = false;
            for (size_t r = 0; r < rs->n_rules && !known; r++) {
                known = aipm_rule_id_matches(rs->rules[r]->id, name);
            }
            aipm_buf_clear(&msg);
            if (!known) {
                const char *hint = aipm_suggest(name, ids);
                aipm_buf_printf(&msg, "Unknown rule '%s' in '%s'%s%s%s", name, s->directive,
                                hint ? " (did you mean '" : "", hint ? hint : "",
                                hint ? "'?)" : "");
            } else if (s->type == AIPM_SUPPRESS_ENABLE || s->used[k] ||
                       aipm_rule_id_matches(rule->id, name)) {
                continue; /* a suppression of suppress.unused is never itself unused */
            } else {
                aipm_buf_printf(&msg, "Unused suppression: '%s %s' suppressed nothing; remove it",
                                s->directive, name);
            }
            report(s, doc, rule, sev, &msg, out);
        }
        aipm_buf_release(&msg);
    }
    free(ids);
}

void aipm_suppress_release(aipm_suppress_list *l) {
    for (size_t i = 0; i < l->n; i++) {
        aipm_suppression *s = &l->items[i];
        for (size_t k = 0; k < s->n_names; k++) {
            free(s->names[k]);
        }
        free(s->names);
        free(s->used);
        free(s->reason);
        free(s->directive);
    }
    free(l->items);
    l->items = NULL;
    l->n = 0;
}
