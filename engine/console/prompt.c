/*
 * prompt.c - the commands at the prompt: /stop, /go, /note, /inject, /back, /who, /save,
 * /help, /quit. Anyone may step out of the fiction at any prompt; it is recorded, never punished.
 */
#include "console/prompt.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "console/people.h"
#include "console/setup.h"
#include "console/show.h"
#include "console/term.h"

typedef struct {
    const char *name;
    const char *args;
    const char *help;
    void (*run)(Play *P, const char *arg);
} Command;

/* An empty text typed after a command is no text: left out of the journal. */
static const char *typed(const char *s)
{
    return s && *s ? s : NULL;
}

static const char *scene_id(Play *P)
{
    return P->S->scene >= 0 ? P->s->scenes[P->S->scene].id : NULL;
}

/* ============================== the commands ============================== */

/* The one alone, or the one whose turn it is; NULL on the group's turn. */
static const char *current_participant(Play *P)
{
    if (P->cast.n == 1) return P->cast.p[0].name;
    const Turn *t = P->S->scene >= 0 ? session_turn(P->S) : NULL;
    return t && t->participant >= 0 ? P->cast.p[t->participant].name : NULL;
}

/* The participant an "@name" at the start of `arg` names (their name as in the cast), NULL when
 * there is none; *unknown set when it names nobody here (the room was told who is). */
static const char *about(Play *P, const char *arg, const char **rest, int *unknown)
{
    int i = people_named(P, arg, rest);
    *unknown = i == PEOPLE_UNKNOWN;
    return i >= 0 ? P->cast.p[i].name : NULL;
}

static void cmd_stop(Play *P, const char *arg)
{
    const char *why;
    int unknown;
    const char *who = about(P, arg, &why, &unknown);
    if (unknown) return;
    /* Without @name, the one alone; in a group nobody in particular: the trainer at the
     * keyboard, or the room, may call it on anyone's turn, and "you stepped out of the game" on
     * the handout of whoever's turn it was would not be true. */
    if (!who && P->cast.n == 1) who = P->cast.p[0].name;
    JournalRecord r = {.kind = REC_TIMEOUT, .who = typed(who), .why = typed(why), .scene = typed(scene_id(P))};
    RECORD_SET(&r, step, P->S->steps);
    play_record(P, &r);
    if (!P->in_timeout) {
        P->paused_since = play_clock();
        P->timeouts++;
    }
    P->in_timeout = 1;
    const char *msg = _("Time-out. Step out of the fiction, take the time you need. Type /go to play on.");
    if (P->projector) term_banner(msg);
    else term_alert(msg);
}

static void cmd_go(Play *P, const char *arg)
{
    (void)arg;
    if (!P->in_timeout) {
        term_notice(_("The game is running; /stop calls a time-out."));
        return;
    }
    play_record(P, &(JournalRecord){.kind = REC_GO});
    P->paused += play_clock() - P->paused_since;
    P->in_timeout = 0;
    term_alert(_("Back into the fiction."));
    free(P->turn_key);                /* the choices again, where the story stood */
    P->turn_key = NULL;
}

static void cmd_note(Play *P, const char *arg)
{
    const char *text;
    int unknown;
    const char *who = about(P, arg, &text, &unknown);
    if (unknown) return;
    if (!*text) {
        term_alert(_("Usage: /note [@name] TEXT"));
        return;
    }
    if (!who && P->cast.n == 1) who = P->cast.p[0].name;     /* alone, a note is about oneself */
    JournalRecord r = {.kind = REC_NOTE, .about = typed(who), .text = text, .scene = typed(scene_id(P))};
    RECORD_SET(&r, step, P->S->steps);
    if (play_record(P, &r) == 0) term_notice(_("Noted."));
    else term_alert(_("Noted in memory only: the journal cannot be written. /save PATH writes it to another place."));
}

