/*
 * html.c - the debrief as one self-contained, printable HTML file: the group's page (who
 * played whom, a timeline of the session, the story, the ending), then a page per participant
 * with their quadrants, the chart of their corners, moments, questions, anchor and return plan.
 * Built with libxml2's HTML tree and serializer, so every text from the journal is escaped.
 */
#include "debrief/html.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "print/htmlkit.h"

static const char css[] =
    ".meta th { width: 32mm; }\n"
    ".timeline { width: 100%; height: auto; margin: 1mm 0 2mm; }\n"
    ".story li.undone { text-decoration: line-through; color: #8a96a1; }\n"
    ".story .aside { color: #4a5a68; font-style: italic; }\n"
    /* the ending and what led to it on one sheet: split, it left a page of two lines */
    ".ending { break-inside: avoid; page-break-inside: avoid; }\n"
    ".story .react { list-style: none; color: #36454f; }\n"
    ".tag { font-size: 8.5pt; padding: 0.2mm 1.5mm; border-radius: 1mm; white-space: nowrap; }\n"
    ".tag.seen { border: 1px dashed currentColor; background: #ffffff !important; }\n"
    ".story .said { list-style: none; }\n"
    ".quadrants { display: flex; gap: 6mm; align-items: flex-start; }\n"
    ".quadrants figure { margin: 0; }\n"
    /* a little smaller than on the character sheets: a participant's section fits two pages */
    ".quadrants .quadrant { width: 64mm; }\n"
    ".quadrants figcaption { font-size: 9pt; color: #4a5a68; margin-bottom: 1mm; }\n"
    ".goal { font-size: 12pt; margin: 0 0 3mm; }\n"
    ".warning { border-left: 3pt solid #b3261e; padding: 1mm 3mm; margin: 2mm 0; }\n"
    ".questions li { margin-bottom: 2mm; }\n"
    ".questions .write { border-bottom: 1px dotted #9aa8b4; height: 5mm; }\n"
    ".theme { font-weight: 600; color: #12395b; }\n"
    /* the corners across the page: at its own width, what each means wrapped to five lines a row */
    ".corners { width: 100%; }\n"
    ".corners th:first-child { width: 28mm; }\n"
    ".corners td { white-space: nowrap; }\n"
    ".corners td:last-child { white-space: normal; }\n"
    ".plan { background: #f3f7fa; border-left: 3px solid #12395b; padding: 2mm 4mm;\n"
    "         break-inside: avoid; page-break-inside: avoid; }\n"
    ".plan p { margin: 1.5mm 0; line-height: 1.35; }\n"
    ".closing { break-inside: avoid; page-break-inside: avoid; }\n"
    ".votes { list-style: disc; margin: 0.5mm 0 1mm; font-style: normal; }\n"
    /* a part of a path is an atomic inline: lines may break between parts, not inside one */
    ".command .word { white-space: nowrap; }\n"
    ".command .part { display: inline-block; max-width: 100%; overflow-wrap: anywhere; }\n";

/* "caring: Ayla's own core quality", coloured as its corner (addressed: said to the participant). */
static void corner_tag(const Debrief *db, xmlNodePtr parent, const JournalRecord *e, int addressed)
{
    char *words = debrief_corner_words(db, e, addressed);
    if (!words) return;
    hk_text(parent, " ");
    Corner c = corner_from_id(e->corner);
    xmlNodePtr tag = hk_el(parent, "span", "tag", words);
    hk_attr(tag, "style", "background:%s;color:%s", hk_corner_fill(c), hk_corner_ink(c));
    free(words);
}

/* "seen as directness: Ayla's own core quality": what the trainer observed (/tag), said as the
 * corners of the choices are (addressed: to the participant), drawn apart from them (an
 * outline, no fill). */
static void observed_tag(const Debrief *db, xmlNodePtr parent, const JournalRecord *e, int addressed)
{
    Corner c = corner_from_id(e->corner);
    char *words = debrief_corner_words(db, e, addressed);
    char *seen = xasprintf("%s: %s", _("seen as"), words ? words : "");
    hk_text(parent, " ");
    xmlNodePtr tag = hk_el(parent, "span", "tag seen", seen);
    hk_attr(tag, "style", "color:%s", hk_corner_ink(c));
    free(seen);
    free(words);
}

