/*
 * sheets.c - printable HTML for a live session: per participant a character brief (who they
 * are, what they want, their character's quadrant, their goal, cues for body, emotion and
 * reason) and a private briefing page; the group's overview, for the wall; the trainer's page,
 * not for it; and the deck cards as posters (made in poster.c), one file per deck.
 */
#include "print/sheets.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/util.h"
#include "print/htmlkit.h"
#include "print/poster.h"

static const char css[] =
    ".role { font-size: 12pt; color: #4a5a68; margin: -2mm 0 4mm; }\n"
    ".brief { font-size: 11pt; }\n"
    ".cues li { margin-bottom: 1mm; }\n"
    ".private h1 { color: #8a1c1c; }\n"
    ".stamp { display: inline-block; border: 2px solid #8a1c1c; color: #8a1c1c; padding: 1mm 3mm;"
    " font-weight: 700; letter-spacing: 1px; margin-bottom: 4mm; }\n"
    ".card { border: 1px solid #c9d6e2; border-radius: 2mm; padding: 2mm 4mm; background: #f7fafc; }\n"
    /* A sheet is one A4: the page margin is the whole margin on paper (the body's padding
     * pushed the last cues of a long brief onto a page of their own). */
    "@media print { body { padding: 0; font-size: 10pt; } }\n";

/* The group's overview: one A3 page (landscape), to pin up or project: large type, black on
 * white, nothing that depends on colour. */
static const char overview_css[] =
    "@page { size: A3 landscape; margin: 14mm; }\n"
    "body { max-width: none; padding: 0; }\n"
    ".overview { font-size: 14pt; }\n"
    ".overview h1 { font-size: 34pt; margin: 0 0 3mm; }\n"
    ".overview h2 { font-size: 20pt; margin: 6mm 0 2mm; border-bottom: 2px solid #000; }\n"
    ".overview .situation { font-size: 15pt; max-width: 330mm; }\n"
    ".overview .cols { display: flex; gap: 12mm; }\n"
    ".overview .cols > div { flex: 2; }\n"
    ".overview .cols > div:first-child { flex: 3; }\n"
    ".overview table { width: 100%; border-collapse: collapse; }\n"
    ".overview td { padding: 1.5mm 2mm; border-bottom: 1px solid #888; vertical-align: top; }\n"
    ".overview td.who { font-weight: 700; white-space: nowrap; }\n"
    ".overview code { font-size: 15pt; font-weight: 700; white-space: nowrap; }\n"; /* a command read off the wall, whole */

/* A file name from a participant's name: letters and digits kept, the rest as '-'. */
static char *slug(const char *name)
{
    char *s = xstrdup(name && *name ? name : "participant");
    for (char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || (*p & 0x80)))
            *p = '-';
    if (s[0] == '.') s[0] = '-';
    return s;
}

static int save(htmlDocPtr doc, const char *dir, const char *file)
{
    char *path = path_join(dir, file);
    FILE *f = fopen(path, "w");
    int rc = f ? hk_write(doc, f) : -1;
    if (f && fclose(f)) rc = -1;
    if (rc) fprintf(stderr, _("verbeeld: cannot write %s\n"), path);
    else printf("%s\n", path);
    free(path);
    return rc;
}


/* What the participant practises: their character's quadrant as cast, and plainly whether that
 * is their opposite quadrant. */
static void practice(const Lexicon *lx, const Participant *p, const char *lang, xmlNodePtr page)
{
    Quadrant played;
    if (!p->character_core || lexicon_quadrant(lx, p->character_core, &played) != 0) return;
    const char *terms[CORNERS];
    for (int c = 0; c < CORNERS; c++) terms[c] = streq(lang, "en") ? played.en[c] : played.nl[c];
    hk_el(page, "h2", NULL, _("What you practise"));
    char *why = cast_practice(lx, p, lang);
    hk_el(page, "p", NULL, why);
    free(why);
    hk_quadrant(page, terms, NULL, _("Your character's quadrant"));
}

