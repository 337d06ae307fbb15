/*
 * resolve.c - what a scenario means: every name resolved to what it names, every id unique,
 * every quality in the lexicon, every text in every declared language.
 *
 * Runs after the schema has accepted the file, and reports all problems in one go.
 */
#include "model/resolve.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/idmap.h"
#include "base/util.h"

typedef struct {
    Scenario *s;
    const Lexicon *lx;
    DiagList *d;
} Ctx;

#define ERR(ctx, line, ...) diag_add((ctx)->d, DIAG_ERROR, (ctx)->s->path, (line), __VA_ARGS__)
#define WARN(ctx, line, ...) diag_add((ctx)->d, DIAG_WARNING, (ctx)->s->path, (line), __VA_ARGS__)

/* ============================== references ============================== */

static void resolve_target(Ctx *c, Target *t, int line, int required)
{
    if (!t->name) {
        if (required) ERR(c, line, _("no target given"));
        return;
    }
    if (streq(t->name, "return")) {
        t->kind = TARGET_RETURN;
        return;
    }
    int i = scenario_scene(c->s, t->name);
    if (i >= 0) {
        t->kind = TARGET_SCENE;
        t->index = i;
        return;
    }
    i = scenario_ending(c->s, t->name);
    if (i >= 0) {
        t->kind = TARGET_ENDING;
        t->index = i;
        return;
    }
    ERR(c, line, _("unknown scene or ending '%s'"), t->name);
}

static int resolve_role(Ctx *c, const char *name, int line)
{
    int r = scenario_role(c->s, name);
    if (r < 0) ERR(c, line, _("unknown role '%s'"), name);
    return r;
}

/* Check a quality and write it as its Dutch id; returns the lexicon's own id, or NULL. */
static const char *resolve_quality(Ctx *c, char **quality, int line)
{
    if (!*quality) return NULL;
    const char *id = lexicon_term(c->lx, *quality);
    if (!id) {
        ERR(c, line, _("unknown quality '%s' (not in the quadrant lexicon)"), *quality);
        return NULL;
    }
    if (!streq(id, *quality)) {
        scenario_release(c->s, *quality);
        *quality = xstrdup(id);
    }
    return id;
}

static void resolve_effects(Ctx *c, Effect *e, int n)
{
    for (int i = 0; i < n; i++) {
        if (e[i].kind == EFFECT_LUA) continue;
        e[i].var = e[i].fact ? scenario_fact(c->s, e[i].var_name) : scenario_var(c->s, e[i].var_name);
        if (e[i].var < 0 && e[i].fact && scenario_var(c->s, e[i].var_name) >= 0)
            ERR(c, e[i].line, _("'%s' is a variable, not a fact: <set var=\"%s\" value=\"...\"/>"), e[i].var_name, e[i].var_name);
        else if (e[i].var < 0 && e[i].fact) ERR(c, e[i].line, _("unknown fact '%s'"), e[i].var_name);
        else if (e[i].var < 0) ERR(c, e[i].line, _("unknown variable '%s'"), e[i].var_name);
    }
}

static int check_fact(const char *id, void *ud)
{
    Ctx *c = ((void **)ud)[0];
    if (scenario_fact(c->s, id) < 0) ERR(c, *(int *)((void **)ud)[1], _("unknown fact '%s'"), id);
    return 0;
}

/* needs="..." and unless="..." name facts. */
static void resolve_presupposed(Ctx *c, const char *needs, const char *unless, int line)
{
    void *ud[2] = {c, &line};
    scenario_each_fact(needs, check_fact, ud);
    scenario_each_fact(unless, check_fact, ud);
}

static void resolve_items(Ctx *c, Item *items, int n)
{
    for (int i = 0; i < n; i++) {
        if (items[i].kind == ITEM_SAY) items[i].role = resolve_role(c, items[i].role_name, items[i].line);
        resolve_presupposed(c, items[i].needs, items[i].unless, items[i].line);
    }
}