/* A line said in one's own words: the participant, as their character, in quotes. */
static void said_line(xmlNodePtr li, const JournalRecord *e)
{
    hk_el(li, "strong", NULL, e->by);
    if (e->character) { hk_text(li, " ("); hk_text(li, e->character); hk_text(li, ")"); }
    hk_text(li, ", ");
    hk_text(li, _("in their own words"));
    hk_text(li, ": ");
    char *line = debrief_quoted(e->text, 0);
    hk_text(li, line);
    free(line);
}

static void who_chose(xmlNodePtr li, const JournalRecord *e)
{
    const char *by = e->by;
    hk_el(li, "strong", NULL, by ? by : e->character ? e->character : _("The group"));
    hk_text(li, ": ");
}

/* ============================== the group ============================== */

static void meta_row(xmlNodePtr table, const char *label, const char *value)
{
    xmlNodePtr tr = hk_el(table, "tr", NULL, NULL);
    hk_el(tr, "th", NULL, label);
    hk_el(tr, "td", NULL, value);
}

static void group_header(const Debrief *db, xmlNodePtr page)
{
    char *h = xasprintf("%s: %s", _("Debrief"), db->title ? db->title : db->scenario);
    hk_el(page, "h1", NULL, h);
    free(h);
    xmlNodePtr t = hk_el(page, "table", "meta", NULL);
    char date[32];
    debrief_datetime(db->started, date);
    meta_row(t, _("Scenario"), db->scenario);
    meta_row(t, _("Date"), date);
    char *s = xasprintf("%lld %s", debrief_minutes(db), _("min"));
    meta_row(t, _("Duration"), s);
    free(s);
    if ((s = debrief_branch_line(db))) meta_row(t, _("What if"), s);
    free(s);
    if ((s = debrief_first_run_line(db))) meta_row(t, _("The first time"), s);
    free(s);
    if ((s = debrief_then_line(db))) meta_row(t, _("Return session"), s);
    free(s);
    char *choices = debrief_choices_count(db);
    s = xasprintf("%s: %s · %s: %d · %s: %d · %s: %d", _("Choices"), choices, _("Time-outs"), db->timeouts,
                  _("Notes"), db->notes, _("Incidents"), db->incidents);
    free(choices);
    meta_row(t, _("In numbers"), s);
    free(s);
    hk_el(page, "h2", NULL, _("Who played whom"));
    t = hk_el(page, "table", "cast", NULL);
    xmlNodePtr tr = hk_el(t, "tr", NULL, NULL);
    hk_el(tr, "th", NULL, _("Participant"));
    hk_el(tr, "th", NULL, _("Character"));
    hk_el(tr, "th", NULL, _("Character's core quality"));
    hk_el(tr, "th", NULL, _("Learning goal"));
    for (int i = 0; i < db->np; i++) {
        const DebriefParticipant *p = &db->p[i];
        tr = hk_el(t, "tr", NULL, NULL);
        hk_el(tr, "td", NULL, p->name);
        hk_el(tr, "td", NULL, p->character);
        hk_el(tr, "td", NULL, debrief_term_name(db, p->character_core));
        hk_el(tr, "td", NULL, p->goal);
    }
}

/* The lane of a choice, time-out or note: its participant's, the group's (db->np), or that of
 * the characters nobody played (db->np + 1), which are no one's in the room. */
static int timeline_lane(const Debrief *db, const JournalRecord *e)
{
    const char *who = e->kind == REC_CHOICE ? e->by : e->kind == REC_TIMEOUT ? e->who : e->about;
    int lane = debrief_find(db, who);
    if (lane >= 0) return lane;
    return e->kind == REC_CHOICE && e->character ? db->np + 1 : db->np;
}

/* The session as lanes, one per participant, one for the group and one for the characters
 * nobody played (when they chose): a participant's choice a dot in the colour of its corner,
 * the others grey, time-outs as bars, notes as diamonds, scenes as thin lines. */
