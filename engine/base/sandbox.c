/*
 * sandbox.c - Lua states for untrusted scripts: safe libraries only, and every call bounded by
 * a budget of instructions and by memory, both counted the same way on every run, with a
 * minute of CPU time as a backstop for what the budget cannot see.
 */
#include "base/sandbox.h"

#include <assert.h>
#include <lauxlib.h>
#include <lualib.h>
#include <string.h>
#include <time.h>

#include "base/bytecode.h"
#include "base/i18n.h"
#include "base/util.h"

struct Sandbox {
    lua_State *L;
    size_t used, limit;
    long instr_left;        /* what is left of this call's budget */
    int limited;            /* within a bounded call */
    int tripped;            /* this call has spent its budget */
    const char *why;        /* why it was stopped, once tripped */
    int every;              /* instructions between two calls of the hook; 0: no hook */
    double wall0;           /* when this call started (coarse clock) */
    double cpu0;            /* CPU time of this thread when the call had run a second; < 0 */
};

/* ============================== the instruction budget ============================== */

/* Every call may do SBX_INSTR_LIMIT units of work, counted the same way on every run, so the
 * same script gets the same verdict on any machine and under any load. Lua's count hook counts
 * VM instructions from the first one of the call. Work that one instruction does in C counts
 * too: the bytes the call allocates (s:upper() on 8 MB) and the items the table functions
 * move (table.insert at the front of a million items), so such a loop runs out as well. The
 * hook costs a walk about a tenth of its time (bench/notes.md). */
#define HOOK_EVERY 1000
#define BYTES_PER_UNIT 16

/* The sandbox's words stay English here, as Lua's own: diag_lua_words says them in the session's
 * language where they are shown. */
static const char *const why_stopped = "script ran too long (instruction limit reached)";
static const char *const why_backstop = "script ran too long (over a minute)";

/* ============================== the backstop ============================== */

/* One instruction can take a long time that the budget does not see: comparing two strings of
 * megabytes (`a == b`, `a < b`) is one instruction of a millisecond or more, and a loop of them
 * would run for hours. A call that has used a minute of its own thread's CPU time (never
 * reached within the budget: about a third of a second of an ordinary machine, ten under
 * valgrind) is stopped all the same. CPU time, not the clock on the wall, so neither a busy
 * machine nor a suspended one (Ctrl-Z) can reach it; the CPU clock is read only in a call that
 * has been running for a second on the wall, which no ordinary call does. */
#define BACKSTOP_SECONDS 60.0

static double seconds(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#ifdef CLOCK_MONOTONIC_COARSE
#define WALL_CLOCK CLOCK_MONOTONIC_COARSE       /* read without a system call */
#else
#define WALL_CLOCK CLOCK_MONOTONIC
#endif

/* Whether the call has run past the backstop. */
static int past_backstop(Sandbox *s)
{
    if (seconds(WALL_CLOCK) - s->wall0 < 1.0) return 0;
    double cpu = seconds(CLOCK_THREAD_CPUTIME_ID);
    if (s->cpu0 < 0) s->cpu0 = cpu - 1.0;        /* at most a second of CPU in the first second */
    return cpu - s->cpu0 > BACKSTOP_SECONDS;
}

/* Stop a runaway script with an error that names where it was running. Inside a hook, level
 * 0 of the stack is the interrupted Lua function (luaL_error would add the place of its
 * caller, level 1, in front: two places). */
static void stop_script(lua_State *L, const char *why)
{
    lua_Debug ar;
    if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
        lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, why);
    else
        lua_pushstring(L, why);
    lua_error(L);
}

static Sandbox *sandbox_of(lua_State *L)
{
    return *(Sandbox **)lua_getextraspace(L);
}

static void hook_every(Sandbox *s, int n);

/* Once a call has run out, every further instruction of it fails too (the hook then fires on
 * each one), so neither pcall in a loop nor a __close handler can keep a stopped script going. */
