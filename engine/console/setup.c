/*
 * setup.c - around the story: before the first scene the solo setup, the casting shown with its
 * reasons, making a character one's own and each participant's card pick; after the last scene,
 * each participant's anchor.
 */
#include "console/setup.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>
#include <libxml/tree.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "console/term.h"

/* Ask until a non-empty answer (or, with allow_empty, any answer). NULL at end of input. */
static char *ask(const char *question, int allow_empty)
{
    for (;;) {
        char *line = term_read(question);
        if (!line) return NULL;
        if (term_interactive() && streq(line, "/pause")) {     /* Ctrl-C: not an answer, ask again */
            free(line);
            continue;
        }
        char *clean = clean_text(line);
        free(line);
        char *p = clean;
        while (*p == ' ') p++;
        size_t n = strlen(p);
        while (n && p[n - 1] == ' ') p[--n] = '\0';
        if (n || allow_empty) {
            char *answer = xstrdup(p);
            free(clean);
            return answer;
        }
        free(clean);
    }
}

/* A learning goal, asked with `question`. On a terminal an empty one is asked once more, with
 * why it matters: the debrief and the return afternoon are built around it. Enter again (or
 * piped input, which is not asked twice) plays without one. NULL at end of input. */
static char *ask_goal(const char *question)
{
    char *goal = ask(question, 1);
    if (goal && !*goal && term_interactive()) {
        term_notice(_("The debrief is built around a learning goal: what you want to practise, in a few words. "
                      "Enter again plays without one."));
        free(goal);
        goal = ask(question, 1);
    }
    return goal;
}

static void collect_term(const char *t, void *ud)
{
    StrBuf *b = ud;
    sb_add(b, t);
    sb_addc(b, '\n');
}

/* Tab completion over the core qualities in the session's language: only what the question
 * accepts (a pitfall or an allergy offered by Tab and then refused puzzles a participant). A
 * quality typed in the other language is still understood. */
static const char **core_words(const Lexicon *lx)
{
    StrBuf b;
    sb_init(&b);
    lexicon_each_core(lx, i18n_lang(), collect_term, &b);
    int n = 0;
    for (size_t i = 0; i < b.len; i++) n += b.s[i] == '\n';
    const char **words = xcalloc((size_t)n + 1, sizeof *words);
    char *all = sb_take(&b), *save = NULL;
    int k = 0;
    for (char *w = strtok_r(all, "\n", &save); w; w = strtok_r(NULL, "\n", &save)) words[k++] = w;
    return words;      /* words[0] owns the buffer */
}

static void show_quadrant(const Lexicon *lx, const char *heading, const Quadrant *q)
{
    const char *lang = i18n_lang();
    const char *const *names = streq(lang, "en") ? q->en : q->nl;
    term_printf("%s\n", heading);
    for (int c = 0; c < CORNERS; c++) term_entry(corner_label((Corner)c), 16, names[c]);
    (void)lx;
}

/* The core qualities that begin with `answer` in the session's language, else in the other
 * (a Dutch word in an English session); else with the word's stem, shortened a letter at a
 * time to three fifths of it, so that the adjective finds its noun ("patient": patience,
 * "geduldig": geduld, "flexibel": flexibiliteit). Returns how many, named in `b`. */
static int cores_like(const Lexicon *lx, const char *answer, StrBuf *b)
{
    const char *langs[] = {i18n_lang(), streq(i18n_lang(), "en") ? "nl" : "en"};
    size_t len = strlen(answer), shortest = len * 3 / 5 > 4 ? len * 3 / 5 : 4;
    for (size_t n = len; n >= shortest && n > 0; n--) {
        char *stem = xstrndup(answer, n);
        int found = 0;
        for (int k = 0; k < 2 && !found; k++) found = lexicon_cores_starting(lx, langs[k], stem, b);
        free(stem);
        if (found) return found;
    }
    return 0;
}

/* What to tell someone whose answer is no core quality: those that begin with what they typed
 * ("zorg": zorgzaamheid, zorgvuldigheid; one Tab completes neither), or with its stem, or else
 * all of them. Returns the one term it suggests, which Enter or a yes then takes, or NULL. */
