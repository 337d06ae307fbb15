/*
 * session.h - a session of a scenario: the story's position, its characters and world, and the
 * turns of the participants.
 *
 * The session knows nothing of terminals or journals: it reports what happens (a scene, a
 * line, a choice, a reaction, an ending) through an output callback, and takes the
 * participants' choices as input. Every input is kept, so that undo and resume rebuild the
 * session from the start by replaying them: given its scenario, cast, seed and inputs, a
 * session always comes out the same.
 */
#ifndef VB_SESSION_H
#define VB_SESSION_H

#include "model/cast.h"
#include "model/scenario.h"
#include "runtime/character.h"
#include "runtime/world.h"

typedef enum {
    OUT_SCENE,        /* entering a scene: id, title, act */
    OUT_RESUME,       /* back in a scene after an incident: id, title */
    OUT_TEXT,         /* narration: text */
    OUT_SAY,          /* a character speaks: role, who, text; participant: who plays it, or -1 */
    OUT_CHOICE,       /* a choice was made: participant (-1 group or engine), role, choice, corner */
    OUT_REACTION,     /* a character reacts: role, who, text (may be NULL), mood, played */
    OUT_EVENT,        /* an incident starts: id, title, injected */
    OUT_ENDING,       /* the story ends: id, title */
    OUT_SCRIPT_ERROR, /* a script failed; the session goes on: text ("file:line: message"),
                       * id "scenario" when it was the scenario's own code (a condition,
                       * taken as false, or an effect), NULL for a character's script */
    OUT_STUCK,        /* the story cannot go on (no choice available, or a loop): text; the
                       * scene it stopped in, or -1 before the first */
    OUT_PASS,         /* passed through scene `scene` by one of its gotos: nothing is shown,
                       * but the scene was reached (the explorer counts it) */
} OutKind;

typedef struct {
    OutKind kind;
    const char *id;
    const char *title;
    const char *text;
    const char *who;          /* character name */
    const char *mood;
    int role;
    int participant;
    int played;               /* the reacting character is played by a participant */
    int injected;
    int act;
    int scene;
    const Choice *choice;
    Corner corner;
} Output;

typedef void (*OutputFn)(void *ud, const Output *o);

typedef enum { INPUT_CHOICE, INPUT_INJECT } InputKind;

typedef struct {
    InputKind kind;
    int scene;                /* for choices: the scene it was made in */
    int choice;               /* index in that scene's choices */
    int participant;          /* -1 for the group */
    int event;
} Input;

/* Who is to choose now, and from what. */
typedef struct {
    int participant;          /* -1: the group decides together */
    int role;                 /* the chooser's role, -1 for the group */
    int *options;             /* indices into the scene's choices */
    int noptions;
} Turn;

typedef struct Session {
    const Scenario *s;
    const Lexicon *lx;
    Cast *cast;
    Character *chars;         /* one per role */
    World *world;
    char lang[8];
    unsigned long long seed;

    int scene, ending;        /* where the story is; scene -1 when it has ended */
    int stuck;
    int *ret;                 /* where to return to after incidents: scene, and the next */
    int *ret_each;            /* participant to choose in a who="each" scene */
    int nret, capret;
    int turn;                 /* rotation over participants */
    int *role_turns;          /* per role: its scenes chosen in so far (rotation over the
                                 participants who share it) */
    int each_pos;             /* next participant in a who="each" scene */
    unsigned char *fired;     /* events that fired by themselves */
    int steps;                /* choices made so far */

    Input *inputs;
    int ninputs, capinputs;

    OutputFn out;
    void *out_ud;
    int quiet;
    int no_text;              /* the listener reads no narration nor titles (the explorer) */
    Turn turn_buf;
    int capoptions;           /* room in turn_buf.options */
    Quadrant *seats;          /* per participant: the quadrant they play on when they share a
                                 role and are not its first player (seat_own[i] set) */
    unsigned char *seat_own;
    int nseats;
    int return_act;           /* a return session: the return block it plays, else -1 */
    double *carried;          /* a return session: each variable as the story left it */
} Session;

/* A session of `s` for `cast`: loads every character and casts participants without a role
 * (cast_path names the cast file in messages). NULL with diagnostics in `d` on failure. */
Session *session_new(const Scenario *s, const Lexicon *lx, Cast *cast, const char *cast_path,
                     const char *lang, unsigned long long seed, DiagList *d);
void session_free(Session *S);
void session_set_output(Session *S, OutputFn fn, void *ud);
/* Seat each character on the quadrant its first player was cast on, and every later player of a
 * shared role on their own; tell the world again who plays what and which cards were picked
 * (after the setup). */
