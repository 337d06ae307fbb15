/*
 * debrief.h - the debrief of a session, built from its journal (and, when it can still be
 * found, its scenario): the story for the group, and for each participant their corners,
 * the moments that mattered, reflection questions, an anchor and the return afternoon.
 *
 * "Any game or exercise is just an excuse for a debrief." debrief_build reads the journal into
 * the Debrief below; one writer per format turns it into Markdown, HTML, JSON or xAPI
 * (markdown.h, html.h, json.h, xapi.h).
 */
#ifndef VB_DEBRIEF_H
#define VB_DEBRIEF_H

#include <stdio.h>

#include "debrief/prompts.h"
#include "journal/journal.h"
#include "journal/record.h"
#include "model/lexicon.h"
#include "model/scenario.h"

/* What made a moment matter for a participant. */
typedef enum {
    MOMENT_FIRST_CORE,   /* the first time they played their challenge (their character's core) */
    MOMENT_CORE,         /* they played it again */
    MOMENT_FALLBACK,     /* back to their own core quality (challenge corner) or pitfall (allergy) */
    MOMENT_OVERSHOOT,    /* into what they are allergic to (their character's pitfall) */
    MOMENT_REACTION,     /* a character reacted to the choice of the moment before it */
    MOMENT_TIMEOUT,      /* they stepped out of the fiction */
    MOMENT_NOTE,         /* the trainer noted something about them */
    MOMENT_TURNING,      /* a choice the scenario marks as a turning point of the story */
    MOMENT_SAID,         /* what they said in character, in their own words (/say) */
    MOMENT_OBSERVED,     /* the trainer placed what they did on a quality (/tag) */
} MomentKind;

typedef struct {
    MomentKind kind;
    int entry;                /* the journal entry */
    int ballot;               /* a vote's: which of db->ballots (their vote as a choice), or -1 */
} Moment;


typedef struct {
    const char *name, *core, *goal, *role, *character, *character_core, *reason, *card;
    int has_quadrants;        /* own and character were found in the lexicon */
    Quadrant own;             /* their own quadrant */
    Quadrant character_q;     /* their character's, as cast: where their choices were placed */
    int exact;                /* the character was played on their opposite quadrant */
    int corners[CORNERS];     /* choices that stand (not undone), per corner */
    int unplaced;             /* choices whose quality is not on their quadrant */
    int observed[CORNERS];    /* corners the trainer observed (/tag), kept apart from the picked ones */
    int observed_unplaced;    /* observed qualities not on their character's quadrant */
    int said;                 /* lines they said in their own words (/say) */
    int choices;
    int timeouts;
    int notes;                /* notes about them */
    int reactions;            /* characters' reactions to their choices */
    Moment *moments;          /* in journal order */
    int nmoments;
    PromptQuestion *questions;
    int nquestions;
    char *goal_question;      /* owned: the question about their learning goal */
    char *own_question;       /* owned: the question about what they did in their own words */
    const char *anchor_title, *anchor_text;   /* their card (a deck card), when the scenario has it */
    const char *anchor_prompt;                /* the anchoring prompt from the library */
    const char *anchor;                       /* the anchor they named at the end of play */
    const char *replay_scene;                 /* the scene to replay on the return afternoon */
    const char *replay_title;
    const char *replay_why;                   /* why that scene (translated) */
    /* The statement about their learning goal, rated 1 to 10 at the start and at the end (0:
     * not rated); in a return session, their first session as its recap says (then_*). */
    const char *statement;
    int before, after;
    int was_there;                            /* a return session: they played the first session */
    int then_corners[CORNERS];
    int then_before, then_after;
    const char *then_anchor;
    const char *between[3];                   /* questions about the weeks in between (translated) */
    int nbetween;
} DebriefParticipant;


