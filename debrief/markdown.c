/*
 * markdown.c - the debrief as Markdown (the default): reads well in a terminal and on paper.
 * Journal text is escaped so that nothing a participant typed can change the layout.
 */
#include "debrief/markdown.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"

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

static void header(const Debrief *db, FILE *out)
{
    fprintf(out, "# %s: ", _("Debrief"));
    put(out, db->title ? db->title : db->scenario);
    fprintf(out, "\n\n");
    char date[32];
    debrief_datetime(db->started, date);
    fprintf(out, "- %s: ", _("Scenario"));
    put(out, db->scenario);
    fprintf(out, "\n- %s: %s\n", _("Date"), date);
    fprintf(out, "- %s: %lld %s\n", _("Duration"), debrief_minutes(db), _("min"));
    char *branch = debrief_branch_line(db);
    if (branch) { fprintf(out, "- %s: ", _("What if")); put(out, branch); fprintf(out, "\n"); }
    free(branch);
    fprintf(out, "- %s: %d · %s: %d · %s: %d · %s: %d\n\n", _("Choices"), db->choices, _("Time-outs"), db->timeouts,
            _("Notes"), db->notes, _("Incidents"), db->incidents);
    fprintf(out, "## %s\n\n", _("Who played whom"));
    for (int i = 0; i < db->np; i++) {
        const DebriefParticipant *p = &db->p[i];
        fprintf(out, "- **");
        put(out, p->name);
        fprintf(out, "** %s ", _("played"));
        put(out, p->character);
        fprintf(out, " (%s: ", _("core quality"));
        put(out, debrief_term_name(db, p->character_core));
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

static void who_chose(const Debrief *db, json_object *e, FILE *out)
{
    if (jstr(e, "by")) {
        fprintf(out, "**");
        put(out, jstr(e, "by"));
        fprintf(out, "**");
    } else if (jstr(e, "character")) {
        put(out, jstr(e, "character"));
    } else {
        fprintf(out, "**%s**", _("The group"));
    }
}

static void quality_of(const Debrief *db, json_object *e, FILE *out)
{
    if (!jstr(e, "quality")) return;
    fprintf(out, " — *");
    put(out, debrief_term_name(db, jstr(e, "quality")));
    if (jstr(e, "corner")) fprintf(out, ": %s", corner_label(corner_from_id(jstr(e, "corner"))));
    fprintf(out, "*");
}

static void story_choice(const Debrief *db, json_object *e, int undone, FILE *out)
{
    fprintf(out, "- %s", undone ? "~~" : "");
    who_chose(db, e, out);
    fprintf(out, ": ");
    put(out, jstr(e, "text"));
    if (undone) fprintf(out, "~~ (%s)", _("taken back"));
    quality_of(db, e, out);
    fprintf(out, "\n");
}

static void reaction_text(json_object *e, FILE *out)
{
    const char *text = jstr(e, "text"), *mood = jstr(e, "mood");
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
    } else if (streq(ev, "branch")) {
        fprintf(out, "- ⑂ **%s**: %s\n", _("What if"), _("from here on the story went another way"));
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
        if (streq(ev, "scene") || streq(ev, "return") || streq(ev, "event") || streq(ev, "inject")) {
            /* taken back, untitled or the same scene again: it goes on under the heading above */
            const char *title = debrief_heading(db, i);
            if (!title) continue;
            fprintf(out, "\n### ");
            if (streq(ev, "return")) fprintf(out, _("%s (after the incident)"), title);
            else if (streq(ev, "scene")) put(out, title);
            else {
                fprintf(out, "%s: ", streq(ev, "inject") ? _("Incident (started by the trainer)") : _("Incident"));
                put(out, title);
            }
            fprintf(out, "\n\n");
        } else if (streq(ev, "choice")) {
            story_choice(db, e, undone, out);
        } else if (streq(ev, "vote")) {
            char *line = debrief_vote_line(db, e);
            fprintf(out, "- *%s*: ", _("Vote"));
            put(out, line);
            fprintf(out, "\n");
            free(line);
        } else if (streq(ev, "react")) {
            if (debrief_said(db, i)) {
                fprintf(out, "  - ");
                reaction_text(e, out);
                fprintf(out, "\n");
            }
        } else if (streq(ev, "ending")) {
            fprintf(out, "\n## %s: ", _("Ending"));
            put(out, jstr(e, "title"));
            fprintf(out, "\n");
            if (db->nled_to) fprintf(out, "\n%s\n\n", _("What led to it:"));
            for (int k = 0; k < db->nled_to; k++) {
                json_object *c = db->log->v[db->led_to[k]];
                fprintf(out, "%d. ", k + 1);
                who_chose(db, c, out);
                fprintf(out, ": ");
                put(out, jstr(c, "text"));
                quality_of(db, c, out);
                fprintf(out, "\n");
            }
        } else {
            story_aside(e, ev, out);
        }
    }
    if (db->ending_entry < 0) fprintf(out, "\n*%s*\n", _("The story did not reach an ending."));
    fprintf(out, "\n");
}

/* ============================== per participant ============================== */

static void quadrant_line(const Debrief *db, const char *label, const Quadrant *q, FILE *out)
{
    fprintf(out, "- %s: ", label);
    for (int c = 0; c < CORNERS; c++) {
        if (c) fprintf(out, " → ");
        put(out, debrief_term(db, q, (Corner)c));
        fprintf(out, " (%s)", corner_label((Corner)c));
    }
    fprintf(out, "\n");
}

static void moment(const Debrief *db, const DebriefParticipant *p, const Moment *m, FILE *out)
{
    json_object *e = db->log->v[m->entry];
    fprintf(out, "- *%s*", debrief_moment_label(m->kind, p->exact));
    const char *title = debrief_scene_title(db, m->entry);
    if (title) {
        fprintf(out, " (");
        put(out, title);
        fprintf(out, ")");
    }
    fprintf(out, ": ");
    switch (m->kind) {
    case MOMENT_REACTION: reaction_text(e, out); break;
    case MOMENT_TIMEOUT: put(out, jstr(e, "why") ? jstr(e, "why") : "—"); break;
    case MOMENT_NOTE: put(out, jstr(e, "text")); break;
    default:
        put(out, jstr(e, "text"));
        quality_of(db, e, out);
    }
    fprintf(out, "\n");
}

static void participant(const Debrief *db, const DebriefParticipant *p, FILE *out)
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
    if (p->has_quadrants) {
        quadrant_line(db, _("Your quadrant"), &p->own, out);
        quadrant_line(db, p->exact ? _("Your character's quadrant (the opposite)") : _("Your character's quadrant"),
                      &p->character_q, out);
        if (!p->exact) {
            char *said = debrief_not_opposite(db, p);
            fprintf(out, "\n> ");
            put(out, said);
            free(said);
            fprintf(out, "\n\n");
        }
    } else {
        fprintf(out, "- %s: ", _("Your core quality"));
        put(out, debrief_term_name(db, p->core));
        fprintf(out, "; %s: ", _("your character's core quality (your challenge)"));
        put(out, debrief_term_name(db, p->character_core));
        fprintf(out, "\n");
    }
    fprintf(out, "- %s: %d · %s: %d · %s: %d\n\n", _("Time-outs"), p->timeouts, _("Notes about you"), p->notes,
            _("Reactions to you"), p->reactions);
    fprintf(out, "| %s | %s | %s |\n|---|---|---|\n", _("Corner"), _("Choices"), _("What it means"));
    for (int c = 0; c < CORNERS; c++)
        fprintf(out, "| %s | %d | %s |\n", corner_label((Corner)c), p->corners[c], debrief_corner_meaning((Corner)c, p->exact));
    if (p->unplaced) fprintf(out, "| %s | %d | |\n", corner_label(CORNER_NONE), p->unplaced);
    fprintf(out, "\n");

    fprintf(out, "#### %s\n\n", _("The moments that mattered"));
    if (!p->nmoments) fprintf(out, "- %s\n", _("None recorded."));
    for (int m = 0; m < p->nmoments; m++)
        if (p->moments[m].kind != MOMENT_CORE) moment(db, p, &p->moments[m], out);
    fprintf(out, "\n");

    if (p->nquestions) {
        fprintf(out, "#### %s\n\n", _("Questions for reflection"));
        for (int q = 0; q < p->nquestions; q++) {
            fprintf(out, "%d. *", q + 1);
            put(out, prompts_theme_label(db->lib, p->questions[q].theme, db->lang));
            fprintf(out, "*: ");
            put(out, p->questions[q].text);
            fprintf(out, "\n");
        }
        fprintf(out, "\n");
    }

    fprintf(out, "#### %s\n\n", _("Your anchor"));
    if (p->anchor) {
        fprintf(out, "- %s: **", _("What you named at the end of the game"));
        put(out, p->anchor);
        fprintf(out, "**\n");
    }
    if (p->anchor_title) {
        fprintf(out, "- %s: **", _("The card you picked"));
        put(out, p->anchor_title);
        fprintf(out, "**");
        if (p->anchor_text) { fprintf(out, ". "); put(out, p->anchor_text); }
        fprintf(out, "\n");
    }
    if (p->anchor_prompt) {
        fprintf(out, "- ");
        put(out, p->anchor_prompt);
        fprintf(out, "\n");
    }
    fprintf(out, "\n#### %s\n\n", _("The return afternoon"));
    char day[32];
    debrief_date(db->return_day, day);
    fprintf(out, "- %s: %s\n", _("Date (two weeks on)"), day);
    if (p->goal && *p->goal) {
        if (p->anchor) {
            fprintf(out, "- %s: ", _("Bring your anchor"));
            put(out, p->anchor);
            fprintf(out, "\n");
        }
        fprintf(out, "- %s: ", _("Goal to re-check"));
        put(out, p->goal);
        fprintf(out, "\n");
    }
    if (p->replay_scene) {
        fprintf(out, "- %s: ", _("Scene to replay"));
        put(out, p->replay_title ? p->replay_title : p->replay_scene);
        fprintf(out, " (");
        put(out, p->replay_why);
        fprintf(out, ")\n");
        char *cmd = debrief_replay_command(db, p);
        fprintf(out, "- %s: `%s`\n", _("Start there with"), cmd);
        free(cmd);
    }
    fprintf(out, "\n");
}

