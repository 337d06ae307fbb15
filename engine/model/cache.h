/*
 * cache.h - a cache of loaded scenario models, so that loading an unchanged scenario skips
 * parsing and validating its XML (like Python's .pyc, done without being asked).
 *
 * The cache keeps the model as load.c read it from the file and resolve.c resolved it, and only
 * when neither said a word: a load from the cache has no diagnostics because reading the file
 * had none. Resolving reads the lexicon, so an entry is kept under the file's key and the
 * lexicon's fingerprint together. The folder is the one base/cachedir.h describes. The cache is
 * only an optimization: nothing in it can make a load fail or print anything. A missing,
 * unreadable, corrupt or foreign entry is passed over (and removed).
 *
 * An entry is one sealed file (cachedir_seal, magic "VBMODEL"), <32 hex digits of the entry
 * key>.model. Its CACHE_HEADER bytes are the seal and, opening the body, the format version as
 * u32 and the 16 bytes of the key, little-endian; then the payload: an image of the model as it
 * lies in memory, its pointers the addresses they have with the file mapped at the entry's own
 * place (cache.c says how). Mapped there, the entry is used as it lies once its seal, key,
 * format and layout hold; where the place is taken it is read whole, every count, pointer and
 * index checked and moved where it lies. Nothing is decoded or copied but the Scenario struct.
 *
 * A record, <32 hex digits of the scenario's path>.seen, says what stat said of the scenario
 * and the schema when they had a key, so that a load of an unchanged file reads neither.
 */
#ifndef VB_CACHE_H
#define VB_CACHE_H

#include <stddef.h>

#include "model/lexicon.h"
#include "model/scenario.h"

/* The format version: part of the key and of the header. Raise it whenever scenario.h, what
 * load.c reads into the model or what resolve.c writes into it changes, so that no entry of an
 * older build is taken. */
enum { CACHE_FORMAT = 22, CACHE_HEADER = 44 };

/* XXH3-128 of the format version, the scenario schema's bytes and the scenario's bytes. */
typedef struct {
    unsigned char bytes[16];
} CacheKey;

/* What stat said of a scenario file and the schema before they were read (cache.c: "files
 * known unchanged"). */
typedef struct {
    unsigned char bytes[124];
    long changed;             /* the latest time either file changed (seconds) */
    int ok;                   /* both files were there */
} CacheSeen;

/* Counts of what the cache did in this process, for tests and benchmarks. */
typedef struct {
    unsigned long hits;       /* models read from the cache */
    unsigned long mapped;     /* of those: used where the entry lies, mapped at its place */
    unsigned long unchanged;  /* of those: known by what stat says, without reading the file */
    unsigned long misses;     /* no entry to read */
    unsigned long rejected;   /* an entry that was not a model of ours: ignored and removed */
    unsigned long stored;     /* entries written */
} CacheStats;

/* When the cache is on, the key of a scenario whose file holds `bytes`, and 1; else 0. */
int cache_key(const char *bytes, size_t len, CacheKey *key);
/* The model kept under `key` and the lexicon `lx` (resolved, without its path), or NULL when
 * there is none that is sound. */
Scenario *cache_load(const CacheKey *key, const Lexicon *lx);
/* Keep `s`, as read from a file that parsed, validated and resolved with `lx` without a word,
 * under `key` and `lx`; 1 when it was written. */
int cache_store(const CacheKey *key, const Lexicon *lx, const Scenario *s);
/* The model of the scenario file at `path` when the cache recorded the file and the schema as
 * they are now (device, inode, size, times) and kept a model under the key they had; neither
 * file is read. Else NULL, and what stat says of them now in *seen, for cache_remember. */
Scenario *cache_load_unchanged(const char *path, const Lexicon *lx, CacheSeen *seen);
/* Record that the scenario file at `path`, as *seen before it was read, has `key`: only when
 * it and the schema are still as seen, and have been for a few seconds. */
void cache_remember(const char *path, const CacheSeen *seen, const CacheKey *key);
/* The key the model of the file with `key`, resolved with `lx`, is kept under: the two hashed
 * together (resolving reads qualities in the lexicon). 0 when the lexicon has no fingerprint. */
int cache_entry_key(const CacheKey *key, const Lexicon *lx, CacheKey *out);
/* The file the entry of `key` and `lx` is kept in, freshly allocated; NULL when the cache is
 * off. */
char *cache_entry_path(const CacheKey *key, const Lexicon *lx);
CacheStats cache_stats(void);
/* Whether an entry is mapped at its place when it can be (1, as it starts), or read and walked
 * as when its place is taken (0): for the tests of that walk, which checks every pointer. */
void cache_use_places(int on);

#endif
