/*
 * show.c - what a participant sees and what the journal keeps of each thing that happens.
 *
 * Both come from the same Output, so the screen and the journal never disagree.
 */
#include "console/show.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/util.h"
#include "console/term.h"

/* What a character says, as the room sees it and the journal keeps it: a script may return
 * megabytes, but a reaction, a line or a script's error message is shown and journaled up to
 * SAY_MAX bytes, a mood up to MOOD_MAX, a name up to WHO_MAX; so a journal holds thousands of
 * reactions before its reader's limit, and never an entry it cannot read back. */
#define SAY_MAX (16u << 10)
#define MOOD_MAX 64u
#define WHO_MAX 256u

/* `s`, or when longer than `max` bytes a copy cut at a character's start, "…" after it (then
 * in *owned, and *cut set). */
static const char *bound(const char *s, size_t max, char **owned, int *cut)
{
    if (!s || strlen(s) <= max) return s;
    *owned = utf8_clip(s, max);
    *cut = 1;
    return *owned;
}


static const char *participant_name(Play *P, int p)
{
    return p >= 0 && p < P->cast.n ? P->cast.p[p].name : NULL;
}

/* ============================== per kind ============================== */

static void show_scene(Play *P, const Output *o)
{
    const Scene *sc = &P->s->scenes[o->scene];
    if (sc->act != P->last_act) {
        P->last_act = sc->act;
        /* "Incident: Guido comes to the villa" says where the story is; the incidents' act
         * ("Meanwhile") under it would be a second heading saying less. */
        const char *act = text_get(&P->s->acts[sc->act].title, P->S->lang, scenario_fallback(P->s));
        if (*act && !P->incident_heading) term_heading(act);
    }
    P->incident_heading = 0;
    if (*o->title) term_alert(o->title), term_blank();
    if (o->kind == OUT_RESUME && P->journaling) {
        play_record(P, &(JournalRecord){.kind = REC_RETURN, .scene = o->id, .title = o->title});
    } else if (o->kind == OUT_SCENE && P->journaling) {
        play_record(P, &(JournalRecord){.kind = REC_SCENE, .scene = o->id, .title = o->title,
                                        .act = P->s->acts[sc->act].id});
    }
}

/* The choice entry: who chose what as whom, the term and its corner on the chooser's quadrant
 * as cast, and the words as shown. */
static void journal_choice(Play *P, const Output *o, const char *who, const char *role,
                           const char *term, const char *text)
{
    JournalRecord r = {
        .kind = REC_CHOICE, .scene = P->s->scenes[o->scene].id, .choice = o->choice->id, .by = who,
        .role = o->role >= 0 ? P->s->roles[o->role].id : NULL, .character = o->role >= 0 ? role : NULL,
        .turning = o->choice->turning, .quality = term,
        .corner = o->corner != CORNER_NONE ? corner_id(o->corner) : NULL, .text = text,
    };
    RECORD_SET(&r, step, P->S->steps);
    RECORD_SET(&r, automatic, !who && o->role >= 0);
    play_record(P, &r);
}

/* The corner of a participant's choice, as /corners shows it: said as the participant's own
 * when their character is on their opposite quadrant ("your own core quality" where the
 * character's quadrant says challenge), to the one playing alone as "your", in a group with
 * their name; else as the corner of the character. */
char *show_corner_label(Play *P, int participant, Corner c, const char *role)
{
    const Participant *p = &P->cast.p[participant];
    return !p->exact ? xasprintf(corner_label_character(c), role)
         : P->cast.n == 1 ? xstrdup(corner_label_yours(c))
         : xasprintf(corner_label_theirs(c), p->name);
}

static char *corner_words(Play *P, const Output *o, const char *role, const char *term)
{
    char *label = show_corner_label(P, o->participant, o->corner, role);
    char *words = xasprintf("   [%s · %s]", lexicon_name(P->lx, term, P->S->lang), label);
    free(label);
    return words;
}

static void show_choice(Play *P, const Output *o)
{
    const char *who = participant_name(P, o->participant);
    const char *role = session_role_name(P->S, o->role);
    char *text = session_choice_text(P->S, o->participant, o->role, o->choice);
    const char *term = session_term(P->S, o->participant, o->role, o->choice);
    char *line;
    if (who) line = xasprintf("→ %s (%s): %s", who, role, text);
    else if (o->role >= 0) line = xasprintf("→ %s: %s", role, text);
    else line = xasprintf(_("→ The group: %s"), text);
    term_notice(line);
    free(line);
    if (P->corners && !P->projector && term && o->corner != CORNER_NONE && who) {   /* never on a wall */
        char *c = corner_words(P, o, role, term);
        term_notice(c);
        free(c);
    }
    term_blank();
    play_forget_ballots(P);          /* the story moved on: a vote cut off by a stop is over */
    if (who) play_did(P, o->participant, o->choice->id, text);
    if (P->journaling) journal_choice(P, o, who, role, term, text);
    free(text);
}

static void show_reaction(Play *P, const Output *o, int cut)
{
    if (o->text && !o->played) term_say(o->who, o->role, o->text);
    if (!P->journaling) return;
    JournalRecord r = {.kind = REC_REACT, .role = P->s->roles[o->role].id, .who = o->who,
                       .to = participant_name(P, o->participant), .mood = o->mood, .text = o->text};
    RECORD_SET(&r, played, o->played);
    r.cut = cut;
    play_record(P, &r);
}

/* A scripted line of a character a participant plays is theirs to say: it is put to them as a
 * cue ("Ayla, say it as Isabel Verhoeven: ..."), never shown as if they had said it. */
