/*
 * xmlsafe.c - reading untrusted XML with libxml2, and validating it with RELAX NG.
 *
 * The network is off and any DOCTYPE is refused before it is read, so no external entity is
 * ever loaded and no entity can be expanded: a scenario or cast file from someone else can
 * only be wrong, never harmful. Every message becomes a file:line diagnostic.
 *
 * Small files (casts, the scenario list) are read here as a whole tree and then validated;
 * scenarios are streamed by xmlstream.c, which parses with the same precautions (xmlparse.h).
 */
#include "xml/xmlparse.h"
#include "xml/xmlsafe.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "base/i18n.h"
#include "base/util.h"

#define MAX_XML_BYTES (64u << 20)

/* ============================== libxml2 plumbing ============================== */

/* A schema type as a designer knows it ("decimal": a number). */
static const char *type_words(const char *type)
{
    if (streq(type, "decimal") || streq(type, "double")) return _("number");
    if (streq(type, "integer") || streq(type, "int") || streq(type, "nonNegativeInteger")) return _("whole number");
    return type;
}

/* libxml2's most common messages about a scenario, in the session's language and with what to
 * do ("xmlParseEntityRef: no name" is a bare '&'); NULL for the others, which stay as libxml2
 * words them. The names they quote come from the document: cleaned like the message. */
static char *xml_words(const xmlError *e, const char *msg)
{
    char *a = e->str1 ? clean_text(e->str1) : xstrdup("?");
    char *b = e->str2 ? clean_text(e->str2) : xstrdup("?");
    char *w = NULL;
    if (e->domain == XML_FROM_PARSER) {
        switch (e->code) {
        case XML_ERR_NAME_REQUIRED:
            if (strstr(msg, "EntityRef")) w = xstrdup(_("a bare '&': write it as &amp;"));
            else if (strstr(msg, "StartTag")) w = xstrdup(_("a bare '<': write it as &lt;"));
            break;
        case XML_ERR_UNDECLARED_ENTITY: case XML_WAR_UNDECLARED_ENTITY:
            w = xasprintf(_("unknown entity '&%s;': write the character itself (a scenario is UTF-8)"), a); break;
        case XML_ERR_TAG_NAME_MISMATCH: w = xasprintf(_("<%s> of line %d is closed with </%s>"), a, e->int1, b); break;
        case XML_ERR_TAG_NOT_FINISHED: w = xasprintf(_("<%s> of line %d is never closed"), a, e->int1); break;
        case XML_ERR_GT_REQUIRED: w = xasprintf(_("the tag <%s> does not end with '>'"), a); break;
        case XML_ERR_LT_IN_ATTRIBUTE: w = xstrdup(_("a '<' in an attribute's value: write it as &lt;")); break;
        case XML_ERR_ATTRIBUTE_NOT_STARTED: w = xstrdup(_("an attribute's value must stand in quotes")); break;
        case XML_ERR_ATTRIBUTE_WITHOUT_VALUE: w = xasprintf(_("attribute '%s' has no value"), a); break;
        case XML_ERR_ATTRIBUTE_REDEFINED: w = xasprintf(_("attribute '%s' is given twice"), a); break;
        case XML_ERR_DOCUMENT_END: w = xstrdup(_("there is more after the end of the document")); break;
        case XML_ERR_DOCUMENT_EMPTY:      /* also "Start tag expected, '<' not found" */
            w = xstrdup(strstr(msg, "Start tag") ? _("this is not XML: it does not begin with a tag")
                                                 : _("the file is empty"));
            break;
        default: break;
        }
    } else if (e->domain == XML_FROM_RELAXNGV) {
        switch (e->code) {
        case XML_RELAXNG_ERR_TYPEVAL: w = xasprintf(_("'%s' is not a %s"), b, type_words(a)); break;
        case XML_RELAXNG_ERR_INVALIDATTR: w = xasprintf(_("unknown attribute '%s'"), a); break;
        case XML_RELAXNG_ERR_ATTRVALID: w = xstrdup(_("its attributes do not match the schema")); break;
        case XML_RELAXNG_ERR_CONTENTVALID: w = xstrdup(_("what it holds does not match the schema")); break;
        case XML_RELAXNG_ERR_ELEMWRONG: w = xasprintf(_("<%s> is not expected here"), a); break;
        case XML_RELAXNG_ERR_ELEMNAME: w = xasprintf(_("<%s> is expected here, not <%s>"), a, b); break;
        case XML_RELAXNG_ERR_NOELEM:      /* libxml2 names no element where any of several would do */
            w = e->str1 && *e->str1 ? xasprintf(_("<%s> is missing"), a) : xstrdup(_("an element is missing here"));
            break;
        case XML_RELAXNG_ERR_NOTELEM: w = xstrdup(_("an element is expected here, not text")); break;
        case XML_RELAXNG_ERR_TEXTWRONG: w = xasprintf(_("no text is expected directly in <%s>"), a); break;
        case XML_RELAXNG_ERR_EXTRACONTENT: w = xasprintf(_("<%s> holds more than the schema allows: %s"), a, b); break;
        default: break;
        }
    }
    free(a);
    free(b);
    return w;
}

