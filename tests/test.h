/*
 * test.h: what every cmocka test program includes. cmocka needs these system
 * headers first, in this order.
 */
#ifndef AIPM_TEST_H
#define AIPM_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

/* Run the table 'tests', honouring a name filter from argv[1] or AIPM_TEST_FILTER. */
#define AIPM_RUN_TESTS(argc, argv, tests)                                                          \
    do {                                                                                           \
        const char *filter_ = (argc) > 1 ? (argv)[1] : getenv("AIPM_TEST_FILTER");                 \
        if (filter_ && *filter_) {                                                                 \
            cmocka_set_test_filter(filter_);                                                       \
        }                                                                                          \
        return cmocka_run_group_tests(tests, NULL, NULL);                                          \
    } while (0)

#endif
