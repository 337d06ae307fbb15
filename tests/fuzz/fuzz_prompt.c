/*
 * fuzz_prompt.c - libFuzzer target: any bytes as lines typed at the prompt.
 *
 * There is no pure parser for a prompt line; this drives what exists: the text helpers every
 * line and name goes through (clean_text, fold_space, utf8_width, utf8_valid), and each line
 * of the input as the play loop treats it, /commands through prompt_command and numbers as
 * choices, against a session of the tutorial with two participants (restarted per input).
 * Output goes to /dev/null; the journal is off.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "console/play.h"
#include "console/prompt.h"
#include "console/show.h"
#include "base/util.h"
#include "model/load.h"

static Lexicon lx;
static Play P;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    if (!freopen("/dev/null", "w", stdout)) abort();
    i18n_init("en");
    DiagList d;
    diag_init(&d);
    if (lexicon_load(&lx, paths_lexicon(), &d)) abort();
    char *path = paths_find_scenario("tutorial");
    const Scenario *s = path ? load_scenario(path, &lx, &d) : NULL;
    free(path);
    if (!s) {
        diag_print(&d, stderr);
        abort();
    }
    memset(&P, 0, sizeof P);
    P.s = s;
    P.lx = &lx;
    P.J.fd = -1;
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
    free(text);
    return 0;
}
