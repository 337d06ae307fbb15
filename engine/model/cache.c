/*
 * cache.c - the model cache: a scenario's model as load.c read it, kept in a compact binary
 * file keyed by the XXH3-128 of the scenario and its schema, so a second load skips libxml2.
 */
#include "model/cache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "base/cachedir.h"
#include "base/paths.h"
#include "base/util.h"

#define MAGIC "VBMODEL"              /* 8 bytes with its NUL */
#define MAX_SCHEMA_BYTES (4u << 20)
#define MAX_ENTRY_BYTES (256u << 20)  /* four times the largest scenario file */
#define NO_STRING UINT32_MAX          /* the length that stands for a NULL string */

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

static uint32_t get_u32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* ============================== the key and the place ============================== */

int cache_key(const char *bytes, size_t len, CacheKey *key)
{
    char *dir = cachedir_path();
    if (!dir) return 0;
    free(dir);
    size_t slen;
    char *schema = read_file(paths_schema(), MAX_SCHEMA_BYTES, &slen);
    if (!schema) return 0;
    /* The schema's length goes in first, so that no two (schema, scenario) pairs hash as one
     * concatenation. */
    unsigned char head[12];
    put_u32(head, CACHE_FORMAT);
    cachedir_put_u64(head + 4, (uint64_t)slen);
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

char *cache_entry_path(const CacheKey *key)
{
    char *dir = cachedir_path();
    char *path = dir ? cachedir_file(dir, key->bytes, CACHEDIR_MODEL) : NULL;
    free(dir);
    return path;
}

/* ============================== files known unchanged ============================== */

/* Reading and hashing a large scenario costs more than loading its model, so a load first asks
 * whether the file is the one it was: a record per path, "<32 hex digits>.seen", holds what
 * stat said of the scenario and the schema when their key was taken, and the key. A change to a
 * file always moves its ctime, which no program can set back; a change in the same tick of a
 * coarse clock is ruled out by recording only files untouched for RACY_SECONDS (git's "racily
 * clean" entries). A record that does not match is passed over, and the bytes decide. */
#define SEEN_MAGIC "VBSEEN1"         /* 8 bytes with its NUL */
#define RACY_SECONDS 2
enum { STATUS_BYTES = 7 * 8, SEEN_BYTES = 8 + 4 + 2 * STATUS_BYTES + 16 };
_Static_assert(sizeof ((CacheSeen *)0)->bytes == SEEN_BYTES - 16, "a record is its statuses and a key");

/* What stat says of the file at `path`, as bytes: device, inode, size, mtime and ctime (s, ns);
 * in *changed the later of its two times. 0 when there is no such file. */
static int file_status(const char *path, unsigned char *b, struct timespec *changed)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    uint64_t v[7] = {st.st_dev, st.st_ino, (uint64_t)st.st_size,
                     (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec,
                     (uint64_t)st.st_ctim.tv_sec, (uint64_t)st.st_ctim.tv_nsec};
    for (int i = 0; i < 7; i++) cachedir_put_u64(b + 8 * i, v[i]);
    *changed = st.st_ctim.tv_sec > st.st_mtim.tv_sec ? st.st_ctim : st.st_mtim;
    return 1;
}

/* The record as it would read for the files now: magic, format, the two statuses (the key is
 * left to the caller). 0 when either file is missing. */
static int seen_now(const char *path, CacheSeen *seen)
{
    struct timespec a, b;
    memset(seen, 0, sizeof *seen);
    memcpy(seen->bytes, SEEN_MAGIC, 8);
    put_u32(seen->bytes + 8, CACHE_FORMAT);
    seen->ok = file_status(path, seen->bytes + 12, &a) &&
               file_status(paths_schema(), seen->bytes + 12 + STATUS_BYTES, &b);
    seen->changed = a.tv_sec > b.tv_sec ? a.tv_sec : b.tv_sec;
    return seen->ok;
}

/* The record's file for the scenario at `path` (made absolute, not resolved further). */
static char *seen_path(const char *dir, const char *path)
{
    char cwd[PATH_MAX];
    char *abs = *path == '/' || !getcwd(cwd, sizeof cwd) ? xstrdup(path) : xasprintf("%s/%s", cwd, path);
    XXH128_canonical_t canon;
    XXH128_canonicalFromHash(&canon, XXH3_128bits(abs, strlen(abs)));
    free(abs);
    return cachedir_file(dir, canon.digest, CACHEDIR_SEEN);
}

Scenario *cache_load_unchanged(const char *path, CacheSeen *seen)
{
    char *dir = cachedir_path();
    if (!dir || !seen_now(path, seen)) {
        free(dir);
        return NULL;
    }
    char *rec = seen_path(dir, path);
    free(dir);
    size_t len = 0;
    unsigned char *b = (unsigned char *)read_file(rec, SEEN_BYTES, &len);
    free(rec);
    Scenario *s = NULL;
    if (b && len == SEEN_BYTES && memcmp(b, seen->bytes, SEEN_BYTES - 16) == 0) {
        CacheKey key;
        memcpy(key.bytes, b + SEEN_BYTES - 16, 16);
        s = cache_load(&key);
        if (s) stats.unchanged++;
    }
    free(b);
    return s;
}

void cache_remember(const char *path, const CacheSeen *seen, const CacheKey *key)
{
    CacheSeen again;
    char *dir = cachedir_path();
    if (!dir || !seen->ok || !seen_now(path, &again) || memcmp(seen->bytes, again.bytes, SEEN_BYTES - 16) != 0 ||
        time(NULL) - seen->changed <= RACY_SECONDS) {
        free(dir);
        return;
    }
    char *rec = seen_path(dir, path);
    cachedir_write(rec, seen->bytes, SEEN_BYTES - 16, key->bytes, 16);
    free(rec);
    free(dir);
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
    uint64_t arena_need;              /* writing: the bytes the reader's arena will hold */
    char *arena;                      /* reading: where the arrays go, one after another */
    size_t arena_len, arena_used;
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
        cachedir_put_u64(b, u);
        sb_addn(&c->out, (const char *)b, 8);
        return;
    }
    const unsigned char *q = take(c, 8);
    u = q ? cachedir_get_u64(q) : 0;
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

/* An array's bytes in the arena: whole elements, each array aligned as malloc aligns. */
static uint64_t arena_bytes(uint64_t n, size_t size)
{
    return (n * size + 15) & ~(uint64_t)15;
}

/* The count of an array, and room for it in the arena. Every element takes at least `min`
 * bytes (see C_ARRAY), so a count that needs more bytes than are left is refused before its
 * room is taken, and the arena must hold exactly the arrays the writer counted. */
static void *c_count(Codec *c, void *arr, int *n, size_t size, size_t min)
{
    uint32_t u = (uint32_t)*n;
    c_u32(c, &u);
    if (c->writing) {
        c->arena_need += arena_bytes(u, size);
        return arr;
    }
    if (u > INT_MAX || (uint64_t)u * min > (uint64_t)(c->end - c->p) ||
        arena_bytes(u, size) > c->arena_len - c->arena_used) {
        c->bad = 1;
        u = 0;
    }
    *n = (int)u;
    if (!u) return NULL;
    void *room = c->arena + c->arena_used;      /* zeroed: a fresh anonymous mapping */
    c->arena_used += arena_bytes(u, size);
    return room;
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

/* The arena of a model read from the cache: one anonymous mapping, faulted in as a whole
 * (MAP_POPULATE), since decoding fills every byte of it. NULL when it cannot be had. */
static char *arena_map(size_t len)
{
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* The model in an entry's bytes (a mapping of `len` bytes), or NULL when they are not exactly
 * what cache_store wrote for this key, with this format. The model takes the mapping as its
 * block; it is unmapped when the bytes are refused. */
static Scenario *decode(unsigned char *file, size_t len, const CacheKey *key)
{
    size_t n = len >= CACHE_HEADER ? len - CACHE_HEADER : 0;
    const unsigned char *payload = file + CACHE_HEADER;
    /* The payload opens with the size of the arena its arrays take: at most a few times the
     * payload, since every element takes some bytes of it (a bound against a foreign file). */
    uint64_t arena_len = n >= 8 ? cachedir_get_u64(payload) : 0;
    if (len < CACHE_HEADER || n < 8 || memcmp(file, MAGIC, 8) != 0 || get_u32(file + 8) != CACHE_FORMAT ||
        memcmp(file + 12, key->bytes, 16) != 0 || cachedir_get_u64(file + 28) != n ||
        XXH3_64bits(payload, n) != cachedir_get_u64(file + 36) || arena_len > 64 * (uint64_t)n + 4096) {
        munmap(file, len);
        return NULL;
    }
    Scenario *s = xcalloc(1, sizeof *s);
    s->block = (char *)file;
    s->block_len = len;
    s->block_mapped = 1;
    s->arena_len = (size_t)arena_len;
    s->arena = arena_len ? arena_map(s->arena_len) : NULL;
    Codec c = {.writing = 0, .p = payload + 8, .end = payload + n, .s = s,
               .arena = s->arena, .arena_len = s->arena ? s->arena_len : 0};
    c_scenario(&c, s);
    if (c.bad || c.p != c.end || c.arena_used != c.arena_len) {
        scenario_free(s);
        return NULL;
    }
    return s;
}

/* An entry's bytes, mapped read-only and faulted in at once (the checksum reads them all); the
 * mapping is private, so a file replaced meanwhile by a new entry (rename) changes nothing. */
static unsigned char *map_entry(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return NULL;
    struct stat st;
    void *p = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size <= MAX_ENTRY_BYTES) {
        *len = (size_t)st.st_size;
        p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    }
    close(fd);
    return p == MAP_FAILED ? NULL : p;
}

Scenario *cache_load(const CacheKey *key)
{
    char *path = cache_entry_path(key);
    if (!path) return NULL;
    size_t len = 0;
    unsigned char *file = map_entry(path, &len);
    int found = file || access(path, F_OK) == 0;     /* an empty or unmappable entry is refused */
    Scenario *s = file ? decode(file, len, key) : NULL;
    if (s) {
        stats.hits++;
        cachedir_touch(path);                     /* used now: see cachedir_prune */
    } else if (found) {
        stats.rejected++;
        unlink(path);
    } else {
        stats.misses++;
    }
    free(path);
    return s;
}

static void write_entry(const char *dir, const CacheKey *key, const StrBuf *payload)
{
    unsigned char head[CACHE_HEADER];
    memcpy(head, MAGIC, 8);
    put_u32(head + 8, CACHE_FORMAT);
    memcpy(head + 12, key->bytes, 16);
    cachedir_put_u64(head + 28, payload->len);
    cachedir_put_u64(head + 36, XXH3_64bits(payload->s, payload->len));
    char *path = cachedir_file(dir, key->bytes, CACHEDIR_MODEL);
    if (cachedir_write(path, head, sizeof head, payload->s, payload->len) == 0) stats.stored++;
    free(path);
}

int cache_store(const CacheKey *key, const Scenario *s)
{
    char *dir = cachedir_path();
    if (!dir) return 0;
    /* The writer only reads the model; the codec's functions are shared with the reader. The
     * arena's size goes first, filled in once the arrays are counted. */
    Codec c = {.writing = 1, .s = s};
    sb_init(&c.out);
    sb_addn(&c.out, "\0\0\0\0\0\0\0\0", 8);
    c_scenario(&c, (Scenario *)s);
    cachedir_put_u64((unsigned char *)c.out.s, c.arena_need);
    unsigned long stored = stats.stored;
    if (!c.bad && c.out.len <= MAX_ENTRY_BYTES - CACHE_HEADER && cachedir_make(dir) == 0) {
        cachedir_prune(dir);
        write_entry(dir, key, &c.out);
    }
    sb_free(&c.out);
    free(dir);
    return stats.stored > stored;
}
