/*
 * args.h - the arguments the document-writing commands share (debrief, graph).
 */
#ifndef VB_ARGS_H
#define VB_ARGS_H

/* What the commands that write a document take: one FILE, --format, -o/--output, --lang. */
typedef struct {
    const char *file;
    const char *format;
    const char *out_path;     /* NULL: standard output */
    const char *lang;         /* NULL: as it comes */
    const char *participant;  /* debrief: one participant's handout (--participant NAME) */
} OutputArgs;

/* Parse the arguments of command `cmd` into a, whose format holds the default.
 * `what` names the one file expected ("name one journal"). Returns -1 to go on, or the exit
 * status (0 after --help, 2 on a usage error). */
int args_parse_output(int argc, char **argv, const char *cmd, const char *what, OutputArgs *a);

/* -1 when `out` (NULL: standard output) is not the file `in`, else 2 after saying so: an output
 * never replaces what it is made from. */
int args_check_output(const char *cmd, const char *out, const char *in);

#endif
