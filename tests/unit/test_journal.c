/* test_journal.c - the session journal (engine/journal/journal.h): entries written and read back in
 * order, a line cut off by a crash, corrupt and foreign files, no overwriting, a fixed clock. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "base/diag.h"
#include "base/i18n.h"
#include "common.h"
#include "journal/journal.h"

static char tmpdir[64];

static int make_tmpdir(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/verbeeld-test-journal-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A path in the temporary folder (static buffer). */
static const char *tmp(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

static void write_file(const char *path, const char *content)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

/* A start entry as `verbeeld play` writes it. */
static json_object *start_entry(void)
{
    json_object *e = journal_entry("start");
    json_object_object_add(e, "format", json_object_new_string(JOURNAL_FORMAT));
    json_object_object_add(e, "version", json_object_new_int(JOURNAL_VERSION));
    json_object_object_add(e, "scenario", json_object_new_string("tutorial"));
    json_object_object_add(e, "seed", json_object_new_int64(7));
    return e;
}

#define START_LINE "{\"ev\":\"start\",\"at\":\"2024-01-01T00:00:00Z\",\"format\":\"verbeeld-journal\",\"version\":1}\n"


/* Read `path` expecting failure with exactly `expected` printed. */
static void expect_read_error(const char *path, const char *expected)
{
    JournalLog log;
    DiagList d;
    diag_init(&d);
    assert_int_equal(journal_read(path, &log, &d), -1);
    char *t = diag_text(&d);
    assert_string_equal(t, expected);
    free(t);
    assert_int_equal(log.n, 0);
    assert_null(log.v);
    diag_free(&d);
}

static void test_write_and_read_back_in_order(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s", tmp("deep/er/session.jsonl"));   /* folders are made */
    Journal j;
    char *err = NULL;
    assert_int_equal(journal_create(&j, path, "tutorial", &err), 0);
    assert_null(err);
    assert_int_equal(journal_write(&j, start_entry(), &err), 0);
    static const char *const evs[] = {"choice", "reaction", "note", "undo", "choice"};
    for (int i = 0; i < 5; i++) {
        json_object *e = journal_entry(evs[i]);
        json_object_object_add(e, "n", json_object_new_int(i));
        assert_int_equal(journal_write(&j, e, &err), 0);
    }
    json_object *note = journal_entry("note");
    json_object_object_add(note, "text", json_object_new_string("two\nlines, café \"quoted\""));
    assert_int_equal(journal_write(&j, note, &err), 0);

    /* on disk already, before the journal is closed */
    JournalLog log;
    DiagList d;
    diag_init(&d);
    assert_int_equal(journal_read(path, &log, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(log.n, 7);
    assert_int_equal(log.dropped, 0);
    assert_string_equal(jstr(log.v[0], "ev"), "start");
    assert_string_equal(jstr(log.v[0], "scenario"), "tutorial");
    assert_int_equal(jint(log.v[0], "seed", 0), 7);
    for (int i = 0; i < 5; i++) {
        assert_string_equal(jstr(log.v[i + 1], "ev"), evs[i]);
        assert_int_equal(jint(log.v[i + 1], "n", -1), i);
        assert_non_null(jstr(log.v[i + 1], "at"));
    }
    assert_string_equal(jstr(log.v[6], "text"), "two\nlines, café \"quoted\"");
    journal_log_free(&log);
    diag_free(&d);
    journal_close(&j);

    /* one entry per line */
    FILE *f = fopen(path, "r");
    int lines = 0, c;
    while ((c = fgetc(f)) != EOF) lines += c == '\n';
    fclose(f);
    assert_int_equal(lines, 7);
}

static void test_append_to_existing(void **state)
{
    (void)state;
    const char *path = tmp("append.jsonl");
    write_file(path, START_LINE "{\"ev\":\"choice\"}\n");
    Journal j;
    char *err = NULL;
    JournalLog log;
    DiagList d;
    diag_init(&d);
    size_t cut = 99;
    assert_int_equal(journal_resume(&j, path, &log, &d), 0);
    assert_int_equal(journal_continue(&j, &log, &cut, &err), 0);
    assert_int_equal(cut, 0);
    journal_log_free(&log);
    assert_int_equal(journal_write(&j, journal_entry("resume"), &err), 0);
    journal_close(&j);
    assert_int_equal(journal_read(path, &log, &d), 0);
    assert_int_equal(log.n, 3);
    assert_string_equal(jstr(log.v[2], "ev"), "resume");
    journal_log_free(&log);
    diag_free(&d);
    assert_int_equal(journal_resume(&j, tmp("nothing-here.jsonl"), &log, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.v[0].message, "cannot open the journal"));
    diag_free(&d);
}

static void test_cut_off_last_line_is_dropped(void **state)
{
    (void)state;
    const char *path = tmp("cut.jsonl");
    write_file(path, START_LINE "{\"ev\":\"choice\",\"choice\":\"binnen_grens\"}\n{\"ev\":\"choice\",\"cho");
    JournalLog log;
    DiagList d;
    diag_init(&d);
    assert_int_equal(journal_read(path, &log, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(log.n, 2);
    assert_int_equal(log.dropped, 1);
    assert_string_equal(jstr(log.v[1], "choice"), "binnen_grens");
    journal_log_free(&log);
    diag_free(&d);
}

static void test_complete_last_line_without_newline_is_kept(void **state)
{
    (void)state;
    const char *path = tmp("nonl.jsonl");
    write_file(path, START_LINE "{\"ev\":\"note\"}");
    JournalLog log;
    DiagList d;
    diag_init(&d);
    assert_int_equal(journal_read(path, &log, &d), 0);
    assert_int_equal(log.n, 2);
    assert_int_equal(log.dropped, 0);
    journal_log_free(&log);
    diag_free(&d);
}

static void test_corrupt_middle_line_is_an_error(void **state)
{
    (void)state;
    const char *path = tmp("corrupt.jsonl");
    write_file(path, START_LINE "{\"ev\":\"choice\"}\n{\"ev\":\"cho#!garbage\n{\"ev\":\"note\"}\n");
    char expected[1024];
    snprintf(expected, sizeof expected, "%s:3: error: this line is not a journal entry\n", path);
    expect_read_error(path, expected);

    /* JSON that is no entry (no "ev"), in the middle: also an error at its line */
    write_file(path, START_LINE "[1, 2, 3]\n{\"ev\":\"note\"}\n{\"what\":\"no ev\"}\n{\"ev\":\"note\"}\n");
    snprintf(expected, sizeof expected,
             "%s:2: error: this line is not a journal entry\n%s:4: error: this line is not a journal entry\n",
             path, path);
    expect_read_error(path, expected);
}

static void test_empty_file_is_an_error(void **state)
{
    (void)state;
    const char *path = tmp("empty.jsonl");
    write_file(path, "");
    char expected[1024];
    snprintf(expected, sizeof expected, "%s: error: the journal is empty\n", path);
    expect_read_error(path, expected);
}

static void test_first_line_must_be_start(void **state)
{
    (void)state;
    const char *path = tmp("nostart.jsonl");
    write_file(path, "{\"ev\":\"choice\"}\n" START_LINE);
    char expected[1024];
    snprintf(expected, sizeof expected, "%s:1: error: not a verbeeld journal\n", path);
    expect_read_error(path, expected);

    /* a start entry of some other program */
    write_file(path, "{\"ev\":\"start\",\"format\":\"other-tool\",\"version\":1}\n");
    expect_read_error(path, expected);

    /* a newer format version */
    write_file(path, "{\"ev\":\"start\",\"format\":\"verbeeld-journal\",\"version\":2}\n");
    snprintf(expected, sizeof expected,
             "%s:1: error: journal format version 2; this verbeeld reads version 1\n", path);
    expect_read_error(path, expected);
}

static void test_missing_file_is_an_error(void **state)
{
    (void)state;
    const char *path = tmp("never-written.jsonl");
    char expected[1024];
    snprintf(expected, sizeof expected, "%s: error: cannot read the journal: No such file or directory\n", path);
    expect_read_error(path, expected);
}

static void test_create_refuses_existing_file(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s", tmp("taken.jsonl"));
    write_file(path, START_LINE);
    Journal j;
    char *err = NULL;
    assert_int_equal(journal_create(&j, path, "tutorial", &err), -1);
    char expected[768];
    snprintf(expected, sizeof expected,
             "%s: a journal already exists here (continue it with: verbeeld play --resume %s)", path, path);
    assert_string_equal(err, expected);
    assert_null(j.path);
    free(err);
    /* and it was left alone */
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_size, (off_t)strlen(START_LINE));
}

static void test_now_is_fixed_by_environment(void **state)
{
    (void)state;
    setenv("VERBEELD_NOW", "1700000000", 1);
    assert_int_equal(journal_now(), 1700000000LL);
    json_object *e = journal_entry("note");
    assert_string_equal(jstr(e, "ev"), "note");
    assert_string_equal(jstr(e, "at"), "2023-11-14T22:13:20Z");
    json_object_put(e);
    setenv("VERBEELD_NOW", "0", 1);
    e = journal_entry("start");
    assert_string_equal(jstr(e, "at"), "1970-01-01T00:00:00Z");
    json_object_put(e);
    unsetenv("VERBEELD_NOW");
    /* without it, the real clock */
    long long now = journal_now();
    assert_true(now > 1700000000LL);
}

static void test_default_path_under_xdg_data_home(void **state)
{
    (void)state;
    char xdg[256];
    snprintf(xdg, sizeof xdg, "%s", tmp("xdg"));
    setenv("XDG_DATA_HOME", xdg, 1);
    setenv("VERBEELD_NOW", "1700000000", 1);
    Journal a, b;
    char *err = NULL;
    assert_int_equal(journal_create(&a, NULL, "tutorial", &err), 0);
    assert_int_equal(journal_create(&b, NULL, "tutorial", &err), 0);   /* same second: a new name */
    char prefix[300];
    snprintf(prefix, sizeof prefix, "%s/verbeeld/sessions/tutorial-", xdg);
    assert_true(strncmp(a.path, prefix, strlen(prefix)) == 0);
    assert_true(strncmp(b.path, prefix, strlen(prefix)) == 0);
    assert_string_not_equal(a.path, b.path);
    assert_non_null(strstr(a.path, ".jsonl"));
    journal_close(&a);
    journal_close(&b);
    unsetenv("VERBEELD_NOW");
    unsetenv("XDG_DATA_HOME");
}

int main(void)
{
    setenv("VERBEELD_DATADIR", ".", 1);
    i18n_init("en");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_and_read_back_in_order),
        cmocka_unit_test(test_append_to_existing),
        cmocka_unit_test(test_cut_off_last_line_is_dropped),
        cmocka_unit_test(test_complete_last_line_without_newline_is_kept),
        cmocka_unit_test(test_corrupt_middle_line_is_an_error),
        cmocka_unit_test(test_empty_file_is_an_error),
        cmocka_unit_test(test_first_line_must_be_start),
        cmocka_unit_test(test_missing_file_is_an_error),
        cmocka_unit_test(test_create_refuses_existing_file),
        cmocka_unit_test(test_now_is_fixed_by_environment),
        cmocka_unit_test(test_default_path_under_xdg_data_home),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
