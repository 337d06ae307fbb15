/*
 * event.c - the table `ev` that a character's react hook is told what happened with.
 *
 * Each sandbox has one read-only `ev`, an empty table whose __index reads the event being told,
 * so no table is made or filled per event and an id becomes a Lua string only when a script
 * reads it (a react runs for every character at every choice). __pairs lists every field;
 * writing is refused. The sandbox is told the table is lent, so a state that keeps it does not.
 * (A table per combination of the fixed fields would save 15% of a walk's instructions; the
 * walk is 28x inkjs without it, against a minimum of 20x: bench/notes.md.)
 */
#include "runtime/event.h"

#include <assert.h>
#include <lauxlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/sandbox.h"
#include "base/util.h"

enum { F_KIND, F_ACTOR, F_NAME, F_QUALITY, F_CORNER, F_ACTOR_CORNER, F_SCENE, F_CHOICE, F_EVENT,
       F_SELF, F_ADDRESSEE, F_ADDRESSED, NFIELDS };
static const char *const field_name[NFIELDS] = {
    "kind", "actor", "name", "quality", "corner", "actor_corner", "scene", "choice", "event", "self",
    "addressee", "addressed",
};

/* The C side of a sandbox's `ev`, and upvalue 1 of its metamethods: a userdata that lives as
 * long as the sandbox, anchored by those upvalues. */
struct EvTable {
    const ReactEvent *ev;        /* the event being told, or NULL between calls */
    Corner corner;               /* where its quality falls for the character told */
    int table;                   /* registry reference: the table `ev` */
    const char *name[NFIELDS];   /* the field names as interned in this sandbox */
};

static EvTable *upvalue_table(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* Which field the key at `idx` names, or -1. Short strings are interned, so a key that is a
 * field name is the very string the table keeps: comparing addresses is enough. */
static int field_of(lua_State *L, const EvTable *t, int idx)
{
    const char *k = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : NULL;
    for (int f = 0; f < NFIELDS && k; f++)
        if (k == t->name[f]) return f;
    return -1;
}

/* Push the value of field `f` of the event being told (nil between calls). */
static void push_field(lua_State *L, const EvTable *t, int f)
{
    const ReactEvent *ev = t->ev;
    const char *s = NULL;
    if (!ev) {
        lua_pushnil(L);
        return;
    }
    switch (f) {
    case F_KIND: s = ev->kind; break;
    case F_ACTOR: s = ev->actor; break;
    case F_NAME: s = ev->name; break;
    case F_QUALITY: s = ev->quality; break;
    case F_CORNER: s = t->corner != CORNER_NONE ? corner_id(t->corner) : NULL; break;
    case F_ACTOR_CORNER: s = ev->actor_corner != CORNER_NONE ? corner_id(ev->actor_corner) : NULL; break;
    case F_SCENE: s = ev->scene; break;
    case F_CHOICE: s = ev->choice; break;
    case F_EVENT: s = ev->event; break;
    case F_SELF: lua_pushboolean(L, ev->self); return;
    case F_ADDRESSEE: s = ev->addressee; break;
    case F_ADDRESSED:                        /* nil, not false, when nobody is addressed */
        if (ev->addressee) lua_pushboolean(L, ev->addressed);
        else lua_pushnil(L);
        return;
    }
    if (s) lua_pushstring(L, s);
    else lua_pushnil(L);
}

static int ev_index(lua_State *L)
{
    const EvTable *t = upvalue_table(L);
    int f = field_of(L, t, 2);
    if (f >= 0) push_field(L, t, f);
    else lua_pushnil(L);
    return 1;
}

static int ev_newindex(lua_State *L)
{
    return luaL_error(L, "%s", _("ev is read-only, and only lent for this call: keep what you need "
                                 "in self.state (self.state.last = ev.choice)"));
}

/* next() over the fields that are not nil, in the order of field_name. */
static int ev_next(lua_State *L)
{
    const EvTable *t = upvalue_table(L);
    int f = lua_isnil(L, 2) ? -1 : field_of(L, t, 2);
    if (f < 0 && !lua_isnil(L, 2)) return luaL_error(L, "invalid key to 'next'");
    for (f++; f < NFIELDS; f++) {
        push_field(L, t, f);
        if (!lua_isnil(L, -1)) {
            lua_pushstring(L, field_name[f]);
            lua_insert(L, -2);
            return 2;
        }
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    return 1;
}

static int ev_pairs(lua_State *L)
{
    return sbx_pairs_with(L, ev_next);
}

static void set_method(lua_State *L, int up, const char *name, lua_CFunction fn)
{
    lua_pushvalue(L, up);
    lua_pushcclosure(L, fn, 1);
    lua_setfield(L, -2, name);
}

EvTable *ev_table(lua_State *L)
{
    EvTable *t = lua_newuserdatauv(L, sizeof *t, 0);
    int up = lua_gettop(L);
    t->ev = NULL;
    t->corner = CORNER_NONE;
    for (int f = 0; f < NFIELDS; f++) {
        t->name[f] = lua_pushstring(L, field_name[f]);
        luaL_ref(L, LUA_REGISTRYINDEX);     /* anchored, so the address stays the string's */
    }
    lua_newtable(L);                         /* `ev`, empty: every read reaches __index */
    lua_createtable(L, 0, 4);
    set_method(L, up, "__index", ev_index);
    set_method(L, up, "__newindex", ev_newindex);
    set_method(L, up, "__pairs", ev_pairs);
    lua_pushliteral(L, "verbeeld event");
    lua_setfield(L, -2, "__metatable");     /* getmetatable(ev) cannot reach the methods */
    lua_setmetatable(L, -2);
    sbx_lend(L, -1);
    t->table = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    return t;
}

void ev_push(lua_State *L, EvTable *t, const ReactEvent *ev, Corner corner)
{
    assert(!t->ev);                          /* one react at a time */
    t->ev = ev;
    t->corner = corner;
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->table);
}

void ev_end(EvTable *t)
{
    t->ev = NULL;
}
