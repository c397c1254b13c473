/* main.c: build/adder-nodemcu, a NodeMCU board (the ESP8266 chip of esp8266.h with its mask ROM,
 * rom.h, and the virtual board model, board.h) on a serial port: the command line, the flash file,
 * the reset controls (auto-reset circuit, control socket, signals, Ctrl-A keys), virtual time
 * against the wall clock, and the main loop.  The user guide is docs/emulator.md. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "emu_console.h"
#include "emu_control.h"
#include "emu_file.h"
#include "emu_sync.h"
#include "esp8266.h"
#include "lx106.h"
#include "rom.h"

#define EMU_SLICE_US (1000)          /* virtual time the CPU runs between looks at the host */
#define EMU_EN_SETTLE_S (0.02)       /* the RC on the NodeMCU's EN line: EN glitches shorter than this do nothing */
#define EMU_GPIO0_HOLD_S (0.05)      /* a reset into the bootloader holds GPIO0 low this long (as esptool does) */
#define EMU_LAG_MAX_US (20000)       /* virtual time behind the wall clock by more is forgotten, not caught up */
#define EMU_AHEAD_MAX_US (2000)      /* --realtime: virtual time ahead by more waits for the wall clock */
#define EMU_EOF_QUIET_US (500000)    /* after EOF on stdin: quit once the chip was quiet this long */
#define EMU_MAX_WRITES (16)

typedef struct {
    uint32_t addr;
    const char *file;
} emu_write_t;

typedef struct {
    /* options */
    const char *port, *flash_path, *control_path, *log_path;
    uint32_t flash_size;
    bool fast_time, realtime, trace_rom, mips;
    emu_write_t writes[EMU_MAX_WRITES];
    int n_writes;
    /* the parts */
    esp8266_t *esp;
    rom_t *rom;
    lx106_t *cpu;
    FILE *log;
    emu_console_t con;
    emu_control_t ctl;
    emu_sync_t sync;
    /* the board's state as the host sees it */
    bool quit, halted, asleep;
    bool dtr, rts;               /* the auto-reset circuit's inputs */
    bool en_low;                 /* EN held low: the chip is in reset */
    double en_release_at;        /* EN went high: the chip starts at this wall time (0: no) */
    double boot_hold_until;      /* GPIO0 held low for a reset into the bootloader (0: no) */
    double wake_at;              /* deep sleep ends */
    uint64_t sleep_us;
    unsigned resets;             /* counts chip_reset calls (a wait can end in one) */
    uint8_t in[4096];            /* host input the UART did not take yet */
    size_t in_len;
    /* time */
    uint64_t clock_offset_us;    /* keeps the board's clock monotonic across resets */
    double wall_base;            /* wall time at which virtual time was virt_base_us */
    uint64_t virt_base_us;
    uint64_t board_next_us;      /* the board model's next stimulus event */
    uint64_t last_output_us;
    uint64_t last_busy_us;       /* virtual time a slice last ended with the CPU still running */
    double run_seconds;          /* wall time spent running the CPU (--mips) */
} emu_t;

static emu_t emu;
static volatile sig_atomic_t sig_reset, sig_boot, sig_quit;
static int sig_pipe[2] = {-1, -1};

/* ---- time ---- */

