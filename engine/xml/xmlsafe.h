/*
 * xmlsafe.h - untrusted XML in, a libxml2 tree or file:line diagnostics out.
 */
#ifndef VB_XMLSAFE_H
#define VB_XMLSAFE_H

#include <stddef.h>
#include <libxml/tree.h>

#include "base/diag.h"

/* Parse an XML file with the network off and no DOCTYPE allowed. NULL with diagnostics in `d`
 * when the file cannot be read or is not well-formed. */
xmlDocPtr xml_read_safely(const char *path, DiagList *d);
/* The two halves of xml_read_safely, for a caller that needs the bytes too (load.c hashes them
 * for the model cache): the bytes of the file (at most 64 MiB), freshly allocated, or NULL with
 * a diagnostic; and the parse of bytes already in memory, `path` naming them in diagnostics. */
char *xml_slurp(const char *path, size_t *len, DiagList *d);
xmlDocPtr xml_read_memory(const char *buf, size_t len, const char *path, DiagList *d);
/* Validate `doc` (read from `path`) against the RELAX NG schema file `schema_path`.
 * Returns 0 when valid, -1 with every violation in `d` (at most 100). An invalid `doc` is
 * changed on the way (what was wrong is taken out to look past it): only free it after. */
int xml_validate(xmlDocPtr doc, const char *schema_path, const char *path, DiagList *d);

/* The value of attribute `name` of `node`, freshly allocated, or NULL. */
char *xml_attr(xmlNodePtr node, const char *name);
/* Whether `node` is the element `name`. */
int xml_is(xmlNodePtr node, const char *name);
/* The text content of `node`, freshly allocated. */
char *xml_content(xmlNodePtr node);
/* For the elements of xml_stream, whose attribute values are each one text node: the value
 * of attribute `name` (in no namespace), or of xml:lang on `node` or its nearest ancestor
 * with one, as it stands in the tree; NULL when there is none. */
const char *xml_value(xmlNodePtr node, const char *name);
const char *xml_lang(xmlNodePtr node);
/* The text of an element from xml_stream that holds nothing but text, as it stands in the
 * tree ("" when empty); NULL when it holds more (xml_content puts that together). */
const char *xml_text(xmlNodePtr node);
/* The line of `node` in its file. */
int xml_line(xmlNodePtr node);

#endif
