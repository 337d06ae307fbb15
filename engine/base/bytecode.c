/*
 * bytecode.c - Lua scripts compiled once and kept in the cache folder: the key, reading a kept
 * dump back (checked before Lua sees it) and keeping a new one.
 */
#include "base/bytecode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>
#include <xxhash.h>

#include "base/cachedir.h"
#include "base/util.h"

#define MAGIC "VBCHUNK"                /* 8 bytes with its NUL */
#define MAX_DUMP_BYTES (64u << 20)

/* XXH3-128 of the Lua release (a dump is only good for the Lua that wrote it), the chunk name
 * (it is in the dump, for messages) and the text, each but the last ending in its NUL. */
static void chunk_key(const char *src, size_t len, const char *chunkname, unsigned char key[16])
{
    XXH3_state_t *st = XXH3_createState();
    if (!st) abort();
    XXH3_128bits_reset(st);
    XXH3_128bits_update(st, LUA_RELEASE, sizeof LUA_RELEASE);
    XXH3_128bits_update(st, chunkname, strlen(chunkname) + 1);
    XXH3_128bits_update(st, src, len);
    XXH128_canonical_t canon;
    XXH128_canonicalFromHash(&canon, XXH3_128bits_digest(st));
    XXH3_freeState(st);
    memcpy(key, canon.digest, 16);
}

/* The dump kept at `path`, loaded onto the stack: LUA_OK, or -1 with nothing pushed (none
 * kept, or one that is not whole or that Lua refuses: then it is removed). */
static int load_kept(lua_State *L, const char *path, const char *chunkname)
{
    size_t n;
    char *b = cachedir_unseal(path, MAGIC, MAX_DUMP_BYTES, &n);
    if (!b) return -1;
    int status = luaL_loadbufferx(L, b + CACHEDIR_SEAL, n, chunkname, "b");
    free(b);
    if (status == LUA_OK) return LUA_OK;
    lua_pop(L, 1);
    unlink(path);
    return -1;
}

static int dump_to(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    sb_addn(ud, p, n);
    return 0;
}

/* Keep the function on top of the stack (compiled from text just now) at `path` in `dir`,
 * with its debug information, so that messages name the same file and lines. */
static void keep(lua_State *L, const char *dir, const char *path)
{
    StrBuf dump;
    sb_init(&dump);
    if (lua_dump(L, dump_to, &dump, 0) == 0 && dump.len) cachedir_seal(dir, path, MAGIC, dump.s, dump.len);
    sb_free(&dump);
}

/* The file the dump of this text under this name is kept in, or NULL when the cache is off;
 * *dir is set to the cache folder (both to be freed). */
static char *kept_path(const char *src, size_t len, const char *chunkname, char **dir)
{
    *dir = cachedir_path();
    if (!*dir) return NULL;
    unsigned char key[16];
    chunk_key(src, len, chunkname, key);
    return cachedir_file(*dir, key, CACHEDIR_CHUNK);
}

int bytecode_load_kept(lua_State *L, const char *src, size_t len, const char *chunkname)
{
    char *dir;
    char *path = kept_path(src, len, chunkname, &dir);
    int status = path ? load_kept(L, path, chunkname) : -1;
    free(path);
    free(dir);
    return status;
}

int bytecode_load(lua_State *L, const char *src, size_t len, const char *chunkname)
{
    char *dir;
    char *path = kept_path(src, len, chunkname, &dir);
    int status = path ? load_kept(L, path, chunkname) : -1;
    if (status != LUA_OK) {
        status = luaL_loadbufferx(L, src, len, chunkname, "t");
        if (status == LUA_OK && path) keep(L, dir, path);
    }
    free(path);
    free(dir);
    return status;
}
