/* test_method.c - the method in the engine (engine/model/cast.h, engine/runtime/session.h):
 * every participant cast on their own opposite quadrant, alone and in groups with repeated core
 * qualities; corner choices that follow the chooser's quadrant as cast, with their words; the
 * order of the options drawn from the seed. On tests/unit/fixtures/method.xml. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/diag.h"
#include "base/i18n.h"
#include "base/util.h"
#include "common.h"
#include "model/cast.h"
#include "model/lexicon.h"
#include "model/load.h"
#include "model/scenario.h"
#include "runtime/session.h"

#define FIX "tests/unit/fixtures/"

static Scenario *method;

static int setup_method(void **state)
{
    if (setup_lexicon(state)) return -1;
    DiagList d;
    diag_init(&d);
    method = load_scenario(FIX "method.xml", &lx, &d);
    if (!method) diag_print(&d, stderr);
    diag_free(&d);
    return method ? 0 : -1;
}

static int teardown_method(void **state)
{
    (void)state;
    scenario_free(method);
    lexicon_free(&lx);
    return 0;
}

typedef struct {
    Cast cast;
    Session *S;
} Run;

/* A session of the fixture for participants given as name, core, ..., NULL. */
static void run_new(Run *r, unsigned long long seed, ...)
{
    memset(r, 0, sizeof *r);
    va_list ap;
    va_start(ap, seed);
    for (const char *name; (name = va_arg(ap, const char *));)
        cast_add(&r->cast, name, va_arg(ap, const char *), "a goal");
    va_end(ap);
    DiagList d;
    diag_init(&d);
    r->S = session_new(method, &lx, &r->cast, "cast.xml", "en", seed, &d);
    if (!r->S) diag_print(&d, stderr);
    assert_non_null(r->S);
    diag_free(&d);
}

static void run_free(Run *r)
{
    session_free(r->S);
    cast_free(&r->cast);
}

/* The options of the current turn as choice ids, joined by spaces (fresh). */
static char *offered(Session *S)
{
    const Turn *t = session_turn(S);
    assert_non_null(t);
    const Scene *sc = &S->s->scenes[S->scene];
    StrBuf b;
    sb_init(&b);
    for (int k = 0; k < t->noptions; k++) sb_addf(&b, "%s%s", k ? " " : "", sc->choices[t->options[k]].id);
    return sb_take(&b);
}

/* The shown words of the offered choice `id` (fresh), or NULL when it is not offered. */
static char *words_of(Session *S, const char *id)
{
    const Turn *t = session_turn(S);
    const Scene *sc = &S->s->scenes[S->scene];
    for (int k = 0; t && k < t->noptions; k++)
        if (streq(sc->choices[t->options[k]].id, id)) return session_choice_text(S, t->participant, t->role, &sc->choices[t->options[k]]);
    return NULL;
}

/* ============================== casting ============================== */

/* Every core quality of the lexicon, alone: on the opposite quadrant, its core the challenge. */
static void test_every_core_alone_on_opposite(void **state)
{
    (void)state;
    for (int q = 0; q < lx.n; q++) {
        const char *core = lx.q[q].nl[CORNER_CORE];
        Run r;
        run_new(&r, 1, "An", core, NULL);
        const Participant *p = &r.cast.p[0];
        assert_true(p->exact);
        assert_string_equal(p->character_core, lx.q[q].nl[CORNER_CHALLENGE]);
        assert_string_equal(session_character(r.S, p->role)->quadrant_term, lx.q[q].nl[CORNER_CHALLENGE]);
        run_free(&r);
    }
}

/* Two participants with the same core and one whose opposite only the listed role takes: a
 * role-by-role greedy casting would put a verbinden participant on `any`; the group decision
 * puts everyone on their opposite quadrant. */
static void test_repeated_cores_all_exact(void **state)
{
    (void)state;
    Run r;
    run_new(&r, 1, "Sanne", "verbinden", "Joris", "verbinden", "Wen", "voorzichtigheid", NULL);
    for (int i = 0; i < 3; i++) {
        assert_true(r.cast.p[i].exact);
        assert_string_equal(r.cast.p[i].character_core, cast_opposite_core(&lx, r.cast.p[i].core));
    }
    assert_int_equal(r.cast.p[2].role, scenario_role(method, "listed"));
    assert_string_equal(session_character(r.S, scenario_role(method, "listed"))->quadrant_term, "moed");
    run_free(&r);
}

