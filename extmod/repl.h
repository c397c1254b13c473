/* repl.h: the interactive prompt every port shares (extmod/repl.c) and its line editor
 * (extmod/readline.c).  The REPL speaks MicroPython's protocols: the friendly REPL with line
 * editing, paste mode (Ctrl-E), the raw REPL (Ctrl-A) and raw-paste, which tools such as mpremote
 * drive byte for byte.  It reads keys with port_stdin_read_char and writes with port_stdout_write;
 * the port adds only what is below. */
#ifndef ADDER_REPL_H
#define ADDER_REPL_H

#include <stdbool.h>
#include "vstr.h"

#define CHAR_CTRL_A (1)
#define CHAR_CTRL_B (2)
#define CHAR_CTRL_C (3)
#define CHAR_CTRL_D (4)
#define CHAR_CTRL_E (5)
#define REPL_EOF (-2)          /* readline: the input ended (the host closed the terminal) */

typedef struct {
    /* Terminal modes: keys unprocessed and unechoed while the REPL reads them, the original
     * mode while Python code runs (so input() and SIGINT work).  Either may be NULL. */
    void (*mode_raw)(void);
    void (*mode_orig)(void);
    /* A serial line: the port turns the byte 0x03 into KeyboardInterrupt while on is true. */
    void (*interruptible)(bool on);
    /* Clears the Python state (heap, globals, modules); NULL means Ctrl-D and SystemExit exit.
     * With it the REPL acts as a board's: boot.py and main.py run at start and after each reset. */
    void (*soft_reset)(void);
} repl_port_t;

/* Runs the REPL until the user leaves it; returns the process exit status. */
int repl_main(const repl_port_t *port);

/* ---- the line editor (readline.c) ---- */
/* Reads one line, appending it to line (which may hold earlier lines of the statement, each
 * ended by '\n').  Returns 0 for Enter, a control character (Ctrl-A..Ctrl-E on an empty line,
 * Ctrl-C anywhere), or REPL_EOF. */
int readline(vstr_t *line, const char *prompt);
void readline_clear_history(void);

/* ---- completion (repl.c, used by readline.c) ---- */
/* Completes the word before the cursor in s[0..len): returns the number of bytes to insert
 * (written to *compl), 0 for no match, or (size_t)-1 after printing several candidates. */
size_t repl_autocomplete(const char *s, size_t len, const char **compl);

#endif
