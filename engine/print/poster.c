/*
 * poster.c - the deck cards as posters: per card a page with the name, a drawn portrait, the
 * card's drawing and its text, sized in rem against a root size set from the page's width.
 */
#include "print/poster.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "print/htmlkit.h"

/* A picture larger than this is not a hand-drawn SVG: it is left out. */
#define PICTURE_LIMIT (256 * 1024)

/* One rem is a fiftieth of the page's width (2vw: in print, the page's): 4.2mm on A4, 11.88mm
 * on A1. The page is then about 70.7rem high on every A size, and the poster is drawn once, in
 * rem. The page's size is the one line to change for a larger print (A1: 594mm 841mm; CSS has
 * no keyword for it). */
static const char css[] =
    "@page { size: 210mm 297mm; margin: 0; }\n"
    "html { font-size: 2vw; }\n"
    "body { max-width: none; margin: 0; padding: 0; font-size: 1rem; }\n"
    ".poster { width: 50rem; height: 70.5rem; padding: 2.6rem 3rem 2.4rem; display: flex;"
    " flex-direction: column; overflow: hidden; background: #fffdf7; }\n"
    ".poster .head { display: flex; align-items: center; gap: 2.2rem; }\n"
    ".poster .portrait { width: 13rem; height: 13rem; flex: none; border-radius: 50%;"
    " border: 0.35rem solid #12395b; background: #fff; overflow: hidden; display: flex;"
    " align-items: center; justify-content: center; }\n"
    ".poster .portrait img { width: 100%; height: 100%; object-fit: cover; }\n"
    ".poster .portrait .initial { font-size: 7rem; font-weight: 700; color: #12395b; }\n"
    ".poster h1 { font-size: 5.2rem; line-height: 1; margin: 0; color: #12395b; }\n"
    ".poster .age { font-size: 1.7rem; color: #4a5a68; margin-top: 0.6rem; }\n"
    ".poster .title { font-size: 2.1rem; font-style: italic; color: #8a3b12; margin-top: 0.3rem; }\n"
    ".poster .drawing { flex: 1; min-height: 0; margin: 2rem 0 1.6rem; padding: 1rem;"
    " background: #fff; border: 0.12rem solid #d8cfb8; box-shadow: 0.25rem 0.3rem 0 #e8e0cc;"
    " transform: rotate(-0.6deg); display: flex; align-items: center; justify-content: center; }\n"
    ".poster .drawing img { max-width: 100%; max-height: 100%; width: 100%; height: 100%; object-fit: contain; }\n"
    ".poster .drawing pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 2.4rem; line-height: 1.15; margin: 0; }\n"
    ".poster .drawing.empty { border-style: dashed; border-width: 0.2rem; box-shadow: none; transform: none;"
    " color: #8a8f94; font-size: 1.4rem; align-items: flex-end; }\n"
    ".poster .note { font-size: 1.3rem; line-height: 1.45; background: #f3f7fb; border-left: 0.5rem solid #12395b;"
    " padding: 1rem 1.4rem; }\n"
    ".poster .note .from { font-size: 1rem; font-weight: 700; color: #12395b; text-transform: uppercase;"
    " letter-spacing: 0.08rem; margin: 0 0 0.3rem; font-style: normal; }\n"
    ".poster .note p { margin: 0; font-style: italic; }\n"
    "@media screen { .poster { margin: 0 auto; box-shadow: 0 0 0.5rem #aaa; } }\n";

char *poster_picture_path(const char *scenario_path, const char *kind, const char *card_id)
{
    const char *p = scenario_path ? scenario_path : "";
    const char *slash = strrchr(p, '/');
    const char *base = slash ? slash + 1 : p;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot > base ? (size_t)(dot - p) : strlen(p);
    return xasprintf("%.*s/%s/%s.svg", (int)stem, p, kind, card_id);
}

static void base64(StrBuf *b, const unsigned char *s, size_t n)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
        char q[5] = { abc[v >> 18 & 63], abc[v >> 12 & 63], i + 1 < n ? abc[v >> 6 & 63] : '=',
                      i + 2 < n ? abc[v & 63] : '=', 0 };
        sb_add(b, q);
    }
}

/* The picture as an <img> under parent, when the file is there and is an SVG; 0, or -1. */
static int picture(xmlNodePtr parent, const Scenario *s, const char *kind, const Card *card, const char *alt)
{
    char *path = poster_picture_path(s->path, kind, card->id);
    size_t n = 0;
    char *svg = read_file(path, PICTURE_LIMIT, &n);
    free(path);
    if (!svg) return -1;
    if (!utf8_valid(svg, n) || !strstr(svg, "<svg")) {
        free(svg);
        return -1;
    }
    StrBuf b;
    sb_init(&b);
    sb_add(&b, "data:image/svg+xml;base64,");
    base64(&b, (const unsigned char *)svg, n);
    free(svg);
    xmlNodePtr img = hk_el(parent, "img", NULL, NULL);
    hk_attr(img, "src", "%s", b.s);
    hk_attr(img, "alt", "%s", alt);
    sb_free(&b);
    return 0;
}

/* The first letter of a name (one UTF-8 character), for a card without a portrait. */
static char *initial(const char *name)
{
    size_t n = 1;
    while (name[0] && (name[n] & 0xC0) == 0x80) n++;
    return xstrndup(name, name[0] ? n : 0);
}

static void poster(xmlNodePtr body, const Scenario *s, const Card *card, const char *lang)
{
    const char *fb = scenario_fallback(s);
    const char *name = card->name ? deck_card_name(card, lang) : card->id;
    xmlNodePtr page = hk_el(body, "section", "page poster", NULL);
    xmlNodePtr head = hk_el(page, "div", "head", NULL);
    xmlNodePtr frame = hk_el(head, "div", "portrait", NULL);
    char *alt = xasprintf(_("Portrait of %s"), name);
    if (picture(frame, s, "portraits", card, alt)) {
        char *first = initial(name);
        hk_el(frame, "span", "initial", first);
        free(first);
    }
    free(alt);
    xmlNodePtr who = hk_el(head, "div", NULL, NULL);
    hk_el(who, "h1", NULL, name);
    if (card->age >= 0) {
        char *age = xasprintf(ngettext("%d year", "%d years", card->age), card->age);
        hk_el(who, "div", "age", age);
        free(age);
    }
    if (card->title.n) hk_el(who, "div", "title", text_get(&card->title, lang, fb));
    xmlNodePtr drawing = hk_el(page, "div", "drawing", NULL);
    alt = xasprintf(_("Drawing by %s"), name);
    if (picture(drawing, s, "drawings", card, alt)) {
        if (card->art) hk_el(drawing, "pre", NULL, card->art);
        else {
            xmlSetProp(drawing, BAD_CAST "class", BAD_CAST "drawing empty");
            hk_el(drawing, "span", NULL, alt);
        }
    }
    free(alt);
    const char *text = text_get(&card->text, lang, fb);
    if (text && *text) {
        xmlNodePtr note = hk_el(page, "div", "note", NULL);
        hk_el(note, "p", "from", _("From the teacher"));
        hk_el(note, "p", NULL, text);
    }
}

htmlDocPtr poster_deck(const Scenario *s, const Deck *deck, const char *lang)
{
    xmlNodePtr body;
    htmlDocPtr doc = hk_page(lang, text_get(&deck->title, lang, scenario_fallback(s)), css, &body);
    for (int c = 0; c < deck->ncards; c++) poster(body, s, &deck->cards[c], lang);
    return doc;
}
