/*
 * sandbox.h - a Lua 5.4 state that untrusted scripts can run in.
 *
 * Each character and the scenario's own conditions get a sandbox of their own, so that no
 * script can see or change another's. A sandbox has no io, os, package, debug, require, load
 * or dofile; it loads scripts' text, or what verbeeld itself compiled of that text and kept in
 * the user's cache (base/bytecode.h), never bytecode from a script or a scenario; every call is
 * bounded in instructions and memory, counted the same way on every run (and, as a backstop
 * only long string comparisons reach, by a minute of CPU time). Errors come back as
 * "file:line: message" strings, never as a crash.
 */
#ifndef VB_SANDBOX_H
#define VB_SANDBOX_H

#include <stddef.h>
#include <json-c/json.h>
#include <lua.h>

typedef struct Sandbox Sandbox;

/* Limits of one call into a sandbox. */
#define SBX_MEMORY_LIMIT   (32u << 20)     /* bytes a sandbox may hold in all */
#define SBX_INSTR_LIMIT    20000000L       /* VM instructions per call, counted from its first */

/* A fresh sandbox with the safe libraries, `math.random` seeded with `seed`. */
Sandbox *sbx_new(unsigned long long seed);
void sbx_free(Sandbox *s);
/* Seed math.random again, as sbx_new(seed) did (scripts themselves cannot reseed). */
void sbx_reseed(Sandbox *s, unsigned long long seed);
lua_State *sbx_lua(Sandbox *s);

/* Load the text chunk `src` named `chunkname` ("@file" for files) and leave it, as a function,
 * on the stack: compiled once, then from the cache (base/bytecode.h). Returns 0, or -1 with
 * *err set to a fresh "file:line: message". */
int sbx_load(Sandbox *s, const char *src, size_t len, const char *chunkname, char **err);
/* The same for `src` read from the file at `path` (chunk name "@path"), so that Lua's messages
 * name that file. */
int sbx_load_from(Sandbox *s, const char *path, const char *src, size_t len, char **err);
/* Load and run a file; its results (nresults of them) are left on the stack. */
int sbx_dofile(Sandbox *s, const char *path, int nresults, char **err);
/* The same for a chunk that every character's sandbox loads (the prelude, the character
 * library): compiled once per process and loaded from that compiled form afterwards, so a
 * chunk name must name one text for the life of the process. */
int sbx_load_shared(Sandbox *s, const char *src, size_t len, const char *chunkname, char **err);
int sbx_dofile_shared(Sandbox *s, const char *path, int nresults, char **err);
/* Call the function below `nargs` arguments on the stack, within the limits. Returns 0, or -1
 * with *err set (the stack then holds nothing of the call). */
int sbx_call(Sandbox *s, int nargs, int nresults, char **err);

/* Mark the table at `idx` as lent to hooks by the engine, which tells the next call with it
 * again: sbx_copy and sbx_to_json leave it out, as they leave out functions. */
void sbx_lend(lua_State *L, int idx);
/* What a __pairs metamethod written in C returns: `next` (given this metamethod's upvalue 1
 * as its own), the table, nil. For tables whose fields are not all in them. */
int sbx_pairs_with(lua_State *L, lua_CFunction next);
/* Copy the plain-data value at `idx` of `from` onto the stack of `to`: nil, booleans,
 * numbers, strings and tables of those (no functions, userdata, cycles or depth over 32).
 * Returns 0, or -1 (pushing nothing) when the value is not plain data. */
int sbx_copy(lua_State *from, int idx, lua_State *to);
/* The plain-data value at `idx` as JSON (NULL when not plain data). */
json_object *sbx_to_json(lua_State *L, int idx);
/* Push a JSON value as Lua data. */
void sbx_push_json(lua_State *L, json_object *j);

/* The text of a multilingual value at `idx` (a string, or a table { nl = ..., en = ... }) in
 * `lang`, falling back to `fallback` and then to any language; with `fallback` NULL, in `lang`
 * only (what check asks of every line). NULL when there is none. */
const char *sbx_text(lua_State *L, int idx, const char *lang, const char *fallback);

#endif
