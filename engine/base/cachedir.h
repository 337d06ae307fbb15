/*
 * cachedir.h - verbeeld's cache folder: where it is, its files named by a 128-bit key, written
 * whole or not at all, sealed with their length and checksum, and kept bounded. The model cache
 * (model/cache.c), the compiled Lua chunks (base/bytecode.c) and the lexicon as read
 * (model/lexicon.c) keep their files here; none is ever needed, so nothing here prints or makes
 * a command fail.
 *
 * The folder is VERBEELD_CACHE ("off" or empty: no cache), else $XDG_CACHE_HOME/verbeeld, else
 * $HOME/.cache/verbeeld, made private to the user (0700). A file is <32 hex digits><suffix>,
 * with one of the suffixes below; nothing else in the folder is ever removed.
 */
#ifndef VB_CACHEDIR_H
#define VB_CACHEDIR_H

#include <stddef.h>
#include <stdint.h>

/* The suffixes of the kinds of file kept, each kind bounded on its own (see cachedir_prune). */
#define CACHEDIR_MODEL ".model"    /* a scenario's model (model/cache.c) */
#define CACHEDIR_SEEN ".seen"      /* what stat said of a scenario file (model/cache.c) */
#define CACHEDIR_CHUNK ".luac"     /* a compiled Lua chunk (base/bytecode.c) */
#define CACHEDIR_LEXICON ".lexicon" /* the quadrant lexicon as read (model/lexicon.c) */

/* The cache folder, freshly allocated, or NULL when the cache is off. */
char *cachedir_path(void);
/* The file of kind `suffix` for the 16 bytes of `key` in `dir`, freshly allocated. */
char *cachedir_file(const char *dir, const unsigned char key[16], const char *suffix);
/* Make the folder and the ones above it that are missing, each private. 0, or -1. */
int cachedir_make(const char *dir);
/* Write `head` then `body` to a file of its own next to `path`, then rename it into place, so
 * that a reader sees a whole file or none. 0, or -1 (nothing is left behind). */
int cachedir_write(const char *path, const void *head, size_t hlen, const void *body, size_t blen);
/* Before a new file is written: files not used for 30 days go, and of each kind only the 63
 * used last stay; a file left half-written goes after an hour. "Used" is the modification
 * time: a reader marks a file used with cachedir_touch. */
void cachedir_prune(const char *dir);
void cachedir_touch(const char *path);
/* A sealed file: 8 bytes of magic (7 characters and their NUL, saying what the body is and in
 * which version), the body's length and its XXH3-64 (as cachedir_put_u64 writes them), then the
 * body. A torn or foreign file fails the seal and is passed over. */
enum { CACHEDIR_SEAL = 8 + 8 + 8 };
/* Keep `body` sealed with `magic` at `path` in `dir`: the folder made and pruned first. 0, or
 * -1. */
int cachedir_seal(const char *dir, const char *path, const char *magic, const void *body, size_t len);
/* The sealed file at `path` read whole (at most `limit` bytes): its body begins CACHEDIR_SEAL
 * bytes in and is *len long. NULL when there is none (errno ENOENT), or when it could not be
 * read, or is not whole or not `magic`'s (then it is removed, errno EBADMSG). A file read is
 * marked used (cachedir_touch). */
char *cachedir_unseal(const char *path, const char *magic, size_t limit, size_t *len);
/* Whether the `n` bytes at `b`, a whole file, are sealed with `magic` and whole. */
int cachedir_sealed(const unsigned char *b, size_t n, const char *magic);

/* The numbers in cache files: 64 bits, little-endian, whatever the machine. */
void cachedir_put_u64(unsigned char *b, uint64_t v);
uint64_t cachedir_get_u64(const unsigned char *b);

#endif
