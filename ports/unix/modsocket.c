/* modsocket.c (unix): the `socket` module (also `usocket`) over the host's BSD sockets, with
 * CPython's (host, port) address tuples (raw sockaddr bytes, MicroPython's unix form, are accepted
 * too), and the port's poll(2) hook that select and blocking socket calls wait in.  Sockets are
 * streams (py/stream.h).  The fd is always non-blocking underneath: blocking and timeouts are
 * waits in poll(2), so Ctrl-C and machine callbacks still run while a call blocks. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "gc.h"
#include "port.h"
#include "runtime.h"
#include "stream.h"
#include "../../extmod/modmachine.h"

int port_poll_fds(size_t n, const int *fds, const uint16_t *events, uint16_t *revents, int timeout_ms) {
    struct pollfd pfd[16];
    if (n > 16) {
        n = 16;
    }
    for (size_t i = 0; i < n; i++) {
        pfd[i].fd = fds[i];
        pfd[i].events = (short)(((events[i] & POLL_IN) ? POLLIN : 0) | ((events[i] & POLL_OUT) ? POLLOUT : 0));
        pfd[i].revents = 0;
    }
    port_stdout_flush();
    int r = poll(pfd, (nfds_t)n, timeout_ms);
    if (r < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        short e = pfd[i].revents;
        revents[i] = (uint16_t)(((e & POLLIN) ? POLL_IN : 0) | ((e & POLLOUT) ? POLL_OUT : 0) |
                                ((e & (POLLERR | POLLNVAL)) ? POLL_ERR : 0) | ((e & POLLHUP) ? POLL_HUP : 0));
    }
    return r;
}

typedef struct {
    obj_base_t base;
    int fd;
    int family;
    int type;
    int timeout_ms;          /* -1: blocking; 0: non-blocking */
} socket_t;

extern const type_t socket_type;

static socket_t *socket_new(int fd, int family, int type) {
    socket_t *s = m_new_obj_with_finaliser(socket_t);   /* __del__ closes the fd */
    s->base.type = &socket_type;
    s->fd = fd;
    s->family = family;
    s->type = type;
    s->timeout_ms = -1;
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return s;
}

static socket_t *get_open(obj_t self) {
    socket_t *s = OBJ_TO_PTR(self);
    if (s->fd < 0) {
        rt_raise_os_error(EBADF);
    }
    return s;
}

/* Waits until the socket is ready for events within its timeout, running callbacks meanwhile.
 * Returns 0, or EAGAIN (non-blocking) / ETIMEDOUT. */
static int wait_ready(socket_t *s, uint16_t events) {
    if (s->timeout_ms == 0) {
        return EAGAIN;
    }
    uint64_t start = port_ticks_us();
    for (;;) {
        machine_poll();
        int ms = 20;   /* slices: timers and IRQs run while a call blocks */
        if (s->timeout_ms > 0) {
            int64_t left = (int64_t)s->timeout_ms - (int64_t)((port_ticks_us() - start) / 1000u);
            if (left <= 0) {
                return ETIMEDOUT;
            }
            ms = left < ms ? (int)left : ms;
        }
        uint16_t rev = 0;
        if (port_poll_fds(1, &s->fd, &events, &rev, ms) > 0) {
            return 0;
        }
    }
}

/* ---- addresses ---- */

/* A resolver failure: OSError(code, message) with getaddrinfo's (negative) code, as CPython's
 * socket.gaierror carries it. */
static RT_NORETURN void raise_gai_error(int code) {
    const char *msg = gai_strerror(code);
    obj_t args[2] = { OBJ_NEW_SMALL_INT(code), obj_new_str(msg, strlen(msg)) };
    rt_raise(obj_new_exception(&type_OSError, 2, args));
}