/* A corner choice's variants name terms of the lexicon, each once; its words use {term} and
 * {manner} only, which a choice with a fixed quality cannot fill. */
static void check_placeholders(Ctx *c, const Text *t, int line, int corner_choice)
{
    for (int i = 0; i < t->n; i++)
        for (const char *p = strchr(t->v[i].str, '{'); p; p = strchr(p + 1, '{')) {
            if (!strncmp(p, "{participants}", 14)) continue;       /* any text may say it */
            int known = !strncmp(p, "{term}", 6) || !strncmp(p, "{manner}", 8);
            if (known && corner_choice) continue;
            const char *end = strchr(p, '}');
            int len = end ? (int)(end - p) + 1 : (int)strcspn(p, " \n");
            if (known)
                ERR(c, line, _("%.*s in a choice without corner=\"...\": only a corner choice has a term to fill in"), len, p);
            else
                ERR(c, line, _("unknown placeholder %.*s: a corner choice may use {term} and {manner}, any text {participants}"), len, p);
        }
}

static void resolve_corner_choice(Ctx *c, Choice *ch)
{
    check_placeholders(c, &ch->text, ch->line, ch->corner != CORNER_NONE);
    if (ch->nvariants && ch->corner == CORNER_NONE)
        ERR(c, ch->variants[0].line, _("a variant belongs in a choice with corner=\"...\""));
    for (int i = 0; i < ch->nvariants; i++) {
        Variant *v = &ch->variants[i];
        resolve_quality(c, &v->term, v->line);
        check_placeholders(c, &v->text, v->line, 1);
        for (int j = 0; j < i; j++)
            if (streq(ch->variants[j].term, v->term))
                ERR(c, v->line, _("a second variant for '%s' in this choice"), v->term);
    }
}

/* Each core quality a role's quadrants="..." names must be one of the lexicon. */
static int check_listed_core(const char *item, void *ud)
{
    Ctx *c = ((void **)ud)[0];
    const Role *r = ((void **)ud)[1];
    Quadrant q;
    const char *id = lexicon_term(c->lx, item);
    if (streq(item, "*"))
        ERR(c, r->line, _("quadrants=\"*\" stands alone: every quadrant, or a list of core qualities"));
    else if (!id || lexicon_quadrant(c->lx, id, &q))
        ERR(c, r->line, _("'%s' in quadrants=\"...\" is not a core quality in the lexicon (try: verbeeld quadrant %s)"), item, item);
    return 0;
}

static void resolve_role_quadrants(Ctx *c, const Role *r)
{
    if (!r->quadrants || streq(r->quadrants, "*")) return;
    void *ud[2] = {c, (void *)r};
    scenario_each_listed(r->quadrants, check_listed_core, ud);
}

static void resolve_scene(Ctx *c, Scene *sc)
{
    if (sc->who_name) {
        if (streq(sc->who_name, "each")) sc->who = WHO_EACH;
        else if (streq(sc->who_name, "group")) sc->who = WHO_GROUP;
        else sc->who = resolve_role(c, sc->who_name, sc->line);
    }
    resolve_target(c, &sc->next, sc->line, 0);
    for (int i = 0; i < sc->ngotos; i++) resolve_target(c, &sc->gotos[i].to, sc->gotos[i].line, 1);
    resolve_effects(c, sc->effects, sc->neffects);
    resolve_items(c, sc->items, sc->nitems);
    for (int i = 0; i < sc->nchoices; i++) {
        Choice *ch = &sc->choices[i];
        resolve_target(c, &ch->to, ch->line, 0);
        if (ch->to.kind == TARGET_NONE && !ch->to.name && sc->next.kind == TARGET_NONE && !sc->next.name)
            ERR(c, ch->line, _("choice goes nowhere: give it to=\"...\" or give the scene next=\"...\""));
        const char *id = resolve_quality(c, &ch->quality, ch->line);
        ch->term_at = id ? lexicon_term_at(c->lx, id) : -1;
        resolve_corner_choice(c, ch);
        assert(ch->to.kind != TARGET_SCENE || (ch->to.index >= 0 && ch->to.index < c->s->nscenes));
        if (ch->to.kind == TARGET_SCENE) ch->next_choices = c->s->scenes[ch->to.index].choices;
        if (ch->by_name) ch->by = resolve_role(c, ch->by_name, ch->line);
        if (ch->addressee_name) ch->addressee = resolve_role(c, ch->addressee_name, ch->line);
        resolve_effects(c, ch->effects, ch->neffects);
        resolve_presupposed(c, ch->needs, ch->unless, ch->line);
    }
    int always_goes = scenario_goto_always(sc) < sc->ngotos;     /* a goto without if="..." */
    if (sc->nchoices == 0 && sc->next.kind == TARGET_NONE && !sc->next.name && !always_goes)
        ERR(c, sc->line, _("scene '%s' has no choices and no next: the story would stop here"), sc->id);
}

