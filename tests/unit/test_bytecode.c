/* test_bytecode.c - scripts compiled once (engine/base/bytecode.c): a script loaded from the
 * cache runs as the text does and its errors name the same file and line; a kept dump that is
 * damaged in any way is passed over, removed and written anew; text that does not compile gives
 * Lua's own message and is never kept; with the cache off nothing is written. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "base/bytecode.h"
#include "base/cachedir.h"
#include "base/util.h"

static char dir[] = "/tmp/vb-test-bytecode-XXXXXX";

/* A script: its third line raises an error with the argument when it is "boom". */
static const char script[] = "local x = ...\n"
                             "if x == 'boom' then\n"
                             "  error('it went ' .. x)\n"
                             "end\n"
                             "return 6 * 7\n";

/* The one kept dump in the folder (a fresh string), or NULL when there is none. */
static char *kept_dump(void)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *found = NULL;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (strstr(e->d_name, ".luac") && !strchr(strstr(e->d_name, ".luac") + 1, '.')) {
            free(found);
            found = xasprintf("%s/%s", dir, e->d_name);
            n++;
        }
    closedir(d);
    assert_true(n <= 1);
    return found;
}

/* Load the script into a fresh state and run it with `arg`: the number it returns, or -1 with
 * the error in *err (a fresh string). */
static int run(const char *arg, char **err)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    *err = NULL;
    int result = -1;
    if (bytecode_load(L, script, sizeof script - 1, "@scripts/answer.lua") != LUA_OK) {
        *err = xstrdup(lua_tostring(L, -1));
    } else {
        lua_pushstring(L, arg);
        if (lua_pcall(L, 1, 1, 0) == LUA_OK) result = (int)lua_tointeger(L, -1);
        else *err = xstrdup(lua_tostring(L, -1));
    }
    lua_close(L);
    return result;
}

static void remove_all(void)
{
    char *dump;
    while ((dump = kept_dump())) {
        unlink(dump);
        free(dump);
    }
}

/* An empty folder, the script run once: the dump it kept (a fresh string). */
static char *answer_kept(void)
{
    remove_all();
    char *err;
    assert_int_equal(run("x", &err), 42);
    char *dump = kept_dump();
    assert_non_null(dump);
    return dump;
}

/* The script's error names its file and the line of the error, as the text does. */
static void assert_error_named(void)
{
    char *err;
    assert_int_equal(run("boom", &err), -1);
    assert_string_equal(err, "scripts/answer.lua:3: it went boom");
    free(err);
}

static void write_back(const char *dump, const unsigned char *b, size_t len)
{
    FILE *f = fopen(dump, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, len, f), len);
    fclose(f);
}

/* `body` as a kept dump: behind the magic, its length and its checksum, as bytecode.c writes. */
static void write_sealed(const char *dump, const void *body, size_t n)
{
    unsigned char *b = xmalloc(24 + n);
    memcpy(b, "VBCHUNK", 8);
    cachedir_put_u64(b + 8, n);
    cachedir_put_u64(b + 16, XXH3_64bits(body, n));
    memcpy(b + 24, body, n);
    write_back(dump, b, 24 + n);
    free(b);
}

static void test_kept_and_used(void **state)
{
    (void)state;
    char *dump = answer_kept(), *err;
    struct stat st;
    assert_int_equal(stat(dump, &st), 0);
    assert_int_equal(run("x", &err), 42);
    assert_error_named();
    struct stat st2;
    assert_int_equal(stat(dump, &st2), 0);
    assert_int_equal(st.st_ino, st2.st_ino);                             /* used, not written anew */
    free(dump);
}

static int add_to(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    sb_addn(ud, p, n);
    return 0;
}

/* What is run is the kept dump: put a sound dump of other code in its place, and that runs. */
static void test_the_dump_is_what_runs(void **state)
{
    (void)state;
    char *dump = answer_kept(), *err;
    lua_State *L = luaL_newstate();
    assert_int_equal(luaL_loadstring(L, "return 7"), LUA_OK);
    StrBuf code;
    sb_init(&code);
    assert_int_equal(lua_dump(L, add_to, &code, 0), 0);
    lua_close(L);
    write_sealed(dump, code.s, code.len);
    assert_int_equal(run("x", &err), 7);
    sb_free(&code);
    free(dump);
}

typedef void (*Spoil)(const char *dump, unsigned char *b, size_t len);

/* Keep the script's dump, spoil it, run the script: it still runs (from its text) and a sound
 * dump is kept in its place. */
