/*
 * ruleset_test.h: load a rule file from a string for a test, the one way
 * every test program that needs a ruleset does it. Include after test.h.
 */
#ifndef AIPM_RULESET_TEST_H
#define AIPM_RULESET_TEST_H

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "ruleset.h"

/*
 * Load 'yaml' as "rules.yaml" into 'rs' (emptied first) and finish it.
 * Returns 0; or -1 with the formatted error in '*error' (when not NULL; the
 * caller frees it) or else printed on stderr.
 */
static inline int rt_load_rules(aipm_ruleset *rs, const char *yaml, char **error) {
    aipm_error err = AIPM_ERROR_INIT;
    memset(rs, 0, sizeof(*rs));
    if (aipm_ruleset_load(rs, "rules.yaml", yaml, strlen(yaml), false, &err) == 0 &&
        aipm_ruleset_finish(rs, &err) == 0) {
        return 0;
    }
    aipm_buf out = AIPM_BUF_INIT;
    aipm_error_format(&err, &out);
    aipm_error_release(&err);
    if (error) {
        *error = aipm_buf_detach(&out);
    } else {
        fputs(out.ptr, stderr);
        aipm_buf_release(&out);
    }
    return -1;
}

/* Assert the heap string 'got' equals 'want', then free it. */
#define RT_STR_EQ(got, want)                                                                       \
    do {                                                                                           \
        char *got_ = (got);                                                                        \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

#endif
