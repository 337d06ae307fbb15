/*
 * scenario.c - lookups in the scenario model, texts by language, and freeing the model.
 */
#include "scenario.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *text_get(const Text *t, const char *lang, const char *fallback)
{
    for (int i = 0; i < t->n; i++)
        if (streq(t->v[i].lang, lang)) return t->v[i].str;
    for (int i = 0; i < t->n; i++)
        if (streq(t->v[i].lang, fallback)) return t->v[i].str;
    return t->n ? t->v[0].str : "";
}

int text_has(const Text *t, const char *lang)
{
    for (int i = 0; i < t->n; i++)
        if (streq(t->v[i].lang, lang)) return 1;
    return 0;
}

const char *scenario_fallback(const Scenario *s)
{
    return s->nlangs ? s->langs[0] : "nl";
}

#define FIND(array, count, id) \
    do { for (int i_ = 0; i_ < (count); i_++) if (streq((array)[i_].id, (id))) return i_; \
         return -1; } while (0)

/* Scenes and endings can be many (a generated story has 100,000): those are found through a
 * hash index, built on first use and kept beside the model (the model's layout is shared by
 * every module, so the index lives here). An index belongs to one array of one scenario; it is
 * rebuilt when the array moved or grew, and dropped by scenario_free. Small arrays are searched
 * as before. Like FIND, the first of duplicate ids wins. */
#define INDEX_MIN 32
#define INDEX_SLOTS 8

typedef struct {
    const Scenario *s;
    const void *arr;          /* the array indexed, and its length when indexed */
    int n;
    int *slot;                /* index + 1, 0 when empty */
    size_t mask;
} IdIndex;

static IdIndex id_index[INDEX_SLOTS];
static unsigned id_index_next;

static size_t id_hash(const char *id)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) h = (h ^ *p) * 1099511628211ULL;
    return (size_t)(h ^ (h >> 29));
}

/* Arrays of structs whose first member is the id. */
#define ID_AT(arr, stride, i) (*(char *const *)((const char *)(arr) + (size_t)(i) * (stride)))

static int indexed_find(const Scenario *s, const void *arr, size_t stride, int n, const char *id)
{
    if (!id) return -1;
    if (n < INDEX_MIN) {
        for (int i = 0; i < n; i++)
            if (streq(ID_AT(arr, stride, i), id)) return i;
        return -1;
    }
    IdIndex *x = NULL;
    for (int k = 0; k < INDEX_SLOTS; k++)
        if (id_index[k].s == s && id_index[k].arr == arr) { x = &id_index[k]; break; }
    if (x && x->n != n) { free(x->slot); x->slot = NULL; }
    if (!x) {
        x = &id_index[id_index_next++ % INDEX_SLOTS];
        free(x->slot);
        x->slot = NULL;
    }
    if (!x->slot) {
        size_t cap = 64;
        while (cap < (size_t)n * 2) cap *= 2;
        x->s = s;
        x->arr = arr;
        x->n = n;
        x->mask = cap - 1;
        x->slot = xcalloc(cap, sizeof *x->slot);
        for (int i = 0; i < n; i++) {
            const char *key = ID_AT(arr, stride, i);
            if (!key) continue;
            size_t j = id_hash(key) & x->mask;
            for (; x->slot[j]; j = (j + 1) & x->mask)
                if (streq(ID_AT(arr, stride, x->slot[j] - 1), key)) break;
            if (!x->slot[j]) x->slot[j] = i + 1;
        }
    }
    for (size_t j = id_hash(id) & x->mask; x->slot[j]; j = (j + 1) & x->mask)
        if (streq(ID_AT(arr, stride, x->slot[j] - 1), id)) return x->slot[j] - 1;
    return -1;
}

static void drop_indexes(const Scenario *s)
{
    for (int k = 0; k < INDEX_SLOTS; k++)
        if (id_index[k].s == s) {
            free(id_index[k].slot);
            memset(&id_index[k], 0, sizeof id_index[k]);
        }
}

int scenario_scene(const Scenario *s, const char *id)
{
    return indexed_find(s, s->scenes, sizeof *s->scenes, s->nscenes, id);
}

