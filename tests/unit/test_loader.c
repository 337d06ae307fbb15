/* test_loader.c - loading scenarios (load_scenario): the tutorial loads cleanly, and each kind of
 * broken scenario gives its exact file:line diagnostics, all problems of a file in one run. */
#include <stdarg.h>
#include <stddef.h>
#include <sched.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/diag.h"
#include "base/i18n.h"
#include "common.h"
#include "model/lexicon.h"
#include "model/load.h"
#include "model/scenario.h"

#define FIX "tests/unit/fixtures/"




/* Load `path`, expect it to fail with exactly `expected` as printed diagnostics. */
static void expect_diagnostics(const char *path, int errors, const char *expected)
{
    DiagList d;
    diag_init(&d);
    Scenario *s = load_scenario(path, &lx, &d);
    assert_null(s);
    char *t = diag_text(&d);
    assert_string_equal(t, expected);
    assert_int_equal(d.errors, errors);
    free(t);
    diag_free(&d);
}

static void test_tutorial_loads_cleanly(void **state)
{
    (void)state;
    DiagList d;
    diag_init(&d);
    Scenario *s = load_scenario("scenarios/tutorial.xml", &lx, &d);
    if (d.n) {
        char *t = diag_text(&d);
        fprintf(stderr, "%s", t);
        free(t);
    }
    assert_non_null(s);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 0);
    assert_string_equal(s->id, "tutorial");
    assert_int_equal(s->nlangs, 2);
    assert_string_equal(scenario_fallback(s), "nl");
    assert_int_equal(s->start.kind, TARGET_SCENE);
    assert_string_equal(s->scenes[s->start.index].id, "koffie");
    assert_true(scenario_role(s, "coordinator") >= 0);
    assert_true(s->roles[scenario_role(s, "coordinator")].playable);
    assert_false(s->roles[scenario_role(s, "gids")].playable);
    assert_true(s->nendings >= 3);
    /* the English title is there, and the Dutch one is the fallback */
    assert_string_equal(text_get(&s->title, "en", "nl"), "A first taste: Monday at the Lighthouse bookshop");
    assert_string_equal(text_get(&s->title, "fr", "nl"),
                        "Eerste kennismaking: maandag bij boekhandel De Vuurtoren");
    scenario_free(s);
    diag_free(&d);
}

/* Load `path`, expecting it to load without a word. */
static Scenario *load_clean(const char *path)
{
    DiagList d;
    diag_init(&d);
    Scenario *s = load_scenario(path, &lx, &d);
    assert_non_null(s);
    assert_int_equal(d.n, 0);
    diag_free(&d);
    return s;
}

static void test_minimal_fixture_resolves(void **state)
{
    (void)state;
    Scenario *s = load_clean(FIX "good.xml");
    assert_int_equal(s->nscenes, 1);
    const Choice *c = &s->scenes[0].choices[0];
    assert_string_equal(c->id, "go");
    assert_int_equal(c->to.kind, TARGET_ENDING);
    assert_int_equal(c->to.index, scenario_ending(s, "end"));
    assert_int_equal(c->by, scenario_role(s, "hero"));
    assert_string_equal(c->quality, "verbinden");
    assert_int_equal(c->neffects, 1);
    assert_int_equal(c->effects[0].kind, EFFECT_ADD);
    assert_int_equal(c->effects[0].var, scenario_var(s, "mood"));
    assert_int_equal(s->scenes[0].items[1].kind, ITEM_SAY);
    assert_string_equal(s->scenes[0].items[1].line_key, "hello");
    scenario_free(s);
}

/* A choice without an id is named after its scene and its place there: s1-1, s1-2, s1-3. */
static void test_choice_without_id_is_numbered(void **state)
{
    (void)state;
    Scenario *s = load_clean(FIX "bench-40.xml");
    const Scene *sc = &s->scenes[scenario_scene(s, "s1")];
    assert_int_equal(sc->nchoices, 3);
    assert_string_equal(sc->choices[0].id, "s1-1");
    assert_string_equal(sc->choices[2].id, "s1-3");
    scenario_free(s);
}

static void test_english_quality_becomes_dutch_id(void **state)
{
    (void)state;
    Scenario *s = load_clean(FIX "english_quality.xml");
    assert_string_equal(s->scenes[0].choices[0].quality, "verbinden");
    scenario_free(s);
}

