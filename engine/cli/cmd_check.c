/*
 * cmd_check.c - verbeeld check SCENARIO...: every problem of a scenario and its characters, in
 * one run, as file:line: error: message, sorted.
 *
 * The loader checks structure and references; verify.c checks reachability and the names in
 * conditions; here every character is brought to life once and each of its hooks and lines is
 * called with made-up events, so that Lua errors surface before a group is waiting.
 */
#include "cli/commands.h"

#include <signal.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "cli/usage.h"
#include "model/cast.h"
#include "model/load.h"
#include "model/scenario.h"
#include "model/verify.h"
#include "runtime/world.h"
#include "runtime/session.h"

/* ============================== characters, tried out ============================== */

typedef struct {
    const Scenario *s;
    Character *ch;
    DiagList *d;
} LineCheck;

static void script_problem(DiagList *d, const Character *ch, const char *err)
{
    diag_lua(d, ch->path, err);
}

/* The line of the script where line `key` is written (`key = ...`), or 0 when it is not found
 * as written (a key built by the script). */
static int line_of_key(const char *src, const char *key)
{
    size_t n = strlen(key);
    int line = 1;
    for (const char *p = src; p && *p; p++) {
        if (*p == '\n') line++;
        else if (!strncmp(p, key, n) && (p == src || !(isalnum((unsigned char)p[-1]) || p[-1] == '_'))) {
            const char *q = p + n;
            while (*q == ' ' || *q == '\t') q++;
            if (*q == '=' && q[1] != '=') return line;
        }
    }
    return 0;
}

/* Every line in every declared language: no script error, and no language missing. */
static void check_line(const char *key, void *ud)
{
    LineCheck *lc = ud;
    for (int i = 0; i < lc->s->nlangs; i++) {
        const char *lang = lc->s->langs[i];
        char *err = NULL;
        char *text = character_line(lc->ch, key, lang, NULL, &err);
        if (err) script_problem(lc->d, lc->ch, err);
        else if (!text)
            diag_add(lc->d, DIAG_WARNING, lc->ch->path, line_of_key(lc->ch->src, key),
                     _("line '%s' has no %s text"), key, lang);
        else if (!utf8_valid(text, strlen(text)))
            diag_add(lc->d, DIAG_ERROR, lc->ch->path, line_of_key(lc->ch->src, key),
                     _("the %s text of line '%s' is not valid UTF-8: save the script as UTF-8"), lang, key);
        free(text);
        free(err);
    }
}

/* Tell the character about a choice on each corner of its own quadrant, one without a
 * quality, and an incident; then let it choose among its corners. */
static void try_hooks(const Scenario *s, Character *ch, DiagList *d)
{
    const char *lang = scenario_fallback(s);
    const char *scene = s->nscenes ? s->scenes[0].id : "scene";
    for (int c = -1; c < CORNERS; c++) {
        for (int self = 0; self < 2; self++) {
            ReactEvent ev = {"choice", s->roles[0].id, "Test", c >= 0 ? ch->quadrant.nl[c] : NULL,
                             (Corner)c, scene, "choice", NULL, self, NULL, 0};
            char *said = NULL, *mood = NULL, *err = NULL;
            if (character_react(ch, &ev, lang, lang, &said, &mood, &err)) script_problem(d, ch, err);
            free(said); free(mood); free(err);
        }
    }
    ReactEvent incident = {"event", NULL, NULL, NULL, CORNER_NONE, scene, NULL, "event", 0, NULL, 0};
    char *said = NULL, *mood = NULL, *err = NULL;
    if (character_react(ch, &incident, lang, lang, &said, &mood, &err)) script_problem(d, ch, err);
    free(said); free(mood); free(err);
    err = NULL;
    ChooseOption opts[CORNERS];
    for (int c = 0; c < CORNERS; c++) opts[c] = (ChooseOption){corner_id((Corner)c), ch->quadrant.nl[c]};
    if (ch->has_choose && character_choose(ch, opts, CORNERS, &err) < 0) script_problem(d, ch, err);
    free(err);
}

