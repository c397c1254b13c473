/* esp_chip_test.c: unit test of the ESP8266 chip model (tools/emu/esp8266.c and esp_*.c) on the
 * LX106 simulator: register behaviour through lx106_read/lx106_write (which go through the chip's
 * bus), time through esp_idle_until/esp_run, and two small guest programs (a UART echo loop and a
 * FRC1 interrupt counter, assembled with xtensa-lx106-elf-as; source beside each).  Checks the SPI
 * flash (built-in and user commands, WREN, NOR, persistence in the file, the cache window), UART
 * RX pacing and interrupts, GPIO drive/levels/edges, FRC1, the watchdog, the SAR ADC, eFuse, the
 * unknown-register log.  Prints "N checks, M failed"; exit status 1 on a failure.
 * Usage: esp_chip_test [scratch-dir] (default /tmp).
 * Build: cc -std=c11 -Itools/emu tests/emu/esp_chip_test.c tools/emu/esp8266.c tools/emu/esp_*.c
 *        tools/emu/lx106.c (no ROM, no board model: this file stands in for both). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "esp8266.h"

static int checks, failed;

#define CHECK(cond) check((cond), #cond, __LINE__)

static void check(bool ok, const char *what, int line) {
    checks++;
    if (!ok) {
        failed++;
        printf("FAIL line %d: %s\n", line, what);
    }
}

/* ---- a board that records what the chip does ---- */

static struct {
    uint8_t tx[256];
    int tx_len, tx_uart;
    int drive[ESP_PIN_COUNT];
    bool pull[ESP_PIN_COUNT];
    int ext[ESP_PIN_COUNT];          /* what the board drives: -1 nothing */
    double volts;
    int resets;
    int last_reset;
} bd;

static void bd_uart_tx(void *ctx, int uart, uint8_t byte) {
    (void)ctx;
    bd.tx_uart = uart;
    if (bd.tx_len < (int)sizeof(bd.tx)) {
        bd.tx[bd.tx_len++] = byte;
    }
}

static void bd_pin_drive(void *ctx, int pin, int drive, bool pull_up) {
    (void)ctx;
    bd.drive[pin] = drive;
    bd.pull[pin] = pull_up;
}

static int bd_pin_level(void *ctx, int pin) {
    (void)ctx;
    if (bd.ext[pin] >= 0) {
        return bd.ext[pin];
    }
    return bd.drive[pin] >= 0 ? bd.drive[pin] : bd.pull[pin];
}

static double bd_adc(void *ctx) {
    (void)ctx;
    return bd.volts;
}

static const esp_board_t board = { NULL, bd_uart_tx, bd_pin_drive, bd_pin_level, bd_adc };

static void rom_reset(void *ctx, int cause) {
    (void)ctx;
    bd.resets++;
    bd.last_reset = cause;
}

static bool rom_hle(void *ctx, lx106_t *cpu) {
    (void)ctx;
    (void)cpu;
    return false;
}

static const esp_rom_hooks_t rom = { NULL, rom_hle, rom_reset };

/* ---- helpers ---- */

static esp8266_t *esp;

static uint32_t rd(uint32_t addr) {
    uint32_t v = 0xdeadbeef;
    CHECK(lx106_read(esp_cpu(esp), addr, 4, &v));
    return v;
}

static void wr(uint32_t addr, uint32_t v) {
    CHECK(lx106_write(esp_cpu(esp), addr, 4, v));
}

static uint64_t now(void) {
    return esp_cpu(esp)->cycles;
}

static void idle(uint64_t cycles) {
    esp_idle_until(esp, now() + cycles);
}

static esp8266_t *make(const char *path, uint32_t size) {
    for (int i = 0; i < ESP_PIN_COUNT; i++) {
        bd.ext[i] = -1;
    }
    esp8266_t *e = esp_new(path, size, &board);
    if (e) {
        esp_set_rom(e, &rom);
        esp_reset(e, ESP_RST_POWER_ON);
    }
    return e;
}

#define SPI 0x60000200u
#define SPI_W0 (SPI + 0x40)

static void spi_cmd(uint32_t cmd) {
    wr(SPI, cmd);
    CHECK(rd(SPI) == 0);   /* done at once */
}

