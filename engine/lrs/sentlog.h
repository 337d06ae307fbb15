/*
 * sentlog.h - what a learning record store acknowledged, kept beside the journal
 * (JOURNAL.sent): one JSON line per answer, appended and flushed, so that a later send sends
 * only the rest and a crash loses at most the answer being written.
 */
#ifndef VB_SENTLOG_H
#define VB_SENTLOG_H

/* Sorted statement ids. */
typedef struct {
    char **v;
    int n, cap;
} IdSet;

void sentlog_add_id(IdSet *s, const char *id);   /* unsorted until sentlog_sort */
void sentlog_sort(IdSet *s);
int sentlog_has(const IdSet *s, const char *id);
void sentlog_free_ids(IdSet *s);

typedef struct {
    char *path;          /* JOURNAL.sent */
    int fd;              /* open to append, locked; -1 before sentlog_open */
    IdSet sent;          /* statements the LRS holds */
    IdSet voided;        /* statements the LRS was told are void (taken back with /back) */
} SentLog;

/* The path of the record beside `journal`. Fresh. */
char *sentlog_path(const char *journal);
/* Open (creating it, 0600) and lock the record of `journal` and read what `lrs` (the
 * statements resource) acknowledged. `wait`: wait for another send of the same journal to
 * finish; otherwise return 1 at once when one is under way. Returns 0, 1, or -1 with *err. */
int sentlog_open(SentLog *l, const char *journal, const char *lrs, int wait, char **err);
/* Record that `lrs` acknowledged the ids (kind "sent" or "voided"). Returns 0, or -1 with *err. */
int sentlog_append(SentLog *l, const char *lrs, const char *kind, char *const *ids, int n, char **err);
void sentlog_close(SentLog *l);

#endif