/* chars.ROLE.FIELD in a condition or effect should name a field of that character's state;
 * a script may add fields later, so this is a warning. */
static void check_state_fields(const Scenario *s, Session *S, DiagList *d)
{
    for (int i = 0; i < s->ncode; i++) {
        for (const char *p = strstr(s->code[i].src, "chars."); p; p = strstr(p + 1, "chars.")) {
            char role[64], field[64];
            if (sscanf(p, "chars.%63[A-Za-z0-9_-].%63[A-Za-z0-9_]", role, field) != 2) continue;
            int r = scenario_role(s, role);
            if (r < 0) continue;                      /* verify.c reports unknown roles */
            json_object *state = character_state(session_character(S, r)), *v;
            if (!json_object_object_get_ex(state, field, &v))
                diag_add(d, DIAG_WARNING, s->path, s->code[i].line,
                         _("chars.%s.%s: the state of %s has no field '%s' at the start"), role, field,
                         session_role_name(S, r), field);
            json_object_put(state);
        }
    }
}

/* Every condition once, with the scenario's first values: one that fails or runs into a limit
 * is an error here, not in front of a group. A condition already reported at its line (a name
 * the scenario does not know, a field no character's state has at the start) would only fail
 * for that reason again. */
static void try_conditions(Session *S, DiagList *d)
{
    DiagList tried;
    diag_init(&tried);
    world_try_code(S->world, &tried);
    for (int i = 0; i < tried.n; i++) {
        const Diag *t = &tried.v[i];
        int known = 0;
        for (int k = 0; k < d->n && !known; k++)
            known = d->v[k].line == t->line && streq(d->v[k].file, t->file);
        if (!known) diag_add(d, DIAG_ERROR, t->file, t->line, "%s", t->message);
    }
    diag_free(&tried);
}

static void try_character(const Scenario *s, Character *ch, DiagList *d)
{
    LineCheck lc = {s, ch, d};
    character_each_line(ch, check_line, &lc);
    try_hooks(s, ch, d);
}

/* ============================== choices verbeeld takes ============================== */

/* Whether the UTF-8 bytes at p (in text, which starts at `text`) open a quotation (‘ “ ", or a
 * ' that starts a word), and if so which bytes close it. */
static const char *quote_close(const char *text, const char *p)
{
    if (*p == '"') return "\"";
    if (*p == '\'' && (p == text || strchr(" \t\n(", p[-1])) && p[1] && !strchr(" \t\n", p[1])) return "'";
    if (!strncmp(p, "\xe2\x80\x98", 3)) return "\xe2\x80\x99";
    if (!strncmp(p, "\xe2\x80\x9c", 3)) return "\xe2\x80\x9d";
    return NULL;
}

