/*
 * ranges.c - what the ranges of the variables prove about a story (see ranges.h): endings that
 * can never be reached, possible dead ends with the values that make them, and loops that the
 * story can enter but, with the values it has there, never leave.
 *
 * The ranges (ranges_flow.c) hold everything that may happen, so "never" here is proven; a
 * dead end or a loop is only possible: the ranges may hold values that no play gives together.
 */
#include "model/ranges.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "model/ranges_flow.h"

#define MAX_TRIES 20000        /* combinations of values tried for one possible dead end */
#define MAX_CANDIDATES 12      /* values tried for one variable */
#define MAX_CONSTS 64

/* ============================== words ============================== */

/* Condition `code` as written, on one line and cut short. */
static void add_source(const Scenario *s, int code, StrBuf *out)
{
    const char *p = s->code[code].src;
    int n = 0, space = 0;
    while (isspace((unsigned char)*p)) p++;
    for (; *p && n < 80; p++) {
        if (isspace((unsigned char)*p)) { space = 1; continue; }
        if (space) { sb_addc(out, ' '); n++; space = 0; }
        sb_addc(out, *p);
        n++;
    }
    if (*p) sb_add(out, "...");
}

/* "x = 0, 1 <= y <= 3": what box says of the atoms marked in `used`. */
static void add_values(const RangesFlow *f, const RVal *box, const unsigned char *used, StrBuf *out)
{
    for (int a = 0; a < f->na; a++) {
        if (!used[a]) continue;
        if (out->len) sb_add(out, ", ");
        rval_describe(box[a], f->atoms.names[a], out);
    }
}

/* What box says of the variables condition `code` reads; "" when it reads none. */
static char *values_read(const RangesFlow *f, int code, const RVal *box)
{
    StrBuf b;
    sb_init(&b);
    unsigned char *used = xcalloc((size_t)f->na + 1, 1);
    double consts[MAX_CONSTS];
    int nconsts = 0;
    if (code != NO_CODE && f->parsed[code]) rexpr_reads(&f->code[code], used, consts, &nconsts, MAX_CONSTS);
    for (int a = f->nv; a < f->na; a++) used[a] = 0;      /* unknown anyway */
    add_values(f, box, used, &b);
    free(used);
    return sb_take(&b);
}

/* Say in `why` that edge k of scene i (a way out of a loop when `out`, else the way to an
 * ending) is never taken, and what its condition reads there. Returns 0 when that edge is not
 * to blame: never decided, or without a condition. */
static int blame_edge(RangesFlow *f, int i, int k, RVal *box, int out, StrBuf *why)
{
    int cond, line;
    ranges_flow_edge(&f->s->scenes[i], k, &cond, &line);
    if (cond == NO_CODE || f->enabled[f->first[i] + k] || !ranges_flow_edge_state(f, i, k, box)) return 0;
    StrBuf src;
    sb_init(&src);
    add_source(f->s, cond, &src);
    char *values = values_read(f, cond, box);
    if (out && *values) sb_addf(why, _("the way out on line %d needs %s, which is never true there (%s)"), line, src.s, values);
    else if (out) sb_addf(why, _("the way out on line %d needs %s, which is never true there"), line, src.s);
    else if (*values) sb_addf(why, _("the way to it on line %d needs %s, which is never true there (%s)"), line, src.s, values);
    else sb_addf(why, _("the way to it on line %d needs %s, which is never true there"), line, src.s);
    free(values);
    sb_free(&src);
    return 1;
}

/* ============================== endings ============================== */

