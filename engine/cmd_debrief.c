/*
 * cmd_debrief.c - verbeeld debrief JOURNAL: the debrief of a session in Markdown, HTML, JSON or
 * xAPI, built from its journal (and its scenario, when still there); debrief/ does the work.
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

typedef int (*Writer)(const Debrief *, FILE *);

static Writer writer_for(const char *format)
{
    static const struct { const char *name; Writer w; } formats[] = {
        {"md", debrief_markdown}, {"markdown", debrief_markdown}, {"html", debrief_html},
        {"json", debrief_json},   {"xapi", debrief_xapi},
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (streq(format, formats[i].name)) return formats[i].w;
    return NULL;
}

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
    Writer write = writer_for(format);
    if (!write) return usage_error("debrief", _("unknown format '%s' (md, html, json or xapi)"), format);
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
    Debrief db;
    debrief_build(&db, &log, argv[optind], i18n_lang());
    /* Write to a temporary file next to the target and rename it, so that a failed run never
     * leaves half a debrief where the trainer expects a whole one. */
    char *tmp = out_path ? xasprintf("%s.tmp", out_path) : NULL;
    FILE *out = tmp ? fopen(tmp, "w") : stdout;
    int rc = 0;
    if (!out) {
        fprintf(stderr, _("verbeeld: cannot write %s\n"), out_path);
        rc = 1;
    } else {
        if (write(&db, out)) rc = 1;
        if (out != stdout) {
            if (fclose(out)) rc = 1;
            if (rc || rename(tmp, out_path)) {
                fprintf(stderr, _("verbeeld: cannot write %s\n"), out_path);
                remove(tmp);
                rc = 1;
            }
        } else if (fflush(stdout)) {
            rc = 1;
        }
    }
    free(tmp);
    debrief_free(&db);
    journal_log_free(&log);
    diag_free(&d);
    return rc;
}