typedef struct {
    const JournalLog *log;
    JournalRecord *rec;       /* the log's entries as records, one per entry: what the writers read */
    JournalRecord *ballots;   /* each participant's vote, as a choice of theirs (a moment's record) */
    int nballots;
    const char *journal_path;
    int only;                 /* a handout: the one participant it is for, or -1 for everyone */
    char *group_questions[3]; /* owned: questions for the group, from what happened in the room */
    int ngroup;
    const char *lang;         /* the language of the debrief */
    unsigned char *undone;    /* per entry: taken back with /back */
    DebriefParticipant *p;
    int np;
    const char *title, *scenario, *session_lang;
    long long started, finished;   /* seconds since 1970 */
    long long seconds;             /* played: from each start, resume or branch to the entry
                                      before the next (a night between, or the first session a
                                      "what if" came from, is not counted twice) */
    long long return_day;          /* two weeks after the start */
    int choices, timeouts, notes, incidents;
    int participant_choices;       /* of the choices, those a participant made (not a character
                                      verbeeld plays) */
    int tags;                      /* corners the trainer observed (/tag): the corner tables show them apart */
    int ending_entry;              /* the ending entry, or -1 */
    int branch_entry;              /* a what-if (replay --from): where it went its own way, or -1 */
    int branch_back;               /* the first choice before it that the what-if took back with
                                      /back (it went its own way from there), or -1 */
    const char *ending, *ending_title;
    int led_to[3];                 /* the last three choices before the ending, oldest first */
    int nled_to;
    char registration[37];         /* a UUID derived from the start entry; a return session's is
                                      its first session's, so that both are one registration */
    int is_return;                 /* a return session (its journal has a then entry) */
    const JournalRecord *then;     /* that entry: the first session's journal, ending, registration */
    Lexicon lx;
    int have_lx;
    Scenario *s;                   /* the scenario, when its file is still there; else NULL */
    PromptLibrary *lib;
} Debrief;

/* Read the journal into a debrief in language `lang` ("nl" or "en"). The debrief points into
 * the log: keep the log alive until debrief_free. */
void debrief_build(Debrief *db, const JournalLog *log, const char *journal_path, const char *lang);
void debrief_free(Debrief *db);

/* ---- shared by the writers ---- */

/* The participant's index by name, or -1. */
int debrief_find(const Debrief *db, const char *name);
/* The participant a person means by `typed` on the command line: their name exactly, else in
 * any case, else the character they played; -1 when none. */
int debrief_find_typed(const Debrief *db, const char *typed);
/* The title of the scene entry `entry` happened in (a choice, a return, a scene), as it was
 * on screen; NULL for a scene without a title. */
const char *debrief_scene_title(const Debrief *db, int entry);
/* The heading entry `entry` starts in the story, as it was on screen: a scene's or a return's
 * title, an incident's name; NULL when it starts none (not a scene, taken back, untitled, or
 * the scene whose heading is already above it, as after /back). */
const char *debrief_heading(const Debrief *db, int entry);
/* Whether the heading entry `entry` (a scene or a return) would stand over nothing: no choice,
 * vote, quoted line or aside follows it before the next heading. Such a scene was only read
 * aloud, and the story leaves its heading out. An incident's heading is never empty. */
int debrief_heading_empty(const Debrief *db, int entry);
/* The heading the story shows at entry `entry`, in words ("Incident: ...", "... (after the
 * incident)"; an incident and the scene it opens with as one), or NULL where the story shows
 * none: taken back, untitled, the same scene again, over nothing, or the scene already named in
 * its incident's heading. The caller frees it. */
char *debrief_heading_text(const Debrief *db, int entry);
/* A line someone said, in the debrief's quotation marks (“...”), without those the trainer may
 * have typed around it; `in_sentence`: a full stop of its own is left to the sentence around
 * it. The caller frees it. */
char *debrief_quoted(const char *text, int in_sentence);
/* The quality of choice `e` and where it fell, said as it is true for whoever chose it ("caring:
 * Ayla's own core quality", or addressed to them: "caring: your own core quality"); for a
 * character nobody played, or one not on its player's opposite quadrant, the corner of the
 * character's quadrant. NULL when the choice has no quality; the caller frees it. */
char *debrief_corner_words(const Debrief *db, const JournalRecord *e, int addressed);
/* The words of choice `choice` of scene `scene` as they were shown (the session's language),
 * from the scenario when it is still there; else the id. */
