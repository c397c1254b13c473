/* board.h: the board around the emulated chip: the same virtual NodeMCU model as the host port
 * (ports/unix/vboard*.c: LEDs, the FLASH button, the potentiometer on A0, the I2C OLED and BME280,
 * the VCD trace, stimulus files, board description files), wired to the chip's pins through
 * esp_board_t.  The host port drives that model through extmod/hal.h calls; here the pins move
 * because the emulated firmware writes GPIO registers, and I2C devices see the bus at the pin
 * level (board.c decodes START/STOP, bits and ACKs on SDA/SCL). */
#ifndef EMU_BOARD_H
#define EMU_BOARD_H

#include <stdbool.h>
#include <stdint.h>
#include "esp8266.h"

/* Command-line options the board model understands (--board FILE, --trace FILE.vcd,
 * --stimulus FILE, --leds/--no-leds ...: the host port's vboard options): how many arguments at
 * argv[i] it consumed, 0 if not a board option, -1 on a bad value (message printed). */
int board_option(int argc, char **argv, int i);
/* The esp_board_t to give esp_new; the model's clock is read through clock_us (virtual time). */
const esp_board_t *board_init(uint64_t (*clock_us)(void *ctx), void *clock_ctx);
void board_attach(esp8266_t *esp);       /* after esp_new: inputs changes go to esp_pins_changed */
/* Stimulus events (button presses, ADC changes) due at virtual time now_us happen; returns when
 * the next is due (UINT64_MAX: none). */
uint64_t board_run_events(uint64_t now_us);
/* Where the chip's UART bytes go (main.c: the pty or stdout); the board also traces UART1. */
void board_set_console(void (*tx)(void *ctx, int uart, uint8_t byte), void *ctx);
/* The auto-reset circuit (or a finger on FLASH) holding GPIO0 low during reset: true, or let go. */
void board_hold_gpio0_low(bool on);
/* Press or release a button by name or pin (for the control socket). */
bool board_press(const char *name, bool pressed);
void board_close(void);                  /* flushes the VCD trace */
/* The GPIO wired to the chip's RST pin (the board file's `wire 16 rst`), -1 if none: the
 * RTC's alarm pulls GPIO16 low at the end of a deep sleep, which resets the chip only through it. */
int board_rst_wire(void);

#endif