static void timeline(const Debrief *db, xmlNodePtr page)
{
    int n = 0, group = 0, others = 0;
    for (int i = 1; i < db->log->n; i++) {
        const JournalRecord *e = &db->rec[i];
        if (db->undone[i] || !(e->kind == REC_CHOICE || e->kind == REC_TIMEOUT || e->kind == REC_NOTE || e->kind == REC_SCENE))
            continue;
        n++;
        if (e->kind == REC_SCENE) continue;
        if (timeline_lane(db, e) == db->np) group = 1;
        if (timeline_lane(db, e) > db->np) others = 1;
    }
    /* the group's lane only when something fell in it: alone, the group's decisions are one's own */
    int lanes = db->np + group + others;
    const double left = 90, right = 12, top = 14, lane_h = 26, W = 720;
    double H = top + lanes * lane_h + 30, step = n > 1 ? (W - left - right) / (n - 1) : 0;
    xmlNodePtr svg = xmlNewChild(page, NULL, BAD_CAST "svg", NULL);
    xmlNewProp(svg, BAD_CAST "xmlns", BAD_CAST "http://www.w3.org/2000/svg");
    hk_attr(svg, "viewBox", "0 0 %.0f %.0f", W, H);
    xmlNewProp(svg, BAD_CAST "class", BAD_CAST "timeline");
    xmlNewProp(svg, BAD_CAST "role", BAD_CAST "img");
    xmlNewProp(svg, BAD_CAST "aria-label", BAD_CAST _("Timeline of the session"));
    for (int l = 0; l < lanes; l++) {
        double y = top + l * lane_h + lane_h / 2;
        xmlNodePtr t = xmlNewChild(svg, NULL, BAD_CAST "text", NULL);
        hk_attr(t, "x", "%d", 0);
        hk_attr(t, "y", "%.1f", y + 4);
        xmlNewProp(t, BAD_CAST "font-size", BAD_CAST "11");
        hk_text(t, l < db->np ? db->p[l].name : l == db->np && group ? _("The group") : _("Others"));
        xmlNodePtr line = xmlNewChild(svg, NULL, BAD_CAST "line", NULL);
        hk_attr(line, "x1", "%.1f", left - 6);
        hk_attr(line, "x2", "%.1f", W - right + 6);
        hk_attr(line, "y1", "%.1f", y);
        hk_attr(line, "y2", "%.1f", y);
        xmlNewProp(line, BAD_CAST "stroke", BAD_CAST "#d5dee6");
    }
    int k = 0, scene_no = 0;
    double labelled = -100;     /* where the last scene number stands: numbers may not overlap */
    for (int i = 1; i < db->log->n; i++) {
        const JournalRecord *e = &db->rec[i];
        if (db->undone[i] || !(e->kind == REC_CHOICE || e->kind == REC_TIMEOUT || e->kind == REC_NOTE || e->kind == REC_SCENE))
            continue;
        double x = left + k++ * step;
        if (e->kind == REC_SCENE) {
            xmlNodePtr line = xmlNewChild(svg, NULL, BAD_CAST "line", NULL);
            hk_attr(line, "x1", "%.1f", x);
            hk_attr(line, "x2", "%.1f", x);
            hk_attr(line, "y1", "%.1f", top - 4);
            hk_attr(line, "y2", "%.1f", top + lanes * lane_h);
            xmlNewProp(line, BAD_CAST "stroke", BAD_CAST "#9aa8b4");
            xmlNewProp(line, BAD_CAST "stroke-dasharray", BAD_CAST "2 3");
            ++scene_no;
            if (x - labelled < 8 + 6 * (scene_no >= 100 ? 3 : scene_no >= 10 ? 2 : 1)) {
                /* no room for its number beside the last one: the line says it */
                xmlNodePtr tip = xmlNewChild(line, NULL, BAD_CAST "title", NULL);
                hk_text(tip, e->title);
                continue;
            }
            labelled = x;
            xmlNodePtr t = xmlNewChild(svg, NULL, BAD_CAST "text", NULL);
            hk_attr(t, "x", "%.1f", x);
            hk_attr(t, "y", "%.1f", top + lanes * lane_h + 12);
            xmlNewProp(t, BAD_CAST "font-size", BAD_CAST "9");
            xmlNewProp(t, BAD_CAST "text-anchor", BAD_CAST "middle");
            xmlNewProp(t, BAD_CAST "fill", BAD_CAST "#5f6f7d");
            char num[16];
            snprintf(num, sizeof num, "%d", scene_no);
            hk_text(t, num);
            xmlNodePtr tip = xmlNewChild(t, NULL, BAD_CAST "title", NULL);
            hk_text(tip, e->title);
            continue;
        }
        int lane = timeline_lane(db, e);
        int row = lane <= db->np ? lane : db->np + group;     /* the others' lane follows */
        double y = top + row * lane_h + lane_h / 2;
        xmlNodePtr mark;
        if (e->kind == REC_CHOICE) {
            /* the colours are corners as a participant lives them; nobody in the room lived these */
            Corner c = lane < db->np ? corner_from_id(e->corner) : CORNER_NONE;
            mark = xmlNewChild(svg, NULL, BAD_CAST "circle", NULL);
            hk_attr(mark, "cx", "%.1f", x);
            hk_attr(mark, "cy", "%.1f", y);
            xmlNewProp(mark, BAD_CAST "r", BAD_CAST "6");
            xmlNewProp(mark, BAD_CAST "fill", BAD_CAST hk_corner_ink(c));
        } else if (e->kind == REC_TIMEOUT) {
            mark = xmlNewChild(svg, NULL, BAD_CAST "rect", NULL);
            hk_attr(mark, "x", "%.1f", x - 5);
            hk_attr(mark, "y", "%.1f", y - 7);
            xmlNewProp(mark, BAD_CAST "width", BAD_CAST "10");
            xmlNewProp(mark, BAD_CAST "height", BAD_CAST "14");
            xmlNewProp(mark, BAD_CAST "fill", BAD_CAST "#ffffff");
            xmlNewProp(mark, BAD_CAST "stroke", BAD_CAST "#1d2327");
            xmlNewProp(mark, BAD_CAST "stroke-width", BAD_CAST "2");
        } else {
            mark = xmlNewChild(svg, NULL, BAD_CAST "path", NULL);
            hk_attr(mark, "d", "M %.1f %.1f l 6 6 l -6 6 l -6 -6 z", x, y - 6);
            xmlNewProp(mark, BAD_CAST "fill", BAD_CAST "#7b5ea7");
        }
        xmlNodePtr tip = xmlNewChild(mark, NULL, BAD_CAST "title", NULL);
        hk_text(tip, e->text ? e->text : e->why ? e->why : _("Time-out"));
    }
    /* The legend, so the printed page explains itself. */
    xmlNodePtr p = hk_el(page, "p", "muted", NULL);
    /* In the participants' terms, as their lanes are read: the colours are their characters'
     * corners, and a character's core is its player's challenge. */
    static const char *const played[CORNERS] = {
        N_("challenge practised"), N_("into the allergy"), N_("back to own core quality"), N_("back into own pitfall"),
    };
    for (int c = 0; c < CORNERS; c++) {
        xmlNodePtr s = hk_el(p, "span", "tag", _(played[c]));
        hk_attr(s, "style", "background:%s;color:%s", hk_corner_fill((Corner)c), hk_corner_ink((Corner)c));
        hk_text(p, " ");
    }
    char *legend = xasprintf("● %s · □ %s · ◆ %s · %s", _("grey: the group, or a character nobody played"), _("time-out"),
                             _("note"), _("numbers: the scenes in order"));
    hk_text(p, legend);
    free(legend);
}

