/* test_cache.c - the model cache (engine/model/cache.c): a scenario loaded cold, loaded to fill the
 * cache and loaded from it gives the same model, field by field, and the same diagnostics; every
 * kind of broken entry falls back to the XML; a changed file is never served stale; the cache
 * never prints and never makes a load fail; it stays where VERBEELD_CACHE or XDG says. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <cmocka.h>
#include <xxhash.h>

#include "base/diag.h"
#include "base/i18n.h"
#include "base/util.h"
#include "common.h"
#include "base/cachedir.h"
#include "model/cache.h"
#include "model/load.h"
#include "model/scenario.h"

#define FIX "tests/unit/fixtures/"
/* Where the payload says where the image's arrays end (u64), and where the image, which opens
 * with the Scenario, begins (cache.c: "entries"). */
#define ARRAYS_END_AT CACHE_HEADER
#define IMAGE_AT 80
#define IMAGE_ADDRESS_AT (CACHE_HEADER + 24)

static char base[4096];      /* a private folder for this run's caches */
static int dirs;

/* ============================== the model as text ============================== */

/* Every field of every struct of scenario.h, in the order declared, so that the model can be
 * written out as text and a model from the cache compared with one from the XML. The layout
 * check (test_every_field_listed) fails when a struct has a field this table does not list:
 * a field added to scenario.h must be added here too, which is the moment to keep it in the
 * codec (cache.c) as well, or the round trips below fail. */
typedef enum {
    F_INT,          /* an int or an enum */
    F_DOUBLE,
    F_STR,          /* a string or NULL */
    F_STRUCT,       /* a struct held in place (a Text, a Target) */
    F_ARRAY,        /* a pointer to `count_at` elements */
    F_CHOICES_OF,   /* a pointer to the choices of a scene: written as that scene's index */
    F_HOLDING,      /* how the model's memory is held, not what it says: not written */
} FieldKind;

typedef struct Layout Layout;

typedef struct {
    const char *name;
    size_t at, size, align;
    FieldKind kind;
    const Layout *of;         /* F_STRUCT, F_ARRAY: the element */
    size_t count_at;          /* F_ARRAY: where the count (an int) is */
} Field;

struct Layout {
    const char *name;
    size_t size, align;
    const Field *fields;      /* ends with a NULL name */
};

/* The field m of struct T: as a plain value (FIELD), a struct held in place (NESTED), or an
 * array whose count is the field n (ARRAY). */
#define MEMBER(T, m) (((T *)0)->m)
#define PLACE(T, m) #m, offsetof(T, m), sizeof MEMBER(T, m), _Alignof(__typeof__(MEMBER(T, m)))
#define FIELD(T, m, kind) {PLACE(T, m), kind, NULL, 0}
#define NESTED(T, m, layout) {PLACE(T, m), F_STRUCT, &layout, 0}
#define ARRAY(T, m, n, layout) {PLACE(T, m), F_ARRAY, &layout, offsetof(T, n)}
#define LAYOUT(T, ...) {#T, sizeof(T), _Alignof(T), (const Field[]){__VA_ARGS__, {NULL, 0, 0, 0, 0, NULL, 0}}}

typedef char *String;          /* an element of Scenario.langs */

static const Layout L_String = LAYOUT(String, {"", 0, sizeof(String), _Alignof(String), F_STR, NULL, 0});
static const Layout L_LangText = LAYOUT(LangText, FIELD(LangText, lang, F_STR), FIELD(LangText, str, F_STR));
static const Layout L_Text = LAYOUT(Text, ARRAY(Text, v, n, L_LangText), FIELD(Text, n, F_INT));
static const Layout L_Target = LAYOUT(Target,
    FIELD(Target, kind, F_INT), FIELD(Target, index, F_INT), FIELD(Target, name, F_STR));
static const Layout L_Code = LAYOUT(Code,
    FIELD(Code, src, F_STR), FIELD(Code, line, F_INT), FIELD(Code, is_expr, F_INT));
static const Layout L_Effect = LAYOUT(Effect,
    FIELD(Effect, kind, F_INT), FIELD(Effect, var, F_INT), FIELD(Effect, var_name, F_STR),
    FIELD(Effect, value, F_DOUBLE), FIELD(Effect, code, F_INT), FIELD(Effect, fact, F_INT), FIELD(Effect, line, F_INT));
static const Layout L_Item = LAYOUT(Item,
    FIELD(Item, kind, F_INT), FIELD(Item, role, F_INT), NESTED(Item, text, L_Text),
    FIELD(Item, role_name, F_STR), FIELD(Item, line_key, F_STR),
    FIELD(Item, needs, F_STR), FIELD(Item, unless, F_STR), FIELD(Item, cond, F_INT), FIELD(Item, line, F_INT));
static const Layout L_Goto = LAYOUT(Goto,
    NESTED(Goto, to, L_Target), FIELD(Goto, cond, F_INT), FIELD(Goto, line, F_INT));
static const Layout L_AltTitle = LAYOUT(AltTitle,
    FIELD(AltTitle, cond, F_INT), NESTED(AltTitle, text, L_Text), FIELD(AltTitle, line, F_INT));
static const Layout L_Variant = LAYOUT(Variant,
    FIELD(Variant, term, F_STR), NESTED(Variant, text, L_Text), NESTED(Variant, third, L_Text),
    FIELD(Variant, line, F_INT));
static const Layout L_Choice = LAYOUT(Choice,
    FIELD(Choice, id, F_STR), NESTED(Choice, to, L_Target), FIELD(Choice, quality, F_STR),
    FIELD(Choice, term_at, F_INT), FIELD(Choice, corner, F_INT), FIELD(Choice, nvariants, F_INT),
    ARRAY(Choice, variants, nvariants, L_Variant), FIELD(Choice, next_choices, F_CHOICES_OF),
    FIELD(Choice, by, F_INT), FIELD(Choice, addressee, F_INT),
    FIELD(Choice, by_name, F_STR), FIELD(Choice, addressee_name, F_STR),
    FIELD(Choice, turning, F_INT), FIELD(Choice, cond, F_INT),
    FIELD(Choice, needs, F_STR), FIELD(Choice, unless, F_STR), NESTED(Choice, text, L_Text), NESTED(Choice, third, L_Text),
    ARRAY(Choice, effects, neffects, L_Effect), FIELD(Choice, neffects, F_INT), FIELD(Choice, line, F_INT));
