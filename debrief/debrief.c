/*
 * debrief.c - reading a journal into the Debrief: who played whom, what was taken back, each
 * participant's corners and moments, their questions, anchor and the scene to replay.
 */
#include "debrief/debrief.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "debrief/uuid.h"
#include "model/load.h"

/* The namespace of verbeeld's name-based UUIDs (a random UUID, fixed once). */
#define VB_UUID_NS "5b0e8f3c-6a1d-4c2e-9f47-8d2b1a6e0c93"

static int is_story(RecordKind k)
{
    return k == REC_CHOICE || k == REC_REACT || k == REC_SCENE || k == REC_EVENT || k == REC_INJECT ||
           k == REC_RETURN || k == REC_ENDING;
}

static int is_incident(RecordKind k)
{
    return k == REC_EVENT || k == REC_INJECT;
}

const char *debrief_scene_title(const Debrief *db, int entry)
{
    const char *scene = db->rec[entry].scene;
    for (int i = entry; scene && i >= 0; i--)
        if (db->rec[i].kind == REC_SCENE && streq(db->rec[i].scene, scene)) {
            const char *title = db->rec[i].title;
            return title && *title ? title : NULL;
        }
    return NULL;
}

/* Whether scene entry i, taken back with /back, holds choices made there (struck through). */
static int undone_scene_with_choices(const Debrief *db, int i)
{
    for (int j = i + 1; j < db->log->n; j++) {
        RecordKind k = db->rec[j].kind;
        if (k == REC_CHOICE) return db->undone[j];
        if (k == REC_SCENE || k == REC_RETURN || k == REC_ENDING || is_incident(k)) return 0;
    }
    return 0;
}

/* Whether entry i starts a heading of the story: a scene, a return or an incident on screen,
 * or a scene taken back with /back where choices were made: those, struck through, stand under
 * it, not under the scene before. */
static int is_heading_entry(const Debrief *db, int i)
{
    RecordKind k = db->rec[i].kind;
    if (db->undone[i]) return k == REC_SCENE && undone_scene_with_choices(db, i);
    return k == REC_SCENE || k == REC_RETURN || is_incident(k);
}

const char *debrief_heading(const Debrief *db, int entry)
{
    const JournalRecord *e = &db->rec[entry];
    if (!is_heading_entry(db, entry)) return NULL;
    if (is_incident(e->kind)) return e->title ? e->title : "";
    const char *title = debrief_scene_title(db, entry);
    if (!title) return NULL;
    /* Back in the scene whose heading is already above (after /back): no second heading. */
    for (int i = entry - 1; i > 0; i--)
        if (is_heading_entry(db, i)) {
            const JournalRecord *before = &db->rec[i];
            if (e->kind == REC_SCENE && before->kind == REC_SCENE && streq(before->scene, e->scene))
                return NULL;
            break;
        }
    return title;
}

/* Whether the story shows entry i under a heading (keep in step with the writers' story). */
static int shown_in_story(const Debrief *db, int i)
{
    switch (db->rec[i].kind) {
    case REC_CHOICE: case REC_VOTE: case REC_TIMEOUT: case REC_GO: case REC_NOTE: case REC_SAY:
    case REC_TAG: case REC_UNDO: case REC_RESUME: case REC_BRANCH: case REC_SCRIPT_ERROR:
        return 1;
    case REC_REACT:
        return debrief_said(db, i);
    default:
        return 0;
    }
}

int debrief_heading_empty(const Debrief *db, int entry)
{
    if (is_incident(db->rec[entry].kind)) return 0;   /* an incident happened, even unanswered */
    for (int i = entry + 1; i < db->log->n; i++) {
        if (shown_in_story(db, i)) return 0;
        /* the ending has a heading of its own */
        if (db->rec[i].kind == REC_ENDING || (is_heading_entry(db, i) && debrief_heading(db, i))) return 1;
    }
    return 1;
}

/* The scene an incident opens with when nothing stands between their headings, or -1: the two
 * become one heading ("Incident: Guido comes to the villa — The Volvo on the gravel"), not an
 * incident heading over nothing followed by the scene's. */
static int incident_opening(const Debrief *db, int entry)
{
    for (int i = entry + 1; i < db->log->n; i++) {
        if (shown_in_story(db, i) || db->rec[i].kind == REC_ENDING) return -1;
        if (is_heading_entry(db, i) && debrief_heading(db, i))
            return db->rec[i].kind == REC_SCENE && !debrief_heading_empty(db, i) ? i : -1;
    }
    return -1;
}

/* Whether scene `entry` is the one its incident opens with, its title already in that heading. */
static int opens_incident(const Debrief *db, int entry)
{
    if (db->rec[entry].kind != REC_SCENE) return 0;
    for (int i = entry - 1; i > 0; i--) {
        if (shown_in_story(db, i)) return 0;
        if (is_heading_entry(db, i) && debrief_heading(db, i))
            return is_incident(db->rec[i].kind) && incident_opening(db, i) == entry;
    }
    return 0;
}

char *debrief_heading_text(const Debrief *db, int entry)
{
    const JournalRecord *e = &db->rec[entry];
    const char *title = debrief_heading(db, entry);
    if (!title || debrief_heading_empty(db, entry) || opens_incident(db, entry)) return NULL;
    if (e->kind == REC_SCENE) return xstrdup(title);
    if (e->kind == REC_RETURN) return xasprintf(_("%s (after the incident)"), title);
    const char *label = e->kind == REC_INJECT ? _("Incident (started by the trainer)") : _("Incident");
    int opening = incident_opening(db, entry);
    const char *scene = opening >= 0 ? debrief_heading(db, opening) : NULL;
    if (!scene || streq(scene, title)) return xasprintf("%s: %s", label, title);
    return xasprintf("%s: %s — %s", label, title, scene);
}

/* "caring: uitdaging van Ayla": a term and a corner label that names whose corner it is. */
static char *term_and_label(const char *term, const char *label_format, const char *whose)
{
    char *label = xasprintf(label_format, whose);
    char *words = xasprintf("%s: %s", term, label);
    free(label);
    return words;
}

char *debrief_corner_words(const Debrief *db, const JournalRecord *e, int addressed)
{
    if (!e->quality) return NULL;
    const char *term = debrief_term_name(db, e->quality);
    Corner c = corner_from_id(e->corner);
    int who = e->by ? debrief_find(db, e->by) : -1;
    if (c == CORNER_NONE) return xstrdup(term);
    /* A character nobody plays, named: a bare "caring: challenge" beside it reads as the
     * reader's own challenge. */
    if (who < 0 && e->character) return term_and_label(term, corner_label_character(c), e->character);
    if (who < 0 || !db->p[who].exact) return xasprintf("%s: %s", term, corner_label(c));
    if (addressed) return xasprintf("%s: %s", term, corner_label_yours(c));
    return term_and_label(term, corner_label_theirs(c), e->by);
}

