/*
 * cmd_debrief.c - verbeeld debrief JOURNAL: the debrief of a session in Markdown, HTML, JSON or
 * xAPI, built from its journal (and its scenario, when still there); debrief/ does the work.
 */
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cli/args.h"
#include "cli/usage.h"
#include "debrief/debrief.h"
#include "debrief/html.h"
#include "debrief/json.h"
#include "debrief/markdown.h"
#include "debrief/xapi.h"
#include "journal/journal.h"

typedef int (*Writer)(const Debrief *, FILE *);

static Writer writer_for(const char *format)
{
    static const struct { const char *name; Writer w; } formats[] = {
        {"md", markdown_write}, {"markdown", markdown_write}, {"html", html_write},
        {"json", json_write},   {"xapi", xapi_write},
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (streq(format, formats[i].name)) return formats[i].w;
    return NULL;
}

int cmd_debrief(int argc, char **argv)
{
    OutputArgs a = {.format = "md"};
    int parsed = args_parse_output(argc, argv, "debrief", _("name one journal"), &a);
    if (parsed >= 0) return parsed;
    const char *format = a.format, *out_path = a.out_path, *lang = a.lang;
    Writer write = writer_for(format);
    if (!write) return usage_error("debrief", _("unknown format '%s' (md, html, json or xapi)"), format);

    DiagList d;
    diag_init(&d);
    JournalLog log;
    if (journal_read(a.file, &log, &d)) {
        diag_print(&d, stderr);
        diag_free(&d);
        return 1;
    }
    i18n_init(lang ? lang : jstr(log.v[0], "lang"));
    Debrief db;
    debrief_build(&db, &log, a.file, i18n_lang());
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
