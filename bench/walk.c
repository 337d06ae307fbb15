/*
 * bench/walk.c - the walk that produces what a player sees: the random walk of bench/ink.js
 * on a verbeeld scenario, with every scene, line, reaction and option rendered as `play`
 * renders it (console/show.c), without a terminal. Linked against build/libverbeeld.a.
 *
 *     build/bench-walk SCENARIO.xml CHOICES [SEED] > /dev/null
 *
 * prints "choices N endings E per_second R" on stderr. Like ink.js: choose at random with
 * xorshift64, and at an ending start again (the start state restored and its scene shown, as
 * inkjs's ResetState and Continue show the first text again). The table is the one explore
 * uses: one participant per playable role.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "console/play.h"
#include "console/show.h"
#include "console/term.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static uint64_t next(uint64_t *x)           /* xorshift64, as ink.js and explore */
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-walk SCENARIO.xml CHOICES [SEED]\n");
        return 2;
    }
    long want = atol(argv[2]);
    uint64_t x = (uint64_t)atol(argc > 3 ? argv[3] : "1") * 2654435761ull + 88172645463325252ull;
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    i18n_init(NULL);
    term_init();
    Play P = {.last_act = -1};
    DiagList d;
    diag_init(&d);
    if (play_load(&P, argv[1], &d)) {
        diag_print(&d, stderr);
        return 1;
    }
    for (int r = 0; r < P.s->nroles; r++) {
        if (!P.s->roles[r].playable) continue;
        Participant *p = cast_add(&P.cast, P.s->roles[r].id, "verbinden", "");
        p->role_name = strdup(P.s->roles[r].id);
    }
    P.S = session_new(P.s, P.lx, &P.cast, argv[1], i18n_lang(), 1, &d);
    if (!P.S) {
        diag_print(&d, stderr);
        return 1;
    }
    session_set_output(P.S, show_output, &P);
    session_start(P.S);
    json_object *start = session_snapshot(P.S);
    long choices = 0, endings = 0;
    double t0 = now_ms();
    while (choices < want) {
        const Turn *t = session_turn(P.S);
        if (!t) {
            endings++;
            session_restore(P.S, start);
            session_show(P.S);
            continue;
        }
        show_choices(&P, t);
        session_take(P.S, t, (int)(next(&x) % (uint64_t)t->noptions));
        choices++;
    }
    double secs = (now_ms() - t0) / 1e3;
    fflush(stdout);
    fprintf(stderr, "choices %ld endings %ld per_second %.0f\n", choices, endings, choices / secs);
    json_object_put(start);
    session_free(P.S);
    cast_free(&P.cast);
    scenario_free((Scenario *)P.s);
    lexicon_free(&P.lexicon);
    diag_free(&d);
    return 0;
}
