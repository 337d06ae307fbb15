/*
 * cachedir.c - the cache folder the model cache, the compiled Lua chunks and the lexicon share:
 * its place, its file names, writing a file whole, sealing it, and keeping the folder bounded.
 */
#include "base/cachedir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/util.h"

#include <xxhash.h>

#define KEEP_DAYS 30                  /* a file not used for this long is removed */
#define KEEP_ENTRIES 64               /* and no more than this many of a kind are kept */

static const char *const kinds[] = {CACHEDIR_MODEL, CACHEDIR_SEEN, CACHEDIR_CHUNK, CACHEDIR_LEXICON};
enum { NKINDS = sizeof kinds / sizeof *kinds };

char *cachedir_path(void)
{
    const char *env = getenv("VERBEELD_CACHE");
    if (env) return *env && strcmp(env, "off") != 0 ? xstrdup(env) : NULL;
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/') return xasprintf("%s/verbeeld", xdg);    /* the spec: absolute only */
    const char *home = getenv("HOME");
    return home && *home ? xasprintf("%s/.cache/verbeeld", home) : NULL;
}

char *cachedir_file(const char *dir, const unsigned char key[16], const char *suffix)
{
    char hex[33];
    for (int i = 0; i < 16; i++) {
        hex[2 * i] = "0123456789abcdef"[key[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[key[i] & 15];
    }
    hex[32] = '\0';
    return xasprintf("%s/%s%s", dir, hex, suffix);
}

/* Folders that are there are left alone (and not even tried, but the last). */
int cachedir_make(const char *dir)
{
    if (mkdir(dir, 0700) == 0 || errno == EEXIST) return 0;
    if (errno != ENOENT) return -1;
    char *up = xstrdup(dir);
    char *slash = strrchr(up, '/');
    int rc = -1;
    if (slash && slash != up) {
        *slash = '\0';
        if (cachedir_make(up) == 0) rc = mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
    }
    free(up);
    return rc;
}

/* Not synced: after a power cut, a torn file fails its reader's checks and is passed over. */
int cachedir_write(const char *path, const void *head, size_t hlen, const void *body, size_t blen)
{
    char *tmp = xasprintf("%s.XXXXXX", path);
    int fd = mkostemp(tmp, O_CLOEXEC), rc = -1;
    if (fd >= 0) {
        int ok = write_all(fd, head, hlen) == 0 && write_all(fd, body, blen) == 0;
        rc = close(fd) == 0 && ok && rename(tmp, path) == 0 ? 0 : -1;
        if (rc) unlink(tmp);
    }
    free(tmp);
    return rc;
}

void cachedir_touch(const char *path)
{
    utimensat(AT_FDCWD, path, NULL, 0);
}

void cachedir_put_u64(unsigned char *b, uint64_t v)
{
    for (int i = 0; i < 8; i++) b[i] = (unsigned char)(v >> (8 * i));
}

uint64_t cachedir_get_u64(const unsigned char *b)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | b[i];
    return v;
}

/* ============================== sealed files ============================== */

int cachedir_seal(const char *dir, const char *path, const char *magic, const void *body, size_t len)
{
    if (cachedir_make(dir)) return -1;
    unsigned char head[CACHEDIR_SEAL];
    memcpy(head, magic, 8);
    cachedir_put_u64(head + 8, len);
    cachedir_put_u64(head + 16, XXH3_64bits(body, len));
    cachedir_prune(dir);
    return cachedir_write(path, head, sizeof head, body, len);
}

int cachedir_sealed(const unsigned char *b, size_t n, const char *magic)
{
    return n >= CACHEDIR_SEAL && memcmp(b, magic, 8) == 0 && cachedir_get_u64(b + 8) == n - CACHEDIR_SEAL &&
           XXH3_64bits(b + CACHEDIR_SEAL, n - CACHEDIR_SEAL) == cachedir_get_u64(b + 16);
}

char *cachedir_unseal(const char *path, const char *magic, size_t limit, size_t *len)
{
    size_t n;
    unsigned char *b = (unsigned char *)read_file(path, limit, &n);
    if (!b) return NULL;
    if (!cachedir_sealed(b, n, magic)) {
        free(b);
        unlink(path);
        errno = EBADMSG;                          /* the model cache counts it refused */
        return NULL;
    }
    cachedir_touch(path);                         /* used now: see cachedir_prune */
    *len = n - CACHEDIR_SEAL;
    return (char *)b;
}

/* ============================== keeping it bounded ============================== */

/* The kind of file `name` is (its index in kinds), or -1 when it is not one of ours: 32 hex
 * digits, a suffix, and for a file being written a further six characters (mkstemp's). */
static int kind_of(const char *name, int *temp)
{
    for (int i = 0; i < 32; i++)
        if (!name[i] || !strchr("0123456789abcdef", name[i])) return -1;
    for (int k = 0; k < NKINDS; k++) {
        size_t n = strlen(kinds[k]);
        if (strncmp(name + 32, kinds[k], n) != 0) continue;
        const char *rest = name + 32 + n;
        *temp = *rest != '\0';
        return !*temp || (*rest == '.' && strlen(rest + 1) == 6) ? k : -1;
    }
    return -1;
}

typedef struct {
    char *name;
    time_t used;
    int kind;
} Entry;

static int newest_first(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    return (x->used < y->used) - (x->used > y->used);
}

/* A designer who saves a large scenario a hundred times a day leaves a bounded folder. */
void cachedir_prune(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    time_t now = time(NULL);
    Entry *v = NULL;
    int n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        int temp, kind = kind_of(e->d_name, &temp);
        struct stat st;
        if (kind < 0 || fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (temp) {
            if (st.st_mtime < now - 3600) unlinkat(dirfd(d), e->d_name, 0);
            continue;
        }
        VEC_PUSH(v, n, cap);
        v[n++] = (Entry){xstrdup(e->d_name), st.st_mtime, kind};
    }
    if (n) qsort(v, (size_t)n, sizeof *v, newest_first);
    int kept[NKINDS] = {0};
    for (int i = 0; i < n; i++) {
        if (kept[v[i].kind]++ >= KEEP_ENTRIES - 1 || v[i].used < now - KEEP_DAYS * 86400)
            unlinkat(dirfd(d), v[i].name, 0);
        free(v[i].name);
    }
    free(v);
    closedir(d);
}
