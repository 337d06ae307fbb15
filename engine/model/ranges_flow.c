/*
 * ranges_flow.c - the ranges of the variables at every scene (see ranges_flow.h): a round over
 * the scenes in the order the story meets them, again and again until no range grows.
 *
 * Every step keeps what may hold, never less: a condition that is not understood may go either
 * way, an effect that is not understood may set any variable to anything.
 */
#include "model/ranges_flow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* A loop head's ranges are widened (bounds that keep moving go to infinity) once they have
 * grown this often: few enough to stay fast, enough for a counter to show its first steps. */
#define WIDEN_AFTER 3

/* ============================== the story as edges ============================== */

static int nedges(const Scene *sc)
{
    return 1 + sc->ngotos + sc->nchoices;
}

/* Where choice c of scene sc leads in play (session.c's after_choice). */
static Target choice_target(const Scene *sc, const Choice *c)
{
    if (sc->who == WHO_EACH) return sc->next.kind != TARGET_NONE ? sc->next : c->to;
    return c->to.kind != TARGET_NONE ? c->to : sc->next;
}

Target ranges_flow_edge(const Scene *sc, int k, int *cond, int *line)
{
    *cond = NO_CODE;
    *line = sc->line;
    /* After a goto without a condition nothing is ever taken: it always fires. */
    int always = scenario_goto_always(sc);
    const Target none = {TARGET_NONE, -2, NULL};           /* -2: not an edge */
    if (k == 0) return sc->nchoices || always < sc->ngotos ? none : sc->next;
    k--;
    if (k < sc->ngotos ? k > always : always < sc->ngotos) return none;
    if (k < sc->ngotos) {
        *cond = sc->gotos[k].cond;
        *line = sc->gotos[k].line;
        return sc->gotos[k].to;
    }
    const Choice *c = &sc->choices[k - sc->ngotos];
    *cond = c->cond;
    *line = c->line;
    return choice_target(sc, c);
}

/* ============================== states ============================== */

int ranges_flow_test(const RangesFlow *f, int code, RVal *box, int want)
{
    if (code == NO_CODE) return want;
    if (!f->parsed[code]) return 1;
    return rexpr_refine(&f->code[code], box, f->na, want);
}

/* box = the variables `vars`, and nothing known of anything else. */
static void load(const RangesFlow *f, RVal *box, const RVal *vars)
{
    if (f->nv) memcpy(box, vars, (size_t)f->nv * sizeof *box);           /* none: may be NULL */
    if (f->na > f->nv) memcpy(box + f->nv, f->atoms.init + f->nv, (size_t)(f->na - f->nv) * sizeof *box);
}

static void apply(const RangesFlow *f, const Effect *e, int n, RVal *box)
{
    for (int k = 0; k < n; k++) {
        if (e[k].kind == EFFECT_LUA) {
            if (f->parsed[e[k].code]) rexpr_exec(&f->code[e[k].code], box, f->na);
            else                                   /* any number: variables take nothing else */
                for (int v = 0; v < f->nv; v++) box[v] = (RVal){-INFINITY, INFINITY, 1, 0, 0, 0};
            continue;
        }
        if (e[k].var < 0) continue;
        RVal *v = &box[e[k].var];
        if (e[k].kind == EFFECT_SET) {
            *v = rval_num(e[k].value);
        } else if (v->num) {
            RVal add = rval_num(e[k].value);
            v->lo += e[k].value;
            v->hi += e[k].value;
            v->intg &= add.intg;
        }
    }
}

