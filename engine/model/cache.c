/*
 * cache.c - the model cache: a scenario's model as load.c read and resolve.c resolved it, kept
 * in a file keyed by the XXH3-128 of the scenario, its schema and the lexicon, so that a second
 * load skips libxml2 and resolving.
 */
#include "model/cache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "base/cachedir.h"
#include "base/idmap.h"
#include "base/paths.h"
#include "base/util.h"

#define MAGIC "VBMODEL"              /* 8 bytes with its NUL */
#define MAX_SCHEMA_BYTES (4u << 20)
#define MAX_ENTRY_BYTES (256u << 20)  /* four times the largest scenario file */
#define NO_STRING UINT32_MAX          /* the length that stands for a NULL string */

static CacheStats stats;
static int use_places = 1;

void cache_use_places(int on)
{
    use_places = on;
}

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
 * a pointer, the entry holds the address it has when the file is mapped at the entry's place
 * (see "an entry at its place"; 0 for NULL: the strings begin with a NUL that no string is
 * written at). A load that gets that place uses the entry as it lies, touching nothing. One
 * that does not (the place is taken, or the system has none) reads the file, and the same walk
 * that wrote it moves each pointer to where the image lies, checking it as it goes.
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
    const Lexicon *lx;          /* to check each choice's place in it */
    uintptr_t at;               /* the image's address at the entry's place: a pointer is
                                   written as `at` plus its offset in the image */
    /* writing: the image so far, the strings so far, and where the element being written
     * goes (its fields at `src` land at `dst` in the image) */
    StrBuf img, strs;
    const char *src;
    size_t dst;
    size_t *lang_at;            /* where each declared language's string went */
    IdMap written;              /* each string written so far: where it went */
    /* writing: the image's fields that hold a string's offset among the strings, and those
     * that hold the choices of a choice's next scene, until the strings and the choices have
     * their places (place_pointers) */
    size_t *string_fields;
    int nstring_fields, string_fields_cap;
    struct { size_t field; int scene; } *nexts;
    int nnexts, nexts_cap;
    /* reading: the image, where the next array must begin, and the strings */
    char *base;
    size_t next, arrays_end;
    const char *strings;
    size_t strings_len;
    uintptr_t strings_at;       /* the strings' address at the entry's place */
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

/* Writing: a pointer field as the array at offset `off` in the image (0 for none). */
static void put_pointer(Codec *c, const void *field, size_t off)
{
    put_offset(c, field, off ? c->at + off : 0);
}

/* Writing: a string field as the string at offset `off` among the strings (0 for NULL), which
 * becomes its address once the strings have their place. */
static void put_string(Codec *c, const void *field, size_t off)
{
    put_offset(c, field, off);
    if (!off) return;
    VEC_PUSH(c->string_fields, c->nstring_fields, c->string_fields_cap);
    c->string_fields[c->nstring_fields++] = (size_t)((char *)dst_of(c, field) - c->img.s);
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
        put_string(c, s, *s ? string_at(c, *s) : 0);
        return;
    }
    uintptr_t off = offset_in(s);
    if (off) off -= c->strings_at;
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
    if (off) off -= c->at;
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
            put_pointer((c), &(arr), at_);                                            \
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
        put_string(c, &t->lang, c->lang_at[k]);
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

/* Writing: the choices of the scene a choice leads to, which get their place later. Reading
 * an entry that does not lie at its place, they are set after the walk (link_next_choices). */
static void c_next_choices(Codec *c, Choice *ch)
{
    if (!c->writing || ch->to.kind != TARGET_SCENE) return;
    put_offset(c, &ch->next_choices, 0);
    VEC_PUSH(c->nexts, c->nnexts, c->nexts_cap);
    c->nexts[c->nnexts].field = (size_t)((char *)dst_of(c, &ch->next_choices) - c->img.s);
    c->nexts[c->nnexts++].scene = ch->to.index;
}

