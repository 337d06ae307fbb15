/*
 * cmd_check.c - verbeeld check SCENARIO...: every problem of a scenario and its characters, in
 * one run, as file:line: error: message, sorted.
 */
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cast.h"
#include "i18n.h"
#include "paths.h"
#include "scenario.h"
#include "session.h"
#include "util.h"

/* Load the scenario and bring every character to life once, as a session would. */
static void check_one(const char *name, const Lexicon *lx, DiagList *d)
{
    char *path = paths_find_scenario(name);
    if (!path) {
        diag_add(d, DIAG_ERROR, name, 0, _("scenario not found"));
        return;
    }
    DiagList sd;
    diag_init(&sd);
    Scenario *s = scenario_load(path, lx, &sd);
    if (s) {
        Cast cast = {0};
        Session *S = session_new(s, lx, &cast, path, scenario_fallback(s), 0, &sd);
        session_free(S);
        cast_free(&cast);
    }
    for (int i = 0; i < sd.n; i++) diag_add(d, sd.v[i].level, sd.v[i].file, sd.v[i].line, "%s", sd.v[i].message);
    diag_free(&sd);
    scenario_free(s);
    free(path);
}

int cmd_check(int argc, char **argv)
{
    int werror = 0, first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "--werror") == 0) werror = 1;
        else if (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0) return command_help("check"), 0;
        else return usage_error("check", _("unknown option '%s'"), argv[first]);
    }
    if (first >= argc) return usage_error("check", "%s", _("name at least one scenario"));
    DiagList d;
    diag_init(&d);
    Lexicon lx;
    if (lexicon_load(&lx, paths_lexicon(), &d) == 0)
        for (int i = first; i < argc; i++) check_one(argv[i], &lx, &d);
    diag_print(&d, stderr);
    int rc = d.errors || (werror && d.warnings) ? 1 : 0;
    if (!rc) {
        printf(ngettext("%d scenario checked: ", "%d scenarios checked: ", argc - first), argc - first);
        printf(ngettext("no errors, %d warning.\n", "no errors, %d warnings.\n", d.warnings), d.warnings);
    } else {
        fprintf(stderr, ngettext("%d error, ", "%d errors, ", d.errors), d.errors);
        fprintf(stderr, ngettext("%d warning.\n", "%d warnings.\n", d.warnings), d.warnings);
    }
    diag_free(&d);
    lexicon_free(&lx);
    return rc;
}
