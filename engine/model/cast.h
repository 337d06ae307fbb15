/*
 * cast.h - who plays whom: participants, the cast file, and casting.
 *
 * Each participant plays a character built on their opposite core quadrant. Without a role in
 * the cast file, the engine picks the playable role whose quadrant is nearest to it, and says
 * why in one sentence. Role quadrants come from the character scripts (role_cores[r] is the
 * core quality of role r, a lexicon id).
 */
#ifndef VB_CAST_H
#define VB_CAST_H

#include "base/diag.h"
#include "model/lexicon.h"
#include "model/scenario.h"

typedef struct {
    char *name;
    char *core;          /* the participant's own core quality (lexicon id) */
    char *goal;
    int role;            /* index in the scenario's roles, -1 before casting */
    char *role_name;     /* as asked for in the cast file */
    char *card;          /* card id picked in the setup, or NULL */
    char *reason;        /* why this role (set by casting) */
    Text brief;          /* a private briefing from the cast file */
} Participant;

typedef struct {
    Participant *p;
    int n;
} Cast;

/* Read a cast file (validated against scenarios/cast.rng); problems go to `d` with file:line. */
int cast_load(Cast *c, const char *path, const Lexicon *lx, DiagList *d);
/* Add a participant (strings are copied). */
Participant *cast_add(Cast *c, const char *name, const char *core, const char *goal);
void cast_free(Cast *c);

/* Give every participant without a role the nearest free playable role (role_cores[r] is the
 * core quality of role r, role_names[r] the name to show), and check the roles
 * asked for. Problems (unknown role or card) go to `d` with `path` (the cast file). */
int cast_assign(Cast *c, const Scenario *s, const Lexicon *lx, const char *const *role_cores,
                const char *const *role_names, const char *path, DiagList *d);

/* How far role `r`'s quadrant is from what participant `p` should play: 0 is their opposite
 * quadrant exactly; larger is further. */
int cast_distance(const Participant *p, const Scenario *s, int r, const Lexicon *lx,
                  const char *const *role_cores);

/* The participant playing role `r` (the first, when several do), or -1. */
int cast_player_of(const Cast *c, int r);

#endif
