/*
 * fuzz_prompt.c - libFuzzer target: any bytes as lines typed at the prompt.
 *
 * There is no pure parser for a prompt line; this drives what exists: the text helpers every
 * line and name goes through (clean_text, fold_space, utf8_width, utf8_valid), and each line
 * of the input as the play loop treats it, /commands through prompt_command and numbers as
 * choices, against a session of the tutorial with two participants (restarted per input).
 * Output goes to /dev/null; the journal, and what /save writes, to a private folder.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "console/play.h"
#include "console/prompt.h"
#include "console/show.h"
#include "base/util.h"
#include "journal/journal.h"
#include "model/load.h"
#include "fuzz.h"

static Lexicon lx;
static Play P;
static char cwd[4096];

/* The session's journal, as play keeps one (/save moves it): started again when it has grown
 * past a megabyte, so that a long run does not fill the disk. */
static void fresh_journal(void)
{
    if (P.J.path && P.J.kept.len < (1u << 20)) return;
    if (P.J.path) {
        unlink(P.J.path);
        journal_close(&P.J);
    }
    char *err = NULL;
    char path[128];
    snprintf(path, sizeof path, "%s/fuzz.jsonl", fuzz_dir);
    if (journal_create(&P.J, path, P.s->id, &err)) {
        fprintf(stderr, "%s\n", err);
        abort();
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    if (!freopen("/dev/null", "w", stdout)) abort();
    if (!getcwd(cwd, sizeof cwd)) abort();
    fuzz_folder("prompt");
    i18n_init("en");
    DiagList d;
    diag_init(&d);
    if (lexicon_load(&lx, paths_lexicon(), &d)) abort();
    char *found = paths_find_scenario("tutorial");
    char *path = found ? realpath(found, NULL) : NULL;  /* read again while in the private folder */
    const Scenario *s = path ? load_scenario(path, &lx, &d) : NULL;
    free(found);
    free(path);
    if (!s) {
        diag_print(&d, stderr);
        abort();
    }
    memset(&P, 0, sizeof P);
    P.s = s;
    P.lx = &lx;
    P.J.fd = -1;
    fresh_journal();
    P.last_act = -1;
    cast_add(&P.cast, "Sanne", "verbinden", "goal");
    cast_add(&P.cast, "Joris", "tact", "goal");
    P.S = session_new(s, &lx, &P.cast, "fuzz", "en", 1, &d);
    if (!P.S) {
        diag_print(&d, stderr);
        abort();
    }
    diag_free(&d);
    session_set_output(P.S, show_output, &P);
    session_seat_cast(P.S);
    session_start(P.S);
    return 0;
}

/* A line that is not a command, as the play loop reads it: a choice number. */
static void number(const char *line)
{
    const Turn *t = session_turn(P.S);
    if (!t || P.in_timeout) return;
    char *end;
    long k = strtol(line, &end, 10);
    if (end != line && !*end && k >= 1 && k <= t->noptions) session_choose(P.S, (int)k - 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = xstrndup((const char *)data, size);      /* stops at a NUL, as the reader does */
    char *c = clean_text(text);
    char *f = fold_space(text);
    volatile size_t w = utf8_width(text, strlen(text)) + utf8_width((const char *)data, size);
    volatile int v = utf8_valid((const char *)data, size);
    (void)w; (void)v;
    free(c);
    free(f);

    if (P.S->ninputs || session_over(P.S)) session_restart(P.S);    /* reloads every script: slow */
    fresh_journal();
    if (chdir(fuzz_dir)) abort();       /* what /save writes lands there; libFuzzer's own paths
                                           are relative to where it started */
    P.in_timeout = 0;
    P.quit = 0;
    char *save = NULL;
    int lines = 0;
    for (char *line = strtok_r(text, "\n", &save); line && !P.quit && lines < 64;
         line = strtok_r(NULL, "\n", &save), lines++) {
        while (*line == ' ' || *line == '\t') line++;
        if (!*line || !session_turn(P.S)) continue;
        if (!prompt_command(&P, line)) number(line);
    }
    if (chdir(cwd)) abort();
    free(text);
    return 0;
}