static char *core_hint(const Lexicon *lx, const char *answer)
{
    StrBuf b;
    sb_init(&b);
    int found = cores_like(lx, answer, &b);
    const char *id = found == 1 ? lexicon_term(lx, b.s) : NULL;
    if (id) {                                 /* named as the session names it */
        b.len = 0;
        sb_add(&b, lexicon_name(lx, id, i18n_lang()));
    }
    char *msg;
    if (found == 1) {
        msg = xasprintf(_("Did you mean %s? Enter takes it."), b.s);
    } else if (found) {
        msg = xasprintf(_("Did you mean: %s?"), b.s);
    } else {
        lexicon_cores(lx, i18n_lang(), &b);
        msg = xasprintf(_("‘%s’ is not a core quality in the lexicon; it knows: %s"), answer, b.s);
    }
    term_alert(msg);
    free(msg);
    char *only = found == 1 ? sb_take(&b) : NULL;
    sb_free(&b);
    return only;
}

/* Whether an answer to "Did you mean ...?" says yes: Enter, or yes in either language (a
 * Dutch participant answers "ja" in an English session too). */
static int says_yes(const char *answer)
{
    static const char *const yes[] = { "", "ja", "j", "yes", "y", "ok" };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!strcasecmp(answer, yes[i])) return 1;
    return 0;
}

/* A core quality, asked with `question` until the lexicon knows it (Tab completes; "Did you
 * mean ...?" on a near miss). NULL at end of input. */
static char *ask_core(Play *P, const char *question, Quadrant *own)
{
    const char **words = core_words(P->lx);
    term_set_completions(words);
    char *core = NULL, *suggested = NULL;
    while (!core) {
        char *answer = ask(question, suggested != NULL);
        if (!answer) break;
        int took = suggested && says_yes(answer);
        const char *id = lexicon_term(P->lx, took ? suggested : answer);
        free(suggested);
        suggested = NULL;
        if (id && lexicon_quadrant(P->lx, id, own) == 0) {
            core = xstrdup(id);
            if (took) {                /* Enter left the line empty: say what was taken */
                char *msg = xasprintf(_("Taken: %s."), lexicon_name(P->lx, id, i18n_lang()));
                term_notice(msg);
                free(msg);
            }
        }
        else suggested = core_hint(P->lx, answer);
        free(answer);
    }
    free(suggested);
    term_set_completions(NULL);
    if (words[0]) free((char *)words[0]);
    free(words);
    return core;
}

/* The names typed at the first question: one, or a group's separated by commas (trimmed, empty
 * ones and repeats left out). Returns how many, into names (each fresh). */
static int split_names(const char *typed, char ***names)
{
    int n = 0;
    *names = NULL;
    char *copy = xstrdup(typed);
    for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
        while (*tok == ' ') tok++;
        size_t len = strlen(tok);
        while (len && tok[len - 1] == ' ') tok[--len] = '\0';
        int seen = !len;
        for (int k = 0; k < n && !seen; k++) seen = !strcasecmp((*names)[k], tok);
        if (seen) continue;
        *names = xrealloc(*names, (size_t)(n + 1) * sizeof **names);
        (*names)[n++] = xstrdup(tok);
    }
    free(copy);
    return n;
}

/* One participant of a group typed in by the trainer: their core quality and goal, asked by
 * name. Returns 0, or -1 at end of input. */
static int ask_member(Play *P, const char *name)
{
    Quadrant own;
    char *question = xasprintf(_("%s: core quality? (Tab completes) "), name);
    char *core = ask_core(P, question, &own);
    free(question);
    if (!core) return -1;
    question = xasprintf(_("%s: learning goal? "), name);
    char *goal = ask_goal(question);
    free(question);
    if (!goal) {
        free(core);
        return -1;
    }
    cast_add(&P->cast, name, core, goal);
    free(core);
    free(goal);
    return 0;
}

