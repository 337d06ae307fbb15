/*
 * lexicon.c - reading the quadrant lexicon and reasoning about corners.
 */
#include "model/lexicon.h"

#include <lauxlib.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/sandbox.h"
#include "base/util.h"

#include <xxhash.h>

static const char *const corner_ids[CORNERS] = {"core", "pitfall", "challenge", "allergy"};

static const char *keep(Lexicon *lx, const char *s)
{
    lx->strings = xrealloc(lx->strings, (size_t)(lx->nstrings + 1) * sizeof *lx->strings);
    return lx->strings[lx->nstrings++] = xstrdup(s);
}

/* Read the optional {nl = ..., en = ...} in field `field` of the table on top of the stack into
 * a list of words for `term`; the first words given for a term count. */
static void read_words(Lexicon *lx, lua_State *L, const char *field, const char *term,
                       LexWords **list, int *n, const char *path, DiagList *d)
{
    lua_getfield(L, -1, field);
    if (lua_istable(L, -1)) {
        lua_getfield(L, -1, "nl");
        lua_getfield(L, -2, "en");
        int seen = 0;
        for (int i = 0; i < *n; i++) seen |= streq((*list)[i].term, term);
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
            diag_add(d, DIAG_ERROR, path, 0, _("'%s': %s needs both nl and en"), term, field);
        else if (!seen) {
            *list = xrealloc(*list, (size_t)(*n + 1) * sizeof **list);
            (*list)[(*n)++] = (LexWords){term, keep(lx, lua_tostring(L, -2)), keep(lx, lua_tostring(L, -1))};
        }
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

static const char *words_for(const LexWords *list, int n, const char *term, const char *lang);

/* Read the optional power = "hard" | "soft" of the term table on top of the stack. */
static void read_power(Lexicon *lx, lua_State *L, const char *term, const char *path, DiagList *d)
{
    lua_getfield(L, -1, "power");
    const char *power = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (!lua_isnil(L, -1) && !(power && (streq(power, "hard") || streq(power, "soft"))))
        diag_add(d, DIAG_ERROR, path, 0, _("'%s': power is \"hard\" or \"soft\""), term);
    else if (power && !words_for(lx->powers, lx->npowers, term, "nl")) {
        const char *kept = streq(power, "hard") ? "hard" : "soft";
        lx->powers = xrealloc(lx->powers, (size_t)(lx->npowers + 1) * sizeof *lx->powers);
        lx->powers[lx->npowers++] = (LexWords){term, kept, kept};
    }
    lua_pop(L, 1);
}

/* Read corner `c` of the quadrant table on top of the stack. */
static int read_corner(Lexicon *lx, lua_State *L, Quadrant *q, Corner c, const char *path, int i,
                       DiagList *d)
{
    lua_getfield(L, -1, corner_ids[c]);
    lua_getfield(L, -1, "nl");
    lua_getfield(L, -2, "en");
    int ok = lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING;
    if (ok) {
        q->nl[c] = keep(lx, lua_tostring(L, -2));
        q->en[c] = keep(lx, lua_tostring(L, -1));
        lua_pop(L, 2);
        read_words(lx, L, "manner", q->nl[c], &lx->manners, &lx->nmanners, path, d);
        read_words(lx, L, "goals", q->nl[c], &lx->goals, &lx->ngoals, path, d);
        read_power(lx, L, q->nl[c], path, d);
        lua_pushnil(L);
        lua_pushnil(L);
    } else {
        diag_add(d, DIAG_ERROR, path, 0, _("quadrant %d: corner '%s' needs both nl and en names"),
                 i, corner_ids[c]);
    }
    lua_pop(L, 3);
    return ok ? 0 : -1;
}

static int term_cmp(const void *a, const void *b)
{
    const LexTerm *x = a, *y = b;
    int c = strcasecmp(x->term, y->term);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Every scenario choice names a quality, so resolving them searched the whole lexicon tens of
 * thousands of times in a large story: a sorted index makes that a binary search. */
static void index_terms(Lexicon *lx)
{
    lx->terms = xcalloc((size_t)lx->n * CORNERS * 2 + 1, sizeof *lx->terms);
    for (int i = 0; i < lx->n; i++)
        for (int c = 0; c < CORNERS; c++) {
            const char *both[2] = {lx->q[i].nl[c], lx->q[i].en[c]};
            for (int k = 0; k < 2; k++)
                if (both[k] && lx->q[i].nl[c])
                    lx->terms[lx->nterms++] = (LexTerm){both[k], lx->q[i].nl[c], (i * CORNERS + c) * 2 + k};
        }
    qsort(lx->terms, (size_t)lx->nterms, sizeof *lx->terms, term_cmp);
}

/* The first entry of the index not below `term`, without regard to case. */
static int first_not_below(const Lexicon *lx, const char *term)
{
    int lo = 0, hi = lx->nterms;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (strcasecmp(lx->terms[mid].term, term) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The first Dutch entry that is exactly `nl`: the one string all its uses share. */
static const char *first_dutch(const Lexicon *lx, const char *nl)
{
    for (int k = first_not_below(lx, nl); k < lx->nterms && strcasecmp(lx->terms[k].term, nl) == 0; k++)
        if (lx->terms[k].order % 2 == 0 && strcmp(lx->terms[k].term, nl) == 0) return lx->terms[k].term;
    return nl;
}

/* Each term is in two quadrants (the core of one is the challenge of its opposite): let both,
 * and every id the index gives out, be one string, so that ids compare by address. */
static void intern_ids(Lexicon *lx)
{
    for (int k = 0; k < lx->nterms; k++) lx->terms[k].id = first_dutch(lx, lx->terms[k].id);
    for (int i = 0; i < lx->n; i++)
        for (int c = 0; c < CORNERS; c++)
            if (lx->q[i].nl[c]) lx->q[i].nl[c] = first_dutch(lx, lx->q[i].nl[c]);
}

/* A scenario names a quality on every choice, nearly always spelled as in the lexicon: an id
 * map of the terms as spelled finds those without comparing a dozen strings without regard to
 * case. Of equal spellings, the first in the sorted index (the first in the lexicon) counts. */
static void hash_terms(Lexicon *lx)
{
    idmap_init(&lx->exact, (size_t)lx->nterms);
    for (int k = 0; k < lx->nterms; k++) idmap_add(&lx->exact, lx->terms[k].term, k);
}

static const LexTerm *exact_term(const Lexicon *lx, const char *term)
{
    int k = idmap_get(&lx->exact, term);
    return k >= 0 ? &lx->terms[k] : NULL;
}

/* The file's XXH3-128 (the sandbox has read it already; read again, it is 31 KB). A lexicon
 * whose file cannot be read again keeps a fingerprint of zeros, with which the model cache is
 * not used. */
static void fingerprint(Lexicon *lx, const char *path)
{
    size_t len;
    char *bytes = read_file(path, 16u << 20, &len);
    if (!bytes) return;
    XXH128_canonical_t canon;
    XXH128_canonicalFromHash(&canon, XXH3_128bits(bytes, len));
    memcpy(lx->fingerprint, canon.digest, sizeof lx->fingerprint);
    free(bytes);
}

int lexicon_load(Lexicon *lx, const char *path, DiagList *d)
{
    memset(lx, 0, sizeof *lx);
    Sandbox *s = sbx_new(0);
    lua_State *L = sbx_lua(s);
    char *err = NULL;
    int errors = d->errors;
    if (sbx_dofile(s, path, 1, &err)) {
        diag_lua(d, path, err);
        free(err);
        sbx_free(s);
        return -1;
    }
    if (!lua_istable(L, -1)) {
        diag_add(d, DIAG_ERROR, path, 0, _("the lexicon must return a list of quadrants"));
        sbx_free(s);
        return -1;
    }
    int n = (int)luaL_len(L, -1);
    lx->q = xcalloc((size_t)n, sizeof *lx->q);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        if (lua_istable(L, -1)) {
            for (Corner c = CORNER_CORE; c <= CORNER_ALLERGY; c++)
                read_corner(lx, L, &lx->q[lx->n], c, path, i, d);
            if (lx->q[lx->n].nl[CORNER_CORE])
                read_words(lx, L, "portrait", lx->q[lx->n].nl[CORNER_CORE], &lx->portraits,
                           &lx->nportraits, path, d);
        } else
            diag_add(d, DIAG_ERROR, path, 0, _("quadrant %d is not a table"), i);
        lua_pop(L, 1);
        lx->n++;
    }
    sbx_free(s);
    index_terms(lx);
    intern_ids(lx);
    hash_terms(lx);
    fingerprint(lx, path);
    return d->errors > errors ? -1 : 0;
}

void lexicon_free(Lexicon *lx)
{
    free(lx->terms);
    idmap_free(&lx->exact);
    for (int i = 0; i < lx->nstrings; i++) free(lx->strings[i]);
    free(lx->strings);
    free(lx->q);
    free(lx->manners);
    free(lx->goals);
    free(lx->powers);
    free(lx->portraits);
    memset(lx, 0, sizeof *lx);
}

const char *lexicon_term(const Lexicon *lx, const char *term)
{
    if (!term) return NULL;
    const LexTerm *spelled = exact_term(lx, term);
    if (spelled) return spelled->id;
    int lo = first_not_below(lx, term);
    return lo < lx->nterms && strcasecmp(lx->terms[lo].term, term) == 0 ? lx->terms[lo].id : NULL;
}

const char *lexicon_english(const Lexicon *lx, const char *term)
{
    for (int i = 0; i < lx->n; i++)
        for (int c = 0; c < CORNERS; c++)
            if (streq(lx->q[i].nl[c], term)) return lx->q[i].en[c];
    return term;
}

const char *lexicon_name(const Lexicon *lx, const char *term, const char *lang)
{
    return streq(lang, "en") ? lexicon_english(lx, term) : term;
}

Quadrant quadrant_opposite(const Quadrant *q)
{
    Quadrant o;
    static const Corner turn[CORNERS] = {CORNER_CHALLENGE, CORNER_ALLERGY, CORNER_CORE, CORNER_PITFALL};
    for (int c = 0; c < CORNERS; c++) {
        o.nl[c] = q->nl[turn[c]];
        o.en[c] = q->en[turn[c]];
    }
    return o;
}

int lexicon_quadrant(const Lexicon *lx, const char *core, Quadrant *out)
{
    const char *id = lexicon_term(lx, core);
    if (!id) return -1;
    for (int i = 0; i < lx->n; i++)
        if (streq(lx->q[i].nl[CORNER_CORE], id)) {
            *out = lx->q[i];
            return 0;
        }
    for (int i = 0; i < lx->n; i++)
        if (streq(lx->q[i].nl[CORNER_CHALLENGE], id)) {
            *out = quadrant_opposite(&lx->q[i]);
            return 0;
        }
    return -1;
}

Corner quadrant_corner(const Quadrant *q, const char *term)
{
    if (!term) return CORNER_NONE;
    /* asked for every character at every choice: the first letter rules out most corners */
    for (int c = 0; c < CORNERS; c++)
        if (q->nl[c] && q->nl[c][0] == term[0] && strcmp(q->nl[c], term) == 0) return (Corner)c;
    return CORNER_NONE;
}

Corner quadrant_corner_id(const Quadrant *q, const char *id)
{
    for (int c = 0; c < CORNERS; c++)
        if (q->nl[c] == id && id) return (Corner)c;
    return CORNER_NONE;
}

const char *corner_id(Corner c)
{
    return c >= 0 && c < CORNERS ? corner_ids[c] : "none";
}

Corner corner_from_id(const char *s)
{
    for (int c = 0; c < CORNERS; c++)
        if (streq(corner_ids[c], s)) return (Corner)c;
    return CORNER_NONE;
}

const char *corner_label(Corner c)
{
    switch (c) {
    case CORNER_CORE: return _("core quality");
    case CORNER_PITFALL: return _("pitfall");
    case CORNER_CHALLENGE: return _("challenge");
    case CORNER_ALLERGY: return _("allergy");
    default: return _("no corner");
    }
}

void lexicon_each_core(const Lexicon *lx, const char *lang, void (*fn)(const char *, void *), void *ud)
{
    for (int i = 0; i < lx->n; i++) fn(lexicon_name(lx, lx->q[i].nl[CORNER_CORE], lang), ud);
}

void lexicon_cores(const Lexicon *lx, const char *lang, StrBuf *out)
{
    for (int i = 0; i < lx->n; i++) {
        if (i) sb_add(out, ", ");
        sb_add(out, lexicon_name(lx, lx->q[i].nl[CORNER_CORE], lang));
    }
}

void lexicon_each_term(const Lexicon *lx, const char *lang, void (*fn)(const char *, void *), void *ud)
{
    for (int i = 0; i < lx->n; i++)
        for (int c = 0; c < CORNERS; c++) {
            const char *t = streq(lang, "en") ? lx->q[i].en[c] : lx->q[i].nl[c];
            int seen = 0;
            for (int j = 0; j <= i && !seen; j++)
                for (int k = 0; k < CORNERS && !seen; k++)
                    if ((j < i || k < c) &&
                        streq(t, streq(lang, "en") ? lx->q[j].en[k] : lx->q[j].nl[k]))
                        seen = 1;
            if (!seen) fn(t, ud);
        }
}

/* ============================== words for terms and quadrants ============================== */

static const char *words_for(const LexWords *list, int n, const char *term, const char *lang)
{
    for (int i = 0; term && i < n; i++)
        if (streq(list[i].term, term)) return streq(lang, "en") ? list[i].en : list[i].nl;
    return NULL;
}

const char *lexicon_power(const Lexicon *lx, const char *term)
{
    return words_for(lx->powers, lx->npowers, term, "nl");
}

const char *lexicon_manner(const Lexicon *lx, const char *term, const char *lang)
{
    return words_for(lx->manners, lx->nmanners, term, lang);
}

/* Whether `text` holds `word` (both lowercase in ASCII; other bytes compared as they are) where
 * a word of it starts: after its start, a space or punctuation, never inside a longer word. */
static int starts_a_word(const char *text, const char *word)
{
    for (const char *p = *word ? text : NULL; p && (p = strstr(p, word)); p++) {
        unsigned char before = p > text ? (unsigned char)p[-1] : ' ';
        if (!isalnum(before) && before < 0x80) return 1;
    }
    return 0;
}

/* A copy of `s` with A-Z made lowercase (the goal words are lowercase). */
static char *ascii_lower(const char *s)
{
    char *low = xstrdup(s ? s : "");
    for (char *p = low; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return low;
}

/* The number of comma-separated words of `list` that start a word of `text`. */
static int words_in(const char *text, const char *list)
{
    int n = 0;
    while (list && *list) {
        while (*list == ' ' || *list == ',') list++;
        size_t len = strcspn(list, ",");
        while (len && list[len - 1] == ' ') len--;
        char *word = xstrndup(list, len);
        n += starts_a_word(text, word);
        free(word);
        list += strcspn(list, ",");
    }
    return n;
}

int lexicon_goal_score(const Lexicon *lx, const char *term, const char *goal)
{
    if (!term || !goal) return 0;
    char *text = ascii_lower(goal);
    int score = 0;
    for (int k = 0; k < 2; k++) {
        const char *lang = k ? "en" : "nl";
        char *name = ascii_lower(lexicon_name(lx, term, lang));
        score += 3 * starts_a_word(text, name);
        score += words_in(text, words_for(lx->goals, lx->ngoals, term, lang));
        free(name);
    }
    free(text);
    return score;
}

const char *lexicon_portrait(const Lexicon *lx, const char *core, const char *lang)
{
    return words_for(lx->portraits, lx->nportraits, core, lang);
}
