/*
 * people.c - "@name" at the prompt: matched case-insensitively against the participants'
 * names and their characters' names, so "@sanne" and "@Lies" both find Sanne playing Lies.
 */
#include "console/people.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "console/term.h"

/* The length in `s` of the name `name` (its first n bytes) at the start of `s`, ended by a blank
 * or the end, in any case ("@CHLOÉ" finds Chloé); 0 when `s` does not start with it. */
static size_t starts_with_name(const char *s, const char *name, size_t n)
{
    size_t k = n ? utf8_case_prefix(s, name, n) : 0;
    return k && (s[k] == ' ' || s[k] == '\t' || !s[k]) ? k : 0;
}

/* The longest of participant p's names that `s` starts with, or 0. */
static size_t match(Play *P, int i, const char *s)
{
    const Participant *p = &P->cast.p[i];
    const char *character = p->role >= 0 && P->S ? session_role_name(P->S, p->role) : NULL;
    size_t best = starts_with_name(s, p->name, strlen(p->name));
    if (character) {
        size_t full = starts_with_name(s, character, strlen(character));
        size_t first = starts_with_name(s, character, strcspn(character, " "));
        if (full > best) best = full;
        if (first > best) best = first;
    }
    return best;
}

void people_list(Play *P)
{
    for (int i = 0; i < P->cast.n; i++) {
        const Participant *p = &P->cast.p[i];
        int pad = 12 - (int)utf8_width(p->name, strlen(p->name));     /* "Chloé" is 5 wide, 6 bytes */
        if (p->role >= 0 && P->S) term_printf("  @%s%*s %s\n", p->name, pad > 0 ? pad : 0, "", session_role_name(P->S, p->role));
        else term_printf("  @%s\n", p->name);
    }
}

int people_named(Play *P, const char *arg, const char **rest)
{
    *rest = arg;
    if (*arg != '@') return PEOPLE_NONE;
    const char *s = arg + 1;
    int found = PEOPLE_UNKNOWN, tie = 0;
    size_t best = 0;
    for (int i = 0; i < P->cast.n; i++) {
        size_t n = match(P, i, s);
        if (n > best) {
            best = n;
            found = i;
            tie = 0;
        } else if (n && n == best) {
            tie = 1;          /* two who play the same character: only their own names tell them apart */
        }
    }
    if (found < 0 || tie) {
        size_t len = strcspn(s, " \t");
        char *msg = xasprintf(tie ? _("@%.*s can be more than one person. These are here:")
                                  : _("Nobody here is called @%.*s. These are here:"), (int)len, s);
        term_alert(msg);
        free(msg);
        people_list(P);
        return PEOPLE_UNKNOWN;
    }
    *rest = s + best;
    while (**rest == ' ' || **rest == '\t') (*rest)++;
    return found;
}
