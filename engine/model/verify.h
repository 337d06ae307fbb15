/*
 * verify.h - the designer's warnings about a loaded model, before anyone plays it.
 */
#ifndef VB_VERIFY_H
#define VB_VERIFY_H

#include "base/diag.h"
#include "model/scenario.h"

/* What a designer should hear before play : scenes that cannot be reached, endings
 * nothing leads to, names in conditions and effects that the scenario does not declare. */
void verify_scenario(const Scenario *s, DiagList *d);

/* The part of verify_scenario that needs no more than the names the file uses, and so runs on
 * a model whose references did not all resolve (load_scenario_unresolved) too: scenes that
 * cannot be reached, endings nothing leads to, loops with no way out, to="return" with nothing
 * to return to, debrief questions never asked, undeclared names in conditions and effects. An
 * unknown target leads to no scene there, and counts as a way out of a loop (it is reported
 * where it is written). */
void verify_story(const Scenario *s, DiagList *d);

#endif