static double wall_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Virtual microseconds since the emulator started (the chip's own clock restarts at resets). */
static uint64_t clock_us(void) {
    return emu.esp ? emu.clock_offset_us + esp_time_us(emu.esp) : 0;
}

static uint64_t board_clock(void *ctx) {
    (void)ctx;
    return clock_us();
}

static void rebase(void) {
    emu.wall_base = wall_now();
    emu.virt_base_us = clock_us();
}

static double wall_of(uint64_t us) {
    return emu.wall_base + ((double)us - (double)emu.virt_base_us) * 1e-6;
}

static uint64_t virt_of_wall(double w) {
    double us = (double)emu.virt_base_us + (w - emu.wall_base) * 1e6;
    return us < 0 ? 0 : (uint64_t)us;
}

/* The cycle at which the board's clock reads us (now if already past). */
static uint64_t cycle_at_us(uint64_t us) {
    uint64_t now = clock_us();
    uint64_t c = emu.cpu->cycles;
    return us <= now ? c : c + (us - now) * esp_cpu_hz(emu.esp) / 1000000u;
}

/* Without --realtime a CPU faster than real time is not held back, and one that fell far behind
 * does not try to catch up: both move the wall clock's origin. */
static void keep_in_step(void) {
    uint64_t v = clock_us(), w = virt_of_wall(wall_now());
    if ((!emu.realtime && v > w) || v + EMU_LAG_MAX_US < w) {
        rebase();
    }
}

/* ---- resets and the auto-reset circuit ---- */

static void apply_gpio0(void) {
    bool circuit = emu.dtr && !emu.rts;   /* the NodeMCU's transistor from DTR pulls GPIO0 low */
    board_hold_gpio0_low(circuit || emu.boot_hold_until > 0);
}

static void chip_reset(int cause, bool bootloader) {
    uint64_t t = clock_us();
    if (bootloader) {
        emu.boot_hold_until = wall_now() + EMU_GPIO0_HOLD_S;
    }
    apply_gpio0();
    esp_reset(emu.esp, cause);
    emu.clock_offset_us = t - esp_time_us(emu.esp);
    emu.halted = emu.asleep = false;
    emu.in_len = 0;   /* what was on the line during the reset is lost */
    emu.resets++;
    emu.last_output_us = clock_us();
    rebase();
}

static bool in_reset(void) {
    return emu.en_low || emu.en_release_at > 0;
}

/* EN is low while RTS=1 and DTR=0; the chip starts when EN has been high for the RC's time. */
static void set_lines(bool dtr, bool rts) {
    emu.dtr = dtr;
    emu.rts = rts;
    apply_gpio0();
    bool en_low = rts && !dtr;
    if (en_low) {
        emu.en_low = true;
        emu.en_release_at = 0;
    } else if (emu.en_low) {
        emu.en_low = false;
        emu.en_release_at = wall_now() + EMU_EN_SETTLE_S;
    }
}

/* Host-side deadlines: EN settling, the bootloader's GPIO0 hold, deep sleep. */
static void check_timers(void) {
    double now = wall_now();
    if (emu.en_release_at > 0 && now >= emu.en_release_at) {
        emu.en_release_at = 0;
        chip_reset(ESP_RST_EXTERNAL, false);
    }
    if (emu.boot_hold_until > 0 && (now >= emu.boot_hold_until || rom_in_loader(emu.rom))) {
        emu.boot_hold_until = 0;
        apply_gpio0();
    }
    if (emu.asleep && now >= emu.wake_at) {
        emu.clock_offset_us += emu.sleep_us;
        chip_reset(ESP_RST_DEEP_SLEEP, false);
    }
}

static double next_timer(void) {
    double t = INFINITY;
    if (emu.en_release_at > 0) {
        t = fmin(t, emu.en_release_at);
    }
    if (emu.boot_hold_until > 0) {
        t = fmin(t, emu.boot_hold_until);
    }
    if (emu.asleep) {
        t = fmin(t, emu.wake_at);
    }
    return t;
}

static const char *state_name(void) {
    if (in_reset()) {
        return "reset";
    }
    if (emu.halted) {
        return "halted";
    }
    if (emu.asleep) {
        return "sleep";
    }
    return rom_in_stub(emu.rom) ? "stub" : rom_in_loader(emu.rom) ? "loader" : "firmware";
}

/* ---- the control socket ---- */

static bool parse_bit(const char *s, bool *v) {
    if (strcmp(s, "0") != 0 && strcmp(s, "1") != 0) {
        return false;
    }
    *v = s[0] == '1';
    return true;
}

static void control_command(void *ctx, const char *line, char *reply, size_t size) {
    (void)ctx;
    char cmd[32] = "", arg[200] = "";
    int k = sscanf(line, "%31s %199s", cmd, arg);
    bool bit;
    if (k < 1) {
        snprintf(reply, size, "error empty command");
    } else if (strcmp(cmd, "reset") == 0 || strcmp(cmd, "boot") == 0) {
        chip_reset(ESP_RST_EXTERNAL, cmd[0] == 'b');
        snprintf(reply, size, "ok %s", cmd);
    } else if ((strcmp(cmd, "dtr") == 0 || strcmp(cmd, "rts") == 0) && k == 2 && parse_bit(arg, &bit)) {
        set_lines(cmd[0] == 'd' ? bit : emu.dtr, cmd[0] == 'r' ? bit : emu.rts);
        snprintf(reply, size, "ok %s %d", cmd, bit);
    } else if ((strcmp(cmd, "press") == 0 || strcmp(cmd, "release") == 0) && k == 2) {
        if (board_press(arg, cmd[0] == 'p')) {
            snprintf(reply, size, "ok %s %s", cmd, arg);
        } else {
            snprintf(reply, size, "error no button %s", arg);
        }
    } else if (strcmp(cmd, "state") == 0) {
        snprintf(reply, size, "ok %s", state_name());
    } else if (strcmp(cmd, "quit") == 0) {
        emu.quit = true;
        snprintf(reply, size, "ok quit");
    } else {
        snprintf(reply, size, "error unknown command: %.100s (reset, boot, dtr 0|1, rts 0|1, "
                 "press NAME, release NAME, state, quit)", line);
    }
}

/* ---- the serial line ---- */

static void console_tx(void *ctx, int uart, uint8_t byte) {
    (void)ctx;
    if (uart == 0) {   /* UART1's TX (GPIO2) is not wired to the USB bridge */
        emu_console_put(&emu.con, byte);
        emu.last_output_us = clock_us();
    }
}

/* The firmware (not the ROM's loader or esptool's stub) has the line: a SYNC from esptool means
 * what the auto-reset circuit would have done had the pty carried DTR/RTS. */
static bool sync_resets(void) {
    return !in_reset() && emu.boot_hold_until == 0 && !rom_in_loader(emu.rom) && !rom_in_stub(emu.rom);
}

static void take_input(const uint8_t *buf, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (emu_sync_feed(&emu.sync, buf[i]) && sync_resets()) {
            chip_reset(ESP_RST_EXTERNAL, true);
            continue;   /* this SYNC is dropped; esptool sends another */
        }
        if (!in_reset() && !emu.halted && !emu.asleep && emu.in_len < sizeof emu.in) {
            emu.in[emu.in_len++] = buf[i];
        }
    }
}

