/*
 * people.h - who a trainer means by "@name" at the prompt: a participant by their own name or
 * by their character's, in any case, as people say them in the room.
 */
#ifndef VB_PEOPLE_H
#define VB_PEOPLE_H

#include "console/play.h"

#define PEOPLE_NONE (-1)      /* the text does not start with '@': nobody was named */
#define PEOPLE_UNKNOWN (-2)   /* an '@' that names nobody (the room was told who is there) */

/* The participant `arg` names when it starts with "@NAME" (their name, their character's full
 * name or its first name; any case), with *rest set to the text after it. PEOPLE_NONE when it
 * does not start with '@' (*rest is arg); PEOPLE_UNKNOWN, after an alert that lists who is
 * there, when the name matches nobody or more than one. */
int people_named(Play *P, const char *arg, const char **rest);
/* Print who is there, one a line: the name to type, and as whom they play. */
void people_list(Play *P);

#endif
