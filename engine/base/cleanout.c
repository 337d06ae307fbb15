/*
 * cleanout.c - cleaning streams (glibc's fopencookie): the commands that print what files hold
 * (list, check, explore, graph, quadrant, debrief, sheets) write through one, so the rule
 * that play and the documents follow holds for every byte, not for each printf by hand.
 */
#include "base/cleanout.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"

typedef struct {
    FILE *under;
    int own;
    unsigned char tail[4];    /* the start of a UTF-8 sequence whose rest has not come yet */
    size_t ntail;
} Clean;

/* How many bytes at the end of s[0..n) begin a UTF-8 sequence that is not finished yet. */
static size_t open_sequence(const unsigned char *s, size_t n)
{
    for (size_t k = 1; k <= 3 && k <= n; k++) {
        unsigned c = s[n - k];
        if ((c & 0xC0) == 0x80) continue;          /* a continuation byte: look further back */
        size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        return len > k ? k : 0;
    }
    return 0;
}

static int put(Clean *c, const char *s, size_t n)
{
    StrBuf b;
    sb_init(&b);
    clean_text_to(&b, s, n);
    int rc = (b.len && fwrite(b.s, 1, b.len, c->under) != b.len) || fflush(c->under) ? -1 : 0;
    sb_free(&b);
    return rc;
}

static ssize_t clean_write(void *cookie, const char *buf, size_t n)
{
    Clean *c = cookie;
    StrBuf all;
    sb_init(&all);
    sb_addn(&all, (const char *)c->tail, c->ntail);
    sb_addn(&all, buf, n);
    size_t keep = open_sequence((const unsigned char *)all.s, all.len);
    memcpy(c->tail, all.s + all.len - keep, keep);
    c->ntail = keep;
    int rc = put(c, all.s, all.len - keep);
    sb_free(&all);
    return rc ? -1 : (ssize_t)n;
}

static int clean_close(void *cookie)
{
    Clean *c = cookie;
    int rc = c->ntail ? put(c, (const char *)c->tail, c->ntail) : 0;  /* never finished: U+FFFD */
    if (c->own && fclose(c->under)) rc = -1;
    free(c);
    return rc;
}

FILE *cleanout_wrap(FILE *under, int own)
{
    if (!under) return NULL;
    Clean *c = xcalloc(1, sizeof *c);
    c->under = under;
    c->own = own;
    FILE *f = fopencookie(c, "w", (cookie_io_functions_t){.write = clean_write, .close = clean_close});
    if (!f) {
        if (own) fclose(under);
        free(c);
    }
    return f;
}

static FILE *real_out, *real_err;

/* Before stdio's own flushing at exit, whose order between the two streams is not ours: the
 * cleaning streams are flushed and closed (a character cut short still becomes U+FFFD, and
 * nothing is left for a leak checker to count), and the real ones take their place again. */
static void flush_clean(void)
{
    if (real_out && stdout != real_out) {
        fclose(stdout);                     /* gone even when it fails: the real one is there */
        stdout = real_out;
    }
    if (real_err && stderr != real_err) {
        fclose(stderr);
        stderr = real_err;
    }
    fflush(stdout);
    fflush(stderr);
}

void cleanout_stdio(void)
{
    real_out = stdout;
    real_err = stderr;
    FILE *out = cleanout_wrap(real_out, 0), *err = cleanout_wrap(real_err, 0);
    if (!out || !err) return;
    /* A terminal sees each line as it is printed (explore's progress), stderr at once. */
    setvbuf(out, NULL, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF, BUFSIZ);
    setvbuf(err, NULL, _IONBF, 0);
    stdout = out;
    stderr = err;
    atexit(flush_clean);
}
