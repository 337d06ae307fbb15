/*
 * usage.c - what verbeeld says about its commands: the overview, each command's help, and
 * usage errors. Every subcommand's usage, summary and details are here, in one table.
 */
#include "cli/usage.h"

#include <stdarg.h>
#include <string.h>

#include "base/i18n.h"

typedef struct {
    const char *name;
    const char *usage;
    const char *summary;
    const char *details;
} CommandText;

static const CommandText commands[] = {
    {"play",
     N_("verbeeld play SCENARIO [--cast FILE] [--lang nl|en] [--seed N] [--journal FILE] [--corners] [--rate]\n"
        "                     [--projector] [--lrs URL]\n"
        "       verbeeld play --resume JOURNAL [--corners] [--projector] [--lrs URL]"),
     N_("play a scenario, or continue a session that stopped"),
     N_("Without --cast, a short setup asks your name, core quality and learning goal, and casts\n"
        "you into a role played on your opposite quadrant. At the prompt, type the number of a\n"
        "choice, or a command: /stop [why], /go, /note [@name] TEXT, /say [@name] TEXT,\n"
        "/tag [@name] QUALITY, /inject EVENT, /back [N], /vote, /cast NAME ROLE, /who, /corners,\n"
        "/projector, /save [PATH], /help, /quit. Every step is saved in the journal as it happens.\n"
        "The corner of each choice is left for the debrief; --corners (or /corners) shows it on\n"
        "screen after each choice. --projector (or /projector) is the view for a wall: high\n"
        "contrast, whose turn it is first, no corners. --rate asks each participant to rate a\n"
        "statement about their learning goal (1 to 10) at the start and at the end.\n"
        "SCENARIO is a path or a name from 'verbeeld list' (tutorial, moveon, school).\n"
        "--lrs URL (or VERBEELD_LRS) sends the learning records to an LRS as the session goes,\n"
        "without ever holding up the game; see 'verbeeld help send'.")},
    {"replay", N_("verbeeld replay JOURNAL [--from STEP|SCENE] [--journal FILE]"),
     N_("show a recorded session again, or play on from a step: what if?"),
     N_("Without --from, the session is shown again as it was played, with its steps numbered.\n"
        "With --from, it is replayed up to that step (or the first time that scene came up) and\n"
        "you play on from there, in a new journal that records where it branched off.")},
    {"return", N_("verbeeld return JOURNAL [--cast FILE] [--journal FILE]"),
     N_("the return afternoon of a finished session: the same characters, a new situation"),
     N_("Two weeks after a session, the same participants step into the same characters once\n"
        "more. Each gets a short recap of the first session (learning goal, anchor, where they\n"
        "practised their challenge and where they fell back) and rates a statement about their\n"
        "learning goal from 1 to 10; then the scenario's return situation is played, and at the\n"
        "end they rate it again. JOURNAL is the first session's journal. --cast FILE adds or drops\n"
        "people (who was there keeps their role). The debrief of the new journal compares then\n"
        "and now.")},
    {"debrief", N_("verbeeld debrief JOURNAL [--format md|html|json|xapi] [-o FILE|DIR] [--participant NAME] [--lang nl|en]"),
     N_("the debrief of a session"),
     N_("The story as it was played, with time-outs and notes in place, and for each participant\n"
        "how their choices fell on the four corners of their character's quadrant, the moments\n"
        "that mattered, questions for reflection, an anchor and the plan for the return afternoon.\n"
        "md reads well in a terminal; html is one printable file, a page per participant; json\n"
        "holds everything (docs/debrief.schema.json); xapi writes xAPI 1.0.3 statements.\n"
        "--participant NAME writes one participant's pages only, to hand out; -o DIR writes the\n"
        "group's debrief and such a handout for everyone, one file each.")},
    {"send", N_("verbeeld send JOURNAL... --lrs URL [--auth-file FILE]"),
     N_("the sessions' xAPI statements to a learning record store, once each"),
     N_("URL is the LRS's xAPI endpoint (like https://lrs.example.org/data/xAPI/), or VERBEELD_LRS.\n"
        "The credentials come from VERBEELD_LRS_AUTH=key:secret, or from the first line of a file\n"
        "only you can read (--auth-file FILE, default ~/.config/verbeeld/lrs-auth), never from the\n"
        "command line. What the LRS acknowledged is recorded beside the journal (JOURNAL.sent), so\n"
        "sending again sends only the rest. 'verbeeld play --lrs URL' sends as the session goes\n"
        "(with --follow, which play uses); what could not go waits for the next send.")},
    {"sheets", N_("verbeeld sheets SCENARIO --cast FILE [-o DIR] [--lang nl|en]"),
     N_("printable character briefs per participant, the group's overview, and the cards as posters"),
     N_("Writes DIR/NAME.html for each participant (their character, its quadrant, their goal,\n"
        "cues for body, emotion and reason, and their private briefing when the cast file has\n"
        "one), DIR/group.html for the whole group on one A3 page (the situation, who plays whom,\n"
        "the incidents the trainer may bring in, how to step out; to pin up or project) and\n"
        "DIR/cards-DECK.html with one card per page (the school's thirty children).")},
    {"check", N_("verbeeld check SCENARIO... [--werror] [--lang nl|en]"),
     N_("validate scenarios and their characters"),
     N_("Reports every problem as file:line: error: message and exits 1 when there is any;\n"
        "--werror exits 1 on a warning too. Messages are in the language of --lang, else of\n"
        "LANGUAGE or LANG.")},
    {"explore", N_("verbeeld explore SCENARIO [--random N | --exhaustive] [--seed N] [--max-states N] [--roles LIST] [--jobs N] [--lang nl|en]"),
     N_("play automatically: endings reached, coverage, dead ends, script errors"),
     N_("Plays without a person, one explorer in each playable role, with every character's Lua\n"
        "running. --random N plays N sessions (default 200); --exhaustive visits every distinct\n"
        "state once. --roles vip,ops plays only those roles and leaves the others to their\n"
        "characters. Exits 0 when every ending was reached and nothing went wrong; 1 on a dead\n"
        "end, a script error, or an ending that no way through the story reaches; 3 when the\n"
        "search stopped at --max-states (default 1000000) before reaching every ending.")},
    {"graph", N_("verbeeld graph SCENARIO [--format dot|svg] [-o FILE]"),
     N_("the story map, for Graphviz"),
     N_("Acts are clusters, endings and incidents are drawn apart, and each choice is an arrow\n"
        "labelled and coloured by its quality. --format svg needs Graphviz's dot program.")},
    {"quadrant", N_("verbeeld quadrant TERM [--lang nl|en]"),
     N_("a core quadrant and its opposite, from the lexicon"), ""},
    {"list", N_("verbeeld list"), N_("the scenarios verbeeld can find"), ""},
};

