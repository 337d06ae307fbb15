/*
 * session.c - playing a scenario: entering scenes, turns, choices, reactions, incidents,
 * undo by replay.
 */
#include "runtime/session.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "runtime/storyview.h"

#define MAX_HOPS 1000      /* gotos and empty scenes followed in a row before calling it a loop */

/* ============================== output ============================== */

static void emit(Session *S, Output o)
{
    if (S->quiet || !S->out) return;
    S->out(S->out_ud, &o);
}

static void emit_script_error(Session *S, const char *text)
{
    emit(S, (Output){.kind = OUT_SCRIPT_ERROR, .text = text, .role = -1, .participant = -1});
}

/* A character's script failed: Lua's message, in the session's language as check gives it. */
static void script_error(Session *S, const char *err)
{
    char *words = diag_lua_message(err);
    emit_script_error(S, words);
    free(words);
}

/* The scenario's own code (a condition, an effect) failed: no character is silenced by it. */
static void scenario_error(Session *S, const char *err)
{
    emit(S, (Output){.kind = OUT_SCRIPT_ERROR, .id = "scenario", .text = err, .role = -1, .participant = -1});
}

static const char *fallback(const Session *S)
{
    return scenario_fallback(S->s);
}

/* ============================== characters and world ============================== */

static unsigned long long role_seed(unsigned long long seed, const char *id)
{
    unsigned long long h = 1469598103934665603ULL;       /* FNV-1a */
    for (const char *p = id; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return seed ^ h;
}

int session_load_role(Character *ch, const Scenario *s, int r, const Lexicon *lx, unsigned long long seed,
                      DiagList *d)
{
    int found, rc = -1;
    memset(ch, 0, sizeof *ch);
    char *path = paths_find_character(s->path, s->roles[r].character, &found);
    if (!found)
        diag_add(d, DIAG_ERROR, s->path, s->roles[r].line,
                 _("character script '%s' not found (looked for %s)"), s->roles[r].character, path);
    else
        rc = character_load(ch, path, lx, role_seed(seed, s->roles[r].id), d);
    if (rc == 0) storyview_install(sbx_lua(ch->sbx), s, NULL);      /* the story as it starts */
    free(path);
    return rc;
}

/* Each character reads the story of this session's world through `story`. */
static void show_story(Session *S)
{
    for (int r = 0; r < S->s->nroles; r++)
        if (S->chars[r].sbx) storyview_install(sbx_lua(S->chars[r].sbx), S->s, S->world);
}

/* The names a script reads from `story` must be the scenario's (each script once). */
static void check_story_names(Session *S, DiagList *d)
{
    for (int r = 0; r < S->s->nroles; r++) {
        int seen = !S->chars[r].src;
        for (int q = 0; q < r && !seen; q++) seen = S->chars[q].src && streq(S->chars[q].path, S->chars[r].path);
        if (!seen) storyview_check_script(S->chars[r].path, S->chars[r].src, S->s, d);
    }
}

static int load_characters(Session *S, DiagList *d)
{
    const Scenario *s = S->s;
    int errors = d->errors;
    S->chars = xcalloc((size_t)s->nroles, sizeof *S->chars);
    for (int r = 0; r < s->nroles; r++) session_load_role(&S->chars[r], s, r, S->lx, S->seed, d);
    return d->errors > errors ? -1 : 0;
}

static void free_characters(Session *S)
{
    if (!S->chars) return;
    for (int r = 0; r < S->s->nroles; r++) character_free(&S->chars[r]);
    free(S->chars);
    S->chars = NULL;
}

/* Every role, a character that failed to load again too (its state reads empty): the world
 * must not keep a pointer into the characters it had before. */
static void sync_world(Session *S)
{
    for (int r = 0; r < S->s->nroles; r++) world_sync_character(S->world, r, &S->chars[r]);
}

/* A participant who shares a role with an earlier player keeps their own quadrant for their
 * own choices: the method puts everyone on their own opposite quadrant, and one character
 * cannot speak from two quadrants at once, so its lines follow its first player. */
static void seat_sharers(Session *S)
{
    int n = S->cast->n;
    if (n > S->nseats) {
        S->seats = xrealloc(S->seats, (size_t)n * sizeof *S->seats);
        S->seat_own = xrealloc(S->seat_own, (size_t)n);
        S->nseats = n;
    }
    for (int i = 0; i < n; i++) {
        const Participant *p = &S->cast->p[i];
        S->seat_own[i] = p->role >= 0 && cast_player_of(S->cast, p->role) != i && p->character_core &&
                         lexicon_quadrant(S->lx, p->character_core, &S->seats[i]) == 0;
    }
}

/* Each character on the quadrant its first player was cast on, or its script's; the world
 * told who plays what and which cards were picked. */
void session_seat_cast(Session *S)
{
    seat_sharers(S);
    for (int r = 0; r < S->s->nroles; r++) {
        int i = cast_player_of(S->cast, r);
        Character *ch = &S->chars[r];
        if (ch->sbx) character_set_quadrant(ch, S->lx, i >= 0 ? S->cast->p[i].character_core : ch->script_term);
        if (ch->sbx && (ch->script_name || (i >= 0 && S->cast->p[i].own_name)))
            character_set_name(ch, i >= 0 && S->s->roles[r].own ? S->cast->p[i].own_name : NULL);
        world_set_played(S->world, r, i >= 0);
    }
    world_set_participants(S->world, S->cast->n);
    int briefed = 0;
    for (int i = 0; i < S->cast->n; i++) briefed += S->cast->p[i].briefed;
    world_set_briefed(S->world, briefed);
    for (int i = 0; i < S->cast->n; i++)
        if (S->cast->p[i].card) world_set_card(S->world, S->cast->p[i].card, 1);
    sync_world(S);
}

void session_role_tables(const Session *S, const char ***cores, const char ***names)
{
    *cores = xcalloc((size_t)S->s->nroles + 1, sizeof **cores);
    *names = xcalloc((size_t)S->s->nroles + 1, sizeof **names);
    for (int r = 0; r < S->s->nroles; r++) {
        (*cores)[r] = S->chars[r].script_term;
        (*names)[r] = session_role_name(S, r);
    }
}

void session_recast(Session *S, int participant, int r, int decided)
{
    const char **cores, **names;
    session_role_tables(S, &cores, &names);
    Participant *p = &S->cast->p[participant];
    p->role = r;
    free(p->reason);
    p->reason = NULL;
    cast_place(S->cast, participant, S->s, S->lx, cores, names, decided);
    free(cores);
    free(names);
    session_seat_cast(S);
}

Session *session_new(const Scenario *s, const Lexicon *lx, Cast *cast, const char *cast_path,
                     const char *lang, unsigned long long seed, DiagList *d)
{
    Session *S = xcalloc(1, sizeof *S);
    S->s = s;
    S->lx = lx;
    S->cast = cast;
    S->seed = seed;
    snprintf(S->lang, sizeof S->lang, "%s", lang);
    S->scene = S->ending = -1;
    S->return_act = -1;
    S->fired = xcalloc((size_t)s->nevents + 1, 1);
    S->role_turns = xcalloc((size_t)s->nroles + 1, sizeof *S->role_turns);
    int errors = d->errors;
    load_characters(S, d);
    for (int r = 0; r < s->nroles; r++) character_check_lines(&S->chars[r], s, r, d);
    check_story_names(S, d);
    S->world = world_new(s, seed, d);
    if (S->world) show_story(S);
    if (d->errors == errors) {
        const char **cores, **names;
        session_role_tables(S, &cores, &names);
        cast_assign(cast, s, lx, cores, names, cast_path, d);
        free(cores);
        free(names);
    }
    if (d->errors > errors) {
        session_free(S);
        return NULL;
    }
    session_seat_cast(S);
    return S;
}

void session_free(Session *S)
{
    if (!S) return;
    free_characters(S);
    world_free(S->world);
    free(S->fired);
    free(S->carried);
    free(S->role_turns);
    free(S->ret);
    free(S->ret_each);
    free(S->inputs);
    free(S->turn_buf.options);
    free(S->seats);
    free(S->seat_own);
    free(S);
}

void session_set_output(Session *S, OutputFn fn, void *ud)
{
    S->out = fn;
    S->out_ud = ud;
}

Character *session_character(Session *S, int r)
{
    return r >= 0 && r < S->s->nroles ? &S->chars[r] : NULL;
}

const char *session_role_name(const Session *S, int r)
{
    if (r < 0 || r >= S->s->nroles) return "";
    const Character *ch = &S->chars[r];
    return ch->name ? ch->name : S->s->roles[r].id;
}

const Quadrant *session_quadrant(const Session *S, int p, int r)
{
    if (p >= 0 && p < S->nseats && S->seat_own[p] && S->cast->p[p].role == r) return &S->seats[p];
    return r >= 0 && S->chars[r].quadrant_term ? &S->chars[r].quadrant : NULL;
}

Corner session_corner(const Session *S, int p, int r, const Choice *c)
{
    const Quadrant *q = session_quadrant(S, p, r);
    if (!q) return CORNER_NONE;
    if (c->corner != CORNER_NONE) return (Corner)c->corner;
    const char *id = lexicon_id_at(S->lx, c->term_at);
    return id ? quadrant_corner_id(q, id) : CORNER_NONE;
}

const char *session_term(const Session *S, int p, int r, const Choice *c)
{
    if (c->corner == CORNER_NONE) return lexicon_id_at(S->lx, c->term_at);
    const Quadrant *q = session_quadrant(S, p, r);
    return q ? q->nl[c->corner] : NULL;
}

/* The words of choice c for p as role r: a corner choice's variant for its term, if it has one. */
static const Text *choice_words(const Session *S, int p, int r, const Choice *c, const char **term,
                                const Text **third)
{
    *term = session_term(S, p, r, c);
    for (int i = 0; *term && i < c->nvariants; i++)
        if (streq(c->variants[i].term, *term)) {
            *third = &c->variants[i].third;
            return &c->variants[i].text;
        }
    *third = &c->third;
    return &c->text;
}

const Text *session_words(const Session *S, int p, int r, const Choice *c, const Text **third)
{
    const char *term;
    return choice_words(S, p, r, c, &term, third);
}

/* `text` with {participants} filled in: a fresh string, or NULL when it has none to fill. */
static char *fill_group(const Session *S, const char *text)
{
    if (!strstr(text, "{participants}")) return NULL;
    char n[16];
    snprintf(n, sizeof n, "%d", S->cast->n);
    return str_replace(text, "{participants}", n);
}

static char *corner_words(const Session *S, int p, int r, const Choice *c);

char *session_choice_text(const Session *S, int p, int r, const Choice *c)
{
    char *text = corner_words(S, p, r, c);
    char *filled = fill_group(S, text);
    if (!filled) return text;
    free(text);
    return filled;
}

/* The words of choice c, {term} and {manner} filled in (a fresh string). */
static char *corner_words(const Session *S, int p, int r, const Choice *c)
{
    const char *term;
    const Text *third;
    const Text *words = choice_words(S, p, r, c, &term, &third);
    if (p < 0 && r >= 0 && third->n > 0) words = third;     /* a character verbeeld plays */
    const char *text = text_get(words, S->lang, fallback(S));
    if (c->corner == CORNER_NONE || !term) return xstrdup(text);
    const char *manner = lexicon_manner(S->lx, term, S->lang);
    char *named = str_replace(text, "{term}", lexicon_name(S->lx, term, S->lang));
    char *done = str_replace(named, "{manner}", manner ? manner : lexicon_name(S->lx, term, S->lang));
    free(named);
    return done;
}

/* ============================== showing a scene ============================== */

static int test(Session *S, int code)
{
    char *err = NULL;
    int yes = world_test(S->world, code, &err);
    if (yes < 0) {
        scenario_error(S, err);
        free(err);
        return 0;
    }
    return yes;
}

typedef struct {
    Session *S;
    int line, unless;
} Presupposed;

static int check_fact(const char *id, void *ud)
{
    Presupposed *p = ud;
    int v = scenario_fact(p->S->s, id);
    if (v < 0 || (world_var(p->S->world, v) != 0) == !p->unless) return 0;
    char *err = p->unless
        ? xasprintf(_("%s:%d: this text presupposes that '%s' is not so, but it is"), p->S->s->path, p->line, id)
        : xasprintf(_("%s:%d: this text presupposes '%s', which is not so"), p->S->s->path, p->line, id);
    script_error(p->S, err);
    free(err);
    return 0;
}

/* Text shown while a fact it presupposes (needs, unless) is not as it says: a fault of the
 * story, reported as a script's is (explore lists it with the way there). */
static void check_presupposed(Session *S, const char *needs, const char *unless, int line)
{
    Presupposed p = {S, line, 0};
    scenario_each_fact(needs, check_fact, &p);
    p.unless = 1;
    scenario_each_fact(unless, check_fact, &p);
}

static void show_items(Session *S, const Item *items, int n)
{
    for (int i = 0; i < n; i++) {
        const Item *it = &items[i];
        int presupposes = it->needs || it->unless;
        /* The explorer reads no narration, but a line from a script may fail in some state (and
         * may draw on the character's random numbers, so lines always run, even unseen), and
         * what a text presupposes is checked. */
        if (S->no_text && (it->kind == ITEM_TEXT || !it->line_key) && !presupposes) continue;
        if (it->cond != NO_CODE && !test(S, it->cond)) continue;
        if (presupposes) check_presupposed(S, it->needs, it->unless, it->line);
        if (S->no_text && (it->kind == ITEM_TEXT || !it->line_key)) continue;
        if (it->kind == ITEM_TEXT) {
            const char *text = text_get(&it->text, S->lang, fallback(S));
            char *filled = fill_group(S, text);
            emit(S, (Output){.kind = OUT_TEXT, .text = filled ? filled : text, .role = -1, .participant = -1});
            free(filled);
            continue;
        }
        char *said = NULL, *err = NULL;
        if (it->line_key) said = character_line(&S->chars[it->role], it->line_key, S->lang, fallback(S), &err);
        else said = xstrdup(text_get(&it->text, S->lang, fallback(S)));
        char *filled = said ? fill_group(S, said) : NULL;
        if (filled) {
            free(said);
            said = filled;
        }
        if (err) script_error(S, err);
        if (said)
            emit(S, (Output){.kind = OUT_SAY, .role = it->role, .who = session_role_name(S, it->role),
                             .text = said, .participant = cast_player_of(S->cast, it->role)});
        free(said);
        free(err);
    }
}

/* The title to show: the first alternative whose condition holds, else the plain one. */
static const char *title_now(Session *S, const Text *title, const AltTitle *alt, int n)
{
    for (int i = 0; i < n; i++)
        if (test(S, alt[i].cond)) return text_get(&alt[i].text, S->lang, fallback(S));
    return text_get(title, S->lang, fallback(S));
}

static void announce_scene(Session *S, OutKind kind)
{
    const Scene *sc = &S->s->scenes[S->scene];
    const char *title = S->no_text ? NULL : title_now(S, &sc->title, sc->alt_titles, sc->nalt_titles);
    emit(S, (Output){.kind = kind, .id = sc->id, .title = title,
                     .act = sc->act, .scene = S->scene, .role = -1, .participant = -1});
}

static void show_scene(Session *S, OutKind kind)
{
    announce_scene(S, kind);
    show_items(S, S->s->scenes[S->scene].items, S->s->scenes[S->scene].nitems);
}

void session_show(Session *S)
{
    if (S->scene >= 0) show_scene(S, OUT_RESUME);
}

/* ============================== moving through the story ============================== */

static void stuck(Session *S, const char *why)
{
    int scene = S->scene;          /* where it stopped, for whoever looks for the cause */
    S->stuck = 1;
    S->scene = -1;
    emit(S, (Output){.kind = OUT_STUCK, .scene = scene, .text = why, .role = -1, .participant = -1});
}

static void end_story(Session *S, int ending)
{
    const Ending *e = &S->s->endings[ending];
    S->scene = -1;
    S->ending = ending;
    emit(S, (Output){.kind = OUT_ENDING, .id = e->id, .title = text_get(&e->title, S->lang, fallback(S)),
                     .role = -1, .participant = -1});
    show_items(S, e->items, e->nitems);
}

/* An event whose condition holds and that has not fired yet, or -1. */
static int due_event(Session *S)
{
    if (S->return_act >= 0) return -1;
    for (int i = 0; i < S->s->nevents; i++)
        if (!S->fired[i] && S->s->events[i].cond != NO_CODE && test(S, S->s->events[i].cond) &&
            test(S, S->s->events[i].avail))
            return i;
    return -1;
}

static void push_return(Session *S, int scene, int each_pos)
{
    int cap = S->capret;
    VEC_PUSH(S->ret, S->nret, S->capret);
    if (S->capret != cap) S->ret_each = xrealloc(S->ret_each, (size_t)S->capret * sizeof *S->ret_each);
    S->ret_each[S->nret] = each_pos;
    S->ret[S->nret++] = scene;
}

static void announce_event(Session *S, int e, int injected)
{
    const Event *ev = &S->s->events[e];
    emit(S, (Output){.kind = OUT_EVENT, .id = ev->id, .title = title_now(S, &ev->title, ev->alt_titles, ev->nalt_titles),
                     .injected = injected, .role = -1, .participant = -1});
}

/* Whether anyone can choose anything in the current scene; see turn_of below. */
static const Turn *current_turn(Session *S);

/* Go to `t`, following gotos, scenes without choices and events that fire by themselves. */
static void go(Session *S, Target t)
{
    for (int hops = 0; hops < MAX_HOPS; hops++) {
        if (t.kind == TARGET_ENDING) {
            end_story(S, t.index);
            return;
        }
        if (t.kind == TARGET_RETURN) {
            if (S->nret == 0) {
                stuck(S, _("'return' outside an incident: there is nothing to return to"));
                return;
            }
            S->nret--;
            S->scene = S->ret[S->nret];
            S->each_pos = S->ret_each[S->nret];       /* a round goes on where it was */
            const Scene *back = &S->s->scenes[S->scene];
            if (back->nchoices == 0) {                /* it was passing through: go on */
                t = back->next;
                continue;
            }
            announce_scene(S, OUT_RESUME);            /* its text was read already */
            return;
        }
        if (t.kind != TARGET_SCENE) {
            if (S->nret > 0) { t.kind = TARGET_RETURN; continue; }
            stuck(S, _("the story has nowhere to go from here"));
            return;
        }
        const Scene *sc = &S->s->scenes[t.index];
        int jumped = 0;
        for (int g = 0; g < sc->ngotos && !jumped; g++)
            if (test(S, sc->gotos[g].cond)) {
                emit(S, (Output){.kind = OUT_PASS, .scene = t.index, .role = -1, .participant = -1});
                t = sc->gotos[g].to;
                jumped = 1;
            }
        if (jumped) continue;

        S->scene = t.index;
        S->each_pos = 0;
        world_visit(S->world, t.index);
        for (int i = 0; i < sc->neffects; i++) {
            char *err = NULL;
            if (world_apply(S->world, &sc->effects[i], &err)) scenario_error(S, err);
            free(err);
        }
        show_scene(S, OUT_SCENE);
        int e = due_event(S);
        if (e >= 0) {
            S->fired[e] = 1;
            push_return(S, S->scene, S->each_pos);
            announce_event(S, e, 0);
            t = S->s->events[e].to;
            continue;
        }
        if (sc->nchoices == 0) {
            t = sc->next;
            continue;
        }
        const Turn *turn = current_turn(S);
        if (!turn) stuck(S, _("no choice is available to anyone here"));
        for (int k = 0; turn && k < turn->noptions; k++) {
            const Choice *c = &sc->choices[turn->options[k]];
            if (c->needs || c->unless) check_presupposed(S, c->needs, c->unless, c->line);
        }
        return;
    }
    stuck(S, _("the story goes round in a loop without a choice"));
}

void session_set_return(Session *S, int act, const double *values)
{
    S->return_act = act;
    free(S->carried);
    S->carried = xcalloc((size_t)S->s->nvars + 1, sizeof *S->carried);
    for (int v = 0; v < S->s->nvars; v++) S->carried[v] = values[v];
}

void session_start(Session *S)
{
    if (S->return_act < 0) {
        go(S, S->s->start);
        return;
    }
    for (int v = 0; v < S->s->nvars; v++) world_set_var(S->world, v, S->carried[v]);
    go(S, (Target){TARGET_SCENE, scenario_return_scene(S->s, S->return_act), NULL});
}

int session_over(const Session *S)
{
    return S->scene < 0;
}

int session_stuck(const Session *S)
{
    return S->stuck;
}

/* ============================== turns ============================== */

static int available(Session *S, const Choice *c, int role, int group)
{
    if (c->by >= 0 && !group && c->by != role) return 0;
    return c->cond == NO_CODE || test(S, c->cond);
}

/* ---- fetching ahead: the only prefetching of the walk
 * Needed for a minimum of bench/RESULTS.md: the walk's cost per choice may grow at most 1.5x
 * from 1,000 to 100,000 scenes, where the 160 MiB model is not in the caches. Measured growth
 * (medians, bench/notes.md): 1.65x without this seam, 1.26x with it; without the early choices
 * (next_choices) 1.40x, without the visit count 1.48x, without wave 2 1.33x. When a choice is
 * taken its scene, visit count and choices start loading (wave 1); once the first character
 * has reacted, what that scene points to (wave 2): the reactions are the time to arrive. */
#define FETCH_CHOICES 3                /* most scenes offer about this many */

static void session_fetch_ahead(Session *S, const Choice *c, int wave)
{
    if (c->to.kind != TARGET_SCENE) return;
    const Scene *next = &S->s->scenes[c->to.index];
    if (wave == 1) {
        for (size_t at = 0; at < sizeof *next; at += 64) PREFETCH((const char *)next + at);
        PREFETCH((const char *)next + sizeof *next - 1);
        world_prefetch_visit(S->world, c->to.index);
        const char *at = c->next_choices;
        for (size_t off = 0; at && off < FETCH_CHOICES * sizeof(Choice); off += 64) PREFETCH(at + off);
        return;
    }
    PREFETCH(next->items);
    for (int i = 0; i < next->nchoices; i++) PREFETCH(next->choices[i].effects);
}

/* Put a person's options in an order drawn from the session's seed, the scene, how often it
 * was entered and who chooses: in the order of the file, the option a writer put first (often
 * the role's core quality) would always be 1, and typing 1 at every prompt would pass for
 * playing the challenge. The same seed gives the same order, so a resumed or replayed session
 * shows what was shown; and a decision an incident interrupted comes back as it was (coming
 * back is no new visit). */
static void shuffle_options(Session *S, Turn *t)
{
    uint64_t visit = (uint64_t)world_visits(S->world, S->scene) << 16 | (uint64_t)(t->participant + 1);
    uint64_t x = S->seed ^ ((uint64_t)(S->scene + 1) << 40) ^ visit * 0x9e3779b97f4a7c15ULL;
    for (int i = t->noptions - 1; i > 0; i--) {
        x += 0x9e3779b97f4a7c15ULL;                       /* splitmix64 */
        int j = (int)(mix64(x) % (uint64_t)(i + 1));
        int tmp = t->options[i];
        t->options[i] = t->options[j];
        t->options[j] = tmp;
    }
}

#define CORNER_OFF (-2)     /* a fixed quality that is not on the chooser's quadrant */

/* Where fixed choice c falls for participant p choosing as role r: a corner, CORNER_NONE for a
 * choice without a quality (or a group deciding, which has no quadrant), or CORNER_OFF. */
static int on_quadrant(const Session *S, const Choice *c, int p, int role, int group)
{
    const Quadrant *q = group ? NULL : session_quadrant(S, p, role);
    const char *id = lexicon_id_at(S->lx, c->term_at);
    if (!id || !q) return CORNER_NONE;
    Corner at = quadrant_corner_id(q, id);
    return at == CORNER_NONE ? CORNER_OFF : (int)at;
}

/* Add option i to t, keeping the options in the order of the file. */
static void insert_option(Turn *t, int i)
{
    int k = t->noptions++;
    for (; k > 0 && t->options[k - 1] > i; k--) t->options[k] = t->options[k - 1];
    t->options[k] = i;
}

/* Fill the turn for `participant` (or the group, -1) playing `role`; NULL when no options. */
static const Turn *offer(Session *S, int participant, int role, int group)
{
    const Scene *sc = &S->s->scenes[S->scene];
    Turn *t = &S->turn_buf;
    if (sc->nchoices > S->capoptions) {
        S->capoptions = sc->nchoices;
        t->options = xrealloc(t->options, (size_t)S->capoptions * sizeof *t->options);
    }
    t->noptions = 0;
    t->participant = participant;
    t->role = role;
    /* Where the writer gave corner choices, they stand in for the fixed choices of other
     * quadrants; a scene without them offers every fixed choice, as written. */
    int has_corners = 0;
    for (int i = 0; i < sc->nchoices && !has_corners; i++) has_corners = sc->choices[i].corner != CORNER_NONE;
    unsigned covered = 0;           /* the corners a fixed choice offered here takes */
    for (int i = 0; i < sc->nchoices; i++) {
        const Choice *c = &sc->choices[i];
        if (c->corner != CORNER_NONE || !available(S, c, role, group)) continue;
        Corner at = on_quadrant(S, c, participant, role, group);
        if (at == CORNER_OFF && has_corners) continue;
        if (at >= 0) covered |= 1u << at;
        t->options[t->noptions++] = i;
    }
    for (int i = 0; i < sc->nchoices; i++) {
        const Choice *c = &sc->choices[i];
        if (c->corner == CORNER_NONE || group || !session_term(S, participant, role, c) || (covered & (1u << c->corner))) continue;
        if (available(S, c, role, group)) insert_option(t, i);
    }
    if (participant >= 0 || group) shuffle_options(S, t);
    return t->noptions ? t : NULL;
}

/* How many participants play role r, and the k-th of them (-1 when none). */
static int players_of(const Session *S, int r, int k, int *count)
{
    int found = -1, n = 0;
    for (int i = 0; i < S->cast->n; i++)
        if (S->cast->p[i].role == r && n++ == k) found = i;
    if (count) *count = n;
    return found;
}

/* Who chooses in a scene of role r: its players take such scenes in turn. */
static int role_player(const Session *S, int r)
{
    int n;
    players_of(S, r, 0, &n);
    return n > 1 ? players_of(S, r, S->role_turns[r] % n, NULL) : cast_player_of(S->cast, r);
}

/* Whether the participants' turn decides who chooses in scene sc: a scene without who, or one
 * of a role nobody plays that says unplayed="turn" (a moment that should go to a person). */
static int by_turn(const Session *S, const Scene *sc)
{
    if (sc->who == WHO_ROTATE) return 1;
    return sc->who >= 0 && sc->unplayed_turn && S->cast->n > 0 && role_player(S, sc->who) < 0;
}

static const Turn *current_turn(Session *S)
{
    if (S->scene < 0) return NULL;
    const Scene *sc = &S->s->scenes[S->scene];
    int n = S->cast->n;
    if (sc->who >= 0 && !by_turn(S, sc)) return offer(S, role_player(S, sc->who), sc->who, 0);
    if (n == 0) return offer(S, -1, -1, 1);
    if (sc->who == WHO_GROUP) {
        if (n == 1) return offer(S, 0, S->cast->p[0].role, 1);
        return offer(S, -1, -1, 1);
    }
    if (sc->who == WHO_EACH) {
        for (; S->each_pos < n; S->each_pos++) {
            const Turn *t = offer(S, S->each_pos, S->cast->p[S->each_pos].role, 0);
            if (t) return t;
        }
        return NULL;
    }
    int p = S->turn % n;
    return offer(S, p, S->cast->p[p].role, 0);
}

/* ============================== choosing ============================== */

static void record_input(Session *S, Input in)
{
    VEC_PUSH(S->inputs, S->ninputs, S->capinputs);
    S->inputs[S->ninputs++] = in;
}

static void react_all(Session *S, const Choice *c, int participant, int role, Corner corner)
{
    const Scene *sc = &S->s->scenes[S->scene];
    const char *name = participant >= 0 ? S->cast->p[participant].name : NULL;
    for (int r = 0; r < S->s->nroles; r++) {
        if (r == 1) session_fetch_ahead(S, c, 2);
        ReactEvent ev = {"choice", role >= 0 ? S->s->roles[role].id : NULL, name, session_term(S, participant, role, c), corner,
                         sc->id, c->id, NULL, r == role, c->addressee_name, r == c->addressee};
        char *said = NULL, *mood = NULL, *err = NULL;
        if (character_react(&S->chars[r], &ev, S->lang, fallback(S), &said, &mood, &err)) script_error(S, err);
        else if (mood || said)
            emit(S, (Output){.kind = OUT_REACTION, .role = r, .who = session_role_name(S, r), .text = said,
                             .mood = mood, .participant = participant,
                             .played = cast_player_of(S->cast, r) >= 0 || r == role});
        free(said);
        free(mood);
        free(err);
        world_sync_character(S->world, r, &S->chars[r]);
    }
    if (S->s->nroles < 2) session_fetch_ahead(S, c, 2);
}

/* Where the story goes after choice `c` in the current scene, or TARGET_NONE to stay (a
 * who="each" scene that others still choose in). */
static Target after_choice(Session *S, const Choice *c)
{
    const Scene *sc = &S->s->scenes[S->scene];
    if (sc->who == WHO_EACH) {
        S->each_pos++;
        if (current_turn(S)) return (Target){TARGET_NONE, -1, NULL};
        return sc->next.kind != TARGET_NONE ? sc->next : c->to;
    }
    if (by_turn(S, sc)) S->turn++;
    else if (sc->who >= 0) S->role_turns[sc->who]++;
    return c->to.kind != TARGET_NONE ? c->to : sc->next;
}

/* Apply choice index `ci` of the current scene, made by `participant` playing `role`. */
static void apply_choice(Session *S, int ci, int participant, int role)
{
    const Scene *sc = &S->s->scenes[S->scene];
    const Choice *c = &sc->choices[ci];
    session_fetch_ahead(S, c, 1);
    Corner corner = session_corner(S, participant, role, c);
    S->steps++;
    if (participant >= 0) world_count(S->world, corner);
    emit(S, (Output){.kind = OUT_CHOICE, .choice = c, .participant = participant, .role = role,
                     .corner = corner, .scene = S->scene, .id = c->id});
    for (int i = 0; i < c->neffects; i++) {
        char *err = NULL;
        if (world_apply(S->world, &c->effects[i], &err)) scenario_error(S, err);
        free(err);
    }
    react_all(S, c, participant, role, corner);
    Target t = after_choice(S, c);
    if (t.kind == TARGET_NONE && sc->who == WHO_EACH && S->each_pos < S->cast->n) return;
    go(S, t);
}

/* The engine chooses for a role no participant plays, through its script's choose hook. */
static void engine_choose(Session *S, const Turn *t)
{
    const Scene *sc = &S->s->scenes[S->scene];
    Character *ch = &S->chars[t->role];
    ChooseOption *opts = xcalloc((size_t)t->noptions, sizeof *opts);
    int pick = 0;
    for (int i = 0; i < t->noptions; i++) {
        const Choice *c = &sc->choices[t->options[i]];
        opts[i] = (ChooseOption){c->id, session_term(S, -1, t->role, c)};
        if (!pick && session_corner(S, -1, t->role, c) == CORNER_CORE) pick = i;
    }
    if (ch->has_choose) {
        char *err = NULL;
        int k = character_choose(ch, opts, t->noptions, &err);
        if (k >= 0) pick = k;
        else script_error(S, err);
        free(err);
    }
    free(opts);
    apply_choice(S, t->options[pick], -1, t->role);
}

/* Let the engine take every turn that belongs to an unplayed role. */
static const Turn *settle(Session *S)
{
    for (int guard = 0; guard < MAX_HOPS; guard++) {
        const Turn *t = current_turn(S);
        if (!t) return NULL;
        if (t->participant >= 0 || t->role < 0 || S->cast->n == 0) return t;
        engine_choose(S, t);
    }
    stuck(S, _("the characters keep choosing without end"));
    return NULL;
}

const Turn *session_turn(Session *S)
{
    if (S->scene < 0) return NULL;
    const Turn *t = settle(S);
    if (!t && S->scene >= 0) stuck(S, _("no choice is available to anyone here"));
    return t;
}

int session_choose(Session *S, int k)
{
    return session_take(S, session_turn(S), k);
}

int session_take(Session *S, const Turn *t, int k)
{
    if (!t || t != &S->turn_buf || k < 0 || k >= t->noptions) return -1;
    int ci = t->options[k], participant = t->participant, role = t->role;
    record_input(S, (Input){INPUT_CHOICE, S->scene, ci, participant, -1});
    apply_choice(S, ci, participant, role);
    return 0;
}

int session_choose_id(Session *S, const char *choice_id)
{
    const Turn *t = session_turn(S);
    if (!t) return -1;
    const Scene *sc = &S->s->scenes[S->scene];
    for (int k = 0; k < t->noptions; k++)
        if (streq(sc->choices[t->options[k]].id, choice_id)) return session_choose(S, k);
    return -1;
}

char *session_unavailable(Session *S, const char *event)
{
    int e = scenario_event_named(S->s, event, S->lang);
    if (e < 0 || S->scene < 0) return NULL;
    const Event *ev = &S->s->events[e];
    /* An incident whose scene is a role's that nobody plays would be played out by verbeeld
     * alone: nothing of it would reach the group. */
    int who = ev->to.kind == TARGET_SCENE ? S->s->scenes[ev->to.index].who : WHO_GROUP;
    if (who >= 0 && cast_player_of(S->cast, who) < 0)
        return xasprintf(_("Incident ‘%s’ cannot be started now: it is for %s, whom nobody here plays."),
                         scenario_event_name(S->s, e, S->lang), session_role_name(S, who));
    if (test(S, ev->avail)) return NULL;
    const char *why = text_get(&ev->why, S->lang, fallback(S));
    const char *name = scenario_event_name(S->s, e, S->lang);
    if (*why) return xasprintf(_("Incident ‘%s’ cannot be started now: %s"), name, why);
    return xasprintf(_("Incident ‘%s’ cannot be started now: it needs %s"), name, S->s->code[ev->avail].src);
}

int session_inject(Session *S, const char *event)
{
    int e = scenario_event_named(S->s, event, S->lang);
    if (e < 0 || S->scene < 0 || S->return_act >= 0) return -1;
    if (!test(S, S->s->events[e].avail)) return -2;
    record_input(S, (Input){INPUT_INJECT, S->scene, -1, -1, e});
    S->fired[e] = 1;
    push_return(S, S->scene, S->each_pos);
    announce_event(S, e, 1);
    for (int r = 0; r < S->s->nroles; r++) {
        ReactEvent ev = {"event", NULL, NULL, NULL, CORNER_NONE, S->s->scenes[S->scene].id, NULL, S->s->events[e].id, 0, NULL, 0};
        char *said = NULL, *mood = NULL, *err = NULL;
        if (character_react(&S->chars[r], &ev, S->lang, fallback(S), &said, &mood, &err)) script_error(S, err);
        else if (said)
            emit(S, (Output){.kind = OUT_REACTION, .role = r, .who = session_role_name(S, r), .text = said,
                             .mood = mood, .participant = -1, .played = cast_player_of(S->cast, r) >= 0});
        free(said);
        free(mood);
        free(err);
        world_sync_character(S->world, r, &S->chars[r]);
    }
    go(S, S->s->events[e].to);
    return 0;
}

/* ============================== undo ============================== */

/* Back to the very start, with fresh characters: the only state that is surely the same as
 * the first time, whatever the scripts keep in their closures. A script edited since the
 * session started may no longer load: its character is silent from here on, and what went
 * wrong goes to `d`. */
static void restart(Session *S, DiagList *d)
{
    free_characters(S);
    load_characters(S, d);
    show_story(S);
    world_reset(S->world);
    S->scene = S->ending = -1;
    S->stuck = 0;
    S->nret = 0;
    S->turn = 0;
    memset(S->role_turns, 0, (size_t)S->s->nroles * sizeof *S->role_turns);
    S->each_pos = 0;
    S->steps = 0;
    memset(S->fired, 0, (size_t)S->s->nevents + 1);
    session_seat_cast(S);
}

/* Say why a character is silent after a restart, once the session speaks again. */
static void report_reload(Session *S, DiagList *d)
{
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->v[i];
        char *text = g->line > 0 ? xasprintf("%s:%d: %s", g->file, g->line, g->message)
                                 : xasprintf("%s: %s", g->file, g->message);
        emit_script_error(S, text);          /* diag_lua said it in the session's language */
        free(text);
    }
    diag_free(d);
}

