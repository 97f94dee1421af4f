/*
 * test_prefilter: the literal prefixes read from patterns, the patterns left
 * out, and the one property that matters: wherever PCRE2 finds a match, the
 * scan reports the pattern's slot at the match start. Also the assumption
 * the filter rests on: only U+017F and U+212A match an ASCII letter without
 * case in the linked PCRE2.
 */
#include "test.h"

#include "buf.h"
#include "pattern.h"
#include "prefilter.h"

/* The prefixes of 'src', sorted, comma-separated; '^' marks a word start;
 * a non-ASCII wildcard shows as '*'. "" when the pattern has none. */
static char *prefixes_of(const char *src) {
    aipm_prefix *v;
    size_t n = aipm_prefixes(src, strlen(src), &v);
    char **items = calloc(n + 1, sizeof(*items));
    for (size_t i = 0; i < n; i++) {
        aipm_buf b = AIPM_BUF_INIT;
        aipm_buf_puts(&b, v[i].word_start ? "^" : "");
        for (size_t k = 0; k < v[i].len; k++) {
            unsigned char c = (unsigned char)v[i].text[k];
            aipm_buf_putc(&b, c >= 0x80 ? '*' : (char)c);
        }
        items[i] = aipm_buf_detach(&b);
    }
    for (size_t i = 1; i < n; i++) { /* insertion sort: a handful of strings */
        for (size_t k = i; k > 0 && strcmp(items[k - 1], items[k]) > 0; k--) {
            char *t = items[k];
            items[k] = items[k - 1];
            items[k - 1] = t;
        }
    }
    aipm_buf out = AIPM_BUF_INIT;
    aipm_buf_puts(&out, "");
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || strcmp(items[i], items[i - 1]) != 0) { /* a string may repeat */
            aipm_buf_printf(&out, "%s%s", out.len ? "," : "", items[i]);
        }
    }
    for (size_t i = 0; i < n; i++) {
        free(items[i]);
    }
    free(items);
    aipm_prefixes_free(v, n);
    return aipm_buf_detach(&out);
}