const char *debrief_choice_text(const Debrief *db, const char *scene, const char *choice)
{
    int k = db->s && scene ? scenario_scene(db->s, scene) : -1;
    for (int c = 0; k >= 0 && c < db->s->scenes[k].nchoices; c++)
        if (streq(db->s->scenes[k].choices[c].id, choice))
            return text_get(&db->s->scenes[k].choices[c].text, db->session_lang ? db->session_lang : db->lang, scenario_fallback(db->s));
    return choice ? choice : "";
}

/* "Sanne, Joris and Wen": the names of the voters for one option, in the order they voted. */
static char *voter_names(const JournalRecord *e, const char *choice)
{
    StrBuf b;
    sb_init(&b);
    const char *last = NULL;
    for (int k = 0; k < e->nvotes; k++) {
        if (!streq(e->votes[k].choice, choice)) continue;
        if (last) sb_addf(&b, "%s%s", b.len ? ", " : "", last);
        last = e->votes[k].by ? e->votes[k].by : "?";
    }
    char *names = b.len ? xasprintf(_("%s and %s"), b.s, last) : xstrdup(last ? last : "?");
    sb_free(&b);
    return names;
}

int debrief_vote_lines(const Debrief *db, const JournalRecord *e, VoteLine **lines)
{
    /* an option once, with all its voters: its words, repeated per voter, buried who chose what */
    VoteLine *v = xcalloc((size_t)(e->nvotes ? e->nvotes : 1), sizeof *v);
    int n = 0;
    for (int k = 0; k < e->nvotes; k++) {
        int seen = 0;
        for (int j = 0; j < k && !seen; j++) seen = streq(e->votes[j].choice, e->votes[k].choice);
        if (seen) continue;
        v[n].voters = voter_names(e, e->votes[k].choice);
        v[n++].text = debrief_choice_text(db, e->scene, e->votes[k].choice);
    }
    *lines = v;
    return n;
}

void debrief_vote_lines_free(VoteLine *lines, int n)
{
    for (int k = 0; k < n; k++) free(lines[k].voters);
    free(lines);
}

const char *debrief_vote_outcome(const Debrief *db, const JournalRecord *e)
{
    if (e->result) return _("the majority decided");
    /* A tie the group voted on again, before anything was chosen, was not the trainer's call. */
    for (int i = (int)(e - db->rec) + 1; i < db->log->n; i++) {
        const JournalRecord *next = &db->rec[i];
        if (next->kind == REC_VOTE) return _("a tie: the group voted again");
        if (next->kind == REC_CHOICE || next->kind == REC_SCENE || next->kind == REC_UNDO) break;
    }
    return _("a tie: the trainer entered the group's decision");
}

int debrief_said(const Debrief *db, int i)
{
    const JournalRecord *e = &db->rec[i];
    if (db->undone[i] || e->kind != REC_REACT || !(e->text || e->mood)) return 0;
    /* A character a participant plays reacts only inside the engine: nothing was on screen,
     * and quoting it would put words in the participant's mouth. */
    return !e->played;
}

/* /back N takes back the last N choices entered, with everything the story did after them. */
static void mark_undone(Debrief *db, int at, int steps)
{
    int counted = 0;
    for (int j = at - 1; j >= 0 && counted < steps; j--) {
        const JournalRecord *e = &db->rec[j];
        if (db->undone[j] || !is_story(e->kind)) continue;
        db->undone[j] = 1;
        if (e->kind == REC_CHOICE && db->branch_entry >= 0 && j < db->branch_entry) db->branch_back = j;
        if (e->kind == REC_CHOICE && !e->automatic) counted++;
    }
}

int debrief_find(const Debrief *db, const char *name)
{
    for (int i = 0; name && i < db->np; i++)
        if (streq(db->p[i].name, name)) return i;
    return -1;
}

int debrief_find_typed(const Debrief *db, const char *typed)
{
    int i = debrief_find(db, typed);
    for (int k = 0; i < 0 && typed && k < db->np; k++)
        if (!strcasecmp(db->p[k].name, typed)) i = k;
    for (int k = 0; i < 0 && typed && k < db->np; k++)
        if (db->p[k].character && !strcasecmp(db->p[k].character, typed)) i = k;
    return i;
}

static DebriefParticipant *find(Debrief *db, const char *name)
{
    int i = debrief_find(db, name);
    return i < 0 ? NULL : &db->p[i];
}

/* The quadrant the participant's choices were placed on is their character's as cast (the
 * journal's character_core); only when that is their opposite quadrant do the corners speak of
 * their own challenge. Journals from before roles took any quadrant have no other. */
static void place_character(Debrief *db, DebriefParticipant *p)
{
    p->has_quadrants = 0;
    if (!db->have_lx || !p->core || lexicon_quadrant(&db->lx, p->core, &p->own)) return;
    Quadrant opposite = quadrant_opposite(&p->own);
    const char *core = p->character_core ? lexicon_term(&db->lx, p->character_core) : NULL;
    if (!core || lexicon_quadrant(&db->lx, core, &p->character_q) != 0) p->character_q = opposite;
    p->exact = streq(p->character_q.nl[CORNER_CORE], opposite.nl[CORNER_CORE]);
    p->has_quadrants = 1;
}

static void add_participant(Debrief *db, const JournalRecord *e)
{
    db->p = xrealloc(db->p, (size_t)(db->np + 1) * sizeof *db->p);
    DebriefParticipant *p = &db->p[db->np++];
    memset(p, 0, sizeof *p);
    p->name = e->name;
    p->core = e->core;
    p->goal = e->goal;
    p->role = e->role;
    p->character = e->character;
    p->character_core = e->character_core;
    p->reason = e->reason;
    p->card = e->card;
    place_character(db, p);
}

/* The trainer cast someone in another role before the first choice. */
static void apply_recast(Debrief *db, const JournalRecord *e)
{
    DebriefParticipant *p = find(db, e->name);
    if (!p) return;
    p->role = e->role;
    p->character = e->character;
    p->character_core = e->character_core;
    p->reason = e->reason;
    place_character(db, p);
}

/* In a vote each participant chose for themselves: their vote counts on their own corners. */
static void add_moment(DebriefParticipant *p, MomentKind k, int entry)
{
    p->moments = xrealloc(p->moments, (size_t)(p->nmoments + 1) * sizeof *p->moments);
    p->moments[p->nmoments++] = (Moment){k, entry, -1};
}

/* The moment a choice on corner c is for p, who has now made corners[c] of them. */
static MomentKind corner_moment(const DebriefParticipant *p, Corner c)
{
    switch (c) {
    case CORNER_CORE: return p->corners[c] == 1 ? MOMENT_FIRST_CORE : MOMENT_CORE;
    case CORNER_PITFALL: return MOMENT_OVERSHOOT;
    default: return MOMENT_FALLBACK;
    }
}

/* Each participant's vote counts as a choice of theirs, in the corners and among the moments:
 * a fall-back counted in a vote is listed where it happened. */
