/* lx106_run.c: build/lx106-run, a bare runner for the LX106 simulator (lx106.h).  It loads an ELF32
 * Xtensa executable into the memories QEMU's `-M lx60 -cpu lx106` machine gives that core (its
 * local RAMs/ROMs as plain RAM, plus the lx60 board's system RAM at 0x60000000), starts at the ELF
 * entry and answers SIMCALL the way QEMU's xtensa semihosting does (a2 = call number; exit and
 * write), so the same test program runs under both and their outputs can be compared (tests/emu/).
 * It also has the lx60 board's 16550 UART (0xfd050020, registers 4 bytes apart, on interrupt 0) on
 * stdin/stdout, enough for ports/esp8266's BOARD=qemu firmware and its REPL to run here too.
 *
 *   lx106-run [--mips] [--max-insns N] [--word-only] prog.elf
 *
 * --word-only makes instruction RAM 1 and instruction ROM 0 (the ESP8266's IRAM and flash cache
 * window) take only 32-bit loads and stores, as the chip does (LX106_WORD_ONLY): 8/16-bit accesses
 * raise LoadStoreError, which QEMU never does.
 *
 * Exit status: the program's exit code; 124 when --max-insns ran out; 125 when the core halted or
 * waited with nothing to wake it; 126 for a load error. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "emu_file.h"
#include "lx106.h"

/* QEMU's xtensa semihosting call numbers (target/xtensa/xtensa-semi.c). */
#define RUN_SYS_EXIT  (1)
#define RUN_SYS_WRITE (4)
#define RUN_ENOSYS    (88)   /* the Xtensa newlib errno QEMU returns for unknown calls */

#define RUN_EXIT_LIMIT  (124)
#define RUN_EXIT_HALTED (125)
#define RUN_EXIT_LOAD   (126)

/* The lx106 core's local memories (QEMU target/xtensa/core-lx106/core-isa.h) and the lx60 board's
 * system RAM, all as read/write/execute RAM: QEMU enforces no access widths there. */
typedef struct {
    uint32_t base;
    uint32_t size;
    bool esp_word_only;   /* word access only on the ESP8266 (--word-only) */
} run_region_t;

static const run_region_t run_regions[] = {
    { 0x3ff40000u, 0x00040000u, false },   /* data ROM 0 */
    { 0x3ff80000u, 0x00040000u, false },   /* data RAM 1 */
    { 0x3ffc0000u, 0x00040000u, false },   /* data RAM 0 */
    { 0x40000000u, 0x00100000u, false },   /* instruction RAM 0 */
    { 0x40100000u, 0x00100000u, true },    /* instruction RAM 1 */
    { 0x40200000u, 0x00100000u, true },    /* instruction ROM 0 */
    { 0x60000000u, 0x04000000u, false },   /* lx60 system RAM (64 MB by default in QEMU) */
};
#define RUN_NREGIONS (sizeof run_regions / sizeof run_regions[0])

/* The lx60 board's 16550 UART (QEMU hw/xtensa/xtfpga.c) and the registers the firmware uses. */
#define RUN_UART_BASE  (0xfd050020u)
#define RUN_UART_IRQ   (0)
#define RUN_UART_RBR   (0)
#define RUN_UART_IER   (1)
#define RUN_UART_IIR   (2)
#define RUN_UART_LSR   (5)
#define RUN_LSR_DR     (0x01)
#define RUN_LSR_THRE   (0x60)      /* THR empty and transmitter idle: output is never slow here */
#define RUN_IER_RDI    (0x01)
#define RUN_RX_SIZE    (4096)
#define RUN_FIFO_SIZE  (16)        /* the 16550's receive FIFO */

/* stdin is looked at, and the FIFO refilled, every so many instructions while the program runs:
 * like QEMU's, the FIFO takes more input only between bursts of guest execution, so a program
 * draining it into a buffer of its own is not flooded by a large paste. */
#define RUN_POLL_CYCLES (200000u)
#define RUN_CPU_MHZ     (80u)      /* cycles per microsecond when the core sleeps in WAITI */

typedef struct {
    uint8_t *mem[RUN_NREGIONS];
    bool exited;
    int exit_code;
    uint8_t uart_reg[8];
    uint8_t rx[RUN_RX_SIZE];
    size_t rx_head, rx_len;       /* input read from stdin, not yet read by the program */
    size_t fifo;                  /* how much of it the receive FIFO shows now */
    bool stdin_eof;
    lx106_t *cpu;
} run_t;

