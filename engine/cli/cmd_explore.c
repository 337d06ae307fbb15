/*
 * cmd_explore.c - verbeeld explore: play a scenario without a person, with every character's
 * Lua running, to prove every ending reachable and find dead ends and script errors.
 *
 * A full table plays: one explorer per playable role. Random mode plays N sessions choosing at
 * random; exhaustive mode visits every distinct state once (breadth first, so the path found to
 * each ending is a shortest one), deduplicated by a hash of the state.
 */
#include "cli/commands.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/util.h"
#include "cli/usage.h"
#include "model/cast.h"
#include "model/load.h"
#include "model/scenario.h"
#include "runtime/explorer.h"
#include "runtime/explorer_jobs.h"
#include "runtime/session.h"

/* ============================== the report ============================== */

/* Exit statuses: what a test or a CI job can tell from them. */
enum {
    EXPLORE_OK = 0,           /* every ending reached, no problem found */
    EXPLORE_BAD = 1,          /* a problem found, or an ending no way through the story reaches */
    EXPLORE_UNFINISHED = 3,   /* nothing wrong found, but the limit came before every ending */
};

/* Scenes and endings of a return block belong to a return session, which starts where no story
 * reaches: the search covers the story only. */
static int story_scene(const Scenario *s, int i)
{
    return !s->acts[s->scenes[i].act].ret;
}

/* What a search cut off at its limit covered, and what made it too large to finish. */
static void report_limit(const Explorer *E, long max_states)
{
    const Scenario *s = E->s;
    int scenes = 0, endings = 0, nscenes = 0, nendings = 0;
    for (int i = 0; i < s->nscenes; i++) scenes += E->scene_seen[i], nscenes += story_scene(s, i);
    for (int e = 0; e < s->nendings; e++) endings += E->ending_hits[e] > 0, nendings += !s->endings[e].ret;
    printf(_("Stopped at the limit of %ld states (--max-states): not every state was visited, so what is not "
             "found above may still be there.\n"), max_states);
    printf(_("Covered: %d of %d scenes and %d of %d endings reached; "), scenes, nscenes, endings, nendings);
    printf(ngettext("every way through the story followed for %d choice.\n",
                    "every way through the story followed for %d choices.\n", E->depth), E->depth);
    if (!E->ngrowth) return;
    printf("%s\n", _("What multiplied the states most (different values among the states still waiting):"));
    for (int i = 0; i < E->ngrowth; i++) {
        printf("  %-32s ", E->growth[i].what);
        printf(ngettext("%d value\n", "%d values\n", E->growth[i].values), E->growth[i].values);
    }
}

/* `text` and spaces after it up to `width` columns of a terminal: counted as it shows, not in
 * bytes, so that a name with an accent does not push the rest of its row aside. */
static void padded(const char *text, size_t width)
{
    size_t w = utf8_width(text, strlen(text));
    printf("%s%*s", text, (int)(width > w ? width - w : 0), "");
}

/* The width of the column of the endings' names: the widest name, and no less than 20. */
static size_t ending_column(const Scenario *s)
{
    size_t width = 20;
    for (int e = 0; e < s->nendings; e++) {
        size_t w = utf8_width(s->endings[e].id, strlen(s->endings[e].id));
        if (!s->endings[e].ret && w > width) width = w;
    }
    return width;
}

/* The endings, each with a shortest path found; or why none was found: no way through the
 * story leads there (a complete search), or the search did not get that far. One table: the
 * name, how often it was reached (blank when never), and that, each in a column of its own. */
static void report_endings(const Explorer *E, int exhaustive, int runs, long max_states, int truncated)
{
    const Scenario *s = E->s;
    size_t width = ending_column(s);
    printf("%s\n", _("Endings:"));
    for (int e = 0; e < s->nendings; e++) {
        if (s->endings[e].ret) continue;
        printf("  ");
        padded(s->endings[e].id, width);
        if (E->ending_hits[e]) {
            char *path = explorer_path(E, e);
            printf(" %6d×  ", E->ending_hits[e]);
            printf(ngettext("shortest path found, %d choice: %s\n", "shortest path found, %d choices: %s\n",
                            E->ending_len[e]), E->ending_len[e], path);
            free(path);
            continue;
        }
        printf(" %6s   ", "");                   /* as wide as the count: " %6d×  " */
        if (truncated) printf(_("not reached before the limit of %ld states\n"), max_states);
        else if (exhaustive) printf("%s\n", _("NEVER REACHED"));
        else printf(ngettext("not reached in %d session\n", "not reached in %d sessions\n", runs), runs);
    }
}