/* Who the trainer means: the one named, else the one whose turn it is (or the one alone). -1,
 * after saying why, when nobody is named and the turn is the group's. */
static int speaker(Play *P, const char *arg, const char **rest, const char *usage)
{
    int i = people_named(P, arg, rest);
    if (i == PEOPLE_UNKNOWN) return -1;
    if (i >= 0) return i;
    const char *name = current_participant(P);
    for (int k = 0; name && k < P->cast.n; k++)
        if (P->cast.p[k].name == name) return k;
    term_alert(usage);
    people_list(P);
    return -1;
}

/* What a participant said in character, in their own words around (or instead of) an option:
 * shown as their character's line, and kept for their debrief. */
static void cmd_say(Play *P, const char *arg)
{
    const char *text;
    int i = speaker(P, arg, &text, _("The group has the turn: say who said it, /say @name TEXT. These are here:"));
    if (i < 0) return;
    if (!*text) {
        term_alert(_("Usage: /say [@name] TEXT"));
        return;
    }
    const Participant *p = &P->cast.p[i];
    const char *character = p->role >= 0 ? session_role_name(P->S, p->role) : p->name;
    term_say(character, p->role >= 0 ? p->role : 0, text);
    JournalRecord r = {.kind = REC_SAY, .by = p->name, .role = p->role >= 0 ? P->s->roles[p->role].id : NULL,
                       .character = p->role >= 0 ? character : NULL, .text = text, .scene = typed(scene_id(P))};
    RECORD_SET(&r, step, P->S->steps);
    play_record(P, &r);
    play_did(P, i, NULL, text);
}

/* The trainer places what a participant last did on a quality: what they saw in it, which may
 * not be the quality of the option picked. It counts in the participant's corners, apart. */
static void cmd_tag(Play *P, const char *arg)
{
    const char *quality;
    int i = people_named(P, arg, &quality);
    if (i == PEOPLE_UNKNOWN) return;
    if (i < 0) i = P->last_doer - 1;
    if (!*quality) {
        term_alert(_("Usage: /tag [@name] QUALITY (Tab completes the qualities)"));
        return;
    }
    if (i < 0 || !P->deeds || !P->deeds[i].text) {
        char *msg = i < 0 ? xstrdup(_("Nobody has said or chosen anything yet."))
                          : xasprintf(_("%s has not said or chosen anything yet."), P->cast.p[i].name);
        term_alert(msg);
        free(msg);
        return;
    }
    const char *id = lexicon_term(P->lx, quality);
    if (!id) {
        char *msg = xasprintf(_("‘%s’ is not a quality in the lexicon. Tab completes the qualities; where one lies:"),
                              quality);
        term_alert(msg);
        free(msg);
        msg = xasprintf("%s quadrant %s", paths_program(), _("TERM"));
        term_command(msg);
        free(msg);
        return;
    }
    const Participant *p = &P->cast.p[i];
    const Quadrant *q = p->role >= 0 ? session_quadrant(P->S, i, p->role) : NULL;
    Corner corner = q ? quadrant_corner(q, id) : CORNER_NONE;
    const Deed *d = &P->deeds[i];
    JournalRecord r = {.kind = REC_TAG, .by = p->name, .quality = id, .corner = corner != CORNER_NONE ? corner_id(corner) : NULL,
                       .choice = d->choice, .text = d->text, .scene = typed(scene_id(P))};
    RECORD_SET(&r, step, P->S->steps);
    play_record(P, &r);
    /* The words it is placed on, so that the trainer sees which of them it was: the last thing
     * done may lie a scene back. */
    char *words = utf8_clip(d->text, 80);
    char *label = P->projector || corner == CORNER_NONE ? NULL
                : show_corner_label(P, i, corner, session_role_name(P->S, p->role));
    char *msg = !label && q && corner == CORNER_NONE && !P->projector   /* a quality off their quadrant: kept, and said */
        ? xasprintf(_("Tagged for %s's debrief: %s (not on the quadrant %s plays), on \u201c%s\u201d."), p->name,
                    lexicon_name(P->lx, id, P->S->lang), p->name, words)
        : !label
        ? xasprintf(_("Tagged for %s's debrief: %s, on \u201c%s\u201d."), p->name, lexicon_name(P->lx, id, P->S->lang), words)
        : xasprintf(_("Tagged for %s's debrief: %s (%s), on \u201c%s\u201d."), p->name, lexicon_name(P->lx, id, P->S->lang),
                    label, words);
    free(label);
    term_notice(msg);
    free(msg);
    free(words);
}

