/*
 * explorer_key.c - the key of an exploration state (see explorer_key.h): which parts of the
 * state the scenario can read, found once from its code, then each state's parts as bytes.
 *
 * Code is read as text: a name written out (vars.x, visited['hal'], chars.boss.trust) keeps
 * that part; a table used any other way (vars[k], pairs(visited), chars[r]) keeps all of it.
 */
#include "runtime/explorer_key.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "base/util.h"
#include "model/cast.h"

/* ============================== what the code reads ============================== */

/* Call fn for each use of table `table` in src: with the name after it ("x" for vars.x and
 * vars['x'], and for chars.boss.trust the role and the field) or with NULL for any other use. */
typedef void (*UseFn)(void *ud, const char *name, const char *field);

static size_t read_key(const char *q, char *out, size_t size)
{
    size_t len = 0, used = 0;
    if (*q == '.') {
        q++;
        used = 1;
        while ((isalnum((unsigned char)q[len]) || q[len] == '_') && len < size - 1) len++;
        used += len;
    } else if (*q == '[' && (q[1] == '"' || q[1] == '\'')) {
        char quote = q[1];
        q += 2;
        while (q[len] && q[len] != quote && len < size - 1) len++;
        if (q[len] != quote || q[len + 1] != ']') return 0;
        used = len + 4;
    }
    memcpy(out, q, len);
    out[len] = '\0';
    return len ? used : 0;
}

