/*
 * term.c - terminal output (wrapping, colour) and input (readline or plain lines).
 */
#include "console/term.h"

#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "base/util.h"

static int color_on, interactive, out_tty, projector;
static int env_columns;     /* COLUMNS as set when the session began (0: not set, or too few) */
static volatile sig_atomic_t interrupted;
static const char *const *completions;
static const char *const *(*choose_completions)(const char *line);
static char *history_path;

static int bounded_getc(FILE *in);

#define RESET "\033[0m"
#define BOLD "\033[1m"
#define DIM "\033[2m"

#define REVERSE "\033[1;7m"

static const char *const palette[] = {
    "\033[1;36m", "\033[1;33m", "\033[1;35m", "\033[1;32m", "\033[1;34m", "\033[1;31m",
};
/* On a wall: black on a bright ground, which reads on a light and a dark background alike (no
 * dark red or blue on black). */
static const char *const wall_palette[] = {
    "\033[1;30;106m", "\033[1;30;103m", "\033[1;30;105m", "\033[1;30;102m", "\033[1;30;47m", "\033[1;30;43m",
};
#define NCOLORS (sizeof palette / sizeof *palette)

/* ============================== set-up ============================== */

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* Readline calls this when a signal arrives while it reads: end the line, so the caller can
 * pause instead of the program dying. */
static int on_signal_event(void)
{
    if (interrupted) rl_done = 1;
    return 0;
}

/* What is being completed: the words so far of a phrase ("grenzen st" of "/tag @Sanne grenzen
 * st"), of which readline replaces only the last word; `skip` bytes of a match are already typed
 * before that word. */
static const char *phrase;
static size_t phrase_len, skip;

static char *complete_word(const char *text, int state)
{
    static int i;
    (void)text;
    if (!state) i = 0;
    while (completions && completions[i]) {
        const char *w = completions[i++];
        if (strlen(w) >= skip && strncmp(w, phrase, phrase_len) == 0) return xstrdup(w + skip);
    }
    return NULL;
}

/* Where the phrase being typed begins: after a /command and an @name, so that a term of two
 * words ("grenzen stellen") completes as one. */
static int phrase_start(const char *line, int start)
{
    if (line[0] != '/') return start;
    int k = (int)strcspn(line, " ");
    while (line[k] == ' ') k++;
    if (line[k] == '@' && k < start) {
        k += (int)strcspn(line + k, " ");
        while (line[k] == ' ') k++;
    }
    return k < start ? k : start;
}

static char **complete(const char *text, int start, int end)
{
    (void)text;
    rl_attempted_completion_over = 1;
    if (choose_completions) completions = choose_completions(rl_line_buffer);
    int from = phrase_start(rl_line_buffer, start);
    phrase = rl_line_buffer + from;
    phrase_len = (size_t)(end - from);
    skip = (size_t)(start - from);
    char **matches = rl_completion_matches(text, complete_word);
    if (!matches && skip) {          /* no phrase of that start: the last word alone (an @name) */
        phrase = text;
        phrase_len = strlen(text);
        skip = 0;
        matches = rl_completion_matches(text, complete_word);
    }
    return matches;
}

void term_init(void)
{
    /* A session belongs to its terminal: when the terminal hangs up, or the session is told to
     * end, it ends (the journal is complete after every entry), even when it was started with
     * those signals ignored (nohup, a background job of a script), which would leave it
     * running on for no one. */
    signal(SIGHUP, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    interactive = isatty(STDIN_FILENO);
    out_tty = isatty(STDOUT_FILENO);
    const char *nc = getenv("NO_COLOR");
    color_on = out_tty && !(nc && *nc);
    const char *cols = getenv("COLUMNS");
    env_columns = cols && atoi(cols) > 20 ? atoi(cols) : 0;
    if (interactive) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigint;
        sigaction(SIGINT, &sa, NULL);
        rl_signal_event_hook = on_signal_event;
        rl_event_hook = on_signal_event;      /* readline restarts its read after a signal */
        rl_attempted_completion_function = complete;
        rl_basic_word_break_characters = " \t";
        rl_readline_name = "verbeeld";
        rl_getc_function = bounded_getc;
    }
}

void term_set_projector(int on)
{
    projector = on;
}

int term_interactive(void)
{
    return interactive;
}

void term_drop_typeahead(void)
{
    if (interactive) tcflush(STDIN_FILENO, TCIFLUSH);
}

