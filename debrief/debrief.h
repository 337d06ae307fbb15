/*
 * debrief.h - the debrief of a session, built from its journal alone.
 *
 * "Any game or exercise is just an excuse for a debrief." The journal holds every moment;
 * this module reads it into a summary (who played whom, the story as played, each
 * participant's corners) and writes it out.
 */
#ifndef VB_DEBRIEF_H
#define VB_DEBRIEF_H

#include <stdio.h>

#include "journal.h"
#include "lexicon.h"

typedef struct {
    const char *name, *core, *goal, *role, *character, *character_core, *reason;
    int corners[CORNERS];     /* choices that stand (not undone), per corner */
    int unplaced;             /* choices whose quality is not on their quadrant */
    int choices;
    int timeouts;
    int notes;                /* notes about them */
} DebriefParticipant;

typedef struct {
    const JournalLog *log;
    unsigned char *undone;    /* per entry: taken back with /back */
    DebriefParticipant *p;
    int np;
    const char *title, *scenario, *lang, *ending_title;
    long long started, finished;   /* seconds since 1970 */
    int choices, timeouts, notes;
} Debrief;

/* Read the journal into a debrief (which points into the log: keep the log alive). */
void debrief_build(Debrief *db, const JournalLog *log);
void debrief_free(Debrief *db);

/* Write the debrief as Markdown. */
void debrief_markdown(const JournalLog *log, FILE *out);

#endif
