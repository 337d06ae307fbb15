/*
 * character.c - loading character scripts and calling their hooks inside their sandbox.
 */
#include "runtime/character.h"

#include <ctype.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"

/* character{} checks its table where the script calls it, so errors point at the script. */
static const char prelude[] =
    "local function need(t, field, kind, optional)\n"
    "  local v = t[field]\n"
    "  if v == nil and optional then return end\n"
    "  if type(v) ~= kind then\n"
    "    error(('character{}: field \\'%s\\' must be a %s'):format(field, kind), 3)\n"
    "  end\n"
    "end\n"
    "function character(t)\n"
    "  if type(t) ~= 'table' then error('character{} needs a table', 2) end\n"
    "  need(t, 'id', 'string'); need(t, 'name', 'string'); need(t, 'quadrant', 'string')\n"
    "  need(t, 'title', 'table', true); need(t, 'state', 'table', true)\n"
    "  need(t, 'lines', 'table', true); need(t, 'react', 'function', true)\n"
    "  need(t, 'choose', 'function', true)\n"
    "  t.state = t.state or {}; t.lines = t.lines or {}; t.title = t.title or {}\n"
    "  return t\n"
    "end\n";

/* ============================== the lexicon, seen from Lua ============================== */

static const Lexicon *lexicon_up(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* lexicon.corner(term, core): where term falls on the quadrant with that core quality. */
static int l_corner(lua_State *L)
{
    const Lexicon *lx = lexicon_up(L);
    const char *term = lexicon_term(lx, luaL_checkstring(L, 1));
    Quadrant q;
    if (!term || lexicon_quadrant(lx, luaL_checkstring(L, 2), &q)) return 0;
    Corner c = quadrant_corner(&q, term);
    if (c == CORNER_NONE) return 0;
    lua_pushstring(L, corner_id(c));
    return 1;
}

/* lexicon.quadrant(core): { core=, pitfall=, challenge=, allergy= } as Dutch ids. */
static int l_quadrant(lua_State *L)
{
    Quadrant q;
    if (lexicon_quadrant(lexicon_up(L), luaL_checkstring(L, 1), &q)) return 0;
    lua_createtable(L, 0, CORNERS);
    for (int c = 0; c < CORNERS; c++) {
        lua_pushstring(L, q.nl[c]);
        lua_setfield(L, -2, corner_id((Corner)c));
    }
    return 1;
}

static void open_lexicon(lua_State *L, const Lexicon *lx)
{
    lua_newtable(L);
    lua_pushlightuserdata(L, (void *)lx);
    lua_pushcclosure(L, l_corner, 1);
    lua_setfield(L, -2, "corner");
    lua_pushlightuserdata(L, (void *)lx);
    lua_pushcclosure(L, l_quadrant, 1);
    lua_setfield(L, -2, "quadrant");
    lua_setglobal(L, "lexicon");
}

/* ============================== loading ============================== */

/* The character library (characters/library.lua), shared behaviour every script may use. */
static void load_library(Sandbox *sbx, char **err)
{
    char *path = xasprintf("%s/characters/library.lua", paths_data_dir());
    if (access(path, R_OK) == 0) sbx_dofile_shared(sbx, path, 0, err);
    free(path);
}

/* The line where field `word` is set ("word =") in the script's text, for messages about a
 * field. */
static int line_of(const char *src, const char *word)
{
    size_t n = strlen(word);
    int line = 0;
    for (const char *at = strstr(src, word); at && !line; at = strstr(at + 1, word)) {
        int starts = at == src || !(isalnum((unsigned char)at[-1]) || at[-1] == '_');
        const char *after = at + n;
        while (*after == ' ' || *after == '\t') after++;
        if (!starts || *after != '=' || after[1] == '=') continue;
        line = 1;
        for (const char *p = src; p < at; p++) line += *p == '\n';
    }
    return line;
}

/* Tables come from the script and may have metatables: the engine reads them raw, so that no
 * __index of a script runs outside a bounded call. Strings go in with their length: Lua's
 * cache for lua_pushstring compares whole strings, which costs more than hashing them anew. */
static int raw_field(lua_State *L, int t, const char *field)
{
    t = lua_absindex(L, t);
    lua_pushstring(L, field);        /* a constant name is found by its address (Lua's cache) */
    return lua_rawget(L, t);
}

static char *field_string(lua_State *L, int t, const char *field)
{
    raw_field(L, t, field);
    char *s = lua_type(L, -1) == LUA_TSTRING ? xstrdup(lua_tostring(L, -1)) : NULL;
    lua_pop(L, 1);
    return s;
}

static int has_function(lua_State *L, int t, const char *field)
{
    raw_field(L, t, field);
    int yes = lua_type(L, -1) == LUA_TFUNCTION;
    lua_pop(L, 1);
    return yes;
}

static void read_title(Character *ch, lua_State *L, int t)
{
    raw_field(L, t, "title");
    const char *nl = sbx_text(L, -1, "nl", "en");
    const char *en = sbx_text(L, -1, "en", "nl");
    ch->title_nl = xstrdup(nl ? nl : "");
    ch->title_en = xstrdup(en ? en : "");
    lua_pop(L, 1);
}

/* Check what character{} cannot: the quadrant is in the lexicon, the id is the file name. */
static int check_fields(Character *ch, const Lexicon *lx, DiagList *d)
{
    int ok = 1;
    const char *base = strrchr(ch->path, '/');
    base = base ? base + 1 : ch->path;
    size_t blen = strlen(base) - (strstr(base, ".lua") ? 4 : 0);
    if (strlen(ch->id) != blen || strncmp(ch->id, base, blen) != 0) {
        diag_add(d, DIAG_ERROR, ch->path, line_of(ch->src, "id"),
                 _("character id '%s' differs from its file name '%.*s'"), ch->id, (int)blen, base);
        ok = 0;
    }
    const char *term = lexicon_term(lx, ch->quadrant_term);
    if (!term || lexicon_quadrant(lx, term, &ch->quadrant)) {
        diag_add(d, DIAG_ERROR, ch->path, line_of(ch->src, "quadrant"),
                 _("quadrant '%s' is not a core quality in the lexicon"), ch->quadrant_term);
        ok = 0;
    } else {
        free(ch->quadrant_term);
        ch->quadrant_term = xstrdup(term);
        ch->script_term = xstrdup(term);
    }
    return ok ? 0 : -1;
}

/* Whether the character's script loaded: only then is there anything to call or read. */
static int alive(const Character *ch)
{
    return ch->sbx && ch->ref != LUA_NOREF;
}

/* Set field `key` of the character's table to `value`, so its script reads what the engine does. */
static void set_table_string(Character *ch, const char *key, const char *value)
{
    if (!alive(ch)) return;
    lua_State *L = sbx_lua(ch->sbx);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ch->ref);
    lua_pushstring(L, value);
    lua_setfield(L, -2, key);
    lua_pop(L, 1);
}

