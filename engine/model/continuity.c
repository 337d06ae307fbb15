/*
 * continuity.c - the continuity check: for each fact, where the story can be while it may not
 * hold (or may hold), found by following every way through the story once; then each text
 * that presupposes otherwise is reported with one way there.
 */
#include "model/continuity.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"

enum { MAY_NOT = 1, MAY = 2 };      /* per fact: may not hold, may hold */
#define FROM_START (-1)              /* a way that begins at the start; -2-e: at incident e */

typedef struct {
    const Scenario *s;
    DiagList *d;
    int nf;                          /* facts */
    int *var_fact;                   /* per variable: its fact, or -1 */
    int nodes;                       /* scenes, then endings */
    unsigned char *may;              /* per node and fact: how it may be on entering */
    unsigned char *reached;
    int *from;                       /* per node, fact and kind: where that kind came from */
    const char **via;                /* and the choice taken there, or NULL */
    int *queue, head, tail;
    unsigned char *queued;
} Flow;

static unsigned char *at(const Flow *fl, unsigned char *v, int node)
{
    return v + (size_t)node * (size_t)fl->nf;
}

static int node_of(const Flow *fl, Target t)
{
    if (t.kind == TARGET_SCENE) return t.index;
    if (t.kind == TARGET_ENDING) return fl->s->nscenes + t.index;
    return -1;
}

/* ============================== conditions ============================== */

static int word(int c)
{
    return isalnum(c) || c == '_';
}

/* Apply one conjunct, "facts.ID" or "not facts.ID", to st; anything else tells nothing. */
static void conjunct(const Flow *fl, unsigned char *st, const char *p, size_t n)
{
    while (n && isspace((unsigned char)*p)) p++, n--;
    while (n && isspace((unsigned char)p[n - 1])) n--;
    int neg = n > 4 && !strncmp(p, "not", 3) && isspace((unsigned char)p[3]);
    if (neg) {
        p += 4, n -= 4;
        while (n && isspace((unsigned char)*p)) p++, n--;
    }
    if (n <= 6 || strncmp(p, "facts.", 6) != 0) return;
    for (size_t k = 6; k < n; k++)
        if (!word((unsigned char)p[k])) return;
    char *id = xstrndup(p + 6, n - 6);
    int v = scenario_fact(fl->s, id);
    free(id);
    if (v >= 0) st[fl->var_fact[v]] &= neg ? MAY_NOT : MAY;
}

/* Narrow st to where condition `code` holds; 0 when it cannot hold there. */
static int refine(const Flow *fl, unsigned char *st, int code)
{
    if (code == NO_CODE) return 1;
    const char *src = fl->s->code[code].src;
    for (const char *p = src; *p; p++)       /* or, brackets: too much to follow */
        if (*p == '(' || ((p == src || !word((unsigned char)p[-1])) && !strncmp(p, "or", 2) && !word((unsigned char)p[2])))
            return 1;
    const char *start = src;
    for (const char *p = src;; p++) {
        int ends = !*p || ((p == src || !word((unsigned char)p[-1])) && !strncmp(p, "and", 3) && !word((unsigned char)p[3]));
        if (!ends) continue;
        conjunct(fl, st, start, (size_t)(p - start));
        if (!*p) break;
        start = p + 3;
    }
    for (int f = 0; f < fl->nf; f++)
        if (!st[f]) return 0;
    return 1;
}

/* ============================== effects ============================== */

static void effects(const Flow *fl, unsigned char *st, const Effect *e, int n)
{
    for (int i = 0; i < n; i++) {
        if (e[i].kind == EFFECT_LUA) {       /* a chunk that names a fact may change it */
            const char *src = fl->s->code[e[i].code].src;
            for (int v = 0; v < fl->s->nvars; v++)
                if (fl->var_fact[v] >= 0 && strstr(src, fl->s->vars[v].id)) st[fl->var_fact[v]] = MAY_NOT | MAY;
            continue;
        }
        if (e[i].var < 0 || fl->var_fact[e[i].var] < 0) continue;
        int f = fl->var_fact[e[i].var];
        st[f] = e[i].kind == EFFECT_ADD ? MAY_NOT | MAY : e[i].value != 0 ? MAY : MAY_NOT;
    }
}

/* ============================== the flow ============================== */