int session_undo(Session *S, int n)
{
    int keep = S->ninputs, undone = 0;
    while (keep > 0 && undone < n) {
        keep--;
        if (S->inputs[keep].kind == INPUT_CHOICE) undone++;
    }
    if (!undone) return 0;
    Input *replay = S->inputs;
    int nreplay = keep;
    S->inputs = NULL;
    S->ninputs = S->capinputs = 0;
    int was_quiet = S->quiet;
    S->quiet = 1;
    DiagList d;
    diag_init(&d);
    restart(S, &d);
    session_start(S);
    for (int i = 0; i < nreplay; i++) {
        if (replay[i].kind == INPUT_INJECT) {
            session_inject(S, S->s->events[replay[i].event].id);
            continue;
        }
        session_turn(S);
        session_choose_id(S, S->s->scenes[replay[i].scene].choices[replay[i].choice].id);
    }
    free(replay);
    session_turn(S);            /* the engine's own turns that follow, quietly as well */
    S->quiet = was_quiet;
    report_reload(S, &d);
    return undone;
}

/* ============================== snapshots ============================== */

static int key_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The same value with the keys of every object in sorted order: Lua's table order depends on
 * a hash seed that differs per run, and the explorer tells states apart by their text. */
static json_object *canonical(json_object *j)
{
    if (!json_object_is_type(j, json_type_object)) return json_object_get(j);
    int n = json_object_object_length(j), k = 0;
    const char **keys = xcalloc((size_t)n + 1, sizeof *keys);
    json_object_object_foreach(j, key, val) {
        (void)val;
        keys[k++] = key;
    }
    qsort(keys, (size_t)k, sizeof *keys, key_cmp);
    json_object *o = json_object_new_object();
    for (int i = 0; i < k; i++) {
        json_object *v = NULL;
        json_object_object_get_ex(j, keys[i], &v);
        json_object_object_add(o, keys[i], canonical(v));
    }
    free(keys);
    return o;
}

