/*
 * prefilter: literal prefixes of patterns, one trie, one scan; see prefilter.h.
 *
 * The analysis is a small recursive-descent reader of PCRE2 syntax that
 * computes, for each piece of a pattern, the set of strings its matches can
 * start with. Each string is "complete" when it is the whole text the piece
 * matched (so the next piece's strings may be appended) or "open" when more
 * unknown text may follow it. A sequence appends piece by piece while its
 * strings stay complete:
 *
 *     \b(?:thumbs[- ]?|up)votes   \b: the empty string, at a word start
 *                                 (?:...): "thumbs" then [- ]? -> "thumbs-",
 *                                 "thumbs ", "thumbs"; and "up"
 *                                 votes: appended, cut at PREFIX_MAX bytes
 *
 * Anything it does not model (\d, classes with ranges, ., backreferences...)
 * matches "some text": the string becomes open and stays as it is. When the
 * set of a pattern holds the empty string, a match may start anywhere with
 * anything, and the pattern gets no prefixes. Constructs it cannot even read
 * safely (\Q...\E, the x option, conditionals, verbs) leave the whole pattern
 * out. Letters are folded to lower case, and non-ASCII characters end a
 * prefix, so case-insensitive matching never escapes the filter.
 */
#include "prefilter.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "mem.h"

#define PREFIX_MAX 8   /* bytes: longer prefixes filter little better */
#define PREFIX_SET 256 /* strings per set: a bigger set is cut to shorter prefixes */
#define CLASS_MAX 8    /* a [...] class of at most this many characters is expanded */
#define DEPTH_MAX 64   /* group nesting the reader follows */
#define NON_ASCII 0x80 /* in a prefix: any byte from 0x80 up */
#define TRIPLE_BITS (1u << 16)

/* ---- the analysis ---- */

typedef struct lit {
    char s[PREFIX_MAX];
    uint8_t len;
    bool complete; /* the whole match of the piece: more may be appended */
    bool wb;       /* preceded by a word boundary assertion */
} lit;

typedef struct litset {
    lit *v;
    size_t n, cap;
} litset;

typedef struct reader {
    const char *src;
    size_t len, pos;
    unsigned depth;
    bool bad; /* a construct the reader cannot follow: no prefixes */
} reader;

static void set_add(litset *s, const lit *l) {
    s->v = aipm_grow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
    s->v[s->n++] = *l;
}

static int lit_cmp(const void *a, const void *b) {
    const lit *x = a, *y = b;
    if (x->len != y->len) {
        return x->len < y->len ? -1 : 1;
    }
    return memcmp(x->s, y->s, x->len);
}

/* Merge equal strings (sets grow by appending), keeping the weaker claim of each. */
static void set_norm(litset *s) {
    if (s->n < 2) {
        return;
    }
    qsort(s->v, s->n, sizeof(*s->v), lit_cmp);
    size_t k = 0;
    for (size_t i = 1; i < s->n; i++) {
        lit *o = &s->v[k];
        if (lit_cmp(o, &s->v[i]) == 0) {
            o->complete = o->complete && s->v[i].complete;
            o->wb = o->wb && s->v[i].wb;
        } else {
            s->v[++k] = s->v[i];
        }
    }
    s->n = k + 1;
}

