/*
 * commands.h - the subcommands of verbeeld, one file each (cmd_*.c), git style.
 *
 * Each takes the arguments after its name (argv[0] is the subcommand) and returns the exit
 * status: 0 success, 1 the input was wrong, 2 a usage error.
 */
#ifndef VB_COMMANDS_H
#define VB_COMMANDS_H

int cmd_play(int argc, char **argv);
int cmd_debrief(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_quadrant(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_explore(int argc, char **argv);
int cmd_sheets(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_replay(int argc, char **argv);

/* What the commands that write a document take: one FILE, --format, -o/--output, --lang. */
typedef struct {
    const char *file;
    const char *format;
    const char *out_path;     /* NULL: standard output */
    const char *lang;         /* NULL: as it comes */
} OutputArgs;

/* Parse the arguments of command `cmd` (args.c) into a, whose format holds the default.
 * `what` names the one file expected ("name one journal"). Returns -1 to go on, or the exit
 * status (0 after --help, 2 on a usage error). */
int parse_output_args(int argc, char **argv, const char *cmd, const char *what, OutputArgs *a);

/* Print the help of a subcommand; 0 when it exists. */
int command_help(const char *name);
/* For subcommands: report a usage error about `name` and return 2. */
int usage_error(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
