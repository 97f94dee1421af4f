/*
 * test_jobs: every item runs exactly once, on at most --jobs threads, each
 * with an engine, for any number of jobs and items.
 */
#include "test.h"

#include <stdatomic.h>
#include <string.h>

#include "jobs.h"
#include "mem.h"
#include "ruleset.h"

typedef struct counts {
    atomic_int *calls; /* per item */
    atomic_int engines_null;
} counts;

static void count_item(void *arg, aipm_engine *e, size_t i) {
    counts *c = arg;
    if (!e) {
        atomic_fetch_add(&c->engines_null, 1);
    }
    atomic_fetch_add(&c->calls[i], 1);
}

static void run_and_check(size_t n, unsigned n_jobs) {
    aipm_ruleset rs = AIPM_RULESET_INIT;
    counts c;
    c.calls = aipm_xcalloc(n ? n : 1, sizeof(*c.calls));
    atomic_init(&c.engines_null, 0);
    for (size_t i = 0; i < n; i++) {
        atomic_init(&c.calls[i], 0);
    }
    aipm_jobs_run(&rs, n, n_jobs, count_item, &c);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(atomic_load(&c.calls[i]), 1);
    }
    assert_int_equal(atomic_load(&c.engines_null), 0);
    free(c.calls);
    aipm_ruleset_release(&rs);
}

static void test_jobs_each_item_once(void **state) {
    (void)state;
    static const unsigned jobs[] = {0, 1, 2, 4, 64};
    static const size_t items[] = {0, 1, 3, 100, 1000};
    for (size_t j = 0; j < sizeof(jobs) / sizeof(jobs[0]); j++) {
        for (size_t k = 0; k < sizeof(items) / sizeof(items[0]); k++) {
            run_and_check(items[k], jobs[j]);
        }
    }
}

static void test_jobs_default_positive(void **state) {
    (void)state;
    unsigned n = aipm_jobs_default();
    assert_true(n >= 1 && n <= AIPM_JOBS_MAX);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jobs_each_item_once),
        cmocka_unit_test(test_jobs_default_positive),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
