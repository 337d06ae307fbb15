/*
 * sheets.h - the printed material of a live session: a character brief per participant (with
 * their private briefing, when the cast file gives one) and the deck cards as posters.
 */
#ifndef VB_SHEETS_H
#define VB_SHEETS_H

#include "model/cast.h"
#include "model/lexicon.h"
#include "model/scenario.h"

/* What the sheets need to know about each role: its character's name, title and core quality
 * (from the character scripts), indexed like the scenario's roles. */
typedef struct {
    const char *name, *title, *core;
} SheetRole;

/* The cues for stepping into a role, one each for body, emotion and reason (from the
 * debrief's prompt library); a NULL cue is left out. */
#define SHEET_CUES 3

/* Write DIR/group.html, the group's overview on one A3 page (the situation, who plays whom, the
 * incidents the trainer may bring in, how to step out), DIR/<participant>.html for each
 * participant of the (cast) cast, and DIR/cards-<deck>.html for each card deck. Prints each file written to stdout. Returns 0, or -1. */
int sheets_write(const Scenario *s, const Lexicon *lx, const Cast *cast, const SheetRole *roles,
                 const char *const cues[SHEET_CUES], const char *lang, const char *dir);

#endif
