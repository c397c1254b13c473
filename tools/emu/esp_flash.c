/* esp_flash.c: the SPI NOR flash chip of the ESP8266 board (a Winbond-style 25Q part: JEDEC id
 * 0xef, 0x40, log2(size)), kept in a file mmap'ed shared so every write persists, and SPI0, the
 * controller at 0x60000200 that drives it (spi_register.h):
 *   - the built-in commands: a bit in SPI_CMD (READ 31, WREN 30, WRDI 29, RDID 28, RDSR 27, WRSR 26,
 *     PP 25, SE 24, BE 23, CE 22, DP 21, RES 20, HPM 19), SPI_ADDR = address | length << 24, data
 *     in W0..W15 (0x40..0x7c), the status in SPI_RD_STATUS (0x10);
 *   - the user command (SPI_CMD bit 18, USR): SPI_USER (0x1c: COMMAND 31, ADDR 30, DUMMY 29,
 *     MISO 28, MOSI 27), SPI_USER1 (0x20: address bits-1 at 26, MOSI bits-1 at 17, MISO bits-1
 *     at 8), SPI_USER2 (0x24: command bits-1 at 28, command value in bits 0-15), as esptool's
 *     run_spiflash_command uses it (flash_id, read_status, write_status); the address goes out
 *     MSB first from bit 31 of SPI_ADDR, MOSI data from W0's low byte up, MISO data lands there.
 * Every command completes at once (its CMD bit reads back 0 immediately; WIP never shows).  As on
 * the flash chip, program and erase need the write enable latch (WREN), and clear it. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "esp_chip.h"

#define CMD_READ (1u << 31)
#define CMD_WREN (1u << 30)
#define CMD_WRDI (1u << 29)
#define CMD_RDID (1u << 28)
#define CMD_RDSR (1u << 27)
#define CMD_WRSR (1u << 26)
#define CMD_PP (1u << 25)
#define CMD_SE (1u << 24)
#define CMD_BE (1u << 23)
#define CMD_CE (1u << 22)
#define CMD_USR (1u << 18)

#define REG_CMD (0x00 / 4)
#define REG_ADDR (0x04 / 4)
#define REG_RD_STATUS (0x10 / 4)
#define REG_USER (0x1c / 4)
#define REG_USER1 (0x20 / 4)
#define REG_USER2 (0x24 / 4)
#define REG_W0 (0x40 / 4)

#define USER_COMMAND (1u << 31)
#define USER_ADDR (1u << 30)
#define USER_MISO (1u << 28)
#define USER_MOSI (1u << 27)

#define STATUS_WEL (1u << 1)
#define SECTOR (4096u)
#define BLOCK (65536u)
#define PAGE (256u)

/* ---- the flash file ---- */

bool esp_flash_open(esp8266_t *esp, const char *path, uint32_t size) {
    int fd = open(path, O_RDWR | O_CREAT, 0644);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        perror(path);
        if (fd >= 0) {
            close(fd);
        }
        return false;
    }
    off_t old = st.st_size;
    if (old < (off_t)size && ftruncate(fd, size) != 0) {
        perror(path);
        close(fd);
        return false;
    }
    void *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED) {
        perror(path);
        close(fd);
        return false;
    }
    esp->flash = m;
    esp->flash_fd = fd;
    esp->flash_size = size;
    if (old < (off_t)size) {
        memset(esp->flash + old, 0xff, size - (size_t)old);   /* new flash comes erased */
    }
    return true;
}

void esp_flash_close(esp8266_t *esp) {
    if (esp->flash) {
        esp_flash_sync(esp);
        munmap(esp->flash, esp->flash_size);
        esp->flash = NULL;
    }
    if (esp->flash_fd >= 0) {
        close(esp->flash_fd);
        esp->flash_fd = -1;
    }
}

void esp_flash_sync(esp8266_t *esp) {
    if (esp->flash) {
        msync(esp->flash, esp->flash_size, MS_SYNC);
    }
}

uint32_t esp_flash_size(const esp8266_t *esp) {
    return esp->flash_size;
}

uint32_t esp_flash_id(const esp8266_t *esp) {
    uint32_t log2 = 0;
    while ((1u << log2) < esp->flash_size) {
        log2++;
    }
    return 0xefu | (0x40u << 8) | (log2 << 16);
}

static bool in_flash(const esp8266_t *esp, uint32_t addr, size_t len) {
    return addr <= esp->flash_size && len <= esp->flash_size - addr;
}

/* What the CPU sees through the cache must follow the flash, also code the simulator keeps decoded
 * while the cache is off (the firmware turns it off around every flash operation). */
