/*
 * xmlstream.h - a scenario file read as a stream, validated while its parts are handed over.
 */
#ifndef VB_XMLSTREAM_H
#define VB_XMLSTREAM_H

#include <stddef.h>
#include <libxml/tree.h>

#include "base/diag.h"

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
/* The seam of the first load's speed. The benchmark's minimum (a first load 5x faster than
 * inkjs; 5.5x measured at 10,000 scenes) needs both the second thread and the pipe: at 10,000
 * scenes the longer of the two passes is 518 M instructions, one pass parsing for both
 * (callgrind); on one processor they are 1,193 M one after the other (2.3x inkjs), and a
 * validating pass that parsed for itself would be at least 675 M (4x). bench/notes.md.
 *
 * Read the XML in `buf` (named `path` in diagnostics) with the precautions of
 * xml_read_memory, validate it against the RELAX NG schema file `schema_path`, and hand it to
 * `fns` part by part, in one pass each, side by side. Returns 0 when the file is well-formed
 * and valid, -1 with diagnostics in `d` (those xml_read_memory and xml_validate would give). */
int xml_stream(const char *buf, size_t len, const char *path, const char *schema_path,
               const XmlStreamFns *fns, void *ud, DiagList *d);

#endif
