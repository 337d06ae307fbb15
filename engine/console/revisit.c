/*
 * revisit.c - the return afternoon at the console: recaps of the first session, ratings of the
 * learning goal before and after, and the return session started from its journal.
 */
#include "console/revisit.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "console/term.h"

/* ============================== ratings ============================== */

char *revisit_statement(const char *goal)
{
    return goal && *goal ? xasprintf(_("I can do this now: %s"), goal)
                         : xstrdup(_("I can do now what I came here to learn"));
}

/* One participant's rating: 1 to 10, 0 for Enter (skipped), -1 at the end of input. */
static int ask_rating(const char *name)
{
    char *prompt = xasprintf(_("%s, 1 to 10: "), name);
    int rating = -1;
    for (;;) {
        char *line = term_read(prompt);
        if (!line) break;
        char *p = line, *end;
        while (*p == ' ' || *p == '\t') p++;
        long k = strtol(p, &end, 10);
        while (*end == ' ' || *end == '\t') end++;
        int empty = !*p;
        int ok = end != p && !*end && k >= 1 && k <= 10;
        free(line);
        if (empty || ok) {
            rating = empty ? 0 : (int)k;
            break;
        }
        term_alert(_("A number from 1 (not at all) to 10 (completely), or Enter to skip."));
    }
    free(prompt);
    return rating;
}

void revisit_rate(Play *P, const char *moment)
{
    term_blank();
    term_notice(streq(moment, "before")
                    ? _("Before we play: how true is this statement for you now? 1 is not at all, 10 is completely "
                        "(Enter skips).")
                    : _("Before the debrief: the same statement once more. How true is it for you now, 1 to 10 "
                        "(Enter skips)?"));
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *p = &P->cast.p[i];
        char *statement = revisit_statement(p->goal);
        char *line = xasprintf("%s: \u201c%s\u201d", p->name, statement);
        term_text(line);
        free(line);
        int rating = ask_rating(p->name);
        if (rating > 0) {
            play_record(P, &(JournalRecord){.kind = REC_RATING, .name = p->name, .moment = moment,
                                            .rating = rating, .text = statement});
        }
        free(statement);
        if (rating < 0) break;
    }
    if (streq(moment, "before")) P->rate = 1;
}

/* ============================== the recap ============================== */

void revisit_recap(Play *P, const JournalRecord *r, const char *fell_back, int listed)
{
    StrBuf b;
    sb_init(&b);
    sb_addf(&b, "%s (%s)", r->name, r->character ? r->character : r->role ? r->role : "?");
    term_heading(b.s);
    sb_free(&b);
    sb_init(&b);
    if (r->goal && *r->goal) sb_addf(&b, _("Learning goal: %s"), r->goal);
    else sb_add(&b, _("No learning goal was given."));
    sb_add(&b, "\n");
    sb_addf(&b, _("Anchor: %s"), r->anchor && *r->anchor ? r->anchor : _("none named"));
    sb_add(&b, "\n");
    /* "0 times" read as a count nobody made: a corner never taken is said as never */
    int fell = r->corners[2] + r->corners[3];
    if (r->corners[0])
        sb_addf(&b, ngettext("Played their challenge %d time", "Played their challenge %d times", r->corners[0]),
                r->corners[0]);
    else
        sb_add(&b, _("Did not play their challenge"));
    if (r->corners[1])
        sb_addf(&b, ngettext(", overshot into their allergy %d time", ", overshot into their allergy %d times",
                             r->corners[1]), r->corners[1]);
    else
        sb_add(&b, _(", never overshot into their allergy"));
    if (fell) sb_addf(&b, ngettext(", fell back %d time", ", fell back %d times", fell), fell);
    else sb_add(&b, _(", never fell back"));
    /* three scenes at most: with more falls than that, they are the first, not all */
    if (fell_back && *fell_back) sb_addf(&b, listed < fell ? _(", first in: %s") : _(": %s"), fell_back);
    if (!strchr(".?!", b.s[b.len - 1])) sb_add(&b, ".");   /* a title may end the sentence */
    if (r->before || r->after) {
        sb_add(&b, "\n");
        sb_addf(&b, _("Their statement then: %d before, %d after."), r->before, r->after);
    }
    term_text(b.s);
    sb_free(&b);
    play_record(P, r);
}

/* ============================== starting ============================== */

double *revisit_values(const Scenario *s, const JournalRecord *then)
{
    double *v = xcalloc((size_t)s->nvars + 1, sizeof *v);
    for (int k = 0; k < s->nvars; k++) v[k] = s->vars[k].value;
    for (int k = 0; k < then->nvars; k++) {
        int var = scenario_var(s, then->vars[k].name);
        if (var >= 0) v[var] = then->vars[k].value;
    }
    return v;
}

/* The return block a then entry names, else the one for its ending. */
static int return_block(const Scenario *s, const JournalRecord *then)
{
    for (int a = 0; then->act && a < s->nacts; a++)
        if (s->acts[a].ret && streq(s->acts[a].id, then->act)) return a;
    return scenario_return_for(s, then->ending);
}

void revisit_start(Play *P, const JournalLog *log)
{
    for (int i = 0; log && i < log->n; i++) {
        JournalRecord e;
        record_read(log->v[i], &e);
        if (e.kind == REC_RATING && streq(e.moment, "before")) P->rate = 1;
        int act = e.kind == REC_THEN ? return_block(P->s, &e) : -1;
        if (act >= 0) {
            double *values = revisit_values(P->s, &e);
            session_set_return(P->S, act, values);
            free(values);
        }
        record_free(&e);
    }
    session_start(P->S);
}
