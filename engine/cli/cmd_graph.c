/*
 * cmd_graph.c - verbeeld graph SCENARIO [--format dot|svg]: the story map as Graphviz DOT,
 * acts as clusters, endings and incidents drawn apart (injected and automatic ones each their
 * own way), choice edges labelled with their quality and condition and coloured by the quality,
 * with a legend. SVG goes through Graphviz's own dot program.
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

/* Text inside a DOT string literal, cut at `max` characters; line breaks become spaces. */
static void escaped(StrBuf *b, const char *s, size_t max)
{
    size_t n = 0;
    for (const char *p = s; *p; p++, n++) {
        if (n >= max && ((unsigned char)*p & 0xC0) != 0x80) {
            sb_add(b, "…");
            break;
        }
        if (*p == '"' || *p == '\\') sb_addc(b, '\\');
        if (*p == '\n' || *p == '\r' || *p == '\t') { sb_addc(b, ' '); continue; }
        sb_addc(b, *p);
    }
}

/* A DOT string literal. */
static void quoted(StrBuf *b, const char *s, size_t max)
{
    sb_addc(b, '"');
    escaped(b, s, max);
    sb_addc(b, '"');
}

/* Text for an HTML-like DOT label: &, < and > written as entities. */
static void html(StrBuf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '&') sb_add(b, "&amp;");
        else if (*p == '<') sb_add(b, "&lt;");
        else if (*p == '>') sb_add(b, "&gt;");
        else if (*p == '"') sb_add(b, "&quot;");
        else sb_addc(b, *p);
    }
}

/* ============================== qualities and their colours ============================== */

/* The qualities the choices express, in the order the story first shows them, each with a
 * colour of its own: hues spread evenly round the wheel, so no two share one. A corner choice
 * counts as its corner, named in the session's language ("corner: core quality"). */
typedef struct {
    char **names;
    int n, cap;
} Qualities;

static char *quality_of(const Choice *ch)
{
    if (ch->quality) return xstrdup(ch->quality);
    if (ch->corner != CORNER_NONE) return xasprintf(_("corner: %s"), corner_label((Corner)ch->corner));
    return NULL;
}

static int quality_index(const Qualities *q, const char *name)
{
    for (int i = 0; name && i < q->n; i++)
        if (strcmp(q->names[i], name) == 0) return i;
    return -1;
}

static void collect_qualities(const Scenario *s, Qualities *q)
{
    memset(q, 0, sizeof *q);
    for (int i = 0; i < s->nscenes; i++)
        for (int c = 0; c < s->scenes[i].nchoices; c++) {
            char *name = quality_of(&s->scenes[i].choices[c]);
            if (name && quality_index(q, name) < 0) {
                VEC_PUSH(q->names, q->n, q->cap);
                q->names[q->n++] = name;
            } else {
                free(name);
            }
        }
}

/* Colours for the first qualities, told apart at a glance and dark enough to read on white:
 * hues spread evenly round the wheel put neighbours in the greens and the blues so close that
 * a legend could not tell "vaagheid" from "corner: core quality". Picked one by one from
 * Trubetskoy's list of distinct colours (and a few more), each as far from those before it
 * and from the grey of a choice without a quality as could be (CIE76 distance 22 or more). */
static const char *const distinct[] = {
    "#e6194b", "#911eb4", "#c9a100", "#3cb44b", "#1e90ff", "#7b3f00", "#0095b6", "#f58231",
    "#000075", "#ff5fa0", "#5a5a00", "#f032e6", "#800000", "#469990", "#4363d8",
};
#define NDISTINCT ((int)(sizeof distinct / sizeof *distinct))

/* Quality i's colour as "#rrggbb": from the list above, then (a story with more qualities than
 * that) HSV, hue spread over the wheel, dark enough to read on white. */
