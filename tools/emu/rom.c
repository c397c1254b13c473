/* rom.c: the ESP8266 mask ROM's boot path and vectors, emulated in C (rom.h).
 *
 * After every reset the ROM prints its boot log on UART0, samples the strapping pins and either
 * enters the serial bootloader (rom_loader.c) or loads the image at flash 0 into RAM and jumps to
 * its entry.  The log follows the chip's, as seen in many users' logs:
 *     " ets Jan  8 2013,rst cause:2, boot mode:(3,6)", then per segment
 *     "load 0x40100000, len 27728, room 16 ", "tail 0", "chksum 0x2a", ..., "csum 0x2a".
 * The ROM reads flash in 16-byte chunks: "room" is what is left of the current chunk when a
 * segment's data starts (16 for the first), "tail" how much of the last chunk its data used, and
 * when fewer than 8 bytes (a segment header) remain it prints "ho N tail T room R".
 * What the chip does and what we chose where users' logs do not tell:
 *   - boot mode (x,6): x = GPIO15<<2 | GPIO0<<1 | GPIO2; the second number is printed as 6.
 *   - x = 1 (GPIO0 low): the serial bootloader, silently (the chip prints nothing more there);
 *     GPIO15 high (SDIO boot): "waiting for host", which we do not emulate further: parked.
 *   - a checksum mismatch: "csum err" and "ets_main.c ", then the ROM waits forever (parked);
 *     a first byte other than 0xE9 (erased flash) is treated the same way: "ets_main.c ".
 * Parked means the CPU waits in the ROM with interrupts masked until the next reset.
 *
 * Vectors: VECBASE is 0x40000000 until the firmware moves it, so exceptions and interrupts while
 * the ROM or esptool's stub runs land here: level-1 interrupts call the handlers attached with
 * ets_isr_attach on the simulated CPU, anything else prints "Fatal exception" and parks. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rom_priv.h"

#define ROM_STACK_TOP (0x3fffffb0u)      /* where the ROM leaves a1 (the SDK's "end: 3fffffb0") */
#define GPIO_IN_REG (0x60000318u)
#define UART0_CLKDIV_REG (0x60000014u)
#define UART_DIV_BOOT (694u)             /* 115200 for a 40 MHz crystal: 74880 on a 26 MHz NodeMCU */
#define IMAGE_MAGIC (0xe9u)
#define CHECKSUM_SEED (0xefu)
#define INUM_NMI_MASK (1u << 14)         /* interrupt 14 is the NMI (level 3), not level 1 */

void rom_printf(rom_t *rom, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    for (int i = 0; i < n && i < (int)sizeof buf - 1; i++) {
        if (buf[i] == '\n') {
            esp_uart_send(rom->esp, 0, '\r');
        }
        esp_uart_send(rom->esp, 0, (uint8_t)buf[i]);
    }
}

