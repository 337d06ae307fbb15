/*
 * common.h - what the unit test programs share: the lexicon as a fixture, diagnostics as
 * text, and running a piece of code in a child process that may crash or hang.
 *
 * Each test program is one file; these are static so each gets its own copy.
 */
#ifndef VB_TEST_COMMON_H
#define VB_TEST_COMMON_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#include "base/diag.h"
#include "model/lexicon.h"

static Lexicon lx __attribute__((unused));

/* diag_print's output as one string (fresh). */
static inline char *diag_text(DiagList *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(d, f);
    fclose(f);
    return buf;
}

/* Group setup: the shipped lexicon in lx, saying why when it does not load. */
static inline int setup_lexicon(void **state)
{
    (void)state;
    DiagList d;
    diag_init(&d);
    int rc = lexicon_load(&lx, "characters/quadrants.lua", &d);
    if (rc != 0 || d.n != 0) {
        char *t = diag_text(&d);
        fprintf(stderr, "lexicon did not load:\n%s", t);
        free(t);
    }
    diag_free(&d);
    return rc;
}

static inline int teardown_lexicon(void **state)
{
    (void)state;
    lexicon_free(&lx);
    return 0;
}

/* Run fn in a child process, killed after `seconds`; whether it finished with exit status 0
 * (fn exits with its own status, or returns for 0). For code that might crash or hang. */
static inline int finishes_in_time(void (*fn)(void), unsigned seconds)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) return 0;
    if (pid == 0) {
        /* cmocka catches crashes and would go on running tests in the child: undo that */
        signal(SIGSEGV, SIG_DFL);
        signal(SIGBUS, SIG_DFL);
        signal(SIGABRT, SIG_DFL);
        fn();
        _exit(0);
    }
    int status = 0;
    for (unsigned i = 0; i < seconds * 20; i++) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            if (WIFSIGNALED(status)) fprintf(stderr, "the child died of signal %d\n", WTERMSIG(status));
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        usleep(50000);
    }
    fprintf(stderr, "still running after %u seconds: stopped\n", seconds);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return 0;
}

#endif
