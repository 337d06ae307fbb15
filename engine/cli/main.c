/*
 * main.c - the verbeeld program: finds the subcommand and hands over to it (git style).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"

typedef struct {
    const char *name;
    int (*run)(int, char **);
    const char *usage;
    const char *summary;
    const char *details;
} Subcommand;

static const Subcommand subcommands[] = {
    {"play", cmd_play,
     N_("verbeeld play SCENARIO [--cast FILE] [--lang nl|en] [--seed N] [--journal FILE]\n"
        "       verbeeld play --resume JOURNAL"),
     N_("play a scenario, or continue a session that stopped"),
     N_("Without --cast, a short setup asks your name, core quality and learning goal, and casts\n"
        "you into the role built on your opposite quadrant. At the prompt, type the number of a\n"
        "choice, or a command: /stop [why], /go, /note [@name] TEXT, /inject EVENT, /back [N],\n"
        "/who, /save, /help, /quit. Every step is saved in the journal as it happens.\n"
        "SCENARIO is a path or a name from 'verbeeld list' (tutorial, moveon, school).")},
    {"replay", cmd_replay, N_("verbeeld replay JOURNAL [--from STEP|SCENE] [--journal FILE]"),
     N_("show a recorded session again, or play on from a step: what if?"),
     N_("Without --from, the session is shown again as it was played, with its steps numbered.\n"
        "With --from, it is replayed up to that step (or the first time that scene came up) and\n"
        "you play on from there, in a new journal that records where it branched off.")},
    {"debrief", cmd_debrief, N_("verbeeld debrief JOURNAL [--format md|html|json|xapi] [-o FILE] [--lang nl|en]"),
     N_("the debrief of a session"),
     N_("The story as it was played, with time-outs and notes in place, and for each participant\n"
        "how their choices fell on the four corners of their character's quadrant, the moments\n"
        "that mattered, questions for reflection, an anchor and the plan for the return afternoon.\n"
        "md reads well in a terminal; html is one printable file, a page per participant; json\n"
        "holds everything (docs/debrief.schema.json); xapi writes xAPI 1.0.3 statements.")},
    {"sheets", cmd_sheets, N_("verbeeld sheets SCENARIO --cast FILE [-o DIR] [--lang nl|en]"),
     N_("printable character briefs per participant, and the scenario's cards as posters"),
     N_("Writes DIR/NAME.html for each participant (their character, its quadrant, their goal,\n"
        "cues for body, emotion and reason, and their private briefing when the cast file has\n"
        "one) and DIR/cards-DECK.html with one card per page (the school's thirty children).")},
    {"check", cmd_check, N_("verbeeld check SCENARIO..."),
     N_("validate scenarios and their characters"),
     N_("Reports every problem as file:line: error: message and exits 1 when there is any.")},
    {"explore", cmd_explore, N_("verbeeld explore SCENARIO [--random N | --exhaustive] [--seed N] [--max-states N] [--roles LIST] [--jobs N]"),
     N_("play automatically: endings reached, coverage, dead ends, script errors"),
     N_("Plays without a person, one explorer in each playable role, with every character's Lua\n"
        "running. --random N plays N sessions (default 200); --exhaustive visits every distinct\n"
        "state once. --roles vip,ops plays only those roles and leaves the others to their\n"
        "characters. Exits 1 when an ending is never reached, or on a dead end or a script error.")},
    {"graph", cmd_graph, N_("verbeeld graph SCENARIO [--format dot|svg] [-o FILE]"),
     N_("the story map, for Graphviz"),
     N_("Acts are clusters, endings and incidents are drawn apart, and each choice is an arrow\n"
        "labelled and coloured by its quality. --format svg needs Graphviz's dot program.")},
    {"quadrant", cmd_quadrant, N_("verbeeld quadrant TERM"),
     N_("a core quadrant and its opposite, from the lexicon"), ""},
    {"list", cmd_list, N_("verbeeld list"), N_("the scenarios verbeeld can find"), ""},
};

#define NSUB (sizeof subcommands / sizeof *subcommands)

static void print_usage(FILE *out)
{
    fprintf(out, "%s\n\n", _("verbeeld - Live Action Learning at the terminal"));
    fprintf(out, "%s\n", _("Usage: verbeeld COMMAND [ARGS]"));
    for (size_t i = 0; i < NSUB; i++) fprintf(out, "  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
    fprintf(out, "\n%s\n", _("'verbeeld help COMMAND' tells more. Start with: verbeeld play tutorial"));
}

int command_help(const char *name)
{
    for (size_t i = 0; i < NSUB; i++)
        if (strcmp(subcommands[i].name, name) == 0) {
            printf("%s %s\n\n%s\n", _("Usage:"), _(subcommands[i].usage), _(subcommands[i].summary));
            if (*subcommands[i].details) printf("\n%s\n", _(subcommands[i].details));
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
    for (size_t i = 0; i < NSUB; i++)
        if (strcmp(subcommands[i].name, name) == 0)
            fprintf(stderr, "%s %s\n", _("Usage:"), _(subcommands[i].usage));
    return 2;
}

int main(int argc, char **argv)
{
    i18n_set_catalog_dir(paths_locale_dir());
    i18n_init(NULL);
    if (argc < 2) {
        print_usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("verbeeld %s\n", VB_VERSION);
        return 0;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        print_usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) {
            print_usage(stdout);
            return 0;
        }
        if (command_help(argv[2]) == 0) return 0;
        fprintf(stderr, _("verbeeld: no such command '%s'\n"), argv[2]);
        return 2;
    }
    for (size_t i = 0; i < NSUB; i++)
        if (strcmp(subcommands[i].name, cmd) == 0) return subcommands[i].run(argc - 1, argv + 1);
    fprintf(stderr, _("verbeeld: no such command '%s'\n"), cmd);
    print_usage(stderr);
    return 2;
}