/* libxml2 messages end in a newline and sometimes name no file; tidy them into a diagnostic. */
static void xml_error(void *ud, const xmlError *e)
{
    ParseState *ps = ud;
    if (!e || !e->message) return;
    char *msg = clean_text(e->message);      /* messages may quote the document */
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = '\0';
    char *words = xml_words(e, msg);
    if (words) {
        free(msg);
        msg = words;
    }
    /* "Input is not proper UTF-8, indicate encoding !\nBytes: 0xE9 ...": a file a designer
     * saved as Latin-1; the advice to indicate the encoding is not ours (a scenario is UTF-8). */
    if (e->domain == XML_FROM_PARSER && e->code == XML_ERR_INVALID_CHAR && strstr(msg, "UTF-8")) {
        const char *bytes = strstr(msg, "Bytes: ");
        char *said = xasprintf(_("the file is not valid UTF-8 here (%s): save it as UTF-8"),
                               bytes ? bytes + strlen("Bytes: ") : "?");
        free(msg);
        msg = said;
    }
    /* Schema messages do not always say which element they are about; the node does. */
    xmlNodePtr node = e->node;
    int line = e->line;
    if (e->domain == XML_FROM_RELAXNGV && node && node->type == XML_ELEMENT_NODE) {
        if (!line || line == 65535) line = xml_line(node);
        diag_add(ps->d, DIAG_ERROR, ps->path, line, "<%s>: %s", (const char *)node->name, msg);
    } else {
        diag_add(ps->d, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR, ps->path, line, "%s", msg);
    }
    free(msg);
}

void xml_error_cb(void *ud, xmlErrorPtr e)
{
    xml_error(ud, e);
}

/* A DOCTYPE is where entities are declared; a scenario never needs one, so refuse it before
 * anything in it is read. This rules out external entities and entity-expansion bombs. */
static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name; (void)ext; (void)sys;
    xmlParserCtxtPtr ctxt = ctx;
    ParseState *ps = ctxt->_private;
    ps->doctype_seen = 1;
    diag_add(ps->d, DIAG_ERROR, ps->path, xmlSAX2GetLineNumber(ctx),
             _("a DOCTYPE is not allowed in a scenario (it could declare entities)"));
    xmlStopParser(ctxt);
}

/* External resources are never loaded, whatever a document asks. */
static xmlParserInputPtr no_external(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)id;
    if (ctxt && ctxt->_private) {
        ParseState *ps = ctxt->_private;
        diag_add(ps->d, DIAG_ERROR, ps->path, ctxt->input ? ctxt->input->line : 0,
                 _("external resource '%s' refused"), url ? url : "?");
    }
    return NULL;
}

