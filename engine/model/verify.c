/*
 * verify.c - what a designer wants to hear before play: scenes that cannot be reached, endings
 * nothing leads to, conditions that name variables, roles, scenes or cards that do not exist.
 *
 * Static checks on the model; those of the story's graph and names (verify_story) also on a
 * model whose references did not all resolve, so that check reports them beside what is
 * wrong there. The checker (cmd_check.c) adds what needs the characters running.
 */
#include "model/verify.h"

#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "model/continuity.h"
#include "model/ranges.h"

/* ============================== the ways on from a scene ============================== */

/* The ways the story can go on from a scene: its next, its gotos and its choices, each with
 * where it leads and the line that says so (the scene's own line for its next). */
typedef enum { EDGE_NEXT, EDGE_GOTO, EDGE_CHOICE } EdgeKind;
typedef struct {
    Target to;
    int line;
    EdgeKind kind;
    const char *choice;       /* the choice's id, for EDGE_CHOICE */
} Way;

#define NWAYS(sc) (1 + (sc)->ngotos + (sc)->nchoices)

/* Way k of scene sc (0: its next, then its gotos, then its choices, in the order of the file),
 * with `always` = scenario_goto_always(sc). Returns 0 for a way that is never taken: what comes
 * after a goto without a condition, which fires whenever the story enters the scene. */
static int scene_way(const Scene *sc, int always, int k, Way *w)
{
    if (k == 0) {
        *w = (Way){sc->next, sc->line, EDGE_NEXT, NULL};
        return always == sc->ngotos;
    }
    if (--k < sc->ngotos) {
        *w = (Way){sc->gotos[k].to, sc->gotos[k].line, EDGE_GOTO, NULL};
        return k <= always;
    }
    const Choice *c = &sc->choices[k - sc->ngotos];
    *w = (Way){c->to, c->line, EDGE_CHOICE, c->id};
    return always == sc->ngotos;
}

/* A target the scenario names but does not have (resolve.c says so, and check goes on to the
 * story's graph all the same): it leads to no scene here, so what only it leads to is not
 * reached; but it is taken as a way out, or a loop check would blame the same mistake again. */
static int unresolved(Target t)
{
    return t.kind == TARGET_NONE && t.name;
}

/* ============================== reachability ============================== */

static void mark(const Scenario *s, Target t, unsigned char *scenes, unsigned char *endings, int *stack, int *n)
{
    assert(t.kind != TARGET_ENDING || (t.index >= 0 && t.index < s->nendings));
    assert(t.kind != TARGET_SCENE || (t.index >= 0 && t.index < s->nscenes));
    if (t.kind == TARGET_ENDING) endings[t.index] = 1;
    if (t.kind == TARGET_SCENE && !scenes[t.index]) {
        scenes[t.index] = 1;
        stack[(*n)++] = t.index;
    }
}

/* Mark every scene and ending the story can reach from the start, and with `incidents` from
 * every incident and return block too, along the ways that can be taken. */
static void reach(const Scenario *s, int incidents, unsigned char *scenes, unsigned char *endings)
{
    int *stack = xcalloc((size_t)s->nscenes + 1, sizeof *stack), n = 0;
    mark(s, s->start, scenes, endings, stack, &n);
    for (int e = 0; e < s->nevents && incidents; e++) mark(s, s->events[e].to, scenes, endings, stack, &n);
    for (int a = 0; a < s->nacts && incidents; a++)     /* a return session starts at a return block */
        if (s->acts[a].ret) mark(s, (Target){TARGET_SCENE, scenario_return_scene(s, a), NULL}, scenes, endings, stack, &n);
    while (n > 0) {
        const Scene *sc = &s->scenes[stack[--n]];
        int always = scenario_goto_always(sc);
        Way w;
        for (int k = 0; k < NWAYS(sc); k++)
            if (scene_way(sc, always, k, &w)) mark(s, w.to, scenes, endings, stack, &n);
    }
    free(stack);
}

static void check_reachable(const Scenario *s, DiagList *d)
{
    unsigned char *scenes = xcalloc((size_t)s->nscenes + 1, 1), *endings = xcalloc((size_t)s->nendings + 1, 1);
    reach(s, 1, scenes, endings);
    for (int i = 0; i < s->nscenes; i++)
        if (!scenes[i])
            diag_add(d, DIAG_WARNING, s->path, s->scenes[i].line,
                     _("scene '%s' cannot be reached from the start or from any event"), s->scenes[i].id);
    for (int i = 0; i < s->nendings; i++)
        if (!endings[i])
            diag_add(d, DIAG_ERROR, s->path, s->endings[i].line, _("nothing leads to ending '%s'"), s->endings[i].id);
    free(scenes);
    free(endings);
}

