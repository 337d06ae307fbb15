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

#endif
