/*
 * load.c - turning a scenario file into the model.
 *
 * xmlstream.c parses the file and validates it against the schema (xml_stream), handing it over
 * part by part; this file copies what each part says into the structures of scenario.h;
 * resolve.c then checks what it means. The parts may arrive before the file is known to be
 * valid (the schema is checked alongside): the model is thrown away when it is not, and the
 * builders below trust element order and names only that far, never reading past what is
 * there. The model as read here and resolved is what cache.c keeps: a change to what is read
 * raises CACHE_FORMAT.
 */
#include "model/load.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "model/cache.h"
#include "model/resolve.h"
#include "xml/xmlsafe.h"
#include "xml/xmlstream.h"

/* Make room for one more element of an array that holds `n`: capacity doubles whenever n
 * reaches a power of two, so that a story of 100,000 scenes is not copied 100,000 times. */
#define GROW(arr, n)                                                                   \
    do {                                                                               \
        size_t n_ = (size_t)(n);                                                       \
        if ((n_ & (n_ - 1)) == 0) (arr) = xrealloc((arr), (n_ ? 2 * n_ : 1) * sizeof *(arr)); \
    } while (0)

#define EACH_CHILD(c, parent) \
    for (xmlNodePtr c = (parent)->children; c; c = c->next) if (c->type == XML_ELEMENT_NODE)

/* The reader of one file. The model's strings go one after another into one block, as in a
 * model read from the cache: a large story's ids then lie close together, which makes
 * resolving its references about twice as fast as with a separate allocation for each. */
typedef struct {
    Scenario *s;
    size_t used;             /* of s->block */
    int act;                 /* the act being read (in s->acts), -1 outside an act */
} Reader;

/* ============================== strings ============================== */

/* Room for `n` bytes of a string of the model: in the block while it lasts, else on the heap
 * (scenario_release tells the two apart). */
static char *room(Reader *r, size_t n)
{
    Scenario *s = r->s;
    if (s->block_len - r->used < n) return xmalloc(n);
    char *p = s->block + r->used;
    r->used += n;
    return p;
}

static char *keep(Reader *r, const char *src)
{
    size_t n = strlen(src) + 1;
    return memcpy(room(r, n), src, n);
}

/* The value of attribute `name`, kept; NULL when there is none. */
static char *attr(Reader *r, xmlNodePtr node, const char *name)
{
    const char *v = xml_value(node, name);
    return v ? keep(r, v) : NULL;
}

/* The text in `node`, kept as written or with its white space folded (fold_space). */
static char *content(Reader *r, xmlNodePtr node, int fold)
{
    char *spare = NULL;
    const char *src = xml_text(node);
    if (!src) src = spare = xml_content(node);       /* not text alone: the file is not valid */
    char *s;
    if (fold) {
        size_t n = strlen(src);
        char *to = room(r, n + 1);
        size_t len = fold_space_to(to, src);
        if (to == r->s->block + r->used - (n + 1)) r->used -= n - len;    /* the unused tail */
        s = to;
    } else {
        s = keep(r, src);
    }
    free(spare);
    return s;
}

/* ============================== small builders ============================== */

static void text_add(Reader *r, Text *t, xmlNodePtr node, const char *lang)
{
    GROW(t->v, t->n);
    const char *code = lang ? lang : "";
    char *own = scenario_own_lang(r->s, (char *)code);
    t->v[t->n].lang = own != code ? own : keep(r, code);
    t->v[t->n].str = content(r, node, 1);
    t->n++;
}

static void text_of(Reader *r, Text *t, xmlNodePtr node)
{
    text_add(r, t, node, xml_lang(node));
}

static int add_code(Scenario *s, char *src, int line, int is_expr)
{
    GROW(s->code, s->ncode);
    s->code[s->ncode] = (Code){src, line, is_expr};
    return s->ncode++;
}

static int attr_code(Reader *r, xmlNodePtr node, const char *name)
{
    char *src = attr(r, node, name);
    return src ? add_code(r->s, src, xml_line(node), 1) : NO_CODE;
}

static Target attr_target(Reader *r, xmlNodePtr node, const char *name)
{
    Target t = {TARGET_NONE, -1, attr(r, node, name)};
    return t;
}

static double attr_number(xmlNodePtr node, const char *name, double dflt)
{
    const char *v = xml_value(node, name);
    return v ? strtod(v, NULL) : dflt;
}

/* A <title>: a plain one into `title`, one with if="..." into the alternatives, where the
 * same condition right after it in another language is the same title. */