static socklen_t addr_parse(socket_t *s, obj_t addr, struct sockaddr_storage *out) {
    memset(out, 0, sizeof(*out));
    if (obj_is_type(addr, &type_bytes)) {
        size_t len;
        const char *raw = obj_str_get_data(addr, &len);
        if (len > sizeof(*out)) {
            rt_raise_value_error("invalid address");
        }
        memcpy(out, raw, len);
        return (socklen_t)len;
    }
    size_t n;
    obj_t *items;
    if (!obj_is_type(addr, &type_tuple) || (obj_tuple_get(addr, &n, &items), n < 2)) {
        rt_raise_type_error("%s address must be tuple, not %q", s->family == AF_INET6 ? "AF_INET6" : "AF_INET",
                            obj_type_name(addr));
    }
    const char *host = obj_str_get_cstr(items[0]);
    intptr_t port = obj_get_int(items[1]);
    if (port < 0 || port > 65535) {
        rt_raise_overflow("port must be 0-65535.");
    }
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = s->family;
    hints.ai_flags = *host == 0 ? AI_PASSIVE : 0;
    int r = getaddrinfo(*host == 0 ? NULL : host, NULL, &hints, &res);
    if (r != 0) {
        raise_gai_error(r);
    }
    socklen_t len = res->ai_addrlen;
    memcpy(out, res->ai_addr, len);
    freeaddrinfo(res);
    if (out->ss_family == AF_INET6) {
        ((struct sockaddr_in6 *)out)->sin6_port = htons((uint16_t)port);
    } else {
        ((struct sockaddr_in *)out)->sin_port = htons((uint16_t)port);
    }
    return len;
}

static obj_t addr_to_tuple(const struct sockaddr *sa) {
    char host[INET6_ADDRSTRLEN];
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
        inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof(host));
        obj_t t[4] = { obj_new_str(host, strlen(host)), OBJ_NEW_SMALL_INT(ntohs(a->sin6_port)),
                       obj_new_int_from_ull(ntohl(a->sin6_flowinfo)), obj_new_int_from_ull(a->sin6_scope_id) };
        return obj_new_tuple(4, t);
    }
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &a->sin_addr, host, sizeof(host));
        obj_t t[2] = { obj_new_str(host, strlen(host)), OBJ_NEW_SMALL_INT(ntohs(a->sin_port)) };
        return obj_new_tuple(2, t);
    }
    return OBJ_NONE;
}

/* ---- the stream protocol ---- */

static intptr_t socket_read(obj_t self, void *buf, size_t size, int *err) {
    socket_t *s = OBJ_TO_PTR(self);
    for (;;) {
        ssize_t n = recv(s->fd, buf, size, 0);
        if (n >= 0) {
            return n;
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            *err = errno;
            return STREAM_ERROR;
        }
        if (errno != EINTR && (*err = wait_ready(s, POLL_IN)) != 0) {
            return STREAM_ERROR;
        }
    }
}

static intptr_t socket_write(obj_t self, const void *buf, size_t size, int *err) {
    socket_t *s = OBJ_TO_PTR(self);
    for (;;) {
        ssize_t n = send(s->fd, buf, size, MSG_NOSIGNAL);
        if (n >= 0) {
            return n;
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            *err = errno;
            return STREAM_ERROR;
        }
        if (errno != EINTR && (*err = wait_ready(s, POLL_OUT)) != 0) {
            return STREAM_ERROR;
        }
    }
}

static intptr_t socket_ioctl(obj_t self, uintptr_t request, uintptr_t arg, int *err) {
    socket_t *s = OBJ_TO_PTR(self);
    switch (request) {
        case STREAM_POLL: {
            if (s->fd < 0) {
                return POLL_HUP | POLL_ERR;   /* closed: ready, so a waiting poller notices */
            }
            uint16_t ev = (uint16_t)arg, rev = 0;
            port_poll_fds(1, &s->fd, &ev, &rev, 0);
            return rev;
        }
        case STREAM_CLOSE:
            if (s->fd >= 0) {
                close(s->fd);
                s->fd = -1;
            }
            return 0;
        case STREAM_GET_FILENO:
            return s->fd;
        case STREAM_TIMEOUT:
            s->timeout_ms = (int)(intptr_t)arg;
            return 0;
        case STREAM_FLUSH:
            return 0;
        default:
            *err = EINVAL;
            return STREAM_ERROR;
    }
}

static const stream_p_t socket_stream = { socket_read, socket_write, socket_ioctl, false };

static RT_NORETURN void raise_errno(int e) {
    rt_raise_os_error(e);
}

/* ---- methods ---- */