static void sbx_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    Sandbox *s = sandbox_of(L);
    assert(s->limited);                   /* the hook is set only within a call */
    if (!s->tripped) {
        s->instr_left -= s->every;
        if (s->instr_left >= 0 && !past_backstop(s)) return;
        s->why = s->instr_left >= 0 ? why_backstop : why_stopped;
        s->instr_left = -1;               /* spent either way: no handler runs from here on */
        s->tripped = 1;
        hook_every(s, 1);
    }
    stop_script(L, s->why);
}

/* Run the hook every `n` instructions, counting afresh; 0: no hook. */
static void hook_every(Sandbox *s, int n)
{
    s->every = n;
    if (n) lua_sethook(s->L, sbx_hook, LUA_MASKCOUNT, n);
    else lua_sethook(s->L, NULL, 0, 0);
}

/* Take `units` of work done in C from the call's budget. Once it is spent, the next
 * instruction stops the call (lua_sethook may be called at any moment, even here). Returns
 * whether the budget is spent. */
static int spend(Sandbox *s, size_t units)
{
    if (!s->limited || s->instr_left < 0) return s->limited;
    s->instr_left -= units <= (size_t)s->instr_left ? (long)units : s->instr_left + 1;
    if (s->instr_left < 0) hook_every(s, 1);
    return s->instr_left < 0;
}

/* For a library function about to do `units` of work in C: stop its call here, with the
 * place of the Lua code that called it, when that spends the budget. */
static void spend_in_c(lua_State *L, size_t units)
{
    if (spend(sandbox_of(L), units)) luaL_error(L, "%s", why_stopped);
}

/* ============================== memory ============================== */

static void *sbx_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Sandbox *s = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        s->used -= old;
        return NULL;
    }
    /* Only a script's own calls are refused memory: the engine's pushes between calls run
     * unprotected, and a refusal there would abort the program. */
    if (s->limited && nsize > old && s->used - old + nsize > s->limit) return NULL;
    spend(s, nsize / BYTES_PER_UNIT);
    void *p = realloc(ptr, nsize);
    if (!p) return NULL;
    s->used = s->used - old + nsize;
    return p;
}

/* ============================== safe libraries ============================== */

static const char *const removed_globals[] = {
    "dofile", "loadfile", "load", "require", "collectgarbage", "print", "loadstring", NULL,
};

/* setmetatable without finalizers: Lua turns debug hooks off while a __gc metamethod runs (at
 * a collection, or at lua_close), so a loop in one could never be stopped. The metatable is set
 * while its __gc field is away, and Lua only marks an object for finalization when its
 * metatable has __gc at that moment: the finalizer never runs, the metatable stays the same. */
static int safe_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_pushliteral(L, "__gc");
    lua_pushvalue(L, -1);
    if (t == LUA_TTABLE) {
        lua_rawget(L, 2);                         /* 3: "__gc", 4: its value */
    } else {
        lua_pop(L, 1);
        lua_pushnil(L);
    }
    if (!lua_isnil(L, 4)) {
        lua_pushvalue(L, 3);
        lua_pushnil(L);
        lua_rawset(L, 2);
    }
    lua_pushvalue(L, 2);
    lua_setmetatable(L, 1);
    if (!lua_isnil(L, 4)) lua_rawset(L, 2);       /* put __gc back */
    lua_settop(L, 1);
    return 1;
}

/* Whether the call has spent its budget: from here on no more of its Lua code may run. */
static int spent(const Sandbox *s)
{
    return s->limited && s->instr_left < 0;
}

/* xpcall's message handler, as the script gave it (upvalue 1). Lua runs a handler where the
 * error was raised, and the limit's error is raised inside the count hook, where Lua turns
 * hooks off: a loop in a handler run there could never be stopped. Once the budget is spent
 * the handler is left out and the error goes on as it is. */
