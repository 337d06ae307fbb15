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
#include "base/util.h"
#include "cli/usage.h"
#include "console/loop.h"
#include "console/play.h"
#include "console/prompt.h"
#include "console/revisit.h"
#include "console/setup.h"
#include "console/show.h"
#include "console/term.h"
#include "lrs/auth.h"
#include "lrs/http.h"
#include "lrs/live.h"

typedef struct {
    const char *scenario, *cast, *lang, *journal, *resume;
    const char *lrs, *auth_file;  /* send as the session goes (--lrs or VERBEELD_LRS) */
    Live *live;
    unsigned long long seed;
    int seed_given;
    int corners;
    int rate;
    int projector;
} PlayArgs;

/* ============================== learning records as the session goes ============================== */

/* A child process sends what the journal holds to the LRS while the game goes on: the game
 * never waits on the network (lrs/live.c). */
static void start_sending(Play *P, const PlayArgs *a)
{
    if (!a->lrs) return;
    char *err = NULL;
    if (live_start(a->live, P->J.path, a->lrs, a->auth_file, &err)) {
        term_alert(err);
        free(err);
        return;
    }
    char *msg = xasprintf(_("Learning records go to %s as the session goes."), a->lrs);
    term_notice(msg);
    free(msg);
}

/* The last send, waited for a little while (VERBEELD_LRS_WAIT seconds, 15 unless set): then
 * what arrived and what waits, as the sending said it. */
static void finish_sending(const PlayArgs *a, const char *journal)
{
    if (!a->live->pid) return;
    const char *v = getenv("VERBEELD_LRS_WAIT");
    int wait = v && atoi(v) >= 0 && atoi(v) <= 600 ? atoi(v) : 15;
    term_notice(_("Sending the learning records to the LRS..."));
    char *said = live_finish(a->live, wait);
    if (!said) {
        char *msg = xasprintf(_("The LRS has not answered yet; the sending goes on in the background. "
                                "'verbeeld send %s --lrs %s' sends what is left and tells what arrived."),
                              journal, a->lrs);
        term_notice(msg);
        free(msg);
        return;
    }
    for (char *line = strtok(said, "\n"); line; line = strtok(NULL, "\n")) term_notice(line);
    free(said);
}

/* --lrs: a wrong address or a file of credentials others can read is said before the game. */
static int check_lrs(PlayArgs *a)
{
    if (!a->lrs) a->lrs = getenv("VERBEELD_LRS");
    if (a->lrs && !*a->lrs) a->lrs = NULL;
    if (!a->lrs) return 0;
    char *why = NULL, *auth = NULL;
    if (http_url_check(a->lrs, &why) || auth_load(a->auth_file, &auth, &why)) {
        fprintf(stderr, "verbeeld play: %s\n", why);
        free(why);
        return 1;
    }
    free(auth);
    return 0;
}

/* ============================== a new session ============================== */

/* A setup stopped after everyone was named (the end of input at a card or a character): who
 * they are and what they came to learn is kept in a cast file, so that the group starts again
 * from it instead of typing it all once more. */
static int unfinished(Play *P, const PlayArgs *a)
{
    char *journal = journal_path_for(a->journal, P->s->id);
    char *castfile = xasprintf("%s.cast.xml", journal);
    setup_write_cast(P, castfile);
    if (access(castfile, R_OK) == 0) {
        fprintf(stderr, _("verbeeld: the setup was not finished; who plays is kept in %s. Start again with:\n"), castfile);
        StrBuf cmd;
        sb_init(&cmd);
        sb_addf(&cmd, "%s play ", paths_program());
        sb_shell_word(&cmd, a->scenario);
        sb_add(&cmd, " --cast ");
        sb_shell_word(&cmd, castfile);
        fprintf(stderr, "  %s\n", cmd.s);
        sb_free(&cmd);
    } else {
        fprintf(stderr, "%s\n", _("verbeeld: the setup was not finished; nothing was saved"));
    }
    free(castfile);
    free(journal);
    return 1;
}

static int new_session(Play *P, const PlayArgs *a)
{
    DiagList d;
    diag_init(&d);
    if (play_load(P, a->scenario, &d) || (a->cast && cast_load(&P->cast, a->cast, P->lx, &d))) goto fail;
    if (a->cast) cast_check_cards(&P->cast, P->s, a->cast, &d);
    if (d.errors) goto fail;
    char *err = NULL;
    if (journal_check(a->journal, P->s->id, &err)) {       /* before the setup asks anything */
        fprintf(stderr, "verbeeld: %s\n", err);
        free(err);
        diag_free(&d);
        return 1;
    }
    term_heading(text_get(&P->s->title, i18n_lang(), scenario_fallback(P->s)));
    if (P->s->summary.n) term_text(text_get(&P->s->summary, i18n_lang(), scenario_fallback(P->s)));
    if (!a->cast && setup_people(P)) {
        fprintf(stderr, "%s\n", _("verbeeld: the setup was not finished; nothing was saved"));
        return 1;
    }
    P->S = session_new(P->s, P->lx, &P->cast, a->cast ? a->cast : "setup", i18n_lang(), a->seed, &d);
    if (!P->S) goto fail;
    session_set_output(P->S, show_output, P);
    if (!a->cast && setup_own_character(P)) return unfinished(P, a);
    setup_show_cast(P);
    if (setup_picks(P)) return unfinished(P, a);
    if (journal_create(&P->J, a->journal, P->s->id, &err)) {
        fprintf(stderr, "verbeeld: %s\n", err);
        free(err);
        return 1;
    }
    play_journal_start(P, a->cast, a->seed, NULL);
    play_journal_cast(P);
    if (P->corners || P->projector) play_journal_view(P);
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
    if (a->rate) revisit_rate(P, "before");
    prompt_wait_to_begin(P);
    if (!P->quit) session_start(P->S);          /* quit at the wait: the story was not begun */
    diag_free(&d);
    start_sending(P, a);
    return loop_run(P);
fail:
    diag_print(&d, stderr);
    diag_free(&d);
    return 1;
}