static obj_t socket_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    (void)type;
    static const arg_spec_t spec[] = {
        { Q_family, 0, OBJ_NEW_SMALL_INT(AF_INET) }, { Q_type, 0, OBJ_NEW_SMALL_INT(SOCK_STREAM) },
        { Q_proto, 0, OBJ_NEW_SMALL_INT(0) },
    };
    obj_t a[3];
    arg_parse(n_args, n_kw, args, spec, 3, a, "socket");
    int family = (int)obj_get_int(a[0]), stype = (int)obj_get_int(a[1]);
    int fd = socket(family, stype, (int)obj_get_int(a[2]));
    if (fd < 0) {
        raise_errno(errno);
    }
    return OBJ_FROM_PTR(socket_new(fd, family, stype));
}

static obj_t socket_bind(obj_t self, obj_t addr) {
    socket_t *s = get_open(self);
    struct sockaddr_storage sa;
    socklen_t len = addr_parse(s, addr, &sa);
    if (bind(s->fd, (struct sockaddr *)&sa, len) < 0) {
        raise_errno(errno);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_2(socket_bind_obj, socket_bind);

static obj_t socket_listen(size_t n_args, const obj_t *args) {
    socket_t *s = get_open(args[0]);
    int backlog = n_args > 1 ? (int)obj_get_int(args[1]) : 5;
    if (listen(s->fd, backlog < 0 ? 0 : backlog) < 0) {
        raise_errno(errno);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(socket_listen_obj, 1, 2, socket_listen);

static obj_t socket_accept(obj_t self) {
    socket_t *s = get_open(self);
    struct sockaddr_storage sa;
    for (;;) {
        socklen_t len = sizeof(sa);
        int fd = accept(s->fd, (struct sockaddr *)&sa, &len);
        if (fd >= 0) {
            socket_t *c = socket_new(fd, s->family, s->type);
            c->timeout_ms = s->timeout_ms > 0 ? s->timeout_ms : -1;
            obj_t t[2] = { OBJ_FROM_PTR(c), addr_to_tuple((struct sockaddr *)&sa) };
            return obj_new_tuple(2, t);
        }
        int e = errno;
        if (e != EAGAIN && e != EWOULDBLOCK && e != EINTR) {
            raise_errno(e);
        }
        if (e != EINTR && (e = wait_ready(s, POLL_IN)) != 0) {
            raise_errno(e);
        }
    }
}
static FUN_DEFINE_1(socket_accept_obj, socket_accept);

static obj_t socket_connect(obj_t self, obj_t addr) {
    socket_t *s = get_open(self);
    struct sockaddr_storage sa;
    socklen_t len = addr_parse(s, addr, &sa);
    if (connect(s->fd, (struct sockaddr *)&sa, len) == 0) {
        return OBJ_NONE;
    }
    int e = errno;
    if (e != EINPROGRESS && e != EINTR) {
        raise_errno(e);
    }
    if (s->timeout_ms == 0) {
        raise_errno(EINPROGRESS);   /* as MicroPython: a non-blocking connect is under way */
    }
    if ((e = wait_ready(s, POLL_OUT)) != 0) {
        raise_errno(e);
    }
    socklen_t elen = sizeof(e);
    getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &e, &elen);
    if (e != 0) {
        raise_errno(e);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_2(socket_connect_obj, socket_connect);

static obj_t socket_send(obj_t self, obj_t data) {
    socket_t *s = get_open(self);
    size_t len;
    const char *buf = obj_str_get_data(data, &len);
    int err = 0;
    intptr_t n = socket_write(OBJ_FROM_PTR(s), buf, len, &err);
    if (n == STREAM_ERROR) {
        raise_errno(err);
    }
    return OBJ_NEW_SMALL_INT(n);
}
static FUN_DEFINE_2(socket_send_obj, socket_send);

static obj_t socket_sendall(obj_t self, obj_t data) {
    size_t len;
    const char *buf = obj_str_get_data(data, &len);
    stream_write_all(OBJ_FROM_PTR(get_open(self)), buf, len);
    return OBJ_NONE;
}
static FUN_DEFINE_2(socket_sendall_obj, socket_sendall);

static obj_t socket_recv(size_t n_args, const obj_t *args) {
    socket_t *s = get_open(args[0]);
    intptr_t size = obj_get_int(args[1]);
    if (size < 0) {
        rt_raise_value_error("negative buffersize in recv");
    }
    (void)n_args;
    uint8_t *buf = m_new(uint8_t, size ? (size_t)size : 1);
    int err = 0;
    intptr_t n = socket_read(OBJ_FROM_PTR(s), buf, (size_t)size, &err);
    if (n == STREAM_ERROR) {
        m_free(buf);
        raise_errno(err);
    }
    obj_t r = obj_new_bytes(buf, (size_t)n);
    m_free(buf);
    return r;
}
static FUN_DEFINE_VAR(socket_recv_obj, 2, 3, socket_recv);

static obj_t socket_recvfrom(size_t n_args, const obj_t *args) {
    socket_t *s = get_open(args[0]);
    intptr_t size = obj_get_int(args[1]);
    if (size < 0) {
        rt_raise_value_error("negative buffersize in recvfrom");
    }
    (void)n_args;
    uint8_t *buf = m_new(uint8_t, size ? (size_t)size : 1);
    struct sockaddr_storage sa;
    for (;;) {
        socklen_t len = sizeof(sa);
        ssize_t n = recvfrom(s->fd, buf, (size_t)size, 0, (struct sockaddr *)&sa, &len);
        if (n >= 0) {
            obj_t t[2] = { obj_new_bytes(buf, (size_t)n), addr_to_tuple((struct sockaddr *)&sa) };
            m_free(buf);
            return obj_new_tuple(2, t);
        }
        int e = errno;
        if (e != EAGAIN && e != EWOULDBLOCK && e != EINTR) {
            raise_errno(e);
        }
        if (e != EINTR && (e = wait_ready(s, POLL_IN)) != 0) {
            raise_errno(e);
        }
    }
}
static FUN_DEFINE_VAR(socket_recvfrom_obj, 2, 3, socket_recvfrom);

static obj_t socket_sendto(obj_t self, obj_t data, obj_t addr) {
    socket_t *s = get_open(self);
    size_t len;
    const char *buf = obj_str_get_data(data, &len);
    struct sockaddr_storage sa;
    socklen_t alen = addr_parse(s, addr, &sa);
    for (;;) {
        ssize_t n = sendto(s->fd, buf, len, MSG_NOSIGNAL, (struct sockaddr *)&sa, alen);
        if (n >= 0) {
            return OBJ_NEW_SMALL_INT(n);
        }
        int e = errno;
        if (e != EAGAIN && e != EWOULDBLOCK && e != EINTR) {
            raise_errno(e);
        }
        if (e != EINTR && (e = wait_ready(s, POLL_OUT)) != 0) {
            raise_errno(e);
        }
    }
}
static FUN_DEFINE_3(socket_sendto_obj, socket_sendto);

static obj_t socket_setsockopt(size_t n_args, const obj_t *args) {
    socket_t *s = get_open(args[0]);
    (void)n_args;
    int level = (int)obj_get_int(args[1]), opt = (int)obj_get_int(args[2]);
    int r;
    if (obj_is_int(args[3]) || obj_is_type(args[3], &type_bool)) {
        int v = (int)obj_get_int(args[3]);
        r = setsockopt(s->fd, level, opt, &v, sizeof(v));
    } else {
        size_t len;
        const char *buf = obj_str_get_data(args[3], &len);
        r = setsockopt(s->fd, level, opt, buf, (socklen_t)len);
    }
    if (r < 0) {
        raise_errno(errno);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_VAR(socket_setsockopt_obj, 4, 4, socket_setsockopt);

static obj_t socket_settimeout(obj_t self, obj_t t) {
    socket_t *s = get_open(self);
    if (t == OBJ_NONE) {
        s->timeout_ms = -1;
        return OBJ_NONE;
    }
#if CONFIG_FLOAT
    float_val_t v = obj_get_float(t);
#else
    intptr_t v = obj_get_int(t);   /* whole seconds without a float type */
#endif
    if (v < 0) {
        rt_raise_value_error("Timeout value out of range");
    }
    s->timeout_ms = (int)(v * 1000 + 0.5);
    if (s->timeout_ms == 0 && v > 0) {
        s->timeout_ms = 1;
    }
    return OBJ_NONE;
}
static FUN_DEFINE_2(socket_settimeout_obj, socket_settimeout);

static obj_t socket_setblocking(obj_t self, obj_t flag) {
    get_open(self)->timeout_ms = obj_is_true(flag) ? -1 : 0;
    return OBJ_NONE;
}
static FUN_DEFINE_2(socket_setblocking_obj, socket_setblocking);

/* makefile() is the socket itself, as in MicroPython: a socket is already a stream. */
static obj_t socket_makefile(size_t n_args, const obj_t *args) {
    (void)n_args;
    return args[0];
}
static FUN_DEFINE_VAR(socket_makefile_obj, 1, 3, socket_makefile);

static obj_t socket_fileno(obj_t self) {
    return OBJ_NEW_SMALL_INT(((socket_t *)OBJ_TO_PTR(self))->fd);
}
static FUN_DEFINE_1(socket_fileno_obj, socket_fileno);

/* getsockname and getpeername: the same call shape. */
static obj_t socket_name(obj_t self, int (*get)(int, struct sockaddr *, socklen_t *)) {
    socket_t *s = get_open(self);
    struct sockaddr_storage sa;
    socklen_t len = sizeof(sa);
    if (get(s->fd, (struct sockaddr *)&sa, &len) < 0) {
        raise_errno(errno);
    }
    return addr_to_tuple((struct sockaddr *)&sa);
}

static obj_t socket_getsockname(obj_t self) {
    return socket_name(self, getsockname);
}
static FUN_DEFINE_1(socket_getsockname_obj, socket_getsockname);

static obj_t socket_getpeername(obj_t self) {
    return socket_name(self, getpeername);
}
static FUN_DEFINE_1(socket_getpeername_obj, socket_getpeername);

static void socket_print(const print_t *p, obj_t self, print_kind_t kind) {
    (void)kind;
    const socket_t *s = OBJ_TO_PTR(self);
    print_fmt(p, "<socket fd=%d, family=%d, type=%d>", s->fd, s->family, s->type);
}

static const map_elem_t socket_locals_table[] = {
    { QOBJ(bind), OBJ_ROM(&socket_bind_obj) },
    { QOBJ(listen), OBJ_ROM(&socket_listen_obj) },
    { QOBJ(accept), OBJ_ROM(&socket_accept_obj) },
    { QOBJ(connect), OBJ_ROM(&socket_connect_obj) },
    { QOBJ(send), OBJ_ROM(&socket_send_obj) },
    { QOBJ(sendall), OBJ_ROM(&socket_sendall_obj) },
    { QOBJ(recv), OBJ_ROM(&socket_recv_obj) },
    { QOBJ(recvfrom), OBJ_ROM(&socket_recvfrom_obj) },
    { QOBJ(sendto), OBJ_ROM(&socket_sendto_obj) },
    { QOBJ(setsockopt), OBJ_ROM(&socket_setsockopt_obj) },
    { QOBJ(settimeout), OBJ_ROM(&socket_settimeout_obj) },
    { QOBJ(setblocking), OBJ_ROM(&socket_setblocking_obj) },
    { QOBJ(makefile), OBJ_ROM(&socket_makefile_obj) },
    { QOBJ(fileno), OBJ_ROM(&socket_fileno_obj) },
    { QOBJ(getsockname), OBJ_ROM(&socket_getsockname_obj) },
    { QOBJ(getpeername), OBJ_ROM(&socket_getpeername_obj) },
    { QOBJ(close), OBJ_ROM(&stream_close_obj) },
    { QOBJ(__del__), OBJ_ROM(&stream_close_obj) },
    { QOBJ(read), OBJ_ROM(&stream_read_obj) },
    { QOBJ(readinto), OBJ_ROM(&stream_readinto_obj) },
    { QOBJ(readline), OBJ_ROM(&stream_readline_obj) },
    { QOBJ(write), OBJ_ROM(&stream_write_obj) },
    { QOBJ(__enter__), OBJ_ROM(&stream_enter_obj) },
    { QOBJ(__exit__), OBJ_ROM(&stream_exit_obj) },
};
static DICT_ROM(socket_locals, socket_locals_table);

const type_t socket_type = {
    .base = { &type_type },
    .flags = TYPE_FLAG_EQ_BY_IDENTITY,
    .name = Q_socket,
    .print = socket_print,
    .make_new = socket_make_new,
    .locals_dict = (dict_t *)&socket_locals,
    .stream = &socket_stream,
};

/* getaddrinfo(host, port, af=0, type=0, proto=0, flags=0) -> [(af, type, proto, '', addr), ...] */
static obj_t socket_getaddrinfo(size_t n_args, const obj_t *args) {
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof(hints));
    int *fields[4] = { &hints.ai_family, &hints.ai_socktype, &hints.ai_protocol, &hints.ai_flags };
    for (size_t i = 2; i < n_args; i++) {
        *fields[i - 2] = (int)obj_get_int(args[i]);
    }
    const char *host = args[0] == OBJ_NONE ? NULL : obj_str_get_cstr(args[0]);
    char port[24];
    const char *serv = NULL;
    if (obj_is_int(args[1])) {
        snprintf(port, sizeof(port), "%ld", (long)obj_get_int(args[1]));
        serv = port;
    } else if (args[1] != OBJ_NONE) {
        serv = obj_str_get_cstr(args[1]);
    }
    int r = getaddrinfo(host, serv, &hints, &res);
    if (r != 0) {
        raise_gai_error(r);
    }
    obj_t list = obj_new_list(0, NULL);
    for (struct addrinfo *a = res; a != NULL; a = a->ai_next) {
        obj_t t[5] = { OBJ_NEW_SMALL_INT(a->ai_family), OBJ_NEW_SMALL_INT(a->ai_socktype),
                       OBJ_NEW_SMALL_INT(a->ai_protocol), OBJ_NEW_QSTR(Q_), addr_to_tuple(a->ai_addr) };
        obj_list_append(list, obj_new_tuple(5, t));
    }
    freeaddrinfo(res);
    return list;
}
static FUN_DEFINE_VAR(socket_getaddrinfo_obj, 2, 6, socket_getaddrinfo);

static const map_elem_t socket_globals_table[] = {
    { QOBJ(__name__), QOBJ(socket) },
    { QOBJ(socket), OBJ_ROM(&socket_type) },
    { QOBJ(getaddrinfo), OBJ_ROM(&socket_getaddrinfo_obj) },
    { QOBJ(AF_INET), OBJ_NEW_SMALL_INT(AF_INET) },
    { QOBJ(AF_INET6), OBJ_NEW_SMALL_INT(AF_INET6) },
    { QOBJ(AF_UNIX), OBJ_NEW_SMALL_INT(AF_UNIX) },
    { QOBJ(SOCK_STREAM), OBJ_NEW_SMALL_INT(SOCK_STREAM) },
    { QOBJ(SOCK_DGRAM), OBJ_NEW_SMALL_INT(SOCK_DGRAM) },
    { QOBJ(SOCK_RAW), OBJ_NEW_SMALL_INT(SOCK_RAW) },
    { QOBJ(IPPROTO_IP), OBJ_NEW_SMALL_INT(IPPROTO_IP) },
    { QOBJ(IPPROTO_TCP), OBJ_NEW_SMALL_INT(IPPROTO_TCP) },
    { QOBJ(IPPROTO_UDP), OBJ_NEW_SMALL_INT(IPPROTO_UDP) },
    { QOBJ(SOL_SOCKET), OBJ_NEW_SMALL_INT(SOL_SOCKET) },
    { QOBJ(SO_REUSEADDR), OBJ_NEW_SMALL_INT(SO_REUSEADDR) },
    { QOBJ(SO_BROADCAST), OBJ_NEW_SMALL_INT(SO_BROADCAST) },
    { QOBJ(SO_KEEPALIVE), OBJ_NEW_SMALL_INT(SO_KEEPALIVE) },
    { QOBJ(TCP_NODELAY), OBJ_NEW_SMALL_INT(TCP_NODELAY) },
};
static DICT_ROM(socket_globals, socket_globals_table);
MODULE_ROM(module_socket, socket_globals);
REGISTER_MODULE(socket, module_socket);
