/* test_session.c - playing the tutorial (engine/runtime/session.h, engine/model/cast.h): casting on the
 * opposite quadrant, turns, the corner of each choice, reactions, undo, incidents, endings. */
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

static Scenario *tutorial;

/* ============================== fixtures ============================== */

static int setup_tutorial(void **state)
{
    (void)state;
    DiagList d;
    diag_init(&d);
    if (lexicon_load(&lx, "characters/quadrants.lua", &d)) return -1;
    tutorial = load_scenario("scenarios/tutorial.xml", &lx, &d);
    if (!tutorial) diag_print(&d, stderr);
    diag_free(&d);
    return tutorial ? 0 : -1;
}

static int teardown_tutorial(void **state)
{
    (void)state;
    scenario_free(tutorial);
    lexicon_free(&lx);
    return 0;
}

/* What the session said, kept as plain copies. */
typedef struct {
    OutKind kind;
    char *id, *text, *who, *mood;
    int role, participant;
    Corner corner;
} Said;

typedef struct {
    Said *v;
    int n, cap;
} Record;

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void record_output(void *ud, const Output *o)
{
    Record *r = ud;
    VEC_PUSH(r->v, r->n, r->cap);
    r->v[r->n++] = (Said){o->kind, dup_or_null(o->id), dup_or_null(o->text), dup_or_null(o->who),
                          dup_or_null(o->mood), o->role, o->participant, o->corner};
}

static void record_clear(Record *r)
{
    for (int i = 0; i < r->n; i++) {
        free(r->v[i].id);
        free(r->v[i].text);
        free(r->v[i].who);
        free(r->v[i].mood);
    }
    free(r->v);
    memset(r, 0, sizeof *r);
}

/* The first output of `kind` (from `from` on), or NULL. */
static const Said *find(const Record *r, OutKind kind, int from)
{
    for (int i = from; i < r->n; i++)
        if (r->v[i].kind == kind) return &r->v[i];
    return NULL;
}

typedef struct {
    Cast cast;
    Session *S;
    Record rec;
} Play;

/* A session of the tutorial for participants given as name, core, name, core, ..., NULL. */
static void play_new(Play *p, const char *lang, unsigned long long seed, ...)
{
    memset(p, 0, sizeof *p);
    va_list ap;
    va_start(ap, seed);
    for (const char *name; (name = va_arg(ap, const char *));)
        cast_add(&p->cast, name, va_arg(ap, const char *), "a goal");
    va_end(ap);
    DiagList d;
    diag_init(&d);
    p->S = session_new(tutorial, &lx, &p->cast, "test-cast.xml", lang, seed, &d);
    if (!p->S) diag_print(&d, stderr);
    assert_non_null(p->S);
    assert_int_equal(d.errors, 0);
    diag_free(&d);
    session_set_output(p->S, record_output, &p->rec);
}

static void play_free(Play *p)
{
    session_free(p->S);
    cast_free(&p->cast);
    record_clear(&p->rec);
}

static const char *scene_id(const Session *S)
{
    return S->scene >= 0 ? S->s->scenes[S->scene].id : "(none)";
}

/* Take the option whose choice id is `id` from the current turn. */
static void choose_id(Session *S, const char *id)
{
    assert_non_null(session_turn(S));
    if (session_choose_id(S, id)) fail_msg("choice '%s' is not on offer in scene '%s'", id, scene_id(S));
}

/* ============================== casting ============================== */

static void test_cast_on_opposite_quadrant(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    int coordinator = scenario_role(tutorial, "coordinator");
    int planner = scenario_role(tutorial, "planner");
    /* Sanne's challenge is grenzen stellen: Lies's core quality */
    assert_int_equal(p.cast.p[0].role, coordinator);
    assert_string_equal(session_character(p.S, coordinator)->quadrant_term, "grenzen stellen");
    const char *cores[8] = {0};
    for (int r = 0; r < tutorial->nroles; r++) cores[r] = session_character(p.S, r)->quadrant_term;
    /* both roles take any quadrant; Lies's own pair is grenzen stellen's, so she is the one */
    assert_int_equal(cast_distance(&p.cast.p[0], tutorial, coordinator, &lx, cores), 0);
    assert_int_equal(cast_distance(&p.cast.p[0], tutorial, planner, &lx, cores), 0);
    assert_string_equal(p.cast.p[0].reason,
                        "Sanne's core quality is connecting, so their challenge is setting boundaries: "
                        "Sanne plays Lies Wouters with setting boundaries as the character's core quality, "
                        "and practises that challenge from inside the character.");
    assert_true(p.cast.p[0].exact);
    assert_string_equal(p.cast.p[0].character_core, "grenzen stellen");
    assert_int_equal(cast_player_of(&p.cast, coordinator), 0);
    assert_int_equal(cast_player_of(&p.cast, planner), -1);
    play_free(&p);
}

