/*
 * play.h - the session being played at the console, shared by the console's parts: the
 * session, its journal, and the state of the room (time-out, time played, what was last shown).
 *
 * play.c loads and journals; show.c renders what the session reports, prompt.c carries out the
 * /commands, setup.c asks the solo setup and the card picks, loop.c runs the turns.
 */
#ifndef VB_PLAY_H
#define VB_PLAY_H

#include "journal/journal.h"
#include "journal/record.h"
#include "model/cast.h"
#include "model/lexicon.h"
#include "model/scenario.h"
#include "runtime/session.h"

/* The last thing a participant did in the story: a choice, or a line the trainer typed with /say.
 * /tag places it on a corner. */
typedef struct {
    char *choice;             /* the choice's id; NULL for a line said */
    char *text;               /* the words */
} Deed;

/* A vote typed before the session stopped, in a vote not finished. */
typedef struct {
    char *by, *choice;
} Ballot;

typedef struct {
    const Scenario *s;
    const Lexicon *lx;        /* &lexicon once play_load has read it */
    Lexicon lexicon;          /* owned: freed with the rest of the Play */
    Cast cast;
    Session *S;
    Journal J;
    int journaling;           /* write what the session reports to the journal */
    int corners;              /* print each choice's corner after it (--corners, /corners) */
    int in_timeout;
    int timeouts;             /* time-outs called in this run of the console */
    double started;           /* when this run of the console began (monotonic seconds) */
    double paused_since;      /* when the running time-out began */
    double paused;            /* seconds spent in time-outs */
    double played_before;     /* seconds played in earlier runs of this session (resume) */
    int last_act;
    int incident_heading;     /* an incident's heading was just shown: it stands for its act's */
    int quit;
    int rate;                 /* the participants rated their learning goal at the start: again at the end */
    char *turn_key;           /* identifies the turn whose choices were last listed */
    int projector;            /* the view for a wall: high contrast, whose turn it is first (--projector) */
    Deed *deeds;              /* per participant, the last thing they did (NULL until someone did) */
    char *ballot_scene;       /* a vote the session stopped in (found on resume), or NULL */
    Ballot *ballots;          /* the votes typed in it before the stop */
    int nballots;
    int last_doer;            /* who did the last thing, as participant + 1; 0 while nobody has */
} Play;

/* An empty Play, with no journal open; and what a Play holds freed (the journal closed). */
void play_init(Play *P);
void play_free(Play *P);
/* Write an entry to the journal, telling the user (but going on, the entry kept in memory) if
 * it cannot be written. Returns 0, or -1 when the entry is not in the file. */
int play_journal(Play *P, json_object *entry);
/* Journal record `r` (a record without `at` is stamped now), as play_journal does. */
int play_record(Play *P, const JournalRecord *r);
/* Journal what the screen shows now (corners, the projector view), for a resume to show it too. */
void play_journal_view(Play *P);
/* Forget the votes of a vote cut off by a stop (it was finished, or the story moved on). */
void play_forget_ballots(Play *P);
/* Keep ballot e (REC_BALLOT) of a vote still open: typed before a command broke the vote off, or
 * read back from the journal of a session that stopped in it. The next /vote in that scene
 * takes it up. */
void play_keep_ballot(Play *P, const JournalRecord *e);
/* Put what the journal was given since the last call on disk (journal_sync): called before
 * every prompt and before the session ends; a failure is said as a failed write is. */
void play_sync(Play *P);
/* Journal the start of a new session (the cast file, when there is one; the first session's
 * journal, for a return session), then who plays whom. */
void play_journal_start(Play *P, const char *cast, unsigned long long seed, const char *from_journal);
void play_journal_cast(Play *P);
/* The option a person typed, 1..n: its number as listed, or "=ID", the id of the choice (the
 * options come in an order drawn from the seed, so a designer testing a path, and a test
 * script, names the choice). 0 when `line` is neither. */
int play_pick(const Play *P, const int *options, int n, const char *line);
/* Remember that participant `who` just did something: chose `choice` (an id), or said `text`
 * (choice NULL). */
void play_did(Play *P, int who, const char *choice, const char *text);
/* Free what the Play holds of the room (the deeds). */
void play_forget(Play *P);
/* The index of participant `name`, or -1. */
int play_participant(const Play *P, const char *name);
/* Seconds on a monotonic clock. */
double play_clock(void);
/* Load the lexicon and the scenario (a path or a name) into P. Returns 0, or -1 with d. */
int play_load(Play *P, const char *scenario, DiagList *d);
/* What earlier runs of a journal played in its first `upto` entries: the seconds in play
 * (time-outs and the gaps between runs left out) into P->played_before, and the time-outs
 * called into P->timeouts. */
void play_count_from_journal(Play *P, const JournalLog *log, int upto);
/* Rebuild the cast from a journal's participant entries. */
void play_cast_from_journal(Play *P, const JournalLog *log);
/* Replay the inputs of journal entries [0, upto) into the session: choices entered, incidents
 * injected, undos, time-outs. `aside`, when given, sees every entry first (to show notes).
 * Returns the number of inputs that no longer fit the scenario. */
int play_replay(Play *P, const JournalLog *log, int upto, void (*aside)(Play *, const JournalRecord *));

#endif
