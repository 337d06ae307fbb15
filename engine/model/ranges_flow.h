/*
 * ranges_flow.h - the ranges of the variables at every scene of a story: start values carried
 * along next, goto and choice, narrowed by their conditions and changed by their effects,
 * joined where ways meet and widened where the story loops, until nothing changes. Incidents
 * (events) may begin at any scene with choices; what they change comes back with them.
 * ranges.c draws its conclusions from the result.
 */
#ifndef VB_RANGES_FLOW_H
#define VB_RANGES_FLOW_H

#include "model/rexpr.h"
#include "model/scenario.h"

typedef struct {
    const Scenario *s;
    RAtoms atoms;            /* atom k < nv is variable k */
    RExpr *code;             /* each piece of code of the scenario, where parsed[k] */
    unsigned char *parsed;
    int nv, na;
    RVal *in;                /* nscenes x nv: what the variables may be on arriving at a scene */
    unsigned char *reached;  /* per scene: the story may arrive there */
    int *first;              /* the edges of scene i are first[i] .. first[i+1] - 1 */
    unsigned char *enabled;  /* per edge: it may be taken */
    unsigned char *ending;   /* per ending: the story may end there */
    unsigned char *seen;     /* per scene: the story can get there by the structure alone */
    unsigned char *seen_ending;
    unsigned char *roots;    /* per scene: the start or an event leads there */
    RVal *ret;               /* what the variables may be when an incident returns */
    int ret_reached;
    unsigned char *incident_writes; /* per variable: a scene of an incident may change it */
    /* the work in progress: scenes to look at again, loop heads (where ranges are widened),
     * how often each grew, and room for two states */
    unsigned char *dirty, *head;
    int *grew, ret_grew, ret_changed;
    RVal *tmp, *tmp2;
} RangesFlow;

/* Work out the ranges of every variable at every scene of s. */
void ranges_flow_run(RangesFlow *f, const Scenario *s);
void ranges_flow_free(RangesFlow *f);

/* Edge k of scene sc (0: its next, then its gotos, then its choices): where it leads in play,
 * its condition (NO_CODE for none) and its line. A scene with choices leaves by them, not by
 * edge 0: that one is then no edge (TARGET_NONE with index -2); nor is anything after a goto
 * without a condition, which always fires. */
Target ranges_flow_edge(const Scene *sc, int k, int *cond, int *line);
/* Fill box (na atoms) with what may hold where edge k of scene i is decided: on arrival after
 * the gotos before it (for a goto), else when the scene's choices are offered. Returns 0 when
 * the story never gets there. */
int ranges_flow_edge_state(RangesFlow *f, int i, int k, RVal *box);
/* Narrow box to where condition `code` is true (want 1) or false (want 0); 0 when nowhere.
 * Code that was not understood may be either, and leaves box as it is. */
int ranges_flow_test(const RangesFlow *f, int code, RVal *box, int want);

#endif
