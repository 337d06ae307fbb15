/*
 * fuzz_journal.c - libFuzzer target: any bytes as a session journal, through journal_read and
 * the field helpers that --resume, replay and debrief use on what it returns.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/diag.h"
#include "journal/journal.h"
#include "fuzz.h"

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    snprintf(path, sizeof path, "%s/journal.jsonl", fuzz_folder("journal"));
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
    JournalLog log;
    if (journal_read(path, &log, &d) == 0) {
        volatile long long sum = 0;
        for (int i = 0; i < log.n; i++) {
            const char *ev = jstr(log.v[i], "ev");
            sum += ev ? ev[0] : 0;
            sum += jint(log.v[i], "steps", 1) + jint(log.v[i], "seed", 0);
            const char *c = jstr(log.v[i], "choice");
            sum += c ? c[0] : 0;
        }
        (void)sum;
        journal_log_free(&log);
    }
    diag_free(&d);
    return 0;
}
