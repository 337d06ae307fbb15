/*
 * diag.c - collecting, sorting and printing diagnostics.
 */
#include "base/diag.h"

#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"

void diag_init(DiagList *d)
{
    memset(d, 0, sizeof *d);
}

void diag_free(DiagList *d)
{
    for (int i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].message);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

static void diag_put(DiagList *d, DiagLevel level, const char *file, int line, char *message)
{
    VEC_PUSH(d->v, d->n, d->cap);
    Diag *g = &d->v[d->n++];
    g->level = level;
    g->file = xstrdup(file ? file : "verbeeld");
    g->line = line;
    g->message = message;
    if (level == DIAG_ERROR) d->errors++;
    else d->warnings++;
}

void diag_add(DiagList *d, DiagLevel level, const char *file, int line, const char *fmt, ...)
{
    StrBuf b;
    va_list ap;
    sb_init(&b);
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    diag_put(d, level, file, line, sb_take(&b));
}

void diag_append(DiagList *to, const DiagList *from)
{
    for (int i = 0; i < from->n; i++)
        diag_put(to, from->v[i].level, from->v[i].file, from->v[i].line, xstrdup(from->v[i].message));
}

const char *diag_lua_split(const char *msg, size_t *place_len, int *line)
{
    for (const char *colon = strchr(msg, ':'); colon; colon = strchr(colon + 1, ':')) {
        char *end;
        long at = strtol(colon + 1, &end, 10);
        if (end != colon + 1 && *end == ':' && at > 0 && at <= INT_MAX) {
            *place_len = (size_t)(colon - msg);
            *line = (int)at;
            const char *text = end + 1;
            while (*text == ' ') text++;
            return text;
        }
    }
    return NULL;
}

/* ============================== Lua's words ============================== */

/* What Lua's lexer and parser say before " near TOKEN" (llex.c, lparser.c, Lua 5.4), as ours. */
static const char *const lua_phrases[] = {
    N_("unexpected symbol"), N_("unfinished string"), N_("unfinished long string"),
    N_("unfinished long comment"), N_("malformed number"), N_("invalid escape sequence"),
    N_("invalid long string delimiter"), N_("hexadecimal digit expected"),
    N_("decimal escape too large"), N_("UTF-8 value too large"), N_("function arguments expected"),
    N_("'=' or 'in' expected"), N_("syntax error"),
};

/* The part before " near": a phrase of the table, "X expected (to close Y at line N)" or "X
 * expected", X and Y tokens as Lua quotes them ('end', <eof>). NULL for another shape. */
static char *lua_head_words(const char *head)
{
    for (size_t i = 0; i < sizeof lua_phrases / sizeof *lua_phrases; i++)
        if (streq(head, lua_phrases[i])) return xstrdup(_(lua_phrases[i]));
    const char *exp = strstr(head, " expected");
    if (!exp || strchr(head, ' ') != exp) return NULL;            /* one token, then "expected" */
    char *token = xstrndup(head, (size_t)(exp - head));
    const char *rest = exp + strlen(" expected");
    char closes[64];
    int line, used = 0;
    char *words = NULL;
    if (!*rest) words = xasprintf(_("%s expected"), token);
    else if (sscanf(rest, " (to close %63s at line %d)%n", closes, &line, &used) == 2 && !rest[used])
        words = xasprintf(_("%s expected (to close %s at line %d)"), token, closes, line);
    free(token);
    return words;
}

/* What Lua says of a value used wrongly at run time (ldebug.c, Lua 5.4): "attempt to index a nil
 * value (field 'grens')", as ours. The type and the name stay as Lua writes them: they are the
 * script's own words. NULL for another shape. */
