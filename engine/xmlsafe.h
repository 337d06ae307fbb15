/*
 * xmlsafe.h - untrusted XML in, a libxml2 tree or file:line diagnostics out.
 */
#ifndef VB_XMLSAFE_H
#define VB_XMLSAFE_H

#include <stddef.h>
#include <libxml/tree.h>

#include "diag.h"

/* Parse an XML file with the network off and no DOCTYPE allowed. NULL with diagnostics in `d`
 * when the file cannot be read or is not well-formed. */
xmlDocPtr xml_read_safely(const char *path, DiagList *d);
/* The two halves of xml_read_safely, for a caller that needs the bytes too (load.c hashes them
 * for the model cache): the bytes of the file (at most 64 MiB), freshly allocated, or NULL with
 * a diagnostic; and the parse of bytes already in memory, `path` naming them in diagnostics. */
char *xml_slurp(const char *path, size_t *len, DiagList *d);
xmlDocPtr xml_read_memory(const char *buf, size_t len, const char *path, DiagList *d);
/* What a streaming read (xml_stream) hands over: `open` when an element has opened (its
 * attributes are there, its content is not yet), `close` when it is complete; `depth` is 0
 * for the root element, and an element's ancestors are in the tree when it is opened and
 * closed (for xml:lang). `close` returns 1 when the caller is done with the element
 * and with every sibling before it: they then leave the tree and their memory is reused (the
 * root stays until the end). `open` may be NULL. The elements come while the file is still
 * being validated: they are well-formed, but may be anything the file holds, and what the
 * caller builds from them is to be thrown away when xml_stream says the file is not valid. */
typedef struct {
    void (*open)(void *ud, xmlNodePtr node, int depth);
    int (*close)(void *ud, xmlNodePtr node, int depth);
} XmlStreamFns;
/* Read the XML in `buf` (named `path` in diagnostics) with the precautions of
 * xml_read_memory, validate it against the RELAX NG schema file `schema_path`, and hand it to
 * `fns` part by part, in one pass each, side by side. Returns 0 when the file is well-formed
 * and valid, -1 with diagnostics in `d` (those xml_read_memory and xml_validate would give). */
int xml_stream(const char *buf, size_t len, const char *path, const char *schema_path,
               const XmlStreamFns *fns, void *ud, DiagList *d);
/* Validate `doc` (read from `path`) against the RELAX NG schema file `schema_path`.
 * Returns 0 when valid, -1 with every violation in `d`. */
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