static void check_endings(RangesFlow *f, DiagList *d)
{
    const Scenario *s = f->s;
    int *scene = xcalloc((size_t)s->nendings + 1, sizeof *scene), *edge = xcalloc((size_t)s->nendings + 1, sizeof *edge);
    for (int e = 0; e < s->nendings; e++) scene[e] = -1;
    RVal *box = xcalloc((size_t)f->na + 1, sizeof *box);
    for (int i = 0; i < s->nscenes; i++) {
        if (!f->reached[i]) continue;
        for (int k = 0; k < f->first[i + 1] - f->first[i]; k++) {
            int cond, line;
            Target t = ranges_flow_edge(&s->scenes[i], k, &cond, &line);
            if (t.kind != TARGET_ENDING || f->ending[t.index] || scene[t.index] >= 0 || cond == NO_CODE) continue;
            if (f->enabled[f->first[i] + k] || !ranges_flow_edge_state(f, i, k, box)) continue;
            scene[t.index] = i;
            edge[t.index] = k;
        }
    }
    for (int e = 0; e < s->nendings; e++) {
        if (!f->seen_ending[e] || f->ending[e]) continue;      /* verify.c: nothing leads there */
        StrBuf why;
        sb_init(&why);
        if (scene[e] >= 0 && blame_edge(f, scene[e], edge[e], box, 0, &why))
            diag_add(d, DIAG_ERROR, s->path, s->endings[e].line, _("ending '%s' can never be reached: %s"), s->endings[e].id, why.s);
        else
            diag_add(d, DIAG_ERROR, s->path, s->endings[e].line,
                     _("ending '%s' can never be reached: with the values the variables can have, the story never gets "
                       "to a way that leads there"), s->endings[e].id);
        sb_free(&why);
    }
    free(box);
    free(scene);
    free(edge);
}

/* ============================== dead ends ============================== */

static int has(const double *v, int n, double x)
{
    for (int k = 0; k < n; k++)
        if (v[k] == x) return 1;
    return 0;
}

/* Values worth trying for an atom that may be v, when conditions compare with `consts`: its
 * bounds, the constants and their neighbours; numbers first, then nil and true. */
static int candidates(RVal v, const double *consts, int nconsts, RVal *out)
{
    double x[5 * MAX_CONSTS + 3];
    int n = 0, m = 0;
    if (v.num) {
        if (isfinite(v.lo)) x[n++] = v.lo;
        if (isfinite(v.hi)) x[n++] = v.hi;
        for (int k = 0; k < nconsts; k++) {
            x[n++] = consts[k];
            x[n++] = consts[k] - 1;
            x[n++] = consts[k] + 1;
            if (v.intg) continue;
            x[n++] = consts[k] - 0.5;         /* between two whole numbers */
            x[n++] = consts[k] + 0.5;
        }
        x[n++] = 0;
    }
    double kept[MAX_CANDIDATES];
    for (int k = 0; k < n && m < MAX_CANDIDATES - 2; k++) {
        if (x[k] < v.lo || x[k] > v.hi || (v.intg && x[k] != floor(x[k])) || has(kept, m, x[k])) continue;
        kept[m] = x[k];
        out[m++] = rval_num(x[k]);
    }
    if (v.nil) { out[m] = v; out[m].num = out[m].tru = 0; m++; }
    if (v.tru) { out[m] = v; out[m].num = out[m].nil = 0; m++; }
    return m;
}

/* Values of the atoms in `used`, within box, for which every choice of sc is false; 1 and box
 * set to them when found. */
static int find_dead_end(RangesFlow *f, const Scene *sc, RVal *box, unsigned char *used)
{
    for (int c = 0; c < sc->nchoices; c++)
        if (sc->choices[c].cond == NO_CODE || !f->parsed[sc->choices[c].cond]) return 0;
    for (int round = 0; round < 2; round++)       /* narrow to where all are false */
        for (int c = 0; c < sc->nchoices; c++)
            if (!ranges_flow_test(f, sc->choices[c].cond, box, 0)) return 0;
    double consts[MAX_CONSTS];
    int nconsts = 0, natoms = 0;
    for (int c = 0; c < sc->nchoices; c++) rexpr_reads(&f->code[sc->choices[c].cond], used, consts, &nconsts, MAX_CONSTS);
    int *atoms = xcalloc((size_t)f->na + 1, sizeof *atoms), *count = xcalloc((size_t)f->na + 1, sizeof *count);
    int *digit = xcalloc((size_t)f->na + 1, sizeof *digit);
    RVal *cand = xcalloc(((size_t)f->na + 1) * MAX_CANDIDATES, sizeof *cand);
    for (int a = 0; a < f->na; a++) {
        if (!used[a]) continue;
        count[natoms] = candidates(box[a], consts, nconsts, cand + (size_t)natoms * MAX_CANDIDATES);
        atoms[natoms++] = a;
    }
    int found = 0;
    for (int tries = 0; tries < MAX_TRIES && !found; tries++) {
        int k, empty = 0;
        for (k = 0; k < natoms; k++) {
            if (!count[k]) empty = 1;
            else box[atoms[k]] = cand[(size_t)k * MAX_CANDIDATES + digit[k]];
        }
        if (empty) break;
        found = 1;
        for (int c = 0; c < sc->nchoices && found; c++) {
            RVal v = rexpr_value(&f->code[sc->choices[c].cond], box);
            found = !v.num && !v.tru;
        }
        for (k = 0; k < natoms && ++digit[k] == count[k]; k++) digit[k] = 0;    /* the next combination */
        if (k == natoms) break;
    }
    free(atoms);
    free(count);
    free(digit);
    free(cand);
    return found;
}

