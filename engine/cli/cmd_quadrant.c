/*
 * cmd_quadrant.c - verbeeld quadrant TERM: a core quadrant and its opposite, side by side.
 */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "cli/usage.h"
#include "model/lexicon.h"

static void print_quadrant(const char *heading, const Quadrant *q)
{
    printf("%s\n", heading);
    for (int c = 0; c < CORNERS; c++) {
        const char *nl = q->nl[c], *en = q->en[c];
        const char *first = streq(i18n_lang(), "en") ? en : nl, *second = streq(i18n_lang(), "en") ? nl : en;
        printf("  %-16s %s (%s)\n", corner_label((Corner)c), first, second);
    }
}

/* Why `typed` shows no quadrant, and what would: the quadrant a pitfall or allergy stands on,
 * the core qualities that begin with what was typed, or else all of them. */
static void not_a_core(const Lexicon *lx, const char *typed, const char *id)
{
    const char *lang = i18n_lang(), *core = id ? lexicon_core_with(lx, id, CORNER_PITFALL) : NULL;
    if (core) {
        const char *name = lexicon_name(lx, core, lang);
        fprintf(stderr, _("verbeeld: '%s' is no core quality: it is the pitfall of %s (verbeeld quadrant %s).\n"),
                typed, name, name);
        return;
    }
    StrBuf cores;
    sb_init(&cores);
    if (lexicon_cores_starting(lx, lang, typed, &cores)) {
        fprintf(stderr, _("verbeeld: '%s' is not a core quality in the lexicon. Did you mean: %s?\n"), typed, cores.s);
    } else {
        lexicon_cores(lx, lang, &cores);
        fprintf(stderr, _("verbeeld: '%s' is not a core quality in the lexicon.\n"), typed);
        fprintf(stderr, _("These are: %s\n"), cores.s);
    }
    sb_free(&cores);
}

int cmd_quadrant(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage_help("quadrant");
        return 0;
    }
    StrBuf term;
    sb_init(&term);
    for (int i = 1; i < argc; i++) {          /* a quality may be two words: "kritisch zijn" */
        const char *lang = streq(argv[i], "--lang") ? argv[i + 1] : !strncmp(argv[i], "--lang=", 7) ? argv[i] + 7 : NULL;
        if (streq(argv[i], "--lang") || lang) {
            if (!lang || !i18n_known(lang)) {
                sb_free(&term);
                return usage_error("quadrant", _("--lang takes nl or en, not '%s'"), lang ? lang : "");
            }
            i18n_init(lang);
            i += streq(argv[i], "--lang");
            continue;
        }
        if (term.len) sb_addc(&term, ' ');
        sb_add(&term, argv[i]);
    }
    if (!term.len) {
        sb_free(&term);
        return usage_error("quadrant", "%s", _("name a quality, for example: verbeeld quadrant verbinden"));
    }
    DiagList d;
    diag_init(&d);
    Lexicon lx;
    if (lexicon_load(&lx, paths_lexicon(), &d)) {
        diag_print(&d, stderr);
        diag_free(&d);
        sb_free(&term);
        return 1;
    }
    Quadrant q;
    int rc = 0;
    const char *id = lexicon_term(&lx, term.s);
    if (!id || lexicon_quadrant(&lx, id, &q)) {
        not_a_core(&lx, term.s, id);
        rc = 1;
    } else {
        Quadrant o = quadrant_opposite(&q);
        print_quadrant(_("Core quadrant:"), &q);
        printf("\n");
        print_quadrant(_("Opposite quadrant (the character to play):"), &o);
        printf("\n");
        printf(_("Playing the core quality of the opposite quadrant, %s, is practising your challenge.\n"),
               lexicon_name(&lx, o.nl[CORNER_CORE], i18n_lang()));
    }
    lexicon_free(&lx);
    diag_free(&d);
    sb_free(&term);
    return rc;
}
