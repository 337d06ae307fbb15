/*
 * i18n.h - the language of the program's messages (gettext) and of scenario texts.
 *
 * The language follows --lang, then LANGUAGE/LC_ALL/LC_MESSAGES/LANG; Dutch is the default.
 */
#ifndef VB_I18N_H
#define VB_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Where the message catalogs are (the locale folder); call before i18n_init. */
void i18n_set_catalog_dir(const char *dir);
/* Set up gettext for `lang` ("nl" or "en"; NULL to follow the environment). */
void i18n_init(const char *lang);
/* The language in use: "nl" or "en". */
const char *i18n_lang(void);
/* Whether a language code is one verbeeld speaks. */
int i18n_known(const char *lang);

#endif