static const Layout L_Scene = LAYOUT(Scene,
    FIELD(Scene, id, F_STR), FIELD(Scene, act, F_INT), FIELD(Scene, who, F_INT),
    FIELD(Scene, who_name, F_STR), FIELD(Scene, unplayed_turn, F_INT), FIELD(Scene, line, F_INT),
    NESTED(Scene, next, L_Target), NESTED(Scene, title, L_Text),
    ARRAY(Scene, alt_titles, nalt_titles, L_AltTitle), ARRAY(Scene, gotos, ngotos, L_Goto),
    FIELD(Scene, nalt_titles, F_INT), FIELD(Scene, ngotos, F_INT),
    ARRAY(Scene, effects, neffects, L_Effect), ARRAY(Scene, items, nitems, L_Item),
    FIELD(Scene, neffects, F_INT), FIELD(Scene, nitems, F_INT),
    ARRAY(Scene, choices, nchoices, L_Choice), FIELD(Scene, nchoices, F_INT));
static const Layout L_Act = LAYOUT(Act,
    FIELD(Act, id, F_STR), NESTED(Act, title, L_Text), FIELD(Act, ret, F_INT), FIELD(Act, after, F_STR),
    FIELD(Act, line, F_INT));
static const Layout L_Role = LAYOUT(Role,
    FIELD(Role, id, F_STR), FIELD(Role, character, F_STR), FIELD(Role, playable, F_INT),
    FIELD(Role, own, F_INT), FIELD(Role, quadrants, F_STR), NESTED(Role, brief, L_Text), FIELD(Role, line, F_INT));
static const Layout L_Var = LAYOUT(Var,
    FIELD(Var, id, F_STR), FIELD(Var, value, F_DOUBLE), FIELD(Var, fact, F_INT), NESTED(Var, title, L_Text),
    FIELD(Var, line, F_INT));
static const Layout L_Card = LAYOUT(Card,
    FIELD(Card, id, F_STR), FIELD(Card, age, F_INT), FIELD(Card, name, F_STR), NESTED(Card, names, L_Text),
    NESTED(Card, title, L_Text),
    NESTED(Card, text, L_Text), FIELD(Card, art, F_STR), FIELD(Card, line, F_INT));
static const Layout L_Deck = LAYOUT(Deck,
    FIELD(Deck, id, F_STR), NESTED(Deck, title, L_Text), ARRAY(Deck, cards, ncards, L_Card),
    FIELD(Deck, ncards, F_INT), FIELD(Deck, line, F_INT));
static const Layout L_Pick = LAYOUT(Pick,
    FIELD(Pick, deck, F_INT), FIELD(Pick, deck_name, F_STR), NESTED(Pick, text, L_Text), FIELD(Pick, line, F_INT));
static const Layout L_Event = LAYOUT(Event,
    FIELD(Event, id, F_STR), NESTED(Event, to, L_Target), FIELD(Event, cond, F_INT), FIELD(Event, avail, F_INT),
    NESTED(Event, title, L_Text), ARRAY(Event, alt_titles, nalt_titles, L_AltTitle), FIELD(Event, nalt_titles, F_INT),
    NESTED(Event, names, L_Text), NESTED(Event, why, L_Text), FIELD(Event, line, F_INT));
static const Layout L_Ending = LAYOUT(Ending,
    FIELD(Ending, id, F_STR), NESTED(Ending, title, L_Text), ARRAY(Ending, items, nitems, L_Item),
    FIELD(Ending, nitems, F_INT), FIELD(Ending, ret, F_INT), FIELD(Ending, line, F_INT));
static const Layout L_Question = LAYOUT(Question,
    FIELD(Question, quality, F_STR), FIELD(Question, scene, F_STR), NESTED(Question, text, L_Text), FIELD(Question, line, F_INT));
static const Layout L_Scenario = LAYOUT(Scenario,
    FIELD(Scenario, path, F_STR), FIELD(Scenario, id, F_STR), FIELD(Scenario, version, F_INT),
    ARRAY(Scenario, langs, nlangs, L_String), FIELD(Scenario, nlangs, F_INT),
    NESTED(Scenario, start, L_Target), NESTED(Scenario, title, L_Text), NESTED(Scenario, summary, L_Text),
    ARRAY(Scenario, vars, nvars, L_Var), FIELD(Scenario, nvars, F_INT),
    ARRAY(Scenario, roles, nroles, L_Role), FIELD(Scenario, nroles, F_INT),
    ARRAY(Scenario, picks, npicks, L_Pick), FIELD(Scenario, npicks, F_INT),
    ARRAY(Scenario, decks, ndecks, L_Deck), FIELD(Scenario, ndecks, F_INT),
    ARRAY(Scenario, acts, nacts, L_Act), FIELD(Scenario, nacts, F_INT),
    ARRAY(Scenario, scenes, nscenes, L_Scene), FIELD(Scenario, nscenes, F_INT),
    ARRAY(Scenario, events, nevents, L_Event), FIELD(Scenario, nevents, F_INT),
    ARRAY(Scenario, endings, nendings, L_Ending), FIELD(Scenario, nendings, F_INT),
    ARRAY(Scenario, questions, nquestions, L_Question), FIELD(Scenario, nquestions, F_INT),
    ARRAY(Scenario, code, ncode, L_Code), FIELD(Scenario, ncode, F_INT),
    FIELD(Scenario, block, F_HOLDING), FIELD(Scenario, block_len, F_HOLDING),
    FIELD(Scenario, block_whole, F_HOLDING), FIELD(Scenario, block_mapped, F_HOLDING));

/* Every layout above: each is checked against its struct. */
static const Layout *const layouts[] = {
    &L_String, &L_LangText, &L_Text, &L_Target, &L_Code, &L_Effect, &L_Item, &L_Goto, &L_AltTitle, &L_Choice, &L_Scene,
    &L_Act, &L_Role, &L_Var, &L_Card, &L_Deck, &L_Pick, &L_Event, &L_Ending, &L_Question, &L_Scenario,
};