const char *debrief_choice_text(const Debrief *db, const char *scene, const char *choice);
/* One line of a vote: who voted for an option ("Sanne, Joris and Wen") and its words. */
typedef struct {
    char *voters;
    const char *text;
} VoteLine;
/* A vote entry as a line per option voted for, in the order of the first vote for each; returns
 * their number. Free them with debrief_vote_lines_free. */
int debrief_vote_lines(const Debrief *db, const JournalRecord *e, VoteLine **lines);
void debrief_vote_lines_free(VoteLine *lines, int n);
/* How vote e (an entry of db->rec) was decided: by the majority, by a vote again after a tie,
 * or by the trainer on a tie (translated). */
const char *debrief_vote_outcome(const Debrief *db, const JournalRecord *e);
/* Whether entry i is a reaction that was on screen (not taken back, not the hidden reaction of
 * a character a participant plays): only those are quoted. */
int debrief_said(const Debrief *db, int i);
/* "core", "first-core", "fallback", ... as used in JSON ("first-core": the first of this
 * session). */
const char *debrief_moment_id(MomentKind k);
/* What moment kind k is to participant p, translated: in a return session the first time they
 * played their challenge there is not called the first time when the recap says they played
 * it in the first session. */
const char *debrief_moment_label(const Debrief *db, const DebriefParticipant *p, MomentKind k);
/* What a corner means for the participant who lands on it (translated); for CORNER_NONE, why a
 * choice is on no corner. */
const char *debrief_corner_meaning(Corner c, int exact);
/* Said plainly when p's character was not played on p's opposite quadrant: what was practised
 * instead (translated; the caller frees it). */
char *debrief_not_opposite(const Debrief *db, const DebriefParticipant *p);
/* The term of corner c of quadrant q in the debrief's language ("" when unknown). */
const char *debrief_term(const Debrief *db, const Quadrant *q, Corner c);
/* A term id in the debrief's language. */
const char *debrief_term_name(const Debrief *db, const char *term);
/* "2025-11-22" and "2025-11-22 10:00" (UTC) and ISO 8601 of a time. buf holds 32. */
void debrief_date(long long t, char *buf);
void debrief_datetime(long long t, char *buf);
/* The command that starts the replay of participant p's scene ("verbeeld replay J --from S"). */
char *debrief_replay_command(const Debrief *db, const DebriefParticipant *p);
/* The command that starts the return session of this session ("verbeeld return J"), when its
 * scenario has a return situation and the session ended; else NULL. Fresh. */
char *debrief_return_command(const Debrief *db);
/* A what-if branch said in words: from where it was played on, and of which journal (its file
 * name; not in a handout). Fresh; NULL when the session is no branch. */
char *debrief_branch_line(const Debrief *db);
/* How a what-if's first run ended against how this one did ("it ended in 'The door slams';
 * this time in 'Saying no together'"), read from the first run's journal when it is still
 * there. Fresh; NULL when the session is no branch or that journal cannot be read. */
char *debrief_first_run_line(const Debrief *db);
/* A return session said in words: of which first session (its journal's file name; not in a
 * handout), and how that one ended. Fresh; NULL when the session is no return session. */
char *debrief_then_line(const Debrief *db);
/* The number of choices in the story, and of them the participants': "30 (18 by the
 * participants)". Fresh. */
char *debrief_choices_count(const Debrief *db);
/* The record moment m is about: its journal entry, or for a vote the participant's own vote,
 * read as a choice of theirs (scene, choice, its words, their quality and corner). */
const JournalRecord *debrief_moment_record(const Debrief *db, const Moment *m);
/* On a return afternoon, the anchor p named in the first session when they named none (or the
 * same) at its end: what they brought, for "Your anchor"; else NULL. */
const char *debrief_anchor_brought(const Debrief *db, const DebriefParticipant *p);
/* A rating in words: "7 → 8", "7 → –" (fresh). */
char *debrief_rating_pair(int before, int after);
/* Corner c's count as a share of the choices on the quadrant, "3 of 12": a first session and a
 * short return afternoon have different numbers of choices, so counts alone do not compare.
 * Fresh. */
char *debrief_corner_share(const int corners[CORNERS], int c);
/* Minutes the session was played (Debrief.seconds, rounded up). */
long long debrief_minutes(const Debrief *db);

#endif
