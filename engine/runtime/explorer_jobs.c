/*
 * explorer_jobs.c - random exploration spread over processes.
 *
 * Each job is a fork of the explorer, with the scenario loaded and the session at its start:
 * it plays a contiguous block of runs and sends what it found (as JSON, through a pipe) to the
 * parent, which merges the blocks in order. Processes share nothing, so the engine needs no
 * locks; a job that fails makes the exploration fail, never the report wrong.
 */
#include "runtime/explorer_jobs.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"

#define MAX_JOBS 16
#define RUNS_PER_JOB 32       /* fewer runs than this are not worth a process */

/* ============================== a job's findings as JSON ============================== */

static json_object *flags_json(const unsigned char *flags, int n)
{
    char *s = xmalloc((size_t)n + 1);
    for (int i = 0; i < n; i++) s[i] = flags[i] ? '1' : '0';
    s[n] = '\0';
    json_object *o = json_object_new_string_len(s, n);
    free(s);
    return o;
}

static json_object *findings_json(const Explorer *E)
{
    const Scenario *s = E->s;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "states", json_object_new_int64(E->states));
    json_object *endings = json_object_new_array();
    for (int e = 0; e < s->nendings; e++) {
        json_object *x = json_object_new_array();
        json_object_array_add(x, json_object_new_int(E->ending_hits[e]));
        json_object_array_add(x, json_object_new_int(E->ending_len[e]));
        char *path = explorer_path(E, e);
        json_object_array_add(x, path ? json_object_new_string(path) : NULL);
        free(path);
        json_object_array_add(endings, x);
    }
    json_object_object_add(o, "endings", endings);
    json_object_object_add(o, "seen", flags_json(E->scene_seen, s->nscenes));
    json_object *offered = json_object_new_array();
    for (int i = 0; i < s->nscenes; i++)
        json_object_array_add(offered, flags_json(CHOICE_OFFERED(E, i), s->scenes[i].nchoices));
    json_object_object_add(o, "offered", offered);
    json_object *problems = json_object_new_array();
    for (int i = 0; i < E->nproblems; i++) {
        json_object *x = json_object_new_array();
        json_object_array_add(x, json_object_new_string(E->problems[i].text));
        json_object_array_add(x, json_object_new_string(E->problems[i].path));
        json_object_array_add(problems, x);
    }
    json_object_object_add(o, "problems", problems);
    return o;
}

/* ============================== merging ============================== */

static const char *str_at(json_object *a, size_t i)
{
    return json_object_get_string(json_object_array_get_idx(a, i));
}

static void merge_flags(unsigned char *flags, int n, const char *s)
{
    for (int i = 0; i < n && s && s[i]; i++) flags[i] |= s[i] == '1';
}

/* Merge the findings of the next block of runs, as if this process had played them. Returns
 * -1 when they are not what a job writes (the job died on the way). */
static int merge(Explorer *E, json_object *o)
{
    const Scenario *s = E->s;
    json_object *states, *endings, *seen, *offered, *problems;
    if (!json_object_object_get_ex(o, "states", &states) || !json_object_object_get_ex(o, "endings", &endings)
        || !json_object_object_get_ex(o, "seen", &seen) || !json_object_object_get_ex(o, "offered", &offered)
        || !json_object_object_get_ex(o, "problems", &problems)
        || json_object_array_length(endings) != (size_t)s->nendings
        || json_object_array_length(offered) != (size_t)s->nscenes)
        return -1;
    E->states += json_object_get_int64(states);
    for (int e = 0; e < s->nendings; e++) {
        json_object *x = json_object_array_get_idx(endings, (size_t)e);
        int hits = json_object_get_int(json_object_array_get_idx(x, 0));
        int len = json_object_get_int(json_object_array_get_idx(x, 1));
        const char *path = str_at(x, 2);
        E->ending_hits[e] += hits;
        if (path && explorer_better_path(E, e, len)) explorer_set_path(E, e, xstrdup(path), len);
    }
    merge_flags(E->scene_seen, s->nscenes, json_object_get_string(seen));
    for (int i = 0; i < s->nscenes; i++)
        merge_flags(CHOICE_OFFERED(E, i), s->scenes[i].nchoices, str_at(offered, (size_t)i));
    for (size_t i = 0; i < json_object_array_length(problems); i++) {
        json_object *x = json_object_array_get_idx(problems, i);
        const char *text = str_at(x, 0), *path = str_at(x, 1);
        if (text && path && !explorer_has_problem(E, text)) explorer_add_problem(E, xstrdup(text), xstrdup(path));
    }
    return 0;
}