static void c_choice(Codec *c, Choice *ch)
{
    c_str(c, &ch->id, REQUIRED);
    c_target(c, &ch->to);
    c_next_choices(c, ch);
    c_str(c, &ch->quality, OPTIONAL);
    c_int(c, &ch->term_at, -1, c->lx->nterms - 1);
    if (!ch->quality != (ch->term_at < 0)) c->bad = 1;
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
    c_str(c, &q->scene, OPTIONAL);
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
 * strings begin, its length, the layout it was written with and the image's address at the
 * entry's place (u64 each); the image follows at IMAGE_AT, aligned for its structs. */
enum { FORMAT_AT = CACHEDIR_SEAL, KEY_AT = FORMAT_AT + 4, IMAGE_AT = 80 };
_Static_assert(KEY_AT + 16 == CACHE_HEADER, "the header is the seal, the format and the key");
_Static_assert(IMAGE_AT >= CACHE_HEADER + 32 && IMAGE_AT % 16 == 0, "the image follows the header");

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

/* What the opening of an entry's `len` bytes says, when it is what cache_store wrote for this
 * entry key, with this format and layout: where the arrays end, and the image's address at the
 * entry's place. */
typedef struct {
    uint64_t arrays_end, image_len, at;
} Opening;

static int opening_of(const unsigned char *file, size_t len, const CacheKey *key, Opening *o)
{
    if (len < IMAGE_AT) return 0;
    const unsigned char *payload = file + CACHE_HEADER;
    const char *image = (const char *)file + IMAGE_AT;
    o->arrays_end = cachedir_get_u64(payload);
    o->image_len = cachedir_get_u64(payload + 8);
    o->at = cachedir_get_u64(payload + 24);
    return get_u32(file + FORMAT_AT) == CACHE_FORMAT && memcmp(file + KEY_AT, key->bytes, 16) == 0 &&
           o->image_len == len - IMAGE_AT && o->arrays_end >= sizeof(Scenario) &&
           o->arrays_end < o->image_len && o->arrays_end % 16 == 0 && image[o->arrays_end] == '\0' &&
           image[o->image_len - 1] == '\0' && cachedir_get_u64(payload + 16) == layout() &&
           o->at >= IMAGE_AT && o->at <= UINTPTR_MAX - o->image_len;
}

/* The model whose entry's bytes are `file`, as its block (the Scenario struct is copied out,
 * so that its path and block can be set). */
static Scenario *adopt(unsigned char *file, size_t len, int mapped)
{
    Scenario *s = xmalloc(sizeof *s);
    *s = *(const Scenario *)(file + IMAGE_AT);
    s->path = NULL;
    s->block = (char *)file;
    s->block_len = len;
    s->block_whole = 1;
    s->block_mapped = mapped;
    return s;
}

/* After reading an entry elsewhere than at its place: each choice's next choices, which the
 * walk could not check where it met them (the scenes after it were not read yet). */
static void link_next_choices(Scenario *s)
{
    for (int i = 0; i < s->nscenes; i++)
        for (int k = 0; k < s->scenes[i].nchoices; k++) {
            Choice *ch = &s->scenes[i].choices[k];
            ch->next_choices = ch->to.kind == TARGET_SCENE ? s->scenes[ch->to.index].choices : NULL;
        }
}

/* The model in an entry's `len` bytes, read into memory (unsealed whole: the checksum reads
 * them all, and moving the pointers writes into every page of its arrays), or NULL when they
 * are not exactly what cache_store wrote for this entry key, with this format. The model takes
 * the bytes as its block; they are freed when they are refused. */
static Scenario *decode(unsigned char *file, size_t len, const CacheKey *key, const Lexicon *lx)
{
    Opening o;
    if (!opening_of(file, len, key, &o)) {
        free(file);
        return NULL;
    }
    char *image = (char *)file + IMAGE_AT;
    Scenario *in_place = (Scenario *)image;
    Codec c = {.writing = 0, .s = in_place, .lx = lx, .at = (uintptr_t)o.at, .base = image,
               .next = aligned(sizeof(Scenario)), .arrays_end = o.arrays_end,
               .strings = image + o.arrays_end, .strings_len = o.image_len - o.arrays_end,
               .strings_at = (uintptr_t)(o.at + o.arrays_end)};
    c_scenario(&c, in_place);
    if (c.bad || c.next != o.arrays_end) {
        free(file);
        return NULL;
    }
    Scenario *s = adopt(file, len, 0);
    link_next_choices(s);
    return s;
}

/* ============================== an entry at its place ============================== */

/* Each entry has a place of its own in the address space, chosen by its key: a stretch that
 * nothing else uses on Linux x86-64 (above the sanitizers' shadow memory, below where the
 * system puts the program, its heap, its libraries and its stack), in slots of 4 GiB, which no
 * entry fills. Mapped there, its pointers hold: the load checks the seal, the key, the format
 * and the layout, and uses the model where it lies, read from the page cache, with no walk and
 * no copy. The checksum says the bytes are the ones written; the key, format and layout that a
 * build of this model wrote them for this scenario and lexicon. 0: no place on this system. */
static uintptr_t entry_place(const CacheKey *entry)
{
#if UINTPTR_MAX > 0xffffffffu && defined MAP_FIXED_NOREPLACE
    return (uintptr_t)0x200000000000u + ((uintptr_t)(get_u32(entry->bytes) & 0x1fffu) << 32);
#else
    (void)entry;
    return 0;
#endif
}

/* The entry at `path` mapped at `place`, whole and sealed: its bytes (*len of them). NULL when
 * there is no place, or it is taken (the same entry loaded twice in a process), or the file is
 * not whole: the read that follows then decides. Mapped read-only: nothing writes to a model. */
static unsigned char *map_entry(const char *path, uintptr_t place, size_t *len)
{
#ifdef MAP_FIXED_NOREPLACE
    int fd = place && use_places ? open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) : -1;   /* a FIFO: no wait */
    if (fd < 0) return NULL;
    struct stat st;
    void *p = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && (uint64_t)st.st_size <= MAX_ENTRY_BYTES)
        p = mmap((void *)place, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) return NULL;
    *len = (size_t)st.st_size;
    /* a kernel before 4.17 takes the flag for a hint, and may map it elsewhere */
    if (p != (void *)place || !cachedir_sealed(p, *len, MAGIC)) {
        munmap(p, *len);
        return NULL;
    }
    cachedir_touch(path);
    return p;
