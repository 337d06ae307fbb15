/*
 * record.h - the journal's entries as typed records: one kind per entry, its fields by name.
 *
 * docs/journal.md is the contract for people who process journals; this is the same contract
 * for the code. record_read turns an entry into a JournalRecord, record_json turns a
 * record back into an entry, and readers (the debrief first) use the record's fields
 * instead of looking up JSON keys, so a misspelt field is a compile error, not a silent NULL.
 */
#ifndef VB_JOURNAL_RECORD_H
#define VB_JOURNAL_RECORD_H

#include <json-c/json.h>
#include <stddef.h>

#include "journal/journal.h"

/* Every kind of entry, in the order docs/journal.md describes them. */
typedef enum {
    REC_UNKNOWN,       /* a kind this version does not know (a later version's): ignored */
    REC_START,
    REC_PARTICIPANT,
    REC_RECAST,
    REC_SCENE,
    REC_CHOICE,
    REC_VOTE,
    REC_BALLOT,        /* one participant's vote, journaled as typed: a vote cut off is not lost */
    REC_REACT,
    REC_EVENT,         /* an incident began by itself */
    REC_INJECT,        /* an incident started by the trainer */
    REC_RETURN,
    REC_ENDING,
    REC_END,
    REC_ANCHOR,
    REC_SCRIPT_ERROR,
    REC_STUCK,
    REC_TIMEOUT,
    REC_GO,
    REC_NOTE,
    REC_SAY,           /* what a participant said in character, as the trainer typed it (/say) */
    REC_TAG,           /* the trainer placed a participant's last line or choice on a corner (/tag) */
    REC_UNDO,
    REC_VIEW,          /* what the screen shows: corners, the projector view (for a resume) */
    REC_RESUME,
    REC_BRANCH,
    REC_QUIT,
    REC_THEN,          /* a return session: the first session it returns to */
    REC_RECAP,         /* a return session: one participant's first session, in short */
    REC_RATING,        /* a participant rated the statement about their learning goal */
    REC_KINDS
} RecordKind;

/* One participant's vote. */
typedef struct {
    const char *by, *choice, *quality, *corner;
} RecordVote;

/* A variable as a first session left it (then). */
typedef struct {
    const char *name;
    double value;
} RecordVar;

/* The corners of a recap, in the order of "corners" in the entry. */
enum { RECORD_CORNERS = 4 };
extern const char *const record_corner_names[RECORD_CORNERS];   /* "core", "pitfall", ... */

/* A journal entry. Strings are borrowed from the entry read (NULL when absent); corners are
 * their ids ("core", "pitfall", ...) as journaled; which fields a kind has is listed beside
 * them. Numbers are 0 and flags false when absent, except `steps` of an undo, which is 1;
 * `present` says which were there (a bit per field, in record.c's table), so that a record
 * written back holds what it was read from. */
typedef struct {
    RecordKind kind;
    const char *ev;               /* the kind as journaled (kept for a kind this version does not know) */
    unsigned long long present;
    const char *at;               /* every kind: when, ISO 8601 UTC */
    /* start */
    const char *format, *program, *scenario, *path, *lang, *cast;
    int version, scenario_version;
    long long seed;
    /* participant, recast (name, role, character, character_core, reason), anchor (who, text) */
    const char *name, *core, *goal, *role, *character, *character_core, *reason, *card, *own_name, *about;
    int briefed;                  /* participant: the cast file gave them a private brief */
    /* scene (scene, title, act, after_undo: shown again after /back), return (scene, title),
     * event and inject (event, title), ending (ending, title) */
    const char *scene, *title, *act, *event, *ending;
    int after_undo;
    /* choice: step, scene, choice, text, quality, corner, by (a participant; NULL for the group),
     * role, character, automatic (verbeeld chose for a character nobody plays), turning */
    const char *choice, *text, *quality, *corner, *by;
    int step, automatic, turning;
    /* vote: scene, votes, result (the winning choice; NULL on a tie); ballot: scene, by, choice,
     * quality, corner (one vote as it was typed, before the vote entry) */
    RecordVote *votes;            /* owned by the record */
    int nvotes;
    const char *result;
    /* react: role, who, to, mood, text, played (the character is played by a participant: its
     * reaction was not on screen) */
    const char *who, *to, *mood;
    int played;
    /* timeout: who, why, scene, step; note: text, about, scene, step; quit: why;
     * say: by, role, character, text, scene, step; tag: by, quality, corner, scene, step, and what
     * was tagged: choice (its id, for a choice), text (its words) */
    const char *why;
    /* view: show_corners, projector (flags, as set now) */
    int show_corners, projector;
    /* undo: steps; end: steps */
    int steps;
    /* resume: dropped, mismatches, cut_bytes (the bytes of a half-written last line removed) */
    int dropped, mismatches;
    long long cut_bytes;
    /* branch: from_journal, from, entry */
    const char *from_journal, *from;
    int entry;
    /* then: from_journal, ending, title, steps, registration (the first session's), vars (the
     * variables as it left them); recap: name, role, character, goal, anchor, corners (choices
     * per corner in the first session), before and after (their ratings then, 0 when not
     * asked); rating: name, moment ("before" or "after"), rating (1 to 10), text (the statement) */
    const char *registration, *anchor, *moment;
    RecordVar *vars;              /* owned by the record */
    int nvars;
    int corners[RECORD_CORNERS];
    int has_corners;
    int rating, before, after;
    /* script-error, stuck: text */
    /* any entry: cut (its texts were cut to the journal's limits, or only its kind was kept) */
    int cut;
} JournalRecord;

/* The kind's name as journaled ("choice", "script-error"), and back (REC_UNKNOWN when unknown). */
const char *record_kind_name(RecordKind k);
RecordKind record_kind(const char *ev);

/* Read entry `e` into `r` (its strings point into `e`: keep it alive). */
void record_read(json_object *e, JournalRecord *r);
/* Free what the record owns (the votes, the vars). */
void record_free(JournalRecord *r);
/* The entry for record `r`, as journal_write takes it (a fresh object). Strings are written when
 * set, numbers and flags when set to something other than 0 or false or marked present (below);
 * a record without `at` gets the time now. */
json_object *record_json(const JournalRecord *r);

/* Set field `f` of record `r` and mark it present, so that it is written even when it is 0 or
 * false: `RECORD_SET(&r, dropped, 0)`. Writers build a record with designated initializers
 * and use this only for numbers and flags that belong in the entry whatever their value. */
#define RECORD_SET(r, f, value) ((r)->f = (value), record_mark((r), offsetof(JournalRecord, f)))
void record_mark(JournalRecord *r, size_t offset);

/* Every entry of a journal as a record, in order (log->n of them; their strings point into the
 * log: keep it alive). Free with record_free_all. */
JournalRecord *record_read_all(const JournalLog *log);
void record_free_all(JournalRecord *rec, int n);
/* The seconds played in the `n` records: each run from its first entry to its last (a run
 * begins at the start, at a resume and at the branch of a "what if", whose entries before it
 * are the first session's, at that session's times), less every time-out (from the time-out to
 * the go that ends it). The number of time-outs in *timeouts when it is not NULL. */
long long record_played_seconds(const JournalRecord *rec, int n, int *timeouts);

#endif
