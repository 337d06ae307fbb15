/*
 * htmlkit.c - libxml2 HTML tree helpers and the four-corner square in SVG, shared by the HTML
 * debrief and the character sheets. All text goes in as text nodes: the serializer escapes it.
 */
#include "print/htmlkit.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"

const char hk_base_css[] =
    "@page { size: A4; margin: 14mm; }\n"
    "* { box-sizing: border-box; }\n"
    "body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;"
    " color: #1d2327; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }\n"
    "h1 { font-size: 20pt; margin: 0 0 4mm; color: #12395b; }\n"
    "h2 { font-size: 13pt; margin: 6mm 0 2mm; color: #12395b; border-bottom: 1px solid #c9d6e2; }\n"
    "h3 { font-size: 11pt; margin: 4mm 0 1mm; }\n"
    "h2, h3 { break-after: avoid; page-break-after: avoid; }\n"    /* a heading stays with what follows */
    ".page { break-before: page; page-break-before: always; }\n"
    ".page:first-child { break-before: auto; page-break-before: auto; }\n"
    "table { border-collapse: collapse; }\n"
    "td, th { text-align: left; vertical-align: top; padding: 1mm 3mm 1mm 0; }\n"
    "th { font-weight: 600; color: #4a5a68; }\n"
    ".quadrant { width: 70mm; height: auto; }\n"
    ".quadrant text { font-family: inherit; }\n"
    ".muted { color: #5f6f7d; }\n"
    "ul, ol { margin: 1mm 0 2mm; padding-left: 6mm; }\n"
    "li { margin: 0.6mm 0; break-inside: avoid; }\n"
    "code { font-family: 'DejaVu Sans Mono', monospace; background: #eef3f7; padding: 0.5mm 1.5mm; border-radius: 1mm; }\n"
    "@media screen { body { padding: 10mm; } .page { border-top: 2px dashed #c9d6e2; margin-top: 12mm; padding-top: 8mm; }"
    " .page:first-child { border-top: none; margin-top: 0; } }\n";

htmlDocPtr hk_page(const char *lang, const char *title, const char *css, xmlNodePtr *body)
{
    htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
    xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);    /* <!DOCTYPE html> */
    xmlNodePtr html = xmlNewNode(NULL, BAD_CAST "html");
    xmlDocSetRootElement(doc, html);
    xmlNewProp(html, BAD_CAST "lang", BAD_CAST lang);
    xmlNodePtr head = hk_el(html, "head", NULL, NULL);
    xmlNodePtr meta = hk_el(head, "meta", NULL, NULL);
    xmlNewProp(meta, BAD_CAST "charset", BAD_CAST "utf-8");
    meta = hk_el(head, "meta", NULL, NULL);
    xmlNewProp(meta, BAD_CAST "name", BAD_CAST "generator");
    xmlNewProp(meta, BAD_CAST "content", BAD_CAST "verbeeld");
    hk_el(head, "title", NULL, title);
    StrBuf b;
    sb_init(&b);
    sb_add(&b, hk_base_css);
    if (css) sb_add(&b, css);
    hk_el(head, "style", NULL, b.s);
    sb_free(&b);
    *body = hk_el(html, "body", NULL, NULL);
    return doc;
}

xmlNodePtr hk_el(xmlNodePtr parent, const char *tag, const char *cls, const char *text)
{
    xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST tag, NULL);
    if (cls) xmlNewProp(n, BAD_CAST "class", BAD_CAST cls);
    if (text) hk_text(n, text);
    return n;
}

void hk_text(xmlNodePtr parent, const char *text)
{
    /* Journal text may hold control characters; clean_text keeps the page printable. */
    char *clean = clean_text(text ? text : "");
    xmlAddChild(parent, xmlNewText(BAD_CAST clean));
    free(clean);
}

void hk_attr(xmlNodePtr node, const char *name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    StrBuf b;
    sb_init(&b);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    xmlNewProp(node, BAD_CAST name, BAD_CAST b.s);
    sb_free(&b);
}

