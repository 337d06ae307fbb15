/* test_rexpr.c - conditions and effects read over ranges (engine/model/rexpr.h): what is and is
 * not understood, and that narrowing keeps every value that can make a condition come out as
 * wanted (no false alarm in check) while dropping those that cannot. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/rexpr.h"

static Var vars[] = {{.id = "x", .line = 1}, {.id = "y", .line = 2}};
static Scenario s = {.vars = vars, .nvars = 2};

/* x in [lo, hi] (whole numbers), y = 0; parse `src` into e, atoms into a; box filled. */
static RVal *setup_box(RExpr *e, RAtoms *a, const char *src, int is_expr, double lo, double hi)
{
    rexpr_atoms_init(a, &s);
    assert_int_equal(rexpr_parse(e, src, is_expr, a, &s), 0);
    RVal *box = calloc((size_t)a->n + 1, sizeof *box);
    for (int k = 0; k < a->n; k++) box[k] = a->init[k];
    box[0].lo = lo;
    box[0].hi = hi;
    return box;
}

static void test_not_understood(void **state)
{
    (void)state;
    static const char *const outside[] = {"vars.x(1)", "math.max(vars.x, 1) > 0", "vars.nope > 1", "vars.x .. 'a'",
                                          "#vars", "vars.x > 1 > 0", "local z = 1", NULL};
    RAtoms a;
    rexpr_atoms_init(&a, &s);
    for (int i = 0; outside[i]; i++) {
        RExpr e;
        assert_int_equal(rexpr_parse(&e, outside[i], 1, &a, &s), -1);
    }
    char deep[2000];
    memset(deep, '(', 600);
    strcpy(deep + 600, "vars.x");
    memset(deep + 606, ')', 600);
    deep[1206] = '\0';
    RExpr e;
    assert_int_equal(rexpr_parse(&e, deep, 1, &a, &s), -1);     /* nesting beyond the limit */
    rexpr_atoms_free(&a);
}

static void test_narrowing(void **state)
{
    (void)state;
    RExpr e;
    RAtoms a;
    RVal *box = setup_box(&e, &a, "vars.x > 3 and vars.x ~= 10", 1, 0, 10);
    RVal *copy = malloc((size_t)a.n * sizeof *copy);
    memcpy(copy, box, (size_t)a.n * sizeof *copy);
    assert_int_equal(rexpr_refine(&e, copy, a.n, 1), 1);
    assert_true(copy[0].lo == 4 && copy[0].hi == 9);
    memcpy(copy, box, (size_t)a.n * sizeof *copy);
    assert_int_equal(rexpr_refine(&e, copy, a.n, 0), 1);
    assert_true(copy[0].lo == 0 && copy[0].hi == 10);          /* 0..3 or 10: both kept */
    free(copy);
    free(box);
    rexpr_free(&e);
    rexpr_atoms_free(&a);

    box = setup_box(&e, &a, "not (vars.x < 2) and vars.x <= vars.y + 5", 1, 0, 10);
    assert_int_equal(rexpr_refine(&e, box, a.n, 1), 1);
    assert_true(box[0].lo == 2 && box[0].hi == 5);
    assert_int_equal(rexpr_refine(&e, box, a.n, 0), 0);       /* x in 2..5 makes it true */
    free(box);
    rexpr_free(&e);
    rexpr_atoms_free(&a);
}

static void test_unknowns(void **state)
{
    (void)state;
    RExpr e;
    RAtoms a;
    RVal *box = setup_box(&e, &a, "(visited['the-hall'] or 0) > 0 or chars.boss.trust >= 0 or cards.elin", 1, 0, 0);
    assert_int_equal(a.n, 5);                                  /* x, y, and three it knows nothing of */
    RVal *copy = malloc((size_t)a.n * sizeof *copy);
    memcpy(copy, box, (size_t)a.n * sizeof *copy);
    assert_int_equal(rexpr_refine(&e, copy, a.n, 1), 1);
    memcpy(copy, box, (size_t)a.n * sizeof *copy);
    assert_int_equal(rexpr_refine(&e, copy, a.n, 0), 1);
    assert_true(copy[3].hi <= 0);            /* false only while trust < 0 (0 kept: a bound is never strict) */
    free(copy);
    free(box);
    rexpr_free(&e);
    rexpr_atoms_free(&a);
}

static void test_effects(void **state)
{
    (void)state;
    RExpr e;
    RAtoms a;
    RVal *box = setup_box(&e, &a, "if vars.x == 0 then vars.y = vars.y + 3 elseif vars.x > 5 then vars.y = 9 "
                                  "else vars.y = 1 end -- a comment\nvars.x = vars.x * 2", 0, 0, 1);
    rexpr_exec(&e, box, a.n);
    assert_true(box[1].lo == 1 && box[1].hi == 3);             /* x 0 or 1: y 3 or 1, never 9 */
    assert_true(box[0].lo == 0 && box[0].hi == 2);
    unsigned char written[3] = {0};
    rexpr_writes(&e, written);
    assert_true(written[0] && written[1]);
    free(box);
    rexpr_free(&e);
    rexpr_atoms_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_not_understood),
        cmocka_unit_test(test_narrowing),
        cmocka_unit_test(test_unknowns),
        cmocka_unit_test(test_effects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