static void count_votes(Debrief *db, int i)
{
    const JournalRecord *e = &db->rec[i];
    for (int k = 0; k < e->nvotes; k++) {
        const RecordVote *v = &e->votes[k];
        DebriefParticipant *p = find(db, v->by);
        if (!p) continue;
        p->choices++;
        Corner c = corner_from_id(v->corner);
        if (c == CORNER_NONE) {
            p->unplaced++;
            continue;
        }
        p->corners[c]++;
        db->ballots = xrealloc(db->ballots, (size_t)(db->nballots + 1) * sizeof *db->ballots);
        db->ballots[db->nballots] = (JournalRecord){
            .kind = REC_CHOICE, .at = e->at, .scene = e->scene, .choice = v->choice, .by = v->by,
            .quality = v->quality, .corner = v->corner, .text = debrief_choice_text(db, e->scene, v->choice),
        };
        add_moment(p, corner_moment(p, c), i);
        p->moments[p->nmoments - 1].ballot = db->nballots++;
    }
}

const JournalRecord *debrief_moment_record(const Debrief *db, const Moment *m)
{
    return m->ballot >= 0 ? &db->ballots[m->ballot] : &db->rec[m->entry];
}

static void count_choice(Debrief *db, int i)
{
    const JournalRecord *e = &db->rec[i];
    DebriefParticipant *p = find(db, e->by);
    if (!p) return;
    p->choices++;
    Corner c = corner_from_id(e->corner);
    int turned = e->turning;
    if (c == CORNER_NONE) p->unplaced++;
    else p->corners[c]++;
    if (turned) add_moment(p, MOMENT_TURNING, i);
    if (turned || c == CORNER_NONE) return;
    add_moment(p, corner_moment(p, c), i);
}

/* Whether reaction i answers a choice that is among p's moments (shown there, with the
 * reactions under it). A reaction to a choice that was no moment stays out: "a reaction to you"
 * without what it reacted to tells the reader nothing. */
static int reacts_to_a_moment(const Debrief *db, const DebriefParticipant *p, int i)
{
    int choice = i - 1;
    while (choice > 0 && (db->rec[choice].kind != REC_CHOICE || db->undone[choice])) choice--;
    if (choice <= 0 || !p->nmoments) return 0;
    const Moment *last = &p->moments[p->nmoments - 1];
    if (last->kind == MOMENT_CORE) return 0;                      /* not shown */
    if (last->entry == choice) return 1;
    return last->kind == MOMENT_REACTION && last->entry > choice;  /* a second reaction to it */
}

/* Whether the session played scene `id` (a move undone with /back does not count). */
static int played_scene(const Debrief *db, const char *id)
{
    for (int i = 0; i < db->log->n; i++)
        if (db->rec[i].kind == REC_SCENE && !db->undone[i] && streq(db->rec[i].scene, id)) return 1;
    return 0;
}

/* Whether participant p made a standing choice of this quality. */
static int chose_quality(const Debrief *db, const DebriefParticipant *p, const char *quality)
{
    for (int m = 0; m < p->nmoments; m++) {
        assert(p->moments[m].entry >= 0 && p->moments[m].entry < db->log->n);
        const JournalRecord *e = debrief_moment_record(db, &p->moments[m]);
        if (e->kind == REC_CHOICE && streq(e->quality, quality)) return 1;
    }
    return 0;
}

/* The first question is about the participant's own learning goal, at the moment of the game
 * that came nearest to it: where they chose what the goal names, or first played their
 * challenge; without either, an open one. */

/* The corner of their character's quadrant the goal speaks of: its core quality (the
 * participant's challenge, what they came to practise) or its allergy (their own pitfall, what
 * they want less of); CORNER_NONE when it names neither. On a tie the challenge counts. */
static Corner goal_corner(const Debrief *db, const DebriefParticipant *p)
{
    if (!db->have_lx || !p->has_quadrants) return CORNER_NONE;
    int core = lexicon_goal_score(&db->lx, p->character_q.nl[CORNER_CORE], p->goal);
    int allergy = lexicon_goal_score(&db->lx, p->character_q.nl[CORNER_ALLERGY], p->goal);
    if (!core && !allergy) return CORNER_NONE;
    return core >= allergy ? CORNER_CORE : CORNER_ALLERGY;
}

/* `s` (fresh, freed) with the scene title quoted in it quoted once: a title that is itself a
 * quotation ("‘Ik stop’") would read ‘‘Ik stop’’. */
static char *quote_once(char *s)
{
    char *once = str_replace(s, "\u2018\u2018", "\u2018");
    free(s);
    s = str_replace(once, "\u2019\u2019", "\u2019");
    free(once);
    return s;
}

/* The title of the scene of the participant's first choice of term `id` ("" when untitled), or
 * NULL when they never chose it. */
static const char *first_chosen(const Debrief *db, const DebriefParticipant *p, const char *id)
{
    for (int m = 0; m < p->nmoments; m++) {
        const JournalRecord *e = debrief_moment_record(db, &p->moments[m]);
        if (e->kind == REC_CHOICE && streq(e->quality, id)) {
            const char *at = debrief_scene_title(db, p->moments[m].entry);
            return at ? at : "";
        }
    }
    return NULL;
}

/* A goal that speaks of the core or the allergy of the character's quadrant ("grenzen durven
 * stellen", "minder pleasen"): the question is about where the participant did it in the game,
 * or that they did not. Only asked of someone who made choices, where it was on offer. */
static char *goal_term_question(Debrief *db, DebriefParticipant *p)
{
    Corner c = goal_corner(db, p);
    if (c == CORNER_NONE || p->choices == 0) return NULL;
    const char *id = p->character_q.nl[c];
    const char *name = debrief_term_name(db, id);
    const char *at = first_chosen(db, p, id);
    int chose = at != NULL;
    if (c == CORNER_CORE && chose)
        return quote_once(xasprintf(_("Your learning goal was \u201c%s\u201d. In \u2018%s\u2019 you chose %s. What did it take "
                                      "from you, and where this week will you do it again?"), p->goal, at, name));
    if (c == CORNER_CORE)
        return xasprintf(_("Your learning goal was \u201c%s\u201d. In the game you did not choose %s once. At the moments "
                           "it was on offer, what held you back?"), p->goal, name);
    if (chose)
        return quote_once(xasprintf(_("Your learning goal was \u201c%s\u201d. In \u2018%s\u2019 you fell into %s, the very thing "
                                      "your goal is about. What set it off, and what would you do instead next time?"),
                                    p->goal, at, name));
    return xasprintf(_("Your learning goal was \u201c%s\u201d. In the game you did not fall into %s once, though it "
                       "was on offer. What helped you, and how do you take that with you?"), p->goal, name);
}

