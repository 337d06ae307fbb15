/*
 * scenario.h - the scenario model: what a scenario file says, as plain C data.
 *
 * The loader (load.h) builds it from XML or the cache and resolves every reference
 * (resolve.h); after that the model is read-only. Sessions, the checker, the graph and the explorer all work from it.
 * Indices (scene, role, var...) are positions in the arrays below.
 */
#ifndef VB_SCENARIO_H
#define VB_SCENARIO_H

#include <stddef.h>

#include "base/diag.h"
#include "model/lexicon.h"

/* A new field in any struct below goes in four places: here; in load.c, which reads it (or in
 * resolve.c, when resolving fills it in); in the cache codec, cache.c's c_<struct> function
 * (and CACHE_FORMAT in cache.h goes up); and in the field table of tests/unit/test_cache.c,
 * whose layout check fails until the field is listed and whose round trips, from the XML and
 * from the cache, fail until the codec keeps it. */

/* ============================== text ============================== */

typedef struct {
    char *lang;          /* a declared language is the scenario's own string (langs[k]) */
    char *str;
} LangText;

/* A text in several languages. */
typedef struct {
    LangText *v;
    int n;
} Text;

/* The text in `lang`, else in `fallback`, else the first there is; "" when empty. */
const char *text_get(const Text *t, const char *lang, const char *fallback);
/* Whether the text has a version in `lang`. */
int text_has(const Text *t, const char *lang);

/* ============================== references ============================== */

typedef enum { TARGET_NONE, TARGET_SCENE, TARGET_ENDING, TARGET_RETURN } TargetKind;

/* Where the story goes: a scene, an ending, or back to where an incident began. */
typedef struct {
    TargetKind kind;
    int index;
    char *name;          /* as written, for messages */
} Target;

/* A piece of Lua in the scenario: a condition (an expression) or an effect (a chunk). */
typedef struct {
    char *src;
    int line;
    int is_expr;
} Code;

#define NO_CODE (-1)

/* ============================== the story ============================== */

typedef enum { EFFECT_ADD, EFFECT_SET, EFFECT_LUA } EffectKind;

typedef struct {
    EffectKind kind;
    int var;             /* for add and set */
    char *var_name;
    double value;
    int code;            /* for lua */
    int fact;            /* written as <set fact="...">: var must name a fact */
    int line;
} Effect;

typedef enum { ITEM_TEXT, ITEM_SAY } ItemKind;

/* Narration, or a character's line (from its script by key, or given as text). The fields of
 * Item, Choice and Scene are ordered so that no padding lies between them: they are most of a
 * large story's model, in memory and in the model cache (bench/notes.md, thirteenth session). */
typedef struct {
    ItemKind kind;
    int role;
    Text text;
    char *role_name;
    char *line_key;
    char *needs;         /* the facts it presupposes, ids separated by spaces, or NULL */
    char *unless;        /* the facts it presupposes are not so, or NULL */
    int cond;
    int line;
} Item;

typedef struct {
    Target to;
    int cond;
    int line;
} Goto;

/* A title shown instead of the plain one while its condition holds (<title if="...">). */
typedef struct {
    int cond;
    Text text;
    int line;
} AltTitle;

/* The words of a corner choice when the term at its corner is `term`. */
typedef struct {
    char *term;          /* lexicon id (set by resolve; as written before) */
    Text text;
    Text third;          /* the same words in the third person (<third>), for a character
                            verbeeld plays; empty when not written */
    int line;
} Variant;

typedef struct {
    char *id;            /* given, or "<scene>-<n>" */
    Target to;
    char *quality;       /* lexicon id, or NULL */
    int term_at;         /* the quality's place in the lexicon (lexicon_term_at; set by
                            resolve), or -1 */
    int corner;          /* a corner of the chooser's quadrant (a Corner), or CORNER_NONE:
                            the quality is the term there, and `quality` is NULL */
    int nvariants;
    Variant *variants;   /* a corner choice's words for one term */
    const void *next_choices; /* the choices of the scene `to` leads to (set by resolve, kept
                                 by the cache), or NULL: for session_fetch_ahead, before that
                                 Scene has arrived */
    int by;              /* role, or -1 */
    int addressee;       /* the role it is said to (addressee="..."), or -1 */
    char *by_name;
    char *addressee_name;
    int turning;         /* a turning point of the story: a moment that mattered, for the debrief */
    int cond;
    char *needs;         /* the facts its words presuppose (as Item's), or NULL */
    char *unless;
    Text text;
    Text third;          /* its words in the third person (<third>): what the screen and the
                            journal show when a character verbeeld plays takes it; empty when
                            not written */
    Effect *effects;
    int neffects;
    int line;
} Choice;

enum { WHO_ROTATE = -1, WHO_EACH = -2, WHO_GROUP = -3 };

typedef struct {
    char *id;
    int act;
    int who;             /* a role, or WHO_ROTATE, WHO_EACH, WHO_GROUP */
    char *who_name;
    int unplayed_turn;   /* unplayed="turn": when no participant plays `who`, the participant
                            whose turn it is chooses, not the role's script */
    int line;
    Target next;
    Text title;
    AltTitle *alt_titles; /* the first whose condition holds stands in for title */
    Goto *gotos;
    int nalt_titles, ngotos;
    Effect *effects;
    Item *items;
    int neffects, nitems;
    Choice *choices;
    int nchoices;
} Scene;

/* An act of the story, or a return block (<return>): the situation of a return session, set
 * some time after the story, whose first scene opens it. */
typedef struct {
    char *id;
    Text title;
    int ret;             /* a return block: no part of the story, only of a return session */
    char *after;         /* a return block's endings (ids separated by spaces) after which it is
                            played, or NULL for any */
    int line;
} Act;