static void show_say(Play *P, const Output *o)
{
    const char *player = participant_name(P, o->participant);
    if (!player) {
        term_say(o->who, o->role, o->text);
        return;
    }
    char *cue = xasprintf(_("%s, say it as %s"), player, o->who);
    term_say(cue, o->role, o->text);
    free(cue);
}

static void show_event(Play *P, const Output *o)
{
    char *h = xasprintf(_("Incident: %s"), *o->title ? o->title : o->id);
    term_heading(h);
    free(h);
    P->incident_heading = 1;
    if (!P->journaling) return;
    play_record(P, &(JournalRecord){.kind = o->injected ? REC_INJECT : REC_EVENT, .event = o->id, .title = o->title});
}

static void show_ending(Play *P, const Output *o)
{
    term_heading(o->title);
    if (!P->journaling) return;
    play_record(P, &(JournalRecord){.kind = REC_ENDING, .ending = o->id, .title = o->title});
}

static void show_problem(Play *P, const Output *o, int cut)
{
    char *line = o->kind == OUT_STUCK ? xasprintf(_("The story cannot go on: %s"), o->text)
                 : o->id ? xasprintf(_("(error in the scenario, the story goes on: %s)"), o->text)
                         : xasprintf(_("(script error, the character stays silent: %s)"), o->text);
    if (o->kind == OUT_STUCK) term_alert(line);
    else term_diagnostic(line);
    free(line);
    if (!P->journaling) return;
    play_record(P, &(JournalRecord){.kind = o->kind == OUT_STUCK ? REC_STUCK : REC_SCRIPT_ERROR, .text = o->text, .cut = cut});
}

void show_output(void *ud, const Output *given)
{
    Play *P = ud;
    Output b = *given;
    const Output *o = &b;
    char *owned[3] = {NULL, NULL, NULL};
    int cut = 0;
    if (b.kind == OUT_SAY || b.kind == OUT_REACTION || b.kind == OUT_SCRIPT_ERROR) {   /* a script's words */
        b.text = bound(b.text, SAY_MAX, &owned[0], &cut);
        b.mood = bound(b.mood, MOOD_MAX, &owned[1], &cut);
        b.who = bound(b.who, WHO_MAX, &owned[2], &cut);
    }
    switch (o->kind) {
    case OUT_SCENE:
    case OUT_RESUME: show_scene(P, o); break;
    case OUT_TEXT: term_text(o->text); break;
    case OUT_SAY: show_say(P, o); break;
    case OUT_CHOICE: show_choice(P, o); break;
    case OUT_REACTION: show_reaction(P, o, cut); break;
    case OUT_EVENT: show_event(P, o); break;
    case OUT_ENDING: show_ending(P, o); break;
    case OUT_SCRIPT_ERROR:
    case OUT_STUCK: show_problem(P, o, cut); break;
    case OUT_PASS: break;
    }
    for (int i = 0; i < 3; i++) free(owned[i]);
}

/* ============================== turns ============================== */

/* On a wall, whose turn it is and as whom stands above the choices, across the width. */
static void show_turn(Play *P, const Turn *t)
{
    char *line = t->participant < 0 ? xstrdup(_("The group decides"))
                 : xasprintf(_("%s's turn, as %s"), P->cast.p[t->participant].name, session_role_name(P->S, t->role));
    term_banner(line);
    term_blank();
    free(line);
}

void show_choices(Play *P, const Turn *t)
{
    const Scene *sc = &P->s->scenes[P->S->scene];
    if (P->projector) show_turn(P, t);
    for (int k = 0; k < t->noptions; k++) {
        char *text = session_choice_text(P->S, t->participant, t->role, &sc->choices[t->options[k]]);
        term_choice(k + 1, text);
        free(text);
    }
    term_blank();
}

char *show_prompt(Play *P, const Turn *t)
{
    const char *mark = P->in_timeout ? _("[time-out] ") : "";
    if (t->participant < 0) return xasprintf(_("%sThe group — "), mark);
    return xasprintf("%s%s (%s) — ", mark, P->cast.p[t->participant].name, session_role_name(P->S, t->role));
}

/* ============================== status ============================== */

void show_status(Play *P)
{
    if (P->S->scene < 0) return;
    const Scene *sc = &P->s->scenes[P->S->scene];
    const char *lang = P->S->lang, *fb = scenario_fallback(P->s);
    double now = play_clock();
    double played = P->played_before + now - P->started - P->paused - (P->in_timeout ? now - P->paused_since : 0);
    const char *act = text_get(&P->s->acts[sc->act].title, lang, fb);
    const char *scene = text_get(&sc->title, lang, fb);   /* a scene without a title: its id is no words */
    if (!*act) act = P->s->acts[sc->act].id;
    char *line = *scene ? xasprintf(ngettext("%s · %s · %d min played · %d time-out",
                                             "%s · %s · %d min played · %d time-outs", P->timeouts),
                                    act, scene, (int)(played / 60), P->timeouts)
                        : NULL;
    /* One line, or it breaks as "0 min played · 0\n    time-outs" at 80 columns (MoveOn's
     * Saturday): the scene says where the group is, the act gives way. */
    if (!line || (int)utf8_width(line, strlen(line)) >= term_width()) {
        free(line);
        line = xasprintf(ngettext("%s · %d min played · %d time-out", "%s · %d min played · %d time-outs", P->timeouts),
                         *scene ? scene : act, (int)(played / 60), P->timeouts);
    }
    term_notice(line);
    free(line);
}
