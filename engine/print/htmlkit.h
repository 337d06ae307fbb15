/*
 * htmlkit.h - small helpers over libxml2's HTML tree for the printable pages (the HTML
 * debrief and the character sheets): a page with inline CSS, elements with text (escaped by
 * the serializer, never by hand), and the four-corner square as inline SVG.
 */
#ifndef VB_HTMLKIT_H
#define VB_HTMLKIT_H

#include <stdio.h>

#include <libxml/HTMLtree.h>

#include "model/lexicon.h"

/* A new HTML document in `lang` with <title> and the given CSS; *body receives the body. */
htmlDocPtr hk_page(const char *lang, const char *title, const char *css, xmlNodePtr *body);
/* An element under parent, with an optional class and text (either may be NULL). */
xmlNodePtr hk_el(xmlNodePtr parent, const char *tag, const char *cls, const char *text);
/* Append text to an element. */
void hk_text(xmlNodePtr parent, const char *text);
/* printf-style attribute. */
void hk_attr(xmlNodePtr node, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Serialize the document to out (UTF-8, indented). Returns 0, or -1. */
int hk_write(htmlDocPtr doc, FILE *out);

/* The four-corner square (Ofman's layout: core quality top left, pitfall top right, challenge
 * bottom right, allergy bottom left) as inline SVG under parent. terms[c] is the term of
 * corner c; counts, when not NULL, puts a count and a disc sized by it in each corner.
 * label is read out by screen readers. */
xmlNodePtr hk_quadrant(xmlNodePtr parent, const char *const terms[CORNERS], const int *counts, const char *label);

/* The colour of a corner (fill, and a darker ink). */
const char *hk_corner_fill(Corner c);
const char *hk_corner_ink(Corner c);

/* The CSS the printable pages share (fonts, A4 pages, the quadrant). */
extern const char hk_base_css[];

#endif