static const Scenario *dumping;   /* the model being written: F_CHOICES_OF looks up its scenes */

static void dump_struct(StrBuf *b, const Layout *l, const char *p, int depth);

static void dump_field(StrBuf *b, const Field *f, const char *p, int depth)
{
    const char *at = p + f->at;
    int i;
    const char *s;
    double x;
    const void *ptr;
    switch (f->kind) {
    case F_INT: memcpy(&i, at, sizeof i); sb_addf(b, " %s=%d", f->name, i); break;
    case F_DOUBLE: memcpy(&x, at, sizeof x); sb_addf(b, " %s=%a", f->name, x); break;
    case F_STR:
        memcpy(&s, at, sizeof s);
        if (s) sb_addf(b, " %s=\"%s\"", f->name, s);
        else sb_addf(b, " %s=NULL", f->name);
        break;
    case F_STRUCT: sb_addf(b, " %s{", f->name); dump_struct(b, f->of, at, depth); sb_add(b, " }"); break;
    case F_ARRAY:
        memcpy(&ptr, at, sizeof ptr);
        memcpy(&i, p + f->count_at, sizeof i);
        sb_addf(b, " %s[%d]", f->name, i);
        for (int k = 0; k < i; k++) {
            sb_addf(b, "\n%*s%s", 2 * (depth + 1), "", f->of->name);
            dump_struct(b, f->of, (const char *)ptr + (size_t)k * f->of->size, depth + 1);
        }
        break;
    case F_CHOICES_OF:                 /* "scene -1": it points outside the model */
        memcpy(&ptr, at, sizeof ptr);
        i = -1;
        for (int k = 0; ptr && k < dumping->nscenes; k++)
            if (dumping->scenes[k].choices == ptr) i = k;
        if (ptr) sb_addf(b, " %s=scene %d", f->name, i);
        else sb_addf(b, " %s=NULL", f->name);
        break;
    case F_HOLDING: break;
    }
}

static void dump_struct(StrBuf *b, const Layout *l, const char *p, int depth)
{
    for (const Field *f = l->fields; f->name; f++) dump_field(b, f, p, depth);
}

/* Every field of the model but how its memory is held, as text; "NULL" for no model. */
static char *dump_model(const Scenario *s)
{
    StrBuf b;
    sb_init(&b);
    dumping = s;
    if (!s) sb_add(&b, "NULL");
    else {
        sb_add(&b, "Scenario");
        dump_struct(&b, &L_Scenario, (const char *)s, 0);
    }
    sb_add(&b, "\n");
    return sb_take(&b);
}

static size_t align_up(size_t n, size_t align)
{
    return (n + align - 1) / align * align;
}

/* The size a field of its kind has. */
static size_t kind_size(const Field *f)
{
    switch (f->kind) {
    case F_INT: return sizeof(int);
    case F_DOUBLE: return sizeof(double);
    case F_STR: return sizeof(char *);
    case F_STRUCT: return f->of->size;
    case F_ARRAY: case F_CHOICES_OF: return sizeof(void *);
    case F_HOLDING: return f->size;
    }
    return 0;
}

/* Each layout lists every field of its struct: each field starts where the one before ends
 * (but for the padding its alignment asks), and the last ends where the struct does. What it
 * cannot see is a new field that fits in the padding between two listed ones (a char after an
 * int); scenario.h says where a field goes, and the round trips compare what is listed. */
static void test_every_field_listed(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof layouts / sizeof *layouts; k++) {
        const Layout *l = layouts[k];
        size_t end = 0;
        const char *before = "its start";
        for (const Field *f = l->fields; f->name; f++) {
            if (f->at != align_up(end, f->align))
                fail_msg("%s has a field between %s and %s that tests/unit/test_cache.c does not list: "
                         "add it there and to the codec in engine/model/cache.c", l->name, before, f->name);
            assert_int_equal(f->size, kind_size(f));      /* the table says what the type is */
            end = f->at + f->size;
            before = f->name;
        }
        if (align_up(end, l->align) != l->size)
            fail_msg("%s has a field after %s that tests/unit/test_cache.c does not list: "
                     "add it there and to the codec in engine/model/cache.c", l->name, before);
    }
}

/* ============================== loading ============================== */

typedef struct {
    char *model;       /* dump_model */
    char *diags;       /* diag_print */
} Loaded;

/* Load `path` with VERBEELD_CACHE set to `cache` (NULL: unset). */
static Loaded load(const char *path, const char *cache)
{
    if (cache) setenv("VERBEELD_CACHE", cache, 1);
    else unsetenv("VERBEELD_CACHE");
    DiagList d;
    diag_init(&d);
    Scenario *s = load_scenario(path, &lx, &d);
    Loaded l = {dump_model(s), diag_text(&d)};
    scenario_free(s);
    diag_free(&d);
    return l;
}

static void loaded_free(Loaded *l)
{
    free(l->model);
    free(l->diags);
}

static void assert_same(const Loaded *a, const Loaded *b)
{
    assert_string_equal(a->model, b->model);
    assert_string_equal(a->diags, b->diags);
}

/* A fresh, empty cache folder of this run (not yet created: the cache makes it). */
static char *new_dir(void)
{
    return xasprintf("%s/c%d", base, ++dirs);
}

static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) n += strstr(e->d_name, ".model") != NULL;
    closedir(d);
    return n;
}

/* The entry file the cache keeps for the scenario file at `path` under VERBEELD_CACHE=dir. */
static char *entry_for(const char *path, const char *dir)
{
    setenv("VERBEELD_CACHE", dir, 1);
    size_t len;
    char *bytes = read_file(path, 64u << 20, &len);
    assert_non_null(bytes);
    CacheKey key;
    assert_true(cache_key(bytes, len, &key));
    free(bytes);
    return cache_entry_path(&key, &lx);
}