int setup_people(Play *P)
{
    term_heading(_("Before you start"));
    char **names;
    int n = 0, rc = 0;
    while (n == 0) {                  /* "," alone names nobody: ask again */
        char *typed = ask(_("What is your name? (A group: every name, with commas) "), 0);
        if (!typed) return -1;
        n = split_names(typed, &names);
        free(typed);
    }
    if (n > 1) {
        for (int i = 0; i < n && !rc; i++) rc = ask_member(P, names[i]);
        term_blank();
        for (int i = 0; i < n; i++) free(names[i]);
        free(names);
        return rc;
    }
    char *name = names[0];
    free(names);
    Quadrant own;
    /* The examples in the language of the session: an English setup suggests English terms. */
    char *question = xasprintf(_("What is your core quality? (Tab completes; for example %s, %s) "),
                               lexicon_name(P->lx, "verbinden", i18n_lang()), lexicon_name(P->lx, "directheid", i18n_lang()));
    char *core = ask_core(P, question, &own);
    free(question);
    if (!core) {
        free(name);
        return -1;
    }
    char *goal = ask_goal(_("What is your learning goal? "));
    if (!goal) {
        free(name);
        free(core);
        return -1;
    }
    term_blank();
    show_quadrant(P->lx, _("Your core quadrant:"), &own);
    Quadrant opposite = quadrant_opposite(&own);
    show_quadrant(P->lx, _("The quadrant of your character (your opposite):"), &opposite);
    term_blank();
    cast_add(&P->cast, name, core, goal);
    free(name);
    free(core);
    free(goal);
    return 0;
}

/* Alone at the terminal, the participant reads their character here: the role's brief, then
 * how a character with this core quality talks and stands (the lexicon's portrait). In a group
 * the briefs are private and go on paper (verbeeld sheets). */
void setup_show_brief(Play *P, const Participant *p)
{
    const char *brief = text_get(&P->s->roles[p->role].brief, i18n_lang(), scenario_fallback(P->s));
    const char *portrait = lexicon_portrait(P->lx, p->character_core, i18n_lang());
    if (*brief) term_text(brief);
    if (p->about) term_text(p->about);
    if (portrait) term_text(portrait);
}

/* "Ronnie Verbeek — De voetbalouder: ...": a role's character and its title in the session's
 * language. A dash, not a comma: a title that opens with "De voetbalouder" reads as a new
 * phrase. Fresh. */
static char *role_and_title(Play *P, int r)
{
    const Character *ch = session_character(P->S, r);
    const char *title = streq(i18n_lang(), "en") ? ch->title_en : ch->title_nl;
    return xasprintf("%s%s%s", session_role_name(P->S, r), *title ? " — " : "", title);
}

void setup_show_cast(Play *P)
{
    term_heading(_("Who plays whom"));
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *p = &P->cast.p[i];
        char *who = role_and_title(P, p->role);
        char *line = xasprintf("%s → %s", p->name, who);
        free(who);
        term_alert(line);             /* wrapped at words, as every line of the console */
        free(line);
        if (P->cast.n == 1) {            /* alone: said to them, not about them */
            char *practice = cast_practice(P->lx, p, i18n_lang());
            term_notice(practice);
            free(practice);
        } else if (p->reason) {
            term_notice(p->reason);
        }
        term_blank();
        if (P->cast.n == 1) setup_show_brief(P, p);
    }
}

/* ============================== cards ============================== */

/* The participant who holds card `id`, or NULL. */
static const Participant *card_holder(Play *P, const char *id)
{
    for (int i = 0; i < P->cast.n; i++)
        if (streq(P->cast.p[i].card, id)) return &P->cast.p[i];
    return NULL;
}

/* The card `typed` names: its number in the deck, or its name as the posters show it (any
 * case); -1 when neither. */
static int typed_card(const Deck *deck, const char *typed, const char *lang)
{
    char *end;
    long k = strtol(typed, &end, 10);
    while (*end == ' ' || *end == '\t') end++;        /* as at the choices: "1 " is 1 */
    if (end != typed && *end == '\0') return k >= 1 && k <= deck->ncards ? (int)k - 1 : -1;
    char *name = fold_space(typed);
    int found = deck_card_named(deck, name, lang);
    free(name);
    return found;
}

/* A deck this small is listed whole at every pick. */
#define SHORT_DECK 8

/* A card keeps its number in the deck from one participant's pick to the next, so that a group
 * reading numbers off an earlier list still picks the card it means; the taken ones are left
 * out of the list and named when typed. */
