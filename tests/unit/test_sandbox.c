/* test_sandbox.c - the Lua sandbox (engine/base/sandbox.h): no dangerous libraries, bounded
 * instructions and memory with the same verdict on every run, clear errors, text chunks only,
 * plain-data copies and JSON, seeded randomness. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <time.h>
#include <sys/wait.h>
#include <cmocka.h>
#include <lauxlib.h>

#include "base/i18n.h"
#include "base/sandbox.h"
#include "common.h"

/* Run `src` in `s` with `nresults` results. Returns 0, or -1 with *err (fresh). */
static int run(Sandbox *s, const char *src, int nresults, char **err)
{
    *err = NULL;
    if (sbx_load(s, src, strlen(src), "=test", err)) return -1;
    return sbx_call(s, 0, nresults, err);
}

/* Run `src`, expecting it to fail; returns the error (fresh). */
static char *run_error(Sandbox *s, const char *src)
{
    char *err = NULL;
    int rc = run(s, src, 0, &err);
    assert_int_equal(rc, -1);
    assert_non_null(err);
    return err;
}

/* Run `src` returning one integer. */
static long long run_int(Sandbox *s, const char *src)
{
    char *err = NULL;
    int rc = run(s, src, 1, &err);
    if (rc) fprintf(stderr, "unexpected error: %s\n", err);
    assert_int_equal(rc, 0);
    lua_State *L = sbx_lua(s);
    assert_true(lua_isinteger(L, -1));
    long long v = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return v;
}

static void test_no_dangerous_globals(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    static const char *const names[] = {
        "io", "os", "package", "debug", "require", "load", "dofile", "loadfile", "loadstring",
        "collectgarbage", "coroutine", NULL,
    };
    lua_State *L = sbx_lua(s);
    for (int i = 0; names[i]; i++) {
        lua_getglobal(L, names[i]);
        if (!lua_isnil(L, -1)) fprintf(stderr, "global '%s' is reachable\n", names[i]);
        assert_true(lua_isnil(L, -1));
        lua_pop(L, 1);
    }
    assert_int_equal(run_int(s, "return string.dump == nil and 1 or 0"), 1);
    assert_int_equal(run_int(s, "return ('').dump == nil and 1 or 0"), 1);
    assert_int_equal(run_int(s, "return math.randomseed == nil and 1 or 0"), 1);
    /* the safe ones are there */
    assert_int_equal(run_int(s, "return #string.rep('ab', 3) + math.floor(2.5) + #table.pack(1, 2)"), 10);
    assert_int_equal(lua_gettop(L), 0);
    sbx_free(s);
}

static void test_calling_removed_functions_errors(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    static const char *const calls[] = {
        "io.open('/etc/passwd')", "os.execute('true')", "require('os')", "load('return 1')",
        "dofile('/etc/passwd')", "loadfile('/etc/passwd')", "string.dump(print or tostring)",
        "debug.getinfo(1)", "package.loadlib('x', 'y')", NULL,
    };
    for (int i = 0; calls[i]; i++) {
        char *err = run_error(s, calls[i]);
        assert_non_null(strstr(err, "attempt to"));
        free(err);
    }
    sbx_free(s);
}

static void test_endless_loop_stops(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    char *err = run_error(s, "while true do end");
    assert_non_null(strstr(err, "too long"));
    free(err);
    /* and the sandbox goes on working */
    assert_int_equal(run_int(s, "return 6 * 7"), 42);
    sbx_free(s);
}

static void test_runaway_table_hits_memory_limit(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    char *err = run_error(s, "local t = {} for i = 1, 1e9 do t[i] = i end");
    assert_non_null(strstr(err, "memory"));
    free(err);
    assert_int_equal(run_int(s, "local t = {} for i = 1, 1000 do t[i] = i end return #t"), 1000);
    sbx_free(s);
}

static void test_huge_string_hits_memory_limit(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    char *err = run_error(s, "local x = string.rep('x', 1e9) return #x");
    assert_non_null(strstr(err, "memory"));
    free(err);
    assert_int_equal(run_int(s, "return #string.rep('x', 1000)"), 1000);
    sbx_free(s);
}

static void test_error_messages(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    char *err = run_error(s, "error({ code = 1 })");
    assert_string_equal(err, "error object is a table value");
    free(err);
    err = run_error(s, "\nlocal x = nil\nreturn x.y");
    assert_string_equal(err, "test:3: attempt to index a nil value (local 'x')");
    free(err);
    err = run_error(s, "error('plain words', 0)");
    assert_string_equal(err, "plain words");
    free(err);
    sbx_free(s);
}