static void write_bytes(const char *path, const void *buf, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* ============================== cold, filling, warm ============================== */

/* Cold (no cache), filling the cache, and warm give the same model and diagnostics, and the
 * warm load came from the cache. `cached`: whether the file is one the cache keeps. */
static void round_trip(const char *path, int cached)
{
    char *dir = new_dir();
    Loaded cold = load(path, "off");
    CacheStats s0 = cache_stats();
    Loaded fill = load(path, dir);
    CacheStats s1 = cache_stats();
    Loaded warm = load(path, dir);
    CacheStats s2 = cache_stats();
    if (strcmp(cold.model, warm.model) != 0 || strcmp(cold.diags, warm.diags) != 0)
        fprintf(stderr, "%s: the model from the cache differs\n", path);
    assert_same(&cold, &fill);
    assert_same(&cold, &warm);
    assert_int_equal(s1.stored - s0.stored, cached);
    assert_int_equal(s1.hits - s0.hits, 0);
    assert_int_equal(s2.hits - s1.hits, cached);
    assert_int_equal(s2.rejected - s0.rejected, 0);
    assert_int_equal(count_entries(dir), cached);
    loaded_free(&cold);
    loaded_free(&fill);
    loaded_free(&warm);
    free(dir);
}

static void test_shipped_scenarios(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob("scenarios/*.xml", 0, NULL, &g), 0);
    assert_true(g.gl_pathc >= 3);
    for (size_t i = 0; i < g.gl_pathc; i++) round_trip(g.gl_pathv[i], 1);
    globfree(&g);
}

static void test_bench_like_story(void **state)
{
    (void)state;
    round_trip(FIX "bench-40.xml", 1);
}


/* Each file matching `pattern`: cold, filling the cache and warm give the same model and
 * diagnostics (whether or not the cache keeps it). */
static void each_the_same(const char *pattern)
{
    glob_t g;
    assert_int_equal(glob(pattern, 0, NULL, &g), 0);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        Loaded cold = load(g.gl_pathv[i], "off");
        char *dir = new_dir();
        Loaded fill = load(g.gl_pathv[i], dir);
        Loaded warm = load(g.gl_pathv[i], dir);
        assert_same(&cold, &fill);
        assert_same(&cold, &warm);
        loaded_free(&cold);
        loaded_free(&fill);
        loaded_free(&warm);
        free(dir);
    }
    globfree(&g);
}

/* The format's continuity features (conditions on narration, facts, presuppositions...). */
static void test_format_features(void **state)
{
    (void)state;
    round_trip("tests/e2e/format/format.xml", 1);
    each_the_same("tests/e2e/format/broken/*.xml");
}

/* Files with errors that only resolving finds are not kept: a load from the cache says nothing,
 * so only what loaded without a word is kept. They and files that do not parse or validate
 * give the same diagnostics every time. A quality written in English is resolved to its
 * Dutch id without a word, and kept. */
static void test_broken_files(void **state)
{
    (void)state;
    round_trip(FIX "three.xml", 0);
    round_trip(FIX "english_quality.xml", 1);
    round_trip(FIX "schema.xml", 0);
    round_trip(FIX "notxml.xml", 0);
    round_trip(FIX "doctype.xml", 0);
    each_the_same("tests/e2e/broken/*.xml");
}

/* Every fixture of the unit tests, kept or not, comes back from the cache as it was read. */
static void test_every_fixture(void **state)
{
    (void)state;
    each_the_same(FIX "*.xml");
}

/* ============================== broken entries ============================== */

typedef void (*Spoil)(const char *entry);

/* Fill a cache with the tutorial, spoil its entry, load: the XML is read instead (the same
 * model), the entry is rejected and written anew, and the next load comes from the cache. */
static void survives(Spoil spoil)
{
    const char *path = "scenarios/tutorial.xml";
    char *dir = new_dir();
    Loaded cold = load(path, "off");
    Loaded fill = load(path, dir);
    char *entry = entry_for(path, dir);
    spoil(entry);
    CacheStats s0 = cache_stats();
    cache_use_places(0);               /* at its place a sealed entry is trusted (cache.c) */
    Loaded again = load(path, dir);
    cache_use_places(1);
    CacheStats s1 = cache_stats();
    Loaded warm = load(path, dir);
    CacheStats s2 = cache_stats();
    assert_same(&cold, &again);
    assert_same(&cold, &warm);
    assert_int_equal(s1.hits - s0.hits, 0);
    assert_int_equal(s1.rejected - s0.rejected, 1);
    assert_int_equal(s1.stored - s0.stored, 1);
    assert_int_equal(s2.hits - s1.hits, 1);
    assert_int_equal(s2.mapped - s1.mapped, 1);
    loaded_free(&cold);
    loaded_free(&fill);
    loaded_free(&again);
    loaded_free(&warm);
    free(entry);
    free(dir);
}

static unsigned char *entry_bytes(const char *entry, size_t *len)
{
    unsigned char *b = (unsigned char *)read_file(entry, 64u << 20, len);
    assert_non_null(b);
    assert_true(*len > CACHE_HEADER);
    return b;
}

