/*
 * cache.c - the model cache: a scenario's model as load.c read it, kept in a compact binary
 * file keyed by the XXH3-128 of the scenario and its schema, so a second load skips libxml2.
 */
#include "model/cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "base/paths.h"
#include "base/util.h"

#define MAGIC "VBMODEL"              /* 8 bytes with its NUL */
#define MAX_SCHEMA_BYTES (4u << 20)
#define MAX_ENTRY_BYTES (256u << 20)  /* four times the largest scenario file */
#define NO_STRING UINT32_MAX          /* the length that stands for a NULL string */
#define KEEP_DAYS 30                  /* an entry not used for this long is removed */
#define KEEP_ENTRIES 64               /* and no more than this many are kept */

static CacheStats stats;

CacheStats cache_stats(void)
{
    return stats;
}

/* ============================== bytes, little-endian ============================== */

static void put_u32(unsigned char *b, uint32_t v)
{
    for (int i = 0; i < 4; i++) b[i] = (unsigned char)(v >> (8 * i));
}

static void put_u64(unsigned char *b, uint64_t v)
{
    for (int i = 0; i < 8; i++) b[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint64_t get_u64(const unsigned char *b)
{
    return (uint64_t)get_u32(b) | (uint64_t)get_u32(b + 4) << 32;
}

/* ============================== the key and the place ============================== */

/* The cache folder, freshly allocated, or NULL when the cache is off. */
static char *cache_dir(void)
{
    const char *env = getenv("VERBEELD_CACHE");
    if (env) return *env && strcmp(env, "off") != 0 ? xstrdup(env) : NULL;
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/') return xasprintf("%s/verbeeld", xdg);    /* the spec: absolute only */
    const char *home = getenv("HOME");
    return home && *home ? xasprintf("%s/.cache/verbeeld", home) : NULL;
}

int cache_key(const char *bytes, size_t len, CacheKey *key)
{
    char *dir = cache_dir();
    if (!dir) return 0;
    free(dir);
    size_t slen;
    char *schema = read_file(paths_schema(), MAX_SCHEMA_BYTES, &slen);
    if (!schema) return 0;
    /* The schema's length goes in first, so that no two (schema, scenario) pairs hash as one
     * concatenation. */
    unsigned char head[12];
    put_u32(head, CACHE_FORMAT);
    put_u64(head + 4, (uint64_t)slen);
    XXH3_state_t *st = XXH3_createState();
    int ok = st && XXH3_128bits_reset(st) == XXH_OK &&
             XXH3_128bits_update(st, head, sizeof head) == XXH_OK &&
             XXH3_128bits_update(st, schema, slen) == XXH_OK &&
             XXH3_128bits_update(st, bytes, len) == XXH_OK;
    if (ok) {
        XXH128_canonical_t canon;
        XXH128_canonicalFromHash(&canon, XXH3_128bits_digest(st));
        memcpy(key->bytes, canon.digest, sizeof key->bytes);
    }
    XXH3_freeState(st);
    free(schema);
    return ok;
}

static char *entry_in(const char *dir, const CacheKey *key)
{
    char hex[33];
    for (int i = 0; i < 16; i++) {
        hex[2 * i] = "0123456789abcdef"[key->bytes[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[key->bytes[i] & 15];
    }
    hex[32] = '\0';
    return xasprintf("%s/%s.model", dir, hex);
}

char *cache_entry_path(const CacheKey *key)
{
    char *dir = cache_dir();
    char *path = dir ? entry_in(dir, key) : NULL;
    free(dir);
    return path;
}

/* ============================== the codec ============================== */

/* One function per struct both writes and reads it, so the two cannot drift apart. Reading
 * trusts nothing: every count is weighed against the bytes left, every string must be whole,
 * every index must point inside the model, and the first thing wrong makes `bad` stick: from
 * then on everything reads as zero and the entry is thrown away. Arrays are allocated zeroed
 * before their count is set, so that scenario_free can free a model that stopped half-way. */
typedef struct {
    int writing;
    StrBuf out;                       /* writing: the payload so far */
    const unsigned char *p, *end;     /* reading: what is left */
    int bad;
    const Scenario *s;                /* the model, to check indices into its code and acts */
} Codec;

static const unsigned char *take(Codec *c, size_t n)
{
    if (c->bad || (size_t)(c->end - c->p) < n) {
        c->bad = 1;
        return NULL;
    }
    const unsigned char *q = c->p;
    c->p += n;
    return q;
}

static void c_u32(Codec *c, uint32_t *v)
{
    if (c->writing) {
        unsigned char b[4];
        put_u32(b, *v);
        sb_addn(&c->out, (const char *)b, 4);
        return;
    }
    const unsigned char *q = take(c, 4);
    *v = q ? get_u32(q) : 0;
}

/* An int that must lie in [lo, hi]: out of range, the entry is not one this program wrote
 * (when writing: the model is not one read_scenario makes, so it is not kept). */
static void c_int(Codec *c, int *v, int lo, int hi)
{
    uint32_t u = (uint32_t)*v;
    c_u32(c, &u);
    int x = u <= INT_MAX ? (int)u : -(int)(UINT32_MAX - u) - 1;
    if (x < lo || x > hi) c->bad = 1;
    if (!c->writing) *v = c->bad ? 0 : x;
}

static void c_line(Codec *c, int *line)
{
    c_int(c, line, 0, INT_MAX);
}

#define C_ENUM(c, e, last)                 \
    do {                                   \
        int v_ = (int)(e);                 \
        c_int((c), &v_, 0, (last));        \
        if (!(c)->writing) (e) = v_;       \
    } while (0)

static void c_double(Codec *c, double *v)
{
    uint64_t u = 0;
    memcpy(&u, v, sizeof u);
    if (c->writing) {
        unsigned char b[8];
        put_u64(b, u);
        sb_addn(&c->out, (const char *)b, 8);
        return;
    }
    const unsigned char *q = take(c, 8);
    u = q ? get_u64(q) : 0;
    memcpy(v, &u, sizeof u);
}

enum { OPTIONAL, REQUIRED };

/* A string, or NULL; a REQUIRED one (an id, which the schema demands) must be there. Its bytes
 * are kept with their NUL, so that a model read points its strings into the entry's bytes (its
 * block: see decode) instead of allocating each of them. */
static void c_str(Codec *c, char **s, int required)
{
    if (c->writing) {
        size_t n = *s ? strlen(*s) : 0;
        uint32_t u = *s ? (uint32_t)n : NO_STRING;
        if ((!*s && required) || n >= NO_STRING) c->bad = 1;
        c_u32(c, &u);
        if (*s) sb_addn(&c->out, *s, n + 1);
        return;
    }
    uint32_t n;
    c_u32(c, &n);
    *s = NULL;
    if (n == NO_STRING) {
        if (required) c->bad = 1;
        return;
    }
    const unsigned char *q = take(c, (size_t)n + 1);
    if (!q || q[n] != '\0' || memchr(q, '\0', n)) {
        c->bad = 1;
        return;
    }
    *s = (char *)q;
}

/* A field resolve.c fills in: not kept, since before resolving it always holds `value`. */
static void c_unresolved(Codec *c, int *v, int value)
{
    if (c->writing && *v != value) c->bad = 1;
    if (!c->writing) *v = value;
}

/* The count of an array, and room for it. Every element takes at least `min` bytes (see
 * C_ARRAY), so a count that needs more bytes than are left is refused before anything is
 * allocated: a crafted count cannot make the reader ask for more memory than the file holds. */
static void *c_count(Codec *c, void *arr, int *n, size_t size, size_t min)
{
    uint32_t u = (uint32_t)*n;
    c_u32(c, &u);
    if (c->writing) return arr;
    if (u > INT_MAX || (uint64_t)u * min > (uint64_t)(c->end - c->p)) {
        c->bad = 1;
        u = 0;
    }
    *n = (int)u;
    return u ? xcalloc(u, size) : NULL;
}

static Codec measuring(void);

/* An array `arr` of `n` elements, each through `fn`. The least an element can take is what an
 * empty one takes (no strings, no items), measured once by writing one. */
#define C_ARRAY(c, arr, n, fn)                                                        \
    do {                                                                              \
        static size_t min_;                                                           \
        if (!min_) {                                                                  \
            __typeof__(*(arr)) zero_;                                                 \
            memset(&zero_, 0, sizeof zero_);                                          \
            Codec m_ = measuring();                                                   \
            fn(&m_, &zero_);                                                          \
            min_ = m_.out.len ? m_.out.len : 1;                                       \
            sb_free(&m_.out);                                                         \
        }                                                                             \
        (arr) = c_count((c), (arr), &(n), sizeof *(arr), min_);                       \
        for (int i_ = 0; i_ < (n) && !(c)->bad; i_++) fn((c), &(arr)[i_]);           \
    } while (0)

/* ============================== the model, field by field ============================== */

/* An index into the scenario's code: none, or a condition (is_expr) or an effect chunk. */
static void c_code_ref(Codec *c, int *ref, int is_expr)
{
    c_int(c, ref, NO_CODE, c->s->ncode - 1);
    if (*ref != NO_CODE && !c->bad && c->s->code[*ref].is_expr != is_expr) c->bad = 1;
}

static void c_lang(Codec *c, char **lang)
{
    c_str(c, lang, REQUIRED);
}

static void c_langtext(Codec *c, LangText *t)
{
    c_str(c, &t->lang, REQUIRED);
    if (!c->writing && t->lang) t->lang = scenario_own_lang(c->s, t->lang);
    c_str(c, &t->str, REQUIRED);
}

static void c_text(Codec *c, Text *t)
{
    C_ARRAY(c, t->v, t->n, c_langtext);
}

static void c_target(Codec *c, Target *t)
{
    int kind = (int)t->kind;
    c_unresolved(c, &kind, TARGET_NONE);
    if (!c->writing) t->kind = kind;
    c_unresolved(c, &t->index, -1);
    c_str(c, &t->name, OPTIONAL);
}

static void c_code(Codec *c, Code *k)
{
    c_str(c, &k->src, REQUIRED);
    c_line(c, &k->line);
    c_int(c, &k->is_expr, 0, 1);
}

static void c_effect(Codec *c, Effect *e)
{
    C_ENUM(c, e->kind, EFFECT_LUA);
    c_unresolved(c, &e->var, -1);
    c_str(c, &e->var_name, OPTIONAL);
    c_double(c, &e->value);
    c_code_ref(c, &e->code, 0);
    c_int(c, &e->fact, 0, 1);
    c_line(c, &e->line);
    /* world.c runs a lua effect's chunk and sets the variable an add or set names */
    if (e->kind == EFFECT_LUA ? e->code == NO_CODE : !e->var_name) c->bad = 1;
}

static void c_item(Codec *c, Item *it)
{
    C_ENUM(c, it->kind, ITEM_SAY);
    c_text(c, &it->text);
    c_unresolved(c, &it->role, -1);
    c_str(c, &it->role_name, it->kind == ITEM_SAY ? REQUIRED : OPTIONAL);
    c_str(c, &it->line_key, OPTIONAL);
    c_code_ref(c, &it->cond, 1);
    c_str(c, &it->needs, OPTIONAL);
    c_str(c, &it->unless, OPTIONAL);
    c_line(c, &it->line);
}

static void c_goto(Codec *c, Goto *g)
{
    c_target(c, &g->to);
    c_code_ref(c, &g->cond, 1);
    c_line(c, &g->line);
}

static void c_alt_title(Codec *c, AltTitle *t)
{
    c_code_ref(c, &t->cond, 1);
    c_text(c, &t->text);
    c_line(c, &t->line);
    if (t->cond == NO_CODE) c->bad = 1;        /* an alternative has a condition */
}

static void c_variant(Codec *c, Variant *v)
{
    c_str(c, &v->term, REQUIRED);
    c_text(c, &v->text);
    c_text(c, &v->third);
    c_line(c, &v->line);
}

static void c_choice(Codec *c, Choice *ch)
{
    c_str(c, &ch->id, REQUIRED);
    c_target(c, &ch->to);
    c_str(c, &ch->quality, OPTIONAL);
    c_int(c, &ch->corner, CORNER_NONE, CORNERS - 1);
    C_ARRAY(c, ch->variants, ch->nvariants, c_variant);
    c_unresolved(c, &ch->by, -1);
    c_str(c, &ch->by_name, OPTIONAL);
    c_unresolved(c, &ch->addressee, -1);
    c_str(c, &ch->addressee_name, OPTIONAL);
    c_int(c, &ch->turning, 0, 1);
    c_code_ref(c, &ch->cond, 1);
    c_str(c, &ch->needs, OPTIONAL);
    c_str(c, &ch->unless, OPTIONAL);
    c_text(c, &ch->text);
    c_text(c, &ch->third);
    C_ARRAY(c, ch->effects, ch->neffects, c_effect);
    c_line(c, &ch->line);
}

static void c_scene(Codec *c, Scene *sc)
{
    c_str(c, &sc->id, REQUIRED);
    c_int(c, &sc->act, 0, c->s->nacts - 1);
    c_unresolved(c, &sc->who, WHO_ROTATE);
    c_str(c, &sc->who_name, OPTIONAL);
    c_int(c, &sc->unplayed_turn, 0, 1);
    c_target(c, &sc->next);
    c_text(c, &sc->title);
    C_ARRAY(c, sc->alt_titles, sc->nalt_titles, c_alt_title);
    C_ARRAY(c, sc->gotos, sc->ngotos, c_goto);
    C_ARRAY(c, sc->effects, sc->neffects, c_effect);
    C_ARRAY(c, sc->items, sc->nitems, c_item);
    C_ARRAY(c, sc->choices, sc->nchoices, c_choice);
    c_line(c, &sc->line);
}

static void c_act(Codec *c, Act *a)
{
    c_str(c, &a->id, REQUIRED);
    c_text(c, &a->title);
    c_int(c, &a->ret, 0, 1);
    c_str(c, &a->after, OPTIONAL);
    c_line(c, &a->line);
}

static void c_role(Codec *c, Role *r)
{
    c_str(c, &r->id, REQUIRED);
    c_str(c, &r->character, REQUIRED);
    c_int(c, &r->playable, 0, 1);
    c_int(c, &r->own, 0, 1);
    c_str(c, &r->quadrants, OPTIONAL);
    c_text(c, &r->brief);
    c_line(c, &r->line);
}

static void c_var(Codec *c, Var *v)
{
    c_str(c, &v->id, REQUIRED);
    c_double(c, &v->value);
    c_int(c, &v->fact, 0, 1);
    c_text(c, &v->title);
    c_line(c, &v->line);
}

static void c_card(Codec *c, Card *k)
{
    c_str(c, &k->id, REQUIRED);
    c_int(c, &k->age, INT_MIN, INT_MAX);
    c_str(c, &k->name, REQUIRED);
    c_text(c, &k->names);
    c_text(c, &k->title);
    c_text(c, &k->text);
    c_str(c, &k->art, OPTIONAL);
    c_line(c, &k->line);
}

static void c_deck(Codec *c, Deck *d)
{
    c_str(c, &d->id, REQUIRED);
    c_text(c, &d->title);
    C_ARRAY(c, d->cards, d->ncards, c_card);
    c_line(c, &d->line);
}

static void c_pick(Codec *c, Pick *p)
{
    c_unresolved(c, &p->deck, -1);
    c_str(c, &p->deck_name, REQUIRED);
    c_text(c, &p->text);
    c_line(c, &p->line);
}

static void c_event(Codec *c, Event *e)
{
    c_str(c, &e->id, REQUIRED);
    c_target(c, &e->to);
    c_code_ref(c, &e->cond, 1);
    c_code_ref(c, &e->avail, 1);
    c_text(c, &e->title);
    C_ARRAY(c, e->alt_titles, e->nalt_titles, c_alt_title);
    c_text(c, &e->names);
    c_text(c, &e->why);
    c_line(c, &e->line);
}

static void c_ending(Codec *c, Ending *e)
{
    c_str(c, &e->id, REQUIRED);
    c_text(c, &e->title);
    C_ARRAY(c, e->items, e->nitems, c_item);
    c_int(c, &e->ret, 0, 1);
    c_line(c, &e->line);
}

static void c_question(Codec *c, Question *q)
{
    c_str(c, &q->quality, OPTIONAL);
    c_text(c, &q->text);
    c_line(c, &q->line);
}

/* The order of scenario.h, but for the code, which comes first: conditions and effects refer to
 * it by index, and the reader checks each index as it reads it. The path is not kept. */
static void c_scenario(Codec *c, Scenario *s)
{
    C_ARRAY(c, s->code, s->ncode, c_code);
    c_str(c, &s->id, REQUIRED);
    c_int(c, &s->version, INT_MIN, INT_MAX);
    C_ARRAY(c, s->langs, s->nlangs, c_lang);
    c_target(c, &s->start);
    c_text(c, &s->title);
    c_text(c, &s->summary);
    C_ARRAY(c, s->vars, s->nvars, c_var);
    C_ARRAY(c, s->roles, s->nroles, c_role);
    C_ARRAY(c, s->picks, s->npicks, c_pick);
    C_ARRAY(c, s->decks, s->ndecks, c_deck);
    C_ARRAY(c, s->acts, s->nacts, c_act);
    C_ARRAY(c, s->scenes, s->nscenes, c_scene);
    C_ARRAY(c, s->events, s->nevents, c_event);
    C_ARRAY(c, s->endings, s->nendings, c_ending);
    C_ARRAY(c, s->questions, s->nquestions, c_question);
}

/* A writer of empty elements, for C_ARRAY's measure: its model has no code and no acts. */
static Codec measuring(void)
{
    static const Scenario empty;
    Codec c = {.writing = 1, .s = &empty};
    sb_init(&c.out);
    return c;
}

/* ============================== entries ============================== */

/* The model in an entry's bytes, or NULL when they are not exactly what cache_store wrote for
 * this key, with this format. The model takes the bytes as its block; they are freed either way. */
static Scenario *decode(unsigned char *file, size_t len, const CacheKey *key)
{
    size_t n = len >= CACHE_HEADER ? len - CACHE_HEADER : 0;
    if (len < CACHE_HEADER || memcmp(file, MAGIC, 8) != 0 || get_u32(file + 8) != CACHE_FORMAT ||
        memcmp(file + 12, key->bytes, 16) != 0 || get_u64(file + 28) != n ||
        XXH3_64bits(file + CACHE_HEADER, n) != get_u64(file + 36)) {
        free(file);
        return NULL;
    }
    const unsigned char *payload = file + CACHE_HEADER;
    Scenario *s = xcalloc(1, sizeof *s);
    s->block = (char *)file;
    s->block_len = len;
    Codec c = {.writing = 0, .p = payload, .end = payload + n, .s = s};
    c_scenario(&c, s);
    if (c.bad || c.p != c.end) {
        scenario_free(s);
        return NULL;
    }
    return s;
}

Scenario *cache_load(const CacheKey *key)
{
    char *path = cache_entry_path(key);
    if (!path) return NULL;
    size_t len = 0;
    unsigned char *file = (unsigned char *)read_file(path, MAX_ENTRY_BYTES, &len);
    int found = file != NULL;
    Scenario *s = found ? decode(file, len, key) : NULL;
    if (s) {
        stats.hits++;
        utimensat(AT_FDCWD, path, NULL, 0);       /* used now: see prune() */
    } else if (found) {
        stats.rejected++;
        unlink(path);
    } else {
        stats.misses++;
    }
    free(path);
    return s;
}

/* The folder, and the ones above it that are missing, each private to the user as the XDG
 * spec asks. Folders that are there are left alone (and not even tried, but the last). */
static int make_dirs(const char *dir)
{
    if (mkdir(dir, 0700) == 0 || errno == EEXIST) return 0;
    if (errno != ENOENT) return -1;
    char *up = xstrdup(dir);
    char *slash = strrchr(up, '/');
    int rc = -1;
    if (slash && slash != up) {
        *slash = '\0';
        if (make_dirs(up) == 0) rc = mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
    }
    free(up);
    return rc;
}

/* Whether `name` is one this file makes: 32 hex digits, ".model", and for a file being
 * written a suffix of six (mkstemp's). Nothing else in the folder is ever removed. */
static int our_name(const char *name, int *temp)
{
    for (int i = 0; i < 32; i++)
        if (!strchr("0123456789abcdef", name[i]) || !name[i]) return 0;
    if (strncmp(name + 32, ".model", 6) != 0) return 0;
    *temp = name[38] != '\0';
    return !*temp || (name[38] == '.' && strlen(name + 39) == 6);
}

typedef struct {
    char *name;
    time_t used;
} Entry;

static int newest_first(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    return (x->used < y->used) - (x->used > y->used);
}

/* Before a new entry is written: entries not used for KEEP_DAYS go (a hit marks an entry used),
 * and of the rest only the KEEP_ENTRIES - 1 used last stay, so that a designer who saves a large
 * scenario a hundred times a day leaves a bounded folder. A file left half-written by a program
 * that stopped goes after an hour. */
static void prune(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    time_t now = time(NULL);
    Entry *v = NULL;
    int n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        int temp;
        struct stat st;
        if (!our_name(e->d_name, &temp) || fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (temp) {
            if (st.st_mtime < now - 3600) unlinkat(dirfd(d), e->d_name, 0);
            continue;
        }
        VEC_PUSH(v, n, cap);
        v[n++] = (Entry){xstrdup(e->d_name), st.st_mtime};
    }
    if (n) qsort(v, (size_t)n, sizeof *v, newest_first);
    for (int i = 0; i < n; i++) {
        if (i >= KEEP_ENTRIES - 1 || v[i].used < now - KEEP_DAYS * 86400) unlinkat(dirfd(d), v[i].name, 0);
        free(v[i].name);
    }
    free(v);
    closedir(d);
}

/* Written to a file of its own, then renamed into place: a reader sees a whole entry or none.
 * It is not synced: after a power cut, a torn entry fails its checksum and is passed over. */
static void write_entry(const char *dir, const CacheKey *key, const StrBuf *payload)
{
    unsigned char head[CACHE_HEADER];
    memcpy(head, MAGIC, 8);
    put_u32(head + 8, CACHE_FORMAT);
    memcpy(head + 12, key->bytes, 16);
    put_u64(head + 28, payload->len);
    put_u64(head + 36, XXH3_64bits(payload->s, payload->len));
    char *path = entry_in(dir, key);
    char *tmp = xasprintf("%s.XXXXXX", path);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd >= 0) {
        int ok = write_all(fd, head, sizeof head) == 0 && write_all(fd, payload->s, payload->len) == 0;
        ok = close(fd) == 0 && ok && rename(tmp, path) == 0;
        if (ok) stats.stored++;
        else unlink(tmp);
    }
    free(tmp);
    free(path);
}

void cache_store(const CacheKey *key, const Scenario *s)
{
    char *dir = cache_dir();
    if (!dir) return;
    /* The writer only reads the model; the codec's functions are shared with the reader. */
    Codec c = {.writing = 1, .s = s};
    sb_init(&c.out);
    c_scenario(&c, (Scenario *)s);
    if (!c.bad && c.out.len <= MAX_ENTRY_BYTES - CACHE_HEADER && make_dirs(dir) == 0) {
        prune(dir);
        write_entry(dir, key, &c.out);
    }
    sb_free(&c.out);
    free(dir);
}
