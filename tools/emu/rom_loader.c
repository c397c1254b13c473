/* rom_loader.c: the ESP8266 mask ROM's serial bootloader (rom.h), per esptool's "Serial Protocol"
 * documentation and the behaviour esptool and esptool-js expect from the ESP8266 ROM.
 *
 * Frames are SLIP (0xC0 delimits, 0xDB 0xDC / 0xDB 0xDD escape 0xC0 / 0xDB).  A request is
 * direction 0, command, size (16 bits), checksum (32 bits), data; a response is direction 1, the
 * command, size 2, a 32-bit value (READ_REG's result), then the ESP8266 ROM's two status bytes
 * (0 = success, else 1 and an error: 0x05 invalid message, 0x06 failed to act, 0x07 bad checksum,
 * 0x08 flash write error).  Commands: SYNC (answered 8 times with the value 0x20120707, the
 * sync word; it also sets UART0's divider to what the ROM's auto-baud measures for 115200 on a
 * 26 MHz crystal, 451, from which esptool derives "Crystal is 26MHz"), READ_REG / WRITE_REG (any
 * address, through the bus; WRITE_REG takes several (address, value, mask, delay) records and
 * honours the mask), FLASH_BEGIN (erases with the ROM's erase-size bug: for R sectors asked at
 * sector S it erases R + min(R, 16 - S % 16), which esptool's get_erase_size compensates),
 * FLASH_DATA (0xEF-seeded XOR checksum, sequence numbers in order, read back and compared as the
 * ROM does), FLASH_END (leaves the loader: 0 reboots through the reset vector, 1 runs the image
 * in flash), MEM_BEGIN / MEM_DATA / MEM_END (RAM; MEM_END with flag 0 starts the program, the
 * stub flasher, at its entry).  The ESP8266 ROM has none of the later commands (SPI_ATTACH,
 * SPI_SET_PARAMS, READ_FLASH_SLOW, CHANGE_BAUDRATE, compressed writes, MD5, security info): they
 * are answered as the ROMs answer unsupported commands, 8 times with command 0 and status
 * (1, 0x05), which esptool and esptool-js take for "unsupported" and drain. */
#include <stdio.h>
#include <string.h>
#include "rom_priv.h"

#define SLIP_END (0xc0u)
#define SLIP_ESC (0xdbu)
#define SLIP_ESC_END (0xdcu)
#define SLIP_ESC_ESC (0xddu)

enum {
    CMD_FLASH_BEGIN = 0x02, CMD_FLASH_DATA = 0x03, CMD_FLASH_END = 0x04, CMD_MEM_BEGIN = 0x05,
    CMD_MEM_END = 0x06, CMD_MEM_DATA = 0x07, CMD_SYNC = 0x08, CMD_WRITE_REG = 0x09,
    CMD_READ_REG = 0x0a,
};

enum { ERR_INVALID = 0x05, ERR_FAILED = 0x06, ERR_CHECKSUM = 0x07, ERR_FLASH_WRITE = 0x08 };

#define SYNC_VALUE (0x20120707u)
#define SYNC_REPLIES (8)
#define UNSUPPORTED_REPLIES (8)
#define UART0_CLKDIV_REG (0x60000014u)
#define UART_DIV_AUTOBAUD (451u)          /* 52 MHz APB (26 MHz crystal) / 115200 */
/* The ROM's download mode receives by interrupt: an interrupt per byte (RX FIFO full threshold 1)
 * and after a 2-byte gap.  esptool's stub flashers keep this configuration and only enable the
 * interrupts (its stub_io.c), so a short command reaches them at all. */
#define UART0_CONF1_REG (0x60000024u)
#define UART_CONF1_DOWNLOAD (1u | (2u << 24) | (1u << 31))
#define CHECKSUM_SEED (0xefu)