typedef struct {
    char *id;
    char *character;     /* script reference, "moveon/isabel" */
    int playable;
    int own;             /* the participant may name the character and say who it is */
    char *quadrants;     /* as written: "*", core qualities separated by commas, or NULL for the
                            pair of the character script's quadrant (see model/cast.h) */
    Text brief;
    int line;
} Role;

typedef struct {
    char *id;
    double value;
    int fact;            /* declared as <fact>: so (1) or not (0) */
    Text title;
    int line;
} Var;

typedef struct {
    char *id;
    int age;             /* -1 when not given */
    char *name;
    Text names;          /* the name in a language, where it differs (<name xml:lang>) */
    Text title;
    Text text;
    char *art;
    int line;
} Card;

typedef struct {
    char *id;
    Text title;
    Card *cards;
    int ncards;
    int line;
} Deck;

typedef struct {
    int deck;
    char *deck_name;
    Text text;
    int line;
} Pick;

typedef struct {
    char *id;
    Target to;
    int cond;            /* when it fires by itself, or NO_CODE */
    int avail;           /* when it may start at all (if="..."), or NO_CODE */
    Text title;
    AltTitle *alt_titles; /* as a scene's */
    int nalt_titles;
    Text names;          /* what /inject takes in a language besides the id (<name>) */
    Text why;            /* what /inject says when it may not start (<unavailable>) */
    int line;
} Event;

typedef struct {
    char *id;
    Text title;
    Item *items;
    int nitems;
    int ret;             /* an ending of a return block, not of the story */
    int line;
} Ending;

typedef struct {
    char *quality;
    char *scene;         /* asked only when the session played this scene (scene="..."), or NULL */
    Text text;
    int line;
} Question;

typedef struct Scenario {
    char *path;
    char *id;
    int version;
    char **langs;        /* declared languages; langs[0] is the fallback */
    int nlangs;
    Target start;
    Text title, summary;
    Var *vars;           int nvars;
    Role *roles;         int nroles;
    Pick *picks;         int npicks;
    Deck *decks;         int ndecks;
    Act *acts;           int nacts;
    Scene *scenes;       int nscenes;
    Event *events;       int nevents;
    Ending *endings;     int nendings;
    Question *questions; int nquestions;
    Code *code;          int ncode;
    /* A model points its strings into one block, released with it (see scenario_release):
     * when read from the cache, the entry's bytes, which hold its arrays too (cache.c), mapped
     * from its file or read; when read from XML, the strings one after another (load.c), and
     * each array allocated alone. Strings that did not fit are allocated alone. */
    char *block;
    size_t block_len;
    int block_whole;     /* the block holds the whole model (a cache entry) */
    int block_mapped;    /* the block is a file mapped into memory (munmap, not free) */
} Scenario;

void scenario_free(Scenario *s);
/* Free `p`, a string or array of the model `s` (resolve.c replaces some): what lies in the
 * model's block is left to scenario_free. */
void scenario_release(const Scenario *s, void *p);

/* A language code as the scenario's own string of it when it declares it, else `lang`: a
 * large scenario has a language on each of its texts, and shared they compare by address. */
char *scenario_own_lang(const Scenario *s, char *lang);
/* The fallback language. */
const char *scenario_fallback(const Scenario *s);

/* Lookups by id; -1 when absent. */
int scenario_scene(const Scenario *s, const char *id);
/* The first scene of return block `act`, or -1 when it has none. */
int scenario_return_scene(const Scenario *s, int act);
/* The first goto of scene sc without if="...", or sc->ngotos when every goto has one: that goto
 * fires whenever the story enters the scene, so nothing after it (a later goto, the scene's
 * next, its choices) is ever taken. */
int scenario_goto_always(const Scene *sc);
/* The return block to play after ending `ending` (an id, or NULL when unknown): the first
 * whose after="..." names it, else the first without after; -1 when there is none. */
int scenario_return_for(const Scenario *s, const char *ending);
/* Whether the scenario has any return block. */
int scenario_has_return(const Scenario *s);
int scenario_ending(const Scenario *s, const char *id);
int scenario_role(const Scenario *s, const char *id);
/* Call fn with each item of a comma-separated list, trimmed of spaces, until it returns
 * nonzero; returns that, or 0. */
int scenario_each_listed(const char *list, int (*fn)(const char *item, void *ud), void *ud);
int scenario_var(const Scenario *s, const char *id);
/* The variable of fact `id`, or -1 when `id` is no fact. */
int scenario_fact(const Scenario *s, const char *id);
/* Call fn with each fact id of a needs="..." or unless="..." list until it returns nonzero;
 * returns that, or 0. */
int scenario_each_fact(const char *list, int (*fn)(const char *id, void *ud), void *ud);
int scenario_event(const Scenario *s, const char *id);
/* The event whose id is `word`, or whose name in `lang` is; -1 when none. */
int scenario_event_named(const Scenario *s, const char *word, const char *lang);
/* What a trainer types for event e in `lang`: its name there, else its id. */
const char *scenario_event_name(const Scenario *s, int e, const char *lang);
int scenario_deck(const Scenario *s, const char *id);
int deck_card(const Deck *d, const char *id);
/* The card `typed` names in deck d: by its id, or by its name as the posters show it in `lang`
 * or as written (any case); -1 when none does. */
int deck_card_named(const Deck *d, const char *typed, const char *lang);
/* The card with id `id` in any of the scenario's decks, and its deck in *deck (when `deck` is
 * not NULL); NULL when there is none (or `id` is NULL). */
const Card *scenario_card(const Scenario *s, const char *id, const Deck **deck);
/* The name on card k in `lang`: its <name xml:lang> there, else its name. */
const char *deck_card_name(const Card *k, const char *lang);

#endif
