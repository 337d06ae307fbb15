/*
 * xapi.c - the debrief as xAPI 1.0.3 statements, for a learning record store: who chose what
 * in which scene, their time-outs, the trainer's notes and the ending. Ids are stable: the
 * registration comes from the session's start (a return session's from its first session's,
 * so that a learning record store sees both as one registration), each statement id from its
 * place in it.
 */
#include "debrief/xapi.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "debrief/uuid.h"

#define VERB(v) "http://adlnet.gov/expapi/verbs/" v
#define ACT_TYPE(t) "http://adlnet.gov/expapi/activities/" t
/* Accounts live on no real system; .invalid is the name reserved for exactly that (RFC 2606). */
#define ACCOUNT_HOME "https://verbeeld.invalid"
#define EXT(k) "urn:verbeeld:xapi:" k

static const char *const verb_names[][3] = {
    /* id suffix, en-US, nl-NL */
    {"attempted", "attempted", "begon aan"},
    {"responded", "responded", "koos"},
    {"suspended", "suspended", "stapte uit"},
    {"resumed", "resumed", "stapte weer in"},
    {"commented", "commented", "noteerde"},
    {"completed", "completed", "voltooide"},
    {"voided", "voided", "trok in"},
};

enum { V_ATTEMPTED, V_RESPONDED, V_SUSPENDED, V_RESUMED, V_COMMENTED, V_COMPLETED, V_VOIDED };

/* Part of an IRI: unreserved characters as they are, everything else percent-encoded. */
static void iri_part(StrBuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
            sb_addc(b, (char)*p);
        else
            sb_addf(b, "%%%02X", *p);
    }
}

static char *activity_id(const Debrief *db, const char *scene, const char *choice)
{
    StrBuf b;
    sb_init(&b);
    sb_add(&b, "urn:verbeeld:scenario:");
    iri_part(&b, db->scenario);
    if (scene) { sb_add(&b, ":scene:"); iri_part(&b, scene); }
    if (choice) { sb_add(&b, ":choice:"); iri_part(&b, choice); }
    return sb_take(&b);
}

static json_object *lang_map(const Debrief *db, const char *text)
{
    json_object *m = json_object_new_object();
    json_object_object_add(m, db->session_lang ? db->session_lang : "nl", json_object_new_string(text ? text : ""));
    return m;
}

static json_object *activity(const Debrief *db, const char *scene, const char *choice, const char *name, const char *type)
{
    json_object *a = json_object_new_object();
    json_object_object_add(a, "objectType", json_object_new_string("Activity"));
    char *id = activity_id(db, scene, choice);
    json_object_object_add(a, "id", json_object_new_string(id));
    free(id);
    json_object *def = json_object_new_object();
    if (name) json_object_object_add(def, "name", lang_map(db, name));
    json_object_object_add(def, "type", json_object_new_string(type));
    json_object_object_add(a, "definition", def);
    return a;
}

static json_object *scenario_activity(const Debrief *db)
{
    return activity(db, NULL, NULL, db->title ? db->title : db->scenario, ACT_TYPE("simulation"));
}

static json_object *agent(const char *name)
{
    json_object *a = json_object_new_object();
    json_object_object_add(a, "objectType", json_object_new_string("Agent"));
    json_object_object_add(a, "name", json_object_new_string(name));
    json_object *acc = json_object_new_object();
    json_object_object_add(acc, "homePage", json_object_new_string(ACCOUNT_HOME));
    json_object_object_add(acc, "name", json_object_new_string(name));
    json_object_object_add(a, "account", acc);
    return a;
}

/* The whole group, as an anonymous Group of its members (for choices the group made). */
static json_object *group(const Debrief *db)
{
    json_object *g = json_object_new_object();
    json_object_object_add(g, "objectType", json_object_new_string("Group"));
    json_object_object_add(g, "name", json_object_new_string(_("The group")));
    json_object *m = json_object_new_array();
    for (int i = 0; i < db->np; i++) json_object_array_add(m, agent(db->p[i].name ? db->p[i].name : "?"));
    json_object_object_add(g, "member", m);
    return g;
}

static json_object *actor_for(const Debrief *db, const char *name)
{
    return debrief_find(db, name) >= 0 ? agent(name) : group(db);
}

