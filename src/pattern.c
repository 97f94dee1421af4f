/*
 * pattern: PCRE2 compile-once, match-many; see pattern.h.
 *
 * Every pattern compiles with PCRE2_UTF | PCRE2_UCP (so \w and \b know
 * letters beyond ASCII) and PCRE2_MATCH_INVALID_UTF (so a document with bad
 * bytes still matches around them), then JIT-compiles when the platform
 * allows. The aipm_matcher carries a match context with the match and depth
 * limits, so no user pattern can hang a run: a runaway match returns
 * AIPM_MATCH_LIMIT and the engine reports it once.
 *
 * The JIT compile is lazy: it runs just before a pattern's first match, so
 * a run does not pay to JIT-compile patterns it never uses (with the
 * prefilter, most patterns on a small document). A matcher either always
 * runs JIT code (when the platform has it) or always the interpreter (a short
 * run, aipm_matcher_set_jit), so results do not depend on which patterns ran
 * first. A pattern known to compile (the built-in pack, AIPM_PATTERN_DEFER)
 * is not even compiled until its first match. Workers share patterns: the
 * first one to use a pattern compiles it under the pattern's mutex, and no
 * thread matches a pattern before its compile has finished.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pattern.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

/* How far a pattern is prepared; it only moves forward, under 'lock'. */
enum { NOT_COMPILED, COMPILED, JIT_DONE, JIT_UNAVAILABLE, FAILED };

struct aipm_pattern {
    pcre2_code *code; /* NULL until compiled (AIPM_PATTERN_DEFER) */
    uint32_t options; /* pcre2_compile options */
    char *source;     /* NUL-terminated copy; may hold NUL bytes before source_len */
    size_t source_len;
    uint32_t tag;     /* aipm_pattern_tag */
    atomic_int stage; /* NOT_COMPILED ... FAILED */
    pthread_mutex_t lock;
};

static int prepare(const aipm_pattern *cp, bool jit);

struct aipm_matcher {
    bool jit; /* match with JIT code (compiling it first when needed) */
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit_stack;
};

aipm_pattern *aipm_pattern_compile(const char *src, size_t len, unsigned flags, const char *path,
                                   unsigned line, unsigned col, aipm_error *err) {
    /* USE_OFFSET_LIMIT: aipm_pattern_find_upto can bound where a match starts */
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_USE_OFFSET_LIMIT;
    if (flags & AIPM_PATTERN_IGNORE_CASE) {
        opts |= PCRE2_CASELESS;
    }
    pcre2_code *re = NULL;
    if (!(flags & AIPM_PATTERN_DEFER)) {
        int code;
        PCRE2_SIZE off;
        re = pcre2_compile((PCRE2_SPTR)src, len, opts, &code, &off, NULL);
        if (!re) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(code, msg, sizeof(msg));
            aipm_error_set(err, path, line, col, "invalid pattern '%.*s': %s at offset %zu",
                           (int)(len > 200 ? 200 : len), src, (const char *)msg, (size_t)off);
            return NULL;
        }
    }
    aipm_pattern *p = aipm_xcalloc(1, sizeof(*p));
    p->code = re;
    p->options = opts;
    atomic_init(&p->stage, re ? COMPILED : NOT_COMPILED);
    pthread_mutex_init(&p->lock, NULL);
    p->source = aipm_xmalloc(len + 1);
    if (len) {
        memcpy(p->source, src, len);
    }
    p->source[len] = '\0';
    p->source_len = len;
    p->tag = UINT32_MAX;
    return p;
}

/*
 * Word lists compile to a trie of alternatives, not a flat alternation:
 *
 *     [admins, administrators, analysts]  ->  (?<!\w)(?:a(?:dmin(?:istrators|s)|nalysts))(?!\w)
 *
 * A flat list makes PCRE2 try every word at every candidate position; the
 * trie tests each shared prefix once (about 3x faster on a 30-word list).
 * At a node where one word ends and longer ones go on, the rest is an
 * optional group, greedy, so the longest word that fits is found first,
 * as the flat list sorted longest first did. Tokens are whole characters
 * (ASCII letters folded to lower case when matching ignores case; other
 * ASCII escaped; a run of spaces is \s+; a multi-byte UTF-8 character is
 * one token), so the trie never splits a character.
 */
typedef struct trie_node {
    char *token;  /* the regex text of the edge into this node ("" for the root) */
    size_t *kids; /* child node indexes, in token order */
    size_t n_kids;
    bool end; /* a word ends here */
} trie_node;

typedef struct trie {
    trie_node *nodes;
    size_t n, cap;
} trie;

#define TRIE_MAX_DEPTH 256 /* longer words: the flat alternation (no deep recursion) */

