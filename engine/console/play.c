/*
 * play.c - the session being played at the console: loading what it plays, journaling what
 * happens, and bringing a journaled session back (its cast and its inputs).
 */
#include "console/play.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "console/term.h"
#include "model/load.h"
#include "model/scenario.h"

void play_init(Play *P)
{
    memset(P, 0, sizeof *P);
    P->J.fd = -1;
    P->last_act = -1;
}

void play_forget_ballots(Play *P)
{
    for (int i = 0; i < P->nballots; i++) {
        free(P->ballots[i].by);
        free(P->ballots[i].choice);
    }
    free(P->ballots);
    free(P->ballot_scene);
    P->ballots = NULL;
    P->ballot_scene = NULL;
    P->nballots = 0;
}

void play_keep_ballot(Play *P, const JournalRecord *e)
{
    if (!e->scene || !e->by || !e->choice) return;
    if (!P->ballot_scene || strcmp(P->ballot_scene, e->scene)) {
        play_forget_ballots(P);
        P->ballot_scene = xstrdup(e->scene);
    }
    P->ballots = xrealloc(P->ballots, (size_t)(P->nballots + 1) * sizeof *P->ballots);
    P->ballots[P->nballots++] = (Ballot){xstrdup(e->by), xstrdup(e->choice)};
}

void play_free(Play *P)
{
    play_forget(P);
    play_forget_ballots(P);
    free(P->turn_key);
    session_free(P->S);
    cast_free(&P->cast);
    scenario_free((Scenario *)P->s);
    lexicon_free(&P->lexicon);
    term_before_read(NULL, NULL);
    journal_close(&P->J);
}

/* ============================== the journal ============================== */

/* Say that the journal could not take what it was given (`err`, freed), once: the entries that
 * follow are kept in memory until it can again. */
static void journal_trouble(Play *P, int was_failed, char *err)
{
    if (!was_failed) term_alert(err);          /* said once, not at every entry that follows */
    if (!was_failed && P->J.failed)
        term_alert(_("The journal cannot be written. The session goes on and is kept in memory, but it is NOT "
                     "saved: type /save PATH to write it to another place."));
    free(err);
}

void play_sync(Play *P)
{
    char *err = NULL;
    int was_failed = P->J.failed;
    if (P->J.fd >= 0 && journal_sync(&P->J, &err)) journal_trouble(P, was_failed, err);
}

static void sync_before_read(void *P)
{
    play_sync(P);
}

int play_journal(Play *P, json_object *entry)
{
    char *err = NULL;
    if (P->J.fd < 0) {
        json_object_put(entry);
        return 0;
    }
    term_before_read(sync_before_read, P);
    int was_failed = P->J.failed;
    if (journal_write(&P->J, entry, &err)) {
        journal_trouble(P, was_failed, err);
        return -1;
    }
    if (was_failed) {
        char *msg = xasprintf(_("The journal can be written again: everything is saved in %s."), P->J.path);
        term_notice(msg);
        free(msg);
    }
    return 0;
}

int play_record(Play *P, const JournalRecord *r)
{
    return play_journal(P, record_json(r));
}

void play_journal_view(Play *P)
{
    JournalRecord r = {.kind = REC_VIEW};
    RECORD_SET(&r, show_corners, P->corners);
    RECORD_SET(&r, projector, P->projector);
    play_record(P, &r);
}

void play_journal_start(Play *P, const char *cast, unsigned long long seed, const char *from_journal)
{
    char *abs = realpath(P->s->path, NULL);
    JournalRecord r = {
        .kind = REC_START, .format = JOURNAL_FORMAT, .program = VB_VERSION, .scenario = P->s->id,
        .path = abs ? abs : P->s->path, .title = text_get(&P->s->title, i18n_lang(), scenario_fallback(P->s)),
        .lang = i18n_lang(), .cast = cast, .from_journal = from_journal,
    };
    RECORD_SET(&r, version, JOURNAL_VERSION);
    RECORD_SET(&r, scenario_version, P->s->version);
    RECORD_SET(&r, seed, (long long)seed);
    play_record(P, &r);
    free(abs);
}

void play_journal_cast(Play *P)
{
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *p = &P->cast.p[i];
        Character *ch = session_character(P->S, p->role);
        play_record(P, &(JournalRecord){
            .kind = REC_PARTICIPANT, .name = p->name, .core = p->core, .goal = p->goal,
            .role = P->s->roles[p->role].id, .character = ch->name,
            .character_core = p->character_core ? p->character_core : ch->quadrant_term,
            .reason = p->reason, .card = p->card, .own_name = p->own_name, .about = p->about,
            .briefed = p->briefed,
        });
    }
}

void play_did(Play *P, int who, const char *choice, const char *text)
{
    if (who < 0 || who >= P->cast.n) return;
    if (!P->deeds) P->deeds = xcalloc((size_t)P->cast.n, sizeof *P->deeds);
    Deed *d = &P->deeds[who];
    free(d->choice);
    free(d->text);
    d->choice = choice ? xstrdup(choice) : NULL;
    d->text = xstrdup(text ? text : "");
    P->last_doer = who + 1;
}

