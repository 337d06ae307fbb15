/*
 * bench/load.c - how long verbeeld takes to load a story: the lexicon, the scenario (read,
 * schema validation, model, references) and a session of it (every character script in its
 * sandbox, every condition compiled), up to the first scene. Linked against build/libverbeeld.a.
 *
 *     bench/out/load SCENARIO.xml     prints "load_ms T scenario_ms T session_ms T"
 *
 * The table is the one explore uses: one participant per playable role.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/cast.h"
#include "model/lexicon.h"
#include "model/load.h"
#include "base/paths.h"
#include "model/scenario.h"
#include "runtime/session.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: load SCENARIO.xml\n");
        return 2;
    }
    DiagList d;
    diag_init(&d);
    Lexicon lx;
    double t0 = now_ms();
    if (lexicon_load(&lx, paths_lexicon(), &d)) {
        diag_print(&d, stderr);
        return 1;
    }
    Scenario *s = load_scenario(argv[1], &lx, &d);
    double t1 = now_ms();
    if (!s) {
        diag_print(&d, stderr);
        return 1;
    }
    Cast cast = {0};
    for (int r = 0; r < s->nroles; r++) {
        if (!s->roles[r].playable) continue;
        Participant *p = cast_add(&cast, s->roles[r].id, "verbinden", "");
        p->role_name = strdup(s->roles[r].id);
    }
    Session *S = session_new(s, &lx, &cast, argv[1], scenario_fallback(s), 1, &d);
    if (!S) {
        diag_print(&d, stderr);
        return 1;
    }
    session_start(S);
    double t2 = now_ms();
    printf("load_ms %.2f scenario_ms %.2f session_ms %.2f\n", t2 - t0, t1 - t0, t2 - t1);
    session_free(S);
    cast_free(&cast);
    scenario_free(s);
    lexicon_free(&lx);
    diag_free(&d);
    return 0;
}
