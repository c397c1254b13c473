/* board.h (esp8266): the layer that differs between the real chip (board_nodemcu.c: UART0, FRC2,
 * the SPI flash) and QEMU's lx60 board (board_qemu.c: its 16550 UART, CCOUNT, flash in RAM).
 * Everything else in ports/esp8266 is the same firmware on both. */
#ifndef ESP_BOARD_H
#define ESP_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Code that must run from IRAM: before the flash cache is on, with it off (flash writes), and
 * interrupt handlers that may interrupt those. */
#define IRAM_ATTR __attribute__((section(".iram.text")))

/* Register access: addresses of the chip's peripheral block (0x60000000..0x60001fff). */
#define ESP_REG(addr) (*(volatile uint32_t *)(esp_peri_base + ((addr) - 0x60000000u)))
extern uintptr_t esp_peri_base;      /* 0x60000000 on the chip; a RAM model of it under QEMU */

void board_early_init(void);          /* IRAM: cache, clocks; runs before .bss is cleared */
void board_init(void);                /* the console UART and the tick timer */
const char *board_name(void);
void board_uart_write(uint8_t b);     /* the console; waits while the transmitter is full */
int board_uart_read(void);            /* a received byte, or -1 */
/* The console's receive interrupt: its number, and the acknowledgement after the FIFO is read. */
extern const int board_uart_inum;
void board_uart_irq_ack(void);
uint64_t board_ticks_us(void);        /* monotonic, 64-bit */
/* Arms the core's CCOMPARE0 timer interrupt at tick t (in esp_main.c's tick handler). */
void board_timer_arm(uint32_t us_from_now);
void board_idle(void);                /* waits for an interrupt (or a little while) */
void board_set_cpu_mhz(uint32_t mhz); /* 80 or 160 */
/* SPI flash, byte addressed; the chip's, or RAM under QEMU. */
uint32_t board_flash_size(void);
uint32_t board_flash_id(void);
bool board_flash_read(uint32_t addr, uint8_t *buf, size_t len);
bool board_flash_write(uint32_t addr, const uint8_t *buf, size_t len);
bool board_flash_erase(uint32_t sector);
__attribute__((noreturn)) void board_exit(int code);   /* QEMU: semihosting; the chip: reset */
__attribute__((noreturn)) void board_reset(void);      /* a hard reset */
int board_reset_cause(void);          /* a MACHINE_*_RESET value (modmachine.h) */
void board_unique_id(uint8_t id[4]);

/* Written to RTC user memory before a reset that the ROM would report as a plain restart. */
#define ESP_RESET_MAGIC_SOFT (0xad0e5f70u)
/* After hal_deepsleep told the RTC to power the chip down: the chip waits for
 * the power to go; QEMU's lx60, which has no RTC block, sleeps us awake (0: for ever) and restarts. */
__attribute__((noreturn)) void board_deepsleep_wait(uint64_t us);

/* esp_main.c */
uint32_t esp_cpu_mhz(void);
void esp_set_cpu_mhz(uint32_t mhz);
void esp_arm_wakeup(uint64_t t);
void esp_irq_enable(int inum, bool on);
uint32_t esp_irq_disable(void);       /* masks every interrupt; returns the old PS for: */
void esp_irq_restore(uint32_t ps);
static inline uint32_t esp_ccount(void) {
    uint32_t c;
    __asm__ volatile ("rsr %0, ccount" : "=a"(c));
    return c;
}
/* hal_esp8266.c: the interrupts of its peripherals (GPIO edges, FRC1 for PWM), and soft reset. */
void esp_hal_interrupt(uint32_t pending);
void esp_hal_reset(void);

#endif