static uint32_t get32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static void put32(unsigned char *b, uint32_t v)
{
    for (int i = 0; i < 4; i++) b[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *b, uint64_t v)
{
    for (int i = 0; i < 8; i++) b[i] = (unsigned char)(v >> (8 * i));
}

/* Write the entry's first `len` bytes `b` sealed again, with a right length and checksum
 * (base/cachedir.h): an entry that only the model cache's own checks can refuse. */
static void write_sealed(const char *entry, unsigned char *b, size_t len)
{
    put64(b + 8, len - CACHEDIR_SEAL);
    put64(b + 16, XXH3_64bits(b + CACHEDIR_SEAL, len - CACHEDIR_SEAL));
    write_bytes(entry, b, len);
}

static void truncate_half(const char *entry)
{
    size_t len;
    unsigned char *b = entry_bytes(entry, &len);
    write_bytes(entry, b, len / 2);
    free(b);
}

static void flip_payload_byte(const char *entry)
{
    size_t len;
    unsigned char *b = entry_bytes(entry, &len);
    b[CACHE_HEADER + (len - CACHE_HEADER) / 2] ^= 0x20;
    write_bytes(entry, b, len);
    free(b);
}

static void garbage(const char *entry)
{
    unsigned char b[5000];
    srand(7);
    for (size_t i = 0; i < sizeof b; i++) b[i] = (unsigned char)rand();
    write_bytes(entry, b, sizeof b);
}

static void empty(const char *entry)
{
    write_bytes(entry, "", 0);
}

static void a_folder(const char *entry)
{
    assert_int_equal(unlink(entry), 0);
    assert_int_equal(mkdir(entry, 0700), 0);
}

static uint64_t get64(const unsigned char *b)
{
    return get32(b) | (uint64_t)get32(b + 4) << 32;
}

/* The image's Scenario, in the entry's bytes `b` (the struct as it lies, with the pointers
 * the image has at the entry's place). */
static Scenario *image_scenario(unsigned char *b)
{
    return (Scenario *)(void *)(b + IMAGE_AT);
}

/* Where in the entry's bytes `b` a pointer of its image points. */
static void *image_at(unsigned char *b, const void *p)
{
    return b + IMAGE_AT + ((uintptr_t)p - get64(b + IMAGE_ADDRESS_AT));
}

/* Spoil the entry by `fn`, which gets its bytes, then seal them again: an entry that only the
 * reader's own checks can refuse. */
static void spoil_sealed(const char *entry, void (*fn)(unsigned char *b, size_t len))
{
    size_t len;
    unsigned char *b = entry_bytes(entry, &len);
    unsigned char *aligned = xmalloc(len);       /* the image's structs read where they lie */
    memcpy(aligned, b, len);
    fn(aligned, len);
    write_sealed(entry, aligned, len);
    free(aligned);
    free(b);
}

/* The count of code pieces: two thousand million (tens of GB were they there), then a count
 * below zero. */
static void huge_count_in(unsigned char *b, size_t len) { (void)len; image_scenario(b)->ncode = 0x7ffffff0; }
static void negative_count_in(unsigned char *b, size_t len) { (void)len; image_scenario(b)->ncode = -16; }
static void huge_count(const char *entry) { spoil_sealed(entry, huge_count_in); }

/* Written by a build of another cache format, or for another key (the two open the body). */
static void other_version_in(unsigned char *b, size_t len) { (void)len; put32(b + CACHEDIR_SEAL, CACHE_FORMAT + 1); }
static void other_key_in(unsigned char *b, size_t len) { (void)len; b[CACHEDIR_SEAL + 4] ^= 1; }
static void other_version(const char *entry) { spoil_sealed(entry, other_version_in); }
static void other_key(const char *entry) { spoil_sealed(entry, other_key_in); }
static void huger_count(const char *entry) { spoil_sealed(entry, negative_count_in); }

/* The scenario's id at an offset past the end of the strings. */
static void huge_string_in(unsigned char *b, size_t len) { image_scenario(b)->id = (char *)(uintptr_t)len; }
static void huge_string(const char *entry) { spoil_sealed(entry, huge_string_in); }

/* Sealed, but cut off in the middle: the image must be whole. */
static void sealed_but_short(const char *entry)
{
    size_t len;
    unsigned char *b = entry_bytes(entry, &len);
    write_sealed(entry, b, CACHE_HEADER + (len - CACHE_HEADER) * 2 / 3);
    free(b);
}

/* Sealed, with a byte too many at the end. */
static void sealed_but_long(const char *entry)
{
    size_t len;
    unsigned char *b = entry_bytes(entry, &len);
    b = xrealloc(b, len + 1);
    b[len] = 0;
    write_sealed(entry, b, len + 1);
    free(b);
}

/* Sealed, but the scenario's id (which the schema demands) is missing. */
static void no_id_in(unsigned char *b, size_t len) { (void)len; image_scenario(b)->id = NULL; }
static void no_id(const char *entry) { spoil_sealed(entry, no_id_in); }

/* Sealed, but the strings do not end in a NUL: the last string would run off the end. */
static void unended_in(unsigned char *b, size_t len) { b[len - 1] = 'x'; }
static void unended_strings(const char *entry) { spoil_sealed(entry, unended_in); }

/* Sealed, but the first code piece is neither a condition nor an effect chunk (is_expr 2). */
static void bad_flag_in(unsigned char *b, size_t len)
{
    (void)len;
    Scenario *s = image_scenario(b);
    assert_true(s->ncode > 0);
    Code *code = image_at(b, s->code);
    code[0].is_expr = 2;
}
static void bad_flag(const char *entry) { spoil_sealed(entry, bad_flag_in); }

/* Sealed, but the scenes claim the code pieces' place: two arrays in one place would have
 * their pointers set twice. */
static void overlap_in(unsigned char *b, size_t len)
{
    (void)len;
    Scenario *s = image_scenario(b);
    assert_true(s->ncode > 0 && s->nscenes > 0);
    s->scenes = (Scene *)(void *)s->code;
}
static void overlapping_arrays(const char *entry) { spoil_sealed(entry, overlap_in); }

/* Sealed, but the arrays end `delta` bytes off where the payload says: arrays that do not fill
 * exactly the room before the strings are not the ones that were written. */
static void arrays_end_off(unsigned char *b, int64_t delta)
{
    put64(b + ARRAYS_END_AT, get64(b + ARRAYS_END_AT) + (uint64_t)delta);
}
static void arena_short_in(unsigned char *b, size_t len) { (void)len; arrays_end_off(b, -16); }
static void arena_long_in(unsigned char *b, size_t len) { (void)len; arrays_end_off(b, 16); }
static void arena_huge_in(unsigned char *b, size_t len) { (void)len; arrays_end_off(b, (int64_t)1 << 40); }
static void arena_short(const char *entry) { spoil_sealed(entry, arena_short_in); }
static void arena_long(const char *entry) { spoil_sealed(entry, arena_long_in); }
static void arena_huge(const char *entry) { spoil_sealed(entry, arena_huge_in); }

/* Sealed, but written by a build whose structs have other sizes. */
static void other_layout_in(unsigned char *b, size_t len) { (void)len; b[ARRAYS_END_AT + 16] ^= 1; }
static void other_layout(const char *entry) { spoil_sealed(entry, other_layout_in); }

static void test_arena_short(void **state) { (void)state; survives(arena_short); }
static void test_arena_long(void **state) { (void)state; survives(arena_long); }
static void test_arena_huge(void **state) { (void)state; survives(arena_huge); }
static void test_other_layout(void **state) { (void)state; survives(other_layout); }
static void test_overlapping_arrays(void **state) { (void)state; survives(overlapping_arrays); }

static void test_truncated(void **state) { (void)state; survives(truncate_half); }
static void test_flipped_byte(void **state) { (void)state; survives(flip_payload_byte); }
static void test_other_version(void **state) { (void)state; survives(other_version); }
static void test_other_key(void **state) { (void)state; survives(other_key); }
static void test_garbage(void **state) { (void)state; survives(garbage); }
static void test_empty(void **state) { (void)state; survives(empty); }
static void test_huge_count(void **state) { (void)state; survives(huge_count); }
static void test_huger_count(void **state) { (void)state; survives(huger_count); }
static void test_huge_string(void **state) { (void)state; survives(huge_string); }
static void test_sealed_but_short(void **state) { (void)state; survives(sealed_but_short); }
static void test_sealed_but_long(void **state) { (void)state; survives(sealed_but_long); }
static void test_required_id_missing(void **state) { (void)state; survives(no_id); }
static void test_unended_strings(void **state) { (void)state; survives(unended_strings); }
static void test_bad_flag(void **state) { (void)state; survives(bad_flag); }

/* An entry is used where it lies, mapped at its place; loaded again while the first model
 * lives (its place taken), it is read and walked. Both are the model the XML gives. */
static void test_place_taken(void **state)
{
    (void)state;
    const char *path = "scenarios/school.xml";
    char *dir = new_dir();
    Loaded cold = load(path, "off");
    Loaded fill = load(path, dir);
    DiagList d;
    diag_init(&d);
    CacheStats s0 = cache_stats();
    Scenario *first = load_scenario(path, &lx, &d);
    Scenario *second = load_scenario(path, &lx, &d);
    CacheStats s1 = cache_stats();
    assert_int_equal(s1.hits - s0.hits, 2);
    assert_int_equal(s1.mapped - s0.mapped, 1);
    assert_int_equal(first->block_mapped + second->block_mapped, 1);
    char *one = dump_model(first), *two = dump_model(second);
    assert_string_equal(cold.model, one);
    assert_string_equal(cold.model, two);
    free(one);
    free(two);
    scenario_free(first);
    scenario_free(second);
    diag_free(&d);
    loaded_free(&cold);
    loaded_free(&fill);
    free(dir);
}

/* A folder where the entry should be: passed over (the entry cannot be written either). */
static void test_folder_in_the_way(void **state)
{
    (void)state;
    const char *path = "scenarios/tutorial.xml";
    char *dir = new_dir();
    Loaded cold = load(path, "off");
    Loaded fill = load(path, dir);
    char *entry = entry_for(path, dir);
    a_folder(entry);
    CacheStats s0 = cache_stats();
    Loaded again = load(path, dir);
    CacheStats s1 = cache_stats();
    assert_same(&cold, &again);
    assert_int_equal(s1.hits - s0.hits, 0);
    assert_int_equal(s1.stored - s0.stored, 0);
    loaded_free(&cold);
    loaded_free(&fill);
    loaded_free(&again);
    rmdir(entry);
    free(entry);
    free(dir);
}

/* ============================== models made by hand ============================== */

/* A small model as read_scenario and resolving would leave it, with a role, an ending, a lua
 * effect and a condition, so that the checks between fields have something to check. */
static Scenario *hand_made(void)
{
    Scenario *s = xcalloc(1, sizeof *s);
    s->id = xstrdup("hand");
    s->version = 3;
    s->ncode = 2;
    s->code = xcalloc(2, sizeof *s->code);
    s->code[0] = (Code){xstrdup("vars.x > 1"), 7, 1};
    s->code[1] = (Code){xstrdup("vars.x = 2"), 8, 0};
    s->start = (Target){TARGET_SCENE, 0, NULL};
    s->nroles = 1;
    s->roles = xcalloc(1, sizeof *s->roles);
    s->roles[0].id = xstrdup("hero");
    s->roles[0].character = xstrdup("hero");
    s->nendings = 1;
    s->endings = xcalloc(1, sizeof *s->endings);
    s->endings[0].id = xstrdup("end");
    s->nacts = 1;
    s->acts = xcalloc(1, sizeof *s->acts);
    s->acts[0].id = xstrdup("one");
    s->nscenes = 1;
    s->scenes = xcalloc(1, sizeof *s->scenes);
    Scene *sc = &s->scenes[0];
    sc->id = xstrdup("begin");
    sc->who = WHO_ROTATE;
    sc->next = (Target){TARGET_ENDING, 0, xstrdup("end")};
    sc->neffects = 1;
    sc->effects = xcalloc(1, sizeof *sc->effects);
    sc->effects[0] = (Effect){EFFECT_LUA, -1, NULL, 0, 1, 0, 8};
    sc->nitems = 1;
    sc->items = xcalloc(1, sizeof *sc->items);
    sc->items[0] = (Item){.kind = ITEM_SAY, .role_name = xstrdup("hero"), .line_key = xstrdup("hello"), .line = 9};
    return s;
}

static CacheKey hand_key(const char *dir)
{
    setenv("VERBEELD_CACHE", dir, 1);
    CacheKey key;
    assert_true(cache_key("hand made", 9, &key));
    return key;
}

static void test_hand_made_round_trip(void **state)
{
    (void)state;
    char *dir = new_dir();
    CacheKey key = hand_key(dir);
    Scenario *s = hand_made();
    cache_store(&key, &lx, s);
    Scenario *back = cache_load(&key, &lx);
    assert_non_null(back);
    char *a = dump_model(s), *b = dump_model(back);
    assert_string_equal(a, b);
    free(a);
    free(b);
    scenario_free(back);
    scenario_free(s);
    free(dir);
}

/* A model no file can give is not kept: the reader would refuse it, and world.c relies on it. */
static void test_unsound_models_are_not_kept(void **state)
{
    (void)state;
    char *dir = new_dir();
    CacheKey key = hand_key(dir);
    for (int spoil = 0; spoil < 7; spoil++) {
        Scenario *s = hand_made();
        Scene *sc = &s->scenes[0];
        switch (spoil) {
        case 0: sc->effects[0].code = NO_CODE; break;           /* a lua effect without its chunk */
        case 1: sc->effects[0].kind = EFFECT_SET; break;        /* a set without its variable */
        case 2: free(sc->items[0].role_name); sc->items[0].role_name = NULL; break;  /* who speaks? */
        case 3: sc->items[0].cond = 1; break;                   /* a condition that is a chunk */
        case 4: sc->act = 1; break;                             /* no such act */
        case 5: free(sc->id); sc->id = NULL; break;             /* a scene without its id */
        case 6: sc->next.index = 1; break;                      /* no such ending */
        }
        CacheStats s0 = cache_stats();
        cache_store(&key, &lx, s);
        assert_int_equal(cache_stats().stored - s0.stored, 0);
        assert_null(cache_load(&key, &lx));
        scenario_free(s);
    }
    free(dir);
}

/* ============================== the scenario changes ============================== */

static void copy_file(const char *from, const char *to)
{
    size_t len;
    char *b = read_file(from, 64u << 20, &len);
    assert_non_null(b);
    write_bytes(to, b, len);
    free(b);
}

/* Change the copy of good.xml at `copy` by one word of its title, of the same length, so that
 * only the content differs (and the scenario still resolves without a word). */
static void change_in_place(const char *copy)
{
    size_t len;
    char *b = read_file(copy, 1u << 20, &len);
    char *title = strstr(b, "A minimal scenario");
    assert_non_null(title);
    memcpy(title, "A minimum scenario", 18);
    write_bytes(copy, b, len);
    free(b);
}

/* A changed file has another key: the next load reads the new XML, not the old model. */
static void test_changed_file_is_not_stale(void **state)
{
    (void)state;
    char *dir = new_dir();
    char *copy = xasprintf("%s/good.xml", base);
    copy_file(FIX "good.xml", copy);
    Loaded before = load(copy, dir);
    Loaded warm = load(copy, dir);
    assert_same(&before, &warm);
    change_in_place(copy);
    CacheStats s0 = cache_stats();
    Loaded after = load(copy, dir);
    CacheStats s1 = cache_stats();
    Loaded cold = load(copy, "off");
    assert_int_equal(s1.hits - s0.hits, 0);
    assert_int_equal(s1.misses - s0.misses, 1);
    assert_same(&cold, &after);
    assert_string_not_equal(before.model, after.model);
    assert_int_equal(count_entries(dir), 2);
    loaded_free(&before);
    loaded_free(&warm);
    loaded_free(&after);
    loaded_free(&cold);
    free(copy);
    free(dir);
}

/* A file untouched for a few seconds is known by what stat says of it: the next load neither
 * reads nor hashes it and gives the same model. A file written just now is not recorded (a
 * change in the same tick of the clock would go unseen), and a change that puts the old mtime
 * back still moves the ctime, so the bytes decide again. */
static void test_known_unchanged(void **state)
{
    (void)state;
    char *dir = new_dir();
    char *copy = xasprintf("%s/known.xml", base);
    copy_file(FIX "good.xml", copy);
    CacheStats s0 = cache_stats();
    Loaded young = load(copy, dir);
    Loaded again = load(copy, dir);
    CacheStats s1 = cache_stats();
    assert_int_equal(s1.hits - s0.hits, 1);
    assert_int_equal(s1.unchanged - s0.unchanged, 0);
    sleep(3);
    Loaded recorded = load(copy, dir);
    Loaded known = load(copy, dir);
    CacheStats s2 = cache_stats();
    assert_int_equal(s2.hits - s1.hits, 2);
    assert_int_equal(s2.unchanged - s1.unchanged, 1);
    assert_same(&young, &again);
    assert_same(&young, &recorded);
    assert_same(&young, &known);
    struct stat st;
    assert_int_equal(stat(copy, &st), 0);
    change_in_place(copy);
    struct timespec old[2] = {st.st_atim, st.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, copy, old, 0), 0);
    Loaded after = load(copy, dir);
    CacheStats s3 = cache_stats();
    Loaded cold = load(copy, "off");
    assert_int_equal(s3.unchanged - s2.unchanged, 0);
    assert_same(&cold, &after);
    assert_string_not_equal(known.model, after.model);
    Loaded *all[] = {&young, &again, &recorded, &known, &after, &cold};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) loaded_free(all[i]);
    free(copy);
    free(dir);
}