static void cmd_back(Play *P, const char *arg)
{
    long n = *arg ? strtol(arg, NULL, 10) : 1;
    if (n < 1 || n > 1000000) {
        term_alert(_("Usage: /back [N], N at least 1"));
        return;
    }
    int undone = session_undo(P->S, (int)n);
    if (!undone) {
        term_alert(_("There is no choice to undo."));
        return;
    }
    JournalRecord r = {.kind = REC_UNDO};
    RECORD_SET(&r, steps, undone);
    play_record(P, &r);
    play_forget_ballots(P);           /* as a resume reads the undo: a vote cut off by it is over */
    char *msg = xasprintf(ngettext("Undone: %d choice.", "Undone: %d choices.", undone), undone);
    term_alert(msg);
    free(msg);
    P->journaling = 0;
    P->last_act = -1;
    session_show(P->S);
    P->journaling = 1;
    if (P->S->scene >= 0) {           /* the story goes on from here: say where */
        const Scene *sc = &P->s->scenes[P->S->scene];
        play_record(P, &(JournalRecord){.kind = REC_SCENE, .scene = sc->id, .after_undo = 1,
                                        .title = text_get(&sc->title, P->S->lang, scenario_fallback(P->s))});
    }
    free(P->turn_key);
    P->turn_key = NULL;
}

/* Whether incident i may start now (its if="..." holds). */
static int startable(Play *P, int i)
{
    char *why = session_unavailable(P->S, P->s->events[i].id);
    free(why);
    return !why;
}

/* The incidents that may start now (`now` 1) or not (0), by their names in the language
 * played. */
static void list_incidents(Play *P, int now)
{
    for (int i = 0; i < P->s->nevents; i++)
        if (startable(P, i) == now)
            term_entry(scenario_event_name(P->s, i, P->S->lang), 16,
                       text_get(&P->s->events[i].title, P->S->lang, scenario_fallback(P->s)));
}

/* A trainer who asks which incidents there are sees first those that can start now: a list
 * that offered all of them invited one that was then refused, in front of the group. */
static void cmd_inject(Play *P, const char *arg)
{
    if (!*arg || scenario_event_named(P->s, arg, P->S->lang) < 0) {
        term_alert(*arg ? _("There is no such incident.") : _("Usage: /inject EVENT"));
        if (!P->s->nevents) {
            term_printf("%s\n", _("This scenario has no incidents."));
            return;
        }
        int now = 0;
        for (int i = 0; i < P->s->nevents; i++) now += startable(P, i);
        term_printf("%s\n", now ? _("These can be started now:") : _("None can be started now."));
        list_incidents(P, 1);
        if (now < P->s->nevents) {
            term_printf("%s\n", _("Not now (type one to hear why):"));
            list_incidents(P, 0);
        }
        return;
    }
    char *why = session_unavailable(P->S, arg);
    if (why) {                                    /* its if="..." does not hold now */
        term_alert(why);
        free(why);
        return;
    }
    session_inject(P->S, arg);
    free(P->turn_key);
    P->turn_key = NULL;
}

/* Whom participant p plays: the role, and the card picked for it as the posters show it
 * ("Dounia El Amrani · Sem"). Freed by the caller. */
