/*
 * luanames.h - the names a piece of Lua reads from its environment (`grens` in `grens >= 2`, not
 * `vars.grens`), found in its words without running it, so that a name a first run never
 * reached (`vars.x == 0 or moed`) is found too. check uses it on the scenario's conditions.
 */
#ifndef VB_LUANAMES_H
#define VB_LUANAMES_H

#include <stddef.h>

/* Call fn with each name `src` reads bare (not a field after `.` or `:`, not a name before `=`, not a
 * keyword, not in a string or a comment), `n` bytes at `name`, until it returns nonzero; returns that, or 0. A
 * piece that declares names of its own (`function`, `local`) is read up to the declaration
 * only: its scopes are left to running it. */
int luanames_each(const char *src, int (*fn)(const char *name, size_t n, void *ud), void *ud);

#endif
