/*
 * explorer_key.h - what tells two states of an exhaustive exploration apart: only what can
 * still change the story. The variables, visits and character fields that the scenario's code
 * reads (a condition, an effect feeding one, a line's or an ending's condition), the whole
 * state of a character that chooses for a role nobody plays, and where the story is; not a
 * character's counters that only ever feed the wording of its lines. Written as bytes and
 * kept whole (compared byte for byte, found by their hash), not printed as JSON.
 */
#ifndef VB_EXPLORER_KEY_H
#define VB_EXPLORER_KEY_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/session.h"

typedef struct {
    const Scenario *s;
    unsigned char *vars;      /* per variable: it tells states apart */
    unsigned char *visited;   /* per scene: its visits do */
    int count;                /* the corner counts do */
    unsigned char *whole;     /* per role: its character's whole state does */
    char ***fields;           /* per role: the fields of its state that do (NULL-terminated) */
    unsigned char *buf;       /* the key being written */
    size_t len, cap;
    /* The keys met so far, kept whole: two states are the same only when their bytes are, so
     * that two states whose hashes collide are both explored, never merged. */
    unsigned char *keys;      /* every key, one after the other */
    size_t keyslen, keyscap;
    size_t *keyend;           /* where key i ends in `keys` (it begins where key i-1 ends) */
    uint64_t *keyhash;        /* key i's hash */
    size_t nkeycap;           /* room in keyend and keyhash */
    uint32_t *set;            /* open addressing by hash: 1 + the index of a key; 0 is empty */
    size_t setcap, setn;
    uint64_t (*hash)(const void *, size_t);   /* XXH3 (a test may give a worse one) */
} ExplorerKey;

/* What tells the states of session S apart (S is cast as it will be explored). */
void explorer_key_init(ExplorerKey *k, const Scenario *s, const Session *S);
void explorer_key_free(ExplorerKey *k);
/* Whether a state's key reads anything of its snapshot (a character's part, corner counts). */
int explorer_key_reads_snapshot(const ExplorerKey *k);
/* Note S's state, of which `snap` is the snapshot (session_snapshot: the characters' parts
 * are read there, the rest from S; NULL when explorer_key_reads_snapshot says no); 1 when no
 * state with the same key was noted before. */
int explorer_key_add(ExplorerKey *k, Session *S, json_object *snap);
/* Note the key `bytes` (len of them): 1 when no key with the same bytes was noted before. */
int explorer_key_insert(ExplorerKey *k, const void *bytes, size_t len);
/* Whether the part `path` of a snapshot ("world.vars.x", "chars.boss.trust", "turn"...) tells
 * states apart: growth reports only those. */
int explorer_key_keeps(const ExplorerKey *k, const char *path);

#endif
