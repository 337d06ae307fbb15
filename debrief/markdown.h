/*
 * markdown.h - the debrief as Markdown, to read in a terminal or paste anywhere.
 */
#ifndef VB_MARKDOWN_H
#define VB_MARKDOWN_H

#include <stdio.h>

#include "debrief/debrief.h"

/* Write the debrief to out. Returns 0, or -1 when writing failed. */
int markdown_write(const Debrief *db, FILE *out);

#endif
