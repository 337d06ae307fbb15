/*
 * loop.h - the turns of a session at the console, until an ending, /quit or the end of input.
 */
#ifndef VB_LOOP_H
#define VB_LOOP_H

#include "console/play.h"

/* Prompt, read and act until the story ends, /quit or the end of input; then say where the
 * debrief or the journal is. Returns 0, or 1 when the session could not be saved. */
int loop_run(Play *P);

#endif