/* Host pointer for addr and, in *avail, how many bytes from there lie in the same region. */
static uint8_t *run_host(run_t *run, uint32_t addr, uint32_t *avail) {
    for (size_t i = 0; i < RUN_NREGIONS; i++) {
        const run_region_t *r = &run_regions[i];
        if (addr - r->base < r->size) {
            *avail = r->size - (addr - r->base);
            return run->mem[i] + (addr - r->base);
        }
    }
    return NULL;
}

/* Copies len bytes (src NULL: zeros) to guest memory, across adjacent regions; false if some of
 * [addr, addr+len) is outside them. */
static bool run_copy(run_t *run, uint32_t addr, const uint8_t *src, uint32_t len) {
    while (len > 0) {
        uint32_t avail;
        uint8_t *dst = run_host(run, addr, &avail);
        if (dst == NULL) {
            return false;
        }
        uint32_t n = len < avail ? len : avail;
        if (src != NULL) {
            memcpy(dst, src, n);
            src += n;
        } else {
            memset(dst, 0, n);
        }
        addr += n;
        len -= n;
    }
    return true;
}

/* calloc'ed regions stay untouched (and so unallocated by the host) until the guest uses them. */
static bool run_map_memory(run_t *run, lx106_t *cpu, bool word_only) {
    for (size_t i = 0; i < RUN_NREGIONS; i++) {
        run->mem[i] = calloc(1, run_regions[i].size);
        if (run->mem[i] == NULL) {
            return false;
        }
        unsigned flags = LX106_R | LX106_W | LX106_X;
        if (word_only && run_regions[i].esp_word_only) {
            flags |= LX106_WORD_ONLY;
        }
        lx106_map(cpu, run_regions[i].base, run_regions[i].size, run->mem[i], flags);
    }
    return true;
}

static uint32_t run_le32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t run_le16(const uint8_t *p) {
    return (uint16_t)(p[0] | p[1] << 8);
}

/* Copies one PT_LOAD segment (program header at ph) into guest memory. */
static bool run_load_segment(run_t *run, const uint8_t *elf, size_t size, const uint8_t *ph) {
    uint32_t offset = run_le32(ph + 4), paddr = run_le32(ph + 12);
    uint32_t filesz = run_le32(ph + 16), memsz = run_le32(ph + 20);
    if (filesz > memsz || offset > size || filesz > size - offset) {
        return false;
    }
    if (!run_copy(run, paddr, elf + offset, filesz) || !run_copy(run, paddr + filesz, NULL, memsz - filesz)) {
        fprintf(stderr, "lx106-run: segment at 0x%08x (+0x%x) is outside the memory map\n",
                (unsigned)paddr, (unsigned)memsz);
        return false;
    }
    return true;
}

/* Loads the ELF's PT_LOAD segments; returns the entry point in *entry. */
static bool run_load_elf(run_t *run, const char *path, uint32_t *entry) {
    size_t size;
    uint8_t *elf = emu_read_file(path, &size);
    if (elf == NULL) {
        fprintf(stderr, "lx106-run: %s: %s\n", path, strerror(errno));
        return false;
    }
    bool ok = size >= 52 && memcmp(elf, "\177ELF\1\1", 6) == 0 && run_le16(elf + 18) == 94 /* EM_XTENSA */;
    uint32_t phoff = ok ? run_le32(elf + 28) : 0;
    uint16_t phentsize = ok ? run_le16(elf + 42) : 0, phnum = ok ? run_le16(elf + 44) : 0;
    ok = ok && phentsize >= 32 && phoff <= size && (size - phoff) / phentsize >= phnum;
    for (uint16_t i = 0; ok && i < phnum; i++) {
        const uint8_t *ph = elf + phoff + (size_t)i * phentsize;
        if (run_le32(ph) == 1 /* PT_LOAD */) {
            ok = run_load_segment(run, elf, size, ph);
        }
    }
    if (!ok) {
        fprintf(stderr, "lx106-run: %s: not a loadable little-endian ELF32 Xtensa executable\n", path);
    } else {
        *entry = run_le32(elf + 24);
    }
    free(elf);
    return ok;
}

/* The UART's interrupt is a level: received data while the receive interrupt is enabled. */
static void run_uart_irq(run_t *run) {
    lx106_set_irq(run->cpu, RUN_UART_IRQ, run->fifo > 0 && (run->uart_reg[RUN_UART_IER] & RUN_IER_RDI));
}

/* Reads what stdin has now (waiting at most timeout_ms, -1: until something comes), and refills
 * the receive FIFO. */
