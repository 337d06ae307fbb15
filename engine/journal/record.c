/*
 * record.c - journal entries read into typed records and written back, through one table of
 * every field a journal may hold (docs/journal.md says what each means).
 */
#include "journal/record.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "journal/journal.h"

/* ============================== kinds ============================== */

static const char *const kind_names[REC_KINDS] = {
    [REC_UNKNOWN] = "", [REC_START] = "start", [REC_PARTICIPANT] = "participant", [REC_RECAST] = "recast",
    [REC_SCENE] = "scene", [REC_CHOICE] = "choice", [REC_VOTE] = "vote", [REC_BALLOT] = "ballot", [REC_REACT] = "react",
    [REC_EVENT] = "event", [REC_INJECT] = "inject", [REC_RETURN] = "return", [REC_ENDING] = "ending",
    [REC_END] = "end", [REC_ANCHOR] = "anchor", [REC_SCRIPT_ERROR] = "script-error", [REC_STUCK] = "stuck",
    [REC_TIMEOUT] = "timeout", [REC_GO] = "go", [REC_NOTE] = "note",
    [REC_SAY] = "say", [REC_TAG] = "tag", [REC_UNDO] = "undo", [REC_VIEW] = "view",
    [REC_RESUME] = "resume", [REC_BRANCH] = "branch", [REC_QUIT] = "quit", [REC_THEN] = "then",
    [REC_RECAP] = "recap", [REC_RATING] = "rating",
};

const char *const record_corner_names[RECORD_CORNERS] = {"core", "pitfall", "challenge", "allergy"};

const char *record_kind_name(RecordKind k)
{
    return k > REC_UNKNOWN && k < REC_KINDS ? kind_names[k] : "";
}

RecordKind record_kind(const char *ev)
{
    for (int k = REC_UNKNOWN + 1; ev && k < REC_KINDS; k++)
        if (streq(kind_names[k], ev)) return (RecordKind)k;
    return REC_UNKNOWN;
}

/* ============================== fields ============================== */

typedef enum { F_STR, F_INT, F_LLONG, F_FLAG } FieldType;

typedef struct {
    const char *key;
    FieldType type;
    size_t off;
} Field;

#define S(name) {#name, F_STR, offsetof(JournalRecord, name)}
#define I(name) {#name, F_INT, offsetof(JournalRecord, name)}
#define FLAG(key, name) {key, F_FLAG, offsetof(JournalRecord, name)}

/* Every field but "ev" and "votes"; a field's bit in `present` is its place here. An entry is
 * written in this order: where and who first, what was said last, so that a line reads well. */
static const Field fields[] = {
    S(at), S(format), I(version), S(program), S(scenario), I(scenario_version), S(path), S(lang),
    {"seed", F_LLONG, offsetof(JournalRecord, seed)}, S(cast),
    I(step), S(moment), S(scene), S(event), S(ending), S(act), S(choice), FLAG("after_undo", after_undo),
    S(name), S(who), S(by), S(about), S(to), S(role), S(character), S(character_core), S(core), S(goal),
    S(reason), S(card), S(own_name), FLAG("briefed", briefed),
    FLAG("auto", automatic), FLAG("turning", turning), S(quality), S(corner), S(result), I(rating),
    I(before), I(after), S(mood),
    FLAG("played", played), FLAG("show_corners", show_corners), FLAG("projector", projector), S(why), I(steps), I(dropped), {"cut_bytes", F_LLONG, offsetof(JournalRecord, cut_bytes)},
    I(mismatches), S(from_journal), S(from), I(entry),
    S(registration), S(anchor), S(title), S(text), FLAG("cut", cut),
};

#undef S
#undef I
#undef FLAG

#define NFIELDS (sizeof fields / sizeof *fields)
_Static_assert(NFIELDS <= 64, "one bit of `present` per field");