static void read_title(Reader *r, xmlNodePtr node, Text *title, AltTitle **alt, int *n)
{
    const char *src = xml_value(node, "if");
    if (!src) {
        text_of(r, title, node);
        return;
    }
    if (*n > 0 && streq(r->s->code[(*alt)[*n - 1].cond].src, src) && !text_has(&(*alt)[*n - 1].text, xml_lang(node) ? xml_lang(node) : "")) {
        text_of(r, &(*alt)[*n - 1].text, node);
        return;
    }
    GROW(*alt, *n);
    (*alt)[*n] = (AltTitle){attr_code(r, node, "if"), {NULL, 0}, xml_line(node)};
    text_of(r, &(*alt)[*n].text, node);
    (*n)++;
}

/* "ID-N", the id of a choice that has none: the scene's id and the choice's place in it. */
static char *numbered(Reader *r, const char *id, int n)
{
    char place[16];
    int len = snprintf(place, sizeof place, "-%d", n);
    size_t idlen = id ? strlen(id) : 0;
    char *s = room(r, idlen + (size_t)len + 1);
    memcpy(s, id ? id : "", idlen);
    memcpy(s + idlen, place, (size_t)len + 1);
    return s;
}

/* A <set> or <lua> element, or nothing when `node` is something else. */
static int read_effect(Reader *r, xmlNodePtr node, Effect **effects, int *n)
{
    Effect e = {0};
    e.line = xml_line(node);
    e.var = -1;
    e.code = NO_CODE;
    if (xml_is(node, "set") && xml_value(node, "fact")) {
        e.kind = EFFECT_SET;                        /* a fact is a variable of 1 or 0 */
        e.fact = 1;
        e.value = !streq(xml_value(node, "value"), "no");
        e.var_name = attr(r, node, "fact");
    } else if (xml_is(node, "set")) {
        const char *add = xml_value(node, "add");
        e.kind = add ? EFFECT_ADD : EFFECT_SET;
        e.value = add ? strtod(add, NULL) : attr_number(node, "value", 0);
        e.var_name = attr(r, node, "var");
    } else if (xml_is(node, "lua")) {
        e.kind = EFFECT_LUA;
        e.code = add_code(r->s, content(r, node, 0), e.line, 0);
    } else {
        return 0;
    }
    GROW(*effects, *n);
    (*effects)[(*n)++] = e;
    return 1;
}

/* Whether the text element `node` has the same if="..." (and needs, unless) as the paragraph
 * `it`: only then is it that paragraph in another language. */
static int same_condition(Reader *r, const Item *it, xmlNodePtr node)
{
    const char *src = xml_value(node, "if");
    const char *needs = xml_value(node, "needs"), *unless = xml_value(node, "unless");
    if ((it->needs || needs) && !streq(it->needs, needs)) return 0;
    if ((it->unless || unless) && !streq(it->unless, unless)) return 0;
    if (it->cond == NO_CODE || !src) return it->cond == NO_CODE && !src;
    return streq(r->s->code[it->cond].src, src);
}

/* A <text> or <say> element as an item of narration. */
static int read_item(Reader *r, xmlNodePtr node, Item **items, int *n)
{
    Item it = {0};
    it.line = xml_line(node);
    it.role = -1;
    it.cond = NO_CODE;
    if (xml_is(node, "text")) {
        /* <text xml:lang="nl"> followed by <text xml:lang="en"> is one paragraph in two
         * languages; a language seen again, or another condition, starts the next paragraph. */
        xmlNodePtr prev = xmlPreviousElementSibling(node);
        const char *lang = xml_lang(node);
        if (*n > 0 && prev && xml_is(prev, "text") && (*items)[*n - 1].kind == ITEM_TEXT &&
            !text_has(&(*items)[*n - 1].text, lang ? lang : "") && same_condition(r, &(*items)[*n - 1], node)) {
            text_add(r, &(*items)[*n - 1].text, node, lang);
            return 1;
        }
        it.kind = ITEM_TEXT;
        it.cond = attr_code(r, node, "if");
        it.needs = attr(r, node, "needs");
        it.unless = attr(r, node, "unless");
        text_add(r, &it.text, node, lang);
    } else if (xml_is(node, "say")) {
        it.kind = ITEM_SAY;
        it.role_name = attr(r, node, "who");
        it.line_key = attr(r, node, "line");
        it.cond = attr_code(r, node, "if");
        it.needs = attr(r, node, "needs");
        it.unless = attr(r, node, "unless");
        EACH_CHILD(c, node) if (xml_is(c, "text")) text_of(r, &it.text, c);
    } else {
        return 0;
    }
    GROW(*items, *n);
    (*items)[(*n)++] = it;
    return 1;
}