static int guarded_handler(lua_State *L)
{
    if (spent(sandbox_of(L))) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int safe_xpcall(lua_State *L)
{
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* The pattern functions backtrack in C, where the instruction hook cannot stop them: refuse a
 * pattern whose worst case on this subject would run for more than about a second. From each
 * start (n + 1 of them, one when anchored), k items that can take a varying length (a repeated
 * item, a balance %b, a back-reference %1) split the subject in about C(n+k, k) ways, and each
 * way compares every fixed item once more. */
#define PATTERN_STEPS 3e8

static int pattern_too_slow(size_t n, const char *p, size_t lp)
{
    double cost = p[0] == '^' ? 1.0 : (double)n + 1, fixed = 0;
    int k = 0;
    for (size_t i = 0; i < lp; i++) {
        int varies = 0;
        if (p[i] == '%' && i + 1 < lp && p[i + 1] == 'b') {
            varies = 1;
            i += 3;                      /* %bxy */
        } else if (p[i] == '%' && i + 1 < lp && p[i + 1] >= '0' && p[i + 1] <= '9') {
            varies = 1;
            i++;
        } else if (p[i] == '%') {
            i++;
        } else if (p[i] == '[') {        /* skip a set: its '-' is a range, not a repetition */
            i++;
            if (i < lp && p[i] == '^') i++;
            if (i < lp && p[i] == ']') i++;
            while (i < lp && p[i] != ']') i += p[i] == '%' ? 2 : 1;
        } else if (p[i] == '(' || p[i] == ')' || (p[i] == '^' && i == 0) || (p[i] == '$' && i + 1 == lp)) {
            continue;                    /* captures and anchors compare nothing */
        }
        if (!varies && i + 1 < lp && (p[i + 1] == '*' || p[i + 1] == '+' || p[i + 1] == '-' || p[i + 1] == '?')) {
            varies = 1;
            i++;
        }
        if (varies) {
            k++;
            cost *= ((double)n + k) / k;
            if (cost > PATTERN_STEPS) return 1;
        } else if (fixed <= (double)n) {
            fixed++;
        }
    }
    return cost * (fixed > 1 ? fixed : 1) > PATTERN_STEPS;
}

/* Lua's find looks for a pattern without special characters (or any, with `plain`) as plain
 * text: memchr for its first byte, then a comparison of the rest at each place found. */
static int plain_find(lua_State *L, const char *p, size_t lp)
{
    if (lua_toboolean(L, lua_upvalueindex(2)) == 0) return 0;
    if (lua_toboolean(L, 4)) return 1;
    for (size_t i = 0; i < lp; i++)
        if (strchr("^$*+?.([%-", p[i]) && p[i]) return 0;
    return 1;
}

/* The bytes compared in the worst case of such a search, as units of the budget. */
static size_t find_work(size_t n, size_t m)
{
    if (m == 0 || m > n) return 0;
    double bytes = ((double)n - (double)m + 1) * (double)m;
    double units = bytes / BYTES_PER_UNIT;
    return units > (double)SBX_INSTR_LIMIT ? (size_t)SBX_INSTR_LIMIT + 1 : (size_t)units;
}

static int guarded_pattern(lua_State *L)
{
    size_t n, lp;
    /* A number is searched, or searched for, as its text: look at it as the function will. */
    for (int i = 1; i <= 2; i++)
        if (lua_type(L, i) == LUA_TNUMBER) lua_tolstring(L, i, NULL);
    if (lua_type(L, 1) == LUA_TSTRING) spend_in_c(L, lua_rawlen(L, 1) / BYTES_PER_UNIT);
    if (lua_type(L, 1) == LUA_TSTRING && lua_type(L, 2) == LUA_TSTRING) {
        lua_tolstring(L, 1, &n);
        const char *p = lua_tolstring(L, 2, &lp);
        if (plain_find(L, p, lp)) spend_in_c(L, find_work(n, lp));
        else if (pattern_too_slow(n, p, lp))
            return luaL_error(L, "pattern too complex for a subject of %d bytes", (int)n);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* string.rep of an empty string with an empty separator is empty however many times: Lua
 * would still loop that many times (2^62 is forever) without allocating a byte to charge. */
static int guarded_rep(lua_State *L)
{
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (l == 0 && lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* The items a table function will move or compare in C (a wrapper's upvalue 2 says which
 * function): as many units of the budget. */
enum { T_INSERT, T_REMOVE, T_MOVE, T_SORT, T_CONCAT };

/* The items from `lo` to `hi`, both included, counted without overflow and at most one more
 * than a whole budget. */
static size_t items(lua_Integer lo, lua_Integer hi)
{
    if (hi < lo) return 0;
    lua_Unsigned n = (lua_Unsigned)hi - (lua_Unsigned)lo;
    return n >= (lua_Unsigned)SBX_INSTR_LIMIT ? (size_t)SBX_INSTR_LIMIT + 1 : (size_t)n + 1;
}

static size_t table_work(lua_State *L, int which)
{
    if (which == T_MOVE) return items(luaL_optinteger(L, 2, 0), luaL_optinteger(L, 3, 0));
    if (lua_type(L, 1) != LUA_TTABLE) return 0;       /* the function itself complains */
    lua_Integer n = luaL_len(L, 1);
    size_t all = items(1, n);
    if (which == T_SORT) {
        size_t lg = 1;
        while (((size_t)1 << lg) < all) lg++;
        return all * lg;
    }
    if (which == T_CONCAT)            /* the range it is given, read through __index if need be */
        return items(luaL_optinteger(L, 3, 1), luaL_optinteger(L, 4, n));
    lua_Integer pos = n;                              /* insert and remove at the end: one item */
    if (which == T_INSERT && lua_gettop(L) >= 3) pos = luaL_optinteger(L, 2, n);
    if (which == T_REMOVE && lua_gettop(L) >= 2) pos = luaL_optinteger(L, 2, n);
    size_t moved = items(pos, n);
    return moved ? moved : 1;
}

static int charged_table_fn(lua_State *L)
{
    spend_in_c(L, table_work(L, (int)lua_tointeger(L, lua_upvalueindex(2))));
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static void charge_table_library(lua_State *L)
{
    static const char *const fns[] = {"insert", "remove", "move", "sort", "concat"};
    lua_getglobal(L, LUA_TABLIBNAME);
    for (int i = 0; i < (int)(sizeof fns / sizeof *fns); i++) {
        lua_getfield(L, -1, fns[i]);
        lua_pushinteger(L, i);
        lua_pushcclosure(L, charged_table_fn, 2);
        lua_setfield(L, -2, fns[i]);
    }
    lua_pop(L, 1);
}

static char randomseed_key;

static void reseed(lua_State *L, unsigned long long seed)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &randomseed_key);
    lua_pushinteger(L, (lua_Integer)(seed & 0x7fffffffffffffffULL));
    lua_call(L, 1, 0);
}

void sbx_reseed(Sandbox *s, unsigned long long seed)
{
    reseed(s->L, seed);
}

static void open_safe_libs(lua_State *L, unsigned long long seed)
{
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},       {LUA_TABLIBNAME, luaopen_table},
        {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8}, {NULL, NULL},
    };
    for (const luaL_Reg *lib = libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    for (int i = 0; removed_globals[i]; i++) {
        lua_pushnil(L);
        lua_setglobal(L, removed_globals[i]);
    }
    lua_pushcfunction(L, safe_setmetatable);
    lua_setglobal(L, "setmetatable");
    lua_getglobal(L, "xpcall");
    lua_pushcclosure(L, safe_xpcall, 1);
    lua_setglobal(L, "xpcall");
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    static const char *const matchers[] = {"find", "match", "gmatch", "gsub", NULL};
    for (int i = 0; matchers[i]; i++) {
        lua_getfield(L, -1, matchers[i]);
        lua_pushboolean(L, i == 0);
        lua_pushcclosure(L, guarded_pattern, 2);
        lua_setfield(L, -2, matchers[i]);
    }
    lua_getfield(L, -1, "rep");
    lua_pushcclosure(L, guarded_rep, 1);
    lua_setfield(L, -2, "rep");
    lua_pop(L, 1);
    charge_table_library(L);

    /* A session is deterministic given its seed: seed math.random, then take away reseeding
     * (the engine keeps the function, in the registry, to start a new run afresh). */
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_getfield(L, -1, "randomseed");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &randomseed_key);
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    reseed(L, seed);
}

Sandbox *sbx_new(unsigned long long seed)
{
    Sandbox *s = xcalloc(1, sizeof *s);
    s->limit = SBX_MEMORY_LIMIT;
    s->L = lua_newstate(sbx_alloc, s);
    if (!s->L) {
        free(s);
        return NULL;
    }
    *(Sandbox **)lua_getextraspace(s->L) = s;
    open_safe_libs(s->L, seed);
    return s;
}

void sbx_free(Sandbox *s)
{
    if (!s) return;
    lua_close(s->L);
    free(s);
}

lua_State *sbx_lua(Sandbox *s)
{
    return s->L;
}

/* ============================== loading and calling ============================== */

/* Whether a message starts with a place, "file:line: ". */
static int has_place(const char *m)
{
    const char *c = strchr(m, ':');
    if (!c || c == m || memchr(m, '\n', (size_t)(c - m))) return 0;
    const char *d = c + 1;
    while (*d >= '0' && *d <= '9') d++;
    return d > c + 1 && *d == ':';
}

/* Message handler: keep string errors that name their place; give those that do not
 * (error("x", 0), error({})) the place of the first Lua function on the stack when it is in a
 * script file; describe any value that is not a string without running its code (no
 * __tostring). */
static int sbx_msgh(lua_State *L)
{
    lua_Debug ar;
    char where[96] = "";
    for (int level = 1; level < 4 && lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            if (ar.source[0] != '@') break;
            snprintf(where, sizeof where, "%s:%d: ", ar.short_src, ar.currentline);
            break;
        }
    if (lua_type(L, 1) == LUA_TSTRING) {
        if (!*where || has_place(lua_tostring(L, 1))) return 1;
        lua_pushfstring(L, "%s%s", where, lua_tostring(L, 1));
        return 1;
    }
    lua_pushfstring(L, "%serror object is a %s value", where, luaL_typename(L, 1));
    return 1;
}

static char *error_text(lua_State *L, int status, const lua_Debug *fn)
{
    if (status == LUA_ERRMEM) {
        if (fn && fn->source[0] == '@')
            return xasprintf("%s:%d: script used too much memory", fn->short_src,
                             fn->linedefined > 0 ? fn->linedefined : 1);
        return xstrdup("script used too much memory");
    }
    /* A script chooses its error text: whoever prints it, no control character goes along. */
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "unknown error";
    return clean_text(msg);
}

/* A call counts its budget from its first instruction. */
static void start_limits(Sandbox *s)
{
    s->instr_left = SBX_INSTR_LIMIT;
    s->limited = 1;
    s->tripped = 0;
    s->wall0 = seconds(WALL_CLOCK);
    s->cpu0 = -1;
    hook_every(s, HOOK_EVERY);
}

static void end_limits(Sandbox *s)
{
    s->limited = 0;
    hook_every(s, 0);
}

/* What a load left on the stack: 0 with the function there, or -1 with *err set from the
 * message, which is taken off. */
static int loaded(Sandbox *s, int status, char **err)
{
    if (status == LUA_OK) return 0;
    *err = error_text(s->L, status, NULL);
    lua_pop(s->L, 1);
    return -1;
}

int sbx_load(Sandbox *s, const char *src, size_t len, const char *chunkname, char **err)
{
    return loaded(s, bytecode_load(s->L, src, len, chunkname), err);
}

int sbx_load_from(Sandbox *s, const char *path, const char *src, size_t len, char **err)
{
    char *chunkname = xasprintf("@%s", path);
    int rc = sbx_load(s, src, len, chunkname, err);
    free(chunkname);
    return rc;
}

/* Compile the file at `path`, leaving it on the stack as a function: from what an earlier
 * start compiled of the same text, when the cache has it (base/bytecode.h). */
static int load_file(Sandbox *s, const char *path, char **err)
{
    size_t len;
    char *src = read_file(path, 4u << 20, &len);
    if (!src) {
        *err = xstrdup(_("cannot read the script"));    /* the caller names the file */
        return -1;
    }
    int rc = sbx_load_from(s, path, src, len, err);
    free(src);
    return rc;
}

int sbx_dofile(Sandbox *s, const char *path, int nresults, char **err)
{
    if (load_file(s, path, err)) return -1;
    return sbx_call(s, 0, nresults, err);
}

/* The compiled form of the chunks every character's sandbox loads (the prelude and the
 * character library), by chunk name: dumped from the first sandbox that loaded each in this
 * process. Loading them again from the cache for each of a scenario's characters would read
 * and check the same files eight times over for MoveOn. */
enum { NSHARED = 4 };
static struct {
    char *chunkname;
    StrBuf code;
} shared[NSHARED];

static int dump_to(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    sb_addn(ud, p, n);
    return 0;
}

/* The chunk kept as `chunkname` onto the stack: 0, or -1 (nothing pushed) when none is. */
static int load_shared(Sandbox *s, const char *chunkname)
{
    for (int i = 0; i < NSHARED && shared[i].chunkname; i++) {
        if (!streq(shared[i].chunkname, chunkname)) continue;
        if (luaL_loadbufferx(s->L, shared[i].code.s, shared[i].code.len, chunkname, "b") == LUA_OK) return 0;
        lua_pop(s->L, 1);
        return -1;
    }
    return -1;
}

/* Keep the function on top of the stack, loaded as `chunkname`, for the next sandboxes. */
static void keep_shared(Sandbox *s, const char *chunkname)
{
    for (int i = 0; i < NSHARED; i++) {
        if (shared[i].chunkname) continue;
        sb_init(&shared[i].code);
        lua_dump(s->L, dump_to, &shared[i].code, 0);
        shared[i].chunkname = xstrdup(chunkname);
        return;
    }
}

int sbx_load_shared(Sandbox *s, const char *src, size_t len, const char *chunkname, char **err)
{
    if (load_shared(s, chunkname) == 0) return 0;
    if (sbx_load(s, src, len, chunkname, err)) return -1;
    keep_shared(s, chunkname);
    return 0;
}

int sbx_dofile_shared(Sandbox *s, const char *path, int nresults, char **err)
{
    char *chunkname = xasprintf("@%s", path);
    int rc = load_shared(s, chunkname);
    if (rc && (rc = load_file(s, path, err)) == 0) keep_shared(s, chunkname);
    free(chunkname);
    return rc ? -1 : sbx_call(s, 0, nresults, err);
}

int sbx_call(Sandbox *s, int nargs, int nresults, char **err)
{
    lua_State *L = s->L;
    int base = lua_gettop(L) - nargs;
    /* Below the call: the function to name if the script runs out of memory (looked up only
     * then: lua_getinfo costs more than many a call), and the message handler. */
    lua_pushvalue(L, base);
    lua_pushcfunction(L, sbx_msgh);
    lua_rotate(L, base, 2);
    /* No script can call back into the engine's sbx_call: one call at a time per sandbox. */
    assert(!s->limited);
    start_limits(s);
    int status = lua_pcall(L, nargs, nresults, base + 1);
    end_limits(s);
    if (status != LUA_OK) {
        lua_Debug fn;
        memset(&fn, 0, sizeof fn);
        fn.source = "=?";
        if (status == LUA_ERRMEM && lua_isfunction(L, base)) {
            lua_pushvalue(L, base);
            lua_getinfo(L, ">S", &fn);
        }
        *err = error_text(L, status, &fn);
        lua_settop(L, base - 1);
        lua_gc(L, LUA_GCCOLLECT);
        return -1;
    }
    if (nresults == 1) {                  /* the usual case, without moving the stack round */
        lua_copy(L, -1, base);
        lua_settop(L, base);
    } else {
        lua_rotate(L, base, -2);
        lua_pop(L, 2);
    }
    return 0;
}

/* ============================== plain data ============================== */

#define COPY_DEPTH 32
/* Shared tables are copied each time they are met, so a state made of tables that point to the
 * same tables twice over could take forever: a copy has a budget of values and bytes. */
#define COPY_VALUES 100000L
#define COPY_BYTES  (4L << 20)

typedef struct {
    long values, bytes;
} Budget;

static char lent_key;

void sbx_lend(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &lent_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);                          /* lent tables, held weakly */
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &lent_key);
    }
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

int sbx_pairs_with(lua_State *L, lua_CFunction next)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushcclosure(L, next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* Whether the value at `idx` is the table lent to hooks: not the script's data. */
static int is_lent(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE) return 0;
    idx = lua_absindex(L, idx);
    int lent = 0;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &lent_key) == LUA_TTABLE) {
        lua_pushvalue(L, idx);
        lent = lua_rawget(L, -2) != LUA_TNIL;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return lent;
}