/* A participant's own pages: the session in a line, then only what concerns them. */
static void handout(const Debrief *db, const DebriefParticipant *p, FILE *out)
{
    fprintf(out, "# %s: ", _("Debrief"));
    put(out, db->title ? db->title : db->scenario);
    char date[32];
    debrief_datetime(db->started, date);
    fprintf(out, "\n\n- %s: %s\n", _("Date"), date);
    if (db->ending_entry >= 0) {
        fprintf(out, "- %s: ", _("Ending"));
        put(out, jstr(db->log->v[db->ending_entry], "title"));
        fprintf(out, "\n");
    }
    fprintf(out, "\n");
    participant(db, p, out);
}

int markdown_write(const Debrief *db, FILE *out)
{
    if (db->only >= 0) {
        handout(db, &db->p[db->only], out);
        return ferror(out) ? -1 : 0;
    }
    header(db, out);
    story(db, out);
    fprintf(out, "## %s\n\n", _("Questions for the group"));
    for (int q = 0; q < db->ngroup; q++) {
        fprintf(out, "%d. ", q + 1);
        put(out, db->group_questions[q]);
        fprintf(out, "\n");
    }
    fprintf(out, "\n");
    fprintf(out, "## %s\n\n", _("Each participant"));
    for (int i = 0; i < db->np; i++) participant(db, &db->p[i], out);
    return ferror(out) ? -1 : 0;
}
