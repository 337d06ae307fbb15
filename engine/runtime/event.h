/*
 * event.h - the table `ev` that a character's react hook is told what happened with.
 *
 * A react hook runs for every character at every choice, so `ev` is lent, not made: each
 * sandbox keeps one read-only table that reads the event being told. Its fields become Lua
 * values only when a script reads them.
 */
#ifndef VERBEELD_EVENT_H
#define VERBEELD_EVENT_H

#include <lua.h>

#include "model/lexicon.h"

/* What happened, told to a character's react hook. The strings are only borrowed: they must
 * live until ev_end. */
typedef struct {
    const char *kind;    /* "choice" or "event" */
    const char *actor;   /* role id of who chose, or NULL */
    const char *name;    /* participant name, or NULL when the engine chose */
    const char *quality; /* lexicon id as the lexicon gave it out (compared by address), or NULL */
    Corner actor_corner;
    const char *scene, *choice, *event;
    int self;            /* this character made the choice */
    const char *addressee; /* role id the choice is said to, or NULL */
    int addressed;       /* this character is that role's */
} ReactEvent;

/* A sandbox's event table, as C keeps hold of it; it lives as long as the sandbox. */
typedef struct EvTable EvTable;

/* Make the event table of the sandbox `L` (once per sandbox). */
EvTable *ev_table(lua_State *L);
/* Push the event table, now telling `ev`; `corner` is where the quality falls on the quadrant
 * of the character being told (CORNER_NONE when nowhere). */
void ev_push(lua_State *L, EvTable *t, const ReactEvent *ev, Corner corner);
/* The hook has returned: the table no longer tells anything (its ids read as nil). */
void ev_end(EvTable *t);

#endif
