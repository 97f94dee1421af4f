/*
 * engine: runs the enabled rules of a ruleset over one document.
 *
 * An aipm_engine is per worker thread: it holds the PCRE2 matcher and the
 * scratch arrays units are built in, so one read-only ruleset serves every
 * --jobs worker without locks.
 */
#ifndef AIPM_ENGINE_H
#define AIPM_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "doc.h"
#include "ruleset.h"

typedef struct aipm_engine aipm_engine;

/** Make an engine for 'rs', which must outlive it. */
aipm_engine *aipm_engine_new(const aipm_ruleset *rs);

/** Free 'e'; NULL is a no-op. */
void aipm_engine_free(aipm_engine *e);

/** Return the bits of the ruleset's traits that hold for 'doc'. */
uint64_t aipm_engine_traits(aipm_engine *e, const aipm_doc *doc);

/**
 * Run every enabled rule of the ruleset whose kinds and 'when' fit 'doc',
 * appending diagnostics to 'out' (unsorted). 'traits' are the document's trait
 * bits (from aipm_engine_traits). 'only' restricts the run to one rule (for
 * the rule self-tests) and then ignores its kinds, 'when' and enabled flag;
 * NULL runs all.
 */
void aipm_engine_run(aipm_engine *e, const aipm_doc *doc, uint64_t traits, const aipm_rule *only,
                     aipm_diag_list *out);

/**
 * aipm_engine_run with per-file rule states (from the config): 'enabled' and
 * 'severity' have one entry per rule of the engine's ruleset and replace the
 * ruleset's own arrays, which stay untouched (the ruleset is shared).
 */
void aipm_engine_run_states(aipm_engine *e, const aipm_doc *doc, uint64_t traits,
                            const aipm_rule *only, const bool *enabled,
                            const aipm_severity *severity, aipm_diag_list *out);

/**
 * Make 'e' run the rules of 'rs' from now on (a file whose config loads other
 * rule files). The engine is per worker, so this needs no lock.
 */
void aipm_engine_use(aipm_engine *e, const aipm_ruleset *rs);

/** Match with JIT code (the default) or PCRE2's interpreter (aipm_matcher_set_jit). */
void aipm_engine_set_jit(aipm_engine *e, bool on);

/**
 * Use the ruleset's prefilter (the default) or search every block with every
 * pattern. Results are the same either way; tests compare the two.
 */
void aipm_engine_set_prefilter(aipm_engine *e, bool on);

#endif