/* ============================== where, and never in the way ============================== */

/* Loading with stderr caught: what the load printed. */
static char *load_quietly(const char *path, const char *cache, Loaded *l)
{
    char *out = xasprintf("%s/stderr", base);
    fflush(stderr);
    int saved = dup(2);
    int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0 && saved >= 0);
    dup2(fd, 2);
    close(fd);
    *l = load(path, cache);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    size_t len;
    char *printed = read_file(out, 1u << 20, &len);
    free(out);
    return printed;
}

static void test_unwritable_cache_is_silent(void **state)
{
    (void)state;
    const char *path = "scenarios/tutorial.xml";
    Loaded cold = load(path, "off");
    char *file = xasprintf("%s/a-file", base);
    write_bytes(file, "x", 1);
    char *under_file = xasprintf("%s/cache", file);
    char *locked = xasprintf("%s/locked", base);
    assert_int_equal(mkdir(locked, 0500), 0);
    char *under_locked = xasprintf("%s/cache", locked);
    const char *places[] = {file, under_file, under_locked, "/proc/verbeeld-cache"};
    for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
        if (i == 2 && geteuid() == 0) continue;          /* root writes anywhere */
        CacheStats s0 = cache_stats();
        Loaded l;
        char *printed = load_quietly(path, places[i], &l);
        assert_string_equal(printed, "");
        assert_same(&cold, &l);
        assert_int_equal(cache_stats().stored - s0.stored, 0);
        assert_int_equal(cache_stats().hits - s0.hits, 0);
        loaded_free(&l);
        free(printed);
    }
    loaded_free(&cold);
    rmdir(locked);
    free(under_locked);
    free(locked);
    free(under_file);
    free(file);
}