static void set_free(litset *s) {
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

static litset set_one(const char *str, size_t len, bool complete, bool wb) {
    litset s = {0};
    lit l;
    memset(&l, 0, sizeof(l));
    memcpy(l.s, str, len);
    l.len = (uint8_t)len;
    l.complete = complete;
    l.wb = wb;
    set_add(&s, &l);
    return s;
}

/* Any text, unknown: an open empty string. */
static litset set_any(void) {
    return set_one("", 0, false, false);
}

/* Nothing consumed (an assertion); 'wb' when it is a word boundary. */
static litset set_empty(bool wb) {
    return set_one("", 0, true, wb);
}

/*
 * One of the characters of 'chars', each a complete string; with 'unicode',
 * also any non-ASCII character (\d and \s match more than ASCII under UCP):
 * NON_ASCII stands for every byte from 0x80 up, and ends the string.
 */
static litset set_chars(const char *chars, bool unicode) {
    litset s = {0};
    lit l;
    memset(&l, 0, sizeof(l));
    l.len = 1;
    l.complete = true;
    for (const char *c = chars; *c; c++) {
        l.s[0] = *c;
        set_add(&s, &l);
    }
    if (unicode) {
        l.s[0] = (char)NON_ASCII;
        l.complete = false;
        set_add(&s, &l);
    }
    return s;
}

/* Cut every string to at most 'max' bytes (open when cut) and merge equal ones. */
static void set_cut(litset *s, size_t max) {
    litset out = {0};
    for (size_t i = 0; i < s->n; i++) {
        lit l = s->v[i];
        if (l.len > max) {
            l.len = (uint8_t)max;
            l.complete = false;
        }
        set_add(&out, &l);
    }
    set_free(s);
    *s = out;
    set_norm(s);
}

/* Keep a set within PREFIX_SET strings by cutting them shorter. */
static void set_bound(litset *s) {
    if (s->n > PREFIX_SET) {
        set_norm(s);
    }
    for (size_t max = 3; s->n > PREFIX_SET && max > 0; max--) {
        set_cut(s, max);
    }
}

/* Everything 'a' or 'b' may start with, into 'a'; frees 'b'. */
static void set_union(litset *a, litset *b) {
    for (size_t i = 0; i < b->n; i++) {
        set_add(a, &b->v[i]);
    }
    set_free(b);
    set_bound(a);
}

/* 'a' followed by 'b', into 'a'; frees 'b'. */
static void set_concat(litset *a, litset *b) {
    bool grows = false;
    for (size_t i = 0; i < a->n && !grows; i++) {
        grows = a->v[i].complete;
    }
    if (!grows) {
        set_free(b);
        return;
    }
    size_t n_complete = 0;
    for (size_t i = 0; i < a->n; i++) {
        n_complete += a->v[i].complete;
    }
    if (n_complete * b->n > PREFIX_SET) {
        /* too many combinations: what 'a' starts with is enough */
        for (size_t i = 0; i < a->n; i++) {
            a->v[i].complete = false;
        }
        set_free(b);
        return;
    }
    litset out = {0};
    for (size_t i = 0; i < a->n; i++) {
        const lit *x = &a->v[i];
        if (!x->complete) {
            set_add(&out, x);
            continue;
        }
        for (size_t k = 0; k < b->n; k++) {
            const lit *y = &b->v[k];
            lit l = *x;
            size_t take = y->len;
            l.complete = y->complete;
            if (x->len + take > PREFIX_MAX) {
                take = PREFIX_MAX - x->len;
                l.complete = false;
            }
            memcpy(l.s + x->len, y->s, take);
            l.len = (uint8_t)(x->len + take);
            l.wb = x->len ? x->wb : (x->wb || y->wb);
            set_add(&out, &l);
        }
    }
    set_free(a);
    *a = out;
    set_free(b);
}

static litset read_alt(reader *r);

/* U+017F (long s) and U+212A (Kelvin sign): the two non-ASCII characters
 * that match an ASCII letter without case. */
static bool ascii_twin(const char *c, size_t n) {
    return (n == 2 && memcmp(c, "\xC5\xBF", 2) == 0) ||
           (n == 3 && memcmp(c, "\xE2\x84\xAA", 3) == 0);
}

/* Move past the next 'close' (a name's or a {..} argument's end); with none,
 * the pattern cannot be read: false, and the reader is marked bad. */
static bool skip_past(reader *r, char close) {
    const char *end = memchr(r->src + r->pos, close, r->len - r->pos);
    if (!end) {
        r->bad = true;
        return false;
    }
    r->pos = (size_t)(end - r->src) + 1;
    return true;
}

static bool at(const reader *r, const char *s) {
    size_t n = strlen(s);
    return r->len - r->pos >= n && memcmp(r->src + r->pos, s, n) == 0;
}

/* A quantifier after an atom: '*min' and whether one was read. */
static bool read_quantifier(reader *r, unsigned *min, bool *exactly_one) {
    if (r->pos >= r->len) {
        return false;
    }
    char c = r->src[r->pos];
    *exactly_one = false;
    if (c == '?' || c == '*') {
        *min = 0;
        r->pos++;
    } else if (c == '+') {
        *min = 1;
        r->pos++;
    } else if (c == '{') {
        size_t p = r->pos + 1, lo = 0, hi = 0;
        unsigned a = 0, b = 0;
        while (p < r->len && aipm_ascii_is_digit(r->src[p]) && lo < 6) {
            a = a * 10 + (unsigned)(r->src[p++] - '0');
            lo++;
        }
        bool comma = p < r->len && r->src[p] == ',';
        if (comma) {
            p++;
            while (p < r->len && aipm_ascii_is_digit(r->src[p]) && hi < 6) {
                b = b * 10 + (unsigned)(r->src[p++] - '0');
                hi++;
            }
        }
        if (lo == 0 || p >= r->len || r->src[p] != '}') {
            /* not a quantifier: PCRE2 may read '{' as a literal; do not guess */
            r->bad = true;
            return false;
        }
        r->pos = p + 1;
        *min = a;
        *exactly_one = a == 1 && ((comma && hi && b == 1) || !comma);
    } else {
        return false;
    }
    if (r->pos < r->len && (r->src[r->pos] == '?' || r->src[r->pos] == '+')) {
        r->pos++; /* lazy or possessive: the same strings */
    }
    return true;
}

/* A [...] class: its characters when few and plain, else any text. */
static litset read_class(reader *r) {
    r->pos++; /* '[' */
    bool negated = r->pos < r->len && r->src[r->pos] == '^';
    if (negated) {
        r->pos++;
    }
    char chars[CLASS_MAX + 1];
    size_t n = 0;
    bool plain = !negated;
    bool first = true, non_ascii = false;
    while (r->pos < r->len) {
        unsigned char c = (unsigned char)r->src[r->pos];
        if (c == ']' && !first) {
            break;
        }
        first = false;
        int ch = -1;
        if (c == '\\') {
            if (r->pos + 1 >= r->len) {
                r->bad = true;
                return set_any();
            }
            unsigned char e = (unsigned char)r->src[r->pos + 1];
            if (e == 'Q' || e == 'E' || e >= 0x80) {
                r->bad = true;
                return set_any();
            }
            r->pos += 2;
            if (aipm_ascii_is_alnum(e)) {
                plain = false; /* \d, \w, \x{..}, \p{..}: not followed */
                if ((e == 'p' || e == 'P' || e == 'x' || e == 'o' || e == 'N') && r->pos < r->len &&
                    r->src[r->pos] == '{') {
                    if (!skip_past(r, '}')) {
                        return set_any();
                    }
                }
                continue;
            }
            ch = e;
        } else if (c == '[' && r->pos + 1 < r->len &&
                   (r->src[r->pos + 1] == ':' || r->src[r->pos + 1] == '.' ||
                    r->src[r->pos + 1] == '=')) {
            /* [:alpha:] and kin */
            size_t p = r->pos + 2;
            while (p + 1 < r->len && !(r->src[p] == r->src[r->pos + 1] && r->src[p + 1] == ']')) {
                p++;
            }
            if (p + 1 >= r->len) {
                r->bad = true;
                return set_any();
            }
            r->pos = p + 2;
            plain = false;
            continue;
        } else if (c >= 0x80) {
            size_t at0 = r->pos;
            do {
                r->pos++;
            } while (r->pos < r->len && ((unsigned char)r->src[r->pos] & 0xC0) == 0x80);
            if (ascii_twin(r->src + at0, r->pos - at0)) {
                plain = false;
            }
            non_ascii = true;
            if (r->pos + 1 < r->len && r->src[r->pos] == '-' && r->src[r->pos + 1] != ']') {
                plain = false; /* a range */
            }
            continue;
        } else {
            ch = c;
            r->pos++;
            if (c == 0) {
                plain = false;
            }
        }
        if (r->pos + 1 < r->len && r->src[r->pos] == '-' && r->src[r->pos + 1] != ']') {
            plain = false; /* a range */
            continue;
        }
        if (plain) {
            ch = aipm_ascii_tolower(ch);
            if (!memchr(chars, ch, n)) {
                if (n == CLASS_MAX) {
                    plain = false;
                } else {
                    chars[n++] = (char)ch;
                }
            }
        }
    }
    if (r->pos >= r->len) {
        r->bad = true;
        return set_any();
    }
    r->pos++; /* ']' */
    if (!plain || (n == 0 && !non_ascii)) {
        return set_any();
    }
    chars[n] = '\0';
    return set_chars(chars, non_ascii);
}

/* '(' ... ')': groups, assertions, option settings. */
static litset read_group(reader *r) {
    if (++r->depth > DEPTH_MAX) {
        r->bad = true;
        return set_any();
    }
    bool assertion = false;
    if (at(r, "(?<!\\w)")) {
        r->pos += 7;
        r->depth--;
        return set_empty(true);
    }
    if (at(r, "(?:") || at(r, "(?>") || at(r, "(?|")) {
        if (at(r, "(?|")) {
            r->bad = true; /* branch reset: fine for prefixes, but keep the reader simple */
        }
        r->pos += 3;
    } else if (at(r, "(?=") || at(r, "(?!")) {
        r->pos += 3;
        assertion = true;
    } else if (at(r, "(?<=") || at(r, "(?<!")) {
        r->pos += 4;
        assertion = true;
    } else if (at(r, "(?<") || at(r, "(?P<") || at(r, "(?'")) {
        /* named group */
        char close = at(r, "(?'") ? '\'' : '>';
        if (!skip_past(r, close)) {
            return set_any();
        }
    } else if (at(r, "(?#")) {
        if (!skip_past(r, ')')) {
            return set_any();
        }
        r->depth--;
        return set_empty(false);
    } else if (at(r, "(?")) {
        /* option setting (?i) or option group (?i:...); x changes the syntax,
         * and (?R) and kin are not options */
        size_t p = r->pos + 2;
        while (p < r->len && r->src[p] && strchr("imnsJU-", r->src[p])) {
            p++;
        }
        if (p == r->pos + 2 || p >= r->len || (r->src[p] != ')' && r->src[p] != ':')) {
            r->bad = true; /* conditionals, recursion, callouts... */
            return set_any();
        }
        bool setting = r->src[p] == ')';
        r->pos = p + 1;
        if (setting) {
            r->depth--;
            return set_empty(false);
        }
    } else if (at(r, "(*")) {
        r->bad = true; /* verbs */
        return set_any();
    } else {
        r->pos++; /* capture group */
    }
    litset inner = read_alt(r);
    if (r->pos >= r->len || r->src[r->pos] != ')') {
        r->bad = true;
        set_free(&inner);
        return set_any();
    }
    r->pos++;
    r->depth--;
    if (assertion) {
        set_free(&inner);
        return set_empty(false);
    }
    return inner;
}

/* One escape after '\\'. */
static litset read_escape(reader *r) {
    if (r->pos + 1 >= r->len) {
        r->bad = true;
        return set_any();
    }
    unsigned char e = (unsigned char)r->src[r->pos + 1];
    r->pos += 2;
    if (e >= 0x80) {
        r->bad = true;
        return set_any();
    }
    if (!aipm_ascii_is_alnum(e)) {
        char c = (char)e;
        return set_one(&c, 1, true, false);
    }
    switch (e) {
    case 'b':
        return set_empty(true);
    case 'B':
    case 'A':
    case 'z':
    case 'Z':
        return set_empty(false);
    case 'd':
        return set_chars("0123456789", true);
    case 's':
        return set_chars(" \t\n\v\f\r", true);
    case 'D':
    case 'w':
    case 'W':
    case 'S':
    case 'h':
    case 'H':
    case 'v':
    case 'V':
    case 'R':
    case 'X':
        return set_any();
    case 'p':
    case 'P':
        if (r->pos < r->len && r->src[r->pos] == '{') {
            if (!skip_past(r, '}')) {
                return set_any();
            }
        } else if (r->pos < r->len) {
            r->pos++;
        }
        return set_any();
    default:
        /* \Q..\E, \x, \N, \K, backreferences, control escapes: not followed */
        r->bad = true;
        return set_any();
    }
}

/* One atom and its quantifier. */
static litset read_piece(reader *r) {
    unsigned char c = (unsigned char)r->src[r->pos];
    litset s;
    if (c == '(') {
        s = read_group(r);
    } else if (c == '[') {
        s = read_class(r);
    } else if (c == '\\') {
        s = read_escape(r);
    } else if (c == '.') {
        r->pos++;
        s = set_any();
    } else if (c == '^' || c == '$') {
        r->pos++;
        s = set_empty(false);
    } else if (c == '*' || c == '+' || c == '?' || c == '{') {
        r->bad = true;
        r->pos++;
        return set_any();
    } else if (c >= 0x80) {
        size_t at0 = r->pos;
        do {
            r->pos++;
        } while (r->pos < r->len && ((unsigned char)r->src[r->pos] & 0xC0) == 0x80);
        s = ascii_twin(r->src + at0, r->pos - at0) ? set_any() : set_chars("", true);
    } else {
        char lc = (char)aipm_ascii_tolower(c);
        r->pos++;
        s = set_one(&lc, 1, true, false);
    }
    unsigned min = 1;
    bool one = false;
    if (read_quantifier(r, &min, &one)) {
        if (min == 0) {
            litset none = set_empty(false);
            set_union(&s, &none);
        } else if (!one) {
            for (size_t i = 0; i < s.n; i++) {
                s.v[i].complete = false;
            }
        }
    }
    return s;
}

/* Is the byte at 'i' a character that stands for itself, with no quantifier after it? */
static bool plain_char_at(const reader *r, size_t i) {
    unsigned char c = (unsigned char)r->src[i];
    if (c == 0 || c >= 0x80 ||
        !(aipm_ascii_is_alnum(c) || c == ' ' || c == '-' || c == '/' || c == ',' || c == ':' ||
          c == '\'' || c == '%' || c == '_')) {
        return false; /* the common characters only; the rest take the general path */
    }
    unsigned char q = i + 1 < r->len ? (unsigned char)r->src[i + 1] : 0;
    return q != '*' && q != '+' && q != '?' && q != '{';
}

static litset read_seq(reader *r) {
    litset s = set_empty(false);
    while (r->pos < r->len && !r->bad && r->src[r->pos] != '|' && r->src[r->pos] != ')') {
        if (plain_char_at(r, r->pos)) {
            /* the common case, appended in place */
            char c = (char)aipm_ascii_tolower(r->src[r->pos++]);
            for (size_t i = 0; i < s.n; i++) {
                lit *l = &s.v[i];
                if (l->complete && l->len < PREFIX_MAX) {
                    l->s[l->len++] = c;
                } else {
                    l->complete = false;
                }
            }
            continue;
        }
        litset p = read_piece(r);
        set_concat(&s, &p);
    }
    return s;
}

static litset read_alt(reader *r) {
    litset s = read_seq(r);
    while (r->pos < r->len && !r->bad && r->src[r->pos] == '|') {
        r->pos++;
        litset b = read_seq(r);
        set_union(&s, &b);
    }
    return s;
}

size_t aipm_prefixes(const char *src, size_t len, aipm_prefix **out) {
    reader r = {src, len, 0, 0, false};
    *out = NULL;
    litset s = read_alt(&r); /* may repeat a string: the trie merges them */
    bool ok = !r.bad && r.pos == len && s.n > 0;
    for (size_t i = 0; i < s.n && ok; i++) {
        ok = s.v[i].len > 0;
    }
    if (!ok) {
        set_free(&s);
        return 0;
    }
    /* one allocation: the array, then each string and a NUL (it may hold NULs) */
    aipm_prefix *v = aipm_xcalloc(1, s.n * (sizeof(*v) + PREFIX_MAX + 1));
    char *text = (char *)(v + s.n);
    for (size_t i = 0; i < s.n; i++) {
        const lit *l = &s.v[i];
        v[i].text = text;
        text += l->len + 1;
        memcpy(v[i].text, l->s, l->len);
        v[i].text[l->len] = '\0';
        v[i].len = l->len;
        /* \b before a word character, or (?<!\w): nothing word-like precedes */
        unsigned char c0 = (unsigned char)l->s[0];
        v[i].word_start = l->wb && (aipm_ascii_is_alnum(c0) || c0 == '_');
    }
    size_t n = s.n;
    set_free(&s);
    *out = v;
    return n;
}

void aipm_prefixes_free(aipm_prefix *v, size_t n) {
    (void)n;
    free(v);
}

/* ---- the trie and the scan ---- */

/*
 * Two tries over lower-cased bytes: one for prefixes that start at a word
 * start (walked only from positions not preceded by an ASCII word byte), one
 * for prefixes that may start anywhere. A node lists the slots whose prefix
 * ends there. Node 0 is the root; its children are a 256-entry table, the
 * other nodes' children a short list of (byte, node) edges.
 */
typedef struct pf_node {
    uint32_t *kids; /* cap_kids child nodes, then their labels, in one allocation */
    uint32_t n_kids, cap_kids;
    uint32_t slot0; /* the first slot of a prefix ending here (when n_slots > 0) */
    uint32_t *more; /* the others */
    uint32_t n_slots, cap_more;
} pf_node;

static inline const unsigned char *node_labels(const pf_node *nd) {
    return nd->kids ? (const unsigned char *)(nd->kids + nd->cap_kids) : NULL; /* a leaf: none */
}

typedef struct pf_trie {
    pf_node *nodes;
    size_t n, cap;
    uint32_t root[256]; /* 0: no child */
    /* can a walk from this byte pair (folded first byte * 256 + raw second
     * byte) find anything: a pair that starts a prefix, or a first byte that
     * is a prefix of its own? Small enough to stay in cache. */
    uint8_t pairs[256 * 256 / 8];
    /* byte pairs at which a one- or two-byte prefix ends (bit as in pairs),
     * and a hash of the first three bytes (folded) of every longer prefix:
     * a walk from a pair that ends nothing needs its triple in 'triples' */
    uint8_t ends[256 * 256 / 8];
    uint8_t triples[TRIPLE_BITS / 8];
    /*
     * The trie as a scan reads it, made on the first scan: every node in one
     * array, breadth first, so a walk's nodes share cache lines. A node at
     * offset o: flat[o] = number of children | number of slots << 9, then
     * the children's labels (four a word), their offsets, and the slots.
     * Offset 0 is no node. 'flat_root' is 'root' as offsets.
     */
    uint32_t *flat;
    uint32_t flat_root[256];
} pf_trie;

struct aipm_prefilter {
    aipm_pattern **pats; /* by slot */
    size_t n_pats, cap_pats;
    atomic_int flat; /* the tries' flat forms are made (by the first scan, under 'lock') */
    pthread_mutex_t lock;
    pf_trie start;           /* prefixes at a word start */
    pf_trie any;             /* prefixes anywhere */
    unsigned char fold[256]; /* fold_byte */
    bool word[256];          /* ASCII letters, digits, '_' */
};

/* Letters to lower case; every non-ASCII byte to NON_ASCII. */
static unsigned char fold_byte(unsigned char c) {
    return c >= 0x80 ? NON_ASCII : (unsigned char)aipm_ascii_tolower(c);
}

static unsigned triple_hash(unsigned char a, unsigned char b, unsigned char c) {
    return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA6Bu) ^ (c * 0xC2B2AE35u)) >> 16;
}

