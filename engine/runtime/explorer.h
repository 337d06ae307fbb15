/*
 * explorer.h - playing a scenario without a person (`verbeeld explore`): random sessions or
 * every distinct state, and what was found on the way: endings, scenes and choices seen,
 * dead ends, script errors. explorer_jobs.h spreads random sessions over processes.
 */
#ifndef VB_EXPLORE_H
#define VB_EXPLORE_H

#include <stdint.h>
#include <json-c/json.h>

#include "model/scenario.h"
#include "runtime/explorer_growth.h"
#include "runtime/session.h"

typedef struct {
    char *text;               /* what went wrong */
    char *path;               /* the choices that led there */
} Finding;

typedef struct {
    const Scenario *s;
    Session *S;
    int *ending_hits;
    char **ending_path;       /* a shortest path found to each ending, as text */
    char ***ending_ids;       /* or as the ids along it, until the text is asked for */
    int *ending_len;
    unsigned char *scene_seen;
    unsigned char *offered;   /* whether each choice was offered, scene after scene */
    int *first_choice;        /* where each scene's choices begin in `offered` */
    Finding *problems;
    int nproblems, capproblems;
    long states;
    /* an exhaustive search cut off at its limit: how many choices deep every way through the
     * story was followed, and what multiplied the states most, among those still waiting */
    int depth;
    Growth growth[3];
    int ngrowth;
    /* the walk in progress */
    char **path;
    int npath, cappath;
} Explorer;

/* The flags of scene `i`'s choices in E->offered: one block for the whole story, not one
 * allocation per scene (100,000 of them, far apart, in a large story). */
#define CHOICE_OFFERED(E, i) ((E)->offered + (E)->first_choice[i])

/* Whether a problem whose text contains `text` was found already. */
int explorer_has_problem(const Explorer *E, const char *text);
/* Record a problem; takes both strings. */
void explorer_add_problem(Explorer *E, char *text, char *path);

/* Whether a path of `len` choices to ending `e` is the one to report: the first found, or
 * shorter than it (of equal ones, the first found stays). */
int explorer_better_path(const Explorer *E, int e, int len);
/* Report `path` (taken) as the path to ending `e`. */
void explorer_set_path(Explorer *E, int e, char *path, int len);
/* Report the walk in progress as the path to ending `e`. Keeps its ids, not yet their text:
 * in a large story nearly every run finds an ending first, and reading the ids of its path
 * then, from all over memory, would cost more than the rest of the run's last choice. */
void explorer_keep_path(Explorer *E, int e);
/* The path to ending `e` as text (a new string), or NULL when none was found. */
char *explorer_path(const Explorer *E, int e);
/* The ids `ids` as a path: separated by spaces, or "(at the start)". */
char *explorer_path_text(char *const *ids, int n);

/* Set E up to explore session S of scenario s, and start the session (E reports to itself). */
void explorer_init(Explorer *E, const Scenario *s, Session *S);
void explorer_free(Explorer *E);
/* Play random runs first..last-1 from `start`. Run k plays the same for the same seed
 * wherever it runs: its choices and every script's math.random are seeded by k. */
void explorer_random(Explorer *E, json_object *start, int first, int last, uint64_t seed);
/* Visit every distinct state from `start`, at most max_states; returns 1 when it stopped there. */
int explorer_exhaustive(Explorer *E, json_object *start, long max_states);

#endif
