/* test_lexicon.c - the quadrant lexicon (characters/quadrants.lua): terms in Dutch and English,
 * quadrants and their opposites, corners, and the diagnostics of a broken lexicon file. */
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
#include "common.h"
#include "model/lexicon.h"




static void test_loads_at_least_16_quadrants(void **state)
{
    (void)state;
    assert_true(lx.n >= 16);
    for (int i = 0; i < lx.n; i++)
        for (int c = 0; c < CORNERS; c++) {
            assert_non_null(lx.q[i].nl[c]);
            assert_non_null(lx.q[i].en[c]);
        }
    Quadrant q;
    assert_int_equal(lexicon_quadrant(&lx, "directheid", &q), 0);
    assert_string_equal(q.nl[CORNER_CORE], "directheid");
}

static void test_term_dutch_and_english_any_case(void **state)
{
    (void)state;
    assert_string_equal(lexicon_term(&lx, "verbinden"), "verbinden");
    assert_string_equal(lexicon_term(&lx, "Connecting"), "verbinden");
    assert_string_equal(lexicon_term(&lx, "CONNECTING"), "verbinden");
    assert_string_equal(lexicon_term(&lx, "VerBinden"), "verbinden");
    assert_string_equal(lexicon_term(&lx, "Setting Boundaries"), "grenzen stellen");
    assert_string_equal(lexicon_term(&lx, "harshness"), "hardheid");
    assert_null(lexicon_term(&lx, "telepathy"));
    assert_null(lexicon_term(&lx, ""));
    assert_null(lexicon_term(&lx, NULL));
}

static void test_english_and_name(void **state)
{
    (void)state;
    assert_string_equal(lexicon_english(&lx, "verbinden"), "connecting");
    assert_string_equal(lexicon_english(&lx, "grenzen stellen"), "setting boundaries");
    assert_string_equal(lexicon_name(&lx, "pleasen", "en"), "pleasing");
    assert_string_equal(lexicon_name(&lx, "pleasen", "nl"), "pleasen");
}

static void assert_quadrant(const Quadrant *q, const char *core, const char *pitfall,
                            const char *challenge, const char *allergy)
{
    assert_string_equal(q->nl[CORNER_CORE], core);
    assert_string_equal(q->nl[CORNER_PITFALL], pitfall);
    assert_string_equal(q->nl[CORNER_CHALLENGE], challenge);
    assert_string_equal(q->nl[CORNER_ALLERGY], allergy);
}

static void test_quadrant_of_verbinden(void **state)
{
    (void)state;
    Quadrant q;
    assert_int_equal(lexicon_quadrant(&lx, "verbinden", &q), 0);
    assert_quadrant(&q, "verbinden", "pleasen", "grenzen stellen", "hardheid");
    assert_string_equal(q.en[CORNER_CORE], "connecting");
    assert_string_equal(q.en[CORNER_ALLERGY], "harshness");
    /* typed in English, the same quadrant */
    Quadrant e;
    assert_int_equal(lexicon_quadrant(&lx, "Connecting", &e), 0);
    assert_quadrant(&e, "verbinden", "pleasen", "grenzen stellen", "hardheid");
}

static void test_quadrant_of_non_core_term_fails(void **state)
{
    (void)state;
    Quadrant q;
    /* pleasen is a pitfall only, never a core quality or a challenge */
    assert_int_equal(lexicon_quadrant(&lx, "pleasen", &q), -1);
    assert_int_equal(lexicon_quadrant(&lx, "telepathy", &q), -1);
}