/* esptool's run_spiflash_command: a user command of 8 bits, data out, bits back. */
static uint32_t spi_user(uint8_t op, uint32_t data, int data_bits, int read_bits) {
    uint32_t user = 1u << 31;
    user |= read_bits ? 1u << 28 : 0;
    user |= data_bits ? 1u << 27 : 0;
    uint32_t len = ((uint32_t)(read_bits ? read_bits - 1 : 0) << 8) | ((uint32_t)(data_bits ? data_bits - 1 : 0) << 17);
    wr(SPI + 0x20, len);
    wr(SPI + 0x1c, user);
    wr(SPI + 0x24, (7u << 28) | op);
    wr(SPI_W0, data_bits ? data : 0);
    wr(SPI, 1u << 18);
    CHECK(rd(SPI) == 0);
    return rd(SPI_W0);
}

/* ---- tests ---- */

static void test_flash(const char *path) {
    uint8_t buf[64];
    CHECK(esp_flash_size(esp) == 0x100000u);
    CHECK(esp_flash_id(esp) == 0x1440efu);
    CHECK(esp_flash_read(esp, 0x1000, buf, 4) && buf[0] == 0xff && buf[3] == 0xff);

    /* built-in commands, as board_nodemcu.c uses them */
    spi_cmd(1u << 28);                                  /* RDID */
    CHECK((rd(SPI_W0) & 0xffffffu) == 0x1440efu);
    wr(SPI + 0x04, 0x2000u | (8u << 24));
    wr(SPI_W0, 0x11223344u);
    wr(SPI_W0 + 4, 0x55667788u);
    spi_cmd(1u << 25);                                  /* PP without WREN: nothing */
    CHECK(esp_flash_read(esp, 0x2000, buf, 4) && buf[0] == 0xff);
    spi_cmd(1u << 30);                                  /* WREN */
    spi_cmd(1u << 27);                                  /* RDSR: WEL */
    CHECK((rd(SPI + 0x10) & 3u) == 2u);
    spi_cmd(1u << 25);                                  /* PP */
    CHECK(esp_flash_read(esp, 0x2000, buf, 8) && buf[0] == 0x44 && buf[7] == 0x55);
    spi_cmd(1u << 27);
    CHECK((rd(SPI + 0x10) & 3u) == 0u);                 /* the latch cleared, never busy */
    wr(SPI_W0, 0);
    wr(SPI_W0 + 4, 0);
    spi_cmd(1u << 31);                                  /* READ 8 bytes */
    CHECK(rd(SPI_W0) == 0x11223344u && rd(SPI_W0 + 4) == 0x55667788u);
    wr(SPI + 0x04, 0x2000u | (4u << 24));               /* NOR: programming only clears bits */
    wr(SPI_W0, 0xffff00ffu);
    spi_cmd(1u << 30);
    spi_cmd(1u << 25);
    CHECK(esp_flash_read(esp, 0x2000, buf, 4) && buf[0] == 0x44 && buf[1] == 0x00 && buf[2] == 0x22);
    spi_cmd(1u << 24);                                  /* SE without WREN: nothing */
    CHECK(esp_flash_read(esp, 0x2000, buf, 1) && buf[0] == 0x44);
    spi_cmd(1u << 30);
    wr(SPI + 0x04, 0x2abcu);
    spi_cmd(1u << 24);                                  /* SE: the whole 4 KB sector */
    CHECK(esp_flash_read(esp, 0x2000, buf, 8) && buf[0] == 0xff && buf[7] == 0xff);

    /* the user-command path, as esptool's flash_id / read_status / write_status use it */
    CHECK((spi_user(0x9f, 0, 0, 24) & 0xffffffu) == 0x1440efu);
    CHECK(spi_user(0x05, 0, 0, 8) == 0);
    spi_user(0x06, 0, 0, 0);
    CHECK((spi_user(0x05, 0, 0, 8) & 0xffu) == 2u);
    spi_user(0x01, 0x0200u, 16, 0);                     /* WRSR 2 bytes: QE in status 2 */
    CHECK(spi_user(0x35, 0, 0, 8) == 2u && spi_user(0x05, 0, 0, 8) == 0);
    spi_user(0x04, 0, 0, 0);

    /* the cache window follows the flash */
    CHECK(esp_flash_write(esp, 0x3000, "\x01\x02\x03\x04", 4));
    uint32_t v = 0;
    CHECK(!lx106_read(esp_cpu(esp), 0x40203000u, 4, &v) || v == 0);   /* cache off: not flash */
    esp_cache_enable(esp, 0);
    CHECK(rd(0x40203000u) == 0x04030201u);
    CHECK(esp_flash_erase(esp, 0x3000, 0x1000) && rd(0x40203000u) == 0xffffffffu);
    esp_cache_disable(esp);

    /* persistence: the file holds what was written */
    CHECK(esp_flash_write(esp, 0xff000, "adder", 5));
    esp_free(esp);
    esp = make(path, 0x100000u);
    CHECK(esp != NULL);
    CHECK(esp_flash_read(esp, 0xff000, buf, 5) && memcmp(buf, "adder", 5) == 0);
}

