/* rom_funcs.c: the ESP8266 mask ROM's functions, emulated in C at their real addresses (rom.h).
 *
 * The table maps each address of the ROM's symbol table (eagle.rom.addr.v6.ld, plus
 * uart_div_modify, which the SDK's copy omits) to its name and, for the functions emulated, to C.
 * Emulated are what our firmware calls (ports/esp8266/esp_regs.h) and what esptool's ESP8266
 * stub flasher calls (esptool-js 0.7.0's stub: ets_isr_attach/unmask, ets_delay_us,
 * uart_div_modify, uart_tx_one_char, SelectSpiFunction, spi_flash_attach, SPIRead/SPIWrite/
 * SPIEraseChip, MD5Init/Update/Final, memcpy/memmove/memset, __udivsi3/__umodsi3), and their
 * close relatives.  A function follows the call0 ABI: arguments in a2..a7, result in a2, return
 * to a0.  The SPI functions return 0 on success, 1 on error, as the ROM's SpiFlashOpResult. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rom_priv.h"

#define FLASH_SECTOR (4096u)
#define FLASH_BLOCK (65536u)
#define UART_CLKDIV_REG(n) (0x60000014u + (n) * 0xf00u)
#define GPIO_OUT_W1TS_REG (0x60000304u)
#define GPIO_OUT_W1TC_REG (0x60000308u)
#define GPIO_ENABLE_W1TS_REG (0x60000310u)
#define GPIO_ENABLE_W1TC_REG (0x60000314u)
#define GPIO_IN_REG (0x60000318u)
#define WDT_CTL_REG (0x60000900u)
#define MD5_CTX_SIZE (88u)             /* the ROM's MD5Context: buf[4], bits[2], in[64] */
#define ROM_COPY_MAX (0x1000000u)      /* 16 MB: the largest flash, more than any memory */

typedef void (*rom_fn_t)(rom_t *rom, lx106_t *cpu);

typedef struct {
    uint32_t addr;
    const char *name;
    rom_fn_t fn;                       /* NULL: known, not emulated */
} rom_sym_t;

/* ---- helpers ---- */

static uint64_t rom_arg64(const lx106_t *cpu, int first) {
    return cpu->a[first] | (uint64_t)cpu->a[first + 1] << 32;
}

static void rom_ret64(lx106_t *cpu, uint64_t v) {
    cpu->a[2] = (uint32_t)v;
    cpu->a[3] = (uint32_t)(v >> 32);
}

/* A buffer for a copy of len guest bytes, or NULL.  A copy longer than the largest memory or flash
 * there is cannot succeed (on the chip it runs off its region and faults): refused before
 * allocating, or a guest's memset of 0xffffffff bytes would have the host fill 4 GB. */
static uint8_t *rom_alloc(uint32_t len) {
    return len > ROM_COPY_MAX ? NULL : malloc(len ? len : 1);
}

static uint32_t rom_reg_read(rom_t *rom, uint32_t addr) {
    uint32_t v = 0;
    lx106_read(rom->cpu, addr, 4, &v);
    return v;
}

static void rom_reg_write(rom_t *rom, uint32_t addr, uint32_t v) {
    lx106_write(rom->cpu, addr, 4, v);
}

/* ---- the cache, clocks, analog (firmware) ---- */

/* Cache_Read_Enable(odd_even, mb_count, cache_size): odd_even picks the odd megabyte, mb_count
 * the second 2 MB (as rBoot's big-flash mapping uses them). */
static void rom_cache_read_enable(rom_t *rom, lx106_t *cpu) {
    esp_cache_enable(rom->esp, (cpu->a[2] & 1) | (cpu->a[3] & 1) << 1);
}

static void rom_cache_read_disable(rom_t *rom, lx106_t *cpu) {
    (void)cpu;
    esp_cache_disable(rom->esp);
}

/* The analog blocks behind rom_i2c_* (the PLL, the radio) have no model: writes vanish. */
static void rom_nop(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    (void)cpu;
}

static void rom_ret0(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    cpu->a[2] = 0;
}

static uint32_t rom_ticks_per_us(rom_t *rom) {
    uint32_t v = 0;
    rom_mem_read(rom, ROM_VAR_TICKS_PER_US, &v, 4);
    return v;
}