static void brief_page(const Scenario *s, const Lexicon *lx, const Participant *p, const SheetRole *r,
                       const char *lang, const char *const cues[SHEET_CUES], xmlNodePtr body)
{
    const char *fb = scenario_fallback(s);
    const Role *role = &s->roles[p->role];
    xmlNodePtr page = hk_el(body, "section", "page", NULL);
    const char *name = p->own_name && role->own ? p->own_name : r->name;
    hk_el(page, "h1", NULL, name ? name : role->id);
    char *sub = xasprintf(_("Character brief for %s"), p->name);
    if (r->title) {
        char *both = xasprintf("%s · %s", r->title, sub);
        free(sub);
        sub = both;
    }
    hk_el(page, "p", "role", sub);
    free(sub);
    hk_el(page, "h2", NULL, _("Who you are"));
    hk_el(page, "p", "brief", text_get(&role->brief, lang, fb));
    if (p->about) hk_el(page, "p", "brief", p->about);
    const char *portrait = lexicon_portrait(lx, p->character_core, lang);
    if (portrait) hk_el(page, "p", "brief", portrait);
    practice(lx, p, lang, page);
    if (p->goal && *p->goal) {
        xmlNodePtr g = hk_el(page, "p", NULL, NULL);
        hk_el(g, "strong", NULL, _("Your learning goal"));
        hk_text(g, ": ");
        hk_text(g, p->goal);
    }
    hk_el(page, "h2", NULL, _("Stepping into the role"));
    xmlNodePtr ul = hk_el(page, "ul", "cues", NULL);
    for (int k = 0; k < SHEET_CUES; k++)
        if (cues[k]) hk_el(ul, "li", NULL, cues[k]);
    hk_el(ul, "li", NULL, _("You may step out of the fiction at any moment: say /stop. Nobody holds it against you."));
    const Deck *deck = NULL;
    const Card *card = scenario_card(s, p->card, &deck);
    if (card) {
        hk_el(page, "h2", NULL, text_get(&deck->title, lang, fb));
        xmlNodePtr box = hk_el(page, "div", "card", NULL);
        xmlNodePtr h = hk_el(box, "p", NULL, NULL);
        hk_el(h, "strong", NULL, card->name ? deck_card_name(card, lang) : card->id);
        if (card->age >= 0) {
            char *age = xasprintf(ngettext(", %d year", ", %d years", card->age), card->age);
            hk_text(h, age);
            free(age);
        }
        if (card->title.n) {
            hk_text(h, " — ");
            hk_text(h, text_get(&card->title, lang, fb));
        }
        hk_el(box, "p", NULL, text_get(&card->text, lang, fb));
    }
    if (p->brief.n) {
        /* The private briefing gets a page of its own, so it can be handed over folded. */
        xmlNodePtr priv = hk_el(body, "section", "page private", NULL);
        hk_el(priv, "div", "stamp", _("PRIVATE"));
        char *h = xasprintf(_("Only for %s"), p->name);
        hk_el(priv, "h1", NULL, h);
        free(h);
        hk_el(priv, "p", "brief", text_get(&p->brief, lang, "nl"));
    }
}

static int posters(const Scenario *s, const char *lang, const char *dir)
{
    int rc = 0;
    for (int d = 0; d < s->ndecks; d++) {
        htmlDocPtr doc = poster_deck(s, &s->decks[d], lang);
        char *file = xasprintf("cards-%s.html", s->decks[d].id);     /* reserved in sheets_write */
        if (save(doc, dir, file)) rc = -1;
        free(file);
        xmlFreeDoc(doc);
    }
    return rc;
}

/* The first sentence of a text (up to its first ". "), for a line in a table. Fresh. */
static char *first_sentence(const char *text)
{
    const char *end = strstr(text, ". ");
    return end ? xstrndup(text, (size_t)(end - text + 1)) : xstrdup(text);
}

/* The group's page: the situation, who plays whom with a line each, and how anyone steps out of
 * the fiction. Not the incidents: the room would read on the wall what is meant to surprise
 * it, such as the school's planted conflict (they are on the trainer's page). */
static int overview(const Scenario *s, const Cast *cast, const SheetRole *roles, const char *lang, const char *dir)
{
    const char *fb = scenario_fallback(s);
    xmlNodePtr body;
    htmlDocPtr doc = hk_page(lang, text_get(&s->title, lang, fb), overview_css, &body);
    xmlNodePtr page = hk_el(body, "section", "page overview", NULL);
    hk_el(page, "h1", NULL, text_get(&s->title, lang, fb));
    hk_el(page, "p", "situation", text_get(&s->summary, lang, fb));
    xmlNodePtr cols = hk_el(page, "div", "cols", NULL);
    xmlNodePtr left = hk_el(cols, "div", NULL, NULL), right = hk_el(cols, "div", NULL, NULL);
    hk_el(left, "h2", NULL, _("Who plays whom"));
    xmlNodePtr table = hk_el(left, "table", NULL, NULL);
    for (int i = 0; i < cast->n; i++) {
        const Participant *p = &cast->p[i];
        if (p->role < 0) continue;
        const SheetRole *r = &roles[p->role];
        xmlNodePtr tr = hk_el(table, "tr", NULL, NULL);
        hk_el(tr, "td", "who", p->name);
        xmlNodePtr td = hk_el(tr, "td", NULL, NULL);
        hk_el(td, "strong", NULL, p->own_name && s->roles[p->role].own ? p->own_name : r->name ? r->name : s->roles[p->role].id);
        if (r->title && *r->title) {
            hk_text(td, " — ");
            hk_text(td, r->title);
            continue;          /* the brief speaks to its player ("You are..."), not to the room */
        }
        char *line = first_sentence(text_get(&s->roles[p->role].brief, lang, fb));
        if (*line) { hk_text(td, ". "); hk_text(td, line); }
        free(line);
    }
    hk_el(right, "h2", NULL, _("Stepping out"));
    xmlNodePtr out = hk_el(right, "p", NULL, _("Anyone may step out of the fiction at any moment, for any reason: say so, "
                                               "and the trainer types"));
    hk_text(out, " ");
    hk_el(out, "code", NULL, "/stop");
    hk_text(out, _(". The game and its clock stand still until"));
    hk_text(out, " ");
    hk_el(out, "code", NULL, "/go");
    hk_text(out, _(". It is recorded, never held against anyone."));
    int rc = save(doc, dir, "group.html");        /* reserved in sheets_write */
    xmlFreeDoc(doc);
    return rc;
}

