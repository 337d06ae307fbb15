/*
 * storyview.c - `story` in a character's sandbox: story.vars.NAME, story.visited.SCENE and
 * story.facts.FACT and story.participants, read from the world when a script reads them, never
 * written.
 */
#include "runtime/storyview.h"

#include <ctype.h>
#include <lauxlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/sandbox.h"
#include "base/util.h"

/* What the view reads, kept in a userdata that is upvalue 1 of every metamethod. */
typedef struct {
    const Scenario *s;
    World *w;
} View;

static const View *view_of(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* A variable's value as Lua would hold it: a whole number is an integer. */
static void push_value(lua_State *L, double v)
{
    if (v >= -0x1p53 && v <= 0x1p53 && v == (double)(long long)v) lua_pushinteger(L, (lua_Integer)v);
    else lua_pushnumber(L, v);
}

static int push_var(lua_State *L, const View *v, int var)
{
    if (var < 0) lua_pushnil(L);
    else push_value(L, v->w ? world_var(v->w, var) : v->s->vars[var].value);
    return 1;
}

static int vars_index(lua_State *L)
{
    const View *v = view_of(L);
    return push_var(L, v, lua_type(L, 2) == LUA_TSTRING ? scenario_var(v->s, lua_tostring(L, 2)) : -1);
}

/* pairs(story.vars): the variables in the order of the scenario. */
static int vars_next(lua_State *L)
{
    const View *v = view_of(L);
    int next = 0;
    if (!lua_isnil(L, 2)) {
        int var = lua_type(L, 2) == LUA_TSTRING ? scenario_var(v->s, lua_tostring(L, 2)) : -1;
        if (var < 0) return luaL_error(L, "invalid key to 'next'");
        next = var + 1;
    }
    if (next >= v->s->nvars) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushstring(L, v->s->vars[next].id);
    return 1 + push_var(L, v, next);
}

static int vars_pairs(lua_State *L)
{
    return sbx_pairs_with(L, vars_next);
}

static int facts_index(lua_State *L)
{
    const View *v = view_of(L);
    int var = lua_type(L, 2) == LUA_TSTRING ? scenario_fact(v->s, lua_tostring(L, 2)) : -1;
    if (var < 0) lua_pushnil(L);
    else lua_pushboolean(L, (v->w ? world_var(v->w, var) : v->s->vars[var].value) != 0);
    return 1;
}

static int visited_index(lua_State *L)
{
    const View *v = view_of(L);
    int scene = lua_type(L, 2) == LUA_TSTRING ? scenario_scene(v->s, lua_tostring(L, 2)) : -1;
    if (scene < 0) lua_pushnil(L);
    else lua_pushinteger(L, v->w ? world_visits(v->w, scene) : 0);
    return 1;
}

static int story_index(lua_State *L)
{
    const View *v = view_of(L);
    const char *k = lua_tostring(L, 2);
    if (k && streq(k, "participants")) lua_pushinteger(L, v->w ? world_participants(v->w) : 0);
    else if (k && streq(k, "briefed")) lua_pushinteger(L, v->w ? world_briefed(v->w) : 0);
    else lua_pushnil(L);
    return 1;
}

static int read_only(lua_State *L)
{
    return luaL_error(L, "%s", _("story is read-only: a script reads the story's variables, it does not change them"));
}

static void set_method(lua_State *L, int up, const char *name, lua_CFunction fn)
{
    lua_pushvalue(L, up);
    lua_pushcclosure(L, fn, 1);
    lua_setfield(L, -2, name);
}

/* An empty table whose reads go to `index` (and pairs to `pairs`, if given), lent so that a
 * state that keeps it leaves it out. */
static void push_proxy(lua_State *L, int up, lua_CFunction index, lua_CFunction pairs)
{
    lua_newtable(L);
    lua_createtable(L, 0, 4);
    set_method(L, up, "__index", index);
    set_method(L, up, "__newindex", read_only);
    if (pairs) set_method(L, up, "__pairs", pairs);
    lua_pushliteral(L, "verbeeld story");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    sbx_lend(L, -1);
}

void storyview_install(lua_State *L, const Scenario *s, World *w)
{
    View *v = lua_newuserdatauv(L, sizeof *v, 0);
    v->s = s;
    v->w = w;
    int up = lua_gettop(L);
    push_proxy(L, up, story_index, NULL);
    push_proxy(L, up, vars_index, vars_pairs);
    lua_pushliteral(L, "vars");
    lua_insert(L, -2);
    lua_rawset(L, -3);
    push_proxy(L, up, visited_index, NULL);
    lua_pushliteral(L, "visited");
    lua_insert(L, -2);
    lua_rawset(L, -3);
    push_proxy(L, up, facts_index, NULL);
    lua_pushliteral(L, "facts");
    lua_insert(L, -2);
    lua_rawset(L, -3);
    lua_setglobal(L, "story");
    lua_pop(L, 1);
}

/* ============================== names in scripts ============================== */

static int word_char(int c)
{
    return isalnum(c) || c == '_';
}

/* Scanning for "story." first and then the table after it: the plain loop that tried each
 * table at every character was 3 M instructions of MoveOn's 32 M start (callgrind). */
void storyview_check_script(const char *path, const char *src, const Scenario *s, DiagList *d)
{
    static const char *const tables[] = {"story.vars.", "story.visited.", "story.facts.", NULL};
    int line = 1;
    const char *counted = src;
    for (const char *p = src; (p = strstr(p, "story.")) != NULL; p += 6) {
        if (p != src && (word_char((unsigned char)p[-1]) || p[-1] == '.')) continue;
        for (; counted < p; counted++) line += *counted == '\n';
        for (int t = 0; tables[t]; t++) {
            size_t n = strlen(tables[t]);
            if (strncmp(p, tables[t], n) != 0) continue;
            const char *name = p + n;
            size_t len = 0;
            while (word_char((unsigned char)name[len])) len++;
            char *id = xstrndup(name, len);
            int known = t == 0 ? scenario_var(s, id) >= 0 : t == 1 ? scenario_scene(s, id) >= 0 : scenario_fact(s, id) >= 0;
            if (len && !known)
                diag_add(d, DIAG_ERROR, path, line, _("the script names %s%s, which the scenario does not declare"), tables[t], id);
            free(id);
        }
    }
}
