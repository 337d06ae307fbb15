/*
 * scenario.c - lookups in the scenario model, texts by language, and freeing the model.
 */
#include "model/scenario.h"

#include <assert.h>
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/idmap.h"
#include "base/util.h"

const char *text_get(const Text *t, const char *lang, const char *fallback)
{
    assert(t->n == 0 || t->v);
    for (int i = 0; i < t->n; i++)
        if (streq(t->v[i].lang, lang)) return t->v[i].str;
    for (int i = 0; i < t->n; i++)
        if (streq(t->v[i].lang, fallback)) return t->v[i].str;
    return t->n ? t->v[0].str : "";
}

int text_has(const Text *t, const char *lang)
{
    assert(t->n == 0 || t->v);
    for (int i = 0; i < t->n; i++)
        if (streq(t->v[i].lang, lang)) return 1;
    return 0;
}

char *scenario_own_lang(const Scenario *s, char *lang)
{
    for (int i = 0; i < s->nlangs; i++)
        if (streq(s->langs[i], lang)) return s->langs[i];
    return lang;
}

const char *scenario_fallback(const Scenario *s)
{
    return s->nlangs ? s->langs[0] : "nl";
}

#define FIND(array, count, id) \
    do { for (int i_ = 0; i_ < (count); i_++) if (streq((array)[i_].id, (id))) return i_; \
         return -1; } while (0)

/* Scenes and endings can be many (a generated story has 100,000): those are found through an
 * id map (base/idmap.h), built on first use and kept beside the model (the model's layout is
 * shared by every module, so the index lives here). An index belongs to one array of one
 * scenario; it is rebuilt when the array moved or grew, and dropped by scenario_free. Small
 * arrays are searched as before. Like FIND, the first of duplicate ids wins. */
#define INDEX_MIN 32
#define INDEX_SLOTS 8

typedef struct {
    const Scenario *s;
    const void *arr;          /* the array indexed, and its length when indexed */
    int n;
    IdMap map;
} IdIndex;

static IdIndex id_index[INDEX_SLOTS];
static unsigned id_index_next;

/* An array of structs with an id: where it is, each struct's size, and where in it the id is
 * (a Scene puts what a turn reads first, so its id is not its first member). */
typedef struct {
    const void *arr;
    size_t stride, id_at;
    int n;
} IdArray;

#define ID_ARRAY(arr, n, type) ((IdArray){(arr), sizeof(type), offsetof(type, id), (n)})
#define SCENES(s) ID_ARRAY((s)->scenes, (s)->nscenes, Scene)
#define ID_AT(a, i) (*(char *const *)((const char *)(a).arr + (size_t)(i) * (a).stride + (a).id_at))

static void build_index(IdIndex *x, const Scenario *s, IdArray a)
{
    x->s = s;
    x->arr = a.arr;
    x->n = a.n;
    idmap_init(&x->map, (size_t)a.n);
    for (int i = 0; i < a.n; i++)
        if (ID_AT(a, i)) idmap_add(&x->map, ID_AT(a, i), i);      /* first wins */
}

/* The index of array `a`, built when missing or stale. */
static IdIndex *index_of(const Scenario *s, IdArray a)
{
    IdIndex *x = NULL;
    for (int k = 0; k < INDEX_SLOTS; k++)
        if (id_index[k].s == s && id_index[k].arr == a.arr) { x = &id_index[k]; break; }
    if (x && x->n != a.n) idmap_free(&x->map);
    if (!x) {
        x = &id_index[id_index_next++ % INDEX_SLOTS];
        idmap_free(&x->map);
    }
    if (!x->map.slot) build_index(x, s, a);
    return x;
}

static int indexed_find(const Scenario *s, IdArray a, const char *id)
{
    if (!id) return -1;
    if (a.n < INDEX_MIN) {
        for (int i = 0; i < a.n; i++)
            if (streq(ID_AT(a, i), id)) return i;
        return -1;
    }
    int i = idmap_get(&index_of(s, a)->map, id);
    assert(i < a.n);
    return i;
}

