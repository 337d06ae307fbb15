/*
 * resolve.h - turning the names a scenario file uses (scenes, roles, variables, qualities)
 * into indices, and checking what they mean; the loader calls it on every model it builds.
 */
#ifndef VB_RESOLVE_H
#define VB_RESOLVE_H

#include "base/diag.h"
#include "model/lexicon.h"
#include "model/scenario.h"

/* Resolve names into indices and check meaning; used by the loader. */
void resolve_scenario(Scenario *s, const Lexicon *lx, DiagList *d);

#endif
