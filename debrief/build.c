/*
 * build.c - reading a journal into the Debrief summary: participants, undone steps, corners.
 */
#include "debrief.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

static long long parse_time(const char *at)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!at || !strptime(at, "%Y-%m-%dT%H:%M:%SZ", &tm)) return 0;
    return (long long)timegm(&tm);
}

static int is_story(const char *ev)
{
    static const char *const kinds[] = {"choice", "react", "scene", "event", "inject", "return", "ending", NULL};
    for (int i = 0; kinds[i]; i++)
        if (streq(ev, kinds[i])) return 1;
    return 0;
}

static int is_auto(json_object *e)
{
    json_object *v;
    return json_object_object_get_ex(e, "auto", &v) && json_object_get_boolean(v);
}

/* /back N takes back the last N choices entered, with everything the story did after them. */
static void mark_undone(Debrief *db, int at, int steps)
{
    int counted = 0;
    for (int j = at - 1; j >= 0 && counted < steps; j--) {
        json_object *e = db->log->v[j];
        const char *ev = jstr(e, "ev");
        if (db->undone[j] || !is_story(ev)) continue;
        db->undone[j] = 1;
        if (streq(ev, "choice") && !is_auto(e)) counted++;
    }
}

static DebriefParticipant *find(Debrief *db, const char *name)
{
    for (int i = 0; i < db->np; i++)
        if (streq(db->p[i].name, name)) return &db->p[i];
    return NULL;
}

static void add_participant(Debrief *db, json_object *e)
{
    db->p = xrealloc(db->p, (size_t)(db->np + 1) * sizeof *db->p);
    DebriefParticipant *p = &db->p[db->np++];
    memset(p, 0, sizeof *p);
    p->name = jstr(e, "name");
    p->core = jstr(e, "core");
    p->goal = jstr(e, "goal");
    p->role = jstr(e, "role");
    p->character = jstr(e, "character");
    p->character_core = jstr(e, "character_core");
    p->reason = jstr(e, "reason");
}

static void count_choice(Debrief *db, json_object *e)
{
    DebriefParticipant *p = find(db, jstr(e, "by"));
    if (!p) return;
    p->choices++;
    Corner c = corner_from_id(jstr(e, "corner"));
    if (c == CORNER_NONE) p->unplaced++;
    else p->corners[c]++;
}

void debrief_build(Debrief *db, const JournalLog *log)
{
    memset(db, 0, sizeof *db);
    db->log = log;
    db->undone = xcalloc((size_t)log->n + 1, 1);
    json_object *start = log->v[0];
    db->title = jstr(start, "title");
    db->scenario = jstr(start, "scenario");
    db->lang = jstr(start, "lang");
    db->started = parse_time(jstr(start, "at"));
    db->finished = parse_time(jstr(log->v[log->n - 1], "at"));
    for (int i = 0; i < log->n; i++) {
        json_object *e = log->v[i];
        const char *ev = jstr(e, "ev");
        if (streq(ev, "participant")) add_participant(db, e);
        else if (streq(ev, "undo")) mark_undone(db, i, (int)jint(e, "steps", 1));
    }
    for (int i = 0; i < log->n; i++) {
        json_object *e = log->v[i];
        const char *ev = jstr(e, "ev");
        if (db->undone[i]) continue;
        if (streq(ev, "choice")) {
            db->choices++;
            count_choice(db, e);
        } else if (streq(ev, "timeout")) {
            db->timeouts++;
            DebriefParticipant *p = find(db, jstr(e, "who"));
            if (p) p->timeouts++;
        } else if (streq(ev, "note")) {
            db->notes++;
            DebriefParticipant *p = find(db, jstr(e, "about"));
            if (p) p->notes++;
        } else if (streq(ev, "ending")) {
            db->ending_title = jstr(e, "title");
        }
    }
}

void debrief_free(Debrief *db)
{
    free(db->undone);
    free(db->p);
    memset(db, 0, sizeof *db);
}