/* ============================== story elements ============================== */

static void read_variant(Reader *r, Choice *ch, xmlNodePtr node)
{
    Variant v = {0};
    v.line = xml_line(node);
    v.term = attr(r, node, "term");
    EACH_CHILD(c, node) {
        if (xml_is(c, "text")) text_of(r, &v.text, c);
        else if (xml_is(c, "third")) text_of(r, &v.third, c);
    }
    GROW(ch->variants, ch->nvariants);
    ch->variants[ch->nvariants++] = v;
}

static void read_choice(Reader *r, Scene *sc, xmlNodePtr node)
{
    Choice ch = {0};
    ch.line = xml_line(node);
    ch.id = attr(r, node, "id");
    if (!ch.id) ch.id = numbered(r, sc->id, sc->nchoices + 1);
    ch.to = attr_target(r, node, "to");
    ch.quality = attr(r, node, "quality");
    ch.term_at = -1;
    ch.corner = xml_value(node, "corner") ? (int)corner_from_id(xml_value(node, "corner")) : CORNER_NONE;
    ch.by_name = attr(r, node, "by");
    ch.turning = streq(xml_value(node, "turning"), "yes");
    ch.by = -1;
    ch.addressee_name = attr(r, node, "addressee");
    ch.addressee = -1;
    ch.cond = attr_code(r, node, "if");
    ch.needs = attr(r, node, "needs");
    ch.unless = attr(r, node, "unless");
    EACH_CHILD(c, node) {
        if (xml_is(c, "text")) text_of(r, &ch.text, c);
        else if (xml_is(c, "third")) text_of(r, &ch.third, c);
        else if (xml_is(c, "variant")) read_variant(r, &ch, c);
        else read_effect(r, c, &ch.effects, &ch.neffects);
    }
    GROW(sc->choices, sc->nchoices);
    sc->choices[sc->nchoices++] = ch;
}

static void read_scene(Reader *r, int act, xmlNodePtr node)
{
    Scenario *s = r->s;
    Scene sc = {0};
    sc.line = xml_line(node);
    sc.id = attr(r, node, "id");
    sc.act = act;
    sc.who_name = attr(r, node, "who");
    sc.who = WHO_ROTATE;
    sc.unplayed_turn = streq(xml_value(node, "unplayed"), "turn");
    sc.next = attr_target(r, node, "next");
    EACH_CHILD(c, node) {
        if (xml_is(c, "title")) read_title(r, c, &sc.title, &sc.alt_titles, &sc.nalt_titles);
        else if (xml_is(c, "goto")) {
            GROW(sc.gotos, sc.ngotos);
            Goto g = {attr_target(r, c, "to"), attr_code(r, c, "if"), xml_line(c)};
            sc.gotos[sc.ngotos++] = g;
        } else if (xml_is(c, "choice")) read_choice(r, &sc, c);
        else if (!read_effect(r, c, &sc.effects, &sc.neffects))
            read_item(r, c, &sc.items, &sc.nitems);
    }
    GROW(s->scenes, s->nscenes);
    s->scenes[s->nscenes++] = sc;
}

static void read_roles(Reader *r, xmlNodePtr node)
{
    Scenario *s = r->s;
    EACH_CHILD(c, node) {
        Role role = {0};
        role.line = xml_line(c);
        role.id = attr(r, c, "id");
        role.character = attr(r, c, "character");
        role.playable = streq(xml_value(c, "playable"), "yes");
        role.own = streq(xml_value(c, "own"), "yes");
        role.quadrants = attr(r, c, "quadrants");
        EACH_CHILD(b, c) if (xml_is(b, "brief")) text_of(r, &role.brief, b);
        GROW(s->roles, s->nroles);
        s->roles[s->nroles++] = role;
    }
}

static void read_vars(Reader *r, xmlNodePtr node)
{
    Scenario *s = r->s;
    EACH_CHILD(c, node) {
        Var v = {0};
        v.line = xml_line(c);
        v.id = attr(r, c, "id");
        v.value = attr_number(c, "value", 0);
        v.fact = xml_is(c, "fact");
        EACH_CHILD(t, c) if (xml_is(t, "title")) text_of(r, &v.title, t);
        GROW(s->vars, s->nvars);
        s->vars[s->nvars++] = v;
    }
}

