/*
 * cmd_play.c - verbeeld play: set up a session (cast file or solo setup), or resume one from
 * its journal, and run the loop of turns until an ending, /quit or the end of input.
 */
#include "cli/commands.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "console/play.h"
#include "console/term.h"
#include "base/util.h"

typedef struct {
    const char *scenario, *cast, *lang, *journal, *resume;
    unsigned long long seed;
    int seed_given;
} PlayArgs;

/* ============================== the loop ============================== */

/* A key for the turn, so its choices are listed once, not after every command. */
static char *turn_key(Play *P, const Turn *t)
{
    return xasprintf("%d/%d/%d/%d", P->S->scene, t->participant, P->S->steps, P->S->ninputs);
}

static void handle_number(Play *P, const char *line, const Turn *t)
{
    char *end;
    long k = strtol(line, &end, 10);
    while (*end == ' ') end++;
    if (end == line || *end) {
        term_alert(_("Type the number of a choice, or /help."));
        return;
    }
    if (P->in_timeout) {
        term_alert(_("It is a time-out: type /go to play on first."));
        return;
    }
    if (k < 1 || k > t->noptions) {
        char *msg = xasprintf(_("Choose a number from 1 to %d."), t->noptions);
        term_alert(msg);
        free(msg);
        return;
    }
    session_choose(P->S, (int)k - 1);
}

static void announce_end(Play *P)
{
    if (P->S->ending >= 0) {
        json_object *e = journal_entry("end");
        json_object_object_add(e, "steps", json_object_new_int(P->S->steps));
        play_journal(P, e);
    }
    term_blank();
    char *msg = P->S->ending >= 0
        ? xasprintf(_("The game is over. The debrief is ready:\n  verbeeld debrief %s\n"
                      "  verbeeld debrief %s --format html -o debrief.html   (to print or project)"),
                    P->J.path, P->J.path)
        : xasprintf(_("The session is saved. Continue it with:\n  verbeeld play --resume %s"), P->J.path);
    term_alert(msg);
    free(msg);
}

int play_run_loop(Play *P)
{
    prompt_completions(P);
    P->started = play_clock();
    if (P->J.path) {
        char *history = xasprintf("%s.history", P->J.path);
        term_history(history);
        free(history);
    }
    if (P->in_timeout) P->paused_since = P->started;
    while (!P->quit) {
        const Turn *t = session_turn(P->S);
        if (!t) break;
        char *key = turn_key(P, t);
        if (!P->turn_key || strcmp(key, P->turn_key)) {
            play_show_choices(P, t);
            free(P->turn_key);
            P->turn_key = key;
        } else {
            free(key);
        }
        if (term_interactive()) play_status(P);
        char *prompt = play_prompt(P, t);
        char *line = term_read(prompt);
        free(prompt);
        if (!line) {
            json_object *e = journal_entry("quit");
            json_object_object_add(e, "why", json_object_new_string("end of input"));
            play_journal(P, e);
            break;
        }
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p && !prompt_command(P, p)) handle_number(P, p, t);
        free(line);
    }
    announce_end(P);
    return 0;
}

/* ============================== a new session ============================== */

static void journal_start(Play *P, const PlayArgs *a)
{
    json_object *e = journal_entry("start");
    json_object_object_add(e, "format", json_object_new_string(JOURNAL_FORMAT));
    json_object_object_add(e, "version", json_object_new_int(JOURNAL_VERSION));
    json_object_object_add(e, "program", json_object_new_string(VB_VERSION));
    json_object_object_add(e, "scenario", json_object_new_string(P->s->id));
    json_object_object_add(e, "scenario_version", json_object_new_int(P->s->version));
    char *abs = realpath(P->s->path, NULL);
    json_object_object_add(e, "path", json_object_new_string(abs ? abs : P->s->path));
    free(abs);
    json_object_object_add(e, "title", json_object_new_string(text_get(&P->s->title, i18n_lang(), scenario_fallback(P->s))));
    json_object_object_add(e, "lang", json_object_new_string(i18n_lang()));
    json_object_object_add(e, "seed", json_object_new_int64((int64_t)a->seed));
    if (a->cast) json_object_object_add(e, "cast", json_object_new_string(a->cast));
    play_journal(P, e);
}

