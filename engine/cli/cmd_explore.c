/*
 * cmd_explore.c - verbeeld explore: play a scenario without a person, with every character's
 * Lua running, to prove every ending reachable and find dead ends and script errors.
 *
 * A full table plays: one explorer per playable role. Random mode plays N sessions choosing at
 * random; exhaustive mode visits every distinct state once (breadth first, so the path found to
 * each ending is a shortest one), deduplicated by a hash of the state.
 */
#include "cli/commands.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/cast.h"
#include "runtime/explore.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "model/scenario.h"
#include "runtime/session.h"
#include "base/util.h"

#define MAX_WALK 10000        /* choices in one random session before calling it a loop */

/* ============================== what the session reports ============================== */

static void add_problem(Explorer *E, const char *kind, const char *text)
{
    if (explorer_has_problem(E, text)) return;      /* one report per distinct problem */
    explorer_add_problem(E, xasprintf("%s: %s", kind, text), explorer_path_text(E->path, E->npath));
}

static void on_output(void *ud, const Output *o)
{
    Explorer *E = ud;
    switch (o->kind) {
    case OUT_SCENE:
    case OUT_RESUME: E->scene_seen[o->scene] = 1; break;
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
    case OUT_STUCK: add_problem(E, _("dead end"), o->text); break;
    default: break;
    }
}

