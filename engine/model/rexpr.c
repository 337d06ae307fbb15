/*
 * rexpr.c - conditions and effects of a scenario read as a small part of Lua and evaluated over
 * ranges of values (see rexpr.h): what the range analysis (ranges.c) runs through the story.
 *
 * Everything here errs on the side of "may": a value is never said to be impossible unless it
 * is. A runtime error in a condition makes it false in play (session.c), so it does here.
 */
#include "model/rexpr.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"

enum {
    N_NUM, N_TRUE, N_NIL, N_ATOM, N_NOT, N_NEG, N_AND, N_OR, N_ADD, N_SUB, N_MUL, N_DIV,
    N_LT, N_LE, N_GT, N_GE, N_EQ, N_NE,            /* comparisons, in this order */
    N_SEQ, N_SET, N_IF, N_NOP
};

typedef struct RNode {
    int op, a, b, c;     /* children (node indices, -1 for none); for N_ATOM and N_SET, a is the atom */
    int height;          /* of the tree below, statements in a row not counted */
    double num;
} RNode;

/* Evaluation recurses down the tree: deeper code (hostile, or machine-made) is not understood,
 * and Lua itself refuses nesting much deeper than this. */
#define MAX_HEIGHT 200

/* ============================== values ============================== */

RVal rval_num(double x)
{
    return (RVal){x, x, 1, 0, 0, x == floor(x)};
}

RVal rval_any(void)
{
    return (RVal){-INFINITY, INFINITY, 1, 1, 1, 0};
}

static const RVal NOTHING = {INFINITY, -INFINITY, 0, 0, 0, 1};
static const RVal TRUTH = {INFINITY, -INFINITY, 0, 0, 1, 1};
static const RVal FALSITY = {INFINITY, -INFINITY, 0, 1, 0, 1};
static const RVal EITHER = {INFINITY, -INFINITY, 0, 1, 1, 1};

int rval_empty(RVal v)
{
    return !v.num && !v.nil && !v.tru;
}

RVal rval_join(RVal a, RVal b)
{
    if (!a.num) { a.lo = b.lo; a.hi = b.hi; a.intg = b.intg; }
    else if (b.num) { a.lo = fmin(a.lo, b.lo); a.hi = fmax(a.hi, b.hi); a.intg &= b.intg; }
    a.num |= b.num;
    a.nil |= b.nil;
    a.tru |= b.tru;
    return a;
}

RVal rval_widen(RVal a, RVal b)
{
    RVal j = rval_join(a, b);
    if (a.num && j.lo < a.lo) j.lo = -INFINITY;
    if (a.num && j.hi > a.hi) j.hi = INFINITY;
    return j;
}

int rval_same(RVal a, RVal b)
{
    if (a.num != b.num || a.nil != b.nil || a.tru != b.tru) return 0;
    return !a.num || (a.lo == b.lo && a.hi == b.hi && a.intg == b.intg);
}

static int truthy(RVal v) { return v.num || v.tru; }
static int falsy(RVal v) { return v.nil; }

static RVal boolean(int may_true, int may_false)
{
    RVal r = NOTHING;
    r.tru = (unsigned char)may_true;
    r.nil = (unsigned char)may_false;
    return r;
}

static void add_number(StrBuf *out, double x)
{
    if (x == floor(x) && fabs(x) < 1e15) sb_addf(out, "%.0f", x);
    else sb_addf(out, "%g", x);
}

void rval_describe(RVal v, const char *name, StrBuf *out)
{
    int others = v.nil || v.tru;
    if (v.num) {
        if (v.lo == v.hi) { sb_addf(out, "%s = ", name); add_number(out, v.lo); }
        else if (isinf(v.lo) && isinf(v.hi)) sb_addf(out, _("%s can be any number"), name);
        else if (isinf(v.hi)) { sb_addf(out, "%s >= ", name); add_number(out, v.lo); }
        else if (isinf(v.lo)) { sb_addf(out, "%s <= ", name); add_number(out, v.hi); }
        else { add_number(out, v.lo); sb_addf(out, " <= %s <= ", name); add_number(out, v.hi); }
        if (others) sb_add(out, " or ");
    } else if (others) {
        sb_addf(out, "%s = ", name);
    }
    if (v.nil) sb_add(out, v.tru ? "nil or " : "nil");
    if (v.tru) sb_add(out, "true");
}

