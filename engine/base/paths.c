/*
 * paths.c - locating the data folder, the catalogs, scenarios and character scripts.
 */
#include "base/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/util.h"

#ifndef VB_DATADIR
#define VB_DATADIR "/usr/local/share/verbeeld"
#endif
#ifndef VB_BUILDDIR
#define VB_BUILDDIR "build"
#endif
#ifndef VB_LOCALEDIR
#define VB_LOCALEDIR "/usr/local/share/locale"
#endif

static char *data_dir, *locale_dir, *schema, *lexicon;
static char **search_dirs;
/* Where data_dir came from, for the messages when something in it is missing. */
static enum { FROM_SOURCE, FROM_ENV, FROM_INSTALL } data_from;

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The source tree root when the program runs from a build folder of it (<root>/build/verbeeld,
 * or another build folder such as build-asan), else NULL. */
static char *source_root(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return NULL;
    exe[n] = '\0';
    for (int up = 0; up < 2; up++) {             /* the binary's folder, and the one above */
        char *slash = strrchr(exe, '/');
        if (!slash || slash == exe) return NULL;
        *slash = '\0';
    }
    char *rng = xasprintf("%s/scenarios/scenario.rng", exe);
    int ok = is_file(rng);
    free(rng);
    return ok ? xstrdup(exe) : NULL;
}

static void paths_init(void)
{
    if (data_dir) return;
    char *root = source_root();
    if (root) {
        data_dir = root;
        data_from = FROM_SOURCE;
        locale_dir = xasprintf("%s/%s/locale", root, VB_BUILDDIR);
    } else {
        const char *env = getenv("VERBEELD_DATADIR");
        data_from = env && *env ? FROM_ENV : FROM_INSTALL;
        data_dir = xstrdup(env && *env ? env : VB_DATADIR);
        locale_dir = xstrdup(VB_LOCALEDIR);
    }
    schema = xasprintf("%s/scenarios/scenario.rng", data_dir);
    lexicon = xasprintf("%s/characters/quadrants.lua", data_dir);

    int n = 0, cap = 0;
    VEC_PUSH(search_dirs, n, cap);
    search_dirs[n++] = data_dir;
    const char *vp = getenv("VERBEELD_PATH");
    if (vp && *vp) {
        char *copy = xstrdup(vp), *save = NULL;
        for (char *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save)) {
            VEC_PUSH(search_dirs, n, cap);
            search_dirs[n++] = xstrdup(tok);
        }
        free(copy);
    }
    VEC_PUSH(search_dirs, n, cap);
    search_dirs[n] = NULL;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The first time the data is asked for: say exactly which file verbeeld needs and cannot find,
 * where it looked and why there, and how to put it right. The command goes on, and its own
 * error names the file once more where it is used. */
static void check_data(void)
{
    static int checked;
    if (checked) return;
    checked = 1;
    static const char *const needed[] = {"scenarios/scenario.rng", "scenarios/cast.rng",
                                         "characters/quadrants.lua", "characters/library.lua"};
    int missing = 0;
    if (!is_dir(data_dir)) {
        fprintf(stderr, _("verbeeld: the data folder %s does not exist\n"), data_dir);
        missing = 1;
    } else {
        for (size_t i = 0; i < sizeof needed / sizeof *needed; i++) {
            char *p = xasprintf("%s/%s", data_dir, needed[i]);
            if (!is_file(p)) {
                fprintf(stderr, _("verbeeld: missing file %s\n"), p);
                missing++;
            }
            free(p);
        }
    }
    /* Without the Dutch catalog every message silently comes out in English. */
    if (data_from != FROM_ENV && streq(i18n_lang(), "nl")) {
        char *mo = xasprintf("%s/nl/LC_MESSAGES/verbeeld.mo", locale_dir);
        if (!is_file(mo)) {
            fprintf(stderr, _("verbeeld: missing file %s (the Dutch messages), so messages are in English\n"), mo);
            missing++;
        }
        free(mo);
    }
    if (!missing) return;
    switch (data_from) {
    case FROM_SOURCE:
        fprintf(stderr, _("  verbeeld runs from its source tree %s and uses the data there.\n"
                          "  Run make there (it builds the catalogs); restore a deleted file with git checkout.\n"), data_dir);
        break;
    case FROM_ENV:
        fprintf(stderr, _("  VERBEELD_DATADIR says the data is in %s.\n"
                          "  Point it at a folder with scenarios/ and characters/, or unset it to use the\n"
                          "  installed data in %s.\n"), data_dir, VB_DATADIR);
        break;
    case FROM_INSTALL:
        fprintf(stderr, _("  verbeeld was built to find its data in %s and its messages in %s.\n"
                          "  Install it again from the source tree (make install, with the same PREFIX),\n"
                          "  or set VERBEELD_DATADIR to a folder with scenarios/ and characters/.\n"),
                VB_DATADIR, VB_LOCALEDIR);
        break;
    }
}