static void test_syntax_error_names_chunk_and_line(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    char *err = NULL;
    const char *src = "local a = 1\nlocal b = = 2\n";
    assert_int_equal(sbx_load(s, src, strlen(src), "@scripts/x.lua", &err), -1);
    assert_non_null(err);
    assert_true(strncmp(err, "scripts/x.lua:2:", 16) == 0);
    free(err);
    assert_int_equal(lua_gettop(sbx_lua(s)), 0);
    sbx_free(s);
}

/* lua_Writer collecting a dump into a memstream. */
static int dump_writer(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    return fwrite(p, 1, n, ud) == n ? 0 : 1;
}

static void test_binary_chunks_refused(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    char *err = NULL;
    /* a real binary chunk, dumped from a plain Lua state */
    lua_State *plain = luaL_newstate();
    assert_int_equal(luaL_loadstring(plain, "return 1"), LUA_OK);
    char *bin = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&bin, &len);
    assert_int_equal(lua_dump(plain, dump_writer, f, 0), 0);
    fclose(f);
    lua_close(plain);
    assert_true(len > 4 && memcmp(bin, "\x1bLua", 4) == 0);
    assert_int_equal(sbx_load(s, bin, len, "=bin", &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "binary"));
    free(err);
    free(bin);
    /* just the signature is refused too */
    const char fake[] = "\x1bLua and then anything";
    assert_int_equal(sbx_load(s, fake, sizeof fake - 1, "=bin", &err), -1);
    assert_non_null(strstr(err, "binary"));
    free(err);
    assert_int_equal(lua_gettop(sbx_lua(s)), 0);
    sbx_free(s);
}

static void test_copy_plain_data(void **state)
{
    (void)state;
    Sandbox *a = sbx_new(1), *b = sbx_new(2);
    lua_State *A = sbx_lua(a), *B = sbx_lua(b);
    char *err = NULL;
    assert_int_equal(run(a, "return { n = 3, x = 1.5, ok = true, name = 'ana', list = { 'p', 'q' }, "
                            "deep = { deeper = { v = 7 } } }", 1, &err), 0);
    assert_int_equal(sbx_copy(A, -1, B), 0);
    assert_int_equal(lua_gettop(A), 1);
    assert_int_equal(lua_gettop(B), 1);
    lua_setglobal(B, "t");
    assert_int_equal(run_int(b, "return t.n + #t.list + t.deep.deeper.v + (t.ok and 100 or 0)"), 112);
    assert_int_equal(run_int(b, "return (t.name == 'ana' and t.list[2] == 'q' and t.x == 1.5) and 1 or 0"), 1);
    /* a copy, not a shared table: changing it in b leaves a alone */
    assert_int_equal(run(b, "t.n = 99", 0, &err), 0);
    lua_getfield(A, -1, "n");
    assert_int_equal(lua_tointeger(A, -1), 3);
    lua_settop(A, 0);
    sbx_free(a);
    sbx_free(b);
}

static void test_copy_refuses_functions_and_cycles(void **state)
{
    (void)state;
    Sandbox *a = sbx_new(1), *b = sbx_new(2);
    lua_State *A = sbx_lua(a), *B = sbx_lua(b);
    char *err = NULL;
    static const char *const bad[] = {
        "return function() end",
        "return { x = 1, f = function() end }",
        "return { inner = { inner = { print = tostring } } }",
        "local t = { a = 1 } t.self = t return t",
        "local t = {} t[{}] = 1 return t",
        NULL,
    };
    for (int i = 0; bad[i]; i++) {
        assert_int_equal(run(a, bad[i], 1, &err), 0);
        assert_int_equal(sbx_copy(A, -1, B), -1);
        /* nothing pushed on the target, the source left as it was */
        assert_int_equal(lua_gettop(B), 0);
        assert_int_equal(lua_gettop(A), 1);
        lua_settop(A, 0);
    }
    sbx_free(a);
    sbx_free(b);
}

