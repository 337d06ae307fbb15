/*
 * markdown.c - the debrief as Markdown: readable in a terminal and on paper.
 */
#include "debrief.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "util.h"

/* Text from the journal, safe in Markdown and on a terminal. */
static void put(FILE *out, const char *s)
{
    char *clean = clean_text(s ? s : "");
    for (char *p = clean; *p; p++) {
        if (*p == '\n') fputc(' ', out);
        else {
            if (strchr("*_`[]<>#|\\", *p)) fputc('\\', out);
            fputc(*p, out);
        }
    }
    free(clean);
}

static const char *who_of(json_object *e)
{
    return jstr(e, "by");
}

static void header(const Debrief *db, FILE *out)
{
    fprintf(out, "# %s: ", _("Debrief"));
    put(out, db->title ? db->title : db->scenario);
    fprintf(out, "\n\n");
    char date[32] = "";
    time_t t = (time_t)db->started;
    struct tm tm;
    if (db->started && localtime_r(&t, &tm)) strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm);
    long long minutes = db->finished > db->started ? (db->finished - db->started + 59) / 60 : 0;
    fprintf(out, "- %s: %s\n", _("Date"), date);
    fprintf(out, "- %s: %lld %s\n", _("Duration"), minutes, _("min"));
    fprintf(out, "- %s: %d · %s: %d · %s: %d\n\n", _("Choices"), db->choices, _("Time-outs"), db->timeouts,
            _("Notes"), db->notes);
    fprintf(out, "## %s\n\n", _("Who played whom"));
    for (int i = 0; i < db->np; i++) {
        const DebriefParticipant *p = &db->p[i];
        fprintf(out, "- **");
        put(out, p->name);
        fprintf(out, "** %s ", _("played"));
        put(out, p->character);
        fprintf(out, " (%s: ", _("core quality"));
        put(out, p->character_core);
        fprintf(out, ")");
        if (p->goal && *p->goal) {
            fprintf(out, ". %s: ", _("Learning goal"));
            put(out, p->goal);
        }
        fprintf(out, "\n");
    }
    fprintf(out, "\n");
}

/* ============================== the story ============================== */

static void story_choice(json_object *e, int undone, FILE *out)
{
    const char *by = who_of(e);
    fprintf(out, "- %s", undone ? "~~" : "");
    if (by) {
        fprintf(out, "**");
        put(out, by);
        fprintf(out, "**");
    } else if (jstr(e, "character")) {
        put(out, jstr(e, "character"));
    } else {
        fprintf(out, "**%s**", _("The group"));
    }
    fprintf(out, ": ");
    put(out, jstr(e, "text"));
    if (undone) fprintf(out, "~~ (%s)", _("taken back"));
    if (jstr(e, "quality")) {
        fprintf(out, " — *");
        put(out, jstr(e, "quality"));
        if (jstr(e, "corner")) fprintf(out, ": %s", corner_label(corner_from_id(jstr(e, "corner"))));
        fprintf(out, "*");
    }
    fprintf(out, "\n");
}

static void story_reaction(json_object *e, FILE *out)
{
    const char *text = jstr(e, "text"), *mood = jstr(e, "mood");
    if (!text && !mood) return;
    fprintf(out, "  - ");
    put(out, jstr(e, "who"));
    if (text) {
        fprintf(out, ": “");
        put(out, text);
        fprintf(out, "”");
    } else {
        fprintf(out, " (");
        put(out, mood);
        fprintf(out, ")");
    }
    fprintf(out, "\n");
}