static void note_offers(Explorer *E, const Turn *t)
{
    unsigned char *offered = CHOICE_OFFERED(E, E->S->scene);
    for (int k = 0; k < t->noptions; k++) offered[t->options[k]] = 1;
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

static int injectable(Explorer *E, int e);

/* The seed of run `run`: each run is seeded by its number alone, so that it plays the same
 * whether it runs first or last, in this process or in a job of its own. */
static uint64_t run_seed(uint64_t seed, int run)
{
    uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (uint64_t)(run + 1);   /* splitmix64 */
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return z ? z : 1;
}

void explore_random(Explorer *E, json_object *start, int first, int last, uint64_t seed)
{
    for (int run = first; run < last; run++) {
        uint64_t x = run_seed(seed, run);
        session_restore(E->S, start);
        session_reseed(E->S, x);
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
            if (c->to.kind == TARGET_SCENE) {    /* read when it is entered; see session.c */
                PREFETCH(&E->scene_seen[c->to.index]);
                PREFETCH(&E->first_choice[c->to.index]);
            }
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
    int incident;             /* explored from an injected incident: stop once it returns */
} State;

/* A state's hash; 0 marks an empty slot of the set below. */
static uint64_t state_hash(const char *text)
{
    uint64_t h = str_hash(text);
    return h ? h : 1;
}

/* Visit counts and corner counts only tell states apart when a condition reads them; otherwise
 * a loop in the story would make every round a new state and the walk would never end. */
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

/* An open-addressing set of state hashes; returns 1 when h was new. */
static int set_add(uint64_t **set, size_t *cap, size_t *n, uint64_t h)
{
    if ((*n + 1) * 2 > *cap) {
        size_t ncap = *cap ? *cap * 2 : 1024;
        uint64_t *nset = xcalloc(ncap, sizeof *nset);
        for (size_t i = 0; i < *cap; i++)
            if ((*set)[i])
                for (size_t j = (*set)[i] & (ncap - 1);; j = (j + 1) & (ncap - 1))
                    if (!nset[j]) { nset[j] = (*set)[i]; break; }
        free(*set);
        *set = nset;
        *cap = ncap;
    }
    for (size_t j = h & (*cap - 1);; j = (j + 1) & (*cap - 1)) {
        if ((*set)[j] == h) return 0;
        if (!(*set)[j]) { (*set)[j] = h; (*n)++; return 1; }
    }
}

static void set_path(Explorer *E, State *states, int i)
{
    int len = 0;
    for (int j = i; states[j].parent >= 0; j = states[j].parent) len++;
    E->npath = 0;
    for (int k = 0; k < len; k++) push_path(E, NULL);
    for (int j = i, k = len - 1; states[j].parent >= 0; j = states[j].parent, k--)
        E->path[k] = (char *)states[j].choice;
}

static int walk_all(Explorer *E, json_object *start, long max_states)
{
    State *states = NULL;
    int n = 0, cap = 0;
    uint64_t *set = NULL;
    size_t setcap = 0, setn = 0;
    VEC_PUSH(states, n, cap);
    forget_unused(E, start);
    states[n++] = (State){xstrdup(json_object_to_json_string_ext(start, JSON_C_TO_STRING_PLAIN)), -1, NULL, 0};
    set_add(&set, &setcap, &setn, state_hash(states[0].snap));
    /* Each incident a trainer can start, started at the beginning and followed until it returns. */
    for (int e = 0; e < E->s->nevents; e++) {
        if (!injectable(E, e)) continue;
        session_restore(E->S, start);
        E->npath = 0;
        push_path(E, E->s->events[e].id);
        session_inject(E->S, E->s->events[e].id);
        json_object *snap = session_snapshot(E->S);
        const char *text = json_object_to_json_string_ext(snap, JSON_C_TO_STRING_PLAIN);
        if (set_add(&set, &setcap, &setn, state_hash(text))) {
            VEC_PUSH(states, n, cap);
            states[n++] = (State){xstrdup(text), 0, E->s->events[e].id, 1};
        }
        json_object_put(snap);
    }
    int truncated = 0;
    for (int i = 0; i < n; i++) {
        json_object *snap = json_tokener_parse(states[i].snap);
        session_restore(E->S, snap);
        set_path(E, states, i);
        const Turn *t = session_turn(E->S);
        int noptions = t ? t->noptions : 0;
        if (t) note_offers(E, t);
        for (int k = 0; k < noptions; k++) {
            if (k > 0) {                 /* the first option plays from the state as restored */
                session_restore(E->S, snap);
                set_path(E, states, i);
                t = session_turn(E->S);
            }
            const char *id = E->s->scenes[E->S->scene].choices[t->options[k]].id;
            push_path(E, id);
            session_take(E->S, t, k);
            E->states++;
            if (states[i].incident && E->S->nret == 0) continue;   /* back in the story */
            json_object *next = session_snapshot(E->S);
            forget_unused(E, next);
            const char *text = json_object_to_json_string_ext(next, JSON_C_TO_STRING_PLAIN);
            if (set_add(&set, &setcap, &setn, state_hash(text))) {
                if (n >= max_states) truncated = 1;
                else {
                    VEC_PUSH(states, n, cap);
                    states[n++] = (State){xstrdup(text), i, id, states[i].incident};
                }
            }
            json_object_put(next);
        }
        json_object_put(snap);
        free(states[i].snap);
        states[i].snap = NULL;
    }
    for (int i = 0; i < n; i++) free(states[i].snap);
    free(states);
    free(set);
    E->states = n;
    return truncated;
}

/* ============================== the report ============================== */

static int report(Explorer *E, double seconds, int truncated)
{
    const Scenario *s = E->s;
    int bad = 0;
    printf("%s\n", _("Endings:"));
    for (int e = 0; e < s->nendings; e++) {
        if (E->ending_hits[e]) {
            char *path = explorer_path(E, e);
            printf("  %-20s %6d×  ", s->endings[e].id, E->ending_hits[e]);
            printf(ngettext("shortest path found, %d choice: %s\n", "shortest path found, %d choices: %s\n",
                            E->ending_len[e]), E->ending_len[e], path);
            free(path);
        } else {
            printf("  %-20s %s\n", s->endings[e].id, _("NEVER REACHED"));
            bad = 1;
        }
    }
    int unseen = 0;
    for (int i = 0; i < s->nscenes; i++) unseen += !E->scene_seen[i];
    if (unseen) {
        printf("%s\n", _("Scenes never reached:"));
        for (int i = 0; i < s->nscenes; i++)
            if (!E->scene_seen[i]) printf("  %s:%d: %s\n", s->path, s->scenes[i].line, s->scenes[i].id);
    }
    int never = 0;
    for (int i = 0; i < s->nscenes; i++)
        for (int c = 0; c < s->scenes[i].nchoices; c++) never += E->scene_seen[i] && !CHOICE_OFFERED(E, i)[c];
    if (never) {
        printf("%s\n", _("Choices never available (their condition never held):"));
        for (int i = 0; i < s->nscenes; i++)
            for (int c = 0; c < s->scenes[i].nchoices; c++)
                if (E->scene_seen[i] && !CHOICE_OFFERED(E, i)[c])
                    printf("  %s:%d: %s\n", s->path, s->scenes[i].choices[c].line, s->scenes[i].choices[c].id);
    }
    if (E->nproblems) {
        printf("%s\n", _("Problems:"));
        for (int i = 0; i < E->nproblems; i++) printf("  %s\n    %s %s\n", E->problems[i].text, _("after:"), E->problems[i].path);
        bad = 1;
    }
    if (truncated) printf("%s\n", _("Stopped at --max-states: not every state was visited."));
    printf(_("States visited: %ld, %.0f per second.\n"), E->states, seconds > 0 ? E->states / seconds : 0.0);
    return bad;
}

/* ============================== the command ============================== */

/* One explorer per playable role, so that every role's choices are played; or, with --roles,
 * only in those, leaving the others to their characters (a smaller group, or solo play). */
static int in_list(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
        if (strncmp(p, id, n) == 0 && (p[n] == ',' || p[n] == '\0')) return 1;
    return 0;
}

static void full_table(Cast *cast, const Scenario *s, const char *roles)
{
    for (int r = 0; r < s->nroles; r++) {
        if (!s->roles[r].playable || (roles && !in_list(roles, s->roles[r].id))) continue;
        Participant *p = cast_add(cast, s->roles[r].id, "verbinden", "");
        p->role_name = xstrdup(s->roles[r].id);
    }
}

static int explore(const char *name, int runs, int exhaustive, uint64_t seed, long max_states, const char *roles,
                   int jobs)
{
    DiagList d;
    diag_init(&d);
    Lexicon lx = {0};
    char *path = paths_find_scenario(name);
    Scenario *s = NULL;
    if (!path) diag_add(&d, DIAG_ERROR, name, 0, _("scenario not found"));
    else if (lexicon_load(&lx, paths_lexicon(), &d) == 0) s = scenario_load(path, &lx, &d);
    Cast cast = {0};
    Session *S = NULL;
    if (s) {
        full_table(&cast, s, roles);
        if (cast.n == 0) {
            fprintf(stderr, _("verbeeld explore: --roles names no playable role of '%s'\n"), s->id);
            cast_free(&cast);
            scenario_free(s);
            lexicon_free(&lx);
            diag_free(&d);
            return 2;
        }
        S = session_new(s, &lx, &cast, path, scenario_fallback(s), seed, &d);
    }
    free(path);
    if (!S) {
        diag_print(&d, stderr);
        diag_free(&d);
        cast_free(&cast);
        scenario_free(s);
        lexicon_free(&lx);
        return 1;
    }
    Explorer E = {0};
    E.s = s;
    E.S = S;
    E.ending_hits = xcalloc((size_t)s->nendings, sizeof *E.ending_hits);
    E.ending_path = xcalloc((size_t)s->nendings, sizeof *E.ending_path);
    E.ending_ids = xcalloc((size_t)s->nendings, sizeof *E.ending_ids);
    E.ending_len = xcalloc((size_t)s->nendings, sizeof *E.ending_len);
    E.scene_seen = xcalloc((size_t)s->nscenes, 1);
    E.first_choice = xcalloc((size_t)s->nscenes + 1, sizeof *E.first_choice);
    for (int i = 0; i < s->nscenes; i++) E.first_choice[i + 1] = E.first_choice[i] + s->scenes[i].nchoices;
    E.offered = xcalloc((size_t)E.first_choice[s->nscenes] + 1, 1);
    S->quiet = 0;
    S->no_text = 1;
    session_set_output(S, on_output, &E);
    session_start(S);
    json_object *start = session_snapshot(S);

    if (exhaustive) printf(_("Exploring %s: every state.\n"), s->id);
    else printf(_("Exploring %s: %d random sessions (seed %llu).\n"), s->id, runs, (unsigned long long)seed);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int truncated = 0;
    if (exhaustive) truncated = walk_all(&E, start, max_states);
    else explore_jobs(&E, start, runs, seed, jobs);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    int bad = report(&E, seconds, truncated);

    json_object_put(start);
    for (int e = 0; e < s->nendings; e++) { free(E.ending_path[e]); free(E.ending_ids[e]); }
    for (int i = 0; i < E.nproblems; i++) { free(E.problems[i].text); free(E.problems[i].path); }
    free(E.problems); free(E.ending_hits); free(E.ending_path); free(E.ending_ids); free(E.ending_len);
    free(E.scene_seen); free(E.offered); free(E.first_choice); free(E.path);
    session_free(S);
    cast_free(&cast);
    scenario_free(s);
    diag_free(&d);
    lexicon_free(&lx);
    return bad ? 1 : 0;
}

int cmd_explore(int argc, char **argv)
{
    static const struct option opts[] = {
        {"random", required_argument, NULL, 'r'}, {"exhaustive", no_argument, NULL, 'x'},
        {"seed", required_argument, NULL, 's'},   {"max-states", required_argument, NULL, 'm'},
        {"roles", required_argument, NULL, 'R'},  {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int runs = 200, exhaustive = 0, jobs = 0, c;
    uint64_t seed = 1;
    long max_states = 1000000;
    const char *roles = NULL;
    optind = 1;
    while ((c = getopt_long(argc, argv, "r:xs:m:R:j:h", opts, NULL)) != -1) {
        char *end = NULL;
        switch (c) {
        case 'r': runs = (int)strtol(optarg, &end, 10); if (*end || runs < 1) return usage_error("explore", _("--random takes a positive number, not '%s'"), optarg); break;
        case 'x': exhaustive = 1; break;
        case 's': seed = strtoull(optarg, &end, 10); if (*end) return usage_error("explore", _("--seed takes a number, not '%s'"), optarg); break;
        case 'm': max_states = strtol(optarg, &end, 10); if (*end || max_states < 1) return usage_error("explore", _("--max-states takes a positive number, not '%s'"), optarg); break;
        case 'R': roles = optarg; break;
        case 'j': jobs = (int)strtol(optarg, &end, 10); if (*end || jobs < 1) return usage_error("explore", _("--jobs takes a positive number, not '%s'"), optarg); break;
        case 'h': command_help("explore"); return 0;
        default: return usage_error("explore", "%s", _("unknown option"));
        }
    }
    if (optind != argc - 1) return usage_error("explore", "%s", _("name one scenario"));
    return explore(argv[optind], runs, exhaustive, seed, max_states, roles, jobs);
}
