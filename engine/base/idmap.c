/*
 * idmap.c - the id map: open addressing over XXH3 hashes of the keys (str_hash), linear
 * probing, grown to keep it at most half full so that a probe rarely passes two slots.
 */
#include "base/idmap.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define IDMAP_MIN_SLOTS 16

void idmap_init(IdMap *m, size_t expected)
{
    size_t cap = IDMAP_MIN_SLOTS;
    while (cap < expected * 2) cap *= 2;
    m->slot = xcalloc(cap, sizeof *m->slot);
    m->mask = cap - 1;
    m->n = 0;
}

void idmap_free(IdMap *m)
{
    free(m->slot);
    *m = (IdMap){0};
}

/* The slot of `key` (hash `h`), or the empty slot where it would go. */
static size_t probe(const IdMap *m, const char *key, uint64_t h)
{
    size_t j = (size_t)h & m->mask;
    while (m->slot[j].key && !(m->slot[j].hash == (uint32_t)(h >> 32) && strcmp(m->slot[j].key, key) == 0))
        j = (j + 1) & m->mask;
    return j;
}

int idmap_get(const IdMap *m, const char *key)
{
    if (!key || !m->slot) return -1;
    size_t j = probe(m, key, str_hash(key));
    return m->slot[j].key ? m->slot[j].value : -1;
}

/* Twice the slots, every key hashed again into its new place (only the high half of each
 * hash is kept, and a map given its size at idmap_init never grows). */
static void grow(IdMap *m)
{
    IdMap bigger;
    idmap_init(&bigger, m->mask + 1);
    for (size_t i = 0; i <= m->mask; i++)
        if (m->slot[i].key) {
            size_t j = probe(&bigger, m->slot[i].key, str_hash(m->slot[i].key));
            bigger.slot[j] = m->slot[i];
        }
    bigger.n = m->n;
    free(m->slot);
    *m = bigger;
}

/* The slot of `key`, made when it is new (then its value is -1 until the caller sets it). */
static IdMapSlot *slot_for(IdMap *m, const char *key)
{
    assert(key);
    if (!m->slot) idmap_init(m, 0);
    if ((m->n + 1) * 2 > m->mask + 1) grow(m);
    uint64_t h = str_hash(key);
    IdMapSlot *slot = &m->slot[probe(m, key, h)];
    if (!slot->key) {
        *slot = (IdMapSlot){key, (uint32_t)(h >> 32), -1};
        m->n++;
    }
    return slot;
}

int idmap_add(IdMap *m, const char *key, int value)
{
    assert(value >= 0);
    IdMapSlot *slot = slot_for(m, key);
    int had = slot->value;
    if (had < 0) slot->value = value;
    return had;
}

int idmap_put(IdMap *m, const char *key, int value)
{
    assert(value >= 0);
    IdMapSlot *slot = slot_for(m, key);
    int had = slot->value;
    slot->value = value;
    return had;
}

