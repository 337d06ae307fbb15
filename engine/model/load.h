/*
 * load.h - reading a scenario file into the resolved model: from the model cache when the file
 * and the lexicon are unchanged, else parsed and validated against the schema (xml/), then
 * resolved (resolve.h).
 */
#ifndef VB_LOAD_H
#define VB_LOAD_H

#include "base/diag.h"
#include "model/lexicon.h"
#include "model/scenario.h"

/* Load, validate against the schema and resolve a scenario. Problems go to `d` as
 * file:line diagnostics; returns NULL when there is any error. */
Scenario *load_scenario(const char *path, const Lexicon *lx, DiagList *d);
/* The same, but the model comes back even when resolving its references found errors (NULL
 * only when the file cannot be read, parsed or validated): for `check`, which goes on to try
 * the characters. Such a model has unresolved names (index -1) and must not be played. */
Scenario *load_scenario_unresolved(const char *path, const Lexicon *lx, DiagList *d);

#endif
