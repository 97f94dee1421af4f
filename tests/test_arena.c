/*
 * test_arena: the bump allocator: zeroed, aligned, distinct allocations
 * across chunk boundaries, uninitialised ones, strndup, and reuse after release.
 */
#include "test.h"

#include <stdalign.h>

#include "arena.h"

static void test_arena_alloc_zeroed_and_aligned(void **state) {
    (void)state;
    aipm_arena a = AIPM_ARENA_INIT;
    for (size_t size = 1; size < 300; size += 7) {
        unsigned char *p = aipm_arena_alloc(&a, size);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
        for (size_t i = 0; i < size; i++) {
            assert_int_equal(p[i], 0);
        }
        memset(p, 0xAB, size); /* must not overlap the next one (ASan/valgrind check) */
    }
    aipm_arena_release(&a);
    assert_null(a.head);
}

static void test_arena_allocations_do_not_overlap_across_chunks(void **state) {
    (void)state;
    aipm_arena a = AIPM_ARENA_INIT;
    enum { N = 2000, SZ = 100 }; /* 200 KB: several 64 KiB chunks */
    unsigned char *ptrs[N];
    for (int i = 0; i < N; i++) {
        ptrs[i] = aipm_arena_alloc(&a, SZ);
        memset(ptrs[i], i & 0xFF, SZ);
    }
    for (int i = 0; i < N; i++) {
        for (int k = 0; k < SZ; k++) {
            assert_int_equal(ptrs[i][k], i & 0xFF);
        }
    }
    aipm_arena_release(&a);
}

static void test_arena_large_allocation(void **state) {
    (void)state;
    aipm_arena a = AIPM_ARENA_INIT;
    char *small = aipm_arena_alloc(&a, 10);
    size_t big = 1024 * 1024; /* larger than a chunk */
    unsigned char *p = aipm_arena_alloc(&a, big);
    assert_int_equal(p[0], 0);
    assert_int_equal(p[big - 1], 0);
    memset(p, 1, big);
    small[9] = 'x';
    assert_int_equal(p[0], 1);
    aipm_arena_release(&a);
}

static void test_arena_calloc_and_zero_size(void **state) {
    (void)state;
    aipm_arena a = AIPM_ARENA_INIT;
    int *v = aipm_arena_calloc(&a, 1000, sizeof(int));
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(v[i], 0);
    }
    void *z = aipm_arena_alloc(&a, 0);
    (void)z; /* any pointer, never a crash */
    void *c0 = aipm_arena_calloc(&a, 0, 16);
    (void)c0;
    aipm_arena_release(&a);
}

static void test_arena_strndup(void **state) {
    (void)state;
    aipm_arena a = AIPM_ARENA_INIT;
    const char src[] = {'a', 'b', '\0', 'c'};
    char *s = aipm_arena_strndup(&a, "hello world", 5);
    assert_string_equal(s, "hello");
    char *e = aipm_arena_strndup(&a, "", 0);
    assert_string_equal(e, "");
    char *n = aipm_arena_strndup(&a, src, 4);
    assert_int_equal(memcmp(n, src, 4), 0);
    assert_int_equal(n[4], '\0');
    aipm_arena_release(&a);
}

static void test_arena_alloc_uninit_aligned_and_distinct(void **state) {
    (void)state;
    aipm_arena a = AIPM_ARENA_INIT;
    enum { N = 1000 }; /* sizes 0..999, about 0.5 MB: several 64 KiB chunks */
    unsigned char *ptrs[N];
    for (int i = 0; i < N; i++) {
        ptrs[i] = aipm_arena_alloc_uninit(&a, (size_t)i);
        assert_non_null(ptrs[i]);
        assert_int_equal((uintptr_t)ptrs[i] % alignof(max_align_t), 0);
        memset(ptrs[i], i & 0xFF, (size_t)i); /* the caller fills it (ASan checks the bounds) */
    }
    for (int i = 0; i < N; i++) {
        for (int k = 0; k < i; k++) {
            assert_int_equal(ptrs[i][k], i & 0xFF);
        }
    }
    char *s = aipm_arena_strndup(&a, "after", 5); /* zeroed and uninit ones mix */
    int *z = aipm_arena_calloc(&a, 4, sizeof(int));
    assert_string_equal(s, "after");
    assert_int_equal(z[0] | z[1] | z[2] | z[3], 0);
    aipm_arena_release(&a);
    assert_null(a.head);
}

static void test_arena_reuse_after_release(void **state) {
    (void)state;
    aipm_arena a = AIPM_ARENA_INIT;
    aipm_arena_release(&a); /* releasing an empty arena is fine */
    for (int round = 0; round < 3; round++) {
        char *s = aipm_arena_strndup(&a, "again", 5);
        assert_string_equal(s, "again");
        aipm_arena_release(&a);
        assert_null(a.head);
    }
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alloc_zeroed_and_aligned),
        cmocka_unit_test(test_arena_allocations_do_not_overlap_across_chunks),
        cmocka_unit_test(test_arena_large_allocation),
        cmocka_unit_test(test_arena_calloc_and_zero_size),
        cmocka_unit_test(test_arena_strndup),
        cmocka_unit_test(test_arena_alloc_uninit_aligned_and_distinct),
        cmocka_unit_test(test_arena_reuse_after_release),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}
