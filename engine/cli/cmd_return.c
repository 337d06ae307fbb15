/*
 * cmd_return.c - verbeeld return JOURNAL: the return afternoon of a finished session. The same
 * participants step into the same characters once more: a recap for each from the first
 * journal, a rating of their learning goal, a return situation from the scenario, and again
 * a rating at the end; the debrief of the new journal compares then and now.
 */
#include "cli/commands.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cli/usage.h"
#include "console/loop.h"
#include "console/play.h"
#include "console/revisit.h"
#include "console/setup.h"
#include "console/show.h"
#include "console/term.h"
#include "debrief/debrief.h"

typedef struct {
    const char *first, *cast, *journal;
} ReturnArgs;

/* What the return session takes from the first. */
typedef struct {
    JournalLog log;
    JournalRecord start;
    Debrief db;
    int built;
    double *values;       /* each variable as the story left it */
    int act;              /* the return block to play */
} First;

/* ============================== the first session ============================== */

static int fail_at(DiagList *d, const char *path, const char *msg)
{
    diag_add(d, DIAG_ERROR, path, 1, "%s", msg);
    return 1;
}

/* Play the first session again, quietly, to know its variables as it left them. */
static double *story_left(Play *P, const JournalLog *log, unsigned long long seed, const char *path, DiagList *d)
{
    Play Q;
    play_init(&Q);
    Q.s = P->s;
    Q.lx = P->lx;
    play_cast_from_journal(&Q, log);
    Q.S = session_new(Q.s, Q.lx, &Q.cast, path, i18n_lang(), seed, d);
    double *v = NULL;
    if (Q.S) {
        Q.S->quiet = 1;
        session_start(Q.S);
        play_replay(&Q, log, log->n, NULL);
        v = xcalloc((size_t)P->s->nvars + 1, sizeof *v);
        for (int k = 0; k < P->s->nvars; k++) v[k] = world_var(Q.S->world, k);
    }
    play_forget(&Q);
    session_free(Q.S);
    cast_free(&Q.cast);
    return v;
}

/* Read and check the first journal, load its scenario into P and find what to play. */
static int read_first(Play *P, First *F, const char *path, DiagList *d)
{
    if (journal_read(path, &F->log, d)) return 1;
    record_read(F->log.v[0], &F->start);
    i18n_init(F->start.lang);
    for (int i = 0; i < F->log.n; i++)
        if (record_kind(jstr(F->log.v[i], "ev")) == REC_THEN)
            return fail_at(d, path, _("this is a return session already: give the journal of the first session"));
    debrief_build(&F->db, &F->log, path, i18n_lang());
    F->built = 1;
    if (!F->db.ending) {
        char *msg = xasprintf(_("this session has not reached an ending yet: finish it first (verbeeld play --resume %s)"), path);
        fail_at(d, path, msg);
        free(msg);
        return 1;
    }
    const char *scenario = F->start.path;
    if (!scenario || access(scenario, R_OK)) scenario = F->start.scenario;
    if (!scenario || play_load(P, scenario, d)) return 1;
    F->act = scenario_return_for(P->s, F->db.ending);
    if (F->act < 0) {
        char *msg = scenario_has_return(P->s)
            ? xasprintf(_("the scenario '%s' has no return situation for the ending '%s' (a <return> block whose after=\"...\" names it, or one without after)"),
                        P->s->id, F->db.ending)
            : xasprintf(_("the scenario '%s' has no return situation (a <return> block): there is nothing to play on the return afternoon"),
                        P->s->id);
        fail_at(d, path, msg);
        free(msg);
        return 1;
    }
    F->values = story_left(P, &F->log, (unsigned long long)F->start.seed, path, d);
    return F->values ? 0 : 1;
}

/* ============================== who comes back ============================== */

/* The cast of the return session: the first session's, or the cast file's people, each who
 * was there then in the same role. */