static json_object *verb(int v)
{
    json_object *o = json_object_new_object();
    char *id = xasprintf(VERB("%s"), verb_names[v][0]);
    json_object_object_add(o, "id", json_object_new_string(id));
    free(id);
    json_object *d = json_object_new_object();
    json_object_object_add(d, "en-US", json_object_new_string(verb_names[v][1]));
    json_object_object_add(d, "nl-NL", json_object_new_string(verb_names[v][2]));
    json_object_object_add(o, "display", d);
    return o;
}

static json_object *context(const Debrief *db, const char *scene, const char *scene_title)
{
    json_object *c = json_object_new_object();
    json_object_object_add(c, "registration", json_object_new_string(db->registration));
    json_object_object_add(c, "platform", json_object_new_string("verbeeld"));
    if (db->session_lang) json_object_object_add(c, "language", json_object_new_string(db->session_lang));
    json_object *ca = json_object_new_object();
    json_object *grouping = json_object_new_array();
    json_object_array_add(grouping, scenario_activity(db));
    json_object_object_add(ca, "grouping", grouping);
    if (scene) {
        json_object *parent = json_object_new_array();
        json_object_array_add(parent, activity(db, scene, NULL, scene_title, ACT_TYPE("module")));
        json_object_object_add(ca, "parent", parent);
    }
    json_object_object_add(c, "contextActivities", ca);
    return c;
}

static json_object *statement(const Debrief *db, int entry, int who, json_object *actor, int v, json_object *object,
                              json_object *ctx)
{
    json_object *s = json_object_new_object();
    char key[64], id[37];
    /* A return session shares its first session's registration: its ids must not meet theirs. */
    snprintf(key, sizeof key, "%sstatement:%d:%d", db->is_return ? "return:" : "", entry, who);
    uuid_v5(db->registration, key, id);
    json_object_object_add(s, "id", json_object_new_string(id));
    json_object_object_add(s, "actor", actor);
    json_object_object_add(s, "verb", verb(v));
    json_object_object_add(s, "object", object);
    json_object_object_add(s, "context", ctx);
    const char *at = db->rec[entry].at;
    if (at) json_object_object_add(s, "timestamp", json_object_new_string(at));
    json_object_object_add(s, "version", json_object_new_string("1.0.3"));
    return s;
}

static json_object *result_response(const char *response)
{
    json_object *r = json_object_new_object();
    if (response) json_object_object_add(r, "response", json_object_new_string(response));
    return r;
}

/* The title of the scene an entry happened in (from the journal's scene entries). */
static const char *scene_title_before(const Debrief *db, int entry, const char *scene)
{
    for (int i = entry; i >= 0; i--)
        if (db->rec[i].kind == REC_SCENE && streq(db->rec[i].scene, scene))
            return db->rec[i].title;
    return scene;
}

static void add_choice(const Debrief *db, json_object *all, int i)
{
    const JournalRecord *e = &db->rec[i];
    const char *scene = e->scene, *choice = e->choice;
    StrBuf cid;
    sb_init(&cid);
    sb_addf(&cid, "%s/%s", scene ? scene : "", choice ? choice : "");
    json_object *obj = activity(db, scene, cid.s, e->text, ACT_TYPE("interaction"));
    sb_free(&cid);
    json_object *res = result_response(choice);
    json_object *ext = json_object_new_object();
    if (e->quality) json_object_object_add(ext, EXT("quality"), json_object_new_string(e->quality));
    if (e->corner) json_object_object_add(ext, EXT("corner"), json_object_new_string(e->corner));
    json_object_object_add(res, "extensions", ext);
    json_object *ctx = context(db, scene, scene_title_before(db, i, scene));
    if (e->character) {
        json_object *cext = json_object_new_object();
        json_object_object_add(cext, EXT("character"), json_object_new_string(e->character));
        json_object_object_add(ctx, "extensions", cext);
    }
    json_object *s = statement(db, i, 0, actor_for(db, e->by), V_RESPONDED, obj, ctx);
    json_object_object_add(s, "result", res);
    json_object_array_add(all, s);
}

