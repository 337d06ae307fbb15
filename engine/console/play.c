/*
 * play.c - the session being played at the console: loading what it plays, journaling what
 * happens, and bringing a journaled session back (its cast and its inputs).
 */
#include "console/play.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "console/term.h"
#include "model/load.h"
#include "model/scenario.h"

/* ============================== the journal ============================== */

int play_journal(Play *P, json_object *entry)
{
    char *err = NULL;
    if (P->J.fd < 0) {
        json_object_put(entry);
        return 0;
    }
    int was_failed = P->J.failed;
    if (journal_write(&P->J, entry, &err)) {
        if (!was_failed) term_alert(err);          /* said once, not at every entry that follows */
        if (!was_failed && P->J.failed)
            term_alert(_("The journal cannot be written. The session goes on and is kept in memory, but it is NOT "
                         "saved: type /save PATH to write it to another place."));
        free(err);
        return -1;
    }
    if (was_failed) {
        char *msg = xasprintf(_("The journal can be written again: everything is saved in %s."), P->J.path);
        term_notice(msg);
        free(msg);
    }
    return 0;
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

/* Rebuild the cast from the journal's participant entries. */
void play_count_from_journal(Play *P, const JournalLog *log)
{
    long long run_start = 0, last = 0, paused_at = 0;
    double played = 0;
    for (int i = 0; i < log->n; i++) {
        const char *ev = jstr(log->v[i], "ev");
        long long at = journal_time(jstr(log->v[i], "at"));
        if (!at) continue;
        if (streq(ev, "resume") || !run_start) {          /* a new run: the gap is not play */
            if (run_start) played += (double)(last - run_start);
            run_start = at;
        }
        if (streq(ev, "timeout")) {
            P->timeouts++;
            paused_at = at;
        } else if (streq(ev, "go") && paused_at) {
            played -= (double)(at - paused_at);
            paused_at = 0;
        }
        last = at;
    }
    if (run_start) played += (double)(last - run_start);
    P->played_before = played > 0 ? played : 0;
}

void play_cast_from_journal(Play *P, const JournalLog *log)
{
    for (int i = 0; i < log->n; i++) {
        json_object *e = log->v[i];
        if (!streq(jstr(e, "ev"), "participant")) continue;
        Participant *p = cast_add(&P->cast, jstr(e, "name") ? jstr(e, "name") : "?",
                                  jstr(e, "core") ? jstr(e, "core") : "", jstr(e, "goal"));
        if (jstr(e, "role")) p->role_name = xstrdup(jstr(e, "role"));
        if (jstr(e, "card")) p->card = xstrdup(jstr(e, "card"));
        if (jstr(e, "reason")) p->reason = xstrdup(jstr(e, "reason"));
        if (jstr(e, "own_name")) p->own_name = xstrdup(jstr(e, "own_name"));
        if (jstr(e, "about")) p->about = xstrdup(jstr(e, "about"));
    }
    for (int i = 0; i < log->n; i++) {           /* roles the trainer changed before play */
        json_object *e = log->v[i];
        if (!streq(jstr(e, "ev"), "recast")) continue;
        for (int k = 0; k < P->cast.n; k++)
            if (streq(P->cast.p[k].name, jstr(e, "name"))) {
                free(P->cast.p[k].role_name);
                P->cast.p[k].role_name = xstrdup(jstr(e, "role") ? jstr(e, "role") : "");
                free(P->cast.p[k].reason);
                P->cast.p[k].reason = jstr(e, "reason") ? xstrdup(jstr(e, "reason")) : NULL;
            }
    }
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

int play_replay(Play *P, const JournalLog *log, int upto, void (*aside)(Play *, json_object *))
{
    int mismatches = 0;
    for (int i = 0; i < upto && i < log->n; i++) {
        json_object *e = log->v[i];
        const char *ev = jstr(e, "ev");
        if (aside) aside(P, e);
        if (streq(ev, "choice") && !json_object_get_boolean(json_object_object_get(e, "auto"))) {
            session_turn(P->S);
            if (session_choose_id(P->S, jstr(e, "choice") ? jstr(e, "choice") : "")) mismatches++;
        } else if (streq(ev, "inject")) {
            if (session_inject(P->S, jstr(e, "event") ? jstr(e, "event") : "")) mismatches++;
        } else if (streq(ev, "undo")) {
            session_undo(P->S, (int)jint(e, "steps", 1));
        } else if (streq(ev, "timeout")) {
            P->in_timeout = 1;
        } else if (streq(ev, "go")) {
            P->in_timeout = 0;
        }
    }
    return mismatches;
}
