/*
 * xapi.h - the debrief as xAPI 1.0.3 statements, for a learning record store.
 */
#ifndef VB_XAPI_H
#define VB_XAPI_H

#include <stdio.h>

#include <json-c/json.h>

#include "debrief/debrief.h"

/* The statements, as a JSON array (the caller puts it): those of the participant db->only when
 * it is set. What xapi_write writes, and what lrs/ sends. */
json_object *xapi_statements(const Debrief *db);
/* The statement that voids statement `id` of this session, sent by lrs/ when what it had sent
 * was taken back with /back (its id is stable too). Fresh. */
json_object *xapi_voiding(const Debrief *db, const char *id);
/* Write the debrief to out. Returns 0, or -1 when writing failed. */
int xapi_write(const Debrief *db, FILE *out);

#endif