static void run_poll_stdin(run_t *run, int timeout_ms) {
    fflush(stdout);
    struct pollfd pfd = { .fd = 0, .events = POLLIN };
    if (!run->stdin_eof && run->rx_len < RUN_RX_SIZE && poll(&pfd, 1, run->rx_len > 0 ? 0 : timeout_ms) > 0) {
        size_t tail = (run->rx_head + run->rx_len) % RUN_RX_SIZE;
        size_t room = tail >= run->rx_head ? RUN_RX_SIZE - tail : run->rx_head - tail;
        ssize_t n = read(0, run->rx + tail, room);
        if (n <= 0) {
            run->stdin_eof = true;
        } else {
            run->rx_len += (size_t)n;
        }
    }
    run->fifo = run->rx_len < RUN_FIFO_SIZE ? run->rx_len : RUN_FIFO_SIZE;
    run_uart_irq(run);
}

static bool run_bus_read(void *ctx, uint32_t addr, int size, uint32_t *val) {
    run_t *run = ctx;
    if (size != 4 || addr < RUN_UART_BASE || addr >= RUN_UART_BASE + 32) {
        return false;
    }
    unsigned reg = (addr - RUN_UART_BASE) / 4;
    switch (reg) {
    case RUN_UART_RBR:
        *val = 0;
        if (run->fifo > 0) {
            *val = run->rx[run->rx_head];
            run->rx_head = (run->rx_head + 1) % RUN_RX_SIZE;
            run->rx_len--;
            run->fifo--;
            run_uart_irq(run);
        }
        break;
    case RUN_UART_IIR:
        *val = run->fifo > 0 && (run->uart_reg[RUN_UART_IER] & RUN_IER_RDI) ? 0x04 : 0x01;
        break;
    case RUN_UART_LSR:
        *val = RUN_LSR_THRE | (run->fifo > 0 ? RUN_LSR_DR : 0);
        break;
    default:
        *val = run->uart_reg[reg];
        break;
    }
    return true;
}

static bool run_bus_write(void *ctx, uint32_t addr, int size, uint32_t val) {
    run_t *run = ctx;
    if (size != 4 || addr < RUN_UART_BASE || addr >= RUN_UART_BASE + 32) {
        return false;
    }
    unsigned reg = (addr - RUN_UART_BASE) / 4;
    if (reg == RUN_UART_RBR) {
        putchar((int)(val & 0xff));
    } else {
        run->uart_reg[reg] = (uint8_t)val;
        run_uart_irq(run);
    }
    return true;
}

/* SYS_write: copies the guest buffer out through the simulator's view of memory. */
static uint32_t run_sys_write(lx106_t *cpu, uint32_t fd, uint32_t buf, uint32_t len, uint32_t *err) {
    if (fd != 1 && fd != 2) {
        *err = EBADF;
        return (uint32_t)-1;
    }
    FILE *out = fd == 1 ? stdout : stderr;
    for (uint32_t i = 0; i < len; i++) {
        uint32_t byte;
        if (!lx106_read(cpu, buf + i, 1, &byte)) {
            *err = EFAULT;
            return (uint32_t)-1;
        }
        fputc((int)byte, out);
    }
    *err = 0;
    return len;
}

/* bus.simcall: a2 = call number, a3.. = arguments; result in a2, errno in a3. */
static bool run_simcall(void *ctx, lx106_t *cpu) {
    run_t *run = ctx;
    uint32_t err = 0;
    switch (cpu->a[2]) {
    case RUN_SYS_EXIT:
        run->exited = true;
        run->exit_code = (int)cpu->a[3];
        return false;
    case RUN_SYS_WRITE:
        cpu->a[2] = run_sys_write(cpu, cpu->a[3], cpu->a[4], cpu->a[5], &err);
        break;
    default:
        cpu->a[2] = (uint32_t)-1;
        err = RUN_ENOSYS;
        break;
    }
    cpu->a[3] = err;
    return true;
}

static void run_usage(void) {
    fprintf(stderr, "usage: lx106-run [--mips] [--max-insns N] [--word-only] prog.elf\n");
    exit(2);
}

static double run_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* WAITI: sleeps until input for the UART or, in real time at RUN_CPU_MHZ, the timer's next match
 * (at most a second at a time), and moves the cycle count on by the time slept; with no input to
 * wait for, straight to the timer.  False if nothing can ever wake the core. */