static void test_off(void **state)
{
    (void)state;
    CacheStats s0 = cache_stats();
    Loaded a = load("scenarios/tutorial.xml", "off");
    Loaded b = load("scenarios/tutorial.xml", "");
    CacheStats s1 = cache_stats();
    assert_same(&a, &b);
    assert_int_equal(s1.hits + s1.misses + s1.stored + s1.rejected,
                     s0.hits + s0.misses + s0.stored + s0.rejected);
    loaded_free(&a);
    loaded_free(&b);
}

static void expect_private_dir_with_entry(const char *dir)
{
    struct stat st;
    assert_int_equal(stat(dir, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(count_entries(dir), 1);
}

/* Without VERBEELD_CACHE: $XDG_CACHE_HOME/verbeeld, else $HOME/.cache/verbeeld, made private. */
static void test_default_places(void **state)
{
    (void)state;
    char *old_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
    char *xdg = xasprintf("%s/xdg", base), *home = xasprintf("%s/home", base);
    setenv("XDG_CACHE_HOME", xdg, 1);
    Loaded a = load(FIX "good.xml", NULL);
    char *in_xdg = xasprintf("%s/verbeeld", xdg);
    expect_private_dir_with_entry(in_xdg);
    unsetenv("XDG_CACHE_HOME");
    setenv("HOME", home, 1);
    Loaded b = load(FIX "good.xml", NULL);
    char *in_home = xasprintf("%s/.cache/verbeeld", home);
    expect_private_dir_with_entry(in_home);
    setenv("XDG_CACHE_HOME", "relative/ignored", 1);         /* the spec: absolute paths only */
    CacheStats s0 = cache_stats();
    Loaded c = load(FIX "good.xml", NULL);
    assert_int_equal(cache_stats().hits - s0.hits, 1);
    unsetenv("XDG_CACHE_HOME");
    if (old_home) setenv("HOME", old_home, 1);
    assert_same(&a, &b);
    assert_same(&a, &c);
    loaded_free(&a);
    loaded_free(&b);
    loaded_free(&c);
    free(in_xdg);
    free(in_home);
    free(xdg);
    free(home);
    free(old_home);
}

/* ============================== bounded ============================== */

static void set_age(const char *path, long days)
{
    struct timeval tv[2];
    gettimeofday(&tv[0], NULL);
    tv[0].tv_sec -= days * 86400;
    tv[1] = tv[0];
    assert_int_equal(utimes(path, tv), 0);
}

/* Writing an entry removes those unused for 30 days and keeps at most 64; a file the cache did
 * not make is never touched, even in its folder. */
static void test_pruned(void **state)
{
    (void)state;
    char *dir = new_dir();
    assert_int_equal(mkdir(dir, 0700), 0);
    for (int i = 0; i < 80; i++) {
        char *p = xasprintf("%s/%032x.model", dir, i);
        write_bytes(p, "old", 3);
        set_age(p, i < 10 ? 40 : 1 + i % 20);
        free(p);
    }
    char *mine = xasprintf("%s/0123456789abcdef0123456789abcdef.model.txt", dir);
    write_bytes(mine, "keep me", 7);
    set_age(mine, 400);
    char *young = xasprintf("%s/%032x.model", dir, 79);
    set_age(young, 0);
    Loaded l = load(FIX "good.xml", dir);
    assert_int_equal(count_entries(dir), 64 + 1);              /* and mine */
    assert_int_equal(access(mine, F_OK), 0);
    assert_int_equal(access(young, F_OK), 0);
    for (int i = 0; i < 10; i++) {
        char *p = xasprintf("%s/%032x.model", dir, i);
        assert_int_not_equal(access(p, F_OK), 0);
        free(p);
    }
    loaded_free(&l);
    free(young);
    free(mine);
    free(dir);
}

int main(void)
{
    setenv("VERBEELD_DATADIR", ".", 1);
    i18n_init("en");
    /* Inside the folder `make` gives the tests (the build folder), else a temporary one. */
    const char *parent = getenv("VERBEELD_CACHE");
    if (!parent || !*parent || strcmp(parent, "off") == 0) parent = "/tmp";
    mkdir(parent, 0700);
    snprintf(base, sizeof base, "%s/test_cache-XXXXXX", parent);
    if (!mkdtemp(base)) {
        perror(base);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_field_listed),
        cmocka_unit_test(test_shipped_scenarios),
        cmocka_unit_test(test_every_fixture),
        cmocka_unit_test(test_bench_like_story),
        cmocka_unit_test(test_format_features),
        cmocka_unit_test(test_broken_files),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_flipped_byte),
        cmocka_unit_test(test_other_version),
        cmocka_unit_test(test_other_key),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_huge_count),
        cmocka_unit_test(test_huger_count),
        cmocka_unit_test(test_huge_string),
        cmocka_unit_test(test_arena_short),
        cmocka_unit_test(test_arena_long),
        cmocka_unit_test(test_arena_huge),
        cmocka_unit_test(test_sealed_but_short),
        cmocka_unit_test(test_sealed_but_long),
        cmocka_unit_test(test_required_id_missing),
        cmocka_unit_test(test_unended_strings),
        cmocka_unit_test(test_other_layout),
        cmocka_unit_test(test_overlapping_arrays),
        cmocka_unit_test(test_bad_flag),
        cmocka_unit_test(test_folder_in_the_way),
        cmocka_unit_test(test_place_taken),
        cmocka_unit_test(test_hand_made_round_trip),
        cmocka_unit_test(test_unsound_models_are_not_kept),
        cmocka_unit_test(test_changed_file_is_not_stale),
        cmocka_unit_test(test_known_unchanged),
        cmocka_unit_test(test_unwritable_cache_is_silent),
        cmocka_unit_test(test_off),
        cmocka_unit_test(test_default_places),
        cmocka_unit_test(test_pruned),
    };
    int rc = cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
    char *rm = xasprintf("rm -rf '%s'", base);
    if (system(rm) != 0) rc = 1;
    free(rm);
    return rc;
}