/* The regex text of the character at 'w' (advanced past it) into 'tok'. */
static void next_token(const char **w, unsigned flags, aipm_buf *tok) {
    aipm_buf_clear(tok);
    unsigned char c = (unsigned char)**w;
    if (c == ' ') {
        aipm_buf_puts(tok, "\\s+"); /* a space in a word list matches any run of white space */
        while (**w == ' ') {
            (*w)++;
        }
        return;
    }
    if (c >= 0x80) {
        do {
            aipm_buf_putc(tok, (char)**w);
            (*w)++;
        } while (((unsigned char)**w & 0xC0) == 0x80);
        return;
    }
    bool word =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!word) {
        aipm_buf_putc(tok, '\\');
    } else if ((flags & AIPM_PATTERN_IGNORE_CASE) && c >= 'A' && c <= 'Z') {
        c = (unsigned char)(c - 'A' + 'a');
    }
    aipm_buf_putc(tok, (char)c);
    (*w)++;
}

static size_t trie_child(trie *t, size_t node, const char *token) {
    trie_node *nd = &t->nodes[node];
    size_t k = 0;
    while (k < nd->n_kids && strcmp(t->nodes[nd->kids[k]].token, token) < 0) {
        k++;
    }
    if (k < nd->n_kids && strcmp(t->nodes[nd->kids[k]].token, token) == 0) {
        return nd->kids[k];
    }
    t->nodes = aipm_grow(t->nodes, &t->cap, t->n + 1, sizeof(*t->nodes));
    size_t child = t->n++;
    memset(&t->nodes[child], 0, sizeof(t->nodes[child]));
    t->nodes[child].token = aipm_xstrdup(token);
    nd = &t->nodes[node];
    nd->kids = aipm_xreallocarray(nd->kids, nd->n_kids + 1, sizeof(*nd->kids));
    memmove(nd->kids + k + 1, nd->kids + k, (nd->n_kids - k) * sizeof(*nd->kids));
    nd->kids[k] = child;
    nd->n_kids++;
    return child;
}

/* Append the regex for everything below 'node' (the root's alternatives go
 * ungrouped into the caller's group); the depth is at most TRIE_MAX_DEPTH. */
static void trie_emit(const trie *t, size_t node, aipm_buf *out) {
    const trie_node *nd = &t->nodes[node];
    if (nd->n_kids == 0) {
        return;
    }
    bool group = node != 0 && (nd->end || nd->n_kids > 1);
    if (group) {
        aipm_buf_puts(out, "(?:");
    }
    for (size_t k = 0; k < nd->n_kids; k++) {
        if (k) {
            aipm_buf_putc(out, '|');
        }
        aipm_buf_puts(out, t->nodes[nd->kids[k]].token);
        trie_emit(t, nd->kids[k], out);
    }
    if (group) {
        aipm_buf_puts(out, nd->end ? ")?" : ")");
    }
}

/* The trie regex of 'words' into 'out'; false when a word is empty or too long. */
static bool words_trie(const char *const *words, size_t n, unsigned flags, aipm_buf *out) {
    trie t = {0};
    t.nodes = aipm_grow(NULL, &t.cap, 1, sizeof(*t.nodes));
    memset(&t.nodes[0], 0, sizeof(t.nodes[0]));
    t.nodes[0].token = aipm_xstrdup("");
    t.n = 1;
    aipm_buf tok = AIPM_BUF_INIT;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const char *w = words[i];
        size_t node = 0, depth = 0;
        while (*w && ok) {
            next_token(&w, flags, &tok);
            node = trie_child(&t, node, tok.ptr);
            ok = ++depth <= TRIE_MAX_DEPTH;
        }
        ok = ok && node != 0;
        t.nodes[node].end = true;
    }
    if (ok) {
        aipm_buf_puts(out, "(?<!\\w)(?:");
        trie_emit(&t, 0, out);
        aipm_buf_puts(out, ")(?!\\w)");
    }
    for (size_t i = 0; i < t.n; i++) {
        free(t.nodes[i].token);
        free(t.nodes[i].kids);
    }
    free(t.nodes);
    aipm_buf_release(&tok);
    return ok;
}

