/*
 * world.h - the state of the story that conditions read and effects change.
 *
 * The world lives in a sandbox of its own: vars (the scenario's variables), facts, chars (copies of
 * each character's state), played, cards, visited and count. Conditions see all of it
 * read-only; effects may change declared variables only. Every condition and <lua> effect of
 * the scenario is compiled once, with line numbers that match the XML file.
 */
#ifndef VB_WORLD_H
#define VB_WORLD_H

#include "model/scenario.h"
#include "runtime/character.h"

typedef struct World World;

/* A world for scenario `s`, seeded; compile errors of conditions and effects go to `d`.
 * NULL when any code fails to compile. */
World *world_new(const Scenario *s, unsigned long long seed, DiagList *d);
/* Compile every piece of the scenario's code, as world_new does, without a world: for a
 * scenario whose references are not all sound, so that `check` names its Lua errors too. */
void world_check_code(const Scenario *s, DiagList *d);
void world_free(World *w);
/* Seed the world's math.random again, as world_new(seed) did. */
void world_reseed(World *w, unsigned long long seed);

/* Back to the start: variables at their first values, nothing visited or counted. */
void world_reset(World *w);

/* Evaluate condition `code` (NO_CODE is true). Returns 1 or 0, or -1 with *err set: "file:line:
 * condition failed: ...", the place in the scenario. */
int world_test(World *w, int code, char **err);
/* Evaluate every condition once, in the world as it is (a new world: the scenario's first
 * values), so that one which fails or runs into a limit is found before a group plays, and
 * read every condition and effect for names the world lacks (`grens` for `vars.grens`): each
 * goes to `d` as an error at its file and line. */
void world_try_code(World *w, DiagList *d);
/* Apply an effect. Returns 0, or -1 with *err set ("file:line: effect failed: ..."). */
int world_apply(World *w, const Effect *e, char **err);

double world_var(World *w, int var);
void world_set_var(World *w, int var, double value);
void world_visit(World *w, int scene);
/* Start loading what world_visit(w, scene) will touch. */
void world_prefetch_visit(const World *w, int scene);
int world_visits(World *w, int scene);
void world_count(World *w, Corner c);
void world_set_played(World *w, int role, int played);
void world_set_card(World *w, const char *card, int picked);
/* How many participants take part: `participants` in conditions. */
void world_set_participants(World *w, int n);
int world_participants(const World *w);
/* How many of them the cast file gives a private brief: `briefed` in conditions. */
void world_set_briefed(World *w, int n);
int world_briefed(const World *w);
/* chars[role] is to show `ch`'s state from now on (a copy, made before any Lua code of the
 * scenario next runs); `ch` must live as long as the world. */
void world_sync_character(World *w, int role, Character *ch);

/* The whole world as JSON (vars, visited, count), for snapshots and the explorer. */
json_object *world_snapshot(World *w);
void world_restore(World *w, json_object *snap);

#endif