int hk_write(htmlDocPtr doc, FILE *out)
{
    xmlChar *mem = NULL;
    int len = 0;
    htmlDocDumpMemoryFormat(doc, &mem, &len, 1);
    if (!mem) return -1;
    size_t w = fwrite(mem, 1, (size_t)len, out);
    xmlFree(mem);
    return w == (size_t)len && !ferror(out) ? 0 : -1;
}

const char *hk_corner_fill(Corner c)
{
    static const char *const fill[] = {"#d8efd9", "#fde6c8", "#d9e6f5", "#f7d4d4"};
    return c >= 0 && c < CORNERS ? fill[c] : "#eeeeee";
}

const char *hk_corner_ink(Corner c)
{
    static const char *const ink[] = {"#2e7d32", "#b86e00", "#2f5f98", "#b3261e"};
    return c >= 0 && c < CORNERS ? ink[c] : "#555555";
}

static xmlNodePtr svg_el(xmlNodePtr parent, const char *tag)
{
    return xmlNewChild(parent, NULL, BAD_CAST tag, NULL);
}

static void svg_text(xmlNodePtr parent, double x, double y, const char *cls, const char *anchor, const char *text)
{
    xmlNodePtr t = svg_el(parent, "text");
    /* A long word ("onverschilligheid") is set smaller so that it stays inside its corner. */
    size_t w = utf8_width(text, strlen(text));
    if (cls && streq(cls, "t") && w > 13) hk_attr(t, "style", "font-size:%.1fpx", 15.0 * 13 / (double)w);
    hk_attr(t, "x", "%.1f", x);
    hk_attr(t, "y", "%.1f", y);
    if (anchor) xmlNewProp(t, BAD_CAST "text-anchor", BAD_CAST anchor);
    if (cls) xmlNewProp(t, BAD_CAST "class", BAD_CAST cls);
    hk_text(t, text);
}

