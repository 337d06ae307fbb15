/*
 * load.c - turning a scenario file into the model.
 *
 * xmlsafe.c parses and validates the file; this file walks the validated tree and copies what
 * it says into the structures of scenario.h; resolve.c then checks what it means. Because the
 * schema has already checked structure, the walk below can trust element order and names.
 * The model as read here is what cache.c keeps: a change to what is read raises CACHE_FORMAT.
 */
#include "scenario.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "cache.h"
#include "i18n.h"
#include "paths.h"
#include "util.h"
#include "xmlsafe.h"

/* Make room for one more element of an array that holds `n`: capacity doubles whenever n
 * reaches a power of two, so that a story of 100,000 scenes is not copied 100,000 times. */
#define GROW(arr, n)                                                                   \
    do {                                                                               \
        size_t n_ = (size_t)(n);                                                       \
        if ((n_ & (n_ - 1)) == 0) (arr) = xrealloc((arr), (n_ ? 2 * n_ : 1) * sizeof *(arr)); \
    } while (0)

#define EACH_CHILD(c, parent) \
    for (xmlNodePtr c = (parent)->children; c; c = c->next) if (c->type == XML_ELEMENT_NODE)

/* ============================== small builders ============================== */

static void text_add(Text *t, xmlNodePtr node, int verbatim)
{
    xmlChar *lang = xmlNodeGetLang(node);
    char *raw = xml_content(node);
    GROW(t->v, t->n);
    t->v[t->n].lang = xstrdup(lang ? (const char *)lang : "");
    t->v[t->n].str = verbatim ? raw : fold_space(raw);
    if (!verbatim) free(raw);
    t->n++;
    xmlFree(lang);
}

static int add_code(Scenario *s, char *src, int line, int is_expr)
{
    GROW(s->code, s->ncode);
    s->code[s->ncode] = (Code){src, line, is_expr};
    return s->ncode++;
}

static int attr_code(Scenario *s, xmlNodePtr node, const char *name)
{
    char *src = xml_attr(node, name);
    return src ? add_code(s, src, xml_line(node), 1) : NO_CODE;
}

static Target attr_target(xmlNodePtr node, const char *name)
{
    Target t = {TARGET_NONE, -1, xml_attr(node, name)};
    return t;
}

static double attr_number(xmlNodePtr node, const char *name, double dflt)
{
    char *v = xml_attr(node, name);
    double d = v ? strtod(v, NULL) : dflt;
    free(v);
    return d;
}

/* A <set> or <lua> element, or nothing when `node` is something else. */
static int read_effect(Scenario *s, xmlNodePtr node, Effect **effects, int *n)
{
    Effect e = {0};
    e.line = xml_line(node);
    e.var = -1;
    e.code = NO_CODE;
    if (xml_is(node, "set")) {
        char *add = xml_attr(node, "add");
        e.kind = add ? EFFECT_ADD : EFFECT_SET;
        e.value = add ? strtod(add, NULL) : attr_number(node, "value", 0);
        e.var_name = xml_attr(node, "var");
        free(add);
    } else if (xml_is(node, "lua")) {
        e.kind = EFFECT_LUA;
        e.code = add_code(s, xml_content(node), e.line, 0);
    } else {
        return 0;
    }
    GROW(*effects, *n);
    (*effects)[(*n)++] = e;
    return 1;
}

/* A <text> or <say> element as an item of narration. */
static int read_item(Scenario *s, xmlNodePtr node, Item **items, int *n)
{
    Item it = {0};
    it.line = xml_line(node);
    it.role = -1;
    it.cond = NO_CODE;
    if (xml_is(node, "text")) {
        /* <text xml:lang="nl"> followed by <text xml:lang="en"> is one paragraph in two
         * languages; a language seen again starts the next paragraph. */
        xmlNodePtr prev = xmlPreviousElementSibling(node);
        xmlChar *lang = xmlNodeGetLang(node);
        int same = *n > 0 && prev && xml_is(prev, "text") && (*items)[*n - 1].kind == ITEM_TEXT &&
                   !text_has(&(*items)[*n - 1].text, lang ? (const char *)lang : "");
        xmlFree(lang);
        if (same) {
            text_add(&(*items)[*n - 1].text, node, 0);
            return 1;
        }
        it.kind = ITEM_TEXT;
        text_add(&it.text, node, 0);
    } else if (xml_is(node, "say")) {
        it.kind = ITEM_SAY;
        it.role_name = xml_attr(node, "who");
        it.line_key = xml_attr(node, "line");
        it.cond = attr_code(s, node, "if");
        EACH_CHILD(c, node) if (xml_is(c, "text")) text_add(&it.text, c, 0);
    } else {
        return 0;
    }
    GROW(*items, *n);
    (*items)[(*n)++] = it;
    return 1;
}

/* ============================== story elements ============================== */