/* libxml2 is set up once, before any second thread: its globals, the RELAX NG types, and an
 * external entity loader that loads nothing (the only setting of libxml2's that is global to
 * the process rather than to a thread). */
static void init_libxml(void)
{
    xmlInitParser();
    xmlRelaxNGInitTypes();
    xmlSetExternalEntityLoader(no_external);
}

void xml_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_libxml);
}

/* The bytes of an XML file, or NULL with a diagnostic naming why it cannot be read. */
char *xml_slurp(const char *path, size_t *len, DiagList *d)
{
    char *buf = read_file(path, MAX_XML_BYTES, len);
    if (!buf) {
        if (errno == EFBIG)
            diag_add(d, DIAG_ERROR, path, 0, _("file is larger than %u MiB"), MAX_XML_BYTES >> 20);
        else if (errno == READ_NOT_REGULAR)
            diag_add(d, DIAG_ERROR, path, 0, "%s", _("not a regular file (a FIFO, a device or a socket): it is not read"));
        else
            diag_add(d, DIAG_ERROR, path, 0, _("cannot read: %s"), strerror(errno));
    }
    return buf;
}

/* The bytes not yet given to the parser. */
typedef struct {
    const char *next;
    size_t left;
} Unread;

static int give_bytes(void *ctx, char *to, int room)
{
    Unread *u = ctx;
    size_t n = u->left < (size_t)room ? u->left : (size_t)room;
    memcpy(to, u->next, n);
    u->next += n;
    u->left -= n;
    return (int)n;
}

/* The parser is given the bytes a few KiB at a time, as it reads them, into a buffer it
 * empties as it goes (xmlCtxtReadIO): given them all at once (xmlCtxtReadMemory), libxml2
 * 2.9 copies the whole file into fresh memory first, which at 100,000 scenes (45 MB) was
 * about a tenth of a first load (bench/notes.md, "Eleventh session"). */