static void console_event(emu_con_event_t ev) {
    switch (ev) {
    case EMU_CON_CLOSED:
        /* A USB serial adapter drops DTR and RTS when its port closes (HUPCL), so the auto-reset
         * circuit lets go of GPIO0 and EN.  esptool's --after hard_reset pulses RTS, which a pty
         * cannot carry: do it on close. */
        set_lines(false, false);
        if (!in_reset() && (rom_in_loader(emu.rom) || rom_in_stub(emu.rom))) {
            chip_reset(ESP_RST_EXTERNAL, false);
        }
        break;
    case EMU_CON_QUIT: emu.quit = true; break;
    case EMU_CON_RESET: chip_reset(ESP_RST_EXTERNAL, false); break;
    case EMU_CON_BOOT: chip_reset(ESP_RST_EXTERNAL, true); break;
    default: break;
    }
}

static void read_console(void) {
    while (emu.in_len < sizeof emu.in) {
        uint8_t buf[sizeof emu.in];
        emu_con_event_t ev;
        size_t n = emu_console_read(&emu.con, buf, sizeof emu.in - emu.in_len, &ev);
        console_event(ev);
        if (n == 0) {
            if (ev == EMU_CON_NONE) {
                break;
            }
            continue;
        }
        take_input(buf, n);
    }
}

static void deliver_input(void) {
    if (emu.in_len > 0) {
        size_t n = esp_uart_rx(emu.esp, emu.in, emu.in_len);
        memmove(emu.in, emu.in + n, emu.in_len - n);
        emu.in_len -= n;
    }
}

/* ---- waiting for the host ---- */

static void signal_handler(int sig) {
    if (sig == SIGUSR1) {
        sig_reset = 1;
    } else if (sig == SIGUSR2) {
        sig_boot = 1;
    } else {
        sig_quit = 1;
    }
    int saved = errno;
    (void)!write(sig_pipe[1], "", 1);
    errno = saved;
}

