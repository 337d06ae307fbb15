/*
 * send.c - a session's statements to a learning record store: built from the journal as the
 * debrief's xAPI, minus what JOURNAL.sent says the LRS acknowledged, posted in batches. A
 * batch the LRS will not take whole (a conflict, a refused statement) goes one by one, so
 * that each statement is sent, known to be there already, or named with the LRS's reason.
 */
#include "lrs/send.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "debrief/debrief.h"
#include "debrief/xapi.h"
#include "journal/journal.h"
#include "journal/record.h"
#include "lrs/http.h"
#include "lrs/sentlog.h"

char *send_statements_url(const char *url)
{
    size_t n = strlen(url);
    while (n && url[n - 1] == '/') n--;
    if (n >= 11 && strncmp(url + n - 11, "/statements", 11) == 0) return xstrndup(url, n);
    return xasprintf("%.*s/statements", (int)n, url);
}

static long env_number(const char *name, long dflt, long lo, long hi)
{
    const char *v = getenv(name);
    char *end;
    long k = v && *v ? strtol(v, &end, 10) : 0;
    return v && *v && !*end && k >= lo && k <= hi ? k : dflt;
}

void send_defaults(SendOptions *o)
{
    o->batch = (int)env_number("VERBEELD_LRS_BATCH", 50, 1, 1000);
    o->timeout = env_number("VERBEELD_LRS_TIMEOUT", 30, 1, 3600);
}

/* ============================== the statements ============================== */

typedef struct {
    const SendOptions *o;
    SendResult *r;
    SentLog log;
    json_object *all;        /* the session's statements */
    json_object *voids;      /* statements voiding what was taken back */
} Sending;

/* The debrief's statements, in the session's language whatever the messages' language, so
 * that a statement never changes between two sends. */
static void statements_of(const char *journal, const JournalLog *log, Sending *s)
{
    JournalRecord start;
    record_read(log->v[0], &start);
    char user_lang[8];
    snprintf(user_lang, sizeof user_lang, "%s", i18n_lang());
    i18n_init(i18n_known(start.lang) ? start.lang : "nl");
    Debrief db;
    debrief_build(&db, log, journal, i18n_lang());
    s->all = xapi_statements(&db);
    /* Statements the LRS has that the session no longer holds were taken back: void them. */
    s->voids = json_object_new_array();
    IdSet now = {0};
    for (size_t i = 0; i < json_object_array_length(s->all); i++)
        sentlog_add_id(&now, jstr(json_object_array_get_idx(s->all, i), "id"));
    sentlog_sort(&now);
    for (int i = 0; i < s->log.sent.n; i++) {
        const char *id = s->log.sent.v[i];
        if (!sentlog_has(&now, id) && !sentlog_has(&s->log.voided, id))
            json_object_array_add(s->voids, xapi_voiding(&db, id));
    }
    sentlog_free_ids(&now);
    debrief_free(&db);
    record_free(&start);
    i18n_init(user_lang);
}

/* ============================== the LRS's answers ============================== */

/* The LRS's reason, from its answer: Learning Locker's {"message"} or {"warnings": [...]},
 * another's plain text; cleaned and cut short, for the answer is the server's to choose. */
static char *reason_of(const HttpReply *h)
{
    StrBuf b;
    sb_init(&b);
    json_object *o = json_tokener_parse(h->body), *w;
    if (o && json_object_is_type(o, json_type_object) && jstr(o, "message")) {
        sb_add(&b, jstr(o, "message"));
    } else if (o && json_object_object_get_ex(o, "warnings", &w) && json_object_is_type(w, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(w) && i < 5; i++)
            sb_addf(&b, "%s%s", i ? "; " : "", json_object_get_string(json_object_array_get_idx(w, i)));
    } else {
        sb_add(&b, h->body);
    }
    json_object_put(o);
    char *folded = fold_space(b.s ? b.s : ""), *clean = clean_text(folded);
    sb_free(&b);
    free(folded);
    for (char *c = clean; *c; c++)
        if (*c == '\n') *c = ' ';
    if (strlen(clean) > 300) strcpy(clean + 297, "...");
    return clean;
}

