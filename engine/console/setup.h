/*
 * setup.h - around the story: before the first scene the setup without a cast file (names, core
 * qualities, learning goals, a character of one's own), the cast as the room sees it and the
 * cards participants pick; after the last, the anchors.
 */
#ifndef VB_SETUP_H
#define VB_SETUP_H

#include "console/play.h"

/* The setup without a cast file: ask name, core quality and learning goal; a group at one
 * keyboard types every name at the first question, separated by commas, and each is asked their
 * core quality and goal. Returns 0, or -1 at end of input. */
int setup_people(Play *P);
/* Let every participant without a card pick one for each <pick> of the scenario.
 * Returns 0, or -1 at end of input. */
int setup_picks(Play *P);
/* Check the cards a cast file gave. Problems go to d. */
/* Alone, in a scenario whose roles a participant may make their own (own="yes"): choose
 * which of them to play (each on their opposite quadrant), then give the character a name and
 * a sentence on who they are. Returns 0, or -1 at end of input. */
int setup_own_character(Play *P);
/* At the end of the game each participant anchors what they found (a posture, an object or a
 * piece of music, one line) for their debrief and the return afternoon; journaled. Enter skips;
 * a bare number (a choice typed once too often) is not taken; the end of input stops asking. */
void setup_anchors(Play *P);
/* Show who plays whom and why. */
void setup_show_cast(Play *P);
/* The brief of p's character: the role's, the participant's own words on it, its portrait. */
void setup_show_brief(Play *P, const Participant *p);
/* Write the cast as a cast file (the solo setup keeps one next to the journal). */
void setup_write_cast(Play *P, const char *path);

#endif
