/* test_idmap.c - the id map (engine/base/idmap.c): lookups by content, first or last value
 * kept as asked, growth past the size it was made for, and reuse after freeing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/idmap.h"

#define MANY 20000

/* MANY distinct keys "id-0", "id-1", ... in one block, so they outlive the map. */
static char (*many_keys(void))[16]
{
    char (*keys)[16] = malloc(MANY * sizeof *keys);
    for (int i = 0; i < MANY; i++) snprintf(keys[i], sizeof keys[i], "id-%d", i);
    return keys;
}

static void test_empty_map_finds_nothing(void **state)
{
    (void)state;
    IdMap zeroed = {0}, made;
    assert_int_equal(idmap_get(&zeroed, "scene"), -1);
    assert_int_equal(idmap_get(&zeroed, NULL), -1);
    idmap_init(&made, 100);
    assert_int_equal(idmap_get(&made, "scene"), -1);
    assert_int_equal(idmap_get(&made, ""), -1);
    idmap_free(&made);
    idmap_free(&zeroed);
}

static void test_keys_compare_by_content(void **state)
{
    (void)state;
    IdMap m = {0};
    char key[] = "aankomst", other[] = "aankomst";
    assert_int_equal(idmap_add(&m, key, 7), -1);
    assert_int_equal(idmap_get(&m, other), 7);
    assert_int_equal(idmap_get(&m, "aankomst "), -1);
    assert_int_equal(idmap_get(&m, "aankoms"), -1);
    assert_int_equal(idmap_add(&m, "", 0), -1);      /* the empty string is a key like any */
    assert_int_equal(idmap_get(&m, ""), 0);
    assert_int_equal((int)m.n, 2);
    idmap_free(&m);
}

static void test_add_keeps_first_put_keeps_last(void **state)
{
    (void)state;
    IdMap m = {0};
    assert_int_equal(idmap_add(&m, "brief", 1), -1);
    assert_int_equal(idmap_add(&m, "brief", 2), 1);
    assert_int_equal(idmap_get(&m, "brief"), 1);
    assert_int_equal(idmap_put(&m, "brief", 3), 1);
    assert_int_equal(idmap_get(&m, "brief"), 3);
    assert_int_equal(idmap_put(&m, "einde", 0), -1);
    assert_int_equal(idmap_get(&m, "einde"), 0);
    assert_int_equal((int)m.n, 2);
    idmap_free(&m);
}

/* From the smallest size, through many growths; every key keeps its value. */
static void test_grows_and_keeps_every_key(void **state)
{
    (void)state;
    char (*keys)[16] = many_keys();
    IdMap m = {0};
    for (int i = 0; i < MANY; i++) assert_int_equal(idmap_add(&m, keys[i], i), -1);
    assert_int_equal((int)m.n, MANY);
    assert_true(m.n * 2 <= m.mask + 1);                 /* at most half full */
    for (int i = 0; i < MANY; i++) assert_int_equal(idmap_get(&m, keys[i]), i);
    char miss[16];
    for (int i = MANY; i < 2 * MANY; i++) {
        snprintf(miss, sizeof miss, "id-%d", i);
        assert_int_equal(idmap_get(&m, miss), -1);
    }
    idmap_free(&m);
    assert_null(m.slot);
    assert_int_equal(idmap_get(&m, keys[0]), -1);        /* freed: empty, and usable again */
    assert_int_equal(idmap_add(&m, keys[0], 5), -1);
    assert_int_equal(idmap_get(&m, keys[0]), 5);
    idmap_free(&m);
    free(keys);
}

/* A map made for its size does not grow: the slots it has at the start are the ones it keeps. */
static void test_sized_map_does_not_grow(void **state)
{
    (void)state;
    char (*keys)[16] = many_keys();
    IdMap m;
    idmap_init(&m, MANY);
    IdMapSlot *slots = m.slot;
    for (int i = 0; i < MANY; i++) idmap_add(&m, keys[i], i);
    assert_ptr_equal(m.slot, slots);
    for (int i = 0; i < MANY; i++) assert_int_equal(idmap_get(&m, keys[i]), i);
    idmap_free(&m);
    free(keys);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_map_finds_nothing),
        cmocka_unit_test(test_keys_compare_by_content),
        cmocka_unit_test(test_add_keeps_first_put_keeps_last),
        cmocka_unit_test(test_grows_and_keeps_every_key),
        cmocka_unit_test(test_sized_map_does_not_grow),
    };
    return cmocka_run_group_tests_name("idmap", tests, NULL, NULL);
}