/* A status that says nothing about the statements: the connection, the credentials, the
 * address or the LRS itself. Sets r->stop and r->why; returns 1 when the send must stop. */
static int stopped(const Sending *s, const HttpReply *h)
{
    SendResult *r = s->r;
    const char *url = s->o->lrs;
    char *reason = h->outcome == HTTP_ANSWERED ? reason_of(h) : NULL;
    if (h->outcome == HTTP_TIMEOUT) {
        r->stop = SEND_TIMEOUT;
        r->why = xasprintf(_("%s did not answer within %ld seconds"), url, s->o->timeout);
    } else if (h->outcome != HTTP_ANSWERED) {
        r->stop = SEND_UNREACHABLE;
        r->why = xasprintf(_("cannot reach %s (%s)"), url, h->error);
    } else if (h->status == 401) {
        r->stop = SEND_AUTH;
        r->why = xasprintf(s->o->auth ? _("the LRS refused the credentials (401: %s); they come from VERBEELD_LRS_AUTH or "
                                          "the file of credentials (--auth-file)")
                                      : _("the LRS wants credentials (401: %s): give them in VERBEELD_LRS_AUTH=key:secret "
                                          "or in a file only you can read (--auth-file)"),
                           reason);
    } else if (h->status == 403) {
        r->stop = SEND_AUTH;
        r->why = xasprintf(_("the LRS does not let these credentials write statements (403: %s)"), reason);
    } else if (h->status >= 500) {
        r->stop = SEND_SERVER;
        r->why = xasprintf(_("the LRS failed (%ld: %s); try again later"), h->status, reason);
    } else if (h->status < 200 || h->status >= 300) {
        r->stop = SEND_NOT_LRS;
        r->why = xasprintf(_("%s answered %ld, which a learning record store's statements resource does not: is this "
                             "the LRS's xAPI endpoint (like https://lrs.example.org/data/xAPI/)?"), url, h->status);
    }
    free(reason);
    return r->stop != SEND_OK;
}

/* ============================== sending ============================== */

static int record(Sending *s, const char *kind, char *const *ids, int n)
{
    char *err = NULL;
    if (!sentlog_append(&s->log, s->o->lrs, kind, ids, n, &err)) return 0;
    s->r->stop = SEND_RECORD;
    s->r->why = err;
    return -1;
}

/* The id JOURNAL.sent records for a statement: its own, or for a voiding statement the id of
 * the statement it voids (what was taken back). */
static const char *ack_id(json_object *st, const char *kind)
{
    json_object *obj;
    if (streq(kind, "voided") && json_object_object_get_ex(st, "object", &obj)) return jstr(obj, "id");
    return jstr(st, "id");
}

/* What one statement became: sent, already there (409), refused (400, kept in r), or the
 * send stops. Returns 0 to go on, -1 to stop. */
static int put_one(Sending *s, json_object *st, const char *kind, int *acked)
{
    const char *id = jstr(st, "id");
    char *url = xasprintf("%s?statementId=%s", s->o->lrs, id);
    HttpReply h;
    http_send("PUT", url, s->o->auth, json_object_to_json_string_ext(st, JSON_C_TO_STRING_PLAIN), s->o->timeout, &h);
    free(url);
    int rc = 0;
    *acked = 0;
    if (h.outcome == HTTP_ANSWERED && (h.status == 409 || (h.status >= 200 && h.status < 300))) {
        if (h.status == 409) s->r->conflicts++;
        *acked = 1;
        rc = record(s, kind, (char *const[]){(char *)ack_id(st, kind)}, 1);
    } else if (h.outcome == HTTP_ANSWERED && h.status == 400) {
        SendResult *r = s->r;
        r->refused = xrealloc(r->refused, (size_t)(r->nrefused + 1) * sizeof *r->refused);
        r->refused[r->nrefused++] = (SendRefusal){xstrdup(id), reason_of(&h)};
    } else {
        rc = stopped(s, &h) ? -1 : 0;
    }
    http_reply_free(&h);
    return rc;
}

