/*
 * luanames.c - the names a piece of Lua reads from its environment, found by reading its words
 * as Lua's lexer would (strings, long brackets, comments and numbers passed over).
 */
#include "base/luanames.h"

#include <ctype.h>
#include <string.h>

static const char *const keywords[] = {
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
    "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while", NULL};

static int is_word(const char *word, size_t n, const char *w)
{
    return strlen(w) == n && !memcmp(word, w, n);
}

static int is_keyword(const char *word, size_t n)
{
    for (const char *const *k = keywords; *k; k++)
        if (is_word(word, n, *k)) return 1;
    return 0;
}

/* Past a string or a comment at `p` (a quote, `[[`, `[=[` or `--`), or `p` itself when none
 * begins there; an unclosed one runs to the end. */
static const char *skip_literal(const char *p)
{
    if (*p == '"' || *p == '\'') {
        char q = *p++;
        while (*p && *p != q) p += (*p == '\\' && p[1]) ? 2 : 1;
        return *p ? p + 1 : p;
    }
    int comment = p[0] == '-' && p[1] == '-';
    const char *b = comment ? p + 2 : p;
    if (*b == '[') {
        size_t level = strspn(b + 1, "=");
        if (b[1 + level] == '[') {
            const char *q = b + 2 + level;
            for (; *q; q++)
                if (*q == ']' && strspn(q + 1, "=") >= level && q[1 + level] == ']') return q + 2 + level;
            return q;
        }
    }
    return comment ? p + strcspn(p, "\n") : p;
}

int luanames_each(const char *src, int (*fn)(const char *name, size_t n, void *ud), void *ud)
{
    const char *prev = "";               /* the last character that was no space, or "" */
    for (const char *p = src; *p;) {
        const char *after = skip_literal(p);
        if (after != p) {
            prev = after - 1;
            p = after;
            continue;
        }
        if (isdigit((unsigned char)*p)) {                 /* 2.5, 1e5, 0x1F */
            while (isalnum((unsigned char)*p) || *p == '.' || *p == '_') p++;
            prev = p - 1;
            continue;
        }
        if (!isalpha((unsigned char)*p) && *p != '_') {
            if (!isspace((unsigned char)*p)) prev = p;
            p++;
            continue;
        }
        const char *word = p;
        while (isalnum((unsigned char)*p) || *p == '_') p++;
        size_t n = (size_t)(p - word);
        /* a field: after `.` (not the `..` that joins strings) or `:` */
        int field = (*prev == '.' && (prev == src || prev[-1] != '.')) || *prev == ':';
        prev = p - 1;
        if (is_word(word, n, "function") || is_word(word, n, "local")) return 0;
        const char *next = p + strspn(p, " \t\r\n");
        int key = next[0] == '=' && next[1] != '=';      /* a table's key, or a name set */
        if (field || key || is_keyword(word, n)) continue;
        int rc = fn(word, n, ud);
        if (rc) return rc;
    }
    return 0;
}