/* ============================== reading ============================== */

typedef enum { T_END, T_NUM, T_NAME, T_STR, T_OP, T_BAD } TokKind;

typedef struct {
    const char *p;
    TokKind kind;
    char text[128];
    double num;
    RExpr *e;
    RAtoms *atoms;
    const Scenario *s;
    int bad;
    int ifs;             /* how deep the parser is: ifs, brackets, not and minus open here */
} Parser;

static void skip_space(Parser *P)
{
    for (;;) {
        while (isspace((unsigned char)*P->p)) P->p++;
        if (P->p[0] != '-' || P->p[1] != '-') return;
        if (P->p[2] == '[') { P->bad = 1; return; }       /* a long comment: not worth the trouble */
        while (*P->p && *P->p != '\n') P->p++;
    }
}

static void next_token(Parser *P)
{
    static const char *const ops[] = {"==", "~=", "<=", ">=", "<", ">", "+", "-", "*", "/", "(", ")",
                                      "[", "]", "=", ";", NULL};
    skip_space(P);
    const char *p = P->p;
    P->text[0] = '\0';
    if (P->bad) { P->kind = T_BAD; return; }
    if (!*p) { P->kind = T_END; return; }
    if (isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1]))) {
        char *end;
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) { P->kind = T_BAD; return; }
        P->num = strtod(p, &end);
        P->kind = isalpha((unsigned char)*end) || *end == '.' ? T_BAD : T_NUM;
        P->p = end;
        return;
    }
    if (isalpha((unsigned char)*p) || *p == '_') {
        size_t n = 0;
        while ((isalnum((unsigned char)p[n]) || p[n] == '_') && n < sizeof P->text - 1) n++;
        memcpy(P->text, p, n);
        P->text[n] = '\0';
        P->kind = T_NAME;
        P->p = p + n;
        return;
    }
    if (*p == '"' || *p == '\'') {
        size_t n = 0;
        while (p[1 + n] && p[1 + n] != *p && p[1 + n] != '\\' && p[1 + n] != '\n' && n < sizeof P->text - 1) n++;
        if (p[1 + n] != *p) { P->kind = T_BAD; return; }
        memcpy(P->text, p + 1, n);
        P->text[n] = '\0';
        P->kind = T_STR;
        P->p = p + n + 2;
        return;
    }
    if (*p == '.' && p[1] != '.') {
        strcpy(P->text, ".");
        P->kind = T_OP;
        P->p = p + 1;
        return;
    }
    for (int i = 0; ops[i]; i++) {
        size_t n = strlen(ops[i]);
        if (strncmp(p, ops[i], n) == 0) {
            strcpy(P->text, ops[i]);
            P->kind = T_OP;
            P->p = p + n;
            return;
        }
    }
    P->kind = T_BAD;
}

static int is_op(const Parser *P, const char *op) { return P->kind == T_OP && strcmp(P->text, op) == 0; }
static int is_word(const Parser *P, const char *w) { return P->kind == T_NAME && strcmp(P->text, w) == 0; }

static int expect(Parser *P, const char *text)
{
    if ((P->kind == T_OP && is_op(P, text)) || is_word(P, text)) { next_token(P); return 1; }
    P->bad = 1;
    return 0;
}

static int node(Parser *P, int op, int a, int b)
{
    RExpr *e = P->e;
    int h = 0;                           /* statements: their nesting is counted in if_statement */
    if (a >= 0 && op < N_SEQ && op != N_ATOM) h = e->v[a].height;
    if (b >= 0 && op < N_SEQ && e->v[b].height > h) h = e->v[b].height;
    if (h + 1 > MAX_HEIGHT) P->bad = 1;
    VEC_PUSH(e->v, e->n, e->cap);
    e->v[e->n] = (RNode){op, a, b, -1, h + 1, 0};
    return e->n++;
}

