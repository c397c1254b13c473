/* board_test.c: tests of the emulator's board (tools/emu/board.c over the shared virtual board model)
 * through the esp_board_t callbacks, the way the emulated chip drives them: the LEDs and the FLASH
 * button, the pot at TOUT, UART pass-through, stimulus events in virtual time, the VCD trace, and the
 * pin-level I2C decoder talking to the BME280 (chip id 0x60, calibration words) and the SSD1306, with
 * the I2C bit-banged exactly as ports/esp8266/hal_esp8266.c does it on open-drain lines, and software
 * PWM recognised as a brightness.
 * Built and run by `make emu-board-test`; prints one line per failed check and a summary. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "board.h"
#include "vboard_model.h"

static int checks, failures;
static uint64_t now_us;
static int pins_changed_calls;
static char status[4096], console[64];
static size_t console_len;
static const esp_board_t *bb;

#define CHECK(cond) check((cond), #cond, __LINE__)
static void check(bool ok, const char *what, int line) {
    checks++;
    if (!ok) {
        failures++;
        printf("FAIL line %d: %s\n", line, what);
    }
}

/* The chip's side (esp8266.c in the emulator): only what board.c calls. */
void esp_pins_changed(esp8266_t *esp) {
    (void)esp;
    pins_changed_calls++;
}

static uint64_t clock_us(void *ctx) {
    (void)ctx;
    return now_us;
}

static void capture_status(const char *s, size_t len) {
    size_t have = strlen(status);
    snprintf(status + have, sizeof(status) - have, "%.*s", (int)len, s);
}

static void capture_console(void *ctx, int uart, uint8_t byte) {
    (void)ctx;
    if (uart == 0 && console_len < sizeof(console) - 1) {
        console[console_len++] = (char)byte;
    }
}

/* ---- I2C as the firmware bit-bangs it: open drain, released lines float high ---- */

enum { SDA = 4, SCL = 14 };

static void line(int pin, int level) {
    bb->pin_drive(bb->ctx, pin, level ? -1 : 0, false);
    now_us += 5;
}

static void i2c_start(void) {
    line(SDA, 1);
    line(SCL, 1);
    line(SDA, 0);
    line(SCL, 0);
}

static void i2c_stop(void) {
    line(SDA, 0);
    line(SCL, 1);
    line(SDA, 1);
}

static int i2c_bit(int bit) {
    line(SDA, bit);
    line(SCL, 1);
    int r = bb->pin_level(bb->ctx, SDA);
    line(SCL, 0);
    return r;
}

static bool i2c_write(uint8_t b) {
    for (int i = 7; i >= 0; i--) {
        i2c_bit((b >> i) & 1);
    }
    return i2c_bit(1) == 0;
}

static uint8_t i2c_read(bool ack) {
    uint8_t b = 0;
    for (int i = 0; i < 8; i++) {
        b = (uint8_t)((b << 1) | i2c_bit(1));
    }
    i2c_bit(ack ? 0 : 1);
    return b;
}

/* Reads n registers of the BME280 (0x76) from reg: a write of the pointer, a repeated START, reads. */
static bool bme_read(uint8_t reg, uint8_t *out, int n) {
    i2c_start();
    bool ok = i2c_write(0x76 << 1) && i2c_write(reg);
    i2c_start();
    ok = ok && i2c_write(0x76 << 1 | 1);
    for (int i = 0; ok && i < n; i++) {
        out[i] = i2c_read(i + 1 < n);
    }
    i2c_stop();
    return ok;
}

/* ---- the tests ---- */

