/*
 * main.c - the verbeeld program: finds the subcommand and hands over to it (git style).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "base/cleanout.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "cli/commands.h"
#include "cli/usage.h"

/* Each command's file (cmd_*.c), by name; what they say about themselves is in usage.c.
 * `clean`: everything it prints goes through clean_text's rule (play and replay show text
 * through the console's term, which cleans it, and readline wants the real stdout). */
static const struct {
    const char *name;
    int (*run)(int, char **);
    int clean;
} runners[] = {
    {"play", cmd_play, 0},     {"replay", cmd_replay, 0},     {"debrief", cmd_debrief, 1},
    {"sheets", cmd_sheets, 1}, {"check", cmd_check, 1},       {"explore", cmd_explore, 1},
    {"graph", cmd_graph, 1},   {"quadrant", cmd_quadrant, 1}, {"list", cmd_list, 1},
    {"return", cmd_return, 0},
    {"send", cmd_send, 1},
};

int main(int argc, char **argv)
{
    paths_set_program(argv[0]);
    opterr = 0;        /* the commands name a refused option themselves (usage_bad_option) */
    i18n_set_catalog_dir(paths_locale_dir());
    i18n_init(NULL);
    if (argc < 2) {
        usage_print(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("verbeeld %s\n", VB_VERSION);
        return 0;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage_print(stdout);
        return 0;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) {
            usage_print(stdout);
            return 0;
        }
        if (usage_help(argv[2]) == 0) return 0;
        fprintf(stderr, _("verbeeld: no such command '%s'\n"), argv[2]);
        return 2;
    }
    for (size_t i = 0; i < sizeof runners / sizeof *runners; i++)
        if (strcmp(runners[i].name, cmd) == 0) {
            if (runners[i].clean) cleanout_stdio();
            return runners[i].run(argc - 1, argv + 1);
        }
    fprintf(stderr, _("verbeeld: no such command '%s'\n"), cmd);
    usage_print(stderr);
    return 2;
}
