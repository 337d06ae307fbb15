/*
 * explorer.c - playing a scenario without a person: random sessions, or every distinct state
 * once (breadth first, so the path found to each ending is a shortest one), noting the
 * endings reached, the scenes and choices seen, dead ends and script errors.
 */
#include "runtime/explorer.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "model/cast.h"
#include "runtime/explorer_key.h"

#define MAX_WALK 10000        /* choices in one random session before calling it a loop */

/* ============================== findings ============================== */

int explorer_has_problem(const Explorer *E, const char *text)
{
    for (int i = 0; i < E->nproblems; i++)
        if (strstr(E->problems[i].text, text)) return 1;
    return 0;
}

void explorer_add_problem(Explorer *E, char *text, char *path)
{
    VEC_PUSH(E->problems, E->nproblems, E->capproblems);
    E->problems[E->nproblems++] = (Finding){text, path};
}

int explorer_better_path(const Explorer *E, int e, int len)
{
    return (!E->ending_path[e] && !E->ending_ids[e]) || len < E->ending_len[e];
}

void explorer_set_path(Explorer *E, int e, char *path, int len)
{
    free(E->ending_path[e]);
    free(E->ending_ids[e]);
    E->ending_ids[e] = NULL;
    E->ending_path[e] = path;
    E->ending_len[e] = len;
}

void explorer_keep_path(Explorer *E, int e)
{
    free(E->ending_path[e]);
    E->ending_path[e] = NULL;
    E->ending_ids[e] = xrealloc(E->ending_ids[e], (size_t)(E->npath + 1) * sizeof *E->ending_ids[e]);
    memcpy(E->ending_ids[e], E->path, (size_t)E->npath * sizeof *E->path);
    E->ending_len[e] = E->npath;
}

char *explorer_path_text(char *const *ids, int n)
{
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < n; i++) {
        if (i) sb_addc(&b, ' ');
        sb_add(&b, ids[i]);
    }
    if (!n) sb_add(&b, _("(at the start)"));
    return sb_take(&b);
}

char *explorer_path(const Explorer *E, int e)
{
    if (E->ending_ids[e]) return explorer_path_text(E->ending_ids[e], E->ending_len[e]);
    return E->ending_path[e] ? xstrdup(E->ending_path[e]) : NULL;
}

/* ============================== what the session reports ============================== */

static void add_problem(Explorer *E, const char *kind, const char *text)
{
    if (explorer_has_problem(E, text)) return;      /* one report per distinct problem */
    explorer_add_problem(E, xasprintf("%s: %s", kind, text), explorer_path_text(E->path, E->npath));
}

/* A dead end, at the scene where the story stopped (file:line, so an editor jumps there). */
static void dead_end(Explorer *E, const Output *o)
{
    if (o->scene < 0) { add_problem(E, _("dead end"), o->text); return; }
    const Scene *sc = &E->s->scenes[o->scene];
    char *text = xasprintf(_("%s:%d: dead end in scene '%s': %s"), E->s->path, sc->line, sc->id, o->text);
    if (!explorer_has_problem(E, text)) explorer_add_problem(E, text, explorer_path_text(E->path, E->npath));
    else free(text);
}

static void on_output(void *ud, const Output *o)
{
    Explorer *E = ud;
    switch (o->kind) {
    case OUT_SCENE:
    case OUT_RESUME:
    case OUT_PASS: E->scene_seen[o->scene] = 1; break;
    case OUT_CHOICE:             /* the engine's own choices for roles nobody plays count too */
        CHOICE_OFFERED(E, o->scene)[o->choice - E->s->scenes[o->scene].choices] = 1;
        break;
    case OUT_ENDING: {
        int e = scenario_ending(E->s, o->id);
        E->ending_hits[e]++;
        if (explorer_better_path(E, e, E->npath)) explorer_keep_path(E, e);
        break;
    }
    case OUT_SCRIPT_ERROR: add_problem(E, _("script error"), o->text); break;
    case OUT_STUCK: dead_end(E, o); break;
    default: break;
    }
}

static void note_offers(Explorer *E, const Turn *t)
{
    unsigned char *offered = CHOICE_OFFERED(E, E->S->scene);
    for (int k = 0; k < t->noptions; k++) offered[t->options[k]] = 1;
}

/* ============================== setting up ============================== */

void explorer_init(Explorer *E, const Scenario *s, Session *S)
{
    memset(E, 0, sizeof *E);
    E->s = s;
    E->S = S;
    E->ending_hits = xcalloc((size_t)s->nendings, sizeof *E->ending_hits);
    E->ending_path = xcalloc((size_t)s->nendings, sizeof *E->ending_path);
    E->ending_ids = xcalloc((size_t)s->nendings, sizeof *E->ending_ids);
    E->ending_len = xcalloc((size_t)s->nendings, sizeof *E->ending_len);
    E->scene_seen = xcalloc((size_t)s->nscenes, 1);
    E->first_choice = xcalloc((size_t)s->nscenes + 1, sizeof *E->first_choice);
    for (int i = 0; i < s->nscenes; i++) E->first_choice[i + 1] = E->first_choice[i] + s->scenes[i].nchoices;
    E->offered = xcalloc((size_t)E->first_choice[s->nscenes] + 1, 1);
    S->quiet = 0;
    S->no_text = 1;
    session_set_output(S, on_output, E);
    session_start(S);
}

