/* port.c (unix): port.h for POSIX hosts: console I/O with a buffered stdout, clocks, sleeping and
 * the file hooks for import (through the VFS layer). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "gc.h"
#include "port.h"
#include "runtime.h"
#include "../../extmod/vfs.h"

/* stdout is block-buffered (line-buffered on a terminal), like CPython's. */
static struct {
    size_t len;
    int tty;              /* -1 until checked */
    char buf[8192];
} out = { 0, -1, { 0 } };

static void write_all(int fd, const char *s, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, s, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        s += n;
        len -= (size_t)n;
    }
}

void port_stdout_flush(void) {
    if (out.len > 0) {
        write_all(1, out.buf, out.len);
        out.len = 0;
    }
}

void port_stdout_write(const char *s, size_t len) {
    if (out.tty < 0) {
        out.tty = isatty(1);
    }
    if (out.len + len > sizeof(out.buf)) {
        port_stdout_flush();
        if (len > sizeof(out.buf)) {
            write_all(1, s, len);
            return;
        }
    }
    for (size_t i = 0; i < len; i++) {
        out.buf[out.len++] = s[i];
    }
    if (out.tty) {
        port_stdout_flush();
    }
    if (STATE(dupterm) != OBJ_NULL) {
        os_dupterm_tx(s, len);
    }
}

void port_stderr_write(const char *s, size_t len) {
    port_stdout_flush();
    write_all(2, s, len);
}

int port_stdin_read_char(void) {
    port_stdout_flush();
    if (STATE(dupterm) != OBJ_NULL) {
        int c = os_dupterm_rx();   /* the os.dupterm console first: the host's read blocks */
        if (c >= 0) {
            return c;
        }
    }
    unsigned char c;
    for (;;) {
        rt_handle_pending();   /* a Ctrl-C that came just before the read must not wait for a key */
        ssize_t n = read(0, &c, 1);
        if (n == 1) {
            return c;
        }
        if (n < 0 && errno == EINTR) {
            continue;   /* Ctrl-C while input() waits: KeyboardInterrupt now, at the loop's top */
        }
        return -1;
    }
}

uint64_t port_ticks_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

uint64_t port_time_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void port_sleep_us(uint64_t us) {
    struct timespec ts = { (time_t)(us / 1000000u), (long)(us % 1000000u) * 1000 };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* Files go through the VFS layer, so import and boot.py work from any mounted file system. */
int port_stat(const char *path) {
    return vfs_stat_kind(path);
}

char *port_read_file(const char *path, size_t *len) {
    return vfs_read_file(path, len);
}

void port_random_bytes(uint8_t *buf, size_t len) {
    while (len > 0) {
        ssize_t n = getrandom(buf, len, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            port_fatal("getrandom failed");
        }
        buf += n;
        len -= (size_t)n;
    }
}

void port_exit(int code) {
    port_stdout_flush();
    exit(code);
}

void port_fatal(const char *msg) {
    port_stdout_flush();
    fprintf(stderr, "adder: fatal error: %s\n", msg);
    abort();
}