/* The endings not reached, each at its place in the file as the scenes not reached are, so
 * that an editor jumps to it from this list. */
static void list_unreached_endings(const Explorer *E, int truncated)
{
    const Scenario *s = E->s;
    int shown = 0;
    for (int e = 0; e < s->nendings; e++) {
        if (E->ending_hits[e] || s->endings[e].ret) continue;
        if (!shown++) printf("%s\n", truncated ? _("Endings not reached before the limit:") : _("Endings never reached:"));
        printf("  %s:%d: %s\n", s->path, s->endings[e].line, s->endings[e].id);
    }
}

/* The choices of scenes reached that were never offered, under `heading`: those with a
 * condition (with_condition 1), those without (0), or all (-1). Told apart, because "their
 * condition never held" was said of corner choices that have none. */
static void list_unoffered(Explorer *E, int with_condition, const char *heading)
{
    const Scenario *s = E->s;
    int shown = 0;
    for (int i = 0; i < s->nscenes; i++)
        for (int c = 0; c < s->scenes[i].nchoices; c++) {
            const Choice *ch = &s->scenes[i].choices[c];
            if (!E->scene_seen[i] || CHOICE_OFFERED(E, i)[c]) continue;
            if (with_condition >= 0 && (ch->cond != NO_CODE) != with_condition) continue;
            if (!shown++) printf("%s\n", heading);
            printf("  %s:%d: %s\n", s->path, ch->line, ch->id);
        }
}

static int report(Explorer *E, double seconds, int exhaustive, int runs, long max_states, int truncated)
{
    const Scenario *s = E->s;
    int missing = 0;
    for (int e = 0; e < s->nendings; e++) missing += !E->ending_hits[e] && !s->endings[e].ret;
    report_endings(E, exhaustive, runs, max_states, truncated);
    list_unreached_endings(E, truncated);
    int unseen = 0;
    for (int i = 0; i < s->nscenes; i++) unseen += !E->scene_seen[i] && story_scene(s, i);
    if (unseen) {
        printf("%s\n", truncated ? _("Scenes not reached before the limit:") : _("Scenes never reached:"));
        for (int i = 0; i < s->nscenes; i++)
            if (!E->scene_seen[i] && story_scene(s, i)) printf("  %s:%d: %s\n", s->path, s->scenes[i].line, s->scenes[i].id);
    }
    if (truncated) {
        list_unoffered(E, -1, _("Choices not offered before the limit:"));
    } else {
        list_unoffered(E, 1, _("Choices never available (their condition never held):"));
        list_unoffered(E, 0, _("Choices never offered or taken, though they have no condition (a corner choice "
                               "where a fixed choice lies on its corner of the quadrant played, a choice by= a role "
                               "that does not choose there, or one a character's script never picks):"));
    }
    if (E->nproblems) {
        printf("%s\n", _("Problems:"));
        for (int i = 0; i < E->nproblems; i++) printf("  %s\n    %s %s\n", E->problems[i].text, _("after:"), E->problems[i].path);
    }
    if (truncated) report_limit(E, max_states);
    printf(_("States visited: %ld, %.0f per second.\n"), E->states, seconds > 0 ? E->states / seconds : 0.0);
    if (E->nproblems || (missing && !truncated)) return EXPLORE_BAD;
    return missing ? EXPLORE_UNFINISHED : EXPLORE_OK;
}

/* ============================== the command ============================== */

/* One explorer per playable role, so that every role's choices are played; or, with --roles,
 * only in those, leaving the others to their characters (a smaller group, or solo play). */
static int in_list(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
        if (strncmp(p, id, n) == 0 && (p[n] == ',' || p[n] == '\0')) return 1;
    return 0;
}

static void full_table(Cast *cast, const Scenario *s, const char *roles)
{
    for (int r = 0; r < s->nroles; r++) {
        if (!s->roles[r].playable || (roles && !in_list(roles, s->roles[r].id))) continue;
        Participant *p = cast_add(cast, s->roles[r].id, "verbinden", "");
        p->role_name = xstrdup(s->roles[r].id);
    }
}

/* Each role played on its script's own quadrant, by a participant whose challenge that is: the
 * quadrant its fixed choices were written for. (Corner choices on the other quadrants are
 * explored only as far as this one reaches them.) */
