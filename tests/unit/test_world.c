/* test_world.c - the world's conditions (engine/runtime/world.h): a condition `vars.NAME OP NUMBER` is
 * compared in C, and only compiled into Lua when C cannot compare as Lua does; visit counts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common.h"
#include "model/load.h"
#include "model/scenario.h"
#include "runtime/world.h"

/* The condition of choice `k` of the first scene, after that scene's <lua> effect ran. */
static int test_choice(Scenario *s, World *w, int k)
{
    char *err = NULL;
    int yes = world_test(w, s->scenes[0].choices[k].cond, &err);
    assert_null(err);
    return yes;
}

/* The world of the fixture `name`, whose model goes to *s. */
static World *world_of(const char *name, Scenario **s, DiagList *d)
{
    char path[256];
    snprintf(path, sizeof path, "tests/unit/fixtures/%s.xml", name);
    diag_init(d);
    *s = load_scenario(path, &lx, d);
    if (!*s) diag_print(d, stderr);
    assert_non_null(*s);
    World *w = world_new(*s, 1, d);
    assert_non_null(w);
    return w;
}

static void test_integer_beyond_2_53_compared_as_lua_does(void **state)
{
    (void)state;
    DiagList d;
    Scenario *s;
    World *w = world_of("bignum", &s, &d);
    char *err = NULL;
    assert_int_equal(world_apply(w, &s->scenes[0].effects[0], &err), 0);
    assert_null(err);
    /* 2^53 + 1 against a float: Lua compares (the condition is compiled now) */
    assert_int_equal(test_choice(s, w, 0), 0);
    assert_int_equal(test_choice(s, w, 1), 1);
    assert_int_equal(test_choice(s, w, 2), 0);
    /* and back within range, the same conditions in C */
    world_set_var(w, 0, 1);
    assert_int_equal(test_choice(s, w, 0), 0);
    assert_int_equal(test_choice(s, w, 1), 0);
    assert_int_equal(test_choice(s, w, 2), 1);
    world_free(w);
    scenario_free(s);
    diag_free(&d);
}

/* A whole number stays an integer, as in Lua: adding 1 and taking it away again gives the state
 * the world started in (explore --exhaustive counts it once), and a half stays a fraction. */
static void test_whole_numbers_stay_integers(void **state)
{
    (void)state;
    DiagList d;
    Scenario *s;
    World *w = world_of("bignum", &s, &d);
    json_object *before = world_snapshot(w);    /* as the scenario declares it: an integer */
    world_set_var(w, 0, world_var(w, 0) + 1);
    world_set_var(w, 0, world_var(w, 0) - 1);
    json_object *after = world_snapshot(w);
    assert_string_equal(json_object_to_json_string(before), json_object_to_json_string(after));
    world_set_var(w, 0, 2.5);
    json_object *half = world_snapshot(w);
    assert_non_null(strstr(json_object_to_json_string(half), "2.5"));
    json_object_put(before);
    json_object_put(after);
    json_object_put(half);
    world_free(w);
    scenario_free(s);
    diag_free(&d);
}

/* A condition `vars.NAME OP NUMBER` is compared in C: for every value it says what Lua says of
 * the same condition (each choice's twin has it in parentheses, which only Lua compares). */
static void test_conditions_in_c_agree_with_lua(void **state)
{
    (void)state;
    DiagList d;
    Scenario *s;
    World *w = world_of("native", &s, &d);
    const double values[] = {-8, -7, -2.5, -2, -1.5, -1, -0.5, 0, 0.25, 0.5, 1, 2, 3, 12,
                             123456789012345, 123456789012346, 1e300};
    for (size_t v = 0; v < sizeof values / sizeof *values; v++) {
        world_set_var(w, 0, values[v]);
        for (int k = 0; k + 1 < s->scenes[0].nchoices; k += 2)
            if (test_choice(s, w, k) != test_choice(s, w, k + 1)) {
                fprintf(stderr, "x = %g: C and Lua differ on choice %d\n", values[v], k);
                fail();
            }
    }
    world_free(w);
    scenario_free(s);
    diag_free(&d);
}

/* visited.SCENE: the world holds only the scenes entered, and still reads 0 for the others and
 * lists them all. */
static void test_visited_reads_every_scene(void **state)
{
    (void)state;
    DiagList d;
    Scenario *s;
    World *w = world_of("visits", &s, &d);
    world_visit(w, 0);
    world_visit(w, 0);
    world_visit(w, 2);
    assert_int_equal(test_choice(s, w, 0), 1);
    assert_int_equal(test_choice(s, w, 1), 1);
    assert_int_equal(test_choice(s, w, 2), 1);
    world_visit(w, 1);
    assert_int_equal(test_choice(s, w, 0), 0);
    assert_int_equal(test_choice(s, w, 2), 0);       /* yard=1 now */
    world_free(w);
    scenario_free(s);
    diag_free(&d);
}

int main(void)
{
    setenv("VERBEELD_DATADIR", ".", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integer_beyond_2_53_compared_as_lua_does),
        cmocka_unit_test(test_whole_numbers_stay_integers),
        cmocka_unit_test(test_conditions_in_c_agree_with_lua),
        cmocka_unit_test(test_visited_reads_every_scene),
    };
    return cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
}