/* The trainer's page, not for the wall: the incidents with how to start them, and who has a
 * private briefing. */
static int trainer_page(const Scenario *s, const Cast *cast, const char *lang, const char *dir)
{
    const char *fb = scenario_fallback(s);
    xmlNodePtr body;
    htmlDocPtr doc = hk_page(lang, text_get(&s->title, lang, fb), css, &body);
    xmlNodePtr page = hk_el(body, "section", "page trainer", NULL);
    hk_el(page, "h1", NULL, _("For the trainer"));
    hk_el(page, "p", "role", _("Not for the wall: what the group is not meant to know beforehand."));
    hk_el(page, "h2", NULL, _("Incidents you may bring in"));
    if (!s->nevents) hk_el(page, "p", NULL, _("This scenario has none."));
    xmlNodePtr ul = s->nevents ? hk_el(page, "ul", NULL, NULL) : NULL;
    for (int e = 0; e < s->nevents; e++) {       /* any of them, also one that may start by itself */
        xmlNodePtr li = hk_el(ul, "li", NULL, text_get(&s->events[e].title, lang, fb));
        hk_text(li, " ");
        char *cmd = xasprintf("/inject %s", scenario_event_name(s, e, lang));
        hk_el(li, "code", NULL, cmd);
        free(cmd);
    }
    int briefed = 0;
    for (int i = 0; i < cast->n; i++) briefed += cast->p[i].brief.n > 0;
    if (briefed) {
        hk_el(page, "h2", NULL, _("Private briefings"));
        xmlNodePtr list = hk_el(page, "ul", NULL, NULL);
        for (int i = 0; i < cast->n; i++)
            if (cast->p[i].brief.n)
                hk_el(list, "li", NULL, cast->p[i].name);
    }
    int rc = save(doc, dir, "trainer.html");      /* reserved in sheets_write */
    xmlFreeDoc(doc);
    return rc;
}

int sheets_write(const Scenario *s, const Lexicon *lx, const Cast *cast, const SheetRole *roles,
                 const char *const cues[SHEET_CUES], const char *lang, const char *dir)
{
    if (mkdir(dir, 0777) && errno != EEXIST) {
        fprintf(stderr, _("verbeeld: cannot write %s\n"), dir);
        return -1;
    }
    int rc = 0;
    NameSet names = {0};
    for (int d = 0; d < s->ndecks; d++) {      /* the posters' names first: ids, unique already */
        char *stem = xasprintf("cards-%s", s->decks[d].id);
        free(names_unique(&names, stem, "html"));
        free(stem);
    }
    free(names_unique(&names, "group", "html"));   /* the group's overview */
    free(names_unique(&names, "trainer", "html"));
    if (overview(s, cast, roles, lang, dir)) rc = -1;
    if (trainer_page(s, cast, lang, dir)) rc = -1;
    for (int i = 0; i < cast->n; i++) {
        const Participant *p = &cast->p[i];
        if (p->role < 0) continue;
        xmlNodePtr body;
        char *title = xasprintf(_("Character brief for %s"), p->name);
        htmlDocPtr doc = hk_page(lang, title, css, &body);
        free(title);
        brief_page(s, lx, p, &roles[p->role], lang, cues, body);
        char *name = slug(p->name), *file = names_unique(&names, name, "html");
        if (save(doc, dir, file)) rc = -1;
        free(name);
        free(file);
        xmlFreeDoc(doc);
    }
    if (posters(s, lang, dir)) rc = -1;
    names_free(&names);
    return rc;
}
