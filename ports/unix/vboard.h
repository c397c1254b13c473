/* vboard.h: the virtual NodeMCU board the host port runs on.  vboard.c models the chip's pins, clock,
 * PWM and ADC and what is wired to them (LEDs, buttons, a potentiometer), shows LED changes on stderr,
 * records a VCD trace and replays stimulus files; vboard_i2c.c simulates the I2C devices.  Together
 * they implement extmod/hal.h.  modboard.c is the `board` module that drives the inputs from Python. */
#ifndef ADDER_VBOARD_H
#define ADDER_VBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../../extmod/hal.h"

/* Command-line options (main.c): returns how many arguments at argv[i] it consumed (0: not ours).
 * May set *heap_size (--board nodemcu). */
int vboard_option(int argc, char **argv, int i, size_t *heap_size);
void vboard_init(void);      /* after the runtime is up: opens the trace, loads the stimulus */
void vboard_reset(void);     /* soft reset: the chip's peripherals to power-on (added by the REPL helper) */
/* Hard resets (machine.reset, deepsleep's wake-up, the WDT) longjmp to reboot, where the port
 * re-initialises the interpreter and runs the program again; without one they end the process. */
#include <setjmp.h>
void vboard_on_reboot(jmp_buf *reboot);
void vboard_set_reset_cause(int cause);  /* what machine.reset_cause() says after the next boot */

/* Inputs, for the stimulus file and the board module. */
int vboard_find(const char *name);          /* a button/LED/pin name or number -> GPIO, -1 if unknown */
void vboard_press(int pin, bool pressed);   /* a button wired to pin */
void vboard_drive(int pin, int level);      /* an external signal: 0, 1, or -1 to let go */
void vboard_set_adc(double volts);          /* the voltage at A0 */
double vboard_adc_volts(void);
int vboard_led_state(int index, const char **name, const char **colour, int *pin, double *brightness);

/* The trace and the clock, for the I2C simulation. */
bool vboard_fast_time(void);
void vboard_advance_us(uint64_t us);        /* virtual time passes (fast-time only) */
void vboard_trace_i2c(int byte, bool busy); /* byte < 0: no new byte */

/* The trace's byte channels other than I2C, and whether status lines go to stderr (--leds). */
enum { VBOARD_VCD_SPI_MOSI, VBOARD_VCD_SPI_MISO, VBOARD_VCD_UART1, VBOARD_VCD_BITSTREAM };
void vboard_trace_byte(int channel, uint8_t byte);
bool vboard_showing(void);
int vboard_servo_state(int index, const char **name, int *angle);   /* angle -1 when not driven */

/* The other peripherals (vboard_dev.c): SPI loopback, UART1's TX line, NeoPixel strips, DHT and
 * DS18B20 sensors, the flash chip.  A board file line it understands: true. */
bool vboard_dev_line(char *words[], int n);
int vboard_pixels(int strip, const char **name, uint8_t *rgb, int max_pixels);  /* -1: no such strip */
bool vboard_flash_file(const char *path);    /* --flash FILE: the flash image lives in that file */

/* I2C devices (vboard_i2c.c). */
bool vboard_i2c_add(const char *kind, int addr, int sda, int scl);  /* from the board description */
void vboard_i2c_set_env(double temp_c, double humidity, double pressure_hpa);
void vboard_i2c_get_env(double *temp_c, double *humidity, double *pressure_hpa);
/* The OLED's pixels: false if there is none; pixel(x, y) reads GDDRAM as the panel shows it. */
bool vboard_oled_pixel(int x, int y, bool *on);
bool vboard_oled_write_png(const char *path);

#endif