/* A vote: how it was decided, then a line per option with who voted for it (one line each,
 * so that an option's own full stop does not run into the next voter's name). */
static void story_vote(const Debrief *db, const JournalRecord *e, xmlNodePtr ul)
{
    xmlNodePtr li = hk_el(ul, "li", "aside", NULL);
    hk_el(li, "strong", NULL, _("Vote"));
    hk_text(li, " (");
    hk_text(li, debrief_vote_outcome(db, e));
    hk_text(li, "):");
    VoteLine *lines;
    int n = debrief_vote_lines(db, e, &lines);
    xmlNodePtr votes = hk_el(li, "ul", "votes", NULL);
    for (int k = 0; k < n; k++) {
        xmlNodePtr v = hk_el(votes, "li", NULL, NULL);
        hk_el(v, "em", NULL, lines[k].voters);
        hk_text(v, ": ");
        hk_text(v, lines[k].text);
    }
    debrief_vote_lines_free(lines, n);
}

static void story(const Debrief *db, xmlNodePtr page)
{
    hk_el(page, "h2", NULL, _("The story as it was played"));
    xmlNodePtr ul = NULL;
    for (int i = 1; i < db->log->n; i++) {
        const JournalRecord *e = &db->rec[i];
        int undone = db->undone[i];
        if (e->kind == REC_SCENE || e->kind == REC_EVENT || e->kind == REC_INJECT || e->kind == REC_RETURN) {
            /* no heading: it goes on under the heading above */
            char *h = debrief_heading_text(db, i);
            if (!h) continue;
            hk_el(page, "h3", NULL, h);
            free(h);
            ul = hk_el(page, "ul", "story", NULL);
            continue;
        }
        if (!ul) ul = hk_el(page, "ul", "story", NULL);
        xmlNodePtr li;
        if (e->kind == REC_CHOICE) {
            li = hk_el(ul, "li", undone ? "undone" : NULL, NULL);
            who_chose(li, e);
            hk_text(li, e->text);
            if (undone) hk_text(li, " (" );
            if (undone) hk_text(li, _("taken back"));
            if (undone) hk_text(li, ")");
            corner_tag(db, li, e, 0);
        } else if (debrief_said(db, i)) {
            li = hk_el(ul, "li", "react", NULL);
            hk_el(li, "em", NULL, e->who);
            if (e->text) {
                hk_text(li, ": “");
                hk_text(li, e->text);
                hk_text(li, "”");
            } else {
                hk_text(li, " (");
                hk_text(li, e->mood);
                hk_text(li, ")");
            }
        } else if (e->kind == REC_VOTE) {
            story_vote(db, e, ul);
        } else if (e->kind == REC_TIMEOUT) {
            li = hk_el(ul, "li", "aside", NULL);
            hk_el(li, "strong", NULL, "‖ ");
            hk_el(li, "strong", NULL, _("Time-out"));
            if (e->who) { hk_text(li, " ("); hk_text(li, _("called by")); hk_text(li, " "); hk_text(li, e->who); hk_text(li, ")"); }
            if (e->why) { hk_text(li, ": "); hk_text(li, e->why); }
        } else if (e->kind == REC_GO) {
            hk_el(ul, "li", "aside", NULL);
            hk_text(ul->last, "▶ ");
            hk_text(ul->last, _("Back into the fiction"));
        } else if (e->kind == REC_NOTE) {
            li = hk_el(ul, "li", "aside", NULL);
            hk_el(li, "strong", NULL, "✎ ");
            hk_el(li, "strong", NULL, _("Note"));
            if (e->about) { hk_text(li, " ("); hk_text(li, _("about")); hk_text(li, " "); hk_text(li, e->about); hk_text(li, ")"); }
            hk_text(li, ": ");
            hk_text(li, e->text);
        } else if (e->kind == REC_SAY) {
            said_line(hk_el(ul, "li", "said", NULL), e);
        } else if (e->kind == REC_TAG) {
            li = hk_el(ul, "li", "aside", NULL);
            hk_el(li, "strong", NULL, "◎ ");
            hk_el(li, "strong", NULL, _("Observed by the trainer"));
            hk_text(li, " (");
            hk_text(li, e->by);
            hk_text(li, "): ");
            hk_text(li, e->text);
            observed_tag(db, li, e, 0);
        } else if (e->kind == REC_UNDO) {
            int n = e->steps;
            char *s = xasprintf(ngettext("%d choice taken back", "%d choices taken back", n), n);
            hk_el(ul, "li", "aside", NULL);
            hk_text(ul->last, "↶ ");
            hk_text(ul->last, s);
            free(s);
        } else if (e->kind == REC_RESUME) {
            hk_el(ul, "li", "aside", _("the session was resumed"));
        } else if (e->kind == REC_BRANCH) {
            li = hk_el(ul, "li", "aside", NULL);
            hk_el(li, "strong", NULL, "↳ ");
            hk_el(li, "strong", NULL, _("What if"));
            hk_text(li, ": ");
            hk_text(li, _("from here on the story went another way"));
        } else if (e->kind == REC_ENDING) {
            char *h = xasprintf("%s: %s", _("Ending"), e->title ? e->title : "");
            xmlNodePtr ending = hk_el(page, "section", "ending", NULL);
            hk_el(ending, "h2", NULL, h);
            free(h);
            if (db->nled_to) {
                hk_el(ending, "p", NULL, _("The last choices before it:"));
                xmlNodePtr ol = hk_el(ending, "ol", NULL, NULL);
                for (int k = 0; k < db->nled_to; k++) {
                    const JournalRecord *c = &db->rec[db->led_to[k]];
                    li = hk_el(ol, "li", NULL, NULL);
                    who_chose(li, c);
                    hk_text(li, c->text);
                    corner_tag(db, li, c, 0);
                }
            }
            ul = NULL;
        }
    }
    if (db->ending_entry < 0) hk_el(page, "p", "muted", _("The story did not reach an ending."));
}