static void test_cast_two_participants(void **state)
{
    (void)state;
    Play p;
    /* listed the other way round: the tact participant still gets Jonas (directheid) */
    play_new(&p, "en", 1, "Joris", "tact", "Sanne", "Connecting", NULL);
    assert_int_equal(p.cast.p[0].role, scenario_role(tutorial, "planner"));
    assert_int_equal(p.cast.p[1].role, scenario_role(tutorial, "coordinator"));
    play_free(&p);
}

/* ============================== playing ============================== */

static void test_start_and_first_turn(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    session_start(p.S);
    assert_false(session_over(p.S));
    const Said *sc = find(&p.rec, OUT_SCENE, 0);
    assert_non_null(sc);
    assert_string_equal(sc->id, "koffie");
    const Said *say = find(&p.rec, OUT_SAY, 0);
    assert_non_null(say);
    assert_string_equal(say->who, "Mira");
    assert_true(strncmp(say->text, "Welcome to verbeeld.", 20) == 0);

    const Turn *t = session_turn(p.S);
    assert_non_null(t);
    assert_int_equal(t->participant, 0);
    assert_int_equal(t->role, scenario_role(tutorial, "coordinator"));
    /* the coordinator's own options (by="coordinator"), one on each corner of her quadrant */
    assert_int_equal(t->noptions, 4);
    const Scene *koffie = &tutorial->scenes[p.S->scene];
    unsigned corners = 0;
    int grens = 0;
    for (int k = 0; k < t->noptions; k++) {
        corners |= 1u << session_corner(p.S, t->participant, t->role, &koffie->choices[t->options[k]]);
        grens |= strcmp(koffie->choices[t->options[k]].id, "binnen_grens") == 0;
    }
    assert_int_equal(corners, 0xf);
    assert_true(grens);
    play_free(&p);
}

static void test_choice_carries_corner(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    session_start(p.S);
    int coordinator = scenario_role(tutorial, "coordinator");
    const Quadrant *lies = &session_character(p.S, coordinator)->quadrant;
    int mark = p.rec.n;
    choose_id(p.S, "binnen_grens");
    const Said *c = find(&p.rec, OUT_CHOICE, mark);
    assert_non_null(c);
    assert_string_equal(c->id, "binnen_grens");
    assert_int_equal(c->participant, 0);
    assert_int_equal(c->role, coordinator);
    /* grenzen stellen on Lies's quadrant: her core, Sanne's challenge */
    assert_int_equal(c->corner, CORNER_CORE);
    assert_int_equal(c->corner, quadrant_corner(lies, "grenzen stellen"));
    assert_int_equal(p.S->steps, 1);
    assert_string_equal(scene_id(p.S), "hoeken");
    play_free(&p);
}

static void test_pleasing_is_allergy_and_bart_reacts(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    session_start(p.S);
    int mark = p.rec.n;
    choose_id(p.S, "binnen_koffie");
    const Said *c = find(&p.rec, OUT_CHOICE, mark);
    assert_non_null(c);
    assert_int_equal(c->corner, CORNER_ALLERGY);
    /* pleasen is Bart's pitfall: he is delighted */
    int bart = scenario_role(tutorial, "collega");
    const Said *r = NULL;
    for (int i = mark; i < p.rec.n; i++)
        if (p.rec.v[i].kind == OUT_REACTION && p.rec.v[i].role == bart) r = &p.rec.v[i];
    assert_non_null(r);
    assert_string_equal(r->who, "Bart Claes");
    assert_string_equal(r->mood, "merci");
    assert_string_equal(r->text, "Thanks! You're a star.");
    /* and the effect counted */
    assert_int_equal((int)world_var(p.S->world, scenario_var(tutorial, "zaterdag")), 1);
    play_free(&p);
}

static void test_out_of_range_choice_is_refused(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    session_start(p.S);
    int before = p.rec.n;
    assert_int_equal(session_choose(p.S, session_turn(p.S)->noptions), -1);
    assert_int_equal(session_choose(p.S, -1), -1);
    assert_int_equal(session_choose_id(p.S, "binnen_direct"), -1);    /* the planner's, not ours */
    assert_int_equal(p.S->steps, 0);
    assert_string_equal(scene_id(p.S), "koffie");
    assert_null(find(&p.rec, OUT_CHOICE, before));
    play_free(&p);
}

