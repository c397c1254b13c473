/* port.c (qemu-arm): py/port.h on the bare MPS2 board: the console is UART0 (and os.dupterm's
 * stream), the clock SysTick, exit a semihosting call to QEMU.  There is no file system, so import
 * finds only built-in and frozen modules.  Also the C library hook newlib needs (its float
 * formatting allocates). */
#include "errcodes.h"
#include <stdint.h>
#include "modmachine.h"
#include "mps2.h"
#include "port.h"
#include "vfs.h"

void port_stdout_write(const char *s, size_t len) {
    mps2_uart_write(s, len);
    if (STATE(dupterm) != OBJ_NULL) {
        os_dupterm_tx(s, len);   /* os.dupterm's stream gets a copy */
    }
}

void port_stderr_write(const char *s, size_t len) {
    mps2_uart_write(s, len);
}

void port_stdout_flush(void) {
}

int port_stdin_read_char(void) {
    rt_handle_pending();   /* a Ctrl-C that came just before the read must not wait for a key */
    int c;
    while ((c = mps2_uart_read()) < 0) {
        if (STATE(dupterm) != OBJ_NULL && (c = os_dupterm_rx()) >= 0) {
            return c;
        }
        mps2_uart_wait();
        rt_handle_pending();
    }
    return c;
}

uint64_t port_ticks_us(void) {
    return mps2_ticks_us();
}

uint64_t port_time_ns(void) {
    return hal_time_us() * 1000u;
}

void port_sleep_us(uint64_t us) {
    mps2_wait_until(mps2_ticks_us() + us, NULL);
}

int port_stat(const char *path) {
    (void)path;
    return 0;
}

char *port_read_file(const char *path, size_t *len) {
    (void)path;
    (void)len;
    return NULL;
}

void port_exit(int code) {
    mps2_exit(code);
}

void port_fatal(const char *msg) {
    mps2_uart_write("adder: fatal error: ", 20);
    while (*msg) {
        mps2_uart_write(msg++, 1);
    }
    mps2_uart_write("\r\n", 2);
    mps2_exit(1);
}

/* The VM stopped between bytecodes for an alarm or a scheduled callback. */
void port_poll_events(void) {
    machine_run_events();
}

/* ---- newlib ---- */
/* Only the C library's own allocations (dtoa's big numbers in printf("%g") and strtod) come here;
 * the interpreter never calls malloc.  They get a fixed region from the linker script. */
extern char _libc_heap_start, _libc_heap_end;
void *_sbrk(ptrdiff_t incr);
void *_sbrk(ptrdiff_t incr) {
    static char *brk = &_libc_heap_start;
    if (incr > &_libc_heap_end - brk) {
        errno = ENOMEM;
        return (void *)-1;
    }
    char *old = brk;
    brk += incr;
    return old;
}