/* The story may arrive at t with box: join it into what was known to arrive there. */
static void arrive(RangesFlow *f, Target t, const RVal *box)
{
    if (t.kind == TARGET_ENDING) {
        f->ending[t.index] = 1;
        return;
    }
    RVal *into;
    int widen, first;
    if (t.kind == TARGET_SCENE) {
        into = &f->in[(size_t)t.index * (size_t)f->nv];
        first = !f->reached[t.index];
        widen = f->head[t.index] && f->grew[t.index] >= WIDEN_AFTER;
        f->reached[t.index] = 1;
    } else {                                           /* back from an incident */
        into = f->ret;
        first = !f->ret_reached;
        widen = f->ret_grew >= WIDEN_AFTER;
        f->ret_reached = 1;
    }
    int changed = first;
    for (int v = 0; v < f->nv; v++) {
        RVal n = first ? box[v] : widen ? rval_widen(into[v], box[v]) : rval_join(into[v], box[v]);
        if (!first && rval_same(n, into[v])) continue;
        into[v] = n;
        changed = 1;
    }
    if (!changed) return;
    if (t.kind == TARGET_SCENE) {
        f->grew[t.index]++;
        f->dirty[t.index] = 1;
    } else {
        f->ret_grew++;
        f->ret_changed = 1;
    }
}

/* Fill box with what may hold when scene i offers its choices (or passes on), taking its
 * gotos and the incidents that may begin there when `go`. With stop_at >= 0, stop before
 * goto stop_at is decided. Returns 0 when the story never stays there. */
static int at_scene(RangesFlow *f, int i, RVal *box, int go, int stop_at)
{
    const Scene *sc = &f->s->scenes[i];
    if (!f->reached[i]) return 0;
    load(f, box, &f->in[(size_t)i * (size_t)f->nv]);
    for (int g = 0; g < sc->ngotos; g++) {
        if (g == stop_at) return 1;
        memcpy(f->tmp, box, (size_t)f->na * sizeof *box);
        if (go && ranges_flow_test(f, sc->gotos[g].cond, f->tmp, 1)) {
            f->enabled[f->first[i] + 1 + g] = 1;
            arrive(f, sc->gotos[g].to, f->tmp);
        }
        if (!ranges_flow_test(f, sc->gotos[g].cond, box, 0)) return 0;
    }
    apply(f, sc->effects, sc->neffects, box);
    int incident = sc->nchoices > 0 && f->s->nevents > 0;    /* the trainer may inject one */
    for (int e = 0; e < f->s->nevents; e++) {
        const Event *ev = &f->s->events[e];
        if (ev->cond == NO_CODE) continue;
        memcpy(f->tmp, box, (size_t)f->na * sizeof *box);
        if (!ranges_flow_test(f, ev->cond, f->tmp, 1)) continue;
        incident = 1;
        if (go) arrive(f, ev->to, f->tmp);
    }
    if (incident && f->ret_reached)
        for (int v = 0; v < f->nv; v++)
            if (f->incident_writes[v]) box[v] = rval_join(box[v], f->ret[v]);
    if (go && sc->nchoices > 0)
        for (int e = 0; e < f->s->nevents; e++) arrive(f, f->s->events[e].to, box);
    return 1;
}

/* The choices of scene i, offered with box: each that may be taken, taken. In a scene where
 * each participant chooses, what one chose is there when the next chooses. */
static void take_choices(RangesFlow *f, int i, RVal *box)
{
    const Scene *sc = &f->s->scenes[i];
    if (sc->nchoices == 0) {
        f->enabled[f->first[i]] = 1;
        arrive(f, sc->next, box);
        return;
    }
    for (int round = 0;; round++) {
        int grew = 0;
        for (int c = 0; c < sc->nchoices; c++) {
            const Choice *ch = &sc->choices[c];
            memcpy(f->tmp2, box, (size_t)f->na * sizeof *box);
            if (!ranges_flow_test(f, ch->cond, f->tmp2, 1)) continue;
            apply(f, ch->effects, ch->neffects, f->tmp2);
            f->enabled[f->first[i] + 1 + sc->ngotos + c] = 1;
            arrive(f, choice_target(sc, ch), f->tmp2);
            if (sc->who != WHO_EACH) continue;
            for (int v = 0; v < f->nv; v++) {
                RVal n = round >= WIDEN_AFTER ? rval_widen(box[v], f->tmp2[v]) : rval_join(box[v], f->tmp2[v]);
                if (!rval_same(n, box[v])) { box[v] = n; grew = 1; }
            }
        }
        if (!grew) return;
    }
}

