/*
 * test_doc_kind: deciding the kind of a document (doc_kind.c), in DESIGN's
 * order: --kind, front matter, config glob, file name, content.
 */
#include "test.h"

#include "doc.h"

static aipm_kind kind_of(const char *path, const char *src, aipm_kind forced, aipm_kind config) {
    aipm_doc_opts opts = {false, forced, config};
    aipm_error err = AIPM_ERROR_INIT;
    aipm_doc *doc = aipm_doc_build(path, src, strlen(src), &opts, &err);
    assert_non_null(doc);
    aipm_kind k = doc->kind;
    assert_int_equal(aipm_doc_detect_kind(doc, &opts), k);
    aipm_doc_free(doc);
    return k;
}

static aipm_kind detect(const char *path, const char *src) {
    return kind_of(path, src, AIPM_KIND_COUNT, AIPM_KIND_COUNT);
}

#define PRD_BODY                                                                                   \
    "# Checkout\n\n## Functional requirements\n\nThe cart must hold 50 items.\n\n"                 \
    "## User stories\n\nAs a buyer I want to pay so that I get the goods.\n\n"                     \
    "## Non-goals\n\nGift cards.\n\n## Milestones\n\nBeta in May.\n"

static void test_doc_kind_order(void **state) {
    (void)state;
    const char *fm = "---\ntype: one-pager\n---\n" PRD_BODY;
    /* --kind beats everything */
    assert_int_equal(kind_of("a-prd.md", fm, AIPM_KIND_SPEC, AIPM_KIND_VISION), AIPM_KIND_SPEC);
    assert_int_equal(kind_of("a-prd.md", fm, AIPM_KIND_OTHER, AIPM_KIND_VISION), AIPM_KIND_OTHER);
    /* then the front matter */
    assert_int_equal(kind_of("a-prd.md", fm, AIPM_KIND_COUNT, AIPM_KIND_VISION),
                     AIPM_KIND_ONEPAGER);
    assert_int_equal(detect("x.md", "---\nkind: Product Requirements\n---\nhi\n"), AIPM_KIND_PRD);
    assert_int_equal(detect("x.md", "---\ntype: design doc\nkind: vision\n---\nhi\n"),
                     AIPM_KIND_SPEC);
    /* an unknown front matter type falls through to the config glob */
    const char *odd = "---\ntype: memo\n---\n" PRD_BODY;
    assert_int_equal(kind_of("a-vision.md", odd, AIPM_KIND_COUNT, AIPM_KIND_ONEPAGER),
                     AIPM_KIND_ONEPAGER);
    /* then the file name, then the content */
    assert_int_equal(kind_of("a-vision.md", odd, AIPM_KIND_COUNT, AIPM_KIND_COUNT),
                     AIPM_KIND_VISION);
    assert_int_equal(kind_of("a.md", odd, AIPM_KIND_COUNT, AIPM_KIND_COUNT), AIPM_KIND_PRD);
}

static void test_doc_kind_file_name(void **state) {
    (void)state;
    const char *plain = "Some notes.\n";
    assert_int_equal(detect("docs/checkout-prd.md", plain), AIPM_KIND_PRD);
    assert_int_equal(detect("PRD_checkout.markdown", plain), AIPM_KIND_PRD);
    assert_int_equal(detect("x/one_pager.md", plain), AIPM_KIND_ONEPAGER);
    assert_int_equal(detect("search-one-pager.md", plain), AIPM_KIND_ONEPAGER);
    assert_int_equal(detect("Onepager.md", plain), AIPM_KIND_ONEPAGER);
    assert_int_equal(detect("search-rfc.md", plain), AIPM_KIND_SPEC);
    assert_int_equal(detect("api.spec.md", plain), AIPM_KIND_SPEC);
    assert_int_equal(detect("ranking-design.md", plain), AIPM_KIND_SPEC);
    assert_int_equal(detect("2024.vision.md", plain), AIPM_KIND_VISION);
    /* a document type named beside 'vision' wins */
    assert_int_equal(detect("prd-vision-section.md", plain), AIPM_KIND_PRD);
    /* whole words only, and the directory does not count */
    assert_int_equal(detect("provisional.md", plain), AIPM_KIND_OTHER);
    assert_int_equal(detect("specimen.md", plain), AIPM_KIND_OTHER);
    assert_int_equal(detect("prd/notes.md", plain), AIPM_KIND_OTHER);
}

static void test_doc_kind_title(void **state) {
    (void)state;
    assert_int_equal(detect("d.md", "# PRD: Checkout\n\nText.\n"), AIPM_KIND_PRD);
    assert_int_equal(detect("d.md", "# PRD-216 Churn scoring\n\nText.\n"), AIPM_KIND_PRD);
    assert_int_equal(detect("d.md", "# Checkout Product Requirements\n\nText.\n"), AIPM_KIND_PRD);
    assert_int_equal(detect("d.md", "# Checkout — One-Pager\n\nText.\n"), AIPM_KIND_ONEPAGER);
    assert_int_equal(detect("d.md", "# Search ranking: technical design\n\nText.\n"),
                     AIPM_KIND_SPEC);
    assert_int_equal(detect("d.md", "# Product Vision\n\nText.\n"), AIPM_KIND_VISION);
    assert_int_equal(detect("d.md", "---\ntitle: Payments spec\n---\nText.\n"), AIPM_KIND_SPEC);
    /* a PRD whose title also says 'vision' is a PRD */
    assert_int_equal(detect("d.md", "# PRD Section 1: Context & Vision\n\n## Vision\n\nText.\n"),
                     AIPM_KIND_PRD);
}

static void test_doc_kind_headings(void **state) {
    (void)state;
    assert_int_equal(detect("d.md", PRD_BODY), AIPM_KIND_PRD);
    assert_int_equal(detect("d.md", "# Queue\n\n## Problem\n\nSlow.\n\n## Solution\n\nFast.\n\n"
                                    "## Why now\n\nCosts.\n"),
                     AIPM_KIND_ONEPAGER);
    /* bold labels count as headings */
    assert_int_equal(detect("d.md", "# Queue\n\n**Problem**  \nSlow.\n\n**Solution:** fast.\n\n"
                                    "**TL;DR** cheap.\n"),
                     AIPM_KIND_ONEPAGER);
    assert_int_equal(detect("d.md", "# Acme\n\n## Mission\n\nHelp.\n\n## North star\n\nAll.\n\n"
                                    "## Where we're going\n\nFar.\n"),
                     AIPM_KIND_VISION);
    assert_int_equal(detect("d.md",
                            "# Ranker\n\n## Architecture\n\nBoxes.\n\n## API\n\nGET.\n\n"
                            "## Data model\n\nRows.\n\n## Alternatives considered\n\nNone.\n"
                            "\n## Test plan\n\nUnit.\n"),
                     AIPM_KIND_SPEC);
}

static void test_doc_kind_nothing_says(void **state) {
    (void)state;
    assert_int_equal(detect("d.md", ""), AIPM_KIND_OTHER);
    assert_int_equal(detect("d.md", "# Notes\n\nHello world.\n"), AIPM_KIND_OTHER);
    assert_int_equal(detect(NULL, "# Release notes\n\n## Fixes\n\nA crash.\n"), AIPM_KIND_OTHER);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_kind_order),        cmocka_unit_test(test_doc_kind_file_name),
        cmocka_unit_test(test_doc_kind_title),        cmocka_unit_test(test_doc_kind_headings),
        cmocka_unit_test(test_doc_kind_nothing_says),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