static void test_undo_returns_to_before_the_choice(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    session_start(p.S);
    choose_id(p.S, "binnen_grens");
    assert_non_null(session_turn(p.S));
    int scene = p.S->scene, steps = p.S->steps;
    int grens = scenario_var(tutorial, "grens");
    double g = world_var(p.S->world, grens);
    choose_id(p.S, "zit_grens");
    assert_int_not_equal(p.S->scene, scene);
    assert_int_equal(p.S->steps, steps + 1);

    int mark = p.rec.n;
    assert_int_equal(session_undo(p.S, 1), 1);
    assert_int_equal(p.S->scene, scene);
    assert_int_equal(p.S->steps, steps);
    assert_true(world_var(p.S->world, grens) == g);
    assert_int_equal(p.rec.n, mark);             /* the replay is silent */
    /* and play goes on from there: the same options again */
    const Turn *t = session_turn(p.S);
    assert_non_null(t);
    assert_int_equal(t->noptions, 4);
    choose_id(p.S, "zit_verbinden");
    assert_string_equal(scene_id(p.S), "voorstel");

    /* undo everything */
    assert_int_equal(session_undo(p.S, 10), 2);
    assert_string_equal(scene_id(p.S), "koffie");
    assert_int_equal(p.S->steps, 0);
    assert_int_equal(session_undo(p.S, 1), 0);
    play_free(&p);
}

/* Undo settles the turns the engine takes for unplayed roles after the last kept input: undoing
 * the choice made in "timeout" returns to "timeout", where the participant was, with as many
 * steps as then; not to "eerlijk", where Jonas's script chose, which would play his choice
 * again, out loud, after /back (a bug once: the replay stopped right after the last input). */
static void test_undo_after_engine_choice_returns_to_same_scene(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    session_start(p.S);
    choose_id(p.S, "binnen_grens");
    choose_id(p.S, "zit_grens");
    choose_id(p.S, "nee_bart");
    assert_non_null(session_turn(p.S));         /* Jonas chooses in "eerlijk" by himself */
    assert_string_equal(scene_id(p.S), "timeout");
    int steps = p.S->steps;
    assert_int_equal(steps, 4);
    choose_id(p.S, "verder_grens");
    assert_string_equal(scene_id(p.S), "markt");

    assert_int_equal(session_undo(p.S, 1), 1);
    const char *after = scene_id(p.S);
    int after_steps = p.S->steps;
    if (strcmp(after, "timeout") != 0 || after_steps != steps)
        fprintf(stderr, "after undo: scene %s, steps %d (expected timeout, %d)\n", after, after_steps, steps);
    play_free(&p);
    assert_string_equal(after, "timeout");
    assert_int_equal(after_steps, steps);
}

static void test_whole_path_reaches_an_ending(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    session_start(p.S);
    int guard = 0;
    while (!session_over(p.S) && guard++ < 100) {
        const Turn *t = session_turn(p.S);
        if (!t) break;
        int core = 0;               /* the option on the core of the chooser's quadrant */
        for (int k = 0; k < t->noptions; k++)
            if (session_corner(p.S, t->participant, t->role, &p.S->s->scenes[p.S->scene].choices[t->options[k]]) == CORNER_CORE) core = k;
        assert_int_equal(session_choose(p.S, core), 0);
    }
    assert_true(session_over(p.S));
    assert_false(p.S->stuck);
    assert_true(p.S->ending >= 0);
    assert_null(session_turn(p.S));
    const Said *e = find(&p.rec, OUT_ENDING, 0);
    assert_non_null(e);
    assert_string_equal(e->id, tutorial->endings[p.S->ending].id);
    /* always from the core: the line was drawn and the bond kept */
    assert_string_equal(e->id, "samen_verder");
    assert_null(find(&p.rec, OUT_SCRIPT_ERROR, 0));
    assert_null(find(&p.rec, OUT_STUCK, 0));
    play_free(&p);
}

static void test_pleasing_path_reaches_other_ending(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    session_start(p.S);
    choose_id(p.S, "binnen_koffie");
    choose_id(p.S, "zit_pleasen");
    choose_id(p.S, "ja_bart");
    choose_id(p.S, "verder_pleasen");
    choose_id(p.S, "samen_ja");
    assert_true(session_over(p.S));
    assert_true(p.S->ending >= 0);
    assert_string_equal(tutorial->endings[p.S->ending].id, "ja_zeggen");
    play_free(&p);
}

