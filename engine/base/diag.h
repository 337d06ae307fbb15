/*
 * diag.h - diagnostics about a user's files: "file:line: error: message".
 *
 * The loader, the checker and the sandbox all report into a DiagList, so that every problem
 * of a scenario is found in one run and printed sorted by file and line.
 */
#ifndef VB_DIAG_H
#define VB_DIAG_H

#include <stdio.h>

typedef enum { DIAG_WARNING, DIAG_ERROR } DiagLevel;

typedef struct {
    DiagLevel level;
    char *file;
    int line;          /* 0 when the problem is with the file as a whole */
    char *message;
} Diag;

typedef struct {
    Diag *v;
    int n, cap;
    int errors, warnings;
} DiagList;

/* Where Lua's message `msg` ("chunkname:line: text") says it comes from: the length of the place
 * before ":line:" in *place_len and the line in *line; returns the text after them (spaces
 * skipped), or NULL when the message names no line. */
const char *diag_lua_split(const char *msg, size_t *place_len, int *line);

void diag_init(DiagList *d);
void diag_free(DiagList *d);
/* Record a problem; the message is printf-style. */
void diag_add(DiagList *d, DiagLevel level, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Record every problem of `from` in `to` as well. */
void diag_append(DiagList *to, const DiagList *from);
/* Lua's words for a script that does not compile or fails as it runs, in the session's language:
 * "'end' expected (to close 'function' at line 3) near <eof>" and "attempt to index a nil value
 * (local 't')" are Dutch in a Dutch session. A message of another shape stays as Lua wrote it.
 * Fresh. */
char *diag_lua_words(const char *text);
/* The same for a whole message "file:line: text": its place kept, its text in the session's
 * language. Fresh. */
char *diag_lua_message(const char *lua_message);
/* Record a Lua error message of the form "file:line: text" as an error at that place, its text
 * in the session's language (diag_lua_words); `fallback_file` is used when the message names no
 * place. */
void diag_lua(DiagList *d, const char *fallback_file, const char *lua_message);
/* Sort by file and line, drop repeats (updating the counts) and print each as
 * "file:line: error: message". */
void diag_print(DiagList *d, FILE *out);

#endif