/* More participants than roles: the extra one shares the character already played on their
 * opposite quadrant. */
static void test_shared_role_same_quadrant(void **state)
{
    (void)state;
    Run r;
    run_new(&r, 1, "A", "tact", "B", "geduld", "C", "verbinden", "D", "geduld", NULL);
    for (int i = 0; i < 4; i++) assert_true(r.cast.p[i].exact);
    assert_int_equal(r.cast.p[3].role, r.cast.p[1].role);
    run_free(&r);
}

/* A participant who shares a role with someone on another quadrant is still cast on their own
 * opposite quadrant, and is offered and credited the corners of that quadrant, while the
 * character speaks from its first player's. */
static void test_shared_role_own_quadrant(void **state)
{
    (void)state;
    Run r;
    run_new(&r, 1, "A", "tact", "B", "geduld", "C", "verbinden", "D", "daadkracht", NULL);
    const Participant *d = &r.cast.p[3];
    assert_true(d->exact);
    assert_string_equal(d->character_core, "geduld");
    assert_non_null(strstr(d->reason, "shares"));
    int first = cast_player_of(&r.cast, d->role);
    assert_int_not_equal(first, 3);
    assert_string_not_equal(session_character(r.S, d->role)->quadrant_term, "geduld");
    session_start(r.S);
    for (int i = 0; i < 3; i++) {
        const Turn *t = session_turn(r.S);
        assert_int_equal(t->participant, i);
        assert_int_equal(session_choose(r.S, 0), 0);
    }
    const Turn *t = session_turn(r.S);
    assert_int_equal(t->participant, 3);
    Quadrant geduld;
    assert_int_equal(lexicon_quadrant(&lx, "geduld", &geduld), 0);
    const Scene *sc = &method->scenes[r.S->scene];
    unsigned corners = 0;
    for (int k = 0; k < t->noptions; k++) {
        const Choice *c = &sc->choices[t->options[k]];
        Corner at = session_corner(r.S, 3, t->role, c);
        assert_int_not_equal(at, CORNER_NONE);
        assert_string_equal(session_term(r.S, 3, t->role, c), geduld.nl[at]);
        corners |= 1u << at;
    }
    assert_int_equal(corners, 0xf);
    run_free(&r);
}

static void test_cast_distance_by_corner(void **state)
{
    (void)state;
    /* a participant with core verbinden should play grenzen stellen (0); its pitfall hardheid is
     * next (1), then the allergy pleasen (2); a role scripted on verbinden itself takes the
     * opposite quadrant of its pair, grenzen stellen (0); tact is off the pair (4) */
    Cast c = {0};
    cast_add(&c, "Sanne", "verbinden", NULL);
    /* role 1 ("pair") takes the pair of its script's quadrant, given here */
    const char *cores[] = {NULL, "grenzen stellen", NULL, NULL};
    assert_int_equal(cast_distance(&c.p[0], method, 1, &lx, cores), 0);
    cores[1] = "hardheid";
    assert_int_equal(cast_distance(&c.p[0], method, 1, &lx, cores), 1);
    cores[1] = "pleasen";
    assert_int_equal(cast_distance(&c.p[0], method, 1, &lx, cores), 2);
    cores[1] = "verbinden";
    assert_int_equal(cast_distance(&c.p[0], method, 1, &lx, cores), 0);
    cores[1] = "tact";
    assert_int_equal(cast_distance(&c.p[0], method, 1, &lx, cores), 4);
    cast_free(&c);
}

/* A role forced on someone whose opposite it cannot take: said plainly, never pretended. */
static void test_forced_role_is_said_plainly(void **state)
{
    (void)state;
    Cast c = {0};
    Participant *p = cast_add(&c, "Sanne", "verbinden", "a goal");
    p->role_name = xstrdup("listed");
    DiagList d;
    diag_init(&d);
    Session *S = session_new(method, &lx, &c, "cast.xml", "en", 1, &d);
    assert_non_null(S);
    assert_false(c.p[0].exact);
    assert_string_equal(c.p[0].character_core, "directheid");
    assert_non_null(strstr(c.p[0].reason, "not their own challenge"));
    session_free(S);
    cast_free(&c);
    diag_free(&d);
}

/* ============================== corners ============================== */