/* What `verbeeld quadrant` and the setup tell a person who typed no core quality. */
static void test_cores_starting_and_core_with(void **state)
{
    (void)state;
    StrBuf b;
    sb_init(&b);
    assert_int_equal(lexicon_cores_starting(&lx, "nl", "zorg", &b), 2);
    assert_string_equal(b.s, "zorgzaamheid, zorgvuldigheid");
    sb_free(&b);
    sb_init(&b);
    assert_int_equal(lexicon_cores_starting(&lx, "en", "CARIN", &b), 1);
    assert_string_equal(b.s, "caring");
    sb_free(&b);
    sb_init(&b);
    assert_int_equal(lexicon_cores_starting(&lx, "nl", "", &b), 0);
    assert_int_equal(lexicon_cores_starting(&lx, "nl", "xyz", &b), 0);
    sb_free(&b);
    /* a pitfall on one quadrant is the allergy of the opposite one */
    assert_string_equal(lexicon_core_with(&lx, lexicon_term(&lx, "pleasen"), CORNER_PITFALL), "verbinden");
    assert_string_equal(lexicon_core_with(&lx, lexicon_term(&lx, "pleasen"), CORNER_ALLERGY), "grenzen stellen");
    assert_null(lexicon_core_with(&lx, NULL, CORNER_PITFALL));
}

static void test_opposite(void **state)
{
    (void)state;
    Quadrant q;
    assert_int_equal(lexicon_quadrant(&lx, "verbinden", &q), 0);
    Quadrant o = quadrant_opposite(&q);
    assert_quadrant(&o, "grenzen stellen", "hardheid", "verbinden", "pleasen");
    assert_string_equal(o.en[CORNER_CORE], "setting boundaries");
    assert_string_equal(o.en[CORNER_ALLERGY], "pleasing");
}

static void test_opposite_of_opposite_is_original(void **state)
{
    (void)state;
    for (int i = 0; i < lx.n; i++) {
        Quadrant o = quadrant_opposite(&lx.q[i]);
        Quadrant back = quadrant_opposite(&o);
        for (int c = 0; c < CORNERS; c++) {
            assert_string_equal(back.nl[c], lx.q[i].nl[c]);
            assert_string_equal(back.en[c], lx.q[i].en[c]);
        }
    }
}

static void test_corner_places_each_term(void **state)
{
    (void)state;
    Quadrant q;
    assert_int_equal(lexicon_quadrant(&lx, "verbinden", &q), 0);
    assert_int_equal(quadrant_corner(&q, "verbinden"), CORNER_CORE);
    assert_int_equal(quadrant_corner(&q, "pleasen"), CORNER_PITFALL);
    assert_int_equal(quadrant_corner(&q, "grenzen stellen"), CORNER_CHALLENGE);
    assert_int_equal(quadrant_corner(&q, "hardheid"), CORNER_ALLERGY);
    assert_int_equal(quadrant_corner(&q, "directheid"), CORNER_NONE);
    assert_int_equal(quadrant_corner(&q, NULL), CORNER_NONE);
    /* on the opposite quadrant every term moves two corners round */
    Quadrant o = quadrant_opposite(&q);
    assert_int_equal(quadrant_corner(&o, "verbinden"), CORNER_CHALLENGE);
    assert_int_equal(quadrant_corner(&o, "pleasen"), CORNER_ALLERGY);
    assert_int_equal(quadrant_corner(&o, "grenzen stellen"), CORNER_CORE);
    assert_int_equal(quadrant_corner(&o, "hardheid"), CORNER_PITFALL);
}

/* A choice's quality is placed on every character's quadrant by address: the id from the
 * lexicon, typed in either language, must be the very string each quadrant holds. */
