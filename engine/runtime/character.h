/*
 * character.h - a character brought to life from its Lua script.
 *
 * Each character runs in a sandbox of its own. The engine asks it for lines, tells it about
 * every choice (react), lets it choose when no participant plays it, and reads its state as
 * plain data for the world view, the journal and the explorer.
 */
#ifndef VB_CHARACTER_H
#define VB_CHARACTER_H

#include <json-c/json.h>

#include "base/diag.h"
#include "base/sandbox.h"
#include "model/lexicon.h"
#include "model/scenario.h"
#include "runtime/event.h"

typedef struct {
    char *path;          /* the script file */
    char *src;           /* its text as loaded (read once: for messages and for what the
                            session checks it reads), or NULL when it could not be read */
    char *id, *name;
    char *script_name;   /* the name its script gives, when a participant renamed it */
    char *title_nl, *title_en;
    char *quadrant_term; /* core quality (lexicon id) it is played on */
    Quadrant quadrant;
    char *script_term;   /* the core quality its script gives */
    Sandbox *sbx;
    int ref;             /* the character table in its sandbox's registry */
    int has_react, has_choose;
    int react_ref;       /* its react hook in the registry, when has_react */
    EvTable *evt;        /* the table its react hook is lent, made at the first event */
} Character;

/* One option offered to a character's choose hook. */
typedef struct {
    const char *id;
    const char *quality;     /* lexicon id as the lexicon gave it out, or NULL */
} ChooseOption;

/* Load the script at `path` into a fresh sandbox seeded with `seed`. Problems (Lua errors,
 * missing fields, an unknown quadrant) go to `d` with the script's file and line. */
int character_load(Character *ch, const char *path, const Lexicon *lx, unsigned long long seed,
                   DiagList *d);
void character_free(Character *ch);

/* The text of line `key` in `lang` (fallback `fb`; NULL: in `lang` only): a fresh string, NULL
 * when there is no such line, or NULL with *err set when the script failed. */
char *character_line(Character *ch, const char *key, const char *lang, const char *fb, char **err);
/* Call fn for the key of every line the script has. */
void character_each_line(Character *ch, void (*fn)(const char *key, void *ud), void *ud);
/* Whether the script has a line `key`. */
int character_has_line(Character *ch, const char *key);
/* Every <say line="..."> of role `role` in the scenario's scenes and endings must name a line the
 * script has: an error at its line for each that does not (none when the script did not load). */
void character_check_lines(Character *ch, const Scenario *s, int role, DiagList *d);

/* Tell the character what happened. On return *said is the text it says (fresh, or NULL) and
 * *mood the line key or mood word it returned (fresh, or NULL). Returns 0, or -1 with *err. */
int character_react(Character *ch, const ReactEvent *ev, const char *lang, const char *fb,
                    char **said, char **mood, char **err);
/* Play the character on the quadrant whose core quality is `core` (a lexicon id): its corners,
 * and the `quadrant` field its script reads, follow. Returns 0, or -1 when `core` is no core
 * quality. */
int character_set_quadrant(Character *ch, const Lexicon *lx, const char *core);
/* Call the character `name` (a participant made it their own), or again by its script's name
 * when `name` is NULL; the `name` field its script reads follows. */
void character_set_name(Character *ch, const char *name);

/* Let the character pick one of `n` options; returns the index (0-based), or -1 with *err. */
int character_choose(Character *ch, const ChooseOption *opts, int n, char **err);

/* The character's state as plain data (a new JSON object). */
json_object *character_state(Character *ch);
/* Push a copy of the state onto `to` (for the world view). */
void character_push_state(Character *ch, lua_State *to);
/* Replace the state (restoring a snapshot). */
void character_set_state(Character *ch, json_object *state);

#endif