static void test_unknown_target(void **state)
{
    (void)state;
    expect_diagnostics(FIX "bad_target.xml", 1,
                       FIX "bad_target.xml:14: error: unknown scene or ending 'nowhere'\n");
}

static void test_unknown_roles_in_say_by_and_who(void **state)
{
    (void)state;
    expect_diagnostics(FIX "bad_role.xml", 3,
                       FIX "bad_role.xml:11: error: unknown role 'spectre'\n"
                       FIX "bad_role.xml:13: error: unknown role 'ghost'\n"
                       FIX "bad_role.xml:14: error: unknown role 'phantom'\n");
}

static void test_unknown_quality(void **state)
{
    (void)state;
    expect_diagnostics(FIX "bad_quality.xml", 1,
                       FIX "bad_quality.xml:14: error: unknown quality 'telepathy' (not in the quadrant lexicon)\n");
}

/* The schema leaves these to verbeeld (its facets were slow): a language code's form, and
 * attributes that must say something. */
static void test_language_code_form(void **state)
{
    (void)state;
    expect_diagnostics(FIX "bad_lang.xml", 1,
                       FIX "bad_lang.xml:1: error: 'EN' in lang=\"...\" is not a language code: two or "
                           "three lowercase letters, such as nl or en\n");
}

/* ... and of each text's xml:lang, when the scenario does not declare it. */
static void test_text_language_code_form(void **state)
{
    (void)state;
    expect_diagnostics(FIX "bad_xml_lang.xml", 1,
                       FIX "bad_xml_lang.xml:12: error: 'EN' in xml:lang=\"...\" is not a language code: "
                           "two or three lowercase letters, such as nl or en\n"
                       FIX "bad_xml_lang.xml:12: warning: missing en translation of the text\n");
}

static void test_empty_quality_and_condition(void **state)
{
    (void)state;
    expect_diagnostics(FIX "empty_attrs.xml", 2,
                       FIX "empty_attrs.xml:14: error: empty condition\n"
                       FIX "empty_attrs.xml:14: error: unknown quality '' (not in the quadrant lexicon)\n");
}

static void test_duplicate_scene_id(void **state)
{
    (void)state;
    expect_diagnostics(FIX "dup_scene.xml", 1,
                       FIX "dup_scene.xml:11: error: duplicate id 'start' (also used on line 8)\n");
}

static void test_unknown_variable(void **state)
{
    (void)state;
    expect_diagnostics(FIX "bad_var.xml", 1, FIX "bad_var.xml:16: error: unknown variable 'weather'\n");
}

static void test_scene_without_choices_or_next(void **state)
{
    (void)state;
    expect_diagnostics(FIX "no_next.xml", 1,
                       FIX "no_next.xml:11: error: scene 'middle' has no choices and no next: "
                           "the story would stop here\n");
}

static void test_schema_violation_choice_without_text(void **state)
{
    (void)state;
    DiagList d;
    diag_init(&d);
    assert_null(load_scenario(FIX "schema.xml", &lx, &d));
    assert_true(d.errors >= 1);
    /* the schema's wording comes from libxml2; what matters is where and about what */
    assert_string_equal(d.v[0].file, FIX "schema.xml");
    assert_int_equal(d.v[0].line, 9);
    assert_int_equal(d.v[0].level, DIAG_ERROR);
    assert_non_null(strstr(d.v[0].message, "choice"));
    diag_free(&d);
}

static void test_doctype_is_refused(void **state)
{
    (void)state;
    expect_diagnostics(FIX "doctype.xml", 1,
                       FIX "doctype.xml:2: error: a DOCTYPE is not allowed in a scenario "
                           "(it could declare entities)\n");
}

static void test_not_xml(void **state)
{
    (void)state;
    DiagList d;
    diag_init(&d);
    assert_null(load_scenario(FIX "notxml.xml", &lx, &d));
    assert_true(d.errors >= 1);
    char *t = diag_text(&d);
    assert_string_equal(t, FIX "notxml.xml:1: error: this is not XML: it does not begin with a tag\n");
    free(t);
    diag_free(&d);
}

