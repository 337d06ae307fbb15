/*
 * fuzz_lexicon.c - libFuzzer target: any bytes as the body of a kept lexicon (the cache
 * folder's .lexicon, engine/model/lexicon.c), behind a right seal so that they reach the
 * reader's own checks; a lexicon it accepts is asked what a session and a debrief ask of it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/cachedir.h"
#include "base/diag.h"
#include "base/paths.h"
#include "base/util.h"
#include "model/lexicon.h"
#include "fuzz.h"

#define MAGIC "VBLEX01"

static const char *dir;
static char *kept;

/* Where the lexicon's file is kept: the one .lexicon file a load writes into an empty folder. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    dir = fuzz_folder("lexicon");
    setenv("VERBEELD_CACHE", dir, 1);
    Lexicon lx;
    DiagList d;
    diag_init(&d);
    if (lexicon_load(&lx, paths_lexicon(), &d)) {
        diag_print(&d, stderr);
        abort();
    }
    kept = cachedir_file(dir, lx.fingerprint, CACHEDIR_LEXICON);
    size_t len;
    char *sealed = cachedir_unseal(kept, MAGIC, 4u << 20, &len);   /* the magic lexicon.c seals with */
    if (!sealed) abort();
    free(sealed);
    lexicon_free(&lx);
    diag_free(&d);
    return 0;
}

static void ask(const Lexicon *lx)
{
    StrBuf b;
    sb_init(&b);
    lexicon_cores(lx, "en", &b);
    sb_free(&b);
    for (int i = 0; i < lx->n; i++) {
        const char *core = lx->q[i].nl[CORNER_CORE];
        Quadrant q;
        if (lexicon_quadrant(lx, core, &q) == 0) {
            Quadrant o = quadrant_opposite(&q);
            (void)quadrant_corner(&o, core);
        }
        (void)lexicon_term(lx, lx->q[i].en[CORNER_PITFALL]);
        (void)lexicon_manner(lx, core, "nl");
        (void)lexicon_power(lx, core);
        (void)lexicon_portrait(lx, core, "en");
        (void)lexicon_goal_score(lx, core, "meer grenzen stellen en nee zeggen");
        (void)lexicon_english(lx, core);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (cachedir_seal(dir, kept, MAGIC, data, size)) return 0;
    Lexicon lx;
    DiagList d;
    diag_init(&d);
    if (lexicon_load(&lx, paths_lexicon(), &d) == 0) ask(&lx);
    lexicon_free(&lx);
    diag_free(&d);
    return 0;
}