/* Post statements [from, to) of `list` as one batch. Returns how many the LRS acknowledged,
 * or -1 when the send stops. */
static int post_batch(Sending *s, json_object *list, size_t from, size_t to, const char *kind)
{
    json_object *batch = json_object_new_array();
    char **ids = xmalloc((to - from) * sizeof *ids);
    for (size_t i = from; i < to; i++) {
        json_object *st = json_object_array_get_idx(list, i);
        json_object_array_add(batch, json_object_get(st));
        ids[i - from] = (char *)ack_id(st, kind);
    }
    HttpReply h;
    http_send("POST", s->o->lrs, s->o->auth, json_object_to_json_string_ext(batch, JSON_C_TO_STRING_PLAIN),
              s->o->timeout, &h);
    int acked = -1;
    if (h.outcome == HTTP_ANSWERED && h.status >= 200 && h.status < 300) {
        acked = record(s, kind, ids, (int)(to - from)) ? -1 : (int)(to - from);
    } else if (h.outcome == HTTP_ANSWERED && (h.status == 400 || h.status == 409)) {
        /* Not whole: one by one, to know which statement is refused or already there. */
        acked = 0;
        for (size_t i = from; i < to; i++) {
            int one;
            if (put_one(s, json_object_array_get_idx(list, i), kind, &one)) {
                acked = -1;
                break;
            }
            acked += one;
        }
    } else {
        stopped(s, &h);
    }
    http_reply_free(&h);
    free(ids);
    json_object_put(batch);
    return acked;
}

/* Send the statements of `list` that `done` lacks, in batches. Returns 0, or -1 when stopped. */
static int send_list(Sending *s, json_object *list, const IdSet *done, const char *kind, int *count)
{
    json_object *todo = json_object_new_array();
    for (size_t i = 0; i < json_object_array_length(list); i++) {
        json_object *st = json_object_array_get_idx(list, i);
        if (!sentlog_has(done, jstr(st, "id"))) json_object_array_add(todo, json_object_get(st));
    }
    size_t n = json_object_array_length(todo);
    int rc = 0;
    for (size_t from = 0; from < n && !rc; from += (size_t)s->o->batch) {
        size_t to = from + (size_t)s->o->batch < n ? from + (size_t)s->o->batch : n;
        int acked = post_batch(s, todo, from, to, kind);
        if (acked < 0) rc = -1;
        else *count += acked;
    }
    json_object_put(todo);
    return rc;
}

int send_journal(const char *journal, const SendOptions *o, SendResult *r, DiagList *d)
{
    memset(r, 0, sizeof *r);
    JournalLog log;
    if (journal_read(journal, &log, d)) {        /* before JOURNAL.sent is made beside it */
        r->stop = SEND_JOURNAL;
        return 1;
    }
    Sending s = {.o = o, .r = r};
    char *err = NULL;
    int opened = sentlog_open(&s.log, journal, o->lrs, o->wait, &err);
    if (opened) {
        r->stop = opened > 0 ? SEND_BUSY : SEND_RECORD;
        r->why = opened > 0 ? xstrdup(_("another send of this journal is under way")) : err;
        sentlog_close(&s.log);
        journal_log_free(&log);
        return 1;
    }
    statements_of(journal, &log, &s);
    journal_log_free(&log);
    r->total = (int)json_object_array_length(s.all);
    for (int i = 0; i < r->total; i++)
        if (sentlog_has(&s.log.sent, jstr(json_object_array_get_idx(s.all, i), "id"))) r->before++;
    IdSet none = {0};
    if (!send_list(&s, s.all, &s.log.sent, "sent", &r->sent))
        send_list(&s, s.voids, &none, "voided", &r->voided);
    json_object_put(s.all);
    json_object_put(s.voids);
    sentlog_close(&s.log);
    return r->stop != SEND_OK || r->nrefused ? 1 : 0;
}

void send_result_free(SendResult *r)
{
    for (int i = 0; i < r->nrefused; i++) {
        free(r->refused[i].id);
        free(r->refused[i].reason);
    }
    free(r->refused);
    free(r->why);
    memset(r, 0, sizeof *r);
}
