/*
 * diag: one finding (a diagnostic) and the list a lint run collects.
 *
 * A diagnostic owns its message and suggestion; 'rule' points into the
 * ruleset, which outlives every result. Positions are 1-based; columns count
 * code points; the end is exclusive ('end_col' is one past the last
 * character), as in LSP and SARIF.
 */
#ifndef AIPM_DIAG_H
#define AIPM_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

typedef enum aipm_severity {
    AIPM_SEV_INFO = 0,
    AIPM_SEV_WARNING = 1,
    AIPM_SEV_ERROR = 2
} aipm_severity;

typedef struct aipm_diag {
    const char *rule; /* rule id, borrowed from the ruleset */
    aipm_severity severity;
    char *message;    /* owned */
    char *suggestion; /* owned replacement text, or NULL */
    uint32_t line, col, end_line, end_col;
    uint32_t start, end; /* source byte offsets of the span */
} aipm_diag;

typedef struct aipm_diag_list {
    aipm_diag *items;
    size_t n;
    size_t cap;
} aipm_diag_list;

#define AIPM_DIAG_LIST_INIT                                                                        \
    { NULL, 0, 0 }

/** Return "error", "warning" or "info". */
const char *aipm_severity_name(aipm_severity sev);

/** Parse a severity name into '*out'; return -1 when it is none of the three. */
int aipm_severity_parse(const char *name, aipm_severity *out);

/** Append 'd' to 'list', which takes ownership of its strings. */
void aipm_diag_list_add(aipm_diag_list *list, const aipm_diag *d);

/** Sort by position, then rule id, then message: the order every reporter prints. */
void aipm_diag_list_sort(aipm_diag_list *list);

/** Free every diagnostic and the array; 'list' is empty afterwards. */
void aipm_diag_list_release(aipm_diag_list *list);

/* Values a message template may name: {match}, {suggestion}, {count}, {limit}, {section}... */
typedef struct aipm_tvars {
    const char *match; /* {match}: the matched text (need not be NUL-terminated) */
    size_t match_len;
    const char *suggestion; /* {suggestion}; also the diagnostic's replacement */
    long count;             /* {count} */
    long limit;             /* {limit}, also {min} and {max} */
    const char *section;    /* {section}: title of the enclosing section */
    const char *kind;       /* {kind}: the document kind */
    const char *rule;       /* {rule}: the rule id */
    const char *missing;    /* {missing}: e.g. the names of groups that did not match */
} aipm_tvars;

/**
 * Append 'tmpl' to 'out' with every {name} replaced from 'v'; unknown names
 * are kept as written, '{{' and '}}' write a literal brace. {match} is shortened to 80 code points
 * with an ellipsis and has its white space folded.
 */
void aipm_template_expand(aipm_buf *out, const char *tmpl, const aipm_tvars *v);

#endif