int ranges_flow_edge_state(RangesFlow *f, int i, int k, RVal *box)
{
    const Scene *sc = &f->s->scenes[i];
    int g = k - 1;
    return at_scene(f, i, box, 0, g >= 0 && g < sc->ngotos ? g : -1);
}

/* ============================== the order of the scenes ============================== */

/* Depth first from the start and the events: which scenes and endings the structure reaches,
 * the scenes in reverse postorder (a scene before those it leads to, loops aside) and the
 * loop heads (scenes an edge goes back to). Returns how many scenes are in `order`. */
static int depth_first(RangesFlow *f, int *order)
{
    const Scenario *s = f->s;
    int n = 0, top = 0, nroots = 0;
    int *stack = xcalloc((size_t)s->nscenes + 1, sizeof *stack), *at = xcalloc((size_t)s->nscenes + 1, sizeof *at);
    int *post = xcalloc((size_t)s->nscenes + 1, sizeof *post);
    unsigned char *state = xcalloc((size_t)s->nscenes + 1, 1);      /* 1 on the path, 2 done */
    Target *roots = xcalloc((size_t)s->nevents + 1, sizeof *roots);
    roots[nroots++] = s->start;
    for (int e = 0; e < s->nevents; e++) roots[nroots++] = s->events[e].to;
    for (int r = 0; r < nroots; r++) {
        if (roots[r].kind == TARGET_ENDING) f->seen_ending[roots[r].index] = 1;
        if (roots[r].kind != TARGET_SCENE) continue;
        f->roots[roots[r].index] = 1;
        if (state[roots[r].index]) continue;
        stack[top++] = roots[r].index;
        state[roots[r].index] = 1;
        while (top > 0) {
            int i = stack[top - 1];
            const Scene *sc = &s->scenes[i];
            if (at[i] == nedges(sc)) {
                state[i] = 2;
                post[n++] = i;
                top--;
                continue;
            }
            int cond, line;
            Target t = ranges_flow_edge(sc, at[i]++, &cond, &line);
            if (t.kind == TARGET_ENDING) f->seen_ending[t.index] = 1;
            if (t.kind != TARGET_SCENE) continue;
            if (state[t.index] == 1) f->head[t.index] = 1;
            if (state[t.index]) continue;
            state[t.index] = 1;
            stack[top++] = t.index;
        }
    }
    for (int k = 0; k < n; k++) {
        order[k] = post[n - 1 - k];
        f->seen[order[k]] = 1;
    }
    free(stack);
    free(at);
    free(post);
    free(state);
    free(roots);
    return n;
}

/* The variables that a scene of an incident (anything an event leads to) may change. */
static void incident_writes(RangesFlow *f)
{
    const Scenario *s = f->s;
    unsigned char *mark = xcalloc((size_t)s->nscenes + 1, 1);
    int *stack = xcalloc((size_t)s->nscenes + 1, sizeof *stack), n = 0;
    for (int e = 0; e < s->nevents; e++)
        if (s->events[e].to.kind == TARGET_SCENE && !mark[s->events[e].to.index])
            mark[stack[n++] = s->events[e].to.index] = 1;
    while (n > 0) {
        const Scene *sc = &s->scenes[stack[--n]];
        const Effect *lists[2] = {sc->effects, NULL};
        int counts[2] = {sc->neffects, 0};
        for (int k = 0; k <= sc->nchoices; k++) {
            if (k > 0) { lists[1] = sc->choices[k - 1].effects; counts[1] = sc->choices[k - 1].neffects; }
            for (int l = 0; l < 2; l++)
                for (int x = 0; x < counts[l]; x++) {
                    const Effect *e = &lists[l][x];
                    if (e->kind != EFFECT_LUA) { if (e->var >= 0) f->incident_writes[e->var] = 1; }
                    else if (f->parsed[e->code]) rexpr_writes(&f->code[e->code], f->incident_writes);
                    else memset(f->incident_writes, 1, (size_t)f->nv + 1);
                }
        }
        for (int k = 0; k < nedges(sc); k++) {
            int cond, line;
            Target t = ranges_flow_edge(sc, k, &cond, &line);
            if (t.kind == TARGET_SCENE && !mark[t.index]) mark[stack[n++] = t.index] = 1;
        }
    }
    free(mark);
    free(stack);
}

