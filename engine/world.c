/*
 * world.c - the world sandbox: variables, conditions and effects.
 */
#include "world.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

struct World {
    const Scenario *s;
    Sandbox *sbx;
    int *code_ref;        /* compiled function per scenario code */
    int ref_vars, ref_visited, ref_count, ref_chars, ref_played, ref_cards;
};

/* The read-only view: a proxy per table, so that neither conditions nor effects can change
 * what they only read. Effects get `vars` through a proxy that accepts declared names only. */
static const char world_prelude[] =
    "local real = ...\n"
    "local proxies = setmetatable({}, { __mode = 'k' })\n"
    "local function readonly(t)\n"
    "  if type(t) ~= 'table' then return t end\n"
    "  local p = proxies[t]\n"
    "  if p then return p end\n"
    "  p = setmetatable({}, { __index = function(_, k) return readonly(t[k]) end,\n"
    "    __newindex = function() error('the world is read-only here', 2) end,\n"
    "    __len = function() return #t end,\n"
    "    __pairs = function() return function(_, k) local nk, v = next(t, k)\n"
    "      return nk, readonly(v) end, nil, nil end })\n"
    "  proxies[t] = p\n"
    "  return p\n"
    "end\n"
    "local writable_vars = setmetatable({}, { __index = real.vars,\n"
    "  __newindex = function(_, k, v)\n"
    "    if real.vars[k] == nil then error(\"unknown variable '\" .. tostring(k) .. \"'\", 2) end\n"
    "    if type(v) == 'boolean' then v = v and 1 or 0 end\n"
    "    if type(v) ~= 'number' then error(\"variable '\" .. k .. \"' must be a number\", 2) end\n"
    "    real.vars[k] = v\n"
    "  end })\n"
    "local base = { math = readonly(math), string = readonly(string), table = readonly(table),\n"
    "  tonumber = tonumber, tostring = tostring, type = type, pairs = pairs, ipairs = ipairs,\n"
    "  next = next, select = select, error = error }\n"
    "local function env(write)\n"
    "  local e = {}\n"
    "  for k, v in pairs(base) do e[k] = v end\n"
    "  for _, k in ipairs({ 'chars', 'played', 'cards', 'visited', 'count' }) do\n"
    "    e[k] = readonly(real[k]) end\n"
    "  e.vars = write and writable_vars or readonly(real.vars)\n"
    "  return setmetatable(e, { __newindex = function(_, k)\n"
    "    error(\"cannot set '\" .. tostring(k) .. \"': only vars can be changed\", 2) end })\n"
    "end\n"
    "return env(false), env(true)\n";

/* ============================== building ============================== */