static int pick_card(Play *P, Participant *p, const Pick *pick)
{
    const Deck *deck = &P->s->decks[pick->deck];
    const char *lang = P->S->lang, *fb = scenario_fallback(P->s);
    int free_cards = 0;
    for (int k = 0; k < deck->ncards; k++)
        if (!card_holder(P, deck->cards[k].id)) free_cards++;
    if (free_cards == 0) return 0;
    const char *question = text_get(&pick->text, lang, fb);
    if (free_cards == deck->ncards || free_cards <= SHORT_DECK) {
        term_heading(*question ? question : text_get(&deck->title, lang, fb));
        for (int k = 0; k < deck->ncards; k++) {
            const Card *c = &deck->cards[k];
            if (card_holder(P, c->id)) continue;
            const char *name = deck_card_name(c, lang);
            char *label = c->age >= 0 ? xasprintf(_("%s (%d) — %s"), name, c->age, text_get(&c->title, lang, fb))
                                      : xasprintf("%s — %s", name, text_get(&c->title, lang, fb));
            term_choice(k + 1, label);
            free(label);
        }
    } else {
        /* After the first pick of a large deck the free cards by number and name only (a number
         * and its name kept together on a line), so that the card just picked, its picture and
         * its note, stays on the screen for the room. */
        StrBuf left = {0};
        for (int k = 0; k < deck->ncards; k++)
            if (!card_holder(P, deck->cards[k].id))
                sb_addf(&left, "%s%d\u00a0%s", left.len ? ", " : "", k + 1, deck_card_name(&deck->cards[k], lang));
        char *line = xasprintf(_("Still free: %s."), left.s);
        term_text(line);
        free(line);
        sb_free(&left);
    }
    term_blank();
    char *prompt = xasprintf(_("%s, pick a card — "), p->name);
    int rc = -1;
    for (;;) {
        char *line = term_read(prompt);
        if (line && streq(line, "/quit")) {         /* as the end of input: who plays is kept */
            free(line);
            line = NULL;
        }
        if (!line) break;
        if (line[0] == '/') {                       /* /help, /cast...: they answered "type a card" */
            free(line);
            term_alert(_("First a card: the commands work once the story begins. /quit stops here, and who plays is "
                         "kept."));
            continue;
        }
        int k = typed_card(deck, line, lang);
        free(line);
        const Card *c = k >= 0 ? &deck->cards[k] : NULL;
        const Participant *holder = c ? card_holder(P, c->id) : NULL;
        if (holder) {
            char *taken = xasprintf(_("%s already has %s: pick another card."), holder->name,
                                    deck_card_name(c, lang));
            term_alert(taken);
            free(taken);
            continue;
        }
        if (c) {
            p->card = xstrdup(c->id);
            if (c->art) term_printf("\n%s\n", c->art);
            term_text(text_get(&c->text, lang, fb));
            rc = 0;
            break;
        }
        term_alert(_("Type the number or the name of a card."));
    }
    free(prompt);
    return rc;
}

int setup_picks(Play *P)
{
    for (int k = 0; k < P->s->npicks; k++)
        for (int i = 0; i < P->cast.n; i++)
            if (!P->cast.p[i].card && pick_card(P, &P->cast.p[i], &P->s->picks[k])) return -1;
    return 0;
}

/* ============================== making a character one's own ============================== */

/* The roles participant p may choose: the one the cast gave p (Enter keeps it, own or not),
 * and those one makes one's own, free and played on p's opposite quadrant. */
static int own_roles(Play *P, const Participant *p, int *roles)
{
    int n = 0;
    const char *want = cast_opposite_core(P->lx, p->core);
    for (int r = 0; r < P->s->nroles; r++) {
        const Role *role = &P->s->roles[r];
        int free_role = cast_player_of(&P->cast, r) < 0;
        const char *script = session_character(P->S, r)->script_term;
        if (r == p->role || (role->playable && role->own && free_role && cast_role_takes(P->s, r, P->lx, script, want)))
            roles[n++] = r;
    }
    return n;
}

static int choose_role(Play *P, Participant *p)
{
    int *roles = xcalloc((size_t)P->s->nroles + 1, sizeof *roles), n = own_roles(P, p, roles), at = 0;
    term_heading(_("Who is your character?"));
    for (int k = 0; k < n; k++) {
        char *line = role_and_title(P, roles[k]);
        term_choice(k + 1, line);
        free(line);
        if (roles[k] == p->role) at = k + 1;
    }
    term_blank();
    char *prompt = xasprintf(_("Type a number (Enter keeps %d): "), at);
    int chosen = -1;
    while (chosen < 0) {
        char *answer = ask(prompt, 1);
        if (!answer) break;
        char *end;
        long k = strtol(answer, &end, 10);
        if (!*answer) chosen = p->role;
        else if (end != answer && !*end && k >= 1 && k <= n) chosen = roles[k - 1];
        else term_alert(_("Type the number of a character, or press Enter."));
        free(answer);
    }
    free(prompt);
    free(roles);
    if (chosen < 0) return -1;
    if (chosen != p->role) session_recast(P->S, (int)(p - P->cast.p), chosen, 0);
    return 0;
}