static void read_setup(Reader *r, xmlNodePtr node)
{
    Scenario *s = r->s;
    EACH_CHILD(c, node) {
        Pick p = {0};
        p.line = xml_line(c);
        p.deck_name = attr(r, c, "deck");
        p.deck = -1;
        EACH_CHILD(t, c) if (xml_is(t, "text")) text_of(r, &p.text, t);
        GROW(s->picks, s->npicks);
        s->picks[s->npicks++] = p;
    }
}

static void read_card(Reader *r, Deck *d, xmlNodePtr node)
{
    Card k = {0};
    k.line = xml_line(node);
    k.id = attr(r, node, "id");
    k.age = (int)attr_number(node, "age", -1);
    EACH_CHILD(c, node) {
        if (xml_is(c, "name") && xml_lang(c)) {
            text_of(r, &k.names, c);
        } else if (xml_is(c, "name")) {
            scenario_release(r->s, k.name);             /* one name, in a valid file */
            k.name = content(r, c, 1);
        } else if (xml_is(c, "title")) {
            text_of(r, &k.title, c);
        } else if (xml_is(c, "text")) {
            text_of(r, &k.text, c);
        } else if (xml_is(c, "art")) {
            scenario_release(r->s, k.art);
            k.art = content(r, c, 0);
        }
    }
    GROW(d->cards, d->ncards);
    d->cards[d->ncards++] = k;
}

static void read_deck(Reader *r, xmlNodePtr node)
{
    Scenario *s = r->s;
    Deck d = {0};
    d.line = xml_line(node);
    d.id = attr(r, node, "id");
    EACH_CHILD(c, node) {
        if (xml_is(c, "title")) text_of(r, &d.title, c);
        else if (xml_is(c, "card")) read_card(r, &d, c);
    }
    GROW(s->decks, s->ndecks);
    s->decks[s->ndecks++] = d;
}

static void read_event(Reader *r, xmlNodePtr node)
{
    Scenario *s = r->s;
    Event e = {0};
    e.line = xml_line(node);
    e.id = attr(r, node, "id");
    e.to = attr_target(r, node, "to");
    e.cond = attr_code(r, node, "when");
    e.avail = attr_code(r, node, "if");
    EACH_CHILD(c, node) {
        if (xml_is(c, "title")) read_title(r, c, &e.title, &e.alt_titles, &e.nalt_titles);
        else if (xml_is(c, "unavailable")) text_of(r, &e.why, c);
        else if (xml_is(c, "name")) text_of(r, &e.names, c);
    }
    GROW(s->events, s->nevents);
    s->events[s->nevents++] = e;
}

static void read_ending(Reader *r, xmlNodePtr node)
{
    Scenario *s = r->s;
    Ending e = {0};
    e.line = xml_line(node);
    e.id = attr(r, node, "id");
    e.ret = r->act >= 0 && s->acts[r->act].ret;
    EACH_CHILD(c, node) {
        if (xml_is(c, "title")) text_of(r, &e.title, c);
        else read_item(r, c, &e.items, &e.nitems);
    }
    GROW(s->endings, s->nendings);
    s->endings[s->nendings++] = e;
}

static void read_debrief(Reader *r, xmlNodePtr node)
{
    Scenario *s = r->s;
    EACH_CHILD(c, node) {
        Question q = {0};
        q.line = xml_line(c);
        q.quality = attr(r, c, "quality");
        q.scene = attr(r, c, "scene");
        EACH_CHILD(t, c) if (xml_is(t, "text")) text_of(r, &q.text, t);
        GROW(s->questions, s->nquestions);
        s->questions[s->nquestions++] = q;
    }
}

static void read_langs(Reader *r, xmlNodePtr root)
{
    Scenario *s = r->s;
    const char *langs = xml_value(root, "lang");
    if (!langs) langs = "nl";
    for (const char *p = langs;;) {
        p += strspn(p, " \t\n");
        size_t n = strcspn(p, " \t\n");
        if (!n) break;
        GROW(s->langs, s->nlangs);
        char *lang = room(r, n + 1);
        memcpy(lang, p, n);
        lang[n] = '\0';
        s->langs[s->nlangs++] = lang;
        p += n;
    }
}

/* The root's attributes. */
static void read_head(Reader *r, xmlNodePtr root)
{
    Scenario *s = r->s;
    s->id = attr(r, root, "id");
    s->version = (int)attr_number(root, "version", 1);
    s->start = attr_target(r, root, "start");
    read_langs(r, root);
}

