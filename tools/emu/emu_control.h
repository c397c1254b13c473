/* emu_control.h: the emulator's control socket (--control PATH, tools/emu/emu_control.c): a Unix
 * stream socket taking one command per line (reset, boot, dtr/rts, press/release, state, quit; the
 * commands themselves are main.c's) and answering each with one line, `ok ...` or `error ...`. */
#ifndef EMU_CONTROL_H
#define EMU_CONTROL_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#define EMU_CONTROL_CLIENTS (8)
#define EMU_CONTROL_LINE (256)

/* Runs one command line (no newline) and writes the answer (no newline) into reply. */
typedef void (*emu_control_fn)(void *ctx, const char *line, char *reply, size_t reply_size);

typedef struct {
    int fd;                     /* the control socket */
    int len;                    /* bytes of the current line */
    char line[EMU_CONTROL_LINE];
} emu_control_client_t;

typedef struct {
    int listen_fd;              /* -1: no control socket */
    char path[108];
    emu_control_client_t clients[EMU_CONTROL_CLIENTS];
} emu_control_t;

bool emu_control_open(emu_control_t *ctl, const char *path);
void emu_control_none(emu_control_t *ctl);     /* no --control */
void emu_control_close(emu_control_t *ctl);    /* removes the socket file */

/* The fds to poll (at most 1 + EMU_CONTROL_CLIENTS); then emu_control_service with the same
 * entries after poll() filled in revents. */
int emu_control_pollfds(const emu_control_t *ctl, struct pollfd *pfd);
void emu_control_service(emu_control_t *ctl, const struct pollfd *pfd, int n, emu_control_fn fn, void *ctx);

#endif