static uint32_t trie_new_node(pf_trie *t) {
    t->nodes = aipm_grow(t->nodes, &t->cap, t->n + 1, sizeof(*t->nodes));
    memset(&t->nodes[t->n], 0, sizeof(t->nodes[t->n]));
    return (uint32_t)t->n++;
}

static uint32_t trie_child(const pf_trie *t, uint32_t node, unsigned char c) {
    if (node == 0) {
        return t->root[c];
    }
    const pf_node *nd = &t->nodes[node];
    const unsigned char *labels = node_labels(nd);
    for (uint32_t k = 0; k < nd->n_kids; k++) {
        if (labels[k] == c) {
            return nd->kids[k];
        }
    }
    return 0;
}

static void trie_insert(pf_trie *t, const char *s, size_t len, uint32_t slot) {
    if (t->n == 0) {
        trie_new_node(t);
    }
    uint32_t node = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = fold_byte((unsigned char)s[i]);
        uint32_t next = trie_child(t, node, c);
        if (!next) {
            next = trie_new_node(t);
            if (node == 0) {
                t->root[c] = next;
            } else {
                pf_node *nd = &t->nodes[node];
                if (nd->n_kids == nd->cap_kids) {
                    uint32_t cap = nd->cap_kids ? 2 * nd->cap_kids : 2;
                    uint32_t *kids = aipm_xmalloc(cap * (sizeof(*kids) + 1));
                    if (nd->n_kids) {
                        memcpy(kids, nd->kids, nd->n_kids * sizeof(*kids));
                        memcpy(kids + cap, node_labels(nd), nd->n_kids);
                    }
                    free(nd->kids);
                    nd->kids = kids;
                    nd->cap_kids = cap;
                }
                nd->kids[nd->n_kids] = next;
                ((unsigned char *)(nd->kids + nd->cap_kids))[nd->n_kids] = c;
                nd->n_kids++;
            }
        }
        node = next;
        if (i == 0 && len == 1) {
            memset(t->pairs + c * 256 / 8, 0xFF, 256 / 8); /* any byte may follow */
            memset(t->ends + c * 256 / 8, 0xFF, 256 / 8);
        }
        if (i == 2) {
            unsigned h =
                triple_hash(fold_byte((unsigned char)s[0]), fold_byte((unsigned char)s[1]), c);
            t->triples[h / 8] |= (uint8_t)(1u << (h % 8));
        }
        if (i == 1) {
            /* every raw byte that folds to the second one: the byte itself,
             * its upper case, or every non-ASCII byte */
            unsigned c0 = fold_byte((unsigned char)s[0]);
            unsigned lo = c == NON_ASCII ? 0x80 : c, hi = c == NON_ASCII ? 0xFF : c;
            for (unsigned c1 = lo; c1 <= hi + (aipm_ascii_is_lower(c) ? 1u : 0u); c1++) {
                unsigned raw = c1 <= hi ? c1 : (unsigned)(c - 'a' + 'A');
                unsigned bit = c0 * 256 + raw;
                t->pairs[bit / 8] |= (uint8_t)(1u << (bit % 8));
                if (len == 2) {
                    t->ends[bit / 8] |= (uint8_t)(1u << (bit % 8));
                }
            }
        }
    }
    pf_node *nd = &t->nodes[node];
    if (nd->n_slots == 0) {
        nd->slot0 = slot;
        nd->n_slots = 1;
        return;
    }
    if (nd->slot0 == slot) {
        return;
    }
    for (uint32_t i = 0; i + 1 < nd->n_slots; i++) {
        if (nd->more[i] == slot) {
            return;
        }
    }
    if (nd->n_slots - 1 == nd->cap_more) {
        nd->cap_more = nd->cap_more ? 2 * nd->cap_more : 2;
        nd->more = aipm_xreallocarray(nd->more, nd->cap_more, sizeof(*nd->more));
    }
    nd->more[nd->n_slots - 1] = slot;
    nd->n_slots++;
}

