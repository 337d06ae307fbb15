/*
 * xmlstream.c - reading a scenario as a stream: validated against the schema while its parts
 * are handed to load.c as soon as each is complete, so that a story of 100,000 scenes never
 * exists as one tree. It parses with xmlsafe.c's precautions (xmlparse.h).
 */
#include "xml/xmlstream.h"

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/relaxng.h>

#include "base/i18n.h"
#include "base/util.h"
#include "xml/xmlparse.h"
#include "xml/xmlsafe.h"

typedef struct Stream Stream;

/* A scenario is read in two passes: one validates it against the schema, the other gives it
 * to the caller part by part. With two processors they run side by side: the reading pass
 * parses, and sends each element down a pipe to the validating pass in a thread of its own
 * (see "the pipe"). With one, the validating pass parses the file itself first, and the
 * reading pass follows only when the file is valid. Both parse with xmlsafe.c's precautions.
 * Neither builds libxml2's tree: each element is made in an arena as plain libxml2 nodes,
 * which the RELAX NG validator and libxml2's getters read as usual, and goes back to the arena
 * as soon as it is done with.
 *
 * libxml2 is safe in two threads this way: it is set up before the second starts
 * (xml_init); the validating thread has the schema and the validator to itself, and its own
 * nodes; what it shares with the reading pass is the pipe, behind a mutex, the names in the
 * reading pass's dictionary, which are only read once made, and a flag, atomic, that says
 * either pass stopped at a problem.
 *
 * Validating element by element says well what is wrong first, but little that is useful
 * after that. So a file found wanting is read again as a whole tree and validated as such,
 * as small files are: its messages are the ones reported, and such files are small or rare. */

/* ---- the arena: a stack of chunks, given back down to a mark */

enum { CHUNK_BYTES = 64 << 10 };

typedef struct Chunk {
    struct Chunk *below;
    size_t used, size;
    max_align_t data[];
} Chunk;

typedef struct {
    Chunk *top;
    Chunk *spare;             /* one chunk kept back, so that reading scene after scene reuses it */
} Arena;

typedef struct {
    Chunk *chunk;
    size_t used;
} Mark;

