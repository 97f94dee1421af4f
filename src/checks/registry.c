/*
 * registry: the one table of check kinds, looked up by the value of a rule's
 * 'check:' key. rule_load.c dispatches through it, so adding a kind means one
 * file under src/checks/, one declaration in check.h and one line here.
 *
 * The table is static const and sorted by name (alphabetically, as strcmp
 * orders them), which keeps --list-rules, docs and "did you mean" output in a
 * stable order. The name list below mirrors it, entry for entry:
 *
 *     density  evidence  forbid  length  measurable  require  require-section
 *     substitute  suppressions
 */
#include "checks/check.h"

#include <string.h>

#include "util.h"

static const aipm_check_kind *const kinds[] = {
    &aipm_check_density,         &aipm_check_evidence,   &aipm_check_forbid,
    &aipm_check_length,          &aipm_check_measurable, &aipm_check_require,
    &aipm_check_require_section, &aipm_check_substitute, &aipm_check_suppressions,
};

/* Same order as 'kinds'; the names must equal each kind's 'name'. */
static const char *const kind_names[] = {
    "density", "evidence",        "forbid",     "length",       "measurable",
    "require", "require-section", "substitute", "suppressions", NULL,
};

const aipm_check_kind *aipm_check_find_kind(const char *name) {
    if (!name) {
        return NULL;
    }
    for (size_t i = 0; i < AIPM_ARRAY_LEN(kinds); i++) {
        if (strcmp(kinds[i]->name, name) == 0) {
            return kinds[i];
        }
    }
    return NULL;
}

const char *const *aipm_check_kind_names(void) {
    return kind_names;
}