static int atom(RAtoms *a, const char *name, RVal init)
{
    for (int i = a->nvars; i < a->n; i++)
        if (strcmp(a->names[i], name) == 0) return i;
    int cap = a->cap;
    VEC_PUSH(a->names, a->n, a->cap);
    if (a->cap != cap) a->init = xrealloc(a->init, (size_t)a->cap * sizeof *a->init);
    a->names[a->n] = xstrdup(name);
    a->init[a->n] = init;
    return a->n++;
}

/* A key after a table: .name or ['name']. */
static int key(Parser *P, char *out, size_t size)
{
    if (is_op(P, ".")) {
        next_token(P);
        if (P->kind != T_NAME) return P->bad = 1, 0;
    } else if (is_op(P, "[")) {
        next_token(P);
        if (P->kind != T_STR) return P->bad = 1, 0;
        snprintf(out, size, "%s", P->text);
        next_token(P);
        return expect(P, "]");
    } else {
        return P->bad = 1, 0;
    }
    snprintf(out, size, "%s", P->text);
    next_token(P);
    return 1;
}

/* vars.x, facts.x, chars.role.field, visited.scene, count.corner, cards.card, played.role. */
static int reference(Parser *P)
{
    char table[16], k1[128], k2[128], name[300];
    snprintf(table, sizeof table, "%.15s", P->text);
    next_token(P);
    if (!key(P, k1, sizeof k1)) return -1;
    int a = -1;
    if (strcmp(table, "vars") == 0) {
        a = scenario_var(P->s, k1);
    } else if (strcmp(table, "facts") == 0) {      /* a fact is so while its variable is not 0 */
        if ((a = scenario_fact(P->s, k1)) < 0) return P->bad = 1, -1;
        int zero = node(P, N_NUM, -1, -1);
        P->e->v[zero].num = 0;
        return node(P, N_NE, node(P, N_ATOM, a, -1), zero);
    } else if (strcmp(table, "chars") == 0) {
        if (!key(P, k2, sizeof k2)) return -1;
        snprintf(name, sizeof name, "chars.%s.%s", k1, k2);
        /* a field compared with numbers is taken to be a number (check warns of a field that
         * is not there at the start); which number is up to the script */
        RVal any = {-INFINITY, INFINITY, 1, 0, 0, 0};
        a = atom(P->atoms, name, any);
    } else if (strcmp(table, "visited") == 0 || strcmp(table, "count") == 0) {
        snprintf(name, sizeof name, "%s.%s", table, k1);
        RVal n = {0, INFINITY, 1, 0, 0, 1};
        a = atom(P->atoms, name, n);
    } else if (strcmp(table, "cards") == 0 || strcmp(table, "played") == 0) {
        snprintf(name, sizeof name, "%s.%s", table, k1);
        a = atom(P->atoms, name, EITHER);
    }
    if (a < 0) return P->bad = 1, -1;
    return node(P, N_ATOM, a, -1);
}

static int expr(Parser *P, int level);

static int primary(Parser *P)
{
    if (P->kind == T_NUM) {
        int n = node(P, N_NUM, -1, -1);
        P->e->v[n].num = P->num;
        next_token(P);
        return n;
    }
    if (is_word(P, "true")) { next_token(P); return node(P, N_TRUE, -1, -1); }
    if (is_word(P, "false") || is_word(P, "nil")) { next_token(P); return node(P, N_NIL, -1, -1); }
    if (is_op(P, "(")) {
        next_token(P);
        if (++P->ifs > MAX_HEIGHT) return P->bad = 1, -1;      /* the parser's own depth */
        int n = expr(P, 0);
        P->ifs--;
        expect(P, ")");
        return n;
    }
    if (is_word(P, "vars") || is_word(P, "facts") || is_word(P, "chars") || is_word(P, "visited") ||
        is_word(P, "count") || is_word(P, "cards") || is_word(P, "played"))
        return reference(P);
    P->bad = 1;
    return -1;
}

