/*
 * journal.c - writing and reading session journals (JSON lines through json-c).
 */
#include "journal/journal.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/util.h"
#include "journal/jlock.h"

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

static int parse_journal(const char *path, const char *buf, size_t len, JournalLog *log, DiagList *d);

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

static void opened(Journal *j)
{
    sb_init(&j->kept);
    j->written = j->synced = 0;
    j->failed = 0;
    j->lock = NULL;
}

/* A new journal file at `path` (and its folders), open to append; -1 with *err. */
static int open_new(const char *path, char **err)
{
    make_dirs(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        int e = errno;
        char *shown = clean_text(path);         /* the message is printed: no escapes from a name */
        *err = e == EEXIST
            ? xasprintf(_("%s: a journal already exists here (continue it with: verbeeld play --resume %s)"),
                        shown, shown)
            : xasprintf(_("%s: cannot create the journal: %s"), shown, strerror(e));
        free(shown);
    }
    return fd;
}

char *journal_path_for(const char *path, const char *scenario_id)
{
    return path ? xstrdup(path) : default_path(scenario_id);
}

int journal_check(const char *path, const char *scenario_id, char **err)
{
    char *p = path ? xstrdup(path) : default_path(scenario_id);
    int fd = open_new(p, err);
    if (fd >= 0) {
        close(fd);
        unlink(p);
    }
    free(p);
    return fd >= 0 ? 0 : -1;
}

int journal_create(Journal *j, const char *path, const char *scenario_id, char **err)
{
    j->path = path ? xstrdup(path) : default_path(scenario_id);
    j->fd = open_new(j->path, err);
    if (j->fd < 0) {
        free(j->path);
        j->path = NULL;
        return -1;
    }
    opened(j);
    if (jlock_take(j->fd, j->path, journal_now(), &j->lock, err)) {
        journal_close(j);
        return -1;
    }
    return 0;
}

/* The file could not take what it was given (errno `e`): cut it back to its first `keep` bytes,
 * whole lines, which it holds from now on (the rest stays in memory and is written again by the
 * next write), and say why in *err with `what`, a message naming the file and the reason. */
static int fall_back(Journal *j, size_t keep, const char *what, int e, char **err)
{
    if (ftruncate(j->fd, (off_t)keep)) {}        /* no half line stays; if even this fails, resume cuts it */
    j->written = keep;
    j->failed = 1;
    char *shown = clean_text(j->path);
    *err = xasprintf(what, shown, strerror(e));
    free(shown);
    return -1;
}

/* Bring the file up to what the journal keeps; on failure cut it back to its last whole line. */
static int flush_kept(Journal *j, char **err)
{
    if (write_all(j->fd, j->kept.s + j->written, j->kept.len - j->written)) {
        int e = errno;
        return fall_back(j, j->written, _("%s: cannot write the journal: %s"), e, err);
    }
    j->written = j->kept.len;
    j->failed = 0;
    return 0;
}

int journal_sync(Journal *j, char **err)
{
    if (j->fd < 0 || j->failed || j->synced == j->written) return 0;
    if (fsync(j->fd) && errno != EINVAL && errno != EROFS) {  /* what may not be on disk is written again */
        int e = errno;
        return fall_back(j, j->synced, _("%s: cannot flush the journal to disk: %s"), e, err);
    }
    j->synced = j->written;
    return 0;
}

/* Why the journal at `path` could not be read (errno), as a diagnostic. */
static void unreadable(DiagList *d, const char *path)
{
    if (errno == READ_NOT_REGULAR)
        diag_add(d, DIAG_ERROR, path, 0, "%s", _("not a regular file (a FIFO, a device or a socket): it is not read"));
    else
        diag_add(d, DIAG_ERROR, path, 0, _("cannot read the journal: %s"), strerror(errno));
}

int journal_resume(Journal *j, const char *path, JournalLog *log, DiagList *d)
{
    memset(log, 0, sizeof *log);
    /* O_NONBLOCK until it is known to be a file: a FIFO would wait for a writer forever */
    j->fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NONBLOCK);
    if (j->fd < 0 || fd_regular(j->fd)) {
        if (j->fd < 0) diag_add(d, DIAG_ERROR, path, 0, _("cannot open the journal: %s"), strerror(errno));
        else unreadable(d, path);
        if (j->fd >= 0) close(j->fd);
        j->fd = -1;
        return -1;
    }
    fcntl(j->fd, F_SETFL, O_APPEND);
    j->path = xstrdup(path);
    opened(j);
    char *err = NULL;
    if (jlock_take(j->fd, path, journal_now(), &j->lock, &err)) {
        const char *msg = strstr(err, ": ");          /* the diagnostic names the file itself */
        diag_add(d, DIAG_ERROR, path, 0, "%s", msg ? msg + 2 : err);
        free(err);
        journal_close(j);
        return -1;
    }
    size_t len;
    char *buf = read_fd(j->fd, JOURNAL_MAX_BYTES, &len);
    if (!buf) unreadable(d, path);
    if (!buf || parse_journal(path, buf, len, log, d)) {
        free(buf);
        journal_close(j);
        return -1;
    }
    log->text = buf;
    log->len = len;
    return 0;
}

int journal_continue(Journal *j, JournalLog *log, size_t *cut, char **err)
{
    *cut = log->len - log->whole;
    if (*cut && ftruncate(j->fd, (off_t)log->whole)) {
        *err = xasprintf(_("%s: cannot cut off the half-written last line: %s"), j->path, strerror(errno));
        return -1;
    }
    sb_addn(&j->kept, log->text, log->whole);
    j->written = j->synced = j->kept.len;
    free(log->text);
    log->text = NULL;
    if (j->kept.len && j->kept.s[j->kept.len - 1] != '\n') {     /* a whole last entry, its newline lost */
        sb_addc(&j->kept, '\n');
        return flush_kept(j, err);
    }
    return 0;
}

