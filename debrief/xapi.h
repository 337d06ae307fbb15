/*
 * xapi.h - the debrief as xAPI 1.0.3 statements, for a learning record store.
 */
#ifndef VB_XAPI_H
#define VB_XAPI_H

#include <stdio.h>

#include "debrief/debrief.h"

/* Write the debrief to out. Returns 0, or -1 when writing failed. */
int xapi_write(const Debrief *db, FILE *out);

#endif