/* ============================== per participant ============================== */

static void moments(const Debrief *db, const DebriefParticipant *p, xmlNodePtr page)
{
    hk_el(page, "h2", NULL, _("The moments that mattered"));
    if (!p->nmoments) {
        hk_el(page, "p", "muted", _("None recorded."));
        return;
    }
    xmlNodePtr ul = hk_el(page, "ul", "story", NULL);
    for (int m = 0; m < p->nmoments; m++) {
        const Moment *mo = &p->moments[m];
        const JournalRecord *e = debrief_moment_record(db, mo);
        if (mo->kind == MOMENT_CORE) continue;
        if (mo->kind == MOMENT_REACTION) {
            xmlNodePtr li = hk_el(ul, "li", "react", NULL);
            hk_el(li, "em", NULL, e->who);
            hk_text(li, e->text ? ": “" : " (");
            hk_text(li, e->text ? e->text : e->mood);
            hk_text(li, e->text ? "”" : ")");
            continue;
        }
        xmlNodePtr li = hk_el(ul, "li", NULL, NULL);
        hk_el(li, "strong", NULL, debrief_moment_label(db, p, mo->kind));
        const char *scene = debrief_scene_title(db, mo->entry);
        if (scene && *scene) {
            hk_text(li, " (");
            hk_text(li, scene);
            hk_text(li, ")");
        }
        if (mo->ballot >= 0) {                  /* their vote, not the group's decision */
            hk_text(li, ", ");
            hk_text(li, _("your vote"));
        }
        if (mo->kind != MOMENT_TIMEOUT || e->why) hk_text(li, ": ");   /* a time-out needs no reason */
        if (mo->kind == MOMENT_TIMEOUT) { if (e->why) hk_text(li, e->why); }
        else if (mo->kind == MOMENT_NOTE) hk_text(li, e->text);
        else if (mo->kind == MOMENT_SAID) {
            char *line = debrief_quoted(e->text, 0);
            hk_text(li, line);
            free(line);
        }
        else if (mo->kind == MOMENT_OBSERVED) {
            hk_text(li, e->text);
            observed_tag(db, li, e, 1);
        } else {
            hk_text(li, e->text);
            corner_tag(db, li, e, 1);
        }
    }
}