static void test_json_round_trip(void **state)
{
    (void)state;
    Sandbox *a = sbx_new(1), *b = sbx_new(2);
    lua_State *A = sbx_lua(a), *B = sbx_lua(b);
    char *err = NULL;
    assert_int_equal(run(a, "return { trust = -2, ratio = 0.25, said = true, who = 'Bart', "
                            "seen = { 'koffie', 'hoeken' }, nested = { a = { b = 'c' } } }", 1, &err), 0);
    json_object *j = sbx_to_json(A, -1);
    assert_non_null(j);
    json_object *v;
    assert_true(json_object_object_get_ex(j, "trust", &v));
    assert_int_equal(json_object_get_int(v), -2);
    assert_true(json_object_object_get_ex(j, "who", &v));
    assert_string_equal(json_object_get_string(v), "Bart");
    /* through text and back, as a snapshot would go */
    json_object *parsed = json_tokener_parse(json_object_to_json_string(j));
    assert_non_null(parsed);
    sbx_push_json(B, parsed);
    lua_setglobal(B, "t");
    assert_int_equal(run_int(b, "return (t.trust == -2 and t.ratio == 0.25 and t.said == true and "
                                "t.who == 'Bart' and t.seen[1] == 'koffie' and t.seen[2] == 'hoeken' and "
                                "#t.seen == 2 and t.nested.a.b == 'c') and 1 or 0"), 1);
    lua_getglobal(B, "t");
    json_object *again = sbx_to_json(B, -1);
    assert_true(json_object_equal(j, again));
    json_object_put(again);
    json_object_put(parsed);
    json_object_put(j);
    lua_settop(A, 0);
    lua_settop(B, 0);
    sbx_free(a);
    sbx_free(b);
}

/* sbx_to_json gives NULL for what is not plain data, as sandbox.h says: a function once came back
 * as the JSON string "function", and a character state holding one was journalled and restored
 * as a string. */
static void test_json_of_function_is_null(void **state)
{
    (void)state;
    Sandbox *a = sbx_new(1);
    char *err = NULL;
    assert_int_equal(run(a, "return function() end", 1, &err), 0);
    json_object *j = sbx_to_json(sbx_lua(a), -1);
    if (j) fprintf(stderr, "sbx_to_json(function) gave %s\n", json_object_to_json_string(j));
    int is_null = j == NULL;
    json_object_put(j);
    sbx_free(a);
    assert_true(is_null);
}

static void test_random_is_seeded(void **state)
{
    (void)state;
    const char *src = "local t = {} for i = 1, 5 do t[i] = math.random(1, 1000000) end "
                      "return t[1] * 1 + t[2] * 3 + t[3] * 7 + t[4] * 11 + t[5] * 13";
    Sandbox *a = sbx_new(42), *b = sbx_new(42), *c = sbx_new(43);
    long long x = run_int(a, src), y = run_int(b, src), z = run_int(c, src);
    assert_true(x == y);
    assert_true(x != z);
    sbx_free(a);
    sbx_free(b);
    sbx_free(c);
}

static void test_text_picks_language(void **state)
{
    (void)state;
    Sandbox *a = sbx_new(1);
    lua_State *L = sbx_lua(a);
    char *err = NULL;
    assert_int_equal(run(a, "return { nl = 'hallo', en = 'hello' }, { nl = 'alleen' }, 'plain', 5", 4, &err), 0);
    assert_string_equal(sbx_text(L, 1, "en", "nl"), "hello");
    assert_string_equal(sbx_text(L, 1, "nl", "en"), "hallo");
    assert_string_equal(sbx_text(L, 2, "en", "nl"), "alleen");
    assert_string_equal(sbx_text(L, 2, "fr", "de"), "alleen");
    assert_string_equal(sbx_text(L, 3, "en", "nl"), "plain");
    assert_null(sbx_text(L, 4, "en", "nl"));
    lua_settop(L, 0);
    sbx_free(a);
}

static void loop_behind_pcall(void)
{
    Sandbox *s = sbx_new(1);
    char *err = NULL;
    int rc = run(s, "pcall(function() while true do end end) while true do end", 0, &err);
    int ok = rc == -1 && err && strstr(err, "too long");
    free(err);
    sbx_free(s);
    _exit(ok ? 0 : 3);
}

/* The limit holds after a script catches its error with pcall: `pcall(function() while true do
 * end end) while true do end` is stopped too (the hook once cleared the limit before raising the
 * error, and the second loop ran for ever). */
static void test_limits_survive_pcall(void **state)
{
    (void)state;
    assert_true(finishes_in_time(loop_behind_pcall, 3));
}