/* ============================== ways out ============================== */

/* Whether target t leads out at once: to an ending, or back from an incident. */
static int leads_out(Target t)
{
    return t.kind == TARGET_ENDING || t.kind == TARGET_RETURN || unresolved(t);
}

static int missing(Target t)
{
    return t.kind == TARGET_NONE && !t.name;
}

/* Whether way w of scene sc is where the story stops: a scene without choices and without next,
 * or a choice without to in a scene without next. resolve.c reports it where it is written, so
 * that here it ends the story rather than being blamed again as a loop with no way out. */
static int stops(const Scene *sc, const Way *w)
{
    if (w->kind == EDGE_GOTO || !missing(w->to) || !missing(sc->next)) return 0;
    return w->kind == EDGE_CHOICE || sc->nchoices == 0;
}

/* The edges of the story, one per way from a scene to a scene. */
typedef struct {
    int from, to, line;
    EdgeKind kind;
    const char *choice;       /* the choice's id, for EDGE_CHOICE */
} Edge;

/* Scene i's edges to other scenes, in the order of the file: its next, gotos, then choices. */
static int scene_edges(const Scene *sc, int i, Edge *out)
{
    int n = 0, always = scenario_goto_always(sc);
    Way w;
    for (int k = 0; k < NWAYS(sc); k++)
        if (scene_way(sc, always, k, &w) && w.to.kind == TARGET_SCENE)
            out[n++] = (Edge){i, w.to.index, w.line, w.kind, w.choice};
    return n;
}

/* Every edge, grouped by scene (edges[first[i]..first[i+1]) leave scene i). */
typedef struct {
    Edge *edges;
    int *first;
} Graph;

static Graph graph_build(const Scenario *s)
{
    Graph g;
    g.first = xcalloc((size_t)s->nscenes + 1, sizeof *g.first);
    size_t total = 0;
    for (int i = 0; i < s->nscenes; i++) total += (size_t)NWAYS(&s->scenes[i]);
    g.edges = xcalloc(total + 1, sizeof *g.edges);
    for (int i = 0; i < s->nscenes; i++)
        g.first[i + 1] = g.first[i] + scene_edges(&s->scenes[i], i, g.edges + g.first[i]);
    return g;
}

/* Whether scene sc has a way that leads out at once. */
static int scene_leads_out(const Scene *sc)
{
    int always = scenario_goto_always(sc);
    Way w;
    for (int k = 0; k < NWAYS(sc); k++)
        if (scene_way(sc, always, k, &w) && (leads_out(w.to) || stops(sc, &w))) return 1;
    return 0;
}

/* out[i] = 1 for each scene from which some ending (or a return) can be reached: backwards
 * from the scenes that lead out at once, along the edges reversed. Linear in the story. */
static unsigned char *ways_out(const Scenario *s, const Graph *g)
{
    int n = s->nscenes, nedges = g->first[n];
    int *rfirst = xcalloc((size_t)n + 2, sizeof *rfirst), *rfrom = xcalloc((size_t)nedges + 1, sizeof *rfrom);
    for (int k = 0; k < nedges; k++) rfirst[g->edges[k].to + 2]++;
    for (int i = 0; i < n; i++) rfirst[i + 2] += rfirst[i + 1];
    for (int k = 0; k < nedges; k++) rfrom[rfirst[g->edges[k].to + 1]++] = g->edges[k].from;
    unsigned char *out = xcalloc((size_t)n + 1, 1);
    int *queue = xcalloc((size_t)n + 1, sizeof *queue), head = 0, tail = 0;
    for (int i = 0; i < n; i++)
        if (scene_leads_out(&s->scenes[i])) { out[i] = 1; queue[tail++] = i; }
    while (head < tail) {
        int i = queue[head++];
        for (int k = rfirst[i]; k < rfirst[i + 1]; k++)
            if (!out[rfrom[k]]) { out[rfrom[k]] = 1; queue[tail++] = rfrom[k]; }
    }
    free(rfirst);
    free(rfrom);
    free(queue);
    return out;
}

/* The scenes of a trap as text: "a, b, c" (at most five, then how many more). */
static char *trap_names(const Scenario *s, const int *scenes, int n)
{
    StrBuf b;
    sb_init(&b);
    for (int k = 0; k < n && k < 5; k++) {
        if (k) sb_add(&b, ", ");
        sb_add(&b, s->scenes[scenes[k]].id);
    }
    if (n > 5) sb_addf(&b, _(" and %d more"), n - 5);
    return sb_take(&b);
}