void explorer_free(Explorer *E)
{
    for (int e = 0; e < E->s->nendings; e++) { free(E->ending_path[e]); free(E->ending_ids[e]); }
    for (int i = 0; i < E->nproblems; i++) { free(E->problems[i].text); free(E->problems[i].path); }
    free(E->problems); free(E->ending_hits); free(E->ending_path); free(E->ending_ids); free(E->ending_len);
    free(E->scene_seen); free(E->offered); free(E->first_choice); free(E->path);
    for (int i = 0; i < E->ngrowth; i++) free(E->growth[i].what);
}

/* ============================== random ============================== */

static uint64_t rng_next(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

/* Incidents a trainer starts with /inject (those without a condition of their own). */
static int injectable(Explorer *E, int e)
{
    return E->s->events[e].cond == NO_CODE;
}

static void push_path(Explorer *E, const char *id)
{
    VEC_PUSH(E->path, E->npath, E->cappath);
    E->path[E->npath++] = (char *)id;
}

/* The seed of run `run`: each run is seeded by its number alone, so that it plays the same
 * whether it runs first or last, in this process or in a job of its own. */
static uint64_t run_seed(uint64_t seed, int run)
{
    uint64_t z = mix64(seed + 0x9e3779b97f4a7c15ULL * (uint64_t)(run + 1));   /* splitmix64 */
    return z ? z : 1;
}

/* Half the runs play each role on its seat's quadrant; in the other half each role is played
 * on a quadrant drawn from those it takes, so that the corner choices written for other
 * quadrants (and their variants) are played too, not only the fixed ones of a role's own pair. */
static void seat_for_run(Explorer *E, uint64_t *x)
{
    Session *S = E->S;
    const Lexicon *lx = S->lx;
    int draw = (int)(rng_next(x) % 2);
    for (int i = 0; i < S->cast->n; i++) {
        int r = S->cast->p[i].role;
        if (r < 0 || !S->chars[r].sbx || cast_player_of(S->cast, r) != i) continue;
        const char *core = S->cast->p[i].character_core, *script = S->chars[r].script_term;
        if (draw) {
            int n = 0;
            for (int q = 0; q < lx->n; q++) n += cast_role_takes(S->s, r, lx, script, lx->q[q].nl[CORNER_CORE]);
            int pick = n ? (int)(rng_next(x) % (uint64_t)n) : -1;
            for (int q = 0; q < lx->n && pick >= 0; q++)
                if (cast_role_takes(S->s, r, lx, script, lx->q[q].nl[CORNER_CORE]) && pick-- == 0) core = lx->q[q].nl[CORNER_CORE];
        }
        character_set_quadrant(&S->chars[r], lx, core);
    }
}

void explorer_random(Explorer *E, json_object *start, int first, int last, uint64_t seed)
{
    for (int run = first; run < last; run++) {
        uint64_t x = run_seed(seed, run);
        session_restore(E->S, start);
        session_reseed(E->S, x);
        seat_for_run(E, &x);
        E->npath = 0;
        int steps = 0;
        const Turn *t;
        while ((t = session_turn(E->S)) && steps < MAX_WALK) {
            int e = (int)(rng_next(&x) % 20);
            if (e < E->s->nevents && injectable(E, e) && !E->S->fired[e]) {
                push_path(E, E->s->events[e].id);
                session_inject(E->S, E->s->events[e].id);
                continue;
            }
            note_offers(E, t);
            int k = (int)(rng_next(&x) % (uint64_t)t->noptions);
            const Choice *c = &E->s->scenes[E->S->scene].choices[t->options[k]];
            push_path(E, c->id);
            session_take(E->S, t, k);
            E->states++;
            steps++;
        }
        if (steps >= MAX_WALK) add_problem(E, _("dead end"), _("no ending after 10000 choices: the story loops"));
    }
}

/* ============================== exhaustive ============================== */

typedef struct {
    char *snap;
    int parent;
    const char *choice;
} State;

/* Visit counts and corner counts stay out of the stored state when no code reads them: a
 * state is smaller to keep and to restore. What tells states apart is explorer_key.c's. */
static void forget_unused(Explorer *E, json_object *snap)
{
    json_object *world;
    if (!json_object_object_get_ex(snap, "world", &world)) return;
    int visited = 0, count = 0;
    for (int i = 0; i < E->s->ncode; i++) {
        visited |= strstr(E->s->code[i].src, "visited") != NULL;
        count |= strstr(E->s->code[i].src, "count") != NULL;
    }
    if (!visited) json_object_object_del(world, "visited");
    if (!count) json_object_object_del(world, "count");
}

/* The session's state, noted: its snapshot as stored for later (JSON text, restored when its
 * turn comes) when no state with the same key was met before, else NULL. A state met before
 * is told by its key alone when the key reads nothing of the snapshot: no JSON is made for it. */
static char *note_state(Explorer *E, ExplorerKey *key)
{
    json_object *snap = explorer_key_reads_snapshot(key) ? session_snapshot(E->S) : NULL;
    char *text = NULL;
    if (explorer_key_add(key, E->S, snap)) {
        if (!snap) snap = session_snapshot(E->S);
        forget_unused(E, snap);
        text = xstrdup(json_object_to_json_string_ext(snap, JSON_C_TO_STRING_PLAIN));
    }
    json_object_put(snap);
    return text;
}

static int set_path(Explorer *E, State *states, int i)
{
    int len = 0;
    for (int j = i; states[j].parent >= 0; j = states[j].parent) len++;
    E->npath = 0;
    for (int k = 0; k < len; k++) push_path(E, NULL);
    for (int j = i, k = len - 1; states[j].parent >= 0; j = states[j].parent, k--)
        E->path[k] = (char *)states[j].choice;
    return len;
}

/* The search has just run out of room: note what multiplied the states, from those still
 * waiting (states first..n-1, a sample of at most 4000 spread over them). */
static int keeps(const char *what, const void *key)
{
    return explorer_key_keeps(key, what);
}

static void note_growth(Explorer *E, const ExplorerKey *key, State *states, int first, int n)
{
    int want = n - first < 4000 ? n - first : 4000;
    char **snaps = xcalloc((size_t)want + 1, sizeof *snaps);
    for (int k = 0; k < want; k++) snaps[k] = states[first + (int)((long)k * (n - first) / want)].snap;
    E->ngrowth = explorer_growth(E->s, snaps, want, E->growth, 3, keeps, key);
    free(snaps);
}

/* Option k of the state as restored, found by the choice it offers (`choice`, an index in the
 * scene's choices), not by its place: what is offered is the same after each restore, but
 * taking the choice by what it is keeps the walk right whatever order the options come in. */
static int option_of(const Turn *t, int choice)
{
    for (int k = 0; t && k < t->noptions; k++)
        if (t->options[k] == choice) return k;
    return -1;
}

int explorer_exhaustive(Explorer *E, json_object *start, long max_states)
{
    State *states = NULL;
    int n = 0, cap = 0;
    ExplorerKey key;
    explorer_key_init(&key, E->s, E->S);
    session_restore(E->S, start);
    VEC_PUSH(states, n, cap);
    states[n++] = (State){note_state(E, &key), -1, NULL};
    /* Each incident a trainer can start, started at the beginning, and the story followed on
     * from where it returns. */
    for (int e = 0; e < E->s->nevents; e++) {
        if (!injectable(E, e)) continue;
        session_restore(E->S, start);
        E->npath = 0;
        push_path(E, E->s->events[e].id);
        session_inject(E->S, E->s->events[e].id);
        char *text = note_state(E, &key);
        if (text) {
            VEC_PUSH(states, n, cap);
            states[n++] = (State){text, 0, E->s->events[e].id};
        }
    }
    int truncated = 0, *choices = NULL, capchoices = 0;
    for (int i = 0; i < n; i++) {
        json_object *snap = explorer_growth_snapshot(states[i].snap);
        int depth = set_path(E, states, i);
        if (!snap) {              /* restoring nothing would be the start again, without a word */
            add_problem(E, _("cannot explore"), _("a state could not be read back (nested too deeply)"));
            free(states[i].snap);
            states[i].snap = NULL;
            continue;
        }
        session_restore(E->S, snap);
        const Turn *t = session_turn(E->S);
        int noptions = t ? t->noptions : 0;
        if (t) note_offers(E, t);
        if (noptions > capchoices) choices = xrealloc(choices, (size_t)(capchoices = noptions) * sizeof *choices);
        for (int k = 0; k < noptions; k++) choices[k] = t->options[k];
        for (int c = 0; c < noptions; c++) {
            if (c > 0) {                 /* the first option plays from the state as restored */
                session_restore(E->S, snap);
                set_path(E, states, i);
                t = session_turn(E->S);
            }
            int k = option_of(t, choices[c]);
            if (k < 0) continue;
            const char *id = E->s->scenes[E->S->scene].choices[choices[c]].id;
            push_path(E, id);
            session_take(E->S, t, k);
            E->states++;
            /* Back in the story from an incident: explored on from there like any state (with
             * the incident's effects and the incident spent), so that a dead end or an ending
             * that only an incident opens is found too. */
            char *text = note_state(E, &key);
            if (!text) continue;
            if (n >= max_states) {
                free(text);
                if (!truncated) {          /* every state up to here is stored: all paths this long */
                    note_growth(E, &key, states, i, n);
                    E->depth = depth;
                }
                truncated = 1;
            } else {
                VEC_PUSH(states, n, cap);
                states[n++] = (State){text, i, id};
            }
        }
        json_object_put(snap);
        free(states[i].snap);
        states[i].snap = NULL;
    }
    for (int i = 0; i < n; i++) free(states[i].snap);
    free(states);
    free(choices);
    explorer_key_free(&key);
    E->states = n;
    return truncated;
}