/* A child of the root other than an act, complete. */
static void read_part(Reader *r, xmlNodePtr c)
{
    Scenario *s = r->s;
    if (xml_is(c, "title")) text_of(r, &s->title, c);
    else if (xml_is(c, "summary")) text_of(r, &s->summary, c);
    else if (xml_is(c, "vars")) read_vars(r, c);
    else if (xml_is(c, "roles")) read_roles(r, c);
    else if (xml_is(c, "setup")) read_setup(r, c);
    else if (xml_is(c, "deck")) read_deck(r, c);
    else if (xml_is(c, "event")) read_event(r, c);
    else if (xml_is(c, "ending")) read_ending(r, c);
    else if (xml_is(c, "debrief")) read_debrief(r, c);
}

/* ============================== reading while streaming ============================== */

/* The file is read part by part as it streams by (xml_stream): the root's attributes when it
 * opens, each child of the root once it is complete, and an act's titles and scenes one at a
 * time, so that only one scene's tree exists at once. */
static void on_open(void *ud, xmlNodePtr node, int depth)
{
    Reader *r = ud;
    if (depth == 0) {
        read_head(r, node);
    } else if (depth == 1 && (xml_is(node, "act") || xml_is(node, "return"))) {
        Scenario *s = r->s;
        GROW(s->acts, s->nacts);
        s->acts[s->nacts] = (Act){.line = xml_line(node), .id = attr(r, node, "id"),
                                  .ret = xml_is(node, "return"), .after = attr(r, node, "after")};
        r->act = s->nacts++;
    }
}

/* Returns 1 when `node` has been read, and it and what came before it can go. */
static int on_close(void *ud, xmlNodePtr node, int depth)
{
    Reader *r = ud;
    if (depth == 2 && r->act >= 0) {
        assert(r->act < r->s->nacts);
        if (xml_is(node, "title")) text_of(r, &r->s->acts[r->act].title, node);
        else if (xml_is(node, "scene")) read_scene(r, r->act, node);
        else if (xml_is(node, "ending")) read_ending(r, node);       /* a return block's */
        return 1;
    }
    if (depth != 1) return 0;
    if (r->act >= 0) r->act = -1;
    else read_part(r, node);
    return 1;
}

/* ============================== the whole file ============================== */

/* The model of a file's bytes as they say it, not yet resolved: parsed, validated against the
 * schema and read; NULL with diagnostics when the file is not well-formed or not valid. */
static Scenario *read_model(const char *bytes, size_t len, const char *path, DiagList *d)
{
    static const XmlStreamFns fns = {on_open, on_close};
    Reader r = {.s = xcalloc(1, sizeof *r.s), .act = -1};
    /* Every string of the model comes from the file, no longer than there, but for the ids
     * of choices that have none. */
    r.s->block_len = len + 4096;
    r.s->block = xmalloc(r.s->block_len);          /* as large as the file */
    if (xml_stream(bytes, len, path, paths_schema(), &fns, &r, d)) {
        scenario_free(r.s);
        r.s = NULL;
    }
    return r.s;
}

/* The model of the file at `path`, resolved with `lx`: from the cache when the file is known
 * unchanged, or when the same bytes were read before with the same schema and lexicon; else
 * from the XML, and then kept in the cache when reading and resolving said nothing at all. The
 * bytes are read once, for the key and the parser. */
static Scenario *model_of(const char *path, const Lexicon *lx, DiagList *d)
{
    CacheSeen seen;
    Scenario *s = cache_load_unchanged(path, lx, &seen);
    if (s) return s;
    size_t len;
    char *bytes = xml_slurp(path, &len, d);
    if (!bytes) return NULL;
    CacheKey key;
    int cached = cache_key(bytes, len, &key);
    s = cached ? cache_load(&key, lx) : NULL;
    int kept = s != NULL;
    if (!s) {
        int before = d->n;
        s = read_model(bytes, len, path, d);
        if (s) {
            s->path = xstrdup(path);
            resolve_scenario(s, lx, d);
        }
        kept = s && d->n == before && cached && cache_store(&key, lx, s);
    }
    if (kept) cache_remember(path, &seen, &key);
    free(bytes);
    return s;
}

Scenario *load_scenario_unresolved(const char *path, const Lexicon *lx, DiagList *d)
{
    Scenario *s = model_of(path, lx, d);
    if (s && !s->path) s->path = xstrdup(path);
    return s;
}

Scenario *load_scenario(const char *path, const Lexicon *lx, DiagList *d)
{
    int errors = d->errors;
    Scenario *s = load_scenario_unresolved(path, lx, d);
    if (s && d->errors > errors) {
        scenario_free(s);
        return NULL;
    }
    return s;
}
