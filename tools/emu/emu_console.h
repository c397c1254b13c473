/* emu_console.h: the emulated board's serial line on the host side (tools/emu/emu_console.c): a
 * pty whose slave a symlink names (--port, what esptool, esptool-js and picocom open as they would
 * /dev/ttyUSB0), or this process's stdin/stdout (raw mode with Ctrl-A commands on a terminal,
 * plain bytes on pipes).  Output the chip sends is buffered here; input is read on request. */
#ifndef EMU_CONSOLE_H
#define EMU_CONSOLE_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What reading the console found besides data. */
typedef enum {
    EMU_CON_NONE,
    EMU_CON_OPENED,      /* a client opened the pty */
    EMU_CON_CLOSED,      /* the pty's last client closed it (a hang-up) */
    EMU_CON_EOF,         /* stdin ended */
    EMU_CON_QUIT,        /* Ctrl-A X on a terminal */
    EMU_CON_RESET,       /* Ctrl-A R */
    EMU_CON_BOOT,        /* Ctrl-A B: reset into the serial bootloader */
} emu_con_event_t;

/* Output kept while no client has the pty open (the newest bytes win), as a USB serial adapter
 * buffers what the chip sends. */
#define EMU_CON_KEEP_CLOSED (4096)
/* Above this much unsent output (a client that does not read) the emulator pauses the chip. */
#define EMU_CON_HIGH_WATER (1u << 20)

typedef struct {
    int in_fd, out_fd;          /* the pty master twice, or 0 and 1 */
    bool pty;
    bool client;                /* pty: a client has it open */
    int watch_fd;               /* pty: inotify on the slave, counting its opens and closes */
    int opens;                  /* open file descriptions of the slave */
    bool hung_up;               /* the client count reached 0 since the last event */
    bool tty;                   /* stdio on a terminal: raw mode, Ctrl-A commands */
    bool escape;                /* Ctrl-A seen, the command byte comes next */
    bool eof;
    char link[4096];            /* the symlink to remove at exit */
    uint8_t *out;               /* unsent output */
    size_t out_len, out_cap;
} emu_console_t;

bool emu_console_open_pty(emu_console_t *con, const char *link);
bool emu_console_open_stdio(emu_console_t *con);
void emu_console_close(emu_console_t *con);   /* flushes, restores the terminal, removes the link */

void emu_console_put(emu_console_t *con, uint8_t byte);
/* Writes what the line takes now (all of it, blocking, on stdout). */
void emu_console_flush(emu_console_t *con);
bool emu_console_backed_up(const emu_console_t *con);

/* The fds to poll (up to EMU_CON_POLLFDS entries): the pty's client watch, and the line itself
 * while there is a client (a master without a slave polls readable forever) or stdin. */
#define EMU_CON_POLLFDS (2)
int emu_console_pollfd(const emu_console_t *con, struct pollfd *pfd);
/* Reads up to max bytes of input (non-blocking); *event reports a state change or command. */
size_t emu_console_read(emu_console_t *con, uint8_t *buf, size_t max, emu_con_event_t *event);

#endif
