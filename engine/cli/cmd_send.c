/*
 * cmd_send.c - verbeeld send JOURNAL... --lrs URL: the sessions' xAPI statements to a learning
 * record store, each once (lrs/ does the sending); --follow keeps sending while play journals.
 */
#include "cli/commands.h"

#include <dirent.h>
#include <getopt.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cli/usage.h"
#include "lrs/auth.h"
#include "lrs/http.h"
#include "lrs/send.h"

typedef struct {
    const char *url, *auth_file;
    int follow;
} SendArgs;

/* ============================== what is said ============================== */

static void say_sent(const char *journal, const SendResult *r, const char *url, int session)
{
    if (session && r->before + r->sent == r->total) {        /* at the end of play */
        printf(ngettext("%s: the %d learning record of this session is in the LRS (%s).\n",
                        "%s: all %d learning records of this session are in the LRS (%s).\n", r->total),
               journal, r->total, url);
    } else if (r->sent == 0 && r->voided == 0 && r->before == r->total) {
        printf(ngettext("%s: its %d statement is in the LRS already; nothing to send.\n",
                        "%s: all %d statements are in the LRS already; nothing to send.\n", r->total),
               journal, r->total);
    } else if (r->before) {
        printf(ngettext("%s: %d statement sent to %s (%d were there already).\n",
                        "%s: %d statements sent to %s (%d were there already).\n", r->sent),
               journal, r->sent, url, r->before);
    } else if (r->sent) {
        printf(ngettext("%s: %d statement sent to %s.\n", "%s: %d statements sent to %s.\n", r->sent), journal, r->sent,
               url);
    }
    if (r->conflicts)
        printf(ngettext("%s: the LRS already held %d of them under the same id, with other content; it kept its own.\n",
                        "%s: the LRS already held %d of them under the same id, with other content; it kept its own.\n",
                        r->conflicts),
               journal, r->conflicts);
    if (r->voided)
        printf(ngettext("%s: %d statement taken back with /back was voided in the LRS.\n",
                        "%s: %d statements taken back with /back were voided in the LRS.\n", r->voided),
               journal, r->voided);
}

/* What stopped the send, and what waits: said plainly, with the command that sends the rest. */
static void say_waiting(const char *journal, const SendResult *r, const char *url)
{
    for (int i = 0; i < r->nrefused; i++)
        fprintf(stderr, _("verbeeld send: %s: the LRS refused statement %s: %s\n"), journal, r->refused[i].id,
                r->refused[i].reason);
    if (r->why) fprintf(stderr, "verbeeld send: %s: %s\n", journal, r->why);
    int have = r->before + r->sent, waiting = r->total - have;
    if (waiting > 0)
        fprintf(stderr,
                ngettext("%s: %d of %d statements are in the LRS; %d waits beside the journal (%s.sent records what "
                         "arrived): 'verbeeld send %s --lrs %s' sends it.\n",
                         "%s: %d of %d statements are in the LRS; %d wait beside the journal (%s.sent records what "
                         "arrived): 'verbeeld send %s --lrs %s' sends them.\n", waiting),
                journal, have, r->total, waiting, journal, journal, url);
}

/* ============================== one journal ============================== */

/* Send one journal and say how it went. Returns 0, 1 (try the next journal), or 3 (the LRS
 * cannot be reached or refuses us: the next would fare no better). */
static int send_one(const char *journal, const SendOptions *o, const char *url, int session)
{
    DiagList d;
    diag_init(&d);
    SendResult r;
    int rc = send_journal(journal, o, &r, &d);
    if (r.stop == SEND_JOURNAL) {
        diag_print(&d, stderr);
    } else {
        say_sent(journal, &r, url, session);
        if (rc) say_waiting(journal, &r, url);
    }
    int fatal = r.stop == SEND_UNREACHABLE || r.stop == SEND_TIMEOUT || r.stop == SEND_AUTH || r.stop == SEND_NOT_LRS ||
                r.stop == SEND_SERVER;
    send_result_free(&r);
    diag_free(&d);
    return fatal ? 3 : rc;
}

/* ============================== --follow ============================== */

static long long journal_stamp(const char *journal)
{
    struct stat st;
    return stat(journal, &st) ? -1 : (long long)st.st_size * 1000003LL + (long long)st.st_mtim.tv_nsec + st.st_mtime;
}

/* Journals beside `journal` that a send left unfinished (a JOURNAL.sent beside them): their
 * statements go now, quietly, so that a session that found no network is sent by the next. */
