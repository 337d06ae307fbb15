/*
 * poster.h - a scenario's deck cards as posters to pin up and take home: per card one page with
 * the name, age and title, a drawn portrait, the card's own drawing and its text (for the school,
 * the teacher's note). The page fills an A4 sheet, and every size is relative to the page's
 * width, so the same page printed on A1 is the same poster, larger.
 *
 * The pictures are SVG files beside the scenario, in a folder named after its file:
 * scenarios/school.xml has scenarios/school/portraits/elin.svg and
 * scenarios/school/drawings/elin.svg. They are put into the page itself (as data: URIs), so
 * the HTML file can be moved, mailed or printed anywhere. A card without a drawing shows its
 * <art>, or else an empty frame to draw in; a card without a portrait, its initial.
 */
#ifndef VB_POSTER_H
#define VB_POSTER_H

#include <libxml/HTMLtree.h>

#include "model/scenario.h"

/* The posters of one deck as an HTML document in `lang`, a page per card. Free it with
 * xmlFreeDoc. */
htmlDocPtr poster_deck(const Scenario *s, const Deck *deck, const char *lang);

/* Where the picture of `kind` ("portraits" or "drawings") of card `card_id` is looked for,
 * beside the scenario at `scenario_path`. Freshly allocated. */
char *poster_picture_path(const char *scenario_path, const char *kind, const char *card_id);

#endif
