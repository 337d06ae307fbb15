/*
 * usage.h - the overview of the commands, each command's help, and usage errors (exit 2).
 */
#ifndef VB_USAGE_H
#define VB_USAGE_H

#include <getopt.h>
#include <stdio.h>

/* The list of commands with a line on each. */
void usage_print(FILE *out);
/* Print the help of a subcommand; 0 when it exists, -1 when there is no such command. */
int usage_help(const char *name);
/* Report a usage error about subcommand `name` with its usage line, and return 2. */
int usage_error(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Report what getopt_long just refused (it returned '?', with opterr off) for subcommand
 * `name`: an option it does not know, or one of `opts` given without its value, named as typed.
 * Returns 2. */
int usage_bad_option(const char *name, char *const argv[], const struct option *opts);

#endif
