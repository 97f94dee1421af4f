/*
 * fuzz/common.h: what the libFuzzer targets share: run one lint result
 * through every registered reporter, writing to /dev/null, so formatting
 * code sees every hostile message, path and source line too.
 *
 * Fuzz harnesses are test code: the ruleset they build once in
 * LLVMFuzzerInitialize lives in a static for the whole process, which the
 * no-mutable-globals rule of STYLE 3.7 allows only here.
 */
#ifndef AIPM_FUZZ_COMMON_H
#define AIPM_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "lint.h"
#include "report/report.h"
#include "ruleset.h"

static inline void aipm_fuzz_report_all(const aipm_ruleset *rs, const aipm_file_result *r,
                                        unsigned char mode) {
    static FILE *sink;
    if (!sink) {
        sink = fopen("/dev/null", "w");
        if (!sink) {
            abort();
        }
    }
    aipm_report_opts ropts = {0};
    ropts.color = mode & 1;
    ropts.show_source = (mode & 2) != 0;
    ropts.quiet = (mode & 4) != 0;
    ropts.rules = rs;
    for (const char *const *name = aipm_report_names(); *name; name++) {
        const aipm_reporter *rep = aipm_report_find(*name);
        if (!rep) {
            abort(); /* the registry lists a name it cannot find */
        }
        rep->write(sink, r, 1, &ropts);
    }
    fflush(sink);
}

#endif
