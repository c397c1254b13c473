/* tty.h (unix): the terminal under the REPL (termios modes) and `adder --serial`'s pseudo-terminal. */
#ifndef ADDER_TTY_H
#define ADDER_TTY_H

#include <stdbool.h>

void tty_mode_raw(void);     /* stdin: keys unprocessed, no echo, no output translation */
void tty_mode_orig(void);    /* stdin back as it was (for running code) */
/* Serves the console on a new pseudo-terminal linked at path: stdin/stdout/stderr become it, and a
 * relay process copies bytes between it and the line clients open.  False (errno set) on failure. */
bool tty_serial_open(const char *path);
void tty_serial_interruptible(bool on);   /* 0x03 from the line raises KeyboardInterrupt while on */

#endif
