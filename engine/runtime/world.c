/*
 * world.c - the world sandbox: variables, conditions and effects.
 */
#include "runtime/world.h"

#include <assert.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "base/bytecode.h"
#include "base/i18n.h"
#include "base/luanames.h"
#include "base/util.h"

/* A number as Lua holds it: an integer or a float (the snapshot keeps the difference). */
typedef struct {
    lua_Number n;
    lua_Integer i;
    int isint;
} Num;

/* A number the scenario gives (value="0", <set add="1"/>): a whole number is an integer, as it
 * would be in Lua, so that a variable taken from 0 to 1 and back is the state it started in. */
static Num num_of(double v)
{
    if (v >= -0x1p53 && v <= 0x1p53 && v == (double)(long long)v) return (Num){0, (long long)v, 1};
    return (Num){v, 0, 0};
}

/* A condition of the form `vars.NAME OP NUMBER`, evaluated without Lua. */
typedef struct {
    int op;               /* 0: not native; else one of the OP_ below */
    int var;
    lua_Number k;
    lua_Integer ki;
    int k_isint;
} Native;

enum { OP_LT = 1, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE };

/* The state lives in C; the tables of the world sandbox are brought up to date only before
 * Lua code of the scenario runs (and vars read back after a <lua> effect), so that entering a
 * scene or restoring a snapshot costs what changed, not the size of the story. */
struct World {
    const Scenario *s;
    Sandbox *sbx;
    int *code_ref;        /* compiled function per scenario code; 0 not yet (a native one) */
    int ref_env_read;     /* the environment conditions run in */
    int ref_env_write;    /* and the one effects run in */
    Native *native;       /* per scenario code */
    int ref_vars, ref_visited, ref_count, ref_chars, ref_played, ref_cards, ref_facts;
    int reads_chars;      /* some code may read chars: keep the copies of character state */
    Character **char_src; /* per role: the character whose state chars[role] must copy... */
    unsigned char *char_dirty;            /* ...when it may have changed since the last copy */
    int chars_dirty;
    Num *vars;
    int *visited;
    int count[CORNERS];
    int *touched, ntouched;               /* scenes visited at least once */
    unsigned char *var_dirty, *visit_dirty;
    int *dirty_vars, ndirty_vars;
    int *dirty_visits, ndirty_visits;
    int count_dirty;
    int participants;
    int briefed;
};

/* The read-only view: a proxy per table, so that neither conditions nor effects can change
 * what they only read. Effects get `vars` through a proxy that accepts declared names only. A
 * name the environment lacks is an error, not nil: `grens >= 2` for `vars.grens` would compare
 * nil, and `not grens` would quietly hold; `say` holds the messages, in the session's language. */
static const char world_prelude[] =
    "local real, say = ...\n"
    "local proxies = setmetatable({}, { __mode = 'k' })\n"
    "local function readonly(t)\n"
    "  if type(t) ~= 'table' then return t end\n"
    "  local p = proxies[t]\n"
    "  if p then return p end\n"
    "  p = setmetatable({}, { __index = function(_, k) return readonly(t[k]) end,\n"
    "    __newindex = function() error('the world is read-only here', 2) end,\n"
    "    __len = function() return #t end,\n"
    "    __pairs = function() local f, s, k0 = pairs(t)\n"
    "      return function(_, k) local nk, v = f(s, k)\n"
    "      return nk, readonly(v) end, nil, k0 end })\n"
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
    "  for _, k in ipairs({ 'chars', 'played', 'cards', 'visited', 'count', 'facts' }) do\n"
    "    e[k] = readonly(real[k]) end\n"
    "  e.vars = write and writable_vars or readonly(real.vars)\n"
    "  return setmetatable(e, { __newindex = function(_, k)\n"
    "    error(\"cannot set '\" .. tostring(k) .. \"': only vars can be changed\", 2) end,\n"
    "    __index = function(_, k)\n"
    "      k = tostring(k)\n"
    "      local fmt = real.facts[k] ~= nil and say.fact or real.vars[k] ~= nil and say.var or say.name\n"
    "      error(string.format(fmt, k, k), 2) end })\n"
    "end\n"
    "return env(false), env(true)\n";

/* ============================== building ============================== */