static void quality_colour(const Qualities *q, int i, char out[8])
{
    if (i < 0) { snprintf(out, 8, "#555555"); return; }
    if (i < NDISTINCT) { snprintf(out, 8, "%s", distinct[i]); return; }
    /* neighbours on the wheel alternate light and dark, so that they still differ */
    double h = 6.0 * (i - NDISTINCT) / (q->n - NDISTINCT), v = i % 2 ? 0.5 : 0.8, sat = 0.85, f = h - (int)h;
    double p = v * (1 - sat), qq = v * (1 - sat * f), t = v * (1 - sat * (1 - f)), r, g, b;
    switch ((int)h % 6) {
    case 0: r = v; g = t; b = p; break;
    case 1: r = qq; g = v; b = p; break;
    case 2: r = p; g = v; b = t; break;
    case 3: r = p; g = qq; b = v; break;
    case 4: r = t; g = p; b = v; break;
    default: r = v; g = p; b = qq; break;
    }
    snprintf(out, 8, "#%02x%02x%02x", (int)(r * 255), (int)(g * 255), (int)(b * 255));
}

/* Which marks the map holds, so that the legend explains those and no others. */
typedef struct {
    int conditional, gotos, injected, automatic, back;
} Marks;

/* Whether target t is to="return" (or next="return"). */
static int is_return(Target t)
{
    return t.kind == TARGET_RETURN;
}

static Marks marks_of(const Scenario *s)
{
    Marks m = {0};
    for (int e = 0; e < s->nevents; e++) {
        if (s->events[e].cond == NO_CODE) m.injected = 1;
        else m.automatic = 1;
    }
    for (int i = 0; i < s->nscenes; i++) {
        const Scene *sc = &s->scenes[i];
        m.gotos |= sc->ngotos > 0;
        m.back |= sc->nchoices == 0 && is_return(sc->next);
        for (int g = 0; g < sc->ngotos; g++) m.back |= is_return(sc->gotos[g].to);
        for (int c = 0; c < sc->nchoices; c++) {
            const Choice *ch = &sc->choices[c];
            m.conditional |= ch->cond != NO_CODE;
            m.back |= is_return(ch->to.kind != TARGET_NONE ? ch->to : sc->next);
        }
    }
    return m;
}

/* The legend: each quality in its colour, and what the marks of the map mean. */
static void legend(StrBuf *b, const Qualities *q, const Marks *m)
{
    sb_add(b, "  subgraph cluster_legend {\n    label=");
    quoted(b, _("Legend"), 40);
    sb_add(b, ";\n    style=dashed;\n    legend [shape=plaintext, label=<<table border=\"0\" cellspacing=\"2\">");
    for (int i = 0; i < q->n; i++) {
        char colour[8];
        quality_colour(q, i, colour);
        sb_addf(b, "<tr><td bgcolor=\"%s\" width=\"24\"> </td><td align=\"left\"><font color=\"%s\">", colour, colour);
        html(b, q->names[i]);
        sb_add(b, "</font></td></tr>");
    }
    static const char *const marks[][2] = {
        {N_("dashed"), N_("a choice with a condition, shown [below its quality]")},
        {N_("dotted"), N_("a goto, taken when its condition holds")},
        {N_("hexagon"), N_("an incident the trainer starts (/inject)")},
        {N_("octagon"), N_("an incident that starts by itself when its condition holds")},
    };
    const int present[] = {m->conditional, m->gotos, m->injected, m->automatic};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        if (!present[i]) continue;          /* a mark the map does not hold explains nothing */
        sb_add(b, "<tr><td align=\"left\">");
        html(b, _(marks[i][0]));
        sb_add(b, "</td><td align=\"left\">");
        html(b, _(marks[i][1]));
        sb_add(b, "</td></tr>");
    }
    sb_add(b, "</table>>];\n  }\n");
}

/* ============================== the map ============================== */

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