static void read_field(json_object *v, const Field *f, JournalRecord *r)
{
    char *at = (char *)r + f->off;
    switch (f->type) {
    case F_STR: *(const char **)at = json_object_get_type(v) == json_type_string ? json_object_get_string(v) : NULL; break;
    case F_INT: *(int *)at = json_object_get_int(v); break;
    case F_LLONG: *(long long *)at = json_object_get_int64(v); break;
    case F_FLAG: *(int *)at = json_object_get_boolean(v); break;
    }
}

/* A string as JSON, valid UTF-8 whatever it came from (a script's line may hold any bytes):
 * a journal is read by other programs, and one bad byte makes the line unreadable to them. */
static json_object *json_text(const char *s)
{
    if (utf8_valid(s, strlen(s))) return json_object_new_string(s);
    char *repaired = utf8_repair(s);
    json_object *o = json_object_new_string(repaired);
    free(repaired);
    return o;
}

static json_object *field_json(const Field *f, const JournalRecord *r)
{
    const char *at = (const char *)r + f->off;
    switch (f->type) {
    case F_STR: return *(const char *const *)at ? json_text(*(const char *const *)at) : NULL;
    case F_INT: return json_object_new_int(*(const int *)at);
    case F_LLONG: return json_object_new_int64(*(const long long *)at);
    case F_FLAG: return json_object_new_boolean(*(const int *)at);
    }
    return NULL;
}

/* ============================== votes ============================== */

static void read_votes(json_object *e, JournalRecord *r)
{
    json_object *votes;
    if (!json_object_object_get_ex(e, "votes", &votes) || !json_object_is_type(votes, json_type_array)) return;
    size_t n = json_object_array_length(votes);
    r->votes = xcalloc(n + 1, sizeof *r->votes);
    for (size_t k = 0; k < n; k++) {
        json_object *v = json_object_array_get_idx(votes, k);
        r->votes[r->nvotes++] = (RecordVote){jstr(v, "by"), jstr(v, "choice"), jstr(v, "quality"), jstr(v, "corner")};
    }
}

static void add_str(json_object *o, const char *key, const char *value)
{
    if (value) json_object_object_add(o, key, json_text(value));
}

static json_object *votes_json(const JournalRecord *r)
{
    json_object *a = json_object_new_array();
    for (int k = 0; k < r->nvotes; k++) {
        json_object *v = json_object_new_object();
        add_str(v, "by", r->votes[k].by);
        add_str(v, "choice", r->votes[k].choice);
        add_str(v, "quality", r->votes[k].quality);
        add_str(v, "corner", r->votes[k].corner);
        json_object_array_add(a, v);
    }
    return a;
}

/* ============================== vars and corners ============================== */

static void read_vars(json_object *e, JournalRecord *r)
{
    json_object *vars;
    if (!json_object_object_get_ex(e, "vars", &vars) || !json_object_is_type(vars, json_type_object)) return;
    r->vars = xcalloc((size_t)json_object_object_length(vars) + 1, sizeof *r->vars);
    json_object_object_foreach(vars, key, val)
        if (json_object_is_type(val, json_type_double) || json_object_is_type(val, json_type_int))
            r->vars[r->nvars++] = (RecordVar){key, json_object_get_double(val)};
}

static json_object *vars_json(const JournalRecord *r)
{
    json_object *o = json_object_new_object();
    for (int k = 0; k < r->nvars; k++) {
        double v = r->vars[k].value;
        json_object_object_add(o, r->vars[k].name,
                               v == (double)(long long)v ? json_object_new_int64((long long)v) : json_object_new_double(v));
    }
    return o;
}

static void read_corners(json_object *e, JournalRecord *r)
{
    json_object *c;
    if (!json_object_object_get_ex(e, "corners", &c) || !json_object_is_type(c, json_type_object)) return;
    r->has_corners = 1;
    for (int k = 0; k < RECORD_CORNERS; k++) r->corners[k] = (int)jint(c, record_corner_names[k], 0);
}

static json_object *corners_json(const JournalRecord *r)
{
    json_object *o = json_object_new_object();
    for (int k = 0; k < RECORD_CORNERS; k++) json_object_object_add(o, record_corner_names[k], json_object_new_int(r->corners[k]));
    return o;
}

/* ============================== records ============================== */

