/* mps2.h: the few pieces of the MPS2 AN385 board the port drives directly: the CMSDK UART0 console,
 * SysTick as the microsecond clock, the FPGA I/O block (user LEDs and buttons) and ARM
 * semihosting (exit status, command line).  Everything else goes through py/port.h and
 * extmod/hal.h, implemented in port.c and hal.c over these. */
#ifndef ADDER_MPS2_H
#define ADDER_MPS2_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MPS2_SYSCLK_HZ (25000000u)     /* the FPGA's CPU clock, which SysTick counts */

#define MPS2_REG(addr) (*(volatile uint32_t *)(addr))
/* FPGA I/O (AN385 section 4.9): LED0 bits 0-1 are the two user LEDs, BUTTON bits 0-1 the buttons */
#define MPS2_FPGAIO_LED0 MPS2_REG(0x40028000u)
#define MPS2_FPGAIO_BUTTON MPS2_REG(0x40028008u)

void mps2_init(void);                  /* clocks, UART0, interrupts: first thing after reset */
void mps2_pins_reset(void);            /* pins to their power-on state (hal.c; soft reset) */

/* ---- console (UART0) ---- */
void mps2_uart_write(const char *s, size_t len);
int mps2_uart_read(void);              /* the next received byte, or -1 if none yet */
void mps2_uart_wait(void);             /* sleeps until a byte arrives or an interrupt is handled */
/* While set, a received byte equal to c (Ctrl-C) calls on_char instead of being queued. */
void mps2_uart_set_interrupt(int c, void (*on_char)(void));

/* ---- clock ---- */
uint64_t mps2_ticks_us(void);
void mps2_wait_until(uint64_t t, volatile int *stop);   /* or until *stop becomes nonzero */
void mps2_set_alarm(uint64_t t, volatile int *flag);    /* sets *flag at tick t; UINT64_MAX disarms */

/* ---- semihosting (QEMU: -semihosting-config enable=on) ---- */
__attribute__((noreturn)) void mps2_exit(int code);
/* The command line (QEMU's -append, or the arg= options): NUL-terminated into buf; false if none. */
bool mps2_cmdline(char *buf, size_t size);
uint32_t mps2_host_time(void);         /* the host's clock, seconds since 1970 */
void mps2_debug_write(const char *s);  /* straight to QEMU's stderr, for fatal errors */

#endif
