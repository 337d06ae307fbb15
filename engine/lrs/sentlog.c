/*
 * sentlog.c - the record beside a journal of what a learning record store acknowledged: read
 * into sorted sets, appended one line per answer. A line cut off by a crash is skipped, so
 * its statements are sent again, which the LRS takes without storing them twice.
 */
#include "lrs/sentlog.h"

#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"
#include "journal/journal.h"

#define SENTLOG_MAX_BYTES ((size_t)64 << 20)

void sentlog_add_id(IdSet *s, const char *id)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->v = xrealloc(s->v, (size_t)s->cap * sizeof *s->v);
    }
    s->v[s->n++] = xstrdup(id);
}

static int cmp_ids(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void sentlog_sort(IdSet *s)
{
    if (s->n > 1) qsort(s->v, (size_t)s->n, sizeof *s->v, cmp_ids);
}

int sentlog_has(const IdSet *s, const char *id)
{
    return s->n && bsearch(&id, s->v, (size_t)s->n, sizeof *s->v, cmp_ids) != NULL;
}

void sentlog_free_ids(IdSet *s)
{
    for (int i = 0; i < s->n; i++) free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

char *sentlog_path(const char *journal)
{
    return xasprintf("%s.sent", journal);
}

/* One line: {"lrs": URL, "sent" or "voided": [ids]}; lines of other LRSs, or not whole, are passed by. */
static void read_line(SentLog *l, const char *line, const char *lrs)
{
    json_object *o = json_tokener_parse(line), *ids;
    if (!o || !json_object_is_type(o, json_type_object) || !streq(jstr(o, "lrs"), lrs)) {
        json_object_put(o);
        return;
    }
    static const char *const kinds[] = {"sent", "voided"};
    for (int k = 0; k < 2; k++) {
        if (!json_object_object_get_ex(o, kinds[k], &ids) || !json_object_is_type(ids, json_type_array)) continue;
        for (size_t i = 0; i < json_object_array_length(ids); i++) {
            json_object *id = json_object_array_get_idx(ids, i);
            if (json_object_is_type(id, json_type_string)) sentlog_add_id(k ? &l->voided : &l->sent, json_object_get_string(id));
        }
    }
    json_object_put(o);
}

static void read_all(SentLog *l, const char *lrs)
{
    size_t len;
    char *text = read_fd(l->fd, SENTLOG_MAX_BYTES, &len);
    if (text) {
        for (char *line = text, *nl; line < text + len; line = nl + 1) {
            nl = memchr(line, '\n', (size_t)(text + len - line));
            if (!nl) break;                     /* the last line is whole only with its newline */
            *nl = '\0';
            read_line(l, line, lrs);
        }
    }
    /* A line a crash cut off is ended, so that the next answer starts a line of its own. */
    if (text && len && text[len - 1] != '\n' && write_all(l->fd, "\n", 1)) {}
    free(text);
    sentlog_sort(&l->sent);
    sentlog_sort(&l->voided);
}

int sentlog_open(SentLog *l, const char *journal, const char *lrs, int wait, char **err)
{
    memset(l, 0, sizeof *l);
    l->path = sentlog_path(journal);
    l->fd = open(l->path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    if (l->fd < 0 || fd_regular(l->fd)) {
        *err = xasprintf(_("cannot open %s, where what the LRS received is recorded (%s)"), l->path, strerror(errno));
        return -1;
    }
    int rc;
    while ((rc = flock(l->fd, LOCK_EX | (wait ? 0 : LOCK_NB))) < 0 && errno == EINTR) {}
    if (rc < 0) {
        if (errno == EWOULDBLOCK) return 1;
        *err = xasprintf(_("cannot lock %s (%s)"), l->path, strerror(errno));
        return -1;
    }
    read_all(l, lrs);
    return 0;
}

int sentlog_append(SentLog *l, const char *lrs, const char *kind, char *const *ids, int n, char **err)
{
    if (!n) return 0;
    json_object *o = json_object_new_object(), *a = json_object_new_array();
    json_object_object_add(o, "lrs", json_object_new_string(lrs));
    char at[32];
    time_t now = (time_t)journal_now();
    strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    json_object_object_add(o, "at", json_object_new_string(at));
    for (int i = 0; i < n; i++) json_object_array_add(a, json_object_new_string(ids[i]));
    json_object_object_add(o, kind, a);
    char *line = xasprintf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
    json_object_put(o);
    int rc = write_all(l->fd, line, strlen(line)) || fsync(l->fd) ? -1 : 0;
    if (rc) *err = xasprintf(_("cannot write %s (%s)"), l->path, strerror(errno));
    free(line);
    IdSet *set = streq(kind, "voided") ? &l->voided : &l->sent;
    for (int i = 0; i < n; i++) sentlog_add_id(set, ids[i]);
    sentlog_sort(set);
    return rc;
}

void sentlog_close(SentLog *l)
{
    if (l->fd >= 0) close(l->fd);        /* the lock goes with it */
    free(l->path);
    sentlog_free_ids(&l->sent);
    sentlog_free_ids(&l->voided);
    memset(l, 0, sizeof *l);
    l->fd = -1;
}
