/*
 * sandbox.c - Lua states for untrusted scripts: limited memory, instructions and time.
 */
#include "base/sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "base/util.h"

struct Sandbox {
    lua_State *L;
    size_t used, limit;
    long instr_left;
    struct timespec deadline;
    int limited;            /* within a bounded call */
    int tripped;            /* 1: instruction limit, 2: time limit reached in this call */
    int every;              /* instructions between two calls of the hook; 0: no hook */
};

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
    void *p = realloc(ptr, nsize);
    if (!p) return NULL;
    s->used = s->used - old + nsize;
    return p;
}

/* ============================== instructions and time ============================== */

/* A call runs without a hook. Lua's count hook makes the VM stop at every instruction to
 * count it, and that was a sixth of a random walk, whose reactions run a few dozen
 * instructions each. A call still running after COUNT_AFTER_MS may be running away: the
 * watchdog (below) then sets the hook, and from there the call may run SBX_INSTR_LIMIT more
 * instructions. So a call is bounded by what it runs in its first COUNT_AFTER_MS plus the
 * limit, and by SBX_TIME_LIMIT_MS in all. */
#define HOOK_EVERY 1000
#define COUNT_AFTER_MS 25

/* Every call reads the clock for its deadline, and a character reacts to every choice: the
 * coarse clock reads a value the kernel keeps (no timer read), at a few milliseconds'
 * resolution, which a limit of a second does not notice. */
#ifdef CLOCK_MONOTONIC_COARSE
#define LIMIT_CLOCK CLOCK_MONOTONIC_COARSE
#else
#define LIMIT_CLOCK CLOCK_MONOTONIC
#endif

static int past_deadline(const struct timespec *d)
{
    struct timespec now;
    clock_gettime(LIMIT_CLOCK, &now);
    return now.tv_sec > d->tv_sec || (now.tv_sec == d->tv_sec && now.tv_nsec > d->tv_nsec);
}

/* Stop a runaway script with an error that names where it was running. Inside a hook, level
 * 0 of the stack is the interrupted Lua function. */
static void stop_script(lua_State *L, const char *why)
{
    lua_Debug ar;
    if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
        luaL_error(L, "%s:%d: %s", ar.short_src, ar.currentline, why);
    luaL_error(L, "%s", why);
}

static const char *const why_stopped[] = {
    "", "script ran too long (instruction limit reached)", "script ran too long (time limit reached)",
};

static void hook_every(Sandbox *s, int n);

/* Once a call has run out, every further instruction of it fails too (the hook then fires on
 * each one), so neither pcall in a loop nor a __close handler can keep a stopped script going. */
static void sbx_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    Sandbox *s = *(Sandbox **)lua_getextraspace(L);
    if (!s->limited) {
        hook_every(s, 0);
        return;
    }
    if (!s->tripped) {
        s->instr_left -= s->every;
        if (s->instr_left < 0) s->tripped = 1;
        else if (past_deadline(&s->deadline)) s->tripped = 2;
        else {
            if (s->every != HOOK_EVERY) hook_every(s, HOOK_EVERY);
            return;
        }
        hook_every(s, 1);
    }
    stop_script(L, why_stopped[s->tripped]);
}

/* Run the hook every `n` instructions; 0: no hook. */
static void hook_every(Sandbox *s, int n)
{
    s->every = n;
    if (n) lua_sethook(s->L, sbx_hook, LUA_MASKCOUNT, n);
    else lua_sethook(s->L, NULL, 0, 0);
}

/* A watchdog thread looks at the running call every WATCH_MS. Once it has run COUNT_AFTER_MS,
 * or is past its deadline, a signal sets the hook to run at the next instruction (as the lua
 * program itself does for Ctrl-C); from there the hook counts and watches the clock. The
 * deadline needs the watchdog even when counting: one instruction can be a long call into C
 * (string.upper of 30 MB, table.insert at the front of a million items), and a thousand of
 * those would take far longer than the time limit. */
