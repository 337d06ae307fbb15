/*
 * http.c - one request to a learning record store through libcurl: JSON in, status and a
 * bounded answer out. Only http and https; no redirects; a time limit on every request.
 *
 * libcurl is loaded only here, when something is to be sent (dlopen), not linked into the
 * program: with it come TLS, Kerberos, LDAP, SSH and HTTP/2 libraries (45 instead of 16 on
 * Debian 12), whose loading and relocating cost every start of verbeeld about 10 ms of CPU
 * (bench/notes.md, "libcurl out of the start"), while only `send` and `play --lrs` use them.
 * The few functions this file calls are resolved once, by name, into `C`; nothing else of
 * verbeeld sees libcurl.
 */
#include "lrs/http.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"

/* The shared library and its ABI: soname 4 has been libcurl's since 2006. */
#ifdef __APPLE__
#define CURL_LIB "libcurl.4.dylib"
#else
#define CURL_LIB "libcurl.so.4"
#endif

/* ================================ loading libcurl ================================ */

static struct {
    CURLcode (*global_init)(long flags);
    void (*global_cleanup)(void);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *c, CURLoption opt, ...);
    CURLcode (*easy_perform)(CURL *c);
    CURLcode (*easy_getinfo)(CURL *c, CURLINFO info, ...);
    const char *(*easy_strerror)(CURLcode rc);
    void (*easy_cleanup)(CURL *c);
    struct curl_slist *(*slist_append)(struct curl_slist *l, const char *s);
    void (*slist_free_all)(struct curl_slist *l);
    CURLU *(*url)(void);
    CURLUcode (*url_set)(CURLU *u, CURLUPart what, const char *part, unsigned int flags);
    CURLUcode (*url_get)(const CURLU *u, CURLUPart what, char **part, unsigned int flags);
    void (*url_cleanup)(CURLU *u);
    void (*free)(void *p);
} C;

/* Each function's name and where its address goes. */
#define FN(field) {"curl_" #field, (void *)&C.field}
static const struct {
    const char *name;
    void *slot;
} fns[] = {
    FN(global_init), FN(global_cleanup), FN(easy_init), FN(easy_setopt), FN(easy_perform),
    FN(easy_getinfo), FN(easy_strerror), FN(easy_cleanup), FN(slist_append), FN(slist_free_all),
    FN(url), FN(url_set), FN(url_get), FN(url_cleanup), FN(free),
};
#undef FN

/* Loads libcurl and resolves its functions, the first time: 0, or -1 with *why (fresh,
 * translated) when it cannot be loaded. It stays loaded until the program ends. Called from
 * one thread only (before `send` starts any, and in `play` before the game). */
static int curl_load(char **why)
{
    static int loaded;
    if (loaded) return 0;
    void *lib = dlopen(CURL_LIB, RTLD_NOW | RTLD_LOCAL);
    const char *missing = NULL;
    for (size_t i = 0; lib && !missing && i < sizeof fns / sizeof *fns; i++) {
        void *p = dlsym(lib, fns[i].name);
        if (p) memcpy(fns[i].slot, &p, sizeof p);
        else missing = fns[i].name;
    }
    if (!lib || missing) {
        const char *err = dlerror();
        *why = xasprintf(_("sending to an LRS needs libcurl, which could not be loaded (%s); "
                           "on Debian and Ubuntu it comes with the package libcurl4"),
                         err ? err : missing);
        if (lib) dlclose(lib);
        memset(&C, 0, sizeof C);
        return -1;
    }
    loaded = 1;
    return 0;
}

/* ================================ requests ================================ */

int http_init(void)
{
    char *why = NULL;
    if (curl_load(&why)) {
        free(why);
        return -1;
    }
    return C.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void http_cleanup(void)
{
    if (C.global_cleanup) C.global_cleanup();
}

/* The answer is kept up to HTTP_MAX_BODY: an LRS's reason fits, a hostile server's flood does not. */
static size_t keep_body(char *data, size_t size, size_t n, void *userp)
{
    HttpReply *r = userp;
    size_t got = size * n, room = HTTP_MAX_BODY - r->len;
    size_t take = got < room ? got : room;
    if (take) {
        r->body = xrealloc(r->body, r->len + take + 1);
        memcpy(r->body + r->len, data, take);
        r->len += take;
        r->body[r->len] = '\0';
    }
    return got;
}

static void outcome_of(CURLcode rc, HttpReply *r)
{
    switch (rc) {
    case CURLE_OPERATION_TIMEDOUT: r->outcome = HTTP_TIMEOUT; break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT: r->outcome = HTTP_UNREACHABLE; break;
    default: r->outcome = HTTP_FAILED; break;
    }
    r->error = xstrdup(C.easy_strerror(rc));
}

void http_send(const char *method, const char *url, const char *auth, const char *body, long timeout, HttpReply *r)
{
    memset(r, 0, sizeof *r);
    CURL *c = C.easy_init ? C.easy_init() : NULL;
    if (!c) {
        r->outcome = HTTP_FAILED;
        r->error = xstrdup(_("libcurl could not start"));
        return;
    }
    struct curl_slist *h = NULL;
    h = C.slist_append(h, "X-Experience-API-Version: 1.0.3");
    h = C.slist_append(h, "Content-Type: application/json; charset=utf-8");
    C.easy_setopt(c, CURLOPT_URL, url);
    C.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    C.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    C.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    C.easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    C.easy_setopt(c, CURLOPT_POSTFIELDS, body);
    C.easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
    C.easy_setopt(c, CURLOPT_HTTPHEADER, h);
    C.easy_setopt(c, CURLOPT_TIMEOUT, timeout);
    C.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
    C.easy_setopt(c, CURLOPT_USERAGENT, "verbeeld/" VB_VERSION);
    C.easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_body);
    C.easy_setopt(c, CURLOPT_WRITEDATA, r);
    if (auth) {
        C.easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        C.easy_setopt(c, CURLOPT_USERPWD, auth);
    }
    CURLcode rc = C.easy_perform(c);
    if (rc == CURLE_OK) {
        r->outcome = HTTP_ANSWERED;
        C.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    } else {
        outcome_of(rc, r);
    }
    if (!r->body) r->body = xstrdup("");
    C.slist_free_all(h);
    C.easy_cleanup(c);
}

void http_reply_free(HttpReply *r)
{
    free(r->body);
    free(r->error);
    memset(r, 0, sizeof *r);
}

int http_url_check(const char *url, char **why)
{
    if (curl_load(why)) return -1;
    CURLU *u = C.url();
    char *scheme = NULL, *user = NULL, *password = NULL;
    int rc = -1;
    if (C.url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK) {
        *why = xasprintf(_("'%s' is not a web address (the LRS's xAPI endpoint looks like https://lrs.example.org/data/xAPI/)"), url);
    } else if (C.url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
               (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0)) {
        *why = xasprintf(_("'%s' is not an http or https address"), url);
    } else if (C.url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
               C.url_get(u, CURLUPART_PASSWORD, &password, 0) == CURLUE_OK) {
        *why = xstrdup(_("the address holds a user or password: credentials never go on the command line; "
                         "put them in VERBEELD_LRS_AUTH=key:secret or in a file only you can read (--auth-file)"));
    } else {
        rc = 0;
    }
    C.free(scheme);
    C.free(user);
    C.free(password);
    C.url_cleanup(u);
    return rc;
}
