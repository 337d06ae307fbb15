/*
 * cast.c - reading cast files and casting participants into roles.
 */
#include "model/cast.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
        free(p->own_name);
        free(p->about);
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
    p->briefed = 1;
    free(raw);
    xmlFree(lang);
}

static void read_participant(Cast *c, xmlNodePtr node, const char *path, const Lexicon *lx, DiagList *d)
{
    char *name = xml_attr(node, "name"), *core = xml_attr(node, "core"), *goal = xml_attr(node, "goal");
    const char *id = lexicon_term(lx, core);
    Quadrant q;
    if (!id || lexicon_quadrant(lx, id, &q)) {
        StrBuf cores;
        sb_init(&cores);
        lexicon_cores(lx, i18n_lang(), &cores);
        diag_add(d, DIAG_ERROR, path, xml_line(node),
                 _("'%s' is not a core quality in the lexicon; it knows: %s"), core, cores.s);
        sb_free(&cores);
    }
    for (int i = 0; i < c->n; i++)
        if (streq(c->p[i].name, name))
            diag_add(d, DIAG_ERROR, path, xml_line(node), _("participant '%s' appears twice"), name);
    Participant *p = cast_add(c, name, id ? id : core, goal);
    p->role_name = xml_attr(node, "role");
    p->card = xml_attr(node, "card");
    p->own_name = xml_attr(node, "character");
    p->about = xml_attr(node, "about");
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

/* ============================== quadrants a role takes ============================== */

const char *cast_opposite_core(const Lexicon *lx, const char *core)
{
    Quadrant own;
    return lexicon_quadrant(lx, core, &own) ? NULL : own.nl[CORNER_CHALLENGE];
}

typedef struct {
    const Lexicon *lx;
    const char *core;
} Wanted;

/* Whether the listed core quality names the pair that `core` belongs to. */
static int pair_holds(const char *listed, void *ud)
{
    const Wanted *w = ud;
    Quadrant q;
    const char *id = lexicon_term(w->lx, listed);
    if (!id || lexicon_quadrant(w->lx, id, &q)) return 0;
    return streq(q.nl[CORNER_CORE], w->core) || streq(q.nl[CORNER_CHALLENGE], w->core);
}

int cast_role_takes(const Scenario *s, int r, const Lexicon *lx, const char *role_core, const char *core)
{
    const char *spec = s->roles[r].quadrants;
    if (!core) return 0;
    if (spec && streq(spec, "*")) return 1;
    Wanted w = {lx, core};
    if (!spec) return role_core && pair_holds(role_core, &w);
    return scenario_each_listed(spec, pair_holds, &w);
}

/* How far the quadrant with core quality `played` is from p's opposite quadrant: 0 on it. */
static int played_distance(const Participant *p, const Lexicon *lx, const char *played)
{
    const char *want = cast_opposite_core(lx, p->core);
    Quadrant opposite;
    if (!want || !played || lexicon_quadrant(lx, want, &opposite)) return 9;
    /* On the opposite quadrant, its pitfall (too much of the challenge) is nearest, the
     * allergy further, the participant's own core quality furthest. */
    static const int by_corner[CORNERS] = {0, 1, 3, 2};
    Corner c = quadrant_corner(&opposite, played);
    return c == CORNER_NONE ? 4 : by_corner[c];
}

int cast_distance(const Participant *p, const Scenario *s, int r, const Lexicon *lx,
                  const char *const *role_cores)
{
    if (cast_role_takes(s, r, lx, role_cores[r], cast_opposite_core(lx, p->core))) return 0;
    return played_distance(p, lx, role_cores[r]);
}

int cast_player_of(const Cast *c, int r)
{
    for (int i = 0; i < c->n; i++)
        if (c->p[i].role == r) return i;
    return -1;
}

/* ============================== placing one participant ============================== */

char *cast_practice(const Lexicon *lx, const Participant *p, const char *lang)
{
    const char *played = lexicon_name(lx, p->character_core, lang);
    if (p->exact)
        return xasprintf(_("Your own core quality is %s. Your character's strength, %s, is your challenge: "
                           "when you play it, you practise it. Their pitfall is what you are allergic to."),
                         lexicon_name(lx, p->core, lang), played);
    return xasprintf(_("Your own core quality is %s, so your challenge is %s. This character is played with "
                       "%s as core quality, which is not your opposite quadrant: you practise %s, not your "
                       "own challenge."),
                     lexicon_name(lx, p->core, lang), lexicon_name(lx, cast_opposite_core(lx, p->core), lang),
                     played, played);
}

static char *reason_exact(const Participant *p, const Lexicon *lx, const char *name, int forced,
                          const char *lang)
{
    const char *own = lexicon_name(lx, p->core, lang), *challenge = lexicon_name(lx, p->character_core, lang);
    if (forced)
        return xasprintf(_("%s plays %s, as agreed, with %s as the character's core quality: "
                           "%s's own core quality is %s, so that is practising their challenge."),
                         p->name, name, challenge, p->name, own);
    return xasprintf(_("%s's core quality is %s, so their challenge is %s: %s plays %s with %s as "
                       "the character's core quality, and practises that challenge from inside the "
                       "character."), p->name, own, challenge, p->name, name, challenge);
}

static char *reason_inexact(const Participant *p, const Lexicon *lx, const char *name, int forced,
                            const char *lang)
{
    const char *want = lexicon_name(lx, cast_opposite_core(lx, p->core), lang);
    const char *played = lexicon_name(lx, p->character_core, lang);
    if (forced)
        return xasprintf(_("%s plays %s, as agreed, but %s cannot be played with %s (%s's "
                           "challenge) as core quality: the character's core quality is %s, and that "
                           "is what %s practises, not their own challenge."),
                         p->name, name, name, want, p->name, played, p->name);
    return xasprintf(_("%s's challenge is %s, but no free role can be played with that as core "
                       "quality: %s plays %s, whose core quality is %s, and practises that instead."),
                     p->name, want, p->name, name, played);
}

/* The participant who played role r before participant i (the first of its players), or -1
 * when i is its first player. */
static int earlier_player(const Cast *c, int i, int r)
{
    for (int k = 0; k < c->n; k++)
        if (k != i && c->p[k].role == r && c->p[k].character_core) return k;
    return -1;
}

/* Each participant is placed on their own opposite quadrant where the role takes it, also when
 * they share the role with an earlier player: their choices are offered and read on their own
 * quadrant (session_quadrant). Only where the role cannot take it do they join the character's
 * quadrant as cast. */
void cast_place(Cast *c, int i, const Scenario *s, const Lexicon *lx, const char *const *role_cores,
                const char *const *role_names, int forced)
{
    Participant *p = &c->p[i];
    const char *want = cast_opposite_core(lx, p->core);
    int first = earlier_player(c, i, p->role);
    p->exact = cast_role_takes(s, p->role, lx, role_cores[p->role], want);
    p->character_core = p->exact ? want : first >= 0 ? c->p[first].character_core : role_cores[p->role];
    if (forced && p->reason) return;       /* resumed: the reason the journal kept */
    const char *name = p->own_name && s->roles[p->role].own ? p->own_name : role_names[p->role];
    char *reason = p->exact ? reason_exact(p, lx, name, forced, i18n_lang())
                            : reason_inexact(p, lx, name, forced, i18n_lang());
    free(p->reason);
    p->reason = reason;
    if (first >= 0) {
        p->reason = xasprintf(_("%s %s shares %s with %s: each makes their own choices on their own "
                                "quadrant."), reason, p->name, name, c->p[first].name);
        free(reason);
    }
}

/* ============================== cards ============================== */

/* The id of the card `typed` names, by id or by name (any case); NULL when none does. */
static const char *card_id(const Scenario *s, const char *typed)
{
    for (int k = 0; k < s->ndecks; k++) {
        int at = deck_card_named(&s->decks[k], typed, NULL);
        if (at >= 0) return s->decks[k].cards[at].id;
    }
    return NULL;
}

void cast_check_cards(Cast *c, const Scenario *s, const char *cast_path, DiagList *d)
{
    for (int i = 0; i < c->n; i++) {
        char *card = c->p[i].card;
        if (!card) continue;
        const char *id = card_id(s, card);
        if (!id) {
            diag_add(d, DIAG_ERROR, cast_path, 0, _("%s: there is no card '%s' in this scenario"), c->p[i].name, card);
            continue;
        }
        if (!streq(id, card)) {
            free(card);
            c->p[i].card = xstrdup(id);
        }
        for (int j = 0; j < i; j++)
            if (streq(c->p[j].card, c->p[i].card))
                diag_add(d, DIAG_ERROR, cast_path, 0, _("%s and %s cannot both pick card '%s'"), c->p[j].name,
                         c->p[i].name, c->p[i].card);
    }
}

/* ============================== casting the group ============================== */

/* What a pairing of a participant and a role costs: on the opposite quadrant a role written for
 * the participant's challenge is best (its brief, its lines and its fixed choices are that
 * quality's); a role of the same pair written for their own core quality next (its fixed
 * choices are the corners of their opposite quadrant, but its brief describes the participant:
 * "You are the worried parent..." to one who is to practise courage); a role of another pair
 * last, through quadrants="...". Off the opposite quadrant costs more than any number of good
 * pairings can save. */
static int pairing_cost(const Participant *p, const Scenario *s, int r, const Lexicon *lx,
                        const char *const *cores)
{
    int dist = cast_distance(p, s, r, lx, cores);
    if (dist > 0) return 1000 + dist;
    const char *want = cast_opposite_core(lx, p->core);
    const char *native = cores[r] ? lexicon_term(lx, cores[r]) : NULL;
    if (native && want && streq(native, want)) return 0;
    Wanted w = {lx, want};
    return cores[r] && pair_holds(cores[r], &w) ? 1 : 2;
}

#define LEFT_OUT 100000   /* a participant without a role, while a free role is left */

/* The free participants (`who`, m of them) and free roles (`roles`, k of them) paired at the
 * lowest total cost: best[j][mask] is the cost of roles j.. given the participants in mask
 * already placed. At most 12 participants, so 4,096 masks; the first best pairing wins, which
 * keeps casting the same on every run. */
static void cast_best(Cast *c, const Scenario *s, const Lexicon *lx, const char *const *cores,
                      const int *who, int m, const int *roles, int k)
{
    int full = (1 << m) - 1;
    int *best = xcalloc((size_t)(k + 1) << m, sizeof *best);
#define BEST(j, mask) best[((size_t)(j) << m) + (size_t)(mask)]
    for (int mask = 0; mask <= full; mask++) BEST(k, mask) = LEFT_OUT * __builtin_popcount((unsigned)(full & ~mask));
    for (int j = k - 1; j >= 0; j--)
        for (int mask = 0; mask <= full; mask++) {
            int v = BEST(j + 1, mask);
            for (int i = 0; i < m; i++)
                if (!(mask & (1 << i))) {
                    int w = pairing_cost(&c->p[who[i]], s, roles[j], lx, cores) + BEST(j + 1, mask | (1 << i));
                    if (w < v) v = w;
                }
            BEST(j, mask) = v;
        }
    /* Read the pairing back: role j takes the first participant with whom the best cost holds,
     * and is left free only when none does. */
    for (int j = 0, mask = 0; j < k; j++) {
        for (int i = 0; i < m; i++)
            if (!(mask & (1 << i)) &&
                pairing_cost(&c->p[who[i]], s, roles[j], lx, cores) + BEST(j + 1, mask | (1 << i)) == BEST(j, mask)) {
                c->p[who[i]].role = roles[j];
                mask |= 1 << i;
                break;
            }
    }
#undef BEST
    free(best);
}

/* The number of participants cast in role r. */
static int players_of(const Cast *c, int r)
{
    int n = 0;
    for (int k = 0; k < c->n; k++) n += c->p[k].role == r;
    return n;
}

/* More participants than playable roles: each of the rest shares a role that can be played on
 * their opposite quadrant, the one with the fewest players so far (or, when none can, the role
 * nearest it), and is placed on their own quadrant in it. */
static void cast_shared(Cast *c, const Scenario *s, const Lexicon *lx, const char *const *cores,
                        const char *const *names)
{
    for (int i = 0; i < c->n; i++) {
        if (c->p[i].role >= 0) continue;
        int best_r = -1, best_d = 1 << 30;
        for (int r = 0; r < s->nroles; r++) {
            if (!s->roles[r].playable) continue;
            int dist = cast_distance(&c->p[i], s, r, lx, cores) * 1000 + players_of(c, r);
            if (dist < best_d) { best_d = dist; best_r = r; }
        }
        c->p[i].role = best_r;
        if (best_r >= 0) cast_place(c, i, s, lx, cores, names, 0);
    }
}

static int forced_role(Cast *c, int i, const Scenario *s, const char *path, DiagList *d)
{
    Participant *p = &c->p[i];
    if (!p->role_name) return p->role >= 0;
    if (p->role < 0) p->role = scenario_role(s, p->role_name);
    if (p->role < 0 || !s->roles[p->role].playable) {
        diag_add(d, DIAG_ERROR, path, 0, _("%s: role '%s' is not a playable role of '%s'"),
                 p->name, p->role_name, s->id);
        p->role = -1;
    }
    return p->role >= 0;
}

int cast_assign(Cast *c, const Scenario *s, const Lexicon *lx, const char *const *role_cores,
                const char *const *role_names, const char *path, DiagList *d)
{
    int errors = d->errors;
    int *forced = xcalloc((size_t)c->n + 1, sizeof *forced);
    int *who = xcalloc((size_t)c->n + 1, sizeof *who), m = 0;
    int *roles = xcalloc((size_t)s->nroles + 1, sizeof *roles), k = 0;
    for (int i = 0; i < c->n; i++) {
        forced[i] = forced_role(c, i, s, path, d);
        if (!forced[i]) who[m++] = i;
    }
    for (int r = 0; r < s->nroles; r++)
        if (s->roles[r].playable && cast_player_of(c, r) < 0) roles[k++] = r;
    if (m > 12) m = 12;                    /* a cast file holds at most 12; cast_load says so */
    cast_best(c, s, lx, role_cores, who, m, roles, k);
    for (int i = 0; i < c->n; i++)
        if (c->p[i].role >= 0) cast_place(c, i, s, lx, role_cores, role_names, forced[i]);
    cast_shared(c, s, lx, role_cores, role_names);
    for (int i = 0; i < c->n; i++) {
        const Participant *p = &c->p[i];
        if ((p->own_name || p->about) && p->role >= 0 && !s->roles[p->role].own)
            diag_add(d, DIAG_ERROR, path, 0, _("%s: character= and about= are for a role a participant makes their "
                                               "own (own=\"yes\"), and '%s' is not one"), p->name, s->roles[p->role].id);
    }
    free(forced);
    free(who);
    free(roles);
    return d->errors > errors ? -1 : 0;
}