void session_seat_cast(Session *S);
/* Cast participant `participant` in role r, on a quadrant of that role with the reason why
 * (`decided`: by the trainer or a cast file, not by the participant's own choice), and seat the
 * cast again. */
void session_recast(Session *S, int participant, int r, int decided);
/* For casting: each role's script core quality and the name to show, indexed like the
 * scenario's roles (two fresh arrays of borrowed strings; the caller frees the arrays). */
void session_role_tables(const Session *S, const char ***cores, const char ***names);

/* Make S a return session (before session_start): it plays return block `act` of the
 * scenario, with every variable (and so every fact) as the story left it: `values`, one per
 * variable, copied. Incidents of the story do not start in it, by themselves or injected. */
void session_set_return(Session *S, int act, const double *values);
/* Enter the first scene (of the return block, in a return session). */
void session_start(Session *S);
/* Whether the story has ended (an ending, or stuck). */
int session_over(const Session *S);
/* Whether it is over because the story could not go on (OUT_STUCK: a fault of the scenario). */
int session_stuck(const Session *S);
/* Who chooses now. NULL when the story is over. The Turn stays valid until the next call. */
const Turn *session_turn(Session *S);
/* Take option `k` (0-based, of the current Turn). Returns 0, or -1 when out of range. */
int session_choose(Session *S, int k);
/* The same for the Turn that session_turn has just returned, with no other call on the
 * session in between: a walk that asked for the turn need not have it worked out twice. */
int session_take(Session *S, const Turn *t, int k);
/* Take the choice with this id in the current scene, for the current chooser (resume).
 * Returns 0, or -1 when it is not on offer. */
int session_choose_id(Session *S, const char *choice_id);
/* Start incident `event` (its id, or its name in the session's language). Returns 0, -1 when there is no such event, or -2 when it is not
 * available now (its if="..." does not hold: see session_unavailable). */
int session_inject(Session *S, const char *event);
/* Why incident `event` cannot be started now (its <unavailable> text, else its condition), a
 * fresh string; NULL when it can (or does not exist). */
char *session_unavailable(Session *S, const char *event);
/* Undo the last `n` choices (and incidents started since). Returns how many were undone. */
int session_undo(Session *S, int n);
/* Back to the start with the cast as it now is (after the trainer changed a role). */
void session_restart(Session *S);
/* Show the current scene again (after undo or resume). */
void session_show(Session *S);

/* The whole state of the story (position, incidents, world, characters) as JSON, and back:
 * for the explorer, which visits states instead of replaying inputs. The restored session
 * has no inputs to undo. */
json_object *session_snapshot(Session *S);
void session_restore(Session *S, json_object *snap);
/* Seed every script's math.random as session_new(seed) did: with a restore, a run of the
 * explorer then plays the same whatever runs came before it. */
void session_reseed(Session *S, unsigned long long seed);

/* Load the character script of role `r` of `s` into `ch`, seeded as a session seeds it;
 * problems (not found, not loading) go to `d`. Returns 0, or -1 (then character_free(ch)). */
int session_load_role(Character *ch, const Scenario *s, int r, const Lexicon *lx, unsigned long long seed,
                      DiagList *d);

/* The character of role `r`, and its display name. */
Character *session_character(Session *S, int r);
const char *session_role_name(const Session *S, int r);
/* The quadrant participant `p` plays role r on (p -1: the engine choosing for r): the
 * character's as cast, or for a participant who shares the role with an earlier player, their
 * own placing. NULL when there is none (a group, a role without a character). */
const Quadrant *session_quadrant(const Session *S, int p, int r);
/* Where the quality of choice `c` falls on that quadrant. */
Corner session_corner(const Session *S, int p, int r, const Choice *c);
/* The quality (a lexicon id) of choice `c` made by p as role r: its own, or for a corner choice
 * the term at that corner of their quadrant; NULL for none. */
const char *session_term(const Session *S, int p, int r, const Choice *c);
/* The words of choice `c` for p as role r in the session's language, {term} and {manner}
 * filled in (a fresh string). When verbeeld takes it for a character (p -1, r a role), its
 * third-person words (<third>) if it has them. */
char *session_choice_text(const Session *S, int p, int r, const Choice *c);
/* The words of choice `c` as written for p as role r (a corner choice's variant for its term,
 * if it has one), and in *third their third-person form (empty when not written). */
const Text *session_words(const Session *S, int p, int r, const Choice *c, const Text **third);

#endif