static void flow_into(Flow *fl, int node, const unsigned char *st, int from, const char *via)
{
    if (node < 0) return;
    unsigned char *in = at(fl, fl->may, node);
    int grew = !fl->reached[node];
    fl->reached[node] = 1;
    for (int f = 0; f < fl->nf; f++) {
        unsigned char add = st[f] & ~in[f];
        for (int kind = 0; kind < 2; kind++)
            if (add & (1 << kind)) {
                size_t k = ((size_t)node * (size_t)fl->nf + (size_t)f) * 2 + (size_t)kind;
                fl->from[k] = from;
                fl->via[k] = via;
            }
        in[f] |= add;
        grew |= add != 0;
    }
    if (grew && node < fl->s->nscenes && !fl->queued[node]) {
        fl->queued[node] = 1;
        fl->queue[fl->tail] = node;
        fl->tail = (fl->tail + 1) % (fl->s->nscenes + 1);
    }
}

/* How it may be once scene i's effects have run. */
static void after(const Flow *fl, int i, unsigned char *st)
{
    const Scene *sc = &fl->s->scenes[i];
    memcpy(st, at(fl, fl->may, i), (size_t)fl->nf);
    effects(fl, st, sc->effects, sc->neffects);
}

static void step(Flow *fl, int i, unsigned char *st, unsigned char *tmp)
{
    const Scene *sc = &fl->s->scenes[i];
    for (int g = 0; g < sc->ngotos; g++) {
        memcpy(tmp, at(fl, fl->may, i), (size_t)fl->nf);
        if (refine(fl, tmp, sc->gotos[g].cond)) flow_into(fl, node_of(fl, sc->gotos[g].to), tmp, i, NULL);
    }
    after(fl, i, st);
    for (int e = 0; e < fl->s->nevents; e++) {          /* an incident may start here if available */
        memcpy(tmp, st, (size_t)fl->nf);
        if (refine(fl, tmp, fl->s->events[e].avail)) flow_into(fl, node_of(fl, fl->s->events[e].to), tmp, -2 - e, NULL);
    }
    for (int c = 0; c < sc->nchoices; c++) {
        const Choice *ch = &sc->choices[c];
        memcpy(tmp, st, (size_t)fl->nf);
        if (!refine(fl, tmp, ch->cond)) continue;
        effects(fl, tmp, ch->effects, ch->neffects);
        /* a scene where each chooses goes on to its next, whatever the choice says (session.c) */
        int each = sc->who == WHO_EACH && sc->next.kind != TARGET_NONE;
        flow_into(fl, node_of(fl, ch->to.kind != TARGET_NONE && !each ? ch->to : sc->next), tmp, i, ch->id);
    }
    if (sc->nchoices == 0) flow_into(fl, node_of(fl, sc->next), st, i, NULL);
}

/* ============================== reporting ============================== */

static const char *node_id(const Flow *fl, int node)
{
    return node < fl->s->nscenes ? fl->s->scenes[node].id : fl->s->endings[node - fl->s->nscenes].id;
}

/* One way to `node` along which fact f may be as `kind` says: "start → a (choice) → b". */
static char *way(const Flow *fl, int node, int f, int kind)
{
    enum { MAX_STEPS = 40 };
    int nodes[MAX_STEPS];
    const char *vias[MAX_STEPS];
    int n = 0, first = node;
    for (int cur = node; n < MAX_STEPS;) {
        nodes[n] = cur;
        /* made so in this scene, or by a choice in it: the way here, as the fact was then */
        if (!(at(fl, fl->may, cur)[f] & (1 << kind))) kind = !kind;
        size_t k = ((size_t)cur * (size_t)fl->nf + (size_t)f) * 2 + (size_t)kind;
        vias[n++] = fl->via[k];
        first = fl->from[k];
        if (first < 0) break;
        cur = first;
    }
    StrBuf b;
    sb_init(&b);
    if (first == FROM_START) sb_add(&b, _("start"));
    else if (first < FROM_START) sb_addf(&b, _("incident %s"), fl->s->events[-2 - first].id);
    else if (n == MAX_STEPS) sb_add(&b, "…");
    for (int k = n - 1; k >= 0; k--) {
        if (b.len) sb_add(&b, " → ");
        sb_add(&b, node_id(fl, nodes[k]));
        if (k > 0 && vias[k - 1]) sb_addf(&b, " (%s)", vias[k - 1]);
    }
    return sb_take(&b);
}

typedef struct {
    Flow *fl;
    const unsigned char *st;
    int node, line, unless;
} Presupposed;