static int over_budget(Budget *b, lua_State *L, int idx)
{
    size_t n = 0;
    if (lua_type(L, idx) == LUA_TSTRING) lua_tolstring(L, idx, &n);
    b->values--;
    b->bytes -= (long)n;
    return b->values < 0 || b->bytes < 0;
}

static int copy_value(lua_State *from, int idx, lua_State *to, int depth, Budget *b)
{
    idx = lua_absindex(from, idx);
    if (over_budget(b, from, idx)) return -1;
    switch (lua_type(from, idx)) {
    case LUA_TNIL: lua_pushnil(to); return 0;
    case LUA_TBOOLEAN: lua_pushboolean(to, lua_toboolean(from, idx)); return 0;
    case LUA_TNUMBER:
        if (lua_isinteger(from, idx)) lua_pushinteger(to, lua_tointeger(from, idx));
        else lua_pushnumber(to, lua_tonumber(from, idx));
        return 0;
    case LUA_TSTRING: {
        size_t n;
        const char *str = lua_tolstring(from, idx, &n);
        lua_pushlstring(to, str, n);
        return 0;
    }
    case LUA_TTABLE:
        if (depth >= COPY_DEPTH || !lua_checkstack(from, 4) || !lua_checkstack(to, 4)) return -1;
        lua_newtable(to);
        lua_pushnil(from);
        while (lua_next(from, idx)) {
            int kt = lua_type(from, -2);
            if (kt != LUA_TSTRING && kt != LUA_TNUMBER) goto fail;
            if (is_lent(from, -1)) {
                lua_pop(from, 1);
                continue;
            }
            if (copy_value(from, -2, to, depth + 1, b)) goto fail;
            if (copy_value(from, -1, to, depth + 1, b)) {
                lua_pop(to, 1);
                goto fail;
            }
            lua_rawset(to, -3);
            lua_pop(from, 1);
        }
        return 0;
    fail:
        lua_pop(from, 2);
        lua_pop(to, 1);
        return -1;
    default:
        return -1;
    }
}