static void take_signals(void) {
    char buf[64];
    while (read(sig_pipe[0], buf, sizeof buf) > 0) {
    }
    if (sig_quit) {
        emu.quit = true;
    }
    if (sig_reset || sig_boot) {
        chip_reset(ESP_RST_EXTERNAL, sig_boot);
        sig_reset = sig_boot = 0;
    }
}

/* Polls the signal pipe, the console and the control socket for up to timeout_ms (-1: no limit)
 * and handles what arrived. */
static void service_io(int timeout_ms) {
    struct pollfd pfd[2 + EMU_CON_POLLFDS + EMU_CONTROL_CLIENTS];
    int n = 0;
    pfd[n++] = (struct pollfd){sig_pipe[0], POLLIN, 0};
    int con_n = emu.in_len < sizeof emu.in ? emu_console_pollfd(&emu.con, &pfd[n]) : 0;
    n += con_n;
    int ctl_at = n;
    n += emu_control_pollfds(&emu.ctl, &pfd[n]);
    if (poll(pfd, (nfds_t)n, timeout_ms) < 0) {
        return;   /* EINTR: a signal; its flag is seen below */
    }
    take_signals();
    read_console();
    emu_console_flush(&emu.con);
    emu_control_service(&emu.ctl, &pfd[ctl_at], n - ctl_at, control_command, NULL);
}

static int ms_until(double when) {
    double ms = ceil((when - wall_now()) * 1000.0);
    return isinf(when) ? -1 : ms <= 0 ? 0 : ms > INT_MAX ? INT_MAX : (int)ms;
}

/* Waits for the host until wall time `when` (INFINITY: until something happens). */
static void wait_until(double when) {
    service_io(ms_until(fmin(when, next_timer())));
}

/* ---- running the chip ---- */

static bool chip_can_run(void) {
    return !in_reset() && !emu.halted && !emu.asleep && !emu_console_backed_up(&emu.con);
}

static void halt(const char *why) {
    emu.halted = true;
    fprintf(stderr, "adder-nodemcu: the chip stopped (%s) at pc 0x%08x; waiting for a reset "
            "(Ctrl-A R, `reset` on the control socket, SIGUSR1)\n", why, (unsigned)emu.cpu->pc);
}

/* The CPU waits for an interrupt: time passes until the next event, in step with the wall clock
 * unless --fast-time. */
static void idle(void) {
    uint64_t target = esp_next_event(emu.esp);
    if (emu.board_next_us != UINT64_MAX) {
        uint64_t b = cycle_at_us(emu.board_next_us);
        target = b < target ? b : target;
    }
    if (target == UINT64_MAX && emu.con.eof && emu.in_len == 0) {
        emu.quit = true;   /* nothing can ever wake the chip */
        return;
    }
    uint64_t now_c = emu.cpu->cycles;
    unsigned resets = emu.resets;
    if (emu.fast_time) {
        if (target == UINT64_MAX) {
            wait_until(INFINITY);
        } else {
            esp_idle_until(emu.esp, target);
        }
        return;
    }
    double hz = esp_cpu_hz(emu.esp);
    wait_until(target == UINT64_MAX ? INFINITY : wall_of(clock_us() + (uint64_t)((double)(target - now_c) * 1e6 / hz)));
    if (emu.resets != resets || !chip_can_run()) {
        return;   /* a reset or a halt happened meanwhile */
    }
    uint64_t v = virt_of_wall(wall_now()), now_us = clock_us();
    if (v > now_us) {
        uint64_t c = now_c + (uint64_t)((double)(v - now_us) * hz / 1e6);
        esp_idle_until(emu.esp, c < target ? c : target);
    }
    keep_in_step();
}

/* The chip powered itself down (the firmware's RTC sequence): it runs nothing and prints nothing.
 * When the RTC's alarm goes off (sleep_us; 0: no timer wake-up) it pulls GPIO16 low, a reset with
 * cause 5 only if the board wires GPIO16 (D0) to RST; else the chip sleeps until EN/RST. */