/* Whose turn it is within each shared role; nothing when no role is shared (the explorer casts
 * one participant a role, and its states stay as small as they were). */
static void add_role_turns(const Session *S, json_object *o)
{
    json_object *turns = NULL;
    for (int r = 0; r < S->s->nroles; r++) {
        int n;
        players_of(S, r, 0, &n);
        if (n < 2) continue;
        if (!turns) turns = json_object_new_object();
        json_object_object_add(turns, S->s->roles[r].id, json_object_new_int(S->role_turns[r] % n));
    }
    if (turns) json_object_object_add(o, "role_turns", turns);
}

json_object *session_snapshot(Session *S)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "scene", json_object_new_int(S->scene));
    json_object_object_add(o, "ending", json_object_new_int(S->ending));
    json_object_object_add(o, "stuck", json_object_new_int(S->stuck));
    /* whose turn it is, not how many turns went by: a loop comes back to the same state */
    json_object_object_add(o, "turn", json_object_new_int(S->cast->n ? S->turn % S->cast->n : 0));
    json_object_object_add(o, "each", json_object_new_int(S->each_pos));
    add_role_turns(S, o);
    json_object *ret = json_object_new_array();
    for (int i = 0; i < S->nret; i++) {
        json_object_array_add(ret, json_object_new_int(S->ret[i]));
        json_object_array_add(ret, json_object_new_int(S->ret_each[i]));
    }
    json_object_object_add(o, "ret", ret);
    char *fired = xcalloc((size_t)S->s->nevents + 1, 1);
    for (int i = 0; i < S->s->nevents; i++) fired[i] = S->fired[i] ? '1' : '0';
    json_object_object_add(o, "fired", json_object_new_string(fired));
    free(fired);
    json_object_object_add(o, "world", world_snapshot(S->world));
    json_object *chars = json_object_new_array();
    for (int r = 0; r < S->s->nroles; r++) {
        json_object *state = character_state(&S->chars[r]);
        json_object_array_add(chars, canonical(state));
        json_object_put(state);
    }
    json_object_object_add(o, "chars", chars);
    return o;
}