static void seat_natively(Session *S, const Lexicon *lx)
{
    for (int i = 0; i < S->cast->n; i++) {
        Participant *p = &S->cast->p[i];
        const char *own = cast_opposite_core(lx, session_character(S, p->role)->script_term);
        if (!own) continue;
        free(p->core);
        p->core = xstrdup(own);
        session_recast(S, i, p->role, 1);
    }
}

static int explore(const char *name, int runs, int exhaustive, uint64_t seed, long max_states, const char *roles,
                   int jobs)
{
    DiagList d;
    diag_init(&d);
    Lexicon lx = {0};
    char *path = paths_find_scenario(name);
    Scenario *s = NULL;
    if (!path) diag_add(&d, DIAG_ERROR, name, 0, _("scenario not found"));
    else if (lexicon_load(&lx, paths_lexicon(), &d) == 0) s = load_scenario(path, &lx, &d);
    Cast cast = {0};
    Session *S = NULL;
    if (s) {
        full_table(&cast, s, roles);
        if (cast.n == 0) {
            fprintf(stderr, _("verbeeld explore: --roles names no playable role of '%s'\n"), s->id);
            cast_free(&cast);
            scenario_free(s);
            lexicon_free(&lx);
            diag_free(&d);
            return 2;
        }
        S = session_new(s, &lx, &cast, path, scenario_fallback(s), seed, &d);
        if (S) seat_natively(S, &lx);
    }
    free(path);
    if (!S) {
        diag_print(&d, stderr);
        diag_free(&d);
        cast_free(&cast);
        scenario_free(s);
        lexicon_free(&lx);
        return 1;
    }
    Explorer E;
    explorer_init(&E, s, S);
    json_object *start = session_snapshot(S);

    if (exhaustive) printf(_("Exploring %s: every state.\n"), s->id);
    else printf(_("Exploring %s: %d random sessions (seed %llu).\n"), s->id, runs, (unsigned long long)seed);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int truncated = 0;
    if (exhaustive) truncated = explorer_exhaustive(&E, start, max_states);
    else explorer_jobs(&E, start, runs, seed, jobs);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    int status = report(&E, seconds, exhaustive, runs, max_states, truncated);

    json_object_put(start);
    explorer_free(&E);
    session_free(S);
    cast_free(&cast);
    scenario_free(s);
    diag_free(&d);
    lexicon_free(&lx);
    return status;
}

int cmd_explore(int argc, char **argv)
{
    static const struct option opts[] = {
        {"random", required_argument, NULL, 'r'}, {"exhaustive", no_argument, NULL, 'x'},
        {"seed", required_argument, NULL, 's'},   {"max-states", required_argument, NULL, 'm'},
        {"roles", required_argument, NULL, 'R'},  {"jobs", required_argument, NULL, 'j'},
        {"lang", required_argument, NULL, 'l'},   {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int runs = 200, random_given = 0, exhaustive = 0, jobs = 0, c;
    uint64_t seed = 1;
    long max_states = 1000000;
    const char *roles = NULL;
    optind = 1;
    while ((c = getopt_long(argc, argv, "r:xs:m:R:j:l:h", opts, NULL)) != -1) {
        char *end = NULL;
        switch (c) {
        case 'r': random_given = 1; runs = (int)strtol(optarg, &end, 10); if (*end || runs < 1) return usage_error("explore", _("--random takes a positive number, not '%s'"), optarg); break;
        case 'x': exhaustive = 1; break;
        case 's': seed = strtoull(optarg, &end, 10); if (*end) return usage_error("explore", _("--seed takes a number, not '%s'"), optarg); break;
        case 'm': max_states = strtol(optarg, &end, 10); if (*end || max_states < 1) return usage_error("explore", _("--max-states takes a positive number, not '%s'"), optarg); break;
        case 'R': roles = optarg; break;
        case 'j': jobs = (int)strtol(optarg, &end, 10); if (*end || jobs < 1) return usage_error("explore", _("--jobs takes a positive number, not '%s'"), optarg); break;
        case 'l': if (!i18n_known(optarg)) return usage_error("explore", _("--lang takes nl or en, not '%s'"), optarg);
                  i18n_init(optarg); break;
        case 'h': usage_help("explore"); return 0;
        default: return usage_bad_option("explore", argv, opts);
        }
    }
    if (exhaustive && random_given)
        return usage_error("explore", "%s", _("choose --random N or --exhaustive, not both"));
    if (optind != argc - 1) return usage_error("explore", "%s", _("name one scenario"));
    return explore(argv[optind], runs, exhaustive, seed, max_states, roles, jobs);
}
