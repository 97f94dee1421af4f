/*
 * pattern: PCRE2 compile-once, match-many; see pattern.h.
 *
 * Every pattern compiles with PCRE2_UTF | PCRE2_UCP (so \w and \b know
 * letters beyond ASCII) and PCRE2_MATCH_INVALID_UTF (so a document with bad
 * bytes still matches around them), then JIT-compiles when the platform
 * allows. The aipm_matcher carries a match context with the match and depth
 * limits, so no user pattern can hang a run: a runaway match returns
 * AIPM_MATCH_LIMIT and the engine reports it once.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pattern.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

struct aipm_pattern {
    pcre2_code *code;
    char *source;
};

struct aipm_matcher {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit_stack;
};

aipm_pattern *aipm_pattern_compile(const char *src, size_t len, unsigned flags, const char *path,
                                   unsigned line, unsigned col, aipm_error *err) {
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
    if (flags & AIPM_PATTERN_IGNORE_CASE) {
        opts |= PCRE2_CASELESS;
    }
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, len, opts, &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof(msg));
        aipm_error_set(err, path, line, col, "invalid pattern '%.*s': %s at offset %zu",
                       (int)(len > 200 ? 200 : len), src, (const char *)msg, (size_t)off);
        return NULL;
    }
    /* JIT is an optimisation: where it is unavailable the interpreter runs. */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    aipm_pattern *p = aipm_xcalloc(1, sizeof(*p));
    p->code = re;
    p->source = aipm_xstrndup(src, len);
    return p;
}

static int by_length_desc(const void *a, const void *b) {
    size_t la = strlen(*(const char *const *)a), lb = strlen(*(const char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : strcmp(*(const char *const *)a, *(const char *const *)b);
}

aipm_pattern *aipm_pattern_words(const char *const *words, size_t n, unsigned flags,
                                 const char *path, unsigned line, unsigned col, aipm_error *err) {
    const char **sorted = aipm_xcalloc(n ? n : 1, sizeof(*sorted));
    memcpy(sorted, words, n * sizeof(*sorted));
    qsort(sorted, n, sizeof(*sorted), by_length_desc);
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, "(?<!\\w)(?:");
    for (size_t i = 0; i < n; i++) {
        if (i) {
            aipm_buf_putc(&b, '|');
        }
        for (const char *s = sorted[i]; *s; s++) {
            unsigned char c = (unsigned char)*s;
            if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                              (c >= 'A' && c <= 'Z') || c == '_')) {
                if (c == ' ') {
                    /* a space in a word list matches any run of white space */
                    aipm_buf_puts(&b, "\\s+");
                    while (s[1] == ' ') {
                        s++;
                    }
                    continue;
                }
                aipm_buf_putc(&b, '\\');
            }
            aipm_buf_putc(&b, c);
        }
    }
    aipm_buf_puts(&b, ")(?!\\w)");
    free(sorted);
    aipm_pattern *p = aipm_pattern_compile(b.ptr, b.len, flags, path, line, col, err);
    aipm_buf_release(&b);
    return p;
}

void aipm_pattern_free(aipm_pattern *p) {
    if (!p) {
        return;
    }
    pcre2_code_free(p->code);
    free(p->source);
    free(p);
}

const char *aipm_pattern_source(const aipm_pattern *p) {
    return p->source;
}

unsigned aipm_pattern_groups(const aipm_pattern *p) {
    uint32_t n = 0;
    pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &n);
    return n;
}

aipm_matcher *aipm_matcher_new(void) {
    aipm_matcher *m = aipm_xcalloc(1, sizeof(*m));
    m->md = pcre2_match_data_create(32, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    if (!m->md || !m->mctx) {
        fputs("aipm-lint: fatal: out of memory\n", stderr);
        abort();
    }
    pcre2_set_match_limit(m->mctx, AIPM_PATTERN_MATCH_LIMIT);
    pcre2_set_depth_limit(m->mctx, AIPM_PATTERN_DEPTH_LIMIT);
    m->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (m->jit_stack) {
        pcre2_jit_stack_assign(m->mctx, NULL, m->jit_stack);
    }
    return m;
}

void aipm_matcher_free(aipm_matcher *m) {
    if (!m) {
        return;
    }
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    pcre2_jit_stack_free(m->jit_stack);
    free(m);
}

aipm_match_result aipm_pattern_find_group(const aipm_pattern *p, const char *subject, size_t len,
                                          size_t start, aipm_matcher *m, size_t *ms, size_t *me,
                                          unsigned group, size_t *gs, size_t *ge) {
    if (start > len) {
        return AIPM_MATCH_NONE;
    }
    int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, start, 0, m->md, m->mctx);
    if (rc == PCRE2_ERROR_NOMATCH) {
        return AIPM_MATCH_NONE;
    }
    if (rc < 0) {
        /* match/depth/heap limit, or another run-time failure: never a hang */
        return AIPM_MATCH_LIMIT;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    *ms = ov[0];
    *me = ov[1] < ov[0] ? ov[0] : ov[1]; /* \K can put the end before the start */
    if (gs && ge) {
        *gs = *ge = (size_t)-1;
        if (group < pcre2_get_ovector_count(m->md) && ov[2 * group] != PCRE2_UNSET) {
            *gs = ov[2 * group];
            *ge = ov[2 * group + 1];
        }
    }
    return AIPM_MATCH_FOUND;
}

aipm_match_result aipm_pattern_find(const aipm_pattern *p, const char *subject, size_t len,
                                    size_t start, aipm_matcher *m, size_t *ms, size_t *me) {
    return aipm_pattern_find_group(p, subject, len, start, m, ms, me, 0, NULL, NULL);
}