static void start_deep_sleep(uint64_t sleep_us) {
    bool wakes = sleep_us != 0 && board_rst_wire() == 16;
    emu.asleep = true;
    emu.sleep_us = sleep_us;
    emu.wake_at = !wakes ? INFINITY : wall_now() + (emu.fast_time ? 0 : (double)sleep_us * 1e-6);
    if (emu.trace_rom) {
        fprintf(stderr, "adder-nodemcu: deep sleep, %s %llu us\n", wakes ? "waking after" : "no wake-up (GPIO16 not wired to RST, or no alarm):",
                (unsigned long long)sleep_us);
    }
}

static void after_run(lx106_result_t r) {
    emu_console_flush(&emu.con);
    emu.board_next_us = board_run_events(clock_us());
    esp_events_t ev = esp_take_events(emu.esp);
    if (ev.deep_sleep) {
        start_deep_sleep(ev.sleep_us);
        return;
    }
    switch (r) {
    case LX106_LIMIT:
        emu.last_busy_us = clock_us();
        keep_in_step();
        if (emu.realtime && clock_us() > virt_of_wall(wall_now()) + EMU_AHEAD_MAX_US) {
            wait_until(wall_of(clock_us()));
        }
        break;
    case LX106_WAITING: idle(); break;
    case LX106_STOPPED:
        if (!rom_in_loader(emu.rom)) {
            halt("stopped by the ROM");
        }
        break;
    case LX106_HALTED: halt(emu.cpu->halt_reason ? emu.cpu->halt_reason : "halted"); break;
    }
}

static void run_slice(void) {
    uint64_t until = emu.cpu->cycles + (uint64_t)esp_cpu_hz(emu.esp) * EMU_SLICE_US / 1000000u;
    double t0 = wall_now();
    lx106_result_t r = esp_run(emu.esp, until);
    emu.run_seconds += wall_now() - t0;
    after_run(r);
}

/* After EOF on stdin: quit once all input went in and the chip has been idle (waiting for
 * interrupts, printing nothing) a while, or cannot answer any more.  A long computation is not idle. */
static bool eof_done(void) {
    if (!emu.con.eof || emu.in_len > 0) {
        return false;
    }
    return !chip_can_run() || rom_in_loader(emu.rom) || (clock_us() - emu.last_output_us > EMU_EOF_QUIET_US && clock_us() - emu.last_busy_us > EMU_EOF_QUIET_US);
}

static void main_loop(void) {
    while (!emu.quit) {
        service_io(0);
        check_timers();
        deliver_input();
        if (emu.quit || eof_done()) {
            break;
        }
        if (!chip_can_run()) {
            wait_until(INFINITY);
        } else if (rom_in_loader(emu.rom)) {
            rom_loader_poll(emu.rom);
            emu_console_flush(&emu.con);
            esp_events_t ev = esp_take_events(emu.esp);   /* a WRITE_REG to the RTC's sleep bit */
            if (ev.deep_sleep) {
                start_deep_sleep(ev.sleep_us);
            } else if (rom_in_loader(emu.rom) && emu.in_len == 0) {
                wait_until(INFINITY);
            }
        } else {
            run_slice();
        }
    }
}

/* ---- flash ---- */

static bool make_dirs(const char *path) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    for (char *p = dir + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
                fprintf(stderr, "adder-nodemcu: mkdir %s: %s\n", dir, strerror(errno));
                return false;
            }
            *p = '/';
        }
    }
    return true;
}

/* A programmer clip on the flash chip: the file's bytes at addr, the rest of each sector kept. */
static bool write_flash_file(uint32_t addr, const char *path) {
    size_t len;
    uint8_t *data = emu_read_file(path, &len);
    if (data == NULL) {
        fprintf(stderr, "adder-nodemcu: --write: cannot read %s\n", path);
        return false;
    }
    bool ok = (uint64_t)addr + len <= esp_flash_size(emu.esp);
    uint8_t sector[4096];
    for (uint32_t s = addr & ~4095u; ok && s < addr + len; s += sizeof sector) {
        ok = esp_flash_read(emu.esp, s, sector, sizeof sector);
        uint32_t from = s < addr ? addr : s, to = s + sizeof sector < addr + len ? s + sizeof sector : addr + (uint32_t)len;
        memcpy(sector + (from - s), data + (from - addr), to - from);
        ok = ok && esp_flash_erase(emu.esp, s, sizeof sector) && esp_flash_write(emu.esp, s, sector, sizeof sector);
    }
    free(data);
    if (!ok) {
        fprintf(stderr, "adder-nodemcu: --write 0x%x:%s does not fit the %u-byte flash\n",
                (unsigned)addr, path, (unsigned)esp_flash_size(emu.esp));
    }
    return ok;
}