static uint32_t rom_le32(const uint8_t *p) {
    return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

bool rom_mem_read(rom_t *rom, uint32_t addr, void *buf, size_t len) {
    uint8_t *host = esp_ram(rom->esp, addr, len), *out = buf;
    if (host) {
        memcpy(buf, host, len);
        return true;
    }
    for (size_t i = 0; i < len; i++) {
        uint32_t a = addr + (uint32_t)i, w;
        if (!lx106_read(rom->cpu, a & ~3u, 4, &w)) {
            return false;
        }
        out[i] = (uint8_t)(w >> (8 * (a & 3)));
    }
    return true;
}

bool rom_mem_write(rom_t *rom, uint32_t addr, const void *buf, size_t len) {
    uint8_t *host = esp_ram(rom->esp, addr, len);
    const uint8_t *in = buf;
    if (host) {
        memcpy(host, buf, len);
        lx106_invalidate(rom->cpu, addr, (uint32_t)len);
        return true;
    }
    for (size_t i = 0; i < len; i++) {   /* word read-modify-write: IRAM-like pages take no bytes */
        uint32_t a = addr + (uint32_t)i, w, sh = 8 * (a & 3);
        if (!lx106_read(rom->cpu, a & ~3u, 4, &w)) {
            return false;
        }
        w = (w & ~(0xffu << sh)) | (uint32_t)in[i] << sh;
        if (!lx106_write(rom->cpu, a & ~3u, 4, w)) {
            return false;
        }
    }
    return true;
}

void rom_park(rom_t *rom) {
    lx106_t *cpu = rom->cpu;
    uint32_t ps = lx106_rsr(cpu, LX106_SR_PS);
    lx106_wsr(cpu, LX106_SR_PS, ps | LX106_PS_INTLEVEL);
    cpu->pc = ROM_ADDR_PARK;
    cpu->waiting = true;
}

void rom_start_guest(rom_t *rom, uint32_t entry, uint32_t ret) {
    lx106_t *cpu = rom->cpu;
    lx106_wsr(cpu, LX106_SR_VECBASE, ROM_BASE);
    lx106_wsr(cpu, LX106_SR_INTENABLE, 0);
    lx106_wsr(cpu, LX106_SR_PS, LX106_PS_UM);   /* user mode, interrupts at level 0, EXCM off */
    cpu->a[0] = ret;
    cpu->a[1] = ROM_STACK_TOP;
    cpu->pc = entry;
    cpu->waiting = false;
}

/* ---- the boot path ---- */

/* The flash-boot log's chunk bookkeeping (see the file comment). */
typedef struct {
    uint32_t room, tail, ho;
} rom_chunks_t;

static void rom_chunks_data(rom_chunks_t *c, uint32_t len) {
    if (len >= c->room) {
        c->tail = (len - c->room) % 16;
        c->room = c->tail ? 16 - c->tail : 0;
        c->ho = 0;
    } else {
        c->tail = 0;
        c->room -= len;
        c->ho = 16 - c->room;
    }
}

static void rom_chunks_header(rom_t *rom, rom_chunks_t *c) {
    if (c->room >= 8) {
        c->room -= 8;
    } else if (c->room == 0) {
        c->room = 8;
    } else {
        rom_printf(rom, "ho %u tail %u room %u\n", c->ho, c->tail, c->room);
        c->room += 8;
    }
}

/* Copies one segment from flash to RAM, folding its bytes into the checksum. */
static bool rom_load_segment(rom_t *rom, uint32_t src, uint32_t addr, uint32_t len, uint8_t *sum) {
    if (len > esp_flash_size(rom->esp)) {
        return false;
    }
    uint8_t *buf = malloc(len ? len : 1);
    bool ok = buf && esp_flash_read(rom->esp, src, buf, len) && rom_mem_write(rom, addr, buf, len);
    for (uint32_t i = 0; ok && i < len; i++) {
        *sum ^= buf[i];
    }
    free(buf);
    return ok;
}

bool rom_boot_flash(rom_t *rom) {
    esp8266_t *esp = rom->esp;
    uint8_t hdr[8];
    if (!esp_flash_read(esp, 0, hdr, sizeof hdr) || hdr[0] != IMAGE_MAGIC) {
        rom_printf(rom, "ets_main.c \n");
        return false;
    }
    uint32_t pos = sizeof hdr, end = pos;
    uint8_t sum = CHECKSUM_SEED;
    rom_chunks_t c = {16, 0, 0};
    for (unsigned i = 0; i < hdr[1]; i++) {
        uint8_t seg[8];
        if (i > 0) {
            rom_chunks_header(rom, &c);
        }
        if (!esp_flash_read(esp, pos, seg, sizeof seg)) {
            return false;
        }
        uint32_t addr = rom_le32(seg), len = rom_le32(seg + 4);
        rom_printf(rom, "load 0x%08x, len %d, room %u \n", addr, (int)len, c.room);
        if (!rom_load_segment(rom, pos + 8, addr, len, &sum)) {
            return false;                 /* the chip would crash or hang in its copy loop */
        }
        rom_chunks_data(&c, len);
        rom_printf(rom, "tail %u\n", c.tail);
        rom_printf(rom, "chksum 0x%02x\n", sum);
        pos += 8 + len;
        end = pos;
    }
    uint8_t stored = 0;
    esp_flash_read(esp, end | 15u, &stored, 1);
    rom_printf(rom, "csum 0x%02x\n", sum);
    if (stored != sum) {
        rom_printf(rom, "csum err\nets_main.c \n");
        return false;
    }
    if (rom->trace) {
        fprintf(stderr, "rom: boot from flash, entry 0x%08x\n", rom_le32(hdr + 4));
    }
    esp_cache_disable(esp);
    rom_start_guest(rom, rom_le32(hdr + 4), ROM_ADDR_MAIN_RET);
    return true;
}

static void rom_clear_state(rom_t *rom) {
    rom->in_loader = rom->in_stub = rom->in_isr = false;
    rom->isr_pending = 0;
    memset(rom->isr, 0, sizeof rom->isr);
}

void rom_boot(rom_t *rom, int cause) {
    lx106_t *cpu = rom->cpu;
    uint32_t in = 0;
    rom_clear_state(rom);
    rom_vars_init(rom);
    lx106_wsr(cpu, LX106_SR_VECBASE, ROM_BASE);
    lx106_wsr(cpu, LX106_SR_INTENABLE, 0);
    lx106_write(cpu, UART0_CLKDIV_REG, 4, UART_DIV_BOOT);
    lx106_read(cpu, GPIO_IN_REG, 4, &in);
    int gpio15 = (in >> 15) & 1, gpio0 = in & 1, gpio2 = (in >> 2) & 1;
    int mode = gpio15 << 2 | gpio0 << 1 | gpio2;
    rom_printf(rom, "\n ets Jan  8 2013,rst cause:%d, boot mode:(%d,6)\n\n", cause, mode);
    if (rom->trace) {
        fprintf(stderr, "rom: reset cause %d, boot mode %d\n", cause, mode);
    }
    if (gpio15) {
        rom_printf(rom, "waiting for host\n");
        rom_park(rom);
    } else if (!gpio0) {
        rom_loader_enter(rom);
    } else if (!rom_boot_flash(rom)) {
        rom_park(rom);
    }
}

/* ---- vectors ---- */

static void rom_fatal(rom_t *rom, lx106_t *cpu, uint32_t cause) {
    rom_printf(rom, "Fatal exception (%u):\n", cause);
    rom_printf(rom, "epc1=0x%08x, epc2=0x%08x, epc3=0x%08x, excvaddr=0x%08x, depc=0x%08x\n",
               cpu->sr[LX106_SR_EPC1], cpu->sr[LX106_SR_EPC2], cpu->sr[LX106_SR_EPC3],
               cpu->sr[LX106_SR_EXCVADDR], cpu->sr[LX106_SR_DEPC]);
    if (rom->trace) {
        fprintf(stderr, "rom: fatal exception %u at 0x%08x\n", cause, cpu->sr[LX106_SR_EPC1]);
    }
    rom_park(rom);
}

/* Calls the next pending attached handler on the CPU, or returns from the interrupt (RFE). */
static void rom_isr_next(rom_t *rom, lx106_t *cpu) {
    while (rom->isr_pending) {
        int n = __builtin_ctz(rom->isr_pending);
        rom->isr_pending &= rom->isr_pending - 1;
        if (rom->isr[n].fn) {
            cpu->a[0] = ROM_ADDR_ISR_RET;
            cpu->a[2] = rom->isr[n].arg;
            cpu->pc = rom->isr[n].fn;
            return;
        }
    }
    memcpy(cpu->a, rom->saved_a, sizeof cpu->a);
    cpu->sar = rom->saved_sar;
    lx106_wsr(cpu, LX106_SR_PS, rom->saved_ps & ~(uint32_t)LX106_PS_EXCM);
    cpu->pc = cpu->sr[LX106_SR_EPC1];
    rom->in_isr = false;
}

/* A level-1 interrupt through the ROM's vector: the ROM's dispatcher. */
static void rom_isr_enter(rom_t *rom, lx106_t *cpu) {
    uint32_t enabled = lx106_rsr(cpu, LX106_SR_INTENABLE);
    uint32_t pending = lx106_rsr(cpu, LX106_SR_INTERRUPT) & enabled & ~INUM_NMI_MASK;
    uint32_t orphans = 0;
    for (uint32_t m = pending; m; m &= m - 1) {
        if (!rom->isr[__builtin_ctz(m)].fn) {
            orphans |= m & -m;
        }
    }
    if (orphans) {                        /* nothing attached: masked, or it would fire forever */
        lx106_wsr(cpu, LX106_SR_INTENABLE, enabled & ~orphans);
        if (rom->trace) {
            fprintf(stderr, "rom: interrupts 0x%x have no handler: masked\n", orphans);
        }
    }
    lx106_wsr(cpu, LX106_SR_INTCLEAR, pending);   /* edge, timer and software bits */
    memcpy(rom->saved_a, cpu->a, sizeof cpu->a);
    rom->saved_sar = cpu->sar;
    rom->saved_ps = lx106_rsr(cpu, LX106_SR_PS);
    rom->isr_pending = pending & ~orphans;
    rom->in_isr = true;
    cpu->a[1] = (cpu->a[1] - 64) & ~15u;  /* handlers run on the interrupted stack, below it */
    lx106_wsr(cpu, LX106_SR_PS, LX106_PS_UM | 1);  /* EXCM off, level-1 interrupts masked */
    rom_isr_next(rom, cpu);
}

static bool rom_vector(rom_t *rom, lx106_t *cpu, uint32_t off) {
    uint32_t cause = cpu->sr[LX106_SR_EXCCAUSE];
    switch (off) {
        case LX106_VEC_USER:
        case LX106_VEC_KERNEL:
            if (cause == LX106_CAUSE_LEVEL1_INTERRUPT && !rom->in_isr) {
                rom_isr_enter(rom, cpu);
            } else {
                rom_fatal(rom, cpu, cause);
            }
            return true;
        case LX106_VEC_NMI:                /* nothing attached to the NMI in the ROM: RFI 3 */
            lx106_wsr(cpu, LX106_SR_PS, cpu->sr[LX106_SR_EPS3]);
            cpu->pc = cpu->sr[LX106_SR_EPC3];
            return true;
        default:                           /* debug and double exceptions */
            rom_fatal(rom, cpu, cause);
            return true;
    }
}

/* ---- the hooks ---- */

static bool rom_hle(void *ctx, lx106_t *cpu) {
    rom_t *rom = ctx;
    uint32_t pc = cpu->pc;
    if (pc == LX106_RESET_VECTOR) {        /* a jump to the reset vector: a software restart */
        rom_boot(rom, esp_reset_cause(rom->esp));
        return true;
    }
    if (pc < ROM_BASE + 0x80 && lx106_rsr(cpu, LX106_SR_VECBASE) == ROM_BASE) {
        return rom_vector(rom, cpu, pc - ROM_BASE);
    }
    if (pc == ROM_ADDR_ISR_RET && rom->in_isr) {
        rom_isr_next(rom, cpu);
        return true;
    }
    if (pc == ROM_ADDR_PARK) {             /* back here after an NMI: wait again */
        cpu->waiting = true;
        return true;
    }
    if (pc == ROM_ADDR_MAIN_RET) {         /* the loaded program returned: the ROM serves the loader */
        rom_loader_enter(rom);
        return true;
    }
    if (rom_call(rom, cpu)) {
        return true;
    }
    const char *name = rom_symbol(pc);
    fprintf(stderr, "rom: no emulation of ROM function %s at 0x%08x (called from 0x%08x)\n",
            name ? name : "(unnamed)", pc, cpu->a[0] - 3);
    lx106_stop(cpu);
    return false;
}

static void rom_reset_hook(void *ctx, int cause) {
    rom_boot(ctx, cause);
}

rom_t *rom_new(esp8266_t *esp) {
    rom_t *rom = calloc(1, sizeof *rom);
    if (!rom) {
        return NULL;
    }
    rom->esp = esp;
    rom->cpu = esp_cpu(esp);
    for (int i = 0; i < 4; i++) {
        rom->image[(ROM_ADDR_CHIP_MAGIC - ROM_BASE) + i] = (uint8_t)(ROM_CHIP_MAGIC >> (8 * i));
    }
    rom_clear_state(rom);
    lx106_map(rom->cpu, ROM_BASE, ROM_SIZE, rom->image, LX106_R | LX106_HLE);
    esp_rom_hooks_t hooks = {rom, rom_hle, rom_reset_hook};
    esp_set_rom(esp, &hooks);
    return rom;
}

void rom_free(rom_t *rom) {
    free(rom);
}

bool rom_in_loader(const rom_t *rom) {
    return rom->in_loader;
}

bool rom_in_stub(const rom_t *rom) {
    return rom->in_stub;
}

void rom_set_trace(rom_t *rom, bool on) {
    rom->trace = on;
}