static uint32_t ld_le32(const uint8_t *p) {
    return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void ld_send_slip(rom_t *rom, const uint8_t *p, size_t n) {
    esp_uart_send(rom->esp, 0, SLIP_END);
    for (size_t i = 0; i < n; i++) {
        if (p[i] == SLIP_END || p[i] == SLIP_ESC) {
            esp_uart_send(rom->esp, 0, SLIP_ESC);
            esp_uart_send(rom->esp, 0, p[i] == SLIP_END ? SLIP_ESC_END : SLIP_ESC_ESC);
        } else {
            esp_uart_send(rom->esp, 0, p[i]);
        }
    }
    esp_uart_send(rom->esp, 0, SLIP_END);
}

static void ld_reply(rom_t *rom, uint8_t cmd, uint32_t value, uint8_t error) {
    uint8_t p[10] = {1, cmd, 2, 0, (uint8_t)value, (uint8_t)(value >> 8), (uint8_t)(value >> 16),
                     (uint8_t)(value >> 24), error ? 1 : 0, error};
    if (rom->trace) {
        fprintf(stderr, "rom loader: reply cmd 0x%02x value 0x%08x status %u error 0x%02x\n", cmd,
                value, error ? 1u : 0u, error);
    }
    ld_send_slip(rom, p, sizeof p);
}

static uint8_t ld_checksum(const uint8_t *p, uint32_t n) {
    uint8_t sum = CHECKSUM_SEED;
    for (uint32_t i = 0; i < n; i++) {
        sum ^= p[i];
    }
    return sum;
}

/* ---- the commands: each returns the error byte, 0 for success ---- */

static uint8_t ld_read_reg(rom_t *rom, const uint8_t *d, uint32_t n, uint32_t *value) {
    if (n < 4) {
        return ERR_INVALID;
    }
    return lx106_read(rom->cpu, ld_le32(d), 4, value) ? 0 : ERR_FAILED;
}

static uint8_t ld_write_reg(rom_t *rom, const uint8_t *d, uint32_t n) {
    if (n < 16 || n % 16) {
        return ERR_INVALID;
    }
    for (uint32_t i = 0; i < n; i += 16) {
        uint32_t addr = ld_le32(d + i), value = ld_le32(d + i + 4), mask = ld_le32(d + i + 8), old = 0;
        if (mask == 0) {                  /* esptool's "delay only" record: nothing to write */
            continue;
        }
        if (mask != 0xffffffffu && !lx106_read(rom->cpu, addr, 4, &old)) {
            return ERR_FAILED;
        }
        if (!lx106_write(rom->cpu, addr, 4, (old & ~mask) | (value & mask))) {
            return ERR_FAILED;
        }
    }
    return 0;
}

static uint8_t ld_flash_begin(rom_t *rom, const uint8_t *d, uint32_t n) {
    rom_loader_t *ld = &rom->loader;
    if (n < 16) {
        return ERR_INVALID;
    }
    uint32_t erase = ld_le32(d), offset = ld_le32(d + 12);
    if (offset > esp_flash_size(rom->esp) || !rom_erase_area(rom, offset, erase)) {
        return ERR_FAILED;
    }
    ld->flash_active = true;
    ld->flash_blocks = ld_le32(d + 4);
    ld->flash_block = ld_le32(d + 8);
    ld->flash_offset = offset;
    ld->flash_next = 0;
    return 0;
}

/* The data header of FLASH_DATA / MEM_DATA: length, sequence, 0, 0, then the data. */
static uint8_t ld_data_header(const uint8_t *d, uint32_t n, uint32_t chk, uint32_t expect_seq,
                              uint32_t *len) {
    if (n < 16 || ld_le32(d) > n - 16) {
        return ERR_INVALID;
    }
    *len = ld_le32(d);
    if (ld_le32(d + 4) != expect_seq) {
        return ERR_INVALID;
    }
    return ld_checksum(d + 16, *len) == (uint8_t)chk ? 0 : ERR_CHECKSUM;
}

static uint8_t ld_flash_data(rom_t *rom, const uint8_t *d, uint32_t n, uint32_t chk) {
    rom_loader_t *ld = &rom->loader;
    uint32_t len;
    if (!ld->flash_active) {
        return ERR_FAILED;
    }
    uint8_t err = ld_data_header(d, n, chk, ld->flash_next, &len);
    if (err) {
        return err;
    }
    uint32_t addr = ld->flash_offset + ld->flash_next * ld->flash_block;
    static uint8_t back[ROM_LOADER_MAX];
    if (addr > esp_flash_size(rom->esp) || len > esp_flash_size(rom->esp) - addr ||
        !esp_flash_write(rom->esp, addr, d + 16, len) || !esp_flash_read(rom->esp, addr, back, len)) {
        return ERR_FAILED;
    }
    if (ld_checksum(back, len) != ld_checksum(d + 16, len)) {
        return ERR_FLASH_WRITE;           /* written over bytes that were not erased */
    }
    ld->flash_next++;
    return 0;
}

static uint8_t ld_mem_begin(rom_t *rom, const uint8_t *d, uint32_t n) {
    rom_loader_t *ld = &rom->loader;
    if (n < 16) {
        return ERR_INVALID;
    }
    ld->mem_active = true;
    ld->mem_size = ld_le32(d);
    ld->mem_blocks = ld_le32(d + 4);
    ld->mem_block = ld_le32(d + 8);
    ld->mem_addr = ld_le32(d + 12);
    ld->mem_next = 0;
    return 0;
}

static uint8_t ld_mem_data(rom_t *rom, const uint8_t *d, uint32_t n, uint32_t chk) {
    rom_loader_t *ld = &rom->loader;
    uint32_t len;
    if (!ld->mem_active) {
        return ERR_FAILED;
    }
    uint8_t err = ld_data_header(d, n, chk, ld->mem_next, &len);
    if (err) {
        return err;
    }
    if (!rom_mem_write(rom, ld->mem_addr + ld->mem_next * ld->mem_block, d + 16, len)) {
        return ERR_FAILED;
    }
    ld->mem_next++;
    return 0;
}

/* ---- leaving the loader ---- */

static void ld_leave(rom_t *rom) {
    rom->in_loader = false;
    rom->loader.flash_active = rom->loader.mem_active = false;
}

static void ld_flash_end(rom_t *rom, const uint8_t *d, uint32_t n) {
    bool run_user = n >= 4 && ld_le32(d) != 0;
    ld_reply(rom, CMD_FLASH_END, 0, 0);
    ld_leave(rom);
    if (!run_user) {                      /* reboot: the ROM restarts through its reset vector */
        rom_boot(rom, esp_reset_cause(rom->esp));
    } else if (!rom_boot_flash(rom)) {
        rom_park(rom);
    }
}

static void ld_mem_end(rom_t *rom, const uint8_t *d, uint32_t n) {
    if (n < 8) {
        ld_reply(rom, CMD_MEM_END, 0, ERR_INVALID);
        return;
    }
    ld_reply(rom, CMD_MEM_END, 0, 0);
    rom->loader.mem_active = false;
    if (ld_le32(d) == 0) {
        if (rom->trace) {
            fprintf(stderr, "rom loader: run the loaded program at 0x%08x\n", ld_le32(d + 4));
        }
        ld_leave(rom);
        rom->in_stub = true;
        rom_start_guest(rom, ld_le32(d + 4), ROM_ADDR_MAIN_RET);
    }
}

static void ld_command(rom_t *rom, uint8_t cmd, const uint8_t *d, uint32_t n, uint32_t chk) {
    uint32_t value = 0;
    uint8_t err;
    switch (cmd) {
        case CMD_SYNC:
            if (n != 36 || ld_le32(d) != SYNC_VALUE) {
                return;                   /* not a sync pattern: the ROM stays silent */
            }
            lx106_write(rom->cpu, UART0_CLKDIV_REG, 4, UART_DIV_AUTOBAUD);
            for (int i = 0; i < SYNC_REPLIES; i++) {
                ld_reply(rom, cmd, SYNC_VALUE, 0);
            }
            return;
        case CMD_READ_REG: err = ld_read_reg(rom, d, n, &value); break;
        case CMD_WRITE_REG: err = ld_write_reg(rom, d, n); break;
        case CMD_FLASH_BEGIN: err = ld_flash_begin(rom, d, n); break;
        case CMD_FLASH_DATA: err = ld_flash_data(rom, d, n, chk); break;
        case CMD_FLASH_END: ld_flash_end(rom, d, n); return;
        case CMD_MEM_BEGIN: err = ld_mem_begin(rom, d, n); break;
        case CMD_MEM_DATA: err = ld_mem_data(rom, d, n, chk); break;
        case CMD_MEM_END: ld_mem_end(rom, d, n); return;
        default:
            for (int i = 0; i < UNSUPPORTED_REPLIES; i++) {
                ld_reply(rom, 0, 0, ERR_INVALID);
            }
            return;
    }
    ld_reply(rom, cmd, value, err);
}

static void ld_frame(rom_t *rom) {
    rom_loader_t *ld = &rom->loader;
    const uint8_t *f = ld->frame;
    if (ld->overflow || ld->len < 8 || f[0] != 0) {
        if (rom->trace) {
            fprintf(stderr, "rom loader: dropped a %s frame of %zu bytes\n",
                    ld->overflow ? "too long" : "malformed", ld->len);
        }
        return;
    }
    uint32_t size = f[2] | (uint32_t)f[3] << 8, chk = ld_le32(f + 4);
    if (rom->trace) {
        fprintf(stderr, "rom loader: cmd 0x%02x size %u\n", f[1], size);
    }
    if (size != ld->len - 8) {
        ld_reply(rom, f[1], 0, ERR_INVALID);
        return;
    }
    ld_command(rom, f[1], f + 8, size, chk);
}

static void ld_byte(rom_t *rom, uint8_t b) {
    rom_loader_t *ld = &rom->loader;
    if (b == SLIP_END) {
        if (ld->in_frame && ld->len > 0) {
            ld_frame(rom);
        }
        ld->in_frame = true;              /* an END also opens the next frame */
        ld->len = 0;
        ld->escape = ld->overflow = false;
        return;
    }
    if (!ld->in_frame) {
        return;                           /* noise between frames */
    }
    if (ld->escape) {
        ld->escape = false;
        b = b == SLIP_ESC_END ? SLIP_END : b == SLIP_ESC_ESC ? SLIP_ESC : b;
    } else if (b == SLIP_ESC) {
        ld->escape = true;
        return;
    }
    if (ld->len < sizeof ld->frame) {
        ld->frame[ld->len++] = b;
    } else {
        ld->overflow = true;
    }
}

void rom_loader_enter(rom_t *rom) {
    memset(&rom->loader, 0, sizeof rom->loader);
    rom->in_loader = true;
    rom->in_stub = false;
    lx106_write(rom->cpu, UART0_CONF1_REG, 4, UART_CONF1_DOWNLOAD);
    rom_park(rom);
    if (rom->trace) {
        fprintf(stderr, "rom: serial bootloader\n");
    }
}

/* One byte at a time: a command that starts a program leaves the rest of the line to it. */
void rom_loader_poll(rom_t *rom) {
    uint8_t b;
    while (rom->in_loader && esp_uart_take(rom->esp, &b, 1) == 1) {
        ld_byte(rom, b);
    }
}
