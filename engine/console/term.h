/*
 * term.h - the terminal: wrapped, coloured output and line input.
 *
 * On a terminal, input goes through readline (history, completion, Ctrl-C pauses) and names
 * are in colour; with NO_COLOR set or output not a terminal there is no colour, and input that
 * is not a terminal is read plainly, line by line, so sessions can be scripted. Every text from
 * a scenario, a script or a user is cleaned of control characters before it is shown.
 */
#ifndef VB_TERM_H
#define VB_TERM_H

/* Look at the terminal: colour, width, interactive input. */
void term_init(void);
/* The view for a wall (1) or for a screen (0). On a wall nothing is dim, names stand on a
 * bright ground in black, and banners mark whose turn it is. */
void term_set_projector(int on);
/* Whether input comes from a terminal. */
int term_interactive(void);
/* On a terminal, forget what was typed ahead and not read yet (an Enter pressed twice). */
void term_drop_typeahead(void);
/* Columns to wrap at. */
int term_width(void);

/* A heading (scene or act title). */
void term_heading(const char *text);
/* Narration, wrapped, with blank lines between paragraphs. */
void term_text(const char *text);
/* A character's words: the name in colour number `color`, then the words, wrapped. */
void term_say(const char *who, int color, const char *text);
/* A banner across the width, the most visible thing on screen (whose turn it is): reverse
 * video on a terminal (high contrast on a light and a dark background alike), wrapped at word
 * boundaries. */
void term_banner(const char *text);
/* A numbered choice. */
void term_choice(int number, const char *text);
/* A row of a list: `label` in a column `label_cols` wide (padded by what it shows, not by its
 * bytes), then `text`, wrapped under itself, so a long row never breaks inside a word. */
void term_entry(const char *label, int label_cols, const char *text);
/* A quiet line for the trainer (dim on a terminal). */
void term_notice(const char *text);
/* A diagnostic (file:line: message) for the trainer: dim, kept on one line so it can be
 * copied and searched. */
void term_diagnostic(const char *text);
/* A line that matters (an error at the prompt, a time-out). */
void term_alert(const char *text);
/* A command for the person to type, on a line of its own, indented and never wrapped, so that
 * it can be copied whole. */
void term_command(const char *command);
/* A blank line. */
void term_blank(void);
/* printf to the output, cleaned of control characters. */
void term_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Read a line after showing `prompt`. Returns a fresh string without the newline, or NULL at
 * the end of input. Ctrl-C while reading returns "/pause". */
char *term_read(const char *prompt);
/* Call fn(ud) before every line is read (NULL: nothing): the session flushes its journal to
 * disk there, once for everything since the last prompt. */
void term_before_read(void (*fn)(void *), void *ud);
/* Keep the input history of this session in `path` (read now, appended to as lines come). */
void term_history(const char *path);
/* The words tab completion offers (a NULL-terminated list, kept by reference). */
void term_set_completions(const char *const *words);
/* Tab completion that depends on the line typed so far: choose(line) returns the words for it
 * (a NULL-terminated list, kept by the chooser), or NULL for none. NULL: the words set above. */
void term_set_completion_chooser(const char *const *(*choose)(const char *line));

#endif
