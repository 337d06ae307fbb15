/*
 * event.c - the table `ev` that a character's react hook is told what happened with.
 *
 * Making a fresh table for every character at every choice, with every id interned as a Lua
 * string, was most of what a random walk cost (and most of its garbage); so was filling one
 * table again for every event. An event's fields made of fixed names (kind, corner,
 * actor_corner, self) take few combinations, so each sandbox keeps one read-only table per
 * combination it has met, made once, and lends the one that fits. The ids (actor, name,
 * quality, scene, choice, event) are looked up through __index only when a script reads them.
 * __pairs lists every field; writing is refused. The sandbox is told the tables are lent, so a
 * state that keeps one does not keep it.
 *
 * A lent table is an empty proxy: its metatable's __index is a table with the fixed fields,
 * whose own __index finds the ids. So every write reaches __newindex, and a table met again
 * is as it was made.
 */
#include "runtime/event.h"

#include <lauxlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/sandbox.h"
#include "base/util.h"

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

/* The combinations of the fixed fields: kind (choice, event), corner and actor_corner (none
 * or one of four), self. A kind other than these two has a table made for the one call. */
#define COMBOS (2 * (CORNERS + 1) * (CORNERS + 1) * 2)

static int combo_of(const ReactEvent *ev, Corner corner)
{
    int kind = ev->kind && streq(ev->kind, "choice") ? 0 : ev->kind && streq(ev->kind, "event") ? 1 : -1;
    if (kind < 0) return -1;
    return ((kind * (CORNERS + 1) + (int)corner + 1) * (CORNERS + 1) + (int)ev->actor_corner + 1) * 2 +
           (ev->self != 0);
}

/* ============================== the metamethods ============================== */

/* The C side of a sandbox's tables, and upvalue 1 of each metamethod: a userdata that lives as
 * long as the sandbox, anchored by those upvalues. */
struct EvTable {
    const ReactEvent *ev;        /* the event being told, or NULL between calls */
    int self;                    /* registry reference: this userdata */
    int fields_meta;             /* registry reference: the metatable of the fixed fields */
    int lent[COMBOS];            /* registry reference: the lent table of each combination, or 0 */
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
    const char *k = lua_tolstring(L, idx, NULL);   /* a number key becomes text: no field */
    for (int f = 0; f < NFIELDS && k; f++)
        if (k == t->name[f]) return f;
    return -1;
}

/* The table of the event being told, or NULL: one react call runs at a time. Found here
 * rather than through an upvalue, as __index runs for every id read and every nil field. */
static EvTable *telling;

/* __index of the fixed fields: the ids. A table of another sandbox than the one being told
 * has other strings for the field names, so its ids read nil, as they do between calls. */
static int ev_index(lua_State *L)
{
    EvTable *t = telling;
    int f = t ? field_of(L, t, 2) : -1, lazy;
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
    lua_settop(L, 1);
    lua_getmetatable(L, 1);
    lua_getfield(L, 2, "__index");           /* 3: the fixed fields, whose __index finds ids */
    for (f++; f < NFIELDS; f++) {
        lua_pushstring(L, field_name[f]);
        lua_pushvalue(L, -1);
        if (lua_gettable(L, 3) != LUA_TNIL) return 2;
        lua_pop(L, 2);
    }
    lua_pushnil(L);
    return 1;
}

static int ev_pairs(lua_State *L)
{
    return sbx_pairs_with(L, ev_next);
}

/* ============================== the lent tables ============================== */

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
    lua_pushvalue(L, up);
    t->self = luaL_ref(L, LUA_REGISTRYINDEX);
    for (int f = 0; f < NFIELDS; f++) {
        t->name[f] = lua_pushstring(L, field_name[f]);
        luaL_ref(L, LUA_REGISTRYINDEX);     /* anchored, so the address stays the string's */
    }
    memset(t->lent, 0, sizeof t->lent);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, ev_index);
    lua_setfield(L, -2, "__index");
    t->fields_meta = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    return t;
}

static void set_field(lua_State *L, int f, const char *value)
{
    if (!value) return;
    lua_pushstring(L, value);
    lua_setfield(L, -2, field_name[f]);
}

/* Push a new lent table for the fixed fields of `ev`. */
static void make_table(lua_State *L, EvTable *t, const ReactEvent *ev, Corner corner)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->self);   /* upvalue of the methods */
    int up = lua_gettop(L);
    lua_newtable(L);                              /* the proxy */
    lua_createtable(L, 0, 4);                     /* its metatable */
    lua_createtable(L, 0, 4);                     /* the fixed fields */
    set_field(L, F_KIND, ev->kind);
    set_field(L, F_CORNER, corner != CORNER_NONE ? corner_id(corner) : NULL);
    set_field(L, F_ACTOR_CORNER, ev->actor_corner != CORNER_NONE ? corner_id(ev->actor_corner) : NULL);
    lua_pushboolean(L, ev->self);
    lua_setfield(L, -2, field_name[F_SELF]);
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->fields_meta);
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "__index");
    set_method(L, up, "__newindex", ev_newindex);
    set_method(L, up, "__pairs", ev_pairs);
    lua_pushliteral(L, "verbeeld event");
    lua_setfield(L, -2, "__metatable");           /* getmetatable(ev) cannot reach the methods */
    lua_setmetatable(L, -2);
    lua_remove(L, up);
    sbx_lend(L, -1);
}

void ev_push(lua_State *L, EvTable *t, const ReactEvent *ev, Corner corner)
{
    t->ev = ev;
    telling = t;
    int combo = combo_of(ev, corner);
    if (combo < 0) {
        make_table(L, t, ev, corner);
        return;
    }
    if (t->lent[combo]) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, t->lent[combo]);
        return;
    }
    make_table(L, t, ev, corner);
    lua_pushvalue(L, -1);
    t->lent[combo] = luaL_ref(L, LUA_REGISTRYINDEX);
}

void ev_end(EvTable *t)
{
    t->ev = NULL;
    telling = NULL;
}
