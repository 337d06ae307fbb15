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
    char *first = debrief_first_run_line(db);
    if (first) { fprintf(out, "- %s: ", _("The first time")); put(out, first); fprintf(out, "\n"); }
    free(first);
    char *then = debrief_then_line(db);
    if (then) { fprintf(out, "- %s: ", _("Return session")); put(out, then); fprintf(out, "\n"); }
    free(then);
    char *choices = debrief_choices_count(db);
    fprintf(out, "- %s: %s · %s: %d · %s: %d · %s: %d\n\n", _("Choices"), choices, _("Time-outs"), db->timeouts,
            _("Notes"), db->notes, _("Incidents"), db->incidents);
    free(choices);
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

static void who_chose(const Debrief *db, const JournalRecord *e, FILE *out)
{
    if (e->by) {
        fprintf(out, "**");
        put(out, e->by);
        fprintf(out, "**");
    } else if (e->character) {
        put(out, e->character);
    } else {
        fprintf(out, "**%s**", _("The group"));
    }
}

/* addressed: in a participant's own part, said to them ("your challenge"). */
static void quality_of(const Debrief *db, const JournalRecord *e, int addressed, FILE *out)
{
    char *words = debrief_corner_words(db, e, addressed);
    if (!words) return;
    fprintf(out, " — *");
    put(out, words);
    fprintf(out, "*");
    free(words);
}

static void story_choice(const Debrief *db, const JournalRecord *e, int undone, FILE *out)
{
    fprintf(out, "- %s", undone ? "~~" : "");
    who_chose(db, e, out);
    fprintf(out, ": ");
    put(out, e->text);
    if (undone) fprintf(out, "~~ (%s)", _("taken back"));
    quality_of(db, e, 0, out);
    fprintf(out, "\n");
}

/* A vote: how it was decided, then a line per option with who voted for it (one line each,
 * so that an option's own full stop does not run into the next voter's name). */
static void story_vote(const Debrief *db, const JournalRecord *e, FILE *out)
{
    VoteLine *lines;
    int n = debrief_vote_lines(db, e, &lines);
    fprintf(out, "- *%s* (", _("Vote"));
    put(out, debrief_vote_outcome(db, e));
    fprintf(out, "):\n");
    for (int k = 0; k < n; k++) {
        fprintf(out, "  - ");
        put(out, lines[k].voters);
        fprintf(out, ": ");
        put(out, lines[k].text);
        fprintf(out, "\n");
    }
    debrief_vote_lines_free(lines, n);
}

