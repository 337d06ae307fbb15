/*
 * continuity.h - the continuity check: text that presupposes a fact (needs="...", unless="...")
 * where the story can get without that fact holding (or not holding).
 */
#ifndef VB_CONTINUITY_H
#define VB_CONTINUITY_H

#include "base/diag.h"
#include "model/scenario.h"

/* Warn, at the line of each text, choice or line, where the story can show it while a fact
 * it presupposes may not be as it presupposes, with a way there. Follows every goto, choice,
 * next and incident; of conditions it understands facts.ID and not facts.ID joined by and
 * (any other condition may hold or not). Nothing to do for a scenario without facts. */
void continuity_check(const Scenario *s, DiagList *d);

#endif