static char *role_and_card(const Play *P, const Participant *p)
{
    const Card *c = scenario_card(P->s, p->card, NULL);
    const char *role = session_role_name(P->S, p->role);
    return c ? xasprintf("%s · %s", role, deck_card_name(c, P->S->lang)) : xstrdup(role);
}

static void cmd_who(Play *P, const char *arg)
{
    (void)arg;
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *p = &P->cast.p[i];
        int pad = 12 - (int)utf8_width(p->name, strlen(p->name));
        char *whom = role_and_card(P, p);
        char *who = xasprintf("%s%*s %s", p->name, pad > 0 ? pad : 0, "", whom);
        free(whom);
        char *goal = p->goal && *p->goal ? xasprintf("%s: %s", _("goal"), p->goal) : xstrdup("");
        term_entry(who, 37, goal);
        free(goal);
        free(who);
    }
    /* Alone, who you are: after a resume the brief was not shown again. (In a group it stays
     * off the wall.) */
    if (P->cast.n == 1 && P->cast.p[0].role >= 0) {
        term_blank();
        setup_show_brief(P, &P->cast.p[0]);
    }
}

static void cmd_save(Play *P, const char *arg)
{
    char *msg = NULL, *err = NULL;
    if (!*arg) {
        msg = P->J.failed ? xasprintf(_("The journal %s cannot be written: the session is NOT saved. Type /save PATH "
                                        "to write it to another place."), P->J.path)
                          : xasprintf(_("Everything is already in the journal: %s"), P->J.path);
        if (P->J.failed) term_alert(msg);
        else term_notice(msg);
    } else if (journal_save_as(&P->J, arg, &err)) {
        term_alert(err);
        free(err);
    } else {
        msg = xasprintf(_("The session is saved in %s; the journal goes on there."), P->J.path);
        term_notice(msg);
    }
    free(msg);
}

static void cmd_quit(Play *P, const char *arg)
{
    play_record(P, &(JournalRecord){.kind = REC_QUIT, .why = typed(arg)});
    P->quit = 1;
}

static void cmd_pause(Play *P, const char *arg)
{
    (void)arg; (void)P;
    term_alert(_("Paused. Press Enter to play on, /note to write something down, /quit to stop (the session is saved)."));
}

/* What a voter hears whose answer chose nothing: the numbers there are, when they typed one,
 * as at the prompt. */
static void vote_again(const char *line, int noptions)
{
    char *end;
    (void)strtol(line, &end, 10);
    if (end == line || *end) {
        term_alert(_("Type the number of a choice."));
        return;
    }
    char *msg = xasprintf(_("Choose a number from 1 to %d."), noptions);
    term_alert(msg);
    free(msg);
}

/* The option (1..n) participant p voted for in this scene before the vote was broken off (by a
 * command, or a stop and a resume), said again; 0 when they had not voted. */
static long ballot_before_stop(Play *P, const Scene *sc, const int *options, int n, const Participant *p)
{
    if (!P->ballot_scene || strcmp(P->ballot_scene, sc->id)) return 0;
    for (int b = 0; b < P->nballots; b++) {
        if (strcmp(P->ballots[b].by, p->name)) continue;
        for (int k = 0; k < n; k++)
            if (!strcmp(sc->choices[options[k]].id, P->ballots[b].choice)) {
                char *msg = xasprintf(_("%s has already voted: %d."), p->name, k + 1);
                term_notice(msg);
                free(msg);
                return k + 1;
            }
    }
    return 0;
}

/* The length of the command word of `line` as prompt_command reads it: up to a space, blanks
 * at the end left off ("/stop\t" is /stop). */
static size_t command_len(const char *line)
{
    size_t n = strcspn(line, " ");
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t')) n--;
    return n;
}

/* Whether the command word of `line` is one of `names`, a NULL-ended list. */
static int command_in(const char *line, const char *const *names)
{
    size_t n = command_len(line);
    for (; *names; names++)
        if (strlen(*names) == n && !strncmp(*names, line, n)) return 1;
    return 0;
}