static void rom_update_cpu_frequency(rom_t *rom, lx106_t *cpu) {
    rom_mem_write(rom, ROM_VAR_TICKS_PER_US, &cpu->a[2], 4);
}

static void rom_get_cpu_frequency(rom_t *rom, lx106_t *cpu) {
    cpu->a[2] = rom_ticks_per_us(rom);
}

/* The ROM spins us * (what ets_update_cpu_frequency said) cycles: time passes as it would.  It
 * compares CCOUNT differences, 32 bits: the product wraps there too (and a guest's absurd
 * arguments cannot push the cycle count, virtual time, around 2^64). */
static void rom_delay_us(rom_t *rom, lx106_t *cpu) {
    cpu->cycles += (uint32_t)(cpu->a[2] * rom_ticks_per_us(rom));
}

static void rom_rtc_get_reset_reason(rom_t *rom, lx106_t *cpu) {
    cpu->a[2] = (uint32_t)esp_reset_cause(rom->esp);
}

static void rom_wdt_disable(rom_t *rom, lx106_t *cpu) {
    (void)cpu;
    rom_reg_write(rom, WDT_CTL_REG, rom_reg_read(rom, WDT_CTL_REG) & ~1u);
}

/* ets_set_user_start(fn): the ROM keeps it in its variable at 0x3fffdcd0. */
static void rom_set_user_start(rom_t *rom, lx106_t *cpu) {
    rom_mem_write(rom, ROM_VAR_USER_START, &cpu->a[2], 4);
}

/* ---- interrupts ---- */

static void rom_isr_attach(rom_t *rom, lx106_t *cpu) {
    uint32_t n = cpu->a[2] & 31;
    rom->isr[n].fn = cpu->a[3];
    rom->isr[n].arg = cpu->a[4];
}

static void rom_isr_mask(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    lx106_wsr(cpu, LX106_SR_INTENABLE, lx106_rsr(cpu, LX106_SR_INTENABLE) & ~cpu->a[2]);
}

static void rom_isr_unmask(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    lx106_wsr(cpu, LX106_SR_INTENABLE, lx106_rsr(cpu, LX106_SR_INTENABLE) | cpu->a[2]);
}

static void rom_intr_lock(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    uint32_t ps = lx106_rsr(cpu, LX106_SR_PS);
    lx106_wsr(cpu, LX106_SR_PS, (ps & ~(uint32_t)LX106_PS_INTLEVEL) | 3);
}

static void rom_intr_unlock(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    lx106_wsr(cpu, LX106_SR_PS, lx106_rsr(cpu, LX106_SR_PS) & ~(uint32_t)LX106_PS_INTLEVEL);
}

static void rom_get_ccount(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    cpu->a[2] = lx106_rsr(cpu, LX106_SR_CCOUNT);
}

static void rom_set_ccompare(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    lx106_wsr(cpu, LX106_SR_CCOMPARE0, cpu->a[3]);
}

static void rom_get_ccompare(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    cpu->a[2] = lx106_rsr(cpu, LX106_SR_CCOMPARE0);
}

static void rom_get_interrupt(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    cpu->a[2] = lx106_rsr(cpu, LX106_SR_INTERRUPT);
}

static void rom_set_intclear(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    lx106_wsr(cpu, LX106_SR_INTCLEAR, cpu->a[2]);
}

/* ---- UART and GPIO ---- */

static void rom_uart_div_modify(rom_t *rom, lx106_t *cpu) {
    rom_reg_write(rom, UART_CLKDIV_REG(cpu->a[2] & 1), cpu->a[3] & 0xfffffu);
}

static void rom_uart_tx_one_char(rom_t *rom, lx106_t *cpu) {
    esp_uart_send(rom->esp, 0, (uint8_t)cpu->a[2]);
    cpu->a[2] = 0;
}

/* uart_rx_one_char(uint8_t *c): 0 and the byte, or 1 when nothing was received. */
static void rom_uart_rx_one_char(rom_t *rom, lx106_t *cpu) {
    uint8_t b;
    bool got = esp_uart_take(rom->esp, &b, 1) == 1;
    cpu->a[2] = got && rom_mem_write(rom, cpu->a[2], &b, 1) ? 0 : 1;
}

