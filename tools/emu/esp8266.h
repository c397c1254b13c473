/* esp8266.h: the ESP8266 chip around the LX106 core (tools/emu/esp8266*.c): its memory map, its
 * peripherals as Espressif's Technical Reference and register headers describe them, the SPI flash
 * chip behind the cache (persisted in a file), interrupts and resets.  The mask ROM is emulated in
 * C (rom.h); the board around the chip (LEDs, buttons, sensors) is reached through esp_board_t.
 *
 * Memory map (ESP8266 Technical Reference, "Memory map"):
 *   0x3ff00000  DPORT registers (edge interrupt enables, CPU clock, ...), eFuse at 0x3ff00050
 *   0x3ffe8000  DRAM, 80 KB user data RAM; 0x3fffc000..0x3fffffff: 16 KB more the ROM uses
 *   0x40000000  mask ROM, 64 KB (emulated: its functions are C, its data a few known words)
 *   0x40100000  IRAM, 32 KB (+16 KB at 0x40108000 when the cache is configured for it): word access only
 *   0x40200000  SPI flash through the cache, 1 MB window, word access only, when Cache_Read_Enable'd
 *   0x60000000  peripherals: UART0 0x000, SPI0 0x200, GPIO 0x300, FRC timers 0x600, RTC 0x700,
 *               IO MUX 0x800, WDT 0x900, SAR ADC 0xd00, UART1 0xf00, RTC user memory 0x1100..0x11ff */
#ifndef ESP8266_EMU_H
#define ESP8266_EMU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lx106.h"

#define ESP_CPU_HZ_DEFAULT (80000000u)
#define ESP_PIN_COUNT (17)                   /* GPIO 0..16 */

/* ROM reset reasons (rtc_get_reset_reason), as the ROM prints them in "rst cause:N". */
enum {
    ESP_RST_POWER_ON = 1,
    ESP_RST_EXTERNAL = 2,                    /* the EN/RST pin */
    ESP_RST_WDT = 4,
    ESP_RST_DEEP_SLEEP = 5,
};

/* The board around the chip (tools/emu/board.c implements it over the virtual NodeMCU model). */
typedef struct {
    void *ctx;
    /* A byte the chip's UART transmitted (uart 0 or 1). */
    void (*uart_tx)(void *ctx, int uart, uint8_t byte);
    /* What the chip does to a pin changed: drive is 0 or 1 when it drives the pin, -1 when it does
     * not (input, or open drain releasing); pull_up is its internal pull-up. */
    void (*pin_drive)(void *ctx, int pin, int drive, bool pull_up);
    /* The level on the pin (the chip's drive combined with whatever the board connects there). */
    int (*pin_level)(void *ctx, int pin);
    /* Volts at the chip's TOUT (ADC) pin, 0.0 .. 1.0. */
    double (*adc_volts)(void *ctx);
} esp_board_t;

typedef struct esp8266 esp8266_t;

/* Creates the chip with its flash in the file at flash_path (created erased, 0xff, if missing;
 * flash_size bytes, a power of two from 512 KB to 16 MB; persisted as it is written).  NULL on
 * error, with a message on stderr. */
esp8266_t *esp_new(const char *flash_path, uint32_t flash_size, const esp_board_t *board);
void esp_free(esp8266_t *esp);   /* flushes the flash file */

/* A hardware reset (power-on, the EN pin, the watchdog, waking from deep sleep): the core and every
 * peripheral return to their reset state, DRAM/IRAM keep whatever they held (as on the chip, except
 * power-on, which clears them), RTC memory survives all but power-on.  Then the ROM runs (rom.h):
 * it samples the strapping pins (GPIO0 low: the serial bootloader) and boots. */
void esp_reset(esp8266_t *esp, int cause);
int esp_reset_cause(const esp8266_t *esp);

lx106_t *esp_cpu(esp8266_t *esp);
uint32_t esp_cpu_hz(const esp8266_t *esp);          /* 80 or 160 MHz (DPORT clock bit) */
uint64_t esp_time_us(const esp8266_t *esp);          /* virtual time since power-on, from cycles */