static void goal_question(Debrief *db, DebriefParticipant *p)
{
    if (!p->goal || !*p->goal) return;
    if ((p->goal_question = goal_term_question(db, p))) {
        p->questions[p->nquestions++] = (PromptQuestion){"goal", p->goal_question, "goal"};
        return;
    }
    /* The first choice on the character's core, whatever moment it is listed as (a turning point
     * too): asking someone who played their challenge what held them back is untrue. */
    const char *at = NULL;
    for (int m = 0; m < p->nmoments && !at && p->exact; m++) {
        const JournalRecord *e = debrief_moment_record(db, &p->moments[m]);
        if (e->kind == REC_CHOICE && corner_from_id(e->corner) == CORNER_CORE)
            at = debrief_scene_title(db, p->moments[m].entry);
    }
    if (at)
        p->goal_question = quote_once(xasprintf(_("Your learning goal was \u201c%s\u201d. In \u2018%s\u2019 you first played your "
                                                  "challenge. How close did that come to your goal, and what will you do the same "
                                                  "way next time, outside the game?"), p->goal, at));
    else
        p->goal_question = xasprintf(_("Your learning goal was \u201c%s\u201d. At which moment in the game did it come "
                                       "near, and what held you back from going for it? What would you need to do it "
                                       "next time?"), p->goal);
    p->questions[p->nquestions++] = (PromptQuestion){"goal", p->goal_question, "goal"};
}

/* The quotation marks a trainer may have typed around a line ("...", '...', “...”, ‘...’), if
 * it has a pair of them: the debrief puts its own. Their byte lengths, 0 when none. */
static void typed_quotes(const char *s, size_t len, size_t *open, size_t *close)
{
    static const char *const pairs[][2] = {
        {"\"", "\""}, {"'", "'"}, {"\u201c", "\u201d"}, {"\u2018", "\u2019"}, {"\u201e", "\u201d"}, {"\u00ab", "\u00bb"},
    };
    *open = *close = 0;
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        size_t o = strlen(pairs[k][0]), c = strlen(pairs[k][1]);
        if (len >= o + c && !strncmp(s, pairs[k][0], o) && !strncmp(s + len - c, pairs[k][1], c)) {
            *open = o;
            *close = c;
            return;
        }
    }
}

char *debrief_quoted(const char *text, int in_sentence)
{
    if (!text) text = "";
    while (*text == ' ') text++;
    size_t len = strlen(text), open, close;
    while (len && text[len - 1] == ' ') len--;
    typed_quotes(text, len, &open, &close);
    text += open;
    len -= open + close;
    if (in_sentence && len && text[len - 1] == '.') len--;   /* the sentence's full stop follows */
    return xasprintf("\u201c%.*s\u201d", (int)len, text);
}

/* A question on what the participant did in their own words: where the trainer saw their
 * challenge (an observed core), else their first line said. None without either. */
static void own_words_question(Debrief *db, DebriefParticipant *p)
{
    const JournalRecord *said = NULL, *seen = NULL;
    for (int m = 0; m < p->nmoments; m++) {
        const JournalRecord *e = debrief_moment_record(db, &p->moments[m]);
        if (p->moments[m].kind == MOMENT_SAID && !said) said = e;
        if (p->moments[m].kind == MOMENT_OBSERVED && !seen && corner_from_id(e->corner) == CORNER_CORE) seen = e;
    }
    if (!said && !seen) return;
    char *line = debrief_quoted(seen ? seen->text : said->text, 1);
    if (seen)
        p->own_question = xasprintf(_("The trainer saw %s in what you did: %s. How did it feel from the inside, "
                                      "and what made it possible just then?"), debrief_term_name(db, seen->quality), line);
    else
        p->own_question = xasprintf(_("You said, in your own words: %s. What did you want to happen, and what "
                                      "did happen?"), line);
    free(line);
    p->questions[p->nquestions++] = (PromptQuestion){seen ? "observed" : "own-words", p->own_question, "trainer"};
}

static void choose_questions(Debrief *db, DebriefParticipant *p)
{
    enum { LIBRARY_MAX = 3, SCENARIO_MAX = 2, GOAL_MAX = 1, OWN_MAX = 1 };
    unsigned h = 0;
    /* The library's questions on corners speak of the participant's own challenge and
     * fall-backs: true only on their opposite quadrant. */
    if (p->exact) {           /* what they picked and what the trainer saw them do alike */
        int at[CORNERS];
        for (int c = 0; c < CORNERS; c++) at[c] = p->corners[c] + p->observed[c];
        /* The pitfall is the challenge overdone: it did come out, too much ("where did you
         * drop out?" beside "you overshot your challenge" told them two opposite things). */
        if (at[CORNER_CORE]) h |= HAPPENED_CORE;
        else if (!at[CORNER_PITFALL]) h |= HAPPENED_NO_CORE;
        if (at[CORNER_CHALLENGE] || at[CORNER_ALLERGY]) h |= HAPPENED_FALLBACK;
        if (at[CORNER_ALLERGY]) h |= HAPPENED_ALLERGY;
        if (at[CORNER_PITFALL]) h |= HAPPENED_PITFALL;
        const char *power = db->have_lx ? lexicon_power(&db->lx, p->character_q.nl[CORNER_CORE]) : NULL;
        if (power) h |= streq(power, "hard") ? HAPPENED_CHALLENGE_HARD : HAPPENED_CHALLENGE_SOFT;
    }
    h |= p->timeouts ? HAPPENED_TIMEOUT : HAPPENED_NO_TIMEOUT;
    if (p->reactions) h |= HAPPENED_REACTED;
    if (p->notes) h |= HAPPENED_NOTE;
    p->questions = xcalloc(GOAL_MAX + OWN_MAX + LIBRARY_MAX + SCENARIO_MAX, sizeof *p->questions);
    goal_question(db, p);
    own_words_question(db, p);
    /* The scenario's own questions first: they name what happened in this story. A question
     * with a quality is asked of whoever chose it, or whose quadrant it is on. They are about
     * the story's days ("Friday evening", "this weekend"): a return session asks about the
     * weeks in between instead (its "then and now"). */
    if (db->s && !db->is_return) {
        const Scenario *s = db->s;
        int asked = 0;     /* the goal's question is not one of the scenario's two */
        for (int q = 0; q < s->nquestions && asked < SCENARIO_MAX; q++) {
            const char *quality = s->questions[q].quality;
            if (quality && !chose_quality(db, p, quality)) continue;   /* never about what they did not do */
            if (s->questions[q].scene && !played_scene(db, s->questions[q].scene)) continue;   /* nor what did not happen */
            asked++;
            PromptQuestion *dq = &p->questions[p->nquestions++];
            dq->theme = "scenario";
            dq->text = text_get(&s->questions[q].text, db->lang, scenario_fallback(s));
            dq->source = s->id;
        }
    }
    p->nquestions += prompts_choose(db->lib, h, db->lang, p->questions + p->nquestions, LIBRARY_MAX);
    assert(p->nquestions <= GOAL_MAX + OWN_MAX + LIBRARY_MAX + SCENARIO_MAX);
}