static void test_leds(void) {
    double b;
    const char *name, *colour;
    int pin;
    CHECK(vboard_led_state(0, &name, &colour, &pin, &b) && strcmp(name, "blue") == 0 && pin == 2 && b == 0);
    bb->pin_drive(bb->ctx, 2, 0, false);            /* active-low: lit */
    CHECK(bb->pin_level(bb->ctx, 2) == 0);
    CHECK(vboard_led_state(0, &name, &colour, &pin, &b) && b == 1.0);
    CHECK(strstr(status, "[led] blue (GPIO2) ON\n") != NULL);
    now_us = 1000;
    bb->pin_drive(bb->ctx, 2, 1, false);
    CHECK(strstr(status, "[led] blue (GPIO2) off\n") != NULL);
    bb->pin_drive(bb->ctx, 2, -1, false);           /* released: the board's pull-up */
    CHECK(bb->pin_level(bb->ctx, 2) == 1);
    bb->pin_drive(bb->ctx, 16, 0, false);
    CHECK(vboard_led_state(1, &name, &colour, &pin, &b) && pin == 16 && b == 1.0);
    bb->pin_drive(bb->ctx, 16, -1, false);
    CHECK(bb->pin_level(bb->ctx, 16) == 1);         /* an active-low LED's pin is pulled up */
}

static void test_button(void) {
    CHECK(bb->pin_level(bb->ctx, 0) == 1);           /* FLASH's pull-up */
    int calls = pins_changed_calls;
    now_us = 2000;
    CHECK(board_press("FLASH", true));
    CHECK(bb->pin_level(bb->ctx, 0) == 0);
    CHECK(pins_changed_calls == calls + 1);
    CHECK(board_press("D3", false));                /* the same pin by its board label */
    CHECK(bb->pin_level(bb->ctx, 0) == 1);
    CHECK(!board_press("nosuch", true));
    board_hold_gpio0_low(true);
    CHECK(bb->pin_level(bb->ctx, 0) == 0);
    board_hold_gpio0_low(false);
    CHECK(bb->pin_level(bb->ctx, 0) == 1);
}

static void test_adc_uart(void) {
    CHECK(bb->adc_volts(bb->ctx) > 0.499 && bb->adc_volts(bb->ctx) < 0.501);   /* 1.65 V at A0 */
    vboard_set_adc(5.0);
    CHECK(bb->adc_volts(bb->ctx) == 1.0);
    vboard_set_adc(1.65);
    bb->uart_tx(bb->ctx, 0, 'o');
    bb->uart_tx(bb->ctx, 0, 'k');
    bb->uart_tx(bb->ctx, 1, 'U');                    /* traced, not the console's */
    CHECK(console_len == 2 && memcmp(console, "ok", 2) == 0);
}

static void test_stimulus(void) {
    CHECK(board_run_events(50000) == 100000);
    CHECK(bb->pin_level(bb->ctx, 0) == 1);
    int calls = pins_changed_calls;
    now_us = 100000;
    CHECK(board_run_events(100000) == 200000);
    CHECK(bb->pin_level(bb->ctx, 0) == 0);
    CHECK(pins_changed_calls == calls + 1);
    now_us = 250000;
    CHECK(board_run_events(250000) == UINT64_MAX);
    CHECK(bb->pin_level(bb->ctx, 0) == 1);
}

static void test_i2c(void) {
    now_us = 300000;
    CHECK(bb->pin_level(bb->ctx, SDA) == 1 && bb->pin_level(bb->ctx, SCL) == 1);   /* pull-ups */
    uint8_t id = 0, cal[2] = { 0, 0 };
    CHECK(bme_read(0xd0, &id, 1));
    CHECK(id == 0x60);
    CHECK(bme_read(0x88, cal, 2));                  /* dig_T1 = 27504, little-endian */
    CHECK(cal[0] == 0x70 && cal[1] == 0x6b);
    CHECK(bb->pin_level(bb->ctx, SDA) == 1);        /* the device let go */
    i2c_start();                                    /* nobody at 0x50: not acknowledged */
    CHECK(!i2c_write(0x50 << 1));
    i2c_stop();
    i2c_start();                                    /* the OLED: entire display on, display on */
    CHECK(i2c_write(0x3c << 1) && i2c_write(0x00) && i2c_write(0xa5) && i2c_write(0xaf));
    i2c_stop();
    bool on = false;
    CHECK(vboard_oled_pixel(10, 10, &on) && on);
    uint8_t again = 0;
    CHECK(bme_read(0xd0, &again, 1) && again == 0x60);
}