int character_set_quadrant(Character *ch, const Lexicon *lx, const char *core)
{
    Quadrant q;
    if (!core || lexicon_quadrant(lx, core, &q)) return -1;
    ch->quadrant = q;
    free(ch->quadrant_term);
    ch->quadrant_term = xstrdup(q.nl[CORNER_CORE]);
    set_table_string(ch, "quadrant", ch->quadrant_term);
    return 0;
}

void character_set_name(Character *ch, const char *name)
{
    if (!ch->script_name) ch->script_name = xstrdup(ch->name ? ch->name : "");
    free(ch->name);
    ch->name = xstrdup(name ? name : ch->script_name);
    set_table_string(ch, "name", ch->name);
}

/* A character that failed to load keeps its name for messages but no script: every hook then
 * finds nothing to call, so nothing of a half-loaded script ever runs or is read. */
static int unload(Character *ch)
{
    sbx_free(ch->sbx);
    ch->sbx = NULL;
    ch->ref = LUA_NOREF;
    ch->has_react = ch->has_choose = 0;
    free(ch->quadrant_term);
    free(ch->script_term);
    ch->quadrant_term = ch->script_term = NULL;
    return -1;
}

int character_load(Character *ch, const char *path, const Lexicon *lx, unsigned long long seed,
                   DiagList *d)
{
    memset(ch, 0, sizeof *ch);
    ch->ref = LUA_NOREF;
    ch->path = xstrdup(path);
    size_t len;
    ch->src = read_file(path, 4u << 20, &len);
    if (!ch->src) {
        diag_add(d, DIAG_ERROR, path, 0, _("cannot read the script"));
        return -1;
    }
    ch->sbx = sbx_new(seed);
    if (!ch->sbx) {
        diag_add(d, DIAG_ERROR, path, 0, _("cannot create a Lua state"));
        return -1;
    }
    lua_State *L = sbx_lua(ch->sbx);
    char *err = NULL;
    open_lexicon(L, lx);
    if (sbx_load_shared(ch->sbx, prelude, sizeof prelude - 1, "=verbeeld", &err) == 0)
        sbx_call(ch->sbx, 0, 0, &err);
    if (!err) load_library(ch->sbx, &err);
    if (!err && sbx_load_from(ch->sbx, path, ch->src, len, &err) == 0 && sbx_call(ch->sbx, 0, 1, &err) == 0 &&
        !lua_istable(L, -1)) {
        lua_pop(L, 1);
        err = xasprintf("%s: %s", path, _("the script must return character { ... }"));
    }
    if (err) {
        diag_lua(d, path, err);
        free(err);
        return unload(ch);
    }
    ch->id = field_string(L, -1, "id");
    ch->name = field_string(L, -1, "name");
    ch->quadrant_term = field_string(L, -1, "quadrant");
    read_title(ch, L, -1);
    ch->has_react = has_function(L, -1, "react");
    ch->has_choose = has_function(L, -1, "choose");
    if (ch->has_react) {                 /* called for every choice: looked up once, here */
        raw_field(L, -1, "react");
        ch->react_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    ch->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    if (!ch->id || !ch->name || !ch->quadrant_term) {
        diag_add(d, DIAG_ERROR, path, 0, _("the script must return character { id = ..., name = ..., quadrant = ... }"));
        return unload(ch);
    }
    return check_fields(ch, lx, d) ? unload(ch) : 0;
}

void character_free(Character *ch)
{
    sbx_free(ch->sbx);
    free(ch->path);
    free(ch->src);
    free(ch->id);
    free(ch->name);
    free(ch->script_name);
    free(ch->title_nl);
    free(ch->title_en);
    free(ch->quadrant_term);
    free(ch->script_term);
    memset(ch, 0, sizeof *ch);
}

/* ============================== lines ============================== */

/* Push field `field` of the character table and the table itself (as `self`). */
static void push_field(Character *ch, const char *field)
{
    lua_State *L = sbx_lua(ch->sbx);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ch->ref);
    raw_field(L, -1, field);
    lua_insert(L, -2);
}