static void choose_anchor(Debrief *db, DebriefParticipant *p)
{
    /* "...bring your anchor to the return afternoon": not said on the return afternoon itself */
    p->anchor_prompt = db->is_return ? NULL : prompts_anchor(db->lib, db->lang);
    if (!db->s || !p->card) return;
    const Card *c = scenario_card(db->s, p->card, NULL);
    if (!c) return;
    p->anchor_title = deck_card_name(c, db->lang);
    p->anchor_text = text_get(&c->text, db->lang, scenario_fallback(db->s));
}

static const char *scene_title(const Debrief *db, const char *scene)
{
    for (int i = 0; i < db->log->n; i++) {
        const JournalRecord *e = &db->rec[i];
        if (e->kind == REC_SCENE && streq(e->scene, scene)) return e->title;
    }
    return scene;
}

/* Whether scene `id` offers a choice on the core of p's character, their challenge: a scene to
 * try it again in. Without the scenario or the lexicon every scene is taken to. */
static int offers_core(const Debrief *db, const DebriefParticipant *p, const char *id)
{
    int k = db->s ? scenario_scene(db->s, id) : -1;
    if (k < 0 || !db->have_lx || !p->has_quadrants) return 1;
    const char *core = lexicon_term(&db->lx, p->character_q.nl[CORNER_CORE]);
    const Scene *sc = &db->s->scenes[k];
    for (int c = 0; c < sc->nchoices; c++) {
        const Choice *ch = &sc->choices[c];
        if (ch->corner == CORNER_CORE || (core && ch->quality && streq(ch->quality, core))) return 1;
    }
    return 0;
}

/* The scene of the last choice in which p fell into what their learning goal wants less of (its
 * term at the allergy of their character's quadrant: their own pitfall), when it offers their
 * challenge; else NULL. */
static const JournalRecord *goal_fall(const Debrief *db, const DebriefParticipant *p)
{
    if (goal_corner(db, p) != CORNER_ALLERGY) return NULL;
    const char *id = p->character_q.nl[CORNER_ALLERGY];
    for (int m = p->nmoments - 1; m >= 0; m--) {
        const JournalRecord *e = debrief_moment_record(db, &p->moments[m]);
        if (e->kind == REC_CHOICE && streq(e->quality, id) && e->scene && offers_core(db, p, e->scene)) return e;
    }
    return NULL;
}

/* The scene to replay two weeks on: where they fell into what their learning goal is about, if
 * they did; else where it was hardest (the last fall-back: later in the story more is at stake,
 * and the arrival, where everyone is still finding their feet, is seldom it), else where they
 * overshot last, else where they first found their challenge (to find it again), else the
 * first scene where it could be chosen: only a scene that offers their challenge. Else the
 * start. */
static void choose_replay(Debrief *db, DebriefParticipant *p)
{
    const JournalRecord *fall = goal_fall(db, p);
    if (fall) {
        p->replay_scene = fall->scene;
        p->replay_title = scene_title(db, fall->scene);
        p->replay_why = _("where you fell into what your learning goal is about: try your challenge there once more");
        return;
    }
    static const MomentKind order[] = {MOMENT_FALLBACK, MOMENT_OVERSHOOT, MOMENT_FIRST_CORE};
    static const char *const why[] = {
        N_("where you fell back on your own way: try your challenge there once more"),
        N_("where you overshot: find the measure of your challenge"),
        N_("where you first played your challenge: find it again, now with your anchor"),
    };
    static const char *const why_inexact[] = {
        N_("where you left your character's core quality: try it there once more"),
        N_("where you overshot into your character's pitfall: find its measure"),
        N_("where you first played your character's core quality: find it again"),
    };
    for (size_t k = 0; k < sizeof order / sizeof *order; k++)
        for (int n = 0; n < p->nmoments; n++) {
            int m = order[k] == MOMENT_FIRST_CORE ? n : p->nmoments - 1 - n;
            if (p->moments[m].kind != order[k]) continue;
            p->replay_scene = debrief_moment_record(db, &p->moments[m])->scene;
            if (!p->replay_scene || !offers_core(db, p, p->replay_scene)) continue;
            p->replay_title = scene_title(db, p->replay_scene);
            p->replay_why = p->exact ? _(why[k]) : _(why_inexact[k]);
            return;
        }
    for (int i = 0; i < db->log->n; i++)
        if (db->rec[i].kind == REC_SCENE && db->rec[i].scene && offers_core(db, p, db->rec[i].scene)) {
            p->replay_scene = db->rec[i].scene;
            p->replay_title = db->rec[i].title;
            p->replay_why = p->exact ? _("the first scene where your challenge could be chosen")
                                     : _("the first scene where your character's core quality could be chosen");
            return;
        }
    for (int i = 0; i < db->log->n; i++)
        if (db->rec[i].kind == REC_SCENE) {
            p->replay_scene = db->rec[i].scene;
            p->replay_title = db->rec[i].title;
            p->replay_why = _("the first scene: play the story again from the start");
            return;
        }
}

/* Questions for the group, about what happened in the room: a turning point someone took, a
 * vote that did not go one way, someone stepping out; and what each takes from another. None
 * when one person played. */
static void choose_group_questions(Debrief *db)
{
    /* Someone who played alone has no room to ask "what did each of you do" or "someone else's
     * moment": their own questions are in their part. */
    if (db->np < 2) return;
    int turning = -1, split = -1, timeout = 0;
    for (int i = 0; i < db->log->n; i++) {
        const JournalRecord *e = &db->rec[i];
        if (db->undone[i]) continue;
        if (turning < 0 && e->kind == REC_CHOICE && e->by && e->turning) turning = i;
        if (split < 0 && e->kind == REC_VOTE)
            for (int k = 1; k < e->nvotes; k++)
                if (!streq(e->votes[k].choice, e->votes[0].choice)) split = i;
        timeout |= e->kind == REC_TIMEOUT;
    }
    if (turning >= 0)
        db->group_questions[db->ngroup++] = quote_once(xasprintf(_("In \u2018%s\u2019, what %s did turned the story. What changed in "
                                                                   "the room at that moment, and what did each of you do just after?"),
                                                                 debrief_scene_title(db, turning) ? debrief_scene_title(db, turning) : "",
                                                                 db->rec[turning].by));
    if (split >= 0)
        db->group_questions[db->ngroup++] = quote_once(xasprintf(_("The votes on \u2018%s\u2019 went different ways. What did the "
                                                                   "voices that lost bring, and what did the group do with them?"),
                                                                 debrief_scene_title(db, split) ? debrief_scene_title(db, split) : ""));
    else if (timeout)
        db->group_questions[db->ngroup++] = xstrdup(_("Someone stepped out of the fiction. What made that possible here, "
                                                      "and what would make it possible at work?"));
    db->group_questions[db->ngroup++] = xstrdup(_("Which moment of someone else's will you take with you, and why?"));
}

/* The title `shown` (in the session's language) of a scene, incident or ending, in the debrief's
 * language when that differs: the plain title, or the <title if> that stood in for it. NULL
 * when the scenario does not have it in that language. */