/* On a quadrant the fixed choice is not on, the four corner choices are offered, with words
 * for the chooser's terms: the variant for daadkracht, {term} and {manner} filled in. */
static void test_corner_choices_follow_the_quadrant(void **state)
{
    (void)state;
    Run r;
    run_new(&r, 1, "An", "geduld", NULL);           /* plays daadkracht */
    session_start(r.S);
    char *ids = offered(r.S);
    assert_null(strstr(ids, "fixed-verbinden"));
    for (const char *const *c = (const char *const[]){"c-core", "c-pitfall", "c-challenge", "c-allergy", NULL}; *c; c++)
        assert_non_null(strstr(ids, *c));
    free(ids);
    char *core = words_of(r.S, "c-core"), *pitfall = words_of(r.S, "c-pitfall"), *fallback = words_of(r.S, "c-challenge");
    assert_string_equal(core, "You stand up and hand out the tasks.");
    assert_string_equal(pitfall, "You overdo it: pushiness.");
    assert_null(strstr(fallback, "{manner}"));
    const char *manner = lexicon_manner(&lx, "geduld", "en");
    assert_non_null(strstr(fallback, manner ? manner : "patience"));
    free(core);
    free(pitfall);
    free(fallback);
    run_free(&r);
}

/* On the quadrant the fixed choice is on, it takes its corner and the corner choice for that
 * corner stays away: still one option per corner. */
static void test_fixed_choice_covers_its_corner(void **state)
{
    (void)state;
    Run r;
    run_new(&r, 1, "An", "grenzen stellen", NULL);  /* plays verbinden */
    session_start(r.S);
    char *ids = offered(r.S);
    assert_non_null(strstr(ids, "fixed-verbinden"));
    assert_null(strstr(ids, "c-core"));
    assert_int_equal(session_turn(r.S)->noptions, 4);
    free(ids);
    run_free(&r);
}

/* Choosing a corner choice: its corner and term are those of the chooser's quadrant. */
static void test_corner_of_a_choice(void **state)
{
    (void)state;
    Run r;
    run_new(&r, 1, "An", "directheid", NULL);       /* plays tact */
    session_start(r.S);
    const Turn *t = session_turn(r.S);
    const Scene *sc = &method->scenes[r.S->scene];
    for (int k = 0; k < t->noptions; k++) {
        const Choice *c = &sc->choices[t->options[k]];
        Corner at = session_corner(r.S, t->participant, t->role, c);
        const char *term = session_term(r.S, t->participant, t->role, c);
        Quadrant tact;
        assert_int_equal(lexicon_quadrant(&lx, "tact", &tact), 0);
        assert_int_not_equal(at, CORNER_NONE);
        assert_string_equal(term, tact.nl[at]);
    }
    run_free(&r);
}

/* ============================== order ============================== */

/* The same seed shows the same order; over many seeds the file's order is not the rule. */
static void test_order_drawn_from_seed(void **state)
{
    (void)state;
    int first_is_core = 0;
    for (unsigned long long seed = 1; seed <= 40; seed++) {
        Run a, b;
        run_new(&a, seed, "An", "geduld", NULL);
        run_new(&b, seed, "An", "geduld", NULL);
        session_start(a.S);
        session_start(b.S);
        char *x = offered(a.S), *y = offered(b.S);
        assert_string_equal(x, y);
        first_is_core += strncmp(x, "c-core", 6) == 0;
        free(x);
        free(y);
        run_free(&a);
        run_free(&b);
    }
    assert_in_range(first_is_core, 3, 20);          /* about one in four */
}

int main(void)
{
    setenv("VERBEELD_DATADIR", ".", 1);
    i18n_init("en");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_core_alone_on_opposite),
        cmocka_unit_test(test_repeated_cores_all_exact),
        cmocka_unit_test(test_shared_role_same_quadrant),
        cmocka_unit_test(test_shared_role_own_quadrant),
        cmocka_unit_test(test_cast_distance_by_corner),
        cmocka_unit_test(test_forced_role_is_said_plainly),
        cmocka_unit_test(test_corner_choices_follow_the_quadrant),
        cmocka_unit_test(test_fixed_choice_covers_its_corner),
        cmocka_unit_test(test_corner_of_a_choice),
        cmocka_unit_test(test_order_drawn_from_seed),
    };
    return cmocka_run_group_tests(tests, setup_method, teardown_method);
}
