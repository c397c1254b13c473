/* vboard.h: the virtual NodeMCU board the host port runs on.  The board itself (parts, pin levels,
 * LEDs on stderr, the VCD trace, stimulus and board files, the I2C devices) is the model in
 * vboard_model.h, shared with the NodeMCU emulator; vboard.c is the host's glue that implements
 * extmod/hal.h over it (the clock, real or --fast-time, interrupts into Python, resets) and
 * vboard_dev.c the host's other peripherals.  modboard.c is the `board` module that drives the
 * inputs from Python. */
#ifndef ADDER_VBOARD_H
#define ADDER_VBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../../extmod/hal.h"
#include "vboard_model.h"

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

/* The clock, for the peripherals that take time. */
bool vboard_fast_time(void);
void vboard_advance_us(uint64_t us);        /* virtual time passes (fast-time only) */

/* The other peripherals (vboard_dev.c): SPI loopback, UART1's TX line, NeoPixel strips, DHT and
 * DS18B20 sensors, the flash chip.  A board file line it understands: true. */
bool vboard_dev_line(char *words[], int n);
int vboard_pixels(int strip, const char **name, uint8_t *rgb, int max_pixels);  /* -1: no such strip */
bool vboard_flash_file(const char *path);    /* --flash FILE: the flash image lives in that file */

#endif