static int snap_int(json_object *o, const char *k)
{
    json_object *v;
    return json_object_object_get_ex(o, k, &v) ? json_object_get_int(v) : 0;
}

void session_reseed(Session *S, unsigned long long seed)
{
    S->seed = seed;
    world_reseed(S->world, seed);
    for (int r = 0; r < S->s->nroles; r++)
        if (S->chars[r].sbx) sbx_reseed(S->chars[r].sbx, role_seed(seed, S->s->roles[r].id));
}

void session_restore(Session *S, json_object *snap)
{
    S->scene = snap_int(snap, "scene");
    S->ending = snap_int(snap, "ending");
    S->stuck = snap_int(snap, "stuck");
    S->turn = snap_int(snap, "turn");
    S->each_pos = snap_int(snap, "each");
    json_object *v;
    json_object *turns = json_object_object_get_ex(snap, "role_turns", &v) ? v : NULL;
    for (int r = 0; r < S->s->nroles; r++) S->role_turns[r] = snap_int(turns, S->s->roles[r].id);
    S->nret = 0;
    if (json_object_object_get_ex(snap, "ret", &v))
        for (size_t i = 0; i + 1 < json_object_array_length(v); i += 2)
            push_return(S, json_object_get_int(json_object_array_get_idx(v, i)),
                        json_object_get_int(json_object_array_get_idx(v, i + 1)));
    const char *fired = json_object_object_get_ex(snap, "fired", &v) ? json_object_get_string(v) : "";
    for (int i = 0; i < S->s->nevents; i++) S->fired[i] = fired[i] == '1';
    if (json_object_object_get_ex(snap, "world", &v)) world_restore(S->world, v);
    if (json_object_object_get_ex(snap, "chars", &v))
        for (int r = 0; r < S->s->nroles && r < (int)json_object_array_length(v); r++) {
            character_set_state(&S->chars[r], json_object_array_get_idx(v, r));
            world_sync_character(S->world, r, &S->chars[r]);
        }
    S->ninputs = 0;
    S->steps = 0;
}

void session_restart(Session *S)
{
    int was_quiet = S->quiet;
    S->quiet = 1;
    S->ninputs = 0;
    DiagList d;
    diag_init(&d);
    restart(S, &d);
    session_start(S);
    session_turn(S);
    S->quiet = was_quiet;
    report_reload(S, &d);
}
