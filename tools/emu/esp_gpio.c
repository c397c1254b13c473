/* esp_gpio.c: the ESP8266's pins (gpio_register.h, the SDK's pin_mux_register.h):
 *   GPIO block 0x60000300: 0x00 OUT, 0x04/0x08 OUT_W1TS/W1TC, 0x0c ENABLE, 0x10/0x14 ENABLE_W1TS/
 *   W1TC, 0x18 IN (levels, bits 16-18: the strapping pins GPIO2, GPIO0, GPIO15 latched at reset),
 *   0x1c STATUS, 0x20/0x24 STATUS_W1TS/W1TC, 0x28 + 4n PIN n (bit 2 open drain, bits 7-9 the
 *   interrupt type: 1 rising, 2 falling, 3 any edge, 4 low level, 5 high level);
 *   IO MUX 0x60000800: CONF, then one register per pad (not in GPIO order): function select in
 *   bits 4, 5 and 8, pull-up in bit 7; a pin follows the GPIO block only while its pad selects
 *   the GPIO function (function 0 on pads 0, 2, 4, 5, function 3 elsewhere; the flash pins 6-11
 *   are left to the flash); U0TXD (pad 1, function 0) and U1TXD (pad 2, function 2) drive high;
 *   GPIO16 in the RTC block: 0x768 OUT, 0x774 ENABLE, 0x78c IN, 0x790 CONF, 0x7a0 XPD_DCDC pad
 *   (GPIO16 when its bits 0, 1, 6 are 1, 0, 0).
 * Every change of what the chip drives goes to board.pin_drive; levels come from board.pin_level.
 * Edges are detected when the chip's own drive changes or the board reports a change
 * (esp_pins_changed); the GPIO interrupt (CPU interrupt 4, level) is on while a STATUS bit of a
 * pin with an interrupt type is set. */
#include <string.h>
#include "esp_chip.h"

#define PIN_OD (1u << 2)
#define PIN_INT_SHIFT (7)
#define PAD_PULLUP (1u << 7)
#define FLASH_PINS (0x0fc0u)           /* GPIO 6-11 */
#define NO_DRIVE_YET (2)

/* IO MUX register index (offset / 4) and GPIO function of GPIO 0-15. */
static const uint8_t pad_reg[16] = { 13, 6, 14, 5, 15, 16, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4 };

static int pad_func(const esp8266_t *esp, int pin) {
    uint32_t v = esp->iomux[pad_reg[pin]];
    return (int)(((v >> 4) & 3u) | ((v >> 6) & 4u));
}

static bool is_gpio(const esp8266_t *esp, int pin) {
    return pad_func(esp, pin) == ((pin == 0 || pin == 2 || pin == 4 || pin == 5) ? 0 : 3);
}

static bool gpio16_is_gpio(const esp8266_t *esp) {
    return (esp->rtc_xpd_dcdc & 0x43u) == 1u && (esp->rtc_gpio_conf & 1u) == 0;
}

/* What the chip does to a pin: 0/1 driven, -1 released. */
static int pin_drive_of(const esp8266_t *esp, int pin, bool *pull) {
    if (pin == 16) {
        *pull = false;
        return gpio16_is_gpio(esp) && (esp->rtc_gpio_enable & 1u) ? (int)(esp->rtc_gpio_out & 1u) : -1;
    }
    *pull = (esp->iomux[pad_reg[pin]] & PAD_PULLUP) != 0;
    if (!is_gpio(esp, pin)) {
        int f = pad_func(esp, pin);
        return (pin == 1 && f == 0) || (pin == 2 && f == 2) ? 1 : -1;   /* a UART's idle TX line */
    }
    if (!((esp->gpio_enable >> pin) & 1u)) {
        return -1;
    }
    int out = (int)((esp->gpio_out >> pin) & 1u);
    return (esp->gpio_pin[pin] & PIN_OD) ? (out ? -1 : 0) : out;
}

static void push_drives(esp8266_t *esp) {
    for (int pin = 0; pin < ESP_PIN_COUNT; pin++) {
        if ((FLASH_PINS >> pin) & 1u) {
            continue;
        }
        bool pull;
        int d = pin_drive_of(esp, pin, &pull);
        if (d != esp->drive[pin] || pull != esp->pull[pin]) {
            esp->drive[pin] = (int8_t)d;   /* recorded first: the board may call back in */
            esp->pull[pin] = pull;
            if (esp->board.pin_drive) {
                esp->board.pin_drive(esp->board.ctx, pin, d, pull);
            }
        }
    }
}

static int level(esp8266_t *esp, int pin) {
    if (esp->board.pin_level) {
        return esp->board.pin_level(esp->board.ctx, pin) ? 1 : 0;
    }
    int d = esp->drive[pin];
    return d == 0 || d == 1 ? d : esp->pull[pin];
}

/* Levels of GPIO 0-16 (bit 16: GPIO16); the flash pins read 0. */
static uint32_t sample(esp8266_t *esp) {
    uint32_t v = 0;
    for (int pin = 0; pin < ESP_PIN_COUNT; pin++) {
        if (!((FLASH_PINS >> pin) & 1u) && level(esp, pin)) {
            v |= 1u << pin;
        }
    }
    return v;
}