static const char *title_in_lang(const Debrief *db, const Text *plain, const AltTitle *alts, int nalts,
                                 const char *shown)
{
    const char *fb = scenario_fallback(db->s);
    if (streq(text_get(plain, db->session_lang, fb), shown))
        return text_has(plain, db->lang) ? text_get(plain, db->lang, fb) : NULL;
    for (int k = 0; k < nalts; k++)
        if (streq(text_get(&alts[k].text, db->session_lang, fb), shown))
            return text_has(&alts[k].text, db->lang) ? text_get(&alts[k].text, db->lang, fb) : NULL;
    return NULL;
}

/* A debrief in another language than the session was played in (debrief --lang): the titles of
 * the story in that language, where the scenario is at hand, not as the journal has them.
 * What people said and chose stays in the words it was played in. */
static void retitle(Debrief *db)
{
    const Scenario *s = db->s;
    if (!s || !db->session_lang || streq(db->session_lang, db->lang)) return;
    if (text_has(&s->title, db->lang)) db->title = text_get(&s->title, db->lang, scenario_fallback(s));
    for (int i = 0; i < db->log->n; i++) {
        JournalRecord *e = &db->rec[i];
        if (!e->title) continue;
        const char *t = NULL;
        int k;
        if ((e->kind == REC_SCENE || e->kind == REC_RETURN) && e->scene && (k = scenario_scene(s, e->scene)) >= 0)
            t = title_in_lang(db, &s->scenes[k].title, s->scenes[k].alt_titles, s->scenes[k].nalt_titles, e->title);
        else if (is_incident(e->kind) && e->event && (k = scenario_event(s, e->event)) >= 0)
            t = title_in_lang(db, &s->events[k].title, s->events[k].alt_titles, s->events[k].nalt_titles, e->title);
        else if (e->kind == REC_ENDING && e->ending && (k = scenario_ending(s, e->ending)) >= 0)
            t = title_in_lang(db, &s->endings[k].title, NULL, 0, e->title);
        if (t) e->title = t;
    }
}

static void find_scenario(Debrief *db, const JournalRecord *start)
{
    if (!db->have_lx) return;
    const char *path = start->path;
    char *found = NULL;
    if (!path || access(path, R_OK)) {
        /* The file moved: an installed scenario of the same name will do, when it is one. */
        found = start->scenario ? paths_find_scenario(start->scenario) : NULL;
        path = found;
    }
    if (path) {
        DiagList d;
        diag_init(&d);
        db->s = load_scenario(path, &db->lx, &d);
        diag_free(&d);
        if (db->s && !streq(db->s->id, start->scenario)) {
            scenario_free(db->s);
            db->s = NULL;
        }
    }
    free(found);
}

/* ============================== the return afternoon ============================== */

/* A recap: the participant's first session, as the return session took it up. */
static void take_recap(Debrief *db, const JournalRecord *e)
{
    DebriefParticipant *p = find(db, e->name);
    if (!p) return;
    p->was_there = 1;
    for (int c = 0; c < CORNERS && c < RECORD_CORNERS; c++) p->then_corners[c] = e->corners[c];
    p->then_before = e->before >= 1 && e->before <= 10 ? e->before : 0;
    p->then_after = e->after >= 1 && e->after <= 10 ? e->after : 0;
    p->then_anchor = e->anchor;
}

static void take_rating(Debrief *db, const JournalRecord *e)
{
    DebriefParticipant *p = find(db, e->name);
    if (!p || e->rating < 1 || e->rating > 10) return;
    if (e->text) p->statement = e->text;
    if (streq(e->moment, "before")) p->before = e->rating;
    else if (streq(e->moment, "after")) p->after = e->rating;
}

/* Questions about the weeks between the sessions: where it was used, what got in the way, and
 * what the ratings say. */
static void choose_between(Debrief *db, DebriefParticipant *p)
{
    if (!db->is_return) return;
    p->between[p->nbetween++] = _("Where did you use it at work in the weeks in between? Name one moment: who was there, "
                                  "what did you say or do?");
    p->between[p->nbetween++] = _("Where did you feel resistance in those weeks, and how did it show: a feeling, a thought, "
                                  "putting it off, a slumped posture, a hesitant voice?");
    if (p->before && p->after)
        p->between[p->nbetween++] = p->after > p->before
            ? _("Your rating went up today. What did you do differently, in the game and in the weeks before it?")
            : p->after < p->before
            ? _("Your rating went down today. What did the game show you that the weeks in between did not?")
            : _("Your rating stayed the same. What would make it one point higher two weeks from now?");
    else if (p->then_anchor)
        p->between[p->nbetween++] = _("Did you use your anchor in the weeks in between? When, and what did it do?");
}

static void derive_registration(Debrief *db, const JournalRecord *start)
{
    if (db->then && db->then->registration && strlen(db->then->registration) == 36) {
        memcpy(db->registration, db->then->registration, 37);      /* one registration for both sessions */
        return;
    }
    /* Stable for the session: its start time, scenario, seed and participants. Not the
     * program version or file paths, which change when the same journal is read elsewhere. */
    StrBuf b;
    sb_init(&b);
    sb_addf(&b, "%s|%s|%lld", start->at ? start->at : "", db->scenario ? db->scenario : "",
            start->seed);
    for (int i = 0; i < db->np; i++) sb_addf(&b, "|%s", db->p[i].name ? db->p[i].name : "");
    uuid_v5(VB_UUID_NS, b.s, db->registration);
    sb_free(&b);
}