static void finalizer_loop(void)
{
    Sandbox *s = sbx_new(1);
    char *err = NULL;
    int rc = run(s, "setmetatable({}, { __gc = function() while true do end end })", 0, &err);
    sbx_free(s);
    _exit(rc == 0 ? 0 : 3);
}

/* A __gc finalizer is limited too, though it runs outside any call (when the state is closed, or
 * in the full collection after an error): one that loops cannot hang closing the sandbox. */
static void test_finalizer_cannot_hang_close(void **state)
{
    (void)state;
    assert_true(finishes_in_time(finalizer_loop, 3));
}

/* A loop of `n` iterations is `n` FORLOOP instructions and a handful more: just under the
 * budget it ends, just over it stops, and each run says the same. */
static void test_same_verdict_near_the_limit(void **state)
{
    (void)state;
    char under[64], over[64];
    snprintf(under, sizeof under, "for i = 1, %ld do end", SBX_INSTR_LIMIT - 5000);
    snprintf(over, sizeof over, "for i = 1, %ld do end", SBX_INSTR_LIMIT + 5000);
    for (int run_no = 0; run_no < 3; run_no++) {
        Sandbox *s = sbx_new(1);
        char *err = NULL;
        assert_int_equal(run(s, under, 0, &err), 0);
        err = run_error(s, over);
        assert_string_equal(err, "test:1: script ran too long (instruction limit reached)");
        free(err);
        sbx_free(s);
    }
}

/* Work done in C counts as well, so a loop of few instructions that each copy a megabyte stops,
 * always after the same number of rounds. */
static void test_work_in_c_counts_the_same_every_run(void **state)
{
    (void)state;
    static const char *const loops[] = {
        "n = 0 local s = string.rep('x', 1 << 20) while true do n = n + 1 local u = s:upper() end",
        "n = 0 local t = {} for i = 1, 100000 do t[i] = i end "
        "while true do n = n + 1 table.insert(t, 1, 0) table.remove(t, 1) end",
    };
    for (int l = 0; l < 2; l++) {
        long long first = -1;
        for (int run_no = 0; run_no < 3; run_no++) {
            Sandbox *s = sbx_new(1);
            char *err = run_error(s, loops[l]);
            assert_non_null(strstr(err, "instruction limit reached"));
            free(err);
            lua_State *L = sbx_lua(s);
            lua_getglobal(L, "n");
            long long n = lua_tointeger(L, -1);
            lua_pop(L, 1);
            assert_true(n > 0);
            if (first < 0) first = n;
            assert_int_equal(n, first);
            sbx_free(s);
        }
    }
}

/* The table functions are charged for the items they move, but ordinary use stays far within
 * the budget, and a span that would overflow is refused, not wrapped round. */
static void test_table_functions_charged(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    assert_int_equal(run_int(s, "local t = {} for i = 1, 2000 do table.insert(t, 1, i) end "
                                "table.sort(t) return t[1] + #table.concat(t, ',') * 0 + #t"),
                     1 + 2000);
    char *err = run_error(s, "table.move({}, math.mininteger, math.maxinteger, 1)");
    assert_non_null(strstr(err, "instruction limit reached"));
    free(err);
    assert_int_equal(run_int(s, "return table.remove({1, 2, 3}, 1)"), 1);
    sbx_free(s);
}

/* Calls that Lua would spend for ever on without returning to the count hook: a handler run
 * with hooks off, single calls into C. Each ends with its verdict (NULL: it succeeds). */
static const struct {
    const char *src, *verdict;
} escapes[] = {
    {"xpcall(function() while true do end end, function(m) while true do end end)", "instruction limit"},
    {"while true do xpcall(error, function(m) while true do end end) end", "instruction limit"},
    {"return #string.rep('', 1 << 62) + #(''):rep(1 << 62, '')", NULL},
    {"table.move({}, 1, 1 << 62, 2)", "instruction limit"},
    {"return table.concat(setmetatable({}, {__index = table.concat}), '', 1, 1 << 62)", "instruction limit"},
    {"return string.find(12345678901234567890, string.rep('(.-)', 30) .. 'x')", "pattern too complex"},
    {"return string.rep('(', 1 << 20):find('%b()')", "pattern too complex"},
    {"return string.rep('ab', 1 << 19):find('(.*)%1x')", "pattern too complex"},
    {"return string.rep('a', 8 << 20):find(string.rep('a', 4 << 20) .. 'b', 1, true)", "instruction limit"},
    {"return string.rep('a', 8 << 20):find(string.rep('a', 4 << 20) .. 'b')", "instruction limit"},
    {"return string.rep('a', 8 << 20):match(string.rep('a', 4 << 20) .. 'b')", "pattern too complex"},
};

