/*
 * lexicon.c - reading the quadrant lexicon and reasoning about corners.
 */
#include "model/lexicon.h"

#include <lauxlib.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/cachedir.h"
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

/* ============================== reading the file ============================== */

/* Run the lexicon's Lua (its bytes `src`, read from `path`) and read what it returns. */
static int read_lua(Lexicon *lx, const char *path, const char *src, size_t len, DiagList *d)
{
    Sandbox *s = sbx_new(0);
    lua_State *L = sbx_lua(s);
    char *err = NULL;
    int errors = d->errors;
    int failed = src ? sbx_load_from(s, path, src, len, &err) || sbx_call(s, 0, 1, &err)
                     : sbx_dofile(s, path, 1, &err);       /* its message for a file it cannot read */
    if (failed) {
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
    return d->errors > errors ? -1 : 0;
}

/* ============================== kept in the cache folder ============================== */

/* A lexicon that read without a word is kept, under its file's fingerprint, as its strings:
 * running its 31 KB of Lua in a sandbox was 1.7 M of the 9.1 M instructions of loading a
 * 1,000-scene story from the model cache, and of every start (callgrind; bench/notes.md). The
 * body: every string with its NUL, counts as decimal strings: the number of quadrants, each
 * quadrant's Dutch and then English corners, then each list of words (its count, then the
 * term, nl and en of each). A new layout needs a new magic. */
#define KEPT_MAGIC "VBLEX01"

static void put_words(StrBuf *b, const LexWords *w, int n)
{
    sb_addf(b, "%d%c", n, 0);
    for (int i = 0; i < n; i++) sb_addf(b, "%s%c%s%c%s%c", w[i].term, 0, w[i].nl, 0, w[i].en, 0);
}

static char *kept_path(const Lexicon *lx, char **dir)
{
    *dir = cachedir_path();
    return *dir ? cachedir_file(*dir, lx->fingerprint, CACHEDIR_LEXICON) : NULL;
}

static void keep_read(const Lexicon *lx)
{
    char *dir, *path = kept_path(lx, &dir);
    if (path) {
        StrBuf b;
        sb_init(&b);
        sb_addf(&b, "%d%c", lx->n, 0);
        for (int i = 0; i < lx->n; i++) {
            for (int c = 0; c < CORNERS; c++) sb_addf(&b, "%s%c", lx->q[i].nl[c], 0);
            for (int c = 0; c < CORNERS; c++) sb_addf(&b, "%s%c", lx->q[i].en[c], 0);
        }
        put_words(&b, lx->manners, lx->nmanners);
        put_words(&b, lx->goals, lx->ngoals);
        put_words(&b, lx->powers, lx->npowers);
        put_words(&b, lx->portraits, lx->nportraits);
        cachedir_seal(dir, path, KEPT_MAGIC, b.s, b.len);
        sb_free(&b);
    }
    free(path);
    free(dir);
}

/* Reading a kept lexicon: its strings are used where they lie, in the one block. */
typedef struct {
    const char *p, *end;
    int bad;
} Reader;

static const char *next_string(Reader *r)
{
    const char *nul = r->bad ? NULL : memchr(r->p, '\0', (size_t)(r->end - r->p));
    if (!nul) {
        r->bad = 1;
        return "";
    }
    const char *s = r->p;
    r->p = nul + 1;
    return s;
}

static int next_count(Reader *r)
{
    long n = strtol(next_string(r), NULL, 10);
    if (n < 0 || n > (r->end - r->p) / 2) r->bad = 1;      /* every item is a string or more */
    return r->bad ? 0 : (int)n;
}

static LexWords *next_words(Reader *r, int *n)
{
    *n = next_count(r);
    LexWords *w = xcalloc((size_t)*n + 1, sizeof *w);
    for (int i = 0; i < *n; i++) {
        w[i].term = next_string(r);
        w[i].nl = next_string(r);
        w[i].en = next_string(r);
    }
    return w;
}

/* The lexicon kept under lx's fingerprint: 0, or -1 (and lx as it was) when none is kept whole. */
static int read_kept(Lexicon *lx)
{
    size_t len;
    char *dir, *path = kept_path(lx, &dir);
    char *file = path ? cachedir_unseal(path, KEPT_MAGIC, 4u << 20, &len) : NULL;
    free(dir);
    if (!file) {
        free(path);
        return -1;
    }
    lx->strings = xcalloc(1, sizeof *lx->strings);
    lx->strings[lx->nstrings++] = file;
    Reader r = {file + CACHEDIR_SEAL, file + CACHEDIR_SEAL + len, 0};
    lx->n = next_count(&r);
    lx->q = xcalloc((size_t)lx->n + 1, sizeof *lx->q);
    for (int i = 0; i < lx->n; i++) {
        for (int c = 0; c < CORNERS; c++) lx->q[i].nl[c] = next_string(&r);
        for (int c = 0; c < CORNERS; c++) lx->q[i].en[c] = next_string(&r);
    }
    lx->manners = next_words(&r, &lx->nmanners);
    lx->goals = next_words(&r, &lx->ngoals);
    lx->powers = next_words(&r, &lx->npowers);
    lx->portraits = next_words(&r, &lx->nportraits);
    int bad = r.bad || r.p != r.end;
    if (bad) {
        unsigned char key[16];
        memcpy(key, lx->fingerprint, sizeof key);
        lexicon_free(lx);
        memcpy(lx->fingerprint, key, sizeof key);
        unlink(path);
    }
    free(path);
    return bad ? -1 : 0;
}

/* ============================== loading ============================== */

/* The file's XXH3-128. A lexicon whose file cannot be read keeps a fingerprint of zeros, with
 * which neither it nor a model resolved with it is kept. */
static int fingerprint(Lexicon *lx, const char *src, size_t len)
{
    if (!src) return 0;
    XXH128_canonical_t canon;
    XXH128_canonicalFromHash(&canon, XXH3_128bits(src, len));
    memcpy(lx->fingerprint, canon.digest, sizeof lx->fingerprint);
    return 1;
}

int lexicon_load(Lexicon *lx, const char *path, DiagList *d)
{
    memset(lx, 0, sizeof *lx);
    size_t len = 0;
    char *src = read_file(path, 16u << 20, &len);
    int keyed = fingerprint(lx, src, len), before = d->n, rc = 0;
    if (!keyed || read_kept(lx)) {
        rc = read_lua(lx, path, src, len, d);
        if (rc == 0 && keyed && d->n == before) keep_read(lx);
    }
    free(src);
    index_terms(lx);
    intern_ids(lx);
    hash_terms(lx);
    return rc;
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

int lexicon_term_at(const Lexicon *lx, const char *term)
{
    const char *id = lexicon_term(lx, term);
    for (int k = id ? first_not_below(lx, id) : lx->nterms; k < lx->nterms; k++)
        if (lx->terms[k].term == id) return k;    /* an id is its Dutch term's own string */
    return -1;
}

const char *lexicon_id_at(const Lexicon *lx, int at)
{
    return at >= 0 && at < lx->nterms ? lx->terms[at].term : NULL;
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

const char *corner_label_yours(Corner c)
{
    static const char *const yours[CORNERS] = {
        N_("your challenge"), N_("your allergy"), N_("your own core quality"), N_("your own pitfall"),
    };
    return c >= 0 && c < CORNERS ? _(yours[c]) : corner_label(c);
}

const char *corner_label_theirs(Corner c)
{
    static const char *const theirs[CORNERS] = {
        N_("%s's challenge"), N_("%s's allergy"), N_("%s's own core quality"), N_("%s's own pitfall"),
    };
    return c >= 0 && c < CORNERS ? _(theirs[c]) : "%s";
}

const char *corner_label_character(Corner c)
{
    static const char *const characters[CORNERS] = {
        N_("%s's core quality"), N_("%s's pitfall"), N_("%s's challenge"), N_("%s's allergy"),
    };
    return c >= 0 && c < CORNERS ? _(characters[c]) : "%s";
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

int lexicon_cores_starting(const Lexicon *lx, const char *lang, const char *prefix, StrBuf *out)
{
    size_t n = strlen(prefix);
    int found = 0;
    for (int i = 0; n && i < lx->n; i++) {
        const char *name = lexicon_name(lx, lx->q[i].nl[CORNER_CORE], lang);
        if (strncasecmp(name, prefix, n)) continue;
        if (found++) sb_add(out, ", ");
        sb_add(out, name);
    }
    return found;
}

const char *lexicon_core_with(const Lexicon *lx, const char *term, Corner corner)
{
    for (int i = 0; term && i < lx->n; i++)
        if (quadrant_corner(&lx->q[i], term) == corner) return lx->q[i].nl[CORNER_CORE];
    return NULL;
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
