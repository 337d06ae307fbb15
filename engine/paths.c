/*
 * paths.c - locating the data folder, the catalogs, scenarios and character scripts.
 */
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "util.h"

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
        locale_dir = xasprintf("%s/%s/locale", root, VB_BUILDDIR);
    } else {
        const char *env = getenv("VERBEELD_DATADIR");
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

const char *paths_data_dir(void) { paths_init(); return data_dir; }
const char *paths_locale_dir(void) { paths_init(); return locale_dir; }
const char *paths_schema(void) { paths_init(); return schema; }
const char *paths_lexicon(void) { paths_init(); return lexicon; }
const char *const *paths_search_dirs(void) { paths_init(); return (const char *const *)search_dirs; }

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
    if (strchr(name, '/') || strstr(name, ".xml")) return is_file(name) ? xstrdup(name) : NULL;
    if (is_file(name)) return xstrdup(name);
    for (int i = 0; search_dirs[i]; i++) {
        char *p = xasprintf("%s/scenarios/%s.xml", search_dirs[i], name);
        if (is_file(p)) return shorten(p);
        free(p);
        p = xasprintf("%s/%s.xml", search_dirs[i], name);
        if (is_file(p)) return shorten(p);
        free(p);
    }
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
    free(here);
    return above;
}
