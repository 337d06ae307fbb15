/*
 * json.h - the debrief as everything the debrief holds, as JSON (docs/debrief.schema.json).
 */
#ifndef VB_JSON_H
#define VB_JSON_H

#include <stdio.h>

#include "debrief/debrief.h"

/* Write the debrief to out. Returns 0, or -1 when writing failed. */
int json_write(const Debrief *db, FILE *out);

#endif