static void read_choice(Scenario *s, Scene *sc, xmlNodePtr node)
{
    Choice ch = {0};
    ch.line = xml_line(node);
    ch.id = xml_attr(node, "id");
    if (!ch.id) ch.id = xasprintf("%s-%d", sc->id, sc->nchoices + 1);
    ch.to = attr_target(node, "to");
    ch.quality = xml_attr(node, "quality");
    ch.by_name = xml_attr(node, "by");
    ch.by = -1;
    ch.cond = attr_code(s, node, "if");
    EACH_CHILD(c, node) {
        if (xml_is(c, "text")) text_add(&ch.text, c, 0);
        else read_effect(s, c, &ch.effects, &ch.neffects);
    }
    GROW(sc->choices, sc->nchoices);
    sc->choices[sc->nchoices++] = ch;
}

static void read_scene(Scenario *s, int act, xmlNodePtr node)
{
    Scene sc = {0};
    sc.line = xml_line(node);
    sc.id = xml_attr(node, "id");
    sc.act = act;
    sc.who_name = xml_attr(node, "who");
    sc.who = WHO_ROTATE;
    sc.next = attr_target(node, "next");
    EACH_CHILD(c, node) {
        if (xml_is(c, "title")) text_add(&sc.title, c, 0);
        else if (xml_is(c, "goto")) {
            GROW(sc.gotos, sc.ngotos);
            sc.gotos[sc.ngotos++] = (Goto){attr_target(c, "to"), attr_code(s, c, "if"), xml_line(c)};
        } else if (xml_is(c, "choice")) read_choice(s, &sc, c);
        else if (!read_effect(s, c, &sc.effects, &sc.neffects))
            read_item(s, c, &sc.items, &sc.nitems);
    }
    GROW(s->scenes, s->nscenes);
    s->scenes[s->nscenes++] = sc;
}

static void read_act(Scenario *s, xmlNodePtr node)
{
    Act a = {0};
    a.line = xml_line(node);
    a.id = xml_attr(node, "id");
    int index = s->nacts;
    GROW(s->acts, s->nacts);
    EACH_CHILD(c, node) {
        if (xml_is(c, "title")) text_add(&a.title, c, 0);
        else if (xml_is(c, "scene")) read_scene(s, index, c);
    }
    s->acts[s->nacts++] = a;
}

static void read_roles(Scenario *s, xmlNodePtr node)
{
    EACH_CHILD(c, node) {
        Role r = {0};
        r.line = xml_line(c);
        r.id = xml_attr(c, "id");
        r.character = xml_attr(c, "character");
        char *playable = xml_attr(c, "playable");
        r.playable = streq(playable, "yes");
        free(playable);
        EACH_CHILD(b, c) if (xml_is(b, "brief")) text_add(&r.brief, b, 0);
        GROW(s->roles, s->nroles);
        s->roles[s->nroles++] = r;
    }
}

static void read_vars(Scenario *s, xmlNodePtr node)
{
    EACH_CHILD(c, node) {
        Var v = {0};
        v.line = xml_line(c);
        v.id = xml_attr(c, "id");
        v.value = attr_number(c, "value", 0);
        EACH_CHILD(t, c) if (xml_is(t, "title")) text_add(&v.title, t, 0);
        GROW(s->vars, s->nvars);
        s->vars[s->nvars++] = v;
    }
}

static void read_setup(Scenario *s, xmlNodePtr node)
{
    EACH_CHILD(c, node) {
        Pick p = {0};
        p.line = xml_line(c);
        p.deck_name = xml_attr(c, "deck");
        p.deck = -1;
        EACH_CHILD(t, c) if (xml_is(t, "text")) text_add(&p.text, t, 0);
        GROW(s->picks, s->npicks);
        s->picks[s->npicks++] = p;
    }
}

static void read_card(Deck *d, xmlNodePtr node)
{
    Card k = {0};
    k.line = xml_line(node);
    k.id = xml_attr(node, "id");
    k.age = (int)attr_number(node, "age", -1);
    EACH_CHILD(c, node) {
        if (xml_is(c, "name")) {
            char *raw = xml_content(c);
            free(k.name);
            k.name = fold_space(raw);
            free(raw);
        }
        else if (xml_is(c, "title")) text_add(&k.title, c, 0);
        else if (xml_is(c, "text")) text_add(&k.text, c, 0);
        else if (xml_is(c, "art")) k.art = xml_content(c);
    }
    GROW(d->cards, d->ncards);
    d->cards[d->ncards++] = k;
}

static void read_deck(Scenario *s, xmlNodePtr node)
{
    Deck d = {0};
    d.line = xml_line(node);
    d.id = xml_attr(node, "id");
    EACH_CHILD(c, node) {
        if (xml_is(c, "title")) text_add(&d.title, c, 0);
        else if (xml_is(c, "card")) read_card(&d, c);
    }
    GROW(s->decks, s->ndecks);
    s->decks[s->ndecks++] = d;
}

static void read_event(Scenario *s, xmlNodePtr node)
{
    Event e = {0};
    e.line = xml_line(node);
    e.id = xml_attr(node, "id");
    e.to = attr_target(node, "to");
    e.cond = attr_code(s, node, "when");
    EACH_CHILD(c, node) if (xml_is(c, "title")) text_add(&e.title, c, 0);
    GROW(s->events, s->nevents);
    s->events[s->nevents++] = e;
}

