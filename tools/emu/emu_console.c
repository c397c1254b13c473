/* emu_console.c: the emulated board's serial line on the host side: a pty (--port) or stdio.
 *
 * The pty: the emulator holds only the master.  Clients are counted with inotify on the slave:
 * every open file description of it gives one IN_OPEN and one IN_CLOSE_*, so their difference is
 * the number of clients, and a client closing is seen even when the next opens before the emulator
 * looks (esptool exits, picocom starts at once).  While no client has it, the master is not polled
 * (a master without a slave polls readable forever).  Each new client finds the line raw (a client
 * that left echo on does not affect the next).  Output while no client has the port: the newest
 * EMU_CON_KEEP_CLOSED bytes are kept and sent when a client opens it.
 *
 * Stdio: on a terminal, raw mode and Ctrl-A commands (X quit, R reset, B bootloader, A a literal
 * Ctrl-A); on pipes, plain bytes both ways. */
#define _GNU_SOURCE
#include "emu_console.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#define CTRL_A (0x01)

static struct termios saved_tty;
static bool tty_saved;

static void restore_tty(void) {
    if (tty_saved) {
        tcsetattr(0, TCSAFLUSH, &saved_tty);
        tty_saved = false;
    }
}

static void make_raw(int fd) {
    struct termios t;
    if (tcgetattr(fd, &t) == 0) {
        cfmakeraw(&t);
        cfsetspeed(&t, B115200);
        tcsetattr(fd, TCSANOW, &t);
    }
}

static bool put_link(emu_console_t *con, const char *link, const char *target) {
    struct stat st;
    if (lstat(link, &st) == 0) {
        if (!S_ISLNK(st.st_mode)) {
            fprintf(stderr, "adder-nodemcu: %s exists and is not a symlink\n", link);
            return false;
        }
        unlink(link);
    }
    if (symlink(target, link) != 0) {
        fprintf(stderr, "adder-nodemcu: symlink %s: %s\n", link, strerror(errno));
        return false;
    }
    snprintf(con->link, sizeof con->link, "%s", link);
    return true;
}

bool emu_console_open_pty(emu_console_t *con, const char *link) {
    memset(con, 0, sizeof *con);
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0) {
        fprintf(stderr, "adder-nodemcu: cannot create a pty: %s\n", strerror(errno));
        return false;
    }
    const char *slave = ptsname(m);
    make_raw(m);
    con->watch_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (con->watch_fd < 0 || inotify_add_watch(con->watch_fd, slave, IN_OPEN | IN_CLOSE) < 0) {
        fprintf(stderr, "adder-nodemcu: cannot watch %s: %s\n", slave, strerror(errno));
        close(m);
        return false;
    }
    con->in_fd = con->out_fd = m;
    con->pty = true;
    if (!put_link(con, link, slave)) {
        close(m);
        con->pty = false;
        con->in_fd = 0;
        con->out_fd = 1;
        return false;
    }
    return true;
}

bool emu_console_open_stdio(emu_console_t *con) {
    memset(con, 0, sizeof *con);
    con->in_fd = 0;
    con->out_fd = 1;
    if (isatty(0) && tcgetattr(0, &saved_tty) == 0) {
        tty_saved = true;
        con->tty = true;
        atexit(restore_tty);
        make_raw(0);
    }
    return true;
}

void emu_console_close(emu_console_t *con) {
    emu_console_flush(con);
    if (con->pty) {
        close(con->in_fd);
        close(con->watch_fd);
        struct stat st;
        if (con->link[0] && lstat(con->link, &st) == 0 && S_ISLNK(st.st_mode)) {
            unlink(con->link);
        }
    }
    restore_tty();
    free(con->out);
    con->out = NULL;
    con->out_len = con->out_cap = 0;
}

void emu_console_put(emu_console_t *con, uint8_t byte) {
    if (con->out_len == con->out_cap) {
        size_t cap = con->out_cap ? con->out_cap * 2 : 4096;
        uint8_t *p = realloc(con->out, cap);
        if (p == NULL) {
            return;   /* out of memory: the byte is lost, as on an overrun line */
        }
        con->out = p;
        con->out_cap = cap;
    }
    con->out[con->out_len++] = byte;
}

static void drop_front(emu_console_t *con, size_t n) {
    memmove(con->out, con->out + n, con->out_len - n);
    con->out_len -= n;
}