void record_read(json_object *e, JournalRecord *r)
{
    memset(r, 0, sizeof *r);
    r->ev = jstr(e, "ev");
    r->kind = record_kind(r->ev);
    for (size_t i = 0; i < NFIELDS; i++) {
        json_object *v;
        if (!json_object_object_get_ex(e, fields[i].key, &v) || !v) continue;
        read_field(v, &fields[i], r);
        r->present |= 1ULL << i;
    }
    if (r->kind == REC_UNDO && !r->steps) r->steps = 1;
    if (r->kind == REC_VOTE) read_votes(e, r);
    if (r->kind == REC_THEN) read_vars(e, r);
    if (r->kind == REC_RECAP) read_corners(e, r);
}

void record_mark(JournalRecord *r, size_t offset)
{
    for (size_t i = 0; i < NFIELDS; i++)
        if (fields[i].off == offset) r->present |= 1ULL << i;
}

JournalRecord *record_read_all(const JournalLog *log)
{
    JournalRecord *rec = xcalloc((size_t)log->n + 1, sizeof *rec);
    for (int i = 0; i < log->n; i++) record_read(log->v[i], &rec[i]);
    return rec;
}

long long record_played_seconds(const JournalRecord *rec, int n, int *timeouts)
{
    long long played = 0, paused = 0, run_start = 0, last = 0, paused_at = 0;
    int count = 0;
    for (int i = 0; i <= n; i++) {
        long long at = i < n ? journal_time(rec[i].at) : 0;
        if (i < n && !at) continue;
        int new_run = i == n || !run_start || rec[i].kind == REC_RESUME || rec[i].kind == REC_BRANCH;
        if (new_run && run_start) {                   /* the gap between runs is not play */
            if (last > run_start) played += last - run_start;
            if (paused_at && last > paused_at) paused += last - paused_at;
            paused_at = 0;
        }
        if (i == n) break;
        if (new_run) run_start = at;
        if (rec[i].kind == REC_TIMEOUT) {
            count++;
            if (!paused_at) paused_at = at;
        } else if (rec[i].kind == REC_GO && paused_at) {
            paused += at - paused_at;
            paused_at = 0;
        }
        last = at;
    }
    if (timeouts) *timeouts = count;
    return played > paused ? played - paused : 0;
}

void record_free_all(JournalRecord *rec, int n)
{
    for (int i = 0; rec && i < n; i++) record_free(&rec[i]);
    free(rec);
}

void record_free(JournalRecord *r)
{
    free(r->votes);
    r->votes = NULL;
    r->nvotes = 0;
    free(r->vars);
    r->vars = NULL;
    r->nvars = 0;
}

/* A number or flag that is 0 or false is left out unless it was marked present. */
static int field_is_zero(const Field *f, const JournalRecord *r)
{
    const char *at = (const char *)r + f->off;
    switch (f->type) {
    case F_STR: return 0;
    case F_INT: case F_FLAG: return *(const int *)at == 0;
    case F_LLONG: return *(const long long *)at == 0;
    }
    return 0;
}

json_object *record_json(const JournalRecord *r)
{
    const char *ev = r->kind == REC_UNKNOWN ? r->ev : record_kind_name(r->kind);
    json_object *o;
    if (r->at) {
        o = json_object_new_object();
        json_object_object_add(o, "ev", json_object_new_string(ev ? ev : ""));
    } else {
        o = journal_entry(ev ? ev : "");         /* "ev", and "at" now */
    }
    for (size_t i = 0; i < NFIELDS; i++) {
        if (!(r->present & (1ULL << i)) && field_is_zero(&fields[i], r)) continue;
        json_object *v = field_json(&fields[i], r);
        if (v) json_object_object_add(o, fields[i].key, v);
    }
    if (r->kind == REC_VOTE && r->votes) json_object_object_add(o, "votes", votes_json(r));
    if (r->kind == REC_THEN && r->vars) json_object_object_add(o, "vars", vars_json(r));
    if (r->kind == REC_RECAP && r->has_corners) json_object_object_add(o, "corners", corners_json(r));
    return o;
}
