/*
 * loop.c - the turns of a session at the console: list the choices, prompt, read a line, and
 * hand it to the prompt's commands or take the numbered choice, until the story ends.
 */
#include "console/loop.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "console/prompt.h"
#include "console/revisit.h"
#include "console/setup.h"
#include "console/show.h"
#include "console/term.h"

/* ============================== the loop ============================== */

/* A key for the turn, so its choices are listed once, not after every command. */
static char *turn_key(Play *P, const Turn *t)
{
    return xasprintf("%d/%d/%d/%d", P->S->scene, t->participant, P->S->steps, P->S->ninputs);
}

static void handle_number(Play *P, const char *line, const Turn *t)
{
    int k = play_pick(P, t->options, t->noptions, line);
    char *end;
    (void)strtol(line, &end, 10);
    while (*end == ' ') end++;
    if (line[0] != '=' && (end == line || *end)) {
        /* in a time-out people talk: what is said there is kept with /note, not chosen */
        term_alert(P->in_timeout ? _("It is a time-out: /note TEXT keeps what is said, /go plays on.")
                                 : _("Type the number of a choice, or /help."));
        return;
    }
    if (P->in_timeout) {
        term_alert(_("It is a time-out: type /go to play on first."));
        return;
    }
    if (!k && line[0] == '=') {
        term_alert(_("No choice with that id is offered here."));
        return;
    }
    if (!k) {
        char *msg = xasprintf(_("Choose a number from 1 to %d."), t->noptions);
        term_alert(msg);
        free(msg);
        return;
    }
    session_choose(P->S, k - 1);
}

/* A journal that cannot be written: ask where to save the session before leaving. Returns 0
 * when it is saved, 1 when the trainer gave up (the session is lost, and said so). */
static int save_before_leaving(Play *P)
{
    play_sync(P);
    while (P->J.fd >= 0 && P->J.failed) {
        char *msg = xasprintf(_("The session is NOT saved: the journal %s cannot be written. Type a path to save it "
                                "to, or an empty line to leave without saving."), P->J.path);
        term_alert(msg);
        free(msg);
        char *line = term_read(_("Save to: "));
        char *p = line;
        while (p && (*p == ' ' || *p == '\t')) p++;
        if (!p || !*p) {
            free(line);
            fprintf(stderr, "verbeeld: %s\n", _("the session was NOT saved"));
            return 1;
        }
        char *err = NULL;
        if (journal_save_as(&P->J, p, &err)) {
            term_alert(err);
            free(err);
        }
        free(line);
    }
    return 0;
}

static int announce_end(Play *P)
{
    if (P->S->ending >= 0) {
        JournalRecord r = {.kind = REC_END};
        RECORD_SET(&r, steps, P->S->steps);
        play_record(P, &r);
        if (P->rate) revisit_rate(P, "after");
        setup_anchors(P);
    }
    if (save_before_leaving(P)) return 1;
    term_blank();
    StrBuf path;                     /* the journal, as one word for the shell */
    sb_init(&path);
    sb_shell_word(&path, P->J.path ? P->J.path : "JOURNAL");
    char *cmd;
    if (session_stuck(P->S)) {         /* nothing to resume: say so, and what there is */
        term_alert(_("The scenario has no way on from here (see above): the session stops. What was "
                     "played is in the journal, and its debrief can be made:"));
        term_command(cmd = xasprintf("%s debrief %s", paths_program(), path.s));
        free(cmd);
        sb_free(&path);
        return 1;
    }
    if (P->S->ending >= 0) {
        term_alert(_("The game is over. The debrief is ready:"));
        term_command(cmd = xasprintf("%s debrief %s", paths_program(), path.s));
        free(cmd);
        term_alert(_("To print or project it:"));
        term_command(cmd = xasprintf("%s debrief %s --format html -o debrief.html", paths_program(), path.s));
    } else {
        term_alert(_("The session is saved. Continue it with:"));
        term_command(cmd = xasprintf("%s play --resume %s", paths_program(), path.s));
    }
    free(cmd);
    sb_free(&path);
    return 0;
}

int loop_run(Play *P)
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
            show_choices(P, t);
            free(P->turn_key);
            P->turn_key = key;
        } else {
            free(key);
        }
        if (term_interactive()) show_status(P);
        char *prompt = show_prompt(P, t);
        char *line = term_read(prompt);
        free(prompt);
        if (!line) {
            play_record(P, &(JournalRecord){.kind = REC_QUIT, .why = "end of input"});
            break;
        }
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p && !prompt_command(P, p)) handle_number(P, p, t);
        free(line);
    }
    return announce_end(P);
}