/* `n` bytes, not cleared. */
static void *arena_alloc(Arena *a, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    Chunk *c = a->top;
    if (!c || c->size - c->used < n) {
        size_t size = n > CHUNK_BYTES / 4 ? n : CHUNK_BYTES;
        if (a->spare && a->spare->size >= size) {
            c = a->spare;
            a->spare = NULL;
        } else {
            c = xmalloc(sizeof *c + size);
            c->size = size;
        }
        c->used = 0;
        c->below = a->top;
        a->top = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

static void *arena_zalloc(Arena *a, size_t n)
{
    return memset(arena_alloc(a, n), 0, n);
}

static Mark arena_mark(const Arena *a)
{
    return (Mark){a->top, a->top ? a->top->used : 0};
}

static void arena_release(Arena *a, Mark m)
{
    while (a->top != m.chunk) {
        Chunk *c = a->top;
        a->top = c->below;
        if (!a->spare && c->size == CHUNK_BYTES) {
            a->spare = c;
        } else {
            free(c);
        }
    }
    if (a->top) a->top->used = m.used;
}

static void arena_free(Arena *a)
{
    arena_release(a, (Mark){NULL, 0});
    free(a->spare);
    a->spare = NULL;
}

/* ---- one pass */

typedef struct Pipe Pipe;

typedef struct {
    xmlNodePtr node;
    Mark content;             /* the arena past the element and its attributes */
} Open;

struct Stream {
    ParseState ps;
    xmlParserCtxtPtr ctxt;              /* NULL when the elements come through a pipe */
    xmlRelaxNGValidCtxtPtr v;           /* the validating pass */
    const XmlStreamFns *fns;            /* the reading pass */
    void *ud;
    Pipe *pipe;                         /* from the reading pass to the validating pass */
    atomic_int *stop;                   /* set when a pass has stopped at a problem */
    Arena arena;
    Open *open;                         /* the elements open, the root first */
    int depth, cap;                     /* depth: of the innermost open element, -1 outside */
    xmlNodePtr whole;                   /* an element the schema validates only whole, at its end */
    int failed;                         /* a validation step failed */
    int give_back;                      /* the arena goes back down to `back` at the next element */
    Mark back;
    char *text;                         /* character data not yet added to the tree */
    size_t text_len, text_cap;
};

static void pipe_start(Pipe *p, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
                       int nattrs, const xmlChar **attrs, int line);
static void pipe_text(Pipe *p, const char *text, size_t len);
static void pipe_end(Pipe *p);
static void pipe_wake(Pipe *p);

static Stream *stream_of(void *ctx)
{
    return ((ParseState *)((xmlParserCtxtPtr)ctx)->_private)->stream;
}

static xmlNsPtr new_ns(Stream *st, const xmlChar *uri, const xmlChar *prefix)
{
    xmlNsPtr ns = arena_zalloc(&st->arena, sizeof *ns);
    ns->type = XML_NAMESPACE_DECL;
    ns->href = uri;
    ns->prefix = prefix;
    return ns;
}

/* A text node holding `n` bytes of `s`. In attribute values libxml2 hands over an '&' that
 * came from a reference as "&#38;" (nothing else can be there without a DTD): decoded here. */
static xmlNodePtr new_text(Stream *st, xmlNodePtr parent, const char *s, size_t n, int attribute)
{
    xmlNodePtr t = arena_zalloc(&st->arena, sizeof *t);
    char *content = arena_alloc(&st->arena, n + 1), *out = content;
    const char *amp = attribute ? memchr(s, '&', n) : NULL;
    if (!amp) {
        memcpy(out, s, n);
        out += n;
    } else {
        for (size_t i = 0; i < n; i++) {
            *out++ = s[i];
            if (s[i] == '&' && n - i >= 5 && memcmp(s + i, "&#38;", 5) == 0) i += 4;
        }
    }
    *out = '\0';
    t->type = XML_TEXT_NODE;
    t->name = xmlStringText;
    t->content = (xmlChar *)content;
    t->parent = parent;
    return t;
}

static void add_child(xmlNodePtr parent, xmlNodePtr child)
{
    child->parent = parent;
    child->prev = parent->last;
    if (parent->last) parent->last->next = child;
    else parent->children = child;
    parent->last = child;
}

/* An element with its attributes, as SAX2 gives them (5 pointers each). The line goes in
 * `line` as libxml2 keeps it (65535 past that) and exactly in `_private`, for xml_line. */
static xmlNodePtr new_element(Stream *st, const xmlChar *name, const xmlChar *prefix,
                              const xmlChar *uri, int nattrs, const xmlChar **attrs, int line)
{
    xmlNodePtr e = arena_zalloc(&st->arena, sizeof *e);
    e->type = XML_ELEMENT_NODE;
    e->name = name;
    e->ns = uri ? new_ns(st, uri, prefix) : NULL;
    e->line = line < 65535 ? (unsigned short)line : 65535;
    e->_private = (void *)(intptr_t)line;
    xmlAttrPtr last = NULL;
    for (int i = 0; i < nattrs; i++, attrs += 5) {
        xmlAttrPtr a = arena_zalloc(&st->arena, sizeof *a);
        a->type = XML_ATTRIBUTE_NODE;
        a->name = attrs[0];
        a->ns = attrs[2] ? new_ns(st, attrs[2], attrs[1]) : NULL;
        a->parent = e;
        a->children = a->last = new_text(st, (xmlNodePtr)a, (const char *)attrs[3],
                                          (size_t)(attrs[4] - attrs[3]), 1);
        a->prev = last;
        if (last) last->next = a;
        else e->properties = a;
        last = a;
    }
    return e;
}

/* A pass stops at the first problem, and tells the other to stop too. */
static void invalid(Stream *st)
{
    st->failed = 1;
    atomic_store(st->stop, 1);
    if (st->ctxt) xmlStopParser(st->ctxt);
    if (st->pipe) pipe_wake(st->pipe);
}

static int blank(const char *s)
{
    return !s[strspn(s, " \t\r\n")];
}

/* The character data since the last tag: a text node in the tree, except where the validating
 * pass validates element by element: there the validator only needs to know there was text. */
static void flush_text(Stream *st)
{
    if (!st->text_len) return;
    st->text[st->text_len] = '\0';
    if (st->pipe && !st->v) pipe_text(st->pipe, st->text, st->text_len);
    xmlNodePtr cur = st->depth >= 0 ? st->open[st->depth].node : NULL;
    if (st->v && !st->whole) {
        const xmlChar *text = (const xmlChar *)st->text;
        if (!blank(st->text) && xmlRelaxNGValidatePushCData(st->v, text, (int)st->text_len) != 1)
            invalid(st);
    } else if (cur) {
        add_child(cur, new_text(st, cur, st->text, st->text_len, 0));
    }
    st->text_len = 0;
}

/* Character data is kept until the next tag, up to libxml2's own limit on a text node. */
static void add_text(Stream *st, const char *ch, size_t len)
{
    if (st->text_len + len > XML_MAX_TEXT_LENGTH) {
        invalid(st);
        return;
    }
    if (st->text_len + len >= st->text_cap) {
        st->text_cap = 2 * (st->text_len + len) + 64;
        st->text = xrealloc(st->text, st->text_cap);
    }
    memcpy(st->text + st->text_len, ch, len);
    st->text_len += len;
}

/* Take `node`, the last child of its parent, and the siblings before it out of the tree and
 * give their memory back: at once when nothing else looks at them, else (the validator may
 * still name the last element it saw in a message) when the next element starts. */
static void set_aside(Stream *st, xmlNodePtr node, int depth)
{
    xmlNodePtr parent = node->parent;
    parent->children = parent->last = NULL;
    if (st->v) {
        st->back = st->open[depth - 1].content;
        st->give_back = 1;
    } else {
        arena_release(&st->arena, st->open[depth - 1].content);
    }
}

/* Hand a complete element to the reader; the root stays until the end. */
static void give(Stream *st, xmlNodePtr node, int depth)
{
    if (st->fns->close(st->ud, node, depth) && depth > 0) set_aside(st, node, depth);
}

static void validate_start(Stream *st, xmlNodePtr e)
{
    int rc = xmlRelaxNGValidatePushElement(st->v, NULL, e);
    if (rc == 0) st->whole = e;
    else if (rc < 0) invalid(st);
}

/* At the end of `e`: its content is valid, or not. Elements are set aside as they end, except
 * inside an element validated whole, which needs all of it. */
static void validate_end(Stream *st, xmlNodePtr e, int depth)
{
    int rc = 1;
    if (st->whole == e) {
        st->whole = NULL;
        rc = xmlRelaxNGValidateFullElement(st->v, NULL, e);
    } else if (!st->whole) {
        rc = xmlRelaxNGValidatePopElement(st->v, NULL, e);
    }
    if (rc != 1) invalid(st);
    else if (!st->whole && depth > 0) set_aside(st, e, depth);
}

static void start_element(Stream *st, const xmlChar *name, const xmlChar *prefix,
                          const xmlChar *uri, int nattrs, const xmlChar **attrs, int line)
{
    if (st->failed || atomic_load(st->stop)) {             /* the file is not valid: why read on */
        invalid(st);
        return;
    }
    flush_text(st);
    if (st->pipe && !st->v) pipe_start(st->pipe, name, prefix, uri, nattrs, attrs, line);
    if (st->give_back) {
        arena_release(&st->arena, st->back);
        st->give_back = 0;
    }
    xmlNodePtr parent = st->depth >= 0 ? st->open[st->depth].node : NULL;
    xmlNodePtr e = new_element(st, name, prefix, uri, nattrs, attrs, line);
    if (parent) add_child(parent, e);
    if (++st->depth == st->cap) {
        st->cap = st->cap ? 2 * st->cap : 32;
        st->open = xrealloc(st->open, (size_t)st->cap * sizeof *st->open);
    }
    st->open[st->depth] = (Open){e, arena_mark(&st->arena)};
    if (st->v) {
        if (!st->whole) validate_start(st, e);
    } else if (st->fns->open) {
        st->fns->open(st->ud, e, st->depth);
    }
}

static void end_element(Stream *st)
{
    flush_text(st);
    if (st->failed || st->depth < 0) return;
    if (st->pipe && !st->v) pipe_end(st->pipe);
    int depth = st->depth--;
    xmlNodePtr e = st->open[depth].node;
    if (st->v) validate_end(st, e, depth);
    else give(st, e, depth);
}

/* ---- one pass, parsing */

static void keep_names(Pipe *p, xmlParserCtxtPtr ctxt);

static void on_start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattrs, int ndefaulted, const xmlChar **attrs)
{
    (void)nns; (void)ns; (void)ndefaulted;
    Stream *st = stream_of(ctx);
    st->ctxt = ctx;
    if (st->pipe && !st->v) keep_names(st->pipe, ctx);
    start_element(st, name, prefix, uri, nattrs, attrs, xmlSAX2GetLineNumber(ctx));
}

static void on_end(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
    (void)name; (void)prefix; (void)uri;
    end_element(stream_of(ctx));
}

static void on_characters(void *ctx, const xmlChar *ch, int len)
{
    add_text(stream_of(ctx), (const char *)ch, (size_t)len);
}

/* The handlers of a pass: elements and text go to the arena, comments and processing
 * instructions nowhere (neither the schema nor the model has a use for them). */
static void stream_handlers(xmlSAXHandlerPtr sax)
{
    sax->startElementNs = on_start;
    sax->endElementNs = on_end;
    sax->characters = on_characters;
    sax->ignorableWhitespace = on_characters;
    sax->comment = NULL;
    sax->processingInstruction = NULL;
    sax->reference = NULL;
}

static void stream_free(Stream *st)
{
    arena_free(&st->arena);
    free(st->open);
    free(st->text);
}

/* One pass over `buf`: validating when `v` is given, else reading into `fns`. Returns 0 when
 * the file is well-formed (and valid, when validating). */
static int run_pass(Stream *st, const char *buf, size_t len)
{
    st->depth = -1;
    st->ps.stream = st;
    DiagList *d = st->ps.d;
    int errors = d->errors;
    xmlDocPtr doc = xml_parse(buf, len, &st->ps, stream_handlers);
    int ok = doc && !st->failed && d->errors == errors;
    xmlFreeDoc(doc);
    stream_free(st);
    return ok ? 0 : -1;
}

/* ---- the pipe: the reading pass parses for both
 *
 * Parsing is a third of the work of either pass, so with two processors only the reading pass
 * parses. It sends each element, with its attributes and the text before it, as an event in a
 * block of bytes; full blocks go to the validating thread, at most BLOCKS_AHEAD of them ahead
 * of it, and come back to be filled again. Names go as pointers into the reading pass's
 * dictionary, which is kept until the validating thread is done; values and text are copied. */

enum { BLOCK_BYTES = 64 << 10, BLOCKS_AHEAD = 64, EV_START = 1, EV_TEXT, EV_END };

typedef struct Block {
    struct Block *next;
    size_t used, size;
    unsigned char data[];
} Block;

struct Pipe {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    Block *full, *full_last;            /* sent, not yet taken */
    Block *spare;                       /* taken and done with, to be filled again */
    int ahead;                          /* blocks sent and not yet done with */
    int done, ok;                       /* all is sent; the file was read whole and well-formed */
    Block *cur;                         /* being filled */
    atomic_int *stop;
    xmlDictPtr dict;                    /* the reading pass's names */
};

static void pipe_init(Pipe *p, atomic_int *stop)
{
    memset(p, 0, sizeof *p);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    p->stop = stop;
}

static void free_blocks(Block *b)
{
    while (b) {
        Block *next = b->next;
        free(b);
        b = next;
    }
}

static void pipe_free(Pipe *p)
{
    free_blocks(p->full);
    free_blocks(p->spare);
    free(p->cur);
    if (p->dict) xmlDictFree(p->dict);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
}

/* The names the reading pass sends are in its parser's dictionary: kept until the validating
 * thread is done with them (pipe_free). */
static void keep_names(Pipe *p, xmlParserCtxtPtr ctxt)
{
    if (p->dict || !ctxt->dict) return;
    p->dict = ctxt->dict;
    xmlDictReference(p->dict);
}

static void pipe_wake(Pipe *p)
{
    pthread_mutex_lock(&p->mu);
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

/* Send the block being filled (the lock held). */
static void send_block(Pipe *p)
{
    if (!p->cur) return;
    p->cur->next = NULL;
    if (p->full_last) p->full_last->next = p->cur;
    else p->full = p->cur;
    p->full_last = p->cur;
    p->cur = NULL;
    p->ahead++;
    pthread_cond_broadcast(&p->cv);
}

/* Room for `n` bytes of events: in the block being filled, else in the next one, once the
 * validating thread is less than BLOCKS_AHEAD behind (or has stopped). */
static unsigned char *pipe_room(Pipe *p, size_t n)
{
    if (!p->cur || p->cur->size - p->cur->used < n) {
        pthread_mutex_lock(&p->mu);
        send_block(p);
        while (p->ahead >= BLOCKS_AHEAD && !atomic_load(p->stop)) pthread_cond_wait(&p->cv, &p->mu);
        Block *b = p->spare;
        if (b && b->size >= n) p->spare = b->next;
        else b = NULL;
        pthread_mutex_unlock(&p->mu);
        if (!b) {
            size_t size = n > BLOCK_BYTES ? n : BLOCK_BYTES;
            b = xmalloc(sizeof *b + size);
            b->size = size;
        }
        b->used = 0;
        p->cur = b;
    }
    unsigned char *at = p->cur->data + p->cur->used;
    p->cur->used += n;
    return at;
}

/* The events, packed byte by byte: EV_START, the line and the number of attributes (int),
 * the name, prefix and namespace (pointers), then for each attribute its name, prefix and
 * namespace, the length of its value (size_t) and the value; EV_TEXT, a length and the text;
 * EV_END alone. */
static unsigned char *put(unsigned char *at, const void *v, size_t n)
{
    memcpy(at, v, n);
    return at + n;
}

static void pipe_start(Pipe *p, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
                       int nattrs, const xmlChar **attrs, int line)
{
    size_t n = 1 + 2 * sizeof(int) + 3 * sizeof(void *);
    for (int i = 0; i < nattrs; i++)
        n += 3 * sizeof(void *) + sizeof(size_t) + (size_t)(attrs[5 * i + 4] - attrs[5 * i + 3]);
    unsigned char *at = pipe_room(p, n);
    *at++ = EV_START;
    at = put(at, &line, sizeof line);
    at = put(at, &nattrs, sizeof nattrs);
    at = put(at, &name, sizeof name);
    at = put(at, &prefix, sizeof prefix);
    at = put(at, &uri, sizeof uri);
    for (int i = 0; i < nattrs; i++, attrs += 5) {
        size_t len = (size_t)(attrs[4] - attrs[3]);
        at = put(at, &attrs[0], 3 * sizeof(void *));
        at = put(at, &len, sizeof len);
        at = put(at, attrs[3], len);
    }
}

static void pipe_text(Pipe *p, const char *text, size_t len)
{
    unsigned char *at = pipe_room(p, 1 + sizeof len + len);
    *at++ = EV_TEXT;
    at = put(at, &len, sizeof len);
    memcpy(at, text, len);
}

static void pipe_end(Pipe *p)
{
    *pipe_room(p, 1) = EV_END;
}

/* The reading pass is through: whether it read the whole file, well-formed. */
static void pipe_finish(Pipe *p, int ok)
{
    pthread_mutex_lock(&p->mu);
    send_block(p);
    p->done = 1;
    p->ok = ok;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

/* The next block sent, or NULL when all were taken. */
static Block *pipe_take(Pipe *p)
{
    pthread_mutex_lock(&p->mu);
    while (!p->full && !p->done) pthread_cond_wait(&p->cv, &p->mu);
    Block *b = p->full;
    if (b) {
        p->full = b->next;
        if (!p->full) p->full_last = NULL;
    }
    pthread_mutex_unlock(&p->mu);
    return b;
}

static void pipe_done_with(Pipe *p, Block *b)
{
    pthread_mutex_lock(&p->mu);
    b->next = p->spare;
    p->spare = b;
    p->ahead--;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

static const unsigned char *get(const unsigned char *at, void *v, size_t n)
{
    memcpy(v, at, n);
    return at + n;
}

/* An element as the pipe carries it, to the validating pass. `attrs` has room to grow. */
static const unsigned char *replay_start(Stream *st, const unsigned char *at,
                                         const xmlChar ***attrs, int *cap)
{
    int line, nattrs;
    const xmlChar *name, *prefix, *uri;
    at = get(at, &line, sizeof line);
    at = get(at, &nattrs, sizeof nattrs);
    at = get(at, &name, sizeof name);
    at = get(at, &prefix, sizeof prefix);
    at = get(at, &uri, sizeof uri);
    if (5 * nattrs > *cap) {
        *cap = 5 * nattrs;
        *attrs = xrealloc(*attrs, (size_t)*cap * sizeof **attrs);
    }
    for (int i = 0; i < nattrs; i++) {
        size_t len;
        const xmlChar **a = *attrs + 5 * i;
        at = get(at, a, 3 * sizeof(void *));
        at = get(at, &len, sizeof len);
        a[3] = at;
        a[4] = at + len;
        at += len;
    }
    start_element(st, name, prefix, uri, nattrs, *attrs, line);
    return at;
}

static void replay(Stream *st, const Block *b, const xmlChar ***attrs, int *cap)
{
    const unsigned char *at = b->data, *end = b->data + b->used;
    while (at < end && !st->failed) {
        int ev = *at++;
        if (ev == EV_START) {
            at = replay_start(st, at, attrs, cap);
        } else if (ev == EV_TEXT) {
            size_t len;
            at = get(at, &len, sizeof len);
            add_text(st, (const char *)at, len);
            at += len;
        } else {
            end_element(st);
        }
    }
}

/* Take what comes down the pipe without looking, so that the reading pass can finish. */
static void drain(Pipe *p)
{
    for (Block *b; (b = pipe_take(p));) pipe_done_with(p, b);
}

/* The validating pass, on what comes down the pipe: all of it, though it stops looking at the
 * first problem. Returns 0 when the file is valid. */
static int validate_piped(Stream *st, Pipe *p)
{
    st->depth = -1;
    const xmlChar **attrs = NULL;
    int cap = 0;
    for (Block *b; (b = pipe_take(p));) {
        if (!st->failed) replay(st, b, &attrs, &cap);
        pipe_done_with(p, b);
    }
    free(attrs);
    int ok = p->ok && !st->failed && st->depth < 0;
    stream_free(st);
    return ok ? 0 : -1;
}

/* ---- the two passes together */

typedef struct {
    const char *buf, *path, *schema_path;
    size_t len;
    Pipe *pipe;              /* what the reading pass sends, when it parses for both */
    DiagList d;              /* what the validating pass said, should the file not be valid */
    atomic_int stop;
    int valid;
} Check;

static void *check(void *arg)
{
    Check *c = arg;
    xmlRelaxNGPtr schema = xml_load_schema(c->schema_path, &c->d);
    xmlRelaxNGValidCtxtPtr v = schema ? xmlRelaxNGNewValidCtxt(schema) : NULL;
    if (v) {
        Stream st = {.ps = {&c->d, c->path, 0, NULL}, .v = v, .pipe = c->pipe, .stop = &c->stop};
        xmlRelaxNGSetValidStructuredErrors(v, xml_error_cb, &st.ps);
        c->valid = (c->pipe ? validate_piped(&st, c->pipe) : run_pass(&st, c->buf, c->len)) == 0;
        xmlRelaxNGFreeValidCtxt(v);
    }
    xmlRelaxNGFree(schema);
    if (!c->valid) {
        atomic_store(&c->stop, 1);
        if (c->pipe) pipe_wake(c->pipe);
    }
    if (c->pipe && !v) drain(c->pipe);
    return NULL;
}

/* The validating pass in a thread of its own, when this process may run on two processors
 * (else it would only take turns with the reading pass). The thread takes no signal sent to
 * the process, whose handlers expect the main thread; its own faults still reach theirs.
 * Returns 0 when it could not be started. */
static int start_check(pthread_t *thread, Check *c)
{
    cpu_set_t cpus;
    if (sched_getaffinity(0, sizeof cpus, &cpus) != 0 || CPU_COUNT(&cpus) < 2) return 0;
    sigset_t all, old;
    sigfillset(&all);
    static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) sigdelset(&all, faults[i]);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int started = pthread_create(thread, NULL, check, c) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return started;
}

/* The diagnostics of a file found wanting: those of reading and validating its whole tree, or
 * when that finds nothing, those of the validating pass. */
static void report(const char *buf, size_t len, const char *path, const char *schema_path,
                   const DiagList *pass, DiagList *d)
{
    int errors = d->errors;
    xmlDocPtr doc = xml_read_memory(buf, len, path, d);
    if (doc) xml_validate(doc, schema_path, path, d);
    xmlFreeDoc(doc);
    if (d->errors > errors) return;
    diag_append(d, pass);
    if (d->errors == errors)
        diag_add(d, DIAG_ERROR, path, 0, _("the file does not follow the schema"));
}

int xml_stream(const char *buf, size_t len, const char *path, const char *schema_path,
               const XmlStreamFns *fns, void *ud, DiagList *d)
{
    xml_init();
    Check c = {.buf = buf, .path = path, .schema_path = schema_path, .len = len};
    diag_init(&c.d);
    atomic_init(&c.stop, 0);
    Pipe pipe;
    pipe_init(&pipe, &c.stop);
    c.pipe = &pipe;
    pthread_t thread;
    int parallel = start_check(&thread, &c);
    if (!parallel) {
        c.pipe = NULL;
        check(&c);
    }
    DiagList said;                    /* the parser's warnings, if any */
    diag_init(&said);
    int read = -1;
    if (parallel || c.valid) {
        Stream st = {.ps = {&said, path, 0, NULL}, .fns = fns, .ud = ud, .pipe = c.pipe,
                     .stop = &c.stop};
        read = run_pass(&st, buf, len);
    }
    if (parallel) {
        pipe_finish(&pipe, read == 0);
        pthread_join(thread, NULL);
    }
    pipe_free(&pipe);
    int ok = c.valid && read == 0;
    if (ok) diag_append(d, &said);
    else report(buf, len, path, schema_path, &c.d, d);
    diag_free(&said);
    diag_free(&c.d);
    return ok ? 0 : -1;
}
