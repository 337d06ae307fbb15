/*
 * journal.h - the session journal: one JSON object per line, appended and flushed to disk
 * (fsync) before the next prompt, so that killing the process loses nothing entered.
 *
 * Every entry has "ev" (what happened) and "at" (when, ISO 8601 UTC). The first entry is
 * "start" with the format, scenario, language and seed; --resume, replay and debrief read it.
 */
#ifndef VB_JOURNAL_H
#define VB_JOURNAL_H

#include <json-c/json.h>

#include "base/diag.h"

#define JOURNAL_FORMAT "verbeeld-journal"
#define JOURNAL_VERSION 1

typedef struct {
    int fd;
    char *path;
} Journal;

/* Create a new journal at `path` (its folder too); refuses to overwrite one. With path NULL,
 * a fresh name under $XDG_DATA_HOME/verbeeld/sessions/. Returns 0, or -1 with *err. */
int journal_create(Journal *j, const char *path, const char *scenario_id, char **err);
/* Open an existing journal to append to it (resume). */
int journal_append_to(Journal *j, const char *path, char **err);
/* Append an entry (which is consumed) and flush it to disk. Returns 0, or -1 with *err. */
int journal_write(Journal *j, json_object *entry, char **err);
void journal_close(Journal *j);

/* A new entry {"ev": ev, "at": now}. VERBEELD_NOW (seconds since 1970) fixes "now" for tests. */
json_object *journal_entry(const char *ev);
/* Seconds since 1970 now (or VERBEELD_NOW). */
long long journal_now(void);
/* An entry's "at" as seconds since 1970; 0 when it is missing or not in the journal's form. */
long long journal_time(const char *at);

/* What a journal file holds. */
typedef struct {
    json_object **v;          /* the entries, in order */
    int n;
    int dropped;              /* a last line that was cut off (a crash mid-write) was left out */
} JournalLog;

/* Read every entry. A last line cut off mid-write is dropped (and counted); anything else that
 * is not a journal entry is an error at its line. Returns 0, or -1 with diagnostics in `d`. */
int journal_read(const char *path, JournalLog *log, DiagList *d);
void journal_log_free(JournalLog *log);

/* Field helpers: the string or integer value of `key` in `o`, or a default. */
const char *jstr(json_object *o, const char *key);
long long jint(json_object *o, const char *key, long long dflt);

#endif
