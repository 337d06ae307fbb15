/*
 * cmd_debrief.c - verbeeld debrief JOURNAL: the debrief of a session in Markdown, HTML, JSON or
 * xAPI, built from its journal (and its scenario, when still there); debrief/ does the work.
 */
#include "cli/commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/cleanout.h"
#include "base/i18n.h"
#include "base/util.h"
#include "cli/args.h"
#include "cli/usage.h"
#include "journal/record.h"
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

/* Write the debrief to `path` (standard output when NULL) through a temporary file next to it,
 * renamed when whole, so that a failed run never leaves half a debrief where the trainer
 * expects a whole one. Returns 0, or 1 after saying why. */
static int write_to(const Debrief *db, Writer write, const char *path)
{
    char *tmp = path ? xasprintf("%s.tmp", path) : NULL;
    FILE *out = tmp ? cleanout_wrap(fopen(tmp, "w"), 1) : stdout;   /* stdout is cleaned in main */
    int rc = 0;
    if (!out) {
        fprintf(stderr, _("verbeeld: cannot write %s: %s\n"), path, strerror(errno));
        rc = 1;
    } else {
        if (write(db, out)) rc = 1;
        if (out != stdout) {
            if (fclose(out)) rc = 1;
            if (rc || rename(tmp, path)) {
                fprintf(stderr, _("verbeeld: cannot write %s\n"), path);
                remove(tmp);
                rc = 1;
            }
        } else if (fflush(stdout)) {
            rc = 1;
        }
    }
    free(tmp);
    return rc;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* -o DIR/ for a folder that is not there yet: made (private: the handouts hold names and
 * learning goals), as the trailing slash asks. 1 when it was made. */
static int new_folder(const char *path)
{
    size_t n = strlen(path);
    return n > 1 && path[n - 1] == '/' && mkdir(path, 0700) == 0;
}

/* -o DIR: the group's debrief, and a handout per participant holding only their own pages,
 * DIR/debrief.EXT and DIR/NAME.EXT (a name's slashes and leading dots made harmless). */
static int write_handouts(Debrief *db, Writer write, const char *format, const char *dir)
{
    const char *ext = streq(format, "markdown") ? "md" : streq(format, "xapi") ? "xapi.json" : format;
    char *group = xasprintf("debrief.%s", ext);
    char *path = path_join(dir, group);
    free(group);
    int rc = write_to(db, write, path);
    if (!rc) printf("%s\n", path);
    free(path);
    NameSet names = {0};
    free(names_unique(&names, "debrief", ext));
    for (int i = 0; i < db->np && !rc; i++) {
        char *name = xstrdup(db->p[i].name ? db->p[i].name : "?");
        for (char *c = name; *c; c++)
            if (*c == '/' || (c == name && *c == '.')) *c = '_';
        char *file = names_unique(&names, name, ext);    /* "An" twice, or a participant "debrief" */
        path = path_join(dir, file);
        free(file);
        db->only = i;
        rc = write_to(db, write, path);
        if (!rc) printf("%s\n", path);
        free(path);
        free(name);
    }
    db->only = -1;
    names_free(&names);
    return rc;
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
    JournalRecord start;
    record_read(log.v[0], &start);
    if (args_check_output("debrief", out_path, start.path) >= 0) {   /* its scenario */
        journal_log_free(&log);
        diag_free(&d);
        return 2;
    }
    i18n_init(lang ? lang : start.lang);
    Debrief db;
    debrief_build(&db, &log, a.file, i18n_lang());
    int rc = 0;
    if (a.participant && (db.only = debrief_find_typed(&db, a.participant)) < 0) {
        fprintf(stderr, _("verbeeld debrief: no participant '%s' in %s\n"), a.participant, a.file);
        StrBuf who = {0};
        for (int i = 0; i < db.np; i++) {
            if (i) sb_add(&who, ", ");
            sb_add(&who, db.p[i].name);
        }
        if (db.np) fprintf(stderr, _("The participants: %s.\n"), who.s);
        free(who.s);
        rc = 1;
    } else if (out_path && !a.participant && (is_dir(out_path) || new_folder(out_path))) {
        rc = write_handouts(&db, write, format, out_path);
    } else {
        rc = write_to(&db, write, out_path);
    }
    debrief_free(&db);
    journal_log_free(&log);
    diag_free(&d);
    return rc;
}
