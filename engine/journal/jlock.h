/*
 * jlock.h - one session at a time per journal: an flock on the open journal, and a note beside
 * it (JOURNAL.lock) that says who holds it, so that the session refused can say so.
 */
#ifndef VB_JLOCK_H
#define VB_JLOCK_H

/* Lock the journal open as `fd` at `path` and write the note, dated `now` (seconds since 1970)
 * (*note: its path, fresh; NULL when
 * the folder takes no note, the lock holds all the same). Returns 0, or -1 with *err saying who
 * holds it. A note left by a process that is gone does not count: only the flock does. */
int jlock_take(int fd, const char *path, long long now, char **note, char **err);
/* Remove the note written by jlock_take (the lock goes with the descriptor) and free its path. */
void jlock_drop(char *note);

#endif