/* ============================== unique ids ============================== */

typedef struct {
    const char *id;
    int line;
    const char *what;
} IdRef;

/* Scenes and endings share one name space (a target names either); roles, vars, events,
 * decks, acts and choices each have their own. `refs` are in the order of the file; each
 * duplicate is reported with the line of the one before it. An id map (of each id to its last
 * ref), since a large story has tens of thousands of choices. */
static void check_unique(Ctx *c, IdRef *refs, int n)
{
    IdMap last;
    idmap_init(&last, (size_t)n);
    for (int i = 0; i < n; i++) {
        if (!refs[i].id) continue;
        int before = idmap_put(&last, refs[i].id, i);
        if (before >= 0)
            ERR(c, refs[i].line, _("duplicate id '%s' (also used on line %d)"), refs[i].id, refs[before].line);
    }
    idmap_free(&last);
}

/* [a-z0-9][a-z0-9_-]*: the form of every id (the schema takes any text). */
static int ident_ok(const char *id)
{
    if (!id || !((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9'))) return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')) return 0;
    return 1;
}

static void check_form(Ctx *c, const char *id, int line)
{
    if (id && !ident_ok(id))
        ERR(c, line, _("id '%s' may hold only lowercase letters, digits, '-' and '_', and starts with a letter or digit"), id);
}

/* [a-z]{2,3}: a language code (the schema only asks for a token). */
static int lang_ok(const char *lang)
{
    size_t n = 0;
    for (; lang[n]; n++)
        if (lang[n] < 'a' || lang[n] > 'z') return 0;
    return n == 2 || n == 3;
}

/* What the schema leaves to verbeeld, because checking it there made validation slow: the form
 * of the language codes in lang (those in xml:lang are checked with the texts), and conditions
 * that say something. */
static void check_langs_and_conditions(Ctx *c)
{
    Scenario *s = c->s;
    for (int i = 0; i < s->nlangs; i++)
        if (!lang_ok(s->langs[i]))
            ERR(c, 1, _("'%s' in lang=\"...\" is not a language code: two or three lowercase letters, such as nl or en"),
                s->langs[i]);
    for (int i = 0; i < s->ncode; i++) {
        const char *src = s->code[i].src;
        if (s->code[i].is_expr && !src[strspn(src, " \t\n\r")]) ERR(c, s->code[i].line, "%s", _("empty condition"));
    }
}

static void check_forms(Ctx *c)
{
    Scenario *s = c->s;
    check_langs_and_conditions(c);
    check_form(c, s->id, 1);
    for (int i = 0; i < s->nvars; i++) check_form(c, s->vars[i].id, s->vars[i].line);
    for (int i = 0; i < s->nroles; i++) check_form(c, s->roles[i].id, s->roles[i].line);
    for (int i = 0; i < s->nacts; i++) check_form(c, s->acts[i].id, s->acts[i].line);
    for (int i = 0; i < s->nevents; i++) check_form(c, s->events[i].id, s->events[i].line);
    for (int i = 0; i < s->nendings; i++) check_form(c, s->endings[i].id, s->endings[i].line);
    for (int i = 0; i < s->ndecks; i++) {
        check_form(c, s->decks[i].id, s->decks[i].line);
        for (int k = 0; k < s->decks[i].ncards; k++) check_form(c, s->decks[i].cards[k].id, s->decks[i].cards[k].line);
    }
    for (int i = 0; i < s->nscenes; i++) {
        check_form(c, s->scenes[i].id, s->scenes[i].line);
        size_t n = strlen(s->scenes[i].id);
        for (int k = 0; k < s->scenes[i].nchoices; k++) {
            const Choice *ch = &s->scenes[i].choices[k];
            if (strncmp(ch->id, s->scenes[i].id, n) || ch->id[n] != '-')   /* named, not numbered */
                check_form(c, ch->id, ch->line);
        }
    }
}

/* What a trainer types after /inject in a language: an id's form, and no other incident's id
 * or name in that language. */
static void check_event_names(Ctx *c)
{
    const Scenario *s = c->s;
    for (int i = 0; i < s->nevents; i++)
        for (int k = 0; k < s->events[i].names.n; k++) {
            const LangText *n = &s->events[i].names.v[k];
            check_form(c, n->str, s->events[i].line);
            int other = scenario_event_named(s, n->str, n->lang);
            if (other >= 0 && other != i)
                ERR(c, s->events[i].line, _("incident '%s' is named '%s', which is what incident '%s' is called already"),
                    s->events[i].id, n->str, s->events[other].id);
        }
}

static void check_ids(Ctx *c)
{
    check_forms(c);
    check_event_names(c);
    Scenario *s = c->s;
    int n = 0, cap = s->nscenes + s->nendings + 1;
    IdRef *refs = xcalloc((size_t)cap, sizeof *refs);
    for (int i = 0; i < s->nscenes; i++) refs[n++] = (IdRef){s->scenes[i].id, s->scenes[i].line, "scene"};
    for (int i = 0; i < s->nendings; i++) refs[n++] = (IdRef){s->endings[i].id, s->endings[i].line, "ending"};
    for (int i = 0; i < n; i++)
        if (streq(refs[i].id, "return")) ERR(c, refs[i].line, _("'return' is reserved and cannot be an id"));
    check_unique(c, refs, n);

#define UNIQUE(array, count)                                                  \
    do {                                                                      \
        n = 0;                                                                \
        refs = xrealloc(refs, (size_t)((count) + 1) * sizeof *refs);          \
        for (int i = 0; i < (count); i++)                                     \
            refs[n++] = (IdRef){(array)[i].id, (array)[i].line, ""};          \
        check_unique(c, refs, n);                                             \
    } while (0)

    UNIQUE(s->roles, s->nroles);
    UNIQUE(s->vars, s->nvars);
    UNIQUE(s->events, s->nevents);
    UNIQUE(s->decks, s->ndecks);
    UNIQUE(s->acts, s->nacts);
    for (int d = 0; d < s->ndecks; d++) UNIQUE(s->decks[d].cards, s->decks[d].ncards);
    int total = 0;
    for (int i = 0; i < s->nscenes; i++) total += s->scenes[i].nchoices;
    refs = xrealloc(refs, (size_t)(total + 1) * sizeof *refs);
    n = 0;
    for (int i = 0; i < s->nscenes; i++)
        for (int j = 0; j < s->scenes[i].nchoices; j++)
            refs[n++] = (IdRef){s->scenes[i].choices[j].id, s->scenes[i].choices[j].line, ""};
    check_unique(c, refs, n);
#undef UNIQUE
    free(refs);
}

/* ============================== translations ============================== */

/* `what` is untranslated (N_): a large scenario has tens of thousands of texts, and only the
 * few with a problem need it in the language of the messages. */
static void check_text(Ctx *c, const Text *t, int line, const char *what)
{
    if (t->n == 0) return;
    for (int i = 0; i < c->s->nlangs; i++)
        if (!text_has(t, c->s->langs[i]))
            WARN(c, line, _("missing %s translation of the %s"), c->s->langs[i], _(what));
    for (int i = 0; i < t->n; i++) {
        int declared = 0;
        for (int j = 0; j < c->s->nlangs; j++) declared |= streq(t->v[i].lang, c->s->langs[j]);
        if (declared) continue;               /* a bad code in lang="..." is reported there */
        if (!lang_ok(t->v[i].lang))
            ERR(c, line, _("'%s' in xml:lang=\"...\" is not a language code: two or three lowercase "
                           "letters, such as nl or en"), t->v[i].lang);
        else
            WARN(c, line, _("text in '%s', which the scenario does not declare in lang=\"...\""), t->v[i].lang);
    }
}

static void check_items_text(Ctx *c, const Item *items, int n)
{
    for (int i = 0; i < n; i++) check_text(c, &items[i].text, items[i].line, N_("text"));
}

static void check_translations(Ctx *c)
{
    Scenario *s = c->s;
    check_text(c, &s->title, 1, N_("title"));
    check_text(c, &s->summary, 1, N_("summary"));
    for (int i = 0; i < s->nroles; i++) check_text(c, &s->roles[i].brief, s->roles[i].line, N_("brief"));
    for (int i = 0; i < s->nacts; i++) check_text(c, &s->acts[i].title, s->acts[i].line, N_("title"));
    for (int i = 0; i < s->npicks; i++) check_text(c, &s->picks[i].text, s->picks[i].line, N_("text"));
    for (int d = 0; d < s->ndecks; d++)
        for (int k = 0; k < s->decks[d].ncards; k++) {
            const Card *card = &s->decks[d].cards[k];
            check_text(c, &card->title, card->line, N_("title"));
            check_text(c, &card->text, card->line, N_("text"));
        }
    for (int i = 0; i < s->nscenes; i++) {
        const Scene *sc = &s->scenes[i];
        check_text(c, &sc->title, sc->line, N_("title"));
        for (int k = 0; k < sc->nalt_titles; k++) check_text(c, &sc->alt_titles[k].text, sc->alt_titles[k].line, N_("title"));
        check_items_text(c, sc->items, sc->nitems);
        for (int j = 0; j < sc->nchoices; j++) {
            const Choice *ch = &sc->choices[j];
            check_text(c, &ch->text, ch->line, N_("choice"));
            check_text(c, &ch->third, ch->line, N_("choice"));
            for (int k = 0; k < ch->nvariants; k++) {
                check_text(c, &ch->variants[k].text, ch->variants[k].line, N_("choice"));
                check_text(c, &ch->variants[k].third, ch->variants[k].line, N_("choice"));
            }
        }
    }
    for (int i = 0; i < s->nevents; i++) {
        check_text(c, &s->events[i].title, s->events[i].line, N_("title"));
        check_text(c, &s->events[i].why, s->events[i].line, N_("text"));
        for (int k = 0; k < s->events[i].nalt_titles; k++)
            check_text(c, &s->events[i].alt_titles[k].text, s->events[i].alt_titles[k].line, N_("title"));
    }
    for (int i = 0; i < s->nendings; i++) {
        check_text(c, &s->endings[i].title, s->endings[i].line, N_("title"));
        check_items_text(c, s->endings[i].items, s->endings[i].nitems);
    }
    for (int i = 0; i < s->nquestions; i++) check_text(c, &s->questions[i].text, s->questions[i].line, N_("question"));
}

/* ============================== return blocks ============================== */

static int check_after(const char *id, void *ud)
{
    Ctx *c = ((void **)ud)[0];
    if (scenario_ending(c->s, id) < 0) ERR(c, *(int *)((void **)ud)[1], _("unknown ending '%s' in after=\"...\""), id);
    return 0;
}

/* Whether target t is a scene of a return block. */
static int into_return(const Scenario *s, Target t)
{
    return t.kind == TARGET_SCENE && t.index >= 0 && s->acts[s->scenes[t.index].act].ret;
}

/* A return block follows endings that exist, and only a return session enters it: the story
 * never leads into one (its scenes presuppose a story that has ended). */
static void resolve_returns(Ctx *c)
{
    Scenario *s = c->s;
    for (int a = 0; a < s->nacts; a++)
        if (s->acts[a].ret && s->acts[a].after) scenario_each_fact(s->acts[a].after, check_after, (void *[]){c, &s->acts[a].line});
    for (int i = 0; i < s->nscenes; i++) {
        const Scene *sc = &s->scenes[i];
        if (s->acts[sc->act].ret) continue;
        int bad = into_return(s, sc->next);
        for (int g = 0; g < sc->ngotos; g++) bad |= into_return(s, sc->gotos[g].to);
        for (int k = 0; k < sc->nchoices; k++) bad |= into_return(s, sc->choices[k].to);
        if (bad) ERR(c, sc->line, _("scene '%s' leads into a <return> block, which only 'verbeeld return' plays"), sc->id);
    }
    for (int e = 0; e < s->nevents; e++)
        if (into_return(s, s->events[e].to))
            ERR(c, s->events[e].line, _("event '%s' leads into a <return> block, which only 'verbeeld return' plays"), s->events[e].id);
    if (into_return(s, s->start)) ERR(c, 1, _("the start must be a scene of the story, not of a <return> block"));
}

/* ============================== everything ============================== */

/* Every name the scenario uses, resolved to what it names. */
static void resolve_references(Ctx *c)
{
    Scenario *s = c->s;
    if (s->start.name) resolve_target(c, &s->start, 1, 1);
    else if (s->nscenes > 0) s->start = (Target){TARGET_SCENE, 0, NULL};
    if (s->start.kind != TARGET_SCENE && s->start.name)
        ERR(c, 1, _("the start must be a scene"));
    for (int i = 0; i < s->nscenes; i++) resolve_scene(c, &s->scenes[i]);
    for (int i = 0; i < s->nevents; i++) {
        resolve_target(c, &s->events[i].to, s->events[i].line, 1);
        if (s->events[i].to.kind != TARGET_SCENE && s->events[i].to.name && s->events[i].to.kind != TARGET_NONE)
            ERR(c, s->events[i].line, _("an event must start at a scene"));
    }
    for (int i = 0; i < s->nendings; i++) resolve_items(c, s->endings[i].items, s->endings[i].nitems);
    for (int i = 0; i < s->npicks; i++) {
        s->picks[i].deck = scenario_deck(s, s->picks[i].deck_name);
        if (s->picks[i].deck < 0) ERR(c, s->picks[i].line, _("unknown card deck '%s'"), s->picks[i].deck_name);
    }
    for (int i = 0; i < s->nquestions; i++) {
        const Question *q = &s->questions[i];
        resolve_quality(c, &s->questions[i].quality, q->line);
        if (q->scene && scenario_scene(s, q->scene) < 0) ERR(c, q->line, _("unknown scene '%s'"), q->scene);
    }
    int playable = 0;
    for (int i = 0; i < s->nroles; i++) playable += s->roles[i].playable;
    for (int i = 0; i < s->nroles; i++) resolve_role_quadrants(c, &s->roles[i]);
    if (!playable) ERR(c, 1, _("no role is playable: mark at least one role playable=\"yes\""));
    resolve_returns(c);
}

void resolve_scenario(Scenario *s, const Lexicon *lx, DiagList *d)
{
    Ctx c = {s, lx, d};
    check_ids(&c);
    check_translations(&c);
    resolve_references(&c);
}
