/*
 * cleanout.h - streams that pass everything written to them through clean_text's rule, so
 * that what a scenario, a journal or a cast file holds never reaches a terminal or a
 * document as an escape sequence, a bidi override or invalid UTF-8.
 */
#ifndef VB_CLEANOUT_H
#define VB_CLEANOUT_H

#include <stdio.h>

/* A stream writing the cleaned bytes to `under`; closing it closes `under` too when `own`.
 * A UTF-8 sequence split over two writes is kept whole. NULL when under is NULL. */
FILE *cleanout_wrap(FILE *under, int own);
/* Replace stdout and stderr by cleaning streams over them, for the rest of the program. */
void cleanout_stdio(void);

#endif
