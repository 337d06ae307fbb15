/*
 * lexicon.h - Ofman's core quadrants: the lexicon of terms, the opposite quadrant, and where a
 * quality falls on someone's quadrant (core, pitfall, challenge, allergy).
 *
 * The lexicon is read from characters/quadrants.lua. A term's id is its Dutch name; the
 * English name is accepted wherever a user types a term. Ids are interned: every id the
 * lexicon gives out (lexicon_term, a Quadrant) is the one string of that term.
 */
#ifndef VB_LEXICON_H
#define VB_LEXICON_H

#include "base/diag.h"
#include "base/idmap.h"
#include "base/util.h"

typedef enum {
    CORNER_NONE = -1,
    CORNER_CORE = 0,
    CORNER_PITFALL,
    CORNER_CHALLENGE,
    CORNER_ALLERGY,
} Corner;

#define CORNERS 4

/* One quadrant: for each corner its Dutch id (nl) and English name (en). */
typedef struct {
    const char *nl[CORNERS];
    const char *en[CORNERS];
} Quadrant;

/* A term as typed, and the Dutch id it stands for: the lookup index of lexicon_term. */
typedef struct {
    const char *term;
    const char *id;
    int order;           /* position in the lexicon: of equal terms, the first one counts */
} LexTerm;

/* Words the lexicon gives for a term or a quadrant, in Dutch and English. */
typedef struct {
    const char *term;    /* the Dutch id */
    const char *nl, *en;
} LexWords;

typedef struct {
    Quadrant *q;
    int n;
    LexWords *manners;   /* how one acts out a term: "rustig, zonder te duwen" */
    int nmanners;
    LexWords *goals;     /* words that show a learning goal is about a term: "grenz, nee zeggen" */
    int ngoals;
    LexWords *powers;    /* "hard" or "soft" in both nl and en, for the qualities that have one */
    int npowers;
    LexWords *portraits; /* a character on a quadrant, by its core quality (second person) */
    int nportraits;
    char **strings;      /* owned storage of all terms */
    int nstrings;
    LexTerm *terms;      /* every Dutch and English term, sorted without regard to case */
    int nterms;
    IdMap exact;         /* each term as spelled to its place in `terms` */
    unsigned char fingerprint[16]; /* XXH3-128 of the file: a model resolved with this lexicon
                                    * is cached under it (model/cache.h) */
} Lexicon;

/* Read the lexicon from `path`. Returns 0, or -1 with the problems in `d`. */
int lexicon_load(Lexicon *lx, const char *path, DiagList *d);
void lexicon_free(Lexicon *lx);

/* The Dutch id of a term typed in Dutch or English (any case), or NULL when unknown. */
const char *lexicon_term(const Lexicon *lx, const char *term);
/* The place in lx->terms of the id lexicon_term gives for `term`, or -1 when it has none: a
 * number that stays a term's as long as the lexicon does (a cached model keeps it). */
int lexicon_term_at(const Lexicon *lx, const char *term);
/* The id at place `at` (lexicon_term_at's), or NULL for -1. */
const char *lexicon_id_at(const Lexicon *lx, int at);
/* The English name of a term id. */
const char *lexicon_english(const Lexicon *lx, const char *term);
/* The name of a term in `lang`. */
const char *lexicon_name(const Lexicon *lx, const char *term, const char *lang);

/* The quadrant whose core quality is `core`: listed in the lexicon, or the opposite of one
 * whose challenge it is. Returns 0 and fills *out, or -1 when the term is no core quality. */
int lexicon_quadrant(const Lexicon *lx, const char *core, Quadrant *out);
/* How one does `term` (an id), as words after a comma ("rustig, zonder te duwen"), in `lang`;
 * NULL when the lexicon gives none. */
const char *lexicon_manner(const Lexicon *lx, const char *term, const char *lang);
/* How strongly a participant's learning goal (their own words, any case) speaks of `term` (an
 * id): 3 for each of the term's names in it, 1 for each of the lexicon's goal words for the term,
 * each counted where it starts a word of the goal; 0 when it does not speak of it at all. */
int lexicon_goal_score(const Lexicon *lx, const char *term, const char *goal);
/* "hard" for a quality that takes room, "soft" for one that gives it (the lexicon's power), or
 * NULL when the lexicon does not say. */
const char *lexicon_power(const Lexicon *lx, const char *term);
/* A few sentences on a character whose core quality is `core` (an id), in `lang`, addressed to
 * the one who plays it; NULL when the lexicon gives none. */
const char *lexicon_portrait(const Lexicon *lx, const char *core, const char *lang);

/* The opposite quadrant: its core is q's challenge, its pitfall q's allergy, and so on. */
Quadrant quadrant_opposite(const Quadrant *q);
/* Where the term (an id) falls on the quadrant, or CORNER_NONE. */
Corner quadrant_corner(const Quadrant *q, const char *term);
/* The same for an id the lexicon gave out, compared by address: asked for every character at
 * every choice, it reads no string. */
Corner quadrant_corner_id(const Quadrant *q, const char *id);

/* "core", "pitfall", "challenge", "allergy" (journal names) and back. */
const char *corner_id(Corner c);
Corner corner_from_id(const char *s);
/* The translated name of a corner ("kernkwaliteit"). */
const char *corner_label(Corner c);
/* A corner of the character's quadrant said as the participant's own, for a participant whose
 * character is on their opposite quadrant: its core is their challenge, its challenge their own
 * core quality ("your own core quality"). A bare "challenge" beside a participant who fell back
 * on their own core quality would tell them the opposite of what happened. */
const char *corner_label_yours(Corner c);
/* The same, of a participant named: a format with one %s for the name ("%s's own core quality"). */
const char *corner_label_theirs(Corner c);
/* A corner of a character's own quadrant: a format with one %s for its name ("%s's challenge"). */
const char *corner_label_character(Corner c);

/* Every core quality the lexicon knows, named in `lang` and joined by ", ", added to `out`: what
 * to tell a person who typed a quality it does not know. */
void lexicon_cores(const Lexicon *lx, const char *lang, StrBuf *out);
/* The core qualities named in `lang` that begin with `prefix` (any case), joined by ", ",
 * added to `out`; returns how many: with one, `out` holds just that name. */
int lexicon_cores_starting(const Lexicon *lx, const char *lang, const char *prefix, StrBuf *out);
/* The core quality (an id) of the quadrant listed in the lexicon on which `term` (an id) stands
 * at `corner`, or NULL: botheid is the pitfall of directheid. */
const char *lexicon_core_with(const Lexicon *lx, const char *term, Corner corner);
/* Every core quality, for completion where only a core quality is an answer: calls fn for
 * each, named in `lang`. */
void lexicon_each_core(const Lexicon *lx, const char *lang, void (*fn)(const char *, void *), void *ud);
/* All terms, for completion: calls fn for each distinct term name in `lang`. */
void lexicon_each_term(const Lexicon *lx, const char *lang, void (*fn)(const char *, void *), void *ud);

#endif