static void each_use(const char *src, const char *table, UseFn fn, void *ud)
{
    size_t n = strlen(table);
    for (const char *p = strstr(src, table); p; p = strstr(p + 1, table)) {
        if ((p != src && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.')) ||
            isalnum((unsigned char)p[n]) || p[n] == '_')
            continue;
        char name[128], field[128];
        size_t used = read_key(p + n, name, sizeof name);
        if (!used) { fn(ud, NULL, NULL); continue; }
        if (strcmp(table, "chars") == 0) {
            if (!read_key(p + n + used, field, sizeof field)) { fn(ud, name, NULL); continue; }
            fn(ud, name, field);
            continue;
        }
        fn(ud, name, NULL);
    }
}

typedef struct {
    ExplorerKey *k;
    unsigned char *mark;      /* vars: the variables named here */
    int all;
} Uses;

static void use_var(void *ud, const char *name, const char *field)
{
    Uses *u = ud;
    (void)field;
    int v = name ? scenario_var(u->k->s, name) : -1;
    if (v >= 0) u->mark[v] = 1;
    else u->all = 1;
}

static void use_visited(void *ud, const char *name, const char *field)
{
    Uses *u = ud;
    (void)field;
    int sc = name ? scenario_scene(u->k->s, name) : -1;
    if (sc >= 0) u->k->visited[sc] = 1;
    else if (!name) u->all = 1;
}

static void use_count(void *ud, const char *name, const char *field)
{
    (void)name;
    (void)field;
    ((Uses *)ud)->k->count = 1;
}

static void add_field(ExplorerKey *k, int r, const char *field)
{
    int n = 0;
    for (; k->fields[r] && k->fields[r][n]; n++)
        if (strcmp(k->fields[r][n], field) == 0) return;
    k->fields[r] = xrealloc(k->fields[r], (size_t)(n + 2) * sizeof *k->fields[r]);
    k->fields[r][n] = xstrdup(field);
    k->fields[r][n + 1] = NULL;
}

static void use_chars(void *ud, const char *name, const char *field)
{
    Uses *u = ud;
    int r = name ? scenario_role(u->k->s, name) : -1;
    if (r < 0) u->all = 1;
    else if (!field) u->k->whole[r] = 1;
    else add_field(u->k, r, field);
}

/* The variables the story reads: those in conditions, and those in an effect of Lua that
 * changes one it reads (what that effect does may depend on them), until no more come. */
static void find_vars(ExplorerKey *k)
{
    const Scenario *s = k->s;
    unsigned char *named = xcalloc((size_t)s->nvars + 1, 1);
    for (int i = 0; i < s->ncode; i++) {
        if (!s->code[i].is_expr) continue;
        Uses u = {k, k->vars, 0};
        each_use(s->code[i].src, "vars", use_var, &u);
        each_use(s->code[i].src, "facts", use_var, &u);        /* a fact is a variable too */
        if (u.all) memset(k->vars, 1, (size_t)s->nvars);
    }
    /* Facts decide what text presupposes (needs, unless): a state without them could hide a
     * continuity fault. */
    for (int v = 0; v < s->nvars; v++)
        if (s->vars[v].fact) k->vars[v] = 1;
    for (int more = 1; more;) {
        more = 0;
        for (int i = 0; i < s->ncode; i++) {
            if (s->code[i].is_expr) continue;
            memset(named, 0, (size_t)s->nvars + 1);
            Uses u = {k, named, 0};
            each_use(s->code[i].src, "vars", use_var, &u);
            int feeds = u.all;
            for (int v = 0; v < s->nvars && !feeds; v++) feeds = named[v] && k->vars[v];
            if (!feeds) continue;
            for (int v = 0; v < s->nvars; v++)
                if ((named[v] || u.all) && !k->vars[v]) { k->vars[v] = 1; more = 1; }
        }
    }
    free(named);
}

void explorer_key_init(ExplorerKey *k, const Scenario *s, const Session *S)
{
    memset(k, 0, sizeof *k);
    k->s = s;
    k->vars = xcalloc((size_t)s->nvars + 1, 1);
    k->visited = xcalloc((size_t)s->nscenes + 1, 1);
    k->whole = xcalloc((size_t)s->nroles + 1, 1);
    k->fields = xcalloc((size_t)s->nroles + 1, sizeof *k->fields);
    find_vars(k);
    for (int i = 0; i < s->ncode; i++) {
        Uses u = {k, NULL, 0};
        each_use(s->code[i].src, "visited", use_visited, &u);
        if (u.all) memset(k->visited, 1, (size_t)s->nscenes);
        u.all = 0;
        each_use(s->code[i].src, "count", use_count, &u);
        each_use(s->code[i].src, "chars", use_chars, &u);
        if (u.all) memset(k->whole, 1, (size_t)s->nroles);
    }
    /* A character that chooses for a role nobody plays (in a scene of that role's) may choose
     * by anything it keeps. */
    for (int i = 0; i < s->nscenes; i++) {
        int r = s->scenes[i].who;
        if (r >= 0 && !s->scenes[i].unplayed_turn && S->chars[r].has_choose && cast_player_of(S->cast, r) < 0) k->whole[r] = 1;
    }
    /* Such a character may also choose by what it reads of the story (story.vars, .visited,
     * .facts): then every variable and visit is kept. */
    for (int r = 0; r < s->nroles; r++) {
        if (!k->whole[r] || !S->chars[r].path) continue;
        if (!S->chars[r].src || strstr(S->chars[r].src, "story")) {
            memset(k->vars, 1, (size_t)s->nvars);
            memset(k->visited, 1, (size_t)s->nscenes);
        }
    }
}

void explorer_key_free(ExplorerKey *k)
{
    for (int r = 0; k->s && r < k->s->nroles; r++) {
        for (int f = 0; k->fields[r] && k->fields[r][f]; f++) free(k->fields[r][f]);
        free(k->fields[r]);
    }
    free(k->fields);
    free(k->vars);
    free(k->visited);
    free(k->whole);
    free(k->buf);
    free(k->set);
    free(k->keys);
    free(k->keyend);
    free(k->keyhash);
    memset(k, 0, sizeof *k);
}

/* ============================== a state as bytes ============================== */

static void put(ExplorerKey *k, const void *p, size_t n)
{
    if (k->len + n > k->cap) {
        k->cap = (k->len + n) * 2 + 256;
        k->buf = xrealloc(k->buf, k->cap);
    }
    memcpy(k->buf + k->len, p, n);
    k->len += n;
}

static void put_int(ExplorerKey *k, int64_t x)
{
    put(k, &x, sizeof x);
}

static int key_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A value of a character's state: its type, then its bytes; tables with their keys in order
 * (Lua's own order changes from run to run). */
static void put_json(ExplorerKey *k, json_object *j)
{
    unsigned char type = (unsigned char)json_object_get_type(j);
    put(k, &type, 1);
    switch (json_object_get_type(j)) {
    case json_type_null: break;
    case json_type_boolean: put_int(k, json_object_get_boolean(j)); break;
    case json_type_int: put_int(k, json_object_get_int64(j)); break;
    case json_type_double: { double d = json_object_get_double(j); put(k, &d, sizeof d); break; }
    case json_type_string: put_int(k, json_object_get_string_len(j)); put(k, json_object_get_string(j), (size_t)json_object_get_string_len(j)); break;
    case json_type_array:
        put_int(k, (int64_t)json_object_array_length(j));
        for (size_t i = 0; i < json_object_array_length(j); i++) put_json(k, json_object_array_get_idx(j, i));
        break;
    case json_type_object: {
        int n = json_object_object_length(j), m = 0;
        const char **keys = xcalloc((size_t)n + 1, sizeof *keys);
        json_object_object_foreach(j, key, val) { (void)val; keys[m++] = key; }
        qsort(keys, (size_t)m, sizeof *keys, key_cmp);
        put_int(k, m);
        for (int i = 0; i < m; i++) {
            json_object *v = NULL;
            json_object_object_get_ex(j, keys[i], &v);
            put(k, keys[i], strlen(keys[i]) + 1);
            put_json(k, v);
        }
        free(keys);
        break;
    }
    }
}

/* Where the story is: scene, ending, whose turn, incidents open and fired. */
static void put_place(ExplorerKey *k, const Session *S)
{
    int n = S->cast->n;
    put_int(k, S->scene);
    put_int(k, S->ending);
    put_int(k, S->stuck);
    put_int(k, n ? S->turn % n : 0);
    put_int(k, S->each_pos);
    for (int r = 0; r < k->s->nroles; r++) {
        int players = 0;
        for (int i = 0; i < n; i++) players += S->cast->p[i].role == r;
        if (players > 1) put_int(k, S->role_turns[r] % players);
    }
    put_int(k, S->nret);
    for (int i = 0; i < S->nret; i++) { put_int(k, S->ret[i]); put_int(k, S->ret_each[i]); }
    put(k, S->fired, (size_t)k->s->nevents);
}

static void put_world(ExplorerKey *k, Session *S)
{
    for (int v = 0; v < k->s->nvars; v++)
        if (k->vars[v]) { double x = world_var(S->world, v); put(k, &x, sizeof x); }
    for (int sc = 0; sc < k->s->nscenes; sc++)
        if (k->visited[sc]) put_int(k, world_visits(S->world, sc));
    if (k->count) {
        json_object *w = world_snapshot(S->world), *count;
        if (json_object_object_get_ex(w, "count", &count)) put_json(k, count);
        json_object_put(w);
    }
}

/* The characters' parts, from snapshot `snap` of the session (its "chars", one per role). */
static void put_chars(ExplorerKey *k, json_object *snap)
{
    json_object *chars = NULL;
    json_object_object_get_ex(snap, "chars", &chars);
    for (int r = 0; r < k->s->nroles && snap; r++) {
        if (!k->whole[r] && !k->fields[r]) continue;
        json_object *state = chars ? json_object_array_get_idx(chars, (size_t)r) : NULL;
        if (k->whole[r]) put_json(k, state);
        else
            for (int f = 0; k->fields[r][f]; f++) {
                json_object *v = NULL;
                if (state) json_object_object_get_ex(state, k->fields[r][f], &v);
                put_json(k, v);
            }
    }
}

static uint64_t xxh3(const void *p, size_t n)
{
    return XXH3_64bits(p, n);
}

static int same_key(const ExplorerKey *k, uint32_t i, uint64_t h, const void *bytes, size_t len)
{
    size_t from = i ? k->keyend[i - 1] : 0;
    return k->keyhash[i] == h && k->keyend[i] - from == len && memcmp(k->keys + from, bytes, len) == 0;
}

static void grow_set(ExplorerKey *k)
{
    size_t ncap = k->setcap ? k->setcap * 2 : 1024;
    uint32_t *nset = xcalloc(ncap, sizeof *nset);
    for (size_t i = 0; i < k->setcap; i++) {
        if (!k->set[i]) continue;
        size_t j = k->keyhash[k->set[i] - 1] & (ncap - 1);
        while (nset[j]) j = (j + 1) & (ncap - 1);
        nset[j] = k->set[i];
    }
    free(k->set);
    k->set = nset;
    k->setcap = ncap;
}

/* Keep key `bytes` as key number k->setn. */
static void keep_key(ExplorerKey *k, uint64_t h, const void *bytes, size_t len)
{
    if (k->keyslen + len > k->keyscap) {
        k->keyscap = (k->keyslen + len) * 2 + 4096;
        k->keys = xrealloc(k->keys, k->keyscap);
    }
    if (len) memcpy(k->keys + k->keyslen, bytes, len);
    k->keyslen += len;
    if (k->setn == k->nkeycap) {
        k->nkeycap = k->nkeycap ? k->nkeycap * 2 : 1024;
        k->keyend = xrealloc(k->keyend, k->nkeycap * sizeof *k->keyend);
        k->keyhash = xrealloc(k->keyhash, k->nkeycap * sizeof *k->keyhash);
    }
    k->keyend[k->setn] = k->keyslen;
    k->keyhash[k->setn] = h;
    k->setn++;
}

int explorer_key_insert(ExplorerKey *k, const void *bytes, size_t len)
{
    if ((k->setn + 1) * 2 > k->setcap) grow_set(k);
    uint64_t h = (k->hash ? k->hash : xxh3)(bytes, len);
    size_t j = h & (k->setcap - 1);
    for (; k->set[j]; j = (j + 1) & (k->setcap - 1))
        if (same_key(k, k->set[j] - 1, h, bytes, len)) return 0;
    if (k->setn >= UINT32_MAX - 1) return 0;     /* beyond any --max-states: taken as met */
    keep_key(k, h, bytes, len);
    k->set[j] = (uint32_t)k->setn;
    return 1;
}

int explorer_key_reads_snapshot(const ExplorerKey *k)
{
    for (int r = 0; r < k->s->nroles; r++)
        if (k->whole[r] || k->fields[r]) return 1;
    return 0;
}

int explorer_key_add(ExplorerKey *k, Session *S, json_object *snap)
{
    k->len = 0;
    put_place(k, S);
    put_world(k, S);
    put_chars(k, snap);
    return explorer_key_insert(k, k->buf, k->len);
}

/* ============================== what growth reports ============================== */

int explorer_key_keeps(const ExplorerKey *k, const char *path)
{
    const Scenario *s = k->s;
    if (strncmp(path, "world.vars.", 11) == 0) {
        int v = scenario_var(s, path + 11);
        return v < 0 || k->vars[v];
    }
    if (strncmp(path, "world.visited.", 14) == 0) {
        int sc = scenario_scene(s, path + 14);
        return sc < 0 || k->visited[sc];
    }
    if (strncmp(path, "world.count", 11) == 0) return k->count;
    if (strncmp(path, "chars.", 6) != 0) return 1;
    const char *role = path + 6, *dot = strchr(role, '.');
    for (int r = 0; r < s->nroles; r++) {
        size_t n = strlen(s->roles[r].id);
        if (strncmp(role, s->roles[r].id, n) != 0 || (role[n] != '.' && role[n] != '\0')) continue;
        if (k->whole[r]) return 1;
        for (int f = 0; dot && k->fields[r] && k->fields[r][f]; f++) {
            size_t m = strlen(k->fields[r][f]);
            if (strncmp(dot + 1, k->fields[r][f], m) == 0 && (dot[1 + m] == '\0' || dot[1 + m] == '.')) return 1;
        }
        return 0;
    }
    return 1;
}