/* Say that edge e closes a loop from whose scenes (`names`) no ending can be reached. */
static void blame(const Scenario *s, const Edge *e, const char *names, DiagList *d)
{
    const char *from = s->scenes[e->from].id, *to = s->scenes[e->to].id;
    if (e->kind == EDGE_CHOICE)
        diag_add(d, DIAG_ERROR, s->path, e->line,
                 _("choice '%s' (to '%s') closes a loop with no way out: no ending can be reached from scenes %s"),
                 e->choice, to, names);
    else if (e->kind == EDGE_NEXT)
        diag_add(d, DIAG_ERROR, s->path, e->line,
                 _("next=\"%s\" of scene '%s' closes a loop with no way out: no ending can be reached from scenes %s"),
                 to, from, names);
    else
        diag_add(d, DIAG_ERROR, s->path, e->line,
                 _("the goto to '%s' in scene '%s' closes a loop with no way out: no ending can be reached from scenes %s"),
                 to, from, names);
}

/* Whether the scenes of `cycle` (n of them) go round without a choice: none offers one, and
 * every way on from each leads to a scene of the cycle (a goto with a condition that leads
 * elsewhere may let the story out, so such a loop is not one of these). */
static int choiceless(const Scenario *s, const int *cycle, int n)
{
    unsigned char *in = xcalloc((size_t)s->nscenes + 1, 1);
    for (int k = 0; k < n; k++) in[cycle[k]] = 1;
    int yes = 1;
    for (int k = 0; k < n && yes; k++) {
        const Scene *sc = &s->scenes[cycle[k]];
        int always = scenario_goto_always(sc);
        Way w;
        for (int j = 0; j < NWAYS(sc) && yes; j++)
            if (scene_way(sc, always, j, &w))
                yes = w.kind != EDGE_CHOICE && w.to.kind == TARGET_SCENE && in[w.to.index];
    }
    free(in);
    return yes;
}

/* Say that edge e closes a loop of scenes without a choice (`cycle`, n of them): the story
 * would go round there without the group ever being asked anything, which is what explore
 * finds as "a loop without a choice". */
static void blame_choiceless(const Scenario *s, const Edge *e, const int *cycle, int n, DiagList *d)
{
    if (n == 1) {
        diag_add(d, DIAG_ERROR, s->path, e->line,
                 _("scene '%s' has no choice and leads only back to itself: the story would go round here for ever"),
                 s->scenes[e->from].id);
        return;
    }
    char *names = trap_names(s, cycle, n);
    diag_add(d, DIAG_ERROR, s->path, e->line,
             _("scenes %s have no choice and lead only to one another: the story would go round there for ever"), names);
    free(names);
}

/* Report the loop entered at scene `root`: walk the scenes with no way out from there, depth
 * first, and blame the first edge that goes back to a scene on the walk's own path (the next
 * or choice that closes the loop), once for the whole trap rather than once per scene in it. */
static void report_trap(const Scenario *s, const Graph *g, const unsigned char *out, unsigned char *state, int root,
                        DiagList *d)
{
    enum { NEW, ON_PATH, DONE, EARLIER };       /* EARLIER: in a trap reported before */
    int *stack = xcalloc((size_t)s->nscenes + 1, sizeof *stack), *at = xcalloc((size_t)s->nscenes + 1, sizeof *at);
    int *seen = xcalloc((size_t)s->nscenes + 1, sizeof *seen), nseen = 0, n = 0;
    const Edge *culprit = NULL;
    int into_earlier = 0, *cycle = xcalloc((size_t)s->nscenes + 1, sizeof *cycle), ncycle = 0;
    stack[n++] = root;
    at[root] = g->first[root];
    state[root] = ON_PATH;
    seen[nseen++] = root;
    while (n > 0) {
        int i = stack[n - 1];
        if (at[i] == g->first[i + 1]) { state[i] = DONE; n--; continue; }
        const Edge *e = &g->edges[at[i]++];
        if (out[e->to]) continue;
        if (state[e->to] == ON_PATH && !culprit) {
            culprit = e;                /* the loop: the walk's path from e->to to here */
            int from = n - 1;
            while (stack[from] != e->to) from--;
            for (int k = from; k < n; k++) cycle[ncycle++] = stack[k];
        }
        into_earlier |= state[e->to] == EARLIER;
        if (state[e->to] != NEW) continue;
        state[e->to] = ON_PATH;
        at[e->to] = g->first[e->to];
        stack[n++] = e->to;
        seen[nseen++] = e->to;
    }
    char *names = trap_names(s, seen, nseen);
    if (culprit && choiceless(s, cycle, ncycle)) blame_choiceless(s, culprit, cycle, ncycle, d);
    else if (culprit) blame(s, culprit, names, d);
    else if (!into_earlier)     /* no loop: a scene that leads nowhere at all */
        diag_add(d, DIAG_ERROR, s->path, s->scenes[root].line,
                 _("no ending can be reached from scene '%s': the story would go round here for ever"), s->scenes[root].id);
    for (int k = 0; k < nseen; k++) state[seen[k]] = EARLIER;
    free(names);
    free(stack);
    free(at);
    free(seen);
    free(cycle);
}