static int return_cast(Play *P, const First *F, const char *castfile, DiagList *d)
{
    if (!castfile) {
        play_cast_from_journal(P, &F->log);
        return 0;
    }
    if (cast_load(&P->cast, castfile, P->lx, d)) return 1;
    Play T;
    play_init(&T);
    play_cast_from_journal(&T, &F->log);
    for (int i = 0; i < P->cast.n; i++) {
        Participant *p = &P->cast.p[i];
        for (int k = 0; k < T.cast.n; k++) {
            const Participant *q = &T.cast.p[k];
            if (!streq(p->name, q->name)) continue;
            if (!p->role_name && q->role_name) p->role_name = xstrdup(q->role_name);
            if (!p->card && q->card) p->card = xstrdup(q->card);
            if (!p->own_name && q->own_name) p->own_name = xstrdup(q->own_name);
            if (!p->about && q->about) p->about = xstrdup(q->about);
        }
    }
    cast_free(&T.cast);
    return 0;
}

/* ============================== the journal ============================== */

static void journal_then(Play *P, const First *F, const char *first_path)
{
    const Scenario *s = P->s;
    RecordVar *vars = xcalloc((size_t)s->nvars + 1, sizeof *vars);
    for (int k = 0; k < s->nvars; k++) vars[k] = (RecordVar){s->vars[k].id, F->values[k]};
    JournalRecord r = {.kind = REC_THEN, .from_journal = first_path, .ending = F->db.ending,
                       .title = F->db.ending_title, .registration = F->db.registration,
                       .act = s->acts[F->act].id, .vars = vars, .nvars = s->nvars};
    RECORD_SET(&r, steps, F->db.choices);
    play_record(P, &r);
    free(vars);
}

/* The first session's rating of `name` at `moment`, or 0. */
static int first_rating(const First *F, const char *name, const char *moment)
{
    int rating = 0;
    for (int i = 0; i < F->log.n; i++) {
        const JournalRecord *e = &F->db.rec[i];
        if (e->kind == REC_RATING && streq(e->name, name) && streq(e->moment, moment)) rating = e->rating;
    }
    return rating;
}

/* Where participant p fell back in the first session: the first three scenes, in words (fresh,
 * or NULL); *listed says how many. */
static char *fell_back(const Debrief *db, const DebriefParticipant *p, int *listed)
{
    StrBuf b;
    sb_init(&b);
    const char *seen[3] = {NULL, NULL, NULL};
    int n = 0;
    for (int m = 0; m < p->nmoments && n < 3; m++) {
        if (p->moments[m].kind != MOMENT_FALLBACK) continue;
        const char *title = debrief_scene_title(db, p->moments[m].entry);
        if (!title || (n > 0 && (streq(seen[0], title) || (n > 1 && streq(seen[1], title))))) continue;
        seen[n++] = title;
        sb_addf(&b, "%s%s", b.len ? ", " : "", title);
    }
    *listed = n;
    if (!b.len) {
        sb_free(&b);
        return NULL;
    }
    return b.s;
}

/* Who played the first time and is not here now, named once, so that the room can say so
 * before the recaps; nothing when all came back. */
static void name_absent(Play *P, const First *F)
{
    StrBuf names;
    sb_init(&names);
    for (int k = 0; k < F->db.np; k++) {
        int here = 0;
        for (int i = 0; i < P->cast.n && !here; i++) here = streq(P->cast.p[i].name, F->db.p[k].name);
        if (!here) sb_addf(&names, "%s%s", names.len ? ", " : "", F->db.p[k].name);
    }
    if (names.len) {
        char *msg = xasprintf(_("Not here this time: %s."), names.s);
        term_blank();
        term_notice(msg);
        free(msg);
    }
    sb_free(&names);
}

static void recaps(Play *P, const First *F)
{
    name_absent(P, F);
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *now = &P->cast.p[i];
        int k = debrief_find(&F->db, now->name);
        if (k < 0) {
            char *msg = xasprintf(_("%s was not there the first time, and joins now as %s."), now->name,
                                  session_role_name(P->S, now->role));
            term_blank();
            term_notice(msg);
            free(msg);
            continue;
        }
        const DebriefParticipant *p = &F->db.p[k];
        JournalRecord r = {.kind = REC_RECAP, .name = p->name, .role = p->role, .character = p->character,
                           .goal = p->goal, .anchor = p->anchor, .has_corners = 1,
                           .before = first_rating(F, p->name, "before"), .after = first_rating(F, p->name, "after")};
        for (int c = 0; c < RECORD_CORNERS; c++) r.corners[c] = p->corners[c];
        int listed = 0;
        char *where = fell_back(&F->db, p, &listed);
        revisit_recap(P, &r, where, listed);
        free(where);
    }
}