static void read_ending(Scenario *s, xmlNodePtr node)
{
    Ending e = {0};
    e.line = xml_line(node);
    e.id = xml_attr(node, "id");
    EACH_CHILD(c, node) {
        if (xml_is(c, "title")) text_add(&e.title, c, 0);
        else read_item(s, c, &e.items, &e.nitems);
    }
    GROW(s->endings, s->nendings);
    s->endings[s->nendings++] = e;
}

static void read_debrief(Scenario *s, xmlNodePtr node)
{
    EACH_CHILD(c, node) {
        Question q = {0};
        q.line = xml_line(c);
        q.quality = xml_attr(c, "quality");
        EACH_CHILD(t, c) if (xml_is(t, "text")) text_add(&q.text, t, 0);
        GROW(s->questions, s->nquestions);
        s->questions[s->nquestions++] = q;
    }
}

static void read_langs(Scenario *s, xmlNodePtr root)
{
    char *langs = xml_attr(root, "lang");
    char *save = NULL;
    for (char *tok = strtok_r(langs ? langs : (char[]){"nl"}, " \t\n", &save); tok;
         tok = strtok_r(NULL, " \t\n", &save)) {
        GROW(s->langs, s->nlangs);
        s->langs[s->nlangs++] = xstrdup(tok);
    }
    free(langs);
}

static void read_scenario(Scenario *s, xmlNodePtr root)
{
    s->id = xml_attr(root, "id");
    s->version = (int)attr_number(root, "version", 1);
    s->start = attr_target(root, "start");
    read_langs(s, root);
    EACH_CHILD(c, root) {
        if (xml_is(c, "title")) text_add(&s->title, c, 0);
        else if (xml_is(c, "summary")) text_add(&s->summary, c, 0);
        else if (xml_is(c, "vars")) read_vars(s, c);
        else if (xml_is(c, "roles")) read_roles(s, c);
        else if (xml_is(c, "setup")) read_setup(s, c);
        else if (xml_is(c, "deck")) read_deck(s, c);
        else if (xml_is(c, "act")) read_act(s, c);
        else if (xml_is(c, "event")) read_event(s, c);
        else if (xml_is(c, "ending")) read_ending(s, c);
        else if (xml_is(c, "debrief")) read_debrief(s, c);
    }
}

/* ============================== the whole file ============================== */

/* libxml2 allocates and frees many small blocks while it parses, validates and frees a tree;
 * with glibc's fast bins that churn keeps consolidating the heap, which took a third of the
 * load time of a large scenario. Fast bins are off while the tree lives, and back after. */
#define GLIBC_DEFAULT_MXFAST (64 * (int)sizeof(size_t) / 4)

/* The model of a file's bytes as they say it, not yet resolved: parsed, validated against the
 * schema and read; NULL with diagnostics when the file is not well-formed or not valid. Sets
 * *quiet when parsing and validating said nothing at all, not even a warning. */
static Scenario *read_model(const char *bytes, size_t len, const char *path, DiagList *d, int *quiet)
{
    int before = d->n;
    mallopt(M_MXFAST, 0);
    xmlDocPtr doc = xml_read_memory(bytes, len, path, d);
    if (doc && xml_validate(doc, paths_schema(), path, d)) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    Scenario *s = NULL;
    if (doc) {
        s = xcalloc(1, sizeof *s);
        read_scenario(s, xmlDocGetRootElement(doc));
        xmlFreeDoc(doc);
    }
    mallopt(M_MXFAST, GLIBC_DEFAULT_MXFAST);
    *quiet = d->n == before;
    return s;
}

/* The model of the file at `path`: from the cache when the same bytes were read before with
 * the same schema, else from the XML, and then kept in the cache when the file was faultless.
 * The bytes are read once, for the key and for the parser. */
static Scenario *model_of(const char *path, DiagList *d)
{
    size_t len;
    char *bytes = xml_slurp(path, &len, d);
    if (!bytes) return NULL;
    CacheKey key;
    int cached = cache_key(bytes, len, &key);
    Scenario *s = cached ? cache_load(&key) : NULL;
    if (!s) {
        int quiet;
        s = read_model(bytes, len, path, d, &quiet);
        if (s && quiet && cached) cache_store(&key, s);
    }
    free(bytes);
    return s;
}

Scenario *scenario_load_unresolved(const char *path, const Lexicon *lx, DiagList *d)
{
    Scenario *s = model_of(path, d);
    if (!s) return NULL;
    s->path = xstrdup(path);
    scenario_resolve(s, lx, d);
    return s;
}

Scenario *scenario_load(const char *path, const Lexicon *lx, DiagList *d)
{
    int errors = d->errors;
    Scenario *s = scenario_load_unresolved(path, lx, d);
    if (s && d->errors > errors) {
        scenario_free(s);
        return NULL;
    }
    return s;
}
