/*
 * http.h - one request to a learning record store over HTTP(S), through libcurl: the xAPI
 * version header, basic authentication, bounded time and a bounded answer.
 */
#ifndef VB_HTTP_H
#define VB_HTTP_H

#include <stddef.h>

/* What became of a request. */
typedef enum {
    HTTP_ANSWERED,       /* the server answered: see status and body */
    HTTP_UNREACHABLE,    /* no connection: the name is not found, the port refuses, no network */
    HTTP_TIMEOUT,        /* connected or not, no whole answer within the time allowed */
    HTTP_FAILED,         /* anything else libcurl reports (TLS, a malformed answer) */
} HttpOutcome;

typedef struct {
    HttpOutcome outcome;
    long status;         /* the HTTP status when answered */
    char *body;          /* the answer, at most HTTP_MAX_BODY bytes, NUL-terminated; fresh */
    size_t len;
    char *error;         /* libcurl's words when not answered; fresh */
} HttpReply;

#define HTTP_MAX_BODY ((size_t)64 << 10)

/* libcurl's global set-up, once for the program (before any thread or request), and its
 * clean-up at the end. http_init returns 0, or -1 when libcurl cannot start. */
int http_init(void);
void http_cleanup(void);

/* Send `body` (JSON) with `method` ("POST" or "PUT") to `url`, with basic authentication
 * `auth` ("key:secret", or NULL for none), giving up after `timeout` seconds. Redirects are
 * not followed (they would carry the credentials elsewhere). Fills *r; http_reply_free frees. */
void http_send(const char *method, const char *url, const char *auth, const char *body, long timeout, HttpReply *r);
void http_reply_free(HttpReply *r);

/* Whether `url` is an http or https address without user or password in it. 0 when it is;
 * -1 with *why (fresh, translated) when not. */
int http_url_check(const char *url, char **why);

#endif