/* Scenes from which no ending can be reached, whatever is chosen: the story would go round
 * there for ever. Each such trap is reported once, where the story enters it: from the start,
 * an event, or a scene with a way out, then any left (traps that nothing reaches). */
static void check_way_out(const Scenario *s, DiagList *d)
{
    Graph g = graph_build(s);
    unsigned char *out = ways_out(s, &g), *state = xcalloc((size_t)s->nscenes + 1, 1);
    if (s->start.kind == TARGET_SCENE && !out[s->start.index]) report_trap(s, &g, out, state, s->start.index, d);
    for (int e = 0; e < s->nevents; e++) {
        Target t = s->events[e].to;
        if (t.kind == TARGET_SCENE && !out[t.index] && !state[t.index]) report_trap(s, &g, out, state, t.index, d);
    }
    for (int a = 0; a < s->nacts; a++) {
        int first = s->acts[a].ret ? scenario_return_scene(s, a) : -1;
        if (first >= 0 && !out[first] && !state[first]) report_trap(s, &g, out, state, first, d);
    }
    for (int k = 0; k < g.first[s->nscenes]; k++) {
        const Edge *e = &g.edges[k];
        if (out[e->from] && !out[e->to] && !state[e->to]) report_trap(s, &g, out, state, e->to, d);
    }
    for (int i = 0; i < s->nscenes; i++)
        if (!out[i] && !state[i]) report_trap(s, &g, out, state, i, d);
    free(out);
    free(state);
    free(g.edges);
    free(g.first);
}

/* to="return" in a scene the story reaches without an incident: there is nothing to go back
 * to, and the session would stop there. */
static void check_return(const Scenario *s, DiagList *d)
{
    unsigned char *scenes = xcalloc((size_t)s->nscenes + 1, 1), *endings = xcalloc((size_t)s->nendings + 1, 1);
    reach(s, 0, scenes, endings);
    for (int i = 0; i < s->nscenes; i++) {
        const Scene *sc = &s->scenes[i];
        if (!scenes[i]) continue;
        if (sc->next.kind == TARGET_RETURN)
            diag_add(d, DIAG_WARNING, s->path, sc->line,
                     _("scene '%s' is reached without an incident, where next=\"return\" has nothing to return to"), sc->id);
        for (int g = 0; g < sc->ngotos; g++)
            if (sc->gotos[g].to.kind == TARGET_RETURN)
                diag_add(d, DIAG_WARNING, s->path, sc->gotos[g].line,
                         _("scene '%s' is reached without an incident, where to=\"return\" has nothing to return to"), sc->id);
        for (int c = 0; c < sc->nchoices; c++)
            if (sc->choices[c].to.kind == TARGET_RETURN)
                diag_add(d, DIAG_WARNING, s->path, sc->choices[c].line,
                         _("scene '%s' is reached without an incident, where to=\"return\" has nothing to return to"), sc->id);
    }
    free(scenes);
    free(endings);
}

/* ============================== who may choose ============================== */

/* A choice by="ROLE" is offered only to whoever chooses for that role: never in a scene where
 * another role chooses, and never in a round of participants when no participant can play it. */
static void check_by(const Scenario *s, DiagList *d)
{
    for (int i = 0; i < s->nscenes; i++) {
        const Scene *sc = &s->scenes[i];
        for (int c = 0; c < sc->nchoices; c++) {
            const Choice *ch = &sc->choices[c];
            if (ch->by < 0 || sc->who == WHO_GROUP) continue;
            assert(ch->by < s->nroles && sc->who < s->nroles);
            if (sc->who >= 0 && sc->who != ch->by)
                diag_add(d, DIAG_WARNING, s->path, ch->line,
                         _("choice '%s' is for role '%s', but in scene '%s' role '%s' chooses: it is never offered"),
                         ch->id, s->roles[ch->by].id, sc->id, s->roles[sc->who].id);
            else if (sc->who < 0 && !s->roles[ch->by].playable)
                diag_add(d, DIAG_WARNING, s->path, ch->line,
                         _("choice '%s' is for role '%s', which no participant can play: it is never offered "
                           "(give the scene who=\"%s\", or make the role playable)"),
                         ch->id, s->roles[ch->by].id, s->roles[ch->by].id);
        }
    }
}

