/*
 * play.h - what the play command's parts share: the session being played, its journal, and
 * the state of the console (time-out, what was last shown).
 *
 * cmd_play.c runs the loop, setup.c asks the solo setup and the card picks, show.c renders and
 * journals what the session reports, prompt.c carries out the /commands.
 */
#ifndef VB_PLAY_H
#define VB_PLAY_H

#include "model/cast.h"
#include "journal/journal.h"
#include "model/lexicon.h"
#include "model/scenario.h"
#include "runtime/session.h"

typedef struct {
    const Scenario *s;
    const Lexicon *lx;        /* &lexicon once play_load has read it */
    Lexicon lexicon;          /* owned: freed with the rest of the Play */
    Cast cast;
    Session *S;
    Journal J;
    int journaling;           /* write what the session reports to the journal */
    int in_timeout;
    int timeouts;             /* time-outs called in this run of the console */
    double started;           /* when this run of the console began (monotonic seconds) */
    double paused_since;      /* when the running time-out began */
    double paused;            /* seconds spent in time-outs */
    int last_act;
    int quit;
    char *turn_key;           /* identifies the turn whose choices were last listed */
} Play;

/* Write an entry to the journal, telling the user (but going on) if it cannot be written. */
void play_journal(Play *P, json_object *entry);
/* The output callback for the session: print, and journal when P->journaling. */
void play_output(void *ud, const Output *o);
/* Seconds on a monotonic clock. */
double play_clock(void);
/* The status line a trainer sees above the prompt: act, scene, time played, time-outs. */
void play_status(Play *P);
/* List the choices of the current turn. */
void play_show_choices(Play *P, const Turn *t);
/* The prompt for a turn ("Sanne (Isabel) — "). Fresh string. */
char *play_prompt(Play *P, const Turn *t);

/* The solo setup: ask name, core quality and learning goal. Returns 0, or -1 at end of input. */
int setup_solo(Play *P);
/* Let every participant without a card pick one for each <pick> of the scenario.
 * Returns 0, or -1 at end of input. */
int setup_picks(Play *P);
/* Check the cards a cast file gave. Problems go to d. */
void setup_check_cards(Play *P, const char *cast_path, DiagList *d);
/* Show who plays whom and why. */
void setup_show_cast(Play *P);
/* Write the cast as a cast file (the solo setup keeps one next to the journal). */
void setup_write_cast(Play *P, const char *path);

/* Load the lexicon and the scenario (a path or a name) into P. Returns 0, or -1 with d. */
int play_load(Play *P, const char *scenario, DiagList *d);
/* Rebuild the cast from a journal's participant entries. */
void play_cast_from_journal(Play *P, const JournalLog *log);
/* Replay the inputs of journal entries [0, upto) into the session: choices entered, incidents
 * injected, undos, time-outs. `aside`, when given, sees every entry first (to show notes).
 * Returns the number of inputs that no longer fit the scenario. */
int play_replay(Play *P, const JournalLog *log, int upto, void (*aside)(Play *, json_object *));
/* Prompt, read and act until the story ends, /quit or the end of input. */
int play_run_loop(Play *P);

/* Carry out a /command line. Returns 1 when the line was a command (handled), 0 otherwise. */
int prompt_command(Play *P, const char *line);
/* The words tab completion offers at the prompt. */
void prompt_completions(Play *P);

#endif
