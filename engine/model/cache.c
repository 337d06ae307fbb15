/*
 * cache.c - the model cache: a scenario's model as load.c read and resolve.c resolved it, kept
 * in a file keyed by the XXH3-128 of the scenario, its schema and the lexicon, so that a second
 * load skips libxml2 and resolving.
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
#include <sys/stat.h>
#include <xxhash.h>

#include "base/cachedir.h"
#include "base/idmap.h"
#include "base/paths.h"
#include "base/util.h"
#include "model/resolve.h"

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

int cache_entry_key(const CacheKey *key, const Lexicon *lx, CacheKey *out)
{
    static const unsigned char none[sizeof lx->fingerprint];
    if (memcmp(lx->fingerprint, none, sizeof none) == 0) return 0;
    unsigned char both[sizeof key->bytes + sizeof lx->fingerprint];
    memcpy(both, key->bytes, sizeof key->bytes);
    memcpy(both + sizeof key->bytes, lx->fingerprint, sizeof lx->fingerprint);
    XXH128_canonical_t canon;
    XXH128_canonicalFromHash(&canon, XXH3_128bits(both, sizeof both));
    memcpy(out->bytes, canon.digest, sizeof out->bytes);
    return 1;
}

/* The file of the entry kept under `entry` (an entry key); NULL when the cache is off. */
static char *entry_file(const CacheKey *entry)
{
    char *dir = cachedir_path();
    char *path = dir ? cachedir_file(dir, entry->bytes, CACHEDIR_MODEL) : NULL;
    free(dir);
    return path;
}