static int by_length_desc(const void *a, const void *b) {
    size_t la = strlen(*(const char *const *)a), lb = strlen(*(const char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The flat alternation, longest word first: for words the trie does not take. */
static void words_flat(const char *const *words, size_t n, aipm_buf *b) {
    const char **sorted = aipm_xcalloc(n ? n : 1, sizeof(*sorted));
    memcpy(sorted, words, n * sizeof(*sorted));
    qsort(sorted, n, sizeof(*sorted), by_length_desc);
    aipm_buf_puts(b, "(?<!\\w)(?:");
    for (size_t i = 0; i < n; i++) {
        if (i) {
            aipm_buf_putc(b, '|');
        }
        for (const char *s = sorted[i]; *s; s++) {
            unsigned char c = (unsigned char)*s;
            if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                              (c >= 'A' && c <= 'Z') || c == '_')) {
                if (c == ' ') {
                    /* a space in a word list matches any run of white space */
                    aipm_buf_puts(b, "\\s+");
                    while (s[1] == ' ') {
                        s++;
                    }
                    continue;
                }
                aipm_buf_putc(b, '\\');
            }
            aipm_buf_putc(b, c);
        }
    }
    aipm_buf_puts(b, ")(?!\\w)");
    free(sorted);
}

aipm_pattern *aipm_pattern_words(const char *const *words, size_t n, unsigned flags,
                                 const char *path, unsigned line, unsigned col, aipm_error *err) {
    aipm_buf b = AIPM_BUF_INIT;
    if (!words_trie(words, n, flags, &b)) {
        aipm_buf_clear(&b);
        words_flat(words, n, &b);
    }
    aipm_pattern *p = aipm_pattern_compile(b.ptr, b.len, flags, path, line, col, err);
    aipm_buf_release(&b);
    return p;
}

void aipm_pattern_free(aipm_pattern *p) {
    if (!p) {
        return;
    }
    pcre2_code_free(p->code);
    pthread_mutex_destroy(&p->lock);
    free(p->source);
    free(p);
}

const char *aipm_pattern_source(const aipm_pattern *p) {
    return p->source;
}

size_t aipm_pattern_source_len(const aipm_pattern *p) {
    return p->source_len;
}

uint32_t aipm_pattern_tag(const aipm_pattern *p) {
    return p->tag;
}

void aipm_pattern_set_tag(aipm_pattern *p, uint32_t tag) {
    p->tag = tag;
}

unsigned aipm_pattern_groups(const aipm_pattern *p) {
    uint32_t n = 0;
    if (prepare(p, false) != FAILED) {
        pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &n);
    }
    return n;
}

aipm_matcher *aipm_matcher_new(void) {
    aipm_matcher *m = aipm_xcalloc(1, sizeof(*m));
    m->jit = true;
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

void aipm_matcher_set_jit(aipm_matcher *m, bool on) {
    m->jit = on;
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

/*
 * Compile 'p' (when deferred) and, with 'jit', JIT-compile it, on first use;
 * return its stage. Compiled code is a cache of the pattern, hence the cast
 * from const. Workers share patterns: the first to need a stage makes it
 * under the lock, and the stage is published only when the code is complete.
 */
static int prepare(const aipm_pattern *cp, bool jit) {
    aipm_pattern *p = (aipm_pattern *)cp;
    int st = atomic_load_explicit(&p->stage, memory_order_acquire);
    if (st != NOT_COMPILED && (st != COMPILED || !jit)) {
        return st;
    }
    pthread_mutex_lock(&p->lock);
    st = atomic_load_explicit(&p->stage, memory_order_relaxed);
    if (st == NOT_COMPILED) {
        int code;
        PCRE2_SIZE off;
        p->code =
            pcre2_compile((PCRE2_SPTR)p->source, p->source_len, p->options, &code, &off, NULL);
        st = p->code ? COMPILED : FAILED;
    }
    if (jit && st == COMPILED) {
        /* JIT is an optimisation: where it is unavailable the interpreter runs. */
        st = pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE) == 0 ? JIT_DONE : JIT_UNAVAILABLE;
    }
    atomic_store_explicit(&p->stage, st, memory_order_release);
    pthread_mutex_unlock(&p->lock);
    return st;
}

static aipm_match_result find(const aipm_pattern *p, const char *subject, size_t len, size_t start,
                              size_t last, aipm_matcher *m, size_t *ms, size_t *me, unsigned group,
                              size_t *gs, size_t *ge) {
    if (start > len || start > last) {
        return AIPM_MATCH_NONE;
    }
    pcre2_set_offset_limit(m->mctx, last == SIZE_MAX ? PCRE2_UNSET : last);
    /* pcre2_jit_match skips pcre2_match's per-call checks, which the
     * arguments here always pass; it is a measurable share of short matches */
    int st = prepare(p, m->jit);
    if (st == FAILED) {
        return AIPM_MATCH_LIMIT; /* a deferred pattern that does not compile: none in the pack */
    }
    int rc = st == JIT_DONE && m->jit
                 ? pcre2_jit_match(p->code, (PCRE2_SPTR)subject, len, start, 0, m->md, m->mctx)
                 : pcre2_match(p->code, (PCRE2_SPTR)subject, len, start, m->jit ? 0 : PCRE2_NO_JIT,
                               m->md, m->mctx);
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

aipm_match_result aipm_pattern_find_group(const aipm_pattern *p, const char *subject, size_t len,
                                          size_t start, aipm_matcher *m, size_t *ms, size_t *me,
                                          unsigned group, size_t *gs, size_t *ge) {
    return find(p, subject, len, start, SIZE_MAX, m, ms, me, group, gs, ge);
}

aipm_match_result aipm_pattern_find(const aipm_pattern *p, const char *subject, size_t len,
                                    size_t start, aipm_matcher *m, size_t *ms, size_t *me) {
    return find(p, subject, len, start, SIZE_MAX, m, ms, me, 0, NULL, NULL);
}

aipm_match_result aipm_pattern_find_upto(const aipm_pattern *p, const char *subject, size_t len,
                                         size_t start, size_t last, aipm_matcher *m, size_t *ms,
                                         size_t *me) {
    return find(p, subject, len, start, last, m, ms, me, 0, NULL, NULL);
}
