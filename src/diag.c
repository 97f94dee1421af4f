/*
 * diag: diagnostics, their list, their order and message templates.
 *
 * Order is total and stable so output is byte-identical whatever the thread
 * count: by start line, column, end, rule id, then message.
 */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "mem.h"
#include "utf8.h"

const char *aipm_severity_name(aipm_severity sev) {
    switch (sev) {
    case AIPM_SEV_ERROR:
        return "error";
    case AIPM_SEV_WARNING:
        return "warning";
    default:
        return "info";
    }
}

int aipm_severity_parse(const char *name, aipm_severity *out) {
    if (strcmp(name, "error") == 0) {
        *out = AIPM_SEV_ERROR;
    } else if (strcmp(name, "warning") == 0) {
        *out = AIPM_SEV_WARNING;
    } else if (strcmp(name, "info") == 0) {
        *out = AIPM_SEV_INFO;
    } else {
        return -1;
    }
    return 0;
}

void aipm_diag_list_add(aipm_diag_list *list, const aipm_diag *d) {
    list->items = aipm_grow(list->items, &list->cap, list->n + 1, sizeof(*list->items));
    list->items[list->n++] = *d;
}

static int cmp_u32(uint32_t a, uint32_t b) {
    return a < b ? -1 : a > b;
}

static int diag_cmp(const void *pa, const void *pb) {
    const aipm_diag *a = pa, *b = pb;
    int c;
    if ((c = cmp_u32(a->line, b->line)) || (c = cmp_u32(a->col, b->col)) ||
        (c = cmp_u32(a->end_line, b->end_line)) || (c = cmp_u32(a->end_col, b->end_col))) {
        return c;
    }
    if ((c = strcmp(a->rule, b->rule))) {
        return c;
    }
    return strcmp(a->message, b->message);
}

void aipm_diag_list_sort(aipm_diag_list *list) {
    if (list->n > 1) {
        qsort(list->items, list->n, sizeof(*list->items), diag_cmp);
    }
}

void aipm_diag_list_release(aipm_diag_list *list) {
    for (size_t i = 0; i < list->n; i++) {
        free(list->items[i].message);
        free(list->items[i].suggestion);
    }
    free(list->items);
    list->items = NULL;
    list->n = list->cap = 0;
}

/* Append 'len' bytes of matched text with white space folded, at most 80 code points. */
static void put_match(aipm_buf *out, const char *s, size_t len) {
    size_t cps = 0, i = 0;
    bool space = false;
    while (i < len && aipm_ascii_is_space((unsigned char)s[i])) {
        i++;
    }
    while (len > i && aipm_ascii_is_space((unsigned char)s[len - 1])) {
        len--;
    }
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (aipm_ascii_is_space(c)) {
            space = true;
            i++;
            continue;
        }
        if (space) {
            aipm_buf_putc(out, ' ');
            cps++;
            space = false;
        }
        if (cps >= 80) {
            aipm_buf_puts(out, "...");
            return;
        }
        size_t adv = 1;
        if (c >= 0x80) {
            aipm_utf8_decode(s + i, len - i, &adv);
        }
        aipm_buf_put(out, s + i, adv);
        i += adv;
        cps++;
    }
}

void aipm_template_expand(aipm_buf *out, const char *tmpl, const aipm_tvars *v) {
    const char *p = tmpl;
    while (*p) {
        if (p[0] == '{' && p[1] == '{') {
            aipm_buf_putc(out, '{');
            p += 2;
            continue;
        }
        if (p[0] == '}' && p[1] == '}') {
            aipm_buf_putc(out, '}');
            p += 2;
            continue;
        }
        if (*p != '{') {
            aipm_buf_putc(out, *p++);
            continue;
        }
        const char *close = strchr(p, '}');
        if (!close) {
            aipm_buf_puts(out, p);
            return;
        }
        size_t n = (size_t)(close - p - 1);
        const char *name = p + 1;
#define IS(lit) (n == sizeof(lit) - 1 && memcmp(name, lit, n) == 0)
        if (IS("match") && v->match) {
            put_match(out, v->match, v->match_len);
        } else if (IS("suggestion") && v->suggestion) {
            aipm_buf_puts(out, v->suggestion);
        } else if (IS("count")) {
            aipm_buf_printf(out, "%ld", v->count);
        } else if (IS("limit") || IS("min") || IS("max")) {
            aipm_buf_printf(out, "%ld", v->limit);
        } else if (IS("section") && v->section) {
            aipm_buf_puts(out, v->section);
        } else if (IS("kind") && v->kind) {
            aipm_buf_puts(out, v->kind);
        } else if (IS("rule") && v->rule) {
            aipm_buf_puts(out, v->rule);
        } else if (IS("missing") && v->missing) {
            aipm_buf_puts(out, v->missing);
        } else {
            aipm_buf_put(out, p, (size_t)(close - p + 1));
        }
#undef IS
        p = close + 1;
    }
}
