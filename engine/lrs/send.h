/*
 * send.h - a session's xAPI statements to a learning record store, once each: those the LRS
 * has not acknowledged yet (JOURNAL.sent says which), in batches, with a statement that voids
 * what was sent and then taken back with /back.
 */
#ifndef VB_SEND_H
#define VB_SEND_H

#include "base/diag.h"

typedef struct {
    const char *lrs;         /* the statements resource (send_statements_url) */
    const char *auth;        /* "key:secret", or NULL */
    long timeout;            /* seconds per request */
    int batch;               /* statements per request */
    int wait;                /* wait for another send of the same journal; else SEND_BUSY */
} SendOptions;

/* Why a send stopped before everything was in the LRS. */
typedef enum {
    SEND_OK,
    SEND_BUSY,               /* another send of this journal is under way */
    SEND_JOURNAL,            /* the journal cannot be read (the diagnostics say why) */
    SEND_RECORD,             /* JOURNAL.sent cannot be written */
    SEND_UNREACHABLE,        /* no connection */
    SEND_TIMEOUT,            /* no answer in time */
    SEND_AUTH,               /* 401 or 403: the credentials */
    SEND_NOT_LRS,            /* an answer no statements resource gives (404, a redirect...) */
    SEND_SERVER,             /* the LRS failed (5xx) */
} SendStop;

typedef struct {
    char *id, *reason;
} SendRefusal;

typedef struct {
    int total;               /* the session's statements */
    int before;              /* of those, acknowledged before this send */
    int sent;                /* acknowledged in this send */
    int conflicts;           /* of those, ids under which the LRS holds another statement */
    int voided;              /* statements voided in this send */
    SendRefusal *refused;    /* statements the LRS refused (400), with its reason */
    int nrefused;
    SendStop stop;
    char *why;               /* what stopped it, in words (fresh); NULL for SEND_OK */
} SendResult;

/* The statements resource of the xAPI endpoint `url` ("https://lrs/data/xAPI/" gives
 * "https://lrs/data/xAPI/statements"; an address ending in /statements is kept). Fresh. */
char *send_statements_url(const char *url);
/* The batch size and the time limit: VERBEELD_LRS_BATCH and VERBEELD_LRS_TIMEOUT, or 50
 * statements and 30 seconds. */
void send_defaults(SendOptions *o);
/* Send what the LRS lacks of `journal`'s statements. Returns 0 when the LRS holds every one;
 * 1 otherwise, with r->stop and r->why, or r->refused (journal problems in d). */
int send_journal(const char *journal, const SendOptions *o, SendResult *r, DiagList *d);
void send_result_free(SendResult *r);

#endif
