/*
 * suppressions: the check kind of the built-in rule suppress.unused.
 *
 * It reads no keys and its run() reports nothing. The rule exists so that
 * suppress.unused has an id, a summary, a severity and examples like every
 * other rule (--list-rules, --explain, --select, --ignore, config 'rules:'
 * and --test-rules all work on it); its findings are made by the filter
 * stage (lint.c -> suppress.c), which alone knows which suppression comments
 * suppressed something. A user rule with 'check: suppressions' is therefore
 * also silent.
 */
#include <stddef.h>

#include "checks/check.h"

static const char *const suppressions_keys[] = {NULL};

static void *suppressions_parse(const aipm_yaml_node *rule, const aipm_check_env *env,
                                aipm_error *err) {
    (void)rule;
    (void)env;
    (void)err;
    static const char none = 0;
    return (void *)&none; /* non-NULL: success; nothing to free */
}

static void suppressions_run(aipm_check_ctx *ctx, const void *cfg) {
    (void)ctx;
    (void)cfg;
}

static void suppressions_free(void *cfg) {
    (void)cfg;
}

const aipm_check_kind aipm_check_suppressions = {
    .name = "suppressions",
    .keys = suppressions_keys,
    .default_unit = AIPM_UNIT_DOCUMENT,
    .parse = suppressions_parse,
    .run = suppressions_run,
    .free_config = suppressions_free,
    .needs_sentences = NULL,
};