static void test_incident_and_return(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "Sanne", "verbinden", NULL);
    session_start(p.S);
    choose_id(p.S, "binnen_grens");
    assert_string_equal(scene_id(p.S), "hoeken");
    assert_int_equal(session_inject(p.S, "no-such-event"), -1);
    int mark = p.rec.n;
    assert_int_equal(session_inject(p.S, "telefoon"), 0);
    const Said *ev = find(&p.rec, OUT_EVENT, mark);
    assert_non_null(ev);
    assert_string_equal(ev->id, "telefoon");
    assert_string_equal(scene_id(p.S), "klant_belt");
    mark = p.rec.n;
    choose_id(p.S, "klant_grens");
    const Said *back = find(&p.rec, OUT_RESUME, mark);
    assert_non_null(back);
    assert_string_equal(back->id, "hoeken");
    assert_string_equal(scene_id(p.S), "hoeken");
    /* undo goes back into the incident */
    assert_int_equal(session_undo(p.S, 1), 1);
    assert_string_equal(scene_id(p.S), "klant_belt");
    play_free(&p);
}

static void test_same_seed_same_session(void **state)
{
    (void)state;
    Play a, b;
    play_new(&a, "nl", 99, "Sanne", "verbinden", NULL);
    play_new(&b, "nl", 99, "Sanne", "verbinden", NULL);
    Play *both[] = {&a, &b};
    for (int k = 0; k < 2; k++) {
        session_start(both[k]->S);
        for (int guard = 0; !session_over(both[k]->S) && guard < 100; guard++) {
            const Turn *t = session_turn(both[k]->S);
            if (!t) break;
            assert_int_equal(session_choose(both[k]->S, t->noptions - 1), 0);
        }
    }
    assert_int_equal(a.rec.n, b.rec.n);
    for (int i = 0; i < a.rec.n; i++) {
        assert_int_equal(a.rec.v[i].kind, b.rec.v[i].kind);
        if (a.rec.v[i].text || b.rec.v[i].text) {
            assert_non_null(a.rec.v[i].text);
            assert_non_null(b.rec.v[i].text);
            assert_string_equal(a.rec.v[i].text, b.rec.v[i].text);
        }
    }
    assert_int_equal(a.S->ending, b.S->ending);
    /* played in Dutch */
    const Said *sc = find(&a.rec, OUT_SCENE, 0);
    assert_non_null(sc);
    const Said *text = find(&a.rec, OUT_TEXT, 0);
    assert_non_null(text);
    assert_true(strncmp(text->text, "Maandagochtend", 14) == 0);
    play_free(&a);
    play_free(&b);
}

/* Four participants on two roles: the scenes of a shared role go to its players in turn, and
 * the snapshot keeps whose turn it is. */
static void test_shared_role_takes_turns(void **state)
{
    (void)state;
    Play p;
    play_new(&p, "en", 1, "A", "verbinden", "B", "tact", "C", "daadkracht", "D", "geduld", NULL);
    int coord = scenario_role(tutorial, "coordinator"), first = -1, second = -1;
    for (int i = 0; i < p.cast.n; i++)
        if (p.cast.p[i].role == coord) { if (first < 0) first = i; else second = i; }
    assert_true(first >= 0 && second >= 0);
    session_start(p.S);
    for (int guard = 0; guard < 20 && strcmp(scene_id(p.S), "voorstel") != 0; guard++) {
        assert_non_null(session_turn(p.S));
        assert_int_equal(session_choose(p.S, 0), 0);
    }
    assert_string_equal(scene_id(p.S), "voorstel");
    assert_int_equal(session_turn(p.S)->participant, first);
    p.S->role_turns[coord]++;              /* as after one earlier scene of the role */
    assert_int_equal(session_turn(p.S)->participant, second);
    json_object *snap = session_snapshot(p.S);
    p.S->role_turns[coord] = 0;
    session_restore(p.S, snap);
    json_object_put(snap);
    assert_int_equal(session_turn(p.S)->participant, second);
    play_free(&p);
}

int main(void)
{
    setenv("VERBEELD_DATADIR", ".", 1);
    i18n_init("en");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cast_on_opposite_quadrant),
        cmocka_unit_test(test_cast_two_participants),
        cmocka_unit_test(test_start_and_first_turn),
        cmocka_unit_test(test_shared_role_takes_turns),
        cmocka_unit_test(test_choice_carries_corner),
        cmocka_unit_test(test_pleasing_is_allergy_and_bart_reacts),
        cmocka_unit_test(test_out_of_range_choice_is_refused),
        cmocka_unit_test(test_undo_returns_to_before_the_choice),
        cmocka_unit_test(test_undo_after_engine_choice_returns_to_same_scene),
        cmocka_unit_test(test_whole_path_reaches_an_ending),
        cmocka_unit_test(test_pleasing_path_reaches_other_ending),
        cmocka_unit_test(test_incident_and_return),
        cmocka_unit_test(test_same_seed_same_session),
    };
    return cmocka_run_group_tests(tests, setup_tutorial, teardown_tutorial);
}