static void drop_indexes(const Scenario *s)
{
    for (int k = 0; k < INDEX_SLOTS; k++)
        if (id_index[k].s == s) {
            idmap_free(&id_index[k].map);
            memset(&id_index[k], 0, sizeof id_index[k]);
        }
}

int scenario_scene(const Scenario *s, const char *id)
{
    return indexed_find(s, SCENES(s), id);
}

int scenario_return_scene(const Scenario *s, int act)
{
    for (int i = 0; act >= 0 && i < s->nscenes; i++)
        if (s->scenes[i].act == act) return i;
    return -1;
}

int scenario_goto_always(const Scene *sc)
{
    int g = 0;
    while (g < sc->ngotos && sc->gotos[g].cond != NO_CODE) g++;
    return g;
}

/* Whether the space-separated list `list` holds `id`. */
static int listed(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; *p;) {
        p += strspn(p, " \t\n");
        size_t k = strcspn(p, " \t\n");
        if (k == n && !strncmp(p, id, n)) return 1;
        p += k;
    }
    return 0;
}

int scenario_return_for(const Scenario *s, const char *ending)
{
    for (int a = 0; a < s->nacts; a++)
        if (s->acts[a].ret && s->acts[a].after && ending && listed(s->acts[a].after, ending)) return a;
    for (int a = 0; a < s->nacts; a++)
        if (s->acts[a].ret && !s->acts[a].after) return a;
    return -1;
}

int scenario_has_return(const Scenario *s)
{
    for (int a = 0; a < s->nacts; a++)
        if (s->acts[a].ret) return 1;
    return 0;
}

int scenario_ending(const Scenario *s, const char *id)
{
    return indexed_find(s, ID_ARRAY(s->endings, s->nendings, Ending), id);
}
int scenario_role(const Scenario *s, const char *id) { FIND(s->roles, s->nroles, id); }
int scenario_var(const Scenario *s, const char *id) { FIND(s->vars, s->nvars, id); }

int scenario_fact(const Scenario *s, const char *id)
{
    int v = scenario_var(s, id);
    return v >= 0 && s->vars[v].fact ? v : -1;
}

int scenario_each_fact(const char *list, int (*fn)(const char *id, void *ud), void *ud)
{
    char id[128];
    for (const char *p = list; p && *p;) {
        p += strspn(p, " \t\n\r,");
        size_t len = strcspn(p, " \t\n\r,");
        if (!len) break;
        snprintf(id, sizeof id, "%.*s", (int)len, p);
        int rc = fn(id, ud);
        if (rc) return rc;
        p += len;
    }
    return 0;
}
int scenario_event(const Scenario *s, const char *id) { FIND(s->events, s->nevents, id); }
int scenario_deck(const Scenario *s, const char *id) { FIND(s->decks, s->ndecks, id); }
int deck_card(const Deck *d, const char *id) { FIND(d->cards, d->ncards, id); }

const char *deck_card_name(const Card *k, const char *lang)
{
    return lang && text_has(&k->names, lang) ? text_get(&k->names, lang, NULL) : k->name;
}

int deck_card_named(const Deck *d, const char *typed, const char *lang)
{
    int at = deck_card(d, typed);
    for (int i = 0; at < 0 && i < d->ncards; i++)
        if (!strcasecmp(typed, deck_card_name(&d->cards[i], lang)) || (d->cards[i].name && !strcasecmp(typed, d->cards[i].name)))
            at = i;
    return at;
}

const Card *scenario_card(const Scenario *s, const char *id, const Deck **deck)
{
    for (int d = 0; id && d < s->ndecks; d++) {
        int c = deck_card(&s->decks[d], id);
        if (c < 0) continue;
        if (deck) *deck = &s->decks[d];
        return &s->decks[d].cards[c];
    }
    return NULL;
}

