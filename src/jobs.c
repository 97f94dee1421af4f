/*
 * jobs: a fixed pool of worker threads over an array of work items.
 *
 *     next (atomic) --> 0 1 2 3 4 5 6 ...      items, in input order
 *                       ^ ^ ^                  each claimed by exactly one worker
 *     worker k: loop { i = next++; if i >= n stop; fn(arg, engine_k, i) }
 *
 * There is no queue and no lock: claiming an index is one atomic
 * fetch-and-add, and results go to per-index slots the caller owns, so
 * nothing is shared for writing between workers. The calling thread is
 * worker 0; the others are pthreads joined before aipm_jobs_run returns.
 * Workers pull indexes dynamically, so one huge file does not leave the other
 * threads idle behind a static split.
 */
#include "jobs.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "mem.h"

typedef struct pool {
    const aipm_ruleset *rs;
    size_t n;
    atomic_size_t next;
    aipm_jobs_fn *fn;
    void *arg;
} pool;

unsigned aipm_jobs_default(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) {
        return 1;
    }
    return n > (long)AIPM_JOBS_MAX ? AIPM_JOBS_MAX : (unsigned)n;
}

static void *work(void *p) {
    pool *pl = p;
    aipm_engine *e = aipm_engine_new(pl->rs);
    for (;;) {
        size_t i = atomic_fetch_add_explicit(&pl->next, 1, memory_order_relaxed);
        if (i >= pl->n) {
            break;
        }
        pl->fn(pl->arg, e, i);
    }
    aipm_engine_free(e);
    return NULL;
}

void aipm_jobs_run(const aipm_ruleset *rs, size_t n, unsigned n_jobs, aipm_jobs_fn *fn, void *arg) {
    pool pl;
    pl.rs = rs;
    pl.n = n;
    atomic_init(&pl.next, 0);
    pl.fn = fn;
    pl.arg = arg;
    size_t want = n_jobs < 1 ? 1 : n_jobs;
    if (want > n) {
        want = n ? n : 1;
    }
    pthread_t *tids = aipm_xcalloc(want, sizeof(*tids));
    size_t started = 0;
    for (size_t k = 1; k < want; k++) {
        if (pthread_create(&tids[started], NULL, work, &pl) != 0) {
            break; /* the threads already running (and this one) share the rest */
        }
        started++;
    }
    work(&pl);
    for (size_t k = 0; k < started; k++) {
        pthread_join(tids[k], NULL);
    }
    free(tids);
}