static void test_missing_file(void **state)
{
    (void)state;
    expect_diagnostics(FIX "no-such-scenario.xml", 1,
                       FIX "no-such-scenario.xml: error: cannot read: No such file or directory\n");
}

static void test_all_problems_in_one_run(void **state)
{
    (void)state;
    expect_diagnostics(FIX "three.xml", 3,
                       FIX "three.xml:14: error: unknown quality 'telepathy' (not in the quadrant lexicon)\n"
                       FIX "three.xml:14: error: unknown scene or ending 'nowhere'\n"
                       FIX "three.xml:16: error: unknown variable 'weather'\n");
}

static void test_errors_accumulate_across_loads(void **state)
{
    (void)state;
    /* one DiagList for two files (as `verbeeld check a.xml b.xml` does): both files' problems */
    DiagList d;
    diag_init(&d);
    assert_null(load_scenario(FIX "bad_var.xml", &lx, &d));
    assert_null(load_scenario(FIX "bad_target.xml", &lx, &d));
    Scenario *s = load_scenario(FIX "good.xml", &lx, &d);
    assert_non_null(s);             /* earlier errors in the list do not fail a good file */
    assert_int_equal(d.errors, 2);
    char *t = diag_text(&d);
    assert_string_equal(t, FIX "bad_target.xml:14: error: unknown scene or ending 'nowhere'\n"
                           FIX "bad_var.xml:16: error: unknown variable 'weather'\n");
    free(t);
    scenario_free(s);
    diag_free(&d);
}

/* Load `path` from its XML (not from the model cache), expecting `expected` as printed
 * diagnostics; "" when it is to load cleanly. */
static void expect_from_xml(const char *path, const char *expected)
{
    char *cache = getenv("VERBEELD_CACHE") ? strdup(getenv("VERBEELD_CACHE")) : NULL;
    setenv("VERBEELD_CACHE", "off", 1);
    DiagList d;
    diag_init(&d);
    Scenario *s = load_scenario(path, &lx, &d);
    char *t = diag_text(&d);
    assert_string_equal(t, expected);
    if (*expected) assert_null(s);
    else assert_non_null(s);
    free(t);
    scenario_free(s);
    diag_free(&d);
    if (cache) setenv("VERBEELD_CACHE", cache, 1);
    else unsetenv("VERBEELD_CACHE");
    free(cache);
}

/* On one processor the schema is checked first and the model read after; on two, side by
 * side. Either way a file loads the same, and a broken one says the same. */
static void test_one_processor_or_two(void **state)
{
    (void)state;
    cpu_set_t all, one;
    assert_int_equal(sched_getaffinity(0, sizeof all, &all), 0);
    CPU_ZERO(&one);
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (CPU_ISSET(c, &all)) {
            CPU_SET(c, &one);
            break;
        }
    for (int round = 0; round < 2; round++) {
        assert_int_equal(sched_setaffinity(0, sizeof(cpu_set_t), round ? &all : &one), 0);
        expect_from_xml(FIX "good.xml", "");
        expect_from_xml(FIX "bad_target.xml", FIX "bad_target.xml:14: error: unknown scene or ending 'nowhere'\n");
        expect_from_xml(FIX "doctype.xml", FIX "doctype.xml:2: error: a DOCTYPE is not allowed in a scenario "
                                           "(it could declare entities)\n");
        expect_from_xml(FIX "notxml.xml", FIX "notxml.xml:1: error: this is not XML: it does not begin with a tag\n");
    }
}

/* The head of a generated scenario, up to its act: the scenes begin on line 6. */
#define GENERATED_HEAD                                                                  \
    "<?xml version=\"1.0\"?>\n"                                                        \
    "<scenario id=\"gen\" version=\"1\" lang=\"en\" xmlns=\"urn:verbeeld:scenario:1\">\n" \
    "<title xml:lang=\"en\">Generated</title>\n"                                       \
    "<roles><role id=\"hero\" character=\"ana\" playable=\"yes\"/></roles>\n"          \
    "<act id=\"one\">\n"

/* Write a scenario with `write` into a file of its own and load it from the XML, expecting
 * `expected`, in which %1$s stands for the file's path. */
