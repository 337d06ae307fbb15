/*
 * util.h - small helpers every module uses: checked allocation, a growable string buffer,
 * file slurping and UTF-8 aware text measuring. Nothing here knows about scenarios.
 */
#ifndef VB_UTIL_H
#define VB_UTIL_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation that never returns NULL: running out of memory ends the program with a message. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow an array `arr` of `n` items with capacity `cap` so that one more fits. */
#define VEC_PUSH(arr, n, cap) \
    do { if ((n) >= (cap)) { (cap) = (cap) ? 2 * (cap) : 8; \
         (arr) = xrealloc((arr), (size_t)(cap) * sizeof *(arr)); } } while (0)

/* Ask the processor to start loading what `p` points to, while other work runs: a hint that
 * changes nothing but when memory arrives. */
#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* A growable, always NUL-terminated string. */
typedef struct {
    char *s;
    size_t len, cap;
} StrBuf;

void sb_init(StrBuf *b);
void sb_add(StrBuf *b, const char *s);
void sb_addn(StrBuf *b, const char *s, size_t n);
void sb_addc(StrBuf *b, char c);
/* Append n zero bytes. */
void sb_addzeros(StrBuf *b, size_t n);
void sb_addf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(StrBuf *b, const char *fmt, va_list ap);
/* Hand over the string (the buffer is empty afterwards). */
char *sb_take(StrBuf *b);
/* splitmix64's finaliser: x's bits well mixed, the same on every run (shuffles, seeds). */
uint64_t mix64(uint64_t x);
/* A fresh copy of s with every `from` replaced by `to`. */
char *str_replace(const char *s, const char *from, const char *to);
void sb_free(StrBuf *b);
/* Add `s` to b as one word for the shell: as it is when it holds only the plainest characters,
 * else in single quotes. */
void sb_shell_word(StrBuf *b, const char *s);

/* Read a whole file, at most `limit` bytes; NULL with errno set on failure or when larger.
 * Only a regular file is read: a FIFO, a device or a socket could keep the reader waiting
 * forever, so it is refused unread (errno READ_NOT_REGULAR; a folder, EISDIR). */
char *read_file(const char *path, size_t limit, size_t *len);
#define READ_NOT_REGULAR ENODEV
/* 0 when `fd` is a regular file; -1 with errno as read_file sets it when it is not. */
int fd_regular(int fd);
/* The same for what an open descriptor has left to read (a pipe, a file). */
char *read_fd(int fd, size_t limit, size_t *len);
/* Write all `n` bytes to `fd`, through short writes and interruptions. Returns 0, or -1 with
 * errno set. */
int write_all(int fd, const void *buf, size_t n);

/* Columns a UTF-8 string takes on a terminal (invalid bytes count as one column each). */
size_t utf8_width(const char *s, size_t n);
/* How many bytes at the start of s spell the first n bytes of `prefix` in any case ("CHLOÉ"
 * and "Chloé": letters folded as the locale's towlower does, beyond ASCII); 0 when s does not
 * start with it. */
size_t utf8_case_prefix(const char *s, const char *prefix, size_t n);
/* Whether s is valid UTF-8. */
int utf8_valid(const char *s, size_t n);
/* A fresh copy of s with every byte that is not part of valid UTF-8 replaced by U+FFFD, and
 * nothing else changed. */
char *utf8_repair(const char *s);
/* `dir` and `file` joined with one "/" ("out/" and "a.html" make "out/a.html"), fresh. */
char *path_join(const char *dir, const char *file);
/* A fresh copy of s, or when longer than `max` bytes of it cut at a character's start with "…"
 * after it. */
char *utf8_clip(const char *s, size_t max);
/* A copy of s safe to print: control characters (C0 but newline and tab, DEL, C1) and the
 * bidi overrides and isolates replaced by '?', invalid UTF-8 replaced by U+FFFD. The one rule
 * for everything verbeeld shows or writes. */
char *clean_text(const char *s);
/* The same for the n bytes at s (NUL bytes included), added to b. */
void clean_text_to(StrBuf *b, const char *s, size_t n);

/* Fold runs of white space to one space; keep blank lines as paragraph breaks ("\n\n"). */
char *fold_space(const char *s);
/* The same into `to`, which has room for strlen(s) + 1 bytes (folding never lengthens);
 * returns the length written. */
size_t fold_space_to(char *to, const char *s);

/* File names handed out in one folder: each a new one, so that two participants whose names
 * clean to the same stem never write over each other's file. */
typedef struct {
    char **v;
    int n, cap;
} NameSet;
/* "STEM.EXT", or "STEM-2.EXT", "STEM-3.EXT"... when taken (letter case ignored, as some file
 * systems do); the name is then taken. The caller frees it. */
char *names_unique(NameSet *set, const char *stem, const char *ext);
void names_free(NameSet *set);

int streq(const char *a, const char *b);
/* A 64-bit hash of a string (XXH3), for hash tables of ids and the explorer's set of states. */
uint64_t str_hash(const char *s);

#endif