static void check_dead_ends(RangesFlow *f, DiagList *d)
{
    const Scenario *s = f->s;
    RVal *box = xcalloc((size_t)f->na + 1, sizeof *box);
    unsigned char *used = xcalloc((size_t)f->na + 1, 1);
    for (int i = 0; i < s->nscenes; i++) {
        const Scene *sc = &s->scenes[i];
        if (!sc->nchoices || !ranges_flow_edge_state(f, i, 0, box)) continue;
        memset(used, 0, (size_t)f->na + 1);
        if (!find_dead_end(f, sc, box, used)) continue;
        StrBuf values, conds;
        sb_init(&values);
        sb_init(&conds);
        add_values(f, box, used, &values);
        for (int c = 0; c < sc->nchoices; c++) {
            sb_addf(&conds, "%s%s %d: ", c ? "; " : "", _("line"), sc->choices[c].line);
            add_source(s, sc->choices[c].cond, &conds);
        }
        diag_add(d, DIAG_WARNING, s->path, sc->line, _("scene '%s' may be a dead end: when %s, none of its choices can be taken (%s)"),
                 sc->id, values.s, conds.s);
        sb_free(&values);
        sb_free(&conds);
    }
    free(box);
    free(used);
}

/* ============================== loops ============================== */

/* The edges into each scene: rfrom[rfirst[j] .. rfirst[j+1]) are the scenes with an edge to j
 * that `on` lets through (every edge when on is NULL). */
static void reverse(const RangesFlow *f, const unsigned char *on, int **rfirst_out, int **rfrom_out)
{
    const Scenario *s = f->s;
    int n = s->nscenes;
    int *rfirst = xcalloc((size_t)n + 2, sizeof *rfirst), *rfrom = xcalloc((size_t)f->first[n] + 1, sizeof *rfrom);
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++)
            for (int k = 0; k < f->first[i + 1] - f->first[i]; k++) {
                int cond, line;
                Target t = ranges_flow_edge(&s->scenes[i], k, &cond, &line);
                if (t.kind != TARGET_SCENE || (on && !on[f->first[i] + k])) continue;
                if (pass == 0) rfirst[t.index + 2]++;
                else rfrom[rfirst[t.index + 1]++] = i;
            }
        if (pass == 0)
            for (int j = 0; j < n; j++) rfirst[j + 2] += rfirst[j + 1];
    }
    *rfirst_out = rfirst;
    *rfrom_out = rfrom;
}

/* out[i] = 1 for each scene from which the story can get to an ending (or back from an
 * incident) by the edges `on` lets through (all edges when on is NULL). With `on`, a scene with
 * choices of which none can be taken counts as out: a dead end, said above. */
