/* esp_rtc.c: the ESP8266's RTC block at 0x60000700 (esp-open-rtos's rtc_regs.h names its registers),
 * the part that stays powered in deep sleep: a free-running counter on the slow clock, the alarm
 * compared with it, and the sleep itself.  GPIO16's registers (0x768..) are esp_gpio.c's.
 *
 *   0x00 CTRL0, 0x0c, 0x10, 0x14, 0x20..0x64  plain registers (stored, read back)
 *   0x04 COUNTER_ALARM
 *   0x08 sleep control: a write setting bit 20 powers the chip down (the SDK's rtc_enter_sleep)
 *   0x18 wake-up sources: bit 3, the RTC timer (the alarm)
 *   0x1c COUNTER, read-only: the slow clock, modelled as the APB clock / 455 (~175.8 kHz, about
 *        what the SDK's calibration finds on a real chip's RC oscillator)
 *   0x30..0x3c SCRATCH, kept across resets as RTC memory is
 *
 * Deep sleep: the CPU stops at once and esp_take_events() reports it with the time until the alarm
 * (0 when the timer may not wake the chip).  The host (main.c) keeps the chip off for that long, then
 * the alarm pulls GPIO16 (XPD_DCDC) low: a reset with ESP_RST_DEEP_SLEEP if the board wires D0 to
 * RST, nothing otherwise.  The pins float while the chip is off. */
#include <string.h>
#include "esp_chip.h"

#define RTC_APB_PER_TICK (455u)
#define RTC_ALARM (0x04u)
#define RTC_SLEEP (0x08u)
#define RTC_SLEEP_EN (1u << 20)
#define RTC_WAKE (0x18u)
#define RTC_WAKE_TIMER (1u << 3)
#define RTC_COUNTER (0x1cu)
#define RTC_SCRATCH (0x30u)
#define RTC_SCRATCH_END (0x40u)

static uint32_t counter(const esp8266_t *esp) {
    return (uint32_t)(esp_apb_now(esp) / RTC_APB_PER_TICK);
}

/* The RTC keeps its scratch words across every reset but power-on; the rest returns to 0. */
void esp_rtc_reset(esp8266_t *esp, int cause) {
    uint32_t scratch[(RTC_SCRATCH_END - RTC_SCRATCH) / 4];
    memcpy(scratch, &esp->rtc_reg[RTC_SCRATCH / 4], sizeof scratch);
    memset(esp->rtc_reg, 0, sizeof esp->rtc_reg);
    if (cause != ESP_RST_POWER_ON) {
        memcpy(&esp->rtc_reg[RTC_SCRATCH / 4], scratch, sizeof scratch);
    }
    esp->asleep = false;
}

bool esp_rtc_read(esp8266_t *esp, uint32_t off, uint32_t *v) {
    if (off >= ESP_RTC_REGS * 4) {
        return false;
    }
    *v = off == RTC_COUNTER ? counter(esp) : esp->rtc_reg[off / 4];
    return true;
}

/* Microseconds from now to the alarm, at least 1; 0 if the timer may not wake the chip. */
static uint64_t sleep_us(const esp8266_t *esp) {
    if (!(esp->rtc_reg[RTC_WAKE / 4] & RTC_WAKE_TIMER)) {
        return 0;
    }
    uint32_t ticks = esp->rtc_reg[RTC_ALARM / 4] - counter(esp);   /* the counter wraps */
    uint64_t us = (uint64_t)ticks * RTC_APB_PER_TICK / (ESP_APB_HZ / 1000000u);
    return us == 0 ? 1 : us;
}

/* The chip powers down: the CPU stops inside this store, the pins float. */
static void enter_sleep(esp8266_t *esp) {
    esp->asleep = true;
    esp->events.deep_sleep = true;
    esp->events.sleep_us = sleep_us(esp);
    esp_gpio_reset(esp);
    lx106_stop(&esp->cpu);
}

bool esp_rtc_write(esp8266_t *esp, uint32_t off, uint32_t v) {
    if (off >= ESP_RTC_REGS * 4) {
        return false;
    }
    if (off != RTC_COUNTER) {
        esp->rtc_reg[off / 4] = v;
    }
    if (off == RTC_SLEEP && (v & RTC_SLEEP_EN) && !esp->asleep) {
        enter_sleep(esp);
    }
    return true;
}