static void story_aside(json_object *e, const char *ev, FILE *out)
{
    if (streq(ev, "timeout")) {
        fprintf(out, "- ⏸ **%s**", _("Time-out"));
        if (jstr(e, "who")) { fprintf(out, " (%s ", _("called by")); put(out, jstr(e, "who")); fprintf(out, ")"); }
        if (jstr(e, "why")) { fprintf(out, ": "); put(out, jstr(e, "why")); }
        fprintf(out, "\n");
    } else if (streq(ev, "go")) {
        fprintf(out, "- ▶ %s\n", _("Back into the fiction"));
    } else if (streq(ev, "note")) {
        fprintf(out, "- ✎ **%s**", _("Note"));
        if (jstr(e, "about")) { fprintf(out, " (%s ", _("about")); put(out, jstr(e, "about")); fprintf(out, ")"); }
        fprintf(out, ": ");
        put(out, jstr(e, "text"));
        fprintf(out, "\n");
    } else if (streq(ev, "undo")) {
        int n = (int)jint(e, "steps", 1);
        fprintf(out, "- ↶ ");
        fprintf(out, ngettext("%d choice taken back", "%d choices taken back", n), n);
        fprintf(out, "\n");
    } else if (streq(ev, "resume")) {
        fprintf(out, "- … %s\n", _("the session was resumed"));
    } else if (streq(ev, "script-error")) {
        fprintf(out, "- (%s: ", _("script error"));
        put(out, jstr(e, "text"));
        fprintf(out, ")\n");
    }
}

static void story(const Debrief *db, FILE *out)
{
    fprintf(out, "## %s\n", _("The story as it was played"));
    for (int i = 1; i < db->log->n; i++) {
        json_object *e = db->log->v[i];
        const char *ev = jstr(e, "ev");
        int undone = db->undone[i];
        if (streq(ev, "scene")) {
            if (undone) continue;     /* the taken-back choices stay under the scene before */
            fprintf(out, "\n### ");
            put(out, jstr(e, "title") && *jstr(e, "title") ? jstr(e, "title") : jstr(e, "scene"));
            fprintf(out, "\n\n");
        } else if (streq(ev, "event") || streq(ev, "inject")) {
            fprintf(out, "\n### %s: ", streq(ev, "inject") ? _("Incident (started by the trainer)") : _("Incident"));
            put(out, jstr(e, "title"));
            fprintf(out, "\n\n");
        } else if (streq(ev, "choice")) {
            story_choice(e, undone, out);
        } else if (streq(ev, "react")) {
            if (!undone) story_reaction(e, out);
        } else if (streq(ev, "ending")) {
            fprintf(out, "\n## %s: ", _("Ending"));
            put(out, jstr(e, "title"));
            fprintf(out, "\n");
        } else {
            story_aside(e, ev, out);
        }
    }
    fprintf(out, "\n");
}

/* ============================== per participant ============================== */

static const char *corner_meaning(Corner c)
{
    switch (c) {
    case CORNER_CORE: return _("you practised your challenge");
    case CORNER_PITFALL: return _("you overshot into what you are allergic to");
    case CORNER_CHALLENGE: return _("you fell back on your own core quality");
    case CORNER_ALLERGY: return _("you fell back into your own pitfall");
    default: return "";
    }
}

static void participant(const DebriefParticipant *p, FILE *out)
{
    fprintf(out, "### ");
    put(out, p->name);
    fprintf(out, " — ");
    put(out, p->character);
    fprintf(out, "\n\n");
    if (p->goal && *p->goal) {
        fprintf(out, "- %s: ", _("Learning goal"));
        put(out, p->goal);
        fprintf(out, "\n");
    }
    fprintf(out, "- %s: ", _("Your core quality"));
    put(out, p->core);
    fprintf(out, "; %s: ", _("your character's core quality (your challenge)"));
    put(out, p->character_core);
    fprintf(out, "\n");
    fprintf(out, "- %s: %d · %s: %d\n\n", _("Time-outs"), p->timeouts, _("Notes about you"), p->notes);
    fprintf(out, "| %s | %s | %s |\n|---|---|---|\n", _("Corner"), _("Choices"), _("What it means"));
    for (int c = 0; c < CORNERS; c++)
        fprintf(out, "| %s | %d | %s |\n", corner_label((Corner)c), p->corners[c], corner_meaning((Corner)c));
    if (p->unplaced) fprintf(out, "| %s | %d | |\n", corner_label(CORNER_NONE), p->unplaced);
    fprintf(out, "\n");
}

void debrief_markdown(const JournalLog *log, FILE *out)
{
    Debrief db;
    debrief_build(&db, log);
    header(&db, out);
    story(&db, out);
    fprintf(out, "## %s\n\n", _("Each participant"));
    for (int i = 0; i < db.np; i++) participant(&db.p[i], out);
    debrief_free(&db);
}
