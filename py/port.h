/* port.h: everything the core needs from the platform.  A port implements exactly these functions
 * (ports/unix/port.c is the host's; ports/minimal-style ports copy its shape). */
#ifndef ADDER_PORT_H
#define ADDER_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void port_stdout_write(const char *s, size_t len);
void port_stderr_write(const char *s, size_t len);
int port_stdin_read_char(void);              /* a byte, or -1 at end of input */
uint64_t port_ticks_us(void);                /* monotonic */
uint64_t port_time_ns(void);                 /* wall clock, ns since 1970 (0 if unknown) */
void port_sleep_us(uint64_t us);
/* Files, for import and exec of scripts.  stat: 0 = absent, 1 = file, 2 = directory. */
int port_stat(const char *path);
/* Reads a whole file into a GC-allocated, NUL-terminated buffer; NULL if it can't be read. */
char *port_read_file(const char *path, size_t *len);
#if defined(__GNUC__)
__attribute__((noreturn))
#endif
void port_exit(int code);
#if defined(__GNUC__)
__attribute__((noreturn))
#endif
void port_fatal(const char *msg);           /* an uncaught C-level throw: print and stop */

/* ---- added by the foundation helper ---- */
/* Output to stdout may be buffered by the port; this pushes it out (sys.stdout.flush, exit, input). */
void port_stdout_flush(void);

/* ---- added by the machine helper ---- */
/* Asynchronous events (hardware IRQs, timers) that a port queues for Python: when something sets
 * STATE(pending_flag) without a pending exception, rt_handle_pending calls this between bytecodes
 * so the port can run the callbacks (micropython.schedule semantics).  Empty where not needed. */
void port_poll_events(void);

/* ---- added by the vfs helper ---- */
/* os.urandom's source: fill buf with len random bytes.  extmod/modos.c has a weak fallback (the
 * clock through xorshift) for ports without a random source; the unix port uses getrandom. */
void port_random_bytes(uint8_t *buf, size_t len);

/* ---- added by the net helper ---- */
/* Ports with host file descriptors (CONFIG_PORT_POLL_FDS in port_config.h; the unix port's is in
 * ports/unix/modsocket.c): poll(2) on n fds for their POLL_* events, waiting up to timeout_ms (-1:
 * no limit, 0: just look).  revents[i] gets what is ready.  Returns the number ready, 0 on timeout,
 * -1 when a signal cut the wait short. */
int port_poll_fds(size_t n, const int *fds, const uint16_t *events, uint16_t *revents, int timeout_ms);

#endif
