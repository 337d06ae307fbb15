/*
 * explorer_growth.h - why an exhaustive exploration ran out of room: the parts of the state
 * (a variable, a character's field, a visit count) that take the most values among the states
 * still waiting when the limit was hit.
 */
#ifndef VB_EXPLORER_GROWTH_H
#define VB_EXPLORER_GROWTH_H

#include "model/scenario.h"

typedef struct {
    char *what;               /* the part, as a designer names it: vars.x, chars.femke.trust */
    int values;               /* how many different values it has among the states looked at */
} Growth;

/* The parts of the state that vary most among the `n` snapshots `snaps` (session snapshots as
 * JSON text; NULL ones are skipped), most values first: at most `max` of them, written to
 * `out` (each `what` a new string). Parts with one value only are left out, and so are those
 * `keep` (when given) says do not tell states apart. Returns how many. */
int explorer_growth(const Scenario *s, char *const *snaps, int n, Growth *out, int max,
                    int (*keep)(const char *what, const void *ud), const void *ud);

/* A snapshot kept as JSON text, read back: as deep as a journal entry may be (64), where
 * json-c's default reader stops at 32 and a character's state alone may be 32 deep. NULL when
 * it cannot be read (never a session state to restore in its place). */
#define EXPLORER_SNAPSHOT_DEPTH 64
struct json_object *explorer_growth_snapshot(const char *text);

#endif