int term_width(void)
{
    struct winsize ws;
    if (out_tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col > 100 ? 100 : ws.ws_col;
    /* Read once, in term_init: looked up for every text, getenv was a twentieth of the walk
     * that renders text (bench/walk.c, callgrind, 1,000 scenes). */
    return env_columns ? env_columns : 80;
}

/* ============================== output ============================== */

/* The width of the word at `p` (up to a space, a newline or the end) in columns, and its
 * length in bytes in *len: one pass over its bytes, ASCII counted as it goes. */
static int word_width(const char *p, size_t *len)
{
    const unsigned char *q = (const unsigned char *)p;
    unsigned high = 0;
    while (*q && *q != ' ' && *q != '\n') high |= *q++;
    *len = (size_t)(q - (const unsigned char *)p);
    return high < 0x80 ? (int)*len : (int)utf8_width(p, *len);
}

/* `text` wrapped to the width, each line starting with `indent` (whose width is given, as it
 * may hold colour codes), ending in a newline; the first line starts after `first` columns
 * already used. Valid until the next call. The lines are composed first and written at once
 * (wrap): a stdio call per word was an eighth of the walk that renders text (bench/walk.c,
 * callgrind, 1,000 scenes). The two buffers are kept from one call to the next (the console
 * is one thread): allocating and growing them was a tenth of that walk (bench/notes.md,
 * "Eleventh session"). */
static const StrBuf *wrapped(const char *text, const char *indent, int indent_cols, int first)
{
    static StrBuf clean, out;
    if (!clean.s) sb_init(&clean), sb_init(&out);
    clean.len = out.len = 0;
    clean.s[0] = '\0';
    clean_text_to(&clean, text, strlen(text));
    int width = term_width();
    int col = first, line_start = 1;
    const char *p = clean.s;
    while (*p) {
        if (*p == '\n') {
            sb_addc(&out, '\n');
            sb_add(&out, indent);
            col = indent_cols;
            line_start = 1;
            p++;
            continue;
        }
        if (*p == ' ') { p++; continue; }
        size_t n;
        int w = word_width(p, &n);
        if (!line_start && col + 1 + w > width) {
            sb_addc(&out, '\n');
            sb_add(&out, indent);
            col = indent_cols;
        } else if (!line_start) {
            sb_addc(&out, ' ');
            col++;
        }
        sb_addn(&out, p, n);
        col += w;
        line_start = 0;
        p += n;
    }
    sb_addc(&out, '\n');
    return &out;
}

static void wrap(const char *text, const char *indent, int indent_cols, int first)
{
    const StrBuf *out = wrapped(text, indent, indent_cols, first);
    fwrite(out->s, 1, out->len, stdout);
}

void term_heading(const char *text)
{
    char *line = xasprintf("== %s ==", text);       /* wrapped at words on any width */
    fputc('\n', stdout);
    if (color_on) fputs(BOLD, stdout);
    wrap(line, "   ", 3, 0);
    if (color_on) fputs(RESET, stdout);
    fputc('\n', stdout);
    free(line);
}

void term_banner(const char *text)
{
    char *clean = clean_text(text);
    int width = term_width();
    fputc('\n', stdout);
    if (!color_on) {                     /* no colour: the text, and a heavy rule under it */
        char *line = xasprintf("▶ %s", clean);
        wrap(line, "  ", 2, 0);
        free(line);
        for (int i = 0; i < width && i < 60; i++) fputs("━", stdout);
        fputc('\n', stdout);
        free(clean);
        return;
    }
    int pad = width - 1;               /* a bar three lines high: a line of ground above and below */
    printf(REVERSE "%*s" RESET "\n", pad, "");
    const char *p = clean;              /* each line padded to the width, in reverse video */
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        int col = 1;
        const char *start = p, *end = p;
        while (*p) {
            size_t n = strcspn(p, " ");
            int w = (int)utf8_width(p, n);
            if (end != start && col + 1 + w > pad - 1) break;
            col += (end != start) + w;
            p += n;
            end = p;
            while (*p == ' ') p++;
        }
        printf(REVERSE " %.*s%*s" RESET "\n", (int)(end - start), start, pad - col > 0 ? pad - col : 0, "");
    }
    printf(REVERSE "%*s" RESET "\n", pad, "");
    free(clean);
}

void term_text(const char *text)
{
    wrap(text, "", 0, 0);
    fputc('\n', stdout);
}