/* ============================== the whole ============================== */

static void setup(RangesFlow *f, const Scenario *s)
{
    memset(f, 0, sizeof *f);
    f->s = s;
    rexpr_atoms_init(&f->atoms, s);
    f->code = xcalloc((size_t)s->ncode + 1, sizeof *f->code);
    f->parsed = xcalloc((size_t)s->ncode + 1, 1);
    for (int k = 0; k < s->ncode; k++)
        f->parsed[k] = rexpr_parse(&f->code[k], s->code[k].src, s->code[k].is_expr, &f->atoms, s) == 0;
    f->nv = s->nvars;
    f->na = f->atoms.n;
    size_t n = (size_t)s->nscenes + 1;
    f->in = xcalloc(n * (size_t)(f->nv + 1), sizeof *f->in);
    f->reached = xcalloc(n, 1);
    f->seen = xcalloc(n, 1);
    f->roots = xcalloc(n, 1);
    f->dirty = xcalloc(n, 1);
    f->head = xcalloc(n, 1);
    f->grew = xcalloc(n, sizeof *f->grew);
    f->first = xcalloc(n + 1, sizeof *f->first);
    for (int i = 0; i < s->nscenes; i++) f->first[i + 1] = f->first[i] + nedges(&s->scenes[i]);
    f->enabled = xcalloc((size_t)f->first[s->nscenes] + 1, 1);
    f->ending = xcalloc((size_t)s->nendings + 1, 1);
    f->seen_ending = xcalloc((size_t)s->nendings + 1, 1);
    f->ret = xcalloc((size_t)f->nv + 1, sizeof *f->ret);
    f->incident_writes = xcalloc((size_t)f->nv + 1, 1);
    f->tmp = xcalloc((size_t)f->na + 1, sizeof *f->tmp);
    f->tmp2 = xcalloc((size_t)f->na + 1, sizeof *f->tmp2);
}

void ranges_flow_run(RangesFlow *f, const Scenario *s)
{
    setup(f, s);
    int *order = xcalloc((size_t)s->nscenes + 1, sizeof *order);
    int n = depth_first(f, order);
    incident_writes(f);
    RVal *box = xcalloc((size_t)f->na + 1, sizeof *box);
    arrive(f, s->start, f->atoms.init);
    for (int more = 1; more;) {
        more = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (!f->dirty[i]) continue;
            f->dirty[i] = 0;
            more = 1;
            if (at_scene(f, i, box, 1, -1)) take_choices(f, i, box);
        }
        if (f->ret_changed) {           /* what incidents change comes back at every scene they may begin at */
            f->ret_changed = 0;
            more = 1;
            for (int k = 0; k < n; k++)
                if (f->reached[order[k]]) f->dirty[order[k]] = 1;
        }
    }
    free(box);
    free(order);
}

void ranges_flow_free(RangesFlow *f)
{
    for (int k = 0; k < f->s->ncode; k++)
        if (f->parsed[k]) rexpr_free(&f->code[k]);
    rexpr_atoms_free(&f->atoms);
    free(f->code);
    free(f->parsed);
    free(f->in);
    free(f->reached);
    free(f->seen);
    free(f->roots);
    free(f->dirty);
    free(f->head);
    free(f->grew);
    free(f->first);
    free(f->enabled);
    free(f->ending);
    free(f->seen_ending);
    free(f->ret);
    free(f->incident_writes);
    free(f->tmp);
    free(f->tmp2);
    memset(f, 0, sizeof *f);
}