xmlNodePtr hk_quadrant(xmlNodePtr parent, const char *const terms[CORNERS], const int *counts, const char *label)
{
    /* Cells: core (0) top left, pitfall (1) top right, challenge (2) bottom right, allergy (3)
     * bottom left, as Ofman draws it: clockwise from the core quality. */
    static const double cx[CORNERS] = {0, 1, 1, 0}, cy[CORNERS] = {0, 0, 1, 1};
    const double W = 300, H = 240, pad = 6, cw = (W - 3 * pad) / 2, ch = (H - 3 * pad) / 2;
    xmlNodePtr svg = svg_el(parent, "svg");
    xmlNewProp(svg, BAD_CAST "xmlns", BAD_CAST "http://www.w3.org/2000/svg");
    hk_attr(svg, "viewBox", "0 0 %.0f %.0f", W, H);
    xmlNewProp(svg, BAD_CAST "class", BAD_CAST "quadrant");
    xmlNewProp(svg, BAD_CAST "role", BAD_CAST "img");
    xmlNewProp(svg, BAD_CAST "aria-label", BAD_CAST label);
    xmlNodePtr style = svg_el(svg, "style");
    hk_text(style, ".t{font-size:15px;font-weight:700}.l{font-size:10px;fill:#4a5a68;text-transform:uppercase;"
                   "letter-spacing:.5px}.n{font-size:22px;font-weight:700}");
    int max = 1;
    for (int c = 0; counts && c < CORNERS; c++)
        if (counts[c] > max) max = counts[c];
    for (int c = 0; c < CORNERS; c++) {
        double x = pad + cx[c] * (cw + pad), y = pad + cy[c] * (ch + pad);
        xmlNodePtr r = svg_el(svg, "rect");
        hk_attr(r, "x", "%.1f", x);
        hk_attr(r, "y", "%.1f", y);
        hk_attr(r, "width", "%.1f", cw);
        hk_attr(r, "height", "%.1f", ch);
        xmlNewProp(r, BAD_CAST "rx", BAD_CAST "8");
        xmlNewProp(r, BAD_CAST "fill", BAD_CAST hk_corner_fill((Corner)c));
        xmlNewProp(r, BAD_CAST "stroke", BAD_CAST hk_corner_ink((Corner)c));
        svg_text(svg, x + 10, y + 18, "l", NULL, corner_label((Corner)c));
        /* Long terms ("setting boundaries") go on two lines to stay inside their corner. */
        const char *term = terms[c] ? terms[c] : "", *sp = strchr(term, ' ');
        if (strlen(term) > 13 && sp) {
            char *first = xstrndup(term, (size_t)(sp - term));
            svg_text(svg, x + 10, y + 40, "t", NULL, first);
            svg_text(svg, x + 10, y + 58, "t", NULL, sp + 1);
            free(first);
        } else {
            svg_text(svg, x + 10, y + 40, "t", NULL, term);
        }
        if (counts) {
            double rad = counts[c] ? 8 + 22.0 * counts[c] / max : 0;
            if (rad > 0) {
                xmlNodePtr disc = svg_el(svg, "circle");
                hk_attr(disc, "cx", "%.1f", x + cw - 36);
                hk_attr(disc, "cy", "%.1f", y + ch - 34);
                hk_attr(disc, "r", "%.1f", rad);
                xmlNewProp(disc, BAD_CAST "fill", BAD_CAST hk_corner_ink((Corner)c));
                xmlNewProp(disc, BAD_CAST "fill-opacity", BAD_CAST "0.25");
            }
            char n[16];
            snprintf(n, sizeof n, "%d", counts[c]);
            xmlNodePtr t = svg_el(svg, "text");
            hk_attr(t, "x", "%.1f", x + cw - 36);
            hk_attr(t, "y", "%.1f", y + ch - 26);
            xmlNewProp(t, BAD_CAST "text-anchor", BAD_CAST "middle");
            xmlNewProp(t, BAD_CAST "class", BAD_CAST "n");
            xmlNewProp(t, BAD_CAST "fill", BAD_CAST hk_corner_ink((Corner)c));
            hk_text(t, n);
        }
    }
    /* The arrows between the corners: too much of a good thing (right, and left below),
     * the positive and the negative opposite (down on the right, up on the left). */
    static const char *const arrows[] = {"M %.0f 62 h 12", "M 225 %.0f v 12", "M %.0f 178 h -12", "M 75 %.0f v -12"};
    double at[] = {W / 2 - 6, H / 2 - 6, W / 2 + 6, H / 2 + 6};
    static int serial;            /* marker ids must be unique in the whole page */
    char marker[32], url[40];
    snprintf(marker, sizeof marker, "arrow-%d", ++serial);
    snprintf(url, sizeof url, "url(#%s)", marker);
    for (int a = 0; a < 4; a++) {
        xmlNodePtr p = svg_el(svg, "path");
        hk_attr(p, "d", arrows[a], at[a]);
        xmlNewProp(p, BAD_CAST "stroke", BAD_CAST "#4a5a68");
        xmlNewProp(p, BAD_CAST "stroke-width", BAD_CAST "2");
        xmlNewProp(p, BAD_CAST "marker-end", BAD_CAST url);
    }
    xmlNodePtr defs = svg_el(svg, "defs");
    xmlNodePtr m = svg_el(defs, "marker");
    xmlNewProp(m, BAD_CAST "id", BAD_CAST marker);
    xmlNewProp(m, BAD_CAST "viewBox", BAD_CAST "0 0 10 10");
    xmlNewProp(m, BAD_CAST "refX", BAD_CAST "5");
    xmlNewProp(m, BAD_CAST "refY", BAD_CAST "5");
    xmlNewProp(m, BAD_CAST "markerWidth", BAD_CAST "4");
    xmlNewProp(m, BAD_CAST "markerHeight", BAD_CAST "4");
    xmlNewProp(m, BAD_CAST "orient", BAD_CAST "auto");
    xmlNodePtr tip = svg_el(m, "path");
    xmlNewProp(tip, BAD_CAST "d", BAD_CAST "M0 0 L10 5 L0 10 z");
    xmlNewProp(tip, BAD_CAST "fill", BAD_CAST "#4a5a68");
    return svg;
}
