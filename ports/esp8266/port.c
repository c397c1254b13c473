/* port.c (esp8266): py/port.h on the ESP8266: the console is the board's UART (with a board's
 * "\n" -> "\r\n"), the clock is the board's tick, files are the flash file system's (mounted at /
 * by esp_main.c).  Also the C library's few hooks. */
#include "errcodes.h"
#include <stddef.h>
#include "board.h"
#include "modmachine.h"
#include "port.h"
#include "../../extmod/vfs.h"

int esp_console_read(void);

static uint8_t last_out;

/* Programs write "\n"; the REPL writes "\r\n" itself: a terminal needs the \r exactly once. */
void port_stdout_write(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        uint8_t b = (uint8_t)s[i];
        if (b == '\n' && last_out != '\r') {
            board_uart_write('\r');
        }
        board_uart_write(b);
        last_out = b;
    }
    if (STATE(dupterm) != OBJ_NULL) {
        os_dupterm_tx(s, len);   /* os.dupterm's stream gets a copy */
    }
}

void port_stderr_write(const char *s, size_t len) {
    port_stdout_write(s, len);
}

void port_stdout_flush(void) {
}

int port_stdin_read_char(void) {
    rt_handle_pending();   /* a Ctrl-C that came just before the read must not wait for a key */
    int c;
    while ((c = esp_console_read()) < 0) {
        if (STATE(dupterm) != OBJ_NULL && (c = os_dupterm_rx()) >= 0) {
            return c;
        }
        board_idle();
        rt_handle_pending();
    }
    return c;
}

uint64_t port_ticks_us(void) {
    return board_ticks_us();
}

uint64_t port_time_ns(void) {
    return hal_time_us() * 1000u;
}

void port_sleep_us(uint64_t us) {
    uint64_t end = board_ticks_us() + us;
    while (board_ticks_us() < end) {
        board_idle();
    }
}

int port_stat(const char *path) {
    return vfs_stat_kind(path);
}

char *port_read_file(const char *path, size_t *len) {
    return vfs_read_file(path, len);
}

void port_exit(int code) {
    board_exit(code);
}

void port_fatal(const char *msg) {
    port_stdout_write("adder: fatal error: ", 20);
    while (*msg) {
        port_stdout_write(msg++, 1);
    }
    port_stdout_write("\n", 1);
    board_exit(1);
}

/* The VM stopped between bytecodes for an alarm or a scheduled callback. */
void port_poll_events(void) {
    machine_run_events();
}

/* ---- picolibc ---- */
/* The interpreter never calls malloc; only the C library's own (dtoa's big numbers in printf's
 * and strtod's double conversions) may, from this fixed arena. */
void *sbrk(ptrdiff_t incr);
void *sbrk(ptrdiff_t incr) {
    static char arena[2048] __attribute__((aligned(8)));
    static size_t used;
    if (incr < 0 || (size_t)incr > sizeof(arena) - used) {
        errno = ENOMEM;
        return (void *)-1;
    }
    void *p = arena + used;
    used += (size_t)incr;
    return p;
}