#define UART0 0x60000000u

static void test_uart(void) {
    lx106_t *cpu = esp_cpu(esp);
    wr(UART0 + 0x14, 694);                               /* 115200 baud */
    CHECK(esp_uart_baud(esp, 0) == 80000000u / 694);
    wr(UART0 + 0x24, 4u | (1u << 31) | (3u << 24));    /* full at 4, timeout after 3 byte times */
    wr(UART0 + 0x10, 0xffff);
    wr(UART0 + 0x0c, 1u | (1u << 8));
    CHECK(esp_uart_rx(esp, (const uint8_t *)"hello", 5) == 5);
    uint64_t byte = 6940;                                /* 10 bits at 694 APB ticks, CPU at 80 MHz */
    CHECK((rd(UART0 + 0x1c) & 0xff) == 0);
    idle(byte - 1);
    CHECK((rd(UART0 + 0x1c) & 0xff) == 0);
    idle(1);
    CHECK((rd(UART0 + 0x1c) & 0xff) == 1);
    idle(2 * byte);
    CHECK((rd(UART0 + 0x1c) & 0xff) == 3);
    CHECK(!(cpu->irq_level & (1u << 5)) && rd(UART0 + 0x08) == 0);
    idle(byte);
    CHECK((rd(UART0 + 0x1c) & 0xff) == 4);
    CHECK(rd(UART0 + 0x08) == 1u && (cpu->irq_level & (1u << 5)));     /* RXFIFO_FULL */
    CHECK(rd(UART0) == 'h' && rd(UART0) == 'e');
    wr(UART0 + 0x10, 0xffff);
    CHECK(!(cpu->irq_level & (1u << 5)));
    idle(byte);                                          /* 'o' in: 3 bytes, under the threshold */
    CHECK((rd(UART0 + 0x1c) & 0xff) == 3 && rd(UART0 + 0x08) == 0);
    idle(3 * byte);                                      /* silence: RXFIFO_TOUT */
    CHECK(rd(UART0 + 0x08) == (1u << 8) && (cpu->irq_level & (1u << 5)));
    CHECK(rd(UART0) == 'l' && rd(UART0) == 'l' && rd(UART0) == 'o' && (rd(UART0 + 0x1c) & 0xff) == 0);
    wr(UART0 + 0x10, 0xffff);
    CHECK(!(cpu->irq_level & (1u << 5)));

    /* the ROM loader's way in: everything at once, unpaced */
    uint8_t big[300], got[300];
    for (int i = 0; i < 300; i++) {
        big[i] = (uint8_t)i;
    }
    CHECK(esp_uart_rx(esp, big, 300) == 300);
    idle(2 * byte);
    CHECK(esp_uart_take(esp, got, 300) == 300 && memcmp(big, got, 300) == 0);
    CHECK((rd(UART0 + 0x1c) & 0xff) == 0);

    /* a full FIFO holds the line back, nothing is lost */
    wr(UART0 + 0x0c, 0);
    CHECK(esp_uart_rx(esp, big, 200) == 200);
    idle(210 * byte);
    CHECK((rd(UART0 + 0x1c) & 0xff) == 128);
    int ok = 1;
    for (int i = 0; i < 128; i++) {
        ok &= rd(UART0) == (uint32_t)i;
    }
    idle(80 * byte);
    for (int i = 128; i < 200; i++) {
        ok &= rd(UART0) == (uint32_t)i;
    }
    CHECK(ok);

    /* TX goes to the board at once, on the right UART */
    bd.tx_len = 0;
    wr(UART0, 'A');
    wr(0x60000f00u, 'B');
    CHECK(bd.tx_len == 2 && bd.tx[0] == 'A' && bd.tx[1] == 'B' && bd.tx_uart == 1);
    CHECK((rd(UART0 + 0x1c) >> 16 & 0xff) == 0);
}