static void rom_gpio_output_set(rom_t *rom, lx106_t *cpu) {
    rom_reg_write(rom, GPIO_OUT_W1TS_REG, cpu->a[2]);
    rom_reg_write(rom, GPIO_OUT_W1TC_REG, cpu->a[3]);
    rom_reg_write(rom, GPIO_ENABLE_W1TS_REG, cpu->a[4]);
    rom_reg_write(rom, GPIO_ENABLE_W1TC_REG, cpu->a[5]);
}

static void rom_gpio_input_get(rom_t *rom, lx106_t *cpu) {
    cpu->a[2] = rom_reg_read(rom, GPIO_IN_REG);
}

/* ---- SPI flash ---- */

static bool rom_flash_in(rom_t *rom, uint32_t addr, uint32_t len) {
    uint32_t size = esp_flash_size(rom->esp);
    return addr <= size && len <= size - addr;
}

/* SPIRead(flash_addr, dest, len) */
static void rom_spi_read(rom_t *rom, lx106_t *cpu) {
    uint32_t addr = cpu->a[2], dst = cpu->a[3], len = cpu->a[4];
    uint8_t *buf = rom_alloc(len);
    bool ok = buf && rom_flash_in(rom, addr, len) && esp_flash_read(rom->esp, addr, buf, len) &&
              rom_mem_write(rom, dst, buf, len);
    free(buf);
    cpu->a[2] = ok ? 0 : 1;
}

/* SPIWrite(flash_addr, src, len) */
static void rom_spi_write(rom_t *rom, lx106_t *cpu) {
    uint32_t addr = cpu->a[2], src = cpu->a[3], len = cpu->a[4];
    uint8_t *buf = rom_alloc(len);
    bool ok = buf && rom_flash_in(rom, addr, len) && rom_mem_read(rom, src, buf, len) &&
              esp_flash_write(rom->esp, addr, buf, len);
    free(buf);
    cpu->a[2] = ok ? 0 : 1;
}

static void rom_spi_erase(rom_t *rom, lx106_t *cpu, uint32_t addr, uint32_t len) {
    bool ok = rom_flash_in(rom, addr, len) && esp_flash_erase(rom->esp, addr, len);
    cpu->a[2] = ok ? 0 : 1;
}

static void rom_spi_erase_chip(rom_t *rom, lx106_t *cpu) {
    rom_spi_erase(rom, cpu, 0, esp_flash_size(rom->esp));
}

static void rom_spi_erase_block(rom_t *rom, lx106_t *cpu) {
    rom_spi_erase(rom, cpu, cpu->a[2] * FLASH_BLOCK, FLASH_BLOCK);
}

static void rom_spi_erase_sector(rom_t *rom, lx106_t *cpu) {
    rom_spi_erase(rom, cpu, cpu->a[2] * FLASH_SECTOR, FLASH_SECTOR);
}

bool rom_erase_area(rom_t *rom, uint32_t offset, uint32_t size) {
    uint32_t sectors = (size + FLASH_SECTOR - 1) / FLASH_SECTOR, start = offset / FLASH_SECTOR;
    uint32_t head = FLASH_BLOCK / FLASH_SECTOR - start % (FLASH_BLOCK / FLASH_SECTOR);
    uint32_t total = sectors + (sectors < head ? sectors : head);
    uint32_t limit = esp_flash_size(rom->esp) / FLASH_SECTOR;
    if (sectors == 0) {
        return true;
    }
    if (start + total > limit) {
        total = start < limit ? limit - start : 0;
    }
    if (rom->trace) {
        fprintf(stderr, "rom: erase %u sectors from 0x%x (asked %u)\n", total,
                start * FLASH_SECTOR, sectors);
    }
    return total == 0 || esp_flash_erase(rom->esp, start * FLASH_SECTOR, total * FLASH_SECTOR);
}

/* SPIEraseArea(start, size) */
static void rom_spi_erase_area(rom_t *rom, lx106_t *cpu) {
    cpu->a[2] = rom_erase_area(rom, cpu->a[2], cpu->a[3]) ? 0 : 1;
}

