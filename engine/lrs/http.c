/*
 * http.c - one request to a learning record store through libcurl: JSON in, status and a
 * bounded answer out. Only http and https; no redirects; a time limit on every request.
 */
#include "lrs/http.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"

int http_init(void)
{
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void http_cleanup(void)
{
    curl_global_cleanup();
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
    r->error = xstrdup(curl_easy_strerror(rc));
}

void http_send(const char *method, const char *url, const char *auth, const char *body, long timeout, HttpReply *r)
{
    memset(r, 0, sizeof *r);
    CURL *c = curl_easy_init();
    if (!c) {
        r->outcome = HTTP_FAILED;
        r->error = xstrdup(_("libcurl could not start"));
        return;
    }
    struct curl_slist *h = NULL;
    h = curl_slist_append(h, "X-Experience-API-Version: 1.0.3");
    h = curl_slist_append(h, "Content-Type: application/json; charset=utf-8");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "verbeeld/" VB_VERSION);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
    if (auth) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(c, CURLOPT_USERPWD, auth);
    }
    CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK) {
        r->outcome = HTTP_ANSWERED;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    } else {
        outcome_of(rc, r);
    }
    if (!r->body) r->body = xstrdup("");
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
}

void http_reply_free(HttpReply *r)
{
    free(r->body);
    free(r->error);
    memset(r, 0, sizeof *r);
}

int http_url_check(const char *url, char **why)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *user = NULL, *password = NULL;
    int rc = -1;
    if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK) {
        *why = xasprintf(_("'%s' is not a web address (the LRS's xAPI endpoint looks like https://lrs.example.org/data/xAPI/)"), url);
    } else if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
               (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0)) {
        *why = xasprintf(_("'%s' is not an http or https address"), url);
    } else if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
               curl_url_get(u, CURLUPART_PASSWORD, &password, 0) == CURLUE_OK) {
        *why = xstrdup(_("the address holds a user or password: credentials never go on the command line; "
                         "put them in VERBEELD_LRS_AUTH=key:secret or in a file only you can read (--auth-file)"));
    } else {
        rc = 0;
    }
    curl_free(scheme);
    curl_free(user);
    curl_free(password);
    curl_url_cleanup(u);
    return rc;
}