xmlDocPtr xml_parse(const char *buf, size_t len, ParseState *ps, void (*handlers)(xmlSAXHandlerPtr))
{
    Unread unread = {buf, len};
    DiagList *d = ps->d;
    int errors = d->errors;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    xmlDocPtr doc = NULL;
    if (ctxt) {
        ctxt->_private = ps;
        ctxt->sax->internalSubset = refuse_doctype;
        if (handlers) handlers(ctxt->sax);
        xmlSetStructuredErrorFunc(ps, xml_error_cb);
        doc = xmlCtxtReadIO(ctxt, give_bytes, NULL, &unread, ps->path, NULL,
                            XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
        xmlSetStructuredErrorFunc(NULL, NULL);
        xmlFreeParserCtxt(ctxt);
    }
    if (doc && (d->errors > errors || ps->doctype_seen)) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (!doc && d->errors == errors)
        diag_add(d, DIAG_ERROR, ps->path, 0, _("not a well-formed XML document"));
    return doc;
}

/* Parse XML in memory into a tree, or NULL with diagnostics. Used for small files (casts), and
 * to say what is wrong with a scenario that is not valid. */
xmlDocPtr xml_read_memory(const char *buf, size_t len, const char *path, DiagList *d)
{
    xml_init();
    ParseState ps = {d, path, 0, NULL};
    return xml_parse(buf, len, &ps, NULL);
}

xmlDocPtr xml_read_safely(const char *path, DiagList *d)
{
    size_t len;
    char *buf = xml_slurp(path, &len, d);
    if (!buf) return NULL;
    xmlDocPtr doc = xml_read_memory(buf, len, path, d);
    free(buf);
    return doc;
}

xmlRelaxNGPtr xml_load_schema(const char *schema_path, DiagList *d)
{
    size_t len;
    char *rng = read_file(schema_path, 4u << 20, &len);
    if (!rng) {
        diag_add(d, DIAG_ERROR, schema_path, 0,
                 _("cannot read the schema: %s (is verbeeld installed completely?)"), strerror(errno));
        return NULL;
    }
    ParseState ps = {d, schema_path, 0, NULL};
    xmlSetStructuredErrorFunc(&ps, xml_error_cb);
    xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewMemParserCtxt(rng, (int)len);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    xmlSetStructuredErrorFunc(NULL, NULL);
    free(rng);
    return schema;
}

/* ============================== validation ============================== */

#define MAX_SCHEMA_ERRORS 100
#define MAX_ROUNDS 10         /* each round validates the whole file again: a large one is slow */

/* One validation of a document that may take several rounds: libxml2 gives up on the rest of
 * an element at its first wrong child, so each round takes out what the last one found wrong
 * (an element not expected there, an attribute not allowed) and validates again, until no
 * round finds anything new. The errors of all rounds, each once. */
typedef struct {
    ParseState ps;
    char **seen;              /* "line:message" of each error reported */
    int nseen, capseen;
    xmlNodePtr *drop;         /* elements to take out before the next round */
    int ndrop, capdrop;
    xmlAttrPtr *unset;        /* attributes to take out */
    int nunset, capunset;
} Rounds;

static int seen_before(Rounds *r, int line, const char *msg)
{
    char *key = xasprintf("%d:%s", line, msg);
    for (int i = 0; i < r->nseen; i++)
        if (streq(r->seen[i], key)) { free(key); return 1; }
    VEC_PUSH(r->seen, r->nseen, r->capseen);
    r->seen[r->nseen++] = key;
    return 0;
}

/* What to take out so that the next round gets past this error. */
static void note_fix(Rounds *r, xmlNodePtr node, const xmlError *e)
{
    if (e->code == XML_RELAXNG_ERR_ELEMWRONG && node->parent) {
        VEC_PUSH(r->drop, r->ndrop, r->capdrop);
        r->drop[r->ndrop++] = node;
        return;
    }
    if (e->code == XML_RELAXNG_ERR_INVALIDATTR && e->str1) {
        xmlAttrPtr a = xmlHasProp(node, (const xmlChar *)e->str1);
        if (!a) return;
        VEC_PUSH(r->unset, r->nunset, r->capunset);
        r->unset[r->nunset++] = a;
    }
}

static void valid_error(void *ud, xmlErrorPtr e)
{
    Rounds *r = ud;
    if (!e || !e->message) return;
    /* Past the limit nothing more is shown or taken out: a file wrong on every line (xml:lang
     * left out of each text) must not cost a comparison with every error before it. */
    if (r->nseen > MAX_SCHEMA_ERRORS) return;
    xmlNodePtr node = e->node;
    if (e->domain != XML_FROM_RELAXNGV || !node || node->type != XML_ELEMENT_NODE) {
        xml_error(&r->ps, e);
        return;
    }
    char *msg = clean_text(e->message);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = '\0';
    int line = e->line;
    if (!line || line == 65535) line = xml_line(node);
    if (!seen_before(r, line, msg)) {
        char *words = xml_words(e, msg);
        if (r->nseen <= MAX_SCHEMA_ERRORS)
            diag_add(r->ps.d, DIAG_ERROR, r->ps.path, line, "<%s>: %s", (const char *)node->name, words ? words : msg);
        free(words);
        note_fix(r, node, e);
    }
    free(msg);
}

/* Take out what the last round found wrong; returns how much. Attributes first: an element
 * taken out takes its own attributes with it. */
static int apply_fixes(Rounds *r)
{
    int n = r->ndrop + r->nunset;
    for (int i = 0; i < r->nunset; i++) {
        int gone = 0;       /* an attribute of an element already taken out is gone with it */
        for (int k = 0; k < r->ndrop && !gone; k++)
            for (xmlNodePtr p = r->unset[i]->parent; p && !gone; p = p->parent) gone = p == r->drop[k];
        if (!gone) xmlRemoveProp(r->unset[i]);
    }
    for (int i = 0; i < r->ndrop; i++) {
        xmlUnlinkNode(r->drop[i]);
        xmlFreeNode(r->drop[i]);
    }
    r->ndrop = r->nunset = 0;
    return n;
}

/* Validate `doc` against the RELAX NG schema at `schema_path`. Returns 0 when valid. An
 * invalid document is changed on the way (see Rounds): nobody reads it after that. */
int xml_validate(xmlDocPtr doc, const char *schema_path, const char *path, DiagList *d)
{
    xmlRelaxNGPtr schema = xml_load_schema(schema_path, d);
    if (!schema) return -1;
    Rounds r = {.ps = {d, path, 0, NULL}};
    int rc = 0, rounds = 0;
    do {
        xmlSetStructuredErrorFunc(&r.ps, xml_error_cb);
        xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(schema);
        xmlRelaxNGSetValidStructuredErrors(vctxt, valid_error, &r);
        if (xmlRelaxNGValidateDoc(vctxt, doc) != 0) rc = -1;
        xmlRelaxNGFreeValidCtxt(vctxt);
    } while (rc && r.nseen < MAX_SCHEMA_ERRORS && ++rounds < MAX_ROUNDS && apply_fixes(&r) > 0);
    if (r.nseen > MAX_SCHEMA_ERRORS)
        diag_add(d, DIAG_ERROR, path, 0, _("more errors against the schema: only the first %d are shown"), MAX_SCHEMA_ERRORS);
    for (int i = 0; i < r.nseen; i++) free(r.seen[i]);
    free(r.seen);
    free(r.drop);
    free(r.unset);
    xmlRelaxNGFree(schema);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return rc;
}

/* ============================== tree helpers ============================== */

char *xml_attr(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

int xml_is(xmlNodePtr node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

char *xml_content(xmlNodePtr node)
{
    xmlChar *v = xmlNodeGetContent(node);
    char *s = xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* A value as it stands in a streamed file's tree: one text node. */
static const char *value_of(xmlAttrPtr a)
{
    xmlNodePtr t = a ? a->children : NULL;
    return t && !t->next && t->type == XML_TEXT_NODE ? (const char *)t->content : NULL;
}

/* The attribute `name` in namespace `ns` (NULL: none) of `node`. A streamed file's element
 * belongs to no document, so it has no defaults from a DTD: its own attributes are all there
 * is, and looking through them here is what xmlHasNsProp does, in less time. */
static xmlAttrPtr attribute(xmlNodePtr node, const char *name, const char *ns)
{
    if (node->doc) return xmlHasNsProp(node, (const xmlChar *)name, (const xmlChar *)ns);
    for (xmlAttrPtr a = node->properties; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0 &&
            (ns ? a->ns && a->ns->href && strcmp((const char *)a->ns->href, ns) == 0 : !a->ns))
            return a;
    return NULL;
}

const char *xml_value(xmlNodePtr node, const char *name)
{
    return value_of(attribute(node, name, NULL));
}

const char *xml_lang(xmlNodePtr node)
{
    for (; node && node->type == XML_ELEMENT_NODE; node = node->parent) {
        xmlAttrPtr a = attribute(node, "lang", (const char *)XML_XML_NAMESPACE);
        if (a) return value_of(a);
    }
    return NULL;
}

const char *xml_text(xmlNodePtr node)
{
    xmlNodePtr t = node->children;
    if (!t) return "";
    return !t->next && t->type == XML_TEXT_NODE ? (const char *)t->content : NULL;
}

/* Elements of a streamed file carry their exact line in _private; libxml2's own nodes keep
 * lines past 65535 only roughly. */
int xml_line(xmlNodePtr node)
{
    if (node->type == XML_ELEMENT_NODE && node->_private) return (int)(intptr_t)node->_private;
    return (int)xmlGetLineNo(node);
}