const char *paths_data_dir(void) { paths_init(); check_data(); return data_dir; }
const char *paths_locale_dir(void) { paths_init(); return locale_dir; }
const char *paths_schema(void) { paths_init(); check_data(); return schema; }
const char *paths_lexicon(void) { paths_init(); check_data(); return lexicon; }
const char *const *paths_search_dirs(void) { paths_init(); check_data(); return (const char *const *)search_dirs; }

/* `p` written relative to the current folder when it lies below it, so messages stay short. */
static char *shorten(char *p)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return p;
    size_t n = strlen(cwd);
    if (strncmp(p, cwd, n) == 0 && p[n] == '/') {
        char *rel = xstrdup(p + n + 1);
        free(p);
        return rel;
    }
    return p;
}

char *paths_find_scenario(const char *name)
{
    paths_init();
    /* a path to a FIFO or a device is found, so that reading it says what it is (not "not found") */
    struct stat st;
    if (strchr(name, '/') || strstr(name, ".xml"))
        return is_file(name) || (stat(name, &st) == 0 && !S_ISDIR(st.st_mode)) ? xstrdup(name) : NULL;
    if (is_file(name)) return xstrdup(name);
    for (int i = 0; search_dirs[i]; i++) {
        char *p = xasprintf("%s/scenarios/%s.xml", search_dirs[i], name);
        if (is_file(p)) return shorten(p);
        free(p);
        p = xasprintf("%s/%s.xml", search_dirs[i], name);
        if (is_file(p)) return shorten(p);
        free(p);
    }
    check_data();   /* a shipped name that is not found: is the data there at all? */
    return NULL;
}

/* The folder above `dir`, written the short way ("scenarios" -> ".", "a/scenarios" -> "a"),
 * so that error messages name character files as a user would type them. */
static char *parent_dir(const char *dir)
{
    const char *slash = strrchr(dir, '/');
    if (!slash) return xstrdup(strcmp(dir, ".") == 0 ? ".." : ".");
    if (slash == dir) return xstrdup("/");
    return xstrndup(dir, (size_t)(slash - dir));
}

char *paths_find_character(const char *scenario_path, const char *ref, int *found)
{
    paths_init();
    char *dir = xstrdup(scenario_path);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    else strcpy(dir, ".");
    char *up = parent_dir(dir);
    char *here = xasprintf("%s/characters/%s.lua", dir, ref);
    char *above = strcmp(up, ".") == 0 ? xasprintf("characters/%s.lua", ref)
                                       : xasprintf("%s/characters/%s.lua", up, ref);
    free(dir);
    free(up);
    *found = 1;
    if (is_file(here)) { free(above); return here; }
    if (is_file(above)) { free(here); return above; }
    for (int i = 0; search_dirs[i]; i++) {
        char *p = xasprintf("%s/characters/%s.lua", search_dirs[i], ref);
        if (is_file(p)) { free(here); free(above); return p; }
        free(p);
    }
    *found = 0;
    check_data();
    free(here);
    return above;
}

static char *program;

void paths_set_program(const char *argv0)
{
    free(program);
    program = NULL;
    if (!argv0 || !*argv0) return;
    StrBuf b;
    sb_init(&b);
    sb_shell_word(&b, argv0);
    program = sb_take(&b);
}

const char *paths_program(void)
{
    return program ? program : "verbeeld";
}