/* Whether a voter's line is a command that breaks the vote off: one that stops the game or moves
 * the story (/inject with an incident). Any other command, or a typo, is answered and the vote
 * goes on. */
static int breaks_vote(const char *line)
{
    static const char *const breaking[] = {"/stop", "/quit", "/pause", "/back", "/vote", "/cast", NULL};
    size_t n = command_len(line);
    if (n == 7 && !strncmp(line, "/inject", n)) return line[n + strspn(line + n, " \t")] != '\0';
    return command_in(line, breaking);
}

/* Each participant votes; the majority decides, a tie goes back to the trainer. Each vote is
 * journaled as it is typed (a ballot), and found again after a stop. Anyone may step out of
 * the fiction while voting: /stop, /quit or a command that moves the story breaks the vote off
 * (the ballots typed are kept for the next /vote) and is carried out; a /note and the like are
 * carried out and the vote goes on. */
static void cmd_vote(Play *P, const char *arg)
{
    (void)arg;
    const Turn *t = P->S->scene >= 0 ? session_turn(P->S) : NULL;
    if (!t || t->participant >= 0 || P->cast.n < 2) {
        term_alert(_("A vote is for a decision the group takes together."));
        return;
    }
    if (P->in_timeout) {
        term_alert(_("It is a time-out: type /go to play on first."));
        return;
    }
    const Scene *sc = &P->s->scenes[P->S->scene];
    int n = t->noptions, *options = xcalloc((size_t)n, sizeof *options), *tally = xcalloc((size_t)n, sizeof *tally);
    memcpy(options, t->options, (size_t)n * sizeof *options);
    JournalRecord vote = {.kind = REC_VOTE, .scene = sc->id, .votes = xcalloc((size_t)P->cast.n, sizeof *vote.votes)};
    char *command = NULL;                 /* the line that broke the vote off */
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *p = &P->cast.p[i];
        char *prompt = xasprintf(_("%s (%s) votes — "), p->name, session_role_name(P->S, p->role));
        long k = ballot_before_stop(P, sc, options, n, p);
        int typed_now = k == 0;
        while (k < 1 || k > n) {
            char *line = term_read(prompt);
            if (!line) break;
            if (line[0] == '/' && breaks_vote(line)) {
                command = line;
                break;
            }
            if (line[0] == '/') prompt_command(P, line);
            else if (!(k = play_pick(P, options, n, line))) vote_again(line, n);
            free(line);
        }
        free(prompt);
        if (k < 1 || k > n) {
            int undo = command && !strncmp(command, "/back", 5);    /* takes the vote back with the choice */
            term_alert(undo      ? _("The vote is broken off.")
                       : command ? _("The vote is broken off; the votes cast are kept, and /vote takes it up again.")
                                 : _("The vote was not finished; the group still decides."));
            record_free(&vote);
            free(options);
            free(tally);
            if (command) prompt_command(P, command);
            free(command);
            return;
        }
        tally[k - 1]++;
        const Choice *c = &sc->choices[options[k - 1]];
        Corner corner = session_corner(P->S, i, p->role, c);
        vote.votes[vote.nvotes++] = (RecordVote){.by = p->name, .choice = c->id, .quality = session_term(P->S, i, p->role, c),
                                                 .corner = corner != CORNER_NONE ? corner_id(corner) : NULL};
        const RecordVote *v = &vote.votes[vote.nvotes - 1];      /* kept at once: a stop loses no vote */
        if (typed_now) {
            JournalRecord ballot = {.kind = REC_BALLOT, .scene = sc->id, .by = v->by, .choice = v->choice,
                                    .quality = v->quality, .corner = v->corner};
            play_record(P, &ballot);
            play_keep_ballot(P, &ballot);
        }
    }
    play_forget_ballots(P);
    int best = 0, tie = 0;
    for (int k = 1; k < n; k++) {
        if (tally[k] > tally[best]) { best = k; tie = 0; }
        else if (tally[k] == tally[best]) tie = 1;
    }
    if (!tie) vote.result = sc->choices[options[best]].id;
    play_record(P, &vote);
    record_free(&vote);
    if (tie) term_alert(_("The votes are tied: the trainer enters what the group decides."));
    else {
        char *words = session_choice_text(P->S, t->participant, t->role, &sc->choices[options[best]]);
        char *msg = xasprintf(_("With %d of %d votes the group chose: %s"), tally[best], P->cast.n, words);
        free(words);
        term_notice(msg);
        free(msg);
        session_choose(P->S, best);
    }
    free(options);
    free(tally);
}