void play_forget(Play *P)
{
    for (int i = 0; P->deeds && i < P->cast.n; i++) {
        free(P->deeds[i].choice);
        free(P->deeds[i].text);
    }
    free(P->deeds);
    P->deeds = NULL;
    P->last_doer = 0;
}

int play_participant(const Play *P, const char *name)
{
    for (int i = 0; name && i < P->cast.n; i++)
        if (streq(P->cast.p[i].name, name)) return i;
    return -1;
}

double play_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ============================== loading ============================== */

int play_load(Play *P, const char *scenario, DiagList *d)
{
    char *path = paths_find_scenario(scenario);
    if (!path) {
        fprintf(stderr, _("verbeeld: scenario '%s' not found (give a path to an .xml file, or one of the names that 'verbeeld list' shows)\n"), scenario);
        return -1;
    }
    if (lexicon_load(&P->lexicon, paths_lexicon(), d)) {
        free(path);
        return -1;
    }
    P->lx = &P->lexicon;
    P->s = load_scenario(path, P->lx, d);
    free(path);
    return P->s ? 0 : -1;
}

/* ============================== resuming and replaying ============================== */

void play_count_from_journal(Play *P, const JournalLog *log, int upto)
{
    JournalRecord *rec = record_read_all(log);
    int timeouts;
    P->played_before = (double)record_played_seconds(rec, upto < log->n ? upto : log->n, &timeouts);
    P->timeouts += timeouts;
    record_free_all(rec, log->n);
}

void play_cast_from_journal(Play *P, const JournalLog *log)
{
    JournalRecord *rec = record_read_all(log);
    for (int i = 0; i < log->n; i++) {
        const JournalRecord *e = &rec[i];
        if (e->kind != REC_PARTICIPANT) continue;
        Participant *p = cast_add(&P->cast, e->name ? e->name : "?", e->core ? e->core : "", e->goal);
        if (e->role) p->role_name = xstrdup(e->role);
        if (e->card) p->card = xstrdup(e->card);
        if (e->reason) p->reason = xstrdup(e->reason);
        if (e->own_name) p->own_name = xstrdup(e->own_name);
        if (e->about) p->about = xstrdup(e->about);
        p->briefed = e->briefed;
    }
    for (int i = 0; i < log->n; i++) {           /* roles the trainer changed before play */
        const JournalRecord *e = &rec[i];
        if (e->kind != REC_RECAST) continue;
        for (int k = 0; k < P->cast.n; k++)
            if (streq(P->cast.p[k].name, e->name)) {
                free(P->cast.p[k].role_name);
                P->cast.p[k].role_name = xstrdup(e->role ? e->role : "");
                free(P->cast.p[k].reason);
                P->cast.p[k].reason = e->reason ? xstrdup(e->reason) : NULL;
            }
    }
    record_free_all(rec, log->n);
}

int play_pick(const Play *P, const int *options, int n, const char *line)
{
    if (line[0] == '=') {
        const Scene *sc = &P->s->scenes[P->S->scene];
        for (int k = 0; k < n; k++)
            if (streq(sc->choices[options[k]].id, line + 1)) return k + 1;
        return 0;
    }
    char *end;
    long k = strtol(line, &end, 10);
    while (*end == ' ') end++;
    return end == line || *end || k < 1 || k > n ? 0 : (int)k;
}

int play_replay(Play *P, const JournalLog *log, int upto, void (*aside)(Play *, const JournalRecord *))
{
    int mismatches = 0;
    for (int i = 0; i < upto && i < log->n; i++) {
        JournalRecord e;
        record_read(log->v[i], &e);
        /* What comes before an entered choice (the characters' choices, their lines) is shown
         * before the aside that numbers it, so that "[step N]" stands above the choice. */
        if (e.kind == REC_CHOICE && !e.automatic) session_turn(P->S);
        if (aside) aside(P, &e);
        if ((e.kind == REC_CHOICE && e.by) || e.kind == REC_SAY)     /* what /tag may place */
            play_did(P, play_participant(P, e.by), e.kind == REC_CHOICE ? e.choice : NULL, e.text);
        if (e.kind == REC_BALLOT) play_keep_ballot(P, &e);
        else if (e.kind == REC_VOTE || e.kind == REC_CHOICE || e.kind == REC_UNDO) play_forget_ballots(P);
        if (e.kind == REC_VIEW) {
            P->corners = e.show_corners;
            P->projector = e.projector;
            term_set_projector(P->projector);
        }
        if (e.kind == REC_CHOICE && !e.automatic) {
            session_turn(P->S);
            if (session_choose_id(P->S, e.choice ? e.choice : "")) mismatches++;
        } else if (e.kind == REC_INJECT) {
            if (session_inject(P->S, e.event ? e.event : "")) mismatches++;
        } else if (e.kind == REC_UNDO) {
            session_undo(P->S, e.steps);
        } else if (e.kind == REC_TIMEOUT) {
            P->in_timeout = 1;
        } else if (e.kind == REC_GO) {
            P->in_timeout = 0;
        }
        record_free(&e);
    }
    return mismatches;
}