/* SPIParamCfg(id, chip_size, block, sector, page, status_mask): into the ROM's flashchip. */
static void rom_spi_param_cfg(rom_t *rom, lx106_t *cpu) {
    cpu->a[2] = rom_mem_write(rom, ROM_VAR_FLASHCHIP, &cpu->a[2], 6 * 4) ? 0 : 1;
}

void rom_vars_init(rom_t *rom) {
    uint32_t ticks = 52;                 /* the ROM runs the CPU at twice the 26 MHz crystal */
    uint32_t chip[6] = {esp_flash_id(rom->esp), esp_flash_size(rom->esp), FLASH_BLOCK,
                        FLASH_SECTOR, 256, 0xffff};
    rom_mem_write(rom, ROM_VAR_TICKS_PER_US, &ticks, 4);
    rom_mem_write(rom, ROM_VAR_FLASHCHIP, chip, sizeof chip);
}

/* SPI_read_status(chip, uint32_t *status): the emulated flash is never busy. */
static void rom_spi_read_status(rom_t *rom, lx106_t *cpu) {
    uint32_t zero = 0;
    cpu->a[2] = rom_mem_write(rom, cpu->a[3], &zero, 4) ? 0 : 1;
}

/* ---- MD5 (RFC 1321), on the caller's MD5Context in guest memory ---- */

typedef struct {
    uint32_t buf[4], bits[2];
    uint8_t in[64];
} rom_md5_t;

static uint32_t rom_rol(uint32_t x, int n) {
    return x << n | x >> (32 - n);
}

/* RFC 1321's table: T[i] = floor(abs(sin(i + 1)) * 2^32), computed once. */
static const uint32_t *rom_md5_table(void) {
    static uint32_t t[64];
    static bool done;
    for (int i = 0; !done && i < 64; i++) {
        t[i] = (uint32_t)(fabs(sin((double)(i + 1))) * 4294967296.0);
    }
    done = true;
    return t;
}

static void rom_md5_block(uint32_t h[4], const uint8_t *p) {
    static const uint8_t shift[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};
    const uint32_t *k = rom_md5_table();
    uint32_t m[16], a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 16; i++) {
        m[i] = p[4 * i] | (uint32_t)p[4 * i + 1] << 8 | (uint32_t)p[4 * i + 2] << 16 |
               (uint32_t)p[4 * i + 3] << 24;
    }
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g, round = i / 16;
        if (round == 0) {
            f = (b & c) | (~b & d), g = i;
        } else if (round == 1) {
            f = (d & b) | (~d & c), g = (5 * i + 1) % 16;
        } else if (round == 2) {
            f = b ^ c ^ d, g = (3 * i + 5) % 16;
        } else {
            f = c ^ (b | ~d), g = (7 * i) % 16;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rom_rol(a + f + k[i] + m[g], shift[round * 4 + i % 4]);
        a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d;
}

static void rom_md5_update(rom_md5_t *s, const uint8_t *p, uint32_t len) {
    uint32_t used = (s->bits[0] >> 3) & 63;
    uint64_t bits = (s->bits[0] | (uint64_t)s->bits[1] << 32) + ((uint64_t)len << 3);
    s->bits[0] = (uint32_t)bits, s->bits[1] = (uint32_t)(bits >> 32);
    while (len) {
        uint32_t n = 64 - used < len ? 64 - used : len;
        memcpy(s->in + used, p, n);
        used += n, p += n, len -= n;
        if (used == 64) {
            rom_md5_block(s->buf, s->in);
            used = 0;
        }
    }
}

static bool rom_md5_load(rom_t *rom, uint32_t addr, rom_md5_t *s) {
    uint8_t raw[MD5_CTX_SIZE];
    if (!rom_mem_read(rom, addr, raw, sizeof raw)) {
        return false;
    }
    memcpy(s->buf, raw, 16);              /* host and guest are both little-endian */
    memcpy(s->bits, raw + 16, 8);
    memcpy(s->in, raw + 24, 64);
    return true;
}

static void rom_md5_store(rom_t *rom, uint32_t addr, const rom_md5_t *s) {
    uint8_t raw[MD5_CTX_SIZE];
    memcpy(raw, s->buf, 16);
    memcpy(raw + 16, s->bits, 8);
    memcpy(raw + 24, s->in, 64);
    rom_mem_write(rom, addr, raw, sizeof raw);
}