static void flat_free(pf_trie *t) {
    free(t->flat);
    t->flat = NULL;
    memset(t->flat_root, 0, sizeof(t->flat_root));
}

/* Make the flat form of 't' (see pf_trie). */
static void flatten(pf_trie *t) {
    flat_free(t);
    if (t->n == 0) {
        return;
    }
    uint32_t *order = aipm_xcalloc(t->n, sizeof(*order)); /* nodes, breadth first */
    uint32_t *at = aipm_xcalloc(t->n, sizeof(*at));       /* node -> offset */
    size_t n = 0, size = 1;
    for (unsigned c = 0; c < 256; c++) {
        if (t->root[c]) {
            order[n++] = t->root[c];
        }
    }
    for (size_t q = 0; q < n; q++) {
        const pf_node *nd = &t->nodes[order[q]];
        at[order[q]] = (uint32_t)size;
        size += 1 + (nd->n_kids + 3) / 4 + nd->n_kids + nd->n_slots;
        for (uint32_t k = 0; k < nd->n_kids; k++) {
            order[n++] = nd->kids[k];
        }
    }
    t->flat = aipm_xcalloc(size, sizeof(*t->flat));
    for (size_t q = 0; q < n; q++) {
        const pf_node *nd = &t->nodes[order[q]];
        uint32_t *w = t->flat + at[order[q]];
        w[0] = nd->n_kids | nd->n_slots << 9;
        if (nd->n_kids) {
            memcpy(w + 1, node_labels(nd), nd->n_kids);
        }
        uint32_t *kids = w + 1 + (nd->n_kids + 3) / 4;
        for (uint32_t k = 0; k < nd->n_kids; k++) {
            kids[k] = at[nd->kids[k]];
        }
        for (uint32_t k = 0; k < nd->n_slots; k++) {
            kids[nd->n_kids + k] = k ? nd->more[k - 1] : nd->slot0;
        }
    }
    for (unsigned c = 0; c < 256; c++) {
        t->flat_root[c] = t->root[c] ? at[t->root[c]] : 0;
    }
    free(order);
    free(at);
}