int sbx_copy(lua_State *from, int idx, lua_State *to)
{
    Budget b = {COPY_VALUES, COPY_BYTES};
    return copy_value(from, idx, to, 0, &b);
}

static json_object *to_json(lua_State *L, int idx, int depth, Budget *b)
{
    idx = lua_absindex(L, idx);
    if (over_budget(b, L, idx)) return json_object_new_string("<too large>");
    switch (lua_type(L, idx)) {
    case LUA_TNIL: return NULL;
    case LUA_TBOOLEAN: return json_object_new_boolean(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) return json_object_new_int64(lua_tointeger(L, idx));
        return json_object_new_double(lua_tonumber(L, idx));
    case LUA_TSTRING: {
        size_t n;
        const char *str = lua_tolstring(L, idx, &n);
        return json_object_new_string_len(str, (int)n);
    }
    case LUA_TTABLE: {
        if (is_lent(L, idx)) return NULL;
        if (depth >= COPY_DEPTH || !lua_checkstack(L, 4)) return json_object_new_string("<too deep>");
        json_object *o = json_object_new_object();
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            const char *key;
            char num[32];
            if (lua_type(L, -2) == LUA_TSTRING) key = lua_tostring(L, -2);
            else if (lua_isinteger(L, -2)) {
                snprintf(num, sizeof num, "%lld", (long long)lua_tointeger(L, -2));
                key = num;
            } else {
                lua_pop(L, 1);
                continue;
            }
            json_object *v = to_json(L, -1, depth + 1, b);
            if (v || lua_isnil(L, -1)) json_object_object_add(o, key, v);
            lua_pop(L, 1);
        }
        return o;
    }
    default:
        return NULL;                 /* not plain data: left out (functions, userdata, threads) */
    }
}