int scenario_ending(const Scenario *s, const char *id)
{
    return indexed_find(s, s->endings, sizeof *s->endings, s->nendings, id);
}
int scenario_role(const Scenario *s, const char *id) { FIND(s->roles, s->nroles, id); }
int scenario_var(const Scenario *s, const char *id) { FIND(s->vars, s->nvars, id); }
int scenario_event(const Scenario *s, const char *id) { FIND(s->events, s->nevents, id); }
int scenario_deck(const Scenario *s, const char *id) { FIND(s->decks, s->ndecks, id); }
int deck_card(const Deck *d, const char *id) { FIND(d->cards, d->ncards, id); }

/* ============================== freeing ============================== */

static void text_free(Text *t)
{
    for (int i = 0; i < t->n; i++) {
        free(t->v[i].lang);
        free(t->v[i].str);
    }
    free(t->v);
}

static void items_free(Item *items, int n)
{
    for (int i = 0; i < n; i++) {
        text_free(&items[i].text);
        free(items[i].role_name);
        free(items[i].line_key);
    }
    free(items);
}

static void effects_free(Effect *e, int n)
{
    for (int i = 0; i < n; i++) free(e[i].var_name);
    free(e);
}

static void scene_free(Scene *sc)
{
    free(sc->id);
    free(sc->who_name);
    free(sc->next.name);
    text_free(&sc->title);
    for (int i = 0; i < sc->ngotos; i++) free(sc->gotos[i].to.name);
    free(sc->gotos);
    effects_free(sc->effects, sc->neffects);
    items_free(sc->items, sc->nitems);
    for (int i = 0; i < sc->nchoices; i++) {
        Choice *c = &sc->choices[i];
        free(c->id);
        free(c->to.name);
        free(c->quality);
        free(c->by_name);
        text_free(&c->text);
        effects_free(c->effects, c->neffects);
    }
    free(sc->choices);
}

static void deck_free(Deck *d)
{
    free(d->id);
    text_free(&d->title);
    for (int i = 0; i < d->ncards; i++) {
        Card *k = &d->cards[i];
        free(k->id);
        free(k->name);
        text_free(&k->title);
        text_free(&k->text);
        free(k->art);
    }
    free(d->cards);
}

void scenario_free(Scenario *s)
{
    if (!s) return;
    drop_indexes(s);
    free(s->path);
    free(s->id);
    for (int i = 0; i < s->nlangs; i++) free(s->langs[i]);
    free(s->langs);
    free(s->start.name);
    text_free(&s->title);
    text_free(&s->summary);
    for (int i = 0; i < s->nvars; i++) { free(s->vars[i].id); text_free(&s->vars[i].title); }
    free(s->vars);
    for (int i = 0; i < s->nroles; i++) {
        free(s->roles[i].id);
        free(s->roles[i].character);
        text_free(&s->roles[i].brief);
    }
    free(s->roles);
    for (int i = 0; i < s->npicks; i++) { free(s->picks[i].deck_name); text_free(&s->picks[i].text); }
    free(s->picks);
    for (int i = 0; i < s->ndecks; i++) deck_free(&s->decks[i]);
    free(s->decks);
    for (int i = 0; i < s->nacts; i++) { free(s->acts[i].id); text_free(&s->acts[i].title); }
    free(s->acts);
    for (int i = 0; i < s->nscenes; i++) scene_free(&s->scenes[i]);
    free(s->scenes);
    for (int i = 0; i < s->nevents; i++) {
        free(s->events[i].id);
        free(s->events[i].to.name);
        text_free(&s->events[i].title);
    }
    free(s->events);
    for (int i = 0; i < s->nendings; i++) {
        free(s->endings[i].id);
        text_free(&s->endings[i].title);
        items_free(s->endings[i].items, s->endings[i].nitems);
    }
    free(s->endings);
    for (int i = 0; i < s->nquestions; i++) {
        free(s->questions[i].quality);
        text_free(&s->questions[i].text);
    }
    free(s->questions);
    for (int i = 0; i < s->ncode; i++) free(s->code[i].src);
    free(s->code);
    free(s);
}
