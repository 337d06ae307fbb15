/* test_explorer_key.c - the set of states an exhaustive exploration has met
 * (engine/runtime/explorer_key.h): two states are one only when their keys are the same bytes,
 * so even when every hash collides, no state is merged with another and so left unexplored. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "runtime/explorer_key.h"

static uint64_t same_hash(const void *p, size_t n)
{
    (void)p;
    (void)n;
    return 42;
}

/* Keys "0".."n-1" into k: all new the first time, none the second. */
static void insert_twice(ExplorerKey *k, int n)
{
    char key[32];
    for (int i = 0; i < n; i++) {
        int len = snprintf(key, sizeof key, "%d", i);
        assert_int_equal(explorer_key_insert(k, key, (size_t)len), 1);
    }
    for (int i = 0; i < n; i++) {
        int len = snprintf(key, sizeof key, "%d", i);
        assert_int_equal(explorer_key_insert(k, key, (size_t)len), 0);
    }
    assert_int_equal(explorer_key_insert(k, "", 0), 1);     /* the empty key is a key too */
    assert_int_equal(explorer_key_insert(k, "", 0), 0);
    assert_int_equal(k->setn, n + 1);
}

static void test_colliding_hashes_keep_states_apart(void **state)
{
    (void)state;
    ExplorerKey k;
    memset(&k, 0, sizeof k);
    k.hash = same_hash;
    insert_twice(&k, 3000);                 /* past the first growth of the set */
    explorer_key_free(&k);
}

static void test_many_keys_with_the_real_hash(void **state)
{
    (void)state;
    ExplorerKey k;
    memset(&k, 0, sizeof k);
    insert_twice(&k, 200000);
    /* a key that is a prefix of another is a different key */
    assert_int_equal(explorer_key_insert(&k, "1234", 3), 0);       /* "123" was met */
    assert_int_equal(explorer_key_insert(&k, "12\0", 3), 1);
    explorer_key_free(&k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_colliding_hashes_keep_states_apart),
        cmocka_unit_test(test_many_keys_with_the_real_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