static void test_ids_are_one_string_per_term(void **state)
{
    (void)state;
    const char *id = lexicon_term(&lx, "Patience");
    assert_string_equal(id, "geduld");
    assert_ptr_equal(lexicon_term(&lx, "geduld"), id);
    Quadrant core, challenge;
    assert_int_equal(lexicon_quadrant(&lx, "geduld", &core), 0);
    assert_int_equal(lexicon_quadrant(&lx, "daadkracht", &challenge), 0);
    assert_ptr_equal(core.nl[CORNER_CORE], id);
    assert_ptr_equal(challenge.nl[CORNER_CHALLENGE], id);
    assert_int_equal(quadrant_corner_id(&core, id), CORNER_CORE);
    assert_int_equal(quadrant_corner_id(&challenge, id), CORNER_CHALLENGE);
    assert_int_equal(quadrant_corner_id(&challenge, lexicon_term(&lx, "pushiness")), CORNER_PITFALL);
    assert_int_equal(quadrant_corner_id(&challenge, lexicon_term(&lx, "tact")), CORNER_NONE);
    assert_int_equal(quadrant_corner_id(&challenge, NULL), CORNER_NONE);
}

static void test_corner_ids_round_trip(void **state)
{
    (void)state;
    assert_string_equal(corner_id(CORNER_CORE), "core");
    assert_string_equal(corner_id(CORNER_PITFALL), "pitfall");
    assert_string_equal(corner_id(CORNER_CHALLENGE), "challenge");
    assert_string_equal(corner_id(CORNER_ALLERGY), "allergy");
    assert_string_equal(corner_id(CORNER_NONE), "none");
    for (Corner c = CORNER_CORE; c <= CORNER_ALLERGY; c++)
        assert_int_equal(corner_from_id(corner_id(c)), c);
    assert_int_equal(corner_from_id("none"), CORNER_NONE);
    assert_int_equal(corner_from_id("Core"), CORNER_NONE);
    assert_string_equal(corner_label(CORNER_CORE), "core quality");
    assert_string_equal(corner_label(CORNER_ALLERGY), "allergy");
}

static void count_term(const char *t, void *ud)
{
    (void)t;
    (*(int *)ud)++;
}

static void test_each_term_is_distinct(void **state)
{
    (void)state;
    int n = 0;
    lexicon_each_term(&lx, "en", count_term, &n);
    /* the quadrants come in opposite pairs: every term appears twice in the file */
    assert_true(n >= 2 * 16);
    assert_true(n <= lx.n * CORNERS);
    assert_int_equal(n, lx.n * CORNERS / 2);
}

static void test_broken_lexicon_reports(void **state)
{
    (void)state;
    Lexicon bad;
    DiagList d;
    diag_init(&d);
    assert_int_equal(lexicon_load(&bad, "tests/unit/fixtures/broken_lexicon.lua", &d), -1);
    assert_int_equal(d.errors, 1);
    char *t = diag_text(&d);
    assert_string_equal(t, "tests/unit/fixtures/broken_lexicon.lua: error: quadrant 1: corner "
                           "'challenge' needs both nl and en names\n");
    free(t);
    lexicon_free(&bad);
    diag_free(&d);
}

static void test_lexicon_syntax_error_names_line(void **state)
{
    (void)state;
    Lexicon bad;
    DiagList d;
    diag_init(&d);
    assert_int_equal(lexicon_load(&bad, "tests/unit/fixtures/syntax_lexicon.lua", &d), -1);
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.v[0].file, "tests/unit/fixtures/syntax_lexicon.lua");
    assert_int_equal(d.v[0].line, 3);
    assert_non_null(strstr(d.v[0].message, "'}' expected"));
    lexicon_free(&bad);
    diag_free(&d);
}

/* A lexicon file that cannot be read is named once in its message, not twice. */
static void test_missing_lexicon_file(void **state)
{
    (void)state;
    Lexicon bad;
    DiagList d;
    diag_init(&d);
    assert_int_equal(lexicon_load(&bad, "tests/unit/fixtures/no-such-lexicon.lua", &d), -1);
    assert_int_equal(d.errors, 1);
    char *t = diag_text(&d);
    int right = strcmp(t, "tests/unit/fixtures/no-such-lexicon.lua: error: cannot read the script\n") == 0;
    if (!right) fprintf(stderr, "got: %s", t);
    free(t);
    lexicon_free(&bad);
    diag_free(&d);
    assert_true(right);
}