/* ============================== debrief questions ============================== */

/* The debrief asks each participant at most two of the scenario's questions, in the order of
 * the file, skipping those about a quality they did not choose or a scene the session did not
 * play. A question without either is always taken: after two of them, no later question is ever asked. */
#define QUESTIONS_ASKED 2

static void check_questions(const Scenario *s, DiagList *d)
{
    int open = 0, first = 0, second = 0;
    for (int q = 0; q < s->nquestions; q++) {
        const Question *qu = &s->questions[q];
        if (open >= QUESTIONS_ASKED)
            diag_add(d, DIAG_WARNING, s->path, qu->line,
                     _("this debrief question is never asked: a participant gets at most %d of the scenario's "
                       "questions, and the questions without a quality on lines %d and %d always come first"),
                     QUESTIONS_ASKED, first, second);
        if (qu->quality || qu->scene) continue;
        if (open == 0) first = qu->line;
        else if (open == 1) second = qu->line;
        open++;
    }
}

/* ============================== names in conditions ============================== */

static int known(const Scenario *s, const char *table, const char *name)
{
    if (streq(table, "vars")) return scenario_var(s, name) >= 0;
    if (streq(table, "facts")) return scenario_fact(s, name) >= 0;
    if (streq(table, "chars") || streq(table, "played")) return scenario_role(s, name) >= 0;
    if (streq(table, "visited")) return scenario_scene(s, name) >= 0;
    if (streq(table, "count"))
        return streq(name, "core") || streq(name, "pitfall") || streq(name, "challenge") || streq(name, "allergy");
    if (streq(table, "cards")) return scenario_card(s, name, NULL) != NULL;
    return 1;
}

/* Find "table.name" and "table['name']" in Lua source and check each name exists. */
static void check_names(const Scenario *s, const Code *c, DiagList *d)
{
    static const char *const tables[] = {"vars", "chars", "played", "visited", "count", "cards", "facts", NULL};
    const char *src = c->src;
    for (const char *p = src; *p; p++) {
        if (p != src && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.')) continue;
        for (int t = 0; tables[t]; t++) {
            size_t n = strlen(tables[t]);
            if (strncmp(p, tables[t], n) != 0) continue;
            const char *q = p + n;
            char name[128];
            size_t len = 0;
            if (*q == '.') {
                q++;
                while ((isalnum((unsigned char)q[len]) || q[len] == '_') && len < sizeof name - 1) len++;
            } else if (*q == '[' && (q[1] == '"' || q[1] == '\'')) {
                char quote = q[1];
                q += 2;
                while (q[len] && q[len] != quote && len < sizeof name - 1) len++;
            } else {
                continue;
            }
            memcpy(name, q, len);
            name[len] = '\0';
            if (!len || known(s, tables[t], name)) continue;
            int line = c->line;               /* the line of the name, in a chunk of several */
            for (const char *r = src; r < p; r++) line += *r == '\n';
            diag_add(d, DIAG_ERROR, s->path, line,
                     c->is_expr ? _("the condition names %s.%s, which the scenario does not declare")
                                : _("the effect names %s.%s, which the scenario does not declare"),
                     tables[t], name);
        }
    }
}

/* Whether an id names two scenes, or a scene and an ending (resolve.c reports it): then a
 * target that names it may mean either, and the story's graph is not known. */
static int ids_clash(const Scenario *s)
{
    for (int i = 0; i < s->nscenes; i++)
        if (scenario_scene(s, s->scenes[i].id) != i || scenario_ending(s, s->scenes[i].id) >= 0) return 1;
    for (int e = 0; e < s->nendings; e++)
        if (scenario_ending(s, s->endings[e].id) != e) return 1;
    return 0;
}

void verify_story(const Scenario *s, DiagList *d)
{
    check_questions(s, d);
    for (int i = 0; i < s->ncode; i++) check_names(s, &s->code[i], d);
    if (ids_clash(s)) return;
    if (s->start.kind == TARGET_SCENE) {       /* from an unknown start, nothing is reached */
        check_reachable(s, d);
        check_return(s, d);
    }
    check_way_out(s, d);
}

void verify_scenario(const Scenario *s, DiagList *d)
{
    verify_story(s, d);
    check_by(s, d);
    continuity_check(s, d);
    ranges_check(s, d);
}
