/*
 * cmd_replay.c - verbeeld replay JOURNAL [--from STEP|SCENE]: a recorded session shown again,
 * or, from a step, replayed up to there and continued live in a new journal: "what if I had
 * chosen differently".
 *
 * Steps are the choices entered, numbered in the order of the journal; replay shows the
 * numbers, so a participant can pick the moment that was hard.
 */
#include "cli/commands.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cli/usage.h"
#include "console/loop.h"
#include "console/play.h"
#include "console/revisit.h"
#include "console/show.h"
#include "console/term.h"

static int is_entered_choice(const JournalRecord *e)
{
    return e->kind == REC_CHOICE && !e->automatic;
}

/* Show what the journal holds besides the story itself, at its moment. */
static void show_aside(Play *P, const JournalRecord *e)
{
    (void)P;
    char *line = NULL;
    if (is_entered_choice(e)) {
        static int step;
        line = xasprintf(_("[step %d]"), ++step);
    } else if (e->kind == REC_TIMEOUT) {
        line = e->why ? xasprintf(_("⏸ Time-out: %s"), e->why) : xstrdup(_("⏸ Time-out"));
    } else if (e->kind == REC_GO) {
        line = xstrdup(_("▶ Back into the fiction"));
    } else if (e->kind == REC_NOTE) {
        line = e->about ? xasprintf(_("✎ Note about %s: %s"), e->about, e->text ? e->text : "")
                        : xasprintf(_("✎ Note: %s"), e->text ? e->text : "");
    } else if (e->kind == REC_SAY) {
        term_say(e->character ? e->character : e->by ? e->by : "?", 0, e->text ? e->text : "");
    } else if (e->kind == REC_UNDO) {
        line = xasprintf(ngettext("↶ %lld choice taken back", "↶ %lld choices taken back", (long long)e->steps),
                         (long long)e->steps);
    }
    if (line) term_notice(line);
    free(line);
}

/* Whether `from` can name a moment at all: a step (1, 2, ...), or a scene's id or title as the
 * replay shows it (no control characters; a number is a step). */
static int moment_form(const char *from)
{
    size_t n = strlen(from);
    if (n == 0 || n > 200) return 0;
    if (strspn(from, "0123456789") == n) return from[0] != '0' && n <= 9;
    for (const char *p = from; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) return 0;
    return 1;
}

/* The index of the first journal entry that is not replayed: the (step)th entered choice
 * (counting from 1), or the first entry into scene `from`, named by its id or its title as
 * shown (case aside). -1 when there is no such moment. */
static int branch_point(const JournalLog *log, const char *from)
{
    char *end;
    long step = strtol(from, &end, 10);
    int by_step = *from && !*end;
    int seen = 0;
    for (int i = 1; i < log->n; i++) {
        JournalRecord e;
        record_read(log->v[i], &e);
        int here = by_step ? is_entered_choice(&e) && ++seen == step
                           : e.kind == REC_SCENE && (streq(e.scene, from) || (e.title && !strcasecmp(e.title, from)));
        record_free(&e);
        if (here) return i;
    }
    return -1;
}

/* The first entry at or after `cut` at which the original session waited for the room: a
 * choice a participant entered, or an incident the trainer started; log->n when none. What lies
 * between a scene named by --from and that entry (the characters' moves) follows from the
 * replay as it did then, so the branch is there: replayed up to it, the session has taken those
 * moves, and the new journal holds them once. */
static int waiting_point(const JournalLog *log, int cut)
{
    for (; cut < log->n; cut++) {
        JournalRecord e;
        record_read(log->v[cut], &e);
        int waited = is_entered_choice(&e) || e.kind == REC_INJECT;
        record_free(&e);
        if (waited) break;
    }
    return cut;
}

