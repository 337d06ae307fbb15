/*
 * xmlparse.h - the precautions of xmlsafe.c, shared with xmlstream.c only: every parse has the
 * network off, refuses a DOCTYPE before reading it, and turns libxml2's messages into
 * file:line diagnostics.
 */
#ifndef VB_XMLPARSE_H
#define VB_XMLPARSE_H

#include <stddef.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "base/diag.h"

struct Stream;

/* What libxml2's callbacks of one parse report to. */
typedef struct {
    DiagList *d;
    const char *path;
    int doctype_seen;
    struct Stream *stream;   /* the streaming read (xmlstream.c) this parse belongs to, if any */
} ParseState;

/* Set libxml2 up, once per process, before any second thread starts. */
void xml_init(void);
/* libxml2's structured-error callback: the message as a diagnostic of `ud`, a ParseState. */
void xml_error_cb(void *ud, xmlErrorPtr e);
/* Parse `buf` with the precautions, or NULL with diagnostics. `handlers`, when given, sets SAX
 * handlers of its own (xmlstream.c builds no tree: the document it gets back is empty). */
xmlDocPtr xml_parse(const char *buf, size_t len, ParseState *ps, void (*handlers)(xmlSAXHandlerPtr));
/* The RELAX NG schema at `schema_path`, or NULL with diagnostics (named after the schema). */
xmlRelaxNGPtr xml_load_schema(const char *schema_path, DiagList *d);

#endif