static void survives(Spoil spoil)
{
    char *dump = answer_kept(), *err;
    size_t len;
    unsigned char *b = (unsigned char *)read_file(dump, 1u << 20, &len);
    assert_non_null(b);
    spoil(dump, b, len);
    free(b);
    assert_int_equal(run("x", &err), 42);
    assert_error_named();
    size_t len2;
    unsigned char *b2 = (unsigned char *)read_file(dump, 1u << 20, &len2);
    assert_non_null(b2);
    assert_int_equal(len2, len);                                        /* written anew, whole */
    free(b2);
    free(dump);
}

static void flip_a_byte(const char *dump, unsigned char *b, size_t len) { b[len - 3] ^= 0x40; write_back(dump, b, len); }
static void cut_short(const char *dump, unsigned char *b, size_t len) { write_back(dump, b, len / 2); }
static void other_magic(const char *dump, unsigned char *b, size_t len) { b[0] = 'X'; write_back(dump, b, len); }
static void emptied(const char *dump, unsigned char *b, size_t len) { (void)len; write_back(dump, b, 0); }

/* The checksum made to match, but the dump itself is not Lua's: Lua refuses it. */
static void sealed_garbage(const char *dump, unsigned char *b, size_t len)
{
    for (size_t i = 24; i < len; i++) b[i] = (unsigned char)(i * 31);
    write_sealed(dump, b + 24, len - 24);
}

static void test_flipped_byte(void **state) { (void)state; survives(flip_a_byte); }
static void test_cut_short(void **state) { (void)state; survives(cut_short); }
static void test_other_magic(void **state) { (void)state; survives(other_magic); }
static void test_emptied(void **state) { (void)state; survives(emptied); }
static void test_sealed_garbage(void **state) { (void)state; survives(sealed_garbage); }

static void test_syntax_error_is_luas_and_not_kept(void **state)
{
    (void)state;
    remove_all();
    lua_State *L = luaL_newstate();
    const char bad[] = "return (\n";
    assert_int_equal(bytecode_load(L, bad, sizeof bad - 1, "@bad.lua"), LUA_ERRSYNTAX);
    char *ours = xstrdup(lua_tostring(L, -1));
    lua_pop(L, 1);
    assert_int_equal(luaL_loadbufferx(L, bad, sizeof bad - 1, "@bad.lua", "t"), LUA_ERRSYNTAX);
    assert_string_equal(ours, lua_tostring(L, -1));
    free(ours);
    lua_close(L);
    assert_null(kept_dump());
}

static void test_off_writes_nothing(void **state)
{
    (void)state;
    remove_all();
    setenv("VERBEELD_CACHE", "off", 1);
    char *err;
    assert_int_equal(run("x", &err), 42);
    assert_int_equal(run("x", &err), 42);
    setenv("VERBEELD_CACHE", dir, 1);
    assert_null(kept_dump());
}

/* bytecode_load_kept loads only what an earlier load kept: it never compiles the text (the
 * world relies on it: a kept batch of conditions means every piece in it parsed alone). */
static void test_kept_only(void **state)
{
    (void)state;
    remove_all();
    lua_State *L = luaL_newstate();
    int top = lua_gettop(L);
    assert_int_equal(bytecode_load_kept(L, script, sizeof script - 1, "@scripts/answer.lua"), -1);
    assert_int_equal(lua_gettop(L), top);                               /* nothing pushed */
    assert_null(kept_dump());                                           /* nor compiled and kept */
    assert_int_equal(bytecode_load(L, script, sizeof script - 1, "@scripts/answer.lua"), LUA_OK);
    lua_pop(L, 1);
    assert_int_equal(bytecode_load_kept(L, script, sizeof script - 1, "@scripts/answer.lua"), LUA_OK);
    assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
    assert_int_equal(lua_tointeger(L, -1), 42);
    lua_close(L);
}

int main(void)
{
    if (!mkdtemp(dir)) return 1;
    setenv("VERBEELD_CACHE", dir, 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kept_and_used),
        cmocka_unit_test(test_the_dump_is_what_runs),
        cmocka_unit_test(test_flipped_byte),
        cmocka_unit_test(test_cut_short),
        cmocka_unit_test(test_other_magic),
        cmocka_unit_test(test_emptied),
        cmocka_unit_test(test_sealed_garbage),
        cmocka_unit_test(test_syntax_error_is_luas_and_not_kept),
        cmocka_unit_test(test_off_writes_nothing),
        cmocka_unit_test(test_kept_only),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    remove_all();
    rmdir(dir);
    return failed;
}
