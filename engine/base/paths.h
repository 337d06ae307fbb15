/*
 * paths.h - where verbeeld's data lives: the source tree when run from build/, the installed
 * data directory otherwise (VB_DATADIR, VB_LOCALEDIR from the Makefile; VERBEELD_DATADIR
 * overrides), plus the folders named in VERBEELD_PATH.
 *
 * The first time the data is needed (the getters below, or a scenario or character that is not
 * found), a file verbeeld cannot do without that is missing (the schemas, the lexicon, the
 * library, the Dutch catalog) is reported on stderr: which file, where verbeeld looked and why
 * there, and how to put it right.
 */
#ifndef VB_PATHS_H
#define VB_PATHS_H

/* The folder holding scenarios/ and characters/ (source tree or installed data). */
const char *paths_data_dir(void);
/* The folder holding the compiled message catalogs. */
const char *paths_locale_dir(void);
/* The schema file for scenarios. */
const char *paths_schema(void);
/* The quadrant lexicon. */
const char *paths_lexicon(void);
/* Resolve SCENARIO (a path, or a name such as "tutorial") to a file; NULL when not found.
 * The result is freshly allocated. */
char *paths_find_scenario(const char *name_or_path);
/* The script of character `ref` ("moveon/isabel") for the scenario at `scenario_path`:
 * next to the scenario, one folder up, then the data folders. Freshly allocated; when nothing
 * is found, the first place looked (for the error message). */
char *paths_find_character(const char *scenario_path, const char *ref, int *found);
/* How the program was started (main's argv[0]): the commands verbeeld tells people to type
 * ("build/verbeeld debrief J") begin with it, so they work when copied. paths_program gives it
 * ready for the shell (quoted when it needs to be); "verbeeld" when it was never set. */
void paths_set_program(const char *argv0);
const char *paths_program(void);
/* Folders searched for scenarios, in order, NULL-terminated (data dir and VERBEELD_PATH). */
const char *const *paths_search_dirs(void);

#endif