static int unary(Parser *P)
{
    int op = is_word(P, "not") ? N_NOT : is_op(P, "-") ? N_NEG : -1;
    if (op < 0) return primary(P);
    next_token(P);
    if (++P->ifs > MAX_HEIGHT) return P->bad = 1, -1;          /* not not not ... */
    int n = node(P, op, unary(P), -1);
    P->ifs--;
    return n;
}

/* Binary operators by Lua's precedence, lowest first. */
static int binary_op(const Parser *P, int level)
{
    static const struct { int level; const char *text; int op; } table[] = {
        {0, "or", N_OR}, {1, "and", N_AND},
        {2, "<", N_LT}, {2, "<=", N_LE}, {2, ">", N_GT}, {2, ">=", N_GE}, {2, "==", N_EQ}, {2, "~=", N_NE},
        {3, "+", N_ADD}, {3, "-", N_SUB}, {4, "*", N_MUL}, {4, "/", N_DIV},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (table[i].level == level && (is_op(P, table[i].text) || is_word(P, table[i].text))) return table[i].op;
    return -1;
}

static int expr(Parser *P, int level)
{
    if (level > 4) return unary(P);
    int left = expr(P, level + 1), op;
    while (!P->bad && (op = binary_op(P, level)) >= 0) {
        next_token(P);
        left = node(P, op, left, expr(P, level + 1));
        if (level == 2 && binary_op(P, 2) >= 0) P->bad = 1;    /* a < b < c: an error in Lua */
    }
    return left;
}

static int statements(Parser *P);

static int if_statement(Parser *P)
{
    next_token(P);                       /* if or elseif */
    if (++P->ifs > MAX_HEIGHT) P->bad = 1;
    int cond = expr(P, 0);
    expect(P, "then");
    int then = statements(P), other = -1;
    if (is_word(P, "elseif")) other = if_statement(P);
    else {
        if (is_word(P, "else")) { next_token(P); other = statements(P); }
        expect(P, "end");
    }
    int n = node(P, N_IF, cond, then);
    P->e->v[n].c = other;
    P->ifs--;
    return n;
}

static int statement(Parser *P)
{
    if (is_word(P, "if")) return if_statement(P);
    if (is_word(P, "vars")) {
        int target = reference(P);
        if (P->bad) return -1;
        expect(P, "=");
        return node(P, N_SET, P->e->v[target].a, expr(P, 0));
    }
    P->bad = 1;
    return -1;
}

/* Statements up to the end of the chunk or a block's end, else or elseif. */
static int statements(Parser *P)
{
    int first = -1, last = -1;
    while (!P->bad && P->kind != T_END && !is_word(P, "end") && !is_word(P, "else") && !is_word(P, "elseif")) {
        if (is_op(P, ";")) { next_token(P); continue; }
        int seq = node(P, N_SEQ, statement(P), -1);
        if (last >= 0) P->e->v[last].b = seq;
        else first = seq;
        last = seq;
    }
    return first >= 0 ? first : node(P, N_NOP, -1, -1);
}

int rexpr_parse(RExpr *e, const char *src, int is_expr, RAtoms *a, const Scenario *s)
{
    memset(e, 0, sizeof *e);
    Parser P = {.p = src, .e = e, .atoms = a, .s = s};
    next_token(&P);
    if (is_expr) e->root = expr(&P, 0);
    else e->root = statements(&P);
    if (P.bad || P.kind != T_END) {
        rexpr_free(e);
        return -1;
    }
    return 0;
}

void rexpr_free(RExpr *e)
{
    free(e->v);
    memset(e, 0, sizeof *e);
}

void rexpr_atoms_init(RAtoms *a, const Scenario *s)
{
    memset(a, 0, sizeof *a);
    for (int i = 0; i < s->nvars; i++) {
        int cap = a->cap;
        VEC_PUSH(a->names, a->n, a->cap);
        if (a->cap != cap) a->init = xrealloc(a->init, (size_t)a->cap * sizeof *a->init);
        a->names[a->n] = xstrdup(s->vars[i].id);
        a->init[a->n++] = rval_num(s->vars[i].value);
    }
    a->nvars = s->nvars;
}

void rexpr_atoms_free(RAtoms *a)
{
    for (int i = 0; i < a->n; i++) free(a->names[i]);
    free(a->names);
    free(a->init);
    memset(a, 0, sizeof *a);
}

/* ============================== evaluating ============================== */

static RVal arith(int op, RVal a, RVal b)
{
    if (!a.num || !b.num) return NOTHING;                 /* an error in play */
    RVal r = {0, 0, 1, 0, 0, a.intg && b.intg};
    if (op == N_ADD) { r.lo = a.lo + b.lo; r.hi = a.hi + b.hi; }
    else if (op == N_SUB) { r.lo = a.lo - b.hi; r.hi = a.hi - b.lo; }
    else if (op == N_DIV && b.lo <= 0 && b.hi >= 0) { r.lo = -INFINITY; r.hi = INFINITY; r.intg = 0; }
    else {
        double p[4];
        if (op == N_MUL) { p[0] = a.lo * b.lo; p[1] = a.lo * b.hi; p[2] = a.hi * b.lo; p[3] = a.hi * b.hi; }
        else { p[0] = a.lo / b.lo; p[1] = a.lo / b.hi; p[2] = a.hi / b.lo; p[3] = a.hi / b.hi; r.intg = 0; }
        r.lo = r.hi = p[0];
        for (int k = 1; k < 4; k++) { r.lo = fmin(r.lo, p[k]); r.hi = fmax(r.hi, p[k]); }
        for (int k = 0; k < 4; k++)
            if (isnan(p[k])) { r.lo = -INFINITY; r.hi = INFINITY; }
    }
    if (isnan(r.lo) || isnan(r.hi)) { r.lo = -INFINITY; r.hi = INFINITY; }
    return r;
}

static int other_than_number(RVal v) { return v.nil || v.tru; }

static RVal compare(int op, RVal a, RVal b)
{
    int t = 0, f = rval_empty(a) || rval_empty(b);
    int both = a.num && b.num;
    if (op == N_EQ || op == N_NE) {
        if (both) {
            t = a.lo <= b.hi && b.lo <= a.hi;
            f |= !(a.lo == a.hi && b.lo == b.hi && a.lo == b.lo);
        }
        f |= (a.num && other_than_number(b)) || (b.num && other_than_number(a)) || (a.nil && b.tru) || (a.tru && b.nil);
        f |= a.tru && b.tru;                  /* two tables may be different */
        t |= (a.nil && b.nil) || (a.tru && b.tru);
        if (op == N_NE) { int x = t; t = f; f = x; }
        return boolean(t, f);
    }
    if (both) {
        if (op == N_LT) { t = a.lo < b.hi; f |= a.hi >= b.lo; }
        if (op == N_LE) { t = a.lo <= b.hi; f |= a.hi > b.lo; }
        if (op == N_GT) { t = a.hi > b.lo; f |= a.lo <= b.hi; }
        if (op == N_GE) { t = a.hi >= b.lo; f |= a.lo < b.hi; }
    }
    f |= other_than_number(a) || other_than_number(b);     /* an error in play: false */
    return boolean(t, f);
}

static RVal value(const RExpr *e, int i, const RVal *box)
{
    const RNode *n = &e->v[i];
    switch (n->op) {
    case N_NUM: return rval_num(n->num);
    case N_TRUE: return TRUTH;
    case N_NIL: return FALSITY;
    case N_ATOM: return box[n->a];
    case N_NOT: {
        RVal v = value(e, n->a, box);
        return boolean(falsy(v), truthy(v));
    }
    case N_NEG: {
        RVal v = value(e, n->a, box);
        if (!v.num) return NOTHING;
        RVal r = v;
        r.nil = r.tru = 0;
        r.lo = -v.hi;
        r.hi = -v.lo;
        return r;
    }
    case N_AND: {
        RVal a = value(e, n->a, box);
        if (!falsy(a)) return value(e, n->b, box);
        return truthy(a) ? rval_join(FALSITY, value(e, n->b, box)) : FALSITY;
    }
    case N_OR: {
        RVal a = value(e, n->a, box);
        if (!truthy(a)) return value(e, n->b, box);
        a.nil = 0;
        return falsy(value(e, n->a, box)) ? rval_join(a, value(e, n->b, box)) : a;
    }
    case N_ADD: case N_SUB: case N_MUL: case N_DIV:
        return arith(n->op, value(e, n->a, box), value(e, n->b, box));
    default:
        return compare(n->op, value(e, n->a, box), value(e, n->b, box));
    }
}

RVal rexpr_value(const RExpr *e, const RVal *box)
{
    return value(e, e->root, box);
}

/* Node i as atom + k, when it is one (vars.x, vars.x + 2, 1 + vars.x, vars.x - 1). */
static int affine(const RExpr *e, int i, int *atom_out, double *k)
{
    const RNode *n = &e->v[i];
    if (n->op == N_ATOM) { *atom_out = n->a; *k = 0; return 1; }
    if (n->op != N_ADD && n->op != N_SUB) return 0;
    const RNode *a = &e->v[n->a], *b = &e->v[n->b];
    if (a->op == N_ATOM && b->op == N_NUM) { *atom_out = a->a; *k = n->op == N_ADD ? b->num : -b->num; return 1; }
    if (n->op == N_ADD && a->op == N_NUM && b->op == N_ATOM) { *atom_out = b->a; *k = a->num; return 1; }
    return 0;
}

static int flip(int op)
{
    switch (op) {
    case N_LT: return N_GT;
    case N_LE: return N_GE;
    case N_GT: return N_LT;
    case N_GE: return N_LE;
    default: return op;
    }
}

static int negate(int op)
{
    switch (op) {
    case N_LT: return N_GE;
    case N_LE: return N_GT;
    case N_GT: return N_LE;
    case N_GE: return N_LT;
    case N_EQ: return N_NE;
    default: return N_EQ;
    }
}

/* Narrow the atom of `side` (atom + k) to where `side op other` holds; `want` says whether the
 * comparison as written is to be true (op is then as written) or false (op is its opposite).
 * Only against numbers: what else `other` may be is left to the final test. A value that is no
 * number stays where the comparison may come out as wanted: an ordering of it is an error,
 * false in play; it is never equal to a number. Returns 0 when the atom is left with nothing. */
static int narrow(const RExpr *e, int side, int other, int op, int want, RVal *box)
{
    int a;
    double k;
    if (!affine(e, side, &a, &k)) return 1;
    RVal b = value(e, other, box), *x = &box[a];
    if (!b.num || other_than_number(b)) return 1;
    if (other_than_number(*x) && (op == N_EQ || (op != N_NE && want))) x->nil = x->tru = 0;
    if (!x->num) return !rval_empty(*x);
    double lo = b.lo - k, hi = b.hi - k;
    int whole = x->intg && b.intg && k == floor(k);
    switch (op) {
    case N_LT: x->hi = fmin(x->hi, whole ? hi - 1 : hi); break;
    case N_LE: x->hi = fmin(x->hi, hi); break;
    case N_GT: x->lo = fmax(x->lo, whole ? lo + 1 : lo); break;
    case N_GE: x->lo = fmax(x->lo, lo); break;
    case N_EQ: x->lo = fmax(x->lo, lo); x->hi = fmin(x->hi, hi); break;
    default:
        if (lo == hi && x->lo == lo && x->hi == lo) x->num = 0;
        else if (lo == hi && whole && x->lo == lo) x->lo += 1;
        else if (lo == hi && whole && x->hi == lo) x->hi -= 1;
    }
    if (x->intg) { x->lo = ceil(x->lo); x->hi = floor(x->hi); }
    if (x->lo > x->hi) x->num = 0;
    return !rval_empty(*x);
}

static int refine(const RExpr *e, int i, RVal *box, int n, int want)
{
    const RNode *nd = &e->v[i];
    switch (nd->op) {
    case N_NOT: return refine(e, nd->a, box, n, !want);
    case N_ATOM: {
        RVal *v = &box[nd->a];
        if (want) v->nil = 0;
        else v->num = v->tru = 0;
        return !rval_empty(*v);
    }
    case N_AND: case N_OR: {
        if ((nd->op == N_AND) == (want != 0))       /* both sides must be so */
            return refine(e, nd->a, box, n, want) && refine(e, nd->b, box, n, want);
        RVal *other = xmalloc((size_t)n * sizeof *other);   /* this side, or the other side after it */
        memcpy(other, box, (size_t)n * sizeof *other);
        int first = refine(e, nd->a, box, n, want);
        int second = refine(e, nd->a, other, n, !want) && refine(e, nd->b, other, n, want);
        if (!first) memcpy(box, other, (size_t)n * sizeof *box);
        else if (second)
            for (int k = 0; k < n; k++) box[k] = rval_join(box[k], other[k]);
        free(other);
        return first || second;
    }
    case N_LT: case N_LE: case N_GT: case N_GE: case N_EQ: case N_NE: {
        int op = want ? nd->op : negate(nd->op);
        if (!narrow(e, nd->a, nd->b, op, want, box) || !narrow(e, nd->b, nd->a, flip(op), want, box)) return 0;
        break;
    }
    default:
        break;
    }
    RVal r = value(e, i, box);
    return want ? truthy(r) : falsy(r);
}

int rexpr_refine(const RExpr *e, RVal *box, int n, int want)
{
    return refine(e, e->root, box, n, want);
}

static void exec(const RExpr *e, int i, RVal *box, int n)
{
    const RNode *nd = &e->v[i];
    if (nd->op == N_SEQ) {
        for (int j = i; j >= 0; j = e->v[j].b) exec(e, e->v[j].a, box, n);
    } else if (nd->op == N_SET) {
        RVal v = value(e, nd->b, box);
        v.nil = v.tru = 0;                                 /* a variable only takes numbers */
        if (v.num) box[nd->a] = v;                         /* else an error: the chunk stops */
    } else if (nd->op == N_IF) {
        RVal *then = xmalloc((size_t)n * sizeof *then);
        memcpy(then, box, (size_t)n * sizeof *then);
        int yes = refine(e, nd->a, then, n, 1), no = refine(e, nd->a, box, n, 0);
        if (yes) exec(e, nd->b, then, n);
        if (no && nd->c >= 0) exec(e, nd->c, box, n);
        if (!no) memcpy(box, then, (size_t)n * sizeof *box);
        else if (yes)
            for (int k = 0; k < n; k++) box[k] = rval_join(box[k], then[k]);
        free(then);
    }
}

void rexpr_exec(const RExpr *e, RVal *box, int n)
{
    exec(e, e->root, box, n);
}

void rexpr_reads(const RExpr *e, unsigned char *used, double *consts, int *nconsts, int max)
{
    for (int i = 0; i < e->n; i++) {
        if (e->v[i].op == N_ATOM) used[e->v[i].a] = 1;
        if (e->v[i].op == N_NUM && *nconsts < max) consts[(*nconsts)++] = e->v[i].num;
    }
}

void rexpr_writes(const RExpr *e, unsigned char *written)
{
    for (int i = 0; i < e->n; i++)
        if (e->v[i].op == N_SET) written[e->v[i].a] = 1;
}
