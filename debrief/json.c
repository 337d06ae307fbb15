/*
 * json.c - the debrief as JSON: everything the other formats show, as data, for tools and
 * archives. docs/debrief.schema.json describes it; "format" and "version" name that schema.
 */
#include "debrief/json.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"

static void add_str(json_object *o, const char *key, const char *v)
{
    if (v) json_object_object_add(o, key, json_object_new_string(v));
}

static void add_int(json_object *o, const char *key, long long v)
{
    json_object_object_add(o, key, json_object_new_int64((int64_t)v));
}

static json_object *iso_time(long long t)
{
    char buf[32] = "";
    time_t tt = (time_t)t;
    struct tm tm;
    if (gmtime_r(&tt, &tm)) strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return json_object_new_string(buf);
}

static json_object *quadrant(const Debrief *db, const Quadrant *q)
{
    json_object *o = json_object_new_object();
    for (int c = 0; c < CORNERS; c++) {
        json_object *t = json_object_new_object();
        add_str(t, "id", q->nl[c]);
        add_str(t, "name", debrief_term(db, q, (Corner)c));
        json_object_object_add(o, corner_id((Corner)c), t);
    }
    return o;
}

/* Whether entry e goes in this debrief: all of them, or in a handout what is the participant's
 * own (their choices, reactions to them, notes on them, their time-outs) and what belongs to
 * everyone (scenes, incidents, the group's choices, the ending); never someone else's. */
static int for_reader(const Debrief *db, const JournalRecord *e)
{
    if (db->only < 0) return 1;
    const char *me = db->p[db->only].name;
    if (e->kind == REC_VOTE) return 0;                  /* it holds everyone's votes and corners */
    if (e->kind == REC_THEN) return 0;                  /* the journal's path and the story's variables */
    const char *const people[] = {e->by, e->to, e->who, e->about, e->name};
    int names_someone = 0;
    for (size_t k = 0; k < sizeof people / sizeof *people; k++)
        if (people[k]) {
            if (streq(people[k], me)) return 1;
            names_someone = 1;
        }
    if (e->kind == REC_NOTE || e->kind == REC_TIMEOUT || e->kind == REC_GO) return 0;
    return !names_someone;
}

/* A journal entry as a story item: the entry as its record says, plus whether it was taken back. */
static json_object *story_item(const Debrief *db, int i)
{
    json_object *copy = record_json(&db->rec[i]);
    json_object_object_add(copy, "index", json_object_new_int(i));
    json_object_object_add(copy, "undone", json_object_new_boolean(db->undone[i]));
    return copy;
}

static json_object *corner_counts(const int *corners)
{
    json_object *o = json_object_new_object();
    for (int c = 0; c < CORNERS; c++) add_int(o, corner_id((Corner)c), corners[c]);
    return o;
}

/* The statement about the learning goal and its ratings (NULL when never rated). */
static json_object *ratings(const char *statement, int before, int after)
{
    if (!before && !after) return NULL;
    json_object *o = json_object_new_object();
    add_str(o, "statement", statement);
    json_object_object_add(o, "before", before ? json_object_new_int(before) : NULL);
    json_object_object_add(o, "after", after ? json_object_new_int(after) : NULL);
    return o;
}

/* A return session: the first session (then) and this one (now), and the weeks in between. */
static void then_and_now(const Debrief *db, const DebriefParticipant *p, json_object *o)
{
    if (!db->is_return) return;
    if (p->was_there) {
        json_object *then = json_object_new_object();
        json_object_object_add(then, "corners", corner_counts(p->then_corners));
        add_str(then, "anchor", p->then_anchor);
        json_object *r = ratings(NULL, p->then_before, p->then_after);
        if (r) json_object_object_add(then, "ratings", r);
        json_object_object_add(o, "then", then);
    }
    json_object *now = json_object_new_object();
    json_object_object_add(now, "corners", corner_counts(p->corners));
    add_str(now, "anchor", p->anchor);
    json_object_object_add(o, "now", now);
    json_object *between = json_object_new_array();
    for (int q = 0; q < p->nbetween; q++) json_object_array_add(between, json_object_new_string(p->between[q]));
    json_object_object_add(o, "between", between);
}

