/* esp_chip.h: the inside of the ESP8266 chip model, shared by its files and by nothing else (users
 * see esp8266.h):
 *   esp8266.c    the memory map, the bus, clocks and virtual time, the event loop, reset, DPORT and
 *                eFuse, the RTC block and RTC memory, the SAR ADC, the unknown-register log
 *   esp_flash.c  the SPI flash chip in its file, and SPI0, the controller that drives it
 *   esp_uart.c   UART0 and UART1
 *   esp_gpio.c   GPIO 0-15, the IO MUX, GPIO16 in the RTC block
 *   esp_timers.c FRC1, FRC2 and the hardware watchdog
 *   esp_rtc.c    the RTC block's counter, alarm and deep sleep
 * Time inside the chip is counted in APB ticks (80 MHz whatever the CPU clock), so peripherals
 * keep their rates when the CPU switches between 80 and 160 MHz. */
#ifndef ESP_CHIP_H
#define ESP_CHIP_H

#include <stdio.h>
#include "esp8266.h"

#define ESP_APB_HZ (80000000u)
#define ESP_NEVER (UINT64_MAX)

/* CPU interrupt numbers of the ESP8266's peripherals (the SDK's ETS_*_INUM). */
#define ESP_INUM_GPIO (4)
#define ESP_INUM_UART (5)
#define ESP_INUM_FRC1 (9)

#define ESP_DRAM_BASE (0x3ffe8000u)
#define ESP_DRAM_SIZE (0x18000u)
#define ESP_IRAM_BASE (0x40100000u)
/* 64 KB: the upper 32 KB becomes the flash cache's memory only in the cache modes that use it;
 * while the ROM bootloader runs it is plain IRAM, where esptool's stub flashers load (0x4010c500). */
#define ESP_IRAM_SIZE (0x10000u)
#define ESP_FLASH_WINDOW (0x40200000u)
#define ESP_FLASH_WINDOW_SIZE (0x100000u)
#define ESP_UART_FIFO_LEN (128u)
#define ESP_RTC_MEM_SIZE (0x400u)         /* 0x60001000..0x600013ff, user part from 0x60001100 */
#define ESP_LOG_SLOTS (1024u)
#define ESP_RTC_REGS (0x68u / 4)          /* 0x60000700..0x60000767; GPIO16's follow */

typedef struct {
    uint32_t int_raw, int_ena, clkdiv, autobaud, conf0, conf1, lowpulse, highpulse;
    uint8_t fifo[ESP_UART_FIFO_LEN];
    uint32_t head, count;                 /* RX FIFO */
    uint64_t tout_at;                     /* APB tick of the RX timeout, ESP_NEVER if none */
} esp_uart_t;

struct esp8266 {
    lx106_t cpu;
    esp_board_t board;
    esp_rom_hooks_t rom;
    FILE *log;
    uint32_t logged[ESP_LOG_SLOTS];       /* addresses already reported (| 1 for writes), 0 = free */
    uint8_t *dram, *iram;
    int reset_cause;
    esp_events_t events;

    /* virtual time: APB tick = apb_base + (cycles - cyc_base) / div */
    uint64_t apb_base, cyc_base;
    uint32_t div;                         /* CPU cycles per APB tick: 1 (80 MHz) or 2 (160 MHz) */
    bool running;                         /* inside lx106_run, with slice_limit as its limit */
    bool resched;                         /* an event moved before slice_limit: lx106_stop'ped */
    uint64_t slice_limit;

    /* the SPI flash and SPI0 */
    uint8_t *flash;
    uint32_t flash_size;
    int flash_fd;
    int cache_mb;                         /* the megabyte mapped at 0x40200000, -1: cache off */
    int window_mb;                        /* the megabyte last mapped (its decoded code may be kept), -1: none */
    bool wel;                             /* the flash's write enable latch */
    uint32_t flash_status;                /* status registers 1 (bits 0-7) and 2 (8-15) */
    uint32_t spi[64];

    /* UARTs and the serial line in */
    esp_uart_t uart[2];
    uint8_t host[ESP_UART_HOST_BUF];
    size_t host_head, host_len;
    uint64_t rx_next;                     /* APB tick the next line byte enters the FIFO */