/* ============================== the jobs ============================== */

typedef struct {
    pid_t pid;
    int fd;
    int first, last;
} Job;

/* A job ends with the exploration that started it: killed or hung up on, explore takes its
 * jobs with it instead of leaving them to play their block for no one. Where the kernel does
 * not say so (PR_SET_PDEATHSIG is Linux's, and not every sandbox keeps it), the job looks
 * every few runs. Signals the exploration ignores (nohup) its jobs ignore too. */
#define RUNS_BETWEEN_LOOKS 8

static void end_with_parent(pid_t parent)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != parent) _exit(1);      /* it ended before the line above */
}

/* In the child: play the block, send the findings, and leave without running the parent's
 * clean-up (exit handlers, stdio buffers that hold the parent's output). Runs are seeded by
 * their number alone, so playing the block in parts plays it the same. */
static void run_job(Explorer *E, json_object *start, const Job *j, uint64_t seed, pid_t parent)
{
    for (int first = j->first; first < j->last; first += RUNS_BETWEEN_LOOKS) {
        if (getppid() != parent) _exit(1);
        int last = j->last - first < RUNS_BETWEEN_LOOKS ? j->last : first + RUNS_BETWEEN_LOOKS;
        explorer_random(E, start, first, last, seed);
    }
    json_object *o = findings_json(E);
    size_t n;
    const char *text = json_object_to_json_string_length(o, JSON_C_TO_STRING_PLAIN, &n);
    _exit(write_all(j->fd, text, n) ? 1 : 0);
}

static int start_job(Explorer *E, json_object *start, Job *j, uint64_t seed)
{
    int fds[2];
    if (pipe(fds)) return -1;
    fflush(NULL);
    pid_t parent = getpid();
    j->pid = fork();
    if (j->pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (j->pid == 0) {
        end_with_parent(parent);
        close(fds[0]);
        j->fd = fds[1];
        run_job(E, start, j, seed, parent);
    }
    close(fds[1]);
    j->fd = fds[0];
    return 0;
}

/* Collect job j's findings; -1 when it failed. */
static int finish_job(Explorer *E, Job *j)
{
    char *text = read_fd(j->fd, SIZE_MAX, NULL);
    close(j->fd);
    int status = 0;
    while (waitpid(j->pid, &status, 0) < 0 && errno == EINTR) {}
    json_object *o = text && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? json_tokener_parse(text) : NULL;
    free(text);
    int rc = o ? merge(E, o) : -1;
    json_object_put(o);
    return rc;
}

static int default_jobs(int runs)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int n = cpus > 0 ? (int)cpus : 1;
    if (n > runs / RUNS_PER_JOB) n = runs / RUNS_PER_JOB;
    return n < 1 ? 1 : n;
}

void explorer_jobs(Explorer *E, json_object *start, int runs, uint64_t seed, int jobs)
{
    if (jobs <= 0) jobs = default_jobs(runs);
    if (jobs > runs) jobs = runs;
    if (jobs > MAX_JOBS) jobs = MAX_JOBS;
    if (jobs <= 1) {
        explorer_random(E, start, 0, runs, seed);
        return;
    }
    Job job[MAX_JOBS];
    for (int k = 0; k < jobs; k++) {
        job[k] = (Job){-1, -1, (int)((long)runs * k / jobs), (int)((long)runs * (k + 1) / jobs)};
        if (start_job(E, start, &job[k], seed)) job[k].pid = -1;
    }
    int failed = 0;
    for (int k = 0; k < jobs; k++) {
        if (job[k].pid > 0) failed |= finish_job(E, &job[k]) != 0;
        else explorer_random(E, start, job[k].first, job[k].last, seed);   /* no process: play here */
    }
    if (failed) {
        char *path = xstrdup("");
        explorer_add_problem(E, xasprintf("%s: %s", _("internal error"), _("an exploring process failed")), path);
    }
}