/* The new journal: the original's entries before the branch, then where it branched off. */
static int start_branch(Play *P, const JournalLog *log, int cut, const char *original, const char *path,
                        const char *from)
{
    char *err = NULL;
    if (journal_create(&P->J, path, P->s->id, &err)) {
        fprintf(stderr, "verbeeld: %s\n", err);
        free(err);
        return -1;
    }
    for (int i = 0; i < cut; i++) play_journal(P, json_object_get(log->v[i]));
    char *abs = realpath(original, NULL);
    JournalRecord r = {.kind = REC_BRANCH, .from_journal = abs ? abs : original, .from = from};
    RECORD_SET(&r, entry, cut);
    play_record(P, &r);
    free(abs);
    return 0;
}

static int replay(const char *journal, const char *from, const char *out_path, const char *lang)
{
    DiagList d;
    diag_init(&d);
    JournalLog log;
    if (journal_read(journal, &log, &d)) {
        diag_print(&d, stderr);
        diag_free(&d);
        return 1;
    }
    JournalRecord start;
    record_read(log.v[0], &start);
    i18n_init(lang ? lang : start.lang);
    term_init();
    Play P;
    play_init(&P);
    int rc = 1, cut = log.n;
    const char *scenario = start.path;
    if (!scenario || access(scenario, R_OK)) scenario = start.scenario;
    if (from && !moment_form(from)) {      /* said in the journal's language, as what follows */
        char *shown = clean_text(from);
        rc = usage_error("replay", _("--from takes a step number (1, 2, ...) or a scene, not '%s'"), shown);
        free(shown);
        goto done;
    }
    if (from && (cut = branch_point(&log, from)) < 0) {
        char *shown = clean_text(from);
        rc = usage_error("replay", _("the journal has no step or scene '%s' (replay it without --from to see the steps)"),
                         shown);
        free(shown);
        goto done;
    }
    if (from) cut = waiting_point(&log, cut);
    if (!scenario || play_load(&P, scenario, &d)) goto done;
    play_cast_from_journal(&P, &log);
    P.S = session_new(P.s, P.lx, &P.cast, journal, i18n_lang(), (unsigned long long)start.seed, &d);
    if (!P.S) goto done;
    session_set_output(P.S, show_output, &P);
    term_heading(text_get(&P.s->title, i18n_lang(), scenario_fallback(P.s)));
    revisit_start(&P, &log);
    play_replay(&P, &log, cut, show_aside);
    if (!from) {
        term_notice(_("End of the recording."));
        rc = 0;
        goto done;
    }
    session_turn(P.S);                      /* the characters' moves up to the branch */
    if (session_over(P.S)) {
        term_alert(_("From there on the story had nothing left to choose: the recording ends as it did."));
        goto done;
    }
    if (start_branch(&P, &log, cut, journal, out_path, from)) goto done;
    play_count_from_journal(&P, &log, cut);  /* the time-outs of the part played again count */
    char *msg = xasprintf(_("From here on you play again. New journal: %s"), P.J.path);
    term_alert(msg);
    free(msg);
    P.journaling = 1;
    rc = loop_run(&P);
done:
    if (rc && d.n) diag_print(&d, stderr);
    play_free(&P);
    journal_log_free(&log);
    diag_free(&d);
    fflush(stdout);
    return rc;
}

int cmd_replay(int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'f'}, {"journal", required_argument, NULL, 'j'},
        {"lang", required_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *from = NULL, *journal = NULL, *lang = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:j:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': from = optarg; break;
        case 'j': journal = optarg; break;
        case 'l':
            if (!i18n_known(optarg)) return usage_error("replay", _("--lang takes nl or en, not '%s'"), optarg);
            lang = optarg;
            break;
        case 'h': usage_help("replay"); return 0;
        default: return usage_bad_option("replay", argv, opts);
        }
    }
    if (optind != argc - 1) return usage_error("replay", "%s", _("name one journal"));
    if (journal && !from) return usage_error("replay", "%s", _("--journal is for the new session that --from starts"));
    return replay(argv[optind], from, journal, lang);
}
