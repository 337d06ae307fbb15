/* test_luanames.c - the names a piece of Lua reads bare (engine/base/luanames.c): what check
 * reports as "'grens' is not a name here". Fields, keys, keywords, strings, comments and
 * numbers are not names read; a piece that declares its own names is read up to there. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/luanames.h"

static int collect(const char *name, size_t n, void *ud)
{
    char *out = ud;
    if (*out) strcat(out, " ");
    strncat(out, name, n);
    return 0;
}

/* The names `src` reads bare, separated by spaces. */
static const char *names(const char *src)
{
    static char out[256];
    out[0] = '\0';
    luanames_each(src, collect, out);
    return out;
}

static void test_bare_names_and_fields(void **state)
{
    (void)state;
    assert_string_equal(names("grens >= 2"), "grens");
    assert_string_equal(names("vars.grens >= 2"), "vars");
    assert_string_equal(names("chars.collega.trust <= -3 or not gebeld"), "chars gebeld");
    assert_string_equal(names("string.format('%d', x):len() > 0"), "string x");
    assert_string_equal(names("vars.a .. b"), "vars b");
}

static void test_keywords_numbers_and_keys_are_no_names(void **state)
{
    (void)state;
    assert_string_equal(names("true and nil == false"), "");
    assert_string_equal(names("vars.x > 1e5 or vars.y < 0x1F or vars.z == 2.5"), "vars vars vars");
    assert_string_equal(names("select('#', { a = 1, b = c }) == 1"), "select c");
    assert_string_equal(names("vars.x = vars.x + 1"), "vars vars");
}

static void test_strings_and_comments_are_passed_over(void **state)
{
    (void)state;
    assert_string_equal(names("'moed' == \"angst \\\" durf\""), "");
    assert_string_equal(names("[[ lang ]] == [==[ ook ]] nog ]==] and x"), "x");
    assert_string_equal(names("x -- y is a comment\n and z"), "x z");
    assert_string_equal(names("--[[ y\n w ]] x"), "x");
    assert_string_equal(names("'unclosed"), "");
    assert_string_equal(names("[==[ unclosed"), "");
}

static void test_declared_names_end_the_reading(void **state)
{
    (void)state;
    assert_string_equal(names("a and (function(b) return b end)(c)"), "a");
    assert_string_equal(names("vars.x = 1 local y = z"), "vars");
}

static int stop_at_second(const char *name, size_t n, void *ud)
{
    (void)name;
    (void)n;
    return ++*(int *)ud == 2 ? 7 : 0;
}

static void test_the_callback_stops_the_reading(void **state)
{
    (void)state;
    int seen = 0;
    assert_int_equal(luanames_each("a + b + c", stop_at_second, &seen), 7);
    assert_int_equal(seen, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bare_names_and_fields),
        cmocka_unit_test(test_keywords_numbers_and_keys_are_no_names),
        cmocka_unit_test(test_strings_and_comments_are_passed_over),
        cmocka_unit_test(test_declared_names_end_the_reading),
        cmocka_unit_test(test_the_callback_stops_the_reading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