#define GPIO 0x60000300u
#define IOMUX 0x60000800u

static void test_gpio(void) {
    lx106_t *cpu = esp_cpu(esp);
    CHECK(bd.drive[2] == -1 && bd.drive[1] == 1);         /* after reset: inputs; U0TXD idles high */
    wr(GPIO + 0x10, 1u << 2);                             /* GPIO2 (the LED): output */
    wr(GPIO + 0x08, 1u << 2);
    CHECK(bd.drive[2] == 0);
    wr(GPIO + 0x04, 1u << 2);
    CHECK(bd.drive[2] == 1 && ((rd(GPIO + 0x18) >> 2) & 1));
    wr(GPIO + 0x28 + 4 * 2, 1u << 2);                     /* open drain: high releases */
    CHECK(bd.drive[2] == -1);
    wr(GPIO + 0x08, 1u << 2);
    CHECK(bd.drive[2] == 0);
    wr(GPIO + 0x10, 1u << 12);                            /* GPIO12's pad is MTDI until function 3 */
    wr(GPIO + 0x04, 1u << 12);
    CHECK(bd.drive[12] == -1);
    wr(IOMUX + 0x04, 0x30u | 0x80u);
    CHECK(bd.drive[12] == 1 && bd.pull[12]);
    wr(IOMUX + 0x14, 0x30u);                              /* GPIO3: the RX pad as a GPIO */
    CHECK(bd.drive[3] == -1 && !bd.pull[3]);

    /* edges from the board */
    wr(IOMUX + 0x34, 0x80u);                              /* GPIO0 input with pull-up */
    bd.ext[0] = 1;
    esp_pins_changed(esp);
    wr(GPIO + 0x28, 2u << 7);                             /* falling edge */
    wr(GPIO + 0x24, 0xffff);
    CHECK(!(cpu->irq_level & (1u << 4)));
    bd.ext[0] = 0;
    esp_pins_changed(esp);
    CHECK((rd(GPIO + 0x1c) & 1u) && (cpu->irq_level & (1u << 4)));
    CHECK((rd(GPIO + 0x18) & 1u) == 0);
    wr(GPIO + 0x24, 1u);
    CHECK(!(cpu->irq_level & (1u << 4)));
    bd.ext[0] = 1;
    esp_pins_changed(esp);
    CHECK(!(rd(GPIO + 0x1c) & 1u));                       /* rising: not this pin's type */
    wr(GPIO + 0x28, 4u << 7);                             /* low level: holds while low */
    bd.ext[0] = 0;
    esp_pins_changed(esp);
    wr(GPIO + 0x24, 1u);
    CHECK((rd(GPIO + 0x1c) & 1u) && (cpu->irq_level & (1u << 4)));
    wr(GPIO + 0x28, 0);
    wr(GPIO + 0x24, 1u);
    CHECK(!(cpu->irq_level & (1u << 4)));
    bd.ext[0] = -1;

    /* the chip's own drive makes edges too */
    wr(GPIO + 0x28 + 4 * 4, 1u << 7);                     /* GPIO4 rising */
    wr(GPIO + 0x10, 1u << 4);
    wr(GPIO + 0x24, 0xffff);
    wr(GPIO + 0x04, 1u << 4);
    CHECK((rd(GPIO + 0x1c) >> 4) & 1u);
    wr(GPIO + 0x28 + 4 * 4, 0);
    wr(GPIO + 0x24, 0xffff);

    /* GPIO16 in the RTC block */
    wr(0x600007a0u, 1u);
    wr(0x60000790u, 0);
    wr(0x60000774u, 1u);
    wr(0x60000768u, 1u);
    CHECK(bd.drive[16] == 1 && rd(0x6000078cu) == 1u);
    wr(0x60000774u, 0);
    bd.ext[16] = 0;
    CHECK(bd.drive[16] == -1 && rd(0x6000078cu) == 0);
    bd.ext[16] = -1;
}

