/*
 * ranges.h - what the values of the variables prove about a story, before anyone plays it.
 *
 * The range each variable can have at each scene is worked out from the start values, the
 * effects and the conditions (intervals, widened where the story loops; what scripts keep is
 * unknown wherever a condition reads it). From those ranges: endings that can never be
 * reached, scenes where every choice can be false at once (a possible dead end, with the
 * values that make it one) and loops that the story can enter but never leave.
 */
#ifndef VB_RANGES_H
#define VB_RANGES_H

#include "base/diag.h"
#include "model/scenario.h"

/* Add to d what the ranges prove about s: errors for endings that can never be reached,
 * warnings for possible dead ends and for loops with no way out for some values. What the
 * plain structure shows (verify.c: nothing leads there, a loop without any way out) is not
 * repeated. */
void ranges_check(const Scenario *s, DiagList *d);

#endif