/* Cut every string in o to at most `max` bytes (at a character's start). Returns how many. */
static int cut_strings(json_object *o, size_t max)
{
    int n = 0;
    if (json_object_is_type(o, json_type_object)) {
        json_object_object_foreach(o, key, v) {
            if (json_object_is_type(v, json_type_string) && (size_t)json_object_get_string_len(v) > max) {
                const char *s = json_object_get_string(v);
                size_t k = max;
                while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
                json_object_object_add(o, key, json_object_new_string_len(s, (int)k));
                n++;
            } else {
                n += cut_strings(v, max);
            }
        }
    } else if (json_object_is_type(o, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(o); i++) n += cut_strings(json_object_array_get_idx(o, i), max);
    }
    return n;
}

/* The entry as one line the reader takes back: texts too long cut (and marked), and when even
 * that is too long, only what happened and when. Consumes the entry. */
static void add_line(StrBuf *b, json_object *entry)
{
    const int flags = JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE;
    size_t len;
    const char *s = json_object_to_json_string_length(entry, flags, &len);
    if (len >= JOURNAL_MAX_ENTRY) {
        cut_strings(entry, JOURNAL_MAX_STRING);
        json_object_object_add(entry, "cut", json_object_new_boolean(1));
        s = json_object_to_json_string_length(entry, flags, &len);
    }
    if (len >= JOURNAL_MAX_ENTRY) {
        json_object *small = journal_entry(jstr(entry, "ev") ? jstr(entry, "ev") : "?");
        json_object_object_add(small, "cut", json_object_new_boolean(1));
        json_object_put(entry);
        entry = small;
        s = json_object_to_json_string_length(entry, flags, &len);
    }
    sb_addn(b, s, len);
    sb_addc(b, '\n');
    json_object_put(entry);
}

int journal_write(Journal *j, json_object *entry, char **err)
{
    assert(j->fd >= 0 && j->path && entry);
    size_t before = j->kept.len;
    add_line(&j->kept, entry);
    if (j->kept.len > JOURNAL_MAX_BYTES) {          /* the reader would refuse the whole journal */
        j->kept.len = before;
        j->kept.s[before] = '\0';
        char *shown = clean_text(j->path);
        *err = xasprintf(_("%s: the journal is full (%zu MiB): this entry is not kept"), shown,
                         JOURNAL_MAX_BYTES >> 20);
        free(shown);
        return -1;
    }
    return flush_kept(j, err);
}

int journal_save_as(Journal *j, const char *path, char **err)
{
    Journal to;
    if (journal_create(&to, path, NULL, err)) return -1;
    sb_addn(&to.kept, j->kept.s, j->kept.len);
    if (flush_kept(&to, err) || journal_sync(&to, err)) {
        unlink(to.path);
        journal_close(&to);
        return -1;
    }
    StrBuf kept = j->kept;              /* the lines move over; the old file and its lock go */
    j->kept = to.kept;
    to.kept = kept;
    journal_close(j);
    *j = to;
    return 0;
}

void journal_close(Journal *j)
{
    char *err = NULL;
    if (journal_sync(j, &err)) free(err);   /* a failure was the caller's to report: see journal_sync */
    if (j->fd >= 0) close(j->fd);
    j->fd = -1;
    jlock_drop(j->lock);
    j->lock = NULL;
    free(j->path);
    j->path = NULL;
    sb_free(&j->kept);
    j->written = j->synced = 0;
    j->failed = 0;
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

/* The entries of buf[0, len); log->whole ends at the last one kept. Returns 0, or -1 with d. */
static int parse_journal(const char *path, const char *buf, size_t len, JournalLog *log, DiagList *d)
{
    int errors = d->errors, cap = 0, lineno = 0;
    const char *line = buf;
    while (line < buf + len) {
        const char *nl = memchr(line, '\n', (size_t)(buf + len - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(buf + len - line);
        lineno++;
        json_tokener *tok = json_tokener_new_ex(JOURNAL_MAX_DEPTH);
        json_object *o = n && n < INT_MAX ? json_tokener_parse_ex(tok, line, (int)n) : NULL;
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
        if (complete || nl) log->whole = (size_t)((nl ? nl + 1 : buf + len) - buf);
        line = nl ? nl + 1 : buf + len;
    }
    if (log->n == 0 && d->errors == errors) diag_add(d, DIAG_ERROR, path, 0, _("the journal is empty"));
    else if (log->n > 0 && d->errors == errors) check_start(path, log->v[0], d);
    if (d->errors > errors) {
        journal_log_free(log);
        return -1;
    }
    assert(log->n > 0 && log->v);           /* every reader takes v[0], the start, as it is */
    return 0;
}

int journal_read(const char *path, JournalLog *log, DiagList *d)
{
    memset(log, 0, sizeof *log);
    size_t len;
    char *buf = read_file(path, JOURNAL_MAX_BYTES, &len);
    if (!buf) {
        unreadable(d, path);
        return -1;
    }
    int rc = parse_journal(path, buf, len, log, d);
    free(buf);
    return rc;
}

void journal_log_free(JournalLog *log)
{
    for (int i = 0; i < log->n; i++) json_object_put(log->v[i]);
    free(log->v);
    free(log->text);
    memset(log, 0, sizeof *log);
}
