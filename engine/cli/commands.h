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
int cmd_return(int argc, char **argv);
int cmd_send(int argc, char **argv);

#endif