/* ---- the command line ---- */

static void usage(FILE *f) {
    fputs("usage: adder-nodemcu [options] [board options]\n"
          "  --port PATH        a pty with a symlink at PATH (default: the console is stdin/stdout;\n"
          "                     on a terminal Ctrl-A X quits, Ctrl-A R resets, Ctrl-A B resets into\n"
          "                     the bootloader, Ctrl-A A sends Ctrl-A)\n"
          "  --flash FILE       the flash image (default ~/.config/adder/nodemcu-emu-flash.img)\n"
          "  --flash-size SIZE  512K, 1M, 2M, 4M (default), 8M or 16M\n"
          "  --write ADDR:FILE  write FILE into the flash at ADDR before power-on (may repeat)\n"
          "  --control PATH     a Unix socket for commands: reset, boot, dtr 0|1, rts 0|1,\n"
          "                     press NAME, release NAME, state, quit\n"
          "  --fast-time        virtual time does not wait for the wall clock while the CPU idles\n"
          "  --realtime         virtual time never runs ahead of the wall clock\n"
          "  --log FILE         the chip's diagnostic log (default stderr)\n"
          "  --trace-rom        log ROM calls and bootloader commands\n"
          "  --mips             print instructions, seconds and MIPS on exit\n"
          "  board options      --board FILE, --trace FILE.vcd, --stimulus FILE, --leds, --no-leds ...\n"
          "signals: SIGUSR1 reset, SIGUSR2 reset into the bootloader, SIGTERM/SIGINT quit\n"
          "docs/emulator.md has the details.\n", f);
}

static bool parse_size(const char *s, uint32_t *size) {
    char *end;
    unsigned long v = strtoul(s, &end, 0);
    if (*end == 'K' || *end == 'k') {
        v <<= 10;
        end++;
    } else if (*end == 'M' || *end == 'm') {
        v <<= 20;
        end++;
    }
    if (*end == 'B' || *end == 'b') {
        end++;
    }
    if (*end || end == s || v < (512u << 10) || v > (16u << 20) || (v & (v - 1))) {
        return false;
    }
    *size = (uint32_t)v;
    return true;
}

static bool parse_write(const char *s) {
    char *end;
    unsigned long addr = strtoul(s, &end, 0);
    if (end == s || *end != ':' || end[1] == '\0' || emu.n_writes == EMU_MAX_WRITES || addr > UINT32_MAX) {
        return false;
    }
    emu.writes[emu.n_writes++] = (emu_write_t){(uint32_t)addr, end + 1};
    return true;
}

/* One of our options at argv[i]: how many arguments it took, 0 if not ours, -1 if bad. */
static int own_option(int argc, char **argv, int i) {
    static const char *const flags[] = {"--fast-time", "--realtime", "--trace-rom", "--mips"};
    bool *const flag_vars[] = {&emu.fast_time, &emu.realtime, &emu.trace_rom, &emu.mips};
    for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++) {
        if (strcmp(argv[i], flags[k]) == 0) {
            *flag_vars[k] = true;
            return 1;
        }
    }
    static const char *const opts[] = {"--port", "--flash", "--control", "--log", "--flash-size", "--write"};
    for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++) {
        if (strcmp(argv[i], opts[k]) != 0) {
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "adder-nodemcu: %s needs a value\n", argv[i]);
            return -1;
        }
        const char *v = argv[i + 1];
        bool ok = true;
        switch (k) {
        case 0: emu.port = v; break;
        case 1: emu.flash_path = v; break;
        case 2: emu.control_path = v; break;
        case 3: emu.log_path = v; break;
        case 4: ok = parse_size(v, &emu.flash_size); break;
        default: ok = parse_write(v); break;
        }
        if (!ok) {
            fprintf(stderr, "adder-nodemcu: bad value for %s: %s\n", argv[i], v);
        }
        return ok ? 2 : -1;
    }
    return 0;
}