int character_has_line(Character *ch, const char *key)
{
    if (!alive(ch)) return 0;
    lua_State *L = sbx_lua(ch->sbx);
    push_field(ch, "lines");
    lua_pop(L, 1);
    int yes = lua_istable(L, -1) && raw_field(L, -1, key) != LUA_TNIL;
    lua_settop(L, 0);
    return yes;
}

static void check_said_lines(Character *ch, const Scenario *s, int role, const Item *items, int n, DiagList *d)
{
    for (int i = 0; i < n; i++) {
        const Item *it = &items[i];
        if (it->kind == ITEM_SAY && it->line_key && it->role == role && !character_has_line(ch, it->line_key))
            diag_add(d, DIAG_ERROR, s->path, it->line, _("character '%s' has no line '%s'"),
                     s->roles[role].character, it->line_key);
    }
}

void character_check_lines(Character *ch, const Scenario *s, int role, DiagList *d)
{
    if (!ch->sbx) return;
    for (int i = 0; i < s->nscenes; i++) check_said_lines(ch, s, role, s->scenes[i].items, s->scenes[i].nitems, d);
    for (int i = 0; i < s->nendings; i++) check_said_lines(ch, s, role, s->endings[i].items, s->endings[i].nitems, d);
}

/* Turn the value on top (text, table, or function of self) into text; pops it. */
static char *value_text(Character *ch, const char *lang, const char *fb, char **err)
{
    lua_State *L = sbx_lua(ch->sbx);
    if (lua_type(L, -1) == LUA_TFUNCTION) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, ch->ref);
        if (sbx_call(ch->sbx, 1, 1, err)) return NULL;
    }
    const char *t = sbx_text(L, -1, lang, fb);
    char *text = t ? xstrdup(t) : NULL;
    lua_pop(L, 1);
    return text;
}

/* The line whose key is the string at `key`, as text (see character_line); pops nothing. */
static char *line_at(Character *ch, int key, const char *lang, const char *fb, char **err)
{
    lua_State *L = sbx_lua(ch->sbx);
    int top = lua_gettop(L);
    char *text = NULL;
    *err = NULL;
    key = lua_absindex(L, key);
    push_field(ch, "lines");
    lua_pop(L, 1);
    if (lua_istable(L, -1)) {
        lua_pushvalue(L, key);
        if (lua_rawget(L, -2) != LUA_TNIL) text = value_text(ch, lang, fb, err);
    }
    lua_settop(L, top);
    return text;
}

char *character_line(Character *ch, const char *key, const char *lang, const char *fb, char **err)
{
    *err = NULL;
    if (!alive(ch)) return NULL;
    lua_State *L = sbx_lua(ch->sbx);
    lua_pushstring(L, key);
    char *text = line_at(ch, -1, lang, fb, err);
    lua_settop(L, 0);
    return text;
}

/* ============================== hooks ============================== */