static void expect_generated(void (*write)(FILE *), const char *expected)
{
    char dir[] = "/tmp/verbeeld-test-loader-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = NULL, *want = NULL;
    assert_true(asprintf(&path, "%s/gen.xml", dir) > 0);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(GENERATED_HEAD, f);
    write(f);
    fclose(f);
    assert_true(asprintf(&want, expected, path) > 0);
    expect_from_xml(path, want);
    unlink(path);
    rmdir(dir);
    free(want);
    free(path);
}

static void write_long(FILE *f)
{
    for (int i = 0; i < 70000; i++) fputc('\n', f);           /* lines 6 to 70005 */
    fputs("<scene id=\"start\">\n"
          "<goto to=\"nowhere\"/>\n"                            /* line 70007 */
          "<text xml:lang=\"en\">Hello.</text>\n"
          "<choice to=\"end\"><text xml:lang=\"en\">Go.</text></choice>\n"
          "<choice to=\"elsewhere\"><text xml:lang=\"en\">Or.</text>\n"
          "</choice></scene>\n"
          "</act>\n"
          "<ending id=\"end\"><title xml:lang=\"en\">The end</title></ending>\n"
          "</scenario>\n", f);
}

/* libxml2 keeps the line of an element past 65535 only roughly; the loader keeps it exactly. */
static void test_lines_past_65535(void **state)
{
    (void)state;
    expect_generated(write_long, "%1$s:70007: error: unknown scene or ending 'nowhere'\n"
                                 "%1$s:70010: error: unknown scene or ending 'elsewhere'\n");
}

/* Scene i on line 6 + i. Scene 1500 takes the id of 1499 (so the one before it leads nowhere),
 * 2000 is in French, 2500 leads to a t-scene. */
static void write_large(FILE *f)
{
    for (int i = 0; i < 3000; i++)
        fprintf(f, "<scene id=\"s%d\"><text xml:lang=\"%s\">On.</text>"
                   "<choice to=\"%s%d\"><text xml:lang=\"en\">Go.</text></choice></scene>\n",
                i == 1500 ? 1499 : i, i == 2000 ? "fr" : "en", i == 2500 ? "t" : "s", i + 1);
    fputs("</act>\n<ending id=\"s3000\"><title xml:lang=\"en\">The end</title></ending>\n</scenario>\n", f);
}

/* A story of 3,000 scenes with a problem of each kind (ids, translations, references): all
 * come out, in the order of their places. */
static void test_large_story_problems_in_their_places(void **state)
{
    (void)state;
    expect_generated(write_large,
                     "%1$s:1505: error: unknown scene or ending 's1500'\n"
                     "%1$s:1506: error: duplicate id 's1499' (also used on line 1505)\n"
                     "%1$s:1506: error: duplicate id 's1499-1' (also used on line 1505)\n"
                     "%1$s:2006: warning: missing en translation of the text\n"
                     "%1$s:2006: warning: text in 'fr', which the scenario does not declare in lang=\"...\"\n"
                     "%1$s:2506: error: unknown scene or ending 't2501'\n");
}

int main(void)
{
    setenv("VERBEELD_DATADIR", ".", 1);
    i18n_init("en");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tutorial_loads_cleanly),
        cmocka_unit_test(test_minimal_fixture_resolves),
        cmocka_unit_test(test_choice_without_id_is_numbered),
        cmocka_unit_test(test_english_quality_becomes_dutch_id),
        cmocka_unit_test(test_unknown_target),
        cmocka_unit_test(test_unknown_roles_in_say_by_and_who),
        cmocka_unit_test(test_unknown_quality),
        cmocka_unit_test(test_language_code_form),
        cmocka_unit_test(test_text_language_code_form),
        cmocka_unit_test(test_empty_quality_and_condition),
        cmocka_unit_test(test_duplicate_scene_id),
        cmocka_unit_test(test_unknown_variable),
        cmocka_unit_test(test_scene_without_choices_or_next),
        cmocka_unit_test(test_schema_violation_choice_without_text),
        cmocka_unit_test(test_doctype_is_refused),
        cmocka_unit_test(test_not_xml),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_all_problems_in_one_run),
        cmocka_unit_test(test_errors_accumulate_across_loads),
        cmocka_unit_test(test_one_processor_or_two),
        cmocka_unit_test(test_lines_past_65535),
        cmocka_unit_test(test_large_story_problems_in_their_places),
    };
    return cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
}
