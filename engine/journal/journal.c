/*
 * journal.c - writing and reading session journals (JSON lines through json-c).
 */
#include "journal/journal.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/util.h"

#define MAX_JOURNAL_BYTES (256u << 20)

long long journal_now(void)
{
    const char *fixed = getenv("VERBEELD_NOW");
    if (fixed && *fixed) return atoll(fixed);
    return (long long)time(NULL);
}

long long journal_time(const char *at)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!at || !strptime(at, "%Y-%m-%dT%H:%M:%SZ", &tm)) return 0;
    return (long long)timegm(&tm);
}

json_object *journal_entry(const char *ev)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "ev", json_object_new_string(ev));
    time_t t = (time_t)journal_now();
    struct tm tm;
    char at[32];
    gmtime_r(&t, &tm);
    strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
    json_object_object_add(o, "at", json_object_new_string(at));
    return o;
}

/* ============================== writing ============================== */

static int make_dirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        if (mkdir(p, 0700) && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    free(p);
    return 0;
}

static char *default_path(const char *scenario_id)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char *base = xdg && *xdg ? xasprintf("%s/verbeeld/sessions", xdg)
                             : xasprintf("%s/.local/share/verbeeld/sessions", home ? home : ".");
    time_t t = (time_t)journal_now();
    struct tm tm;
    char stamp[32];
    localtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    char *path = xasprintf("%s/%s-%s.jsonl", base, scenario_id, stamp);
    for (int i = 2; access(path, F_OK) == 0; i++) {
        free(path);
        path = xasprintf("%s/%s-%s-%d.jsonl", base, scenario_id, stamp, i);
    }
    free(base);
    return path;
}

int journal_create(Journal *j, const char *path, const char *scenario_id, char **err)
{
    j->path = path ? xstrdup(path) : default_path(scenario_id);
    make_dirs(j->path);
    j->fd = open(j->path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600);
    if (j->fd < 0) {
        int e = errno;
        char *shown = clean_text(j->path);      /* the message is printed: no escapes from a name */
        *err = e == EEXIST
            ? xasprintf(_("%s: a journal already exists here (continue it with: verbeeld play --resume %s)"),
                        shown, shown)
            : xasprintf(_("%s: cannot create the journal: %s"), shown, strerror(e));
        free(shown);
        free(j->path);
        j->path = NULL;
        return -1;
    }
    return 0;
}

int journal_append_to(Journal *j, const char *path, char **err)
{
    j->path = xstrdup(path);
    j->fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    if (j->fd < 0) {
        int e = errno;
        char *shown = clean_text(path);
        *err = xasprintf(_("%s: cannot open the journal: %s"), shown, strerror(e));
        free(shown);
        free(j->path);
        j->path = NULL;
        return -1;
    }
    return 0;
}

int journal_write(Journal *j, json_object *entry, char **err)
{
    assert(j->fd >= 0 && j->path && entry);
    size_t len;
    const char *s = json_object_to_json_string_length(entry, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
    StrBuf b;
    sb_init(&b);
    sb_addn(&b, s, len);
    sb_addc(&b, '\n');
    json_object_put(entry);
    if (write_all(j->fd, b.s, b.len)) {
        *err = xasprintf(_("%s: cannot write the journal: %s"), j->path, strerror(errno));
        sb_free(&b);
        return -1;
    }
    sb_free(&b);
    if (fsync(j->fd) && errno != EINVAL && errno != EROFS) {
        *err = xasprintf(_("%s: cannot flush the journal to disk: %s"), j->path, strerror(errno));
        return -1;
    }
    return 0;
}

void journal_close(Journal *j)
{
    if (j->fd >= 0) close(j->fd);
    j->fd = -1;
    free(j->path);
    j->path = NULL;
}

/* ============================== reading ============================== */

const char *jstr(json_object *o, const char *key)
{
    json_object *v;
    if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string)) return NULL;
    return json_object_get_string(v);
}

long long jint(json_object *o, const char *key, long long dflt)
{
    json_object *v;
    if (!o || !json_object_object_get_ex(o, key, &v)) return dflt;
    if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double)) return dflt;
    return json_object_get_int64(v);
}

static int check_start(const char *path, json_object *first, DiagList *d)
{
    if (!streq(jstr(first, "ev"), "start") || !streq(jstr(first, "format"), JOURNAL_FORMAT)) {
        diag_add(d, DIAG_ERROR, path, 1, _("not a verbeeld journal"));
        return -1;
    }
    if (jint(first, "version", 0) != JOURNAL_VERSION) {
        diag_add(d, DIAG_ERROR, path, 1, _("journal format version %lld; this verbeeld reads version %d"),
                 jint(first, "version", 0), JOURNAL_VERSION);
        return -1;
    }
    return 0;
}

int journal_read(const char *path, JournalLog *log, DiagList *d)
{
    memset(log, 0, sizeof *log);
    size_t len;
    char *buf = read_file(path, MAX_JOURNAL_BYTES, &len);
    if (!buf) {
        diag_add(d, DIAG_ERROR, path, 0, _("cannot read the journal: %s"), strerror(errno));
        return -1;
    }
    int errors = d->errors, cap = 0, lineno = 0;
    char *line = buf;
    while (line < buf + len) {
        char *nl = memchr(line, '\n', (size_t)(buf + len - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(buf + len - line);
        lineno++;
        json_tokener *tok = json_tokener_new();
        json_object *o = n ? json_tokener_parse_ex(tok, line, (int)n) : NULL;
        int complete = o && json_tokener_get_error(tok) == json_tokener_success &&
                       json_object_is_type(o, json_type_object) && jstr(o, "ev") && memchr(line, 0, n) == NULL;
        /* one entry per line: anything after it (two entries run together) is not ours */
        for (size_t k = complete ? json_tokener_get_parse_end(tok) : n; k < n; k++)
            if (line[k] != ' ' && line[k] != '\t' && line[k] != '\r') complete = 0;
        json_tokener_free(tok);
        if (!complete) {
            json_object_put(o);
            if (!nl) log->dropped++;           /* the last line, cut off by a crash */
            else if (n) diag_add(d, DIAG_ERROR, path, lineno, _("this line is not a journal entry"));
        } else {
            VEC_PUSH(log->v, log->n, cap);
            log->v[log->n++] = o;
        }
        line = nl ? nl + 1 : buf + len;
    }
    free(buf);
    if (log->n == 0 && d->errors == errors) diag_add(d, DIAG_ERROR, path, 0, _("the journal is empty"));
    else if (log->n > 0 && d->errors == errors) check_start(path, log->v[0], d);
    if (d->errors > errors) {
        journal_log_free(log);
        return -1;
    }
    assert(log->n > 0 && log->v);           /* every reader takes v[0], the start, as it is */
    return 0;
}

void journal_log_free(JournalLog *log)
{
    for (int i = 0; i < log->n; i++) json_object_put(log->v[i]);
    free(log->v);
    memset(log, 0, sizeof *log);
}
