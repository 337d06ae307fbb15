/* test_journal_cut.c - a real journal (tests/e2e/golden/group-en.jsonl) cut off as a power cut
 * mid-write leaves it: --resume's way in (journal_resume, continue, new entries) and the debrief
 * both work, and nothing before the cut is lost. Every line boundary is tried (and the bytes
 * either side of it) and a few places inside each line: all 8,000 offsets took a minute and
 * found nothing these do not; VB_CUT_ALL=1 tries them all. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/diag.h"
#include "base/i18n.h"
#include "base/util.h"
#include "debrief/debrief.h"
#include "debrief/json.h"
#include "debrief/markdown.h"
#include "journal/journal.h"

#define FIXTURE "tests/e2e/golden/group-en.jsonl"

static char dir[64], path[128];

static void write_prefix(const char *text, size_t k)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, k, f), k);
    fclose(f);
}

/* Whole lines in text[0, k): a line counts when its newline is in, or when it is the last one
 * and ends in '}' (a cut right before the newline leaves the entry whole). */
static int whole_lines(const char *text, size_t k, size_t *end)
{
    int n = 0;
    *end = 0;
    for (size_t i = 0; i < k; i++)
        if (text[i] == '\n') { n++; *end = i + 1; }
    if (*end < k && text[k - 1] == '}') { n++; *end = k; }
    return n;
}

/* The debrief of the journal at `path`, in two formats, to nowhere: it must not fail. */
static void debrief(void)
{
    DiagList d;
    diag_init(&d);
    JournalLog log;
    assert_int_equal(journal_read(path, &log, &d), 0);
    Debrief db;
    debrief_build(&db, &log, path, "en");
    FILE *out = fopen("/dev/null", "w");
    assert_int_equal(markdown_write(&db, out), 0);
    assert_int_equal(json_write(&db, out), 0);
    fclose(out);
    debrief_free(&db);
    journal_log_free(&log);
    diag_free(&d);
}

/* The offsets to cut at: 0, each line's end, the bytes either side of it, and a few inside
 * each line (after its first byte, within a string, a quarter, half and three quarters in). */
static size_t *offsets(const char *text, size_t len, size_t *n)
{
    size_t *v = malloc((len + 1) * sizeof *v), m = 0;
    assert_non_null(v);
    const char *all = getenv("VB_CUT_ALL");
    char *mark = calloc(len + 1, 1);
    assert_non_null(mark);
    for (size_t start = 0; start < len;) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) + 1 : len, span = end - start;
        size_t at[] = {start, start + 1, start + 9, start + span / 4, start + span / 2,
                       start + 3 * span / 4, end - 2, end - 1, end};
        for (size_t i = 0; i < sizeof at / sizeof *at; i++)
            if (at[i] <= len) mark[at[i]] = 1;
        start = end;
    }
    for (size_t k = 0; k <= len; k++)
        if (mark[k] || (all && *all == '1')) v[m++] = k;
    free(mark);
    *n = m;
    return v;
}

static void test_cut_offsets(void **state)
{
    (void)state;
    size_t len;
    char *text = read_file(FIXTURE, 1 << 20, &len);
    assert_non_null(text);
    size_t first = strchr(text, '\n') - text;
    int resumed = 0, refused = 0;
    size_t n;
    size_t *at = offsets(text, len, &n);
    for (size_t i = 0; i < n; i++) {
        size_t k = at[i];
        write_prefix(text, k);
        size_t end;
        int lines = whole_lines(text, k, &end);
        Journal j;
        JournalLog log;
        DiagList d;
        diag_init(&d);
        if (k < first) {                       /* not even the start entry: refused, file untouched */
            assert_int_equal(journal_resume(&j, path, &log, &d), -1);
            assert_int_equal(d.errors, 1);
            diag_free(&d);
            size_t now;
            char *after = read_file(path, 1 << 20, &now);
            assert_int_equal(now, k);
            free(after);
            refused++;
            continue;
        }
        assert_int_equal(journal_resume(&j, path, &log, &d), 0);
        assert_int_equal(log.n, lines);
        char *err = NULL;
        size_t cut;
        assert_int_equal(journal_continue(&j, &log, &cut, &err), 0);
        assert_int_equal(cut, k - end);
        journal_log_free(&log);
        json_object *e = journal_entry("resume");
        json_object_object_add(e, "cut_bytes", json_object_new_int64((int64_t)cut));
        assert_int_equal(journal_write(&j, e, &err), 0);
        json_object *note = journal_entry("note");
        json_object_object_add(note, "text", json_object_new_string("after the cut"));
        assert_int_equal(journal_write(&j, note, &err), 0);
        journal_close(&j);
        /* nothing before the cut is lost: the file begins with every whole line, as it was */
        size_t now;
        char *after = read_file(path, 1 << 20, &now);
        assert_non_null(after);
        assert_true(now > end);
        assert_memory_equal(after, text, end);
        free(after);
        assert_int_equal(journal_read(path, &log, &d), 0);
        assert_int_equal(log.n, lines + 2);
        assert_int_equal(log.dropped, 0);
        assert_string_equal(jstr(log.v[lines + 1], "text"), "after the cut");
        journal_log_free(&log);
        diag_free(&d);
        debrief();
        /* and it can be resumed again, with nothing to cut */
        diag_init(&d);
        assert_int_equal(journal_resume(&j, path, &log, &d), 0);
        assert_int_equal(journal_continue(&j, &log, &cut, &err), 0);
        assert_int_equal(cut, 0);
        journal_log_free(&log);
        journal_close(&j);
        diag_free(&d);
        resumed++;
    }
    assert_int_equal(resumed + refused, (int)n);
    printf("journal cut at %zu of its %zu offsets: %d resumed and debriefed, %d refused (inside the start entry)\n",
           n, len + 1, resumed, refused);
    free(at);
    free(text);
}

int main(void)
{
    setenv("VERBEELD_NOW", "1763805600", 1);
    char *cwd = getcwd(NULL, 0);              /* make check runs from the source tree: its prompts */
    setenv("VERBEELD_DATADIR", cwd, 1);
    free(cwd);
    i18n_init("en");
    /* in memory when there is a tmpfs: each offset fsyncs four times */
    strcpy(dir, access("/dev/shm", W_OK) == 0 ? "/dev/shm/verbeeld-test-cut-XXXXXX" : "/tmp/verbeeld-test-cut-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    snprintf(path, sizeof path, "%s/journal.jsonl", dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cut_offsets),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    unlink(path);
    rmdir(dir);
    return rc;
}