static unsigned char *ways_out(const RangesFlow *f, const unsigned char *on)
{
    const Scenario *s = f->s;
    int n = s->nscenes, *rfirst, *rfrom;
    reverse(f, on, &rfirst, &rfrom);
    int *queue = xcalloc((size_t)n + 1, sizeof *queue), head = 0, tail = 0;
    unsigned char *out = xcalloc((size_t)n + 1, 1);
    for (int i = 0; i < n; i++) {
        int yes = 0, any = 0;
        for (int k = 0; k < f->first[i + 1] - f->first[i]; k++) {
            int cond, line;
            Target t = ranges_flow_edge(&s->scenes[i], k, &cond, &line);
            if (t.kind == TARGET_NONE && t.index == -2) continue;      /* not an edge */
            if (on && !on[f->first[i] + k]) continue;
            any = 1;
            yes |= t.kind != TARGET_SCENE;
        }
        if (yes || (on && !any)) { out[i] = 1; queue[tail++] = i; }
    }
    while (head < tail) {
        int j = queue[head++];
        for (int k = rfirst[j]; k < rfirst[j + 1]; k++)
            if (!out[rfrom[k]]) { out[rfrom[k]] = 1; queue[tail++] = rfrom[k]; }
    }
    free(rfirst);
    free(rfrom);
    free(queue);
    return out;
}

/* The loop the story enters at scene `entry`: its scenes (trap and not yet reported, by the
 * edges that may be taken), marked done; blame the first way out of it that is never taken. */
static void report_trap(RangesFlow *f, int entry, const unsigned char *trap, unsigned char *done, DiagList *d)
{
    const Scenario *s = f->s;
    int *queue = xcalloc((size_t)s->nscenes + 1, sizeof *queue), head = 0, tail = 0;
    RVal *box = xcalloc((size_t)f->na + 1, sizeof *box);
    StrBuf why;
    sb_init(&why);
    queue[tail++] = entry;
    done[entry] = 1;
    while (head < tail) {
        int i = queue[head++];
        for (int k = 0; k < f->first[i + 1] - f->first[i]; k++) {
            int cond, line;
            Target t = ranges_flow_edge(&s->scenes[i], k, &cond, &line);
            int inside = t.kind == TARGET_SCENE && trap[t.index];
            if (!inside && !why.len) blame_edge(f, i, k, box, 1, &why);
            if (inside && f->enabled[f->first[i] + k] && !done[t.index]) {
                done[t.index] = 1;
                queue[tail++] = t.index;
            }
        }
    }
    if (why.len)
        diag_add(d, DIAG_WARNING, s->path, s->scenes[entry].line,
                 _("no ending can be reached from scene '%s' with the values the variables can have there: %s"),
                 s->scenes[entry].id, why.s);
    else
        diag_add(d, DIAG_WARNING, s->path, s->scenes[entry].line,
                 _("no ending can be reached from scene '%s' with the values the variables can have there"), s->scenes[entry].id);
    sb_free(&why);
    free(queue);
    free(box);
}

/* Scenes the story may reach, from which the structure has a way to an ending but the values
 * never let it take one: reported once per loop, where the story enters it. */
static void check_loops(RangesFlow *f, DiagList *d)
{
    const Scenario *s = f->s;
    unsigned char *out = ways_out(f, f->enabled), *can = ways_out(f, NULL);
    unsigned char *trap = xcalloc((size_t)s->nscenes + 1, 1), *done = xcalloc((size_t)s->nscenes + 1, 1);
    for (int i = 0; i < s->nscenes; i++) trap[i] = f->reached[i] && !out[i] && can[i];
    for (int i = 0; i < s->nscenes; i++)
        if (trap[i] && f->roots[i] && !done[i]) report_trap(f, i, trap, done, d);
    for (int i = 0; i < s->nscenes; i++) {
        if (!f->reached[i] || trap[i]) continue;
        for (int k = 0; k < f->first[i + 1] - f->first[i]; k++) {
            int cond, line;
            Target t = ranges_flow_edge(&s->scenes[i], k, &cond, &line);
            if (t.kind == TARGET_SCENE && trap[t.index] && !done[t.index] && f->enabled[f->first[i] + k])
                report_trap(f, t.index, trap, done, d);
        }
    }
    free(out);
    free(can);
    free(trap);
    free(done);
}

void ranges_check(const Scenario *s, DiagList *d)
{
    RangesFlow f;
    ranges_flow_run(&f, s);
    check_endings(&f, d);
    check_dead_ends(&f, d);
    check_loops(&f, d);
    ranges_flow_free(&f);
}