static void rating_row(xmlNodePtr t, const char *label, const char *then, const char *now)
{
    xmlNodePtr tr = hk_el(t, "tr", NULL, NULL);
    hk_el(tr, "th", NULL, label);
    if (then) hk_el(tr, "td", NULL, then);
    hk_el(tr, "td", NULL, now);
}

/* The statement rated before and after; in a return session, then and now side by side, and
 * questions about the weeks in between. */
static void then_and_now(const Debrief *db, const DebriefParticipant *p, xmlNodePtr page)
{
    int side = db->is_return && p->was_there;
    if (!side && !p->before && !p->after && !db->is_return) return;
    hk_el(page, "h2", NULL, side ? _("Then and now") : _("Your statement"));
    if (p->statement) hk_el(page, "p", NULL, p->statement);
    xmlNodePtr t = hk_el(page, "table", "meta", NULL);
    if (side) rating_row(t, "", _("Then"), _("Now"));
    char *then = side ? debrief_rating_pair(p->then_before, p->then_after) : NULL;
    char *now = debrief_rating_pair(p->before, p->after);
    rating_row(t, _("Your statement (1 to 10)"), then, now);
    free(then);
    free(now);
    for (int c = 0; side && c < CORNERS; c++) {
        char *a = debrief_corner_share(p->then_corners, c), *b = debrief_corner_share(p->corners, c);
        char *label = xasprintf("%s: %s", corner_label((Corner)c), debrief_corner_meaning((Corner)c, p->exact));
        rating_row(t, label, a, b);
        free(label);
        free(a);
        free(b);
    }
    if (side) rating_row(t, _("Anchor"), p->then_anchor ? p->then_anchor : "\u2013", p->anchor ? p->anchor : "\u2013");
    if (!p->nbetween) return;
    hk_el(page, "h2", NULL, _("About the weeks in between"));
    xmlNodePtr ol = hk_el(page, "ol", "questions", NULL);
    for (int q = 0; q < p->nbetween; q++) {
        xmlNodePtr li = hk_el(ol, "li", NULL, p->between[q]);
        hk_el(li, "div", "write", NULL);
    }
}

/* A command to type, kept whole on the line: a browser breaks it after any hyphen
 * ("/tmp/pt-" | "t1"), which reads as two commands. Lines break between its words; a word too
 * long for a line (a deep path) is set as its parts up to each '/', a line may break between
 * them, and a part longer than a line breaks where it must rather than run off the page. */
static void command(xmlNodePtr parent, const char *cmd)
{
    xmlNodePtr code = hk_el(parent, "code", "command", NULL);
    for (const char *s = cmd; *s;) {
        size_t word = strcspn(s, " ");
        int whole = utf8_width(s, word) <= 40;     /* about half a line of code */
        for (size_t at = 0; at < word;) {
            size_t n = whole ? word : strcspn(s + at, "/");
            n = at + n < word ? n + 1 : word - at;      /* the slash stays with what it ends */
            char *piece = xstrndup(s + at, n);
            hk_el(code, "span", whole ? "word" : "part", piece);
            free(piece);
            at += n;
        }
        s += word;
        if (*s == ' ') { hk_text(code, " "); s++; }
    }
}