static bool run_wait(run_t *run, lx106_t *cpu, uint64_t max_insns) {
    fflush(stdout);   /* the program is idle: what it printed is complete */
    uint32_t enabled = lx106_rsr(cpu, LX106_SR_INTENABLE);
    bool timer = (enabled & (1u << 6)) != 0 && lx106_next_timer_cycle(cpu) < max_insns;
    bool uart = (!run->stdin_eof || run->rx_len > 0) && (enabled & (1u << RUN_UART_IRQ)) != 0;
    if (!timer && !uart) {
        return false;
    }
    uint64_t until = timer ? lx106_next_timer_cycle(cpu) : UINT64_MAX;
    if (!uart) {
        cpu->cycles = until;
        return true;
    }
    uint64_t us = timer ? (until - cpu->cycles) / RUN_CPU_MHZ : UINT64_MAX;
    int timeout_ms = us >= 1000000 ? 1000 : (int)(us / 1000);
    double t0 = run_now();
    run_poll_stdin(run, timeout_ms);
    uint64_t slept = (uint64_t)((run_now() - t0) * 1e6) * RUN_CPU_MHZ;
    bool timed_out = run->fifo == 0 && us < 1000000;
    cpu->cycles = timed_out || cpu->cycles + slept > until ? until : cpu->cycles + slept;
    return true;
}

/* Runs until the program exits, the limit is reached or the core stops for good. */
static int run_cpu(run_t *run, lx106_t *cpu, uint64_t max_insns) {
    for (;;) {
        uint64_t slice = cpu->cycles + RUN_POLL_CYCLES;
        lx106_result_t r = lx106_run(cpu, slice < max_insns ? slice : max_insns);
        if (run->exited) {
            return run->exit_code;
        }
        switch (r) {
        case LX106_LIMIT:
            if (cpu->cycles < max_insns) {
                run_poll_stdin(run, 0);
                break;
            }
            fprintf(stderr, "lx106-run: stopped after %llu instructions, pc 0x%08x\n",
                    (unsigned long long)cpu->insns, (unsigned)cpu->pc);
            return RUN_EXIT_LIMIT;
        case LX106_WAITING:
            if (!run_wait(run, cpu, max_insns)) {
                fprintf(stderr, "lx106-run: WAITI with nothing to wake the core, pc 0x%08x\n", (unsigned)cpu->pc);
                return RUN_EXIT_HALTED;
            }
            break;
        case LX106_HALTED:
            fprintf(stderr, "lx106-run: halted: %s, pc 0x%08x\n",
                    cpu->halt_reason ? cpu->halt_reason : "?", (unsigned)cpu->pc);
            return RUN_EXIT_HALTED;
        case LX106_STOPPED:
            fprintf(stderr, "lx106-run: stopped at pc 0x%08x\n", (unsigned)cpu->pc);
            return RUN_EXIT_HALTED;
        }
    }
}

int main(int argc, char **argv) {
    bool mips = false, word_only = false;
    uint64_t max_insns = UINT64_MAX;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--mips") == 0) {
            mips = true;
        } else if (strcmp(argv[i], "--word-only") == 0) {
            word_only = true;
        } else if (strcmp(argv[i], "--max-insns") == 0 && i + 1 < argc) {
            max_insns = strtoull(argv[++i], NULL, 0);
        } else if (argv[i][0] == '-' || path != NULL) {
            run_usage();
        } else {
            path = argv[i];
        }
    }
    if (path == NULL) {
        run_usage();
    }
    run_t run = { 0 };
    lx106_t cpu;
    lx106_bus_t bus = { .ctx = &run, .read = run_bus_read, .write = run_bus_write, .simcall = run_simcall };
    uint32_t entry;
    run.cpu = &cpu;
    if (!lx106_init(&cpu, &bus) || !run_map_memory(&run, &cpu, word_only)) {
        fprintf(stderr, "lx106-run: out of memory\n");
        return RUN_EXIT_LOAD;
    }
    if (!run_load_elf(&run, path, &entry)) {
        return RUN_EXIT_LOAD;
    }
    cpu.pc = entry;
    double t0 = run_now();
    int status = run_cpu(&run, &cpu, max_insns);
    double secs = run_now() - t0;
    fflush(stdout);
    if (mips) {
        fprintf(stderr, "%llu instructions, %.3f s, %.1f MIPS\n", (unsigned long long)cpu.insns, secs,
                secs > 0 ? cpu.insns / secs / 1e6 : 0.0);
    }
    lx106_free(&cpu);
    for (size_t i = 0; i < RUN_NREGIONS; i++) {
        free(run.mem[i]);
    }
    return status;
}
