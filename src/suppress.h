/*
 * suppress: inline suppression comments in the Markdown itself, the filter
 * stage between the engine and the reporters (DESIGN section 2).
 *
 *   <!-- aipm-lint-disable [RULE...] [-- reason] -->            from here on
 *   <!-- aipm-lint-enable [RULE...] -->                         until here
 *   <!-- aipm-lint-disable-next-line [RULE...] [-- reason] -->  the next line only
 *   <!-- aipm-lint-disable-file [RULE...] [-- reason] -->       the whole file
 *
 * No RULE means every rule; a RULE may be a family prefix ('vision'). Names
 * are separated by spaces or commas. Comments inside code blocks, code spans
 * and the front matter are not directives.
 */
#ifndef AIPM_SUPPRESS_H
#define AIPM_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "doc.h"
#include "ruleset.h"

typedef enum aipm_suppress_type {
    AIPM_SUPPRESS_DISABLE,
    AIPM_SUPPRESS_ENABLE,
    AIPM_SUPPRESS_NEXT_LINE,
    AIPM_SUPPRESS_FILE,
    AIPM_SUPPRESS_UNKNOWN /* 'aipm-lint-<something else>': reported, never applied */
} aipm_suppress_type;

typedef struct aipm_suppression {
    aipm_suppress_type type;
    char *directive; /* the word after '<!--', e.g. "aipm-lint-disable" (owned) */
    char **names;    /* rule ids or family prefixes (owned); none: all rules */
    size_t n_names;
    bool *used;          /* per name: suppressed at least one finding */
    bool used_all;       /* no names: suppressed at least one finding */
    char *reason;        /* the text after ' -- ', or NULL (owned) */
    uint32_t line, col;  /* where '<!--' starts */
    uint32_t end_line;   /* the line of '-->' */
    uint32_t start, end; /* byte offsets of the whole comment */
} aipm_suppression;

typedef struct aipm_suppress_list {
    aipm_suppression *items; /* in source order */
    size_t n;
} aipm_suppress_list;

#define AIPM_SUPPRESS_LIST_INIT                                                                    \
    { NULL, 0 }

/** Find every aipm-lint comment of 'doc' (outside code and front matter) into 'out'. */
void aipm_suppress_parse(const aipm_doc *doc, aipm_suppress_list *out);

/**
 * Remove from 'diags' every diagnostic a directive of 's' suppresses (by its
 * start line and rule id), freeing it. With 'count_use', mark the directive
 * names that suppressed something as used.
 */
void aipm_suppress_filter(aipm_suppress_list *s, aipm_diag_list *diags, bool count_use);

/**
 * Append a diagnostic of rule 'rule' (suppress.unused) with severity 'sev' to
 * 'out' for each directive name that suppressed nothing, each name that
 * matches no rule of 'rs', and each unknown directive. Call after
 * aipm_suppress_filter with 'count_use'.
 */
void aipm_suppress_report_unused(const aipm_suppress_list *s, const aipm_doc *doc,
                                 const aipm_ruleset *rs, const aipm_rule *rule, aipm_severity sev,
                                 aipm_diag_list *out);

/** Free what 's' holds; it is empty afterwards. */
void aipm_suppress_release(aipm_suppress_list *s);

#endif
