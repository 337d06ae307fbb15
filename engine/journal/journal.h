/*
 * journal.h - the session journal: one JSON object per line, written as it happens and flushed
 * to disk (fsync) before the next prompt, so that killing the process loses nothing entered.
 *
 * Every entry has "ev" (what happened) and "at" (when, ISO 8601 UTC). The first entry is
 * "start" with the format, scenario, language and seed; --resume, replay and debrief read it.
 */
#ifndef VB_JOURNAL_H
#define VB_JOURNAL_H

#include <json-c/json.h>

#include "base/diag.h"
#include "base/util.h"

#define JOURNAL_FORMAT "verbeeld-journal"
#define JOURNAL_VERSION 1

/* What a journal holds at most: the reader refuses a larger file, so the writer never makes one. */
#define JOURNAL_MAX_BYTES ((size_t)256 << 20)      /* one journal */
#define JOURNAL_MAX_ENTRY ((size_t)1 << 20)        /* one entry (one line) */
#define JOURNAL_MAX_STRING ((size_t)64 << 10)      /* one text in an entry too large as a whole */
#define JOURNAL_MAX_DEPTH 64                       /* nesting of an entry, as the reader takes it */

/* What a journal file holds. */
typedef struct {
    json_object **v;          /* the entries, in order */
    int n;
    int dropped;              /* a last line that was cut off (a crash mid-write) was left out */
    size_t whole;             /* bytes of the file up to that line: the entries kept */
    char *text;               /* journal_resume: the file as read (its first `whole` bytes count) */
    size_t len;
} JournalLog;

typedef struct {
    int fd;
    char *path;
    char *lock;               /* the note beside the journal saying who holds it (PATH.lock) */
    StrBuf kept;              /* every line of the journal, also those the file could not take */
    size_t written;           /* how much of `kept` the file holds */
    size_t synced;            /* how much of it is known to be on disk (journal_sync) */
    int failed;               /* the file could not take the last entry: it holds only `written` */
} Journal;

/* Create a new journal at `path` (its folder too); refuses to overwrite one. With path NULL,
 * a fresh name under $XDG_DATA_HOME/verbeeld/sessions/. Returns 0, or -1 with *err. */
int journal_create(Journal *j, const char *path, const char *scenario_id, char **err);
/* Whether journal_create(path, scenario_id) could create its file now (the folder exists or
 * can be made, it can be written, no journal is there yet), asked before a setup's questions
 * so that they are not typed in vain. The file is not left behind. Returns 0, or -1 with *err. */
int journal_check(const char *path, const char *scenario_id, char **err);
/* The file journal_create(path, scenario_id) would create now: `path`, or a new one in the
 * sessions folder. Fresh. */
char *journal_path_for(const char *path, const char *scenario_id);
/* Open an existing journal to append to it (resume): lock it (another session holding it is
 * refused, the message says who), then read it into log as journal_read does. */
int journal_resume(Journal *j, const char *path, JournalLog *log, DiagList *d);
/* Make the journal read by journal_resume ready for new entries: a last line a crash left half
 * written is cut off the file (its bytes in *cut), so the next entry starts a line of its own.
 * Returns 0, or -1 with *err. */
int journal_continue(Journal *j, JournalLog *log, size_t *cut, char **err);
/* Append an entry (which is consumed) and write it to the file: from then on killing the
 * process loses nothing of it; journal_sync puts it on the disk. A text too long is cut (the
 * entry then has "cut": true). When the file cannot take it (disk full, I/O error), what was
 * written of the line is cut off again, the entry is kept in memory and -1 returned with *err;
 * the next write tries to bring the file up to date. */
int journal_write(Journal *j, json_object *entry, char **err);
/* Flush what was written since the last call to disk (fsync), all entries at once: the console
 * calls it before every prompt, so that what a prompt follows is on disk while a person reads
 * it (one fsync per entry was 5 before MoveOn's first prompt: bench/notes.md, "Eleventh
 * session"). When the disk refuses, the file is cut back to what was on it, the entries stay in
 * memory as after a failed write, and -1 is returned with *err. 0 when there was nothing to do. */
int journal_sync(Journal *j, char **err);
/* Write everything the journal holds to a new file at `path` and go on journaling there.
 * Returns 0, or -1 with *err (the journal stays where it was). */
int journal_save_as(Journal *j, const char *path, char **err);
void journal_close(Journal *j);

/* A new entry {"ev": ev, "at": now}. VERBEELD_NOW (seconds since 1970) fixes "now" for tests. */
json_object *journal_entry(const char *ev);
/* Seconds since 1970 now (or VERBEELD_NOW). */
long long journal_now(void);
/* An entry's "at" as seconds since 1970; 0 when it is missing or not in the journal's form. */
long long journal_time(const char *at);


/* Read every entry. A last line cut off mid-write is dropped (and counted); anything else that
 * is not a journal entry is an error at its line. Returns 0, or -1 with diagnostics in `d`. */
int journal_read(const char *path, JournalLog *log, DiagList *d);
void journal_log_free(JournalLog *log);

/* Field helpers: the string or integer value of `key` in `o`, or a default. */
const char *jstr(json_object *o, const char *key);
long long jint(json_object *o, const char *key, long long dflt);

#endif