/* Journal and show where participant `who` now stands (role, reason), as the cast is now. */
static void announce_place(Play *P, int who)
{
    const Participant *p = &P->cast.p[who];
    int r = p->role;
    play_record(P, &(JournalRecord){.kind = REC_RECAST, .name = p->name, .role = P->s->roles[r].id,
                                    .character = session_role_name(P->S, r),
                                    .character_core = p->character_core, .reason = p->reason});
    term_notice(p->reason);
}

/* Before the first choice, the trainer may cast someone in another role. */
static void cmd_cast(Play *P, const char *arg)
{
    if (P->S->steps > 0 || P->S->ninputs > 0) {
        term_alert(_("The cast can only change before the first choice."));
        return;
    }
    /* NAME as /note takes it: in any case, with or without '@', or the character's name. */
    const char *role_id = strrchr(arg, ' ');
    int who = PEOPLE_NONE, r = role_id ? scenario_role(P->s, role_id + 1) : -1;
    if (role_id) {
        char *named = xasprintf("@%.*s", (int)(role_id - arg) - (*arg == '@'), arg + (*arg == '@'));
        const char *rest;
        who = people_named(P, named, &rest);
        if (who >= 0 && *rest) who = PEOPLE_NONE;          /* more words than a name: the usage */
        free(named);
        if (who == PEOPLE_UNKNOWN) return;         /* the room was told who is here */
    }
    if (who < 0 || r < 0 || !P->s->roles[r].playable) {
        term_alert(_("Usage: /cast NAME ROLE, with ROLE one of the playable roles:"));
        for (int i = 0; i < P->s->nroles; i++)
            if (P->s->roles[i].playable) term_entry(P->s->roles[i].id, 12, session_role_name(P->S, i));
        return;
    }
    /* The one who played that role alone takes over the role left free: a swap, so no role
     * ends up with two players while another has none. */
    int old = P->cast.p[who].role, other = -1, shared = 0;
    for (int i = 0; i < P->cast.n; i++) {
        if (i != who && P->cast.p[i].role == r) other = other < 0 ? i : -2;
        if (i != who && P->cast.p[i].role == old) shared = 1;
    }
    int swap = other >= 0 && old >= 0 && old != r && !shared;
    session_recast(P->S, who, r, 1);
    if (swap) {
        session_recast(P->S, other, old, 1);
        session_recast(P->S, who, r, 1);         /* its reason as the cast stands after the swap */
    }
    announce_place(P, who);
    if (swap) announce_place(P, other);
    P->journaling = 0;
    session_restart(P->S);
    P->last_act = -1;
    session_show(P->S);
    P->journaling = 1;
    free(P->turn_key);
    P->turn_key = NULL;
}

/* Corners on screen label people in front of the group; the trainer decides. */
static void cmd_corners(Play *P, const char *arg)
{
    (void)arg;
    P->corners = !P->corners;
    play_journal_view(P);
    term_notice(P->corners ? _("The corner of each choice is now shown after it.")
                           : _("Corners are no longer shown; the debrief has them."));
}