static void trie_free(pf_trie *t) {
    flat_free(t);
    for (size_t i = 0; i < t->n; i++) {
        free(t->nodes[i].kids);
        free(t->nodes[i].more);
    }
    free(t->nodes);
}

aipm_prefilter *aipm_prefilter_new(void) {
    aipm_prefilter *pf = aipm_xcalloc(1, sizeof(*pf));
    atomic_init(&pf->flat, 0);
    pthread_mutex_init(&pf->lock, NULL);
    for (unsigned c = 0; c < 256; c++) {
        pf->fold[c] = fold_byte((unsigned char)c);
        pf->word[c] = aipm_ascii_is_alnum((int)c) || c == '_';
    }
    return pf;
}

void aipm_prefilter_free(aipm_prefilter *pf) {
    if (!pf) {
        return;
    }
    trie_free(&pf->start);
    trie_free(&pf->any);
    pthread_mutex_destroy(&pf->lock);
    free(pf->pats);
    free(pf);
}

uint32_t aipm_prefilter_slot(const aipm_prefilter *pf, const aipm_pattern *p) {
    uint32_t slot = aipm_pattern_tag(p);
    return slot < pf->n_pats && pf->pats[slot] == p ? slot : AIPM_PREFILTER_NONE;
}

void aipm_prefilter_add(aipm_prefilter *pf, aipm_pattern *p) {
    if (!p || aipm_prefilter_slot(pf, p) != AIPM_PREFILTER_NONE || pf->n_pats >= UINT32_MAX - 1) {
        return;
    }
    aipm_prefix *v;
    size_t n = aipm_prefixes(aipm_pattern_source(p), aipm_pattern_source_len(p), &v);
    if (n == 0) {
        aipm_pattern_set_tag(p, AIPM_PREFILTER_NONE);
        return;
    }
    if (atomic_load_explicit(&pf->flat, memory_order_relaxed)) {
        /* adding after a scan (not done while scans run): make them again */
        flat_free(&pf->start);
        flat_free(&pf->any);
        atomic_store_explicit(&pf->flat, 0, memory_order_relaxed);
    }
    uint32_t slot = (uint32_t)pf->n_pats;
    pf->pats = aipm_grow(pf->pats, &pf->cap_pats, pf->n_pats + 1, sizeof(*pf->pats));
    pf->pats[pf->n_pats++] = p;
    aipm_pattern_set_tag(p, slot);
    for (size_t i = 0; i < n; i++) {
        trie_insert(v[i].word_start ? &pf->start : &pf->any, v[i].text, v[i].len, slot);
    }
    aipm_prefixes_free(v, n);
}