/* ============================== the session ============================== */

static int run(Play *P, const ReturnArgs *a)
{
    DiagList d;
    diag_init(&d);
    First F;
    memset(&F, 0, sizeof F);
    int rc = 1;
    if (read_first(P, &F, a->first, &d) || return_cast(P, &F, a->cast, &d)) goto done;
    char *err = NULL;
    if (journal_check(a->journal, P->s->id, &err)) {
        fprintf(stderr, "verbeeld: %s\n", err);
        free(err);
        goto done;
    }
    unsigned long long seed = (unsigned long long)F.start.seed;
    P->S = session_new(P->s, P->lx, &P->cast, a->cast ? a->cast : a->first, i18n_lang(), seed, &d);
    if (!P->S) goto done;
    session_set_output(P->S, show_output, P);
    /* Who comes for the first time picks a card as the others did then (the school's child);
     * those who return keep theirs. */
    if (setup_picks(P)) {
        fprintf(stderr, "%s\n", _("verbeeld: the setup was not finished; nothing was saved"));
        goto done;
    }
    session_seat_cast(P->S);
    if (journal_create(&P->J, a->journal, P->s->id, &err)) {
        fprintf(stderr, "verbeeld: %s\n", err);
        free(err);
        goto done;
    }
    char *first_abs = realpath(a->first, NULL);
    play_journal_start(P, a->cast, seed, first_abs ? first_abs : a->first);
    play_journal_cast(P);
    journal_then(P, &F, first_abs ? first_abs : a->first);
    free(first_abs);

    term_heading(text_get(&P->s->title, i18n_lang(), scenario_fallback(P->s)));
    char *msg = xasprintf(_("The return afternoon of %s. The story ended then in: %s."),
                          text_get(&P->s->title, i18n_lang(), scenario_fallback(P->s)),
                          F.db.ending_title ? F.db.ending_title : F.db.ending);
    term_notice(msg);
    free(msg);
    msg = xasprintf(_("Journal: %s  (/help lists the commands)"), P->J.path);
    term_notice(msg);
    free(msg);
    term_notice(_("First, each of you in short: what you came to learn, and what you did the first time. "
                  "Talk about the weeks in between: where did you use it at work?"));
    recaps(P, &F);
    revisit_rate(P, "before");
    session_set_return(P->S, F.act, F.values);
    P->journaling = 1;
    term_blank();
    session_start(P->S);
    rc = loop_run(P);
done:
    if (rc && d.n) diag_print(&d, stderr);
    diag_free(&d);
    if (F.built) debrief_free(&F.db);
    if (F.log.v) journal_log_free(&F.log);
    free(F.values);
    return rc;
}

/* ============================== arguments ============================== */

static int parse_args(int argc, char **argv, ReturnArgs *a)
{
    static const struct option opts[] = {
        {"cast", required_argument, NULL, 'c'},
        {"journal", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    memset(a, 0, sizeof *a);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:j:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': a->cast = optarg; break;
        case 'j': a->journal = optarg; break;
        case 'h': usage_help("return"); exit(0);
        default: return usage_bad_option("return", argv, opts);
        }
    }
    if (optind != argc - 1) return usage_error("return", "%s", _("name the journal of the first session"));
    a->first = argv[optind];
    return 0;
}

int cmd_return(int argc, char **argv)
{
    ReturnArgs a;
    int rc = parse_args(argc, argv, &a);
    if (rc) return rc;
    term_init();
    Play P;
    play_init(&P);
    rc = run(&P, &a);
    play_free(&P);
    fflush(stdout);
    return rc;
}
