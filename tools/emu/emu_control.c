/* emu_control.c: the control socket: accepts clients on a Unix stream socket, splits what they
 * send into lines and answers each line with what the command function replies.  A line longer
 * than EMU_CONTROL_LINE is answered with an error; a client that goes away is forgotten. */
#define _GNU_SOURCE
#include "emu_control.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

void emu_control_none(emu_control_t *ctl) {
    memset(ctl, 0, sizeof *ctl);
    ctl->listen_fd = -1;
    for (int i = 0; i < EMU_CONTROL_CLIENTS; i++) {
        ctl->clients[i].fd = -1;
    }
}

bool emu_control_open(emu_control_t *ctl, const char *path) {
    emu_control_none(ctl);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof addr.sun_path) {
        fprintf(stderr, "adder-nodemcu: control socket path too long: %s\n", path);
        return false;
    }
    strcpy(addr.sun_path, path);
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
        unlink(path);   /* left behind by an emulator that was killed */
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 4) != 0) {
        fprintf(stderr, "adder-nodemcu: control socket %s: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return false;
    }
    ctl->listen_fd = fd;
    strcpy(ctl->path, path);
    return true;
}

void emu_control_close(emu_control_t *ctl) {
    for (int i = 0; i < EMU_CONTROL_CLIENTS; i++) {
        if (ctl->clients[i].fd >= 0) {
            close(ctl->clients[i].fd);
        }
    }
    if (ctl->listen_fd >= 0) {
        close(ctl->listen_fd);
        unlink(ctl->path);
    }
    emu_control_none(ctl);
}

int emu_control_pollfds(const emu_control_t *ctl, struct pollfd *pfd) {
    if (ctl->listen_fd < 0) {
        return 0;
    }
    int n = 0;
    pfd[n++] = (struct pollfd){ctl->listen_fd, POLLIN, 0};
    for (int i = 0; i < EMU_CONTROL_CLIENTS; i++) {
        if (ctl->clients[i].fd >= 0) {
            pfd[n++] = (struct pollfd){ctl->clients[i].fd, POLLIN, 0};
        }
    }
    return n;
}

static void accept_client(emu_control_t *ctl) {
    int fd = accept4(ctl->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0) {
        return;
    }
    for (int i = 0; i < EMU_CONTROL_CLIENTS; i++) {
        if (ctl->clients[i].fd < 0) {
            ctl->clients[i].fd = fd;
            ctl->clients[i].len = 0;
            return;
        }
    }
    static const char busy[] = "error too many control clients\n";
    (void)!write(fd, busy, sizeof busy - 1);
    close(fd);
}

static void answer(emu_control_client_t *cl, const char *reply) {
    char buf[EMU_CONTROL_LINE + 64];
    int n = snprintf(buf, sizeof buf, "%s\n", reply);
    /* a blocking socket: the client reads its answer before its next command */
    (void)!write(cl->fd, buf, (size_t)n);
}

static void run_line(emu_control_client_t *cl, emu_control_fn fn, void *ctx) {
    char reply[EMU_CONTROL_LINE];
    cl->line[cl->len] = '\0';
    if (cl->len > 0 && cl->line[cl->len - 1] == '\r') {
        cl->line[cl->len - 1] = '\0';
    }
    fn(ctx, cl->line, reply, sizeof reply);
    answer(cl, reply);
    cl->len = 0;
}

static void read_client(emu_control_client_t *cl, emu_control_fn fn, void *ctx) {
    char buf[512];
    ssize_t n = read(cl->fd, buf, sizeof buf);
    if (n <= 0) {
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            return;
        }
        close(cl->fd);
        cl->fd = -1;
        return;
    }
    for (ssize_t i = 0; i < n && cl->fd >= 0; i++) {
        if (buf[i] == '\n') {
            if (cl->len < 0) {   /* the end of an overlong line */
                answer(cl, "error line too long");
                cl->len = 0;
            } else {
                run_line(cl, fn, ctx);
            }
        } else if (cl->len >= 0 && cl->len < EMU_CONTROL_LINE - 1) {
            cl->line[cl->len++] = buf[i];
        } else {
            cl->len = -1;
        }
    }
}

void emu_control_service(emu_control_t *ctl, const struct pollfd *pfd, int n, emu_control_fn fn, void *ctx) {
    for (int k = 0; k < n; k++) {
        if (!(pfd[k].revents & (POLLIN | POLLHUP | POLLERR))) {
            continue;
        }
        if (pfd[k].fd == ctl->listen_fd) {
            accept_client(ctl);
            continue;
        }
        for (int i = 0; i < EMU_CONTROL_CLIENTS; i++) {
            if (ctl->clients[i].fd == pfd[k].fd) {
                read_client(&ctl->clients[i], fn, ctx);
            }
        }
    }
}