static int new_table_ref(lua_State *L)
{
    lua_newtable(L);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

static void push_ref(World *w, int ref)
{
    lua_rawgeti(sbx_lua(w->sbx), LUA_REGISTRYINDEX, ref);
}

/* Compile one piece of scenario code with env `envidx`. The source is preceded by as many
 * newlines as its line in the XML file, so Lua's own messages carry the XML line number. */
static int compile(World *w, const Code *c, int envidx, DiagList *d)
{
    lua_State *L = sbx_lua(w->sbx);
    StrBuf b;
    sb_init(&b);
    for (int i = 1; i < c->line; i++) sb_addc(&b, '\n');
    if (c->is_expr) sb_addf(&b, "return (%s)", c->src);
    else sb_add(&b, c->src);
    char *chunkname = xasprintf("@%s", w->s->path);
    char *err = NULL;
    int rc = sbx_load(w->sbx, b.s, b.len, chunkname, &err);
    free(chunkname);
    sb_free(&b);
    if (rc) {
        diag_lua(d, w->s->path, err);
        free(err);
        return LUA_NOREF;
    }
    lua_pushvalue(L, envidx);
    lua_setupvalue(L, -2, 1);            /* _ENV */
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

World *world_new(const Scenario *s, unsigned long long seed, DiagList *d)
{
    World *w = xcalloc(1, sizeof *w);
    w->s = s;
    w->sbx = sbx_new(seed);
    lua_State *L = sbx_lua(w->sbx);
    w->ref_vars = new_table_ref(L);
    w->ref_visited = new_table_ref(L);
    w->ref_count = new_table_ref(L);
    w->ref_chars = new_table_ref(L);
    w->ref_played = new_table_ref(L);
    w->ref_cards = new_table_ref(L);

    char *err = NULL;
    if (sbx_load(w->sbx, world_prelude, sizeof world_prelude - 1, "=world", &err)) abort();
    lua_createtable(L, 0, 6);
    const char *names[] = {"vars", "visited", "count", "chars", "played", "cards"};
    int refs[] = {w->ref_vars, w->ref_visited, w->ref_count, w->ref_chars, w->ref_played, w->ref_cards};
    for (int i = 0; i < 6; i++) {
        push_ref(w, refs[i]);
        lua_setfield(L, -2, names[i]);
    }
    if (sbx_call(w->sbx, 1, 2, &err)) {
        fprintf(stderr, "verbeeld: internal error: %s\n", err);
        abort();
    }
    int env_read = lua_gettop(L) - 1, env_write = lua_gettop(L);
    w->code_ref = xcalloc((size_t)s->ncode + 1, sizeof *w->code_ref);
    int errors = d->errors;
    for (int i = 0; i < s->ncode; i++)
        w->code_ref[i] = compile(w, &s->code[i], s->code[i].is_expr ? env_read : env_write, d);
    lua_settop(L, 0);
    world_reset(w);
    if (d->errors > errors) {
        world_free(w);
        return NULL;
    }
    return w;
}

void world_free(World *w)
{
    if (!w) return;
    sbx_free(w->sbx);
    free(w->code_ref);
    free(w);
}

/* ============================== state ============================== */

static void clear(World *w, int ref)
{
    lua_State *L = sbx_lua(w->sbx);
    push_ref(w, ref);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, -4);
    }
    lua_pop(L, 1);
}

void world_reset(World *w)
{
    lua_State *L = sbx_lua(w->sbx);
    clear(w, w->ref_visited);
    clear(w, w->ref_cards);
    push_ref(w, w->ref_vars);
    for (int i = 0; i < w->s->nvars; i++) {
        lua_pushnumber(L, w->s->vars[i].value);
        lua_setfield(L, -2, w->s->vars[i].id);
    }
    lua_pop(L, 1);
    push_ref(w, w->ref_visited);
    for (int i = 0; i < w->s->nscenes; i++) {
        lua_pushinteger(L, 0);
        lua_setfield(L, -2, w->s->scenes[i].id);
    }
    lua_pop(L, 1);
    push_ref(w, w->ref_count);
    for (int c = 0; c < CORNERS; c++) {
        lua_pushinteger(L, 0);
        lua_setfield(L, -2, corner_id((Corner)c));
    }
    lua_pop(L, 1);
    push_ref(w, w->ref_played);
    for (int i = 0; i < w->s->nroles; i++) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, w->s->roles[i].id);
    }
    lua_pop(L, 1);
}

static lua_Number get_number(World *w, int ref, const char *key)
{
    lua_State *L = sbx_lua(w->sbx);
    push_ref(w, ref);
    lua_getfield(L, -1, key);
    lua_Number n = lua_tonumber(L, -1);
    lua_pop(L, 2);
    return n;
}

static void set_number(World *w, int ref, const char *key, lua_Number n, int integer)
{
    lua_State *L = sbx_lua(w->sbx);
    push_ref(w, ref);
    if (integer) lua_pushinteger(L, (lua_Integer)n);
    else lua_pushnumber(L, n);
    lua_setfield(L, -2, key);
    lua_pop(L, 1);
}

