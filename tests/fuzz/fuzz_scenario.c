/*
 * fuzz_scenario.c - libFuzzer target: any bytes as a scenario file, through load_scenario
 * (untrusted XML, the schema, resolving references, conditions compiled in the sandbox).
 *
 * The input is written to a file in a private temporary folder, as a trainer's scenario would
 * be; character scripts are not loaded here (load_scenario does not run them).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/diag.h"
#include "model/lexicon.h"
#include "base/paths.h"
#include "model/scenario.h"
#include "model/load.h"
#include "fuzz.h"

static Lexicon lx;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    DiagList d;
    diag_init(&d);
    if (lexicon_load(&lx, paths_lexicon(), &d)) {
        diag_print(&d, stderr);
        abort();
    }
    diag_free(&d);
    snprintf(path, sizeof path, "%s/scenario.xml", fuzz_folder("scenario"));
    /* The XML path every time: a new input is never in the cache, and keeping each valid one
     * would only slow the fuzzer down (fuzz_cache.c fuzzes the cache's reader). */
    setenv("VERBEELD_CACHE", "off", 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    DiagList d;
    diag_init(&d);
    Scenario *s = load_scenario(path, &lx, &d);
    scenario_free(s);
    diag_free(&d);
    return 0;
}