static void rom_md5_init(rom_t *rom, lx106_t *cpu) {
    rom_md5_t s = {{0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u}, {0, 0}, {0}};
    rom_md5_store(rom, cpu->a[2], &s);
}

/* MD5Update(ctx, data, len) */
static void rom_md5_update_fn(rom_t *rom, lx106_t *cpu) {
    rom_md5_t s;
    uint32_t len = cpu->a[4];
    uint8_t *buf = rom_alloc(len);
    if (buf && rom_md5_load(rom, cpu->a[2], &s) && rom_mem_read(rom, cpu->a[3], buf, len)) {
        rom_md5_update(&s, buf, len);
        rom_md5_store(rom, cpu->a[2], &s);
    }
    free(buf);
}

/* MD5Final(digest[16], ctx) */
static void rom_md5_final(rom_t *rom, lx106_t *cpu) {
    rom_md5_t s;
    if (!rom_md5_load(rom, cpu->a[3], &s)) {
        return;
    }
    uint8_t pad[72] = {0x80}, len[8];
    for (int i = 0; i < 8; i++) {
        len[i] = (uint8_t)((i < 4 ? s.bits[0] : s.bits[1]) >> (8 * (i & 3)));
    }
    uint32_t used = (s.bits[0] >> 3) & 63;
    rom_md5_update(&s, pad, used < 56 ? 56 - used : 120 - used);
    rom_md5_update(&s, len, 8);
    uint8_t digest[16];
    for (int i = 0; i < 16; i++) {
        digest[i] = (uint8_t)(s.buf[i / 4] >> (8 * (i % 4)));
    }
    rom_mem_write(rom, cpu->a[2], digest, sizeof digest);
    memset(&s, 0, sizeof s);
    rom_md5_store(rom, cpu->a[3], &s);
}

/* ---- the C library ---- */

static void rom_memmove(rom_t *rom, lx106_t *cpu) {
    uint32_t len = cpu->a[4];
    uint8_t *buf = rom_alloc(len);
    if (buf && rom_mem_read(rom, cpu->a[3], buf, len)) {
        rom_mem_write(rom, cpu->a[2], buf, len);
    }
    free(buf);                            /* a2, the destination, is also the result */
}

static void rom_fill(rom_t *rom, uint32_t dst, uint8_t val, uint32_t len) {
    uint8_t *buf = rom_alloc(len);
    if (buf) {
        memset(buf, val, len);
        rom_mem_write(rom, dst, buf, len);
    }
    free(buf);
}

static void rom_memset(rom_t *rom, lx106_t *cpu) {
    rom_fill(rom, cpu->a[2], (uint8_t)cpu->a[3], cpu->a[4]);
}

static void rom_bzero(rom_t *rom, lx106_t *cpu) {
    rom_fill(rom, cpu->a[2], 0, cpu->a[3]);
}

static void rom_memcmp(rom_t *rom, lx106_t *cpu) {
    uint32_t len = cpu->a[4];
    uint8_t *a = rom_alloc(len), *b = rom_alloc(len);
    int r = 0;
    if (a && b && rom_mem_read(rom, cpu->a[2], a, len) && rom_mem_read(rom, cpu->a[3], b, len)) {
        r = memcmp(a, b, len);
    }
    free(a);
    free(b);
    cpu->a[2] = (uint32_t)(r < 0 ? -1 : r > 0);
}

static void rom_strlen(rom_t *rom, lx106_t *cpu) {
    uint32_t n = 0;
    uint8_t c;
    while (rom_mem_read(rom, cpu->a[2] + n, &c, 1) && c) {
        n++;
    }
    cpu->a[2] = n;
}

/* libgcc's helpers; division by zero gives 0 here (libgcc's result is undefined). */
static void rom_udivsi3(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    cpu->a[2] = cpu->a[3] ? cpu->a[2] / cpu->a[3] : 0;
}

static void rom_umodsi3(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    cpu->a[2] = cpu->a[3] ? cpu->a[2] % cpu->a[3] : 0;
}