static char *lua_runtime_words(const char *text)
{
    static const struct { const char *lua; const char *ours; } verbs[] = {
        {"attempt to index a %31s value%n", N_("cannot look up a field in a value of type %s")},
        {"attempt to call a %31s value%n", N_("cannot call a value of type %s")},
        {"attempt to perform arithmetic on a %31s value%n", N_("cannot calculate with a value of type %s")},
        {"attempt to concatenate a %31s value%n", N_("cannot join text with a value of type %s")},
        {"attempt to get length of a %31s value%n", N_("cannot take the length of a value of type %s")},
    };
    static const struct { const char *kind; const char *ours; } names[] = {
        {"field", N_("field '%s'")}, {"global", N_("global '%s'")}, {"local", N_("local '%s'")},
        {"upvalue", N_("upvalue '%s'")}, {"constant", N_("constant '%s'")}, {"method", N_("method '%s'")},
    };
    char type[32], other[32], kind[16], name[128];
    int used = 0;
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
        if (sscanf(text, verbs[i].lua, type, &used) != 1 || !used) continue;
        char *words = xasprintf(_(verbs[i].ours), type);
        const char *rest = text + used;
        int n = 0;
        if (!*rest) return words;
        if (sscanf(rest, " (%15s '%127[^']')%n", kind, name, &n) == 2 && !rest[n])
            for (size_t k = 0; k < sizeof names / sizeof *names; k++)
                if (streq(kind, names[k].kind)) {
                    char *which = xasprintf(_(names[k].ours), name);
                    char *all = xasprintf("%s (%s)", words, which);
                    free(which);
                    free(words);
                    return all;
                }
        free(words);
        return NULL;
    }
    if (sscanf(text, "attempt to compare two %31s values%n", type, &used) == 1 && used && !text[used])
        return xasprintf(_("cannot compare two values of type %s"), type);
    if (sscanf(text, "attempt to compare %31s with %31s%n", type, other, &used) == 2 && used && !text[used])
        return xasprintf(_("cannot compare %s with %s"), type, other);
    return NULL;
}

/* What the sandbox stops a script with (sandbox.c): its own words, not Lua's. */
static const char *const sandbox_phrases[] = {
    N_("script ran too long (instruction limit reached)"), N_("script ran too long (over a minute)"),
    N_("script used too much memory"),
};

char *diag_lua_words(const char *text)
{
    for (size_t i = 0; i < sizeof sandbox_phrases / sizeof *sandbox_phrases; i++)
        if (streq(text, sandbox_phrases[i])) return xstrdup(_(sandbox_phrases[i]));
    char *runtime = lua_runtime_words(text);
    if (runtime) return runtime;
    const char *near = strstr(text, " near ");
    char *head = near ? xstrndup(text, (size_t)(near - text)) : xstrdup(text);
    char *words = lua_head_words(head);
    free(head);
    if (!words) return xstrdup(text);
    if (!near) return words;
    char *all = xasprintf(_("%s near %s"), words, near + strlen(" near "));
    free(words);
    return all;
}

char *diag_lua_message(const char *msg)
{
    size_t place_len;
    int line;
    const char *text = diag_lua_split(msg, &place_len, &line);
    if (!text) return diag_lua_words(msg);
    char *words = diag_lua_words(text);
    char *all = xasprintf("%.*s:%d: %s", (int)place_len, msg, line, words);
    free(words);
    return all;
}

void diag_lua(DiagList *d, const char *fallback_file, const char *msg)
{
    size_t place_len;
    int line;
    const char *text = diag_lua_split(msg, &place_len, &line);
    if (text) {
        char *file = xstrndup(msg, place_len);
        diag_put(d, DIAG_ERROR, file, line, diag_lua_words(text));
        free(file);
        return;
    }
    /* "file: message" without a line: the file once, in front, not again in the message. */
    size_t n = strlen(fallback_file);
    if (!strncmp(msg, fallback_file, n) && msg[n] == ':' && msg[n + 1] == ' ') msg += n + 2;
    diag_put(d, DIAG_ERROR, fallback_file, 0, xstrdup(msg));
}

static int diag_cmp(const void *a, const void *b)
{
    const Diag *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c) return c;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    return strcmp(x->message, y->message);
}

void diag_print(DiagList *d, FILE *out)
{
    if (d->n > 1) qsort(d->v, (size_t)d->n, sizeof *d->v, diag_cmp);
    /* The same problem found twice (a hook tried with several events) is said once. */
    int kept = 0;
    d->errors = d->warnings = 0;
    for (int i = 0; i < d->n; i++) {
        Diag *g = &d->v[i];
        if (kept && g->level == d->v[kept - 1].level && diag_cmp(g, &d->v[kept - 1]) == 0) {
            free(g->file);
            free(g->message);
            continue;
        }
        d->v[kept++] = *g;
        if (g->level == DIAG_ERROR) d->errors++;
        else d->warnings++;
    }
    d->n = kept;
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->v[i];
        /* "error" and "warning" stay English, as compilers print them: editors parse them. */
        const char *level = g->level == DIAG_ERROR ? "error" : "warning";
        char *msg = clean_text(g->message);
        if (g->line > 0) fprintf(out, "%s:%d: %s: %s\n", g->file, g->line, level, msg);
        else fprintf(out, "%s: %s: %s\n", g->file, level, msg);
        free(msg);
    }
}
