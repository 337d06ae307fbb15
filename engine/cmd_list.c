/*
 * cmd_list.c - verbeeld list: every scenario verbeeld can find, with its title and place.
 */
#include "commands.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "i18n.h"
#include "paths.h"
#include "scenario.h"
#include "util.h"
#include "xmlsafe.h"

/* The title of the scenario file in the current language, read without full validation. */
static char *scenario_title(const char *path)
{
    DiagList d;
    diag_init(&d);
    xmlDocPtr doc = xml_read_safely(path, &d);
    diag_free(&d);
    if (!doc) return NULL;
    char *title = NULL, *any = NULL;
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
        if (!xml_is(n, "title")) continue;
        xmlChar *lang = xmlNodeGetLang(n);
        char *t = xml_content(n);
        if (lang && streq((const char *)lang, i18n_lang()) && !title) title = xstrdup(t);
        if (!any) any = xstrdup(t);
        free(t);
        xmlFree(lang);
    }
    xmlFreeDoc(doc);
    if (title) { free(any); return title; }
    return any;
}

static int list_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) return 0;
    struct dirent *e;
    char **names = NULL;
    int n = 0, cap = 0;
    while ((e = readdir(dp))) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0) {
            VEC_PUSH(names, n, cap);
            names[n++] = xstrdup(e->d_name);
        }
    }
    closedir(dp);
    qsort(names, (size_t)n, sizeof *names, (int (*)(const void *, const void *))strcmp);
    int shown = 0;
    for (int i = 0; i < n; i++) {
        char *path = xasprintf("%s/%s", dir, names[i]);
        char *title = scenario_title(path);
        if (title) {
            names[i][strlen(names[i]) - 4] = '\0';
            printf("%-12s %s\n             %s\n", names[i], title, path);
            shown++;
        }
        free(title);
        free(path);
        free(names[i]);
    }
    free(names);
    return shown;
}

int cmd_list(int argc, char **argv)
{
    if (argc > 1) {
        if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) return command_help("list"), 0;
        return usage_error("list", "%s", _("takes no arguments"));
    }
    int shown = 0;
    for (const char *const *d = paths_search_dirs(); *d; d++) {
        char *sub = xasprintf("%s/scenarios", *d);
        shown += list_dir(sub);
        free(sub);
    }
    if (!shown) {
        fprintf(stderr, _("verbeeld: no scenarios found in %s/scenarios (set VERBEELD_PATH to add folders)\n"),
                paths_data_dir());
        return 1;
    }
    return 0;
}