int scenario_event_named(const Scenario *s, const char *word, const char *lang)
{
    int e = scenario_event(s, word);
    for (int i = 0; e < 0 && i < s->nevents; i++)
        if (lang && text_has(&s->events[i].names, lang) && streq(text_get(&s->events[i].names, lang, NULL), word)) e = i;
    return e;
}

const char *scenario_event_name(const Scenario *s, int e, const char *lang)
{
    const Text *names = &s->events[e].names;
    return lang && text_has(names, lang) ? text_get(names, lang, NULL) : s->events[e].id;
}

/* ============================== freeing ============================== */

static int lies_in(const void *p, const char *region, size_t len)
{
    uintptr_t at = (uintptr_t)p, start = (uintptr_t)region;
    return region && at >= start && at < start + len;
}

void scenario_release(const Scenario *s, void *p)
{
    if (!lies_in(p, s->block, s->block_len)) free(p);
}

static void text_free(const Scenario *s, Text *t)
{
    for (int i = 0; i < t->n; i++) {
        scenario_release(s, t->v[i].lang);
        scenario_release(s, t->v[i].str);
    }
    scenario_release(s, t->v);
}

static void items_free(const Scenario *s, Item *items, int n)
{
    for (int i = 0; i < n; i++) {
        text_free(s, &items[i].text);
        scenario_release(s, items[i].role_name);
        scenario_release(s, items[i].line_key);
        scenario_release(s, items[i].needs);
        scenario_release(s, items[i].unless);
    }
    scenario_release(s, items);
}

static void effects_free(const Scenario *s, Effect *e, int n)
{
    for (int i = 0; i < n; i++) scenario_release(s, e[i].var_name);
    scenario_release(s, e);
}

static void target_free(const Scenario *s, Target *t)
{
    scenario_release(s, t->name);
}

static void choice_free(const Scenario *s, Choice *c)
{
    scenario_release(s, c->id);
    target_free(s, &c->to);
    scenario_release(s, c->quality);
    scenario_release(s, c->by_name);
    scenario_release(s, c->addressee_name);
    scenario_release(s, c->needs);
    scenario_release(s, c->unless);
    text_free(s, &c->text);
    text_free(s, &c->third);
    for (int i = 0; i < c->nvariants; i++) {
        scenario_release(s, c->variants[i].term);
        text_free(s, &c->variants[i].text);
        text_free(s, &c->variants[i].third);
    }
    scenario_release(s, c->variants);
    effects_free(s, c->effects, c->neffects);
}

static void alt_titles_free(const Scenario *s, AltTitle *t, int n)
{
    for (int i = 0; i < n; i++) text_free(s, &t[i].text);
    scenario_release(s, t);
}

static void scene_free(const Scenario *s, Scene *sc)
{
    scenario_release(s, sc->id);
    scenario_release(s, sc->who_name);
    target_free(s, &sc->next);
    text_free(s, &sc->title);
    alt_titles_free(s, sc->alt_titles, sc->nalt_titles);
    for (int i = 0; i < sc->ngotos; i++) target_free(s, &sc->gotos[i].to);
    scenario_release(s, sc->gotos);
    effects_free(s, sc->effects, sc->neffects);
    items_free(s, sc->items, sc->nitems);
    for (int i = 0; i < sc->nchoices; i++) choice_free(s, &sc->choices[i]);
    scenario_release(s, sc->choices);
}

static void deck_free(const Scenario *s, Deck *d)
{
    scenario_release(s, d->id);
    text_free(s, &d->title);
    for (int i = 0; i < d->ncards; i++) {
        Card *k = &d->cards[i];
        scenario_release(s, k->id);
        scenario_release(s, k->name);
        text_free(s, &k->names);
        text_free(s, &k->title);
        text_free(s, &k->text);
        scenario_release(s, k->art);
    }
    scenario_release(s, d->cards);
}