static void load_words(uint32_t addr, const uint32_t *w, size_t n) {
    for (size_t i = 0; i < n; i++) {
        wr(addr + 4 * (uint32_t)i, w[i]);
    }
    lx106_invalidate(esp_cpu(esp), addr, (uint32_t)(4 * n));
}

/* echo:  movi a3, 0x600; slli a3, a3, 20
 *   1:   l32i a4, a3, 0x1c; extui a4, a4, 0, 8; beqz a4, 1b
 *        l32i a5, a3, 0; s32i a5, a3, 0; j 1b */
static const uint32_t echo_prog[] = { 0xc000a632, 0x73480133, 0x16744040, 0x0358ff74, 0xfc060359, 0x000000ff };
/* at 0x50 (user vector):  addi a10, a10, 1; movi a8, 0x600; slli a8, a8, 20; movi a9, 0x60c;
 *   add a8, a8, a9; s32i a8, a8, 0 (FRC1 INT clear); movi a9, 0x200; wsr a9, intclear; rfe */
static const uint32_t vec_prog[] = { 0xa682aa1b, 0x0188c000, 0x9a0ca692, 0x92088988, 0xe39000a2, 0x00300013 };
/* at 0x100: movi a10, 0; movi a2, 0x200; wsr a2, intenable; movi a2, 0x20; wsr a2, ps; rsync; 2: j 2b */
static const uint32_t frc1_prog[] = { 0xa2220a0c, 0x13e42000, 0xe620022c, 0x00201013, 0x00ffff06 };

static void test_guest_echo(void) {
    lx106_t *cpu = esp_cpu(esp);
    esp_reset(esp, ESP_RST_EXTERNAL);
    load_words(0x40100000u, echo_prog, 6);
    cpu->pc = 0x40100000u;
    bd.tx_len = 0;
    esp_uart_rx(esp, (const uint8_t *)"echo me", 7);
    lx106_result_t r = esp_run(esp, now() + 7 * 6940 + 1000);
    CHECK(r == LX106_LIMIT);
    CHECK(bd.tx_len == 7 && memcmp(bd.tx, "echo me", 7) == 0);
}

#define FRC1 0x60000600u

static void test_frc1(void) {
    lx106_t *cpu = esp_cpu(esp);
    esp_reset(esp, ESP_RST_EXTERNAL);
    /* registers: count down at APB / 16 */
    wr(FRC1 + 0x08, (1u << 7) | (1u << 2));
    wr(FRC1, 1000);
    idle(1600);
    CHECK(rd(FRC1 + 0x04) == 900);
    idle(16000 - 1600);                                   /* reaches 0: no DPORT edge enable, no latch */
    CHECK(!(cpu->irq_latched & (1u << 9)) && (rd(FRC1 + 0x08) & (1u << 8)));
    wr(FRC1 + 0x0c, 0);
    wr(0x3ff00004u, 2u);                                  /* TM1_EDGE_INT_ENABLE */
    wr(FRC1, 100);
    idle(1599);
    CHECK(!(cpu->irq_latched & (1u << 9)));
    idle(1);
    CHECK(cpu->irq_latched & (1u << 9));
    cpu->irq_latched = 0;

    /* a guest counting FRC1 interrupts that autoreload every 1000 ticks of APB/16 */
    load_words(0x40100050u, vec_prog, 6);
    load_words(0x40100100u, frc1_prog, 5);
    lx106_wsr(cpu, LX106_SR_VECBASE, 0x40100000u);
    cpu->pc = 0x40100100u;
    CHECK(esp_run(esp, now() + 100) == LX106_LIMIT);      /* set up, then spinning */
    wr(FRC1 + 0x08, (1u << 7) | (1u << 6) | (1u << 2));
    wr(FRC1, 1000);
    CHECK(esp_run(esp, now() + 16000 * 10 + 8000) == LX106_LIMIT);
    CHECK(cpu->a[10] == 10);

    /* 160 MHz: the timer keeps its APB rate, so twice the CPU cycles per interrupt */
    wr(0x3ff00014u, 1u);
    CHECK(esp_cpu_hz(esp) == 160000000u);
    cpu->a[10] = 0;
    CHECK(esp_run(esp, now() + 32000 * 5) == LX106_LIMIT);
    CHECK(cpu->a[10] == 5);
    wr(0x3ff00014u, 0);
    wr(FRC1 + 0x08, 0);
}

