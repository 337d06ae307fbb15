/*
 * idmap.h - a map from id strings to small non-negative ints (array positions): the one hash
 * table the model uses to find scenes, endings, duplicate ids and lexicon terms by name.
 */
#ifndef VB_IDMAP_H
#define VB_IDMAP_H

#include <stddef.h>
#include <stdint.h>

/* One slot: the key, the high half of its hash (most probes that miss end on it without
 * reading the key, which in a large story lies elsewhere in memory), and the value. */
typedef struct {
    const char *key;          /* NULL: empty */
    uint32_t hash;
    int value;
} IdMapSlot;

/* Open addressing with linear probing, at most half full. The map does not own its keys: each
 * must stay alive and unchanged as long as the map (model ids do; they live with the model).
 * A zeroed IdMap is an empty map. */
typedef struct {
    IdMapSlot *slot;          /* NULL until the first key */
    size_t mask;              /* slots - 1 */
    size_t n;                 /* keys held */
} IdMap;

/* An empty map with room for `expected` keys before it grows (0: the smallest). */
void idmap_init(IdMap *m, size_t expected);
/* Free the slots (not the keys); the map is empty and can be used again. */
void idmap_free(IdMap *m);

/* The value of `key`, or -1 when it is absent (or NULL). */
int idmap_get(const IdMap *m, const char *key);
/* Map `key` to `value` (>= 0) unless the key is there already, in which case the first value
 * stays. Returns the value the key had, or -1 when it was added. */
int idmap_add(IdMap *m, const char *key, int value);
/* Map `key` to `value` (>= 0), replacing any value before. Returns the value the key had, or
 * -1 when it was added. */
int idmap_put(IdMap *m, const char *key, int value);


#endif
