/*
 * storyview.h - `story`, the read-only view of the story that character scripts get: the
 * scenario's variables, the scenes visited and the group's size, for lines, react and choose.
 */
#ifndef VB_STORYVIEW_H
#define VB_STORYVIEW_H

#include <lua.h>

#include "base/diag.h"
#include "model/scenario.h"
#include "runtime/world.h"

/* Set the global `story` of the character sandbox `L` to a read-only view of world `w` of
 * scenario `s` (w NULL: the story as it starts). `w` must outlive the sandbox's use of it. */
void storyview_install(lua_State *L, const Scenario *s, World *w);
/* Report each story.vars.NAME and story.visited.NAME in `src`, the text of the script at
 * `path`, that names no variable or scene of `s`, at the script's line. */
void storyview_check_script(const char *path, const char *src, const Scenario *s, DiagList *d);

#endif
