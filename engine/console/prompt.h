/*
 * prompt.h - the /commands at the prompt (/stop, /go, /note, /back, ...) and the words tab
 * completion offers.
 */
#ifndef VB_PROMPT_H
#define VB_PROMPT_H

#include "console/play.h"

/* Carry out a /command line. Returns 1 when the line was a command (handled), 0 otherwise. */
int prompt_command(Play *P, const char *line);
/* On a terminal, wait for Enter before the first scene, so that who plays whom (on the wall,
 * or a participant's own brief) is read before the story scrolls it away; after picks, who
 * plays whom is shown again with the cards. Meanwhile /who, /note, /help and /quit work;
 * the end of input quits (the session is saved). Piped: no wait. */
void prompt_wait_to_begin(Play *P);
/* The words tab completion offers at the prompt. */
void prompt_completions(Play *P);

#endif
