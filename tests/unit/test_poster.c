/* test_poster.c - the posters (engine/print/poster.c): where a card's pictures are looked for,
 * every school card's portrait and drawing put into the page, and what a poster shows when a
 * picture is missing or is no SVG. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "common.h"
#include "base/util.h"
#include "model/load.h"
#include "print/poster.h"

static void test_picture_path_beside_the_scenario(void **state)
{
    (void)state;
    char *p = poster_picture_path("scenarios/school.xml", "drawings", "elin");
    assert_string_equal(p, "scenarios/school/drawings/elin.svg");
    free(p);
    p = poster_picture_path("/opt/v.1/share/school", "portraits", "mo");   /* a dot in a folder */
    assert_string_equal(p, "/opt/v.1/share/school/portraits/mo.svg");
    free(p);
    p = poster_picture_path(NULL, "portraits", "mo");
    assert_string_equal(p, "/portraits/mo.svg");
    free(p);
}

/* The posters of the scenario at path as HTML text. Fresh. */
static char *posters_of(const char *path)
{
    DiagList d;
    diag_init(&d);
    Scenario *s = load_scenario(path, &lx, &d);
    if (!s) {
        char *t = diag_text(&d);
        print_error("%s: %s\n", path, t);
        free(t);
    }
    assert_non_null(s);
    assert_true(s->ndecks > 0);
    htmlDocPtr doc = poster_deck(s, &s->decks[0], "en");
    xmlChar *html = NULL;
    int n = 0;
    htmlDocDumpMemory(doc, &html, &n);
    char *out = xstrdup((const char *)html);
    xmlFree(html);
    xmlFreeDoc(doc);
    scenario_free(s);
    diag_free(&d);
    return out;
}

static int count(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what)) n++;
    return n;
}

static void test_school_cards_have_both_pictures(void **state)
{
    (void)state;
    char *html = posters_of("scenarios/school.xml");
    assert_int_equal(count(html, "class=\"page poster\""), 30);
    assert_int_equal(count(html, "src=\"data:image/svg+xml;base64,"), 60);
    assert_int_equal(count(html, "class=\"initial\""), 0);
    assert_non_null(strstr(html, "alt=\"Portrait of Elin\""));
    free(html);
}

static void test_missing_or_broken_pictures_leave_room(void **state)
{
    (void)state;
    char dir[] = "/tmp/vb-poster-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *xml = read_file("scenarios/school.xml", 1 << 22, NULL);
    assert_non_null(xml);
    char *path = xasprintf("%s/school.xml", dir), *sub = xasprintf("%s/school", dir),
         *pdir = xasprintf("%s/school/portraits", dir), *bad = xasprintf("%s/school/portraits/elin.svg", dir);
    FILE *f = fopen(path, "w");
    fputs(xml, f);
    fclose(f);
    mkdir(sub, 0700);
    mkdir(pdir, 0700);
    f = fopen(bad, "w");
    fputs("<svg>\xff\xfe</svg>", f);          /* not UTF-8: no picture */
    fclose(f);
    char *html = posters_of(path);
    assert_int_equal(count(html, "src=\"data:image/svg+xml;base64,"), 0);
    assert_int_equal(count(html, "class=\"initial\""), 30);
    /* The school's cards have art: the drawing's frame shows it, not an empty frame. */
    assert_int_equal(count(html, "drawing empty"), 0);
    assert_true(count(html, "<pre>") > 0);
    free(html);
    remove(bad);
    rmdir(pdir);
    rmdir(sub);
    remove(path);
    rmdir(dir);
    free(xml);
    free(path);
    free(sub);
    free(pdir);
    free(bad);
}

int main(void)
{
    setenv("VERBEELD_DATADIR", ".", 0);      /* the schema, from the source tree it runs in */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_picture_path_beside_the_scenario),
        cmocka_unit_test(test_school_cards_have_both_pictures),
        cmocka_unit_test(test_missing_or_broken_pictures_leave_room),
    };
    return cmocka_run_group_tests_name("poster", tests, setup_lexicon, teardown_lexicon);
}
