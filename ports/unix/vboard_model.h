/* vboard_model.h: the virtual NodeMCU board's model, shared by the host port (build/adder, whose
 * ports/unix/vboard.c glue implements extmod/hal.h over it) and the NodeMCU emulator (build/adder-nodemcu,
 * whose tools/emu/board.c wires it to the emulated chip's pins).  It knows nothing of the interpreter:
 *   vboard_model.c  parts (LEDs, buttons, servos), pin levels from the chip's drive, pulls and external
 *                   drives, LED/servo status lines, the VCD trace, stimulus files, board descriptions,
 *                   the ADC voltage;
 *   vboard_i2c.c    the I2C devices (SSD1306 OLED, BME280) behind a byte-level bus.
 * Its time comes from a clock hook, level changes leave through a hook, errors are printed and
 * returned (the caller decides whether to exit).  docs/vboard.md documents the options and files. */
#ifndef ADDER_VBOARD_MODEL_H
#define ADDER_VBOARD_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../../extmod/hal.h"   /* HAL_PIN_COUNT, HAL_PIN_CAP_*: plain constants */

#define VBOARD_ADC_FULL_SCALE_V (3.3)   /* the NodeMCU's divider maps 0..3.3 V at A0 to 0..1 V at the chip */

/* ---- hooks (each has a harmless default) ---- */
void vboard_set_clock(uint64_t (*now_us)(void *ctx), void *ctx);   /* default: always 0 */
uint64_t vboard_now_us(void);
void vboard_set_level_hook(void (*changed)(int pin, int level));   /* a pin's level changed */
void vboard_set_status_writer(void (*write)(const char *s, size_t len));   /* default: stderr */
void vboard_status(const char *line);                              /* a status line, if showing */
/* Board description lines the model does not know (the host's NeoPixels, DHT, DS18B20). */
void vboard_set_line_hook(bool (*line)(char *words[], int n));

/* ---- set-up ---- */
/* --board FILE|nodemcu, --trace FILE, --stimulus FILE, --leds, --no-leds: how many arguments at
 * argv[i] it consumed, 0 if not one of these, -1 on an error (printed).  A description's `heap`
 * line (and --board nodemcu: 40 KB) sets *heap_size when heap_size is not NULL. */
int vboard_model_option(int argc, char **argv, int i, size_t *heap_size);
bool vboard_start(void);     /* the default board if none was given, the trace, the stimulus */
void vboard_close(void);     /* ends and closes the trace */
bool vboard_showing(void);   /* status lines go out (--leds, or stderr is a terminal) */
/* The GPIO a `wire PIN rst` line connects to the chip's RST pin (D0, GPIO16, on a NodeMCU set up for
 * deep sleep: the default board has it), -1 if none.  Only the emulator uses it. */
int vboard_rst_wire(void);

/* ---- pins ---- */
unsigned vboard_pin_caps(int pin);          /* HAL_PIN_CAP_* of the ESP8266's GPIO n */
/* What the chip does to a pin: drive 0/1, or -1 when it does not drive it; output: it is configured
 * as an output (push-pull or open drain), which is when an LED on it shows the level. */
void vboard_chip_pin(int pin, int drive, bool pull_up, bool output);
int vboard_level(int pin);
int vboard_find(const char *name);          /* a button/LED/pin name or number -> GPIO, -1 if unknown */
void vboard_press(int pin, bool pressed);   /* a button wired to pin */
void vboard_drive(int pin, int level);      /* an external signal: 0, 1, or -1 to let go */
void vboard_bus_pull_low(int pin, bool on); /* an I2C device's open-drain output (wired-AND) */
/* The I2C breakouts' pull-up resistors on SDA and SCL (before vboard_start): the emulator's firmware
 * bit-bangs open-drain lines that need them; the host's byte-level bus has no lines to pull. */
void vboard_set_bus_pullups(bool on);
void vboard_pwm(int pin, bool on, uint32_t freq, uint32_t duty);   /* duty 0..1023 */
bool vboard_pwm_active(int pin);
void vboard_set_adc(double volts);          /* the voltage at A0 */
double vboard_adc_volts(void);
int vboard_led_state(int index, const char **name, const char **colour, int *pin, double *brightness);
int vboard_servo_state(int index, const char **name, int *angle);   /* angle -1 when not driven */

/* ---- the stimulus file ---- */
uint64_t vboard_next_event_us(void);        /* UINT64_MAX: none left */
uint64_t vboard_run_events(uint64_t now);   /* runs those due by now; returns vboard_next_event_us() */

/* ---- the trace ---- */
enum { VBOARD_VCD_SPI_MOSI, VBOARD_VCD_SPI_MISO, VBOARD_VCD_UART1, VBOARD_VCD_BITSTREAM };
void vboard_trace_byte(int channel, uint8_t byte);
void vboard_trace_i2c(int byte, bool busy); /* byte < 0: no new byte */

/* ---- I2C devices (vboard_i2c.c) ---- */
bool vboard_i2c_add(const char *kind, int addr, int sda, int scl);  /* from the board description */
/* The bus, a byte at a time (traced): START (or a repeated one), STOP, a byte the master sends (the
 * first after START addresses a device: true if one acknowledged), a byte a device sends. */
void vboard_i2c_begin(void);
void vboard_i2c_end(void);
bool vboard_i2c_write(int sda, int scl, uint8_t byte);
uint8_t vboard_i2c_read(void);
bool vboard_i2c_lines(int index, int *sda, int *scl);   /* device index's bus; false past the last */
void vboard_i2c_set_env(double temp_c, double humidity, double pressure_hpa);
void vboard_i2c_get_env(double *temp_c, double *humidity, double *pressure_hpa);
/* The OLED's pixels: false if there is none; pixel(x, y) reads GDDRAM as the panel shows it. */
bool vboard_oled_pixel(int x, int y, bool *on);
bool vboard_oled_write_png(const char *path);

#endif