#else
    (void)path, (void)place, (void)len;
    return NULL;
#endif
}

/* The model of the entry mapped at its place, or NULL when it was not written for it. */
static Scenario *use_mapped(unsigned char *file, size_t len, const CacheKey *key, uintptr_t place)
{
    Opening o;
    if (!opening_of(file, len, key, &o) || o.at != place + IMAGE_AT) return NULL;
    stats.mapped++;
    return adopt(file, len, 1);
}

Scenario *cache_load(const CacheKey *key, const Lexicon *lx)
{
    CacheKey entry;
    char *path = cache_entry_key(key, lx, &entry) ? entry_file(&entry) : NULL;
    if (!path) return NULL;
    uintptr_t place = entry_place(&entry);
    size_t n = 0;
    unsigned char *file = map_entry(path, place, &n);
    Scenario *s = file ? use_mapped(file, n, &entry, place) : NULL;
    int found = 1;
    if (!s) {
        if (file) munmap(file, n);
        file = (unsigned char *)cachedir_unseal(path, MAGIC, MAX_ENTRY_BYTES, &n);
        found = file || errno != ENOENT;          /* an unsealed or unreadable entry is refused */
        s = file ? decode(file, CACHEDIR_SEAL + n, &entry, lx) : NULL;
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

/* Writing: once every array has its place, the addresses of the strings (which follow the
 * arrays) and of the choices each choice leads to. */
static void place_pointers(Codec *c)
{
    uintptr_t strings_at = c->at + c->img.len;
    for (int i = 0; i < c->nstring_fields; i++) {
        char *field = c->img.s + c->string_fields[i];
        uintptr_t v = offset_in(field) + strings_at;
        memcpy(field, &v, sizeof v);
    }
    uintptr_t scenes = offset_in(c->img.s + offsetof(Scenario, scenes)) - c->at;
    for (int i = 0; i < c->nnexts; i++) {
        size_t choices = scenes + (size_t)c->nexts[i].scene * sizeof(Scene) + offsetof(Scene, choices);
        memcpy(c->img.s + c->nexts[i].field, c->img.s + choices, sizeof(uintptr_t));
    }
}

/* The body of `s`'s entry under `key` into `out`: the format and the key, the payload's
 * opening, then the image, arrays and strings. 0 when the model is not one read_scenario
 * makes. */
static int encode(const Scenario *s, const Lexicon *lx, const CacheKey *key, StrBuf *out)
{
    uintptr_t place = entry_place(key);
    Codec c = {.writing = 1, .s = s, .lx = lx, .at = place + IMAGE_AT, .src = (const char *)s, .dst = 0};
    c.lang_at = xcalloc((size_t)s->nlangs + 1, sizeof *c.lang_at);
    sb_init(&c.img);
    sb_init(&c.strs);
    sb_addzeros(&c.img, aligned(sizeof *s));
    sb_addzeros(&c.strs, 1);
    c_scenario(&c, (Scenario *)s);
    if (!c.bad) place_pointers(&c);
    sb_addzeros(&c.strs, 1);                      /* the strings end in a NUL */
    unsigned char open[IMAGE_AT - CACHEDIR_SEAL] = {0};
    put_u32(open, CACHE_FORMAT);
    memcpy(open + KEY_AT - FORMAT_AT, key->bytes, 16);
    unsigned char *payload = open + CACHE_HEADER - FORMAT_AT;
    cachedir_put_u64(payload, c.img.len);
    cachedir_put_u64(payload + 8, c.img.len + c.strs.len);
    cachedir_put_u64(payload + 16, layout());
    cachedir_put_u64(payload + 24, c.at);
    sb_addn(out, (const char *)open, sizeof open);
    sb_addn(out, c.img.s, c.img.len);
    sb_addn(out, c.strs.s, c.strs.len);
    sb_free(&c.img);
    sb_free(&c.strs);
    idmap_free(&c.written);
    free(c.lang_at);
    free(c.string_fields);
    free(c.nexts);
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
    int stored = encode(s, lx, &entry, &body) && body.len <= MAX_ENTRY_BYTES - CACHEDIR_SEAL &&
                 cachedir_seal(dir, path, MAGIC, body.s, body.len) == 0;
    stats.stored += (unsigned long)stored;
    sb_free(&body);
    free(path);
    free(dir);
    return stored;
}