void term_say(const char *who, int color, const char *text)
{
    char *name = clean_text(who);
    int cols = (int)utf8_width(name, strlen(name)) + 2;
    if (color_on && projector) printf("%s %s " RESET " ", wall_palette[(unsigned)color % NCOLORS], name), cols += 1;
    else if (color_on) printf("%s%s" RESET ": ", palette[(unsigned)color % NCOLORS], name);
    else printf("%s: ", name);
    wrap(text, "    ", 4, cols);
    fputc('\n', stdout);
    free(name);
}

void term_choice(int number, const char *text)
{
    /* "  12) " put together by hand: snprintf took 700 instructions for it, a twentieth of the
     * walk that renders text (bench/walk.c, callgrind, 1,000 scenes). */
    char head[16] = "  ", digits[12];
    int n = 2, nd = 0;
    unsigned u = number > 0 ? (unsigned)number : 0;
    do digits[nd++] = (char)('0' + u % 10); while ((u /= 10));
    while (nd) head[n++] = digits[--nd];
    head[n++] = ')';
    head[n++] = ' ';
    head[n] = '\0';
    if (color_on) printf(BOLD "%s" RESET, head);
    else fputs(head, stdout);
    char indent[sizeof head];                 /* under the text, also after "11) " */
    memset(indent, ' ', (size_t)n);
    indent[n] = '\0';
    wrap(text, indent, n, n);
}

void term_entry(const char *label, int label_cols, const char *text)
{
    char *clean = clean_text(label);
    int shown = (int)utf8_width(clean, strlen(clean));
    int col = 2 + (shown > label_cols ? shown : label_cols) + 1;
    printf("  %s%*s ", clean, shown < label_cols ? label_cols - shown : 0, "");
    free(clean);
    char indent[64];
    int n = col < (int)sizeof indent - 1 ? col : (int)sizeof indent - 1;
    memset(indent, ' ', (size_t)n);
    indent[n] = '\0';
    wrap(text, indent, n, col);
}

/* A line of the console's own, wrapped with a hanging indent, in `style` on a terminal. Lines
 * that start with spaces (tables, lists) keep their own layout. */
static void styled(const char *style, const char *text)
{
    if (color_on) fputs(style, stdout);
    if (*text == ' ') {
        char *clean = clean_text(text);
        fputs(clean, stdout);
        fputc('\n', stdout);
        free(clean);
    } else {
        wrap(text, "    ", 4, 0);
    }
    if (color_on) fputs(RESET, stdout);
}

void term_notice(const char *text)
{
    styled(projector ? "" : DIM, text);        /* dim washes out on a wall */
}

void term_diagnostic(const char *text)
{
    char *clean = clean_text(text);
    if (color_on && !projector) printf(DIM "%s" RESET "\n", clean);
    else printf("%s\n", clean);
    free(clean);
}

void term_alert(const char *text)
{
    styled(BOLD, text);
}

void term_command(const char *command)
{
    char *clean = clean_text(command);
    if (color_on) printf("  " BOLD "%s" RESET "\n", clean);
    else printf("  %s\n", clean);
    free(clean);
}

void term_blank(void)
{
    fputc('\n', stdout);
}

void term_printf(const char *fmt, ...)
{
    StrBuf b;
    va_list ap;
    sb_init(&b);
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    char *clean = clean_text(b.s);
    fputs(clean, stdout);
    free(clean);
    sb_free(&b);
}

/* ============================== input ============================== */

/* The history holds what was typed (names, notes): as private as the journal beside it (0600),
 * created before readline appends to it, and only ever a regular file (a FIFO would hang). */
void term_history(const char *path)
{
    if (!interactive) return;
    free(history_path);
    history_path = NULL;
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    if (fd < 0) return;
    struct stat st;
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (regular && (st.st_mode & 077)) fchmod(fd, 0600);     /* one an older verbeeld left readable */
    close(fd);
    if (!regular) return;
    history_path = xstrdup(path);
    read_history(path);
}

void term_set_completions(const char *const *words)
{
    completions = words;
    choose_completions = NULL;
}

void term_set_completion_chooser(const char *const *(*choose)(const char *line))
{
    choose_completions = choose;
}

#define MAX_LINE (64u << 10)

/* Cut `line` to at most MAX_LINE bytes, at the start of a character. */
static void cut_line(char *line)
{
    size_t n = strlen(line);
    if (n <= MAX_LINE) return;
    n = MAX_LINE;
    while (n > 0 && ((unsigned char)line[n] & 0xC0) == 0x80) n--;
    line[n] = '\0';
}

