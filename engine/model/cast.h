/*
 * cast.h - who plays whom: participants, the cast file, and casting.
 *
 * Each participant plays a character on their opposite core quadrant: its core quality is the
 * participant's challenge. A role can be played on the quadrants its quadrants="..." names (by
 * default the pair of its script's quadrant, role_cores[r]). Casting is one decision for the
 * whole group: as many participants as possible on their opposite quadrant, on a role whose
 * own pair it is where that can be, and a plain reason for each.
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
    const char *character_core; /* the core quality the character is played on (a lexicon
                                   id, set by casting) */
    int exact;           /* 1 when that is the participant's opposite quadrant */
    char *own_name;      /* the name they gave their character (a role with own="yes") */
    char *about;         /* one sentence on who their character is, likewise */
    Text brief;          /* a private briefing from the cast file */
    int briefed;         /* 1 when the cast file gave one: a resumed session knows it from the
                            journal, which does not hold its words */
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
/* The cards the cast file gives (card="..."): each a card of the scenario, named by its id or
 * by its name as the posters show it (any case; made the id here), and no card twice; what
 * is wrong goes to `d` as an error of `cast_path`. */
void cast_check_cards(Cast *c, const Scenario *s, const char *cast_path, DiagList *d);

/* Cast every participant without a role (role_cores[r] is the core quality of role r's script,
 * role_names[r] the name to show), check the roles asked for, and place each participant's
 * character on a quadrant. Problems (unknown role) go to `d` with `path` (the cast file). */
int cast_assign(Cast *c, const Scenario *s, const Lexicon *lx, const char *const *role_cores,
                const char *const *role_names, const char *path, DiagList *d);

/* Place participant i, whose role is set (by the cast file or the trainer: `forced`), on a
 * quadrant of that role, and say why. */
void cast_place(Cast *c, int i, const Scenario *s, const Lexicon *lx, const char *const *role_cores,
                const char *const *role_names, int forced);

/* The core quality of the participant's opposite quadrant (their challenge), or NULL. */
const char *cast_opposite_core(const Lexicon *lx, const char *core);
/* What participant p practises, said to them ("Your own core quality is ...; your character's
 * strength, ..., is your challenge"), plainly saying so when it is not their opposite quadrant.
 * Fresh. */
char *cast_practice(const Lexicon *lx, const Participant *p, const char *lang);

/* Whether role r, whose script's core quality is `role_core`, can be played on the quadrant
 * whose core quality is `core`. */
int cast_role_takes(const Scenario *s, int r, const Lexicon *lx, const char *role_core, const char *core);

/* How far role `r` is from what participant `p` should play: 0 when it can be played on their
 * opposite quadrant; larger is further. */
int cast_distance(const Participant *p, const Scenario *s, int r, const Lexicon *lx,
                  const char *const *role_cores);

/* The participant playing role `r` (the first, when several do), or -1. */
int cast_player_of(const Cast *c, int r);

#endif