static void reaction_text(const JournalRecord *e, FILE *out)
{
    const char *text = e->text, *mood = e->mood;
    put(out, e->who);
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

/* A line said in one's own words, as the room heard it: the participant, as their character. */
static void said_line(const JournalRecord *e, FILE *out)
{
    fprintf(out, "- **");
    put(out, e->by);
    fprintf(out, "**");
    if (e->character) { fprintf(out, " ("); put(out, e->character); fprintf(out, ")"); }
    fprintf(out, ", %s: ", _("in their own words"));
    char *line = debrief_quoted(e->text, 0);
    put(out, line);
    free(line);
    fprintf(out, "\n");
}

/* The quality the trainer saw, and where it lies, said as the corners of the choices are
 * (addressed: to the participant): marked as observed, not picked. */
static void observed_of(const Debrief *db, const JournalRecord *e, int addressed, FILE *out)
{
    char *words = debrief_corner_words(db, e, addressed);
    fprintf(out, " — *%s: ", _("seen as"));
    put(out, words ? words : "");
    fprintf(out, "*");
    free(words);
}

static void story_aside(const Debrief *db, const JournalRecord *e, FILE *out)
{
    if (e->kind == REC_TIMEOUT) {
        fprintf(out, "- ⏸ **%s**", _("Time-out"));
        if (e->who) { fprintf(out, " (%s ", _("called by")); put(out, e->who); fprintf(out, ")"); }
        if (e->why) { fprintf(out, ": "); put(out, e->why); }
        fprintf(out, "\n");
    } else if (e->kind == REC_GO) {
        fprintf(out, "- ▶ %s\n", _("Back into the fiction"));
    } else if (e->kind == REC_NOTE) {
        fprintf(out, "- ✎ **%s**", _("Note"));
        if (e->about) { fprintf(out, " (%s ", _("about")); put(out, e->about); fprintf(out, ")"); }
        fprintf(out, ": ");
        put(out, e->text);
        fprintf(out, "\n");
    } else if (e->kind == REC_SAY) {
        said_line(e, out);
    } else if (e->kind == REC_TAG) {
        fprintf(out, "- ◎ **%s** (", _("Observed by the trainer"));
        put(out, e->by);
        fprintf(out, "): ");
        put(out, e->text);
        observed_of(db, e, 0, out);
        fprintf(out, "\n");
    } else if (e->kind == REC_UNDO) {
        int n = e->steps;
        fprintf(out, "- ↶ ");
        fprintf(out, ngettext("%d choice taken back", "%d choices taken back", n), n);
        fprintf(out, "\n");
    } else if (e->kind == REC_RESUME) {
        fprintf(out, "- … %s\n", _("the session was resumed"));
    } else if (e->kind == REC_BRANCH) {
        fprintf(out, "- ↳ **%s**: %s\n", _("What if"), _("from here on the story went another way"));
    } else if (e->kind == REC_SCRIPT_ERROR) {
        fprintf(out, "- (%s: ", _("script error"));
        put(out, e->text);
        fprintf(out, ")\n");
    }
}

static void story(const Debrief *db, FILE *out)
{
    fprintf(out, "## %s\n", _("The story as it was played"));
    for (int i = 1; i < db->log->n; i++) {
        const JournalRecord *e = &db->rec[i];
        int undone = db->undone[i];
        if (e->kind == REC_SCENE || e->kind == REC_RETURN || e->kind == REC_EVENT || e->kind == REC_INJECT) {
            /* no heading: it goes on under the heading above */
            char *heading = debrief_heading_text(db, i);
            if (!heading) continue;
            fprintf(out, "\n### ");
            put(out, heading);
            fprintf(out, "\n\n");
            free(heading);
        } else if (e->kind == REC_CHOICE) {
            story_choice(db, e, undone, out);
        } else if (e->kind == REC_VOTE) {
            story_vote(db, e, out);
        } else if (e->kind == REC_REACT) {
            if (debrief_said(db, i)) {
                fprintf(out, "  - ");
                reaction_text(e, out);
                fprintf(out, "\n");
            }
        } else if (e->kind == REC_ENDING) {
            fprintf(out, "\n## %s: ", _("Ending"));
            put(out, e->title);
            fprintf(out, "\n");
            if (db->nled_to) fprintf(out, "\n%s\n\n", _("The last choices before it:"));
            for (int k = 0; k < db->nled_to; k++) {
                const JournalRecord *c = &db->rec[db->led_to[k]];
                fprintf(out, "%d. ", k + 1);
                who_chose(db, c, out);
                fprintf(out, ": ");
                put(out, c->text);
                quality_of(db, c, 0, out);
                fprintf(out, "\n");
            }
        } else {
            story_aside(db, e, out);
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
    const JournalRecord *e = debrief_moment_record(db, m);
    if (m->kind == MOMENT_REACTION) {   /* under the moment it answered, as in the story */
        fprintf(out, "  - ");
        reaction_text(e, out);
        fprintf(out, "\n");
        return;
    }
    fprintf(out, "- *%s*", debrief_moment_label(db, p, m->kind));
    const char *title = debrief_scene_title(db, m->entry);
    if (title) {
        fprintf(out, " (");
        put(out, title);
        fprintf(out, ")");
    }
    if (m->ballot >= 0) fprintf(out, ", %s", _("your vote"));   /* theirs, not the group's decision */
    if (m->kind != MOMENT_TIMEOUT || e->why) fprintf(out, ": ");   /* a time-out needs no reason */
    char *line;
    switch (m->kind) {
    case MOMENT_TIMEOUT: if (e->why) put(out, e->why); break;
    case MOMENT_NOTE: put(out, e->text); break;
    case MOMENT_SAID: line = debrief_quoted(e->text, 0); put(out, line); free(line); break;
    case MOMENT_OBSERVED: put(out, e->text); observed_of(db, e, 1, out); break;
    default:
        put(out, e->text);
        quality_of(db, e, 1, out);
    }
    fprintf(out, "\n");
}

/* The statement about their learning goal, rated before and after. */
static void ratings(const DebriefParticipant *p, FILE *out)
{
    if (!p->before && !p->after) return;
    fprintf(out, "#### %s\n\n", _("Your statement"));
    fprintf(out, "- \u201c");
    put(out, p->statement);
    char *pair = debrief_rating_pair(p->before, p->after);
    fprintf(out, "\u201d: %s (%s)\n\n", pair, _("1 to 10, at the start and at the end"));
    free(pair);
}

/* A return session: the first session and this one side by side, and the weeks in between. */
static void then_and_now(const Debrief *db, const DebriefParticipant *p, FILE *out)
{
    if (!db->is_return) return;
    fprintf(out, "#### %s\n\n", _("Then and now"));
    if (!p->was_there) {
        fprintf(out, "- %s\n\n", _("You were not there the first time: this was your first session."));
    } else {
        fprintf(out, "| %s | %s | %s |\n|---|---|---|\n", _("Corner"), _("Then"), _("Now"));
        for (int c = 0; c < CORNERS; c++) {
            char *then = debrief_corner_share(p->then_corners, c), *now = debrief_corner_share(p->corners, c);
            fprintf(out, "| %s: %s | %s | %s |\n", corner_label((Corner)c), debrief_corner_meaning((Corner)c, p->exact),
                    then, now);
            free(then);
            free(now);
        }
        if (p->then_before || p->then_after || p->before || p->after) {
            char *then = debrief_rating_pair(p->then_before, p->then_after), *now = debrief_rating_pair(p->before, p->after);
            fprintf(out, "| %s | %s | %s |\n", _("Your statement (1 to 10)"), then, now);
            free(then);
            free(now);
        }
        fprintf(out, "| %s | ", _("Anchor"));
        put(out, p->then_anchor ? p->then_anchor : "\u2013");
        fprintf(out, " | ");
        put(out, p->anchor ? p->anchor : "\u2013");
        fprintf(out, " |\n\n");
    }
    fprintf(out, "%s:\n\n", _("About the weeks in between"));
    for (int q = 0; q < p->nbetween; q++) {
        fprintf(out, "%d. ", q + 1);
        put(out, p->between[q]);
        fprintf(out, "\n");
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
    fprintf(out, "- %s: %d · %s: %d · %s: %d", _("Time-outs"), p->timeouts, _("Notes about you"), p->notes,
            _("Reactions to you"), p->reactions);
    if (p->said) fprintf(out, " · %s: %d", _("Lines in your own words"), p->said);
    fprintf(out, "\n\n");
    if (db->tags) {           /* what the trainer saw, in a column apart from the options picked */
        fprintf(out, "| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Your character's corner"), _("Choices"), _("Observed by the trainer"),
                _("What it means"));
        for (int c = 0; c < CORNERS; c++)
            fprintf(out, "| %s | %d | %d | %s |\n", corner_label((Corner)c), p->corners[c], p->observed[c],
                    debrief_corner_meaning((Corner)c, p->exact));
        if (p->unplaced || p->observed_unplaced)
            fprintf(out, "| %s | %d | %d | %s |\n", corner_label(CORNER_NONE), p->unplaced, p->observed_unplaced,
                    debrief_corner_meaning(CORNER_NONE, p->exact));
    } else {
        fprintf(out, "| %s | %s | %s |\n|---|---|---|\n", _("Your character's corner"), _("Choices"), _("What it means"));
        for (int c = 0; c < CORNERS; c++)
            fprintf(out, "| %s | %d | %s |\n", corner_label((Corner)c), p->corners[c], debrief_corner_meaning((Corner)c, p->exact));
        if (p->unplaced)
            fprintf(out, "| %s | %d | %s |\n", corner_label(CORNER_NONE), p->unplaced, debrief_corner_meaning(CORNER_NONE, p->exact));
    }
    fprintf(out, "\n");
    if (!db->is_return || !p->was_there) ratings(p, out);     /* else in the table of then and now */
    then_and_now(db, p, out);

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

    const char *brought = debrief_anchor_brought(db, p);
    if (p->anchor || brought || p->anchor_title || p->anchor_prompt) fprintf(out, "#### %s\n\n", _("Your anchor"));
    if (p->anchor) {
        fprintf(out, "- %s: **", _("What you named at the end of the game"));
        put(out, p->anchor);
        fprintf(out, "**\n");
    }
    if (brought) {
        fprintf(out, "- %s: **", _("The anchor you brought from the first session"));
        put(out, brought);
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
    if (db->is_return) {   /* this was the return afternoon: no plan for another */
        fprintf(out, "\n");
        return;
    }
    fprintf(out, "\n#### %s\n\n", _("The return afternoon"));
    char day[32];
    debrief_date(db->return_day, day);
    fprintf(out, "- %s: %s\n", _("Date (two weeks on)"), day);
    if (p->anchor) {                    /* also without a learning goal: the html has it too */
        fprintf(out, "- %s: ", _("Bring your anchor"));
        put(out, p->anchor);
        fprintf(out, "\n");
    }
    if (p->goal && *p->goal) {
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
    char *ret = debrief_return_command(db);
    if (ret) fprintf(out, "- %s: `%s`\n", _("The return situation, in the same characters"), ret);
    free(ret);
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
        put(out, db->rec[db->ending_entry].title);
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
    if (db->ngroup) fprintf(out, "## %s\n\n", _("Questions for the group"));
    for (int q = 0; q < db->ngroup; q++) {
        fprintf(out, "%d. ", q + 1);
        put(out, db->group_questions[q]);
        fprintf(out, "\n");
    }
    if (db->ngroup) fprintf(out, "\n");
    fprintf(out, "## %s\n\n", _("Each participant"));
    for (int i = 0; i < db->np; i++) participant(db, &db->p[i], out);
    return ferror(out) ? -1 : 0;
}
