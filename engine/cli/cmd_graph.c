/*
 * cmd_graph.c - verbeeld graph SCENARIO [--format dot|svg]: the story map as Graphviz DOT,
 * acts as clusters, endings and incidents drawn apart, choice edges labelled and coloured by
 * the quality they express. SVG goes through Graphviz's own dot program.
 */
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "base/cleanout.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "cli/args.h"
#include "cli/usage.h"
#include "model/load.h"
#include "model/scenario.h"

static const char *const palette[] = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f",
};

/* A DOT string literal. */
static void quoted(StrBuf *b, const char *s, size_t max)
{
    sb_addc(b, '"');
    size_t n = 0;
    for (const char *p = s; *p; p++, n++) {
        if (n >= max && ((unsigned char)*p & 0xC0) != 0x80) {
            sb_add(b, "…");
            break;
        }
        if (*p == '"' || *p == '\\') sb_addc(b, '\\');
        if (*p == '\n') { sb_add(b, "\\n"); continue; }
        sb_addc(b, *p);
    }
    sb_addc(b, '"');
}

static const char *quality_colour(const char *q)
{
    if (!q) return "#555555";
    unsigned h = 5381;
    for (const char *p = q; *p; p++) h = h * 33 + (unsigned char)*p;
    return palette[h % (sizeof palette / sizeof *palette)];
}

static void node_name(StrBuf *b, Target t, const Scenario *s)
{
    if (t.kind == TARGET_SCENE) quoted(b, s->scenes[t.index].id, 200);
    else if (t.kind == TARGET_ENDING) { sb_add(b, "\"end:"); sb_add(b, s->endings[t.index].id); sb_addc(b, '"'); }
    else sb_add(b, "\"return\"");
}

static void edge(StrBuf *b, const Scenario *s, const char *from, Target to, const char *attrs)
{
    if (to.kind == TARGET_NONE) return;
    sb_add(b, "  ");
    quoted(b, from, 200);
    sb_add(b, " -> ");
    node_name(b, to, s);
    sb_addf(b, " [%s];\n", attrs);
}

static char *to_dot(const Scenario *s, const char *lang)
{
    const char *fb = scenario_fallback(s);
    StrBuf b;
    sb_init(&b);
    sb_add(&b, "digraph story {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n"
               "  edge [fontname=\"sans-serif\", fontsize=9];\n  label=");
    quoted(&b, text_get(&s->title, lang, fb), 200);
    sb_add(&b, ";\n");
    for (int a = 0; a < s->nacts; a++) {
        sb_addf(&b, "  subgraph \"cluster_%s\" {\n    label=", s->acts[a].id);
        quoted(&b, *text_get(&s->acts[a].title, lang, fb) ? text_get(&s->acts[a].title, lang, fb) : s->acts[a].id, 200);
        sb_add(&b, ";\n    style=dashed;\n");
        for (int i = 0; i < s->nscenes; i++) {
            if (s->scenes[i].act != a) continue;
            const char *title = text_get(&s->scenes[i].title, lang, fb);
            sb_add(&b, "    ");
            quoted(&b, s->scenes[i].id, 200);
            sb_add(&b, " [label=");
            quoted(&b, *title ? title : s->scenes[i].id, 40);
            sb_add(&b, i == s->start.index && s->start.kind == TARGET_SCENE ? ", penwidth=3];\n" : "];\n");
        }
        sb_add(&b, "  }\n");
    }
    sb_add(&b, "  subgraph cluster_endings {\n    label=\"\";\n    style=invis;\n");
    for (int e = 0; e < s->nendings; e++) {
        sb_addf(&b, "    \"end:%s\" [shape=doubleoctagon, style=filled, fillcolor=\"#fde9c9\", label=", s->endings[e].id);
        quoted(&b, text_get(&s->endings[e].title, lang, fb), 40);
        sb_add(&b, "];\n");
    }
    sb_add(&b, "  }\n  \"return\" [shape=point, label=\"\"];\n");
    for (int e = 0; e < s->nevents; e++) {
        sb_addf(&b, "  \"event:%s\" [shape=hexagon, style=filled, fillcolor=\"#e0ecf8\", label=", s->events[e].id);
        const char *title = text_get(&s->events[e].title, lang, fb);
        quoted(&b, *title ? title : s->events[e].id, 40);
        sb_add(&b, "];\n");
        char *from = xasprintf("event:%s", s->events[e].id);
        edge(&b, s, from, s->events[e].to, s->events[e].cond == NO_CODE ? "style=dashed, label=\"/inject\"" : "style=dashed, label=\"when\"");
        free(from);
    }
    for (int i = 0; i < s->nscenes; i++) {
        const Scene *sc = &s->scenes[i];
        for (int g = 0; g < sc->ngotos; g++) edge(&b, s, sc->id, sc->gotos[g].to, "style=dotted, label=\"goto\"");
        if (sc->nchoices == 0) edge(&b, s, sc->id, sc->next, "style=bold, color=\"#999999\"");
        for (int c = 0; c < sc->nchoices; c++) {
            const Choice *ch = &sc->choices[c];
            Target to = ch->to.kind != TARGET_NONE ? ch->to : sc->next;   /* where it really goes */
            StrBuf attrs;
            sb_init(&attrs);
            sb_addf(&attrs, "color=\"%s\", fontcolor=\"%s\", label=", quality_colour(ch->quality), quality_colour(ch->quality));
            quoted(&attrs, ch->quality ? ch->quality : ch->id, 30);
            if (ch->cond != NO_CODE) sb_add(&attrs, ", style=dashed");
            edge(&b, s, sc->id, to, attrs.s);
            sb_free(&attrs);
        }
    }
    sb_add(&b, "}\n");
    return sb_take(&b);
}