static int word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The first word of `text` outside quotations that speaks to the reader in the second person,
 * in the languages whose pronouns are known (nl, en): a fresh string, or NULL. Quoted words are
 * the character's own speech, and may say "you" to whoever they speak to; a ’ or ' followed
 * by a letter is an apostrophe (auto’s, don't), not the end of a quotation. */
static char *second_person(const char *text, const char *lang)
{
    static const char *const nl[] = {"je", "jij", "jou", "jouw", "jezelf", "jullie", NULL};
    static const char *const en[] = {"you", "your", "yours", "yourself", "yourselves", NULL};
    const char *const *words = streq(lang, "nl") ? nl : streq(lang, "en") ? en : NULL;
    if (!words) return NULL;
    const char *close = NULL;
    for (const char *p = text; *p;) {
        if (close) {
            size_t n = strlen(close);
            if (!strncmp(p, close, n)) {
                int apostrophe = (!strcmp(close, "'") || !strcmp(close, "\xe2\x80\x99")) && word_byte((unsigned char)p[n]);
                if (!apostrophe) close = NULL;
            }
            p += close ? 1 : n;
            continue;
        }
        if ((close = quote_close(text, p))) {
            p += strlen(close);
            continue;
        }
        if (!word_byte((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *start = p;
        while (word_byte((unsigned char)*p)) p++;
        size_t n = (size_t)(p - start);
        for (int i = 0; words[i]; i++)
            if (strlen(words[i]) == n && !strncasecmp(start, words[i], n)) return xstrndup(start, n);
    }
    return NULL;
}

/* A choice that verbeeld takes for a character nobody plays (a scene who="ROLE" without
 * unplayed="turn") is shown as what that character did: words written to the chooser ("You
 * say no more") would speak to the room. Each language of its words (the variant for the
 * character's own term, if it has one) that does so needs a <third>. */
static void check_third_person(const Scenario *s, Session *S, DiagList *d)
{
    for (int i = 0; i < s->nscenes; i++) {
        const Scene *sc = &s->scenes[i];
        if (sc->who < 0 || sc->unplayed_turn) continue;
        for (int j = 0; j < sc->nchoices; j++) {
            const Choice *ch = &sc->choices[j];
            if (ch->by >= 0 && ch->by != sc->who) continue;
            const Text *third;
            const Text *words = session_words(S, -1, sc->who, ch, &third);
            int line = ch->line;
            for (int k = 0; k < ch->nvariants; k++)
                if (words == &ch->variants[k].text) line = ch->variants[k].line;
            for (int k = 0; k < words->n; k++) {
                const char *lang = words->v[k].lang;
                if (text_has(third, lang)) continue;
                char *you = second_person(words->v[k].str, lang);
                if (you)
                    diag_add(d, DIAG_WARNING, s->path, line,
                             _("choice '%s' is taken by %s when nobody plays role '%s', but its %s words speak "
                               "to the one who chooses ('%s'): give it <third xml:lang=\"%s\"> with the same "
                               "words in the third person"),
                             ch->id, session_role_name(S, sc->who), s->roles[sc->who].id, lang, you, lang);
                free(you);
            }
        }
    }
}

static void try_characters(const Scenario *s, Session *S, DiagList *d)
{
    check_third_person(s, S, d);
    check_state_fields(s, S, d);
    try_conditions(S, d);                       /* before any hook changes a state */
    for (int r = 0; r < s->nroles; r++) try_character(s, session_character(S, r), d);
}

/* A scenario whose references are wrong cannot make a session, but its characters can still
 * be tried, and the lines the story has them say looked up: a designer then hears about all of
 * it in the same run. (A session that failed has looked the lines up too; diag_print says
 * each problem once.) */
static void try_characters_alone(const Scenario *s, const Lexicon *lx, DiagList *d)
{
    for (int r = 0; r < s->nroles; r++) {
        Character ch;
        if (session_load_role(&ch, s, r, lx, 0, d) == 0) {
            try_character(s, &ch, d);
            character_check_lines(&ch, s, r, d);
        }
        character_free(&ch);
    }
}

/* ============================== who the scenario serves ============================== */

/* Whether n participants who all have core quality `core` are all cast on their opposite
 * quadrant: repeated cores are the hard case for a group. */
static int casts_exactly(const Scenario *s, const Lexicon *lx, const char *const *cores,
                         const char *const *names, const char *core, int n)
{
    Cast cast = {0};
    DiagList d;
    diag_init(&d);
    for (int i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "P%d", i + 1);
        cast_add(&cast, name, core, "");
    }
    cast_assign(&cast, s, lx, cores, names, s->path, &d);
    int exact = 1;
    for (int i = 0; i < n; i++) exact &= cast.p[i].role >= 0 && cast.p[i].exact;
    cast_free(&cast);
    diag_free(&d);
    return exact;
}

/* Whether role r, played on quadrant `quad`, is offered a choice on its core quality anywhere in
 * the story: the participant's own challenge, which is what they come to practise. */
static int core_offered(const Scenario *s, int r, const Quadrant *quad)
{
    for (int i = 0; i < s->nscenes; i++) {
        const Scene *sc = &s->scenes[i];
        /* In a round or a group everyone chooses; where role who="..." is not played and the
         * scene says unplayed="turn", the participant whose turn it is. */
        if (sc->who >= 0 && sc->who != r && !sc->unplayed_turn) continue;
        for (int c = 0; c < sc->nchoices; c++) {
            const Choice *ch = &sc->choices[c];
            if (ch->by >= 0 && ch->by != r) continue;
            if (ch->corner == CORNER_CORE || (ch->quality && quadrant_corner(quad, ch->quality) == CORNER_CORE)) return 1;
        }
    }
    return 0;
}

/* A role that takes a quadrant but never offers its core quality there casts a participant on
 * their opposite quadrant in name only: every choice they make lies on another corner, or on
 * none. One warning per role, naming those quadrants. */
static void check_core_offered(const Scenario *s, const Lexicon *lx, const char *const *cores, DiagList *d)
{
    for (int r = 0; r < s->nroles; r++) {
        if (!s->roles[r].playable) continue;
        StrBuf missing;
        sb_init(&missing);
        int taken = 0, nmissing = 0;
        for (int q = 0; q < lx->n; q++) {
            const char *core = lx->q[q].nl[CORNER_CORE];
            Quadrant quad;
            if (!cast_role_takes(s, r, lx, cores[r], core) || lexicon_quadrant(lx, core, &quad)) continue;
            taken++;
            if (!core_offered(s, r, &quad) && ++nmissing)
                sb_addf(&missing, "%s%s", missing.len ? ", " : "", lexicon_name(lx, core, i18n_lang()));
        }
        if (nmissing && nmissing == taken)
            diag_add(d, DIAG_WARNING, s->path, s->roles[r].line,
                     _("role '%s' is never offered a choice on its core quality: a participant cast in it cannot "
                       "practise their challenge (give its scenes a choice with corner=\"core\")"),
                     s->roles[r].id);
        else if (nmissing)
            diag_add(d, DIAG_WARNING, s->path, s->roles[r].line,
                     _("role '%s' is never offered a choice on its core quality when it is played on the quadrant of "
                       "%s: a participant cast there cannot practise their challenge (give its scenes a choice with "
                       "corner=\"core\", or leave those quadrants out of quadrants=\"...\")"),
                     s->roles[r].id, missing.s);
        sb_free(&missing);
    }
}

/* Per playable role the quadrants it takes; then, for each core quality of the lexicon, whether
 * a participant who has it is cast on their opposite quadrant alone and in a full group of
 * participants who all have it. Each one who is not gets a warning. */
static void report_casting(const Scenario *s, const Lexicon *lx, Session *S, DiagList *d)
{
    const char **cores, **names;
    session_role_tables(S, &cores, &names);
    int playable = 0;
    printf("%s:\n", s->id);
    for (int r = 0; r < s->nroles; r++) {
        if (!s->roles[r].playable) continue;
        playable++;
        StrBuf on;
        sb_init(&on);
        int n = 0;
        for (int q = 0; q < lx->n; q++)
            if (cast_role_takes(s, r, lx, cores[r], lx->q[q].nl[CORNER_CORE]))
                sb_addf(&on, "%s%s", n++ ? ", " : "", lexicon_name(lx, lx->q[q].nl[CORNER_CORE], i18n_lang()));
        if (n == lx->n) printf(_("  %s (%s): on every quadrant\n"), s->roles[r].id, names[r]);
        else printf(_("  %s (%s): on %s\n"), s->roles[r].id, names[r], n ? on.s : "—");
        sb_free(&on);
    }
    check_core_offered(s, lx, cores, d);
    int solo = 0, group = 0;
    StrBuf not_solo, not_group;
    sb_init(&not_solo);
    sb_init(&not_group);
    for (int q = 0; q < lx->n && playable; q++) {
        const char *core = lx->q[q].nl[CORNER_CORE];
        if (casts_exactly(s, lx, cores, names, core, 1)) solo++;
        else sb_addf(&not_solo, "%s%s", not_solo.len ? ", " : "", core);
        if (playable < 2) continue;
        if (casts_exactly(s, lx, cores, names, core, playable)) group++;
        else sb_addf(&not_group, "%s%s", not_group.len ? ", " : "", core);
    }
    if (playable) {
        printf(_("  on their opposite quadrant: %d of %d core qualities alone"), solo, lx->n);
        if (playable > 1) printf(_(", %d of %d in a full group of %d with the same core quality"), group, lx->n, playable);
        printf("\n");
    }
    /* One warning each, naming the core qualities: a designer reads who is left out at once. */
    if (not_solo.len)
        diag_add(d, DIAG_WARNING, s->path, 0, _("a participant with one of these core qualities cannot play on their "
                                               "opposite quadrant, even alone (give a role quadrants=\"*\"): %s"), not_solo.s);
    if (not_group.len)
        diag_add(d, DIAG_WARNING, s->path, 0, _("%d participants who share one of these core qualities cannot all play "
                                               "on their opposite quadrant: %s"), playable, not_group.s);
    sb_free(&not_solo);
    sb_free(&not_group);
    free(cores);
    free(names);
}

/* ============================== progress ============================== */

/* A large scenario takes seconds to read and check: when stderr is a terminal, after two
 * seconds and every two seconds from then on, a line there says which scenario and what is
 * being done, so a designer sees it is working. A timer's signal writes it (write() only), over
 * the same line each time, cleared at the end. Not into a file or a pipe: what check says
 * there stays the same however fast the machine is. */
#define PROGRESS_AFTER 2

static const char *volatile progress_file, *volatile progress_step;
static time_t progress_start;
static volatile sig_atomic_t progress_shown;

static void put_text(char *buf, size_t *n, size_t cap, const char *s)
{
    while (s && *s && *n + 1 < cap) buf[(*n)++] = *s++;
}

static void on_tick(int sig)
{
    (void)sig;
    char buf[512], num[24];
    size_t n = 0;
    int secs = (int)(time(NULL) - progress_start), k = (int)sizeof num - 1;
    num[k] = '\0';
    do { num[--k] = (char)('0' + secs % 10); secs /= 10; } while (secs && k > 0);
    put_text(buf, &n, sizeof buf, "\r");
    put_text(buf, &n, sizeof buf, "verbeeld check: ");
    put_text(buf, &n, sizeof buf, progress_file);
    put_text(buf, &n, sizeof buf, ": ");
    put_text(buf, &n, sizeof buf, progress_step);
    put_text(buf, &n, sizeof buf, " (");
    put_text(buf, &n, sizeof buf, num + k);
    put_text(buf, &n, sizeof buf, " s)");
    put_text(buf, &n, sizeof buf, "\033[K");
    if (write(2, buf, n) < 0) return;
    progress_shown = 1;
}

static void progress_begin(const char *file)
{
    progress_file = file;
    if (!isatty(2)) return;
    progress_start = time(NULL);
    progress_shown = 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_tick;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval t = {{PROGRESS_AFTER, 0}, {PROGRESS_AFTER, 0}};
    setitimer(ITIMER_REAL, &t, NULL);
}

static void progress(const char *step)
{
    progress_step = step;
}

/* Stop the timer, and clear the line it wrote: before anything else is printed. */
static void progress_end(void)
{
    if (!isatty(2)) return;
    struct itimerval t = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &t, NULL);
    signal(SIGALRM, SIG_DFL);
    if (progress_shown) fputs("\r\033[K", stderr);
    progress_shown = 0;
}

/* ============================== the command ============================== */

/* Check one scenario into d. Returns 1 when it stopped at reading the file (the XML or the
 * schema): the story's references and its characters were then not checked. */
static int check_one(const char *name, const Lexicon *lx, DiagList *d)
{
    char *path = paths_find_scenario(name);
    if (!path) {
        diag_add(d, DIAG_ERROR, name, 0, _("scenario not found"));
        return 0;
    }
    DiagList sd;
    diag_init(&sd);
    progress_begin(name);
    progress(_("reading"));
    Scenario *s = load_scenario_unresolved(path, lx, &sd);
    if (s && sd.errors) {
        /* The story's graph and the names in its conditions need nothing resolved: an unknown
         * quality has nothing to do with an ending nothing leads to, and a designer fixing one
         * should hear about the other in the same run. */
        progress(_("following every way through the story"));
        verify_story(s, &sd);
        progress(_("trying the characters"));
        world_check_code(s, &sd);                /* its conditions and effects, all the same */
        try_characters_alone(s, lx, &sd);
    } else if (s) {
        progress(_("following every way through the story and the ranges of its variables"));
        verify_scenario(s, &sd);
        progress(_("trying the characters"));
        Cast cast = {0};
        Session *S = session_new(s, lx, &cast, path, scenario_fallback(s), 0, &sd);
        if (S) try_characters(s, S, &sd);
        else try_characters_alone(s, lx, &sd);  /* the others' hooks all the same */
        progress_end();                 /* the casting is printed, and quick */
        if (S && !sd.errors) report_casting(s, lx, S, &sd);
        session_free(S);
        cast_free(&cast);
    }
    progress_end();
    int stopped = !s && sd.errors;
    diag_append(d, &sd);
    diag_free(&sd);
    scenario_free(s);
    free(path);
    return stopped;
}

int cmd_check(int argc, char **argv)
{
    /* Options before or after the scenarios, as every other command takes them ("check school
     * --werror" was read as a scenario named --werror); after "--" every word is a scenario. */
    int werror = 0, nscenarios = 0, options = 1;
    char **scenarios = xcalloc((size_t)argc, sizeof *scenarios);
    for (int i = 1; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0) options = 0;
        else if (!options || argv[i][0] != '-') scenarios[nscenarios++] = argv[i];
        else if (strcmp(argv[i], "--werror") == 0) werror = 1;
        else if (strcmp(argv[i], "--lang") == 0 || strncmp(argv[i], "--lang=", 7) == 0) {
            const char *lang = argv[i][6] == '=' ? argv[i] + 7 : i + 1 < argc ? argv[++i] : "";
            if (!i18n_known(lang)) return free(scenarios), usage_error("check", _("--lang takes nl or en, not '%s'"), lang);
            i18n_init(lang);
        }
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return free(scenarios), usage_help("check"), 0;
        else return free(scenarios), usage_error("check", _("unknown option '%s'"), argv[i]);
    }
    if (!nscenarios) {
        free(scenarios);
        return usage_error("check", "%s", _("name at least one scenario"));
    }
    DiagList d;
    diag_init(&d);
    Lexicon lx;
    int stopped = 0;
    if (lexicon_load(&lx, paths_lexicon(), &d) == 0)
        for (int i = 0; i < nscenarios; i++) stopped += check_one(scenarios[i], &lx, &d);
    free(scenarios);
    diag_print(&d, stderr);
    /* said, so that fixing these is not followed by a new crop of errors as a surprise */
    if (stopped) fprintf(stderr, "%s\n", _("The story's references and its characters are checked once the file is "
                                           "well-formed XML that matches the schema."));
    int rc = d.errors || (werror && d.warnings) ? 1 : 0;
    if (!rc) {
        printf(ngettext("%d scenario checked: ", "%d scenarios checked: ", nscenarios), nscenarios);
        printf(ngettext("no errors, %d warning.\n", "no errors, %d warnings.\n", d.warnings), d.warnings);
    } else {
        fprintf(stderr, ngettext("%d error, ", "%d errors, ", d.errors), d.errors);
        fprintf(stderr, ngettext("%d warning.\n", "%d warnings.\n", d.warnings), d.warnings);
    }
    diag_free(&d);
    lexicon_free(&lx);
    return rc;
}