static void test_prefilter_prefixes(void **state) {
    (void)state;
    static const struct {
        const char *pattern, *want;
    } cases[] = {
        {"rate", "rate"},
        {"(?i)\\b(?:Rate|ratio)s?\\b", "^rate,^rates,^ratio,^ratios"},
        {"(?<!\\w)(?:a(?:dmin(?:istrators|s)|nalysts))(?!\\w)", "^administ,^admins,^analysts"},
        {"thumbs[- ]?up", "thumbs u,thumbs-u,thumbsup"},
        {"\\bup/?down", "^up/down,^updown"},
        {"(?:user |customer )?feedback", "customer,feedback,user fee"},
        {"\\b\\d%", "*,^0%,^1%,^2%,^3%,^4%,^5%,^6%,^7%,^8%,^9%"},
        {"(?i)\\bp\\d\\d", "^p*,^p0*,^p00,^p01,^p02,^p03,^p04,^p05,^p06,^p07,^p08,^p09,^p1*,^p10,"
                           "^p11,^p12,^p13,^p14,^p15,^p16,^p17,^p18,^p19,^p2*,^p20,^p21,^p22,^p23,"
                           "^p24,^p25,^p26,^p27,^p28,^p29,^p3*,^p30,^p31,^p32,^p33,^p34,^p35,^p36,"
                           "^p37,^p38,^p39,^p4*,^p40,^p41,^p42,^p43,^p44,^p45,^p46,^p47,^p48,^p49,"
                           "^p5*,^p50,^p51,^p52,^p53,^p54,^p55,^p56,^p57,^p58,^p59,^p6*,^p60,^p61,"
                           "^p62,^p63,^p64,^p65,^p66,^p67,^p68,^p69,^p7*,^p70,^p71,^p72,^p73,^p74,"
                           "^p75,^p76,^p77,^p78,^p79,^p8*,^p80,^p81,^p82,^p83,^p84,^p85,^p86,^p87,"
                           "^p88,^p89,^p9*,^p90,^p91,^p92,^p93,^p94,^p95,^p96,^p97,^p98,^p99"},
        {"\\b%x", "%x"}, /* \b before a non-word character: no word start */
        {"(?i)\\bnaïve", "^na*"},
        {"≥\\s*5", "*"},
        {"(?i)(?:%|percent\\w*) of", "% of,percent,percent "},
        {"\\[(?:add|your)[^\\]]*\\]", "[add,[add],[your,[your]"},
        {"(?i)\\bmonitor\\w+\\s+(?:\\w+\\s+){0,3}model", "^monitor"},
        {"(?i)\\bmonitor\\w*", "^monitor"},
        {"(?<name>ab)c|(?P<n2>d)e", "abc,de"},
        {"(?i:ab)c(?#comment)d", "abcd"},
        {"a{2,3}b", "a"},
        {"ab{1}c", "abc"},
        {"[abc]x", "ax,bx,cx"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = prefixes_of(cases[i].pattern);
        if (strcmp(got, cases[i].want) != 0) {
            fail_msg("%s: got '%s', want '%s'", cases[i].pattern, got, cases[i].want);
        }
        free(got);
    }
}

/* Patterns that may match anywhere, or that the reader does not follow. */
static void test_prefilter_left_out(void **state) {
    (void)state;
    static const char *const cases[] = {
        "\\w+ly",   "x*",          "(?:a|)b?", "\\S",    "^\\W*vision", ".abc",     "(?x) a b",
        "\\Qab\\E", "a\\Gb",       "(?R)a",    "(?1)a",  "(?(1)a|b)",   "(*SKIP)a", "a{,3}",
        "ab\\Kc",   "\\x41b",      "a\\1",     "(?|a)b", "[\\d]+x",     "(?i)ſtar", "(?i)\\x{212A}",
        "(a",       "a)",          "[abc",     "",       "\\",          "(?",       "(?<n",
        "(?#x",     "[[:alpha:]x", "\\p{L}x",  "a|\\d*", "[a-z]x|q",
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = prefixes_of(cases[i]);
        if (strcmp(got, "") != 0) {
            fail_msg("%s: got '%s', want no prefixes", cases[i], got);
        }
        free(got);
    }
}

/* A deterministic generator for the property test. */
static uint32_t next_rand(uint32_t *s) {
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/*
 * Every match PCRE2 finds, from every start offset, begins at a scan hit of
 * its pattern's slot, over random texts made of the patterns' own pieces,
 * case variants, digits, punctuation and non-ASCII text.
 */
static void test_prefilter_never_misses_a_match(void **state) {
    (void)state;
    static const char *const patterns[] = {
        "(?i)\\b(?:rate|ratio|retention|NPS|p\\d\\d|time[- ]to[- ]\\w+)\\b",
        "(?i)\\b(?:thumbs[- ]?(?:up|down)|up/?down ?votes?|surveys?)\\b",
        "(?i)(?:%|percent\\w*|share|rate|number) of (?:\\w+\\s+){1,3}(?:edited|rejected)\\b",
        "(?i)\\b(?:at least|under|≥|≤|up to)\\s+[$€£]?\\d",
        "(?i)[$€£]?\\d[\\d.,]*\\s*(?:%|percent|ms|s)\\b",
        "\\b(?:AI|ML|LLMs?|GPT-?[\\d.]*\\w*)\\b",
        "(?<!\\w)(?:best\\-in\\-class|seamless|state[- ]of[- ]the[- ]art)(?!\\w)",
        "(?i)\\bkey\\b",
        "(?i)\\bstars?\\b",
        "(?i)\\[(?:insert|add)[^\\]]*\\]",
        "\\d",
        "(?i)naïve|café",
    };
    static const char *const pieces[] = {
        "rate",
        "Rate",
        "RATIO",
        "retention",
        "nps",
        "p95",
        "P99",
        "time to value",
        "time-to-x",
        "thumbs up",
        "Thumbs-Down",
        "updown",
        "up/down votes",
        "survey",
        "% of",
        "percent of",
        "share of the",
        "edited",
        "rejected",
        "at least",
        "under",
        "≥",
        "≤",
        "up to",
        "$",
        "€",
        "5",
        "12.5",
        "%",
        "ms",
        "s",
        "AI",
        "ai",
        "LLMs",
        "GPT-4o",
        "GPT",
        "best-in-class",
        "seamless",
        "state of the art",
        "key",
        "KEY",
        ("Kelvin: \xE2\x84\xAA"
         "ey"), /* the Kelvin sign, then "ey" (a string break ends the hex escape) */
        "\xC5\xBFtar",
        "star",
        "stars",
        "[insert",
        "[add here]",
        "naïve",
        "NAÏVE",
        "café",
        " ",
        " ",
        " ",
        "-",
        "_",
        "x",
        "é",
        "\t",
        "\n",
        ".",
        ",",
        "(",
        ")",
        "a",
        "1",
    };
    size_t np = sizeof(patterns) / sizeof(patterns[0]);
    aipm_prefilter *pf = aipm_prefilter_new();
    aipm_pattern *pats[sizeof(patterns) / sizeof(patterns[0])];
    aipm_error err = AIPM_ERROR_INIT;
    for (size_t i = 0; i < np; i++) {
        pats[i] = aipm_pattern_compile(patterns[i], strlen(patterns[i]), 0, "t", 1, 1, &err);
        assert_non_null(pats[i]);
        aipm_prefilter_add(pf, pats[i]);
    }
    aipm_matcher *m = aipm_matcher_new();
    uint32_t seed = 42;
    size_t checked = 0;
    aipm_prefilter_hit *hits = NULL;
    size_t n_hits = 0, cap_hits = 0;
    for (int round = 0; round < 4000; round++) {
        aipm_buf text = AIPM_BUF_INIT;
        aipm_buf_puts(&text, "");
        int n = 1 + (int)(next_rand(&seed) % 12);
        for (int k = 0; k < n; k++) {
            aipm_buf_puts(&text, pieces[next_rand(&seed) % (sizeof(pieces) / sizeof(pieces[0]))]);
        }
        n_hits = 0;
        bool ok = aipm_prefilter_scan(pf, text.ptr, text.len, &hits, &n_hits, &cap_hits);
        for (size_t i = 0; i < np; i++) {
            uint32_t slot = aipm_prefilter_slot(pf, pats[i]);
            /* every place a match can start: the first from each offset */
            size_t from = 0, ms, me;
            for (; from <= text.len && aipm_pattern_find(pats[i], text.ptr, text.len, from, m, &ms,
                                                         &me) == AIPM_MATCH_FOUND;
                 from = ms + 1) {
                checked++;
                if (!ok || slot == AIPM_PREFILTER_NONE) {
                    continue;
                }
                bool seen = false;
                for (size_t h = 0; h < n_hits && !seen; h++) {
                    seen = hits[h].slot == slot && hits[h].pos == ms;
                }
                if (!seen) {
                    fail_msg("pattern %s matched '%s' at %zu, but the scan has no hit there",
                             patterns[i], text.ptr, ms);
                }
            }
        }
        aipm_buf_release(&text);
    }
    assert_true(checked > 2000); /* the texts do hold matches */
    free(hits);
    aipm_matcher_free(m);
    for (size_t i = 0; i < np; i++) {
        aipm_pattern_free(pats[i]);
    }
    aipm_prefilter_free(pf);
}

/* Hits come in text order, and a text with U+017F or U+212A defeats the filter. */
static void test_prefilter_scan(void **state) {
    (void)state;
    aipm_prefilter *pf = aipm_prefilter_new();
    aipm_error err = AIPM_ERROR_INIT;
    const char *src = "(?i)\\b(?:rate|stars?)\\b";
    aipm_pattern *p = aipm_pattern_compile(src, strlen(src), 0, "t", 1, 1, &err);
    aipm_prefilter_add(pf, p);
    aipm_prefilter_add(pf, p); /* again: a no-op */
    assert_int_equal(aipm_prefilter_slots(pf), 1);
    uint32_t slot = aipm_prefilter_slot(pf, p);
    assert_int_equal(slot, 0);
    aipm_prefilter_hit *hits = NULL;
    size_t n = 0, cap = 0;
    const char *text = "Star rates, accurate Rate";
    assert_true(aipm_prefilter_scan(pf, text, strlen(text), &hits, &n, &cap));
    assert_int_equal(n, 3); /* Star, rates, Rate; not the 'rate' inside 'accurate' */
    assert_int_equal(hits[0].pos, 0);
    assert_int_equal(hits[1].pos, 5);
    assert_int_equal(hits[2].pos, 21);
    n = 0;
    const char *twin = "\xC5\xBFtar";
    assert_false(aipm_prefilter_scan(pf, twin, strlen(twin), &hits, &n, &cap));
    free(hits);
    aipm_pattern_free(p);
    aipm_prefilter_free(pf);
}

static size_t encode_utf8(uint32_t cp, char *out) {
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The filter folds ASCII letters only; PCRE2 must agree that no other
 * character than these two matches an ASCII letter without case. */
static void test_prefilter_caseless_twins(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_pattern *p = aipm_pattern_compile("^[a-z]$", 7, AIPM_PATTERN_IGNORE_CASE, "t", 1, 1, &err);
    assert_non_null(p);
    aipm_matcher *m = aipm_matcher_new();
    uint32_t found[4];
    size_t n = 0;
    for (uint32_t cp = 0x80; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp < 0xE000) {
            continue;
        }
        char buf[4];
        size_t len = encode_utf8(cp, buf), ms, me;
        if (aipm_pattern_find(p, buf, len, 0, m, &ms, &me) == AIPM_MATCH_FOUND) {
            assert_true(n < 4);
            found[n++] = cp;
        }
    }
    assert_int_equal(n, 2);
    assert_int_equal(found[0], 0x017F);
    assert_int_equal(found[1], 0x212A);
    aipm_matcher_free(m);
    aipm_pattern_free(p);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prefilter_prefixes),
        cmocka_unit_test(test_prefilter_left_out),
        cmocka_unit_test(test_prefilter_never_misses_a_match),
        cmocka_unit_test(test_prefilter_scan),
        cmocka_unit_test(test_prefilter_caseless_twins),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
