/*
 * html.h - the debrief as one printable HTML file: the group's story, then a page per participant.
 */
#ifndef VB_HTML_H
#define VB_HTML_H

#include <stdio.h>

#include "debrief/debrief.h"

/* Write the debrief to out. Returns 0, or -1 when writing failed. */
int html_write(const Debrief *db, FILE *out);

#endif