/* Runs the chip (the CPU and the peripherals' timed events) until virtual cycle `until`, WAITI,
 * or a stop; returns the CPU's result.  While the CPU waits, the caller advances time with
 * esp_idle_until(). */
lx106_result_t esp_run(esp8266_t *esp, uint64_t until);
/* The cycle of the next timed event (CCOMPARE0, FRC1, UART byte timing, the watchdog), UINT64_MAX if none. */
uint64_t esp_next_event(const esp8266_t *esp);
/* Time passes with the CPU waiting: cycles jump to `cycle` (events on the way fire). */
void esp_idle_until(esp8266_t *esp, uint64_t cycle);

/* The serial line into UART0's receiver (from the pty).  Bytes enter the 128-byte RX FIFO paced at
 * the UART's configured baud rate in virtual time; the rest waits here.  Returns how many bytes it
 * took (it buffers up to ESP_UART_HOST_BUF; the caller keeps the rest and retries). */
#define ESP_UART_HOST_BUF (4096)
size_t esp_uart_rx(esp8266_t *esp, const uint8_t *data, size_t len);
/* The baud rate UART n is set to (from its clock divider and the APB clock). */
uint32_t esp_uart_baud(const esp8266_t *esp, int uart);
/* Takes up to max received bytes back out of UART0's receiver (FIFO first, then the host buffer)
 * without the CPU seeing them: the ROM's serial bootloader (rom.h) reads the line this way. */
size_t esp_uart_take(esp8266_t *esp, uint8_t *buf, size_t max);
/* Transmits a byte on UART n as the chip would (board.uart_tx), for the ROM's own output. */
void esp_uart_send(esp8266_t *esp, int uart, uint8_t byte);

/* The board changed an input level (a button, the I2C device pulling SDA low): GPIO_IN and the
 * edge interrupts are re-evaluated. */
void esp_pins_changed(esp8266_t *esp);

/* The SPI flash chip, for the ROM emulation (rom.h) and for tests: NOR semantics (write clears
 * bits, erase sets a 4 KB sector, or 64 KB block, to 0xff); writes invalidate what the cache maps. */
uint32_t esp_flash_size(const esp8266_t *esp);
uint32_t esp_flash_id(const esp8266_t *esp);        /* JEDEC id, e.g. 0x1640ef for 4 MB */
bool esp_flash_read(esp8266_t *esp, uint32_t addr, void *buf, size_t len);
bool esp_flash_write(esp8266_t *esp, uint32_t addr, const void *buf, size_t len);
bool esp_flash_erase(esp8266_t *esp, uint32_t addr, uint32_t len);   /* 4 KB aligned */
void esp_flash_sync(esp8266_t *esp);                /* to the file, now */
/* The flash cache: Cache_Read_Enable(odd_even, mb_count, 1) maps megabyte `mb` of flash at 0x40200000. */
void esp_cache_enable(esp8266_t *esp, uint32_t mb);
void esp_cache_disable(esp8266_t *esp);

/* Host memory behind guest RAM, for the ROM's loaders (NULL if addr..addr+len is not RAM).
 * A caller that writes IRAM this way calls lx106_invalidate. */
uint8_t *esp_ram(esp8266_t *esp, uint32_t addr, size_t len);

/* The "rom" layer's hooks into the chip (set by rom_attach): called when the pc reaches the ROM
 * (LX106_HLE pages) and on reset. */
typedef struct {
    void *ctx;
    bool (*hle)(void *ctx, lx106_t *cpu);
    void (*reset)(void *ctx, int cause);
} esp_rom_hooks_t;
void esp_set_rom(esp8266_t *esp, const esp_rom_hooks_t *rom);

/* What the last run did that the host should know: a deep-sleep request (the chip powers down
 * until the RTC timer fires: the host resets it with ESP_RST_DEEP_SLEEP after sleep_us), or a
 * watchdog reset that already happened.  Cleared by reading. */
typedef struct {
    bool deep_sleep;
    uint64_t sleep_us;
} esp_events_t;
esp_events_t esp_take_events(esp8266_t *esp);

/* Unknown register accesses are reported once per address on stderr, with the pc; this also
 * makes them go to a log file instead (NULL: stderr). */
void esp_set_log(esp8266_t *esp, void *file /* FILE* */);

#endif