/* 0: run; otherwise the exit status. */
static int parse_args(int argc, char **argv) {
    emu.flash_size = 4u << 20;
    for (int i = 1; i < argc;) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return -1;
        }
        int n = own_option(argc, argv, i);
        if (n == 0) {
            n = board_option(argc, argv, i);
        }
        if (n == 0) {
            fprintf(stderr, "adder-nodemcu: unknown option %s (--help lists them)\n", argv[i]);
        }
        if (n <= 0) {
            return 2;
        }
        i += n;
    }
    return 0;
}

/* ---- setup ---- */

static const char *default_flash_path(void) {
    static char path[4096];
    const char *home = getenv("HOME");
    snprintf(path, sizeof path, "%s/.config/adder/nodemcu-emu-flash.img", home ? home : ".");
    return path;
}

static bool setup_host(void) {
    if (pipe(sig_pipe) != 0) {
        return false;
    }
    for (int k = 0; k < 2; k++) {
        fcntl(sig_pipe[k], F_SETFL, O_NONBLOCK);
        fcntl(sig_pipe[k], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction sa = {.sa_handler = signal_handler};
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGUSR1, SIGUSR2, SIGTERM, SIGINT, SIGHUP};
    for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++) {
        sigaction(sigs[k], &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
    if (emu.control_path) {
        if (!emu_control_open(&emu.ctl, emu.control_path)) {
            return false;
        }
    } else {
        emu_control_none(&emu.ctl);
    }
    return emu.port ? emu_console_open_pty(&emu.con, emu.port) : emu_console_open_stdio(&emu.con);
}

static bool setup_chip(void) {
    if (emu.log_path && (emu.log = fopen(emu.log_path, "w")) == NULL) {
        fprintf(stderr, "adder-nodemcu: --log %s: %s\n", emu.log_path, strerror(errno));
        return false;
    }
    const char *flash = emu.flash_path ? emu.flash_path : default_flash_path();
    const esp_board_t *board = board_init(board_clock, NULL);
    if (!make_dirs(flash) || board == NULL || (emu.esp = esp_new(flash, emu.flash_size, board)) == NULL) {
        return false;
    }
    emu.cpu = esp_cpu(emu.esp);
    board_attach(emu.esp);
    board_set_console(console_tx, NULL);
    if (emu.log) {
        esp_set_log(emu.esp, emu.log);
    }
    if ((emu.rom = rom_new(emu.esp)) == NULL) {
        return false;
    }
    rom_set_trace(emu.rom, emu.trace_rom);
    for (int k = 0; k < emu.n_writes; k++) {
        if (!write_flash_file(emu.writes[k].addr, emu.writes[k].file)) {
            return false;
        }
    }
    esp_flash_sync(emu.esp);
    emu.board_next_us = UINT64_MAX;
    return true;
}

static void shut_down(void) {
    emu_console_close(&emu.con);
    emu_control_close(&emu.ctl);
    if (emu.mips && emu.cpu) {
        double s = emu.run_seconds > 0 ? emu.run_seconds : 1e-9;
        fprintf(stderr, "adder-nodemcu: %llu instructions in %.3f s: %.1f MIPS\n",
                (unsigned long long)emu.cpu->insns, emu.run_seconds, (double)emu.cpu->insns / s / 1e6);
    }
    board_close();   /* first: the trace's last timestamp is the chip's clock */
    if (emu.rom) {
        rom_free(emu.rom);
    }
    if (emu.esp) {
        esp_free(emu.esp);
        emu.esp = NULL;
    }
    if (emu.log) {
        fclose(emu.log);
    }
}

int main(int argc, char **argv) {
    int status = parse_args(argc, argv);
    if (status != 0) {
        return status < 0 ? 0 : status;
    }
    emu_control_none(&emu.ctl);
    if (!setup_host() || !setup_chip()) {
        shut_down();
        return 1;
    }
    chip_reset(ESP_RST_POWER_ON, false);
    main_loop();
    shut_down();
    return 0;
}