void emu_console_flush(emu_console_t *con) {
    if (con->pty && !con->client) {
        if (con->out_len > EMU_CON_KEEP_CLOSED) {
            drop_front(con, con->out_len - EMU_CON_KEEP_CLOSED);
        }
        return;
    }
    size_t done = 0;
    while (done < con->out_len) {
        ssize_t n = write(con->out_fd, con->out + done, con->out_len - done);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            if (!con->pty) {
                con->out_len = done = 0;   /* stdout is gone: nothing will read it */
            }
            break;   /* the pty's buffer is full: the rest waits */
        }
    }
    drop_front(con, done);
}

bool emu_console_backed_up(const emu_console_t *con) {
    return con->out_len > EMU_CON_HIGH_WATER;
}

int emu_console_pollfd(const emu_console_t *con, struct pollfd *pfd) {
    int n = 0;
    if (con->pty) {
        pfd[n++] = (struct pollfd){con->watch_fd, POLLIN, 0};
    }
    if (!con->eof && (!con->pty || con->client)) {
        pfd[n++] = (struct pollfd){con->in_fd, POLLIN | (con->pty && con->out_len ? POLLOUT : 0), 0};
    }
    return n;
}

/* Ctrl-A commands on a terminal: the bytes are filtered in place; returns how many remain. */
static size_t filter_escapes(emu_console_t *con, uint8_t *buf, size_t n, emu_con_event_t *event) {
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = buf[i];
        if (!con->escape) {
            if (c == CTRL_A) {
                con->escape = true;
            } else {
                buf[out++] = c;
            }
            continue;
        }
        con->escape = false;
        /* Ctrl-X means X and so on, upper or lower case */
        int key = c < 0x20 ? c + 0x60 : c | 0x20;
        switch (key) {
        case 'x': *event = EMU_CON_QUIT; break;
        case 'r': *event = EMU_CON_RESET; break;
        case 'b': *event = EMU_CON_BOOT; break;
        case 'a': buf[out++] = CTRL_A; break;
        default:
            fputs("\r\n[Ctrl-A X quit, R reset, B reset into the bootloader, A send Ctrl-A]\r\n", stderr);
            break;
        }
    }
    return out;
}

static bool readable_now(int fd) {
    struct pollfd p = {fd, POLLIN, 0};
    return poll(&p, 1, 0) > 0;
}

/* Takes the slave's open and close events; a moment with no client at all is remembered. */
static void count_clients(emu_console_t *con) {
    union { struct inotify_event e; char bytes[4096]; } buf;
    ssize_t n;
    while ((n = read(con->watch_fd, buf.bytes, sizeof buf)) > 0) {
        for (char *p = buf.bytes; p < buf.bytes + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            if (e->mask & IN_OPEN) {
                con->opens++;
            }
            if ((e->mask & IN_CLOSE) && con->opens > 0 && --con->opens == 0) {
                con->hung_up = con->client;
            }
            p += sizeof *e + e->len;
        }
    }
}

static size_t read_pty(emu_console_t *con, uint8_t *buf, size_t max, emu_con_event_t *event) {
    count_clients(con);
    if (con->hung_up) {   /* the last client closed, whether or not another has opened since */
        con->hung_up = false;
        con->client = false;
        make_raw(con->in_fd);
        *event = EMU_CON_CLOSED;
        return 0;
    }
    if (!con->client) {
        if (con->opens > 0) {
            con->client = true;
            *event = EMU_CON_OPENED;
        }
        return 0;
    }
    ssize_t n = read(con->in_fd, buf, max);
    return n > 0 ? (size_t)n : 0;   /* EIO: the close's event is still on its way */
}

size_t emu_console_read(emu_console_t *con, uint8_t *buf, size_t max, emu_con_event_t *event) {
    *event = EMU_CON_NONE;
    if (con->pty) {
        return read_pty(con, buf, max, event);
    }
    if (con->eof || max == 0 || !readable_now(con->in_fd)) {
        return 0;
    }
    ssize_t n = read(con->in_fd, buf, max);
    if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
        con->eof = true;
        *event = EMU_CON_EOF;
        return 0;
    }
    if (n < 0) {
        return 0;
    }
    return con->tty ? filter_escapes(con, buf, (size_t)n, event) : (size_t)n;
}