void debrief_build(Debrief *db, const JournalLog *log, const char *journal_path, const char *lang)
{
    assert(log->n > 0 && log->v);           /* journal_read gives at least the start */
    memset(db, 0, sizeof *db);
    db->log = log;
    db->journal_path = journal_path;
    db->lang = lang;
    db->undone = xcalloc((size_t)log->n + 1, 1);
    db->ending_entry = -1;
    db->branch_entry = db->branch_back = -1;
    db->only = -1;
    db->rec = record_read_all(log);
    const JournalRecord *start = &db->rec[0];
    db->title = start->title;
    db->scenario = start->scenario;
    db->session_lang = start->lang;
    db->started = journal_time(start->at);
    db->finished = journal_time(db->rec[log->n - 1].at);
    db->seconds = record_played_seconds(db->rec, log->n, NULL);
    db->return_day = db->started + 14LL * 24 * 3600;

    DiagList d;
    diag_init(&d);
    db->have_lx = lexicon_load(&db->lx, paths_lexicon(), &d) == 0;
    diag_free(&d);
    find_scenario(db, start);
    retitle(db);
    char *lib = xasprintf("%s/debrief/prompts.json", paths_data_dir());
    db->lib = prompts_load(lib);
    free(lib);

    for (int i = 0; i < log->n; i++) {
        const JournalRecord *e = &db->rec[i];
        if (e->kind == REC_PARTICIPANT) add_participant(db, e);
        else if (e->kind == REC_RECAST) apply_recast(db, e);
        else if (e->kind == REC_UNDO) mark_undone(db, i, e->steps);
        else if (e->kind == REC_BRANCH) db->branch_entry = i;
        else if (e->kind == REC_THEN) { db->is_return = 1; db->then = e; }
        else if (e->kind == REC_RECAP) take_recap(db, e);
        else if (e->kind == REC_RATING) take_rating(db, e);
    }
    int last_choices[3] = {-1, -1, -1};
    for (int i = 0; i < log->n; i++) {
        const JournalRecord *e = &db->rec[i];
        if (db->undone[i]) continue;
        DebriefParticipant *p;
        switch (e->kind) {
        case REC_CHOICE:
            db->choices++;
            if (find(db, e->by)) db->participant_choices++;
            count_choice(db, i);
            last_choices[0] = last_choices[1];
            last_choices[1] = last_choices[2];
            last_choices[2] = i;
            break;
        case REC_VOTE: count_votes(db, i); break;
        case REC_REACT:
            if ((p = find(db, e->to)) && debrief_said(db, i)) {
                p->reactions++;
                if (reacts_to_a_moment(db, p, i)) add_moment(p, MOMENT_REACTION, i);
            }
            break;
        case REC_ANCHOR:
            if ((p = find(db, e->who))) p->anchor = e->text;
            break;
        case REC_TIMEOUT:
            db->timeouts++;
            if ((p = find(db, e->who))) {
                p->timeouts++;
                add_moment(p, MOMENT_TIMEOUT, i);
            }
            break;
        case REC_SAY:
            if ((p = find(db, e->by))) {
                p->said++;
                add_moment(p, MOMENT_SAID, i);
            }
            break;
        case REC_TAG:
            db->tags++;
            if ((p = find(db, e->by))) {
                Corner c = corner_from_id(e->corner);
                if (c == CORNER_NONE) p->observed_unplaced++;
                else p->observed[c]++;
                add_moment(p, MOMENT_OBSERVED, i);
            }
            break;
        case REC_NOTE:
            db->notes++;
            if ((p = find(db, e->about))) {
                p->notes++;
                add_moment(p, MOMENT_NOTE, i);
            }
            break;
        case REC_EVENT:
        case REC_INJECT: db->incidents++; break;
        case REC_ENDING:
            db->ending_entry = i;
            db->ending = e->ending;
            db->ending_title = e->title;
            db->nled_to = 0;                /* a journal may hold two endings: the last counts */
            for (int k = 0; k < 3; k++)
                if (last_choices[k] >= 0) db->led_to[db->nled_to++] = last_choices[k];
            break;
        default: break;
        }
    }
    derive_registration(db, start);
    choose_group_questions(db);
    for (int i = 0; i < db->np; i++) {
        choose_questions(db, &db->p[i]);
        choose_anchor(db, &db->p[i]);
        choose_replay(db, &db->p[i]);
        choose_between(db, &db->p[i]);
    }
}

void debrief_free(Debrief *db)
{
    for (int i = 0; i < db->np; i++) {
        free(db->p[i].moments);
        free(db->p[i].questions);
        free(db->p[i].goal_question);
        free(db->p[i].own_question);
    }
    for (int q = 0; q < db->ngroup; q++) free(db->group_questions[q]);
    free(db->undone);
    free(db->ballots);
    if (db->rec) record_free_all(db->rec, db->log->n);
    free(db->p);
    scenario_free(db->s);
    if (db->have_lx) lexicon_free(&db->lx);
    prompts_free(db->lib);
    memset(db, 0, sizeof *db);
}

/* ============================== shared by the writers ============================== */

const char *debrief_moment_id(MomentKind k)
{
    static const char *const ids[] = {"first-core", "core", "fallback", "overshoot", "reaction", "timeout", "note",
                                      "turning-point", "said", "observed"};
    assert(k >= 0 && (size_t)k < sizeof ids / sizeof *ids);
    return ids[k];
}

const char *debrief_moment_label(const Debrief *db, const DebriefParticipant *p, MomentKind k)
{
    int exact = p->exact;
    /* The first time this session, not the first time: the recap says they played it before. */
    if (k == MOMENT_FIRST_CORE && db->is_return && p->then_corners[CORNER_CORE])
        return exact ? _("your challenge again, as in the first session")
                     : _("your character's core quality again, as in the first session");
    if (!exact) switch (k) {
    case MOMENT_FIRST_CORE: return _("first time you played your character's core quality");
    case MOMENT_CORE: return _("your character's core quality again");
    case MOMENT_FALLBACK: return _("your character's challenge or allergy");
    case MOMENT_OVERSHOOT: return _("your character's pitfall");
    default: break;
    }
    switch (k) {
    case MOMENT_FIRST_CORE: return _("first time you played your challenge");
    case MOMENT_CORE: return _("your challenge again");
    case MOMENT_FALLBACK: return _("you fell back");
    case MOMENT_OVERSHOOT: return _("you overshot");
    case MOMENT_REACTION: return _("a reaction to you");
    case MOMENT_TIMEOUT: return _("you stepped out");
    case MOMENT_NOTE: return _("a note about you");
    case MOMENT_TURNING: return _("a turning point of the story");
    case MOMENT_SAID: return _("in your own words");
    case MOMENT_OBSERVED: return _("what the trainer saw");
    }
    return "";
}

const char *debrief_corner_meaning(Corner c, int exact)
{
    if (c == CORNER_NONE) return _("its quality lies outside your character's quadrant");
    if (!exact) switch (c) {
    case CORNER_CORE: return _("you played your character's core quality (not your own challenge)");
    case CORNER_PITFALL: return _("you overshot into your character's pitfall");
    case CORNER_CHALLENGE: return _("you played your character's challenge");
    case CORNER_ALLERGY: return _("you fell into your character's allergy");
    default: return "";
    }
    switch (c) {
    case CORNER_CORE: return _("you practised your challenge");
    case CORNER_PITFALL: return _("you overshot into what you are allergic to");
    case CORNER_CHALLENGE: return _("you fell back on your own core quality");
    case CORNER_ALLERGY: return _("you fell back into your own pitfall");
    default: return "";
    }
}

char *debrief_not_opposite(const Debrief *db, const DebriefParticipant *p)
{
    Quadrant opposite = quadrant_opposite(&p->own);
    return xasprintf(_("%s was not played on your opposite quadrant: its core quality was %s, not your "
                       "challenge %s. The corners below are on your character's quadrant, so they say what "
                       "you did with %s, not how you practised your own challenge."),
                     p->character ? p->character : p->role, debrief_term(db, &p->character_q, CORNER_CORE),
                     debrief_term(db, &opposite, CORNER_CORE), debrief_term(db, &p->character_q, CORNER_CORE));
}

const char *debrief_term(const Debrief *db, const Quadrant *q, Corner c)
{
    assert(c >= 0 && c < CORNERS);
    const char *t = streq(db->lang, "en") ? q->en[c] : q->nl[c];
    return t ? t : "";
}

