/*
 * live.c - play's learning records sent as the session goes, by a child process
 * (`verbeeld send --follow`): it reads the journal that play writes, so the game never waits
 * on the network, and a crash of either loses nothing (the journal and JOURNAL.sent hold all).
 */
#include "lrs/live.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"

extern char **environ;

/* This program, to run as the child: /proc/self/exe where there is one. */
static char *self_path(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return NULL;
    buf[n] = '\0';
    return xstrdup(buf);
}

int live_start(Live *l, const char *journal, const char *url, const char *auth_file, char **err)
{
    memset(l, 0, sizeof *l);
    l->in = l->said = -1;
    char *exe = self_path();
    int p[2] = {-1, -1};
    FILE *said = tmpfile();
    if (!exe || !said || pipe2(p, O_CLOEXEC)) {
        *err = xasprintf(_("cannot start sending to the LRS (%s)"), strerror(errno));
        free(exe);
        if (said) fclose(said);
        return -1;
    }
    l->said = dup(fileno(said));
    fclose(said);
    fcntl(l->said, F_SETFD, FD_CLOEXEC);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[0], 0);
    posix_spawn_file_actions_adddup2(&fa, l->said, 1);
    posix_spawn_file_actions_adddup2(&fa, l->said, 2);
    /* Its own process group: Ctrl-C at the console is for the game, not for the sending. */
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    posix_spawnattr_setpgroup(&at, 0);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
    char *argv[] = {"verbeeld", "send", "--follow", (char *)journal, "--lrs", (char *)url,
                    auth_file ? "--auth-file" : NULL, (char *)auth_file, NULL};
    pid_t pid;
    int rc = posix_spawn(&pid, exe, &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    free(exe);
    close(p[0]);
    if (rc) {
        *err = xasprintf(_("cannot start sending to the LRS (%s)"), strerror(rc));
        close(p[1]);
        close(l->said);
        l->said = -1;
        return -1;
    }
    l->pid = pid;
    l->in = p[1];
    return 0;
}

char *live_finish(Live *l, int seconds)
{
    if (!l->pid) return NULL;
    close(l->in);                     /* the child's cue: one last send, then it stops */
    l->in = -1;
    int status, done = 0;
    struct timespec tick = {0, 50 * 1000 * 1000};
    for (int waited = 0; waited < seconds * 20 && !done; waited++) {
        pid_t w = waitpid(l->pid, &status, WNOHANG);
        if (w == l->pid || (w < 0 && errno != EINTR)) done = 1;
        else nanosleep(&tick, NULL);
    }
    char *text = NULL;
    if (done) {
        size_t len;
        lseek(l->said, 0, SEEK_SET);
        text = read_fd(l->said, 16384, &len);
        if (!text) text = xstrdup("");
    }
    close(l->said);
    l->said = -1;
    l->pid = 0;
    return text;
}