char *cache_entry_path(const CacheKey *key, const Lexicon *lx)
{
    CacheKey entry;
    return cache_entry_key(key, lx, &entry) ? entry_file(&entry) : NULL;
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

Scenario *cache_load_unchanged(const char *path, const Lexicon *lx, CacheSeen *seen)
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
        s = cache_load(&key, lx);
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

/* An entry holds the model as it lies in memory: its structs and arrays one after another in
 * the order the codec walks them (the Scenario first), then its strings. Where the model holds
 * a pointer, the entry holds an offset: an array's from the image's start, a string's from the
 * strings' start (0 for NULL: the strings begin with a NUL that no string is written at). So a
 * load reads no field into a struct of its own: it maps the entry, and the same walk that
 * wrote it turns each offset into a pointer where it lies, checking it as it goes.
 *
 * One function per struct both writes and reads it, so the two cannot drift apart. Reading
 * trusts nothing that could make it go astray: every array must lie exactly where the walk
 * expects the next one (so no two overlap, and together they fill the room before the
 * strings), every string inside the strings, which end in a NUL, every index inside the model;
 * the first thing wrong makes `bad` stick and the entry is thrown away. */
typedef struct {
    int writing;
    int bad;
    const Scenario *s;          /* the model: to check indices into its code and acts */
    /* writing: the image so far, the strings so far, and where the element being written
     * goes (its fields at `src` land at `dst` in the image) */
    StrBuf img, strs;
    const char *src;
    size_t dst;
    size_t *lang_at;            /* where each declared language's string went */
    IdMap written;              /* each string written so far: where it went */
    /* reading: the image, where the next array must begin, and the strings */
    char *base;
    size_t next, arrays_end;
    const char *strings;
    size_t strings_len;
} Codec;

/* Arrays begin on 16 bytes, as malloc aligns them. */
static size_t aligned(size_t n)
{
    return (n + 15) & ~(size_t)15;
}

/* Writing: where the field at `field` of the element being written lies in the image. */
static void *dst_of(Codec *c, const void *field)
{
    return c->img.s + c->dst + (size_t)((const char *)field - c->src);
}

/* Writing: the field's value, `n` bytes, into the image. */
static void put_field(Codec *c, const void *field, const void *v, size_t n)
{
    memcpy(dst_of(c, field), v, n);
}

/* Writing: a pointer field as the offset `off`. */
static void put_offset(Codec *c, const void *field, size_t off)
{
    uintptr_t v = (uintptr_t)off;
    put_field(c, field, &v, sizeof v);
}

/* Reading: the offset a pointer field holds where it lies. */
static uintptr_t offset_in(const void *field)
{
    uintptr_t v;
    memcpy(&v, field, sizeof v);
    return v;
}

/* An int that must lie in [lo, hi]: out of range, the entry is not one this program wrote
 * (when writing: the model is not one read_scenario makes, so it is not kept). */
static void c_int(Codec *c, int *v, int lo, int hi)
{
    if (*v < lo || *v > hi) c->bad = 1;
    if (c->writing) put_field(c, v, v, sizeof *v);
}

static void c_line(Codec *c, int *line)
{
    c_int(c, line, 0, INT_MAX);
}

#define C_ENUM(c, e, last)                 \
    do {                                   \
        int v_ = (int)(e);                 \
        if (v_ < 0 || v_ > (last)) (c)->bad = 1; \
        if ((c)->writing) put_field((c), &(e), &(e), sizeof(e)); \
    } while (0)

static void c_double(Codec *c, double *v)
{
    if (c->writing) put_field(c, v, v, sizeof *v);
}

enum { OPTIONAL, REQUIRED };

/* The offset at which the writer keeps string `s` (never 0: the strings open with a NUL). A
 * string is written once, however many fields hold it: a choice names the scene it leads to,
 * its quality and a variable as written, the same words as the scene's id, the other choices'
 * qualities and the variable's id. At 100,000 scenes that was a quarter of the strings. */
static size_t string_at(Codec *c, const char *s)
{
    int known = idmap_get(&c->written, s);
    if (known >= 0) return (size_t)known;
    size_t at = c->strs.len;
    sb_addn(&c->strs, s, strlen(s) + 1);
    if (at <= INT_MAX) idmap_put(&c->written, s, (int)at);
    return at;
}

/* A string, or NULL; a REQUIRED one (an id, which the schema demands) must be there. */
static void c_str(Codec *c, char **s, int required)
{
    if (c->writing) {
        if (!*s && required) c->bad = 1;
        put_offset(c, s, *s ? string_at(c, *s) : 0);
        return;
    }
    uintptr_t off = offset_in(s);
    if (off >= c->strings_len || (!off && required)) {
        c->bad = 1;
        off = 0;
    }
    *s = off ? (char *)c->strings + off : NULL;
}

/* A role a resolved field names: one of the model's, or -1 where `none` allows it. */
static void c_role_ref(Codec *c, int *v, int none)
{
    c_int(c, v, none ? -1 : 0, c->s->nroles - 1);
}

/* Writing: room for `n` elements of `size` bytes at the end of the image, zeroed; its offset.
 * Reading: the array a field holds the offset of, which must begin where the last one ended;
 * its place. NULL for none. */
static void *c_array(Codec *c, void *arr, int n, size_t size)
{
    size_t bytes = aligned((size_t)n * size);
    if (c->writing) {
        if (n < 0 || (n && !arr)) c->bad = 1;
        size_t at = n > 0 ? c->img.len : 0;
        if (n > 0) sb_addzeros(&c->img, bytes);
        return (void *)at;
    }
    uintptr_t off = (uintptr_t)arr;
    if (n < 0 || (n == 0) != (off == 0) ||
        (n && (off != c->next || (uint64_t)n * size > c->arrays_end - c->next))) {
        c->bad = 1;
        return NULL;
    }
    if (!n) return NULL;
    c->next += bytes;
    return c->base + off;
}

/* An array `arr` of `n` elements, each through `fn`: writing, each element's fields land in
 * the room taken for it; reading, each is checked where it lies. */
#define C_ARRAY(c, arr, n, fn)                                                        \
    do {                                                                              \
        if ((c)->writing) {                                                           \
            size_t at_ = (size_t)c_array((c), (arr), (n), sizeof *(arr));             \
            put_offset((c), &(arr), at_);                                             \
            put_field((c), &(n), &(n), sizeof(n));                                    \
            const char *src_ = (c)->src;                                              \
            size_t dst_ = (c)->dst;                                                   \
            for (int i_ = 0; i_ < (n) && !(c)->bad; i_++) {                           \
                (c)->src = (const char *)&(arr)[i_];                                  \
                (c)->dst = at_ + (size_t)i_ * sizeof *(arr);                          \
                fn((c), &(arr)[i_]);                                                  \
            }                                                                         \
            (c)->src = src_;                                                          \
            (c)->dst = dst_;                                                          \
        } else {                                                                      \
            (arr) = c_array((c), (arr), (n), sizeof *(arr));                          \
            if (!(arr)) (n) = 0;                                                      \
            for (int i_ = 0; i_ < (n) && !(c)->bad; i_++) fn((c), &(arr)[i_]);       \
        }                                                                             \
    } while (0)

/* ============================== the model, field by field ============================== */

/* An index into the scenario's code: none, or a condition (is_expr) or an effect chunk. */
static void c_code_ref(Codec *c, int *ref, int is_expr)
{
    c_int(c, ref, NO_CODE, c->s->ncode - 1);
    if (*ref != NO_CODE && !c->bad && c->s->code[*ref].is_expr != is_expr) c->bad = 1;
}

/* A declared language: written once, where every text in it points. */
static void c_lang(Codec *c, char **lang)
{
    c_str(c, lang, REQUIRED);
    if (c->writing && !c->bad) c->lang_at[lang - c->s->langs] = offset_in(dst_of(c, lang));
}

static void c_langtext(Codec *c, LangText *t)
{
    int k = 0;
    if (c->writing)
        while (k < c->s->nlangs && !streq(c->s->langs[k], t->lang)) k++;
    if (c->writing && k < c->s->nlangs)
        put_offset(c, &t->lang, c->lang_at[k]);
    else
        c_str(c, &t->lang, REQUIRED);
    if (!c->writing && t->lang) t->lang = scenario_own_lang(c->s, t->lang);
    c_str(c, &t->str, REQUIRED);
}

static void c_text(Codec *c, Text *t)
{
    C_ARRAY(c, t->v, t->n, c_langtext);
}

/* A scene's or an ending's index, as resolving found it; -1 for a return or no target. */
static void c_target(Codec *c, Target *t)
{
    C_ENUM(c, t->kind, TARGET_RETURN);
    if (t->kind == TARGET_SCENE) c_int(c, &t->index, 0, c->s->nscenes - 1);
    else if (t->kind == TARGET_ENDING) c_int(c, &t->index, 0, c->s->nendings - 1);
    else c_int(c, &t->index, -1, -1);
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
    if (e->kind == EFFECT_LUA) c_int(c, &e->var, -1, -1);
    else c_int(c, &e->var, 0, c->s->nvars - 1);
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
    c_role_ref(c, &it->role, it->kind != ITEM_SAY);
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
    c_role_ref(c, &ch->by, 1);
    c_str(c, &ch->by_name, OPTIONAL);
    c_role_ref(c, &ch->addressee, 1);
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
    c_int(c, &sc->who, WHO_GROUP, c->s->nroles - 1);
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
    c_int(c, &p->deck, 0, c->s->ndecks - 1);
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

/* ============================== entries ============================== */

/* The body of an entry, after the seal: the format (u32 at FORMAT_AT) and the entry key (at
 * KEY_AT), then the payload. The payload opens with where the image's arrays end and its
 * strings begin, its length and the layout it was written with (u64 each); the image follows
 * at IMAGE_AT, aligned for its structs. */
enum { FORMAT_AT = CACHEDIR_SEAL, KEY_AT = FORMAT_AT + 4, IMAGE_AT = 80 };
_Static_assert(KEY_AT + 16 == CACHE_HEADER, "the header is the seal, the format and the key");
_Static_assert(IMAGE_AT >= CACHE_HEADER + 24 && IMAGE_AT % 16 == 0, "the image follows the header");

/* A layout this build's model has: an entry written by a build whose structs differ in size
 * (another compiler, another word size, a field added without raising CACHE_FORMAT) is not
 * read as this one's. */
static uint64_t layout(void)
{
    const uint64_t sizes[] = {
        sizeof(void *), sizeof(int), sizeof(double), sizeof(TargetKind), 0x0102030405060708u,
        sizeof(LangText), sizeof(Text), sizeof(Target), sizeof(Code), sizeof(Effect),
        sizeof(Item), sizeof(Goto), sizeof(AltTitle), sizeof(Variant), sizeof(Choice),
        sizeof(Scene), sizeof(Act), sizeof(Role), sizeof(Var), sizeof(Card), sizeof(Deck),
        sizeof(Pick), sizeof(Event), sizeof(Ending), sizeof(Question), sizeof(Scenario),
    };
    return XXH3_64bits(sizes, sizeof sizes);
}

/* The model in an entry's `len` bytes (unsealed whole: the checksum reads them all, and
 * reading the model writes pointers into every page of its arrays), or NULL when they are not
 * exactly what cache_store wrote for this entry key, with this format. The model takes the
 * bytes as its block; they are freed when they are refused. Its pointers into the lexicon and
 * between its scenes are not kept: resolve_relink sets them. */
static Scenario *decode(unsigned char *file, size_t len, const CacheKey *key)
{
    const unsigned char *payload = file + CACHE_HEADER;
    int opens = len >= IMAGE_AT;
    uint64_t arrays_end = opens ? cachedir_get_u64(payload) : 0;
    uint64_t image_len = opens ? cachedir_get_u64(payload + 8) : 0;
    char *image = (char *)file + IMAGE_AT;
    if (!opens || get_u32(file + FORMAT_AT) != CACHE_FORMAT || memcmp(file + KEY_AT, key->bytes, 16) != 0 ||
        image_len != len - IMAGE_AT || arrays_end < sizeof(Scenario) || arrays_end >= image_len ||
        arrays_end % 16 || image[arrays_end] != '\0' || image[image_len - 1] != '\0' ||
        cachedir_get_u64(payload + 16) != layout()) {
        free(file);
        return NULL;
    }
    Scenario *in_place = (Scenario *)image;
    Codec c = {.writing = 0, .s = in_place, .base = image, .next = aligned(sizeof(Scenario)),
               .arrays_end = arrays_end, .strings = image + arrays_end,
               .strings_len = image_len - arrays_end};
    c_scenario(&c, in_place);
    if (c.bad || c.next != arrays_end) {
        free(file);
        return NULL;
    }
    Scenario *s = xmalloc(sizeof *s);
    *s = *in_place;
    s->path = NULL;
    s->block = (char *)file;
    s->block_len = len;
    return s;
}

Scenario *cache_load(const CacheKey *key, const Lexicon *lx)
{
    CacheKey entry;
    char *path = cache_entry_key(key, lx, &entry) ? entry_file(&entry) : NULL;
    if (!path) return NULL;
    size_t n = 0;
    unsigned char *file = (unsigned char *)cachedir_unseal(path, MAGIC, MAX_ENTRY_BYTES, &n);
    int found = file || errno != ENOENT;          /* an unsealed or unreadable entry is refused */
    Scenario *s = file ? decode(file, CACHEDIR_SEAL + n, &entry) : NULL;
    if (s && resolve_relink(s, lx)) {
        scenario_free(s);
        s = NULL;
    }
    if (s) {
        stats.hits++;
    } else if (found) {
        stats.rejected++;
        unlink(path);
    } else {
        stats.misses++;
    }
    free(path);
    return s;
}

/* The body of `s`'s entry under `key` into `out`: the format and the key, the payload's
 * opening, then the image, arrays and strings. 0 when the model is not one read_scenario
 * makes. */
static int encode(const Scenario *s, const CacheKey *key, StrBuf *out)
{
    Codec c = {.writing = 1, .s = s, .src = (const char *)s, .dst = 0};
    c.lang_at = xcalloc((size_t)s->nlangs + 1, sizeof *c.lang_at);
    sb_init(&c.img);
    sb_init(&c.strs);
    sb_addzeros(&c.img, aligned(sizeof *s));
    sb_addzeros(&c.strs, 1);
    c_scenario(&c, (Scenario *)s);
    sb_addzeros(&c.strs, 1);                      /* the strings end in a NUL */
    unsigned char open[IMAGE_AT - CACHEDIR_SEAL] = {0};
    put_u32(open, CACHE_FORMAT);
    memcpy(open + KEY_AT - FORMAT_AT, key->bytes, 16);
    unsigned char *payload = open + CACHE_HEADER - FORMAT_AT;
    cachedir_put_u64(payload, c.img.len);
    cachedir_put_u64(payload + 8, c.img.len + c.strs.len);
    cachedir_put_u64(payload + 16, layout());
    sb_addn(out, (const char *)open, sizeof open);
    sb_addn(out, c.img.s, c.img.len);
    sb_addn(out, c.strs.s, c.strs.len);
    sb_free(&c.img);
    sb_free(&c.strs);
    idmap_free(&c.written);
    free(c.lang_at);
    return !c.bad;
}

int cache_store(const CacheKey *key, const Lexicon *lx, const Scenario *s)
{
    CacheKey entry;
    char *dir = cachedir_path();
    if (!dir || !cache_entry_key(key, lx, &entry)) {
        free(dir);
        return 0;
    }
    char *path = cachedir_file(dir, entry.bytes, CACHEDIR_MODEL);
    StrBuf body;
    sb_init(&body);
    int stored = encode(s, &entry, &body) && body.len <= MAX_ENTRY_BYTES - CACHEDIR_SEAL &&
                 cachedir_seal(dir, path, MAGIC, body.s, body.len) == 0;
    stats.stored += (unsigned long)stored;
    sb_free(&body);
    free(path);
    free(dir);
    return stored;
}
