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
/* The pointers resolving sets, set again in a model the cache kept (which holds its indices but
 * no pointers): each choice's quality as the lexicon's own string, and the choices it leads to.
 * 0, or -1 when a quality is not in `lx` (the model must then not be used). */
int resolve_relink(Scenario *s, const Lexicon *lx);

#endif