static void add_completed(const Debrief *db, json_object *all, int i)
{
    for (int k = 0; k < db->np; k++) {
        const DebriefParticipant *p = &db->p[k];
        json_object *res = result_response(db->ending);
        json_object_object_add(res, "completion", json_object_new_boolean(1));
        json_object *ext = json_object_new_object();
        json_object *corners = json_object_new_object();
        for (int c = 0; c < CORNERS; c++)
            json_object_object_add(corners, corner_id((Corner)c), json_object_new_int(p->corners[c]));
        json_object_object_add(ext, EXT("corners"), corners);
        /* The corners say something about the participant's own challenge only on their
         * opposite quadrant; a learning record store must not read them so otherwise. */
        if (p->has_quadrants)
            json_object_object_add(ext, EXT("on-opposite-quadrant"), json_object_new_boolean(p->exact));
        json_object_object_add(res, "extensions", ext);
        json_object *s = statement(db, i, k, agent(p->name ? p->name : "?"), V_COMPLETED, scenario_activity(db),
                                   context(db, NULL, NULL));
        json_object_object_add(s, "result", res);
        json_object_array_add(all, s);
    }
}

/* A handout's statements: those whose actor is the participant. Consumes `all`. */
static json_object *only_theirs(json_object *all, const char *name)
{
    json_object *mine = json_object_new_array(), *actor, *actor_name;
    for (size_t k = 0; k < json_object_array_length(all); k++) {
        json_object *s = json_object_array_get_idx(all, k);
        if (json_object_object_get_ex(s, "actor", &actor) && json_object_object_get_ex(actor, "name", &actor_name) &&
            streq(json_object_get_string(actor_name), name))
            json_object_array_add(mine, json_object_get(s));
    }
    json_object_put(all);
    return mine;
}

json_object *xapi_statements(const Debrief *db)
{
    json_object *all = json_object_new_array();
    for (int k = 0; k < db->np; k++)
        json_object_array_add(all, statement(db, 0, k, agent(db->p[k].name ? db->p[k].name : "?"), V_ATTEMPTED,
                                             scenario_activity(db), context(db, NULL, NULL)));
    for (int i = 1; i < db->log->n; i++) {
        if (db->undone[i]) continue;      /* taken back: it did not happen in the story */
        const JournalRecord *e = &db->rec[i];
        if (e->kind == REC_CHOICE) {
            add_choice(db, all, i);
        } else if (e->kind == REC_TIMEOUT || e->kind == REC_GO) {
            int to = e->kind == REC_TIMEOUT;
            json_object *s = statement(db, i, 0, actor_for(db, e->who), to ? V_SUSPENDED : V_RESUMED,
                                       scenario_activity(db), context(db, NULL, NULL));
            if (to && e->why) json_object_object_add(s, "result", result_response(e->why));
            json_object_array_add(all, s);
        } else if (e->kind == REC_NOTE) {
            const char *scene = e->scene;
            json_object *obj = scene ? activity(db, scene, NULL, scene_title_before(db, i, scene), ACT_TYPE("module"))
                                     : scenario_activity(db);
            json_object *ctx = context(db, NULL, NULL);
            if (e->about) {
                json_object *cext = json_object_new_object();
                json_object_object_add(cext, EXT("about"), json_object_new_string(e->about));
                json_object_object_add(ctx, "extensions", cext);
            }
            json_object *s = statement(db, i, 0, agent(_("trainer")), V_COMMENTED, obj, ctx);
            json_object_object_add(s, "result", result_response(e->text));
            json_object_array_add(all, s);
        } else if (e->kind == REC_ENDING) {
            add_completed(db, all, i);
        }
    }
    if (db->only >= 0) all = only_theirs(all, db->p[db->only].name);
    return all;
}

json_object *xapi_voiding(const Debrief *db, const char *id)
{
    json_object *s = json_object_new_object(), *ref = json_object_new_object(), *ctx = json_object_new_object();
    char key[80], own[37];
    snprintf(key, sizeof key, "void:%s", id);
    uuid_v5(db->registration, key, own);
    json_object_object_add(s, "id", json_object_new_string(own));
    json_object_object_add(s, "actor", agent(_("trainer")));
    json_object_object_add(s, "verb", verb(V_VOIDED));
    json_object_object_add(ref, "objectType", json_object_new_string("StatementRef"));
    json_object_object_add(ref, "id", json_object_new_string(id));
    json_object_object_add(s, "object", ref);
    /* No platform: xAPI allows it only on statements about an activity. */
    json_object_object_add(ctx, "registration", json_object_new_string(db->registration));
    json_object_object_add(s, "context", ctx);
    json_object_object_add(s, "version", json_object_new_string("1.0.3"));
    return s;
}

int xapi_write(const Debrief *db, FILE *out)
{
    json_object *all = xapi_statements(db);
    fputs(json_object_to_json_string_ext(all, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE), out);
    fputc('\n', out);
    json_object_put(all);
    return ferror(out) ? -1 : 0;
}
