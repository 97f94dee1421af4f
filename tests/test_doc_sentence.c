/*
 * test_doc_sentence: splitting prose blocks into sentences (doc_sentence.c).
 */
#include "test.h"

#include <stdio.h>

#include "buf.h"
#include "doc.h"

static aipm_doc *build(const char *src, bool sentences) {
    aipm_doc_opts opts = {sentences, AIPM_KIND_COUNT, AIPM_KIND_COUNT};
    aipm_error err = AIPM_ERROR_INIT;
    aipm_doc *doc = aipm_doc_build("t.md", src, strlen(src), &opts, &err);
    assert_non_null(doc);
    return doc;
}

/* The sentences of block 'b' as "[one][two]". */
static char *sentences_of(const aipm_doc *doc, uint32_t b) {
    aipm_buf out = AIPM_BUF_INIT;
    const aipm_block *blk = &doc->blocks[b];
    for (uint32_t i = 0; i < blk->n_sentences; i++) {
        const aipm_sentence *s = &doc->sentences[blk->first_sentence + i];
        assert_int_equal(s->block, b);
        assert_true(s->start < s->end && s->end <= blk->len);
        aipm_buf_printf(&out, "[%.*s]", (int)(s->end - s->start), blk->text + s->start);
    }
    return aipm_buf_detach(&out);
}

/* Check the sentences of a one-paragraph document. */
static void check(const char *src, const char *expect) {
    aipm_doc *d = build(src, true);
    assert_int_equal(d->n_blocks, 1);
    char *got = sentences_of(d, 0);
    assert_string_equal(got, expect);
    free(got);
    aipm_doc_free(d);
}

static void test_doc_sentence_basic(void **state) {
    (void)state;
    check("It ships in v2.1 (e.g. for Acme). Users like it!  why not? Done\n",
          "[It ships in v2.1 (e.g. for Acme).][Users like it!  why not?][Done]");
    check("One. Two! Three? Four.\n", "[One.][Two!][Three?][Four.]");
    check("No terminator at all\n", "[No terminator at all]");
}

static void test_doc_sentence_runs_and_closers(void **state) {
    (void)state;
    check("Really?! Yes.\n", "[Really?!][Yes.]");
    check("Wait... Then go.\n", "[Wait...][Then go.]");
    check("Wait... then go.\n", "[Wait... then go.]");
    check("He said \"stop.\" Then left.\n", "[He said \"stop.\"][Then left.]");
    check("(See above.) Next one.\n", "[(See above.)][Next one.]");
    check("She wrote \xe2\x80\x9c"
          "done.\xe2\x80\x9d Then it shipped.\n",
          "[She wrote \xe2\x80\x9c"
          "done.\xe2\x80\x9d][Then it shipped.]");
    check("It grew 20%. 3 teams joined.\n", "[It grew 20%.][3 teams joined.]");
}

static void test_doc_sentence_no_split(void **state) {
    (void)state;
    check("Costs 3.5 dollars in v1.2.3 now.\n", "[Costs 3.5 dollars in v1.2.3 now.]");
    check("Tools e.g. Jira and i.e. Linear. Next.\n", "[Tools e.g. Jira and i.e. Linear.][Next.]");
    check("We compare A vs. B and Mr. Smith, Dr. Who, etc. And more.\n",
          "[We compare A vs. B and Mr. Smith, Dr. Who, etc. And more.]");
    check("Made in the U.S. Army base by Acme Inc. Today.\n",
          "[Made in the U.S. Army base by Acme Inc. Today.]");
    check("Approx. Ten users.\n", "[Approx. Ten users.]");
    check("see www.example.com for more. Then go\n", "[see www.example.com for more.][Then go]");
}

static void test_doc_sentence_blocks(void **state) {
    (void)state;
    aipm_doc *d = build("# Hello. World.\n\n- First. Second\n- Third\n\n| a. B | c |\n|---|---|\n"
                        "| d. E | f |\n\n```\nNot. Prose.\n```\n\n`x` is it. Done.\n",
                        true);
    assert_true(d->has_sentences);
    assert_int_equal(d->n_blocks, 7);
    static const char *const want[] = {
        "[Hello. World.]",             /* a heading is one sentence */
        "[First.][Second]", "[Third]", /* sentences never cross list items */
        "[a. B | c]",                  /* nor table rows, each one sentence */
        "[d. E | f]",       "",        /* code is not prose */
        "[is it.][Done.]",
    };
    for (uint32_t i = 0; i < 7; i++) {
        char *got = sentences_of(d, i);
        assert_string_equal(got, want[i]);
        free(got);
    }
    assert_int_equal(d->n_sentences, 8);
    assert_int_equal(d->blocks[5].n_sentences, 0);
    assert_int_equal(d->blocks[5].first_sentence, 6);
    /* trimmed: the code span's space is not part of the sentence */
    const aipm_sentence *s = &d->sentences[d->blocks[6].first_sentence];
    assert_int_equal(s->start, 2);
    assert_int_equal(s->end, 8);
    uint32_t line, col;
    aipm_doc_position(d, d->blocks[6].src[d->sentences[7].start], &line, &col);
    assert_int_equal(line, 14);
    assert_int_equal(col, 12);
    aipm_doc_free(d);
}

static void test_doc_sentence_only_when_asked(void **state) {
    (void)state;
    aipm_doc *d = build("One. Two.\n", false);
    assert_false(d->has_sentences);
    assert_null(d->sentences);
    assert_int_equal(d->n_sentences, 0);
    assert_int_equal(d->blocks[0].n_sentences, 0);
    aipm_doc_split_sentences(d);
    assert_true(d->has_sentences);
    assert_int_equal(d->n_sentences, 2);
    aipm_doc_free(d);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_sentence_basic),
        cmocka_unit_test(test_doc_sentence_runs_and_closers),
        cmocka_unit_test(test_doc_sentence_no_split),
        cmocka_unit_test(test_doc_sentence_blocks),
        cmocka_unit_test(test_doc_sentence_only_when_asked),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
