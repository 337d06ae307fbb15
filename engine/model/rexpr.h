/*
 * rexpr.h - the scenario's conditions and <lua> effects as the range analysis (ranges.h) reads
 * them: a small part of Lua (numbers, vars, chars, visited, count, cards, played, arithmetic,
 * comparisons, and/or/not; in effects, assignments to vars and if/elseif/else) evaluated over
 * ranges of values instead of values. Code outside that part is not parsed: the analysis then
 * treats it as unknown (a condition that may be true or false, an effect that may set any
 * variable to anything).
 */
#ifndef VB_REXPR_H
#define VB_REXPR_H

#include "base/util.h"
#include "model/scenario.h"

/* What a value may be: a number in [lo, hi], nil or false, true (or another truthy value). */
typedef struct {
    double lo, hi;
    unsigned char num;   /* may be a number, between lo and hi */
    unsigned char nil;   /* may be nil or false */
    unsigned char tru;   /* may be true, or anything truthy that is not a number */
    unsigned char intg;  /* every number it may be is a whole number */
} RVal;

/* The things code reads: the scenario's variables first (atom k is variable k), then each
 * other name met while parsing ("chars.boss.trust", "visited.hal"), with what it may be when
 * nothing is known about it. */
typedef struct {
    char **names;
    RVal *init;
    int n, cap, nvars;
} RAtoms;

/* Parsed code: nodes in one array, root at `root`. */
typedef struct {
    struct RNode *v;
    int n, cap, root;
} RExpr;

/* The atoms of scenario s: its variables, at their start values. */
void rexpr_atoms_init(RAtoms *a, const Scenario *s);
void rexpr_atoms_free(RAtoms *a);

/* Parse `src` (an expression when is_expr, else a chunk of statements) into e, adding the names
 * it reads to `a`. Returns 0, or -1 when the code is outside the part of Lua understood here. */
int rexpr_parse(RExpr *e, const char *src, int is_expr, RAtoms *a, const Scenario *s);
void rexpr_free(RExpr *e);

/* A number as a value; any value at all; what nothing is (no value: the join's unit). */
RVal rval_num(double x);
RVal rval_any(void);
/* Whether v may be nothing at all. */
int rval_empty(RVal v);
RVal rval_join(RVal a, RVal b);
/* a joined with b, where a bound that moved goes to infinity: loops end. */
RVal rval_widen(RVal a, RVal b);
int rval_same(RVal a, RVal b);
/* v as text, for a message: "x = 3", "0 <= x <= 4", "x >= 1", "x = nil or true"... */
void rval_describe(RVal v, const char *name, StrBuf *out);

/* The value of expression e in box (one RVal per atom). */
RVal rexpr_value(const RExpr *e, const RVal *box);
/* Whether e may be truthy (want 1) or falsy (want 0) in box. */
int rexpr_may(const RExpr *e, const RVal *box, int want);
/* Narrow box (n atoms) to where e is truthy (want 1) or falsy (want 0); 0 when nowhere. */
int rexpr_refine(const RExpr *e, RVal *box, int n, int want);
/* Run chunk e on box (n atoms). */
void rexpr_exec(const RExpr *e, RVal *box, int n);
/* Mark in `used` (one byte per atom) the atoms e reads; add to `consts` (up to max, counted in
 * *nconsts) the numbers it compares with. */
void rexpr_reads(const RExpr *e, unsigned char *used, double *consts, int *nconsts, int max);
/* Mark in `written` (one byte per variable) the variables chunk e may assign. */
void rexpr_writes(const RExpr *e, unsigned char *written);

#endif