size_t aipm_prefilter_slots(const aipm_prefilter *pf) {
    return pf->n_pats;
}

typedef struct hit_list {
    aipm_prefilter_hit *v;
    size_t n, cap;
} hit_list;

static inline bool bit_set(const uint8_t *bits, unsigned bit) {
    return (bits[bit / 8] >> (bit % 8)) & 1u;
}

/* Can a walk of 't' from text position 'i' (the byte pair 'pair') find anything? */
static inline bool worth_walking(const aipm_prefilter *pf, const pf_trie *t,
                                 const unsigned char *text, size_t len, size_t i, unsigned pair) {
    if (!bit_set(t->pairs, pair)) {
        return false;
    }
    if (bit_set(t->ends, pair) || i + 2 >= len) {
        return true; /* a short prefix ends here (or the text does) */
    }
    return bit_set(t->triples,
                   triple_hash(pf->fold[text[i]], pf->fold[text[i + 1]], pf->fold[text[i + 2]]));
}

/* Note the 'n' slots at 'slots', of prefixes found at text position 'i'. */
static inline void note(const uint32_t *slots, uint32_t n, size_t i, hit_list *out) {
    if (out->n + n > out->cap) {
        out->v = aipm_grow(out->v, &out->cap, out->n + n, sizeof(*out->v));
    }
    for (uint32_t k = 0; k < n; k++) {
        out->v[out->n].pos = (uint32_t)i;
        out->v[out->n].slot = slots[k];
        out->n++;
    }
}