/* What comes before the story: variables, roles, the setup and the card decks. */
static void setup_free(Scenario *s)
{
    for (int i = 0; i < s->nvars; i++) {
        scenario_release(s, s->vars[i].id);
        text_free(s, &s->vars[i].title);
    }
    scenario_release(s, s->vars);
    for (int i = 0; i < s->nroles; i++) {
        scenario_release(s, s->roles[i].id);
        scenario_release(s, s->roles[i].character);
        scenario_release(s, s->roles[i].quadrants);
        text_free(s, &s->roles[i].brief);
    }
    scenario_release(s, s->roles);
    for (int i = 0; i < s->npicks; i++) {
        scenario_release(s, s->picks[i].deck_name);
        text_free(s, &s->picks[i].text);
    }
    scenario_release(s, s->picks);
    for (int i = 0; i < s->ndecks; i++) deck_free(s, &s->decks[i]);
    scenario_release(s, s->decks);
}

/* The story: acts, scenes, events and endings. */
static void story_free(Scenario *s)
{
    for (int i = 0; i < s->nacts; i++) {
        scenario_release(s, s->acts[i].id);
        scenario_release(s, s->acts[i].after);
        text_free(s, &s->acts[i].title);
    }
    scenario_release(s, s->acts);
    for (int i = 0; i < s->nscenes; i++) scene_free(s, &s->scenes[i]);
    scenario_release(s, s->scenes);
    for (int i = 0; i < s->nevents; i++) {
        scenario_release(s, s->events[i].id);
        target_free(s, &s->events[i].to);
        text_free(s, &s->events[i].title);
        text_free(s, &s->events[i].why);
        text_free(s, &s->events[i].names);
        alt_titles_free(s, s->events[i].alt_titles, s->events[i].nalt_titles);
    }
    scenario_release(s, s->events);
    for (int i = 0; i < s->nendings; i++) {
        scenario_release(s, s->endings[i].id);
        text_free(s, &s->endings[i].title);
        items_free(s, s->endings[i].items, s->endings[i].nitems);
    }
    scenario_release(s, s->endings);
}

/* Strings and arrays go through scenario_release: a model read from XML has its arrays
 * allocated one by one, and its strings in its block or alone. */
static void release_parts(Scenario *s)
{
    scenario_release(s, s->id);
    for (int i = 0; i < s->nlangs; i++) scenario_release(s, s->langs[i]);
    scenario_release(s, s->langs);
    target_free(s, &s->start);
    text_free(s, &s->title);
    text_free(s, &s->summary);
    setup_free(s);
    story_free(s);
    for (int i = 0; i < s->nquestions; i++) {
        scenario_release(s, s->questions[i].quality);
        text_free(s, &s->questions[i].text);
    }
    scenario_release(s, s->questions);
    for (int i = 0; i < s->ncode; i++) scenario_release(s, s->code[i].src);
    scenario_release(s, s->code);
}

/* A cached model lies whole in its block: a walk over its parts would find nothing to free. */
void scenario_free(Scenario *s)
{
    if (!s) return;
    drop_indexes(s);
    free(s->path);
    if (!s->block_whole) release_parts(s);
    if (s->block_mapped) munmap(s->block, s->block_len);
    else free(s->block);
    free(s);
}

int scenario_each_listed(const char *list, int (*fn)(const char *item, void *ud), void *ud)
{
    char item[128];
    for (const char *p = list; p && *p;) {
        size_t len = strcspn(p, ",");
        const char *start = p, *end = p + len;
        while (start < end && isspace((unsigned char)*start)) start++;
        while (end > start && isspace((unsigned char)end[-1])) end--;
        snprintf(item, sizeof item, "%.*s", (int)(end - start), start);
        if (*item) {
            int rc = fn(item, ud);
            if (rc) return rc;
        }
        p += len + (p[len] == ',');
    }
    return 0;
}