const char *debrief_term_name(const Debrief *db, const char *term)
{
    if (!term) return "";
    const char *t = db->have_lx ? lexicon_name(&db->lx, term, db->lang) : NULL;
    return t ? t : term;
}

void debrief_date(long long t, char *buf)
{
    time_t tt = (time_t)t;
    struct tm tm;
    buf[0] = '\0';
    if (t && localtime_r(&tt, &tm)) strftime(buf, 32, "%Y-%m-%d", &tm);
}

void debrief_datetime(long long t, char *buf)
{
    time_t tt = (time_t)t;
    struct tm tm;
    buf[0] = '\0';
    if (t && localtime_r(&tt, &tm)) strftime(buf, 32, "%Y-%m-%d %H:%M", &tm);
}

/* Where a what-if went its own way: "step 5", or a scene by its title. Fresh. */
static char *branch_point(const Debrief *db, const char *from)
{
    if (strspn(from, "0123456789") == strlen(from) && *from) return xasprintf(_("step %s"), from);
    int k = db->s ? scenario_scene(db->s, from) : -1;
    const char *title = k >= 0 ? text_get(&db->s->scenes[k].title, db->lang, scenario_fallback(db->s)) : NULL;
    return xasprintf("\u2018%s\u2019", title && *title ? title : from);
}

char *debrief_branch_line(const Debrief *db)
{
    if (db->branch_entry < 0) return NULL;
    const JournalRecord *e = &db->rec[db->branch_entry];
    /* Gone back with /back past where it branched: it went its own way from there. */
    const char *back = db->branch_back >= 0 ? db->rec[db->branch_back].scene : NULL;
    char *at = branch_point(db, back ? back : e->from ? e->from : "?");
    const char *of = e->from_journal;
    const char *name = of && strrchr(of, '/') ? strrchr(of, '/') + 1 : of;
    char *line = db->only >= 0 || !name   /* a handout names no file of the trainer's machine */
               ? xasprintf(_("played on differently from %s of an earlier session"), at)
               : xasprintf(_("played on differently from %s of %s"), at, name);
    free(at);
    return line;
}

/* The title `shown` of ending `id` in the debrief's language, by the rule retitle applies to
 * this session's titles; `shown` as the journal has it where that rule finds none. */
static const char *ending_title_in_lang(const Debrief *db, const char *id, const char *shown)
{
    int k = db->s && id && shown ? scenario_ending(db->s, id) : -1;
    const char *t = k >= 0 && db->session_lang ? title_in_lang(db, &db->s->endings[k].title, NULL, 0, shown) : NULL;
    return t ? t : shown ? shown : id;
}

char *debrief_first_run_line(const Debrief *db)
{
    if (db->branch_entry < 0 || !db->rec[db->branch_entry].from_journal) return NULL;
    JournalLog first;
    DiagList d;
    diag_init(&d);
    int unread = journal_read(db->rec[db->branch_entry].from_journal, &first, &d);
    diag_free(&d);
    if (unread) return NULL;
    JournalRecord *rec = record_read_all(&first);
    char *then = NULL;
    if (rec[0].scenario && db->scenario && streq(rec[0].scenario, db->scenario))
        for (int i = 0; i < first.n; i++)           /* the last ending counts, as in this one */
            if (rec[i].kind == REC_ENDING) {
                free(then);
                then = xstrdup(ending_title_in_lang(db, rec[i].ending, rec[i].title));
            }
    record_free_all(rec, first.n);
    journal_log_free(&first);
    const char *now = !db->ending ? NULL : db->ending_title ? db->ending_title : db->ending; /* retitled */
    char *line = NULL;
    if (then && now) line = xasprintf(_("it ended in \u2018%s\u2019; this time in \u2018%s\u2019"), then, now);
    else if (then) line = xasprintf(_("it ended in \u2018%s\u2019; this time the story has not ended"), then);
    else if (now) line = xasprintf(_("it did not reach an ending; this time it ended in \u2018%s\u2019"), now);
    free(then);
    return line;
}

const char *debrief_anchor_brought(const Debrief *db, const DebriefParticipant *p)
{
    if (!db->is_return || !p->then_anchor || !*p->then_anchor) return NULL;
    return !p->anchor || streq(p->anchor, p->then_anchor) ? p->then_anchor : NULL;
}

char *debrief_choices_count(const Debrief *db)
{
    if (db->participant_choices == db->choices) return xasprintf("%d", db->choices);
    return xasprintf(ngettext("%d (%d by the participant)", "%d (%d by the participants)", (unsigned long)db->np),
                     db->choices, db->participant_choices);
}

char *debrief_then_line(const Debrief *db)
{
    if (!db->is_return) return NULL;
    const JournalRecord *t = db->then;
    const char *ending = t->title ? t->title : t->ending ? t->ending : "?";
    if (db->only >= 0 || !t->from_journal) return xasprintf(_("the return afternoon of a session that ended in: %s"), ending);
    const char *slash = strrchr(t->from_journal, '/');
    return xasprintf(_("the return afternoon of the session in %s, which ended in: %s"),
                     slash ? slash + 1 : t->from_journal, ending);
}

char *debrief_rating_pair(int before, int after)
{
    char b[8] = "\u2013", a[8] = "\u2013";
    if (before) snprintf(b, sizeof b, "%d", before);
    if (after) snprintf(a, sizeof a, "%d", after);
    return xasprintf("%s \u2192 %s", b, a);
}

char *debrief_corner_share(const int corners[CORNERS], int c)
{
    int all = 0;
    for (int k = 0; k < CORNERS; k++) all += corners[k];
    return xasprintf(_("%d of %d"), corners[c], all);
}

long long debrief_minutes(const Debrief *db)
{
    return (db->seconds + 59) / 60;
}

/* The journal as a word of a command. A handout leaves the machine: the journal by its name
 * only, not where the trainer keeps it. */
static void journal_word(StrBuf *b, const Debrief *db)
{
    const char *path = db->journal_path ? db->journal_path : "JOURNAL";
    if (db->only >= 0 && strrchr(path, '/')) path = strrchr(path, '/') + 1;
    sb_shell_word(b, path);
}

char *debrief_return_command(const Debrief *db)
{
    if (db->is_return || db->ending_entry < 0 || !db->s || !scenario_has_return(db->s)) return NULL;
    StrBuf b;
    sb_init(&b);
    sb_add(&b, "verbeeld return ");
    journal_word(&b, db);
    return sb_take(&b);
}

char *debrief_replay_command(const Debrief *db, const DebriefParticipant *p)
{
    StrBuf b;
    sb_init(&b);
    sb_add(&b, "verbeeld replay ");
    journal_word(&b, db);
    if (p->replay_scene) {
        sb_add(&b, " --from ");
        sb_shell_word(&b, p->replay_scene);
    }
    return sb_take(&b);
}