double world_var(World *w, int var) { return get_number(w, w->ref_vars, w->s->vars[var].id); }
void world_set_var(World *w, int var, double v) { set_number(w, w->ref_vars, w->s->vars[var].id, v, 0); }
int world_visits(World *w, int scene) { return (int)get_number(w, w->ref_visited, w->s->scenes[scene].id); }

void world_visit(World *w, int scene)
{
    set_number(w, w->ref_visited, w->s->scenes[scene].id, world_visits(w, scene) + 1, 1);
}

void world_count(World *w, Corner c)
{
    if (c == CORNER_NONE) return;
    const char *k = corner_id(c);
    set_number(w, w->ref_count, k, get_number(w, w->ref_count, k) + 1, 1);
}

static void set_flag(World *w, int ref, const char *key, int on)
{
    lua_State *L = sbx_lua(w->sbx);
    push_ref(w, ref);
    lua_pushboolean(L, on);
    lua_setfield(L, -2, key);
    lua_pop(L, 1);
}

void world_set_played(World *w, int role, int on) { set_flag(w, w->ref_played, w->s->roles[role].id, on); }
void world_set_card(World *w, const char *card, int on) { set_flag(w, w->ref_cards, card, on); }

void world_sync_character(World *w, int role, Character *ch)
{
    lua_State *L = sbx_lua(w->sbx);
    push_ref(w, w->ref_chars);
    character_push_state(ch, L);
    lua_setfield(L, -2, w->s->roles[role].id);
    lua_pop(L, 1);
}

/* ============================== conditions and effects ============================== */

int world_test(World *w, int code, char **err)
{
    *err = NULL;
    if (code == NO_CODE) return 1;
    lua_State *L = sbx_lua(w->sbx);
    lua_rawgeti(L, LUA_REGISTRYINDEX, w->code_ref[code]);
    if (sbx_call(w->sbx, 0, 1, err)) return -1;
    int yes = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return yes;
}

int world_apply(World *w, const Effect *e, char **err)
{
    *err = NULL;
    switch (e->kind) {
    case EFFECT_ADD: world_set_var(w, e->var, world_var(w, e->var) + e->value); return 0;
    case EFFECT_SET: world_set_var(w, e->var, e->value); return 0;
    case EFFECT_LUA: {
        lua_State *L = sbx_lua(w->sbx);
        lua_rawgeti(L, LUA_REGISTRYINDEX, w->code_ref[e->code]);
        return sbx_call(w->sbx, 0, 0, err);
    }
    }
    return 0;
}

/* ============================== snapshots ============================== */

json_object *world_snapshot(World *w)
{
    lua_State *L = sbx_lua(w->sbx);
    json_object *o = json_object_new_object();
    push_ref(w, w->ref_vars);
    json_object_object_add(o, "vars", sbx_to_json(L, -1));
    push_ref(w, w->ref_visited);
    json_object_object_add(o, "visited", sbx_to_json(L, -1));
    push_ref(w, w->ref_count);
    json_object_object_add(o, "count", sbx_to_json(L, -1));
    lua_pop(L, 3);
    return o;
}

static void restore_table(World *w, int ref, json_object *j)
{
    lua_State *L = sbx_lua(w->sbx);
    if (!j) return;
    push_ref(w, ref);
    json_object_object_foreach(j, key, val) {
        if (json_object_is_type(val, json_type_int)) lua_pushinteger(L, json_object_get_int64(val));
        else lua_pushnumber(L, json_object_get_double(val));
        lua_setfield(L, -2, key);
    }
    lua_pop(L, 1);
}

void world_restore(World *w, json_object *snap)
{
    json_object *j;
    if (json_object_object_get_ex(snap, "vars", &j)) restore_table(w, w->ref_vars, j);
    if (json_object_object_get_ex(snap, "visited", &j)) restore_table(w, w->ref_visited, j);
    if (json_object_object_get_ex(snap, "count", &j)) restore_table(w, w->ref_count, j);
}