/* An edge's label: `what`, and on a line below it its condition when it has one. */
static void label(StrBuf *b, const Scenario *s, const char *what, int cond)
{
    sb_add(b, "label=\"");
    escaped(b, what, 30);
    if (cond != NO_CODE) {
        const char *src = s->code[cond].src;
        while (*src == ' ' || *src == '\n' || *src == '\t') src++;
        sb_add(b, "\\n[");
        escaped(b, src, 50);
        sb_addc(b, ']');
    }
    sb_addc(b, '"');
}

static void events(StrBuf *b, const Scenario *s, const char *lang, const char *fb)
{
    for (int e = 0; e < s->nevents; e++) {
        const Event *ev = &s->events[e];
        int injected = ev->cond == NO_CODE;
        sb_addf(b, "  \"event:%s\" [shape=%s, style=filled, fillcolor=\"%s\", label=", ev->id,
                injected ? "hexagon" : "octagon", injected ? "#e0ecf8" : "#f3e0f8");
        const char *title = text_get(&ev->title, lang, fb);
        sb_addc(b, '"');
        escaped(b, injected ? "/inject" : _("by itself"), 30);
        sb_add(b, "\\n");
        escaped(b, *title ? title : ev->id, 40);
        sb_add(b, "\"];\n");
        char *from = xasprintf("event:%s", ev->id);
        StrBuf attrs;
        sb_init(&attrs);
        sb_add(&attrs, injected ? "style=dashed, color=\"#3b6fb6\", " : "style=dashed, color=\"#9b3bb6\", ");
        label(&attrs, s, injected ? "/inject" : _("when"), ev->cond);
        edge(b, s, from, ev->to, attrs.s);
        sb_free(&attrs);
        free(from);
    }
}

static void scene_edges(StrBuf *b, const Scenario *s, const Scene *sc, const Qualities *q)
{
    for (int g = 0; g < sc->ngotos; g++) {
        StrBuf attrs;
        sb_init(&attrs);
        sb_add(&attrs, "style=dotted, ");
        label(&attrs, s, "goto", sc->gotos[g].cond);
        edge(b, s, sc->id, sc->gotos[g].to, attrs.s);
        sb_free(&attrs);
    }
    if (sc->nchoices == 0) edge(b, s, sc->id, sc->next, "style=bold, color=\"#999999\"");
    for (int c = 0; c < sc->nchoices; c++) {
        const Choice *ch = &sc->choices[c];
        Target to = ch->to.kind != TARGET_NONE ? ch->to : sc->next;   /* where it really goes */
        char *name = quality_of(ch), colour[8];
        quality_colour(q, quality_index(q, name), colour);
        StrBuf attrs;
        sb_init(&attrs);
        sb_addf(&attrs, "color=\"%s\", fontcolor=\"%s\", ", colour, colour);
        label(&attrs, s, name ? name : ch->id, ch->cond);
        if (ch->cond != NO_CODE) sb_add(&attrs, ", style=dashed");
        edge(b, s, sc->id, to, attrs.s);
        sb_free(&attrs);
        free(name);
    }
}

static char *to_dot(const Scenario *s, const char *lang)
{
    const char *fb = scenario_fallback(s);
    StrBuf b;
    sb_init(&b);
    Qualities q;
    collect_qualities(s, &q);
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
    sb_add(&b, "  }\n");
    /* where to="return" leads: back into the story where the incident began; drawn only when
     * something leads there, or it stands alone on the map, unexplained */
    Marks m = marks_of(s);
    if (m.back) {
        sb_add(&b, "  \"return\" [shape=plaintext, label=");
        quoted(&b, _("↩ back to where the incident began"), 60);
        sb_add(&b, "];\n");
    }
    events(&b, s, lang, fb);
    for (int i = 0; i < s->nscenes; i++) scene_edges(&b, s, &s->scenes[i], &q);
    legend(&b, &q, &m);
    sb_add(&b, "}\n");
    for (int i = 0; i < q.n; i++) free(q.names[i]);
    free(q.names);
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
