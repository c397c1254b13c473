/* tty.c (unix): the terminal under the REPL, and `adder --serial PATH`.
 *
 * The REPL reads keys with the terminal in raw mode and runs code in the original mode, so that
 * input() edits lines and Ctrl-C sends SIGINT.  --serial makes the host look like a board on a
 * USB serial port: clients (picocom, mpremote) open PATH, a pseudo-terminal of its own; the
 * interpreter's console is a second pseudo-terminal, so the same termios switching gives the
 * board's "\n" -> "\r\n" output for programs and byte-exact protocol output for the REPL.  A small
 * relay process copies bytes between the two and turns 0x03 into SIGINT while code runs, as a
 * board's UART interrupt does. */
#define _DEFAULT_SOURCE
#define _XOPEN_SOURCE 600
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>
#include "tty.h"

static struct {
    struct termios orig;
    bool have_orig;
    char *link;                 /* the symlink to remove at exit */
    volatile int *running;      /* shared with the relay: code is running */
} tty;

static void restore_at_exit(void) {
    tty_mode_orig();
}

void tty_mode_raw(void) {
    if (!tty.have_orig) {
        if (tcgetattr(0, &tty.orig) != 0) {
            return;
        }
        tty.have_orig = true;
        atexit(restore_at_exit);
    }
    struct termios t = tty.orig;
    t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    t.c_oflag &= ~(tcflag_t)OPOST;
    t.c_cflag = (t.c_cflag & ~(tcflag_t)(CSIZE | PARENB)) | CS8;
    t.c_lflag = 0;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    /* TCSANOW, not TCSAFLUSH: a tool may already have sent its next command */
    tcsetattr(0, TCSANOW, &t);
}

void tty_mode_orig(void) {
    if (tty.have_orig) {
        tcsetattr(0, TCSANOW, &tty.orig);
    }
}

void tty_serial_interruptible(bool on) {
    if (tty.running != NULL) {
        *tty.running = on;
    }
}

static bool write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR) {
            continue;
        }
        if (k <= 0) {
            return false;
        }
        s += k;
        n -= (size_t)k;
    }
    return true;
}

/* A pseudo-terminal in raw mode; returns the master, the slave in *slave. */
static int open_pty(int *slave) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) {
        return -1;
    }
    const char *name;
    if (grantpt(m) != 0 || unlockpt(m) != 0 || (name = ptsname(m)) == NULL
        || (*slave = open(name, O_RDWR | O_NOCTTY)) < 0) {
        close(m);
        return -1;
    }
    return m;
}

/* What a client that connects late is shown: the console's output since its last newline (the
 * prompt and what is typed after it), kept by the relay. */
static struct {
    char text[256];
    size_t len;
} last_line;

static void remember_output(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            last_line.len = 0;
        } else if (last_line.len < sizeof(last_line.text)) {
            last_line.text[last_line.len++] = s[i];
        }
    }
}

/* Only the friendly REPL's prompts are shown again: in the raw REPL a tool that flushes its input
 * after reading everything would see a second ">" and lose step with the protocol. */
static bool at_prompt(void) {
    static const char prompts[3][5] = { ">>> ", "... ", "=== " };
    for (int i = 0; i < 3; i++) {
        if (last_line.len >= 4 && memcmp(last_line.text, prompts[i], 4) == 0) {
            return true;
        }
    }
    return false;
}

/* Bytes from the line: 0x03 interrupts running code, the rest goes to the interpreter. */
static bool from_line(int console, char *buf, ssize_t n, pid_t interpreter) {
    ssize_t k = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] == 3 && *tty.running) {
            kill(interpreter, SIGINT);
        } else {
            buf[k++] = buf[i];
        }
    }
    return k == 0 || write_all(console, buf, (size_t)k);
}

/* The relay: console <-> line.  It ends when the interpreter's side closes (the interpreter
 * exited); it holds the line's slave open so the line works before and between clients.
 * The line's master is in packet mode, which reports a client's flush of its input (picocom and
 * pyserial flush when they open the port, discarding the banner and prompt written before): the
 * current line is then written again, once the client's flushes are over, so it sees a prompt. */
static void relay(int console, int line, pid_t interpreter) {
    struct pollfd fds[2] = { { console, POLLIN, 0 }, { line, POLLIN, 0 } };
    char buf[1025];
    int replay_ms = -1;   /* poll timeout until the replay, -1 when none is due */
    for (;;) {
        int r = poll(fds, 2, replay_ms);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        if (r == 0) {
            replay_ms = -1;
            if (at_prompt() && !write_all(line, last_line.text, last_line.len)) {
                return;
            }
            continue;
        }
        if (fds[0].revents) {
            ssize_t n = read(console, buf, sizeof(buf));
            if (n <= 0 || !write_all(line, buf, (size_t)n)) {
                return;
            }
            remember_output(buf, (size_t)n);
        }
        if (fds[1].revents) {
            ssize_t n = read(line, buf, sizeof(buf));
            if (n <= 0) {
                continue;
            }
            if (buf[0] != TIOCPKT_DATA) {
                replay_ms = buf[0] & TIOCPKT_FLUSHREAD ? 50 : replay_ms;
            } else if (!from_line(console, buf + 1, n - 1, interpreter)) {
                return;
            }
        }
    }
}

static void unlink_at_exit(void) {
    unlink(tty.link);
}

/* SIGTERM/SIGHUP end the server: remove the link, then die of the signal as usual. */
static void on_terminate(int sig) {
    unlink(tty.link);
    signal(sig, SIG_DFL);
    raise(sig);
}

bool tty_serial_open(const char *path) {
    int console_slave, line_slave;
    int console = open_pty(&console_slave);
    int line = console < 0 ? -1 : open_pty(&line_slave);
    if (line < 0) {
        return false;
    }
    struct termios t;
    tcgetattr(line_slave, &t);
    cfmakeraw(&t);
    cfsetispeed(&t, B115200);
    cfsetospeed(&t, B115200);
    tcsetattr(line_slave, TCSANOW, &t);
    tty.running = mmap(NULL, sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (tty.running == MAP_FAILED) {
        tty.running = NULL;
        return false;
    }
    int on = 1;
    ioctl(line, TIOCPKT, &on);
    /* the handlers first: a client may stop the server as soon as the link exists */
    tty.link = strdup(path);
    atexit(unlink_at_exit);
    signal(SIGTERM, on_terminate);
    signal(SIGHUP, on_terminate);
    unlink(path);
    if (symlink(ptsname(line), path) != 0) {
        return false;
    }
    pid_t interpreter = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        return false;
    }
    if (pid == 0) {
        signal(SIGINT, SIG_DFL);   /* Ctrl-C in the launching shell stops the server */
        signal(SIGTERM, SIG_DFL);  /* the interpreter removes the link */
        signal(SIGHUP, SIG_DFL);
        close(console_slave);
        relay(console, line, interpreter);
        _exit(0);
    }
    close(console);
    close(line);
    close(line_slave);
    dup2(console_slave, 0);
    dup2(console_slave, 1);
    dup2(console_slave, 2);
    close(console_slave);
    return true;
}