/* Walk the flat form of 't' from text position 'i', noting the slot of
 * every prefix found there. */
static inline void walk(const aipm_prefilter *pf, const pf_trie *t, const unsigned char *text,
                        size_t len, size_t i, hit_list *out) {
    const uint32_t *f = t->flat;
    uint32_t o = t->flat_root[pf->fold[text[i]]];
    for (size_t j = i; o;) {
        uint32_t nk = f[o] & 0x1FF, ns = f[o] >> 9;
        const unsigned char *labels = (const unsigned char *)(f + o + 1);
        const uint32_t *kids = f + o + 1 + (nk + 3) / 4;
        if (ns) {
            note(kids + nk, ns, i, out);
        }
        if (++j >= len || !nk) {
            break;
        }
        unsigned char c = pf->fold[text[j]];
        uint32_t k = 0;
        while (k < nk && labels[k] != c) {
            k++;
        }
        o = k < nk ? kids[k] : 0;
    }
}

/* Make the flat forms on the first scan; workers share the prefilter. */
static void ensure_flat(const aipm_prefilter *cpf) {
    aipm_prefilter *pf = (aipm_prefilter *)cpf; /* a cache of the tries, hence the cast */
    if (atomic_load_explicit(&pf->flat, memory_order_acquire)) {
        return;
    }
    pthread_mutex_lock(&pf->lock);
    if (!atomic_load_explicit(&pf->flat, memory_order_relaxed)) {
        flatten(&pf->start);
        flatten(&pf->any);
        atomic_store_explicit(&pf->flat, 1, memory_order_release);
    }
    pthread_mutex_unlock(&pf->lock);
}