static void escapes_in_c(void)
{
    for (size_t i = 0; i < sizeof escapes / sizeof *escapes; i++) {
        Sandbox *s = sbx_new(1);
        char *err = NULL;
        int rc = run(s, escapes[i].src, 0, &err);
        int ok = escapes[i].verdict ? rc == -1 && err && strstr(err, escapes[i].verdict) : rc == 0;
        if (!ok) fprintf(stderr, "%s: %s\n", escapes[i].src, err ? err : "no error");
        free(err);
        sbx_free(s);
        if (!ok) _exit(3);
    }
    _exit(0);
}

/* Each stops with its verdict, and fast: the seconds here only catch a hang. */
static void test_no_escape_through_c_or_handlers(void **state)
{
    (void)state;
    assert_true(finishes_in_time(escapes_in_c, 30));
}

/* What ordinary scripts do with the same functions is unchanged. */
static void test_guarded_functions_still_work(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    assert_int_equal(run_int(s, "local ok, m = xpcall(error, function(m) return #m end, 'boom') return m"), 4);
    assert_int_equal(run_int(s, "return select('#', xpcall(function(a, b) return a + b end, error, 1, 2))"), 2);
    assert_int_equal(run_int(s, "return #string.rep('ab', 3, ',') + #string.rep(5, 3)"), 8 + 3);
    assert_int_equal(run_int(s, "return (string.find(12345, 34))"), 3);
    assert_int_equal(run_int(s, "return #string.rep(' x ', 300):match('^%s*(.-)%s*$')"), 898);
    assert_int_equal(run_int(s, "return (string.rep('x', 1 << 20) .. 'needle'):find('needle', 1, true)"), (1 << 20) + 1);
    assert_int_equal(run_int(s, "return (('((a)(b))'):rep(100):find('%b()'))"), 1);
    sbx_free(s);
}

/* Sleeps for 1.5 s: longer than any time limit a sandbox has had. */
static int slow_host_call(lua_State *L)
{
    struct timespec nap = {1, 500000000L};
    while (nanosleep(&nap, &nap) != 0) {}
    lua_pushinteger(L, 7);
    return 1;
}

/* A call that takes long on the clock but does little work is not stopped: no limit reads
 * the clock, so a busy machine cannot change a verdict. */
static void test_verdict_does_not_depend_on_the_clock(void **state)
{
    (void)state;
    Sandbox *s = sbx_new(1);
    lua_State *L = sbx_lua(s);
    lua_pushcfunction(L, slow_host_call);
    lua_setglobal(L, "slow");
    assert_int_equal(run_int(s, "local x = 0 for i = 1, 1000 do x = x + i end return slow() + x"),
                     7 + 500500);
    sbx_free(s);
}

int main(void)
{
    setenv("VERBEELD_DATADIR", ".", 1);
    i18n_init("en");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_dangerous_globals),
        cmocka_unit_test(test_calling_removed_functions_errors),
        cmocka_unit_test(test_endless_loop_stops),
        cmocka_unit_test(test_same_verdict_near_the_limit),
        cmocka_unit_test(test_work_in_c_counts_the_same_every_run),
        cmocka_unit_test(test_verdict_does_not_depend_on_the_clock),
        cmocka_unit_test(test_table_functions_charged),
        cmocka_unit_test(test_runaway_table_hits_memory_limit),
        cmocka_unit_test(test_huge_string_hits_memory_limit),
        cmocka_unit_test(test_error_messages),
        cmocka_unit_test(test_syntax_error_names_chunk_and_line),
        cmocka_unit_test(test_binary_chunks_refused),
        cmocka_unit_test(test_copy_plain_data),
        cmocka_unit_test(test_copy_refuses_functions_and_cycles),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_json_of_function_is_null),
        cmocka_unit_test(test_random_is_seeded),
        cmocka_unit_test(test_text_picks_language),
        cmocka_unit_test(test_limits_survive_pcall),
        cmocka_unit_test(test_no_escape_through_c_or_handlers),
        cmocka_unit_test(test_guarded_functions_still_work),
        cmocka_unit_test(test_finalizer_cannot_hang_close),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
