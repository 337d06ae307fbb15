/*
 * i18n.c - choosing the language and pointing gettext at the catalogs.
 *
 * The catalogs are found next to the program when it runs from the source tree
 * (build/locale) and in the installed locale directory otherwise.
 */
#include "base/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>


static char current[8] = "nl";

int i18n_known(const char *lang)
{
    return lang && (strcmp(lang, "nl") == 0 || strcmp(lang, "en") == 0);
}

/* The first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that names nl or en. */
static const char *lang_from_env(void)
{
    static const char *vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v) continue;
        if (strncmp(v, "nl", 2) == 0) return "nl";
        if (strncmp(v, "en", 2) == 0) return "en";
        if (strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0) continue;
    }
    return "nl";
}

/* Where the catalogs are; NULL leaves it to gettext. paths.c knows the folder and uses
 * i18n for its own messages, so the folder is handed down rather than asked for. */
static const char *catalog_dir;

void i18n_set_catalog_dir(const char *dir)
{
    catalog_dir = dir;
}

void i18n_init(const char *lang)
{
    const char *chosen = i18n_known(lang) ? lang : lang_from_env();
    strcpy(current, chosen);

    /* gettext ignores LANGUAGE in the plain C locale; C.UTF-8 always exists on glibc and
     * also gives wcwidth the character tables that wrapping needs. */
    const char *loc = setlocale(LC_ALL, "");
    if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
        setlocale(LC_ALL, "C.UTF-8");
    /* Numbers in journals and JSON are written with a decimal point, whatever the locale. */
    setlocale(LC_NUMERIC, "C");
    setenv("LANGUAGE", current, 1);
    if (catalog_dir) bindtextdomain("verbeeld", catalog_dir);
    bind_textdomain_codeset("verbeeld", "UTF-8");
    textdomain("verbeeld");
}

const char *i18n_lang(void)
{
    return current;
}
