/*
 * event.c - the table `ev` that a character's react hook is told what happened with.
 *
 * Making a fresh table for every character at every choice, with every id interned as a Lua
 * string, was most of what a random walk cost (and most of its garbage). So each sandbox
 * lends one table: the fields made of fixed names (kind, corner, actor_corner, self) are set
 * in it for each event, and the ids (actor, name, quality, scene, choice, event) are looked up
 * through __index only when a script reads them. __pairs lists them all; writing is refused.
 * The sandbox is told the table is lent, so a state that keeps it does not keep it.
 */
#include "event.h"

#include <lauxlib.h>
#include <string.h>

#include "i18n.h"
#include "sandbox.h"

/* ============================== the fields ============================== */

enum { F_KIND, F_ACTOR, F_NAME, F_QUALITY, F_CORNER, F_ACTOR_CORNER, F_SCENE, F_CHOICE, F_EVENT,
       F_SELF, NFIELDS };
static const char *const field_name[NFIELDS] = {
    "kind", "actor", "name", "quality", "corner", "actor_corner", "scene", "choice", "event", "self",
};

/* The id a lazy field reads, or NULL; `*lazy` says whether field `f` is one of them. */
static const char *lazy_id(const ReactEvent *ev, int f, int *lazy)
{
    *lazy = 1;
    switch (f) {
    case F_ACTOR: return ev ? ev->actor : NULL;
    case F_NAME: return ev ? ev->name : NULL;
    case F_QUALITY: return ev ? ev->quality : NULL;
    case F_SCENE: return ev ? ev->scene : NULL;
    case F_CHOICE: return ev ? ev->choice : NULL;
    case F_EVENT: return ev ? ev->event : NULL;
    default: *lazy = 0; return NULL;
    }
}

/* ============================== the metamethods ============================== */

/* The C side of the table, and upvalue 1 of each metamethod: a userdata that lives as long as
 * the sandbox, anchored by those upvalues. */
struct EvTable {
    const ReactEvent *ev;        /* the event being told, or NULL between calls */
    int table, names;            /* registry references */
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
    if (lua_type(L, idx) != LUA_TSTRING) return -1;
    const char *k = lua_tostring(L, idx);
    for (int f = 0; f < NFIELDS; f++)
        if (k == t->name[f]) return f;
    return -1;
}

/* Push the value of field `f` of the table at `t`; returns whether it is not nil. */
static int push_field(lua_State *L, int t, int f)
{
    int lazy;
    const char *id = lazy_id(upvalue_table(L)->ev, f, &lazy);
    if (!lazy) {
        lua_pushstring(L, field_name[f]);
        return lua_rawget(L, t) != LUA_TNIL;
    }
    if (id) lua_pushstring(L, id);
    else lua_pushnil(L);
    return id != NULL;
}

static int ev_index(lua_State *L)
{
    EvTable *t = upvalue_table(L);
    int f = field_of(L, t, 2), lazy;
    const char *id = f >= 0 ? lazy_id(t->ev, f, &lazy) : NULL;
    if (id) lua_pushstring(L, id);
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
    int f = lua_isnil(L, 2) ? -1 : field_of(L, upvalue_table(L), 2);
    if (f < 0 && !lua_isnil(L, 2)) return luaL_error(L, "invalid key to 'next'");
    for (f++; f < NFIELDS; f++) {
        lua_pushstring(L, field_name[f]);
        if (push_field(L, 1, f)) return 2;
        lua_pop(L, 2);
    }
    lua_pushnil(L);
    return 1;
}

static int ev_pairs(lua_State *L)
{
    return sbx_pairs_with(L, ev_next);
}

/* ============================== the lent table ============================== */

/* The names the eager fields are set from, interned once per sandbox: indexes 1..NFIELDS are
 * the field names, then the corner ids, then the two kinds. */
enum { N_CORNERS = NFIELDS + 1, N_CHOICE = N_CORNERS + CORNERS, N_EVENT, N_COUNT = N_EVENT };

static void push_names(lua_State *L, EvTable *t)
{
    lua_createtable(L, N_COUNT, 0);
    for (int f = 0; f < NFIELDS; f++) {
        t->name[f] = lua_pushstring(L, field_name[f]);
        lua_rawseti(L, -2, f + 1);
    }
    for (int c = 0; c < CORNERS; c++) {
        lua_pushstring(L, corner_id((Corner)c));
        lua_rawseti(L, -2, N_CORNERS + c);
    }
    lua_pushliteral(L, "choice");
    lua_rawseti(L, -2, N_CHOICE);
    lua_pushliteral(L, "event");
    lua_rawseti(L, -2, N_EVENT);
}

static void set_method(lua_State *L, const char *name, lua_CFunction fn)
{
    lua_pushvalue(L, -3);                 /* the EvTable userdata */
    lua_pushcclosure(L, fn, 1);
    lua_setfield(L, -2, name);
}

EvTable *ev_table(lua_State *L)
{
    EvTable *t = lua_newuserdatauv(L, sizeof *t, 0);
    t->ev = NULL;
    push_names(L, t);
    t->names = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_createtable(L, 0, 4);             /* the table */
    lua_createtable(L, 0, 4);             /* its metatable */
    set_method(L, "__index", ev_index);
    set_method(L, "__newindex", ev_newindex);
    set_method(L, "__pairs", ev_pairs);
    lua_pushliteral(L, "verbeeld event");
    lua_setfield(L, -2, "__metatable");   /* getmetatable(ev) cannot reach the methods */
    lua_setmetatable(L, -2);
    sbx_lend(L, -1);
    t->table = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    return t;
}

/* ev[field] = names[value], or nil when value is 0; the stack ends in the table, then names. */
static void set_name(lua_State *L, int field, int value)
{
    lua_rawgeti(L, -1, field + 1);
    if (value) lua_rawgeti(L, -2, value);
    else lua_pushnil(L);
    lua_rawset(L, -4);
}

void ev_push(lua_State *L, EvTable *t, const ReactEvent *ev, Corner corner)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->table);
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->names);
    t->ev = ev;
    if (ev->kind && strcmp(ev->kind, "choice") == 0) set_name(L, F_KIND, N_CHOICE);
    else if (ev->kind && strcmp(ev->kind, "event") == 0) set_name(L, F_KIND, N_EVENT);
    else {
        lua_rawgeti(L, -1, F_KIND + 1);
        lua_pushstring(L, ev->kind);
        lua_rawset(L, -4);
    }
    set_name(L, F_CORNER, corner != CORNER_NONE ? N_CORNERS + (int)corner : 0);
    set_name(L, F_ACTOR_CORNER, ev->actor_corner != CORNER_NONE ? N_CORNERS + (int)ev->actor_corner : 0);
    lua_rawgeti(L, -1, F_SELF + 1);
    lua_pushboolean(L, ev->self);
    lua_rawset(L, -4);
    lua_pop(L, 1);
}

void ev_end(EvTable *t)
{
    t->ev = NULL;
}
