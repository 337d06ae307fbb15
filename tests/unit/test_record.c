/* test_record.c - the journal's typed records (engine/journal/record.h): every entry of real
 * sessions (the golden journals of tests/e2e) and one of each other kind (the return
 * afternoon's too) read into a record and written back unchanged, so no field the program
 * writes is unknown to the record; kinds by name and back; an undo without steps takes back one. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/diag.h"
#include "journal/journal.h"
#include "journal/record.h"

/* Entry `e` read into a record and written back is the same entry. */
static void assert_round_trip(json_object *e, const char *where)
{
    JournalRecord r;
    record_read(e, &r);
    if (r.kind == REC_UNKNOWN) fail_msg("%s: unknown kind '%s'", where, r.ev ? r.ev : "(none)");
    json_object *back = record_json(&r);
    if (!json_object_equal(e, back))
        fail_msg("%s: written back differs:\n  %s\n  %s", where, json_object_to_json_string(e),
                 json_object_to_json_string(back));
    json_object_put(back);
    record_free(&r);
}

static void test_real_sessions_round_trip(void **state)
{
    (void)state;
    static const char *const journals[] = {"tests/e2e/golden/full-en.jsonl", "tests/e2e/golden/group-en.jsonl",
                                           "tests/e2e/golden/solo-nl.jsonl", NULL};
    for (int j = 0; journals[j]; j++) {
        JournalLog log;
        DiagList d;
        diag_init(&d);
        assert_int_equal(journal_read(journals[j], &log, &d), 0);
        diag_free(&d);
        for (int i = 0; i < log.n; i++) {
            char where[256];
            snprintf(where, sizeof where, "%s entry %d", journals[j], i + 1);
            assert_round_trip(log.v[i], where);
        }
        journal_log_free(&log);
    }
}

/* The kinds the golden sessions do not hold, as docs/journal.md describes them. */
static void test_other_kinds_round_trip(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "{\"ev\":\"recast\",\"at\":\"2025-11-22T10:00:00Z\",\"name\":\"Sanne\",\"role\":\"ops\","
        "\"character\":\"Karin Mertens\",\"character_core\":\"geduld\",\"reason\":\"as decided\"}",
        "{\"ev\":\"script-error\",\"at\":\"2025-11-22T10:00:00Z\",\"text\":\"characters/x.lua:3: boom\"}",
        "{\"ev\":\"stuck\",\"at\":\"2025-11-22T10:00:00Z\",\"text\":\"no choice available\"}",
        "{\"ev\":\"resume\",\"at\":\"2025-11-22T10:00:00Z\",\"dropped\":1,\"mismatches\":0}",
        "{\"ev\":\"branch\",\"at\":\"2025-11-22T10:00:00Z\",\"from_journal\":\"a.jsonl\",\"from\":\"5\",\"entry\":12}",
        "{\"ev\":\"quit\",\"at\":\"2025-11-22T10:00:00Z\",\"why\":\"end of input\"}",
        "{\"ev\":\"participant\",\"at\":\"2025-11-22T10:00:00Z\",\"name\":\"An\",\"core\":\"tact\",\"goal\":\"g\","
        "\"role\":\"ouder\",\"character\":\"Anouk\",\"character_core\":\"directheid\",\"reason\":\"r\","
        "\"own_name\":\"Anouk\",\"about\":\"Ik werk 's nachts.\"}",
        "{\"ev\":\"vote\",\"at\":\"2025-11-22T10:00:00Z\",\"votes\":[],\"scene\":\"markt\"}",
        "{\"ev\":\"start\",\"at\":\"2025-11-22T10:00:00Z\",\"format\":\"verbeeld-journal\",\"version\":1,"
        "\"scenario\":\"moveon\",\"seed\":4,\"from_journal\":\"/tmp/first.jsonl\"}",
        "{\"ev\":\"then\",\"at\":\"2025-11-22T10:00:00Z\",\"ending\":\"isabel\",\"act\":\"eerste-week\",\"steps\":27,"
        "\"from_journal\":\"/tmp/first.jsonl\",\"registration\":\"6fc91a77-aef0-51bf-bf5c-be70f04759ed\","
        "\"title\":\"Isabel aan het roer\",\"vars\":{\"vertrouwen\":8,\"eenheid\":-0.5}}",
        "{\"ev\":\"recap\",\"at\":\"2025-11-22T10:00:00Z\",\"name\":\"Sanne\",\"role\":\"ops\",\"character\":\"Karin\","
        "\"goal\":\"g\",\"before\":6,\"after\":7,\"anchor\":\"voeten\","
        "\"corners\":{\"core\":1,\"pitfall\":2,\"challenge\":3,\"allergy\":0}}",
        "{\"ev\":\"rating\",\"at\":\"2025-11-22T10:00:00Z\",\"moment\":\"before\",\"name\":\"Sanne\",\"rating\":7,"
        "\"text\":\"Dit lukt me nu: g\"}",
        NULL};
    for (int i = 0; lines[i]; i++) {
        json_object *e = json_tokener_parse(lines[i]);
        assert_non_null(e);
        assert_round_trip(e, lines[i]);
        json_object_put(e);
    }
}

static void test_kinds_by_name(void **state)
{
    (void)state;
    for (int k = REC_UNKNOWN + 1; k < REC_KINDS; k++) {
        const char *name = record_kind_name((RecordKind)k);
        assert_true(name[0] != '\0');
        assert_int_equal(record_kind(name), k);
    }
    assert_int_equal(record_kind("a-kind-of-a-later-version"), REC_UNKNOWN);
    assert_int_equal(record_kind(NULL), REC_UNKNOWN);
}

/* A later version's kind is read as unknown and written back under its own name. */
static void test_unknown_kind_kept(void **state)
{
    (void)state;
    json_object *e = json_tokener_parse("{\"ev\":\"later\",\"at\":\"2025-11-22T10:00:00Z\",\"text\":\"x\"}");
    JournalRecord r;
    record_read(e, &r);
    assert_int_equal(r.kind, REC_UNKNOWN);
    json_object *back = record_json(&r);
    assert_true(json_object_equal(e, back));
    json_object_put(back);
    json_object_put(e);
}

static void test_undo_without_steps_is_one(void **state)
{
    (void)state;
    json_object *e = json_tokener_parse("{\"ev\":\"undo\",\"at\":\"2025-11-22T10:00:00Z\"}");
    JournalRecord r;
    record_read(e, &r);
    assert_int_equal(r.kind, REC_UNDO);
    assert_int_equal(r.steps, 1);
    json_object_put(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_sessions_round_trip),
        cmocka_unit_test(test_other_kinds_round_trip),
        cmocka_unit_test(test_kinds_by_name),
        cmocka_unit_test(test_unknown_kind_kept),
        cmocka_unit_test(test_undo_without_steps_is_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
