/*
 * util.c - checked allocation, string buffers, file reading and UTF-8 measuring.
 */
#include "base/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <wchar.h>
#include <wctype.h>
#include <xxhash.h>

static void out_of_memory(void)
{
    fputs("verbeeld: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) out_of_memory();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) out_of_memory();
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* Formatted once into a buffer on the stack, and again only when it does not fit: measuring
 * first and then formatting was two passes of vsnprintf for every string, 2,400 instructions
 * a call in the text walk; with sb_vaddf's try in the room there is, a choice of it went from
 * 36,450 to 35,220 instructions (callgrind, bench/notes.md). */
char *xasprintf(const char *fmt, ...)
{
    char small[256];
    va_list ap, aq;
    va_start(ap, fmt);
    va_copy(aq, ap);
    int n = vsnprintf(small, sizeof small, fmt, aq);
    va_end(aq);
    if (n < 0) n = 0, small[0] = '\0';
    char *s = xmalloc((size_t)n + 1);
    if ((size_t)n < sizeof small) memcpy(s, small, (size_t)n + 1);
    else vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

char *names_unique(NameSet *set, const char *stem, const char *ext)
{
    char *name = xasprintf("%s.%s", stem, ext);
    for (int k = 2;; k++) {
        int taken = 0;
        for (int i = 0; i < set->n && !taken; i++) taken = strcasecmp(set->v[i], name) == 0;
        if (!taken) break;
        free(name);
        name = xasprintf("%s-%d.%s", stem, k, ext);
    }
    VEC_PUSH(set->v, set->n, set->cap);
    set->v[set->n++] = xstrdup(name);
    return name;
}

void names_free(NameSet *set)
{
    for (int i = 0; i < set->n; i++) free(set->v[i]);
    free(set->v);
    *set = (NameSet){0};
}

int streq(const char *a, const char *b)
{
    return a && b && (a == b || strcmp(a, b) == 0);
}

uint64_t str_hash(const char *s)
{
    return XXH3_64bits(s, strlen(s));
}

/* ============================== string buffer ============================== */

void sb_init(StrBuf *b)
{
    b->cap = 64;
    b->len = 0;
    b->s = xmalloc(b->cap);
    b->s[0] = '\0';
}

static void sb_reserve(StrBuf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap) return;
    if (!b->cap) b->cap = 64;                 /* a buffer zeroed, not made with sb_init */
    while (b->len + more + 1 > b->cap) b->cap *= 2;
    b->s = xrealloc(b->s, b->cap);
}

void sb_addn(StrBuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_addzeros(StrBuf *b, size_t n)
{
    sb_reserve(b, n);
    memset(b->s + b->len, 0, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_add(StrBuf *b, const char *s)
{
    sb_addn(b, s, strlen(s));
}

void sb_addc(StrBuf *b, char c)
{
    sb_addn(b, &c, 1);
}

void sb_vaddf(StrBuf *b, const char *fmt, va_list ap)
{
    va_list aq;                       /* into the room there is; again only if it did not fit */
    va_copy(aq, ap);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->s + b->len, room, fmt, aq);
    va_end(aq);
    if (n < 0) {
        if (room) b->s[b->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        sb_reserve(b, (size_t)n);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void sb_addf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(b, fmt, ap);
    va_end(ap);
}

char *sb_take(StrBuf *b)
{
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

char *str_replace(const char *s, const char *from, const char *to)
{
    StrBuf b;
    sb_init(&b);
    size_t n = strlen(from);
    for (const char *at; n && (at = strstr(s, from)); s = at + n) {
        sb_addn(&b, s, (size_t)(at - s));
        sb_add(&b, to);
    }
    sb_add(&b, s);
    return sb_take(&b);
}

void sb_free(StrBuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* ============================== files ============================== */

/* What `fd` has left to read; `st`, what fstat said of it, or NULL when it said nothing. A
 * file's size, when it has one, is room enough: a large scenario or model cache entry is then
 * read into one buffer, never copied as it grows. */
static char *read_rest(int fd, const struct stat *st, size_t limit, size_t *len)
{
    StrBuf b;
    sb_init(&b);
    if (st && S_ISREG(st->st_mode) && (uint64_t)st->st_size <= limit) sb_reserve(&b, (size_t)st->st_size + 1);
    for (;;) {
        if (b.len + 1 == b.cap) sb_reserve(&b, 65536);
        ssize_t r = read(fd, b.s + b.len, b.cap - b.len - 1);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            sb_free(&b);
            errno = EIO;
            return NULL;
        }
        if (r == 0) break;
        if (b.len + (size_t)r > limit) {
            sb_free(&b);
            errno = EFBIG;
            return NULL;
        }
        b.len += (size_t)r;
        b.s[b.len] = '\0';
    }
    if (len) *len = b.len;
    return sb_take(&b);
}

char *read_fd(int fd, size_t limit, size_t *len)
{
    struct stat st;
    return read_rest(fd, fstat(fd, &st) == 0 ? &st : NULL, limit, len);
}

/* 0 when `st` is a regular file's; else -1 with errno as read_file sets it. */
static int stat_regular(const struct stat *st)
{
    if (S_ISREG(st->st_mode)) return 0;
    errno = S_ISDIR(st->st_mode) ? EISDIR : READ_NOT_REGULAR;
    return -1;
}

int fd_regular(int fd)
{
    struct stat st;
    return fstat(fd, &st) ? -1 : stat_regular(&st);
}

/* One fstat serves both the check and the buffer's size: a start reads some forty files. */
char *read_file(const char *path, size_t limit, size_t *len)
{
    /* O_NONBLOCK: opening a FIFO waits for a writer that may never come; it is refused below */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return NULL;
    struct stat st;
    char *s = fstat(fd, &st) || stat_regular(&st) ? NULL : read_rest(fd, &st, limit, len);
    int saved = errno;
    close(fd);
    errno = saved;
    return s;
}

int write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return -1;
        if (w == 0) {
            errno = EIO;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* ============================== UTF-8 ============================== */

/* Length of the UTF-8 sequence starting at s (at most n bytes), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) { *cp = c; return 1; }
    if ((c & 0xE0) == 0xC0) { len = 2; *cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; *cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; *cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        *cp = (*cp << 6) | (s[i] & 0x3F);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
    return len;
}

int utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned cp;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq(p + i, n - i, &cp);
        if (!k) return 0;
        i += k;
    }
    return 1;
}

char *path_join(const char *dir, const char *file)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') n--;
    return xasprintf("%.*s/%s", (int)n, dir, file);
}

char *utf8_clip(const char *s, size_t max)
{
    if (strlen(s) <= max) return xstrdup(s);
    size_t k = max;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    return xasprintf("%.*s…", (int)k, s);
}

char *utf8_repair(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    StrBuf b;
    sb_init(&b);
    unsigned cp;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq(p + i, n - i, &cp);
        if (k) sb_addn(&b, s + i, k);
        else sb_add(&b, "\xEF\xBF\xBD");
        i += k ? k : 1;
    }
    return b.s ? sb_take(&b) : xstrdup("");
}

size_t utf8_width(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t cols = 0;
    unsigned cp;
    for (size_t i = 0; i < n;) {
        /* ASCII, nearly all text, counted as wcwidth would without calling it: with the run
         * below in clean_text_to, a choice of the text walk went from 52,300 to 36,450
         * instructions (callgrind, bench/walk.c at 1,000 scenes; bench/notes.md) */
        if (p[i] < 0x80) {
            cols += p[i] != 0;
            i++;
            continue;
        }
        size_t k = utf8_seq(p + i, n - i, &cp);
        if (!k) { cols++; i++; continue; }
        int w = wcwidth((wchar_t)cp);
        /* wcwidth knows nothing in the C locale; count every printable code point as one. */
        cols += w < 0 ? 1 : (size_t)w;
        i += k;
    }
    return cols;
}

size_t utf8_case_prefix(const char *s, const char *prefix, size_t n)
{
    const unsigned char *a = (const unsigned char *)s, *b = (const unsigned char *)prefix;
    size_t i = 0, j = 0, left = strlen(s);
    while (j < n) {
        unsigned ca, cb;
        size_t ka = a[i] < 0x80 ? (ca = a[i], a[i] != 0) : utf8_seq(a + i, left - i, &ca);
        size_t kb = b[j] < 0x80 ? (cb = b[j], 1) : utf8_seq(b + j, n - j, &cb);
        if (!ka || !kb || towlower((wint_t)ca) != towlower((wint_t)cb)) return 0;
        i += ka;
        j += kb;
    }
    return i;
}

/* What a terminal or a reader's viewer would act on instead of show: C0 and C1 controls (a
 * lone C1 byte is invalid UTF-8, but U+009B encoded is CSI to many terminals), DEL, and the
 * bidi embeddings, overrides and isolates that reorder the text around them. */
static int unprintable(unsigned cp)
{
    return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void clean_text_to(StrBuf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned cp;
    for (size_t i = 0; i < n;) {
        size_t run = 0;               /* printable ASCII goes over as it is, a run at a time */
        while (i + run < n && ((p[i + run] >= 0x20 && p[i + run] < 0x7F) || p[i + run] == '\n' || p[i + run] == '\t'))
            run++;
        if (run) {
            sb_addn(b, s + i, run);
            i += run;
            continue;
        }
        size_t k = utf8_seq(p + i, n - i, &cp);
        if (!k) { sb_add(b, "\xEF\xBF\xBD"); i++; continue; }
        if (unprintable(cp)) sb_addc(b, '?');
        else sb_addn(b, s + i, k);
        i += k;
    }
}

char *clean_text(const char *s)
{
    StrBuf b;
    sb_init(&b);
    clean_text_to(&b, s, strlen(s));
    return sb_take(&b);
}

size_t fold_space_to(char *to, const char *s)
{
    size_t n = 0;
    int pending_space = 0, newlines = 0;
    for (const char *p = s; *p; p++) {
        if ((unsigned char)*p > ' ' && !pending_space) {      /* most of a text: one test */
            to[n++] = *p;
            continue;
        }
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
            if (*p == '\n') newlines++;
            pending_space = 1;
            continue;
        }
        if (pending_space && n > 0) {
            to[n++] = newlines >= 2 ? '\n' : ' ';
            if (newlines >= 2) to[n++] = '\n';
        }
        pending_space = 0;
        newlines = 0;
        to[n++] = *p;
    }
    to[n] = '\0';
    return n;
}

char *fold_space(const char *s)
{
    char *to = xmalloc(strlen(s) + 1);
    fold_space_to(to, s);
    return to;
}

void sb_shell_word(StrBuf *b, const char *s)
{
    if (*s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:=@%,") == strlen(s)) {
        sb_add(b, s);
        return;
    }
    sb_addc(b, '\'');
    for (; *s; s++) {
        if (*s == '\'') sb_add(b, "'\\''");
        else sb_addc(b, *s);
    }
    sb_addc(b, '\'');
}
