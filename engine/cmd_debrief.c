/*
 * cmd_debrief.c - verbeeld debrief JOURNAL: the debrief of a session, built from its journal
 * alone (debrief/ does the work).
 */
#include "commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief.h"
#include "i18n.h"
#include "journal.h"
#include "util.h"

int cmd_debrief(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},   {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *format = "md", *out_path = NULL, *lang = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'o': out_path = optarg; break;
        case 'l': lang = optarg; break;
        case 'h': command_help("debrief"); return 0;
        default: return usage_error("debrief", "%s", _("unknown option"));
        }
    }
    if (optind != argc - 1) return usage_error("debrief", "%s", _("name one journal"));
    if (strcmp(format, "md") != 0) return usage_error("debrief", _("unknown format '%s' (md)"), format);
    if (lang && !i18n_known(lang)) return usage_error("debrief", _("--lang takes nl or en, not '%s'"), lang);

    DiagList d;
    diag_init(&d);
    JournalLog log;
    if (journal_read(argv[optind], &log, &d)) {
        diag_print(&d, stderr);
        diag_free(&d);
        return 1;
    }
    i18n_init(lang ? lang : jstr(log.v[0], "lang"));
    FILE *out = out_path ? fopen(out_path, "w") : stdout;
    int rc = 0;
    if (!out) {
        fprintf(stderr, _("verbeeld: cannot write %s\n"), out_path);
        rc = 1;
    } else {
        debrief_markdown(&log, out);
        if (out != stdout && fclose(out)) rc = 1;
    }
    journal_log_free(&log);
    diag_free(&d);
    return rc;
}