static int new_table_ref(lua_State *L)
{
    lua_newtable(L);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

/* ---- visited: a scene not entered yet reads 0 */

/* Filling `visited` with a 0 for every scene cost a large story tens of milliseconds at each
 * start, for scenes most conditions never ask about. The table holds the scenes entered; a
 * scene not in it reads 0 through __index, and pairs() lists every scene in story order. */
/* The scene that the key (argument 2) of a visited metamethod names, or -1. */
static int key_scene(lua_State *L, const World *w)
{
    return lua_type(L, 2) == LUA_TSTRING ? scenario_scene(w->s, lua_tostring(L, 2)) : -1;
}

static int visited_index(lua_State *L)
{
    const World *w = lua_touserdata(L, lua_upvalueindex(1));
    if (key_scene(L, w) >= 0) lua_pushinteger(L, 0);
    else lua_pushnil(L);
    return 1;
}

static int visited_next(lua_State *L)
{
    const World *w = lua_touserdata(L, lua_upvalueindex(1));
    int next = 0;
    if (!lua_isnil(L, 2)) {
        int sc = key_scene(L, w);
        if (sc < 0) return luaL_error(L, "invalid key to 'next'");
        next = sc + 1;
    }
    if (next >= w->s->nscenes) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushstring(L, w->s->scenes[next].id);
    lua_pushvalue(L, -1);
    if (lua_rawget(L, 1) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_pushinteger(L, 0);
    }
    return 2;
}

static int visited_pairs(lua_State *L)
{
    return sbx_pairs_with(L, visited_next);
}

static int new_visited_ref(World *w, lua_State *L)
{
    lua_newtable(L);
    lua_createtable(L, 0, 2);
    lua_pushlightuserdata(L, w);
    lua_pushcclosure(L, visited_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushlightuserdata(L, w);
    lua_pushcclosure(L, visited_pairs, 1);
    lua_setfield(L, -2, "__pairs");
    lua_setmetatable(L, -2);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

static void push_ref(World *w, int ref)
{
    lua_rawgeti(sbx_lua(w->sbx), LUA_REGISTRYINDEX, ref);
}

/* Lua's message for a condition that does not parse ("path:line: message", freed), said of the
 * condition as written: the parentheses load_code puts round it are not the designer's, so
 * "')' expected near '='" becomes "unexpected '='". */
static char *expression_error(char *err)
{
    size_t place_len;
    int line;
    const char *msg = diag_lua_split(err, &place_len, &line);
    if (!msg) msg = err;
    static const char paren[] = "')' expected near ";
    size_t n = strlen(msg);
    char *said;
    if (!strncmp(msg, paren, sizeof paren - 1)) {
        said = xasprintf(_("unexpected %s"), msg + sizeof paren - 1);
    } else if (n > 9 && !strcmp(msg + n - 9, " near ')'")) {   /* that parenthesis is load_code's */
        char *head = xstrndup(msg, n - 9);
        char *words = diag_lua_words(head);
        said = xasprintf(_("%s at the end of the condition"), words);
        free(words);
        free(head);
    } else {
        said = diag_lua_words(msg);
    }
    char *what = xasprintf(_("the condition is not an expression Lua can read: %s"), said);
    char *named = xasprintf("%.*s%s", (int)(msg - err), err, what);
    free(said);
    free(what);
    free(err);
    return named;
}

/* Load piece `c` of the scenario at `path` into sbx as a function on its stack: 0, or -1 with
 * Lua's message in `d`. The source is preceded by as many newlines as its line in the XML
 * file, so Lua's own messages carry the XML line number. */
static int load_code(Sandbox *sbx, const char *path, const Code *c, DiagList *d)
{
    StrBuf b;
    sb_init(&b);
    for (int i = 1; i < c->line; i++) sb_addc(&b, '\n');
    if (c->is_expr) sb_addf(&b, "return (%s)", c->src);
    else sb_add(&b, c->src);
    char *err = NULL;
    int rc = sbx_load_from(sbx, path, b.s, b.len, &err);
    sb_free(&b);
    if (rc && c->is_expr) err = expression_error(err);
    if (rc) {
        diag_lua(d, path, err);
        free(err);
    }
    return rc;
}

/* Compile one piece of scenario code with env `envidx`. */
static int compile(World *w, const Code *c, int envidx, DiagList *d)
{
    lua_State *L = sbx_lua(w->sbx);
    if (load_code(w->sbx, w->s->path, c, d)) return LUA_NOREF;
    lua_pushvalue(L, envidx);
    lua_setupvalue(L, -2, 1);            /* _ENV */
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

void world_check_code(const Scenario *s, DiagList *d)
{
    Sandbox *sbx = sbx_new(0);
    if (!sbx) return;
    for (int i = 0; i < s->ncode; i++)
        if (load_code(sbx, s->path, &s->code[i], d) == 0) lua_pop(sbx_lua(sbx), 1);
    sbx_free(sbx);
}

/* Whether a piece of code is a chunk of its own (as compile() would build it, without the
 * leading newlines). */
static int parses_alone(World *w, const Code *c)
{
    lua_State *L = sbx_lua(w->sbx);
    StrBuf b;
    sb_init(&b);
    if (c->is_expr) sb_addf(&b, "return (%s)", c->src);
    else sb_add(&b, c->src);
    int ok = luaL_loadbufferx(L, b.s, b.len, "=check", "t") == LUA_OK;
    lua_pop(L, 1);
    sb_free(&b);
    return ok;
}

#define BATCH 2000

/* The text of a batch: one chunk that returns a table of functions, each function's body
 * placed on its own line of the XML file. Pieces marked in `alone`, and pieces that lie on
 * lines the chunk has passed or name _ENV (which could change it: they keep an _ENV of their
 * own, and are marked now), are left out. Returns whether any piece is in it. */
static int batch_text(World *w, const int *idx, int n, unsigned char *alone, StrBuf *b)
{
    const Code *code = w->s->code;
    sb_init(b);
    sb_add(b, "return {");
    int line = 1, any = 0;
    for (int k = 0; k < n; k++) {
        const Code *c = &code[idx[k]];
        if (alone[k] || c->line < line || strstr(c->src, "_ENV")) { alone[k] = 1; continue; }
        for (; line < c->line; line++) sb_addc(b, '\n');
        if (c->is_expr) sb_addf(b, "[%d]=function(...) return (%s) end,", k + 1, c->src);
        else sb_addf(b, "[%d]=function(...) %s\nend,", k + 1, c->src);
        for (const char *p = c->src; *p; p++) line += *p == '\n';
        line += !c->is_expr;
        any = 1;
    }
    sb_add(b, "}");
    return any;
}

/* The batch's chunk onto the stack (LUA_OK), or nothing (-1). A piece that is no chunk of its
 * own (`x) end, [2]=function() y`) would change its neighbours: each is parsed alone first and
 * compiled alone when it fails. The chunk of a batch whose every piece parsed alone is kept in
 * the cache folder (base/bytecode.h), and its next load skips parsing: MoveOn's 45 conditions
 * and effects were 4.7 M of the 20 M instructions of a trainer's start (callgrind). */
static int load_batch(World *w, const int *idx, int n, unsigned char *alone)
{
    lua_State *L = sbx_lua(w->sbx);
    StrBuf b;
    int any = batch_text(w, idx, n, alone, &b);
    char *chunkname = xasprintf("@%s", w->s->path);
    int status = any ? bytecode_load_kept(L, b.s, b.len, chunkname) : -1;
    if (any && status != LUA_OK) {
        int all = 1;
        for (int k = 0; k < n; k++)
            if (!alone[k] && !parses_alone(w, &w->s->code[idx[k]])) alone[k] = 1, all = 0;
        if (!all) {
            sb_free(&b);
            any = batch_text(w, idx, n, alone, &b);
        }
        if (any) {
            status = all ? bytecode_load(L, b.s, b.len, chunkname)
                         : luaL_loadbufferx(L, b.s, b.len, chunkname, "t");
            if (status != LUA_OK) lua_pop(L, 1);
        }
    }
    free(chunkname);
    sb_free(&b);
    return any && status == LUA_OK ? LUA_OK : -1;
}

/* Compile many pieces at once (load_batch). Compiling each piece alone would cost as many
 * newlines as its line number (quadratic in the size of the story). Pieces left out of the
 * batch are compiled alone (with the same messages as before); so is every piece of a batch
 * whose chunk does not compile. */
static void compile_batch(World *w, const int *idx, int n, int envidx, DiagList *d)
{
    lua_State *L = sbx_lua(w->sbx);
    unsigned char *alone = xcalloc((size_t)n + 1, 1);
    int built = 0;
    if (load_batch(w, idx, n, alone) == LUA_OK) {
        lua_pushvalue(L, envidx);
        lua_setupvalue(L, -2, 1);            /* _ENV, shared by every function in it */
        if (lua_pcall(L, 0, 1, 0) == LUA_OK) built = 1;
        else lua_pop(L, 1);
    }
    for (int k = 0; k < n; k++) {
        if (built && !alone[k] && lua_rawgeti(L, -1, k + 1) == LUA_TFUNCTION) {
            w->code_ref[idx[k]] = luaL_ref(L, LUA_REGISTRYINDEX);
            continue;
        }
        if (built && !alone[k]) lua_pop(L, 1);
        w->code_ref[idx[k]] = compile(w, &w->s->code[idx[k]], envidx, d);
    }
    if (built) lua_pop(L, 1);
    free(alone);
}

/* ============================== native conditions ============================== */

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    return p;
}

/* The declared variable spelled by the `len` bytes at `name`, or -1 (also for a Lua keyword,
 * which no variable can be named and `vars.end` could not read, and for a name too long to be
 * worth the copy: its condition is then left to Lua, which says the same). */
static int var_named(const Scenario *s, const char *name, size_t len)
{
    static const char *const kw[] = {"and", "or", "not", "nil", "true", "false", "end", "function", NULL};
    char id[64];
    if (len >= sizeof id) return -1;
    memcpy(id, name, len);
    id[len] = '\0';
    for (int i = 0; kw[i]; i++)
        if (streq(id, kw[i])) return -1;
    return scenario_var(s, id);
}

/* `vars.NAME OP NUMBER` with NAME a declared variable and NUMBER a plain decimal: the
 * condition then reads one number and compares, exactly as Lua would. */
static void parse_native(World *w, const Code *c, Native *nc)
{
    memset(nc, 0, sizeof *nc);
    if (!c->is_expr) return;
    const char *p = skip_space(c->src);
    if (strncmp(p, "vars", 4) != 0) return;
    p = skip_space(p + 4);
    if (*p != '.') return;
    p = skip_space(p + 1);
    const char *name = p;
    if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) return;
    while (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) p++;
    int var = var_named(w->s, name, (size_t)(p - name));
    if (var < 0) return;
    p = skip_space(p);
    int op = 0;
    if (p[0] == '<' && p[1] == '=') op = OP_LE, p += 2;
    else if (p[0] == '>' && p[1] == '=') op = OP_GE, p += 2;
    else if (p[0] == '=' && p[1] == '=') op = OP_EQ, p += 2;
    else if (p[0] == '~' && p[1] == '=') op = OP_NE, p += 2;
    else if (p[0] == '<') op = OP_LT, p += 1;
    else if (p[0] == '>') op = OP_GT, p += 1;
    else return;
    p = skip_space(p);
    int negative = *p == '-';
    if (negative) p = skip_space(p + 1);
    const char *digits = p;
    long long whole = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        if (p - digits < 15) whole = whole * 10 + (*p - '0');      /* 15 digits: exact */
    if (p == digits || p - digits > 15) return;
    const char *frac = NULL;
    if (*p == '.') {
        frac = ++p;
        while (*p >= '0' && *p <= '9') p++;
        if (p - frac > 15) return;
    }
    const char *after = p;
    p = skip_space(p);
    if (*p) return;
    if (frac) {               /* as Lua reads it: the digits as written, through strtod */
        char lit[40];
        snprintf(lit, sizeof lit, "%s%.*s", negative ? "-" : "", (int)(after - digits), digits);
        nc->k = strtod(lit, NULL);
    } else {
        nc->ki = negative ? -whole : whole;
        nc->k = (lua_Number)nc->ki;
    }
    nc->k_isint = !frac;
    nc->var = var;
    nc->op = op;
}

#define EXACT_LIMIT 9007199254740992LL    /* 2^53: integers a double holds exactly */

/* 1 or 0, or -1 when the comparison is better left to Lua (integers beyond 2^53). */
static int native_test(const World *w, const Native *nc)
{
    const Num *x = &w->vars[nc->var];
    if (x->isint && nc->k_isint) {
        lua_Integer a = x->i, b = nc->ki;
        switch (nc->op) {
        case OP_LT: return a < b;
        case OP_LE: return a <= b;
        case OP_GT: return a > b;
        case OP_GE: return a >= b;
        case OP_EQ: return a == b;
        default: return a != b;
        }
    }
    if (x->isint && (x->i > EXACT_LIMIT || x->i < -EXACT_LIMIT)) return -1;
    lua_Number a = x->isint ? (lua_Number)x->i : x->n, b = nc->k;
    switch (nc->op) {
    case OP_LT: return a < b;
    case OP_LE: return a <= b;
    case OP_GT: return a > b;
    case OP_GE: return a >= b;
    case OP_EQ: return a == b;
    default: return !(a == b);
    }
}

World *world_new(const Scenario *s, unsigned long long seed, DiagList *d)
{
    World *w = xcalloc(1, sizeof *w);
    w->s = s;
    w->sbx = sbx_new(seed);
    lua_State *L = sbx_lua(w->sbx);
    w->ref_vars = new_table_ref(L);
    w->ref_visited = new_visited_ref(w, L);
    w->ref_count = new_table_ref(L);
    w->ref_chars = new_table_ref(L);
    w->ref_played = new_table_ref(L);
    w->ref_cards = new_table_ref(L);
    w->ref_facts = new_table_ref(L);
    w->vars = xcalloc((size_t)s->nvars + 1, sizeof *w->vars);
    w->var_dirty = xcalloc((size_t)s->nvars + 1, 1);
    w->dirty_vars = xcalloc((size_t)s->nvars + 1, sizeof *w->dirty_vars);
    w->visited = xcalloc((size_t)s->nscenes + 1, sizeof *w->visited);
    w->visit_dirty = xcalloc((size_t)s->nscenes + 1, 1);
    w->dirty_visits = xcalloc((size_t)s->nscenes + 1, sizeof *w->dirty_visits);
    w->touched = xcalloc((size_t)s->nscenes + 1, sizeof *w->touched);
    w->char_src = xcalloc((size_t)s->nroles + 1, sizeof *w->char_src);
    w->char_dirty = xcalloc((size_t)s->nroles + 1, 1);

    char *err = NULL;
    if (sbx_load(w->sbx, world_prelude, sizeof world_prelude - 1, "=world", &err)) abort();
    lua_createtable(L, 0, 7);
    const char *names[] = {"vars", "visited", "count", "chars", "played", "cards", "facts"};
    int refs[] = {w->ref_vars, w->ref_visited, w->ref_count, w->ref_chars, w->ref_played, w->ref_cards, w->ref_facts};
    for (int i = 0; i < 7; i++) {
        push_ref(w, refs[i]);
        lua_setfield(L, -2, names[i]);
    }
    lua_createtable(L, 0, 3);
    lua_pushstring(L, _("'%s' is not a name here: the variable is vars.%s"));
    lua_setfield(L, -2, "var");
    lua_pushstring(L, _("'%s' is not a name here: the fact is facts.%s"));
    lua_setfield(L, -2, "fact");
    lua_pushstring(L, _("unknown name '%s' (variables are vars.NAME, facts facts.NAME)"));
    lua_setfield(L, -2, "name");
    if (sbx_call(w->sbx, 2, 2, &err)) {
        fprintf(stderr, "verbeeld: internal error: %s\n", err);
        abort();
    }
    int env_read = lua_gettop(L) - 1, env_write = lua_gettop(L);
    lua_pushvalue(L, env_read);
    w->ref_env_read = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushvalue(L, env_write);
    w->ref_env_write = luaL_ref(L, LUA_REGISTRYINDEX);
    w->code_ref = xcalloc((size_t)s->ncode + 1, sizeof *w->code_ref);
    w->native = xcalloc((size_t)s->ncode + 1, sizeof *w->native);
    for (int i = 0; i < s->ncode; i++) {
        parse_native(w, &s->code[i], &w->native[i]);
        if (strstr(s->code[i].src, "chars") || strstr(s->code[i].src, "_ENV")) w->reads_chars = 1;
    }
    int errors = d->errors;
    /* Conditions in one series of chunks, effects in another, each in the order of the file.
     * A native condition is compiled only if it ever needs Lua (see world_test): most of a
     * large story's conditions are native, and compiling them would be most of its start. */
    int *idx = xcalloc((size_t)s->ncode + 1, sizeof *idx);
    for (int expr = 1; expr >= 0; expr--) {
        int n = 0;
        for (int i = 0; i < s->ncode; i++) {
            if (s->code[i].is_expr != expr || w->native[i].op) continue;
            idx[n++] = i;
            if (n == BATCH) {
                compile_batch(w, idx, n, expr ? env_read : env_write, d);
                n = 0;
            }
        }
        if (n) compile_batch(w, idx, n, expr ? env_read : env_write, d);
    }
    free(idx);
    lua_settop(L, 0);
    world_reset(w);
    if (d->errors > errors) {
        world_free(w);
        return NULL;
    }
    return w;
}

void world_reseed(World *w, unsigned long long seed)
{
    sbx_reseed(w->sbx, seed);
}

void world_free(World *w)
{
    if (!w) return;
    sbx_free(w->sbx);
    free(w->code_ref);
    free(w->native);
    free(w->char_src);
    free(w->char_dirty);
    free(w->vars);
    free(w->var_dirty);
    free(w->dirty_vars);
    free(w->visited);
    free(w->visit_dirty);
    free(w->dirty_visits);
    free(w->touched);
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

static void push_num(lua_State *L, const Num *x)
{
    if (x->isint) lua_pushinteger(L, x->i);
    else lua_pushnumber(L, x->n);
}

static void num_from_lua(lua_State *L, int idx, Num *x)
{
    if (lua_isinteger(L, idx)) *x = (Num){0, lua_tointeger(L, idx), 1};
    else *x = (Num){lua_tonumber(L, idx), 0, 0};
}

static void mark_var(World *w, int var)
{
    if (!w->var_dirty[var]) {
        w->var_dirty[var] = 1;
        w->dirty_vars[w->ndirty_vars++] = var;
    }
}

static void set_visits(World *w, int scene, int n)
{
    if (w->visited[scene] == n) return;
    if (w->visited[scene] == 0) w->touched[w->ntouched++] = scene;
    w->visited[scene] = n;
    if (!w->visit_dirty[scene]) {
        w->visit_dirty[scene] = 1;
        w->dirty_visits[w->ndirty_visits++] = scene;
    }
}

/* Bring the tables of the world sandbox up to date with the state, before Lua code runs. */
static void chars_to_lua(World *w)
{
    lua_State *L = sbx_lua(w->sbx);
    push_ref(w, w->ref_chars);
    for (int r = 0; r < w->s->nroles; r++) {
        if (!w->char_dirty[r]) continue;
        character_push_state(w->char_src[r], L);
        lua_setfield(L, -2, w->s->roles[r].id);
        w->char_dirty[r] = 0;
    }
    lua_pop(L, 1);
    w->chars_dirty = 0;
}

/* facts.ID, true when the fact's variable is not 0; the table is at the top of L's stack. */
static void fact_to_lua(World *w, lua_State *L, int v)
{
    const Num *x = &w->vars[v];
    lua_pushboolean(L, x->isint ? x->i != 0 : x->n != 0);
    lua_setfield(L, -2, w->s->vars[v].id);
}

static void to_lua(World *w)
{
    if (w->chars_dirty) chars_to_lua(w);
    if (!w->ndirty_vars && !w->ndirty_visits && !w->count_dirty) return;
    lua_State *L = sbx_lua(w->sbx);
    if (w->ndirty_vars) {
        push_ref(w, w->ref_vars);
        for (int k = 0; k < w->ndirty_vars; k++) {
            int v = w->dirty_vars[k];
            push_num(L, &w->vars[v]);
            lua_setfield(L, -2, w->s->vars[v].id);
            w->var_dirty[v] = 0;
            if (w->s->vars[v].fact) {
                push_ref(w, w->ref_facts);
                fact_to_lua(w, L, v);
                lua_pop(L, 1);
            }
        }
        w->ndirty_vars = 0;
        lua_pop(L, 1);
    }
    if (w->ndirty_visits) {
        push_ref(w, w->ref_visited);
        for (int k = 0; k < w->ndirty_visits; k++) {
            int sc = w->dirty_visits[k];
            if (w->visited[sc]) lua_pushinteger(L, w->visited[sc]);
            else lua_pushnil(L);                          /* reads 0 all the same */
            lua_setfield(L, -2, w->s->scenes[sc].id);
            w->visit_dirty[sc] = 0;
        }
        w->ndirty_visits = 0;
        lua_pop(L, 1);
    }
    if (w->count_dirty) {
        push_ref(w, w->ref_count);
        for (int c = 0; c < CORNERS; c++) {
            lua_pushinteger(L, w->count[c]);
            lua_setfield(L, -2, corner_id((Corner)c));
        }
        w->count_dirty = 0;
        lua_pop(L, 1);
    }
}

/* Read the variables back after a <lua> effect (the only Lua that can change them). */
static void vars_from_lua(World *w)
{
    lua_State *L = sbx_lua(w->sbx);
    push_ref(w, w->ref_vars);
    for (int v = 0; v < w->s->nvars; v++) {
        lua_getfield(L, -1, w->s->vars[v].id);
        num_from_lua(L, -1, &w->vars[v]);
        lua_pop(L, 1);
        if (w->s->vars[v].fact) {                     /* facts.ID follows its variable */
            push_ref(w, w->ref_facts);
            fact_to_lua(w, L, v);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

void world_reset(World *w)
{
    lua_State *L = sbx_lua(w->sbx);
    clear(w, w->ref_visited);
    clear(w, w->ref_cards);
    for (int k = 0; k < w->ntouched; k++) w->visited[w->touched[k]] = 0;
    for (int k = 0; k < w->ndirty_visits; k++) w->visit_dirty[w->dirty_visits[k]] = 0;
    for (int k = 0; k < w->ndirty_vars; k++) w->var_dirty[w->dirty_vars[k]] = 0;
    w->ntouched = w->ndirty_visits = w->ndirty_vars = 0;
    w->count_dirty = 0;
    push_ref(w, w->ref_vars);
    for (int i = 0; i < w->s->nvars; i++) {
        w->vars[i] = num_of(w->s->vars[i].value);
        push_num(L, &w->vars[i]);
        lua_setfield(L, -2, w->s->vars[i].id);
    }
    lua_pop(L, 1);
    push_ref(w, w->ref_facts);
    for (int i = 0; i < w->s->nvars; i++)
        if (w->s->vars[i].fact) fact_to_lua(w, L, i);
    lua_pop(L, 1);
    push_ref(w, w->ref_count);
    for (int c = 0; c < CORNERS; c++) {
        w->count[c] = 0;
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

double world_var(World *w, int var)
{
    assert(var >= 0 && var < w->s->nvars);
    const Num *x = &w->vars[var];
    return x->isint ? (double)x->i : x->n;
}

void world_set_var(World *w, int var, double v)
{
    assert(var >= 0 && var < w->s->nvars);
    w->vars[var] = num_of(v);
    mark_var(w, var);
}

int world_visits(World *w, int scene)
{
    assert(scene >= 0 && scene < w->s->nscenes);
    return w->visited[scene];
}

void world_prefetch_visit(const World *w, int scene)
{
    PREFETCH(&w->visited[scene]);
    PREFETCH(&w->visit_dirty[scene]);
}

void world_visit(World *w, int scene)
{
    assert(scene >= 0 && scene < w->s->nscenes);
    set_visits(w, scene, w->visited[scene] + 1);
}

void world_count(World *w, Corner c)
{
    if (c == CORNER_NONE) return;
    assert(c >= 0 && c < CORNERS);
    w->count[c]++;
    w->count_dirty = 1;
}

static void set_flag(World *w, int ref, const char *key, int on)
{
    lua_State *L = sbx_lua(w->sbx);
    push_ref(w, ref);
    lua_pushboolean(L, on);
    lua_setfield(L, -2, key);
    lua_pop(L, 1);
}

void world_set_played(World *w, int role, int on)
{
    assert(role >= 0 && role < w->s->nroles);
    set_flag(w, w->ref_played, w->s->roles[role].id, on);
}
void world_set_card(World *w, const char *card, int on) { set_flag(w, w->ref_cards, card, on); }

int world_participants(const World *w)
{
    return w->participants;
}

int world_briefed(const World *w)
{
    return w->briefed;
}

/* `participants` and `briefed` are plain numbers in both environments (set raw: they refuse
 * new names). */
static void set_number(World *w, const char *name, int n)
{
    lua_State *L = sbx_lua(w->sbx);
    int refs[] = {w->ref_env_read, w->ref_env_write};
    for (int i = 0; i < 2; i++) {
        push_ref(w, refs[i]);
        lua_pushstring(L, name);
        lua_pushinteger(L, n);
        lua_rawset(L, -3);
        lua_pop(L, 1);
    }
}

void world_set_participants(World *w, int n)
{
    w->participants = n;
    set_number(w, "participants", n);
}

void world_set_briefed(World *w, int n)
{
    w->briefed = n;
    set_number(w, "briefed", n);
}

/* The copy is made when Lua code of the scenario next runs, not after every reaction: in a
 * scenario that reads chars those copies would be a quarter of the explorer's time, mostly
 * for copies that no condition reads before the next reaction replaces them. */
void world_sync_character(World *w, int role, Character *ch)
{
    assert(role >= 0 && role < w->s->nroles);
    if (!w->reads_chars) return;      /* no condition or effect can see chars */
    w->char_src[role] = ch;
    w->char_dirty[role] = 1;
    w->chars_dirty = 1;
}

/* ============================== conditions and effects ============================== */

/* A native condition that needs Lua after all (a number beyond 2^53): it parsed as
 * `vars.NAME OP NUMBER`, so it compiles. */
static void compile_late(World *w, int code)
{
    lua_State *L = sbx_lua(w->sbx);
    DiagList d;
    diag_init(&d);
    lua_rawgeti(L, LUA_REGISTRYINDEX, w->ref_env_read);
    w->code_ref[code] = compile(w, &w->s->code[code], lua_gettop(L), &d);
    lua_pop(L, 1);
    diag_free(&d);
}

/* Whether `place` (n bytes) names the file at `path` as Lua does: whole, or shortened from its
 * start to "..." and its end. */
static int names_file(const char *place, size_t n, const char *path)
{
    size_t len = strlen(path);
    if (n == len && strncmp(place, path, n) == 0) return 1;
    return n > 3 && strncmp(place, "...", 3) == 0 && n - 3 <= len &&
           strncmp(place + 3, path + len - (n - 3), n - 3) == 0;
}

/* A failed piece of the scenario's code, named as what it is (a condition or an effect) at
 * its place in the XML file: Lua's own line when it gives one (a line within the code), else
 * the line the code starts on. Takes `lua_err`. */
static char *name_failure(const World *w, int code, const char *what_fmt, char *lua_err)
{
    const char *path = w->s->path, *msg = lua_err;
    int line = w->s->code[code].line, at;
    size_t place_len;
    const char *text = diag_lua_split(lua_err, &place_len, &at);
    if (text && names_file(lua_err, place_len, path)) {
        line = at;
        msg = text;
    }
    char *words = diag_lua_words(msg);
    char *what = xasprintf(what_fmt, words);
    char *named = xasprintf("%s:%d: %s", path, line, what);
    free(words);
    free(what);
    free(lua_err);
    return named;
}

int world_test(World *w, int code, char **err)
{
    *err = NULL;
    if (code == NO_CODE) return 1;
    assert(code >= 0 && code < w->s->ncode && w->s->code[code].is_expr);
    if (w->native[code].op) {
        int yes = native_test(w, &w->native[code]);
        if (yes >= 0) return yes;
    }
    lua_State *L = sbx_lua(w->sbx);
    if (!w->code_ref[code]) compile_late(w, code);
    to_lua(w);
    lua_rawgeti(L, LUA_REGISTRYINDEX, w->code_ref[code]);
    if (sbx_call(w->sbx, 0, 1, err)) {
        *err = name_failure(w, code, _("condition failed: %s"), *err);
        return -1;
    }
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
        assert(e->code >= 0 && e->code < w->s->ncode && !w->s->code[e->code].is_expr);
        lua_State *L = sbx_lua(w->sbx);
        to_lua(w);
        lua_rawgeti(L, LUA_REGISTRYINDEX, w->code_ref[e->code]);
        int rc = sbx_call(w->sbx, 0, 0, err);
        vars_from_lua(w);
        if (rc) *err = name_failure(w, e->code, _("effect failed: %s"), *err);
        return rc;
    }
    }
    return 0;
}

/* ---- names a condition reads bare: found in its words, so that a name the first test never
 * reached (`vars.x == 0 or moed`) is found as well as one it did */

/* The first name condition `code` reads from its environment that the environment lacks, as
 * the message Lua would give when it ran (freed by the caller); NULL when none. A condition
 * that declares names of its own (function, local) is left to running it. */
typedef struct {
    World *w;
    char *found;
} BareName;

static int check_name(const char *word, size_t n, void *ud)
{
    BareName *b = ud;
    lua_State *L = sbx_lua(b->w->sbx);
    lua_rawgeti(L, LUA_REGISTRYINDEX, b->w->ref_env_read);
    lua_pushlstring(L, word, n);
    int known = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    if (known) return 0;
    char *name = xstrndup(word, n);
    int v = scenario_var(b->w->s, name);
    const char *fmt = v < 0 ? _("unknown name '%s' (variables are vars.NAME, facts facts.NAME)")
                      : b->w->s->vars[v].fact ? _("'%s' is not a name here: the fact is facts.%s")
                                              : _("'%s' is not a name here: the variable is vars.%s");
    b->found = xasprintf(fmt, name, name);
    free(name);
    return 1;
}

static char *bare_name(World *w, int code)
{
    BareName b = {w, NULL};
    luanames_each(w->s->code[code].src, check_name, &b);
    return b.found;
}

void world_try_code(World *w, DiagList *d)
{
    for (int i = 0; i < w->s->ncode; i++) {
        int is_expr = w->s->code[i].is_expr;
        char *err = bare_name(w, i);
        if (err)
            diag_add(d, DIAG_ERROR, w->s->path, w->s->code[i].line,
                     is_expr ? _("condition failed: %s") : _("effect failed: %s"), err);
        else if (is_expr && world_test(w, i, &err) < 0)
            diag_lua(d, w->s->path, err);
        free(err);
    }
}

/* ============================== snapshots ============================== */

static json_object *num_json(const Num *x)
{
    return x->isint ? json_object_new_int64(x->i) : json_object_new_double(x->n);
}

/* Variables in their order, the scenes visited so far (a scene not named was not visited),
 * the count of each corner. */
json_object *world_snapshot(World *w)
{
    json_object *o = json_object_new_object();
    json_object *vars = json_object_new_object();
    for (int v = 0; v < w->s->nvars; v++) json_object_object_add(vars, w->s->vars[v].id, num_json(&w->vars[v]));
    json_object_object_add(o, "vars", vars);
    json_object *visited = json_object_new_object();
    for (int k = 0; k < w->ntouched; k++) {
        int sc = w->touched[k];
        if (w->visited[sc]) json_object_object_add(visited, w->s->scenes[sc].id, json_object_new_int64(w->visited[sc]));
    }
    json_object_object_add(o, "visited", visited);
    json_object *count = json_object_new_object();
    for (int c = 0; c < CORNERS; c++) json_object_object_add(count, corner_id((Corner)c), json_object_new_int64(w->count[c]));
    json_object_object_add(o, "count", count);
    return o;
}

static int json_int(json_object *val)
{
    return json_object_is_type(val, json_type_int) ? (int)json_object_get_int64(val) : (int)json_object_get_double(val);
}

void world_restore(World *w, json_object *snap)
{
    json_object *j;
    if (json_object_object_get_ex(snap, "vars", &j)) {
        json_object_object_foreach(j, key, val) {
            int v = scenario_var(w->s, key);
            if (v < 0) continue;
            if (json_object_is_type(val, json_type_int)) w->vars[v] = (Num){0, json_object_get_int64(val), 1};
            else w->vars[v] = (Num){json_object_get_double(val), 0, 0};
            mark_var(w, v);
        }
    }
    if (json_object_object_get_ex(snap, "visited", &j)) {
        int n = w->ntouched;
        for (int k = 0; k < n; k++) set_visits(w, w->touched[k], 0);
        /* the scenes touched before are at 0 now: forget them, keep any touched since */
        int m = 0;
        for (int k = 0; k < w->ntouched; k++)
            if (w->visited[w->touched[k]]) w->touched[m++] = w->touched[k];
        w->ntouched = m;
        json_object_object_foreach(j, key, val) {
            int sc = scenario_scene(w->s, key);
            if (sc >= 0) set_visits(w, sc, json_int(val));
        }
    }
    if (json_object_object_get_ex(snap, "count", &j)) {
        json_object_object_foreach(j, key, val) {
            Corner c = corner_from_id(key);
            if (c != CORNER_NONE) w->count[c] = json_int(val);
        }
        w->count_dirty = 1;
    }
}