static void flash_changed(esp8266_t *esp, uint32_t addr, uint32_t len) {
    if (esp->window_mb < 0) {
        return;
    }
    uint64_t lo = (uint64_t)esp->window_mb * ESP_FLASH_WINDOW_SIZE, hi = lo + ESP_FLASH_WINDOW_SIZE;
    uint64_t a = addr > lo ? addr : lo, b = (uint64_t)addr + len < hi ? (uint64_t)addr + len : hi;
    if (a < b) {
        lx106_invalidate(&esp->cpu, ESP_FLASH_WINDOW + (uint32_t)(a - lo), (uint32_t)(b - a));
    }
}

bool esp_flash_read(esp8266_t *esp, uint32_t addr, void *buf, size_t len) {
    if (!in_flash(esp, addr, len)) {
        return false;
    }
    memcpy(buf, esp->flash + addr, len);
    return true;
}

bool esp_flash_write(esp8266_t *esp, uint32_t addr, const void *buf, size_t len) {
    if (!in_flash(esp, addr, len)) {
        return false;
    }
    const uint8_t *src = buf;
    for (size_t i = 0; i < len; i++) {
        esp->flash[addr + i] &= src[i];   /* NOR: programming only clears bits */
    }
    flash_changed(esp, addr, (uint32_t)len);
    return true;
}

bool esp_flash_erase(esp8266_t *esp, uint32_t addr, uint32_t len) {
    if ((addr % SECTOR) != 0 || (len % SECTOR) != 0 || !in_flash(esp, addr, len)) {
        return false;
    }
    memset(esp->flash + addr, 0xff, len);
    flash_changed(esp, addr, len);
    return true;
}

/* ---- the cache window ---- */

void esp_cache_enable(esp8266_t *esp, uint32_t mb) {
    uint64_t off = (uint64_t)mb * ESP_FLASH_WINDOW_SIZE;
    if (esp->cache_mb == (int)mb) {
        return;
    }
    esp_cache_disable(esp);
    if (off >= esp->flash_size) {
        return;
    }
    uint32_t size = esp->flash_size - off < ESP_FLASH_WINDOW_SIZE ? (uint32_t)(esp->flash_size - off) : ESP_FLASH_WINDOW_SIZE;
    lx106_map(&esp->cpu, ESP_FLASH_WINDOW, size, esp->flash + off, LX106_R | LX106_X | LX106_WORD_ONLY);
    esp->cache_mb = esp->window_mb = (int)mb;
}

/* The window's pages are unmapped; the simulator keeps their decoded code for the same megabyte
 * (lx106_map), and flash_changed keeps that honest. */
void esp_cache_disable(esp8266_t *esp) {
    if (esp->cache_mb >= 0) {
        lx106_map(&esp->cpu, ESP_FLASH_WINDOW, ESP_FLASH_WINDOW_SIZE, NULL, 0);
        esp->cache_mb = -1;
    }
}

/* ---- the flash chip's commands ---- */

static uint8_t *wbuf(esp8266_t *esp) {
    return (uint8_t *)&esp->spi[REG_W0];   /* W0..W15 as bytes, W0's low byte first (little-endian host) */
}

/* Page program wraps inside its 256-byte page, as the chip does. */
static void flash_program(esp8266_t *esp, uint32_t addr, const uint8_t *data, uint32_t len) {
    if (!esp->wel) {
        return;
    }
    esp->wel = false;
    addr &= esp->flash_size - 1;
    for (uint32_t i = 0; i < len; i++) {
        uint32_t a = (addr & ~(PAGE - 1)) | ((addr + i) & (PAGE - 1));
        esp_flash_write(esp, a, &data[i], 1);
    }
}

static void flash_erase_cmd(esp8266_t *esp, uint32_t addr, uint32_t unit) {
    if (!esp->wel) {
        return;
    }
    esp->wel = false;
    addr &= (esp->flash_size - 1) & ~(unit - 1);
    esp_flash_erase(esp, addr, unit);
}

static void flash_read_wrap(esp8266_t *esp, uint32_t addr, uint8_t *out, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) {
        out[i] = esp->flash[(addr + i) & (esp->flash_size - 1)];
    }
}

static uint32_t status(const esp8266_t *esp) {
    return (esp->flash_status & ~STATUS_WEL) | (esp->wel ? STATUS_WEL : 0);
}

static void write_status(esp8266_t *esp, uint32_t v, uint32_t mask) {
    if (esp->wel) {
        esp->flash_status = (esp->flash_status & ~mask) | (v & mask & ~3u);
        esp->wel = false;
    }
}

/* ---- SPI0: the built-in commands ---- */

