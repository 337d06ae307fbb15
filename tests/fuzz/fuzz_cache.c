/*
 * fuzz_cache.c - libFuzzer target: any bytes as the payload of a model cache entry, behind a
 * right header and checksum so that they reach the reader's own checks (engine/model/cache.c); a
 * model it accepts is walked by the designer's checks, which follow every index it holds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "base/cachedir.h"
#include "model/cache.h"
#include "base/diag.h"
#include "model/lexicon.h"
#include "base/paths.h"
#include "model/scenario.h"
#include "base/util.h"
#include "model/verify.h"
#include "fuzz.h"

static Lexicon lx;
static CacheKey key, entry_key;
static char *entry;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    DiagList d;
    diag_init(&d);
    if (lexicon_load(&lx, paths_lexicon(), &d)) {
        diag_print(&d, stderr);
        abort();
    }
    diag_free(&d);
    setenv("VERBEELD_CACHE", fuzz_folder("cache"), 1);
    /* At its place a sealed entry is used as it lies, trusted like the cache's compiled Lua
     * (docs/security.md): what is fuzzed is the reader that checks every pointer, the one an
     * entry meets where its place is taken. */
    cache_use_places(0);
    if (!cache_key("fuzz", 4, &key) || !cache_entry_key(&key, &lx, &entry_key)) abort();
    entry = cache_entry_path(&key, &lx);
    return 0;
}

static void put(unsigned char *b, uint64_t v, int n)
{
    for (int i = 0; i < n; i++) b[i] = (unsigned char)(v >> (8 * i));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the body opens with the format and the key (model/cache.h), then the input */
    unsigned char *b = xmalloc(CACHE_HEADER + size);
    memcpy(b, "VBMODEL", 8);
    put(b + CACHEDIR_SEAL, CACHE_FORMAT, 4);
    memcpy(b + CACHEDIR_SEAL + 4, entry_key.bytes, 16);
    if (size) memcpy(b + CACHE_HEADER, data, size);
    put(b + 8, CACHE_HEADER - CACHEDIR_SEAL + size, 8);
    put(b + 16, XXH3_64bits(b + CACHEDIR_SEAL, CACHE_HEADER - CACHEDIR_SEAL + size), 8);
    FILE *f = fopen(entry, "wb");
    if (f) {
        fwrite(b, 1, CACHE_HEADER + size, f);
        fclose(f);
    }
    free(b);
    if (!f) return 0;
    Scenario *s = cache_load(&key, &lx);
    if (s) {
        DiagList d;
        diag_init(&d);
        s->path = xstrdup("fuzz.xml");
        verify_scenario(s, &d);
        diag_free(&d);
        scenario_free(s);
    }
    return 0;
}
