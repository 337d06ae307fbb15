/*
 * verify.c - what a designer wants to hear before play: scenes that cannot be reached, endings
 * nothing leads to, conditions that name variables, roles, scenes or cards that do not exist.
 *
 * Static checks on the resolved model only; the checker (cmd_check.c) adds what needs the
 * characters running.
 */
#include "model/verify.h"

#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"

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

static void check_reachable(const Scenario *s, DiagList *d)
{
    unsigned char *scenes = xcalloc((size_t)s->nscenes + 1, 1), *endings = xcalloc((size_t)s->nendings + 1, 1);
    int *stack = xcalloc((size_t)s->nscenes + 1, sizeof *stack), n = 0;
    mark(s, s->start, scenes, endings, stack, &n);
    for (int e = 0; e < s->nevents; e++) mark(s, s->events[e].to, scenes, endings, stack, &n);
    while (n > 0) {
        const Scene *sc = &s->scenes[stack[--n]];
        mark(s, sc->next, scenes, endings, stack, &n);
        for (int i = 0; i < sc->ngotos; i++) mark(s, sc->gotos[i].to, scenes, endings, stack, &n);
        for (int i = 0; i < sc->nchoices; i++) mark(s, sc->choices[i].to, scenes, endings, stack, &n);
    }
    for (int i = 0; i < s->nscenes; i++)
        if (!scenes[i])
            diag_add(d, DIAG_WARNING, s->path, s->scenes[i].line,
                     _("scene '%s' cannot be reached from the start or from any event"), s->scenes[i].id);
    for (int i = 0; i < s->nendings; i++)
        if (!endings[i])
            diag_add(d, DIAG_ERROR, s->path, s->endings[i].line, _("nothing leads to ending '%s'"), s->endings[i].id);
    free(scenes);
    free(endings);
    free(stack);
}

/* ============================== ways out ============================== */

/* Whether target t leads out: to an ending, back from an incident, or to a scene that does. */
static int leads_out(Target t, const unsigned char *out)
{
    return t.kind == TARGET_ENDING || t.kind == TARGET_RETURN || (t.kind == TARGET_SCENE && out[t.index]);
}

/* Scenes from which no ending can be reached, whatever is chosen: the story would go round
 * there for ever (a loop of scenes that only lead to each other). */
static void check_way_out(const Scenario *s, DiagList *d)
{
    unsigned char *out = xcalloc((size_t)s->nscenes + 1, 1);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < s->nscenes; i++) {
            const Scene *sc = &s->scenes[i];
            if (out[i]) continue;
            int yes = leads_out(sc->next, out);
            for (int g = 0; g < sc->ngotos && !yes; g++) yes = leads_out(sc->gotos[g].to, out);
            for (int c = 0; c < sc->nchoices && !yes; c++) yes = leads_out(sc->choices[c].to, out);
            if (yes) out[i] = changed = 1;
        }
    }
    for (int i = 0; i < s->nscenes; i++)
        if (!out[i])
            diag_add(d, DIAG_ERROR, s->path, s->scenes[i].line,
                     _("no ending can be reached from scene '%s': the story would go round here for ever"), s->scenes[i].id);
    free(out);
}

/* to="return" in a scene the story reaches without an incident: there is nothing to go back
 * to, and the session would stop there. */
static void check_return(const Scenario *s, DiagList *d)
{
    unsigned char *scenes = xcalloc((size_t)s->nscenes + 1, 1), *endings = xcalloc((size_t)s->nendings + 1, 1);
    int *stack = xcalloc((size_t)s->nscenes + 1, sizeof *stack), n = 0;
    mark(s, s->start, scenes, endings, stack, &n);
    while (n > 0) {
        const Scene *sc = &s->scenes[stack[--n]];
        mark(s, sc->next, scenes, endings, stack, &n);
        for (int i = 0; i < sc->ngotos; i++) mark(s, sc->gotos[i].to, scenes, endings, stack, &n);
        for (int i = 0; i < sc->nchoices; i++) mark(s, sc->choices[i].to, scenes, endings, stack, &n);
    }
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
    free(stack);
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

/* ============================== names in conditions ============================== */

static int known(const Scenario *s, const char *table, const char *name)
{
    if (streq(table, "vars")) return scenario_var(s, name) >= 0;
    if (streq(table, "chars") || streq(table, "played")) return scenario_role(s, name) >= 0;
    if (streq(table, "visited")) return scenario_scene(s, name) >= 0;
    if (streq(table, "count"))
        return streq(name, "core") || streq(name, "pitfall") || streq(name, "challenge") || streq(name, "allergy");
    if (streq(table, "cards")) {
        for (int k = 0; k < s->ndecks; k++)
            if (deck_card(&s->decks[k], name) >= 0) return 1;
        return 0;
    }
    return 1;
}

/* Find "table.name" and "table['name']" in Lua source and check each name exists. */
static void check_names(const Scenario *s, const Code *c, DiagList *d)
{
    static const char *const tables[] = {"vars", "chars", "played", "visited", "count", "cards", NULL};
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
            if (len && !known(s, tables[t], name))
                diag_add(d, DIAG_ERROR, s->path, c->line, _("the condition names %s.%s, which the scenario does not declare"),
                         tables[t], name);
        }
    }
}

void verify_scenario(const Scenario *s, DiagList *d)
{
    check_reachable(s, d);
    check_way_out(s, d);
    check_return(s, d);
    check_by(s, d);
    for (int i = 0; i < s->ncode; i++) check_names(s, &s->code[i], d);
}
