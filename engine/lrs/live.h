/*
 * live.h - sending as the session goes: play starts `verbeeld send --follow` as a child
 * process beside itself, so that a slow or absent network never holds up the game; at the
 * end it asks for a last send and tells what arrived and what waits.
 */
#ifndef VB_LIVE_H
#define VB_LIVE_H

typedef struct {
    int pid;             /* the child, or 0 */
    int in;              /* the write end of its standard input: closing it ends the session */
    int said;            /* an anonymous file where the child says how its last send went */
} Live;

/* Start sending `journal` to `url` (credentials from the environment or `auth_file`, NULL for
 * the default file). Returns 0, or -1 with *err (fresh) when the child cannot be started. */
int live_start(Live *l, const char *journal, const char *url, const char *auth_file, char **err);
/* Tell the child the session is over and wait at most `seconds` for its last send. Returns
 * what it said (fresh, possibly empty), or NULL when it is still sending: it then goes on by
 * itself. */
char *live_finish(Live *l, int seconds);

#endif