/* Software PWM as the firmware's timer interrupt makes it: 1 kHz, high 750 us of each 1000. */
static void test_pwm(void) {
    const char *name, *colour;
    int pin;
    double b = -1;
    now_us = 400000;
    size_t lines_before = strlen(status);
    for (int cycle = 0; cycle < 20; cycle++) {
        bb->pin_drive(bb->ctx, 2, 1, false);
        now_us += 750;
        bb->pin_drive(bb->ctx, 2, 0, false);
        now_us += 250;
    }
    CHECK(vboard_pwm_active(2));
    CHECK(vboard_led_state(0, &name, &colour, &pin, &b) && b > 0.24 && b < 0.26);   /* active-low */
    CHECK(strstr(status + lines_before, "[led] blue (GPIO2) 25%\n") != NULL);
    int lines = 0;
    for (const char *c = status + lines_before; *c; c++) {
        lines += *c == '\n';
    }
    CHECK(lines < 12);                              /* not one per edge (40 edges) */
    uint64_t due = board_run_events(now_us);        /* the PWM's end is checked within 4 periods */
    CHECK(due > now_us && due <= now_us + 4000);
    now_us += 5000;
    board_run_events(now_us);
    CHECK(!vboard_pwm_active(2));
    CHECK(vboard_led_state(0, &name, &colour, &pin, &b) && b == 1.0);   /* left low: lit */
    CHECK(!vboard_pwm_active(SCL));                 /* the I2C clock is no PWM */
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return NULL;
    }
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static void test_vcd(const char *path) {
    board_close();
    char *vcd = slurp(path);
    CHECK(vcd != NULL);
    if (vcd == NULL) {
        return;
    }
    CHECK(strstr(vcd, "$var wire 1 # gpio2 $end") != NULL);
    CHECK(strstr(vcd, "#1000\n1#\n") != NULL);      /* GPIO2 went high at 1 ms */
    CHECK(strstr(vcd, "#2000\n0!\n") != NULL);      /* FLASH pressed at 2 ms */
    CHECK(strstr(vcd, "b11101100 ") != NULL);       /* 0x76 << 1 on the I2C byte channel */
    CHECK(strstr(vcd, "b01100000 ") != NULL);       /* 0x60, the chip id */
    CHECK(strstr(vcd, "b01010101 ") != NULL);       /* 'U' on UART1 */
    CHECK(strstr(vcd, "r0.749756 4\n") != NULL);    /* the PWM's duty on GPIO2's pwm channel */
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "/tmp";
    char trace[512], stim[512];
    snprintf(trace, sizeof(trace), "%s/board_test.vcd", dir);
    snprintf(stim, sizeof(stim), "%s/board_test.stim", dir);
    FILE *f = fopen(stim, "w");
    if (f == NULL) {
        perror(stim);
        return 2;
    }
    fputs("100ms press FLASH\n+100ms release FLASH\n", f);
    fclose(f);
    char *opts[] = { "adder-nodemcu", "--trace", trace, "--stimulus", stim, "--leds", "--port" };
    int nopt = (int)(sizeof(opts) / sizeof(opts[0]));
    CHECK(board_option(nopt, opts, 1) == 2 && board_option(nopt, opts, 3) == 2);
    CHECK(board_option(nopt, opts, 5) == 1 && board_option(nopt, opts, 6) == 0);
    vboard_set_status_writer(capture_status);
    bb = board_init(clock_us, NULL);
    CHECK(bb != NULL);
    if (bb == NULL) {
        return 1;
    }
    static char chip;   /* board.c only hands the pointer back to esp_pins_changed */
    board_attach((esp8266_t *)&chip);
    board_set_console(capture_console, NULL);
    test_leds();
    test_button();
    test_adc_uart();
    test_stimulus();
    test_i2c();
    test_pwm();
    test_vcd(trace);
    printf("board_test: %d checks, %d failed\n", checks, failures);
    return failures != 0;
}