static void rom_divsi3(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    int32_t a = (int32_t)cpu->a[2], b = (int32_t)cpu->a[3];
    cpu->a[2] = b == 0 || (b == -1 && a == INT32_MIN) ? (uint32_t)a * (b != 0) : (uint32_t)(a / b);
}

static void rom_muldi3(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    rom_ret64(cpu, rom_arg64(cpu, 2) * rom_arg64(cpu, 4));
}

static void rom_udivdi3(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    uint64_t b = rom_arg64(cpu, 4);
    rom_ret64(cpu, b ? rom_arg64(cpu, 2) / b : 0);
}

static void rom_umoddi3(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    uint64_t b = rom_arg64(cpu, 4);
    rom_ret64(cpu, b ? rom_arg64(cpu, 2) % b : 0);
}

static void rom_umulsidi3(rom_t *rom, lx106_t *cpu) {
    (void)rom;
    rom_ret64(cpu, (uint64_t)cpu->a[2] * cpu->a[3]);
}

/* ---- the table ---- */

static rom_sym_t rom_syms[] = {
    {0x40000f74u, "ets_intr_lock", rom_intr_lock},
    {0x40000f80u, "ets_intr_unlock", rom_intr_unlock},
    {0x40000f88u, "ets_isr_attach", rom_isr_attach},
    {0x40000f98u, "ets_isr_mask", rom_isr_mask},
    {0x40000fa8u, "ets_isr_unmask", rom_isr_unmask},
    {0x40000fbcu, "ets_set_user_start", rom_set_user_start},
    {0x40000650u, "__muldi3", rom_muldi3},
    {0x400018a4u, "ets_memset", rom_memset},
    {0x400018b4u, "ets_memcpy", rom_memmove},
    {0x400018c4u, "ets_memmove", rom_memmove},
    {0x400018d4u, "ets_memcmp", rom_memcmp},
    {0x400025e0u, "rtc_get_reset_reason", rom_rtc_get_reset_reason},
    {0x40002ae8u, "ets_bzero", rom_bzero},
    {0x40002ac8u, "ets_strlen", rom_strlen},
    {0x40002eccu, "ets_delay_us", rom_delay_us},
    {0x40002f04u, "ets_update_cpu_frequency", rom_update_cpu_frequency},
    {0x40002f0cu, "ets_get_cpu_frequency", rom_get_cpu_frequency},
    {0x400030f0u, "ets_wdt_disable", rom_wdt_disable},
    {0x4000383cu, "uartAttach", rom_nop},
    {0x400039d8u, "uart_div_modify", rom_uart_div_modify},
    {0x40003a14u, "Uart_Init", rom_nop},
    {0x40003b30u, "uart_tx_one_char", rom_uart_tx_one_char},
    {0x40003b8cu, "uart_rx_one_char", rom_uart_rx_one_char},
    {0x40003f58u, "SelectSpiFunction", rom_nop},
    {0x400043c8u, "SPI_read_status", rom_spi_read_status},
    {0x4000443cu, "SPI_write_enable", rom_ret0},
    {0x4000448cu, "Wait_SPI_Idle", rom_ret0},
    {0x40004644u, "spi_flash_attach", rom_nop},
    {0x40004678u, "Cache_Read_Enable", rom_cache_read_enable},
    {0x400047f0u, "Cache_Read_Disable", rom_cache_read_disable},
    {0x40004878u, "SPIUnlock", rom_ret0},
    {0x400048a8u, "SPILock", rom_ret0},
    {0x400048ecu, "SPIReadModeCnfig", rom_ret0},
    {0x40004984u, "SPIEraseChip", rom_spi_erase_chip},
    {0x400049b4u, "SPIEraseBlock", rom_spi_erase_block},
    {0x40004a00u, "SPIEraseSector", rom_spi_erase_sector},
    {0x40004a4cu, "SPIWrite", rom_spi_write},
    {0x40004b1cu, "SPIRead", rom_spi_read},
    {0x40004b44u, "SPIEraseArea", rom_spi_erase_area},
    {0x40004568u, "SPIFlashModeConfig", rom_ret0},
    {0x40004c2cu, "SPIParamCfg", rom_spi_param_cfg},
    {0x40004cd0u, "gpio_output_set", rom_gpio_output_set},
    {0x40004cf0u, "gpio_input_get", rom_gpio_input_get},
    {0x40007268u, "rom_i2c_readReg", rom_ret0},
    {0x4000729cu, "rom_i2c_readReg_Mask", rom_ret0},
    {0x400072d8u, "rom_i2c_writeReg", rom_nop},
    {0x4000730cu, "rom_i2c_writeReg_Mask", rom_nop},
    {0x40009818u, "MD5Init", rom_md5_init},
    {0x40009834u, "MD5Update", rom_md5_update_fn},
    {0x40009900u, "MD5Final", rom_md5_final},
    {0x4000bf4cu, "strlen", rom_strlen},
    {0x4000dc88u, "__divsi3", rom_divsi3},
    {0x4000dcf0u, "__umulsidi3", rom_umulsidi3},
    {0x4000d310u, "__udivdi3", rom_udivdi3},
    {0x4000d770u, "__umoddi3", rom_umoddi3},
    {0x4000dd38u, "xthal_get_ccount", rom_get_ccount},
    {0x4000dd40u, "xthal_set_ccompare", rom_set_ccompare},
    {0x4000dd4cu, "xthal_get_ccompare", rom_get_ccompare},
    {0x4000dd58u, "xthal_get_interrupt", rom_get_interrupt},
    {0x4000dd60u, "xthal_set_intclear", rom_set_intclear},
    {0x4000de84u, "bzero", rom_bzero},
    {0x4000dea8u, "memcmp", rom_memcmp},
    {0x4000df48u, "memcpy", rom_memmove},
    {0x4000e04cu, "memmove", rom_memmove},
    {0x4000e190u, "memset", rom_memset},
    {0x4000e21cu, "__udivsi3", rom_udivsi3},
    {0x4000e268u, "__umodsi3", rom_umodsi3},
    /* known, not emulated: named in the message when reached */
    {0x400000a4u, "_ResetHandler", NULL},
    {0x4000042cu, "_start", NULL},
    {0x40000454u, "_xtos_set_exception_handler", NULL},
    {0x4000048cu, "_xtos_l1int_handler", NULL},
    {0x40000600u, "rand", NULL},
    {0x40000688u, "xthal_bcopy", NULL},
    {0x400006c4u, "xthal_memcpy", NULL},
    {0x4000091cu, "get_first_seg", NULL},
    {0x40000dc0u, "ets_set_idle_cb", NULL},
    {0x40000dd0u, "ets_task", NULL},
    {0x40000e04u, "ets_run", NULL},
    {0x40000e24u, "ets_post", NULL},
    {0x40000fecu, "main", NULL},
    {0x40001d14u, "eprintf", NULL},
    {0x40001da0u, "ets_write_char", NULL},
    {0x40001f00u, "ets_vprintf", NULL},
    {0x4000242cu, "ets_install_putc1", NULL},
    {0x40002438u, "ets_install_uart_printf", NULL},
    {0x400024ccu, "ets_printf", NULL},
    {0x40002544u, "ets_uart_printf", NULL},
    {0x4000264cu, "software_reset", NULL},
    {0x40002668u, "rtc_set_sleep_mode", NULL},
    {0x40002870u, "rtc_enter_sleep", NULL},
    {0x40002a88u, "ets_strcpy", NULL},
    {0x40002aa8u, "ets_strcmp", NULL},
    {0x40002bccu, "ets_getc", NULL},
    {0x40002be8u, "ets_putc", NULL},
    {0x40002c48u, "ets_timer_setfn", NULL},
    {0x40002cc4u, "ets_timer_arm", NULL},
    {0x40002d40u, "ets_timer_disarm", NULL},
    {0x40002e68u, "ets_timer_init", NULL},
    {0x40002fa0u, "ets_wdt_enable", NULL},
    {0x40002f34u, "ets_wdt_get_mode", NULL},
    {0x40003170u, "ets_wdt_init", NULL},
    {0x40003158u, "ets_wdt_restore", NULL},
    {0x40003368u, "UartDwnLdProc", NULL},
    {0x40003924u, "uart_baudrate_detect", NULL},
    {0x40003b64u, "uart_rx_one_char_block", NULL},
    {0x40003bbcu, "uart_rx_intr_handler", NULL},
    {0x40003c80u, "send_packet", NULL},
    {0x40003d08u, "recv_packet", NULL},
    {0x40003ec8u, "uart_rx_readbuff", NULL},
    {0x40004400u, "SPI_write_status", NULL},
    {0x400044c0u, "Enable_QMode", NULL},
    {0x40004c50u, "gpio_init", NULL},
    {0x40004d90u, "gpio_pin_intr_state_set", NULL},
    {0x40004e28u, "gpio_intr_handler_register", NULL},
    {0x400097acu, "md5_vector", NULL},
    {0x4000b584u, "SHA1Init", NULL},
    {0x4000b5a8u, "SHA1Update", NULL},
    {0x4000b648u, "SHA1Final", NULL},
    {0x4000bd28u, "_xtos_set_interrupt_handler_arg", NULL},
    {0x4000bd70u, "_xtos_set_interrupt_handler", NULL},
    {0x4000bd84u, "_xtos_ints_on", NULL},
    {0x4000bda4u, "_xtos_ints_off", NULL},
    {0x4000bdc8u, "strcmp", NULL},
    {0x4000bec8u, "strcpy", NULL},
    {0x4000bfa8u, "strncmp", NULL},
    {0x4000c0a0u, "strncpy", NULL},
    {0x4000c180u, "__addsf3", NULL},
    {0x4000c268u, "__subsf3", NULL},
    {0x4000c3dcu, "__mulsf3", NULL},
    {0x4000c4c4u, "__fixunssfsi", NULL},
    {0x4000c538u, "__adddf3", NULL},
    {0x4000c688u, "__subdf3", NULL},
    {0x4000c8f0u, "__muldf3", NULL},
    {0x4000cb94u, "__divdf3", NULL},
    {0x4000ccb8u, "__fixdfsi", NULL},
    {0x4000cd00u, "__fixunsdfsi", NULL},
    {0x4000cd5cu, "__truncdfsf2", NULL},
    {0x4000cdfcu, "__extendsfdf2", NULL},
    {0x4000ce60u, "__divdi3", NULL},
    {0x4000dbfcu, "_xtos_set_intlevel", NULL},
    {0x4000dc18u, "_xtos_set_min_intlevel", NULL},
    {0x4000dc3cu, "_xtos_unhandled_interrupt", NULL},
    {0x4000e1e0u, "strstr", NULL},
    {0x4000e2a4u, "__floatunsisf", NULL},
    {0x4000e2acu, "__floatsisf", NULL},
    {0x4000e2e8u, "__floatunsidf", NULL},
    {0x4000e2f0u, "__floatsidf", NULL},
};