/* A learning goal in the participant's own words is read against the terms and their goal
 * words, at the start of a word only. */
static void test_goal_score_reads_the_participants_words(void **state)
{
    (void)state;
    assert_true(lexicon_goal_score(&lx, "moed", "Risico durven nemen") > 0);
    assert_true(lexicon_goal_score(&lx, "moed", "Say yes to a risky idea") > 0);
    assert_true(lexicon_goal_score(&lx, "directheid", "Zeggen wat ik denk") > 0);
    assert_true(lexicon_goal_score(&lx, "grenzen stellen", "Sterker staan voor mijn team") > 0);
    assert_int_equal(lexicon_goal_score(&lx, "moed", "Zeggen wat ik denk"), 0);
    /* a name counts more than a word for it; both languages count */
    assert_true(lexicon_goal_score(&lx, "pleasen", "Minder pleasen") >= 3);
    assert_true(lexicon_goal_score(&lx, "pleasen", "Less PLEASING") >= 3);
    /* inside a longer word nothing counts: "onzorgvuldig" is not "zorgvuldig" */
    assert_int_equal(lexicon_goal_score(&lx, "zorgvuldigheid", "minder onzorgvuldig"), 0);
    assert_int_equal(lexicon_goal_score(&lx, "starheid", "een goede start maken"), 0);
    assert_int_equal(lexicon_goal_score(&lx, "moed", ""), 0);
    assert_int_equal(lexicon_goal_score(&lx, "moed", NULL), 0);
}

/* Every term of the lexicon has goal words in both languages, so every participant's goal
 * can be read against their character's quadrant. */
static void test_every_term_has_goal_words(void **state)
{
    (void)state;
    for (int i = 0; i < lx.n; i++)
        for (int c = 0; c < CORNERS; c++) {
            int found = 0;
            for (int k = 0; k < lx.ngoals; k++)
                if (strcmp(lx.goals[k].term, lx.q[i].nl[c]) == 0 && *lx.goals[k].nl && *lx.goals[k].en) found = 1;
            if (!found) fail_msg("no goal words for '%s'", lx.q[i].nl[c]);
        }
}

/* The lexicon kept in the cache folder reads back as the Lua file reads: every corner in both
 * languages and every word of every term, so a second start shows and scores the same. */
static void same_words(const LexWords *a, int na, const LexWords *b, int nb)
{
    assert_int_equal(na, nb);
    for (int i = 0; i < na; i++) {
        assert_string_equal(a[i].term, b[i].term);
        assert_string_equal(a[i].nl, b[i].nl);
        assert_string_equal(a[i].en, b[i].en);
    }
}

static void same_lexicon(const Lexicon *kept, const Lexicon *file)
{
    assert_int_equal(kept->n, file->n);
    for (int i = 0; i < file->n; i++)
        for (int c = 0; c < CORNERS; c++) {
            assert_string_equal(kept->q[i].nl[c], file->q[i].nl[c]);
            assert_string_equal(kept->q[i].en[c], file->q[i].en[c]);
        }
    same_words(kept->manners, kept->nmanners, file->manners, file->nmanners);
    same_words(kept->goals, kept->ngoals, file->goals, file->ngoals);
    same_words(kept->powers, kept->npowers, file->powers, file->npowers);
    same_words(kept->portraits, kept->nportraits, file->portraits, file->nportraits);
    assert_memory_equal(kept->fingerprint, file->fingerprint, sizeof file->fingerprint);
    assert_string_equal(lexicon_term(kept, "CONNECTING"), "verbinden");
    assert_ptr_equal(lexicon_term(kept, "connecting"), lexicon_term(kept, "verbinden"));
}