/* The view for a wall, or back to the one for a screen; the choices are shown again in it. */
static void cmd_projector(Play *P, const char *arg)
{
    (void)arg;
    P->projector = !P->projector;
    term_set_projector(P->projector);
    play_journal_view(P);
    term_notice(P->projector ? _("The projector view: high contrast, whose turn it is first, no corners.")
                             : _("The screen view again."));
    free(P->turn_key);
    P->turn_key = NULL;
}

static void cmd_help(Play *P, const char *arg);

static const Command commands[] = {
    {"/stop", N_("[why]"), N_("step out of the fiction: a time-out"), cmd_stop},
    {"/go", "", N_("back into the fiction"), cmd_go},
    {"/note", N_("[@name] TEXT"), N_("write down an observation, kept with this moment"), cmd_note},
    {"/say", N_("[@name] TEXT"), N_("what someone said in character, in their own words"), cmd_say},
    {"/tag", N_("[@name] QUALITY"), N_("place what someone last said or chose on a quality"), cmd_tag},
    {"/inject", N_("EVENT"), N_("start a prepared incident"), cmd_inject},
    {"/back", "[N]", N_("undo the last choice (or the last N)"), cmd_back},
    {"/vote", "", N_("let each participant vote on a group decision"), cmd_vote},
    {"/cast", N_("NAME ROLE"), N_("before the first choice: cast someone in another role"), cmd_cast},
    {"/who", "", N_("who plays whom"), cmd_who},
    {"/corners", "", N_("show or hide the corner of each choice on screen"), cmd_corners},
    {"/projector", "", N_("switch to the view for a wall, and back"), cmd_projector},
    {"/save", N_("[PATH]"), N_("where the session is saved; with PATH: save it there and go on there"), cmd_save},
    {"/help", "", N_("this list"), cmd_help},
    {"/quit", "", N_("stop; continue later with play --resume"), cmd_quit},
    {"/pause", "", NULL, cmd_pause},
};

#define NCOMMANDS (sizeof commands / sizeof *commands)

static void cmd_help(Play *P, const char *arg)
{
    (void)P; (void)arg;
    term_printf("%s\n", _("Type the number of a choice, or a command:"));
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (!commands[i].help) continue;
        char *head = xasprintf("%s %s", commands[i].name, *commands[i].args ? _(commands[i].args) : "");
        term_entry(head, 22, _(commands[i].help));
        free(head);
    }
}

/* "Anke → Dounia El Amrani · Sem": who plays whom, one line each, with the card picked. */
static void show_cast_again(Play *P)
{
    term_heading(_("Who plays whom"));
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *p = &P->cast.p[i];
        char *whom = role_and_card(P, p);
        char *line = xasprintf("%s → %s", p->name, whom);
        free(whom);
        term_alert(line);
        free(line);
    }
    term_blank();
}

/* The commands that make sense before the first scene: the others need a turn, and /cast
 * restarts the story to show it again (it works at the first choice). */
static int before_the_story(const char *line)
{
    static const char *const ok[] = {"/who", "/note", "/help", "/quit", "/save", NULL};
    return command_in(line, ok);
}

void prompt_wait_to_begin(Play *P)
{
    if (!term_interactive()) return;
    if (P->s->npicks) show_cast_again(P);
    term_drop_typeahead();
    while (!P->quit) {
        char *line = term_read(_("Enter: the story begins. "));
        if (!line) {
            play_record(P, &(JournalRecord){.kind = REC_QUIT, .why = "end of input"});
            P->quit = 1;
            break;
        }
        int begin = line[0] != '/';
        if (streq(line, "/pause")) {
            /* Ctrl-C: not yet */
        } else if (!begin && before_the_story(line)) {
            prompt_command(P, line);
        } else if (!begin) {
            term_alert(_("Enter begins the story; that command works from the first choice on (/cast too). "
                         "Before it: /who, /note, /help, /quit."));
        }
        free(line);
        if (begin) break;
    }
}