static void builtin_command(esp8266_t *esp, uint32_t cmd) {
    uint32_t addr = esp->spi[REG_ADDR] & 0xffffffu, len = esp->spi[REG_ADDR] >> 24;
    len = len > 64 ? 64 : len;
    if (cmd & CMD_WREN) {
        esp->wel = true;
    } else if (cmd & CMD_WRDI) {
        esp->wel = false;
    } else if (cmd & CMD_RDID) {
        esp->spi[REG_W0] = esp_flash_id(esp);
    } else if (cmd & CMD_RDSR) {
        esp->spi[REG_RD_STATUS] = status(esp);
    } else if (cmd & CMD_WRSR) {
        write_status(esp, esp->spi[REG_RD_STATUS], 0xffffu);
    } else if (cmd & CMD_READ) {
        flash_read_wrap(esp, addr, wbuf(esp), len);
    } else if (cmd & CMD_PP) {
        flash_program(esp, addr, wbuf(esp), len);
    } else if (cmd & CMD_SE) {
        flash_erase_cmd(esp, addr, SECTOR);
    } else if (cmd & CMD_BE) {
        flash_erase_cmd(esp, addr, BLOCK);
    } else if (cmd & CMD_CE) {
        flash_erase_cmd(esp, 0, esp->flash_size);
    }
    /* DP, RES, HPM and the rest: nothing a simulated chip needs to do */
}

/* ---- SPI0: the user command ---- */

typedef struct {
    uint8_t op;
    uint32_t addr;
    uint32_t mosi_len, miso_len;   /* bytes */
} user_cmd_t;

static void user_flash_op(esp8266_t *esp, const user_cmd_t *c, const uint8_t *mosi, uint8_t *miso) {
    uint32_t st = status(esp);
    switch (c->op) {
        case 0x06: esp->wel = true; break;                                  /* WREN */
        case 0x50: esp->wel = true; break;                                  /* WEVSR: volatile */
        case 0x04: esp->wel = false; break;                                 /* WRDI */
        case 0x9f: {                                                        /* RDID */
            uint32_t id = esp_flash_id(esp);
            memcpy(miso, &id, 3);
            break;
        }
        case 0x05: miso[0] = (uint8_t)st; break;                            /* RDSR */
        case 0x35: miso[0] = (uint8_t)(st >> 8); break;                     /* RDSR2 */
        case 0x15: miso[0] = 0; break;                                      /* RDSR3 */
        case 0x01:                                                          /* WRSR, 1 or 2 bytes */
            write_status(esp, mosi[0] | (c->mosi_len > 1 ? (uint32_t)mosi[1] << 8 : 0),
                         c->mosi_len > 1 ? 0xffffu : 0xffu);
            break;
        case 0x31: write_status(esp, (uint32_t)mosi[0] << 8, 0xff00u); break;   /* WRSR2 */
        case 0x03: flash_read_wrap(esp, c->addr, miso, c->miso_len); break;    /* READ */
        case 0x02: flash_program(esp, c->addr, mosi, c->mosi_len); break;      /* PP */
        case 0x20: flash_erase_cmd(esp, c->addr, SECTOR); break;               /* SE */
        case 0xd8: flash_erase_cmd(esp, c->addr, BLOCK); break;                /* BE */
        case 0x60: case 0xc7: flash_erase_cmd(esp, 0, esp->flash_size); break; /* CE */
        default:
            memset(miso, 0xff, c->miso_len);   /* an unsupported command: the bus floats high */
            break;
    }
}

static void user_command(esp8266_t *esp) {
    uint32_t user = esp->spi[REG_USER], user1 = esp->spi[REG_USER1];
    user_cmd_t c = { 0 };
    if (!(user & USER_COMMAND)) {
        return;
    }
    c.op = (uint8_t)esp->spi[REG_USER2];
    if (user & USER_ADDR) {
        uint32_t bits = (user1 >> 26) + 1;
        c.addr = bits >= 32 ? esp->spi[REG_ADDR] : esp->spi[REG_ADDR] >> (32 - bits);
    }
    c.mosi_len = (user & USER_MOSI) ? (((user1 >> 17) & 0x1ffu) + 8) / 8 : 0;
    c.miso_len = (user & USER_MISO) ? (((user1 >> 8) & 0x1ffu) + 8) / 8 : 0;
    c.mosi_len = c.mosi_len > 64 ? 64 : c.mosi_len;
    c.miso_len = c.miso_len > 64 ? 64 : c.miso_len;
    uint8_t mosi[64], miso[64];
    memcpy(mosi, wbuf(esp), sizeof(mosi));
    memset(miso, 0, sizeof(miso));
    user_flash_op(esp, &c, mosi, miso);
    memcpy(wbuf(esp), miso, c.miso_len);
}

/* ---- SPI0 registers ---- */

void esp_spi_reset(esp8266_t *esp) {
    memset(esp->spi, 0, sizeof(esp->spi));
    esp->wel = false;
}

uint32_t esp_spi_read(esp8266_t *esp, uint32_t off) {
    return esp->spi[off / 4];
}

void esp_spi_write(esp8266_t *esp, uint32_t off, uint32_t v) {
    if (off / 4 != REG_CMD) {
        esp->spi[off / 4] = v;
        return;
    }
    if (v & CMD_USR) {
        user_command(esp);
    } else if (v != 0) {
        builtin_command(esp, v);
    }
    esp->spi[REG_CMD] = 0;   /* done at once */
}
