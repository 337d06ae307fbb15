/*
 * prompt.h - the /commands at the prompt (/stop, /go, /note, /back, ...) and the words tab
 * completion offers.
 */
#ifndef VB_PROMPT_H
#define VB_PROMPT_H

#include "console/play.h"

/* Carry out a /command line. Returns 1 when the line was a command (handled), 0 otherwise. */
int prompt_command(Play *P, const char *line);
/* The words tab completion offers at the prompt. */
void prompt_completions(Play *P);

#endif