#define WATCH_MS 25
#define WATCHDOG_SIGNAL SIGURG            /* ignored by default, so a stray one does no harm */

static _Atomic(Sandbox *) active;          /* the sandbox in a bounded call, or NULL */
static atomic_llong active_deadline;       /* its deadline, ns on the monotonic clock */
static atomic_llong active_count_at;       /* when the hook is to start counting, likewise */
static atomic_int active_counted;          /* the hook was set for this call */
static pthread_t main_thread;
static int watching;                       /* a watchdog thread runs in this process */
static int watch_tried;                    /* starting one was tried in this process */

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(LIMIT_CLOCK, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void on_watchdog_signal(int sig)
{
    (void)sig;
    Sandbox *s = atomic_load(&active);
    if (s && s->limited) {
        hook_every(s, 1);                 /* lua_sethook may be called from a signal handler */
        atomic_store(&active_counted, 1);
    }
}

static void *watchdog(void *arg)
{
    (void)arg;
    for (;;) {
        struct timespec nap = {0, WATCH_MS * 1000000L};
        nanosleep(&nap, NULL);
        if (!atomic_load(&active)) continue;
        long long now = now_ns();
        if (now > atomic_load(&active_deadline) ||
            (!atomic_load(&active_counted) && now > atomic_load(&active_count_at)))
            pthread_kill(main_thread, WATCHDOG_SIGNAL);
    }
    return NULL;
}

static void start_watchdog(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_watchdog_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(WATCHDOG_SIGNAL, &sa, NULL);
    main_thread = pthread_self();
    /* the watchdog itself never takes the signal */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_t t;
    if (pthread_create(&t, NULL, watchdog, NULL) == 0) {
        pthread_detach(t);
        watching = 1;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* A child made by fork() has only the thread that forked: its first call starts a watchdog
 * of its own. (The handler runs where little is allowed, so it only says so.) */
static void lost_watchdog(void)
{
    watching = watch_tried = 0;
}

static void ensure_watchdog(void)
{
    static int registered;
    if (watch_tried) return;
    watch_tried = 1;
    if (!registered) pthread_atfork(NULL, NULL, lost_watchdog);
    registered = 1;
    start_watchdog();
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

/* The pattern functions backtrack in C, where the instruction hook cannot stop them: refuse a
 * pattern whose worst case on this subject would run for more than about a second (k repeated
 * items on n bytes: about C(n+k, k) steps from each start, n starts when not anchored). */
#define PATTERN_STEPS 3e8

static int pattern_too_slow(size_t n, const char *p, size_t lp)
{
    double cost = p[0] == '^' ? 1.0 : (double)n + 1;
    int k = 0;
    for (size_t i = 0; i < lp; i++) {
        if (p[i] == '%') { i++; continue; }
        if (p[i] == '[') {               /* skip a set: its '-' is a range, not a repetition */
            i++;
            if (i < lp && p[i] == '^') i++;
            if (i < lp && p[i] == ']') i++;
            while (i < lp && p[i] != ']') i += p[i] == '%' ? 2 : 1;
            continue;
        }
        if (i > 0 && (p[i] == '*' || p[i] == '+' || p[i] == '-' || p[i] == '?')) {
            k++;
            cost *= ((double)n + k) / k;
            if (cost > PATTERN_STEPS) return 1;
        }
    }
    return cost > PATTERN_STEPS;
}

static int guarded_pattern(lua_State *L)
{
    size_t n, lp;
    if (lua_type(L, 1) == LUA_TSTRING && lua_type(L, 2) == LUA_TSTRING &&
        !(lua_toboolean(L, lua_upvalueindex(2)) && lua_toboolean(L, 4))) {     /* find, plain */
        lua_tolstring(L, 1, &n);
        const char *p = lua_tolstring(L, 2, &lp);
        if (pattern_too_slow(n, p, lp))
            return luaL_error(L, "pattern too complex for a subject of %d bytes", (int)n);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
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
    lua_pop(L, 1);

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
    ensure_watchdog();
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

static void start_limits(Sandbox *s)
{
    s->instr_left = SBX_INSTR_LIMIT;
    clock_gettime(LIMIT_CLOCK, &s->deadline);
    s->deadline.tv_sec += SBX_TIME_LIMIT_MS / 1000;
    s->deadline.tv_nsec += (long)(SBX_TIME_LIMIT_MS % 1000) * 1000000L;
    if (s->deadline.tv_nsec >= 1000000000L) {
        s->deadline.tv_sec++;
        s->deadline.tv_nsec -= 1000000000L;
    }
    s->limited = 1;
    s->tripped = 0;
    long long deadline = (long long)s->deadline.tv_sec * 1000000000LL + s->deadline.tv_nsec;
    atomic_store(&active_deadline, deadline);
    atomic_store(&active_count_at, deadline - (SBX_TIME_LIMIT_MS - COUNT_AFTER_MS) * 1000000LL);
    atomic_store(&active_counted, 0);
    atomic_store(&active, s);
    ensure_watchdog();
    if (!watching) hook_every(s, HOOK_EVERY);     /* no thread to set it later: count from here */
}

int sbx_load(Sandbox *s, const char *src, size_t len, const char *chunkname, char **err)
{
    int status = luaL_loadbufferx(s->L, src, len, chunkname, "t");
    if (status != LUA_OK) {
        *err = error_text(s->L, status, NULL);
        lua_pop(s->L, 1);
        return -1;
    }
    return 0;
}

/* Compile the file at `path`, leaving it on the stack as a function. */
static int load_file(Sandbox *s, const char *path, char **err)
{
    size_t len;
    char *src = read_file(path, 4u << 20, &len);
    if (!src) {
        *err = xstrdup("cannot read the script");    /* the caller names the file */
        return -1;
    }
    char *chunkname = xasprintf("@%s", path);
    int rc = sbx_load(s, src, len, chunkname, err);
    free(chunkname);
    free(src);
    return rc;
}

int sbx_dofile(Sandbox *s, const char *path, int nresults, char **err)
{
    if (load_file(s, path, err)) return -1;
    return sbx_call(s, 0, nresults, err);
}

/* The compiled form of the one file every sandbox loads (the character library): dumped from
 * the first sandbox that compiled it, in this process, so that it is never bytecode from
 * outside. Parsing it again for each of a scenario's characters was a third of a start-up. */
static struct {
    char *path;
    StrBuf code;
} shared;

static int dump_to(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    sb_addn(ud, p, n);
    return 0;
}

int sbx_dofile_shared(Sandbox *s, const char *path, int nresults, char **err)
{
    if (shared.path && streq(shared.path, path)) {
        char *chunkname = xasprintf("@%s", path);
        int status = luaL_loadbufferx(s->L, shared.code.s, shared.code.len, chunkname, "b");
        free(chunkname);
        if (status == LUA_OK) return sbx_call(s, 0, nresults, err);
        lua_pop(s->L, 1);
    }
    if (load_file(s, path, err)) return -1;
    free(shared.path);
    sb_free(&shared.code);
    sb_init(&shared.code);
    lua_dump(s->L, dump_to, &shared.code, 0);
    shared.path = xstrdup(path);
    return sbx_call(s, 0, nresults, err);
}

int sbx_call(Sandbox *s, int nargs, int nresults, char **err)
{
    lua_State *L = s->L;
    int base = lua_gettop(L) - nargs;
    /* Below the call: the function to name if the script runs out of memory (looked up only
     * then: lua_getinfo on every call cost more than many a call), and the message handler. */
    lua_pushvalue(L, base);
    lua_pushcfunction(L, sbx_msgh);
    lua_rotate(L, base, 2);
    int outer = s->limited;
    if (!outer) start_limits(s);
    int status = lua_pcall(L, nargs, nresults, base + 1);
    if (!outer) {
        atomic_store(&active, NULL);
        s->limited = 0;
        if (s->every) hook_every(s, 0);
    }
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