    /* GPIO */
    uint32_t gpio_out, gpio_enable, gpio_status, gpio_pin[16], gpio_in, strap;
    uint32_t iomux[17];                   /* 0x60000800 CONF and the 16 pad registers */
    uint32_t rtc_gpio_out, rtc_gpio_enable, rtc_gpio_conf, rtc_xpd_dcdc;
    int8_t drive[ESP_PIN_COUNT];          /* what pin_drive last reported: 0, 1, -1, or 2 = nothing yet */
    bool pull[ESP_PIN_COUNT];

    /* timers */
    uint32_t frc1_load, frc1_ctrl, frc1_count;   /* count at frc1_tick when running */
    uint64_t frc1_tick;
    bool frc1_int;
    uint32_t frc2_ctrl, frc2_alarm, frc2_count;  /* count at frc2_tick */
    uint64_t frc2_tick;
    uint32_t wdt_ctl, wdt_op, wdt_op_nd;
    uint64_t wdt_fed;

    /* DPORT, RTC memory, SAR */
    uint32_t dport_edge_int, dport_clock;
    uint8_t rtc_mem[ESP_RTC_MEM_SIZE];
    uint32_t sar_ctrl;

    /* the RTC block (esp_rtc.c): its plain registers 0x700..0x767, the deep sleep */
    uint32_t rtc_reg[ESP_RTC_REGS];
    bool asleep;                          /* powered down by the RTC until a reset */
};

/* esp8266.c */
uint64_t esp_apb_now(const esp8266_t *esp);
/* A peripheral's next event moved to APB tick t: shorten the CPU's current slice if needed. */
void esp_event_moved(esp8266_t *esp, uint64_t t);
void esp_log_unknown(esp8266_t *esp, uint32_t addr, bool write);

/* esp_flash.c */
bool esp_flash_open(esp8266_t *esp, const char *path, uint32_t size);
void esp_flash_close(esp8266_t *esp);
void esp_spi_reset(esp8266_t *esp);
uint32_t esp_spi_read(esp8266_t *esp, uint32_t off);
void esp_spi_write(esp8266_t *esp, uint32_t off, uint32_t v);

/* esp_uart.c */
void esp_uart_reset(esp8266_t *esp);
uint32_t esp_uart_read(esp8266_t *esp, int n, uint32_t off);
void esp_uart_write(esp8266_t *esp, int n, uint32_t off, uint32_t v);
uint64_t esp_uart_next(const esp8266_t *esp);
void esp_uart_fire(esp8266_t *esp, uint64_t now);

/* esp_gpio.c */
void esp_gpio_reset(esp8266_t *esp);
uint32_t esp_gpio_read(esp8266_t *esp, uint32_t off);      /* off from 0x60000300 */
void esp_gpio_write(esp8266_t *esp, uint32_t off, uint32_t v);
uint32_t esp_iomux_read(esp8266_t *esp, uint32_t off);     /* off from 0x60000800 */
void esp_iomux_write(esp8266_t *esp, uint32_t off, uint32_t v);
/* GPIO16's registers in the RTC block; false if off (from 0x60000700) is not one of them. */
bool esp_gpio16_read(esp8266_t *esp, uint32_t off, uint32_t *v);
bool esp_gpio16_write(esp8266_t *esp, uint32_t off, uint32_t v);
/* The boot strapping pins as GPIO_IN[18:16] shows them: GPIO15, GPIO0, GPIO2. */
uint32_t esp_gpio_sample_strap(esp8266_t *esp);

/* esp_rtc.c: the RTC block's counter, alarm and deep sleep (off from 0x60000700;
 * false if off is not one of its registers: GPIO16's are esp_gpio.c's) */
void esp_rtc_reset(esp8266_t *esp, int cause);
bool esp_rtc_read(esp8266_t *esp, uint32_t off, uint32_t *v);
bool esp_rtc_write(esp8266_t *esp, uint32_t off, uint32_t v);

/* esp_timers.c */
void esp_timers_reset(esp8266_t *esp);
uint32_t esp_timers_read(esp8266_t *esp, uint32_t off);    /* off from 0x60000600 */
void esp_timers_write(esp8266_t *esp, uint32_t off, uint32_t v);
uint32_t esp_wdt_read(esp8266_t *esp, uint32_t off);       /* off from 0x60000900 */
void esp_wdt_write(esp8266_t *esp, uint32_t off, uint32_t v);
uint64_t esp_timers_next(const esp8266_t *esp);
/* Fires what is due; returns true if the watchdog reset the chip. */
bool esp_timers_fire(esp8266_t *esp, uint64_t now);

#endif
