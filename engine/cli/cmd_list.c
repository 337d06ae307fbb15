/*
 * cmd_list.c - verbeeld list: every scenario verbeeld can find, with its title in the current
 * language and where it lives.
 *
 * The folders are searched in the order `verbeeld play NAME` uses (paths_find_scenario): the
 * data folder, then each folder of VERBEELD_PATH, and in each first scenarios/, then the folder
 * itself. The output is grouped by folder, one scenario per line indented by two spaces:
 *
 *     /usr/local/share/verbeeld/scenarios  (meegeleverd)
 *       tutorial   Eerste kennismaking: maandag bij boekhandel De Vuurtoren
 *
 * so that scripts (the bash completion) take the names from the lines that start with exactly
 * two spaces. A scenario hidden by one of the same name found earlier, or one that cannot be
 * read, gets a note on a further-indented line.
 */
#include "cli/commands.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libxml/parser.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "cli/usage.h"
#include "xml/xmlsafe.h"

typedef struct {
    char *name;     /* file name without .xml */
    char *path;
    char *title;    /* NULL when the file cannot be read */
    char *problem;  /* why it cannot be read */
    int hidden;     /* a scenario of the same name comes earlier in the search */
} Entry;

typedef struct {
    char *dir;
    const char *origin; /* untranslated label */
    Entry *v;
    int n, cap;
} Folder;

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const Entry *)a)->name, ((const Entry *)b)->name);
}

/* Read the title of the scenario at `e->path` in the current language (any language when it
 * has none in this one). Returns 0 when the file is not a scenario at all (a cast file, say). */
static int read_entry(Entry *e)
{
    DiagList d;
    diag_init(&d);
    xmlDocPtr doc = xml_read_safely(e->path, &d);
    if (!doc) {
        if (d.n > 0)
            e->problem = d.v[0].line ? xasprintf("%s:%d: %s", e->path, d.v[0].line, d.v[0].message)
                                     : xasprintf("%s: %s", e->path, d.v[0].message);
        else
            e->problem = xasprintf("%s: %s", e->path, _("not a well-formed XML document"));
        diag_free(&d);
        return 1;
    }
    diag_free(&d);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !xml_is(root, "scenario")) {
        xmlFreeDoc(doc);
        return 0;
    }
    char *title = NULL, *any = NULL;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (!xml_is(n, "title")) continue;
        xmlChar *lang = xmlNodeGetLang(n);
        char *t = xml_content(n);
        if (!title && lang && streq((const char *)lang, i18n_lang())) title = xstrdup(t);
        if (!any) any = xstrdup(t);
        free(t);
        xmlFree(lang);
    }
    xmlFreeDoc(doc);
    if (title) free(any);
    else title = any ? any : xstrdup(_("(no title)"));
    /* A title is one line here, whatever the XML made of its white space. */
    for (char *c = title; *c; c++)
        if (*c == '\n' || *c == '\t') *c = ' ';
    e->title = title;
    return 1;
}

/* The scenarios in `dir`, sorted by name. */
static void scan(Folder *f)
{
    DIR *dp = opendir(f->dir);
    if (!dp) return;
    struct dirent *de;
    while ((de = readdir(dp))) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len <= 4 || strcmp(de->d_name + len - 4, ".xml") != 0) continue;
        Entry e = {0};
        e.path = xasprintf("%s/%s", f->dir, de->d_name);
        e.name = xstrndup(de->d_name, len - 4);
        struct stat st;
        if (stat(e.path, &st) != 0 || !S_ISREG(st.st_mode) || !read_entry(&e)) {
            free(e.path);
            free(e.name);
            continue;
        }
        VEC_PUSH(f->v, f->n, f->cap);
        f->v[f->n++] = e;
    }
    closedir(dp);
    if (f->n > 1) qsort(f->v, (size_t)f->n, sizeof *f->v, by_name);
}

int cmd_list(int argc, char **argv)
{
    if (argc > 1) {
        if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) return usage_help("list"), 0;
        return usage_error("list", "%s", _("takes no arguments"));
    }
    const char *const *dirs = paths_search_dirs();
    Folder *fs = NULL;
    int nf = 0, cap = 0;
    for (int i = 0; dirs[i]; i++) {
        const char *origin = i == 0 ? N_("shipped with verbeeld") : N_("from VERBEELD_PATH");
        if (i > 0 && !is_dir(dirs[i])) {
            fprintf(stderr, _("verbeeld: VERBEELD_PATH names %s, which is not a folder\n"), dirs[i]);
            continue;
        }
        int before = nf;
        for (int sub = 0; sub < 2; sub++) {
            VEC_PUSH(fs, nf, cap);
            Folder *f = &fs[nf++];
            *f = (Folder){sub == 0 ? xasprintf("%s/scenarios", dirs[i]) : xstrdup(dirs[i]), origin, NULL, 0, 0};
            scan(f);
        }
        int found = 0;
        for (int k = before; k < nf; k++) found += fs[k].n;
        if (i > 0 && !found)
            fprintf(stderr, _("verbeeld: no scenarios in %s (a scenario there is %s/NAME.xml or %s/scenarios/NAME.xml)\n"),
                    dirs[i], dirs[i], dirs[i]);
    }

    /* What `verbeeld play NAME` would not reach: every later scenario of a name seen before. */
    int width = 8, shown = 0;
    for (int k = 0; k < nf; k++)
        for (int j = 0; j < fs[k].n; j++) {
            Entry *e = &fs[k].v[j];
            int len = (int)strlen(e->name);
            if (len > width) width = len;
            for (int k2 = 0; k2 <= k && !e->hidden; k2++)
                for (int j2 = 0; j2 < (k2 == k ? j : fs[k2].n); j2++)
                    if (streq(fs[k2].v[j2].name, e->name)) { e->hidden = 1; break; }
        }

    for (int k = 0; k < nf; k++) {
        Folder *f = &fs[k];
        if (f->n) printf("%s  (%s)\n", f->dir, _(f->origin));
        for (int j = 0; j < f->n; j++) {
            Entry *e = &f->v[j];
            if (e->title) {
                printf("  %-*s  %s\n", width, e->name, e->title);
                shown++;
            } else {
                printf("  %-*s  %s\n", width, e->name, _("(cannot be read)"));
                printf("  %-*s    %s\n", width, "", e->problem);
                printf("  %-*s    (verbeeld check %s)\n", width, "", e->path);
            }
            if (e->hidden)
                printf("  %-*s    %s\n", width, "",
                       _("(hidden by the scenario of the same name above: play this one by its path)"));
            free(e->name);
            free(e->path);
            free(e->title);
            free(e->problem);
        }
        free(f->v);
        free(f->dir);
    }
    free(fs);
    if (!shown) {
        fprintf(stderr, _("verbeeld: no scenarios found in %s/scenarios; is verbeeld installed completely?\n"
                          "  Add folders of your own with VERBEELD_PATH=FOLDER:FOLDER (see man verbeeld).\n"),
                paths_data_dir());
        return 1;
    }
    return 0;
}