static void journal_cast(Play *P)
{
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *p = &P->cast.p[i];
        Character *ch = session_character(P->S, p->role);
        json_object *e = journal_entry("participant");
        json_object_object_add(e, "name", json_object_new_string(p->name));
        json_object_object_add(e, "core", json_object_new_string(p->core));
        json_object_object_add(e, "goal", json_object_new_string(p->goal));
        json_object_object_add(e, "role", json_object_new_string(P->s->roles[p->role].id));
        json_object_object_add(e, "character", json_object_new_string(ch->name));
        json_object_object_add(e, "character_core", json_object_new_string(ch->quadrant_term));
        if (p->reason) json_object_object_add(e, "reason", json_object_new_string(p->reason));
        if (p->card) json_object_object_add(e, "card", json_object_new_string(p->card));
        play_journal(P, e);
    }
}

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
    P->s = scenario_load(path, P->lx, d);
    free(path);
    return P->s ? 0 : -1;
}

static int new_session(Play *P, const PlayArgs *a)
{
    DiagList d;
    diag_init(&d);
    if (play_load(P, a->scenario, &d) || (a->cast && cast_load(&P->cast, a->cast, P->lx, &d))) goto fail;
    if (a->cast) setup_check_cards(P, a->cast, &d);
    if (d.errors) goto fail;
    term_heading(text_get(&P->s->title, i18n_lang(), scenario_fallback(P->s)));
    if (P->s->summary.n) term_text(text_get(&P->s->summary, i18n_lang(), scenario_fallback(P->s)));
    if (!a->cast && setup_solo(P)) {
        fprintf(stderr, "%s\n", _("verbeeld: the setup was not finished; nothing was saved"));
        return 1;
    }
    P->S = session_new(P->s, P->lx, &P->cast, a->cast ? a->cast : "setup", i18n_lang(), a->seed, &d);
    if (!P->S) goto fail;
    session_set_output(P->S, play_output, P);
    setup_show_cast(P);
    if (setup_picks(P)) {
        fprintf(stderr, "%s\n", _("verbeeld: the setup was not finished; nothing was saved"));
        return 1;
    }
    char *err = NULL;
    if (journal_create(&P->J, a->journal, P->s->id, &err)) {
        fprintf(stderr, "verbeeld: %s\n", err);
        free(err);
        return 1;
    }
    journal_start(P, a);
    journal_cast(P);
    if (!a->cast) {
        char *castfile = xasprintf("%s.cast.xml", P->J.path);
        setup_write_cast(P, castfile);
        free(castfile);
    }
    {
        char *msg = xasprintf(_("Journal: %s  (/help lists the commands)"), P->J.path);
        term_notice(msg);
        free(msg);
    }
    session_seat_cast(P->S);       /* the picks added cards */
    P->journaling = 1;
    session_start(P->S);
    diag_free(&d);
    return play_run_loop(P);
fail:
    diag_print(&d, stderr);
    diag_free(&d);
    return 1;
}

/* ============================== resuming ============================== */

/* Rebuild the cast from the journal's participant entries. */
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

