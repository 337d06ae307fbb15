/*
 * cmd_sheets.c - verbeeld sheets SCENARIO --cast FILE [-o DIR]: the printed material for a live
 * session. Casts exactly as play does (the session loads the characters), then debrief/sheets.c
 * writes the pages.
 */
#include "cli/commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "cli/usage.h"
#include "debrief/prompts.h"
#include "model/cast.h"
#include "model/lexicon.h"
#include "model/load.h"
#include "model/scenario.h"
#include "print/sheets.h"
#include "runtime/session.h"

int cmd_sheets(int argc, char **argv)
{
    static const struct option opts[] = {
        {"cast", required_argument, NULL, 'c'}, {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *cast_path = NULL, *dir = ".", *lang = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:o:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': cast_path = optarg; break;
        case 'o': dir = optarg; break;
        case 'l': lang = optarg; break;
        case 'h': usage_help("sheets"); return 0;
        default: return usage_bad_option("sheets", argv, opts);
        }
    }
    if (optind != argc - 1) return usage_error("sheets", "%s", _("name one scenario"));
    if (!cast_path) return usage_error("sheets", "%s", _("--cast FILE is needed: the sheets are per participant"));
    if (lang && !i18n_known(lang)) return usage_error("sheets", _("--lang takes nl or en, not '%s'"), lang);
    if (lang) i18n_init(lang);

    char *path = paths_find_scenario(argv[optind]);
    if (!path) {
        fprintf(stderr, _("verbeeld: scenario '%s' not found (give a path to an .xml file, or one of the names that 'verbeeld list' shows)\n"), argv[optind]);
        return 1;
    }
    DiagList d;
    diag_init(&d);
    Lexicon lx;
    memset(&lx, 0, sizeof lx);
    Scenario *s = NULL;
    Cast cast = {0};
    Session *S = NULL;
    int rc = 1, have_lx = lexicon_load(&lx, paths_lexicon(), &d) == 0;
    if (have_lx) s = load_scenario(path, &lx, &d);
    if (s && cast_load(&cast, cast_path, &lx, &d) == 0) cast_check_cards(&cast, s, cast_path, &d);
    if (s && !d.errors)
        S = session_new(s, &lx, &cast, cast_path, i18n_lang(), 0, &d);
    if (S) {
        SheetRole *roles = xcalloc((size_t)s->nroles + 1, sizeof *roles);
        for (int r = 0; r < s->nroles; r++) {
            Character *ch = session_character(S, r);
            roles[r].name = ch ? ch->name : s->roles[r].id;
            roles[r].title = ch ? (streq(i18n_lang(), "en") ? ch->title_en : ch->title_nl) : NULL;
            roles[r].core = ch ? ch->quadrant_term : NULL;
        }
        char *libpath = xasprintf("%s/debrief/prompts.json", paths_data_dir());
        PromptLibrary *lib = prompts_load(libpath);
        free(libpath);
        const char *cues[SHEET_CUES] = {prompts_cue(lib, "body", i18n_lang()), prompts_cue(lib, "emotion", i18n_lang()),
                                        prompts_cue(lib, "reason", i18n_lang())};
        rc = sheets_write(s, &lx, &cast, roles, cues, i18n_lang(), dir) ? 1 : 0;
        prompts_free(lib);
        free(roles);
    }
    if (d.n) diag_print(&d, stderr);
    session_free(S);
    cast_free(&cast);
    scenario_free(s);
    if (have_lx) lexicon_free(&lx);
    diag_free(&d);
    free(path);
    return rc;
}
