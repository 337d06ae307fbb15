/*
 * bytecode.h - scripts compiled once: the text of a Lua script is compiled by Lua and its dump
 * kept in the cache folder (base/cachedir.h) under a hash of the Lua release, the script's
 * chunk name and its text, so that the next start loads the dump instead of parsing the text
 * again (parsing was 44% of the instructions of MoveOn's start: the lexicon, the character
 * library and eight characters).
 *
 * Only dumps this program wrote are loaded, from the user's private cache folder, each checked
 * against its length and checksum first; one that fails is removed and the text compiled, as
 * when there is no cache. Nothing here prints or makes a load fail that the text would not.
 */
#ifndef VB_BYTECODE_H
#define VB_BYTECODE_H

#include <stddef.h>
#include <lua.h>

/* Load the text chunk `src` named `chunkname` onto L's stack as a function, with the result
 * luaL_loadbufferx(L, src, len, chunkname, "t") has (an error leaves its message on the
 * stack): from the cache when this text under this name was compiled before, else compiled,
 * and then kept. */
int bytecode_load(lua_State *L, const char *src, size_t len, const char *chunkname);
/* Only the kept dump of this text under this name, onto L's stack: LUA_OK, or -1 with nothing
 * pushed when none is kept (or the cache is off). The text is not compiled. */
int bytecode_load_kept(lua_State *L, const char *src, size_t len, const char *chunkname);

#endif
