/*
 * explorer_jobs.h - random exploration spread over processes, its findings merged as if one
 * process had played every run in order.
 */
#ifndef VB_EXPLORER_JOBS_H
#define VB_EXPLORER_JOBS_H

#include "runtime/explorer.h"

/* Play `runs` random runs in `jobs` processes (0: one per processor; fewer for few runs) and
 * merge what they found into E, in the order of the runs, so that the report is the same for
 * any number of jobs. */
void explorer_jobs(Explorer *E, json_object *start, int runs, uint64_t seed, int jobs);

#endif