#define WDT 0x60000900u

static void test_wdt(void) {
    esp_reset(esp, ESP_RST_EXTERNAL);
    int resets = bd.resets;
    wr(WDT + 0x04, 2);                                    /* 4 * 0.8 ms */
    wr(WDT + 0x08, 1);                                    /* 2 * 0.8 ms: 4.8 ms = 384000 ticks */
    wr(WDT, 1);
    idle(300000);
    wr(WDT + 0x14, 0x73);                                 /* fed */
    idle(383999);
    CHECK(bd.resets == resets && esp_reset_cause(esp) == ESP_RST_EXTERNAL);
    idle(1);
    CHECK(bd.resets == resets + 1 && bd.last_reset == ESP_RST_WDT && esp_reset_cause(esp) == ESP_RST_WDT);
    CHECK(rd(WDT) == 0);                                  /* off after the reset */
}

static int adc_read(void) {   /* hal_adc_read's formula */
    uint32_t sum = 0;
    wr(0x60000d50u, rd(0x60000d50u) | 2u);
    CHECK(((rd(0x60000d50u) >> 24) & 7u) == 0);
    for (int i = 0; i < 8; i++) {
        sum += ~rd(0x60000d80u + 4 * (uint32_t)i) & 0x7ffu;
    }
    uint32_t v = (sum + 8) / 16;
    return (int)(v > 1024 ? 1024 : v);
}

static void test_misc(const char *dir) {
    bd.volts = 0.0;
    CHECK(adc_read() == 0);
    bd.volts = 0.5;
    CHECK(adc_read() == 512);
    bd.volts = 0.3;
    CHECK(adc_read() == 307);
    bd.volts = 1.0;
    CHECK(adc_read() == 1024);

    /* eFuse as esptool's read_mac and chip_id read them */
    uint32_t m0 = rd(0x3ff00050u), m1 = rd(0x3ff00054u), m3 = rd(0x3ff0005cu);
    CHECK(m3 == 0 && ((m1 >> 16) & 0xff) == 0);           /* OUI 18:fe:34 */
    CHECK(((m1 >> 8) & 0xff) == 0xad && (m1 & 0xff) == 0xde && (m0 >> 24) == 0x42);
    CHECK(((m0 >> 24) | ((m1 & 0xffffff) << 8)) == 0xadde42u);
    CHECK(!(m0 & 0x10) && !(rd(0x3ff00058u) & 0x10000));   /* not an ESP8285 */

    /* RTC memory survives all resets but power-on */
    wr(0x60001100u, 0xad0e5f70u);
    esp_reset(esp, ESP_RST_EXTERNAL);
    CHECK(rd(0x60001100u) == 0xad0e5f70u);
    esp_reset(esp, ESP_RST_POWER_ON);
    CHECK(rd(0x60001100u) == 0);

    /* unknown registers: answered 0, reported once */
    char path[512];
    snprintf(path, sizeof(path), "%s/esp_chip_test.log", dir);
    FILE *f = fopen(path, "w+");
    esp_set_log(esp, f);
    CHECK(rd(0x60000a04u) == 0 && rd(0x60000a04u) == 0);
    wr(0x60000a04u, 5);
    esp_set_log(esp, NULL);
    rewind(f);
    char line[200];
    int n = 0;
    bool named = false;
    while (fgets(line, sizeof(line), f)) {
        n++;
        named |= strstr(line, "unknown register read 0x60000a04 at pc 0x") != NULL;
    }
    fclose(f);
    remove(path);
    CHECK(n == 2 && named);
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "/tmp";
    char path[512];
    snprintf(path, sizeof(path), "%s/esp_chip_test_%d.flash", dir, (int)getpid());
    remove(path);
    esp = make(path, 0x100000u);
    if (!esp) {
        printf("esp_new failed\n");
        return 1;
    }
    test_flash(path);
    test_uart();
    test_gpio();
    test_guest_echo();
    test_frc1();
    test_wdt();
    test_misc(dir);
    esp_free(esp);
    remove(path);
    printf("esp_chip_test: %d checks, %d failed\n", checks, failed);
    return failed ? 1 : 0;
}