/* ============================== resuming ============================== */

static int resume_session(Play *P, const PlayArgs *a)
{
    DiagList d;
    diag_init(&d);
    JournalLog log;
    if (journal_resume(&P->J, a->resume, &log, &d)) {
        diag_print(&d, stderr);
        diag_free(&d);
        return 1;
    }
    JournalRecord start;
    record_read(log.v[0], &start);
    i18n_init(a->lang ? a->lang : start.lang);
    const char *scenario = start.path;
    if (!scenario || access(scenario, R_OK)) scenario = start.scenario;
    unsigned long long seed = (unsigned long long)start.seed;
    if (!scenario || play_load(P, scenario, &d)) goto fail;
    play_cast_from_journal(P, &log);
    play_count_from_journal(P, &log, log.n);
    P->S = session_new(P->s, P->lx, &P->cast, a->resume, i18n_lang(), seed, &d);
    if (!P->S) goto fail;
    session_set_output(P->S, show_output, P);
    P->S->quiet = 1;
    revisit_start(P, &log);
    int mismatches = play_replay(P, &log, log.n, NULL);
    if (a->corners) P->corners = 1;        /* asked for now, over what the journal says */
    if (a->projector) P->projector = 1;
    term_set_projector(P->projector);
    session_turn(P->S);          /* the engine's own turns that follow, quietly as well */
    P->S->quiet = 0;

    char *err = NULL;
    size_t cut = 0;
    if (journal_continue(&P->J, &log, &cut, &err)) {
        fprintf(stderr, "verbeeld: %s\n", err);
        free(err);
        goto fail;
    }
    JournalRecord r = {.kind = REC_RESUME, .cut_bytes = (long long)cut};
    RECORD_SET(&r, dropped, log.dropped);
    RECORD_SET(&r, mismatches, mismatches);
    play_record(P, &r);
    term_heading(text_get(&P->s->title, i18n_lang(), scenario_fallback(P->s)));
    /* Steps, not choices: the characters' moves are steps too, numbered as replay --from takes them. */
    char *msg = P->S->steps ? xasprintf(_("Resuming the session in %s, after step %d."), a->resume, P->S->steps)
                            : xasprintf(_("Resuming the session in %s, from its start."), a->resume);
    term_notice(msg);
    free(msg);
    if (P->nballots) {
        msg = xasprintf(_("A vote was under way when the session stopped; %d of %d had voted. /vote goes on with it."),
                        P->nballots, P->cast.n);
        term_notice(msg);
        free(msg);
    }
    if (cut) {
        msg = xasprintf(ngettext("The last line of the journal was cut off (the program was stopped while writing it): "
                                 "its %zu byte, half an entry, was removed from the file. Everything before it is kept.",
                                 "The last line of the journal was cut off (the program was stopped while writing it): "
                                 "its %zu bytes, half an entry, were removed from the file. Everything before it is kept.",
                                 cut), cut);
        term_notice(msg);
        free(msg);
    }
    if (mismatches) term_alert(_("Some choices in the journal no longer fit the scenario (was it changed?) and were skipped."));
    journal_log_free(&log);
    diag_free(&d);
    if (session_stuck(P->S)) {
        term_alert(_("This session stopped where the scenario had no way on: there is nothing to play on."));
        return 1;
    }
    if (session_over(P->S)) {
        term_notice(_("This session has already ended."));
        return 0;
    }
    P->last_act = -1;
    session_show(P->S);
    P->journaling = 1;
    start_sending(P, a);
    return loop_run(P);
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
        {"corners", no_argument, NULL, 'k'},     {"rate", no_argument, NULL, 'R'},
        {"lrs", required_argument, NULL, 'u'},   {"auth-file", required_argument, NULL, 'a'},
        {"projector", no_argument, NULL, 'p'},
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
        case 'k': a->corners = 1; break;
        case 'R': a->rate = 1; break;
        case 'u': a->lrs = optarg; break;
        case 'a': a->auth_file = optarg; break;
        case 'p': a->projector = 1; break;
        case 'h': usage_help("play"); exit(0);
        default: return usage_bad_option("play", argv, opts);
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
    Live live = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc) return rc;
    if (check_lrs(&a)) return 1;
    a.live = &live;
    if (a.lang || !a.resume) i18n_init(a.lang);
    term_init();
    Play P;
    play_init(&P);
    P.corners = a.corners;
    P.projector = a.projector;
    term_set_projector(a.projector);
    rc = a.resume ? resume_session(&P, &a) : new_session(&P, &a);
    finish_sending(&a, P.J.path);
    play_free(&P);
    fflush(stdout);
    return rc;
}
