/*
 * jlock.c - the lock of a journal: flock decides (the kernel lets it go when the process does),
 * the note beside the journal only tells a second session who holds it.
 */
#include "journal/jlock.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>

#include "base/i18n.h"
#include "base/util.h"

/* The note: who, where, which process, since when; one "key value" a line. */
static void write_note(const char *note, long long now)
{
    const struct passwd *pw = getpwuid(getuid());
    char host[256] = "?", since[32];
    gethostname(host, sizeof host - 1);
    time_t t = (time_t)now;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(since, sizeof since, "%Y-%m-%d %H:%M UTC", &tm);
    char *text = xasprintf("user %s\nhost %s\npid %ld\nsince %s\n", pw ? pw->pw_name : "?", host,
                           (long)getpid(), since);
    int fd = open(note, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        if (write_all(fd, text, strlen(text))) unlink(note);
        close(fd);
    }
    free(text);
}

/* The value of `key` in the note's text, cleaned for the terminal ("?" when missing). */
static char *note_field(const char *text, const char *key)
{
    size_t k = strlen(key);
    for (const char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
        if (strncmp(l, key, k) == 0 && l[k] == ' ') {
            char *v = xstrdup(l + k + 1);
            v[strcspn(v, "\n")] = '\0';
            char *shown = clean_text(v);
            free(v);
            return shown;
        }
    return xstrdup("?");
}

static char *holder(const char *note)
{
    char *text = read_file(note, 4096, NULL);
    if (!text) return xstrdup(_("another session; it left no note saying whose"));
    char *user = note_field(text, "user"), *host = note_field(text, "host"), *pid = note_field(text, "pid"),
         *since = note_field(text, "since");
    char *who = xasprintf(_("%s on %s, process %s, since %s"), user, host, pid, since);
    free(user); free(host); free(pid); free(since); free(text);
    return who;
}

int jlock_take(int fd, const char *path, long long now, char **note, char **err)
{
    *note = xasprintf("%s.lock", path);
    if (flock(fd, LOCK_EX | LOCK_NB)) {
        char *shown = clean_text(path);
        if (errno == EWOULDBLOCK) {
            char *who = holder(*note);
            *err = xasprintf(_("%s: the journal is in use by another session (%s); one session at a time can continue it"),
                             shown, who);
            free(who);
        } else {
            *err = xasprintf(_("%s: cannot lock the journal: %s"), shown, strerror(errno));
        }
        free(shown);
        free(*note);
        *note = NULL;
        return -1;
    }
    write_note(*note, now);
    if (access(*note, F_OK)) {
        free(*note);
        *note = NULL;
    }
    return 0;
}

void jlock_drop(char *note)
{
    if (note) unlink(note);
    free(note);
}