static int check_one(const char *id, void *ud)
{
    Presupposed *p = ud;
    int v = scenario_fact(p->fl->s, id);
    if (v < 0) return 0;                     /* resolve.c says so */
    int f = p->fl->var_fact[v], kind = p->unless ? 1 : 0;
    if (!(p->st[f] & (1 << kind))) return 0;
    char *w = way(p->fl, p->node, f, kind);
    if (p->unless)
        diag_add(p->fl->d, DIAG_WARNING, p->fl->s->path, p->line,
                 _("this text presupposes that '%s' is not so, but it may be, on the way %s"), id, w);
    else
        diag_add(p->fl->d, DIAG_WARNING, p->fl->s->path, p->line,
                 _("this text presupposes '%s', which may not be so, on the way %s"), id, w);
    free(w);
    return 0;
}

static void check_presupposed(Flow *fl, const unsigned char *st, int node, int cond, const char *needs,
                              const char *unless, int line, unsigned char *tmp)
{
    if (!needs && !unless) return;
    memcpy(tmp, st, (size_t)fl->nf);
    if (!refine(fl, tmp, cond)) return;
    Presupposed p = {fl, tmp, node, line, 0};
    scenario_each_fact(needs, check_one, &p);
    p.unless = 1;
    scenario_each_fact(unless, check_one, &p);
}

static void check_items(Flow *fl, const unsigned char *st, int node, const Item *items, int n, unsigned char *tmp)
{
    for (int i = 0; i < n; i++)
        check_presupposed(fl, st, node, items[i].cond, items[i].needs, items[i].unless, items[i].line, tmp);
}

static void report(Flow *fl, unsigned char *st, unsigned char *tmp)
{
    const Scenario *s = fl->s;
    for (int i = 0; i < s->nscenes; i++) {
        if (!fl->reached[i]) continue;
        const Scene *sc = &s->scenes[i];
        after(fl, i, st);
        check_items(fl, st, i, sc->items, sc->nitems, tmp);
        for (int c = 0; c < sc->nchoices; c++)
            check_presupposed(fl, st, i, sc->choices[c].cond, sc->choices[c].needs, sc->choices[c].unless,
                              sc->choices[c].line, tmp);
    }
    for (int e = 0; e < s->nendings; e++) {
        int node = s->nscenes + e;
        if (fl->reached[node]) check_items(fl, at(fl, fl->may, node), node, s->endings[e].items, s->endings[e].nitems, tmp);
    }
}

void continuity_check(const Scenario *s, DiagList *d)
{
    Flow fl = {.s = s, .d = d};
    fl.var_fact = xcalloc((size_t)s->nvars + 1, sizeof *fl.var_fact);
    for (int v = 0; v < s->nvars; v++) fl.var_fact[v] = s->vars[v].fact ? fl.nf++ : -1;
    if (!fl.nf || s->start.kind == TARGET_NONE) {
        free(fl.var_fact);
        return;
    }
    fl.nodes = s->nscenes + s->nendings;
    size_t cells = (size_t)fl.nodes * (size_t)fl.nf;
    fl.may = xcalloc(cells + 1, 1);
    fl.reached = xcalloc((size_t)fl.nodes + 1, 1);
    fl.from = xcalloc(cells * 2 + 1, sizeof *fl.from);
    fl.via = xcalloc(cells * 2 + 1, sizeof *fl.via);
    fl.queue = xcalloc((size_t)s->nscenes + 1, sizeof *fl.queue);
    fl.queued = xcalloc((size_t)s->nscenes + 1, 1);
    unsigned char *st = xcalloc((size_t)fl.nf, 1), *tmp = xcalloc((size_t)fl.nf, 1);
    for (int v = 0; v < s->nvars; v++)
        if (fl.var_fact[v] >= 0) st[fl.var_fact[v]] = s->vars[v].value != 0 ? MAY : MAY_NOT;
    flow_into(&fl, node_of(&fl, s->start), st, FROM_START, NULL);
    while (fl.head != fl.tail) {
        int i = fl.queue[fl.head];
        fl.head = (fl.head + 1) % (s->nscenes + 1);
        fl.queued[i] = 0;
        step(&fl, i, st, tmp);
    }
    report(&fl, st, tmp);
    free(st);
    free(tmp);
    free(fl.may);
    free(fl.reached);
    free(fl.from);
    free(fl.via);
    free(fl.queue);
    free(fl.queued);
    free(fl.var_fact);
}