int prompt_command(Play *P, const char *line)
{
    if (line[0] != '/') return 0;
    char *copy = xstrdup(line);           /* without trailing blanks (Tab completion adds one) */
    size_t len = strlen(copy);
    while (len && (copy[len - 1] == ' ' || copy[len - 1] == '\t')) copy[--len] = '\0';
    size_t n = strcspn(copy, " ");
    const char *arg = copy + n;
    while (*arg == ' ') arg++;
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strlen(commands[i].name) == n && strncmp(commands[i].name, copy, n) == 0) {
            commands[i].run(P, arg);
            free(copy);
            return 1;
        }
    free(copy);
    term_alert(_("Unknown command. /help lists the commands."));
    return 1;
}

static void add_word(const char *w, void *ud)
{
    StrBuf *b = ud;
    sb_add(b, w);
    sb_addc(b, '\n');
}

/* "@Name" for each participant and "@First" for each character's first name, once each. */
static void add_names(Play *P, StrBuf *b)
{
    for (int i = 0; i < P->cast.n; i++) sb_addf(b, "@%s\n", P->cast.p[i].name);
    for (int i = 0; P->S && i < P->cast.n; i++) {
        if (P->cast.p[i].role < 0) continue;
        const char *ch = session_role_name(P->S, P->cast.p[i].role);
        char *first = xasprintf("@%.*s\n", (int)strcspn(ch, " "), ch);
        if (!strstr(b->s, first)) sb_add(b, first);
        free(first);
    }
}

/* ============================== tab completion ============================== */

/* A list of words for Tab: the words of `all`, one a line. */
typedef struct {
    char *all;
    const char **words;
} WordList;

static WordList commands_list, incidents_list, names_list, tag_list;

/* Make `list` the words of b (taken), freeing what it held. */
static void word_list_take(WordList *list, StrBuf *b)
{
    free(list->words);
    free(list->all);
    size_t n = 0;
    for (size_t i = 0; i < b->len; i++) n += b->s[i] == '\n';
    list->all = sb_take(b);
    list->words = xcalloc(n + 1, sizeof *list->words);
    size_t k = 0;
    char *save = NULL;
    for (char *w = strtok_r(list->all, "\n", &save); w; w = strtok_r(NULL, "\n", &save)) list->words[k++] = w;
}

/* What Tab offers on `line`: the commands for its first word, then what that command takes
 * (the incidents after /inject, the people and qualities after /tag, the people after /note
 * and /say), and nothing else: the whole lexicon after /inject buried the three incidents. */
static const char *const *words_for_line(const char *line)
{
    size_t n = strcspn(line, " ");
    if (line[n] != ' ') return line[0] == '/' ? commands_list.words : NULL;
    if (n == 7 && !strncmp(line, "/inject", n)) return incidents_list.words;
    if (n == 4 && !strncmp(line, "/tag", n)) return tag_list.words;
    if ((n == 5 && !strncmp(line, "/note", n)) || (n == 4 && !strncmp(line, "/say", n))) return names_list.words;
    return NULL;
}

void prompt_completions(Play *P)
{
    const char *lang = P->S ? P->S->lang : NULL;
    StrBuf b;
    sb_init(&b);
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (commands[i].help) add_word(commands[i].name, &b);
    word_list_take(&commands_list, &b);
    sb_init(&b);
    for (int i = 0; i < P->s->nevents; i++) add_word(scenario_event_name(P->s, i, lang), &b);
    word_list_take(&incidents_list, &b);
    sb_init(&b);
    add_names(P, &b);
    word_list_take(&names_list, &b);
    sb_init(&b);
    add_names(P, &b);
    if (P->lx) lexicon_each_term(P->lx, lang ? lang : "nl", add_word, &b);
    word_list_take(&tag_list, &b);
    term_set_completion_chooser(words_for_line);
}
