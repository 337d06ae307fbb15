/*
 * show.h - what a participant sees of each thing the session reports, and what the journal
 * keeps of it: both come from the same Output, so the screen and the journal never disagree.
 */
#ifndef VB_SHOW_H
#define VB_SHOW_H

#include "console/play.h"

/* The output callback for the session (ud is the Play): print, and journal when P->journaling. */
void show_output(void *ud, const Output *o);
/* List the choices of the current turn. */
void show_choices(Play *P, const Turn *t);
/* The prompt for a turn ("Sanne (Isabel) — "). Fresh string. */
char *show_prompt(Play *P, const Turn *t);
/* The status line a trainer sees above the prompt: act, scene, time played, time-outs. */
void show_status(Play *P);
/* Corner c of participant `participant`'s choice (or of what the trainer saw them do), said as
 * /corners says it: as their own ("Sanne's own pitfall", alone "your own pitfall") when their
 * character, `role`, is on their opposite quadrant; else as the character's corner. Fresh. */
char *show_corner_label(Play *P, int participant, Corner c, const char *role);

#endif