static void update_irq(esp8266_t *esp) {
    uint32_t typed = 0;
    for (int pin = 0; pin < 16; pin++) {
        if ((esp->gpio_pin[pin] >> PIN_INT_SHIFT) & 7u) {
            typed |= 1u << pin;
        }
    }
    lx106_set_irq(&esp->cpu, ESP_INUM_GPIO, (esp->gpio_status & typed) != 0);
}

static void detect(esp8266_t *esp, uint32_t old, uint32_t now) {
    for (int pin = 0; pin < 16; pin++) {
        uint32_t bit = 1u << pin, type = (esp->gpio_pin[pin] >> PIN_INT_SHIFT) & 7u;
        bool rise = !(old & bit) && (now & bit), fall = (old & bit) && !(now & bit);
        bool hit = (type == 1 && rise) || (type == 2 && fall) || (type == 3 && (rise || fall)) ||
                   (type == 4 && !(now & bit)) || (type == 5 && (now & bit));
        if (hit) {
            esp->gpio_status |= bit;
        }
    }
}

static void update(esp8266_t *esp) {
    push_drives(esp);
    uint32_t old = esp->gpio_in, now = sample(esp);
    esp->gpio_in = now;
    detect(esp, old, now);
    update_irq(esp);
}

void esp_pins_changed(esp8266_t *esp) {
    update(esp);
}

uint32_t esp_gpio_sample_strap(esp8266_t *esp) {
    return (uint32_t)(level(esp, 2) | (level(esp, 0) << 1) | (level(esp, 15) << 2));
}

void esp_gpio_reset(esp8266_t *esp) {
    esp->gpio_out = esp->gpio_enable = esp->gpio_status = 0;
    memset(esp->gpio_pin, 0, sizeof(esp->gpio_pin));
    memset(esp->iomux, 0, sizeof(esp->iomux));
    esp->rtc_gpio_out = esp->rtc_gpio_enable = esp->rtc_gpio_conf = esp->rtc_xpd_dcdc = 0;
    memset(esp->drive, NO_DRIVE_YET, sizeof(esp->drive));
    esp->gpio_in = 0;
    update(esp);
    esp->gpio_status = 0;   /* what reset itself changed is no event */
    update_irq(esp);
}

uint32_t esp_gpio_read(esp8266_t *esp, uint32_t off) {
    switch (off) {
        case 0x00: return esp->gpio_out;
        case 0x0c: return esp->gpio_enable;
        case 0x18: {
            uint32_t old = esp->gpio_in;
            esp->gpio_in = sample(esp);
            detect(esp, old, esp->gpio_in);
            update_irq(esp);
            return (esp->gpio_in & 0xffffu) | (esp->strap << 16);
        }
        case 0x1c: return esp->gpio_status;
        default:
            if (off >= 0x28 && off < 0x68) {
                return esp->gpio_pin[(off - 0x28) / 4];
            }
            esp_log_unknown(esp, 0x60000300u + off, false);
            return 0;
    }
}

void esp_gpio_write(esp8266_t *esp, uint32_t off, uint32_t v) {
    v &= off >= 0x28 ? 0xffffffffu : 0xffffu;
    switch (off) {
        case 0x00: esp->gpio_out = v; break;
        case 0x04: esp->gpio_out |= v; break;
        case 0x08: esp->gpio_out &= ~v; break;
        case 0x0c: esp->gpio_enable = v; break;
        case 0x10: esp->gpio_enable |= v; break;
        case 0x14: esp->gpio_enable &= ~v; break;
        case 0x1c: esp->gpio_status = v; break;
        case 0x20: esp->gpio_status |= v; break;
        case 0x24:
            esp->gpio_status &= ~v;
            detect(esp, esp->gpio_in, esp->gpio_in);   /* a level condition that holds sets it again */
            break;
        default:
            if (off >= 0x28 && off < 0x68) {
                esp->gpio_pin[(off - 0x28) / 4] = v;
                break;
            }
            esp_log_unknown(esp, 0x60000300u + off, true);
            return;
    }
    update(esp);
}

uint32_t esp_iomux_read(esp8266_t *esp, uint32_t off) {
    return esp->iomux[off / 4];
}

void esp_iomux_write(esp8266_t *esp, uint32_t off, uint32_t v) {
    esp->iomux[off / 4] = v;
    update(esp);
}

bool esp_gpio16_read(esp8266_t *esp, uint32_t off, uint32_t *v) {
    switch (off) {
        case 0x68: *v = esp->rtc_gpio_out; return true;
        case 0x74: *v = esp->rtc_gpio_enable; return true;
        case 0x8c: *v = (uint32_t)level(esp, 16); return true;
        case 0x90: *v = esp->rtc_gpio_conf; return true;
        case 0xa0: *v = esp->rtc_xpd_dcdc; return true;
        default: return false;
    }
}

bool esp_gpio16_write(esp8266_t *esp, uint32_t off, uint32_t v) {
    switch (off) {
        case 0x68: esp->rtc_gpio_out = v; break;
        case 0x74: esp->rtc_gpio_enable = v; break;
        case 0x8c: break;   /* input: read-only */
        case 0x90: esp->rtc_gpio_conf = v; break;
        case 0xa0: esp->rtc_xpd_dcdc = v; break;
        default: return false;
    }
    update(esp);
    return true;
}