static json_object *participant(const Debrief *db, const DebriefParticipant *p)
{
    json_object *o = json_object_new_object();
    add_str(o, "name", p->name);
    add_str(o, "goal", p->goal ? p->goal : "");
    add_str(o, "core", p->core);
    add_str(o, "role", p->role);
    add_str(o, "character", p->character);
    add_str(o, "character_core", p->character_core);
    add_str(o, "reason", p->reason);
    add_str(o, "card", p->card);
    if (p->has_quadrants) {
        json_object_object_add(o, "quadrant", quadrant(db, &p->own));
        json_object_object_add(o, "character_quadrant", quadrant(db, &p->character_q));
        json_object_object_add(o, "on_opposite", json_object_new_boolean(p->exact));
    }
    json_object *corners = json_object_new_object();
    for (int c = 0; c < CORNERS; c++) add_int(corners, corner_id((Corner)c), p->corners[c]);
    add_int(corners, "none", p->unplaced);
    json_object_object_add(o, "corners", corners);
    json_object *seen = json_object_new_object();      /* the trainer's /tag, apart from the picks */
    for (int c = 0; c < CORNERS; c++) add_int(seen, corner_id((Corner)c), p->observed[c]);
    add_int(seen, "none", p->observed_unplaced);
    json_object_object_add(o, "observed", seen);
    add_int(o, "said", p->said);
    add_int(o, "choices", p->choices);
    add_int(o, "timeouts", p->timeouts);
    add_int(o, "notes", p->notes);
    add_int(o, "reactions", p->reactions);
    json_object *moments = json_object_new_array();
    for (int m = 0; m < p->nmoments; m++) {
        json_object *mo = json_object_new_object();
        add_str(mo, "kind", debrief_moment_id(p->moments[m].kind));
        add_int(mo, "index", p->moments[m].entry);
        const JournalRecord *e = debrief_moment_record(db, &p->moments[m]);
        add_str(mo, "at", e->at);
        add_str(mo, "scene", e->scene);
        add_str(mo, "choice", e->choice);
        add_str(mo, "text", e->text);
        add_str(mo, "quality", e->quality);
        add_str(mo, "corner", e->corner);
        add_str(mo, "who", e->who);
        add_str(mo, "mood", e->mood);
        add_str(mo, "why", e->why);
        if (p->moments[m].ballot >= 0) json_object_object_add(mo, "vote", json_object_new_boolean(1));
        json_object_array_add(moments, mo);
    }
    json_object_object_add(o, "moments", moments);
    json_object *qs = json_object_new_array();
    for (int q = 0; q < p->nquestions; q++) {
        json_object *qo = json_object_new_object();
        add_str(qo, "theme", p->questions[q].theme);
        add_str(qo, "source", p->questions[q].source);
        add_str(qo, "text", p->questions[q].text);
        json_object_array_add(qs, qo);
    }
    json_object_object_add(o, "questions", qs);
    json_object *anchor = json_object_new_object();
    add_str(anchor, "card", p->card);
    add_str(anchor, "card_name", p->anchor_title);
    add_str(anchor, "card_text", p->anchor_text);
    add_str(anchor, "prompt", p->anchor_prompt);
    add_str(anchor, "named", p->anchor);
    json_object_object_add(o, "anchor", anchor);
    json_object *ret = json_object_new_object();
    char day[32];
    debrief_date(db->return_day, day);
    add_str(ret, "date", day);
    add_str(ret, "goal", p->goal ? p->goal : "");
    add_str(ret, "scene", p->replay_scene);
    add_str(ret, "scene_title", p->replay_title);
    add_str(ret, "why", p->replay_why);
    char *cmd = debrief_replay_command(db, p);
    add_str(ret, "command", cmd);
    free(cmd);
    json_object_object_add(o, "return", ret);
    json_object *r = ratings(p->statement, p->before, p->after);
    if (r) json_object_object_add(o, "ratings", r);
    then_and_now(db, p, o);
    return o;
}

int json_write(const Debrief *db, FILE *out)
{
    json_object *o = json_object_new_object();
    add_str(o, "format", "verbeeld-debrief");
    add_int(o, "version", 1);
    add_str(o, "lang", db->lang);
    json_object *sc = json_object_new_object();
    add_str(sc, "id", db->scenario);
    add_str(sc, "title", db->title);
    add_str(sc, "lang", db->session_lang);
    json_object_object_add(sc, "found", json_object_new_boolean(db->s != NULL));
    json_object_object_add(o, "scenario", sc);
    if (db->only < 0) add_str(o, "journal", db->journal_path);
    add_str(o, "registration", db->registration);
    json_object_object_add(o, "started", iso_time(db->started));
    json_object_object_add(o, "finished", iso_time(db->finished));
    add_int(o, "minutes", debrief_minutes(db));
    if (db->branch_entry >= 0) {
        const JournalRecord *e = &db->rec[db->branch_entry];
        json_object *b = json_object_new_object();
        add_str(b, "from", e->from);
        if (db->only < 0) add_str(b, "from_journal", e->from_journal);
        json_object_object_add(o, "branch", b);
    }
    if (db->is_return) {
        const JournalRecord *t = db->then;
        json_object *first = json_object_new_object();
        if (db->only < 0) add_str(first, "journal", t->from_journal);
        add_str(first, "ending", t->ending);
        add_str(first, "ending_title", t->title);
        add_int(first, "choices", t->steps);
        json_object_object_add(o, "first_session", first);
    }
    json_object *counts = json_object_new_object();
    add_int(counts, "choices", db->choices);
    add_int(counts, "participant_choices", db->participant_choices);
    add_int(counts, "timeouts", db->timeouts);
    add_int(counts, "notes", db->notes);
    add_int(counts, "incidents", db->incidents);
    json_object_object_add(o, "counts", counts);
    json_object *story = json_object_new_array();
    for (int i = 1; i < db->log->n; i++)
        if (db->rec[i].kind != REC_PARTICIPANT && for_reader(db, &db->rec[i]))
            json_object_array_add(story, story_item(db, i));
    json_object_object_add(o, "story", story);
    if (db->ending_entry >= 0) {
        json_object *end = json_object_new_object();
        add_str(end, "id", db->ending);
        add_str(end, "title", db->ending_title);
        json_object *led = json_object_new_array();
        for (int k = 0; k < db->nled_to; k++) json_object_array_add(led, json_object_new_int(db->led_to[k]));
        json_object_object_add(end, "led_to", led);
        json_object_object_add(o, "ending", end);
    } else {
        json_object_object_add(o, "ending", NULL);
    }
    char day[32];
    debrief_date(db->return_day, day);
    add_str(o, "return_date", day);
    if (db->only < 0) {
        json_object *gq = json_object_new_array();
        for (int q = 0; q < db->ngroup; q++) json_object_array_add(gq, json_object_new_string(db->group_questions[q]));
        json_object_object_add(o, "group_questions", gq);
    }
    json_object *ps = json_object_new_array();
    for (int i = 0; i < db->np; i++)
        if (db->only < 0 || i == db->only) json_object_array_add(ps, participant(db, &db->p[i]));
    json_object_object_add(o, "participants", ps);
    fputs(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE), out);
    fputc('\n', out);
    json_object_put(o);
    return ferror(out) ? -1 : 0;
}