bool aipm_prefilter_scan(const aipm_prefilter *pf, const char *text, size_t len,
                         aipm_prefilter_hit **hits, size_t *n, size_t *cap) {
    const unsigned char *t = (const unsigned char *)text;
    hit_list out = {*hits, *n, *cap};
    ensure_flat(pf);
    bool ok = true, after_word = false; /* after_word: t[i - 1] is an ASCII word byte */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = t[i];
        /* U+017F and U+212A match 's' and 'k' without case */
        if (c >= 0x80 && ((c == 0xC5 && i + 1 < len && t[i + 1] == 0xBF) ||
                          (c == 0xE2 && i + 2 < len && t[i + 1] == 0x84 && t[i + 2] == 0xAA))) {
            ok = false;
            break;
        }
        /* the byte pair here, as the tries index it (a last byte pairs with NUL) */
        unsigned pair = (unsigned)pf->fold[c] * 256 + (i + 1 < len ? t[i + 1] : 0);
        if (!after_word && worth_walking(pf, &pf->start, t, len, i, pair)) {
            walk(pf, &pf->start, t, len, i, &out);
        }
        if (worth_walking(pf, &pf->any, t, len, i, pair)) {
            walk(pf, &pf->any, t, len, i, &out);
        }
        after_word = pf->word[c];
    }
    *hits = out.v;
    *n = out.n;
    *cap = out.cap;
    return ok;
}