static void set_string(lua_State *L, const char *k, const char *v)
{
    if (!v) return;
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

int character_react(Character *ch, const ReactEvent *ev, const char *lang, const char *fb,
                    char **said, char **mood, char **err)
{
    *said = *mood = *err = NULL;
    if (!ch->has_react || !alive(ch)) return 0;
    lua_State *L = sbx_lua(ch->sbx);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ch->react_ref);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ch->ref);
    if (!ch->evt) ch->evt = ev_table(L);
    ev_push(L, ch->evt, ev, quadrant_corner_id(&ch->quadrant, ev->quality));
    int failed = sbx_call(ch->sbx, 2, 1, err);
    ev_end(ch->evt);
    if (failed) return -1;
    int rc = 0;
    if (lua_type(L, -1) == LUA_TSTRING) {
        *mood = xstrdup(lua_tostring(L, -1));
        *said = line_at(ch, -1, lang, fb, err);     /* the key as the script returned it */
        if (*err) rc = -1;
    } else if (lua_type(L, -1) == LUA_TTABLE) {
        const char *t = sbx_text(L, -1, lang, fb);
        *said = t ? xstrdup(t) : NULL;
    }
    lua_settop(L, 0);
    return rc;
}

int character_choose(Character *ch, const ChooseOption *opts, int n, char **err)
{
    *err = NULL;
    if (!ch->has_choose || !alive(ch) || n <= 0) return n > 0 ? 0 : -1;
    lua_State *L = sbx_lua(ch->sbx);
    push_field(ch, "choose");
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_createtable(L, 0, 3);
        set_string(L, "id", opts[i].id);
        set_string(L, "quality", opts[i].quality);
        Corner c = quadrant_corner_id(&ch->quadrant, opts[i].quality);
        if (c != CORNER_NONE) set_string(L, "corner", corner_id(c));
        lua_rawseti(L, -2, i + 1);
    }
    if (sbx_call(ch->sbx, 2, 1, err)) return -1;
    int isnum;
    lua_Integer k = lua_tointegerx(L, -1, &isnum);
    if (!isnum || k < 1 || k > n) {
        /* what it returned, so that the designer sees the slip (a table by its type: its
         * __tostring would run a script's code outside the sandbox's protected call) */
        int t = lua_type(L, -1);
        char *got = clean_text(t == LUA_TNUMBER || t == LUA_TSTRING ? lua_tostring(L, -1)
                               : t == LUA_TBOOLEAN ? (lua_toboolean(L, -1) ? "true" : "false")
                               : luaL_typename(L, -1));
        *err = xasprintf(_("%s: choose returned %s: it must return the number of one of the options, 1 to %d"),
                         ch->path, got, n);
        free(got);
        lua_settop(L, 0);
        return -1;
    }
    lua_settop(L, 0);
    return (int)k - 1;
}

/* ============================== state ============================== */

json_object *character_state(Character *ch)
{
    if (!alive(ch)) return json_object_new_object();
    lua_State *L = sbx_lua(ch->sbx);
    push_field(ch, "state");
    lua_pop(L, 1);
    json_object *j = sbx_to_json(L, -1);
    lua_settop(L, 0);
    return j ? j : json_object_new_object();
}

void character_push_state(Character *ch, lua_State *to)
{
    if (!alive(ch)) {
        lua_newtable(to);
        return;
    }
    lua_State *L = sbx_lua(ch->sbx);
    push_field(ch, "state");
    lua_pop(L, 1);
    if (sbx_copy(L, -1, to)) lua_newtable(to);
    lua_settop(L, 0);
}

void character_set_state(Character *ch, json_object *state)
{
    if (!alive(ch)) return;
    lua_State *L = sbx_lua(ch->sbx);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ch->ref);
    lua_pushliteral(L, "state");
    sbx_push_json(L, state);
    lua_rawset(L, -3);
    lua_settop(L, 0);
}

void character_each_line(Character *ch, void (*fn)(const char *key, void *ud), void *ud)
{
    if (!alive(ch)) return;
    lua_State *L = sbx_lua(ch->sbx);
    char **keys = NULL;
    int n = 0, cap = 0;
    push_field(ch, "lines");
    lua_pop(L, 1);
    if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            lua_pop(L, 1);
            if (lua_type(L, -1) == LUA_TSTRING) {
                VEC_PUSH(keys, n, cap);
                keys[n++] = xstrdup(lua_tostring(L, -1));
            }
        }
    }
    lua_settop(L, 0);
    for (int i = 0; i < n; i++) {          /* fn may call into the sandbox: the walk is done */
        fn(keys[i], ud);
        free(keys[i]);
    }
    free(keys);
}
