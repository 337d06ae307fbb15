/*
 * fuzz_debrief.c - libFuzzer target: any bytes as a session journal, read as `verbeeld debrief`
 * reads it and, when the reader takes it, built into a debrief and written in all four formats,
 * for the group and as each participant's handout (where fuzz_journal stops at reading).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/i18n.h"
#include "debrief/debrief.h"
#include "debrief/html.h"
#include "debrief/json.h"
#include "debrief/markdown.h"
#include "debrief/xapi.h"
#include "journal/journal.h"
#include "fuzz.h"

static char path[64], cache[64];
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    const char *dir = fuzz_folder("debrief");
    snprintf(path, sizeof path, "%s/journal.jsonl", dir);
    snprintf(cache, sizeof cache, "%s/cache", dir);
    setenv("VERBEELD_CACHE", cache, 0);      /* scenarios the journals name: cached here, not in ~ */
    setenv("VERBEELD_NOW", "1763805600", 1);
    sink = fopen("/dev/null", "w");
    if (!sink) abort();
    i18n_init("en");
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
        Debrief db;
        debrief_build(&db, &log, path, "en");
        int (*const writers[])(const Debrief *, FILE *) = {markdown_write, html_write, json_write, xapi_write};
        for (int w = 0; w < 4; w++) writers[w](&db, sink);
        for (int i = 0; i < db.np && i < 4; i++) {      /* the handouts */
            db.only = i;
            markdown_write(&db, sink);
            json_write(&db, sink);
        }
        db.only = -1;
        debrief_free(&db);
        journal_log_free(&log);
    }
    diag_free(&d);
    return 0;
}