/* The anchor: named at the end of the game, brought from the first session, a card. */
static void anchor(const Debrief *db, const DebriefParticipant *p, xmlNodePtr page)
{
    const char *brought = debrief_anchor_brought(db, p);
    if (p->anchor || brought || p->anchor_title || p->anchor_prompt) hk_el(page, "h2", NULL, _("Your anchor"));
    if (p->anchor) {
        xmlNodePtr a = hk_el(page, "p", NULL, NULL);
        hk_text(a, _("What you named at the end of the game"));
        hk_text(a, ": ");
        hk_el(a, "strong", NULL, p->anchor);
    }
    if (brought) {
        xmlNodePtr a = hk_el(page, "p", NULL, NULL);
        hk_text(a, _("The anchor you brought from the first session"));
        hk_text(a, ": ");
        hk_el(a, "strong", NULL, brought);
    }
    if (p->anchor_title) {
        xmlNodePtr a = hk_el(page, "p", NULL, NULL);
        hk_text(a, _("The card you picked"));
        hk_text(a, ": ");
        hk_el(a, "strong", NULL, p->anchor_title);
        if (p->anchor_text) { hk_text(a, ". "); hk_text(a, p->anchor_text); }
    }
    if (p->anchor_prompt) hk_el(page, "p", NULL, p->anchor_prompt);
}

/* The plan for the return afternoon, with the commands that start it. */
static void return_plan(const Debrief *db, const DebriefParticipant *p, xmlNodePtr page)
{
    hk_el(page, "h2", NULL, _("The return afternoon"));
    xmlNodePtr plan = hk_el(page, "div", "plan", NULL);
    char day[32];
    debrief_date(db->return_day, day);
    xmlNodePtr pl = hk_el(plan, "p", NULL, NULL);
    hk_el(pl, "strong", NULL, _("Date (two weeks on)"));
    hk_text(pl, ": ");
    hk_text(pl, day);
    if (p->anchor) {
        pl = hk_el(plan, "p", NULL, NULL);
        hk_el(pl, "strong", NULL, _("Bring your anchor"));
        hk_text(pl, ": ");
        hk_text(pl, p->anchor);
    }
    if (p->goal && *p->goal) {
        pl = hk_el(plan, "p", NULL, NULL);
        hk_el(pl, "strong", NULL, _("Goal to re-check"));
        hk_text(pl, ": ");
        hk_text(pl, p->goal);
    }
    if (p->replay_scene) {
        pl = hk_el(plan, "p", NULL, NULL);
        hk_el(pl, "strong", NULL, _("Scene to replay"));
        hk_text(pl, ": ");
        hk_text(pl, p->replay_title ? p->replay_title : p->replay_scene);
        hk_text(pl, " (");
        hk_text(pl, p->replay_why);
        hk_text(pl, ")");
        pl = hk_el(plan, "p", NULL, NULL);
        hk_el(pl, "strong", NULL, _("Start there with"));
        hk_text(pl, ": ");
        char *cmd = debrief_replay_command(db, p);
        command(pl, cmd);
        free(cmd);
    }
    char *ret = debrief_return_command(db);
    if (ret) {
        pl = hk_el(plan, "p", NULL, NULL);
        hk_el(pl, "strong", NULL, _("The return situation, in the same characters"));
        hk_text(pl, ": ");
        command(pl, ret);
    }
    free(ret);
}