static void send_waiting(const char *journal, const SendOptions *o)
{
    char *copy = xstrdup(journal), *slash = strrchr(copy, '/');
    const char *dir = slash ? (slash == copy ? "/" : (*slash = '\0', copy)) : ".";
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n <= 5 || strcmp(e->d_name + n - 5, ".sent") != 0) continue;
        char *other = xasprintf("%s/%.*s", dir, (int)(n - 5), e->d_name);
        struct stat a, b;
        if (stat(other, &a) == 0 && S_ISREG(a.st_mode) && !(stat(journal, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)) {
            DiagList dl;
            diag_init(&dl);
            SendResult r;
            send_journal(other, o, &r, &dl);
            int unreachable = r.stop == SEND_UNREACHABLE || r.stop == SEND_TIMEOUT || r.stop == SEND_AUTH ||
                              r.stop == SEND_NOT_LRS || r.stop == SEND_SERVER;
            send_result_free(&r);
            diag_free(&dl);
            if (unreachable) e = NULL;          /* the next would fare no better */
        }
        free(other);
        if (!e) break;
    }
    if (d) closedir(d);
    free(copy);
}

/* Send quietly, once now and then whenever the journal grew, until standard input closes
 * (play closes it at the end of the session, or its process is gone); then once more, saying
 * how it went. A failure waits longer each time, up to a minute, and is tried again. */
static int follow(const char *journal, SendOptions *o, const char *url)
{
    int every = 5;
    const char *v = getenv("VERBEELD_LRS_INTERVAL");
    if (v && atoi(v) > 0 && atoi(v) <= 600) every = atoi(v);
    long long sent_stamp = -2;
    int pause = every, since = every;
    int others = 0;
    o->wait = 0;
    for (;;) {
        long long now = journal_stamp(journal);
        if (now != sent_stamp && since >= pause) {
            DiagList d;
            diag_init(&d);
            SendResult r;
            int rc = send_journal(journal, o, &r, &d);
            if (r.stop != SEND_BUSY) sent_stamp = rc ? -2 : now;
            pause = rc ? (pause * 2 > 60 ? 60 : pause * 2) : every;
            send_result_free(&r);
            diag_free(&d);
            since = 0;
            if (!others++) send_waiting(journal, o);     /* this session's own first */
        }
        struct pollfd p = {.fd = 0, .events = POLLIN};
        int ready = poll(&p, 1, every * 1000);
        if (ready > 0) {
            char buf[256];
            if (read(0, buf, sizeof buf) <= 0) break;     /* play is over */
        }
        since += every;
    }
    o->wait = 1;
    return send_one(journal, o, url, 1) ? 1 : 0;
}

/* ============================== arguments ============================== */

static int parse_args(int argc, char **argv, SendArgs *a)
{
    static const struct option opts[] = {
        {"lrs", required_argument, NULL, 'u'}, {"auth-file", required_argument, NULL, 'a'},
        {"follow", no_argument, NULL, 'f'},    {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    memset(a, 0, sizeof *a);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'u': a->url = optarg; break;
        case 'a': a->auth_file = optarg; break;
        case 'f': a->follow = 1; break;
        case 'h': usage_help("send"); exit(0);
        default: return usage_bad_option("send", argv, opts);
        }
    }
    if (!a->url) a->url = getenv("VERBEELD_LRS");
    if (!a->url || !*a->url) return usage_error("send", "%s", _("name the LRS: --lrs URL (or VERBEELD_LRS)"));
    if (optind >= argc) return usage_error("send", "%s", _("name one or more journals"));
    if (a->follow && optind != argc - 1) return usage_error("send", "%s", _("--follow takes one journal"));
    return 0;
}

int cmd_send(int argc, char **argv)
{
    SendArgs a;
    int rc = parse_args(argc, argv, &a);
    if (rc) return rc;
    char *why = NULL, *auth = NULL;
    if (http_url_check(a.url, &why) || auth_load(a.auth_file, &auth, &why)) {
        fprintf(stderr, "verbeeld send: %s\n", why);
        free(why);
        return 1;
    }
    if (http_init()) {
        fprintf(stderr, "verbeeld send: %s\n", _("libcurl could not start"));
        free(auth);
        return 1;
    }
    SendOptions o = {.auth = auth, .wait = 1};
    send_defaults(&o);
    char *lrs = send_statements_url(a.url);
    o.lrs = lrs;
    if (a.follow) {
        rc = follow(argv[optind], &o, a.url);
    } else {
        for (int i = optind; i < argc; i++) {
            int one = send_one(argv[i], &o, a.url, 0);
            if (one) rc = 1;
            if (one == 3 && i + 1 < argc) {
                fprintf(stderr, ngettext("verbeeld send: %d more journal not tried.\n",
                                         "verbeeld send: %d more journals not tried.\n", argc - i - 1),
                        argc - i - 1);
                break;
            }
        }
    }
    free(lrs);
    free(auth);
    http_cleanup();
    return rc;
}