#define ROM_NSYMS (sizeof rom_syms / sizeof rom_syms[0])

static int rom_sym_cmp(const void *a, const void *b) {
    uint32_t x = ((const rom_sym_t *)a)->addr, y = ((const rom_sym_t *)b)->addr;
    return (x > y) - (x < y);
}

static const rom_sym_t *rom_find(uint32_t addr) {
    static bool sorted;
    if (!sorted) {
        qsort(rom_syms, ROM_NSYMS, sizeof rom_syms[0], rom_sym_cmp);
        sorted = true;
    }
    rom_sym_t key = {addr, NULL, NULL};
    return bsearch(&key, rom_syms, ROM_NSYMS, sizeof rom_syms[0], rom_sym_cmp);
}

const char *rom_symbol(uint32_t addr) {
    const rom_sym_t *s = rom_find(addr);
    return s ? s->name : NULL;
}

bool rom_call(rom_t *rom, lx106_t *cpu) {
    const rom_sym_t *s = rom_find(cpu->pc);
    if (!s || !s->fn) {
        return false;
    }
    if (rom->trace) {
        fprintf(stderr, "rom: %s(0x%x, 0x%x, 0x%x, 0x%x) from 0x%08x\n", s->name, cpu->a[2],
                cpu->a[3], cpu->a[4], cpu->a[5], cpu->a[0] - 3);
    }
    s->fn(rom, cpu);
    cpu->pc = cpu->a[0];
    return true;
}