#define NCOMMANDS (sizeof commands / sizeof *commands)

void usage_print(FILE *out)
{
    fprintf(out, "%s\n\n", _("verbeeld - Live Action Learning at the terminal"));
    fprintf(out, "%s\n", _("Usage: verbeeld COMMAND [ARGS]"));
    for (size_t i = 0; i < NCOMMANDS; i++) fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
    fprintf(out, "\n%s\n", _("'verbeeld help COMMAND' tells more. Start with: verbeeld play tutorial"));
}

int usage_help(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0) {
            printf("%s %s\n\n%s\n", _("Usage:"), _(commands[i].usage), _(commands[i].summary));
            if (*commands[i].details) printf("\n%s\n", _(commands[i].details));
            return 0;
        }
    return -1;
}

int usage_error(const char *name, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "verbeeld %s: ", name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            fprintf(stderr, "%s %s\n", _("Usage:"), _(commands[i].usage));
    return 2;
}

int usage_bad_option(const char *name, char *const argv[], const struct option *opts)
{
    const char *typed = argv[optind - 1];
    for (const struct option *o = opts; optopt && o->name; o++)
        if (o->val == optopt && o->has_arg == required_argument)
            return usage_error(name, _("%s needs a value"), typed);
    return usage_error(name, _("unknown option '%s'"), typed);
}
