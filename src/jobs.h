/*
 * jobs: run one unit of work per file on --jobs worker threads.
 *
 * Each worker owns an aipm_engine (PCRE2 matcher and scratch) and pulls the
 * next file index from a shared atomic counter; the ruleset is read-only and
 * shared. The work function stores its result by index, so the caller
 * reports in input order and the output is the same for any number of jobs.
 */
#ifndef AIPM_JOBS_H
#define AIPM_JOBS_H

#include <stddef.h>

#include "engine.h"
#include "ruleset.h"

/* The most worker threads --jobs accepts. */
#define AIPM_JOBS_MAX 256u

/*
 * One unit of work: handle item 'index' with the calling worker's engine 'e'.
 * Called from several threads at once, never twice for one index; it must
 * write only to its own item's result.
 */
typedef void aipm_jobs_fn(void *arg, aipm_engine *e, size_t index);

/** Return the default number of jobs: the number of online CPUs (at least 1). */
unsigned aipm_jobs_default(void);

/**
 * Call 'fn'('arg', engine, i) once for every i in [0, 'n') on up to 'n_jobs'
 * threads (the calling thread is one of them), each with its own engine for
 * 'rs', and return when all are done. 'n_jobs' 0 or 1 runs everything on the
 * calling thread. When a thread cannot be started the others do its share.
 */
void aipm_jobs_run(const aipm_ruleset *rs, size_t n, unsigned n_jobs, aipm_jobs_fn *fn, void *arg);

#endif