/* Feed the DOT text to Graphviz and copy its SVG to out. */
static int run_dot(const char *dot_text, FILE *out)
{
    char tmp[] = "/tmp/verbeeld-graph-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) return -1;
    FILE *f = fdopen(fd, "w");
    fputs(dot_text, f);
    fclose(f);
    char *cmd = xasprintf("dot -Tsvg '%s'", tmp);
    FILE *p = popen(cmd, "r");
    free(cmd);
    int rc = -1;
    if (p) {
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, p)) > 0) fwrite(buf, 1, n, out);
        int st = pclose(p);
        rc = WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
    }
    unlink(tmp);
    return rc;
}

static int have_dot(void)
{
    return system("command -v dot >/dev/null 2>&1") == 0;
}

int cmd_graph(int argc, char **argv)
{
    OutputArgs a = {.format = "dot"};
    int parsed = args_parse_output(argc, argv, "graph", _("name one scenario"), &a);
    if (parsed >= 0) return parsed;
    const char *format = a.format, *out_path = a.out_path, *lang = a.lang;
    if (strcmp(format, "dot") && strcmp(format, "svg")) return usage_error("graph", _("unknown format '%s' (dot or svg)"), format);
    if (lang) i18n_init(lang);
    if (!strcmp(format, "svg") && !have_dot()) {
        fprintf(stderr, "%s\n", _("verbeeld graph: --format svg needs Graphviz's dot program; install the package graphviz (apt-get install graphviz), or use --format dot"));
        return 1;
    }
    DiagList d;
    diag_init(&d);
    Lexicon lx;
    char *path = paths_find_scenario(a.file);
    Scenario *s = NULL;
    if (!path) diag_add(&d, DIAG_ERROR, a.file, 0, _("scenario not found"));
    else if (args_check_output("graph", out_path, path) >= 0) {      /* a name found on the path */
        free(path);
        return 2;
    } else if (lexicon_load(&lx, paths_lexicon(), &d) == 0) {
        s = load_scenario(path, &lx, &d);
        lexicon_free(&lx);
    }
    free(path);
    int rc = 1;
    if (s) {
        char *dot = to_dot(s, i18n_lang());
        FILE *out = out_path ? cleanout_wrap(fopen(out_path, "w"), 1) : stdout;
        if (!out) fprintf(stderr, _("verbeeld: cannot write %s\n"), out_path);
        else {
            rc = strcmp(format, "svg") == 0 ? (run_dot(dot, out) ? 1 : 0) : (fputs(dot, out), 0);
            if (out != stdout) fclose(out);
        }
        free(dot);
    } else {
        diag_print(&d, stderr);
    }
    diag_free(&d);
    scenario_free(s);
    return rc;
}
