/*
 * revisit.h - the return afternoon at the console: the first session recalled for each
 * participant, the statement about their learning goal rated before and after, and the return
 * session set going (new, resumed or replayed) from what its journal says about the first.
 */
#ifndef VB_REVISIT_H
#define VB_REVISIT_H

#include "console/play.h"
#include "journal/journal.h"
#include "journal/record.h"

/* The statement a participant with learning goal `goal` (or none) rates, in the session's
 * language (a fresh string). */
char *revisit_statement(const char *goal);
/* Ask each participant how true their statement is for them now (1 to 10, Enter skips), and
 * journal each rating with `moment` ("before" or "after"). Stops at the end of input. */
void revisit_rate(Play *P, const char *moment);
/* Show one participant's recap of the first session (`fell_back`: where they fell back, the
 * first `listed` scenes in words, or NULL) and journal it. */
void revisit_recap(Play *P, const JournalRecord *recap, const char *fell_back, int listed);
/* Enter the first scene of P's session as journal `log` (or NULL: a new first session) says:
 * for a return session, the return block after the first session's ending, with its variables;
 * and note that the participants will rate again at the end when they rated at the start. */
void revisit_start(Play *P, const JournalLog *log);
/* For a return session: each variable's value as a then entry gives them (the scenario's first
 * values for those it does not name), a fresh array. */
double *revisit_values(const Scenario *s, const JournalRecord *then);

#endif