static int resume_session(Play *P, const PlayArgs *a)
{
    DiagList d;
    diag_init(&d);
    JournalLog log;
    if (journal_read(a->resume, &log, &d)) {
        diag_print(&d, stderr);
        diag_free(&d);
        return 1;
    }
    json_object *start = log.v[0];
    i18n_init(a->lang ? a->lang : jstr(start, "lang"));
    const char *scenario = jstr(start, "path");
    if (!scenario || access(scenario, R_OK)) scenario = jstr(start, "scenario");
    unsigned long long seed = (unsigned long long)jint(start, "seed", 0);
    if (!scenario || play_load(P, scenario, &d)) goto fail;
    play_cast_from_journal(P, &log);
    P->S = session_new(P->s, P->lx, &P->cast, a->resume, i18n_lang(), seed, &d);
    if (!P->S) goto fail;
    session_set_output(P->S, play_output, P);
    P->S->quiet = 1;
    session_start(P->S);
    int mismatches = play_replay(P, &log, log.n, NULL);
    session_turn(P->S);          /* the engine's own turns that follow, quietly as well */
    P->S->quiet = 0;

    char *err = NULL;
    if (journal_append_to(&P->J, a->resume, &err)) {
        fprintf(stderr, "verbeeld: %s\n", err);
        free(err);
        goto fail;
    }
    json_object *e = journal_entry("resume");
    json_object_object_add(e, "dropped", json_object_new_int(log.dropped));
    json_object_object_add(e, "mismatches", json_object_new_int(mismatches));
    play_journal(P, e);
    term_heading(text_get(&P->s->title, i18n_lang(), scenario_fallback(P->s)));
    char *msg = xasprintf(ngettext("Resuming the session in %s, after %d choice.",
                                   "Resuming the session in %s, after %d choices.", P->S->steps),
                          a->resume, P->S->steps);
    term_notice(msg);
    free(msg);
    if (log.dropped) term_notice(_("The last line of the journal was cut off (the program was stopped while writing it) and is left out."));
    if (mismatches) term_alert(_("Some choices in the journal no longer fit the scenario (was it changed?) and were skipped."));
    journal_log_free(&log);
    diag_free(&d);
    if (session_over(P->S)) {
        term_notice(_("This session has already ended."));
        return 0;
    }
    P->last_act = -1;
    session_show(P->S);
    P->journaling = 1;
    return play_run_loop(P);
fail:
    journal_log_free(&log);
    diag_print(&d, stderr);
    diag_free(&d);
    return 1;
}

/* ============================== arguments ============================== */

static int parse_args(int argc, char **argv, PlayArgs *a)
{
    static const struct option opts[] = {
        {"cast", required_argument, NULL, 'c'},  {"lang", required_argument, NULL, 'l'},
        {"seed", required_argument, NULL, 's'},  {"journal", required_argument, NULL, 'j'},
        {"resume", required_argument, NULL, 'r'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    memset(a, 0, sizeof *a);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:l:s:j:r:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': a->cast = optarg; break;
        case 'l':
            if (!i18n_known(optarg)) return usage_error("play", _("--lang takes nl or en, not '%s'"), optarg);
            a->lang = optarg;
            break;
        case 's': {
            char *end;
            a->seed = strtoull(optarg, &end, 10);
            if (!*optarg || *end) return usage_error("play", _("--seed takes a number, not '%s'"), optarg);
            a->seed_given = 1;
            break;
        }
        case 'j': a->journal = optarg; break;
        case 'r': a->resume = optarg; break;
        case 'h': command_help("play"); exit(0);
        default: return usage_error("play", "%s", _("unknown option"));
        }
    }
    if (a->resume && optind < argc) return usage_error("play", "%s", _("--resume takes a journal, not a scenario as well"));
    if (!a->resume && optind != argc - 1) return usage_error("play", "%s", _("name one scenario to play"));
    if (!a->resume) a->scenario = argv[optind];
    if (!a->seed_given) a->seed = (unsigned long long)journal_now() ^ ((unsigned long long)getpid() << 16);
    return 0;
}

int cmd_play(int argc, char **argv)
{
    PlayArgs a;
    int rc = parse_args(argc, argv, &a);
    if (rc) return rc;
    if (a.lang || !a.resume) i18n_init(a.lang);
    term_init();
    Play P;
    memset(&P, 0, sizeof P);
    P.J.fd = -1;
    P.last_act = -1;
    rc = a.resume ? resume_session(&P, &a) : new_session(&P, &a);
    free(P.turn_key);
    session_free(P.S);
    cast_free(&P.cast);
    scenario_free((Scenario *)P.s);
    lexicon_free(&P.lexicon);
    journal_close(&P.J);
    fflush(stdout);
    return rc;
}