/* One line of plain input, at most MAX_LINE bytes kept: the rest of a longer line is read and
 * let go as it comes, so a line of gigabytes without a newline never sits in memory whole.
 * NULL at the end of input (as getline, a last line without a newline still counts). */
static char *read_bounded(FILE *in)
{
    char *line = xmalloc(MAX_LINE + 1);
    size_t n = 0;
    int c, any = 0;
    flockfile(in);
    while ((c = getc_unlocked(in)) != EOF) {
        any = 1;
        if (c == '\n') break;
        if (n < MAX_LINE) line[n++] = (char)c;
    }
    funlockfile(in);
    if (!any) {
        free(line);
        return NULL;
    }
    line[n] = '\0';
    while (n > 0 && line[n - 1] == '\r') line[--n] = '\0';
    return line;           /* a NUL byte inside ends it: strlen keeps what came before */
}

/* Plain input: echo the prompt and the line, so a piped session reads like a transcript. */
static char *read_plain(const char *prompt)
{
    char *clean = clean_text(prompt);
    fputs(clean, stdout);
    free(clean);
    fflush(stdout);
    char *line = read_bounded(stdin);
    if (!line) {
        fputc('\n', stdout);
        return NULL;
    }
    cut_line(line);
    char *echo = clean_text(line);
    printf("%s\n", echo);
    free(echo);
    return line;
}

/* Readline keeps the line in memory as it grows: past MAX_LINE bytes in one line, what is typed
 * or pasted is let go as it comes. Control keys (Enter, Ctrl-D, Backspace) and escape sequences
 * (arrows, the end of a bracketed paste) always get through, so the line can still end. */
static size_t line_bytes;
static int in_escape;          /* 1 after ESC, 2 inside a CSI or SS3 sequence */

static int bounded_getc(FILE *in)
{
    for (;;) {
        int c = rl_getc(in);
        if (c == EOF) return c;
        if (in_escape == 1) {
            in_escape = c == '[' || c == 'O' ? 2 : 0;
            return c;
        }
        if (in_escape == 2) {
            if (c >= 0x40 && c <= 0x7e) in_escape = 0;
            return c;
        }
        if (c == 033) in_escape = 1;
        if (c < 0x20 || c == 0x7f) return c;
        if (line_bytes < MAX_LINE) {
            line_bytes++;
            return c;
        }
    }
}

/* What was typed, as it is kept: invalid UTF-8 (a name, a note, a goal) would make the journal
 * invalid JSON, and a control character has no business in it; clean_text's rule. */
static char *typed(char *line)
{
    if (!line) return NULL;
    char *clean = clean_text(line);
    free(line);
    return clean;
}

/* What readline is given of `prompt`, cleaned (names in it come from cast files). A prompt
 * wider than the terminal is wrapped at its words like any text and all but its last line
 * printed, so that the terminal does not break it in the middle of a word. */
static char *prompt_line(const char *prompt)
{
    char *shown = clean_text(prompt);
    size_t n = strlen(shown);
    if ((int)utf8_width(shown, n) < term_width()) return shown;
    const StrBuf *out = wrapped(shown, "", 0, 0);
    size_t end = out->len - 1;                     /* the newline after the last line */
    const char *last = memrchr(out->s, '\n', end);
    size_t head = last ? (size_t)(last + 1 - out->s) : 0;
    fwrite(out->s, 1, head, stdout);
    char *tail = xasprintf("%.*s%s", (int)(end - head), out->s + head, n && shown[n - 1] == ' ' ? " " : "");
    free(shown);
    return tail;
}

static void (*before_read)(void *);
static void *before_read_ud;

void term_before_read(void (*fn)(void *), void *ud)
{
    before_read = fn;
    before_read_ud = ud;
}

char *term_read(const char *prompt)
{
    if (before_read) before_read(before_read_ud);
    fflush(stdout);
    if (!interactive) return typed(read_plain(prompt));
    /* Ctrl-C pressed while the last line was still being taken in (the terminal dropped what
     * was typed with it): it is the pause it meant, not lost. */
    if (interrupted) {
        interrupted = 0;
        fputc('\n', stdout);
        return xstrdup("/pause");
    }
    char *shown = prompt_line(prompt);
    line_bytes = 0;
    in_escape = 0;
    char *line = readline(shown);
    free(shown);
    if (line) cut_line(line);
    if (interrupted) {
        free(line);
        interrupted = 0;
        fputc('\n', stdout);
        return xstrdup("/pause");
    }
    if (line && *line) {
        add_history(line);
        if (history_path) append_history(1, history_path);
    }
    return typed(line);
}