int setup_own_character(Play *P)
{
    if (P->cast.n != 1 || P->cast.p[0].role < 0) return 0;
    int any = 0;
    for (int r = 0; r < P->s->nroles; r++) any |= P->s->roles[r].playable && P->s->roles[r].own;
    if (!any) return 0;
    Participant *p = &P->cast.p[0];
    if (choose_role(P, p)) return -1;
    if (!P->s->roles[p->role].own) return 0;
    char *q = xasprintf(_("Your character's name (Enter keeps %s): "), session_role_name(P->S, p->role));
    char *name = ask(q, 1);
    free(q);
    if (!name) return -1;
    char *about = ask(_("One sentence more on who your character is (Enter skips): "), 1);
    if (!about) {
        free(name);
        return -1;
    }
    if (*name) p->own_name = name;
    else free(name);
    if (*about) p->about = about;
    else free(about);
    session_recast(P->S, 0, p->role, 0);   /* the reason names the character as it is called now */
    term_blank();
    return 0;
}

/* ============================== after the last scene ============================== */

void setup_anchors(Play *P)
{
    term_blank();
    /* an instruction, wrapped flush: a hanging indent reads as a character's line */
    term_text(P->cast.n == 1
                    ? _("Before the debrief: anchor what you found. A posture, an object or a piece of music that "
                        "holds it, in one line (Enter skips).")
                    : _("Before the debrief: each of you, anchor what you found. A posture, an object or a piece of "
                        "music that holds it, in one line (Enter skips)."));
    for (int i = 0; i < P->cast.n; i++) {
        char *prompt = xasprintf(_("%s, your anchor: "), P->cast.p[i].name);
        char *text = ask(prompt, 1);
        free(prompt);
        if (!text) return;
        size_t n = strlen(text);
        if (*text == '/' || (n && strspn(text, "0123456789") == n)) {
            /* A command, or a choice's number typed once too often: no anchor. */
            if (*text != '/') term_alert(_("That is a number. Name your anchor in words, or press Enter."));
            free(text);
            i--;
            continue;
        }
        if (*text) {
            play_record(P, &(JournalRecord){.kind = REC_ANCHOR, .who = P->cast.p[i].name, .text = text});
        }
        free(text);
    }
}

/* ============================== the cast file ============================== */

void setup_write_cast(Play *P, const char *path)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"cast");
    xmlNewNs(root, (const xmlChar *)"urn:verbeeld:cast:1", NULL);
    xmlSetProp(root, (const xmlChar *)"scenario", (const xmlChar *)P->s->id);
    xmlDocSetRootElement(doc, root);
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *p = &P->cast.p[i];
        xmlNodePtr n = xmlNewChild(root, NULL, (const xmlChar *)"participant", NULL);
        xmlSetProp(n, (const xmlChar *)"name", (const xmlChar *)p->name);
        xmlSetProp(n, (const xmlChar *)"core", (const xmlChar *)p->core);
        xmlSetProp(n, (const xmlChar *)"goal", (const xmlChar *)p->goal);
        if (p->role >= 0) xmlSetProp(n, (const xmlChar *)"role", (const xmlChar *)P->s->roles[p->role].id);
        if (p->card) xmlSetProp(n, (const xmlChar *)"card", (const xmlChar *)p->card);
        if (p->own_name) xmlSetProp(n, (const xmlChar *)"character", (const xmlChar *)p->own_name);
        if (p->about) xmlSetProp(n, (const xmlChar *)"about", (const xmlChar *)p->about);
    }
    /* names and learning goals: as private as the journal it sits beside (0600) */
    xmlChar *text = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(doc, &text, &len, "UTF-8", 1);
    xmlFreeDoc(doc);
    int fd = text ? open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600) : -1;
    if (fd >= 0) {
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            fchmod(fd, 0600);
            if (write_all(fd, text, (size_t)len)) {}     /* only a convenience: the journal has the cast */
        }
        close(fd);
    }
    xmlFree(text);
}
