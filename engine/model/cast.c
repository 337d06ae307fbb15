/*
 * cast.c - reading cast files and casting participants into roles.
 */
#include "model/cast.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "xml/xmlsafe.h"

Participant *cast_add(Cast *c, const char *name, const char *core, const char *goal)
{
    c->p = xrealloc(c->p, (size_t)(c->n + 1) * sizeof *c->p);
    Participant *p = &c->p[c->n++];
    memset(p, 0, sizeof *p);
    p->name = xstrdup(name);
    p->core = xstrdup(core);
    p->goal = xstrdup(goal ? goal : "");
    p->role = -1;
    return p;
}

void cast_free(Cast *c)
{
    for (int i = 0; i < c->n; i++) {
        Participant *p = &c->p[i];
        free(p->name);
        free(p->core);
        free(p->goal);
        free(p->role_name);
        free(p->card);
        free(p->reason);
        for (int k = 0; k < p->brief.n; k++) {
            free(p->brief.v[k].lang);
            free(p->brief.v[k].str);
        }
        free(p->brief.v);
    }
    free(c->p);
    memset(c, 0, sizeof *c);
}

/* ============================== the cast file ============================== */

static void read_brief(Participant *p, xmlNodePtr node)
{
    xmlChar *lang = xmlNodeGetLang(node);
    char *raw = xml_content(node);
    p->brief.v = xrealloc(p->brief.v, (size_t)(p->brief.n + 1) * sizeof *p->brief.v);
    p->brief.v[p->brief.n].lang = xstrdup(lang ? (const char *)lang : "");
    p->brief.v[p->brief.n].str = fold_space(raw);
    p->brief.n++;
    free(raw);
    xmlFree(lang);
}

static void read_participant(Cast *c, xmlNodePtr node, const char *path, const Lexicon *lx, DiagList *d)
{
    char *name = xml_attr(node, "name"), *core = xml_attr(node, "core"), *goal = xml_attr(node, "goal");
    const char *id = lexicon_term(lx, core);
    Quadrant q;
    if (!id || lexicon_quadrant(lx, id, &q))
        diag_add(d, DIAG_ERROR, path, xml_line(node),
                 _("'%s' is not a core quality in the lexicon (try: verbeeld quadrant %s)"), core, core);
    for (int i = 0; i < c->n; i++)
        if (streq(c->p[i].name, name))
            diag_add(d, DIAG_ERROR, path, xml_line(node), _("participant '%s' appears twice"), name);
    Participant *p = cast_add(c, name, id ? id : core, goal);
    p->role_name = xml_attr(node, "role");
    p->card = xml_attr(node, "card");
    for (xmlNodePtr b = node->children; b; b = b->next)
        if (xml_is(b, "brief")) read_brief(p, b);
    free(name);
    free(core);
    free(goal);
}

int cast_load(Cast *c, const char *path, const Lexicon *lx, DiagList *d)
{
    memset(c, 0, sizeof *c);
    int errors = d->errors;
    xmlDocPtr doc = xml_read_safely(path, d);
    if (!doc) return -1;
    char *schema = xasprintf("%s/scenarios/cast.rng", paths_data_dir());
    int valid = xml_validate(doc, schema, path, d) == 0;
    free(schema);
    if (valid)
        for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next)
            if (xml_is(n, "participant")) read_participant(c, n, path, lx, d);
    xmlFreeDoc(doc);
    if (c->n > 12)
        diag_add(d, DIAG_ERROR, path, 0, _("a session has at most 12 participants, this cast has %d"), c->n);
    return d->errors > errors ? -1 : 0;
}

/* ============================== casting ============================== */

int cast_distance(const Participant *p, const Scenario *s, int r, const Lexicon *lx,
                  const char *const *role_cores)
{
    (void)s;
    Quadrant own;
    if (!role_cores[r] || lexicon_quadrant(lx, p->core, &own)) return 9;
    Quadrant opposite = quadrant_opposite(&own);
    /* The role's core quality on the participant's opposite quadrant: its core is the ideal,
     * its pitfall (too much of the challenge) next, the allergy further, their own core worst. */
    static const int by_corner[CORNERS] = {0, 1, 3, 2};
    Corner c = quadrant_corner(&opposite, role_cores[r]);
    return c == CORNER_NONE ? 4 : by_corner[c];
}

int cast_player_of(const Cast *c, int r)
{
    for (int i = 0; i < c->n; i++)
        if (c->p[i].role == r) return i;
    return -1;
}

static char *reason_for(const Participant *p, int r, const Lexicon *lx, const char *const *role_cores,
                        const char *const *role_names, int distance, const char *lang)
{
    Quadrant own;
    lexicon_quadrant(lx, p->core, &own);
    const char *challenge = lexicon_name(lx, own.nl[CORNER_CHALLENGE], lang);
    const char *role_core = lexicon_name(lx, role_cores[r], lang);
    if (distance == 0)
        return xasprintf(_("%s's core quality is %s, so their challenge is %s: the role %s has %s "
                           "as its core quality, so playing it is practising that challenge."),
                         p->name, lexicon_name(lx, p->core, lang), challenge, role_names[r], role_core);
    return xasprintf(_("%s's challenge is %s; no free role has that as its core quality, and %s "
                       "(core quality %s) comes nearest."),
                     p->name, challenge, role_names[r], role_core);
}

static int role_taken(const Cast *c, int r)
{
    return cast_player_of(c, r) >= 0;
}

/* Pick the nearest (participant, role) pair among those left, again and again, so that one
 * participant's good match never takes a role another needs more. */
static void cast_nearest(Cast *c, const Scenario *s, const Lexicon *lx, const char *const *cores,
                         const char *const *names, int allow_taken)
{
    for (;;) {
        int best_p = -1, best_r = -1, best_d = 1 << 30;
        for (int i = 0; i < c->n; i++) {
            if (c->p[i].role >= 0) continue;
            for (int r = 0; r < s->nroles; r++) {
                if (!s->roles[r].playable || (!allow_taken && role_taken(c, r))) continue;
                int dist = cast_distance(&c->p[i], s, r, lx, cores);
                if (dist < best_d) { best_d = dist; best_p = i; best_r = r; }
            }
        }
        if (best_p < 0) return;
        c->p[best_p].role = best_r;
        free(c->p[best_p].reason);
        c->p[best_p].reason = reason_for(&c->p[best_p], best_r, lx, cores, names, best_d, i18n_lang());
    }
}

int cast_assign(Cast *c, const Scenario *s, const Lexicon *lx, const char *const *role_cores,
                const char *const *role_names, const char *path, DiagList *d)
{
    int errors = d->errors;
    for (int i = 0; i < c->n; i++) {
        Participant *p = &c->p[i];
        if (p->role_name && p->role < 0) {
            p->role = scenario_role(s, p->role_name);
            if (p->role < 0 || !s->roles[p->role].playable) {
                diag_add(d, DIAG_ERROR, path, 0, _("%s: role '%s' is not a playable role of '%s'"),
                         p->name, p->role_name, s->id);
                p->role = -1;
            } else if (!p->reason) {
                p->reason = xasprintf(_("%s plays %s, as the cast file says."), p->name, role_names[p->role]);
            }
        }
    }
    cast_nearest(c, s, lx, role_cores, role_names, 0);
    cast_nearest(c, s, lx, role_cores, role_names, 1);
    return d->errors > errors ? -1 : 0;
}