static void participant(const Debrief *db, const DebriefParticipant *p, xmlNodePtr body)
{
    xmlNodePtr page = hk_el(body, "section", "page participant", NULL);
    char *h = xasprintf("%s — %s", p->name ? p->name : "", p->character ? p->character : "");
    hk_el(page, "h1", NULL, h);
    free(h);
    if (p->goal && *p->goal) {
        xmlNodePtr g = hk_el(page, "p", "goal", NULL);
        hk_el(g, "strong", NULL, _("Learning goal"));
        hk_text(g, ": ");
        hk_text(g, p->goal);
    }
    if (p->has_quadrants) {
        xmlNodePtr row = hk_el(page, "div", "quadrants", NULL);
        const char *own[CORNERS], *opp[CORNERS];
        for (int c = 0; c < CORNERS; c++) {
            own[c] = debrief_term(db, &p->own, (Corner)c);
            opp[c] = debrief_term(db, &p->character_q, (Corner)c);
        }
        const char *caption = p->exact ? _("Your choices on your character's quadrant (the opposite)")
                                       : _("Your choices on your character's quadrant");
        xmlNodePtr fig = hk_el(row, "figure", NULL, NULL);
        hk_el(fig, "figcaption", NULL, _("Your quadrant"));
        hk_quadrant(fig, own, NULL, _("Your quadrant"));
        fig = hk_el(row, "figure", NULL, NULL);
        hk_el(fig, "figcaption", NULL, caption);
        hk_quadrant(fig, opp, p->corners, caption);
        if (!p->exact) {
            char *said = debrief_not_opposite(db, p);
            hk_el(page, "p", "warning", said);
            free(said);
        }
    }
    xmlNodePtr t = hk_el(page, "table", "corners", NULL);
    if (db->tags) {           /* what the trainer saw, in a column apart from the options picked */
        xmlNodePtr tr = hk_el(t, "tr", NULL, NULL);
        hk_el(tr, "th", NULL, _("Corner"));
        hk_el(tr, "th", NULL, _("Choices"));
        hk_el(tr, "th", NULL, _("Observed by the trainer"));
        hk_el(tr, "th", NULL, _("What it means"));
    }
    /* the corners, then the choices on none of them when there were any, so that the rows add
     * up to the choices made */
    for (int c = 0; c <= CORNERS; c++) {
        Corner corner = c < CORNERS ? (Corner)c : CORNER_NONE;
        int chosen = c < CORNERS ? p->corners[c] : p->unplaced, seen = c < CORNERS ? p->observed[c] : p->observed_unplaced;
        if (c == CORNERS && !chosen && !(db->tags && seen)) break;
        xmlNodePtr tr = hk_el(t, "tr", NULL, NULL);
        char n[16];
        snprintf(n, sizeof n, "%d", chosen);
        xmlNodePtr th = hk_el(tr, "th", NULL, corner_label(corner));
        if (c < CORNERS) hk_attr(th, "style", "color:%s", hk_corner_ink(corner));
        hk_el(tr, "td", NULL, n);
        if (db->tags) {
            snprintf(n, sizeof n, "%d", seen);
            hk_el(tr, "td", NULL, n);
        }
        hk_el(tr, "td", NULL, debrief_corner_meaning(corner, p->exact));
    }
    then_and_now(db, p, page);
    moments(db, p, page);
    if (p->nquestions) {
        hk_el(page, "h2", NULL, _("Questions for reflection"));
        xmlNodePtr ol = hk_el(page, "ol", "questions", NULL);
        for (int q = 0; q < p->nquestions; q++) {
            xmlNodePtr li = hk_el(ol, "li", NULL, NULL);
            hk_el(li, "span", "theme", prompts_theme_label(db->lib, p->questions[q].theme, db->lang));
            hk_text(li, " — ");
            hk_text(li, p->questions[q].text);
            hk_el(li, "div", "write", NULL);
        }
    }
    /* the anchor and the plan on one sheet: the plan alone on a page of its own was the third
     * page of a participant whose section fills two */
    xmlNodePtr closing = hk_el(page, "div", "closing", NULL);
    anchor(db, p, closing);
    if (!db->is_return) return_plan(db, p, closing);   /* after the return afternoon, no plan for another */
}

int html_write(const Debrief *db, FILE *out)
{
    xmlNodePtr body;
    char *title = xasprintf("%s: %s", _("Debrief"), db->title ? db->title : db->scenario ? db->scenario : "");
    htmlDocPtr doc = hk_page(db->lang, title, css, &body);
    free(title);
    if (db->only >= 0) {                  /* a handout: this participant's pages alone */
        participant(db, &db->p[db->only], body);
        int rc = hk_write(doc, out);
        xmlFreeDoc(doc);
        return rc;
    }
    xmlNodePtr page = hk_el(body, "section", "page group", NULL);
    group_header(db, page);
    hk_el(page, "h2", NULL, _("Timeline"));
    timeline(db, page);
    story(db, page);
    if (db->ngroup) {
        hk_el(page, "h2", NULL, _("Questions for the group"));
        xmlNodePtr gq = hk_el(page, "ol", "questions", NULL);
        for (int q = 0; q < db->ngroup; q++) hk_el(gq, "li", NULL, db->group_questions[q]);
    }
    for (int i = 0; i < db->np; i++) participant(db, &db->p[i], body);
    int rc = hk_write(doc, out);
    xmlFreeDoc(doc);
    return rc;
}