json_object *sbx_to_json(lua_State *L, int idx)
{
    Budget b = {COPY_VALUES, COPY_BYTES};
    return to_json(L, idx, 0, &b);
}

void sbx_push_json(lua_State *L, json_object *j)
{
    switch (json_object_get_type(j)) {
    case json_type_null: lua_pushnil(L); break;
    case json_type_boolean: lua_pushboolean(L, json_object_get_boolean(j)); break;
    case json_type_int: lua_pushinteger(L, json_object_get_int64(j)); break;
    case json_type_double: lua_pushnumber(L, json_object_get_double(j)); break;
    case json_type_string: lua_pushstring(L, json_object_get_string(j)); break;
    case json_type_array: {
        size_t n = json_object_array_length(j);
        lua_createtable(L, (int)n, 0);
        for (size_t i = 0; i < n; i++) {
            sbx_push_json(L, json_object_array_get_idx(j, i));
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        break;
    }
    case json_type_object: {
        lua_createtable(L, 0, json_object_object_length(j));
        json_object_object_foreach(j, key, val) {
            char *end;
            long long k = strtoll(key, &end, 10);
            if (*key && !*end) lua_pushinteger(L, k);
            else lua_pushstring(L, key);
            sbx_push_json(L, val);
            lua_rawset(L, -3);
        }
        break;
    }
    }
}

const char *sbx_text(lua_State *L, int idx, const char *lang, const char *fallback)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING) return lua_tostring(L, idx);
    if (lua_type(L, idx) != LUA_TTABLE) return NULL;
    const char *want[2] = {lang, fallback};
    for (int i = 0; i < 2; i++) {
        if (!want[i]) continue;
        lua_pushstring(L, want[i]);        /* raw: no __index of a script runs here */
        if (lua_rawget(L, idx) == LUA_TSTRING) {
            const char *t = lua_tostring(L, -1);
            lua_pop(L, 1);        /* the string stays alive: the table holds it */
            return t;
        }
        lua_pop(L, 1);
    }
    if (!fallback) return NULL;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -1) == LUA_TSTRING && lua_type(L, -2) == LUA_TSTRING) {
            const char *t = lua_tostring(L, -1);
            lua_pop(L, 2);
            return t;
        }
        lua_pop(L, 1);
    }
    return NULL;
}