/* The one kept lexicon file in `dir`, or NULL. */
static char *kept_file(const char *dir)
{
    char *cmd = NULL, line[4096] = "";
    if (asprintf(&cmd, "ls '%s'/*.lexicon 2>/dev/null", dir) < 0) return NULL;
    FILE *p = popen(cmd, "r");
    free(cmd);
    int got = p && fgets(line, sizeof line, p) != NULL;
    if (p) pclose(p);
    if (!got) return NULL;
    line[strcspn(line, "\n")] = '\0';
    return strdup(line);
}

static void test_kept_lexicon_reads_as_the_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/vb-lexcache-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *was = getenv("VERBEELD_CACHE");
    char *saved = was ? strdup(was) : NULL;
    Lexicon file, kept;
    DiagList d;
    diag_init(&d);
    setenv("VERBEELD_CACHE", "off", 1);
    assert_int_equal(lexicon_load(&file, "characters/quadrants.lua", &d), 0);
    setenv("VERBEELD_CACHE", dir, 1);
    assert_int_equal(lexicon_load(&kept, "characters/quadrants.lua", &d), 0);   /* keeps it */
    lexicon_free(&kept);
    char *path = kept_file(dir);
    assert_non_null(path);
    assert_int_equal(lexicon_load(&kept, "characters/quadrants.lua", &d), 0);   /* reads it back */
    assert_int_equal(d.n, 0);
    same_lexicon(&kept, &file);
    lexicon_free(&kept);

    /* A kept file with one byte changed fails its seal: it is removed, the file is read, and
     * it is kept again. */
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, 100, SEEK_SET);
    int c = fgetc(f);
    fseek(f, 100, SEEK_SET);
    fputc(c ^ 0x20, f);
    fclose(f);
    assert_int_equal(lexicon_load(&kept, "characters/quadrants.lua", &d), 0);
    assert_int_equal(d.n, 0);
    same_lexicon(&kept, &file);
    lexicon_free(&kept);
    char *again = kept_file(dir);
    assert_non_null(again);
    assert_string_equal(again, path);
    free(again);

    /* A lexicon with an error is not kept: its messages are the same at every start. */
    char *rm = NULL;
    if (asprintf(&rm, "rm -f '%s'/*.lexicon", dir) > 0 && system(rm)) {}
    free(rm);
    assert_int_equal(lexicon_load(&kept, "tests/unit/fixtures/broken_lexicon.lua", &d), -1);
    lexicon_free(&kept);
    assert_null(kept_file(dir));

    free(path);
    lexicon_free(&file);
    diag_free(&d);
    if (saved) setenv("VERBEELD_CACHE", saved, 1);
    else unsetenv("VERBEELD_CACHE");
    free(saved);
    rm = NULL;
    if (asprintf(&rm, "rm -rf '%s'", dir) > 0 && system(rm)) {}
    free(rm);
}

int main(void)
{
    setenv("VERBEELD_DATADIR", ".", 1);
    i18n_init("en");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_at_least_16_quadrants),
        cmocka_unit_test(test_term_dutch_and_english_any_case),
        cmocka_unit_test(test_english_and_name),
        cmocka_unit_test(test_quadrant_of_verbinden),
        cmocka_unit_test(test_quadrant_of_non_core_term_fails),
        cmocka_unit_test(test_cores_starting_and_core_with),
        cmocka_unit_test(test_opposite),
        cmocka_unit_test(test_opposite_of_opposite_is_original),
        cmocka_unit_test(test_corner_places_each_term),
        cmocka_unit_test(test_corner_ids_round_trip),
        cmocka_unit_test(test_each_term_is_distinct),
        cmocka_unit_test(test_ids_are_one_string_per_term),
        cmocka_unit_test(test_broken_lexicon_reports),
        cmocka_unit_test(test_lexicon_syntax_error_names_line),
        cmocka_unit_test(test_missing_lexicon_file),
        cmocka_unit_test(test_goal_score_reads_the_participants_words),
        cmocka_unit_test(test_every_term_has_goal_words),
        cmocka_unit_test(test_kept_lexicon_reads_as_the_file),
    };
    return cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
}
